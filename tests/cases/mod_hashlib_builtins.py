import _sha512, _md5, _sha3, _blake2, _sha256, _sha1
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
datas = [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 64, b'x' * 111, b'x' * 112, b'y' * 128, b'z' * 1000, bytes(range(256)) * 3]
ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512, _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _blake2.blake2b, _blake2.blake2s]
for c in ctors:
    for d in datas:
        h = c(d)
        print(h.name, h.digest_size, h.block_size, h.hexdigest())
    h = c()
    for d in datas:
        h.update(d)
    h2 = h.copy(); h2.update(b'more')
    print(h.hexdigest(), h2.hexdigest(), h.digest()[:4])
for c in [_sha3.shake_128, _sha3.shake_256]:
    for d in datas:
        print(c(d).hexdigest(300))
t(lambda: _sha512.sha512('x'))
t(lambda: _sha512.sha512(1))
t(lambda: _sha512.sha512(b'a').update('x'))
t(lambda: _sha512.sha512(b'a', b'b'))
t(lambda: _sha512.sha512(data=b'a'))
t(lambda: _sha512.sha512(string=b'a').hexdigest()[:8])
t(lambda: type(_sha512.sha512()))
t(lambda: type(_sha256.sha224()))
t(lambda: (type(_md5.md5()), type(_sha1.sha1()), _sha3.sha3_256, _blake2.blake2b))
t(lambda: _sha3.sha3_256('x'))
t(lambda: _sha3.shake_128(b'x').hexdigest(-1))
t(lambda: _sha3.shake_128(b'x').digest(5))
t(lambda: (_sha3.shake_128(b'x').digest_size, _sha3.shake_128().name, _sha3.sha3_224().block_size, _blake2.blake2s().block_size, _blake2.blake2b(digest_size=5).digest_size))
t(lambda: _blake2.blake2b(digest_size=65))
t(lambda: _blake2.blake2b(key=b'x'*65))
t(lambda: _blake2.blake2b(salt=b'x'*17))
t(lambda: _blake2.blake2b(person=b'x'*17))
t(lambda: _blake2.blake2s(digest_size=33))
t(lambda: _blake2.blake2s(b'abc', key=b'k', salt=b's', person=b'p', fanout=2, depth=3, leaf_size=4, node_offset=5, node_depth=6, inner_size=7, last_node=True).hexdigest())
t(lambda: _blake2.blake2b(b'abc', key=b'k', salt=b's', person=b'p', fanout=2, depth=3, leaf_size=4, node_offset=5, node_depth=6, inner_size=7, last_node=True).hexdigest())
t(lambda: _blake2.blake2b(b'x' * 300, key=b'secret' * 10, digest_size=20).hexdigest())
t(lambda: _blake2.blake2s(b'x' * 300, key=b'secret' * 5, digest_size=20).hexdigest())
t(lambda: sorted(n for n in dir(_md5.md5()) if not n.startswith('__')))
t(lambda: sorted(n for n in dir(_blake2) if not n.startswith('__')))
t(lambda: _blake2.blake2b.SALT_SIZE)
