//! The type object: `type`'s payload, MRO computation (C3), attribute lookup
//! through the MRO with a per-type cache, and `type`'s Python methods.
//! Mirrors CPython 3.11 `Objects/typeobject.c`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pyrite_core::object::header::{TypeExt, TypeFlags, TypeObject};

use super::dict::PyDict;
use super::str::PyStr;
use crate::{PyObjectRef, PyRef, PyResult, Vm};

/// A type object's payload.
pub type PyTypeObj = TypeObject<PyType>;
/// A strong reference to a type object.
pub type PyTypeRef = PyRef<PyTypeObj>;

thread_local! {
    /// Bumped whenever any type's dict or bases change: invalidates every
    /// type's lookup cache (CPython uses per-type version tags; a global
    /// epoch is simpler and class mutation after creation is rare).
    static TYPE_EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// Invalidate all type lookup caches.
pub fn bump_type_epoch() {
    TYPE_EPOCH.with(|e| e.set(e.get() + 1));
}

/// The current type epoch (what caches keyed by a class compare against).
#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.with(|e| e.get())
}

impl Drop for PyType {
    /// A new class may later get this one's address: caches keyed by the
    /// address (`eval/ops/attrs.rs`) must not match it.
    fn drop(&mut self) {
        let _ = TYPE_EPOCH.try_with(|e| e.set(e.get() + 1));
    }
}

/// The VM's part of a type object.
pub struct PyType {
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// `__bases__`.
    pub bases: RefCell<Vec<PyObjectRef>>,
    /// `__base__`: the base whose layout this type extends.
    pub base: RefCell<Option<PyObjectRef>>,
    /// `__mro__`, this type first.
    pub mro: RefCell<Vec<PyObjectRef>>,
    /// `__dict__` (inline: Python sees it through a mappingproxy, as in
    /// CPython, so no separate dict object is needed to bootstrap `type`).
    pub dict: PyDict,
    /// True for types created by `class` statements (or 3-arg `type()`).
    pub heap: bool,
    /// Whether instances may gain attributes and the type accepts `__class__`
    /// assignment etc. (False for builtin types: "cannot set 'x' attribute of
    /// immutable type 'int'").
    pub immutable: Cell<bool>,
    /// CPython's `tp_name` when a heap type has one other than `__name__`:
    /// types that CPython creates from a spec (`PyType_FromSpec`) or as
    /// static types carry their module (`decimal.Decimal`). Set only by
    /// Pyrite's own modules standing in for C extensions
    /// ([`mark_extension_type`]).
    pub spec_name: RefCell<Option<Rc<str>>>,
    /// Names declared in `__slots__` (heap types only), in slot order.
    pub slot_names: RefCell<Vec<Rc<str>>>,
    /// Instances keep their attributes inline, named by `shared_keys`
    /// (see `instance_values.rs`).
    pub inline_values: bool,
    /// The attribute names of instances kept inline, in first-seen order.
    pub shared_keys: RefCell<Vec<super::str::PyStrRef>>,
    /// Direct subclasses, in creation order: a weak reference object for a
    /// heap type (so a class can die while its base lives, as CPython's
    /// `tp_subclasses` of weakrefs), the type itself for an immortal
    /// builtin type. Use `add_subclass`/`subclasses_list`.
    pub subclasses: RefCell<Vec<PyObjectRef>>,
    /// Native attribute-lookup hook of builtin types with their own
    /// `__getattribute__` (`type`, `module`, `super`); inherited.
    pub getattro: Cell<Option<Getattro>>,
    /// Native `__setattr__`/`__delattr__` hook of builtin types that
    /// forward attribute stores (weak proxies); not inherited.
    pub setattro: Cell<Option<Setattro>>,
    /// Docstring of a builtin type in CPython's internal form (from its
    /// doc table): gives `__doc__` and `__text_signature__`.
    pub doc: Cell<Option<&'static str>>,
    /// Lookup cache: (epoch it is valid for, direct-mapped entries keyed by
    /// the name object's address). Holds the name, so an address cannot be
    /// reused by another string while cached.
    cache: RefCell<(u64, Box<[CacheEntry]>)>,
}

/// Entries per type in the attribute lookup cache (a power of two).
const TYPE_CACHE_SIZE: usize = 64;

/// The two type-cache slots a name (by its address) may occupy.
#[inline]
fn cache_slots(key: usize) -> (usize, usize) {
    let a = ((key >> 4) ^ (key >> 11)) & (TYPE_CACHE_SIZE - 1);
    let b = ((key >> 7) ^ (key >> 17)).wrapping_add(a + 1) & (TYPE_CACHE_SIZE - 1);
    (a, b)
}

#[derive(Default)]
struct CacheEntry {
    name: Option<PyObjectRef>,
    value: Option<PyObjectRef>,
}

/// A native `__getattribute__`.
pub type Getattro = fn(&Vm, &PyObjectRef, &PyObjectRef) -> PyResult;
/// Store (`Some`) or delete (`None`) an attribute.
pub type Setattro = fn(&Vm, &PyObjectRef, &PyObjectRef, Option<PyObjectRef>) -> PyResult<()>;

/// The class an entry of `PyType::subclasses` stands for, if alive.
fn subclass_entry(e: &PyObjectRef) -> Option<PyObjectRef> {
    match e.downcast_ref::<super::weakref::PyWeakRef>() {
        Some(w) => w.get(),
        None => Some(e.clone()),
    }
}

impl TypeExt for PyType {
    const TYPE_VTABLE: Option<&'static pyrite_core::PayloadVTable> = {
        static VT: pyrite_core::PayloadVTable = pyrite_core::PayloadVTable::of::<PyTypeObj>();
        Some(&VT)
    };

    /// Every strong reference the type holds: bases, the MRO (which starts
    /// with the type itself: that self-reference is counted too), the dict,
    /// the lookup cache and the shared attribute names.
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(bases) = self.bases.try_borrow() {
            bases.iter().for_each(&mut *visit);
        }
        if let Ok(base) = self.base.try_borrow() {
            base.iter().for_each(&mut *visit);
        }
        if let Ok(mro) = self.mro.try_borrow() {
            mro.iter().for_each(&mut *visit);
        }
        self.dict.traverse_entries(visit);
        if let Ok(c) = self.cache.try_borrow() {
            for e in c.1.iter() {
                e.name.iter().chain(e.value.iter()).for_each(&mut *visit);
            }
        }
        if let Ok(keys) = self.shared_keys.try_borrow() {
            keys.iter().for_each(|k| visit(k.as_object()));
        }
        if let Ok(subs) = self.subclasses.try_borrow() {
            subs.iter().for_each(&mut *visit);
        }
    }

    /// Break cycles through a dead class (CPython's `type_clear`: the dict
    /// and the MRO; here also the lookup cache, which holds references).
    fn clear(&self) {
        bump_type_epoch();
        let mro = self
            .mro
            .try_borrow_mut()
            .map(|mut m| std::mem::take(&mut *m));
        let cache = self
            .cache
            .try_borrow_mut()
            .map(|mut c| std::mem::take(&mut c.1));
        PyDict::clear(&self.dict);
        drop(mro);
        drop(cache);
    }
}

impl PyType {
    /// Record `sub` as a direct subclass (weakly if it is a heap type).
    pub fn add_subclass(&self, vm: &Vm, sub: &PyObjectRef) {
        let entry = match as_type(sub) {
            Some(t) if t.ext.heap => {
                match super::weakref::new_ref(vm, vm.types.weakref.as_object(), sub, None) {
                    Ok(w) => w,
                    Err(_) => return,
                }
            }
            _ => sub.clone(),
        };
        let mut subs = self.subclasses.borrow_mut();
        subs.retain(|e| subclass_entry(e).is_some());
        subs.push(entry);
    }

    /// Forget `sub` as a direct subclass.
    pub fn remove_subclass(&self, sub: &PyObjectRef) {
        let old = {
            let mut subs = self.subclasses.borrow_mut();
            let (gone, kept) = std::mem::take(&mut *subs)
                .into_iter()
                .partition(|e| subclass_entry(e).is_none_or(|s| s.is(sub)));
            *subs = kept;
            gone
        };
        drop::<Vec<PyObjectRef>>(old);
    }

    /// The live direct subclasses, in creation order.
    pub fn subclasses_list(&self) -> Vec<PyObjectRef> {
        self.subclasses
            .borrow()
            .iter()
            .filter_map(subclass_entry)
            .collect()
    }

    pub fn new(name: &str, heap: bool) -> Self {
        let name: Rc<str> = Rc::from(name);
        PyType {
            name: RefCell::new(name.clone()),
            qualname: RefCell::new(name),
            bases: RefCell::new(Vec::new()),
            base: RefCell::new(None),
            mro: RefCell::new(Vec::new()),
            dict: PyDict::new(),
            heap,
            immutable: Cell::new(!heap),
            spec_name: RefCell::new(None),
            slot_names: RefCell::new(Vec::new()),
            inline_values: false,
            shared_keys: RefCell::new(Vec::new()),
            subclasses: RefCell::new(Vec::new()),
            getattro: Cell::new(None),
            setattro: Cell::new(None),
            doc: Cell::new(None),
            cache: RefCell::new((0, Box::new([]))),
        }
    }

    pub fn name(&self) -> Rc<str> {
        self.name.borrow().clone()
    }

    /// Look `name` up along the MRO (CPython's `_PyType_Lookup`), without
    /// descriptor binding. `name` should be an interned str for the cache to
    /// help; any str works.
    ///
    /// The cache is two-way: a name may sit at either of two slots (from
    /// two hashes of its address), so two hot names that share one slot do
    /// not evict each other on every lookup.
    #[inline]
    pub fn lookup(&self, name: &PyObjectRef) -> Option<PyObjectRef> {
        let key = name.id();
        let (idx, alt) = cache_slots(key);
        let epoch = TYPE_EPOCH.with(|e| e.get());
        {
            let c = self.cache.borrow();
            if c.0 == epoch {
                for i in [idx, alt] {
                    if let Some(e) = c.1.get(i) {
                        if e.name.as_ref().is_some_and(|n| n.id() == key) {
                            return e.value.clone();
                        }
                    }
                }
            }
        }
        self.lookup_miss(name, idx, epoch)
    }

    #[cold]
    fn lookup_miss(&self, name: &PyObjectRef, idx: usize, epoch: u64) -> Option<PyObjectRef> {
        let found = self.lookup_uncached(name);
        // Whatever the cache drops is released after the borrow ends:
        // dropping may run `__del__`, which may look attributes up here.
        let mut old_entries = None;
        let old_entry;
        {
            let mut c = self.cache.borrow_mut();
            if c.0 != epoch || c.1.is_empty() {
                c.0 = epoch;
                let fresh: Box<[CacheEntry]> = (0..TYPE_CACHE_SIZE)
                    .map(|_| CacheEntry::default())
                    .collect();
                old_entries = Some(std::mem::replace(&mut c.1, fresh));
            }
            // The new entry takes its first slot; what was there moves to
            // its own second slot (the least recently filled one goes).
            let displaced = std::mem::replace(
                &mut c.1[idx],
                CacheEntry {
                    name: Some(name.clone()),
                    value: found.clone(),
                },
            );
            old_entry = match displaced.name.as_ref().map(|n| cache_slots(n.id())) {
                Some((first, second)) => {
                    let other = if first == idx { second } else { first };
                    if other != idx {
                        std::mem::replace(&mut c.1[other], displaced)
                    } else {
                        displaced
                    }
                }
                None => displaced,
            };
        }
        drop(old_entry);
        drop(old_entries);
        found
    }

    /// MRO lookup bypassing the cache.
    pub fn lookup_uncached(&self, name: &PyObjectRef) -> Option<PyObjectRef> {
        let s = name.downcast_ref::<PyStr>()?;
        let mro = self.mro.borrow();
        for cls in mro.iter() {
            let t = cls.downcast_ref::<PyTypeObj>()?;
            if let Some(v) = t.ext.dict.get_str(s) {
                return Some(v);
            }
        }
        None
    }

    /// Look up by Rust string (slower: builds no str object, scans dicts).
    pub fn lookup_str(&self, name: &str) -> Option<PyObjectRef> {
        let mro = self.mro.borrow();
        for cls in mro.iter() {
            let t = cls.downcast_ref::<PyTypeObj>()?;
            if let Some(v) = t.ext.dict.get_by_str(name) {
                return Some(v);
            }
        }
        None
    }
}

/// Helpers on type objects.
pub trait TypeRefExt {
    fn ty(&self) -> &PyType;
}

impl TypeRefExt for PyTypeRef {
    fn ty(&self) -> &PyType {
        &self.ext
    }
}

/// Borrow the `PyType` of a type object.
#[inline]
pub fn as_type(obj: &PyObjectRef) -> Option<&PyTypeObj> {
    obj.downcast_ref::<PyTypeObj>()
}

/// The `PyType` of `obj`'s class.
#[inline]
pub fn class_of(obj: &PyObjectRef) -> &PyTypeObj {
    obj.class()
        .downcast_ref::<PyTypeObj>()
        .expect("every class is a type object")
}

/// Whether `a` is `b` or a subclass of it (MRO scan: CPython's
/// `PyType_IsSubtype`).
#[inline]
pub fn is_subtype(a: &PyObjectRef, b: &PyObjectRef) -> bool {
    if a.is(b) {
        return true;
    }
    match as_type(a) {
        Some(t) => t.ext.mro.borrow().iter().any(|c| c.is(b)),
        None => false,
    }
}

/// Compute the C3 linearisation of `cls` with `bases`; TypeError on failure.
pub fn compute_mro(
    vm: &Vm,
    cls: &PyObjectRef,
    bases: &[PyObjectRef],
) -> PyResult<Vec<PyObjectRef>> {
    let mut seqs: Vec<Vec<PyObjectRef>> = Vec::new();
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| x.is(b)) {
            let name = as_type(b)
                .map(|t| t.ext.name().to_string())
                .unwrap_or_default();
            return Err(vm.new_type_error(format!("duplicate base class {name}")));
        }
    }
    for b in bases {
        let t = as_type(b).ok_or_else(|| vm.new_type_error("bases must be types".to_string()))?;
        seqs.push(t.ext.mro.borrow().clone());
    }
    seqs.push(bases.to_vec());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut cand = None;
        for s in &seqs {
            let head = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head))) {
                cand = Some(head.clone());
                break;
            }
        }
        match cand {
            Some(c) => {
                for s in seqs.iter_mut() {
                    if s[0].is(&c) {
                        s.remove(0);
                    }
                }
                out.push(c);
            }
            None => {
                let mut names: Vec<String> = Vec::new();
                for s in &seqs {
                    let n = as_type(&s[0])
                        .map(|t| t.ext.name().to_string())
                        .unwrap_or_default();
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
                return Err(vm.new_type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        }
    }
}

/// Layout flags a new heap type gives its instances.
pub fn heap_type_flags(base_flags: TypeFlags, want_dict: bool, want_weak: bool) -> u32 {
    let mut f = base_flags.0
        & (TypeFlags::HAS_GC
            | TypeFlags::HAS_DICT
            | TypeFlags::HAS_WEAKLIST
            | TypeFlags::INSTANCES_ARE_TYPES);
    f |= TypeFlags::HEAPTYPE | TypeFlags::HAS_GC;
    if want_dict {
        f |= TypeFlags::HAS_DICT;
    }
    if want_weak {
        f |= TypeFlags::HAS_WEAKLIST;
    }
    f
}

/// Recompute flags that depend on the class dict (`__del__` makes
/// instances finalizable) after a class attribute changes.
pub fn update_special_flags(vm: &Vm, cls: &PyObjectRef) {
    if let Some(t) = as_type(cls) {
        let has_del = t.ext.heap && t.ext.lookup(&vm.names.__del__).is_some();
        t.core.set_flag(TypeFlags::HAS_FINALIZER, has_del);
    }
}

/// CPython's `tp_name` of `cls`: builtin types defined outside `builtins`
/// carry their module (`collections.deque`); heap types just their name.
pub fn tp_name(cls: &PyTypeObj) -> String {
    if let Some(n) = cls.ext.spec_name.borrow().as_ref() {
        return n.to_string();
    }
    let name = cls.ext.name().to_string();
    if cls.ext.heap {
        return name;
    }
    match cls.ext.dict.get_by_str("__module__") {
        Some(m) => match m.downcast_ref::<super::str::PyStr>() {
            Some(s) if s.as_str() != "builtins" => format!("{}.{}", s.as_str(), name),
            _ => name,
        },
        None => name,
    }
}

/// Give a Python-defined class the type flags of the C extension type it
/// stands in for: `tp_name` `module.__name__` (so messages say
/// 'decimal.Decimal') and `Py_TPFLAGS_IMMUTABLETYPE` (class attributes
/// cannot be set). Subclasses are unaffected, as neither flag is inherited
/// in CPython.
pub fn mark_extension_type(cls: &PyTypeObj, module: &str) {
    *cls.ext.spec_name.borrow_mut() = Some(Rc::from(format!("{module}.{}", cls.ext.name())));
    cls.ext.immutable.set(true);
}
