# boolean short-circuit returning operands
print(0 or "x", "" or [] or None, 3 and 4, 0 and 1/0, [] and "never", "a" or 1/0)
print(None or 0, 1 and 2 and 3, 1 and 0 and 3, not 0, not "s", not None)
def side(v, log):
    log.append(v)
    return v
log = []
r = side(0, log) or side(1, log) or side(2, log)
print(r, log)
log = []
r = side(1, log) and side(0, log) and side(2, log)
print(r, log)
# conditional expressions
for v in [-2, 0, 5]:
    print("neg" if v < 0 else "zero" if v == 0 else "pos")
print((1 if True else 1/0), (1/0 if False else "safe"))
# walrus
data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print("long list", n)
while (item := data.pop()) != 8:
    print("popped", item)
print(data, item)
print([y := 5, y ** 2])
def w():
    if any((hit := x) > 5 for x in [1, 7, 3]):
        return hit
print(w())
# operator precedence
print(2 + 3 * 4 ** 2, -2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, not 1 == 2, 1 + 2 << 1, 1 | 2 ^ 3 & 4)
print(10 - 2 - 3, 100 / 10 / 5, 2 * 3 % 4, -7 // 2 * 2, ~5 + 1, -~5)
print(1 < 2 == True, (1 < 2) == True, "a" "b" * 2, [1] * 2 + [3])
print(3 if 0 else 4 if 0 else 5, (lambda: 1 if False else 2)())
# identity vs equality on small ints constructed at runtime
a = int("15"); b = int("15")
print(a is b, a == b)
# tuple/list/set/dict displays with unpacking
t = (*range(3), *"ab")
l = [*t, *[9]]
s = {*l[:2], *l[:3]}
d = {**{"a": 1}, "b": 2, **{"a": 3}}
print(t, l, sorted(s), d)
print(*[1, 2], sep="-")
# ellipsis
print(..., Ellipsis is ..., type(...).__name__)
# slicing expressions
seq = list(range(10))
print(seq[2:8:2], seq[::-1], seq[-3:], seq[:-7], seq[100:], seq[-100:2], seq[8:2:-2], seq[::3])
s = "hello world"
print(s[::-1], s[-5:], s[1:-1:3], s[5:5], s[slice(0, 5)], s[slice(None, None, -2)])
# comparison and membership mixing
print(1 in [1] == True, (1 in [1]) == True)
# subscript on expression results
print({"k": [10, 20]}["k"][-1], (lambda: [7])()[0], "abc"[1:][0])
# augmented with subscripts evaluates once
calls = []
def idx():
    calls.append(1)
    return 0
arr = [5]
arr[idx()] += 10
print(arr, len(calls))
# numeric literal forms
print(0x1F, 0o17, 0b1011, 1_000_000, 1e3, 1.5e-3, 0.5j, 1_0.0_1, 0xFF_FF)
# string literal forms
print('single', "double", '''triple''', r"raw\n", b"bytes", "esc\tx\\y\x41\u00e9\N{BULLET}", len("\n"), len(r"\n"))
print("implicit" " concat", 'it''s')
