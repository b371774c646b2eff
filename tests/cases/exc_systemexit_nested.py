import sys
def inner():
    try:
        print("inner: calling sys.exit(7)")
        sys.exit(7)
    finally:
        print("inner finally runs")
def outer():
    try:
        inner()
    except Exception:
        print("SystemExit is not an Exception - not printed")
    finally:
        print("outer finally runs")
try:
    outer()
except SystemExit as e:
    print("caught at top, code =", e.code, "- re-raising")
    raise
