# Over-allocation of lists and dicts as observed through sys.getsizeof.
import sys
l = []
sizes = [sys.getsizeof(l)]
for i in range(40):
    l.append(i)
    sizes.append(sys.getsizeof(l))
print(sizes)
print(sorted(set(sizes)))
print(sys.getsizeof(list(range(10))), sys.getsizeof([0] * 10), sys.getsizeof([None] * 100))
d = {}
dsizes = [sys.getsizeof(d)]
for i in range(30):
    d[i] = i
    dsizes.append(sys.getsizeof(d))
print(sorted(set(dsizes)))
s = set()
ssizes = set()
for i in range(40):
    s.add(i)
    ssizes.add(sys.getsizeof(s))
print(sorted(ssizes))
print([sys.getsizeof("x" * n) for n in (0, 1, 10, 100)], [sys.getsizeof("é" * n) for n in (1, 10)], [sys.getsizeof("日" * n) for n in (1, 10)])
print([sys.getsizeof(tuple(range(n))) for n in range(5)], [sys.getsizeof(2 ** (30 * k)) for k in range(5)])
