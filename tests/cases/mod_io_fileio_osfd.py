# io.FileIO and os.open share descriptors: FileIO(os.open(...)) as
# importlib's _write_atomic uses it, os.read/os.write on FileIO.fileno().
import io
import os
import tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "data.bin")

fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
with io.FileIO(fd, "wb") as f:
    print(f.mode, f.closefd, f.fileno() == fd)
    print(f.write(b"hello, world\n"))
try:
    os.close(fd)
except OSError as e:
    print(type(e).__name__, e.errno)

fd = os.open(path, os.O_RDONLY)
f = io.FileIO(fd, "rb", closefd=False)
print(f.read(5))
print(os.read(fd, 3))
print(f.read())
f.close()
os.close(fd)

with open(path, "ab") as g:
    print(os.write(g.fileno(), b"more\n"))
with open(path, "rb") as g:
    print(g.read())
    print(os.lseek(g.fileno(), 0, os.SEEK_SET), os.read(g.fileno(), 4))

fd = os.open(path, os.O_RDONLY)
with open(fd, "r", encoding="ascii") as t:
    print(t.readlines())

try:
    io.FileIO(987654, "rb")
except OSError as e:
    print(type(e).__name__, e.errno)

os.remove(path)
os.rmdir(d)

# type.__doc__ is writable on classes, not on builtin types.
class A:
    "first"

A.__doc__ = "second"
print(A.__doc__)
for target in (A, int):
    try:
        if target is A:
            del target.__doc__
        else:
            target.__doc__ = "x"
    except TypeError as e:
        print(type(e).__name__, e)

# Classes with empty __slots__ add no layout: they combine freely.
class P:
    __slots__ = ("a",)

class Q(P):
    __slots__ = ()

class R(P):
    __slots__ = ()

class S(Q, R):
    __slots__ = ()

print([c.__name__ for c in S.__mro__])
class T(P):
    __slots__ = ("b",)

try:
    class U(T, R, Q):
        pass
    print("U", [c.__name__ for c in U.__mro__])
except TypeError as e:
    print(type(e).__name__, e)
class W(P):
    __slots__ = ("c",)
try:
    class V(T, W):
        pass
except TypeError as e:
    print(type(e).__name__, e)
