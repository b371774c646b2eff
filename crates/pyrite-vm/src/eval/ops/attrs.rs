//! `LOAD_ATTR`, `STORE_ATTR` and `LOAD_METHOD` with per-name inline caches.
//!
//! CPython 3.11 specialises these instructions (`LOAD_ATTR_INSTANCE_VALUE`,
//! `STORE_ATTR_INSTANCE_VALUE`, `LOAD_METHOD_WITH_VALUES`) guarded by the
//! type's version tag. Pyrite keeps the same facts in the code object, one
//! entry per name (`PyCode::attr_cache`), guarded by the type's address and
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
//! Anything else (a missing value, an instance in dict mode) takes the
//! generic path, which also refills the entry. Entries hold no references.

use std::cell::Cell;

use crate::eval::frame::Frame;
use crate::types::code::PyCode;
use crate::types::descr::{MethodKind, PyMethodDescr};
use crate::types::function::PyFunction;
use crate::types::instance_values::inline_parts;
use crate::types::object::PyInstance;
use crate::types::typeobj::{class_of, type_epoch, PyType};
use crate::{PyObjectRef, PyResult, Vm};

#[derive(Clone, Copy)]
pub struct AttrCache {
    type_addr: usize,
    epoch: u64,
    index: u32,
    nkeys: u32,
    kind: u8,
}

const EMPTY: u8 = 0;
const VALUE: u8 = 1;
const METHOD: u8 = 2;

impl AttrCache {
    pub const EMPTY: AttrCache = AttrCache {
        type_addr: 0,
        epoch: 0,
        index: 0,
        nkeys: 0,
        kind: EMPTY,
    };
}

/// The cache entry for name `idx` if it is valid for `obj`'s class.
#[inline]
fn valid_entry(code: &PyCode, idx: usize, obj: &PyObjectRef) -> Option<AttrCache> {
    let c = code.attr_cache.get(idx)?.get();
    if c.kind == EMPTY || c.type_addr != obj.class().id() || c.epoch != type_epoch() {
        return None;
    }
    Some(c)
}

/// `obj`'s inline values, when it is in inline mode (the class check is
/// the cache entry's).
#[inline]
fn inline_values(obj: &PyObjectRef) -> Option<&PyInstance> {
    inline_parts(obj, &class_of(obj).ext).map(|(_, inst)| inst)
}

pub fn load_attr(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let idx = arg as usize;
    let obj = f.pop();
    if let Some(c) = valid_entry(&f.code, idx, &obj) {
        if c.kind == VALUE {
            if let Some(inst) = inline_values(&obj) {
                let v = inst.slots.borrow().get(c.index as usize).cloned().flatten();
                if let Some(v) = v {
                    f.push(v);
                    return Ok(());
                }
            }
        }
    }
    let name = f.code.names[idx].clone();
    let v = vm.get_attr(&obj, &name)?;
    fill(vm, &f.code, idx, &obj, &name, false);
    f.push(v);
    Ok(())
}

pub fn store_attr(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let idx = arg as usize;
    let obj = f.pop();
    let v = f.pop();
    if let Some(c) = valid_entry(&f.code, idx, &obj) {
        if c.kind == VALUE {
            if let Some(inst) = inline_values(&obj) {
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
    let name = f.code.names[idx].clone();
    vm.set_attr(&obj, &name, v)?;
    fill(vm, &f.code, idx, &obj, &name, false);
    Ok(())
}

/// `LOAD_METHOD`: push `(method, self)` when the attribute is a plain
/// method found on the type (no bound-method object), else `(NULL, attr)`.
pub fn load_method(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let idx = arg as usize;
    let obj = f.pop();
    if let Some(c) = valid_entry(&f.code, idx, &obj) {
        if c.kind == METHOD && inline_values(&obj).is_some() {
            let cls = class_of(&obj);
            let unshadowed = cls.ext.shared_keys.borrow().len() == c.nkeys as usize;
            if unshadowed {
                if let Some(m) = cls.ext.lookup(&f.code.names[idx]) {
                    f.push(m);
                    f.push(obj);
                    return Ok(());
                }
            }
        }
    }
    let name = f.code.names[idx].clone();
    if super::names::push_method(vm, f, &obj, &name)? {
        fill(vm, &f.code, idx, &obj, &name, true);
        return Ok(());
    }
    let v = vm.get_attr(&obj, &name)?;
    fill(vm, &f.code, idx, &obj, &name, false);
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
fn fill(vm: &Vm, code: &PyCode, idx: usize, obj: &PyObjectRef, name: &PyObjectRef, method: bool) {
    let cls = class_of(obj);
    if !cls.ext.inline_values || inline_values(obj).is_none() {
        return;
    }
    let Some(slot) = code.attr_cache.get(idx) else {
        return;
    };
    if !default_hooks(vm, &cls.ext) {
        return;
    }
    let epoch = type_epoch();
    let keys = cls.ext.shared_keys.borrow();
    let key_index = keys.iter().position(|k| k.as_object().is(name));
    let class_attr = cls.ext.lookup(name);
    let entry = if method {
        let plain = class_attr.as_ref().is_some_and(|m| {
            m.downcast_ref::<PyFunction>().is_some()
                || m.downcast_ref::<PyMethodDescr>()
                    .is_some_and(|d| d.kind == MethodKind::Instance)
        });
        if !plain || key_index.is_some() {
            return;
        }
        AttrCache {
            type_addr: obj.class().id(),
            epoch,
            index: 0,
            nkeys: keys.len() as u32,
            kind: METHOD,
        }
    } else {
        let Some(i) = key_index else {
            return;
        };
        if class_attr.is_some_and(|d| crate::protocol::attr::is_data_descr(vm, &d)) {
            return;
        }
        AttrCache {
            type_addr: obj.class().id(),
            epoch,
            index: i as u32,
            nkeys: keys.len() as u32,
            kind: VALUE,
        }
    };
    slot.set(entry);
}

/// A fresh, empty cache for a code object with `n` names.
pub fn new_attr_cache(n: usize) -> Box<[Cell<AttrCache>]> {
    (0..n).map(|_| Cell::new(AttrCache::EMPTY)).collect()
}
