//! Runtime code objects: the compiler's `CodeObject` plus its constants
//! turned into Python objects and its names interned, ready for the eval
//! loop. Python attributes (`co_*`) live in `code_methods.rs`.
//! Mirrors CPython 3.11 `Objects/codeobject.c`.

use std::cell::Cell;
use std::rc::Rc;

use pyrite_bytecode::CodeObject;

use crate::{Payload, PyObjectRef, PyRef};

/// The payload of a `code` object.
pub struct PyCode {
    pub code: Rc<CodeObject>,
    /// `co_consts` as objects.
    pub consts: Box<[PyObjectRef]>,
    /// `co_names` as interned str objects.
    pub names: Box<[PyObjectRef]>,
    /// `co_localsplusnames` as interned str objects.
    pub localsplusnames: Box<[PyObjectRef]>,
    /// The instructions as the eval loop runs them (`eval/decode.rs`).
    pub instrs: Rc<[crate::eval::decode::Instr]>,
    /// Number of cell slots + free slots (for frame setup).
    pub ncells: usize,
    pub nfrees: usize,
    /// Whether MAKE_CELL/COPY_FREE_VARS etc. appear (fast path when not).
    pub filename_obj: PyObjectRef,
    pub name_obj: PyObjectRef,
    pub qualname_obj: PyObjectRef,
    /// `LOAD_GLOBAL` cache, one entry per name (see `eval/ops/names.rs`).
    pub global_cache: Box<[Cell<GlobalCache>]>,
    /// Attribute caches, one entry per name (see `eval/ops/attrs.rs`).
    pub attr_cache: Box<[Cell<crate::eval::ops::attrs::AttrCache>]>,
    /// For each code unit, the `attr_cache` entry of the attribute
    /// instruction there (`u32::MAX` elsewhere): one entry per instruction,
    /// as CPython's inline caches.
    pub attr_sites: Box<[u32]>,
}

/// Where a global name was found, valid while both namespaces keep the
/// versions seen then (dict versions are unique, so equal versions mean
/// equal contents). Holds an entry index, not the value, so caching never
/// keeps an object alive.
#[derive(Clone, Copy)]
pub struct GlobalCache {
    pub globals_version: u64,
    pub builtins_version: u64,
    pub index: u32,
    pub in_builtins: bool,
}

impl GlobalCache {
    pub const EMPTY: GlobalCache = GlobalCache {
        globals_version: u64::MAX,
        builtins_version: u64::MAX,
        index: 0,
        in_builtins: false,
    };
}

pub type PyCodeRef = PyRef<PyCode>;

/// A constant's identity for merging (floats by bit pattern, so `0.0`
/// and `-0.0` stay apart as in CPython's `_PyCode_ConstantKey`).
#[derive(PartialEq, Eq, Hash)]
enum ConstKey {
    Int(dashu_int::IBig),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
}

#[derive(Default)]
struct ConstCache(std::collections::HashMap<ConstKey, PyObjectRef>);

impl Payload for PyCode {
    pyrite_core::unique_vtable!(PyCode);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        for c in self.consts.iter() {
            visit(c);
        }
    }
}

impl crate::Vm {
    /// A runtime code object for compiled code (constants become objects,
    /// names are interned; nested code objects are converted too).
    pub fn new_code(&self, co: Rc<CodeObject>) -> PyObjectRef {
        self.new_code_merged(co, &mut ConstCache::default())
    }

    /// `new_code` sharing one object per equal constant across the code
    /// objects of a compilation unit, as CPython's compiler merges them
    /// (visible through `is` and marshal's back-references).
    fn new_code_merged(&self, co: Rc<CodeObject>, cache: &mut ConstCache) -> PyObjectRef {
        let consts: Vec<PyObjectRef> = co
            .consts
            .iter()
            .map(|c| self.constant_merged(c, cache))
            .collect();
        let names: Vec<PyObjectRef> = co.names.iter().map(|n| self.intern(n)).collect();
        let lpn: Vec<PyObjectRef> = co.localsplusnames.iter().map(|n| self.intern(n)).collect();
        let ncells = co
            .localspluskinds
            .iter()
            .filter(|k| *k & pyrite_bytecode::LocalKind::CELL != 0)
            .count();
        let nfrees = co.nfreevars();
        let instrs = crate::eval::decode::decode_checked(
            &co.code,
            co.localsplusnames.len(),
            co.consts.len(),
        )
        .into();
        let global_cache = (0..co.names.len())
            .map(|_| Cell::new(GlobalCache::EMPTY))
            .collect();
        let (attr_sites, attr_cache) = crate::eval::ops::attrs::new_attr_caches(&co.code);
        let filename_obj = self.intern(&co.filename);
        let name_obj = self.intern(&co.name);
        let qualname_obj = self.intern(&co.qualname);
        self.alloc(
            PyCode {
                code: co,
                consts: consts.into(),
                names: names.into(),
                localsplusnames: lpn.into(),
                instrs,
                ncells,
                nfrees,
                filename_obj,
                name_obj,
                qualname_obj,
                global_cache,
                attr_cache,
                attr_sites,
            },
            &self.types.code,
        )
    }

    fn constant_merged(
        &self,
        c: &pyrite_bytecode::Constant,
        cache: &mut ConstCache,
    ) -> PyObjectRef {
        use pyrite_bytecode::Constant as C;
        let key = match c {
            C::Int(i) => ConstKey::Int(i.clone()),
            C::Float(f) => ConstKey::Float(f.to_bits()),
            C::Complex { re, im } => ConstKey::Complex(re.to_bits(), im.to_bits()),
            C::Str(s) => ConstKey::Str(s.clone()),
            C::Bytes(b) => ConstKey::Bytes(b.clone()),
            C::Tuple(items) => {
                let items = items
                    .iter()
                    .map(|i| self.constant_merged(i, cache))
                    .collect();
                return self.new_tuple(items);
            }
            C::Code(co) => return self.new_code_merged(co.clone(), cache),
            _ => return self.constant_to_object(c),
        };
        if let Some(o) = cache.0.get(&key) {
            return o.clone();
        }
        let o = self.constant_to_object(c);
        cache.0.insert(key, o.clone());
        o
    }

    /// A Python object for a compile-time constant.
    pub fn constant_to_object(&self, c: &pyrite_bytecode::Constant) -> PyObjectRef {
        use pyrite_bytecode::Constant as C;
        match c {
            C::None => self.none.clone(),
            C::Bool(b) => self.new_bool(*b),
            C::Ellipsis => self.ellipsis.clone(),
            C::Int(i) => self.new_bigint(i.clone()),
            C::Float(f) => self.new_float(*f),
            C::Complex { re, im } => crate::types::complex::new_complex(self, *re, *im),
            C::Str(s) => {
                // Identifier-like constants are interned, as CPython does.
                if s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    self.intern(s)
                } else {
                    self.new_str(&**s)
                }
            }
            C::SurrStr(s) => self.new_str_marked(&**s, true),
            C::Bytes(b) => self.alloc(
                crate::types::bytes::PyBytes::new(b.to_vec()),
                &self.types.bytes,
            ),
            C::Tuple(items) => {
                self.new_tuple(items.iter().map(|c| self.constant_to_object(c)).collect())
            }
            C::FrozenSet(items) => {
                let s = crate::types::set::PySet::new();
                for i in items.iter() {
                    let o = self.constant_to_object(i);
                    let _ = s.add(self, o);
                }
                self.alloc(s, &self.types.frozenset)
            }
            C::Code(co) => self.new_code(co.clone()),
        }
    }
}
