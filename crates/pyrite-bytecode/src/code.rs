//! Code objects as plain data: what the compiler produces, what marshal
//! reads and writes, and what the VM turns into a runtime code object.
//!
//! Mirrors CPython 3.11 `Include/cpython/code.h`: locals, cells and free
//! variables share one "localsplus" array whose kinds say which is which;
//! `co_varnames`, `co_cellvars` and `co_freevars` are derived views of it.

use std::rc::Rc;

use dashu_int::IBig;

/// Kind bits of a localsplus slot (`CO_FAST_*`).
pub struct LocalKind;
impl LocalKind {
    /// An ordinary local (arguments included).
    pub const LOCAL: u8 = 0x20;
    /// A local captured by an inner scope (lives in a cell).
    pub const CELL: u8 = 0x40;
    /// A variable of an enclosing scope (copied in by `COPY_FREE_VARS`).
    pub const FREE: u8 = 0x80;
}

/// `co_flags` bits (`CO_*`).
pub struct CodeFlags;
impl CodeFlags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// A constant in `co_consts`.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(IBig),
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    /// Python `str`.
    Str(Rc<str>),
    /// Python `str` holding lone surrogates, stored as stand-ins (see
    /// `surrogate.rs`).
    SurrStr(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
}

/// A compiled code object (CPython 3.11's `PyCodeObject` fields).
#[derive(Debug, Clone, PartialEq)]
pub struct CodeObject {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    /// `co_code`: 16-bit code units (opcode byte, arg byte), inline cache
    /// entries present and zeroed, exactly as CPython 3.11 lays them out.
    pub code: Vec<u8>,
    pub consts: Vec<Constant>,
    pub names: Vec<Rc<str>>,
    /// Names of all fast slots: locals (arguments first), cells, free vars.
    pub localsplusnames: Vec<Rc<str>>,
    /// One `LocalKind` bit set per localsplus slot.
    pub localspluskinds: Vec<u8>,
    pub filename: Rc<str>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub firstlineno: u32,
    /// `co_linetable` in CPython 3.11's location table format (PEP 657).
    pub linetable: Vec<u8>,
    /// `co_exceptiontable` in CPython 3.11's varint format.
    pub exceptiontable: Vec<u8>,
}

impl CodeObject {
    /// `co_varnames`: slots that are plain locals or cells that are also
    /// arguments/locals (CPython: kinds with `CO_FAST_LOCAL`).
    pub fn varnames(&self) -> Vec<Rc<str>> {
        self.slots_with(LocalKind::LOCAL)
    }

    /// `co_cellvars`.
    pub fn cellvars(&self) -> Vec<Rc<str>> {
        self.slots_with(LocalKind::CELL)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> Vec<Rc<str>> {
        self.slots_with(LocalKind::FREE)
    }

    /// `co_nlocals`.
    pub fn nlocals(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|k| *k & LocalKind::LOCAL != 0)
            .count()
    }

    /// Number of free variables (the tail of localsplus).
    pub fn nfreevars(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|k| *k & LocalKind::FREE != 0)
            .count()
    }

    fn slots_with(&self, bit: u8) -> Vec<Rc<str>> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, k)| *k & bit != 0)
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// A copy with `co_filename` replaced here and in every nested code
    /// object (importlib's `_fix_co_filename`: a `.pyc` moved with its
    /// source reports the source's current path).
    pub fn with_filename(&self, filename: &Rc<str>) -> CodeObject {
        let mut c = self.clone();
        c.filename = filename.clone();
        for k in c.consts.iter_mut() {
            if let Constant::Code(inner) = k {
                *k = Constant::Code(Rc::new(inner.with_filename(filename)));
            }
        }
        c
    }

    /// Total number of arguments including `*args` and `**kwargs` slots.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & CodeFlags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & CodeFlags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
}
