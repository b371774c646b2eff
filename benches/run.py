#!/usr/bin/env python3
"""Compare Pyrite against CPython on pyperformance benchmarks, in one run.

    cargo build --release && python3 benches/run.py

Standard library only.  See benches/README.md for what the numbers mean.

* The benchmark sources come from the pyperformance wheel pinned below,
  downloaded once with pip into benches/.cache/ and extracted there.
* Each benchmark runs as a child process under each interpreter, with
  PYTHONPATH pointing at benches/pyperf_shim/ (our own minimal ``pyperf``):
  a fixed amount of work, no calibration, no worker processes.  The shim
  prints ``PYRITE_BENCH <name> <seconds>`` lines that we collect.
* Runs are interleaved (cpython, pyrite, cpython, pyrite, ...) and the
  minimum time of the repeats is kept; peak memory is the child's max RSS
  (os.wait4), also the minimum over repeats.
"""

import argparse
import hashlib
import json
import math
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CACHE = os.path.join(HERE, ".cache")
SHIM_DIR = os.path.join(HERE, "pyperf_shim")

# --- the pinned pyperformance ------------------------------------------------
# 1.14.0 is the newest release (requires-python >=3.10, so it supports 3.11)
# and its wheel carries pyperformance/data-files/benchmarks/bm_*/.
PYPERFORMANCE_VERSION = "1.14.0"
PYPERFORMANCE_WHEEL = "pyperformance-%s-py3-none-any.whl" % PYPERFORMANCE_VERSION
PYPERFORMANCE_SHA256 = (
    "94068ac2935b6952ccb5e8a302eb9cebc26e82454494bef6e53822738adf0049")
WHEEL_PREFIX = "pyperformance/data-files/benchmarks/"

# --- the benchmarks -----------------------------------------------------------
# name -> (script, extra arguments, default loop count).
#   script: "bm_xxx" (pyperformance's bm_xxx/run_benchmark.py) or a path
#           relative to benches/ for our own benchmarks.
#   extra arguments: what pyperformance passes ("extra_opts") or the script's
#           own default made explicit.
#   loops: PYRITE_BENCH_LOOPS, chosen so CPython 3.11 takes ~0.3-1 s on the
#           project machine (see --calibrate).
DEFAULT_BENCHMARKS = [
    ("richards", "bm_richards", [], 5),
    ("nbody", "bm_nbody", [], 3),
    ("deltablue", "bm_deltablue", [], 70),
    ("fannkuch", "bm_fannkuch", [], 1),
    ("spectral_norm", "bm_spectral_norm", [], 2),
    ("nqueens", "bm_nqueens", [], 2),
    ("unpack_sequence", "bm_unpack_sequence", [], 25000),
    ("coroutines", "bm_coroutines", [], 7),
    ("hexiom", "bm_hexiom", ["--level", "25"], 40),
    # Ours: 2**20-node trees of objects and of tuples + short-lived cycles.
    # One iteration is already several seconds under CPython (mostly its
    # full GC passes while the tree grows).
    ("alloc_tree", "alloc_tree.py", [], 1),
]

# Further pyperformance benchmarks that need nothing beyond the standard
# library (run with --all).  Some lean on C accelerator modules in CPython
# (_json, _sre, _pickle, _decimal, _elementtree, ...).  Left out: 2to3 and
# python_startup (bench_command), asyncio_tcp (sockets/ssl), concurrent_imap
# (process pool), sqlite_synth (SQLite).
EXTRA_BENCHMARKS = [
    ("argparse_many_optionals", "bm_argparse", ["many_optionals"], 250),
    ("argparse_subparsers", "bm_argparse", ["subparsers"], 5),
    ("async_generators", "bm_async_generators", [], 1),
    ("async_tree", "bm_async_tree", ["none"], 1),
    ("async_tree_memoization", "bm_async_tree", ["memoization"], 1),
    ("barnes_hut", "bm_barnes_hut", [], 1),
    ("base64", "bm_base64", [], 1),
    ("chaos", "bm_chaos", [], 2),
    ("comprehensions", "bm_comprehensions", [], 12000),
    ("deepcopy", "bm_deepcopy", [], 650),
    ("decimal_factorial", "bm_decimal_factorial", [], 2),
    ("decimal_pi", "bm_decimal_pi", [], 2),
    ("float", "bm_float", [], 3),
    ("gc_collect", "bm_gc_collect", [], 250),
    ("gc_traversal", "bm_gc_traversal", [], 70),
    ("generators", "bm_generators", [], 5),
    ("go", "bm_go", [], 2),
    ("json_dumps", "bm_json_dumps", [], 17),
    ("json_loads", "bm_json_loads", [], 500),
    ("logging", "bm_logging", [], 1500),
    ("mdp", "bm_mdp", [], 1),
    ("meteor_contest", "bm_meteor_contest", [], 2),
    ("pathlib", "bm_pathlib", [], 9),
    ("pickle_pure_python", "bm_pickle", ["--pure-python", "pickle"], 40),
    ("unpickle_pure_python", "bm_pickle", ["--pure-python", "unpickle"],
     50),
    ("pidigits", "bm_pidigits", [], 2),
    ("pprint", "bm_pprint", [], 1),
    ("pyflate", "bm_pyflate", [], 1),
    ("raytrace", "bm_raytrace", [], 1),
    ("regex_compile", "bm_regex_compile", [], 2),
    ("regex_dna", "bm_regex_dna", [], 2),
    ("regex_effbot", "bm_regex_effbot", [], 11),
    ("regex_v8", "bm_regex_v8", [], 11),
    ("richards_super", "bm_richards_super", [], 5),
    ("scimark", "bm_scimark", [], 1),
    ("telco", "bm_telco", [], 40),
    ("typing_runtime_protocols", "bm_typing_runtime_protocols", [], 500),
    ("xml_etree", "bm_xml_etree", [], 1),
]

STARTUP_RUNS = 20


# --- fetching pyperformance ---------------------------------------------------

def _sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch_pyperformance(python):
    """Return the directory holding bm_*/ for the pinned pyperformance."""
    dest = os.path.join(CACHE, "pyperformance-%s" % PYPERFORMANCE_VERSION)
    bench_dir = os.path.join(dest, "benchmarks")
    marker = os.path.join(dest, ".complete")
    if os.path.exists(marker):
        return bench_dir

    download = os.path.join(CACHE, "download")
    os.makedirs(download, exist_ok=True)
    wheel = os.path.join(download, PYPERFORMANCE_WHEEL)
    if not os.path.exists(wheel) or _sha256(wheel) != PYPERFORMANCE_SHA256:
        print("fetching pyperformance==%s into %s ..."
              % (PYPERFORMANCE_VERSION, download), file=sys.stderr)
        cmd = [python, "-m", "pip", "download", "--no-deps",
               "--only-binary", ":all:", "--disable-pip-version-check",
               "--quiet", "-d", download,
               "pyperformance==%s" % PYPERFORMANCE_VERSION]
        subprocess.run(cmd, check=True)
    digest = _sha256(wheel)
    if digest != PYPERFORMANCE_SHA256:
        sys.exit("error: %s has sha256 %s, expected %s"
                 % (wheel, digest, PYPERFORMANCE_SHA256))

    tmp = dest + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    with zipfile.ZipFile(wheel) as zf:
        for member in zf.namelist():
            if not member.startswith(WHEEL_PREFIX) or member.endswith("/"):
                continue
            rel = member[len(WHEEL_PREFIX):]
            if rel.startswith("/") or ".." in rel.split("/"):
                continue
            target = os.path.join(tmp, "benchmarks", *rel.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(member) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
    shutil.rmtree(dest, ignore_errors=True)
    os.rename(tmp, dest)
    with open(marker, "w") as f:
        f.write("pyperformance %s %s\n"
                % (PYPERFORMANCE_VERSION, PYPERFORMANCE_SHA256))
    return bench_dir


# --- running one child ------------------------------------------------------

class ChildResult:
    def __init__(self):
        self.returncode = None
        self.stdout = ""
        self.stderr = ""
        self.wall = 0.0
        self.maxrss_kb = 0
        self.timed_out = False
        self.error = None       # could not start it at all


def find_gnu_time():
    """GNU time, used as a small launcher so max RSS is the child's own.

    Linux folds the hiwater RSS of the address space a process had before
    execve() into its ru_maxrss, and a child spawned straight from this
    (~15-20 MB) Python process starts out with ours: every figure below
    that would read as our size.  GNU time is ~1 MB, so what it reports
    for its child is accurate to about 1 MB.
    """
    for path in ("/usr/bin/time", shutil.which("time") or ""):
        if path and os.access(path, os.X_OK):
            try:
                probe = subprocess.run(
                    [path, "-f", "%M", "-o", os.devnull, "true"],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL, timeout=10)
            except (OSError, subprocess.SubprocessError):
                continue
            if probe.returncode == 0:
                return path
    return None


GNU_TIME = None     # set in main()


def run_child(argv, env, cwd, timeout, capture=True, measure_memory=True):
    """Run argv to completion: wall time, exit status, max RSS (KiB)."""
    res = ChildResult()
    out = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    err = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    memfile = None
    if measure_memory and GNU_TIME:
        fd, memfile = tempfile.mkstemp(prefix="pyrite-bench-rss-")
        os.close(fd)
        argv = [GNU_TIME, "-f", "%M", "-o", memfile, "--"] + list(argv)
    try:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, env=env, cwd=cwd,
                                    stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=err,
                                    start_new_session=True)
        except OSError as exc:
            res.error = "cannot start %s: %s" % (argv[0], exc)
            return res
        lock = threading.Lock()
        state = {"done": False}

        def on_timeout():
            with lock:
                if not state["done"]:
                    res.timed_out = True
                    try:
                        os.killpg(proc.pid, signal.SIGKILL)
                    except OSError:
                        pass

        timer = threading.Timer(timeout, on_timeout)
        timer.daemon = True
        timer.start()
        # Wait for the exit without reaping (so the pid cannot be reused
        # while the timer might still signal it), then reap with rusage.
        while True:
            try:
                os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
                break
            except InterruptedError:
                continue
        res.wall = time.perf_counter() - t0
        with lock:
            state["done"] = True
        timer.cancel()
        # Anything the child left behind in its own process group (normally
        # nothing).  Done before reaping: the zombie keeps the id ours.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        _, status, rusage = os.wait4(proc.pid, 0)
        proc.returncode = res.returncode = os.waitstatus_to_exitcode(status)
        res.maxrss_kb = rusage.ru_maxrss    # KiB on Linux
        if memfile:
            # GNU time writes "Command terminated by signal N" / "Command
            # exited with non-zero status N" lines, then the %M value.
            with open(memfile) as f:
                lines = f.read().split()
            text = " ".join(lines)
            if lines and lines[-1].isdigit():
                res.maxrss_kb = int(lines[-1])
            if "terminated by signal" in text:
                try:
                    sig = int(text.split("terminated by signal")[1].split()[0])
                    res.returncode = -sig
                except (IndexError, ValueError):
                    pass
        if capture:
            out.seek(0)
            err.seek(0)
            res.stdout = out.read().decode("utf-8", "replace")
            res.stderr = err.read().decode("utf-8", "replace")
        return res
    finally:
        if capture:
            out.close()
            err.close()
        if memfile:
            try:
                os.unlink(memfile)
            except OSError:
                pass


def child_env(loops):
    env = dict(os.environ)
    for var in ("PYTHONSTARTUP", "PYTHONHOME", "PYTHONINSPECT",
                "PYTHONDEVMODE", "PYTHONMALLOC", "PYTHONWARNINGS",
                "PYTHONTRACEMALLOC", "PYTHONPROFILEIMPORTTIME",
                # Both interpreters keep bytecode caches as a user's would:
                # CPython's stdlib ships its .pyc files, Pyrite writes its
                # own on the first run (a set PYTHONDONTWRITEBYTECODE would
                # make Pyrite compile every stdlib module on every run).
                "PYTHONDONTWRITEBYTECODE"):
        env.pop(var, None)
    env["PYTHONPATH"] = SHIM_DIR
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYRITE_BENCH_LOOPS"] = str(loops)
    return env


# --- one benchmark ------------------------------------------------------------

def last_line(text):
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return lines[-1].strip() if lines else ""


def parse_output(res):
    """-> (status, message, seconds, parts, other_stdout_lines)."""
    times = {}
    skips = []
    other = []
    for line in res.stdout.splitlines():
        if line.startswith("PYRITE_BENCH "):
            fields = line.split()
            try:
                times[fields[1]] = times.get(fields[1], 0.0) + float(fields[2])
            except (IndexError, ValueError):
                other.append(line)
        elif line.startswith("PYRITE_SKIP "):
            skips.append(line[len("PYRITE_SKIP "):])
        else:
            other.append(line)
    if res.error:
        return "FAIL", res.error, None, times, other
    if res.timed_out:
        return "FAIL", "timed out after %.0f s" % res.wall, None, times, other
    if res.returncode != 0:
        why = ("killed by signal %d" % -res.returncode
               if res.returncode < 0 else "exit %d" % res.returncode)
        msg = last_line(res.stderr) or last_line(res.stdout) or "(no output)"
        return "FAIL", "%s: %s" % (why, msg), None, times, other
    if not times:
        if skips:
            return "SKIP", "; ".join(skips), None, times, other
        msg = last_line(res.stderr) or "(no output)"
        return "FAIL", "no PYRITE_BENCH line: %s" % msg, None, times, other
    return "OK", "", sum(times.values()), times, other


def run_benchmark(name, script, args, loops, interps, repeat, timeout,
                  verbose, flags=()):
    cwd = os.path.dirname(script)
    env = child_env(loops)
    out = {"name": name, "script": script, "args": args, "loops": loops}
    runs = {key: [] for key in interps}
    failed = {}
    for r in range(repeat):
        for key, exe in interps.items():
            if key in failed:
                continue
            res = run_child([exe] + list(flags) + [script] + args, env, cwd,
                            timeout)
            status, msg, secs, parts, other = parse_output(res)
            runs[key].append({
                "status": status, "message": msg, "seconds": secs,
                "parts": parts, "wall": res.wall,
                "maxrss_kb": res.maxrss_kb, "returncode": res.returncode,
                "stdout_other": other,
                "stderr_tail": res.stderr.strip().splitlines()[-20:],
            })
            if verbose:
                print("    %-8s run %d: %s %s %s" % (
                    key, r + 1, status,
                    "%.4f s" % secs if secs is not None else "", msg),
                    file=sys.stderr)
            if status != "OK":
                failed[key] = (status, msg)
        if "cpython" in failed:
            break   # nothing to compare against
    for key in interps:
        ok = [run for run in runs[key] if run["status"] == "OK"]
        entry = {"runs": runs[key]}
        if key in failed:
            entry["status"], entry["message"] = failed[key]
        else:
            entry["status"], entry["message"] = "OK", ""
        if ok:
            entry["seconds"] = min(run["seconds"] for run in ok)
            entry["maxrss_mb"] = min(run["maxrss_kb"] for run in ok) / 1024.0
            parts = {}
            for run in ok:
                for part, secs in run["parts"].items():
                    parts[part] = min(parts.get(part, secs), secs)
            entry["parts"] = parts
        out[key] = entry

    # Light correctness check: stdout other than PYRITE_BENCH lines.
    cp_outs = [run["stdout_other"] for run in runs.get("cpython", [])
               if run["status"] == "OK"]
    py_outs = [run["stdout_other"] for run in runs.get("pyrite", [])
               if run["status"] == "OK"]
    out["nondeterministic"] = any(o != cp_outs[0] for o in cp_outs[1:]) \
        if cp_outs else False
    out["mismatch"] = False
    if cp_outs and py_outs and not out["nondeterministic"]:
        for o in py_outs:
            if o != cp_outs[0]:
                out["mismatch"] = True
                out["mismatch_detail"] = _first_difference(cp_outs[0], o)
                break
    return out


def _first_difference(a, b):
    for i in range(max(len(a), len(b))):
        la = a[i] if i < len(a) else "<missing>"
        lb = b[i] if i < len(b) else "<missing>"
        if la != lb:
            return "line %d: cpython %r, pyrite %r" % (i + 1, la[:200],
                                                        lb[:200])
    return ""


def startup(interps, runs, timeout, flags=()):
    """Best-of-N wall time of `<flags> -c pass`, interleaved."""
    env = child_env(1)
    result = {}
    best = {key: None for key in interps}
    rss = {key: None for key in interps}
    status = {key: ("OK", "") for key in interps}
    # Wall time: launched directly (no GNU time in between), best of N.
    # Memory: a few more runs through GNU time (see find_gnu_time), min.
    plan = [False] * runs + [True] * 3
    for measure_memory in plan:
        for key, exe in interps.items():
            if status[key][0] != "OK":
                continue
            res = run_child([exe] + list(flags) + ["-c", "pass"], env, REPO,
                            timeout,
                            measure_memory=measure_memory)
            if res.error or res.timed_out or res.returncode != 0:
                msg = res.error or ("timed out" if res.timed_out else
                                    "exit %s: %s" % (res.returncode,
                                                     last_line(res.stderr)))
                status[key] = ("FAIL", msg)
                continue
            if not measure_memory:
                if best[key] is None or res.wall < best[key]:
                    best[key] = res.wall
            elif rss[key] is None or res.maxrss_kb < rss[key]:
                rss[key] = res.maxrss_kb
    result["command"] = " ".join(list(flags) + ["-c", "pass"])
    for key in interps:
        result[key] = {
            "status": status[key][0], "message": status[key][1],
            "seconds": best[key],
            "maxrss_mb": rss[key] / 1024.0 if rss[key] is not None else None,
        }
    return result


# --- reporting ------------------------------------------------------------------

def geomean(values):
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt(value, spec):
    return "-" if value is None else format(value, spec)


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def startup_line(start):
    cp, py = start["cpython"], start["pyrite"]
    s_ratio = ratio(py["seconds"], cp["seconds"])
    sm_ratio = ratio(py["maxrss_mb"], cp["maxrss_mb"])
    line = ("start-up (%s, best of %d): cpython %s ms, pyrite %s ms, "
            "time x %s; memory %s MB vs %s MB, x %s"
            % (start["command"], STARTUP_RUNS,
               fmt(cp["seconds"] and cp["seconds"] * 1000, ".1f"),
               fmt(py["seconds"] and py["seconds"] * 1000, ".1f"),
               fmt(s_ratio, ".2f"), fmt(cp["maxrss_mb"], ".1f"),
               fmt(py["maxrss_mb"], ".1f"), fmt(sm_ratio, ".2f")))
    for key in ("cpython", "pyrite"):
        if start[key]["status"] != "OK":
            line += "; %s FAIL: %s" % (key, start[key]["message"])
    print(line)
    return s_ratio


def print_table(results, starts):
    head = ("%-26s %10s %10s %8s %9s %9s %8s  %s"
            % ("benchmark", "cpython s", "pyrite s", "time x",
               "cpy MB", "pyr MB", "mem x", "status"))
    print(head)
    print("-" * len(head))
    time_ratios = []
    mem_ratios = []
    counts = {"OK": 0, "FAIL": 0, "SKIP": 0, "MISMATCH": 0}
    for res in results:
        cp = res.get("cpython", {})
        py = res.get("pyrite", {})
        t_ratio = ratio(py.get("seconds"), cp.get("seconds"))
        m_ratio = ratio(py.get("maxrss_mb"), cp.get("maxrss_mb"))
        if cp.get("status") != "OK":
            status = "%s (cpython): %s" % (cp.get("status"), cp.get("message"))
            key = "SKIP" if cp.get("status") == "SKIP" else "FAIL"
        elif py.get("status") != "OK":
            status = "%s: %s" % (py.get("status"), py.get("message"))
            key = "SKIP" if py.get("status") == "SKIP" else "FAIL"
        elif res.get("mismatch"):
            status = "MISMATCH: %s" % res.get("mismatch_detail", "")
            key = "MISMATCH"
        else:
            status = "ok"
            if res.get("nondeterministic"):
                status += " (output varies under CPython; not compared)"
            key = "OK"
        counts[key] += 1
        res["status"] = key
        if key == "OK":
            time_ratios.append(t_ratio)
            mem_ratios.append(m_ratio)
        t_ratio_s, m_ratio_s = fmt(t_ratio, ".2f"), fmt(m_ratio, ".2f")
        print("%-26s %10s %10s %8s %9s %9s %8s  %s" % (
            res["name"], fmt(cp.get("seconds"), ".4f"),
            fmt(py.get("seconds"), ".4f"), t_ratio_s,
            fmt(cp.get("maxrss_mb"), ".1f"), fmt(py.get("maxrss_mb"), ".1f"),
            m_ratio_s, status[:160]))
    print("-" * len(head))
    g_time = geomean(time_ratios)
    g_mem = geomean(mem_ratios)
    print("geometric mean over %d benchmark(s) that ran OK: time x %s, "
          "memory x %s" % (len(time_ratios), fmt(g_time, ".3f"),
                           fmt(g_mem, ".3f")))
    print("counts: %d ok, %d mismatch, %d fail, %d skip "
          "(mismatches and failures are not in the means)"
          % (counts["OK"], counts["MISMATCH"], counts["FAIL"],
             counts["SKIP"]))
    s_ratios = [startup_line(start) for start in starts]
    return {"time_ratio_geomean": g_time, "memory_ratio_geomean": g_mem,
            "benchmarks_in_means": len(time_ratios), "counts": counts,
            "startup_time_ratio": s_ratios[0] if s_ratios else None,
            "startup_no_site_time_ratio":
                s_ratios[1] if len(s_ratios) > 1 else None}


# --- main -----------------------------------------------------------------------

def resolve_script(bench_dir, script):
    if script.startswith("bm_"):
        return os.path.join(bench_dir, script, "run_benchmark.py")
    return os.path.join(HERE, script)


def real_cpython():
    # sys.executable is the real binary even when `python3` is a wrapper.
    return os.path.realpath(sys.executable)


def calibrate(selected, bench_dir, cpython, timeout, target):
    print("%-26s %10s %10s %8s" % ("benchmark", "loops", "cpython s",
                                   "suggest"))
    for name, script, args, loops in selected:
        path = resolve_script(bench_dir, script)
        res = run_child([cpython, path] + args, child_env(loops),
                        os.path.dirname(path), timeout)
        status, msg, secs, _, _ = parse_output(res)
        if status != "OK":
            print("%-26s %10d %10s %8s  %s %s" % (name, loops, "-", "-",
                                                  status, msg))
            continue
        suggest = max(1, int(round(loops * target / secs))) if secs else loops
        print("%-26s %10d %10.4f %8d" % (name, loops, secs, suggest))


def main(argv=None):
    default_pyrite = os.path.join(REPO, "target", "release", "pyrite")
    p = argparse.ArgumentParser(
        description="Compare pyrite with CPython on pyperformance benchmarks "
                    "(pyperformance %s)." % PYPERFORMANCE_VERSION)
    p.add_argument("--pyrite", default=default_pyrite,
                   help="pyrite binary (default: target/release/pyrite)")
    p.add_argument("--cpython", default=real_cpython(),
                   help="CPython binary (default: the real binary behind "
                        "this python3, %(default)s)")
    p.add_argument("--repeat", type=int, default=3,
                   help="runs per interpreter, interleaved; min is kept "
                        "(default: 3)")
    p.add_argument("--only", action="append", default=[],
                   help="run only these benchmarks (comma-separated or "
                        "repeated); 'startup' selects the start-up figure")
    p.add_argument("--all", action="store_true",
                   help="also run the other std-library-only pyperformance "
                        "benchmarks")
    p.add_argument("--loops", type=int, default=None,
                   help="override every benchmark's loop count")
    p.add_argument("--no-site", action="store_true",
                   help="run the benchmarks with -S (no site module: "
                        "no site-packages .pth files)")
    p.add_argument("--no-startup", action="store_true",
                   help="skip the start-up figure")
    p.add_argument("--timeout", type=float, default=600.0,
                   help="seconds before a single run is killed (default 600)")
    p.add_argument("--json", metavar="FILE", help="write results as JSON")
    p.add_argument("--list", action="store_true",
                   help="list the benchmarks and exit")
    p.add_argument("--calibrate", action="store_true",
                   help="run the selection once under CPython only and "
                        "suggest loop counts for --target seconds")
    p.add_argument("--target", type=float, default=0.5,
                   help="target CPython seconds for --calibrate (0.5)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="print every run to stderr")
    opts = p.parse_args(argv)

    catalogue = DEFAULT_BENCHMARKS + (EXTRA_BENCHMARKS if opts.all else [])
    known = {b[0]: b for b in DEFAULT_BENCHMARKS + EXTRA_BENCHMARKS}
    if opts.list:
        for name, script, args, loops in DEFAULT_BENCHMARKS + EXTRA_BENCHMARKS:
            extra = " (--all)" if (name, script, args, loops) in \
                EXTRA_BENCHMARKS else ""
            print("%-26s %-28s %-28s loops=%d%s"
                  % (name, script, " ".join(args), loops, extra))
        return 0

    only = [n.strip() for item in opts.only for n in item.split(",")
            if n.strip()]
    want_startup = not opts.no_startup
    if only:
        unknown = [n for n in only if n not in known and n != "startup"]
        if unknown:
            p.error("unknown benchmark(s): %s (see --list)"
                    % ", ".join(unknown))
        selected = [known[n] for n in only if n != "startup"]
        want_startup = want_startup and "startup" in only
    else:
        selected = catalogue
    if opts.loops is not None:
        selected = [(n, s, a, opts.loops) for n, s, a, _ in selected]

    cpython = opts.cpython
    if not os.path.exists(cpython):
        p.error("CPython binary not found: %s" % cpython)
    pyrite = os.path.abspath(opts.pyrite)
    if not opts.calibrate and not os.access(pyrite, os.X_OK):
        print("error: pyrite binary not found or not executable: %s\n"
              "build it with `cargo build --release` or pass --pyrite PATH"
              % pyrite, file=sys.stderr)
        return 2

    bench_dir = fetch_pyperformance(cpython)

    if opts.calibrate:
        calibrate(selected, bench_dir, cpython, opts.timeout, opts.target)
        return 0

    global GNU_TIME
    GNU_TIME = find_gnu_time()
    if GNU_TIME:
        memory_method = "max RSS reported by %s" % GNU_TIME
    else:
        memory_method = ("ru_maxrss from os.wait4 (GNU time not found: "
                         "figures are floored at this harness's own RSS; "
                         "apt-get install time)")
        print("warning: " + memory_method, file=sys.stderr)

    interps = {"cpython": cpython, "pyrite": pyrite}
    flags = ["-S"] if opts.no_site else []
    print("cpython: %s\npyrite:  %s\npyperformance %s, repeat %d, "
          "PYTHONPATH=%s%s\nmemory: %s\n"
          % (cpython, pyrite, PYPERFORMANCE_VERSION, opts.repeat,
             os.path.relpath(SHIM_DIR, REPO),
             ", flags %s" % " ".join(flags) if flags else "", memory_method))
    results = []
    for name, script, args, loops in selected:
        path = resolve_script(bench_dir, script)
        print("running %s (loops=%d) ..." % (name, loops), file=sys.stderr)
        sys.stderr.flush()
        results.append(run_benchmark(name, path, args, loops, interps,
                                     max(1, opts.repeat), opts.timeout,
                                     opts.verbose, flags))
    starts = []
    if want_startup:
        # `-c pass` is the figure; `-S -c pass` is shown too because a
        # site-packages .pth file can dominate CPython's start-up.
        print("running start-up ...", file=sys.stderr)
        starts.append(startup(interps, STARTUP_RUNS, opts.timeout))
        starts.append(startup(interps, STARTUP_RUNS, opts.timeout, ["-S"]))
    print()
    summary = print_table(results, starts)

    if opts.json:
        doc = {
            "pyperformance_version": PYPERFORMANCE_VERSION,
            "cpython": cpython,
            "pyrite": pyrite,
            "repeat": opts.repeat,
            "interpreter_flags": flags,
            "memory_method": memory_method,
            "machine": platform.platform(),
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "summary": summary,
            "startup": starts[0] if starts else None,
            "startup_no_site": starts[1] if len(starts) > 1 else None,
            "benchmarks": results,
        }
        with open(opts.json, "w") as f:
            json.dump(doc, f, indent=1, sort_keys=True)
            f.write("\n")
        print("wrote %s" % opts.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
