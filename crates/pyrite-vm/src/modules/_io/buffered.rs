//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` and
//! `BufferedRWPair`: buffering over a raw stream, as CPython 3.11's
//! `Modules/_io/bufferedio.c`. The raw stream is driven through its
//! methods (`readinto`, `write`, `seek`, `tell`), with direct calls when it
//! is a plain `FileIO`. Read-ahead and pending writes live in separate
//! buffers; switching direction rewinds the raw stream over unread
//! read-ahead, which keeps positions what CPython's shared buffer gives.

use super::fileio::native_file;
use super::iobase::{check_readable, check_seekable, check_writable};
use super::*;

pub struct BufState {
    pub raw: RefCell<Option<PyObjectRef>>,
    pub readable: bool,
    pub writable: bool,
    pub size: usize,
    pub rbuf: RefCell<Vec<u8>>,
    pub rpos: Cell<usize>,
    pub wbuf: RefCell<Vec<u8>>,
}

impl BufState {
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(r) = self.raw.try_borrow() {
            if let Some(r) = r.as_ref() {
                visit(r);
            }
        }
    }

    fn remaining(&self) -> usize {
        self.rbuf.borrow().len() - self.rpos.get()
    }

    fn raw(&self, vm: &Vm) -> PyResult<PyObjectRef> {
        self.raw
            .borrow()
            .clone()
            .ok_or_else(|| vm.new_value_error("raw stream has been detached"))
    }

    /// Take up to `n` bytes of read-ahead.
    fn take(&self, n: usize) -> Vec<u8> {
        let rb = self.rbuf.borrow();
        let p = self.rpos.get();
        let end = p.saturating_add(n).min(rb.len());
        let out = rb[p..end].to_vec();
        drop(rb);
        self.rpos.set(end);
        if end == self.rbuf.borrow().len() {
            self.rbuf.borrow_mut().clear();
            self.rpos.set(0);
        }
        out
    }

    /// One raw read of up to `n` bytes (None: would block).
    fn raw_read(&self, vm: &Vm, n: usize) -> PyResult<Option<Vec<u8>>> {
        let raw = self.raw(vm)?;
        if let Some(f) = native_file(&raw) {
            return f.read_some(vm, n).map(Some);
        }
        let b = crate::types::bytes_methods::new_bytearray(vm, vec![0; n]);
        let r = vm.call_method(&raw, "readinto", &[b.clone()])?;
        if r.is(&vm.none) {
            return Ok(None);
        }
        let got = vm.index_isize(&r)?;
        if got < 0 || got as usize > n {
            return Err(vm.new_exception_msg(
                &vm.exc.OSError,
                format!("raw readinto() returned invalid length {got} (should have been between 0 and {n})"),
            ));
        }
        Ok(Some(
            b.downcast_ref::<PyByteArray>()
                .map(|ba| ba.data.borrow()[..got as usize].to_vec())
                .unwrap_or_default(),
        ))
    }

    fn raw_write(&self, vm: &Vm, data: &[u8]) -> PyResult<Option<usize>> {
        let raw = self.raw(vm)?;
        if let Some(f) = native_file(&raw) {
            return f.write_bytes(vm, data).map(Some);
        }
        let r = vm.call_method(&raw, "write", &[new_bytes(vm, data.to_vec())])?;
        if r.is(&vm.none) {
            return Ok(None);
        }
        let n = vm.index_isize(&r)?;
        if n < 0 || n as usize > data.len() {
            return Err(vm.new_exception_msg(
                &vm.exc.OSError,
                format!(
                    "raw write() returned invalid length {n} (should have been between 0 and {})",
                    data.len()
                ),
            ));
        }
        Ok(Some(n as usize))
    }

    fn raw_tell(&self, vm: &Vm) -> PyResult<i64> {
        let raw = self.raw(vm)?;
        let r = if let Some(f) = native_file(&raw) {
            f.seek(vm, 0, 1)? as i64
        } else {
            vm.index_isize(&vm.call_method(&raw, "tell", &[])?)? as i64
        };
        if r < 0 {
            return Err(vm.new_exception_msg(
                &vm.exc.OSError,
                format!("Raw stream returned invalid position {r}"),
            ));
        }
        Ok(r)
    }

    fn raw_seek(&self, vm: &Vm, pos: i64, whence: i64) -> PyResult<i64> {
        let raw = self.raw(vm)?;
        if let Some(f) = native_file(&raw) {
            return Ok(f.seek(vm, pos, whence)? as i64);
        }
        let r = vm.call_method(&raw, "seek", &[vm.new_int(pos), vm.new_int(whence)])?;
        Ok(vm.index_isize(&r)? as i64)
    }

    /// Write out pending bytes.
    pub fn flush_writes(&self, vm: &Vm) -> PyResult<()> {
        loop {
            let data = self.wbuf.borrow().clone();
            if data.is_empty() {
                return Ok(());
            }
            match self.raw_write(vm, &data)? {
                None => {
                    return Err(vm.new_exception(
                        &vm.exc.BlockingIOError,
                        vec![
                            vm.new_int(11),
                            vm.new_str("write could not complete without blocking"),
                            vm.new_int(0),
                        ],
                    ))
                }
                Some(n) => {
                    let mut w = self.wbuf.borrow_mut();
                    let n = n.min(w.len());
                    w.drain(..n);
                }
            }
        }
    }

    /// Give unread read-ahead back to the raw stream (before writing or
    /// seeking).
    fn rewind(&self, vm: &Vm) -> PyResult<()> {
        let rem = self.remaining();
        self.rbuf.borrow_mut().clear();
        self.rpos.set(0);
        if rem > 0 {
            self.raw_seek(vm, -(rem as i64), 1)?;
        }
        Ok(())
    }

    fn is_closed(&self, vm: &Vm) -> PyResult<bool> {
        attr_true(vm, &self.raw(vm)?, "closed")
    }

    fn check_closed(&self, vm: &Vm, msg: &str) -> PyResult<()> {
        if self.is_closed(vm)? {
            // A reader may still hand out what it has buffered.
            if self.readable && self.remaining() > 0 && msg.starts_with("read") {
                return Ok(());
            }
            return Err(vm.new_value_error(msg.to_string()));
        }
        Ok(())
    }

    /// Read exactly up to `n` bytes (fewer at EOF), None if nothing is
    /// available without blocking.
    pub fn read_n(&self, vm: &Vm, n: usize) -> PyResult<Option<Vec<u8>>> {
        if self.writable {
            self.flush_writes(vm)?;
        }
        let mut out = self.take(n);
        while out.len() < n {
            let want = n - out.len();
            if want >= self.size {
                match self.raw_read(vm, want.min(1 << 24))? {
                    None if out.is_empty() => return Ok(None),
                    None => break,
                    Some(c) if c.is_empty() => break,
                    Some(c) => out.extend_from_slice(&c),
                }
            } else {
                match self.raw_read(vm, self.size)? {
                    None if out.is_empty() => return Ok(None),
                    None => break,
                    Some(c) if c.is_empty() => break,
                    Some(c) => {
                        *self.rbuf.borrow_mut() = c;
                        self.rpos.set(0);
                        out.extend(self.take(want));
                    }
                }
            }
        }
        Ok(Some(out))
    }

    pub fn read_all(&self, vm: &Vm) -> PyResult<Option<Vec<u8>>> {
        if self.writable {
            self.flush_writes(vm)?;
        }
        let mut out = self.take(usize::MAX);
        let raw = self.raw(vm)?;
        if let Some(f) = native_file(&raw) {
            out.extend(f.read_all(vm)?);
            return Ok(Some(out));
        }
        if let Some(ra) = vm.get_attr_opt(&raw, &vm.intern("readall"))? {
            let r = vm.call(&ra, &[])?;
            if r.is(&vm.none) {
                return Ok(if out.is_empty() { None } else { Some(out) });
            }
            out.extend_from_slice(&bytes_arg(vm, &r)?);
            return Ok(Some(out));
        }
        loop {
            match self.raw_read(vm, self.size)? {
                None => return Ok(if out.is_empty() { None } else { Some(out) }),
                Some(c) if c.is_empty() => return Ok(Some(out)),
                Some(c) => out.extend(c),
            }
        }
    }

    /// Ensure some read-ahead (one raw read if empty); false at EOF.
    fn fill(&self, vm: &Vm) -> PyResult<bool> {
        if self.remaining() > 0 {
            return Ok(true);
        }
        if self.writable {
            self.flush_writes(vm)?;
        }
        match self.raw_read(vm, self.size)? {
            Some(c) if !c.is_empty() => {
                *self.rbuf.borrow_mut() = c;
                self.rpos.set(0);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    pub fn readline(&self, vm: &Vm, limit: Option<usize>) -> PyResult<Vec<u8>> {
        let mut out = Vec::new();
        loop {
            if limit.is_some_and(|l| out.len() >= l) {
                break;
            }
            if !self.fill(vm)? {
                break;
            }
            let n = {
                let rb = self.rbuf.borrow();
                let avail = &rb[self.rpos.get()..];
                let mut n = match avail.iter().position(|&c| c == b'\n') {
                    Some(i) => i + 1,
                    None => avail.len(),
                };
                if let Some(l) = limit {
                    n = n.min(l - out.len());
                }
                n
            };
            let chunk = self.take(n);
            let done = chunk.last() == Some(&b'\n');
            out.extend(chunk);
            if done {
                break;
            }
        }
        Ok(out)
    }

    pub fn write(&self, vm: &Vm, data: &[u8]) -> PyResult<usize> {
        if self.readable && self.remaining() > 0 {
            self.rewind(vm)?;
        }
        self.wbuf.borrow_mut().extend_from_slice(data);
        if self.wbuf.borrow().len() >= self.size {
            self.flush_writes(vm)?;
        }
        Ok(data.len())
    }

    fn tell(&self, vm: &Vm) -> PyResult<i64> {
        let pos = self.raw_tell(vm)? - self.remaining() as i64 + self.wbuf.borrow().len() as i64;
        Ok(pos.max(0))
    }
}

pub struct PairState {
    pub reader: PyObjectRef,
    pub writer: PyObjectRef,
}

impl PairState {
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.reader);
        visit(&self.writer);
    }
}

fn state(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<BufState>> {
    match io_of(vm, o, "BufferedReader")?.kind() {
        Kind::Buffered(b) => Ok(b),
        _ => Err(vm.new_value_error("I/O operation on uninitialized object")),
    }
}

/// The state, checked to still have its raw stream.
fn attached(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<BufState>> {
    let b = state(vm, o)?;
    if b.raw.borrow().is_none() {
        return Err(vm.new_value_error("raw stream has been detached"));
    }
    Ok(b)
}

/// Fast path for text streams: the buffered state of a plain buffered
/// object.
pub fn native_buffered(o: &PyObjectRef) -> Option<Rc<BufState>> {
    if crate::types::typeobj::class_of(o).ext.heap {
        return None;
    }
    match o.downcast_ref::<PyIo>()?.kind() {
        Kind::Buffered(b) if b.raw.borrow().is_some() => Some(b),
        _ => None,
    }
}

fn init_common(vm: &Vm, args: Args, name: &str, readable: bool, writable: bool) -> PyResult {
    let [s, raw, size] = args.bind(vm, name, ["self", "raw", "buffer_size"], 2, 1, 3)?;
    let s = s.expect("self");
    let raw = raw.expect("required");
    if readable && writable {
        check_seekable(vm, raw)?;
    }
    if readable {
        check_readable(vm, raw)?;
    }
    if writable {
        check_writable(vm, raw)?;
    }
    let size = match size {
        Some(x) => vm.index_isize(x)?,
        None => DEFAULT_BUFFER_SIZE as isize,
    };
    if size <= 0 {
        return Err(vm.new_value_error("buffer size must be strictly positive"));
    }
    let st = BufState {
        raw: RefCell::new(Some(raw.clone())),
        readable,
        writable,
        size: size as usize,
        rbuf: RefCell::new(Vec::new()),
        rpos: Cell::new(0),
        wbuf: RefCell::new(Vec::new()),
    };
    let io = io_of(vm, s, name)?;
    let st = Rc::new(st);
    if writable {
        super::register_buffered_writer(&st);
    }
    io.set_kind(vm, Kind::Buffered(st))?;
    io.base_closed.set(false);
    Ok(vm.none.clone())
}

fn reader_init(vm: &Vm, args: Args) -> PyResult {
    init_common(vm, args, "BufferedReader", true, false)
}
fn writer_init(vm: &Vm, args: Args) -> PyResult {
    init_common(vm, args, "BufferedWriter", false, true)
}
fn random_init(vm: &Vm, args: Args) -> PyResult {
    init_common(vm, args, "BufferedRandom", true, true)
}

fn need_readable(vm: &Vm, b: &BufState, what: &str) -> PyResult<()> {
    if !b.readable {
        return Err(unsupported(vm, what));
    }
    Ok(())
}

fn need_writable(vm: &Vm, b: &BufState, what: &str) -> PyResult<()> {
    if !b.writable {
        return Err(unsupported(vm, what));
    }
    Ok(())
}

fn opt_bytes(vm: &Vm, r: Option<Vec<u8>>) -> PyObjectRef {
    match r {
        Some(d) => new_bytes(vm, d),
        None => vm.none.clone(),
    }
}

fn read(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "read", 1)?;
    let b = attached(vm, s.expect("self"))?;
    need_readable(vm, &b, "read")?;
    let n = match n {
        Some(x) if !x.is(&vm.none) => index_arg(vm, x)?,
        _ => -1,
    };
    if n < -1 {
        return Err(vm.new_value_error("read length must be non-negative or -1"));
    }
    b.check_closed(vm, "read of closed file")?;
    if n == -1 {
        return Ok(opt_bytes(vm, b.read_all(vm)?));
    }
    Ok(opt_bytes(vm, b.read_n(vm, n as usize)?))
}

fn read1(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "read1", 1)?;
    let b = attached(vm, s.expect("self"))?;
    need_readable(vm, &b, "read1")?;
    let n = match size_arg(vm, n)? {
        Some(n) => n,
        None => b.size,
    };
    b.check_closed(vm, "read of closed file")?;
    if n == 0 {
        return Ok(new_bytes(vm, Vec::new()));
    }
    if b.remaining() > 0 {
        return Ok(new_bytes(vm, b.take(n)));
    }
    if b.writable {
        b.flush_writes(vm)?;
    }
    match b.raw_read(vm, n.max(b.size))? {
        Some(c) => {
            *b.rbuf.borrow_mut() = c;
            b.rpos.set(0);
            Ok(new_bytes(vm, b.take(n)))
        }
        None => Ok(new_bytes(vm, Vec::new())),
    }
}

fn peek(vm: &Vm, args: Args) -> PyResult {
    let [s, _n] = args.range::<2>(vm, "peek", 1)?;
    let b = attached(vm, s.expect("self"))?;
    need_readable(vm, &b, "peek")?;
    b.check_closed(vm, "peek of closed file")?;
    b.fill(vm)?;
    let v = b.rbuf.borrow()[b.rpos.get()..].to_vec();
    Ok(new_bytes(vm, v))
}

fn readinto_impl(vm: &Vm, args: Args, one: bool) -> PyResult {
    let [s, buf] = args.exact::<2>(vm, "readinto")?;
    let b = attached(vm, s)?;
    need_readable(vm, &b, "readinto")?;
    b.check_closed(vm, "readinto of closed file")?;
    let n = writable_len(vm, buf, "readinto")?;
    let data = if one {
        if b.remaining() == 0 && n > 0 {
            b.fill(vm)?;
        }
        b.take(n)
    } else {
        match b.read_n(vm, n)? {
            Some(d) => d,
            None => return Ok(vm.none.clone()),
        }
    };
    fill_buffer(vm, buf, &data)?;
    Ok(vm.new_int(data.len() as i64))
}

fn readinto(vm: &Vm, args: Args) -> PyResult {
    readinto_impl(vm, args, false)
}
fn readinto1(vm: &Vm, args: Args) -> PyResult {
    readinto_impl(vm, args, true)
}

fn readline(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "readline", 1)?;
    let b = attached(vm, s.expect("self"))?;
    need_readable(vm, &b, "readline")?;
    let limit = size_arg(vm, n)?;
    b.check_closed(vm, "readline of closed file")?;
    Ok(new_bytes(vm, b.readline(vm, limit)?))
}

fn next(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let b = attached(vm, s)?;
    if !b.readable || crate::types::typeobj::class_of(s).ext.heap {
        let line = vm.call_method(s, "readline", &[])?;
        if vm.len(&line)? == 0 {
            return Err(vm.new_stop_iteration(None));
        }
        return Ok(line);
    }
    b.check_closed(vm, "readline of closed file")?;
    let l = b.readline(vm, None)?;
    if l.is_empty() {
        return Err(vm.new_stop_iteration(None));
    }
    Ok(new_bytes(vm, l))
}

fn write(vm: &Vm, args: Args) -> PyResult {
    let [s, data] = args.exact::<2>(vm, "write")?;
    let b = attached(vm, s)?;
    need_writable(vm, &b, "write")?;
    if b.is_closed(vm)? {
        return Err(vm.new_value_error("write to closed file"));
    }
    let data = bytes_arg(vm, data)?;
    Ok(vm.new_int(b.write(vm, &data)? as i64))
}

fn flush(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let b = attached(vm, s)?;
    if b.is_closed(vm)? {
        return Err(vm.new_value_error(if b.writable {
            "flush of closed file"
        } else {
            "I/O operation on closed file."
        }));
    }
    if b.writable {
        b.flush_writes(vm)?;
    }
    Ok(vm.none.clone())
}

fn seek(vm: &Vm, args: Args) -> PyResult {
    let [s, pos, whence] = args.range::<3>(vm, "seek", 2)?;
    let b = attached(vm, s.expect("self"))?;
    let pos = index_arg(vm, pos.expect("required"))? as i64;
    let whence = match whence {
        Some(w) => vm.index_isize(w)? as i64,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.new_value_error(format!("whence value {whence} unsupported")));
    }
    b.check_closed(vm, "seek of closed file")?;
    let raw = b.raw(vm)?;
    check_seekable(vm, &raw)?;
    if b.writable {
        b.flush_writes(vm)?;
    }
    let target = if whence == 1 {
        pos - b.remaining() as i64
    } else {
        pos
    };
    b.rbuf.borrow_mut().clear();
    b.rpos.set(0);
    let r = b.raw_seek(vm, target, whence)?;
    Ok(vm.new_int(r))
}

fn tell(vm: &Vm, args: Args) -> PyResult {
    let b = attached(vm, self_arg(vm, &args)?)?;
    Ok(vm.new_int(b.tell(vm)?))
}

fn truncate(vm: &Vm, args: Args) -> PyResult {
    let [s, pos] = args.range::<2>(vm, "truncate", 1)?;
    let b = attached(vm, s.expect("self"))?;
    b.check_closed(vm, "truncate of closed file")?;
    need_writable(vm, &b, "truncate")?;
    b.flush_writes(vm)?;
    b.rewind(vm)?;
    let raw = b.raw(vm)?;
    let pos = pos.cloned().unwrap_or_else(|| vm.none.clone());
    let r = vm.call_method(&raw, "truncate", &[pos])?;
    Ok(r)
}

fn close(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let b = attached(vm, s)?;
    if b.is_closed(vm)? {
        return Ok(vm.none.clone());
    }
    let fr = vm.call_method(s, "flush", &[]);
    let raw = b.raw(vm)?;
    let cr = vm.call_method(&raw, "close", &[]);
    b.rbuf.borrow_mut().clear();
    b.rpos.set(0);
    match (fr, cr) {
        (Err(fe), Err(ce)) => {
            let _ = vm.set_attr_str(ce.as_object(), "__context__", fe.as_object().clone());
            Err(ce)
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
        _ => Ok(vm.none.clone()),
    }
}

fn detach(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let b = attached(vm, s)?;
    vm.call_method(s, "flush", &[])?;
    let raw = b.raw.borrow_mut().take();
    Ok(raw.unwrap_or_else(|| vm.none.clone()))
}

fn delegate(vm: &Vm, args: Args, name: &str) -> PyResult {
    let b = attached(vm, self_arg(vm, &args)?)?;
    let raw = b.raw(vm)?;
    vm.call_method(&raw, name, &[])
}

fn seekable(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "seekable")
}
fn readable(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "readable")
}
fn writable(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "writable")
}
fn fileno(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "fileno")
}
fn isatty(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "isatty")
}

fn raw_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(state(vm, o)?
        .raw
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}

fn closed_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let b = attached(vm, o)?;
    vm.get_attr_str(&b.raw(vm)?, "closed")
}

fn name_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let b = attached(vm, o)?;
    vm.get_attr_str(&b.raw(vm)?, "name")
}

fn mode_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let b = attached(vm, o)?;
    vm.get_attr_str(&b.raw(vm)?, "mode")
}

fn false_get(vm: &Vm, _o: &PyObjectRef) -> PyResult {
    Ok(vm.false_.clone())
}

fn repr(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let tn = tp_name(vm, s);
    match vm.get_attr_str(s, "name") {
        Ok(n) => Ok(vm.new_str(format!("<{tn} name={}>", vm.repr_string(&n)?))),
        Err(e)
            if vm.exc_matches(&e, &vm.exc.AttributeError)
                || vm.exc_matches(&e, &vm.exc.ValueError) =>
        {
            Ok(vm.new_str(format!("<{tn}>")))
        }
        Err(e) => Err(e),
    }
}

fn getstate(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    Err(vm.new_type_error(format!("cannot pickle '{}' object", tp_name(vm, s))))
}

fn dealloc_warn(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.none.clone())
}

// ----- BufferedRWPair --------------------------------------------------------

fn pair(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<PairState>> {
    match io_of(vm, o, "BufferedRWPair")?.kind() {
        Kind::Pair(p) => Ok(p),
        _ => Err(vm.new_value_error("I/O operation on uninitialized object")),
    }
}

fn pair_init(vm: &Vm, args: Args) -> PyResult {
    let [s, reader, writer, size] = args.bind(
        vm,
        "BufferedRWPair",
        ["self", "reader", "writer", "buffer_size"],
        3,
        4,
        4,
    )?;
    let s = s.expect("self");
    let (reader, writer) = (reader.expect("required"), writer.expect("required"));
    check_readable(vm, reader)?;
    check_writable(vm, writer)?;
    let size = size
        .cloned()
        .unwrap_or_else(|| vm.new_int(DEFAULT_BUFFER_SIZE as i64));
    let r = vm.call(
        buffered_reader_type(vm).as_object(),
        &[reader.clone(), size.clone()],
    )?;
    let w = vm.call(
        buffered_writer_type(vm).as_object(),
        &[writer.clone(), size],
    )?;
    io_of(vm, s, "BufferedRWPair")?.set_kind(
        vm,
        Kind::Pair(Rc::new(PairState {
            reader: r,
            writer: w,
        })),
    )?;
    Ok(vm.none.clone())
}

fn pair_call(vm: &Vm, args: Args, name: &str, to_reader: bool) -> PyResult {
    let s = self_arg(vm, &args)?;
    let p = pair(vm, s)?;
    let target = if to_reader { &p.reader } else { &p.writer };
    let f = vm.get_attr_str(target, name)?;
    vm.call_kw(&f, &args.all[1..], args.kwnames)
}

macro_rules! pair_fn {
    ($f:ident, $name:literal, $r:expr) => {
        fn $f(vm: &Vm, args: Args) -> PyResult {
            pair_call(vm, args, $name, $r)
        }
    };
}
pair_fn!(pair_read, "read", true);
pair_fn!(pair_peek, "peek", true);
pair_fn!(pair_read1, "read1", true);
pair_fn!(pair_readinto, "readinto", true);
pair_fn!(pair_readinto1, "readinto1", true);
pair_fn!(pair_readable, "readable", true);
pair_fn!(pair_write, "write", false);
pair_fn!(pair_flush, "flush", false);
pair_fn!(pair_writable, "writable", false);

fn pair_close(vm: &Vm, args: Args) -> PyResult {
    let p = pair(vm, self_arg(vm, &args)?)?;
    let w = vm.call_method(&p.writer, "close", &[]);
    let r = vm.call_method(&p.reader, "close", &[]);
    w?;
    r
}

fn pair_isatty(vm: &Vm, args: Args) -> PyResult {
    let p = pair(vm, self_arg(vm, &args)?)?;
    let w = vm.call_method(&p.writer, "isatty", &[])?;
    if vm.is_true(&w)? {
        return Ok(w);
    }
    vm.call_method(&p.reader, "isatty", &[])
}

fn pair_closed(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let p = pair(vm, o)?;
    vm.get_attr_str(&p.writer, "closed")
}

pub fn init_types(vm: &Vm) {
    let r = buffered_reader_type(vm);
    if r.ext.dict.get_by_str("peek").is_some() {
        return;
    }
    let common: [(&'static str, crate::args::NativeFn); 21] = [
        ("read", read),
        ("read1", read1),
        ("peek", peek),
        ("readinto", readinto),
        ("readinto1", readinto1),
        ("readline", readline),
        ("__next__", next),
        ("write", write),
        ("flush", flush),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("close", close),
        ("detach", detach),
        ("seekable", seekable),
        ("readable", readable),
        ("writable", writable),
        ("fileno", fileno),
        ("isatty", isatty),
        ("__repr__", repr),
        ("__getstate__", getstate),
    ];
    let types = [
        (r, reader_init as crate::args::NativeFn, true, false),
        (buffered_writer_type(vm), writer_init, false, true),
        (buffered_random_type(vm), random_init, true, true),
    ];
    for (t, init, rd, wr) in types {
        vm.add_method(&t, "__init__", init);
        for (n, f) in common {
            // Each class has only its own direction's methods, as in CPython.
            let read_only = matches!(
                n,
                "read" | "read1" | "peek" | "readinto" | "readinto1" | "readline" | "__next__"
            );
            if (read_only && !rd)
                || (n == "write" && !wr)
                || (n == "readable" && !rd)
                || (n == "writable" && !wr)
            {
                continue;
            }
            vm.add_method(&t, n, f);
        }
        vm.add_method(&t, "_dealloc_warn", dealloc_warn);
        vm.add_getset(&t, "raw", raw_get, None);
        vm.add_getset(&t, "closed", closed_get, None);
        vm.add_getset(&t, "name", name_get, None);
        vm.add_getset(&t, "mode", mode_get, None);
        vm.add_getset(&t, "_finalizing", false_get, None);
    }
    let p = buffered_rwpair_type(vm);
    let pm: [(&'static str, crate::args::NativeFn); 11] = [
        ("__init__", pair_init),
        ("read", pair_read),
        ("peek", pair_peek),
        ("read1", pair_read1),
        ("readinto", pair_readinto),
        ("readinto1", pair_readinto1),
        ("readable", pair_readable),
        ("write", pair_write),
        ("flush", pair_flush),
        ("writable", pair_writable),
        ("close", pair_close),
    ];
    for (n, f) in pm {
        vm.add_method(&p, n, f);
    }
    vm.add_method(&p, "isatty", pair_isatty);
    vm.add_getset(&p, "closed", pair_closed, None);
}

impl BufState {
    /// `read1(n)` for text streams over a plain buffered object.
    pub fn read1_native(&self, vm: &Vm, n: usize) -> PyResult<Vec<u8>> {
        if self.remaining() > 0 {
            return Ok(self.take(n));
        }
        if self.writable {
            self.flush_writes(vm)?;
        }
        match self.raw_read(vm, n.max(self.size))? {
            Some(c) => {
                *self.rbuf.borrow_mut() = c;
                self.rpos.set(0);
                Ok(self.take(n))
            }
            None => Ok(Vec::new()),
        }
    }

    pub fn is_readable(&self) -> bool {
        self.readable
    }

    pub fn is_writable(&self) -> bool {
        self.writable
    }
}
