import functools
from functools import reduce, partial, wraps, lru_cache, cmp_to_key, total_ordering, cached_property, singledispatch
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [1, 2, 3], 10), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, [], "init"))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(type(e).__name__, e)
def power(base, exp, *, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=5)
two_to = partial(power, 2)
print(square(5), cube_mod(4), two_to(10), square.func is power, square.args, square.keywords, two_to.args)
print(partial(partial(power, 3), 4)(), partial(print, sep="-")("a", "b") is None)
p = partial(max, key=len)
print(p(["aa", "b", "ccc"]), repr(partial(len)).startswith("functools.partial(<built-in function len>"))
def deco(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper
@deco
def documented(x: int) -> int:
    "The doc."
    return x
print(documented.__name__, documented.__doc__, documented.__annotations__, documented.__wrapped__.__name__, documented.__qualname__)
calls = []
@lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n
print([sq(i) for i in [1, 2, 1, 3, 1, 2]], calls)
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters())
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.cache
def fact(n): return 1 if n < 2 else n * fact(n - 1)
print(fact(25), fact.cache_info().currsize)
@lru_cache
def untyped(x, y): return type(x).__name__
print(untyped(1, 2), untyped(1.0, 2), untyped.cache_info())
@lru_cache(typed=True)
def typed(x): return type(x).__name__
print(typed(1), typed(1.0), typed.cache_info().currsize)
try:
    sq([1])
except TypeError as e:
    print(type(e).__name__, e)
def compare(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(compare)), sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(b) - len(a))))
K = cmp_to_key(compare)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(1))
@total_ordering
class Money:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"Money({self.v})"
print(Money(1) < Money(2), Money(1) > Money(2), Money(2) >= Money(2), Money(1) <= Money(0), sorted([Money(3), Money(1)]), max(Money(5), Money(7)))
try:
    @total_ordering
    class Nothing: pass
except ValueError as e:
    print(type(e).__name__, e)
class Data:
    def __init__(self): self.computed = 0
    @cached_property
    def expensive(self):
        self.computed += 1
        return "value"
d = Data()
print(d.expensive, d.expensive, d.computed, "expensive" in vars(d))
del d.expensive
print(d.expensive, d.computed, type(Data.__dict__["expensive"]).__name__)
@singledispatch
def describe(x):
    return "generic " + type(x).__name__
@describe.register
def _(x: int):
    return "int " + str(x)
@describe.register(list)
def _(x):
    return "list of " + str(len(x))
@describe.register(str)
@describe.register(bytes)
def _(x):
    return "text-ish"
print(describe(5), describe(True), describe([1, 2]), describe("s"), describe(b"b"), describe(2.5), describe(None))
print(describe.dispatch(bool).__name__ == "_", sorted(k.__name__ for k in describe.registry))
print(functools.reduce(lambda acc, kv: acc + kv[1], {"a": 1, "b": 2}.items(), 0))
class Cls:
    @functools.singledispatchmethod
    def handle(self, arg): return "default"
    @handle.register
    def _(self, arg: int): return "int handler"
print(Cls().handle(1), Cls().handle("x"))
pm = functools.partialmethod
class Cell:
    def set_state(self, state): self.state = state; return self
    set_alive = pm(set_state, True)
print(Cell().set_alive().state)
