//! The `sys` module, and the standard streams it holds.
//! Mirrors CPython 3.11 `Python/sysmodule.c`.

use pyrite_core::object::header::TypeFlags;

use crate::args::Args;
use crate::types::str::PyStr;
use crate::{PyObjectRef, PyResult, Vm};

thread_local! {
    /// Set while the interpreter flushes the standard streams itself, so a
    /// write to stderr inside that flush does not start another.
    static FLUSHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Flush what the interpreter's own stdout stream holds (before output to
/// stderr, so terminals see output in order, and at exit).
pub fn flush_stdout(vm: &Vm) {
    flush_streams(vm, &["__stdout__", "stdout"]);
}

/// Flush stdout then stderr (at exit).
pub fn flush_std_streams(vm: &Vm) {
    flush_streams(vm, &["__stdout__", "stdout", "__stderr__", "stderr"]);
}

fn flush_streams(vm: &Vm, names: &[&str]) {
    if FLUSHING.with(|f| f.replace(true)) {
        return;
    }
    let m = vm.sys_module.borrow().clone();
    let streams: Vec<PyObjectRef> = m
        .as_ref()
        .and_then(|m| vm.module_dict(m))
        .map(|d| names.iter().filter_map(|n| d.get_by_str(n)).collect())
        .unwrap_or_default();
    for s in &streams {
        crate::modules::_io::textio::flush_native(vm, s);
    }
    FLUSHING.with(|f| f.set(false));
}

impl Vm {
    /// `sys.<name>`; RuntimeError "lost sys.<name>" if missing.
    pub fn sys_attr(&self, name: &str) -> PyResult {
        let m = self.sys_module.borrow().clone();
        let v = m
            .as_ref()
            .and_then(|m| self.module_dict(m).and_then(|d| d.get_by_str(name)));
        v.ok_or_else(|| self.new_runtime_error(format!("lost sys.{name}")))
    }

    /// `sys.stdout` (with the interned name, whose hash is cached).
    pub fn sys_stdout(&self) -> PyResult {
        let m = self.sys_module.borrow().clone();
        if let Some(d) = m.as_ref().and_then(|m| self.module_dict(m)) {
            if let Some(v) = d.get_item(self, &self.names.stdout)? {
                return Ok(v);
            }
        }
        Err(self.new_runtime_error("lost sys.stdout"))
    }
}

/// `sys.getsizeof` of builtin objects: CPython 3.11's sizes (64-bit).
pub fn basic_size(_vm: &Vm, o: &PyObjectRef) -> usize {
    use crate::types::*;
    if let Some(i) = o.downcast_ref::<int::PyInt>() {
        // 24 bytes of header, then 30-bit digits (at least one: 3.11
        // allocates a digit even for zero).
        let bits = match &i.value {
            int::IntVal::Small(v) => 64 - v.unsigned_abs().leading_zeros() as usize,
            int::IntVal::Big(b) => dashu_int::ops::BitTest::bit_len(
                &dashu_int::ops::UnsignedAbs::unsigned_abs((**b).clone()),
            ),
        };
        return 24 + 4 * bits.div_ceil(30).max(1);
    }
    if o.downcast_ref::<float::PyFloat>().is_some() {
        return 24;
    }
    if let Some(s) = o.downcast_ref::<str::PyStr>() {
        let n = s.char_len();
        // 3.11's PyASCIIObject is 48 bytes, PyCompactUnicodeObject 72.
        return if s.is_ascii() {
            48 + n + 1
        } else {
            match s.kind() {
                1 => 72 + n + 1,
                2 => 72 + 2 * (n + 1),
                _ => 72 + 4 * (n + 1),
            }
        };
    }
    if let Some(b) = o.downcast_ref::<bytes::PyBytes>() {
        return 33 + b.data.len();
    }
    if let Some(t) = o.downcast_ref::<tuple::PyTuple>() {
        return 24 + 8 * t.len();
    }
    if let Some(l) = o.downcast_ref::<list::PyList>() {
        return 40 + 8 * l.items.borrow().capacity();
    }
    if o.downcast_ref::<dict::PyDict>().is_some() {
        return 48;
    }
    if let Some(st) = o.downcast_ref::<set::PySet>() {
        let n = st.table.try_borrow().map(|t| t.slots.len()).unwrap_or(8);
        return 200 + if n > 8 { 16 * n } else { 0 };
    }
    if o.downcast_ref::<object::PyInstance>().is_some() {
        let flags = o.type_core().flags();
        let weak = if flags.has(TypeFlags::HAS_WEAKLIST) {
            8
        } else {
            0
        };
        let slots = crate::types::typeobj::class_of(o)
            .ext
            .slot_names
            .borrow()
            .len();
        return 16 + weak + 8 * slots;
    }
    if o.downcast_ref::<complex::PyComplex>().is_some() {
        return 32;
    }
    // Header-only objects (None, NotImplemented, ...).
    16
}

fn sys_exit(vm: &Vm, args: Args) -> PyResult {
    let [code] = args.range::<1>(vm, "exit", 0)?;
    let args = match code {
        Some(c) => vec![c.clone()],
        None => vec![],
    };
    Err(vm.new_exception(&vm.exc.SystemExit, args))
}

fn sys_getrecursionlimit(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "getrecursionlimit")?;
    Ok(vm.new_int(vm.recursion_limit.get() as i64))
}

fn sys_setrecursionlimit(vm: &Vm, args: Args) -> PyResult {
    let [n] = args.exact::<1>(vm, "setrecursionlimit")?;
    let i = vm.index(n)?;
    let v = match crate::types::int::as_i64(&i) {
        Some(v) if (i32::MIN as i64..=i32::MAX as i64).contains(&v) => v,
        _ => return Err(vm.new_overflow_error("Python int too large to convert to C int")),
    };
    if v < 1 {
        return Err(vm.new_value_error("recursion limit must be greater or equal than 1"));
    }
    if (v as usize) <= vm.depth.get() {
        return Err(vm.new_recursion_error(format!(
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            v,
            vm.depth.get()
        )));
    }
    vm.recursion_limit.set(v as usize);
    Ok(vm.none.clone())
}

fn sys_getrefcount(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "getrefcount")?;
    // CPython's count includes the argument reference; ours includes the
    // caller's argument vector entry the same way.
    Ok(vm.new_int(o.refcount() as i64))
}

/// Bytes CPython 3.11 puts before the object header: the GC links, and
/// the "managed dict" pair of heap types whose instances have a `__dict__`
/// (`_PyType_PreHeaderSize`).
fn pre_header_size(o: &PyObjectRef) -> i64 {
    let flags = o.type_core().flags();
    let gc = if flags.has(TypeFlags::HAS_GC) { 16 } else { 0 };
    let managed = if flags.has(TypeFlags::HEAPTYPE) && flags.has(TypeFlags::HAS_DICT) {
        16
    } else {
        0
    };
    gc + managed
}

fn sys_getsizeof(vm: &Vm, args: Args) -> PyResult {
    let [o, default] = args.bind(vm, "getsizeof", ["object", "default"], 1, 0, 2)?;
    let o = o.expect("required");
    let r = match vm.call_special(o, &vm.intern("__sizeof__"), &[]) {
        Ok(Some(r)) => r,
        Ok(None) => return Ok(vm.new_int(basic_size(vm, o) as i64 + pre_header_size(o))),
        Err(e) => {
            return match default {
                Some(d) => Ok(d.clone()),
                None => Err(e),
            }
        }
    };
    let n = match crate::types::int::as_i64(&r) {
        Some(n) => n,
        None => {
            if r.downcast_ref::<crate::types::int::PyInt>().is_some() {
                return Err(vm.new_overflow_error("Python int too large to convert to C ssize_t"));
            }
            return Err(vm.new_type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&r)
            )));
        }
    };
    if n < 0 {
        return Err(vm.new_value_error("__sizeof__() should return >= 0"));
    }
    Ok(vm.new_int(n + pre_header_size(o)))
}

/// `sys._debugmallocstats()`: the pool allocator's size-class table and
/// arena totals, on stderr, as CPython prints them.
fn sys_debugmallocstats(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "_debugmallocstats")?;
    flush_std_streams(vm);
    eprint!("{}", pyrite_core::alloc::debug_malloc_stats());
    Ok(vm.none.clone())
}

fn sys_intern(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "intern")?;
    if s.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(s)
        )));
    }
    Ok(vm.intern_obj(s))
}

fn sys_exc_info(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "exc_info")?;
    let e = vm.handled_exc.borrow().clone();
    Ok(match e {
        Some(e) => {
            let tb = e
                .downcast_ref::<crate::types::exceptions::PyBaseException>()
                .and_then(|x| x.traceback.borrow().clone())
                .unwrap_or_else(|| vm.none.clone());
            vm.new_tuple(vec![e.class().clone(), e, tb])
        }
        None => vm.new_tuple(vec![vm.none.clone(), vm.none.clone(), vm.none.clone()]),
    })
}

fn sys_exception(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "exception")?;
    Ok(vm
        .handled_exc
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none.clone()))
}

fn sys_displayhook(vm: &Vm, args: Args) -> PyResult {
    let [v] = args.exact::<1>(vm, "displayhook")?;
    if v.is(&vm.none) {
        return Ok(vm.none.clone());
    }
    let b = vm.builtins_module.borrow().clone();
    if let Some(b) = b {
        vm.set_attr_str(&b, "_", vm.none.clone())?;
    }
    let out = vm.sys_attr("stdout")?;
    let text = format!("{}\n", vm.repr(v)?.as_str());
    vm.write_to(&out, &text)?;
    if let Some(b) = vm.builtins_module.borrow().clone() {
        vm.set_attr_str(&b, "_", v.clone())?;
    }
    Ok(vm.none.clone())
}

fn sys_excepthook(vm: &Vm, args: Args) -> PyResult {
    let [_t, v, _tb] = args.exact::<3>(vm, "excepthook")?;
    if let Ok(e) = v
        .clone()
        .downcast::<crate::types::exceptions::PyBaseException>()
    {
        crate::eval::traceback::print_exception(vm, &e);
    }
    Ok(vm.none.clone())
}

fn sys_getframe(vm: &Vm, args: Args) -> PyResult {
    let [depth] = args.range::<1>(vm, "_getframe", 0)?;
    let d = depth.and_then(crate::types::int::as_i64).unwrap_or(0);
    let mut stack = vm.frame_stack.borrow_mut();
    let n = stack.len() as i64;
    if d < 0 || d >= n {
        return Err(vm.new_value_error("call stack is not deep enough"));
    }
    // Build the chain of frame objects up to the requested one, so that
    // `f_back` walks the real call stack. An activation keeps the frame
    // object made for it (one identity per frame, as in CPython; the frame
    // takes it back when it ends, see `eval/loop.rs` `pop_frame_info`).
    let target = (n - 1 - d) as usize;
    let mut back: Option<PyObjectRef> = None;
    for i in 0..=target {
        if let Some(fo) = stack[i].frame_obj.clone() {
            back = Some(fo);
            continue;
        }
        let fi = &stack[i];
        let lasti = vm.stack_entry_lasti(&stack, i);
        let lineno = crate::eval::frame::code_line(&fi.code, lasti);
        let f = vm.alloc(
            crate::eval::frame::PyFrameObject {
                code: fi.code.clone(),
                globals: fi.globals.clone(),
                builtins: fi.builtins.clone(),
                locals: None.into(),
                lineno: lineno.into(),
                lasti: ((lasti * 2) as u32).into(),
                back: back.take().into(),
                live: (i, fi.serial),
            },
            &vm.types.frame,
        );
        stack[i].frame_obj = Some(f.clone());
        back = Some(f);
    }
    back.ok_or_else(|| vm.new_value_error("call stack is not deep enough"))
}

fn sys_fs_encoding(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_str("utf-8"))
}

fn sys_fs_errors(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_str("surrogateescape"))
}

fn sys_audit(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.none.clone())
}

/// Create the `sys` module.
pub fn init(vm: &Vm) -> PyResult<()> {
    let m = vm.new_module("sys", Some("This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter."));
    let d = vm.module_dict(&m).expect("module");
    let streams = crate::modules::_io::std_streams(vm)?;
    for (name, s) in ["stdin", "stdout", "stderr"].into_iter().zip(streams) {
        vm.dict_set_str(d, name, s.clone());
        vm.dict_set_str(d, &format!("__{name}__"), s);
    }
    let sm = "sys";
    vm.add_function(d, sm, "exit", sys_exit);
    vm.add_function(d, sm, "getrecursionlimit", sys_getrecursionlimit);
    vm.add_function(d, sm, "setrecursionlimit", sys_setrecursionlimit);
    vm.add_function(d, sm, "getrefcount", sys_getrefcount);
    vm.add_function(d, sm, "getsizeof", sys_getsizeof);
    vm.add_function(d, sm, "_debugmallocstats", sys_debugmallocstats);
    vm.add_function(d, sm, "intern", sys_intern);
    vm.add_function(d, sm, "exc_info", sys_exc_info);
    vm.add_function(d, sm, "exception", sys_exception);
    vm.add_function(d, sm, "displayhook", sys_displayhook);
    vm.add_function(d, sm, "excepthook", sys_excepthook);
    vm.add_function(d, sm, "_getframe", sys_getframe);
    if let Some(f) = d.get_by_str("displayhook") {
        vm.dict_set_str(d, "__displayhook__", f);
    }
    if let Some(f) = d.get_by_str("excepthook") {
        vm.dict_set_str(d, "__excepthook__", f);
    }
    vm.dict_set_str(d, "modules", vm.modules.as_object().clone());
    let argv: Vec<PyObjectRef> = vm
        .argv
        .borrow()
        .iter()
        // Undecodable bytes arrive as surrogateescape stand-ins.
        .map(|a| vm.new_str_marked(a.as_str(), true))
        .collect();
    vm.dict_set_str(d, "argv", vm.new_list(argv));
    let path: Vec<PyObjectRef> = vm
        .initial_path
        .borrow()
        .iter()
        .map(|a| vm.new_str(a.as_str()))
        .collect();
    vm.dict_set_str(d, "path", vm.new_list(path));
    vm.dict_set_str(d, "maxsize", vm.new_int(i64::MAX));
    vm.dict_set_str(d, "maxunicode", vm.new_int(0x10FFFF));
    vm.dict_set_str(d, "byteorder", vm.new_str("little"));
    vm.dict_set_str(d, "platform", vm.new_str("linux"));
    vm.dict_set_str(d, "version", vm.new_str("3.11.7 (Pyrite 0.1.0)"));
    vm.dict_set_str(d, "hexversion", vm.new_int(0x030B07F0));
    vm.dict_set_str(d, "api_version", vm.new_int(1013));
    vm.dict_set_str(
        d,
        "copyright",
        vm.new_str("Copyright (c) Pyrite contributors."),
    );
    vm.dict_set_str(
        d,
        "dont_write_bytecode",
        vm.new_bool(!vm.write_bytecode.get()),
    );
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    vm.dict_set_str(d, "executable", vm.new_str(exe.as_str()));
    vm.dict_set_str(d, "prefix", vm.new_str("/usr/local"));
    vm.dict_set_str(d, "base_prefix", vm.new_str("/usr/local"));
    vm.dict_set_str(d, "exec_prefix", vm.new_str("/usr/local"));
    vm.dict_set_str(d, "base_exec_prefix", vm.new_str("/usr/local"));
    // No ABI flags: Pyrite has one build configuration (as CPython's default).
    vm.dict_set_str(d, "abiflags", vm.new_str(""));
    vm.dict_set_str(d, "platlibdir", vm.new_str("lib"));
    vm.dict_set_str(d, "pycache_prefix", vm.none.clone());
    vm.dict_set_str(d, "builtin_module_names", vm.new_tuple(Vec::new()));
    vm.dict_set_str(d, "meta_path", vm.new_list(Vec::new()));
    vm.dict_set_str(d, "path_hooks", vm.new_list(Vec::new()));
    vm.dict_set_str(d, "path_importer_cache", vm.new_dict().into_object());
    vm.dict_set_str(d, "warnoptions", vm.new_list(Vec::new()));
    vm.dict_set_str(d, "_xoptions", vm.new_dict().into_object());
    vm.dict_set_str(d, "orig_argv", vm.new_list(Vec::new()));
    vm.add_function(d, sm, "getfilesystemencoding", sys_fs_encoding);
    vm.add_function(d, sm, "getdefaultencoding", sys_fs_encoding);
    vm.add_function(d, sm, "getfilesystemencodeerrors", sys_fs_errors);
    vm.add_function(d, sm, "audit", sys_audit);
    vm.add_function(
        d,
        sm,
        "_pyrite_import_stats",
        crate::import_cache::sys_import_stats,
    );
    let (vi, imp) = crate::types::runtime_methods::sys_values(vm);
    vm.dict_set_str(d, "version_info", vi);
    vm.dict_set_str(d, "implementation", imp);
    if d.get_by_str("flags").is_none() {
        vm.dict_set_str(d, "flags", super::sys_flags::make(vm));
    }
    vm.add_function(
        d,
        sm,
        "get_int_max_str_digits",
        crate::types::int_methods::sys_get_int_max_str_digits,
    );
    vm.add_function(
        d,
        sm,
        "set_int_max_str_digits",
        crate::types::int_methods::sys_set_int_max_str_digits,
    );
    vm.modules.set_item(vm, vm.new_str("sys"), m.clone())?;
    *vm.sys_module.borrow_mut() = Some(m);
    Ok(())
}
