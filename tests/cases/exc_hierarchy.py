import builtins
pairs = [
    (Exception, BaseException), (SystemExit, BaseException), (KeyboardInterrupt, BaseException), (GeneratorExit, BaseException),
    (ArithmeticError, Exception), (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (FloatingPointError, ArithmeticError),
    (LookupError, Exception), (KeyError, LookupError), (IndexError, LookupError), (AssertionError, Exception), (AttributeError, Exception),
    (BufferError, Exception), (EOFError, Exception), (ImportError, Exception), (ModuleNotFoundError, ImportError), (MemoryError, Exception),
    (NameError, Exception), (UnboundLocalError, NameError), (OSError, Exception), (FileNotFoundError, OSError), (PermissionError, OSError),
    (TimeoutError, OSError), (ConnectionError, OSError), (BrokenPipeError, ConnectionError), (IsADirectoryError, OSError),
    (ReferenceError, Exception), (RuntimeError, Exception), (NotImplementedError, RuntimeError), (RecursionError, RuntimeError),
    (StopIteration, Exception), (StopAsyncIteration, Exception), (SyntaxError, Exception), (IndentationError, SyntaxError), (TabError, IndentationError),
    (SystemError, Exception), (TypeError, Exception), (ValueError, Exception), (UnicodeError, ValueError), (UnicodeDecodeError, UnicodeError),
    (UnicodeEncodeError, UnicodeError), (UnicodeTranslateError, UnicodeError), (Warning, Exception), (DeprecationWarning, Warning),
    (UserWarning, Warning), (RuntimeWarning, Warning), (SyntaxWarning, Warning), (ExceptionGroup, Exception), (BaseExceptionGroup, BaseException),
    (KeyError, Exception), (KeyError, ValueError), (TypeError, ValueError), (SystemExit, Exception), (KeyboardInterrupt, Exception),
    (StopIteration, RuntimeError), (RecursionError, RecursionError), (bool, Exception),
]
for sub, sup in pairs:
    print(f"{sub.__name__:22} {sup.__name__:20} {issubclass(sub, sup)}")
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in ModuleNotFoundError.__mro__])
print([c.__name__ for c in UnicodeDecodeError.__mro__])
print([c.__name__ for c in BrokenPipeError.__mro__])
print(IOError is OSError, EnvironmentError is OSError)
all_exc = sorted(n for n in dir(builtins) if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException))
print(len(all_exc) > 60, all_exc[:8])
print(ArithmeticError.__subclasses__() and sorted(c.__name__ for c in ArithmeticError.__subclasses__()))
e = OSError(2, "No such file")
print(type(e).__name__, e.errno, e.strerror, str(e))
print(type(OSError(2, "x", "f")).__name__, str(OSError(2, "x", "f")), type(OSError(13, "perm")).__name__)
print(repr(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(str(StopIteration(1, 2)), repr(KeyError()), repr(BaseException("a", 1)))
