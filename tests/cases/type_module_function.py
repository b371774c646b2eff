import sys, math, types
import helpermod_basic as hb
print(type(sys).__name__, type(math).__name__, isinstance(hb, types.ModuleType), sys.__name__, math.__name__)
print(repr(sys), repr(math).startswith("<module 'math'"), repr(hb).startswith("<module 'helpermod_basic' from "))
m = types.ModuleType("fresh", "fresh doc")
print(m.__name__, m.__doc__, repr(m), sorted(k for k in vars(m)))
m.x = 1
print(m.x, "x" in dir(m))
try:
    m.missing
except AttributeError as e:
    print(type(e).__name__, e)
exec("y = x + 1", m.__dict__)
print(m.y)
print(sorted(n for n in dir(hb) if not n.startswith("__")))
# function objects
def f(a, b=2, *args, c=3, **kw):
    "doc of f"
    return a
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__module__, type(f).__name__)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames[:5])
print(f.__code__.co_flags & 0x04 != 0, f.__code__.co_flags & 0x08 != 0, f.__globals__ is globals(), f.__closure__)
f.__name__ = "renamed"
print(f.__name__, f.__qualname__)
f.__defaults__ = (20,)
def g(a, b=2): return (a, b)
g.__defaults__ = (99,)
print(g(1))
print(f.__dict__, hasattr(f, "__wrapped__"))
f.attr = 5
print(f.__dict__)
lam = lambda: None
print(lam.__name__, lam.__qualname__, lam.__doc__)
def gen(): yield
async def coro(): pass
print(type(gen).__name__, type(gen()).__name__, gen.__code__.co_flags & 0x20 != 0, coro.__code__.co_flags & 0x80 != 0)
c = coro()
print(type(c).__name__)
c.close()
print(types.FunctionType is type(f), types.BuiltinFunctionType is type(len), types.MethodType, types.LambdaType is types.FunctionType)
class K:
    def m(self): pass
print(types.MethodType(g, 5)(), isinstance(K().m, types.MethodType))
print(types.SimpleNamespace(a=1, b=2), types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1))
ns = types.SimpleNamespace(x=1)
ns.y = 2
del ns.x
print(ns, vars(ns))
print(len.__name__, len.__qualname__, len.__module__, len.__doc__.splitlines()[0], len.__self__)
print(print.__name__, abs.__text_signature__ if hasattr(abs, "__text_signature__") else "")
