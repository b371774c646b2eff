from collections import defaultdict, OrderedDict, Counter, ChainMap
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["missing"], len(dd), "zzz" in dd, dd.default_factory)
ci = defaultdict(int)
for ch in "mississippi":
    ci[ch] += 1
print(sorted(ci.items()), ci.get("q"), "q" in ci)
nd = defaultdict(lambda: defaultdict(int))
nd["x"]["y"] += 5
print(nd["x"]["y"], dict(nd["x"]))
none_dd = defaultdict()
try:
    none_dd["k"]
except KeyError as e:
    print(type(e).__name__, e)
print(repr(defaultdict(int, {"a": 1})), defaultdict(set).__missing__("k"), defaultdict(int).copy().default_factory)
try:
    defaultdict(5)
except TypeError as e:
    print(type(e).__name__, e)
od = OrderedDict()
od["b"] = 1; od["a"] = 2; od["c"] = 3
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od.update(x=1, y=2, z=3)
od.move_to_end("a")
print(list(od))
od.move_to_end("z", last=False)
print(list(od))
try:
    od.move_to_end("nope")
except KeyError as e:
    print(type(e).__name__, e)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1}, dict(a=1, b=2) == dict(b=2, a=1))
print(list(reversed(OrderedDict.fromkeys("abc"))), OrderedDict.fromkeys("xy", 0))
try:
    OrderedDict().popitem()
except KeyError as e:
    print(type(e).__name__, e)
c = Counter("abracadabra")
print(c.most_common(), c.most_common(2), c["a"], c["zzz"], len(c), sum(c.values()), c.total())
print(sorted(c.elements()), Counter({"x": 2, "y": 0, "z": -1}), list(Counter({"x": 2, "y": 0, "z": -1}).elements()))
c2 = Counter(a=1, b=10)
print(c + c2, c - c2, c & c2, c | c2, c2 - c, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
c.update("aaz"); c.subtract({"b": 5})
print(c)
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter(a=1) < Counter(a=2), Counter(["x", "y", "x"]).most_common(1)[0])
del c["a"]
print("a" in c, c["a"], Counter().most_common(), repr(Counter()))
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(3))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3}, {"c": 4})
print(cm["a"], cm["b"], cm["c"], len(cm), sorted(cm), cm.get("z", "none"), "c" in cm)
cm["a"] = 100; cm["new"] = 5
print(cm.maps[0], cm.maps[1])
child = cm.new_child({"b": "child"})
print(child["b"], child.parents["b"], len(child.maps), child.parents.maps == cm.maps)
try:
    del cm["c"]
except KeyError as e:
    print(type(e).__name__, e)
print(dict(ChainMap({"x": 1}, {"x": 2, "y": 3})), list(ChainMap({"x": 1}, {"y": 2})))
