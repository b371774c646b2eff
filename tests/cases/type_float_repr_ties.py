# Shortest repr when two shortest digit strings are equally close: CPython
# keeps the even last digit (half-precision and single-precision values
# hit this often).
import struct
out = []
for h in range(0, 0x7c00, 37):
    out.append(repr(struct.unpack("<e", h.to_bytes(2, "little"))[0]))
for i in range(0, 0x7f800000, 0x7f800000 // 1500):
    out.append(repr(struct.unpack("<f", i.to_bytes(4, "little"))[0]))
print(" ".join(out))
print(0.00074100494384765625, 2.5033950805664062e-06, 9.012222290039062e-05, 1e23, 5e-324, 0.1 + 0.2, 1 / 3, 2.5, 1e16)
print(str(0.00012826919555664062), f"{0.00011682510375976562}", "%r" % 6.341934204101562e-05)
