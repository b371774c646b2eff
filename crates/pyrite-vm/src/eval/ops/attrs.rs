//! `LOAD_ATTR`, `STORE_ATTR` and `LOAD_METHOD` with per-name inline caches.
//!
//! CPython 3.11 specialises these instructions (`LOAD_ATTR_INSTANCE_VALUE`,
//! `STORE_ATTR_INSTANCE_VALUE`, `LOAD_METHOD_WITH_VALUES`) guarded by the
//! type's version tag. Pyrite keeps the same facts in the code object, one
//! entry per attribute instruction (`PyCode::attr_cache`, found through
//! `PyCode::attr_sites`), guarded by the type's address and
//! the global type epoch, which is bumped by every class creation, class
//! mutation and class deallocation (so an address reused by a new class
//! never matches an old entry).
//!
//! An entry says, for instances of one class with inline values (see
//! `types/instance_values.rs`) and the default `__getattribute__` and
//! `__setattr__`:
//! * `VALUE`: the name has no data descriptor on the class and sits at
//!   `index` in the class's shared keys, so the attribute is the instance's
//!   inline value there (when present);
//! * `METHOD`: the name is a plain function or method descriptor on the
//!   class and no instance can shadow it inline while the class has
//!   `nkeys` shared names (names are only ever appended).
//!
//! Each instruction has `WAYS` entries, so a site used by a few classes
//! (subclasses running a base's method) keeps one per class. Anything else
//! (a missing value, an instance in dict mode) takes the generic path,
//! which fills an entry for a class not yet described (evicting in turn
//! when all are taken, and giving up on a site after `MAX_REFILLS`
//! evictions, as CPython's adaptive counters back off).
//! Entries hold no references.

use std::cell::Cell;

use crate::eval::frame::Frame;
use crate::types::code::PyCode;
use crate::types::descr::{MethodKind, PyMethodDescr};
use crate::types::function::PyFunction;
use crate::types::instance_values::inline_parts;
use crate::types::object::PyInstance;
use crate::types::typeobj::{class_of, type_epoch, PyType, PyTypeObj};
use crate::{PyObjectRef, PyResult, Vm};
use pyrite_core::TypeFlags;

#[derive(Clone, Copy)]
pub struct AttrCache {
    type_addr: usize,
    epoch: u64,
    index: u32,
    nkeys: u32,
    kind: u8,
    /// How many times the entry was refilled for another class.
    refills: u8,
}

const EMPTY: u8 = 0;
const VALUE: u8 = 1;
const METHOD: u8 = 2;
/// This class's access cannot be cached: take the generic path directly.
const NOCACHE: u8 = 3;
/// (In way 0) the site sees too many classes: stop refilling until the
/// epoch changes.
const POLY: u8 = 4;
/// `LOAD_ATTR` on a class object (keyed by the class's own address) whose
/// metatype is `type`: the name has no data descriptor on `type`, and the
/// class's MRO holds it as something `type.__getattribute__` binds with
/// `bind_descriptor` (not a property/getset/member, which it returns
/// as is). The hit path looks the value up on the class (its type cache)
/// and binds it, skipping the metatype checks.
const CLASSATTR: u8 = 5;
/// As `CLASSATTR`, for a value whose type has no `__get__` at all (a
/// constant such as `Strength.REQUIRED`): the hit path returns it as found,
/// without the descriptor protocol. (Giving that type a `__get__` later is
/// a class mutation, which bumps the epoch and so voids the entry.)
const CLASSATTR_PLAIN: u8 = 7;
/// `LOAD_METHOD` on an instance of a builtin (static) type without an
/// instance dict, whose type has the name as a method descriptor: no
/// instance can shadow it and the type cannot change, so the hit path just
/// looks the descriptor up on the type.
const BUILTIN_METHOD: u8 = 6;
/// Entries per instruction: a site may see a few classes (subclasses
/// sharing a base's methods), each with its own entry.
pub const WAYS: usize = 4;
/// Evictions at a site before it counts as megamorphic.
const MAX_REFILLS: u8 = 64;

impl AttrCache {
    pub const EMPTY: AttrCache = AttrCache {
        type_addr: 0,
        epoch: 0,
        index: 0,
        nkeys: 0,
        kind: EMPTY,
        refills: 0,
    };
}

/// The ways of instruction `site`'s cache.
#[inline(always)]
fn ways(code: &PyCode, site: usize) -> Option<&[Cell<AttrCache>]> {
    code.attr_cache.get(site * WAYS..site * WAYS + WAYS)
}

/// The cache entry of `site` valid for `obj`'s class, if any.
#[inline(always)]
fn valid_entry(code: &PyCode, site: usize, obj: &PyObjectRef) -> Option<AttrCache> {
    let addr = obj.class().id();
    let epoch = type_epoch();
    ways(code, site)?
        .iter()
        .map(Cell::get)
        .find(|c| c.type_addr == addr && c.epoch == epoch && c.kind != EMPTY)
}

/// The kind of `site`'s live `CLASSATTR`/`CLASSATTR_PLAIN` entry for the
/// class `cls`, if it has one.
#[inline]
fn class_entry(code: &PyCode, site: usize, cls: &PyObjectRef) -> Option<u8> {
    let addr = cls.id();
    let epoch = type_epoch();
    ways(code, site)?
        .iter()
        .map(Cell::get)
        .find(|c| {
            c.type_addr == addr
                && c.epoch == epoch
                && (c.kind == CLASSATTR || c.kind == CLASSATTR_PLAIN)
        })
        .map(|c| c.kind)
}

/// `obj`'s inline values, when it is in inline mode (the class check is
/// the cache entry's).
#[inline]
fn inline_values(obj: &PyObjectRef) -> Option<&PyInstance> {
    inline_parts(obj, &class_of(obj).ext).map(|(_, inst)| inst)
}

/// The inline values of `obj`, whose class a `VALUE` or `METHOD` entry
/// matched (so the class keeps inline values): None when the instance is
/// in dict mode.
#[inline(always)]
fn matched_values(obj: &PyObjectRef) -> Option<&PyInstance> {
    if obj.dict_slot_is_set() {
        return None;
    }
    obj.downcast_ref::<PyInstance>()
}

// Each takes the object (the top of the stack, or a folded `LOAD_FAST`'s
// local) from the loop. The three instructions are split in two: a hit path for the common case
// (the instance's class has an entry and the value is where it says),
// inlined into the dispatch loop, and everything else out of line, so the
// hit path pays for no call and no spilled registers.

#[inline(always)]
pub fn load_attr(vm: &Vm, f: &mut Frame, arg: u32, obj: PyObjectRef) -> PyResult<()> {
    if let Some(c) = valid_entry(&f.code, site(f), &obj) {
        if c.kind == VALUE {
            if let Some(inst) = matched_values(&obj) {
                let v = inst.slots.borrow().get(c.index as usize).cloned().flatten();
                if let Some(v) = v {
                    f.push(v);
                    return Ok(());
                }
            }
        }
    }
    load_attr_slow(vm, f, arg, obj)
}

#[inline(never)]
fn load_attr_slow(vm: &Vm, f: &mut Frame, arg: u32, obj: PyObjectRef) -> PyResult<()> {
    let idx = arg as usize;
    if obj.class().is(vm.types.type_.as_object()) {
        if let Some(kind) = class_entry(&f.code, site(f), &obj) {
            if let Some(t) = obj.downcast_ref::<PyTypeObj>() {
                if let Some(a) = t.ext.lookup(&f.code.names[idx]) {
                    let v = if kind == CLASSATTR_PLAIN {
                        a
                    } else {
                        vm.bind_descriptor(&a, None, &obj)?
                    };
                    f.push(v);
                    return Ok(());
                }
            }
        }
    }
    let name = f.code.names[idx].clone();
    let v = vm.get_attr(&obj, &name)?;
    fill(vm, &f.code, site(f), &obj, &name, false);
    f.push(v);
    Ok(())
}

#[inline(always)]
pub fn store_attr(vm: &Vm, f: &mut Frame, arg: u32, obj: PyObjectRef) -> PyResult<()> {
    let v = f.pop();
    if let Some(c) = valid_entry(&f.code, site(f), &obj) {
        if c.kind == VALUE {
            if let Some(inst) = matched_values(&obj) {
                let i = c.index as usize;
                let mut vals = inst.slots.borrow_mut();
                if i < vals.len() && vals[i].is_some() {
                    let old = vals[i].replace(v);
                    drop(vals);
                    // Dropping the old value may run `__del__`.
                    drop(old);
                    return Ok(());
                }
                if i == vals.len() {
                    if vals.capacity() == 0 {
                        // As `inline_store`: room for the names the class's
                        // instances have had so far (not the count when this
                        // entry was filled, which may be smaller).
                        let nkeys = class_of(&obj).ext.shared_keys.borrow().len();
                        vals.reserve_exact(nkeys.max(i + 1));
                    }
                    vals.push(Some(v));
                    return Ok(());
                }
            }
        }
    }
    store_attr_slow(vm, f, arg, obj, v)
}

#[inline(never)]
fn store_attr_slow(
    vm: &Vm,
    f: &mut Frame,
    arg: u32,
    obj: PyObjectRef,
    v: PyObjectRef,
) -> PyResult<()> {
    let name = f.code.names[arg as usize].clone();
    vm.set_attr(&obj, &name, v)?;
    fill(vm, &f.code, site(f), &obj, &name, false);
    Ok(())
}

/// `LOAD_METHOD`: push `(method, self)` when the attribute is a plain
/// method found on the type (no bound-method object), else `(NULL, attr)`.
#[inline(always)]
pub fn load_method(vm: &Vm, f: &mut Frame, arg: u32, obj: PyObjectRef) -> PyResult<()> {
    let idx = arg as usize;
    if let Some(c) = valid_entry(&f.code, site(f), &obj) {
        if c.kind == METHOD && matched_values(&obj).is_some() {
            let cls = class_of(&obj);
            let unshadowed = cls.ext.shared_keys.borrow().len() == c.nkeys as usize;
            if unshadowed {
                if let Some(m) = cls.ext.lookup(&f.code.names[idx]) {
                    f.push(m);
                    f.push(obj);
                    return Ok(());
                }
            }
        } else if c.kind == BUILTIN_METHOD {
            if let Some(m) = class_of(&obj).ext.lookup(&f.code.names[idx]) {
                f.push(m);
                f.push(obj);
                return Ok(());
            }
        }
    }
    load_method_slow(vm, f, arg, obj)
}

#[inline(never)]
fn load_method_slow(vm: &Vm, f: &mut Frame, arg: u32, obj: PyObjectRef) -> PyResult<()> {
    let name = f.code.names[arg as usize].clone();
    if super::names::push_method(vm, f, &obj, &name)? {
        fill(vm, &f.code, site(f), &obj, &name, true);
        return Ok(());
    }
    let v = vm.get_attr(&obj, &name)?;
    fill(vm, &f.code, site(f), &obj, &name, false);
    f.push_opt(None);
    f.push(v);
    Ok(())
}

/// Whether `cls` uses the default `__getattribute__`/`__setattr__` (the only
/// case an entry describes).
fn default_hooks(vm: &Vm, cls: &PyType) -> bool {
    let native = |n: &PyObjectRef| {
        cls.lookup(n)
            .is_some_and(|h| h.downcast_ref::<PyMethodDescr>().is_some())
    };
    cls.getattro.get().is_none()
        && cls.setattro.get().is_none()
        && native(&vm.names.__getattribute__)
        && native(&vm.names.__setattr__)
}

/// Record what the generic path found for name `idx` on `obj`'s class.
/// An entry that cannot describe the access is recorded too (`NOCACHE`),
/// so the same class does not pay for this again; a site that keeps seeing
/// new classes stops refilling until the type epoch changes (`POLY`).
fn fill(vm: &Vm, code: &PyCode, site: usize, obj: &PyObjectRef, name: &PyObjectRef, method: bool) {
    let cls = class_of(obj);
    // Attributes of a class object (metatype `type`) are keyed by the
    // class itself.
    let class_obj = !method && obj.class().is(vm.types.type_.as_object());
    let builtin = method && !cls.ext.heap && !cls.core.flags().has(TypeFlags::HAS_DICT);
    // An instance in dict mode says nothing about its class's others.
    if !class_obj && !builtin && (!cls.ext.inline_values || inline_values(obj).is_none()) {
        return;
    }
    let Some(ways) = ways(code, site) else {
        return;
    };
    let epoch = type_epoch();
    let type_addr = if class_obj {
        obj.id()
    } else {
        obj.class().id()
    };
    let live = |c: AttrCache| c.kind != EMPTY && c.epoch == epoch;
    let first = ways[0].get();
    if first.kind == POLY && live(first) {
        return;
    }
    if ways
        .iter()
        .any(|w| live(w.get()) && w.get().type_addr == type_addr)
    {
        // Already described (a missing value, say): nothing new to learn.
        return;
    }
    // A free or stale way, else evict in turn (evictions counted in way 0).
    let evictions = if live(first) { first.refills } else { 0 };
    let (slot, refills) = match ways.iter().position(|w| !live(w.get())) {
        Some(i) => (i, evictions),
        None => (evictions as usize % WAYS, evictions.saturating_add(1)),
    };
    let mut entry = AttrCache {
        type_addr,
        epoch,
        index: 0,
        nkeys: 0,
        kind: NOCACHE,
        refills,
    };
    if refills >= MAX_REFILLS {
        entry.kind = POLY;
        ways[0].set(entry);
        return;
    }
    if class_obj {
        entry.kind = class_attr_kind(vm, obj, name);
    } else if builtin {
        let object_getattribute = vm.types.object.ext.lookup(&vm.names.__getattribute__);
        let plain_getattr = cls.ext.getattro.get().is_none()
            && cls
                .ext
                .lookup(&vm.names.__getattribute__)
                .is_some_and(|g| object_getattribute.is_some_and(|o| o.is(&g)));
        if plain_getattr
            && cls.ext.lookup(name).is_some_and(|m| {
                m.downcast_ref::<PyMethodDescr>()
                    .is_some_and(|d| d.kind == MethodKind::Instance)
            })
        {
            entry.kind = BUILTIN_METHOD;
        }
    } else if default_hooks(vm, &cls.ext) {
        let keys = cls.ext.shared_keys.borrow();
        let key_index = keys.iter().position(|k| k.as_object().is(name));
        let class_attr = cls.ext.lookup(name);
        entry.nkeys = keys.len() as u32;
        if method {
            let plain = class_attr.as_ref().is_some_and(|m| {
                m.downcast_ref::<PyFunction>().is_some()
                    || m.downcast_ref::<PyMethodDescr>()
                        .is_some_and(|d| d.kind == MethodKind::Instance)
            });
            if plain && key_index.is_none() {
                entry.kind = METHOD;
            }
        } else if let Some(i) = key_index {
            if !class_attr.is_some_and(|d| crate::protocol::attr::is_data_descr(vm, &d)) {
                entry.kind = VALUE;
                entry.index = i as u32;
            }
        }
    }
    ways[slot].set(entry);
    if slot != 0 && live(ways[0].get()) {
        let mut w0 = ways[0].get();
        w0.refills = refills;
        ways[0].set(w0);
    }
}

/// The entry kind for `name` on the class `obj`: `CLASSATTR_PLAIN` or
/// `CLASSATTR` when one describes it (see there), else `NOCACHE`.
fn class_attr_kind(vm: &Vm, obj: &PyObjectRef, name: &PyObjectRef) -> u8 {
    use crate::types::descr::{PyGetSetDescr, PyMemberDescr};
    use crate::types::property::PyProperty;
    if class_of(obj)
        .ext
        .lookup(name)
        .is_some_and(|m| crate::protocol::attr::is_data_descr(vm, &m))
    {
        return NOCACHE;
    }
    let Some(t) = obj.downcast_ref::<PyTypeObj>() else {
        return NOCACHE;
    };
    let Some(a) = t.ext.lookup(name) else {
        return NOCACHE;
    };
    if a.downcast_ref::<PyProperty>().is_some()
        || a.downcast_ref::<PyGetSetDescr>().is_some()
        || a.downcast_ref::<PyMemberDescr>().is_some()
    {
        return NOCACHE;
    }
    if class_of(&a).ext.lookup(&vm.names.__get__).is_none() {
        return CLASSATTR_PLAIN;
    }
    CLASSATTR
}

/// Empty caches for the attribute instructions of `co_code`, and the map
/// from code unit to cache entry (see `PyCode::attr_sites`).
pub fn new_attr_caches(co_code: &[u8]) -> (Box<[u32]>, Box<[Cell<AttrCache>]>) {
    let mut n = 0u32;
    let sites = co_code
        .chunks(2)
        .map(|unit| {
            let op = pyrite_bytecode::Opcode::from_u8(unit[0]);
            match op {
                Some(
                    pyrite_bytecode::Opcode::LOAD_ATTR
                    | pyrite_bytecode::Opcode::STORE_ATTR
                    | pyrite_bytecode::Opcode::LOAD_METHOD,
                ) => {
                    n += 1;
                    n - 1
                }
                _ => u32::MAX,
            }
        })
        .collect();
    let caches = (0..n as usize * WAYS)
        .map(|_| Cell::new(AttrCache::EMPTY))
        .collect();
    (sites, caches)
}

/// The cache entry index of the instruction being executed.
#[inline(always)]
fn site(f: &Frame) -> usize {
    f.code.attr_sites.get(f.lasti).copied().unwrap_or(u32::MAX) as usize
}
