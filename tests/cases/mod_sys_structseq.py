import sys
print(sys.float_info); print(sys.int_info); print(sys.hash_info); print(sys.flags); print(type(sys.float_info).__mro__, type(sys.flags).__module__)
try: type(sys.float_info)((1,)*11)
except Exception as e: print(e)
print(sys.float_info.max, sys.float_info[0], len(sys.float_info), sys.float_info.epsilon, sys.hash_info.algorithm, sys.flags.optimize)
try: sys.float_info.max = 1
except Exception as e: print(type(e).__name__, e)
print(sys.float_info == tuple(sys.float_info), sys.int_info[:2], type(sys.int_info).n_fields)
fi = type(sys.float_info)(range(11))
print(fi, fi.rounds, fi.__reduce__())
for bad in [(1,) * 3, (1,) * 12, 5]:
    try:
        type(sys.int_info)(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    type(sys.flags)(range(18))
except TypeError as e:
    print(type(e).__name__, e)
print(sys.flags.dev_mode, sys.flags.bytes_warning, sys.flags.dont_write_bytecode, type(sys.hash_info).n_sequence_fields)
from sys import float_info
print(float_info.dig, hasattr(sys, "gettotalrefcount"))
