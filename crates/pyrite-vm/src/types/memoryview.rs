//! `memoryview`: a minimal one-dimensional, format `'B'` view over the
//! bytes of a `bytes` or `bytearray` (or another memoryview). Supports
//! `len`, indexing and slicing (slices are views), item and slice
//! assignment over writable memory, `tobytes`, `tolist`, `hex`, `release`,
//! the context-manager protocol, equality and hashing.
//! `cast()` reinterprets contiguous memory with another native
//! single-character format (`'i'`, `'d'`, ...; little-endian like the host).
//! Mirrors (a subset of) CPython 3.11 `Objects/memoryobject.c`.

use crate::types::descr::TypeDocs;
use std::cell::RefCell;

use crate::args::Args;
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::int::PyInt;
use crate::types::slice::PySlice;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// The payload of a `memoryview`: the exporting object and which of its
/// bytes the view covers (`start + i * step` for `i < len`).
pub struct PyMemoryView {
    /// The exporter (`bytes` or `bytearray`); `None` once released.
    pub obj: RefCell<Option<PyObjectRef>>,
    pub start: usize,
    pub step: isize,
    pub len: usize,
    pub readonly: bool,
    /// The `struct` format character of the items (`'B'` unless cast).
    pub format: char,
    /// Bytes per item.
    pub itemsize: usize,
}

impl Payload for PyMemoryView {
    pyrite_core::unique_vtable!(PyMemoryView);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(o) = self.obj.try_borrow() {
            if let Some(o) = o.as_ref() {
                visit(o);
            }
        }
    }
}

impl Drop for PyMemoryView {
    fn drop(&mut self) {
        // A bytearray may be resized again once no view exports it.
        if let Some(o) = self.obj.get_mut().take() {
            unexport(&o);
        }
    }
}

fn export(o: &PyObjectRef) {
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        b.exports.set(b.exports.get() + 1);
    }
}

fn unexport(o: &PyObjectRef) {
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        b.exports.set(b.exports.get().saturating_sub(1));
    }
}

impl PyMemoryView {
    /// The viewed bytes, copied out (None when released).
    pub fn to_bytes(&self) -> Option<Vec<u8>> {
        let obj = self.obj.borrow();
        let o = obj.as_ref()?;
        let copy = |data: &[u8]| -> Vec<u8> {
            let mut out = Vec::with_capacity(self.len * self.itemsize);
            for i in 0..self.len {
                let p = (self.start as isize + i as isize * self.step) as usize;
                if let Some(b) = data.get(p..p + self.itemsize) {
                    out.extend_from_slice(b);
                }
            }
            out
        };
        if let Some(b) = o.downcast_ref::<PyBytes>() {
            return Some(copy(&b.data));
        }
        if let Some(b) = o.downcast_ref::<PyByteArray>() {
            return Some(copy(&b.data.borrow()));
        }
        Some(Vec::new())
    }
}

fn mv<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyMemoryView> {
    o.downcast_ref::<PyMemoryView>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'memoryview' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

/// The view, checked not to be released.
fn live<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyMemoryView> {
    let m = mv(vm, o)?;
    if m.obj.borrow().is_none() {
        return Err(vm.new_value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

fn data_of(vm: &Vm, m: &PyMemoryView) -> PyResult<Vec<u8>> {
    m.to_bytes()
        .ok_or_else(|| vm.new_value_error("operation forbidden on released memoryview object"))
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview).
pub fn bytes_like(o: &PyObjectRef) -> Option<Vec<u8>> {
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Some(b.data.to_vec());
    }
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        return Some(b.data.borrow().clone());
    }
    if let Some(m) = o.downcast_ref::<PyMemoryView>() {
        return m.to_bytes();
    }
    None
}

fn mv_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args.pos()[0].clone();
    let [obj] = args.shift().bind(vm, "memoryview", ["object"], 1, 0, 1)?;
    let obj = obj.expect("required");
    let view = if let Some(b) = obj.downcast_ref::<PyBytes>() {
        PyMemoryView {
            obj: RefCell::new(Some(obj.clone())),
            start: 0,
            step: 1,
            len: b.data.len(),
            readonly: true,
            format: 'B',
            itemsize: 1,
        }
    } else if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        let len = b.data.borrow().len();
        PyMemoryView {
            obj: RefCell::new(Some(obj.clone())),
            start: 0,
            step: 1,
            len,
            readonly: false,
            format: 'B',
            itemsize: 1,
        }
    } else if let Some(m) = obj.downcast_ref::<PyMemoryView>() {
        let base = m.obj.borrow().clone();
        let Some(base) = base else {
            return Err(vm.new_value_error("operation forbidden on released memoryview object"));
        };
        PyMemoryView {
            obj: RefCell::new(Some(base)),
            start: m.start,
            step: m.step,
            len: m.len,
            readonly: m.readonly,
            format: m.format,
            itemsize: m.itemsize,
        }
    } else {
        return Err(vm.new_type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(obj)
        )));
    };
    if let Some(o) = view.obj.borrow().as_ref() {
        export(o);
    }
    Ok(vm.try_alloc(view, &cls)?.into_object())
}

fn mv_len(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__len__")?;
    Ok(vm.new_int(live(vm, o)?.len as i64))
}

/// Position in the exporter's buffer of item `i` (already in range).
fn offset(m: &PyMemoryView, i: usize) -> usize {
    (m.start as isize + i as isize * m.step) as usize
}

fn item_index(vm: &Vm, m: &PyMemoryView, key: &PyObjectRef) -> PyResult<usize> {
    let i = vm.index_isize(key)?;
    let n = m.len as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

/// The `itemsize` bytes of the item at buffer position `pos`.
fn item_bytes(m: &PyMemoryView, pos: usize) -> Option<Vec<u8>> {
    let obj = m.obj.borrow();
    let o = obj.as_ref()?;
    let end = pos + m.itemsize;
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return b.data.get(pos..end).map(|s| s.to_vec());
    }
    o.downcast_ref::<PyByteArray>()
        .and_then(|b| b.data.borrow().get(pos..end).map(|s| s.to_vec()))
}

/// Size of a native single-character `struct` format, if supported.
fn format_size(f: char) -> Option<usize> {
    Some(match f {
        'b' | 'B' | 'c' | '?' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'd' | 'P' => 8,
        _ => return None,
    })
}

/// Decode one item.
fn unpack(vm: &Vm, f: char, b: &[u8]) -> PyObjectRef {
    let mut w = [0u8; 8];
    w[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    let u = u64::from_le_bytes(w);
    match f {
        'b' => vm.new_int(b[0] as i8 as i64),
        'c' => vm.alloc(PyBytes::new(vec![b[0]]), &vm.types.bytes),
        '?' => vm.new_bool(b[0] != 0),
        'h' => vm.new_int(u as u16 as i16 as i64),
        'i' => vm.new_int(u as u32 as i32 as i64),
        'l' | 'q' | 'n' => vm.new_int(u as i64),
        'f' => vm.new_float(f32::from_bits(u as u32) as f64),
        'd' => vm.new_float(f64::from_bits(u)),
        'L' | 'Q' | 'N' | 'P' => vm.new_int_val(crate::types::int::IntVal::from_big(
            dashu_int::IBig::from(u),
        )),
        _ => vm.new_int(u as i64),
    }
}

/// Encode one item, with CPython's errors.
fn pack(vm: &Vm, f: char, size: usize, v: &PyObjectRef) -> PyResult<Vec<u8>> {
    let bad_value = || vm.new_value_error(format!("memoryview: invalid value for format '{f}'"));
    let bad_type = || vm.new_type_error(format!("memoryview: invalid type for format '{f}'"));
    match f {
        'f' | 'd' => {
            let x = if let Some(fl) = v.downcast_ref::<crate::types::float::PyFloat>() {
                fl.value
            } else if let Some(i) = v.downcast_ref::<PyInt>() {
                i.value.to_f64().ok_or_else(bad_value)?
            } else {
                return Err(bad_type());
            };
            return Ok(if f == 'f' {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            });
        }
        'c' => {
            return match v.downcast_ref::<PyBytes>() {
                Some(b) if b.data.len() == 1 => Ok(b.data.to_vec()),
                _ => Err(bad_value()),
            }
        }
        '?' => return Ok(vec![vm.is_true(v)? as u8]),
        _ => {}
    }
    let Some(i) = v.downcast_ref::<PyInt>() else {
        return Err(bad_type());
    };
    let big = i.value.to_big();
    let bits = (size * 8) as u32;
    let signed = f.is_ascii_lowercase();
    let (lo, hi) = if signed {
        (
            -(dashu_int::IBig::from(1u8) << (bits as usize - 1)),
            (dashu_int::IBig::from(1u8) << (bits as usize - 1)),
        )
    } else {
        (
            dashu_int::IBig::from(0u8),
            dashu_int::IBig::from(1u8) << bits as usize,
        )
    };
    if big < lo || big >= hi {
        return Err(bad_value());
    }
    let u: i128 = i128::try_from(&big).map_err(|_| bad_value())?;
    Ok((u as u128).to_le_bytes()[..size].to_vec())
}

fn is_index(vm: &Vm, key: &PyObjectRef) -> bool {
    key.downcast_ref::<PyInt>().is_some()
        || crate::types::typeobj::class_of(key)
            .ext
            .lookup(&vm.names.__index__)
            .is_some()
}

fn mv_getitem(vm: &Vm, args: Args) -> PyResult {
    let [o, key] = args.exact::<2>(vm, "__getitem__")?;
    let m = live(vm, o)?;
    if let Some(s) = key.downcast_ref::<PySlice>() {
        let (start, _stop, step, n) = s.indices_for(vm, m.len)?;
        let base = m.obj.borrow().clone().expect("live");
        export(&base);
        let first = if n == 0 {
            m.start
        } else {
            offset(m, start as usize)
        };
        let view = PyMemoryView {
            obj: RefCell::new(Some(base)),
            start: first,
            step: m.step * step,
            len: n,
            readonly: m.readonly,
            format: m.format,
            itemsize: m.itemsize,
        };
        return Ok(vm
            .try_alloc(view, &vm.types.memoryview.as_object().clone())?
            .into_object());
    }
    if key.is(&vm.ellipsis) {
        return Ok(o.clone());
    }
    if !is_index(vm, key) {
        return Err(vm.new_type_error("memoryview: invalid slice key"));
    }
    let i = item_index(vm, m, key)?;
    match item_bytes(m, offset(m, i)) {
        Some(b) => Ok(unpack(vm, m.format, &b)),
        None => Err(vm.new_index_error("index out of bounds on dimension 1")),
    }
}

fn mv_setitem(vm: &Vm, args: Args) -> PyResult {
    let [o, key, value] = args.exact::<3>(vm, "__setitem__")?;
    let m = live(vm, o)?;
    if m.readonly {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    }
    let base = m.obj.borrow().clone().expect("live");
    let Some(ba) = base.downcast_ref::<PyByteArray>() else {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    };
    if let Some(s) = key.downcast_ref::<PySlice>() {
        let (start, _stop, step, n) = s.indices_for(vm, m.len)?;
        let src = bytes_like(value).ok_or_else(|| {
            vm.new_type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(value)
            ))
        })?;
        if src.len() != n * m.itemsize {
            return Err(vm.new_value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut data = ba.data.borrow_mut();
        for (k, item) in src.chunks(m.itemsize.max(1)).enumerate() {
            let pos = offset(m, (start + k as isize * step) as usize);
            if let Some(slot) = data.get_mut(pos..pos + item.len()) {
                slot.copy_from_slice(item);
            }
        }
        return Ok(vm.none.clone());
    }
    if !is_index(vm, key) {
        return Err(vm.new_type_error("memoryview: invalid slice key"));
    }
    let i = item_index(vm, m, key)?;
    let v = pack(vm, m.format, m.itemsize, value)?;
    let pos = offset(m, i);
    if let Some(slot) = ba.data.borrow_mut().get_mut(pos..pos + v.len()) {
        slot.copy_from_slice(&v);
    }
    Ok(vm.none.clone())
}

fn mv_tobytes(vm: &Vm, args: Args) -> PyResult {
    let (o, _order) = args.shift_self_bind(vm, "tobytes")?;
    let m = live(vm, o)?;
    let data = data_of(vm, m)?;
    Ok(vm.alloc(PyBytes::new(data), &vm.types.bytes))
}

fn mv_tolist(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "tolist")?;
    let m = live(vm, o)?;
    let data = data_of(vm, m)?;
    let items = data
        .chunks(m.itemsize.max(1))
        .map(|b| unpack(vm, m.format, b))
        .collect();
    Ok(vm.new_list(items))
}

fn mv_hex(vm: &Vm, args: Args) -> PyResult {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("hex() needs an argument"))?;
    let m = live(vm, o)?;
    let data = data_of(vm, m)?;
    let mut s = String::with_capacity(data.len() * 2);
    for b in data {
        s.push_str(&format!("{b:02x}"));
    }
    Ok(vm.new_str(s))
}

fn mv_release(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "release")?;
    let m = mv(vm, o)?;
    let old = m.obj.borrow_mut().take();
    if let Some(old) = old {
        unexport(&old);
    }
    Ok(vm.none.clone())
}

fn mv_enter(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__enter__")?;
    live(vm, o)?;
    Ok(o.clone())
}

fn mv_exit(vm: &Vm, args: Args) -> PyResult {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("__exit__ needs self"))?;
    mv_release(vm, Args::positional(std::slice::from_ref(o)))
}

fn mv_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let m = mv(vm, o)?;
    let released = if m.obj.borrow().is_none() {
        "released "
    } else {
        ""
    };
    Ok(vm.new_str(format!("<{released}memory at {:#x}>", o.id())))
}

fn mv_eq(vm: &Vm, args: Args) -> PyResult {
    let [o, other] = args.exact::<2>(vm, "__eq__")?;
    let m = mv(vm, o)?;
    if o.is(other) {
        return Ok(vm.true_.clone());
    }
    let Some(b) = bytes_like(other) else {
        return Ok(vm.not_implemented.clone());
    };
    let Some(a) = m.to_bytes() else {
        return Ok(vm.false_.clone());
    };
    if other
        .downcast_ref::<PyMemoryView>()
        .is_some_and(|x| x.obj.borrow().is_none())
    {
        return Ok(vm.false_.clone());
    }
    Ok(vm.new_bool(a == b))
}

fn mv_hash(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__hash__")?;
    let m = live(vm, o)?;
    if !m.readonly {
        return Err(vm.new_value_error("cannot hash writable memoryview object"));
    }
    let b = vm.alloc(PyBytes::new(data_of(vm, m)?), &vm.types.bytes);
    Ok(vm.new_int(vm.hash(&b)?))
}

fn mv_iter(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__iter__")?;
    let m = live(vm, o)?;
    let data = data_of(vm, m)?;
    let items = data
        .chunks(m.itemsize.max(1))
        .map(|b| unpack(vm, m.format, b))
        .collect();
    vm.iter(&vm.new_list(items))
}

fn mv_delitem(vm: &Vm, args: Args) -> PyResult {
    let [o, _key] = args.exact::<2>(vm, "__delitem__")?;
    let m = live(vm, o)?;
    if m.readonly {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    }
    Err(vm.new_type_error("cannot delete memory"))
}

/// A view of the same memory, `readonly` as given.
fn same_view(vm: &Vm, m: &PyMemoryView, readonly: bool) -> PyResult {
    let base = m.obj.borrow().clone().expect("live");
    export(&base);
    let view = PyMemoryView {
        obj: RefCell::new(Some(base)),
        start: m.start,
        step: m.step,
        len: m.len,
        readonly,
        format: m.format,
        itemsize: m.itemsize,
    };
    Ok(vm
        .try_alloc(view, &vm.types.memoryview.as_object().clone())?
        .into_object())
}

fn mv_toreadonly(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "toreadonly")?;
    let m = live(vm, o)?;
    same_view(vm, m, true)
}

fn mv_cast(vm: &Vm, args: Args) -> PyResult {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("cast() needs self"))?;
    let m = live(vm, o)?;
    let [format, shape] = args
        .shift()
        .bind(vm, "cast", ["format", "shape"], 1, 0, 2)?;
    let format = format.expect("required");
    let Some(fs) = crate::types::str::as_str(format) else {
        return Err(vm.new_type_error(format!(
            "cast() argument 'format' must be str, not {}",
            vm.type_name(format)
        )));
    };
    if shape.is_some_and(|s| !s.is(&vm.none)) {
        return Err(vm.new_not_implemented_error(
            "memoryview.cast() with a shape is not supported by Pyrite",
        ));
    }
    let f = fs.strip_prefix('@').unwrap_or(fs);
    let mut chars = f.chars();
    let (Some(fc), None) = (chars.next(), chars.next()) else {
        return Err(vm.new_value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let Some(size) = format_size(fc) else {
        return Err(vm.new_value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if m.step != m.itemsize as isize {
        return Err(vm.new_type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let is_byte = |c: char| matches!(c, 'B' | 'b' | 'c');
    if !is_byte(m.format) && !is_byte(fc) {
        return Err(vm.new_type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let total = m.len * m.itemsize;
    if total % size != 0 {
        return Err(vm.new_type_error("memoryview: length is not a multiple of itemsize"));
    }
    let base = m.obj.borrow().clone().expect("live");
    export(&base);
    let view = PyMemoryView {
        obj: RefCell::new(Some(base)),
        start: m.start,
        step: size as isize,
        len: total / size,
        readonly: m.readonly,
        format: fc,
        itemsize: size,
    };
    Ok(vm
        .try_alloc(view, &vm.types.memoryview.as_object().clone())?
        .into_object())
}

fn get_suboffsets(vm: &Vm, o: &PyObjectRef) -> PyResult {
    live(vm, o)?;
    Ok(vm.new_tuple(vec![]))
}

fn get_obj(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = live(vm, o)?;
    Ok(m.obj.borrow().clone().unwrap_or_else(|| vm.none.clone()))
}

fn get_nbytes(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = live(vm, o)?;
    Ok(vm.new_int((m.len * m.itemsize) as i64))
}

fn get_readonly(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(live(vm, o)?.readonly))
}

fn get_itemsize(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(live(vm, o)?.itemsize as i64))
}

fn get_format(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(live(vm, o)?.format.to_string()))
}

fn get_ndim(vm: &Vm, o: &PyObjectRef) -> PyResult {
    live(vm, o)?;
    Ok(vm.new_int(1))
}

fn get_shape(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = live(vm, o)?;
    Ok(vm.new_tuple(vec![vm.new_int(m.len as i64)]))
}

fn get_strides(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = live(vm, o)?;
    Ok(vm.new_tuple(vec![vm.new_int(m.step as i64)]))
}

fn get_released(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(mv(vm, o)?.obj.borrow().is_none()))
}

fn get_contiguous(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = live(vm, o)?;
    Ok(vm.new_bool(m.step == m.itemsize as isize || m.len <= 1))
}

impl<'a> Args<'a> {
    /// `(self, order=None)` for `tobytes`.
    fn shift_self_bind(
        &self,
        vm: &Vm,
        name: &str,
    ) -> PyResult<(&'a PyObjectRef, Option<&'a PyObjectRef>)> {
        let pos = self.pos();
        let o = pos
            .first()
            .ok_or_else(|| vm.new_type_error(format!("{name}() needs self")))?;
        let [order] = self.shift().bind(vm, name, ["order"], 0, 0, 1)?;
        Ok((o, order))
    }
}

/// Docstrings of `memoryview` and its methods (CPython's texts).
pub(crate) const MEMORYVIEW_DOCS: TypeDocs = TypeDocs {
    doc: "memoryview(object)\n--\n\nCreate a new memoryview object which references the given object.",
    members: &[
        ("release", "release($self, /)\n--\n\nRelease the underlying buffer exposed by the memoryview object."),
        ("tobytes", "tobytes($self, /, order='C')\n--\n\nReturn the data in the buffer as a byte string.\n\nOrder can be {'C', 'F', 'A'}. When order is 'C' or 'F', the data of the\noriginal array is converted to C or Fortran order. For contiguous views,\n'A' returns an exact copy of the physical memory. In particular, in-memory\nFortran order is preserved. For non-contiguous views, the data is converted\nto C first. order=None is the same as order='C'."),
        ("hex", "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nReturn the data in the buffer as a str of hexadecimal numbers.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = memoryview(b'\\xb9\\x01\\xef')\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n>>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'"),
        ("tolist", "tolist($self, /)\n--\n\nReturn the data in the buffer as a list of elements."),
        ("cast", "cast($self, /, format, shape=<unrepresentable>)\n--\n\nCast a memoryview to a new format or shape."),
        ("toreadonly", "toreadonly($self, /)\n--\n\nReturn a readonly version of the memoryview."),
        ("obj", "The underlying object of the memoryview."),
        ("nbytes", "The amount of space in bytes that the array would use in\n a contiguous representation."),
        ("readonly", "A bool indicating whether the memory is read only."),
        ("itemsize", "The size in bytes of each element of the memoryview."),
        ("format", "A string containing the format (in struct module style)\n for each element in the view."),
        ("ndim", "An integer indicating how many dimensions of a multi-dimensional\n array the memory represents."),
        ("shape", "A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array."),
        ("strides", "A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array."),
        ("suboffsets", "A tuple of integers used internally for PIL-style arrays."),
        ("c_contiguous", "A bool indicating whether the memory is C contiguous."),
        ("f_contiguous", "A bool indicating whether the memory is Fortran contiguous."),
        ("contiguous", "A bool indicating whether the memory is contiguous."),
    ],
};

/// Register memoryview's methods.
pub fn init(vm: &Vm) {
    let t = &vm.types.memoryview;
    vm.add_staticmethod(t, "__new__", mv_new);
    vm.add_method(t, "__len__", mv_len);
    vm.add_method(t, "__getitem__", mv_getitem);
    vm.add_method(t, "__setitem__", mv_setitem);
    vm.add_method(t, "__repr__", mv_repr);
    vm.add_method(t, "__eq__", mv_eq);
    vm.add_method(t, "__hash__", mv_hash);
    vm.add_method(t, "__enter__", mv_enter);
    vm.add_method(t, "__exit__", mv_exit);
    vm.add_method(t, "tobytes", mv_tobytes);
    vm.add_method(t, "tolist", mv_tolist);
    vm.add_method(t, "hex", mv_hex);
    vm.add_method(t, "release", mv_release);
    vm.add_method(t, "__iter__", mv_iter);
    vm.add_method(t, "__delitem__", mv_delitem);
    vm.add_method(t, "toreadonly", mv_toreadonly);
    vm.add_method(t, "cast", mv_cast);
    vm.add_getset(t, "suboffsets", get_suboffsets, None);
    vm.add_getset(t, "obj", get_obj, None);
    vm.add_getset(t, "nbytes", get_nbytes, None);
    vm.add_getset(t, "readonly", get_readonly, None);
    vm.add_getset(t, "itemsize", get_itemsize, None);
    vm.add_getset(t, "format", get_format, None);
    vm.add_getset(t, "ndim", get_ndim, None);
    vm.add_getset(t, "shape", get_shape, None);
    vm.add_getset(t, "strides", get_strides, None);
    vm.add_getset(t, "released", get_released, None);
    vm.add_getset(t, "contiguous", get_contiguous, None);
    vm.add_getset(t, "c_contiguous", get_contiguous, None);
    vm.add_getset(t, "f_contiguous", get_contiguous, None);
    vm.set_docs(&vm.types.memoryview, &MEMORYVIEW_DOCS);
}
