//! What happens when a reference count reaches zero.
//!
//! Mirrors CPython 3.11 `_Py_Dealloc` and `subtype_dealloc`: the finalizer
//! (`__del__`, at most once per object, PEP 442) runs first and may resurrect
//! the object; then weak references are cleared (their callbacks run); then
//! the instance dict and the payload are dropped, the type reference
//! released and the block freed.
//!
//! Deallocation recurses through containers (dropping a list drops its
//! items). Like CPython's "trashcan", we bound that recursion: past
//! `TRASHCAN_DEPTH` nested deallocations, objects are queued and freed by the
//! outermost deallocation instead, so a million-long linked list cannot
//! overflow the native stack.

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use super::handle::PyObjectRef;
use super::header::{ObjHeader, PayloadVTable, TypeFlags};

const TRASHCAN_DEPTH: usize = 64;

/// Hooks the VM installs: calling `__del__` and clearing weak references.
#[derive(Clone, Copy)]
pub struct Hooks {
    /// Called with a temporary strong reference to an object whose type has
    /// `HAS_FINALIZER`, once per object. Errors are the hook's to report.
    pub finalize: fn(&PyObjectRef),
    /// Called for an object with a non-empty weak-reference list, while it is
    /// still intact, before its payload is dropped.
    pub clear_weakrefs: fn(&PyObjectRef),
}

thread_local! {
    static HOOKS: Cell<Option<Hooks>> = const { Cell::new(None) };
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static PENDING: RefCell<Vec<NonNull<ObjHeader>>> = const { RefCell::new(Vec::new()) };
    /// Whether `PENDING` may be non-empty (spares the common case a borrow).
    static PENDING_ANY: Cell<bool> = const { Cell::new(false) };
    static KEPT: RefCell<Vec<PyObjectRef>> = const { RefCell::new(Vec::new()) };
}

/// Install the VM's hooks for this thread.
pub fn set_hooks(h: Hooks) {
    HOOKS.with(|c| c.set(Some(h)));
}

/// Bit in the GC header's `prev` word: the finalizer has run (PEP 442).
pub const FINALIZED_BIT: usize = 1;

/// Keep a reference alive until [`release_kept`] (used for replaced types).
pub(crate) fn keep_alive(p: NonNull<ObjHeader>) {
    let r = PyObjectRef::from_nonnull_no_incref(p);
    // The old type pointer did not own a reference unless it was a heap type;
    // take one so that the queued handle's drop is balanced.
    // SAFETY: `p` is a live type object (it was an object's type until now).
    unsafe { p.as_ref().refcnt.set(p.as_ref().refcnt.get() + 1) };
    // During teardown the list is gone and the closure (with `r`) is
    // dropped, which just gives back the reference taken above.
    let _ = KEPT.try_with(|k| k.borrow_mut().push(r));
}

/// Release references held by `keep_alive` (interpreter shutdown).
pub fn release_kept() {
    let v = KEPT.with(|k| std::mem::take(&mut *k.borrow_mut()));
    drop(v);
}

/// Drop one reference.
///
/// # Safety
/// The caller owns one reference to the live object `p` and gives it up.
#[inline]
pub(crate) unsafe fn decref(p: NonNull<ObjHeader>) {
    // SAFETY: the caller's reference keeps the object alive until here.
    let h = unsafe { p.as_ref() };
    let n = h.refcnt.get() - 1;
    h.refcnt.set(n);
    if n == 0 {
        // SAFETY: the count reached zero: nobody else refers to it.
        unsafe { dealloc(p) };
    }
}

/// Free an object whose count reached zero.
///
/// # Safety
/// `p` is a live object with a reference count of zero.
#[inline(never)]
unsafe fn dealloc(p: NonNull<ObjHeader>) {
    // SAFETY: the object is still intact (count just reached zero).
    let h = unsafe { p.as_ref() };
    let core = super::handle::type_core_of(h);
    let vtable = core.vtable.get();
    if vtable.leaf
        && core.flags.get().0
            & (TypeFlags::HAS_FINALIZER
                | TypeFlags::HAS_WEAKLIST
                | TypeFlags::HAS_GC
                | TypeFlags::HAS_DICT
                | TypeFlags::HEAPTYPE)
            == 0
    {
        // An int, float, str...: no prefix, no hooks, no type reference,
        // and freeing it frees nothing else (so no trashcan depth).
        // SAFETY: forwarded contract; the type has no prefix-shaping flags.
        unsafe { free_unprefixed(p, vtable, vtable.needs_drop) };
        return;
    }
    // SAFETY: forwarded contract.
    unsafe { dealloc_general(p) }
}

/// Every other object: finalizer, weak references, trashcan depth.
///
/// # Safety
/// `p` is a live object with a reference count of zero.
#[cold]
#[inline(never)]
unsafe fn dealloc_general(p: NonNull<ObjHeader>) {
    let depth = DEPTH.with(|d| d.get());
    if depth >= TRASHCAN_DEPTH {
        // During thread teardown the queue may already be gone: then free
        // right here (deeper native recursion, but nothing is lost).
        if PENDING.try_with(|q| q.borrow_mut().push(p)).is_ok() {
            PENDING_ANY.with(|c| c.set(true));
            return;
        }
    }
    DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: forwarded contract.
    unsafe { dealloc_one(p) };
    if depth == 0 && PENDING_ANY.with(|c| c.get()) {
        PENDING_ANY.with(|c| c.set(false));
        // The outermost deallocation drains the queue (each may queue more).
        while let Some(q) = PENDING.try_with(|q| q.borrow_mut().pop()).ok().flatten() {
            // SAFETY: queued objects had a zero count and were not touched since.
            unsafe { dealloc_one(q) };
        }
    }
    DEPTH.with(|d| d.set(depth));
}

/// Drop the payload (when `drop`) and free the block of an object whose
/// type has no prefix (no GC header, dict or weaklist slot).
///
/// # Safety
/// `p` is a dead object (count zero, not resurrected) whose payload is
/// `vtable`'s kind, allocated with that layout and no prefix; neither is
/// used afterwards.
#[inline(always)]
unsafe fn free_unprefixed(p: NonNull<ObjHeader>, vtable: &PayloadVTable, drop: bool) {
    // SAFETY: by the contract the payload is `vtable`'s and dropped once,
    // and the block was allocated with exactly this layout.
    unsafe {
        if drop {
            (vtable.drop_payload)(p);
        }
        let inner = vtable.layout;
        let layout =
            std::alloc::Layout::from_size_align_unchecked(inner.size(), inner.align().max(8));
        crate::alloc::free_block(p.cast::<u8>(), layout);
    }
}

/// # Safety
/// `p` is a live object with a reference count of zero.
unsafe fn dealloc_one(p: NonNull<ObjHeader>) {
    // SAFETY: the object is still intact.
    let h = unsafe { p.as_ref() };
    let core = super::handle::type_core_of(h);
    let flags = core.flags.get();
    if flags.0
        & (TypeFlags::HAS_FINALIZER
            | TypeFlags::HAS_WEAKLIST
            | TypeFlags::HAS_GC
            | TypeFlags::HAS_DICT
            | TypeFlags::HEAPTYPE)
        == 0
    {
        // A plain object (int, float, str, ...): no prefix, no hooks, no
        // type reference to drop.
        let vtable = core.vtable.get();
        h.refcnt.set(1);
        // SAFETY: as below (the general path), with a zero-size prefix.
        unsafe { free_unprefixed(p, vtable, true) };
        return;
    }
    // Resurrect temporarily: hooks get a real handle (count 1).
    h.refcnt.set(1);
    let obj = PyObjectRef::from_nonnull_no_incref(p);
    let core = obj.type_core();
    let flags = core.flags.get();
    if flags.has(TypeFlags::HAS_FINALIZER) {
        let hooks = HOOKS.with(|c| c.get());
        if let (Some(hooks), Some(gc)) = (hooks, obj.gc_header()) {
            if gc.prev.get() & FINALIZED_BIT == 0 {
                gc.prev.set(gc.prev.get() | FINALIZED_BIT);
                (hooks.finalize)(&obj);
                if obj.refcount() > 1 {
                    // Resurrected by `__del__`: it lives on; drop our
                    // temporary reference without freeing.
                    h.refcnt.set(h.refcnt.get() - 1);
                    std::mem::forget(obj);
                    return;
                }
            }
        }
    }
    if let Some(wl) = obj.weaklist_slot() {
        if wl.get() != 0 {
            if let Some(hooks) = HOOKS.with(|c| c.get()) {
                (hooks.clear_weakrefs)(&obj);
            }
            // Leaves the weakly-reachable set before the block is freed.
            crate::gc::weak::forget(&obj);
        }
    }
    if let Some(gc) = obj.gc_header() {
        crate::gc::on_free(gc);
    }
    let dict = obj.dict_slot().and_then(|d| d.take());
    let vtable = core.vtable.get();
    let ty = h.ty.get();
    let obj_ptr = obj.into_nonnull();
    drop(dict);
    // SAFETY: the object is dead: the count was zero and no hook resurrected
    // it; its payload matches `vtable` and is dropped exactly once here.
    unsafe { (vtable.drop_payload)(obj_ptr) };
    let prefix = flags.prefix_size();
    let inner = vtable.layout;
    let layout = std::alloc::Layout::from_size_align(prefix + inner.size(), inner.align().max(8))
        .expect("layout was valid at allocation");
    // SAFETY: the block starts `prefix` bytes before the header and was
    // allocated by `alloc_object` with exactly this layout.
    unsafe {
        let base = NonNull::new_unchecked((obj_ptr.as_ptr() as *mut u8).sub(prefix));
        crate::alloc::free_block(base, layout);
    }
    if flags.has(TypeFlags::HEAPTYPE) {
        // SAFETY: instances of heap types own a reference to their type.
        unsafe { decref(ty) };
    }
}
