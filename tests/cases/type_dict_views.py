d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(type(k).__name__, type(v).__name__, type(it).__name__, len(k), len(v), len(it))
d["d"] = 4
print(list(k), list(v), list(it))   # views are live
print("a" in k, 4 in v, ("a", 1) in it, ("a", 2) in it, 99 in v)
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}), k == {"a", "b", "c", "d"})
print(sorted(it & {("a", 1), ("x", 0)}), k.isdisjoint({"x"}), k <= {"a", "b", "c", "d", "e"}, k < {"a"})
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(v == v, d.values() == d.values(), list(v) == [1, 2, 3, 4])
it_iter = iter(k)
print(next(it_iter), next(it_iter))
del d["a"]
try:
    next(it_iter)
except RuntimeError as e:
    print(type(e).__name__, e)
print(k.mapping if hasattr(k, "mapping") else "no mapping")
try:
    k[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(k) if False else {k}
except TypeError as e:
    print(type(e).__name__, e)
e = {}
print(e.keys(), e.values(), e.items(), list(e.items()))
for key, val in {"x": 10, "y": 20}.items():
    print(key, val)
print(dict(d.items()), sorted(d.values(), reverse=True), sum(d.values()), max(d.items(), key=lambda kv: kv[1]))
