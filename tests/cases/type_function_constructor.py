# types.FunctionType(code, globals, name=None, argdefs=None, closure=None)
import types


def outer():
    x = 10

    def f(a, b=2):
        return a + b + x
    return f


def plain(a, b=5):
    """doc of plain"""
    return a * b


f = outer()
g = types.FunctionType(plain.__code__, {"__name__": "mod"})
print(g(3, 4), g.__name__, g.__qualname__, g.__defaults__, g.__module__, g.__doc__)
h = types.FunctionType(plain.__code__, globals(), "renamed", (7,))
print(h(2), h.__name__, h.__qualname__, h.__defaults__, h.__module__)
cell = f.__closure__[0]
k = types.FunctionType(f.__code__, globals(), None, (1,), (cell,))
print(k(5), k(5, 5), k.__closure__[0].cell_contents)
k2 = types.FunctionType(f.__code__, globals(), closure=(types.CellType(100),))
print(k2(1, 1))
print(types.FunctionType(code=plain.__code__, globals={})(1, 1))
# The builtins come from the globals' __builtins__, else the interpreter's.
src = compile("def uses(): return len('abc')", "<s>", "exec")
ns = {}
exec(src, ns)
u = types.FunctionType(ns["uses"].__code__, {})
print(u(), u.__builtins__ is __builtins__.__dict__)
u2 = types.FunctionType(ns["uses"].__code__, {"__builtins__": {"len": lambda s: 42}})
print(u2())

bad = [
    (1, {}),
    (plain.__code__, 1),
    (plain.__code__, {}, 1),
    (plain.__code__, {}, None, [1]),
    (plain.__code__, {}, None, None, 1),
    (plain.__code__, {}, None, None, (cell,)),
    (f.__code__, {}),
    (f.__code__, {}, None, None, 1),
    (f.__code__, {}, None, None, (1,)),
    (f.__code__, {}, None, None, ()),
]
for args in bad:
    try:
        types.FunctionType(*args)
    except Exception as e:
        print(type(e).__name__, e)
for kwargs in ({}, {"code": plain.__code__}, {"globals": {}}):
    try:
        types.FunctionType(**kwargs)
    except Exception as e:
        print(type(e).__name__, e)
try:
    types.FunctionType(plain.__code__, {}, None, None, None, 1)
except Exception as e:
    print(type(e).__name__, e)
