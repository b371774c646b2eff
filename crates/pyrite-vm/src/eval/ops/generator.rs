//! Generators and coroutines: creating them (`RETURN_GENERATOR`), resuming
//! them (`send`, `throw`, `close`), delegation (`SEND` for `yield from` and
//! `await`), and the async iteration instructions.
//! Mirrors CPython 3.11 `Objects/genobject.c`.

use pyrite_bytecode::opcodes::Opcode;
use pyrite_bytecode::CodeFlags;

use crate::eval::frame::Frame;
use crate::eval::r#loop::{run_frame, FrameExit};
use crate::types::exceptions::PyBaseExceptionRef;
use crate::types::generator::{GenKind, PyGenerator};
use crate::types::typeobj::class_of;
use crate::{PyObjectRef, PyResult, Vm};

/// What a resumed generator did.
pub enum GenStep {
    Yielded(PyObjectRef),
    Returned(PyObjectRef),
}

/// Wrap a frame that just ran `RETURN_GENERATOR` in a generator object.
pub fn make_generator(vm: &Vm, frame: Box<Frame>) -> PyObjectRef {
    let flags = frame.code.code.flags;
    let (kind, ty) =
        if flags & CodeFlags::COROUTINE != 0 || flags & CodeFlags::ITERABLE_COROUTINE != 0 {
            (GenKind::Coroutine, &vm.types.coroutine)
        } else if flags & CodeFlags::ASYNC_GENERATOR != 0 {
            (GenKind::AsyncGenerator, &vm.types.async_generator)
        } else {
            (GenKind::Generator, &vm.types.generator)
        };
    let (name, qualname) = match frame
        .func
        .as_ref()
        .and_then(|f| f.downcast_ref::<crate::types::function::PyFunction>())
    {
        Some(pf) => (pf.name.borrow().clone(), pf.qualname.borrow().clone()),
        None => (frame.code.name_obj.clone(), frame.code.qualname_obj.clone()),
    };
    let code = frame.code.as_object().clone();
    vm.alloc(
        PyGenerator {
            frame: Some(frame).into(),
            running: false.into(),
            started: false.into(),
            kind,
            name: name.into(),
            qualname: qualname.into(),
            code,
            exc_state: None.into(),
            running_async: false.into(),
            closed: false.into(),
        },
        ty,
    )
}

fn kind_name(k: GenKind) -> &'static str {
    match k {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

/// Resume `gen` with `value` (or by raising `exc` inside it).
pub fn gen_resume(
    vm: &Vm,
    gen: &PyObjectRef,
    value: PyObjectRef,
    exc: Option<PyBaseExceptionRef>,
) -> PyResult<GenStep> {
    let g = gen
        .downcast_ref::<PyGenerator>()
        .ok_or_else(|| vm.new_type_error("not a generator"))?;
    if g.running.get() {
        return Err(vm.new_value_error(format!("{} already executing", kind_name(g.kind))));
    }
    let frame = g.frame.borrow_mut().take();
    let Some(mut frame) = frame else {
        if let Some(e) = exc {
            return Err(e);
        }
        return Err(match g.kind {
            GenKind::Coroutine => vm.new_runtime_error("cannot reuse already awaited coroutine"),
            _ => vm.new_stop_iteration(None),
        });
    };
    if !g.started.get() && exc.is_none() && !value.is(&vm.none) {
        *g.frame.borrow_mut() = Some(frame);
        return Err(vm.new_type_error(format!(
            "can't send non-None value to a just-started {}",
            kind_name(g.kind)
        )));
    }
    g.started.set(true);
    if exc.is_none() {
        frame.push(value);
    }
    g.running.set(true);
    let saved_exc = vm.handled_exc.replace(g.exc_state.borrow_mut().take());
    let r = run_frame(vm, frame, exc);
    let inner_exc = vm.handled_exc.replace(saved_exc);
    g.running.set(false);
    match r {
        Ok(FrameExit::Yield(v, frame)) => {
            *g.exc_state.borrow_mut() = inner_exc;
            *g.frame.borrow_mut() = Some(frame);
            Ok(GenStep::Yielded(v))
        }
        Ok(FrameExit::Return(v)) => Ok(GenStep::Returned(v)),
        Err(e) => {
            if vm.exc_matches(&e, &vm.exc.StopIteration) {
                let msg = match g.kind {
                    GenKind::Generator => "generator raised StopIteration",
                    GenKind::Coroutine => "coroutine raised StopIteration",
                    GenKind::AsyncGenerator => "async generator raised StopIteration",
                };
                let re = vm.new_runtime_error(msg);
                *re.cause.borrow_mut() = Some(e.clone().into_object());
                *re.context.borrow_mut() = Some(e.into_object());
                return Err(re);
            }
            Err(e)
        }
    }
}

/// `gen.send(value)` with the StopIteration convention.
pub fn gen_send(vm: &Vm, gen: &PyObjectRef, value: PyObjectRef) -> PyResult {
    match gen_resume(vm, gen, value, None)? {
        GenStep::Yielded(v) => Ok(v),
        GenStep::Returned(v) => Err(stop_iteration_for(vm, v)),
    }
}

/// StopIteration carrying a generator's return value.
pub fn stop_iteration_for(vm: &Vm, v: PyObjectRef) -> PyBaseExceptionRef {
    if v.is(&vm.none) {
        vm.new_stop_iteration(None)
    } else {
        vm.new_stop_iteration(Some(v))
    }
}

/// The value carried by a StopIteration.
pub fn stop_iteration_value(vm: &Vm, e: &PyBaseExceptionRef) -> PyObjectRef {
    let args = e.args.borrow().clone();
    match args.downcast_ref::<crate::types::tuple::PyTuple>() {
        Some(t) if !t.items.is_empty() => t.items[0].clone(),
        _ => vm.none.clone(),
    }
}

/// The object a suspended generator is delegating to (`yield from`), if
/// any: its frame is stopped right before `RESUME 2|3` with the receiver on
/// top of the stack.
fn delegate_of(g: &PyGenerator) -> Option<PyObjectRef> {
    let frame = g.frame.borrow();
    let f = frame.as_ref()?;
    let code = &f.code.code.code;
    let pc = f.pc;
    if pc * 2 + 1 >= code.len() || code[pc * 2] != Opcode::RESUME as u8 || code[pc * 2 + 1] < 2 {
        return None;
    }
    if f.sp <= f.stack_base() {
        return None;
    }
    f.slots[f.sp - 1].clone()
}

/// `gen.throw(exc)`.
pub fn gen_throw(vm: &Vm, gen: &PyObjectRef, exc: PyBaseExceptionRef) -> PyResult {
    let g = gen
        .downcast_ref::<PyGenerator>()
        .ok_or_else(|| vm.new_type_error("not a generator"))?;
    if let Some(yf) = delegate_of(g) {
        let is_exit = vm.exc_matches(&exc, &vm.exc.GeneratorExit);
        g.running.set(true);
        let r: PyResult = if is_exit {
            let r = close_delegate(vm, &yf);
            g.running.set(false);
            r?;
            return gen_resume_with(vm, gen, None, Some(exc));
        } else if yf.downcast_ref::<PyGenerator>().is_some() {
            gen_throw(vm, &yf, exc.clone())
        } else {
            match vm.get_attr_opt(&yf, &vm.names.throw)? {
                Some(t) => vm.call(&t, &[exc.clone().into_object()]),
                None => {
                    g.running.set(false);
                    return gen_resume_with(vm, gen, None, Some(exc));
                }
            }
        };
        g.running.set(false);
        return match r {
            Ok(v) => Ok(v),
            Err(e) if vm.exc_matches(&e, &vm.exc.StopIteration) => {
                // The delegate finished: pop it, push its value, and resume
                // after the SEND loop (the JUMP_BACKWARD_NO_INTERRUPT).
                let val = stop_iteration_value(vm, &e);
                {
                    let mut fr = g.frame.borrow_mut();
                    if let Some(f) = fr.as_mut() {
                        f.pop_opt();
                        // Skip RESUME and the backward jump to SEND.
                        f.pc += 2;
                    }
                }
                gen_resume_with(vm, gen, Some(val), None)
            }
            Err(e) => gen_resume_with(vm, gen, None, Some(e)),
        };
    }
    gen_resume_with(vm, gen, None, Some(exc))
}

fn gen_resume_with(
    vm: &Vm,
    gen: &PyObjectRef,
    value: Option<PyObjectRef>,
    exc: Option<PyBaseExceptionRef>,
) -> PyResult {
    let has_exc = exc.is_some();
    let v = value.unwrap_or_else(|| vm.none.clone());
    if has_exc {
        if let Some(g) = gen.downcast_ref::<PyGenerator>() {
            g.started.set(true);
        }
    }
    match gen_resume(vm, gen, v, exc)? {
        GenStep::Yielded(v) => Ok(v),
        GenStep::Returned(v) => Err(stop_iteration_for(vm, v)),
    }
}

fn close_delegate(vm: &Vm, yf: &PyObjectRef) -> PyResult<()> {
    if yf.downcast_ref::<PyGenerator>().is_some() {
        return gen_close(vm, yf);
    }
    if let Some(c) = vm.get_attr_opt(yf, &vm.names.close)? {
        vm.call(&c, &[])?;
    }
    Ok(())
}

/// `gen.close()`.
pub fn gen_close(vm: &Vm, gen: &PyObjectRef) -> PyResult<()> {
    let g = gen
        .downcast_ref::<PyGenerator>()
        .ok_or_else(|| vm.new_type_error("not a generator"))?;
    if g.frame.borrow().is_none() {
        return Ok(());
    }
    if !g.started.get() {
        *g.frame.borrow_mut() = None;
        return Ok(());
    }
    let exit = vm.new_exception(&vm.exc.GeneratorExit, vec![]);
    match gen_throw(vm, gen, exit) {
        Ok(_) => Err(vm.new_runtime_error(format!("{} ignored GeneratorExit", kind_name(g.kind)))),
        Err(e)
            if vm.exc_matches(&e, &vm.exc.GeneratorExit)
                || vm.exc_matches(&e, &vm.exc.StopIteration) =>
        {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// `GET_YIELD_FROM_ITER`.
pub fn get_yield_from_iter(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let v = f.peek(1).clone();
    if let Some(g) = v.downcast_ref::<PyGenerator>() {
        if g.kind == GenKind::Coroutine {
            let code_is_coro =
                f.code.code.flags & (CodeFlags::COROUTINE | CodeFlags::ITERABLE_COROUTINE) != 0;
            if !code_is_coro {
                return Err(vm.new_type_error(
                    "cannot 'yield from' a coroutine object in a non-coroutine generator",
                ));
            }
        }
        return Ok(());
    }
    let it = vm.iter(&v)?;
    f.pop();
    f.push(it);
    Ok(())
}

/// `SEND`: resume the receiver (TOS1) with TOS; on its return, replace it
/// with the return value and jump.
pub fn send(vm: &Vm, f: &mut Frame, jump: u32) -> PyResult<()> {
    let v = f.pop();
    let receiver = f.peek(1).clone();
    let r = if receiver.downcast_ref::<PyGenerator>().is_some() {
        match gen_resume(vm, &receiver, v, None) {
            Ok(GenStep::Yielded(y)) => Ok(y),
            Ok(GenStep::Returned(r)) => {
                f.pop();
                f.push(r);
                f.pc += jump as usize;
                return Ok(());
            }
            Err(e) => Err(e),
        }
    } else if v.is(&vm.none) {
        // `__next__` directly: its StopIteration carries the result of the
        // delegation (an awaitable's return value).
        if let Some(r) = vm
            .call_special(&receiver, &vm.names.__next__, &[])
            .transpose()
        {
            r
        } else {
            match vm.next(&receiver) {
                Ok(Some(y)) => Ok(y),
                Ok(None) => {
                    f.pop();
                    f.push(vm.none.clone());
                    f.pc += jump as usize;
                    return Ok(());
                }
                Err(e) => Err(e),
            }
        }
    } else {
        vm.call_method(&receiver, "send", &[v])
    };
    match r {
        Ok(y) => {
            f.push(y);
            Ok(())
        }
        Err(e) if vm.exc_matches(&e, &vm.exc.StopIteration) => {
            let val = stop_iteration_value(vm, &e);
            f.pop();
            f.push(val);
            f.pc += jump as usize;
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// `GET_AWAITABLE`.
pub fn get_awaitable(vm: &Vm, f: &mut Frame, _where: u32) -> PyResult<()> {
    let v = f.pop();
    if let Some(g) = v.downcast_ref::<PyGenerator>() {
        if g.kind == GenKind::Coroutine {
            f.push(v);
            return Ok(());
        }
    }
    match class_of(&v).ext.lookup(&vm.names.__await__) {
        Some(aw) => {
            let it = vm.call_unbound(&aw, &v, &[], &[])?;
            if it
                .downcast_ref::<PyGenerator>()
                .is_some_and(|g| g.kind == GenKind::Coroutine)
            {
                return Err(vm.new_type_error("__await__() returned a coroutine"));
            }
            if class_of(&it).ext.lookup(&vm.names.__next__).is_none() {
                return Err(vm.new_type_error(format!(
                    "__await__() returned non-iterator of type '{}'",
                    vm.type_name(&it)
                )));
            }
            f.push(it);
            Ok(())
        }
        None => Err(vm.new_type_error(format!(
            "object {} can't be used in 'await' expression",
            vm.type_name(&v)
        ))),
    }
}

pub fn get_aiter(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let v = f.pop();
    match vm.call_special(&v, &vm.names.__aiter__, &[])? {
        Some(it) => {
            f.push(it);
            Ok(())
        }
        None => Err(vm.new_type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            vm.type_name(&v)
        ))),
    }
}

pub fn get_anext(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let it = f.peek(1).clone();
    let aw = match vm.call_special(&it, &vm.names.__anext__, &[])? {
        Some(a) => a,
        None => {
            return Err(vm.new_type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                vm.type_name(&it)
            )))
        }
    };
    f.push(aw);
    get_awaitable(vm, f, 0)
}

pub fn end_async_for(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let exc = f.pop();
    f.pop();
    let e = exc
        .downcast::<crate::types::exceptions::PyBaseException>()
        .map_err(|_| vm.new_system_error("END_ASYNC_FOR without exception"))?;
    if vm.exc_matches(&e, &vm.exc.StopAsyncIteration) {
        Ok(())
    } else {
        Err(e)
    }
}
