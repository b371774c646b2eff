import os
print(type(os.cpu_count()).__name__, os.cpu_count() >= 1)
base = "_scandir_tmp_%d" % os.getpid()
os.mkdir(base)
os.mkdir(os.path.join(base, "sub"))
with open(os.path.join(base, "a.txt"), "w") as f:
    f.write("hello")
with open(os.path.join(base, "sub", "b.txt"), "w") as f:
    f.write("x")
try:
    with os.scandir(base) as it:
        ents = sorted(it, key=lambda e: e.name)
    for e in ents:
        print(repr(e), e.name, e.path == os.path.join(base, e.name), e.is_file(), e.is_dir(), e.is_symlink(), e.inode() > 0)
    f = ents[0]
    print(f.stat().st_size, os.fspath(f) == f.path, type(f))
    walked = [(os.path.relpath(d, base), sorted(s), sorted(fs)) for d, s, fs in os.walk(base)]
    print(sorted(walked))
    try:
        os.scandir(os.path.join(base, "does-not-exist"))
    except FileNotFoundError as x:
        print(type(x).__name__, x.errno)
    try:
        type(f)()
    except TypeError as x:
        print(type(x).__name__, x)
finally:
    os.remove(os.path.join(base, "sub", "b.txt"))
    os.remove(os.path.join(base, "a.txt"))
    os.rmdir(os.path.join(base, "sub"))
    os.rmdir(base)
print(os.path.exists(base))
