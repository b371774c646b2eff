# Subscripts and calls that the eval loop answers without the generic
# protocol (list/tuple indexed by an int, bound native methods called
# positionally): every case that must not take those shortcuts.
import sys

lst = [10, 20, 30, 40]
tup = (1, 2, 3)
print(lst[0], lst[3], lst[-1], lst[-4], tup[0], tup[-1])
print(lst[True], lst[False], tup[True])
for bad in (4, -5, 10**30, -10**30):
    for seq in (lst, tup):
        try:
            seq[bad]
        except IndexError as e:
            print(type(seq).__name__, bad if abs(bad) < 100 else "big", "IndexError:", e)
try:
    lst["0"]
except TypeError as e:
    print("TypeError:", e)
try:
    tup[1.0]
except TypeError as e:
    print("TypeError:", e)


class Idx:
    def __index__(self):
        return 2


print(lst[Idx()], tup[Idx()])


class MyInt(int):
    pass


print(lst[MyInt(1)], tup[MyInt(-1)])


class L(list):
    def __getitem__(self, i):
        return ("L.getitem", i)

    def __setitem__(self, i, v):
        print("L.setitem", i, v)


class T(tuple):
    def __getitem__(self, i):
        return ("T.getitem", i)


l2 = L([1, 2, 3])
print(l2[0], T((1, 2))[1])
l2[1] = "x"
print(list(l2))

# Stores: in range, negative, out of range, through bool, to a tuple.
lst[1] = "a"
lst[-1] = "z"
lst[True] = "t"
print(lst)
for bad in (4, -5, 2**70):
    try:
        lst[bad] = 0
    except IndexError as e:
        print("store", "IndexError:", e)
try:
    tup[0] = 1
except TypeError as e:
    print("TypeError:", e)


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, "while lst[0] is", lst2[0] if lst2 else None)


lst2 = [Noisy("old")]
lst2[0] = "new"
print("after store", lst2)

# A store whose old item's __del__ reassigns the same slot.


class Reenter:
    def __del__(self):
        lst3[0] = "from __del__"


lst3 = [Reenter()]
lst3[0] = "outer"
print(lst3)

# Refcounts: the item is shared, not copied.
o = object()
holder = [o]
before = sys.getrefcount(o)
x = holder[0]
print(sys.getrefcount(o) - before)
del x

# Bound native methods called positionally.
data = [3, 1, 2]
ins = data.insert
pop = data.pop
app = data.append
for i in range(5):
    ins(i % 3, pop(0))
    app(i)
print(data)
get = {"a": 1}.get
print(get("a"), get("b"), get("b", 7))
join = "-".join
print(join(["x", "y"]))
for call in (lambda: pop(99), lambda: ins(), lambda: app(1, 2), lambda: get()):
    try:
        call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
print(pop(), data)
upper = "abc".upper
print(upper(), [upper() for _ in range(2)])
print(sys.getrefcount(data) >= 2)

# Slices of exact lists (taken without the method call) and of subclasses.
p = list(range(8))
print(p[2:5], p[::-1], p[5::-2], p[-3:], p[:100], p[100:], p[::3])
p[:3] = p[2::-1]
print(p)
p[1:3] = "xyz"
print(p)
p[::2] = range(len(p[::2]))
print(p)
try:
    p[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    p[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    p[1:2] = 5
except TypeError as e:
    print("TypeError:", e)


class Shrink:
    def __index__(self):
        del q[3:]
        return 1


q = list(range(6))
print(q[Shrink():], q)


class SL(list):
    def __getitem__(self, k):
        return ("SL.getitem", type(k).__name__)

    def __setitem__(self, k, v):
        print("SL.setitem", type(k).__name__, v)


sl = SL([1, 2, 3])
print(sl[1:], sl[::-1])
sl[0:1] = [9]
print(list(sl))
