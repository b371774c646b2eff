//! Raising and catching: `RAISE_VARARGS`, `CHECK_EXC_MATCH`, exception
//! groups (`CHECK_EG_MATCH`, `PREP_RERAISE_STAR`), context chaining, and
//! traceback entries added as an exception passes through frames.

use crate::eval::frame::{Frame, PyFrameObject};
use crate::types::exceptions::{PyBaseException, PyBaseExceptionRef, PyTraceback};
use crate::types::tuple::PyTuple;
use crate::types::typeobj::{is_subtype, PyTypeObj};
use crate::{PyObjectRef, PyResult, Vm};

/// The frame object of `f`, made on first use.
pub fn frame_object(vm: &Vm, f: &mut Frame) -> PyObjectRef {
    frame_object_at(vm, f, vm.top_frame_id())
}

/// The frame object of a frame that is not running (a suspended
/// generator's): it reports the position it was suspended at.
pub fn suspended_frame_object(vm: &Vm, f: &mut Frame) -> PyObjectRef {
    frame_object_at(vm, f, (usize::MAX, 0))
}

fn frame_object_at(vm: &Vm, f: &mut Frame, live: (usize, u64)) -> PyObjectRef {
    if let Some(fo) = &f.frame_obj {
        if let Some(p) = fo.downcast_ref::<PyFrameObject>() {
            p.lasti.set((f.lasti * 2) as u32);
            p.lineno.set(f.lineno().unwrap_or(0));
        }
        return fo.clone();
    }
    let fo = vm.alloc(
        PyFrameObject {
            code: f.code.as_object().clone(),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            locals: f.locals.clone().into(),
            lineno: f.lineno().unwrap_or(0).into(),
            lasti: ((f.lasti * 2) as u32).into(),
            back: None.into(),
            live,
        },
        &vm.types.frame,
    );
    f.frame_obj = Some(fo.clone());
    fo
}

/// Prepend a traceback entry for frame `f` to `exc.__traceback__`.
pub fn add_traceback(vm: &Vm, f: &mut Frame, exc: &PyBaseExceptionRef) {
    let frame = frame_object(vm, f);
    let next = exc.traceback.borrow_mut().take();
    let tb = vm.alloc(
        PyTraceback {
            next: next.into(),
            frame,
            lasti: (f.lasti * 2) as u32,
            lineno: f.lineno(),
        },
        &vm.types.traceback,
    );
    *exc.traceback.borrow_mut() = Some(tb);
}

/// Set `exc.__context__` to the exception being handled, avoiding cycles.
pub fn set_context(vm: &Vm, exc: &PyBaseExceptionRef) {
    let handled = vm.handled_exc.borrow().clone();
    let Some(ctx) = handled else { return };
    if ctx.is(exc.as_object()) {
        return;
    }
    // Break a cycle: if exc is already in ctx's context chain, cut it there.
    let mut o = ctx.clone();
    loop {
        let next = o
            .downcast_ref::<PyBaseException>()
            .and_then(|e| e.context.borrow().clone());
        match next {
            Some(n) if n.is(exc.as_object()) => {
                if let Some(e) = o.downcast_ref::<PyBaseException>() {
                    *e.context.borrow_mut() = None;
                }
                break;
            }
            Some(n) => o = n,
            None => break,
        }
    }
    *exc.context.borrow_mut() = Some(ctx);
}

/// `RAISE_VARARGS`: returns the exception to raise and whether it is a bare
/// re-raise (which adds no traceback entry).
pub fn raise_varargs(vm: &Vm, f: &mut Frame, argc: u32) -> (PyBaseExceptionRef, bool) {
    match argc {
        0 => {
            let h = vm.handled_exc.borrow().clone();
            match h.and_then(|e| e.downcast::<PyBaseException>().ok()) {
                Some(e) => (e, true),
                None => (
                    vm.new_runtime_error("No active exception to reraise"),
                    false,
                ),
            }
        }
        _ => {
            let cause = if argc == 2 { Some(f.pop()) } else { None };
            let exc = f.pop();
            match do_raise(vm, exc, cause) {
                Ok(e) | Err(e) => (e, false),
            }
        }
    }
}

/// Build the exception for `raise exc [from cause]`.
pub fn do_raise(
    vm: &Vm,
    exc: PyObjectRef,
    cause: Option<PyObjectRef>,
) -> PyResult<PyBaseExceptionRef> {
    let e = vm.normalize_exception(exc)?;
    if let Some(c) = cause {
        let c = if c.is(&vm.none) {
            None
        } else if c.downcast_ref::<PyTypeObj>().is_some()
            && is_subtype(&c, vm.types.base_exception.as_object())
        {
            Some(vm.call(&c, &[])?)
        } else if c.downcast_ref::<PyBaseException>().is_some() {
            Some(c)
        } else {
            return Err(vm.new_type_error("exception causes must derive from BaseException"));
        };
        *e.cause.borrow_mut() = c;
        e.suppress_context.set(true);
    }
    set_context(vm, &e);
    Ok(e)
}

fn check_except_type(vm: &Vm, t: &PyObjectRef) -> PyResult<()> {
    let ok = |x: &PyObjectRef| {
        x.downcast_ref::<PyTypeObj>().is_some()
            && is_subtype(x, vm.types.base_exception.as_object())
    };
    if let Some(tup) = t.downcast_ref::<PyTuple>() {
        if tup.items.iter().all(ok) {
            return Ok(());
        }
    } else if ok(t) {
        return Ok(());
    }
    Err(vm.new_type_error("catching classes that do not inherit from BaseException is not allowed"))
}

/// Whether exception `exc` matches `t` (a class or tuple of classes).
pub fn exception_matches(vm: &Vm, exc: &PyObjectRef, t: &PyObjectRef) -> bool {
    if let Some(tup) = t.downcast_ref::<PyTuple>() {
        return tup.items.iter().any(|x| exception_matches(vm, exc, x));
    }
    is_subtype(exc.class(), t)
}

pub fn check_exc_match(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let t = f.pop();
    check_except_type(vm, &t)?;
    let exc = f.peek(1).clone();
    f.push(vm.new_bool(exception_matches(vm, &exc, &t)));
    Ok(())
}

/// `except*`: split the group on TOS into (rest, match).
pub fn check_eg_match(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let t = f.pop();
    let exc = f.pop();
    check_except_type(vm, &t)?;
    let is_group_class = |x: &PyObjectRef| is_subtype(x, vm.exc.BaseExceptionGroup.as_object());
    let names_group = match t.downcast_ref::<PyTuple>() {
        Some(tup) => tup.items.iter().any(is_group_class),
        None => is_group_class(&t),
    };
    if names_group {
        return Err(vm.new_type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    if exception_matches(vm, &exc, &t)
        && !is_subtype(exc.class(), vm.exc.BaseExceptionGroup.as_object())
    {
        // A naked exception matching: wrap it in an ExceptionGroup.
        let msg = vm.new_str("");
        let lst = vm.new_tuple(vec![exc.clone()]);
        let eg = vm.call(vm.exc.ExceptionGroup.as_object(), &[msg, lst])?;
        f.push(vm.none.clone());
        f.push(eg);
        return Ok(());
    }
    if is_subtype(exc.class(), vm.exc.BaseExceptionGroup.as_object()) {
        let pair = vm.call_method(&exc, "split", &[t])?;
        let (m, rest) = match pair.downcast_ref::<PyTuple>() {
            Some(p) if p.len() == 2 => (p.items[0].clone(), p.items[1].clone()),
            _ => return Err(vm.new_type_error("split must return a 2-tuple")),
        };
        if m.is(&vm.none) {
            f.push(exc);
            f.push(vm.none.clone());
        } else {
            f.push(rest);
            f.push(m.clone());
            let old = vm.handled_exc.replace(Some(m));
            drop(old);
        }
        return Ok(());
    }
    f.push(exc);
    f.push(vm.none.clone());
    Ok(())
}

/// Combine what the `except*` clauses raised with what they left unhandled.
pub fn prep_reraise_star(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let excs = f.pop();
    let orig = f.pop();
    let list = vm.to_vec(&excs)?;
    let raised: Vec<PyObjectRef> = list.into_iter().filter(|e| !e.is(&vm.none)).collect();
    let r = crate::types::exceptions_group::prep_reraise_star(vm, &orig, raised)?;
    f.push(r);
    Ok(())
}
