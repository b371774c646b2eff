class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        ns["added_by_meta"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", name)
        return {"prepared": True}

class Widget(metaclass=Meta, flavor="x"):
    def method(self): pass
    def __init__(self, v):
        self.v = v
print(type(Widget).__name__, Widget.added_by_meta, Widget.prepared)
w = Widget(3)
print(w.v)
class Sub(Widget):
    pass
print(type(Sub).__name__, Sub.added_by_meta)

# type() three-argument form
Dyn = type("Dyn", (object,), {"x": 1, "hello": lambda self: "hi " + str(self.x)})
print(Dyn.__name__, Dyn().hello(), Dyn.__bases__)
Dyn2 = type("Dyn2", (Dyn,), {})
print(Dyn2().x, [k.__name__ for k in Dyn2.__mro__])
print(type(5), type("s") is str)
try:
    type("X", (5,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

# singleton metaclass
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    def __init__(self): print("Config init once")
print(Config() is Config())

# metaclass conflict
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class AB(A1, A2): pass
except TypeError as e:
    print(type(e).__name__, e)
# metaclass attribute lookup
class MetaAttr(type):
    greeting = "from meta"
class UsesMeta(metaclass=MetaAttr): pass
print(UsesMeta.greeting, hasattr(UsesMeta(), "greeting"))
# __new__ and __init__ order
class Ordered:
    def __new__(cls, *a):
        print("__new__", a)
        inst = super().__new__(cls)
        return inst
    def __init__(self, *a):
        print("__init__", a)
Ordered(1, 2)
class NewReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NewReturnsOther())
try:
    object.__new__(Ordered, 1)
    print("ok new with extra args when __new__ overridden")
except TypeError as e:
    print(e)
class Plain: pass
try:
    Plain(1)
except TypeError as e:
    print(type(e).__name__, e)
