assert True
assert 1 == 1, "never"
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert [], ["msg", 1]
except AssertionError as e:
    print(e.args)
def lazy():
    print("message evaluated")
    return "lazy"
assert True, lazy()
try:
    assert 0, lazy()
except AssertionError as e:
    print(e)

# del of names
x = 1
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
try:
    del x
except NameError as e:
    print(type(e).__name__, e)
a, b, c = 1, 2, 3
del a, b
print(c, "a" in globals(), "b" in globals())
# del items
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
try:
    del lst[0]
except IndexError as e:
    print(type(e).__name__, e)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
# del attrs
class O: pass
o = O(); o.p = 1; o.q = 2
del o.p
print(vars(o))
try:
    del o.p
except AttributeError as e:
    print(type(e).__name__, e)
# del nested
m = {"k": [1, 2, {"z": 0}]}
del m["k"][2]["z"]
del m["k"][0]
print(m)
# del tuple target / list target
p, q = 1, 2
del (p, q)
[r, s] = 3, 4
del [r, s]
print("p" in dir(), "r" in dir())
# del in function makes local
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)
print(f())
# del on immutable
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
st = "abc"
try:
    del st[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    st[0] = "z"
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
