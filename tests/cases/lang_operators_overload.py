class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"V({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)): return V(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd called with", o)
        return self.__add__(o)
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __truediv__(self, k): return V(self.x / k, self.y / k)
    def __floordiv__(self, k): return V(self.x // k, self.y // k)
    def __mod__(self, k): return V(self.x % k, self.y % k)
    def __pow__(self, k): return V(self.x ** k, self.y ** k)
    def __neg__(self): return V(-self.x, -self.y)
    def __pos__(self): return self
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self): return V(self.y, self.x)
    def __lshift__(self, n): return V(self.x << n, self.y << n)
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __iadd__(self, o):
        print("iadd")
        self.x += o.x; self.y += o.y
        return self
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, a @ b, b / 2, b // 2, b % 2, a ** 2)
print(-a, +a, abs(b), ~a, a << 2, a & b, a | b, a ^ b)
print(a + 1, 1 + a)
print(sum([a, b], V(0, 0)))
c = a
c += b
print(c, a, c is a)
d = V(1, 1)
d -= V(1, 1)   # falls back to __sub__
print(d)
try:
    a + "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "s" + a
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)
try:
    -object()
except TypeError as e:
    print(type(e).__name__, e)

# reflected op of subclass takes priority
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Sub(Base):
    def __add__(self, o): return "Sub.add"
    def __radd__(self, o): return "Sub.radd"
print(Base() + Sub(), Sub() + Base(), Base() + Base())
# both NotImplemented
class NI:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
try:
    NI() + NI()
except TypeError as e:
    print(e)
# __rsub__ etc.
class R:
    def __rsub__(self, o): return f"rsub({o})"
    def __rtruediv__(self, o): return f"rtruediv({o})"
    def __rpow__(self, o): return f"rpow({o})"
    def __rmod__(self, o): return f"rmod({o})"
    def __rfloordiv__(self, o): return f"rfloordiv({o})"
    def __rmatmul__(self, o): return f"rmatmul({o})"
print(5 - R(), 5 / R(), 2 ** R(), 3 % R(), 7 // R(), 1 @ R())
print(NotImplemented, type(NotImplemented).__name__)
