from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1   # alias
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), [c.name for c in Color], list(Color.__members__), Color.RED in Color, type(Color.RED).__name__)
print(Color.RED == 1, Color.RED == Color.RED, Color.RED is Color(1), isinstance(Color.GREEN, Color), hash(Color.RED) == hash(Color.RED))
try:
    Color(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Color["PINK"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print(type(e).__name__, e)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO == 2, Num.ONE < Num.TWO, sorted([Num.TWO, Num.ONE]), int(Num.TWO), f"{Num.ONE}", str(Num.ONE), repr(Num.ONE))
class Auto(Enum):
    A = auto()
    B = auto()
    C = auto()
print([(m.name, m.value) for m in Auto])
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, rw & Perm.R, bool(Perm(0)), Perm(7), [p.name for p in Perm], (rw ^ Perm.R))
class IP(IntFlag):
    A = 1
    B = 2
print(IP.A | IP.B, IP.A | 4, int(IP.A | IP.B), IP(3) == 3)
try:
    @unique
    class Dup(Enum):
        X = 1
        Y = 1
except ValueError as e:
    print(type(e).__name__, e)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def density_ish(self): return self.mass / self.radius ** 3
    def describe(self): return f"{self.name.title()} m={self.mass}"
print(Planet.MARS.describe(), Planet.EARTH.radius, round(Planet.EARTH.density_ish / 1e3, 3), Planet.EARTH.value)
class Str(str, Enum):
    A = "a"
print(Str.A == "a", Str.A.upper(), Str("a"), Str.A.value)
Dyn = Enum("Dyn", "X Y Z")
print(list(Dyn), Dyn.Y.value, Enum("D2", [("P", 10), ("Q", 20)]).Q.value)
try:
    class Ext(Color):
        PURPLE = 4
except TypeError as e:
    print(type(e).__name__, e)
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green matched")
print({Color.RED: "r"}[Color.CRIMSON], Color.__members__["CRIMSON"])
