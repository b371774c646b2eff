//! The `_json` accelerator behind `json`: `scanstring`, the `make_scanner`
//! (`_json.Scanner`) and `make_encoder` (`_json.Encoder`) types, and the
//! two string escapers. The pure-Python fallbacks differ observably (error
//! messages such as "Out of range float values are not JSON compliant"
//! without the value, "Invalid \escape" without the character), and are
//! much slower. Mirrors CPython 3.11 `Modules/_json.c`.
//!
//! Text is scanned as UTF-8 bytes (every JSON delimiter is ASCII); positions
//! are converted to code-point indices only where Python sees them.

mod encoder;
mod scanner;

use crate::args::Args;
use crate::types::str::PyStr;
use crate::{PyBaseExceptionRef, PyObjectRef, PyResult, Vm};

/// A byte offset of `s` as a code-point index.
pub(crate) fn char_index(s: &PyStr, byte: usize) -> usize {
    if s.is_ascii() {
        byte
    } else {
        let t = s.as_str();
        t[..byte.min(t.len())].chars().count()
    }
}

/// `json.decoder.JSONDecodeError(msg, s, pos)` with `pos` a byte offset.
pub(crate) fn decode_error(
    vm: &Vm,
    msg: &str,
    s_obj: &PyObjectRef,
    s: &PyStr,
    byte: usize,
) -> PyBaseExceptionRef {
    let pos = char_index(s, byte);
    let cls = vm
        .modules
        .get_by_str("json.decoder")
        .filter(|m| !m.is(&vm.none))
        .map(Ok)
        .unwrap_or_else(|| {
            vm.import_absolute("json.decoder")?;
            vm.modules
                .get_by_str("json.decoder")
                .ok_or_else(|| vm.new_import_error("No module named 'json.decoder'"))
        })
        .and_then(|m| vm.get_attr_str(&m, "JSONDecodeError"));
    let cls = match cls {
        Ok(c) => c,
        Err(e) => return e,
    };
    let args = [vm.new_str(msg), s_obj.clone(), vm.new_int(pos as i64)];
    match vm.call(&cls, &args) {
        Ok(e) => match e.downcast() {
            Ok(e) => e,
            Err(_) => vm.new_type_error("exceptions must derive from BaseException"),
        },
        Err(e) => e,
    }
}

/// Decode the JSON string body starting at byte `start` (just after the
/// opening quote at `start - 1`): the text, whether it holds lone
/// surrogates (as stand-ins), and the byte offset just past the closing
/// quote.
pub(crate) fn scan_string(
    vm: &Vm,
    s_obj: &PyObjectRef,
    s: &PyStr,
    start: usize,
    strict: bool,
) -> PyResult<(String, bool, usize)> {
    let mut marked = s.has_surrogates();
    let b = s.as_str().as_bytes();
    let text = s.as_str();
    let len = b.len();
    let begin = start.saturating_sub(1);
    let mut out = String::new();
    let mut i = start;
    loop {
        // A run of ordinary characters, copied at once.
        let run = i;
        while i < len {
            let c = b[i];
            if c == b'"' || c == b'\\' || (c < 0x20 && strict) {
                break;
            }
            i += 1;
        }
        if i >= len {
            return Err(decode_error(
                vm,
                "Unterminated string starting at",
                s_obj,
                s,
                begin,
            ));
        }
        out.push_str(&text[run..i]);
        let c = b[i];
        if c == b'"' {
            return Ok((out, marked, i + 1));
        }
        if c != b'\\' {
            return Err(decode_error(
                vm,
                "Invalid control character at",
                s_obj,
                s,
                i,
            ));
        }
        // An escape: `i` is the backslash.
        if i + 1 >= len {
            return Err(decode_error(
                vm,
                "Unterminated string starting at",
                s_obj,
                s,
                begin,
            ));
        }
        let e = b[i + 1];
        if e != b'u' {
            let ch = match e {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                _ => return Err(decode_error(vm, "Invalid \\escape", s_obj, s, i)),
            };
            out.push(ch);
            i += 2;
            continue;
        }
        // `\uXXXX`: the four digits must be followed by at least one more
        // character (CPython tests `end >= len`).
        let upos = i + 1;
        let bad_u = |at: usize| decode_error(vm, "Invalid \\uXXXX escape", s_obj, s, at);
        if upos + 5 >= len {
            return Err(bad_u(upos));
        }
        let mut c = hex4(&b[upos + 1..upos + 5]).ok_or_else(|| bad_u(upos))?;
        let mut next = upos + 5;
        if (0xd800..0xdc00).contains(&c)
            && next + 6 < len
            && b[next] == b'\\'
            && b[next + 1] == b'u'
        {
            let c2 = hex4(&b[next + 2..next + 6]).ok_or_else(|| bad_u(next + 1))?;
            if (0xdc00..0xe000).contains(&c2) {
                c = 0x10000 + (((c - 0xd800) << 10) | (c2 - 0xdc00));
                next += 6;
            }
        }
        match char::from_u32(c) {
            Some(ch) => out.push(ch),
            None => {
                out.push(pyrite_bytecode::surrogate::stand_in(c));
                marked = true;
            }
        }
        i = next;
    }
}

fn hex4(d: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &x in d {
        v = v * 16 + (x as char).to_digit(16)?;
    }
    Some(v)
}

fn str_arg<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyStr> {
    o.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(o)
        ))
    })
}

/// `scanstring(string, end, strict=True)` -> `(str, end)`.
fn m_scanstring(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "scanstring")?;
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 3 {
        return Err(vm.new_type_error(format!(
            "scanstring() takes {} arguments ({} given)",
            if pos.len() < 2 {
                "at least 2"
            } else {
                "at most 3"
            },
            pos.len()
        )));
    }
    let s = str_arg(vm, &pos[0])?;
    let end = vm.index_isize(&pos[1])?;
    let strict = match pos.get(2) {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    if end < 0 || end as usize > s.char_len() {
        return Err(vm.new_value_error("end is out of bounds"));
    }
    let start = s.byte_offset(end as usize);
    let (text, marked, stop) = scan_string(vm, &pos[0], s, start, strict)?;
    Ok(vm.new_tuple(vec![
        vm.new_str_marked(text, marked),
        vm.new_int(char_index(s, stop) as i64),
    ]))
}

/// Append the JSON form of `s` (quotes included) to `out`; `ascii`
/// escapes everything outside printable ASCII, as `\uXXXX` (surrogate
/// pairs beyond the BMP).
/// `marked`: the text's stand-in characters are lone surrogates (escaped
/// as themselves with `ensure_ascii`, else left for the caller to mark).
pub(crate) fn escape_into(out: &mut String, s: &str, ascii: bool, marked: bool) {
    out.push('"');
    let b = s.as_bytes();
    let mut run = 0;
    for (i, &c) in b.iter().enumerate() {
        let plain = if ascii {
            (0x20..0x7f).contains(&c) && c != b'"' && c != b'\\'
        } else {
            c >= 0x20 && c != b'"' && c != b'\\'
        };
        if plain {
            continue;
        }
        if c >= 0x80 && (c & 0xc0) == 0x80 {
            // A continuation byte: handled with its lead byte.
            continue;
        }
        out.push_str(&s[run..i]);
        if c >= 0x80 {
            let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
            let v = pyrite_bytecode::surrogate::code_point(ch, marked);
            if v >= 0x10000 {
                let v = v - 0x10000;
                push_u(out, 0xd800 | (v >> 10));
                push_u(out, 0xdc00 | (v & 0x3ff));
            } else {
                push_u(out, v);
            }
            run = i + ch.len_utf8();
            continue;
        }
        match c {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => push_u(out, c as u32),
        }
        run = i + 1;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

fn push_u(out: &mut String, v: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for sh in [12, 8, 4, 0] {
        out.push(HEX[((v >> sh) & 0xf) as usize] as char);
    }
}

/// The single argument of a METH_O function, with its message.
fn one<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a [PyObjectRef; 1]> {
    args.no_kwargs(vm, name)?;
    args.pos().try_into().map_err(|_| {
        vm.new_type_error(format!(
            "_json.{name}() takes exactly one argument ({} given)",
            args.pos().len()
        ))
    })
}

fn m_encode_basestring_ascii(vm: &Vm, args: Args) -> PyResult {
    let [o] = one(vm, &args, "encode_basestring_ascii")?;
    let s = str_arg(vm, o)?;
    let mut out = String::with_capacity(s.as_str().len() + 2);
    escape_into(&mut out, s.as_str(), true, s.has_surrogates());
    Ok(vm.new_str(out))
}

fn m_encode_basestring(vm: &Vm, args: Args) -> PyResult {
    let [o] = one(vm, &args, "encode_basestring")?;
    let s = str_arg(vm, o)?;
    let mut out = String::with_capacity(s.as_str().len() + 2);
    escape_into(&mut out, s.as_str(), false, s.has_surrogates());
    Ok(vm.new_str_marked(out, s.has_surrogates()))
}

pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_json", Some("json speedups\n"));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    vm.add_function(d, "_json", "scanstring", m_scanstring);
    vm.add_function(
        d,
        "_json",
        "encode_basestring_ascii",
        m_encode_basestring_ascii,
    );
    vm.add_function(d, "_json", "encode_basestring", m_encode_basestring);
    vm.dict_set_str(
        d,
        "make_scanner",
        scanner::scanner_type(vm).as_object().clone(),
    );
    vm.dict_set_str(
        d,
        "make_encoder",
        encoder::encoder_type(vm).as_object().clone(),
    );
    Ok(m)
}
