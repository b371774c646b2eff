from contextlib import contextmanager, suppress, ExitStack, closing, nullcontext, redirect_stdout
import io
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("div") as t:
    print("inside", t)
try:
    with tag("err"):
        raise ValueError("inside cm")
except ValueError as e:
    print("propagated", e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))
with swallow():
    raise KeyError("k")
print("after swallow")
@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
@contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
# contextmanager used as decorator
@tag("decorated")
def fn():
    print("in fn")
fn()
with suppress(ZeroDivisionError, KeyError):
    1 / 0
    print("not reached")
print("suppressed")
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print(type(e).__name__, e)
with suppress():
    pass
class Resource:
    def __init__(self, name): self.name = name
    def close(self): print("closing", self.name)
with closing(Resource("r1")) as r:
    print("using", r.name)
with nullcontext("value") as v:
    print(v)
with nullcontext() as v:
    print(v)
with ExitStack() as stack:
    names = [stack.enter_context(tag(f"t{i}")) for i in range(3)]
    stack.callback(print, "callback registered first-run-last?")
    stack.callback(lambda: print("lambda callback"))
    print("names", names)
with ExitStack() as stack:
    stack.enter_context(tag("kept"))
    later = stack.pop_all()
    print("popped all")
print("stack exited")
later.close()
def suppressor(*exc):
    print("exit callback got", exc[0].__name__ if exc[0] else None)
    return True
with ExitStack() as stack:
    stack.push(suppressor)
    raise IndexError("to be suppressed")
print("ExitStack suppressed")
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured line")
print(repr(buf.getvalue()))
try:
    with ExitStack() as stack:
        stack.callback(print, "cleanup runs")
        raise RuntimeError("boom")
except RuntimeError as e:
    print("after", e)
@contextmanager
def gen_cm():
    yield "x"
cm = gen_cm()
print(cm.__enter__(), cm.__exit__(None, None, None))
