//! `bool`: a subclass of `int` whose only instances are `True` and `False`
//! (payload `PyInt` holding 1 or 0). Mirrors CPython 3.11 `Objects/boolobject.c`.
