import typing
from typing import List, Dict, Optional, Union, Any, Callable, TypeVar, Generic, Tuple, Protocol, runtime_checkable, cast, get_type_hints, Literal, Final
def f(a: int, b: Optional[str] = None) -> List[int]:
    return [a]
print(f.__annotations__)
print(get_type_hints(f))
print(List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, int], Tuple[int, ...], Callable[[int], str], Literal["a", 1])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_args(Optional[int]), typing.get_origin(int | str))
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T): self.item = item
    def get(self) -> T: return self.item
b = Box[int](5)
print(b.get(), Box[str], T, Box.__parameters__)
@runtime_checkable
class HasLen(Protocol):
    def __len__(self) -> int: ...
print(isinstance([], HasLen), isinstance(5, HasLen), cast(int, "not converted"), Any)
MAX: Final = 10
print(MAX, typing.TYPE_CHECKING, typing.NamedTuple.__name__ if hasattr(typing.NamedTuple, "__name__") else "NamedTuple")
from typing import TypedDict
class Movie(TypedDict):
    title: str
    year: int
m = Movie(title="X", year=2000)
print(m, type(m).__name__, Movie.__annotations__)
def g(x: "Forward") -> None: pass
class Forward: pass
print(get_type_hints(g))
