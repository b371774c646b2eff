import random
random.seed(42); print([random.random() for _ in range(3)])
random.seed(42); print(random.randrange(100), random.randint(1, 6), random.choice('abcdef'))
l = list(range(10)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.gauss(0, 1), random.uniform(1, 2))
print(random.choices('abc', k=5), random.getrandbits(80))
r = random.Random(7); print(r.random(), r.randrange(0, 1000, 7))
random.seed('abc'); print(random.random())
random.seed(b'abc'); print(random.random())
random.seed(3.5); print(random.random())
r = random.Random(2024)
print(r.triangular(0, 10, 3), r.betavariate(2, 3), r.expovariate(1.5), r.lognormvariate(0, 1), r.vonmisesvariate(1, 2), r.gammavariate(2, 2), r.paretovariate(3), r.weibullvariate(1, 2), r.normalvariate(5, 2))
print(r.randbytes(8), r.sample(['a', 'b', 'c', 'd'], k=2, counts=[1, 2, 3, 4]), r.choices(range(5), weights=[5, 1, 1, 1, 1], k=6))
s = r.getstate(); x = [r.random() for _ in range(3)]; r.setstate(s); print(x == [r.random() for _ in range(3)])
print(random.Random(b'bytes-seed').random(), random.Random(bytearray(b'ba')).random(), random.Random(-7).random(), random.Random(10**30).random())
try:
    random.Random([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
