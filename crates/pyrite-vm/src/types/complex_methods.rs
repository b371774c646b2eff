//! The methods of `complex`: construction from numbers and strings,
//! arithmetic mixed with ints and floats (Smith's division, integer powers
//! by repeated squaring), equality, hashing, `repr` and `format`.
//! Mirrors CPython 3.11 `Objects/complexobject.c`.

use super::complex::PyComplex;
use super::float::PyFloat;
use super::float_methods::{float_from_obj, parse_float_str};
use super::int_methods::ival;
use super::int_ops as ops;
use super::number_format::{complex_repr, format_complex_spec};
use super::str::PyStr;
use crate::args::Args;
use crate::protocol::hash::hash_f64;
use crate::types::descr::TypeDocs;
use crate::{PyObjectRef, PyResult, Vm};

type C = (f64, f64);

fn new_c(vm: &Vm, c: C) -> PyObjectRef {
    vm.alloc(PyComplex { re: c.0, im: c.1 }, &vm.types.complex)
}

/// A complex/float/int operand as a pair, or `None` (NotImplemented).
fn coerce(vm: &Vm, o: &PyObjectRef) -> PyResult<Option<C>> {
    if let Some(c) = o.downcast_ref::<PyComplex>() {
        return Ok(Some((c.re, c.im)));
    }
    if let Some(f) = o.downcast_ref::<PyFloat>() {
        return Ok(Some((f.value, 0.0)));
    }
    if let Some(i) = ival(o) {
        let f = ops::to_f64(i)
            .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"))?;
        return Ok(Some((f, 0.0)));
    }
    Ok(None)
}

/// Parse `complex(str)`; `None` if malformed.
fn parse_complex(s: &str) -> Option<C> {
    let mut t = s.trim_matches(|c: char| c.is_whitespace());
    if let Some(inner) = t.strip_prefix('(') {
        t = inner
            .strip_suffix(')')?
            .trim_matches(|c: char| c.is_whitespace());
    }
    if t.is_empty() {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    if let Some(body) = lower.strip_suffix('j') {
        // Pure imaginary or real±imag: find the split sign (not right
        // after an 'e', not at position 0).
        let b = body.as_bytes();
        let mut split = None;
        for i in (1..b.len()).rev() {
            if (b[i] == b'+' || b[i] == b'-') && b[i - 1] != b'e' {
                split = Some(i);
                break;
            }
        }
        let imag_of = |x: &str| -> Option<f64> {
            match x {
                "" | "+" => Some(1.0),
                "-" => Some(-1.0),
                _ => {
                    if x.trim() != x {
                        return None;
                    }
                    parse_float_str(x)
                }
            }
        };
        match split {
            Some(i) => {
                let (r, im) = (&body[..i], &body[i..]);
                if r.trim() != r || r.is_empty() {
                    return None;
                }
                Some((parse_float_str(r)?, imag_of(im)?))
            }
            None => Some((0.0, imag_of(body)?)),
        }
    } else {
        if lower.trim() != lower {
            return None;
        }
        Some((parse_float_str(t)?, 0.0))
    }
}

/// The complex value of a constructor argument (via `__complex__`, or as
/// a real number); `None` if it is neither.
fn as_complex_arg(vm: &Vm, o: &PyObjectRef) -> PyResult<Option<(C, bool)>> {
    if let Some(c) = o.downcast_ref::<PyComplex>() {
        return Ok(Some(((c.re, c.im), true)));
    }
    let name = vm.intern("__complex__");
    if let Some(r) = vm.call_special(o, &name, &[])? {
        return match r.downcast_ref::<PyComplex>() {
            Some(c) => Ok(Some(((c.re, c.im), true))),
            None => Err(vm.new_type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    if o.downcast_ref::<PyFloat>().is_some()
        || ival(o).is_some()
        || crate::types::typeobj::class_of(o)
            .ext
            .lookup(&vm.names.__float__)
            .is_some()
        || crate::types::typeobj::class_of(o)
            .ext
            .lookup(&vm.names.__index__)
            .is_some()
    {
        return Ok(Some(((float_from_obj(vm, o)?, 0.0), false)));
    }
    Ok(None)
}

fn complex_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("complex.__new__(): not enough arguments"))?;
    let rest = args.shift();
    let [r, i] = rest.bind(vm, "complex", ["real", "imag"], 0, 0, 2)?;
    let value = match (r, i) {
        (None, None) => (0.0, 0.0),
        (Some(r), i) if r.downcast_ref::<PyStr>().is_some() => {
            if i.is_some() {
                return Err(
                    vm.new_type_error("complex() can't take second arg if first is a string")
                );
            }
            let s = r.downcast_ref::<PyStr>().map(|s| s.as_str()).unwrap_or("");
            parse_complex(s)
                .ok_or_else(|| vm.new_value_error("complex() arg is a malformed string"))?
        }
        (r, i) => {
            if let Some(i) = i {
                if i.downcast_ref::<PyStr>().is_some() {
                    return Err(vm.new_type_error("complex() second arg can't be a string"));
                }
            }
            let (cr, r_is_c) = match r {
                None => ((0.0, 0.0), false),
                Some(r) => {
                    // An exact complex with no imag argument is returned as is.
                    if i.is_none()
                        && cls.is(vm.types.complex.as_object())
                        && r.class().is(vm.types.complex.as_object())
                    {
                        return Ok(r.clone());
                    }
                    as_complex_arg(vm, r)?.ok_or_else(|| {
                        vm.new_type_error(format!(
                            "complex() first argument must be a string or a number, not '{}'",
                            vm.type_name(r)
                        ))
                    })?
                }
            };
            let (ci, ci_is_c) = match i {
                None => return finish(vm, &cls, cr),
                Some(i) => {
                    if let Some(c) = i.downcast_ref::<PyComplex>() {
                        ((c.re, c.im), true)
                    } else {
                        match as_complex_arg(vm, i)? {
                            Some(c) => c,
                            None => {
                                return Err(vm.new_type_error(format!(
                                    "complex() second argument must be a number, not '{}'",
                                    vm.type_name(i)
                                )))
                            }
                        }
                    }
                }
            };
            // Only complex parts cross over (keeps the sign of -0.0).
            let re = if ci_is_c { cr.0 - ci.1 } else { cr.0 };
            let im = if r_is_c { ci.0 + cr.1 } else { ci.0 };
            (re, im)
        }
    };
    finish(vm, &cls, value)
}

fn finish(vm: &Vm, cls: &PyObjectRef, value: C) -> PyResult {
    if cls.is(vm.types.complex.as_object()) {
        return Ok(new_c(vm, value));
    }
    Ok(vm
        .try_alloc(
            PyComplex {
                re: value.0,
                im: value.1,
            },
            cls,
        )?
        .into_object())
}

fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Smith's algorithm; `None` on division by zero.
fn c_quot(a: C, b: C) -> Option<C> {
    let (abr, abi) = (b.0.abs(), b.1.abs());
    if abr >= abi {
        if abr == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abi >= abr {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn c_powu(x: C, n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `a ** b`; `Err(true)` = zero to a negative/complex power, `Err(false)`
/// = overflow.
fn c_pow_checked(a: C, b: C) -> Result<C, bool> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            c_powu(a, n as u64)
        } else {
            c_quot((1.0, 0.0), c_powu(a, n.unsigned_abs())).ok_or(true)?
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(true);
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(false);
    }
    Ok(r)
}

/// `a ** b` as a Python object (used by `float ** float` for negative
/// bases with fractional exponents too).
pub fn complex_pow_obj(vm: &Vm, a: C, b: C) -> PyResult {
    match c_pow_checked(a, b) {
        Ok(r) => Ok(new_c(vm, r)),
        Err(true) => Err(vm.new_zero_division_error("0.0 to a negative or complex power")),
        Err(false) => Err(vm.new_overflow_error("complex exponentiation")),
    }
}

fn cop(vm: &Vm, op: char, a: C, b: C) -> PyResult {
    let r = match op {
        '+' => (a.0 + b.0, a.1 + b.1),
        '-' => (a.0 - b.0, a.1 - b.1),
        '*' => c_prod(a, b),
        '/' => {
            c_quot(a, b).ok_or_else(|| vm.new_zero_division_error("complex division by zero"))?
        }
        _ => return complex_pow_obj(vm, a, b),
    };
    Ok(new_c(vm, r))
}

macro_rules! cbinop {
    ($name:ident, $rname:ident, $op:literal) => {
        fn $name(vm: &Vm, args: Args) -> PyResult {
            let [a, b] = args.exact::<2>(vm, "op")?;
            match (coerce(vm, a)?, coerce(vm, b)?) {
                (Some(x), Some(y)) => cop(vm, $op, x, y),
                _ => Ok(vm.not_implemented.clone()),
            }
        }
        fn $rname(vm: &Vm, args: Args) -> PyResult {
            let [a, b] = args.exact::<2>(vm, "op")?;
            match (coerce(vm, a)?, coerce(vm, b)?) {
                (Some(x), Some(y)) => cop(vm, $op, y, x),
                _ => Ok(vm.not_implemented.clone()),
            }
        }
    };
}

cbinop!(c_add, c_radd, '+');
cbinop!(c_sub, c_rsub, '-');
cbinop!(c_mul, c_rmul, '*');
cbinop!(c_div, c_rdiv, '/');

fn pow_common(vm: &Vm, args: Args, reflected: bool) -> PyResult {
    let [a, b, m] = args.range::<3>(vm, "__pow__", 2)?;
    if m.is_some_and(|m| !m.is(&vm.none)) {
        return Err(vm.new_value_error("complex modulo"));
    }
    let (a, b) = (a.unwrap_or(&vm.none), b.unwrap_or(&vm.none));
    match (coerce(vm, a)?, coerce(vm, b)?) {
        (Some(x), Some(y)) if reflected => complex_pow_obj(vm, y, x),
        (Some(x), Some(y)) => complex_pow_obj(vm, x, y),
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn c_pow(vm: &Vm, args: Args) -> PyResult {
    pow_common(vm, args, false)
}
fn c_rpow(vm: &Vm, args: Args) -> PyResult {
    pow_common(vm, args, true)
}

fn cself(vm: &Vm, args: &Args, name: &str) -> PyResult<C> {
    let a = super::int_methods::noargs_self(vm, args, "complex", name)?;
    a.downcast_ref::<PyComplex>()
        .map(|c| (c.re, c.im))
        .ok_or_else(|| super::int_methods::bad_self(vm, "complex", name, a))
}

fn c_neg(vm: &Vm, args: Args) -> PyResult {
    let c = cself(vm, &args, "__neg__")?;
    Ok(new_c(vm, (-c.0, -c.1)))
}
fn c_pos(vm: &Vm, args: Args) -> PyResult {
    let c = cself(vm, &args, "__pos__")?;
    Ok(new_c(vm, c))
}
fn c_complex(vm: &Vm, args: Args) -> PyResult {
    let c = cself(vm, &args, "__complex__")?;
    Ok(new_c(vm, c))
}
fn c_conjugate(vm: &Vm, args: Args) -> PyResult {
    let c = cself(vm, &args, "conjugate")?;
    Ok(new_c(vm, (c.0, -c.1)))
}
fn c_bool(vm: &Vm, args: Args) -> PyResult {
    let c = cself(vm, &args, "__bool__")?;
    Ok(vm.new_bool(c.0 != 0.0 || c.1 != 0.0))
}
fn c_abs(vm: &Vm, args: Args) -> PyResult {
    let c = cself(vm, &args, "__abs__")?;
    if c.0.is_infinite() || c.1.is_infinite() {
        return Ok(vm.new_float(f64::INFINITY));
    }
    if c.0.is_nan() || c.1.is_nan() {
        return Ok(vm.new_float(f64::NAN));
    }
    let r = c.0.hypot(c.1);
    if r.is_infinite() {
        return Err(vm.new_overflow_error("absolute value too large"));
    }
    Ok(vm.new_float(r))
}
fn c_repr(vm: &Vm, args: Args) -> PyResult {
    let c = cself(vm, &args, "__repr__")?;
    Ok(vm.new_str(complex_repr(c.0, c.1)))
}
fn c_hash(vm: &Vm, args: Args) -> PyResult {
    let c = cself(vm, &args, "__hash__")?;
    let a = &args.pos()[0];
    let hr = hash_f64(c.0, a.id()) as u64;
    let hi = hash_f64(c.1, a.id()) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}
fn c_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let c = cself(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![vm.new_float(c.0), vm.new_float(c.1)]))
}
fn c_format(vm: &Vm, args: Args) -> PyResult {
    let [a, spec] = args.exact::<2>(vm, "__format__")?;
    let c = a
        .downcast_ref::<PyComplex>()
        .map(|c| (c.re, c.im))
        .ok_or_else(|| vm.new_type_error("descriptor '__format__' requires a 'complex' object"))?;
    let spec = spec.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        ))
    })?;
    if spec.as_str().is_empty() {
        return vm.str(a).map(|s| s.into_object());
    }
    format_complex_spec(vm, c.0, c.1, spec.as_str(), &vm.type_name(a)).map(|s| vm.new_str(s))
}

fn c_eq_impl(vm: &Vm, args: Args, ne: bool) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    let Some(x) = a.downcast_ref::<PyComplex>().map(|c| (c.re, c.im)) else {
        return Ok(vm.not_implemented.clone());
    };
    let eq = if let Some(c) = b.downcast_ref::<PyComplex>() {
        x.0 == c.re && x.1 == c.im
    } else if let Some(f) = b.downcast_ref::<PyFloat>() {
        x.1 == 0.0 && x.0 == f.value
    } else if let Some(i) = ival(b) {
        x.1 == 0.0 && ops::cmp_int_float(i, x.0) == Some(std::cmp::Ordering::Equal)
    } else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(eq != ne))
}
fn c_eq(vm: &Vm, args: Args) -> PyResult {
    c_eq_impl(vm, args, false)
}
fn c_ne(vm: &Vm, args: Args) -> PyResult {
    c_eq_impl(vm, args, true)
}

fn get_real(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_float(o.downcast_ref::<PyComplex>().map(|c| c.re).unwrap_or(0.0)))
}
fn get_imag(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_float(o.downcast_ref::<PyComplex>().map(|c| c.im).unwrap_or(0.0)))
}

/// Docstrings of `complex` and its methods (CPython's texts).
pub(crate) const COMPLEX_DOCS: TypeDocs = TypeDocs {
    doc: "complex(real=0, imag=0)\n--\n\nCreate a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0.",
    members: &[
        ("conjugate", "conjugate($self, /)\n--\n\nReturn the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."),
        ("__complex__", "__complex__($self, /)\n--\n\nConvert this value to exact type complex."),
        ("__getnewargs__", "__getnewargs__($self, /)\n--\n\n"),
        ("__format__", "__format__($self, format_spec, /)\n--\n\nConvert to a string according to format_spec."),
        ("real", "the real part of a complex number"),
        ("imag", "the imaginary part of a complex number"),
    ],
};

/// Register `complex`'s methods.
pub fn init(vm: &Vm) {
    let t = &vm.types.complex;
    vm.add_staticmethod(t, "__new__", complex_new);
    let m: &[(&'static str, crate::args::NativeFn)] = &[
        ("__add__", c_add),
        ("__radd__", c_radd),
        ("__sub__", c_sub),
        ("__rsub__", c_rsub),
        ("__mul__", c_mul),
        ("__rmul__", c_rmul),
        ("__truediv__", c_div),
        ("__rtruediv__", c_rdiv),
        ("__pow__", c_pow),
        ("__rpow__", c_rpow),
        ("__neg__", c_neg),
        ("__pos__", c_pos),
        ("__abs__", c_abs),
        ("__bool__", c_bool),
        ("__repr__", c_repr),
        ("__hash__", c_hash),
        ("__format__", c_format),
        ("__eq__", c_eq),
        ("__ne__", c_ne),
        ("__complex__", c_complex),
        ("conjugate", c_conjugate),
        ("__getnewargs__", c_getnewargs),
    ];
    for (name, f) in m {
        vm.add_method(t, name, *f);
    }
    vm.add_getset(t, "real", get_real, None);
    vm.add_getset(t, "imag", get_imag, None);
    vm.set_docs(&vm.types.complex, &COMPLEX_DOCS);
}
