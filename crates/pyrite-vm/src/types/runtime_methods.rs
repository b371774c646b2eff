//! Python-visible attributes of runtime objects: frames, tracebacks, code
//! objects, modules, `types.SimpleNamespace`, and `sys.version_info`.
//! Mirrors CPython 3.11 `Objects/frameobject.c`, `Python/traceback.c`,
//! `Objects/codeobject.c`, `Objects/moduleobject.c` and
//! `Objects/namespaceobject.c`.

use super::code::PyCode;
use super::dict::PyDict;
use super::exceptions::PyTraceback;
use super::module::PyModule;
use super::str::PyStr;
use super::tuple::PyTuple;
use crate::args::Args;
use crate::eval::frame::PyFrameObject;
use crate::{PyObjectRef, PyResult, Vm};

fn tb<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyTraceback> {
    o.downcast_ref::<PyTraceback>()
        .ok_or_else(|| vm.new_type_error("expected a traceback"))
}

fn tb_frame(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(tb(vm, o)?.frame.clone())
}
fn tb_lineno(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(tb(vm, o)?
        .lineno
        .map(|l| vm.new_int(l as i64))
        .unwrap_or_else(|| vm.none.clone()))
}
fn tb_lasti(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(tb(vm, o)?.lasti as i64))
}
fn tb_next(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(tb(vm, o)?
        .next
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}
fn tb_set_next(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let v = v.filter(|v| !v.is(&vm.none));
    if let Some(n) = &v {
        if n.downcast_ref::<PyTraceback>().is_none() {
            return Err(vm.new_type_error(format!(
                "expected traceback object or None, got '{}'",
                vm.type_name(n)
            )));
        }
    }
    *tb(vm, o)?.next.borrow_mut() = v;
    Ok(())
}

fn frame<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyFrameObject> {
    o.downcast_ref::<PyFrameObject>()
        .ok_or_else(|| vm.new_type_error("expected a frame"))
}
fn f_code(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(frame(vm, o)?.code.clone())
}
fn f_globals(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(frame(vm, o)?.globals.clone())
}
fn f_builtins(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(frame(vm, o)?.builtins.clone())
}
fn f_lineno(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(frame(vm, o)?.position(vm).1 as i64))
}
fn f_lasti(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(frame(vm, o)?.position(vm).0 as i64))
}
fn f_back(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(frame(vm, o)?
        .back
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}
fn f_locals(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let f = frame(vm, o)?;
    let l = f.locals.borrow().clone();
    Ok(match l {
        Some(l) => l,
        None => {
            let d = vm.new_dict().into_object();
            *f.locals.borrow_mut() = Some(d.clone());
            d
        }
    })
}
fn frame_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let f = frame(vm, o)?;
    let (file, name) = match f.code.downcast_ref::<PyCode>() {
        Some(c) => (c.code.filename.to_string(), c.code.name.to_string()),
        None => ("?".into(), "?".into()),
    };
    Ok(vm.new_str(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o.id(),
        file,
        f.lineno.get(),
        name
    )))
}

fn code<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyCode> {
    o.downcast_ref::<PyCode>()
        .ok_or_else(|| vm.new_type_error("expected a code object"))
}
fn strs(vm: &Vm, v: Vec<std::rc::Rc<str>>) -> PyObjectRef {
    vm.new_tuple(v.iter().map(|s| vm.intern(s)).collect())
}
fn co_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(code(vm, o)?.name_obj.clone())
}
fn co_qualname(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(code(vm, o)?.qualname_obj.clone())
}
fn co_filename(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(code(vm, o)?.filename_obj.clone())
}
fn co_firstlineno(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(code(vm, o)?.code.firstlineno as i64))
}
fn co_argcount(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(code(vm, o)?.code.argcount as i64))
}
fn co_posonlyargcount(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(code(vm, o)?.code.posonlyargcount as i64))
}
fn co_kwonlyargcount(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(code(vm, o)?.code.kwonlyargcount as i64))
}
fn co_nlocals(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(code(vm, o)?.code.nlocals() as i64))
}
fn co_stacksize(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(code(vm, o)?.code.stacksize as i64))
}
fn co_flags(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(code(vm, o)?.code.flags as i64))
}
fn co_code(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.alloc(
        super::bytes::PyBytes::new(code(vm, o)?.code.code.clone()),
        &vm.types.bytes,
    ))
}
fn co_linetable(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.alloc(
        super::bytes::PyBytes::new(code(vm, o)?.code.linetable.clone()),
        &vm.types.bytes,
    ))
}
fn co_exceptiontable(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.alloc(
        super::bytes::PyBytes::new(code(vm, o)?.code.exceptiontable.clone()),
        &vm.types.bytes,
    ))
}
fn co_consts(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_tuple(code(vm, o)?.consts.to_vec()))
}
fn co_names(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_tuple(code(vm, o)?.names.to_vec()))
}
fn co_varnames(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(strs(vm, code(vm, o)?.code.varnames()))
}
fn co_cellvars(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(strs(vm, code(vm, o)?.code.cellvars()))
}
fn co_freevars(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(strs(vm, code(vm, o)?.code.freevars()))
}
fn code_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let c = code(vm, o)?;
    Ok(vm.new_str(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.code.name,
        o.id(),
        c.code.filename,
        c.code.firstlineno
    )))
}
fn code_lines(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "co_lines")?;
    let c = code(vm, o)?;
    let items = pyrite_bytecode::linetable::lines(&c.code)
        .into_iter()
        .map(|(s, e, l)| {
            vm.new_tuple(vec![
                vm.new_int(s as i64),
                vm.new_int(e as i64),
                l.map(|l| vm.new_int(l as i64))
                    .unwrap_or_else(|| vm.none.clone()),
            ])
        })
        .collect();
    let l = vm.new_list(items);
    vm.iter(&l)
}

fn module_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let d = vm.new_dict();
    Ok(vm.try_alloc(PyModule { dict: d }, cls)?.into_object())
}
fn module_init(vm: &Vm, args: Args) -> PyResult {
    let [m, name, doc] = args.bind(vm, "module", ["self", "name", "doc"], 2, 1, 3)?;
    let m = m.expect("self");
    let pm = m
        .downcast_ref::<PyModule>()
        .ok_or_else(|| vm.new_type_error("expected a module"))?;
    let name = name.expect("required");
    if name.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            vm.type_name(name)
        )));
    }
    vm.dict_set_str(&pm.dict, "__name__", name.clone());
    vm.dict_set_str(
        &pm.dict,
        "__doc__",
        doc.cloned().unwrap_or_else(|| vm.none.clone()),
    );
    for n in ["__package__", "__loader__", "__spec__"] {
        if pm.dict.get_by_str(n).is_none() {
            vm.dict_set_str(&pm.dict, n, vm.none.clone());
        }
    }
    Ok(vm.none.clone())
}
fn module_dict(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(o.downcast_ref::<PyModule>()
        .ok_or_else(|| vm.new_type_error("expected a module"))?
        .dict
        .as_object()
        .clone())
}
fn module_dir(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__dir__")?;
    let m = o
        .downcast_ref::<PyModule>()
        .ok_or_else(|| vm.new_type_error("expected a module"))?;
    if let Some(f) = m.dict.get_by_str("__dir__") {
        return vm.call(&f, &[]);
    }
    Ok(vm.new_list(m.dict.keys()))
}

fn ns_init(vm: &Vm, args: Args) -> PyResult {
    let o = &args.pos()[0];
    if args.pos().len() > 1 {
        return Err(vm.new_type_error(format!("no positional arguments expected")));
    }
    for (k, v) in args.kwargs() {
        vm.set_attr_str(o, k, v.clone())?;
    }
    Ok(vm.none.clone())
}
fn ns_items(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<(PyObjectRef, PyObjectRef)>> {
    let d = vm.get_attr(o, &vm.names.__dict__)?;
    Ok(d.downcast_ref::<PyDict>()
        .map(|d| d.items())
        .unwrap_or_default())
}
/// `SimpleNamespace.__reduce__`: `(type(self), (), self.__dict__)`.
fn ns_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let d = vm.get_attr_str(o, "__dict__")?;
    Ok(vm.new_tuple(vec![o.class().clone(), vm.empty_tuple.clone(), d]))
}

fn ns_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let name = if o.class().is(vm.types.simple_namespace.as_object()) {
        "namespace".to_string()
    } else {
        vm.type_name(o).to_string()
    };
    let Some(_g) = crate::protocol::repr::ReprGuard::enter(o) else {
        return Ok(vm.new_str(format!("{name}(...)")));
    };
    let mut parts = Vec::new();
    for (k, v) in ns_items(vm, o)? {
        parts.push(format!("{}={}", vm.str_string(&k)?, vm.repr_string(&v)?));
    }
    Ok(vm.new_str(format!("{}({})", name, parts.join(", "))))
}
fn ns_eq(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    if !vm.isinstance(b, vm.types.simple_namespace.as_object())? {
        return Ok(vm.not_implemented.clone());
    }
    let da = vm.get_attr(a, &vm.names.__dict__)?;
    let db = vm.get_attr(b, &vm.names.__dict__)?;
    vm.rich_compare(&da, &db, crate::protocol::compare::CompareOp::Eq)
}

fn vi_field(vm: &Vm, o: &PyObjectRef, i: usize) -> PyResult {
    o.downcast_ref::<PyTuple>()
        .and_then(|t| t.items.get(i).cloned())
        .ok_or_else(|| vm.new_type_error("bad version_info"))
}
fn vi_major(vm: &Vm, o: &PyObjectRef) -> PyResult {
    vi_field(vm, o, 0)
}
fn vi_minor(vm: &Vm, o: &PyObjectRef) -> PyResult {
    vi_field(vm, o, 1)
}
fn vi_micro(vm: &Vm, o: &PyObjectRef) -> PyResult {
    vi_field(vm, o, 2)
}
fn vi_level(vm: &Vm, o: &PyObjectRef) -> PyResult {
    vi_field(vm, o, 3)
}
fn vi_serial(vm: &Vm, o: &PyObjectRef) -> PyResult {
    vi_field(vm, o, 4)
}
fn vi_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let f = |i| vi_field(vm, o, i).and_then(|v| vm.repr_string(&v));
    Ok(vm.new_str(format!(
        "sys.version_info(major={}, minor={}, micro={}, releaselevel={}, serial={})",
        f(0)?,
        f(1)?,
        f(2)?,
        f(3)?,
        f(4)?
    )))
}

/// `sys.version_info` and `sys.implementation`.
pub fn sys_values(vm: &Vm) -> (PyObjectRef, PyObjectRef) {
    let vi = vm.alloc(
        PyTuple::new(vec![
            vm.new_int(3),
            vm.new_int(11),
            vm.new_int(7),
            vm.new_str("final"),
            vm.new_int(0),
        ]),
        &vm.types.version_info,
    );
    let imp = vm.alloc(
        super::object::PyInstance::default(),
        &vm.types.simple_namespace,
    );
    let _ = vm.set_attr_str(&imp, "name", vm.new_str("pyrite"));
    let _ = vm.set_attr_str(&imp, "cache_tag", vm.new_str("pyrite-311"));
    let _ = vm.set_attr_str(&imp, "version", vi.clone());
    let _ = vm.set_attr_str(&imp, "hexversion", vm.new_int(0x030B07F0));
    let _ = vm.set_attr_str(&imp, "_multiarch", vm.new_str("x86_64-linux-gnu"));
    (vi, imp)
}

pub fn init(vm: &Vm) {
    let t = &vm.types.traceback;
    vm.add_getset(t, "tb_frame", tb_frame, None);
    vm.add_getset(t, "tb_lineno", tb_lineno, None);
    vm.add_getset(t, "tb_lasti", tb_lasti, None);
    vm.add_getset(t, "tb_next", tb_next, Some(tb_set_next));
    let f = &vm.types.frame;
    vm.add_getset(f, "f_code", f_code, None);
    vm.add_getset(f, "f_globals", f_globals, None);
    vm.add_getset(f, "f_builtins", f_builtins, None);
    vm.add_getset(f, "f_lineno", f_lineno, None);
    vm.add_getset(f, "f_lasti", f_lasti, None);
    vm.add_getset(f, "f_back", f_back, None);
    vm.add_getset(f, "f_locals", f_locals, None);
    vm.add_method(f, "__repr__", frame_repr);
    let c = &vm.types.code;
    vm.add_getset(c, "co_name", co_name, None);
    vm.add_getset(c, "co_qualname", co_qualname, None);
    vm.add_getset(c, "co_filename", co_filename, None);
    vm.add_getset(c, "co_firstlineno", co_firstlineno, None);
    vm.add_getset(c, "co_argcount", co_argcount, None);
    vm.add_getset(c, "co_posonlyargcount", co_posonlyargcount, None);
    vm.add_getset(c, "co_kwonlyargcount", co_kwonlyargcount, None);
    vm.add_getset(c, "co_nlocals", co_nlocals, None);
    vm.add_getset(c, "co_stacksize", co_stacksize, None);
    vm.add_getset(c, "co_flags", co_flags, None);
    vm.add_getset(c, "co_code", co_code, None);
    vm.add_getset(c, "co_linetable", co_linetable, None);
    vm.add_getset(c, "co_exceptiontable", co_exceptiontable, None);
    vm.add_getset(c, "co_consts", co_consts, None);
    vm.add_getset(c, "co_names", co_names, None);
    vm.add_getset(c, "co_varnames", co_varnames, None);
    vm.add_getset(c, "co_cellvars", co_cellvars, None);
    vm.add_getset(c, "co_freevars", co_freevars, None);
    vm.add_method(c, "__repr__", code_repr);
    vm.add_method(c, "co_lines", code_lines);
    let m = &vm.types.module;
    vm.add_staticmethod(m, "__new__", module_new);
    vm.add_method(m, "__init__", module_init);
    vm.add_getset(m, "__dict__", module_dict, None);
    vm.add_method(m, "__dir__", module_dir);
    let n = &vm.types.simple_namespace;
    vm.add_method(n, "__init__", ns_init);
    vm.add_method(n, "__repr__", ns_repr);
    vm.add_method(n, "__eq__", ns_eq);
    vm.add_method(n, "__reduce__", ns_reduce);
    vm.set_type_attr(n, "__dict__", vm.instance_dict_descr(n.as_object()));
    vm.set_type_attr(n, "__module__", vm.new_str("types"));
    vm.set_type_attr(n, "__hash__", vm.none.clone());
    let v = &vm.types.version_info;
    vm.add_getset(v, "major", vi_major, None);
    vm.add_getset(v, "minor", vi_minor, None);
    vm.add_getset(v, "micro", vi_micro, None);
    vm.add_getset(v, "releaselevel", vi_level, None);
    vm.add_getset(v, "serial", vi_serial, None);
    vm.add_method(v, "__repr__", vi_repr);
    vm.set_type_attr(v, "__module__", vm.new_str("sys"));
}
