# Seed: a reference cycle survives `del` until the cycle collector runs.
import gc, weakref, re
def clean(s):
    return re.sub(r"0x[0-9a-fA-F]+", "0x...", s)
class User(object): pass
def callback(r): print(clean(repr(r)), "dead")
gc.collect()
gc.disable()
a = User(); wa = weakref.ref(a, callback)
b = User(); wb = weakref.ref(b, callback)
a.b = b; b.a = a
del a; del b
print(wa() is not None, wb() is not None)
print(type(wa()).__name__, wa().b is wb())
gc.enable()
print(gc.isenabled())
n = gc.collect()
print("collected", n)
print(wa(), wb())
print(gc.collect())
