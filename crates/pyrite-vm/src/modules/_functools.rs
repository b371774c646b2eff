//! The `_functools` module: `reduce`, the `partial` type (flattening nested
//! partials, repr, pickling state) and `cmp_to_key` (`functools.KeyWrapper`).
//! `functools.py` keeps its pure-Python `lru_cache`, which needs nothing
//! from here. Mirrors CPython 3.11 `Modules/_functoolsmodule.c`.

use std::cell::RefCell;

use super::itertools::parse_kw;
use super::type_cache::{native_type, DICT, GC, WEAK};
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::protocol::repr::ReprGuard;
use crate::types::dict::PyDict;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::{class_of, PyTypeRef};
use crate::{Payload, PyObjectRef, PyResult, Vm};

// ----- reduce ---------------------------------------------------------------

fn reduce(vm: &Vm, args: Args) -> PyResult {
    let [func, seq, initial] = args.range::<3>(vm, "reduce", 2)?;
    let (func, seq) = (func.unwrap_or(&vm.none), seq.unwrap_or(&vm.none));
    let it = vm.iter(seq).map_err(|e| {
        if vm.exc_matches(&e, &vm.exc.TypeError) {
            vm.new_type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = initial.cloned();
    while let Some(v) = vm.next(&it)? {
        acc = Some(match acc {
            None => v,
            Some(a) => vm.call(func, &[a, v])?,
        });
    }
    acc.ok_or_else(|| vm.new_type_error("reduce() of empty iterable with no initial value"))
}

// ----- partial --------------------------------------------------------------

pub struct Partial {
    func: RefCell<PyObjectRef>,
    /// A tuple.
    args: RefCell<PyObjectRef>,
    /// A dict.
    keywords: RefCell<PyObjectRef>,
}

impl Payload for Partial {
    pyrite_core::unique_vtable!(Partial);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        for c in [&self.func, &self.args, &self.keywords] {
            if let Ok(v) = c.try_borrow() {
                visit(&v);
            }
        }
    }
}

fn partial_type(vm: &Vm) -> PyTypeRef {
    native_type::<Partial>(
        vm,
        "functools",
        "partial",
        None,
        GC | DICT | WEAK,
        init_partial,
    )
}

fn tuple_items(o: &PyObjectRef) -> Vec<PyObjectRef> {
    o.downcast_ref::<PyTuple>()
        .map(|t| t.as_slice().to_vec())
        .unwrap_or_default()
}

fn dict_items(o: &PyObjectRef) -> Vec<(PyObjectRef, PyObjectRef)> {
    o.downcast_ref::<PyDict>()
        .map(|d| d.items())
        .unwrap_or_default()
}

fn partial_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("partial.__new__ needs a class"))?;
    let pos = &args.pos()[1..];
    let Some(func) = pos.first() else {
        return Err(vm.new_type_error("type 'partial' takes at least one argument"));
    };
    if !vm.is_callable(func) {
        return Err(vm.new_type_error("the first argument must be callable"));
    }
    let (mut func, mut pargs, kw) = (func.clone(), Vec::new(), vm.new_dict());
    // Flatten partial(partial(f, a), b) into partial(f, a, b) unless the
    // inner one carries instance attributes.
    if let Some(inner) = func.downcast_ref::<Partial>() {
        let has_dict = func.dict_slot().map(|s| {
            let v = s.take();
            let non_empty = v
                .as_ref()
                .and_then(|d| d.downcast_ref::<PyDict>().map(|d| d.len() > 0))
                .unwrap_or(false);
            s.set(v);
            non_empty
        });
        if !has_dict.unwrap_or(false) {
            pargs = tuple_items(&inner.args.borrow());
            for (k, v) in dict_items(&inner.keywords.borrow()) {
                kw.set_item(vm, k, v)?;
            }
            let f = inner.func.borrow().clone();
            func = f;
        }
    }
    pargs.extend_from_slice(&pos[1..]);
    for (k, v) in args.kwargs() {
        kw.set_item(vm, vm.new_str(k), v.clone())?;
    }
    let p = Partial {
        func: RefCell::new(func),
        args: RefCell::new(vm.new_tuple(pargs)),
        keywords: RefCell::new(kw.into_object()),
    };
    Ok(vm.try_alloc(p, cls)?.into_object())
}

fn this<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Partial> {
    o.downcast_ref::<Partial>()
        .ok_or_else(|| vm.new_type_error("partial object expected"))
}

fn partial_call(vm: &Vm, args: Args) -> PyResult {
    let me = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("partial.__call__ needs an argument"))?;
    let p = this(vm, me)?;
    let func = p.func.borrow().clone();
    let mut all = tuple_items(&p.args.borrow());
    all.extend_from_slice(&args.pos()[1..]);
    let stored = dict_items(&p.keywords.borrow());
    if stored.is_empty() {
        all.extend_from_slice(args.kwvals());
        return vm.call_kw(&func, &all, args.kwnames);
    }
    let merged = vm.new_dict();
    for (k, v) in stored {
        merged.set_item(vm, k, v)?;
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvals()) {
        merged.set_item(vm, k.clone(), v.clone())?;
    }
    let mut names = Vec::new();
    for (k, v) in merged.items() {
        names.push(k);
        all.push(v);
    }
    vm.call_kw(&func, &all, &names)
}

fn partial_repr(vm: &Vm, args: Args) -> PyResult {
    let [me] = args.exact::<1>(vm, "__repr__")?;
    let p = this(vm, me)?;
    let cls = class_of(me);
    let name = if cls.ext.heap {
        cls.ext.name().to_string()
    } else {
        format!("functools.{}", cls.ext.name())
    };
    let Some(_g) = ReprGuard::enter(me) else {
        return Ok(vm.new_str("..."));
    };
    let func = p.func.borrow().clone();
    let mut parts = vec![vm.repr_string(&func)?];
    for a in tuple_items(&p.args.borrow()) {
        parts.push(vm.repr_string(&a)?);
    }
    for (k, v) in dict_items(&p.keywords.borrow()) {
        parts.push(format!("{}={}", vm.str_string(&k)?, vm.repr_string(&v)?));
    }
    Ok(vm.new_str(format!("{name}({})", parts.join(", "))))
}

fn get_func(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(this(vm, o)?.func.borrow().clone())
}

fn get_args(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(this(vm, o)?.args.borrow().clone())
}

fn get_keywords(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(this(vm, o)?.keywords.borrow().clone())
}

fn inst_dict(vm: &Vm, o: &PyObjectRef) -> PyObjectRef {
    match o.dict_slot() {
        Some(s) => {
            let v = s.take();
            s.set(v.clone());
            v.unwrap_or_else(|| vm.none.clone())
        }
        None => vm.none.clone(),
    }
}

fn partial_reduce(vm: &Vm, args: Args) -> PyResult {
    let [me] = args.exact::<1>(vm, "__reduce__")?;
    let p = this(vm, me)?;
    let func = p.func.borrow().clone();
    let kw = p.keywords.borrow().clone();
    let d = inst_dict(vm, me);
    let d = if d.downcast_ref::<PyDict>().is_some_and(|d| d.len() > 0) {
        d
    } else {
        vm.none.clone()
    };
    let state = vm.new_tuple(vec![func.clone(), p.args.borrow().clone(), kw, d]);
    Ok(vm.new_tuple(vec![me.class().clone(), vm.new_tuple(vec![func]), state]))
}

fn partial_setstate(vm: &Vm, args: Args) -> PyResult {
    let [me, state] = args.exact::<2>(vm, "__setstate__")?;
    let p = this(vm, me)?;
    let items = match state.downcast_ref::<PyTuple>() {
        Some(t) if t.len() == 4 => t.as_slice().to_vec(),
        _ => return Err(vm.new_type_error("argument to __setstate__ must be a tuple")),
    };
    let (func, fargs, kw, d) = (&items[0], &items[1], &items[2], &items[3]);
    if !vm.is_callable(func)
        || fargs.downcast_ref::<PyTuple>().is_none()
        || (!kw.is(&vm.none) && kw.downcast_ref::<PyDict>().is_none())
    {
        return Err(vm.new_type_error("invalid partial state"));
    }
    let fargs = vm.new_tuple(tuple_items(fargs));
    let newkw = vm.new_dict();
    for (k, v) in dict_items(kw) {
        newkw.set_item(vm, k, v)?;
    }
    let old = std::mem::replace(&mut *p.func.borrow_mut(), func.clone());
    drop(old);
    let old = std::mem::replace(&mut *p.args.borrow_mut(), fargs);
    drop(old);
    let old = std::mem::replace(&mut *p.keywords.borrow_mut(), newkw.into_object());
    drop(old);
    if !d.is(&vm.none) {
        if let Some(slot) = me.dict_slot() {
            let copy = vm.call(vm.types.dict.as_object(), &[d.clone()])?;
            let old = slot.take();
            slot.set(Some(copy));
            drop(old);
        }
    }
    Ok(vm.none.clone())
}

fn partial_dict_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let slot = o
        .dict_slot()
        .ok_or_else(|| vm.new_attribute_error("no __dict__"))?;
    let cur = slot.take();
    let d = cur.unwrap_or_else(|| vm.new_dict().into_object());
    slot.set(Some(d.clone()));
    Ok(d)
}

fn init_partial(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", partial_new);
    vm.add_method(t, "__call__", partial_call);
    vm.add_method(t, "__repr__", partial_repr);
    vm.add_method(t, "__reduce__", partial_reduce);
    vm.add_method(t, "__setstate__", partial_setstate);
    vm.add_class_getitem(t);
    vm.add_getset(t, "func", get_func, None);
    vm.add_getset(t, "args", get_args, None);
    vm.add_getset(t, "keywords", get_keywords, None);
    vm.add_getset(t, "__dict__", partial_dict_get, None);
}

// ----- cmp_to_key -------------------------------------------------------------

pub struct KeyWrapper {
    cmp: PyObjectRef,
    obj: Option<PyObjectRef>,
}

impl Payload for KeyWrapper {
    pyrite_core::unique_vtable!(KeyWrapper);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.cmp);
        if let Some(o) = &self.obj {
            visit(o);
        }
    }
}

fn keywrapper_type(vm: &Vm) -> PyTypeRef {
    fn init(vm: &Vm, t: &PyTypeRef) {
        vm.add_staticmethod(t, "__new__", kw_no_new);
        vm.add_method(t, "__call__", kw_call);
        vm.add_getset(t, "obj", kw_obj, None);
        vm.set_type_attr(t, "__hash__", vm.none.clone());
        for (n, f) in [
            ("__lt__", kw_lt as crate::args::NativeFn),
            ("__le__", kw_le),
            ("__gt__", kw_gt),
            ("__ge__", kw_ge),
            ("__eq__", kw_eq),
            ("__ne__", kw_ne),
        ] {
            vm.add_method(t, n, f);
        }
    }
    native_type::<KeyWrapper>(vm, "functools", "KeyWrapper", None, GC, init)
}

fn kw_no_new(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_type_error("cannot create 'functools.KeyWrapper' instances"))
}

fn kw_of<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a KeyWrapper> {
    o.downcast_ref::<KeyWrapper>()
        .ok_or_else(|| vm.new_type_error("KeyWrapper expected"))
}

fn kw_call(vm: &Vm, args: Args) -> PyResult {
    let me = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("K() needs an argument"))?;
    let k = kw_of(vm, me)?;
    let [obj] = parse_kw(vm, &args.shift(), "K", ["obj"], 1)?;
    let w = KeyWrapper {
        cmp: k.cmp.clone(),
        obj: obj.cloned(),
    };
    Ok(vm
        .try_alloc(w, keywrapper_type(vm).as_object())?
        .into_object())
}

fn kw_obj(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let k = kw_of(vm, o)?;
    k.obj.clone().ok_or_else(|| vm.new_attribute_error("obj"))
}

fn kw_compare(vm: &Vm, args: &Args, op: CompareOp) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "comparison")?;
    let ka = kw_of(vm, a)?;
    let Some(kb) = b.downcast_ref::<KeyWrapper>() else {
        return Err(vm.new_type_error("other argument must be K instance"));
    };
    let (Some(x), Some(y)) = (ka.obj.clone(), kb.obj.clone()) else {
        return Err(vm.new_attribute_error("object"));
    };
    let res = vm.call(&ka.cmp, &[x, y])?;
    vm.rich_compare(&res, &vm.new_int(0), op)
}

macro_rules! kw_cmps {
    ($($f:ident => $op:ident),*) => {$(
        fn $f(vm: &Vm, args: Args) -> PyResult {
            kw_compare(vm, &args, CompareOp::$op)
        }
    )*};
}
kw_cmps!(kw_lt => Lt, kw_le => Le, kw_gt => Gt, kw_ge => Ge, kw_eq => Eq, kw_ne => Ne);

fn cmp_to_key(vm: &Vm, args: Args) -> PyResult {
    let [cmp] = args.bind(vm, "cmp_to_key", ["mycmp"], 1, 0, 1)?;
    let w = KeyWrapper {
        cmp: cmp.cloned().unwrap_or_else(|| vm.none.clone()),
        obj: None,
    };
    Ok(vm
        .try_alloc(w, keywrapper_type(vm).as_object())?
        .into_object())
}

/// Build the `_functools` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_functools", Some("Tools that operate on functions."));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    vm.add_function(d, "_functools", "reduce", reduce);
    vm.add_function(d, "_functools", "cmp_to_key", cmp_to_key);
    vm.dict_set_str(d, "partial", partial_type(vm).as_object().clone());
    Ok(m)
}
