# classes, inheritance, C3 MRO, super
class A:
    def who(self): return "A"
    def chain(self): return ["A"]
class B(A):
    def who(self): return "B"
    def chain(self): return ["B"] + super().chain()
class C(A):
    def who(self): return "C"
    def chain(self): return ["C"] + super().chain()
class D(B, C):
    def chain(self): return ["D"] + super().chain()
print([k.__name__ for k in D.__mro__])
print(D.__mro__)
print(D().who(), D().chain())
print(D.__bases__, A.__bases__, D.__base__)
print(D.mro() == list(D.__mro__))
print(issubclass(D, A), isinstance(D(), C), issubclass(A, D))

class X: pass
class Y: pass
try:
    class Bad(X, Y, X): pass
except TypeError as e:
    print(type(e).__name__, e)
class P1(X, Y): pass
class P2(Y, X): pass
try:
    class Z(P1, P2): pass
except TypeError as e:
    print(type(e).__name__, e)

# classic diamond with more levels
class O1: pass
class O2(O1): pass
class O3(O1): pass
class O4(O2): pass
class O5(O4, O3): pass
print([c.__name__ for c in O5.__mro__])

# super with explicit args
class Base:
    def __init__(self, v):
        self.v = v
    def describe(self):
        return f"Base({self.v})"
class Derived(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def describe(self):
        return "Derived+" + super(Derived, self).describe()
d = Derived(1, 2)
print(d.v, d.w, d.describe())
print(sorted(vars(d).items()))

# class vs instance attributes
class Counter:
    count = 0
    items = []
    def __init__(self):
        Counter.count += 1
        self.items.append(self.count)
a = Counter(); b = Counter()
print(Counter.count, a.count, b.items is Counter.items, Counter.items)
a.count = 100
print(a.count, Counter.count, b.count)
del a.count
print(a.count)
try:
    del a.count
except AttributeError as e:
    print(type(e).__name__, e)

# methods are functions on the class
class M:
    def f(self): return self
m = M()
print(M.f(m) is m, type(M.f).__name__, type(m.f).__name__)
print(m.f.__self__ is m, m.f.__func__ is M.f)
print(m.f == m.f, m.f is m.f)
# attribute assignment on class visible on instance
M.g = lambda self: "added"
print(m.g())
# __class__, __name__, __qualname__, __module__
class Outer:
    class Inner: pass
print(Outer.Inner.__qualname__, Outer.__module__, m.__class__.__name__)
# __dict__ of class contains methods
print(sorted(k for k in Derived.__dict__ if not k.startswith("__")))
print('__init__' in Derived.__dict__)
# instance __dict__ assignment
class Bag: pass
bag = Bag()
bag.__dict__["z"] = 5
print(bag.z)
# type of class
print(type(D), type(type), type(object), object.__bases__)
# __repr__/__str__ defaults
class R:
    def __repr__(self): return "R!"
print(str(R()), repr(R()), [R()], f"{R()}")
class S2:
    def __str__(self): return "S-str"
print(str(S2()), f"{S2()}", "%s" % S2())
# inheritance from builtins
class MyList(list):
    def total(self): return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), type(ml).__name__, isinstance(ml, list))
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
md = MyDict(a=1)
print(md["a"], md["zz"], md)
class MyInt(int):
    pass
print(MyInt(5) + 3, type(MyInt(5) + 3).__name__)
class MyStr(str):
    def shout(self): return self.upper() + "!"
print(MyStr("hi").shout())
