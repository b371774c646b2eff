# Seed: a cycle whose objects define __del__. Since Python 3.4 (PEP 442) such
# cycles are collected; with DEBUG_SAVEALL the objects end up in gc.garbage.
import gc, weakref, re
def clean(s):
    return re.sub(r"0x[0-9a-fA-F]+", "0x...", s)
class User(object):
    def __del__(self): pass
dead = []
def callback(r): dead.append(clean(repr(r)))
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.isenabled(), gc.get_debug() == gc.DEBUG_SAVEALL)
a = User(); wa = weakref.ref(a, callback)
b = User(); wb = weakref.ref(b, callback)
a.b = b; b.a = a
del a; del b
n = gc.collect()
print("unreachable found:", n)
print(sorted(type(o).__name__ for o in gc.garbage))
print(wa() is not None, wb() is not None, dead)
gc.set_debug(0)
gc.garbage.clear()
gc.collect()
print(wa(), wb(), dead)
