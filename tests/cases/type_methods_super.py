class A:
    def __init__(self, v): self.v = v
    def get(self): return self.v
    def __repr__(self): return f"A({self.v})"
a = A(1)
m = a.get
print(m(), m.__self__, m.__func__ is A.get, m.__name__, m.__qualname__, type(m).__name__)
print(m == a.get, m != A(1).get, hash(m) == hash(a.get), callable(m))
a.v = 5
print(m())
unbound = A.get
print(unbound(a), unbound(A(9)), type(unbound).__name__)
try:
    unbound()
except TypeError as e:
    print(type(e).__name__, e)
# methods bound to instances of builtins
app = [].append
print(type(app).__name__, app.__self__, app.__name__)
lst = [1]
push = lst.append
push(2); push(3)
print(lst)
up = "abc".upper
print(up(), up.__self__)
# instance attribute shadowing a method
a.get = lambda: "instance lambda"
print(a.get(), A.get(a))
del a.get
print(a.get())
# super() forms
class Base:
    def hello(self): return "Base.hello from " + type(self).__name__
    @classmethod
    def cm(cls): return "Base.cm " + cls.__name__
    @staticmethod
    def sm(): return "Base.sm"
class Mid(Base):
    def hello(self): return "Mid>" + super().hello()
    @classmethod
    def cm(cls): return "Mid>" + super().cm()
class Leaf(Mid):
    def hello(self): return "Leaf>" + super().hello()
    def skip(self): return super(Mid, self).hello()
    def sm_via_super(self): return super().sm()
l = Leaf()
print(l.hello(), l.skip(), Leaf.cm(), l.sm_via_super())
s = super(Leaf, l)
print(type(s).__name__, s.hello(), s.__thisclass__.__name__, s.__self__ is l, s.__self_class__.__name__)
print(super(Mid, Leaf).cm(), super(Leaf, Leaf).hello(l))
try:
    super(Leaf, 5)
except TypeError as e:
    print(type(e).__name__, e)
def outside():
    return super().hello()
try:
    outside()
except RuntimeError as e:
    print(type(e).__name__, e)
# super in __init__ with cooperative multiple inheritance
class P:
    def __init__(self, **kw):
        print("P init", sorted(kw))
class Q(P):
    def __init__(self, q=None, **kw):
        print("Q init", q)
        super().__init__(**kw)
class R(P):
    def __init__(self, r=None, **kw):
        print("R init", r)
        super().__init__(**kw)
class S(Q, R):
    def __init__(self, **kw):
        print("S init")
        super().__init__(**kw)
S(q=1, r=2, extra=3)
# super().__setattr__ / __getattribute__ / attribute missing
class Sup(Base):
    def test(self):
        try:
            return super().nothing
        except AttributeError as e:
            return f"{type(e).__name__}: {e}"
print(Sup().test())
# __class__ cell
class K:
    def which(self): return __class__.__name__
class K2(K): pass
print(K2().which())
# classmethod bound to class
cm = Leaf.cm
print(cm.__self__.__name__, cm())
