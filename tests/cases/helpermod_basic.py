# Helper module imported by several test cases (not a test itself).
print("helpermod_basic imported")
VALUE = 42
_private = "hidden"
__all__ = ["VALUE", "greet", "Thing"]


def greet(name):
    return "hello, " + name


class Thing:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Thing(%r)" % (self.v,)


counter = 0


def bump():
    global counter
    counter += 1
    return counter


def __getattr__(name):
    if name.startswith("dynamic_"):
        return "module-getattr:" + name
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
