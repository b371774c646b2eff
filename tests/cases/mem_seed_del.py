# Seed: __del__ runs as soon as the last reference goes away.
import sys
class User(object):
    def __del__(self):
        print("Will be dead!")
a = User()
b = a
print(sys.getrefcount(a))
del a
print(sys.getrefcount(b))
print("deleting b")
del b
print("after del b")
