import inspect
def f(a, b: int = 2, *args, c, d="x", **kw) -> str:
    "Doc of f."
    return "r"
sig = inspect.signature(f)
print(sig, list(sig.parameters), sig.return_annotation, sig.parameters["b"].default, sig.parameters["b"].annotation)
print([p.kind.name for p in sig.parameters.values()])
print(inspect.signature(lambda x, /, y, *, z: 0), inspect.signature(len), inspect.signature(print) if False else "")
b = sig.bind(1, c=3)
b.apply_defaults()
print(b.arguments, b.args, b.kwargs)
try:
    sig.bind(1)
except TypeError as e:
    print(type(e).__name__, e)
class K:
    "K doc"
    x = 1
    def m(self): pass
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass
    @property
    def p(self): return 1
print(inspect.isclass(K), inspect.isfunction(f), inspect.isfunction(K.m), inspect.ismethod(K().m), inspect.ismethod(K.cm), inspect.isbuiltin(len), inspect.isroutine(len))
def g(): yield
async def co(): pass
print(inspect.isgeneratorfunction(g), inspect.isgenerator(g()), inspect.iscoroutinefunction(co), inspect.ismodule(inspect), inspect.getdoc(f), inspect.getdoc(K))
print([n for n, _ in inspect.getmembers(K) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(K, inspect.isfunction)])
print(inspect.getmro(bool), inspect.signature(K.m), inspect.signature(K().m))
print(inspect.getsource(f).splitlines()[0], inspect.getsourcelines(f)[1])
print(inspect.getfile(f).endswith("mod_inspect.py"), inspect.currentframe().f_code.co_name, inspect.stack()[0].function)
def deco(fn):
    import functools
    @functools.wraps(fn)
    def w(*a, **k): return fn(*a, **k)
    return w
@deco
def wrapped(x, y=1): pass
print(inspect.signature(wrapped), inspect.unwrap(wrapped) is not wrapped)
print(inspect.Parameter.empty, inspect.Signature.empty is inspect.Parameter.empty, inspect.getattr_static(K, "p").__class__.__name__)
