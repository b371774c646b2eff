# Attribute access sites that see many classes and class changes: every
# load/store/method call must see the current class and instance state.
import gc


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


def call_m(o):
    return o.m()


class A:
    def __init__(self):
        self.x = "A.x"

    def m(self):
        return "A.m"


class B:
    def __init__(self):
        self.y = 0
        self.x = "B.x"

    def m(self):
        return "B.m"


a, b = A(), B()
for _ in range(3):
    print(get_x(a), get_x(b), call_m(a), call_m(b))

# A property added to the class after the site has cached the instance value.
A.x = property(lambda self: "property")
print(get_x(a))
try:
    set_x(a, 1)
except AttributeError as exc:
    print(type(exc).__name__, exc)
del A.x
print(get_x(a))
set_x(a, "again")
print(get_x(a))

# An instance attribute shadowing a method after the site cached the method.
print(call_m(a))
a.m = lambda: "instance m"
print(call_m(a))
del a.m
print(call_m(a))
a2 = A()
a2.__dict__["m"] = lambda: "dict m"
print(call_m(a2), call_m(A()))

# Method replaced on the class.
A.m = lambda self: "new A.m"
print(call_m(a), call_m(A()))

# Instance switched to dict mode, attribute deleted, missing attribute.
c = A()
vars(c)
set_x(c, "dict mode")
print(get_x(c))
del c.x
try:
    get_x(c)
except AttributeError as exc:
    print(type(exc).__name__, exc)
d = A()
del d.x
try:
    get_x(d)
except AttributeError as exc:
    print(type(exc).__name__, exc)
set_x(d, "back")
print(get_x(d), d.__dict__)

# __setattr__ / __getattribute__ / __getattr__ added later.
def noisy_set(self, name, value):
    object.__setattr__(self, name, ("set", value))


A.__setattr__ = noisy_set
set_x(a, 5)
print(get_x(a))
del A.__setattr__
A.__getattribute__ = lambda self, name: "getattribute " + name
print(get_x(a))
del A.__getattribute__
A.__getattr__ = lambda self, name: "getattr " + name
e = A(); del e.x
print(get_x(e), get_x(a))

# Classes created and freed in a loop: a new class may reuse an old one's
# address, and its attributes sit at other indices.
def make(names):
    class K:
        def __init__(self):
            for i, n in enumerate(names):
                setattr(self, n, i)
    return K()


out = []
for i in range(20):
    names = ["x", "y"] if i % 2 else ["y", "z", "x"]
    k = make(names)
    out.append(get_x(k))
    set_x(k, i)
    out.append(get_x(k))
    del k
    gc.collect()
print(out)

# Class attribute defaults (non-data descriptors) under instance values.
class D:
    x = "class default"


dd = D()
print(get_x(dd))
set_x(dd, "instance")
print(get_x(dd), D.x)
del dd.x
print(get_x(dd))

# Subclass and base share sites.
class Base:
    def __init__(self):
        self.x = "base"


class Sub(Base):
    @property
    def x(self):
        return "sub property"

    @x.setter
    def x(self, v):
        pass


print(get_x(Base()), get_x(Sub()))

# __slots__ instances at the same sites.
class S:
    __slots__ = ("x",)

    def m(self):
        return "S.m"


s = S()
set_x(s, "slot")
print(get_x(s), call_m(s))

# One method run on many subclasses whose attributes sit at different
# indices (more classes than a site keeps entries for).
class Root:
    def total(self):
        return self.a + self.b

    def call(self):
        return self.kind()


def make_sub(n):
    names = ["pad%d" % i for i in range(n)]

    class Sub(Root):
        def __init__(self, a, b):
            for p in names:
                setattr(self, p, 0)
            if n % 2:
                self.b = b
                self.a = a
            else:
                self.a = a
                self.b = b

        def kind(self):
            return n

    return Sub


subs = [make_sub(n) for n in range(7)]
acc = []
for rnd in range(30):
    for i, cls in enumerate(subs):
        o = cls(rnd, i)
        acc.append((o.total(), o.call()))
        if rnd == 20 and i == 3:
            cls.total = lambda self: -1
print(sum(t for t, _ in acc), sum(k for _, k in acc), acc[-7:])
