# ast.parse/compile modes, pattern matching on nodes, user AST subclasses, line numbers of compiled trees.
import ast
t = ast.parse(b"x = 1\nprint(x)\n")
match t.body[0]:
    case ast.Assign([ast.Name(id)], ast.Constant(v)):
        print("matched", id, v)
print(ast.dump(t, annotate_fields=False))
exec(compile(ast.parse("1 + 2", mode="single"), "<i>", "single"))
exec(compile(ast.Interactive([ast.Expr(ast.Constant(7, lineno=1, col_offset=0), lineno=1, col_offset=0)]), "<i>", "single"))
try:
    ast.parse("x = (", filename="foo.py")
except SyntaxError as e:
    print(e.filename, e.lineno, e.msg)
try:
    compile(ast.parse("x"), "f", "eval")
except TypeError as e:
    print(e)
try:
    compile(ast.parse("x", mode="eval"), "f", "exec")
except TypeError as e:
    print(e)
try:
    compile(ast.parse("x"), "f", "eval", ast.PyCF_ONLY_AST)
except TypeError as e:
    print(e)
class MyNode(ast.AST):
    _fields = ("a", "b")
m = MyNode(1, b=2)
print(m.a, m.b, ast.dump(m))
e = ast.Expression(ast.BinOp(ast.Constant(2), ast.Pow(), ast.Constant(10)))
print(eval(compile(ast.fix_missing_locations(e), "e", "eval")))
print(ast.parse("x").body[0].value.ctx.__class__.__name__, ast.Load() is ast.Load())
co = compile(ast.parse("def f():\n  return 1\n\n\ndef g():\n  raise ValueError"), "<x>", "exec")
ns = {}
exec(co, ns)
print(ns["f"].__code__.co_firstlineno, ns["g"].__code__.co_firstlineno)
import traceback
try:
    ns["g"]()
except ValueError as ex:
    print(traceback.extract_tb(ex.__traceback__)[-1].lineno)
print(ast.unparse(ast.parse("x: 'int' = f'{a}{b!r}' + u'x'")))
print(repr(ast.literal_eval("-0.0")), ast.literal_eval("1e400"), ast.literal_eval("(-1) if False else 0") if False else "")

# from __future__ import annotations in a compiled tree
src = '''"""doc"""
from __future__ import annotations
def f(x: List[int], *a: 'str', y: dict[str,  int] = {}, **k: X | None) -> Tuple[int, ...]:
    z: Callable[[int], str] = 1
    return z
class C:
    v: int
'''
ns = {}
exec(compile(ast.parse(src), "<a>", "exec"), ns)
print(ns["f"].__annotations__, ns["C"].__annotations__)
t = ast.parse("def g(a: int) -> str: pass")
ns2 = {}
exec(compile(t, "<b>", "exec"), ns2)
print(ns2["g"].__annotations__)

# mode='func_type'
def _func_type():
    for s in ['(int, str) -> bool', '() -> None', '(int) -> List[int]', '(a,) -> b', 'int -> str', '(x) -> "a->b"', '(Dict[str, int], f(1, 2)) -> Tuple[int, ...]']:
        try:
            print(ast.dump(ast.parse(s, mode='func_type'), include_attributes=True))
        except SyntaxError as e:
            print('SE', e.msg)
    try:
        compile(ast.parse('() -> None', mode='func_type'), 'f', 'func_type')
    except Exception as e:
        print(type(e).__name__, e)
_func_type()
