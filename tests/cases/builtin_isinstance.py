print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)), isinstance("s", (list, (tuple, str))))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, type), isinstance(object, object), isinstance([], object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, int), issubclass(int, (str, object)), issubclass(type, object))
print(isinstance(1, int | str), isinstance("a", int | None), isinstance(None, int | None), int | str, type(int | str).__name__)
class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, A), issubclass(A, (C, B)), issubclass(B, B))
class Meta(type):
    def __instancecheck__(cls, inst): return inst == "magic"
    def __subclasscheck__(cls, sub): return sub is int
class Magic(metaclass=Meta): pass
print(isinstance("magic", Magic), isinstance("other", Magic), issubclass(int, Magic), issubclass(str, Magic))
try:
    isinstance(1, "int")
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(int, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(B(), A)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(1, ()), issubclass(int, ()), isinstance([], (list,) * 3))
import collections.abc as cabc
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance((x for x in []), cabc.Iterator), isinstance("s", cabc.Iterable), isinstance(5, cabc.Hashable), isinstance([], cabc.Hashable))
class Iterable:
    def __iter__(self): return iter([])
print(isinstance(Iterable(), cabc.Iterable), issubclass(dict, cabc.MutableMapping), issubclass(tuple, cabc.MutableSequence), isinstance(len, cabc.Callable))
