# compile() of AST objects: parsed, transformed and hand-built trees.
import ast
src = '''
def f(a, b=2, *c, d, e=5, **g):
    """doc"""
    x = [i * 2 for i in range(a) if i]
    return (a, b, c, d, e, g, x, f"{a!r:>4}-{b}")

class C(dict, metaclass=type):
    y: int = 3
    def m(self): return self.y

try:
    raise ValueError("x")
except ValueError as err:
    print("caught", err)
finally:
    print("fin")

match {"k": [1, 2]}:
    case {"k": [1, *rest]}:
        print("match", rest)
    case _:
        print("no")

print(f(1, d=4), C().m(), -5, 2**100, 1.5e3, 3j, b"x", ..., None, (1, (2, 3)))
for i in range(3):
    if i == 1:
        continue
    elif i == 2:
        break
    print("i", i)
with open(__import__("os").devnull) as fh:
    print(len(fh.readline()) >= 0)
lam = lambda q, *r: q + len(r)
print(lam(1, 2, 3), {k: v for k, v in [(1, 2)]}, {1, 2} | {3}, not True, a if (a := 5) else 0)
'''
tree = ast.parse(src)
code = compile(tree, "<ast>", "exec")
exec(code, {"__name__": "m"})

class T(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.copy_location(ast.BinOp(node.left, ast.Mult(), node.right), node)
        return node
t = T().visit(ast.parse("print(3 + 4, 2 + 5 + 1)"))
exec(compile(t, "<t>", "exec"))
print(eval(compile(ast.Expression(ast.Constant(42, lineno=1, col_offset=0)), "<e>", "eval")))
m = ast.Module([ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("hi")], []))], [])
ast.fix_missing_locations(m)
exec(compile(m, "<m>", "exec"))
for bad in [ast.Module([ast.Expr(ast.Name("x"))], []), ast.Module([ast.Expr(value=ast.Pass())], []), ast.Expression(ast.Name("x", ast.Load())), ast.Module([ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, []), [], [], None)], [])]:
    ast.fix_missing_locations(bad)
    try:
        compile(bad, "<bad>", "exec")
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
def g():
    1/0
tree = ast.parse("def g():\n    x = 1\n    1/0\ng()")
try:
    exec(compile(tree, "<tb>", "exec"))
except ZeroDivisionError as e:
    print("line", e.__traceback__.tb_next.tb_next.tb_lineno)
print(compile(ast.parse("x"), "<s>", "exec", ast.PyCF_ONLY_AST).__class__.__name__)
