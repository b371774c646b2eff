# Seed: with GC disabled, reference counting still frees non-cyclic objects.
import gc
class User(object):
    def __del__(self):
        print(type(self).__name__, "will be dead!")
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
a = User()
del a
print("after del")
print(gc.get_threshold())
count = gc.get_count()
print(type(count).__name__, len(count), all(isinstance(c, int) and c >= 0 for c in count))
gc.enable()
print(gc.isenabled())
