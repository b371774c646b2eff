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
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(v) = self.items.try_borrow() {
            for i in v.iter() {
                visit(i);
            }
        }
    }
}

impl PyList {
    pub fn new(items: Vec<PyObjectRef>) -> Self {
        PyList { items: RefCell::new(items) }
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
        self.items.borrow_mut().push(v);
    }
}
