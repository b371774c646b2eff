# compile() of malformed AST objects: CPython's validation errors.
import ast
def L(n):
    return ast.fix_missing_locations(n)
N = lambda i, c=None: ast.Name(i, c or ast.Load())
cases = {
 "store-load": ast.Module([ast.Assign([N("x")], ast.Constant(1))], []),
 "load-store": ast.Module([ast.Expr(N("x", ast.Store()))], []),
 "del": ast.Module([ast.Delete([N("x", ast.Store())])], []),
 "starred-alone": ast.Module([ast.Expr(ast.Starred(N("x"), ast.Load()))], []),
 "slice-alone": ast.Module([ast.Expr(ast.Slice())], []),
 "yield-top": ast.Module([ast.Expr(ast.Yield())], []),
 "await-top": ast.Module([ast.Expr(ast.Await(N("x")))], []),
 "break-top": ast.Module([ast.Break()], []),
 "return-top": ast.Module([ast.Return()], []),
 "empty-body": ast.Module([ast.If(N("x"), [], [])], []),
 "fv-alone": ast.Module([ast.Expr(ast.FormattedValue(ast.Constant(1), -1, None))], []),
 "const-list": ast.Module([ast.Expr(ast.Constant([1]))], []),
 "assign-const": ast.Module([ast.Assign([ast.Constant(1)], ast.Constant(1))], []),
 "lambda-stmt": ast.Module([ast.Expr(ast.Lambda(ast.arguments([], [], None, [], [], None, []), ast.Pass()))], []),
 "bad-op": ast.Module([ast.Expr(ast.BinOp(ast.Constant(1), ast.Load(), ast.Constant(2)))], []),
 "name-None": ast.Module([ast.Expr(N("None"))], []),
 "neg-level": ast.Module([ast.ImportFrom("x", [ast.alias("y")], -1)], []),
 "body-not-list": ast.Module(5, []),
 "wrong-root": ast.Expression(ast.Constant(1)),
 "global-param": ast.Module([ast.FunctionDef("f", ast.arguments([], [ast.arg("a")], None, [], [], None, []), [ast.Global(["a"])], [], None)], []),
 "neg-lineno": ast.Module([ast.Expr(ast.Constant(1, lineno=-5, col_offset=-3))], []),
 "huge-col": ast.Module([ast.Expr(ast.Constant(1, lineno=1, col_offset=10**6))], []),
 "end-before-start": ast.Module([ast.Expr(ast.Constant(1, lineno=5, col_offset=3, end_lineno=1, end_col_offset=0), lineno=5, col_offset=3, end_lineno=1, end_col_offset=0)], []),
 "starred-assign2": ast.Module([ast.Assign([ast.Tuple([ast.Starred(N("a", ast.Store()), ast.Store()), ast.Starred(N("b", ast.Store()), ast.Store())], ast.Store())], N("c"))], []),
 "dict-mismatch": ast.Module([ast.Expr(ast.Dict([None], []))], []),
 "match-empty": ast.Module([ast.Match(N("x"), [])], []),
 "try-empty": ast.Module([ast.Try([ast.Pass()], [], [], [])], []),
 "nonlocal-top": ast.Module([ast.Nonlocal(["x"])], []),
 "string-id": ast.Module([ast.Expr(ast.Name(5, ast.Load()))], []),
 "cmp-mismatch": ast.Module([ast.Expr(ast.Compare(N("a"), [ast.Eq()], []))], []),
 "kwdefaults": ast.Module([ast.FunctionDef("f", ast.arguments([], [], None, [ast.arg("a")], [], None, []), [ast.Pass()], [], None)], []),
 "matchsingleton": ast.Module([ast.Match(N("x"), [ast.match_case(ast.MatchSingleton(5), None, [ast.Pass()])])], []),
 "matchvalue-name": ast.Module([ast.Match(N("x"), [ast.match_case(ast.MatchValue(N("y")), None, [ast.Pass()])])], []),
 "matchstar-top": ast.Module([ast.Match(N("x"), [ast.match_case(ast.MatchStar("y"), None, [ast.Pass()])])], []),
 "interactive": ast.Interactive([ast.Expr(ast.Constant(5))]),
}
for name, tree in cases.items():
    try:
        L(tree)
    except Exception as e:
        pass
    try:
        code = compile(tree, "<f>", "exec")
        print(name, "compiled")
    except Exception as e:
        print(name, type(e).__name__, str(e).split(" at 0x")[0])

# deep trees: CPython's recursion limit while converting nodes
for n in [900, 990, 1000]:
    t = ast.parse('x = 1' + '+1'*n)
    try:
        compile(t, 'd', 'exec'); print(n, 'ok')
    except RecursionError as e:
        print(n, e)
