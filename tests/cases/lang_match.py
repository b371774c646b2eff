def lit(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case -1:
            return "minus one"
        case 1.5:
            return "one and half"
        case b"raw":
            return "bytes"
        case _:
            return "other"
for v in [0, 2, "hello", True, None, -1, 1.5, b"raw", 99, 1.0, False]:
    print(repr(v), lit(v))

def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y] if x == y:
            return f"pair-equal {x}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *rest] if len(rest) > 3:
            return f"long first={first} rest={rest}"
        case [1, *mid, 9]:
            return f"1..9 mid={mid}"
        case (a, b, c):
            return f"triple {a} {b} {c}"
        case _:
            return "seq other"
for v in [[], [5], (3, 3), [3, 4], [1, 2, 3, 4, 5], [1, 2, 9], (7, 8, 9), "ab", [1, 2, 3, 4]]:
    print(repr(v), seq(v))

def mapping(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {"type": str() as t}:
            return f"unknown type {t}"
        case {}:
            return "empty-or-other mapping"
    return "not a mapping"
for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": "red"}, {"type": "sq"}, {"a": 1}, [1]]:
    print(mapping(v))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
class Circle:
    def __init__(self, r): self.r = r
def cls(v):
    match v:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on x-axis at {x}"
        case Point(x=0, y=yy):
            return f"on y-axis at {yy}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Circle(r=r) if r > 10:
            return "big circle"
        case Circle():
            return "circle"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string {s!r}"
        case [Point(x=px), *_]:
            return f"list starting with point x={px}"
        case _:
            return "unknown"
for v in [Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 5), Circle(20), Circle(1), 7, 2.5, "s", [Point(9, 1)], object]:
    print(cls(v))
try:
    match Circle(1):
        case Circle(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)

# as-patterns and nested
def nested(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as direction]:
            return f"going {direction}"
        case ["pick", "up", *items] if items:
            return f"picking {items}"
        case ["quit" | "exit"]:
            return "bye"
        case [("a" | "b") as one, ("c" | "d") as two]:
            return one + two
        case _:
            return f"unknown {cmd!r}"
for c in ["go north", "go west", "pick up sword shield", "pick up", "exit", "b d", ""]:
    print(nested(c))
# value patterns (dotted names)
class Color:
    RED = 1
    GREEN = 2
def color(c):
    match c:
        case Color.RED: return "red"
        case Color.GREEN: return "green"
    return "none"
print(color(1), color(2), color(3))
# capture binds even when guard fails
match [1, 2]:
    case [a, b] if a > b:
        print("no")
    case _:
        print("guard failed, a =", a, "b =", b)
# match on tuple of values
for pair in [(0, 1), (1, 0), (1, 1)]:
    match pair:
        case (0, _): print("first zero")
        case (_, 0): print("second zero")
        case _: print("neither")
# builtin class patterns with a single positional
match 5:
    case bool(): print("bool")
    case int(x): print("int", x)
match True:
    case int(): print("True matches int()")
match {"k": None}:
    case {"k": None}: print("None value matched")
