//! `str`: construction, the sequence and comparison protocol (`__getitem__`,
//! `__iter__`, `__contains__`, `+`, `*`, `%`, comparisons, `__hash__`) and
//! the `str_ascii_iterator`. Searching, splitting and padding methods are in
//! `str_search.rs`; case mapping and predicates in `str_case.rs`; `format`
//! in `str_format.rs`; `%` in `printf.rs`.
//! Indexes are code points; ASCII strings (byte index = char index) take
//! the fast paths. Mirrors CPython 3.11 `Objects/unicodeobject.c`.

use super::bytes::{PyByteArray, PyBytes};
use super::int::{IntVal, PyInt};
use super::iter::PyStrIter;
use super::slice::{adjust_indices, PySlice};
use super::str::PyStr;
use super::typeobj::class_of;
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::types::descr::TypeDocs;
use crate::{PyObjectRef, PyResult, Vm};

/// The `str` payload of `o`, if it is a str (or subclass instance).
#[inline]
pub fn pystr(o: &PyObjectRef) -> Option<&PyStr> {
    o.downcast_ref::<PyStr>()
}

/// `self` of a str method.
pub fn self_str<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyStr> {
    let pos = args.pos();
    match pos.first() {
        Some(o) => o.downcast_ref::<PyStr>().ok_or_else(|| {
            vm.new_type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                vm.type_name(o)
            ))
        }),
        None => Err(vm.new_type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

/// `self` plus exactly one argument of a METH_O method, with CPython's
/// "str.join() takes exactly one argument (0 given)" message.
pub fn one_arg<'a>(vm: &Vm, args: &Args<'a>, qualname: &str) -> PyResult<&'a [PyObjectRef; 2]> {
    args.no_kwargs(vm, qualname)?;
    let pos = args.pos();
    pos.try_into().map_err(|_| {
        vm.new_type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            pos.len().saturating_sub(1)
        ))
    })
}

/// Check `cls` of `T.__new__(cls, ...)` is a subtype of `base`.
pub fn check_new_cls(vm: &Vm, cls: &PyObjectRef, base: &PyObjectRef, tname: &str) -> PyResult<()> {
    if super::typeobj::as_type(cls).is_none() {
        return Err(vm.new_type_error(format!(
            "{tname}.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    }
    if !super::typeobj::is_subtype(cls, base) {
        let n = super::typeobj::as_type(cls)
            .map(|t| t.ext.name())
            .unwrap_or_default();
        return Err(vm.new_type_error(format!(
            "{tname}.__new__({n}): {n} is not a subtype of {tname}"
        )));
    }
    Ok(())
}

/// A Python int (via `__index__`) clamped to `isize`, as CPython's
/// `_PyEval_SliceIndex` does for slice bounds.
pub fn clamp_index(vm: &Vm, o: &PyObjectRef) -> PyResult<isize> {
    let i = vm.index(o)?;
    Ok(match i.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(v)) => (*v).clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        Some(v) if v.is_negative() => isize::MIN,
        _ => isize::MAX,
    })
}

/// An optional slice bound (`None` allowed) for `find`/`count`/...
pub fn opt_slice_index(vm: &Vm, o: Option<&PyObjectRef>) -> PyResult<Option<isize>> {
    match o {
        None => Ok(None),
        Some(o) if o.is(&vm.none) => Ok(None),
        Some(o) => {
            if o.downcast_ref::<PyInt>().is_none()
                && class_of(o).ext.lookup(&vm.names.__index__).is_none()
            {
                return Err(vm.new_type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ));
            }
            clamp_index(vm, o).map(Some)
        }
    }
}

/// CPython's `ADJUST_INDICES`: clamp `[start, end)` to a sequence of `len`.
pub fn adjust_range(start: Option<isize>, end: Option<isize>, len: usize) -> (isize, isize) {
    let len = len as isize;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(isize::MAX);
    if e > len {
        e = len;
    } else if e < 0 {
        e += len;
        if e < 0 {
            e = 0;
        }
    }
    if s < 0 {
        s += len;
        if s < 0 {
            s = 0;
        }
    }
    (s, e)
}

/// An integer argument that must fit `isize` ("cannot fit 'int' into an
/// index-sized integer" as OverflowError).
pub fn arg_isize(vm: &Vm, o: &PyObjectRef) -> PyResult<isize> {
    let i = vm.index(o)?;
    match i.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(v)) => Ok(*v as isize),
        _ => Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// `slice.indices(len)` for a slice object: (start, stop, step, length).
pub fn slice_indices(vm: &Vm, sl: &PySlice, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let step = if sl.step.is(&vm.none) {
        1
    } else {
        let s = slice_bound(vm, &sl.step)?;
        if s == 0 {
            return Err(vm.new_value_error("slice step cannot be zero"));
        }
        s.max(-isize::MAX)
    };
    let start = if sl.start.is(&vm.none) {
        None
    } else {
        Some(slice_bound(vm, &sl.start)?)
    };
    let stop = if sl.stop.is(&vm.none) {
        None
    } else {
        Some(slice_bound(vm, &sl.stop)?)
    };
    Ok(adjust_indices(len as isize, start, stop, step))
}

fn slice_bound(vm: &Vm, o: &PyObjectRef) -> PyResult<isize> {
    if o.downcast_ref::<PyInt>().is_none() && class_of(o).ext.lookup(&vm.names.__index__).is_none()
    {
        return Err(
            vm.new_type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    clamp_index(vm, o)
}

/// A `str` result of a method: exact `str` type.
pub fn new_str(vm: &Vm, s: String) -> PyObjectRef {
    vm.new_str(s)
}

// ---------------------------------------------------------------- __new__

fn str_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let cls = pos
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("str.__new__(): not enough arguments"))?;
    check_new_cls(vm, &cls, vm.types.str.as_object(), "str")?;
    let rest = Args::new(&args.all[1..], args.kwnames);
    let [obj, encoding, errors] =
        rest.bind(vm, "str", ["object", "encoding", "errors"], 0, 0, 3)?;
    let text: PyObjectRef = match (obj, encoding.is_some() || errors.is_some()) {
        (None, _) => vm.empty_str.clone(),
        (Some(o), false) => vm.str(o)?.into_object(),
        (Some(o), true) => {
            let enc = match encoding {
                Some(e) => Some(pystr(e).ok_or_else(|| {
                    vm.new_type_error(format!(
                        "str() argument 'encoding' must be str, not {}",
                        vm.type_name(e)
                    ))
                })?),
                None => None,
            };
            let err = match errors {
                Some(e) => Some(pystr(e).ok_or_else(|| {
                    vm.new_type_error(format!(
                        "str() argument 'errors' must be str, not {}",
                        vm.type_name(e)
                    ))
                })?),
                None => None,
            };
            let data: Vec<u8> = if let Some(b) = o.downcast_ref::<PyBytes>() {
                b.data.to_vec()
            } else if let Some(b) = o.downcast_ref::<PyByteArray>() {
                b.data.borrow().clone()
            } else if pystr(o).is_some() {
                return Err(vm.new_type_error("decoding str is not supported"));
            } else {
                return Err(vm.new_type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    vm.type_name(o)
                )));
            };
            crate::modules::_codecs::decode_str(
                vm,
                &data,
                enc.map(|e| e.as_str()).unwrap_or("utf-8"),
                err.map(|e| e.as_str()).unwrap_or("strict"),
                o,
            )?
        }
    };
    if cls.is(vm.types.str.as_object()) {
        return Ok(text);
    }
    let (s, marked) = pystr(&text)
        .map(|s| (s.as_str().to_string(), s.has_surrogates()))
        .unwrap_or_default();
    Ok(vm
        .try_alloc(PyStr::new_marked(s, marked), &cls)?
        .into_object())
}

// -------------------------------------------------------- sequence protocol

fn str_len(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "__len__")?;
    Ok(vm.new_int(s.char_len() as i64))
}

fn str_str(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "__str__")?;
    if class_of(&args.pos()[0]).ext.heap {
        return Ok(vm.new_str_marked(s.as_str(), s.has_surrogates()));
    }
    Ok(args.pos()[0].clone())
}

fn str_hash(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "__hash__")?;
    Ok(vm.new_int(s.hash()))
}

/// One-character string (cached for Latin-1 by `vm.new_str`).
fn char_str(vm: &Vm, c: char) -> PyObjectRef {
    let mut b = [0u8; 4];
    vm.new_str(&*c.encode_utf8(&mut b))
}

/// One character taken from `s` (a lone surrogate stays one).
fn char_of(vm: &Vm, s: &PyStr, c: char) -> PyObjectRef {
    if s.has_surrogates() {
        let mut b = [0u8; 4];
        return vm.new_str_marked(&*c.encode_utf8(&mut b), true);
    }
    char_str(vm, c)
}

/// `s[start:stop:step]` over code points.
pub fn str_slice(s: &PyStr, start: isize, step: isize, n: usize) -> String {
    if n == 0 {
        return String::new();
    }
    if step == 1 {
        let a = start as usize;
        return s.substr(a, a + n).to_string();
    }
    let mut out = String::with_capacity(n);
    if s.is_ascii() {
        let b = s.as_str().as_bytes();
        let mut i = start;
        for _ in 0..n {
            out.push(b[i as usize] as char);
            i += step;
        }
    } else {
        let cs: Vec<char> = s.as_str().chars().collect();
        let mut i = start;
        for _ in 0..n {
            out.push(cs[i as usize]);
            i += step;
        }
    }
    out
}

fn str_getitem(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "__getitem__")?;
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(vm.new_type_error(format!("expected 1 argument, got {}", pos.len() - 1)));
    }
    let key = &pos[1];
    if let Some(sl) = key.downcast_ref::<PySlice>() {
        let (start, _, step, n) = slice_indices(vm, sl, s.char_len())?;
        if n == s.char_len() && step == 1 && !class_of(&pos[0]).ext.heap {
            return Ok(pos[0].clone());
        }
        return Ok(vm.new_str_marked(str_slice(s, start, step, n), s.has_surrogates()));
    }
    if key.downcast_ref::<PyInt>().is_none()
        && class_of(key).ext.lookup(&vm.names.__index__).is_none()
    {
        return Err(vm.new_type_error(format!(
            "string indices must be integers, not '{}'",
            vm.type_name(key)
        )));
    }
    let i = vm.index_isize(key)?;
    let n = s.char_len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("string index out of range"));
    }
    Ok(char_of(vm, s, s.char_at(j as usize)))
}

fn str_iter(vm: &Vm, args: Args) -> PyResult {
    self_str(vm, &args, "__iter__")?;
    Ok(vm.alloc(
        PyStrIter {
            s: args.pos()[0].clone(),
            pos: 0.into(),
        },
        &vm.types.str_iterator,
    ))
}

fn str_iter_next(vm: &Vm, args: Args) -> PyResult {
    let [it] = args.exact::<1>(vm, "__next__")?;
    let it = it
        .downcast_ref::<PyStrIter>()
        .ok_or_else(|| vm.new_type_error("expected str_iterator"))?;
    let marked = pystr(&it.s).is_some_and(|s| s.has_surrogates());
    let s = pystr(&it.s).map(|s| s.as_str()).unwrap_or("");
    let p = it.pos.get();
    match s[p.min(s.len())..].chars().next() {
        Some(c) => {
            it.pos.set(p + c.len_utf8());
            if marked {
                let mut b = [0u8; 4];
                return Ok(vm.new_str_marked(&*c.encode_utf8(&mut b), true));
            }
            Ok(char_str(vm, c))
        }
        None => {
            it.pos.set(s.len());
            Err(vm.new_stop_iteration(None))
        }
    }
}

fn str_iter_iter(vm: &Vm, args: Args) -> PyResult {
    let [it] = args.exact::<1>(vm, "__iter__")?;
    Ok(it.clone())
}

fn str_iter_length_hint(vm: &Vm, args: Args) -> PyResult {
    let [it] = args.exact::<1>(vm, "__length_hint__")?;
    let it = it
        .downcast_ref::<PyStrIter>()
        .ok_or_else(|| vm.new_type_error("expected str_iterator"))?;
    let s = pystr(&it.s).map(|s| s.as_str()).unwrap_or("");
    Ok(vm.new_int(s[it.pos.get().min(s.len())..].chars().count() as i64))
}

fn str_contains(vm: &Vm, args: Args) -> PyResult {
    let [o, item] = args.exact::<2>(vm, "__contains__")?;
    let s = pystr(o).ok_or_else(|| vm.new_type_error("expected str"))?;
    let sub = pystr(item).ok_or_else(|| {
        vm.new_type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(item)
        ))
    })?;
    Ok(vm.new_bool(s.as_str().contains(sub.as_str())))
}

fn str_add(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__add__")?;
    let x = pystr(a).ok_or_else(|| vm.new_type_error("expected str"))?;
    let Some(y) = pystr(b) else {
        // CPython's str has no nb_add: the other operand's __radd__ runs
        // first, then sequence concatenation raises.
        if class_of(b).ext.heap && class_of(b).ext.lookup(&vm.intern("__radd__")).is_some() {
            let r = vm.call_method(b, "__radd__", &[a.clone()])?;
            if !r.is(&vm.not_implemented) {
                return Ok(r);
            }
        }
        return Err(vm.new_type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            vm.type_name(b)
        )));
    };
    if y.as_str().is_empty() && !class_of(a).ext.heap {
        return Ok(a.clone());
    }
    if x.as_str().is_empty() && !class_of(b).ext.heap {
        return Ok(b.clone());
    }
    let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
    s.push_str(x.as_str());
    s.push_str(y.as_str());
    Ok(vm.new_str_marked(s, x.has_surrogates() || y.has_surrogates()))
}

/// The repeat count of `seq * n`, or the "can't multiply" error.
pub fn repeat_count(vm: &Vm, n: &PyObjectRef) -> PyResult<Option<isize>> {
    if n.downcast_ref::<PyInt>().is_none() && class_of(n).ext.lookup(&vm.names.__index__).is_none()
    {
        if class_of(n).ext.heap && class_of(n).ext.lookup(&vm.intern("__rmul__")).is_some() {
            return Ok(None);
        }
        return Err(vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    }
    let i = vm.index(n)?;
    match i.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(v)) => Ok(Some((*v).max(0) as isize)),
        Some(v) if v.is_negative() => Ok(Some(0)),
        _ => Err(vm.new_overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            vm.type_name(n)
        ))),
    }
}

fn str_mul(vm: &Vm, args: Args) -> PyResult {
    let [a, n] = args.exact::<2>(vm, "__mul__")?;
    let s = pystr(a).ok_or_else(|| vm.new_type_error("expected str"))?;
    let Some(k) = repeat_count(vm, n)? else {
        return Ok(vm.not_implemented.clone());
    };
    if k == 1 && !class_of(a).ext.heap {
        return Ok(a.clone());
    }
    let len = s.as_str().len();
    if len > 0
        && (k as usize)
            .checked_mul(len)
            .map_or(true, |t| t > isize::MAX as usize / 4)
    {
        return Err(vm.new_memory_error());
    }
    Ok(vm.new_str_marked(s.as_str().repeat(k as usize), s.has_surrogates()))
}

fn str_mod(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__mod__")?;
    let s = pystr(a).ok_or_else(|| vm.new_type_error("expected str"))?;
    let out = super::printf::format_str(vm, s.as_str(), b)?;
    // Lone surrogates come from the format, a str argument (or a value of
    // a mapping argument) or `%c`.
    let marked = s.has_surrogates()
        || super::str::any_marked(b)
        || ((s.as_str().contains('c') || b.downcast_ref::<super::dict::PyDict>().is_some())
            && pyrite_bytecode::surrogate::has_stand_in(&out));
    Ok(vm.new_str_marked(out, marked))
}

fn str_rmod(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented.clone())
}

fn compare(vm: &Vm, args: Args, op: CompareOp) -> PyResult {
    let [a, b] = args.exact::<2>(
        vm,
        op.dunder(vm)
            .downcast_ref::<PyStr>()
            .map(|s| s.as_str())
            .unwrap_or("?"),
    )?;
    let (Some(x), Some(y)) = (pystr(a), pystr(b)) else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(op.eval_ord(x.text_cmp(y))))
}

fn str_eq(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Eq)
}
fn str_ne(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Ne)
}
fn str_lt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Lt)
}
fn str_le(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Le)
}
fn str_gt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Gt)
}
fn str_ge(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Ge)
}

fn str_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![vm.new_str_marked(s.as_str(), s.has_surrogates())]))
}

fn str_sizeof(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "__sizeof__")?;
    // PyASCIIObject (48) or PyCompactUnicodeObject (72), then the
    // characters plus a terminator at the string's kind width.
    let (base, width) = if s.is_ascii() {
        (48, 1)
    } else {
        (72, s.kind() as usize)
    };
    Ok(vm.new_int((base + (s.char_len() + 1) * width) as i64))
}

fn str_encode(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "encode")?;
    let [encoding, errors] = args
        .shift()
        .bind(vm, "encode", ["encoding", "errors"], 0, 0, 2)?;
    let enc = match encoding {
        Some(e) => pystr(e)
            .ok_or_else(|| {
                vm.new_type_error(format!(
                    "encode() argument 'encoding' must be str, not {}",
                    vm.type_name(e)
                ))
            })?
            .as_str(),
        None => "utf-8",
    };
    let err = match errors {
        Some(e) => pystr(e)
            .ok_or_else(|| {
                vm.new_type_error(format!(
                    "encode() argument 'errors' must be str, not {}",
                    vm.type_name(e)
                ))
            })?
            .as_str(),
        None => "strict",
    };
    let b = crate::modules::_codecs::encode(vm, s.as_str(), enc, err, &args.pos()[0])?;
    Ok(vm.alloc(PyBytes::new(b), &vm.types.bytes))
}

/// Docstrings of `str` and its methods (CPython's texts).
pub(crate) const STR_DOCS: TypeDocs = TypeDocs {
    doc: "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if defined)\nor repr(object).\nencoding defaults to sys.getdefaultencoding().\nerrors defaults to 'strict'.",
    members: &[
        ("encode", "encode($self, /, encoding='utf-8', errors='strict')\n--\n\nEncode the string using the codec registered for encoding.\n\n  encoding\n    The encoding in which to encode the string.\n  errors\n    The error handling scheme to use for encoding errors.\n    The default is 'strict' meaning that encoding errors raise a\n    UnicodeEncodeError.  Other possible values are 'ignore', 'replace' and\n    'xmlcharrefreplace' as well as any other name registered with\n    codecs.register_error that can handle UnicodeEncodeErrors."),
        ("replace", "replace($self, old, new, count=-1, /)\n--\n\nReturn a copy with all occurrences of substring old replaced by new.\n\n  count\n    Maximum number of occurrences to replace.\n    -1 (the default value) means replace all occurrences.\n\nIf the optional argument count is given, only the first count occurrences are\nreplaced."),
        ("split", "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string.\n\n  sep\n    The separator used to split the string.\n\n    When set to None (the default value), will split on any whitespace\n    character (including \\n \\r \\t \\f and spaces) and will discard\n    empty strings from the result.\n  maxsplit\n    Maximum number of splits (starting from the left).\n    -1 (the default value) means no limit.\n\nNote, str.split() is mainly useful for data that has been intentionally\ndelimited.  With natural text that includes punctuation, consider using\nthe regular expression module."),
        ("rsplit", "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string.\n\n  sep\n    The separator used to split the string.\n\n    When set to None (the default value), will split on any whitespace\n    character (including \\n \\r \\t \\f and spaces) and will discard\n    empty strings from the result.\n  maxsplit\n    Maximum number of splits (starting from the left).\n    -1 (the default value) means no limit.\n\nSplitting starts at the end of the string and works to the front."),
        ("join", "join($self, iterable, /)\n--\n\nConcatenate any number of strings.\n\nThe string whose method is called is inserted in between each given string.\nThe result is returned as a new string.\n\nExample: '.'.join(['ab', 'pq', 'rs']) -> 'ab.pq.rs'"),
        ("capitalize", "capitalize($self, /)\n--\n\nReturn a capitalized version of the string.\n\nMore specifically, make the first character have upper case and the rest lower\ncase."),
        ("casefold", "casefold($self, /)\n--\n\nReturn a version of the string suitable for caseless comparisons."),
        ("title", "title($self, /)\n--\n\nReturn a version of the string where each word is titlecased.\n\nMore specifically, words start with uppercased characters and all remaining\ncased characters have lower case."),
        ("center", "center($self, width, fillchar=' ', /)\n--\n\nReturn a centered string of length width.\n\nPadding is done using the specified fill character (default is a space)."),
        ("count", "S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of substring sub in\nstring S[start:end].  Optional arguments start and end are\ninterpreted as in slice notation."),
        ("expandtabs", "expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces.\n\nIf tabsize is not given, a tab size of 8 characters is assumed."),
        ("find", "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."),
        ("partition", "partition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator.\n\nThis will search for the separator in the string.  If the separator is found,\nreturns a 3-tuple containing the part before the separator, the separator\nitself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing the original string\nand two empty strings."),
        ("index", "S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the substring is not found."),
        ("ljust", "ljust($self, width, fillchar=' ', /)\n--\n\nReturn a left-justified string of length width.\n\nPadding is done using the specified fill character (default is a space)."),
        ("lower", "lower($self, /)\n--\n\nReturn a copy of the string converted to lowercase."),
        ("lstrip", "lstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead."),
        ("rfind", "S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."),
        ("rindex", "S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the substring is not found."),
        ("rjust", "rjust($self, width, fillchar=' ', /)\n--\n\nReturn a right-justified string of length width.\n\nPadding is done using the specified fill character (default is a space)."),
        ("rstrip", "rstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with trailing whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead."),
        ("rpartition", "rpartition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator.\n\nThis will search for the separator in the string, starting at the end. If\nthe separator is found, returns a 3-tuple containing the part before the\nseparator, the separator itself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing two empty strings\nand the original string."),
        ("splitlines", "splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the string, breaking at line boundaries.\n\nLine breaks are not included in the resulting list unless keepends is given and\ntrue."),
        ("strip", "strip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading and trailing whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead."),
        ("swapcase", "swapcase($self, /)\n--\n\nConvert uppercase characters to lowercase and lowercase characters to uppercase."),
        ("translate", "translate($self, table, /)\n--\n\nReplace each character in the string using the given translation table.\n\n  table\n    Translation table, which must be a mapping of Unicode ordinals to\n    Unicode ordinals, strings, or None.\n\nThe table must implement lookup/indexing via __getitem__, for instance a\ndictionary or list.  If this operation raises LookupError, the character is\nleft untouched.  Characters mapped to None are deleted."),
        ("upper", "upper($self, /)\n--\n\nReturn a copy of the string converted to uppercase."),
        ("startswith", "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if S starts with the specified prefix, False otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\nprefix can also be a tuple of strings to try."),
        ("endswith", "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if S ends with the specified suffix, False otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\nsuffix can also be a tuple of strings to try."),
        ("removeprefix", "removeprefix($self, prefix, /)\n--\n\nReturn a str with the given prefix string removed if present.\n\nIf the string starts with the prefix string, return string[len(prefix):].\nOtherwise, return a copy of the original string."),
        ("removesuffix", "removesuffix($self, suffix, /)\n--\n\nReturn a str with the given suffix string removed if present.\n\nIf the string ends with the suffix string and that suffix is not empty,\nreturn string[:-len(suffix)]. Otherwise, return a copy of the original\nstring."),
        ("isascii", "isascii($self, /)\n--\n\nReturn True if all characters in the string are ASCII, False otherwise.\n\nASCII characters have code points in the range U+0000-U+007F.\nEmpty string is ASCII too."),
        ("islower", "islower($self, /)\n--\n\nReturn True if the string is a lowercase string, False otherwise.\n\nA string is lowercase if all cased characters in the string are lowercase and\nthere is at least one cased character in the string."),
        ("isupper", "isupper($self, /)\n--\n\nReturn True if the string is an uppercase string, False otherwise.\n\nA string is uppercase if all cased characters in the string are uppercase and\nthere is at least one cased character in the string."),
        ("istitle", "istitle($self, /)\n--\n\nReturn True if the string is a title-cased string, False otherwise.\n\nIn a title-cased string, upper- and title-case characters may only\nfollow uncased characters and lowercase characters only cased ones."),
        ("isspace", "isspace($self, /)\n--\n\nReturn True if the string is a whitespace string, False otherwise.\n\nA string is whitespace if all characters in the string are whitespace and there\nis at least one character in the string."),
        ("isdecimal", "isdecimal($self, /)\n--\n\nReturn True if the string is a decimal string, False otherwise.\n\nA string is a decimal string if all characters in the string are decimal and\nthere is at least one character in the string."),
        ("isdigit", "isdigit($self, /)\n--\n\nReturn True if the string is a digit string, False otherwise.\n\nA string is a digit string if all characters in the string are digits and there\nis at least one character in the string."),
        ("isnumeric", "isnumeric($self, /)\n--\n\nReturn True if the string is a numeric string, False otherwise.\n\nA string is numeric if all characters in the string are numeric and there is at\nleast one character in the string."),
        ("isalpha", "isalpha($self, /)\n--\n\nReturn True if the string is an alphabetic string, False otherwise.\n\nA string is alphabetic if all characters in the string are alphabetic and there\nis at least one character in the string."),
        ("isalnum", "isalnum($self, /)\n--\n\nReturn True if the string is an alpha-numeric string, False otherwise.\n\nA string is alpha-numeric if all characters in the string are alpha-numeric and\nthere is at least one character in the string."),
        ("isidentifier", "isidentifier($self, /)\n--\n\nReturn True if the string is a valid Python identifier, False otherwise.\n\nCall keyword.iskeyword(s) to test whether string s is a reserved identifier,\nsuch as \"def\" or \"class\"."),
        ("isprintable", "isprintable($self, /)\n--\n\nReturn True if the string is printable, False otherwise.\n\nA string is printable if all of its characters are considered printable in\nrepr() or if it is empty."),
        ("zfill", "zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width.\n\nThe string is never truncated."),
        ("format", "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using substitutions from args and kwargs.\nThe substitutions are identified by braces ('{' and '}')."),
        ("format_map", "S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions from mapping.\nThe substitutions are identified by braces ('{' and '}')."),
        ("__format__", "__format__($self, format_spec, /)\n--\n\nReturn a formatted version of the string as described by format_spec."),
        ("maketrans", "maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)\n--\n\nReturn a translation table usable for str.translate().\n\nIf there is only one argument, it must be a dictionary mapping Unicode\nordinals (integers) or characters to Unicode ordinals, strings or None.\nCharacter keys will be then converted to ordinals.\nIf there are two arguments, they must be strings of equal length, and\nin the resulting dictionary, each character in x will be mapped to the\ncharacter at the same position in y. If there is a third argument, it\nmust be a string, whose characters will be mapped to None in the result."),
        ("__sizeof__", "__sizeof__($self, /)\n--\n\nReturn the size of the string in memory, in bytes."),
    ],
};

/// Register the core `str` methods and the str iterator.
pub fn init(vm: &Vm) {
    let t = &vm.types.str;
    vm.add_staticmethod(t, "__new__", str_new);
    vm.add_method(t, "__str__", str_str);
    vm.add_method(t, "__len__", str_len);
    vm.add_method(t, "__hash__", str_hash);
    vm.add_method(t, "__getitem__", str_getitem);
    vm.add_method(t, "__iter__", str_iter);
    vm.add_method(t, "__contains__", str_contains);
    vm.add_method(t, "__add__", str_add);
    vm.add_method(t, "__mul__", str_mul);
    vm.add_method(t, "__rmul__", str_mul);
    vm.add_method(t, "__mod__", str_mod);
    vm.add_method(t, "__rmod__", str_rmod);
    vm.add_method(t, "__eq__", str_eq);
    vm.add_method(t, "__ne__", str_ne);
    vm.add_method(t, "__lt__", str_lt);
    vm.add_method(t, "__le__", str_le);
    vm.add_method(t, "__gt__", str_gt);
    vm.add_method(t, "__ge__", str_ge);
    vm.add_method(t, "__getnewargs__", str_getnewargs);
    vm.add_method(t, "__sizeof__", str_sizeof);
    vm.add_method(t, "encode", str_encode);
    let it = &vm.types.str_iterator;
    vm.add_method(it, "__next__", str_iter_next);
    vm.add_method(it, "__iter__", str_iter_iter);
    vm.add_method(it, "__length_hint__", str_iter_length_hint);
    super::str_case::init(vm);
    super::str_search::init(vm);
    super::str_format::init(vm);
    crate::modules::_codecs::init_unicode_errors(vm);
    vm.set_docs(&vm.types.str, &STR_DOCS);
}
