//! `posix`: the operating-system primitives `os.py` is built on. Pyrite's
//! subset: environment, working directory, `stat`, directory listing,
//! file descriptors for reading/writing whole files, process identity.
//! Mirrors CPython 3.11 `Modules/posixmodule.c` (a subset; see
//! COMPATIBILITY.md).

use std::os::unix::fs::MetadataExt;

use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::str::PyStr;
use crate::{PyObjectRef, PyResult, Vm};

/// `os.fspath`: str, bytes, or `__fspath__`.
fn fspath_obj(vm: &Vm, o: &PyObjectRef) -> PyResult {
    if o.downcast_ref::<PyStr>().is_some() || o.downcast_ref::<PyBytes>().is_some() {
        return Ok(o.clone());
    }
    match vm.call_special(o, &vm.intern("__fspath__"), &[])? {
        Some(r) => Ok(r),
        None => Err(vm.new_type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(o)
        ))),
    }
}

pub fn path_string(vm: &Vm, o: &PyObjectRef) -> PyResult<String> {
    let p = fspath_obj(vm, o)?;
    if let Some(s) = p.downcast_ref::<PyStr>() {
        return Ok(s.as_str().to_string());
    }
    if let Some(b) = p.downcast_ref::<PyBytes>() {
        return Ok(String::from_utf8_lossy(&b.data).into_owned());
    }
    Err(vm.new_type_error("expected str, bytes or os.PathLike object"))
}

/// An OSError subclass chosen by errno, as CPython does.
pub fn os_error(vm: &Vm, e: &std::io::Error, filename: Option<&str>) -> crate::PyBaseExceptionRef {
    let errno = e.raw_os_error().unwrap_or(0);
    let cls = match errno {
        2 => &vm.exc.FileNotFoundError,
        13 | 1 => &vm.exc.PermissionError,
        17 => &vm.exc.FileExistsError,
        20 => &vm.exc.NotADirectoryError,
        21 => &vm.exc.IsADirectoryError,
        3 => &vm.exc.ProcessLookupError,
        4 => &vm.exc.InterruptedError,
        10 => &vm.exc.ChildProcessError,
        11 => &vm.exc.BlockingIOError,
        32 => &vm.exc.BrokenPipeError,
        103 => &vm.exc.ConnectionAbortedError,
        104 => &vm.exc.ConnectionResetError,
        110 => &vm.exc.TimeoutError,
        111 => &vm.exc.ConnectionRefusedError,
        _ => &vm.exc.OSError,
    };
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    let mut args = vec![vm.new_int(errno as i64), vm.new_str(msg)];
    if let Some(f) = filename {
        args.push(vm.new_str(f));
    }
    match vm.call(cls.as_object(), &args) {
        Ok(o) => o.downcast().unwrap_or_else(|_| vm.new_os_error("OSError")),
        Err(e) => e,
    }
}

fn posix_fspath(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "fspath")?;
    fspath_obj(vm, o)
}

fn posix_getcwd(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "getcwd")?;
    let d = std::env::current_dir().map_err(|e| os_error(vm, &e, None))?;
    Ok(vm.new_str(d.to_string_lossy().into_owned()))
}

fn posix_listdir(vm: &Vm, args: Args) -> PyResult {
    let [p] = args.range::<1>(vm, "listdir", 0)?;
    let path = match p {
        Some(p) => path_string(vm, p)?,
        None => ".".into(),
    };
    let rd = std::fs::read_dir(&path).map_err(|e| os_error(vm, &e, Some(&path)))?;
    let mut out = Vec::new();
    for ent in rd.flatten() {
        out.push(vm.new_str(ent.file_name().to_string_lossy().into_owned()));
    }
    Ok(vm.new_list(out))
}

pub fn stat_impl(vm: &Vm, args: Args, follow: bool) -> PyResult {
    let p = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("stat() missing required argument 'path' (pos 1)"))?;
    let path = path_string(vm, p)?;
    let md = if follow {
        std::fs::metadata(&path)
    } else {
        std::fs::symlink_metadata(&path)
    };
    let md = md.map_err(|e| os_error(vm, &e, Some(&path)))?;
    stat_result_from(vm, &md)
}

/// An `os.stat_result` for `md`.
pub fn stat_result_from(vm: &Vm, md: &std::fs::Metadata) -> PyResult {
    let vals: Vec<PyObjectRef> = vec![
        vm.new_int(md.mode() as i64),
        vm.new_int(md.ino() as i64),
        vm.new_int(md.dev() as i64),
        vm.new_int(md.nlink() as i64),
        vm.new_int(md.uid() as i64),
        vm.new_int(md.gid() as i64),
        vm.new_int(md.size() as i64),
        vm.new_int(md.atime()),
        vm.new_int(md.mtime()),
        vm.new_int(md.ctime()),
    ];
    let secs = |s: i64, ns: i64| vm.new_float(s as f64 + ns as f64 * 1e-9);
    let nanos = |s: i64, ns: i64| {
        vm.new_bigint(dashu_int::IBig::from(s) * dashu_int::IBig::from(1_000_000_000u32) + ns)
    };
    let extra = vec![
        secs(md.atime(), md.atime_nsec()),
        secs(md.mtime(), md.mtime_nsec()),
        secs(md.ctime(), md.ctime_nsec()),
        nanos(md.atime(), md.atime_nsec()),
        nanos(md.mtime(), md.mtime_nsec()),
        nanos(md.ctime(), md.ctime_nsec()),
        vm.new_int(md.blksize() as i64),
        vm.new_int(md.blocks() as i64),
        vm.new_int(md.rdev() as i64),
    ];
    let make = vm
        .modules
        .get_by_str("posix")
        .and_then(|m| {
            vm.module_dict(&m)
                .and_then(|d| d.get_by_str("_stat_result_make"))
        })
        .ok_or_else(|| vm.new_system_error("posix.stat_result is missing"))?;
    vm.call(&make, &[vm.new_tuple(vals), vm.new_tuple(extra)])
}

/// `os.stat_result`: a struct sequence of 10 items (the last three the
/// integer times) and 9 more named fields (float and nanosecond times,
/// block size and count, device).
fn add_stat_result(vm: &Vm, d: &crate::types::dict::PyDict) -> PyResult<()> {
    let st = super::structseq::make_type(
        vm,
        "os",
        "stat_result",
        &[
            "st_mode",
            "st_ino",
            "st_dev",
            "st_nlink",
            "st_uid",
            "st_gid",
            "st_size",
            "st_atime",
            "st_mtime",
            "st_ctime",
            "st_atime",
            "st_mtime",
            "st_ctime",
            "st_atime_ns",
            "st_mtime_ns",
            "st_ctime_ns",
            "st_blksize",
            "st_blocks",
            "st_rdev",
        ],
        10,
        true,
    )?;
    vm.dict_set_str(d, "stat_result", st.cls.clone());
    let ts =
        super::structseq::make_type(vm, "os", "terminal_size", &["columns", "lines"], 2, true)?;
    vm.dict_set_str(d, "terminal_size", ts.cls.clone());
    vm.dict_set_str(d, "_stat_result_make", st.make_fn());
    Ok(())
}

fn posix_stat(vm: &Vm, args: Args) -> PyResult {
    stat_impl(vm, args, true)
}

fn posix_lstat(vm: &Vm, args: Args) -> PyResult {
    stat_impl(vm, args, false)
}

fn posix_exit(vm: &Vm, args: Args) -> PyResult {
    let [c] = args.exact::<1>(vm, "_exit")?;
    crate::modules::sys::flush_stdout(vm);
    std::process::exit(crate::types::int::as_i64(c).unwrap_or(1) as i32)
}

fn posix_getpid(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(std::process::id() as i64))
}

fn posix_strerror(vm: &Vm, args: Args) -> PyResult {
    let [c] = args.exact::<1>(vm, "strerror")?;
    let n = crate::types::int::as_i64(c).unwrap_or(0) as i32;
    let e = std::io::Error::from_raw_os_error(n);
    let s = e.to_string();
    Ok(vm.new_str(s.split(" (os error").next().unwrap_or(&s).to_string()))
}

fn posix_urandom(vm: &Vm, args: Args) -> PyResult {
    let [n] = args.exact::<1>(vm, "urandom")?;
    let n = crate::types::int::as_i64(n).unwrap_or(0).max(0) as usize;
    let mut buf = vec![0u8; n];
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| os_error(vm, &e, None))?;
    Ok(vm.alloc(PyBytes::new(buf), &vm.types.bytes))
}

/// `cpu_count()`: the online processors, as `sysconf(_SC_NPROCESSORS_ONLN)`
/// reports them (from sysfs; the scheduler's count as a fallback).
fn posix_cpu_count(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "cpu_count")?;
    let from_sysfs = std::fs::read_to_string("/sys/devices/system/cpu/online")
        .ok()
        .and_then(|s| {
            let mut n = 0usize;
            for part in s.trim().split(',') {
                match part.split_once('-') {
                    Some((a, b)) => {
                        let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
                        n += b.checked_sub(a)? + 1;
                    }
                    None => {
                        part.parse::<usize>().ok()?;
                        n += 1;
                    }
                }
            }
            (n > 0).then_some(n)
        });
    let n = from_sysfs.or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()));
    Ok(match n {
        Some(n) => vm.new_int(n as i64),
        None => vm.none.clone(),
    })
}

fn posix_remove(vm: &Vm, args: Args) -> PyResult {
    let [p] = args.exact::<1>(vm, "remove")?;
    let path = path_string(vm, p)?;
    std::fs::remove_file(&path).map_err(|e| os_error(vm, &e, Some(&path)))?;
    Ok(vm.none.clone())
}

fn posix_mkdir(vm: &Vm, args: Args) -> PyResult {
    let p = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("mkdir() missing required argument 'path'"))?;
    let path = path_string(vm, p)?;
    std::fs::create_dir(&path).map_err(|e| os_error(vm, &e, Some(&path)))?;
    Ok(vm.none.clone())
}

fn posix_rmdir(vm: &Vm, args: Args) -> PyResult {
    let [p] = args.exact::<1>(vm, "rmdir")?;
    let path = path_string(vm, p)?;
    std::fs::remove_dir(&path).map_err(|e| os_error(vm, &e, Some(&path)))?;
    Ok(vm.none.clone())
}

fn posix_rename(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "rename")?;
    let (a, b) = (path_string(vm, a)?, path_string(vm, b)?);
    std::fs::rename(&a, &b).map_err(|e| os_error(vm, &e, Some(&a)))?;
    Ok(vm.none.clone())
}

fn posix_chdir(vm: &Vm, args: Args) -> PyResult {
    let [p] = args.exact::<1>(vm, "chdir")?;
    let path = path_string(vm, p)?;
    std::env::set_current_dir(&path).map_err(|e| os_error(vm, &e, Some(&path)))?;
    Ok(vm.none.clone())
}

fn posix_putenv(vm: &Vm, args: Args) -> PyResult {
    let [k, v] = args.exact::<2>(vm, "putenv")?;
    let (k, v) = (path_string(vm, k)?, path_string(vm, v)?);
    std::env::set_var(k, v);
    Ok(vm.none.clone())
}

fn posix_unsetenv(vm: &Vm, args: Args) -> PyResult {
    let [k] = args.exact::<1>(vm, "unsetenv")?;
    std::env::remove_var(path_string(vm, k)?);
    Ok(vm.none.clone())
}

/// Build the `posix` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("posix", None);
    let d = vm.module_dict(&m).expect("module");
    let n = "posix";
    vm.add_function(d, n, "fspath", posix_fspath);
    vm.add_function(d, n, "getcwd", posix_getcwd);
    vm.add_function(d, n, "listdir", posix_listdir);
    vm.add_function(d, n, "stat", posix_stat);
    vm.add_function(d, n, "lstat", posix_lstat);
    vm.add_function(d, n, "_exit", posix_exit);
    vm.add_function(d, n, "getpid", posix_getpid);
    vm.add_function(d, n, "strerror", posix_strerror);
    vm.add_function(d, n, "urandom", posix_urandom);
    vm.add_function(d, n, "cpu_count", posix_cpu_count);
    vm.add_function(d, n, "scandir", super::posix_scandir::posix_scandir);
    vm.add_function(d, n, "remove", posix_remove);
    vm.add_function(d, n, "unlink", posix_remove);
    vm.add_function(d, n, "mkdir", posix_mkdir);
    vm.add_function(d, n, "rmdir", posix_rmdir);
    vm.add_function(d, n, "rename", posix_rename);
    vm.add_function(d, n, "replace", posix_rename);
    vm.add_function(d, n, "chdir", posix_chdir);
    vm.add_function(d, n, "putenv", posix_putenv);
    vm.add_function(d, n, "unsetenv", posix_unsetenv);
    add_stat_result(vm, d)?;
    super::posix_fd::add(vm, d);
    let env = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        use std::os::unix::ffi::OsStrExt;
        let kb = vm.alloc(PyBytes::new(k.as_bytes().to_vec()), &vm.types.bytes);
        let vb = vm.alloc(PyBytes::new(v.as_bytes().to_vec()), &vm.types.bytes);
        env.set_item(vm, kb, vb)?;
    }
    vm.dict_set_str(d, "environ", env.into_object());
    vm.dict_set_str(d, "_have_functions", vm.new_list(Vec::new()));
    vm.dict_set_str(d, "error", vm.exc.OSError.as_object().clone());
    for (name, v) in [
        ("F_OK", 0),
        ("R_OK", 4),
        ("W_OK", 2),
        ("X_OK", 1),
        ("O_RDONLY", 0),
        ("O_WRONLY", 1),
        ("O_RDWR", 2),
        ("O_CREAT", 64),
        ("O_TRUNC", 512),
        ("O_APPEND", 1024),
        ("O_EXCL", 128),
    ] {
        vm.dict_set_str(d, name, vm.new_int(v));
    }
    let all: Vec<PyObjectRef> = d
        .keys()
        .into_iter()
        .filter(|k| {
            k.downcast_ref::<PyStr>()
                .is_some_and(|s| !s.as_str().starts_with('_'))
        })
        .collect();
    vm.dict_set_str(d, "__all__", vm.new_list(all));
    Ok(m)
}
