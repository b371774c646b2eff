//! The format-spec mini-language for `int`, `float` and `complex`
//! (`format(x, spec)`, f-strings): fill, align, sign, `z`, `#`, `0`, width,
//! grouping, precision and the presentation types, plus the float-to-text
//! core shared with `repr` and `%`-formatting (`format_float_raw`).
//! Mirrors CPython 3.11 `Python/formatter_unicode.c` and `Python/pystrtod.c`.

use super::float::float_repr;
use super::int::IntVal;
use super::int_ops as ops;
use crate::{PyResult, Vm};

/// A parsed format specification.
#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub fill_given: bool,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_0: bool,
    pub alt: bool,
    pub width: Option<usize>,
    /// `,` or `_` (and `4` for `_` every four digits in b/o/x/X).
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn show_char(c: char) -> String {
    if (c as u32) < 0x20 || c as u32 == 0x7f {
        format!("\\x{:x}", c as u32)
    } else {
        c.to_string()
    }
}

fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let start = *pos;
    let mut v: usize = 0;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(chars[*pos] as usize - '0' as usize))
            .filter(|v| *v <= isize::MAX as usize)
            .ok_or_else(|| "Too many decimal digits in format string".to_string())?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(v) })
}

/// Parse `spec` for an object of type `tname`. Errors are ValueError texts.
pub fn parse_spec(spec: &str, tname: &str) -> Result<Spec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let mut s = Spec {
        fill: ' ',
        fill_given: false,
        align: None,
        sign: None,
        no_neg_0: false,
        alt: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.fill_given = true;
        s.align = Some(chars[1]);
        pos = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        pos = 1;
    }
    if pos < chars.len() && matches!(chars[pos], '+' | '-' | ' ') {
        s.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == 'z' {
        s.no_neg_0 = true;
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == '#' {
        s.alt = true;
        pos += 1;
    }
    if !s.fill_given && pos < chars.len() && chars[pos] == '0' {
        s.fill = '0';
        s.fill_given = true;
        if s.align.is_none() {
            s.align = Some('=');
        }
        pos += 1;
    }
    s.width = get_integer(&chars, &mut pos)?;
    if pos < chars.len() && chars[pos] == ',' {
        s.grouping = Some(',');
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == '_' {
        if s.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".into());
        }
        s.grouping = Some('_');
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == ',' && s.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".into());
    }
    if pos < chars.len() && chars[pos] == '.' {
        pos += 1;
        s.precision = get_integer(&chars, &mut pos)?;
        if s.precision.is_none() {
            return Err("Format specifier missing precision".into());
        }
    }
    if chars.len() - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{tname}'"
        ));
    }
    if pos < chars.len() {
        s.ty = Some(chars[pos]);
    }
    if let Some(g) = s.grouping {
        match s.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => s.grouping = Some('4'),
            Some(t) => return Err(format!("Cannot specify '{}' with '{}'.", g, show_char(t))),
        }
    }
    Ok(s)
}

/// Insert separators into a run of ASCII digits; when `min_width` is
/// given, pad with leading zeros (grouped too) to at least that width.
fn group_digits(digits: &str, sep: char, every: usize, min_width: usize) -> String {
    let mut n = digits.len();
    let glen = |n: usize| if n == 0 { 0 } else { n + (n - 1) / every };
    while glen(n) < min_width {
        n += 1;
    }
    let padded: String = "0".repeat(n - digits.len()) + digits;
    let mut out = String::with_capacity(glen(n));
    for (i, c) in padded.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Lay out `sign + prefix + int_digits + rest` per the spec's grouping,
/// fill, alignment and width.
fn assemble(
    spec: &Spec,
    sign: &str,
    prefix: &str,
    int_digits: &str,
    rest: &str,
    default_align: char,
) -> String {
    let align = spec.align.unwrap_or(default_align);
    let width = spec.width.unwrap_or(0);
    let fixed = sign.chars().count() + prefix.chars().count() + rest.chars().count();
    let body = match spec.grouping {
        // inf/nan have no digits to group (zero padding stays plain).
        Some(g) if !int_digits.is_empty() => {
            let (sep, every) = match g {
                '4' => ('_', 4),
                c => (c, 3),
            };
            let minw = if align == '=' && spec.fill == '0' {
                width.saturating_sub(fixed)
            } else {
                0
            };
            group_digits(int_digits, sep, every, minw)
        }
        _ => int_digits.to_string(),
    };
    let len = fixed + body.chars().count();
    let pad = width.saturating_sub(len);
    let fill = |n: usize| std::iter::repeat(spec.fill).take(n).collect::<String>();
    match align {
        '<' => format!("{sign}{prefix}{body}{rest}{}", fill(pad)),
        '^' => format!(
            "{}{sign}{prefix}{body}{rest}{}",
            fill(pad / 2),
            fill(pad - pad / 2)
        ),
        '=' => format!("{sign}{prefix}{}{body}{rest}", fill(pad)),
        _ => format!("{}{sign}{prefix}{body}{rest}", fill(pad)),
    }
}

fn sign_str(neg: bool, sign: Option<char>) -> &'static str {
    if neg {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// `format(int, spec)`.
pub fn format_int(vm: &Vm, v: &IntVal, spec: &str, tname: &str) -> PyResult<String> {
    let s = parse_spec(spec, tname).map_err(|m| vm.new_value_error(m))?;
    format_int_parsed(vm, v, &s, tname)
}

pub fn format_int_parsed(vm: &Vm, v: &IntVal, s: &Spec, tname: &str) -> PyResult<String> {
    let ty = s.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = ops::to_f64(v)
                .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"))?;
            return format_float_parsed(vm, f, s, tname);
        }
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        t => {
            return Err(vm.new_value_error(format!(
                "Unknown format code '{}' for object of type '{}'",
                show_char(t),
                tname
            )))
        }
    }
    if s.precision.is_some() {
        return Err(vm.new_value_error("Precision not allowed in integer format specifier"));
    }
    if s.no_neg_0 {
        return Err(vm.new_value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if s.sign.is_some() {
            return Err(vm.new_value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if s.alt {
            return Err(vm.new_value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = v
            .as_i64()
            .filter(|x| (0..0x110000).contains(x))
            .map(|x| {
                // A surrogate becomes its stand-in (int.__format__ marks it).
                char::from_u32(x as u32)
                    .unwrap_or_else(|| pyrite_bytecode::surrogate::stand_in(x as u32))
            })
            .ok_or_else(|| vm.new_overflow_error("%c arg not in range(0x110000)"))?;
        let mut sp = s.clone();
        sp.grouping = None;
        return Ok(assemble(&sp, "", "", "", &c.to_string(), '>'));
    }
    let neg = v.is_negative();
    let mag = ops::magnitude(v);
    let (digits, prefix) = match ty {
        'b' => (format!("{:b}", mag), "0b"),
        'o' => (format!("{:o}", mag), "0o"),
        'x' => (format!("{:x}", mag), "0x"),
        'X' => (format!("{:X}", mag), "0X"),
        _ => (super::int_methods::int_to_decimal(vm, &ops::abs(v))?, ""),
    };
    let prefix = if s.alt { prefix } else { "" };
    Ok(assemble(s, sign_str(neg, s.sign), prefix, &digits, "", '>'))
}

/// Exponent suffix as C prints it: `e+05`, `e-07`, `e+123`.
fn exp_suffix(e: i32, upper: bool) -> String {
    format!(
        "{}{}{:02}",
        if upper { 'E' } else { 'e' },
        if e < 0 { '-' } else { '+' },
        e.unsigned_abs()
    )
}

/// Scientific notation of a finite `|v|` with `prec` fractional digits:
/// (mantissa digits text, exponent).
fn sci_parts(v: f64, prec: usize) -> (String, i32) {
    let s = format!("{:.*e}", prec, v.abs());
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    (m.to_string(), e.parse().unwrap_or(0))
}

/// The text of a float for one presentation type (`e E f F g G r`),
/// including a leading `-` when negative, like `PyOS_double_to_string`.
/// `alt` is `#`; `add_dot_0` appends `.0` to integral `g`/`r` output.
pub fn format_float_raw(v: f64, ty: char, precision: usize, alt: bool, add_dot_0: bool) -> String {
    let upper = matches!(ty, 'E' | 'F' | 'G');
    if v.is_nan() {
        return if upper { "NAN".into() } else { "nan".into() };
    }
    if v.is_infinite() {
        let s = if v > 0.0 { "inf" } else { "-inf" };
        return if upper { s.to_uppercase() } else { s.into() };
    }
    let neg = v.is_sign_negative();
    let mut body = match ty {
        'r' => {
            let r = float_repr(v.abs());
            if add_dot_0 {
                r
            } else {
                r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
            }
        }
        'f' | 'F' => {
            let mut s = format!("{:.*}", precision, v.abs());
            if alt && precision == 0 {
                s.push('.');
            }
            s
        }
        'e' | 'E' => {
            let (m, e) = sci_parts(v, precision);
            let mut m = m;
            if alt && precision == 0 {
                m.push('.');
            }
            format!("{m}{}", exp_suffix(e, upper))
        }
        _ => {
            // 'g' / 'G'
            let p = precision.max(1);
            let (_, x) = sci_parts(v, p - 1);
            // With `.0` appended to integral results, CPython switches to
            // exponent form one digit earlier.
            let limit = if add_dot_0 { p as i64 - 1 } else { p as i64 };
            let mut s = if -4 <= x && (x as i64) < limit {
                format!("{:.*}", (p as i64 - 1 - x as i64) as usize, v.abs())
            } else {
                let (m, _) = sci_parts(v, p - 1);
                format!("{m}{}", exp_suffix(x, upper))
            };
            let (mant, exp) = match s.find(['e', 'E']) {
                Some(i) => (s[..i].to_string(), s[i..].to_string()),
                None => (s.clone(), String::new()),
            };
            let mut mant = mant;
            if !alt {
                if mant.contains('.') {
                    mant = mant.trim_end_matches('0').trim_end_matches('.').to_string();
                }
            } else if !mant.contains('.') {
                mant.push('.');
            }
            if add_dot_0 && !mant.contains('.') && exp.is_empty() {
                mant.push_str(".0");
            }
            s = mant + &exp;
            s
        }
    };
    if upper {
        body = body.to_uppercase();
    }
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// `format(float, spec)`.
pub fn format_float_spec(vm: &Vm, v: f64, spec: &str, tname: &str) -> PyResult<String> {
    let s = parse_spec(spec, tname).map_err(|m| vm.new_value_error(m))?;
    format_float_parsed(vm, v, &s, tname)
}

/// Convenience for other modules: `format(v, spec)` with a ValueError
/// message on a bad spec.
pub fn format_float(vm: &Vm, v: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(v));
    }
    format_float_spec(vm, v, spec, "float")
}

/// Split formatted digits ("123.45e+06") into (integer digits, rest).
fn split_number(s: &str) -> (&str, &str) {
    let i = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(i)
}

/// Apply `z`: a result whose digits are all zero loses its minus sign.
fn strip_neg_zero(s: String) -> String {
    match s.strip_prefix('-') {
        Some(rest)
            if !rest.chars().any(|c| c.is_ascii_digit() && c != '0') && !rest.contains("inf") =>
        {
            // Only mantissa digits count (exponent digits follow 'e').
            rest.to_string()
        }
        Some(rest) => {
            let mant = rest.split(['e', 'E']).next().unwrap_or(rest);
            if mant.chars().all(|c| !c.is_ascii_digit() || c == '0')
                && !rest.contains("inf")
                && !rest.contains("nan")
            {
                rest.to_string()
            } else {
                s
            }
        }
        None => s,
    }
}

/// Float text per type/precision/flags, before padding.
fn float_text(v: f64, s: &Spec) -> (String, bool) {
    let (mut ty, mut add_dot_0, mut default_prec) = (s.ty.unwrap_or('r'), false, 6);
    if s.ty.is_none() {
        add_dot_0 = true;
        default_prec = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = v;
    let mut pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        pct = true;
    }
    let prec = match s.precision {
        None => default_prec,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut t = format_float_raw(val, ty, prec, s.alt, add_dot_0);
    if s.no_neg_0 {
        t = strip_neg_zero(t);
    }
    if pct {
        t.push('%');
    }
    (t, ty == 'r')
}

pub fn format_float_parsed(vm: &Vm, v: f64, s: &Spec, tname: &str) -> PyResult<String> {
    match s.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => {
            return Err(vm.new_value_error(format!(
                "Unknown format code '{}' for object of type '{}'",
                show_char(t),
                tname
            )))
        }
    }
    let (t, _) = float_text(v, s);
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.as_str()),
    };
    let (ip, rest) = split_number(body);
    Ok(assemble(s, sign_str(neg, s.sign), "", ip, rest, '>'))
}

/// `format(complex, spec)`.
pub fn format_complex_spec(vm: &Vm, re: f64, im: f64, spec: &str, tname: &str) -> PyResult<String> {
    let s = parse_spec(spec, tname).map_err(|m| vm.new_value_error(m))?;
    match s.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => {
            return Err(vm.new_value_error(format!(
                "Unknown format code '{}' for object of type '{}'",
                show_char(t),
                tname
            )))
        }
    }
    if s.fill == '0' {
        return Err(vm.new_value_error("Zero padding is not allowed in complex format specifier"));
    }
    if s.align == Some('=') {
        return Err(
            vm.new_value_error("'=' alignment flag is not allowed in complex format specifier")
        );
    }
    let mut ty = s.ty.unwrap_or('r');
    let mut skip_re = false;
    let mut parens = false;
    let mut default_prec = 6;
    if s.ty.is_none() {
        default_prec = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    let prec = match s.precision {
        None => default_prec,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let part = |x: f64, sign: Option<char>| -> String {
        let mut t = format_float_raw(x, ty, prec, s.alt, false);
        if s.no_neg_0 {
            t = strip_neg_zero(t);
        }
        let (neg, body) = match t.strip_prefix('-') {
            Some(b) => (true, b.to_string()),
            None => (false, t.clone()),
        };
        let (ip, rest) = split_number(&body);
        let sub = Spec {
            width: None,
            align: Some('>'),
            ..s.clone()
        };
        assemble(&sub, sign_str(neg, sign), "", ip, rest, '>')
    };
    let re_s = if skip_re {
        String::new()
    } else {
        part(re, s.sign)
    };
    let im_s = part(im, if skip_re { s.sign } else { Some('+') });
    let body = format!(
        "{}{re_s}{im_s}j{}",
        if parens { "(" } else { "" },
        if parens { ")" } else { "" }
    );
    let outer = Spec {
        grouping: None,
        ..s.clone()
    };
    Ok(assemble(&outer, "", "", "", &body, '>'))
}

/// `repr(complex)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", format_float_raw(im, 'r', 0, false, false));
    }
    let r = format_float_raw(re, 'r', 0, false, false);
    let mut i = format_float_raw(im, 'r', 0, false, false);
    if !i.starts_with('-') {
        i.insert(0, '+');
    }
    format!("({r}{i}j)")
}
