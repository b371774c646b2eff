//! Inline attribute values: CPython 3.11's "managed dict" for instances of
//! classes.
//!
//! Most instances of a class get the same attributes in the same order
//! (`self.left`, `self.right`, `self.value` in `__init__`). Instead of one
//! dict per instance (a dict object plus two tables), the class keeps the
//! attribute names once, in its *shared keys* (`PyType::shared_keys`, at most
//! [`SHARED_KEYS_MAX`] interned names, only ever appended to), and each
//! instance keeps just the values, in `PyInstance::slots`, at the index of
//! their name. A `Node` with three attributes then costs its object block
//! plus one 24-byte values array.
//!
//! The instance stays in this *inline* mode while its dict slot (in the
//! block prefix) is empty. The first time anything needs a real dict
//! (`obj.__dict__`, `vars(obj)`, `__class__` assignment, pickling, a name that
//! is not an exact `str`, or an insertion that the values array cannot
//! represent) the values move into a new dict stored in the slot and the
//! instance is in *dict* mode from then on, exactly as before this module
//! existed. CPython does the same (`_PyObject_GetDictPtr` materializes the
//! dict from the values).
//!
//! Order: a dict iterates in insertion order, so the values array must too.
//! Values are kept in shared-key order, so an insertion is only done inline
//! when no value with a later index is present; otherwise (an instance
//! assigning `y` before `x` when the class saw `x` first, or re-adding a
//! deleted attribute while later ones exist) the instance switches to dict
//! mode. Deleting just empties the value's place, which keeps the order of
//! the others.
//!
//! Only classes whose instances carry the plain `PyInstance` payload, have a
//! dict and no `__slots__` members use inline values (`PyType::inline_values`),
//! so `PyInstance::slots` holds either slot members or inline values, never
//! both.

use std::cell::Cell;

use super::dict::PyDict;
use super::object::PyInstance;
use super::str::{PyStr, PyStrRef};
use super::typeobj::{class_of, PyType};
use crate::{PyObjectRef, PyResult, Vm};

/// At most this many names per class are shared (CPython's
/// `SHARED_KEYS_MAX_SIZE`); instances using more attributes use a dict.
pub const SHARED_KEYS_MAX: usize = 30;

/// The result of looking an attribute up among inline values.
pub enum InlineAttr {
    /// The instance is not in inline mode: use its dict slot.
    NotInline,
    Found(PyObjectRef),
    Missing,
}

/// The instance's dict slot and payload when it is in inline mode.
pub(crate) fn inline_parts<'a>(
    obj: &'a PyObjectRef,
    cls: &PyType,
) -> Option<(&'a Cell<Option<PyObjectRef>>, &'a PyInstance)> {
    if !cls.inline_values {
        return None;
    }
    let slot = obj.dict_slot()?;
    let d = slot.take();
    let dict_mode = d.is_some();
    slot.set(d);
    if dict_mode {
        return None;
    }
    Some((slot, obj.downcast_ref::<PyInstance>()?))
}

/// The exact-`str` payload of `name`, or None for anything that needs the
/// full dict protocol (a `str` subclass may override `__eq__`/`__hash__`).
fn exact_str(name: &PyObjectRef) -> Option<&PyStr> {
    if class_of(name).ext.heap {
        return None;
    }
    name.downcast_ref::<PyStr>()
}

/// Index of `name` among `keys`. Every shared key is interned, so an
/// interned name can only match by identity.
fn key_index(keys: &[PyStrRef], name: &PyObjectRef, s: &PyStr) -> Option<usize> {
    if let Some(i) = keys.iter().position(|k| k.as_object().is(name)) {
        return Some(i);
    }
    if s.is_interned() {
        return None;
    }
    keys.iter().position(|k| k.as_str() == s.as_str())
}

impl Vm {
    /// Look `name` up among `obj`'s inline values (see the module docs).
    pub(crate) fn inline_attr(&self, obj: &PyObjectRef, name: &PyObjectRef) -> InlineAttr {
        let cls = class_of(obj);
        let Some((_, inst)) = inline_parts(obj, &cls.ext) else {
            return InlineAttr::NotInline;
        };
        let Some(s) = exact_str(name) else {
            return match self.materialize_dict(obj) {
                Ok(()) => InlineAttr::NotInline,
                Err(_) => InlineAttr::Missing,
            };
        };
        let keys = cls.ext.shared_keys.borrow();
        let Some(i) = key_index(&keys, name, s) else {
            return InlineAttr::Missing;
        };
        match inst.slots.borrow().get(i) {
            Some(Some(v)) => InlineAttr::Found(v.clone()),
            _ => InlineAttr::Missing,
        }
    }

    /// Store (`Some`) or delete (`None`) attribute `name` among `obj`'s
    /// inline values. `Ok(Err(value))`: not handled here (the instance is,
    /// or has just been switched to, dict mode); the caller stores `value`
    /// through the dict slot.
    pub(crate) fn inline_store(
        &self,
        obj: &PyObjectRef,
        name: &PyObjectRef,
        value: Option<PyObjectRef>,
    ) -> PyResult<Result<(), Option<PyObjectRef>>> {
        let cls = class_of(obj);
        let Some((_, inst)) = inline_parts(obj, &cls.ext) else {
            return Ok(Err(value));
        };
        let Some(s) = exact_str(name) else {
            self.materialize_dict(obj)?;
            return Ok(Err(value));
        };
        let mut keys = cls.ext.shared_keys.borrow_mut();
        let idx = match key_index(&keys, name, s) {
            Some(i) => i,
            None if value.is_none() => return Err(self.no_attr(obj, name)),
            None if keys.len() >= SHARED_KEYS_MAX => {
                drop(keys);
                self.materialize_dict(obj)?;
                return Ok(Err(value));
            }
            None => match self.intern_obj(name).downcast::<PyStr>() {
                Ok(k) => {
                    keys.push(k);
                    keys.len() - 1
                }
                Err(_) => return Ok(Err(value)),
            },
        };
        let nkeys = keys.len();
        drop(keys);
        let mut vals = inst.slots.borrow_mut();
        let Some(v) = value else {
            let old = vals.get_mut(idx).and_then(Option::take);
            drop(vals);
            // Dropping the old value may run `__del__`: no borrow is held.
            return match old {
                Some(_) => Ok(Ok(())),
                None => Err(self.no_attr(obj, name)),
            };
        };
        if idx >= vals.len() {
            if vals.capacity() == 0 {
                // Size the array for what the class's instances usually get.
                vals.reserve_exact(nkeys);
            }
            vals.resize(idx, None);
            vals.push(Some(v));
            return Ok(Ok(()));
        }
        if vals[idx].is_none() && vals[idx + 1..].iter().any(Option::is_some) {
            // Filling a hole before later values would break insertion order.
            drop(vals);
            self.materialize_dict(obj)?;
            return Ok(Err(Some(v)));
        }
        let old = vals[idx].replace(v);
        drop(vals);
        drop(old);
        Ok(Ok(()))
    }

    /// Move `obj`'s inline values into a new instance dict (no-op unless
    /// the instance is in inline mode).
    pub fn materialize_dict(&self, obj: &PyObjectRef) -> PyResult<()> {
        let cls = class_of(obj);
        let Some((slot, inst)) = inline_parts(obj, &cls.ext) else {
            return Ok(());
        };
        let d = self.try_alloc(PyDict::new(), self.types.dict.as_object())?;
        let vals = std::mem::take(&mut *inst.slots.borrow_mut());
        {
            let keys = cls.ext.shared_keys.borrow();
            for (k, v) in keys.iter().zip(vals) {
                if let Some(v) = v {
                    d.set_str(k.clone(), v);
                }
            }
        }
        slot.set(Some(d.into_object()));
        Ok(())
    }

    /// `obj`'s dict slot with any inline values moved into the dict first:
    /// use this, not `dict_slot`, wherever the dict object itself is needed.
    pub fn materialized_dict_slot<'a>(
        &self,
        obj: &'a PyObjectRef,
    ) -> PyResult<Option<&'a Cell<Option<PyObjectRef>>>> {
        self.materialize_dict(obj)?;
        Ok(obj.dict_slot())
    }

    /// Take `obj`'s inline values out (the instance is getting a new
    /// `__dict__`); the caller drops them once the dict is in place.
    pub(crate) fn take_inline_values(&self, obj: &PyObjectRef) -> Vec<Option<PyObjectRef>> {
        let cls = class_of(obj);
        match inline_parts(obj, &cls.ext) {
            Some((_, inst)) => std::mem::take(&mut *inst.slots.borrow_mut()),
            None => Vec::new(),
        }
    }
}

/// Whether a new class's instances keep their attributes inline.
pub fn wants_inline_values(payload_is_instance: bool, has_dict: bool, nslots: usize) -> bool {
    payload_is_instance && has_dict && nslots == 0
}
