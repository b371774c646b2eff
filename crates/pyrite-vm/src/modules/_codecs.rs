//! The `_codecs` module and the built-in codecs behind `str.encode` and
//! `bytes.decode`: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 (with and
//! without BOM, LE/BE), with the error handlers strict, ignore, replace,
//! backslashreplace, xmlcharrefreplace (encode) and surrogateescape.
//! Pyrite strings cannot hold lone surrogates, so `surrogateescape` and
//! `surrogatepass` decoding of undecodable bytes raise the strict error
//! instead of producing U+DC80..U+DCFF. Also the `UnicodeEncodeError` /
//! `UnicodeDecodeError` attributes and messages.
//! Mirrors CPython 3.11 `Modules/_codecsmodule.c`, `Objects/unicodeobject.c`
//! and `Objects/exceptions.c` (UnicodeError).

use crate::args::Args;
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::int::PyInt;
use crate::types::str::PyStr;
use crate::{PyObjectRef, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

/// Normalise an encoding name as `encodings.normalize_encoding` + aliases.
fn lookup(name: &str) -> Option<(Codec, &'static str)> {
    let n: String = name
        .trim()
        .chars()
        .map(|c| {
            if c == '-' || c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => {
            (Codec::Utf8, "utf-8")
        }
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "cp367" | "csascii" | "ibm367"
        | "iso646_us" | "iso_646.irv_1991" => (Codec::Ascii, "ascii"),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "iso_8859_1_1987" | "ibm819" => (Codec::Latin1, "latin-1"),
        "utf_16" | "utf16" | "u16" => (Codec::Utf16(None), "utf-16"),
        "utf_16_le" | "utf_16le" | "utf16le" => (Codec::Utf16(Some(false)), "utf-16-le"),
        "utf_16_be" | "utf_16be" | "utf16be" => (Codec::Utf16(Some(true)), "utf-16-be"),
        "utf_32" | "utf32" | "u32" => (Codec::Utf32(None), "utf-32"),
        "utf_32_le" | "utf_32le" | "utf32le" => (Codec::Utf32(Some(false)), "utf-32-le"),
        "utf_32_be" | "utf_32be" | "utf32be" => (Codec::Utf32(Some(true)), "utf-32-be"),
        _ => return None,
    })
}

/// The canonical name of a codec Pyrite implements (`None` if unknown).
pub fn canonical_name(name: &str) -> Option<&'static str> {
    lookup(name).map(|(_, n)| n)
}

fn unknown(vm: &Vm, name: &str) -> crate::PyBaseExceptionRef {
    vm.new_exception_msg(&vm.exc.LookupError, format!("unknown encoding: {name}"))
}

fn encode_error(
    vm: &Vm,
    enc: &str,
    obj: &PyObjectRef,
    start: usize,
    end: usize,
    reason: &str,
) -> crate::PyBaseExceptionRef {
    let e = vm.new_exception(
        &vm.exc.UnicodeEncodeError,
        vec![
            vm.new_str(enc),
            obj.clone(),
            vm.new_int(start as i64),
            vm.new_int(end as i64),
            vm.new_str(reason),
        ],
    );
    set_attrs(vm, e.as_object(), enc, obj, start, end, reason);
    e
}

fn decode_error(
    vm: &Vm,
    enc: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> crate::PyBaseExceptionRef {
    let obj = vm.alloc(PyBytes::new(data.to_vec()), &vm.types.bytes);
    let e = vm.new_exception(
        &vm.exc.UnicodeDecodeError,
        vec![
            vm.new_str(enc),
            obj.clone(),
            vm.new_int(start as i64),
            vm.new_int(end as i64),
            vm.new_str(reason),
        ],
    );
    set_attrs(vm, e.as_object(), enc, &obj, start, end, reason);
    e
}

fn set_attrs(
    vm: &Vm,
    e: &PyObjectRef,
    enc: &str,
    obj: &PyObjectRef,
    start: usize,
    end: usize,
    reason: &str,
) {
    let _ = vm.set_attr_str(e, "encoding", vm.new_str(enc));
    let _ = vm.set_attr_str(e, "object", obj.clone());
    let _ = vm.set_attr_str(e, "start", vm.new_int(start as i64));
    let _ = vm.set_attr_str(e, "end", vm.new_int(end as i64));
    let _ = vm.set_attr_str(e, "reason", vm.new_str(reason));
}

/// Encode text with a named codec and error handler.
pub fn encode(
    vm: &Vm,
    s: &str,
    encoding: &str,
    errors: &str,
    obj: &PyObjectRef,
) -> PyResult<Vec<u8>> {
    let (codec, name) = lookup(encoding).ok_or_else(|| unknown(vm, encoding))?;
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
        Codec::Utf16(be) => {
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            let be = match be {
                None => {
                    out.extend_from_slice(&[0xff, 0xfe]);
                    false
                }
                Some(b) => b,
            };
            for u in s.encode_utf16() {
                out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Utf32(be) => {
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            let be = match be {
                None => {
                    out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
                    false
                }
                Some(b) => b,
            };
            for c in s.chars() {
                let u = c as u32;
                out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
    };
    if s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let reason = if limit == 0x80 {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(cs.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < cs.len() && cs[j] as u32 >= limit {
            j += 1;
        }
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                return Err(encode_error(vm, name, obj, i, j, reason));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat(b'?').take(j - i)),
            "backslashreplace" => {
                for &c in &cs[i..j] {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &cs[i..j] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            "namereplace" => {
                for &c in &cs[i..j] {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            other => {
                // A handler registered with codecs.register_error.
                let exc = encode_error(vm, name, obj, i, j, reason);
                let (rep, pos) = super::_codecs_registry::call_custom(
                    vm,
                    other,
                    exc.as_object(),
                    cs.len(),
                    true,
                )?;
                for c in rep.chars() {
                    if (c as u32) >= limit {
                        return Err(encode_error(vm, name, obj, i, j, reason));
                    }
                    out.push(c as u32 as u8);
                }
                i = pos;
                continue;
            }
        }
        i = j;
    }
    Ok(out)
}

fn escape_char(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// How one undecodable run `[start, end)` is handled; `Err` for strict.
fn decode_fail(
    vm: &Vm,
    errors: &str,
    name: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    out: &mut String,
) -> PyResult<()> {
    match errors {
        "strict" | "surrogateescape" | "surrogatepass" => {
            Err(decode_error(vm, name, data, start, end, reason))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        other => {
            // A registered handler; its resume position is taken to be
            // the end of the run.
            let exc = decode_error(vm, name, data, start, end, reason);
            let (rep, _) = super::_codecs_registry::call_custom(
                vm,
                other,
                exc.as_object(),
                data.len(),
                false,
            )?;
            out.push_str(&rep);
            Ok(())
        }
    }
}

/// Decode bytes with a named codec and error handler.
pub fn decode(
    vm: &Vm,
    data: &[u8],
    encoding: &str,
    errors: &str,
    _obj: &PyObjectRef,
) -> PyResult<String> {
    let (codec, name) = lookup(encoding).ok_or_else(|| unknown(vm, encoding))?;
    match codec {
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut i = 0;
            loop {
                match std::str::from_utf8(&data[i..]) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&data[i..i + good]).unwrap_or(""));
                        let start = i + good;
                        let (len, reason) = match e.error_len() {
                            None => (data.len() - start, "unexpected end of data"),
                            Some(n) => {
                                let b = data[start];
                                let valid_start = (0xc2..=0xf4).contains(&b);
                                (
                                    n,
                                    if valid_start && n >= 1 {
                                        "invalid continuation byte"
                                    } else {
                                        "invalid start byte"
                                    },
                                )
                            }
                        };
                        // CPython reports an invalid continuation over the
                        // bytes before the bad one, as Rust's error_len does.
                        let reason =
                            if e.error_len() == Some(1) && !(0xc2..=0xf4).contains(&data[start]) {
                                "invalid start byte"
                            } else {
                                reason
                            };
                        decode_fail(vm, errors, name, data, start, start + len, reason, &mut out)?;
                        i = start + len;
                    }
                }
            }
        }
        Codec::Ascii => {
            if data.is_ascii() {
                return Ok(data.iter().map(|&b| b as char).collect());
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    decode_fail(
                        vm,
                        errors,
                        name,
                        data,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                        &mut out,
                    )?;
                }
            }
            Ok(out)
        }
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Utf16(be) => {
            let (mut be, mut i) = (be.unwrap_or(false), 0);
            if codec == Codec::Utf16(None) && data.len() >= 2 {
                if data[..2] == [0xff, 0xfe] {
                    i = 2;
                } else if data[..2] == [0xfe, 0xff] {
                    be = true;
                    i = 2;
                }
            }
            let mut out = String::new();
            while i < data.len() {
                if i + 1 >= data.len() {
                    decode_fail(
                        vm,
                        errors,
                        name,
                        data,
                        i,
                        data.len(),
                        "truncated data",
                        &mut out,
                    )?;
                    break;
                }
                let u = |k: usize| {
                    if be {
                        u16::from_be_bytes([data[k], data[k + 1]])
                    } else {
                        u16::from_le_bytes([data[k], data[k + 1]])
                    }
                };
                let a = u(i);
                if !(0xd800..0xe000).contains(&a) {
                    out.push(char::from_u32(a as u32).unwrap_or('\u{fffd}'));
                    i += 2;
                } else if a < 0xdc00 {
                    if i + 3 >= data.len() {
                        decode_fail(
                            vm,
                            errors,
                            name,
                            data,
                            i,
                            data.len(),
                            "unexpected end of data",
                            &mut out,
                        )?;
                        break;
                    }
                    let b = u(i + 2);
                    if (0xdc00..0xe000).contains(&b) {
                        let c = 0x10000 + (((a as u32) - 0xd800) << 10) + ((b as u32) - 0xdc00);
                        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                        i += 4;
                    } else {
                        decode_fail(
                            vm,
                            errors,
                            name,
                            data,
                            i,
                            i + 2,
                            "illegal UTF-16 surrogate",
                            &mut out,
                        )?;
                        i += 2;
                    }
                } else {
                    decode_fail(
                        vm,
                        errors,
                        name,
                        data,
                        i,
                        i + 2,
                        "illegal encoding",
                        &mut out,
                    )?;
                    i += 2;
                }
            }
            Ok(out)
        }
        Codec::Utf32(be) => {
            let (mut be, mut i) = (be.unwrap_or(false), 0);
            if codec == Codec::Utf32(None) && data.len() >= 4 {
                if data[..4] == [0xff, 0xfe, 0, 0] {
                    i = 4;
                } else if data[..4] == [0, 0, 0xfe, 0xff] {
                    be = true;
                    i = 4;
                }
            }
            let mut out = String::new();
            while i < data.len() {
                if i + 3 >= data.len() {
                    decode_fail(
                        vm,
                        errors,
                        name,
                        data,
                        i,
                        data.len(),
                        "truncated data",
                        &mut out,
                    )?;
                    break;
                }
                let w = [data[i], data[i + 1], data[i + 2], data[i + 3]];
                let u = if be {
                    u32::from_be_bytes(w)
                } else {
                    u32::from_le_bytes(w)
                };
                match char::from_u32(u) {
                    Some(c) => out.push(c),
                    None => {
                        let r = if u >= 0x110000 {
                            "code point not in range(0x110000)"
                        } else {
                            "code point in surrogate code point range(0xd800, 0xe000)"
                        };
                        decode_fail(vm, errors, name, data, i, i + 4, r, &mut out)?;
                    }
                }
                i += 4;
            }
            Ok(out)
        }
    }
}

fn exc_attr(vm: &Vm, e: &PyObjectRef, name: &str) -> PyResult<PyObjectRef> {
    vm.get_attr_str(e, name)
}

fn int_of(o: &PyObjectRef) -> i64 {
    o.downcast_ref::<PyInt>()
        .and_then(|i| i.value.as_i64())
        .unwrap_or(0)
}

/// `UnicodeEncodeError.__str__` / `UnicodeDecodeError.__str__`.
fn unicode_error_str(vm: &Vm, args: Args) -> PyResult {
    let [e] = args.exact::<1>(vm, "__str__")?;
    let get = |n: &str| exc_attr(vm, e, n);
    let (Ok(enc), Ok(obj), Ok(start), Ok(end), Ok(reason)) = (
        get("encoding"),
        get("object"),
        get("start"),
        get("end"),
        get("reason"),
    ) else {
        let a = vm.get_attr_str(e, "args")?;
        let t = a
            .downcast_ref::<crate::types::tuple::PyTuple>()
            .map(|t| t.as_slice().to_vec())
            .unwrap_or_default();
        return match t.len() {
            0 => Ok(vm.empty_str.clone()),
            1 => Ok(vm.str(&t[0])?.into_object()),
            _ => Ok(vm.repr(&a)?.into_object()),
        };
    };
    let enc = vm.str_string(&enc)?;
    let reason = vm.str_string(&reason)?;
    let (start, end) = (int_of(&start), int_of(&end));
    if let Some(s) = obj.downcast_ref::<PyStr>() {
        if end == start + 1 && start >= 0 && (start as usize) < s.char_len() {
            let c = s.char_at(start as usize);
            let n = c as u32;
            let shown = if n < 0x100 {
                format!("\\x{n:02x}")
            } else if n < 0x10000 {
                format!("\\u{n:04x}")
            } else {
                format!("\\U{n:08x}")
            };
            return Ok(vm.new_str(format!(
                "'{enc}' codec can't encode character '{shown}' in position {start}: {reason}"
            )));
        }
        return Ok(vm.new_str(format!(
            "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        )));
    }
    let data: Vec<u8> = if let Some(b) = obj.downcast_ref::<PyBytes>() {
        b.data.to_vec()
    } else if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        b.data.borrow().clone()
    } else {
        Vec::new()
    };
    if end == start + 1 && start >= 0 && (start as usize) < data.len() {
        return Ok(vm.new_str(format!(
            "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            data[start as usize]
        )));
    }
    Ok(vm.new_str(format!(
        "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
        end - 1
    )))
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)` and the
/// decode twin: keep the five values as attributes.
fn unicode_error_init(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(e) = pos.first() else {
        return Err(vm.new_type_error("__init__ needs self"));
    };
    if let Some(init) = vm.types.base_exception.ext.lookup(&vm.names.__init__) {
        vm.call_unbound(&init, e, &args.all[1..], args.kwnames)?;
    }
    let rest = &pos[1..];
    if rest.len() == 5 {
        for (k, v) in ["encoding", "object", "start", "end", "reason"]
            .iter()
            .zip(rest)
        {
            vm.set_attr_str(e, k, v.clone())?;
        }
    }
    Ok(vm.none.clone())
}

/// Attach `__init__`/`__str__` to the Unicode error classes.
pub fn init_unicode_errors(vm: &Vm) {
    vm.add_method(&vm.exc.UnicodeEncodeError, "__init__", unicode_error_init);
    vm.add_method(&vm.exc.UnicodeDecodeError, "__init__", unicode_error_init);
    vm.add_method(&vm.exc.UnicodeEncodeError, "__str__", unicode_error_str);
    vm.add_method(&vm.exc.UnicodeDecodeError, "__str__", unicode_error_str);
}

fn bytes_arg(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        return Ok(b.data.borrow().clone());
    }
    Err(vm.new_type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(o)
    )))
}

fn opt_str<'a>(o: Option<&'a PyObjectRef>, default: &'a str) -> &'a str {
    match o {
        Some(o) => o
            .downcast_ref::<PyStr>()
            .map(|s| s.as_str())
            .unwrap_or(default),
        None => default,
    }
}

fn codecs_encode(vm: &Vm, args: Args) -> PyResult {
    let [obj, enc, err] = args.bind(vm, "encode", ["obj", "encoding", "errors"], 1, 0, 3)?;
    let obj = obj.expect("required");
    let s = obj
        .downcast_ref::<PyStr>()
        .ok_or_else(|| vm.new_type_error("utf_8_encode() argument 1 must be str"))?;
    let b = encode(
        vm,
        s.as_str(),
        opt_str(enc, "utf-8"),
        opt_str(err, "strict"),
        obj,
    )?;
    Ok(vm.alloc(PyBytes::new(b), &vm.types.bytes))
}

fn codecs_decode(vm: &Vm, args: Args) -> PyResult {
    let [obj, enc, err] = args.bind(vm, "decode", ["obj", "encoding", "errors"], 1, 0, 3)?;
    let obj = obj.expect("required");
    let d = bytes_arg(vm, obj)?;
    Ok(vm.new_str(decode(
        vm,
        &d,
        opt_str(enc, "utf-8"),
        opt_str(err, "strict"),
        obj,
    )?))
}

fn codec_pair(vm: &Vm, args: Args, enc: &str, decoding: bool) -> PyResult {
    let pos = args.pos();
    let Some(obj) = pos.first() else {
        return Err(vm.new_type_error("function missing required argument 'data' (pos 1)"));
    };
    let errors = opt_str(pos.get(1).filter(|e| !e.is(&vm.none)), "strict");
    if decoding {
        let d = bytes_arg(vm, obj)?;
        let s = decode(vm, &d, enc, errors, obj)?;
        Ok(vm.new_tuple(vec![vm.new_str(s), vm.new_int(d.len() as i64)]))
    } else {
        let s = obj.downcast_ref::<PyStr>().ok_or_else(|| {
            vm.new_type_error(format!("argument 1 must be str, not {}", vm.type_name(obj)))
        })?;
        let b = encode(vm, s.as_str(), enc, errors, obj)?;
        Ok(vm.new_tuple(vec![
            vm.alloc(PyBytes::new(b), &vm.types.bytes),
            vm.new_int(s.char_len() as i64),
        ]))
    }
}

fn utf_8_encode(vm: &Vm, args: Args) -> PyResult {
    codec_pair(vm, args, "utf-8", false)
}
fn utf_8_decode(vm: &Vm, args: Args) -> PyResult {
    codec_pair(vm, args, "utf-8", true)
}
fn ascii_encode(vm: &Vm, args: Args) -> PyResult {
    codec_pair(vm, args, "ascii", false)
}
fn ascii_decode(vm: &Vm, args: Args) -> PyResult {
    codec_pair(vm, args, "ascii", true)
}
fn latin_1_encode(vm: &Vm, args: Args) -> PyResult {
    codec_pair(vm, args, "latin-1", false)
}
fn latin_1_decode(vm: &Vm, args: Args) -> PyResult {
    codec_pair(vm, args, "latin-1", true)
}

/// Build the `_codecs` module (partial: `codecs.py` also needs `register`,
/// `lookup`, `lookup_error`, ... which are not here yet).
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_codecs", None);
    let d = vm.module_dict(&m).expect("module");
    vm.add_function(d, "_codecs", "encode", codecs_encode);
    vm.add_function(d, "_codecs", "decode", codecs_decode);
    vm.add_function(d, "_codecs", "utf_8_encode", utf_8_encode);
    vm.add_function(d, "_codecs", "utf_8_decode", utf_8_decode);
    vm.add_function(d, "_codecs", "ascii_encode", ascii_encode);
    vm.add_function(d, "_codecs", "ascii_decode", ascii_decode);
    vm.add_function(d, "_codecs", "latin_1_encode", latin_1_encode);
    vm.add_function(d, "_codecs", "latin_1_decode", latin_1_decode);
    super::_codecs_registry::add(vm, d);
    Ok(m)
}
