class Dyn:
    def __init__(self): self.real = "real"
    def __getattr__(self, name):
        if name.startswith("fake_"):
            return name[5:].upper()
        raise AttributeError(f"no {name!r} here")
d = Dyn()
print(d.real, d.fake_abc, getattr(d, "fake_x"), hasattr(d, "nope"), getattr(d, "nope", "dflt"))
try:
    d.nope
except AttributeError as e:
    print(type(e).__name__, e)

class Logged:
    def __init__(self): self.x = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("getattribute", name)
        return super().__getattribute__(name)
    def __getattr__(self, name):
        print("getattr fallback", name)
        return None
lg = Logged()
print(lg.x)
print(lg.missing)

class Setter:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        super().__setattr__(name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        super().__delattr__(name)
s = Setter()
s.a = 5
print(s.a, s.__dict__)
del s.a
print(hasattr(s, "a"))
try:
    del s.zzz
except AttributeError as e:
    print(type(e).__name__, e)

# AttributeError messages
class A: pass
a = A()
for obj, attr in [(a, "y"), (A, "y"), (5, "foo"), ("s", "bar"), (None, "x"), ([], "push"), (len, "zz")]:
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    (5).real = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr(list, "x", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr(a, 5)
except TypeError as e:
    print(type(e).__name__, e)
import sys
try:
    sys.no_such_thing
except AttributeError as e:
    print(type(e).__name__, e)
# getattr on module-level __getattr__ of imported helper
import helpermod_basic
print(helpermod_basic.dynamic_thing)
# property raising AttributeError falls back to __getattr__
class PropFallback:
    @property
    def p(self):
        raise AttributeError("inner")
    def __getattr__(self, name):
        return "fallback for " + name
print(PropFallback().p)
