# re: groups, named groups, Match accessors, lastindex/lastgroup, regs.
import re

m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?: (\d+))?', 'Jane Doe rest')
print(m.group(), m.group(0), m.group(1), m.group('last'))
print(m.group(1, 'last', 0))
print(m.groups(), m.groups('dflt'))
print(m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.span(2), m.start('last'), m.end(3), m.span(3))
print(m[0], m[1], m['first'], m[3])
print(m.lastindex, m.lastgroup, m.regs)
print(m.string, m.re, m.pos, m.endpos)
print(repr(m))
for bad in (4, -1, 'nope', 1.5):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', bad, e)
try:
    m.start('zzz')
except IndexError as e:
    print('IndexError', e)
print(m.group(True), m.span(False))

m = re.match(r'(a)(b)?(c)?', 'ac')
print(m.groups(), m.lastindex, m.lastgroup, m.regs)
m = re.match(r'(?P<x>a)|(?P<y>b)', 'b')
print(m.lastindex, m.lastgroup, m.groupdict())
m = re.match(r'((a)|b)+', 'abab')
print(m.groups(), m.lastindex, m.span(2))
m = re.match(r'(?:(a)|(b))*', 'abba')
print(m.groups(), m.lastindex)
m = re.match(r'(a*)*', 'aaa')
print(m.groups(), m.span(1))
m = re.match(r'(a*)+?b', 'aab')
print(m.groups())
m = re.match(r'(?:(x)|y)*?z', 'xyxz')
print(m.groups(), m.lastindex)

p = re.compile(r'(?P<n>\d+)(?P<u>[a-z]*)')
print(p.groups, p.groupindex, type(p.groupindex).__name__, p.pattern, p.flags)
print(sorted(p.groupindex.items()))
try:
    p.groupindex['z'] = 1
except TypeError as e:
    print('TypeError', e)

# expand and templates
m = re.search(r'(?P<word>\w+)=(\d+)', 'x key=42 y')
print(m.expand(r'\2:\g<word>:\g<1>:\\n'))
print(repr(m.expand(r'[\n\t]')))
try:
    m.expand(r'\g<missing>')
except IndexError as e:
    print('IndexError', e)

# match repr truncation
print(re.match('.*', 'y' * 80))
print(re.match(b'.*', b'x\x00\xff'))
print(re.match('(a)|b', 'b').span(1))

# copy / deepcopy / class_getitem
import copy
print(copy.copy(m) is m, copy.deepcopy(m) is m, copy.copy(p) is p, copy.deepcopy(p) is p)
print(hasattr(re.Match, "__class_getitem__"), hasattr(re.Pattern, "__class_getitem__"))
print(type(m).__name__, type(p).__name__, type(m).__module__, type(p).__module__)
try:
    re.Match()
except TypeError as e:
    print('TypeError', e)
