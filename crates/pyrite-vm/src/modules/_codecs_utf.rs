//! The UTF-16, UTF-32 and UTF-7 functions of `_codecs` (`utf_16_encode`,
//! `utf_16_decode`, `utf_16_ex_decode`, the `_le`/`_be` variants, the
//! UTF-32 twins, `utf_7_encode`/`utf_7_decode`) and `utf_8_decode` with
//! partial input. Decoders stop before an incomplete sequence at the end
//! when `final` is false (the incremental decoders of `encodings` rely on
//! it) and report `(text, consumed)`; the `_ex` decoders also return the
//! byte order found (`-1` little-endian, `1` big-endian, `0` not yet
//! known).

use super::support::{
    buffer_arg, bytes_obj, errors_arg, flag_arg, int_arg, pair, str_arg, Decoding, Out,
};
use crate::args::Args;
use crate::{PyResult, Vm};

/// Decode UTF-16; `bo` is the byte order (0 = look for a BOM, then
/// little-endian), updated from the BOM.
pub fn utf16_decode(
    vm: &Vm,
    data: &[u8],
    errors: &str,
    bo: &mut i64,
    final_: bool,
) -> PyResult<(Out, usize)> {
    let n = data.len();
    let mut i = 0;
    if *bo == 0 && n >= 2 {
        match (data[0], data[1]) {
            (0xFF, 0xFE) => {
                *bo = -1;
                i = 2;
            }
            (0xFE, 0xFF) => {
                *bo = 1;
                i = 2;
            }
            _ => {}
        }
    }
    let be = *bo > 0;
    let dec = Decoding::new(if be { "utf-16-be" } else { "utf-16-le" }, errors, data);
    let unit = |k: usize| {
        if be {
            u16::from_be_bytes([data[k], data[k + 1]]) as u32
        } else {
            u16::from_le_bytes([data[k], data[k + 1]]) as u32
        }
    };
    let mut out = Out::with_capacity(n / 2);
    while i < n {
        if n - i < 2 {
            if !final_ {
                break;
            }
            i = dec.fail(vm, i, n, "truncated data", &mut out)?;
            continue;
        }
        let a = unit(i);
        if !(0xD800..0xE000).contains(&a) {
            out.push(a);
            i += 2;
        } else if a >= 0xDC00 {
            i = dec.fail(vm, i, i + 2, "illegal encoding", &mut out)?;
        } else if n - i < 4 {
            if !final_ {
                break;
            }
            i = dec.fail(vm, i, n, "unexpected end of data", &mut out)?;
        } else {
            let b = unit(i + 2);
            if (0xDC00..0xE000).contains(&b) {
                out.push(0x10000 + ((a - 0xD800) << 10) + (b - 0xDC00));
                i += 4;
            } else {
                i = dec.fail(vm, i, i + 2, "illegal UTF-16 surrogate", &mut out)?;
            }
        }
    }
    Ok((out, i))
}

/// Decode UTF-32 (byte order as for [`utf16_decode`]).
pub fn utf32_decode(
    vm: &Vm,
    data: &[u8],
    errors: &str,
    bo: &mut i64,
    final_: bool,
) -> PyResult<(Out, usize)> {
    let n = data.len();
    let mut i = 0;
    if *bo == 0 && n >= 4 {
        match (data[0], data[1], data[2], data[3]) {
            (0xFF, 0xFE, 0, 0) => {
                *bo = -1;
                i = 4;
            }
            (0, 0, 0xFE, 0xFF) => {
                *bo = 1;
                i = 4;
            }
            _ => {}
        }
    }
    let be = *bo > 0;
    let dec = Decoding::new(if be { "utf-32-be" } else { "utf-32-le" }, errors, data);
    let mut out = Out::with_capacity(n / 4);
    while i < n {
        if n - i < 4 {
            if !final_ {
                break;
            }
            i = dec.fail(vm, i, n, "truncated data", &mut out)?;
            continue;
        }
        let w = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        let c = if be {
            u32::from_be_bytes(w)
        } else {
            u32::from_le_bytes(w)
        };
        if c > 0x10FFFF {
            i = dec.fail(vm, i, i + 4, "code point not in range(0x110000)", &mut out)?;
        } else if (0xD800..0xE000).contains(&c) {
            i = dec.fail(
                vm,
                i,
                i + 4,
                "code point in surrogate code point range(0xd800, 0xe000)",
                &mut out,
            )?;
        } else {
            out.push(c);
            i += 4;
        }
    }
    Ok((out, i))
}

/// The `(data, errors, final)` or `(data, errors, byteorder, final)`
/// arguments of a UTF-16/32 decoder; `Ok` with the decode result.
fn utf_decoder(vm: &Vm, args: Args, fname: &str, wide: bool, fixed: i64, ex: bool) -> PyResult {
    let [d, e, a3, a4] = if ex {
        super::support::range_args::<4>(vm, &args, fname)?
    } else {
        let [d, e, a3] = super::support::range_args::<3>(vm, &args, fname)?;
        [d, e, a3, None]
    };
    let data = buffer_arg(vm, d.expect("min 1"))?;
    let errors = errors_arg(vm, e, fname, 2)?;
    let (mut bo, final_) = if ex {
        (int_arg(vm, a3)?, flag_arg(vm, a4, false)?)
    } else {
        (fixed, flag_arg(vm, a3, false)?)
    };
    let (out, used) = if wide {
        utf32_decode(vm, &data, errors, &mut bo, final_)?
    } else {
        utf16_decode(vm, &data, errors, &mut bo, final_)?
    };
    let s = out.finish(vm);
    if ex {
        Ok(vm.new_tuple(vec![s, vm.new_int(used as i64), vm.new_int(bo)]))
    } else {
        Ok(pair(vm, s, used))
    }
}

fn utf_encoder(vm: &Vm, args: Args, fname: &str, wide: bool, fixed: Option<i64>) -> PyResult {
    let [s, e, b] = if fixed.is_some() {
        let [s, e] = super::support::range_args::<2>(vm, &args, fname)?;
        [s, e, None]
    } else {
        super::support::range_args::<3>(vm, &args, fname)?
    };
    let obj = s.expect("min 1");
    let text = str_arg(vm, obj, fname, 1)?;
    let errors = errors_arg(vm, e, fname, 2)?;
    let bo = match fixed {
        Some(f) => f,
        None => int_arg(vm, b)?,
    };
    let enc = match (wide, bo.signum()) {
        (false, 0) => "utf-16",
        (false, -1) => "utf-16-le",
        (false, _) => "utf-16-be",
        (true, 0) => "utf-32",
        (true, -1) => "utf-32-le",
        (true, _) => "utf-32-be",
    };
    let out = crate::modules::_codecs::encode(vm, text.as_str(), enc, errors, obj)?;
    Ok(pair(vm, bytes_obj(vm, out), text.char_len()))
}

macro_rules! utf_fns {
    ($($name:ident => $body:expr;)*) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult {
            let f: &dyn Fn(&Vm, Args) -> PyResult = &$body;
            f(vm, args)
        })*
    };
}

utf_fns! {
    utf_16_encode => |vm, a| utf_encoder(vm, a, "utf_16_encode", false, None);
    utf_16_le_encode => |vm, a| utf_encoder(vm, a, "utf_16_le_encode", false, Some(-1));
    utf_16_be_encode => |vm, a| utf_encoder(vm, a, "utf_16_be_encode", false, Some(1));
    utf_32_encode => |vm, a| utf_encoder(vm, a, "utf_32_encode", true, None);
    utf_32_le_encode => |vm, a| utf_encoder(vm, a, "utf_32_le_encode", true, Some(-1));
    utf_32_be_encode => |vm, a| utf_encoder(vm, a, "utf_32_be_encode", true, Some(1));
    utf_16_decode => |vm, a| utf_decoder(vm, a, "utf_16_decode", false, 0, false);
    utf_16_le_decode => |vm, a| utf_decoder(vm, a, "utf_16_le_decode", false, -1, false);
    utf_16_be_decode => |vm, a| utf_decoder(vm, a, "utf_16_be_decode", false, 1, false);
    utf_16_ex_decode => |vm, a| utf_decoder(vm, a, "utf_16_ex_decode", false, 0, true);
    utf_32_decode => |vm, a| utf_decoder(vm, a, "utf_32_decode", true, 0, false);
    utf_32_le_decode => |vm, a| utf_decoder(vm, a, "utf_32_le_decode", true, -1, false);
    utf_32_be_decode => |vm, a| utf_decoder(vm, a, "utf_32_be_decode", true, 1, false);
    utf_32_ex_decode => |vm, a| utf_decoder(vm, a, "utf_32_ex_decode", true, 0, true);
}

/// Where an incomplete (but so far valid) UTF-8 sequence starts at the
/// end of `data`, if there is one.
fn utf8_incomplete_tail(data: &[u8], surrogatepass: bool) -> Option<usize> {
    let n = data.len();
    for p in (n.saturating_sub(3)..n).rev() {
        let b = data[p];
        if b < 0x80 {
            return None;
        }
        if b < 0xC0 {
            continue;
        }
        let tail = &data[p..];
        if let Err(e) = std::str::from_utf8(tail) {
            if e.valid_up_to() == 0 && e.error_len().is_none() {
                return Some(p);
            }
        }
        // `ED A0..BF` starts a surrogate, which surrogatepass accepts.
        if surrogatepass && b == 0xED && tail.len() == 2 && (0xA0..0xC0).contains(&tail[1]) {
            return Some(p);
        }
        if surrogatepass && b == 0xED && tail.len() == 1 {
            return Some(p);
        }
        return None;
    }
    None
}

/// `utf_8_decode(data, errors=None, final=False)`.
fn utf_8_decode(vm: &Vm, args: Args) -> PyResult {
    let fname = "utf_8_decode";
    let [d, e, f] = super::support::range_args::<3>(vm, &args, fname)?;
    let obj = d.expect("min 1");
    let data = buffer_arg(vm, obj)?;
    let errors = errors_arg(vm, e, fname, 2)?;
    let final_ = flag_arg(vm, f, false)?;
    let used = if final_ {
        data.len()
    } else {
        utf8_incomplete_tail(&data, errors == "surrogatepass").unwrap_or(data.len())
    };
    let s = crate::modules::_codecs::decode_str(vm, &data[..used], "utf-8", errors, obj)?;
    Ok(pair(vm, s, used))
}

// ----- UTF-7 (RFC 2152) ---------------------------------------------------

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn from_b64(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => (c - b'A') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 26,
        b'0'..=b'9' => (c - b'0') as u32 + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

/// Characters the encoder writes as themselves: RFC 2152 sets D and O
/// and whitespace, except `+` (written `+-`), `\` and `~`.
fn encode_direct(c: u32) -> bool {
    match c {
        0x09 | 0x0A | 0x0D | 0x20 => true,
        0x21..=0x7D => c != b'+' as u32 && c != b'\\' as u32,
        _ => false,
    }
}

fn utf_7_encode(vm: &Vm, args: Args) -> PyResult {
    let fname = "utf_7_encode";
    let [s, e] = super::support::range_args::<2>(vm, &args, fname)?;
    let text = str_arg(vm, s.expect("min 1"), fname, 1)?;
    errors_arg(vm, e, fname, 2)?;
    let mut out = Vec::new();
    let (mut in_shift, mut bits, mut buf) = (false, 0u32, 0u64);
    let put_unit = |u: u32, out: &mut Vec<u8>, bits: &mut u32, buf: &mut u64| {
        *buf = (*buf << 16) | u as u64;
        *bits += 16;
        while *bits >= 6 {
            out.push(B64[((*buf >> (*bits - 6)) & 0x3F) as usize]);
            *bits -= 6;
        }
        *buf &= (1u64 << *bits) - 1;
    };
    for c in text.code_points() {
        if in_shift && encode_direct(c) {
            if bits > 0 {
                out.push(B64[((buf << (6 - bits)) & 0x3F) as usize]);
                bits = 0;
                buf = 0;
            }
            in_shift = false;
            // A base64 character or '-' would be read as part of the
            // shift sequence: end it explicitly.
            if from_b64(c as u8).is_some() || c == b'-' as u32 {
                out.push(b'-');
            }
            out.push(c as u8);
            continue;
        }
        if !in_shift {
            if c == b'+' as u32 {
                out.extend_from_slice(b"+-");
                continue;
            }
            if encode_direct(c) {
                out.push(c as u8);
                continue;
            }
            out.push(b'+');
            in_shift = true;
        }
        if c >= 0x10000 {
            let v = c - 0x10000;
            put_unit(0xD800 | (v >> 10), &mut out, &mut bits, &mut buf);
            put_unit(0xDC00 | (v & 0x3FF), &mut out, &mut bits, &mut buf);
        } else {
            put_unit(c, &mut out, &mut bits, &mut buf);
        }
    }
    if bits > 0 {
        out.push(B64[((buf << (6 - bits)) & 0x3F) as usize]);
    }
    if in_shift {
        out.push(b'-');
    }
    Ok(pair(vm, bytes_obj(vm, out), text.char_len()))
}

fn utf_7_decode(vm: &Vm, args: Args) -> PyResult {
    let fname = "utf_7_decode";
    let [d, e, f] = super::support::range_args::<3>(vm, &args, fname)?;
    let data = buffer_arg(vm, d.expect("min 1"))?;
    let errors = errors_arg(vm, e, fname, 2)?;
    let final_ = flag_arg(vm, f, false)?;
    let (out, used) = utf7_decode(vm, &data, errors, final_)?;
    Ok(pair(vm, out.finish(vm), used))
}

/// Decode UTF-7: the text and the bytes consumed (an unfinished shift
/// sequence is left unconsumed when not `final`).
pub fn utf7_decode(vm: &Vm, data: &[u8], errors: &str, final_: bool) -> PyResult<(Out, usize)> {
    let dec = Decoding::new("utf7", errors, data);
    let n = data.len();
    let mut out = Out::with_capacity(n);
    let (mut in_shift, mut bits, mut buf) = (false, 0u32, 0u64);
    let mut pending_high: Option<u32> = None;
    let (mut shift_start, mut shift_out) = (0usize, 0usize);
    let mut i = 0;
    while i < n {
        let ch = data[i];
        // `Some((start, reason))` on an error ending at `i`.
        let mut err: Option<(usize, &str)> = None;
        if in_shift {
            if let Some(v) = from_b64(ch) {
                buf = (buf << 6) | v as u64;
                bits += 6;
                i += 1;
                if bits >= 16 {
                    let u = ((buf >> (bits - 16)) & 0xFFFF) as u32;
                    bits -= 16;
                    buf &= (1u64 << bits) - 1;
                    if let Some(h) = pending_high.take() {
                        if (0xDC00..0xE000).contains(&u) {
                            out.push(0x10000 + ((h - 0xD800) << 10) + (u - 0xDC00));
                            continue;
                        }
                        out.push(h);
                    }
                    if (0xD800..0xDC00).contains(&u) {
                        pending_high = Some(u);
                    } else {
                        out.push(u);
                    }
                }
            } else {
                in_shift = false;
                if bits >= 6 {
                    i += 1;
                    err = Some((shift_start, "partial character in shift sequence"));
                } else if bits > 0 && buf != 0 {
                    i += 1;
                    err = Some((shift_start, "non-zero padding bits in shift sequence"));
                } else {
                    if let Some(h) = pending_high.take() {
                        if ch < 0x80 && ch != b'+' {
                            out.push(h);
                        }
                    }
                    if ch == b'-' {
                        i += 1;
                    }
                }
                pending_high = None;
            }
        } else if ch == b'+' {
            let start = i;
            i += 1;
            if i < n && data[i] == b'-' {
                i += 1;
                out.push(b'+' as u32);
            } else if i < n && from_b64(data[i]).is_none() {
                i += 1;
                err = Some((start, "ill-formed sequence"));
            } else {
                in_shift = true;
                shift_start = start;
                shift_out = out.len();
                pending_high = None;
                bits = 0;
                buf = 0;
            }
        } else if ch < 0x80 {
            out.push(ch as u32);
            i += 1;
        } else {
            i += 1;
            err = Some((i - 1, "unexpected special character"));
        }
        if let Some((start, reason)) = err {
            i = dec.fail(vm, start, i, reason, &mut out)?;
        }
    }
    if in_shift && final_ {
        in_shift = false;
        if pending_high.is_some() || bits >= 6 || (bits > 0 && buf != 0) {
            let end = dec.fail(vm, shift_start, n, "unterminated shift sequence", &mut out)?;
            let _ = end;
        }
    }
    if in_shift {
        // Leave the unfinished shift sequence for the next call.
        out.truncate(shift_out);
        return Ok((out, shift_start));
    }
    Ok((out, i))
}

/// Add the UTF functions to the `_codecs` module dict.
pub fn add(vm: &Vm, d: &crate::types::dict::PyDict) {
    for (name, f) in [
        ("utf_16_encode", utf_16_encode as crate::args::NativeFn),
        ("utf_16_le_encode", utf_16_le_encode),
        ("utf_16_be_encode", utf_16_be_encode),
        ("utf_32_encode", utf_32_encode),
        ("utf_32_le_encode", utf_32_le_encode),
        ("utf_32_be_encode", utf_32_be_encode),
        ("utf_16_decode", utf_16_decode),
        ("utf_16_le_decode", utf_16_le_decode),
        ("utf_16_be_decode", utf_16_be_decode),
        ("utf_16_ex_decode", utf_16_ex_decode),
        ("utf_32_decode", utf_32_decode),
        ("utf_32_le_decode", utf_32_le_decode),
        ("utf_32_be_decode", utf_32_be_decode),
        ("utf_32_ex_decode", utf_32_ex_decode),
        ("utf_8_decode", utf_8_decode),
        ("utf_7_encode", utf_7_encode),
        ("utf_7_decode", utf_7_decode),
    ] {
        vm.add_function(d, "_codecs", name, f);
    }
}
