# marshal: dumps must produce CPython 3.11's exact bytes, loads must
# accept them, and errors must match.
import marshal

print(marshal.version)

values = [
    None, True, False, ..., StopIteration,
    0, 1, -1, 256, 257, -5, -6, 1000, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
    2**40, -2**64, 12345678901234567890123456789, 2**15, 2**30,
    0.0, -0.0, 1.5, 0.1, 1e300, -2.5e-300, float('inf'), float('-inf'),
    1j, 2.5 - 3j,
    '', 'a', 'abc', 'hello world', 'héllo', '€uro', '😀', 'x' * 300, 'é' * 300,
    b'', b'a', b'ab\x00\xff', bytes(range(256)),
    (), (1,), (1, 2, 'x'), tuple(range(300)),
    [], [1, [2, [3]]], {}, {'a': 1, 'b': [1, 2], 3: None},
    set(), {1, 2, 3}, frozenset(), frozenset({'a'}),
    [1000, 1000, 'shared', 'shared'],
]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    print(repr(v)[:60], data[:80], back == v or (v != v))
for v in [frozenset({'b', 'a'}), {'bb', 'aa', 'cc'}, {3, 1, 2}]:
    data = marshal.dumps(v)
    print(data, sorted(marshal.loads(data)))

for version in range(5):
    v = (1.5, 'ab', 'abc', [1, 1], 0.1, 1e22, 1e-7, 3j, {2, 1})
    data = marshal.dumps(v, version)
    print(version, data, marshal.loads(data))

# bytes-like objects are written as bytes; text floats of versions 0/1
print(marshal.dumps(bytearray(b'ab')), marshal.dumps(memoryview(b'ab')))
ba = bytearray(b'a')
print(marshal.dumps([ba, ba]))
print(marshal.dumps(True, 0), marshal.dumps(StopIteration, 1), marshal.dumps(2**40, 0))
for f in [1j, -0.0, 1e301, 1e16, 1.5e-5, 0.1, 123456789.125, 1e-310, float('nan')]:
    print(marshal.dumps(f, 1))

# shared objects and cycles
s = 'not interned string ' * 2
pair = [s, s]
print(marshal.dumps(pair))
l = []
l.append(l)
print(marshal.dumps(l))
back = marshal.loads(marshal.dumps(l))
print(back[0] is back)
d = {}
d['self'] = d
back = marshal.loads(marshal.dumps(d))
print(back['self'] is back)
t = (1000.5, 1000.5)
print(marshal.dumps(t))

# errors
for bad in [b'', b'X', b'i\x01', b'\x80', b'r\x00\x00\x00\x00',
            b's\xff\xff\xff\xff', b'l\x02\x00\x00\x00\x01\x00',
            b'l\x01\x00\x00\x00\x00\x80', b'l\x01\x00\x00\x00\x00\x00',
            b'(\x05\x00\x00\x00', b'z\x05ab', b'0', b')\x020N', b'[\x01\x00\x00\x00',
            b'{N', b'{NN0', b'{N0', b'g\x00', b')' * 3000, b'u\xff\xff\xff\xff',
            b'[\xff\xff\xff\xff', b'<\xff\xff\xff\xff', b'(\xff\xff\xff\xff']:
    try:
        print(bad[:12], marshal.loads(bad))
    except Exception as e:
        print(bad[:12], type(e).__name__, e)

class I(int):
    pass

for bad in [object(), [object()], I(3), {1: print}, type]:
    try:
        marshal.dumps(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    marshal.loads(3)
except Exception as e:
    print(type(e).__name__, e)

nested = []
for i in range(3000):
    nested = [nested]
try:
    marshal.dumps(nested)
except Exception as e:
    print(type(e).__name__, e)

# dump/load through a file, several objects in sequence
class File:
    def __init__(self):
        self.data = b''
        self.pos = 0
    def write(self, b):
        self.data += b
    def read(self, n):
        r = self.data[self.pos:self.pos + n]
        self.pos += len(r)
        return r
    def readinto(self, buf):
        r = self.read(len(buf))
        buf[:len(r)] = r
        return len(r)
    def seek(self, n):
        self.pos = n

f = File()
marshal.dump([1, 2], f)
marshal.dump('two', f)
marshal.dump({3: 4}, f, 2)
f.seek(0)
print(marshal.load(f), marshal.load(f), marshal.load(f))
try:
    marshal.load(f)
except Exception as e:
    print(type(e).__name__, e)

# code objects round-trip and run
def func(a, b=2, *args, k=3, **kw):
    c = [x * a for x in range(b)]
    return sum(c) + k + len(args) + len(kw)

code = marshal.loads(marshal.dumps(func.__code__))
print(code.co_name, code.co_varnames, code.co_consts[0] is None)
src = '''
def g(a, b=2, *args, k=3, **kw):
    c = [x * a for x in range(b)]
    return sum(c) + k + len(args) + len(kw)
print(g(3), g(2, 5, 1, 2, k=10, z=1), {1, 2} | {3}, 2 ** 100, -0.0, 1j, b'x', ('t', None))
'''
exec(marshal.loads(marshal.dumps(compile(src, 'm', 'exec'))))
print(type(marshal.loads(marshal.dumps(compile('x = 1', 's', 'exec')))).__name__)
