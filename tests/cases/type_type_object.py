print(type(1), type("a"), type([]), type(type), type(object), type(None), type(len), type(lambda: 0), type(print))
print(type.__name__, object.__name__, type.__mro__, object.__mro__, type.__bases__, object.__bases__)
print(isinstance(type, object), isinstance(object, type), issubclass(type, object), issubclass(object, type))
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(o == o, o != object(), type(o).__name__, o.__class__ is object, hasattr(o, "__dict__"), bool(o))
print(str(o).startswith("<object object at 0x"), repr(o) == str(o), object.__doc__[:30])
names = [n for n in dir(object) if not n.startswith("__init_subclass")]
print(sorted(names))
class C:
    x = 1
    def m(self): return "m"
print(C.__name__, C.__qualname__, C.__module__, C.__doc__, type(C.__dict__).__name__, "x" in C.__dict__)
print(str(C), repr(C).startswith("<class '__main__.C'>"), C.__class__, C.__bases__)
print(type(C()) is C, type(C) is type, C.__base__ is object, C.__subclasses__())
class D(C): pass
class E(C): pass
print([k.__name__ for k in C.__subclasses__()], D.__mro__ == (D, C, object), issubclass(D, (int, C)), isinstance(D(), (str, C)))
# type() with 3 args and attributes
T = type("T", (C,), {"y": 2, "__doc__": "dyn doc", "method": lambda self: self.y * 10})
t = T()
print(T.__name__, T.__doc__, t.x, t.y, t.method(), t.m(), T.__bases__, T.__module__)
# type checks with builtins
for val in [1, 1.0, "s", b"b", [], (), {}, set(), frozenset(), None, True, 1j, range(1), slice(1), len, object()]:
    print(type(val).__name__, end=" ")
print()
try:
    type.__new__(type, "X")
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__setattr__(1, "x", 2)
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    isinstance(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
# __class__ assignment
class A1: 
    def who(self): return "A1"
class A2:
    def who(self): return "A2"
a = A1()
a.__class__ = A2
print(a.who(), type(a).__name__)
try:
    (1).__class__ = A1
except TypeError as e:
    print(type(e).__name__, e)
# __init__ return non-None
class BadInit:
    def __init__(self): return 5
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)
# object.__eq__ and NotImplemented
print(object.__eq__(o, o), object.__eq__(o, 1), object.__ne__(o, 1), object().__hash__() is not None)
print(object.__str__(5), object.__repr__(5) .startswith("<int object at"), object.__format__(5, ""))
try:
    format(object(), "d")
except TypeError as e:
    print(type(e).__name__, e)
print(type(o).__init__ is object.__init__, o.__reduce_ex__(2)[0].__name__ if False else "skip")
print(int.__name__, int.__qualname__, int.__module__, list.__module__, type(int.__dict__["__add__"]).__name__)
print(type(object.__dict__["__init__"]).__name__, type([].append).__name__, type(C.m).__name__, type(C().m).__name__)
print(type(int.real).__name__, type(str.join).__name__, type(dict.fromkeys).__name__)
