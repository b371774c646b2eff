# Seed: small cached ints are shared (high refcount); a fresh big int has refcount 2.
import sys
a = 15
b = 15
print(a is b)
print(sys.getrefcount(a) > 3)
before = sys.getrefcount(a)
c = 15
print(sys.getrefcount(a) - before)
a = int("257")
b = int("257")
print(a is b)
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
