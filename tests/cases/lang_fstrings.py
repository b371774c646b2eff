name, n, pi = "World", 42, 3.14159265
print(f"Hello, {name}!", f"{n}", f"{n!r}", f"{name!r}", f"{name!s}", f"{'é'!a}", f"{name!a}")
print(f"{pi:.2f}|{pi:10.3f}|{pi:<10.1f}|{pi:^10.2f}|{pi:>+10.2f}|{pi:e}|{pi:.3E}|{pi:g}|{pi:%}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{-n:+}|{n: }|{n:x}|{n:X}|{n:#x}|{n:o}|{n:#o}|{n:b}|{n:#b}")
print(f"{1234567:,}|{1234567:_}|{1234567.891:,.2f}|{0xdeadbeef:_x}|{n:c}|{65:c}")
print(f"{name:*^11}|{name:-<8}|{name:>8}|{name:.3}|{name:10.2}|")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|{name:{'>'}{width}}|{n:{'0'}{width}d}")
x = 7
print(f"{x=}", f"{x = }", f"{x*2=}", f"{name=!s}", f"{pi=:.2f}", f"{x + 1 = }")
print(f"{{literal braces}}", f"{{{x}}}", f"{'nested ' + f'{x}'}")
print(f"{[1, 2][0]} {dict(a=1)['a']} {(lambda: 'lam')()}")
print(f"{3.0:.0f}|{2.5:.0f}|{0.5:.0f}|{1.5:.0f}|{-0.0:.1f}|{1e20:.3g}|{1e-7:g}|{123.456:.1e}")
print(f"{True}|{None}|{True:d}|{3+4j}|{(1, 2)}|{[1, 'a']}")
print(f"{'multi'}" f"{'ple'}" "-plain-" f"{x}")
print(f"{x:>{width}}", f"{x!r:>4}")
class Custom:
    def __format__(self, spec):
        return f"<Custom spec={spec!r}>"
print(f"{Custom()}", f"{Custom():abc}", format(Custom(), "zz"))
print(f"{n:=+8}|{-n:=8}|{n:#010b}|{12.5:08.2f}|{-12.5:08.2f}")
print(f"{float('inf'):f}|{float('nan'):f}|{float('-inf'):10}|{1/3:.17g}")
print(f"{0.1:.20f}", f"{100:.2%}", f"{0.125:.2f}", f"{0.375:.2f}", f"{2.675:.2f}")
print(f"{12345.6789:,.1f}", f"{-1234:,}", f"{10**20:,}")
print(f"{'tab':\t^9}|")
try:
    f"{n:z}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{name:d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{pi:d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(n, ".2s")
except ValueError as e:
    print(type(e).__name__, e)
# str.format equivalents
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{0[1]} {1.real}".format([5, 6], 3))
print("{:>6}|{:^6}|{:<6}|".format("r", "c", "l"), "{!r:}".format("q"), "{:{}}".format(5, 4))
print("%s %r %d %5.2f %-4d| %x %o %e %c %%" % ("s", "r", 42, 3.14159, 7, 255, 8, 12345.678, 65))
print("%(a)s and %(b)d" % {"a": "A", "b": 2}, "%05d" % 42, "%+d" % 5, "%.3s" % "abcdef", "%*d" % (5, 3))
try:
    "%d" % "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%s %s" % (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "{} {}".format(1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    "{a}".format(b=1)
except KeyError as e:
    print(type(e).__name__, e)
