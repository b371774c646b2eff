//! The `_signal` module behind `signal.py`: the Linux signal numbers,
//! `signal`/`getsignal` with CPython's checks, `default_int_handler`,
//! `strsignal`, `valid_signals`, `raise_signal` and `set_wakeup_fd`.
//! Pyrite does not install OS signal handlers (no `libc` binding): the
//! handler table is kept so that Python code sees consistent values, and
//! `raise_signal` runs a Python handler directly; signals sent by other
//! processes keep the OS default action. Mirrors CPython 3.11
//! `Modules/signalmodule.c`.

use std::cell::RefCell;

use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

const NSIG: i64 = 65;

const NAMES: &[(&str, i64)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGIOT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGSTKFLT", 16),
    ("SIGCHLD", 17),
    ("SIGCLD", 17),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGWINCH", 28),
    ("SIGIO", 29),
    ("SIGPOLL", 29),
    ("SIGPWR", 30),
    ("SIGSYS", 31),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
    ("SIG_DFL", 0),
    ("SIG_IGN", 1),
    ("SIG_BLOCK", 0),
    ("SIG_UNBLOCK", 1),
    ("SIG_SETMASK", 2),
];

const DESCRIPTIONS: [&str; 31] = [
    "Hangup",
    "Interrupt",
    "Quit",
    "Illegal instruction",
    "Trace/breakpoint trap",
    "Aborted",
    "Bus error",
    "Floating point exception",
    "Killed",
    "User defined signal 1",
    "Segmentation fault",
    "User defined signal 2",
    "Broken pipe",
    "Alarm clock",
    "Terminated",
    "Stack fault",
    "Child exited",
    "Continued",
    "Stopped (signal)",
    "Stopped",
    "Stopped (tty input)",
    "Stopped (tty output)",
    "Urgent I/O condition",
    "CPU time limit exceeded",
    "File size limit exceeded",
    "Virtual timer expired",
    "Profiling timer expired",
    "Window changed",
    "I/O possible",
    "Power failure",
    "Bad system call",
];

struct Handlers(Vec<Option<PyObjectRef>>);

impl Drop for Handlers {
    fn drop(&mut self) {
        // Never release objects while thread-locals are being torn down.
        for h in self.0.drain(..) {
            std::mem::forget(h);
        }
    }
}

thread_local! {
    static HANDLERS: RefCell<Handlers> = const { RefCell::new(Handlers(Vec::new())) };
}

fn module_attr(vm: &Vm, name: &str) -> Option<PyObjectRef> {
    vm.modules
        .get_by_str("_signal")
        .and_then(|m| vm.module_dict(&m).and_then(|d| d.get_by_str(name)))
}

/// The handler table, initialised as CPython leaves it at start-up:
/// SIGINT raises KeyboardInterrupt, SIGPIPE and SIGXFSZ are ignored.
fn with_table<R>(vm: &Vm, f: impl FnOnce(&mut Vec<Option<PyObjectRef>>) -> R) -> R {
    let empty = HANDLERS.with(|h| h.borrow().0.is_empty());
    if empty {
        let mut t: Vec<Option<PyObjectRef>> = (0..NSIG).map(|_| Some(vm.new_int(0))).collect();
        t[0] = None;
        t[32] = None;
        t[33] = None;
        t[2] = module_attr(vm, "default_int_handler");
        t[13] = Some(vm.new_int(1));
        t[25] = Some(vm.new_int(1));
        HANDLERS.with(|h| h.borrow_mut().0 = t);
    }
    HANDLERS.with(|h| f(&mut h.borrow_mut().0))
}

fn signum(vm: &Vm, o: &PyObjectRef) -> PyResult<usize> {
    let n = vm.index_isize(o)? as i64;
    if !(1..NSIG).contains(&n) {
        return Err(vm.new_value_error("signal number out of range"));
    }
    Ok(n as usize)
}

fn s_signal(vm: &Vm, args: Args) -> PyResult {
    let [n, handler] = args.exact::<2>(vm, "signal")?;
    let n = signum(vm, n)?;
    let is_int = handler.downcast_ref::<crate::types::int::PyInt>().is_some();
    let ok = if is_int {
        matches!(crate::types::int::as_i64(handler), Some(0) | Some(1))
    } else {
        vm.is_callable(handler)
    };
    if !ok {
        return Err(vm.new_type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    }
    if n == 9 || n == 19 || n == 32 || n == 33 {
        return Err(vm.new_os_error("[Errno 22] Invalid argument"));
    }
    let old = with_table(vm, |t| t[n].replace(handler.clone()));
    Ok(old.unwrap_or_else(|| vm.none.clone()))
}

fn s_getsignal(vm: &Vm, args: Args) -> PyResult {
    let [n] = args.exact::<1>(vm, "getsignal")?;
    let n = signum(vm, n)?;
    Ok(with_table(vm, |t| t[n].clone()).unwrap_or_else(|| vm.none.clone()))
}

fn s_default_int_handler(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_exception(&vm.exc.KeyboardInterrupt, vec![]))
}

fn s_strsignal(vm: &Vm, args: Args) -> PyResult {
    let [n] = args.exact::<1>(vm, "strsignal")?;
    let n = signum(vm, n)?;
    Ok(match n {
        1..=31 => vm.new_str(DESCRIPTIONS[n - 1]),
        32 | 33 => vm.new_str(format!("Unknown signal {n}")),
        _ => vm.new_str(format!("Real-time signal {}", n - 34)),
    })
}

fn s_valid_signals(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "valid_signals")?;
    let items: Vec<PyObjectRef> = (1..NSIG)
        .filter(|n| *n != 32 && *n != 33)
        .map(|n| vm.new_int(n))
        .collect();
    vm.call(vm.types.set.as_object(), &[vm.new_list(items)])
}

/// `raise_signal`: run a Python handler now; ignore SIG_IGN; for the
/// default action of a terminating signal, exit with status 128 + n
/// (the shell's view of a signal death).
fn s_raise_signal(vm: &Vm, args: Args) -> PyResult {
    let [n] = args.exact::<1>(vm, "raise_signal")?;
    let num = signum(vm, n)?;
    let h = with_table(vm, |t| t[num].clone());
    match h {
        Some(h) if vm.is_callable(&h) => {
            vm.call(&h, &[vm.new_int(num as i64), vm.none.clone()])?;
        }
        Some(h) if crate::types::int::as_i64(&h) == Some(1) => {}
        _ => {
            // Default actions that do not terminate.
            if !matches!(num, 17 | 18 | 23 | 28) {
                crate::modules::sys::flush_stdout(vm);
                std::process::exit(128 + num as i32);
            }
        }
    }
    Ok(vm.none.clone())
}

fn s_set_wakeup_fd(vm: &Vm, args: Args) -> PyResult {
    let [fd, _warn] = args.bind(vm, "set_wakeup_fd", ["fd", "warn_on_full_buffer"], 1, 1, 2)?;
    vm.index_isize(fd.expect("required"))?;
    Ok(vm.new_int(-1))
}

fn s_siginterrupt(vm: &Vm, args: Args) -> PyResult {
    let [n, _flag] = args.exact::<2>(vm, "siginterrupt")?;
    signum(vm, n)?;
    Ok(vm.none.clone())
}

/// Build the `_signal` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "_signal",
        Some("This module provides mechanisms to use signal handlers in Python."),
    );
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    for (n, v) in NAMES {
        vm.dict_set_str(d, n, vm.new_int(*v));
    }
    vm.dict_set_str(d, "NSIG", vm.new_int(NSIG));
    for (n, f) in [
        ("signal", s_signal as crate::args::NativeFn),
        ("getsignal", s_getsignal),
        ("default_int_handler", s_default_int_handler),
        ("strsignal", s_strsignal),
        ("valid_signals", s_valid_signals),
        ("raise_signal", s_raise_signal),
        ("set_wakeup_fd", s_set_wakeup_fd),
        ("siginterrupt", s_siginterrupt),
    ] {
        vm.add_function(d, "_signal", n, f);
    }
    Ok(m)
}
