# decimal through Pyrite's _decimal: Decimal and Context carry the C
# extension's type flags (tp_name 'decimal.Decimal', immutable type).
import decimal, _decimal, pickle, copy
from decimal import Decimal as D, Context
print(_decimal.__name__, D.__module__, D.__name__, D.__qualname__, Context.__name__, decimal.__version__, type(D(1)).__name__)
for expr in ['D(1) + 1.5', '1.5 - D(1)', 'D(1) < "x"', 'D.x = 1', 'Context.prec = 3', 'D(1).x = 1', 'D("1").foo', 'len(D(1))', 'D(1)[0]', 'D.__name__', 'hash(D(1))',
             'del D.sqrt', 'D(1) @ D(2)', 'iter(D(1))']:
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
class MyD(D):
    pass
MyD.x = 5
print(MyD.x, repr(MyD('1.5') + 1), type(MyD(2)).__name__)
try:
    MyD(1) + 1.5
except TypeError as e:
    print(e)
print(pickle.loads(pickle.dumps(D('1.25'))), copy.deepcopy(decimal.getcontext()).prec, repr(decimal.getcontext())[:40], D(1) / 3)
import itertools, collections
for stmt in ['itertools.count.__name__ = "x"', 'int.__module__ = "x"', 'collections.deque.y = 1', 'D.__name__ = "E"', 'D.__module__ = "m"']:
    try:
        exec(stmt)
    except TypeError as e:
        print(stmt, '!!', e)
class Plain:
    pass
Plain.__name__ = 'Renamed'
print(Plain.__name__, Plain.__qualname__)
