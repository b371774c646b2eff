# Pickling builtin functions, bound builtin methods, method descriptors,
# slot wrappers and method-wrappers (they reduce to their name or to a
# getattr on their owner), and protocol 0/1 pickles of ordinary data,
# which write strings with raw_unicode_escape.
import collections
import copy
import copyreg
import pickle


def show_reduce(label, f):
    r = f.__reduce__()
    if isinstance(r, str):
        print(label, repr(r))
    else:
        fn, args = r
        owner = args[0]
        shown = owner.__name__ if isinstance(owner, type) else repr(owner)
        print(label, fn.__name__, shown, repr(args[1]))


show_reduce("len", len)
show_reduce("list.append bound", [].append)
show_reduce("str.upper", str.upper)
show_reduce("int.__add__", int.__add__)
show_reduce("(1).__add__", (1).__add__)
show_reduce("object.__init__", object.__init__)
show_reduce("dict.fromkeys", dict.fromkeys)
show_reduce("'ab'.join", "ab".join)
show_reduce("list.__len__", list.__len__)
print(len.__reduce_ex__(2), str.upper.__reduce_ex__(0)[1][1])

objs = [len, abs, getattr, str.upper, object.__init__, int.__add__, dict.fromkeys,
        list.append, str.join, (5).__add__, [1, 2].copy, "x".upper, {}.get]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for o in objs:
        data = pickle.dumps(o, proto)
        back = pickle.loads(data)
        if proto < 2:
            print(proto, data)
        try:
            same = back is o or back == o
        except Exception as e:
            same = type(e).__name__
        print(proto, getattr(back, "__qualname__", back.__name__), same)

# Bound methods keep working after a round trip.
m = pickle.loads(pickle.dumps([3, 1, 2].copy))
print(m())
print(pickle.loads(pickle.dumps((40).__add__, 0))(2))
print(pickle.loads(pickle.dumps("a-b-c".split, 1))("-"))
print(copy.copy(len) is len, copy.deepcopy(str.upper) is str.upper)
print(copy.copy([].append).__name__)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


data = [
    "plain", "é and ü", "\u20ac\u263a", "\U0001f600", "back\\slash", "nl\nand\ttab",
    "\ud800 lone", "\udcff", "a\x00b", "\x7f\x80\xff", "\\u0041", "",
    {"k": [1, 2.5, None, True], "é": ("t", b"\x00\xff")},
    [1, -5, 2**70, 3.25, 1e100, complex(1, 2)],
    {1, 2}, frozenset({3}), bytearray(b"ab"),
    Point(1, "é"), Point, collections.Counter, len, max,
]
for proto in (0, 1):
    for o in data:
        d = pickle.dumps(o, proto)
        print(proto, d)
        back = pickle.loads(d)
        print("  ok" if back == o else "  DIFFERENT", type(back).__name__)

# Strings with escapes and surrogates through all protocols.
s = "x\\u1234\ud83d\ude00\udfff\u0100\n"
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    back = pickle.loads(pickle.dumps(s, proto))
    print(proto, back == s, ascii(back))

print(pickle.dumps([len, str.upper], 0))
print(pickle.dumps(copyreg._reconstructor, 0))

# More builtins, Python bound methods, and what copyreg/inspect read from __flags__
import operator, math, itertools, functools
objs = [int.from_bytes, bytes.fromhex, str.maketrans, object.__new__, object.__reduce_ex__, math.sqrt, operator.add,
        operator.itemgetter, itertools.chain.from_iterable, {}.fromkeys, dict.__dict__['fromkeys'], int.__dict__['from_bytes'],
        list.__dict__['append'], list.__init__, [].__init__, [].__len__, type.__call__, type.mro, int.__new__, str.__new__,
        functools.reduce, collections.OrderedDict.fromkeys, sorted, iter, next, print, __import__, object().__str__, (1).__repr__, "a".__class__]
for o in objs:
    try:
        r = o.__reduce__()
        print(repr(r) if isinstance(r, str) else (r[0].__name__, r[1][1], type(r[1][0]).__name__))
    except Exception as e: print('reduce', type(e).__name__, e)
    for proto in (0, 2, 4):
        try:
            b = pickle.loads(pickle.dumps(o, proto))
            print(proto, b == o or b is o)
        except Exception as e: print(proto, type(e).__name__, e)


class A:
    def m(self): return 42
    @classmethod
    def c(cls): return cls.__name__
    @staticmethod
    def s(): return 's'
a = A()
for o in [a.m, A.c, A.m, A.s]:
    try:
        r = o.__reduce__(); print(r[0].__name__ if not isinstance(r, str) else r, r[1][1] if not isinstance(r, str) else '')
    except Exception as e: print('reduce', type(e).__name__, e)
    for p in (0, 2, 5):
        try:
            b = pickle.loads(pickle.dumps(o, p)); print(p, b())
        except Exception as e: print(p, type(e).__name__, e)
print(copy.copy(a.m)(), copy.deepcopy(a.m).__self__ is a)

import inspect, abc
class X(abc.ABC):
    @abc.abstractmethod
    def m(self): pass
class Y(X):
    def m(self): pass
print(inspect.isabstract(X), inspect.isabstract(Y), inspect.isabstract(int))
for t in [int, bool, object, type, X, dict, KeyError, str, type(len), list, tuple, bytes]:
    print(t.__name__, bool(t.__flags__ & (1 << 9)), bool(t.__flags__ & (1 << 10)), [b for b in range(24, 32) if t.__flags__ & (1 << b)], bool(t.__flags__ & (1<<20)))

# non-picklable builtins (copyreg reads __flags__) and picklable library objects
import sys, types
def gen(): yield 1
objs = [int.__dict__['real'], type.__dict__['__name__'], gen(), sys._getframe(), types.SimpleNamespace(a=1), open, (x for x in []), property(), staticmethod(len), classmethod(len), super(int, 1), NotImplemented, Ellipsis, slice(1, 2), range(3), reversed([1]), enumerate([]), zip(), map(len, []), {}.keys(), iter(()), type(None)]
for o in objs:
    for p in (0, 2):
        try: print(p, type(o).__name__, len(pickle.dumps(o, p)) > 0)
        except Exception as e: print(p, type(o).__name__, type(e).__name__, e)

import functools, datetime, decimal, fractions, array, re, itertools, enum, uuid, pathlib, ipaddress
Pt = collections.namedtuple('Pt', 'x y')
class Color(enum.Enum):
    RED = 1
objs = [collections.deque([1, 2], 5), collections.defaultdict(list, a=[1]), collections.OrderedDict(a=1), collections.Counter('aab'),
        functools.partial(max, 1, key=abs), datetime.datetime(2020, 1, 2, 3, 4, 5, 6), datetime.date(2020, 1, 1), datetime.time(1, 2),
        datetime.timedelta(3), datetime.timezone.utc, decimal.Decimal('1.5'), fractions.Fraction(1, 3), array.array('i', [1, 2]),
        re.compile('a+', re.I), types.SimpleNamespace(a=1), range(1, 5, 2), slice(1, 2), 1+2j, frozenset([1]), bytearray(b'x'), {1, 2},
        Pt(1, 2), Color.RED, ValueError('x', 1), KeyError('k'), operator.itemgetter(1), operator.attrgetter('a.b'),
        operator.methodcaller('f', 1, k=2), uuid.UUID(int=5), pathlib.PurePosixPath('/a/b'), ipaddress.ip_address('1.2.3.4'), OSError(2, 'no'),
        StopIteration(3), True, None, ..., NotImplemented, 10**30, -0.0, float('inf'), b'\x00\xff', 'é\ud800', type, object, int]
for o in objs:
    for p in (0, 1, 2, 4):
        try:
            b = pickle.loads(pickle.dumps(o, p))
            ok = (b == o) if not isinstance(o, (re.Pattern, operator.itemgetter, operator.attrgetter, operator.methodcaller, functools.partial, itertools.count, BaseException)) else repr(b) == repr(o)
            print(p, type(o).__name__, ok)
        except Exception as e: print(p, type(o).__name__, type(e).__name__, e)
