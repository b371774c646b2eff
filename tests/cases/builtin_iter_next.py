it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
# 2-arg sentinel form
data = [5, 4, 3, 0, 9]
pos = [0]
def reader():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(reader, 0)))
print(pos)
import io
f = io.StringIO("line1\nline2\n\nline4\n")
print(list(iter(f.readline, "\n")))
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
counter = iter(range(3).__iter__().__next__, 2)
print(list(counter))
# iter of iterators returns self
i = iter("abc")
print(iter(i) is i, type(iter([])).__name__, type(iter(())).__name__, type(iter({})).__name__, type(iter(set())).__name__)
print(type(iter(range(3))).__name__, type(iter(b"")).__name__, type(iter({}.items())).__name__, type(iter(reversed([]))).__name__)
# length_hint and exhaustion behaviour
li = iter([1, 2, 3])
next(li)
print(li.__length_hint__(), list(li), list(li))
import operator
print(operator.length_hint([1, 2]), operator.length_hint(iter(range(10))), operator.length_hint(x for x in []))
# iterators over dict raise when mutated
d = {1: 1}
di = iter(d)
d[2] = 2
try:
    next(di)
except RuntimeError as e:
    print(type(e).__name__, e)
# list iterator sees appended items
lst = [1]
out = []
for x in lst:
    out.append(x)
    if x < 4:
        lst.append(x + 1)
print(out)
# next on generator with default after exhaustion
g = (x for x in [1])
print(next(g), next(g, "done"), next(g, "done"))
# callable_iterator from iter(callable, sentinel) repr type
ci = iter(lambda: 1, 1)
print(type(ci).__name__, list(ci))
