# sys.getrefcount deltas for bindings, containers, attributes and arguments.
import sys
class C: pass
x = C()
base = sys.getrefcount(x)
print(base)
def delta():
    return sys.getrefcount(x) - base
y = x
print("bind", delta())
z = x
print("bind twice", delta())
del y, z
print("del", delta())
lst = [x, x, x]
print("list of 3", delta())
lst.pop()
print("pop", delta())
lst.clear()
print("clear", delta())
d = {"k": x}
print("dict value", delta())
d2 = {x: 1}
print("dict key", delta())
del d, d2
print("dicts deleted", delta())
t = (x, x)
print("tuple", delta())
del t
s = {x}
print("set", delta())
s.discard(x)
print("discard", delta())
holder = C()
holder.attr = x
print("attribute", delta())
del holder.attr
print("del attribute", delta())
def f(a):
    return sys.getrefcount(a) - base
print("argument", f(x))
def g(*args):
    return sys.getrefcount(args[0]) - base
print("star-args", g(x))
def h(a):
    b = a
    c = a
    return sys.getrefcount(a) - base
print("argument + 2 locals", h(x))
print("after calls", delta())
cl = (lambda: x)
print("closure over global", delta())
def make():
    local = x
    def inner():
        return local
    return inner
fn = make()
print("cell", delta())
del fn
print("cell freed", delta())
it = iter([x])
print("iterator over list", delta())
next(it)
print("after next (value discarded)", delta())
del it
class Holder:
    def __init__(self, v): self.v = v
hs = [Holder(x) for _ in range(10)]
print("10 holders", delta())
del hs
print("holders freed", delta())
n = None
print(sys.getrefcount(n) > 10, sys.getrefcount(C) >= 2)
fresh = int("123456789")
print("fresh int", sys.getrefcount(fresh))
s1 = "".join(["dyn", "amic"])
print("fresh str", sys.getrefcount(s1))
print("temporary", sys.getrefcount(C()))
print("literal list", sys.getrefcount([]))
