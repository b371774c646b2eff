import weakref, gc
class Obj:
    def __init__(self, name): self.name = name
    def __repr__(self): return f"Obj({self.name})"
    def greet(self): return "hi from " + self.name
# WeakValueDictionary
wvd = weakref.WeakValueDictionary()
a, b = Obj("a"), Obj("b")
wvd["a"] = a; wvd["b"] = b
print(len(wvd), sorted(wvd.keys()), wvd["a"], "b" in wvd, wvd.get("zz"))
del a
print(len(wvd), sorted(wvd.keys()), "a" in wvd, wvd.get("a", "gone"))
try:
    wvd["a"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    wvd["x"] = 5
except TypeError as e:
    print(type(e).__name__, e)
c = Obj("c")
print(wvd.setdefault("c", c), wvd.pop("c"), len(wvd), sorted(k for k, v in wvd.items()))
refs = wvd.valuerefs()
print(len(refs), refs[0]() is b)
# WeakKeyDictionary
wkd = weakref.WeakKeyDictionary()
k1, k2 = Obj("k1"), Obj("k2")
wkd[k1] = 1; wkd[k2] = 2
print(len(wkd), wkd[k1], k2 in wkd, sorted(v for v in wkd.values()))
del k1
print(len(wkd), list(wkd.values()))
try:
    wkd["string key"] = 1
except TypeError as e:
    print(type(e).__name__, e)
# WeakSet
ws = weakref.WeakSet()
s1, s2, s3 = Obj("s1"), Obj("s2"), Obj("s3")
ws.add(s1); ws.add(s2); ws.add(s3); ws.add(s1)
print(len(ws), s2 in ws, sorted(o.name for o in ws))
del s2
print(len(ws), sorted(o.name for o in ws))
ws.discard(s3)
print(len(ws), list(ws))
try:
    ws.add(1)
except TypeError as e:
    print(type(e).__name__, e)
# WeakMethod
m_obj = Obj("m")
wm = weakref.WeakMethod(m_obj.greet)
print(wm()(), type(wm()).__name__)
plain = weakref.ref(m_obj.greet)
print("plain ref to bound method is dead immediately:", plain() is None)
del m_obj
print(wm() is None)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(type(e).__name__, e)
# finalize
f_obj = Obj("f")
fin = weakref.finalize(f_obj, print, "finalizer ran for", "f")
print(fin.alive, fin.atexit)
del f_obj
print(fin.alive, fin())
f2 = Obj("f2")
fin2 = weakref.finalize(f2, lambda x: x * 2, 21)
print(fin2(), fin2.alive, fin2())
f3 = Obj("f3")
fin3 = weakref.finalize(f3, print, "never")
print(fin3.detach()[1:], fin3.alive)
del f3
f4 = Obj("f4")
fin4 = weakref.finalize(f4, print, "f4 finalized")
print(fin4.peek()[1:])
fin4.atexit = False
del f4
print("-- cycles collected by gc trigger finalizers")
gc.collect()
x = Obj("cyc"); x.self = x
weakref.finalize(x, print, "cycle finalized")
del x
print("before collect")
gc.collect()
print("after collect")
