import sys
print("before input")
try:
    value = input()
    print("got", repr(value))
except EOFError as e:
    print(type(e).__name__, repr(e), str(e))
try:
    input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
print(sys.stdin.read() == "", sys.stdin.readline() == "")
print("after input")
