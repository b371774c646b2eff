//! `set` and `frozenset`: hash tables of keys, probed exactly as CPython
//! 3.11's `setobject.c` probes (runs of linear probes from a base index,
//! then perturbation; deleted slots reused on insertion; merges that copy
//! or re-insert a whole table; `pop` resuming from a finger), so iteration
//! order matches CPython's. Methods live in `set_methods.rs`.

use std::cell::{Cell, RefCell};

use super::str::PyStr;
use crate::{Payload, PyObjectRef, PyRef, PyResult, Vm};

/// The payload of `set` and `frozenset` (frozenset never mutates after
/// construction).
#[derive(Default)]
pub struct PySet {
    pub table: RefCell<SetTable>,
    /// Cached hash for frozenset (-1 = not computed).
    pub hash: Cell<i64>,
}

pub type PySetRef = PyRef<PySet>;

/// Slot states: empty, dummy (deleted) or an entry.
#[derive(Clone)]
pub enum Slot {
    Empty,
    Dummy,
    Full(i64, PyObjectRef),
}

/// The open-addressing table.
pub struct SetTable {
    pub slots: Vec<Slot>,
    /// Live entries.
    pub used: usize,
    /// Live plus dummy entries.
    pub fill: usize,
    /// Mutation counter: lookups restart when `==` changed the table.
    pub version: u64,
    /// Where `pop` resumes its scan (CPython's `finger`).
    pub finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            used: 0,
            fill: 0,
            version: 0,
            finger: 0,
        }
    }
}

impl Payload for PySet {
    pyrite_core::unique_vtable!(PySet);
    /// Cycle collector: drop every element.
    fn clear(&self) {
        if self.table.try_borrow_mut().is_ok() {
            PySet::clear(self);
        }
    }

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(t) = self.table.try_borrow() {
            for s in &t.slots {
                if let Slot::Full(_, k) = s {
                    visit(k);
                }
            }
        }
    }
}

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// Result of a probe.
enum Probe {
    Found(usize),
    /// Not present: the last dummy seen (reused by inserts) and the empty
    /// slot that ended the search.
    Missing(Option<usize>, usize),
}

fn exact_str(o: &PyObjectRef) -> Option<&PyStr> {
    let s = o.downcast_ref::<PyStr>()?;
    if super::typeobj::class_of(o).ext.heap {
        None
    } else {
        Some(s)
    }
}

impl PySet {
    pub fn new() -> Self {
        PySet {
            table: RefCell::new(SetTable::default()),
            hash: Cell::new(-1),
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    /// Snapshot of the keys in table order.
    pub fn keys(&self) -> Vec<PyObjectRef> {
        self.table
            .borrow()
            .slots
            .iter()
            .filter_map(|s| {
                if let Slot::Full(_, k) = s {
                    Some(k.clone())
                } else {
                    None
                }
            })
            .collect()
    }

    /// Snapshot of (hash, key) in table order.
    pub fn entries(&self) -> Vec<(i64, PyObjectRef)> {
        self.table
            .borrow()
            .slots
            .iter()
            .filter_map(|s| {
                if let Slot::Full(h, k) = s {
                    Some((*h, k.clone()))
                } else {
                    None
                }
            })
            .collect()
    }

    /// The live entry at or after slot `i`: (next position, key).
    pub fn next_entry(&self, mut i: usize) -> Option<(usize, PyObjectRef)> {
        let t = self.table.borrow();
        while i < t.slots.len() {
            if let Slot::Full(_, k) = &t.slots[i] {
                return Some((i + 1, k.clone()));
            }
            i += 1;
        }
        None
    }

    /// CPython's `set_lookkey` (with `freeslot` tracking for inserts).
    fn probe(&self, vm: &Vm, key: &PyObjectRef, hash: i64) -> PyResult<Probe> {
        'restart: loop {
            let (mask, version) = {
                let t = self.table.borrow();
                (t.slots.len() - 1, t.version)
            };
            let mut freeslot = None;
            let mut perturb = hash as u64;
            let mut i = hash as u64 as usize & mask;
            loop {
                let probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for j in i..=i + probes {
                    let slot = self.table.borrow().slots[j].clone();
                    match slot {
                        Slot::Empty => return Ok(Probe::Missing(freeslot, j)),
                        // CPython 3.11 remembers the last dummy passed, not the
                        // first (observable in iteration order).
                        Slot::Dummy => freeslot = Some(j),
                        Slot::Full(h, k) => {
                            if h != hash {
                                continue;
                            }
                            if k.is(key) {
                                return Ok(Probe::Found(j));
                            }
                            if let (Some(a), Some(b)) = (exact_str(&k), exact_str(key)) {
                                if a.as_str() == b.as_str() {
                                    return Ok(Probe::Found(j));
                                }
                                continue;
                            }
                            let eq = vm.eq_bool(&k, key)?;
                            if self.table.borrow().version != version {
                                continue 'restart;
                            }
                            if eq {
                                return Ok(Probe::Found(j));
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    /// Find `key`: `Ok(Some(slot))` if present.
    pub fn find(&self, vm: &Vm, key: &PyObjectRef, hash: i64) -> PyResult<Option<usize>> {
        Ok(match self.probe(vm, key, hash)? {
            Probe::Found(i) => Some(i),
            Probe::Missing(..) => None,
        })
    }

    /// `key in set`; an unhashable `set` key is looked up as a frozenset
    /// (CPython's `set_contains`).
    pub fn contains(&self, vm: &Vm, key: &PyObjectRef) -> PyResult<bool> {
        let h = match vm.hash(key) {
            Ok(h) => h,
            Err(e)
                if key.downcast_ref::<PySet>().is_some()
                    && vm.exc_matches(&e, &vm.exc.TypeError) =>
            {
                let tmp = PySet::new();
                if let Some(src) = key.downcast_ref::<PySet>() {
                    tmp.merge(vm, src)?;
                }
                let tmp = vm
                    .try_alloc(tmp, vm.types.frozenset.as_object())?
                    .into_object();
                let h = vm.hash(&tmp)?;
                return Ok(self.find(vm, &tmp, h)?.is_some());
            }
            Err(e) => return Err(e),
        };
        Ok(self.find(vm, key, h)?.is_some())
    }

    /// Add `key`; returns whether it was new.
    pub fn add(&self, vm: &Vm, key: PyObjectRef) -> PyResult<bool> {
        let h = vm.hash(&key)?;
        self.add_hashed(vm, key, h)
    }

    /// CPython's `set_add_entry`.
    pub fn add_hashed(&self, vm: &Vm, key: PyObjectRef, hash: i64) -> PyResult<bool> {
        let (freeslot, empty) = match self.probe(vm, &key, hash)? {
            Probe::Found(_) => return Ok(false),
            Probe::Missing(f, e) => (f, e),
        };
        let mut t = self.table.borrow_mut();
        t.version += 1;
        t.used += 1;
        if let Some(f) = freeslot {
            t.slots[f] = Slot::Full(hash, key);
            return Ok(true);
        }
        t.slots[empty] = Slot::Full(hash, key);
        t.fill += 1;
        if t.fill * 5 >= (t.slots.len() - 1) * 3 {
            let used = t.used;
            resize(&mut t, if used > 50000 { used * 2 } else { used * 4 });
        }
        Ok(true)
    }

    /// Remove `key`; returns whether it was present.
    pub fn discard(&self, vm: &Vm, key: &PyObjectRef) -> PyResult<bool> {
        let h = vm.hash(key)?;
        self.discard_hashed(vm, key, h)
    }

    pub fn discard_hashed(&self, vm: &Vm, key: &PyObjectRef, hash: i64) -> PyResult<bool> {
        match self.find(vm, key, hash)? {
            Some(i) => {
                let old = {
                    let mut t = self.table.borrow_mut();
                    t.used -= 1;
                    t.version += 1;
                    std::mem::replace(&mut t.slots[i], Slot::Dummy)
                };
                drop(old);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    pub fn clear(&self) {
        let old = {
            let mut t = self.table.borrow_mut();
            let v = t.version;
            let old = std::mem::take(&mut *t);
            t.version = v + 1;
            old
        };
        drop(old);
    }

    /// `set.pop()` (CPython's finger scan); `None` when empty.
    pub fn pop(&self) -> Option<PyObjectRef> {
        let mut t = self.table.borrow_mut();
        if t.used == 0 {
            return None;
        }
        let mask = t.slots.len() - 1;
        let mut i = t.finger & mask;
        while !matches!(t.slots[i], Slot::Full(..)) {
            i = if i >= mask { 0 } else { i + 1 };
        }
        let old = std::mem::replace(&mut t.slots[i], Slot::Dummy);
        t.used -= 1;
        t.version += 1;
        t.finger = i + 1;
        match old {
            Slot::Full(_, k) => Some(k),
            _ => None,
        }
    }

    /// Resize the table as `set_table_resize` (drops dummies).
    pub fn resize(&self, minused: usize) {
        let mut t = self.table.borrow_mut();
        t.version += 1;
        resize(&mut t, minused);
    }

    /// CPython's `set_merge`: add every key of `other` (not `self`).
    pub fn merge(&self, vm: &Vm, other: &PySet) -> PyResult<()> {
        let (other_slots, other_used, other_fill) = {
            let o = other.table.borrow();
            (o.slots.clone(), o.used, o.fill)
        };
        if other_used == 0 {
            return Ok(());
        }
        {
            let mut t = self.table.borrow_mut();
            t.version += 1;
            if (t.fill + other_used) * 5 >= (t.slots.len() - 1) * 3 {
                let want = (t.used + other_used) * 2;
                resize(&mut t, want);
            }
            if t.fill == 0 && t.slots.len() == other_slots.len() && other_fill == other_used {
                for (i, s) in other_slots.into_iter().enumerate() {
                    if let Slot::Full(..) = s {
                        t.slots[i] = s;
                    }
                }
                t.fill = other_fill;
                t.used = other_used;
                return Ok(());
            }
            if t.fill == 0 {
                t.fill = other_used;
                t.used = other_used;
                for s in other_slots {
                    if let Slot::Full(h, k) = s {
                        insert_clean(&mut t.slots, k, h);
                    }
                }
                return Ok(());
            }
        }
        for s in other_slots {
            if let Slot::Full(h, k) = s {
                self.add_hashed(vm, k, h)?;
            }
        }
        Ok(())
    }

    /// Exchange contents with `other` (`set_swap_bodies`, minus the hash).
    pub fn swap_table(&self, other: &PySet) {
        std::mem::swap(
            &mut *self.table.borrow_mut(),
            &mut *other.table.borrow_mut(),
        );
        let mut a = self.table.borrow_mut();
        let mut b = other.table.borrow_mut();
        let v = a.version.max(b.version) + 1;
        a.version = v;
        b.version = v;
        // Each set keeps its own `pop` finger, as in CPython.
        std::mem::swap(&mut a.finger, &mut b.finger);
    }

    /// `hash(frozenset)`: CPython's shuffled-bits xor, cached.
    pub fn frozen_hash(&self) -> i64 {
        if self.hash.get() != -1 {
            return self.hash.get();
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let t = self.table.borrow();
        let mut hash: u64 = 0;
        for s in &t.slots {
            if let Slot::Full(h, _) = s {
                hash ^= shuffle(*h as u64);
            }
        }
        hash ^= (t.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        self.hash.set(hash as i64);
        hash as i64
    }
}

fn insert_clean(slots: &mut [Slot], key: PyObjectRef, hash: i64) {
    let mask = slots.len() - 1;
    let mut perturb = hash as u64;
    let mut i = hash as u64 as usize & mask;
    loop {
        if matches!(slots[i], Slot::Empty) {
            slots[i] = Slot::Full(hash, key);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in i + 1..=i + LINEAR_PROBES {
                if matches!(slots[j], Slot::Empty) {
                    slots[j] = Slot::Full(hash, key);
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

fn resize(t: &mut SetTable, minused: usize) {
    let mut newsize = MIN_SIZE;
    while newsize <= minused {
        newsize <<= 1;
    }
    let old = std::mem::replace(&mut t.slots, vec![Slot::Empty; newsize]);
    t.fill = t.used;
    for s in old {
        if let Slot::Full(h, k) = s {
            insert_clean(&mut t.slots, k, h);
        }
    }
}

/// Grow a table ahead of adding `n` keys (as `set_update_internal` does for
/// dicts and sets).
pub fn resize_for(t: &mut SetTable, n: usize) {
    if (t.fill + n) * 5 >= (t.slots.len() - 1) * 3 {
        let want = (t.used + n) * 2;
        resize(t, want);
    }
}
