# Attribute loads on class objects (cached per instruction): every change
# to the class, its bases or the value's kind must be seen at once.
class Base:
    x = 1
    def meth(self):
        return "meth"
    @staticmethod
    def st(a):
        return ("st", a)
    @classmethod
    def cm(cls):
        return ("cm", cls.__name__)
    @property
    def prop(self):
        return "prop"

class C(Base):
    y = "y"

def read(cls):
    out = []
    for name in ("x", "y", "meth", "st", "cm", "prop"):
        try:
            v = getattr(cls, name)
        except AttributeError as e:
            v = "AttributeError: %s" % e
        out.append(v if not callable(v) else getattr(v, "__name__", v))
    return out

def loads(cls):
    return (cls.x, cls.st(2), cls.cm(), type(cls.prop).__name__, cls.meth.__name__, cls.__name__)

for _ in range(3):
    print(loads(C), loads(Base))
C.x = 10
print(loads(C))
del C.x
print(loads(C))
Base.x = 5
print(loads(C))
Base.st = staticmethod(lambda a: ("new st", a))
print(loads(C))

class Other:
    x = "other x"
    def st(a):
        return ("plain", a)
    @classmethod
    def cm(cls):
        return ("other cm",)
    prop = 7
    meth = print
    __name__ = "ignored"
print(loads(Other))
C.__bases__ = (Other,)
print(loads(C))

class Meta(type):
    @property
    def x(cls):
        return "meta x"
class M(metaclass=Meta):
    x = "class x"
for _ in range(2):
    print(M.x)

class Getter:
    def __get__(self, obj, owner):
        return ("got", obj, owner.__name__)
class D:
    g = Getter()
def load_g(k):
    return k.g
for _ in range(2):
    print(load_g(D))
Getter.__get__ = lambda self, obj, owner: "replaced"
print(load_g(D))

def loop(cls):
    t = 0
    for i in range(200):
        t += cls.x
    return t
print(loop(Base), loop(Other) if isinstance(Other.x, int) else "str")
class Many:
    x = 1
for i in range(10):
    K = type("K%d" % i, (Many,), {"x": i} if i % 2 else {})
    print(K.x, end=" ")
print()


# A plain class constant whose type later gains (and loses) __get__.
class Const:
    pass


class Holder:
    C = Const()


def read():
    return Holder.C


for i in range(3):
    print("plain", type(read()).__name__)
Const.__get__ = lambda self, inst, owner: ("bound", owner.__name__)
for i in range(2):
    print("desc", read())
del Const.__get__
print("plain again", type(read()).__name__)
Holder.C = 42
print("rebound", read())
Holder.C = classmethod(lambda cls: cls.__name__)
print("classmethod", read()())


# An instance switched to dict mode at a site cached for its class: the
# cached index must not be used for it (its values live in the dict).
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def m(self):
        return "P.m"


def xs(objs):
    return [(o.x, o.y, o.m()) for o in objs]


ps = [P(i, -i) for i in range(3)]
print(xs(ps))
ps[1].__dict__["x"] = "via dict"
ps[1].__dict__["m"] = lambda: "shadowed"
vars(ps[2]).pop("y")
ps[2].y = "re-added"
print(xs(ps))
for o in ps:
    o.x = "stored"
print(xs(ps), sorted(vars(ps[1])))
