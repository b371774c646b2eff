# An exception raised in __del__ is reported on stderr ("Exception ignored in")
# and otherwise ignored; the program continues and exits with status 0.
import io, re, sys
class Bad:
    def __del__(self):
        print("Bad.__del__ running")
        raise ValueError("error inside __del__")
# First capture the report by temporarily replacing sys.stderr.
saved = sys.stderr
sys.stderr = buf = io.StringIO()
b = Bad()
del b
sys.stderr = saved
lines = buf.getvalue().splitlines()
print(re.sub(r"0x[0-9a-fA-F]+", "0x...", lines[0]))
print(lines[1])
print(lines[-1])
print("program continues")
# Then let one report reach the real stderr (its last line is checked).
def make():
    Bad()
make()
print("still running")
