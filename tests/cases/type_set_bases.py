# Assigning cls.__bases__: checks, MRO recomputation (also of subclasses).
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
    def only_b(self):
        return "only B"
class C(A):
    pass
class D(C):
    pass

def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)

def setter(cls, v):
    def f():
        cls.__bases__ = v
    return f

d = D()
print(d.who(), D.__mro__)
attempt("to B", setter(C, (B,)))
print(d.who(), d.only_b(), C.__bases__, C.__base__, D.__mro__)
print(A.__subclasses__(), B.__subclasses__(), isinstance(d, A), isinstance(d, B))
attempt("to A, B", setter(C, (A, B)))
print(d.who(), D.__mro__)

attempt("not tuple", setter(C, B))
attempt("empty", setter(C, ()))
attempt("non-class", setter(C, (1,)))
attempt("cycle", setter(A, (D,)))
attempt("self", setter(C, (C,)))
attempt("builtin", setter(int, (object,)))
attempt("layout", setter(C, (int,)))
attempt("duplicate", setter(C, (A, A)))
def delete():
    del C.__bases__
attempt("delete", delete)

class X(A, B):
    pass
attempt("to X, A", setter(C, (X, A)))
print(C.__mro__)
class Y(B, A):
    pass
attempt("mro conflict", setter(C, (X, Y)))
print(C.__bases__, C.__mro__)

class S:
    __slots__ = ("a",)
attempt("slots", setter(C, (S,)))
class I(int):
    pass
attempt("int to object", setter(I, (object,)))
class J(int):
    pass
attempt("int sibling", setter(I, (J,)))
print(I.__mro__, I(5) + 1)

# class attributes seen through the new bases, caches invalidated
class M:
    x = 1
class N:
    x = 2
class P(M):
    pass
class Q(P):
    pass
q = Q()
print(q.x, Q.x)
P.__bases__ = (N,)
print(q.x, Q.x, issubclass(Q, M), issubclass(Q, N))
N.x = 3
print(q.x)
