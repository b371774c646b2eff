# Under `from __future__ import annotations` annotations are strings: the
# expression unparsed as CPython writes it, not the source text as typed.
from __future__ import annotations


def f(a: List[ int ], b: "quoted" = None, *args: 'it''s', c: 1 + 2 * (3 - 4), **kw: Dict[str,int]) -> x ** -y:
    pass


for k, v in f.__annotations__.items():
    print(k, repr(v))


class C:
    x: int | None = None
    y: Callable[[int], str]
    z: lambda *a, b=1: (a, b)
    w: f"{a!r:>{w}} {{}}"
    v: 0x10 + 1_000 + 1e10 + 2.0j + 1e400
    u: x[1:2, ::3, ...] if not a and b or c else {**d, 1: [*e]}
    t: (await_ for s in t if s) or g(h for h in i)


for k, v in C.__annotations__.items():
    print(k, repr(v))

# Without the future import the same expressions are evaluated; 3.11
# allows a walrus there.
exec(compile("def g(a: (n := 5)) -> n + 1: pass\nprint(g.__annotations__, n)", "<s>", "exec", dont_inherit=True))
try:
    exec("def g(a: (n := 5)): pass")
except SyntaxError as e:
    print(type(e).__name__, e)
