//! `object`: the root of every class. Plain instances (of `object` itself and
//! of classes whose bases are all plain) carry the `PyInstance` payload plus,
//! for heap types, a dict and weakref slot in the block prefix, and
//! `__slots__` values inline.
//! Mirrors CPython 3.11 `Objects/typeobject.c` (`object_*`).

use std::cell::RefCell;

use crate::{Payload, PyObjectRef};

/// Payload of plain instances: the values of `__slots__` members, or, for
/// classes with `PyType::inline_values`, the instance's attribute values
/// (see `instance_values.rs`).
#[derive(Default)]
pub struct PyInstance {
    pub slots: RefCell<Vec<Option<PyObjectRef>>>,
}

impl Payload for PyInstance {
    pyrite_core::unique_vtable!(PyInstance);
    /// Cycle collector: drop every slot and inline value (CPython's
    /// `subtype_clear` clears slots and the managed dict).
    fn clear(&self) {
        let vals = match self.slots.try_borrow_mut() {
            Ok(mut s) => std::mem::take(&mut *s),
            Err(_) => return,
        };
        drop(vals);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(s) = self.slots.try_borrow() {
            for v in s.iter().flatten() {
                visit(v);
            }
        }
    }
}
