from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p[1], p._fields, len(p), tuple(p), list(p), p == (1, 2), isinstance(p, tuple), type(p).__name__)
print(p._replace(x=10), p, p._asdict(), type(p._asdict()).__name__, Point._make([3, 4]), Point(y=5, x=6))
x, y = p
print(x, y, p + (3,), p * 2, p.count(1), p.index(2), hash(p) == hash((1, 2)), sorted([Point(2, 1), Point(1, 5)]))
P3 = namedtuple("P3", "a b c", defaults=[0, 9])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults, P3.__doc__)
P4 = namedtuple("P4", "a, b")
print(P4._fields, P4(1, b=2))
Renamed = namedtuple("Renamed", ["ok", "def", "ok", "_x"], rename=True)
print(Renamed._fields)
try:
    namedtuple("Bad", ["def"])
except ValueError as e:
    print(type(e).__name__, e)
try:
    namedtuple("Bad", ["a", "a"])
except ValueError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p._replace(z=1)
except ValueError as e:
    print(type(e).__name__, e)
class Vec(namedtuple("VecBase", "x y")):
    __slots__ = ()
    def norm2(self): return self.x ** 2 + self.y ** 2
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
v = Vec(3, 4)
print(v, v.norm2(), v + Vec(1, 1), Vec.__mro__[1].__name__, Vec._fields)
print(Point.x.__doc__, Point.__name__, Point.__module__ == __name__, repr(Point(x="a", y=None)))
from typing import NamedTuple
class Emp(NamedTuple):
    name: str
    age: int = 30
e = Emp("al")
print(e, e._replace(age=5), Emp._fields, Emp._field_defaults, Emp.__annotations__)
