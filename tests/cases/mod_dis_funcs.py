# dis.dis of a varied set of functions must print exactly what CPython's
# does (both compile to the same bytecode). Code object addresses are
# blanked out.
import dis
import io


def show(x, **kw):
    out = io.StringIO()
    dis.dis(x, file=out, **kw)
    text = out.getvalue()
    parts = text.split(' at 0x')
    res = parts[0]
    for p in parts[1:]:
        i = 0
        while i < len(p) and p[i] in '0123456789abcdef':
            i += 1
        res += ' at 0x?' + p[i:]
    # CPython records the script's absolute path; keep the base name.
    parts = res.split('file "')
    res = parts[0]
    for p in parts[1:]:
        name, rest = p.split('"', 1)
        res += 'file "' + name.rsplit('/', 1)[-1] + '"' + rest
    print(res)


def arith(a, b=2, *args, c, d=4, **kw):
    x = a + b * c - d / 2 // 3 % 5 ** 2
    x += 1
    x <<= 2
    y = -x, +x, ~x, not x
    return x & 0xFF | a ^ b, y


def control(n):
    total = 0
    for i in range(n):
        if i % 2 == 0 and i > 3 or i == 1:
            continue
        elif i > 100:
            break
        total += i
    else:
        total = -total
    while total > 10:
        total //= 2
    return total if total else None


def exceptions(path):
    try:
        f = open(path)
    except (OSError, ValueError) as e:
        print(e)
        raise RuntimeError('bad') from e
    except Exception:
        pass
    else:
        return f
    finally:
        print('done')


def withs(a, b):
    with a as x, b:
        return x


def closures(v):
    def inner(w):
        nonlocal v
        v += w
        return v
    return inner, lambda q: q + v


def comps(items):
    return ([i for i in items if i],
            {k: v for k, v in items},
            {s for s in items},
            (g for g in items),
            [j * k for j in items for k in items])


def gen(n):
    yield 1
    x = yield from range(n)
    return x


async def coro(a):
    await a
    async with a as b:
        pass
    async for c in b:
        print(c)
    return [d async for d in a]


def strings(name, value):
    return f'{name!r}: {value:>10} {value=}', 'lit' 'eral', b'bytes'


def unpack(seq):
    a, *b, c = seq
    (d, e), f = seq
    first, second = second, first = seq[0], seq[1]
    return a, b, c, d, e, f, [*seq, *b], {**{}, 'k': 1}, seq[1:2], seq[::2]


def calls(f, *a, **k):
    f(1, 2, x=3)
    f(*a, **k)
    f(*a, 1, *a)
    obj.method(1).attr.other = 5
    del obj.attr, k['x']
    return f(1, *a, y=2, **k)


def matcher(cmd):
    match cmd:
        case [x, y, *rest]:
            return x
        case {'k': v, **kw}:
            return v
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case 1 | 2 | 'three':
            return 3
        case str() as s:
            return s
        case _:
            return None


def scope():
    global G
    import os.path as osp
    from sys import argv, path as p
    G = osp, argv, p
    assert G, 'message'
    x = (y := 10) + y
    return x < y <= 3 != 4 > -1 in [1] is not x


class Base:
    def method(self):
        return 1


class Meta(type):
    pass


class Klass(Base, metaclass=Meta):
    attr = 1

    def method(self):
        return super().method() + __class__.attr

    @staticmethod
    def st(a):
        return a

    @property
    def prop(self):
        return self._p


for f in [arith, control, exceptions, withs, closures, comps, gen, coro,
          strings, unpack, calls, matcher, scope, Klass.method]:
    print('=' * 20, f.__name__)
    show(f)
print('=' * 20, 'caches')
show(arith, show_caches=True)
print('=' * 20, 'depth 0')
show(closures, depth=0)
