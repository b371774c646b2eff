//! Class creation: `builtins.__build_class__` (metaclass selection,
//! `__prepare__`, running the body, `__classcell__`) and `type.__new__`
//! (layout from the bases, `__slots__`, `__set_name__`, `__init_subclass__`).
//! Mirrors CPython 3.11 `Python/bltinmodule.c` (`builtin___build_class__`)
//! and `Objects/typeobject.c` (`type_new`).

use pyrite_core::object::header::TypeFlags;
use pyrite_core::PyObjectRef;

use super::cell::PyCell;
use super::descr::{PyClassMethod, PyMemberDescr, PyStaticMethod};
use super::dict::PyDict;
use super::function::PyFunction;
use super::str::PyStr;
use super::tuple::PyTuple;
use super::typeobj::{
    as_type, class_of, compute_mro, heap_type_flags, is_subtype, update_special_flags, PyType,
    PyTypeObj,
};
use crate::args::Args;
use crate::{PyResult, Vm};

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.new_type_error("__build_class__: not enough arguments"));
    }
    let func = pos[0].clone();
    if func.downcast_ref::<PyFunction>().is_none() {
        return Err(vm.new_type_error("__build_class__: func must be a function"));
    }
    let name = pos[1].clone();
    if name.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<PyObjectRef> = pos[2..].to_vec();
    // PEP 560: __mro_entries__.
    let mut bases = Vec::new();
    let mut changed = false;
    for b in &orig_bases {
        if as_type(b).is_none() {
            if let Some(me) = vm.get_attr_opt(b, &vm.names.__mro_entries__)? {
                let r = vm.call(&me, &[vm.new_tuple(orig_bases.clone())])?;
                let Some(t) = r.downcast_ref::<PyTuple>() else {
                    return Err(vm.new_type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend(t.items.iter().cloned());
                changed = true;
                continue;
            }
        }
        bases.push(b.clone());
    }
    let mut meta: Option<PyObjectRef> = None;
    let mut kwnames = Vec::new();
    let mut kwvals = Vec::new();
    for (k, v) in args.kwargs() {
        if k == "metaclass" {
            meta = Some(v.clone());
        } else {
            kwnames.push(vm.intern(k));
            kwvals.push(v.clone());
        }
    }
    let is_class = meta.as_ref().map(|m| as_type(m).is_some()).unwrap_or(true);
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.class().clone(),
            None => vm.types.type_.as_object().clone(),
        },
    };
    if is_class {
        meta = calculate_metaclass(vm, &meta, &bases)?;
    }
    let bases_t = vm.new_tuple(bases.clone());
    let ns = match vm.get_attr_opt(&meta, &vm.names.__prepare__)? {
        Some(prep) => {
            let mut a = vec![name.clone(), bases_t.clone()];
            a.extend(kwvals.iter().cloned());
            vm.call_kw(&prep, &a, &kwnames)?
        }
        None => vm.new_dict().into_object(),
    };
    let pf = func.downcast_ref::<PyFunction>().expect("checked");
    let code = pf.code.borrow().clone();
    let mut frame = crate::eval::ops::call::new_code_frame(
        vm,
        code.as_object(),
        &pf.globals,
        Some(ns.clone()),
        Some(func.clone()),
        Some(pf.builtins.clone()),
    )?;
    let _ = &mut frame;
    let cell = match crate::eval::r#loop::run_frame(vm, frame, None)? {
        crate::eval::r#loop::FrameExit::Return(v) => v,
        crate::eval::r#loop::FrameExit::Yield(..) => {
            return Err(vm.new_system_error("class body yielded"))
        }
    };
    if changed {
        vm.set_item(
            &ns,
            vm.names.__orig_bases__.clone(),
            vm.new_tuple(orig_bases),
        )?;
    }
    let mut a = vec![name, bases_t, ns];
    a.extend(kwvals);
    let cls = vm.call_kw(&meta, &a, &kwnames)?;
    if let Some(c) = cell.downcast_ref::<PyCell>() {
        if as_type(&cls).is_some() {
            match c.get() {
                None => c.set(Some(cls.clone())),
                Some(existing) if !existing.is(&cls) => {
                    return Err(vm.new_type_error(format!(
                        "__class__ set to {} defining {} as {}",
                        vm.repr_string(&existing)?,
                        vm.repr_string(&a[0])?,
                        vm.repr_string(&cls)?
                    )))
                }
                _ => {}
            }
        }
    }
    Ok(cls)
}

/// The most derived metaclass among `meta` and the bases' metaclasses.
pub fn calculate_metaclass(
    vm: &Vm,
    meta: &PyObjectRef,
    bases: &[PyObjectRef],
) -> PyResult<PyObjectRef> {
    let mut winner = meta.clone();
    for b in bases {
        let t = b.class();
        if is_subtype(&winner, t) {
            continue;
        }
        if is_subtype(t, &winner) {
            winner = t.clone();
            continue;
        }
        return Err(vm.new_type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// The base whose instance layout a new class extends: the most derived
/// "solid" base (a builtin with its own payload, or a class with slots).
pub(crate) fn best_base(vm: &Vm, bases: &[PyObjectRef]) -> PyResult<PyObjectRef> {
    let mut best: Option<PyObjectRef> = None;
    let mut best_solid: Option<PyObjectRef> = None;
    for b in bases {
        let Some(bt) = as_type(b) else {
            return Err(vm.new_type_error("bases must be types"));
        };
        if bt.ext.name.borrow().as_ref() == "bool" && !bt.ext.heap {
            return Err(vm.new_type_error("type 'bool' is not an acceptable base type"));
        }
        let solid = solid_base(vm, b);
        match &best_solid {
            None => {
                best = Some(b.clone());
                best_solid = Some(solid);
            }
            Some(bs) => {
                if !solid.is(bs) && is_subtype(&solid, bs) {
                    best = Some(b.clone());
                    best_solid = Some(solid);
                } else if !solid.is(bs) && !is_subtype(bs, &solid) {
                    return Err(vm.new_type_error("multiple bases have instance lay-out conflict"));
                }
            }
        }
    }
    Ok(best.unwrap_or_else(|| vm.types.object.as_object().clone()))
}

fn solid_base(vm: &Vm, t: &PyObjectRef) -> PyObjectRef {
    let tt = as_type(t).expect("type");
    let base = tt.ext.base.borrow().clone();
    let parent = match &base {
        Some(b) => solid_base(vm, b),
        None => return vm.types.object.as_object().clone(),
    };
    let adds_layout = if tt.ext.heap {
        // `slot_names` accumulates the bases' slots: only a class with
        // slots of its own (not `__slots__ = ()`) extends the layout.
        let inherited = base
            .as_ref()
            .and_then(as_type)
            .map_or(0, |b| b.ext.slot_names.borrow().len());
        tt.ext.slot_names.borrow().len() > inherited
    } else {
        base.as_ref().is_some_and(|b| {
            !std::ptr::eq(tt.core.vtable(), as_type(b).expect("type").core.vtable())
        })
    };
    if adds_layout {
        t.clone()
    } else {
        parent
    }
}

/// `type.__new__(meta, name, bases, ns, **kwds)`.
pub fn type_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() != 4 {
        return Err(vm.new_type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    let meta = pos[0].clone();
    let name = pos[1].downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            vm.type_name(&pos[1])
        ))
    })?;
    let bases_t = pos[2].downcast_ref::<PyTuple>().ok_or_else(|| {
        vm.new_type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            vm.type_name(&pos[2])
        ))
    })?;
    let ns = pos[3].downcast_ref::<PyDict>().ok_or_else(|| {
        vm.new_type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            vm.type_name(&pos[3])
        ))
    })?;
    let mut bases: Vec<PyObjectRef> = bases_t.items.to_vec();
    let meta = if !bases.is_empty() {
        calculate_metaclass(vm, &meta, &bases)?
    } else {
        meta
    };
    if !meta.is(&pos[0]) {
        // A more derived metaclass wins: let it build the class (CPython's
        // `type_new` does the same when the winner overrides `__new__`).
        let own_new = as_type(&meta).and_then(|t| t.ext.lookup(&vm.names.__new__));
        let type_new_obj = vm.types.type_.ext.dict.get_by_str("__new__");
        if let (Some(n), Some(tn)) = (own_new, type_new_obj) {
            if !n.is(&tn) {
                let mut a = vec![meta.clone()];
                a.extend_from_slice(&args.all[1..]);
                let f = match n.downcast_ref::<PyStaticMethod>() {
                    Some(sm) => sm.func.borrow().clone(),
                    None => n,
                };
                return vm.call_kw(&f, &a, args.kwnames);
            }
        }
    }
    if bases.is_empty() {
        bases.push(vm.types.object.as_object().clone());
    }
    for b in &bases {
        if let Some(bt) = as_type(b) {
            let module = bt.ext.dict.get_by_str("__module__").and_then(|m| {
                m.downcast_ref::<super::str::PyStr>()
                    .map(|s| s.as_str().to_string())
            });
            let full = match &module {
                Some(m) if m != "builtins" => format!("{m}.{}", bt.ext.name()),
                _ => bt.ext.name().to_string(),
            };
            if !bt.ext.heap
                && (FINAL_TYPES.contains(&&*bt.ext.name()) || FINAL_QUALIFIED.contains(&&*full))
            {
                return Err(
                    vm.new_type_error(format!("type '{full}' is not an acceptable base type"))
                );
            }
        }
    }
    let base = best_base(vm, &bases)?;
    let base_t = as_type(&base).expect("type");
    // __slots__
    let slots = ns.get_by_str("__slots__");
    let mut slot_names: Vec<std::rc::Rc<str>> = Vec::new();
    let (mut want_dict, mut want_weak) = (true, true);
    if let Some(s) = &slots {
        let items = if s.downcast_ref::<PyStr>().is_some() {
            vec![s.clone()]
        } else {
            vm.to_vec(s)?
        };
        want_dict = false;
        want_weak = false;
        for it in items {
            let Some(n) = it.downcast_ref::<PyStr>() else {
                return Err(vm.new_type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    vm.type_name(&it)
                )));
            };
            match n.as_str() {
                "__dict__" => want_dict = true,
                "__weakref__" => want_weak = true,
                other => {
                    if ns.get_by_str(other).is_some() {
                        return Err(vm.new_value_error(format!(
                            "'{}' in __slots__ conflicts with class variable",
                            other
                        )));
                    }
                    slot_names.push(std::rc::Rc::from(mangle(name.as_str(), other).as_str()));
                }
            }
        }
        // Slots of subclasses of builtins other than `object` would need
        // storage beside the base payload; Pyrite keeps them in the instance
        // dict instead (the only visible difference: such instances have a
        // `__dict__`). Recorded in ARCHITECTURE.md.
        if !slot_names.is_empty()
            && base_t.core.vtable().type_id != std::any::TypeId::of::<super::object::PyInstance>()
        {
            slot_names.clear();
            want_dict = true;
        }
    }
    // Inherit dict/weakref from any base that has them.
    let base_flags = base_t.core.flags();
    for b in &bases {
        if let Some(bt) = as_type(b) {
            let f = bt.core.flags();
            if f.has(TypeFlags::HAS_DICT) {
                want_dict = true;
            }
            if f.has(TypeFlags::HAS_WEAKLIST) {
                want_weak = true;
            }
        }
    }
    let flags = heap_type_flags(base_flags, want_dict, want_weak);
    let mut pt = PyType::new(name.as_str(), true);
    let vtable = base_t.core.vtable();
    pt.inline_values = super::instance_values::wants_inline_values(
        vtable.type_id == std::any::TypeId::of::<super::object::PyInstance>(),
        flags & TypeFlags::HAS_DICT != 0,
        base_t.ext.slot_names.borrow().len() + slot_names.len(),
    );
    pt.getattro.set(base_t.ext.getattro.get());
    let cls = PyObjectRef::new_type_with_vtable(pt, flags, Some(&meta), vtable)
        .map_err(|_| vm.new_memory_error())?;
    let cls_obj = cls.as_object().clone();
    // Slot indices continue after the base's.
    let inherited_slots = base_t.ext.slot_names.borrow().len();
    let mut all_slots: Vec<std::rc::Rc<str>> = base_t.ext.slot_names.borrow().clone();
    all_slots.extend(slot_names.iter().cloned());
    *cls.ext.slot_names.borrow_mut() = all_slots;
    *cls.ext.bases.borrow_mut() = bases.clone();
    *cls.ext.base.borrow_mut() = Some(base.clone());
    let mro = compute_mro(vm, &cls_obj, &bases)?;
    *cls.ext.mro.borrow_mut() = mro;
    // The namespace becomes the class dict.
    for (k, v) in ns.items() {
        let k = vm.intern_obj(&k);
        cls.ext.dict.set_item(vm, k, v)?;
    }
    let d = &cls.ext.dict;
    if d.get_by_str("__module__").is_none() {
        if let Some(m) = vm.current_globals().and_then(|g| {
            g.downcast_ref::<PyDict>()
                .and_then(|g| g.get_by_str("__name__"))
        }) {
            vm.dict_set_str(d, "__module__", m);
        }
    }
    if let Some(q) = d.get_by_str("__qualname__") {
        match q.downcast_ref::<PyStr>() {
            Some(qs) => *cls.ext.qualname.borrow_mut() = std::rc::Rc::from(qs.as_str()),
            None => {
                return Err(vm.new_type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    vm.type_name(&q)
                )))
            }
        }
        d.del_str(&PyStr::new("__qualname__"));
    }
    match d.get_by_str("__doc__") {
        None => vm.dict_set_str(d, "__doc__", vm.none.clone()),
        // CPython copies a str __doc__ as UTF-8 (`tp_doc`), which fails on
        // lone surrogates.
        Some(doc) => {
            if let Some(s) = doc.downcast_ref::<PyStr>().filter(|s| s.has_surrogates()) {
                crate::modules::_codecs::encode(vm, s.as_str(), "utf-8", "strict", &doc)?;
            }
        }
    }
    // Defining __eq__ without __hash__ makes instances unhashable.
    if d.get_by_str("__eq__").is_some() && d.get_by_str("__hash__").is_none() {
        vm.dict_set_str(d, "__hash__", vm.none.clone());
    }
    // __new__, __init_subclass__ and __class_getitem__ are implicitly static/class methods.
    if let Some(f) = d.get_by_str("__new__") {
        if f.downcast_ref::<PyFunction>().is_some() {
            vm.dict_set_str(
                d,
                "__new__",
                vm.alloc(PyStaticMethod { func: f.into() }, &vm.types.staticmethod),
            );
        }
    }
    for n in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = d.get_by_str(n) {
            if f.downcast_ref::<PyFunction>().is_some() {
                vm.dict_set_str(
                    d,
                    n,
                    vm.alloc(PyClassMethod { func: f.into() }, &vm.types.classmethod),
                );
            }
        }
    }
    for (i, s) in slot_names.iter().enumerate() {
        let md = vm.alloc(
            PyMemberDescr {
                name: vm.intern(s),
                index: inherited_slots + i,
                objclass: cls_obj.clone(),
            },
            &vm.types.member_descriptor,
        );
        vm.dict_set_str(d, s, md);
    }
    // Metaclasses keep `type.__dict__` (the class namespace): a class
    // object's attributes live in its type dict, not an instance dict.
    if want_dict
        && !base_flags.has(TypeFlags::HAS_DICT)
        && !base_flags.has(TypeFlags::INSTANCES_ARE_TYPES)
    {
        vm.dict_set_str(d, "__dict__", vm.instance_dict_descr(&cls_obj));
    }
    if want_weak && !base_flags.has(TypeFlags::HAS_WEAKLIST) {
        vm.dict_set_str(d, "__weakref__", vm.weakref_descr(&cls_obj));
    }
    if let Some(c) = d.get_by_str("__classcell__") {
        if let Some(cell) = c.downcast_ref::<PyCell>() {
            cell.set(Some(cls_obj.clone()));
        }
        d.del_str(&PyStr::new("__classcell__"));
    }
    super::typeobj::bump_type_epoch();
    update_special_flags(vm, &cls_obj);
    for b in &bases {
        if let Some(bt) = as_type(b) {
            bt.ext.add_subclass(vm, &cls_obj);
        }
    }
    // __set_name__ on descriptors, then __init_subclass__ on the parent.
    for (k, v) in cls.ext.dict.items() {
        if let Some(sn) = class_of(&v).ext.lookup(&vm.names.__set_name__) {
            vm.call_unbound(&sn, &v, &[cls_obj.clone(), k.clone()], &[])
                .map_err(|e| {
                    let err = vm.new_runtime_error(format!(
                        "Error calling __set_name__ on '{}' instance '{}' in '{}'",
                        vm.type_name(&v),
                        k.downcast_ref::<PyStr>().map(|s| s.as_str()).unwrap_or(""),
                        name.as_str()
                    ));
                    *err.cause.borrow_mut() = Some(e.into_object());
                    err
                })?;
        }
    }
    let sup = vm.new_super(&cls_obj, &cls_obj)?;
    let isc = vm.get_attr(&sup, &vm.names.__init_subclass__)?;
    vm.call_kw(&isc, args.kwvals(), args.kwnames)?;
    Ok(cls_obj)
}

/// Builtin types that cannot be subclassed.
pub(crate) const FINAL_TYPES: &[&str] = &[
    "bool",
    "NoneType",
    "NotImplementedType",
    "ellipsis",
    "range",
    "slice",
    "function",
    "method",
    "builtin_function_or_method",
    "code",
    "frame",
    "traceback",
    "generator",
    "coroutine",
    "cell",
    "memoryview",
    "async_generator",
    "method_descriptor",
    "wrapper_descriptor",
    "method-wrapper",
    "getset_descriptor",
    "member_descriptor",
];

/// Final types of native modules, by `module.name`.
const FINAL_QUALIFIED: &[&str] = &[
    "_contextvars.ContextVar",
    "unicodedata.UCD",
    "_contextvars.Context",
    "_contextvars.Token",
    "datetime.timezone",
];

/// Private name mangling (`__x` in class `C` is `_C__x`).
pub fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Whether `t` is a heap type (a class created by a class statement).
pub fn is_heap_type(t: &PyObjectRef) -> bool {
    t.downcast_ref::<PyTypeObj>().is_some_and(|t| t.ext.heap)
}
