//! The per-object weak-reference lists and what happens to them when their
//! object dies. Mirrors CPython 3.11 `Objects/weakrefobject.c`
//! (`PyObject_ClearWeakRefs`, `get_basic_refs`, `insert_head`,
//! `insert_after`).
//!
//! CPython threads each object's weak references through the object's
//! `tp_weaklist` field. We keep the lists in a table keyed by the referent's
//! address, holding the weak references' own addresses (neither side owns
//! the other); the core's weak registry (`pyrite_core::gc::weak`) turns a
//! registered address back into a handle only while the object is alive, so
//! this side needs no `unsafe`. Weak reference objects register themselves
//! too, so that their death removes them from their referent's list.

use pyrite_core::addr_map::AddrMap;
use std::cell::RefCell;

use pyrite_core::gc::weak;

use crate::types::weakref::PyWeakRef;
use crate::{PyObjectRef, Vm};

thread_local! {
    /// Referent address -> addresses of its weak references, in CPython's
    /// list order (basic ref, basic proxy, then the others newest first).
    static LISTS: RefCell<AddrMap<Vec<usize>>> = RefCell::new(AddrMap::default());
}

/// The weak references to `o`, in list order.
pub fn weakrefs_of(o: &PyObjectRef) -> Vec<PyObjectRef> {
    if !weak::is_weak_target(o) {
        return Vec::new();
    }
    let ids = LISTS.with(|l| l.borrow().get(&o.id()).cloned().unwrap_or_default());
    ids.into_iter().filter_map(weak::upgrade).collect()
}

/// Number of weak references to `o`.
pub fn weakref_count(o: &PyObjectRef) -> usize {
    if !weak::is_weak_target(o) {
        return 0;
    }
    LISTS.with(|l| l.borrow().get(&o.id()).map_or(0, |v| v.len()))
}

/// The first weak reference to `o` (`o.__weakref__`), if any.
pub fn first_weakref(_vm: &Vm, o: &PyObjectRef) -> Option<PyObjectRef> {
    weakrefs_of(o).into_iter().next()
}

/// Whether `wr` is a weak reference with no callback whose type is exactly
/// `cls` (CPython's "basic" ref or proxy, which are shared).
fn is_basic(wr: &PyObjectRef, cls: &PyObjectRef) -> bool {
    wr.class().is(cls)
        && wr
            .downcast_ref::<PyWeakRef>()
            .is_some_and(|w| w.callback.borrow().is_none())
}

/// CPython's `get_basic_refs`: the shared callback-less ref and proxy.
pub fn basic_refs(vm: &Vm, o: &PyObjectRef) -> (Option<PyObjectRef>, Option<PyObjectRef>) {
    let refs = weakrefs_of(o);
    let mut it = refs.into_iter().peekable();
    let mut r = None;
    if let Some(first) = it.peek() {
        if is_basic(first, vm.types.weakref.as_object()) {
            r = it.next();
        }
    }
    let mut p = None;
    if let Some(next) = it.peek() {
        if is_basic(next, vm.types.weakproxy.as_object())
            || is_basic(next, vm.types.weakcallableproxy.as_object())
        {
            p = it.next();
        }
    }
    (r, p)
}

/// Link a new weak reference `wr` into `target`'s list: at the head, or
/// right after `after`.
pub fn insert(target: &PyObjectRef, wr: &PyObjectRef, after: Option<&PyObjectRef>) {
    weak::make_weak_target(target);
    weak::make_weak_target(wr);
    LISTS.with(|l| {
        let mut l = l.borrow_mut();
        let v = l.entry(target.id()).or_default();
        let pos = after
            .and_then(|a| v.iter().position(|&x| x == a.id()))
            .map_or(0, |i| i + 1);
        v.insert(pos, wr.id());
    });
}

/// Called by the core when an object whose weaklist slot is in use dies
/// (after its finalizer, before its contents are released), and by the
/// cycle collector for unreachable objects.
pub fn clear_weakrefs(vm: &Vm, o: &PyObjectRef) {
    if let Some(w) = o.downcast_ref::<PyWeakRef>() {
        // A weak reference dies: unlink it from its referent's list.
        let t = w.target.replace(0);
        if t != 0 {
            LISTS.with(|l| {
                let mut l = l.borrow_mut();
                if let Some(v) = l.get_mut(&t) {
                    v.retain(|&x| x != o.id());
                    if v.is_empty() {
                        l.remove(&t);
                    }
                }
            });
        }
    }
    // The object itself may be weakly referenced.
    let ids = LISTS
        .with(|l| l.borrow_mut().remove(&o.id()))
        .unwrap_or_default();
    let mut pending = Vec::new();
    for wr in ids.into_iter().filter_map(weak::upgrade) {
        let cb = match wr.downcast_ref::<PyWeakRef>() {
            Some(w) => {
                w.target.set(0);
                w.callback.borrow_mut().take()
            }
            None => None,
        };
        if let Some(cb) = cb {
            pending.push((wr, cb));
        }
    }
    for (wr, cb) in pending {
        if let Err(e) = vm.call(&cb, &[wr.clone()]) {
            vm.write_unraisable(&e, Some(&cb));
        }
    }
}

/// Clear the weak references to `o` without calling any callback (the
/// cycle collector does this for weakrefs that are themselves garbage).
pub fn clear_weakrefs_no_callbacks(o: &PyObjectRef) {
    let ids = LISTS
        .with(|l| l.borrow_mut().remove(&o.id()))
        .unwrap_or_default();
    for wr in ids.into_iter().filter_map(weak::upgrade) {
        if let Some(w) = wr.downcast_ref::<PyWeakRef>() {
            w.target.set(0);
            let cb = w.callback.borrow_mut().take();
            drop(cb);
        }
    }
}

/// Drop `o`'s list entry (the collector has cleared its weak references).
pub fn forget_list(o: &PyObjectRef) {
    let v = LISTS.with(|l| l.borrow_mut().remove(&o.id()));
    drop(v);
}
