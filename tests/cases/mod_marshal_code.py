# marshal.dumps of code objects compiled from strings must give CPython's
# exact bytes (reference flags included).
import marshal

sources = [
    'x = 1',
    'def f(a, b=2, *args, k, **kw):\n    return a + b\n',
    'def g(x):\n    y = [i * 2 for i in x if i]\n    return {k: v for k, v in y}, (1, 2), "text with spaces", 1.5, 2 ** 100\n',
    'class C:\n    """doc"""\n    attr = 1\n    def m(self):\n        return __class__\n',
    'def outer():\n    v = 1\n    def inner():\n        nonlocal v\n        v += 1\n        return v\n    return inner\n',
    'try:\n    import os\nexcept ImportError as e:\n    print(e)\nfinally:\n    pass\n',
    'async def co(a):\n    async with a as b:\n        await b\n',
    'lambda q: (q, -0.0, 3j, b"bytes", frozenset({1}), ...)',
]
for i, src in enumerate(sources):
    code = compile(src, 'src%d.py' % i, 'exec')
    data = marshal.dumps(code)
    print(i, len(data))
    print(data)
    back = marshal.loads(data)
    print(back.co_consts == code.co_consts or [type(c).__name__ for c in back.co_consts],
          back.co_names == code.co_names, back.co_code == code.co_code)
