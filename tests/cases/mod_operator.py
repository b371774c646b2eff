import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 5), op.neg(3), op.pos(-3), op.abs(-4))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(5), op.inv(5), op.lshift(1, 4), op.rshift(64, 2), op.matmul.__name__, op.index(7))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.gt(1, 2), op.ge(3, 3), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.getitem({"k": 1}, "k"), op.length_hint([1, 2, 3]))
l = [1, 2, 3]
op.setitem(l, 0, 10); op.delitem(l, 1)
print(l)
x = [1]
print(op.iadd(x, [2]), x, op.iadd(1, 2), op.imul("ab", 2), op.isub(5, 1), op.ior({1}, {2}), op.iconcat([1], [3]))
getter = op.itemgetter(1)
multi = op.itemgetter(0, 2)
print(getter("abc"), multi("abc"), getter({1: "one"}), op.itemgetter(slice(1, 3))("hello"), multi([1, 2, 3]))
print(sorted([("b", 2), ("a", 3), ("c", 1)], key=op.itemgetter(1)), repr(op.itemgetter(1, 2)))
class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"
p = P("ann", P("bob"))
print(op.attrgetter("name")(p), op.attrgetter("inner.name")(p), op.attrgetter("name", "inner.name")(p), repr(op.attrgetter("name")))
try:
    op.attrgetter("missing")(p)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    op.itemgetter(5)([1])
except IndexError as e:
    print(type(e).__name__, e)
mc = op.methodcaller("greet", "Hi")
print(mc(p), op.methodcaller("greet", "Yo", punct="?")(p), op.methodcaller("upper")("abc"), repr(op.methodcaller("split", ",", maxsplit=1)))
print(op.methodcaller("split", ",", maxsplit=1)("a,b,c"))
print(op.__add__(1, 2), op.__lt__(1, 2), op.__not__(1), op.call(len, "abc") if hasattr(op, "call") else 3)
print(list(map(op.mul, [1, 2, 3], [4, 5, 6])), sorted(["bb", "a", "ccc"], key=op.methodcaller("__len__")))
import functools
print(functools.reduce(op.add, range(10)), functools.reduce(op.mul, range(1, 6)), functools.reduce(op.or_, [1, 2, 4]))
try:
    op.add(1, "a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    op.indexOf([1], 5)
except ValueError as e:
    print(type(e).__name__, e)
print(op.truediv(1, 3), op.floordiv(-7, 2), op.mod(-7, 2), op.pow(2, -1), op.neg(-0.0))
