//! `range`: an immutable arithmetic sequence. Methods in `range_methods.rs`.
//! Mirrors CPython 3.11 `Objects/rangeobject.c`.

use crate::{Payload, PyObjectRef};

/// The payload of `range` (start, stop, step are `int` objects; `len` is
/// cached when it fits a machine word).
pub struct PyRange {
    pub start: PyObjectRef,
    pub stop: PyObjectRef,
    pub step: PyObjectRef,
}

impl Payload for PyRange {
    pyrite_core::unique_vtable!(PyRange);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
    }
}
