print(int.__name__, type(1), isinstance(True, int), int.__mro__)
print((5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate())
print((-5).__abs__(), (5).__neg__(), (7).__floordiv__(2), (7).__rfloordiv__(20), (3).__add__(1.5), (3).__radd__(4))
print((10).__divmod__(3), (2).__pow__(10), (2).__pow__(10, 1000), int.__add__(1, 2))
print((255).to_bytes(1, "little"), (1024).to_bytes(4, "big"), (-129).to_bytes(2, "little", signed=True))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes([1, 2, 3], "little"), int.from_bytes(b"\x80", "big", signed=True))
print((6).as_integer_ratio(), (0).bit_length(), (2 ** 64 - 1).bit_length(), (-(2 ** 64)).bit_length())
print(int("1010", 2), int("-zz", 36), int("+7"), int("\t12\n"), int("٣"))  # arabic-indic digit
print(repr(10 ** 30), str(-10 ** 30), hex(-255), oct(-8), bin(-5), hex(10 ** 20))
print(format(255, "x"), format(255, "08b"), format(-42, "d"), format(1 << 40, ","), format(42, ""))
print(1 .__class__, (1).__sizeof__() > 0, int("5") is not None)
print(int.__doc__ is not None, int(" -0x10 ".strip(), 16), int("0x10", 16))
print(max(10 ** 20, 10 ** 19), min(-1, -10 ** 40), abs(-(2 ** 100)))
print(sorted([10 ** 20, -5, 3, 2 ** 64, -(2 ** 70)]))
print(7 == 7.0, hash(7) == hash(7.0), 2 ** 62 + 2 ** 62 == 2 ** 63, (2 ** 63) - 1 + 1)
print(3 .__lt__(4), (3).__eq__("3"), (3).__lt__("x"))
print(int.__new__(int, "12"), int.__dict__["__add__"].__name__ if "__add__" in int.__dict__ else "n/a")
print(isinstance(10 ** 100, int), type(10 ** 100).__name__, type(2 ** 63).__name__)
print(int(1e3), int("1" * 50) % 97, (-7).__mod__(3), (-7).__rmod__(3))
# bool is int subclass
print(True == 1, isinstance(False, int), int(True), True + 0)
print(sum(range(1, 10 ** 6 + 1)))
# ints are immutable: augmented creates new
a = 10 ** 20
b = a
a += 1
print(a - b)
# trunc / floor / ceil / round on ints
import math
print(math.trunc(5), math.floor(-5), math.ceil(5), round(5), round(15, -1), round(25, -1), round(-15, -1))
