class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress

with CM("a") as v:
    print("body", v)
with CM("a") as x, CM("b") as y:
    print("body2", x, y)
with CM("outer", suppress=True):
    with CM("inner"):
        raise ValueError("boom")
    print("not reached")
print("after suppression")
try:
    with CM("nosuppress"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
# exit order on multiple items with failure
try:
    with CM("one"), CM("two"):
        1 / 0
except ZeroDivisionError:
    print("zde")
# return inside with still calls exit
def f():
    with CM("ret"):
        return "value"
print(f())
# break/continue inside with
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break
# __enter__ raising: __exit__ not called
class BadEnter:
    def __enter__(self): raise RuntimeError("enter failed")
    def __exit__(self, *a): print("exit should not be called")
try:
    with BadEnter():
        pass
except RuntimeError as e:
    print(e)
# missing protocol
class NoCM: pass
try:
    with NoCM():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class OnlyEnter:
    def __enter__(self): return self
try:
    with OnlyEnter():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
# with target tuple unpacking
class Pair:
    def __enter__(self): return (1, [2, 3])
    def __exit__(self, *a): return False
with Pair() as (p, [q, r]):
    print(p, q, r)
# exit truthy non-bool suppresses
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return "yes"
with Truthy():
    raise ValueError
print("truthy suppress ok")
# exception raised in __exit__ replaces
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a): raise TypeError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except TypeError as e:
    print(type(e).__name__, e, repr(e.__context__))
# parenthesized multi-item with (3.10)
with (CM("p1") as a1,
      CM("p2") as a2):
    print(a1, a2)
# file-like with open on StringIO
import io
with io.StringIO("text") as s:
    print(s.read())
print(s.closed)
