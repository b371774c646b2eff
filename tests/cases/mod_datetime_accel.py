# The _datetime accelerator: CPython's C types, messages, arithmetic,
# rounding, text forms, pickling and subclassing (no local time).
import datetime as dt, pickle, copy
D, T, DT, TD, TZ = dt.date, dt.time, dt.datetime, dt.timedelta, dt.timezone
print(D, DT, T, TD, TZ, dt.tzinfo, dt.UTC is TZ.utc, D.__name__, D.__module__, DT.__mro__)

def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

# timedelta construction and rounding
for kw in [dict(days=1.5), dict(seconds=1e-7), dict(seconds=0.5e-6), dict(seconds=1.5e-6), dict(seconds=2.5e-6),
           dict(microseconds=-0.5), dict(microseconds=1.5), dict(hours=-1.25, minutes=3.3), dict(weeks=0.1, days=-0.3),
           dict(milliseconds=1.0005), dict(days=10**9), dict(days=10**12), dict(days=float('inf')), dict(days=float('nan')),
           dict(days=-999999999), dict(days=999999999, hours=24), dict(seconds=True), dict(days='1')]:
    show(f'TD{kw}', lambda: TD(**kw))
show('TD(x=1)', lambda: TD(x=1))
show('TD 8 args', lambda: TD(1, 2, 3, 4, 5, 6, 7, 8))
td = TD(days=-3, seconds=7, microseconds=11)
print(td, repr(td), str(TD(0)), str(TD(1)), str(TD(-1, 1)), str(TD(2, microseconds=5)), td.days, td.seconds, td.microseconds)
print(td * 3, 3 * td, td * 0.3, td / 4, td / 0.7, td // 3, td // TD(hours=5), td % TD(hours=5), divmod(td, TD(hours=7)), td / TD(hours=1))
print(-td, +td, abs(td), td + TD(1), td - TD(1), bool(TD(0)), bool(td), td.total_seconds(), TD.max.total_seconds(), TD.min, TD.max, TD.resolution)
print(TD(1) == TD(hours=24), TD(1) != 1, TD(1) < TD(2), sorted([TD(3), TD(-1), TD(0)]), hash(TD(1)) == hash(TD(hours=24)))
for expr in ['TD(1) + 1', 'TD(1) * "a"', 'TD(1) / 0', 'TD(1) // 0', 'TD(1) % TD(0)', 'TD(1) / TD(0)', 'TD(1) < 1',
             'TD(1) * float("nan")', 'TD(1) * float("inf")', 'TD.max + TD(1)', 'TD(1).total_seconds(1)', 'TD(1) * 1.5', 'TD(3) / 2.5']:
    show(expr, lambda: eval(expr))

# date
d = D(2024, 2, 29)
print(d, repr(d), d.ctime(), d.timetuple(), d.toordinal(), d.weekday(), d.isoweekday(), d.isocalendar(), d.isocalendar().week)
print(d.replace(year=2023, day=28), d.replace(2025, day=3), D.fromordinal(1), D.fromordinal(3652059), D.min, D.max, D.resolution)
print(d + TD(days=1, hours=30), TD(2) + d, d - TD(366), d - D(2000, 1, 1), format(d, ''), format(d, '%d/%m/%Y'), f'{d:%A %j}')
print(d.strftime('%Y-%m-%d %a %b %U %W %w %% %z|%Z|%f'), D(5, 1, 1).strftime('%Y'), D(2020, 1, 1).isoformat())
for y in [2004, 2005, 2008, 2009, 2010, 2015, 2020, 2021, 1, 9999]:
    for md in [(1, 1), (1, 4), (12, 28), (12, 31)]:
        print(y, md, D(y, *md).isocalendar(), end='; ')
    print()
for args in [(2020, 53, 7), (2020, 1, 1), (2021, 53, 1), (2015, 53, 4), (2020, 54, 1), (2020, 1, 8), (0, 1, 1), (2020, 0, 1)]:
    show(f'fromisocalendar{args}', lambda: D.fromisocalendar(*args))
for s in ['2020-01-01', '20200101', '2020-W01', '2020W01', '2020-W01-3', '2020W013', '2020-1-1', '2020-02-30', '2020-01-01T00:00',
          '', '2020-13-01', '0000-01-01', '2020W53', '２０２０-01-01']:
    show(f'D.fromisoformat({s!r})', lambda: D.fromisoformat(s))
for expr in ['D(2020)', 'D(2020, 1, 1, 1)', 'D(2020.0, 1, 1)', 'D("x", 1, 1)', 'D(2**40, 1, 1)', 'D(-2**40, 1, 1)', 'D(2**70, 1, 1)',
             'D(0, 1, 1)', 'D(2020, 13, 1)', 'D(2020, 1, 32)', 'D(2023, 2, 29)', 'D(year=2020, month=1)', 'D(2020, 1, 1, x=1)',
             'D(2020, 1, month=1)', 'D(2020, 1, 1) < 1', 'D(2020, 1, 1) - 1', '1 - D(2020, 1, 1)', 'D(2020, 1, 1) + 1',
             'D.max + TD(1)', 'D.min - TD(1)', 'D.fromordinal(0)', 'D.fromordinal(3652060)', 'D.fromisoformat(1)',
             'D(2020, 1, 1).strftime(1)', 'D(2020, 1, 1).isoformat(1)', 'D(2020, 1, 2) - DT(2020, 1, 1)', 'D(2020, 1, 1) == DT(2020, 1, 1)',
             'D(2020, 1, 1) < DT(2020, 1, 1)', 'DT(2020, 1, 1) < D(2020, 1, 1)', 'DT(2020, 1, 2) - D(2020, 1, 1)', 'D.fromtimestamp(float("nan"))',
             'D.fromtimestamp(1e20)', 'D(2020, 1, 1).replace(month=13)', 'D.today(1)', 'D(b"\\x07\\xe4\\x01\\x01")', 'D(2020, 1, 1).__reduce__()']:
    show(expr, lambda: eval(expr))

# time
t = T(13, 5, 9, 1230)
print(t, repr(t), repr(T(1)), repr(T(0, 0, 0, 5)), repr(T(1, 2, fold=1)), repr(T(1, 2, 3, 4, tzinfo=TZ.utc)), T.min, T.max, T.resolution)
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']:
    print(spec, t.isoformat(spec), T(1, 2, 3).isoformat(timespec=spec), DT(2020, 1, 2, 3, 4, 5, 6789).isoformat('_', spec))
print(t.replace(hour=1), t.replace(tzinfo=TZ(TD(hours=-5))), t.strftime('%H:%M:%S.%f %p %I'), format(t, '%H'), bool(T(0)))
print(T(1, tzinfo=TZ(TD(hours=1))) == T(0, tzinfo=TZ.utc), T(1) == T(1, tzinfo=TZ.utc), T(1, 2) < T(1, 3), hash(T(1)) == hash(T(1, fold=1)))
print(T(5, tzinfo=TZ(TD(hours=2), 'X')).utcoffset(), T(5, tzinfo=TZ(TD(hours=2), 'X')).tzname(), T(5).dst(), T(5, tzinfo=TZ.utc).strftime('%z %Z'))
for s in ['04:05:06', 'T04:05', '04', '0405', '040506', '04:05:06.1', '04:05:06,123456789', '04:05:06Z', '04:05+01:30', '04:05-0130',
          '04:05:06.5+01:02:03.4', '04:05:06+24:00', '4:05', '04:05:', '04:05:06 ', '', 'T', '12:30:45.123456Zx', '24:00']:
    show(f'T.fromisoformat({s!r})', lambda: T.fromisoformat(s))
for expr in ['T(24)', 'T(1, 60)', 'T(1, 1, 60)', 'T(1, 1, 1, 10**6)', 'T(fold=2)', 'T(tzinfo=1)', 'T(1) < T(1, tzinfo=TZ.utc)',
             'T(1) + TD(1)', 'T(1) < 1', 'T(1, fold=1).__reduce__()', 'T(1, 2, 3, 4, TZ.utc).__reduce_ex__(4)', 'T(b"\\x01\\x02\\x03\\x00\\x00\\x04")']:
    show(expr, lambda: eval(expr))

# datetime
x = DT(2024, 12, 31, 23, 59, 30, 500)
print(x, repr(x), x.date(), x.time(), x.timetz(), x.ctime(), x.timetuple(), x.utctimetuple(), x.toordinal(), x.isocalendar())
print(x + TD(seconds=30), x + TD(microseconds=-501), x - TD(days=366), x - DT(2000, 1, 1), TD(1) + x, DT.min, DT.max, DT.resolution)
print(x.replace(year=2020, microsecond=0), x.replace(tzinfo=TZ.utc), repr(DT(2020, 1, 1, fold=1)), repr(DT(2020, 1, 1, 1, 2, 3, 4, TZ.utc, fold=1)))
print(x.strftime('%Y-%m-%d %H:%M:%S.%f %A %B %j %a %b %p %I %y %% %z %Z'), DT.strptime('2021-03-04 05:06', '%Y-%m-%d %H:%M'))
print(DT.strptime('2021-03-04 05:06:07.5 +0130', '%Y-%m-%d %H:%M:%S.%f %z'), DT.combine(D(2020, 1, 2), T(3, 4)), DT.combine(D(2020, 1, 2), T(3, tzinfo=TZ.utc)))
print(DT.combine(d, t, tzinfo=TZ.utc), DT.fromordinal(738000), DT.fromisocalendar(2020, 1, 1), str(x), format(x, ''), format(x, '%H'))
utc = TZ.utc
p2 = TZ(TD(hours=2), 'CEST')
m5 = TZ(TD(hours=-5, minutes=-30))
a = DT(2020, 6, 1, 12, tzinfo=utc)
print(a, a.astimezone(p2), a.astimezone(m5), a.astimezone(utc) is a, a.utcoffset(), a.dst(), a.tzname(), a.timestamp(), a.astimezone(p2).timestamp())
print(DT.fromtimestamp(0, utc), DT.fromtimestamp(1.5, p2), DT.fromtimestamp(-1.25, utc), DT.utcfromtimestamp(86400 * 365.25), DT.utcfromtimestamp(1e9 + 0.0000005))
print(DT.utcfromtimestamp(-0.0000015), DT.utcfromtimestamp(0.9999996), DT.fromtimestamp(2**31, m5))
print(a == DT(2020, 6, 1, 14, tzinfo=p2), a < DT(2020, 6, 1, 14, 0, 1, tzinfo=p2), hash(a) == hash(DT(2020, 6, 1, 14, tzinfo=p2)), a - DT(2020, 6, 1, tzinfo=m5))
print(a.isoformat(), DT(2020, 1, 1, tzinfo=TZ(TD(seconds=5, microseconds=7))).isoformat(), DT(2020, 1, 1, tzinfo=m5).strftime('%z|%Z'))
print(DT(2020, 1, 1) == DT(2020, 1, 1, tzinfo=utc), DT(2020, 1, 1) != DT(2020, 1, 1, tzinfo=utc), x.utcoffset(), x.tzname(), x.dst())
for s in ['2020-01-02T03:04:05+01:00', '2020-01-02 03:04', '2020-01-02T03', '20200102T030405', '2020-W01-1T12:00', '2020W011T1200',
          '2020-01-02T03:04:05.123456789Z', '2020-01-02', '2020-01-02T', '2020-01-02T25:00', '2020-01-02T03:04:05-00:00', '2020-W01-12',
          '2020W0112', '2020-01-02T03:04:05+25:00', '2020', '', 'x' * 12, '2020-01-02é03:04', '2020-01-02T03:04:05.5-0530']:
    show(f'DT.fromisoformat({s!r})', lambda: DT.fromisoformat(s))
for expr in ['DT(2020)', 'DT(2020, 1, 1, 24)', 'DT(2020, 1, 1) - DT(2020, 1, 1, tzinfo=utc)', 'DT(2020, 1, 1) < DT(2020, 1, 1, tzinfo=utc)',
             'DT.max + TD(1)', 'DT.min - TD(microseconds=1)', 'DT(2020, 1, 1).isoformat(timespec="x")', 'DT(2020, 1, 1).isoformat(sep="ab")',
             'DT(2020, 1, 1).astimezone(1)', 'DT.combine(1, T())', 'DT.combine(d, 1)', 'DT.fromtimestamp("x")', 'DT.fromtimestamp(1e20)',
             'DT.fromtimestamp(float("nan"))', 'DT.strptime("x", "%Y")', 'DT.strptime(1, "%Y")', 'DT(1, 1, 1, tzinfo=utc).timestamp()',
             'DT(2020, 1, 1, fold=1).__reduce_ex__(4)', 'DT(2020, 1, 1, fold=1).__reduce_ex__(2)', 'DT(2020, 1, 1, tzinfo=utc).__reduce__()',
             'DT(b"\\x07\\xe4\\x81\\x01\\x00\\x00\\x00\\x00\\x00\\x00")', 'DT(2020, 1, 1, 1, 2, 3, 4, fold=1) == DT(2020, 1, 1, 1, 2, 3, 4)',
             'DT(2020, 1, 1) + D(2020, 1, 1)', 'DT(2020, 1, 1).replace(tzinfo=5)', 'DT(2020, 1, 1, tzinfo=utc).utctimetuple()',
             'DT.max.replace(tzinfo=m5).utctimetuple()', 'DT(2020, 1, 1, tzinfo=utc).timetuple()']:
    show(expr, lambda: eval(expr))

# timezone / tzinfo
for expr in ['TZ(1)', 'TZ(TD(hours=24))', 'TZ(TD(hours=-24))', 'TZ(TD(hours=1), 1)', 'TZ(TD(microseconds=1))', 'TZ(TD(0))', 'TZ(TD(0)) is utc',
             'TZ(TD(0), "UTC") is utc', 'repr(TZ(TD(hours=-3), "X"))', 'str(TZ(TD(hours=-3, minutes=-30, seconds=-5)))', 'str(TZ(TD(microseconds=-1)))',
             'repr(utc)', 'str(utc)', 'TZ.min', 'TZ.max', 'utc.utcoffset(1)', 'utc.tzname(None)', 'p2.tzname(None)', 'm5.tzname(None)',
             'utc.dst(None)', 'utc.fromutc(DT(2020, 1, 1))', 'p2.fromutc(DT(2020, 1, 1, tzinfo=p2))', 'p2.fromutc(1)', 'utc.__reduce__()',
             'p2.__reduce__()', 'p2 == TZ(TD(hours=2))', 'p2 == 1', 'hash(p2) == hash(TZ(TD(hours=2)))', 'dt.tzinfo().utcoffset(None)',
             'dt.tzinfo().tzname(None)', 'dt.tzinfo().dst(None)', 'dt.tzinfo().fromutc(DT(2020, 1, 1))', 'dt.tzinfo().fromutc(1)', 'dt.tzinfo().__reduce__()']:
    show(expr, lambda: eval(expr))

class Eastern(dt.tzinfo):
    """A simplified US Eastern zone with DST from Mar 8 to Nov 1, 2am."""
    def utcoffset(self, d):
        return TD(hours=-5) + self.dst(d)
    def dst(self, d):
        if d is None or d.tzinfo is None:
            return TD(0)
        start = DT(d.year, 3, 8, 2)
        end = DT(d.year, 11, 1, 1)
        return TD(hours=1) if start <= d.replace(tzinfo=None) < end else TD(0)
    def tzname(self, d):
        return 'EDT' if self.dst(d) else 'EST'
    def __repr__(self):
        return 'Eastern()'
east = Eastern()
for u in [DT(2020, 3, 8, 6, 59, tzinfo=utc), DT(2020, 3, 8, 7, tzinfo=utc), DT(2020, 11, 1, 5, 30, tzinfo=utc), DT(2020, 11, 1, 6, 30, tzinfo=utc)]:
    e = u.astimezone(east)
    print(u, '->', e, repr(e), e.tzname(), e.dst(), e.timetuple().tm_isdst, e.strftime('%Z %z'), e.astimezone(utc) == u)
print(east.fromutc(DT(2020, 7, 1, 12, tzinfo=east)), DT(2020, 7, 1, 12, tzinfo=east) - DT(2020, 7, 1, 12, tzinfo=utc), pickle.loads(pickle.dumps(p2)))
class BadTZ(dt.tzinfo):
    def __init__(self, off):
        self.off = off
    def utcoffset(self, d):
        return self.off
    def tzname(self, d):
        return 5
for off in [TD(hours=25), 5, TD(hours=-24), None]:
    show(f'BadTZ({off!r})', lambda: (DT(2020, 1, 1, tzinfo=BadTZ(off)).utcoffset(), DT(2020, 1, 1, tzinfo=BadTZ(off)).isoformat()))
show('tzname 5', lambda: DT(2020, 1, 1, tzinfo=BadTZ(None)).tzname())
show('reduce BadTZ', lambda: BadTZ(1).__reduce__())

# pickling and copying
objs = [d, t, x, td, a, p2, utc, DT(2020, 1, 1, fold=1), T(1, fold=1, tzinfo=m5), D.max, TD.min, d.isocalendar()]
for proto in range(3, pickle.HIGHEST_PROTOCOL + 1):  # 0-2 pickle bytes via codecs.encode
    r = [pickle.loads(pickle.dumps(o, proto)) for o in objs]
    print(proto, r == objs, [type(o).__name__ for o in r][:3], r[7].fold, r[8].fold)
print(copy.copy(x) == x, copy.deepcopy(a) == a, copy.deepcopy(objs) == objs)

# subclasses
class MyDate(D):
    def __new__(cls, y, m, dd, note='n'):
        self = super().__new__(cls, y, m, dd)
        self.note = note
        return self
    def __repr__(self):
        return 'MyDate<' + super().__repr__() + '>'
class MyDT(DT):
    extra = 1
class MyTD(TD):
    pass
md = MyDate(2020, 5, 17, 'hello')
print(md, repr(md), md.note, type(md + TD(1)).__name__, type(md - TD(1)).__name__, type(md.replace(day=1)).__name__, type(MyDate.fromordinal(5)).__name__)
print(type(MyDate.fromisoformat('2020-01-01')).__name__, (md + TD(1)).note, md == D(2020, 5, 17), hash(md) == hash(D(2020, 5, 17)), md - D(2020, 1, 1))
mx = MyDT(2020, 1, 2, 3, fold=1)
print(repr(mx), mx.extra, type(mx + TD(1)).__name__, type(mx.replace(hour=5)).__name__, type(MyDT.fromtimestamp(0, utc)).__name__, repr(MyDT.combine(d, t)))
print(type(MyDT.strptime('2020', '%Y')).__name__, type(MyDT.fromisoformat('2020-01-01T00:00')).__name__, type(mx.astimezone(utc)).__name__ if False else '', mx.fold)
mt = MyTD(days=1)
print(repr(mt), type(mt + TD(1)).__name__, type(-mt).__name__, type(mt * 2).__name__, mt == TD(1))
print(type(pickle.loads(pickle.dumps(mx))).__name__, pickle.loads(pickle.dumps(mx)).fold)
try:
    D.year = 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    d.year = 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
import calendar
print(calendar.timegm(a.utctimetuple()), calendar.monthrange(2024, 2), sorted({d: 1, D(2024, 2, 29): 2, DT(2024, 2, 29): 3}.values()))
class FoldTZ(dt.tzinfo):
    """Offset -4h, or -5h from 01:00 (fold=1) on Nov 1, 2020 onwards."""
    def utcoffset(self, d):
        n = d.replace(tzinfo=None, fold=0)
        if n >= DT(2020, 11, 1, 2) or (n >= DT(2020, 11, 1, 1) and d.fold):
            return TD(hours=-5)
        return TD(hours=-4)
    def dst(self, d):
        return TD(0)
    def __repr__(self):
        return 'FoldTZ()'
ftz = FoldTZ()
amb = DT(2020, 11, 1, 1, 30, tzinfo=ftz)
for v in [amb, amb.replace(fold=1), DT(2020, 11, 1, 3, tzinfo=ftz)]:
    u = v.astimezone(utc)
    print(repr(v), u, v == u, v != u, v < u + TD(1), v == v.replace(tzinfo=ftz), hash(v) == hash(v.replace(fold=0)), u.astimezone(ftz) == v)
try:
    class BadBase(TZ):
        pass
except TypeError as e:
    print(type(e).__name__, e)
import datetime as dt
# keyword-only fold, timestamp rounding, strftime via timetuple()
for e in ['dt.time(1,2,3,4,None,1)', 'dt.datetime(2020,1,1,1,2,3,4,None,1)', 'dt.time(1).replace(1,2,3,4,None,1)', 'dt.datetime(2020,1,1).replace(2020,1,1,1,2,3,4,None,1)','dt.time(1, fold=1)',
          'dt.datetime.fromtimestamp(-1e-7, dt.timezone.utc)', 'dt.datetime.utcfromtimestamp(-0.4999995)', 'dt.datetime.utcfromtimestamp(1.0000005)', 'dt.datetime.utcfromtimestamp(-1.0000005)', 'dt.datetime.utcfromtimestamp(1e-6/2*3)', 'dt.datetime.utcfromtimestamp(2.5e-6)']:
  try: print(e, repr(eval(e)))
  except Exception as x: print(e, type(x).__name__, x)
class TT(dt.date):
    def timetuple(self):
        return dt.date(2001, 2, 3).timetuple()
print(TT(2020, 1, 1).strftime('%Y-%m-%d'))
# bare descriptor calls raise TypeError (never panic)
import json.encoder as E, json.scanner as S
tests = ['dt.date.__new__()', 'dt.timedelta.__new__()', 'dt.datetime.__new__()', 'dt.time.__new__()', 'dt.timezone.__new__()', 'dt.tzinfo.__new__()',
 'dt.date.__repr__()', 'dt.date.__add__(dt.date(2020,1,1))', 'dt.timedelta.__add__(dt.timedelta(1))', 'dt.date.__sub__(dt.date(2020,1,1))', 'dt.datetime.__sub__(dt.datetime(2020,1,1))',
 'dt.date.__repr__(1)', 'dt.date.__new__(int, 2020, 1, 1)', 'dt.timedelta.__new__(1)', 'E.c_make_encoder.__new__()', 'S.c_make_scanner.__new__()', 'S.c_make_scanner.__call__()',
 'dt.date.__reduce__()', 'dt.timezone.__repr__()', 'dt.date.fromordinal.__func__()' ]
for t in tests:
    try:
        print(t, repr(eval(t))[:60])
    except BaseException as e:
        print(t, '!!', type(e).__name__)
# C details: ISO calendar overflow, date.__eq__ on datetimes, as_integer_ratio of float subclasses, tzname().replace
for e in ['dt.date.fromisocalendar(2019, 2**33, 1)', 'dt.date.fromisocalendar(2**40, 1, 1)', 'dt.date.fromisocalendar(2019.0, 1, 1)',
          'dt.date(2020, 1, 1).__eq__(dt.datetime(2020, 1, 1, 5))', 'dt.date(2020, 1, 1) == dt.datetime(2020, 1, 1)', 'dt.date(2020, 1, 1).__lt__(dt.datetime(2020, 1, 2))',
          'dt.datetime(2020, 1, 1) == dt.date(2020, 1, 1)', 'dt.date(2020, 1, 1) != dt.datetime(2020, 1, 1)']:
    try:
        print(e, eval(e))
    except Exception as x:
        print(e, type(x).__name__, x)
class BF(float):
    def as_integer_ratio(self):
        return self.r
for r in [1 << 1000, (), (42,), (1, 2, 3), (3, 2), [3, 2]]:
    for op in ['/', '*']:
        b = BF(1.0)
        b.r = r
        try:
            print(op, eval('dt.timedelta(1) ' + op + ' b'))
        except Exception as x:
            print(op, type(x).__name__, x)
class MyStr(str):
    def replace(self, *args):
        return None
class TZ(dt.tzinfo):
    def tzname(self, d):
        return MyStr('name')
    def utcoffset(self, d):
        return dt.timedelta(0)
    def dst(self, d):
        return None
class TZ2(TZ):
    def tzname(self, d):
        return 'a%b'
for z in [TZ(), TZ2()]:
    try:
        print(dt.datetime(2005, 3, 2, tzinfo=z).strftime('%Z|%z'))
    except TypeError as x:
        print(type(x).__name__, x)
