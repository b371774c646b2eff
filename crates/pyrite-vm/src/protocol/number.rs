//! Arithmetic operators: binary operators with reflected operands and
//! in-place forms, unary operators, and `__index__` conversion.
//! The eval loop's fast paths (small ints, floats) sit in front of this.
//! Mirrors CPython 3.11 `Objects/abstract.c` (`binary_op1`, `PyNumber_*`).

use crate::types::float::PyFloat;
use crate::types::int::{IntVal, PyInt};
use crate::types::typeobj::{class_of, is_subtype};
use crate::{PyObjectRef, PyResult, Vm};

/// Dunder names and symbols of the `NB_*` binary operators (0..13).
pub const BINOPS: [(&str, &str, &str, &str); 13] = [
    ("__add__", "__radd__", "__iadd__", "+"),
    ("__and__", "__rand__", "__iand__", "&"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__", "//"),
    ("__lshift__", "__rlshift__", "__ilshift__", "<<"),
    ("__matmul__", "__rmatmul__", "__imatmul__", "@"),
    ("__mul__", "__rmul__", "__imul__", "*"),
    ("__mod__", "__rmod__", "__imod__", "%"),
    ("__or__", "__ror__", "__ior__", "|"),
    ("__pow__", "__rpow__", "__ipow__", "**"),
    ("__rshift__", "__rrshift__", "__irshift__", ">>"),
    ("__sub__", "__rsub__", "__isub__", "-"),
    ("__truediv__", "__rtruediv__", "__itruediv__", "/"),
    ("__xor__", "__rxor__", "__ixor__", "^"),
];

/// Unary operators.
#[derive(Clone, Copy, Debug)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
}

impl Vm {
    /// `a <op> b` where `op` is a `BINARY_OP` argument (0..26; >= 13 is the
    /// in-place form).
    pub fn binary_op(&self, a: &PyObjectRef, b: &PyObjectRef, op: u32) -> PyResult {
        if let Some(r) = self.fast_binary(a, b, op % 13) {
            return r;
        }
        if op >= 13 {
            let base = (op - 13) as usize;
            let iname = self.intern(BINOPS[base].2);
            if let Some(r) = self.call_special(a, &iname, &[b.clone()])? {
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
            return self.binary_op1(a, b, base, true);
        }
        self.binary_op1(a, b, op as usize, false)
    }

    fn binary_op1(&self, a: &PyObjectRef, b: &PyObjectRef, op: usize, inplace: bool) -> PyResult {
        let (lname, rname, _, sym) = BINOPS[op];
        let lname = self.intern(lname);
        let rname = self.intern(rname);
        let ta = a.class();
        let tb = b.class();
        let slotv = class_of(a).ext.lookup(&lname);
        let slotw = if ta.is(tb) {
            None
        } else {
            class_of(b).ext.lookup(&rname)
        };
        let mut slotw = slotw;
        if let Some(v) = &slotv {
            if let Some(w) = &slotw {
                if is_subtype(tb, ta) && !w.is(v) {
                    let r = self.call_unbound(w, b, &[a.clone()], &[])?;
                    if !r.is(&self.not_implemented) {
                        return Ok(r);
                    }
                    slotw = None;
                }
            }
            let r = self.call_unbound(v, a, &[b.clone()], &[])?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if let Some(w) = slotw {
            let r = self.call_unbound(&w, b, &[a.clone()], &[])?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        let sym = if op == 8 && !inplace {
            "** or pow()".to_string()
        } else if inplace {
            format!("{sym}=")
        } else {
            sym.to_string()
        };
        Err(self.new_type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            self.type_name(a),
            self.type_name(b)
        )))
    }

    /// Small-int and float arithmetic without method calls.
    #[inline]
    pub fn fast_binary(&self, a: &PyObjectRef, b: &PyObjectRef, op: u32) -> Option<PyResult> {
        let ta = a.class();
        if ta.is(self.types.int.as_object()) && b.class().is(ta) {
            let (IntVal::Small(x), IntVal::Small(y)) = (
                &a.downcast_ref::<PyInt>()?.value,
                &b.downcast_ref::<PyInt>()?.value,
            ) else {
                return None;
            };
            let (x, y) = (*x, *y);
            let r = match op {
                0 => x.checked_add(y)?,
                10 => x.checked_sub(y)?,
                5 => x.checked_mul(y)?,
                1 => x & y,
                7 => x | y,
                12 => x ^ y,
                2 if y != 0 => {
                    let q = x.checked_div(y)?;
                    if (x % y != 0) && ((x < 0) != (y < 0)) {
                        q - 1
                    } else {
                        q
                    }
                }
                6 if y != 0 => {
                    let r = x.checked_rem(y)?;
                    if r != 0 && ((r < 0) != (y < 0)) {
                        r + y
                    } else {
                        r
                    }
                }
                11 if y != 0 => {
                    if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                        return Some(Ok(self.new_float(x as f64 / y as f64)));
                    }
                    return None;
                }
                _ => return None,
            };
            return Some(Ok(self.new_int(r)));
        }
        if ta.is(self.types.float.as_object()) {
            let x = a.downcast_ref::<PyFloat>()?.value;
            let y = if b.class().is(ta) {
                b.downcast_ref::<PyFloat>()?.value
            } else if b.class().is(self.types.int.as_object()) {
                match &b.downcast_ref::<PyInt>()?.value {
                    IntVal::Small(v) if v.unsigned_abs() < (1 << 53) => *v as f64,
                    _ => return None,
                }
            } else {
                return None;
            };
            let r = match op {
                0 => x + y,
                10 => x - y,
                5 => x * y,
                11 if y != 0.0 => x / y,
                _ => return None,
            };
            return Some(Ok(self.new_float(r)));
        }
        None
    }

    /// `-a`, `+a`, `~a`.
    pub fn unary_op(&self, a: &PyObjectRef, op: UnaryOp) -> PyResult {
        let (name, sym) = match op {
            UnaryOp::Neg => ("__neg__", "-"),
            UnaryOp::Pos => ("__pos__", "+"),
            UnaryOp::Invert => ("__invert__", "~"),
        };
        if let UnaryOp::Neg = op {
            if a.class().is(self.types.int.as_object()) {
                if let Some(IntVal::Small(v)) = a.downcast_ref::<PyInt>().map(|i| &i.value) {
                    if let Some(n) = v.checked_neg() {
                        return Ok(self.new_int(n));
                    }
                }
            }
        }
        let n = self.intern(name);
        match self.call_special(a, &n, &[])? {
            Some(r) => Ok(r),
            None => Err(self.new_type_error(format!(
                "bad operand type for unary {}: '{}'",
                sym,
                self.type_name(a)
            ))),
        }
    }

    /// `operator.index(obj)`: an exact int via `__index__`.
    pub fn index(&self, obj: &PyObjectRef) -> PyResult {
        if obj.downcast_ref::<PyInt>().is_some() {
            if class_of(obj).ext.heap || obj.class().is(self.types.bool_.as_object()) {
                let v = obj
                    .downcast_ref::<PyInt>()
                    .map(|i| i.value.clone())
                    .unwrap_or(IntVal::Small(0));
                return Ok(self.new_int_val(v));
            }
            return Ok(obj.clone());
        }
        match self.call_special(obj, &self.names.__index__, &[])? {
            Some(r) if r.downcast_ref::<PyInt>().is_some() => Ok(r),
            Some(r) => Err(self.new_type_error(format!(
                "__index__ returned non-int (type {})",
                self.type_name(&r)
            ))),
            None => Err(self.new_type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(obj)
            ))),
        }
    }

    /// `__index__` as an `isize`, with OverflowError past the machine range
    /// ("cannot fit 'int' into an index-sized integer").
    pub fn index_isize(&self, obj: &PyObjectRef) -> PyResult<isize> {
        let i = self.index(obj)?;
        match i.downcast_ref::<PyInt>().map(|i| &i.value) {
            Some(IntVal::Small(v)) => Ok(*v as isize),
            _ => Err(self.new_exception_msg(
                &self.exc.IndexError,
                format!(
                    "cannot fit '{}' into an index-sized integer",
                    self.type_name(obj)
                ),
            )),
        }
    }
}
