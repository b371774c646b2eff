# Recipes from the itertools documentation, built from the primitives.
from itertools import islice, chain, groupby, zip_longest, tee, count, cycle, repeat, starmap, accumulate, combinations, product, filterfalse
import operator
def take(n, it): return list(islice(it, n))
def tabulate(fn, start=0): return map(fn, count(start))
def nth(it, n, default=None): return next(islice(it, n, None), default)
def all_equal(it):
    g = groupby(it)
    return next(g, True) and not next(g, False)
def quantify(it, pred=bool): return sum(map(pred, it))
def ncycles(it, n): return chain.from_iterable(repeat(tuple(it), n))
def flatten(list_of_lists): return chain.from_iterable(list_of_lists)
def grouper(it, n, fillvalue=None):
    args = [iter(it)] * n
    return zip_longest(*args, fillvalue=fillvalue)
def roundrobin(*iterables):
    nexts = cycle(iter(i).__next__ for i in iterables)
    pending = len(iterables)
    while pending:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            pending -= 1
            nexts = cycle(islice(nexts, pending))
def partition(pred, it):
    t1, t2 = tee(it)
    return list(filterfalse(pred, t1)), list(filter(pred, t2))
def powerset(it):
    s = list(it)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))
def unique_everseen(it, key=None):
    seen = set()
    for el in it:
        k = el if key is None else key(el)
        if k not in seen:
            seen.add(k)
            yield el
def unique_justseen(it, key=None):
    return map(next, map(operator.itemgetter(1), groupby(it, key)))
def sliding_window(it, n):
    from collections import deque
    it = iter(it)
    window = deque(islice(it, n - 1), maxlen=n)
    for x in it:
        window.append(x)
        yield tuple(window)
def dotproduct(v1, v2): return sum(map(operator.mul, v1, v2))
def running_mean(xs):
    return [total / i for i, total in enumerate(accumulate(xs), 1)]
print(take(5, tabulate(lambda x: x * x)), nth(count(), 7), nth(iter([]), 3, "dflt"))
print(all_equal("aaa"), all_equal("aab"), all_equal(""), quantify([1, 0, 2, 0]), quantify(range(10), lambda x: x > 6))
print(list(ncycles("ab", 3)), list(flatten([[1], [2, 3], []])), list(grouper("ABCDEFG", 3, "x")))
print(list(roundrobin("ABC", "D", "EF")), partition(lambda x: x % 2, range(10)))
print(list(powerset([1, 2, 3])), list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", str.lower)))
print(list(unique_justseen("AAAABBBCCDAABBB")), list(sliding_window("ABCDEFG", 4)), dotproduct([1, 2, 3], [4, 5, 6]))
print(running_mean([1, 2, 3, 4]), list(starmap(operator.pow, product([2, 3], repeat=2))))
print(take(10, (p for p in count(2) if all(p % d for d in range(2, int(p ** 0.5) + 1)))))
