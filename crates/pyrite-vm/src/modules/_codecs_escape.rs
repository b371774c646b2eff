//! The escape codecs of `_codecs`: `unicode_escape`, `raw_unicode_escape`
//! (what pickle protocols 0 and 1 write strings with), `escape_encode` /
//! `escape_decode` (bytes literals' escapes) and `readbuffer_encode`.
//! Behaviour (messages, error positions, partial input when `final` is
//! false, deprecation warnings for invalid escapes) follows CPython 3.11.

use super::support::{
    buffer_or_str_arg, bytes_obj, deprecation, errors_arg, flag_arg, pair, str_arg, Decoding, Out,
};
use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::{PyResult, Vm};

fn hex_val(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// Text escaped as `unicode_escape` (`raw` = `raw_unicode_escape`: only
/// code points from U+0100 are escaped).
pub fn escape_text(cps: impl Iterator<Item = u32>, raw: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for c in cps {
        if c >= 0x10000 {
            out.extend_from_slice(format!("\\U{c:08x}").as_bytes());
        } else if c >= 0x100 {
            out.extend_from_slice(format!("\\u{c:04x}").as_bytes());
        } else if raw {
            out.push(c as u8);
        } else {
            match c as u8 {
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\t' => out.extend_from_slice(b"\\t"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b if !(0x20..0x7f).contains(&b) => {
                    out.extend_from_slice(format!("\\x{b:02x}").as_bytes())
                }
                b => out.push(b),
            }
        }
    }
    out
}

fn escape_encoder(vm: &Vm, args: Args, fname: &str, raw: bool) -> PyResult {
    let [s, e] = super::support::range_args::<2>(vm, &args, fname)?;
    let s_obj = s.expect("min 1");
    let s = str_arg(vm, s_obj, fname, 1)?;
    errors_arg(vm, e, fname, 2)?;
    let out = escape_text(s.code_points(), raw);
    Ok(pair(vm, bytes_obj(vm, out), s.char_len()))
}

fn unicode_escape_encode(vm: &Vm, args: Args) -> PyResult {
    escape_encoder(vm, args, "unicode_escape_encode", false)
}

fn raw_unicode_escape_encode(vm: &Vm, args: Args) -> PyResult {
    escape_encoder(vm, args, "raw_unicode_escape_encode", true)
}

/// A character name for `\N{...}` via `unicodedata.lookup` (named
/// sequences are not characters); `Err` if there is no database.
fn lookup_name(vm: &Vm, name: &[u8]) -> PyResult<Option<u32>> {
    let Ok(m) = vm.import_absolute("unicodedata") else {
        return Err(vm.new_exception_msg(
            &vm.exc.UnicodeError,
            "\\N escapes not supported (can't load unicodedata module)",
        ));
    };
    let Ok(name) = std::str::from_utf8(name) else {
        return Ok(None);
    };
    match vm.call_method(&m, "lookup", &[vm.new_str(name)]) {
        Ok(r) => {
            let s = r.downcast_ref::<crate::types::str::PyStr>();
            let mut cps = s
                .map(|s| s.code_points().collect::<Vec<_>>())
                .unwrap_or_default();
            Ok(if cps.len() == 1 { cps.pop() } else { None })
        }
        Err(e) if vm.exc_matches(&e, &vm.exc.KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Decode `unicode_escape`; returns the text and the bytes consumed
/// (less than all of `data` only when not `final`).
pub fn unicode_escape_decode_bytes(
    vm: &Vm,
    data: &[u8],
    errors: &str,
    final_: bool,
) -> PyResult<(Out, usize)> {
    let dec = Decoding::new("unicodeescape", errors, data);
    let n = data.len();
    let mut out = Out::with_capacity(n);
    let mut first_invalid: Option<usize> = None;
    let mut i = 0;
    while i < n {
        let b = data[i];
        if b != b'\\' {
            out.push(b as u32);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        // `Err((end, reason, incomplete))` for a bad escape.
        let r: PyResult<Result<(), (usize, &str, bool)>> = (|| {
            let Some(&c) = data.get(i) else {
                return Ok(Err((i, "\\ at end of string", true)));
            };
            i += 1;
            let simple = match c {
                b'\n' => Some(None),
                b'\\' | b'\'' | b'"' => Some(Some(c as u32)),
                b'b' => Some(Some(8)),
                b'f' => Some(Some(12)),
                b't' => Some(Some(9)),
                b'n' => Some(Some(10)),
                b'r' => Some(Some(13)),
                b'v' => Some(Some(11)),
                b'a' => Some(Some(7)),
                _ => None,
            };
            if let Some(v) = simple {
                if let Some(v) = v {
                    out.push(v);
                }
                return Ok(Ok(()));
            }
            match c {
                b'0'..=b'7' => {
                    let v = read_octal(data, c, &mut i);
                    if v > 0o377 && first_invalid.is_none() {
                        first_invalid = Some(i - 3);
                    }
                    out.push(v);
                    Ok(Ok(()))
                }
                b'x' | b'u' | b'U' => {
                    let (count, msg) = match c {
                        b'x' => (2, "truncated \\xXX escape"),
                        b'u' => (4, "truncated \\uXXXX escape"),
                        _ => (8, "truncated \\UXXXXXXXX escape"),
                    };
                    let mut v: u32 = 0;
                    for _ in 0..count {
                        let Some(&d) = data.get(i) else {
                            return Ok(Err((i, msg, true)));
                        };
                        let Some(h) = hex_val(d) else {
                            return Ok(Err((i, msg, false)));
                        };
                        v = (v << 4) | h;
                        i += 1;
                    }
                    if v > 0x10FFFF {
                        return Ok(Err((i, "illegal Unicode character", false)));
                    }
                    out.push(v);
                    Ok(Ok(()))
                }
                b'N' => {
                    let msg = "malformed \\N character escape";
                    let Some(&d) = data.get(i) else {
                        return Ok(Err((i, msg, true)));
                    };
                    if d != b'{' {
                        return Ok(Err((i, msg, false)));
                    }
                    i += 1;
                    let name_start = i;
                    let Some(k) = data[i..].iter().position(|&x| x == b'}') else {
                        i = n;
                        return Ok(Err((i, msg, true)));
                    };
                    if k == 0 {
                        return Ok(Err((i, msg, false)));
                    }
                    i += k + 1;
                    match lookup_name(vm, &data[name_start..name_start + k])? {
                        Some(cp) => {
                            out.push(cp);
                            Ok(Ok(()))
                        }
                        None => Ok(Err((i, "unknown Unicode character name", false))),
                    }
                }
                _ => {
                    if first_invalid.is_none() {
                        first_invalid = Some(i - 1);
                    }
                    out.push(b'\\' as u32);
                    out.push(c as u32);
                    Ok(Ok(()))
                }
            }
        })();
        match r? {
            Ok(()) => {}
            Err((_, _, true)) if !final_ => {
                i = start;
                break;
            }
            Err((end, reason, _)) => {
                i = dec.fail(vm, start, end, reason, &mut out)?;
            }
        }
    }
    if let Some(p) = first_invalid {
        warn_invalid(vm, &data[p..])?;
    }
    Ok((out, i))
}

/// The deprecation warning for the first invalid escape (`rest` starts
/// after its backslash).
fn warn_invalid(vm: &Vm, rest: &[u8]) -> PyResult<()> {
    let c = rest[0];
    if (b'4'..=b'7').contains(&c) {
        let oct: String = rest.iter().take(3).map(|&b| b as char).collect();
        deprecation(vm, format!("invalid octal escape sequence '\\{oct}'"))
    } else {
        deprecation(vm, format!("invalid escape sequence '\\{}'", c as char))
    }
}

fn unicode_escape_decode(vm: &Vm, args: Args) -> PyResult {
    let fname = "unicode_escape_decode";
    let [d, e, f] = super::support::range_args::<3>(vm, &args, fname)?;
    let data = buffer_or_str_arg(vm, d.expect("min 1"))?;
    let errors = errors_arg(vm, e, fname, 2)?;
    let final_ = flag_arg(vm, f, true)?;
    let (out, used) = unicode_escape_decode_bytes(vm, &data, errors, final_)?;
    Ok(pair(vm, out.finish(vm), used))
}

/// Decode `raw_unicode_escape`: only `\uXXXX` and `\UXXXXXXXX` are
/// escapes; every other byte is its Latin-1 character.
pub fn raw_unicode_escape_decode_bytes(
    vm: &Vm,
    data: &[u8],
    errors: &str,
    final_: bool,
) -> PyResult<(Out, usize)> {
    let dec = Decoding::new("rawunicodeescape", errors, data);
    let n = data.len();
    let mut out = Out::with_capacity(n);
    let mut i = 0;
    while i < n {
        let b = data[i];
        i += 1;
        if b != b'\\' || (i >= n && final_) {
            out.push(b as u32);
            continue;
        }
        let start = i - 1;
        if i >= n {
            i = start;
            break;
        }
        let c = data[i];
        i += 1;
        let (count, msg) = match c {
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            _ => {
                // A backslash pair (or any other byte) is literal text.
                out.push(b'\\' as u32);
                out.push(c as u32);
                continue;
            }
        };
        let mut v: u32 = 0;
        let mut bad = None;
        for _ in 0..count {
            let Some(&d) = data.get(i) else {
                bad = Some((msg, true));
                break;
            };
            let Some(h) = hex_val(d) else {
                bad = Some((msg, false));
                break;
            };
            v = (v << 4) | h;
            i += 1;
        }
        if bad.is_none() && v > 0x10FFFF {
            bad = Some(("\\Uxxxxxxxx out of range", false));
        }
        match bad {
            None => out.push(v),
            Some((_, true)) if !final_ => {
                i = start;
                break;
            }
            Some((reason, _)) => i = dec.fail(vm, start, i, reason, &mut out)?,
        }
    }
    Ok((out, i))
}

fn raw_unicode_escape_decode(vm: &Vm, args: Args) -> PyResult {
    let fname = "raw_unicode_escape_decode";
    let [d, e, f] = super::support::range_args::<3>(vm, &args, fname)?;
    let data = buffer_or_str_arg(vm, d.expect("min 1"))?;
    let errors = errors_arg(vm, e, fname, 2)?;
    let final_ = flag_arg(vm, f, true)?;
    let (out, used) = raw_unicode_escape_decode_bytes(vm, &data, errors, final_)?;
    Ok(pair(vm, out.finish(vm), used))
}

/// `escape_encode(bytes)`: the body of the bytes' repr (with `'`
/// escaped, `"` not).
fn escape_encode(vm: &Vm, args: Args) -> PyResult {
    let fname = "escape_encode";
    let [d, e] = super::support::range_args::<2>(vm, &args, fname)?;
    let d = d.expect("min 1");
    let b = d.downcast_ref::<PyBytes>().ok_or_else(|| {
        vm.new_type_error(format!(
            "{fname}() argument 1 must be bytes, not {}",
            vm.type_name(d)
        ))
    })?;
    errors_arg(vm, e, fname, 2)?;
    let mut out = Vec::with_capacity(b.data.len());
    for &c in b.data.iter() {
        match c {
            b'\'' | b'\\' => out.extend_from_slice(&[b'\\', c]),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            c if !(0x20..0x7f).contains(&c) => {
                out.extend_from_slice(format!("\\x{c:02x}").as_bytes())
            }
            c => out.push(c),
        }
    }
    let n = b.data.len();
    Ok(pair(vm, bytes_obj(vm, out), n))
}

/// `escape_decode(data)`: bytes-literal escapes; a bad `\x` escape is a
/// `ValueError` (or `?`/nothing with errors `replace`/`ignore`).
fn escape_decode(vm: &Vm, args: Args) -> PyResult {
    let fname = "escape_decode";
    let [d, e] = super::support::range_args::<2>(vm, &args, fname)?;
    let data = buffer_or_str_arg(vm, d.expect("min 1"))?;
    let errors = match e {
        Some(e) if !e.is(&vm.none) => Some(errors_arg(vm, Some(e), fname, 2)?),
        _ => None,
    };
    let n = data.len();
    let mut out = Vec::with_capacity(n);
    let mut first_invalid: Option<usize> = None;
    let mut i = 0;
    while i < n {
        if data[i] != b'\\' {
            out.push(data[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i == n {
            return Err(vm.new_value_error("Trailing \\ in string"));
        }
        let c = data[i];
        i += 1;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(c),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(9),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let v = read_octal(&data, c, &mut i);
                if v > 0o377 && first_invalid.is_none() {
                    first_invalid = Some(i - 3);
                }
                out.push(v as u8);
            }
            b'x' => {
                if i + 1 < n {
                    if let (Some(a), Some(b)) = (hex_val(data[i]), hex_val(data[i + 1])) {
                        out.push((a * 16 + b) as u8);
                        i += 2;
                        continue;
                    }
                }
                match errors {
                    None | Some("strict") => {
                        return Err(
                            vm.new_value_error(format!("invalid \\x escape at position {}", i - 2))
                        )
                    }
                    Some("replace") => out.push(b'?'),
                    Some("ignore") => {}
                    Some(other) => {
                        return Err(vm.new_value_error(format!(
                            "decoding error; unknown error handling code: {other}"
                        )))
                    }
                }
                if i < n && hex_val(data[i]).is_some() {
                    i += 1;
                }
            }
            _ => {
                if first_invalid.is_none() {
                    first_invalid = Some(i - 1);
                }
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    if let Some(p) = first_invalid {
        warn_invalid(vm, &data[p..])?;
    }
    Ok(pair(vm, bytes_obj(vm, out), n))
}

/// `readbuffer_encode(data)`: the bytes of a buffer (or UTF-8 of a str).
fn readbuffer_encode(vm: &Vm, args: Args) -> PyResult {
    let fname = "readbuffer_encode";
    let [d, e] = super::support::range_args::<2>(vm, &args, fname)?;
    let data = buffer_or_str_arg(vm, d.expect("min 1"))?;
    errors_arg(vm, e, fname, 2)?;
    let n = data.len();
    Ok(pair(vm, bytes_obj(vm, data), n))
}

/// Add the escape codecs to the `_codecs` module dict.
pub fn add(vm: &Vm, d: &crate::types::dict::PyDict) {
    for (name, f) in [
        (
            "unicode_escape_encode",
            unicode_escape_encode as crate::args::NativeFn,
        ),
        ("unicode_escape_decode", unicode_escape_decode),
        ("raw_unicode_escape_encode", raw_unicode_escape_encode),
        ("raw_unicode_escape_decode", raw_unicode_escape_decode),
        ("escape_encode", escape_encode),
        ("escape_decode", escape_decode),
        ("readbuffer_encode", readbuffer_encode),
    ] {
        vm.add_function(d, "_codecs", name, f);
    }
}

/// An octal escape `\ooo`: `first` is its first digit (already consumed);
/// up to two more digits are read from `data` at `*i`.
fn read_octal(data: &[u8], first: u8, i: &mut usize) -> u32 {
    let mut v = (first - b'0') as u32;
    for _ in 0..2 {
        match data.get(*i) {
            Some(&d @ b'0'..=b'7') => {
                v = v * 8 + (d - b'0') as u32;
                *i += 1;
            }
            _ => break,
        }
    }
    v
}
