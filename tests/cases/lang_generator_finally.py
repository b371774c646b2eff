# try/finally and with inside generators: cleanup on close, on exhaustion, on GC.
class Res:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else None)
        return False
def reader(name, n):
    with Res(name):
        try:
            for i in range(n):
                yield f"{name}:{i}"
        finally:
            print("finally", name)
print(list(reader("full", 2)))
g = reader("partial", 5)
print(next(g), next(g))
g.close()
print("closed explicitly")
g = reader("gc", 5)
print(next(g))
del g
print("deleted (refcount drops to zero -> close)")
def early_break():
    for item in reader("broken", 10):
        if item.endswith("1"):
            break
    print("loop broken (the iterator was released at break)")
early_break()
print("after early_break")
def gen_with_return():
    try:
        yield 1
        return "ret"
    finally:
        print("finally before StopIteration")
gr = gen_with_return()
next(gr)
try:
    next(gr)
except StopIteration as e:
    print("value", e.value)
def catch_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("finally after GeneratorExit")
ce = catch_exit()
next(ce)
ce.close()
def yield_in_finally():
    try:
        yield "body"
    finally:
        print("finally runs on throw")
yf = yield_in_finally()
next(yf)
try:
    yf.throw(ValueError("thrown"))
except ValueError as e:
    print("propagated", e)
def nested():
    try:
        yield from reader("inner", 3)
    finally:
        print("outer finally")
ng = nested()
print(next(ng))
ng.close()
def counter():
    total = 0
    try:
        while True:
            x = yield total
            if x is None:
                break
            total += x
    finally:
        print("counter finished with", total)
cg = counter()
next(cg)
for v in [1, 2, 3]:
    cg.send(v)
try:
    cg.send(None)
except StopIteration:
    print("counter stopped")
