import os
s = os.stat('/tmp')
print(type(s), s.st_mode == s[0], isinstance(s.st_mtime, float), isinstance(s[8], int), s.st_mtime_ns // 10**9 == s[8], len(s))

print(os.stat_result.n_sequence_fields, os.stat_result.n_fields)
print(s.st_size == s[6], s.st_blocks >= 0, s.st_atime_ns // 10**9 == s[7])
try:
    os.stat('/nonexistent/x')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
