//! The `_sre` module: the regular expression engine under CPython's
//! pure-Python `re` package (which parses and compiles patterns to SRE
//! code; `_sre.compile` wraps that code in a `re.Pattern`). Submodules:
//! `engine` (the matcher), `charset` (character classes), `pattern`
//! (`re.Pattern`), `matchobj` (`re.Match`), `scanner` (`SRE_Scanner`).
//! Mirrors CPython 3.11 `Modules/_sre/sre.c`.

pub mod charset;
pub mod constants;
pub mod engine;
pub mod matchobj;
pub mod pattern;
pub mod scanner;

use std::cell::RefCell;
use std::rc::Rc;

use self::constants::*;
use self::engine::SreError;
use crate::args::Args;
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::bytes_methods::new_bytes;
use crate::types::int::{IntVal, PyInt};
use crate::types::memoryview::bytes_like;
use crate::types::str::PyStr;
use crate::{PyObjectRef, PyResult, Vm};

/// The characters of a subject, in the buffer the engine reads.
pub enum Chars<'a> {
    U8(&'a [u8]),
    U32(&'a [u32]),
}

/// A subject string prepared for matching: ASCII `str` and `bytes` are
/// read in place, other text is widened to code points once, other
/// bytes-like objects are copied.
#[derive(Clone)]
pub enum Subject {
    /// An ASCII `str` (byte index = code point index).
    Ascii(PyObjectRef),
    /// A non-ASCII `str` as code points.
    Wide(PyObjectRef, Rc<[u32]>),
    /// A `bytes` object (or subclass).
    Bytes(PyObjectRef),
    /// A copy of another bytes-like object.
    Owned(PyObjectRef, Rc<[u8]>),
}

/// Keeps the last widened subject: loops like `pat.match(s, pos)` over
/// one long text (json's scanner, tokenizers) must not re-widen the text
/// at every call.
struct WideCache(Option<(PyObjectRef, Rc<[u32]>)>);

impl Drop for WideCache {
    fn drop(&mut self) {
        // Thread-local teardown: do not touch the object machinery.
        if let Some(e) = self.0.take() {
            std::mem::forget(e);
        }
    }
}

thread_local! {
    static WIDE: RefCell<WideCache> = const { RefCell::new(WideCache(None)) };
}

impl Subject {
    pub fn obj(&self) -> &PyObjectRef {
        match self {
            Subject::Ascii(o) | Subject::Wide(o, _) | Subject::Bytes(o) | Subject::Owned(o, _) => o,
        }
    }

    pub fn is_bytes(&self) -> bool {
        matches!(self, Subject::Bytes(_) | Subject::Owned(..))
    }

    pub fn chars(&self) -> Chars<'_> {
        match self {
            Subject::Ascii(o) => Chars::U8(
                o.downcast_ref::<PyStr>()
                    .map(|s| s.as_str().as_bytes())
                    .unwrap_or(&[]),
            ),
            Subject::Wide(_, w) => Chars::U32(w),
            Subject::Bytes(o) => {
                Chars::U8(o.downcast_ref::<PyBytes>().map(|b| &*b.data).unwrap_or(&[]))
            }
            Subject::Owned(_, b) => Chars::U8(b),
        }
    }

    pub fn len(&self) -> usize {
        match self.chars() {
            Chars::U8(s) => s.len(),
            Chars::U32(s) => s.len(),
        }
    }

    /// `getslice`: the characters `[a, b)` as a `str` or `bytes` (also for
    /// bytearray and memoryview subjects, as in CPython).
    pub fn slice(&self, vm: &Vm, a: usize, b: usize) -> PyResult {
        let b = b.max(a);
        // The whole of an exact str/bytes is the object itself.
        if a == 0 && !matches!(self, Subject::Owned(..)) {
            let o = self.obj();
            let exact =
                o.class().is(vm.types.str.as_object()) || o.class().is(vm.types.bytes.as_object());
            if exact && b == self.len() {
                return Ok(o.clone());
            }
        }
        match self {
            Subject::Ascii(o) => {
                let s = o.downcast_ref::<PyStr>().map(|s| s.as_str()).unwrap_or("");
                Ok(vm.new_str(s.get(a..b).unwrap_or("")))
            }
            Subject::Wide(_, w) => {
                // Code points, lone surrogates included.
                let (s, marked) = pyrite_bytecode::surrogate::from_code_points(
                    w.get(a..b).unwrap_or(&[]).iter().copied(),
                );
                Ok(vm.new_str_marked(s, marked))
            }
            Subject::Bytes(o) => {
                let d = o.downcast_ref::<PyBytes>().map(|b| &*b.data).unwrap_or(&[]);
                Ok(new_bytes(vm, d.get(a..b).unwrap_or(&[]).to_vec()))
            }
            Subject::Owned(o, d) => {
                // A bytearray is read as it is now (it may have changed
                // since the match), clamped to its current length.
                if let Some(ba) = o.downcast_ref::<PyByteArray>() {
                    let data = ba.data.borrow();
                    let (a, b) = (a.min(data.len()), b.min(data.len()));
                    return Ok(new_bytes(vm, data[a..b].to_vec()));
                }
                Ok(new_bytes(vm, d.get(a..b).unwrap_or(&[]).to_vec()))
            }
        }
    }
}

/// Run `$body` with `$t` bound to the subject's character slice (`&[u8]`
/// or `&[u32]`), instantiating the generic engine for both.
macro_rules! with_text {
    ($subj:expr, $t:ident => $body:expr) => {
        match $subj.chars() {
            $crate::modules::_sre::Chars::U8($t) => $body,
            $crate::modules::_sre::Chars::U32($t) => $body,
        }
    };
}
pub(crate) use with_text;

/// `getstring`: prepare `obj` for matching.
pub fn get_subject(vm: &Vm, obj: &PyObjectRef) -> PyResult<Subject> {
    // Let go of a cached text nothing else uses any more.
    let stale = WIDE.with(|c| {
        let mut c = c.borrow_mut();
        if c.0.as_ref().is_some_and(|(o, _)| o.refcount() == 1) {
            c.0.take()
        } else {
            None
        }
    });
    drop(stale);
    if let Some(s) = obj.downcast_ref::<PyStr>() {
        if s.is_ascii() {
            return Ok(Subject::Ascii(obj.clone()));
        }
        let cached = WIDE.with(|c| {
            c.borrow()
                .0
                .as_ref()
                .filter(|(o, _)| o.is(obj))
                .map(|(_, w)| w.clone())
        });
        if let Some(w) = cached {
            return Ok(Subject::Wide(obj.clone(), w));
        }
        let w: Rc<[u32]> = s.code_points().collect();
        if s.char_len() >= 64 {
            let old = WIDE.with(|c| c.borrow_mut().0.replace((obj.clone(), w.clone())));
            drop(old);
        }
        return Ok(Subject::Wide(obj.clone(), w));
    }
    if obj.downcast_ref::<PyBytes>().is_some() {
        return Ok(Subject::Bytes(obj.clone()));
    }
    if let Some(b) = bytes_like(obj) {
        return Ok(Subject::Owned(obj.clone(), b.into()));
    }
    Err(vm.new_type_error(format!(
        "expected string or bytes-like object, got '{}'",
        vm.type_name(obj)
    )))
}

pub fn engine_error(vm: &Vm, e: SreError) -> crate::types::exceptions::PyBaseExceptionRef {
    match e {
        SreError::State => vm.new_runtime_error("internal error in regular expression engine"),
    }
}

/// Bind keyword-capable arguments with the messages of CPython 3.11's
/// argument clinic (`_PyArg_UnpackKeywords`), which differ from those of
/// Python functions.
pub fn clinic<'a, const N: usize>(
    vm: &Vm,
    args: &Args<'a>,
    fname: &str,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<&'a PyObjectRef>; N]> {
    let (npos, nkw) = (args.pos().len(), args.kwnames.len());
    if npos + nkw > N {
        return Err(vm.new_type_error(format!(
            "{fname}() takes at most {N} {}argument{} ({} given)",
            if npos == 0 { "keyword " } else { "" },
            if N == 1 { "" } else { "s" },
            npos + nkw
        )));
    }
    for (k, _) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            None => {
                return Err(vm.new_type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
            Some(i) if i < npos => {
                return Err(vm.new_type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            _ => {}
        }
    }
    args.bind(vm, fname, names, required, 0, N)
}

/// Setter of the attributes CPython declares as read-only members.
pub fn readonly(vm: &Vm, _o: &PyObjectRef, _v: Option<PyObjectRef>) -> PyResult<()> {
    Err(vm.new_attribute_error("readonly attribute"))
}

/// An `int` argument as `u32` (`character: int` of the case helpers).
fn char_arg(vm: &Vm, args: &Args, name: &str) -> PyResult<u32> {
    let [c] = args.exact::<1>(vm, name)?;
    let v = vm.index(c)?;
    match v.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(n)) => Ok(*n as u32),
        _ => Err(vm.new_overflow_error("Python int too large to convert to C int")),
    }
}

fn getcodesize(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "getcodesize")?;
    Ok(vm.new_int(CODESIZE))
}

fn ascii_iscased(vm: &Vm, args: Args) -> PyResult {
    let c = char_arg(vm, &args, "ascii_iscased")?;
    Ok(vm.new_bool(charset::ascii_iscased(c)))
}

fn unicode_iscased(vm: &Vm, args: Args) -> PyResult {
    let c = char_arg(vm, &args, "unicode_iscased")?;
    Ok(vm.new_bool(charset::unicode_iscased(c)))
}

fn ascii_tolower(vm: &Vm, args: Args) -> PyResult {
    let c = char_arg(vm, &args, "ascii_tolower")?;
    Ok(vm.new_int(charset::lower_ascii(c) as i64))
}

fn unicode_tolower(vm: &Vm, args: Args) -> PyResult {
    let c = char_arg(vm, &args, "unicode_tolower")?;
    Ok(vm.new_int(charset::lower_unicode(c) as i64))
}

pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_sre", None);
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    vm.dict_set_str(d, "MAGIC", vm.new_int(MAGIC));
    vm.dict_set_str(d, "CODESIZE", vm.new_int(CODESIZE));
    vm.dict_set_str(d, "MAXREPEAT", vm.new_int(MAXREPEAT as i64));
    vm.dict_set_str(d, "MAXGROUPS", vm.new_int(MAXGROUPS));
    vm.dict_set_str(
        d,
        "copyright",
        vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
    );
    vm.add_function(d, "_sre", "compile", pattern::compile);
    vm.add_function(d, "_sre", "getcodesize", getcodesize);
    vm.add_function(d, "_sre", "ascii_iscased", ascii_iscased);
    vm.add_function(d, "_sre", "unicode_iscased", unicode_iscased);
    vm.add_function(d, "_sre", "ascii_tolower", ascii_tolower);
    vm.add_function(d, "_sre", "unicode_tolower", unicode_tolower);
    Ok(m)
}
