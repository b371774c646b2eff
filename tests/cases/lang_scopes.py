# global / nonlocal, closures and cells
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)

def make_counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    return step
c1 = make_counter(); c2 = make_counter()
print(c1(), c1(), c1(), c2())
print(c1.__code__.co_freevars, make_counter.__code__.co_cellvars)
print(c1.__closure__[0].cell_contents)

# late binding closures
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])

def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    x = "changed"
    return mid()()
print(outer())

# global declared in nested function creates global
def setg():
    global newglobal
    newglobal = "made"
setg()
print(newglobal)

# class scope does not leak into methods
class S:
    v = 1
    def m(self):
        try:
            return v
        except NameError as e:
            return "NameError: " + str(e)
    w = [x * 2 for x in [v, v]]  # first iterable evaluated in class scope
print(S.w)
print(S().m())
try:
    class T:
        v = 1
        w = [v for _ in range(2)]
except NameError as e:
    print("class comp:", e)

# nonlocal through multiple levels
def a():
    x = 1
    def b():
        def c():
            nonlocal x
            x += 10
        c()
        return x
    return b()
print(a())

# locals shadowing builtins
def shadow():
    len = lambda x: -1
    return len([1, 2])
print(shadow(), len([1, 2]))

# cell deleted
def deleted():
    x = 1
    def g():
        return x
    del x
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
deleted()

# closure over loop variable modified later
def mk():
    acc = []
    for i in range(3):
        acc.append(lambda: i)
    i = 100
    return [f() for f in acc]
print(mk())
# global statement at module scope no-op
global zz
zz = 3
print(zz)
# closure captured in class body
def factory(val):
    class Inner:
        attr = val
        def get(self):
            return val
    return Inner
I = factory(7)
print(I.attr, I().get())
