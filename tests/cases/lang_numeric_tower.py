from fractions import Fraction
import numbers
vals = [True, 3, 2.5, 1 + 2j, Fraction(1, 3)]
for v in vals:
    print(type(v).__name__, isinstance(v, numbers.Number), isinstance(v, numbers.Complex), isinstance(v, numbers.Real), isinstance(v, numbers.Rational), isinstance(v, numbers.Integral))
print(True + 1, True + 1.5, True + 1j, 3 + 2.5, 3 + 1j, 2.5 + 1j, 3 * True, 7 / True)
print(type(True + True).__name__, type(1 + 1.0).__name__, type(1.0 + 1j).__name__, type(2 ** 2).__name__, type(2 ** -1).__name__, type(4 / 2).__name__)
print(1 == 1.0 == (1 + 0j) == True, hash(1) == hash(1.0) == hash(1 + 0j) == hash(True))
print({1: "a", 1.0: "b", True: "c", 1 + 0j: "d"})
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, round(0.1 + 0.2, 10) == round(0.3, 10))
print(10 // 3, 10.0 // 3, -10 // 3, -10.0 // 3, 10 % 3, 10.0 % 3, -10 % 3, -10.0 % 3)
print(2 ** 0.5 * 2 ** 0.5, int(2 ** 0.5 * 2 ** 0.5), round(2 ** 0.5 * 2 ** 0.5))
print(3 < 3.5 < 4, 2 ** 53 == 2 ** 53 + 1.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 16 == 1e16)
print(float(10 ** 16 + 1) == 10 ** 16 + 1, 9007199254740993 < 9007199254740992.0 + 2)
print(max(1, 1.0, True), min(True, 1, 1.0), sorted([1.0, True, 1]), sorted([2, 1.5, True, 0.5]))
print(int(True), float(True), complex(True), bool(0.0), bool(0j), bool(-0.0))
print(Fraction(3, 4) + 1, Fraction(1, 3) * 3, Fraction(1, 3) + 0.5, 1 / Fraction(2, 3), Fraction(2, 4) == 0.5, Fraction(1, 3) < 0.34)
print(sum([0.1] * 10) == 1.0, sum([Fraction(1, 10)] * 10) == 1)
print(divmod(7, 2.0), divmod(-7.5, 2), pow(2, 3.0), pow(2.0, 3), pow(4, 0.5), (-1) ** 0.5 == 1j or True)
print((1e308 * 10) == float("inf"), -1e308 * 10, float("inf") - 1e308, float("inf") / float("inf") != float("inf") / float("inf"))
