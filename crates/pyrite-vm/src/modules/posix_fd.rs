//! File-descriptor functions of `posix`: `open`, `close`, `read`, `write`,
//! `lseek`, `fstat`, `isatty`.
//!
//! Pyrite has no `unsafe` outside its object core, so it cannot adopt an
//! arbitrary integer as a file descriptor. Descriptors opened by
//! `os.open` are therefore kept in a table of `std::fs::File`s owned by
//! the interpreter (closing removes and drops the `File`); 0, 1 and 2 are
//! the process's standard streams. Any other number is `EBADF`, which is
//! what CPython reports for a descriptor that is not open. `io.FileIO`
//! shares the same table, so `FileIO(os.open(...))` and `os.read(f.fileno())`
//! reach the same file.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::io::AsRawFd;
use std::rc::Rc;

use super::posix::{os_error, path_string};
use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::{PyObjectRef, PyResult, Vm};

thread_local! {
    /// Open descriptors of this interpreter, shared by `os` and `io.FileIO`.
    static FDS: RefCell<HashMap<i64, Rc<File>>> = RefCell::new(HashMap::new());
}

/// Record an open file in the descriptor table; returns its descriptor.
pub fn table_insert(f: Rc<File>) -> i64 {
    let fd = f.as_raw_fd() as i64;
    FDS.with(|t| t.borrow_mut().insert(fd, f));
    fd
}

/// The open file behind descriptor `fd`, if this interpreter opened it.
pub fn table_get(fd: i64) -> Option<Rc<File>> {
    FDS.with(|t| t.borrow().get(&fd).cloned())
}

/// Forget descriptor `fd` if it still refers to `f` (the file closes when
/// its last holder drops it).
pub fn table_remove_if(fd: i64, f: &Rc<File>) {
    FDS.with(|t| {
        let mut t = t.borrow_mut();
        if t.get(&fd).is_some_and(|x| Rc::ptr_eq(x, f)) {
            t.remove(&fd);
        }
    });
}

const O_WRONLY: i64 = 1;
const O_RDWR: i64 = 2;
const O_CREAT: i64 = 64;
const O_EXCL: i64 = 128;
const O_TRUNC: i64 = 512;
const O_APPEND: i64 = 1024;

fn ebadf(vm: &Vm) -> crate::PyBaseExceptionRef {
    os_error(vm, &std::io::Error::from_raw_os_error(9), None)
}

fn int(vm: &Vm, o: &PyObjectRef) -> PyResult<i64> {
    let i = vm.index(o)?;
    crate::types::int::as_i64(&i)
        .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C int"))
}

fn fd_open(vm: &Vm, args: Args) -> PyResult {
    let [path, flags, mode] = args.bind::<3>(vm, "open", ["path", "flags", "mode"], 2, 0, 3)?;
    let (path, flags) = (path.expect("required"), flags.expect("required"));
    let p = path_string(vm, path)?;
    let flags = int(vm, flags)?;
    let mode = match mode {
        Some(m) => int(vm, m)?,
        None => 0o777,
    };
    let mut o = std::fs::OpenOptions::new();
    let acc = flags & 3;
    o.read(acc == 0 || acc == O_RDWR)
        .write(acc == O_WRONLY || acc == O_RDWR)
        .append(flags & O_APPEND != 0)
        .truncate(flags & O_TRUNC != 0)
        .mode(mode as u32);
    if flags & O_CREAT != 0 {
        if flags & O_EXCL != 0 {
            o.create_new(true);
        } else {
            o.create(true);
        }
    }
    // Flags std does not model (O_NONBLOCK, O_CLOEXEC, ...) pass through.
    o.custom_flags((flags & !(3 | O_CREAT | O_EXCL | O_TRUNC | O_APPEND)) as i32);
    let f = o.open(&p).map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(vm.new_int(table_insert(Rc::new(f))))
}

fn fd_close(vm: &Vm, args: Args) -> PyResult {
    let [fd] = args.exact::<1>(vm, "close")?;
    let fd = int(vm, fd)?;
    match FDS.with(|t| t.borrow_mut().remove(&fd)) {
        Some(f) => {
            drop(f);
            Ok(vm.none.clone())
        }
        None => Err(ebadf(vm)),
    }
}

/// Run `f` on the open file `fd` (standard streams handled by the caller).
fn with_file<R>(vm: &Vm, fd: i64, f: impl FnOnce(&mut &File) -> std::io::Result<R>) -> PyResult<R> {
    let r = table_get(fd).map(|file| f(&mut &*file));
    match r {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => Err(os_error(vm, &e, None)),
        None => Err(ebadf(vm)),
    }
}

fn fd_read(vm: &Vm, args: Args) -> PyResult {
    let [fd, n] = args.exact::<2>(vm, "read")?;
    let fd = int(vm, fd)?;
    let n = int(vm, n)?;
    if n < 0 {
        return Err(os_error(vm, &std::io::Error::from_raw_os_error(22), None));
    }
    let mut buf = vec![0u8; n as usize];
    let got = if fd == 0 {
        std::io::stdin()
            .read(&mut buf)
            .map_err(|e| os_error(vm, &e, None))?
    } else {
        with_file(vm, fd, |f| f.read(&mut buf))?
    };
    buf.truncate(got);
    Ok(vm.alloc(PyBytes::new(buf), &vm.types.bytes))
}

fn fd_write(vm: &Vm, args: Args) -> PyResult {
    let [fd, data] = args.exact::<2>(vm, "write")?;
    let fd = int(vm, fd)?;
    let data = crate::types::memoryview::bytes_like(data).ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(data)
        ))
    })?;
    let n = match fd {
        1 => {
            crate::modules::sys::flush_stdout(vm);
            std::io::stdout()
                .write(&data)
                .map_err(|e| os_error(vm, &e, None))?
        }
        2 => std::io::stderr()
            .write(&data)
            .map_err(|e| os_error(vm, &e, None))?,
        _ => with_file(vm, fd, |f| f.write(&data))?,
    };
    Ok(vm.new_int(n as i64))
}

fn fd_lseek(vm: &Vm, args: Args) -> PyResult {
    let [fd, pos, how] = args.exact::<3>(vm, "lseek")?;
    let (fd, pos, how) = (int(vm, fd)?, int(vm, pos)?, int(vm, how)?);
    let from = match how {
        0 if pos >= 0 => SeekFrom::Start(pos as u64),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(os_error(vm, &std::io::Error::from_raw_os_error(22), None)),
    };
    let p = with_file(vm, fd, |f| f.seek(from))?;
    Ok(vm.new_int(p as i64))
}

fn fd_fstat(vm: &Vm, args: Args) -> PyResult {
    let [fd] = args.exact::<1>(vm, "fstat")?;
    let fd = int(vm, fd)?;
    let md = with_file(vm, fd, |f| f.metadata())?;
    super::posix::stat_result_from(vm, &md)
}

fn fd_isatty(vm: &Vm, args: Args) -> PyResult {
    use std::io::IsTerminal;
    let [fd] = args.exact::<1>(vm, "isatty")?;
    let fd = int(vm, fd)?;
    let t = match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => table_get(fd).is_some_and(|f| f.is_terminal()),
    };
    Ok(vm.new_bool(t))
}

/// Add the descriptor functions and `SEEK_*` to the `posix` namespace.
pub fn add(vm: &Vm, d: &crate::types::dict::PyDict) {
    let n = "posix";
    vm.add_function(d, n, "open", fd_open);
    vm.add_function(d, n, "close", fd_close);
    vm.add_function(d, n, "read", fd_read);
    vm.add_function(d, n, "write", fd_write);
    vm.add_function(d, n, "lseek", fd_lseek);
    vm.add_function(d, n, "fstat", fd_fstat);
    vm.add_function(d, n, "isatty", fd_isatty);
    for (name, v) in [("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2)] {
        vm.dict_set_str(d, name, vm.new_int(v));
    }
}
