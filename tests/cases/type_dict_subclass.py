class Defaulting(dict):
    def __missing__(self, key):
        print("missing", key)
        self[key] = value = len(self)
        return value
d = Defaulting(a=10)
print(d["a"], d["b"], d["c"], d, d.get("zz", "get does not call __missing__"), "zz" in d)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
u = Upper()
u["key"] = 1
print(u, u["KEY"], u["kEy"], dict(u))
u2 = Upper(init=1)
print(u2, "INIT" in u2)   # dict.__init__ bypasses __setitem__
u2.update(more=2)
print(u2)                   # update bypasses too
class Logged(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.log = []
    def __delitem__(self, k):
        self.log.append(("del", k))
        super().__delitem__(k)
lg = Logged(x=1, y=2)
del lg["x"]
lg.pop("y")
print(lg, lg.log)
class Ordered(dict):
    def __iter__(self):
        return iter(sorted(super().__iter__()))
o = Ordered(b=1, a=2, c=3)
print(list(o), list(o.keys()), dict(o), sorted(o.items()))
print(isinstance(o, dict), type(o).__name__, type(o.copy()).__name__, type(o | {}).__name__)
class Frozen(dict):
    def __hash__(self): return hash(tuple(sorted(self.items())))
fz = Frozen(a=1)
print({fz: "hashable dict subclass"}[Frozen(a=1)])
from collections import UserDict
class UD(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
ud = UD(a=1)
ud["b"] = 5
ud.update(c=10)
print(ud, ud.data, isinstance(ud, dict), len(ud), "a" in ud)
d2 = dict.fromkeys(["x", "y"], [])
d2["x"].append(1)
print(d2)
dd = {}
for word in "one two three two one one".split():
    dd[word] = dd.get(word, 0) + 1
print(dd, sorted(dd, key=dd.get, reverse=True))
nested = {}
nested.setdefault("a", {}).setdefault("b", []).append(1)
nested.setdefault("a", {}).setdefault("b", []).append(2)
print(nested)
keys = {}
keys[1] = "int"; keys[1.0] = "float"; keys[True] = "bool"
print(keys, list(keys)[0], type(list(keys)[0]).__name__)
