//! The core's half of weak references: which objects may currently be
//! reached through a weak reference, and turning such an address back into a
//! strong handle. Mirrors the object-lifetime side of CPython 3.11
//! `Objects/weakrefobject.c` (`PyObject_ClearWeakRefs` is called from
//! deallocation; the weakref objects themselves live in the VM).
//!
//! An object is *weakly reachable* from the moment [`make_weak_target`]
//! registers it until its deallocation (or the cycle collector) clears it:
//! the object's weaklist slot is then non-zero and its address is in the
//! `LIVE` set. [`upgrade`] only hands out handles to addresses in that set,
//! which is what makes it safe: an address leaves the set before its block
//! is freed, so a stale address (even one reused by a later object) never
//! yields a handle to freed memory.

use std::cell::RefCell;

use crate::addr_map::AddrSet;
use crate::object::header::ObjHeader;
use crate::PyObjectRef;

thread_local! {
    static LIVE: RefCell<AddrSet> = RefCell::new(AddrSet::default());
}

/// Register `obj` as the target of weak references. Returns false (changing
/// nothing) if its type has no weak-reference list slot.
pub fn make_weak_target(obj: &PyObjectRef) -> bool {
    let Some(slot) = obj.weaklist_slot() else {
        return false;
    };
    if slot.get() == 0 {
        // `upgrade` turns the address back into a pointer: expose the
        // provenance of the handle's pointer (which covers the whole block).
        let _ = obj.as_ptr().expose_provenance();
        slot.set(1);
        LIVE.with(|l| l.borrow_mut().insert(obj.id()));
    }
    true
}

/// Whether `obj` is registered (its weaklist slot is in use).
pub fn is_weak_target(obj: &PyObjectRef) -> bool {
    obj.weaklist_slot().is_some_and(|s| s.get() != 0)
}

/// A strong handle to the registered object at address `id`, or `None` if no
/// registered object lives there (any more).
pub fn upgrade(id: usize) -> Option<PyObjectRef> {
    if id == 0 || !LIVE.with(|l| l.borrow().contains(&id)) {
        return None;
    }
    // SAFETY: addresses are in `LIVE` only between `make_weak_target` on a
    // live object and `forget`, which deallocation and the collector call
    // before the block is freed. So `id` is the header of a live object.
    Some(unsafe {
        PyObjectRef::from_raw_incref(std::ptr::with_exposed_provenance::<ObjHeader>(id))
    })
}

/// Unregister `obj` (it is being freed or its weak references were cleared).
pub fn forget(obj: &PyObjectRef) {
    if let Some(slot) = obj.weaklist_slot() {
        if slot.get() != 0 {
            slot.set(0);
            LIVE.with(|l| l.borrow_mut().remove(&obj.id()));
        }
    }
}

/// Number of registered objects (for tests and statistics).
pub fn live_count() -> usize {
    LIVE.with(|l| l.borrow().len())
}
