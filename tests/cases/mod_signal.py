import signal
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(signal.SIGINT, signal.Signals.SIGTERM, signal.Handlers.SIG_IGN, signal.NSIG, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGPIPE), signal.getsignal(signal.SIGTERM), signal.strsignal(signal.SIGTERM), signal.strsignal(40), len(signal.valid_signals()))
got = []
old = signal.signal(signal.SIGUSR1, lambda n, f: got.append(n))
print(old)
signal.raise_signal(signal.SIGUSR1)
print(got, signal.getsignal(signal.SIGUSR1) is not None)
t(lambda: signal.signal(99, signal.SIG_DFL))
t(lambda: signal.signal(9, signal.SIG_IGN))
t(lambda: signal.signal(2, 5))
t(lambda: signal.getsignal(99))
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1))
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
