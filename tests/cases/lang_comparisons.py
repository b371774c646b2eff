import functools
class Ver:
    def __init__(self, *p): self.p = p
    def __repr__(self): return "Ver" + repr(self.p)
    def __eq__(self, o):
        print("eq", self.p, getattr(o, "p", o))
        if not isinstance(o, Ver): return NotImplemented
        return self.p == o.p
    def __lt__(self, o):
        print("lt", self.p, o.p)
        return self.p < o.p
    def __le__(self, o): return self.p <= o.p
a, b = Ver(1, 2), Ver(1, 3)
print(a == b, a != b, a < b, a > b, a <= b, a >= b)
print(a == 5)
print(5 == a)
print(sorted([Ver(3), Ver(1), Ver(2)]))
# chained comparisons
x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4 < 5, 3 > 2 == 2, 1 == 1.0 == True)
def v(n):
    print("eval", n)
    return n
print(v(1) < v(0) < v(2))   # short-circuit: third not evaluated
print(v(1) < v(2) < v(3))
# is, is not, in, not in
lst = [1, 2, 3]
print(2 in lst, 4 not in lst, lst is lst, lst is not [1, 2, 3], lst == [1, 2, 3])
print(None is None, [] == [], () == (), "a" in "cat", "" in "abc")
# mixed numeric comparisons
print(1 == 1.0, 1 < 1.5, 2 ** 64 > 1e19, 2 ** 64 == float(2 ** 64), 0.1 + 0.2 == 0.3, 1 == complex(1, 0))
print(float("nan") == float("nan"), float("nan") != float("nan"), float("inf") > 10 ** 400)
nan = float("nan")
print([nan] == [nan], nan in [nan])
# sequence lexicographic comparisons
print([1, 2] < [1, 2, 0], (1, "b") > (1, "a"), "abc" < "abd", "Z" < "a", b"a" < b"b", [] < [0])
print((1, 2) == [1, 2], {1: 2} == {1: 2}, {1, 2} == frozenset({1, 2}))
# set comparisons are subset tests
print({1} < {1, 2}, {1, 2} <= {1, 2}, {1, 3} > {1}, {1} < {2})
# errors
for expr in ["1 < 'a'", "[] < ()", "None < None", "{} < {}", "1j < 2j", "'a' < 1"]:
    try:
        eval(expr)
    except TypeError as e:
        print(type(e).__name__, e)
# __eq__ default is identity, __ne__ derived
class Plain: pass
p = Plain()
print(p == p, p != p, p == Plain())
class OnlyEq:
    def __eq__(self, o): return True
print(OnlyEq() != 1, OnlyEq() == 1)
# total_ordering
@functools.total_ordering
class Num:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
print(Num(1) <= Num(2), Num(3) >= Num(2), Num(1) > Num(1))
# comparison returning non-bool
class Weird:
    def __lt__(self, o): return "yes"
print(Weird() < 1, 1 > Weird())
print(max([3, 1, 2]), min("hello"))
