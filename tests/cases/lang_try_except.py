def t(n):
    out = []
    try:
        out.append("try")
        if n == 1: raise ValueError("v")
        if n == 2: raise KeyError("k")
        if n == 3: return out + ["returned"]
    except ValueError as e:
        out.append("except ValueError " + str(e))
    except (KeyError, IndexError) as e:
        out.append("except tuple " + repr(e))
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out
for i in range(4):
    print(i, t(i))

def finally_return():
    try:
        return "try"
    finally:
        return "finally"
print(finally_return())
def finally_swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(finally_swallow())
def finally_order():
    log = []
    def inner():
        try:
            log.append(1)
            return log
        finally:
            log.append(2)
    return inner()
print(finally_order())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i
print(break_in_finally())

# exception variable is deleted after except
try:
    raise ValueError("x")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print(type(e).__name__, e)

# nested try, re-raise
def reraiser():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            print("inner caught, reraising")
            raise
    except ArithmeticError as e:
        print("outer caught", type(e).__name__, e)
reraiser()

# bare except and except Exception
try:
    [][0]
except:
    print("bare except caught")
try:
    {}["missing"]
except Exception as e:
    print(type(e).__name__, e, repr(e), e.args)

# raising classes vs instances
try:
    raise IndexError
except IndexError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        pass
    except 5:
        pass
    print("non-exception in except clause not evaluated if nothing raised")
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)

# sys.exc_info inside and outside except
import sys
print(sys.exc_info())
try:
    raise KeyError("q")
except KeyError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, repr(ev), tb is not None, sys.exception() if hasattr(sys, "exception") else "n/a")
print(sys.exc_info())
# exception in else is not caught by same try
try:
    try:
        pass
    except ZeroDivisionError:
        print("not here")
    else:
        1 / 0
except ZeroDivisionError:
    print("else exception propagated")
# exception in finally replaces original
try:
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
except TypeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
# traceback object attributes
def fails():
    raise RuntimeError("deep")
try:
    fails()
except RuntimeError as e:
    tb = e.__traceback__
    n = 0
    while tb:
        n += 1
        last = tb.tb_frame.f_code.co_name
        tb = tb.tb_next
    print("tb depth", n, "last frame", last)
# with_traceback
e = ValueError("w")
print(e.with_traceback(None) is e)
# except* not required; exception groups basic
try:
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2)])
except* ValueError as g:
    print("star ValueError", repr(g.exceptions))
except* TypeError as g:
    print("star TypeError", repr(g.exceptions))
