# Objects with __del__ inside unreachable cycles: the cycle collector calls
# __del__ (PEP 442) and then frees them.
import gc
gc.collect()
gc.disable()
log = []
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        log.append("del " + self.name + " peer=" + (self.peer.name if self.peer else "None"))
a = Node("a"); b = Node("b")
a.peer = b; b.peer = a
del a, b
print("before collect:", log)
n = gc.collect()
print("collected:", n)
print(sorted(log))
log.clear()
solo = Node("self")
solo.peer = solo
del solo
print(gc.collect(), log)
log.clear()
ring = [Node(f"r{i}") for i in range(5)]
for i, node in enumerate(ring):
    node.peer = ring[(i + 1) % 5]
del ring, node
print(gc.collect(), len(log), sorted(x.split()[1] for x in log))
log.clear()
class Holder:
    def __init__(self):
        self.items = [self]
    def __del__(self):
        log.append(f"holder del, items still intact: {len(self.items)}")
h = Holder()
del h
print(gc.collect(), log)
print(gc.garbage)
gc.enable()
