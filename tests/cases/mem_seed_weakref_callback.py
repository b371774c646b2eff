# Seed: weak reference callback monitors object death.
import sys, weakref, re
def clean(s):
    return re.sub(r"0x[0-9a-fA-F]+", "0x...", s)
class User(object): pass
refs = []
def callback(r):
    print("weakref object:", clean(repr(r)))
    print("callback arg is the weakref:", r is refs[0])
    print("target object dead!")
a = User()
r = weakref.ref(a, callback)
refs.append(r)
print(sys.getrefcount(a))
print(r() is a)
print(clean(repr(r)).startswith("<weakref at 0x...; to 'User' at 0x..."))
del a
print(r() is None)
print(clean(repr(r)))
