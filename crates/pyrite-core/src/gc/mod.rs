//! The cycle collector and the core side of weak references.
//! Mirrors CPython 3.11 `Modules/gcmodule.c`.
//!
//! Containers (types with `TypeFlags::HAS_GC`) are linked, through the
//! [`GcHeader`] before their object header, into one of three generation
//! lists (plus the "permanent" list of `gc.freeze`). Each list is circular
//! with a sentinel head living in this thread's static storage. A header's
//! `next` is 0 when the object is untracked; the low two bits of `prev` are
//! flags (bit 0: finalized, PEP 442), as in CPython.
//!
//! A collection of generation `g` (CPython's `gc_collect_main`):
//! 1. copies each young object's reference count into a scratch count;
//! 2. subtracts the references young objects hold to each other (their
//!    payloads' `traverse`); what remains counts references from outside;
//! 3. marks everything reachable from an object with outside references;
//! 4. merges the young generations into the next older one and hands the
//!    rest, the unreachable, to the VM as strong handles.
//!
//! The VM then clears weak references, runs finalizers, asks
//! [`still_unreachable`] which objects a finalizer did not resurrect, and
//! breaks the cycles with [`clear`]. Dropping its handles frees them.
//!
//! The collector never runs Python code itself and never runs in the middle
//! of an allocation: crossing the threshold only raises a flag
//! ([`collection_due`]) that the eval loop polls at safe points.

pub mod weak;

use crate::addr_map::AddrMap;
use std::cell::Cell;

use crate::object::dealloc::FINALIZED_BIT;
use crate::object::header::{GcHeader, ObjHeader, TypeFlags};
use crate::PyObjectRef;

/// Number of generations (CPython's `NUM_GENERATIONS`).
pub const NUM_GENERATIONS: usize = 3;
/// Index of the permanent generation (`gc.freeze`).
const PERMANENT: usize = 3;
/// Flag bits kept in the low bits of `GcHeader::prev`.
const FLAG_MASK: usize = 3;

const EMPTY: GcHeader = GcHeader {
    next: Cell::new(0),
    prev: Cell::new(0),
};

thread_local! {
    /// Sentinel heads of the generation lists. Const-initialised without a
    /// destructor, so their addresses stay valid for the thread's lifetime.
    static HEADS: [GcHeader; 4] = const { [EMPTY, EMPTY, EMPTY, EMPTY] };
    static COUNTS: [Cell<usize>; 3] = const { [Cell::new(0), Cell::new(0), Cell::new(0)] };
    static THRESHOLDS: [Cell<usize>; 3] = const { [Cell::new(700), Cell::new(10), Cell::new(10)] };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    static COLLECTING: Cell<bool> = const { Cell::new(false) };
    static DUE: Cell<bool> = const { Cell::new(false) };
    /// Objects that survived the last full collection (CPython's
    /// `long_lived_total`) and those added since (`long_lived_pending`).
    static LONG_LIVED: [Cell<usize>; 2] = const { [Cell::new(0), Cell::new(0)] };
}

/// Address of the sentinel head of list `g`, initialising the lists (each
/// head pointing to itself) on first use.
fn head(g: usize) -> usize {
    HEADS.with(|h| {
        if h[0].next.get() == 0 {
            for x in h.iter() {
                let a = (x as *const GcHeader).expose_provenance();
                x.next.set(a);
                x.prev.set(a);
            }
        }
        (&h[g] as *const GcHeader).expose_provenance()
    })
}

/// # Safety
/// `addr` is the address of a list head or of the GC header of a live
/// tracked container.
unsafe fn gc_at<'a>(addr: usize) -> &'a GcHeader {
    // SAFETY: by the contract.
    unsafe { &*std::ptr::with_exposed_provenance::<GcHeader>(addr) }
}

fn gc_addr(gc: &GcHeader) -> usize {
    (gc as *const GcHeader).expose_provenance()
}

/// The object header following a GC header.
fn obj_of(gc_addr: usize) -> *const ObjHeader {
    std::ptr::with_exposed_provenance::<ObjHeader>(gc_addr + std::mem::size_of::<GcHeader>())
}

/// Append the (untracked) header `gc` to list `g`.
fn link(gc: &GcHeader, g: usize) {
    let h = head(g);
    // SAFETY: `h` is a list head; its `prev` is the head itself or the last
    // tracked container of the list, both valid while linked.
    unsafe {
        let hh = gc_at(h);
        let last = hh.prev.get() & !FLAG_MASK;
        let lh = gc_at(last);
        gc.next.set(h);
        gc.prev.set((gc.prev.get() & FLAG_MASK) | last);
        lh.next.set(gc_addr(gc));
        hh.prev.set((hh.prev.get() & FLAG_MASK) | gc_addr(gc));
    }
}

/// Remove `gc` from its list (no-op if untracked).
fn unlink(gc: &GcHeader) {
    let next = gc.next.get();
    if next == 0 {
        return;
    }
    let prev = gc.prev.get() & !FLAG_MASK;
    // SAFETY: a tracked header's neighbours are list heads or tracked live
    // containers (deallocation unlinks before freeing).
    unsafe {
        gc_at(prev).next.set(next);
        let n = gc_at(next);
        n.prev.set((n.prev.get() & FLAG_MASK) | prev);
    }
    gc.next.set(0);
    gc.prev.set(gc.prev.get() & FLAG_MASK);
}

/// Addresses of the GC headers on list `g`, in order.
fn list_members(g: usize) -> Vec<usize> {
    let h = head(g);
    let mut out = Vec::new();
    // SAFETY: walking a well-formed circular list of live headers.
    let mut p = unsafe { gc_at(h) }.next.get();
    while p != h {
        out.push(p);
        // SAFETY: as above.
        p = unsafe { gc_at(p) }.next.get();
    }
    out
}

/// Move every member of list `from` to the end of list `to`.
fn merge(from: usize, to: usize) {
    if from == to {
        return;
    }
    for p in list_members(from) {
        // SAFETY: `p` is a tracked live header (just listed).
        let gc = unsafe { gc_at(p) };
        unlink(gc);
        link(gc, to);
    }
}

/// Called by the allocator for every new container: track it in the
/// youngest generation and count it towards the next collection.
pub(crate) fn on_alloc(gc: &GcHeader) {
    {
        link(gc, 0);
        let c = COUNTS.with(|c| {
            c[0].set(c[0].get() + 1);
            c[0].get()
        });
        if c > THRESHOLDS.with(|t| t[0].get())
            && ENABLED.with(|e| e.get())
            && !COLLECTING.with(|c| c.get())
        {
            let t0 = THRESHOLDS.with(|t| t[0].get());
            if t0 != 0 {
                DUE.with(|d| d.set(true));
            }
        }
    }
}

/// Called when a container is freed (CPython's `PyObject_GC_Del`).
pub(crate) fn on_free(gc: &GcHeader) {
    unlink(gc);
    COUNTS.with(|c| c[0].set(c[0].get().saturating_sub(1)));
}

/// Whether an automatic collection should run at the next safe point.
#[inline]
pub fn collection_due() -> bool {
    DUE.with(|d| d.get())
}

/// Forget a pending automatic collection.
pub fn clear_due() {
    DUE.with(|d| d.set(false));
}

/// The generation CPython's `collect_generations` would collect now, if any.
pub fn generation_to_collect() -> Option<usize> {
    let counts = get_count();
    let th = get_threshold();
    for g in (0..NUM_GENERATIONS).rev() {
        if counts[g] > th[g] && th[g] != 0 {
            if g == NUM_GENERATIONS - 1 {
                // Avoid quadratic behaviour: a full collection only when the
                // objects pending since the last one are 25% of the rest.
                let (total, pending) = LONG_LIVED.with(|l| (l[0].get(), l[1].get()));
                if pending < total / 4 {
                    continue;
                }
            }
            return Some(g);
        }
    }
    None
}

pub fn is_enabled() -> bool {
    ENABLED.with(|e| e.get())
}

pub fn set_enabled(on: bool) {
    ENABLED.with(|e| e.set(on));
}

pub fn is_collecting() -> bool {
    COLLECTING.with(|c| c.get())
}

pub fn set_collecting(on: bool) {
    COLLECTING.with(|c| c.set(on));
}

pub fn get_count() -> [usize; 3] {
    COUNTS.with(|c| [c[0].get(), c[1].get(), c[2].get()])
}

pub fn get_threshold() -> [usize; 3] {
    THRESHOLDS.with(|t| [t[0].get(), t[1].get(), t[2].get()])
}

/// `gc.set_threshold`: `None` leaves a generation's threshold unchanged.
pub fn set_threshold(th: [Option<usize>; 3]) {
    THRESHOLDS.with(|t| {
        for (cell, v) in t.iter().zip(th) {
            if let Some(v) = v {
                cell.set(v);
            }
        }
    });
}

/// Whether `obj` is currently on a GC list.
pub fn is_tracked(obj: &PyObjectRef) -> bool {
    obj.gc_header().is_some_and(|g| g.next.get() != 0)
}

/// Start tracking a container (no-op if untracked type or already tracked).
pub fn track(obj: &PyObjectRef) {
    if let Some(gc) = obj.gc_header() {
        if gc.next.get() == 0 {
            link(gc, 0);
        }
    }
}

/// Stop tracking a container (CPython untracks tuples of atoms, etc.).
pub fn untrack(obj: &PyObjectRef) {
    if let Some(gc) = obj.gc_header() {
        unlink(gc);
    }
}

/// Whether the finalizer of `obj` has run (`gc.is_finalized`).
pub fn is_finalized(obj: &PyObjectRef) -> bool {
    obj.gc_header()
        .is_some_and(|g| g.prev.get() & FINALIZED_BIT != 0)
}

/// Mark `obj` as finalized; returns false if it already was (or is not a
/// container, whose finalizer then runs from deallocation only).
pub fn mark_finalized(obj: &PyObjectRef) -> bool {
    match obj.gc_header() {
        Some(g) if g.prev.get() & FINALIZED_BIT == 0 => {
            g.prev.set(g.prev.get() | FINALIZED_BIT);
            true
        }
        _ => false,
    }
}

/// Strong handles to the live objects on list `g`.
fn handles(g: usize) -> Vec<PyObjectRef> {
    list_members(g)
        .into_iter()
        .filter_map(|p| {
            let o = obj_of(p);
            // SAFETY: `p` is a tracked header, so `o` is its object's
            // header. An object whose count is zero is waiting in the
            // deallocation queue: it must not be revived.
            unsafe {
                if (*o).refcnt.get() == 0 {
                    return None;
                }
                Some(PyObjectRef::from_raw_incref(o))
            }
        })
        .collect()
}

/// Tracked objects of generation `g`, or of all three (`gc.get_objects`).
pub fn objects(g: Option<usize>) -> Vec<PyObjectRef> {
    match g {
        Some(g) => handles(g.min(NUM_GENERATIONS - 1)),
        None => (0..NUM_GENERATIONS).flat_map(handles).collect(),
    }
}

/// `gc.freeze`: move everything to the permanent generation.
pub fn freeze() {
    for g in 0..NUM_GENERATIONS {
        merge(g, PERMANENT);
    }
    COUNTS.with(|c| c[0].set(0));
}

/// `gc.unfreeze`: back into the oldest generation.
pub fn unfreeze() {
    merge(PERMANENT, NUM_GENERATIONS - 1);
}

/// `gc.get_freeze_count`.
pub fn freeze_count() -> usize {
    list_members(PERMANENT).len()
}

/// Which members of `objs` are reachable from outside the set: copy each
/// reference count (less the handle in `objs`), subtract the references
/// among members, then propagate from those with a count left
/// (CPython's `update_refs`/`subtract_refs`/`move_unreachable`).
fn reachable_within(objs: &[PyObjectRef]) -> Vec<bool> {
    let index: AddrMap<usize> = objs.iter().enumerate().map(|(i, o)| (o.id(), i)).collect();
    let mut refs: Vec<isize> = objs.iter().map(|o| o.refcount() as isize - 1).collect();
    for o in objs {
        o.traverse(&mut |child| {
            if let Some(&j) = index.get(&child.id()) {
                refs[j] -= 1;
            }
        });
    }
    let mut reach = vec![false; objs.len()];
    let mut work: Vec<usize> = Vec::new();
    for (i, &r) in refs.iter().enumerate() {
        if r > 0 {
            reach[i] = true;
            work.push(i);
        }
    }
    while let Some(i) = work.pop() {
        objs[i].traverse(&mut |child| {
            if let Some(&j) = index.get(&child.id()) {
                if !reach[j] {
                    reach[j] = true;
                    work.push(j);
                }
            }
        });
    }
    reach
}

/// Steps 1-4 of a collection of generation `gen` (0..=2): returns strong
/// handles to the unreachable objects. `untrack` is asked about every
/// surviving young object and may return true to stop tracking it (CPython
/// untracks tuples that hold only untracked objects).
pub fn find_unreachable(
    gen: usize,
    untrack_hook: Option<&dyn Fn(&PyObjectRef) -> bool>,
) -> Vec<PyObjectRef> {
    let gen = gen.min(NUM_GENERATIONS - 1);
    let old = (gen + 1).min(NUM_GENERATIONS - 1);
    // Our own handles add one to each count; the scratch copy leaves it out.
    let young: Vec<PyObjectRef> = (0..=gen).flat_map(handles).collect();
    let reach = reachable_within(&young);
    for g in 0..=gen {
        merge(g, old);
    }
    let mut unreachable = Vec::new();
    let mut survivors = 0;
    for (o, r) in young.into_iter().zip(reach) {
        if r {
            survivors += 1;
            if let Some(f) = untrack_hook {
                if f(&o) {
                    untrack(&o);
                }
            }
        } else {
            unreachable.push(o);
        }
    }
    COUNTS.with(|c| {
        if gen + 1 < NUM_GENERATIONS {
            c[gen + 1].set(c[gen + 1].get() + 1);
        }
        for x in c.iter().take(gen + 1) {
            x.set(0);
        }
    });
    LONG_LIVED.with(|l| {
        if gen == NUM_GENERATIONS - 2 {
            l[1].set(l[1].get() + survivors);
        } else if gen == NUM_GENERATIONS - 1 {
            l[1].set(0);
            l[0].set(list_members(NUM_GENERATIONS - 1).len());
        }
    });
    unreachable
}

/// After finalizers ran: the objects of `objs` (held only by the caller's
/// handles and each other) that are still garbage. The others were
/// resurrected by a finalizer and are dropped from the list.
pub fn still_unreachable(objs: Vec<PyObjectRef>) -> Vec<PyObjectRef> {
    let reach = reachable_within(&objs);
    objs.into_iter()
        .zip(reach)
        .filter(|(_, r)| !r)
        .map(|(o, _)| o)
        .collect()
}

/// Break the references `obj` holds (CPython's `tp_clear`): its instance
/// dict and whatever its payload's `clear` drops.
pub fn clear(obj: &PyObjectRef) {
    if let Some(d) = obj.dict_slot() {
        let dict = d.take();
        drop(dict);
    }
    (obj.vtable().clear)(obj);
}

/// Whether `obj`'s type makes it a container (`HAS_GC`).
pub fn is_gc(obj: &PyObjectRef) -> bool {
    obj.type_core().flags().has(TypeFlags::HAS_GC)
}

#[cfg(test)]
mod tests;
