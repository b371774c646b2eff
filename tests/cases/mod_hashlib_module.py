import hashlib
g = sorted(hashlib.algorithms_guaranteed)
print(g, set(g) <= hashlib.algorithms_available)
for name in g:
    h = hashlib.new(name, b"The quick brown fox")
    h.update(b" jumps over the lazy dog")
    d = h.hexdigest(16) if name.startswith("shake") else h.hexdigest()
    print(name, h.name, h.digest_size, h.block_size, d)
print(hashlib.sha256(b"abc").digest()[:4], hashlib.md5(usedforsecurity=False).hexdigest())
print(hashlib.blake2b(b"x", key=b"k", digest_size=16, person=b"p").hexdigest(), hashlib.blake2s(b"x", salt=b"s").hexdigest())
h = hashlib.sha1(); c = h.copy(); h.update(b"a"); print(c.hexdigest() != h.hexdigest(), c.hexdigest())
for bad in [lambda: hashlib.new("nope"), lambda: hashlib.sha256("text"), lambda: hashlib.sha256().update(1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
