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

def _more():
    import ast  # more malformed trees
    N = lambda i, c=None: ast.Name(i, c or ast.Load())
    C = ast.Constant
    S = lambda e: ast.Starred(e, ast.Load())
    A = lambda *a: ast.arguments([], list(a), None, [], [], None, [])
    def M(*stmts): return ast.Module(list(stmts), [])
    def E(e): return ast.Expr(e)
    cases = {
     "starred-kw": M(E(ast.Call(N("f"), [], [ast.keyword("a", S(N("x")))]))),
     "starred-sub": M(E(ast.Subscript(N("a"), S(N("x")), ast.Load()))),
     "starred-return": M(ast.FunctionDef("f", A(), [ast.Return(S(N("x")))], [], None)),
     "starred-dict": M(E(ast.Dict([C(1)], [S(N("x"))]))),
     "named-attr": M(E(ast.NamedExpr(ast.Attribute(N("a"), "b", ast.Store()), C(1)))),
     "import-empty": M(ast.ImportFrom("x", [], 0)),
     "import-star": M(ast.Import([ast.alias("*")])),
     "global-empty": M(ast.Global([])),
     "lambda-dup": M(E(ast.Lambda(A(ast.arg("a"), ast.arg("a")), C(1)))),
     "bad-ident": M(ast.FunctionDef("a b", A(), [ast.Pass()], [], None)),
     "await-sync-comp": M(ast.FunctionDef("f", A(), [E(ast.ListComp(ast.Await(N("x")), [ast.comprehension(N("y", ast.Store()), N("z"), [], 1)]))], [], None)),
     "yield-class": M(ast.ClassDef("C", [], [], [E(ast.Yield(None))], [])),
     "return-gen-value": M(ast.AsyncFunctionDef("f", A(), [E(ast.Yield(C(1))), ast.Return(C(2))], [], None)),
     "break-in-func": M(ast.FunctionDef("f", A(), [ast.Break()], [], None)),
     "cont-finally": M(ast.While(C(1), [ast.Try([ast.Pass()], [], [], [ast.Continue()])], [])),
     "nonlocal-missing": M(ast.FunctionDef("f", A(), [ast.Nonlocal(["q"])], [], None)),
     "del-call": M(ast.Delete([ast.Call(N("f"), [], [])])),
     "with-store-const": M(ast.With([ast.withitem(N("a"), C(1))], [ast.Pass()])),
     "matchclass-mismatch": M(ast.Match(N("x"), [ast.match_case(ast.MatchClass(N("C"), [], ["a"], []), None, [ast.Pass()])])),
     "matchmapping-mismatch": M(ast.Match(N("x"), [ast.match_case(ast.MatchMapping([C(1)], [], None), None, [ast.Pass()])])),
     "matchas-noname": M(ast.Match(N("x"), [ast.match_case(ast.MatchAs(ast.MatchValue(C(1)), None), None, [ast.Pass()])])),
     "matchor-one": M(ast.Match(N("x"), [ast.match_case(ast.MatchOr([ast.MatchValue(C(1))]), None, [ast.Pass()])])),
     "dup-kw": M(E(ast.Call(N("f"), [], [ast.keyword("a", C(1)), ast.keyword("a", C(2))]))),
     "yield-lambda": M(E(ast.Lambda(A(), ast.Yield(None)))),
     "list-target-load": M(ast.For(ast.List([N("a", ast.Store())], ast.Load()), N("b"), [ast.Pass()], [])),
     "fv-conv-bad": M(E(ast.JoinedStr([ast.FormattedValue(C(1), 5, None)]))),
     "ellipsis-assign": M(ast.Assign([C(...)], C(1))),
     "kw-none-class": M(ast.ClassDef("C", [], [ast.keyword(None, N("d"))], [ast.Pass()], [])),
     "future-late": M(E(C(1)), ast.ImportFrom("__future__", [ast.alias("annotations")], 0)),
     "future-bad": M(ast.ImportFrom("__future__", [ast.alias("nope")], 0)),
    }
    for name, tree in cases.items():
        try:
            ast.fix_missing_locations(tree)
        except Exception:
            pass
        try:
            compile(tree, "<f>", "exec")
            print(name, "compiled")
        except Exception as e:
            print(name, type(e).__name__, str(e).split(" at 0x")[0])
_more()
