//! `repr(float)` as CPython 3.11 writes it (`Objects/floatobject.c`'s
//! `float_repr`, `'r'` format): used by the VM's `float` and by the
//! compiler when it unparses annotations.

/// `repr(float)`: shortest round-trip digits; exponent form when the
/// decimal exponent is < -4 or >= 16, as CPython's `'r'` format.
pub fn float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Rust's `{:e}` gives the shortest round-trip digits in scientific form.
    let sci = format!("{:e}", v);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    tie_to_even(v, exp, &mut digits);
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let e = exp as usize;
            if digits.len() > e + 1 {
                out.push_str(&digits[..e + 1]);
                out.push('.');
                out.push_str(&digits[e + 1..]);
            } else {
                out.push_str(&digits);
                for _ in digits.len()..e + 1 {
                    out.push('0');
                }
                out.push_str(".0");
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// When the value lies exactly halfway between two shortest
/// round-tripping digit strings, CPython (like `dtoa` mode 0) keeps the one
/// with an even last digit; Rust's shortest formatting rounds the tie up.
/// The exact decimal expansion (Rust's fixed-precision formatting is
/// exact) shows a tie as `...d5000...` right after the shortest digits.
fn tie_to_even(v: f64, exp: i32, digits: &mut String) {
    let n = digits.len();
    let last = digits.as_bytes()[n - 1];
    if (last - b'0').is_multiple_of(2) {
        return;
    }
    let exact = format!("{:.*e}", n + 24, v.abs());
    let Some((m, e)) = exact.split_once('e') else {
        return;
    };
    if e.parse::<i32>().ok() != Some(exp) {
        return;
    }
    let ed: Vec<u8> = m.bytes().filter(|c| c.is_ascii_digit()).collect();
    if ed.len() <= n || ed[n] != b'5' || ed[n + 1..].iter().any(|c| *c != b'0') {
        return;
    }
    let trunc = &ed[..n];
    if !(trunc[n - 1] - b'0').is_multiple_of(2) {
        return;
    }
    // Next to a power of two the gap below is half the gap above, so
    // the lower candidate may not round-trip: keep Rust's then.
    let t = String::from_utf8_lossy(trunc).into_owned();
    let back = format!("{}.{}e{}", &t[..1], &t[1..], exp).parse::<f64>();
    if back.ok() == Some(v.abs()) {
        *digits = t;
    }
}
