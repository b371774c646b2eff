# Line numbers seen by native code and frame objects of running frames:
# sys._getframe().f_lineno (live, as CPython's frame objects are views),
# f_back lines, logging's %(lineno)d, warnings' lineno, generator frames.
import logging
import sys
import warnings


def inner():
    f = sys._getframe()
    first = f.f_lineno
    second = f.f_lineno
    return first, second, f.f_back.f_lineno, f.f_back.f_code.co_name


def outer():
    x = 1
    return inner()


print(outer())
print(sorted([3, 1, 2], key=lambda v: (sys._getframe(1).f_lineno, v)))
frame = sys._getframe()
print(frame.f_lineno)
print(frame.f_lineno)

logging.basicConfig(format="%(lineno)d %(funcName)s %(message)s", stream=sys.stdout)
logging.warning("at module level")


def log_here():
    logging.warning("in a function")


log_here()


def gen():
    yield sys._getframe().f_lineno
    yield sys._getframe().f_back.f_lineno


g = gen()
print(next(g), next(g))
print(g.gi_frame.f_lineno)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("one")

    def deeper():
        warnings.warn("two", stacklevel=2)

    deeper()
print([(w.lineno, str(w.message)) for w in caught])


def finished():
    return sys._getframe()


done = finished()
print(done.f_lineno, done.f_code.co_name)
try:
    1 / 0
except ZeroDivisionError as exc:
    tb = exc.__traceback__
    print(tb.tb_lineno, tb.tb_frame.f_lineno > 0)
