import helpermod_basic
import helpermod_basic as hb
from helpermod_basic import greet, VALUE as V, Thing
print(helpermod_basic is hb, V, greet("x"), Thing(3))
print(helpermod_basic.__name__, type(helpermod_basic).__name__)
print(hb.bump(), hb.bump(), helpermod_basic.counter)
# module is cached in sys.modules
import sys
print("helpermod_basic" in sys.modules, sys.modules["helpermod_basic"] is hb)
import helpermod_basic  # not re-executed
# star import honours __all__
ns = {}
exec("from helpermod_basic import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
# module attribute set/del
hb.new_attr = "set from outside"
print(helpermod_basic.new_attr)
del hb.new_attr
print(hasattr(hb, "new_attr"))
# package-less relative: importing a module that imports another
import helpermod_pkguser
print(helpermod_pkguser.combined())
# __file__ ends with name
print(hb.__file__.endswith("helpermod_basic.py"), __file__.endswith("lang_import.py"))
# importlib
import importlib
m = importlib.import_module("helpermod_basic")
print(m is hb)
# module dict
print("greet" in vars(hb), callable(hb.__dict__["greet"]))
# import inside function is local
def f():
    import math as m2
    return m2.floor(2.5)
print(f(), "m2" in globals())
# __import__
print(__import__("helpermod_basic").VALUE)
# from module import submodule-like attr missing
try:
    from helpermod_basic import _private as p
    print(p)
except ImportError as e:
    print(e)
# circular import handled
import helpermod_cycle_a
print(helpermod_cycle_a.done, helpermod_cycle_a.b_saw)
