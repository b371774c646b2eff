//! `complex`: a pair of doubles. Methods live in `complex_methods.rs`.
//! Mirrors CPython 3.11 `Objects/complexobject.c`.

use crate::{Payload, PyObjectRef, Vm};

/// The payload of `complex`.
pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}

impl Payload for PyComplex {
    pyrite_core::unique_vtable!(PyComplex);
    const LEAF: bool = true;
}

/// A new complex object.
pub fn new_complex(vm: &Vm, re: f64, im: f64) -> PyObjectRef {
    vm.alloc(PyComplex { re, im }, &vm.types.complex)
}
