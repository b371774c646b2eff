print("before class")
class Demo:
    print("executing class body")
    x = 1
    y = x + 1
    squares = {}
    for i in range(3):
        squares[i] = i * i
    del i
    if y > 1:
        flag = "big"
    else:
        flag = "small"
    def method(self):
        return self.flag
    print("locals in body:", sorted(k for k in locals() if not k.startswith("__")))
print("after class")
print(Demo.x, Demo.y, Demo.squares, Demo.flag, Demo().method(), hasattr(Demo, "i"))
print(Demo.__module__, Demo.__qualname__, Demo.__doc__)
class Documented:
    """Class docstring."""
    attr: int = 5
    other: str
print(Documented.__doc__, Documented.__annotations__, hasattr(Documented, "other"))
def make_class(n):
    class Local:
        value = n
        def get(self):
            return Local.value, n
    return Local
L1, L2 = make_class(1), make_class(2)
print(L1().get(), L2().get(), L1 is L2, L1.__qualname__)
class Outer:
    class Inner:
        class Deepest:
            pass
    def m(self):
        class InMethod: pass
        return InMethod
print(Outer.Inner.Deepest.__qualname__, Outer().m().__qualname__)
class WithNew:
    count = 0
    def __new__(cls, *args):
        cls.count += 1
        return super().__new__(cls)
WithNew(); WithNew()
print(WithNew.count)
class Redefined:
    def f(self): return 1
    def f(self): return 2
print(Redefined().f())
# class attribute referencing earlier one in a lambda fails (class scope not visible)
class Scope:
    a = 10
    get_a = lambda self: self.a
print(Scope().get_a())
# class body return value of __prepare__ default is dict
class Ordered:
    z = 1
    a = 2
    m = 3
print([k for k in Ordered.__dict__ if not k.startswith("__")])
