# open() argument errors, closed-stream errors, in-memory streams, the io
# ABCs, IncrementalNewlineDecoder and subclassing the io classes.
import io, os

base = "/tmp/pyrite_io_err_%d" % os.getpid()
os.mkdir(base)
p = base + "/e.txt"
with open(p, "w") as f:
    f.write("abc\n")


def show(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, str(e).replace(base, "BASE"))


for mode in ["rw", "rU", "rtb", "rr", "", "z", "r++", "wa", "xr", "U", "b", "t", "+"]:
    show("mode %r" % mode, lambda: open(p, mode))
show("bin enc", lambda: open(p, "rb", encoding="utf-8"))
show("bin err", lambda: open(p, "rb", errors="strict"))
show("bin nl", lambda: open(p, "rb", newline=""))
show("unbuffered text", lambda: open(p, "r", buffering=0))
show("list", lambda: open([]))
show("float", lambda: open(1.5))
show("closefd", lambda: open(p, closefd=False))
show("newline", lambda: open(p, newline="x"))
show("newline type", lambda: open(p, newline=5))
show("enc type", lambda: open(p, encoding=5))
show("errors type", lambda: open(p, errors=5))
show("mode type", lambda: open(p, 5))
show("buffering type", lambda: open(p, "r", buffering="a"))
show("missing", lambda: open(base + "/missing.txt"))
show("FileIO mode", lambda: io.FileIO(p, "rt"))
show("FileIO mode2", lambda: io.FileIO(p, "rw"))
show("FileIO neg fd", lambda: io.FileIO(-1))
with open(p, "rb", buffering=0) as f:
    show("raw write", lambda: f.write(b"x"))
with open(p, "w") as f:
    show("text read on w", lambda: f.read())
    show("text readline on w", lambda: f.readline())

# operations on closed streams, for every kind
f = open(p, "rb")
f.close()
for m in ["read", "read1", "peek", "readline", "flush", "seek", "truncate", "readinto", "fileno", "isatty", "readable", "seekable", "__iter__", "__enter__"]:
    args = {"seek": [0], "readinto": [bytearray(1)]}.get(m, [])
    show("closed rb " + m, lambda: getattr(f, m)(*args))
f = open(p, "r")
f.close()
for m in ["read", "readline", "write", "flush", "seek", "tell", "truncate", "fileno", "isatty", "readable", "__next__", "__enter__", "readlines", "writelines"]:
    args = {"seek": [0], "write": ["x"], "writelines": [["x"]]}.get(m, [])
    show("closed r " + m, lambda: getattr(f, m)(*args))
f = open(p, "rb", buffering=0)
f.close()
for m in ["read", "readall", "write", "flush", "seek", "tell", "truncate", "fileno", "isatty", "readable", "writable"]:
    args = {"seek": [0], "write": [b"x"]}.get(m, [])
    show("closed raw " + m, lambda: getattr(f, m)(*args))
s = io.StringIO()
s.close()
for m in ["read", "readline", "write", "seek", "tell", "truncate", "getvalue", "readable", "flush", "isatty", "__next__"]:
    args = {"seek": [0], "write": ["x"]}.get(m, [])
    show("closed StringIO " + m, lambda: getattr(s, m)(*args))
b = io.BytesIO()
b.close()
for m in ["read", "readline", "write", "seek", "tell", "truncate", "getvalue", "readable", "flush", "isatty", "__next__"]:
    args = {"seek": [0], "write": [b"x"]}.get(m, [])
    show("closed BytesIO " + m, lambda: getattr(b, m)(*args))

# StringIO
show("sio newline", lambda: io.StringIO(newline="x"))
show("sio newline type", lambda: io.StringIO(newline=3))
show("sio initial", lambda: io.StringIO(b"x"))
show("sio seek neg", lambda: io.StringIO().seek(-1))
show("sio seek cur", lambda: io.StringIO().seek(1, 1))
show("sio whence", lambda: io.StringIO().seek(0, 5))
show("sio truncate", lambda: io.StringIO().truncate(-1))
show("sio read str", lambda: io.StringIO().read("x"))
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO("a\nb\r\nc\rd", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
    s = io.StringIO(newline=nl)
    s.write("x\r\ny\n")
    s.seek(0)
    print(repr(s.read()), s.newlines)
s = io.StringIO("0123456789")
s.seek(3)
print(s.truncate(), repr(s.getvalue()), s.tell(), s.line_buffering)
s.seek(6)
s.write("Z")
print(repr(s.getvalue()), s.readlines(1), s.readable(), s.isatty())
s = io.StringIO("l1\nl2\nl3\n")
print(s.readlines(4), s.readline(1), repr(s.readline(0)))

# BytesIO
show("bio seek neg", lambda: io.BytesIO().seek(-1))
show("bio whence", lambda: io.BytesIO().seek(0, 5))
show("bio truncate", lambda: io.BytesIO().truncate(-1))
show("bio init str", lambda: io.BytesIO("x"))
b = io.BytesIO(b"0123456789")
print(b.seek(-3, 2), b.read(), b.seek(-100, 1), b.seek(20), b.read(), b.tell())
b.write(b"!")
print(b.getvalue(), len(b.getvalue()))
b = io.BytesIO(b"ab\ncd\nef")
print(b.readlines(), b.seek(0), list(b), b.seek(0), b.readline(1), b.read1(2), b.read1())
ba = bytearray(5)
b.seek(0)
print(b.readinto(ba), ba, b.truncate(3), b.getvalue(), b.tell())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush())
b = io.BytesIO(b"xyz")
print(bytes(b.getbuffer()), b.getbuffer().nbytes)
b = io.BytesIO(b"abcdef")
m = b.getbuffer()
m[0] = ord("X")
print(b.getvalue(), len(m))
show("write exported", lambda: b.write(b"zz"))
show("truncate exported", lambda: b.truncate(2))
show("close exported", lambda: b.close())
print(b.read(2), b.seek(0))
del m
print(b.write(b"zz"), b.getvalue())
with b.getbuffer() as view:
    print(view.nbytes, view.readonly)
print(b.write(b"ok"), b.getvalue())
b.close()
show("getbuffer closed", lambda: b.getbuffer())

# ABCs
f = open(p)
for obj in [f, f.buffer, f.buffer.raw, io.StringIO(), io.BytesIO()]:
    print(type(obj).__name__, [isinstance(obj, c) for c in (io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase)])
f.close()
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BufferedRWPair, io.BufferedIOBase))
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.text_encoding(None), io.text_encoding("x"))
print(io.open is open, io.BlockingIOError is BlockingIOError)
print(io.StringIO, io.TextIOWrapper, io.IncrementalNewlineDecoder)
with io.open_code(p) as f:
    print(type(f).__name__, f.read())

# IncrementalNewlineDecoder
d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines)
print(d.getstate())
d.reset()
print(d.newlines, repr(d.decode("x\ry")), d.newlines)
d = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode("a\r\nb\rc\n")), d.newlines)
class Latin1Decoder:
    def __init__(self):
        self.calls = 0
    def decode(self, data, final=False):
        self.calls += 1
        return data.decode("latin-1")
    def getstate(self):
        return (b"", self.calls)
    def setstate(self, state):
        self.calls = state[1]
    def reset(self):
        self.calls = 0
d = io.IncrementalNewlineDecoder(Latin1Decoder(), translate=True)
print(repr(d.decode(b"\xe9")), repr(d.decode(b"\xa9\r")), d.getstate(), repr(d.decode(b"\n")))
d.setstate((b"", 7))
print(d.getstate(), repr(d.decode(b"x", final=True)))
show("decoder returns bytes", lambda: io.IncrementalNewlineDecoder(type("D", (), {"decode": lambda self, b, final=False: b})(), True).decode(b"x"))

# subclasses
class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())
u = Upper()
print("hi", file=u)
u.writelines(["a", "b"])
print(repr(u.getvalue()))

class Counting(io.BytesIO):
    n = 0
    def read(self, size=-1):
        Counting.n += 1
        return super().read(size)
c = Counting(b"12\n34\n")
print(c.read(1), Counting.n, c.readline())

class MyRaw(io.RawIOBase):
    def readable(self):
        return True
    def readinto(self, b):
        return 0
print(MyRaw().read(), MyRaw().readall(), MyRaw().readable(), MyRaw().closed)
m = MyRaw()
m.close()
print(m.closed)
show("closed myraw", lambda: m.readline())
show("iobase seek", lambda: io.IOBase().seek(0))
show("iobase fileno", lambda: io.IOBase().fileno())
show("bufferedio read", lambda: io.BufferedIOBase().read())
show("textio read", lambda: io.TextIOBase().read())
show("rawio readinto", lambda: io.RawIOBase().readinto(bytearray(1)))
print(io.TextIOBase().encoding, io.TextIOBase().newlines)

os.remove(p)
os.rmdir(base)
print("done")
