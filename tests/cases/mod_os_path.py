import os, os.path as p
print(p.join("a", "b", "c.txt"), p.join("/root", "x"), p.join("a", "/abs", "b"), p.join("a", ""), p.join("", "b"))
print(p.basename("/x/y/z.tar.gz"), p.dirname("/x/y/z.tar.gz"), p.split("/x/y/z"), p.split("z"), p.split("/"), p.splitext("a/b.c.d"), p.splitext(".bashrc"), p.splitext("noext"))
print(p.normpath("a//b/./c/../d"), p.normpath("/../x"), p.normpath(""), p.isabs("/x"), p.isabs("x"), p.commonprefix(["abcd", "abxy"]), p.commonpath(["/a/b/c", "/a/b/d"]))
print(p.relpath("/a/b/c", "/a"), p.relpath("/a", "/a/b/c"), p.normcase("AbC"), p.splitdrive("/x/y"), p.sep, os.sep, os.linesep == "\n", os.curdir, os.pardir)
print(p.exists("."), p.isdir("."), p.isfile("mod_os_path.py"), p.exists("no/such/file"), p.getsize("mod_os_path.py") > 100, p.basename(os.getcwd()))
print(p.abspath("x").endswith(os.sep + "x"), p.abspath(".") == os.getcwd(), p.expanduser("~x") == "~x" or True)
print("mod_os_path.py" in os.listdir("."), "helpermod_basic.py" in os.listdir("."), sorted(n for n in os.listdir(".") if n.startswith("helpermod_basic")))
print(type(os.environ).__name__, "PATH" in os.environ, os.environ.get("DEFINITELY_NOT_SET_VAR", "unset"), os.getenv("PYTHONDONTWRITEBYTECODE"))
print(os.name, callable(os.getpid), os.getpid() > 0, type(os.cpu_count()).__name__ in ("int", "NoneType"))
st = os.stat("mod_os_path.py")
print(st.st_size == p.getsize("mod_os_path.py"), st.st_mtime > 0)
try:
    os.stat("definitely/missing")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
try:
    os.listdir("definitely/missing")
except OSError as e:
    print(type(e).__name__, e.strerror)
print(os.fspath("str path"), os.fsencode("é"), os.fsdecode(b"x"))
print([t for t in os.walk(".")][0][0])
