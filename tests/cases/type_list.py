l = [3, 1, 4, 1, 5, 9, 2, 6]
print(l, len(l), l[0], l[-1], l[2:5], l[::-2], l.index(1), l.index(1, 2), l.count(1), 9 in l, 10 not in l)
l.append(7); l.extend([8, 8]); l.insert(0, 0); l.insert(100, 100); l.insert(-1, -1)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(8)
print(l)
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l.sort(key=lambda v: (v % 3, v))
print(l)
l.reverse()
print(l, l.copy() == l, l.copy() is l)
l.clear()
print(l, bool(l))
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2), lambda: [][0], lambda: [1, 2][-3]]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
a = [1, 2, 3]
a[1:2] = [20, 21, 22]
print(a)
a[:0] = [-1]
print(a)
a[len(a):] = [99]
print(a)
a[::2] = "xyz" if len(a[::2]) == 3 else "wxyz"
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
a[1:3] = []
print(a)
b = a
b += "ab"
print(a is b, a)
try:
    a + "cd"
except TypeError as e:
    print(type(e).__name__, e)
print([1, 2] + [3], [0] * 3, 2 * [None], [[]] * 2, [1, 2] * 0, [1] * -1)
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [2] > [1, 9], [] == [], [1, [2]] == [1, [2]], [1] != [1.0])
print(list(), list("ab"), list(range(3)), list({"k": 1}), list((1, 2)), list(x * 2 for x in [1, 2]))
print(sorted([3, 1, 2]), sorted(["b", "A", "a"]), sorted(["b", "A", "a"], key=str.lower), sorted([[2, 1], [1, 2], [1]]))
words = ["bb", "a", "ccc", "dd", "e"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
try:
    [1, "a"].sort()
except TypeError as e:
    print(type(e).__name__, e)
print(list.__name__, [].__class__, isinstance([], list), type([]) is list)
try:
    hash([])
except TypeError as e:
    print(type(e).__name__, e)
s = [5, 6, 7]
print(s.__getitem__(0), s.__len__(), s.__contains__(6), s.__add__([8]), s.__mul__(2), s.__iter__().__next__(), s.__reversed__().__next__())
s.__setitem__(0, 50); s.__delitem__(1)
print(s, list(reversed(s)), s[::-1], s.__eq__([50, 7]), s.__lt__([51]))
s2 = [1, 2, 3, 4, 5, 6]
del s2[1::2]
print(s2)
# list with self insertion / index beyond
s3 = [1]
s3.insert(-100, 0)
print(s3, [1, 2, 3][1:100], [1, 2, 3][-100:1])
print(l.index if False else "", [4, 5, 6].index(6, -1), [1, 2, 1].index(1, 1, 3))
big = list(range(1000))
print(sum(big), big[500], len(big[::7]), big[-1:-5:-1])
print(repr([1, "two", 3.0, None, True, [4], (5,), {6: 7}, {8}]))
