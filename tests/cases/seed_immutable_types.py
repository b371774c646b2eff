# Seed: "immutable types: int, long, str, tuple, frozenset" - operations return
# new objects, the originals never change.
i = 1000
j = i
i += 1
print(i, j, i is j)
s = "abc"
t = s
s += "d"
print(s, t, s is t)
try:
    t[0] = "z"
except TypeError as e:
    print(type(e).__name__, e)
tup = (1, [2])
alias = tup
tup += (3,)
print(tup, alias, tup is alias)
alias[1].append("mutable element inside an immutable tuple")
print(alias)
fs = frozenset({1, 2})
fs2 = fs
fs |= {3}
print(sorted(fs), sorted(fs2), fs is fs2)
for obj in [5, "s", (1,), frozenset(), b"b", 2.5, None, True]:
    try:
        hash(obj)
        print(type(obj).__name__, "hashable")
    except TypeError:
        print(type(obj).__name__, "unhashable")
for obj in [[], {}, set(), bytearray()]:
    try:
        hash(obj)
    except TypeError as e:
        print(type(e).__name__, e)
lst = [1]
lst2 = lst
lst += [2]
print(lst, lst2, lst is lst2)
