class C:
    cls_attr = "class"
    def __init__(self): self.inst = "instance"
    def method(self): return "method"
c = C()
print(getattr(c, "inst"), getattr(c, "cls_attr"), getattr(c, "method")(), getattr(c, "missing", "default"), getattr(C, "cls_attr"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c)
except TypeError as e:
    print(type(e).__name__, e)
print(hasattr(c, "inst"), hasattr(c, "nope"), hasattr(C, "method"), hasattr(5, "real"), hasattr(None, "__class__"))
setattr(c, "new", 123)
setattr(c, "with space", "odd")
print(c.new, getattr(c, "with space"), sorted(vars(c)))
delattr(c, "new")
print(hasattr(c, "new"))
try:
    delattr(c, "new")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    hasattr(c, 1)
except TypeError as e:
    print(type(e).__name__, e)
# hasattr only swallows AttributeError
class Boom:
    @property
    def p(self): raise ValueError("not swallowed")
try:
    hasattr(Boom(), "p")
except ValueError as e:
    print(type(e).__name__, e)
# getattr default used on AttributeError from property
class Prop:
    @property
    def p(self): raise AttributeError("from property")
print(getattr(Prop(), "p", "default used"))
# callable
print(callable(len), callable(C), callable(c), callable(c.method), callable(lambda: 0), callable(None), callable("s"), callable(type))
class Callable:
    def __call__(self): pass
print(callable(Callable()), callable(Callable))
# vars
print(sorted(vars(c).items()), "cls_attr" in vars(C), type(vars(C)).__name__)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
class Slotted:
    __slots__ = ("a",)
try:
    vars(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
# dir
class Base:
    base_attr = 1
    def base_method(self): pass
class Derived(Base):
    derived_attr = 2
    def __init__(self): self.inst_attr = 3
d = Derived()
print([n for n in dir(d) if not n.startswith("__")])
print([n for n in dir(Derived) if not n.startswith("__")])
print("__init__" in dir(d), "__class__" in dir(d), dir(d) == sorted(dir(d)))
class CustomDir:
    def __dir__(self): return ["z", "a", "m"]
print(dir(CustomDir()))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
def scope():
    local_a = 1
    local_b = 2
    return dir()
print(scope())
