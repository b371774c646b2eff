# Seed: sys.getsizeof / sys.getrefcount of an int, binding and deleting names.
import sys
x = 0x1234
print(x, sys.getsizeof(x))
base = sys.getrefcount(x)
print(base >= 2)
y = x
print(sys.getrefcount(x) - base)
del y
print(sys.getrefcount(x) - base)
z = [x, x, x]
print(sys.getrefcount(x) - base)
del z
print(sys.getrefcount(x) - base)
