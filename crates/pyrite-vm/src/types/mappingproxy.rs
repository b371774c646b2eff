//! `mappingproxy`: a read-only view of a mapping; `type.__dict__` returns
//! one over the type itself (its inline dict). Mirrors CPython 3.11
//! `Objects/descrobject.c` (`mappingproxy_*`).

use super::dict::PyDict;
use super::typeobj::as_type;
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// The payload of `mappingproxy`: a type object (its dict is viewed) or any
/// mapping.
pub struct PyMappingProxy {
    pub mapping: PyObjectRef,
}

impl Payload for PyMappingProxy {
    pyrite_core::unique_vtable!(PyMappingProxy);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.mapping);
    }
}

/// The dict behind a proxy, when it views a type.
fn type_dict(o: &PyObjectRef) -> Option<&PyDict> {
    let p = o.downcast_ref::<PyMappingProxy>()?;
    as_type(&p.mapping).map(|t| &t.ext.dict)
}

fn mp_target(vm: &Vm, o: &PyObjectRef) -> PyResult<PyObjectRef> {
    let p = o
        .downcast_ref::<PyMappingProxy>()
        .ok_or_else(|| vm.new_type_error("expected mappingproxy"))?;
    if type_dict(o).is_some() {
        // Snapshot the type dict into a real dict for generic operations.
        let d = vm.new_dict();
        if let Some(td) = type_dict(o) {
            d.extend_fresh(td.entries());
        }
        return Ok(d.into_object());
    }
    Ok(p.mapping.clone())
}

fn mp_getitem(vm: &Vm, args: Args) -> PyResult {
    let [o, k] = args.exact::<2>(vm, "__getitem__")?;
    if let Some(d) = type_dict(o) {
        return d
            .get_item(vm, k)?
            .ok_or_else(|| vm.new_key_error(k.clone()));
    }
    let t = mp_target(vm, o)?;
    vm.get_item(&t, k)
}

fn mp_contains(vm: &Vm, args: Args) -> PyResult {
    let [o, k] = args.exact::<2>(vm, "__contains__")?;
    if let Some(d) = type_dict(o) {
        return Ok(vm.new_bool(d.get_item(vm, k)?.is_some()));
    }
    let t = mp_target(vm, o)?;
    Ok(vm.new_bool(vm.contains(&t, k)?))
}

fn mp_len(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__len__")?;
    let t = mp_target(vm, o)?;
    Ok(vm.new_int(vm.len(&t)? as i64))
}

fn mp_iter(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__iter__")?;
    let t = mp_target(vm, o)?;
    vm.iter(&t)
}

fn delegate(vm: &Vm, args: Args, name: &str) -> PyResult {
    let o = &args.pos()[0];
    let t = mp_target(vm, o)?;
    let m = vm.get_attr_str(&t, name)?;
    vm.call_kw(&m, &args.all[1..], args.kwnames)
}

fn mp_keys(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "keys")
}
fn mp_values(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "values")
}
fn mp_items(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "items")
}
fn mp_get(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "get")
}
fn mp_copy(vm: &Vm, args: Args) -> PyResult {
    delegate(vm, args, "copy")
}

fn mp_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let t = mp_target(vm, o)?;
    Ok(vm.new_str(format!("mappingproxy({})", vm.repr_string(&t)?)))
}

/// `str(proxy)` is `str()` of the mapping (CPython's `mappingproxy_str`).
fn mp_str(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__str__")?;
    let t = mp_target(vm, o)?;
    Ok(vm.str(&t)?.into_object())
}

/// Comparisons compare the mapping (CPython's `mappingproxy_richcompare`).
fn mp_compare(vm: &Vm, args: Args, op: CompareOp) -> PyResult {
    let [o, other] = args.exact::<2>(vm, "mappingproxy comparison")?;
    let t = mp_target(vm, o)?;
    vm.rich_compare(&t, other, op)
}

fn mp_eq(vm: &Vm, args: Args) -> PyResult {
    mp_compare(vm, args, CompareOp::Eq)
}

fn mp_ne(vm: &Vm, args: Args) -> PyResult {
    mp_compare(vm, args, CompareOp::Ne)
}

fn mp_new(vm: &Vm, args: Args) -> PyResult {
    let [_cls, m] = args.exact::<2>(vm, "mappingproxy")?;
    Ok(vm.alloc(
        PyMappingProxy { mapping: m.clone() },
        &vm.types.mappingproxy,
    ))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.mappingproxy;
    vm.add_staticmethod(t, "__new__", mp_new);
    vm.add_method(t, "__getitem__", mp_getitem);
    vm.add_method(t, "__contains__", mp_contains);
    vm.add_method(t, "__len__", mp_len);
    vm.add_method(t, "__iter__", mp_iter);
    vm.add_method(t, "keys", mp_keys);
    vm.add_method(t, "values", mp_values);
    vm.add_method(t, "items", mp_items);
    vm.add_method(t, "get", mp_get);
    vm.add_method(t, "copy", mp_copy);
    vm.add_method(t, "__repr__", mp_repr);
    vm.add_method(t, "__str__", mp_str);
    vm.add_method(t, "__eq__", mp_eq);
    vm.add_method(t, "__ne__", mp_ne);
}
