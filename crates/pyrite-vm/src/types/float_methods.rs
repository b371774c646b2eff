//! The methods of `float`: construction from numbers and strings,
//! arithmetic mixed with ints, exact comparisons with ints, rounding,
//! `hex`/`fromhex`, `as_integer_ratio`, formatting, and the shared helpers
//! `float_from_obj`, `parse_float_str` and `ldexp`.
//! Mirrors CPython 3.11 `Objects/floatobject.c`.

use crate::types::descr::TypeDocs;
use std::cmp::Ordering;

use dashu_int::IBig;

use super::bytes::{PyByteArray, PyBytes};
use super::float::{float_repr, PyFloat};
use super::int::IntVal;
use super::int_methods::{float_to_int, ival};
use super::int_ops as ops;
use super::str::PyStr;
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::protocol::hash::{frexp, hash_f64};
use crate::{PyObjectRef, PyResult, Vm};

/// Parse a float literal as `float(str)` does: surrounding whitespace,
/// sign, `inf`/`infinity`/`nan`, underscores between digits. `None` if
/// invalid.
pub fn parse_float_str(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    if t.is_empty() {
        return None;
    }
    let (neg, body) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ if body.starts_with(['+', '-']) => return None,
        _ => {
            let mut clean = String::with_capacity(body.len());
            let chars: Vec<char> = body.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                if c == '_' {
                    let ok = i > 0
                        && i + 1 < chars.len()
                        && chars[i - 1].is_ascii_digit()
                        && chars[i + 1].is_ascii_digit();
                    if !ok {
                        return None;
                    }
                    continue;
                }
                let c = if c.is_ascii() {
                    c
                } else {
                    let d = char::from_digit(unicode_digit(c)?, 10)?;
                    d
                };
                if !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')) {
                    return None;
                }
                clean.push(c);
            }
            clean.parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

fn unicode_digit(c: char) -> Option<u32> {
    let n = c as u32;
    const ZEROS: [u32; 8] = [0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xFF10, 0x1D7CE, 0x1D7D8];
    ZEROS
        .iter()
        .find(|&&z| n >= z && n < z + 10)
        .map(|&z| n - z)
}

/// A float from an int/float/`__float__`/`__index__` object (as the C
/// API's `PyFloat_AsDouble`).
pub fn float_from_obj(vm: &Vm, obj: &PyObjectRef) -> PyResult<f64> {
    if let Some(f) = obj.downcast_ref::<PyFloat>() {
        return Ok(f.value);
    }
    if let Some(i) = ival(obj) {
        return ops::to_f64(i)
            .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"));
    }
    if let Some(r) = vm.call_special(obj, &vm.names.__float__, &[])? {
        return match r.downcast_ref::<PyFloat>() {
            Some(f) => Ok(f.value),
            None => Err(vm.new_type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(obj),
                vm.type_name(&r)
            ))),
        };
    }
    if let Some(r) = vm.call_special(obj, &vm.names.__index__, &[])? {
        return match ival(&r) {
            Some(i) => ops::to_f64(i)
                .ok_or_else(|| vm.new_overflow_error("int too large to convert to float")),
            None => Err(vm.new_type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Err(vm.new_type_error(format!("must be real number, not {}", vm.type_name(obj))))
}

fn float_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("float.__new__(): not enough arguments"))?;
    let rest = args.shift();
    rest.no_kwargs(vm, "float")?;
    let [x] = rest.bind(vm, "float", ["x"], 0, 1, 1)?;
    let v = match x {
        None => 0.0,
        Some(x) => {
            let text: Option<String> = if let Some(s) = x.downcast_ref::<PyStr>() {
                Some(s.as_str().to_string())
            } else if let Some(b) = x.downcast_ref::<PyBytes>() {
                Some(String::from_utf8_lossy(&b.data).into_owned())
            } else if let Some(b) = x.downcast_ref::<PyByteArray>() {
                Some(String::from_utf8_lossy(&b.data.borrow()).into_owned())
            } else {
                None
            };
            match text {
                Some(t) => parse_float_str(&t).ok_or_else(|| {
                    let r = if let Some(s) = x.downcast_ref::<PyStr>() {
                        super::str_case::str_repr_marked(&t, s.has_surrogates())
                    } else {
                        vm.repr_string(x).unwrap_or_default()
                    };
                    vm.new_value_error(format!("could not convert string to float: {r}"))
                })?,
                None => {
                    if x.downcast_ref::<PyFloat>().is_none()
                        && ival(x).is_none()
                        && crate::types::typeobj::class_of(x)
                            .ext
                            .lookup(&vm.names.__float__)
                            .is_none()
                        && crate::types::typeobj::class_of(x)
                            .ext
                            .lookup(&vm.names.__index__)
                            .is_none()
                    {
                        return Err(vm.new_type_error(format!(
                            "float() argument must be a string or a real number, not '{}'",
                            vm.type_name(x)
                        )));
                    }
                    float_from_obj(vm, x)?
                }
            }
        }
    };
    if cls.is(vm.types.float.as_object()) {
        return Ok(vm.new_float(v));
    }
    Ok(vm.try_alloc(PyFloat { value: v }, &cls)?.into_object())
}

/// The other operand of a float operation as a double, or `None`
/// (NotImplemented).
fn coerce(vm: &Vm, o: &PyObjectRef) -> PyResult<Option<f64>> {
    if let Some(f) = o.downcast_ref::<PyFloat>() {
        return Ok(Some(f.value));
    }
    if let Some(i) = ival(o) {
        return ops::to_f64(i)
            .map(Some)
            .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"));
    }
    Ok(None)
}

/// `x % y` as CPython's `float_rem`.
pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0f64.copysign(y)
    }
}

/// `divmod(x, y)` as CPython's `float_divmod` (y != 0).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(y);
    }
    let fd = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(x / y)
    };
    (fd, m)
}

fn is_odd_integer(w: f64) -> bool {
    w.is_finite() && w == w.floor() && (w % 2.0).abs() == 1.0
}

/// `x ** y` for floats (CPython's `float_pow`): may return a complex for
/// a negative base with a fractional exponent.
pub fn float_pow_vals(vm: &Vm, iv: f64, iw: f64) -> PyResult {
    if iw == 0.0 {
        return Ok(vm.new_float(1.0));
    }
    if iv.is_nan() {
        return Ok(vm.new_float(iv));
    }
    if iw.is_nan() {
        return Ok(vm.new_float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(vm.new_float(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(vm.new_float(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return Err(vm.new_zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(vm.new_float(if odd { iv } else { 0.0 }));
    }
    let mut negate = false;
    let mut base = iv;
    if iv < 0.0 {
        if iw != iw.floor() {
            return super::complex_methods::complex_pow_obj(vm, (iv, 0.0), (iw, 0.0));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(vm.new_float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(errno_range_error(vm));
    }
    Ok(vm.new_float(if negate { -r } else { r }))
}

/// `OverflowError(34, 'Numerical result out of range')` (C's ERANGE).
pub fn errno_range_error(vm: &Vm) -> crate::PyBaseExceptionRef {
    vm.new_exception(
        &vm.exc.OverflowError,
        vec![vm.new_int(34), vm.new_str("Numerical result out of range")],
    )
}

fn fop(vm: &Vm, op: &str, x: f64, y: f64) -> PyResult {
    let r = match op {
        "+" => x + y,
        "-" => x - y,
        "*" => x * y,
        "/" => {
            if y == 0.0 {
                return Err(vm.new_zero_division_error("float division by zero"));
            }
            x / y
        }
        "//" => {
            if y == 0.0 {
                return Err(vm.new_zero_division_error("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        "%" => {
            if y == 0.0 {
                return Err(vm.new_zero_division_error("float modulo"));
            }
            float_mod(x, y)
        }
        "divmod" => {
            if y == 0.0 {
                return Err(vm.new_zero_division_error("float divmod()"));
            }
            let (q, m) = float_divmod(x, y);
            return Ok(vm.new_tuple(vec![vm.new_float(q), vm.new_float(m)]));
        }
        _ => return float_pow_vals(vm, x, y),
    };
    Ok(vm.new_float(r))
}

macro_rules! fbinop {
    ($name:ident, $rname:ident, $sym:literal) => {
        fn $name(vm: &Vm, args: Args) -> PyResult {
            let [a, b] = args.exact::<2>(vm, $sym)?;
            match (coerce(vm, a)?, coerce(vm, b)?) {
                (Some(x), Some(y)) => fop(vm, $sym, x, y),
                _ => Ok(vm.not_implemented.clone()),
            }
        }
        fn $rname(vm: &Vm, args: Args) -> PyResult {
            let [a, b] = args.exact::<2>(vm, $sym)?;
            match (coerce(vm, a)?, coerce(vm, b)?) {
                (Some(x), Some(y)) => fop(vm, $sym, y, x),
                _ => Ok(vm.not_implemented.clone()),
            }
        }
    };
}

fbinop!(float_add, float_radd, "+");
fbinop!(float_sub, float_rsub, "-");
fbinop!(float_mul, float_rmul, "*");
fbinop!(float_truediv, float_rtruediv, "/");
fbinop!(float_floordiv, float_rfloordiv, "//");
fbinop!(float_modm, float_rmod, "%");
fbinop!(float_divmodm, float_rdivmod, "divmod");

fn pow_common(vm: &Vm, args: Args, reflected: bool) -> PyResult {
    let [a, b, m] = args.range::<3>(vm, "__pow__", 2)?;
    if m.is_some_and(|m| !m.is(&vm.none)) {
        return Err(
            vm.new_type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let (a, b) = (a.unwrap_or(&vm.none), b.unwrap_or(&vm.none));
    match (coerce(vm, a)?, coerce(vm, b)?) {
        (Some(x), Some(y)) if reflected => float_pow_vals(vm, y, x),
        (Some(x), Some(y)) => float_pow_vals(vm, x, y),
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn float_pow(vm: &Vm, args: Args) -> PyResult {
    pow_common(vm, args, false)
}
fn float_rpow(vm: &Vm, args: Args) -> PyResult {
    pow_common(vm, args, true)
}

fn fself(vm: &Vm, args: &Args, name: &str) -> PyResult<f64> {
    let a = super::int_methods::noargs_self(vm, args, "float", name)?;
    a.downcast_ref::<PyFloat>()
        .map(|f| f.value)
        .ok_or_else(|| super::int_methods::bad_self(vm, "float", name, a))
}

fn float_neg(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_float(-fself(vm, &args, "__neg__")?))
}
fn float_pos(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_float(fself(vm, &args, "__pos__")?))
}
fn float_abs(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_float(fself(vm, &args, "__abs__")?.abs()))
}
fn float_bool(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(fself(vm, &args, "__bool__")? != 0.0))
}
fn float_float(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_float(fself(vm, &args, "__float__")?))
}
fn float_int(vm: &Vm, args: Args) -> PyResult {
    let v = fself(vm, &args, "__int__")?;
    Ok(vm.new_int_val(float_to_int(vm, v)?))
}
fn float_floor(vm: &Vm, args: Args) -> PyResult {
    let v = fself(vm, &args, "__floor__")?;
    Ok(vm.new_int_val(float_to_int(vm, v.floor())?))
}
fn float_ceil(vm: &Vm, args: Args) -> PyResult {
    let v = fself(vm, &args, "__ceil__")?;
    Ok(vm.new_int_val(float_to_int(vm, v.ceil())?))
}
fn float_hash(vm: &Vm, args: Args) -> PyResult {
    let v = fself(vm, &args, "__hash__")?;
    let a = &args.pos()[0];
    Ok(vm.new_int(hash_f64(v, a.id())))
}
fn float_repr_m(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_str(float_repr(fself(vm, &args, "__repr__")?)))
}
fn float_is_integer(vm: &Vm, args: Args) -> PyResult {
    let v = fself(vm, &args, "is_integer")?;
    Ok(vm.new_bool(v.is_finite() && v == v.floor()))
}
fn float_conjugate(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_float(fself(vm, &args, "conjugate")?))
}
fn float_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let v = fself(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![vm.new_float(v)]))
}

fn float_as_integer_ratio(vm: &Vm, args: Args) -> PyResult {
    let v = fself(vm, &args, "as_integer_ratio")?;
    if v.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert Infinity to integer ratio"));
    }
    if v.is_nan() {
        return Err(vm.new_value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = ops::f64_ratio(v);
    Ok(vm.new_tuple(vec![vm.new_int_val(n), vm.new_int_val(d)]))
}

/// `round(x, ndigits)` for a float: exact half-even rounding of the
/// binary value to `nd` decimal places, then one correct rounding back.
pub fn round_float(vm: &Vm, x: f64, nd: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if nd > 323 {
        return Ok(x);
    }
    if nd < -308 {
        return Ok(0.0 * x);
    }
    let (n, d) = ops::f64_ratio(x);
    let ten = IntVal::Small(10);
    let p = ops::pow(&ten, &IntVal::Small(nd.abs())).map_err(|_| vm.new_memory_error())?;
    // y = x * 10**nd as a fraction num/den.
    let (num, den) = if nd >= 0 {
        (ops::mul(&n, &p), d)
    } else {
        (n, ops::mul(&d, &p))
    };
    let (q, r) = ops::divmod(&num, &den).map_err(|_| vm.new_memory_error())?;
    let twice = ops::mul(&r, &IntVal::Small(2));
    let q = match ops::cmp(&twice, &den) {
        Ordering::Greater => ops::add(&q, &IntVal::Small(1)),
        Ordering::Equal if ops::bitand(&q, &IntVal::Small(1)) == IntVal::Small(1) => {
            ops::add(&q, &IntVal::Small(1))
        }
        _ => q,
    };
    let v = if nd >= 0 {
        ops::ratio_to_f64(&q, &p)
    } else {
        ops::to_f64(&ops::mul(&q, &p))
    };
    match v {
        Some(v) => Ok(if v == 0.0 { 0f64.copysign(x) } else { v }),
        None => Err(vm.new_overflow_error("rounded value too large to represent")),
    }
}

fn float_round(vm: &Vm, args: Args) -> PyResult {
    let [a, nd] = args.range::<2>(vm, "__round__", 1)?;
    let x = a
        .and_then(|a| a.downcast_ref::<PyFloat>())
        .map(|f| f.value)
        .ok_or_else(|| vm.new_type_error("descriptor '__round__' requires a 'float' object"))?;
    match nd {
        Some(n) if !n.is(&vm.none) => {
            let i = vm.index(n)?;
            let nd = match ival(&i) {
                Some(IntVal::Small(v)) => *v,
                Some(v) if v.is_negative() => i64::MIN,
                _ => i64::MAX,
            };
            Ok(vm.new_float(round_float(vm, x, nd)?))
        }
        _ => {
            let r = x.round_ties_even();
            Ok(vm.new_int_val(float_to_int(vm, r)?))
        }
    }
}

fn compare(vm: &Vm, args: Args, op: CompareOp) -> PyResult {
    let [a, b] = args.exact::<2>(vm, op.symbol())?;
    let Some(x) = a.downcast_ref::<PyFloat>().map(|f| f.value) else {
        return Ok(vm.not_implemented.clone());
    };
    let ord = if let Some(y) = b.downcast_ref::<PyFloat>() {
        x.partial_cmp(&y.value)
    } else if let Some(i) = ival(b) {
        ops::cmp_int_float(i, x).map(|o| o.reverse())
    } else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(match ord {
        Some(o) => op.eval_ord(o),
        None => matches!(op, CompareOp::Ne),
    }))
}

fn float_eq(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Eq)
}
fn float_ne(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Ne)
}
fn float_lt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Lt)
}
fn float_le(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Le)
}
fn float_gt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Gt)
}
fn float_ge(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Ge)
}

/// `float.hex()`.
pub fn float_hex_str(v: f64) -> String {
    if v.is_nan() || v.is_infinite() {
        return float_repr(v);
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!(
        "{sign}0x{lead}.{mant:013x}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )
}

fn float_hex(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_str(float_hex_str(fself(vm, &args, "hex")?)))
}

/// Correctly rounded `m * 2**e` for any integer `m` (None on overflow).
fn scaled_to_f64(m: &IBig, e: i64) -> Option<f64> {
    let mv = IntVal::from_big(m.clone());
    if e >= 0 {
        let e = e.min(1 << 20);
        ops::to_f64(&ops::shl(&mv, &IntVal::Small(e)).ok()?)
    } else {
        let e = (-e).min(1 << 20);
        ops::ratio_to_f64(&mv, &ops::shl(&IntVal::Small(1), &IntVal::Small(e)).ok()?)
    }
}

/// `float.fromhex(s)`; the error message on failure.
pub fn float_fromhex_str(s: &str) -> Result<f64, &'static str> {
    const INVALID: &str = "invalid hexadecimal floating-point string";
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let sgn = |v: f64| if neg { -v } else { v };
    if lower == "inf" || lower == "infinity" {
        return Ok(sgn(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(sgn(f64::NAN));
    }
    let mut rest = lower.as_str();
    if let Some(r) = rest.strip_prefix("0x") {
        rest = r;
    }
    let (mant, exp) = match rest.find('p') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return Err(INVALID);
    }
    if !ip.chars().chain(fp.chars()).all(|c| c.is_ascii_hexdigit()) {
        return Err(INVALID);
    }
    let mut e: i64 = match exp {
        None => 0,
        Some(x) => {
            let digits = x.strip_prefix(['+', '-']).unwrap_or(x);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err(INVALID);
            }
            // Clamp absurd exponents; they overflow or underflow anyway.
            let v: i64 = digits
                .chars()
                .take(12)
                .fold(0i64, |a, c| a * 10 + c as i64 - 48);
            let v = if digits.len() > 12 { i64::MAX / 4 } else { v };
            if x.starts_with('-') {
                -v
            } else {
                v
            }
        }
    };
    let all: String = format!("{ip}{fp}");
    let all = all.trim_start_matches('0');
    e -= 4 * fp.len() as i64;
    if all.is_empty() {
        return Ok(sgn(0.0));
    }
    let m = IBig::from_str_radix(all, 16).map_err(|_| INVALID)?;
    let top = m.clone();
    let bits = dashu_int::ops::BitTest::bit_len(&top) as i64;
    if bits + e > 1025 {
        return Err("hexadecimal value too large to represent as a float");
    }
    if bits + e < -1080 {
        return Ok(sgn(0.0));
    }
    match scaled_to_f64(&m, e) {
        Some(v) => Ok(sgn(v)),
        None => Err("hexadecimal value too large to represent as a float"),
    }
}

fn float_fromhex(vm: &Vm, args: Args) -> PyResult {
    let [cls, s] = args.exact::<2>(vm, "fromhex")?;
    let s = s.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(s)
        ))
    })?;
    let v = match float_fromhex_str(s.as_str()) {
        Ok(v) => v,
        Err(m) if m.starts_with("invalid") => return Err(vm.new_value_error(m)),
        Err(m) => return Err(vm.new_overflow_error(m)),
    };
    let f = vm.new_float(v);
    if cls.is(vm.types.float.as_object()) {
        return Ok(f);
    }
    vm.call(cls, &[f])
}

fn float_getformat(vm: &Vm, args: Args) -> PyResult {
    let [_, t] = args.exact::<2>(vm, "__getformat__")?;
    let s = t.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "__getformat__() argument must be str, not {}",
            vm.type_name(t)
        ))
    })?;
    match s.as_str() {
        "double" | "float" => Ok(vm.new_str("IEEE, little-endian")),
        _ => Err(vm.new_value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

fn float_format(vm: &Vm, args: Args) -> PyResult {
    let [a, spec] = args.exact::<2>(vm, "__format__")?;
    let v = a
        .downcast_ref::<PyFloat>()
        .map(|f| f.value)
        .ok_or_else(|| vm.new_type_error("descriptor '__format__' requires a 'float' object"))?;
    let spec = spec.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        ))
    })?;
    if spec.as_str().is_empty() {
        return vm.str(a).map(|s| s.into_object());
    }
    super::number_format::format_float_spec(vm, v, spec.as_str(), &vm.type_name(a))
        .map(|s| vm.new_str(s))
}

fn get_real(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_float(o.downcast_ref::<PyFloat>().map(|f| f.value).unwrap_or(0.0)))
}
fn get_imag(vm: &Vm, _o: &PyObjectRef) -> PyResult {
    Ok(vm.new_float(0.0))
}

/// Correctly rounded `x * 2**e` (C's `ldexp`), `None` on overflow.
pub fn ldexp(x: f64, e: i64) -> Option<f64> {
    if x == 0.0 || !x.is_finite() {
        return Some(x);
    }
    let (m, ex) = frexp(x);
    let e = ex as i64 + e.clamp(-100_000, 100_000);
    if e > 1024 {
        return None;
    }
    let neg = m < 0.0;
    // m in [0.5, 1): 53-bit integer mantissa M = |m| * 2**53.
    let mi = (m.abs() * 9007199254740992.0) as i128;
    let v = if e >= -1021 {
        m.abs() * 2.0 * 2f64.powi(e as i32 - 1)
    } else {
        ops::ratio_to_f64(
            &IntVal::Small(mi as i64),
            &ops::shl(&IntVal::Small(1), &IntVal::Small(53 - e)).unwrap_or(IntVal::Small(1)),
        )
        .unwrap_or(0.0)
    };
    if v.is_infinite() {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// Docstrings of `float` and its methods (CPython's texts).
pub(crate) const FLOAT_DOCS: TypeDocs = TypeDocs {
    doc: "float(x=0, /)\n--\n\nConvert a string or number to a floating point number, if possible.",
    members: &[
        ("conjugate", "conjugate($self, /)\n--\n\nReturn self, the complex conjugate of any float."),
        ("__trunc__", "__trunc__($self, /)\n--\n\nReturn the Integral closest to x between 0 and x."),
        ("__floor__", "__floor__($self, /)\n--\n\nReturn the floor as an Integral."),
        ("__ceil__", "__ceil__($self, /)\n--\n\nReturn the ceiling as an Integral."),
        ("__round__", "__round__($self, ndigits=None, /)\n--\n\nReturn the Integral closest to x, rounding half toward even.\n\nWhen an argument is passed, work like built-in round(x, ndigits)."),
        ("as_integer_ratio", "as_integer_ratio($self, /)\n--\n\nReturn integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original float\nand with a positive denominator.\n\nRaise OverflowError on infinities and a ValueError on NaNs.\n\n>>> (10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n>>> (-.25).as_integer_ratio()\n(-1, 4)"),
        ("fromhex", "fromhex($type, string, /)\n--\n\nCreate a floating-point number from a hexadecimal string.\n\n>>> float.fromhex('0x1.ffffp10')\n2047.984375\n>>> float.fromhex('-0x1p-1074')\n-5e-324"),
        ("hex", "hex($self, /)\n--\n\nReturn a hexadecimal representation of a floating-point number.\n\n>>> (-0.1).hex()\n'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n'0x1.921f9f01b866ep+1'"),
        ("is_integer", "is_integer($self, /)\n--\n\nReturn True if the float is an integer."),
        ("__getnewargs__", "__getnewargs__($self, /)\n--\n\n"),
        ("__getformat__", "__getformat__($type, typestr, /)\n--\n\nYou probably don't want to use this function.\n\n  typestr\n    Must be 'double' or 'float'.\n\nIt exists mainly to be used in Python's test suite.\n\nThis function returns whichever of 'unknown', 'IEEE, big-endian' or 'IEEE,\nlittle-endian' best describes the format of floating point numbers used by the\nC type named by typestr."),
        ("__format__", "__format__($self, format_spec, /)\n--\n\nFormats the float according to format_spec."),
        ("real", "the real part of a complex number"),
        ("imag", "the imaginary part of a complex number"),
    ],
};

/// Register `float`'s methods.
pub fn init(vm: &Vm) {
    let t = &vm.types.float;
    vm.add_staticmethod(t, "__new__", float_new);
    let m: &[(&'static str, crate::args::NativeFn)] = &[
        ("__add__", float_add),
        ("__radd__", float_radd),
        ("__sub__", float_sub),
        ("__rsub__", float_rsub),
        ("__mul__", float_mul),
        ("__rmul__", float_rmul),
        ("__truediv__", float_truediv),
        ("__rtruediv__", float_rtruediv),
        ("__floordiv__", float_floordiv),
        ("__rfloordiv__", float_rfloordiv),
        ("__mod__", float_modm),
        ("__rmod__", float_rmod),
        ("__divmod__", float_divmodm),
        ("__rdivmod__", float_rdivmod),
        ("__pow__", float_pow),
        ("__rpow__", float_rpow),
        ("__neg__", float_neg),
        ("__pos__", float_pos),
        ("__abs__", float_abs),
        ("__bool__", float_bool),
        ("__float__", float_float),
        ("__int__", float_int),
        ("__trunc__", float_int),
        ("__floor__", float_floor),
        ("__ceil__", float_ceil),
        ("__round__", float_round),
        ("__hash__", float_hash),
        ("__repr__", float_repr_m),
        ("__format__", float_format),
        ("__eq__", float_eq),
        ("__ne__", float_ne),
        ("__lt__", float_lt),
        ("__le__", float_le),
        ("__gt__", float_gt),
        ("__ge__", float_ge),
        ("is_integer", float_is_integer),
        ("conjugate", float_conjugate),
        ("as_integer_ratio", float_as_integer_ratio),
        ("hex", float_hex),
        ("__getnewargs__", float_getnewargs),
    ];
    for (name, f) in m {
        vm.add_method(t, name, *f);
    }
    vm.add_classmethod(t, "fromhex", float_fromhex);
    vm.add_classmethod(t, "__getformat__", float_getformat);
    vm.add_getset(t, "real", get_real, None);
    vm.add_getset(t, "imag", get_imag, None);
    vm.set_docs(&vm.types.float, &FLOAT_DOCS);
}
