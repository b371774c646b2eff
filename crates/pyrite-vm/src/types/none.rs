//! The singletons `None`, `NotImplemented` and `Ellipsis`.
//! Mirrors CPython 3.11 `Objects/object.c` (`_Py_NoneStruct` and friends).

use crate::Payload;

/// Payload of `None`.
pub struct PyNone;
impl Payload for PyNone {
    pyrite_core::unique_vtable!(PyNone);
}

/// Payload of `NotImplemented`.
pub struct PyNotImplemented;
impl Payload for PyNotImplemented {
    pyrite_core::unique_vtable!(PyNotImplemented);
}

/// Payload of `Ellipsis` (`...`).
pub struct PyEllipsis;
impl Payload for PyEllipsis {
    pyrite_core::unique_vtable!(PyEllipsis);
}
