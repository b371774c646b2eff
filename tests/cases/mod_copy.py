import copy
orig = [1, [2, 3], {"k": [4]}]
sh = copy.copy(orig)
dp = copy.deepcopy(orig)
orig[1].append(99); orig[2]["k"].append(100); orig.append("top")
print(orig, sh, dp, sh[1] is orig[1], dp[1] is orig[1])
print(copy.copy(5), copy.copy("s"), copy.copy((1, 2)), copy.deepcopy((1, [2]))[1] is not None)
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2])) is not (1, [2]))
class P:
    def __init__(self, v, children=None):
        self.v = v
        self.children = children or []
    def __repr__(self): return f"P({self.v}, {self.children})"
p = P(1, [P(2)])
p2 = copy.copy(p); p3 = copy.deepcopy(p)
p.children[0].v = 20
print(p2, p3, p2.children is p.children, p3.children is p.children)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is not cyc, cc)
shared = [0]
pair = [shared, shared]
dpair = copy.deepcopy(pair)
print(dpair[0] is dpair[1], dpair[0] is shared)
class Custom:
    def __init__(self): self.log = []
    def __copy__(self):
        c = Custom(); c.log = ["copied"]; return c
    def __deepcopy__(self, memo):
        c = Custom(); c.log = ["deepcopied", len(memo) >= 0]; return c
print(copy.copy(Custom()).log, copy.deepcopy(Custom()).log)
d = {"a": {"b": 1}}
d2 = d.copy(); d3 = copy.deepcopy(d)
d["a"]["b"] = 2
print(d2, d3)
s = {1, 2}; fs = frozenset([1])
print(copy.copy(s) == s, copy.copy(s) is s, copy.copy(fs) is fs, copy.deepcopy([s])[0] is not s)
class Slots:
    __slots__ = ("a", "b")
    def __init__(self): self.a = [1]; self.b = 2
sl = copy.deepcopy(Slots())
print(sl.a, sl.b)
f = lambda: 1
print(copy.copy(f) is f, copy.deepcopy(f) is f, copy.deepcopy(len) is len, copy.deepcopy(P) is P)
print(copy.replace if hasattr(copy, "replace") else "no replace", copy.Error.__name__)
