class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(v):
    match v:
        case 0 | 1 as small:
            return f"small {small}"
        case [a, b, *rest]:
            return f"seq {a} {b} {rest}"
        case {"k": val, **others}:
            return f"map {val} {sorted(others)}"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(px, py) if px == py:
            return f"diagonal {px}"
        case str() | bytes() as s:
            return f"text {s!r}"
        case None:
            return "none"
        case _:
            return "other"

for v in [0, 1, [1, 2, 3, 4], {"k": 1, "z": 2}, Point(0, 5), Point(3, 3), "hi", b"b", None, 3.5]:
    print(describe(v))

def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen closed")

for x in gen():
    print(x)
    break

def flow(n):
    out = []
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(-i)
    else:
        out.append("else")
    return out

print(flow(5), flow(2))

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("value", [str(x) for x in e.exceptions])
except* TypeError as e:
    print("type", [str(x) for x in e.exceptions])

def closure_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = closure_counter()
c(); c(5)
print(c(), [lambda: i for i in range(3)][2](), (y := 10), y * 2)

class Base:
    def hello(self):
        return "base"

class Child(Base):
    def hello(self):
        return "child+" + super().hello()

print(Child().hello(), Child.__qualname__, Child.hello.__qualname__)
print("%s=%r %5s|" % ("a", "b", "c"), {**{"a": 1}, "b": 2}, [*range(3), *"ab"])
a, *b, c = range(6)
print(a, b, c, not (a in b), a is not None)
assert a == 0, "never"
with open("rt_tmp.txt", "w") as fh:
    fh.write("x")
import os.path as osp
print(osp.exists("rt_tmp.txt"))
