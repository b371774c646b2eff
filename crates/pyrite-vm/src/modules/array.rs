//! The `array` module: `array.array` over the machine types `bBuhHiIlLqQfd`
//! (x86-64 sizes), with CPython's per-type range messages, slicing,
//! the bytes/list/unicode/file conversions and comparisons. Items are kept
//! as `i128`, `f64` (rounded to `f32` for `'f'`) or `char`; `tobytes`
//! lays them out little-endian. Mirrors CPython 3.11 `Modules/arraymodule.c`.

use std::cell::RefCell;

use super::type_cache::{native_type, WEAK};
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::float_methods::float_from_obj;
use crate::types::int::{IntVal, PyInt};
use crate::types::list::PyList;
use crate::types::slice::PySlice;
use crate::types::str::PyStr;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

#[derive(Clone, Debug)]
enum Data {
    Int(Vec<i128>),
    Float(Vec<f64>),
    Char(Vec<char>),
}

impl Data {
    fn len(&self) -> usize {
        match self {
            Data::Int(v) => v.len(),
            Data::Float(v) => v.len(),
            Data::Char(v) => v.len(),
        }
    }

    fn empty_like(&self) -> Data {
        match self {
            Data::Int(_) => Data::Int(Vec::new()),
            Data::Float(_) => Data::Float(Vec::new()),
            Data::Char(_) => Data::Char(Vec::new()),
        }
    }
}

pub struct PyArray {
    code: char,
    data: RefCell<Data>,
}

impl Payload for PyArray {
    pyrite_core::unique_vtable!(PyArray);
}

const CODES: &str = "bBuhHiIlLqQfd";

fn itemsize(code: char) -> usize {
    match code {
        'b' | 'B' => 1,
        'h' | 'H' => 2,
        'u' | 'i' | 'I' | 'f' => 4,
        _ => 8,
    }
}

fn empty_data(code: char) -> Data {
    match code {
        'f' | 'd' => Data::Float(Vec::new()),
        'u' => Data::Char(Vec::new()),
        _ => Data::Int(Vec::new()),
    }
}

pub fn array_type(vm: &Vm) -> PyTypeRef {
    native_type::<PyArray>(vm, "array", "array", None, WEAK, init_array)
}

fn me<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyArray> {
    o.downcast_ref::<PyArray>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'array.array' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

// ----- item conversion ------------------------------------------------------------------

fn int_item(vm: &Vm, code: char, v: &PyObjectRef) -> PyResult<i128> {
    let i = vm.index(v)?;
    let x: Option<i128> = match i.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(s)) => Some(*s as i128),
        Some(IntVal::Big(b)) => i128::try_from(&**b).ok(),
        None => None,
    };
    let neg = i
        .downcast_ref::<PyInt>()
        .is_some_and(|i| i.value.is_negative());
    let of = |m: &str| vm.new_overflow_error(m.to_string());
    let long = |x: Option<i128>| -> PyResult<i128> {
        x.filter(|x| (i64::MIN as i128..=i64::MAX as i128).contains(x))
            .ok_or_else(|| of("Python int too large to convert to C long"))
    };
    let ranged = |x: i128, lo: i128, hi: i128, what: &str| -> PyResult<i128> {
        if x < lo {
            Err(of(&format!("{what} is less than minimum")))
        } else if x > hi {
            Err(of(&format!("{what} is greater than maximum")))
        } else {
            Ok(x)
        }
    };
    match code {
        // CPython reads 'b' through a C short and 'H' through a C int
        // first, so those ranges are reported before the item's own.
        'b' => {
            let v = ranged(long(x)?, -32768, 32767, "signed short integer")?;
            ranged(v, -128, 127, "signed char")
        }
        'B' => ranged(long(x)?, 0, 255, "unsigned byte integer"),
        'h' => ranged(long(x)?, -32768, 32767, "signed short integer"),
        'H' => {
            let v = ranged(
                long(x)?,
                i32::MIN as i128,
                i32::MAX as i128,
                "signed integer",
            )?;
            ranged(v, 0, 65535, "unsigned short")
        }
        'i' => ranged(
            long(x)?,
            i32::MIN as i128,
            i32::MAX as i128,
            "signed integer",
        ),
        'l' => long(x),
        'I' | 'L' => {
            if neg {
                return Err(of("can't convert negative value to unsigned int"));
            }
            let x = x
                .filter(|x| *x <= u64::MAX as i128)
                .ok_or_else(|| of("Python int too large to convert to C unsigned long"))?;
            if code == 'I' && x > u32::MAX as i128 {
                return Err(of("unsigned int is greater than maximum"));
            }
            Ok(x)
        }
        'q' => x
            .filter(|x| (i64::MIN as i128..=i64::MAX as i128).contains(x))
            .ok_or_else(|| of("int too big to convert")),
        _ => {
            if neg {
                return Err(of("can't convert negative int to unsigned"));
            }
            x.filter(|x| *x <= u64::MAX as i128)
                .ok_or_else(|| of("int too big to convert"))
        }
    }
}

/// Push the converted `v` (type-checked before anything changes).
enum Item {
    I(i128),
    F(f64),
    C(char),
}

fn convert(vm: &Vm, code: char, v: &PyObjectRef) -> PyResult<Item> {
    match code {
        'f' => Ok(Item::F(float_from_obj(vm, v)? as f32 as f64)),
        'd' => Ok(Item::F(float_from_obj(vm, v)?)),
        'u' => {
            let c = v.downcast_ref::<PyStr>().and_then(|s| {
                let mut it = s.as_str().chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            });
            c.map(Item::C)
                .ok_or_else(|| vm.new_type_error("array item must be unicode character"))
        }
        _ => Ok(Item::I(int_item(vm, code, v)?)),
    }
}

fn push(d: &mut Data, it: Item) {
    match (d, it) {
        (Data::Int(v), Item::I(x)) => v.push(x),
        (Data::Float(v), Item::F(x)) => v.push(x),
        (Data::Char(v), Item::C(x)) => v.push(x),
        _ => {}
    }
}

fn to_obj(vm: &Vm, d: &Data, i: usize) -> Option<PyObjectRef> {
    Some(match d {
        Data::Int(v) => {
            let x = *v.get(i)?;
            match i64::try_from(x) {
                Ok(s) => vm.new_int(s),
                Err(_) => vm.new_bigint(dashu_int::IBig::from(x)),
            }
        }
        Data::Float(v) => vm.new_float(*v.get(i)?),
        Data::Char(v) => vm.new_str(v.get(i)?.to_string()),
    })
}

fn items(vm: &Vm, d: &Data) -> Vec<PyObjectRef> {
    (0..d.len()).filter_map(|i| to_obj(vm, d, i)).collect()
}

fn to_bytes(code: char, d: &Data) -> Vec<u8> {
    let n = itemsize(code);
    let mut out = Vec::with_capacity(d.len() * n);
    match d {
        Data::Int(v) => v
            .iter()
            .for_each(|x| out.extend_from_slice(&(*x as u64).to_le_bytes()[..n])),
        Data::Float(v) => v.iter().for_each(|x| {
            if code == 'f' {
                out.extend_from_slice(&(*x as f32).to_le_bytes())
            } else {
                out.extend_from_slice(&x.to_le_bytes())
            }
        }),
        Data::Char(v) => v
            .iter()
            .for_each(|c| out.extend_from_slice(&(*c as u32).to_le_bytes())),
    }
    out
}

fn from_bytes(code: char, b: &[u8], d: &mut Data) {
    let n = itemsize(code);
    for c in b.chunks_exact(n) {
        let mut w = [0u8; 8];
        w[..n].copy_from_slice(c);
        let raw = u64::from_le_bytes(w);
        match d {
            Data::Int(v) => {
                let signed = matches!(code, 'b' | 'h' | 'i' | 'l' | 'q');
                let x = if signed {
                    let sh = 64 - 8 * n as u32;
                    (((raw << sh) as i64) >> sh) as i128
                } else {
                    raw as i128
                };
                v.push(x);
            }
            Data::Float(v) => v.push(if code == 'f' {
                f32::from_bits(raw as u32) as f64
            } else {
                f64::from_bits(raw)
            }),
            Data::Char(v) => v.push(char::from_u32(raw as u32).unwrap_or('\u{fffd}')),
        }
    }
}

fn new_array(vm: &Vm, cls: &PyObjectRef, code: char, data: Data) -> PyResult {
    Ok(vm
        .try_alloc(
            PyArray {
                code,
                data: RefCell::new(data),
            },
            cls,
        )?
        .into_object())
}

fn same_type(vm: &Vm, code: char, data: Data) -> PyResult {
    new_array(vm, array_type(vm).as_object(), code, data)
}

/// Extend with the items of an iterable (all converted first, so a bad
/// item leaves the array unchanged only for `fromlist`; `extend` keeps the
/// items before it, as CPython does).
fn extend_iter(vm: &Vm, a: &PyArray, it: &PyObjectRef) -> PyResult<()> {
    let iter = vm.iter(it)?;
    while let Some(v) = vm.next(&iter)? {
        let x = convert(vm, a.code, &v)?;
        push(&mut a.data.borrow_mut(), x);
    }
    Ok(())
}

// ----- construction ------------------------------------------------------------------------

fn a_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let rest = args.shift();
    if !rest.kwnames.is_empty() && cls.is(array_type(vm).as_object()) {
        return Err(vm.new_type_error("array.array() takes no keyword arguments"));
    }
    let pos = rest.pos();
    if pos.is_empty() {
        return Err(vm.new_type_error("array() takes at least 1 argument (0 given)"));
    }
    if pos.len() > 2 {
        return Err(vm.new_type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let code = match pos[0].downcast_ref::<PyStr>().map(|s| {
        let mut it = s.as_str().chars();
        (it.next(), it.next())
    }) {
        Some((Some(c), None)) => c,
        _ => {
            return Err(vm.new_type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(&pos[0])
            )))
        }
    };
    if !CODES.contains(code) {
        return Err(
            vm.new_value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let mut data = empty_data(code);
    if let Some(init) = pos.get(1) {
        if let Some(s) = init.downcast_ref::<PyStr>() {
            if code != 'u' {
                return Err(vm.new_type_error(format!(
                    "cannot use a str to initialize an array with typecode '{code}'"
                )));
            }
            data = Data::Char(s.as_str().chars().collect());
        } else if let Some(other) = init.downcast_ref::<PyArray>() {
            if (other.code == 'u') != (code == 'u') {
                return Err(vm.new_type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{code}'"
                )));
            }
            let tmp = PyArray {
                code,
                data: RefCell::new(data),
            };
            for v in items(vm, &other.data.borrow()) {
                let x = convert(vm, code, &v)?;
                push(&mut tmp.data.borrow_mut(), x);
            }
            data = tmp.data.into_inner();
        } else if init.downcast_ref::<PyBytes>().is_some()
            || init.downcast_ref::<PyByteArray>().is_some()
        {
            let b = crate::types::memoryview::bytes_like(init).unwrap_or_default();
            if !b.len().is_multiple_of(itemsize(code)) {
                return Err(vm.new_value_error("bytes length not a multiple of item size"));
            }
            from_bytes(code, &b, &mut data);
        } else {
            let tmp = PyArray {
                code,
                data: RefCell::new(data),
            };
            extend_iter(vm, &tmp, init)?;
            data = tmp.data.into_inner();
        }
    }
    new_array(vm, cls, code, data)
}

// ----- methods ---------------------------------------------------------------------------------

fn self_and<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a PyObjectRef, &'a PyArray)> {
    let o = &args.pos()[0];
    Ok((o, me(vm, o)?))
}

fn a_append(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [v] = args.shift().exact::<1>(vm, "append")?;
    let x = convert(vm, a.code, v)?;
    push(&mut a.data.borrow_mut(), x);
    Ok(vm.none.clone())
}

fn a_extend(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [it] = args.shift().exact::<1>(vm, "extend")?;
    if let Some(o) = it.downcast_ref::<PyArray>() {
        if o.code != a.code {
            return Err(vm.new_type_error("can only extend with array of same kind"));
        }
        let add = o.data.borrow().clone();
        extend_data(&mut a.data.borrow_mut(), add);
        return Ok(vm.none.clone());
    }
    extend_iter(vm, a, it)?;
    Ok(vm.none.clone())
}

fn extend_data(d: &mut Data, add: Data) {
    match (d, add) {
        (Data::Int(v), Data::Int(w)) => v.extend(w),
        (Data::Float(v), Data::Float(w)) => v.extend(w),
        (Data::Char(v), Data::Char(w)) => v.extend(w),
        _ => {}
    }
}

fn norm_index(i: isize, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as isize } else { i };
    (j >= 0 && (j as usize) < len).then_some(j as usize)
}

fn a_insert(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [i, v] = args.shift().exact::<2>(vm, "insert")?;
    let i = vm.index_isize(i)?;
    let x = convert(vm, a.code, v)?;
    let mut d = a.data.borrow_mut();
    let len = d.len() as isize;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    match (&mut *d, x) {
        (Data::Int(v), Item::I(x)) => v.insert(at, x),
        (Data::Float(v), Item::F(x)) => v.insert(at, x),
        (Data::Char(v), Item::C(x)) => v.insert(at, x),
        _ => {}
    }
    Ok(vm.none.clone())
}

fn remove_at(d: &mut Data, i: usize) {
    match d {
        Data::Int(v) => {
            v.remove(i);
        }
        Data::Float(v) => {
            v.remove(i);
        }
        Data::Char(v) => {
            v.remove(i);
        }
    }
}

fn a_pop(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [i] = args.shift().range::<1>(vm, "pop", 0)?;
    let i = match i {
        Some(i) => vm.index_isize(i)?,
        None => -1,
    };
    let len = a.data.borrow().len();
    if len == 0 {
        return Err(vm.new_index_error("pop from empty array"));
    }
    let Some(j) = norm_index(i, len) else {
        return Err(vm.new_index_error("pop index out of range"));
    };
    let v = to_obj(vm, &a.data.borrow(), j).unwrap_or_else(|| vm.none.clone());
    remove_at(&mut a.data.borrow_mut(), j);
    Ok(v)
}

fn find(
    vm: &Vm,
    a: &PyArray,
    x: &PyObjectRef,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let item = {
            let d = a.data.borrow();
            if i >= stop.min(d.len()) {
                return Ok(None);
            }
            to_obj(vm, &d, i)
        };
        let Some(item) = item else { return Ok(None) };
        if vm.eq_bool(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn a_remove(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [x] = args.shift().exact::<1>(vm, "remove")?;
    match find(vm, a, x, 0, usize::MAX)? {
        Some(i) => {
            remove_at(&mut a.data.borrow_mut(), i);
            Ok(vm.none.clone())
        }
        None => Err(vm.new_value_error("array.remove(x): x not in array")),
    }
}

fn clamp(vm: &Vm, o: Option<&PyObjectRef>, len: usize, dflt: usize) -> PyResult<usize> {
    let Some(o) = o else { return Ok(dflt) };
    let i = vm.index_isize(o)?;
    Ok(if i < 0 {
        (i + len as isize).max(0) as usize
    } else {
        (i as usize).min(len)
    })
}

fn a_index(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [x, start, stop] = args.shift().range::<3>(vm, "index", 1)?;
    let len = a.data.borrow().len();
    let s = clamp(vm, start, len, 0)?;
    let e = clamp(vm, stop, len, len)?;
    match find(vm, a, x.expect("required"), s, e)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.new_value_error("array.index(x): x not in array")),
    }
}

fn a_count(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [x] = args.shift().exact::<1>(vm, "count")?;
    let all = items(vm, &a.data.borrow());
    let mut n = 0;
    for v in all {
        if vm.eq_bool(&v, x)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn a_reverse(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    args.shift().exact::<0>(vm, "reverse")?;
    match &mut *a.data.borrow_mut() {
        Data::Int(v) => v.reverse(),
        Data::Float(v) => v.reverse(),
        Data::Char(v) => v.reverse(),
    }
    Ok(vm.none.clone())
}

fn a_byteswap(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    args.shift().exact::<0>(vm, "byteswap")?;
    let n = itemsize(a.code);
    let mut b = to_bytes(a.code, &a.data.borrow());
    for c in b.chunks_mut(n) {
        c.reverse();
    }
    let mut d = empty_data(a.code);
    from_bytes(a.code, &b, &mut d);
    *a.data.borrow_mut() = d;
    Ok(vm.none.clone())
}

fn a_buffer_info(vm: &Vm, args: Args) -> PyResult {
    let (o, a) = self_and(vm, &args)?;
    let len = a.data.borrow().len();
    Ok(vm.new_tuple(vec![vm.new_int(o.id() as i64), vm.new_int(len as i64)]))
}

fn a_tobytes(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    args.shift().exact::<0>(vm, "tobytes")?;
    let b = to_bytes(a.code, &a.data.borrow());
    Ok(vm.alloc(PyBytes::new(b), &vm.types.bytes))
}

fn a_frombytes(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [b] = args.shift().exact::<1>(vm, "frombytes")?;
    let b = crate::types::memoryview::bytes_like(b).ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(b)
        ))
    })?;
    if b.len() % itemsize(a.code) != 0 {
        return Err(vm.new_value_error("bytes length not a multiple of item size"));
    }
    from_bytes(a.code, &b, &mut a.data.borrow_mut());
    Ok(vm.none.clone())
}

fn a_tolist(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    args.shift().exact::<0>(vm, "tolist")?;
    Ok(vm.new_list(items(vm, &a.data.borrow())))
}

fn a_fromlist(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [l] = args.shift().exact::<1>(vm, "fromlist")?;
    let Some(list) = l.downcast_ref::<PyList>() else {
        return Err(vm.new_type_error("arg must be list"));
    };
    let snapshot: Vec<PyObjectRef> = list.items.borrow().clone();
    let mut add = empty_data(a.code);
    for v in &snapshot {
        push(&mut add, convert(vm, a.code, v)?);
    }
    extend_data(&mut a.data.borrow_mut(), add);
    Ok(vm.none.clone())
}

fn a_tounicode(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    args.shift().exact::<0>(vm, "tounicode")?;
    match &*a.data.borrow() {
        Data::Char(v) => Ok(vm.new_str(v.iter().collect::<String>())),
        _ => Err(vm.new_value_error("tounicode() may only be called on unicode type arrays")),
    }
}

fn a_fromunicode(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [s] = args.shift().exact::<1>(vm, "fromunicode")?;
    let Some(s) = s.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "fromunicode() argument must be str, not {}",
            vm.type_name(s)
        )));
    };
    match &mut *a.data.borrow_mut() {
        Data::Char(v) => v.extend(s.as_str().chars()),
        _ => {
            return Err(
                vm.new_value_error("fromunicode() may only be called on unicode type arrays")
            )
        }
    }
    Ok(vm.none.clone())
}

fn a_tofile(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [f] = args.shift().exact::<1>(vm, "tofile")?;
    let b = to_bytes(a.code, &a.data.borrow());
    vm.call_method(f, "write", &[vm.alloc(PyBytes::new(b), &vm.types.bytes)])?;
    Ok(vm.none.clone())
}

fn a_fromfile(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [f, n] = args.shift().exact::<2>(vm, "fromfile")?;
    let n = vm.index_isize(n)?;
    if n < 0 {
        return Err(vm.new_value_error("negative count"));
    }
    let want = n as usize * itemsize(a.code);
    let r = vm.call_method(f, "read", &[vm.new_int(want as i64)])?;
    let b = crate::types::memoryview::bytes_like(&r)
        .ok_or_else(|| vm.new_type_error("read() didn't return bytes"))?;
    let whole = b.len() / itemsize(a.code) * itemsize(a.code);
    from_bytes(a.code, &b[..whole], &mut a.data.borrow_mut());
    if b.len() < want {
        return Err(vm.new_exception_msg(&vm.exc.EOFError, "read() didn't return enough bytes"));
    }
    Ok(vm.none.clone())
}

fn g_typecode(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(me(vm, o)?.code.to_string()))
}

fn g_itemsize(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(itemsize(me(vm, o)?.code) as i64))
}

// ----- sequence protocol -----------------------------------------------------------------------

fn a_len(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    Ok(vm.new_int(a.data.borrow().len() as i64))
}

fn slice_data(d: &Data, idx: &[usize]) -> Data {
    match d {
        Data::Int(v) => Data::Int(idx.iter().map(|i| v[*i]).collect()),
        Data::Float(v) => Data::Float(idx.iter().map(|i| v[*i]).collect()),
        Data::Char(v) => Data::Char(idx.iter().map(|i| v[*i]).collect()),
    }
}

fn slice_indices(vm: &Vm, s: &PySlice, len: usize) -> PyResult<Vec<usize>> {
    let (start, _, step, n) = s.indices_for(vm, len)?;
    Ok((0..n)
        .map(|k| (start + k as isize * step) as usize)
        .collect())
}

fn a_getitem(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [k] = args.shift().exact::<1>(vm, "__getitem__")?;
    if let Some(s) = k.downcast_ref::<PySlice>() {
        let d = a.data.borrow().clone();
        let idx = slice_indices(vm, s, d.len())?;
        return same_type(vm, a.code, slice_data(&d, &idx));
    }
    let i = vm.index_isize(k)?;
    let d = a.data.borrow();
    norm_index(i, d.len())
        .and_then(|j| to_obj(vm, &d, j))
        .ok_or_else(|| vm.new_index_error("array index out of range"))
}

fn a_setitem(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [k, v] = args.shift().exact::<2>(vm, "__setitem__")?;
    if let Some(s) = k.downcast_ref::<PySlice>() {
        let Some(other) = v.downcast_ref::<PyArray>() else {
            return Err(vm.new_type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                vm.type_name(v)
            )));
        };
        if other.code != a.code {
            return Err(vm.new_type_error("bad argument type for built-in operation"));
        }
        let src = other.data.borrow().clone();
        let len = a.data.borrow().len();
        let (start, stop, step, n) = s.indices_for(vm, len)?;
        let mut d = a.data.borrow_mut();
        if step == 1 {
            let stop = stop.max(start) as usize;
            let start = start as usize;
            match (&mut *d, src) {
                (Data::Int(v), Data::Int(w)) => {
                    v.splice(start..stop, w);
                }
                (Data::Float(v), Data::Float(w)) => {
                    v.splice(start..stop, w);
                }
                (Data::Char(v), Data::Char(w)) => {
                    v.splice(start..stop, w);
                }
                _ => {}
            }
            return Ok(vm.none.clone());
        }
        if src.len() != n {
            return Err(vm.new_value_error(format!(
                "attempt to assign array of size {} to extended slice of size {n}",
                src.len()
            )));
        }
        for k in 0..n {
            let i = (start + k as isize * step) as usize;
            match (&mut *d, &src) {
                (Data::Int(v), Data::Int(w)) => v[i] = w[k],
                (Data::Float(v), Data::Float(w)) => v[i] = w[k],
                (Data::Char(v), Data::Char(w)) => v[i] = w[k],
                _ => {}
            }
        }
        return Ok(vm.none.clone());
    }
    let i = vm.index_isize(k)?;
    let x = convert(vm, a.code, v)?;
    let mut d = a.data.borrow_mut();
    let len = d.len();
    let Some(j) = norm_index(i, len) else {
        return Err(vm.new_index_error("array assignment index out of range"));
    };
    match (&mut *d, x) {
        (Data::Int(v), Item::I(x)) => v[j] = x,
        (Data::Float(v), Item::F(x)) => v[j] = x,
        (Data::Char(v), Item::C(x)) => v[j] = x,
        _ => {}
    }
    Ok(vm.none.clone())
}

fn a_delitem(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [k] = args.shift().exact::<1>(vm, "__delitem__")?;
    let len = a.data.borrow().len();
    let mut idx = if let Some(s) = k.downcast_ref::<PySlice>() {
        slice_indices(vm, s, len)?
    } else {
        let i = vm.index_isize(k)?;
        vec![norm_index(i, len)
            .ok_or_else(|| vm.new_index_error("array assignment index out of range"))?]
    };
    idx.sort_unstable();
    let mut d = a.data.borrow_mut();
    for i in idx.into_iter().rev() {
        remove_at(&mut d, i);
    }
    Ok(vm.none.clone())
}

fn a_contains(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [x] = args.shift().exact::<1>(vm, "__contains__")?;
    Ok(vm.new_bool(find(vm, a, x, 0, usize::MAX)?.is_some()))
}

fn a_iter(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let l = vm.new_list(items(vm, &a.data.borrow()));
    vm.iter(&l)
}

fn a_add(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [b] = args.shift().exact::<1>(vm, "__add__")?;
    let Some(o) = b.downcast_ref::<PyArray>() else {
        return Err(vm.new_type_error(format!(
            "can only append array (not \"{}\") to array",
            vm.type_name(b)
        )));
    };
    if o.code != a.code {
        return Err(vm.new_type_error("bad argument type for built-in operation"));
    }
    let mut d = a.data.borrow().clone();
    extend_data(&mut d, o.data.borrow().clone());
    same_type(vm, a.code, d)
}

fn a_iadd(vm: &Vm, args: Args) -> PyResult {
    let (o, a) = self_and(vm, &args)?;
    let [b] = args.shift().exact::<1>(vm, "__iadd__")?;
    let Some(other) = b.downcast_ref::<PyArray>() else {
        return Err(vm.new_type_error(format!(
            "can only extend array with array (not \"{}\")",
            vm.type_name(b)
        )));
    };
    if other.code != a.code {
        return Err(vm.new_type_error("can only extend with array of same kind"));
    }
    let add = other.data.borrow().clone();
    extend_data(&mut a.data.borrow_mut(), add);
    Ok(o.clone())
}

fn repeat(d: &Data, n: isize) -> Data {
    let n = n.max(0) as usize;
    let mut out = d.empty_like();
    for _ in 0..n {
        extend_data(&mut out, d.clone());
    }
    out
}

fn a_mul(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let [n] = args.shift().exact::<1>(vm, "__mul__")?;
    if vm.class_has(n.class(), &vm.names.__index__) || n.downcast_ref::<PyInt>().is_some() {
        let n = vm.index_isize(n)?;
        let d = repeat(&a.data.borrow(), n);
        return same_type(vm, a.code, d);
    }
    Ok(vm.not_implemented.clone())
}

fn a_imul(vm: &Vm, args: Args) -> PyResult {
    let (o, a) = self_and(vm, &args)?;
    let [n] = args.shift().exact::<1>(vm, "__imul__")?;
    let n = vm.index_isize(n)?;
    let d = repeat(&a.data.borrow(), n);
    *a.data.borrow_mut() = d;
    Ok(o.clone())
}

fn compare(vm: &Vm, args: &Args, op: CompareOp) -> PyResult {
    let (_, a) = self_and(vm, args)?;
    let [b] = args.shift().exact::<1>(vm, "__eq__")?;
    let Some(o) = b.downcast_ref::<PyArray>() else {
        return Ok(vm.not_implemented.clone());
    };
    let (x, y) = (items(vm, &a.data.borrow()), items(vm, &o.data.borrow()));
    if x.len() != y.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.new_bool(op == CompareOp::Ne));
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !vm.eq_bool(p, q)? {
            return vm.rich_compare(p, q, op);
        }
    }
    let ord = x.len().cmp(&y.len());
    Ok(vm.new_bool(op.eval_ord(ord)))
}

fn a_eq(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CompareOp::Eq)
}
fn a_ne(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CompareOp::Ne)
}
fn a_lt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CompareOp::Lt)
}
fn a_le(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CompareOp::Le)
}
fn a_gt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CompareOp::Gt)
}
fn a_ge(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CompareOp::Ge)
}

fn a_repr(vm: &Vm, args: Args) -> PyResult {
    let (o, a) = self_and(vm, &args)?;
    let name = crate::types::typeobj::class_of(o).ext.name().to_string();
    let d = a.data.borrow().clone();
    if d.len() == 0 {
        return Ok(vm.new_str(format!("{name}('{}')", a.code)));
    }
    let inner = if let Data::Char(v) = &d {
        vm.repr_string(&vm.new_str(v.iter().collect::<String>()))?
    } else {
        vm.repr_string(&vm.new_list(items(vm, &d)))?
    };
    Ok(vm.new_str(format!("{name}('{}', {inner})", a.code)))
}

fn a_copy(vm: &Vm, args: Args) -> PyResult {
    let (o, a) = self_and(vm, &args)?;
    let d = a.data.borrow().clone();
    new_array(vm, o.class(), a.code, d)
}

fn a_reduce_ex(vm: &Vm, args: Args) -> PyResult {
    let (o, a) = self_and(vm, &args)?;
    let d = a.data.borrow().clone();
    let init = if let Data::Char(v) = &d {
        vm.new_str(v.iter().collect::<String>())
    } else {
        vm.new_list(items(vm, &d))
    };
    let dict = vm.get_attr_opt(o, &vm.names.__dict__)?;
    Ok(vm.new_tuple(vec![
        o.class().clone(),
        vm.new_tuple(vec![vm.new_str(a.code.to_string()), init]),
        dict.unwrap_or_else(|| vm.none.clone()),
    ]))
}

fn init_array(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", a_new);
    let methods: [(&'static str, crate::args::NativeFn); 40] = [
        ("append", a_append),
        ("extend", a_extend),
        ("insert", a_insert),
        ("pop", a_pop),
        ("remove", a_remove),
        ("index", a_index),
        ("count", a_count),
        ("reverse", a_reverse),
        ("byteswap", a_byteswap),
        ("buffer_info", a_buffer_info),
        ("tobytes", a_tobytes),
        ("frombytes", a_frombytes),
        ("tolist", a_tolist),
        ("fromlist", a_fromlist),
        ("tounicode", a_tounicode),
        ("fromunicode", a_fromunicode),
        ("tofile", a_tofile),
        ("fromfile", a_fromfile),
        ("__len__", a_len),
        ("__getitem__", a_getitem),
        ("__setitem__", a_setitem),
        ("__delitem__", a_delitem),
        ("__contains__", a_contains),
        ("__iter__", a_iter),
        ("__add__", a_add),
        ("__iadd__", a_iadd),
        ("__mul__", a_mul),
        ("__rmul__", a_mul),
        ("__imul__", a_imul),
        ("__eq__", a_eq),
        ("__ne__", a_ne),
        ("__lt__", a_lt),
        ("__le__", a_le),
        ("__gt__", a_gt),
        ("__ge__", a_ge),
        ("__repr__", a_repr),
        ("__copy__", a_copy),
        ("__deepcopy__", a_copy),
        ("__reduce_ex__", a_reduce_ex),
        ("__sizeof__", a_sizeof),
    ];
    for (n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_getset(t, "typecode", g_typecode, None);
    vm.add_getset(t, "itemsize", g_itemsize, None);
    vm.set_type_attr(t, "__hash__", vm.none.clone());
}

fn a_sizeof(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = self_and(vm, &args)?;
    let n = a.data.borrow().len() * itemsize(a.code);
    Ok(vm.new_int(64 + n as i64))
}

/// Build the `array` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("array", None);
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    let t = array_type(vm).as_object().clone();
    vm.dict_set_str(d, "array", t.clone());
    vm.dict_set_str(d, "ArrayType", t);
    vm.dict_set_str(d, "typecodes", vm.new_str(CODES));
    Ok(m)
}
