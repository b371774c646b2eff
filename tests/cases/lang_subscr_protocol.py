# obj[key] through a class's Python __getitem__ (run inside the eval loop),
# and `in` on lists and tuples (run without the method call).
import sys

class Grid:
    def __init__(self):
        self.calls = 0
    def __getitem__(self, k):
        self.calls += 1
        if k == "boom":
            raise KeyError(k)
        if k == "deep":
            return self[k]
        return ("got", k)

g = Grid()
print(g[1], g["a", 2], g[1:3], g.calls)
try:
    g["boom"]
except KeyError as e:
    print("KeyError", e, sys.exc_info()[2].tb_next.tb_frame.f_code.co_name)
try:
    g["deep"]
except RecursionError as e:
    print("RecursionError", e)

class Gen:
    def __getitem__(self, k):
        yield k
        yield k * 2
print(list(Gen()[3]))

class WithDefault:
    def __getitem__(self, k, extra=10):
        return k + extra
print(WithDefault()[5])

class Static:
    @staticmethod
    def __getitem__(k):
        return "static"
try:
    print(Static()[1])
except TypeError as e:
    print("TypeError", e)

class L(list):
    def __getitem__(self, i):
        return ("L", list.__getitem__(self, i))
print(L([1, 2, 3])[0], [1, 2, 3][-1])

class Meta(type):
    def __getitem__(cls, k):
        return (cls.__name__, k)
class C(metaclass=Meta):
    pass
print(C[int])

# Replacing the method at run time is seen at once.
def other(self, k):
    return "other"
Grid.__getitem__ = other
print(g[0])
del Grid.__getitem__
try:
    g[0]
except TypeError as e:
    print("TypeError", e)

def uses_result():
    w = WithDefault()
    total = 0
    for i in range(100):
        total += w[i]
    return total
print(uses_result())

class Noisy:
    def __init__(self, v, log):
        self.v, self.log = v, log
    def __eq__(self, other):
        self.log.append(self.v)
        return self.v == other
items = []
lst = [Noisy(i, items) for i in range(5)]
print(3 in lst, items)
items.clear()
print(9 in tuple(lst), items)

class Shrink:
    def __eq__(self, other):
        del lst2[:]
        return False
lst2 = [Shrink(), Shrink(), 1]
print(1 in lst2, lst2)
nan = float("nan")
print(nan in [nan], nan in (1, nan), 1 in [True], "a" in ("a",))
print(sys.getrefcount(g) > 1)
