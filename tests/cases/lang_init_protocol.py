# cls(...) with a Python __init__ (run inside the eval loop): results,
# errors, and the instance's lifetime must be CPython's.
import sys, gc, abc

class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(type(p).__name__, p.x, p.y)

class Bad:
    def __init__(self):
        return 42
try:
    Bad()
except TypeError as e:
    print("TypeError", e)

class Raises:
    def __del__(self):
        print("del Raises")
    def __init__(self, v):
        raise ValueError(v)
try:
    Raises("nope")
except ValueError as e:
    print("ValueError", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
gc.collect()

class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1)
try:
    Deep(0)
except RecursionError as e:
    print("RecursionError", e)

class GenInit:
    def __init__(self):
        yield 1
try:
    GenInit()
except TypeError as e:
    print("TypeError", e)

class Defaults:
    def __init__(self, a, b=5, *, c=7):
        self.t = (a, b, c)
print(Defaults(1).t, Defaults(1, 2).t, Defaults(1, c=3).t)

class Wrong:
    def __init__(self, a):
        self.a = a
for args in [(), (1, 2)]:
    try:
        Wrong(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    Wrong()
except TypeError as e:
    print("TypeError", e)

class NewOverride:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, a):
        print("init", a)
NewOverride(3)

class Meta(type):
    def __call__(cls, *a):
        print("meta call", a)
        return super().__call__(*a)
class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a
print(M(9).a)

class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    def __init__(self):
        pass
try:
    A()
except TypeError as e:
    print("TypeError", e)

kept = []
class Keep:
    def __init__(self):
        kept.append(self)
k = Keep()
print(k is kept[0], sys.getrefcount(k))

def init2(self, v):
    self.v = v * 2
P.__init__ = init2
print(P(4).v)
del P.__init__
try:
    P(4)
except TypeError as e:
    print("TypeError", e)

class Sub(Wrong):
    pass
print(Sub(5).a, [Wrong(i).a for i in range(3)])

class Slots:
    __slots__ = ("a",)
    def __init__(self, a):
        self.a = a
print(Slots(8).a)

def make(n):
    return [P.__class__ for _ in range(n)]
class Q:
    def __init__(self, i):
        self.i = i
print(sum(Q(i).i for i in range(1000)))
