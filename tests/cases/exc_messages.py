# Common error messages: each expression is evaluated and the error printed.
class A:
    pass
a = A()
none = None
num = 5
text = "abc"
lst = [1, 2, 3]
dct = {"k": 1}
tests = [
    "1 + 'a'", "'a' + 1", "[1] + (1,)", "1 - 'a'", "'a' * 'b'", "None + None", "[] * []", "{} + {}", "1 < 'a'", "-'a'", "~1.5",
    "none[0]", "num[0]", "num()", "text()", "len(num)", "iter(num)", "next(lst)", "hash(lst)", "text[10]", "lst[10]", "lst['x']",
    "dct['missing']", "dct[[1]]", "a.y", "A.y", "none.foo", "num.foo", "text.foo", "undefined_name", "int('x')", "int('1.5')",
    "float('abc')", "lst.index(9)", "lst.remove(9)", "text.index('z')", "[].pop()", "{}.popitem()", "set().pop()", "divmod(1, 0)",
    "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "2 ** -1 % 0", "int(None)", "list(5)", "tuple(None)", "dict(5)", "set(1)", "abs('x')",
    "ord('ab')", "chr(-1)", "range('a')", "sorted([1, 'a'])", "max()", "min([])", "sum(['a'])", "getattr(a, 'zz')", "'%d' % 'x'",
    "'{0}'.format()", "text.join([1])", "text + None", "str.upper(5)", "(1, 2)[5]", "(1, 2).x", "object().__dict__", "a()",
    "A(1)", "lst.append()", "lst.append(1, 2)", "dct.get()", "isinstance(1, 2)", "int.from_bytes(1)", "bytes('x')", "b'a' + 'b'",
    "'a' in 1", "1 in 'a'", "'%s %s' % (1,)", "frozenset().add", "print(sep=1)", "[1, 2, 3][1:2:0]", "memoryview(1)",
    "(lambda x: x)()", "(lambda: 1)(2)", "(lambda *, k: k)()", "type('X', 1, {})", "super()", "compile('1', 'f', 'bad')",
]
for src in tests:
    try:
        r = eval(src)
        print(f"{src:28} -> no error: {r!r}")
    except Exception as e:
        print(f"{src:28} -> {type(e).__name__}: {e}")
