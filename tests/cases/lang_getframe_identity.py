# sys._getframe() gives one frame object per activation, and a frame that
# has ended keeps its locals for the frame objects still referring to it.
import sys, gc, weakref
def f():
    a = sys._getframe()
    b = sys._getframe()
    print(a is b, a.f_back is sys._getframe(1), a.f_code.co_name, a.f_lineno)
    x = 42
    return a
fr = f()
print(sorted(k for k in fr.f_locals), fr.f_locals["x"])
class D:
    def __del__(self): print("del D")
def g():
    d = D()
    me = sys._getframe()
    return None
g()
gc.collect()
print("end")
