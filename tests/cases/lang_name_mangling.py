class Account:
    __slots_note = "class private"
    def __init__(self):
        self.__balance = 100
        self._protected = 1
    def balance(self):
        return self.__balance
    def __secret(self):
        return "secret"
    def reveal(self):
        return self.__secret()
a = Account()
print(a.balance(), a.reveal(), a._protected, sorted(vars(a)))
try:
    a.__balance
except AttributeError as e:
    print(type(e).__name__, e)
print(a._Account__balance, a._Account__secret(), Account._Account__slots_note)
class Sub(Account):
    def __init__(self):
        super().__init__()
        self.__balance = "sub's own"
    def sub_balance(self):
        return self.__balance
s = Sub()
print(s.balance(), s.sub_balance(), sorted(vars(s)))
class _Under:
    def __m(self): return "mangled with stripped underscore"
print(_Under()._Under__m())
class __Dunder__:
    def __x__(self): return "dunder names are not mangled"
print(__Dunder__().__x__())
class M:
    def get(self, o):
        return getattr(o, "__hidden", "getattr strings are not mangled")
    def set(self):
        self.__hidden = 5
        return self.__dict__
print(M().get(M()), M().set())
def outside(o):
    return o.__dict__
class Q:
    def mk(self):
        __local = "local names mangled too"
        return sorted(locals())
print(Q().mk())
class Comp:
    __v = 3
    items = [__v * i for i in range(3)] if False else None
    def f(self):
        return [self.__v * i for i in range(3)]
print(Comp().f())
