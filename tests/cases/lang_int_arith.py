# integer arithmetic
print(7 // 2, -7 // 2, 7 // -2, -7 // -2, 7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(0, 5), divmod(-1, 10 ** 30))
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 10 / 4, type(6 / 3).__name__)
print(2 ** 10, 2 ** 100, (-2) ** 63, 2 ** -2, (-8) ** (1 / 3) if False else 0, 0 ** 0, pow(0, 0))
print(pow(2, 10, 1000), pow(3, 200, 13), pow(-3, 3, 7), pow(3, -1, 7), pow(38, -1, 97), pow(5, 0, 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
# big ints
big = 2 ** 200
print(big, big + 1, big - big, big * big, big // 3, big % 1000007, -big // 7, -big % 7)
print(10 ** 50 // 10 ** 25, (10 ** 50 + 1) % 10 ** 25, divmod(-10 ** 30, 7))
print(123456789 ** 5, 3 ** 333 % (2 ** 61 - 1))
f = 1
for i in range(1, 60):
    f *= i
print(f, len(str(f)), f.bit_length())
print(int("123456789012345678901234567890") * 3, int("-" + "9" * 40) + 1)
# bit ops on negatives
print(-1 & 0xFF, -256 | 15, -5 ^ 3, ~0, ~-1, ~255, -1 >> 10, -1024 >> 3, -1 << 70, 5 >> 100, 1 << 100)
print(-7 & -3, -7 | -3, -7 ^ -3, 2 ** 70 & -(2 ** 65), (-(2 ** 80)) >> 78)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
# int/float mixing
print(1 + 1.0, 3 * 0.5, 7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5, 2 ** 0.5, 10 ** -2, 2 ** 1023 * 2.0)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    10 ** 400 / 3
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 // 10 ** 399, (10 ** 400) / (10 ** 399))
print(True + True, True * 10, -True, True / 2, False ** 0, True << 3)
# large division true result
print(2 ** 64 / 2, 1 / 2 ** 64, (2 ** 53 + 1) / 1, 10 ** 17 / 10)
print(abs(-10 ** 30), -(-5), +(-5), int(-3.9), int(3.9), round(-2.5), round(3.5))
print(17 .bit_length(), (-17).bit_length(), (0).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print((12).bit_count() if hasattr(int, "bit_count") else 2, (-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
print(int("ff", 16), int("0x1f", 0), int("0b101", 0), int("  42  "), int("-0"), int("1_000"), int("z", 36), int("777", 8))
for bad in ["", "1.5", "0x", "1__0", "abc"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("12", 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
print(int(), int(True), int(-0.5), int("0o17", 0), int(b"42"), int(3.99e10))
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(str(10 ** 100)[:10], len(str(7 ** 1000)))
