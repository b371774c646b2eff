//! `int`: arbitrary precision, with an inline machine-word fast path in front
//! of `dashu_int::IBig`. Values in [-5, 256] are preallocated singletons
//! (`vm.small_ints`). Methods live in `int_methods.rs`.
//! Mirrors CPython 3.11 `Objects/longobject.c`.

use dashu_int::IBig;

use crate::protocol::hash::{hash_i64, MODULUS};
use crate::{Payload, PyObjectRef, PyRef};

/// An integer value: a machine word when it fits, else a big integer
/// (never `Big` for a value that fits in `i64`: constructors normalise).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntVal {
    Small(i64),
    Big(Box<IBig>),
}

/// The payload of `int` (and `bool`) objects.
pub struct PyInt {
    pub value: IntVal,
}

pub type PyIntRef = PyRef<PyInt>;

impl Payload for PyInt {
    pyrite_core::unique_vtable!(PyInt);
    const LEAF: bool = true;
}

impl IntVal {
    /// Normalise a big integer to `Small` when it fits.
    pub fn from_big(b: IBig) -> IntVal {
        match i64::try_from(&b) {
            Ok(v) => IntVal::Small(v),
            Err(_) => IntVal::Big(Box::new(b)),
        }
    }

    pub fn to_big(&self) -> IBig {
        match self {
            IntVal::Small(v) => IBig::from(*v),
            IntVal::Big(b) => (**b).clone(),
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            IntVal::Small(v) => Some(*v),
            IntVal::Big(_) => None,
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, IntVal::Small(0))
    }

    pub fn is_negative(&self) -> bool {
        match self {
            IntVal::Small(v) => *v < 0,
            IntVal::Big(b) => b.sign() == dashu_int::Sign::Negative,
        }
    }

    /// `hash(int)` as CPython computes it (modulo 2**61 - 1).
    pub fn hash(&self) -> i64 {
        match self {
            IntVal::Small(v) => hash_i64(*v),
            IntVal::Big(b) => {
                let m = IBig::from(MODULUS);
                let neg = b.sign() == dashu_int::Sign::Negative;
                let abs = if neg { -(**b).clone() } else { (**b).clone() };
                let r = abs % &m;
                let mut h = i64::try_from(&r).unwrap_or(0);
                if neg {
                    h = -h;
                }
                if h == -1 {
                    -2
                } else {
                    h
                }
            }
        }
    }

    /// Decimal text.
    pub fn to_decimal(&self) -> String {
        match self {
            IntVal::Small(v) => v.to_string(),
            IntVal::Big(b) => b.to_string(),
        }
    }

    /// Nearest float, or `None` on overflow ("int too large to convert to
    /// float").
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            IntVal::Small(v) => Some(*v as f64),
            IntVal::Big(b) => {
                let f = b.to_f64().value();
                if f.is_finite() {
                    Some(f)
                } else {
                    None
                }
            }
        }
    }
}

impl PyInt {
    pub fn new(value: IntVal) -> Self {
        PyInt { value }
    }
}

/// The `i64` of an `int` object, if it is one and fits.
pub fn as_i64(obj: &PyObjectRef) -> Option<i64> {
    obj.downcast_ref::<PyInt>().and_then(|i| i.value.as_i64())
}
