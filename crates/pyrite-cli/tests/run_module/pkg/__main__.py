import sys

from . import GREETING
from .tool import describe

print(GREETING, __name__, __package__, __spec__.name)
print(sys.argv[0].endswith("__main__.py"), sys.argv[1:])
print(describe())
