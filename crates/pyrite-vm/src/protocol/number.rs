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
    #[inline]
    pub fn binary_op(&self, a: &PyObjectRef, b: &PyObjectRef, op: u32) -> PyResult {
        if let Some(r) = self.fast_binary(a, b, op % 13) {
            return r;
        }
        self.binary_op_slow(a, b, op)
    }

    fn binary_op_slow(&self, a: &PyObjectRef, b: &PyObjectRef, op: u32) -> PyResult {
        if op >= 13 {
            let base = (op - 13) as usize;
            let iname = &self.binop_names[base][2];
            if let Some(r) = self.call_special(a, iname, std::slice::from_ref(b))? {
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
            return self.binary_op1(a, b, base, true);
        }
        self.binary_op1(a, b, op as usize, false)
    }

    fn binary_op1(&self, a: &PyObjectRef, b: &PyObjectRef, op: usize, inplace: bool) -> PyResult {
        let sym = BINOPS[op].3;
        let [lname, rname, _] = &self.binop_names[op];
        let ta = a.class();
        let tb = b.class();
        let slotv = class_of(a).ext.lookup(lname);
        let slotw = if ta.is(tb) {
            None
        } else {
            class_of(b).ext.lookup(rname)
        };
        let mut slotw = slotw;
        if let Some(v) = &slotv {
            if let Some(w) = &slotw {
                if is_subtype(tb, ta) && !w.is(v) {
                    let r = self.call_unbound(w, b, std::slice::from_ref(a), &[])?;
                    if !r.is(&self.not_implemented) {
                        return Ok(r);
                    }
                    slotw = None;
                }
            }
            let r = self.call_unbound(v, a, std::slice::from_ref(b), &[])?;
            if !r.is(&self.not_implemented) {
                return Ok(r);
            }
        }
        if let Some(w) = slotw {
            let r = self.call_unbound(&w, b, std::slice::from_ref(a), &[])?;
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

    /// The commonest arithmetic, inlined into the loop's `BINARY_OP`
    /// (CPython's `BINARY_OP_ADD_INT`, `_MULTIPLY_FLOAT`, ...): `+ - *` on
    /// two exact small ints with a small result, `+ - * /` on two exact
    /// floats. `op` is the instruction's argument (in-place forms included:
    /// ints and floats are immutable). Takes the popped operands; gives
    /// them back when `binary_op` must decide.
    ///
    /// A result that needs a new object goes into an operand this
    /// instruction holds the only reference to (a temporary such as
    /// `dx * dx` in `dx * dx + dy * dy`), which would be freed right after
    /// anyway: nobody can tell it from a fresh object, and the allocation
    /// and the free are both saved.
    #[inline(always)]
    pub fn arith_hit(
        &self,
        a: PyObjectRef,
        b: PyObjectRef,
        op: u32,
    ) -> Result<PyObjectRef, (PyObjectRef, PyObjectRef)> {
        let op = if op >= 13 { op - 13 } else { op };
        let ta = a.class();
        if !ta.is(b.class()) {
            return Err((a, b));
        }
        if ta.is(self.types.int.as_object()) {
            let (
                Some(PyInt {
                    value: IntVal::Small(x),
                }),
                Some(PyInt {
                    value: IntVal::Small(y),
                }),
            ) = (a.downcast_ref::<PyInt>(), b.downcast_ref::<PyInt>())
            else {
                return Err((a, b));
            };
            // Three arms, not `small_int_op`'s full match: measured 7
            // instructions cheaper per operation in the loop.
            let r = match op {
                0 => x.checked_add(*y),
                10 => x.checked_sub(*y),
                5 => x.checked_mul(*y),
                _ => None,
            };
            let Some(r) = r else {
                return Err((a, b));
            };
            if let Some(i) = self.cached_int(r) {
                return Ok(i);
            }
            return Ok(
                reuse_or_new(a, b, |p: &mut PyInt| p.value = IntVal::Small(r))
                    .unwrap_or_else(|| self.alloc(PyInt::new(IntVal::Small(r)), &self.types.int)),
            );
        }
        if ta.is(self.types.float.as_object()) {
            let (Some(x), Some(y)) = (a.downcast_ref::<PyFloat>(), b.downcast_ref::<PyFloat>())
            else {
                return Err((a, b));
            };
            let (x, y) = (x.value, y.value);
            let r = match op {
                0 => x + y,
                10 => x - y,
                5 => x * y,
                11 if y != 0.0 => x / y,
                _ => return Err((a, b)),
            };
            return Ok(reuse_or_new(a, b, |p: &mut PyFloat| p.value = r)
                .unwrap_or_else(|| self.new_float(r)));
        }
        Err((a, b))
    }

    /// Arithmetic on exact ints and floats without method calls: what
    /// `int.__add__` & co. would compute, for the operands and operators
    /// where that cannot fail (an error or an unusual case returns `None`
    /// and takes the general path, which raises the right exception).
    #[inline]
    pub fn fast_binary(&self, a: &PyObjectRef, b: &PyObjectRef, op: u32) -> Option<PyResult> {
        let ta = a.class();
        let tb = b.class();
        let int_t = self.types.int.as_object();
        let float_t = self.types.float.as_object();
        if ta.is(int_t) && tb.is(int_t) {
            let (x, y) = (
                &a.downcast_ref::<PyInt>()?.value,
                &b.downcast_ref::<PyInt>()?.value,
            );
            if let (IntVal::Small(x), IntVal::Small(y)) = (x, y) {
                if let Some(r) = small_int_op(*x, *y, op) {
                    return Some(Ok(self.new_int(r)));
                }
            }
            return self.int_op(x, y, op);
        }
        let x = if ta.is(float_t) {
            a.downcast_ref::<PyFloat>()?.value
        } else if ta.is(int_t) && tb.is(float_t) {
            exact_small_f64(a)?
        } else {
            return None;
        };
        let y = if tb.is(float_t) {
            b.downcast_ref::<PyFloat>()?.value
        } else if tb.is(int_t) {
            exact_small_f64(b)?
        } else {
            return None;
        };
        let r = match op {
            0 => x + y,
            10 => x - y,
            5 => x * y,
            11 if y != 0.0 => x / y,
            2 if y != 0.0 => crate::types::float_methods::float_divmod(x, y).0,
            6 if y != 0.0 => crate::types::float_methods::float_mod(x, y),
            8 => return Some(crate::types::float_methods::float_pow_vals(self, x, y)),
            _ => return None,
        };
        Some(Ok(self.new_float(r)))
    }

    /// Exact ints of any size (`small_int_op` said no).
    fn int_op(&self, x: &IntVal, y: &IntVal, op: u32) -> Option<PyResult> {
        use crate::types::int_ops as ops;
        let r = match op {
            0 => ops::add(x, y),
            10 => ops::sub(x, y),
            5 => ops::mul(x, y),
            1 => ops::bitand(x, y),
            7 => ops::bitor(x, y),
            12 => ops::bitxor(x, y),
            2 => ops::floordiv(x, y).ok()?,
            6 => ops::modulo(x, y).ok()?,
            3 => ops::shl(x, y).ok()?,
            9 => ops::shr(x, y).ok()?,
            8 if matches!(y, IntVal::Small(e) if *e >= 0) => ops::pow(x, y).ok()?,
            11 => return ops::truediv(x, y).ok().map(|f| Ok(self.new_float(f))),
            _ => return None,
        };
        Some(Ok(self.new_int_val(r)))
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

/// `x <op> y` on machine ints when the result is a machine int.
#[inline]
fn small_int_op(x: i64, y: i64, op: u32) -> Option<i64> {
    Some(match op {
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
        // Shifts by less than the word size that lose no bits.
        3 if (0..63).contains(&y) => {
            let r = x << y;
            if r >> y != x {
                return None;
            }
            r
        }
        9 if y >= 0 => x >> y.min(63),
        _ => return None,
    })
}

/// An exact small int as the float CPython would convert it to, when that
/// conversion is exact (|v| < 2**53).
#[inline]
fn exact_small_f64(o: &PyObjectRef) -> Option<f64> {
    match &o.downcast_ref::<PyInt>()?.value {
        IntVal::Small(v) if v.unsigned_abs() < (1 << 53) => Some(*v as f64),
        _ => None,
    }
}

/// Write a result into whichever operand is held only by the caller (see
/// `Vm::arith_hit`) and return it, dropping the other; None (both dropped)
/// when both are shared.
#[inline(always)]
fn reuse_or_new<T: crate::Payload>(
    mut a: PyObjectRef,
    mut b: PyObjectRef,
    set: impl Fn(&mut T),
) -> Option<PyObjectRef> {
    if let Some(p) = a.unique_payload_mut::<T>() {
        set(p);
        drop(b);
        return Some(a);
    }
    if let Some(p) = b.unique_payload_mut::<T>() {
        set(p);
        drop(a);
        return Some(b);
    }
    None
}
