//! The `zlib` module: `compress`/`decompress`, `compressobj`/
//! `decompressobj`, `crc32`, `adler32`, `error` and the constants, over
//! the DEFLATE code in `deflate.rs`, with zlib, gzip and raw framing
//! chosen by `wbits` as in CPython 3.11 `Modules/zlibmodule.c`. The
//! compressed bytes are valid but not identical to zlib's; messages of
//! decompression errors are zlib's. A `Decompress` object keeps its input
//! and resumes inflating from the last block boundary on each call, so
//! `unconsumed_tail` stays empty (output beyond `max_length` is kept and
//! returned by later calls).

mod deflate;

use std::cell::RefCell;

use deflate::{adler32, write_block, BitWriter, InflateError};

use super::binascii::crc32_update;
use super::type_cache::native_type;
use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::int::{IntVal, PyInt};
use crate::types::memoryview::bytes_like;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyBaseExceptionRef, PyObjectRef, PyResult, Vm};

fn zerr(vm: &Vm, msg: impl Into<String>) -> PyBaseExceptionRef {
    let msg = msg.into();
    let cls = vm
        .modules
        .get_by_str("zlib")
        .and_then(|m| vm.module_dict(&m).and_then(|d| d.get_by_str("error")));
    match cls
        .and_then(|c| vm.call(&c, &[vm.new_str(msg.as_str())]).ok())
        .and_then(|e| e.downcast().ok())
    {
        Some(e) => e,
        None => vm.new_exception_msg(&vm.exc.Exception, msg),
    }
}

fn buffer(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    bytes_like(o).ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(o)
        ))
    })
}

fn bytes(vm: &Vm, v: Vec<u8>) -> PyObjectRef {
    vm.alloc(PyBytes::new(v), &vm.types.bytes)
}

fn int_arg(vm: &Vm, o: Option<&PyObjectRef>, dflt: i64) -> PyResult<i64> {
    match o {
        Some(o) => Ok(vm.index_isize(o)? as i64),
        None => Ok(dflt),
    }
}

/// An unsigned 32-bit start value, taken modulo 2^32.
fn u32_mask(vm: &Vm, o: &PyObjectRef) -> PyResult<u32> {
    let i = vm.index(o)?;
    Ok(match i.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(v)) => *v as u32,
        Some(IntVal::Big(b)) => {
            let m = &**b & dashu_int::IBig::from(0xffff_ffffu32);
            u32::try_from(&m).unwrap_or(0)
        }
        None => 0,
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Frame {
    Zlib,
    Gzip,
    Raw,
    /// Decompression only: zlib or gzip, from the header.
    Auto,
}

fn frame_of(wbits: i64, decompress: bool) -> Option<Frame> {
    match wbits {
        0 if decompress => Some(Frame::Zlib),
        8..=15 => Some(Frame::Zlib),
        -15..=-8 => Some(Frame::Raw),
        24..=31 => Some(Frame::Gzip),
        40..=47 if decompress => Some(Frame::Auto),
        _ => None,
    }
}

// ----- decompression ---------------------------------------------------------------------

/// Outcome of decoding a whole (possibly partial) stream.
struct Decoded {
    out: Vec<u8>,
    /// Bytes of input the complete stream used (None: incomplete).
    used: Option<usize>,
}

fn dec_err(msg: &str) -> String {
    format!("Error -3 while decompressing data: {msg}")
}

const TRUNCATED: &str = "Error -5 while decompressing data: incomplete or truncated stream";

/// Where the DEFLATE data of a stream starts, once its header is complete.
#[derive(Clone)]
struct Body {
    frame: Frame,
    /// Byte offset of the DEFLATE data.
    start: usize,
    /// Length of the preset dictionary kept in front of the output.
    dict_len: usize,
}

/// Parse the zlib/gzip header; `Ok(None)` while it is incomplete.
fn parse_header(d: &[u8], frame: Frame, zdict: &[u8]) -> Result<Option<Body>, String> {
    let frame = match frame {
        Frame::Auto => {
            if d.len() < 2 {
                return Ok(None);
            }
            if d[0] == 0x1f && d[1] == 0x8b {
                Frame::Gzip
            } else {
                Frame::Zlib
            }
        }
        f => f,
    };
    let mut pos = 0usize;
    let mut has_dict = false;
    match frame {
        Frame::Zlib => {
            if d.len() < 2 {
                return Ok(None);
            }
            let (cmf, flg) = (d[0], d[1]);
            if !(cmf as u16 * 256 + flg as u16).is_multiple_of(31) {
                return Err(dec_err("incorrect header check"));
            }
            if cmf & 0x0f != 8 {
                return Err(dec_err("unknown compression method"));
            }
            if cmf >> 4 > 7 {
                return Err(dec_err("invalid window size"));
            }
            pos = 2;
            if flg & 0x20 != 0 {
                if zdict.is_empty() {
                    return Err("Error 2 while decompressing data".into());
                }
                pos += 4;
                has_dict = true;
            }
        }
        Frame::Gzip => {
            if d.len() < 10 {
                return Ok(None);
            }
            if d[0] != 0x1f || d[1] != 0x8b {
                return Err(dec_err("incorrect header check"));
            }
            if d[2] != 8 {
                return Err(dec_err("unknown compression method"));
            }
            let flags = d[3];
            pos = 10;
            if flags & 4 != 0 {
                if d.len() < pos + 2 {
                    return Ok(None);
                }
                pos += 2 + u16::from_le_bytes([d[pos], d[pos + 1]]) as usize;
            }
            for bit in [8u8, 16] {
                if flags & bit != 0 {
                    match d.get(pos..).and_then(|r| r.iter().position(|c| *c == 0)) {
                        Some(z) => pos += z + 1,
                        None => return Ok(None),
                    }
                }
            }
            if flags & 2 != 0 {
                pos += 2;
            }
        }
        _ => {}
    }
    if d.len() < pos {
        return Ok(None);
    }
    let dict_len = if has_dict || frame == Frame::Raw {
        zdict.len()
    } else {
        0
    };
    Ok(Some(Body {
        frame,
        start: pos,
        dict_len,
    }))
}

/// Check the trailer after the DEFLATE data ending at `pos`; returns the
/// end of the stream (`Ok(None)` while the trailer is incomplete).
fn check_trailer(d: &[u8], frame: Frame, pos: usize, body: &[u8]) -> Result<Option<usize>, String> {
    match frame {
        Frame::Zlib => {
            let Some(t) = d.get(pos..pos + 4) else {
                return Ok(None);
            };
            if u32::from_be_bytes([t[0], t[1], t[2], t[3]]) != adler32(1, body) {
                return Err(dec_err("incorrect data check"));
            }
            Ok(Some(pos + 4))
        }
        Frame::Gzip => {
            let Some(t) = d.get(pos..pos + 8) else {
                return Ok(None);
            };
            if u32::from_le_bytes([t[0], t[1], t[2], t[3]]) != crc32_update(0, body) {
                return Err(dec_err("incorrect data check"));
            }
            if u32::from_le_bytes([t[4], t[5], t[6], t[7]]) != body.len() as u32 {
                return Err(dec_err("incorrect length check"));
            }
            Ok(Some(pos + 8))
        }
        _ => Ok(Some(pos)),
    }
}

/// A resumable decoding position: the header and the output up to the
/// last block boundary reached.
#[derive(Clone, Default)]
struct Progress {
    body: Option<Body>,
    bit: usize,
    out: Vec<u8>,
}

/// Decode the stream at the start of `d`, resuming from `pr`. Corrupt
/// data is an error; running out of input is not (the output so far is
/// returned and `pr` remembers the last block boundary).
fn decode_from(d: &[u8], frame: Frame, zdict: &[u8], pr: &mut Progress) -> Result<Decoded, String> {
    if pr.body.is_none() {
        match parse_header(d, frame, zdict)? {
            Some(b) => {
                pr.out = zdict[..b.dict_len].to_vec();
                pr.bit = 0;
                pr.body = Some(b);
            }
            None => {
                return Ok(Decoded {
                    out: Vec::new(),
                    used: None,
                })
            }
        }
    }
    let body = pr.body.clone().expect("header parsed");
    let mut out = std::mem::take(&mut pr.out);
    let start_len = out.len();
    let r = deflate::inflate_resume(&d[body.start..], pr.bit, &mut out);
    match r {
        Ok(n) => {
            let data = out[body.dict_len..].to_vec();
            let end = check_trailer(d, body.frame, body.start + n, &data)?;
            if end.is_none() {
                // The trailer is still to come: resume from the same
                // block boundary next time.
                out.truncate(start_len);
                pr.out = out;
            }
            Ok(Decoded {
                out: data,
                used: end,
            })
        }
        Err((InflateError::Incomplete, (bit, len))) => {
            let data = out[body.dict_len..].to_vec();
            out.truncate(len);
            pr.out = out;
            pr.bit = bit;
            Ok(Decoded {
                out: data,
                used: None,
            })
        }
        Err((InflateError::Bad(m), _)) => Err(dec_err(m)),
    }
}

/// Decode a whole stream from its start.
fn decode(d: &[u8], frame: Frame, zdict: &[u8]) -> Result<Decoded, String> {
    decode_from(d, frame, zdict, &mut Progress::default())
}

fn z_decompress(vm: &Vm, args: Args) -> PyResult {
    let [data, wbits, _bufsize] =
        args.bind(vm, "decompress", ["data", "wbits", "bufsize"], 1, 1, 3)?;
    let d = buffer(vm, data.expect("required"))?;
    let wb = int_arg(vm, wbits, 15)?;
    let frame = frame_of(wb, true).ok_or_else(|| {
        zerr(
            vm,
            "Error -2 while preparing to decompress data: inconsistent stream state",
        )
    })?;
    let r = decode(&d, frame, &[]).map_err(|m| zerr(vm, m))?;
    if r.used.is_none() {
        return Err(zerr(vm, TRUNCATED));
    }
    Ok(bytes(vm, r.out))
}

// ----- compression --------------------------------------------------------------------------

fn level_arg(vm: &Vm, o: Option<&PyObjectRef>) -> PyResult<i32> {
    let l = int_arg(vm, o, -1)?;
    if !(-1..=9).contains(&l) {
        return Err(zerr(vm, "Bad compression level"));
    }
    Ok(if l == -1 { 6 } else { l as i32 })
}

fn header(frame: Frame, level: i32) -> Vec<u8> {
    match frame {
        Frame::Zlib => {
            let flevel: u8 = match level {
                0 | 1 => 0,
                2..=5 => 1,
                6 => 2,
                _ => 3,
            };
            let cmf = 0x78u8;
            let mut flg = flevel << 6;
            flg += 31 - ((cmf as u16 * 256 + flg as u16) % 31) as u8;
            vec![cmf, flg]
        }
        Frame::Gzip => {
            let xfl = match level {
                9 => 2,
                1 => 4,
                _ => 0,
            };
            vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]
        }
        _ => Vec::new(),
    }
}

fn trailer(frame: Frame, adler: u32, crc: u32, size: u64) -> Vec<u8> {
    match frame {
        Frame::Zlib => adler.to_be_bytes().to_vec(),
        Frame::Gzip => {
            let mut v = crc.to_le_bytes().to_vec();
            v.extend_from_slice(&(size as u32).to_le_bytes());
            v
        }
        _ => Vec::new(),
    }
}

fn z_compress(vm: &Vm, args: Args) -> PyResult {
    let [data, level, wbits] = args.bind(vm, "compress", ["data", "level", "wbits"], 1, 1, 3)?;
    let d = buffer(vm, data.expect("required"))?;
    let level = level_arg(vm, level)?;
    let frame = frame_of(int_arg(vm, wbits, 15)?, false)
        .ok_or_else(|| zerr(vm, "Bad compression level"))?;
    let mut w = BitWriter::default();
    w.out = header(frame, level);
    write_block(&mut w, &d, level, true);
    w.align();
    let mut out = w.out;
    out.extend(trailer(
        frame,
        adler32(1, &d),
        crc32_update(0, &d),
        d.len() as u64,
    ));
    Ok(bytes(vm, out))
}

fn z_crc32(vm: &Vm, args: Args) -> PyResult {
    let [data, v] = args.range::<2>(vm, "crc32", 1)?;
    let d = buffer(vm, data.expect("required"))?;
    let start = match v {
        Some(v) => u32_mask(vm, v)?,
        None => 0,
    };
    Ok(vm.new_int(crc32_update(start, &d) as i64))
}

fn z_adler32(vm: &Vm, args: Args) -> PyResult {
    let [data, v] = args.range::<2>(vm, "adler32", 1)?;
    let d = buffer(vm, data.expect("required"))?;
    let start = match v {
        Some(v) => u32_mask(vm, v)?,
        None => 1,
    };
    Ok(vm.new_int(adler32(start, &d) as i64))
}

// ----- Compress objects ------------------------------------------------------------------------

#[derive(Clone)]
struct CompState {
    frame: Frame,
    level: i32,
    started: bool,
    finished: bool,
    pending: Vec<u8>,
    adler: u32,
    crc: u32,
    size: u64,
}

pub struct Compress {
    st: RefCell<CompState>,
}

impl Payload for Compress {
    pyrite_core::unique_vtable!(Compress);
}

fn compress_type(vm: &Vm) -> PyTypeRef {
    native_type::<Compress>(vm, "zlib", "Compress", None, 0, init_compress)
}

fn z_compressobj(vm: &Vm, args: Args) -> PyResult {
    let [level, method, wbits, mem, _strategy, zdict] = args.bind(
        vm,
        "compressobj",
        ["level", "method", "wbits", "memLevel", "strategy", "zdict"],
        0,
        0,
        6,
    )?;
    let level = level_arg(vm, level)?;
    let method = int_arg(vm, method, 8)?;
    let mem = int_arg(vm, mem, 8)?;
    let frame = frame_of(int_arg(vm, wbits, 15)?, false);
    let frame = match frame {
        Some(f) if method == 8 && (1..=9).contains(&mem) => f,
        _ => return Err(vm.new_value_error("Invalid initialization option")),
    };
    if zdict.is_some() {
        return Err(vm.new_not_implemented_error("zlib.compressobj(zdict=...) is not supported"));
    }
    let st = CompState {
        frame,
        level,
        started: false,
        finished: false,
        pending: Vec::new(),
        adler: 1,
        crc: 0,
        size: 0,
    };
    Ok(vm.alloc(
        Compress {
            st: RefCell::new(st),
        },
        &compress_type(vm),
    ))
}

fn comp_me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Compress> {
    args.pos()
        .first()
        .and_then(|o| o.downcast_ref::<Compress>())
        .ok_or_else(|| vm.new_type_error("Compress object expected"))
}

fn c_compress(vm: &Vm, args: Args) -> PyResult {
    let c = comp_me(vm, &args)?;
    let [data] = args.shift().exact::<1>(vm, "compress")?;
    let d = buffer(vm, data)?;
    let mut st = c.st.borrow_mut();
    if st.finished {
        return Err(zerr(
            vm,
            "Error -2 while compressing data: inconsistent stream state",
        ));
    }
    st.adler = adler32(st.adler, &d);
    st.crc = crc32_update(st.crc, &d);
    st.size += d.len() as u64;
    st.pending.extend_from_slice(&d);
    let mut out = Vec::new();
    if !st.started {
        st.started = true;
        out = header(st.frame, st.level);
    }
    Ok(bytes(vm, out))
}

fn c_flush(vm: &Vm, args: Args) -> PyResult {
    let c = comp_me(vm, &args)?;
    let [mode] = args.shift().range::<1>(vm, "flush", 0)?;
    let mode = int_arg(vm, mode, 4)?;
    let mut st = c.st.borrow_mut();
    if mode == 0 {
        return Ok(bytes(vm, Vec::new()));
    }
    if st.finished {
        return Err(zerr(
            vm,
            "Error -2 while flushing: inconsistent stream state",
        ));
    }
    let mut w = BitWriter::default();
    if !st.started {
        st.started = true;
        w.out = header(st.frame, st.level);
    }
    let data = std::mem::take(&mut st.pending);
    if mode == 4 {
        write_block(&mut w, &data, st.level, true);
        w.align();
        let t = trailer(st.frame, st.adler, st.crc, st.size);
        w.out.extend(t);
        st.finished = true;
    } else {
        if !data.is_empty() {
            write_block(&mut w, &data, st.level, false);
        }
        // An empty stored block ends the flush on a byte boundary.
        write_block(&mut w, &[], 0, false);
    }
    Ok(bytes(vm, w.out))
}

fn c_copy(vm: &Vm, args: Args) -> PyResult {
    let c = comp_me(vm, &args)?;
    let st = c.st.borrow().clone();
    Ok(vm.alloc(
        Compress {
            st: RefCell::new(st),
        },
        &compress_type(vm),
    ))
}

fn init_compress(vm: &Vm, t: &PyTypeRef) {
    vm.add_method(t, "compress", c_compress);
    vm.add_method(t, "flush", c_flush);
    vm.add_method(t, "copy", c_copy);
    vm.add_method(t, "__copy__", c_copy);
}

// ----- Decompress objects ----------------------------------------------------------------------

#[derive(Clone)]
struct DecompState {
    frame: Frame,
    zdict: Vec<u8>,
    input: Vec<u8>,
    /// The whole output once the stream is complete.
    done: Option<(Vec<u8>, usize)>,
    returned: usize,
    eof: bool,
    unused: Vec<u8>,
    /// Decoding progress (header and last block boundary).
    progress: Progress,
}

pub struct Decompress {
    st: RefCell<DecompState>,
}

impl Payload for Decompress {
    pyrite_core::unique_vtable!(Decompress);
}

fn decompress_type(vm: &Vm) -> PyTypeRef {
    native_type::<Decompress>(vm, "zlib", "Decompress", None, 0, init_decompress)
}

fn z_decompressobj(vm: &Vm, args: Args) -> PyResult {
    let [wbits, zdict] = args.bind(vm, "decompressobj", ["wbits", "zdict"], 0, 0, 2)?;
    let frame = frame_of(int_arg(vm, wbits, 15)?, true)
        .ok_or_else(|| vm.new_value_error("Invalid initialization option"))?;
    let zdict = match zdict {
        Some(z) => bytes_like(z)
            .ok_or_else(|| vm.new_type_error("zdict argument must support the buffer protocol"))?,
        None => Vec::new(),
    };
    let st = DecompState {
        frame,
        zdict,
        input: Vec::new(),
        done: None,
        returned: 0,
        eof: false,
        unused: Vec::new(),
        progress: Progress::default(),
    };
    Ok(vm.alloc(
        Decompress {
            st: RefCell::new(st),
        },
        &decompress_type(vm),
    ))
}

fn dec_me<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Decompress> {
    o.downcast_ref::<Decompress>()
        .ok_or_else(|| vm.new_type_error("Decompress object expected"))
}

/// Decode what has arrived; returns the output available so far.
fn advance(vm: &Vm, st: &mut DecompState) -> PyResult<Vec<u8>> {
    if let Some((out, _)) = &st.done {
        return Ok(out.clone());
    }
    let mut pr = std::mem::take(&mut st.progress);
    let r = decode_from(&st.input, st.frame, &st.zdict, &mut pr).map_err(|m| zerr(vm, m))?;
    st.progress = pr;
    if let Some(used) = r.used {
        st.done = Some((r.out.clone(), used));
        st.unused = st.input[used..].to_vec();
    }
    Ok(r.out)
}

/// Take up to `max` (0: all) bytes of not yet returned output.
fn take_output(st: &mut DecompState, out: &[u8], max: usize) -> Vec<u8> {
    let avail = &out[st.returned.min(out.len())..];
    let n = if max > 0 {
        avail.len().min(max)
    } else {
        avail.len()
    };
    let v = avail[..n].to_vec();
    st.returned += n;
    if st.done.is_some() && st.returned >= out.len() {
        st.eof = true;
    }
    v
}

fn d_decompress(vm: &Vm, args: Args) -> PyResult {
    let d = dec_me(vm, &args.pos()[0])?;
    let [data, max_length] =
        args.shift()
            .bind(vm, "decompress", ["data", "max_length"], 1, 1, 2)?;
    let data = buffer(vm, data.expect("required"))?;
    let max = int_arg(vm, max_length, 0)?;
    if max < 0 {
        return Err(vm.new_value_error("max_length must be non-negative"));
    }
    let mut st = d.st.borrow_mut();
    if st.done.is_some() {
        // Data after the end of the stream.
        st.unused.extend_from_slice(&data);
    } else {
        st.input.extend_from_slice(&data);
    }
    let out = advance(vm, &mut st)?;
    Ok(bytes(vm, take_output(&mut st, &out, max as usize)))
}

fn d_flush(vm: &Vm, args: Args) -> PyResult {
    let d = dec_me(vm, &args.pos()[0])?;
    let [length] = args.shift().range::<1>(vm, "flush", 0)?;
    if let Some(l) = length {
        if vm.index_isize(l)? <= 0 {
            return Err(vm.new_value_error("length must be greater than zero"));
        }
    }
    let mut st = d.st.borrow_mut();
    let out = advance(vm, &mut st)?;
    Ok(bytes(vm, take_output(&mut st, &out, 0)))
}

fn d_copy(vm: &Vm, args: Args) -> PyResult {
    let d = dec_me(vm, &args.pos()[0])?;
    let st = d.st.borrow().clone();
    Ok(vm.alloc(
        Decompress {
            st: RefCell::new(st),
        },
        &decompress_type(vm),
    ))
}

fn d_eof(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(dec_me(vm, o)?.st.borrow().eof))
}

fn d_unused(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let st = dec_me(vm, o)?.st.borrow();
    Ok(bytes(
        vm,
        if st.eof {
            st.unused.clone()
        } else {
            Vec::new()
        },
    ))
}

fn d_tail(vm: &Vm, o: &PyObjectRef) -> PyResult {
    dec_me(vm, o)?;
    Ok(bytes(vm, Vec::new()))
}

fn init_decompress(vm: &Vm, t: &PyTypeRef) {
    vm.add_method(t, "decompress", d_decompress);
    vm.add_method(t, "flush", d_flush);
    vm.add_method(t, "copy", d_copy);
    vm.add_method(t, "__copy__", d_copy);
    vm.add_getset(t, "eof", d_eof, None);
    vm.add_getset(t, "unused_data", d_unused, None);
    vm.add_getset(t, "unconsumed_tail", d_tail, None);
}

/// Build the `zlib` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("zlib", None);
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    let ns = vm.new_dict();
    vm.dict_set_str(&ns, "__module__", vm.new_str("zlib"));
    let err = vm.call(
        vm.types.type_.as_object(),
        &[
            vm.new_str("error"),
            vm.new_tuple(vec![vm.exc.Exception.as_object().clone()]),
            ns.into_object(),
        ],
    )?;
    vm.dict_set_str(d, "error", err);
    for (n, f) in [
        ("compress", z_compress as crate::args::NativeFn),
        ("decompress", z_decompress),
        ("compressobj", z_compressobj),
        ("decompressobj", z_decompressobj),
        ("crc32", z_crc32),
        ("adler32", z_adler32),
    ] {
        vm.add_function(d, "zlib", n, f);
    }
    for (n, v) in [
        ("MAX_WBITS", 15),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", 8),
        ("DEF_BUF_SIZE", 16384),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ] {
        vm.dict_set_str(d, n, vm.new_int(v));
    }
    vm.dict_set_str(d, "ZLIB_VERSION", vm.new_str("1.2.13"));
    vm.dict_set_str(d, "ZLIB_RUNTIME_VERSION", vm.new_str("1.2.13"));
    Ok(m)
}
