def tf_return(x):
    try:
        return x()
    finally:
        print("cleanup")

def loop_finally(xs):
    for x in xs:
        try:
            if x:
                break
            continue
        finally:
            print(x)
    while True:
        try:
            return 1
        except Exception:
            continue

def with_return(a, b):
    with a as x, b:
        return x
    return None

def nested_handlers(f):
    try:
        try:
            f()
        except KeyError as e:
            raise ValueError("bad") from e
    except* TypeError as eg:
        print(eg)
    except* ValueError:
        pass

def reraise(f):
    try:
        f()
    except:
        raise

def walrus(xs):
    if (n := len(xs)) > 10:
        print(n)
    ys = [y for x in xs if (y := x * 2)]
    return y, ys

def chained(a, b, c, d):
    return a < b <= c != d, a in [1, 2, 3], b not in {1, 2}, a is not None

def calls(f, *a, **k):
    f(*a)
    f(1, *a, 2, **k, x=3)
    f(**k)
    f(*a, **k)
    return f(a=1, b=2)(3)

def deletes(d, o):
    del d[1], o.attr
    x = 1
    del x

def cells(a, b):
    def g():
        return a + c
    c = 3
    return g

class WithClass:
    def m(self):
        return __class__

@decorator
@other(1)
def decorated(a: int, *args: str, b: "x" = 1, **kw: float) -> bool:
    pass

def big_consts():
    return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
            20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37,
            "a" + "b", 1.5 * 2, 2 ** 8, -(3), ~5, not 1, (1, 2) + (3,), "%s-%r" % (1, 2)]

def fmt(x, w):
    return f"{x:{w}.{w}}", f"{x!s}{x!a}", "%5s|%-3r|%.2s" % (x, w, x)

async def agen(xs):
    async for x in xs:
        yield x
    await xs
    return

async def acomp(xs):
    return {x async for x in xs}, [await x for x in xs]

def gen_expr(xs):
    return sum(x for x in xs if x), list(x for x in xs for y in x)

def unpack_ex(t):
    *a, b = t
    (c, d), e = t
    [f, *g] = t
    return a, b, c, d, e, f, g

lam = lambda a, *, b=2: a + b
x = [i for i in range(3)]
print(x)
