"""Annotations under `from __future__ import annotations`: the compiler
stores each annotation as a string, the unparsed expression. Each function
here defines its annotated code inside itself so that `dis` of the function
shows the strings (see dump.py)."""
from __future__ import annotations


def ann_simple():
    def f(a: int, b: str = "x") -> bool:
        pass
    return f


def ann_generic():
    def f(a: list[int], b: dict[str, tuple[int, ...]]) -> None:
        pass
    return f


def ann_spacing():
    def f(a: List[ int ], b: Optional [int], c: Dict[str,int]) -> Dict[ str , int ]:
        pass
    return f


def ann_strings():
    def f(a: "quoted", b: 'single', c: 'it''s', d: "x\ny", e: "a'b", f: 'a"b') -> "Fwd":
        pass
    return f


def ann_union_callable():
    def f(a: int | None, b: Callable[[int], str]) -> Literal['a', "b"]:
        pass
    return f


def ann_arithmetic():
    def f(a: 1 + 2 * 3, b: (1 + 2) * 3, c: 1 - (2 - 3), d: (1 - 2) - 3, e: 2 ** 3 ** 4, g: (2 ** 3) ** 4) -> None:
        pass
    return f


def ann_unary():
    def f(a: -x, b: -x ** 2, c: (-x) ** 2, d: ~x, e: not x, g: x ** -y, h: - -x) -> None:
        pass
    return f


def ann_bool_compare():
    def f(a: x < y <= z, b: x is not y, c: a and b or c, d: a and (b or c), e: x not in y, g: not (a and b)) -> None:
        pass
    return f


def ann_displays():
    def f(a: (1, 2), b: [1, 2], c: {1: 2, **d}, d: {1, 2}, e: (a,), g: (), h: [], i: {}, j: [*a, *b]) -> None:
        pass
    return f


def ann_numbers():
    def f(a: 1.0, b: 1e10, c: 0x10, d: 1_000, e: 1j, g: ..., h: 1.5e-7, i: 2.0j, j: 10**20) -> None:
        pass
    return f


def ann_constants():
    def f(a: None, b: True, c: False, d: b"bytes", e: b'q"', g: -1, h: 1e400) -> None:
        pass
    return f


def ann_subscripts():
    def f(a: x[1:2], b: x[::2, ...], c: x[()], d: x[1:2, 3], e: x[a:b:c], g: x[:, 1], h: x[(1, 2)]) -> None:
        pass
    return f


def ann_calls():
    def f(a: g(x, *y, k=1, **z), b: g(), c: g(x for x in y), d: g(*a), e: a.b.c(d)) -> None:
        pass
    return f


def ann_lambda_ifexp():
    def f(a: lambda: 0, b: lambda x, *y, z=1, **w: x, c: x if y else z, d: (x if y else z) if w else v) -> None:
        pass
    return f


def ann_comprehensions():
    def f(a: [x for x in y], b: {x for x in y if x}, c: {k: v for k, v in y}, d: (x for x in y for z in x)) -> None:
        pass
    return f


def ann_fstrings():
    def f(a: f"x{y}z", b: f"{y!r:>{w}}", c: f"{'q'}", d: f"{a}{b}") -> None:
        pass
    return f


def ann_misc():
    def f(b: x.y, d: await_(x), e: a @ b, g: a // b % c, h: a << b >> c, i: a & b | c ^ d) -> None:
        pass
    return f


def ann_star_args():
    def f(*args: int, **kw: str) -> tuple[int, *Ts]:
        pass
    return f


def ann_class_body():
    class C:
        a: ClassVar[int] = 1
        b: "Fwd"
        c: list[  int  ]
        d: 'x' = 'y'
    return C


def ann_module_style_local():
    x: List[int] = []
    return x


def ann_lambda_defaults():
    def f(a: lambda x=1, *, y=2: x, b: lambda *a: a, c: lambda a, /, b: a) -> None:
        pass
    return f


def ann_strings_escapes():
    def f(a: "tab\there", b: "uni\u00e9", c: "back\\slash", d: "nul\x00") -> None:
        pass
    return f


def ann_fstring_edge_cases():
    def f(a: u"uni", b: f"{x=}", c: f"{x=:>5}", d: f"{ {1: 2}[1] }", e: f"a{{b}}c{d!a}", g: f'{"a" if x else "b"}', h: f"{x:{y}{z}}") -> None: pass
    return f

def ann_attribute_slice_star():
    def f(a: 1 .real, b: 1.5.real, c: 1+2j, d: -1j, e: x[1:2,], g: x[a:b, c:d], h: x[*a], i: x[*a, b]) -> None: pass
    return f

def ann_not_ifexp_lambda():
    def f(a: not not x, b: a if b else (c if d else e), c: (a if b else c) + 1, d: (a, b)[0], e: lambda: (lambda y: y), g: (lambda: 1)()) -> None: pass
    return f

def ann_string_bytes_number_reprs():
    def f(a: "\u2028\xa0\x7f\x80é", b: b"\x00\x7f\xff'", c: "'\"", d: '\\', e: "\U0001F600", g: 0o17, h: 0b101, i: 1e-5, j: 123456789012345678901234567890) -> None: pass
    return f

def ann_precedence_grouping():
    def f(a: x or (y and z), b: (x or y) and z, c: x < (y < z), d: (x < y) < z, e: -(-x), g: +x, h: (not x) + 1, i: x ** y ** z, j: (x ** y) ** z, k: x - (y + z), l: x * (y // z)) -> None: pass
    return f

def ann_unpacking_calls_comprehensions():
    def f(a: {**a, **b}, b: {1: 2, **c}, c: [*a], d: (*a, b), e: g(a)(b)[c].d, h: g(**k), i: g(*a, k=1, *b), j: (x for x in y if x if z), k: [x async for x in y]) -> None: pass
    return f

def ann_class_body_constants():
    class C:
        a: int = 1
        b: (yield_)
        c: x[()] = 1
        d: 1e400j
        e: ...
    return C
