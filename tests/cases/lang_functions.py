# def with defaults, keyword-only, positional-only, *args, **kwargs
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
def g(a, b, /, c, *, d):
    return a, b, c, d
print(g(1, 2, 3, d=4))
print(g(1, 2, c=3, d=4))
for call in [lambda: g(1, b=2, c=3, d=4), lambda: g(1, 2, 3, 4), lambda: g(1, 2, 3),
             lambda: f(), lambda: f(1, 2), lambda: f(1, c=1, a=2), lambda: g(1)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)

def h(x, y):
    return x - y
print(h(y=1, x=10))
print(h(*[5, 3]))
print(h(**{"x": 1, "y": 2}))
try:
    h(1, 2, 3)
except TypeError as e:
    print(e)
try:
    h(1, z=2)
except TypeError as e:
    print(e)
try:
    h(1, x=2)
except TypeError as e:
    print(e)
try:
    h(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print(e)

# mutable default shared
def app(v, acc=[]):
    acc.append(v)
    return acc
print(app(1), app(2))
print(app.__defaults__)
def kwd(*, k=5): return k
print(kwd.__kwdefaults__, kwd())

# lambda
sq = lambda x: x * x
print(sq(7), (lambda *a, **k: (a, k))(1, 2, z=3))
print((lambda x, y=10: x + y)(1))
print(sq.__name__, h.__name__)
# function attributes
def doc():
    "docstring here"
print(doc.__doc__, doc.__name__, doc.__qualname__)
doc.custom = 42
print(doc.custom)
def outer():
    def inner(): pass
    return inner
print(outer().__qualname__)
print(h.__code__.co_argcount, h.__code__.co_varnames)
print(f.__code__.co_kwonlyargcount, g.__code__.co_posonlyargcount)
# return none
def nothing(): pass
print(nothing())
def multi():
    return 1, 2
print(multi())
# recursion
def fact(n): return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([fib(i) for i in range(15)])
# keyword args order preserved in **kw
def kws(**kw): return list(kw)
print(kws(z=1, a=2, m=3))
# annotations
def ann(a: int, b: "str" = "x") -> list: pass
print(ann.__annotations__)
# calling non-callable
try:
    five = 5
    five()
except TypeError as e:
    print(e)
try:
    s = "abc"
    s(1)
except TypeError as e:
    print(e)
# unpacking in calls
print(max(*[3, 1], *(9, 2)))
print(dict(**{"a": 1}, b=2))
