//! Python-visible behaviour of exceptions: `BaseException`'s constructor,
//! `args`, `str`/`repr`, `with_traceback`, the chaining attributes, and the
//! extra attributes of `StopIteration`, `SystemExit`, `KeyError`,
//! `OSError`, `SyntaxError`, `ImportError`, `NameError`, `AttributeError`.
//! Mirrors CPython 3.11 `Objects/exceptions.c`.

use super::exceptions::{PyBaseException, PyTraceback};
use super::str::PyStr;
use super::tuple::PyTuple;
use super::typeobj::as_type;
use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

fn with_exc<R>(vm: &Vm, o: &PyObjectRef, f: impl FnOnce(&PyBaseException) -> R) -> PyResult<R> {
    match o.downcast_ref::<PyBaseException>() {
        Some(e) => Ok(f(e)),
        None => Err(vm.new_type_error(format!(
            "descriptor requires a 'BaseException' object but received a '{}'",
            vm.type_name(o)
        ))),
    }
}

fn base_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let cls = &pos[0];
    if as_type(cls).is_none() {
        return Err(vm.new_type_error("BaseException.__new__(X): X is not a type object"));
    }
    let a = vm.new_tuple(pos[1..].to_vec());
    Ok(vm.try_alloc(PyBaseException::new(a), cls)?.into_object())
}

fn base_init(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let o = &pos[0];
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error(format!("{}() takes no keyword arguments", vm.type_name(o))));
    }
    let a = vm.new_tuple(pos[1..].to_vec());
    with_exc(vm, o, |e| *e.args.borrow_mut() = a)?;
    Ok(vm.none.clone())
}

fn args_of(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<PyObjectRef>> {
    with_exc(vm, o, |e| {
        e.args
            .borrow()
            .downcast_ref::<PyTuple>()
            .map(|t| t.items.to_vec())
            .unwrap_or_default()
    })
}

fn base_str(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__str__")?;
    let a = args_of(vm, o)?;
    match a.len() {
        0 => Ok(vm.empty_str.clone()),
        1 => Ok(vm.str(&a[0])?.into_object()),
        _ => Ok(vm.str(&vm.new_tuple(a))?.into_object()),
    }
}

fn base_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let a = args_of(vm, o)?;
    let name = super::typeobj::class_of(o).ext.name();
    Ok(vm.new_str(match a.len() {
        1 => format!("{}({})", name, vm.repr_string(&a[0])?),
        _ => format!("{}{}", name, vm.repr_string(&vm.new_tuple(a))?),
    }))
}

fn get_args(vm: &Vm, o: &PyObjectRef) -> PyResult {
    with_exc(vm, o, |e| e.args.borrow().clone())
}

fn set_args(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.new_type_error("args may not be deleted"))?;
    let t = vm.new_tuple(vm.to_vec(&v)?);
    with_exc(vm, o, |e| *e.args.borrow_mut() = t)
}

fn get_traceback(vm: &Vm, o: &PyObjectRef) -> PyResult {
    with_exc(vm, o, |e| {
        e.traceback
            .borrow()
            .clone()
            .unwrap_or_else(|| vm.none.clone())
    })
}

fn set_traceback(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.new_type_error("__traceback__ may not be deleted"))?;
    let v = if v.is(&vm.none) {
        None
    } else if v.downcast_ref::<PyTraceback>().is_some() {
        Some(v)
    } else {
        return Err(vm.new_type_error("__traceback__ must be a traceback or None"));
    };
    with_exc(vm, o, |e| *e.traceback.borrow_mut() = v)
}

fn chain_value(vm: &Vm, v: Option<PyObjectRef>, what: &str) -> PyResult<Option<PyObjectRef>> {
    let v = v.ok_or_else(|| vm.new_type_error(format!("{what} may not be deleted")))?;
    if v.is(&vm.none) {
        return Ok(None);
    }
    if v.downcast_ref::<PyBaseException>().is_none() {
        return Err(vm.new_type_error(format!(
            "exception cause must be None or derive from BaseException"
        )));
    }
    Ok(Some(v))
}

fn get_cause(vm: &Vm, o: &PyObjectRef) -> PyResult {
    with_exc(vm, o, |e| {
        e.cause.borrow().clone().unwrap_or_else(|| vm.none.clone())
    })
}

fn set_cause(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let v = chain_value(vm, v, "__cause__")?;
    with_exc(vm, o, |e| {
        *e.cause.borrow_mut() = v;
        e.suppress_context.set(true);
    })
}

fn get_context(vm: &Vm, o: &PyObjectRef) -> PyResult {
    with_exc(vm, o, |e| {
        e.context
            .borrow()
            .clone()
            .unwrap_or_else(|| vm.none.clone())
    })
}

fn set_context(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let v = chain_value(vm, v, "__context__")?;
    with_exc(vm, o, |e| *e.context.borrow_mut() = v)
}

fn get_suppress(vm: &Vm, o: &PyObjectRef) -> PyResult {
    with_exc(vm, o, |e| vm.new_bool(e.suppress_context.get()))
}

fn set_suppress(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let b = match v {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    with_exc(vm, o, |e| e.suppress_context.set(b))
}

fn with_traceback(vm: &Vm, args: Args) -> PyResult {
    let [o, tb] = args.exact::<2>(vm, "with_traceback")?;
    set_traceback(vm, o, Some(tb.clone()))?;
    Ok(o.clone())
}

fn add_note(vm: &Vm, args: Args) -> PyResult {
    let [o, note] = args.exact::<2>(vm, "add_note")?;
    if note.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!("note must be a str, not '{}'", vm.type_name(note))));
    }
    let notes = match vm.get_attr_opt(o, &vm.intern("__notes__"))? {
        Some(n) => n,
        None => {
            let l = vm.new_list(Vec::new());
            vm.set_attr_str(o, "__notes__", l.clone())?;
            l
        }
    };
    vm.call_method(&notes, "append", &[note.clone()])?;
    Ok(vm.none.clone())
}

/// An attribute stored in the instance dict, else derived from `args`.
fn dict_or(
    vm: &Vm,
    o: &PyObjectRef,
    name: &str,
    derive: impl FnOnce(Vec<PyObjectRef>) -> PyObjectRef,
) -> PyResult {
    if let Some(slot) = o.dict_slot() {
        let d = slot.take();
        slot.set(d.clone());
        if let Some(v) = d
            .as_ref()
            .and_then(|d| d.downcast_ref::<super::dict::PyDict>())
            .and_then(|d| d.get_by_str(name))
        {
            return Ok(v);
        }
    }
    Ok(derive(args_of(vm, o)?))
}

fn store_in_dict(vm: &Vm, o: &PyObjectRef, name: &str, v: Option<PyObjectRef>) -> PyResult<()> {
    let d = match o.dict_slot() {
        Some(slot) => {
            let d = slot.take().unwrap_or_else(|| vm.new_dict().into_object());
            slot.set(Some(d.clone()));
            d
        }
        None => return Err(vm.new_attribute_error(name.to_string())),
    };
    let dict = d
        .downcast_ref::<super::dict::PyDict>()
        .ok_or_else(|| vm.new_type_error("bad __dict__"))?;
    match v {
        Some(v) => vm.dict_set_str(dict, name, v),
        None => {
            dict.del_str(&PyStr::new(name));
        }
    }
    Ok(())
}

fn stop_iteration_value(vm: &Vm, o: &PyObjectRef) -> PyResult {
    dict_or(vm, o, "value", |a| {
        a.first().cloned().unwrap_or_else(|| vm.none.clone())
    })
}

fn stop_iteration_set_value(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    store_in_dict(vm, o, "value", v)
}

fn system_exit_code(vm: &Vm, o: &PyObjectRef) -> PyResult {
    dict_or(vm, o, "code", |a| match a.len() {
        0 => vm.none.clone(),
        1 => a[0].clone(),
        _ => vm.new_tuple(a),
    })
}

fn system_exit_set_code(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    store_in_dict(vm, o, "code", v)
}

fn key_error_str(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__str__")?;
    let a = args_of(vm, o)?;
    if a.len() == 1 {
        return Ok(vm.repr(&a[0])?.into_object());
    }
    base_str(vm, args)
}

fn name_error_init(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let mut name = vm.none.clone();
    let mut obj = vm.none.clone();
    for (k, v) in args.kwargs() {
        match k {
            "name" => name = v.clone(),
            "obj" => obj = v.clone(),
            _ => {
                return Err(vm.new_type_error(format!(
                    "'{k}' is an invalid keyword argument for {}()",
                    vm.type_name(&pos[0])
                )))
            }
        }
    }
    base_init(vm, Args::positional(pos))?;
    vm.set_attr_str(&pos[0], "name", name)?;
    if super::typeobj::is_subtype(pos[0].class(), vm.exc.AttributeError.as_object()) {
        vm.set_attr_str(&pos[0], "obj", obj)?;
    }
    Ok(vm.none.clone())
}

fn import_error_init(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let mut name = vm.none.clone();
    let mut path = vm.none.clone();
    for (k, v) in args.kwargs() {
        match k {
            "name" => name = v.clone(),
            "path" => path = v.clone(),
            _ => {
                return Err(vm.new_type_error(format!(
                    "'{k}' is an invalid keyword argument for {}()",
                    vm.type_name(&pos[0])
                )))
            }
        }
    }
    base_init(vm, Args::positional(pos))?;
    vm.set_attr_str(&pos[0], "name", name)?;
    vm.set_attr_str(&pos[0], "path", path)?;
    vm.set_attr_str(
        &pos[0],
        "msg",
        pos.get(1).cloned().unwrap_or_else(|| vm.none.clone()),
    )?;
    Ok(vm.none.clone())
}

fn import_error_str(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__str__")?;
    match vm.get_attr_opt(o, &vm.intern("msg"))? {
        Some(m) if !m.is(&vm.none) => Ok(vm.str(&m)?.into_object()),
        _ => base_str(vm, args),
    }
}

/// The OSError subclass CPython picks for an errno (Linux numbering).
fn os_error_subclass(vm: &Vm, errno: i64) -> Option<&crate::types::typeobj::PyTypeRef> {
    let e = &vm.exc;
    Some(match errno {
        11 | 114 | 115 => &e.BlockingIOError,
        10 => &e.ChildProcessError,
        32 | 108 => &e.BrokenPipeError,
        103 => &e.ConnectionAbortedError,
        111 => &e.ConnectionRefusedError,
        104 => &e.ConnectionResetError,
        17 => &e.FileExistsError,
        2 => &e.FileNotFoundError,
        21 => &e.IsADirectoryError,
        20 => &e.NotADirectoryError,
        4 => &e.InterruptedError,
        1 | 13 => &e.PermissionError,
        3 => &e.ProcessLookupError,
        110 => &e.TimeoutError,
        _ => return None,
    })
}

/// `OSError(errno, strerror, ...)` constructs the subclass for that errno.
fn os_error_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() >= 3 && pos[0].is(vm.exc.OSError.as_object()) {
        let errno = pos[1]
            .downcast_ref::<super::int::PyInt>()
            .and_then(|i| i.value.as_i64());
        if let Some(sub) = errno.and_then(|n| os_error_subclass(vm, n)) {
            let mut v = pos.to_vec();
            v[0] = sub.as_object().clone();
            return base_new(vm, Args::new(&v, &[]));
        }
    }
    base_new(vm, args)
}

fn os_error_init(vm: &Vm, args: Args) -> PyResult {
    base_init(vm, args)?;
    let pos = args.pos();
    let o = &pos[0];
    let (errno, strerror, filename, filename2) = if (3..=6).contains(&pos.len()) || pos.len() == 3 {
        (
            pos[1].clone(),
            pos[2].clone(),
            pos.get(3).cloned(),
            pos.get(5).cloned(),
        )
    } else {
        (vm.none.clone(), vm.none.clone(), None, None)
    };
    vm.set_attr_str(o, "errno", errno)?;
    vm.set_attr_str(o, "strerror", strerror)?;
    vm.set_attr_str(o, "filename", filename.unwrap_or_else(|| vm.none.clone()))?;
    vm.set_attr_str(o, "filename2", filename2.unwrap_or_else(|| vm.none.clone()))?;
    if (3..=5).contains(&pos.len()) {
        let t = vm.new_tuple(pos[1..3].to_vec());
        with_exc(vm, o, |e| *e.args.borrow_mut() = t)?;
    }
    Ok(vm.none.clone())
}

fn os_error_str(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__str__")?;
    let get = |n: &str| {
        vm.get_attr_opt(o, &vm.intern(n))
            .ok()
            .flatten()
            .filter(|v| !v.is(&vm.none))
    };
    if let (Some(errno), Some(strerror)) = (get("errno"), get("strerror")) {
        return Ok(vm.new_str(match (get("filename"), get("filename2")) {
            (Some(f), Some(f2)) => format!(
                "[Errno {}] {}: {} -> {}",
                vm.str_string(&errno)?,
                vm.str_string(&strerror)?,
                vm.repr_string(&f)?,
                vm.repr_string(&f2)?
            ),
            (Some(f), None) => format!(
                "[Errno {}] {}: {}",
                vm.str_string(&errno)?,
                vm.str_string(&strerror)?,
                vm.repr_string(&f)?
            ),
            _ => format!(
                "[Errno {}] {}",
                vm.str_string(&errno)?,
                vm.str_string(&strerror)?
            ),
        }));
    }
    base_str(vm, args)
}

fn syntax_error_init(vm: &Vm, args: Args) -> PyResult {
    base_init(vm, args)?;
    let pos = args.pos();
    let o = &pos[0];
    vm.set_attr_str(
        o,
        "msg",
        pos.get(1).cloned().unwrap_or_else(|| vm.none.clone()),
    )?;
    let details: Vec<PyObjectRef> = match pos.get(2) {
        Some(d) => vm.to_vec(d)?,
        None => Vec::new(),
    };
    let names = [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ];
    for (i, n) in names.iter().enumerate() {
        vm.set_attr_str(
            o,
            n,
            details.get(i).cloned().unwrap_or_else(|| vm.none.clone()),
        )?;
    }
    vm.set_attr_str(o, "print_file_and_line", vm.none.clone())?;
    Ok(vm.none.clone())
}

fn syntax_error_str(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__str__")?;
    let get = |n: &str| {
        vm.get_attr_opt(o, &vm.intern(n))
            .ok()
            .flatten()
            .filter(|v| !v.is(&vm.none))
    };
    let msg = match get("msg") {
        Some(m) => vm.str_string(&m)?,
        None => return base_str(vm, args),
    };
    let file =
        get("filename").and_then(|f| f.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
    let file = file.map(|f| {
        std::path::Path::new(&f)
            .file_name()
            .map(|x| x.to_string_lossy().into_owned())
            .unwrap_or(f)
    });
    let line = get("lineno").and_then(|l| super::int::as_i64(&l));
    Ok(vm.new_str(match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    }))
}

/// `BaseException.__reduce__`: `(type, args)`, plus the instance dict
/// when it holds anything.
fn base_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let a = with_exc(vm, o, |e| e.args.borrow().clone())?;
    let mut v = vec![o.class().clone(), a];
    if let Some(slot) = o.dict_slot() {
        let d = slot.take();
        slot.set(d.clone());
        if let Some(d) = d {
            if d.downcast_ref::<super::dict::PyDict>()
                .is_some_and(|x| x.len() > 0)
            {
                v.push(d);
            }
        }
    }
    Ok(vm.new_tuple(v))
}

/// `BaseException.__setstate__(state)`: set each item as an attribute.
fn base_setstate(vm: &Vm, args: Args) -> PyResult {
    let [o, state] = args.exact::<2>(vm, "__setstate__")?;
    if state.is(&vm.none) {
        return Ok(vm.none.clone());
    }
    let Some(d) = state.downcast_ref::<super::dict::PyDict>() else {
        return Err(vm.new_type_error("state is not a dictionary"));
    };
    for (k, v) in d.items() {
        vm.set_attr(o, &k, v)?;
    }
    Ok(vm.none.clone())
}

pub fn init(vm: &Vm) {
    let b = &vm.types.base_exception;
    vm.add_method(b, "__reduce__", base_reduce);
    vm.add_method(b, "__setstate__", base_setstate);
    vm.add_staticmethod(b, "__new__", base_new);
    vm.add_method(b, "__init__", base_init);
    vm.add_method(b, "__str__", base_str);
    vm.add_method(b, "__repr__", base_repr);
    vm.add_method(b, "with_traceback", with_traceback);
    vm.add_method(b, "add_note", add_note);
    vm.set_type_attr(b, "__dict__", vm.instance_dict_descr(b.as_object()));
    vm.add_getset(b, "args", get_args, Some(set_args));
    vm.add_getset(b, "__traceback__", get_traceback, Some(set_traceback));
    vm.add_getset(b, "__cause__", get_cause, Some(set_cause));
    vm.add_getset(b, "__context__", get_context, Some(set_context));
    vm.add_getset(b, "__suppress_context__", get_suppress, Some(set_suppress));
    let e = &vm.exc;
    vm.add_getset(
        &e.StopIteration,
        "value",
        stop_iteration_value,
        Some(stop_iteration_set_value),
    );
    vm.add_getset(
        &e.SystemExit,
        "code",
        system_exit_code,
        Some(system_exit_set_code),
    );
    vm.add_method(&e.KeyError, "__str__", key_error_str);
    vm.add_method(&e.NameError, "__init__", name_error_init);
    vm.add_method(&e.AttributeError, "__init__", name_error_init);
    vm.add_method(&e.ImportError, "__init__", import_error_init);
    vm.add_method(&e.ImportError, "__str__", import_error_str);
    // Errors raised by the VM itself skip `__init__`; CPython's members read
    // as None until set, so give the class None defaults.
    for attr in ["name", "path", "msg"] {
        vm.set_type_attr(&e.ImportError, attr, vm.none.clone());
    }
    vm.add_staticmethod(&e.OSError, "__new__", os_error_new);
    vm.add_method(&e.OSError, "__init__", os_error_init);
    vm.add_method(&e.OSError, "__str__", os_error_str);
    vm.add_method(&e.SyntaxError, "__init__", syntax_error_init);
    vm.add_method(&e.SyntaxError, "__str__", syntax_error_str);
    for (_, t) in vm.exc.all() {
        vm.set_type_attr(t, "__module__", vm.new_str("builtins"));
    }
}
