print(sorted([5, 2, 8, 1]), sorted("banana"), sorted((3, 1, 2), reverse=True), sorted({3: "a", 1: "b"}), sorted([]))
recs = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(recs, key=lambda r: r[1]))          # stable
print(sorted(recs, key=lambda r: r[1], reverse=True))   # stable with reverse
print(sorted(recs, key=lambda r: (-r[1], r[0])))
print(sorted(["b", "B", "a", "A"]), sorted(["b", "B", "a", "A"], key=str.lower), sorted(["10", "9", "100"], key=int))
print(sorted([3, 1.5, True, -2]), sorted([[1, 2], [1], [0, 9]]), sorted([(1, "b"), (1, "a")]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], cmp=None)
except TypeError as e:
    print(type(e).__name__, e)
# key called exactly once per item
calls = []
def k(x):
    calls.append(x)
    return -x
print(sorted([3, 1, 2], key=k), sorted(calls))
# list.sort returns None; sorted of generator
l = [3, 2, 1]
print(l.sort(), l, sorted(x * x for x in range(-3, 3)))
# min / max
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"), max([1, 2], [1, 3]), min((2, "x"), (2, "a")))
print(max([], default="empty"), min([], default=None), max([7], default=0), max("abc", key=lambda c: -ord(c)))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "kiwi"], key=len), max([1, 3, 3, 2], key=lambda v: v // 3))
print(max(1, 1.0), max(1.0, 1), min(0, False), max({1: "a", 5: "b"}), max(range(10), key=lambda v: v % 4))
for bad in [lambda: max([]), lambda: min([]), lambda: max(1), lambda: max(1, "a"), lambda: max([], default=1, key=None) if False else max(1, 2, default=0)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
# stability of max/min: first max wins
print(max([(1, "first"), (1, "second")], key=lambda p: p[0]), min([(1, "first"), (1, "second")], key=lambda p: p[0]))
# sum
print(sum([1, 2, 3]), sum([1, 2], 10), sum([]), sum([0.1] * 3), sum([[1], [2]], []), sum(range(5), start=100), sum([1.5, 2]), sum([True, True]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
print(sum([1j, 2]), sum((x for x in range(4)), 0.0), sum([10 ** 20, 1]), sum([], start=[]))
# any / all
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]), any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
def gen():
    for v in [0, 1, 2, 3]:
        print("yielding", v)
        yield v
print(any(gen()))
print(all(gen()))
