# Assignment statements of all forms
a = b = c = [1, 2]
print(a is b, b is c, a)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[s, t] = "st"
print(s, t)
first, *rest = range(5)
print(first, rest)
*init, last = [1, 2, 3]
print(init, last)
h, *mid, tl = "abcdef"
print(h, mid, tl)
*allv, = (7, 8)
print(allv)
a1, (b1, *c1), d1 = 1, (2, 3, 4), 5
print(a1, b1, c1, d1)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)

class O: pass
o = O()
o.x = o.y = 10
print(o.x, o.y)
o.x += 5
print(o.x)
lst = [0, 0, 0, 0, 0]
lst[0], lst[1] = 9, 8
lst[2:4] = [7, 7, 7]
print(lst)
lst[::2] = [1, 1, 1]
print(lst)
d = {}
d["a"] = d["b"] = 1
d["a"] += 10
print(sorted(d.items()))
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99   # i assigned first
print(i, arr)

n = 5
n += 1; print(n)
n -= 2; print(n)
n *= 3; print(n)
n //= 4; print(n)
n **= 3; print(n)
n %= 5; print(n)
n <<= 4; print(n)
n >>= 1; print(n)
n |= 3; print(n)
n &= 6; print(n)
n ^= 15; print(n)
f = 7
f /= 2; print(f)
s = "ab"
s *= 3; print(s)
l1 = [1]
l2 = l1
l2 += [2]
print(l1, l1 is l2)
t1 = (1,)
t2 = t1
t2 += (2,)
print(t1, t2, t1 is t2)
m = [[0]]
m[0][0] += 5
print(m)

try:
    x, y = 1, 2, 3
except ValueError as e:
    print(type(e).__name__, e)
try:
    x, y, z = 1, 2
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    x, y = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    undefined_name += 1
except NameError as e:
    print(type(e).__name__, e)
def f():
    loc += 1
    loc = 0
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
# annotated assignments
ann: int = 5
print(ann, __annotations__)
only_ann: str
print('only_ann' in globals())
