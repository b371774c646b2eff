# The codecs of _codecs beyond UTF-8/ASCII/Latin-1: unicode_escape,
# raw_unicode_escape, escape_encode/decode, charmap (the cp*/mac/koi8
# codecs), utf-7, utf-16/32 with partial input and the _ex decoders,
# readbuffer_encode; error handlers, messages and positions.
import _codecs
import codecs
import warnings


def t(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        extra = ""
        if isinstance(e, UnicodeError) and hasattr(e, "start"):
            extra = " [%s %d-%d %r]" % (e.encoding, e.start, e.end, e.reason)
        print(label, "->", type(e).__name__, str(e) + extra)
    else:
        print(label, "->", ascii(r))


print(codecs.encode("é\n", "unicode_escape"))
print(codecs.decode(b"\\xe9\\n", "unicode_escape"))
s = "a\\'\"\t\n\r\x00\x1f\x7f\x80\xe9\u0100\u1234\U0001f600\ud800\udfff end"
t("ue enc", _codecs.unicode_escape_encode, s)
t("rue enc", _codecs.raw_unicode_escape_encode, s)
for enc in ("unicode_escape", "raw_unicode_escape"):
    b = s.encode(enc)
    print(enc, b.decode(enc) == s, len(b))
t("ue dec", _codecs.unicode_escape_decode,
  b"\\0\\12\\123\\1234\\\n\\a\\b\\f\\v\\t\\'\\\"\\\\\xe9\\x41\\u0042\\U00000043")
t("ue dec str", _codecs.unicode_escape_decode, "\\xe9\u00e9")
t("ue dec surr", _codecs.unicode_escape_decode, b"\\ud800\\udc00")
t("ue dec max", _codecs.unicode_escape_decode, b"\\U0010ffff")
for data in [b"a\\", b"a\\x4", b"a\\x4g", b"a\\u12", b"a\\U0011000012", b"a\\U1"]:
    t("ue strict %r" % data, _codecs.unicode_escape_decode, data)
    t("ue partial %r" % data, _codecs.unicode_escape_decode, data, None, False)
for errors in ["replace", "ignore", "backslashreplace"]:
    t("ue " + errors, _codecs.unicode_escape_decode, b"a\\x4gzz\\U00110000!", errors)
for data in [b"a\\u00e9\\\\u00e9\\x\\U0001f600", b"\\U00110000", b"\\u00e", b"\\\\u00e",
             b"ab\\", b"\\x\\", b"\\u12\\u1234"]:
    t("rue %r" % data, _codecs.raw_unicode_escape_decode, data)
    t("rue partial %r" % data, _codecs.raw_unicode_escape_decode, data, "strict", False)
t("rue replace", _codecs.raw_unicode_escape_decode, b"\\U00110000x\\u12", "replace")

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    t("ue invalid", _codecs.unicode_escape_decode, b"\\z\\q")
    t("ue octal", _codecs.unicode_escape_decode, b"\\777")
    t("esc invalid", _codecs.escape_decode, b"\\z")
    t("esc octal", _codecs.escape_decode, b"\\777")
    for m in w:
        print(m.category.__name__, m.message)

t("esc enc", _codecs.escape_encode, b"a\\'\"\t\n\r\x00\x7f\xe9")
t("esc enc ba", _codecs.escape_encode, bytearray(b"a"))
t("esc enc str", _codecs.escape_encode, "a")
t("esc dec", _codecs.escape_decode, b"\\x41\\101\\n\\\nz\xff")
t("esc dec str", _codecs.escape_decode, "\\x41\u00e9")
for errors in [None, "strict", "replace", "ignore", "bogus"]:
    t("esc %s" % errors, _codecs.escape_decode, b"a\\x4gzz", errors)
t("esc trailing", _codecs.escape_decode, b"a\\")
t("readbuffer", _codecs.readbuffer_encode, "é")
t("readbuffer ba", _codecs.readbuffer_encode, bytearray(b"ab"))

# charmap
t("cm dec table", _codecs.charmap_decode, b"\x00\x01\x02", "strict", "xy\ufffe")
t("cm dec table replace", _codecs.charmap_decode, b"\x00\x01\x02\x03", "replace", "xy\ufffe")
t("cm dec none", _codecs.charmap_decode, b"\xe9")
t("cm dec dict", _codecs.charmap_decode, b"ab", "strict", {97: "XY", 98: None})
t("cm dec dict replace", _codecs.charmap_decode, b"abc", "replace", {97: "XY", 99: 0x263a})
t("cm dec range", _codecs.charmap_decode, b"a", "strict", {97: 0x110000})
t("cm dec type", _codecs.charmap_decode, b"a", "strict", {97: 1.5})
t("cm enc", _codecs.charmap_encode, "abc", "strict", {97: 65, 98: b"BB"})
t("cm enc run", _codecs.charmap_encode, "abcc", "strict", {97: 65, 98: b"BB"})
t("cm enc replace", _codecs.charmap_encode, "abcc", "replace", {97: 65, 98: b"BB", 63: 33})
t("cm enc replace unmapped", _codecs.charmap_encode, "ac", "replace", {97: 65})
t("cm enc ignore", _codecs.charmap_encode, "abcc", "ignore", {97: 65})
t("cm enc range", _codecs.charmap_encode, "a", "strict", {97: 300})
t("cm enc type", _codecs.charmap_encode, "a", "strict", {97: "x"})
t("cm enc latin1", _codecs.charmap_encode, "a\xe9\u0100", "replace")
t("cm build", _codecs.charmap_build, "abc\u20ac")
for enc in ["cp1252", "cp437", "mac_roman", "koi8_r", "cp850", "iso8859_15", "cp1251"]:
    text = "aé€ж\u263a"
    b = text.encode(enc, "replace")
    print(enc, b, b.decode(enc), text.encode(enc, "xmlcharrefreplace"),
          text.encode(enc, "backslashreplace"))
    t(enc + " strict", text.encode, enc)
    t(enc + " undefined", bytes(range(0x80, 0xa0)).decode, enc)
    t(enc + " undefined replace", bytes(range(0x80, 0xa0)).decode, enc, "replace")
print(codecs.lookup("cp1252").name, codecs.lookup("latin-1").name)

# utf-7
t("u7 enc", _codecs.utf_7_encode, "Hi Mom -\u263a-!A+B~\\é\U0001f600\ud800")
t("u7 enc all", _codecs.utf_7_encode, "".join(map(chr, range(128))))
for data, final in [(b"Hi Mom -+Jjo--!A+-B~\\+AOk-", True), (b"+AOk", False),
                    (b"+AOk", True), (b"a+AO", True), (b"\xe9", True),
                    (b"+2D3eAA-", True), (b"+2D0-", True), (b"+3gA-", True),
                    (b"+AOkx", False), (b"+!", True), (b"+AOkA-x", True),
                    (b"+AOkB-x", True), (b"+", False), (b"+", True)]:
    t("u7 dec %r %s" % (data, final), _codecs.utf_7_decode, data, "strict", final)
t("u7 replace", _codecs.utf_7_decode, b"a+AO", "replace", True)
t("u7 replace 2", _codecs.utf_7_decode, b"+AOkB-x\xffy", "replace", True)
text = "\u263a 1+1 ~ ok"
print(text.encode("utf-7"), text.encode("utf-7").decode("utf-7") == text)

# utf-16 / utf-32
t("u16 enc", _codecs.utf_16_encode, "ab\U0001f600")
t("u16 enc be", _codecs.utf_16_encode, "ab", None, 1)
t("u16 enc le", _codecs.utf_16_encode, "ab", None, -1)
t("u16le enc", _codecs.utf_16_le_encode, "a\ud800", "surrogatepass")
t("u16be enc err", _codecs.utf_16_be_encode, "a\ud800")
t("u32 enc", _codecs.utf_32_encode, "a\U0001f600", "strict", 5)
t("u32 enc err", _codecs.utf_32_encode, "\udc80", "backslashreplace")
for args in [(b"a",), (b"\xff\xfea\x00b",), (b"\xff\xfea\x00b", "strict", True),
             (b"\x00\xd8a", "strict", False), (b"\x00\xd8a", "strict", True),
             (b"\x00\xd8", "replace", True), (b"\x00\xd8a\x00", "replace", True),
             (b"\x00\xdca\x00", "surrogatepass", True), (b"\x00\xdca\x00", "strict", True),
             (b"=\xd8\x00\xde", "strict", True)]:
    t("u16 dec %r" % (args,), _codecs.utf_16_decode, *args)
for args in [(b"\xff",), (b"\xfe\xff\x00a",), (b"\x00a", None, 1), (b"a\x00", None, -1),
             (b"\x00a\x00\xd8", None, 1, False), (b"\x00a\xd8\x00", None, 1, True)]:
    t("u16 ex %r" % (args,), _codecs.utf_16_ex_decode, *args)
for args in [(b"\xff\xfe\x00\x00a\x00\x00\x00b",), (b"\x00\xd8\x00\x00", "strict", True),
             (b"\x00\xd8\x00\x00", "replace", True), (b"\x00\x00\x11\x00", "strict", True),
             (b"a", "strict", True)]:
    t("u32 dec %r" % (args,), _codecs.utf_32_decode, *args)
t("u32 ex", _codecs.utf_32_ex_decode, b"\x00\x00\xfe\xff\x00\x00\x00a\x00")
t("u32 be", _codecs.utf_32_be_decode, b"\x00\x11\x00\x00", "strict", True)
t("u8 partial", _codecs.utf_8_decode, b"a\xc3")
t("u8 final", _codecs.utf_8_decode, b"a\xc3", None, True)
t("u8 partial 4", _codecs.utf_8_decode, b"\xf0\x9f\x98")
t("u8 bad", _codecs.utf_8_decode, b"\xf0\x9fa")
t("u8 sp partial", _codecs.utf_8_decode, b"\xed\xa0", "surrogatepass", False)
print(b"a\x00\x00\xd8".decode("utf-16-le", "replace"), ascii("\ud800".encode("utf-16", "surrogatepass")))

# incremental codecs of encodings.* (they call the functions above with final=False)
for enc in ["utf-16", "utf-32", "utf-7", "utf-8", "cp1252", "unicode_escape",
            "raw_unicode_escape", "latin-1", "utf-16-be", "utf-8-sig"]:
    text = "aé€\u263a\\x"
    data = text.encode(enc, "backslashreplace")
    d = codecs.getincrementaldecoder(enc)("replace")
    parts = [d.decode(data[i:i + 1]) for i in range(len(data))] + [d.decode(b"", True)]
    e = codecs.getincrementalencoder(enc)("backslashreplace")
    print(enc, data, ascii("".join(parts)), [e.encode(c) for c in "aé€"] + [e.encode("", True)])

# custom error handlers through the new codecs
def handler(exc):
    if isinstance(exc, UnicodeDecodeError):
        return ("<%d:%d>" % (exc.start, exc.end), exc.end)
    return ("[%s]" % "".join("%x" % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)


codecs.register_error("test.escape", handler)
t("custom ue", _codecs.unicode_escape_decode, b"a\\x4gzz\\U00110000!", "test.escape")
t("custom u7", _codecs.utf_7_decode, b"a+AO", "test.escape", True)
t("custom u16", _codecs.utf_16_le_decode, b"a\x00\x00\xdcb", "test.escape", True)
t("custom cm", _codecs.charmap_encode, "a\u20ac\u263ab", "test.escape",
  {c: c for c in b"[]0123456789abcdef"})
t("custom cp1252", "x\u263ay".encode, "cp1252", "test.escape")
t("custom cp1252 dec", b"x\x81y".decode, "cp1252", "test.escape")
codecs.register_error("test.bytes", lambda e: (b"!!", e.end))
t("bytes handler cm", _codecs.charmap_encode, "a\u20acb", "test.bytes", {97: 97, 98: 98})
codecs.register_error("test.back", lambda e: ("?", -1))
t("negative pos", _codecs.charmap_encode, "\u20acab", "test.back", {97: 97, 98: 98, 63: 63})
codecs.register_error("test.far", lambda e: ("?", 100))
t("far pos", _codecs.unicode_escape_decode, b"\\x", "test.far")
codecs.register_error("test.bad", lambda e: 1)
t("bad result", _codecs.raw_unicode_escape_decode, b"\\u1", "test.bad")
t("bad result enc", _codecs.charmap_encode, "\u20ac", "test.bad", {})

# argument errors
t("args", _codecs.utf_16_decode)
t("args2", _codecs.utf_7_encode, "a", "strict", 1)
t("args3", _codecs.unicode_escape_decode, b"a", 5)
t("args4", _codecs.unicode_escape_encode, b"abc")
t("args5", _codecs.charmap_encode, 5)
t("args6", _codecs.utf_16_decode, "ab")
t("args7", _codecs.ascii_decode, b"a", "strict", True)
t("args8", _codecs.utf_8_encode, b"abc")
t("args9", _codecs.escape_decode, 5)
t("rot13", "abc".encode, "rot13")
t("rot13 codecs", codecs.encode, "abc", "rot13")
t("hex", codecs.decode, b"6869", "hex")
t("unknown", "abc".encode, "no-such-codec")

codecs.register_error('skip2', lambda e: ('<%d>' % e.start, e.end + 1))
codecs.register_error('back', lambda e: ('<%d>' % e.start, -1 if e.start < len(e.object) - 1 else e.end))
for enc in ['utf-8', 'ascii', 'utf-16-le', 'cp1252', 'unicode_escape']:
    for data in [b'a\xffbcd\x81\x81e', b'\x81\x00x\x00']:
        for h in ['skip2', 'back', 'surrogateescape', 'replace']:
            try: print(enc, data, h, ascii(data.decode(enc, h)))
            except Exception as e: print(enc, data, h, type(e).__name__, e)

# text files with pure-Python codecs of the registry
import io
buf = io.BytesIO()
w = io.TextIOWrapper(buf, encoding="cp1252", newline="")
print(w.encoding, w.write("héllo €\n" * 3000))
w.flush()
print(len(buf.getvalue()), buf.getvalue()[:10])
r = io.TextIOWrapper(io.BytesIO(buf.getvalue()), encoding="cp1252", newline="")
s = r.read()
print(len(s), s[:8] == "héllo €\n")
r = io.TextIOWrapper(io.BytesIO(buf.getvalue()), encoding="mac_roman", errors="replace")
print(r.readline())
for enc in ["rot13", "no-such"]:
    t("textio " + enc, io.TextIOWrapper, io.BytesIO(), enc)
w = io.TextIOWrapper(io.BytesIO(), encoding="koi8_r")
t("textio unencodable", w.write, "ж\u263a")

# stream readers/writers and iterdecode over the stateful decoders

data = 'héllo\n€ wörld\n\U0001f600 end\n'
for enc in ['utf-16', 'utf-32', 'utf-7', 'utf-8-sig', 'cp1252', 'unicode_escape', 'utf-16-le']:
    raw = data.encode(enc, 'backslashreplace')
    r = codecs.getreader(enc)(io.BytesIO(raw), 'replace')
    print(enc, ascii(r.readline()), ascii(r.read(3)), ascii(r.read()))
    print(list(codecs.iterdecode([raw[i:i+3] for i in range(0, len(raw), 3)], enc, 'replace')) == list(codecs.iterdecode([raw], enc, 'replace')) or ascii(list(codecs.iterdecode([raw[i:i+3] for i in range(0, len(raw), 3)], enc, 'replace'))))
    w = io.BytesIO(); sw = codecs.getwriter(enc)(w, 'backslashreplace'); sw.write('a€'); sw.write('b'); print(w.getvalue())
print(codecs.decode(codecs.encode('\u263a', 'utf-16'), 'utf-16'))
f = codecs.EncodedFile(io.BytesIO('é'.encode('latin-1')), 'utf-8', 'latin-1')
print(f.read())
print(codecs.lookup('UTF7').name, codecs.lookup('U16').name, codecs.lookup('unicode-escape').name, codecs.lookup('raw_unicode_escape').name)

# argument errors of the codec functions

for f,a in [(_codecs.charmap_build,(5,)),(_codecs.charmap_build,()),(_codecs.charmap_build,('a','b')),(_codecs.utf_16_ex_decode,(b'',None,'x')),(_codecs.utf_16_decode,(b'',None,'x')),(_codecs.utf_16_decode,(b'',None,None)),(_codecs.utf_16_encode,('a',None,'x'))]:
    try: print(f(*a))
    except Exception as e: print(type(e).__name__, e)
try: _codecs.utf_16_decode(b'', errors='strict')
except Exception as e: print(type(e).__name__, e)

# custom encode handlers returning bytes or non-ASCII text

codecs.register_error('tb', lambda e: (b'\xff!', e.end))
codecs.register_error('ts', lambda e: ('\xe9', e.end))
for enc in ['ascii', 'latin-1', 'utf-8', 'utf-16-le', 'utf-32-be', 'cp1252', 'charmap']:
    for h in ['tb', 'ts']:
        try: print(enc, h, 'a\u20ac\u0100\ud800b'.encode(enc, h))
        except Exception as e: print(enc, h, type(e).__name__, e)

# exceptions from registry codecs are wrapped with the codec name (when simple)

class MyErr(Exception): pass
class MyErr2(Exception):
    def __init__(self, m): super().__init__(m)
def mk(exc):
    def enc(input, errors='strict'): raise exc
    return codecs.CodecInfo(enc, enc, name='test.' + type(exc).__name__)
excs = [ValueError('bad value'), TypeError(), KeyError('k'), MyErr('mine'), MyErr2('two'), ValueError('a', 'b'), ValueError(5),
        OSError(2, 'x'), AttributeError('attr'), UnicodeError('u'), RuntimeError('r')]
def search(name):
    for e in excs:
        if name == 'test.' + type(e).__name__.lower() + str(excs.index(e)):
            return mk(e)
codecs.register(search)
e = ValueError('with dict'); e.foo = 1; excs.append(e)
for i, e in enumerate(excs):
    name = 'test.' + type(e).__name__.lower() + str(i)
    for f in (lambda: 'x'.encode(name), lambda: b'x'.decode(name), lambda: codecs.encode('x', name), lambda: codecs.decode(b'x', name)):
        try: f()
        except Exception as r:
            print(type(r).__name__, r, type(r.__cause__).__name__, r.__suppress_context__)
try: codecs.decode(b'zz', 'hex')
except Exception as r: print(type(r).__name__, r, repr(r.__cause__))
try: codecs.decode(b'abc', 'base64')
except Exception as r: print(type(r).__name__, r, repr(r.__cause__))
try: codecs.decode(b'x', 'zlib')
except Exception as r: print(type(r).__name__, r, repr(r.__cause__))


for f, a in [(_codecs.utf_16_decode, (b'', None, 0, 0, 0)), (_codecs.utf_16_le_decode, (b'', None, 0, 0)), (_codecs.utf_16_le_encode, ('', None, 0)), (_codecs.utf_32_encode, ('', None, 0, 0)), (_codecs.utf_32_ex_decode, (b'', None, 0, 0, 0))]:
    try: print(f(*a))
    except Exception as e: print(type(e).__name__, e)


for a in ['', 'a', 'abc\u20ac']:
    try: m=_codecs.charmap_build(a); print(type(m).__name__, m)
    except Exception as e: print(type(e).__name__, e)
for enc in ['cp1252', 'cp437', 'koi8_r', 'mac_roman']:
    try: print(enc, ascii('\ufffe\x00'.encode(enc, 'replace')), ascii('\ufffe'.encode(enc)))
    except Exception as e: print(enc, type(e).__name__, e)


for f in [lambda: codecs.encode(b'x', 'unicode_escape'), lambda: codecs.decode('x', 'utf-16'), lambda: codecs.encode(b'x', 'utf-8'), lambda: codecs.decode('x', 'utf-8'), lambda: codecs.decode(5, 'cp1252'), lambda: codecs.encode('x', 'utf-8', 5), lambda: codecs.encode(5), lambda: codecs.decode(b'\xff'), lambda: codecs.decode(b'\xff', 'cp1252', 'strict')]:
    try: print(ascii(f()))
    except Exception as e: print(type(e).__name__, e)
