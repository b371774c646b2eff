import hashlib, base64, binascii, zlib
for name in ["md5", "sha1", "sha256", "sha512"]:
    h = hashlib.new(name, b"hello world")
    print(name, h.hexdigest(), h.digest_size, h.name)
h = hashlib.sha256()
h.update(b"hello ")
h.update(b"world")
print(h.hexdigest() == hashlib.sha256(b"hello world").hexdigest(), hashlib.md5(b"").hexdigest(), len(hashlib.sha1(b"x").digest()))
c = h.copy(); c.update(b"!")
print(c.hexdigest() != h.hexdigest(), hashlib.sha256("é".encode()).hexdigest()[:16])
try:
    hashlib.sha256("text")
except TypeError as e:
    print(type(e).__name__, e)
print(base64.b64encode(b"hello world"), base64.b64decode(b"aGVsbG8gd29ybGQ="), base64.b64encode(b""), base64.b64encode(b"a"), base64.b64encode(b"ab"))
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.b64encode(b"\xfb\xff\xfe"), base64.b32encode(b"abc"), base64.b16encode(b"\x01\xab"), base64.b16decode(b"01AB"))
try:
    base64.b64decode(b"abc")
except binascii.Error as e:
    print(type(e).__name__, e)
print(binascii.hexlify(b"\x00\xff"), binascii.unhexlify("00ff"), binascii.crc32(b"hello"), zlib.crc32(b"hello"), zlib.adler32(b"hello"))
comp = zlib.compress(b"a" * 1000)
print(len(comp) < 50, zlib.decompress(comp) == b"a" * 1000)
