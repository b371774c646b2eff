# The exact sequence of special-method calls made by augmented assignment.
log = []
class Box:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"Box({self.v})"
    def __iadd__(self, o):
        log.append(f"iadd {o}")
        self.v += o
        return self
    def __add__(self, o):
        log.append(f"add {o}")
        return Box(self.v + o)
class NoInplace:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"NoInplace({self.v})"
    def __add__(self, o):
        log.append(f"add {o}")
        return NoInplace(self.v + o)
class Container:
    def __init__(self): self.data = {"k": Box(1)}
    def __getitem__(self, k):
        log.append(f"getitem {k}")
        return self.data[k]
    def __setitem__(self, k, v):
        log.append(f"setitem {k} {v!r}")
        self.data[k] = v
class Obj:
    def __init__(self): self.__dict__["attr"] = NoInplace(1)
    def __getattr__(self, name):
        raise AttributeError(name)
    def __setattr__(self, name, value):
        log.append(f"setattr {name} {value!r}")
        self.__dict__[name] = value
    def __getattribute__(self, name):
        if name == "attr":
            log.append("getattribute attr")
        return object.__getattribute__(self, name)
b = Box(1)
b += 5
print(b, log); log.clear()
n = NoInplace(1)
n2 = n
n += 5
print(n, n2, n is n2, log); log.clear()
c = Container()
c["k"] += 10
print(c.data, log); log.clear()
o = Obj()
o.attr += 2
print(o.attr, log); log.clear()
class IAddReturnsOther:
    def __iadd__(self, o):
        return "replaced"
x = IAddReturnsOther()
x += 1
print(x)
class IAddNotImpl:
    def __iadd__(self, o):
        log.append("iadd -> NotImplemented")
        return NotImplemented
    def __add__(self, o):
        log.append("add fallback")
        return "from __add__"
y = IAddNotImpl()
y += 1
print(y, log); log.clear()
class RAddOnly:
    def __radd__(self, o):
        return f"radd({o})"
z = 5
z += RAddOnly()
print(z)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print(type(e).__name__, e, t)
l = [1]
l += (2, 3)
l += "ab"
l += range(2)
print(l)
try:
    l = l + (1,)
except TypeError as e:
    print(type(e).__name__, e)
s = {1}
s |= {2}; s &= {2, 3}; s ^= {4}; s -= {4}
print(s)
d = {"a": 1}
d |= [("b", 2)]
print(d)
st = "a"
st += "b"
st *= 2
print(st)
i = 10
i //= 3; i **= 2; i %= 5; i <<= 3; i >>= 1; i |= 1; i ^= 3; i &= 6
print(i)
f = 1.5
f += 1; f *= 2; f /= 4; f -= 0.25; f **= 2; f //= 0.5; f %= 0.75
print(f)
