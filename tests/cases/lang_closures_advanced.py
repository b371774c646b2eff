def make_accumulators():
    total = 0
    history = []
    def add(n):
        nonlocal total
        total += n
        history.append(n)
        return total
    def get():
        return total, list(history)
    def reset():
        nonlocal total
        total = 0
        history.clear()
    return add, get, reset
add, get, reset = make_accumulators()
add(5); add(10)
print(get())
reset()
print(get(), add(1), get())
print(add.__closure__ is not None, len(add.__closure__), sorted(add.__code__.co_freevars))
# closures share cells
def shared():
    x = 0
    def inc():
        nonlocal x
        x += 1
    def read():
        return x
    return inc, read
inc, read = shared()
inc(); inc()
print(read(), inc.__closure__[0] is read.__closure__[0])
# closure over loop var via default vs cell
def builders():
    cells = []
    for i in range(3):
        def f(): return i
        cells.append(f)
    return [f() for f in cells]
print(builders())
# closure created in comprehension
adders = [(lambda x, n=n: x + n) for n in range(3)]
print([f(10) for f in adders])
adders2 = [(lambda x: x + n) for n in range(3)]
print([f(10) for f in adders2])
# nested three levels with nonlocal at middle
def level1():
    v = "L1"
    def level2():
        nonlocal v
        v = "L2"
        def level3():
            return v
        return level3
    f = level2()
    return v, f()
print(level1())
# closure over argument
def multiplier(k):
    return lambda x: x * k
double, triple = multiplier(2), multiplier(3)
print(double(5), triple(5), double.__closure__[0].cell_contents)
# recursive closure
def make_fact():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
print(make_fact()(10))
# closure sees later assignment in enclosing scope
def late():
    def get(): return value
    value = "assigned after def"
    return get()
print(late())
# class method closing over function local
def make_cls(tag):
    class T:
        def tag(self): return tag
    return T
print(make_cls("one")().tag(), make_cls("two")().tag())
# generator closure
def gen_factory(limit):
    def gen():
        for i in range(limit):
            yield i * limit
    return gen
print(list(gen_factory(3)()))
# cell modification visible to all closures
def counter_pair():
    count = [0]
    def bump(): count[0] += 1; return count[0]
    return bump, lambda: count[0]
b, peek = counter_pair()
b(); b(); b()
print(peek())
# nonlocal on a variable that is also a parameter
def param_cell(p):
    def setp(v):
        nonlocal p
        p = v
    setp("changed")
    return p
print(param_cell("orig"))
# global vs nonlocal shadow
g_value = "global"
def shadow():
    g_value = "enclosing"
    def inner():
        global g_value
        return g_value
    return inner()
print(shadow())
