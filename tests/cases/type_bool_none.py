print(True, False, type(True), bool.__mro__, bool.__bases__)
print(True + True, True * 3, True / 2, True // 2, -True, ~True, ~False, True & False, True | False, True ^ True)
print(type(True & True).__name__, type(True + True).__name__, type(True ^ 1).__name__, type(~True).__name__)
print(repr(True), str(False), f"{True}", f"{True:d}", f"{False:>6}", "%d" % True, "%s" % False)
print(bool(), bool(0), bool(0.0), bool(0j), bool(""), bool([]), bool(()), bool({}), bool(set()), bool(range(0)))
print(bool(1), bool(-1), bool(0.1), bool("0"), bool([0]), bool((None,)), bool(range(1)), bool(object()))
print(True == 1, False == 0, True == 1.0, True is True, hash(True), hash(False), {True: "a", 1: "b"}, {0, False})
print(int(True), float(False), str(True).upper(), True.real, True.imag, True.numerator)
print(max(True, 0), min(False, 1), sum([True, True, False]), sorted([True, False, True]))
try:
    class B2(bool): pass
except TypeError as e:
    print(type(e).__name__, e)
print(bool("False"), bool(None), not None, None is None, None == None, None != 0)
# NoneType
print(type(None), type(None).__name__, repr(None), str(None), None.__class__.__name__)
print(type(None)() is None, hash(None) == hash(None), bool(type(None)()))
try:
    None.foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    nothing = None
    nothing()
except TypeError as e:
    print(type(e).__name__, e)
try:
    nothing = None
    nothing[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in None: pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    None < None
except TypeError as e:
    print(type(e).__name__, e)
def returns_nothing(): return
print(returns_nothing() is None, [].append(1) is None, print is not None)
print(sorted([3, 1], key=None), NotImplemented.__class__.__name__, Ellipsis.__class__.__name__)
print(bool.__name__, bool(3) is True, True.__bool__(), True.__and__(False), True.__or__(0))
print(True.__and__(2), (1).__and__(True), True.as_integer_ratio(), True.bit_length(), True.to_bytes(1, "big"))
