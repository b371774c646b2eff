print(repr(1), repr("s"), repr([1, "a"]), repr(None), repr(1.0), repr(b"x"), repr({1: "a"}), repr((1,)), repr(set()), repr(range(2)))
print(str(1), str("s"), str([1, "a"]), str(None), str(b"x"), str(3.0), str(-0.0), str(1e100), str(True))
class Both:
    def __repr__(self): return "REPR"
class OnlyStr:
    def __str__(self): return "STR"
print(str(Both()), repr(Both()), str(OnlyStr()), repr(OnlyStr()).startswith("<__main__.OnlyStr object at 0x"))
class BadRepr:
    def __repr__(self): return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
print(format(3.14159, ".2f"), format(42), format(42, "b"), format("s", ">5"), format(1234567, ","), format(0.5, "%"), format(-1, "+"), format(True))
print(format(12, "#x"), format(12, "#o"), format(12, "#b"), format(12.0, "e"), format(12, "n"), format("abc", ""), format(None))
try:
    format(None, "s")
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(1, "q")
except ValueError as e:
    print(type(e).__name__, e)
print(chr(65), repr(chr(0)), repr(chr(10)), chr(955), chr(128512) == "\U0001F600", ord("A"), ord("λ"), ord(b"a"), ord(bytearray(b"z")))
try:
    chr("a")
except TypeError as e:
    print(type(e).__name__, e)
print(hex(255), hex(0), hex(-1), hex(2 ** 64), oct(8), oct(0), oct(-64), bin(10), bin(0), bin(-10), bin(2 ** 65))
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    bin("1")
except TypeError as e:
    print(type(e).__name__, e)
print(int("0x10", 16), int("10", 0), int(hex(12345), 16), int(oct(99), 8), int(bin(77), 2))
print(float(1), float("3.5"), complex("2"), bool([]), list("ab"), tuple([1]), set("aa"), dict([(1, 2)]), frozenset("b"))
print(ascii("é"), ascii([1, "日"]), ascii("plain"), repr("é"))
print(bytes(2), bytes("hi", "ascii"), bytearray(b"x"), str(b"\xc3\xa9", "utf-8"), memoryview(b"ab")[0])
print(int(" 7 "), int("-7"), float("  1e3 "), int(float("1e3")), str(0.1), str(1 / 3), round(1 / 3, 4))
