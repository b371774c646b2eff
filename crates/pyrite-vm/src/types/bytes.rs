//! `bytes` and `bytearray`. Methods live in `bytes_methods.rs`.
//! Mirrors CPython 3.11 `Objects/bytesobject.c` and `bytearrayobject.c`.

use std::cell::{Cell, RefCell};

use crate::{Payload, PyRef};

/// The payload of `bytes`.
pub struct PyBytes {
    pub data: Box<[u8]>,
    pub hash: Cell<i64>,
}

impl Payload for PyBytes {
    pyrite_core::unique_vtable!(PyBytes);
    const LEAF: bool = true;
}
pub type PyBytesRef = PyRef<PyBytes>;

impl PyBytes {
    pub fn new(data: impl Into<Box<[u8]>>) -> Self {
        PyBytes {
            data: data.into(),
            hash: Cell::new(-1),
        }
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = if self.data.is_empty() {
            0
        } else {
            let v = crate::protocol::hash::siphash13_secret(&self.data) as i64;
            if v == -1 {
                -2
            } else {
                v
            }
        };
        self.hash.set(h);
        h
    }
}

/// The payload of `bytearray`.
#[derive(Default)]
pub struct PyByteArray {
    pub data: RefCell<Vec<u8>>,
    /// Number of live buffer exports (resizing is refused while > 0).
    pub exports: Cell<usize>,
}

impl Payload for PyByteArray {
    pyrite_core::unique_vtable!(PyByteArray);
}
