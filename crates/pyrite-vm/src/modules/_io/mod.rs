//! `_io`: Pyrite's native implementation of CPython 3.11's `Modules/_io`
//! (the C half of `io`; CPython's own `Lib/io.py` is imported on top of it
//! and adds the ABCs). One file per concept: the `_IOBase` family and its
//! default methods (`iobase.rs`), raw files (`fileio.rs`), in-memory
//! streams (`bytesio.rs`, `stringio.rs`), buffering (`buffered.rs`), text
//! decoding/encoding (`textio.rs`, `newline.rs`) and `open()` (`open.rs`).
//!
//! Every `_io` object shares one payload, [`PyIo`]: CPython lets a class
//! inherit several of these types' layouts through Python subclasses and
//! lets `_IOBase` methods run on any of them, which a single payload with a
//! per-kind state gives for free.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pyrite_core::object::header::TypeFlags;

use crate::args::Args;
use crate::modules::type_cache::{native_type, DICT, GC, WEAK};
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::memoryview::PyMemoryView;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

pub mod buffered;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod newline;
pub mod open;
pub mod stringio;
pub mod textio;

/// CPython's `DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The state of one kind of stream; `None` until `__init__` (or for plain
/// `_IOBase` subclasses written in Python).
#[derive(Clone)]
pub enum Kind {
    None,
    File(Rc<fileio::FileState>),
    Bytes(Rc<bytesio::BytesState>),
    Buffered(Rc<buffered::BufState>),
    Pair(Rc<buffered::PairState>),
    Text(Rc<textio::TextState>),
    Str(Rc<stringio::StrState>),
    NlDecoder(Rc<newline::NlDecoderState>),
}

/// The payload of every `_io` object.
pub struct PyIo {
    /// `_IOBase`'s own closed flag (CPython's `__IOBase_closed`).
    pub base_closed: Cell<bool>,
    pub kind: RefCell<Kind>,
}

impl PyIo {
    pub fn new(kind: Kind) -> PyIo {
        PyIo {
            base_closed: Cell::new(false),
            kind: RefCell::new(kind),
        }
    }

    /// The current state (cloned out so no borrow is held across calls
    /// into Python code).
    pub fn kind(&self) -> Kind {
        self.kind
            .try_borrow()
            .map(|k| k.clone())
            .unwrap_or(Kind::None)
    }

    pub fn set_kind(&self, vm: &Vm, k: Kind) -> PyResult<()> {
        let mut slot = self
            .kind
            .try_borrow_mut()
            .map_err(|_| vm.new_runtime_error("reentrant call inside stream initialisation"))?;
        let old = std::mem::replace(&mut *slot, k);
        drop(slot);
        drop(old);
        Ok(())
    }
}

impl Payload for PyIo {
    pyrite_core::unique_vtable!(PyIo);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(k) = self.kind.try_borrow() {
            match &*k {
                Kind::Buffered(b) => b.traverse(visit),
                Kind::Pair(p) => p.traverse(visit),
                Kind::Text(t) => t.traverse(visit),
                Kind::NlDecoder(d) => d.traverse(visit),
                Kind::Bytes(b) => b.traverse(visit),
                _ => {}
            }
        }
    }

    fn clear(&self) {
        let old = self
            .kind
            .try_borrow_mut()
            .map(|mut k| std::mem::replace(&mut *k, Kind::None));
        drop(old);
    }
}

/// The `PyIo` of `o`, or a TypeError naming the expected type.
pub fn io_of<'a>(vm: &Vm, o: &'a PyObjectRef, tname: &str) -> PyResult<&'a PyIo> {
    o.downcast_ref::<PyIo>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a '_io.{tname}' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

/// The first positional argument (`self`).
pub fn self_arg<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a PyObjectRef> {
    args.pos()
        .first()
        .ok_or_else(|| vm.new_type_error("method needs a self argument"))
}

// ----- the types -------------------------------------------------------------

fn no_init(_: &Vm, _: &PyTypeRef) {}

fn io_type(vm: &Vm, name: &'static str, base: Option<&PyTypeRef>) -> PyTypeRef {
    let t = native_type::<PyIo>(vm, "_io", name, base, GC | DICT | WEAK, no_init);
    // `_IOBase.__del__` closes the stream when it is collected.
    t.core.set_flag(TypeFlags::HAS_FINALIZER, true);
    t
}

pub fn iobase_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "_IOBase", None)
}
pub fn rawiobase_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "_RawIOBase", Some(&iobase_type(vm)))
}
pub fn bufferediobase_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "_BufferedIOBase", Some(&iobase_type(vm)))
}
pub fn textiobase_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "_TextIOBase", Some(&iobase_type(vm)))
}
pub fn fileio_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "FileIO", Some(&rawiobase_type(vm)))
}
pub fn bytesio_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "BytesIO", Some(&bufferediobase_type(vm)))
}
pub fn buffered_reader_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "BufferedReader", Some(&bufferediobase_type(vm)))
}
pub fn buffered_writer_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "BufferedWriter", Some(&bufferediobase_type(vm)))
}
pub fn buffered_random_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "BufferedRandom", Some(&bufferediobase_type(vm)))
}
pub fn buffered_rwpair_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "BufferedRWPair", Some(&bufferediobase_type(vm)))
}
pub fn textiowrapper_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "TextIOWrapper", Some(&textiobase_type(vm)))
}
pub fn stringio_type(vm: &Vm) -> PyTypeRef {
    io_type(vm, "StringIO", Some(&textiobase_type(vm)))
}
pub fn nldecoder_type(vm: &Vm) -> PyTypeRef {
    let t = native_type::<PyIo>(
        vm,
        "_io",
        "IncrementalNewlineDecoder",
        None,
        GC | WEAK,
        no_init,
    );
    t
}

// ----- shared helpers -------------------------------------------------------

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &Vm, msg: &str) -> crate::PyBaseExceptionRef {
    // The standard streams exist before `_io` is imported.
    let module = vm
        .modules
        .get_by_str("_io")
        .or_else(|| vm.import_absolute("_io").ok());
    let cls = module.and_then(|m| {
        vm.module_dict(&m)
            .and_then(|d| d.get_by_str("UnsupportedOperation"))
    });
    match cls
        .and_then(|c| vm.call(&c, &[vm.new_str(msg)]).ok())
        .and_then(|e| e.downcast().ok())
    {
        Some(e) => e,
        None => vm.new_os_error(msg),
    }
}

/// ValueError("I/O operation on closed file.").
pub fn closed_error(vm: &Vm) -> crate::PyBaseExceptionRef {
    vm.new_value_error("I/O operation on closed file.")
}

/// An optional size argument: None or negative mean "all" (`None`).
pub fn size_arg(vm: &Vm, a: Option<&PyObjectRef>) -> PyResult<Option<usize>> {
    match a {
        None => Ok(None),
        Some(a) if a.is(&vm.none) => Ok(None),
        Some(a) => {
            let n = index_arg(vm, a)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

/// An integer argument, with CPython's message for other types.
pub fn index_arg(vm: &Vm, a: &PyObjectRef) -> PyResult<isize> {
    if a.downcast_ref::<crate::types::int::PyInt>().is_none()
        && vm.get_attr_str(a, "__index__").is_err()
    {
        return Err(vm.new_type_error(format!(
            "argument should be integer or None, not '{}'",
            vm.type_name(a)
        )));
    }
    vm.index_isize(a)
}

/// The bytes of a bytes-like argument.
pub fn bytes_arg(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    crate::types::memoryview::bytes_like(o).ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(o)
        ))
    })
}

/// `len()` of a writable buffer (bytearray or writable memoryview).
pub fn writable_len(vm: &Vm, b: &PyObjectRef, fname: &str) -> PyResult<usize> {
    if let Some(ba) = b.downcast_ref::<PyByteArray>() {
        return Ok(ba.data.borrow().len());
    }
    if let Some(m) = b.downcast_ref::<PyMemoryView>() {
        if !m.readonly {
            if m.obj.borrow().is_none() {
                return Err(vm.new_value_error("operation forbidden on released memoryview object"));
            }
            return Ok(m.len * m.itemsize);
        }
    }
    Err(vm.new_type_error(format!(
        "{fname}() argument must be read-write bytes-like object, not {}",
        vm.type_name(b)
    )))
}

/// Copy `data` into the start of a writable buffer.
pub fn fill_buffer(vm: &Vm, b: &PyObjectRef, data: &[u8]) -> PyResult<()> {
    if let Some(ba) = b.downcast_ref::<PyByteArray>() {
        let mut d = ba.data.borrow_mut();
        let n = data.len().min(d.len());
        d[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    if let Some(m) = b.downcast_ref::<PyMemoryView>() {
        let obj = m.obj.borrow().clone();
        if let Some(ba) = obj.as_ref().and_then(|o| o.downcast_ref::<PyByteArray>()) {
            let mut d = ba.data.borrow_mut();
            for (k, byte) in data.iter().enumerate().take(m.len * m.itemsize) {
                let item = k / m.itemsize;
                let p = (m.start as isize + item as isize * m.step) as usize + k % m.itemsize;
                if let Some(slot) = d.get_mut(p) {
                    *slot = *byte;
                }
            }
            return Ok(());
        }
    }
    Err(vm.new_type_error("readinto() argument must be read-write bytes-like object"))
}

pub fn new_bytes(vm: &Vm, d: Vec<u8>) -> PyObjectRef {
    crate::types::bytes_methods::new_bytes(vm, d)
}

pub fn as_bytes(o: &PyObjectRef) -> Option<&[u8]> {
    o.downcast_ref::<PyBytes>().map(|b| &b.data[..])
}

/// `bool(obj.<name>)`.
pub fn attr_true(vm: &Vm, o: &PyObjectRef, name: &str) -> PyResult<bool> {
    let v = vm.get_attr_str(o, name)?;
    vm.is_true(&v)
}

/// `obj.<name>()`.
pub fn call0(vm: &Vm, o: &PyObjectRef, name: &str) -> PyResult {
    vm.call_method(o, name, &[])
}

/// The type name as CPython's `Py_TYPE(self)->tp_name` gives it: dotted
/// for builtin types, bare for classes.
pub fn tp_name(vm: &Vm, o: &PyObjectRef) -> String {
    vm.type_name(o).to_string()
}

fn text_encoding(vm: &Vm, args: Args) -> PyResult {
    let [enc, _level] = args.bind(vm, "text_encoding", ["encoding", "stacklevel"], 1, 2, 2)?;
    let enc = enc.expect("required");
    if enc.is(&vm.none) {
        return Ok(vm.new_str("locale"));
    }
    Ok(enc.clone())
}

/// A writable stream whose pending output must reach its file at exit
/// even if the object is never closed (CPython finalizes it during
/// shutdown).
enum Writer {
    Text(std::rc::Weak<textio::TextState>),
    Buf(std::rc::Weak<buffered::BufState>),
}

thread_local! {
    static WRITERS: RefCell<Vec<Writer>> = const { RefCell::new(Vec::new()) };
}

fn register_writer(w: Writer) {
    WRITERS.with(|ws| {
        let mut ws = ws.borrow_mut();
        if ws.len() >= 64 && ws.len().is_power_of_two() {
            ws.retain(|w| match w {
                Writer::Text(t) => t.strong_count() > 0,
                Writer::Buf(b) => b.strong_count() > 0,
            });
        }
        ws.push(w);
    });
}

pub fn register_text_writer(t: &Rc<textio::TextState>) {
    register_writer(Writer::Text(Rc::downgrade(t)));
}

pub fn register_buffered_writer(b: &Rc<buffered::BufState>) {
    register_writer(Writer::Buf(Rc::downgrade(b)));
}

/// Write out what every live text and buffered stream still holds
/// (text layers first, then the buffers below them). Errors are ignored,
/// as in CPython's shutdown.
pub fn flush_all_at_exit(vm: &Vm) {
    let ws = WRITERS.with(|ws| std::mem::take(&mut *ws.borrow_mut()));
    for w in &ws {
        if let Writer::Text(t) = w {
            if let Some(t) = t.upgrade() {
                let _ = t.write_flush(vm);
            }
        }
    }
    for w in &ws {
        if let Writer::Buf(b) = w {
            if let Some(b) = b.upgrade() {
                if b.raw.borrow().is_some() {
                    let _ = b.flush_writes(vm);
                }
            }
        }
    }
}

/// Give every `_io` type its methods (once).
fn init_all_types(vm: &Vm) {
    iobase::init_types(vm);
    fileio::init_type(vm);
    bytesio::init_type(vm);
    buffered::init_types(vm);
    textio::init_type(vm);
    stringio::init_type(vm);
    newline::init_type(vm);
}

/// The error handler of stdin/stdout: CPython uses surrogateescape in the
/// C and POSIX locales and in the UTF-8 locales it coerces them to
/// (`config_get_stdio_errors`), strict otherwise. The locale is read from
/// the environment as `setlocale(LC_CTYPE, "")` would.
fn stdio_errors() -> &'static str {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let loc = var("LC_ALL")
        .or_else(|| var("LC_CTYPE"))
        .or_else(|| var("LANG"))
        .unwrap_or_else(|| "C".into());
    match loc.as_str() {
        "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8" => "surrogateescape",
        _ => "strict",
    }
}

/// `sys.stdin`, `sys.stdout` and `sys.stderr` as CPython creates them: a
/// TextIOWrapper over a buffered `FileIO` of descriptors 0, 1 and 2
/// (UTF-8; stdout line-buffered only on a terminal, stderr always; `-u`
/// writes through to an unbuffered descriptor).
pub fn std_streams(vm: &Vm) -> PyResult<Vec<PyObjectRef>> {
    use std::io::IsTerminal;
    init_all_types(vm);
    let unbuffered = vm.flags.borrow().unbuffered;
    let mut out = Vec::new();
    for (fd, name, write) in [
        (0, "<stdin>", false),
        (1, "<stdout>", true),
        (2, "<stderr>", true),
    ] {
        let raw = vm.call_kw(
            fileio_type(vm).as_object(),
            &[
                vm.new_int(fd),
                vm.new_str(if write { "wb" } else { "rb" }),
                vm.false_.clone(),
            ],
            &[vm.new_str("closefd")],
        )?;
        vm.set_attr_str(&raw, "name", vm.new_str(name))?;
        let tty = match fd {
            0 => std::io::stdin().is_terminal(),
            1 => std::io::stdout().is_terminal(),
            _ => std::io::stderr().is_terminal(),
        };
        let buffer = if write && unbuffered {
            raw
        } else {
            let cls = if write {
                buffered_writer_type(vm)
            } else {
                buffered_reader_type(vm)
            };
            vm.call(cls.as_object(), &[raw])?
        };
        let text = vm.call(
            textiowrapper_type(vm).as_object(),
            &[
                buffer,
                vm.new_str("utf-8"),
                vm.new_str(if fd == 2 {
                    "backslashreplace"
                } else {
                    stdio_errors()
                }),
                vm.new_str("\n"),
                vm.new_bool(!unbuffered && (tty || fd == 2)),
                vm.new_bool(write && unbuffered),
            ],
        )?;
        vm.set_attr_str(&text, "mode", vm.new_str(if write { "w" } else { "r" }))?;
        out.push(text);
    }
    Ok(out)
}

/// Build the `_io` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "_io",
        Some("The io module provides the Python interfaces to stream handling."),
    );
    let d = vm.module_dict(&m).expect("module");
    init_all_types(vm);
    let types = [
        iobase_type(vm),
        rawiobase_type(vm),
        bufferediobase_type(vm),
        textiobase_type(vm),
        fileio_type(vm),
        bytesio_type(vm),
        stringio_type(vm),
        buffered_reader_type(vm),
        buffered_writer_type(vm),
        buffered_random_type(vm),
        buffered_rwpair_type(vm),
        textiowrapper_type(vm),
        nldecoder_type(vm),
    ];
    for t in types {
        let name = t.ext.name.borrow().to_string();
        vm.dict_set_str(d, &name, t.as_object().clone());
    }
    vm.add_function(d, "_io", "open", open::io_open);
    vm.add_function(d, "_io", "open_code", open::io_open_code);
    vm.add_function(d, "_io", "text_encoding", text_encoding);
    // `builtins.open` is `io.open` itself, as in CPython (until then it
    // is a forwarder that imports this module).
    if let Some(f) = d.get_by_str("open") {
        let is_forwarder = vm
            .builtins
            .get_by_str("open")
            .and_then(|o| {
                o.downcast_ref::<crate::types::function::PyNativeFunction>()
                    .map(|nf| nf.module == Some("builtins"))
            })
            .unwrap_or(false);
        if is_forwarder {
            vm.dict_set_str(&vm.builtins, "open", f);
        }
    }
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
    vm.dict_set_str(
        d,
        "BlockingIOError",
        vm.exc.BlockingIOError.as_object().clone(),
    );
    vm.dict_set_str(
        d,
        "DEFAULT_BUFFER_SIZE",
        vm.new_int(DEFAULT_BUFFER_SIZE as i64),
    );
    Ok(m)
}
