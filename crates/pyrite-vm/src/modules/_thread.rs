//! The `_thread` module with single-threaded semantics: `lock`
//! (`allocate_lock`/`LockType`), `RLock`, `get_ident`. Pyrite runs one
//! thread, so a blocking acquire of a held lock could never succeed: with a
//! timeout it waits and fails as CPython would, without one it raises
//! instead of hanging forever. Mirrors CPython 3.11 `Modules/_threadmodule.c`.

use std::cell::Cell;

use super::type_cache::{native_type, WEAK};
use crate::args::Args;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// The only thread's identifier.
fn ident() -> i64 {
    std::process::id() as i64 * 4096 + 1
}

pub struct Lock {
    locked: Cell<bool>,
}

impl Payload for Lock {
    pyrite_core::unique_vtable!(Lock);
}

pub struct RLock {
    owner: Cell<i64>,
    count: Cell<u64>,
}

impl Payload for RLock {
    pyrite_core::unique_vtable!(RLock);
}

/// Parse `acquire(blocking=True, timeout=-1)`; `None` = wait forever.
fn acquire_args(vm: &Vm, args: &Args) -> PyResult<(bool, Option<f64>)> {
    let [_, blocking, timeout] =
        args.bind(vm, "acquire", ["self", "blocking", "timeout"], 1, 1, 3)?;
    let blocking = match blocking {
        Some(b) => vm.is_true(b)?,
        None => true,
    };
    let timeout = match timeout {
        Some(t) => {
            let f = vm.call(vm.types.float.as_object(), &[t.clone()])?;
            f.downcast_ref::<crate::types::float::PyFloat>()
                .map(|f| f.value)
                .unwrap_or(-1.0)
        }
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.new_value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.new_value_error("timeout value must be a non-negative number"));
    }
    Ok((
        blocking,
        if !blocking {
            Some(0.0)
        } else if timeout < 0.0 {
            None
        } else {
            Some(timeout)
        },
    ))
}

/// Wait for a lock no other thread can release.
fn wait_forever_or(vm: &Vm, timeout: Option<f64>) -> PyResult {
    match timeout {
        Some(t) => {
            if t > 0.0 {
                std::thread::sleep(std::time::Duration::from_secs_f64(t.min(1e6)));
            }
            Ok(vm.false_.clone())
        }
        None => {
            Err(vm
                .new_runtime_error("deadlock: blocking acquire of a lock held by the only thread"))
        }
    }
}

fn lock_of<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Lock> {
    args.pos()
        .first()
        .and_then(|o| o.downcast_ref::<Lock>())
        .ok_or_else(|| vm.new_type_error("lock expected"))
}

fn rlock_of<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a RLock> {
    args.pos()
        .first()
        .and_then(|o| o.downcast_ref::<RLock>())
        .ok_or_else(|| vm.new_type_error("RLock expected"))
}

fn lock_acquire(vm: &Vm, args: Args) -> PyResult {
    let l = lock_of(vm, &args)?;
    let (_, timeout) = acquire_args(vm, &args)?;
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(vm.true_.clone());
    }
    wait_forever_or(vm, timeout)
}

fn lock_release(vm: &Vm, args: Args) -> PyResult {
    let l = lock_of(vm, &args)?;
    if !l.locked.get() {
        return Err(vm.new_runtime_error("release unlocked lock"));
    }
    l.locked.set(false);
    Ok(vm.none.clone())
}

fn lock_exit(vm: &Vm, args: Args) -> PyResult {
    lock_release(vm, Args::positional(&args.pos()[..1.min(args.pos().len())]))
}

fn lock_locked(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(lock_of(vm, &args)?.locked.get()))
}

fn lock_at_fork(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.none.clone())
}

fn lock_repr(vm: &Vm, args: Args) -> PyResult {
    let l = lock_of(vm, &args)?;
    let o = &args.pos()[0];
    Ok(vm.new_str(format!(
        "<{} _thread.lock object at {:#x}>",
        if l.locked.get() { "locked" } else { "unlocked" },
        o.id()
    )))
}

fn lock_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("lock.__new__ needs a class"))?;
    if args.all.len() > 1 {
        return Err(vm.new_type_error("lock() takes no arguments"));
    }
    Ok(vm
        .try_alloc(
            Lock {
                locked: Cell::new(false),
            },
            cls,
        )?
        .into_object())
}

fn rlock_acquire(vm: &Vm, args: Args) -> PyResult {
    let l = rlock_of(vm, &args)?;
    let (_, timeout) = acquire_args(vm, &args)?;
    let me = ident();
    if l.count.get() > 0 && l.owner.get() == me {
        l.count.set(l.count.get().saturating_add(1));
        return Ok(vm.true_.clone());
    }
    if l.count.get() == 0 {
        l.owner.set(me);
        l.count.set(1);
        return Ok(vm.true_.clone());
    }
    wait_forever_or(vm, timeout)
}

fn rlock_release(vm: &Vm, args: Args) -> PyResult {
    let l = rlock_of(vm, &args)?;
    if l.count.get() == 0 || l.owner.get() != ident() {
        return Err(vm.new_runtime_error("cannot release un-acquired lock"));
    }
    l.count.set(l.count.get() - 1);
    if l.count.get() == 0 {
        l.owner.set(0);
    }
    Ok(vm.none.clone())
}

fn rlock_exit(vm: &Vm, args: Args) -> PyResult {
    rlock_release(vm, Args::positional(&args.pos()[..1.min(args.pos().len())]))
}

fn rlock_is_owned(vm: &Vm, args: Args) -> PyResult {
    let l = rlock_of(vm, &args)?;
    Ok(vm.new_bool(l.count.get() > 0 && l.owner.get() == ident()))
}

fn rlock_repr(vm: &Vm, args: Args) -> PyResult {
    let l = rlock_of(vm, &args)?;
    let o = &args.pos()[0];
    let cls = crate::types::typeobj::class_of(o);
    let module = cls
        .ext
        .dict
        .get_by_str("__module__")
        .and_then(|m| vm.str_string(&m).ok())
        .unwrap_or_default();
    Ok(vm.new_str(format!(
        "<{} {}.{} object owner={} count={} at {:#x}>",
        if l.count.get() > 0 {
            "locked"
        } else {
            "unlocked"
        },
        module,
        cls.ext.qualname.borrow().as_ref() as &str,
        l.owner.get(),
        l.count.get(),
        o.id()
    )))
}

fn rlock_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("RLock.__new__ needs a class"))?;
    Ok(vm
        .try_alloc(
            RLock {
                owner: Cell::new(0),
                count: Cell::new(0),
            },
            cls,
        )?
        .into_object())
}

fn lock_type(vm: &Vm) -> PyTypeRef {
    fn init(vm: &Vm, t: &PyTypeRef) {
        *t.ext.qualname.borrow_mut() = "lock".into();
        vm.add_staticmethod(t, "__new__", lock_new);
        for n in ["acquire", "acquire_lock", "__enter__"] {
            vm.add_method(t, n, lock_acquire);
        }
        for n in ["release", "release_lock"] {
            vm.add_method(t, n, lock_release);
        }
        vm.add_method(t, "__exit__", lock_exit);
        vm.add_method(t, "locked", lock_locked);
        vm.add_method(t, "locked_lock", lock_locked);
        vm.add_method(t, "_at_fork_reinit", lock_at_fork);
        vm.add_method(t, "__repr__", lock_repr);
    }
    native_type::<Lock>(vm, "_thread", "lock", None, WEAK, init)
}

fn rlock_type(vm: &Vm) -> PyTypeRef {
    fn init(vm: &Vm, t: &PyTypeRef) {
        vm.add_staticmethod(t, "__new__", rlock_new);
        vm.add_method(t, "acquire", rlock_acquire);
        vm.add_method(t, "__enter__", rlock_acquire);
        vm.add_method(t, "release", rlock_release);
        vm.add_method(t, "__exit__", rlock_exit);
        vm.add_method(t, "_is_owned", rlock_is_owned);
        vm.add_method(t, "_at_fork_reinit", lock_at_fork);
        vm.add_method(t, "__repr__", rlock_repr);
    }
    native_type::<RLock>(vm, "_thread", "RLock", None, WEAK, init)
}

fn allocate_lock(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "allocate_lock")?;
    let t = lock_type(vm);
    Ok(vm
        .try_alloc(
            Lock {
                locked: Cell::new(false),
            },
            t.as_object(),
        )?
        .into_object())
}

fn get_ident(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "get_ident")?;
    Ok(vm.new_int(ident()))
}

fn get_native_id(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "get_native_id")?;
    Ok(vm.new_int(std::process::id() as i64))
}

fn count(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(0))
}

fn start_new_thread(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_runtime_error("can't start new thread"))
}

fn stack_size(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(0))
}

fn daemon_threads_allowed(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.true_.clone())
}

/// Build the `_thread` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "_thread",
        Some("This module provides primitive operations to write multi-threaded programs."),
    );
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    let lt = lock_type(vm);
    vm.dict_set_str(d, "LockType", lt.as_object().clone());
    vm.dict_set_str(d, "lock", lt.as_object().clone());
    vm.dict_set_str(d, "RLock", rlock_type(vm).as_object().clone());
    vm.dict_set_str(d, "error", vm.exc.RuntimeError.as_object().clone());
    vm.dict_set_str(d, "TIMEOUT_MAX", vm.new_float(9223372036.0));
    for (name, f) in [
        ("allocate_lock", allocate_lock as crate::args::NativeFn),
        ("allocate", allocate_lock),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", count),
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("stack_size", stack_size),
        ("daemon_threads_allowed", daemon_threads_allowed),
        // The lock threading.py holds for a thread's lifetime; with one
        // thread it is just a fresh lock.
        ("_set_sentinel", allocate_lock),
    ] {
        vm.add_function(d, "_thread", name, f);
    }
    Ok(m)
}
