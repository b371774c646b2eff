"""Memory stress: build and drop objects and reference cycles of every kind,
round after round, and check that peak memory stays flat after a warm-up.

Everything here is freed either by reference counting or by the automatic
(threshold-driven) cycle collector: the program never calls gc.collect()
inside a round. Kinds covered: lists, dicts, tuples, sets, instances with
inline attributes and with dicts, closures, bound methods, generators,
frames held by tracebacks, classes created at run time, weak references
with callbacks, objects with __del__ in cycles (PEP 442), big ints, strs.

Usage: pyrite tests/stress/memory_flat.py [ROUNDS] [SCALE]
Prints one line per round and a final "flat: True/False" line; exit status
1 when not flat. Runs under python3 as well, for comparison. Peak memory is
read from /proc/self/status (VmHWM), so this needs Linux.
"""

import sys
import weakref


def peak_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


class Pair:
    def __init__(self, i):
        self.i = i
        self.other = None


class WithDel:
    deleted = 0

    def __init__(self):
        self.me = self

    def __del__(self):
        WithDel.deleted += 1


class Holder:
    def __init__(self):
        self.method = self.run          # bound method cycle

    def run(self):
        return 1


def closure_cycle(i):
    def f():
        return f, i                      # f's cell refers to f
    return f


def gen_cycle(i):
    def g():
        me = yield i
        yield me
    it = g()
    next(it)
    it.send(it)                          # the frame holds the generator
    return it


def traceback_cycle(i):
    try:
        raise ValueError(i)
    except ValueError as exc:
        saved = exc                      # frame -> exc -> traceback -> frame
    return saved


callbacks = []


def one_round(scale):
    total = 0
    for i in range(scale):
        a = Pair(i)
        b = Pair(i + 1)
        a.other = b
        b.other = a
        lst = [i, a, "x" * (i % 7)]
        lst.append(lst)
        d = {"k": i, "t": (i, i + 1)}
        d["self"] = d
        s = {i, i * 2, frozenset([i])}
        big = (1 << (64 + i % 64)) + i
        total += a.other.i + lst[0] + d["self"]["k"] + len(s) + (big & 1)
        if i % 4 == 0:
            h = Holder()
            total += h.method()
            c = closure_cycle(i)
            total += c()[1]
            g = gen_cycle(i)
            e = traceback_cycle(i)
            total += e.args[0]
            w = WithDel()
            r = weakref.ref(w, callbacks.append)
            del h, c, g, e, w, r
        if i % 1000 == 0:
            cls = type("Dyn%d" % i, (Pair,), {"extra": i})
            inst = cls(i)
            inst.cls = cls
            total += inst.extra
            del cls, inst
        if i % 2 == 0:
            n = Pair(i)                  # an instance whose __dict__ is made
            n.__dict__["z"] = i
            total += n.z
    callbacks.clear()
    return total


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    scale = int(sys.argv[2]) if len(sys.argv) > 2 else 40000
    warmup = 2
    checksum = 0
    base = None
    peaks = []
    for r in range(rounds):
        checksum = (checksum * 31 + one_round(scale)) & 0xFFFFFFFF
        peaks.append(peak_kb())
        if r == warmup - 1:
            base = peaks[-1]
        print("round %d: peak %d KB" % (r, peaks[-1]))
    growth = peaks[-1] - base
    # Flat: after the warm-up rounds the peak grows by less than 10% (and
    # at most 8 MB): a leak of even one small object per iteration would
    # add megabytes over the later rounds.
    flat = growth <= min(base // 10, 8 * 1024)
    print("checksum %d, __del__ ran %d times" % (checksum, WithDel.deleted))
    print("peak after warm-up %d KB, at end %d KB, growth %d KB" % (base, peaks[-1], growth))
    print("flat:", flat)
    sys.exit(0 if flat else 1)


main()
