# re: flags, lookarounds, backreferences, conditionals, possessive and
# atomic groups, Unicode/ASCII classes, bytes patterns, pattern repr and
# equality, and parser errors.
import re

def show(pat, s, flags=0, fn='search'):
    try:
        m = getattr(re, fn)(pat, s, flags)
    except re.error as e:
        print('error', repr(pat), e, e.pos)
        return
    print(repr(pat), '->', m and (m.span(), m.groups()))

# flags
show('abc', 'xABCx', re.I)
show('^b', 'a\nb', 0)
show('^b', 'a\nb', re.M)
show('a$', 'a\nb', re.M)
show('a$', 'ba\n')
show('a\\Z', 'ba\n')
show('a.b', 'a\nb')
show('a.b', 'a\nb', re.S)
show('a b # comment\n c', 'abc', re.X)
show(r'\w+', 'héllo wörld')
show(r'\w+', 'héllo wörld', re.A)
show(r'(?a)\w+', 'héllo')
show(r'(?i:A)b', 'aB')
show(r'(?i:A)b', 'ab')
show(r'(?-i:A)b', 'aB', re.I)
show(r'(?x) a  b  ', 'ab')
show(r'(?s).+', 'a\nb')
print(re.findall(r'^\w', 'x\ny\nz', re.M), re.findall(r'\w$', 'x\ny\nz', re.M))

# Unicode case folding and classes
for pat, s in [('straße', 'STRASSE'), ('ǅ', 'ǆ'), ('Σ', 'ς'), ('σ', 'Σ'), ('ſ', 'S'),
               ('K', '\u212a'), ('[a-z]+', 'ABCſ\u212a'), ('[à-ÿ]', 'À'),
               ('ﬀ', 'FF'), ('İ', 'i'), ('ß', 'ẞ'), ('[ß]', 'ẞ'), ('Ω', 'ω'), ('µ', 'Μ')]:
    show(pat, s, re.I)
show('[A-Z]', 'a', re.I | re.A)
show('k', '\u212a', re.I | re.A)
print(re.findall(r'\d', '1٣۴x'), re.findall(r'\d', '1٣۴x', re.A))
print(re.findall(r'\s', ' \t\x1c\u3000\xa0x'), re.findall(r'\s', ' \t\x1c\u3000\xa0x', re.A))
print(re.findall(r'\W', 'a_b-ç!'), re.findall(r'\b\w+\b', 'naïve café'))
print(re.findall(r'[^\W\d]+', 'ab12cd_3'), re.findall(r'[\d\s]+', 'a1 2b'))
print(re.findall(r'[\u0100-\u0200\u3000-\u3003]', 'aĀȀȁ\u3001'))
print(re.findall(r'[^a-c]', 'abcdé'), re.findall(r'[\x00-\x7f]+', 'abçd'))
print(re.findall('[𝒜-𝒵]', 'x𝒜𝒞y'), re.findall('.', '😀a'))

# lookarounds and backreferences
show(r'foo(?=bar)', 'foobaz foobar')
show(r'foo(?!bar)', 'foobar foobaz')
show(r'(?<=\$)\d+', 'cost $42')
show(r'(?<!\$)\b\d+', 'cost $42 or 17')
show(r'(?<=(a))b', 'ab')
show(r'(\w+) \1', 'hello hello world')
show(r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" \'x\'')
show(r'(a)|\1', 'x')
show(r'(?i)(a)\1', 'aA')
show(r'(a)?(?(1)b|c)', 'c')
show(r'(a)?(?(1)b|c)', 'ab')
show(r'(?P<x>a)?(?(x)b)', 'b')
show(r'(?:(a)|b)(?(1)c|d)', 'bd')
show(r'(?=(\w+))\w', 'abc')

# repeats: greedy, lazy, bounded, possessive, atomic
show(r'a{2,3}', 'aaaa')
show(r'a{2,3}?', 'aaaa')
show(r'(ab){2}', 'ababab')
show(r'(?:ab){1,2}?c', 'ababc')
show(r'<.*>', '<a><b>')
show(r'<.*?>', '<a><b>')
show(r'a*+a', 'aaa')
show(r'a++b', 'aab')
show(r'(?:a|ab)++c', 'ababc')
show(r'(?:ab)*+b', 'ababb')
show(r'a?+a', 'a')
show(r'a{1,2}+a', 'aaa')
show(r'(?>a+)a', 'aaa')
show(r'(?>a|ab)c', 'abc')
show(r'(?>(a)+)b', 'aab')
show(r'(a|b)*?c', 'abac')
show(r'(a+|b)*', 'ab')
show(r'(a+|b){0,}', 'ab')
show(r'(a+|b)+', 'ab')
show(r'(a|)*b', 'aab')
show(r'(?:a*)*b', 'aab')
show(r'(?:a*)+?b', 'aab')
show(r'(x?)*?y', 'xxy')
show(r'([abc])*bcd', 'abcd')
show(r'(a)(?:b\1)*', 'ababa')
show(r'(?:(\d+),)*(\d+)', '1,22,333')
show(r'^(?:(a)|(b)|(c))+$', 'abcab', fn='match')
show(r'\b(\w+)(\s+\1\b)+', 'the the the end')

# bytes patterns
print(re.findall(rb'\w+', b'ab c\xe9d'), re.findall(rb'[\x80-\xff]', b'a\x80\xff'))
print(re.match(rb'(?i)ABC', b'abc'), re.sub(rb'\s', b'_', b'a b\tc'))
print(re.split(rb',', bytearray(b'a,b')), re.match(rb'a', memoryview(b'ab')).group())
print(re.search(rb'b+', bytearray(b'abbc')).group(), re.findall(b'.', bytearray(b'xy')))
print(re.match(b'(?L)a', b'A', re.I))

# repr and equality
for p in [re.compile('x'), re.compile('x', re.I | re.M), re.compile(b'x', re.I),
          re.compile('x', re.A), re.compile('x', re.S | re.X | re.U), re.compile('"\'\n')]:
    print(repr(p))
print(re.compile('x') == re.compile('x'), re.compile('x') == re.compile('x', re.I),
      re.compile('x') != re.compile('y'), re.compile('x') == 'x')
print(hash(re.compile('ab')) == hash(re.compile('ab')))
print({re.compile('a'): 1}[re.compile('a')])

# parser errors (raised by the pure-Python parser)
for bad in ['(', ')', '[a', 'a**', '(?P<1>a)', '(?P=x)', '\\', 'a{2,1}', '(?<=a+)b',
            '[z-a]', '(?z)', '\\k', '(?P<a>x)(?P<a>y)', '*a', '(?i', 'x(?i)', '\\8']:
    try:
        re.compile(bad)
        print('ok', repr(bad))
    except re.error as e:
        print('error', repr(bad), '|', e, '|', e.pos, e.lineno, e.colno)
try:
    re.compile('a\n(b', re.X)
except re.error as e:
    print(e.msg, e.lineno, e.colno)
