//! The async generator protocol: `__anext__`/`asend` and `athrow`/`aclose`
//! return awaitables that drive the generator frame. What the generator
//! `yield`s is wrapped (`ASYNC_GEN_WRAP`) so the awaitable can tell it from
//! the values its `await`s pass up to the event loop: a wrapped value ends
//! the awaitable with `StopIteration(value)`, anything else is passed up.
//! Mirrors CPython 3.11 `Objects/genobject.c` (async_gen_asend_*,
//! async_gen_athrow_*).

use std::cell::{Cell, RefCell};

use super::generator::{GenKind, PyGenerator};
use super::generator_methods::make_throw_exception;
use crate::args::Args;
use crate::eval::ops::generator::{gen_resume, gen_throw, stop_iteration_for, GenStep};
use crate::types::exceptions::PyBaseExceptionRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// A value yielded by an async generator (never visible to Python code).
pub struct PyAsyncGenWrapped {
    pub value: PyObjectRef,
}

impl Payload for PyAsyncGenWrapped {
    pyrite_core::unique_vtable!(PyAsyncGenWrapped);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.value);
    }
}

pub fn wrap_value(vm: &Vm, value: PyObjectRef) -> PyObjectRef {
    vm.alloc(
        PyAsyncGenWrapped { value },
        &vm.types.async_generator_wrapped_value,
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Init,
    Iter,
    Closed,
}

/// `agen.asend(value)` / `agen.__anext__()`.
pub struct PyAsyncGenASend {
    gen: PyObjectRef,
    sendval: RefCell<Option<PyObjectRef>>,
    state: Cell<State>,
}

impl Payload for PyAsyncGenASend {
    pyrite_core::unique_vtable!(PyAsyncGenASend);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.gen);
        if let Ok(v) = self.sendval.try_borrow() {
            if let Some(v) = v.as_ref() {
                visit(v);
            }
        }
    }
}

/// `agen.athrow(...)` / `agen.aclose()` (`args` None).
pub struct PyAsyncGenAThrow {
    gen: PyObjectRef,
    /// `(typ, val, tb)` for athrow; None for aclose.
    args: Option<Vec<PyObjectRef>>,
    state: Cell<State>,
}

impl Payload for PyAsyncGenAThrow {
    pyrite_core::unique_vtable!(PyAsyncGenAThrow);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.gen);
        for a in self.args.iter().flatten() {
            visit(a);
        }
    }
}

fn agen<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyGenerator> {
    o.downcast_ref::<PyGenerator>()
        .filter(|g| g.kind == GenKind::AsyncGenerator)
        .ok_or_else(|| vm.new_type_error("expected an async generator"))
}

/// Resume the generator frame: `Some(yielded)` or `None` once it returned.
fn resume(vm: &Vm, gen: &PyObjectRef, value: PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let g = agen(vm, gen)?;
    if g.frame.borrow().is_none() {
        return Ok(None);
    }
    match gen_resume(vm, gen, value, None)? {
        GenStep::Yielded(v) => Ok(Some(v)),
        GenStep::Returned(_) => Ok(None),
    }
}

/// Raise `exc` inside the generator frame (delegating to an awaited
/// object first, as `gen.throw` does).
fn throw(vm: &Vm, gen: &PyObjectRef, exc: PyBaseExceptionRef) -> PyResult<Option<PyObjectRef>> {
    match gen_throw(vm, gen, exc) {
        Ok(v) => Ok(Some(v)),
        // The frame returned (a StopIteration raised inside an async
        // generator becomes RuntimeError, so this one marks a return).
        Err(e) if vm.exc_matches(&e, &vm.exc.StopIteration) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Turn one step of the generator into the awaitable's result: a yielded
/// value finishes the awaitable, a return ends the iteration.
fn unwrap(vm: &Vm, gen: &PyObjectRef, r: PyResult<Option<PyObjectRef>>) -> PyResult {
    let g = agen(vm, gen)?;
    match r {
        Ok(Some(v)) => match v.downcast_ref::<PyAsyncGenWrapped>() {
            Some(w) => {
                g.running_async.set(false);
                Err(stop_iteration_for(vm, w.value.clone()))
            }
            None => Ok(v),
        },
        Ok(None) => {
            g.closed.set(true);
            g.running_async.set(false);
            Err(vm.new_exception(&vm.exc.StopAsyncIteration, vec![]))
        }
        Err(e) => {
            if vm.exc_matches(&e, &vm.exc.StopAsyncIteration)
                || vm.exc_matches(&e, &vm.exc.GeneratorExit)
            {
                g.closed.set(true);
            }
            g.running_async.set(false);
            Err(e)
        }
    }
}

// ----- async_generator methods ---------------------------------------------------

fn new_asend(vm: &Vm, gen: &PyObjectRef, sendval: Option<PyObjectRef>) -> PyObjectRef {
    vm.alloc(
        PyAsyncGenASend {
            gen: gen.clone(),
            sendval: RefCell::new(sendval),
            state: Cell::new(State::Init),
        },
        &vm.types.async_generator_asend,
    )
}

fn new_athrow(vm: &Vm, gen: &PyObjectRef, args: Option<Vec<PyObjectRef>>) -> PyObjectRef {
    vm.alloc(
        PyAsyncGenAThrow {
            gen: gen.clone(),
            args,
            state: Cell::new(State::Init),
        },
        &vm.types.async_generator_athrow,
    )
}

fn ag_aiter(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__aiter__")?;
    agen(vm, o)?;
    Ok(o.clone())
}

fn ag_anext(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__anext__")?;
    agen(vm, o)?;
    Ok(new_asend(vm, o, None))
}

fn ag_asend(vm: &Vm, args: Args) -> PyResult {
    let [o, v] = args.exact::<2>(vm, "asend")?;
    agen(vm, o)?;
    Ok(new_asend(vm, o, Some(v.clone())))
}

fn ag_athrow(vm: &Vm, args: Args) -> PyResult {
    let [o, typ, val, tb] = args.range::<4>(vm, "athrow", 2)?;
    let o = o.expect("min");
    agen(vm, o)?;
    let mut a = vec![typ.expect("min").clone()];
    a.extend(val.cloned());
    a.extend(tb.cloned());
    Ok(new_athrow(vm, o, Some(a)))
}

fn ag_aclose(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "aclose")?;
    agen(vm, o)?;
    Ok(new_athrow(vm, o, None))
}

// ----- async_generator_asend ---------------------------------------------------------

fn asend_of<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyAsyncGenASend> {
    o.downcast_ref::<PyAsyncGenASend>()
        .ok_or_else(|| vm.new_type_error("expected an async_generator_asend"))
}

fn asend_send_value(vm: &Vm, o: &PyObjectRef, arg: PyObjectRef) -> PyResult {
    let a = asend_of(vm, o)?;
    if a.state.get() == State::Closed {
        return Err(vm.new_runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let g = agen(vm, &a.gen)?;
    let mut arg = arg;
    if a.state.get() == State::Init {
        if g.running_async.get() {
            return Err(vm.new_runtime_error("anext(): asynchronous generator is already running"));
        }
        if arg.is(&vm.none) {
            if let Some(v) = a.sendval.borrow_mut().take() {
                arg = v;
            }
        }
        a.state.set(State::Iter);
    }
    g.running_async.set(true);
    let r = unwrap(vm, &a.gen, resume(vm, &a.gen, arg));
    if r.is_err() {
        a.state.set(State::Closed);
    }
    r
}

fn asend_send(vm: &Vm, args: Args) -> PyResult {
    let [o, v] = args.exact::<2>(vm, "send")?;
    asend_send_value(vm, o, v.clone())
}

fn asend_next(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__next__")?;
    asend_send_value(vm, o, vm.none.clone())
}

fn asend_throw(vm: &Vm, args: Args) -> PyResult {
    let [o, typ, val, tb] = args.range::<4>(vm, "throw", 2)?;
    let o = o.expect("min");
    let a = asend_of(vm, o)?;
    if a.state.get() == State::Closed {
        return Err(vm.new_runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let exc = make_throw_exception(vm, typ.expect("min"), val, tb)?;
    let r = unwrap(vm, &a.gen, throw(vm, &a.gen, exc));
    if r.is_err() {
        a.state.set(State::Closed);
    }
    r
}

fn asend_close(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "close")?;
    asend_of(vm, o)?.state.set(State::Closed);
    Ok(vm.none.clone())
}

/// `__await__` and `__iter__`: the awaitable is its own iterator.
fn self_iter(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "__iter__")?;
    match args.pos() {
        [o] => Ok(o.clone()),
        p => Err(vm.new_type_error(format!(
            "expected 0 arguments, got {}",
            p.len().saturating_sub(1)
        ))),
    }
}

// ----- async_generator_athrow ----------------------------------------------------------

fn athrow_of<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyAsyncGenAThrow> {
    o.downcast_ref::<PyAsyncGenAThrow>()
        .ok_or_else(|| vm.new_type_error("expected an async_generator_athrow"))
}

/// An `aclose()` that saw the generator yield again.
fn ignored_exit(vm: &Vm, a: &PyAsyncGenAThrow, g: &PyGenerator) -> PyResult {
    g.running_async.set(false);
    a.state.set(State::Closed);
    Err(vm.new_runtime_error("async generator ignored GeneratorExit"))
}

/// The end of an `athrow`/`aclose` step that raised.
fn athrow_error(vm: &Vm, a: &PyAsyncGenAThrow, g: &PyGenerator, e: PyBaseExceptionRef) -> PyResult {
    g.running_async.set(false);
    if vm.exc_matches(&e, &vm.exc.StopAsyncIteration) || vm.exc_matches(&e, &vm.exc.GeneratorExit) {
        a.state.set(State::Closed);
        if a.args.is_none() {
            // `aclose()` finished: its await returns None.
            return Err(vm.new_stop_iteration(None));
        }
    }
    Err(e)
}

/// The outcome of an `aclose()` step: the generator must not yield.
fn aclose_step(
    vm: &Vm,
    a: &PyAsyncGenAThrow,
    g: &PyGenerator,
    r: PyResult<Option<PyObjectRef>>,
) -> PyResult {
    match r {
        Ok(Some(v)) if v.downcast_ref::<PyAsyncGenWrapped>().is_some() => ignored_exit(vm, a, g),
        Ok(Some(v)) => Ok(v),
        Ok(None) => athrow_error(
            vm,
            a,
            g,
            vm.new_exception(&vm.exc.StopAsyncIteration, vec![]),
        ),
        Err(e) => athrow_error(vm, a, g, e),
    }
}

fn athrow_send_value(vm: &Vm, o: &PyObjectRef, arg: PyObjectRef) -> PyResult {
    let a = athrow_of(vm, o)?;
    let g = agen(vm, &a.gen)?;
    if a.state.get() == State::Closed {
        return Err(vm.new_runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    if g.frame.borrow().is_none() || (a.state.get() == State::Init && g.closed.get()) {
        a.state.set(State::Closed);
        return Err(vm.new_stop_iteration(None));
    }
    if a.state.get() == State::Init {
        if g.running_async.get() {
            a.state.set(State::Closed);
            return Err(vm.new_runtime_error(if a.args.is_none() {
                "aclose(): asynchronous generator is already running"
            } else {
                "athrow(): asynchronous generator is already running"
            }));
        }
        if !arg.is(&vm.none) {
            return Err(
                vm.new_runtime_error("can't send non-None value to a just-started coroutine")
            );
        }
        a.state.set(State::Iter);
        g.running_async.set(true);
        return match &a.args {
            None => {
                g.closed.set(true);
                let exit = vm.new_exception(&vm.exc.GeneratorExit, vec![]);
                let r = throw(vm, &a.gen, exit);
                aclose_step(vm, a, g, r)
            }
            Some(args) => {
                let exc = make_throw_exception(vm, &args[0], args.get(1), args.get(2))?;
                match unwrap(vm, &a.gen, throw(vm, &a.gen, exc)) {
                    Err(e) if !vm.exc_matches(&e, &vm.exc.StopIteration) => {
                        athrow_error(vm, a, g, e)
                    }
                    r => r,
                }
            }
        };
    }
    let r = resume(vm, &a.gen, arg);
    if a.args.is_none() {
        return aclose_step(vm, a, g, r);
    }
    match unwrap(vm, &a.gen, r) {
        Err(e) if !vm.exc_matches(&e, &vm.exc.StopIteration) => athrow_error(vm, a, g, e),
        r => r,
    }
}

fn athrow_send(vm: &Vm, args: Args) -> PyResult {
    let [o, v] = args.exact::<2>(vm, "send")?;
    athrow_send_value(vm, o, v.clone())
}

fn athrow_next(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__next__")?;
    athrow_send_value(vm, o, vm.none.clone())
}

fn athrow_throw(vm: &Vm, args: Args) -> PyResult {
    let [o, typ, val, tb] = args.range::<4>(vm, "throw", 2)?;
    let o = o.expect("min");
    let a = athrow_of(vm, o)?;
    let g = agen(vm, &a.gen)?;
    if a.state.get() == State::Closed {
        return Err(vm.new_runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    let exc = make_throw_exception(vm, typ.expect("min"), val, tb)?;
    let r = throw(vm, &a.gen, exc);
    if a.args.is_none() {
        return aclose_step(vm, a, g, r);
    }
    match unwrap(vm, &a.gen, r) {
        Err(e) if !vm.exc_matches(&e, &vm.exc.StopIteration) => athrow_error(vm, a, g, e),
        r => r,
    }
}

fn athrow_close(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "close")?;
    athrow_of(vm, o)?.state.set(State::Closed);
    Ok(vm.none.clone())
}

pub fn init(vm: &Vm) {
    let t = &vm.types.async_generator;
    vm.add_method(t, "__aiter__", ag_aiter);
    vm.add_method(t, "__anext__", ag_anext);
    vm.add_method(t, "asend", ag_asend);
    vm.add_method(t, "athrow", ag_athrow);
    vm.add_method(t, "aclose", ag_aclose);
    vm.add_class_getitem(t);
    let s = &vm.types.async_generator_asend;
    vm.add_method(s, "__await__", self_iter);
    vm.add_method(s, "__iter__", self_iter);
    vm.add_method(s, "__next__", asend_next);
    vm.add_method(s, "send", asend_send);
    vm.add_method(s, "throw", asend_throw);
    vm.add_method(s, "close", asend_close);
    let a = &vm.types.async_generator_athrow;
    vm.add_method(a, "__await__", self_iter);
    vm.add_method(a, "__iter__", self_iter);
    vm.add_method(a, "__next__", athrow_next);
    vm.add_method(a, "send", athrow_send);
    vm.add_method(a, "throw", athrow_throw);
    vm.add_method(a, "close", athrow_close);
}
