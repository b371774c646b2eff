import sys
print("sys.exit(True) means exit code 1")
sys.exit(True)
