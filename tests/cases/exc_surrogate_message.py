# An uncaught exception whose message holds a lone surrogate: stderr
# (backslashreplace) shows it escaped.
print('before', ascii('\udc80'))
raise ValueError('bad \ud800 value')
