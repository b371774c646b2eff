from decimal import Decimal as D, getcontext, ROUND_HALF_UP, InvalidOperation, localcontext
print(D("0.1") + D("0.2"), D("0.1") + D("0.2") == D("0.3"), D(1) / D(3), D("1.10") * 3, D("10") / D("4"), D(2).sqrt())
print(D("1.005").quantize(D("0.01")), D("1.005").quantize(D("0.01"), rounding=ROUND_HALF_UP), D("2.5").quantize(D("1")), D("-0"), D("1e3"), D("1E+3").normalize())
print(D(0.1), D("3.14159").as_tuple(), D("1.20") == D("1.2"), str(D("1.20")), repr(D("1.20")), D("NaN").is_nan(), D("Infinity") > 10 ** 100)
print(D(10) // D(3), D(-10) // D(3), D(10) % D(3), D(-10) % D(3), divmod(D(7), D(2)), D(2) ** 10, -D("1.5"), abs(D("-2")))
print(int(D("7.9")), float(D("0.5")), round(D("2.675"), 2), round(D("2.5")), D("12.345").to_integral_value(), sorted([D("1.5"), D("-1"), D("0.25")]))
getcontext().prec = 6
print(D(1) / D(7), D("123456789") + 0)
with localcontext() as ctx:
    ctx.prec = 40
    print(D(2).sqrt())
print(D(1) / D(7))
getcontext().prec = 28
try:
    D("abc")
except InvalidOperation as e:
    print(type(e).__name__)
try:
    D(1) / D(0)
except ArithmeticError as e:
    print(type(e).__name__)
try:
    D("1.5") + 1.5
except TypeError as e:
    print(type(e).__name__, e)
print(D("1.5") + 1, 1 + D("1.5"), D("3") == 3, D("0.5") == 0.5, hash(D("0.5")) == hash(0.5))
