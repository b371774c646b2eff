print(hash(0), hash(1), hash(-1), hash(-2), hash(100), hash(-100), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(True), hash(False), hash(None) == hash(None), hash(1.0), hash(2.0), hash(-1.0), hash(0.5), hash(1e100) == hash(int(1e100)))
print(hash(10 ** 20) == hash(10 ** 20 % (2 ** 61 - 1)), hash(-(10 ** 20)))
print(hash(()) == hash(()), hash((1, 2)) == hash((1, 2)), hash((1, 2)) != hash((2, 1)), hash((1,)) == hash((1.0,)))
print(hash(()), hash((1, 2)), hash((1, (2, 3))), hash((None,)) == hash((None,)))
print(hash(frozenset()) , hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash(1 + 0j) == hash(1), hash(complex(0, 1)) , hash(float("inf")), hash(-float("inf")))
print(hash("abc") == hash("abc"), hash(b"abc") == hash(b"abc"), hash("abc") == hash(b"abc") or True)
class H:
    def __hash__(self): return 42
class Hbig:
    def __hash__(self): return 2 ** 100
class Hneg:
    def __hash__(self): return -1
class Hbad:
    def __hash__(self): return "x"
print(hash(H()), hash(Hbig()) == hash(2 ** 100), hash(Hneg()))
try:
    hash(Hbad())
except TypeError as e:
    print(type(e).__name__, e)
for unh in [[], {}, set(), bytearray()]:
    try:
        hash(unh)
    except TypeError as e:
        print(type(e).__name__, e)
# id: only compare
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__, id(a) > 0 or id(a) < 0)
x = object()
print(id(x) == id(x), len({id(x), id(x)}))
def f(): pass
print(id(f) == id(f), id(None) == id(None), id(len) == id(len))
print(hash(f) == hash(f), hash(len) == hash(len))
