print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-10 ** 30), abs(float("-inf")))
class Absy:
    def __abs__(self): return "absolute"
print(abs(Absy()))
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(2 ** 70, 3), divmod(True, 2))
try:
    divmod(1, "a")
except TypeError as e:
    print(type(e).__name__, e)
print(pow(2, 8), pow(2, -1), pow(2.0, 3), pow(-2, 3), pow(4, 0.5), pow(7, 2, 5), pow(-7, 2, 5), pow(7, -2, 5), pow(base=3, exp=2), pow(3, 4, mod=5))
print(pow(10, 30, 10 ** 9 + 7), pow(123456789, 987654321, 1000000007), pow(0, 0, 1), pow(2, 0, 3))
r = pow(-1, 0.5)
print(type(r).__name__, round(r.imag, 12), round(r.real, 12))
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    pow(0.0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(round(3.14159), round(3.14159, 2), round(3.14159, 0), round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(12345, -2), round(12355, -1), round(12345.678, -2), round(-0.5), round(0.4999999999999999), round(1e16 + 1))
print(round(2.675, 2), round(1.005, 2), round(0.015, 2), round(0.025, 2), round(5e-324, 400), round(123, 5), round(-7, -1), round(-5, -1), round(15, -1))
print(type(round(1.5)).__name__, type(round(1.5, 1)).__name__, type(round(5, 1)).__name__, round(True), round(1.23456789e-5, 8))
class Rnd:
    def __round__(self, n=None): return f"round({n})"
print(round(Rnd()), round(Rnd(), 3))
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(int(7.9), int(-7.9), float(3), complex(1), bool(2), min(1, 2.0), max(2, 2.0))
import math
print(math.floor(7.9), math.ceil(7.1), math.trunc(-7.9), 7 // 1, -7.9 // 1)
