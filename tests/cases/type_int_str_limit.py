# CPython 3.11 limits int<->str conversion of huge decimal numbers (4300 digits by default).
import sys
print(sys.get_int_max_str_digits())
big = 10 ** 4299
print(len(str(big)))
try:
    str(10 ** 4300)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
print(len(hex(10 ** 5000)), (10 ** 5000).bit_length(), int("f" * 5000, 16).bit_length())
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4999)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
print(f"{2 ** 100:d}", repr(2 ** 64), len(str(7 ** 2000)))
