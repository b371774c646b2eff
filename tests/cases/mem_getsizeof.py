import sys
values = [("0", 0), ("1", 1), ("2**30", 2 ** 30), ("2**100", 2 ** 100), ("-1", -1), ("True", True), ("1.0", 1.0),
          ("''", ""), ("'abc'", "abc"), ("[]", []), ("[1,2,3]", [1, 2, 3]), ("()", ()), ("(1,)", (1,)), ("{}", {}),
          ("set()", set()), ("object()", object()), ("b''", b""), ("b'abc'", b"abc"), ("None", None), ("1j", 1j)]
for label, v in values:
    print(f"{label:10} {sys.getsizeof(v)}")
print(sys.getsizeof([]) < sys.getsizeof([1, 2, 3]), sys.getsizeof("a" * 100) - sys.getsizeof(""), sys.getsizeof(b"x" * 10) - sys.getsizeof(b""))
print(sys.getsizeof(2 ** 1000) > sys.getsizeof(2 ** 100) > sys.getsizeof(1))
print(sys.getsizeof(tuple(range(10))) - sys.getsizeof(()))
class Sized:
    def __sizeof__(self): return 1000
print(sys.getsizeof(Sized()) >= 1000, sys.getsizeof(5, "default"))
class BadSize:
    def __sizeof__(self): return -1
try:
    sys.getsizeof(BadSize())
except ValueError as e:
    print(type(e).__name__, e)
