# Exception raised while handling another: both appear, the last line is the newest.
try:
    {}["key"]
except KeyError:
    print("handling KeyError")
    None.attribute
