import time
t1 = time.time()
t2 = time.time()
print(type(t1).__name__, t2 >= t1, t1 > 1_600_000_000)
m1 = time.monotonic(); m2 = time.monotonic()
print(m2 >= m1, type(m1).__name__)
p1 = time.perf_counter()
s = sum(range(10000))
p2 = time.perf_counter()
print(p2 >= p1, (p2 - p1) < 5.0, s)
print(time.sleep(0))
time.sleep(0.01)
p3 = time.perf_counter()
print(p3 - p2 >= 0.005)
ns1 = time.time_ns(); ns2 = time.monotonic_ns(); ns3 = time.perf_counter_ns()
print(type(ns1).__name__, ns1 > 10 ** 18, ns2 >= 0, ns3 >= 0)
print(time.process_time() >= 0)
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.sleep("x")
except TypeError as e:
    print(type(e).__name__, e)
g = time.gmtime(0)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_wday, g.tm_yday, tuple(g)[:6])
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(86400 * 365)), time.strftime("%j|%a|%b", time.gmtime(1e9)))
print(time.mktime(time.localtime(1000000)) == 1000000.0 or True, time.gmtime(1700000000)[:3])
