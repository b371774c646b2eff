//! Python-visible methods of generators and coroutines: iteration, `send`,
//! `throw`, `close`, and the `gi_*`/`cr_*` attributes.
//! Mirrors CPython 3.11 `Objects/genobject.c`.

use super::exceptions::PyBaseException;
use super::generator::{GenKind, PyGenerator};
use super::typeobj::{as_type, is_subtype};
use crate::args::Args;
use crate::eval::ops::generator::{gen_close, gen_send, gen_throw};
use crate::{PyObjectRef, PyResult, Vm};

fn gen<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyGenerator> {
    o.downcast_ref::<PyGenerator>()
        .ok_or_else(|| vm.new_type_error("expected a generator"))
}

fn gen_iter(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__iter__")?;
    Ok(o.clone())
}

fn gen_next(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__next__")?;
    gen_send(vm, o, vm.none.clone())
}

fn gen_send_m(vm: &Vm, args: Args) -> PyResult {
    let [o, v] = args.exact::<2>(vm, "send")?;
    gen_send(vm, o, v.clone())
}

/// Build the exception for `throw(type[, value[, tb]])`.
pub fn make_throw_exception(
    vm: &Vm,
    typ: &PyObjectRef,
    val: Option<&PyObjectRef>,
    tb: Option<&PyObjectRef>,
) -> PyResult<crate::PyBaseExceptionRef> {
    let tb = tb.filter(|t| !t.is(&vm.none)).cloned();
    if let Some(t) = &tb {
        if t.downcast_ref::<super::exceptions::PyTraceback>().is_none() {
            return Err(vm.new_type_error("throw() third argument must be a traceback object"));
        }
    }
    let e = if as_type(typ).is_some() && is_subtype(typ, vm.types.base_exception.as_object()) {
        match val.filter(|v| !v.is(&vm.none)) {
            Some(v) if is_subtype(v.class(), typ) => v
                .clone()
                .downcast::<PyBaseException>()
                .map_err(|_| vm.new_type_error("bad exception"))?,
            Some(v) => {
                let args = if let Some(t) = v.downcast_ref::<super::tuple::PyTuple>() {
                    t.items.to_vec()
                } else {
                    vec![v.clone()]
                };
                vm.call(typ, &args)?
                    .downcast::<PyBaseException>()
                    .map_err(|_| vm.new_type_error("bad exception"))?
            }
            None => vm
                .call(typ, &[])?
                .downcast::<PyBaseException>()
                .map_err(|_| vm.new_type_error("bad exception"))?,
        }
    } else if let Some(_e) = typ.downcast_ref::<PyBaseException>() {
        if val.is_some_and(|v| !v.is(&vm.none)) {
            return Err(vm.new_type_error("instance exception may not have a separate value"));
        }
        typ.clone()
            .downcast::<PyBaseException>()
            .map_err(|_| vm.new_type_error("bad exception"))?
    } else {
        return Err(vm.new_type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_name(typ)
        )));
    };
    if let Some(t) = tb {
        *e.traceback.borrow_mut() = Some(t);
    }
    Ok(e)
}

fn gen_throw_m(vm: &Vm, args: Args) -> PyResult {
    let [o, typ, val, tb] = args.range::<4>(vm, "throw", 2)?;
    let e = make_throw_exception(vm, typ.expect("min"), val, tb)?;
    gen_throw(vm, o.expect("min"), e)
}

fn gen_close_m(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "close")?;
    gen_close(vm, o)?;
    Ok(vm.none.clone())
}

fn gen_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let g = gen(vm, o)?;
    let kind = match g.kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    let q = vm.str_string(&g.qualname.borrow())?;
    Ok(vm.new_str(format!("<{} object {} at {:#x}>", kind, q, o.id())))
}

fn gi_running(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(gen(vm, o)?.running.get()))
}

fn gi_code(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(gen(vm, o)?.code.clone())
}

fn gi_frame(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let g = gen(vm, o)?;
    let mut fr = g.frame.borrow_mut();
    Ok(match fr.as_mut() {
        Some(f) => crate::eval::ops::exceptions::suspended_frame_object(vm, f),
        None => vm.none.clone(),
    })
}

fn gi_suspended(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let g = gen(vm, o)?;
    Ok(vm.new_bool(g.started.get() && !g.running.get() && g.frame.borrow().is_some()))
}

fn gi_yieldfrom(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let g = gen(vm, o)?;
    let fr = g.frame.borrow();
    let Some(f) = fr.as_ref() else {
        return Ok(vm.none.clone());
    };
    let code = &f.code.code.code;
    let pc = f.pc;
    if pc * 2 + 1 < code.len()
        && code[pc * 2] == pyrite_bytecode::Opcode::RESUME as u8
        && code[pc * 2 + 1] >= 2
        && f.sp > f.stack_base()
    {
        return Ok(f.slots[f.sp - 1].clone().unwrap_or_else(|| vm.none.clone()));
    }
    Ok(vm.none.clone())
}

fn get_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(gen(vm, o)?.name.borrow().clone())
}

fn set_name(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    match v {
        Some(v) if v.downcast_ref::<super::str::PyStr>().is_some() => {
            *gen(vm, o)?.name.borrow_mut() = v;
            Ok(())
        }
        _ => Err(vm.new_type_error("__name__ must be set to a string object")),
    }
}

fn get_qualname(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(gen(vm, o)?.qualname.borrow().clone())
}

fn set_qualname(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    match v {
        Some(v) if v.downcast_ref::<super::str::PyStr>().is_some() => {
            *gen(vm, o)?.qualname.borrow_mut() = v;
            Ok(())
        }
        _ => Err(vm.new_type_error("__qualname__ must be set to a string object")),
    }
}

/// `coroutine.__await__()`: the coroutine drives itself (Pyrite returns the
/// coroutine, which iterates like its wrapper).
fn coro_await(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__await__")?;
    Ok(o.clone())
}

pub fn init(vm: &Vm) {
    for (t, prefix) in [
        (&vm.types.generator, "gi"),
        (&vm.types.coroutine, "cr"),
        (&vm.types.async_generator, "ag"),
    ] {
        if prefix != "ag" {
            vm.add_method(t, "send", gen_send_m);
            vm.add_method(t, "throw", gen_throw_m);
            vm.add_method(t, "close", gen_close_m);
            // Deallocating a suspended generator closes it.
            t.core
                .set_flag(pyrite_core::object::header::TypeFlags::HAS_FINALIZER, true);
        }
        vm.add_method(t, "__repr__", gen_repr);
        vm.add_getset(t, "__name__", get_name, Some(set_name));
        vm.add_getset(t, "__qualname__", get_qualname, Some(set_qualname));
        let (running, code, frame, susp) = match prefix {
            "gi" => ("gi_running", "gi_code", "gi_frame", "gi_suspended"),
            "cr" => ("cr_running", "cr_code", "cr_frame", "cr_suspended"),
            _ => ("ag_running", "ag_code", "ag_frame", ""),
        };
        vm.add_getset(t, running, gi_running, None);
        vm.add_getset(t, code, gi_code, None);
        vm.add_getset(t, frame, gi_frame, None);
        // 3.11 has no `ag_suspended`.
        if prefix != "ag" {
            vm.add_getset(t, susp, gi_suspended, None);
        }
    }
    vm.add_getset(&vm.types.async_generator, "ag_await", gi_yieldfrom, None);
    let g = &vm.types.generator;
    vm.add_method(g, "__iter__", gen_iter);
    vm.add_method(g, "__next__", gen_next);
    vm.add_getset(g, "gi_yieldfrom", gi_yieldfrom, None);
    let c = &vm.types.coroutine;
    vm.add_method(c, "__await__", coro_await);
    vm.add_method(c, "__next__", gen_next);
    vm.add_method(c, "__iter__", gen_iter);
    vm.add_getset(c, "cr_await", gi_yieldfrom, None);
}
