from collections.abc import Sequence, MutableSequence, Mapping, MutableMapping, Set, Iterable, Iterator, Sized, Container, Callable, Hashable, Generator, Reversible, Collection
class Seq(Sequence):
    def __init__(self, *items): self._items = list(items)
    def __getitem__(self, i): return self._items[i]
    def __len__(self): return len(self._items)
s = Seq(3, 1, 4, 1, 5)
print(len(s), s[0], s[-1], 4 in s, 9 in s, s.index(1), s.count(1), list(reversed(s)), list(s), isinstance(s, Reversible))
class Store(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
st = Store()
st["a"] = 1
st.update(b=2, c=3)
print(len(st), st.get("z", 0), sorted(st.keys()), sorted(st.items()), st.pop("a"), st.setdefault("d", 4), "b" in st, dict(st))
st.popitem()
print(len(st), st == {"c": 3, "d": 4} or dict(st))
class Bits(Set):
    def __init__(self, it): self._s = set(it)
    def __contains__(self, x): return x in self._s
    def __iter__(self): return iter(sorted(self._s))
    def __len__(self): return len(self._s)
b1, b2 = Bits([1, 2, 3]), Bits([2, 3, 4])
print(list(b1 & b2), list(b1 | b2), list(b1 - b2), list(b1 ^ b2), b1 <= Bits([1, 2, 3, 4]), b1.isdisjoint([9]), type(b1 & b2).__name__)
class MyList(MutableSequence):
    def __init__(self): self._l = []
    def __getitem__(self, i): return self._l[i]
    def __setitem__(self, i, v): self._l[i] = v
    def __delitem__(self, i): del self._l[i]
    def __len__(self): return len(self._l)
    def insert(self, i, v): self._l.insert(i, v)
ml = MyList()
ml.append(1); ml.extend([2, 3]); ml += [4]; ml.reverse(); ml.remove(2)
print(list(ml), ml.pop(), list(ml))
try:
    class Incomplete(Sequence):
        pass
    Incomplete()
except TypeError as e:
    print(type(e).__name__, e)
checks = [([], Sequence), ((), MutableSequence), ({}, Mapping), ({}, MutableMapping), (set(), Set), (frozenset(), Hashable), ([], Hashable),
          (iter([]), Iterator), ([], Iterator), ("s", Iterable), ((x for x in ()), Generator), (len, Callable), ({}.keys(), Set), (range(1), Sequence), ("", Collection), (5, Sized), (b"", Container)]
print([isinstance(o, abc) for o, abc in checks])
print(issubclass(dict, Mapping), issubclass(list, MutableSequence), issubclass(str, Sequence), issubclass(bytes, MutableSequence))
