//! `float`: a double. `repr` is the shortest string that round-trips, laid
//! out as CPython's `float_repr` does. Methods live in `float_methods.rs`.
//! Mirrors CPython 3.11 `Objects/floatobject.c`.

use crate::{Payload, PyRef};

/// The payload of a `float` object.
pub struct PyFloat {
    pub value: f64,
}

pub type PyFloatRef = PyRef<PyFloat>;

impl Payload for PyFloat {
    pyrite_core::unique_vtable!(PyFloat);
    const LEAF: bool = true;
}

/// `repr(float)` (shared with the compiler, which needs it to unparse
/// annotations).
pub use pyrite_bytecode::floatrepr::float_repr;

#[cfg(test)]
mod tests {
    use super::float_repr;

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(-1.5), "-1.5");
        assert_eq!(float_repr(123.456), "123.456");
        assert_eq!(
            float_repr(1.7976931348623157e308),
            "1.7976931348623157e+308"
        );
        assert_eq!(float_repr(5e-324), "5e-324");
    }
}
