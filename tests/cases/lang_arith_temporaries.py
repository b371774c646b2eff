# Arithmetic on exact ints and floats may reuse a dying temporary operand
# for its result; shared operands (variables, containers, constants,
# closures, default arguments) must never change.
import sys


def show(*vals):
    print(*[repr(v) for v in vals])


# Floats: temporaries combine, sources stay put.
dx, dy, dz = 0.5, -1.25, 3.0
d2 = dx * dx + dy * dy + dz * dz
show(dx, dy, dz, d2)
mag = 0.01 * (d2 ** -1.5)
show(mag, d2)

# A variable on both sides, and the same object twice.
x = 2.5
y = x * x + x
show(x, y)
y = (x + 1.0) * (x + 1.0)
show(x, y)
z = x - x
show(x, z)

# Augmented assignment on locals, list items and attributes.
v = [1.5, 2.5, 3.5]
w = v[:]
for i in range(3):
    v[i] -= 0.25 * v[i]
show(v, w)


class Body:
    def __init__(self):
        self.m = 4.0


b = Body()
saved = b.m
b.m += 1.0
b.m *= b.m
show(b.m, saved)

acc = 0.0
alias = acc
for i in range(5):
    acc += i * 0.5
show(acc, alias)

# Large ints (outside the small-int cache) behave the same way.
n = 10 ** 6
m = n
n = n * 3 + n - 7
show(n, m)
big = 2 ** 40
t = (big + 1) * 2 - big
show(big, t)
k = 1000
seq = []
for i in range(4):
    k = k + 1000
    seq.append(k)
show(k, seq)
show(seq[0] + seq[1] - seq[2], seq)

# Small results come from the cache whatever the operands.
two, top = int("2"), int("256")
a = 1000
r = (a - 999) * 2
show(r, r is two, a)
q = (a + a) - 2000 + 256
show(q, q is top)

# Constants and defaults are shared with the code object.
def f(p=1.5):
    return p + 0.5, (p + 0.5) * 2.0


show(f(), f(), f.__defaults__)


def g():
    return 3.25 * 2.0 + 1.0


show(g(), g(), g.__code__.co_consts)

# Closures and generators see their own values.
def outer():
    c = 7.5

    def inner():
        return c * 2.0 + c
    return inner, lambda: c


inner, getc = outer()
show(inner(), inner(), getc())


def gen():
    s = 0.5
    while True:
        s = s * 2.0 + 0.25
        yield s


it = gen()
first = next(it)
second = next(it)
show(first, second, next(it))

# Values kept alive elsewhere (dict, tuple, set) are not touched.
d = {"a": 1.25}
t2 = (d["a"] + 1.0, d["a"] * 3.0)
show(d, t2)
st = {10.0 ** 20}
e = next(iter(st)) + 1.0
show(st, e)

# Reference counts stay exact around reused results.
p = 123.5
before = sys.getrefcount(p)
for i in range(10):
    tmp = p * 2.0 + 1.0
show(sys.getrefcount(p) == before, tmp)
big2 = 10 ** 12
before = sys.getrefcount(big2)
for i in range(10):
    tmp = big2 * 3 + 1
show(sys.getrefcount(big2) == before, tmp)

# Subclasses never take the fast path, and their results are exact types.
class F(float):
    pass


class I(int):
    pass


fs = F(2.0)
show(type(fs + fs).__name__, fs + fs, type(fs * 1.0).__name__)
iv = I(1000)
show(type(iv + iv).__name__, iv + iv, type(iv * 1).__name__)
bt = True
show(bt + bt, type(bt + bt).__name__, bt * 1000 + 1000)

# Special values and errors on the same paths.
inf = float("inf")
show(inf - inf, inf * 0.0, (1e308 * 10.0) * -1.0, -0.0 + -0.0, 0.0 * -1.0)
try:
    (x * 2.0) / (x - x)
except ZeroDivisionError as ex:
    print(type(ex).__name__, ex)
huge = 2 ** 62
show(huge + huge, (huge * 4) - huge, -huge * huge)
