# A user-defined iterable consumed by every kind of consumer.
class Span:
    def __init__(self, n):
        self.n = n
        self.iters = 0
    def __iter__(self):
        self.iters += 1
        i = 0
        while i < self.n:
            yield i
            i += 1
s = Span(4)
print(list(s), tuple(s), set(s) == {0, 1, 2, 3}, sorted(s, reverse=True), sum(s), min(s), max(s), len(list(s)))
print(dict.fromkeys(s), dict(zip(s, "abcd")), list(enumerate(s)), list(map(str, s)), list(filter(None, s)))
print("-".join(map(str, s)), any(s), all(s), 3 in s, 9 in s, list(reversed(list(s))), [x * 2 for x in s])
a, b, *c = s
print(a, b, c, [*s, *s], {*s}, (*s,))
def f(*args): return args
print(f(*s), max(*s), " ".join(str(x) for x in s))
print(bytes(Span(3)), bytearray(Span(2)), frozenset(Span(2)) == frozenset({0, 1}))
import itertools, collections
print(list(itertools.chain(s, s)), collections.Counter(s)[2], collections.deque(s, maxlen=2), list(zip(s, s)))
print(s.iters)
class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]
o = OldStyle()
print(list(o), "".join(o), "b" in o, sorted(o, reverse=True), list(enumerate(o)), tuple(o), set(o) == {"a", "b", "c"})
x, y, z = o
print(x, y, z)
class BadIter:
    def __iter__(self): return self
    def __next__(self): raise ValueError("iteration failed")
try:
    list(BadIter())
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = BadIter()
except ValueError as e:
    print(type(e).__name__, e)
class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print(e)
def infinite():
    n = 0
    while True:
        yield n
        n += 1
try:
    a, b = infinite()
except ValueError as e:
    print(type(e).__name__, e)
first, second, *_ = itertools.islice(infinite(), 5)
print(first, second, _)
