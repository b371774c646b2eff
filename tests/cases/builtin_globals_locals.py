g = globals()
print(type(g).__name__, g is globals(), "__name__" in g, g["__name__"], "__builtins__" in g)
g["injected"] = "via globals()"
print(injected)
x = 1
def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(f(1))
def g2():
    v = 1
    l = locals()
    v = 2
    return l["v"], locals()["v"]
print(g2())
def closure():
    free = "free"
    def inner():
        local = "local"
        return sorted(locals())
    return inner()
print(closure())
print(locals() is globals())
class K:
    a = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.names)
print(sorted(k for k in globals() if not k.startswith("__")))
def modify_locals():
    y = 1
    locals()["y"] = 99
    return y
print(modify_locals())
