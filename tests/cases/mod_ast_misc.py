# The ast module's helpers on top of _ast: node protocol, walking,
# source segments, literal_eval, unparse, copying and pickling.
import ast
import copy
import pickle

print(ast.Name.__doc__, ast.expr_context.__doc__, ast.arguments.__doc__)
print(ast.stmt.__doc__.splitlines()[:2])
print(ast.Constant._fields, ast.Constant.__match_args__, ast.arg._attributes, ast.comprehension._attributes)
print(ast.arg().annotation, ast.Constant().kind, ast.Name().end_lineno)
try:
    ast.Name().id
except AttributeError as e:
    print("AttributeError", e)
for args in [(1, 2, 3), (1,)]:
    try:
        print(ast.dump(ast.Name(*args)))
    except TypeError as e:
        print("TypeError", e)
try:
    ast.Pass(1)
except TypeError as e:
    print("TypeError", e)
n = ast.Name("x", ast.Load(), lineno=1, extra=5)
print(n.id, n.lineno, n.extra, n.__reduce__()[0].__name__, sorted(vars(n)))
print(isinstance(n, ast.expr), isinstance(n, ast.AST), issubclass(ast.Add, ast.operator))
print(type(ast.parse("a + b").body[0].value.op) is ast.Add)
print(ast.parse("x").body[0].value.ctx is ast.parse("y").body[0].value.ctx)

src = "def f(a, b=1):\n    '''Doc.'''\n    return a + b  # sum\n\nclass C:\n    'cdoc'\n    x = [1, 2]\n"
t = ast.parse(src)
print([type(x).__name__ for x in ast.walk(t)])
print(ast.get_docstring(t.body[0]), ast.get_docstring(t.body[1]), ast.get_docstring(t))
print(repr(ast.get_source_segment(src, t.body[0].body[1].value)))
print(repr(ast.get_source_segment(src, t.body[1], padded=True)))
print([(k, type(v).__name__) for k, v in ast.iter_fields(t.body[0].body[1])])
print([type(c).__name__ for c in ast.iter_child_nodes(t.body[0])])
ast.increment_lineno(t, 10)
print(t.body[0].lineno, t.body[1].body[1].end_lineno)

t2 = copy.deepcopy(t)
print(ast.dump(t2) == ast.dump(t))
t3 = pickle.loads(pickle.dumps(t))
print(ast.dump(t3, include_attributes=True) == ast.dump(t, include_attributes=True))

for s in ["1", "-2.5", "'s'", "b'b'", "(1, [2, {3: 4}], {5})", "None", "True", "1+2j", "-(1)", "set()"]:
    print(repr(ast.literal_eval(s)))
for bad in ["x", "f()", "1 + x", "[*a]"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print("ValueError", str(e).split(" at 0x")[0])

for s in [
    "x = (1 + 2) * 3",
    "def f(a, /, b, *c, d=1, **e) -> int:\n    return lambda x: x ** -1",
    "async def g():\n    async for i in a:\n        await b\n    async with c as d, e:\n        pass",
    "class K(A, metaclass=M):\n    @dec\n    def m(self): ...",
    "print(f'{a!r:>{w}} {b=}', 'x' 'y', rb'raw')",
    "match x:\n    case [1, *r] | {'k': v, **kw} if r:\n        pass\n    case P(a, b=c) as d:\n        pass",
    "try:\n    pass\nexcept* E as e:\n    raise X from e\nfinally:\n    del a[1:2, ::3]",
    "a = b if c else not d or e and f",
    "with (yield x) as y: global q; nonlocal r",
    "x = {**a, 'b': [i for i in c if i], 'd': {j async for j in e}}",
]:
    print(ast.unparse(ast.parse(s)))
    print("--")

class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id.startswith("v_"):
            return ast.copy_location(ast.Name(node.id[2:].upper(), node.ctx), node)
        return node

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.n = 0
    def visit_Call(self, node):
        self.n += 1
        self.generic_visit(node)

tree = Renamer().visit(ast.parse("v_a = 3\nprint(v_a * 2, len([v_a]))"))
c = Counter()
c.visit(tree)
print(c.n, ast.unparse(tree))
exec(compile(tree, "<renamed>", "exec"))
