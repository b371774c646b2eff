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
