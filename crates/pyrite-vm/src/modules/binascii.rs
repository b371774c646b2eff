//! The `binascii` module: hex, base64, uuencode and quoted-printable
//! conversions, CRC-32 and CRC-CCITT, with `Error`/`Incomplete`. Decoding
//! rules and messages follow CPython 3.11 `Modules/binascii.c`.

use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::int::{IntVal, PyInt};
use crate::types::memoryview::bytes_like;
use crate::types::str::PyStr;
use crate::{PyBaseExceptionRef, PyObjectRef, PyResult, Vm};

fn err_class(vm: &Vm, name: &str) -> Option<PyObjectRef> {
    vm.modules
        .get_by_str("binascii")
        .and_then(|m| vm.module_dict(&m).and_then(|d| d.get_by_str(name)))
}

/// A `binascii.Error` with `msg`.
fn berr(vm: &Vm, msg: impl Into<String>) -> PyBaseExceptionRef {
    let msg = msg.into();
    match err_class(vm, "Error")
        .and_then(|c| vm.call(&c, &[vm.new_str(msg.as_str())]).ok())
        .and_then(|e| e.downcast().ok())
    {
        Some(e) => e,
        None => vm.new_value_error(msg),
    }
}

fn bytes(vm: &Vm, v: Vec<u8>) -> PyObjectRef {
    vm.alloc(PyBytes::new(v), &vm.types.bytes)
}

/// A bytes-like argument (encoders).
fn buffer(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    bytes_like(o).ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(o)
        ))
    })
}

/// A bytes-like or ASCII-str argument (decoders).
fn ascii_data(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(s) = o.downcast_ref::<PyStr>() {
        if !s.as_str().is_ascii() {
            return Err(vm.new_value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    bytes_like(o).ok_or_else(|| {
        vm.new_type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(o)
        ))
    })
}

/// An `unsigned int` argument taken modulo 2^32 (clinic's `bitwise=True`).
fn uint_mask(vm: &Vm, o: &PyObjectRef) -> PyResult<u32> {
    let Some(i) = o.downcast_ref::<PyInt>() else {
        return Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(o)
        )));
    };
    Ok(match &i.value {
        IntVal::Small(v) => *v as u32,
        IntVal::Big(b) => {
            let m = &**b & dashu_int::IBig::from(0xffff_ffffu32);
            u32::try_from(&m).unwrap_or(0)
        }
    })
}

// ----- hex -----------------------------------------------------------------------------

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Hex digits of `data`, with `sep` every `per` bytes (counted from the
/// right when positive, from the left when negative).
pub fn hexlify_with(data: &[u8], sep: Option<u8>, per: isize) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 3);
    let n = data.len();
    let group = per.unsigned_abs();
    for (i, b) in data.iter().enumerate() {
        if let Some(s) = sep {
            if i > 0 && group > 0 {
                let boundary = if per > 0 {
                    (n - i).is_multiple_of(group)
                } else {
                    i % group == 0
                };
                if boundary {
                    out.push(s);
                }
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    out
}

fn hex_impl(vm: &Vm, args: Args, fname: &str) -> PyResult {
    let [data, sep, per] = args.bind(vm, fname, ["data", "sep", "bytes_per_sep"], 1, 0, 3)?;
    let data = buffer(vm, data.expect("required"))?;
    let sep = match sep {
        None => None,
        Some(s) => {
            let c: Vec<u32> = if let Some(st) = s.downcast_ref::<PyStr>() {
                st.as_str().chars().map(|c| c as u32).collect()
            } else if let Some(b) = bytes_like(s) {
                b.iter().map(|b| *b as u32).collect()
            } else {
                return Err(vm.new_type_error("sep must be str or bytes."));
            };
            if c.len() != 1 {
                return Err(vm.new_value_error("sep must be length 1."));
            }
            Some(c[0] as u8)
        }
    };
    let per = match per {
        Some(p) => vm.index_isize(p)?,
        None => 1,
    };
    Ok(bytes(vm, hexlify_with(&data, sep, per)))
}

fn b2a_hex(vm: &Vm, args: Args) -> PyResult {
    hex_impl(vm, args, "b2a_hex")
}

fn hexlify(vm: &Vm, args: Args) -> PyResult {
    hex_impl(vm, args, "hexlify")
}

fn unhex_impl(vm: &Vm, args: Args, fname: &str) -> PyResult {
    let [h] = args.bind(vm, fname, ["hexstr"], 1, 1, 1)?;
    let d = ascii_data(vm, h.expect("required"))?;
    if d.len() % 2 != 0 {
        return Err(berr(vm, "Odd-length string"));
    }
    let val = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(d.len() / 2);
    for p in d.chunks(2) {
        match (val(p[0]), val(p[1])) {
            (Some(a), Some(b)) => out.push((a * 16 + b) as u8),
            _ => return Err(berr(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(bytes(vm, out))
}

fn a2b_hex(vm: &Vm, args: Args) -> PyResult {
    unhex_impl(vm, args, "a2b_hex")
}

fn unhexlify(vm: &Vm, args: Args) -> PyResult {
    unhex_impl(vm, args, "unhexlify")
}

// ----- base64 ----------------------------------------------------------------------

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn b64_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if c.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if c.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    out
}

fn b64_value(c: u8) -> Option<u8> {
    B64.iter().position(|x| *x == c).map(|p| p as u8)
}

fn b2a_base64(vm: &Vm, args: Args) -> PyResult {
    let [data, newline] = args.bind(vm, "b2a_base64", ["data", "newline"], 1, 1, 1)?;
    let data = buffer(vm, data.expect("required"))?;
    let mut out = b64_encode(&data);
    let nl = match newline {
        Some(n) => vm.is_true(n)?,
        None => true,
    };
    if nl {
        out.push(b'\n');
    }
    Ok(bytes(vm, out))
}

fn a2b_base64(vm: &Vm, args: Args) -> PyResult {
    let [data, strict] = args.bind(vm, "a2b_base64", ["data", "strict_mode"], 1, 1, 1)?;
    let d = ascii_data(vm, data.expect("required"))?;
    let strict = match strict {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let mut out = Vec::with_capacity(d.len() / 4 * 3);
    let (mut quad, mut pads, mut left) = (0u8, 0usize, 0u8);
    let mut padding_started = false;
    for (i, &c) in d.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if strict && i == 0 {
                return Err(berr(vm, "Leading padding not allowed"));
            }
            if quad >= 2 {
                pads += 1;
                if quad as usize + pads >= 4 {
                    if strict && i + 1 < d.len() {
                        return Err(berr(vm, "Excess data after padding"));
                    }
                    return Ok(bytes(vm, out));
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(berr(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(berr(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push(left << 2 | v >> 4);
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push(left << 4 | v >> 2);
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push(left << 6 | v);
                left = 0;
            }
        }
    }
    match quad {
        0 => Ok(bytes(vm, out)),
        1 => Err(berr(
            vm,
            format!(
                "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
                out.len() / 3 * 4 + 1
            ),
        )),
        _ => Err(berr(vm, "Incorrect padding")),
    }
}

// ----- uuencode ------------------------------------------------------------------------

fn b2a_uu(vm: &Vm, args: Args) -> PyResult {
    let [data, backtick] = args.bind(vm, "b2a_uu", ["data", "backtick"], 1, 1, 1)?;
    let data = buffer(vm, data.expect("required"))?;
    let bt = match backtick {
        Some(b) => vm.is_true(b)?,
        None => false,
    };
    if data.len() > 45 {
        return Err(berr(vm, "At most 45 bytes at once"));
    }
    let enc = |v: u8| -> u8 {
        if bt && v == 0 {
            b'`'
        } else {
            b' ' + v
        }
    };
    let mut out = vec![enc(data.len() as u8)];
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for sh in [18, 12, 6, 0] {
            out.push(enc(((n >> sh) & 63) as u8));
        }
    }
    out.push(b'\n');
    Ok(bytes(vm, out))
}

fn a2b_uu(vm: &Vm, args: Args) -> PyResult {
    let [data] = args.exact::<1>(vm, "a2b_uu")?;
    let d = ascii_data(vm, data)?;
    // CPython reads the terminating NUL of an empty buffer as the length.
    let first = d.first().copied().unwrap_or(0);
    let mut bin_len = (first.wrapping_sub(b' ') & 0o77) as usize;
    let mut pos = 1usize;
    let mut out = Vec::with_capacity(bin_len);
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    while bin_len > 0 {
        let c = d.get(pos).copied();
        pos += 1;
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(berr(vm, "Illegal char"));
                }
                (c - b' ') & 0o77
            }
        };
        leftchar = (leftchar << 6) | v as u32;
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push((leftchar >> leftbits) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    for &c in d.iter().skip(pos) {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(berr(vm, "Trailing garbage"));
        }
    }
    Ok(bytes(vm, out))
}

// ----- quoted-printable ---------------------------------------------------------------

fn a2b_qp(vm: &Vm, args: Args) -> PyResult {
    let [data, header] = args.bind(vm, "a2b_qp", ["data", "header"], 1, 0, 2)?;
    let d = ascii_data(vm, data.expect("required"))?;
    let header = match header {
        Some(h) => vm.is_true(h)?,
        None => false,
    };
    let hexval = |c: u8| (c as char).to_digit(16).map(|v| v as u8);
    let mut out = Vec::with_capacity(d.len());
    let mut i = 0;
    while i < d.len() {
        if d[i] == b'=' {
            i += 1;
            if i >= d.len() {
                break;
            }
            // A soft line break: '=' then optional CR then LF.
            if d[i] == b'\n' || d[i] == b'\r' {
                if d[i] != b'\n' {
                    while i < d.len() && d[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < d.len() {
                    i += 1;
                }
            } else if d[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if i + 1 < d.len() {
                match (hexval(d[i]), hexval(d[i + 1])) {
                    (Some(a), Some(b)) => {
                        out.push(a << 4 | b);
                        i += 2;
                    }
                    _ => out.push(b'='),
                }
            } else {
                out.push(b'=');
            }
        } else if header && d[i] == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(d[i]);
            i += 1;
        }
    }
    Ok(bytes(vm, out))
}

const MAXLINESIZE: usize = 76;

fn b2a_qp(vm: &Vm, args: Args) -> PyResult {
    let [data, quotetabs, istext, header] = args.bind(
        vm,
        "b2a_qp",
        ["data", "quotetabs", "istext", "header"],
        1,
        0,
        4,
    )?;
    let d = buffer(vm, data.expect("required"))?;
    let flag = |o: Option<&PyObjectRef>, dflt: bool| -> PyResult<bool> {
        match o {
            Some(v) => vm.is_true(v),
            None => Ok(dflt),
        }
    };
    let quotetabs = flag(quotetabs, false)?;
    let istext = flag(istext, true)?;
    let header = flag(header, false)?;
    // Line ends are CRLF if the first line ends so.
    let crlf = d
        .iter()
        .position(|c| *c == b'\n')
        .map(|p| p > 0 && d[p - 1] == b'\r')
        .unwrap_or(false);
    let len = d.len();
    let mut out: Vec<u8> = Vec::with_capacity(len * 2);
    let mut linelen = 0usize;
    let mut i = 0;
    let push_hex = |out: &mut Vec<u8>, c: u8| {
        out.push(b'=');
        out.push(b"0123456789ABCDEF"[(c >> 4) as usize]);
        out.push(b"0123456789ABCDEF"[(c & 15) as usize]);
    };
    while i < len {
        let c = d[i];
        let quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.'
                && linelen == 0
                && (i + 1 == len || d[i + 1] == b'\n' || d[i + 1] == b'\r' || d[i + 1] == 0))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == len)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if quote {
            if linelen + 3 >= MAXLINESIZE {
                out.push(b'=');
                if crlf {
                    out.push(b'\r');
                }
                out.push(b'\n');
                linelen = 0;
            }
            push_hex(&mut out, c);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (i + 1 < len && c == b'\r' && d[i + 1] == b'\n')) {
            linelen = 0;
            // Protect against whitespace on end of line.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    push_hex(&mut out, last);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != len && d[i + 1] != b'\n' && linelen + 1 >= MAXLINESIZE {
                out.push(b'=');
                if crlf {
                    out.push(b'\r');
                }
                out.push(b'\n');
                linelen = 0;
            }
            linelen += 1;
            if header && c == b' ' {
                out.push(b'_');
            } else {
                out.push(c);
            }
            i += 1;
        }
    }
    Ok(bytes(vm, out))
}

// ----- CRCs ---------------------------------------------------------------------------

pub fn crc32_update(mut crc: u32, data: &[u8]) -> u32 {
    crc = !crc;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn crc32(vm: &Vm, args: Args) -> PyResult {
    let [data, crc] = args.range::<2>(vm, "crc32", 1)?;
    let d = buffer(vm, data.expect("required"))?;
    let c = match crc {
        Some(c) => uint_mask(vm, c)?,
        None => 0,
    };
    Ok(vm.new_int(crc32_update(c, &d) as i64))
}

fn crc_hqx(vm: &Vm, args: Args) -> PyResult {
    let [data, crc] = args.exact::<2>(vm, "crc_hqx")?;
    let d = buffer(vm, data)?;
    let mut c = (uint_mask(vm, crc)? & 0xffff) as u16;
    for &b in &d {
        c ^= (b as u16) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 {
                (c << 1) ^ 0x1021
            } else {
                c << 1
            };
        }
    }
    Ok(vm.new_int(c as i64))
}

/// Build the `binascii` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("binascii", Some("Conversion between binary data and ASCII"));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    for (name, base) in [
        ("Error", vm.exc.ValueError.as_object().clone()),
        ("Incomplete", vm.exc.Exception.as_object().clone()),
    ] {
        let ns = vm.new_dict();
        vm.dict_set_str(&ns, "__module__", vm.new_str("binascii"));
        let cls = vm.call(
            vm.types.type_.as_object(),
            &[vm.new_str(name), vm.new_tuple(vec![base]), ns.into_object()],
        )?;
        vm.dict_set_str(d, name, cls);
    }
    for (name, f) in [
        ("hexlify", hexlify as crate::args::NativeFn),
        ("b2a_hex", b2a_hex),
        ("unhexlify", unhexlify),
        ("a2b_hex", a2b_hex),
        ("b2a_base64", b2a_base64),
        ("a2b_base64", a2b_base64),
        ("b2a_uu", b2a_uu),
        ("a2b_uu", a2b_uu),
        ("b2a_qp", b2a_qp),
        ("a2b_qp", a2b_qp),
        ("crc32", crc32),
        ("crc_hqx", crc_hqx),
    ] {
        vm.add_function(d, "binascii", name, f);
    }
    Ok(m)
}
