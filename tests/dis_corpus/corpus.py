"""The dis corpus: functions covering the constructs of Python 3.11, one
per construct (or combination). tests/dis_corpus/dump.py disassembles each
top-level function with CPython's own `dis` module; python3's listing is
checked in as expected.txt and compared with pyrite's by
crates/pyrite-cli/tests/dis_corpus.rs. The functions are never called.
"""

# ---- expressions: constants, names, operators -------------------------
def const_int():
    return 1

def const_big_int():
    return 12345678901234567890123

def const_negative():
    return -5

def const_float():
    return 1.5

def const_complex():
    return 2j + 1

def const_str():
    return "hello"

def const_bytes():
    return b"\x00bytes"

def const_none_true_false():
    return None, True, False

def const_ellipsis():
    return ...

def const_tuple():
    return (1, 2, 3)

def const_nested_tuple():
    return ((1, 2), ("a", None), ())

def const_frozenset_in():
    return x in {1, 2, 3}

def const_fold_arith():
    return 2 * 3 + 4 - 1

def const_fold_power():
    return 2 ** 10

def const_fold_big_power():
    return 2 ** 100

def const_fold_str_mult():
    return "ab" * 3

def const_fold_unary():
    return -(3), +4, ~5, not 1

def const_fold_shift():
    return 1 << 5, 1024 >> 3

def const_fold_division():
    return 7 / 2, 7 // 2, 7 % 3

def const_no_fold_zero_division():
    return 1 / 0

def const_tuple_subscript():
    return (1, 2, 3)[1]

def bin_add(a, b):
    return a + b

def bin_sub(a, b):
    return a - b

def bin_mul(a, b):
    return a * b

def bin_truediv(a, b):
    return a / b

def bin_floordiv(a, b):
    return a // b

def bin_mod(a, b):
    return a % b

def bin_pow(a, b):
    return a ** b

def bin_matmul(a, b):
    return a @ b

def bin_lshift(a, b):
    return a << b

def bin_rshift(a, b):
    return a >> b

def bin_and(a, b):
    return a & b

def bin_or(a, b):
    return a | b

def bin_xor(a, b):
    return a ^ b

def bin_precedence(a, b, c, d):
    return a + b * c - d / a ** b

def bin_parens(a, b, c):
    return (a + b) * (c - a)

def str_format_percent(a):
    return "%s and %d" % (a, 3)

def aug_add(a, b):
    a += b
    return a

def aug_sub(a, b):
    a -= b
    return a

def aug_mul(a, b):
    a *= b
    return a

def aug_truediv(a, b):
    a /= b
    return a

def aug_floordiv(a, b):
    a //= b
    return a

def aug_mod(a, b):
    a %= b
    return a

def aug_pow(a, b):
    a **= b
    return a

def aug_matmul(a, b):
    a @= b
    return a

def aug_shifts(a, b):
    a <<= b
    a >>= b
    return a

def aug_bitwise(a, b):
    a &= b
    a |= b
    a ^= b
    return a

def aug_attribute(o):
    o.count += 1

def aug_subscript(d, k):
    d[k] += 1

def aug_global():
    global counter
    counter += 1

def aug_slice(seq):
    seq[1:2] += [3]

def unary_neg(a):
    return -a

def unary_pos(a):
    return +a

def unary_invert(a):
    return ~a

def unary_not(a):
    return not a

def cmp_lt(a, b):
    return a < b

def cmp_le(a, b):
    return a <= b

def cmp_eq(a, b):
    return a == b

def cmp_ne(a, b):
    return a != b

def cmp_gt(a, b):
    return a > b

def cmp_ge(a, b):
    return a >= b

def cmp_is(a, b):
    return a is b

def cmp_is_not(a, b):
    return a is not b

def cmp_in(a, b):
    return a in b

def cmp_not_in(a, b):
    return a not in b

def cmp_chained(a, b, c):
    return a < b < c

def cmp_chained_long(a, b, c, d):
    return a < b <= c != d

def cmp_is_none(a):
    return a is None

def not_of_comparison(a, b):
    return not a == b

def bool_and(a, b):
    return a and b

def bool_or(a, b):
    return a or b

def bool_mixed(a, b, c):
    return a and b or c

def bool_not_and(a, b):
    return not (a and b)

def bool_in_if(a, b, c):
    if a and (b or c):
        return 1
    return 2

def bool_chain_many(a, b, c, d, e):
    return a or b or c or d or e

def ternary(a, b, c):
    return b if a else c

def ternary_nested(a, b):
    return "x" if a else "y" if b else "z"

def walrus(data):
    if (n := len(data)) > 3:
        return n
    return 0

def walrus_in_while(read):
    while chunk := read():
        print(chunk)

def attribute_load(o):
    return o.attr

def attribute_chain(o):
    return o.a.b.c

def attribute_store(o, v):
    o.attr = v

def attribute_delete(o):
    del o.attr

def subscript_load(a, i):
    return a[i]

def subscript_store(a, i, v):
    a[i] = v

def subscript_delete(a, i):
    del a[i]

def subscript_tuple_index(a):
    return a[1, 2]

def slice_simple(a):
    return a[1:2]

def slice_open(a):
    return a[:], a[1:], a[:2]

def slice_step(a):
    return a[::2], a[1:10:3]

def slice_store(a, v):
    a[1:3] = v

def slice_delete(a):
    del a[::2]

def slice_expression(a, i, j):
    return a[i + 1:j - 1]

def slice_ellipsis(a):
    return a[..., 0]

def slice_multi(a):
    return a[1:2, ::3]
# ---- displays, unpacking, calls -------------------------------------------
def list_display(a, b):
    return [a, b, 1]

def list_const_display():
    return [1, 2, 3, 4]

def list_empty():
    return []

def tuple_display(a, b):
    return (a, b)

def set_display(a, b):
    return {a, b}

def set_const_display():
    return {1, 2, 3}

def dict_display(a, b):
    return {"a": a, "b": b}

def dict_const_keys(a, b, c):
    return {"x": a, "y": b, "z": c}

def dict_empty():
    return {}

def dict_large(v):
    return {1: v, 2: v, 3: v, 4: v, 5: v, 6: v, 7: v, 8: v, 9: v, 10: v, 11: v, 12: v, 13: v, 14: v, 15: v, 16: v, 17: v, 18: v}

def list_large(v):
    return [v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v]

def star_list(a, b):
    return [*a, *b, 1]

def star_tuple(a):
    return (*a, 2)

def star_set(a, b):
    return {*a, b}

def dict_unpack(a, b):
    return {**a, "k": 1, **b}

def unpack_tuple(t):
    a, b = t
    return a + b

def unpack_nested(t):
    (a, b), c = t
    return a, b, c

def unpack_star(seq):
    first, *rest = seq
    return first, rest

def unpack_star_middle(seq):
    a, *mid, z = seq
    return mid

def unpack_swap(a, b):
    a, b = b, a
    return a, b

def unpack_rotate(a, b, c):
    a, b, c = c, a, b
    return a

def unpack_into_attrs(o, t):
    o.x, o.y = t

def chained_assignment(v):
    a = b = c = v
    return a, b, c

def call_no_args(f):
    return f()

def call_positional(f, a, b):
    return f(a, b, 3)

def call_keyword(f, a):
    return f(a, key=1, other="x")

def call_star(f, args):
    return f(*args)

def call_star_star(f, kwargs):
    return f(**kwargs)

def call_mixed_star(f, a, args, kwargs):
    return f(a, *args, b=2, **kwargs)

def call_two_stars(f, a, b):
    return f(*a, *b)

def call_two_double_stars(f, a, b):
    return f(**a, **b)

def call_method(o, x):
    return o.method(x)

def call_method_keyword(o, x):
    return o.method(x, flag=True)

def call_nested(f, g, h, x):
    return f(g(h(x)))

def call_builtin(x):
    return len(x) + abs(x[0])

def call_chain(o):
    return o.a().b().c()

def call_on_subscript(fs, i):
    return fs[i](i)

def call_many_args(f):
    return f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)

def call_kw_only_many(f):
    return f(a=1, b=2, c=3, d=4, e=5)

def call_global_function(x):
    return helper(x)

def call_print():
    print("a", "b", sep="-", end="")

# ---- strings and f-strings ---------------------------------------------
def fstring_simple(name):
    return f"hello {name}"

def fstring_repr(x):
    return f"{x!r}"

def fstring_str_ascii(x):
    return f"{x!s} {x!a}"

def fstring_format_spec(x):
    return f"{x:>10}"

def fstring_nested_spec(x, width):
    return f"{x:{width}.{2}f}"

def fstring_multiple(a, b, c):
    return f"{a}-{b}-{c}!"

def fstring_only_expr(a):
    return f"{a}"

def fstring_debug(x):
    return f"{x=}"

def fstring_expression(a, b):
    return f"{a + b} and {a * 2:04d}"

def fstring_empty():
    return f""

def fstring_constant_only():
    return f"no fields"

def string_concat_implicit():
    return "abc" "def"

def string_join(items):
    return ", ".join(items)

def bytes_concat():
    return b"ab" b"cd"

def string_subscript(s):
    return s[0], s[-1]

def string_method_chain(s):
    return s.strip().lower().split(",")
# ---- statements and control flow -----------------------------------------
def empty_pass():
    pass

def only_docstring():
    "A docstring."

def docstring_and_body(x):
    """Doc."""
    return x

def return_none():
    return

def implicit_return(x):
    x = 1

def if_simple(x):
    if x:
        return 1

def if_else(x):
    if x:
        return 1
    else:
        return 2

def if_elif_else(x):
    if x == 1:
        y = "one"
    elif x == 2:
        y = "two"
    elif x == 3:
        y = "three"
    else:
        y = "many"
    return y

def if_not(x):
    if not x:
        return 0
    return x

def if_constant_true():
    if True:
        return 1
    return 2

def if_constant_false():
    if 0:
        return 1
    return 2

def if_nested(a, b):
    if a:
        if b:
            return 1
        return 2
    return 3

def if_compare_chain(a, b, c):
    if a < b < c:
        return True
    return False

def if_is_none(x):
    if x is None:
        x = []
    return x

def if_is_not_none(x):
    if x is not None:
        return x
    return 0

def while_loop(n):
    total = 0
    while n > 0:
        total += n
        n -= 1
    return total

def while_true_break(it):
    while True:
        x = next(it)
        if x:
            break
    return x

def while_continue(n):
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        print(i)

def while_else(n):
    while n:
        n -= 1
        if n == 5:
            break
    else:
        return "done"
    return "broke"

def for_loop(items):
    for x in items:
        print(x)

def for_range(n):
    total = 0
    for i in range(n):
        total += i
    return total

def for_unpack(pairs):
    for a, b in pairs:
        print(a, b)

def for_else(items, target):
    for x in items:
        if x == target:
            break
    else:
        return None
    return x

def for_continue_break(items):
    for x in items:
        if x < 0:
            continue
        if x > 100:
            break
        print(x)

def for_nested(rows):
    for row in rows:
        for cell in row:
            print(cell)

def for_enumerate(items):
    for i, x in enumerate(items):
        print(i, x)

def for_zip(a, b):
    for x, y in zip(a, b):
        print(x + y)

def for_return_inside(items):
    for x in items:
        if x:
            return x
    return None

def for_attribute_target(o, items):
    for o.value in items:
        pass

def for_subscript_target(d, items):
    for d["k"] in items:
        pass

def for_star_target(items):
    for first, *rest in items:
        print(first, rest)

def assert_simple(x):
    assert x

def assert_message(x):
    assert x > 0, "x must be positive"

def assert_message_expr(x):
    assert isinstance(x, int), f"bad {x!r}"

def delete_local(x):
    del x

def delete_multiple(a, b):
    del a, b

def delete_global():
    global g
    del g

def global_read():
    return some_global

def global_write():
    global some_global
    some_global = 1

def import_simple():
    import os
    return os

def import_dotted():
    import os.path
    return os.path

def import_as():
    import collections.abc as cabc
    return cabc

def from_import():
    from os import path, sep
    return path, sep

def from_import_as():
    from os import path as p
    return p

def from_import_relative():
    from . import sibling
    return sibling

def from_import_relative_module():
    from ..pkg.mod import thing
    return thing

def pass_in_loop(items):
    for _ in items:
        pass

def ellipsis_body():
    ...

def multiple_returns(x):
    if x > 0:
        return "positive"
    if x < 0:
        return "negative"
    return "zero"

def long_function(a):
    b = a + 1
    c = b * 2
    d = c - 3
    e = d // 4
    f = e % 5
    g = f ** 2
    h = g << 1
    i = h >> 1
    j = i & 7
    k = j | 8
    l = k ^ 9
    return [a, b, c, d, e, f, g, h, i, j, k, l]

def many_locals():
    a0 = 0; a1 = 1; a2 = 2; a3 = 3; a4 = 4; a5 = 5; a6 = 6; a7 = 7
    return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7

def lines_with_semicolons(x):
    y = x; z = y; return z

def multiline_expression(a, b, c):
    return (a
            + b
            + c)

def multiline_call(f, a, b):
    return f(
        a,
        b,
    )

def large_jump(x):
    if x:
        x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1
        x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1
        x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1
        x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1
        x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1
        x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1
        x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1
        x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1; x = x + 1
    return x

def many_constants():
    return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
            "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
            1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0]
# ---- functions: defaults, closures, lambdas, generators ----------------
def fn_defaults(a, b=1, c="x"):
    return a, b, c

def fn_kwonly(a, *, b, c=3):
    return a, b, c

def fn_posonly(a, b, /, c):
    return a, b, c

def fn_all_kinds(a, /, b, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs

def fn_varargs(*args):
    return args

def fn_varkw(**kwargs):
    return kwargs

def fn_annotations(a: int, b: "str" = "") -> bool:
    return True

def fn_local_annotation():
    x: int = 1
    y: str
    return x

def nested_def():
    def inner(x):
        return x * 2
    return inner

def nested_def_with_defaults(d):
    def inner(x=d, *, y=d):
        return x + y
    return inner

def closure_read(x):
    def inner():
        return x
    return inner

def closure_write():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

def closure_two_levels(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle

def closure_cell_arg(a):
    def inner():
        return a
    a = a + 1
    return inner

def closure_loop_variable(items):
    fns = []
    for x in items:
        fns.append(lambda: x)
    return fns

def closure_class_in_function(v):
    class Local:
        attr = v
        def method(self):
            return v
    return Local

def closure_del_cell():
    x = 1
    def inner():
        return x
    del x
    return inner

def lambda_simple():
    return lambda x: x + 1

def lambda_defaults():
    return lambda x, y=2, *a, z=3, **k: (x, y, a, z, k)

def lambda_closure(n):
    return lambda x: x * n

def lambda_no_args():
    return lambda: 42

def lambda_nested():
    return lambda x: lambda y: x + y

def gen_simple():
    yield 1
    yield 2

def gen_loop(n):
    for i in range(n):
        yield i * i

def gen_send():
    received = yield "ready"
    while received:
        received = yield received * 2

def gen_return_value():
    yield 1
    return "done"

def gen_yield_from(inner):
    result = yield from inner
    return result

def gen_yield_in_expression():
    x = (yield) + 1
    return x

def gen_empty_yield():
    yield

def gen_try_finally():
    try:
        yield 1
    finally:
        print("cleanup")

def gen_expression(items):
    return (x * 2 for x in items)

def gen_expression_filter(items):
    return (x for x in items if x)

def gen_expression_in_call(items):
    return sum(x for x in items)

def gen_with_closure(factor):
    def gen(items):
        for x in items:
            yield x * factor
    return gen

# ---- comprehensions ---------------------------------------------------
def listcomp(items):
    return [x for x in items]

def listcomp_expr(items):
    return [x * x + 1 for x in items]

def listcomp_filter(items):
    return [x for x in items if x > 0]

def listcomp_two_filters(items):
    return [x for x in items if x if x % 2]

def listcomp_nested(rows):
    return [c for row in rows for c in row]

def listcomp_nested_filter(rows):
    return [c for row in rows if row for c in row if c]

def listcomp_unpack(pairs):
    return [a + b for a, b in pairs]

def listcomp_closure(items, n):
    return [x + n for x in items]

def listcomp_in_comprehension(m):
    return [[x * y for x in range(3)] for y in m]

def setcomp(items):
    return {x % 3 for x in items}

def dictcomp(items):
    return {k: v for k, v in items}

def dictcomp_filter(d):
    return {k: v * 2 for k, v in d.items() if v}

def comprehension_walrus(items):
    return [y for x in items if (y := x * 2) > 3]

def comprehension_with_call(items):
    return [str(x) for x in sorted(items)]

def comprehension_nested_genexp(rows):
    return [sum(x for x in row) for row in rows]

def comprehension_uses_self_attr(self):
    return [self.scale * x for x in self.items]

def comprehension_star_target(items):
    return [rest for first, *rest in items]
# ---- async ---------------------------------------------------------------
async def async_simple():
    return 1

async def async_await(aw):
    return await aw

async def async_await_twice(a, b):
    x = await a
    y = await b
    return x + y

async def async_for(aiter):
    async for x in aiter:
        print(x)

async def async_for_else(aiter):
    async for x in aiter:
        if x:
            break
    else:
        return 0
    return x

async def async_with(cm):
    async with cm as value:
        return value

async def async_with_no_target(cm):
    async with cm:
        print("inside")

async def async_with_multiple(a, b):
    async with a as x, b as y:
        return x, y

async def async_generator():
    yield 1
    yield 2

async def async_generator_await(aw):
    x = await aw
    yield x

async def async_comprehension(aiter):
    return [x async for x in aiter]

async def async_comprehension_await(items):
    return [await x for x in items]

async def async_genexp(aiter):
    return (x async for x in aiter)

async def async_setcomp(aiter):
    return {x async for x in aiter}

async def async_dictcomp(aiter):
    return {k: v async for k, v in aiter}

async def async_try(aw):
    try:
        return await aw
    except ValueError:
        return None
    finally:
        print("done")

async def async_closure(aw):
    async def inner():
        return await aw
    return inner

async def async_lambda_call(f):
    return await f(lambda: 1)

async def async_nested_for(a, b):
    async for x in a:
        async for y in b:
            print(x, y)

async def async_with_in_for(aiter, cm):
    async for x in aiter:
        async with cm:
            print(x)

# ---- classes and decorators ------------------------------------------
def class_empty():
    class Empty:
        pass
    return Empty

def class_with_docstring():
    class Documented:
        """The doc."""
    return Documented

def class_with_methods():
    class Point:
        def __init__(self, x, y):
            self.x = x
            self.y = y

        def norm(self):
            return (self.x ** 2 + self.y ** 2) ** 0.5
    return Point

def class_bases(Base, Mixin):
    class Child(Base, Mixin):
        pass
    return Child

def class_keywords(Meta):
    class WithMeta(metaclass=Meta, flag=True):
        pass
    return WithMeta

def class_star_bases(bases, kw):
    class Dynamic(*bases, **kw):
        pass
    return Dynamic

def class_super():
    class Child(dict):
        def __init__(self):
            super().__init__()
            self.extra = 1

        def keys(self):
            return super().keys()
    return Child

def class_super_explicit(Base):
    class Child(Base):
        def run(self):
            return super(Child, self).run()
    return Child

def class_classmethod_staticmethod():
    class Tools:
        @classmethod
        def make(cls):
            return cls()

        @staticmethod
        def helper(x):
            return x
    return Tools

def class_property():
    class Box:
        def __init__(self):
            self._v = 0

        @property
        def value(self):
            return self._v

        @value.setter
        def value(self, v):
            self._v = v
    return Box

def class_attributes():
    class Config:
        name = "cfg"
        items = [1, 2, 3]
        table = {k: k * 2 for k in items}
    return Config

def class_annotations():
    class Typed:
        x: int
        y: str = "y"
    return Typed

def class_slots():
    class Slotted:
        __slots__ = ("a", "b")
    return Slotted

def class_private_names():
    class Private:
        __secret = 1

        def get(self):
            return self.__secret + self.__other

        def __dunder__(self):
            return 0
    return Private

def class_nested():
    class Outer:
        class Inner:
            value = 1
        ref = Inner
    return Outer

def class_closure_over_class_var():
    class C:
        x = 1
        def f(self):
            return __class__
    return C

def class_decorated(deco):
    @deco
    class Decorated:
        pass
    return Decorated

def decorator_simple(deco):
    @deco
    def f():
        pass
    return f

def decorator_stacked(d1, d2, d3):
    @d1
    @d2
    @d3
    def f():
        pass
    return f

def decorator_with_args(deco):
    @deco(1, key="v")
    def f():
        pass
    return f

def decorator_attribute(mod):
    @mod.wraps(print)
    def f():
        pass
    return f

def decorator_expression(decos):
    @decos[0]
    def f():
        pass
    return f

def class_method_with_defaults():
    class K:
        def m(self, a=1, *, b=2):
            return a + b
    return K

def class_dunder_methods():
    class Num:
        def __add__(self, other):
            return Num()

        def __eq__(self, other):
            return True

        def __hash__(self):
            return 0

        def __iter__(self):
            yield self
    return Num

def class_in_class_method():
    class A:
        def make(self):
            class B:
                pass
            return B
    return A
# ---- exceptions ------------------------------------------------------------
def try_except(f):
    try:
        f()
    except ValueError:
        return 1

def try_except_as(f):
    try:
        f()
    except ValueError as e:
        return str(e)

def try_except_tuple(f):
    try:
        f()
    except (ValueError, TypeError) as e:
        return e

def try_except_multiple(f):
    try:
        f()
    except ValueError:
        return 1
    except TypeError as e:
        return 2
    except Exception:
        return 3

def try_except_bare(f):
    try:
        f()
    except:
        return "anything"

def try_except_else(f):
    try:
        x = f()
    except KeyError:
        return None
    else:
        return x

def try_finally(f):
    try:
        return f()
    finally:
        print("finally")

def try_except_finally(f):
    try:
        f()
    except ValueError:
        print("error")
    finally:
        print("always")

def try_except_else_finally(f):
    try:
        x = f()
    except ValueError:
        x = 0
    else:
        x += 1
    finally:
        print(x)
    return x

def try_nested(f, g):
    try:
        try:
            f()
        except ValueError:
            g()
    except TypeError:
        return 1

def try_in_loop(items):
    for x in items:
        try:
            print(1 / x)
        except ZeroDivisionError:
            continue

def try_break_in_finally_loop(items):
    for x in items:
        try:
            if x:
                break
        finally:
            print(x)

def try_return_in_finally():
    try:
        return 1
    finally:
        print("f")

def try_continue_in_try(items):
    for x in items:
        try:
            continue
        finally:
            print(x)

def try_except_reraise(f):
    try:
        f()
    except ValueError:
        print("log")
        raise

def raise_simple():
    raise ValueError

def raise_instance():
    raise ValueError("bad")

def raise_from(e):
    raise RuntimeError("wrapped") from e

def raise_from_none():
    raise KeyError("k") from None

def raise_bare():
    raise

def try_except_name_deleted(f):
    try:
        f()
    except Exception as e:
        pass
    return 0

def try_except_return_e(f):
    try:
        f()
    except Exception as err:
        return err.args

def try_star(f):
    try:
        f()
    except* ValueError:
        print("value errors")

def try_star_as(f):
    try:
        f()
    except* ValueError as eg:
        print(eg.exceptions)
    except* TypeError as eg:
        print("type", eg)

def try_star_finally(f):
    try:
        f()
    except* OSError:
        pass
    finally:
        print("end")

def try_star_else(f):
    try:
        f()
    except* KeyError:
        r = 1
    else:
        r = 2
    return r

def try_except_in_except(f, g):
    try:
        f()
    except ValueError:
        try:
            g()
        except TypeError:
            print("inner")

def try_in_generator(items):
    for x in items:
        try:
            yield x
        except GeneratorExit:
            return

# ---- with -------------------------------------------------------------
def with_simple(cm):
    with cm:
        print("in")

def with_as(path):
    with open(path) as f:
        return f.read()

def with_multiple(a, b):
    with a as x, b as y:
        print(x, y)

def with_nested(a, b):
    with a:
        with b:
            pass

def with_tuple_target(cm):
    with cm as (a, b):
        return a + b

def with_return_inside(cm):
    with cm as v:
        return v

def with_break_in_loop(cm, items):
    for x in items:
        with cm:
            if x:
                break

def with_continue_in_loop(cm, items):
    for x in items:
        with cm:
            if x:
                continue
            print(x)

def with_in_try(cm):
    try:
        with cm:
            raise ValueError
    except ValueError:
        return 1

def with_attribute_target(o, cm):
    with cm as o.attr:
        pass

def with_parenthesized(a, b):
    with (a as x, b as y):
        return x, y
# ---- match -----------------------------------------------------------------
def match_literal(x):
    match x:
        case 1:
            return "one"
        case "two":
            return 2
        case None:
            return "none"
        case True:
            return "true"

def match_capture(x):
    match x:
        case y:
            return y

def match_wildcard(x):
    match x:
        case 0:
            return "zero"
        case _:
            return "other"

def match_or(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case _:
            return "big"

def match_sequence(x):
    match x:
        case [a, b]:
            return a + b
        case [a, b, c]:
            return a + b + c

def match_sequence_star(x):
    match x:
        case [first, *rest]:
            return first, rest
        case []:
            return None

def match_sequence_star_middle(x):
    match x:
        case [a, *_, z]:
            return a, z

def match_tuple_pattern(x):
    match x:
        case (1, y):
            return y

def match_mapping(x):
    match x:
        case {"kind": "point", "x": px, "y": py}:
            return px, py
        case {"kind": k}:
            return k

def match_mapping_rest(x):
    match x:
        case {"a": 1, **rest}:
            return rest

def match_class(x):
    match x:
        case int():
            return "int"
        case str() | bytes():
            return "text"

def match_class_positional(Point, x):
    match x:
        case Point(0, 0):
            return "origin"
        case Point(px, 0):
            return px

def match_class_keyword(Point, x):
    match x:
        case Point(x=0, y=yy):
            return yy

def match_guard(x):
    match x:
        case [a, b] if a > b:
            return a
        case [a, b]:
            return b

def match_as(x):
    match x:
        case [1, 2] as whole:
            return whole
        case (int() | float()) as number:
            return number

def match_value_pattern(x, Color):
    match x:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"

def match_nested(x):
    match x:
        case {"items": [{"id": ident}, *_]}:
            return ident
        case [[a], [b]]:
            return a, b

def match_negative_and_complex(x):
    match x:
        case -1:
            return "minus one"
        case 1 + 2j:
            return "complex"

def match_in_loop(items):
    for item in items:
        match item:
            case 0:
                continue
            case 1:
                break
            case _:
                print(item)

def match_or_capture(x):
    match x:
        case [a] | (a, 0):
            return a

def match_no_default_fallthrough(x):
    match x:
        case 1:
            y = 1
        case 2:
            y = 2
    return 0

def match_subject_expression(a, b):
    match a + b:
        case 3:
            return True
    return False

def match_string_sequence_excluded(x):
    match x:
        case [*chars]:
            return chars
        case str(s):
            return s
# ---- scopes and miscellany ------------------------------------------
def scope_global_and_local():
    global shared
    shared = 1
    local = shared + 1
    return local

def scope_nonlocal_nested():
    a = 1
    def f():
        nonlocal a
        def g():
            nonlocal a
            a += 1
        g()
        return a
    return f

def scope_free_in_comprehension(n):
    return [lambda: n for _ in range(3)]

def scope_class_body_name():
    x = "outer"
    class C:
        x = "inner"
        y = x
    return C

def scope_locals_call():
    a = 1
    return locals()

def scope_builtins():
    return len, print, range, isinstance

def scope_unbound_local():
    print(x)
    x = 1

def generator_in_class():
    class G:
        def __iter__(self):
            yield from range(3)
    return G

def big_tuple_unpack(t):
    a, b, c, d, e, f, g, h = t
    return h

def augassign_in_loop(items):
    total = 0
    for x in items:
        total += x * 2
    return total

def return_tuple_of_calls(f):
    return f(1), f(2), f(3)

def conditional_import(flag):
    if flag:
        import json
    else:
        json = None
    return json

def swap_via_temp(a, b):
    t = a
    a = b
    b = t
    return a, b

def nested_functions_and_calls(x):
    def a(y):
        return b(y) + 1
    def b(y):
        return y * 2
    return a(x)

def recursion(n):
    if n <= 1:
        return 1
    return n * recursion(n - 1)

def kwargs_in_call_with_star(f, a):
    return f(*a, sep=" ")

def print_stmt_like(a, b):
    print(a, b, end="\n")

def exec_eval_calls(code):
    exec(code)
    return eval(code)

def boolean_return(x):
    return x is not None and x > 0

def string_formatting_methods(name, n):
    return "{} has {:d}".format(name, n)

def isinstance_check(x):
    if isinstance(x, (int, float)):
        return "number"
    return "other"

def dict_get_default(d, k):
    return d.get(k, 0) + 1

def list_methods(lst):
    lst.append(1)
    lst.extend([2, 3])
    lst.sort(reverse=True)
    return lst.pop()

def nested_data_literal():
    return {"a": [1, 2, {"b": (3, 4)}], "c": {5, 6}}

def negative_index(seq):
    return seq[-1] + seq[-2]

def in_place_list_ops(a):
    a[0], a[1] = a[1], a[0]
    return a

def compare_strings(a):
    return a == "yes" or a == "y"

def loop_with_else_and_try(items):
    for x in items:
        try:
            if x:
                break
        except ValueError:
            pass
    else:
        return False
    return True

def yield_inside_with(cm):
    with cm:
        yield 1

def yield_inside_try_except():
    try:
        yield 1
    except ValueError:
        yield 2

def await_in_comprehension_condition():
    async def f(items, pred):
        return [x for x in items if await pred(x)]
    return f

def deeply_nested_expression(a):
    return ((((a + 1) * 2) - 3) / 4) ** 5

def star_args_and_default_lambda():
    return lambda *args, **kwargs: (args, kwargs)

def walrus_comprehension_scope(items):
    total = 0
    [total := total + x for x in items]
    return total

def conditional_expression_in_call(f, x):
    return f(1 if x else 2)

def assert_in_loop(items):
    for x in items:
        assert x, x

def empty_return_in_generator():
    yield 1
    return

def del_subscript_slice(a):
    del a[0], a[1:2]

def fstring_in_loop(items):
    for x in items:
        print(f"{x:>3}|")

def global_function_call_twice():
    helper()
    helper()

def attribute_augassign_chain(o):
    o.a.b += 1

def lambda_in_default(f=lambda: 0):
    return f()

def keyword_only_default_expr(*, a=1 + 2):
    return a

def positional_defaults_exprs(a=[], b={}, c=()):
    return a, b, c

def generator_closure_yield_from(items):
    def g():
        yield from items
    return g

def unpack_in_return(a):
    return *a, 1

def starred_assignment_to_list(seq):
    [a, b, *c] = seq
    return c

def comparison_results_in_list(a, b):
    return [a < b, a == b, a > b]

def bitwise_mix(a, b, c):
    return a & b | c ^ ~a

def constant_string_multiline():
    return """line one
line two"""

def bytes_and_str_mix(b, s):
    return b.decode() + s

def nested_ternary_in_comprehension(items):
    return ["even" if x % 2 == 0 else "odd" for x in items]

def try_except_in_comprehension_call(f, items):
    try:
        return [f(x) for x in items]
    except Exception:
        return []

def while_with_complex_condition(a, b):
    while a and not b:
        a -= 1
    return a

def for_over_dict_items(d):
    for key, value in d.items():
        print(key, value)

def return_lambda_with_closure_default(n):
    return lambda x, n=n: x + n

def chained_method_with_args(s):
    return s.replace("a", "b").split(",", 1)[0].strip()

def if_with_walrus_and_call(f):
    if (result := f()) is not None:
        return result
    return 0

def many_nested_blocks(items):
    for x in items:
        if x:
            while x:
                try:
                    with x:
                        x -= 1
                except Exception:
                    break
    return None

# ---- edge cases: folding, dead code, extended args, scopes ---------------
def star_subscript(a, b):
    return a[*b]

def star_subscript_store(a, b, v):
    a[*b, 1] = v

def lambda_kwonly():
    return lambda *, k=1: k

def yield_in_lambda():
    return lambda: (yield)

def genexp_nested_two_fors(rows):
    return (c for r in rows for c in r if c)

def comp_in_class_body():
    class C:
        xs = [1, 2]
        ys = [x for x in xs]
    return C

def fstring_nested_quotes(d):
    return f"{d['k']!r:>{10}}"

def fstring_multiline(a):
    return f"""
    {a}
    """

def long_string_constant():
    return "x" * 5000

def fold_tuple_big():
    return (1,) * 30

def const_fold_nested():
    return -(-(1))

def not_not(x):
    return not not x

def if_not_and(a, b):
    if not (a and b):
        return 1

def while_false():
    while False:
        print(1)
    return 2

def while_1():
    while 1:
        pass

def if_else_expression_const():
    return 1 if True else 2

def return_in_while_true(f):
    while True:
        if f():
            return 1

def nested_try_finally_return():
    try:
        try:
            return 1
        finally:
            print(2)
    finally:
        print(3)

def with_in_with_return(a, b):
    with a:
        with b:
            return 1

def for_in_tuple_const(x):
    for i in (1, 2, 3):
        x += i
    return x

def for_in_list_const(x):
    for i in [1, 2, 3]:
        x += i
    return x

def in_list_const(x):
    return x in [1, 2, 3]

def in_set_const_strings(x):
    return x not in {"a"}

def compare_chain_in_if(a, b, c):
    if a < b > c:
        return 1
    return 0

def assert_false():
    assert False, "never"

def global_in_nested():
    def f():
        global gg
        gg = 1
    return f

def class_with_global():
    class C:
        global cg
        cg = 1
    return C

def class_nonlocal():
    v = 1
    class C:
        nonlocal v
        v = 2
    return v

def match_mapping_values(x):
    match x:
        case {1: a, "b": b, None: c}:
            return a

def match_class_attrs(x):
    match x:
        case object(__class__=c):
            return c

def match_singleton_false(x):
    match x:
        case False:
            return 0

def match_star_wildcard_only(x):
    match x:
        case [*_]:
            return 1

def match_long_or(x):
    match x:
        case [1, a] | [2, a] | [3, a] | {"a": a}:
            return a

def match_guard_with_walrus(x):
    match x:
        case [a] if (b := a * 2) > 2:
            return b

def try_except_star_nested(f):
    try:
        try:
            f()
        except* ValueError:
            pass
    except* TypeError:
        pass

def complex_slice_assign(a, b):
    a[b:][::-1] = b

def await_in_fstring():
    async def f(x):
        return f"{await x}"
    return f

def async_gen_asend():
    async def g():
        x = yield 1
        await x
    return g

def async_for_in_comprehension_nested():
    async def g(a, b):
        return [x async for x in a for y in b]
    return g

def super_no_args_in_nested_function():
    class C:
        def m(self):
            def inner():
                return __class__
            return super().m(), inner
    return C

def big_dict_literal_nonconst(a):
    return {a: 1, "b": a, 3: a}

def dict_literal_const_keys_many(a):
    return {"a": a, "b": a, "c": a, "d": a, "e": a, "f": a, "g": a, "h": a, "i": a, "j": a, "k": a, "l": a, "m": a, "n": a, "o": a, "p": a, "q": a}

def set_literal_many():
    return {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}

def list_literal_strings():
    return ["a", "b", "c"]

def extended_arg_jump(x):
    if x:
        [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]
        print(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x(x))))))))))))))))))))))))))))
    return x

def many_names():
    import a1, a2, a3, a4, a5, a6, a7, a8, a9, a10
    return a1, a2

def unreachable_after_return():
    return 1
    print("never")

def unreachable_after_raise():
    raise ValueError
    x = 1

def code_after_break(items):
    for x in items:
        break
        print(x)

def empty_loop_body(items):
    for x in items:
        ...

def del_in_except(f):
    try:
        f()
    except Exception as e:
        del e

def return_in_except_finally(f):
    try:
        f()
    except Exception:
        return 1
    finally:
        return 2

def lambda_default_closure(n):
    return lambda x=n: (lambda: x + n)

def annotated_assign_attr(o):
    o.x: int = 1
    o.y: int

def annotated_subscript(d):
    d["k"]: int = 1

def dotted_class_names():
    class A:
        class B:
            def m(self):
                class C:
                    pass
                return C
    return A

def string_with_escapes():
    return "tab\t nl\n q\" bs\\ uni\u00e9 \x00"

def bytes_with_high():
    return b"\xff\xfe"

def int_edge_consts():
    return 2**63, -2**63, 2**31, 255, 256, 257, -5, -6

def float_edge_consts():
    return 0.0, -0.0, 1e308, 1e-308, float("inf")

def complex_consts():
    return 1j, -1j, 0j, 1+0j

# ---- known differences (see DIFFERENCES) -------------------------------
def const_str_frozenset_in(x):
    return x in {"red", "green", "blue", "alpha", "beta"}

def const_lone_surrogate():
    return "\ud800"
