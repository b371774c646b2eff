import struct
def t(f, *a):
    try: r = struct.pack(f, *a); print(f, a, r)
    except Exception as e: print(f, a, type(e).__name__, e)
for o in '@=<>':
  for c in 'bBhHiIlLqQnNP?c':
    for v in [-1, 2**7, 2**8, 2**15, 2**16, 2**31, 2**32, 2**63, 2**64, -2**63-1, 1.5, 'x', None]:
      t(o+c, v)
  for c in 'efd':
    for v in [1e300, 'x', 2**2000, 65520.0, 65519.0]:
      t(o+c, v)
