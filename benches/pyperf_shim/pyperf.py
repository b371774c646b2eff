"""A small stand-in for the ``pyperf`` module, written for Pyrite's harness.

It implements just enough of the ``pyperf`` API for pyperformance's
``run_benchmark.py`` scripts to run one FIXED amount of work in the current
process and report how long it took:

* no calibration, no warm-up, no worker subprocesses, no statistics;
* the loop count comes from the ``PYRITE_BENCH_LOOPS`` environment variable
  (default 1), or ``--loops N`` on the command line;
* each timed benchmark prints one line to stdout::

      PYRITE_BENCH <name> <seconds>

  where <seconds> is the total wall time of all loops (not per loop);
* ``bench_func`` also prints ``PYRITE_RESULT <name> <digest>``, a digest of
  the repr of the last return value, so the harness can compare results
  between interpreters;
* anything unsupported (``bench_command``) prints
  ``PYRITE_SKIP <name> <reason>`` and does nothing.

Only ``os``, ``sys`` and ``time`` are imported up front; ``argparse`` is
imported only when a benchmark touches ``Runner.argparser`` or
``Runner.parse_args()``, and ``asyncio`` only for ``bench_async_func``.
"""

import os
import sys
import time

__version__ = "0.0-pyrite-shim"
VERSION = (0, 0)

perf_counter = time.perf_counter


def python_implementation():
    return sys.implementation.name.lower()


def python_has_jit():
    return False


def add_runner_args(parser):
    """Add the (ignored) pyperf runner options to an argparse parser."""
    _add_pyperf_options(parser)
    return parser


def _add_pyperf_options(parser):
    # Options pyperf understands; accepted so that command lines written for
    # pyperf still parse.  Only --loops has an effect here.
    parser.add_argument("-l", "--loops", type=int, default=None,
                        help="number of outer loops (default: "
                             "$PYRITE_BENCH_LOOPS or 1)")
    for flag in ("--fast", "--rigorous", "--quiet", "--verbose",
                 "--append-stats", "--debug-single-value", "--worker",
                 "--no-locale", "--track-memory", "--tracemalloc",
                 "--calibrate-loops", "--recalibrate-loops",
                 "--calibrate-warmups", "--recalibrate-warmups",
                 "--copy-env", "--profile-stats"):
        parser.add_argument(flag, action="store_true", default=False,
                            help="ignored (pyperf compatibility)")
    for flag in ("-p", "-n", "-w", "-o", "--processes", "--values",
                 "--warmups", "--min-time", "--output", "--append",
                 "--inherit-environ", "--affinity", "--pipe",
                 "--worker-task", "--timeout", "--hook", "--inner-loops",
                 "--profile"):
        parser.add_argument(flag, default=None,
                            help="ignored (pyperf compatibility)")


def _env_loops():
    value = os.environ.get("PYRITE_BENCH_LOOPS", "")
    if not value:
        return 1
    loops = int(value)
    if loops < 1:
        raise ValueError("PYRITE_BENCH_LOOPS must be >= 1, got %r" % value)
    return loops


def _digest(value):
    """A short, address-free summary of repr(value)."""
    text = repr(value)
    # Strip memory addresses ("at 0x7f..."), which differ between runs.
    pieces = text.split(" at 0x")
    if len(pieces) > 1:
        out = [pieces[0]]
        for piece in pieces[1:]:
            i = 0
            while i < len(piece) and piece[i] in "0123456789abcdefABCDEF":
                i += 1
            out.append(" at 0x?")
            out.append(piece[i:])
        text = "".join(out)
    if len(text) <= 100 and "\n" not in text:
        return text
    # FNV-1a over the code points (of the first 64 Ki only, to bound the
    # cost for huge results), 64 bits, plus the full length.
    h = 0xcbf29ce484222325
    for ch in text[:65536]:
        h = ((h ^ ord(ch)) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "len=%d fnv=%016x" % (len(text), h)


def _emit(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Runner:
    """Subset of pyperf.Runner: runs each benchmark once, for a fixed count."""

    def __init__(self, *args, **kwargs):
        # values, processes, warmups, add_cmdline_args, ... are all ignored.
        self.metadata = {}
        self.args = None
        self._argparser = None
        self._names = []

    # -- command line ----------------------------------------------------

    @property
    def argparser(self):
        if self._argparser is None:
            import argparse
            # "resolve": a benchmark's own option wins over a pyperf one.
            parser = argparse.ArgumentParser(
                description="pyperformance benchmark (Pyrite pyperf shim)",
                conflict_handler="resolve")
            _add_pyperf_options(parser)
            self._argparser = parser
        return self._argparser

    def parse_args(self, args=None):
        if self.args is None or args is not None:
            self.args = self.argparser.parse_args(args)
        return self.args

    def _loops(self):
        if self.args is None and len(sys.argv) > 1:
            # pyperf parses the command line lazily too.
            self.parse_args()
        loops = getattr(self.args, "loops", None)
        if loops is not None:
            if loops < 1:
                raise ValueError("--loops must be >= 1")
            return loops
        return _env_loops()

    def _report(self, name, seconds):
        self._names.append(name)
        _emit("PYRITE_BENCH %s %r" % (name, float(seconds)))

    # -- benchmarks ------------------------------------------------------

    def bench_func(self, name, func, *args, inner_loops=None, **kwargs):
        loops = self._loops()
        result = None
        if not args:
            t0 = perf_counter()
            for _ in range(loops):
                result = func()
            dt = perf_counter() - t0
        else:
            t0 = perf_counter()
            for _ in range(loops):
                result = func(*args)
            dt = perf_counter() - t0
        self._report(name, dt)
        _emit("PYRITE_RESULT %s %s" % (name, _digest(result)))
        return None

    def bench_time_func(self, name, time_func, *args, inner_loops=None,
                        **kwargs):
        loops = self._loops()
        dt = time_func(loops, *args)
        self._report(name, dt)
        return None

    def bench_async_func(self, name, func, *args, inner_loops=None,
                         **kwargs):
        import asyncio
        loops = self._loops()

        async def main():
            t0 = perf_counter()
            for _ in range(loops):
                await func(*args)
            return perf_counter() - t0

        loop = asyncio.new_event_loop()
        try:
            dt = loop.run_until_complete(main())
        finally:
            loop.close()
            asyncio.set_event_loop(None)
        self._report(name, dt)
        return None

    def bench_command(self, name, command, *args, **kwargs):
        _emit("PYRITE_SKIP %s bench_command is not supported by the shim"
              % name)
        return None
