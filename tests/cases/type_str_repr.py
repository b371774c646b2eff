samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnew\nline\r", "back\\slash", "\x00\x07\x1f\x7f",
           "é", "日本", "\u200b", "\U0001F600", "\ud800", "\x80\x9f\xa0\xad", "", " ", "\\n"]
for s in samples:
    print(repr(s), ascii(s), len(s))
print(repr("a'b\"c"), str("x"), repr(str(5)))
s = "abcdefghij"
print(s[0], s[-1], s[3:6], s[:3], s[7:], s[::2], s[1::3], s[::-1], s[-3:-1], s[5:2], s[5:2:-1])
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[-11]
except IndexError as e:
    print(type(e).__name__, e)
print(s[10:], s[100:200], s[-100:3])
print([c for c in "héllo"], list(reversed("abc")), sorted("hello"), "".join(sorted("hello", reverse=True)))
print("abc" == "abc", "a" < "b" < "c", "apple" < "apples", "Zebra" < "apple", "é" > "z")
print(hash("abc") == hash("ab" + "c"), "abc".__hash__() == hash("abc"))
x = "abc"
y = x
x += "d"
print(x, y)
print("a" "b" "c", "multi\
line", """triple
quoted""")
print(min("hello"), max("hello"), "l" in "hello", "hel" in "hello", "" in "", "lo" not in "hello")
print(str.__name__, type("").__name__, isinstance("s", str), issubclass(str, object), str.__mro__)
print("%c" % 9731, "%5s|%-5s|" % ("ab", "cd"), "%.2s" % "xyz", "%r" % "q", "%a" % "é", "%i" % 3.9, "%x" % 255, "%X" % 255, "%#o" % 8)
print("%e" % 0.000123, "%g" % 0.000123, "%g" % 1234567.0, "%G" % 1e-10, "%.0f" % 0.5, "%.0f" % 1.5, "%%")
print(ord("a"), chr(97), ord("\n"), chr(0x10FFFF).encode("utf-8"), ord("日"))
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord("")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".foo()
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "abc"[1:2] = "x"
except TypeError as e:
    print(type(e).__name__, e)
print(str.join(",", ["a", "b"]), str.upper("x"), "x".__class__.__name__)
print("a".join("123"), "\n".join(["l1", "l2"]).count("\n"), "Mississippi".count("ss"), "aaaa".count("aa"))
print("%s and %s" % ("a", "b"), "%(x)s%(x)s" % {"x": "z"}, "%3d|%-3d|%03d" % (5, 5, 5), "%+.1f" % -0.05)
