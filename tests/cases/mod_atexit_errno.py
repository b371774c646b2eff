import atexit, errno, sys

def bye(name, punct="!"):
    print("bye", name + punct)

def boom():
    raise ValueError("in atexit")

atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(boom)
r = atexit.register(print, "printed at exit")
print(r is print)
atexit.register(bye, "removed")
atexit.unregister(bye)

atexit.register(bye, "kept")
try:
    atexit.register(5)
except TypeError as e:
    print(type(e).__name__, e)
print(errno.ENOENT, errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EWOULDBLOCK], errno.errorcode[2], len(errno.errorcode))
try:
    open("/nonexistent/x")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
print("main done")
