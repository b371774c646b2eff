d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], list(d), "a" in d, 1 in d, d.get("z"), d.get("z", 0), d.get("a", 0))
d["b"] = 20          # update keeps position
print(d)
del d["b"]; d["b"] = 200   # re-insert goes to end
print(d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}[(1, 2)]
except KeyError as e:
    print(type(e).__name__, e, e.args)
print(d.setdefault("c", 99), d.setdefault("new", [1]), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
c = d.copy(); c["c"] = "changed"
print(d["c"], c["c"], c is d)
d.clear()
print(d, bool(d))
print(dict(), dict(a=1), dict([("k", "v"), ("k2", "v2")]), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])), dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
for bad in [lambda: dict([1, 2]), lambda: dict([("a",)]), lambda: dict(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
print({1: "int", 1.0: "float", True: "bool"}, {0: "a", -0.0: "b"}, {(1, 2): 1, (1, 2): 2})
print({"a": 1} | {"b": 2}, {"a": 1, "b": 1} | {"a": 2})
m = {"a": 1}
m |= {"c": 3}
print(m, {"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 1.0})
try:
    {"a": 1} < {"b": 2}
except TypeError as e:
    print(type(e).__name__, e)
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"], nested)
# iteration order and mutation during iteration
it = {"a": 1, "b": 2}
try:
    for k in it:
        it["new" + k] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
it2 = {"a": 1, "b": 2}
try:
    for k in it2:
        del it2["b"]
except RuntimeError as e:
    print(type(e).__name__, e)
# keys may be any hashable
mixed = {None: 0, 1: 1, "s": 2, (1,): 3, frozenset([1]): 4, 2.5: 5, b"b": 6}
print(mixed)
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]), max({"x": 1, "y": 0}))
print(dict.__name__, type({}) is dict, {}.__class__, isinstance({}, dict))
print(list(reversed({"a": 1, "b": 2, "c": 3})), {1: 2}.__len__(), {1: 2}.__contains__(1), {1: 2}.__getitem__(1))
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()), big[999])
big[0] = "back"
print(list(big)[-1], list(big)[:2])
