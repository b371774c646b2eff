def arith(a, b):
    c = a + b * 2
    d = -a ** 2
    c += 1
    return c, d, a // b, a % b

def compare(a, b, c):
    if a < b < c:
        return 1
    elif a == b or b is None:
        return 2
    x = a if b else c
    return not x

def loops(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        total += i
        if total > 100:
            break
    else:
        total = -1
    while n > 0:
        n -= 1
    return total

def calls(obj, *args, **kwargs):
    obj.method(1, 2, key=3)
    print(*args, sep="")
    f(**kwargs)
    return len(args)

def closures(x):
    def inner(y):
        return x + y
    return inner

def comprehensions(xs):
    a = [x * 2 for x in xs if x]
    b = {x: x for x in xs}
    c = {x for x in xs}
    d = (x for x in xs)
    return a, b, c, d

def unpacking(t):
    a, b = t
    a, *b, c = t
    a, b = b, a
    return [*t, 1], {**{}, 'a': 1}

def strings(x):
    return f"{x}!r {x!r:>10} {x=}", "abc"[1], b"xy"

class Klass(Base, metaclass=Meta):
    "doc"
    attr: int = 3
    def method(self):
        return super().method()
    @staticmethod
    def smethod(a=1, *, b=2):
        return a

def exceptions(f):
    try:
        f()
    except ValueError as e:
        print(e)
    except (TypeError, KeyError):
        pass
    else:
        return 1
    finally:
        print("done")
    with open(f) as fh, open(f) as g:
        return fh.read()

def gen(n):
    yield n
    x = yield
    yield from range(n)
    return x

async def coro(a):
    await a
    async with a as b:
        pass
    async for i in a:
        print(i)
    return [i async for i in a]

def scopes():
    global G
    G = 1
    x = 1
    def g():
        nonlocal x
        x = 2
    del x
    import os.path as p, sys
    from os import path, sep as s
    assert p, "msg"
    return lambda q=1: q + s
