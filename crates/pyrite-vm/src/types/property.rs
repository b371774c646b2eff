//! `property`: a data descriptor built from getter, setter and deleter.
//! Mirrors CPython 3.11 `Objects/descrobject.c` (`property_*`).

use std::cell::RefCell;

use crate::{Payload, PyObjectRef};

/// The payload of `property`.
pub struct PyProperty {
    pub fget: RefCell<Option<PyObjectRef>>,
    pub fset: RefCell<Option<PyObjectRef>>,
    pub fdel: RefCell<Option<PyObjectRef>>,
    pub doc: RefCell<Option<PyObjectRef>>,
    pub name: RefCell<Option<PyObjectRef>>,
}

impl Payload for PyProperty {
    pyrite_core::unique_vtable!(PyProperty);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        for f in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            if let Some(v) = f.borrow().as_ref() {
                visit(v);
            }
        }
    }
}
