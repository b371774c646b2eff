class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"[{self.code}] {self.msg}"
class SubAppError(AppError):
    pass

try:
    raise SubAppError(404, "not found")
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, repr(e))
    print(isinstance(e, Exception), isinstance(e, BaseException))

class Simple(Exception): pass
e = Simple("a", 2)
print(str(e), repr(e), e.args)
print(str(Simple()), repr(Simple()), str(Simple("one")), repr(Simple("one")))
print(str(KeyError("k")), str(KeyError("a", "b")), str(KeyError()))

# raise from
def lookup(d, k):
    try:
        return d[k]
    except KeyError as exc:
        raise ValueError(f"bad key {k}") from exc
try:
    lookup({}, "z")
except ValueError as e:
    print(e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), e.__suppress_context__)

# implicit context
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during handling")
except TypeError as e:
    print(e, "| cause:", e.__cause__, "| context:", repr(e.__context__), e.__suppress_context__)

# raise from None
try:
    try:
        {}["x"]
    except KeyError:
        raise AttributeError("clean") from None
except AttributeError as e:
    print(e, e.__cause__, repr(e.__context__), e.__suppress_context__)

# chain of three
try:
    try:
        try:
            raise OSError("level1")
        except OSError as e1:
            raise RuntimeError("level2") from e1
    except RuntimeError:
        raise LookupError("level3")
except LookupError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(f"{type(cur).__name__}({cur})")
        cur = cur.__cause__ or cur.__context__
    print(" <- ".join(chain))

# from a non-exception
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
# raise from class
try:
    raise ValueError("y") from KeyError
except ValueError as e:
    print(repr(e.__cause__))
# context is not self-referential when re-raising same exception
try:
    try:
        raise ValueError("same")
    except ValueError as e:
        raise e
except ValueError as e:
    print(e.__context__)
# args manipulation
e = Exception(1, 2, 3)
e.args = ("changed",)
print(e, e.args)
# exception attributes from builtins
try:
    open("/nonexistent/file/path.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, isinstance(e, OSError))
try:
    int("xyz")
except ValueError as e:
    print(e)
try:
    import no_such_module_hopefully
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, isinstance(e, ImportError))
try:
    from helpermod_basic import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
# StopIteration value attr
print(StopIteration(7).value, StopIteration().value)
# KeyboardInterrupt/SystemExit not Exception
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), issubclass(GeneratorExit, Exception))
# add_note (3.11)
try:
    e = ValueError("with note")
    e.add_note("extra info")
    raise e
except ValueError as e:
    print(e.__notes__)
