//! `%`-formatting (printf-style) shared by `str % args` and `bytes % args`:
//! mapping keys `%(name)s`, flags, `*` width/precision, every conversion
//! type, and the small integer/float renderers it needs (written here
//! because no shared `number_format.rs` exists yet).
//! The engine works on code points; for bytes each byte is one code point
//! below 256 and the result is converted back.
//! Mirrors CPython 3.11 `Objects/unicodeobject.c` (`PyUnicode_Format`) and
//! `Objects/bytesobject.c` (`_PyBytes_FormatEx`).

use dashu_int::IBig;

use super::bytes::{PyByteArray, PyBytes};
use super::float::PyFloat;
use super::int::{IntVal, PyInt};
use super::str::PyStr;
use super::str_format::ascii_escape;
use super::tuple::PyTuple;
use super::typeobj::class_of;
use crate::{PyObjectRef, PyResult, Vm};

#[derive(Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

/// `str % args`.
pub fn format_str(vm: &Vm, fmt: &str, args: &PyObjectRef) -> PyResult<String> {
    let cs: Vec<char> = fmt.chars().collect();
    let out = engine(vm, &cs, args, false)?;
    Ok(out.into_iter().collect())
}

/// `bytes % args`.
pub fn format_bytes(vm: &Vm, fmt: &[u8], args: &PyObjectRef) -> PyResult<Vec<u8>> {
    let cs: Vec<char> = fmt.iter().map(|&b| b as char).collect();
    let out = engine(vm, &cs, args, true)?;
    Ok(out.into_iter().map(|c| c as u32 as u8).collect())
}

fn is_mapping_arg(vm: &Vm, args: &PyObjectRef, bytes: bool) -> bool {
    if args.downcast_ref::<PyTuple>().is_some() || args.downcast_ref::<PyStr>().is_some() {
        return false;
    }
    if bytes
        && (args.downcast_ref::<PyBytes>().is_some()
            || args.downcast_ref::<PyByteArray>().is_some())
    {
        return false;
    }
    class_of(args).ext.lookup(&vm.names.__getitem__).is_some()
}

struct ArgState<'a> {
    items: &'a [PyObjectRef],
    single: Option<&'a PyObjectRef>,
    idx: usize,
    used_single: bool,
}

impl ArgState<'_> {
    fn next(&mut self, vm: &Vm) -> PyResult<PyObjectRef> {
        if let Some(s) = self.single {
            if !self.used_single {
                self.used_single = true;
                return Ok(s.clone());
            }
        } else if self.idx < self.items.len() {
            self.idx += 1;
            return Ok(self.items[self.idx - 1].clone());
        }
        Err(vm.new_type_error("not enough arguments for format string"))
    }
}

fn engine(vm: &Vm, f: &[char], args: &PyObjectRef, bytes: bool) -> PyResult<Vec<char>> {
    let tuple = args.downcast_ref::<PyTuple>();
    let mut st = match tuple {
        Some(t) => ArgState {
            items: t.as_slice(),
            single: None,
            idx: 0,
            used_single: false,
        },
        None => ArgState {
            items: &[],
            single: Some(args),
            idx: 0,
            used_single: false,
        },
    };
    let dict = if is_mapping_arg(vm, args, bytes) {
        Some(args)
    } else {
        None
    };
    let mut out: Vec<char> = Vec::with_capacity(f.len() + 16);
    let mut i = 0;
    let n = f.len();
    while i < n {
        if f[i] != '%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        i += 1;
        let spec_start = i;
        let mut key_value: Option<PyObjectRef> = None;
        if i < n && f[i] == '(' {
            let Some(d) = dict else {
                return Err(vm.new_type_error("format requires a mapping"));
            };
            let ks = i + 1;
            let mut depth = 1;
            i += 1;
            while i < n && depth > 0 {
                if f[i] == '(' {
                    depth += 1;
                } else if f[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.new_value_error("incomplete format key"));
            }
            let key: String = f[ks..i - 1].iter().collect();
            let k = if bytes {
                vm.alloc(
                    PyBytes::new(
                        f[ks..i - 1]
                            .iter()
                            .map(|&c| c as u32 as u8)
                            .collect::<Vec<u8>>(),
                    ),
                    &vm.types.bytes,
                )
            } else {
                vm.new_str(key)
            };
            key_value = Some(vm.get_item(d, &k)?);
            // CPython replaces the argument source with the looked-up value:
            // later positional conversions find no arguments left.
            st = ArgState {
                items: &[],
                single: None,
                idx: 0,
                used_single: false,
            };
        }
        let mut fl = Flags::default();
        while i < n {
            match f[i] {
                '-' => fl.left = true,
                '+' => fl.plus = true,
                ' ' => fl.space = true,
                '#' => fl.alt = true,
                '0' => fl.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        if i < n && f[i] == '*' {
            let w = next_arg(vm, &mut st, &key_value)?;
            let v = star_int(vm, &w)?;
            if v < 0 {
                fl.left = true;
            }
            width = Some(v.unsigned_abs() as usize);
            i += 1;
        } else {
            let mut w: Option<usize> = None;
            while i < n && f[i].is_ascii_digit() {
                let d = f[i] as usize - '0' as usize;
                w = Some(
                    w.unwrap_or(0)
                        .checked_mul(10)
                        .and_then(|x| x.checked_add(d))
                        .filter(|&x| x <= isize::MAX as usize)
                        .ok_or_else(|| vm.new_value_error("width too big"))?,
                );
                i += 1;
            }
            width = width.or(w);
        }
        let mut prec: Option<usize> = None;
        if i < n && f[i] == '.' {
            i += 1;
            if i < n && f[i] == '*' {
                let p = next_arg(vm, &mut st, &key_value)?;
                let v = star_int(vm, &p)?;
                prec = Some(v.max(0) as usize);
                i += 1;
            } else {
                let mut p = 0usize;
                while i < n && f[i].is_ascii_digit() {
                    p = p
                        .checked_mul(10)
                        .and_then(|x| x.checked_add(f[i] as usize - '0' as usize))
                        .filter(|&x| x <= isize::MAX as usize)
                        .ok_or_else(|| vm.new_value_error("precision too big"))?;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        while i < n && matches!(f[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= n {
            return Err(vm.new_value_error("incomplete format"));
        }
        let c = f[i];
        i += 1;
        if c == '%' && i - 1 == spec_start {
            out.push('%');
            continue;
        }
        let v = match &key_value {
            Some(v) => v.clone(),
            None => st.next(vm)?,
        };
        let mut piece: Vec<char> = convert(vm, c, &v, &fl, prec, bytes, i - 1)?;
        if matches!(
            c,
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G'
        ) {
            let s: String = piece.iter().collect();
            piece = finish_number(&s, width.unwrap_or(0), fl.zero, fl.left)
                .chars()
                .collect();
        }
        let len = piece.len();
        let w = width.unwrap_or(0);
        if w > len && fl.left {
            out.extend(piece);
            out.extend(std::iter::repeat(' ').take(w - len));
        } else if w > len {
            out.extend(std::iter::repeat(' ').take(w - len));
            out.extend(piece);
        } else {
            out.extend(piece);
        }
    }
    let remaining = match st.single {
        Some(_) => !st.used_single,
        None => st.idx < st.items.len(),
    };
    if remaining && dict.is_none() {
        let extra = if tuple.is_some() {
            true
        } else {
            !st.used_single
        };
        if extra {
            return Err(vm.new_type_error(if bytes {
                "not all arguments converted during bytes formatting"
            } else {
                "not all arguments converted during string formatting"
            }));
        }
    }
    Ok(out)
}

fn next_arg(vm: &Vm, st: &mut ArgState, key_value: &Option<PyObjectRef>) -> PyResult<PyObjectRef> {
    if key_value.is_some() {
        return Err(vm.new_type_error("* wants int"));
    }
    st.next(vm)
}

fn star_int(vm: &Vm, o: &PyObjectRef) -> PyResult<i64> {
    match o.downcast_ref::<PyInt>() {
        Some(i) => i
            .value
            .as_i64()
            .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C int")),
        None => Err(vm.new_type_error("* wants int")),
    }
}

/// The text of one conversion before width padding (numbers carry a
/// marker where zero padding goes; see `finish_number`).
fn convert(
    vm: &Vm,
    c: char,
    v: &PyObjectRef,
    fl: &Flags,
    prec: Option<usize>,
    bytes: bool,
    at: usize,
) -> PyResult<Vec<char>> {
    let _ = at;
    Ok(match c {
        's' | 'r' | 'a' | 'b' => {
            let text: Vec<char> = if bytes {
                match c {
                    's' | 'b' => bytes_of(vm, v)?.into_iter().map(|b| b as char).collect(),
                    _ => ascii_escape(vm.repr(v)?.as_str()).chars().collect(),
                }
            } else {
                match c {
                    's' => vm.str(v)?.as_str().chars().collect(),
                    'r' => vm.repr(v)?.as_str().chars().collect(),
                    'a' => ascii_escape(vm.repr(v)?.as_str()).chars().collect(),
                    _ => return Err(unsupported(vm, c, at)),
                }
            };
            match prec {
                Some(p) if p < text.len() => text[..p].to_vec(),
                _ => text,
            }
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let iv = int_arg(vm, c, v)?;
            int_text(&iv, c, fl, prec).chars().collect()
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float_arg(vm, v)?;
            float_text(x, c, fl, prec.unwrap_or(6)).chars().collect()
        }
        'c' => {
            if bytes {
                if let Some(b) = v.downcast_ref::<PyBytes>() {
                    if b.data.len() == 1 {
                        return Ok(vec![b.data[0] as char]);
                    }
                }
                if let Some(b) = v.downcast_ref::<PyByteArray>() {
                    let d = b.data.borrow();
                    if d.len() == 1 {
                        return Ok(vec![d[0] as char]);
                    }
                }
                if let Some(i) = v.downcast_ref::<PyInt>() {
                    return match i.value.as_i64() {
                        Some(x) if (0..256).contains(&x) => Ok(vec![x as u8 as char]),
                        _ => Err(vm.new_overflow_error("%c arg not in range(256)")),
                    };
                }
                return Err(
                    vm.new_type_error("%c requires an integer in range(256) or a single byte")
                );
            }
            if let Some(s) = v.downcast_ref::<PyStr>() {
                if s.char_len() == 1 {
                    return Ok(s.as_str().chars().collect());
                }
                return Err(vm.new_type_error("%c requires int or char"));
            }
            if v.downcast_ref::<PyInt>().is_some()
                || class_of(v).ext.lookup(&vm.names.__index__).is_some()
            {
                let i = vm.index(v)?;
                let x = i.downcast_ref::<PyInt>().and_then(|i| i.value.as_i64());
                return match x {
                    // A surrogate becomes its stand-in; `str % x` marks it.
                    Some(x) if (0..0x110000).contains(&x) => Ok(vec![char::from_u32(x as u32)
                        .unwrap_or_else(|| pyrite_bytecode::surrogate::stand_in(x as u32))]),
                    _ => Err(vm.new_overflow_error("%c arg not in range(0x110000)")),
                };
            }
            return Err(vm.new_type_error("%c requires int or char"));
        }
        _ => return Err(unsupported(vm, c, at)),
    })
}

fn unsupported(vm: &Vm, c: char, at: usize) -> crate::PyBaseExceptionRef {
    let shown = if (' '..='~').contains(&c) { c } else { '?' };
    vm.new_value_error(format!(
        "unsupported format character '{}' (0x{:x}) at index {}",
        shown, c as u32, at
    ))
}

/// `%s`/`%b` argument of bytes formatting: a buffer or `__bytes__`.
fn bytes_of(vm: &Vm, v: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast_ref::<PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = v.downcast_ref::<PyByteArray>() {
        return Ok(b.data.borrow().clone());
    }
    if let Some(r) = vm.call_special(v, &vm.intern("__bytes__"), &[])? {
        if let Some(b) = r.downcast_ref::<PyBytes>() {
            return Ok(b.data.to_vec());
        }
        return Err(vm.new_type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            vm.type_name(&r)
        )));
    }
    Err(vm.new_type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        vm.type_name(v)
    )))
}

fn int_arg(vm: &Vm, c: char, v: &PyObjectRef) -> PyResult<IntVal> {
    if let Some(i) = v.downcast_ref::<PyInt>() {
        return Ok(i.value.clone());
    }
    if matches!(c, 'x' | 'X' | 'o') {
        if class_of(v).ext.lookup(&vm.names.__index__).is_some() {
            let i = vm.index(v)?;
            return Ok(i
                .downcast_ref::<PyInt>()
                .map(|i| i.value.clone())
                .unwrap_or(IntVal::Small(0)));
        }
        return Err(vm.new_type_error(format!(
            "%{c} format: an integer is required, not {}",
            vm.type_name(v)
        )));
    }
    if let Some(f) = v.downcast_ref::<PyFloat>() {
        return float_to_int(vm, f.value);
    }
    let cls = class_of(v);
    if cls.ext.lookup(&vm.names.__index__).is_some() || cls.ext.lookup(&vm.names.__int__).is_some()
    {
        let r = vm.call(&vm.types.int.as_object().clone(), &[v.clone()])?;
        return Ok(r
            .downcast_ref::<PyInt>()
            .map(|i| i.value.clone())
            .unwrap_or(IntVal::Small(0)));
    }
    if cls.ext.lookup(&vm.names.__float__).is_some() {
        let x = float_arg(vm, v)?;
        return float_to_int(vm, x);
    }
    Err(vm.new_type_error(format!(
        "%{c} format: a real number is required, not {}",
        vm.type_name(v)
    )))
}

fn float_to_int(vm: &Vm, x: f64) -> PyResult<IntVal> {
    if x.is_nan() {
        return Err(vm.new_value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Ok(IntVal::Small(t as i64));
    }
    // Exact conversion of a large integral double.
    let bits = t.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mut b = IBig::from(mant);
    b <<= exp as usize;
    if t < 0.0 {
        b = -b;
    }
    Ok(IntVal::from_big(b))
}

/// A float argument (`__float__`, ints converted exactly-rounded).
pub fn float_arg(vm: &Vm, v: &PyObjectRef) -> PyResult<f64> {
    if let Some(f) = v.downcast_ref::<PyFloat>() {
        return Ok(f.value);
    }
    if let Some(i) = v.downcast_ref::<PyInt>() {
        return i
            .value
            .to_f64()
            .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"));
    }
    if let Some(r) = vm.call_special(v, &vm.names.__float__, &[])? {
        if let Some(f) = r.downcast_ref::<PyFloat>() {
            return Ok(f.value);
        }
        return Err(vm.new_type_error(format!(
            "{}.__float__ returned non-float (type {})",
            vm.type_name(v),
            vm.type_name(&r)
        )));
    }
    if class_of(v).ext.lookup(&vm.names.__index__).is_some() {
        let i = vm.index(v)?;
        if let Some(i) = i.downcast_ref::<PyInt>() {
            return i
                .value
                .to_f64()
                .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"));
        }
    }
    Err(vm.new_type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// Digits of `|v|` in the base of conversion `c`.
fn magnitude_digits(v: &IntVal, c: char) -> (bool, String) {
    match v {
        IntVal::Small(x) => {
            let neg = *x < 0;
            let m = x.unsigned_abs();
            (
                neg,
                match c {
                    'x' => format!("{m:x}"),
                    'X' => format!("{m:X}"),
                    'o' => format!("{m:o}"),
                    _ => m.to_string(),
                },
            )
        }
        IntVal::Big(_) => {
            let b = v.to_big();
            let neg = b < IBig::ZERO;
            let m = if neg { -b } else { b };
            (
                neg,
                match c {
                    'x' => format!("{m:x}"),
                    'X' => format!("{m:X}"),
                    'o' => format!("{m:o}"),
                    _ => m.to_string(),
                },
            )
        }
    }
}

fn sign_str(neg: bool, fl: &Flags) -> &'static str {
    if neg {
        "-"
    } else if fl.plus {
        "+"
    } else if fl.space {
        " "
    } else {
        ""
    }
}

/// Integer conversion text, with the zero-padding marker.
fn int_text(v: &IntVal, c: char, fl: &Flags, prec: Option<usize>) -> String {
    let (neg, mut digits) = magnitude_digits(v, c);
    if let Some(p) = prec {
        if digits.len() < p {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let prefix = match (fl.alt, c) {
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        (true, 'o') => "0o",
        _ => "",
    };
    format!("{}{}\u{0}{}", sign_str(neg, fl), prefix, digits)
}

/// Float conversion text (same marker convention as `int_text`).
fn float_text(x: f64, c: char, fl: &Flags, prec: usize) -> String {
    let neg = x.is_sign_negative() && !x.is_nan();
    let body = if x.is_finite() {
        fmt_float_abs(x.abs(), c, prec, fl.alt)
    } else {
        let s = if x.is_nan() { "nan" } else { "inf" };
        if c.is_ascii_uppercase() {
            s.to_uppercase()
        } else {
            s.to_string()
        }
    };
    // CPython zero-pads "inf"/"nan" too in %-formatting.
    format!("{}\u{0}{}", sign_str(neg, fl), body)
}

/// `%e`-style text of a non-negative finite float.
pub fn fmt_exp(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let mut m = m.to_string();
    if alt && prec == 0 {
        m.push('.');
    }
    format!(
        "{}{}{}{:02}",
        m,
        if upper { 'E' } else { 'e' },
        if e < 0 { '-' } else { '+' },
        e.unsigned_abs()
    )
}

/// `%f`/`%e`/`%g` text of a non-negative finite float.
pub fn fmt_float_abs(x: f64, c: char, prec: usize, alt: bool) -> String {
    match c {
        'f' | 'F' => {
            let mut s = format!("{:.*}", prec, x);
            if alt && prec == 0 {
                s.push('.');
            }
            s
        }
        'e' | 'E' => fmt_exp(x, prec, c == 'E', alt),
        _ => {
            let p = if prec == 0 { 1 } else { prec };
            let probe = format!("{:.*e}", p - 1, x);
            let exp: i64 = probe
                .split_once('e')
                .and_then(|(_, e)| e.parse().ok())
                .unwrap_or(0);
            let mut s = if -4 <= exp && exp < p as i64 {
                format!("{:.*}", (p as i64 - 1 - exp) as usize, x)
            } else {
                fmt_exp(x, p - 1, c == 'G', false)
            };
            if !alt {
                let (m, e) = match s.find(['e', 'E']) {
                    Some(i) => (s[..i].to_string(), s[i..].to_string()),
                    None => (s.clone(), String::new()),
                };
                let m = if m.contains('.') {
                    m.trim_end_matches('0').trim_end_matches('.').to_string()
                } else {
                    m
                };
                s = m + &e;
            } else if !s.contains('.') {
                match s.find(['e', 'E']) {
                    Some(i) => s.insert(i, '.'),
                    None => s.push('.'),
                }
            }
            s
        }
    }
}

/// Resolve the sign/prefix marker of a numeric piece: `\0` separates the
/// sign+prefix from the digits (zero padding goes there), `\1` marks a
/// non-finite float (never zero padded).
pub(crate) fn finish_number(piece: &str, width: usize, zero: bool, left: bool) -> String {
    let (head, body, finite) = match piece.find(['\u{0}', '\u{1}']) {
        Some(i) => (&piece[..i], &piece[i + 1..], piece.as_bytes()[i] == 0),
        None => ("", piece, true),
    };
    let len = head.chars().count() + body.chars().count();
    if zero && !left && finite && width > len {
        format!("{}{}{}", head, "0".repeat(width - len), body)
    } else {
        format!("{head}{body}")
    }
}
