f = frozenset([3, 1, 2, 3])
print(f, sorted(f), len(f), 2 in f, type(f).__name__, frozenset(), repr(frozenset()), frozenset("aa"))
print(f | {9}, f & {1, 7}, f - {1}, f ^ {1, 5}, type(f | {9}).__name__)
print(f.union([4]), f.intersection({2, 3}), f.difference([3]), f.symmetric_difference([0]), f.copy() is f)
print(f == {1, 2, 3}, f <= {1, 2, 3, 4}, f.issubset([1, 2, 3]), f.issuperset({1}), f.isdisjoint([7]))
print(hash(f) == hash(frozenset([1, 2, 3])), {f: "value"}[frozenset({1, 2, 3})], {frozenset(): 1})
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    f.remove(1)
except AttributeError as e:
    print(type(e).__name__, e)
g = f
g |= {100}
print(sorted(f), sorted(g), f is g)
nested = frozenset([frozenset([1]), frozenset([2])])
print(len(nested), frozenset([1]) in nested, set([frozenset()]))
print(frozenset(range(5)) - frozenset(range(3)), frozenset.__mro__, issubclass(frozenset, set))
print(frozenset({1: 2}), frozenset((1, 2)).__contains__(2), frozenset([1]).__len__())
