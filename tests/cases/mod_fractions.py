from fractions import Fraction as F
print(F(1, 3), F(2, 6), F(-4, 6), F(3), F("0.25"), F("-3/7"), F(0.5), F(1.1).limit_denominator(100), F("0.125"))
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(-a), a // b, a % b, divmod(F(7, 2), F(1, 3)))
print(a == F(2, 6), a < b, a > 0.3, float(a), int(F(7, 2)), round(F(7, 2)), round(F(5, 2)), round(F(22, 7), 2))
print(a.numerator, a.denominator, F(10, 4).as_integer_ratio(), hash(F(1, 2)) == hash(0.5), repr(F(3, 4)), str(F(4, 1)))
try:
    F(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    F("abc")
except ValueError as e:
    print(type(e).__name__, e)
print(sum(F(1, n) for n in range(1, 11)), F(1, 3) + 1, 2 * F(1, 4), F(1, 2) + 0.25, type(F(1, 2) + 0.25).__name__)
