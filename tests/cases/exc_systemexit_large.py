import sys
print("exit code 42 via SystemExit(42)")
sys.exit(42)
