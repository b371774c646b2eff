ints = [0, 7, -7, 255, 1234567, -1234567, 2 ** 64]
specs = ["", "d", "5d", "<5", "^7", ">+8", "=+8", "08", "x", "#X", "#o", "b", "#010b", ",", "_", "_x", "e", ".2f", "%", "c" , " d", "-d", "n"]
for spec in specs:
    row = []
    for v in ints:
        try:
            row.append(format(v, spec) if spec != "c" else ascii(format(v, spec)))
        except (ValueError, OverflowError) as e:
            row.append(f"<{type(e).__name__}>")
    print(f"{spec!r:8}", "|".join(row))
floats = [0.0, -0.0, 1.5, -2.25, 3.14159265, 1e-7, 1.5e300, 12345.6789, float("inf"), float("nan"), 100.0]
fspecs = ["", "f", ".0f", ".3f", "e", ".2e", "E", "g", ".3g", "G", "%", ".1%", "10.2f", "<10", "^12.3g", "+", " ", ",.2f", "_.1f", "08.2f", "#.0f", "#g", ".10g", "n", "r" if False else "z.1f"]
for spec in fspecs:
    row = []
    for v in floats:
        try:
            row.append(format(v, spec))
        except ValueError as e:
            row.append(f"<{e}>")
    print(f"{spec!r:8}", "|".join(row))
strs = ["", "a", "hello", "日本"]
for spec in ["", "s", "5", "<5", ">5", "^5", "*^7", ".2", "7.3", "-<4"]:
    print(f"{spec!r:8}", "|".join(format(s, spec) for s in strs))
for bad in [(1.5, "d"), ("s", "d"), (1, "s"), (1, ",c"), ("x", "="), (1, ".2d"), (1.5, "c"), (True, "s")]:
    try:
        print(format(*bad))
    except ValueError as e:
        print(type(e).__name__, e)
print(format(complex(1, -2), ".1f"), format(1 + 2j, "^15"), format(1j, ""), format(-0.0 + 0j, ""))
print("{:{fill}{align}{width}}".format("x", fill="#", align=">", width=6), "{0:{1}}".format(3.14159, ".3"), "{:>{w}.{p}f}".format(2.5, w=8, p=3))
