# __hash__/__eq__ rules
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)
class EqHash:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, EqHash) and self.k == o.k
    def __hash__(self): return hash(self.k)
print(len({EqHash(1), EqHash(1), EqHash(2)}), EqHash(3) in {EqHash(3)})
class Inherit(EqHash): pass
print(hash(Inherit(5)) == hash(5))
class ReEq(EqHash):
    def __eq__(self, o): return False
print(ReEq.__hash__)
class Unhash:
    __hash__ = None
try:
    hash(Unhash())
except TypeError as e:
    print(e)
class Plain: pass
print(type(hash(Plain())).__name__, Plain.__hash__ is object.__hash__)

# __bool__ / __len__ truth
class B:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), not L(0))
print("yes" if L(2) else "no", bool(Plain()))
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
class FloatLen:
    def __len__(self): return 2.5
try:
    len(FloatLen())
except TypeError as e:
    print(type(e).__name__, e)
class BoolAndLen:
    def __bool__(self): return False
    def __len__(self): return 10
print(bool(BoolAndLen()), len(BoolAndLen()))

# __call__
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, times=1): return (x + self.n) * times
add5 = Adder(5)
print(add5(1), add5(1, times=3), callable(add5), callable(Adder), callable(5))

# __contains__ and fallbacks
class Cont:
    def __contains__(self, x): return x == "magic"
print("magic" in Cont(), "other" in Cont(), "other" not in Cont())
class ContRet:
    def __contains__(self, x): return 5   # coerced to bool
print(1 in ContRet())
class IterOnly:
    def __iter__(self): return iter([1, 2, 3])
print(2 in IterOnly(), 4 in IterOnly())
class GetItemSeq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError(i)
        return i * 10
print(20 in GetItemSeq(), 25 in GetItemSeq(), list(GetItemSeq()), list(reversed([0, 1])))
for v in GetItemSeq():
    print("item", v)
try:
    5 in 5
except TypeError as e:
    print(type(e).__name__, e)

# __iter__/__next__
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)), sum(Countdown(3)), [x for x in Countdown(2)])
a, b, c = Countdown(3)
print(a, b, c)
class NotIterator:
    def __iter__(self): return 5
try:
    iter(NotIterator())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in 42: pass
except TypeError as e:
    print(type(e).__name__, e)

# __index__
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print([10, 20, 30][Idx(1)], "abcdef"[Idx(1):Idx(4)], hex(Idx(255)), bin(Idx(5)), range(Idx(3)))
print(operator_index := __import__("operator").index(Idx(7)))
try:
    lst12 = [1, 2]
    lst12[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    sabc = "abc"
    sabc["x"]
except TypeError as e:
    print(type(e).__name__, e)

# __getitem__/__setitem__/__delitem__ with slices
class Rec:
    def __getitem__(self, k): return ("get", k)
    def __setitem__(self, k, v): print("set", k, v)
    def __delitem__(self, k): print("del", k)
r = Rec()
print(r[1], r[1:2], r[::3], r[1, 2], r[...], r[1:2, 3])
r["k"] = "v"
r[0:5] = []
del r[2]
del r[::2]
# __len__ used by len only
class Sized:
    def __len__(self): return 7
print(len(Sized()))
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
