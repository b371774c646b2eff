//! Builtin types that native modules (`itertools`, `_collections`,
//! `_functools`, `_thread`) create on first use rather than in the global
//! type registry: one type object per interpreter and name, so that
//! `type(itertools.count())` is `itertools.count` however it is reached.
//! CPython keeps these as static types in the extension modules
//! (`Modules/itertoolsmodule.c` etc.).

use std::cell::RefCell;
use std::collections::HashMap;

use pyrite_core::object::header::TypeFlags;
use pyrite_core::Payload;

use crate::types::registry::new_static_type;
use crate::types::typeobj::{PyType, PyTypeRef};
use crate::Vm;

/// Instances take part in cycle collection.
pub const GC: u32 = TypeFlags::HAS_GC;
/// Instances carry a `__dict__` slot.
pub const DICT: u32 = TypeFlags::HAS_DICT;
/// Instances can be weakly referenced.
pub const WEAK: u32 = TypeFlags::HAS_WEAKLIST;

/// The cache. Its entries are never dropped: a type object outlives every
/// instance, and dropping objects while thread-locals are being torn down
/// would touch other thread-locals of the object machinery.
struct Cache(HashMap<(usize, &'static str, &'static str), PyTypeRef>);

impl Drop for Cache {
    fn drop(&mut self) {
        for (_, t) in self.0.drain() {
            std::mem::forget(t);
        }
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache(HashMap::new()));
}

/// The type `module.name` whose instances hold a `T`, creating it (with
/// base `base`, default `object`, and `init` adding its methods) the first
/// time. `key` distinguishes it per interpreter.
pub fn native_type<T: Payload>(
    vm: &Vm,
    module: &'static str,
    name: &'static str,
    base: Option<&PyTypeRef>,
    flags: u32,
    init: fn(&Vm, &PyTypeRef),
) -> PyTypeRef {
    make_type::<T>(vm, module, name, base, flags, init, false)
}

/// Like [`native_type`], but the type counts as a subclass for the VM's
/// exact-builtin fast paths (which test `heap`): used for builtin
/// subclasses of builtins, like `defaultdict` of `dict`, whose overrides
/// (`__missing__`) those fast paths would skip.
pub fn native_subclass_type<T: Payload>(
    vm: &Vm,
    module: &'static str,
    name: &'static str,
    base: &PyTypeRef,
    flags: u32,
    init: fn(&Vm, &PyTypeRef),
) -> PyTypeRef {
    make_type::<T>(vm, module, name, Some(base), flags, init, true)
}

fn make_type<T: Payload>(
    vm: &Vm,
    module: &'static str,
    name: &'static str,
    base: Option<&PyTypeRef>,
    flags: u32,
    init: fn(&Vm, &PyTypeRef),
    heap: bool,
) -> PyTypeRef {
    let key = (vm.types.object.as_object().id(), module, name);
    if let Some(t) = CACHE.with(|c| c.borrow().0.get(&key).cloned()) {
        return t;
    }
    let base = base.unwrap_or(&vm.types.object);
    let t = if heap {
        let Ok(t) = pyrite_core::PyObjectRef::new_type_with_vtable(
            PyType::new(name, true),
            flags,
            Some(vm.types.type_.as_object()),
            <T as Payload>::VTABLE,
        ) else {
            crate::vm::fatal_memory()
        };
        let bo = base.as_object().clone();
        *t.ext.bases.borrow_mut() = vec![bo.clone()];
        *t.ext.base.borrow_mut() = Some(bo);
        let mut mro = vec![t.as_object().clone()];
        mro.extend(base.ext.mro.borrow().iter().cloned());
        *t.ext.mro.borrow_mut() = mro;
        t
    } else {
        new_static_type(
            name,
            Some(base),
            <T as Payload>::VTABLE,
            flags,
            vm.types.type_.as_object(),
        )
    };
    vm.set_type_attr(&t, "__module__", vm.new_str(module));
    vm.set_type_attr(&t, "__doc__", vm.none.clone());
    CACHE.with(|c| c.borrow_mut().0.insert(key, t.clone()));
    init(vm, &t);
    t
}

/// The class argument of `T.__new__(cls, ...)`, checked as CPython's
/// `tp_new` wrapper does.
pub fn new_cls<'a>(
    vm: &Vm,
    args: &crate::args::Args<'a>,
    ty: &PyTypeRef,
) -> crate::PyResult<&'a pyrite_core::PyObjectRef> {
    let tn = crate::types::typeobj::tp_name(ty);
    let Some(cls) = args.pos().first() else {
        return Err(vm.new_type_error(format!("{tn}.__new__(): not enough arguments")));
    };
    let Some(ct) = crate::types::typeobj::as_type(cls) else {
        return Err(vm.new_type_error(format!(
            "{tn}.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    };
    if !crate::types::typeobj::is_subtype(cls, ty.as_object()) {
        let n = crate::types::typeobj::tp_name(ct);
        return Err(vm.new_type_error(format!("{tn}.__new__({n}): {n} is not a subtype of {tn}")));
    }
    Ok(cls)
}
