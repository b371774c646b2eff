//! Container operations: `len`, `obj[key]`, `obj[key] = v`, `del obj[key]`,
//! `x in obj`. Mirrors CPython 3.11 `PyObject_GetItem` and friends.

use crate::types::dict::PyDict;
use crate::types::int::PyInt;
use crate::types::list::PyList;
use crate::types::slice::PySlice;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::{class_of, PyTypeObj};
use crate::{PyObjectRef, PyResult, Vm};

impl Vm {
    /// `len(obj)`.
    pub fn len(&self, obj: &PyObjectRef) -> PyResult<usize> {
        if !class_of(obj).ext.heap {
            if let Some(l) = obj.downcast_ref::<PyList>() {
                return Ok(l.len());
            }
            if let Some(t) = obj.downcast_ref::<PyTuple>() {
                return Ok(t.len());
            }
            if let Some(s) = obj.downcast_ref::<crate::types::str::PyStr>() {
                return Ok(s.char_len());
            }
            if let Some(d) = obj.downcast_ref::<PyDict>() {
                return Ok(d.len());
            }
        }
        match self.call_special(obj, &self.names.__len__, &[])? {
            Some(r) => self.len_result(&r),
            None => Err(self.new_type_error(format!(
                "object of type '{}' has no len()",
                self.type_name(obj)
            ))),
        }
    }

    /// `obj[key]`.
    pub fn get_item(&self, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult {
        if !class_of(obj).ext.heap {
            if let (Some(l), Some(i)) = (obj.downcast_ref::<PyList>(), key.downcast_ref::<PyInt>())
            {
                if let Some(i) = i.value.as_i64() {
                    let items = l.items.borrow();
                    let n = items.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j >= 0 && j < n {
                        return Ok(items[j as usize].clone());
                    }
                    return Err(self.new_index_error("list index out of range"));
                }
            }
            if let (Some(t), Some(i)) = (obj.downcast_ref::<PyTuple>(), key.downcast_ref::<PyInt>())
            {
                if let Some(i) = i.value.as_i64() {
                    let n = t.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j >= 0 && j < n {
                        return Ok(t.items[j as usize].clone());
                    }
                    return Err(self.new_index_error("tuple index out of range"));
                }
            }
            // An exact list sliced: what `list.__getitem__` does, without
            // the method lookup and call.
            if let (Some(l), Some(s)) =
                (obj.downcast_ref::<PyList>(), key.downcast_ref::<PySlice>())
            {
                return crate::types::list_methods::list_get_slice(self, l, s);
            }
            if let Some(d) = obj.downcast_ref::<PyDict>() {
                if let Some(v) = d.get_item(self, key)? {
                    return Ok(v);
                }
                return Err(self.new_key_error(key.clone()));
            }
        }
        if let Some(r) =
            self.call_special(obj, &self.names.__getitem__, std::slice::from_ref(key))?
        {
            return Ok(r);
        }
        if obj.downcast_ref::<PyTypeObj>().is_some() {
            if obj.is(self.types.type_.as_object()) {
                return self.generic_alias(obj, key);
            }
            if let Some(cgi) = self.get_attr_opt(obj, &self.intern("__class_getitem__"))? {
                return self.call(&cgi, std::slice::from_ref(key));
            }
            return Err(self.new_type_error(format!(
                "type '{}' is not subscriptable",
                obj.downcast_ref::<PyTypeObj>()
                    .map(|t| t.ext.name())
                    .unwrap_or_default()
            )));
        }
        Err(self.new_type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(obj)
        )))
    }

    /// `type[...]`: a `types.GenericAlias`.
    fn generic_alias(&self, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult {
        crate::types::genericalias::type_subscript(self, obj, key)
    }

    /// `obj[key] = value`.
    pub fn set_item(
        &self,
        obj: &PyObjectRef,
        key: PyObjectRef,
        value: PyObjectRef,
    ) -> PyResult<()> {
        if !class_of(obj).ext.heap {
            if let Some(d) = obj.downcast_ref::<PyDict>() {
                return d.set_item(self, key, value);
            }
            if let (Some(l), Some(i)) = (obj.downcast_ref::<PyList>(), key.downcast_ref::<PyInt>())
            {
                if let Some(i) = i.value.as_i64() {
                    let mut items = l.items.borrow_mut();
                    let n = items.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j >= 0 && j < n {
                        let old = std::mem::replace(&mut items[j as usize], value);
                        drop(items);
                        drop(old);
                        return Ok(());
                    }
                    return Err(self.new_index_error("list assignment index out of range"));
                }
            }
        }
        if !class_of(obj).ext.heap
            && obj.downcast_ref::<PyList>().is_some()
            && key.downcast_ref::<PySlice>().is_some()
        {
            return crate::types::list_methods::list_ass_subscript(self, obj, &key, Some(&value));
        }
        match self.call_special(obj, &self.names.__setitem__, &[key, value])? {
            Some(_) => Ok(()),
            None => Err(self.new_type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    /// `del obj[key]`.
    pub fn del_item(&self, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult<()> {
        if !class_of(obj).ext.heap {
            if let Some(d) = obj.downcast_ref::<PyDict>() {
                return match d.del_item(self, key)? {
                    Some(_) => Ok(()),
                    None => Err(self.new_key_error(key.clone())),
                };
            }
        }
        match self.call_special(obj, &self.names.__delitem__, std::slice::from_ref(key))? {
            Some(_) => Ok(()),
            None => Err(self.new_type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(obj)
            ))),
        }
    }

    /// `item in container`.
    pub fn contains(&self, container: &PyObjectRef, item: &PyObjectRef) -> PyResult<bool> {
        if !class_of(container).ext.heap {
            if let Some(d) = container.downcast_ref::<PyDict>() {
                return Ok(d.get_item(self, item)?.is_some());
            }
            if let Some(s) = container.downcast_ref::<crate::types::set::PySet>() {
                return s.contains(self, item);
            }
            // `list.__contains__` and `tuple.__contains__` without the
            // method call (items re-read by index: `__eq__` may mutate).
            if let Some(l) = container.downcast_ref::<PyList>() {
                let mut i = 0;
                while let Some(v) = l.get(i) {
                    if self.eq_bool(&v, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
                return Ok(false);
            }
            if let Some(t) = container.downcast_ref::<PyTuple>() {
                for v in t.items.iter() {
                    if self.eq_bool(v, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
        if let Some(r) = self.call_special(
            container,
            &self.names.__contains__,
            std::slice::from_ref(item),
        )? {
            return self.is_true(&r);
        }
        let it = self.iter(container).map_err(|_| {
            self.new_type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            ))
        })?;
        while let Some(v) = self.next(&it)? {
            if self.eq_bool(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
