b = b"hello world"
print(b, repr(b), len(b), b[0], b[-1], b[1:4], b[::-1], type(b[0]).__name__, list(b[:3]))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"), bytes(b"copy"), bytes(), bytes.fromhex("de ad BE EF"))
print(b.hex(), b"\x00\xff".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2))
print(b.upper(), b.title(), b.split(), b.split(b"o"), b.replace(b"l", b"L"), b.find(b"o"), b.count(b"l"), b.index(b"w"))
print(b.startswith(b"he"), b.endswith((b"x", b"ld")), b.strip(b"hd"), b"  x  ".strip(), b"a,b".partition(b","), b"-".join([b"a", b"b"]))
print(b"abc" + b"def", b"ab" * 3, b"a" in b"abc", 97 in b"abc", b"" in b"x", b"abc" < b"abd", b"abc" == b"abc")
print(b"\t\n\r\x00\x7f\x80'\"\\", b"it's", b'"quoted"', b"both'\"")
print(b"Hello".decode(), b"caf\xc3\xa9".decode("utf-8"), b"\xe9".decode("latin-1"), b"abc".decode("ascii"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(b"\xff".decode("utf-8", "replace"), b"\xffab".decode("ascii", "ignore"), b"\xff".decode("utf-8", "backslashreplace"))
try:
    b"abc"[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"abc" + "def"
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes("abc")
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"abc"[5]
except IndexError as e:
    print(type(e).__name__, e)
print(b"%s-%d-%x" % (b"x", 5, 255), b"%5b|" % b"ab", b"%c" % 65, b"%r" % "s" if False else b"%a" % "é")
print(b"abc".isalpha(), b"123".isdigit(), b"a b".isspace(), b"ABC".isupper(), b"Abc Def".istitle(), b"\x80".isascii(), b"x".isascii())
print(b"a\tb".expandtabs(4), b"abc".center(7, b"*"), b"5".zfill(3), b"AbC".swapcase(), b"abc".capitalize())
print(b"l1\nl2\r\n".splitlines(), b"a b".rsplit(maxsplit=1), b"xyx".lstrip(b"x"), b"xyx".rstrip(b"x"))
print(hash(b"abc") == hash(b"abc"), bytes.maketrans(b"ab", b"xy")[97:99], b"abc".translate(bytes.maketrans(b"ab", b"xy")), b"abc".translate(None, b"b"))
print(b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"), memoryview(b"abc").tobytes(), bytes(memoryview(b"xy")))
print([x for x in b"AZ"], sorted(b"cab"), max(b"abc"), sum(b"\x01\x02"), b"ab".__len__(), str(b"x"), f"{b'x'}")
print(b"abc".rfind(b"c"), b"abcabc".rindex(b"b"), b"x".ljust(3, b"-"), b"x".rjust(3), bytes.__name__, type(b"") is bytes)
