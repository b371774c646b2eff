//! Attribute access: `getattr`, `setattr`, `delattr` with the descriptor
//! protocol, instance dicts, `__slots__`, `__getattr__` fallbacks, and the
//! special rules of type and module objects.
//! Mirrors CPython 3.11 `PyObject_GenericGetAttr`, `type_getattro` and
//! `module_getattro`.

use crate::types::descr::{PyGetSetDescr, PyMemberDescr, PyMethodDescr};
use crate::types::function::PyFunction;
use crate::types::instance_values::InlineAttr;
use crate::types::module::PyModule;
use crate::types::object::PyInstance;
use crate::types::property::PyProperty;
use crate::types::str::PyStr;
use crate::types::typeobj::{bump_type_epoch, class_of, is_subtype, PyTypeObj};
use crate::{PyObjectRef, PyResult, Vm};

/// Whether `d` is a data descriptor (defines `__set__` or `__delete__`).
pub fn is_data_descr(vm: &Vm, d: &PyObjectRef) -> bool {
    if d.downcast_ref::<PyProperty>().is_some()
        || d.downcast_ref::<PyGetSetDescr>().is_some()
        || d.downcast_ref::<PyMemberDescr>().is_some()
    {
        return true;
    }
    if d.downcast_ref::<PyFunction>().is_some() || d.downcast_ref::<PyMethodDescr>().is_some() {
        return false;
    }
    // Native descriptor types (`_collections._tuplegetter`) count too.
    let t = class_of(d);
    t.ext.lookup(&vm.names.__set__).is_some() || t.ext.lookup(&vm.names.__delete__).is_some()
}

fn name_str(name: &PyObjectRef) -> &str {
    name.downcast_ref::<PyStr>()
        .map(|s| s.as_str())
        .unwrap_or("?")
}

impl Vm {
    /// `getattr(obj, name)`; `name` must be a str.
    pub fn get_attr(&self, obj: &PyObjectRef, name: &PyObjectRef) -> PyResult {
        let cls = class_of(obj);
        if cls.ext.heap {
            if let Some(ga) = cls.ext.lookup(&self.names.__getattribute__) {
                if ga.downcast_ref::<PyMethodDescr>().is_none() {
                    let r = self.call_unbound(&ga, obj, &[name.clone()], &[]);
                    return self.getattr_fallback(obj, name, r);
                }
            }
            let r = match cls.ext.getattro.get() {
                Some(g) => g(self, obj, name),
                None => self.generic_getattr(obj, name, true),
            };
            return self.getattr_fallback(obj, name, r);
        }
        match cls.ext.getattro.get() {
            Some(g) => g(self, obj, name),
            None => self.generic_getattr(obj, name, true),
        }
    }

    /// `getattr(obj, name)` with a Rust string name.
    pub fn get_attr_str(&self, obj: &PyObjectRef, name: &str) -> PyResult {
        let n = self.intern(name);
        self.get_attr(obj, &n)
    }

    /// `getattr(obj, name, None)`-like: `Ok(None)` on AttributeError.
    pub fn get_attr_opt(
        &self,
        obj: &PyObjectRef,
        name: &PyObjectRef,
    ) -> PyResult<Option<PyObjectRef>> {
        match self.get_attr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, &self.exc.AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn getattr_fallback(&self, obj: &PyObjectRef, name: &PyObjectRef, r: PyResult) -> PyResult {
        match r {
            Err(e) if self.exc_matches(&e, &self.exc.AttributeError) => {
                match class_of(obj).ext.lookup(&self.names.__getattr__) {
                    Some(ga) => self.call_unbound(&ga, obj, &[name.clone()], &[]),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// `object.__getattribute__`: data descriptors, then the instance dict,
    /// then other descriptors and class attributes.
    pub fn generic_getattr(&self, obj: &PyObjectRef, name: &PyObjectRef, raise: bool) -> PyResult {
        let cls = class_of(obj);
        let descr = cls.ext.lookup(name);
        if let Some(d) = &descr {
            // A data descriptor wins over the instance dict only if it can
            // get (one defining just `__set__` lets the dict value show).
            let dc = class_of(d);
            let can_get = !dc.ext.heap || dc.ext.lookup(&self.names.__get__).is_some();
            if can_get && is_data_descr(self, d) {
                return self.descr_get(d, Some(obj), obj.class());
            }
        }
        match self.inline_attr(obj, name) {
            InlineAttr::Found(v) => return Ok(v),
            InlineAttr::Missing => {}
            InlineAttr::NotInline => {
                if let Some(v) = self.dict_getattr(obj, name)? {
                    return Ok(v);
                }
            }
        }
        if let Some(d) = descr {
            return self.descr_get(&d, Some(obj), obj.class());
        }
        let _ = raise;
        Err(self.no_attr(obj, name))
    }

    /// The instance-dict part of `generic_getattr` (`Ok(Some(v))`: found).
    fn dict_getattr(&self, obj: &PyObjectRef, name: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        if let Some(slot) = obj.dict_slot() {
            let dict = slot.take();
            slot.set(dict.clone());
            if let Some(dict) = dict {
                if let Some(d) = dict.downcast_ref::<crate::types::dict::PyDict>() {
                    let found = match name.downcast_ref::<PyStr>() {
                        Some(s) if !class_of(name).ext.heap => d.get_str(s),
                        _ => d.get_item(self, name)?,
                    };
                    return Ok(found);
                } else if let Ok(v) = self.get_item(&dict, name) {
                    return Ok(Some(v));
                }
            }
        }
        Ok(None)
    }

    /// `descr.__get__(instance, owner)` with fast paths for native kinds.
    pub fn descr_get(
        &self,
        d: &PyObjectRef,
        instance: Option<&PyObjectRef>,
        owner: &PyObjectRef,
    ) -> PyResult {
        if let Some(p) = d.downcast_ref::<PyProperty>() {
            let Some(inst) = instance else {
                return Ok(d.clone());
            };
            let fget = p.fget.borrow().clone();
            return match fget {
                Some(f) => self.call(&f, &[inst.clone()]),
                None => Err(self.new_attribute_error(format!(
                    "property {}of '{}' object has no getter",
                    self.property_name(p),
                    self.type_name(inst)
                ))),
            };
        }
        if let Some(g) = d.downcast_ref::<PyGetSetDescr>() {
            let Some(inst) = instance else {
                return Ok(d.clone());
            };
            return (g.get)(self, inst);
        }
        if let Some(m) = d.downcast_ref::<PyMemberDescr>() {
            let Some(inst) = instance else {
                return Ok(d.clone());
            };
            let v = inst
                .downcast_ref::<PyInstance>()
                .and_then(|i| i.slots.borrow().get(m.index).cloned().flatten());
            return v.ok_or_else(|| {
                self.new_attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    self.type_name(inst),
                    name_str(&m.name)
                ))
            });
        }
        self.bind_descriptor(d, instance, owner)
    }

    pub(crate) fn property_name(&self, p: &PyProperty) -> String {
        match p
            .name
            .borrow()
            .as_ref()
            .and_then(|n| n.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
        {
            Some(n) => format!("'{n}' "),
            None => String::new(),
        }
    }

    /// `type.__getattribute__`.
    pub fn type_getattr(&self, cls: &PyObjectRef, name: &PyObjectRef) -> PyResult {
        let meta = class_of(cls);
        let meta_attr = meta.ext.lookup(name);
        if let Some(ma) = &meta_attr {
            if is_data_descr(self, ma) {
                return self.descr_get(ma, Some(cls), cls.class());
            }
        }
        let t = cls
            .downcast_ref::<PyTypeObj>()
            .expect("type_getattr on a type");
        if let Some(a) = t.ext.lookup(name) {
            // Descriptors found on the class bind with no instance.
            if a.downcast_ref::<PyProperty>().is_some()
                || a.downcast_ref::<PyGetSetDescr>().is_some()
                || a.downcast_ref::<PyMemberDescr>().is_some()
            {
                return Ok(a);
            }
            return self.bind_descriptor(&a, None, cls);
        }
        if let Some(ma) = meta_attr {
            return self.descr_get(&ma, Some(cls), cls.class());
        }
        if meta.ext.heap {
            if let Some(ga) = meta.ext.lookup(&self.names.__getattr__) {
                return self.call_unbound(&ga, cls, &[name.clone()], &[]);
            }
        }
        Err(self.new_attribute_error(format!(
            "type object '{}' has no attribute '{}'",
            t.ext.name(),
            name_str(name)
        )))
    }

    /// `module.__getattribute__`: the module dict, then a module-level
    /// `__getattr__`.
    pub fn module_getattr(&self, m: &PyObjectRef, name: &PyObjectRef) -> PyResult {
        let module = m
            .downcast_ref::<PyModule>()
            .expect("module_getattr on a module");
        if let Some(s) = name.downcast_ref::<PyStr>() {
            if let Some(v) = module.dict.get_str(s) {
                return Ok(v);
            }
        }
        match self.generic_getattr(m, name, true) {
            Ok(v) => Ok(v),
            Err(e) if self.exc_matches(&e, &self.exc.AttributeError) => {
                if let Some(ga) = module.dict.get_by_str("__getattr__") {
                    return self.call(&ga, &[name.clone()]);
                }
                let mname = module
                    .dict
                    .get_by_str("__name__")
                    .and_then(|n| n.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
                Err(self.new_attribute_error(match mname {
                    Some(n) => format!("module '{}' has no attribute '{}'", n, name_str(name)),
                    None => format!("module has no attribute '{}'", name_str(name)),
                }))
            }
            Err(e) => Err(e),
        }
    }

    /// `setattr(obj, name, value)`, or `delattr` when `value` is None.
    pub fn set_attr_opt(
        &self,
        obj: &PyObjectRef,
        name: &PyObjectRef,
        value: Option<PyObjectRef>,
    ) -> PyResult<()> {
        let cls = class_of(obj);
        if cls.ext.heap {
            let hook = if value.is_some() {
                &self.names.__setattr__
            } else {
                &self.names.__delattr__
            };
            if let Some(sa) = cls.ext.lookup(hook) {
                if sa.downcast_ref::<PyMethodDescr>().is_none() {
                    let mut args = vec![name.clone()];
                    if let Some(v) = value {
                        args.push(v);
                    }
                    self.call_unbound(&sa, obj, &args, &[])?;
                    return Ok(());
                }
            }
        }
        if let Some(t) = obj.downcast_ref::<PyTypeObj>() {
            return self.type_setattr(obj, t, name, value);
        }
        if let Some(hook) = cls.ext.setattro.get() {
            return hook(self, obj, name, value);
        }
        self.generic_setattr(obj, name, value)
    }

    /// `object.__setattr__`/`__delattr__` (no user hook): type objects use
    /// the class-dict rules, everything else the generic ones.
    pub fn setattr_no_hook(
        &self,
        obj: &PyObjectRef,
        name: &PyObjectRef,
        value: Option<PyObjectRef>,
    ) -> PyResult<()> {
        if let Some(t) = obj.downcast_ref::<PyTypeObj>() {
            return self.type_setattr(obj, t, name, value);
        }
        if let Some(hook) = class_of(obj).ext.setattro.get() {
            return hook(self, obj, name, value);
        }
        self.generic_setattr(obj, name, value)
    }

    pub fn set_attr(
        &self,
        obj: &PyObjectRef,
        name: &PyObjectRef,
        value: PyObjectRef,
    ) -> PyResult<()> {
        self.set_attr_opt(obj, name, Some(value))
    }

    pub fn set_attr_str(&self, obj: &PyObjectRef, name: &str, value: PyObjectRef) -> PyResult<()> {
        let n = self.intern(name);
        self.set_attr_opt(obj, &n, Some(value))
    }

    pub fn del_attr(&self, obj: &PyObjectRef, name: &PyObjectRef) -> PyResult<()> {
        self.set_attr_opt(obj, name, None)
    }

    /// `object.__setattr__` / `object.__delattr__`.
    pub fn generic_setattr(
        &self,
        obj: &PyObjectRef,
        name: &PyObjectRef,
        value: Option<PyObjectRef>,
    ) -> PyResult<()> {
        let cls = class_of(obj);
        if let Some(d) = cls.ext.lookup(name) {
            if let Some(p) = d.downcast_ref::<PyProperty>() {
                let (f, what) = if value.is_some() {
                    (p.fset.borrow().clone(), "setter")
                } else {
                    (p.fdel.borrow().clone(), "deleter")
                };
                return match f {
                    Some(f) => {
                        let mut args = vec![obj.clone()];
                        args.extend(value);
                        self.call(&f, &args).map(|_| ())
                    }
                    None => Err(self.new_attribute_error(format!(
                        "property {}of '{}' object has no {what}",
                        self.property_name(p),
                        cls.ext.name()
                    ))),
                };
            }
            if let Some(g) = d.downcast_ref::<PyGetSetDescr>() {
                return match g.set {
                    Some(set) => set(self, obj, value),
                    None => Err(self.new_attribute_error(format!(
                        "attribute '{}' of '{}' objects is not writable",
                        g.name,
                        crate::types::typeobj::as_type(&g.objclass)
                            .map(|t| t.ext.name())
                            .unwrap_or_default()
                    ))),
                };
            }
            if let Some(m) = d.downcast_ref::<PyMemberDescr>() {
                if let Some(inst) = obj.downcast_ref::<PyInstance>() {
                    let mut slots = inst.slots.borrow_mut();
                    if slots.len() <= m.index {
                        slots.resize(m.index + 1, None);
                    }
                    if value.is_none() && slots[m.index].is_none() {
                        drop(slots);
                        return Err(self.new_attribute_error(name_str(&m.name).to_string()));
                    }
                    let old = std::mem::replace(&mut slots[m.index], value);
                    drop(slots);
                    drop(old);
                    return Ok(());
                }
            }
            {
                let hook = if value.is_some() {
                    &self.names.__set__
                } else {
                    &self.names.__delete__
                };
                if let Some(set) = class_of(&d).ext.lookup(hook) {
                    let mut args = vec![obj.clone()];
                    args.extend(value);
                    self.call_unbound(&set, &d, &args, &[])?;
                    return Ok(());
                }
            }
        }
        if let Some(m) = obj.downcast_ref::<PyModule>() {
            return self.dict_store(&m.dict, obj, name, value);
        }
        let value = match self.inline_store(obj, name, value)? {
            Ok(()) => return Ok(()),
            Err(value) => value,
        };
        match obj.dict_slot() {
            Some(slot) => {
                let dict = match slot.take() {
                    Some(d) => d,
                    None => self.new_dict().into_object(),
                };
                slot.set(Some(dict.clone()));
                match dict.downcast_ref::<crate::types::dict::PyDict>() {
                    Some(d) => {
                        if d.len() == 0 && value.is_none() {
                            return Err(self.no_attr(obj, name));
                        }
                        match value {
                            Some(v) => d.set_item(self, name.clone(), v),
                            None => match d.del_item(self, name)? {
                                Some(_) => Ok(()),
                                None => Err(self.no_attr(obj, name)),
                            },
                        }
                    }
                    None => match value {
                        Some(v) => self.set_item(&dict, name.clone(), v),
                        None => self.del_item(&dict, name),
                    },
                }
            }
            None => {
                if cls.ext.lookup(name).is_some() && !cls.ext.heap {
                    return Err(self.new_attribute_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        cls.ext.name(),
                        name_str(name)
                    )));
                }
                Err(self.no_attr(obj, name))
            }
        }
    }

    fn dict_store(
        &self,
        d: &crate::types::dict::PyDict,
        obj: &PyObjectRef,
        name: &PyObjectRef,
        value: Option<PyObjectRef>,
    ) -> PyResult<()> {
        match value {
            Some(v) => d.set_item(self, name.clone(), v),
            None => match d.del_item(self, name)? {
                Some(_) => Ok(()),
                None => Err(self.no_attr(obj, name)),
            },
        }
    }

    pub(crate) fn no_attr(
        &self,
        obj: &PyObjectRef,
        name: &PyObjectRef,
    ) -> crate::PyBaseExceptionRef {
        self.new_attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(obj),
            name_str(name)
        ))
    }

    /// `type.__setattr__`.
    fn type_setattr(
        &self,
        cls: &PyObjectRef,
        t: &PyTypeObj,
        name: &PyObjectRef,
        value: Option<PyObjectRef>,
    ) -> PyResult<()> {
        let meta = class_of(cls);
        if let Some(d) = meta.ext.lookup(name) {
            if is_data_descr(self, &d) {
                return self.generic_setattr(cls, name, value);
            }
        }
        if t.ext.immutable.get() {
            return Err(self.new_type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name_str(name),
                crate::types::typeobj::tp_name(t)
            )));
        }
        let key = self.intern_obj(name);
        bump_type_epoch();
        match value {
            Some(v) => t.ext.dict.set_item(self, key, v)?,
            None => {
                if t.ext.dict.del_item(self, &key)?.is_none() {
                    return Err(self.new_attribute_error(format!(
                        "type object '{}' has no attribute '{}'",
                        t.ext.name(),
                        name_str(name)
                    )));
                }
            }
        }
        crate::types::typeobj::update_special_flags(self, cls);
        Ok(())
    }

    /// `hasattr`-style test on a class: whether `cls` or a base defines
    /// `name`.
    pub fn class_has(&self, cls: &PyObjectRef, name: &PyObjectRef) -> bool {
        cls.downcast_ref::<PyTypeObj>()
            .is_some_and(|t| t.ext.lookup(name).is_some())
    }

    /// `isinstance(obj, cls)` for a type `cls` (no `__instancecheck__`).
    #[inline]
    pub fn is_instance_of(&self, obj: &PyObjectRef, cls: &PyObjectRef) -> bool {
        is_subtype(obj.class(), cls)
    }
}
