# Instance attributes kept inline (CPython 3.11's managed dicts with shared
# keys): order, deletion, __dict__ materialization, class changes, odd names.
import copy
import gc
import pickle
import sys


class A:
    pass


def show(o):
    print(sorted(vars(o).items()) == sorted(o.__dict__.items()), list(o.__dict__.items()))


a = A(); a.x = 1; a.y = 2; del a.x; a.x = 3; show(a)
b = A(); b.y = 1; b.x = 2; show(b)
c = A(); c.z = 1; c.x = 2; show(c)
d = A(); d.x = 1; d.z = 3; d.y = 2; show(d)
e = A(); e.x = 1; e.y = 2; del e.y; e.y = 5; show(e)
f = A(); f.x = 1; f.x = 10; f.y = 2; f.x = 100; show(f)

# Attribute errors from inline instances.
g = A(); g.x = 1
for name in ("y", "x"):
    try:
        delattr(g, name)
        print("deleted", name)
    except AttributeError as exc:
        print(type(exc).__name__, exc)
try:
    g.x
except AttributeError as exc:
    print(type(exc).__name__, exc)
print(getattr(g, "x", "default"), hasattr(g, "x"), g.__dict__)

# Names built at run time (not interned) and str subclasses.
h = A()
setattr(h, "".join(["na", "me"]), 1)
print(h.name, getattr(h, "n" + "ame"), h.__dict__)


class S(str):
    pass


k = A()
k.q = 1
setattr(k, S("w"), 2)
print(sorted(k.__dict__.items()), k.w, getattr(k, S("q")))

# Many attributes (more than the shared-keys limit).
m = A()
for i in range(40):
    setattr(m, "a%d" % i, i)
print(len(m.__dict__), m.a0, m.a39, list(m.__dict__)[:3], list(m.__dict__)[-2:])
m2 = A(); m2.a5 = 5; m2.zz = 1
print(m2.__dict__, m2.a5)

# Writing through __dict__ after materialization, and replacing __dict__.
n = A(); n.x = 1
dd = n.__dict__
dd["y"] = 2
n.z = 3
print(n.y, dd, n.__dict__ is dd)
n.__dict__ = {"p": 7}
print(n.__dict__, hasattr(n, "x"), n.p)

# Methods shadowed by instance attributes.
class M:
    def meth(self):
        return "method"


mm = M()
print(mm.meth())
mm.meth = lambda: "instance"
print(mm.meth())
del mm.meth
print(mm.meth())

# __class__ assignment keeps the attributes.
class B:
    pass


o = A(); o.u = 1; o.v = 2
o.__class__ = B
print(type(o).__name__, o.u, o.v, o.__dict__)
o.w = 3
print(o.__dict__)

# Properties and data descriptors still win over instance values.
class P:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v * 10


p = P()
print(p.v)
try:
    p.v = 5
except AttributeError as exc:
    print(type(exc).__name__, exc)

# Reference counts and __del__ timing of attribute values.
class D:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


holder = A()
holder.first = D("first")
holder.second = D("second")
val = D("val")
before = sys.getrefcount(val)
holder.third = val
print(sys.getrefcount(val) - before)
holder.third = None
print(sys.getrefcount(val) - before)
del val
holder.first = D("replacement")
del holder
print("after del holder")

# Cycles through inline values are collected.
gc.collect()
class Node:
    def __init__(self):
        self.other = None
        self.payload = D("cycle")


x = Node(); y = Node(); x.other = y; y.other = x
del x, y
print("collected", gc.collect() >= 4)

# Referents: the values and the type.
class R:
    pass


r = R(); r.a = "s1"; r.b = "s2"
print(gc.get_referents(r))

# A class in a cycle with its instances (and itself, through its MRO and
# descriptors) is freed by the collector.
import weakref


def make_class():
    class Temp:
        def meth(self):
            return self

    Temp.instance = Temp()
    Temp.instance.back = Temp
    Temp.instance.meth()
    return weakref.ref(Temp)


refs = [make_class() for _ in range(5)]
gc.collect()
print([w() for w in refs])

# copy, pickle, dir.
q = A(); q.x = [1]; q.y = "two"
q2 = copy.copy(q); q3 = copy.deepcopy(q); q4 = pickle.loads(pickle.dumps(q))
print(q2.__dict__, q3.__dict__, q4.__dict__, q3.x is q.x, q2.x is q.x)
print([n for n in dir(q) if not n.startswith("__")])

# Many instances of one class share their names; each keeps its own values.
objs = []
for i in range(1000):
    t = A()
    t.i = i
    if i % 3 == 0:
        t.three = True
    t.sq = i * i
    objs.append(t)
print(sum(t.i for t in objs), sum(1 for t in objs if hasattr(t, "three")),
      list(objs[3].__dict__), list(objs[4].__dict__))
