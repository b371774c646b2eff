//! The interpreter state: builtin types, singletons, interned strings,
//! `sys.modules`, the handled-exception state and recursion accounting, and
//! the constructors every other file uses to make objects and errors.
//! Mirrors CPython 3.11 `Include/internal/pycore_interp.h` and `pystate.h`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use dashu_int::IBig;

use crate::types::dict::{PyDict, PyDictRef};
use crate::types::exceptions::{PyBaseException, PyBaseExceptionRef};
use crate::types::exceptions_hierarchy::ExceptionTypes;
use crate::types::float::PyFloat;
use crate::types::int::{IntVal, PyInt};
use crate::types::list::PyList;
use crate::types::none::{PyEllipsis, PyNone, PyNotImplemented};
use crate::types::registry::BuiltinTypes;
use crate::types::str::{PyStr, PyStrRef};
use crate::types::tuple::PyTuple;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyRef};

/// Range of the small-int cache, as in CPython: [-5, 256].
pub const SMALL_INT_MIN: i64 = -5;
pub const SMALL_INT_MAX: i64 = 256;

/// Well-known interned names, looked up often.
pub struct Names {
    pub __init__: PyObjectRef,
    pub __new__: PyObjectRef,
    pub __name__: PyObjectRef,
    pub __qualname__: PyObjectRef,
    pub __module__: PyObjectRef,
    pub __doc__: PyObjectRef,
    pub __dict__: PyObjectRef,
    pub __class__: PyObjectRef,
    pub __call__: PyObjectRef,
    pub __repr__: PyObjectRef,
    pub __str__: PyObjectRef,
    pub __hash__: PyObjectRef,
    pub __eq__: PyObjectRef,
    pub __ne__: PyObjectRef,
    pub __lt__: PyObjectRef,
    pub __le__: PyObjectRef,
    pub __gt__: PyObjectRef,
    pub __ge__: PyObjectRef,
    pub __bool__: PyObjectRef,
    pub __len__: PyObjectRef,
    pub __iter__: PyObjectRef,
    pub __next__: PyObjectRef,
    pub __getitem__: PyObjectRef,
    pub __setitem__: PyObjectRef,
    pub __delitem__: PyObjectRef,
    pub __contains__: PyObjectRef,
    pub __get__: PyObjectRef,
    pub __set__: PyObjectRef,
    pub __delete__: PyObjectRef,
    pub __getattr__: PyObjectRef,
    pub __getattribute__: PyObjectRef,
    pub __setattr__: PyObjectRef,
    pub __delattr__: PyObjectRef,
    pub __enter__: PyObjectRef,
    pub __exit__: PyObjectRef,
    pub __del__: PyObjectRef,
    pub __index__: PyObjectRef,
    pub __int__: PyObjectRef,
    pub __float__: PyObjectRef,
    pub __format__: PyObjectRef,
    pub __builtins__: PyObjectRef,
    pub __build_class__: PyObjectRef,
    pub __prepare__: PyObjectRef,
    pub __mro_entries__: PyObjectRef,
    pub __init_subclass__: PyObjectRef,
    pub __set_name__: PyObjectRef,
    pub __classcell__: PyObjectRef,
    pub __slots__: PyObjectRef,
    pub __weakref__: PyObjectRef,
    pub __annotations__: PyObjectRef,
    pub __file__: PyObjectRef,
    pub __path__: PyObjectRef,
    pub __package__: PyObjectRef,
    pub __spec__: PyObjectRef,
    pub __loader__: PyObjectRef,
    pub __all__: PyObjectRef,
    pub __instancecheck__: PyObjectRef,
    pub __subclasscheck__: PyObjectRef,
    pub __reversed__: PyObjectRef,
    pub __missing__: PyObjectRef,
    pub __length_hint__: PyObjectRef,
    pub __await__: PyObjectRef,
    pub __aiter__: PyObjectRef,
    pub __anext__: PyObjectRef,
    pub __aenter__: PyObjectRef,
    pub __aexit__: PyObjectRef,
    pub __match_args__: PyObjectRef,
    pub __abstractmethods__: PyObjectRef,
    pub __orig_bases__: PyObjectRef,
    pub send: PyObjectRef,
    pub throw: PyObjectRef,
    pub close: PyObjectRef,
    pub keys: PyObjectRef,
    pub items: PyObjectRef,
    pub mro: PyObjectRef,
    pub builtins: PyObjectRef,
    /// `sys.stdout`'s name, looked up by every `print()`.
    pub stdout: PyObjectRef,
}

/// The interpreter.
pub struct Vm {
    pub types: BuiltinTypes,
    pub exc: ExceptionTypes,
    pub none: PyObjectRef,
    pub true_: PyObjectRef,
    pub false_: PyObjectRef,
    pub not_implemented: PyObjectRef,
    pub ellipsis: PyObjectRef,
    pub empty_tuple: PyObjectRef,
    pub empty_str: PyObjectRef,
    small_ints: Vec<PyObjectRef>,
    /// One-character strings for code points < 256 (CPython caches Latin-1).
    latin1: Vec<PyObjectRef>,
    interned: RefCell<HashMap<Rc<str>, PyObjectRef, crate::strhash::StrHashBuilder>>,
    pub names: Names,
    /// Interned `(__op__, __rop__, __iop__)` names of the `BINARY_OP`
    /// operators, in `protocol::number::BINOPS` order.
    pub binop_names: Vec<[PyObjectRef; 3]>,
    /// `sys.modules`.
    pub modules: PyDictRef,
    /// The `builtins` module's dict.
    pub builtins: PyDictRef,
    /// The `builtins` module.
    pub builtins_module: RefCell<Option<PyObjectRef>>,
    /// The `sys` module.
    pub sys_module: RefCell<Option<PyObjectRef>>,
    /// The exception currently being handled (`sys.exc_info()`), per
    /// `PUSH_EXC_INFO`/`POP_EXCEPT`.
    pub handled_exc: RefCell<Option<PyObjectRef>>,
    /// Python call depth, checked against `recursion_limit`.
    pub depth: Cell<usize>,
    pub recursion_limit: Cell<usize>,
    /// Address of a local in the interpreter's outermost native frame, for
    /// the native stack guard.
    pub stack_base: Cell<usize>,
    /// Native stack size available to the interpreter thread, in bytes.
    pub stack_size: Cell<usize>,
    /// Frame objects of the frames currently executing, innermost last
    /// (materialised lazily; `None` until someone asks).
    pub frame_stack: RefCell<Vec<FrameInfo>>,
    /// The instruction the innermost Python frame is executing (written by
    /// the eval loop at every dispatch), so native code can report the
    /// current line (`sys._getframe().f_lineno`, warnings, logging).
    pub top_lasti: Cell<usize>,
    /// Source of `FrameInfo::serial`.
    pub frame_serial: Cell<u64>,
    /// Finished frames kept for reuse, so that a call costs no `malloc`
    /// (see `eval/frame.rs`).
    pub frame_pool: RefCell<Vec<Box<crate::eval::frame::Frame>>>,
    /// The code object pooled frames point at while unused.
    pub placeholder_code: std::cell::OnceCell<crate::types::code::PyCodeRef>,
    /// `_make_structseq` from `modules/structseq.rs`, compiled once.
    pub structseq_maker: RefCell<Option<PyObjectRef>>,
    /// Program arguments (`sys.argv`).
    pub argv: RefCell<Vec<String>>,
    /// Module search path (`sys.path`) before `sys` exists.
    pub initial_path: RefCell<Vec<String>>,
    /// Built-in module initialisers by import name.
    pub builtin_modules: RefCell<HashMap<&'static str, fn(&Vm) -> crate::PyResult<PyObjectRef>>>,
    /// Whether to write `.pyc` caches (`sys.dont_write_bytecode` negated).
    pub write_bytecode: Cell<bool>,
    /// Interactive-mode / debugging switches (`-X` options).
    pub flags: RefCell<VmFlags>,
    /// The current `contextvars.Context` (created on first use; see
    /// `modules/_contextvars.rs`).
    pub context: RefCell<Option<PyObjectRef>>,
}

/// What a running frame exposes to `sys._getframe` and tracebacks.
pub struct FrameInfo {
    pub code: PyObjectRef,
    pub globals: PyObjectRef,
    pub builtins: PyObjectRef,
    pub frame_obj: Option<PyObjectRef>,
    /// The locals mapping of a module or class body; for a function frame,
    /// the latest `locals()` snapshot (see `modules/builtins_exec.rs`).
    pub locals: Option<PyObjectRef>,
    /// The instruction (code-unit index) this frame was at when it called
    /// the frame above it; for the top frame see `Vm::top_lasti`.
    pub lasti: usize,
    /// Unique per activation: lets a frame object tell whether the frame
    /// it describes is still running (and so report its current line).
    pub serial: u64,
}

/// Interpreter switches.
#[derive(Default, Clone)]
pub struct VmFlags {
    /// `-X trace`: print every executed instruction with the stack.
    pub trace: bool,
    /// `-i` / interactive.
    pub interactive: bool,
    /// `-B`.
    pub dont_write_bytecode: bool,
    /// `-I`/`-E`: ignore `PYTHON*` environment variables.
    pub ignore_environment: bool,
    /// `-O` level.
    pub optimize: u8,
    /// `-u`.
    pub unbuffered: bool,
}

fn alloc<T: Payload>(payload: T, cls: &PyTypeRef) -> PyObjectRef {
    PyObjectRef::new(payload, cls.as_object())
        .expect("out of memory during start-up")
        .into_object()
}

impl Vm {
    /// Create an interpreter with its builtin types and singletons (modules
    /// are added by `crate::modules::init`).
    pub fn new_bare() -> Vm {
        let types = BuiltinTypes::create();
        let exc = ExceptionTypes::create(&types.base_exception, types.type_.as_object());
        let none = alloc(PyNone, &types.none_type);
        let not_implemented = alloc(PyNotImplemented, &types.not_implemented_type);
        let ellipsis = alloc(PyEllipsis, &types.ellipsis_type);
        let true_ = alloc(PyInt::new(IntVal::Small(1)), &types.bool_);
        let false_ = alloc(PyInt::new(IntVal::Small(0)), &types.bool_);
        let small_ints = (SMALL_INT_MIN..=SMALL_INT_MAX)
            .map(|i| alloc(PyInt::new(IntVal::Small(i)), &types.int))
            .collect();
        let latin1 = (0u32..256)
            .map(|c| {
                alloc(
                    PyStr::new(char::from_u32(c).unwrap_or('\0').to_string()),
                    &types.str,
                )
            })
            .collect();
        let empty_tuple = alloc(PyTuple::new(Vec::new()), &types.tuple);
        let empty_str = alloc(PyStr::new(""), &types.str);
        let interned: RefCell<HashMap<Rc<str>, PyObjectRef, crate::strhash::StrHashBuilder>> =
            RefCell::new(HashMap::default());
        let intern = |s: &str| -> PyObjectRef {
            let mut m = interned.borrow_mut();
            if let Some(o) = m.get(s) {
                return o.clone();
            }
            let o = alloc(PyStr::new(s), &types.str);
            if let Some(p) = o.downcast_ref::<PyStr>() {
                p.mark_interned();
            }
            m.insert(Rc::from(s), o.clone());
            o
        };
        macro_rules! names {
            ($($n:ident),*) => { Names { $($n: intern(stringify!($n)),)* } };
        }
        let names = names!(
            __init__,
            __new__,
            __name__,
            __qualname__,
            __module__,
            __doc__,
            __dict__,
            __class__,
            __call__,
            __repr__,
            __str__,
            __hash__,
            __eq__,
            __ne__,
            __lt__,
            __le__,
            __gt__,
            __ge__,
            __bool__,
            __len__,
            __iter__,
            __next__,
            __getitem__,
            __setitem__,
            __delitem__,
            __contains__,
            __get__,
            __set__,
            __delete__,
            __getattr__,
            __getattribute__,
            __setattr__,
            __delattr__,
            __enter__,
            __exit__,
            __del__,
            __index__,
            __int__,
            __float__,
            __format__,
            __builtins__,
            __build_class__,
            __prepare__,
            __mro_entries__,
            __init_subclass__,
            __set_name__,
            __classcell__,
            __slots__,
            __weakref__,
            __annotations__,
            __file__,
            __path__,
            __package__,
            __spec__,
            __loader__,
            __all__,
            __instancecheck__,
            __subclasscheck__,
            __reversed__,
            __missing__,
            __length_hint__,
            __await__,
            __aiter__,
            __anext__,
            __aenter__,
            __aexit__,
            __match_args__,
            __abstractmethods__,
            __orig_bases__,
            send,
            throw,
            close,
            keys,
            items,
            mro,
            builtins,
            stdout
        );
        let binop_names = crate::protocol::number::BINOPS
            .iter()
            .map(|(l, r, i, _)| [intern(l), intern(r), intern(i)])
            .collect();
        let modules = PyObjectRef::new(PyDict::new(), types.dict.as_object()).expect("start-up");
        let builtins = PyObjectRef::new(PyDict::new(), types.dict.as_object()).expect("start-up");
        Vm {
            types,
            exc,
            none,
            true_,
            false_,
            not_implemented,
            ellipsis,
            empty_tuple,
            empty_str,
            small_ints,
            latin1,
            interned,
            names,
            binop_names,
            modules,
            builtins,
            builtins_module: RefCell::new(None),
            sys_module: RefCell::new(None),
            handled_exc: RefCell::new(None),
            depth: Cell::new(0),
            recursion_limit: Cell::new(1000),
            stack_base: Cell::new(0),
            stack_size: Cell::new(0),
            frame_stack: RefCell::new(Vec::new()),
            top_lasti: Cell::new(0),
            frame_serial: Cell::new(0),
            frame_pool: RefCell::new(Vec::new()),
            placeholder_code: std::cell::OnceCell::new(),
            structseq_maker: RefCell::new(None),
            argv: RefCell::new(Vec::new()),
            initial_path: RefCell::new(Vec::new()),
            builtin_modules: RefCell::new(HashMap::new()),
            write_bytecode: Cell::new(true),
            flags: RefCell::new(VmFlags::default()),
            context: RefCell::new(None),
        }
    }

    // ----- object constructors -------------------------------------------

    /// Allocate an object of builtin type `cls`; exhaustion panics only at
    /// start-up — at run time use [`Vm::try_alloc`].
    #[inline]
    pub fn alloc<T: Payload>(&self, payload: T, cls: &PyTypeRef) -> PyObjectRef {
        self.alloc_obj(payload, cls.as_object())
    }

    /// Allocate an object of any type object `cls` whose instances are `T`.
    /// When the memory cap is hit, the memory-error path hands out a
    /// preallocated object instead: callers turn exhaustion into MemoryError
    /// via [`Vm::try_alloc`]; this variant aborts cleanly.
    #[inline]
    pub fn alloc_obj<T: Payload>(&self, payload: T, cls: &PyObjectRef) -> PyObjectRef {
        // Past the memory cap the allocation comes from a small reserve and
        // `MemoryError` is raised at the next eval-breaker check.
        match PyObjectRef::new_with_reserve(payload, cls) {
            Ok(r) => r.into_object(),
            Err(_) => crate::vm::fatal_memory(),
        }
    }

    /// Allocate, raising `MemoryError` on exhaustion.
    pub fn try_alloc<T: Payload>(
        &self,
        payload: T,
        cls: &PyObjectRef,
    ) -> crate::PyResult<PyRef<T>> {
        PyObjectRef::new(payload, cls).map_err(|_| self.new_memory_error())
    }

    #[inline]
    pub fn new_bool(&self, b: bool) -> PyObjectRef {
        if b {
            self.true_.clone()
        } else {
            self.false_.clone()
        }
    }

    #[inline]
    pub fn new_int(&self, v: i64) -> PyObjectRef {
        match self.cached_int(v) {
            Some(i) => i,
            None => self.alloc(PyInt::new(IntVal::Small(v)), &self.types.int),
        }
    }

    /// The preallocated int for `v` when it is in the small-int range
    /// [-5, 256] (results in that range must be those objects).
    #[inline]
    pub fn cached_int(&self, v: i64) -> Option<PyObjectRef> {
        (SMALL_INT_MIN..=SMALL_INT_MAX)
            .contains(&v)
            .then(|| self.small_ints[(v - SMALL_INT_MIN) as usize].clone())
    }

    pub fn new_int_val(&self, v: IntVal) -> PyObjectRef {
        match v {
            IntVal::Small(i) => self.new_int(i),
            big => self.alloc(PyInt::new(big), &self.types.int),
        }
    }

    pub fn new_bigint(&self, v: IBig) -> PyObjectRef {
        self.new_int_val(IntVal::from_big(v))
    }

    #[inline]
    pub fn new_float(&self, v: f64) -> PyObjectRef {
        self.alloc(PyFloat { value: v }, &self.types.float)
    }

    /// A `str` whose stand-in characters are lone surrogates if `marked`
    /// (see `types::str::PyStr`).
    pub fn new_str_marked(&self, s: impl Into<Box<str>> + AsRef<str>, marked: bool) -> PyObjectRef {
        if !marked || !pyrite_bytecode::surrogate::has_stand_in(s.as_ref()) {
            return self.new_str(s);
        }
        self.alloc(PyStr::new_marked(s, true), &self.types.str)
    }

    /// A new `str` (one-character Latin-1 strings are shared singletons).
    pub fn new_str(&self, s: impl Into<Box<str>> + AsRef<str>) -> PyObjectRef {
        let r = s.as_ref();
        if r.is_empty() {
            return self.empty_str.clone();
        }
        let mut it = r.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            if (c as u32) < 256 {
                return self.latin1[c as usize].clone();
            }
        }
        self.alloc(PyStr::new(s), &self.types.str)
    }

    /// A typed `str` handle.
    pub fn new_str_ref(&self, s: impl Into<Box<str>> + AsRef<str>) -> PyStrRef {
        self.new_str(s)
            .downcast::<PyStr>()
            .unwrap_or_else(|_| unreachable!("new_str makes str"))
    }

    /// The interned `str` for `s` (the same object every time).
    pub fn intern(&self, s: &str) -> PyObjectRef {
        if let Some(o) = self.interned.borrow().get(s) {
            return o.clone();
        }
        let o = self.alloc(PyStr::new(s), &self.types.str);
        if let Some(p) = o.downcast_ref::<PyStr>() {
            p.mark_interned();
        }
        self.interned.borrow_mut().insert(Rc::from(s), o.clone());
        o
    }

    /// Intern an existing str object (returns the canonical one).
    pub fn intern_obj(&self, o: &PyObjectRef) -> PyObjectRef {
        match o.downcast_ref::<PyStr>() {
            Some(s) if !crate::types::typeobj::class_of(o).ext.heap => {
                // (The table is keyed by text, which cannot tell a lone
                // surrogate from its stand-in: such strings stay as they are.)
                if s.is_interned() || s.has_surrogates() {
                    return o.clone();
                }
                self.intern(s.as_str())
            }
            _ => o.clone(),
        }
    }

    pub fn new_tuple(&self, items: Vec<PyObjectRef>) -> PyObjectRef {
        if items.is_empty() {
            return self.empty_tuple.clone();
        }
        self.alloc(PyTuple::new(items), &self.types.tuple)
    }

    pub fn new_list(&self, items: Vec<PyObjectRef>) -> PyObjectRef {
        self.alloc(PyList::new(items), &self.types.list)
    }

    pub fn new_dict(&self) -> PyDictRef {
        match PyObjectRef::new(PyDict::new(), self.types.dict.as_object()) {
            Ok(d) => d,
            Err(_) => fatal_memory(),
        }
    }

    // ----- exceptions ---------------------------------------------------

    /// An exception instance of `cls` with `args`.
    pub fn new_exception(&self, cls: &PyTypeRef, args: Vec<PyObjectRef>) -> PyBaseExceptionRef {
        let args = self.new_tuple(args);
        match PyObjectRef::new(PyBaseException::new(args), cls.as_object()) {
            Ok(e) => e,
            Err(_) => fatal_memory(),
        }
    }

    /// An exception instance of `cls` with one message argument.
    pub fn new_exception_msg(
        &self,
        cls: &PyTypeRef,
        msg: impl Into<Box<str>> + AsRef<str>,
    ) -> PyBaseExceptionRef {
        let m = self.new_str(msg);
        self.new_exception(cls, vec![m])
    }

    pub fn new_type_error(&self, msg: impl Into<Box<str>> + AsRef<str>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.TypeError, msg)
    }
    pub fn new_value_error(&self, msg: impl Into<Box<str>> + AsRef<str>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.ValueError, msg)
    }
    pub fn new_attribute_error(&self, msg: impl Into<Box<str>> + AsRef<str>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.AttributeError, msg)
    }
    pub fn new_name_error(&self, msg: impl Into<Box<str>> + AsRef<str>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.NameError, msg)
    }
    pub fn new_index_error(&self, msg: impl Into<Box<str>> + AsRef<str>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.IndexError, msg)
    }
    pub fn new_key_error(&self, key: PyObjectRef) -> PyBaseExceptionRef {
        self.new_exception(&self.exc.KeyError, vec![key])
    }
    pub fn new_zero_division_error(
        &self,
        msg: impl Into<Box<str>> + AsRef<str>,
    ) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.ZeroDivisionError, msg)
    }
    pub fn new_overflow_error(&self, msg: impl Into<Box<str>> + AsRef<str>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.OverflowError, msg)
    }
    pub fn new_runtime_error(&self, msg: impl Into<Box<str>> + AsRef<str>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.RuntimeError, msg)
    }
    pub fn new_recursion_error(&self, msg: impl Into<Box<str>> + AsRef<str>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.RecursionError, msg)
    }
    pub fn new_not_implemented_error(
        &self,
        msg: impl Into<Box<str>> + AsRef<str>,
    ) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.NotImplementedError, msg)
    }
    pub fn new_os_error(&self, msg: impl Into<Box<str>> + AsRef<str>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.OSError, msg)
    }
    pub fn new_import_error(&self, msg: impl Into<Box<str>> + AsRef<str>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.ImportError, msg)
    }
    pub fn new_system_error(&self, msg: impl Into<Box<str>> + AsRef<str>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.exc.SystemError, msg)
    }
    pub fn new_unbound_local_error(&self, name: &str) -> PyBaseExceptionRef {
        self.new_exception_msg(
            &self.exc.UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }
    /// `StopIteration(value)` (no args when value is None).
    pub fn new_stop_iteration(&self, value: Option<PyObjectRef>) -> PyBaseExceptionRef {
        let args = match value {
            Some(v) => vec![v],
            None => vec![],
        };
        self.new_exception(&self.exc.StopIteration, args)
    }
    /// `MemoryError()` (no allocation beyond the exception itself; the cap
    /// is lifted for it by the allocator's reserve).
    pub fn new_memory_error(&self) -> PyBaseExceptionRef {
        let saved = pyrite_core::alloc::limit();
        pyrite_core::alloc::set_limit(usize::MAX);
        let e = self.new_exception(&self.exc.MemoryError, vec![]);
        pyrite_core::alloc::set_limit(saved);
        e
    }

    /// `'X' object ...` helper: the type name of `obj`.
    pub fn type_name(&self, obj: &PyObjectRef) -> Rc<str> {
        let cls = crate::types::typeobj::class_of(obj);
        if let Some(n) = cls.ext.spec_name.borrow().as_ref() {
            return n.clone();
        }
        // Builtin types of modules other than builtins carry their module,
        // like CPython's `tp_name` ("_io.StringIO", "itertools.count").
        if !cls.ext.heap {
            if let Some(m) = cls.ext.dict.get_by_str("__module__") {
                if let Some(m) = m.downcast_ref::<crate::types::str::PyStr>() {
                    if m.as_str() != "builtins" {
                        return Rc::from(format!("{}.{}", m.as_str(), cls.ext.name()));
                    }
                }
            }
        }
        cls.ext.name()
    }

    // ----- recursion ----------------------------------------------------

    /// Enter a Python-level call: RecursionError past the limit, or when
    /// the native stack runs low.
    #[inline]
    pub fn enter_call(&self, what: &str) -> crate::PyResult<()> {
        let d = self.depth.get() + 1;
        if d > self.recursion_limit.get() || self.native_stack_low() {
            return Err(self.new_recursion_error(format!("maximum recursion depth exceeded{what}")));
        }
        self.depth.set(d);
        Ok(())
    }

    /// [`Self::enter_call`] for a Python-to-Python call switched to inside
    /// the eval loop: it uses no native stack, so only the depth counts.
    #[inline]
    pub fn enter_frame_call(&self) -> crate::PyResult<()> {
        let d = self.depth.get() + 1;
        if d > self.recursion_limit.get() {
            return Err(self.new_recursion_error("maximum recursion depth exceeded"));
        }
        self.depth.set(d);
        Ok(())
    }

    #[inline]
    pub fn leave_call(&self) {
        self.depth.set(self.depth.get() - 1);
    }

    /// Whether less than 256 KiB of native stack remain.
    #[inline]
    pub fn native_stack_low(&self) -> bool {
        let base = self.stack_base.get();
        if base == 0 {
            return false;
        }
        let here = stack_marker();
        let used = base.saturating_sub(here);
        used + 256 * 1024 > self.stack_size.get()
    }
}

/// An address on the current native stack.
#[inline(never)]
pub fn stack_marker() -> usize {
    let x = 0u8;
    std::hint::black_box(&x) as *const u8 as usize
}

/// Exhaustion where no exception can be made: a clean error and exit.
#[cold]
pub fn fatal_memory() -> ! {
    eprintln!("Fatal Python error: out of memory");
    std::process::exit(1)
}
