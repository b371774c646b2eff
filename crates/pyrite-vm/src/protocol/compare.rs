//! Rich comparison with reflected operands and `NotImplemented`, identity
//! shortcuts for `==` in containers, and truth testing.
//! Mirrors CPython 3.11 `PyObject_RichCompare` and `PyObject_IsTrue`.

use crate::types::float::PyFloat;
use crate::types::int::{IntVal, PyInt};
use crate::types::str::PyStr;
use crate::types::typeobj::{class_of, is_subtype};
use crate::{PyObjectRef, PyResult, Vm};

/// A comparison operator (`COMPARE_OP`'s argument order).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_arg(a: u32) -> CompareOp {
        match a {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            _ => CompareOp::Ge,
        }
    }

    /// The operator with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    pub fn dunder(self, vm: &Vm) -> &PyObjectRef {
        match self {
            CompareOp::Lt => &vm.names.__lt__,
            CompareOp::Le => &vm.names.__le__,
            CompareOp::Eq => &vm.names.__eq__,
            CompareOp::Ne => &vm.names.__ne__,
            CompareOp::Gt => &vm.names.__gt__,
            CompareOp::Ge => &vm.names.__ge__,
        }
    }

    /// Apply to an ordering.
    pub fn eval_ord(self, o: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => o == Less,
            CompareOp::Le => o != Greater,
            CompareOp::Eq => o == Equal,
            CompareOp::Ne => o != Equal,
            CompareOp::Gt => o == Greater,
            CompareOp::Ge => o != Less,
        }
    }
}

impl Vm {
    /// `a <op> b` as an object.
    pub fn rich_compare(&self, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
        if let Some(r) = fast_compare(a, b, op) {
            return Ok(self.new_bool(r));
        }
        self.enter_call(" in comparison")?;
        let r = self.rich_compare_slow(a, b, op);
        self.leave_call();
        r
    }

    fn rich_compare_slow(&self, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
        let ta = a.class();
        let tb = b.class();
        let mut checked_reflected = false;
        if !ta.is(tb)
            && is_subtype(tb, ta)
            && class_of(b).ext.lookup(op.swapped().dunder(self)).is_some()
        {
            checked_reflected = true;
            if let Some(r) =
                self.call_special(b, op.swapped().dunder(self), std::slice::from_ref(a))?
            {
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_special(a, op.dunder(self), std::slice::from_ref(b))? {
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if !checked_reflected {
            if let Some(r) =
                self.call_special(b, op.swapped().dunder(self), std::slice::from_ref(a))?
            {
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(self.new_bool(a.is(b))),
            CompareOp::Ne => Ok(self.new_bool(!a.is(b))),
            _ => Err(self.new_type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// `bool(a <op> b)`.
    pub fn compare_bool(&self, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult<bool> {
        if let Some(r) = fast_compare(a, b, op) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, op)?;
        self.is_true(&r)
    }

    /// `a == b` for containers: identity implies equality.
    pub fn eq_bool(&self, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        self.compare_bool(a, b, CompareOp::Eq)
    }

    /// `bool(obj)`.
    pub fn is_true(&self, obj: &PyObjectRef) -> PyResult<bool> {
        if obj.is(&self.true_) {
            return Ok(true);
        }
        if obj.is(&self.false_) || obj.is(&self.none) {
            return Ok(false);
        }
        if let Some(i) = obj.downcast_ref::<PyInt>() {
            if !class_of(obj).ext.heap {
                return Ok(!i.value.is_zero());
            }
        }
        let cls = class_of(obj);
        if let Some(f) = cls.ext.lookup(&self.names.__bool__) {
            let r = self.call_unbound(&f, obj, &[], &[])?;
            if r.is(&self.true_) {
                return Ok(true);
            }
            if r.is(&self.false_) {
                return Ok(false);
            }
            return Err(self.new_type_error(format!(
                "__bool__ should return bool, returned {}",
                self.type_name(&r)
            )));
        }
        if let Some(f) = cls.ext.lookup(&self.names.__len__) {
            let r = self.call_unbound(&f, obj, &[], &[])?;
            let n = self.len_result(&r)?;
            return Ok(n != 0);
        }
        Ok(true)
    }

    /// Validate a `__len__` result (an int >= 0 that fits).
    pub fn len_result(&self, r: &PyObjectRef) -> PyResult<usize> {
        // `__len__` may return any object with `__index__` (CPython runs
        // the result through `operator.index`).
        if r.downcast_ref::<PyInt>().is_none()
            && crate::types::typeobj::class_of(r)
                .ext
                .lookup_str("__index__")
                .is_some()
        {
            let i = self.index(r)?;
            return self.len_result(&i);
        }
        match r.downcast_ref::<PyInt>() {
            Some(i) => match &i.value {
                IntVal::Small(v) if *v >= 0 => Ok(*v as usize),
                IntVal::Small(_) => Err(self.new_value_error("__len__() should return >= 0")),
                IntVal::Big(b) if b.sign() == dashu_int::Sign::Negative => {
                    Err(self.new_value_error("__len__() should return >= 0"))
                }
                IntVal::Big(_) => {
                    Err(self.new_overflow_error("cannot fit 'int' into an index-sized integer"))
                }
            },
            None => Err(self.new_type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(r)
            ))),
        }
    }
}

/// Comparisons of exact ints, floats and strs without a method call.
#[inline]
pub fn fast_compare(a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> Option<bool> {
    let ca = a.class();
    if !ca.is(b.class()) {
        // int vs float mixes are handled by the types' methods.
        return None;
    }
    // A subclass may override the comparison (the payload checks below
    // would also accept its instances).
    if crate::types::typeobj::class_of(a).ext.heap {
        return None;
    }
    if let (Some(x), Some(y)) = (a.downcast_ref::<PyInt>(), b.downcast_ref::<PyInt>()) {
        if let (IntVal::Small(x), IntVal::Small(y)) = (&x.value, &y.value) {
            return Some(op.eval_ord(x.cmp(y)));
        }
        return None;
    }
    if let (Some(x), Some(y)) = (a.downcast_ref::<PyFloat>(), b.downcast_ref::<PyFloat>()) {
        let (x, y) = (x.value, y.value);
        return Some(match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        });
    }
    if let (Some(x), Some(y)) = (a.downcast_ref::<PyStr>(), b.downcast_ref::<PyStr>()) {
        return Some(op.eval_ord(x.text_cmp(y)));
    }
    None
}
