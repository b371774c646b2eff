//! `list`: a mutable sequence. Methods live in `list_methods.rs`.
//! Mirrors CPython 3.11 `Objects/listobject.c`.

use std::cell::RefCell;

use crate::{Payload, PyObjectRef, PyRef};

/// The payload of a `list`. The vector is borrowed only briefly, never
/// across a call that can run Python code.
#[derive(Default)]
pub struct PyList {
    pub items: RefCell<Vec<PyObjectRef>>,
}

pub type PyListRef = PyRef<PyList>;

impl Payload for PyList {
    pyrite_core::unique_vtable!(PyList);
    /// Cycle collector: drop the items (outside the borrow).
    fn clear(&self) {
        let old = match self.items.try_borrow_mut() {
            Ok(mut v) => std::mem::take(&mut *v),
            Err(_) => return,
        };
        drop(old);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(v) = self.items.try_borrow() {
            for i in v.iter() {
                visit(i);
            }
        }
    }
}

/// CPython's `list_dealloc` releases the items last to first, which
/// decides the order `__del__` methods run in.
impl Drop for PyList {
    fn drop(&mut self) {
        let v = self.items.get_mut();
        while let Some(x) = v.pop() {
            drop(x);
        }
    }
}

impl PyList {
    pub fn new(items: Vec<PyObjectRef>) -> Self {
        PyList {
            items: RefCell::new(items),
        }
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    /// A snapshot copy of the items.
    pub fn to_vec(&self) -> Vec<PyObjectRef> {
        self.items.borrow().clone()
    }

    pub fn get(&self, i: usize) -> Option<PyObjectRef> {
        self.items.borrow().get(i).cloned()
    }

    pub fn push(&self, v: PyObjectRef) {
        let mut items = self.items.borrow_mut();
        let n = items.len();
        list_resize(&mut items, n + 1);
        items.push(v);
    }
}

/// Set the capacity as CPython's `list_resize` sets `allocated` for a list
/// about to hold `newsize` items (over-allocation is observable through
/// `sys.getsizeof`).
pub fn list_resize(v: &mut Vec<PyObjectRef>, newsize: usize) {
    let allocated = v.capacity();
    if allocated >= newsize && newsize >= (allocated >> 1) {
        return;
    }
    let mut new_alloc = (newsize + (newsize >> 3) + 6) & !3;
    if newsize.saturating_sub(v.len()) > new_alloc - newsize {
        new_alloc = (newsize + 3) & !3;
    }
    if newsize == 0 {
        new_alloc = 0;
    }
    set_capacity(v, new_alloc);
}

/// CPython's `list_preallocate_exact` (rounded up to even) for an empty list.
pub fn list_preallocate_exact(v: &mut Vec<PyObjectRef>, size: usize) {
    if v.capacity() == 0 {
        set_capacity(v, (size + 1) & !1);
    }
}

fn set_capacity(v: &mut Vec<PyObjectRef>, cap: usize) {
    let cap = cap.max(v.len());
    if cap > v.capacity() {
        v.reserve_exact(cap - v.len());
    } else if cap < v.capacity() {
        v.shrink_to(cap);
    }
}
