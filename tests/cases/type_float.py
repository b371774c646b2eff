import math
print(float.__name__, (1.5).real, (1.5).imag, (1.5).conjugate(), float.__mro__)
print((2.5).__round__(), (2.5).__round__(1), (3.7).__int__(), (1.5).__add__(1), (1.5).__radd__(True), (1.5).__add__("x"))
print(float.fromhex("ff"), float.fromhex("-0x1p-2"), (255.0).hex(), float("1e500"), float("-1e500"))
print(1.5 == 3 / 2, 0.1 + 0.2 > 0.3, 1e308 < float("inf"), float("nan") < 1, float("nan") > 1)
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9))
print(3.0 // 2, 3.0 % 2, -3.0 // 2, -3.0 % 2, 3.5 ** 2, 4 ** 0.5, (-8) ** 2.0, 2.0 ** -2)
r = (-8) ** (1 / 3)
print(type(r).__name__, round(r.real, 6), round(r.imag, 6))
print(abs(-2.5), -(2.5), +(-0.0), divmod(-5.5, 2), round(-5.5), round(-6.5), round(6.5))
print(float.is_integer(3.0), (1e300 * 1e10), -(1e300 * 1e10), (1e300 * 1e10) - (1e300 * 1e10))
print(sorted([3.5, -1.0, 2.25, float("inf"), -float("inf"), 0.0]))
print(f"{2.0:.3}", f"{1234.5:.3}", f"{0.00001234:.2}", f"{1e-5}", f"{123456789.0:.4g}", f"{1.0:g}", f"{10.0:.0e}")
print(str(1.0), str(10.0), str(1e15), str(1e16), str(-1.5e-7), str(0.000123), str(1.0e-4))
print(float(" 12 "), float("-.5"), float("5."), float("1E2"), float("+inf"), float("iNfInItY"), float("-nan"))
print(7.0 .__floor__(), (-7.5).__floor__(), (7.2).__ceil__(), math.floor(-0.5), math.ceil(-0.5))
print(int(2.9999999999999996), int(-2.5), int(1e19), round(1e19), round(123.456, 1), round(-123.456, -1))
print((0.1).__repr__(), (1 / 3).__str__(), float.__repr__(2.0))
print(1.0 .__eq__(1), (1.0).__lt__(2), (1.0).__eq__("1"))
print(0.1 + 0.7, 0.7 * 3, 1 - 0.9, 100 * 1.1, 1.15 * 100, 3 * 0.1 == 0.3)
print(1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0, float(2 ** 53 + 1))
x = 1.0
for _ in range(10):
    x = x * 1.1
print(x)
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    float([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1.5).hex(1)
except TypeError as e:
    print(type(e).__name__, e)
