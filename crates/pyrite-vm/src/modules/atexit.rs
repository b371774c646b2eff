//! The `atexit` module: callbacks run last-registered-first when the
//! interpreter finishes (`Vm::finish`), with exceptions reported as
//! "Exception ignored in atexit callback" and otherwise swallowed.
//! Mirrors CPython 3.11 `Modules/atexitmodule.c`.

use std::cell::RefCell;

use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

/// (function, positional args, keyword names, keyword values).
type Callback = (PyObjectRef, Vec<PyObjectRef>, Vec<PyObjectRef>);

struct Callbacks(Vec<Callback>);

impl Drop for Callbacks {
    fn drop(&mut self) {
        // Never release objects while thread-locals are being torn down.
        for c in self.0.drain(..) {
            std::mem::forget(c);
        }
    }
}

thread_local! {
    static CALLBACKS: RefCell<Callbacks> = const { RefCell::new(Callbacks(Vec::new())) };
}

fn register(vm: &Vm, args: Args) -> PyResult {
    let Some(f) = args.pos().first() else {
        return Err(vm.new_type_error("register() takes at least 1 argument (0 given)"));
    };
    if !vm.is_callable(f) {
        return Err(vm.new_type_error("the first argument must be callable"));
    }
    let all = args.all[1..].to_vec();
    CALLBACKS.with(|c| {
        c.borrow_mut()
            .0
            .push((f.clone(), all, args.kwnames.to_vec()))
    });
    Ok(f.clone())
}

fn unregister(vm: &Vm, args: Args) -> PyResult {
    let [f] = args.exact::<1>(vm, "unregister")?;
    let cbs: Vec<Callback> = CALLBACKS.with(|c| std::mem::take(&mut c.borrow_mut().0));
    let mut keep = Vec::with_capacity(cbs.len());
    for cb in cbs {
        if !vm.eq_bool(&cb.0, f)? {
            keep.push(cb);
        }
    }
    CALLBACKS.with(|c| {
        let mut c = c.borrow_mut();
        // Callbacks registered meanwhile (by __eq__) come after the kept ones.
        let added = std::mem::take(&mut c.0);
        c.0 = keep;
        c.0.extend(added);
    });
    Ok(vm.none.clone())
}

/// Run and clear the callbacks (newest first).
pub fn run_exitfuncs(vm: &Vm) {
    loop {
        let next = CALLBACKS.with(|c| c.borrow_mut().0.pop());
        let Some((f, all, kwnames)) = next else { break };
        if let Err(e) = vm.call_kw(&f, &all, &kwnames) {
            let text = format!(
                "Exception ignored in atexit callback: {}\n",
                vm.repr_string(&f).unwrap_or_else(|_| "<object>".into())
            );
            crate::modules::sys::flush_stdout(vm);
            if let Ok(s) = vm.sys_attr("stderr") {
                let _ = vm.write_to(&s, &text);
                let _ = vm.write_to(&s, &crate::eval::traceback::format_exception(vm, &e));
            }
        }
    }
}

fn run(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "_run_exitfuncs")?;
    run_exitfuncs(vm);
    Ok(vm.none.clone())
}

fn clear(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "_clear")?;
    let old = CALLBACKS.with(|c| std::mem::take(&mut c.borrow_mut().0));
    drop(old);
    Ok(vm.none.clone())
}

fn ncallbacks(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "_ncallbacks")?;
    Ok(vm.new_int(CALLBACKS.with(|c| c.borrow().0.len()) as i64))
}

/// Build the `atexit` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("atexit", Some("allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n"));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    for (n, f) in [
        ("register", register as crate::args::NativeFn),
        ("unregister", unregister),
        ("_run_exitfuncs", run),
        ("_clear", clear),
        ("_ncallbacks", ncallbacks),
    ] {
        vm.add_function(d, "atexit", n, f);
    }
    Ok(m)
}
