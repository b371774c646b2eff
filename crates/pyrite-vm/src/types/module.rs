//! Module objects: a namespace dict with a name.
//! Mirrors CPython 3.11 `Objects/moduleobject.c`.

use crate::types::dict::PyDictRef;
use crate::{Payload, PyObjectRef};

/// The payload of a module.
pub struct PyModule {
    pub dict: PyDictRef,
}

impl Payload for PyModule {
    pyrite_core::unique_vtable!(PyModule);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(self.dict.as_object());
    }
}
