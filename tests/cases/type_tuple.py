t = (1, 2, 3, 2)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t.count(2), t.index(2), t.index(2, 2), 3 in t)
print((), (1,), tuple(), tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple({"a": 1}), tuple(x for x in "xy"))
print(repr((1,)), repr(()), str((1, "a")), ((1, 2), (3,)), (None,) * 3, (1, 2) + (3,), 2 * (0,))
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t + [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append(1)
except AttributeError as e:
    print(type(e).__name__, e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100), (1, 2) == (1, 2), (1, "a") != (1, "b"))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "v"}[(1, 2)])
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
a, b, *c = (1, 2, 3, 4)
print(a, b, c)
nested = ([1], [2])
nested[0].append(10)
print(nested)
try:
    nested[0] += [20]
except TypeError as e:
    print(type(e).__name__, e, nested)
print(max((1, "b"), (1, "a")), sorted([(2, "a"), (1, "z"), (2, "0")]), min((3,), (2, 9)))
print(tuple.__name__, type(()) is tuple, isinstance((1,), tuple), t.__len__(), t.__getitem__(1), t.__contains__(3))
print(tuple([1, 2]) is not None, t * 0, t[5:], t[-100:1])
x = 1, 2
y = 3,
print(type(x).__name__, x, y, (x), (x,))
def ret(): return 1, [2]
print(ret())
class P(tuple):
    def sum(self): return sum(self)
p = P((1, 2, 3))
print(p, p.sum(), type(p).__name__, p + (4,), type(p + (4,)).__name__, p[1:], type(p[1:]).__name__)
