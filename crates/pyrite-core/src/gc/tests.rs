//! Collector and weak-registry tests (small enough for Miri).

use std::cell::{Cell, RefCell};

use super::*;
use crate::object::header::{TypeExt, TypeFlags};
use crate::{Payload, PyObjectRef};

struct Ext;
impl TypeExt for Ext {}

thread_local! {
    static DROPS: Cell<usize> = const { Cell::new(0) };
}

struct Node {
    kids: RefCell<Vec<PyObjectRef>>,
}

impl Payload for Node {
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        for k in self.kids.borrow().iter() {
            visit(k);
        }
    }
    fn clear(&self) {
        let v = std::mem::take(&mut *self.kids.borrow_mut());
        drop(v);
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        DROPS.with(|d| d.set(d.get() + 1));
    }
}

/// Fields drop in order: the node type before its metatype (static-style
/// types hold no reference to their metatype).
struct Setup {
    node_ty: PyObjectRef,
    meta: PyObjectRef,
}

fn setup() -> Setup {
    let meta = PyObjectRef::new_type::<Ext, crate::object::header::TypeObject<Ext>>(Ext, 0, None)
        .expect("alloc")
        .into_object();
    let flags = TypeFlags::HAS_GC | TypeFlags::HAS_WEAKLIST;
    let node_ty = PyObjectRef::new_type::<Ext, Node>(Ext, flags, Some(&meta))
        .expect("alloc")
        .into_object();
    Setup { node_ty, meta }
}

fn node(s: &Setup) -> PyObjectRef {
    PyObjectRef::new(
        Node {
            kids: RefCell::new(Vec::new()),
        },
        &s.node_ty,
    )
    .expect("alloc")
    .into_object()
}

fn kids(o: &PyObjectRef) -> &RefCell<Vec<PyObjectRef>> {
    &o.downcast_ref::<Node>().expect("node").kids
}

fn collect_all() -> usize {
    let un = find_unreachable(2, None);
    let garbage = still_unreachable(un);
    let n = garbage.len();
    for o in &garbage {
        clear(o);
    }
    drop(garbage);
    n
}

#[test]
fn tracked_on_alloc_and_untracked_on_free() {
    let s = setup();
    let a = node(&s);
    assert!(is_tracked(&a));
    let before = get_count()[0];
    drop(a);
    assert_eq!(get_count()[0], before - 1);
    drop(s);
}

#[test]
fn cycle_is_collected() {
    let s = setup();
    DROPS.with(|d| d.set(0));
    let a = node(&s);
    let b = node(&s);
    kids(&a).borrow_mut().push(b.clone());
    kids(&b).borrow_mut().push(a.clone());
    let keep = node(&s);
    kids(&keep).borrow_mut().push(keep.clone());
    drop(a);
    drop(b);
    assert_eq!(DROPS.with(|d| d.get()), 0);
    assert_eq!(collect_all(), 2);
    assert_eq!(DROPS.with(|d| d.get()), 2);
    // A reachable self-cycle survives...
    assert!(is_tracked(&keep));
    assert_eq!(collect_all(), 0);
    // ...until its last outside reference goes.
    drop(keep);
    assert_eq!(collect_all(), 1);
    assert_eq!(DROPS.with(|d| d.get()), 3);
    drop(s);
}

#[test]
fn reachable_from_outside_is_kept() {
    let s = setup();
    let root = node(&s);
    let child = node(&s);
    kids(&root).borrow_mut().push(child.clone());
    kids(&child).borrow_mut().push(root.clone());
    drop(child);
    assert_eq!(collect_all(), 0);
    assert_eq!(kids(&root).borrow().len(), 1);
    clear(&root);
    drop(root);
    drop(s);
}

#[test]
fn resurrection_is_detected() {
    let s = setup();
    let a = node(&s);
    kids(&a).borrow_mut().push(a.clone());
    drop(a);
    let un = find_unreachable(2, None);
    assert_eq!(un.len(), 1);
    // A "finalizer" stores a new outside reference.
    let saved = un[0].clone();
    let garbage = still_unreachable(un);
    assert!(garbage.is_empty());
    clear(&saved);
    drop(saved);
    drop(s);
}

#[test]
fn freeze_and_objects() {
    let s = setup();
    let a = node(&s);
    let n = objects(None).len();
    assert!(n >= 1);
    freeze();
    assert!(freeze_count() >= 1);
    assert!(objects(None).iter().all(|o| !o.is(&a)));
    unfreeze();
    assert_eq!(freeze_count(), 0);
    assert!(objects(Some(2)).iter().any(|o| o.is(&a)));
    drop(a);
    drop(s);
}

#[test]
fn weak_registry() {
    let s = setup();
    let a = node(&s);
    assert!(weak::make_weak_target(&a));
    let id = a.id();
    let up = weak::upgrade(id).expect("alive");
    assert!(up.is(&a));
    drop(up);
    drop(a);
    assert!(weak::upgrade(id).is_none());
    assert!(!weak::make_weak_target(&s.meta));
    drop(s);
}

/// `slots_as_refs` views full slot runs as handles (and refuses holes);
/// the handles read through it are the originals (same address, count).
#[test]
fn stack_slots_viewed_as_handles() {
    let s = setup();
    let a = node(&s);
    let b = node(&s);
    let slots = vec![Some(a.clone()), None, Some(b.clone()), Some(a.clone())];
    assert!(crate::object::handle::slots_as_refs(&slots).is_none());
    let view = crate::object::handle::slots_as_refs(&slots[2..]).expect("no holes");
    assert_eq!(view.len(), 2);
    assert!(view[0].is(&b) && view[1].is(&a));
    assert_eq!(a.refcount(), 3);
    let extra = view[1].clone();
    assert_eq!(a.refcount(), 4);
    drop(extra);
    drop(slots);
    assert_eq!((a.refcount(), b.refcount()), (1, 1));
    drop((a, b));
    collect_all();
}

/// A payload whose vtable is a `static` (`unique_vtable!`).
struct Leaf(u64);

impl Payload for Leaf {
    crate::unique_vtable!(Leaf);
    const LEAF: bool = true;
}

/// Objects of a `unique_vtable!` kind carry exactly its `static`, so the
/// downcast is decided by the pointer; other kinds are still told apart,
/// and the payload check at allocation still refuses a wrong type.
#[test]
fn unique_vtables_identify_payloads() {
    let s = setup();
    let leaf_ty = PyObjectRef::new_type::<Ext, Leaf>(Ext, 0, Some(&s.meta))
        .expect("alloc")
        .into_object();
    let l = PyObjectRef::new(Leaf(7), &leaf_ty)
        .expect("alloc")
        .into_object();
    assert!(<Leaf as Payload>::UNIQUE && !<Node as Payload>::UNIQUE);
    assert!(std::ptr::eq(l.vtable(), <Leaf as Payload>::VTABLE));
    assert_eq!(l.downcast_ref::<Leaf>().map(|x| x.0), Some(7));
    assert!(l.downcast_ref::<Node>().is_none());
    let n = node(&s);
    assert!(n.downcast_ref::<Leaf>().is_none() && n.downcast_ref::<Node>().is_some());
    let wrong = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        PyObjectRef::new(Leaf(1), &s.node_ty).map(|_| ())
    }));
    assert!(
        wrong.is_err(),
        "a Leaf payload in a Node type must be refused"
    );
    drop((l, n, leaf_ty));
    collect_all();
}

/// A payload is lent mutably only through an object's sole reference, and
/// never for types the collector or weak references reach by address.
#[test]
fn unique_payload_mut_needs_the_only_reference() {
    let s = setup();
    let leaf_ty = PyObjectRef::new_type::<Ext, Leaf>(Ext, 0, Some(&s.meta))
        .expect("alloc")
        .into_object();
    let mut l = PyObjectRef::new(Leaf(7), &leaf_ty)
        .expect("alloc")
        .into_object();
    l.unique_payload_mut::<Leaf>().expect("sole reference").0 = 9;
    assert_eq!(l.downcast_ref::<Leaf>().map(|x| x.0), Some(9));
    assert!(
        l.unique_payload_mut::<Node>().is_none(),
        "wrong payload kind"
    );
    let other = l.clone();
    assert!(l.unique_payload_mut::<Leaf>().is_none(), "shared object");
    drop(other);
    assert!(l.unique_payload_mut::<Leaf>().is_some());
    let mut n = node(&s);
    assert!(n.unique_payload_mut::<Node>().is_none(), "GC-tracked type");
    drop((l, n, leaf_ty));
    collect_all();
}
