# shadowing builtins at global and local scope
import builtins
print(len("abc"))
len = lambda x: "shadowed"
print(len("abc"))
del len
print(len("abc"))
def uses_print():
    return print.__name__
print(uses_print())
# builtins module modification visible everywhere
builtins.my_new_builtin = "from builtins"
print(my_new_builtin)
del builtins.my_new_builtin
try:
    my_new_builtin
except NameError as e:
    print(type(e).__name__, e)
# local shadowing of list inside function
def f():
    list = [1, 2]
    return list
print(f(), list("ab"))
# shadowing in class body
class C:
    str = "class attr"
    def m(self):
        return str(5)
print(C.str, C().m())
# builtins accessible via __builtins__ in main
print(type(__builtins__).__name__ in ("module", "dict"))
print(builtins.abs(-3), builtins.__name__)
# overriding a builtin function used by another function
def total(xs):
    return sum(xs)
sum = lambda xs: "custom sum"
print(total([1, 2]))
del sum
print(total([1, 2]))
# name resolution order: local > enclosing > global > builtin
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(outer())
def g():
    return x
print(g())
# True/False/None are keywords but builtins names like 'id' can be rebound
id = "not id anymore"
print(id)
del id
print(callable(id))
# __name__ of main
print(__name__)
# reassign a builtin exception name locally
def h():
    ValueError = KeyError
    try:
        raise ValueError("k")
    except KeyError as e:
        return "caught KeyError " + repr(e)
print(h())
# dir() of builtins contains common names
names = dir(builtins)
print(all(n in names for n in ["print", "len", "range", "Exception", "None", "True", "object", "type"]))
