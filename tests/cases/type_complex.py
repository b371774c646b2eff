z = 3 + 4j
print(z, repr(z), z.real, z.imag, abs(z), z.conjugate(), type(z).__name__)
print(complex(1, 2), complex("1+2j"), complex(" 3-4j "), complex("j"), complex("-1.5e2j"), complex(2), complex(), complex(1j, 1j))
print(1j * 1j, (1 + 2j) * (3 - 1j), (1 + 2j) / (3 - 4j), (1 + 1j) ** 2, 2 ** (1j * 0), (2 + 0j) ** 3)
print(z + 1, 1 + z, z - 1.5, z * 2, z / 2, -z, +z, z == 3 + 4j, z != 3, (1 + 0j) == 1, 1j == 1j)
print(0j, -0j, complex(0, -0.0), complex(-0.0, 0), 1e300j * 1e10, complex("inf"), complex("nan+nanj"))
print(repr(1j), repr(1 + 0j), repr(-1 - 1j), repr(complex(1.5, -2.25)), str(2j), 1e-20j)
print(hash(1 + 0j) == hash(1), hash(0j) == 0, bool(0j), bool(1j), bool(complex(0, 0.0)))
print(f"{z:.2f}", f"{1.5 - 2j:>15}", format(z, ""), "{:g}".format(1 + 1j))
try:
    z < z
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(z)
except TypeError as e:
    print(type(e).__name__, e)
try:
    float(z)
except TypeError as e:
    print(type(e).__name__, e)
try:
    z // 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    z % 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    complex("1+2")
except ValueError as e:
    print(type(e).__name__, e)
try:
    complex("x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    complex("1", 2)
except TypeError as e:
    print(type(e).__name__, e)
print((1 + 2j).__add__(1), (1 + 2j).__radd__(2), (2j).__mul__(1j), complex.__name__, isinstance(1j, complex))
print(sum([1j, 2j, 3]), pow(1j, 2), pow(2j, 0), 0j ** 0)
print((3 + 4j).real.is_integer(), divmod if False else "no divmod", (1+1j).__abs__())
