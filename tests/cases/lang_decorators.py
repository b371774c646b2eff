import functools
def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        r = fn(*a, **k)
        print("ret", r)
        return r
    return wrapper

@trace
def add(a, b):
    return a + b
add(1, b=2)
print(add.__name__)

def repeat(n):
    def deco(fn):
        @functools.wraps(fn)
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco

@repeat(3)
def hello(x):
    "say hello"
    return "hi " + x
print(hello("bob"), hello.__name__, hello.__doc__)
print(hello.__wrapped__("raw"))

order = []
def mark(tag):
    order.append("make " + tag)
    def deco(fn):
        order.append("apply " + tag)
        def w():
            return tag + "(" + fn() + ")"
        return w
    return deco

@mark("a")
@mark("b")
@mark("c")
def base():
    return "x"
print(order)
print(base())

# class decorator
def register(cls):
    cls.registered = True
    return cls
@register
class K: pass
print(K.registered)
# decorator returning non-function
def to_value(fn):
    return fn()
@to_value
def val():
    return 99
print(val)
# decorator with arbitrary expression (3.9+)
decos = [trace]
@decos[0]
def sub(a, b): return a - b
sub(5, 3)
# method decorator
class C:
    def __repr__(self): return 'C()'
    @trace
    def m(self, x):
        return x * 2
C().m(4)
# counting calls with attribute
def counted(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@counted
def noop(): pass
for _ in range(5): noop()
print(noop.calls)
