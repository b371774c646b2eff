# __slots__, __init_subclass__, __set_name__
class Pt:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Pt(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), Pt.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
del p.x
try:
    p.x
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Pt.x).__name__)
class Pt3(Pt):
    __slots__ = ("z",)
q = Pt3(1, 2); q.z = 3
print(q.x, q.y, q.z, hasattr(q, "__dict__"))
class Loose(Pt):
    pass
l = Loose(1, 2); l.anything = 5
print(l.anything, hasattr(l, "__dict__"))
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict(); w.a = 1; w.b = 2
print(w.a, w.b, w.__dict__)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(type(e).__name__, e)

class PluginBase:
    plugins = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        PluginBase.plugins.append((cls.__name__, tag))
class PA(PluginBase, tag="alpha"): pass
class PB(PluginBase): pass
class PC(PA, tag="gamma"): pass
print(PluginBase.plugins, PA.tag, PB.tag, PC.tag)
try:
    class Bad(object, unknown=1): pass
except TypeError as e:
    print(type(e).__name__, e)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Model:
    first = Field()
    second = Field()
m = Model()
print(m.first)
m.first = "F"
print(m.first, m._first, Model.first.name)
# __set_name__ not called when assigned after class creation
Model.third = Field()
print(hasattr(Model.third, "name"))
# __class_getitem__
class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"
print(Box[int])
print(list[int], dict[str, int])
