ba = bytearray(b"hello")
print(ba, repr(ba), len(ba), ba[0], ba[1:3], type(ba[1:3]).__name__)
ba[0] = 72
ba[1:3] = b"EL"
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
print(ba)
ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
print(ba)
del ba[0]
del ba[-2:]
print(ba)
ba += b"++"
ba *= 2
print(ba, ba.count(b"+"), ba.find(b"L"), ba.index(b"+"))
ba.reverse()
print(ba)
ba.clear()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray.fromhex("4142"))
x = bytearray(b"abc")
y = x.copy()
y[0] = 122
print(x, y, x == b"abc", bytes(x), x.decode(), x.upper(), x + b"d", b"d" + x, type(b"d" + x).__name__)
try:
    x[0] = 256
except ValueError as e:
    print(type(e).__name__, e)
try:
    x[0] = "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    x.remove(120)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray().pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    hash(bytearray())
except TypeError as e:
    print(type(e).__name__, e)
z = bytearray(b"0123456789")
z[::2] = b"abcde"
print(z)
try:
    z[::2] = b"ab"
except ValueError as e:
    print(type(e).__name__, e)
z[2:5] = []
print(z, z.hex(), z.isalnum(), z.split(b"7"), z.replace(b"a", b"A"), z.strip(b"a9"))
m = memoryview(z)
m[0] = ord("Z")
print(z[:3], m[1], m.nbytes, m.readonly, bytes(m[1:3]))
m.release()
print(bytearray(b"abc") < bytearray(b"abd"), bytearray(b"a") in [b"a"], sorted(bytearray(b"cba")))
