# An uncaught ValueError at module level after some output.
print("line before the error")
values = [1, 2, 3]
print(sum(values))
raise ValueError("top-level failure: %d" % len(values))
print("never printed")
