s = {3, 1, 2}
print(sorted(s), len(s), 1 in s, 5 not in s, set(), set("aab") == {"a", "b"}, set([1, 1, 2]), set(range(3)))
s.add(4); s.add(1)
print(sorted(s))
s.discard(10); s.discard(4)
s.remove(3)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
x = s.pop()
print(x in (1, 2), len(s))
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection([1, 2], (2,)), a.difference({1}, {2}), a.symmetric_difference([4, 6]))
print(a <= a, a < a, {1} < a, a >= {1, 2}, a > b, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({7}), a == {4, 3, 2, 1})
c = set(a)
c |= {10}; print(sorted(c))
c &= {1, 10, 3}; print(sorted(c))
c -= {1}; print(sorted(c))
c ^= {3, 7}; print(sorted(c))
c.update([1], (2,)); c.intersection_update({1, 2, 10}); print(sorted(c))
c.difference_update([1]); c.symmetric_difference_update({2, 8}); print(sorted(c))
c.clear(); print(c, bool(c))
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1} + {2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1} | [2]
except TypeError as e:
    print(type(e).__name__, e)
try:
    one = {1}
    one[0]
except TypeError as e:
    print(type(e).__name__, e)
print(repr(set()), repr({1}), {1, 2, 3}, {-1, -2}, {(1, 2)}, {None}, {1.5}, {True, 1, 1.0})
print(sorted({"pear", "apple", "fig"}), sorted({x % 5 for x in range(20)}), {0, False, 0.0, -0.0})
s2 = {1, 2, 3}
try:
    for v in s2:
        s2.add(v + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
cp = s2.copy()
print(cp == s2, cp is s2, type(cp).__name__)
print(set.__name__, isinstance(set(), set), set.__mro__, hash(frozenset()) == hash(frozenset()))
try:
    hash(set())
except TypeError as e:
    print(type(e).__name__, e)
ints = set(range(100))
print(sorted(ints)[:5], len(ints), sum(ints), sorted(ints - set(range(95))), min(ints), max(ints))
print(sorted({1, 2} | frozenset([3])), type({1} | frozenset([3])).__name__, type(frozenset([3]) | {1}).__name__)
