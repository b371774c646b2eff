//! `tuple`: an immutable sequence. Methods live in `tuple_methods.rs`.
//! Mirrors CPython 3.11 `Objects/tupleobject.c`.

use crate::{Payload, PyObjectRef, PyRef};

/// The payload of a `tuple`.
pub struct PyTuple {
    pub items: Box<[PyObjectRef]>,
}

pub type PyTupleRef = PyRef<PyTuple>;

impl Payload for PyTuple {
    pyrite_core::unique_vtable!(PyTuple);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        for i in self.items.iter() {
            visit(i);
        }
    }
}

/// CPython's `tupledealloc` releases the items last to first.
impl Drop for PyTuple {
    fn drop(&mut self) {
        let mut v = std::mem::take(&mut self.items).into_vec();
        while let Some(x) = v.pop() {
            drop(x);
        }
    }
}

impl PyTuple {
    pub fn new(items: impl Into<Box<[PyObjectRef]>>) -> Self {
        PyTuple {
            items: items.into(),
        }
    }

    pub fn as_slice(&self) -> &[PyObjectRef] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }
}
