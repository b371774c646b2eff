//! Cells: the boxes closures share variables through.
//! Mirrors CPython 3.11 `Objects/cellobject.c`.

use std::cell::RefCell;

use crate::{Payload, PyObjectRef, PyRef};

/// The payload of a cell (empty = unbound variable).
#[derive(Default)]
pub struct PyCell {
    pub value: RefCell<Option<PyObjectRef>>,
}

pub type PyCellRef = PyRef<PyCell>;

impl Payload for PyCell {
    pyrite_core::unique_vtable!(PyCell);
    /// Cycle collector: empty the cell.
    fn clear(&self) {
        let old = match self.value.try_borrow_mut() {
            Ok(mut v) => v.take(),
            Err(_) => return,
        };
        drop(old);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(v) = self.value.try_borrow() {
            if let Some(v) = v.as_ref() {
                visit(v);
            }
        }
    }
}

impl PyCell {
    pub fn new(v: Option<PyObjectRef>) -> Self {
        PyCell {
            value: RefCell::new(v),
        }
    }

    pub fn get(&self) -> Option<PyObjectRef> {
        self.value.borrow().clone()
    }

    pub fn set(&self, v: Option<PyObjectRef>) {
        let old = self.value.replace(v);
        drop(old);
    }
}
