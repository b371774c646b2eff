# data vs non-data descriptors, lookup precedence
class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)
class Data:
    def __get__(self, obj, objtype=None):
        return "data-get"
    def __set__(self, obj, value):
        print("data-set", value)
class C:
    nd = NonData()
    d = Data()
c = C()
print(c.nd, C.nd)
c.__dict__["nd"] = "instance wins over non-data"
print(c.nd)
c.__dict__["d"] = "instance loses to data"
print(c.d)
c.d = 5
print(c.__dict__["d"])

# descriptor with only __set__ (data descriptor without __get__)
class SetOnly:
    def __set__(self, obj, v):
        obj.__dict__["so"] = v * 10
class D:
    so = SetOnly()
dd = D()
print(type(dd.so).__name__)
dd.so = 4
print(dd.so)

# __delete__
class Del:
    def __get__(self, o, t=None): return 1
    def __delete__(self, o): print("deleting via descriptor")
class E:
    x = Del()
del E().x

# typed attribute validator
class Typed:
    def __init__(self, typ): self.typ = typ
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, t=None):
        if obj is None: return self
        return obj.__dict__[self.name]
    def __set__(self, obj, v):
        if not isinstance(v, self.typ):
            raise TypeError(f"{self.name} must be {self.typ.__name__}, not {type(v).__name__}")
        obj.__dict__[self.name] = v
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, n, a): self.name = n; self.age = a
pp = Person("ann", 30)
print(pp.name, pp.age)
try:
    pp.age = "old"
except TypeError as e:
    print(type(e).__name__, e)

# functions are non-data descriptors
def free(self): return "bound to " + type(self).__name__
bound = free.__get__(pp, Person)
print(bound(), free.__get__(None, Person) is free)
print(hasattr(free, "__get__"), hasattr(free, "__set__"))
# property is a data descriptor
print(hasattr(property(), "__set__"), hasattr(classmethod(free), "__set__"))
# __getattribute__ of object with descriptors via type
print(type(c).__dict__["nd"].__get__(c, C)[0])
# class-level descriptor access via instance when descriptor on metaclass
class Meta(type):
    @property
    def info(cls): return "meta-prop of " + cls.__name__
class WithMeta(metaclass=Meta): pass
print(WithMeta.info)
try:
    WithMeta().info
except AttributeError as e:
    print(type(e).__name__, e)
