//! Python-visible methods of `object` and `type`, `super`, and the
//! instance `__dict__`/`__weakref__` descriptors of heap types.
//! Mirrors CPython 3.11 `Objects/typeobject.c`.

use crate::types::descr::TypeDocs;
use std::rc::Rc;

use super::descr::PyGetSetDescr;
use super::dict::PyDict;
use super::object::PyInstance;
use super::str::PyStr;
use super::tuple::PyTuple;
use super::typeobj::{as_type, class_of, is_subtype, PyTypeObj};
use crate::args::Args;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// `super()` objects.
pub struct PySuper {
    /// The class after which the MRO search starts.
    pub type_: PyObjectRef,
    /// The bound object (instance or class), or None when unbound.
    pub obj: Option<PyObjectRef>,
    /// The type of `obj` whose MRO is searched.
    pub obj_type: Option<PyObjectRef>,
}

impl Payload for PySuper {
    pyrite_core::unique_vtable!(PySuper);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.type_);
        if let Some(o) = &self.obj {
            visit(o);
        }
        if let Some(o) = &self.obj_type {
            visit(o);
        }
    }
}

fn type_name_of(t: &PyObjectRef) -> Rc<str> {
    as_type(t)
        .map(|t| t.ext.name())
        .unwrap_or_else(|| Rc::from("?"))
}

/// `object.__new__`.
fn object_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.new_type_error("object.__new__(): not enough arguments"));
    };
    let Some(t) = as_type(cls) else {
        return Err(vm.new_type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    };
    if pos.len() > 1 || !args.kwnames.is_empty() {
        let new_overridden = t
            .ext
            .lookup(&vm.names.__new__)
            .is_some_and(|n| !is_object_slot(vm, &n, &vm.names.__new__));
        let init_overridden = t
            .ext
            .lookup(&vm.names.__init__)
            .is_some_and(|n| !is_object_slot(vm, &n, &vm.names.__init__));
        if new_overridden {
            return Err(vm.new_type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !init_overridden {
            return Err(vm.new_type_error(format!("{}() takes no arguments", t.ext.name())));
        }
    }
    if t.core.vtable().type_id != std::any::TypeId::of::<PyInstance>() {
        return Err(vm.new_type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.ext.name(),
            t.ext.name()
        )));
    }
    new_plain_instance(vm, cls, t)
}

/// The part of `object.__new__` after the argument checks: refuse abstract
/// classes, then allocate a `PyInstance` of `cls` (whose payload kind the
/// caller has checked).
pub(crate) fn new_plain_instance(vm: &Vm, cls: &PyObjectRef, t: &PyTypeObj) -> PyResult {
    if let Some(abs) = t.ext.lookup(&vm.names.__abstractmethods__) {
        if let Ok(items) = vm.to_vec(&abs) {
            if !items.is_empty() {
                let mut names: Vec<String> = items
                    .iter()
                    .filter_map(|i| i.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
                    .collect();
                names.sort();
                return Err(vm.new_type_error(format!(
                    "Can't instantiate abstract class {} with abstract method{} {}",
                    t.ext.name(),
                    if names.len() == 1 { "" } else { "s" },
                    names.join(", ")
                )));
            }
        }
    }
    let nslots = t.ext.slot_names.borrow().len();
    let inst = PyInstance {
        slots: vec![None; nslots].into(),
    };
    Ok(vm.try_alloc(inst, cls)?.into_object())
}

fn is_object_slot(vm: &Vm, f: &PyObjectRef, name: &PyObjectRef) -> bool {
    vm.types.object.ext.lookup(name).is_some_and(|o| o.is(f))
}

/// `object.__init__`.
fn object_init(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() > 1 || !args.kwnames.is_empty() {
        let t = class_of(&pos[0]);
        let init_overridden = t
            .ext
            .lookup(&vm.names.__init__)
            .is_some_and(|n| !is_object_slot(vm, &n, &vm.names.__init__));
        let new_overridden = t
            .ext
            .lookup(&vm.names.__new__)
            .is_some_and(|n| !is_object_slot(vm, &n, &vm.names.__new__));
        if init_overridden {
            return Err(vm.new_type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if !new_overridden {
            return Err(vm.new_type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                t.ext.name()
            )));
        }
    }
    Ok(vm.none.clone())
}

fn object_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let t = class_of(o);
    let module = t
        .ext
        .dict
        .get_by_str("__module__")
        .and_then(|m| m.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
    let qn = t.ext.qualname.borrow().clone();
    Ok(vm.new_str(match module {
        Some(m) if m != "builtins" => format!("<{}.{} object at {:#x}>", m, qn, o.id()),
        _ => format!("<{} object at {:#x}>", qn, o.id()),
    }))
}

fn object_str(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__str__")?;
    Ok(vm.repr(o)?.into_object())
}

fn object_eq(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    Ok(if a.is(b) {
        vm.true_.clone()
    } else {
        vm.not_implemented.clone()
    })
}

fn object_ne(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__ne__")?;
    // Delegate to __eq__ and invert unless NotImplemented.
    let r = match class_of(a).ext.lookup(&vm.names.__eq__) {
        Some(eq) => vm.call_unbound(&eq, a, &[b.clone()], &[])?,
        None => vm.not_implemented.clone(),
    };
    if r.is(&vm.not_implemented) {
        return Ok(r);
    }
    Ok(vm.new_bool(!vm.is_true(&r)?))
}

fn object_not_implemented(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented.clone())
}

fn object_hash(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__hash__")?;
    Ok(vm.new_int(crate::protocol::hash::hash_pointer(o.id())))
}

fn object_getattribute(vm: &Vm, args: Args) -> PyResult {
    let [o, n] = args.exact::<2>(vm, "__getattribute__")?;
    if n.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(n)
        )));
    }
    if as_type(o).is_some() {
        return vm.type_getattr(o, n);
    }
    if o.downcast_ref::<super::module::PyModule>().is_some() {
        return vm.module_getattr(o, n);
    }
    vm.generic_getattr(o, n, true)
}

fn object_setattr(vm: &Vm, args: Args) -> PyResult {
    let [o, n, v] = args.exact::<3>(vm, "__setattr__")?;
    vm.setattr_no_hook(o, n, Some(v.clone()))?;
    Ok(vm.none.clone())
}

fn object_delattr(vm: &Vm, args: Args) -> PyResult {
    let [o, n] = args.exact::<2>(vm, "__delattr__")?;
    vm.setattr_no_hook(o, n, None)?;
    Ok(vm.none.clone())
}

fn object_init_subclass(vm: &Vm, args: Args) -> PyResult {
    if !args.kwnames.is_empty() {
        let cls = &args.pos()[0];
        return Err(vm.new_type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            type_name_of(cls)
        )));
    }
    Ok(vm.none.clone())
}

fn object_subclasshook(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented.clone())
}

fn object_format(vm: &Vm, args: Args) -> PyResult {
    let [o, spec] = args.exact::<2>(vm, "__format__")?;
    let s = spec
        .downcast_ref::<PyStr>()
        .ok_or_else(|| vm.new_type_error("format spec must be a string"))?;
    if !s.as_str().is_empty() {
        return Err(vm.new_type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(o)
        )));
    }
    Ok(vm.str(o)?.into_object())
}

fn object_class_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let _ = vm;
    Ok(o.class().clone())
}

fn object_class_set(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(vm.new_type_error("can't delete __class__ attribute"));
    };
    let Some(nt) = as_type(&v) else {
        return Err(vm.new_type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            vm.type_name(&v)
        )));
    };
    let ot = class_of(o);
    if !nt.ext.heap || !ot.ext.heap {
        return Err(vm.new_type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    // Inline values are laid out by the old class's shared keys.
    vm.materialize_dict(o)?;
    if !o.set_class(&v) {
        return Err(vm.new_type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            nt.ext.name(),
            ot.ext.name()
        )));
    }
    Ok(())
}

fn object_dir(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__dir__")?;
    let d = vm.new_dict();
    if let Some(slot) = vm.materialized_dict_slot(o)? {
        let dict = slot.take();
        slot.set(dict.clone());
        if let Some(dd) = dict.as_ref().and_then(|x| x.downcast_ref::<PyDict>()) {
            for k in dd.keys() {
                d.set_item(vm, k, vm.none.clone())?;
            }
        }
    }
    for c in class_of(o).ext.mro.borrow().iter() {
        if let Some(t) = as_type(c) {
            for k in t.ext.dict.keys() {
                d.set_item(vm, k, vm.none.clone())?;
            }
        }
    }
    Ok(vm.new_list(d.keys()))
}

fn object_sizeof(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__sizeof__")?;
    Ok(vm.new_int(crate::modules::sys::basic_size(vm, o) as i64))
}

// ----- type ---------------------------------------------------------------

fn type_repr(vm: &Vm, args: Args) -> PyResult {
    let [t] = args.exact::<1>(vm, "__repr__")?;
    let tt = as_type(t)
        .ok_or_else(|| vm.new_type_error("descriptor '__repr__' requires a 'type' object"))?;
    let module = tt
        .ext
        .dict
        .get_by_str("__module__")
        .and_then(|m| m.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
    let qn = tt.ext.qualname.borrow().clone();
    Ok(vm.new_str(match module {
        // Static types of native modules (`re.Pattern`, `itertools.count`)
        // carry their module too, as in their CPython `tp_name`.
        Some(m) if m != "builtins" => format!("<class '{}.{}'>", m, qn),
        _ => format!("<class '{}'>", qn),
    }))
}

fn type_call(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.new_type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    let rest = &args.all[1..];
    vm.call_type_default(cls, rest, args.kwnames)
}

fn type_init(vm: &Vm, args: Args) -> PyResult {
    let n = args.pos().len();
    if n != 2 && n != 4 {
        return Err(vm.new_type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(vm.none.clone())
}

fn type_mro_method(vm: &Vm, args: Args) -> PyResult {
    let [t] = args.exact::<1>(vm, "mro")?;
    let tt = as_type(t).ok_or_else(|| vm.new_type_error("mro() requires a type"))?;
    let bases = tt.ext.bases.borrow().clone();
    Ok(vm.new_list(super::typeobj::compute_mro(vm, t, &bases)?))
}

fn type_subclasses(vm: &Vm, args: Args) -> PyResult {
    let [t] = args.exact::<1>(vm, "__subclasses__")?;
    let tt = as_type(t).ok_or_else(|| vm.new_type_error("__subclasses__() requires a type"))?;
    Ok(vm.new_list(tt.ext.subclasses_list()))
}

fn type_instancecheck(vm: &Vm, args: Args) -> PyResult {
    let [t, o] = args.exact::<2>(vm, "__instancecheck__")?;
    Ok(vm.new_bool(is_subtype(o.class(), t) || vm.class_attr_is_subclass(o, t)?))
}

fn type_subclasscheck(vm: &Vm, args: Args) -> PyResult {
    let [t, o] = args.exact::<2>(vm, "__subclasscheck__")?;
    if as_type(o).is_none() {
        return Err(vm.new_type_error("issubclass() arg 1 must be a class"));
    }
    Ok(vm.new_bool(is_subtype(o, t)))
}

fn type_prepare(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_dict().into_object())
}

fn type_dir(vm: &Vm, args: Args) -> PyResult {
    let [t] = args.exact::<1>(vm, "__dir__")?;
    let d = vm.new_dict();
    if let Some(tt) = as_type(t) {
        for c in tt.ext.mro.borrow().iter() {
            if let Some(ct) = as_type(c) {
                for k in ct.ext.dict.keys() {
                    d.set_item(vm, k, vm.none.clone())?;
                }
            }
        }
    }
    Ok(vm.new_list(d.keys()))
}

fn get_type(o: &PyObjectRef) -> &PyTypeObj {
    as_type(o).expect("getset on type objects")
}

fn type_get_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(&*get_type(o).ext.name()))
}

fn type_set_name(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let t = get_type(o);
    if t.ext.immutable.get() {
        return Err(vm.new_type_error(format!(
            "cannot set '__name__' attribute of immutable type '{}'",
            super::typeobj::tp_name(t)
        )));
    }
    match v.as_ref().and_then(|v| v.downcast_ref::<PyStr>()) {
        Some(s) => {
            *t.ext.name.borrow_mut() = Rc::from(s.as_str());
            Ok(())
        }
        None => Err(vm.new_type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            t.ext.name(),
            v.map(|v| vm.type_name(&v).to_string()).unwrap_or_default()
        ))),
    }
}

fn type_get_qualname(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(&*get_type(o).ext.qualname.borrow().clone()))
}

fn type_set_qualname(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let t = get_type(o);
    match v.as_ref().and_then(|v| v.downcast_ref::<PyStr>()) {
        Some(s) if t.ext.heap => {
            *t.ext.qualname.borrow_mut() = Rc::from(s.as_str());
            Ok(())
        }
        _ => Err(vm.new_type_error("can only assign string to __qualname__")),
    }
}

fn type_get_mro(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_tuple(get_type(o).ext.mro.borrow().clone()))
}

fn type_get_bases(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_tuple(get_type(o).ext.bases.borrow().clone()))
}

fn type_set_bases(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    super::class_bases::set_bases(vm, o, v)
}

fn type_get_base(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(get_type(o)
        .ext
        .base
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}

fn type_get_dict(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.alloc(
        super::mappingproxy::PyMappingProxy { mapping: o.clone() },
        &vm.types.mappingproxy,
    ))
}

fn type_get_module(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let t = get_type(o);
    // A builtin type's own `__module__` entry may be this very descriptor
    // (`type.__module__`): only a plain value names the module.
    Ok(match t.ext.dict.get_by_str("__module__") {
        Some(m) if !t.ext.heap && m.downcast_ref::<super::descr::PyGetSetDescr>().is_some() => {
            vm.new_str("builtins")
        }
        Some(m) => m,
        None => vm.new_str("builtins"),
    })
}

fn type_set_module(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let t = get_type(o);
    if t.ext.immutable.get() {
        return Err(vm.new_type_error(format!(
            "cannot set '__module__' attribute of immutable type '{}'",
            super::typeobj::tp_name(t)
        )));
    }
    match v {
        Some(v) => vm.dict_set_str(&t.ext.dict, "__module__", v),
        None => {
            t.ext.dict.del_str(&PyStr::new("__module__"));
        }
    }
    super::typeobj::bump_type_epoch();
    Ok(())
}

/// `__text_signature__` of a builtin type, from its doc table.
fn type_get_text_signature(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let t = get_type(o);
    let name = t.ext.name();
    let short = name.rsplit('.').next().unwrap_or(&name);
    Ok(match t.ext.doc.get() {
        Some(raw) if !t.ext.heap => super::descr_methods::doc_part(vm, short, Some(raw), true),
        _ => vm.none.clone(),
    })
}

fn type_get_doc(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let t = get_type(o);
    if let Some(raw) = t.ext.doc.get().filter(|_| !t.ext.heap) {
        let name = t.ext.name();
        let short = name.rsplit('.').next().unwrap_or(&name);
        return Ok(super::descr_methods::doc_part(vm, short, Some(raw), false));
    }
    match t.ext.dict.get_by_str("__doc__") {
        Some(d) => vm.descr_get(&d, None, o).or(Ok(d)),
        None => Ok(vm.none.clone()),
    }
}

/// `type.__doc__ = value` (CPython's `type_set_doc`): heap types only,
/// and never deleted.
fn type_set_doc(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let t = get_type(o);
    let what = if v.is_some() || !t.ext.heap {
        "set"
    } else {
        "delete"
    };
    match v {
        Some(v) if t.ext.heap => {
            vm.dict_set_str(&t.ext.dict, "__doc__", v);
            super::typeobj::bump_type_epoch();
            Ok(())
        }
        _ => Err(vm.new_type_error(format!(
            "cannot {what} '__doc__' attribute of immutable type '{}'",
            super::typeobj::tp_name(t)
        ))),
    }
}

/// `type.__flags__`: the CPython `tp_flags` bits Python code tests
/// (`copyreg._reduce_ex` looks for HEAPTYPE to refuse pickling builtin
/// objects, `inspect.isabstract` for IS_ABSTRACT).
fn type_get_flags(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let t = get_type(o);
    // READY, HAVE_VERSION_TAG, VALID_VERSION_TAG.
    let mut f: u64 = (1 << 12) | (1 << 18) | (1 << 19);
    if t.ext.heap {
        f |= (1 << 9) | (1 << 14); // HEAPTYPE, HAVE_GC
    } else {
        f |= 1 << 8; // IMMUTABLETYPE
    }
    if t.ext.heap || !super::class::FINAL_TYPES.contains(&&*t.ext.name()) {
        f |= 1 << 10; // BASETYPE
    }
    if let Some(abs) = t.ext.dict.get_by_str("__abstractmethods__") {
        // `type`'s own entry is the descriptor, not a set of names.
        if !o.is(vm.types.type_.as_object()) && vm.is_true(&abs)? {
            f |= 1 << 20; // IS_ABSTRACT
        }
    }
    for (ty, bit) in [
        (&vm.types.int, 24),
        (&vm.types.list, 25),
        (&vm.types.tuple, 26),
        (&vm.types.bytes, 27),
        (&vm.types.str, 28),
        (&vm.types.dict, 29),
        (&vm.types.base_exception, 30),
        (&vm.types.type_, 31),
    ] {
        if is_subtype(o, ty.as_object()) {
            f |= 1 << bit;
        }
    }
    Ok(vm.new_int(f as i64))
}

fn type_get_abstractmethods(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let t = get_type(o);
    match t.ext.dict.get_by_str("__abstractmethods__") {
        Some(v) if !o.is(vm.types.type_.as_object()) => Ok(v),
        _ => Err(vm.new_attribute_error("__abstractmethods__")),
    }
}

fn type_set_abstractmethods(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let t = get_type(o);
    match v {
        Some(v) => vm.dict_set_str(&t.ext.dict, "__abstractmethods__", v),
        None => {
            t.ext.dict.del_str(&PyStr::new("__abstractmethods__"));
        }
    }
    super::typeobj::bump_type_epoch();
    Ok(())
}

fn type_get_annotations(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let t = get_type(o);
    match t.ext.dict.get_by_str("__annotations__") {
        Some(a) => Ok(a),
        None if t.ext.heap => {
            let d = vm.new_dict().into_object();
            vm.dict_set_str(&t.ext.dict, "__annotations__", d.clone());
            Ok(d)
        }
        None => Err(vm.new_attribute_error(format!(
            "type object '{}' has no attribute '__annotations__'",
            t.ext.name()
        ))),
    }
}

fn type_set_annotations(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let t = get_type(o);
    if t.ext.immutable.get() {
        return Err(vm.new_type_error(format!(
            "cannot set '__annotations__' attribute of immutable type '{}'",
            super::typeobj::tp_name(t)
        )));
    }
    match v {
        Some(v) => vm.dict_set_str(&t.ext.dict, "__annotations__", v),
        None => {
            if t.ext.dict.get_by_str("__annotations__").is_none() {
                return Err(vm.new_attribute_error("__annotations__"));
            }
            t.ext.dict.del_str(&PyStr::new("__annotations__"));
        }
    }
    super::typeobj::bump_type_epoch();
    Ok(())
}

// ----- instance __dict__ / __weakref__ -----------------------------------

fn inst_dict_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    match vm.materialized_dict_slot(o)? {
        Some(slot) => {
            let d = match slot.take() {
                Some(d) => d,
                None => vm.new_dict().into_object(),
            };
            slot.set(Some(d.clone()));
            Ok(d)
        }
        None => Err(vm.new_attribute_error(format!(
            "'{}' object has no attribute '__dict__'",
            vm.type_name(o)
        ))),
    }
}

fn inst_dict_set(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(vm.new_type_error("cannot delete __dict__"));
    };
    if v.downcast_ref::<PyDict>().is_none() {
        return Err(vm.new_type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            vm.type_name(&v)
        )));
    }
    let inline = vm.take_inline_values(o);
    match o.dict_slot() {
        Some(slot) => {
            let old = slot.replace(Some(v));
            // Old values go only once the new dict is in place (`__del__`).
            drop(inline);
            drop(old);
            Ok(())
        }
        None => Err(vm.new_attribute_error("no __dict__")),
    }
}

fn inst_weakref_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(crate::modules::weakref_support::first_weakref(vm, o).unwrap_or_else(|| vm.none.clone()))
}

impl Vm {
    /// The `__dict__` descriptor placed in heap classes.
    pub fn instance_dict_descr(&self, cls: &PyObjectRef) -> PyObjectRef {
        self.alloc(
            PyGetSetDescr {
                name: "__dict__",
                get: inst_dict_get,
                set: Some(inst_dict_set),
                objclass: cls.clone(),
                doc: std::cell::Cell::new(None),
            },
            &self.types.getset_descriptor,
        )
    }

    /// The `__weakref__` descriptor placed in heap classes.
    pub fn weakref_descr(&self, cls: &PyObjectRef) -> PyObjectRef {
        self.alloc(
            PyGetSetDescr {
                name: "__weakref__",
                get: inst_weakref_get,
                set: None,
                objclass: cls.clone(),
                doc: std::cell::Cell::new(None),
            },
            &self.types.getset_descriptor,
        )
    }

    /// `type.__call__` without metaclass dispatch (what `type.__call__(cls,
    /// ...)` does when a metaclass calls `super().__call__`).
    pub fn call_type_default(
        &self,
        cls: &PyObjectRef,
        args: &[PyObjectRef],
        kwnames: &[PyObjectRef],
    ) -> PyResult {
        let t = as_type(cls).ok_or_else(|| self.new_type_error("type.__call__ requires a type"))?;
        if cls.is(self.types.type_.as_object()) {
            if args.len() == 1 && kwnames.is_empty() {
                return Ok(args[0].class().clone());
            }
            if args.len() - kwnames.len() != 3 {
                return Err(self.new_type_error("type() takes 1 or 3 arguments"));
            }
        }
        let new = t.ext.lookup(&self.names.__new__).ok_or_else(|| {
            self.new_type_error(format!("cannot create '{}' instances", t.ext.name()))
        })?;
        let new_fn = match new.downcast_ref::<super::descr::PyStaticMethod>() {
            Some(sm) => sm.func.borrow().clone(),
            None => new,
        };
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(cls.clone());
        v.extend_from_slice(args);
        let obj = self.call_kw(&new_fn, &v, kwnames)?;
        if !is_subtype(obj.class(), cls) {
            return Ok(obj);
        }
        if let Some(init) = class_of(&obj).ext.lookup(&self.names.__init__) {
            let r = self.call_unbound(&init, &obj, args, kwnames)?;
            if !r.is(&self.none) {
                return Err(self.new_type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.type_name(&r)
                )));
            }
        }
        Ok(obj)
    }

    /// `isinstance` fallback through `obj.__class__` (proxies).
    pub fn class_attr_is_subclass(&self, o: &PyObjectRef, t: &PyObjectRef) -> PyResult<bool> {
        match self.get_attr_opt(o, &self.names.__class__)? {
            Some(c) if !c.is(o.class()) && as_type(&c).is_some() => Ok(is_subtype(&c, t)),
            _ => Ok(false),
        }
    }

    /// A bound `super(cls, obj)`.
    pub fn new_super(&self, cls: &PyObjectRef, obj: &PyObjectRef) -> PyResult {
        let obj_type = super_check(self, cls, obj)?;
        Ok(self.alloc(
            PySuper {
                type_: cls.clone(),
                obj: Some(obj.clone()),
                obj_type: Some(obj_type),
            },
            &self.types.super_,
        ))
    }

    /// The globals of the innermost running frame.
    pub fn current_globals(&self) -> Option<PyObjectRef> {
        self.frame_stack.borrow().last().map(|f| f.globals.clone())
    }
}

fn super_check(vm: &Vm, cls: &PyObjectRef, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    if as_type(obj).is_some() && is_subtype(obj, cls) {
        return Ok(obj.clone());
    }
    if is_subtype(obj.class(), cls) {
        return Ok(obj.class().clone());
    }
    if let Some(c) = vm.get_attr_opt(obj, &vm.names.__class__)? {
        if as_type(&c).is_some() && is_subtype(&c, cls) {
            return Ok(c);
        }
    }
    Err(vm.new_type_error("super(type, obj): obj must be an instance or subtype of type"))
}

fn super_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let cls = &pos[0];
    let (t, obj) = match pos.len() {
        1 => {
            // Zero-argument form: __class__ cell and first argument of the
            // calling frame.
            zero_arg_super(vm)?
        }
        2 => (pos[1].clone(), None),
        3 => (pos[1].clone(), Some(pos[2].clone())),
        _ => return Err(vm.new_type_error("super() takes at most 2 arguments")),
    };
    if as_type(&t).is_none() {
        return Err(vm.new_type_error(format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(&t)
        )));
    }
    let obj = obj.filter(|o| !o.is(&vm.none));
    let obj_type = match &obj {
        Some(o) => Some(super_check(vm, &t, o)?),
        None => None,
    };
    Ok(vm
        .try_alloc(
            PySuper {
                type_: t,
                obj,
                obj_type,
            },
            cls,
        )?
        .into_object())
}

fn zero_arg_super(vm: &Vm) -> PyResult<(PyObjectRef, Option<PyObjectRef>)> {
    let info = crate::eval::r#loop::caller_super_info(vm);
    match info {
        Some((cls, first)) => Ok((cls, Some(first))),
        None => Err(vm.new_runtime_error("super(): no arguments")),
    }
}

fn super_init(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.none.clone())
}

fn super_getattribute(vm: &Vm, args: Args) -> PyResult {
    let [s, name] = args.exact::<2>(vm, "__getattribute__")?;
    let sp = s
        .downcast_ref::<PySuper>()
        .ok_or_else(|| vm.new_type_error("expected super"))?;
    let skip = name
        .downcast_ref::<PyStr>()
        .is_some_and(|n| n.as_str() == "__class__");
    if let (Some(obj_type), false) = (&sp.obj_type, skip) {
        let mro = as_type(obj_type)
            .map(|t| t.ext.mro.borrow().clone())
            .unwrap_or_default();
        let start = mro
            .iter()
            .position(|c| c.is(&sp.type_))
            .map(|i| i + 1)
            .unwrap_or(mro.len());
        let key = name.downcast_ref::<PyStr>();
        for c in &mro[start..] {
            if let (Some(t), Some(k)) = (as_type(c), key) {
                if let Some(v) = t.ext.dict.get_str(k) {
                    let inst = sp.obj.as_ref().filter(|o| !o.is(obj_type));
                    return vm.descr_get(&v, inst, obj_type);
                }
            }
        }
    }
    vm.generic_getattr(s, name, true)
}

fn super_repr(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "__repr__")?;
    let sp = s
        .downcast_ref::<PySuper>()
        .ok_or_else(|| vm.new_type_error("expected super"))?;
    let tn = type_name_of(&sp.type_);
    Ok(vm.new_str(match &sp.obj_type {
        Some(ot) => format!("<super: <class '{}'>, <{} object>>", tn, type_name_of(ot)),
        None => format!("<super: <class '{}'>, NULL>", tn),
    }))
}

fn super_get(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let s = &pos[0];
    let sp = s
        .downcast_ref::<PySuper>()
        .ok_or_else(|| vm.new_type_error("expected super"))?;
    match (pos.get(1), &sp.obj) {
        (Some(o), None) if !o.is(&vm.none) => {
            let ot = super_check(vm, &sp.type_, o)?;
            Ok(vm.alloc(
                PySuper {
                    type_: sp.type_.clone(),
                    obj: Some(o.clone()),
                    obj_type: Some(ot),
                },
                &vm.types.super_,
            ))
        }
        _ => Ok(s.clone()),
    }
}

fn super_thisclass(_vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(o.downcast_ref::<PySuper>()
        .map(|s| s.type_.clone())
        .expect("super"))
}

fn super_self(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(o.downcast_ref::<PySuper>()
        .and_then(|s| s.obj.clone())
        .unwrap_or_else(|| vm.none.clone()))
}

fn super_self_class(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(o.downcast_ref::<PySuper>()
        .and_then(|s| s.obj_type.clone())
        .unwrap_or_else(|| vm.none.clone()))
}

/// Docstrings of `object` and its methods (CPython's texts).
pub(crate) const OBJECT_DOCS: TypeDocs = TypeDocs {
    doc: "object()\n--\n\nThe base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n",
    members: &[
        ("__reduce_ex__", "__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle."),
        ("__reduce__", "__reduce__($self, /)\n--\n\nHelper for pickle."),
        ("__getstate__", "__getstate__($self, /)\n--\n\nHelper for pickle."),
        ("__subclasshook__", "Abstract classes can override this to customize issubclass().\n\nThis is invoked early on by abc.ABCMeta.__subclasscheck__().\nIt should return True, False or NotImplemented.  If it returns\nNotImplemented, the normal algorithm is used.  Otherwise, it\noverrides the normal algorithm (and the outcome is cached).\n"),
        ("__init_subclass__", "This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may be\noverridden to extend subclasses.\n"),
        ("__format__", "__format__($self, format_spec, /)\n--\n\nDefault object formatter."),
        ("__sizeof__", "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes."),
        ("__dir__", "__dir__($self, /)\n--\n\nDefault dir() implementation."),
        ("__class__", "the object's class"),
    ],
};

/// Docstrings of `type` and its methods (CPython's texts).
pub(crate) const TYPE_DOCS: TypeDocs = TypeDocs {
    doc: "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    members: &[
        (
            "mro",
            "mro($self, /)\n--\n\nReturn a type's method resolution order.",
        ),
        (
            "__subclasses__",
            "__subclasses__($self, /)\n--\n\nReturn a list of immediate subclasses.",
        ),
        (
            "__prepare__",
            "__prepare__() -> dict\nused to create the namespace for the class statement",
        ),
        (
            "__instancecheck__",
            "__instancecheck__($self, instance, /)\n--\n\nCheck if an object is an instance.",
        ),
        (
            "__subclasscheck__",
            "__subclasscheck__($self, subclass, /)\n--\n\nCheck if a class is a subclass.",
        ),
        (
            "__dir__",
            "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for types.",
        ),
        (
            "__sizeof__",
            "__sizeof__($self, /)\n--\n\nReturn memory consumption of the type object.",
        ),
    ],
};

/// Docstrings of `super` and its methods (CPython's texts).
pub(crate) const SUPER_DOCS: TypeDocs = TypeDocs {
    doc: "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)\nTypical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, arg):\n        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n    def cmeth(cls, arg):\n        super().cmeth(arg)\n",
    members: &[
        ("__thisclass__", "the class invoking super()"),
        ("__self__", "the instance invoking super(); may be None"),
        ("__self_class__", "the type of the instance invoking super(); may be None"),
    ],
};

/// Register `object`, `type` and `super` methods.
pub fn init(vm: &Vm) {
    let o = &vm.types.object;
    vm.add_staticmethod(o, "__new__", object_new);
    vm.add_method(o, "__init__", object_init);
    vm.add_method(o, "__repr__", object_repr);
    vm.add_method(o, "__str__", object_str);
    vm.add_method(o, "__eq__", object_eq);
    vm.add_method(o, "__ne__", object_ne);
    for n in ["__lt__", "__le__", "__gt__", "__ge__"] {
        vm.add_method(o, n, object_not_implemented);
    }
    vm.add_method(o, "__hash__", object_hash);
    vm.add_method(o, "__getattribute__", object_getattribute);
    vm.add_method(o, "__setattr__", object_setattr);
    vm.add_method(o, "__delattr__", object_delattr);
    vm.add_classmethod(o, "__init_subclass__", object_init_subclass);
    vm.add_classmethod(o, "__subclasshook__", object_subclasshook);
    vm.add_method(o, "__format__", object_format);
    vm.add_method(o, "__dir__", object_dir);
    super::object_reduce::init(vm);
    vm.add_method(o, "__sizeof__", object_sizeof);
    vm.add_getset(o, "__class__", object_class_get, Some(object_class_set));

    let t = &vm.types.type_;
    vm.add_staticmethod(t, "__new__", super::class::type_new);
    vm.add_method(t, "__init__", type_init);
    vm.add_method(t, "__repr__", type_repr);
    vm.add_method(t, "__call__", type_call);
    vm.add_method(t, "mro", type_mro_method);
    vm.add_method(t, "__subclasses__", type_subclasses);
    vm.add_method(t, "__instancecheck__", type_instancecheck);
    vm.add_method(t, "__subclasscheck__", type_subclasscheck);
    vm.add_method(t, "__dir__", type_dir);
    vm.add_method(t, "__getattribute__", object_getattribute);
    vm.add_method(t, "__setattr__", object_setattr);
    vm.add_method(t, "__delattr__", object_delattr);
    vm.add_classmethod(t, "__prepare__", type_prepare);
    vm.add_getset(t, "__name__", type_get_name, Some(type_set_name));
    vm.add_getset(
        t,
        "__qualname__",
        type_get_qualname,
        Some(type_set_qualname),
    );
    vm.add_getset(t, "__mro__", type_get_mro, None);
    vm.add_getset(t, "__flags__", type_get_flags, None);
    vm.add_getset(t, "__bases__", type_get_bases, Some(type_set_bases));
    vm.add_getset(t, "__base__", type_get_base, None);
    vm.add_getset(t, "__dict__", type_get_dict, None);
    vm.add_getset(t, "__module__", type_get_module, Some(type_set_module));
    vm.add_getset(t, "__doc__", type_get_doc, Some(type_set_doc));
    vm.add_getset(t, "__text_signature__", type_get_text_signature, None);
    vm.add_getset(
        t,
        "__abstractmethods__",
        type_get_abstractmethods,
        Some(type_set_abstractmethods),
    );
    vm.add_getset(
        t,
        "__annotations__",
        type_get_annotations,
        Some(type_set_annotations),
    );

    t.ext.getattro.set(Some(|vm, o, n| vm.type_getattr(o, n)));
    vm.types
        .module
        .ext
        .getattro
        .set(Some(|vm, o, n| vm.module_getattr(o, n)));
    vm.types.super_.ext.getattro.set(Some(|vm, o, n| {
        super_getattribute(vm, Args::positional(&[o.clone(), n.clone()]))
    }));
    let s = &vm.types.super_;
    vm.add_staticmethod(s, "__new__", super_new);
    vm.add_method(s, "__init__", super_init);
    vm.add_method(s, "__getattribute__", super_getattribute);
    vm.add_method(s, "__repr__", super_repr);
    vm.add_method(s, "__get__", super_get);
    vm.add_getset(s, "__thisclass__", super_thisclass, None);
    vm.add_getset(s, "__self__", super_self, None);
    vm.add_getset(s, "__self_class__", super_self_class, None);
    let _ = PyTuple::new(Vec::new());
    vm.set_docs(&vm.types.object, &OBJECT_DOCS);
    vm.set_docs(&vm.types.type_, &TYPE_DOCS);
    vm.set_docs(&vm.types.super_, &SUPER_DOCS);
}
