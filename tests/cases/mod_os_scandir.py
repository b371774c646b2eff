import os
print(type(os.cpu_count()).__name__, os.cpu_count() >= 1)
with os.scandir(".") as it:
    ents = sorted(it, key=lambda e: e.name)
e = [x for x in ents if x.name == "mod_os_scandir.py"][0]
print(e, e.name, e.path, e.is_file(), e.is_dir(), e.is_symlink(), e.stat().st_size > 0, os.fspath(e), e.inode() > 0)
print(type(e), len(ents) > 10)
tops = [(d, len(f) > 0) for d, s, f in os.walk(".")]
print(tops[0])
try:
    os.scandir("does-not-exist")
except FileNotFoundError as x:
    print(type(x).__name__, x.errno, x.filename)
try:
    type(e)()
except TypeError as x:
    print(type(x).__name__, x)
