s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), "hELLO wORLD".capitalize(), s.casefold())
print("they're bill's friends".title(), "ß".upper(), "ǅ".lower(), "İ".lower().encode("utf-8"), "ﬁ".upper())
print(s.find("o"), s.find("o", 5), s.find("zz"), s.rfind("o"), s.index("W"), s.rindex("l"), s.count("l"), s.count("l", 5), s.count(""))
try:
    s.index("zz")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("zz")
except ValueError as e:
    print(type(e).__name__, e)
print(s.startswith("Hell"), s.startswith(("x", "H")), s.endswith("ld"), s.startswith("World", 7), s.endswith("lo", 0, 5))
print(s.replace("l", "L"), s.replace("l", "L", 2), s.replace("", "-"), "aaa".replace("a", "b", 0), "abc".replace("", "|", 2))
print("  pad  ".strip(), "|" + "  pad  ".lstrip() + "|", "|" + "  pad  ".rstrip() + "|", "xxhixx".strip("x"), "abcba".strip("ab"), "\t\n x \r\f\v".strip())
print(s.center(20, "*"), s.ljust(15, "."), s.rjust(15), "42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2), s.center(3))
print("abc".isalpha(), "ab1".isalnum(), "123".isdigit(), "١٢".isdigit(), "½".isnumeric(), "½".isdigit(), "12".isdecimal(), " \t".isspace(), "".isspace())
print("abc".islower(), "ABC".isupper(), "Title Case".istitle(), "a_b1".isidentifier(), "1a".isidentifier(), "abc\n".isprintable(), "".isalpha(), "aB".islower())
print("a,b,,c".split(","), "a b  c ".split(), " x ".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "".split(), "".split(","))
print("l1\nl2\r\nl3\rl4".splitlines(), "l1\nl2\n".splitlines(True), "x\x0by\x1cz".splitlines(), "".splitlines())
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "abc".partition("b"), "abc".partition("z"), "a-b-c".rpartition("-"), "abc".rpartition("z"))
try:
    "-".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
print("tab\there".expandtabs(), "a\tb".expandtabs(4), "01\t012\t0123".expandtabs(4))
print("abc".encode(), "héllo".encode("utf-8"), "héllo".encode("latin-1"), "日本".encode("utf-8"), "x".encode("ascii"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print("é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "xmlcharrefreplace"), "é".encode("ascii", "backslashreplace"))
print("removeprefix".removeprefix("remove"), "suffix.py".removesuffix(".py"), "abc".removeprefix("x"))
table = str.maketrans("abc", "xyz", "d")
print("abcdd".translate(table), str.maketrans({"a": "1"}), "hello".translate({ord("l"): None, ord("h"): "J"}))
print("%s" % "x", "a" * 3, 3 * "b", "a" + "b", "abc" * 0, "abc" * -1, "ab" < "abc", "b" > "abc")
print(len("日本語"), "日本語"[1], list("héllo"), "A" in "ABC", ord("€"), chr(0x1F600).encode("utf-8"))
print("Straße".casefold() == "strasse", "ﬀ".casefold(), "ΣΑΣ".lower())
print(str(), str(123), str(b"bytes"), str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str([1, "a"]))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(str(b"\xffa", "utf-8", "replace"), str(b"\xffa", "utf-8", "ignore"))
print("abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(-1), "a".__add__("b"), "ab".__mul__(2), "x".__eq__(1))
print("Hello".format(), "{0}{0}".format("ab"), "{:03}".format(7), "{!r}".format("s"), "{a[0]}".format(a="xy"))
print("a\tb".split("\t"), "a  b".split(" "), "  lead".split(None, 1), "a b c d".split(maxsplit=2), "a b c d".rsplit(maxsplit=2))
print("abcabc".find("c", -2), "abcabc"[-2:], "x".center(4, "-"), "x".center(5, "-"), "ab".center(5, "-"))
print("hello world".title(), "HELLO".istitle(), "123abc".title(), "o'neil mc-donald".title())
