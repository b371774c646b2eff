//! Python-visible attributes of functions, bound methods, builtin
//! functions and cells. Mirrors CPython 3.11 `Objects/funcobject.c`,
//! `classobject.c`, `methodobject.c` and `cellobject.c`.

use super::cell::PyCell;
use super::code::PyCodeRef;
use super::dict::PyDict;
use super::function::{PyBoundMethod, PyFunction, PyNativeFunction};
use super::str::PyStr;
use super::tuple::PyTuple;
use super::typeobj::class_of;
use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

fn func<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyFunction> {
    o.downcast_ref::<PyFunction>()
        .ok_or_else(|| vm.new_type_error("expected a function"))
}

fn get_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(func(vm, o)?.name.borrow().clone())
}

fn set_name(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    match v {
        Some(v) if v.downcast_ref::<PyStr>().is_some() => {
            *func(vm, o)?.name.borrow_mut() = v;
            Ok(())
        }
        _ => Err(vm.new_type_error("__name__ must be set to a string object")),
    }
}

fn get_qualname(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(func(vm, o)?.qualname.borrow().clone())
}

fn set_qualname(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    match v {
        Some(v) if v.downcast_ref::<PyStr>().is_some() => {
            *func(vm, o)?.qualname.borrow_mut() = v;
            Ok(())
        }
        _ => Err(vm.new_type_error("__qualname__ must be set to a string object")),
    }
}

fn get_doc(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(func(vm, o)?.doc.borrow().clone())
}

fn set_doc(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    *func(vm, o)?.doc.borrow_mut() = v.unwrap_or_else(|| vm.none.clone());
    Ok(())
}

fn get_module(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(func(vm, o)?.module.borrow().clone())
}

fn set_module(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    *func(vm, o)?.module.borrow_mut() = v.unwrap_or_else(|| vm.none.clone());
    Ok(())
}

fn get_defaults(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(func(vm, o)?
        .defaults
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}

fn set_defaults(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let v = match v {
        Some(v) if v.is(&vm.none) => None,
        Some(v) if v.downcast_ref::<PyTuple>().is_some() => Some(v),
        None => None,
        Some(_) => return Err(vm.new_type_error("__defaults__ must be set to a tuple object")),
    };
    *func(vm, o)?.defaults.borrow_mut() = v;
    Ok(())
}

fn get_kwdefaults(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(func(vm, o)?
        .kwdefaults
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}

fn set_kwdefaults(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let v = match v {
        Some(v) if v.is(&vm.none) => None,
        Some(v) if v.downcast_ref::<PyDict>().is_some() => Some(v),
        None => None,
        Some(_) => return Err(vm.new_type_error("__kwdefaults__ must be set to a dict object")),
    };
    *func(vm, o)?.kwdefaults.borrow_mut() = v;
    Ok(())
}

fn get_code(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(func(vm, o)?.code.borrow().as_object().clone())
}

fn set_code(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let f = func(vm, o)?;
    let Some(c) = v.and_then(|v| v.downcast::<super::code::PyCode>().ok()) else {
        return Err(vm.new_type_error("__code__ must be set to a code object"));
    };
    let c: PyCodeRef = c;
    let nfree = c.nfrees;
    let have = f
        .closure
        .as_ref()
        .and_then(|t| t.downcast_ref::<PyTuple>().map(|t| t.len()))
        .unwrap_or(0);
    if nfree != have {
        return Err(vm.new_value_error(format!(
            "{}() requires a code object with {} free vars, not {}",
            vm.str_string(&f.name.borrow())?,
            have,
            nfree
        )));
    }
    *f.code.borrow_mut() = c;
    Ok(())
}

fn get_globals(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(func(vm, o)?.globals.clone())
}

fn get_builtins(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(func(vm, o)?.builtins.clone())
}

fn get_closure(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(func(vm, o)?
        .closure
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}

fn get_annotations(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let f = func(vm, o)?;
    let cur = f.annotations.borrow().clone();
    match cur {
        Some(a) => Ok(a),
        None => {
            let d = vm.new_dict().into_object();
            *f.annotations.borrow_mut() = Some(d.clone());
            Ok(d)
        }
    }
}

fn set_annotations(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let v = match v {
        Some(v) if v.is(&vm.none) => None,
        Some(v) if v.downcast_ref::<PyDict>().is_some() => Some(v),
        None => None,
        Some(_) => return Err(vm.new_type_error("__annotations__ must be set to a dict object")),
    };
    *func(vm, o)?.annotations.borrow_mut() = v;
    Ok(())
}

fn func_get(vm: &Vm, args: Args) -> PyResult {
    let [f, obj, _owner] = args.range::<3>(vm, "__get__", 2)?;
    let (f, obj) = (f.expect("min"), obj.expect("min"));
    if obj.is(&vm.none) {
        return Ok(f.clone());
    }
    Ok(vm.alloc(
        PyBoundMethod {
            func: f.clone(),
            self_: obj.clone(),
        },
        &vm.types.method,
    ))
}

fn call_self(vm: &Vm, args: Args) -> PyResult {
    vm.call_kw(&args.all[0], &args.all[1..], args.kwnames)
}

// ----- bound methods --------------------------------------------------------

fn method<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyBoundMethod> {
    o.downcast_ref::<PyBoundMethod>()
        .ok_or_else(|| vm.new_type_error("expected a method"))
}

fn method_func(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(method(vm, o)?.func.clone())
}

fn method_self(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(method(vm, o)?.self_.clone())
}

/// `method.__reduce__`: `getattr(self, func.__name__)`.
fn method_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let m = method(vm, o)?;
    let name = vm.get_attr(&m.func, &vm.names.__name__)?;
    let getattr = vm
        .builtins
        .get_by_str("getattr")
        .ok_or_else(|| vm.new_attribute_error("getattr"))?;
    Ok(vm.new_tuple(vec![getattr, vm.new_tuple(vec![m.self_.clone(), name])]))
}

fn method_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let m = method(vm, o)?;
    let name = match vm.get_attr_opt(&m.func, &vm.names.__qualname__)? {
        Some(n) => vm.str_string(&n)?,
        None => "?".into(),
    };
    Ok(vm.new_str(format!(
        "<bound method {} of {}>",
        name,
        vm.repr_string(&m.self_)?
    )))
}

fn method_eq(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    let (Some(x), Some(y)) = (
        a.downcast_ref::<PyBoundMethod>(),
        b.downcast_ref::<PyBoundMethod>(),
    ) else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(x.self_.is(&y.self_) && vm.eq_bool(&x.func, &y.func)?))
}

fn method_hash(vm: &Vm, args: Args) -> PyResult {
    let [a] = args.exact::<1>(vm, "__hash__")?;
    let m = method(vm, a)?;
    let h = crate::protocol::hash::hash_pointer(m.self_.id()) ^ vm.hash(&m.func)?;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

/// `__doc__` of a bound method is its function's.
fn method_doc(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let f = method(vm, o)?.func.clone();
    vm.get_attr(&f, &vm.intern("__doc__"))
}

/// `types.MethodType(function, instance)`, with CPython's checks.
fn method_new(vm: &Vm, args: Args) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error("method() takes no keyword arguments"));
    }
    let pos = args.pos().get(1..).unwrap_or(&[]);
    if pos.len() != 2 {
        return Err(vm.new_type_error(format!("method expected 2 arguments, got {}", pos.len())));
    }
    if !vm.is_callable(&pos[0]) {
        return Err(vm.new_type_error("first argument must be callable"));
    }
    if pos[1].is(&vm.none) {
        return Err(vm.new_type_error("instance must not be None"));
    }
    Ok(vm.alloc(
        PyBoundMethod {
            func: pos[0].clone(),
            self_: pos[1].clone(),
        },
        &vm.types.method,
    ))
}

/// Bound methods forward unknown attributes to the function.
fn method_getattro(vm: &Vm, o: &PyObjectRef, name: &PyObjectRef) -> PyResult {
    match vm.generic_getattr(o, name, true) {
        Ok(v) => Ok(v),
        Err(e) if vm.exc_matches(&e, &vm.exc.AttributeError) => {
            let f = method(vm, o)?.func.clone();
            vm.get_attr(&f, name)
        }
        Err(e) => Err(e),
    }
}

// ----- builtin functions -----------------------------------------------------

fn native<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyNativeFunction> {
    o.downcast_ref::<PyNativeFunction>()
        .ok_or_else(|| vm.new_type_error("expected a builtin function"))
}

fn native_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(native(vm, o)?.name))
}

fn native_qualname(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let f = native(vm, o)?;
    Ok(match &f.self_ {
        Some(s) if s.downcast_ref::<super::module::PyModule>().is_none() => {
            let tn = if let Some(t) = super::typeobj::as_type(s) {
                t.ext.name()
            } else {
                vm.type_name(s)
            };
            vm.new_str(format!("{}.{}", tn, f.name))
        }
        _ => vm.new_str(f.name),
    })
}

fn native_self(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let f = native(vm, o)?;
    Ok(match &f.self_ {
        Some(s) => s.clone(),
        None => match f.module {
            Some(m) => vm.modules.get_by_str(m).unwrap_or_else(|| vm.none.clone()),
            None => vm.none.clone(),
        },
    })
}

fn native_module(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let f = native(vm, o)?;
    Ok(match f.module {
        Some(m) => vm.new_str(m),
        None => vm.none.clone(),
    })
}

fn native_doc(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let f = native(vm, o)?;
    Ok(super::descr_methods::doc_part(
        vm,
        f.name,
        f.doc.get(),
        false,
    ))
}

fn native_text_signature(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let f = native(vm, o)?;
    Ok(super::descr_methods::doc_part(
        vm,
        f.name,
        f.doc.get(),
        true,
    ))
}

/// `__objclass__` of a method-wrapper: the class defining the slot.
fn wrapper_objclass(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let f = native(vm, o)?;
    let Some(s) = &f.self_ else {
        return Ok(vm.none.clone());
    };
    for c in class_of(s).ext.mro.borrow().iter() {
        if super::typeobj::as_type(c).is_some_and(|t| t.ext.dict.get_by_str(f.name).is_some()) {
            return Ok(c.clone());
        }
    }
    Ok(s.class().clone())
}

fn wrapper_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let f = native(vm, o)?;
    let (tn, id) = match &f.self_ {
        Some(s) => (vm.type_name(s).to_string(), s.id()),
        None => ("NoneType".to_string(), vm.none.id()),
    };
    Ok(vm.new_str(format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        f.name, tn, id
    )))
}

fn native_eq(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    let (Some(x), Some(y)) = (
        a.downcast_ref::<PyNativeFunction>(),
        b.downcast_ref::<PyNativeFunction>(),
    ) else {
        return Ok(vm.not_implemented.clone());
    };
    let same_self = match (&x.self_, &y.self_) {
        (Some(p), Some(q)) => p.is(q),
        (None, None) => true,
        _ => false,
    };
    Ok(vm.new_bool(same_self && x.func as usize == y.func as usize))
}

fn native_hash(vm: &Vm, args: Args) -> PyResult {
    let [a] = args.exact::<1>(vm, "__hash__")?;
    let f = native(vm, a)?;
    let h = (f.func as usize as i64) ^ f.self_.as_ref().map(|s| s.id() as i64).unwrap_or(0);
    Ok(vm.new_int(crate::protocol::hash::hash_pointer(h as usize)))
}

/// `(getattr, (owner, name))`: how bound builtins and descriptors pickle
/// (CPython reduces them to an attribute lookup on their owner).
pub(crate) fn reduce_to_getattr(vm: &Vm, owner: PyObjectRef, name: &str) -> PyResult {
    let getattr = vm
        .builtins
        .get_by_str("getattr")
        .ok_or_else(|| vm.new_attribute_error("getattr"))?;
    Ok(vm.new_tuple(vec![getattr, vm.new_tuple(vec![owner, vm.new_str(name)])]))
}

/// `builtin_function_or_method.__reduce__`: the bare name for a
/// module-level function (pickled as a global), else a getattr on the
/// object it is bound to.
fn native_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let f = native(vm, o)?;
    match &f.self_ {
        Some(s) if s.downcast_ref::<super::module::PyModule>().is_none() => {
            reduce_to_getattr(vm, s.clone(), f.name)
        }
        _ => Ok(vm.new_str(f.name)),
    }
}

/// `method-wrapper.__reduce__`: a getattr on the bound object.
fn wrapper_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let f = native(vm, o)?;
    let owner = f.self_.clone().unwrap_or_else(|| vm.none.clone());
    reduce_to_getattr(vm, owner, f.name)
}

// ----- cells ---------------------------------------------------------------

fn cell_contents(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let c = o
        .downcast_ref::<PyCell>()
        .ok_or_else(|| vm.new_type_error("expected a cell"))?;
    c.get().ok_or_else(|| vm.new_value_error("Cell is empty"))
}

fn cell_set_contents(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let c = o
        .downcast_ref::<PyCell>()
        .ok_or_else(|| vm.new_type_error("expected a cell"))?;
    c.set(v);
    Ok(())
}

fn cell_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let c = o
        .downcast_ref::<PyCell>()
        .ok_or_else(|| vm.new_type_error("expected a cell"))?;
    Ok(vm.new_str(match c.get() {
        Some(v) => format!(
            "<cell at {:#x}: {} object at {:#x}>",
            o.id(),
            vm.type_name(&v),
            v.id()
        ),
        None => format!("<cell at {:#x}: empty>", o.id()),
    }))
}

/// `types.FunctionType(code, globals, name=None, argdefs=None,
/// closure=None)`, with CPython's checks and messages (`func_new_impl`).
fn function_new(vm: &Vm, args: Args) -> PyResult {
    let names = ["code", "globals", "name", "argdefs", "closure"];
    let args = args.shift();
    let given = args.pos().len() + args.kwvals().len();
    if given > names.len() {
        return Err(vm.new_type_error(format!(
            "function() takes at most 5 arguments ({given} given)"
        )));
    }
    let [code, globals, name, argdefs, closure] = args.bind(vm, "function", names, 2, 0, 5)?;
    let (Some(code), Some(globals)) = (code, globals) else {
        return Err(vm.new_type_error("function() missing required argument"));
    };
    let Some(co) = code.downcast_ref::<super::code::PyCode>() else {
        return Err(vm.new_type_error(format!(
            "function() argument 'code' must be code, not {}",
            vm.type_name(code)
        )));
    };
    if globals.downcast_ref::<PyDict>().is_none() {
        return Err(vm.new_type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            vm.type_name(globals)
        )));
    }
    let given = |o: Option<&PyObjectRef>| o.filter(|o| !o.is(&vm.none)).cloned();
    let (name, argdefs, closure) = (given(name), given(argdefs), given(closure));
    if name
        .as_ref()
        .is_some_and(|n| n.downcast_ref::<PyStr>().is_none())
    {
        return Err(vm.new_type_error("arg 3 (name) must be None or string"));
    }
    if argdefs
        .as_ref()
        .is_some_and(|d| d.downcast_ref::<PyTuple>().is_none())
    {
        return Err(vm.new_type_error("arg 4 (defaults) must be None or tuple"));
    }
    let nfree = co.code.nfreevars();
    let cells = match &closure {
        None if nfree > 0 => return Err(vm.new_type_error("arg 5 (closure) must be tuple")),
        None => &[][..],
        Some(c) => match c.downcast_ref::<PyTuple>() {
            Some(t) => t.as_slice(),
            None => return Err(vm.new_type_error("arg 5 (closure) must be None or tuple")),
        },
    };
    if cells.len() != nfree {
        return Err(vm.new_value_error(format!(
            "{} requires closure of length {}, not {}",
            co.code.name,
            nfree,
            cells.len()
        )));
    }
    if let Some(bad) = cells.iter().find(|c| c.downcast_ref::<PyCell>().is_none()) {
        return Err(vm.new_type_error(format!(
            "arg 5 (closure) expected cell, found {}",
            vm.type_name(bad)
        )));
    }
    let builtins = crate::eval::ops::call::builtins_for(vm, globals);
    let closure = closure.filter(|_| nfree > 0);
    let func =
        crate::eval::ops::call::new_function(vm, code.clone(), globals.clone(), builtins, closure)?;
    if let Some(pf) = func.downcast_ref::<PyFunction>() {
        if let Some(n) = name {
            *pf.name.borrow_mut() = n;
        }
        *pf.defaults.borrow_mut() = argdefs;
    }
    Ok(func)
}

fn cell_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    Ok(vm.alloc(PyCell::new(pos.get(1).cloned()), &vm.types.cell))
}

pub fn init(vm: &Vm) {
    let f = &vm.types.function;
    vm.add_getset(f, "__name__", get_name, Some(set_name));
    vm.add_getset(f, "__qualname__", get_qualname, Some(set_qualname));
    vm.add_getset(f, "__doc__", get_doc, Some(set_doc));
    vm.add_getset(f, "__module__", get_module, Some(set_module));
    vm.add_getset(f, "__defaults__", get_defaults, Some(set_defaults));
    vm.add_getset(f, "__kwdefaults__", get_kwdefaults, Some(set_kwdefaults));
    vm.add_getset(f, "__code__", get_code, Some(set_code));
    vm.add_getset(f, "__globals__", get_globals, None);
    vm.add_getset(f, "__builtins__", get_builtins, None);
    vm.add_getset(f, "__closure__", get_closure, None);
    vm.add_getset(f, "__annotations__", get_annotations, Some(set_annotations));
    vm.set_type_attr(f, "__dict__", vm.instance_dict_descr(f.as_object()));
    vm.add_staticmethod(f, "__new__", function_new);
    vm.add_method(f, "__get__", func_get);
    vm.add_method(f, "__call__", call_self);

    let m = &vm.types.method;
    vm.add_getset(m, "__func__", method_func, None);
    vm.add_getset(m, "__self__", method_self, None);
    vm.add_getset(m, "__doc__", method_doc, None);
    vm.add_staticmethod(m, "__new__", method_new);
    vm.add_method(m, "__repr__", method_repr);
    vm.add_method(m, "__reduce__", method_reduce);
    vm.add_method(m, "__eq__", method_eq);
    vm.add_method(m, "__hash__", method_hash);
    vm.add_method(m, "__call__", call_self);
    m.ext.getattro.set(Some(method_getattro));

    let b = &vm.types.builtin_function;
    vm.add_getset(b, "__name__", native_name, None);
    vm.add_getset(b, "__qualname__", native_qualname, None);
    vm.add_getset(b, "__self__", native_self, None);
    vm.add_getset(b, "__module__", native_module, None);
    vm.add_getset(b, "__doc__", native_doc, None);
    vm.add_getset(b, "__text_signature__", native_text_signature, None);
    vm.add_method(b, "__eq__", native_eq);
    vm.add_method(b, "__hash__", native_hash);
    vm.add_method(b, "__call__", call_self);
    vm.add_method(b, "__reduce__", native_reduce);

    let w = &vm.types.method_wrapper;
    vm.add_getset(w, "__name__", native_name, None);
    vm.add_getset(w, "__qualname__", native_qualname, None);
    vm.add_getset(w, "__self__", native_self, None);
    vm.add_getset(w, "__objclass__", wrapper_objclass, None);
    vm.add_getset(w, "__doc__", native_doc, None);
    vm.add_getset(w, "__text_signature__", native_text_signature, None);
    vm.add_method(w, "__repr__", wrapper_repr);
    vm.add_method(w, "__eq__", native_eq);
    vm.add_method(w, "__hash__", native_hash);
    vm.add_method(w, "__call__", call_self);
    vm.add_method(w, "__reduce__", wrapper_reduce);

    let c = &vm.types.cell;
    vm.add_staticmethod(c, "__new__", cell_new);
    vm.add_getset(c, "cell_contents", cell_contents, Some(cell_set_contents));
    vm.add_method(c, "__repr__", cell_repr);
    let _ = class_of;
}
