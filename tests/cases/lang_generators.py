def gen():
    print("start")
    x = yield 1
    print("got", x)
    y = yield x * 2
    print("got", y)
    return "done"

g = gen()
print(type(g).__name__)
print(next(g))
print(g.send(10))
try:
    g.send(20)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again", e.value)

g = gen()
try:
    g.send(5)
except TypeError as e:
    print(type(e).__name__, e)

# throw
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "recovered"
c = catcher()
print(next(c))
print(c.throw(ValueError("boom")))
print(next(c))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print(list(c))

# close
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closing()
print(next(c))
c.close()
c.close()
print(list(c))

def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(list(b))

# yield from
def inner():
    r = yield "i1"
    print("inner got", r)
    yield "i2"
    return "inner-result"
def outer():
    res = yield from inner()
    print("outer got", res)
    yield from [10, 20]
    yield from range(2)
    return "outer-done"
o = outer()
print(next(o))
print(o.send("S"))
print(list(o))

def deleg_throw():
    try:
        yield from catcher()
    finally:
        print("deleg finally")
d = deleg_throw()
print(next(d), d.throw(ValueError("through")), next(d))
d.close()

# generator expression laziness and exhaustion
g = (i for i in range(3))
print(next(g), next(g), next(g), next(g, "end"))
# infinite generator with islice-like manual
def naturals():
    n = 0
    while True:
        yield n
        n += 1
it = naturals()
print([next(it) for _ in range(5)])
# return inside generator -> StopIteration value
def early(n):
    if n:
        return n * 10
    yield
try:
    next(early(4))
except StopIteration as e:
    print("value", e.value)
# StopIteration raised inside generator becomes RuntimeError
def leaky():
    raise StopIteration("x")
    yield
try:
    next(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
# generator running twice
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
# gi_ attributes
def simple():
    yield 1
s = simple()
print(s.gi_running, s.gi_frame is not None, s.__name__, s.__qualname__)
list(s)
print(s.gi_frame)
# send non-None first
import inspect
s2 = simple()
print(inspect.getgeneratorstate(s2))
next(s2)
print(inspect.getgeneratorstate(s2))
list(s2)
print(inspect.getgeneratorstate(s2))
# generator in for with else
for v in simple():
    print("v", v)
else:
    print("exhausted")
