"""Regenerate the expected outputs of crates/pyrite-cli/tests/run_module.rs
with python3 (3.11): `python3 regen.py` in this directory."""
import re
import subprocess
import sys

from cases import CASES  # the same list as CASES in run_module.rs


def normalise(text):
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


for name, argv in CASES:
    out = subprocess.run([sys.executable, *argv], capture_output=True, text=True)
    with open(name + ".expected", "w") as f:
        f.write(f"exit {out.returncode}\n")
        f.write(normalise(out.stdout))
        if out.returncode:
            # The error's last line, with the interpreter's path elided.
            last = out.stderr.rstrip("\n").rsplit("\n", 1)[-1]
            f.write("stderr: " + last.replace(sys.executable, "<exe>") + "\n")
    print(name, out.returncode)
