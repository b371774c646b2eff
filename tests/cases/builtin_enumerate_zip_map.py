print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("xy", start=-2)))
e = enumerate(["a", "b"], 10 ** 20)
print(next(e), next(e), type(e).__name__)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(range(3), range(3), range(3))))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
pairs = [(1, "a"), (2, "b")]
nums, lets = zip(*pairs)
print(nums, lets, dict(zip("abc", range(3))))
# zip stops at shortest and consumption order
it = iter(range(10))
print(list(zip(it, "ab")), next(it))
# map
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [3, 2], [5, 5])))
print(type(map(str, [])).__name__, list(map(len, ["a", "bb", ""])), list(map(int, "123")))
try:
    list(map(int, ["1", "x"]))
except ValueError as e:
    print(type(e).__name__, e)
try:
    map(str)
except TypeError as e:
    print(type(e).__name__, e)
# filter
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, "a1b2")))
print(type(filter(None, [])).__name__)
# laziness
def noisy(x):
    print("processing", x)
    return x * 10
m = map(noisy, [1, 2, 3])
print("map created")
print(next(m))
print(list(m))
# reversed
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 100
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self): return iter("custom")
print(list(reversed(Rev())))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(x for x in [])
except TypeError as e:
    print(type(e).__name__, e)
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), list(r))
