# Lone surrogates (U+D800..U+DFFF) in str values.
import io, json, marshal, os, re, codecs

s = '\ud800'
t = 'a\udc80b'
print(repr(s), ascii(s), len(s), ord(s), repr(chr(0xdc80)), ord(chr(0xdfff)), chr(0xd800) == s)
print(repr(t), len(t), repr(t[1]), repr(t[1:]), repr(t[::-1]), repr(t[-2::-1]), [ascii(c) for c in t])
print(repr(f'x\ud801y'), repr('\ud800' 'abc'), repr('\N{BULLET}\ud800'), repr(r'\ud800'), repr(b'\xed\xa0\x80'))
print(repr('\U0010ffff'), len('\U0010ffff\udfff'), '\U0010ffff' == '\udbff\udfff', ascii('\ud83d\ude00'), len('\ud83d\ude00'))
print(s == '\ud800', s != '\U0010f800', hash(s) == hash(chr(0xd800)), {s: 1}[chr(0xd800)], len({s, chr(0xd800), '\udc00'}))
print('\ud800' < '\ue000', '\U0010ffff' > '\udfff', sorted(['\ue000', '\ud800', 'a', '\U00010000']) == ['a', '\ud800', '\ue000', '\U00010000'])
print(ascii(min('\ud800', '\ue000')), ascii(max(['\ud800', 'z'])), '\ud800' in 'a\ud800', 'a\ud800'.count('\ud800'), 'a\ud800b'.find('b'))

# Building strings.
print(ascii(s + 'x'), ascii('-'.join([s, 'a', t])), ascii(s * 3), ascii(''.join(reversed(t))), ascii(str(s)))
print(ascii(f"<{s}>"), ascii(f"{s!r}"), ascii(f"{s:>4}"), ascii("%s|%r|%a" % (s, s, s)), ascii('%5s' % s))
print(ascii('{:>5}'.format(s)), ascii(format('\udc80', '<3')), ascii('{}-{}'.format(s, 1)), ascii('{0}{0}'.format(t)))
print(ascii(s.upper()), ascii(t.replace('a', 'x')), ascii(t.split('\udc80')), ascii(' \ud800 '.strip()), ascii(s.center(5, '*')))
print(ascii(t.partition('\udc80')), ascii(t.zfill(5)), ascii(t.title()), ascii(t.translate({97: 'z'})), ascii(t.removeprefix('a')))
print(s.isprintable(), t.isalpha(), s.isspace(), s.isidentifier(), repr([s, t]), repr((s,)), repr({s: t}))

# Codecs.
try:
    s.encode('utf-8')
except UnicodeEncodeError as e:
    print(type(e).__name__, e, e.start, e.end, ascii(e.object), e.reason)
for enc in ['utf-8', 'ascii', 'latin-1', 'utf-16-le', 'utf-32-be']:
    for err in ['strict', 'surrogatepass', 'surrogateescape', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace']:
        for x in ['a\ud800\udc80b', '\udc80\udcff', 'x\udc80\ud800']:
            try:
                r = x.encode(enc, err)
            except UnicodeEncodeError as e:
                r = (type(e).__name__, str(e), e.start, e.end)
            print(enc, err, ascii(x), r)
for b in [b'a\xff\xfeb', b'\xed\xa0\x80x', b'\x80abc\xc3', b'\xe2\x82', b'ok']:
    for err in ['surrogateescape', 'surrogatepass']:
        try:
            r = b.decode('utf-8', err)
            print(b, err, ascii(r), len(r), r.encode('utf-8', err) == b)
        except UnicodeError as e:
            print(b, err, type(e).__name__, e)
print(ascii(b'\x00\xd8a\x00'.decode('utf-16-le', 'surrogatepass')), ascii(b'\x00\xd8\x00\x00'.decode('utf-32-le', 'surrogatepass')))
print(ascii('\ud800'.encode('utf-16-le', 'surrogatepass').decode('utf-16-le', 'surrogatepass')))
print(ascii(codecs.decode(b'\xed\xb2\x80', 'utf-8', 'surrogatepass')), ascii(codecs.utf_8_decode(b'\xff', 'surrogateescape')))
print(ascii(str(b'\xff', 'utf-8', 'surrogateescape')), bytes('\udcff', 'utf-8', 'surrogateescape'), bytearray('\udcff', 'utf-8', 'surrogateescape'))
name = os.fsdecode(b'caf\xe9')
print(ascii(name), os.fsencode(name), os.fsencode(name) == b'caf\xe9', ascii(os.fsdecode(b'plain')))

# Text streams.
out = io.TextIOWrapper(io.BytesIO(), encoding='utf-8')
try:
    print('a', s, file=out)
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
out = io.TextIOWrapper(io.BytesIO(), encoding='utf-8', errors='surrogateescape')
out.write('x\udc80y\n')
out.flush()
print(out.buffer.getvalue())
out = io.TextIOWrapper(io.BytesIO(), encoding='ascii', errors='backslashreplace')
print(s, t, file=out)
out.flush()
print(out.buffer.getvalue())

# json, marshal, re.
print(json.dumps(s), json.dumps(s, ensure_ascii=False) == '"\ud800"', ascii(json.loads('"\\ud800"')), ascii(json.loads('"\\ud83d\\ude00"')))
print(json.dumps({'\udc80': ['\ud800x']}), ascii(json.loads(json.dumps({t: s}))))
print(marshal.dumps(s), ascii(marshal.loads(marshal.dumps('a\udfff'))), ascii(marshal.loads(marshal.dumps(['\ud800', 'x']))))
code = compile("x = '\\ud800' + 'a'\ny = 'q\\udc80'\nz = f'<\\udfff>'\n", "m", "exec")
data = marshal.dumps(code)
print(data.count(b'\xed\xa0\x80'), data.count(b'\xed\xb2\x80'))
ns = {}
exec(marshal.loads(data), ns)
print(ascii(ns['x']), ascii(ns['y']), ascii(ns['z']))
print(ascii(re.sub('\ud800', 'X', 'a\ud800b')), ascii(re.findall('[\ud800-\udfff]', 'a\ud800b\udc80')), ascii(re.escape(s)))
m = re.search('(b)(\udc80+)', 'ab\udc80\udc80c')
print(ascii(m.group(2)), m.span(2), ascii(re.split('\udc80', t)))

# Formatting code points, pickling, hashing, error handlers.
import pickle, sys
print(ascii('%c' % 0xd800), ascii('{:c}'.format(0xdc80)), ascii(format(0xdfff, 'c')), ascii(f'{0xd800:c}|{s}'))
print(hash(s), hash(t), hash('\ud800\U0001f600'), sys.getsizeof(s), sys.getsizeof(t))
for proto in range(2, 6):
    print(proto, ascii(pickle.loads(pickle.dumps(['\ud800', t, {s: 1}], protocol=proto))))
print(pickle.dumps(s, 2))
h = codecs.lookup_error('backslashreplace')
print(h(UnicodeEncodeError('utf-8', 'a\ud800', 1, 2, 'x')))
h = codecs.lookup_error('xmlcharrefreplace')
print(h(UnicodeEncodeError('utf-8', 'a\ud800', 1, 2, 'x')))
h = codecs.lookup_error('surrogateescape')
print(ascii(h(UnicodeDecodeError('utf-8', b'a\xff', 1, 2, 'x'))), h(UnicodeEncodeError('utf-8', 'a\udcff', 1, 2, 'x')))
h = codecs.lookup_error('surrogatepass')
print(h(UnicodeEncodeError('utf-8', 'a\udcff', 1, 2, 'x')), ascii(h(UnicodeDecodeError('utf-8', b'a\xed\xb3\xbf', 1, 4, 'x'))))
try:
    h(UnicodeEncodeError('utf-8', 'ab', 1, 2, 'x'))
except UnicodeEncodeError as e:
    print(type(e).__name__, e)

# Reading text streams with surrogateescape / surrogatepass.
t = io.TextIOWrapper(io.BytesIO(b'caf\xe9\nna\xefve\n'), encoding='utf-8', errors='surrogateescape')
lines = list(t)
print([ascii(l) for l in lines], [l.encode('utf-8', 'surrogateescape') for l in lines])
t = io.TextIOWrapper(io.BytesIO(b'x\xffy\n'), encoding='ascii', errors='surrogateescape')
print(ascii(t.readline()))
t = io.TextIOWrapper(io.BytesIO(b'\xed\xa0\x80!'), encoding='utf-8', errors='surrogatepass')
print(ascii(t.read()))

# Subclasses, stdlib helpers, method spellings.
class S(str): pass
x = S('\ud800')
print(ascii(x), type(x).__name__, ascii(str(x)), x == '\ud800', ascii(x + 'a'), ascii(S('a') + '\udc80'))
import copy, string, textwrap, collections
print(ascii(copy.copy('\ud800')), ascii(copy.deepcopy(['\ud800'])))
print(ascii(string.Template('$a!').substitute(a='\ud800')), ascii(textwrap.shorten('ab \udc80 cd', 10)))
print(collections.Counter('a\ud800\ud800'))
d = {'\ud800': 1}
d['\ud800'] += 1
print(ascii(d), ascii(list(d)), ascii(sorted({'\udc80', 'b'})))
print(ascii(str(['\ud800'])), ascii(repr('\ud800'.encode('utf-8', 'surrogatepass'))))
print(ascii('\ud800'.ljust(3)), ascii('\udc80'.rjust(3, '\ud800')), ascii('ab'.replace('b', '\ud800')))
print(ascii(''.join(map(chr, [0xd800, 0x61]))), ascii(list(map(ord, '\ud800\udfff'))))
print(ascii(str(b'\xed\xa0\x80', 'utf-8', 'surrogatepass')), ascii(bytes.decode(b'\x80', 'ascii', 'surrogateescape')))
print(ascii('\ud800'.casefold()), ascii('\ud800'.swapcase()), ascii('a\ud800'.capitalize()), ascii('\ud800 b'.title()))
print(ascii('x\ud800y'.splitlines()), ascii('\ud800\n\udc80'.splitlines(True)), ascii('a,\ud800'.rsplit(',')), ascii('\ud800a'.expandtabs()))
print(ascii('%-4s|' % '\ud800'), ascii('%(k)s' % {'k': '\ud800'}))
print(ascii(str.join('\ud800', 'ab')), ascii('\ud800'.__str__()), ascii('\ud800'.__getitem__(0)), '\ud800'.__len__())
it = iter('\ud800\udc80'); print(ascii(next(it)), ascii(list(it)))
print('\ud800'.__eq__('\ud800'), '\ud800'.__lt__('\ue000'), ascii(max('\ud800\ue000')), ascii(min('\ud800a')))
print(ascii(reversed('\ud800a').__next__()), ascii(sorted('\ud800\u0100a')), ascii(set('\ud800')))
print(ascii(eval("'\\ud800'")), ascii(eval("f'{1}\\udc80'")), ascii(eval("'\\ud800' * 2")))
print(ascii(compile("'\\ud800'", 'e', 'eval').co_consts), ascii((lambda: '\udc80').__code__.co_consts))
print(ascii(str.__new__(str, '\ud800')), ascii(format('\ud800')), ascii(format('\ud800', 's')))
print('\ud800'.startswith('\ud800'), '\ud800x'.endswith(('x',)), '\ud800'.partition('x'), '\ud800'.isascii())

# Interning, attribute names, exceptions, decode errors.
import sys
x = sys.intern('\ud800z')
print(ascii(x))
class C: pass
c = C()
setattr(c, '\ud800', 5)
print(getattr(c, '\ud800'), ascii(list(vars(c))))
print(ascii(dict(a='\ud800')), ascii({'\ud800': 1}.get(chr(0xd800))))
print(ascii(str(Exception('\ud800'))), ascii(repr(Exception('\udc80'))))
try:
    raise ValueError('\ud800')
except ValueError as e:
    print(ascii(e.args[0]), ascii(str(e)))
print(ascii('\ud800'.encode('utf-8', 'surrogatepass').decode('utf-8', 'replace')))
print(ascii(b'\xed\xa0\x80'.decode('utf-8', 'replace')), ascii(b'\xed\xa0\x80'.decode('utf-8', 'ignore')))
try:
    b'\xed\xa0\x80'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e)

# ast.
import ast
print(ascii(ast.literal_eval("'\\ud800'")), ascii(ast.literal_eval("['a\\udc80', 'b']")))
print(ast.dump(ast.parse("x = '\\udfff'")))

def f():
    '\ud800 doc'
print(ascii(f.__doc__))
try:
    class K:
        'k\udc80'
except UnicodeEncodeError as e:
    print(type(e).__name__, e)

for f in (int, float, complex):
    try:
        f('1\ud800')
    except ValueError as e:
        print(f.__name__, e)
try:
    int('\udc80', 16)
except ValueError as e:
    print(e)

import codecs
codecs.register_error('tosurr', lambda e: ('\udc99', e.end))
print(ascii(b'a\xffb'.decode('utf-8', 'tosurr')))
try:
    'a\udc80'.encode('utf-8', 'tosurr')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
codecs.register_error('toq', lambda e: ('?' * (e.end - e.start), e.end))
print('a\ud800\udc80b'.encode('utf-8', 'toq'), '\udc80x'.encode('ascii', 'toq'))

# f-string and literal forms.
x = 5
print(ascii(f'{{\ud800}}'), ascii(rf'\ud800'), ascii(f'\ud800{x}\udc80'), ascii(f"""multi
line\ud800{x!r:>3}"""), ascii(f'\N{BULLET}\ud800{x}'), ascii('a' f'\udc80' 'b\ud801'))
print(ascii(u'\ud800'), ascii('\\ud800'), ascii('\\\ud800'), ascii('''\
\ud800'''), ascii('\0\ud800\777'))

print(ascii('a'.translate({97: 0xd800})), ascii('a'.translate({97: '\udc80'})), ascii('a\ud800'.translate({0xd800: 'b'})))
print(ascii(str.maketrans('\ud800', 'x')), ascii(str.maketrans({'\udc80': 1})), ascii(str.maketrans('a', '\udfff', '\ud801')))
print(ascii('xa\ud801'.translate(str.maketrans('a', '\udfff', '\ud801'))))

# Malformed input and odd slices.
import marshal, codecs
for data in [b'u\x02\x00\x00\x00\xed\xa0', b'u\x03\x00\x00\x00\xed\xa0\x41', b'u\x01\x00\x00\x00\xed', b'u\x03\x00\x00\x00\xed\xc0\x80']:
    try:
        print(ascii(marshal.loads(data)))
    except Exception as e:
        print(type(e).__name__, e)
for b in [b'\xed', b'\xed\xa0', b'\xed\xa0\x80\xed', b'\xf4\x8f\xa0\x80', b'\xed\xbf\xbf\xed\xa0']:
    for err in ['surrogatepass', 'surrogateescape', 'replace']:
        try:
            r = b.decode('utf-8', err)
            print(b, err, ascii(r))
        except UnicodeDecodeError as e:
            print(b, err, e)
for b in [b'\x00', b'\x00\xd8', b'\x00\xd8\x00', b'\x00\xdc\x00\xd8\x00\xdc']:
    for enc in ['utf-16-le', 'utf-32-le']:
        try:
            print(b, enc, ascii(b.decode(enc, 'surrogatepass')))
        except UnicodeDecodeError as e:
            print(b, enc, e)
s = 'ab\ud800cd\udc80ef'
print(ascii(s[::3]), ascii(s[-1:0:-2]), ascii(s[2:100]), ascii(s[-100:3]), s.find('\udc80'), s.rfind('c'), s.index('\ud800'))
print(ascii(s.center(14, '\udc80')), ascii(s.rsplit('\ud800', 1)), ascii(s.expandtabs()), ascii('\t\ud800'.expandtabs(4)))
print(ascii(s.zfill(12)), ascii(s.swapcase()), ascii(s.rjust(3)), ascii(s.split()), ascii(s.splitlines()))
print(ascii('\U0001f600\ud800'[0]), ascii('\U0001f600\ud800'[1]), len('\U0001f600\ud800'), '\ud800'.encode('utf-16', 'surrogatepass'))
print(ascii('\ud800'.encode('utf-32', 'surrogatepass').decode('utf-32', 'surrogatepass')))
print(ascii(''.join([])), ascii('\ud800'.join([])), ascii('\ud800'.join(['x'])), ascii(''.join(['\udc80'])))
print(ascii(str(b'\xed\xa0\x80\xed\xb0\x80', 'utf-8', 'surrogatepass')))

import ast
print(ast.dump(ast.parse("f'a\\ud800{x}\\udc80' 'q\\udfff'")))
print(ast.dump(ast.parse("rf'\\ud800{x}'")))

# Source text holding real lone surrogates cannot be compiled.
for f in (lambda: eval("'" + '\ud800' + "'"), lambda: exec('x = 1 # \udc80'), lambda: compile('\ud800', 'f', 'eval')):
    try:
        print(ascii(f()))
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
