# When __del__ runs under reference counting.
class Tracked:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("del", self.name)

print("-- del statement")
a = Tracked("a")
del a
print("-- rebinding a name")
b = Tracked("b1")
b = Tracked("b2")
print("rebinding done")
del b
print("-- function locals freed on return")
def scope():
    t = Tracked("local")
    print("returning")
scope()
print("after scope()")
print("-- returned object survives")
def factory():
    return Tracked("returned")
r = factory()
print("got", r.name)
r = None
print("-- temporary never bound")
Tracked("temp").name
print("after temporary")
print("-- list dealloc order (reverse)")
lst = [Tracked("l0"), Tracked("l1"), Tracked("l2")]
del lst
print("-- list.clear order")
lst = [Tracked("c0"), Tracked("c1"), Tracked("c2")]
lst.clear()
print("-- tuple dealloc order")
tup = (Tracked("t0"), Tracked("t1"))
del tup
print("-- dict dealloc order")
d = {"x": Tracked("dx"), "y": Tracked("dy")}
del d
print("-- dict.clear order")
d = {"x": Tracked("cx"), "y": Tracked("cy")}
d.clear()
print("-- item replaced in list")
lst = [Tracked("old")]
lst[0] = Tracked("new")
print("replaced")
del lst
print("-- attribute chain")
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("del node", self.name)
head = Node("n1", Node("n2", Node("n3")))
del head
print("-- exception variable cleared after except")
try:
    raise ValueError(Tracked("in-exception"))
except ValueError:
    print("handling")
print("after except")
print("-- del in loop")
for i in range(3):
    t = Tracked(f"loop{i}")
del t
print("-- an explicit __del__() call does not prevent the real one")
e = Tracked("explicit")
e.__del__()
del e
print("-- end")
