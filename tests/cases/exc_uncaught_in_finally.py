def f():
    try:
        print("try body")
        return 1
    finally:
        print("finally body")
        raise OSError("raised in finally")
f()
