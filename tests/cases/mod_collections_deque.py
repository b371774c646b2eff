from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 2 in d, list(d))
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(0); print(d)
print(d.index(7), d.count(1), d.copy(), d.copy() is d)
d.remove(7); d.insert(1, 99); d.reverse()
print(d)
del d[0]
d[0] = "first"
print(d)
d.clear()
print(d, bool(d))
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2), lambda: deque([1])[5], lambda: deque([1]).index(3)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
    print(list(m), end=" ")
print()
print(m, m.maxlen)
m.appendleft(-1); print(m)
m.extend([10, 11]); print(m)
m.extendleft([20]); print(m)
try:
    m.insert(0, 5)
except IndexError as e:
    print(type(e).__name__, e)
print(deque("abc", maxlen=2), deque(maxlen=0), deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]), deque([1, 2]) + deque([3]), deque([1]) * 3)
last3 = deque(range(100), maxlen=3)
print(last3, sum(last3))
dd = deque()
try:
    for x in deque([1, 2]):
        dd.append(x)
    it_d = deque([1, 2, 3])
    for x in it_d:
        it_d.append(x)
except RuntimeError as e:
    print(type(e).__name__, e)
print(list(reversed(deque([1, 2, 3]))), deque([3, 1, 2]).__len__(), repr(deque()))
try:
    hash(deque())
except TypeError as e:
    print(type(e).__name__, e)
