class A:
    def __init__(self):
        self.x = 1
a = A()
print(a.x)
print(a.y)
