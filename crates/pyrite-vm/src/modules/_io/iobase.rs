//! `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase`: the
//! default methods every stream inherits, written in terms of the
//! stream's own (possibly overridden) methods, as CPython 3.11's
//! `Modules/_io/iobase.c`, `bufferedio.c` and `textio.c` define them.

use super::*;

fn io_new(vm: &Vm, args: Args) -> PyResult {
    let cls = self_arg(vm, &args)?;
    Ok(vm.try_alloc(PyIo::new(Kind::None), cls)?.into_object())
}

/// `bool(self.closed)` through attribute lookup, so overrides count.
pub fn is_closed(vm: &Vm, o: &PyObjectRef) -> PyResult<bool> {
    attr_true(vm, o, "closed")
}

/// Raise ValueError if `self.closed`.
pub fn check_closed(vm: &Vm, o: &PyObjectRef) -> PyResult<()> {
    if is_closed(vm, o)? {
        return Err(closed_error(vm));
    }
    Ok(())
}

fn check_flag(vm: &Vm, o: &PyObjectRef, meth: &str, what: &str) -> PyResult<()> {
    let r = vm.call_method(o, meth, &[])?;
    if !r.is(&vm.true_) {
        return Err(unsupported(vm, &format!("File or stream is not {what}.")));
    }
    Ok(())
}

pub fn check_readable(vm: &Vm, o: &PyObjectRef) -> PyResult<()> {
    check_flag(vm, o, "readable", "readable")
}
pub fn check_writable(vm: &Vm, o: &PyObjectRef) -> PyResult<()> {
    check_flag(vm, o, "writable", "writable")
}
pub fn check_seekable(vm: &Vm, o: &PyObjectRef) -> PyResult<()> {
    check_flag(vm, o, "seekable", "seekable")
}

macro_rules! unsupported_fn {
    ($name:ident, $msg:literal) => {
        fn $name(vm: &Vm, _args: Args) -> PyResult {
            Err(unsupported(vm, $msg))
        }
    };
}
unsupported_fn!(unsup_seek, "seek");
unsupported_fn!(unsup_truncate, "truncate");
unsupported_fn!(unsup_fileno, "fileno");
unsupported_fn!(unsup_read, "read");
unsupported_fn!(unsup_read1, "read1");
unsupported_fn!(unsup_write, "write");
unsupported_fn!(unsup_detach, "detach");
unsupported_fn!(unsup_readline, "readline");

fn not_implemented(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_exception(&vm.exc.NotImplementedError, vec![]))
}

fn tell(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    vm.call_method(s, "seek", &[vm.new_int(0), vm.new_int(1)])
}

/// `_IOBase`'s own closed flag (not the `closed` attribute, which
/// subclasses override): what `flush` and `close` test, as in CPython.
fn base_is_closed(o: &PyObjectRef) -> bool {
    o.downcast_ref::<PyIo>()
        .is_some_and(|io| io.base_closed.get())
}

fn flush(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    if base_is_closed(s) {
        return Err(closed_error(vm));
    }
    Ok(vm.none.clone())
}

fn base_closed_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(
        o.downcast_ref::<PyIo>()
            .is_some_and(|io| io.base_closed.get()),
    ))
}

/// `_IOBase.close`: flush, then mark closed even if flushing failed.
fn close(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    if base_is_closed(s) {
        return Ok(vm.none.clone());
    }
    let r = vm.call_method(s, "flush", &[]);
    if let Some(io) = s.downcast_ref::<PyIo>() {
        io.base_closed.set(true);
    }
    r?;
    Ok(vm.none.clone())
}

fn no(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.false_.clone())
}

fn check_closed_m(vm: &Vm, args: Args) -> PyResult {
    check_closed(vm, self_arg(vm, &args)?)?;
    Ok(vm.none.clone())
}
fn check_readable_m(vm: &Vm, args: Args) -> PyResult {
    check_readable(vm, self_arg(vm, &args)?)?;
    Ok(vm.true_.clone())
}
fn check_writable_m(vm: &Vm, args: Args) -> PyResult {
    check_writable(vm, self_arg(vm, &args)?)?;
    Ok(vm.true_.clone())
}
fn check_seekable_m(vm: &Vm, args: Args) -> PyResult {
    check_seekable(vm, self_arg(vm, &args)?)?;
    Ok(vm.true_.clone())
}

fn isatty(vm: &Vm, args: Args) -> PyResult {
    check_closed(vm, self_arg(vm, &args)?)?;
    Ok(vm.false_.clone())
}

fn enter(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    check_closed(vm, s)?;
    Ok(s.clone())
}

fn exit(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    vm.call_method(s, "close", &[])
}

fn iter(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    check_closed(vm, s)?;
    Ok(s.clone())
}

/// Whether a readline result is empty (bytes or str).
fn is_empty_line(vm: &Vm, l: &PyObjectRef) -> PyResult<bool> {
    if let Some(b) = as_bytes(l) {
        return Ok(b.is_empty());
    }
    if let Some(s) = l.downcast_ref::<crate::types::str::PyStr>() {
        return Ok(s.as_str().is_empty());
    }
    Ok(vm.len(l)? == 0)
}

fn next(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let line = vm.call_method(s, "readline", &[])?;
    if is_empty_line(vm, &line)? {
        return Err(vm.new_stop_iteration(None));
    }
    Ok(line)
}

/// `_IOBase.readline(size=-1)`: byte at a time through `read`, or a
/// chunk at a time when the stream has `peek`.
fn readline(vm: &Vm, args: Args) -> PyResult {
    let [s, limit] = args.range::<2>(vm, "readline", 1)?;
    let s = s.expect("self");
    let limit = size_arg(vm, limit)?;
    let peek = vm.get_attr_opt(s, &vm.intern("peek"))?;
    let mut out: Vec<u8> = Vec::new();
    while limit.map_or(true, |l| out.len() < l) {
        let mut nreadahead = 1;
        if let Some(p) = &peek {
            let ahead = vm.call(p, &[vm.new_int(1)])?;
            let Some(ab) = as_bytes(&ahead) else {
                return Err(vm.new_exception_msg(
                    &vm.exc.OSError,
                    format!(
                        "peek() should have returned a bytes object, not '{}'",
                        vm.type_name(&ahead)
                    ),
                ));
            };
            if !ab.is_empty() {
                let mut n = match ab.iter().position(|&c| c == b'\n') {
                    Some(i) => i + 1,
                    None => ab.len(),
                };
                if let Some(l) = limit {
                    n = n.min(l - out.len());
                }
                nreadahead = n;
            }
        }
        let b = vm.call_method(s, "read", &[vm.new_int(nreadahead as i64)])?;
        if b.is(&vm.none) {
            break;
        }
        let Some(bb) = as_bytes(&b) else {
            return Err(vm.new_exception_msg(
                &vm.exc.OSError,
                format!(
                    "read() should have returned a bytes object, not '{}'",
                    vm.type_name(&b)
                ),
            ));
        };
        if bb.is_empty() {
            break;
        }
        out.extend_from_slice(bb);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(new_bytes(vm, out))
}

/// `readlines(hint=-1)`: lines until their total length reaches `hint`.
pub fn readlines(vm: &Vm, args: Args) -> PyResult {
    let [s, hint] = args.range::<2>(vm, "readlines", 1)?;
    let s = s.expect("self");
    let hint = match hint {
        None => None,
        Some(h) if h.is(&vm.none) => None,
        Some(h) => {
            let n = index_arg(vm, h)?;
            (n > 0).then_some(n as usize)
        }
    };
    let it = vm.iter(s)?;
    let mut out = Vec::new();
    let mut total = 0usize;
    while let Some(line) = vm.next(&it)? {
        if hint.is_some() {
            total += vm.len(&line)?;
        }
        out.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(out))
}

fn writelines(vm: &Vm, args: Args) -> PyResult {
    let [s, lines] = args.exact::<2>(vm, "writelines")?;
    check_closed(vm, s)?;
    let it = vm.iter(lines)?;
    while let Some(l) = vm.next(&it)? {
        vm.call_method(s, "write", &[l])?;
    }
    Ok(vm.none.clone())
}

/// `__del__`: close the stream; errors are ignored as in a release build
/// of CPython.
fn del(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    match is_closed(vm, s) {
        Ok(false) => {
            let _ = vm.call_method(s, "close", &[]);
        }
        _ => {}
    }
    Ok(vm.none.clone())
}

// ----- _RawIOBase -------------------------------------------------------------

fn raw_read(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "read", 1)?;
    let s = s.expect("self");
    let Some(n) = size_arg(vm, n)? else {
        return vm.call_method(s, "readall", &[]);
    };
    let b = crate::types::bytes_methods::new_bytearray(vm, vec![0; n]);
    let r = vm.call_method(s, "readinto", &[b.clone()])?;
    if r.is(&vm.none) {
        return Ok(r);
    }
    let got = vm.index_isize(&r)?;
    if got < 0 || got as usize > n {
        return Err(vm.new_value_error(format!("readinto returned {got} outside buffer size {n}")));
    }
    let data = b
        .downcast_ref::<PyByteArray>()
        .map(|ba| ba.data.borrow()[..got as usize].to_vec())
        .unwrap_or_default();
    Ok(new_bytes(vm, data))
}

fn raw_readall(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let mut out: Vec<u8> = Vec::new();
    loop {
        let chunk = vm.call_method(s, "read", &[vm.new_int(DEFAULT_BUFFER_SIZE as i64)])?;
        if chunk.is(&vm.none) {
            if out.is_empty() {
                return Ok(chunk);
            }
            break;
        }
        let Some(c) = as_bytes(&chunk) else {
            return Err(vm.new_type_error("read() should return bytes"));
        };
        if c.is_empty() {
            break;
        }
        out.extend_from_slice(c);
    }
    Ok(new_bytes(vm, out))
}

// ----- _BufferedIOBase --------------------------------------------------------

fn readinto_generic(vm: &Vm, args: Args, meth: &str) -> PyResult {
    let [s, b] = args.exact::<2>(vm, meth)?;
    let n = writable_len(vm, b, meth)?;
    let read = if meth == "readinto1" { "read1" } else { "read" };
    let data = vm.call_method(s, read, &[vm.new_int(n as i64)])?;
    let Some(d) = as_bytes(&data) else {
        return Err(vm.new_type_error("read() should return bytes"));
    };
    if d.len() > n {
        return Err(vm.new_value_error(format!(
            "read() returned too much data: {n} bytes requested, {} returned",
            d.len()
        )));
    }
    let len = d.len();
    fill_buffer(vm, b, d)?;
    Ok(vm.new_int(len as i64))
}

fn buf_readinto(vm: &Vm, args: Args) -> PyResult {
    readinto_generic(vm, args, "readinto")
}
fn buf_readinto1(vm: &Vm, args: Args) -> PyResult {
    readinto_generic(vm, args, "readinto1")
}

fn none_getter(vm: &Vm, _o: &PyObjectRef) -> PyResult {
    Ok(vm.none.clone())
}

pub fn init_types(vm: &Vm) {
    let b = iobase_type(vm);
    if b.ext.dict.get_by_str("readline").is_some() {
        return;
    }
    vm.add_staticmethod(&b, "__new__", io_new);
    let methods: [(&'static str, crate::args::NativeFn); 23] = [
        ("seek", unsup_seek),
        ("tell", tell),
        ("truncate", unsup_truncate),
        ("flush", flush),
        ("close", close),
        ("seekable", no),
        ("readable", no),
        ("writable", no),
        ("_checkClosed", check_closed_m),
        ("_checkSeekable", check_seekable_m),
        ("_checkReadable", check_readable_m),
        ("_checkWritable", check_writable_m),
        ("fileno", unsup_fileno),
        ("isatty", isatty),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__iter__", iter),
        ("__next__", next),
        ("readline", readline),
        ("readlines", readlines),
        ("writelines", writelines),
        ("__del__", del),
        ("_dealloc_warn", no),
    ];
    for (n, f) in methods {
        vm.add_method(&b, n, f);
    }
    vm.add_getset(&b, "closed", base_closed_get, None);

    let r = rawiobase_type(vm);
    vm.add_method(&r, "read", raw_read);
    vm.add_method(&r, "readall", raw_readall);
    vm.add_method(&r, "readinto", not_implemented);
    vm.add_method(&r, "write", not_implemented);

    let bb = bufferediobase_type(vm);
    vm.add_method(&bb, "read", unsup_read);
    vm.add_method(&bb, "read1", unsup_read1);
    vm.add_method(&bb, "write", unsup_write);
    vm.add_method(&bb, "detach", unsup_detach);
    vm.add_method(&bb, "readinto", buf_readinto);
    vm.add_method(&bb, "readinto1", buf_readinto1);

    let t = textiobase_type(vm);
    vm.add_method(&t, "read", unsup_read);
    vm.add_method(&t, "readline", unsup_readline);
    vm.add_method(&t, "write", unsup_write);
    vm.add_method(&t, "detach", unsup_detach);
    vm.add_getset(&t, "encoding", none_getter, None);
    vm.add_getset(&t, "errors", none_getter, None);
    vm.add_getset(&t, "newlines", none_getter, None);
}
