//! `dict`: an insertion-ordered hash table in CPython's compact layout (a
//! sparse index array into a dense entry array). Keys are compared by
//! identity first, then by hash and `==`; `==` may run Python code that
//! mutates the dict, so the table's version is checked after every such
//! call and the lookup restarts, as in CPython. Python-visible methods live
//! in `dict_methods.rs`. Mirrors CPython 3.11 `Objects/dictobject.c`.

use std::cell::{Cell, RefCell};

use super::str::PyStr;
use crate::{Payload, PyObjectRef, PyRef, PyResult, Vm};

pub type PyDictRef = PyRef<PyDict>;

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_SIZE: usize = 8;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: PyObjectRef,
    pub value: PyObjectRef,
}

#[derive(Default)]
struct Table {
    indices: Vec<i32>,
    entries: Vec<Option<Entry>>,
    used: usize,
}

/// The payload of a `dict`.
#[derive(Default)]
pub struct PyDict {
    table: RefCell<Table>,
    /// Changes on every mutation (CPython's `ma_version_tag`): guards lookups
    /// across `__eq__` calls and backs global-lookup caches.
    version: Cell<u64>,
}

impl Payload for PyDict {
    pyrite_core::unique_vtable!(PyDict);
    /// Cycle collector: drop every entry.
    fn clear(&self) {
        if self.table.try_borrow_mut().is_ok() {
            PyDict::clear(self);
        }
    }

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        self.traverse_entries(visit);
    }
}

impl PyDict {
    /// Visit every key and value.
    pub fn traverse_entries(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(t) = self.table.try_borrow() {
            for e in t.entries.iter().flatten() {
                visit(&e.key);
                visit(&e.value);
            }
        }
    }
}

enum Probe {
    Found(usize),
    Missing,
    /// An `==` call is needed against entry `idx`; the caller runs it with no
    /// borrow held.
    NeedEq(usize, PyObjectRef),
}

thread_local! {
    static VERSION_SOURCE: Cell<u64> = const { Cell::new(1) };
}

fn next_version() -> u64 {
    VERSION_SOURCE.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

impl PyDict {
    pub fn new() -> Self {
        PyDict::default()
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    #[inline]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    fn touch(&self) {
        self.version.set(next_version());
    }

    /// Probe for `key` starting after comparisons that were already done:
    /// `skip_eq` lists entry indexes whose `==` returned false.
    fn probe(&self, key: &PyObjectRef, hash: i64, skip: &[usize]) -> Probe {
        let t = self.table.borrow();
        if t.indices.is_empty() {
            return Probe::Missing;
        }
        let mask = t.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = t.indices[i];
            if ix == EMPTY {
                return Probe::Missing;
            }
            if ix >= 0 {
                let idx = ix as usize;
                if let Some(e) = &t.entries[idx] {
                    if e.key.is(key) {
                        return Probe::Found(idx);
                    }
                    if e.hash == hash && !skip.contains(&idx) {
                        if let (Some(a), Some(b)) =
                            (e.key.downcast_ref::<PyStr>(), key.downcast_ref::<PyStr>())
                        {
                            if exact_str(&e.key) && exact_str(key) {
                                if a.as_str() == b.as_str() {
                                    return Probe::Found(idx);
                                }
                            } else {
                                return Probe::NeedEq(idx, e.key.clone());
                            }
                        } else {
                            return Probe::NeedEq(idx, e.key.clone());
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// Find the entry index of `key` (hash already computed), running `==`
    /// where needed.
    fn find(&self, vm: &Vm, key: &PyObjectRef, hash: i64) -> PyResult<Option<usize>> {
        let mut skip: Vec<usize> = Vec::new();
        loop {
            match self.probe(key, hash, &skip) {
                Probe::Found(i) => return Ok(Some(i)),
                Probe::Missing => return Ok(None),
                Probe::NeedEq(idx, other) => {
                    let version = self.version.get();
                    let eq = vm.eq_bool(&other, key)?;
                    if self.version.get() != version {
                        // Mutated under us: start over.
                        skip.clear();
                        continue;
                    }
                    if eq {
                        return Ok(Some(idx));
                    }
                    skip.push(idx);
                }
            }
        }
    }

    /// `d[key]` or `None` if absent; `hash(key)` may raise.
    pub fn get_item(&self, vm: &Vm, key: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let hash = vm.hash(key)?;
        self.get_item_hashed(vm, key, hash)
    }

    pub fn get_item_hashed(
        &self,
        vm: &Vm,
        key: &PyObjectRef,
        hash: i64,
    ) -> PyResult<Option<PyObjectRef>> {
        Ok(self.find(vm, key, hash)?.and_then(|i| {
            self.table.borrow().entries[i]
                .as_ref()
                .map(|e| e.value.clone())
        }))
    }

    /// Lookup by a `str` key without a VM (keys that are not exact `str`
    /// are compared by identity only on this path).
    #[inline]
    pub fn get_str(&self, key: &PyStr) -> Option<PyObjectRef> {
        let ix = self.find_str_index(key)?;
        self.value_at(ix)
    }

    /// The entry index of the `str` key `key` (same rules as [`Self::get_str`]).
    /// Stays valid while [`Self::version`] is unchanged: lookup caches keep
    /// (version, index) rather than a reference to the value.
    pub fn find_str_index(&self, key: &PyStr) -> Option<usize> {
        let hash = key.hash();
        let t = self.table.borrow();
        if t.indices.is_empty() {
            return None;
        }
        let mask = t.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = t.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix >= 0 {
                if let Some(e) = &t.entries[ix as usize] {
                    if e.hash == hash {
                        if let Some(s) = e.key.downcast_ref::<PyStr>() {
                            if std::ptr::eq(s, key) || s.as_str() == key.as_str() {
                                return Some(ix as usize);
                            }
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// Replace the value of the live entry `i` (just found by a lookup);
    /// the old value is released after the table borrow ends, since dropping
    /// it may run code. Gives `value` back if the entry is gone.
    fn replace_value_at(&self, i: usize, value: PyObjectRef) -> Result<(), PyObjectRef> {
        let old = {
            let mut t = self.table.borrow_mut();
            match t.entries.get_mut(i).and_then(|e| e.as_mut()) {
                Some(e) => std::mem::replace(&mut e.value, value),
                None => return Err(value),
            }
        };
        self.touch();
        drop(old);
        Ok(())
    }

    /// The value of entry `ix`, if that entry is live.
    #[inline]
    pub fn value_at(&self, ix: usize) -> Option<PyObjectRef> {
        let t = self.table.borrow();
        t.entries.get(ix)?.as_ref().map(|e| e.value.clone())
    }

    /// Lookup by Rust text (hashes it like a `str`).
    pub fn get_by_str(&self, key: &str) -> Option<PyObjectRef> {
        self.get_str(&PyStr::new(key))
    }

    /// `d[key] = value`.
    pub fn set_item(&self, vm: &Vm, key: PyObjectRef, value: PyObjectRef) -> PyResult<()> {
        // Replacing the value of an exact-str key (attribute stores, global
        // rebinding) needs no `__eq__` and no generic hashing.
        if key.class().is(vm.types.str.as_object()) {
            if let Some(s) = key.downcast_ref::<PyStr>() {
                if let Some(i) = self.find_str_index(s) {
                    return self
                        .replace_value_at(i, value)
                        .map_err(|_| vm.new_system_error("dict entry vanished"));
                }
            }
        }
        let hash = vm.hash(&key)?;
        self.set_item_hashed(vm, key, hash, value)
    }

    pub fn set_item_hashed(
        &self,
        vm: &Vm,
        key: PyObjectRef,
        hash: i64,
        value: PyObjectRef,
    ) -> PyResult<()> {
        match self.find(vm, &key, hash)? {
            Some(i) => {
                if let Err(value) = self.replace_value_at(i, value) {
                    self.insert_new(key, hash, value);
                }
            }
            None => self.insert_new(key, hash, value),
        }
        Ok(())
    }

    /// Insert a key known to be an exact `str` (no `==` can run).
    pub fn set_str(&self, key: PyRef<PyStr>, value: PyObjectRef) {
        let hash = key.hash();
        let key = key.into_object();
        match self.probe(&key, hash, &[]) {
            Probe::Found(i) => {
                if let Err(value) = self.replace_value_at(i, value) {
                    self.insert_new(key, hash, value);
                }
            }
            _ => self.insert_new(key, hash, value),
        }
    }

    fn insert_new(&self, key: PyObjectRef, hash: i64, value: PyObjectRef) {
        let mut t = self.table.borrow_mut();
        if (t.entries.len() + 1) * 3 >= t.indices.len() * 2 {
            // CPython's GROWTH_RATE: three times the live entries.
            let want = (t.used * 3).max(MIN_SIZE);
            resize(&mut t, want);
        }
        let idx = t.entries.len();
        t.entries.push(Some(Entry { hash, key, value }));
        t.used += 1;
        let mask = t.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while t.indices[i] >= 0 {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        t.indices[i] = idx as i32;
        drop(t);
        self.touch();
    }

    /// `del d[key]`; returns the removed value, or `None` if absent.
    pub fn del_item(&self, vm: &Vm, key: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let hash = vm.hash(key)?;
        let Some(i) = self.find(vm, key, hash)? else {
            return Ok(None);
        };
        Ok(self.remove_at(i).map(|e| e.value))
    }

    /// Remove the entry at index `i` (as returned by iteration).
    pub fn remove_at(&self, i: usize) -> Option<Entry> {
        let removed = {
            let mut t = self.table.borrow_mut();
            let e = t.entries.get_mut(i)?.take()?;
            let mask = t.indices.len() - 1;
            let mut perturb = e.hash as u64;
            let mut j = (e.hash as u64 as usize) & mask;
            loop {
                if t.indices[j] == i as i32 {
                    t.indices[j] = DUMMY;
                    break;
                }
                perturb >>= 5;
                j = (j
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            t.used -= 1;
            e
        };
        self.touch();
        Some(removed)
    }

    /// Remove a str key without a VM.
    pub fn del_str(&self, key: &PyStr) -> Option<PyObjectRef> {
        let idx = {
            let t = self.table.borrow();
            t.entries.iter().position(|e| {
                e.as_ref().is_some_and(|e| {
                    e.key
                        .downcast_ref::<PyStr>()
                        .is_some_and(|s| s.as_str() == key.as_str())
                })
            })
        }?;
        self.remove_at(idx).map(|e| e.value)
    }

    /// The entry at dense index `i` and the next index to look at; `None`
    /// when iteration is over. Deleted slots are skipped.
    pub fn next_entry(&self, mut i: usize) -> Option<(usize, PyObjectRef, PyObjectRef)> {
        let t = self.table.borrow();
        while i < t.entries.len() {
            if let Some(e) = &t.entries[i] {
                return Some((i + 1, e.key.clone(), e.value.clone()));
            }
            i += 1;
        }
        None
    }

    /// Length of the dense entry array, deleted slots included (iteration
    /// positions range over it).
    pub fn entries_len(&self) -> usize {
        self.table.borrow().entries.len()
    }

    /// Number of slots in the index table (0 before the first insertion).
    pub fn table_size(&self) -> usize {
        self.table.borrow().indices.len()
    }

    /// The live entry at dense index `i`, if any.
    pub fn entry_at(&self, i: usize) -> Option<(PyObjectRef, PyObjectRef)> {
        let t = self.table.borrow();
        t.entries
            .get(i)
            .and_then(|e| e.as_ref())
            .map(|e| (e.key.clone(), e.value.clone()))
    }

    /// Last live entry (for `popitem`).
    pub fn last_index(&self) -> Option<usize> {
        let t = self.table.borrow();
        t.entries.iter().rposition(|e| e.is_some())
    }

    /// Snapshot of the entries.
    pub fn items(&self) -> Vec<(PyObjectRef, PyObjectRef)> {
        self.table
            .borrow()
            .entries
            .iter()
            .flatten()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    pub fn keys(&self) -> Vec<PyObjectRef> {
        self.table
            .borrow()
            .entries
            .iter()
            .flatten()
            .map(|e| e.key.clone())
            .collect()
    }

    pub fn values(&self) -> Vec<PyObjectRef> {
        self.table
            .borrow()
            .entries
            .iter()
            .flatten()
            .map(|e| e.value.clone())
            .collect()
    }

    /// Snapshot of entries with hashes (for copying without rehashing).
    pub fn entries(&self) -> Vec<Entry> {
        self.table
            .borrow()
            .entries
            .iter()
            .flatten()
            .cloned()
            .collect()
    }

    /// Insert entries known not to be present (fresh dict copy).
    pub fn extend_fresh(&self, entries: Vec<Entry>) {
        for e in entries {
            self.insert_new(e.key, e.hash, e.value);
        }
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        self.touch();
        drop(old);
    }

    /// A shallow copy.
    pub fn copy(&self) -> PyDict {
        let d = PyDict::new();
        d.extend_fresh(self.entries());
        d
    }
}

fn resize(t: &mut Table, min_used: usize) {
    let mut size = MIN_SIZE;
    while size < min_used {
        size <<= 1;
    }
    let entries: Vec<Option<Entry>> = std::mem::take(&mut t.entries)
        .into_iter()
        .filter(|e| e.is_some())
        .collect();
    t.indices = vec![EMPTY; size];
    let mask = size - 1;
    for (idx, e) in entries.iter().enumerate() {
        let hash = e.as_ref().map(|e| e.hash).unwrap_or(0);
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while t.indices[i] != EMPTY {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        t.indices[i] = idx as i32;
    }
    t.entries = entries;
}

fn exact_str(o: &PyObjectRef) -> bool {
    o.downcast_ref::<PyStr>().is_some() && !super::typeobj::class_of(o).ext.heap
}
