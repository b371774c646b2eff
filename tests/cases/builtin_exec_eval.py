print(eval("1 + 2 * 3"), eval("[x * 2 for x in range(3)]"), eval("'abc'.upper()"), eval("  42  "))
x = 10
print(eval("x + 1"), eval("x + y", {"x": 1, "y": 2}), eval("x * z", None, {"z": 3}), eval("x", {"x": "g"}, {"x": "l"}))
ns = {}
exec("a = 5\nb = a * 2\ndef f(n): return n + b", ns)
print(ns["a"], ns["b"], ns["f"](1), "__builtins__" in ns)
print(exec("1 + 1"), eval("None"))
code = compile("3 ** 2", "<expr>", "eval")
print(eval(code), type(code).__name__, code.co_filename)
code2 = compile("for i in range(3): print('exec loop', i)", "<exec>", "exec")
exec(code2)
single = compile("q = 7", "<s>", "single")
exec(single)
print(q)
loc = {}
exec("v = 1", {}, loc)
print(loc)
def in_function():
    exec("w = 5")
    return eval("1 + 1")
print(in_function())
for bad in ["1 +", "x = ", "def f(:", "print('unclosed"]:
    try:
        eval(bad) if "=" not in bad and "def" not in bad else exec(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
try:
    eval("undefined_var")
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("import os")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print(type(e).__name__, e)
g = {"__builtins__": {}}
try:
    exec("print('no builtins')", g)
except NameError as e:
    print(type(e).__name__, e)
g2 = {"__builtins__": {"len": len}}
print(eval("len('abcd')", g2))
exec("import math as m2", ns)
print(ns["m2"].pi > 3)
print(eval("lambda a: a * 2")(21), eval("(lambda: x)()", {"x": "closure-free"}))
src = """
class Dyn:
    def hi(self):
        return 'hi from exec class'
result = Dyn().hi()
"""
d = {}
exec(src, d)
print(d["result"], sorted(k for k in d if k != "__builtins__"))
print(eval(compile("1\n", "<x>", "eval")))
