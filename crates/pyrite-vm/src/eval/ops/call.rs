//! Calls: `PRECALL`/`CALL` (Python functions run in the same loop, others
//! are called natively), `CALL_FUNCTION_EX`, `MAKE_FUNCTION`, and binding
//! arguments to parameters with CPython's error messages.
//! Mirrors CPython 3.11 `Python/ceval.c` (`initialize_locals`,
//! `_PyEval_MakeFrameVector`) and `Objects/funcobject.c`.

use pyrite_bytecode::opcodes::make_function as mf;
use pyrite_bytecode::CodeFlags;

use crate::eval::frame::Frame;
use crate::types::code::{PyCode, PyCodeRef};
use crate::types::descr::{MethodKind, PyMethodDescr};
use crate::types::dict::PyDict;
use crate::types::function::{PyBoundMethod, PyFunction, PyNativeFunction};
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::PyTypeObj;
use crate::{PyObjectRef, PyResult, Vm};

/// What calling a function needs: a frame to run, or an immediate result.
pub enum CallTarget {
    Frame(Box<Frame>),
    Done(PyObjectRef),
}

/// A frame for running `code` with the given namespaces.
pub fn new_code_frame(
    vm: &Vm,
    code: &PyObjectRef,
    globals: &PyObjectRef,
    locals: Option<PyObjectRef>,
    func: Option<PyObjectRef>,
    builtins: Option<PyObjectRef>,
) -> PyResult<Box<Frame>> {
    let code = code
        .clone()
        .downcast::<PyCode>()
        .map_err(|_| vm.new_type_error("expected a code object"))?;
    let builtins = match builtins {
        Some(b) => b,
        None => builtins_for(vm, globals),
    };
    Ok(vm.alloc_frame(code, func, globals.clone(), builtins, locals))
}

/// The builtins namespace for code run with `globals`: `globals['__builtins__']`
/// (a module or a dict), else the interpreter's.
pub fn builtins_for(vm: &Vm, globals: &PyObjectRef) -> PyObjectRef {
    if let Some(g) = globals.downcast_ref::<PyDict>() {
        if let Some(b) = g.get_by_str("__builtins__") {
            if b.downcast_ref::<PyDict>().is_some() {
                return b;
            }
            if let Some(m) = b.downcast_ref::<crate::types::module::PyModule>() {
                return m.dict.as_object().clone();
            }
        }
    }
    vm.builtins.as_object().clone()
}

/// Make the frame for calling the Python function `func`.
pub fn new_frame_for(
    vm: &Vm,
    func: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: &[PyObjectRef],
) -> PyResult<CallTarget> {
    let pf = func
        .downcast_ref::<PyFunction>()
        .ok_or_else(|| vm.new_type_error("not a function"))?;
    let code = pf.code.borrow().clone();
    let mut f = new_code_frame(
        vm,
        code.as_object(),
        &pf.globals,
        None,
        Some(func.clone()),
        Some(pf.builtins.clone()),
    )?;
    if kwnames.is_empty() && takes_exactly(&code.code, args.len()) {
        for (slot, a) in f.slots.iter_mut().zip(args) {
            *slot = Some(a.clone());
        }
    } else {
        bind_args(vm, pf, &code, args.to_vec(), kwnames, &mut f.slots)?;
    }
    Ok(CallTarget::Frame(f))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// Bind `args` (positional values then keyword values named by
/// `kwnames`) to the parameters of `func`, writing `slots`.
pub fn bind_args(
    vm: &Vm,
    func: &PyFunction,
    code: &PyCode,
    args: Vec<PyObjectRef>,
    kwnames: &[PyObjectRef],
    slots: &mut [Option<PyObjectRef>],
) -> PyResult<()> {
    let co = &code.code;
    let argcount = co.argcount as usize;
    let posonly = co.posonlyargcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let has_varargs = co.flags & CodeFlags::VARARGS != 0;
    let has_varkw = co.flags & CodeFlags::VARKEYWORDS != 0;
    let nkw = kwnames.len();
    let npos = args.len() - nkw;
    let qualname = || -> String {
        func.qualname
            .borrow()
            .downcast_ref::<PyStr>()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default()
    };
    let total = argcount + kwonly;
    let mut args = args;
    let kwvals: Vec<PyObjectRef> = args.split_off(npos);
    // Fast path: exact positional call.
    if nkw == 0 && takes_exactly(co, npos) {
        for (i, a) in args.into_iter().enumerate() {
            slots[i] = Some(a);
        }
        return Ok(());
    }
    let mut kwdict = None;
    if has_varkw {
        let d = vm.new_dict();
        slots[total + has_varargs as usize] = Some(d.as_object().clone());
        kwdict = Some(d);
    }
    let nbound = npos.min(argcount);
    let extra: Vec<PyObjectRef> = if npos > argcount {
        args.split_off(argcount)
    } else {
        Vec::new()
    };
    for (i, a) in args.into_iter().enumerate() {
        slots[i] = Some(a);
    }
    if has_varargs {
        slots[total] = Some(vm.new_tuple(extra));
    } else if !extra.is_empty() {
        let ndefaults = func
            .defaults
            .borrow()
            .as_ref()
            .and_then(|d| d.downcast_ref::<PyTuple>().map(|t| t.len()))
            .unwrap_or(0);
        let kwonly_given = (0..nkw)
            .filter(|&k| {
                let n = kwnames[k]
                    .downcast_ref::<PyStr>()
                    .map(|s| s.as_str())
                    .unwrap_or("");
                co.localsplusnames[argcount..total]
                    .iter()
                    .any(|p| &**p == n)
            })
            .count();
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - ndefaults,
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        let given = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                npos,
                if npos == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", npos, if npos == 1 { "was" } else { "were" })
        };
        return Err(vm.new_type_error(format!("{}() takes {} but {}", qualname(), takes, given)));
    }
    let _ = nbound;
    let mut posonly_kw: Vec<String> = Vec::new();
    for (k, v) in kwnames.iter().zip(kwvals) {
        let Some(ks) = k.downcast_ref::<PyStr>() else {
            return Err(vm.new_type_error(format!("{}() keywords must be strings", qualname())));
        };
        let pos = co.localsplusnames[..total]
            .iter()
            .position(|p| **p == *ks.as_str());
        match pos {
            Some(i) if i >= posonly => {
                if slots[i].is_some() {
                    return Err(vm.new_type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        qualname(),
                        ks.as_str()
                    )));
                }
                slots[i] = Some(v);
            }
            other => match &kwdict {
                Some(d) => d.set_item(vm, k.clone(), v)?,
                None => {
                    if other.is_some() {
                        posonly_kw.push(ks.as_str().to_string());
                        continue;
                    }
                    return Err(vm.new_type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qualname(),
                        ks.as_str()
                    )));
                }
            },
        }
    }
    if !posonly_kw.is_empty() {
        return Err(vm.new_type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname(),
            posonly_kw.join(", ")
        )));
    }
    // Defaults for missing positional parameters.
    if npos < argcount {
        let defaults = func.defaults.borrow().clone();
        let defs: Vec<PyObjectRef> = defaults
            .as_ref()
            .and_then(|d| d.downcast_ref::<PyTuple>().map(|t| t.items.to_vec()))
            .unwrap_or_default();
        let first_default = argcount.saturating_sub(defs.len());
        let mut missing = Vec::new();
        for i in npos..argcount {
            if slots[i].is_none() {
                if i >= first_default {
                    slots[i] = Some(defs[i - first_default].clone());
                } else {
                    missing.push(co.localsplusnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.new_type_error(format!(
                "{}() missing {}: {}",
                qualname(),
                plural(missing.len(), "required positional argument"),
                name_list(&missing)
            )));
        }
    }
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.borrow().clone();
        let mut missing = Vec::new();
        for i in argcount..total {
            if slots[i].is_none() {
                let name = &co.localsplusnames[i];
                let d = kwdefaults
                    .as_ref()
                    .and_then(|d| d.downcast_ref::<PyDict>().and_then(|d| d.get_by_str(name)));
                match d {
                    Some(v) => slots[i] = Some(v),
                    None => missing.push(name.to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.new_type_error(format!(
                "{}() missing {}: {}",
                qualname(),
                plural(missing.len(), "required keyword-only argument"),
                name_list(&missing)
            )));
        }
    }
    Ok(())
}

/// `PRECALL`: unpack a bound method into (function, self) so `CALL` sees a
/// method call.
#[inline(always)]
pub fn precall(_vm: &Vm, f: &mut Frame, argc: u32) -> PyResult<()> {
    let idx = f.sp - argc as usize - 2;
    if f.slots[idx].is_none() {
        let unpacked = f.slots[idx + 1]
            .as_ref()
            .and_then(|c| c.downcast_ref::<PyBoundMethod>())
            .map(|bm| (bm.func.clone(), bm.self_.clone()));
        if let Some((func, self_)) = unpacked {
            f.slots[idx] = Some(func);
            f.slots[idx + 1] = Some(self_);
        }
    }
    Ok(())
}

/// The most common native calls, made straight from the stack with no
/// reference taken to the callable: a method descriptor applied to an
/// instance of exactly its class (`lst.append(x)` after `LOAD_METHOD`),
/// or a native function without a bound self (`len(x)`). `None`: not one
/// of these; nothing was touched.
#[inline]
fn call_native_fast(vm: &Vm, f: &mut Frame, argc: usize) -> Option<PyResult<()>> {
    let base = f.sp - argc - 2;
    let first_arg = if f.slots[base].is_some() {
        base + 1
    } else {
        base + 2
    };
    let r = {
        let callable = f.slots[first_arg - 1].as_ref()?;
        let args = pyrite_core::object::handle::slots_as_refs(&f.slots[first_arg..f.sp])?;
        if let Some(d) = callable.downcast_ref::<PyMethodDescr>() {
            if d.kind != MethodKind::Instance || !args.first()?.class().is(&d.objclass) {
                return None;
            }
            (d.func)(vm, crate::args::Args::new(args, &[]))
        } else if let Some(nf) = callable.downcast_ref::<PyNativeFunction>() {
            // The builtins that read the caller's locals go the long way
            // (`before_builtin_call`).
            if nf.module == Some("builtins")
                && matches!(nf.name, "locals" | "vars" | "dir" | "eval" | "exec")
            {
                return None;
            }
            if nf.self_.is_some() {
                return bound_native_call(vm, f, base, first_arg);
            }
            (nf.func)(vm, crate::args::Args::new(args, &[]))
        } else {
            return None;
        }
    };
    for i in base..f.sp {
        drop(f.slots[i].take());
    }
    f.sp = base;
    Some(r.map(|v| f.push(v)))
}

/// A bound native method called with positional arguments (`ins = lst.insert;
/// ins(i, x)`): the callable leaves its stack slot for the bound `self`,
/// so the arguments, `self` first, are read straight from the stack.
#[inline(never)]
fn bound_native_call(
    vm: &Vm,
    f: &mut Frame,
    base: usize,
    first_arg: usize,
) -> Option<PyResult<()>> {
    // Only `[NULL, callable, args...]` has a free slot below the arguments.
    if first_arg != base + 2 {
        return None;
    }
    let callable = f.slots[base + 1].take()?;
    let Some(nf) = callable.downcast_ref::<PyNativeFunction>() else {
        f.slots[base + 1] = Some(callable);
        return None;
    };
    let Some(self_) = nf.self_.clone() else {
        f.slots[base + 1] = Some(callable);
        return None;
    };
    f.slots[base + 1] = Some(self_);
    let r = match pyrite_core::object::handle::slots_as_refs(&f.slots[base + 1..f.sp]) {
        Some(args) => (nf.func)(vm, crate::args::Args::new(args, &[])),
        None => Err(vm.new_system_error("NULL argument")),
    };
    for i in base..f.sp {
        drop(f.slots[i].take());
    }
    f.sp = base;
    drop(callable);
    Some(r.map(|v| f.push(v)))
}

/// `CALL`: returns a new frame to switch to for Python functions.
pub fn call(vm: &Vm, f: &mut Frame, argc: u32) -> PyResult<Option<Box<Frame>>> {
    // The decoder folds the `PRECALL` before a `CALL` into it, so its work
    // is done here (doing it twice changes nothing).
    precall(vm, f, argc)?;
    if f.kwnames.is_none() {
        if let Some(nf) = python_call_fast(vm, f, argc as usize) {
            return Ok(Some(nf));
        }
        if let Some(r) = call_native_fast(vm, f, argc as usize) {
            return r.map(|()| None);
        }
    }
    let kwnames_obj = f.kwnames.take();
    let argc = argc as usize;
    let base = f.sp - argc - 2;
    let is_meth = f.slots[base].is_some();
    let (callable, first_arg) = if is_meth {
        (f.slots[base].clone().expect("checked"), base + 1)
    } else {
        (
            f.slots[base + 1]
                .clone()
                .ok_or_else(|| vm.new_system_error("NULL callable"))?,
            base + 2,
        )
    };
    // (A Python function without keywords was tried by `python_call_fast`.)
    if kwnames_obj.is_none() {
        if let Some(t) = callable.downcast_ref::<PyTypeObj>() {
            if let Some(nf) = init_frame(vm, f, t, &callable, base, first_arg)? {
                return Ok(Some(nf));
            }
        }
    }
    let kwnames_owned = kwnames_obj;
    let kwnames: &[PyObjectRef] = match &kwnames_owned {
        Some(k) => k
            .downcast_ref::<PyTuple>()
            .map(|t| t.as_slice())
            .unwrap_or(&[]),
        None => &[],
    };
    // A builtin callee reads its arguments where they lie on the stack;
    // they are released after the call, as CPython does.
    let is_builtin = callable.downcast_ref::<PyFunction>().is_none()
        && !(f.sp == first_arg && callable.is(vm.types.super_.as_object()));
    if is_builtin {
        if let Some(args) = pyrite_core::object::handle::slots_as_refs(&f.slots[first_arg..f.sp]) {
            crate::modules::builtins_exec::before_builtin_call(
                vm,
                f,
                &callable,
                args,
                kwnames.len(),
            );
            let r = vm.call_kw(&callable, args, kwnames);
            for i in base..f.sp {
                drop(f.slots[i].take());
            }
            f.sp = base;
            f.push(r?);
            return Ok(None);
        }
    }
    let mut args: Vec<PyObjectRef> = Vec::with_capacity(f.sp - first_arg);
    for i in first_arg..f.sp {
        args.push(f.slots[i].take().expect("NULL argument"));
    }
    for i in base..first_arg {
        f.slots[i] = None;
    }
    f.sp = base;
    if args.is_empty() && kwnames.is_empty() && callable.is(vm.types.super_.as_object()) {
        let (cls, obj) = super_args_from_frame(vm, f)?;
        let r = vm.call(&callable, &[cls, obj])?;
        f.push(r);
        return Ok(None);
    }
    if let Some(pf) = callable.downcast_ref::<PyFunction>() {
        let code = pf.code.borrow().clone();
        let mut nf = new_code_frame(
            vm,
            code.as_object(),
            &pf.globals,
            None,
            Some(callable.clone()),
            Some(pf.builtins.clone()),
        )?;
        bind_args(vm, pf, &code, args, kwnames, &mut nf.slots)?;
        return Ok(Some(nf));
    }
    // locals()/vars()/dir()/eval()/exec() read the caller's locals.
    crate::modules::builtins_exec::before_builtin_call(vm, f, &callable, &args, kwnames.len());
    let r = vm.call_kw(&callable, &args, kwnames)?;
    f.push(r);
    Ok(None)
}

/// Whether `co`'s parameters are exactly `nargs` positional ones (no
/// keyword-only, no `*args`/`**kwargs`): binding is then a plain copy.
#[inline]
fn takes_exactly(co: &pyrite_bytecode::CodeObject, nargs: usize) -> bool {
    co.argcount as usize == nargs
        && co.kwonlyargcount == 0
        && co.flags & (CodeFlags::VARARGS | CodeFlags::VARKEYWORDS) == 0
}

/// The most common call of all, tried first: a Python function called
/// with positional arguments only. The callable moves from the stack into
/// the new frame (no reference count traffic); when `fast_frame` declines,
/// it goes back where it was.
#[inline(always)]
fn python_call_fast(vm: &Vm, f: &mut Frame, argc: usize) -> Option<Box<Frame>> {
    let base = f.sp - argc - 2;
    let first_arg = if f.slots[base].is_some() {
        base + 1
    } else {
        base + 2
    };
    if !f.slots[first_arg - 1].as_ref()?.is_payload::<PyFunction>() {
        return None;
    }
    let callable = f.slots[first_arg - 1].take()?;
    let nf = callable
        .downcast_ref::<PyFunction>()
        .and_then(|pf| fast_frame(vm, f, pf, base, first_arg));
    match nf {
        Some(mut nf) => {
            nf.func = Some(callable);
            Some(nf)
        }
        None => {
            f.slots[first_arg - 1] = Some(callable);
            None
        }
    }
}

/// The common call: a Python function whose parameters are exactly the
/// positional arguments given. The arguments move from the caller's stack
/// straight into the new frame's locals, with no intermediate vector. The
/// caller stores the function in the frame (it moves it off the stack).
#[inline]
fn fast_frame(
    vm: &Vm,
    f: &mut Frame,
    pf: &PyFunction,
    base: usize,
    first_arg: usize,
) -> Option<Box<Frame>> {
    let code = pf.code.borrow().clone();
    let nargs = f.sp - first_arg;
    let co = &code.code;
    let argcount = co.argcount as usize;
    // Missing trailing positional parameters are filled from `__defaults__`
    // (a tuple, as its setter enforces), when it covers them.
    let defaults = if takes_exactly(co, nargs) {
        None
    } else if nargs < argcount && takes_exactly(co, argcount) {
        let d = pf.defaults.borrow().clone()?;
        let ndef = d.downcast_ref::<PyTuple>()?.len();
        if nargs + ndef < argcount {
            return None;
        }
        Some(d)
    } else {
        return None;
    };
    let mut nf = function_frame(vm, None, pf, code);
    if let Some(d) = defaults {
        if let Some(t) = d.downcast_ref::<PyTuple>() {
            let first_default = argcount - t.len();
            for i in nargs..argcount {
                nf.slots[i] = Some(t.items[i - first_default].clone());
            }
        }
    }
    move_call_args(f, &mut nf, base, first_arg, 0);
    Some(nf)
}

/// `cls(args...)` for a plain class (instances are `PyInstance`s, created
/// by `object.__new__`, metaclass `type`) whose `__init__` is a Python
/// function taking exactly the arguments: the instance is allocated here and
/// `__init__` runs as a frame of the eval loop, marked with the instance
/// (see [`init_result`]). `None`: take the general path.
fn init_frame(
    vm: &Vm,
    f: &mut Frame,
    t: &PyTypeObj,
    cls: &PyObjectRef,
    base: usize,
    first_arg: usize,
) -> PyResult<Option<Box<Frame>>> {
    if !cls.class().is(vm.types.type_.as_object())
        || t.core.vtable().type_id != std::any::TypeId::of::<crate::types::object::PyInstance>()
    {
        return Ok(None);
    }
    let object = &vm.types.object.ext;
    let new = t.ext.lookup(&vm.names.__new__);
    if !object
        .lookup(&vm.names.__new__)
        .is_some_and(|o| new.is_some_and(|n| n.is(&o)))
    {
        return Ok(None);
    }
    let Some(init) = t.ext.lookup(&vm.names.__init__) else {
        return Ok(None);
    };
    let Some(pf) = init.downcast_ref::<PyFunction>() else {
        return Ok(None);
    };
    let code = pf.code.borrow().clone();
    let nargs = f.sp - first_arg;
    let co = &code.code;
    const GEN: u32 = CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR;
    if co.flags & GEN != 0 || !takes_exactly(co, nargs + 1) {
        return Ok(None);
    }
    let obj = crate::types::object_methods::new_plain_instance(vm, cls, t)?;
    let mut nf = function_frame(vm, Some(init.clone()), pf, code);
    nf.slots[0] = Some(obj.clone());
    move_call_args(f, &mut nf, base, first_arg, 1);
    nf.init_self = Some(obj);
    Ok(Some(nf))
}

/// An in-loop `__init__` frame (see [`init_frame`]) returned `r`: push the
/// instance, or raise CPython's error for a non-None result.
pub fn init_result(vm: &Vm, f: &mut Frame, obj: PyObjectRef, r: PyObjectRef) -> PyResult<()> {
    if !r.is(&vm.none) {
        return Err(vm.new_type_error(format!(
            "__init__() should return None, not '{}'",
            vm.type_name(&r)
        )));
    }
    f.push(obj);
    Ok(())
}

/// `obj[key]` where `obj`'s class defines `__getitem__` as a plain Python
/// function of two parameters: the frame that computes it.
#[inline(always)]
pub fn getitem_frame(vm: &Vm, obj: &PyObjectRef, key: &PyObjectRef) -> Option<Box<Frame>> {
    let cls = crate::types::typeobj::class_of(obj);
    if !cls.ext.heap {
        return None;
    }
    heap_getitem_frame(vm, cls, obj, key)
}

#[inline(never)]
fn heap_getitem_frame(
    vm: &Vm,
    cls: &PyTypeObj,
    obj: &PyObjectRef,
    key: &PyObjectRef,
) -> Option<Box<Frame>> {
    let func = cls.ext.lookup(&vm.names.__getitem__)?;
    let pf = func.downcast_ref::<PyFunction>()?;
    let code = pf.code.borrow().clone();
    if !takes_exactly(&code.code, 2) {
        return None;
    }
    let mut nf = function_frame(vm, Some(func.clone()), pf, code);
    nf.slots[0] = Some(obj.clone());
    nf.slots[1] = Some(key.clone());
    Some(nf)
}

/// A frame for Python function `func` (`pf` is its payload; None: the
/// caller stores the function itself) running
/// `code`.
#[inline(always)]
fn function_frame(
    vm: &Vm,
    func: Option<PyObjectRef>,
    pf: &PyFunction,
    code: PyCodeRef,
) -> Box<Frame> {
    vm.alloc_frame(code, func, pf.globals.clone(), pf.builtins.clone(), None)
}

/// Move a `CALL`'s arguments from the caller's stack into the callee's
/// locals starting at `to`, and pop the callable (and self/NULL) slots.
#[inline(always)]
fn move_call_args(f: &mut Frame, nf: &mut Frame, base: usize, first_arg: usize, to: usize) {
    for i in 0..f.sp - first_arg {
        nf.slots[to + i] = f.slots[first_arg + i].take();
    }
    for i in base..first_arg {
        f.slots[i] = None;
    }
    f.sp = base;
}

/// `CALL_FUNCTION_EX`: `f(*args, **kwargs)`.
pub fn call_function_ex(vm: &Vm, f: &mut Frame, flags: u32) -> PyResult<()> {
    let kwargs = if flags & 1 != 0 { Some(f.pop()) } else { None };
    let callargs = f.pop();
    let func = f.pop();
    f.pop_opt();
    let mut args = match callargs.downcast_ref::<PyTuple>() {
        Some(t) => t.items.to_vec(),
        None => match vm.to_vec(&callargs) {
            Ok(v) => v,
            Err(e) if vm.exc_matches(&e, &vm.exc.TypeError) && vm.iter(&callargs).is_err() => {
                return Err(vm.new_type_error(format!(
                    "{} argument after * must be an iterable, not {}",
                    crate::modules::builtins::func_description(vm, &func),
                    vm.type_name(&callargs)
                )))
            }
            Err(e) => return Err(e),
        },
    };
    let mut kwnames = Vec::new();
    if let Some(kw) = kwargs {
        let items = super::build::mapping_items(vm, &kw)?;
        for (k, v) in items {
            if k.downcast_ref::<PyStr>().is_none() {
                return Err(vm.new_type_error("keywords must be strings"));
            }
            kwnames.push(k);
            args.push(v);
        }
    }
    let r = vm.call_kw(&func, &args, &kwnames)?;
    f.push(r);
    Ok(())
}

/// `MAKE_FUNCTION`.
pub fn make_function(vm: &Vm, f: &mut Frame, flags: u32) -> PyResult<()> {
    let code = f.pop();
    let closure = if flags & mf::CLOSURE != 0 {
        Some(f.pop())
    } else {
        None
    };
    let annotations = if flags & mf::ANNOTATIONS != 0 {
        Some(f.pop())
    } else {
        None
    };
    let kwdefaults = if flags & mf::KWDEFAULTS != 0 {
        Some(f.pop())
    } else {
        None
    };
    let defaults = if flags & mf::DEFAULTS != 0 {
        Some(f.pop())
    } else {
        None
    };
    let func = new_function(vm, code, f.globals.clone(), f.builtins.clone(), closure)?;
    if let Some(pf) = func.downcast_ref::<PyFunction>() {
        *pf.defaults.borrow_mut() = defaults;
        *pf.kwdefaults.borrow_mut() = kwdefaults;
        *pf.annotations.borrow_mut() = match annotations {
            Some(a) => Some(annotations_to_dict(vm, a)?),
            None => None,
        };
    }
    f.push(func);
    Ok(())
}

/// A 3.11 annotations tuple `(name, value, name, value, ...)` as a dict.
fn annotations_to_dict(vm: &Vm, a: PyObjectRef) -> PyResult<PyObjectRef> {
    if let Some(t) = a.downcast_ref::<PyTuple>() {
        let d = vm.new_dict();
        for pair in t.items.chunks(2) {
            if let [k, v] = pair {
                d.set_item(vm, k.clone(), v.clone())?;
            }
        }
        return Ok(d.into_object());
    }
    Ok(a)
}

/// A new function object for `code` in `globals`.
pub fn new_function(
    vm: &Vm,
    code: PyObjectRef,
    globals: PyObjectRef,
    builtins: PyObjectRef,
    closure: Option<PyObjectRef>,
) -> PyResult {
    let code = code
        .downcast::<PyCode>()
        .map_err(|_| vm.new_type_error("MAKE_FUNCTION expects a code object"))?;
    let doc = match code.consts.first() {
        Some(c) if c.downcast_ref::<PyStr>().is_some() => c.clone(),
        _ => vm.none.clone(),
    };
    let module = globals
        .downcast_ref::<PyDict>()
        .and_then(|g| g.get_by_str("__name__"))
        .unwrap_or_else(|| vm.none.clone());
    let name = code.name_obj.clone();
    let qualname = code.qualname_obj.clone();
    Ok(vm.alloc(
        PyFunction {
            code: code.into(),
            globals,
            builtins,
            name: name.into(),
            qualname: qualname.into(),
            defaults: None.into(),
            kwdefaults: None.into(),
            closure,
            doc: doc.into(),
            module: module.into(),
            annotations: None.into(),
        },
        &vm.types.function,
    ))
}

/// Zero-argument `super()`: the `__class__` cell and the first argument of
/// the calling frame.
fn super_args_from_frame(vm: &Vm, f: &Frame) -> PyResult<(PyObjectRef, PyObjectRef)> {
    use crate::types::cell::PyCell;
    let co = &f.code.code;
    if co.argcount == 0 && co.flags & CodeFlags::VARARGS == 0 {
        return Err(vm.new_runtime_error("super(): no arguments"));
    }
    let mut first = f.slots[0]
        .clone()
        .ok_or_else(|| vm.new_runtime_error("super(): arg[0] deleted"))?;
    if co
        .localspluskinds
        .first()
        .is_some_and(|k| k & pyrite_bytecode::LocalKind::CELL != 0)
    {
        if let Some(c) = first.downcast_ref::<PyCell>() {
            first = c
                .get()
                .ok_or_else(|| vm.new_runtime_error("super(): arg[0] deleted"))?;
        }
    }
    let idx = co
        .localsplusnames
        .iter()
        .zip(&co.localspluskinds)
        .position(|(n, k)| &**n == "__class__" && k & pyrite_bytecode::LocalKind::FREE != 0)
        .ok_or_else(|| vm.new_runtime_error("super(): __class__ cell not found"))?;
    let cell = f.slots[idx]
        .clone()
        .ok_or_else(|| vm.new_runtime_error("super(): bad __class__ cell"))?;
    let cls = cell
        .downcast_ref::<PyCell>()
        .and_then(|c| c.get())
        .ok_or_else(|| vm.new_runtime_error("super(): empty __class__ cell"))?;
    if crate::types::typeobj::as_type(&cls).is_none() {
        return Err(vm.new_runtime_error(format!(
            "super(): __class__ is not a type ({})",
            vm.type_name(&cls)
        )));
    }
    Ok((cls, first))
}
