import array
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for c in 'bBhHiIlLqQ':
    for v in [-1, 2**7, 2**8, 2**15, 2**16, 2**31, 2**32, 2**63, 2**64, -2**63-1, 1.5, 'x']:
        t(lambda: array.array(c, [v]))
t(lambda: array.array('f', ['x']))
t(lambda: array.array('d', [1, 2.5]))
t(lambda: array.array('u', 'abc'))
t(lambda: array.array('u', ['ab']))
t(lambda: array.array('u', [1]))
t(lambda: array.array('z'))
t(lambda: array.array('i', 'abc'))
t(lambda: array.array('b', b'\x01\xff'))
t(lambda: array.array())
t(lambda: array.array('i', [1], 2))
t(lambda: array.array('i', x=1))
a = array.array('i', [1, 2, 3])
t(lambda: (a, a.typecode, a.itemsize, len(a), a[0], a[-1], a[1:], a[::-1], list(a), a.tolist(), 2 in a, a.index(2), a.count(3)))
t(lambda: a[5])
t(lambda: a.index(9))
a.append(4); a.extend([5, 6]); a.insert(0, 0); a.insert(100, 7); a.insert(-100, -1)
t(lambda: a)
t(lambda: (a.pop(), a.pop(0), a))
t(lambda: a.remove(99))
a.remove(3); a.reverse()
t(lambda: a)
a[0] = 42; a[1:3] = array.array('i', [9, 9, 9])
t(lambda: a)
t(lambda: a.__setitem__(slice(0, 2), [1, 2]))
t(lambda: a.__setitem__(0, 'x'))
del a[0]; del a[::2]
t(lambda: a)
b = array.array('h', [1, -2, 300])
t(lambda: (b.tobytes(), array.array('h', b.tobytes()), b.buffer_info()[1], b + b, b * 2, 2 * b))
b.byteswap()
t(lambda: b)
c = array.array('h'); c.frombytes(b'\x01\x00\x02\x00'); c.fromlist([3]);
t(lambda: c)
t(lambda: c.frombytes(b'\x01'))
t(lambda: c.fromlist([1, 'x']))
t(lambda: c)
t(lambda: b + array.array('i'))
t(lambda: (array.array('i', [1, 2]) == array.array('l', [1, 2]), array.array('i', [1, 2]) < array.array('i', [1, 3]), array.array('d', [1.0]) == array.array('i', [1])))
t(lambda: array.array('d', [0.1, 1e300]))
t(lambda: array.array('f', [0.1]))
t(lambda: array.array('f', [1e300]))
t(lambda: array.array('u', 'héllo').tounicode())
t(lambda: array.array('i').tounicode())
t(lambda: array.typecodes)
t(lambda: array.ArrayType is array.array)
t(lambda: array.array('b', range(5)))
t(lambda: array.array('i', array.array('h', [1, 2])))
t(lambda: repr(array.array('i')))
t(lambda: sorted(n for n in dir(array.array) if not n.startswith('__')))
x = array.array('i', [1]); x += array.array('i', [2]); x *= 2
t(lambda: x)
t(lambda: x.extend(array.array('h', [1])))
t(lambda: x.extend(5))
t(lambda: array.array('i', [1, 2, 3])[5:1])
t(lambda: array.array('Q', [2**64 - 1]))
t(lambda: array.array('i', [True]))
class I:
    def __index__(self): return 5
t(lambda: array.array('i', [I()]))
t(lambda: array.array('d', [I()]))
import io, copy
f = io.BytesIO() if hasattr(io, "BytesIO") else None
a = array.array("d", [1.5, -2.25, 1e100])
print(copy.copy(a), copy.deepcopy(a) == a, a[::-2], a.count(1.5), a.index(1e100))
del a[1]
print(a, a.buffer_info()[1], array.array("q", range(-3, 3)), array.array("L", [0, 2**64 - 1]).tobytes())
u = array.array("u", "hi")
u.fromunicode("!")
print(u, u.tounicode(), u.itemsize, array.array("f").itemsize, array.array("b").typecode)
e = array.array("i", range(10))
e[2:8:2] = array.array("i", [0, 0, 0])
del e[::3]
print(e, e * 0, len(e * 3))
try:
    e[1:5:2] = array.array("i", [1])
except ValueError as x:
    print(type(x).__name__, x)
try:
    array.array("i").pop()
except IndexError as x:
    print(type(x).__name__, x)
