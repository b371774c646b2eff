# Binary files: FileIO and the buffered classes over temp files.
import io, os

base = "/tmp/pyrite_io_bin_%d" % os.getpid()
os.mkdir(base)
p = base + "/data.bin"


def show(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, str(e).replace(base, "BASE"))


with open(p, "wb") as f:
    print(type(f).__name__, type(f.raw).__name__, f.mode, f.raw.mode, f.name == p)
    print(f.write(b"hello\nworld\n"), f.write(bytearray(b"123")), f.write(memoryview(b"xyz")))
    print(f.tell(), f.writable(), f.readable(), f.seekable())
    show("read on w", lambda: f.read())
print(f.closed, f.raw.closed)
show("write closed", lambda: f.write(b"x"))
show("flush closed", lambda: f.flush())

with open(p, "rb") as f:
    print(type(f).__name__, f.read(3), f.peek(2)[:2], f.read1(3), f.tell())
    print(f.readline(), f.readline(), f.readline(), f.tell())
    print(f.seek(0), f.read(), f.seek(-3, 2), f.read(), f.seek(2), f.seek(2, 1), f.read(2))
    f.seek(0)
    print(f.readlines())
    f.seek(0)
    print(list(f))
    f.seek(0)
    print(f.readlines(7))
    f.seek(0)
    b = bytearray(4)
    print(f.readinto(b), b, f.readinto1(b), b)
    show("write on r", lambda: f.write(b"x"))
    show("read(-2)", lambda: f.read(-2))
print(f.closed)
show("read closed", lambda: f.read())
show("readline closed", lambda: f.readline())
show("peek closed", lambda: f.peek())
show("seek closed", lambda: f.seek(0))
show("tell closed", lambda: f.tell())

# append and update modes
with open(p, "ab") as f:
    print(f.mode, f.tell(), f.write(b"!!"), f.tell())
with open(p, "r+b") as f:
    print(type(f).__name__, f.mode, f.read(5))
    f.write(b"_")
    print(f.tell())
    f.seek(0)
    print(f.read())
    print(f.truncate(4), f.tell())
    f.seek(0)
    print(f.read())
with open(p, "w+b") as f:
    print(f.read(), f.write(b"abcdef"), f.tell())
    f.seek(1)
    print(f.read(2))
    f.write(b"XY")
    f.seek(0)
    print(f.read())
with open(p, "a+b") as f:
    print(f.tell(), f.read())
    f.seek(0)
    print(f.read(2))
    f.write(b"++")
with open(p, "rb") as f:
    print(f.read())
show("x existing", lambda: open(p, "xb"))
with open(base + "/new.bin", "xb") as f:
    print(f.mode, f.write(b"new"))
show("missing", lambda: open(base + "/nope/x", "rb"))
show("dir", lambda: open(base, "rb"))

# unbuffered
with open(p, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.closefd, f.read(2), f.readall(), f.read(), f.tell())
    f.seek(0)
    b = bytearray(3)
    print(f.readinto(b), bytes(b), f.readable(), f.writable(), f.seekable(), f.isatty())
    show("write unbuf", lambda: f.write(b"x"))
print(repr(f))
show("read closed raw", lambda: f.read())
show("fileno closed raw", lambda: f.fileno())
with open(p, "wb", buffering=0) as f:
    print(f.write(b"raw"), f.tell())
    show("read raw w", lambda: f.read())
    show("str to raw", lambda: f.write("s"))
with io.FileIO(p, "r") as f:
    print(f.mode, f.read())
with io.FileIO(p, "a+") as f:
    print(f.mode, f.write(b"1"), f.seek(0), f.read())

# buffered classes directly
raw = io.FileIO(p, "r+")
br = io.BufferedRandom(raw, 4)
print(br.read(2), br.tell(), br.write(b"ZZ"), br.tell())
br.seek(0)
print(br.read(), br.raw is raw)
d = br.detach()
print(d is raw, d.closed)
show("after detach", lambda: br.read())
show("repr detach", lambda: repr(br))
raw.close()
show("bad size", lambda: io.BufferedReader(io.BytesIO(), 0))
show("not writable", lambda: io.BufferedWriter(io.FileIO(p, "r")))
show("not readable", lambda: io.BufferedReader(io.FileIO(p, "a")))
pair = io.BufferedRWPair(io.BytesIO(b"pairdata"), io.BytesIO())
print(pair.read(4), pair.peek(1)[:1], pair.write(b"out"), pair.readable(), pair.writable())
pair.close()
print(pair.closed)

# a Python raw stream under a BufferedReader
class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = 0
    def readable(self):
        return True
    def readinto(self, b):
        self.calls += 1
        n = min(len(b), 3, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

r = Raw(b"abcdefghij\nklm")
print(r.read(2), r.readall(), r.read())
r = Raw(b"abcdefghij\nklm")
br = io.BufferedReader(r, 5)
print(br.read(4), br.readline(), br.read(), r.calls)
print(repr(br).startswith("<_io.BufferedReader"), br.closed)

os.remove(p)
os.remove(base + "/new.bin")
os.rmdir(base)
print("done")
