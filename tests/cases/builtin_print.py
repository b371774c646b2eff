import sys, io
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end="!\n")
print("no newline", end="")
print(" -- continued")
print(1, 2.5, None, True, [1], (2,), {"k": "v"}, sep="|")
print(*range(5))
print(*"abc", sep="-", end=".\n")
print("x", sep=None, end=None)
print("flush", flush=True)
buf = io.StringIO()
print("to buffer", 42, file=buf)
print("second", file=buf, end="")
print(repr(buf.getvalue()))
print("stdout explicit", file=sys.stdout)
print("file=None goes to stdout", file=None)
sys.stdout.write("direct write\n")
n = sys.stdout.write("abc\n")
print(n)
class S:
    def __str__(self): return "S.__str__"
    def __repr__(self): return "S.__repr__"
print(S(), [S()], (S(),), {"k": S()})
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", end=[])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self): return 5
try:
    print(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
print("unicode: é 日本 😀 \u00e9")
print("tab\tand\\backslash", "embedded\nnewline")
print("", "")
print(end="")
print("%d items" % 3, "{} items".format(4))
print(print("inner"))
sys.stdout.flush()
