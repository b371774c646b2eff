//! The codec and error-handler registries of `_codecs`: `register`,
//! `unregister`, `lookup`, `_forget_codec`, `register_error`,
//! `lookup_error` and the built-in error handlers (`strict_errors`,
//! `ignore_errors`, ...), which `codecs.py` needs at import time. As in
//! CPython, the first `lookup` imports `encodings`, whose search function
//! registers itself. Mirrors CPython 3.11 `Python/codecs.c`.
//! (`namereplace` uses `unicodedata` for the names when it is available
//! and falls back to `\x`/`\u`/`\U` escapes otherwise.)

use std::cell::RefCell;

use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::{PyObjectRef, PyResult, Vm};

struct Registry {
    search: Vec<PyObjectRef>,
    cache: Option<PyObjectRef>,
    errors: Option<PyObjectRef>,
}

impl Drop for Registry {
    fn drop(&mut self) {
        // Released with the interpreter, never during thread-local teardown.
        for o in self.search.drain(..) {
            std::mem::forget(o);
        }
        if let Some(o) = self.cache.take() {
            std::mem::forget(o);
        }
        if let Some(o) = self.errors.take() {
            std::mem::forget(o);
        }
    }
}

thread_local! {
    /// Whether `encodings` (whose search function must come first) has
    /// been imported; CPython does it at startup.
    static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static REG: RefCell<Registry> = const {
        RefCell::new(Registry { search: Vec::new(), cache: None, errors: None })
    };
}

fn cache(vm: &Vm) -> PyObjectRef {
    REG.with(|r| {
        let mut r = r.borrow_mut();
        r.cache
            .get_or_insert_with(|| vm.new_dict().into_object())
            .clone()
    })
}

fn errors(vm: &Vm) -> PyObjectRef {
    let existing = REG.with(|r| r.borrow().errors.clone());
    if let Some(e) = existing {
        return e;
    }
    let d = vm.new_dict();
    for &(name, f) in HANDLERS {
        let fname = if name.starts_with("surrogate") {
            name
        } else {
            handler_fn_name(name)
        };
        let func = vm.new_native_function(fname, f, Some("_codecs"));
        vm.dict_set_str(&d, name, func);
    }
    let d = d.into_object();
    REG.with(|r| r.borrow_mut().errors = Some(d.clone()));
    d
}

fn handler_fn_name(name: &str) -> &'static str {
    match name {
        "strict" => "strict_errors",
        "ignore" => "ignore_errors",
        "replace" => "replace_errors",
        "xmlcharrefreplace" => "xmlcharrefreplace_errors",
        "backslashreplace" => "backslashreplace_errors",
        _ => "namereplace_errors",
    }
}

/// `encoding.lower()` with spaces as hyphens (CPython's
/// `normalizestring`).
fn normalize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// Import `encodings` once, before any other search function is
/// registered or a codec is looked up.
fn start(vm: &Vm) -> PyResult<()> {
    if !STARTED.with(|s| s.replace(true)) {
        vm.import_absolute("encodings")?;
    }
    Ok(())
}

fn c_register(vm: &Vm, args: Args) -> PyResult {
    let [f] = args.exact::<1>(vm, "register")?;
    if !vm.is_callable(f) {
        return Err(vm.new_type_error("argument must be callable"));
    }
    start(vm)?;
    REG.with(|r| r.borrow_mut().search.push(f.clone()));
    Ok(vm.none.clone())
}

fn c_unregister(vm: &Vm, args: Args) -> PyResult {
    let [f] = args.exact::<1>(vm, "unregister")?;
    let removed = REG.with(|r| {
        let mut r = r.borrow_mut();
        r.search
            .iter()
            .position(|x| x.is(f))
            .map(|i| r.search.remove(i))
    });
    drop(removed);
    let c = cache(vm);
    vm.call_method(&c, "clear", &[])?;
    Ok(vm.none.clone())
}

/// `codecs.lookup(encoding)`: the cached or searched `CodecInfo`.
pub fn lookup_codec(vm: &Vm, encoding: &PyObjectRef) -> PyResult {
    let Some(s) = encoding.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "lookup() argument must be str, not {}",
            vm.type_name(encoding)
        )));
    };
    let norm = vm.new_str(normalize(s.as_str()));
    let c = cache(vm);
    if let Some(d) = c.downcast_ref::<PyDict>() {
        if let Some(v) = d.get_item(vm, &norm)? {
            return Ok(v);
        }
    }
    start(vm)?;
    let funcs = REG.with(|r| r.borrow().search.clone());
    for f in funcs {
        let r = vm.call(&f, std::slice::from_ref(&norm))?;
        if r.is(&vm.none) {
            continue;
        }
        if r.downcast_ref::<PyTuple>()
            .is_none_or(|t| t.items.len() < 4)
        {
            return Err(vm.new_type_error("codec search functions must return 4-tuples"));
        }
        vm.set_item(&c, norm, r.clone())?;
        return Ok(r);
    }
    Err(vm.new_exception_msg(
        &vm.exc.LookupError,
        format!("unknown encoding: {}", s.as_str()),
    ))
}

fn c_lookup(vm: &Vm, args: Args) -> PyResult {
    let [e] = args.exact::<1>(vm, "lookup")?;
    lookup_codec(vm, e)
}

fn c_forget_codec(vm: &Vm, args: Args) -> PyResult {
    let [e] = args.exact::<1>(vm, "_forget_codec")?;
    let norm = vm.new_str(normalize(&vm.str_string(e)?));
    let c = cache(vm);
    let _ = vm.del_item(&c, &norm);
    Ok(vm.none.clone())
}

fn c_register_error(vm: &Vm, args: Args) -> PyResult {
    let [name, handler] = args.exact::<2>(vm, "register_error")?;
    if !vm.is_callable(handler) {
        return Err(vm.new_type_error("handler must be callable"));
    }
    vm.set_item(&errors(vm), name.clone(), handler.clone())?;
    Ok(vm.none.clone())
}

/// The registered error handler `name`.
pub fn lookup_error_handler(vm: &Vm, name: &PyObjectRef) -> PyResult {
    let e = errors(vm);
    if let Some(d) = e.downcast_ref::<PyDict>() {
        if let Some(h) = d.get_item(vm, name)? {
            return Ok(h);
        }
    }
    Err(vm.new_exception_msg(
        &vm.exc.LookupError,
        format!("unknown error handler name '{}'", vm.str_string(name)?),
    ))
}

fn c_lookup_error(vm: &Vm, args: Args) -> PyResult {
    let [name] = args.exact::<1>(vm, "lookup_error")?;
    lookup_error_handler(vm, name)
}

/// Call the registered handler `errors` on `exc` (an encode error when
/// `encoding`); returns the replacement and the position to resume at.
pub fn call_custom(
    vm: &Vm,
    errors: &str,
    exc: &PyObjectRef,
    len: usize,
    encoding: bool,
) -> PyResult<(String, usize, bool)> {
    let h = lookup_error_handler(vm, &vm.new_str(errors))?;
    let r = vm.call(&h, std::slice::from_ref(exc))?;
    let bad = || {
        vm.new_type_error(format!(
            "{} error handler must return (str, int) tuple",
            if encoding { "encoding" } else { "decoding" }
        ))
    };
    let t = r
        .downcast_ref::<PyTuple>()
        .filter(|t| t.items.len() == 2)
        .ok_or_else(bad)?;
    let rep = t.items[0].downcast_ref::<PyStr>().ok_or_else(bad)?;
    let mut pos = crate::types::int::as_i64(&t.items[1]).ok_or_else(bad)?;
    if pos < 0 {
        pos += len as i64;
    }
    if pos < 0 || pos > len as i64 {
        return Err(vm.new_index_error(format!("position {pos} from error handler out of bounds")));
    }
    Ok((rep.as_str().to_string(), pos as usize, rep.has_surrogates()))
}

// ----- the built-in handlers ------------------------------------------------------------

#[derive(PartialEq)]
enum Kind {
    Encode,
    Decode,
    Translate,
}

fn kind_of(vm: &Vm, exc: &PyObjectRef) -> PyResult<Kind> {
    if vm.isinstance(exc, vm.exc.UnicodeEncodeError.as_object())? {
        Ok(Kind::Encode)
    } else if vm.isinstance(exc, vm.exc.UnicodeDecodeError.as_object())? {
        Ok(Kind::Decode)
    } else if vm.isinstance(exc, vm.exc.UnicodeTranslateError.as_object())? {
        Ok(Kind::Translate)
    } else {
        Err(cannot_handle(vm, exc))
    }
}

fn cannot_handle(vm: &Vm, exc: &PyObjectRef) -> crate::PyBaseExceptionRef {
    vm.new_type_error(format!(
        "don't know how to handle {} in error callback",
        vm.type_name(exc)
    ))
}

fn span(vm: &Vm, exc: &PyObjectRef) -> PyResult<(usize, usize, PyObjectRef)> {
    let start = vm.index_isize(&vm.get_attr_str(exc, "start")?)?.max(0) as usize;
    let end = vm.index_isize(&vm.get_attr_str(exc, "end")?)?.max(0) as usize;
    let obj = vm.get_attr_str(exc, "object")?;
    Ok((start, end, obj))
}

/// The code points `[start, end)` of the error's object (lone surrogates
/// included).
fn chars_of(vm: &Vm, obj: &PyObjectRef, start: usize, end: usize) -> PyResult<Vec<u32>> {
    let s = obj
        .downcast_ref::<PyStr>()
        .ok_or_else(|| vm.new_type_error("object attribute must be unicode"))?;
    Ok(s.code_points()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect())
}

fn result(vm: &Vm, s: String, end: usize) -> PyResult {
    Ok(vm.new_tuple(vec![vm.new_str(s), vm.new_int(end as i64)]))
}

fn one_exc<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyObjectRef> {
    let [e] = args.exact::<1>(vm, name)?;
    Ok(e)
}

fn h_strict(vm: &Vm, args: Args) -> PyResult {
    let e = one_exc(vm, &args, "strict_errors")?;
    match e.clone().downcast() {
        Ok(exc) => Err(exc),
        Err(_) => Err(vm.new_type_error("codec must pass exception instance")),
    }
}

fn h_ignore(vm: &Vm, args: Args) -> PyResult {
    let e = one_exc(vm, &args, "ignore_errors")?;
    kind_of(vm, e)?;
    let (_, end, _) = span(vm, e)?;
    result(vm, String::new(), end)
}

fn h_replace(vm: &Vm, args: Args) -> PyResult {
    let e = one_exc(vm, &args, "replace_errors")?;
    let k = kind_of(vm, e)?;
    let (start, end, _) = span(vm, e)?;
    let n = end.saturating_sub(start);
    let s = match k {
        Kind::Encode => "?".repeat(n),
        Kind::Decode => "\u{fffd}".to_string(),
        Kind::Translate => "\u{fffd}".repeat(n),
    };
    result(vm, s, end)
}

fn h_xmlcharref(vm: &Vm, args: Args) -> PyResult {
    let e = one_exc(vm, &args, "xmlcharrefreplace_errors")?;
    if kind_of(vm, e)? != Kind::Encode {
        return Err(cannot_handle(vm, e));
    }
    let (start, end, obj) = span(vm, e)?;
    let s: String = chars_of(vm, &obj, start, end)?
        .iter()
        .map(|c| format!("&#{c};"))
        .collect();
    result(vm, s, end)
}

fn escape_char(v: u32) -> String {
    if v < 0x100 {
        format!("\\x{v:02x}")
    } else if v < 0x10000 {
        format!("\\u{v:04x}")
    } else {
        format!("\\U{v:08x}")
    }
}

fn h_backslash(vm: &Vm, args: Args) -> PyResult {
    let e = one_exc(vm, &args, "backslashreplace_errors")?;
    let k = kind_of(vm, e)?;
    let (start, end, obj) = span(vm, e)?;
    let s: String = if k == Kind::Decode {
        let b = obj
            .downcast_ref::<PyBytes>()
            .map(|b| b.data.to_vec())
            .or_else(|| crate::types::memoryview::bytes_like(&obj))
            .unwrap_or_default();
        b.get(start..end.min(b.len()))
            .unwrap_or(&[])
            .iter()
            .map(|x| format!("\\x{x:02x}"))
            .collect()
    } else {
        chars_of(vm, &obj, start, end)?
            .into_iter()
            .map(escape_char)
            .collect()
    };
    result(vm, s, end)
}

/// `\N{NAME}` for a character with a name in `unicodedata` (when that
/// module is available), else its `\x`/`\u`/`\U` escape.
pub fn name_escape(vm: &Vm, cp: u32) -> PyResult<String> {
    if let Ok(m) = vm.import_absolute("unicodedata") {
        let (c, marked) = pyrite_bytecode::surrogate::from_code_points([cp]);
        let name = vm.call_method(&m, "name", &[vm.new_str_marked(c, marked), vm.none.clone()])?;
        if let Some(n) = name.downcast_ref::<PyStr>() {
            return Ok(format!("\\N{{{}}}", n.as_str()));
        }
    }
    Ok(escape_char(cp))
}

fn h_namereplace(vm: &Vm, args: Args) -> PyResult {
    let e = one_exc(vm, &args, "namereplace_errors")?;
    if kind_of(vm, e)? != Kind::Encode {
        return Err(cannot_handle(vm, e));
    }
    let (start, end, obj) = span(vm, e)?;
    let mut s = String::new();
    for c in chars_of(vm, &obj, start, end)? {
        s.push_str(&name_escape(vm, c)?);
    }
    result(vm, s, end)
}

fn reraise(vm: &Vm, e: &PyObjectRef) -> PyResult {
    match e.clone().downcast() {
        Ok(exc) => Err(exc),
        Err(_) => Err(cannot_handle(vm, e)),
    }
}

/// The bytes of the error's object (a decode error).
fn bytes_of(obj: &PyObjectRef) -> Vec<u8> {
    obj.downcast_ref::<PyBytes>()
        .map(|b| b.data.to_vec())
        .or_else(|| crate::types::memoryview::bytes_like(obj))
        .unwrap_or_default()
}

/// `surrogateescape`: U+DC80..U+DCFF encode to the bytes 0x80..0xFF, and
/// undecodable bytes 0x80..0xFF decode to them (at most 4 at a time).
fn h_surrogateescape(vm: &Vm, args: Args) -> PyResult {
    let e = one_exc(vm, &args, "surrogateescape")?;
    let k = kind_of(vm, e)?;
    let (start, end, obj) = span(vm, e)?;
    match k {
        Kind::Encode => {
            let cps = chars_of(vm, &obj, start, end)?;
            if cps.is_empty() || !cps.iter().all(|c| (0xDC80..0xDD00).contains(c)) {
                return reraise(vm, e);
            }
            let b: Vec<u8> = cps.iter().map(|c| (c - 0xDC00) as u8).collect();
            Ok(vm.new_tuple(vec![
                crate::types::bytes_methods::new_bytes(vm, b),
                vm.new_int(end as i64),
            ]))
        }
        Kind::Decode => {
            let b = bytes_of(&obj);
            let run: Vec<u32> = b
                .get(start..end.min(b.len()))
                .unwrap_or(&[])
                .iter()
                .take(4)
                .take_while(|&&x| x >= 0x80)
                .map(|&x| 0xDC00 + x as u32)
                .collect();
            if run.is_empty() {
                return reraise(vm, e);
            }
            let n = run.len();
            let (s, marked) = pyrite_bytecode::surrogate::from_code_points(run);
            Ok(vm.new_tuple(vec![
                vm.new_str_marked(s, marked),
                vm.new_int((start + n) as i64),
            ]))
        }
        Kind::Translate => Err(cannot_handle(vm, e)),
    }
}

/// Code unit width and byte order of a UTF codec name (for
/// `surrogatepass`): `None` for other codecs.
fn utf_kind(name: &str) -> Option<(usize, bool)> {
    let n = name.to_ascii_lowercase().replace('_', "-");
    Some(match n.as_str() {
        "utf-8" | "utf8" => (1, false),
        "utf-16" | "utf-16-le" | "utf-16le" => (2, false),
        "utf-16-be" | "utf-16be" => (2, true),
        "utf-32" | "utf-32-le" | "utf-32le" => (4, false),
        "utf-32-be" | "utf-32be" => (4, true),
        _ => return None,
    })
}

/// `surrogatepass`: surrogates encode to (and decode from) their UTF-8,
/// UTF-16 or UTF-32 code units.
fn h_surrogatepass(vm: &Vm, args: Args) -> PyResult {
    let e = one_exc(vm, &args, "surrogatepass")?;
    let k = kind_of(vm, e)?;
    let (start, end, obj) = span(vm, e)?;
    let enc = vm.get_attr_str(e, "encoding")?;
    let Some((width, be)) = enc
        .downcast_ref::<PyStr>()
        .and_then(|s| utf_kind(s.as_str()))
    else {
        return reraise(vm, e);
    };
    match k {
        Kind::Encode => {
            let cps = chars_of(vm, &obj, start, end)?;
            if cps.is_empty() || !cps.iter().all(|c| (0xD800..0xE000).contains(c)) {
                return reraise(vm, e);
            }
            let mut b = Vec::new();
            for c in cps {
                match (width, be) {
                    (1, _) => b.extend_from_slice(&[
                        0xE0 | (c >> 12) as u8,
                        0x80 | ((c >> 6) & 0x3f) as u8,
                        0x80 | (c & 0x3f) as u8,
                    ]),
                    (2, true) => b.extend_from_slice(&(c as u16).to_be_bytes()),
                    (2, false) => b.extend_from_slice(&(c as u16).to_le_bytes()),
                    (_, true) => b.extend_from_slice(&c.to_be_bytes()),
                    (_, false) => b.extend_from_slice(&c.to_le_bytes()),
                }
            }
            Ok(vm.new_tuple(vec![
                crate::types::bytes_methods::new_bytes(vm, b),
                vm.new_int(end as i64),
            ]))
        }
        Kind::Decode => {
            let b = bytes_of(&obj);
            let at = b.get(start..).unwrap_or(&[]);
            let cp = match (width, be) {
                (1, _) => pyrite_bytecode::surrogate::surrogate_at(at),
                (2, _) if at.len() >= 2 => {
                    let u = if be {
                        u16::from_be_bytes([at[0], at[1]])
                    } else {
                        u16::from_le_bytes([at[0], at[1]])
                    };
                    Some(u as u32)
                }
                (4, _) if at.len() >= 4 => {
                    let w = [at[0], at[1], at[2], at[3]];
                    Some(if be {
                        u32::from_be_bytes(w)
                    } else {
                        u32::from_le_bytes(w)
                    })
                }
                _ => None,
            };
            match cp {
                Some(cp) if (0xD800..0xE000).contains(&cp) => {
                    let n = if width == 1 { 3 } else { width };
                    Ok(vm.new_tuple(vec![
                        vm.new_str_marked(
                            pyrite_bytecode::surrogate::stand_in(cp).to_string(),
                            true,
                        ),
                        vm.new_int((start + n) as i64),
                    ]))
                }
                _ => reraise(vm, e),
            }
        }
        Kind::Translate => Err(cannot_handle(vm, e)),
    }
}

const HANDLERS: &[(&str, crate::args::NativeFn)] = &[
    ("strict", h_strict),
    ("ignore", h_ignore),
    ("replace", h_replace),
    ("xmlcharrefreplace", h_xmlcharref),
    ("backslashreplace", h_backslash),
    ("namereplace", h_namereplace),
    ("surrogateescape", h_surrogateescape),
    ("surrogatepass", h_surrogatepass),
];

/// Add the registry functions to the `_codecs` module dict.
pub fn add(vm: &Vm, d: &PyDict) {
    for (name, f) in [
        ("register", c_register as crate::args::NativeFn),
        ("unregister", c_unregister),
        ("lookup", c_lookup),
        ("_forget_codec", c_forget_codec),
        ("register_error", c_register_error),
        ("lookup_error", c_lookup_error),
    ] {
        vm.add_function(d, "_codecs", name, f);
    }
}
