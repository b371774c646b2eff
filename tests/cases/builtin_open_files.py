# File I/O through open() inside a temporary directory (paths are never printed).
import os, tempfile
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "data.txt")
    with open(path, "w") as f:
        print(type(f).__name__, f.mode, f.writable(), f.readable(), f.closed)
        n = f.write("line one\n")
        f.write("line two\nline three")
        f.writelines(["\n", "four\n"])
        print("wrote", n)
    print(f.closed)
    with open(path) as f:
        print(repr(f.read()))
    with open(path, "r", encoding="utf-8") as f:
        print(repr(f.readline()), repr(f.readline(4)), repr(f.readline()))
        print(f.readlines())
        print(repr(f.read()), repr(f.readline()))
    with open(path) as f:
        print([line.rstrip("\n") for line in f])
    with open(path) as f:
        f.seek(5)
        print(f.tell(), repr(f.read(3)), f.tell())
    with open(path, "a") as f:
        f.write("appended\n")
    with open(path) as f:
        print(f.read().splitlines()[-1])
    bpath = os.path.join(tmp, "bin.dat")
    with open(bpath, "wb") as f:
        f.write(bytes(range(10)))
        f.write(b"\xff")
    with open(bpath, "rb") as f:
        print(type(f).__name__, f.read(3), f.read(), f.tell())
        f.seek(-2, 2)
        print(f.read())
    print(os.path.getsize(bpath), os.path.exists(bpath), os.path.isfile(bpath), os.path.isdir(tmp))
    upath = os.path.join(tmp, "u.txt")
    with open(upath, "w", encoding="utf-8") as f:
        f.write("héllo 日本\n")
    with open(upath, "rb") as f:
        print(f.read())
    with open(upath, encoding="utf-8") as f:
        print(f.read().strip())
    try:
        with open(upath, encoding="ascii") as f:
            f.read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e.reason)
    with open(path, "r+") as f:
        f.write("LINE")
    with open(path) as f:
        print(f.readline().strip())
    with open(os.path.join(tmp, "x.txt"), "x") as f:
        f.write("exclusive")
    try:
        open(os.path.join(tmp, "x.txt"), "x")
    except FileExistsError as e:
        print(type(e).__name__, e.errno)
    try:
        open(os.path.join(tmp, "missing.txt"))
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror)
    try:
        open(path, "q")
    except ValueError as e:
        print(type(e).__name__, e)
    f = open(path)
    f.close()
    try:
        f.read()
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        with open(path, "w") as f:
            f.read()
    except OSError as e:
        print(type(e).__name__, e)
    print(sorted(os.listdir(tmp)))
    os.remove(bpath)
    print(sorted(os.listdir(tmp)))
print(os.path.exists(tmp))
