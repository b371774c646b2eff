# Resurrection in __del__ (PEP 442: __del__ runs at most once per object).
import gc, sys
saved = []
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
        saved.append(self)
p = Phoenix("bird")
del p
print("resurrected:", len(saved), saved[0].name)
q = saved.pop()
print("refcount after pop", sys.getrefcount(q))
del q
print("second death: no __del__ output above this line")
gc.collect()
print("-- resurrect inside a cycle")
class CycleBird:
    def __init__(self): self.me = self
    def __del__(self):
        print("CycleBird.__del__")
        saved.append(self)
gc.collect()
c = CycleBird()
del c
n = gc.collect()
print("collected", n, "saved", len(saved))
saved.clear()
print("cleared; collect again:", gc.collect() >= 0)
print("-- __del__ sees attributes intact")
class Holder:
    def __init__(self): self.data = [1, 2, 3]
    def __del__(self): print("data at __del__:", self.data)
h = Holder()
h = None
print("-- __del__ referencing globals")
counter = {"n": 0}
class Counted:
    def __del__(self): counter["n"] += 1
for _ in range(5):
    Counted()
print("count", counter["n"])
lst = [Counted() for _ in range(7)]
del lst
print("count", counter["n"])
