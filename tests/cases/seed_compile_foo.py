# The seed document's compilation example: a function compiled to a code object.
def foo(a):
    x = 3
    return x + a

print(foo(4), foo(-3), foo(0.5), foo(10 ** 20))
code = foo.__code__
print(type(code).__name__, code.co_name, code.co_argcount, code.co_nlocals, code.co_varnames)
print(3 in code.co_consts, code.co_filename.endswith("seed_compile_foo.py"), code.co_firstlineno)
print(isinstance(code.co_code, bytes), len(code.co_code) > 0)
src = "def bar(a):\n    x = 3\n    return x + a\n"
c = compile(src, "<seed>", "exec")
ns = {}
exec(c, ns)
print(ns["bar"](4), ns["bar"].__code__.co_varnames, c.co_filename)
try:
    foo("s")
except TypeError as e:
    print(type(e).__name__, e)
