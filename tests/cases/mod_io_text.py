# Text files: TextIOWrapper over buffered files, newline modes, encodings,
# seek/tell cookies, line buffering, reconfigure, detach.
import io, os

base = "/tmp/pyrite_io_text_%d" % os.getpid()
os.mkdir(base)
p = base + "/t.txt"


def show(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, str(e).replace(base, "BASE"))


with open(p, "w") as f:
    print(type(f).__name__, type(f.buffer).__name__, f.mode, f.encoding, f.errors)
    print(f.line_buffering, f.write_through, f.newlines, f.name == p)
    print(f.write("héllo\n"), f.write("wörld\r\nthird\rlast"), f.tell())
    print(repr(f).replace(base, "BASE"))
print(f.closed, f.buffer.closed)
show("write closed", lambda: f.write("x"))
show("read closed", lambda: f.read())

with open(p, "rb") as f:
    print(f.read())

with open(p) as f:
    print(repr(f.read()), f.newlines)
with open(p, newline="") as f:
    print(f.readlines(), f.newlines)
with open(p, newline="\r") as f:
    print(f.readlines())
with open(p, newline="\r\n") as f:
    print(f.readlines())
with open(p, newline="\n") as f:
    print(f.readlines())
with open(p) as f:
    print(repr(f.readline()), repr(f.readline(3)), repr(f.readline(100)), f.tell())
    print(repr(f.read(4)), f.tell(), repr(f.readline()), repr(f.readline()))
with open(p) as f:
    pos = []
    while True:
        pos.append(f.tell())
        line = f.readline()
        if not line:
            break
    print(pos[:3], len(pos))
    for q in pos:
        f.seek(q)
        print(repr(f.readline()))
    f.seek(0)
    print(repr(f.read(2)), f.tell())
    print(f.seek(0, 2), repr(f.read()))
    show("seek cur", lambda: f.seek(1, 1))
    show("seek end", lambda: f.seek(-1, 2))
    show("seek neg", lambda: f.seek(-1))
    show("whence", lambda: f.seek(0, 3))
with open(p) as f:
    for line in f:
        show("tell in loop", lambda: f.tell())
        break

# writing with newline translation
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, "w", newline=nl) as f:
        f.write("a\nb\r\nc\rd")
    with open(p, "rb") as f:
        print(repr(nl), f.read())

# encodings
for enc in ["utf-8", "latin-1", "ascii", "utf-16", "utf-16-le", "utf-32", "utf-8-sig", "UTF8"]:
    with open(p, "w", encoding=enc) as f:
        f.write("abc\n")
        f.write("def\n")
        print(enc, f.encoding, f.tell())
    with open(p, "rb") as f:
        print(f.read())
    with open(p, encoding=enc) as f:
        print(f.readline(), f.tell(), repr(f.read()))
with open(p, "w", encoding="latin-1") as f:
    f.write("caf\xe9")
with open(p, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))
show("decode error", lambda: open(p, encoding="utf-8").read())
with open(p, "w", encoding="ascii", errors="replace") as f:
    f.write("naïve")
with open(p, "rb") as f:
    print(f.read())
with open(p, "w", encoding="ascii") as f:
    show("encode error", lambda: f.write("é"))
show("bad encoding", lambda: open(p, encoding="no-such-codec"))

# update modes
with open(p, "w+") as f:
    f.write("one\ntwo\nthree\n")
    f.seek(0)
    print(f.readline(), f.tell())
    f.seek(f.tell())
    f.write("TWO\n")
    f.seek(0)
    print(repr(f.read()))
with open(p, "a+") as f:
    print(f.tell())
    f.write("four\n")
    f.seek(0)
    print(f.readlines())
with open(p, "r+") as f:
    print(f.read(3))
    f.seek(0)
    f.write("ONE")
    f.seek(0)
    print(repr(f.read()))
    print(f.truncate(3), f.tell())
with open(p) as f:
    print(repr(f.read()))

# large file: crosses the chunk boundaries
with open(p, "w") as f:
    for i in range(3000):
        f.write("line %d é\n" % i)
with open(p) as f:
    lines = f.readlines()
    print(len(lines), lines[0], lines[-1], f.tell())
with open(p) as f:
    n = 0
    for line in f:
        n += len(line)
    print(n)
with open(p) as f:
    f.read(10000)
    t = f.tell()
    s = f.read(20)
    f.seek(t)
    print(f.read(20) == s, repr(s))
with open(p, newline="") as f:
    print(sum(1 for _ in f))

# TextIOWrapper over BytesIO
b = io.BytesIO()
w = io.TextIOWrapper(b, encoding="utf-8", newline="\r\n", line_buffering=True)
print(w.write("x\ny"), b.getvalue())
w.flush()
print(b.getvalue())
w.reconfigure(line_buffering=False)
print(w.line_buffering)
w.write("\n")
print(b.getvalue())
d = w.detach()
print(d is b)
show("after detach", lambda: w.write("z"))
show("detached buffer", lambda: w.buffer)
r = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\n"), newline=None)
print(r.readlines(), r.newlines, r.encoding)
r = io.TextIOWrapper(io.BytesIO(b"abc"), encoding="ascii")
print(r.read(1))
show("reconfigure after read", lambda: r.reconfigure(encoding="latin-1"))
show("reconfigure errors", lambda: r.reconfigure(errors="ignore"))
r = io.TextIOWrapper(io.BytesIO(b"abc"), encoding="ascii")
r.reconfigure(errors="ignore", newline="")
print(r.errors, r.read())
b = io.BytesIO()
w = io.TextIOWrapper(b)
w.write("pending")
print(b.getvalue())
w.flush()
print(b.getvalue())
b2 = io.BytesIO()
w2 = io.TextIOWrapper(b2, write_through=True)
w2.write("!")
print(b2.getvalue())
del w
print(b.closed)
show("bad newline", lambda: io.TextIOWrapper(io.BytesIO(), newline="x"))
show("bad encoding type", lambda: io.TextIOWrapper(io.BytesIO(), encoding=5))
show("write bytes", lambda: io.TextIOWrapper(io.BytesIO()).write(b"x"))
show("not readable", lambda: io.TextIOWrapper(io.BufferedWriter(io.BytesIO())).read())
show("not seekable", lambda: io.TextIOWrapper(io.BufferedReader(io.BytesIO())).seek(0))

os.remove(p)
os.rmdir(base)
print("done")
