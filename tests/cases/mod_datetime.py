import datetime as dt
d = dt.date(2024, 2, 28)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isoformat(), d.toordinal(), d.isocalendar())
print(d + dt.timedelta(days=1), d + dt.timedelta(days=2), d - dt.date(2023, 2, 28), d.replace(year=2023), dt.date.fromisoformat("2000-01-01"), dt.date.fromordinal(738000))
t = dt.time(13, 5, 9, 123)
print(t, repr(t), t.hour, t.minute, t.isoformat(), t.replace(hour=1), dt.time(), dt.time.fromisoformat("04:05:06"))
x = dt.datetime(2024, 12, 31, 23, 59, 30)
print(x, repr(x), x + dt.timedelta(seconds=45), x.date(), x.time(), x.isoformat(), x.isoformat(sep=" ", timespec="minutes"))
print(x.strftime("%Y-%m-%d %H:%M:%S %A %B %j %a %b %p %I %y %%"), dt.datetime.strptime("2021-03-04 05:06", "%Y-%m-%d %H:%M"))
td = dt.timedelta(days=1, hours=25, minutes=61, seconds=3661, microseconds=1500000)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds(), -td, abs(-td), td * 2, td / 2, td // dt.timedelta(hours=1))
print(dt.timedelta(weeks=1) == dt.timedelta(days=7), dt.timedelta(0) == dt.timedelta(), dt.timedelta(seconds=-1), str(dt.timedelta(microseconds=1)), dt.timedelta(days=-1, seconds=5))
print(dt.date(2024, 3, 1) > dt.date(2024, 2, 29), sorted([dt.date(2020, 5, 1), dt.date(2019, 1, 1)]), dt.date(2020, 1, 1) - dt.timedelta(days=1))
try:
    dt.date(2023, 2, 29)
except ValueError as e:
    print(type(e).__name__, e)
try:
    dt.time(25)
except ValueError as e:
    print(type(e).__name__, e)
try:
    dt.date(2020, 1, 1) + 1
except TypeError as e:
    print(type(e).__name__, e)
utc = dt.timezone.utc
aware = dt.datetime(2020, 6, 1, 12, tzinfo=utc)
plus2 = dt.timezone(dt.timedelta(hours=2), "CEST")
print(aware, aware.astimezone(plus2), aware.utcoffset(), plus2.tzname(None), aware.timestamp(), dt.datetime.fromtimestamp(0, utc))
print(aware == dt.datetime(2020, 6, 1, 14, tzinfo=plus2), aware.isoformat(), dt.datetime.fromisoformat("2020-01-02T03:04:05+01:00"))
try:
    aware < dt.datetime(2020, 1, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(dt.date.min, dt.date.max, dt.datetime(2000, 1, 1).weekday(), dt.MINYEAR, dt.MAXYEAR, hash(d) == hash(dt.date(2024, 2, 28)))
import calendar
print(calendar.isleap(2000), calendar.isleap(1900), calendar.monthrange(2024, 2), calendar.weekday(2024, 1, 1))
