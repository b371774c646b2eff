import sys, traceback, os
def inner(x):
    return 10 // x
def middle(x):
    return inner(x) + 1
def outer():
    return middle(0)
try:
    outer()
except ZeroDivisionError as e:
    tb = traceback.extract_tb(e.__traceback__)
    for fs in tb:
        print(os.path.basename(fs.filename), fs.lineno, fs.name, fs.line)
    print(traceback.format_exception_only(type(e), e))
    print("".join(traceback.format_exception_only(e)).strip())
    lines = traceback.format_exception(e)
    print(lines[0].strip(), "|", lines[-1].strip(), "|", len(lines))
try:
    raise KeyError("k")
except KeyError:
    s = traceback.format_exc()
    print(s.splitlines()[0], "|", s.splitlines()[-1])
def chain():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
try:
    chain()
except ValueError as e:
    text = "".join(traceback.format_exception(e))
    print("direct cause" in text, text.count("Traceback (most recent call last)"), text.strip().splitlines()[-1])
tb_frames = []
try:
    outer()
except ZeroDivisionError:
    t = sys.exc_info()[2]
    while t is not None:
        tb_frames.append((t.tb_frame.f_code.co_name, t.tb_lineno))
        t = t.tb_next
print(tb_frames)
def show_stack():
    return [f.name for f in traceback.extract_stack()][-3:]
def caller():
    return show_stack()
print(caller())
f = sys._getframe()
print(f.f_code.co_name, f.f_lineno, f.f_back)
