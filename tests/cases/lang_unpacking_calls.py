def show(*args, **kwargs):
    return f"args={args} kwargs={dict(sorted(kwargs.items()))}"
a = [1, 2]
t = (3,)
d1 = {"x": 1}
d2 = {"y": 2}
print(show(*a))
print(show(*a, *t, 4))
print(show(0, *a, *t, *"bc"))
print(show(**d1, **d2))
print(show(*a, z=0, **d1))
print(show(*range(3), **{"k": "v"}, q=1))
print(show(*(x for x in [7, 8])))
print(show(*{}, **{}))
try:
    show(**{1: "non-string key"})
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(**[1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(**d1, x=5)
except TypeError as e:
    print(type(e).__name__, e)
def kwonly(a, *, b, c=3): return (a, b, c)
print(kwonly(1, b=2), kwonly(*[1], **{"b": 5, "c": 6}))
def posonly(a, b, /, c): return (a, b, c)
print(posonly(*[1, 2], c=3), posonly(1, *[2, 3]))
print([*range(3), *"ab", *[None]], (*[1], *(2,)), {*[1, 1], *(2,)}, {**{"a": 1}, **{"a": 2, "b": 3}})
print(*[1, 2, 3], sep=":")
first, *middle, last = [*"hello"]
print(first, middle, last)
(a1, b1), *rest = [(1, 2), (3, 4), (5, 6)]
print(a1, b1, rest)
for (x, *ys) in [(1, 2, 3), (4,)]:
    print(x, ys)
[[p, q], r] = [[1, 2], 3]
print(p, q, r)
m = {"a": 1}
m2 = dict(m, b=2)
print(m2, dict(**m, c=3))
def defaults(a, b=[], *, c={}):
    b.append(a)
    c[a] = len(b)
    return b, c
print(defaults(1), defaults(2), defaults(3, []))
print((lambda *a: a)(*range(4)), (lambda **k: sorted(k))(**dict.fromkeys("zyx")))
