//! The methods of `int`: construction (`int(x)`, `int(str, base)`),
//! arithmetic and bitwise dunders with their reflected forms, comparisons
//! with ints and floats, conversions, `to_bytes`/`from_bytes`, and the
//! int<->str digit limit of 3.11. Arithmetic itself is in `int_ops.rs`.
//! Mirrors CPython 3.11 `Objects/longobject.c`.

use crate::types::descr::TypeDocs;
use std::cell::Cell;
use std::cmp::Ordering;

use dashu_int::IBig;

use super::bytes::{PyByteArray, PyBytes};
use super::float::PyFloat;
use super::int::{IntVal, PyInt};
use super::int_ops::{self as ops, IntErr};
use super::str::PyStr;
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::{PyObjectRef, PyResult, Vm};

thread_local! {
    static MAX_STR_DIGITS: Cell<usize> = const { Cell::new(4300) };
}

/// `sys.get_int_max_str_digits()`.
pub fn int_max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|c| c.get())
}

/// `sys.set_int_max_str_digits(n)` (0 disables the limit; callers check
/// the 640 minimum).
pub fn set_int_max_str_digits(n: usize) {
    MAX_STR_DIGITS.with(|c| c.set(n))
}

/// The int value of an int (or bool) object.
pub fn ival(o: &PyObjectRef) -> Option<&IntVal> {
    o.downcast_ref::<PyInt>().map(|i| &i.value)
}

fn int_err(vm: &Vm, e: IntErr, what: &str) -> crate::PyBaseExceptionRef {
    match e {
        IntErr::ZeroDivision => vm.new_zero_division_error(what),
        IntErr::NegativeShift => vm.new_value_error("negative shift count"),
        IntErr::TooLarge => vm.new_memory_error(),
    }
}

/// Decimal text of an int, honouring the digit limit.
pub fn int_to_decimal(vm: &Vm, v: &IntVal) -> PyResult<String> {
    if let IntVal::Big(b) = v {
        let lim = int_max_str_digits();
        // Rough pre-check by bit length (digits ~ bits * log10(2)) avoids
        // converting absurdly large values.
        let bits = dashu_int::ops::BitTest::bit_len(&**b) as f64;
        if lim > 0 && bits * std::f64::consts::LOG10_2 > lim as f64 + 2.0 {
            return Err(digits_limit_error(vm));
        }
        let s = b.to_string();
        let n = s.trim_start_matches('-').len();
        if lim > 0 && n > lim {
            return Err(digits_limit_error(vm));
        }
        return Ok(s);
    }
    Ok(v.to_decimal())
}

fn digits_limit_error(vm: &Vm) -> crate::PyBaseExceptionRef {
    vm.new_value_error(format!(
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        int_max_str_digits()
    ))
}

/// Parse an int literal as `int(s, base)` does (whitespace, sign,
/// prefixes, underscores). Errors carry CPython's message.
pub fn int_from_str(vm: &Vm, s: &str, base: u32) -> PyResult<IntVal> {
    let invalid = || {
        let shown: String = s.chars().take(200).collect();
        vm.new_value_error(format!(
            "invalid literal for int() with base {}: {}",
            base,
            super::basic_methods::str_repr(&shown)
        ))
    };
    parse_int_text(vm, s, base).map_err(|e| e.unwrap_or_else(invalid))
}

/// `Err(None)` = invalid literal; `Err(Some(e))` = other error.
fn parse_int_text(
    vm: &Vm,
    s: &str,
    base: u32,
) -> Result<IntVal, Option<crate::PyBaseExceptionRef>> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut base = base;
    let mut body = t;
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower.as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 0,
    };
    let mut had_prefix = false;
    if prefix_base != 0 && (base == 0 || base == prefix_base) {
        base = prefix_base;
        body = &t[2..];
        had_prefix = true;
    } else if base == 0 {
        base = 10;
        // Base 0: a leading zero is only allowed for zero itself.
        if t.starts_with('0') && t.chars().any(|c| c != '0' && c != '_') {
            return Err(None);
        }
    }
    // Underscores: single, between digits (or right after a prefix).
    let mut digits = String::with_capacity(body.len());
    let mut prev_us = !had_prefix; // leading '_' only allowed after prefix
    let mut any = false;
    for c in body.chars() {
        if c == '_' {
            if prev_us {
                return Err(None);
            }
            prev_us = true;
            continue;
        }
        let d = match c.to_digit(36) {
            Some(d) => d,
            None => match unicode_decimal(c) {
                Some(d) => d,
                None => return Err(None),
            },
        };
        if d >= base {
            return Err(None);
        }
        digits.push(std::char::from_digit(d, 36).unwrap_or('0'));
        prev_us = false;
        any = true;
    }
    if !any || prev_us {
        return Err(None);
    }
    let lim = int_max_str_digits();
    if !base.is_power_of_two() && lim > 0 && digits.len() > lim {
        return Err(Some(vm.new_value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            lim,
            digits.len()
        ))));
    }
    let v = if digits.len() <= 12 {
        let x = i64::from_str_radix(&digits, base).map_err(|_| None)?;
        IntVal::Small(if neg { -x } else { x })
    } else {
        let b = IBig::from_str_radix(&digits, base).map_err(|_| None)?;
        IntVal::from_big(if neg { -b } else { b })
    };
    Ok(v)
}

/// Value of a non-ASCII Unicode decimal digit (the common Nd blocks).
fn unicode_decimal(c: char) -> Option<u32> {
    let n = c as u32;
    const ZEROS: [u32; 24] = [
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
        0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0xFF10, 0x1D7CE, 0x1D7D8, 0x1D7E2,
    ];
    ZEROS
        .iter()
        .find(|&&z| n >= z && n < z + 10)
        .map(|&z| n - z)
}

/// Value of an `int(x)` call for non-string `x`.
fn int_from_number(vm: &Vm, x: &PyObjectRef) -> PyResult<IntVal> {
    if let Some(v) = ival(x) {
        return Ok(v.clone());
    }
    if let Some(f) = x.downcast_ref::<PyFloat>() {
        return float_to_int(vm, f.value);
    }
    if let Some(r) = vm.call_special(x, &vm.names.__int__, &[])? {
        return match ival(&r) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.new_type_error(format!(
                "__int__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    if let Some(r) = vm.call_special(x, &vm.names.__index__, &[])? {
        return match ival(&r) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.new_type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    let trunc = vm.intern("__trunc__");
    if let Some(r) = vm.call_special(x, &trunc, &[])? {
        if let Some(v) = ival(&r) {
            return Ok(v.clone());
        }
        return match vm.call_special(&r, &vm.names.__index__, &[])? {
            Some(i) if ival(&i).is_some() => Ok(ival(&i).cloned().unwrap_or(IntVal::Small(0))),
            _ => Err(vm.new_type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Err(vm.new_type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

/// `int(f)` for a float: truncation, with CPython's errors for nan/inf.
pub fn float_to_int(vm: &Vm, f: f64) -> PyResult<IntVal> {
    if f.is_nan() {
        return Err(vm.new_value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
    }
    Ok(ops::from_f64_trunc(f))
}

/// The bytes of a str/bytes/bytearray argument as text, if it is one.
fn text_of(x: &PyObjectRef) -> Option<(String, bool)> {
    if let Some(s) = x.downcast_ref::<PyStr>() {
        return Some((s.as_str().to_string(), false));
    }
    if let Some(b) = x.downcast_ref::<PyBytes>() {
        return Some((String::from_utf8_lossy(&b.data).into_owned(), true));
    }
    if let Some(b) = x.downcast_ref::<PyByteArray>() {
        return Some((String::from_utf8_lossy(&b.data.borrow()).into_owned(), true));
    }
    None
}

fn int_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("int.__new__(): not enough arguments"))?;
    let rest = args.shift();
    if let Some((k, _)) = rest.kwargs().find(|(k, _)| *k != "base") {
        return Err(vm.new_type_error(format!("'{k}' is an invalid keyword argument for int()")));
    }
    let [x, base] = rest.bind(vm, "int", ["x", "base"], 0, 1, 2)?;
    let v = match (x, base) {
        (None, None) => IntVal::Small(0),
        (None, Some(_)) => return Err(vm.new_type_error("int() missing string argument")),
        (Some(x), None) => match text_of(x) {
            Some((s, is_bytes)) => int_from_text(vm, x, &s, is_bytes, 10)?,
            None => int_from_number(vm, x)?,
        },
        (Some(x), Some(b)) => {
            let bv = vm.index(b)?;
            let base = match ival(&bv).and_then(|v| v.as_i64()) {
                Some(b) if b == 0 || (2..=36).contains(&b) => b as u32,
                _ => return Err(vm.new_value_error("int() base must be >= 2 and <= 36, or 0")),
            };
            match text_of(x) {
                Some((s, is_bytes)) => int_from_text(vm, x, &s, is_bytes, base)?,
                None => {
                    return Err(
                        vm.new_type_error("int() can't convert non-string with explicit base")
                    )
                }
            }
        }
    };
    if cls.is(vm.types.int.as_object()) {
        return Ok(vm.new_int_val(v));
    }
    Ok(vm.try_alloc(PyInt::new(v), &cls)?.into_object())
}

fn int_from_text(vm: &Vm, x: &PyObjectRef, s: &str, is_bytes: bool, base: u32) -> PyResult<IntVal> {
    if !is_bytes {
        if x.downcast_ref::<PyStr>()
            .is_some_and(|p| p.has_surrogates())
        {
            // The message shows the lone surrogates as CPython's repr does.
            return parse_int_text(vm, s, base).map_err(|e| {
                e.unwrap_or_else(|| {
                    let shown: String = s.chars().take(200).collect();
                    vm.new_value_error(format!(
                        "invalid literal for int() with base {}: {}",
                        base,
                        super::str_case::str_repr_marked(&shown, true)
                    ))
                })
            });
        }
        return int_from_str(vm, s, base);
    }
    parse_int_text(vm, s, base).map_err(|e| {
        e.unwrap_or_else(|| {
            let r = vm.repr_string(x).unwrap_or_default();
            vm.new_value_error(format!(
                "invalid literal for int() with base {}: {}",
                base, r
            ))
        })
    })
}

/// `int_to_i64`: an index-able object as `i64`, OverflowError beyond.
pub fn int_to_i64(vm: &Vm, obj: &PyObjectRef) -> PyResult<i64> {
    let i = vm.index(obj)?;
    match ival(&i) {
        Some(IntVal::Small(v)) => Ok(*v),
        _ => Err(vm.new_overflow_error("Python int too large to convert to C long")),
    }
}

// ----- arithmetic -----------------------------------------------------------

fn two<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a PyObjectRef, &'a PyObjectRef)> {
    let [a, b] = args.exact::<2>(vm, name)?;
    Ok((a, b))
}

macro_rules! binop {
    ($name:ident, $rname:ident, $dunder:literal, $f:expr) => {
        fn $name(vm: &Vm, args: Args) -> PyResult {
            let (a, b) = two(vm, &args, $dunder)?;
            match (ival(a), ival(b)) {
                (Some(x), Some(y)) => $f(vm, x, y),
                _ => Ok(vm.not_implemented.clone()),
            }
        }
        fn $rname(vm: &Vm, args: Args) -> PyResult {
            let (a, b) = two(vm, &args, $dunder)?;
            match (ival(a), ival(b)) {
                (Some(x), Some(y)) => $f(vm, y, x),
                _ => Ok(vm.not_implemented.clone()),
            }
        }
    };
}

fn op_add(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    Ok(vm.new_int_val(ops::add(x, y)))
}
fn op_sub(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    Ok(vm.new_int_val(ops::sub(x, y)))
}
fn op_mul(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    Ok(vm.new_int_val(ops::mul(x, y)))
}
fn op_floordiv(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    ops::floordiv(x, y)
        .map(|v| vm.new_int_val(v))
        .map_err(|e| int_err(vm, e, "integer division or modulo by zero"))
}
fn op_mod(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    ops::modulo(x, y)
        .map(|v| vm.new_int_val(v))
        .map_err(|e| int_err(vm, e, "integer modulo by zero"))
}
fn op_divmod(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    let (q, r) =
        ops::divmod(x, y).map_err(|e| int_err(vm, e, "integer division or modulo by zero"))?;
    Ok(vm.new_tuple(vec![vm.new_int_val(q), vm.new_int_val(r)]))
}
fn op_truediv(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    match ops::truediv(x, y) {
        Ok(f) => Ok(vm.new_float(f)),
        Err(m) if y.is_zero() => Err(vm.new_zero_division_error(m)),
        Err(m) => Err(vm.new_overflow_error(m)),
    }
}
fn op_lshift(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    if matches!(y, IntVal::Big(_)) && !y.is_negative() && !x.is_zero() {
        return Err(vm.new_overflow_error("too many digits in integer"));
    }
    ops::shl(x, y)
        .map(|v| vm.new_int_val(v))
        .map_err(|e| int_err(vm, e, ""))
}
fn op_rshift(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    ops::shr(x, y)
        .map(|v| vm.new_int_val(v))
        .map_err(|e| int_err(vm, e, ""))
}
fn op_and(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    Ok(vm.new_int_val(ops::bitand(x, y)))
}
fn op_or(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    Ok(vm.new_int_val(ops::bitor(x, y)))
}
fn op_xor(vm: &Vm, x: &IntVal, y: &IntVal) -> PyResult {
    Ok(vm.new_int_val(ops::bitxor(x, y)))
}

binop!(int_add, int_radd, "__add__", op_add);
binop!(int_sub, int_rsub, "__sub__", op_sub);
binop!(int_mul, int_rmul, "__mul__", op_mul);
binop!(int_floordiv, int_rfloordiv, "__floordiv__", op_floordiv);
binop!(int_mod, int_rmod, "__mod__", op_mod);
binop!(int_divmod, int_rdivmod, "__divmod__", op_divmod);
binop!(int_truediv, int_rtruediv, "__truediv__", op_truediv);
binop!(int_lshift, int_rlshift, "__lshift__", op_lshift);
binop!(int_rshift, int_rrshift, "__rshift__", op_rshift);
binop!(int_and, int_rand, "__and__", op_and);
binop!(int_or, int_ror, "__or__", op_or);
binop!(int_xor, int_rxor, "__xor__", op_xor);

/// `x ** y [% m]` on ints.
pub fn int_pow_vals(vm: &Vm, x: &IntVal, y: &IntVal, m: Option<&IntVal>) -> PyResult {
    if let Some(m) = m {
        return match ops::pow_mod(x, y, m) {
            Ok(v) => Ok(vm.new_int_val(v)),
            Err(msg) => Err(vm.new_value_error(msg)),
        };
    }
    if y.is_negative() {
        let xf = ops::to_f64(x)
            .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"))?;
        let yf = ops::to_f64(y)
            .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"))?;
        return super::float_methods::float_pow_vals(vm, xf, yf);
    }
    ops::pow(x, y)
        .map(|v| vm.new_int_val(v))
        .map_err(|e| int_err(vm, e, ""))
}

fn int_pow(vm: &Vm, args: Args) -> PyResult {
    let [a, b, m] = args.range::<3>(vm, "__pow__", 2)?;
    let (a, b) = (a.unwrap_or(&vm.none), b.unwrap_or(&vm.none));
    let m = m.filter(|m| !m.is(&vm.none));
    match (ival(a), ival(b)) {
        (Some(x), Some(y)) => match m {
            None => int_pow_vals(vm, x, y, None),
            Some(m) => match ival(m) {
                Some(mv) => int_pow_vals(vm, x, y, Some(mv)),
                None => Ok(vm.not_implemented.clone()),
            },
        },
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn int_rpow(vm: &Vm, args: Args) -> PyResult {
    let [a, b, m] = args.range::<3>(vm, "__rpow__", 2)?;
    let (a, b) = (a.unwrap_or(&vm.none), b.unwrap_or(&vm.none));
    let m = m.filter(|m| !m.is(&vm.none));
    match (ival(a), ival(b)) {
        (Some(x), Some(y)) => match m {
            None => int_pow_vals(vm, y, x, None),
            Some(m) => match ival(m) {
                Some(mv) => int_pow_vals(vm, y, x, Some(mv)),
                None => Ok(vm.not_implemented.clone()),
            },
        },
        _ => Ok(vm.not_implemented.clone()),
    }
}

/// The single `self` argument of a no-argument method `tname.name`, with
/// CPython's messages for extra arguments and wrong self types.
pub fn noargs_self<'a>(
    vm: &Vm,
    args: &Args<'a>,
    tname: &str,
    name: &str,
) -> PyResult<&'a PyObjectRef> {
    args.no_kwargs(vm, &format!("{tname}.{name}"))?;
    let pos = args.pos();
    let Some(first) = pos.first() else {
        return Err(vm.new_type_error(format!(
            "descriptor '{name}' of '{tname}' object needs an argument"
        )));
    };
    if pos.len() != 1 {
        return Err(vm.new_type_error(if name.starts_with("__") {
            format!("expected 0 arguments, got {}", pos.len() - 1)
        } else {
            format!(
                "{tname}.{name}() takes no arguments ({} given)",
                pos.len() - 1
            )
        }));
    }
    Ok(first)
}

pub fn bad_self(vm: &Vm, tname: &str, name: &str, o: &PyObjectRef) -> crate::PyBaseExceptionRef {
    vm.new_type_error(format!(
        "descriptor '{name}' for '{tname}' objects doesn't apply to a '{}' object",
        vm.type_name(o)
    ))
}

fn self_val<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a IntVal> {
    let a = noargs_self(vm, args, "int", name)?;
    ival(a).ok_or_else(|| bad_self(vm, "int", name, a))
}

fn int_neg(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int_val(ops::neg(self_val(vm, &args, "__neg__")?)))
}
fn int_pos(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int_val(self_val(vm, &args, "__pos__")?.clone()))
}
fn int_abs(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int_val(ops::abs(self_val(vm, &args, "__abs__")?)))
}
fn int_invert(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int_val(ops::invert(self_val(vm, &args, "__invert__")?)))
}
fn int_int(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int_val(self_val(vm, &args, "__int__")?.clone()))
}
fn int_bool(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(!self_val(vm, &args, "__bool__")?.is_zero()))
}
fn int_hash(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int(self_val(vm, &args, "__hash__")?.hash()))
}
fn int_float(vm: &Vm, args: Args) -> PyResult {
    let v = self_val(vm, &args, "__float__")?;
    ops::to_f64(v)
        .map(|f| vm.new_float(f))
        .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"))
}

fn int_repr(vm: &Vm, args: Args) -> PyResult {
    let v = self_val(vm, &args, "__repr__")?;
    Ok(vm.new_str(int_to_decimal(vm, v)?))
}

fn int_format(vm: &Vm, args: Args) -> PyResult {
    let [a, spec] = args.exact::<2>(vm, "__format__")?;
    let v = ival(a)
        .ok_or_else(|| vm.new_type_error("descriptor '__format__' requires a 'int' object"))?;
    let spec = spec.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        ))
    })?;
    if spec.as_str().is_empty() {
        return vm.str(a).map(|s| s.into_object());
    }
    super::number_format::format_int(vm, v, spec.as_str(), &vm.type_name(a)).map(|s| {
        // Format 'c' of a surrogate code point.
        let marked = spec.as_str().ends_with('c') && pyrite_bytecode::surrogate::has_stand_in(&s);
        vm.new_str_marked(s, marked)
    })
}

fn int_round(vm: &Vm, args: Args) -> PyResult {
    let [a, nd] = args.range::<2>(vm, "__round__", 1)?;
    let v = a
        .and_then(ival)
        .ok_or_else(|| vm.new_type_error("descriptor '__round__' requires a 'int' object"))?;
    let nd = match nd {
        None => return Ok(vm.new_int_val(v.clone())),
        Some(n) => vm.index(n)?,
    };
    let nd = ival(&nd).cloned().unwrap_or(IntVal::Small(0));
    if !nd.is_negative() {
        return Ok(vm.new_int_val(v.clone()));
    }
    // Round to a multiple of 10**(-nd), half to even.
    let p = ops::pow(&IntVal::Small(10), &ops::neg(&nd)).map_err(|e| int_err(vm, e, ""))?;
    let (q, r) = ops::divmod(v, &p).map_err(|e| int_err(vm, e, ""))?;
    let twice = ops::mul(&r, &IntVal::Small(2));
    let q = match ops::cmp(&twice, &p) {
        Ordering::Greater => ops::add(&q, &IntVal::Small(1)),
        Ordering::Equal if ops::bitand(&q, &IntVal::Small(1)) == IntVal::Small(1) => {
            ops::add(&q, &IntVal::Small(1))
        }
        _ => q,
    };
    Ok(vm.new_int_val(ops::mul(&q, &p)))
}

// ----- comparisons ------------------------------------------------------------

fn compare(vm: &Vm, args: Args, op: CompareOp) -> PyResult {
    let (a, b) = two(vm, &args, op.symbol())?;
    let Some(x) = ival(a) else {
        return Ok(vm.not_implemented.clone());
    };
    let ord = if let Some(y) = ival(b) {
        Some(ops::cmp(x, y))
    } else if let Some(f) = b.downcast_ref::<PyFloat>() {
        ops::cmp_int_float(x, f.value)
    } else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(match ord {
        Some(o) => op.eval_ord(o),
        None => matches!(op, CompareOp::Ne),
    }))
}

fn int_eq(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Eq)
}
fn int_ne(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Ne)
}
fn int_lt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Lt)
}
fn int_le(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Le)
}
fn int_gt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Gt)
}
fn int_ge(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Ge)
}

// ----- other methods -----------------------------------------------------------

fn int_bit_length(vm: &Vm, args: Args) -> PyResult {
    let v = self_val(vm, &args, "bit_length")?;
    Ok(vm.new_int(ops::bit_length(v) as i64))
}

fn int_bit_count(vm: &Vm, args: Args) -> PyResult {
    let v = self_val(vm, &args, "bit_count")?;
    Ok(vm.new_int(ops::bit_count(v) as i64))
}

fn int_conjugate(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int_val(self_val(vm, &args, "conjugate")?.clone()))
}

fn int_as_integer_ratio(vm: &Vm, args: Args) -> PyResult {
    let v = self_val(vm, &args, "as_integer_ratio")?;
    Ok(vm.new_tuple(vec![vm.new_int_val(v.clone()), vm.new_int(1)]))
}

fn int_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let v = self_val(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![vm.new_int_val(v.clone())]))
}

fn int_sizeof(vm: &Vm, args: Args) -> PyResult {
    let v = self_val(vm, &args, "__sizeof__")?;
    // CPython 3.11: 24 bytes of header plus 4 bytes per 30-bit digit, at
    // least one digit (zero included).
    let digits = (ops::bit_length(v) + 29) / 30;
    Ok(vm.new_int(24 + 4 * digits.max(1) as i64))
}

fn get_real(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int_val(ival(o).cloned().unwrap_or(IntVal::Small(0))))
}
fn get_imag(vm: &Vm, _o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(0))
}
fn get_one(vm: &Vm, _o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(1))
}

fn byteorder_arg(vm: &Vm, o: Option<&PyObjectRef>) -> PyResult<bool> {
    match o {
        None => Ok(true),
        Some(o) => match o.downcast_ref::<PyStr>() {
            Some(s) if s.as_str() == "big" => Ok(true),
            Some(s) if s.as_str() == "little" => Ok(false),
            Some(_) => Err(vm.new_value_error("byteorder must be either 'little' or 'big'")),
            None => Err(vm.new_type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                vm.type_name(o)
            ))),
        },
    }
}

fn int_to_bytes(vm: &Vm, args: Args) -> PyResult {
    let [s, length, order, signed] = args.bind(
        vm,
        "to_bytes",
        ["self", "length", "byteorder", "signed"],
        1,
        1,
        3,
    )?;
    let v = s.and_then(ival).cloned().unwrap_or(IntVal::Small(0));
    let len = match length {
        None => 1usize,
        Some(l) => {
            let n = int_to_i64(vm, l)?;
            if n < 0 {
                return Err(vm.new_value_error("length argument must be non-negative"));
            }
            n as usize
        }
    };
    let big_endian = byteorder_arg(vm, order)?;
    let signed = match signed {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    if v.is_negative() && !signed {
        return Err(vm.new_overflow_error("can't convert negative int to unsigned"));
    }
    // Two's complement little-endian bytes of v, minimal length.
    let bits = ops::bit_length(&v);
    let need_bits = if signed {
        // Value fits in n bytes iff -2**(8n-1) <= v < 2**(8n-1).
        let b = if v.is_negative() {
            ops::bit_length(&ops::invert(&v))
        } else {
            bits
        };
        b + 1
    } else {
        bits
    };
    if need_bits > len as u64 * 8 {
        return Err(vm.new_overflow_error("int too big to convert"));
    }
    let mut out = vec![0u8; len];
    let mag = ops::magnitude(&v).to_le_bytes();
    for (i, b) in mag.iter().enumerate().take(len) {
        out[i] = *b;
    }
    if v.is_negative() {
        // Two's complement: invert and add one.
        let mut carry = true;
        for b in out.iter_mut() {
            let (nb, c) = (!*b).overflowing_add(carry as u8);
            *b = nb;
            carry = c;
        }
    }
    if big_endian {
        out.reverse();
    }
    Ok(vm.alloc(PyBytes::new(out), &vm.types.bytes))
}

fn bytes_of(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        return Ok(b.data.borrow().clone());
    }
    // As `bytes(o)`: `__bytes__`, else any iterable of ints except str.
    if let Some(r) = vm.call_special(o, &vm.intern("__bytes__"), &[])? {
        return match r.downcast_ref::<PyBytes>() {
            Some(b) => Ok(b.data.to_vec()),
            None => Err(vm.new_type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    let cls = super::typeobj::class_of(o);
    let iterable = cls
        .ext
        .lookup_str("__iter__")
        .is_some_and(|f| !f.is(&vm.none))
        || cls.ext.lookup_str("__getitem__").is_some();
    if o.downcast_ref::<PyStr>().is_some() || !iterable {
        return Err(vm.new_type_error(format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(o)
        )));
    }
    let items = vm.to_vec(o)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let n = int_to_i64(vm, &it)?;
        if !(0..256).contains(&n) {
            return Err(vm.new_value_error("bytes must be in range(0, 256)"));
        }
        out.push(n as u8);
    }
    Ok(out)
}

fn int_from_bytes(vm: &Vm, args: Args) -> PyResult {
    let [cls, bytes, order, signed] = args.bind(
        vm,
        "from_bytes",
        ["cls", "bytes", "byteorder", "signed"],
        2,
        1,
        3,
    )?;
    let cls = cls
        .cloned()
        .unwrap_or_else(|| vm.types.int.as_object().clone());
    let mut data = bytes_of(vm, bytes.unwrap_or(&vm.none))?;
    let big_endian = byteorder_arg(vm, order)?;
    let signed = match signed {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    if big_endian {
        data.reverse();
    }
    let neg = signed && data.last().is_some_and(|b| b & 0x80 != 0);
    let mut mag = IBig::from(dashu_int::UBig::from_le_bytes(&data));
    if neg {
        mag -= IBig::from(1) << (data.len() * 8);
    }
    let v = vm.new_bigint(mag);
    if cls.is(vm.types.int.as_object()) {
        return Ok(v);
    }
    vm.call(&cls, &[v])
}

fn int_index(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int_val(self_val(vm, &args, "__index__")?.clone()))
}

/// Docstrings of `int` and its methods (CPython's texts).
pub(crate) const INT_DOCS: TypeDocs = TypeDocs {
    doc: "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4",
    members: &[
        ("conjugate", "Returns self, the complex conjugate of any int."),
        ("bit_length", "bit_length($self, /)\n--\n\nNumber of bits necessary to represent self in binary.\n\n>>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"),
        ("bit_count", "bit_count($self, /)\n--\n\nNumber of ones in the binary representation of the absolute value of self.\n\nAlso known as the population count.\n\n>>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3"),
        ("to_bytes", "to_bytes($self, /, length=1, byteorder='big', *, signed=False)\n--\n\nReturn an array of bytes representing an integer.\n\n  length\n    Length of bytes object to use.  An OverflowError is raised if the\n    integer is not representable with the given number of bytes.  Default\n    is length 1.\n  byteorder\n    The byte order used to represent the integer.  If byteorder is 'big',\n    the most significant byte is at the beginning of the byte array.  If\n    byteorder is 'little', the most significant byte is at the end of the\n    byte array.  To request the native byte order of the host system, use\n    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n  signed\n    Determines whether two's complement is used to represent the integer.\n    If signed is False and a negative integer is given, an OverflowError\n    is raised."),
        ("from_bytes", "from_bytes($type, /, bytes, byteorder='big', *, signed=False)\n--\n\nReturn the integer represented by the given array of bytes.\n\n  bytes\n    Holds the array of bytes to convert.  The argument must either\n    support the buffer protocol or be an iterable object producing bytes.\n    Bytes and bytearray are examples of built-in objects that support the\n    buffer protocol.\n  byteorder\n    The byte order used to represent the integer.  If byteorder is 'big',\n    the most significant byte is at the beginning of the byte array.  If\n    byteorder is 'little', the most significant byte is at the end of the\n    byte array.  To request the native byte order of the host system, use\n    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n  signed\n    Indicates whether two's complement is used to represent the integer."),
        ("as_integer_ratio", "as_integer_ratio($self, /)\n--\n\nReturn integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original int\nand with a positive denominator.\n\n>>> (10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n(-10, 1)\n>>> (0).as_integer_ratio()\n(0, 1)"),
        ("__trunc__", "Truncating an Integral returns itself."),
        ("__floor__", "Flooring an Integral returns itself."),
        ("__ceil__", "Ceiling of an Integral returns itself."),
        ("__round__", "__round__($self, ndigits=<unrepresentable>, /)\n--\n\nRounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."),
        ("__getnewargs__", "__getnewargs__($self, /)\n--\n\n"),
        ("__format__", "__format__($self, format_spec, /)\n--\n\n"),
        ("__sizeof__", "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."),
        ("real", "the real part of a complex number"),
        ("imag", "the imaginary part of a complex number"),
        ("numerator", "the numerator of a rational number in lowest terms"),
        ("denominator", "the denominator of a rational number in lowest terms"),
    ],
};

/// Register `int`'s methods.
pub fn init(vm: &Vm) {
    let t = &vm.types.int;
    vm.add_staticmethod(t, "__new__", int_new);
    let m: &[(&'static str, crate::args::NativeFn)] = &[
        ("__add__", int_add),
        ("__radd__", int_radd),
        ("__sub__", int_sub),
        ("__rsub__", int_rsub),
        ("__mul__", int_mul),
        ("__rmul__", int_rmul),
        ("__floordiv__", int_floordiv),
        ("__rfloordiv__", int_rfloordiv),
        ("__mod__", int_mod),
        ("__rmod__", int_rmod),
        ("__divmod__", int_divmod),
        ("__rdivmod__", int_rdivmod),
        ("__truediv__", int_truediv),
        ("__rtruediv__", int_rtruediv),
        ("__lshift__", int_lshift),
        ("__rlshift__", int_rlshift),
        ("__rshift__", int_rshift),
        ("__rrshift__", int_rrshift),
        ("__and__", int_and),
        ("__rand__", int_rand),
        ("__or__", int_or),
        ("__ror__", int_ror),
        ("__xor__", int_xor),
        ("__rxor__", int_rxor),
        ("__pow__", int_pow),
        ("__rpow__", int_rpow),
        ("__neg__", int_neg),
        ("__pos__", int_pos),
        ("__abs__", int_abs),
        ("__invert__", int_invert),
        ("__int__", int_int),
        ("__index__", int_index),
        ("__trunc__", int_int),
        ("__floor__", int_int),
        ("__ceil__", int_int),
        ("__bool__", int_bool),
        ("__hash__", int_hash),
        ("__float__", int_float),
        ("__repr__", int_repr),
        ("__format__", int_format),
        ("__round__", int_round),
        ("__eq__", int_eq),
        ("__ne__", int_ne),
        ("__lt__", int_lt),
        ("__le__", int_le),
        ("__gt__", int_gt),
        ("__ge__", int_ge),
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("conjugate", int_conjugate),
        ("as_integer_ratio", int_as_integer_ratio),
        ("__getnewargs__", int_getnewargs),
        ("__sizeof__", int_sizeof),
        ("to_bytes", int_to_bytes),
    ];
    for (name, f) in m {
        vm.add_method(t, name, *f);
    }
    vm.add_classmethod(t, "from_bytes", int_from_bytes);
    vm.add_getset(t, "real", get_real, None);
    vm.add_getset(t, "imag", get_imag, None);
    vm.add_getset(t, "numerator", get_real, None);
    vm.add_getset(t, "denominator", get_one, None);
    vm.set_docs(&vm.types.int, &INT_DOCS);
}

/// `sys.get_int_max_str_digits()` as a native function, for the `sys`
/// module to register.
pub fn sys_get_int_max_str_digits(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "get_int_max_str_digits")?;
    Ok(vm.new_int(int_max_str_digits() as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)` as a native function, for the
/// `sys` module to register.
pub fn sys_set_int_max_str_digits(vm: &Vm, args: Args) -> PyResult {
    let [n] = args.bind(vm, "set_int_max_str_digits", ["maxdigits"], 1, 0, 1)?;
    let v = int_to_i64(vm, n.unwrap_or(&vm.none))?;
    if v != 0 && v < 640 {
        return Err(vm.new_value_error("maxdigits must be 0 or larger than 640"));
    }
    set_int_max_str_digits(v.max(0) as usize);
    Ok(vm.none.clone())
}
