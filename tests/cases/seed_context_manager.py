# The seed document's MyContext example.
class MyContext(object):
    def __init__(self, *args):
        self._data = args
    def __enter__(self):
        print("__enter__")
        return self._data
    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type: print("Exception: ", exc_value)
        print("__exit__")
        return True

with MyContext(1, 2, 3) as data:
    print(data)

with MyContext(1, 2, 3):
    raise Exception("data error!")

print("execution continues after the suppressed exception")

with MyContext() as empty:
    print(empty, len(empty))

with MyContext("a") as d1, MyContext("b") as d2:
    print(d1, d2)
    raise KeyError("inner")
print("done")
