# Attribute instructions right after a LOAD_FAST of their object are run
# as one step by pyrite; these check that nothing observable changes.
import sys


class P:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def __repr__(self):
        return f"P({self.v})"


def plain(p):
    p.v = p.v + 1
    return p.get(), p.v


print(plain(P(1)))


# A jump landing on the attribute instruction itself: `(a or b).v`.
def either(a, b):
    return (a or b).v, (a and b or b).v


print(either(P(1), P(2)), either(None, P(3)))


# Unbound locals, on a line of their own and on the attribute's line.
def unbound(kind):
    q = P(0)
    del q
    if kind == 0:
        return q.v
    if kind == 1:
        return (q
                .get())
    q.v = 5


for kind in range(3):
    try:
        unbound(kind)
    except UnboundLocalError as e:
        tb = e.__traceback__.tb_next
        print(kind, e, tb.tb_lineno - unbound.__code__.co_firstlineno, tb.tb_lasti)


# An attribute error names the right object and offset.
def missing(p):
    return p.nope


try:
    missing(P(1))
except AttributeError as e:
    tb = e.__traceback__.tb_next
    print(e, tb.tb_lasti)


# Frames seen from inside the attribute access report the attribute
# instruction.
class Spy:
    def __getattr__(self, name):
        f = sys._getframe(1)
        return (name, f.f_code.co_name, f.f_lasti, f.f_lineno - f.f_code.co_firstlineno)


def spied(s):
    return s.anything


print(spied(Spy()))


# A descriptor that rebinds nothing in the caller, and a property that
# raises.
class D:
    @property
    def boom(self):
        raise KeyError("boom")


def use(d):
    try:
        return d.boom
    except KeyError as e:
        return repr(e)


print(use(D()))


# Many locals (indices past a byte) and many names (EXTENDED_ARG).
names = [f"n{i}" for i in range(300)]
src = "def wide():\n"
src += "".join(f"    {n} = P({i})\n" for i, n in enumerate(names))
src += "    return n0.v + n254.v + n255.v + n299.v, n299.get()\n"
ns = {"P": P}
exec(src, ns)
print(ns["wide"]())
attrs = [f"a{i}" for i in range(300)]
src = "def deep(o):\n"
src += "".join(f"    o.{a} = {i}\n" for i, a in enumerate(attrs))
src += "    return o.a0 + o.a255 + o.a299\n"
exec(src, ns)


class O:
    pass


print(ns["deep"](O()))


# Methods on locals of every kind of object.
def methods(lst, d, s):
    lst.append(s.upper())
    d.update(k=lst.pop())
    return lst, d, s.count("a")


print(methods([1], {}, "banana"))


# In a generator and a closure.
def gen(p):
    while p.v < 3:
        yield p.v
        p.v += 1


print(list(gen(P(0))))


def outer(p):
    def inner():
        return p.v
    p = P(9)
    return inner()


print(outer(P(1)))


# Locals and constants folded into arithmetic, comparisons, subscripts and
# returns, including an unbound local in each position.
def arith(x, seq, key):
    r = [x + 1, x * x, 2 ** x, x - 0.5, x // 2, x % 3, -x << 2]
    r.append(x < 10)
    r.append(x == x)
    r.append(seq[key])
    r.append(seq[0])
    r.append(seq[-1:])
    r.append("ab" + "cd")
    return r


print(arith(7, [3, 4, 5], 1))
print(arith(-3, "xyz", 2))


def const_return():
    return (1, 2)


def none_return():
    pass


print(const_return(), none_return())


def unbound_in(kind):
    v = 1
    del v
    if kind == 0:
        return 1 + v
    if kind == 1:
        return 1 < v
    if kind == 2:
        return [1][v]
    return v


for kind in range(4):
    try:
        unbound_in(kind)
    except UnboundLocalError as e:
        tb = e.__traceback__.tb_next
        print(kind, e, tb.tb_lineno - unbound_in.__code__.co_firstlineno, tb.tb_lasti)


# Operators with user types on either side see the right operands.
class V:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        return V(self.n + (o.n if isinstance(o, V) else o))

    def __radd__(self, o):
        return V(o * 100 + self.n)

    def __lt__(self, o):
        return self.n < o

    def __getitem__(self, k):
        return (self.n, k)


def user(v, w):
    return (v + w).n, (v + 3).n, (3 + v).n, v < 5, v[2], v["k"]


print(user(V(1), V(2)))


# Many constants (indices past the foldable range).
src = "def many():\n    t = 0\n"
src += "".join(f"    t = t + {i}.5\n" for i in range(300))
src += "    return t\n"
exec(src, ns)
print(ns["many"]())


# Conditional jumps on a local, right after a comparison whose result
# stays on the stack.
def after_compare(a, b, x):
    return (a < b, 1 if x else 2, 3 if x is None else 4, 5 if x is not None else 6)


print(after_compare(1, 2, 0), after_compare(2, 1, "y"), after_compare(1, 1, None))


def jumps(items):
    out = []
    for it in items:
        if it:
            out.append("t")
        if not it:
            out.append("f")
        if it is None:
            out.append("n")
    k = 3
    while k:
        k -= 1
        out.append(k)
    return out


print(jumps([0, 1, None, "", [1]]))


def unbound_jump():
    z = 1
    del z
    if z:
        return 1


try:
    unbound_jump()
except UnboundLocalError as e:
    print(e, e.__traceback__.tb_next.tb_lasti)
