import sys
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *exc):
        print("exit sees", exc[0].__name__)
        return False
with CM():
    sys.exit(5)
