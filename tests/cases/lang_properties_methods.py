class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        "celsius doc"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print(type(e).__name__, e)
print(Temp.celsius.__doc__, type(Temp.celsius).__name__)
print(Temp.celsius.fget.__name__, Temp.fahrenheit.fset)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)

# property() call form
class P:
    def _get(self): return "got"
    x = property(_get, doc="x doc")
print(P().x, P.x.__doc__)

class Shape:
    registry = []
    def __init__(self, n):
        self.n = n
    @classmethod
    def create(cls, n):
        obj = cls(n)
        cls.registry.append(type(obj).__name__)
        return obj
    @staticmethod
    def helper(a, b):
        return a * b
class Square(Shape):
    pass
s = Square.create(3)
print(type(s).__name__, s.n, Shape.registry)
print(Shape.helper(3, 4), s.helper(5, 6))
print(type(Shape.__dict__["create"]).__name__, type(Shape.__dict__["helper"]).__name__)
print(Shape.create.__self__ is Shape, s.create.__self__ is Square)
sm = Shape.__dict__["helper"]
print(sm.__func__(2, 2), callable(sm))
cm = Shape.__dict__["create"]
print(cm.__func__.__name__)
# classmethod on instance
print(type(Square(1).create(2)).__name__)
# staticmethod is callable directly in 3.10+
print(staticmethod(len)("abc"))
# bound method repr-free checks
class Q:
    def meth(self): pass
print(Q.meth.__name__, Q().meth.__name__, Q.meth.__qualname__)
# property inheritance and override
class Base:
    @property
    def name(self): return "base"
class Child(Base):
    @property
    def name(self): return "child+" + super().name
print(Child().name)
# setting attr when property has no setter (message)
class RO:
    @property
    def val(self): return 1
try:
    RO().val = 2
except AttributeError as e:
    print(e)
# __doc__ of property from getter
print(RO.val.__doc__)
