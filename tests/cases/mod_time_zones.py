# localtime/mktime/strftime under a few zones: the cases run with the
# host zone, so set TZ explicitly and call tzset().
import os, time
for tz in ["UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "EST5EDT,M3.2.0,M11.1.0", "<+03>-3"]:
    os.environ["TZ"] = tz
    time.tzset()
    print(tz, time.timezone, time.altzone, time.daylight, time.tzname)
    for s in (0, 1e9, 1.2e9, 1.7e9, 1710054000, 1710054000 - 1, 1730613600, 1730613600 - 1, 2.5e9, 4e9, -1e9):
        lt = time.localtime(s)
        print(tuple(lt), lt.tm_zone, lt.tm_gmtoff, time.mktime(lt), time.strftime("%Z %z %c", lt))
    print(time.mktime((2024, 3, 10, 2, 30, 0, 0, 0, -1)), time.mktime((2024, 11, 3, 1, 30, 0, 0, 0, 0)), time.mktime((2024, 11, 3, 1, 30, 0, 0, 0, 1)), time.ctime(1e9))
