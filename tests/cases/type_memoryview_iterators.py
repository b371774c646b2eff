m = memoryview(b"abcdef")
print(m[0], m[-1], bytes(m[1:3]), m.tobytes(), m.tolist()[:3], len(m), m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape)
print(m == b"abcdef", m[::2].tobytes(), bytes(m[::-1]), m.hex(), m.obj == b"abcdef")
try:
    m[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
ba = bytearray(b"hello")
mv = memoryview(ba)
mv[0] = ord("J")
mv[1:3] = b"EL"
print(ba, mv.readonly)
try:
    mv[0:2] = b"xyz"
except ValueError as e:
    print(type(e).__name__, e)
try:
    ba.append(1)
except BufferError as e:
    print(type(e).__name__, e)
mv.release()
ba.append(33)
print(ba)
try:
    mv[0]
except ValueError as e:
    print(type(e).__name__, e)
with memoryview(b"xy") as ctx:
    print(ctx.tobytes())
ints = memoryview(bytearray(8)).cast("i")
ints[1] = 258
print(ints.tolist(), ints.format, ints.itemsize, len(ints), bytes(ints.obj))
# iterator types and protocols
it = iter([1, 2, 3])
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
d = {"a": 1, "b": 2}
for view in (d.keys(), d.values(), d.items()):
    vi = iter(view)
    print(type(vi).__name__, next(vi), vi.__length_hint__())
e = enumerate("ab")
print(type(e).__name__, iter(e) is e, next(e), list(e))
z = zip("ab", "cd")
print(type(z).__name__, iter(z) is z, next(z), list(z), list(z))
r = reversed("abc")
print(type(r).__name__, next(r), r.__length_hint__(), list(r))
ri = iter(range(2, 10, 3))
print(type(ri).__name__, ri.__length_hint__(), list(ri))
si = iter({5})
print(type(si).__name__, next(si))
tupi = iter((1,))
print(type(tupi).__name__, next(tupi), next(tupi, "end"))
bi = iter(b"ab")
print(type(bi).__name__, list(bi))
gen = (i for i in range(2))
print(type(gen).__name__, iter(gen) is gen, list(gen))
m_ = map(abs, [-1])
f_ = filter(None, [0, 1])
print(type(m_).__name__, type(f_).__name__, iter(m_) is m_, list(m_), list(f_))
