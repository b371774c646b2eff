#!/usr/bin/env python3
"""Regenerate tests/cases/*.expected by running each case under CPython.

Usage: python3 tests/regen.py [--python PATH] [NAME ...]

NAME may be given with or without the ``.py`` suffix. Files whose name starts
with ``helpermod_`` are helper modules imported by cases and are skipped.
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")


def case_names():
    names = []
    for fn in os.listdir(CASES):
        if fn.endswith(".py") and not fn.startswith("helpermod_"):
            names.append(fn[:-3])
    return sorted(names)


def stderr_tail(data):
    for line in reversed(data.splitlines()):
        if line.strip():
            return line.rstrip("\r")
    return ""


def run_case(python, name):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONSTARTUP", None)
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(
        [python, name + ".py"],
        cwd=CASES,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        timeout=60,
    )
    out = proc.stdout.decode("utf-8", "surrogateescape")
    err = proc.stderr.decode("utf-8", "surrogateescape")
    return proc.returncode, stderr_tail(err), out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--python", default="python3")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()

    all_names = case_names()
    if args.names:
        wanted = [n[:-3] if n.endswith(".py") else n for n in args.names]
        missing = [n for n in wanted if n not in all_names]
        if missing:
            sys.exit("unknown case(s): " + ", ".join(missing))
        names = wanted
    else:
        names = all_names

    for name in names:
        code, tail, out = run_case(args.python, name)
        text = "exit: %d\nstderr-tail: %s\n---\n%s" % (code, tail, out)
        with open(os.path.join(CASES, name + ".expected"), "w",
                  encoding="utf-8", errors="surrogateescape", newline="\n") as f:
            f.write(text)
        flag = "" if code == 0 else "  (exit %d: %s)" % (code, tail)
        print("%-40s %5d bytes%s" % (name, len(out), flag))

    pycache = os.path.join(CASES, "__pycache__")
    if os.path.isdir(pycache):
        shutil.rmtree(pycache)
    print("regenerated %d case(s)" % len(names))


if __name__ == "__main__":
    main()
