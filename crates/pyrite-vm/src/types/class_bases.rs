//! Assignment to `cls.__bases__`: validation (cycles, instance layout),
//! recomputation of the MRO of the class and of every subclass, and the
//! subclass lists of old and new bases.
//! Mirrors CPython 3.11 `type_set_bases` in `Objects/typeobject.c`.

use pyrite_core::object::header::TypeFlags;

use super::class::best_base;
use super::tuple::PyTuple;
use super::typeobj::{
    as_type, bump_type_epoch, compute_mro, is_subtype, tp_name, update_special_flags,
};
use crate::{PyObjectRef, PyResult, Vm};

/// Whether instances are freed as GC objects (CPython's `tp_free`): every
/// heap type is, builtins only when they track references.
fn frees_as_gc(t: &PyObjectRef) -> bool {
    as_type(t).is_some_and(|t| t.ext.heap || t.core.flags().has(TypeFlags::HAS_GC))
}

fn layout_flags(t: &PyObjectRef) -> u32 {
    as_type(t).map_or(0, |t| {
        t.core.flags().0 & (TypeFlags::HAS_DICT | TypeFlags::HAS_WEAKLIST | TypeFlags::HAS_GC)
    })
}

fn base_of(t: &PyObjectRef) -> Option<PyObjectRef> {
    as_type(t).and_then(|t| t.ext.base.borrow().clone())
}

fn slot_count(t: &PyObjectRef) -> usize {
    as_type(t).map_or(0, |t| t.ext.slot_names.borrow().len())
}

/// Whether a heap type lays its instances out exactly like its base (adds
/// no slots, no dict, no weakref list).
fn same_layout_as_base(t: &PyObjectRef) -> bool {
    let Some(tt) = as_type(t) else { return false };
    let Some(b) = base_of(t) else { return false };
    tt.ext.heap && slot_count(t) == slot_count(&b) && layout_flags(t) == layout_flags(&b)
}

/// Whether instances of `newto` could stand in for instances of `oldto`
/// (CPython's `compatible_for_assignment`).
fn compatible_for_assignment(
    vm: &Vm,
    oldto: &PyObjectRef,
    newto: &PyObjectRef,
    attr: &str,
) -> PyResult<()> {
    let name = |t: &PyObjectRef| as_type(t).map(tp_name).unwrap_or_default();
    if frees_as_gc(newto) != frees_as_gc(oldto) {
        return Err(vm.new_type_error(format!(
            "{attr} assignment: '{}' deallocator differs from '{}'",
            name(newto),
            name(oldto)
        )));
    }
    let mut newbase = newto.clone();
    while same_layout_as_base(&newbase) {
        newbase = base_of(&newbase).expect("checked");
    }
    let mut oldbase = oldto.clone();
    while same_layout_as_base(&oldbase) {
        oldbase = base_of(&oldbase).expect("checked");
    }
    let same_parent = match (base_of(&newbase), base_of(&oldbase)) {
        (Some(a), Some(b)) => a.is(&b),
        (None, None) => true,
        _ => false,
    };
    let same_slots = || {
        let (Some(a), Some(b)) = (as_type(&newbase), as_type(&oldbase)) else {
            return false;
        };
        a.ext.heap
            && b.ext.heap
            && layout_flags(&newbase) == layout_flags(&oldbase)
            && *a.ext.slot_names.borrow() == *b.ext.slot_names.borrow()
    };
    if !newbase.is(&oldbase) && (!same_parent || !same_slots()) {
        return Err(vm.new_type_error(format!(
            "{attr} assignment: '{}' object layout differs from '{}'",
            name(newto),
            name(oldto)
        )));
    }
    Ok(())
}

/// `cls` and all its transitive subclasses, parents first.
fn hierarchy(cls: &PyObjectRef) -> Vec<PyObjectRef> {
    let mut out = vec![cls.clone()];
    let mut i = 0;
    while i < out.len() {
        let subs = as_type(&out[i])
            .map(|t| t.ext.subclasses_list())
            .unwrap_or_default();
        for s in subs {
            if !out.iter().any(|x| x.is(&s)) {
                out.push(s);
            }
        }
        i += 1;
    }
    out
}

/// `cls.__bases__ = value` (`None`: deletion).
pub fn set_bases(vm: &Vm, cls: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let t = as_type(cls).ok_or_else(|| vm.new_type_error("__bases__ of a non-type"))?;
    let tname = tp_name(t);
    if !t.ext.heap {
        return Err(vm.new_type_error(format!(
            "cannot set '__bases__' attribute of immutable type '{tname}'"
        )));
    }
    let Some(value) = value else {
        return Err(vm.new_type_error(format!(
            "cannot delete '__bases__' attribute of immutable type '{tname}'"
        )));
    };
    let Some(tuple) = value.downcast_ref::<PyTuple>() else {
        return Err(vm.new_type_error(format!(
            "can only assign tuple to {tname}.__bases__, not {}",
            vm.type_name(&value)
        )));
    };
    let new_bases = tuple.items.to_vec();
    if new_bases.is_empty() {
        return Err(vm.new_type_error(format!(
            "can only assign non-empty tuple to {tname}.__bases__, not ()"
        )));
    }
    for b in &new_bases {
        if as_type(b).is_none() {
            return Err(vm.new_type_error(format!(
                "{tname}.__bases__ must be tuple of classes, not '{}'",
                vm.type_name(b)
            )));
        }
        if is_subtype(b, cls) {
            return Err(vm.new_type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let new_base = best_base(vm, &new_bases)?;
    let old_base = t
        .ext
        .base
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.types.object.as_object().clone());
    compatible_for_assignment(vm, &old_base, &new_base, "__bases__")?;

    let old_bases = std::mem::replace(&mut *t.ext.bases.borrow_mut(), new_bases.clone());
    *t.ext.base.borrow_mut() = Some(new_base);
    // Recompute the MROs of the class and everything below it; on failure
    // put every one back.
    let classes = hierarchy(cls);
    let mut saved: Vec<(PyObjectRef, Vec<PyObjectRef>)> = Vec::new();
    let mut failure = None;
    for c in &classes {
        let ct = as_type(c).expect("hierarchy holds types");
        let bases = ct.ext.bases.borrow().clone();
        match compute_mro(vm, c, &bases) {
            Ok(mro) => {
                let old = std::mem::replace(&mut *ct.ext.mro.borrow_mut(), mro);
                saved.push((c.clone(), old));
            }
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    if let Some(e) = failure {
        for (c, old) in saved {
            if let Some(ct) = as_type(&c) {
                *ct.ext.mro.borrow_mut() = old;
            }
        }
        *t.ext.bases.borrow_mut() = old_bases;
        *t.ext.base.borrow_mut() = Some(old_base);
        bump_type_epoch();
        return Err(e);
    }
    drop(saved);
    for b in &old_bases {
        if let Some(bt) = as_type(b) {
            bt.ext.remove_subclass(cls);
        }
    }
    for b in &new_bases {
        if let Some(bt) = as_type(b) {
            if !bt.ext.subclasses_list().iter().any(|s| s.is(cls)) {
                bt.ext.add_subclass(vm, cls);
            }
        }
    }
    bump_type_epoch();
    for c in &classes {
        update_special_flags(vm, c);
    }
    Ok(())
}
