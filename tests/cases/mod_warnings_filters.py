import warnings, sys
print(warnings.filters[:5] == [f for f in warnings.filters][:5], len(warnings.filters))
print(warnings.defaultaction, type(warnings.onceregistry).__name__)
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: warnings.warn('x', 5))
t(lambda: warnings.warn())
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("hello")
    warnings.warn("dep", DeprecationWarning)
    warnings.warn(UserWarning("inst"))
    warnings.warn_explicit("explicit", RuntimeWarning, "f.py", 7)
    print([(str(x.message), x.category.__name__, x.filename.endswith('.py')) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("same")
    warnings.warn("other")
    print([str(x.message) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    t(lambda: warnings.warn("boom", RuntimeWarning))
    t(lambda: warnings.warn(ValueError_ := UserWarning("u")))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings("always", category=UserWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.warn("a"); warnings.warn("b", DeprecationWarning)
    print([str(x.message) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.resetwarnings()
    warnings.simplefilter("default")
    for i in range(2):
        warnings.warn("dflt")
    print([str(x.message) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("bogus_action") if False else None
    warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
    t(lambda: warnings.warn("x"))
