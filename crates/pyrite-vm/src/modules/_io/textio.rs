//! `TextIOWrapper`: text over a buffered binary stream, as CPython 3.11's
//! `Modules/_io/textio.c`: incremental decoding in chunks of
//! `_CHUNK_SIZE` bytes, universal newlines, output newline translation,
//! line buffering, and `tell()` cookies. Cookies here are plain byte
//! offsets: the codecs Pyrite has (UTF-8/16/32, Latin-1, ASCII) carry no
//! state between characters, so the offset of the next unread character
//! is enough to resume (CPython packs decoder state into the cookie).

use super::buffered::native_buffered;
use super::newline::{translate_newlines, NlState};
use super::stringio::{find_line_end, newline_arg};
use super::*;
use crate::modules::_codecs;
use crate::types::str::PyStr;

pub struct TextState {
    pub buffer: RefCell<Option<PyObjectRef>>,
    /// The name given (or the locale's), as the `encoding` attribute shows.
    pub encoding: RefCell<String>,
    /// The codec actually used (UTF-16/32 resolved to one byte order).
    pub codec: RefCell<&'static str>,
    /// A byte-order mark to write before the first output, and whether
    /// one may still be read at the start of input.
    pub bom: RefCell<Option<Vec<u8>>>,
    pub bom_pending: Cell<bool>,
    pub bom_check: Cell<bool>,
    pub errors: RefCell<String>,
    pub readnl: RefCell<Option<String>>,
    pub readuniversal: Cell<bool>,
    pub readtranslate: Cell<bool>,
    pub writetranslate: Cell<bool>,
    pub writenl: RefCell<String>,
    pub line_buffering: Cell<bool>,
    pub write_through: Cell<bool>,
    pub readable: bool,
    pub writable: bool,
    pub seekable: bool,
    pub telling: Cell<bool>,
    pub has_read1: bool,
    pub chunk_size: Cell<usize>,
    /// The current chunk, decoded and translated, and how much of it has
    /// been returned.
    pub decoded: RefCell<Vec<char>>,
    pub dpos: Cell<usize>,
    /// The same chunk before newline translation (for `tell`).
    pub raw_decoded: RefCell<Vec<char>>,
    /// Undecoded bytes (an incomplete character at the end of a chunk).
    pub pending: RefCell<Vec<u8>>,
    pub nl: Cell<NlState>,
    /// Byte offset of the start of `raw_decoded`, when telling.
    pub snap_pos: Cell<Option<i64>>,
    /// Encoded output not yet handed to the buffer (up to a chunk).
    pub pending_out: RefCell<Vec<u8>>,
    /// Whether decoding has produced lone surrogates (surrogateescape or
    /// surrogatepass): then stand-ins in the text read are surrogates.
    pub surrogates: Cell<bool>,
    /// For the usual stack (a plain buffered object over a plain FileIO):
    /// their states, so writes and closed checks skip method lookups.
    pub fast: Option<(Rc<super::buffered::BufState>, Rc<super::fileio::FileState>)>,
    /// The FileIO state when the buffer is a plain FileIO itself (`-u`).
    pub fast_raw: Option<Rc<super::fileio::FileState>>,
    /// Writes need nothing but queueing the UTF-8 bytes (no newline
    /// translation, byte-order mark, line buffering, write-through or
    /// read-ahead to drop): `print()`'s shortest path.
    pub simple_write: Cell<bool>,
}

impl TextState {
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(b) = self.buffer.try_borrow() {
            if let Some(b) = b.as_ref() {
                visit(b);
            }
        }
    }

    fn buffer(&self, vm: &Vm) -> PyResult<PyObjectRef> {
        self.buffer
            .borrow()
            .clone()
            .ok_or_else(|| vm.new_value_error("underlying buffer has been detached"))
    }

    fn reset_read(&self) {
        self.decoded.borrow_mut().clear();
        self.raw_decoded.borrow_mut().clear();
        self.dpos.set(0);
        self.pending.borrow_mut().clear();
        let mut nl = self.nl.get();
        nl.pendingcr = false;
        self.nl.set(nl);
        self.snap_pos.set(None);
    }

    fn has_readahead(&self) -> bool {
        self.dpos.get() < self.decoded.borrow().len()
            || !self.pending.borrow().is_empty()
            || self.nl.get().pendingcr
    }

    /// Bytes one character of `c` takes in the codec.
    fn char_len(&self, c: char) -> usize {
        match *self.codec.borrow() {
            "utf-8" => c.len_utf8(),
            "utf-16-le" | "utf-16-be" => c.len_utf16() * 2,
            "utf-32-le" | "utf-32-be" => 4,
            _ => 1,
        }
    }

    /// How many leading bytes of `b` form complete characters (the rest
    /// waits for the next chunk).
    fn complete_prefix(&self, b: &[u8]) -> usize {
        let n = b.len();
        match *self.codec.borrow() {
            "utf-8" => {
                let mut i = n;
                let mut cont = 0;
                while i > 0 && cont < 3 && (b[i - 1] & 0xC0) == 0x80 {
                    i -= 1;
                    cont += 1;
                }
                if i == 0 {
                    return n;
                }
                let lead = b[i - 1];
                let need = match lead {
                    0xC2..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    0xF0..=0xF4 => 4,
                    _ => return n,
                };
                if cont + 1 < need {
                    i - 1
                } else {
                    n
                }
            }
            c @ ("utf-16-le" | "utf-16-be") => {
                let mut k = n & !1;
                if k >= 2 {
                    let unit = if c == "utf-16-le" {
                        u16::from_le_bytes([b[k - 2], b[k - 1]])
                    } else {
                        u16::from_be_bytes([b[k - 2], b[k - 1]])
                    };
                    if (0xD800..0xDC00).contains(&unit) {
                        k -= 2;
                    }
                }
                k
            }
            "utf-32-le" | "utf-32-be" => n & !3,
            _ => n,
        }
    }

    fn decode(&self, vm: &Vm, data: Vec<u8>, fin: bool) -> PyResult<String> {
        let mut bytes = std::mem::take(&mut *self.pending.borrow_mut());
        bytes.extend(data);
        if self.bom_check.get() {
            let bom = self.bom.borrow().clone().unwrap_or_default();
            if bytes.len() < bom.len() && !fin {
                *self.pending.borrow_mut() = bytes;
                return Ok(String::new());
            }
            self.bom_check.set(false);
            if !bom.is_empty() && bytes.starts_with(&bom) {
                bytes.drain(..bom.len());
                if let Some(p) = self.snap_pos.get() {
                    self.snap_pos.set(Some(p + bom.len() as i64));
                }
            }
        }
        let k = if fin {
            bytes.len()
        } else {
            self.complete_prefix(&bytes)
        };
        let tail = bytes.split_off(k);
        *self.pending.borrow_mut() = tail;
        let codec = *self.codec.borrow();
        let errors = self.errors.borrow().clone();
        if codec == "utf-8" {
            if let Ok(s) = std::str::from_utf8(&bytes) {
                return Ok(s.to_string());
            }
        }
        let (s, marked) = _codecs::decode(vm, &bytes, codec, &errors, &vm.none)?;
        if marked {
            self.surrogates.set(true);
        }
        Ok(s)
    }

    /// Decode the next chunk into `decoded`; false at end of file.
    fn read_chunk(&self, vm: &Vm) -> PyResult<bool> {
        let buffer = self.buffer(vm)?;
        let start = if self.telling.get() {
            let pos = buffer_tell(vm, &buffer)?;
            let cr = if self.nl.get().pendingcr {
                self.char_len('\r') as i64
            } else {
                0
            };
            Some(pos - self.pending.borrow().len() as i64 - cr)
        } else {
            None
        };
        let size = self.chunk_size.get();
        let data = match native_buffered(&buffer).filter(|b| b.is_readable()) {
            Some(b) if self.has_read1 => b.read1_native(vm, size)?,
            _ => {
                let meth = if self.has_read1 { "read1" } else { "read" };
                let r = vm.call_method(&buffer, meth, &[vm.new_int(size as i64)])?;
                if r.is(&vm.none) {
                    Vec::new()
                } else {
                    match as_bytes(&r) {
                        Some(b) => b.to_vec(),
                        None => {
                            return Err(vm.new_type_error(format!(
                                "underlying {meth}() should have returned a bytes-like object, not '{}'",
                                vm.type_name(&r)
                            )))
                        }
                    }
                }
            }
        };
        let eof = data.is_empty();
        self.snap_pos.set(start);
        let text = self.decode(vm, data, eof)?;
        let raw = if self.readuniversal.get() {
            let mut nl = self.nl.get();
            let r = nl.feed_raw(&text, eof);
            self.nl.set(nl);
            r
        } else {
            text
        };
        let out = if self.readtranslate.get() {
            translate_newlines(raw.clone())
        } else {
            raw.clone()
        };
        *self.decoded.borrow_mut() = out.chars().collect();
        *self.raw_decoded.borrow_mut() = raw.chars().collect();
        self.dpos.set(0);
        Ok(!(eof && self.decoded.borrow().is_empty()))
    }

    fn take_decoded(&self, n: usize) -> Vec<char> {
        let d = self.decoded.borrow();
        let p = self.dpos.get();
        let end = p.saturating_add(n).min(d.len());
        self.dpos.set(end);
        d[p..end].to_vec()
    }

    fn read_all(&self, vm: &Vm) -> PyResult<String> {
        let buffer = self.buffer(vm)?;
        let mut out: String = self.take_decoded(usize::MAX).into_iter().collect();
        let data = match native_buffered(&buffer).filter(|b| b.is_readable()) {
            Some(b) => b.read_all(vm)?.unwrap_or_default(),
            None => {
                let r = vm.call_method(&buffer, "read", &[])?;
                if r.is(&vm.none) {
                    Vec::new()
                } else {
                    bytes_arg(vm, &r)?
                }
            }
        };
        let text = self.decode(vm, data, true)?;
        let raw = if self.readuniversal.get() {
            let mut nl = self.nl.get();
            let r = nl.feed_raw(&text, true);
            self.nl.set(nl);
            r
        } else {
            text
        };
        out.push_str(&if self.readtranslate.get() {
            translate_newlines(raw)
        } else {
            raw
        });
        self.reset_read();
        Ok(out)
    }

    fn read_n(&self, vm: &Vm, n: usize) -> PyResult<String> {
        let mut out: Vec<char> = Vec::new();
        while out.len() < n {
            if self.dpos.get() >= self.decoded.borrow().len() {
                if !self.read_chunk(vm)? {
                    break;
                }
                continue;
            }
            out.extend(self.take_decoded(n - out.len()));
        }
        Ok(out.into_iter().collect())
    }

    pub fn readline(&self, vm: &Vm, limit: Option<usize>) -> PyResult<String> {
        let mut line: Vec<char> = Vec::new();
        let crlf_only =
            !self.readuniversal.get() && self.readnl.borrow().as_deref() == Some("\r\n");
        loop {
            if self.dpos.get() >= self.decoded.borrow().len() {
                if !self.read_chunk(vm)? {
                    break;
                }
                continue;
            }
            let prev = line.len();
            let before = self.dpos.get();
            line.extend(self.take_decoded(usize::MAX));
            let from = if crlf_only {
                prev.saturating_sub(1)
            } else {
                prev
            };
            let found = find_line_end(
                &line,
                from,
                self.readtranslate.get(),
                self.readuniversal.get(),
                self.readnl.borrow().as_deref(),
            );
            let mut end = found.unwrap_or(line.len());
            if let Some(l) = limit {
                end = end.min(l);
            }
            if end < line.len() || found.is_some() || limit.is_some_and(|l| line.len() >= l) {
                let end = end.max(prev);
                self.dpos.set(before + (end - prev));
                line.truncate(end);
                break;
            }
        }
        Ok(line.into_iter().collect())
    }

    /// The cookie for the current position.
    fn tell(&self, vm: &Vm) -> PyResult<i64> {
        let buffer = self.buffer(vm)?;
        let Some(start) = self.snap_pos.get() else {
            return buffer_tell(vm, &buffer);
        };
        let dpos = self.dpos.get();
        let raw = self.raw_decoded.borrow();
        let mut r = 0;
        if self.readtranslate.get() {
            let mut t = 0;
            while t < dpos && r < raw.len() {
                if raw[r] == '\r' && raw.get(r + 1) == Some(&'\n') {
                    r += 2;
                } else {
                    r += 1;
                }
                t += 1;
            }
        } else {
            r = dpos.min(raw.len());
        }
        let bytes: usize = raw[..r].iter().map(|&c| self.char_len(c)).sum();
        Ok(start + bytes as i64)
    }

    fn encode(&self, vm: &Vm, text: &str, obj: &PyObjectRef) -> PyResult<Vec<u8>> {
        let codec = *self.codec.borrow();
        let mut out = Vec::new();
        if self.bom_pending.get() {
            self.bom_pending.set(false);
            if let Some(b) = self.bom.borrow().as_ref() {
                out.extend_from_slice(b);
            }
        }
        let marked = obj
            .downcast_ref::<crate::types::str::PyStr>()
            .is_some_and(|s| s.has_surrogates());
        if codec == "utf-8" && !marked {
            out.extend_from_slice(text.as_bytes());
            return Ok(out);
        }
        let errors = self.errors.borrow().clone();
        out.extend(_codecs::encode(vm, text, codec, &errors, obj)?);
        Ok(out)
    }
}

impl TextState {
    /// Recompute `simple_write` after a setting changes.
    pub fn refresh_simple(&self) {
        self.simple_write.set(
            *self.codec.borrow() == "utf-8"
                && !self.bom_pending.get()
                && !self.line_buffering.get()
                && !self.write_through.get()
                && !self.readable
                && self.writable
                && !(self.writetranslate.get() && *self.writenl.borrow() != "\n"),
        );
    }

    /// Queue encoded output, handing it to the buffer a chunk at a time.
    fn queue(&self, vm: &Vm, bytes: &[u8]) -> PyResult<()> {
        let size = self.chunk_size.get();
        if self.pending_out.borrow().len() + bytes.len() > size {
            self.write_flush(vm)?;
        }
        let n = {
            let mut p = self.pending_out.borrow_mut();
            p.extend_from_slice(bytes);
            p.len()
        };
        if n >= size {
            self.write_flush(vm)?;
        }
        Ok(())
    }

    /// `write()` after the argument checks: translate newlines, encode,
    /// queue, and flush as line buffering / write-through require.
    pub fn write_text(&self, vm: &Vm, raw: &str, obj: Option<&PyObjectRef>) -> PyResult<()> {
        if !self.writable {
            return Err(unsupported(vm, "not writable"));
        }
        // Text with lone surrogates must go through the codec (which
        // rejects them unless the error handler says otherwise).
        let marked = obj.is_some_and(|o| {
            o.downcast_ref::<crate::types::str::PyStr>()
                .is_some_and(|s| s.has_surrogates())
        });
        let lb = self.line_buffering.get();
        let translate = self.writetranslate.get() && *self.writenl.borrow() != "\n";
        let haslf = (lb || translate) && raw.contains('\n');
        let needflush = lb && (haslf || raw.contains('\r'));
        let translated;
        let out: &str = if haslf && translate {
            translated = raw.replace('\n', &self.writenl.borrow());
            &translated
        } else {
            raw
        };
        if self.readable && (self.snap_pos.get().is_some() || self.has_readahead()) {
            self.reset_read();
        }
        if let Some(f) = &self.fast_raw {
            // Unbuffered standard streams: straight to the descriptor.
            if self.write_through.get()
                && !marked
                && *self.codec.borrow() == "utf-8"
                && !self.bom_pending.get()
                && self.pending_out.borrow().is_empty()
                && f.fd.get() >= 0
            {
                f.write_bytes(vm, out.as_bytes())?;
                return Ok(());
            }
        }
        let size = self.chunk_size.get();
        if !marked
            && self.codec.borrow().len() == 5
            && *self.codec.borrow() == "utf-8"
            && !self.bom_pending.get()
        {
            // The common case, without an intermediate copy.
            if self.pending_out.borrow().len() + out.len() > size {
                self.write_flush(vm)?;
            }
            self.pending_out
                .borrow_mut()
                .extend_from_slice(out.as_bytes());
        } else {
            let bytes = match obj {
                Some(o) if out.len() == raw.len() => self.encode(vm, out, o)?,
                _ => self.encode(vm, out, &vm.new_str_marked(out, marked))?,
            };
            if self.pending_out.borrow().len() + bytes.len() > size {
                self.write_flush(vm)?;
            }
            self.pending_out.borrow_mut().extend_from_slice(&bytes);
        }
        if self.pending_out.borrow().len() >= size || needflush || self.write_through.get() {
            self.write_flush(vm)?;
        }
        if needflush {
            let buffer = self.buffer(vm)?;
            match native_buffered(&buffer).filter(|b| b.is_writable()) {
                Some(b) => b.flush_writes(vm)?,
                None => {
                    vm.call_method(&buffer, "flush", &[])?;
                }
            }
        }
        Ok(())
    }

    /// Whether the buffer is closed, without attribute lookups for the
    /// plain buffered-over-FileIO stack.
    fn buffer_closed(&self, vm: &Vm) -> PyResult<bool> {
        if let Some(f) = &self.fast_raw {
            return Ok(f.fd.get() < 0);
        }
        if let Some((b, f)) = &self.fast {
            if b.raw.borrow().is_some() {
                return Ok(f.fd.get() < 0);
            }
        }
        let buffer = self.buffer(vm)?;
        if let Some(b) = native_buffered(&buffer) {
            if let Some(raw) = b.raw.borrow().as_ref() {
                if let Some(io) = raw.downcast_ref::<PyIo>() {
                    if !crate::types::typeobj::class_of(raw).ext.heap {
                        if let Kind::File(f) = io.kind() {
                            return Ok(f.fd.get() < 0);
                        }
                    }
                }
            }
        }
        if let Some(f) = super::fileio::native_file_any(&buffer) {
            return Ok(f.fd.get() < 0);
        }
        attr_true(vm, &buffer, "closed")
    }

    /// Hand pending output to the buffer.
    pub fn write_flush(&self, vm: &Vm) -> PyResult<()> {
        if self.pending_out.borrow().is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut *self.pending_out.borrow_mut());
        if let Some((b, _)) = &self.fast {
            if b.is_writable() && b.raw.borrow().is_some() {
                b.write(vm, &data)?;
                return Ok(());
            }
        }
        let buffer = self.buffer(vm)?;
        if let Some(b) = native_buffered(&buffer).filter(|b| b.is_writable()) {
            b.write(vm, &data)?;
        } else if let Some(f) = super::fileio::native_file(&buffer).filter(|f| f.writable) {
            // Unbuffered (`-u`) standard streams sit right on a FileIO.
            f.write_bytes(vm, &data)?;
        } else {
            vm.call_method(&buffer, "write", &[new_bytes(vm, data)])?;
        }
        Ok(())
    }
}

fn buffer_tell(vm: &Vm, buffer: &PyObjectRef) -> PyResult<i64> {
    let r = vm.call_method(buffer, "tell", &[])?;
    Ok(vm.index_isize(&r)? as i64)
}

fn state(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<TextState>> {
    match io_of(vm, o, "TextIOWrapper")?.kind() {
        Kind::Text(t) => Ok(t),
        _ => Err(vm.new_value_error("I/O operation on uninitialized object")),
    }
}

/// The state, with the buffer attached.
fn attached(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<TextState>> {
    let t = state(vm, o)?;
    if t.buffer.borrow().is_none() {
        return Err(vm.new_value_error("underlying buffer has been detached"));
    }
    Ok(t)
}

/// The state of an attached, open wrapper.
fn open(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<TextState>> {
    let t = attached(vm, o)?;
    if t.buffer_closed(vm)? {
        return Err(closed_error(vm));
    }
    Ok(t)
}

/// The state of a plain (not subclassed) TextIOWrapper.
fn native_text(o: &PyObjectRef) -> Option<Rc<TextState>> {
    let io = o.downcast_ref::<PyIo>()?;
    if crate::types::typeobj::class_of(o).ext.heap {
        return None;
    }
    match io.kind() {
        Kind::Text(t) => Some(t),
        _ => None,
    }
}

/// `print()`'s fast path: write to a plain TextIOWrapper without a
/// method call. `None` when `file` is something else.
pub fn fast_write(vm: &Vm, file: &PyObjectRef, text: &str) -> Option<PyResult<()>> {
    let io = file.downcast_ref::<PyIo>()?;
    if let Ok(k) = io.kind.try_borrow() {
        if let Kind::Text(t) = &*k {
            if t.simple_write.get() && !crate::types::typeobj::class_of(file).ext.heap {
                if let Some((b, f)) = &t.fast {
                    if f.fd.get() >= 0 && b.raw.borrow().is_some() {
                        return Some(t.queue(vm, text.as_bytes()));
                    }
                }
            }
        }
    }
    let t = native_text(file)?;
    Some((|| {
        if t.buffer.borrow().is_none() {
            return Err(vm.new_value_error("underlying buffer has been detached"));
        }
        if t.buffer_closed(vm)? {
            return Err(closed_error(vm));
        }
        t.write_text(vm, text, None)
    })())
}

/// Flush a plain TextIOWrapper and its plain buffer down to the file
/// (for the interpreter's own flushes of the standard streams; errors are
/// ignored as at shutdown).
pub fn flush_native(vm: &Vm, o: &PyObjectRef) {
    let Some(t) = native_text(o) else { return };
    if t.write_flush(vm).is_err() {
        return;
    }
    let buffer = t.buffer.borrow().clone();
    if let Some(b) = buffer
        .as_ref()
        .and_then(native_buffered)
        .filter(|b| b.is_writable())
    {
        let _ = b.flush_writes(vm);
    }
}

/// Resolve an encoding name: (attribute value, codec, BOM).
pub fn resolve_encoding(
    vm: &Vm,
    enc: Option<&str>,
) -> PyResult<(String, &'static str, Option<Vec<u8>>)> {
    let name = match enc {
        None | Some("locale") => "UTF-8".to_string(),
        Some(e) => e.to_string(),
    };
    let norm: String = name
        .trim()
        .chars()
        .map(|c| {
            if c == '-' || c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if norm == "utf_8_sig" || norm == "utf8_sig" {
        // UTF-8 with a byte-order mark written first and skipped on input.
        return Ok((name, "utf-8", Some(vec![0xEF, 0xBB, 0xBF])));
    }
    let canon = match _codecs::canonical_name(&name) {
        Some(c) => c,
        // A pure-Python codec of the registry (decoded chunk by chunk).
        None => _codecs::registry_text_codec(vm, &name)?,
    };
    let (codec, bom) = match canon {
        "utf-16" => ("utf-16-le", Some(vec![0xFF, 0xFE])),
        "utf-32" => ("utf-32-le", Some(vec![0xFF, 0xFE, 0, 0])),
        c => (c, None),
    };
    Ok((name, codec, bom))
}

/// A `str or None` argument.
pub fn opt_str(
    vm: &Vm,
    o: Option<&PyObjectRef>,
    fname: &str,
    arg: &str,
) -> PyResult<Option<String>> {
    match o {
        None => Ok(None),
        Some(x) if x.is(&vm.none) => Ok(None),
        Some(x) => match x.downcast_ref::<PyStr>() {
            Some(s) => Ok(Some(s.as_str().to_string())),
            None => Err(vm.new_type_error(format!(
                "{fname}() argument '{arg}' must be str or None, not {}",
                vm.type_name(x)
            ))),
        },
    }
}

fn tw_init(vm: &Vm, args: Args) -> PyResult {
    let [s, buffer, encoding, errors, newline, line_buffering, write_through] = args.bind(
        vm,
        "TextIOWrapper",
        [
            "self",
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        2,
        1,
        7,
    )?;
    let s = s.expect("self");
    let buffer = buffer.expect("required");
    let f = "TextIOWrapper";
    let enc = opt_str(vm, encoding, f, "encoding")?;
    let errors = opt_str(vm, errors, f, "errors")?.unwrap_or_else(|| "strict".into());
    let newline = newline_arg(vm, newline, None, Some(f))?;
    let line_buffering = match line_buffering {
        Some(x) => vm.is_true(x)?,
        None => false,
    };
    let write_through = match write_through {
        Some(x) => vm.is_true(x)?,
        None => false,
    };
    let (encoding, codec, bom) = resolve_encoding(vm, enc.as_deref())?;
    let readable = vm.is_true(&vm.call_method(buffer, "readable", &[])?)?;
    let writable = vm.is_true(&vm.call_method(buffer, "writable", &[])?)?;
    let seekable = vm.is_true(&vm.call_method(buffer, "seekable", &[])?)?;
    let has_read1 = vm.get_attr_opt(buffer, &vm.intern("read1"))?.is_some();
    // No byte-order mark when appending to a non-empty stream.
    let mut bom_pending = bom.is_some() && writable;
    if bom_pending && seekable && buffer_tell(vm, buffer)? != 0 {
        bom_pending = false;
    }
    let st = TextState {
        buffer: RefCell::new(Some(buffer.clone())),
        encoding: RefCell::new(encoding),
        codec: RefCell::new(codec),
        bom_check: Cell::new(bom.is_some()),
        bom: RefCell::new(bom),
        bom_pending: Cell::new(bom_pending),
        errors: RefCell::new(errors),
        readuniversal: Cell::new(newline.as_deref().map_or(true, str::is_empty)),
        readtranslate: Cell::new(newline.is_none()),
        writetranslate: Cell::new(newline.as_deref() != Some("")),
        writenl: RefCell::new(match newline.as_deref() {
            None | Some("") => "\n".to_string(),
            Some(n) => n.to_string(),
        }),
        readnl: RefCell::new(newline),
        line_buffering: Cell::new(line_buffering),
        write_through: Cell::new(write_through),
        readable,
        writable,
        seekable,
        telling: Cell::new(seekable),
        has_read1,
        chunk_size: Cell::new(8192),
        decoded: RefCell::new(Vec::new()),
        dpos: Cell::new(0),
        raw_decoded: RefCell::new(Vec::new()),
        pending: RefCell::new(Vec::new()),
        nl: Cell::new(NlState::default()),
        snap_pos: Cell::new(None),
        pending_out: RefCell::new(Vec::new()),
        surrogates: Cell::new(false),
        fast: native_buffered(buffer).and_then(|b| {
            let raw = b.raw.borrow().clone()?;
            let f = super::fileio::native_file(&raw)?;
            Some((b, f))
        }),
        fast_raw: super::fileio::native_file(buffer),
        simple_write: Cell::new(false),
    };
    st.refresh_simple();
    let io = io_of(vm, s, f)?;
    let st = Rc::new(st);
    if writable {
        super::register_text_writer(&st);
    }
    io.set_kind(vm, Kind::Text(st))?;
    io.base_closed.set(false);
    Ok(vm.none.clone())
}

fn tw_write(vm: &Vm, args: Args) -> PyResult {
    let [s, text] = args.exact::<2>(vm, "write")?;
    let t = open(vm, s)?;
    let Some(ts) = text.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(text)
        )));
    };
    t.write_text(vm, ts.as_str(), Some(text))?;
    Ok(vm.new_int(ts.char_len() as i64))
}

fn check_readable(vm: &Vm, t: &TextState) -> PyResult<()> {
    if !t.readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn tw_read(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "read", 1)?;
    let t = open(vm, s.expect("self"))?;
    check_readable(vm, &t)?;
    let n = size_arg(vm, n)?;
    t.write_flush(vm)?;
    let out = match n {
        None => t.read_all(vm)?,
        Some(n) => t.read_n(vm, n)?,
    };
    Ok(vm.new_str_marked(out, t.surrogates.get()))
}

fn tw_readline(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "readline", 1)?;
    let t = open(vm, s.expect("self"))?;
    check_readable(vm, &t)?;
    let n = size_arg(vm, n)?;
    t.write_flush(vm)?;
    let line = t.readline(vm, n)?;
    Ok(vm.new_str_marked(line, t.surrogates.get()))
}

fn tw_next(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let t = open(vm, s)?;
    t.telling.set(false);
    let line = if crate::types::typeobj::class_of(s).ext.heap {
        vm.call_method(s, "readline", &[])?
    } else {
        check_readable(vm, &t)?;
        t.write_flush(vm)?;
        let line = t.readline(vm, None)?;
        vm.new_str_marked(line, t.surrogates.get())
    };
    if vm.len(&line)? == 0 {
        t.snap_pos.set(None);
        t.telling.set(t.seekable);
        return Err(vm.new_stop_iteration(None));
    }
    Ok(line)
}

fn flush_impl(vm: &Vm, t: &TextState) -> PyResult {
    let buffer = t.buffer(vm)?;
    t.write_flush(vm)?;
    t.telling.set(t.seekable);
    vm.call_method(&buffer, "flush", &[])
}

fn tw_flush(vm: &Vm, args: Args) -> PyResult {
    let t = open(vm, self_arg(vm, &args)?)?;
    flush_impl(vm, &t)
}

fn tw_close(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let t = attached(vm, s)?;
    let buffer = t.buffer(vm)?;
    if attr_true(vm, &buffer, "closed")? {
        return Ok(vm.none.clone());
    }
    let fr = vm.call_method(s, "flush", &[]);
    let cr = vm.call_method(&buffer, "close", &[]);
    match (fr, cr) {
        (Err(fe), Err(ce)) => {
            let _ = vm.set_attr_str(ce.as_object(), "__context__", fe.as_object().clone());
            Err(ce)
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
        _ => Ok(vm.none.clone()),
    }
}

fn not_seekable(vm: &Vm) -> crate::PyBaseExceptionRef {
    unsupported(vm, "underlying stream is not seekable")
}

fn tw_tell(vm: &Vm, args: Args) -> PyResult {
    let t = open(vm, self_arg(vm, &args)?)?;
    if !t.seekable {
        return Err(not_seekable(vm));
    }
    if !t.telling.get() {
        return Err(vm.new_os_error("telling position disabled by next() call"));
    }
    flush_impl(vm, &t)?;
    Ok(vm.new_int(t.tell(vm)?))
}

fn tw_seek(vm: &Vm, args: Args) -> PyResult {
    let [s, cookie, whence] = args.range::<3>(vm, "seek", 2)?;
    let s = s.expect("self");
    let t = open(vm, s)?;
    let mut cookie = index_arg(vm, cookie.expect("required"))? as i64;
    let mut whence = match whence {
        Some(w) => vm.index_isize(w)? as i64,
        None => 0,
    };
    if !t.seekable {
        return Err(not_seekable(vm));
    }
    let buffer = t.buffer(vm)?;
    match whence {
        1 => {
            if cookie != 0 {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            cookie = vm.index_isize(&vm.call_method(s, "tell", &[])?)? as i64;
            whence = 0;
        }
        2 => {
            if cookie != 0 {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            flush_impl(vm, &t)?;
            t.reset_read();
            t.bom_check.set(false);
            let r = vm.call_method(&buffer, "seek", &[vm.new_int(0), vm.new_int(2)])?;
            if t.bom.borrow().is_some() {
                t.bom_pending.set(t.writable && vm.index_isize(&r)? == 0);
                t.refresh_simple();
            }
            return Ok(r);
        }
        0 => {}
        w => return Err(vm.new_value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
    }
    let _ = whence;
    if cookie < 0 {
        return Err(vm.new_value_error(format!("negative seek position {cookie}")));
    }
    flush_impl(vm, &t)?;
    vm.call_method(&buffer, "seek", &[vm.new_int(cookie)])?;
    t.reset_read();
    if t.bom.borrow().is_some() {
        t.bom_check.set(cookie == 0);
        t.bom_pending.set(t.writable && cookie == 0);
        t.refresh_simple();
    }
    Ok(vm.new_int(cookie))
}

fn tw_truncate(vm: &Vm, args: Args) -> PyResult {
    let [s, pos] = args.range::<2>(vm, "truncate", 1)?;
    let s = s.expect("self");
    let t = attached(vm, s)?;
    vm.call_method(s, "flush", &[])?;
    let pos = pos.cloned().unwrap_or_else(|| vm.none.clone());
    vm.call_method(&t.buffer(vm)?, "truncate", &[pos])
}

fn tw_detach(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let t = attached(vm, s)?;
    vm.call_method(s, "flush", &[])?;
    let b = t.buffer.borrow_mut().take();
    Ok(b.unwrap_or_else(|| vm.none.clone()))
}

fn delegate(vm: &Vm, args: Args, name: &str) -> PyResult {
    let t = attached(vm, self_arg(vm, &args)?)?;
    vm.call_method(&t.buffer(vm)?, name, &[])
}

fn tw_fileno(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "fileno")
}
fn tw_isatty(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "isatty")
}
fn tw_seekable(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "seekable")
}
fn tw_readable(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "readable")
}
fn tw_writable(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "writable")
}

fn tw_reconfigure(vm: &Vm, args: Args) -> PyResult {
    let [s, encoding, errors, newline, line_buffering, write_through] = args.bind(
        vm,
        "reconfigure",
        [
            "self",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        1,
        1,
        1,
    )?;
    let s = s.expect("self");
    let t = attached(vm, s)?;
    let f = "reconfigure";
    let enc = opt_str(vm, encoding, f, "encoding")?;
    let errs = opt_str(vm, errors, f, "errors")?;
    if (enc.is_some() || errs.is_some() || newline.is_some()) && t.has_readahead() {
        return Err(unsupported(
            vm,
            "It is not possible to set the encoding or newline of stream after the first read",
        ));
    }
    let newline = match newline {
        Some(n) => Some(newline_arg(vm, Some(n), None, Some("TextIOWrapper"))?),
        None => None,
    };
    vm.call_method(s, "flush", &[])?;
    if let Some(e) = enc.as_deref() {
        let (name, codec, bom) = resolve_encoding(vm, Some(e))?;
        *t.encoding.borrow_mut() = name;
        *t.codec.borrow_mut() = codec;
        *t.bom.borrow_mut() = bom;
        *t.errors.borrow_mut() = errs.clone().unwrap_or_else(|| "strict".into());
    } else if let Some(e) = errs {
        *t.errors.borrow_mut() = e;
    }
    if let Some(nl) = newline {
        t.readuniversal
            .set(nl.as_deref().map_or(true, str::is_empty));
        t.readtranslate.set(nl.is_none());
        t.writetranslate.set(nl.as_deref() != Some(""));
        *t.writenl.borrow_mut() = match nl.as_deref() {
            None | Some("") => "\n".to_string(),
            Some(n) => n.to_string(),
        };
        *t.readnl.borrow_mut() = nl;
    }
    if let Some(lb) = line_buffering.filter(|x| !x.is(&vm.none)) {
        t.line_buffering.set(vm.is_true(lb)?);
    }
    if let Some(wt) = write_through.filter(|x| !x.is(&vm.none)) {
        t.write_through.set(vm.is_true(wt)?);
    }
    t.refresh_simple();
    Ok(vm.none.clone())
}

fn tw_repr(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let t = state(vm, s)?;
    let mut out = format!("<{}", tp_name(vm, s));
    for attr in ["name", "mode"] {
        match vm.get_attr_str(s, attr) {
            Ok(v) => out.push_str(&format!(" {attr}={}", vm.repr_string(&v)?)),
            Err(e)
                if vm.exc_matches(&e, &vm.exc.AttributeError)
                    || vm.exc_matches(&e, &vm.exc.ValueError) => {}
            Err(e) => return Err(e),
        }
    }
    let enc = t.encoding.borrow().clone();
    out.push_str(&format!(
        " encoding={}>",
        crate::types::basic_methods::str_repr(&enc)
    ));
    Ok(vm.new_str(out))
}

fn encoding_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(state(vm, o)?.encoding.borrow().as_str()))
}
fn errors_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(state(vm, o)?.errors.borrow().as_str()))
}
fn newlines_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let t = state(vm, o)?;
    if !t.readuniversal.get() || !t.readable {
        return Ok(vm.none.clone());
    }
    Ok(t.nl.get().newlines(vm))
}
fn buffer_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(state(vm, o)?
        .buffer
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}
fn line_buffering_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(state(vm, o)?.line_buffering.get()))
}
fn write_through_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(state(vm, o)?.write_through.get()))
}
fn name_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let t = attached(vm, o)?;
    vm.get_attr_str(&t.buffer(vm)?, "name")
}
fn closed_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let t = attached(vm, o)?;
    vm.get_attr_str(&t.buffer(vm)?, "closed")
}
fn chunk_size_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(state(vm, o)?.chunk_size.get() as i64))
}
fn chunk_size_set(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let t = state(vm, o)?;
    let Some(v) = v else {
        return Err(vm.new_attribute_error("cannot delete attribute"));
    };
    let n = vm.index_isize(&v)?;
    if n <= 0 {
        return Err(vm.new_value_error("a strictly positive integer is required"));
    }
    t.chunk_size.set(n as usize);
    Ok(())
}
fn false_get(vm: &Vm, _o: &PyObjectRef) -> PyResult {
    Ok(vm.false_.clone())
}

fn tw_getstate(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    Err(vm.new_type_error(format!("cannot pickle '{}' object", tp_name(vm, s))))
}

pub fn init_type(vm: &Vm) {
    let t = textiowrapper_type(vm);
    if t.ext.dict.get_by_str("reconfigure").is_some() {
        return;
    }
    let methods: [(&'static str, crate::args::NativeFn); 20] = [
        ("__init__", tw_init),
        ("write", tw_write),
        ("read", tw_read),
        ("readline", tw_readline),
        ("__next__", tw_next),
        ("flush", tw_flush),
        ("close", tw_close),
        ("tell", tw_tell),
        ("seek", tw_seek),
        ("truncate", tw_truncate),
        ("detach", tw_detach),
        ("fileno", tw_fileno),
        ("isatty", tw_isatty),
        ("seekable", tw_seekable),
        ("readable", tw_readable),
        ("writable", tw_writable),
        ("reconfigure", tw_reconfigure),
        ("__repr__", tw_repr),
        ("__getstate__", tw_getstate),
        ("_dealloc_warn", dealloc_warn),
    ];
    for (n, f) in methods {
        vm.add_method(&t, n, f);
    }
    vm.add_getset(&t, "encoding", encoding_get, None);
    vm.add_getset(&t, "errors", errors_get, None);
    vm.add_getset(&t, "newlines", newlines_get, None);
    vm.add_getset(&t, "buffer", buffer_get, None);
    vm.add_getset(&t, "line_buffering", line_buffering_get, None);
    vm.add_getset(&t, "write_through", write_through_get, None);
    vm.add_getset(&t, "name", name_get, None);
    vm.add_getset(&t, "closed", closed_get, None);
    vm.add_getset(&t, "_CHUNK_SIZE", chunk_size_get, Some(chunk_size_set));
    vm.add_getset(&t, "_finalizing", false_get, None);
}

fn dealloc_warn(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.none.clone())
}
