//! Abstract object protocols: what the eval loop and builtins call to get an
//! attribute, call an object, apply an operator, iterate, hash, compare or
//! print. Mirrors CPython 3.11 `Objects/abstract.c` and `Objects/object.c`.

pub mod attr;
pub mod call;
pub mod compare;
pub mod hash;
pub mod iter;
pub mod number;
pub mod repr;
pub mod sequence;
