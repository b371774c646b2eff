from itertools import product, permutations, combinations, combinations_with_replacement, groupby, pairwise, tee, zip_longest
print(list(product("ab", [1, 2])), list(product([0, 1], repeat=2)), list(product()), list(product("ab", [])), len(list(product(range(3), repeat=3))))
print(list(product("ab", "xy", repeat=1)), list(product(*[[1, 2], [3]])))
print(list(permutations([1, 2, 3])), list(permutations("abc", 2)), list(permutations([], 0)), list(permutations([1], 2)), len(list(permutations(range(5)))))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations([1, 2], 0)), list(combinations([1], 3)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement([1, 2], 3)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
try:
    list(permutations([1, 2], -1))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(combinations([1, 2], -1))
except ValueError as e:
    print(type(e).__name__, e)
data = "aaabbcaad"
print([(k, list(g)) for k, g in groupby(data)])
print([(k, len(list(g))) for k, g in groupby(sorted(data))])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
print([(k, list(g)) for k, g in groupby(words, key=lambda w: w[0])])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7], key=lambda v: v % 2)])
groups = groupby("aabb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))   # g1 exhausted once advancing
print(list(groupby([])), [k for k, _ in groupby([1, 1, 1])])
print(list(pairwise([1, 2, 3, 4])), list(pairwise("ab")), list(pairwise([1])), list(pairwise([])))
a, b = tee([1, 2, 3])
print(list(a), list(b))
x, y, z = tee(iter("abc"), 3)
print(next(x), next(x), next(y), list(z), list(x), list(y))
print(tee([1], 0), len(tee([1])))
src = iter(range(5))
t1, t2 = tee(src)
print(next(t1), next(t1), list(t2))
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "x", fillvalue="-")), list(zip_longest()), list(zip_longest([1, 2], [], [3])))
try:
    zip_longest([1], bogus=2)
except TypeError as e:
    print(type(e).__name__, e)
