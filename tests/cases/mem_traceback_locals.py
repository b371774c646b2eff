# A frame that ends by an exception keeps its locals alive (and visible
# through f_locals) for as long as its traceback's frame object lives.
import gc, traceback

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
    def __repr__(self):
        return "D(%s)" % self.name

def g(a, b=2):
    d = D("in g")
    c = a + b
    raise ValueError(c)

try:
    g(1)
except ValueError as e:
    print("caught")
    tb = e.__traceback__.tb_next
    print(sorted(tb.tb_frame.f_locals.items(), key=str))
    te = traceback.TracebackException.from_exception(e, capture_locals=True)
    print([sorted((fs.locals or {}).items()) for fs in te.stack[1:]])
    del tb, te
print("after except")

def outer():
    keep = D("outer")
    try:
        g(5)
    except ValueError as e:
        return e
err = outer()
print("outer returned")
del err
gc.collect()
print("end")
