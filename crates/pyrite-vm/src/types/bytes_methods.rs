//! `bytes` and `bytearray`: construction, `repr`, the sequence protocol
//! (indexing, slicing, `in`, `+`, `*`, `%`, comparisons, `__hash__`),
//! `decode`, `hex`/`fromhex`, and bytearray's mutators (`append`, `extend`,
//! slice assignment, `del`, `+=`, `*=`, ...). The str-like methods shared by
//! both types are in `bytes_ops.rs`.
//! Mirrors CPython 3.11 `Objects/bytesobject.c` and `Objects/bytearrayobject.c`.

use super::bytes::{PyByteArray, PyBytes};
use super::int::{IntVal, PyInt};
use super::slice::PySlice;
use super::str::PyStr;
use super::str_methods::{repeat_count, slice_indices};
use super::typeobj::class_of;
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::types::descr::TypeDocs;
use crate::{PyObjectRef, PyResult, Vm};

/// The bytes of a bytes-like object (bytes, bytearray, or anything with a
/// `tobytes()` buffer export such as memoryview), copied.
pub fn buffer_of(vm: &Vm, o: &PyObjectRef) -> PyResult<Option<Vec<u8>>> {
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Ok(Some(b.data.to_vec()));
    }
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        return Ok(Some(b.data.borrow().clone()));
    }
    if &*vm.type_name(o) == "memoryview" {
        let r = vm.call_method(o, "tobytes", &[])?;
        return Ok(r.downcast_ref::<PyBytes>().map(|b| b.data.to_vec()));
    }
    Ok(None)
}

/// A bytes-like argument or "a bytes-like object is required, not 'X'".
pub fn need_buffer(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    buffer_of(vm, o)?.ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(o)
        ))
    })
}

/// The data of a bytes or bytearray `self`.
pub fn self_data(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        return Ok(b.data.borrow().clone());
    }
    Err(vm.new_type_error(format!(
        "descriptor requires a 'bytes' object but received a '{}'",
        vm.type_name(o)
    )))
}

pub fn is_bytearray(o: &PyObjectRef) -> bool {
    o.downcast_ref::<PyByteArray>().is_some()
}

pub fn new_bytes(vm: &Vm, d: Vec<u8>) -> PyObjectRef {
    vm.alloc(PyBytes::new(d), &vm.types.bytes)
}

pub fn new_bytearray(vm: &Vm, d: Vec<u8>) -> PyObjectRef {
    vm.alloc(
        PyByteArray {
            data: d.into(),
            exports: 0.into(),
        },
        &vm.types.bytearray,
    )
}

/// A result of the same kind (bytes or bytearray) as `like`.
pub fn same_kind(vm: &Vm, like: &PyObjectRef, d: Vec<u8>) -> PyObjectRef {
    if is_bytearray(like) {
        new_bytearray(vm, d)
    } else {
        new_bytes(vm, d)
    }
}

/// A value 0..=255 from an int-like ("byte must be in range(0, 256)").
pub fn byte_value(vm: &Vm, o: &PyObjectRef) -> PyResult<u8> {
    let i = vm.index(o)?;
    match i.downcast_ref::<PyInt>().and_then(|i| i.value.as_i64()) {
        Some(v) if (0..256).contains(&v) => Ok(v as u8),
        _ => Err(vm.new_value_error("byte must be in range(0, 256)")),
    }
}

/// `repr` of byte data: `b'...'` with CPython's escapes and quote choice.
pub fn bytes_repr(d: &[u8]) -> String {
    repr_quoted(d, false)
}

/// `bytes`/`bytearray` repr body; bytearray always escapes `'` (CPython's
/// `bytearray_repr` quirk), even inside double quotes.
pub fn repr_quoted(d: &[u8], always_escape_single: bool) -> String {
    let quote = if d.contains(&b'\'') && !d.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(d.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in d {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\'' if always_escape_single => out.push_str("\\'"),
            _ if b as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Bytes from the constructor arguments `(source, encoding, errors)`.
fn from_source(
    vm: &Vm,
    src: Option<&PyObjectRef>,
    enc: Option<&PyObjectRef>,
    err: Option<&PyObjectRef>,
    tname: &str,
    allow_dunder: bool,
) -> PyResult<Vec<u8>> {
    let Some(src) = src else {
        if enc.is_some() || err.is_some() {
            return Err(vm.new_type_error(if enc.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = src.downcast_ref::<PyStr>() {
        let Some(e) = enc else {
            return Err(vm.new_type_error("string argument without an encoding"));
        };
        let e = e.downcast_ref::<PyStr>().ok_or_else(|| {
            vm.new_type_error(format!(
                "{tname}() argument 'encoding' must be str, not {}",
                vm.type_name(e)
            ))
        })?;
        let errs = match err {
            Some(x) => x
                .downcast_ref::<PyStr>()
                .ok_or_else(|| {
                    vm.new_type_error(format!(
                        "{tname}() argument 'errors' must be str, not {}",
                        vm.type_name(x)
                    ))
                })?
                .as_str()
                .to_string(),
            None => "strict".to_string(),
        };
        return crate::modules::_codecs::encode(vm, s.as_str(), e.as_str(), &errs, src);
    }
    if enc.is_some() {
        return Err(vm.new_type_error("encoding without a string argument"));
    }
    if err.is_some() {
        return Err(vm.new_type_error("errors without a string argument"));
    }
    if allow_dunder {
        if let Some(r) = vm.call_special(src, &vm.intern("__bytes__"), &[])? {
            return match r.downcast_ref::<PyBytes>() {
                Some(b) => Ok(b.data.to_vec()),
                None => Err(vm.new_type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
    }
    if let Some(d) = buffer_of(vm, src)? {
        return Ok(d);
    }
    if src.downcast_ref::<PyInt>().is_some()
        || class_of(src).ext.lookup(&vm.names.__index__).is_some()
    {
        let i = vm.index(src)?;
        return match i.downcast_ref::<PyInt>().map(|i| &i.value) {
            Some(IntVal::Small(n)) if *n < 0 => Err(vm.new_value_error("negative count")),
            Some(IntVal::Small(n)) if *n <= (1 << 40) => Ok(vec![0; *n as usize]),
            Some(v) if v.is_negative() => Err(vm.new_value_error("negative count")),
            _ => Err(vm.new_overflow_error("cannot fit 'int' into an index-sized integer")),
        };
    }
    let it = match vm.iter(src) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, &vm.exc.TypeError) => {
            return Err(vm.new_type_error(format!(
                "cannot convert '{}' object to {tname}",
                vm.type_name(src)
            )));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        let i = vm.index(&x)?;
        match i.downcast_ref::<PyInt>().and_then(|i| i.value.as_i64()) {
            Some(v) if (0..256).contains(&v) => out.push(v as u8),
            _ => return Err(vm.new_value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

fn bytes_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("bytes.__new__(): not enough arguments"))?;
    super::str_methods::check_new_cls(vm, &cls, vm.types.bytes.as_object(), "bytes")?;
    let rest = Args::new(&args.all[1..], args.kwnames);
    let [src, enc, err] = rest.bind(vm, "bytes", ["source", "encoding", "errors"], 0, 0, 3)?;
    if let (Some(s), None, None) = (src, enc, err) {
        if s.class().is(vm.types.bytes.as_object()) && cls.is(vm.types.bytes.as_object()) {
            return Ok(s.clone());
        }
    }
    let d = from_source(vm, src, enc, err, "bytes", true)?;
    if cls.is(vm.types.bytes.as_object()) {
        return Ok(new_bytes(vm, d));
    }
    Ok(vm.try_alloc(PyBytes::new(d), &cls)?.into_object())
}

fn bytearray_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("bytearray.__new__(): not enough arguments"))?;
    super::str_methods::check_new_cls(vm, &cls, vm.types.bytearray.as_object(), "bytearray")?;
    Ok(vm.try_alloc(PyByteArray::default(), &cls)?.into_object())
}

fn bytearray_init(vm: &Vm, args: Args) -> PyResult {
    let me = args
        .pos()
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("__init__ needs self"))?;
    let rest = Args::new(&args.all[1..], args.kwnames);
    let [src, enc, err] = rest.bind(vm, "bytearray", ["source", "encoding", "errors"], 0, 0, 3)?;
    let d = from_source(vm, src, enc, err, "bytearray", false)?;
    let ba = me
        .downcast_ref::<PyByteArray>()
        .ok_or_else(|| vm.new_type_error("expected bytearray"))?;
    *ba.data.borrow_mut() = d;
    Ok(vm.none.clone())
}

fn arg0(args: &Args) -> PyObjectRef {
    args.pos()[0].clone()
}

fn b_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let d = self_data(vm, o)?;
    if is_bytearray(o) {
        return Ok(vm.new_str(format!("{}({})", vm.type_name(o), repr_quoted(&d, true))));
    }
    Ok(vm.new_str(bytes_repr(&d)))
}

fn b_len(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__len__")?;
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        return Ok(vm.new_int(b.data.borrow().len() as i64));
    }
    Ok(vm.new_int(self_data(vm, o)?.len() as i64))
}

fn b_hash(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__hash__")?;
    let b = o
        .downcast_ref::<PyBytes>()
        .ok_or_else(|| vm.new_type_error("expected bytes"))?;
    Ok(vm.new_int(b.hash()))
}

fn b_getitem(vm: &Vm, args: Args) -> PyResult {
    let [o, key] = args.exact::<2>(vm, "__getitem__")?;
    let d = self_data(vm, o)?;
    if let Some(sl) = key.downcast_ref::<PySlice>() {
        let (start, _, step, n) = slice_indices(vm, sl, d.len())?;
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(d[i as usize]);
            i += step;
        }
        if !is_bytearray(o) && n == d.len() && step == 1 && o.class().is(vm.types.bytes.as_object())
        {
            return Ok(o.clone());
        }
        return Ok(same_kind(vm, o, out));
    }
    let ba = is_bytearray(o);
    if key.downcast_ref::<PyInt>().is_none()
        && class_of(key).ext.lookup(&vm.names.__index__).is_none()
    {
        return Err(vm.new_type_error(format!(
            "{} indices must be integers or slices, not {}",
            if ba { "bytearray" } else { "byte" },
            vm.type_name(key)
        )));
    }
    let i = vm.index_isize(key)?;
    let n = d.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error(if ba {
            "bytearray index out of range"
        } else {
            "index out of range"
        }));
    }
    Ok(vm.new_int(d[j as usize] as i64))
}

/// Whether `needle` (an int or bytes-like) occurs in `hay`.
fn contains(vm: &Vm, hay: &[u8], item: &PyObjectRef) -> PyResult<bool> {
    if item.downcast_ref::<PyInt>().is_some()
        || class_of(item).ext.lookup(&vm.names.__index__).is_some()
    {
        let b = byte_value(vm, item)?;
        return Ok(hay.contains(&b));
    }
    let n = need_buffer(vm, item)?;
    Ok(super::bytes_ops::find_sub(hay, &n, false).is_some())
}

fn b_contains(vm: &Vm, args: Args) -> PyResult {
    let [o, item] = args.exact::<2>(vm, "__contains__")?;
    let d = self_data(vm, o)?;
    Ok(vm.new_bool(contains(vm, &d, item)?))
}

fn b_add(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__add__")?;
    let mut d = self_data(vm, a)?;
    match buffer_of(vm, b)? {
        Some(e) => {
            d.extend_from_slice(&e);
            Ok(same_kind(vm, a, d))
        }
        None if class_of(b).ext.heap
            && class_of(b).ext.lookup(&vm.intern("__radd__")).is_some() =>
        {
            Ok(vm.not_implemented.clone())
        }
        None => Err(vm.new_type_error(format!(
            "can't concat {} to {}",
            vm.type_name(b),
            vm.type_name(a)
        ))),
    }
}

fn b_mul(vm: &Vm, args: Args) -> PyResult {
    let [a, n] = args.exact::<2>(vm, "__mul__")?;
    let d = self_data(vm, a)?;
    let Some(k) = repeat_count(vm, n)? else {
        return Ok(vm.not_implemented.clone());
    };
    if !d.is_empty()
        && (k as usize)
            .checked_mul(d.len())
            .map_or(true, |t| t > isize::MAX as usize / 4)
    {
        return Err(vm.new_memory_error());
    }
    Ok(same_kind(vm, a, d.repeat(k as usize)))
}

fn b_mod(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__mod__")?;
    let d = self_data(vm, a)?;
    let r = super::printf::format_bytes(vm, &d, b)?;
    Ok(same_kind(vm, a, r))
}

fn b_rmod(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.not_implemented.clone())
}

fn compare(vm: &Vm, args: Args, op: CompareOp) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    let x = self_data(vm, a)?;
    let y = if is_bytearray(a) {
        buffer_of(vm, b)?
    } else if b.downcast_ref::<PyBytes>().is_some() || (is_bytearray(b)) {
        buffer_of(vm, b)?
    } else {
        None
    };
    let Some(y) = y else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(op.eval_ord(x.cmp(&y))))
}

fn b_eq(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Eq)
}
fn b_ne(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Ne)
}
fn b_lt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Lt)
}
fn b_le(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Le)
}
fn b_gt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Gt)
}
fn b_ge(vm: &Vm, args: Args) -> PyResult {
    compare(vm, args, CompareOp::Ge)
}

fn b_decode(vm: &Vm, args: Args) -> PyResult {
    let d = self_data(vm, &arg0(&args))?;
    let [enc, err] = args
        .shift()
        .bind(vm, "decode", ["encoding", "errors"], 0, 0, 2)?;
    let get = |o: Option<&PyObjectRef>, what: &str, def: &'static str| -> PyResult<String> {
        match o {
            Some(o) => o
                .downcast_ref::<PyStr>()
                .map(|s| s.as_str().to_string())
                .ok_or_else(|| {
                    vm.new_type_error(format!(
                        "decode() argument '{what}' must be str, not {}",
                        vm.type_name(o)
                    ))
                }),
            None => Ok(def.to_string()),
        }
    };
    let enc = get(enc, "encoding", "utf-8")?;
    let err = get(err, "errors", "strict")?;
    crate::modules::_codecs::decode_str(vm, &d, &enc, &err, &arg0(&args))
}

/// `bytes.hex([sep[, bytes_per_sep]])`, shared with memoryview-like users.
pub fn hex_with_sep(
    vm: &Vm,
    d: &[u8],
    sep: Option<&PyObjectRef>,
    per: Option<&PyObjectRef>,
) -> PyResult<String> {
    let sep = match sep {
        None => None,
        Some(s) => {
            let t = if let Some(s) = s.downcast_ref::<PyStr>() {
                s.as_str().to_string()
            } else if let Some(b) = buffer_of(vm, s)? {
                b.iter().map(|&c| c as char).collect()
            } else {
                return Err(
                    vm.new_type_error(format!("sep must be str or bytes, not {}", vm.type_name(s)))
                );
            };
            if t.chars().count() != 1 {
                return Err(vm.new_value_error("sep must be length 1."));
            }
            if !t.is_ascii() {
                return Err(vm.new_value_error("sep must be ASCII."));
            }
            Some(t)
        }
    };
    let per = match per {
        Some(p) => super::str_methods::arg_isize(vm, p)?,
        None => 1,
    };
    let hex: Vec<String> = d.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep.filter(|_| per != 0 && !d.is_empty()) else {
        return Ok(hex.concat());
    };
    let k = per.unsigned_abs();
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // Groups are counted from the right.
        let first = d.len() % k;
        if first > 0 {
            groups.push(hex[..first].concat());
        }
        let mut i = first;
        while i < d.len() {
            groups.push(hex[i..(i + k).min(d.len())].concat());
            i += k;
        }
    } else {
        let mut i = 0;
        while i < d.len() {
            groups.push(hex[i..(i + k).min(d.len())].concat());
            i += k;
        }
    }
    Ok(groups.join(&sep))
}

fn b_hex(vm: &Vm, args: Args) -> PyResult {
    let d = self_data(vm, &arg0(&args))?;
    let [sep, per] = args
        .shift()
        .bind(vm, "hex", ["sep", "bytes_per_sep"], 0, 0, 2)?;
    Ok(vm.new_str(hex_with_sep(vm, &d, sep, per)?))
}

fn fromhex_data(vm: &Vm, s: &str) -> PyResult<Vec<u8>> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let err = |i: usize| {
        vm.new_value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    while i < cs.len() {
        if cs[i].is_ascii_whitespace() || cs[i] == '\x0b' {
            i += 1;
            continue;
        }
        let hi = cs[i]
            .to_digit(16)
            .filter(|_| cs[i].is_ascii())
            .ok_or_else(|| err(i))?;
        let lo = cs
            .get(i + 1)
            .and_then(|c| if c.is_ascii() { c.to_digit(16) } else { None })
            .ok_or_else(|| err(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

fn b_fromhex(vm: &Vm, args: Args) -> PyResult {
    let [cls, s] = args.exact::<2>(vm, "fromhex")?;
    let s = s.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(s)
        ))
    })?;
    let d = fromhex_data(vm, s.as_str())?;
    if cls.is(vm.types.bytes.as_object()) {
        return Ok(new_bytes(vm, d));
    }
    if cls.is(vm.types.bytearray.as_object()) {
        return Ok(new_bytearray(vm, d));
    }
    let b = new_bytes(vm, d);
    vm.call(cls, &[b])
}

fn b_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![new_bytes(vm, self_data(vm, o)?)]))
}

fn b_bytes(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__bytes__")?;
    if o.class().is(vm.types.bytes.as_object()) {
        return Ok(o.clone());
    }
    Ok(new_bytes(vm, self_data(vm, o)?))
}

// ------------------------------------------------------- bytearray mutators

fn ba<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyByteArray> {
    o.downcast_ref::<PyByteArray>()
        .ok_or_else(|| vm.new_type_error("expected bytearray"))
}

fn check_resize(vm: &Vm, b: &PyByteArray) -> PyResult<()> {
    if b.exports.get() > 0 {
        return Err(vm.new_exception_msg(
            &vm.exc.BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

fn ba_append(vm: &Vm, args: Args) -> PyResult {
    let [o, v] = args.exact::<2>(vm, "append")?;
    let b = ba(vm, o)?;
    let x = byte_value(vm, v)?;
    check_resize(vm, b)?;
    b.data.borrow_mut().push(x);
    Ok(vm.none.clone())
}

/// Bytes of an `extend`/slice-assignment source: a buffer or an iterable
/// of ints.
fn iterable_bytes(vm: &Vm, v: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(d) = buffer_of(vm, v)? {
        return Ok(d);
    }
    if v.downcast_ref::<PyStr>().is_some() {
        return Err(vm.new_type_error("expected iterable of integers; got: 'str'"));
    }
    let it = vm.iter(v).map_err(|_| {
        vm.new_type_error(format!("can't extend bytearray with {}", vm.type_name(v)))
    })?;
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(byte_value(vm, &x)?);
    }
    Ok(out)
}

fn ba_extend(vm: &Vm, args: Args) -> PyResult {
    let [o, v] = args.exact::<2>(vm, "extend")?;
    let b = ba(vm, o)?;
    let d = iterable_bytes(vm, v)?;
    check_resize(vm, b)?;
    b.data.borrow_mut().extend_from_slice(&d);
    Ok(vm.none.clone())
}

fn ba_insert(vm: &Vm, args: Args) -> PyResult {
    let [o, i, v] = args.exact::<3>(vm, "insert")?;
    let b = ba(vm, o)?;
    let i = super::str_methods::arg_isize(vm, i)?;
    let x = byte_value(vm, v)?;
    check_resize(vm, b)?;
    let mut d = b.data.borrow_mut();
    let n = d.len() as isize;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.insert(j as usize, x);
    Ok(vm.none.clone())
}

fn ba_pop(vm: &Vm, args: Args) -> PyResult {
    let [o, i] = args.range::<2>(vm, "pop", 1)?;
    let b = ba(vm, o.expect("min 1"))?;
    let i = match i {
        Some(i) => super::str_methods::arg_isize(vm, i)?,
        None => -1,
    };
    check_resize(vm, b)?;
    let mut d = b.data.borrow_mut();
    if d.is_empty() {
        return Err(vm.new_index_error("pop from empty bytearray"));
    }
    let n = d.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("pop index out of range"));
    }
    let v = d.remove(j as usize);
    Ok(vm.new_int(v as i64))
}

fn ba_remove(vm: &Vm, args: Args) -> PyResult {
    let [o, v] = args.exact::<2>(vm, "remove")?;
    let b = ba(vm, o)?;
    let x = byte_value(vm, v)?;
    check_resize(vm, b)?;
    let mut d = b.data.borrow_mut();
    match d.iter().position(|&c| c == x) {
        Some(p) => {
            d.remove(p);
            Ok(vm.none.clone())
        }
        None => Err(vm.new_value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "reverse")?;
    ba(vm, o)?.data.borrow_mut().reverse();
    Ok(vm.none.clone())
}

fn ba_clear(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "clear")?;
    let b = ba(vm, o)?;
    check_resize(vm, b)?;
    b.data.borrow_mut().clear();
    Ok(vm.none.clone())
}

fn ba_copy(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "copy")?;
    Ok(new_bytearray(vm, ba(vm, o)?.data.borrow().clone()))
}

fn ba_setitem(vm: &Vm, args: Args) -> PyResult {
    let [o, key, v] = args.exact::<3>(vm, "__setitem__")?;
    let b = ba(vm, o)?;
    if let Some(sl) = key.downcast_ref::<PySlice>() {
        let src = if v.is(o) {
            b.data.borrow().clone()
        } else if v.downcast_ref::<PyInt>().is_some() || v.downcast_ref::<PyStr>().is_some() {
            return Err(vm.new_type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        } else {
            iterable_bytes(vm, v).map_err(|e| {
                if vm.exc_matches(&e, &vm.exc.TypeError) {
                    vm.new_type_error(
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    )
                } else {
                    e
                }
            })?
        };
        return assign_slice(vm, b, sl, Some(src)).map(|_| vm.none.clone());
    }
    if key.downcast_ref::<PyInt>().is_none()
        && class_of(key).ext.lookup(&vm.names.__index__).is_none()
    {
        return Err(vm.new_type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    }
    let i = vm.index_isize(key)?;
    let x = byte_value(vm, v)?;
    let mut d = b.data.borrow_mut();
    let n = d.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("bytearray index out of range"));
    }
    d[j as usize] = x;
    Ok(vm.none.clone())
}

/// `b[slice] = src` (or `del b[slice]` when `src` is None).
fn assign_slice(vm: &Vm, b: &PyByteArray, sl: &PySlice, src: Option<Vec<u8>>) -> PyResult<()> {
    let len = b.data.borrow().len();
    let (start, stop, step, n) = slice_indices(vm, sl, len)?;
    if step == 1 {
        let a = start as usize;
        let e = (stop.max(start)) as usize;
        let src = src.unwrap_or_default();
        if src.len() != e - a {
            check_resize(vm, b)?;
        }
        b.data.borrow_mut().splice(a..e, src);
        return Ok(());
    }
    match src {
        Some(src) => {
            if src.len() != n {
                return Err(vm.new_value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    src.len(),
                    n
                )));
            }
            let mut d = b.data.borrow_mut();
            let mut i = start;
            for x in src {
                d[i as usize] = x;
                i += step;
            }
        }
        None => {
            if n > 0 {
                check_resize(vm, b)?;
            }
            let mut idx: Vec<usize> = (0..n)
                .map(|k| (start + k as isize * step) as usize)
                .collect();
            idx.sort_unstable();
            let mut d = b.data.borrow_mut();
            let mut k = 0;
            let mut pos = 0;
            d.retain(|_| {
                let drop = k < idx.len() && idx[k] == pos;
                if drop {
                    k += 1;
                }
                pos += 1;
                !drop
            });
        }
    }
    Ok(())
}

fn ba_delitem(vm: &Vm, args: Args) -> PyResult {
    let [o, key] = args.exact::<2>(vm, "__delitem__")?;
    let b = ba(vm, o)?;
    if let Some(sl) = key.downcast_ref::<PySlice>() {
        return assign_slice(vm, b, sl, None).map(|_| vm.none.clone());
    }
    if key.downcast_ref::<PyInt>().is_none()
        && class_of(key).ext.lookup(&vm.names.__index__).is_none()
    {
        return Err(vm.new_type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    }
    let i = vm.index_isize(key)?;
    check_resize(vm, b)?;
    let mut d = b.data.borrow_mut();
    let n = d.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("bytearray index out of range"));
    }
    d.remove(j as usize);
    Ok(vm.none.clone())
}

fn ba_iadd(vm: &Vm, args: Args) -> PyResult {
    let [o, v] = args.exact::<2>(vm, "__iadd__")?;
    let b = ba(vm, o)?;
    let Some(d) = buffer_of(vm, v)? else {
        return Err(vm.new_type_error(format!("can't concat {} to bytearray", vm.type_name(v))));
    };
    check_resize(vm, b)?;
    b.data.borrow_mut().extend_from_slice(&d);
    Ok(o.clone())
}

fn ba_imul(vm: &Vm, args: Args) -> PyResult {
    let [o, n] = args.exact::<2>(vm, "__imul__")?;
    let b = ba(vm, o)?;
    let Some(k) = repeat_count(vm, n)? else {
        return Ok(vm.not_implemented.clone());
    };
    check_resize(vm, b)?;
    let d = b.data.borrow().repeat(k as usize);
    *b.data.borrow_mut() = d;
    Ok(o.clone())
}

fn ba_alloc(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__alloc__")?;
    Ok(vm.new_int(ba(vm, o)?.data.borrow().len() as i64 + 1))
}

/// Register the bytes and bytearray method sets.
/// `iter(bytes)` / `iter(bytearray)`: an index iterator of the own type.
fn b_iter(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__iter__")?;
    let cls = if o.downcast_ref::<super::bytes::PyByteArray>().is_some() {
        &vm.types.bytearray_iterator
    } else {
        &vm.types.bytes_iterator
    };
    Ok(vm.alloc(
        super::iter::PySeqIter {
            seq: Some(o.clone()).into(),
            index: 0.into(),
        },
        cls,
    ))
}

/// Docstrings of `bytes` and its methods (CPython's texts).
pub(crate) const BYTES_DOCS: TypeDocs = TypeDocs {
    doc: "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - any object implementing the buffer API.\n  - an integer",
    members: &[
        ("__bytes__", "__bytes__($self, /)\n--\n\nConvert this value to exact type bytes."),
        ("capitalize", "B.capitalize() -> copy of B\n\nReturn a copy of B with only its first character capitalized (ASCII)\nand the rest lower-cased."),
        ("center", "center($self, width, fillchar=b' ', /)\n--\n\nReturn a centered string of length width.\n\nPadding is done using the specified fill character."),
        ("count", "B.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of subsection sub in\nbytes B[start:end].  Optional arguments start and end are interpreted\nas in slice notation."),
        ("decode", "decode($self, /, encoding='utf-8', errors='strict')\n--\n\nDecode the bytes using the codec registered for encoding.\n\n  encoding\n    The encoding with which to decode the bytes.\n  errors\n    The error handling scheme to use for the handling of decoding errors.\n    The default is 'strict' meaning that decoding errors raise a\n    UnicodeDecodeError. Other possible values are 'ignore' and 'replace'\n    as well as any other name registered with codecs.register_error that\n    can handle UnicodeDecodeErrors."),
        ("endswith", "B.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if B ends with the specified suffix, False otherwise.\nWith optional start, test B beginning at that position.\nWith optional end, stop comparing B at that position.\nsuffix can also be a tuple of bytes to try."),
        ("expandtabs", "expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces.\n\nIf tabsize is not given, a tab size of 8 characters is assumed."),
        ("find", "B.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."),
        ("fromhex", "fromhex($type, string, /)\n--\n\nCreate a bytes object from a string of hexadecimal numbers.\n\nSpaces between two numbers are accepted.\nExample: bytes.fromhex('B9 01EF') -> b'\\\\xb9\\\\x01\\\\xef'."),
        ("hex", "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nCreate a string of hexadecimal numbers from a bytes object.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = b'\\xb9\\x01\\xef'\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n>>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'"),
        ("index", "B.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the subsection is not found."),
        ("isalnum", "B.isalnum() -> bool\n\nReturn True if all characters in B are alphanumeric\nand there is at least one character in B, False otherwise."),
        ("isalpha", "B.isalpha() -> bool\n\nReturn True if all characters in B are alphabetic\nand there is at least one character in B, False otherwise."),
        ("isascii", "B.isascii() -> bool\n\nReturn True if B is empty or all characters in B are ASCII,\nFalse otherwise."),
        ("isdigit", "B.isdigit() -> bool\n\nReturn True if all characters in B are digits\nand there is at least one character in B, False otherwise."),
        ("islower", "B.islower() -> bool\n\nReturn True if all cased characters in B are lowercase and there is\nat least one cased character in B, False otherwise."),
        ("isspace", "B.isspace() -> bool\n\nReturn True if all characters in B are whitespace\nand there is at least one character in B, False otherwise."),
        ("istitle", "B.istitle() -> bool\n\nReturn True if B is a titlecased string and there is at least one\ncharacter in B, i.e. uppercase characters may only follow uncased\ncharacters and lowercase characters only cased ones. Return False\notherwise."),
        ("isupper", "B.isupper() -> bool\n\nReturn True if all cased characters in B are uppercase and there is\nat least one cased character in B, False otherwise."),
        ("join", "join($self, iterable_of_bytes, /)\n--\n\nConcatenate any number of bytes objects.\n\nThe bytes whose method is called is inserted in between each pair.\n\nThe result is returned as a new bytes object.\n\nExample: b'.'.join([b'ab', b'pq', b'rs']) -> b'ab.pq.rs'."),
        ("ljust", "ljust($self, width, fillchar=b' ', /)\n--\n\nReturn a left-justified string of length width.\n\nPadding is done using the specified fill character."),
        ("lower", "B.lower() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to lowercase."),
        ("lstrip", "lstrip($self, bytes=None, /)\n--\n\nStrip leading bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading  ASCII whitespace."),
        ("maketrans", "maketrans(frm, to, /)\n--\n\nReturn a translation table useable for the bytes or bytearray translate method.\n\nThe returned table will be one where each byte in frm is mapped to the byte at\nthe same position in to.\n\nThe bytes objects frm and to must be of the same length."),
        ("partition", "partition($self, sep, /)\n--\n\nPartition the bytes into three parts using the given separator.\n\nThis will search for the separator sep in the bytes. If the separator is found,\nreturns a 3-tuple containing the part before the separator, the separator\nitself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing the original bytes\nobject and two empty bytes objects."),
        ("replace", "replace($self, old, new, count=-1, /)\n--\n\nReturn a copy with all occurrences of substring old replaced by new.\n\n  count\n    Maximum number of occurrences to replace.\n    -1 (the default value) means replace all occurrences.\n\nIf the optional argument count is given, only the first count occurrences are\nreplaced."),
        ("removeprefix", "removeprefix($self, prefix, /)\n--\n\nReturn a bytes object with the given prefix string removed if present.\n\nIf the bytes starts with the prefix string, return bytes[len(prefix):].\nOtherwise, return a copy of the original bytes."),
        ("removesuffix", "removesuffix($self, suffix, /)\n--\n\nReturn a bytes object with the given suffix string removed if present.\n\nIf the bytes ends with the suffix string and that suffix is not empty,\nreturn bytes[:-len(prefix)].  Otherwise, return a copy of the original\nbytes."),
        ("rfind", "B.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."),
        ("rindex", "B.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaise ValueError when the subsection is not found."),
        ("rjust", "rjust($self, width, fillchar=b' ', /)\n--\n\nReturn a right-justified string of length width.\n\nPadding is done using the specified fill character."),
        ("rpartition", "rpartition($self, sep, /)\n--\n\nPartition the bytes into three parts using the given separator.\n\nThis will search for the separator sep in the bytes, starting at the end. If\nthe separator is found, returns a 3-tuple containing the part before the\nseparator, the separator itself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing two empty bytes\nobjects and the original bytes object."),
        ("rsplit", "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytes, using sep as the delimiter.\n\n  sep\n    The delimiter according which to split the bytes.\n    None (the default value) means split on ASCII whitespace characters\n    (space, tab, return, newline, formfeed, vertical tab).\n  maxsplit\n    Maximum number of splits to do.\n    -1 (the default value) means no limit.\n\nSplitting is done starting at the end of the bytes and working to the front."),
        ("rstrip", "rstrip($self, bytes=None, /)\n--\n\nStrip trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip trailing ASCII whitespace."),
        ("split", "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytes, using sep as the delimiter.\n\n  sep\n    The delimiter according which to split the bytes.\n    None (the default value) means split on ASCII whitespace characters\n    (space, tab, return, newline, formfeed, vertical tab).\n  maxsplit\n    Maximum number of splits to do.\n    -1 (the default value) means no limit."),
        ("splitlines", "splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the bytes, breaking at line boundaries.\n\nLine breaks are not included in the resulting list unless keepends is given and\ntrue."),
        ("startswith", "B.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if B starts with the specified prefix, False otherwise.\nWith optional start, test B beginning at that position.\nWith optional end, stop comparing B at that position.\nprefix can also be a tuple of bytes to try."),
        ("strip", "strip($self, bytes=None, /)\n--\n\nStrip leading and trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading and trailing ASCII whitespace."),
        ("swapcase", "B.swapcase() -> copy of B\n\nReturn a copy of B with uppercase ASCII characters converted\nto lowercase ASCII and vice versa."),
        ("title", "B.title() -> copy of B\n\nReturn a titlecased version of B, i.e. ASCII words start with uppercase\ncharacters, all remaining cased characters have lowercase."),
        ("translate", "translate($self, table, /, delete=b'')\n--\n\nReturn a copy with each character mapped by the given translation table.\n\n  table\n    Translation table, which must be a bytes object of length 256.\n\nAll characters occurring in the optional argument delete are removed.\nThe remaining characters are mapped through the given translation table."),
        ("upper", "B.upper() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to uppercase."),
        ("zfill", "zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width.\n\nThe original string is never truncated."),
    ],
};

/// Docstrings of `bytearray` and its methods (CPython's texts).
pub(crate) const BYTEARRAY_DOCS: TypeDocs = TypeDocs {
    doc: "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer",
    members: &[
        ("__alloc__", "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."),
        ("__reduce__", "__reduce__($self, /)\n--\n\nReturn state information for pickling."),
        ("__reduce_ex__", "__reduce_ex__($self, proto=0, /)\n--\n\nReturn state information for pickling."),
        ("__sizeof__", "__sizeof__($self, /)\n--\n\nReturns the size of the bytearray object in memory, in bytes."),
        ("append", "append($self, item, /)\n--\n\nAppend a single item to the end of the bytearray.\n\n  item\n    The item to be appended."),
        ("capitalize", "B.capitalize() -> copy of B\n\nReturn a copy of B with only its first character capitalized (ASCII)\nand the rest lower-cased."),
        ("center", "center($self, width, fillchar=b' ', /)\n--\n\nReturn a centered string of length width.\n\nPadding is done using the specified fill character."),
        ("clear", "clear($self, /)\n--\n\nRemove all items from the bytearray."),
        ("copy", "copy($self, /)\n--\n\nReturn a copy of B."),
        ("count", "B.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of subsection sub in\nbytes B[start:end].  Optional arguments start and end are interpreted\nas in slice notation."),
        ("decode", "decode($self, /, encoding='utf-8', errors='strict')\n--\n\nDecode the bytearray using the codec registered for encoding.\n\n  encoding\n    The encoding with which to decode the bytearray.\n  errors\n    The error handling scheme to use for the handling of decoding errors.\n    The default is 'strict' meaning that decoding errors raise a\n    UnicodeDecodeError. Other possible values are 'ignore' and 'replace'\n    as well as any other name registered with codecs.register_error that\n    can handle UnicodeDecodeErrors."),
        ("endswith", "B.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if B ends with the specified suffix, False otherwise.\nWith optional start, test B beginning at that position.\nWith optional end, stop comparing B at that position.\nsuffix can also be a tuple of bytes to try."),
        ("expandtabs", "expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces.\n\nIf tabsize is not given, a tab size of 8 characters is assumed."),
        ("extend", "extend($self, iterable_of_ints, /)\n--\n\nAppend all the items from the iterator or sequence to the end of the bytearray.\n\n  iterable_of_ints\n    The iterable of items to append."),
        ("find", "B.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."),
        ("fromhex", "fromhex($type, string, /)\n--\n\nCreate a bytearray object from a string of hexadecimal numbers.\n\nSpaces between two numbers are accepted.\nExample: bytearray.fromhex('B9 01EF') -> bytearray(b'\\\\xb9\\\\x01\\\\xef')"),
        ("hex", "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nCreate a string of hexadecimal numbers from a bytearray object.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = bytearray([0xb9, 0x01, 0xef])\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n>>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'"),
        ("index", "B.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the subsection is not found."),
        ("insert", "insert($self, index, item, /)\n--\n\nInsert a single item into the bytearray before the given index.\n\n  index\n    The index where the value is to be inserted.\n  item\n    The item to be inserted."),
        ("isalnum", "B.isalnum() -> bool\n\nReturn True if all characters in B are alphanumeric\nand there is at least one character in B, False otherwise."),
        ("isalpha", "B.isalpha() -> bool\n\nReturn True if all characters in B are alphabetic\nand there is at least one character in B, False otherwise."),
        ("isascii", "B.isascii() -> bool\n\nReturn True if B is empty or all characters in B are ASCII,\nFalse otherwise."),
        ("isdigit", "B.isdigit() -> bool\n\nReturn True if all characters in B are digits\nand there is at least one character in B, False otherwise."),
        ("islower", "B.islower() -> bool\n\nReturn True if all cased characters in B are lowercase and there is\nat least one cased character in B, False otherwise."),
        ("isspace", "B.isspace() -> bool\n\nReturn True if all characters in B are whitespace\nand there is at least one character in B, False otherwise."),
        ("istitle", "B.istitle() -> bool\n\nReturn True if B is a titlecased string and there is at least one\ncharacter in B, i.e. uppercase characters may only follow uncased\ncharacters and lowercase characters only cased ones. Return False\notherwise."),
        ("isupper", "B.isupper() -> bool\n\nReturn True if all cased characters in B are uppercase and there is\nat least one cased character in B, False otherwise."),
        ("join", "join($self, iterable_of_bytes, /)\n--\n\nConcatenate any number of bytes/bytearray objects.\n\nThe bytearray whose method is called is inserted in between each pair.\n\nThe result is returned as a new bytearray object."),
        ("ljust", "ljust($self, width, fillchar=b' ', /)\n--\n\nReturn a left-justified string of length width.\n\nPadding is done using the specified fill character."),
        ("lower", "B.lower() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to lowercase."),
        ("lstrip", "lstrip($self, bytes=None, /)\n--\n\nStrip leading bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading ASCII whitespace."),
        ("maketrans", "maketrans(frm, to, /)\n--\n\nReturn a translation table useable for the bytes or bytearray translate method.\n\nThe returned table will be one where each byte in frm is mapped to the byte at\nthe same position in to.\n\nThe bytes objects frm and to must be of the same length."),
        ("partition", "partition($self, sep, /)\n--\n\nPartition the bytearray into three parts using the given separator.\n\nThis will search for the separator sep in the bytearray. If the separator is\nfound, returns a 3-tuple containing the part before the separator, the\nseparator itself, and the part after it as new bytearray objects.\n\nIf the separator is not found, returns a 3-tuple containing the copy of the\noriginal bytearray object and two empty bytearray objects."),
        ("pop", "pop($self, index=-1, /)\n--\n\nRemove and return a single item from B.\n\n  index\n    The index from where to remove the item.\n    -1 (the default value) means remove the last item.\n\nIf no index argument is given, will pop the last item."),
        ("remove", "remove($self, value, /)\n--\n\nRemove the first occurrence of a value in the bytearray.\n\n  value\n    The value to remove."),
        ("replace", "replace($self, old, new, count=-1, /)\n--\n\nReturn a copy with all occurrences of substring old replaced by new.\n\n  count\n    Maximum number of occurrences to replace.\n    -1 (the default value) means replace all occurrences.\n\nIf the optional argument count is given, only the first count occurrences are\nreplaced."),
        ("removeprefix", "removeprefix($self, prefix, /)\n--\n\nReturn a bytearray with the given prefix string removed if present.\n\nIf the bytearray starts with the prefix string, return\nbytearray[len(prefix):].  Otherwise, return a copy of the original\nbytearray."),
        ("removesuffix", "removesuffix($self, suffix, /)\n--\n\nReturn a bytearray with the given suffix string removed if present.\n\nIf the bytearray ends with the suffix string and that suffix is not\nempty, return bytearray[:-len(suffix)].  Otherwise, return a copy of\nthe original bytearray."),
        ("reverse", "reverse($self, /)\n--\n\nReverse the order of the values in B in place."),
        ("rfind", "B.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."),
        ("rindex", "B.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaise ValueError when the subsection is not found."),
        ("rjust", "rjust($self, width, fillchar=b' ', /)\n--\n\nReturn a right-justified string of length width.\n\nPadding is done using the specified fill character."),
        ("rpartition", "rpartition($self, sep, /)\n--\n\nPartition the bytearray into three parts using the given separator.\n\nThis will search for the separator sep in the bytearray, starting at the end.\nIf the separator is found, returns a 3-tuple containing the part before the\nseparator, the separator itself, and the part after it as new bytearray\nobjects.\n\nIf the separator is not found, returns a 3-tuple containing two empty bytearray\nobjects and the copy of the original bytearray object."),
        ("rsplit", "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytearray, using sep as the delimiter.\n\n  sep\n    The delimiter according which to split the bytearray.\n    None (the default value) means split on ASCII whitespace characters\n    (space, tab, return, newline, formfeed, vertical tab).\n  maxsplit\n    Maximum number of splits to do.\n    -1 (the default value) means no limit.\n\nSplitting is done starting at the end of the bytearray and working to the front."),
        ("rstrip", "rstrip($self, bytes=None, /)\n--\n\nStrip trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip trailing ASCII whitespace."),
        ("split", "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytearray, using sep as the delimiter.\n\n  sep\n    The delimiter according which to split the bytearray.\n    None (the default value) means split on ASCII whitespace characters\n    (space, tab, return, newline, formfeed, vertical tab).\n  maxsplit\n    Maximum number of splits to do.\n    -1 (the default value) means no limit."),
        ("splitlines", "splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the bytearray, breaking at line boundaries.\n\nLine breaks are not included in the resulting list unless keepends is given and\ntrue."),
        ("startswith", "B.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if B starts with the specified prefix, False otherwise.\nWith optional start, test B beginning at that position.\nWith optional end, stop comparing B at that position.\nprefix can also be a tuple of bytes to try."),
        ("strip", "strip($self, bytes=None, /)\n--\n\nStrip leading and trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading and trailing ASCII whitespace."),
        ("swapcase", "B.swapcase() -> copy of B\n\nReturn a copy of B with uppercase ASCII characters converted\nto lowercase ASCII and vice versa."),
        ("title", "B.title() -> copy of B\n\nReturn a titlecased version of B, i.e. ASCII words start with uppercase\ncharacters, all remaining cased characters have lowercase."),
        ("translate", "translate($self, table, /, delete=b'')\n--\n\nReturn a copy with each character mapped by the given translation table.\n\n  table\n    Translation table, which must be a bytes object of length 256.\n\nAll characters occurring in the optional argument delete are removed.\nThe remaining characters are mapped through the given translation table."),
        ("upper", "B.upper() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to uppercase."),
        ("zfill", "zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width.\n\nThe original string is never truncated."),
    ],
};

pub fn init(vm: &Vm) {
    for t in [&vm.types.bytes, &vm.types.bytearray] {
        vm.add_method(t, "__iter__", b_iter);
        vm.add_method(t, "__repr__", b_repr);
        vm.add_method(t, "__str__", b_repr);
        vm.add_method(t, "__len__", b_len);
        vm.add_method(t, "__getitem__", b_getitem);
        vm.add_method(t, "__contains__", b_contains);
        vm.add_method(t, "__add__", b_add);
        vm.add_method(t, "__mul__", b_mul);
        vm.add_method(t, "__rmul__", b_mul);
        vm.add_method(t, "__mod__", b_mod);
        vm.add_method(t, "__rmod__", b_rmod);
        vm.add_method(t, "__eq__", b_eq);
        vm.add_method(t, "__ne__", b_ne);
        vm.add_method(t, "__lt__", b_lt);
        vm.add_method(t, "__le__", b_le);
        vm.add_method(t, "__gt__", b_gt);
        vm.add_method(t, "__ge__", b_ge);
        vm.add_method(t, "decode", b_decode);
        vm.add_method(t, "hex", b_hex);
        vm.add_classmethod(t, "fromhex", b_fromhex);
    }
    let b = &vm.types.bytes;
    vm.add_staticmethod(b, "__new__", bytes_new);
    vm.add_method(b, "__hash__", b_hash);
    vm.add_method(b, "__getnewargs__", b_getnewargs);
    vm.add_method(b, "__bytes__", b_bytes);
    let a = &vm.types.bytearray;
    vm.add_staticmethod(a, "__new__", bytearray_new);
    vm.add_method(a, "__init__", bytearray_init);
    vm.set_type_attr(a, "__hash__", vm.none.clone());
    vm.add_method(a, "append", ba_append);
    vm.add_method(a, "extend", ba_extend);
    vm.add_method(a, "insert", ba_insert);
    vm.add_method(a, "pop", ba_pop);
    vm.add_method(a, "remove", ba_remove);
    vm.add_method(a, "reverse", ba_reverse);
    vm.add_method(a, "clear", ba_clear);
    vm.add_method(a, "copy", ba_copy);
    vm.add_method(a, "__setitem__", ba_setitem);
    vm.add_method(a, "__delitem__", ba_delitem);
    vm.add_method(a, "__iadd__", ba_iadd);
    vm.add_method(a, "__imul__", ba_imul);
    vm.add_method(a, "__alloc__", ba_alloc);
    super::bytes_ops::init(vm);
    vm.set_docs(&vm.types.bytes, &BYTES_DOCS);
    vm.set_docs(&vm.types.bytearray, &BYTEARRAY_DOCS);
}
