//! `FileIO`: raw, unbuffered binary I/O on an operating-system file, as
//! CPython 3.11's `Modules/_io/fileio.c`. Files are `std::fs::File`s; the
//! standard descriptors 0-2 use the process's standard streams, and other
//! integer descriptors must be ones this interpreter opened (Pyrite has no
//! `unsafe` outside its core crate, so it cannot adopt arbitrary fds).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::io::AsRawFd;

use super::iobase::check_closed;
use super::*;
use crate::types::str::PyStr;

/// The open file behind a `FileIO`.
#[derive(Clone)]
pub enum Handle {
    File(Rc<File>),
    /// fd 0, 1 or 2, with a duplicate of the descriptor (sharing its
    /// file offset) for reading, seeking and truncating; writes go through
    /// the process's standard handles so they stay ordered with Rust's.
    Std(i32, Option<Rc<File>>),
}

// Files opened by `FileIO` go in `posix_fd`'s descriptor table, so
// `FileIO(fd)`, `open(fd)` and `os.read(fd, n)` all reach them.
use crate::modules::posix_fd;

pub struct FileState {
    pub handle: RefCell<Option<Handle>>,
    pub fd: Cell<i32>,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
    /// `st_blksize` of the file (the default buffer size `open()` uses).
    pub blksize: u64,
}

impl FileState {
    fn handle(&self, vm: &Vm) -> PyResult<Handle> {
        self.handle
            .borrow()
            .clone()
            .ok_or_else(|| vm.new_value_error("I/O operation on closed file"))
    }

    pub fn mode_string(&self) -> &'static str {
        if self.created {
            if self.readable {
                "xb+"
            } else {
                "xb"
            }
        } else if self.appending {
            if self.readable {
                "ab+"
            } else {
                "ab"
            }
        } else if self.readable {
            if self.writable {
                "rb+"
            } else {
                "rb"
            }
        } else {
            "wb"
        }
    }

    /// Read up to `n` bytes (one system call's worth).
    pub fn read_some(&self, vm: &Vm, n: usize) -> PyResult<Vec<u8>> {
        let h = self.handle(vm)?;
        if !self.readable {
            return Err(unsupported(vm, "File not open for reading"));
        }
        // At most one large chunk per call ("up to n" bytes, as read(2)).
        let mut buf = vec![0u8; n.min(1 << 26)];
        let r = match &h {
            Handle::File(f) => (&**f).read(&mut buf),
            Handle::Std(0, Some(f)) => (&**f).read(&mut buf),
            Handle::Std(0, None) => std::io::stdin().read(&mut buf),
            Handle::Std(..) => Err(std::io::Error::from_raw_os_error(9)),
        };
        let got = r.map_err(|e| crate::modules::posix::os_error(vm, &e, None))?;
        buf.truncate(got);
        Ok(buf)
    }

    pub fn read_all(&self, vm: &Vm) -> PyResult<Vec<u8>> {
        let h = self.handle(vm)?;
        if !self.readable {
            return Err(unsupported(vm, "File not open for reading"));
        }
        let mut buf = Vec::new();
        let r = match &h {
            Handle::File(f) => (&**f).read_to_end(&mut buf),
            Handle::Std(0, Some(f)) => (&**f).read_to_end(&mut buf),
            Handle::Std(0, None) => std::io::stdin().read_to_end(&mut buf),
            Handle::Std(..) => Err(std::io::Error::from_raw_os_error(9)),
        };
        r.map_err(|e| crate::modules::posix::os_error(vm, &e, None))?;
        Ok(buf)
    }

    pub fn write_bytes(&self, vm: &Vm, data: &[u8]) -> PyResult<usize> {
        let h = self.handle(vm)?;
        if !self.writable {
            return Err(unsupported(vm, "File not open for writing"));
        }
        let r = match &h {
            Handle::File(f) => (&**f).write_all(data),
            Handle::Std(fd, _) => {
                if *fd == 2 {
                    // Keep order with text still buffered for stdout.
                    crate::modules::sys::flush_stdout(vm);
                    let mut e = std::io::stderr().lock();
                    e.write_all(data).and_then(|_| e.flush())
                } else if *fd == 1 {
                    let mut o = std::io::stdout().lock();
                    o.write_all(data).and_then(|_| o.flush())
                } else {
                    Err(std::io::Error::from_raw_os_error(9))
                }
            }
        };
        r.map_err(|e| crate::modules::posix::os_error(vm, &e, None))?;
        Ok(data.len())
    }

    pub fn seek(&self, vm: &Vm, pos: i64, whence: i64) -> PyResult<u64> {
        let f = match self.handle(vm)? {
            Handle::File(f) | Handle::Std(_, Some(f)) => f,
            Handle::Std(_, None) => {
                return Err(crate::modules::posix::os_error(
                    vm,
                    &std::io::Error::from_raw_os_error(29),
                    None,
                ))
            }
        };
        let from = match whence {
            0 if pos < 0 => return Err(einval(vm)),
            0 => SeekFrom::Start(pos as u64),
            1 => SeekFrom::Current(pos),
            2 => SeekFrom::End(pos),
            _ => return Err(einval(vm)),
        };
        (&*f)
            .seek(from)
            .map_err(|e| crate::modules::posix::os_error(vm, &e, None))
    }
}

fn einval(vm: &Vm) -> crate::PyBaseExceptionRef {
    crate::modules::posix::os_error(vm, &std::io::Error::from_raw_os_error(22), None)
}

/// The `FileState` of a FileIO object (ValueError if uninitialised).
pub fn file_of(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<FileState>> {
    match io_of(vm, o, "FileIO")?.kind() {
        Kind::File(f) => Ok(f),
        _ => Err(vm.new_value_error("I/O operation on uninitialized object")),
    }
}

fn open_file(vm: &Vm, o: &PyObjectRef) -> PyResult<Rc<FileState>> {
    let f = file_of(vm, o)?;
    if f.fd.get() < 0 {
        return Err(vm.new_value_error("I/O operation on closed file"));
    }
    Ok(f)
}

fn bad_mode(vm: &Vm) -> crate::PyBaseExceptionRef {
    vm.new_value_error(
        "Must have exactly one of create/read/write/append mode and at most one plus",
    )
}

fn fileio_init(vm: &Vm, args: Args) -> PyResult {
    let [s, file, mode, closefd, opener] = args.bind(
        vm,
        "FileIO",
        ["self", "file", "mode", "closefd", "opener"],
        2,
        1,
        5,
    )?;
    let s = s.expect("self");
    let file = file.expect("required");
    let io = io_of(vm, s, "FileIO")?;
    if let Kind::File(old) = io.kind() {
        if old.closefd && old.fd.get() >= 0 {
            close_handle(&old);
        }
    }
    let mode = match mode {
        None => "r".to_string(),
        Some(m) => match m.downcast_ref::<PyStr>() {
            Some(m) => m.as_str().to_string(),
            None => {
                return Err(vm.new_type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    vm.type_name(m)
                )))
            }
        },
    };
    let closefd = match closefd {
        None => true,
        Some(c) => vm.is_true(c)?,
    };
    let (mut readable, mut writable, mut appending, mut created, mut truncate) =
        (false, false, false, false, false);
    let mut rwa = false;
    let mut plus = false;
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad_mode(vm));
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true;
                    }
                    'r' => readable = true,
                    'w' => {
                        writable = true;
                        truncate = true;
                    }
                    _ => {
                        writable = true;
                        appending = true;
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(bad_mode(vm));
                }
                readable = true;
                writable = true;
                plus = true;
            }
            'b' => {}
            _ => return Err(vm.new_value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad_mode(vm));
    }
    // The file: an integer descriptor or a path.
    let is_float = file
        .downcast_ref::<crate::types::float::PyFloat>()
        .is_some();
    if is_float {
        return Err(vm.new_type_error("integer argument expected, got float"));
    }
    let fd_arg = if file.downcast_ref::<crate::types::int::PyInt>().is_some() {
        Some(vm.index_isize(file)?)
    } else {
        None
    };
    let mut name_obj = file.clone();
    let handle = if let Some(fd) = fd_arg {
        if fd < 0 {
            return Err(vm.new_value_error("negative file descriptor"));
        }
        handle_for_fd(vm, fd as i32)?
    } else {
        if !closefd {
            return Err(vm.new_value_error("Cannot use closefd=False with file name"));
        }
        let path_obj = fspath(vm, file)?;
        let path = match path_obj.downcast_ref::<PyStr>() {
            Some(p) => p.as_str().to_string(),
            None => String::from_utf8_lossy(as_bytes(&path_obj).unwrap_or_default()).into_owned(),
        };
        if path.contains('\0') {
            return Err(vm.new_value_error("embedded null character"));
        }
        let flags = open_flags(readable, writable, appending, created, truncate);
        match opener.filter(|o| !o.is(&vm.none)) {
            Some(op) => {
                let fd = vm.call(op, &[file.clone(), vm.new_int(flags)])?;
                let fd = vm.index_isize(&fd)?;
                if fd < 0 {
                    return Err(vm.new_value_error(format!("opener returned {fd}")));
                }
                handle_for_fd(vm, fd as i32)?
            }
            None => {
                let mut oo = std::fs::OpenOptions::new();
                oo.read(readable)
                    .write(writable && !appending)
                    .append(appending)
                    .truncate(truncate);
                if created {
                    oo.create_new(true);
                } else if writable && !(readable && !truncate && !appending) {
                    oo.create(true);
                }
                let f = oo
                    .open(&path)
                    .map_err(|e| crate::modules::posix::os_error(vm, &e, Some(&path)))?;
                if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
                    return Err(crate::modules::posix::os_error(
                        vm,
                        &std::io::Error::from_raw_os_error(21),
                        Some(&path),
                    ));
                }
                let rc = Rc::new(f);
                posix_fd::table_insert(rc.clone());
                name_obj = file.clone();
                Handle::File(rc)
            }
        }
    };
    let fd = match &handle {
        Handle::File(f) => f.as_raw_fd(),
        Handle::Std(n, _) => *n,
    };
    if appending {
        if let Handle::File(f) = &handle {
            let _ = (&**f).seek(SeekFrom::End(0));
        }
    }
    let handle_ref = handle.clone();
    let st = FileState {
        handle: RefCell::new(Some(handle)),
        fd: Cell::new(fd),
        readable,
        writable,
        appending,
        created,
        closefd,
        blksize: {
            use std::os::unix::fs::MetadataExt;
            match &handle_ref {
                Handle::File(f) | Handle::Std(_, Some(f)) => {
                    f.metadata().map(|m| m.blksize()).unwrap_or(0)
                }
                Handle::Std(_, None) => 0,
            }
        },
    };
    io.set_kind(vm, Kind::File(Rc::new(st)))?;
    io.base_closed.set(false);
    vm.set_attr_str(s, "name", name_obj)?;
    Ok(vm.none.clone())
}

fn fspath(vm: &Vm, file: &PyObjectRef) -> PyResult {
    if file.downcast_ref::<PyStr>().is_some() || as_bytes(file).is_some() {
        return Ok(file.clone());
    }
    match vm.get_attr_opt(file, &vm.intern("__fspath__"))? {
        Some(f) => vm.call(&f, &[]),
        None => Err(vm.new_type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(file)
        ))),
    }
}

fn open_flags(r: bool, w: bool, a: bool, x: bool, t: bool) -> i64 {
    let mut f: i64 = if r && w {
        2
    } else if w {
        1
    } else {
        0
    };
    if x {
        f |= 0o100 | 0o200;
    }
    if t {
        f |= 0o100 | 0o1000;
    }
    if a {
        f |= 0o100 | 0o2000;
    }
    f | 0o2000000
}

fn handle_for_fd(vm: &Vm, fd: i32) -> PyResult<Handle> {
    if (0..=2).contains(&fd) {
        use std::os::fd::AsFd;
        let dup = match fd {
            0 => std::io::stdin().as_fd().try_clone_to_owned(),
            1 => std::io::stdout().as_fd().try_clone_to_owned(),
            _ => std::io::stderr().as_fd().try_clone_to_owned(),
        };
        return Ok(Handle::Std(fd, dup.ok().map(|d| Rc::new(File::from(d)))));
    }
    posix_fd::table_get(fd as i64)
        .map(Handle::File)
        .ok_or_else(|| {
            crate::modules::posix::os_error(vm, &std::io::Error::from_raw_os_error(9), None)
        })
}

fn close_handle(f: &FileState) {
    let h = f.handle.borrow_mut().take();
    if let Some(Handle::File(rc)) = &h {
        posix_fd::table_remove_if(rc.as_raw_fd() as i64, rc);
    }
    drop(h);
    f.fd.set(-1);
}

fn fileio_read(vm: &Vm, args: Args) -> PyResult {
    let [s, n] = args.range::<2>(vm, "read", 1)?;
    let f = open_file(vm, s.expect("self"))?;
    match size_arg(vm, n)? {
        None => Ok(new_bytes(vm, f.read_all(vm)?)),
        Some(n) => Ok(new_bytes(vm, f.read_some(vm, n)?)),
    }
}

fn fileio_readall(vm: &Vm, args: Args) -> PyResult {
    let f = open_file(vm, self_arg(vm, &args)?)?;
    Ok(new_bytes(vm, f.read_all(vm)?))
}

fn fileio_readinto(vm: &Vm, args: Args) -> PyResult {
    let [s, b] = args.exact::<2>(vm, "readinto")?;
    let f = open_file(vm, s)?;
    if !f.readable {
        return Err(unsupported(vm, "File not open for reading"));
    }
    let n = writable_len(vm, b, "readinto")?;
    let data = f.read_some(vm, n)?;
    fill_buffer(vm, b, &data)?;
    Ok(vm.new_int(data.len() as i64))
}

fn fileio_write(vm: &Vm, args: Args) -> PyResult {
    let [s, b] = args.exact::<2>(vm, "write")?;
    let f = open_file(vm, s)?;
    if !f.writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let data = bytes_arg(vm, b)?;
    Ok(vm.new_int(f.write_bytes(vm, &data)? as i64))
}

fn fileio_seek(vm: &Vm, args: Args) -> PyResult {
    let [s, pos, whence] = args.range::<3>(vm, "seek", 2)?;
    let f = open_file(vm, s.expect("self"))?;
    let pos = pos.expect("required");
    if pos.downcast_ref::<crate::types::float::PyFloat>().is_some() {
        return Err(vm.new_type_error("an integer is required"));
    }
    let pos = vm.index_isize(pos)? as i64;
    let whence = match whence {
        Some(w) => vm.index_isize(w)? as i64,
        None => 0,
    };
    Ok(vm.new_int(f.seek(vm, pos, whence)? as i64))
}

fn fileio_tell(vm: &Vm, args: Args) -> PyResult {
    let f = open_file(vm, self_arg(vm, &args)?)?;
    Ok(vm.new_int(f.seek(vm, 0, 1)? as i64))
}

fn fileio_truncate(vm: &Vm, args: Args) -> PyResult {
    let [s, size] = args.range::<2>(vm, "truncate", 1)?;
    let f = open_file(vm, s.expect("self"))?;
    if !f.writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let size = match size {
        Some(x) if !x.is(&vm.none) => vm.index_isize(x)? as i64,
        _ => f.seek(vm, 0, 1)? as i64,
    };
    if size < 0 {
        return Err(einval(vm));
    }
    match f.handle(vm)? {
        Handle::File(file) => file
            .set_len(size as u64)
            .map_err(|e| crate::modules::posix::os_error(vm, &e, None))?,
        Handle::Std(_, Some(file)) => file
            .set_len(size as u64)
            .map_err(|e| crate::modules::posix::os_error(vm, &e, None))?,
        Handle::Std(_, None) => return Err(einval(vm)),
    }
    Ok(vm.new_int(size))
}

fn fileio_close(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let f = file_of(vm, s)?;
    // `_RawIOBase.close` first (flush, mark closed), then the descriptor.
    let io = io_of(vm, s, "FileIO")?;
    let r = if f.fd.get() >= 0 && !io.base_closed.get() {
        vm.call_method(s, "flush", &[])
    } else {
        Ok(vm.none.clone())
    };
    io.base_closed.set(true);
    if f.closefd {
        close_handle(&f);
    } else {
        f.handle.borrow_mut().take();
        f.fd.set(-1);
    }
    r?;
    Ok(vm.none.clone())
}

fn fileio_seekable(vm: &Vm, args: Args) -> PyResult {
    let f = open_file(vm, self_arg(vm, &args)?)?;
    Ok(vm.new_bool(f.seek(vm, 0, 1).is_ok()))
}

fn fileio_readable(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(open_file(vm, self_arg(vm, &args)?)?.readable))
}

fn fileio_writable(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(open_file(vm, self_arg(vm, &args)?)?.writable))
}

fn fileio_fileno(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int(open_file(vm, self_arg(vm, &args)?)?.fd.get() as i64))
}

fn fileio_isatty(vm: &Vm, args: Args) -> PyResult {
    use std::io::IsTerminal;
    let f = open_file(vm, self_arg(vm, &args)?)?;
    let t = match f.handle(vm)? {
        Handle::File(file) => file.is_terminal(),
        Handle::Std(_, Some(file)) => file.is_terminal(),
        Handle::Std(0, None) => std::io::stdin().is_terminal(),
        Handle::Std(1, None) => std::io::stdout().is_terminal(),
        Handle::Std(..) => std::io::stderr().is_terminal(),
    };
    Ok(vm.new_bool(t))
}

fn fileio_repr(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    let f = file_of(vm, s)?;
    let tn = tp_name(vm, s);
    if f.fd.get() < 0 {
        return Ok(vm.new_str(format!("<{tn} [closed]>")));
    }
    let closefd = if f.closefd { "True" } else { "False" };
    let mode = f.mode_string();
    Ok(vm.new_str(match vm.get_attr_opt(s, &vm.intern("name"))? {
        Some(n) => format!(
            "<{tn} name={} mode='{mode}' closefd={closefd}>",
            vm.repr_string(&n)?
        ),
        None => format!("<{tn} fd={} mode='{mode}' closefd={closefd}>", f.fd.get()),
    }))
}

fn closed_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(file_of(vm, o)?.fd.get() < 0))
}

fn closefd_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(file_of(vm, o)?.closefd))
}

fn mode_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str(file_of(vm, o)?.mode_string()))
}

fn blksize_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let b = file_of(vm, o)?.blksize;
    Ok(vm.new_int(if b > 1 {
        b as i64
    } else {
        DEFAULT_BUFFER_SIZE as i64
    }))
}

fn false_get(vm: &Vm, _o: &PyObjectRef) -> PyResult {
    Ok(vm.false_.clone())
}

fn fileio_getstate(vm: &Vm, args: Args) -> PyResult {
    let s = self_arg(vm, &args)?;
    Err(vm.new_type_error(format!("cannot pickle '{}' object", tp_name(vm, s))))
}

fn fileio_dealloc_warn(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.none.clone())
}

/// The state of a plain FileIO, open or closed.
pub fn native_file_any(o: &PyObjectRef) -> Option<Rc<FileState>> {
    if crate::types::typeobj::class_of(o).ext.heap {
        return None;
    }
    match o.downcast_ref::<PyIo>()?.kind() {
        Kind::File(f) => Some(f),
        _ => None,
    }
}

/// Native fast paths for buffered streams over a `FileIO`.
pub fn native_file(o: &PyObjectRef) -> Option<Rc<FileState>> {
    let cls = crate::types::typeobj::class_of(o);
    if cls.ext.heap {
        return None;
    }
    match o.downcast_ref::<PyIo>()?.kind() {
        Kind::File(f) if f.fd.get() >= 0 => Some(f),
        _ => None,
    }
}

pub fn init_type(vm: &Vm) {
    let t = fileio_type(vm);
    if t.ext.dict.get_by_str("readinto").is_some() {
        return;
    }
    let _ = check_closed;
    let methods: [(&'static str, crate::args::NativeFn); 17] = [
        ("__init__", fileio_init),
        ("read", fileio_read),
        ("readall", fileio_readall),
        ("readinto", fileio_readinto),
        ("write", fileio_write),
        ("seek", fileio_seek),
        ("tell", fileio_tell),
        ("truncate", fileio_truncate),
        ("close", fileio_close),
        ("seekable", fileio_seekable),
        ("readable", fileio_readable),
        ("writable", fileio_writable),
        ("fileno", fileio_fileno),
        ("isatty", fileio_isatty),
        ("__repr__", fileio_repr),
        ("__getstate__", fileio_getstate),
        ("_dealloc_warn", fileio_dealloc_warn),
    ];
    for (n, f) in methods {
        vm.add_method(&t, n, f);
    }
    vm.add_getset(&t, "closed", closed_get, None);
    vm.add_getset(&t, "closefd", closefd_get, None);
    vm.add_getset(&t, "mode", mode_get, None);
    vm.add_getset(&t, "_blksize", blksize_get, None);
    vm.add_getset(&t, "_finalizing", false_get, None);
}
