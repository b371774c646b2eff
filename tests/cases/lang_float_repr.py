import math
vals = [0.1 + 0.2, 0.1, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 0.0001234, 1e22, 1e23,
        1.5, 100.0, -0.0, 0.0, float("inf"), float("-inf"), float("nan"), 2.5e-308, 5e-324, 1.7976931348623157e308,
        3.141592653589793, 2 ** 0.5, 9007199254740993.0, 1e100, 123.456, 0.3, 1.1 * 3, 4.35 * 100]
for v in vals:
    print(repr(v), str(v))
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(2.675, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, -2), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5.5, 0), round(7, 1))
print(round(1e300, 2), round(float("inf")) if False else "skip", round(2.5, None), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(float("1.5"), float(" -2.5e3 "), float("inf"), float("-Infinity"), float("nan"), float(7), float("1_000.5"), float(True))
for bad in ["", "abc", "1.2.3", "1e", "0x10"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer())
print((1.5).hex(), float.fromhex("0x1.8p1"), (0.1).hex(), (-0.0).hex())
print(math.copysign(1, -0.0), -0.0 == 0.0, 1 / float("inf"), float("inf") - float("inf"), float("inf") * 0)
print(math.isnan(float("nan")), math.isinf(-float("inf")))
print(0.1 * 3, 0.7 + 0.1, 1.0 - 0.9, 1e-7 * 3, 3 * 1.1, 1.23e-10 / 7)
print(5e-324 / 2, 1e308 * 10, -1e308 * 10, 2.0 ** -1074, 2.0 ** -1075)
print(int(1e20), int(-1e-20), int(2.0 ** 60), float(2 ** 63), float(-(2 ** 53) - 1))
print(hash(1.0) == hash(1), hash(0.0), hash(-0.0), hash(2.0), hash(1e10) == hash(10 ** 10), hash(float("inf")))
print(1.0 .__repr__(), float.__name__, (3.7).__trunc__(), (3.7).__floor__(), (-3.2).__ceil__())
print(divmod(7.5, 2), divmod(-7.5, 2), 7.5 // -2, 7.5 % -2, -0.0 % 5, 5.0 % -0.5)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    5.0 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(sum([0.1] * 10), math.fsum([0.1] * 10), 0.1 * 10)
print(f"{1e16:.0f}", f"{0.1:.30f}", "%.17g" % 0.1, "%r" % 0.1, str(1e-10), repr(12345678901234567890.0))
print(float.__repr__(1e21), 1e21, 1e-16 + 1, 1 + 2 ** -52, max(0.0, -0.0), min(0.0, -0.0))
