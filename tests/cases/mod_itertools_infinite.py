from itertools import count, cycle, repeat, islice, accumulate, chain, compress, dropwhile, filterfalse, takewhile, starmap
import operator
print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(1.5, 0.5), 3)), list(islice(count(5, -2), 4)))
c = count(7)
print(next(c), next(c), repr(c), repr(count(1, 2)), repr(count(0.5)))
print(list(islice(cycle("abc"), 8)), list(islice(cycle([]), 3)), list(cycle([])))
print(list(repeat("x", 3)), list(repeat(1, 0)), list(repeat(None, -1)), list(islice(repeat(7), 2)), repr(repeat(1, 2)))
print(list(map(pow, range(5), repeat(2))))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 2)), list(islice("abc", None)), list(islice(range(10), 0, 9, 3)))
try:
    islice("abc", -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    islice("abc", 0, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
it = iter(range(10))
print(list(islice(it, 3)), next(it))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([3, 1, 5, 2], max)), list(accumulate([1, 2, 3], initial=100)), list(accumulate([])), list(accumulate([], initial=0)))
print(list(accumulate("abc")), list(accumulate([1, 2, 3], lambda a, b: a * 10 + b)))
print(list(chain("ab", [1, 2], (3,))), list(chain()), list(chain.from_iterable(["ab", "cd"])), list(chain.from_iterable([[1], [], [2, 3]])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress(range(5), [True, False])), list(compress("ab", repeat(1))))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(dropwhile(bool, [])), list(takewhile(bool, [0, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda *a: sum(a), [(1, 2, 3), (), (4,)])))
tw = takewhile(lambda x: x < 2, iter([0, 1, 2, 3]))
print(list(tw), list(tw))
