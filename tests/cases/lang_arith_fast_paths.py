# Operators the eval loop computes without calling int/float methods
# (protocol/number.rs fast_binary): every result and error must be what the
# methods would give.
import math

def show(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

vals_i = [0, 1, -1, 7, -7, 2**31, -2**31, 2**62, -2**63, 2**63 - 1, 2**64, -(2**70) + 3, 10**30]
vals_f = [0.0, -0.0, 1.5, -2.5, 3.0, 1e308, -1e-308, math.inf, -math.inf, math.nan]
ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
    ("**", lambda a, b: a ** b), ("<<", lambda a, b: a << b), (">>", lambda a, b: a >> b),
    ("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b),
]
small = [0, 1, -1, 3, -3, 5, 63, 64, 65, 100, -100]
for name, op in ops:
    for a in vals_i:
        for b in small:
            if name == "**" and abs(a) > 2**31 and b > 5:
                continue
            show(f"{a} {name} {b}", lambda: op(a, b))
for name, op in ops[:7]:
    for a in vals_f:
        for b in vals_f + [0, 2, -3, 2**60]:
            show(f"{a!r} {name} {b!r}", lambda: op(a, b))
    for a in [0, 3, -4, 2**53 + 1, 2**60]:
        for b in [0.0, 0.5, -2.0, math.inf]:
            show(f"{a!r} {name} {b!r}", lambda: op(a, b))

# In-place forms, and the same operators on subclasses (which must still
# dispatch to their own methods).
x = 5
x += 2.5
x **= 2
x //= 3
x %= 4.0
print(x)
class I(int):
    def __add__(self, o):
        return "I.__add__"
    def __rsub__(self, o):
        return "I.__rsub__"
class F(float):
    def __mul__(self, o):
        return "F.__mul__"
    def __rpow__(self, o):
        return "F.__rpow__"
print(I(1) + 2, 3 - I(1), I(2) * 3, F(2.0) * 3, 2.0 ** F(3.0), 2 ** F(0.5), F(1.5) + 1)
print((-8.0) ** (1 / 3), (-2) ** 0.5, 0.0 ** 0, 2 ** -1, (-2) ** -3, 10 ** 20)
print(divmod(-7, 2), divmod(7.5, -2), -7 // 2.0, -0.0 % 5, 5 % -0.0 if False else None)
print(1 << 62, 1 << 63, -1 << 64, 2**64 >> 1, -5 >> 1, -1 >> 100, 5 >> 70)
print(7 / 2, -7 / 2, 2**53 + 1 / 1, (2**53 + 1) / 1, 10**30 / 10**10, 1 / 3)
