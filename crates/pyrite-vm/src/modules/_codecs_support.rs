//! Shared pieces of the `_codecs` codec functions: argument conversion
//! with CPython's messages, an output builder that keeps lone surrogates
//! (stand-ins in a marked `str`), and the error-handler protocol of
//! decoders and encoders (PEP 293): the common handlers are applied
//! inline, anything else is looked up in the registry and called with a
//! `UnicodeDecodeError`/`UnicodeEncodeError`.

use crate::types::bytes::PyBytes;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::{PyObjectRef, PyResult, Vm};
use pyrite_bytecode::surrogate;

/// Text being built by a decoder; lone surrogates become stand-ins.
#[derive(Default)]
pub struct Out {
    pub s: String,
    pub marked: bool,
}

impl Out {
    pub fn with_capacity(n: usize) -> Self {
        Out {
            s: String::with_capacity(n),
            marked: false,
        }
    }

    /// Append a code point (surrogates allowed; others must be valid).
    #[inline]
    pub fn push(&mut self, cp: u32) {
        if (0xD800..0xE000).contains(&cp) {
            self.s.push(surrogate::stand_in(cp));
            self.marked = true;
        } else {
            self.s.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
        }
    }

    pub fn push_str(&mut self, s: &str) {
        self.s.push_str(s);
    }

    /// Append text that may hold stand-ins (`marked` says they are
    /// surrogates).
    pub fn push_text(&mut self, s: &str, marked: bool) {
        if marked {
            for c in s.chars() {
                self.push(surrogate::code_point(c, true));
            }
        } else {
            self.s.push_str(s);
        }
    }

    /// Keep only the first `n` bytes of the text.
    pub fn truncate(&mut self, n: usize) {
        self.s.truncate(n);
    }

    pub fn len(&self) -> usize {
        self.s.len()
    }

    pub fn finish(self, vm: &Vm) -> PyObjectRef {
        vm.new_str_marked(self.s, self.marked)
    }
}

/// The bytes of a bytes-like argument (CPython's `y*` converter).
pub fn buffer_arg(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    crate::types::memoryview::bytes_like(o).ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(o)
        ))
    })
}

/// A bytes-like argument or a `str` (taken as UTF-8; CPython's `s*`).
pub fn buffer_or_str_arg(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(s) = o.downcast_ref::<PyStr>() {
        if s.has_surrogates() {
            return crate::modules::_codecs::encode(vm, s.as_str(), "utf-8", "strict", o);
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    buffer_arg(vm, o)
}

/// A `str` argument (`fname() argument N must be str, not T`).
pub fn str_arg<'a>(vm: &Vm, o: &'a PyObjectRef, fname: &str, n: usize) -> PyResult<&'a PyStr> {
    o.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            vm.type_name(o)
        ))
    })
}

/// The `errors` argument: `None` (or absent) means strict.
pub fn errors_arg<'a>(
    vm: &Vm,
    o: Option<&'a PyObjectRef>,
    fname: &str,
    n: usize,
) -> PyResult<&'a str> {
    match o {
        None => Ok("strict"),
        Some(o) if o.is(&vm.none) => Ok("strict"),
        Some(o) => o
            .downcast_ref::<PyStr>()
            .map(|s| s.as_str())
            .ok_or_else(|| {
                vm.new_type_error(format!(
                    "{fname}() argument {n} must be str or None, not {}",
                    vm.type_name(o)
                ))
            }),
    }
}

/// A `final`/flag argument (CPython's `bool(accept={int})`).
pub fn flag_arg(vm: &Vm, o: Option<&PyObjectRef>, default: bool) -> PyResult<bool> {
    match o {
        None => Ok(default),
        Some(o) => Ok(vm.index_isize(o)? != 0),
    }
}

/// An `int` argument (`byteorder`).
pub fn int_arg(vm: &Vm, o: Option<&PyObjectRef>) -> PyResult<i64> {
    match o {
        None => Ok(0),
        Some(o) => Ok(vm.index_isize(o)? as i64),
    }
}

/// The positional arguments of a `_codecs` function (at least one, at
/// most `MAX`, no keywords), with CPython's messages.
pub fn range_args<'a, const MAX: usize>(
    vm: &Vm,
    args: &crate::args::Args<'a>,
    fname: &str,
) -> PyResult<[Option<&'a PyObjectRef>; MAX]> {
    args.no_kwargs(vm, &format!("_codecs.{fname}"))?;
    args.range::<MAX>(vm, fname, 1)
}

pub fn bytes_obj(vm: &Vm, b: Vec<u8>) -> PyObjectRef {
    vm.alloc(PyBytes::new(b), &vm.types.bytes)
}

/// `(result, consumed)`.
pub fn pair(vm: &Vm, r: PyObjectRef, n: usize) -> PyObjectRef {
    vm.new_tuple(vec![r, vm.new_int(n as i64)])
}

/// Error handling for a decoder working on `data`.
pub struct Decoding<'a> {
    pub encoding: &'static str,
    pub errors: &'a str,
    pub data: &'a [u8],
    /// The `bytes` object the exceptions show, made on the first error
    /// and shared by the later ones.
    pub input: std::cell::RefCell<Option<PyObjectRef>>,
}

impl<'a> Decoding<'a> {
    pub fn new(encoding: &'static str, errors: &'a str, data: &'a [u8]) -> Self {
        Decoding {
            encoding,
            errors,
            data,
            input: std::cell::RefCell::new(None),
        }
    }

    fn error(&self, vm: &Vm, start: usize, end: usize, reason: &str) -> crate::PyBaseExceptionRef {
        let obj = self
            .input
            .borrow_mut()
            .get_or_insert_with(|| bytes_obj(vm, self.data.to_vec()))
            .clone();
        crate::modules::_codecs::decode_error_on(vm, self.encoding, &obj, start, end, reason)
    }

    /// Handle the undecodable bytes `[start, end)`: append the
    /// replacement and return the position to continue at.
    pub fn fail(
        &self,
        vm: &Vm,
        start: usize,
        end: usize,
        reason: &str,
        out: &mut Out,
    ) -> PyResult<usize> {
        match self.errors {
            "strict" => Err(self.error(vm, start, end, reason)),
            "ignore" => Ok(end),
            "replace" => {
                out.push(0xFFFD);
                Ok(end)
            }
            "backslashreplace" => {
                for b in &self.data[start..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(end)
            }
            other => {
                let exc = self.error(vm, start, end, reason);
                let (rep, pos, marked) = crate::modules::_codecs_registry::call_custom(
                    vm,
                    other,
                    exc.as_object(),
                    self.data.len(),
                    false,
                )?;
                out.push_text(&rep, marked);
                Ok(pos)
            }
        }
    }
}

/// What an encode error handler gives back.
pub enum Replacement {
    /// Text, to be encoded by the codec (must be encodable).
    Text(Vec<u32>),
    /// Bytes, written as they are.
    Bytes(Vec<u8>),
}

/// Handle the unencodable characters `[start, end)` of `obj` (whose code
/// points are `cps`): the replacement and the position to continue at.
#[allow(clippy::too_many_arguments)]
pub fn encode_fail(
    vm: &Vm,
    errors: &str,
    encoding: &str,
    obj: &PyObjectRef,
    cps: &[u32],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<(Replacement, usize)> {
    let text = |f: &dyn Fn(u32) -> String| {
        let s: String = cps[start..end].iter().map(|&c| f(c)).collect();
        Replacement::Text(s.chars().map(|c| c as u32).collect())
    };
    Ok(match errors {
        "strict" => {
            return Err(crate::modules::_codecs::encode_error(
                vm, encoding, obj, start, end, reason,
            ))
        }
        "ignore" => (Replacement::Text(Vec::new()), end),
        "replace" => (Replacement::Text(vec![b'?' as u32; end - start]), end),
        "backslashreplace" => (text(&crate::modules::_codecs::escape_cp), end),
        "xmlcharrefreplace" => (text(&|c| format!("&#{c};")), end),
        other => {
            let exc = crate::modules::_codecs::encode_error(vm, encoding, obj, start, end, reason);
            let h = crate::modules::_codecs_registry::lookup_error_handler(vm, &vm.new_str(other))?;
            let r = vm.call(&h, std::slice::from_ref(exc.as_object()))?;
            let bad =
                || vm.new_type_error("encoding error handler must return (str/bytes, int) tuple");
            let t = r
                .downcast_ref::<PyTuple>()
                .filter(|t| t.items.len() == 2)
                .ok_or_else(bad)?;
            let rep = if let Some(s) = t.items[0].downcast_ref::<PyStr>() {
                Replacement::Text(s.code_points().collect())
            } else if let Some(b) = t.items[0].downcast_ref::<PyBytes>() {
                Replacement::Bytes(b.data.to_vec())
            } else {
                return Err(bad());
            };
            let len = cps.len() as i64;
            let mut pos = crate::types::int::as_i64(&t.items[1]).ok_or_else(bad)?;
            if pos < 0 {
                pos += len;
            }
            if pos < 0 || pos > len {
                return Err(
                    vm.new_index_error(format!("position {pos} from error handler out of bounds"))
                );
            }
            (rep, pos as usize)
        }
    })
}

/// Issue a `DeprecationWarning` (invalid escapes in the escape codecs).
pub fn deprecation(vm: &Vm, msg: String) -> PyResult<()> {
    let w = vm.import_absolute("_warnings")?;
    let cat = vm.exc.DeprecationWarning.as_object().clone();
    vm.call_method(&w, "warn", &[vm.new_str(msg), cat, vm.new_int(1)])?;
    Ok(())
}

/// CPython re-raises a plain exception from a registry codec as the same
/// type with context: `encoding with 'hex' codec failed (Error: ...)`,
/// chained from the original. Exceptions with their own constructor,
/// several arguments, a non-str argument or instance attributes are left
/// alone (they may carry state the copy would lose).
pub fn wrap_codec_error(
    vm: &Vm,
    e: crate::PyBaseExceptionRef,
    encoding: &str,
    decoding: bool,
) -> crate::PyBaseExceptionRef {
    let wrapped = (|| -> PyResult<Option<crate::PyBaseExceptionRef>> {
        let obj = e.as_object();
        let cls = obj.class().clone();
        let (Some(t), Some(base)) = (
            crate::types::typeobj::as_type(&cls),
            crate::types::typeobj::as_type(vm.types.base_exception.as_object()),
        ) else {
            return Ok(None);
        };
        for name in ["__init__", "__new__"] {
            let n = vm.intern(name);
            match (t.ext.lookup(&n), base.ext.lookup(&n)) {
                (Some(a), Some(b)) if a.is(&b) => {}
                _ => return Ok(None),
            }
        }
        let args = e.args.borrow().clone();
        let simple = match args.downcast_ref::<PyTuple>() {
            Some(t) => {
                t.items.is_empty()
                    || (t.items.len() == 1 && t.items[0].class().is(vm.types.str.as_object()))
            }
            None => false,
        };
        if !simple {
            return Ok(None);
        }
        if let Some(d) = vm.get_attr_opt(obj, &vm.intern("__dict__"))? {
            if d.downcast_ref::<crate::types::dict::PyDict>()
                .is_some_and(|d| d.len() > 0)
            {
                return Ok(None);
            }
        }
        let msg = format!(
            "{} with '{encoding}' codec failed ({}: {})",
            if decoding { "decoding" } else { "encoding" },
            vm.type_name(obj),
            vm.str_string(obj)?
        );
        let new = vm.call(&cls, &[vm.new_str(msg)])?;
        let Ok(new) = new.downcast::<crate::types::exceptions::PyBaseException>() else {
            return Ok(None);
        };
        *new.cause.borrow_mut() = Some(obj.clone());
        new.suppress_context.set(true);
        Ok(Some(new))
    })();
    match wrapped {
        Ok(Some(n)) => n,
        _ => e,
    }
}
