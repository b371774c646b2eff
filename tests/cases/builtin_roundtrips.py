# Round-trip identities across many values (cheap property checks with printed summaries).
vals = [0, 1, -1, 7, -128, 255, 256, 2 ** 31 - 1, -(2 ** 31), 2 ** 63, -(2 ** 63) - 1, 10 ** 30, -(10 ** 30) + 7]
ok = True
for v in vals:
    for conv, base in [(hex, 16), (oct, 8), (bin, 2), (str, 10)]:
        if int(conv(v), base if conv is not str else 10) != v:
            ok = False
            print("mismatch", conv.__name__, v)
    if int(conv(v), 0) != v if conv is not str else False:
        ok = False
print("int text roundtrips:", ok)
for v in vals:
    q, r = divmod(v, 7)
    assert q * 7 + r == v and 0 <= r < 7, v
    q, r = divmod(v, -7)
    assert q * -7 + r == v and -7 < r <= 0, v
print("divmod identities hold")
floats = [0.1, 1 / 3, 2.5, -0.0, 1e300, 5e-324, 123456.789, float(2 ** 53), 1e22, 1e-7]
print([float(repr(f)) == f for f in floats], [float.fromhex(f.hex()) == f for f in floats])
print([f.as_integer_ratio()[0] / f.as_integer_ratio()[1] == f for f in floats if f != 1e300 and f != 5e-324])
print(all(chr(ord(c)) == c for c in "aZ09 \n~éλ日😀"), all(ord(chr(i)) == i for i in range(0, 0x110000, 4099)))
for v in [0, 1, 255, 256, 65535, 2 ** 64 - 1]:
    n = max(1, (v.bit_length() + 7) // 8)
    assert int.from_bytes(v.to_bytes(n, "big"), "big") == v
    assert int.from_bytes(v.to_bytes(n, "little"), "little") == v
for v in [-1, -128, 127, -(2 ** 63)]:
    n = (v.bit_length() + 8) // 8
    assert int.from_bytes(v.to_bytes(n, "big", signed=True), "big", signed=True) == v
print("to_bytes/from_bytes roundtrips hold")
texts = ["", "ascii", "héllo", "日本語", "😀 mixed é"]
print([t.encode("utf-8").decode("utf-8") == t for t in texts], [len(t.encode("utf-8")) for t in texts])
print([eval(repr(t)) == t for t in texts + ["quote'\"", "back\\slash", "\x00\t\n"]])
objs = [1, -2.5, "s", b"b", [1, [2]], (1,), {"k": (1, 2)}, {1, 2}, frozenset(), None, True, 1j, range(3)]
print([eval(repr(o)) == o for o in objs])
print(sorted(set(map(lambda x: x % 10, range(100)))) == list(range(10)), list(map(int, map(str, range(5)))))
print([round(x / 10, 1) for x in range(-5, 6)])
print([int(x) for x in [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]], [round(x) for x in [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]])
