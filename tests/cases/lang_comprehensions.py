print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])
print(sorted({c.lower() for c in "HeLLo WoRLD" if c.isalpha()}))
print({k: v for k, v in zip("abc", range(3))})
print({x % 3: x for x in range(10)})
print(sorted({x % 4 for x in range(100)}))
# own scope: loop var does not leak
x = "outer"
_ = [x for x in range(3)]
print(x)
# comprehension sees enclosing function locals
def f(n):
    return [i + n for i in range(3)]
print(f(10))
# nested comprehension referencing outer loop var
print([[(a, b) for b in range(a)] for a in range(3)])
# flattening
m = [[1, 2], [3], [], [4, 5, 6]]
print([v for row in m for v in row])
# generator expression
g = (i * 2 for i in range(4))
print(type(g).__name__, list(g), list(g))
print(sum(i for i in range(101)))
print(max((len(w), w) for w in "the quick brown fox".split()))
# first iterable evaluated eagerly
def src():
    print("src evaluated")
    return [1, 2]
gen = (v for v in src())
print("before iteration")
print(list(gen))
# conditional expression inside
print(["even" if i % 2 == 0 else "odd" for i in range(4)])
# walrus in comprehension binds in enclosing scope
data = [1, 5, 3, 8]
print([y for v in data if (y := v * 2) > 5], y)
# dict comprehension with duplicate keys keeps last
print({k: i for i, k in enumerate("abca")})
# comprehension with unpacking
pairs = [(1, 'a'), (2, 'b')]
print([f"{n}{s}" for n, s in pairs])
print([(a, rest) for a, *rest in [(1, 2, 3), (4,)]])
# comprehension over dict
d = {"x": 1, "y": 2}
print([k for k in d], [v for v in d.values()], [kv for kv in d.items()])
# errors inside comprehension
try:
    [1 / v for v in [1, 0]]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
# comprehension in class body using only the iterable
class C:
    base = [1, 2, 3]
    doubled = [v * 2 for v in base]
print(C.doubled)
print(type([x for x in ()]), type({x for x in ()}), type({x: x for x in ()}))
