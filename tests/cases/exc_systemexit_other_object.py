import sys
print("non-int, non-str code: printed to stderr, exit code 1")
sys.exit([1, "two"])
