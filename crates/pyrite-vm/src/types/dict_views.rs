//! `dict_keys`, `dict_values`, `dict_items`: live views of a dict, with
//! `len`, `in`, iteration (both ways), repr, the `mapping` attribute, and
//! set operations/comparisons on the set-like keys and items views.
//! Mirrors CPython 3.11 `Objects/dictobject.c` (`dictview_*`, `dictviews_*`).

use super::dict::PyDict;
use super::dict_methods::new_dict_iter;
use super::iter::DictIterKind;
use super::list_methods::{arg0, arg1};
use super::set::PySet;
use super::set_methods::{
    difference_update_internal, make_set, symmetric_difference_update, update_internal,
};
use super::tuple::PyTuple;
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::protocol::repr::ReprGuard;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// The payload of the three view types.
pub struct PyDictView {
    pub dict: PyObjectRef,
    pub kind: DictIterKind,
}

impl Payload for PyDictView {
    pyrite_core::unique_vtable!(PyDictView);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.dict);
    }
}

/// A view of kind `kind` over dict `d`.
pub fn new_view(vm: &Vm, d: &PyObjectRef, kind: DictIterKind) -> PyResult {
    let t = match kind {
        DictIterKind::Keys => &vm.types.dict_keys,
        DictIterKind::Values => &vm.types.dict_values,
        DictIterKind::Items => &vm.types.dict_items,
    };
    Ok(vm
        .try_alloc(
            PyDictView {
                dict: d.clone(),
                kind,
            },
            t.as_object(),
        )?
        .into_object())
}

fn as_view<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyDictView> {
    o.downcast_ref::<PyDictView>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a dict view but received a '{}'",
            vm.type_name(o)
        ))
    })
}

fn dict_of<'a>(vm: &Vm, v: &'a PyDictView) -> PyResult<&'a PyDict> {
    v.dict
        .downcast_ref::<PyDict>()
        .ok_or_else(|| vm.new_system_error("dict view over a non-dict"))
}

/// A keys or items view (the set-like ones).
fn setlike(o: &PyObjectRef) -> Option<&PyDictView> {
    o.downcast_ref::<PyDictView>()
        .filter(|v| v.kind != DictIterKind::Values)
}

fn view_len(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict_keys.__len__")?;
    Ok(vm.new_int(dict_of(vm, as_view(vm, me)?)?.len() as i64))
}

fn view_iter(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict_keys.__iter__")?;
    let v = as_view(vm, me)?;
    new_dict_iter(vm, &v.dict, v.kind, false)
}

fn view_reversed(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict_keys.__reversed__")?;
    let v = as_view(vm, me)?;
    new_dict_iter(vm, &v.dict, v.kind, true)
}

/// `x in view` for keys and items views.
fn view_contains_impl(vm: &Vm, v: &PyDictView, x: &PyObjectRef) -> PyResult<bool> {
    let d = dict_of(vm, v)?;
    match v.kind {
        DictIterKind::Keys => Ok(d.get_item(vm, x)?.is_some()),
        DictIterKind::Items => {
            let Some(t) = x.downcast_ref::<PyTuple>().filter(|t| t.len() == 2) else {
                return Ok(false);
            };
            match d.get_item(vm, &t.items[0])? {
                Some(found) => vm.eq_bool(&found, &t.items[1]),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            for val in d.values() {
                if vm.eq_bool(&val, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains(vm: &Vm, args: Args) -> PyResult {
    let (me, x) = arg1(vm, &args, "dict_keys.__contains__")?;
    Ok(vm.new_bool(view_contains_impl(vm, as_view(vm, me)?, x)?))
}

fn view_repr(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "dict_keys.__repr__")?;
    as_view(vm, me)?;
    let name = super::typeobj::class_of(me).ext.name();
    let Some(_g) = ReprGuard::enter(me) else {
        return Ok(vm.new_str("..."));
    };
    let items = vm.to_vec(me)?;
    let list = vm.new_list(items);
    Ok(vm.new_str(format!("{name}({})", vm.repr(&list)?.as_str())))
}

fn view_mapping(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let v = as_view(vm, o)?;
    Ok(vm.alloc(
        super::mappingproxy::PyMappingProxy {
            mapping: v.dict.clone(),
        },
        &vm.types.mappingproxy,
    ))
}

/// `set(view)`, read straight from the dict for keys views.
fn to_set(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let src = match o.downcast_ref::<PyDictView>() {
        Some(v) if v.kind == DictIterKind::Keys => v.dict.clone(),
        _ => o.clone(),
    };
    let s = make_set(vm, Some(&src))?;
    Ok(vm.try_alloc(s, vm.types.set.as_object())?.into_object())
}

fn sub_impl(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let r = to_set(vm, a)?;
    difference_update_internal(vm, &r, b)?;
    Ok(r)
}

fn or_impl(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let r = to_set(vm, a)?;
    if let Some(s) = r.downcast_ref::<PySet>() {
        update_internal(vm, &r, s, b)?;
    }
    Ok(r)
}

fn xor_impl(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    if let (Some(va), Some(vb)) = (
        a.downcast_ref::<PyDictView>(),
        b.downcast_ref::<PyDictView>(),
    ) {
        if va.kind == DictIterKind::Items && vb.kind == DictIterKind::Items {
            return items_xor(vm, va, vb);
        }
    }
    let r = to_set(vm, a)?;
    symmetric_difference_update(vm, &r, b)?;
    Ok(r)
}

/// `d1.items() ^ d2.items()` (CPython's `dictitems_xor`).
fn items_xor(vm: &Vm, a: &PyDictView, b: &PyDictView) -> PyResult {
    let d1 = dict_of(vm, a)?;
    let d2 = dict_of(vm, b)?;
    let temp = vm.new_dict();
    temp.extend_fresh(d1.entries());
    let result = PySet::new();
    for e in d2.entries() {
        let v1 = temp.get_item_hashed(vm, &e.key, e.hash)?;
        let delete = match v1 {
            Some(v1) => vm.eq_bool(&v1, &e.value)?,
            None => false,
        };
        if delete {
            temp.del_item(vm, &e.key)?;
        } else {
            result.add(vm, vm.new_tuple(vec![e.key, e.value]))?;
        }
    }
    for (k, v) in temp.items() {
        result.add(vm, vm.new_tuple(vec![k, v]))?;
    }
    Ok(vm
        .try_alloc(result, vm.types.set.as_object())?
        .into_object())
}

/// `view & other` (CPython's `_PyDictView_Intersect`).
fn and_impl(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let (mut me, mut other) = (a.clone(), b.clone());
    if setlike(&me).is_none() {
        std::mem::swap(&mut me, &mut other);
    }
    let len_self = vm.len(&me)?;
    if other.class().is(vm.types.set.as_object()) && len_self <= vm.len(&other)? {
        return vm.call_method(&other, "intersection", &[me]);
    }
    if setlike(&other).is_some() && vm.len(&other)? > len_self {
        std::mem::swap(&mut me, &mut other);
    }
    let v =
        setlike(&me).ok_or_else(|| vm.new_system_error("dict view intersection without a view"))?;
    let result = PySet::new();
    let it = vm.iter(&other)?;
    while let Some(k) = vm.next(&it)? {
        if view_contains_impl(vm, v, &k)? {
            result.add(vm, k)?;
        }
    }
    Ok(vm
        .try_alloc(result, vm.types.set.as_object())?
        .into_object())
}

macro_rules! view_binops {
    ($($name:ident, $rname:ident => $f:ident;)*) => {
        $(
            fn $name(vm: &Vm, args: Args) -> PyResult {
                let (me, other) = arg1(vm, &args, stringify!($name))?;
                $f(vm, me, other)
            }
            fn $rname(vm: &Vm, args: Args) -> PyResult {
                let (me, other) = arg1(vm, &args, stringify!($rname))?;
                $f(vm, other, me)
            }
        )*
    };
}
view_binops! {
    view_sub, view_rsub => sub_impl;
    view_or, view_ror => or_impl;
    view_xor, view_rxor => xor_impl;
    view_and, view_rand => and_impl;
}

fn view_isdisjoint(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "dict_keys.isdisjoint")?;
    let v = as_view(vm, me)?;
    if me.is(other) {
        return Ok(vm.new_bool(dict_of(vm, v)?.len() == 0));
    }
    let (mut a, mut b) = (me.clone(), other.clone());
    if other.downcast_ref::<PySet>().is_some() || setlike(other).is_some() {
        let len_self = dict_of(vm, v)?.len();
        let len_other = vm.len(other)?;
        if len_other > len_self {
            std::mem::swap(&mut a, &mut b);
        }
    }
    let it = vm.iter(&b)?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(&a, &x)? {
            return Ok(vm.false_.clone());
        }
    }
    Ok(vm.true_.clone())
}

fn all_contained_in(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_compare(vm: &Vm, args: Args, op: CompareOp) -> PyResult {
    let (me, other) = arg1(vm, &args, "dict_keys.__eq__")?;
    if other.downcast_ref::<PySet>().is_none() && setlike(other).is_none() {
        return Ok(vm.not_implemented.clone());
    }
    let ls = vm.len(me)?;
    let lo = vm.len(other)?;
    let r = match op {
        CompareOp::Eq => ls == lo && all_contained_in(vm, me, other)?,
        CompareOp::Ne => !(ls == lo && all_contained_in(vm, me, other)?),
        CompareOp::Lt => ls < lo && all_contained_in(vm, me, other)?,
        CompareOp::Le => ls <= lo && all_contained_in(vm, me, other)?,
        CompareOp::Gt => ls > lo && all_contained_in(vm, other, me)?,
        CompareOp::Ge => ls >= lo && all_contained_in(vm, other, me)?,
    };
    Ok(vm.new_bool(r))
}

macro_rules! cmp_fns {
    ($($name:ident => $op:ident),*) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult { view_compare(vm, args, CompareOp::$op) })*
    };
}
cmp_fns!(view_eq => Eq, view_ne => Ne, view_lt => Lt, view_le => Le, view_gt => Gt, view_ge => Ge);

pub fn init(vm: &Vm) {
    let t = &vm.types;
    for ty in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        vm.add_method(ty, "__len__", view_len);
        vm.add_method(ty, "__iter__", view_iter);
        vm.add_method(ty, "__reversed__", view_reversed);
        vm.add_method(ty, "__repr__", view_repr);
        vm.add_getset(ty, "mapping", view_mapping, None);
    }
    for ty in [&t.dict_keys, &t.dict_items] {
        vm.add_method(ty, "__contains__", view_contains);
        vm.add_method(ty, "__sub__", view_sub);
        vm.add_method(ty, "__rsub__", view_rsub);
        vm.add_method(ty, "__or__", view_or);
        vm.add_method(ty, "__ror__", view_ror);
        vm.add_method(ty, "__xor__", view_xor);
        vm.add_method(ty, "__rxor__", view_rxor);
        vm.add_method(ty, "__and__", view_and);
        vm.add_method(ty, "__rand__", view_rand);
        vm.add_method(ty, "isdisjoint", view_isdisjoint);
        vm.add_method(ty, "__eq__", view_eq);
        vm.add_method(ty, "__ne__", view_ne);
        vm.add_method(ty, "__lt__", view_lt);
        vm.add_method(ty, "__le__", view_le);
        vm.add_method(ty, "__gt__", view_gt);
        vm.add_method(ty, "__ge__", view_ge);
        vm.set_type_attr(ty, "__hash__", vm.none.clone());
    }
}
