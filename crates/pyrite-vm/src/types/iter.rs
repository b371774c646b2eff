//! Iterator objects of the builtin sequences: the generic `__getitem__`
//! iterator, list/tuple/str/range iterators, the callable-sentinel iterator.
//! Mirrors CPython 3.11 `Objects/iterobject.c` and the per-type iterators.

use std::cell::{Cell, RefCell};

use crate::{Payload, PyObjectRef};

/// `iter(seq)` for objects with only `__getitem__`.
pub struct PySeqIter {
    pub seq: RefCell<Option<PyObjectRef>>,
    pub index: Cell<usize>,
}

impl Payload for PySeqIter {
    pyrite_core::unique_vtable!(PySeqIter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(s) = self.seq.borrow().as_ref() {
            visit(s);
        }
    }
}

/// `iter(list)`; also used for tuples (`list_iterator`/`tuple_iterator`
/// are distinct types sharing this payload layout).
pub struct PyListIter {
    pub seq: RefCell<Option<PyObjectRef>>,
    pub index: Cell<usize>,
}

impl Payload for PyListIter {
    pyrite_core::unique_vtable!(PyListIter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(s) = self.seq.borrow().as_ref() {
            visit(s);
        }
    }
}

/// `iter(tuple)`.
pub struct PyTupleIter {
    pub seq: RefCell<Option<PyObjectRef>>,
    pub index: Cell<usize>,
}

impl Payload for PyTupleIter {
    pyrite_core::unique_vtable!(PyTupleIter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(s) = self.seq.borrow().as_ref() {
            visit(s);
        }
    }
}

/// `iter(range)` when the bounds fit machine words.
pub struct PyRangeIter {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<u64>,
}

impl Payload for PyRangeIter {
    pyrite_core::unique_vtable!(PyRangeIter);
}

/// `iter(range)` when the bounds do not fit machine words.
pub struct PyLongRangeIter {
    pub next: RefCell<PyObjectRef>,
    pub step: PyObjectRef,
    pub remaining: RefCell<PyObjectRef>,
}

impl Payload for PyLongRangeIter {
    pyrite_core::unique_vtable!(PyLongRangeIter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(n) = self.next.try_borrow() {
            visit(&n);
        }
        visit(&self.step);
        if let Ok(r) = self.remaining.try_borrow() {
            visit(&r);
        }
    }
}

/// `iter(str)`: yields one-character strings.
pub struct PyStrIter {
    pub s: PyObjectRef,
    /// Byte offset of the next character.
    pub pos: Cell<usize>,
}

impl Payload for PyStrIter {
    pyrite_core::unique_vtable!(PyStrIter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.s);
    }
}

/// `iter(callable, sentinel)`.
pub struct PyCallableIter {
    pub callable: RefCell<Option<PyObjectRef>>,
    pub sentinel: PyObjectRef,
}

impl Payload for PyCallableIter {
    pyrite_core::unique_vtable!(PyCallableIter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(c) = self.callable.borrow().as_ref() {
            visit(c);
        }
        visit(&self.sentinel);
    }
}

/// Which view a dict iterator yields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// Iterator over a dict's keys, values or items (also reversed).
pub struct PyDictIter {
    pub dict: RefCell<Option<PyObjectRef>>,
    pub pos: Cell<usize>,
    /// Size at creation: a change raises "dictionary changed size during
    /// iteration" (`usize::MAX` once reported: the error is sticky).
    pub size: Cell<usize>,
    /// Items left to yield ("dictionary keys changed during iteration" when
    /// more turn up).
    pub len: Cell<usize>,
    pub kind: DictIterKind,
    pub reversed: bool,
}

impl Payload for PyDictIter {
    pyrite_core::unique_vtable!(PyDictIter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(d) = self.dict.borrow().as_ref() {
            visit(d);
        }
    }
}

/// Iterator over a set's keys (snapshot-free: walks the table, checking
/// the size did not change).
pub struct PySetIter {
    pub set: RefCell<Option<PyObjectRef>>,
    pub pos: Cell<usize>,
    /// Size at creation; `usize::MAX` once a size change was reported
    /// (the error is sticky, as in CPython).
    pub size: Cell<usize>,
    /// Items left to yield (for `__length_hint__`).
    pub len: Cell<usize>,
}

impl Payload for PySetIter {
    pyrite_core::unique_vtable!(PySetIter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(s) = self.set.borrow().as_ref() {
            visit(s);
        }
    }
}
