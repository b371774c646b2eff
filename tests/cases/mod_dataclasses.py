from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, is_dataclass, InitVar
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 1), p.x, repr(Point(x=5, y=6)))
print(asdict(p), astuple(p), replace(p, y=10), [f.name for f in fields(p)], is_dataclass(p), is_dataclass(Point), is_dataclass(5))
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(p)
except TypeError as e:
    print(type(e).__name__, e)
try:
    p < p
except TypeError as e:
    print(type(e).__name__, e)
@dataclass(order=True, frozen=True)
class Ver:
    major: int
    minor: int = 0
    tags: tuple = ()
print(sorted([Ver(2), Ver(1, 5), Ver(1, 2)]), Ver(1) < Ver(1, 1), hash(Ver(1)) == hash(Ver(1)), {Ver(1): "v"}[Ver(1)])
v = Ver(1)
try:
    v.major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e)
@dataclass
class Inventory:
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default="s", compare=False)
a, b = Inventory(), Inventory()
a.items.append("x")
print(a, b, a.items is not b.items, Inventory(secret="q") == Inventory(secret="z"))
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad2:
        a: int = 0
        b: int
except TypeError as e:
    print(type(e).__name__, e)
@dataclass
class Derived(Point):
    z: int = 5
    def total(self): return self.x + self.y + self.z
d = Derived(1, 2, 3)
print(d, d.total(), Derived(1), isinstance(d, Point), astuple(d))
@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.b = self.a * scale
print(WithPost(3, 4), WithPost(3))
@dataclass
class Nested:
    p: Point
    lst: list
print(asdict(Nested(Point(1), [Point(2, 3)])), astuple(Nested(Point(1), [1])))
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), hash(NoEq(1)) is not None)
@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 2
print(KW(a=1), KW(b=3, a=0))
try:
    KW(1)
except TypeError as e:
    print(type(e).__name__, e)
@dataclass(slots=True)
class Slotted:
    a: int
print(Slotted(1), Slotted.__slots__, hasattr(Slotted(1), "__dict__"))
print(Point.__dataclass_fields__["y"].default, fields(Inventory)[0].default_factory is list, Point.__match_args__)
match Point(0, 5):
    case Point(0, y):
        print("matched y =", y)
