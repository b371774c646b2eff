//! The `_struct` module: `pack`/`unpack` and friends, the `Struct` type,
//! its `unpack_iterator` and the `struct.error` exception. Sizes and
//! alignment of native (`@`) mode are those of CPython on x86-64 Linux;
//! the standard modes (`= < > !`) use fixed sizes and no alignment.
//! Range-check messages follow CPython 3.11 `Modules/_struct.c`.

use std::cell::{Cell, RefCell};

use dashu_int::IBig;

use super::itertools::{iter_next, iter_self, NativeIter};
use super::type_cache::{native_type, GC, WEAK};
use crate::args::Args;
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::float_methods::float_from_obj;
use crate::types::int::{IntVal, PyInt};
use crate::types::memoryview::{bytes_like, PyMemoryView};
use crate::types::str::PyStr;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyBaseExceptionRef, PyObjectRef, PyResult, Vm};

// ----- format parsing ---------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `@` (or no prefix): native sizes, alignment, byte order.
    Native,
    /// `=`, `<`, `>`, `!`: standard sizes, no alignment.
    Std { big: bool },
}

/// One format code with its repeat count (for `s`/`p` the count is the
/// byte length and the run stands for one value).
#[derive(Clone, Copy)]
struct Run {
    code: u8,
    offset: usize,
    count: usize,
    itemsize: usize,
}

/// A compiled format.
#[derive(Clone)]
struct Layout {
    mode: Mode,
    runs: Vec<Run>,
    size: usize,
    /// Number of values packed/unpacked.
    nvalues: usize,
}

/// (size, alignment) of a code, `None` when the code is not allowed.
fn code_size(mode: Mode, c: u8) -> Option<(usize, usize)> {
    let native = mode == Mode::Native;
    let s = match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((s, if native { s } else { 0 }))
}

/// Parse a format; errors are the `struct.error` messages.
fn parse(fmt: &[u8]) -> Result<Layout, &'static str> {
    let (mode, body) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'=') | Some(b'<') => (Mode::Std { big: false }, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Mode::Std { big: true }, &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    const TOO_LONG: &str = "total struct size too long";
    let mut runs = Vec::new();
    let mut size: usize = 0;
    let mut nvalues = 0usize;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() || c == 0x0b {
            continue;
        }
        let num = if c.is_ascii_digit() {
            let mut n: usize = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else {
                    return Err("repeat count given without format specifier");
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((d - b'0') as usize))
                    .filter(|n| *n <= isize::MAX as usize)
                    .ok_or(TOO_LONG)?;
            }
            n
        } else {
            1
        };
        let (itemsize, align) = code_size(mode, c).ok_or("bad char in struct format")?;
        if align > 0 && size > 0 {
            let extra = (align - 1) - (size - 1) % align;
            size = size.checked_add(extra).ok_or(TOO_LONG)?;
        }
        match c {
            b's' | b'p' => nvalues += 1,
            b'x' => {}
            _ => nvalues += num,
        }
        let total = num.checked_mul(itemsize).ok_or(TOO_LONG)?;
        if c != b'x' && num > 0 || matches!(c, b's' | b'p') {
            runs.push(Run {
                code: c,
                offset: size,
                count: num,
                itemsize,
            });
        }
        size = size
            .checked_add(total)
            .filter(|s| *s <= isize::MAX as usize)
            .ok_or(TOO_LONG)?;
    }
    Ok(Layout {
        mode,
        runs,
        size,
        nvalues,
    })
}

// ----- errors -------------------------------------------------------------------

fn error_class(vm: &Vm) -> Option<PyObjectRef> {
    vm.modules
        .get_by_str("_struct")
        .and_then(|m| vm.module_dict(&m).and_then(|d| d.get_by_str("error")))
}

/// A `struct.error` with `msg`.
fn serr(vm: &Vm, msg: impl Into<String>) -> PyBaseExceptionRef {
    let msg = msg.into();
    match error_class(vm)
        .and_then(|c| vm.call(&c, &[vm.new_str(msg.as_str())]).ok())
        .and_then(|e| e.downcast().ok())
    {
        Some(e) => e,
        None => vm.new_value_error(msg),
    }
}

/// The format argument (str or bytes) as ASCII bytes.
fn format_bytes(vm: &Vm, fmt: &PyObjectRef) -> PyResult<Vec<u8>> {
    let b = if fmt.downcast_ref::<PyStr>().is_some() {
        let enc = vm.call_method(fmt, "encode", &[vm.new_str("ascii")])?;
        bytes_like(&enc).unwrap_or_default()
    } else if let Some(b) = fmt.downcast_ref::<PyBytes>() {
        b.data.to_vec()
    } else {
        return Err(vm.new_type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            vm.type_name(fmt)
        )));
    };
    if b.contains(&0) {
        return Err(serr(vm, "embedded null character"));
    }
    Ok(b)
}

fn compile(vm: &Vm, fmt: &PyObjectRef) -> PyResult<(Layout, PyObjectRef)> {
    let b = format_bytes(vm, fmt)?;
    let layout = parse(&b).map_err(|m| serr(vm, m))?;
    let text = vm.new_str(String::from_utf8_lossy(&b).into_owned());
    Ok((layout, text))
}

thread_local! {
    /// Compiled formats of the module-level functions (CPython keeps a
    /// cache of up to 100 `Struct`s the same way).
    static CACHE: std::cell::RefCell<std::collections::HashMap<Vec<u8>, Layout>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

const MAXCACHE: usize = 100;

/// The layout of a format argument, through the cache.
fn cached(vm: &Vm, fmt: &PyObjectRef) -> PyResult<Layout> {
    let key: Option<Vec<u8>> = if let Some(s) = fmt.downcast_ref::<PyStr>() {
        Some(s.as_str().as_bytes().to_vec())
    } else {
        fmt.downcast_ref::<PyBytes>().map(|b| b.data.to_vec())
    };
    if let Some(k) = &key {
        if let Some(l) = CACHE.with(|c| c.borrow().get(k).cloned()) {
            return Ok(l);
        }
    }
    let l = compile(vm, fmt)?.0;
    if let Some(k) = key {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= MAXCACHE {
                c.clear();
            }
            c.insert(k, l.clone());
        });
    }
    Ok(l)
}

// ----- packing -----------------------------------------------------------------

/// The integer value of a pack argument (`__index__` allowed).
fn int_arg(vm: &Vm, v: &PyObjectRef) -> PyResult<IntVal> {
    if let Some(i) = v.downcast_ref::<PyInt>() {
        return Ok(i.value.clone());
    }
    if vm.class_has(v.class(), &vm.names.__index__) {
        let r = vm.index(v)?;
        if let Some(i) = r.downcast_ref::<PyInt>() {
            return Ok(i.value.clone());
        }
    }
    Err(serr(vm, "required argument is not an integer"))
}

fn as_i128(v: &IntVal) -> Option<i128> {
    match v {
        IntVal::Small(x) => Some(*x as i128),
        IntVal::Big(b) => i128::try_from(&**b).ok(),
    }
}

/// The integer to store for an integer code, range-checked with CPython's
/// messages, as the low bytes of an `i128` / `u64` bit pattern.
/// Big-endian standard mode has its own messages for `h`/`H` (like
/// `i`/`I`) and `q`/`Q` (CPython's `bp_*` packers).
fn int_to_store(vm: &Vm, big: bool, c: u8, size: usize, v: &PyObjectRef) -> PyResult<u64> {
    let iv = int_arg(vm, v)?;
    let out_of_range = || serr(vm, "argument out of range");
    let x = as_i128(&iv).ok_or_else(out_of_range)?;
    let fits_long = (i64::MIN as i128..=i64::MAX as i128).contains(&x);
    let fits_ulong = (0..=u64::MAX as i128).contains(&x);
    let range = |lo: i128, hi: i128, msg: String| -> PyResult<u64> {
        if (lo..=hi).contains(&x) {
            Ok(x as u64)
        } else {
            Err(serr(vm, msg))
        }
    };
    match c {
        b'h' | b'H' | b'q' | b'Q' if big => {
            let signed = c == b'h' || c == b'q';
            if c == b'q' || c == b'Q' {
                let ok = if signed { fits_long } else { fits_ulong };
                return if ok {
                    Ok(x as u64)
                } else {
                    Err(serr(vm, "int too large to convert"))
                };
            }
            if !(if signed { fits_long } else { fits_ulong }) {
                return Err(out_of_range());
            }
            if signed {
                range(
                    -32768,
                    32767,
                    "'h' format requires -32768 <= number <= 32767".into(),
                )
            } else {
                range(0, 65535, "'H' format requires 0 <= number <= 65535".into())
            }
        }
        b'b' | b'B' | b'h' | b'H' => {
            if !fits_long {
                return Err(out_of_range());
            }
            match c {
                b'b' => range(
                    -128,
                    127,
                    "byte format requires -128 <= number <= 127".into(),
                ),
                b'B' => range(0, 255, "ubyte format requires 0 <= number <= 255".into()),
                b'h' => range(
                    -32768,
                    32767,
                    "short format requires -32768 <= number <= 32767".into(),
                ),
                _ => range(
                    0,
                    65535,
                    "ushort format requires 0 <= number <= 65535".into(),
                ),
            }
        }
        b'i' | b'l' if size == 4 => {
            if !fits_long {
                return Err(out_of_range());
            }
            range(
                i32::MIN as i128,
                i32::MAX as i128,
                format!(
                    "'{}' format requires -2147483648 <= number <= 2147483647",
                    c as char
                ),
            )
        }
        b'I' | b'L' if size == 4 => {
            if !fits_ulong {
                return Err(out_of_range());
            }
            range(
                0,
                u32::MAX as i128,
                format!("'{}' format requires 0 <= number <= 4294967295", c as char),
            )
        }
        b'l' | b'q' | b'n' => {
            if !fits_long {
                return Err(out_of_range());
            }
            Ok(x as u64)
        }
        b'L' | b'Q' | b'N' => {
            if !fits_ulong {
                return Err(out_of_range());
            }
            Ok(x as u64)
        }
        b'P' => {
            if !(i64::MIN as i128..=u64::MAX as i128).contains(&x) {
                return Err(serr(vm, "int too large to convert"));
            }
            Ok(x as u64)
        }
        _ => Err(out_of_range()),
    }
}

/// Round to nearest, ties to even, for values whose integer part is exact.
fn round_half_even(s: f64) -> f64 {
    let f = s.floor();
    let d = s - f;
    if d > 0.5 || (d == 0.5 && f % 2.0 != 0.0) {
        f + 1.0
    } else {
        f
    }
}

/// IEEE 754 binary16 bits of `x`, rounded to nearest-even directly from
/// the double (no double rounding through `f32`); `None` on overflow.
pub fn pack_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    let bits = a.to_bits();
    let ebits = ((bits >> 52) & 0x7ff) as i32;
    let e = ebits - 1023;
    if ebits == 0 || e < -14 {
        // Subnormal half: a multiple of 2^-24 (1024 carries into the
        // smallest normal number, whose bits are exactly 0x0400).
        let k = round_half_even(a * (1u64 << 24) as f64) as u16;
        return Some(sign | k);
    }
    let frac = (bits & ((1u64 << 52) - 1)) as f64 / (1u64 << 52) as f64;
    let mut k = round_half_even(frac * 1024.0) as u32;
    let mut exp = e + 15;
    if k == 1024 {
        k = 0;
        exp += 1;
    }
    if exp >= 31 {
        return None;
    }
    Some(sign | ((exp as u16) << 10) | k as u16)
}

/// The double of binary16 bits.
pub fn unpack_half(h: u16) -> f64 {
    let neg = h & 0x8000 != 0;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let v = if e == 0 {
        f * 2f64.powi(-24)
    } else if e == 31 {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if neg {
        -v
    } else {
        v
    }
}

fn put(out: &mut [u8], at: usize, bytes: &[u8], big: bool) {
    let n = bytes.len();
    for (j, b) in bytes.iter().enumerate() {
        out[at + if big { n - 1 - j } else { j }] = *b;
    }
}

fn float_arg(vm: &Vm, v: &PyObjectRef) -> PyResult<f64> {
    float_from_obj(vm, v).map_err(|_| serr(vm, "required argument is not a float"))
}

fn pack_one(
    vm: &Vm,
    l: &Layout,
    run: &Run,
    at: usize,
    v: &PyObjectRef,
    out: &mut [u8],
) -> PyResult<()> {
    let big = matches!(l.mode, Mode::Std { big: true });
    let size = run.itemsize;
    match run.code {
        b'?' => out[at] = vm.is_true(v)? as u8,
        b'c' => match v.downcast_ref::<PyBytes>() {
            Some(b) if b.data.len() == 1 => out[at] = b.data[0],
            _ => return Err(serr(vm, "char format requires a bytes object of length 1")),
        },
        b'e' => {
            let x = float_arg(vm, v)?;
            let h = pack_half(x)
                .ok_or_else(|| vm.new_overflow_error("float too large to pack with e format"))?;
            put(out, at, &h.to_le_bytes(), big);
        }
        b'f' => {
            let x = float_arg(vm, v)?;
            let y = x as f32;
            if l.mode != Mode::Native && y.is_infinite() && x.is_finite() {
                return Err(vm.new_overflow_error("float too large to pack with f format"));
            }
            put(out, at, &y.to_le_bytes(), big);
        }
        b'd' => {
            let x = float_arg(vm, v)?;
            put(out, at, &x.to_le_bytes(), big);
        }
        c => {
            let x = int_to_store(vm, big, c, size, v)?;
            put(out, at, &x.to_le_bytes()[..size], big);
        }
    }
    Ok(())
}

/// Pack `values` into `out` (which is `l.size` bytes, zeroed).
fn pack_values(vm: &Vm, l: &Layout, values: &[PyObjectRef], out: &mut [u8]) -> PyResult<()> {
    let mut vi = 0;
    for run in &l.runs {
        match run.code {
            b's' | b'p' => {
                let v = &values[vi];
                vi += 1;
                let data: Vec<u8> = if let Some(b) = v.downcast_ref::<PyBytes>() {
                    b.data.to_vec()
                } else if let Some(b) = v.downcast_ref::<PyByteArray>() {
                    b.data.borrow().clone()
                } else {
                    return Err(serr(
                        vm,
                        format!("argument for '{}' must be a bytes object", run.code as char),
                    ));
                };
                let n = run.count;
                if run.code == b's' {
                    let k = data.len().min(n);
                    out[run.offset..run.offset + k].copy_from_slice(&data[..k]);
                } else if n > 0 {
                    let k = data.len().min(n - 1);
                    out[run.offset + 1..run.offset + 1 + k].copy_from_slice(&data[..k]);
                    out[run.offset] = k.min(255) as u8;
                }
            }
            _ => {
                for j in 0..run.count {
                    let v = &values[vi];
                    vi += 1;
                    pack_one(vm, l, run, run.offset + j * run.itemsize, v, out)?;
                }
            }
        }
    }
    Ok(())
}

fn check_count(vm: &Vm, l: &Layout, got: usize, what: &str) -> PyResult<()> {
    if got != l.nvalues {
        return Err(serr(
            vm,
            format!(
                "{what} expected {} items for packing (got {got})",
                l.nvalues
            ),
        ));
    }
    Ok(())
}

fn pack_to_bytes(vm: &Vm, l: &Layout, values: &[PyObjectRef]) -> PyResult {
    check_count(vm, l, values.len(), "pack")?;
    let mut out = vec![0u8; l.size];
    pack_values(vm, l, values, &mut out)?;
    Ok(vm.alloc(PyBytes::new(out), &vm.types.bytes))
}

// ----- unpacking ---------------------------------------------------------------

fn get(data: &[u8], at: usize, n: usize, big: bool) -> u64 {
    let mut b = [0u8; 8];
    for j in 0..n {
        b[if big { n - 1 - j } else { j }] = data[at + j];
    }
    u64::from_le_bytes(b)
}

fn unpack_values(vm: &Vm, l: &Layout, data: &[u8]) -> PyResult {
    let big = matches!(l.mode, Mode::Std { big: true });
    let mut out = Vec::with_capacity(l.nvalues);
    for run in &l.runs {
        match run.code {
            b's' => out.push(vm.alloc(
                PyBytes::new(data[run.offset..run.offset + run.count].to_vec()),
                &vm.types.bytes,
            )),
            b'p' => {
                let n = run.count;
                let v = if n == 0 {
                    Vec::new()
                } else {
                    let k = (data[run.offset] as usize).min(n - 1);
                    data[run.offset + 1..run.offset + 1 + k].to_vec()
                };
                out.push(vm.alloc(PyBytes::new(v), &vm.types.bytes));
            }
            c => {
                let size = run.itemsize;
                for j in 0..run.count {
                    let at = run.offset + j * size;
                    let raw = get(data, at, size, big);
                    out.push(match c {
                        b'?' => vm.new_bool(raw != 0),
                        b'c' => vm.alloc(PyBytes::new(vec![raw as u8]), &vm.types.bytes),
                        b'e' => vm.new_float(unpack_half(raw as u16)),
                        b'f' => vm.new_float(f32::from_bits(raw as u32) as f64),
                        b'd' => vm.new_float(f64::from_bits(raw)),
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            let shift = 64 - 8 * size as u32;
                            vm.new_int(((raw << shift) as i64) >> shift)
                        }
                        _ => {
                            if raw <= i64::MAX as u64 {
                                vm.new_int(raw as i64)
                            } else {
                                vm.new_bigint(IBig::from(raw))
                            }
                        }
                    });
                }
            }
        }
    }
    Ok(vm.new_tuple(out))
}

fn buffer_arg(vm: &Vm, b: &PyObjectRef) -> PyResult<Vec<u8>> {
    bytes_like(b).ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(b)
        ))
    })
}

fn unpack(vm: &Vm, l: &Layout, buf: &PyObjectRef) -> PyResult {
    let data = buffer_arg(vm, buf)?;
    if data.len() != l.size {
        return Err(serr(
            vm,
            format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    unpack_values(vm, l, &data)
}

fn unpack_from(vm: &Vm, l: &Layout, buf: &PyObjectRef, offset: Option<&PyObjectRef>) -> PyResult {
    let data = buffer_arg(vm, buf)?;
    let mut off = match offset {
        Some(o) => vm.index_isize(o)?,
        None => 0,
    };
    let len = data.len() as isize;
    let size = l.size as isize;
    if off < 0 {
        if off + size > 0 {
            return Err(serr(
                vm,
                format!("not enough data to unpack {size} bytes at offset {off}"),
            ));
        }
        if off + len < 0 {
            return Err(serr(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        off += len;
    }
    if len - off < size {
        return Err(serr(vm, format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {off} (actual buffer size is {len})",
            size + off
        )));
    }
    let off = off as usize;
    unpack_values(vm, l, &data[off..off + l.size])
}

/// Write `bytes` at `off` of a writable buffer (bytearray or a writable
/// memoryview of one); returns the buffer length first for the checks.
fn writable_len(vm: &Vm, b: &PyObjectRef) -> PyResult<usize> {
    if let Some(ba) = b.downcast_ref::<PyByteArray>() {
        return Ok(ba.data.borrow().len());
    }
    if let Some(m) = b.downcast_ref::<PyMemoryView>() {
        if !m.readonly && m.obj.borrow().is_some() {
            return Ok(m.len * m.itemsize);
        }
    }
    Err(vm.new_type_error(format!(
        "argument must be read-write bytes-like object, not {}",
        vm.type_name(b)
    )))
}

fn write_at(b: &PyObjectRef, off: usize, bytes: &[u8]) {
    if let Some(ba) = b.downcast_ref::<PyByteArray>() {
        ba.data.borrow_mut()[off..off + bytes.len()].copy_from_slice(bytes);
        return;
    }
    if let Some(m) = b.downcast_ref::<PyMemoryView>() {
        let obj = m.obj.borrow();
        if let Some(ba) = obj.as_ref().and_then(|o| o.downcast_ref::<PyByteArray>()) {
            let mut d = ba.data.borrow_mut();
            for (j, x) in bytes.iter().enumerate() {
                let k = off + j;
                let item = (k / m.itemsize) as isize;
                let p = (m.start as isize + item * m.step) as usize + k % m.itemsize;
                if let Some(slot) = d.get_mut(p) {
                    *slot = *x;
                }
            }
        }
    }
}

fn pack_into(vm: &Vm, l: &Layout, rest: &[PyObjectRef], fname: &str) -> PyResult {
    let Some(buf) = rest.first() else {
        return Err(serr(vm, "pack_into expected buffer argument"));
    };
    let Some(offset) = rest.get(1) else {
        return Err(serr(vm, "pack_into expected offset argument"));
    };
    let values = &rest[2..];
    check_count(vm, l, values.len(), fname)?;
    let len = writable_len(vm, buf)? as isize;
    let mut off = vm.index_isize(offset)?;
    let size = l.size as isize;
    let mut out = vec![0u8; l.size];
    pack_values(vm, l, values, &mut out)?;
    if off < 0 {
        if off + size > 0 {
            return Err(serr(
                vm,
                format!("no space to pack {size} bytes at offset {off}"),
            ));
        }
        if off + len < 0 {
            return Err(serr(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        off += len;
    }
    if len - off < size {
        return Err(serr(vm, format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {off} (actual buffer size is {len})",
            size + off
        )));
    }
    write_at(buf, off as usize, &out);
    Ok(vm.none.clone())
}

// ----- the Struct type -------------------------------------------------------------

pub struct PyStruct {
    layout: RefCell<Layout>,
    format: RefCell<PyObjectRef>,
}

impl Payload for PyStruct {
    pyrite_core::unique_vtable!(PyStruct);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(f) = self.format.try_borrow() {
            visit(&f);
        }
    }
}

pub fn struct_type(vm: &Vm) -> PyTypeRef {
    native_type::<PyStruct>(vm, "_struct", "Struct", None, WEAK, init_struct)
}

fn me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a PyStruct> {
    args.pos()
        .first()
        .and_then(|o| o.downcast_ref::<PyStruct>())
        .ok_or_else(|| vm.new_type_error("descriptor requires a '_struct.Struct' object"))
}

fn layout_of(vm: &Vm, args: &Args) -> PyResult<Layout> {
    Ok(me(vm, args)?.layout.borrow().clone())
}

fn s_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let s = PyStruct {
        layout: RefCell::new(Layout {
            mode: Mode::Native,
            runs: Vec::new(),
            size: 0,
            nvalues: 0,
        }),
        format: RefCell::new(vm.new_str("")),
    };
    Ok(vm.try_alloc(s, cls)?.into_object())
}

fn s_init(vm: &Vm, args: Args) -> PyResult {
    let s = me(vm, &args)?;
    let rest = args.shift();
    if rest.all.len() > 1 {
        return Err(vm.new_type_error(format!(
            "Struct() takes at most 1 argument ({} given)",
            rest.all.len()
        )));
    }
    let [fmt] = rest.bind(vm, "Struct", ["format"], 1, 0, 1)?;
    let (l, text) = compile(vm, fmt.expect("required"))?;
    *s.layout.borrow_mut() = l;
    *s.format.borrow_mut() = text;
    Ok(vm.none.clone())
}

fn s_pack(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "Struct.pack")?;
    let l = layout_of(vm, &args)?;
    pack_to_bytes(vm, &l, &args.pos()[1..])
}

fn s_pack_into(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "Struct.pack_into")?;
    let l = layout_of(vm, &args)?;
    pack_into(vm, &l, &args.pos()[1..], "pack_into")
}

fn s_unpack(vm: &Vm, args: Args) -> PyResult {
    let l = layout_of(vm, &args)?;
    let [buf] = args.shift().exact::<1>(vm, "Struct.unpack")?;
    unpack(vm, &l, buf)
}

fn s_unpack_from(vm: &Vm, args: Args) -> PyResult {
    let l = layout_of(vm, &args)?;
    let rest = args.shift();
    if rest.all.len() > 2 {
        return Err(vm.new_type_error(format!(
            "unpack_from() takes at most 2 arguments ({} given)",
            rest.all.len()
        )));
    }
    let [buf, off] = rest.bind(vm, "unpack_from", ["buffer", "offset"], 1, 0, 2)?;
    unpack_from(vm, &l, buf.expect("required"), off)
}

fn s_iter_unpack(vm: &Vm, args: Args) -> PyResult {
    let l = layout_of(vm, &args)?;
    let [buf] = args.shift().exact::<1>(vm, "Struct.iter_unpack")?;
    iter_unpack(vm, l, buf)
}

fn s_format(vm: &Vm, o: &PyObjectRef) -> PyResult {
    o.downcast_ref::<PyStruct>()
        .map(|s| s.format.borrow().clone())
        .ok_or_else(|| vm.new_type_error("Struct expected"))
}

fn s_size(vm: &Vm, o: &PyObjectRef) -> PyResult {
    o.downcast_ref::<PyStruct>()
        .map(|s| vm.new_int(s.layout.borrow().size as i64))
        .ok_or_else(|| vm.new_type_error("Struct expected"))
}

fn s_sizeof(vm: &Vm, args: Args) -> PyResult {
    let l = layout_of(vm, &args)?;
    Ok(vm.new_int(72 + 32 * (l.runs.len() as i64 + 1)))
}

fn init_struct(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", s_new);
    vm.add_method(t, "__init__", s_init);
    vm.add_method(t, "pack", s_pack);
    vm.add_method(t, "pack_into", s_pack_into);
    vm.add_method(t, "unpack", s_unpack);
    vm.add_method(t, "unpack_from", s_unpack_from);
    vm.add_method(t, "iter_unpack", s_iter_unpack);
    vm.add_method(t, "__sizeof__", s_sizeof);
    vm.add_getset(t, "format", s_format, None);
    vm.add_getset(t, "size", s_size, None);
}

// ----- unpack_iterator -------------------------------------------------------------

pub struct UnpackIter {
    layout: Layout,
    data: Vec<u8>,
    pos: Cell<usize>,
}

impl Payload for UnpackIter {
    pyrite_core::unique_vtable!(UnpackIter);
}

impl NativeIter for UnpackIter {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let p = self.pos.get();
        if p + self.layout.size > self.data.len() {
            return Ok(None);
        }
        self.pos.set(p + self.layout.size);
        unpack_values(vm, &self.layout, &self.data[p..p + self.layout.size]).map(Some)
    }
}

fn ui_new(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_type_error("Cannot create '_struct.unpack_iterator' objects"))
}

fn ui_length_hint(vm: &Vm, args: Args) -> PyResult {
    let it = args
        .pos()
        .first()
        .and_then(|o| o.downcast_ref::<UnpackIter>())
        .ok_or_else(|| vm.new_type_error("unpack_iterator expected"))?;
    let left = (it.data.len() - it.pos.get().min(it.data.len())) / it.layout.size.max(1);
    Ok(vm.new_int(left as i64))
}

fn init_iter(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", ui_new);
    vm.add_method(t, "__iter__", iter_self);
    vm.add_method(t, "__next__", iter_next::<UnpackIter>);
    vm.add_method(t, "__length_hint__", ui_length_hint);
}

fn iter_unpack(vm: &Vm, layout: Layout, buf: &PyObjectRef) -> PyResult {
    if layout.size == 0 {
        return Err(serr(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = buffer_arg(vm, buf)?;
    if data.len() % layout.size != 0 {
        return Err(serr(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                layout.size
            ),
        ));
    }
    let t = native_type::<UnpackIter>(vm, "_struct", "unpack_iterator", None, GC, init_iter);
    Ok(vm.alloc(
        UnpackIter {
            layout,
            data,
            pos: Cell::new(0),
        },
        &t,
    ))
}

// ----- module functions -------------------------------------------------------------

fn fmt_first<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(Layout, &'a [PyObjectRef])> {
    args.no_kwargs(vm, fname)?;
    let pos = args.pos();
    let Some(f) = pos.first() else {
        return Err(vm.new_type_error("missing format argument"));
    };
    Ok((cached(vm, f)?, &pos[1..]))
}

fn m_pack(vm: &Vm, args: Args) -> PyResult {
    let (l, rest) = fmt_first(vm, &args, "_struct.pack")?;
    pack_to_bytes(vm, &l, rest)
}

fn m_pack_into(vm: &Vm, args: Args) -> PyResult {
    let (l, rest) = fmt_first(vm, &args, "_struct.pack_into")?;
    pack_into(vm, &l, rest, "pack_into")
}

fn m_unpack(vm: &Vm, args: Args) -> PyResult {
    let [f, buf] = args.exact::<2>(vm, "unpack")?;
    unpack(vm, &cached(vm, f)?, buf)
}

fn m_unpack_from(vm: &Vm, args: Args) -> PyResult {
    if args.pos().is_empty() {
        return Err(
            vm.new_type_error("unpack_from() takes at least 1 positional argument (0 given)")
        );
    }
    let [f, buf, off] = args.bind(vm, "unpack_from", ["format", "buffer", "offset"], 2, 1, 3)?;
    let l = cached(vm, f.expect("required"))?;
    unpack_from(vm, &l, buf.expect("required"), off)
}

fn m_iter_unpack(vm: &Vm, args: Args) -> PyResult {
    let [f, buf] = args.exact::<2>(vm, "iter_unpack")?;
    iter_unpack(vm, cached(vm, f)?, buf)
}

fn m_calcsize(vm: &Vm, args: Args) -> PyResult {
    let [f] = args.exact::<1>(vm, "_struct.calcsize")?;
    Ok(vm.new_int(cached(vm, f)?.size as i64))
}

fn m_clearcache(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "_clearcache")?;
    CACHE.with(|c| c.borrow_mut().clear());
    Ok(vm.none.clone())
}

const DOC: &str = "Functions to convert between Python values and C structs.
Python bytes objects are used to hold the data representing the C struct
and also as format strings (explained below) to describe the layout of data
in the C struct.";

/// Build the `_struct` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_struct", Some(DOC));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    let ns = vm.new_dict();
    vm.dict_set_str(&ns, "__module__", vm.new_str("struct"));
    let err = vm.call(
        vm.types.type_.as_object(),
        &[
            vm.new_str("error"),
            vm.new_tuple(vec![vm.exc.Exception.as_object().clone()]),
            ns.into_object(),
        ],
    )?;
    vm.dict_set_str(d, "error", err);
    vm.dict_set_str(d, "Struct", struct_type(vm).as_object().clone());
    for (name, f) in [
        ("pack", m_pack as crate::args::NativeFn),
        ("pack_into", m_pack_into),
        ("unpack", m_unpack),
        ("unpack_from", m_unpack_from),
        ("iter_unpack", m_iter_unpack),
        ("calcsize", m_calcsize),
        ("_clearcache", m_clearcache),
    ] {
        vm.add_function(d, "_struct", name, f);
    }
    let public = [
        "Struct",
        "calcsize",
        "error",
        "iter_unpack",
        "pack",
        "pack_into",
        "unpack",
        "unpack_from",
    ];
    vm.dict_set_str(
        d,
        "__all__",
        vm.new_list(public.iter().map(|n| vm.new_str(*n)).collect()),
    );
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_rounding() {
        assert_eq!(pack_half(1.0), Some(0x3c00));
        assert_eq!(pack_half(65519.99), Some(0x7bff));
        assert_eq!(pack_half(65520.0), None);
        assert_eq!(pack_half(5.960464477539063e-08), Some(1));
        assert_eq!(pack_half(2.9802322387695312e-08), Some(0));
        assert_eq!(unpack_half(0x3c00), 1.0);
    }

    #[test]
    fn sizes() {
        assert_eq!(parse(b"@b0i").unwrap().size, 4);
        assert_eq!(parse(b"@bq").unwrap().size, 16);
        assert_eq!(parse(b"<iHb").unwrap().size, 7);
        assert!(parse(b"3").is_err());
    }
}
