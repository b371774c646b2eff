//! Identity of constants in `co_consts`: two constants share a slot only if
//! they have the same type and value, with `0`, `0.0`, `-0.0` and `False`
//! all distinct.
//!
//! Mirrors CPython 3.11 `_PyCode_ConstantKey` (`Objects/codeobject.c`),
//! which `compiler_add_const` uses to de-duplicate constants.

use std::rc::Rc;

use dashu_int::IBig;
use pyrite_bytecode::Constant;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(IBig),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    SurrStr(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    /// Code objects are only equal to themselves.
    Code(usize),
}

pub fn const_key(c: &Constant) -> ConstKey {
    match c {
        Constant::None => ConstKey::None,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Int(i) => ConstKey::Int(i.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex { re, im } => ConstKey::Complex(re.to_bits(), im.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::SurrStr(s) => ConstKey::SurrStr(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(const_key).collect()),
        Constant::FrozenSet(t) => {
            let mut v: Vec<ConstKey> = t.iter().map(const_key).collect();
            v.sort_by_key(|k| format!("{k:?}"));
            ConstKey::FrozenSet(v)
        }
        Constant::Code(c) => ConstKey::Code(Rc::as_ptr(c) as usize),
    }
}
