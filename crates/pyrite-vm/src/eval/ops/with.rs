//! Context managers: `BEFORE_WITH` (call `__enter__`, keep `__exit__`),
//! `WITH_EXCEPT_START` (call `__exit__` with the exception; a true result
//! suppresses it), and their async forms.

use crate::eval::frame::Frame;
use crate::types::typeobj::class_of;
use crate::{PyResult, Vm};

pub fn before_with(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let mgr = f.pop();
    let cls = class_of(&mgr);
    let enter = cls.ext.lookup(&vm.names.__enter__);
    let exit = cls.ext.lookup(&vm.names.__exit__);
    let (Some(enter), Some(exit)) = (enter, exit) else {
        let missing = if cls.ext.lookup(&vm.names.__enter__).is_none() {
            ""
        } else {
            " (missed __exit__ method)"
        };
        return Err(vm.new_type_error(format!(
            "'{}' object does not support the context manager protocol{}",
            cls.ext.name(),
            missing
        )));
    };
    let bound_exit = vm.bind_descriptor(&exit, Some(&mgr), mgr.class())?;
    f.push(bound_exit);
    let r = vm.call_unbound(&enter, &mgr, &[], &[])?;
    f.push(r);
    Ok(())
}

pub fn before_async_with(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let mgr = f.pop();
    let cls = class_of(&mgr);
    let enter = cls.ext.lookup(&vm.names.__aenter__);
    let exit = cls.ext.lookup(&vm.names.__aexit__);
    let (Some(enter), Some(exit)) = (enter, exit) else {
        return Err(vm.new_type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol",
            cls.ext.name()
        )));
    };
    let bound_exit = vm.bind_descriptor(&exit, Some(&mgr), mgr.class())?;
    f.push(bound_exit);
    let r = vm.call_unbound(&enter, &mgr, &[], &[])?;
    f.push(r);
    super::generator::get_awaitable(vm, f, 1)
}

/// Stack: exit_func, lasti, prev_exc, exc. Pushes `exit_func(type, exc, tb)`.
pub fn with_except_start(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let exc = f.peek(1).clone();
    let exit = f.peek(4).clone();
    let tb = exc
        .downcast_ref::<crate::types::exceptions::PyBaseException>()
        .and_then(|e| e.traceback.borrow().clone())
        .unwrap_or_else(|| vm.none.clone());
    let r = vm.call(&exit, &[exc.class().clone(), exc, tb])?;
    f.push(r);
    Ok(())
}
