import zlib
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
c = zlib.compress(b'hello world'*10)
print(zlib.ZLIB_VERSION)
t(lambda: zlib.decompress(b'abc'))
t(lambda: zlib.decompress(c[:-3]))
t(lambda: zlib.decompress(c[:-1]+b'x'))
t(lambda: zlib.decompress(c[:10]))
t(lambda: zlib.decompress(c+b'junk'))
t(lambda: zlib.decompress(b''))
t(lambda: zlib.decompress(c, 99))
t(lambda: zlib.decompress(c, -15))
t(lambda: zlib.decompress(b'\x78\x9c\x07\x00'))
t(lambda: zlib.decompress(b'\x03\x00', -15))
t(lambda: zlib.decompress(b'\x01\x01\x00\x00\x00', -15))
t(lambda: zlib.decompress(b'\x01\x01\x00\xfe\xff\x41', -15))
t(lambda: zlib.compress('x'))
t(lambda: zlib.compress(b'x', 10))
t(lambda: zlib.compressobj(wbits=99))
t(lambda: zlib.crc32(b'abc', 2**40))
t(lambda: zlib.adler32(b'abc'))
t(lambda: zlib.adler32(b'abc', 5))
d = zlib.decompressobj()
t(lambda: (d.decompress(c + b'xyz'), d.eof, d.unused_data, d.flush()))
co = zlib.compressobj()
t(lambda: (co.compress(b'abc'), co.flush(zlib.Z_SYNC_FLUSH)[-4:], co.flush()[-4:]))
t(lambda: co.compress(b'x'))
t(lambda: co.flush())
t(lambda: zlib.decompress(zlib.compress(b'', 0)))
t(lambda: zlib.compress(b'', 0))
t(lambda: zlib.compress(b'a', 1).hex())
t(lambda: zlib.compress(b'a', 9).hex())
t(lambda: type(co).__name__)
import random
rnd = random.Random(5)
for n in (0, 1, 100, 3000):
    data = bytes(rnd.choice(b'abcdefgh  \n') for _ in range(n))
    for lvl in (0, 1, 6, 9):
        for wb in (15, -15, 31):
            comp = zlib.compress(data, lvl, wb)
            ok = zlib.decompress(comp, wb) == data
            d = zlib.decompressobj(wb if wb != 31 else 47)
            parts = []
            for i in range(0, len(comp), 1000):
                parts.append(d.decompress(d.unconsumed_tail + comp[i:i+1000], 777))
            while not d.eof:
                p = d.decompress(d.unconsumed_tail, 777)
                parts.append(p)
                if not p: break
            print(n, lvl, wb, ok, b''.join(parts) + d.flush() == data, d.eof, max(map(len, parts), default=0) <= 777)
# python's own zlib output decodes
print(zlib.decompress(bytes.fromhex('789ccb48cdc9c95728cf2fca49c9a03d130072d92b99')))
