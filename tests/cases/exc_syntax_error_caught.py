# SyntaxErrors from compile()/exec()/import are ordinary exceptions.
cases = ["x = (1,", "def f(:\n  pass", "1 = 2", "return 1", "for x in 1:\nprint(x)", "a b c", "f(**x, *y)", "break", "x += 1 = 2", "nonlocal q", "del 1", "'unterminated"]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled?!", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno)
try:
    import helpermod_badsyntax
except SyntaxError as e:
    print("import failed:", type(e).__name__, e.msg, e.lineno, e.filename.endswith("helpermod_badsyntax.py"))
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError), issubclass(SyntaxError, Exception))
