# gc.collect() return values for simple cycles (number of unreachable objects).
import gc
gc.collect()
gc.disable()
print("nothing to collect:", gc.collect())
l = []
l.append(l)
del l
print("self-referencing list:", gc.collect())
a = []; b = [a]; a.append(b)
del a, b
print("two lists:", gc.collect())
d = {}
d["self"] = d
del d
print("self-referencing dict:", gc.collect())
ring = [[] for _ in range(10)]
for i in range(10):
    ring[i].append(ring[(i + 1) % 10])
del ring[:]   # the cycle of 10 lists is now unreachable
del ring
print("ring of ten lists:", gc.collect())
class Node:
    pass
n = Node(); n.me = n
del n
print("instance self-cycle:", gc.collect())
x = Node(); y = Node(); x.other = y; y.other = x
del x, y
print("instance pair:", gc.collect())
t = ([],)
t[0].append(t)
del t
print("tuple-list cycle:", gc.collect())
def f(): pass
f.self = f
del f
print("function self-cycle (function + its dict):", gc.collect() >= 1)
keep = []; keep.append(keep)
print("reachable cycle not collected:", gc.collect(), len(keep))
del keep
print("now collected:", gc.collect())
for gen in range(3):
    print("generation", gen, gc.collect(gen))
try:
    gc.collect(3)
except ValueError as e:
    print(type(e).__name__, e)
gc.enable()
print(gc.isenabled())
