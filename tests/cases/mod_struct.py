import struct
print(struct.pack("<i", 1), struct.pack(">i", 1), struct.pack("<h", -2), struct.pack("<Q", 2 ** 64 - 1), struct.pack("<f", 1.5), struct.pack("<d", 0.1))
print(struct.pack("<3sB?", b"abc", 255, True), struct.pack(">HH", 1, 2), struct.pack("<2i", 7, -7), struct.pack("<c", b"z"), struct.pack("<xB", 1))
print(struct.unpack("<i", b"\x01\x00\x00\x00"), struct.unpack(">I", b"\xff\xff\xff\xff"), struct.unpack("<hh", b"\xff\xff\x01\x00"), struct.unpack("<d", struct.pack("<d", 3.25)))
print(struct.calcsize("<i"), struct.calcsize("<iHb"), struct.calcsize("<q"), struct.calcsize("<3s"), struct.calcsize("<?"), struct.calcsize(">d"))
print(struct.unpack_from("<H", b"\x00\x01\x02", 1), list(struct.iter_unpack("<B", b"\x01\x02\x03")), struct.Struct("<I").size, struct.Struct("<hh").unpack(b"\x01\x00\x02\x00"))
buf = bytearray(8)
struct.pack_into("<I", buf, 2, 0xDEADBEEF)
print(buf)
for bad in [lambda: struct.pack("<B", 256), lambda: struct.pack("<i", "x"), lambda: struct.unpack("<i", b"\x00"), lambda: struct.pack("<h", 40000), lambda: struct.calcsize("z")]:
    try:
        bad()
    except struct.error as e:
        print(type(e).__name__, e)
print(struct.pack("<e", 1.0), struct.unpack("<f", struct.pack("<f", 0.1))[0], struct.pack("!I", 258))
