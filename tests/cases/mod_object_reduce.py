"""object.__reduce_ex__ protocols 0-4, __getstate__, slots state, copy and pickle of plain instances."""
import pickle, copy, copyreg
class P:
    def __init__(self): self.a = 1; self.b = [1, 2]
class S:
    __slots__ = ('x', 'y')
class SD(S):
    pass
class L(list): pass
class D(dict): pass
class NA:
    def __init__(self, v): self.v = v
    def __getnewargs__(self): return (self.v,)
class GS:
    def __getstate__(self): return {'z': 9}
p = P()
for proto in range(5):
    print(proto, p.__reduce_ex__(proto)[1:] if proto >= 2 else p.__reduce_ex__(proto)[1:])
    if proto: q = pickle.loads(pickle.dumps(p, proto)); print(type(q).__name__, vars(q))
s = S(); s.x = 1
print(s.__reduce_ex__(2)[2], copy.copy(s).x)
sd = SD(); sd.y = 3; sd.q = 4
print(sd.__reduce_ex__(4)[2])
l = L([1, 2]); l.t = 1
r = l.__reduce_ex__(2); print(r[1], r[2], list(r[3]), r[4])
d = D(a=1); r = d.__reduce_ex__(3); print(r[1], r[2], r[3], list(r[4]))
print(copy.deepcopy(NA(5)).v, NA(6).__reduce_ex__(2)[1][1:])
print(GS().__reduce_ex__(2)[2], GS().__getstate__(), P().__getstate__(), object().__getstate__())
try: S().__reduce_ex__(1)
except TypeError as e: print(e)
print(object().__reduce_ex__(2)[1:])
try: pickle.dumps(iter([]).__class__)
except Exception as e: print(type(e).__name__)
print(copy.copy(L([3])), copy.deepcopy(D(x=[1])))
print(p.__reduce__()[1])
