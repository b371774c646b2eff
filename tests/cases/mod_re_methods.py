# re: search/match/fullmatch with pos/endpos, findall, finditer, split,
# sub/subn (strings, group references, callables), scanner, escape.
import re

p = re.compile(r'\d+')
s = 'a1b22c333d'
print(p.search(s), p.search(s, 3), p.search(s, 3, 4), p.search(s, 20), p.search(s, -5, 100))
print(p.match(s), p.match(s, 1), p.match(s, pos=3, endpos=4))
print(p.fullmatch('123'), p.fullmatch('123a'), p.fullmatch(s, 1, 2), p.fullmatch(string='42'))
print(re.compile('').match('abc', 2, 1), re.compile('a*').search('abc', 3))
print(re.compile(r'^b').search('ab', 1), re.compile(r'(?<=a)b').search('ab', 1))
print(re.compile(r'\Ab').search('ab', 1), re.compile(r'a$').search('ab', 0, 1))

print(p.findall(s), p.findall(s, 2, 7))
print(re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'(\w)\d', 'a1 b2'))
print(re.findall(r'', 'abc'), re.findall(r'a|', 'bab'))
print(re.findall(r'(a)|b', 'ab'))
print([(m.start(), m.group()) for m in re.finditer(r'\w+', 'one two  three')])
print([m.span() for m in re.finditer(r'\b', 'ab cd')])
print([m.span() for m in re.compile(r'x*').finditer('axxb', 1)])

print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1))
print(re.split(r'\W+', 'Words, words, words.', maxsplit=-1))
print(re.split(r'[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(a)|(b)', 'xaybz'))
print(re.split(r'x*', 'axbc'), re.split(r'\b', 'a b'), re.split('', 'abc'))

print(re.sub(r'\s+', ' ', '  a   b\t\nc '))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world foo bar'))
print(re.sub(r'(?P<a>\d)', r'<\g<a>\g<0>\g<1>>', 'x1y2'))
print(re.sub(r'a', r'\n', 'bab'), repr(re.sub(r'a', '\\\\', 'bab')))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c9'))
print(re.sub(r'\d', lambda m: '', 'a1b2c9'), re.sub('x', 'y', 'xxx', count=2))
print(re.subn(r'o', '0', 'foo boo'), re.subn('z', 'y', 'abc'))
print(re.sub('', '-', 'abc'), re.sub('b*', '-', 'abc'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub(b'a', b'\\\\x', b'bab'), re.sub(b'(a)', lambda m: m.group(1).upper(), b'banana'))
for bad in [r'\g<9>', r'\9', r'\g<x', r'\g<>']:
    try:
        re.sub(r'(a)', bad, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 1, 'abc')
except TypeError as e:
    print('TypeError', e)
try:
    re.sub('a', b'x', 'abc')
except TypeError as e:
    print('TypeError', e)

sc = re.compile(r'\w').scanner('ab c')
print(sc.match(), sc.match(), sc.match(), sc.search(), sc.search(), sc.pattern)
sc = re.compile(r'a*').scanner('baa')
print([sc.search() for _ in range(5)])

print(re.escape('a.b*c?(d)[e]{f} g\\h-i'), re.escape(b'a.b'))
print(re.purge())
for args in [(1,), ('a', 1)]:
    try:
        re.compile(r'a').search(*args)
    except TypeError as e:
        print('TypeError', e)
for pat, subj in [('a', b'a'), (b'a', 'a')]:
    try:
        re.search(pat, subj)
    except TypeError as e:
        print('TypeError', e)
