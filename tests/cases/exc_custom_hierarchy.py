class AppError(Exception):
    """Base for the app."""
    default_msg = "application error"
    def __init__(self, msg=None, *, code=0):
        super().__init__(msg or self.default_msg)
        self.code = code
class NotFound(AppError):
    default_msg = "not found"
class Forbidden(AppError):
    default_msg = "forbidden"
class Timeout(AppError, TimeoutError):
    default_msg = "timed out"
errors = [NotFound(), NotFound("user 7", code=404), Forbidden(code=403), Timeout(), AppError(), ValueError("plain")]
for err in errors:
    try:
        raise err
    except NotFound as e:
        print("NotFound handler:", e, e.code, e.args)
    except (Forbidden, Timeout) as e:
        print("tuple handler:", type(e).__name__, e, isinstance(e, OSError))
    except AppError as e:
        print("base handler:", e, repr(e))
    except Exception as e:
        print("generic handler:", type(e).__name__, e)
print([c.__name__ for c in Timeout.__mro__])
print(AppError.__doc__, NotFound.__doc__, issubclass(Timeout, OSError), Timeout().errno)
def retry(fn, attempts):
    for i in range(attempts):
        try:
            return fn(i)
        except ValueError as e:
            print("attempt", i, "failed:", e)
            continue
        finally:
            print("attempt", i, "cleanup")
    return "gave up"
print(retry(lambda i: i if i >= 2 else int("x"), 5))
print(retry(lambda i: int("y"), 2))
def collect_errors(items):
    errs = []
    for it in items:
        try:
            1 / it
        except ZeroDivisionError as e:
            errs.append(e)
        except TypeError as e:
            errs.append(e)
    return [f"{type(e).__name__}: {e}" for e in errs]
print(collect_errors([1, 0, "a", 2, None]))
class WithState(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a, self.b = a, b
    def __str__(self):
        return f"a={self.a} b={self.b}"
    def __repr__(self):
        return f"WithState({self.a!r}, {self.b!r})"
try:
    raise WithState(1, "two")
except WithState as e:
    print(e, repr(e), e.args, [e])
import copy, pickle
e2 = copy.copy(WithState(3, 4))
print(e2, e2.args)
e3 = pickle.loads(pickle.dumps(NotFound("pickled", code=1)))
print(type(e3).__name__, e3, e3.args)
group = ExceptionGroup("many", [NotFound(), Forbidden()])
print(group, group.exceptions, [type(x).__name__ for x in group.exceptions])
match_, rest = group.split(NotFound)
print(match_.exceptions, rest.exceptions)
try:
    raise group
except* NotFound as eg:
    print("caught NotFound group", len(eg.exceptions))
except* AppError as eg:
    print("caught remaining AppErrors", [type(x).__name__ for x in eg.exceptions])
