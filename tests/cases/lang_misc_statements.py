"""Module docstring for lang_misc_statements."""
import sys
print(__doc__)
def f():
    """Function docstring."""
    return 1
class K:
    """Class docstring."""
    def m(self):
        "Method docstring."
print(f.__doc__, K.__doc__, K.m.__doc__, K().m.__doc__)
def nodoc():
    x = "not a docstring"
    return x
print(nodoc.__doc__)
# conditional import
try:
    import definitely_not_a_real_module_xyz
    have = True
except ImportError:
    have = False
print("have module:", have)
try:
    from math import nonexistent_function
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
# semicolons and one-line compound statements
a = 1; b = 2; c = a + b
if c == 3: print("one-line if")
for i in range(2): print("one-line for", i)
while False: pass
class Empty: pass
def stub(): ...
print(stub(), Empty.__name__)
# line continuation
total = 1 + \
        2 + \
        3
items = [
    1,
    2,  # trailing comma allowed
]
print(total, items)
# global statement inside loop/if at module level is fine
if True:
    x = "module-level if"
print(x)
# chained assignment with same object
p = q = []
p.append(1)
print(q)
# swap via tuple and nested
m, n, o = 1, 2, 3
m, n, o = o, m, n
print(m, n, o)
# pass in various places
try:
    pass
except Exception:
    pass
finally:
    pass
# exec order of default args (evaluated once, at def time)
calls = []
def default_value():
    calls.append("evaluated")
    return 5
def uses_default(v=default_value()):
    return v
uses_default(); uses_default()
print(calls)
# keyword names as attributes via getattr
class Kw: pass
kw = Kw()
setattr(kw, "class", "value")
print(getattr(kw, "class"))
# __debug__ and assert
print(__debug__)
# ellipsis as placeholder
def todo():
    ...
print(todo())
# numbers with underscores, complex literal, big literals
print(1_000_000 + 0x_FF + 0o_17 + 0b_11, 1_0.5e1_0, 3j * 2)
# nested functions and early return in loops
def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x
    return None
print(first_even([1, 3, 4, 6]), first_even([1]))
# del of global from function
victim = 1
def kill():
    global victim
    del victim
kill()
print("victim" in globals())
print(sys.argv[0])
