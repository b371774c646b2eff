# types.GenericAlias (PEP 585): subscripting builtin generic classes.
import collections
import collections.abc
import contextvars
import functools
import pickle
import re
import types
import typing
import weakref
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K")

a = list[int]
print(a, type(a).__name__, type(a) is types.GenericAlias, a.__class__)
print(a.__origin__, a.__args__, a.__parameters__, a.__unpacked__)
print(dict[str, list[int]], tuple[int, ...], tuple[()], type[int], list[[int, str]])
print(set[str], frozenset[bytes], enumerate[int], BaseExceptionGroup[ValueError])
print(collections.deque[int], collections.defaultdict[str, int], collections.OrderedDict[str, int])
print(functools.partial[int], weakref.ref[int], contextvars.ContextVar[int], re.Pattern[str], re.Match[bytes])
print(collections.abc.Iterable[int], collections.abc.Callable[[int, str], bool], collections.abc.Mapping[str, T])

# equality, hashing, attribute forwarding
print(a == list[int], a != list[str], a == list, hash(a) == hash(list[int]))
print(len({list[int], list[int], list[str]}))
print(a.append is list.append, a.__name__, a.__qualname__, a.__module__)
print(a.__mro_entries__((a,)), "__origin__" in dir(a), "append" in dir(a))

# calling creates the origin (and records __orig_class__ when possible)
print(a(), a((1, 2)), dict[str, int](x=1), type(a()).__name__)
class Box(list):
    pass
b = types.GenericAlias(Box, int)((5,))
print(b, b.__orig_class__)

# type variables and substitution
d = dict[K, list[T]]
print(d, d.__parameters__)
print(d[str, int], list[T][int], dict[str, T][tuple[int, ...]])
print(list[T].__parameters__, list[list[T]][str])
for bad in (lambda: list[int][str], lambda: d[int], lambda: d[int, str, bytes]):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)

# isinstance / issubclass refuse parameterized generics
for f in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int])):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(isinstance([], list), isinstance(3, int | list[int]))

# unions
u = list[int] | None
print(u, type(u).__name__, u.__args__)
print(int | dict[str, int], list[int] | list[int] | str)
print((list[int] | str) == (str | list[int]))

# subclassing through __mro_entries__
class MyList(list[int]):
    pass
print(MyList.__mro__, MyList.__orig_bases__, MyList([1]))

# pickling and starred forms
for g in (list[int], dict[str, T], tuple[int, ...]):
    print(pickle.loads(pickle.dumps(g)) == g)
st = next(iter(tuple[int, str]))
print(st, st.__unpacked__, st.__typing_unpacked_tuple_args__, list[*tuple[int, str]])

# constructor checks
g = types.GenericAlias(list, (int,))
print(g, types.GenericAlias(dict, (str, int)), types.GenericAlias(list, int).__args__)
for f in (lambda: types.GenericAlias(list), lambda: types.GenericAlias(list, int, x=1)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    list.__class_getitem__()
except TypeError as e:
    print(type(e).__name__, e)

# typing interplay
print(typing.get_origin(list[int]), typing.get_args(dict[str, int]))
def f(x: list[int], y: dict[str, "int"]) -> tuple[int, ...]:
    pass
print(typing.get_type_hints(f))
print(typing.List[int] == list[int], typing.List[int].__origin__ is list)

# unions with type variables substitute too
u = list[T] | None
print(u.__parameters__, u[int], (dict[K, T] | list[T])[str, int], (int | str).__parameters__)
try:
    (int | str)[int]
except TypeError as e:
    print(type(e).__name__, e)
