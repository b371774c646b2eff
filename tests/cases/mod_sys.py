import sys
print(sys.argv, len(sys.argv), sys.argv[0].endswith("mod_sys.py"))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, type(sys.maxsize).__name__)
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), type(sys.version_info).__name__)
print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print(type(e).__name__, e)
print(sys.byteorder, sys.platform.startswith(("linux", "darwin", "win")), isinstance(sys.path, list), sys.path[0].endswith("cases"))
print(sys.maxunicode, sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit in (15, 30))
print(sys.hash_info.modulus == 2 ** 61 - 1, sys.hash_info.inf, sys.hash_info.width)
print(type(sys.modules).__name__, "sys" in sys.modules, "builtins" in sys.modules, sys.modules["__main__"].__name__)
print(sys.stdout is sys.__stdout__, hasattr(sys.stdin, "readline"), sys.stdout.writable() if hasattr(sys.stdout, "writable") else True)
print(callable(sys.exit), callable(sys.exc_info), sys.getdefaultencoding(), sys.implementation.name in ("cpython", "pyrite"))
def frame_fn():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name
print(frame_fn())
print(sys.intern("abc") == "abc")
try:
    sys.exit("not really")
except SystemExit as e:
    print(type(e).__name__, e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print(type(e).__name__, e.code, e.args)
try:
    sys.exit(3)
except SystemExit as e:
    print(type(e).__name__, e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code)
print("end")
