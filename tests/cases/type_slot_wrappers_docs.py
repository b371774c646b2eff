# Slot wrappers / method-wrappers, builtin docstrings and text signatures.
import types

print(type(int.__add__).__name__, type((1).__add__).__name__, type(list.append).__name__)
print(int.__add__, list.__len__, object.__init__, dict.__getitem__)
print(repr((1).__add__).startswith("<method-wrapper '__add__' of int object at 0x"))
print(types.WrapperDescriptorType is type(object.__init__), types.MethodWrapperType is type(object().__str__))
print(int.__add__(1, 2), (3).__mul__(4), list.__len__([1, 2]), str.__add__("a", "b"))
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)
print((1).__add__.__name__, (1).__add__.__qualname__, (1).__add__.__self__, (1).__add__.__objclass__)
print(int.__add__.__doc__, int.__add__.__text_signature__)
print(repr(int.__new__.__doc__), int.__new__.__text_signature__)
print(object.__init__.__doc__, object.__init__.__text_signature__)
print((1).__add__.__doc__, (1).__add__.__text_signature__)
for t in (list, dict, set, frozenset, str, bytes, tuple):
    print(t.__name__, [n for n in ("__getitem__", "__contains__", "__len__", "__iter__", "__eq__", "__repr__", "__hash__")
                       if n in vars(t) and type(vars(t)[n]).__name__ == "wrapper_descriptor"])
try:
    int.__add__("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
class A:
    def __add__(self, o):
        return 5
print(type(A.__add__).__name__, type(A().__add__).__name__, type(A.__init__).__name__)
try:
    class W(type(int.__add__)):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# builtin functions
for f in (len, print, abs, isinstance, sorted, getattr, iter, next, divmod, max, round, vars):
    print(f.__name__, f.__text_signature__, f.__doc__.splitlines()[0])
# builtin types and methods
for t in (object, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset,
          range, slice, memoryview, property, classmethod, staticmethod, super, enumerate, zip, map, filter, reversed):
    print(t.__name__, t.__text_signature__, t.__doc__.splitlines()[0])
for m in (list.append, list.sort, dict.get, dict.fromkeys, str.split, str.join, int.to_bytes, int.from_bytes,
          float.hex, bytes.hex, set.add, tuple.index, str.maketrans, object.__reduce_ex__, object.__format__):
    print(m.__qualname__, m.__text_signature__, m.__doc__.splitlines()[0])
print([].append.__doc__, [].append.__text_signature__)
print(int.real.__doc__, complex.real.__doc__, float.imag.__doc__)
print(property.__doc__.splitlines()[0], property(doc="mine").__doc__, vars(list)["__doc__"].splitlines()[0])
class H:
    "heap doc"
print(H.__doc__, H.__text_signature__, type.__text_signature__, type.__module__)
