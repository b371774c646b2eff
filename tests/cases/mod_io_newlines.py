# Newline modes and tell/seek across tiny decode chunks (_CHUNK_SIZE).
import io
data = "ab\r\ncd\ré\nf\r\r\nghi\n\nj€k\r".encode("utf-8")
for nl in [None, "", "\n", "\r", "\r\n"]:
    for cs in [1, 2, 3, 5, 100]:
        f = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="utf-8", newline=nl)
        f._CHUNK_SIZE = cs
        lines = f.readlines()
        f.seek(0)
        f._CHUNK_SIZE = cs
        parts = []
        while True:
            c = f.read(2)
            if not c:
                break
            parts.append(c)
        print(repr(nl), cs, lines, "".join(parts) == "".join(lines), f.newlines)
# tell/seek round trips on content without a lone CR at chunk ends
data2 = "héllo\nwörld\n€uro\nend".encode("utf-8")
for cs in [1, 2, 3, 7]:
    f = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data2)), encoding="utf-8")
    f._CHUNK_SIZE = cs
    out = []
    while True:
        t = f.tell()
        c = f.read(1)
        if not c:
            break
        f.seek(t)
        c2 = f.read(1)
        out.append(c == c2)
    print(cs, all(out), len(out))
    f.seek(0)
    f.readline()
    t = f.tell()
    rest = f.read()
    f.seek(t)
    print(t, f.read() == rest)
