import weakref, sys, gc
class Obj:
    def __init__(self, name): self.name = name
    def method(self): return "method of " + self.name
o = Obj("first")
r = weakref.ref(o)
print(r() is o, r().name, weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r], type(r).__name__)
r2 = weakref.ref(o)
print(r2 is r, weakref.getweakrefcount(o))   # callback-less refs are shared
log = []
rc = weakref.ref(o, lambda ref: log.append(("callback", ref is rc)))
print(rc is r, weakref.getweakrefcount(o), r == rc, hash(r) == hash(o) or True)
hash_before = hash(r)
del o
print(r(), rc(), log, weakref.getweakrefcount(r) if False else "dead")
print(hash(r) == hash_before)
try:
    hash(weakref.ref(Obj("never hashed")))
except TypeError as e:
    print(type(e).__name__, e)
print(r == r, r != rc)
a = Obj("a"); b = Obj("b")
print(weakref.ref(a) == weakref.ref(a), weakref.ref(a) == weakref.ref(b))
for v in [[], {}, 1, "s", (), None, 1.5, b"b", set()]:
    try:
        weakref.ref(v)
        print("weakref ok for", type(v).__name__)
    except TypeError as e:
        print(type(e).__name__, e)
class MyList(list): pass
class MyDict(dict): pass
print(weakref.ref(MyList([1]))() is None, weakref.ref(len)() is len, weakref.ref(Obj)() is Obj, weakref.ref(frozenset()) is not None)
class Slotted:
    __slots__ = ("x",)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
class SlottedWeak:
    __slots__ = ("x", "__weakref__")
sw = SlottedWeak()
print(weakref.ref(sw)() is sw)
# proxy
p_target = Obj("proxied")
p = weakref.proxy(p_target)
print(p.name, p.method(), type(p).__name__, weakref.getweakrefcount(p_target))
p.name = "renamed"
print(p_target.name)
del p_target
try:
    p.name
except ReferenceError as e:
    print(type(e).__name__, e)
try:
    str(p)
except ReferenceError as e:
    print(type(e).__name__, e)
cp = weakref.proxy(lambda: "called through proxy") if False else None
fn_target = lambda: "called through proxy"
cp = weakref.proxy(fn_target)
print(cp(), callable(cp), type(cp).__name__)
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return self.v + o
    def __len__(self): return 3
    def __iter__(self): return iter([1, 2])
n = Num(10)
pn = weakref.proxy(n)
print(pn + 5, len(pn), list(pn), isinstance(pn, Num))
try:
    hash(pn)
except TypeError as e:
    print(type(e).__name__, e)
# callback ordering: most recently registered first
order = []
t = Obj("t")
w1 = weakref.ref(t, lambda r: order.append("w1"))
w2 = weakref.ref(t, lambda r: order.append("w2"))
w3 = weakref.ref(t, lambda r: order.append("w3"))
del t
print(order)
# weakref to dead object created after death: callback not called if weakref dies first
t2 = Obj("t2")
w = weakref.ref(t2, lambda r: print("should not print"))
del w
del t2
print("no callback when the weakref itself died first")
# exception in callback is reported but ignored
import io
saved, sys.stderr = sys.stderr, io.StringIO()
t3 = Obj("t3")
w = weakref.ref(t3, lambda r: 1 / 0)
del t3
captured, sys.stderr = sys.stderr.getvalue(), saved
print(captured.splitlines()[0].startswith("Exception ignored"), captured.splitlines()[-1])
print(w() is None, repr(w).endswith("; dead>"))
