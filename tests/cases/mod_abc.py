from abc import ABC, abstractmethod, ABCMeta
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    def describe(self): return f"{self.name} with area {self.area()}"
try:
    Shape()
except TypeError as e:
    print(type(e).__name__, e)
class Partial(Shape):
    def area(self): return 1
try:
    Partial()
except TypeError as e:
    print(type(e).__name__, e)
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    @property
    def name(self): return "square"
print(Sq(3).describe(), isinstance(Sq(1), Shape), sorted(Shape.__abstractmethods__), Sq.__abstractmethods__)
class Proto(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if any("quack" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), Proto), issubclass(int, Proto))
class Registered(ABC): pass
Registered.register(int)
print(isinstance(5, Registered), issubclass(bool, Registered), issubclass(str, Registered))
