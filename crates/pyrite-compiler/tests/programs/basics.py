x = 1
def f(a, b=2):
    return a + b
print(f(x), f(3, 4))
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v * 2
c = C(21)
print(c.get())
for i in range(3):
    if i % 2 == 0:
        print("even", i)
    else:
        print("odd", i)
try:
    1/0
except ZeroDivisionError as e:
    print("caught", e)
finally:
    print("finally")
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
g = outer(); g(); print(g())
print([i*i for i in range(5)], {k: v for k, v in zip("ab", [1,2])})
print(f"{x!r:>4} and {c.v}")
with open(__file__.replace(".pyc", ".py") if False else "basics_data.txt", "w") as fh:
    print(fh.write("hello"))
