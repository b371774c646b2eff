//! `set` and `frozenset`: hash tables of keys, probed as CPython 3.11's
//! `setobject.c` probes (linear probes then perturbation), so iteration order
//! matches CPython's for equal hashes. Methods live in `set_methods.rs`.

use std::cell::{Cell, RefCell};

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
    /// Mutation counter for iterators.
    pub version: u64,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable { slots: vec![Slot::Empty; 8], used: 0, fill: 0, version: 0 }
    }
}

impl Payload for PySet {
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

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

impl PySet {
    pub fn new() -> Self {
        PySet { table: RefCell::new(SetTable::default()), hash: Cell::new(-1) }
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
            .filter_map(|s| if let Slot::Full(_, k) = s { Some(k.clone()) } else { None })
            .collect()
    }

    /// Find `key`: `Ok(Some(slot))` if present.
    pub fn find(&self, vm: &Vm, key: &PyObjectRef, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let (mask, version) = {
                let t = self.table.borrow();
                (t.slots.len() - 1, t.version)
            };
            let mut perturb = hash as u64;
            let mut i = hash as u64 as usize & mask;
            loop {
                let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                loop {
                    let slot = self.table.borrow().slots[i].clone();
                    match slot {
                        Slot::Empty => return Ok(None),
                        Slot::Full(h, k) => {
                            if k.is(key) {
                                return Ok(Some(i));
                            }
                            if h == hash {
                                let eq = vm.eq_bool(&k, key)?;
                                if self.table.borrow().version != version {
                                    continue 'restart;
                                }
                                if eq {
                                    return Ok(Some(i));
                                }
                            }
                        }
                        Slot::Dummy => {}
                    }
                    if probes == 0 {
                        break;
                    }
                    probes -= 1;
                    i += 1;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
    }

    pub fn contains(&self, vm: &Vm, key: &PyObjectRef) -> PyResult<bool> {
        let h = vm.hash(key)?;
        Ok(self.find(vm, key, h)?.is_some())
    }

    /// Add `key`; returns whether it was new.
    pub fn add(&self, vm: &Vm, key: PyObjectRef) -> PyResult<bool> {
        let h = vm.hash(&key)?;
        self.add_hashed(vm, key, h)
    }

    pub fn add_hashed(&self, vm: &Vm, key: PyObjectRef, hash: i64) -> PyResult<bool> {
        if self.find(vm, &key, hash)?.is_some() {
            return Ok(false);
        }
        let mut t = self.table.borrow_mut();
        insert_clean(&mut t, key, hash);
        t.used += 1;
        t.fill += 1;
        t.version += 1;
        if t.fill * 5 >= (t.slots.len() - 1) * 3 {
            let used = t.used;
            resize(&mut t, if used > 50000 { used * 2 } else { used * 4 });
        }
        Ok(true)
    }

    /// Remove `key`; returns whether it was present.
    pub fn discard(&self, vm: &Vm, key: &PyObjectRef) -> PyResult<bool> {
        let h = vm.hash(key)?;
        match self.find(vm, key, h)? {
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
        let old = std::mem::take(&mut *self.table.borrow_mut());
        self.table.borrow_mut().version = old.version + 1;
        drop(old);
    }
}

fn insert_clean(t: &mut SetTable, key: PyObjectRef, hash: i64) {
    let mask = t.slots.len() - 1;
    let mut perturb = hash as u64;
    let mut i = hash as u64 as usize & mask;
    loop {
        if matches!(t.slots[i], Slot::Empty) {
            t.slots[i] = Slot::Full(hash, key);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in i + 1..=i + LINEAR_PROBES {
                if matches!(t.slots[j], Slot::Empty) {
                    t.slots[j] = Slot::Full(hash, key);
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

fn resize(t: &mut SetTable, minused: usize) {
    let mut newsize = 8;
    while newsize <= minused {
        newsize <<= 1;
    }
    let old = std::mem::replace(&mut t.slots, vec![Slot::Empty; newsize]);
    t.fill = t.used;
    for s in old {
        if let Slot::Full(h, k) = s {
            insert_clean(t, k, h);
        }
    }
}

/// Rebuild-free insertion used by constructors on a fresh table.
pub fn resize_for(t: &mut SetTable, n: usize) {
    if (t.fill + n) * 5 >= (t.slots.len() - 1) * 3 {
        let want = (t.used + n) * 2;
        resize(t, want);
    }
}
