# LOAD_GLOBAL caches where a name was found; every change of the globals or
# builtins must be seen by the next lookup.
import builtins

X = 1
def get_x():
    return X

def use_len(s):
    return len(s)

print(get_x(), use_len("abc"))
X = 2                                  # rebinding a global
print(get_x())
del X                                  # deleting it
try:
    get_x()
except NameError as e:
    print("NameError", e)
builtins.X = "from builtins"           # now found in builtins
print(get_x())
X = "global again"                     # a global shadows the builtin
print(get_x())
del X
print(get_x())
del builtins.X

real_len = builtins.len
builtins.len = lambda s: -1            # replacing a builtin
print(use_len("abc"))
builtins.len = real_len
print(use_len("abc"))
len = lambda s: 42                     # shadowing it with a global
print(use_len("abc"))
del len
print(use_len("abcd"))

# One code object run with different globals (exec).
code = compile("result = Y * 2", "<cached>", "exec")
for y in (1, 5):
    ns = {"Y": y}
    exec(code, ns)
    print(ns["result"])
ns = {}
try:
    exec(code, ns)
except NameError as e:
    print("NameError", e)

# Dict order and values survive many rebinds in a loop.
def total():
    return A + B
A, B = 1, 2
acc = []
for i in range(5):
    A = i
    acc.append(total())
print(acc)

# Frames are reused between calls: locals never leak from one call to the next.
def f(n, first=True):
    if first:
        secret = "kept"
    try:
        return secret
    except UnboundLocalError as e:
        return type(e).__name__
print(f(1), f(2, False), f(3), f(4, False))

import sys
class Tracked:
    def __del__(self):
        print("freed", self.name)
def hold(name):
    t = Tracked()
    t.name = name
    return 1
print(hold("a"))                       # freed when the frame ends, before this print
print(sys.getrefcount(get_x.__code__) == sys.getrefcount(get_x.__code__))
