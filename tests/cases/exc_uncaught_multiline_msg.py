print("multi-line exception message")
raise RuntimeError("first line\nsecond line\nthird line")
