r = range(10)
print(r, range(2, 8), range(0, 10, 3), range(5, 0, -1), len(r), r[3], r[-1], r[2:5], r[::-1], r[::2], r[1:-1:3])
print(list(range(0)), list(range(-3)), list(range(5, 0, -2)), list(range(-5, 5, 4)), range(3) == range(0, 3), range(0) == range(5, 2))
print(5 in r, 10 in r, 3.0 in r, "x" in r, r.index(4), r.count(4), range(0, 20, 5).index(15))
try:
    r.index(11)
except ValueError as e:
    print(type(e).__name__, e)
try:
    r[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    range()
except TypeError as e:
    print(type(e).__name__, e)
print(r.start, r.stop, r.step, range(3, 9, 2).stop, len(range(3, 9, 2)), len(range(10, 0)))
try:
    len(range(0, 10 ** 20))
except OverflowError as e:
    print(type(e).__name__, e)
big = range(0, 10 ** 20, 7)
print(big[-1], big[10 ** 18], 700 in big, 701 in big, big.stop)
print(hash(range(3)) == hash(range(0, 3)), reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 3))), sum(range(101)))
print(type(r).__name__, bool(range(0)), bool(range(1)), range(10)[::-3], list(range(10)[::-3]))
# slices
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10), slice(-100, 100).indices(3))
lst = list(range(10))
print(lst[s], lst[slice(None, None, -3)], "abcdef"[slice(2, None)], (1, 2, 3)[slice(-2, None)])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) != slice(1, 2))
try:
    hash(slice(1, 2))
    print("slice hashable")
except TypeError as e:
    print(type(e).__name__, e)
lst[slice(0, 3)] = ["a"]
print(lst)
del lst[slice(None, None, 2)]
print(lst)
