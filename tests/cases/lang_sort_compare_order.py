"""The sequence of __lt__ calls made by sorted()/list.sort on small lists (timsort's run + binary insertion)."""
import random
class V:
    def __init__(s, p): s.p = p
    def __lt__(s, o):
        print("lt", s.p, o.p, end="; "); return s.p < o.p
r = random.Random(5)
for n in [2, 3, 4, 5, 8, 20, 63]:
    l = [V(r.randrange(10)) for _ in range(n)]
    print([v.p for v in sorted(l)])
    print([v.p for v in sorted(l, reverse=True)])
print([v.p for v in sorted([V(i) for i in range(10, 0, -1)])])
print([v.p for v in sorted([V(i) for i in range(6)])])
print(sorted([3, 1, 2], key=lambda x: V(x)))
