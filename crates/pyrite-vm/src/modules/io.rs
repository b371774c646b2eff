//! `io` (Pyrite's native subset until a full `_io` exists): `StringIO`, and
//! `open()` for text files, read into memory on open and written back on
//! `flush`/`close`. `BytesIO`, buffered binary streams and raw file
//! descriptors are not implemented yet (see COMPATIBILITY.md).
//! Mirrors the behaviour of CPython 3.11 `Modules/_io/stringio.c` and
//! `textio.c` for the supported operations.

use std::cell::{Cell, RefCell};

use crate::args::Args;
use crate::types::str::PyStr;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// A text stream held in memory (StringIO) or backed by a file.
pub struct PyTextIO {
    pub buf: RefCell<Vec<char>>,
    pub pos: Cell<usize>,
    pub closed: Cell<bool>,
    /// For files: the path, and whether to write the buffer back.
    pub path: Option<String>,
    pub write_back: bool,
    pub readable: bool,
    pub writable: bool,
    pub dirty: Cell<bool>,
    pub mode: &'static str,
}

impl Payload for PyTextIO {}

fn tio<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyTextIO> {
    let t = o
        .downcast_ref::<PyTextIO>()
        .ok_or_else(|| vm.new_type_error("expected a text stream"))?;
    if t.closed.get() {
        return Err(vm.new_value_error("I/O operation on closed file."));
    }
    Ok(t)
}

fn unsupported(vm: &Vm, what: &str) -> crate::PyBaseExceptionRef {
    let cls = vm.modules.get_by_str("io").and_then(|m| {
        vm.module_dict(&m)
            .and_then(|d| d.get_by_str("UnsupportedOperation"))
    });
    match cls
        .and_then(|c| vm.call(&c, &[vm.new_str(what)]).ok())
        .and_then(|e| e.downcast().ok())
    {
        Some(e) => e,
        None => vm.new_os_error(what),
    }
}

fn sio_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let obj = PyTextIO {
        buf: RefCell::new(Vec::new()),
        pos: Cell::new(0),
        closed: Cell::new(false),
        path: None,
        write_back: false,
        readable: true,
        writable: true,
        dirty: Cell::new(false),
        mode: "",
    };
    Ok(vm.try_alloc(obj, cls)?.into_object())
}

fn sio_init(vm: &Vm, args: Args) -> PyResult {
    let [s, initial, _newline] = args.bind(
        vm,
        "StringIO",
        ["self", "initial_value", "newline"],
        1,
        1,
        3,
    )?;
    let t = tio(vm, s.expect("self"))?;
    if let Some(i) = initial.filter(|i| !i.is(&vm.none)) {
        let text = i.downcast_ref::<PyStr>().ok_or_else(|| {
            vm.new_type_error(format!(
                "initial_value must be str or None, not {}",
                vm.type_name(i)
            ))
        })?;
        *t.buf.borrow_mut() = text.as_str().chars().collect();
    }
    t.pos.set(0);
    Ok(vm.none.clone())
}

fn write(vm: &Vm, args: Args) -> PyResult {
    let [s, text] = args.exact::<2>(vm, "write")?;
    let t = tio(vm, s)?;
    if !t.writable {
        return Err(unsupported(vm, "not writable"));
    }
    let text = text.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "string argument expected, got '{}'",
            vm.type_name(text)
        ))
    })?;
    let chars: Vec<char> = text.as_str().chars().collect();
    let n = chars.len();
    let mut buf = t.buf.borrow_mut();
    let pos = if t.mode.starts_with('a') {
        buf.len()
    } else {
        t.pos.get()
    };
    if pos > buf.len() {
        buf.resize(pos, '\0');
    }
    let end = (pos + n).min(buf.len());
    buf.splice(pos..end, chars);
    t.pos.set(pos + n);
    t.dirty.set(true);
    Ok(vm.new_int(n as i64))
}

fn getvalue(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "getvalue")?;
    let t = tio(vm, s)?;
    let v: String = t.buf.borrow().iter().collect();
    Ok(vm.new_str(v))
}

fn size_arg(vm: &Vm, a: Option<&PyObjectRef>) -> PyResult<Option<usize>> {
    match a {
        None => Ok(None),
        Some(a) if a.is(&vm.none) => Ok(None),
        Some(a) => {
            let n = vm.index_isize(a)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn check_readable(vm: &Vm, t: &PyTextIO) -> PyResult<()> {
    if !t.readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn read(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "read", 1)?;
    let t = tio(vm, s.expect("min"))?;
    check_readable(vm, t)?;
    let buf = t.buf.borrow();
    let pos = t.pos.get().min(buf.len());
    let end = match size_arg(vm, n)? {
        Some(n) => (pos + n).min(buf.len()),
        None => buf.len(),
    };
    let out: String = buf[pos..end].iter().collect();
    t.pos.set(end);
    Ok(vm.new_str(out))
}

fn next_line(t: &PyTextIO, limit: Option<usize>) -> String {
    let buf = t.buf.borrow();
    let pos = t.pos.get().min(buf.len());
    let mut end = pos;
    while end < buf.len() {
        if limit.is_some_and(|l| end - pos >= l) {
            break;
        }
        end += 1;
        if buf[end - 1] == '\n' {
            break;
        }
    }
    t.pos.set(end);
    buf[pos..end].iter().collect()
}

fn readline(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "readline", 1)?;
    let t = tio(vm, s.expect("min"))?;
    check_readable(vm, t)?;
    let limit = size_arg(vm, n)?;
    Ok(vm.new_str(next_line(t, limit)))
}

fn readlines(vm: &Vm, args: Args) -> PyResult {
    let [s, _hint] = args.range::<2>(vm, "readlines", 1)?;
    let t = tio(vm, s.expect("min"))?;
    check_readable(vm, t)?;
    let mut out = Vec::new();
    loop {
        let l = next_line(t, None);
        if l.is_empty() {
            break;
        }
        out.push(vm.new_str(l));
    }
    Ok(vm.new_list(out))
}

fn iternext(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "__next__")?;
    let t = tio(vm, s)?;
    check_readable(vm, t)?;
    let l = next_line(t, None);
    if l.is_empty() {
        return Err(vm.new_stop_iteration(None));
    }
    Ok(vm.new_str(l))
}

fn iter_self(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "__iter__")?;
    tio(vm, s)?;
    Ok(s.clone())
}

fn seek(vm: &Vm, args: Args) -> PyResult {
    let [s, off, whence] = args.range::<3>(vm, "seek", 2)?;
    let t = tio(vm, s.expect("min"))?;
    let off = vm.index_isize(off.expect("min"))?;
    let whence = match whence {
        Some(w) => vm.index_isize(w)?,
        None => 0,
    };
    let len = t.buf.borrow().len() as isize;
    let newpos = match whence {
        0 => {
            if off < 0 {
                return Err(vm.new_value_error(format!("Negative seek position {off}")));
            }
            off
        }
        1 => {
            if off != 0 {
                return Err(vm.new_os_error("Can't do nonzero cur-relative seeks"));
            }
            t.pos.get() as isize
        }
        2 => {
            if off != 0 {
                return Err(vm.new_os_error("Can't do nonzero end-relative seeks"));
            }
            len
        }
        w => return Err(vm.new_value_error(format!("Invalid whence ({w}, should be 0, 1 or 2)"))),
    };
    t.pos.set(newpos as usize);
    Ok(vm.new_int(newpos as i64))
}

fn tell(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "tell")?;
    Ok(vm.new_int(tio(vm, s)?.pos.get() as i64))
}

fn truncate(vm: &Vm, args: Args) -> PyResult {
    let [s, size] = args.range::<2>(vm, "truncate", 1)?;
    let t = tio(vm, s.expect("min"))?;
    let n = match size_arg(vm, size)? {
        Some(n) => n,
        None => t.pos.get(),
    };
    t.buf.borrow_mut().truncate(n);
    t.dirty.set(true);
    Ok(vm.new_int(n as i64))
}

fn write_back(vm: &Vm, t: &PyTextIO) -> PyResult<()> {
    if t.write_back && t.dirty.get() {
        if let Some(p) = &t.path {
            let text: String = t.buf.borrow().iter().collect();
            std::fs::write(p, text)
                .map_err(|e| crate::modules::posix::os_error(vm, &e, Some(p)))?;
        }
        t.dirty.set(false);
    }
    Ok(())
}

fn flush(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "flush")?;
    let t = tio(vm, s)?;
    write_back(vm, t)?;
    Ok(vm.none.clone())
}

fn close(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "close")?;
    if let Some(t) = s.downcast_ref::<PyTextIO>() {
        if !t.closed.get() {
            write_back(vm, t)?;
            t.closed.set(true);
        }
    }
    Ok(vm.none.clone())
}

fn closed(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(o.downcast_ref::<PyTextIO>().is_some_and(|t| t.closed.get())))
}

fn enter(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "__enter__")?;
    tio(vm, s)?;
    Ok(s.clone())
}

fn exit(vm: &Vm, args: Args) -> PyResult {
    let s = &args.pos()[0];
    close(vm, Args::positional(std::slice::from_ref(s)))?;
    Ok(vm.none.clone())
}

fn writelines(vm: &Vm, args: Args) -> PyResult {
    let [s, lines] = args.exact::<2>(vm, "writelines")?;
    for l in vm.to_vec(lines)? {
        write(vm, Args::positional(&[s.clone(), l]))?;
    }
    Ok(vm.none.clone())
}

fn yes(vm: &Vm, args: Args) -> PyResult {
    tio(vm, &args.pos()[0])?;
    Ok(vm.true_.clone())
}

fn no(vm: &Vm, args: Args) -> PyResult {
    tio(vm, &args.pos()[0])?;
    Ok(vm.false_.clone())
}

fn readable(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(tio(vm, &args.pos()[0])?.readable))
}

fn writable(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(tio(vm, &args.pos()[0])?.writable))
}

fn file_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let t = o
        .downcast_ref::<PyTextIO>()
        .ok_or_else(|| vm.new_type_error("expected a file"))?;
    Ok(t.path
        .as_ref()
        .map(|p| vm.new_str(p.as_str()))
        .unwrap_or_else(|| vm.none.clone()))
}

fn file_mode(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let t = o
        .downcast_ref::<PyTextIO>()
        .ok_or_else(|| vm.new_type_error("expected a file"))?;
    Ok(vm.new_str(t.mode))
}

fn file_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let t = o
        .downcast_ref::<PyTextIO>()
        .ok_or_else(|| vm.new_type_error("expected a file"))?;
    Ok(vm.new_str(match &t.path {
        Some(p) => format!(
            "<_io.TextIOWrapper name={} mode='{}' encoding='UTF-8'>",
            crate::types::basic_methods::str_repr(p),
            t.mode
        ),
        None => format!("<_io.StringIO object at {:#x}>", o.id()),
    }))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)`
/// for text modes.
fn io_open(vm: &Vm, args: Args) -> PyResult {
    let [file, mode, _buffering, _encoding, _errors, _newline, _closefd, _opener] = args.bind(
        vm,
        "open",
        [
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
        0,
        8,
    )?;
    let path = {
        let f = file.expect("required");
        match f.downcast_ref::<PyStr>() {
            Some(s) => s.as_str().to_string(),
            None => vm.str_string(&vm.call_method(f, "__fspath__", &[])?)?,
        }
    };
    let mode_s = match mode {
        Some(m) => vm.str_string(m)?,
        None => "r".into(),
    };
    if mode_s.contains('b') {
        return Err(
            vm.new_not_implemented_error("binary files are not supported by Pyrite's io yet")
        );
    }
    let kind = mode_s.chars().find(|c| "rwax".contains(*c)).unwrap_or('r');
    let plus = mode_s.contains('+');
    let (mode_static, initial): (&'static str, Vec<char>) = match kind {
        'r' => {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| crate::modules::posix::os_error(vm, &e, Some(&path)))?;
            (if plus { "r+" } else { "r" }, text.chars().collect())
        }
        'w' => {
            std::fs::write(&path, "")
                .map_err(|e| crate::modules::posix::os_error(vm, &e, Some(&path)))?;
            (if plus { "w+" } else { "w" }, Vec::new())
        }
        'x' => {
            if std::path::Path::new(&path).exists() {
                let e = std::io::Error::from_raw_os_error(17);
                return Err(crate::modules::posix::os_error(vm, &e, Some(&path)));
            }
            std::fs::write(&path, "")
                .map_err(|e| crate::modules::posix::os_error(vm, &e, Some(&path)))?;
            ("x", Vec::new())
        }
        _ => {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            (if plus { "a+" } else { "a" }, text.chars().collect())
        }
    };
    let len = initial.len();
    let obj = PyTextIO {
        buf: RefCell::new(initial),
        pos: Cell::new(if kind == 'a' { len } else { 0 }),
        closed: Cell::new(false),
        path: Some(path),
        write_back: kind != 'r' || plus,
        readable: kind == 'r' || plus,
        writable: kind != 'r' || plus,
        dirty: Cell::new(kind != 'r'),
        mode: mode_static,
    };
    Ok(vm.alloc(obj, &vm.types.text_io_wrapper))
}

/// Build the `io` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("io", None);
    let d = vm.module_dict(&m).expect("module");
    for t in [&vm.types.string_io, &vm.types.text_io_wrapper] {
        vm.add_method(t, "write", write);
        vm.add_method(t, "writelines", writelines);
        vm.add_method(t, "read", read);
        vm.add_method(t, "readline", readline);
        vm.add_method(t, "readlines", readlines);
        vm.add_method(t, "__next__", iternext);
        vm.add_method(t, "__iter__", iter_self);
        vm.add_method(t, "seek", seek);
        vm.add_method(t, "tell", tell);
        vm.add_method(t, "truncate", truncate);
        vm.add_method(t, "flush", flush);
        vm.add_method(t, "close", close);
        vm.add_method(t, "__enter__", enter);
        vm.add_method(t, "__exit__", exit);
        vm.add_method(t, "readable", readable);
        vm.add_method(t, "writable", writable);
        vm.add_method(t, "seekable", yes);
        vm.add_method(t, "isatty", no);
        vm.add_method(t, "__repr__", file_repr);
        vm.add_getset(t, "closed", closed, None);
        vm.set_type_attr(t, "__module__", vm.new_str("_io"));
    }
    let s = &vm.types.string_io;
    vm.add_staticmethod(s, "__new__", sio_new);
    vm.add_method(s, "__init__", sio_init);
    vm.add_method(s, "getvalue", getvalue);
    let w = &vm.types.text_io_wrapper;
    vm.add_getset(w, "name", file_name, None);
    vm.add_getset(w, "mode", file_mode, None);
    vm.dict_set_str(d, "StringIO", s.as_object().clone());
    vm.dict_set_str(d, "TextIOWrapper", w.as_object().clone());
    vm.add_function(d, "io", "open", io_open);
    let unsup = vm.call(
        vm.types.type_.as_object(),
        &[
            vm.new_str("UnsupportedOperation"),
            vm.new_tuple(vec![
                vm.exc.OSError.as_object().clone(),
                vm.exc.ValueError.as_object().clone(),
            ]),
            vm.new_dict().into_object(),
        ],
    )?;
    vm.set_attr_str(&unsup, "__module__", vm.new_str("io"))?;
    vm.dict_set_str(d, "UnsupportedOperation", unsup);
    vm.dict_set_str(d, "SEEK_SET", vm.new_int(0));
    vm.dict_set_str(d, "SEEK_CUR", vm.new_int(1));
    vm.dict_set_str(d, "SEEK_END", vm.new_int(2));
    vm.dict_set_str(d, "DEFAULT_BUFFER_SIZE", vm.new_int(8192));
    Ok(m)
}
