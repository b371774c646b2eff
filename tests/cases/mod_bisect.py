import _bisect as b
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
a = [1, 2, 2, 3, 5]
t(lambda: (b.bisect_left(a, 2), b.bisect_right(a, 2), b.bisect_left(a, 2, 2), b.bisect_left(a, 9, 0, 3), b.bisect_right(a, 0, lo=1)))
t(lambda: b.bisect_left(a, 2, -1))
t(lambda: b.bisect_left(a, 2, 0, -1))
t(lambda: b.bisect_left(a, 2, 0, 100))
t(lambda: b.bisect_left(a, 2, 10))
t(lambda: b.bisect_left(a))
t(lambda: b.bisect_left(5, 2))
t(lambda: b.bisect_left(a, 'x'))
t(lambda: b.bisect_left(a, 2, 'x'))
t(lambda: b.bisect_left(a, 2, hi=None))
t(lambda: b.bisect_left(a, 2, lo=None))
t(lambda: b.bisect_left(a, 2, x=1))
t(lambda: b.bisect_left([(1, 'a'), (3, 'b')], 2, key=lambda p: p[0]))
t(lambda: b.bisect_right([(1, 'a'), (3, 'b')], 3, key=lambda p: p[0]))
l = [1, 3]
t(lambda: (b.insort_left(l, 2), b.insort_right(l, 2), b.insort_right(l, 0), l))
l2 = [(1, 'a'), (3, 'b')]
t(lambda: (b.insort_right(l2, (2, 'c'), key=lambda p: p[0]), l2))
t(lambda: b.insort_left(l, 2, -1))
t(lambda: b.insort_right((1, 2), 2))
class L(list):
    def insert(self, i, x):
        print('insert', i, x); super().insert(i, x)
ll = L([1, 5])
t(lambda: (b.insort_right(ll, 3), ll))
t(lambda: b.bisect_left(range(10), 4))
t(lambda: b.bisect_left(a, 2, 1, 2**70))
t(lambda: b.bisect_left(a, 2, 2**70))
t(lambda: b.bisect_right(a, 2, 0, 3, key=None))
t(lambda: (b.bisect_left.__name__, b.bisect.__module__ if hasattr(b, 'bisect') else None, sorted(n for n in dir(b) if not n.startswith('__'))))
import bisect
scores = [60, 70, 80, 90]
print([("FDCBA"[bisect.bisect(scores, s)]) for s in (33, 99, 77, 70, 89, 90, 100)])
xs = []
for v in (5, 1, 4, 1, 5, 9, 2, 6):
    bisect.insort(xs, v)
print(xs, bisect.bisect_left(xs, 5), bisect.bisect_right(xs, 5), bisect.bisect(xs, 5, hi=3))
recs = [("a", 3), ("b", 1), ("c", 2)]
recs.sort(key=lambda r: r[1])
bisect.insort_left(recs, ("d", 2), key=lambda r: r[1])
print(recs, bisect.bisect_left(recs, 2, key=lambda r: r[1]))
