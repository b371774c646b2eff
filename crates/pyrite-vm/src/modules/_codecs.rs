//! The `_codecs` module and the built-in codecs behind `str.encode` and
//! `bytes.decode`: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 (with and
//! without BOM, LE/BE), with the error handlers strict, ignore, replace,
//! backslashreplace, xmlcharrefreplace (encode), surrogateescape and
//! surrogatepass. Lone surrogates are stand-in characters in a flagged
//! `str` (see `types/str.rs`): encoders read the flag, decoders that make
//! surrogates return it. Also the `UnicodeEncodeError` /
//! `UnicodeDecodeError` attributes and messages. Encodings this file
//! does not know natively go through the codec registry (the pure-Python
//! codecs of `encodings`), as do `_codecs.encode`/`decode` for non-text
//! codecs. The other `_codecs` functions live in the submodules:
//! `_codecs_escape.rs` (unicode_escape, raw_unicode_escape, escape_*),
//! `_codecs_charmap.rs`, `_codecs_utf.rs` (UTF-16/32/7 with partial
//! input), `_codecs_support.rs` (arguments, error-handler protocol) and
//! `_codecs_registry.rs` (registries, built-in error handlers).
//! Mirrors CPython 3.11 `Modules/_codecsmodule.c`, `Objects/unicodeobject.c`
//! and `Objects/exceptions.c` (UnicodeError).

use crate::args::Args;
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::int::PyInt;
use crate::types::str::PyStr;
use crate::{PyObjectRef, PyResult, Vm};
use pyrite_bytecode::surrogate;

#[path = "_codecs_charmap.rs"]
mod charmap;
#[path = "_codecs_escape.rs"]
mod escape;
#[path = "_codecs_support.rs"]
mod support;
#[path = "_codecs_utf.rs"]
mod utf;

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

pub(crate) fn encode_error(
    vm: &Vm,
    enc: &str,
    obj: &PyObjectRef,
    start: usize,
    end: usize,
    reason: &str,
) -> crate::PyBaseExceptionRef {
    unicode_error(vm, &vm.exc.UnicodeEncodeError, enc, obj, start, end, reason)
}

pub(crate) fn decode_error(
    vm: &Vm,
    enc: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> crate::PyBaseExceptionRef {
    let obj = vm.alloc(PyBytes::new(data.to_vec()), &vm.types.bytes);
    decode_error_on(vm, enc, &obj, start, end, reason)
}

/// A `UnicodeDecodeError` about `obj` (the bytes being decoded).
pub(crate) fn decode_error_on(
    vm: &Vm,
    enc: &str,
    obj: &PyObjectRef,
    start: usize,
    end: usize,
    reason: &str,
) -> crate::PyBaseExceptionRef {
    unicode_error(vm, &vm.exc.UnicodeDecodeError, enc, obj, start, end, reason)
}

/// A `UnicodeEncodeError`/`UnicodeDecodeError` (`cls`) with CPython's
/// arguments and attributes.
fn unicode_error(
    vm: &Vm,
    cls: &crate::types::typeobj::PyTypeRef,
    enc: &str,
    obj: &PyObjectRef,
    start: usize,
    end: usize,
    reason: &str,
) -> crate::PyBaseExceptionRef {
    let e = vm.new_exception(
        cls,
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

/// Encode text with a named codec and error handler. `obj` is the `str`
/// being encoded (for the exception, and to know whether its stand-ins
/// are lone surrogates).
pub fn encode(
    vm: &Vm,
    s: &str,
    encoding: &str,
    errors: &str,
    obj: &PyObjectRef,
) -> PyResult<Vec<u8>> {
    let Some((codec, name)) = lookup(encoding) else {
        return registry_encode(vm, s, encoding, errors, obj);
    };
    let marked = obj
        .downcast_ref::<PyStr>()
        .is_some_and(|p| p.has_surrogates());
    if !marked {
        // Without surrogates the UTF codecs cannot fail.
        match codec {
            Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
            Codec::Utf16(be) => {
                let mut out = Vec::with_capacity(s.len() * 2 + 2);
                let be = bom(codec, be, &mut out);
                for u in s.encode_utf16() {
                    out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
                }
                return Ok(out);
            }
            Codec::Utf32(be) => {
                let mut out = Vec::with_capacity(s.len() * 4 + 4);
                let be = bom(codec, be, &mut out);
                for c in s.chars() {
                    let u = c as u32;
                    out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
                }
                return Ok(out);
            }
            Codec::Ascii | Codec::Latin1 if s.is_ascii() => return Ok(s.as_bytes().to_vec()),
            _ => {}
        }
    }
    let cps: Vec<u32> = s
        .chars()
        .map(|c| surrogate::code_point(c, marked))
        .collect();
    let mut out = Vec::with_capacity(cps.len());
    let be = match codec {
        Codec::Utf16(be) | Codec::Utf32(be) => bom(codec, be, &mut out),
        _ => false,
    };
    let is_surr = |cp: u32| (0xD800..0xE000).contains(&cp);
    let ok = |cp: u32| match codec {
        Codec::Utf8 | Codec::Utf16(_) | Codec::Utf32(_) => !is_surr(cp),
        Codec::Ascii => cp < 0x80,
        Codec::Latin1 => cp < 0x100,
    };
    let reason = match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        _ => "surrogates not allowed",
    };
    // One code unit (surrogates included, for surrogatepass).
    let unit = |cp: u32, out: &mut Vec<u8>| match codec {
        Codec::Utf8 => {
            if let Some(c) = char::from_u32(cp) {
                let mut b = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            } else {
                out.extend_from_slice(&surrogate::encode_pass(
                    &surrogate::stand_in(cp).to_string(),
                ));
            }
        }
        Codec::Utf16(_) => {
            let mut put =
                |u: u16| out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                put(0xD800 | (v >> 10) as u16);
                put(0xDC00 | (v & 0x3ff) as u16);
            } else {
                put(cp as u16);
            }
        }
        Codec::Utf32(_) => out.extend_from_slice(&if be {
            cp.to_be_bytes()
        } else {
            cp.to_le_bytes()
        }),
        Codec::Ascii | Codec::Latin1 => out.push(cp as u8),
    };
    // Replacement text from an error handler, which must be encodable.
    let text = |t: &str, out: &mut Vec<u8>| {
        for c in t.chars() {
            unit(c as u32, out);
        }
    };
    // The UTF-16/32 encoders report one character at a time.
    let single = matches!(codec, Codec::Utf16(_) | Codec::Utf32(_));
    let mut i = 0;
    while i < cps.len() {
        let cp = cps[i];
        if ok(cp) {
            unit(cp, &mut out);
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while !single && j < cps.len() && !ok(cps[j]) {
            j += 1;
        }
        match errors {
            "strict" => return Err(encode_error(vm, name, obj, i, j, reason)),
            "surrogateescape" => {
                if single {
                    return Err(encode_error(vm, name, obj, i, j, reason));
                }
                let mut k = i;
                while k < j && (0xDC80..0xDD00).contains(&cps[k]) {
                    out.push((cps[k] - 0xDC00) as u8);
                    k += 1;
                }
                if k < j {
                    return Err(encode_error(vm, name, obj, k, j, reason));
                }
            }
            "surrogatepass" => {
                if matches!(codec, Codec::Ascii | Codec::Latin1) {
                    return Err(encode_error(vm, name, obj, i, j, reason));
                }
                for &c in &cps[i..j] {
                    unit(c, &mut out);
                }
            }
            "ignore" => {}
            "replace" => {
                for _ in i..j {
                    unit(b'?' as u32, &mut out);
                }
            }
            "backslashreplace" => {
                for &c in &cps[i..j] {
                    text(&escape_cp(c), &mut out);
                }
            }
            "namereplace" => {
                for &c in &cps[i..j] {
                    text(&super::_codecs_registry::name_escape(vm, c)?, &mut out);
                }
            }
            "xmlcharrefreplace" => {
                for &c in &cps[i..j] {
                    text(&format!("&#{c};"), &mut out);
                }
            }
            other => {
                // A handler registered with codecs.register_error. As in
                // CPython, the UTF encoders take only ASCII text (and bytes
                // of whole code units) from it.
                let (rep, pos) = support::encode_fail(vm, other, name, obj, &cps, i, j, reason)?;
                match rep {
                    support::Replacement::Bytes(b) => {
                        let width = match codec {
                            Codec::Utf16(_) => 2,
                            Codec::Utf32(_) => 4,
                            _ => 1,
                        };
                        if b.len() % width != 0 {
                            return Err(encode_error(vm, name, obj, i, j, reason));
                        }
                        out.extend_from_slice(&b);
                    }
                    support::Replacement::Text(t) => {
                        for c in t {
                            let fits = match codec {
                                Codec::Ascii | Codec::Latin1 => ok(c),
                                _ => c < 0x80,
                            };
                            if !fits {
                                return Err(encode_error(vm, name, obj, i, j, reason));
                            }
                            unit(c, &mut out);
                        }
                    }
                }
                i = pos;
                continue;
            }
        }
        i = j;
    }
    Ok(out)
}

/// Write the byte order mark of `utf-16`/`utf-32` (no explicit order);
/// whether the output is big-endian.
fn bom(codec: Codec, be: Option<bool>, out: &mut Vec<u8>) -> bool {
    match (codec, be) {
        (Codec::Utf16(_), None) => {
            out.extend_from_slice(&[0xff, 0xfe]);
            false
        }
        (Codec::Utf32(_), None) => {
            out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            false
        }
        (_, b) => b.unwrap_or(false),
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a code point.
pub fn escape_cp(n: u32) -> String {
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// How one undecodable run `[start, end)` is handled (`Err` for strict):
/// the position to continue at.
fn decode_fail(
    vm: &Vm,
    errors: &str,
    name: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    out: &mut String,
    marked: &mut bool,
) -> PyResult<usize> {
    match errors {
        // Each undecodable byte becomes U+DC80..U+DCFF (ASCII bytes are
        // not escaped).
        "surrogateescape" if data[start..end].iter().all(|&b| b >= 0x80) => {
            for &b in &data[start..end] {
                out.push(surrogate::stand_in(0xDC00 + b as u32));
            }
            *marked = true;
            Ok(end)
        }
        "strict" | "surrogateescape" | "surrogatepass" => {
            Err(decode_error(vm, name, data, start, end, reason))
        }
        "ignore" => Ok(end),
        "replace" => {
            out.push('\u{fffd}');
            Ok(end)
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(end)
        }
        other => {
            // A registered handler, which says where to resume.
            let exc = decode_error(vm, name, data, start, end, reason);
            let (rep, pos, rep_marked) = super::_codecs_registry::call_custom(
                vm,
                other,
                exc.as_object(),
                data.len(),
                false,
            )?;
            out.push_str(&rep);
            *marked |= rep_marked;
            Ok(pos)
        }
    }
}

/// Decode bytes with a named codec and error handler, as a `str`.
pub fn decode_str(
    vm: &Vm,
    data: &[u8],
    encoding: &str,
    errors: &str,
    obj: &PyObjectRef,
) -> PyResult {
    let (s, marked) = decode(vm, data, encoding, errors, obj)?;
    Ok(vm.new_str_marked(s, marked))
}

/// Decode bytes with a named codec and error handler: the text and
/// whether its stand-ins are lone surrogates (from surrogateescape or
/// surrogatepass).
pub fn decode(
    vm: &Vm,
    data: &[u8],
    encoding: &str,
    errors: &str,
    obj: &PyObjectRef,
) -> PyResult<(String, bool)> {
    let Some((codec, name)) = lookup(encoding) else {
        return registry_decode(vm, data, encoding, errors, obj);
    };
    let mut marked = false;
    let marked = &mut marked;
    let text = match codec {
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut i = 0;
            loop {
                match std::str::from_utf8(&data[i..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break out;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&data[i..i + good]).unwrap_or(""));
                        let start = i + good;
                        if errors == "surrogatepass" {
                            if let Some(cp) = surrogate::surrogate_at(&data[start..]) {
                                out.push(surrogate::stand_in(cp));
                                *marked = true;
                                i = start + 3;
                                continue;
                            }
                        }
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
                        i = decode_fail(
                            vm,
                            errors,
                            name,
                            data,
                            start,
                            start + len,
                            reason,
                            &mut out,
                            marked,
                        )?;
                    }
                }
            }
        }
        Codec::Ascii => {
            if data.is_ascii() {
                return Ok((data.iter().map(|&b| b as char).collect(), false));
            }
            let mut out = String::with_capacity(data.len());
            let mut i = 0;
            while i < data.len() {
                let b = data[i];
                if b < 0x80 {
                    out.push(b as char);
                    i += 1;
                } else {
                    i = decode_fail(
                        vm,
                        errors,
                        name,
                        data,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                        &mut out,
                        marked,
                    )?;
                }
            }
            out
        }
        Codec::Latin1 => data.iter().map(|&b| b as char).collect(),
        Codec::Utf16(be) | Codec::Utf32(be) => {
            let mut bo = match be {
                None => 0,
                Some(false) => -1,
                Some(true) => 1,
            };
            let (out, _) = if matches!(codec, Codec::Utf16(_)) {
                utf::utf16_decode(vm, data, errors, &mut bo, true)?
            } else {
                utf::utf32_decode(vm, data, errors, &mut bo, true)?
            };
            *marked = out.marked;
            out.s
        }
    };
    Ok((text, *marked))
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
            let n = s.code_point(s.char_at(start as usize));
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

/// A `str` argument of `_codecs.encode`/`decode` (absent: `default`).
fn str_kwarg<'a>(
    vm: &Vm,
    o: Option<&'a PyObjectRef>,
    fname: &str,
    name: &str,
    default: &'a str,
) -> PyResult<&'a str> {
    match o {
        None => Ok(default),
        Some(o) => o
            .downcast_ref::<PyStr>()
            .map(|s| s.as_str())
            .ok_or_else(|| {
                vm.new_type_error(format!(
                    "{fname}() argument '{name}' must be str, not {}",
                    vm.type_name(o)
                ))
            }),
    }
}

/// `_codecs.encode(obj, encoding='utf-8', errors='strict')`: any codec
/// of the registry, returning whatever its encoder makes.
fn codecs_encode(vm: &Vm, args: Args) -> PyResult {
    let [obj, enc, err] = args.bind(vm, "encode", ["obj", "encoding", "errors"], 1, 0, 3)?;
    let obj = obj.expect("required");
    let enc = str_kwarg(vm, enc, "encode", "encoding", "utf-8")?;
    let errors = str_kwarg(vm, err, "encode", "errors", "strict")?;
    if let (Some(s), Some(_)) = (obj.downcast_ref::<PyStr>(), lookup(enc)) {
        let b = encode(vm, s.as_str(), enc, errors, obj)?;
        return Ok(vm.alloc(PyBytes::new(b), &vm.types.bytes));
    }
    let info = super::_codecs_registry::lookup_codec(vm, &vm.new_str(enc))?;
    call_codec(vm, &info, 0, obj.clone(), errors, enc)
}

/// `_codecs.decode(obj, encoding='utf-8', errors='strict')`.
fn codecs_decode(vm: &Vm, args: Args) -> PyResult {
    let [obj, enc, err] = args.bind(vm, "decode", ["obj", "encoding", "errors"], 1, 0, 3)?;
    let obj = obj.expect("required");
    let enc = str_kwarg(vm, enc, "decode", "encoding", "utf-8")?;
    let errors = str_kwarg(vm, err, "decode", "errors", "strict")?;
    if let (Some(d), Some(_)) = (crate::types::memoryview::bytes_like(obj), lookup(enc)) {
        return decode_str(vm, &d, enc, errors, obj);
    }
    let info = super::_codecs_registry::lookup_codec(vm, &vm.new_str(enc))?;
    call_codec(vm, &info, 1, obj.clone(), errors, enc)
}

fn codec_pair(vm: &Vm, args: Args, enc: &str, decoding: bool) -> PyResult {
    let fname = match (enc, decoding) {
        ("utf-8", _) => "utf_8_encode",
        ("ascii", false) => "ascii_encode",
        ("ascii", true) => "ascii_decode",
        (_, false) => "latin_1_encode",
        (_, true) => "latin_1_decode",
    };
    let [obj, e] = support::range_args::<2>(vm, &args, fname)?;
    let obj = obj.expect("min 1");
    let errors = support::errors_arg(vm, e, fname, 2)?;
    if decoding {
        let d = support::buffer_arg(vm, obj)?;
        let s = decode_str(vm, &d, enc, errors, obj)?;
        Ok(vm.new_tuple(vec![s, vm.new_int(d.len() as i64)]))
    } else {
        let s = support::str_arg(vm, obj, fname, 1)?;
        let b = encode(vm, s.as_str(), enc, errors, obj)?;
        Ok(vm.new_tuple(vec![
            vm.alloc(PyBytes::new(b), &vm.types.bytes),
            vm.new_int(s.char_len() as i64),
        ]))
    }
}

/// The `CodecInfo` of a codec known only to the registry (pure-Python
/// codecs of `encodings`), checked to be a text encoding.
fn text_codec(vm: &Vm, encoding: &str, op: &str) -> PyResult<PyObjectRef> {
    let info = super::_codecs_registry::lookup_codec(vm, &vm.new_str(encoding))?;
    if let Some(flag) = vm.get_attr_opt(&info, &vm.intern("_is_text_encoding"))? {
        if !vm.is_true(&flag)? {
            return Err(vm.new_exception_msg(
                &vm.exc.LookupError,
                format!(
                    "'{encoding}' is not a text encoding; use codecs.{op}() to handle arbitrary codecs"
                ),
            ));
        }
    }
    Ok(info)
}

thread_local! {
    /// Names of registry codecs in use by text files (see
    /// [`registry_text_codec`]); each distinct name is leaked once.
    static TEXT_CODECS: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// For `TextIOWrapper`: check that `encoding` names a text codec of the
/// registry and return its canonical name, usable with [`encode`] and
/// [`decode`] (which call the registered codec).
pub fn registry_text_codec(vm: &Vm, encoding: &str) -> PyResult<&'static str> {
    let info = super::_codecs_registry::lookup_codec(vm, &vm.new_str(encoding))?;
    if let Some(flag) = vm.get_attr_opt(&info, &vm.intern("_is_text_encoding"))? {
        if !vm.is_true(&flag)? {
            return Err(vm.new_exception_msg(
                &vm.exc.LookupError,
                format!("'{encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs"),
            ));
        }
    }
    let name = vm.get_attr_str(&info, "name")?;
    let name = vm.str_string(&name)?;
    Ok(TEXT_CODECS.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(&n) = t.iter().find(|&&n| n == name) {
            return n;
        }
        let n: &'static str = Box::leak(name.into_boxed_str());
        t.push(n);
        n
    }))
}

/// Call the encoder or decoder (`index` 0 or 1) of a `CodecInfo`: the
/// first item of the `(result, consumed)` tuple it returns.
fn call_codec(
    vm: &Vm,
    info: &PyObjectRef,
    index: i64,
    arg: PyObjectRef,
    errors: &str,
    encoding: &str,
) -> PyResult {
    let f = vm.get_item(info, &vm.new_int(index))?;
    let r = vm
        .call(&f, &[arg, vm.new_str(errors)])
        .map_err(|e| support::wrap_codec_error(vm, e, encoding, index == 1))?;
    match r.downcast_ref::<crate::types::tuple::PyTuple>() {
        Some(t) if t.items.len() == 2 => Ok(t.items[0].clone()),
        _ => Err(vm.new_type_error(format!(
            "{} must return a tuple (object, integer)",
            if index == 0 { "encoder" } else { "decoder" }
        ))),
    }
}

/// `str.encode` through a registered (pure-Python) codec.
fn registry_encode(
    vm: &Vm,
    s: &str,
    encoding: &str,
    errors: &str,
    obj: &PyObjectRef,
) -> PyResult<Vec<u8>> {
    let info = text_codec(vm, encoding, "encode")?;
    let arg = if obj.downcast_ref::<PyStr>().is_some() {
        obj.clone()
    } else {
        vm.new_str(s)
    };
    let r = call_codec(vm, &info, 0, arg, errors, encoding)?;
    if let Some(b) = r.downcast_ref::<PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = r.downcast_ref::<PyByteArray>() {
        return Ok(b.data.borrow().clone());
    }
    Err(vm.new_type_error(format!(
        "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
        vm.type_name(&r)
    )))
}

/// `bytes.decode` through a registered (pure-Python) codec.
fn registry_decode(
    vm: &Vm,
    data: &[u8],
    encoding: &str,
    errors: &str,
    obj: &PyObjectRef,
) -> PyResult<(String, bool)> {
    let info = text_codec(vm, encoding, "decode")?;
    let arg = if crate::types::memoryview::bytes_like(obj).is_some() {
        obj.clone()
    } else {
        support::bytes_obj(vm, data.to_vec())
    };
    let r = call_codec(vm, &info, 1, arg, errors, encoding)?;
    match r.downcast_ref::<PyStr>() {
        Some(s) => Ok((s.as_str().to_string(), s.has_surrogates())),
        None => Err(vm.new_type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            vm.type_name(&r)
        ))),
    }
}

fn utf_8_encode(vm: &Vm, args: Args) -> PyResult {
    codec_pair(vm, args, "utf-8", false)
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

/// Build the `_codecs` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_codecs", None);
    let d = vm.module_dict(&m).expect("module");
    vm.add_function(d, "_codecs", "encode", codecs_encode);
    vm.add_function(d, "_codecs", "decode", codecs_decode);
    vm.add_function(d, "_codecs", "utf_8_encode", utf_8_encode);
    vm.add_function(d, "_codecs", "ascii_encode", ascii_encode);
    vm.add_function(d, "_codecs", "ascii_decode", ascii_decode);
    vm.add_function(d, "_codecs", "latin_1_encode", latin_1_encode);
    vm.add_function(d, "_codecs", "latin_1_decode", latin_1_decode);
    super::_codecs_registry::add(vm, d);
    escape::add(vm, d);
    charmap::add(vm, d);
    utf::add(vm, d);
    Ok(m)
}
