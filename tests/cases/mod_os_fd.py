import os
path = "/tmp/pyrite_os_fd_%d" % os.getpid()
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(type(fd).__name__, os.write(fd, b"hello world\n"), os.write(fd, bytearray(b"xy")))
print(os.fstat(fd).st_size, os.isatty(fd))
os.close(fd)
fd = os.open(path, os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, -2, os.SEEK_END), os.read(fd, 100), os.read(fd, 10))
os.close(fd)
for bad in (lambda: os.close(fd), lambda: os.read(fd, 1), lambda: os.write(fd, b"x")):
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e.errno)
try:
    os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
except FileExistsError as e:
    print(type(e).__name__, e.errno)
try:
    os.open(path + ".missing", os.O_RDONLY)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
os.unlink(path)
import shutil
print(shutil.get_terminal_size((81, 25)).columns > 0)
t = os.terminal_size((100, 40))
print(t, t.columns, t.lines, os.terminal_size.n_sequence_fields)
