//! `BytesIO`: a binary stream over an in-memory buffer, as CPython 3.11's
//! `Modules/_io/bytesio.c`.

use super::*;

pub struct BytesState {
    /// The contents, a `bytearray` so `getbuffer()` can export it.
    pub obj: PyObjectRef,
    pub pos: Cell<usize>,
    pub closed: Cell<bool>,
}

impl BytesState {
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.obj);
    }

    fn ba(&self) -> &PyByteArray {
        self.obj
            .downcast_ref::<PyByteArray>()
            .expect("BytesIO holds a bytearray")
    }

    fn buf(&self) -> &RefCell<Vec<u8>> {
        &self.ba().data
    }

    /// BufferError while a `getbuffer()` view is alive.
    fn check_exports(&self, vm: &Vm) -> PyResult<()> {
        if self.ba().exports.get() > 0 {
            return Err(vm.new_exception_msg(
                &vm.exc.BufferError,
                "Existing exports of data: object cannot be re-sized",
            ));
        }
        Ok(())
    }
}

fn state(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<BytesState>> {
    match io_of(vm, o, "BytesIO")?.kind() {
        Kind::Bytes(b) => Ok(b),
        _ => Err(vm.new_value_error("I/O operation on uninitialized object")),
    }
}

/// The state of an open BytesIO.
fn open(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<BytesState>> {
    let b = state(vm, o)?;
    if b.closed.get() {
        return Err(closed_error(vm));
    }
    Ok(b)
}

fn new(vm: &Vm, args: Args) -> PyResult {
    let cls = self_arg(vm, &args)?;
    let st = BytesState {
        obj: crate::types::bytes_methods::new_bytearray(vm, Vec::new()),
        pos: Cell::new(0),
        closed: Cell::new(false),
    };
    Ok(vm
        .try_alloc(PyIo::new(Kind::Bytes(Rc::new(st))), cls)?
        .into_object())
}

fn init(vm: &Vm, args: Args) -> PyResult {
    let [s, initial] = args.bind(vm, "BytesIO", ["self", "initial_bytes"], 1, 1, 2)?;
    let b = open(vm, s.expect("self"))?;
    let data = match initial {
        Some(i) if !i.is(&vm.none) => bytes_arg(vm, i)?,
        _ => Vec::new(),
    };
    b.check_exports(vm)?;
    *b.buf().borrow_mut() = data;
    b.pos.set(0);
    Ok(vm.none.clone())
}

/// Take up to `n` bytes (all when None) from the current position.
fn take(b: &BytesState, n: Option<usize>) -> Vec<u8> {
    let buf = b.buf().borrow();
    let pos = b.pos.get().min(buf.len());
    let end = match n {
        Some(n) => pos.saturating_add(n).min(buf.len()),
        None => buf.len(),
    };
    b.pos.set(b.pos.get().max(end));
    if end <= pos {
        return Vec::new();
    }
    buf[pos..end].to_vec()
}

fn read(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "read", 1)?;
    let b = open(vm, s.expect("self"))?;
    let n = size_arg(vm, n)?;
    Ok(new_bytes(vm, take(&b, n)))
}

fn read1(vm: &Vm, args: Args) -> PyResult {
    read(vm, args)
}

fn line(b: &BytesState, limit: Option<usize>) -> Vec<u8> {
    let n = {
        let buf = b.buf().borrow();
        let pos = b.pos.get().min(buf.len());
        let rest = &buf[pos..];
        let mut n = match rest.iter().position(|&c| c == b'\n') {
            Some(i) => i + 1,
            None => rest.len(),
        };
        if let Some(l) = limit {
            n = n.min(l);
        }
        n
    };
    take(b, Some(n))
}

fn readline(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "readline", 1)?;
    let b = open(vm, s.expect("self"))?;
    let n = size_arg(vm, n)?;
    Ok(new_bytes(vm, line(&b, n)))
}

fn readlines(vm: &Vm, args: Args) -> PyResult {
    let [s, hint] = args.range::<2>(vm, "readlines", 1)?;
    let b = open(vm, s.expect("self"))?;
    let hint = match size_arg(vm, hint)? {
        Some(0) | None => None,
        h => h,
    };
    let mut out = Vec::new();
    let mut total = 0;
    loop {
        let l = line(&b, None);
        if l.is_empty() {
            break;
        }
        total += l.len();
        out.push(new_bytes(vm, l));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(out))
}

fn readinto(vm: &Vm, args: Args) -> PyResult {
    let [s, buf] = args.exact::<2>(vm, "readinto")?;
    let b = open(vm, s)?;
    let n = writable_len(vm, buf, "readinto")?;
    let data = take(&b, Some(n));
    fill_buffer(vm, buf, &data)?;
    Ok(vm.new_int(data.len() as i64))
}

fn write(vm: &Vm, args: Args) -> PyResult {
    let [s, data] = args.exact::<2>(vm, "write")?;
    let b = open(vm, s)?;
    b.check_exports(vm)?;
    let data = bytes_arg(vm, data)?;
    let n = data.len();
    if n == 0 {
        return Ok(vm.new_int(0));
    }
    let mut buf = b.buf().borrow_mut();
    let pos = b.pos.get();
    if pos > buf.len() {
        if pos > (1 << 40) {
            return Err(vm.new_memory_error());
        }
        buf.resize(pos, 0);
    }
    let end = (pos + n).min(buf.len());
    buf.splice(pos..end, data);
    b.pos.set(pos + n);
    Ok(vm.new_int(n as i64))
}

fn seek(vm: &Vm, args: Args) -> PyResult {
    let [s, pos, whence] = args.range::<3>(vm, "seek", 2)?;
    let b = open(vm, s.expect("self"))?;
    let pos = index_arg(vm, pos.expect("required"))?;
    let whence = match whence {
        Some(w) => vm.index_isize(w)?,
        None => 0,
    };
    let len = b.buf().borrow().len() as isize;
    let new = match whence {
        0 => {
            if pos < 0 {
                return Err(vm.new_value_error(format!("negative seek value {pos}")));
            }
            pos
        }
        1 => (b.pos.get() as isize).saturating_add(pos).max(0),
        2 => len.saturating_add(pos).max(0),
        w => return Err(vm.new_value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
    };
    b.pos.set(new as usize);
    Ok(vm.new_int(new as i64))
}

fn tell(vm: &Vm, args: Args) -> PyResult {
    let b = open(vm, self_arg(vm, &args)?)?;
    Ok(vm.new_int(b.pos.get() as i64))
}

fn truncate(vm: &Vm, args: Args) -> PyResult {
    let [s, size] = args.range::<2>(vm, "truncate", 1)?;
    let b = open(vm, s.expect("self"))?;
    let size = match size {
        Some(x) if !x.is(&vm.none) => {
            let n = index_arg(vm, x)?;
            if n < 0 {
                return Err(vm.new_value_error(format!("negative size value {n}")));
            }
            n as usize
        }
        _ => b.pos.get(),
    };
    b.check_exports(vm)?;
    b.buf().borrow_mut().truncate(size);
    Ok(vm.new_int(size as i64))
}

fn getvalue(vm: &Vm, args: Args) -> PyResult {
    let b = open(vm, self_arg(vm, &args)?)?;
    let v = b.buf().borrow().clone();
    Ok(new_bytes(vm, v))
}

fn getbuffer(vm: &Vm, args: Args) -> PyResult {
    // A view of the stream's own bytearray: writes through it change the
    // stream, and it blocks resizing while alive.
    let b = open(vm, self_arg(vm, &args)?)?;
    vm.call(vm.types.memoryview.as_object(), &[b.obj.clone()])
}

fn yes(vm: &Vm, args: Args) -> PyResult {
    open(vm, self_arg(vm, &args)?)?;
    Ok(vm.true_.clone())
}

fn no(vm: &Vm, args: Args) -> PyResult {
    open(vm, self_arg(vm, &args)?)?;
    Ok(vm.false_.clone())
}

fn flush(vm: &Vm, args: Args) -> PyResult {
    open(vm, self_arg(vm, &args)?)?;
    Ok(vm.none.clone())
}

fn close(vm: &Vm, args: Args) -> PyResult {
    let b = state(vm, self_arg(vm, &args)?)?;
    b.check_exports(vm)?;
    b.closed.set(true);
    b.buf().borrow_mut().clear();
    Ok(vm.none.clone())
}

fn closed_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(state(vm, o)?.closed.get()))
}

fn next(vm: &Vm, args: Args) -> PyResult {
    let b = open(vm, self_arg(vm, &args)?)?;
    let l = line(&b, None);
    if l.is_empty() {
        return Err(vm.new_stop_iteration(None));
    }
    Ok(new_bytes(vm, l))
}

fn getstate(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let b = open(vm, s)?;
    let v = new_bytes(vm, b.buf().borrow().clone());
    let d = vm
        .get_attr_opt(s, &vm.intern("__dict__"))?
        .unwrap_or_else(|| vm.none.clone());
    Ok(vm.new_tuple(vec![v, vm.new_int(b.pos.get() as i64), d]))
}

fn setstate(vm: &Vm, args: Args) -> PyResult {
    let [s, st] = args.exact::<2>(vm, "__setstate__")?;
    let b = open(vm, s)?;
    let items = vm.to_vec(st)?;
    if items.len() < 3 {
        return Err(vm.new_type_error(format!(
            "{}.__setstate__ argument should be 3-tuple, got {}",
            tp_name(vm, s),
            vm.type_name(st)
        )));
    }
    b.check_exports(vm)?;
    *b.buf().borrow_mut() = bytes_arg(vm, &items[0])?;
    let pos = vm.index_isize(&items[1])?;
    if pos < 0 {
        return Err(vm.new_value_error("position value cannot be negative"));
    }
    b.pos.set(pos as usize);
    if !items[2].is(&vm.none) {
        let d = vm.get_attr_str(s, "__dict__")?;
        vm.call_method(&d, "update", &[items[2].clone()])?;
    }
    Ok(vm.none.clone())
}

pub fn init_type(vm: &Vm) {
    let t = bytesio_type(vm);
    if t.ext.dict.get_by_str("getvalue").is_some() {
        return;
    }
    vm.add_staticmethod(&t, "__new__", new);
    let methods: [(&'static str, crate::args::NativeFn); 23] = [
        ("__init__", init),
        ("read", read),
        ("read1", read1),
        ("readline", readline),
        ("readlines", readlines),
        ("readinto", readinto),
        ("write", write),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("getvalue", getvalue),
        ("getbuffer", getbuffer),
        ("readable", yes),
        ("writable", yes),
        ("seekable", yes),
        ("isatty", no),
        ("flush", flush),
        ("close", close),
        ("__next__", next),
        ("__getstate__", getstate),
        ("__setstate__", setstate),
        ("readinto1", readinto),
        ("fileno", crate::modules::_io::bytesio::fileno),
    ];
    for (n, f) in methods {
        vm.add_method(&t, n, f);
    }
    vm.add_getset(&t, "closed", closed_get, None);
}

fn fileno(vm: &Vm, _args: Args) -> PyResult {
    Err(unsupported(vm, "fileno"))
}
