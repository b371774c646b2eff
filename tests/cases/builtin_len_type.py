print(len(""), len("abc"), len([1, 2]), len(()), len({1: 2}), len({1, 2, 2}), len(range(5)), len(b"xy"), len(bytearray(3)), len(frozenset()))
print(len(range(0, 100, 7)), len(range(10, 0, -3)), len("日本"), len("😀"), len({}.keys()), len(dict(a=1).items()))
for bad in [5, 1.5, None, len, iter([])]:
    try:
        len(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class BigLen:
    def __len__(self): return 2 ** 70
try:
    len(BigLen())
except OverflowError as e:
    print(type(e).__name__, e)
class IdxLen:
    def __len__(self):
        class I:
            def __index__(self): return 3
        return I()
print(len(IdxLen()))
print(range(5), list(range(2, 10, 3)), list(range(10, 2, -3)), list(range(-2, 2)))
try:
    range("5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
# type() one-arg and three-arg
print(type(1) is int, type(type(1)) is type, type("") == str)
X = type("X", (), {})
print(X, X.__name__, X.__bases__, X().__class__ is X)
Y = type("Y", (X,), {"attr": 5, "m": lambda self: self.attr + 1})
print(Y().m(), Y.__mro__[1] is X, isinstance(Y(), X))
try:
    type("Z", (), {}, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("Z", [], {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("Z", (), [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(5, (), {})
except TypeError as e:
    print(type(e).__name__, e)
Q = type("Q", (int,), {"double": lambda self: self * 2})
print(Q(21).double(), type(Q(1) + 1).__name__)
