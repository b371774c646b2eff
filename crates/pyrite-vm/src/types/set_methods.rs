//! `set` and `frozenset`'s Python-visible methods and operators, with the
//! same algorithms as CPython (which side is iterated, when tables are
//! copied or resized), so results iterate in CPython's order.
//! Mirrors CPython 3.11 `Objects/setobject.c`.

use super::dict::PyDict;
use super::list_methods::{arg0, arg1, args_range};
use super::set::{resize_for, PySet};
use super::typeobj::{class_of, is_subtype, PyTypeRef};
use crate::args::Args;
use crate::protocol::repr::ReprGuard;
use crate::types::descr::TypeDocs;
use crate::types::iter::PySetIter;
use crate::{PyObjectRef, PyResult, Vm};

fn as_set<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PySet> {
    o.downcast_ref::<PySet>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

fn is_frozen(vm: &Vm, o: &PyObjectRef) -> bool {
    is_subtype(o.class(), vm.types.frozenset.as_object())
}

/// The builtin type results of operations on `o` have (`make_new_set_basetype`).
fn basetype<'a>(vm: &'a Vm, o: &PyObjectRef) -> &'a PyTypeRef {
    if is_frozen(vm, o) {
        &vm.types.frozenset
    } else {
        &vm.types.set
    }
}

fn wrap(vm: &Vm, t: &PyTypeRef, s: PySet) -> PyResult {
    Ok(vm.try_alloc(s, t.as_object())?.into_object())
}

/// Add every element of `other` to `so` (CPython's `set_update_internal`).
pub fn update_internal(
    vm: &Vm,
    so_obj: &PyObjectRef,
    so: &PySet,
    other: &PyObjectRef,
) -> PyResult<()> {
    if let Some(os) = other.downcast_ref::<PySet>() {
        if other.is(so_obj) {
            return Ok(());
        }
        return so.merge(vm, os);
    }
    if let (Some(d), false) = (other.downcast_ref::<PyDict>(), class_of(other).ext.heap) {
        let entries = d.entries();
        resize_for(&mut so.table.borrow_mut(), entries.len());
        for e in entries {
            so.add_hashed(vm, e.key, e.hash)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        so.add(vm, k)?;
    }
    Ok(())
}

/// A fresh table filled from `iterable`.
pub fn make_set(vm: &Vm, iterable: Option<&PyObjectRef>) -> PyResult<PySet> {
    let s = PySet::new();
    if let Some(it) = iterable {
        // No object for `s` exists yet, so the self-merge check can use any
        // object that is not `it`.
        update_internal(vm, &vm.none, &s, it)?;
    }
    Ok(s)
}

/// `set(o)` or `frozenset(o)` by the base type of `o`.
fn set_copy(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let s = make_set(vm, Some(o))?;
    wrap(vm, basetype(vm, o), s)
}

/// Hash `key`; an unhashable `set` is looked up as a frozenset instead.
fn with_frozen_retry<T>(
    vm: &Vm,
    key: &PyObjectRef,
    f: &dyn Fn(&PyObjectRef, i64) -> PyResult<T>,
) -> PyResult<T> {
    match vm.hash(key) {
        Ok(h) => f(key, h),
        Err(e)
            if key.downcast_ref::<PySet>().is_some() && vm.exc_matches(&e, &vm.exc.TypeError) =>
        {
            let fs = make_set(vm, Some(key))?;
            let tmp = wrap(vm, &vm.types.frozenset, fs)?;
            let h = vm.hash(&tmp)?;
            f(&tmp, h)
        }
        Err(e) => Err(e),
    }
}

fn set_intersection(vm: &Vm, so_obj: &PyObjectRef, other: &PyObjectRef) -> PyResult {
    if so_obj.is(other) {
        return set_copy(vm, so_obj);
    }
    let so = as_set(vm, so_obj)?;
    let result = PySet::new();
    if let Some(os) = other.downcast_ref::<PySet>() {
        let (big, small) = if os.len() > so.len() {
            (os, so)
        } else {
            (so, os)
        };
        for (h, k) in small.entries() {
            if big.find(vm, &k, h)?.is_some() {
                result.add_hashed(vm, k, h)?;
            }
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            let h = vm.hash(&k)?;
            if so.find(vm, &k, h)?.is_some() {
                result.add_hashed(vm, k, h)?;
            }
        }
    }
    wrap(vm, basetype(vm, so_obj), result)
}

pub(crate) fn difference_update_internal(
    vm: &Vm,
    so_obj: &PyObjectRef,
    other: &PyObjectRef,
) -> PyResult<()> {
    let so = as_set(vm, so_obj)?;
    if so_obj.is(other) {
        so.clear();
        return Ok(());
    }
    if let Some(os) = other.downcast_ref::<PySet>() {
        let entries = if os.len() >> 3 > so.len() {
            let inter = set_intersection(vm, so_obj, other)?;
            as_set(vm, &inter)?.entries()
        } else {
            os.entries()
        };
        for (h, k) in entries {
            so.discard_hashed(vm, &k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            so.discard(vm, &k)?;
        }
    }
    let (fill, used, mask) = {
        let t = so.table.borrow();
        (t.fill, t.used, t.slots.len() - 1)
    };
    if fill - used > mask / 4 {
        so.resize(if used > 50000 { used * 2 } else { used * 4 });
    }
    Ok(())
}

fn set_difference(vm: &Vm, so_obj: &PyObjectRef, other: &PyObjectRef) -> PyResult {
    let so = as_set(vm, so_obj)?;
    let exact_dict = other
        .downcast_ref::<PyDict>()
        .filter(|_| !class_of(other).ext.heap);
    let other_size = if let Some(os) = other.downcast_ref::<PySet>() {
        Some(os.len())
    } else {
        exact_dict.map(|d| d.len())
    };
    let copy_and_diff = |vm: &Vm| -> PyResult {
        let r = set_copy(vm, so_obj)?;
        difference_update_internal(vm, &r, other)?;
        Ok(r)
    };
    let Some(other_size) = other_size else {
        return copy_and_diff(vm);
    };
    if so.len() >> 2 > other_size {
        return copy_and_diff(vm);
    }
    let result = PySet::new();
    for (h, k) in so.entries() {
        let present = match (exact_dict, other.downcast_ref::<PySet>()) {
            (Some(d), _) => d.get_item_hashed(vm, &k, h)?.is_some(),
            (None, Some(os)) => os.find(vm, &k, h)?.is_some(),
            _ => false,
        };
        if !present {
            result.add_hashed(vm, k, h)?;
        }
    }
    wrap(vm, basetype(vm, so_obj), result)
}

pub(crate) fn symmetric_difference_update(
    vm: &Vm,
    so_obj: &PyObjectRef,
    other: &PyObjectRef,
) -> PyResult<()> {
    let so = as_set(vm, so_obj)?;
    if so_obj.is(other) {
        so.clear();
        return Ok(());
    }
    let entries: Vec<(i64, PyObjectRef)> =
        if let (Some(d), false) = (other.downcast_ref::<PyDict>(), class_of(other).ext.heap) {
            d.entries().into_iter().map(|e| (e.hash, e.key)).collect()
        } else if let Some(os) = other.downcast_ref::<PySet>() {
            os.entries()
        } else {
            make_set(vm, Some(other))?.entries()
        };
    for (h, k) in entries {
        if !so.discard_hashed(vm, &k, h)? {
            so.add_hashed(vm, k, h)?;
        }
    }
    Ok(())
}

fn set_symmetric_difference(vm: &Vm, so_obj: &PyObjectRef, other: &PyObjectRef) -> PyResult {
    let r = wrap(vm, basetype(vm, so_obj), make_set(vm, Some(other))?)?;
    symmetric_difference_update(vm, &r, so_obj)?;
    Ok(r)
}

fn set_issubset(vm: &Vm, so_obj: &PyObjectRef, other: &PyObjectRef) -> PyResult<bool> {
    let so = as_set(vm, so_obj)?;
    let tmp;
    let os = match other.downcast_ref::<PySet>() {
        Some(os) => os,
        None => {
            tmp = make_set(vm, Some(other))?;
            &tmp
        }
    };
    if so.len() > os.len() {
        return Ok(false);
    }
    for (h, k) in so.entries() {
        if os.find(vm, &k, h)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issuperset(vm: &Vm, so_obj: &PyObjectRef, other: &PyObjectRef) -> PyResult<bool> {
    if other.downcast_ref::<PySet>().is_some() {
        return set_issubset(vm, other, so_obj);
    }
    let so = as_set(vm, so_obj)?;
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        if !so.contains(vm, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_isdisjoint_impl(vm: &Vm, so_obj: &PyObjectRef, other: &PyObjectRef) -> PyResult<bool> {
    let so = as_set(vm, so_obj)?;
    if so_obj.is(other) {
        return Ok(so.len() == 0);
    }
    if let Some(os) = other.downcast_ref::<PySet>() {
        let (big, small) = if os.len() > so.len() {
            (os, so)
        } else {
            (so, os)
        };
        for (h, k) in small.entries() {
            if big.find(vm, &k, h)?.is_some() {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        if so.contains(vm, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ----- Python-visible methods ----------------------------------------------

fn set_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("set.__new__(): not enough arguments"))?;
    if super::typeobj::as_type(cls).is_none() {
        return Err(vm.new_type_error(format!(
            "set.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    }
    if cls.is(vm.types.set.as_object()) {
        args.no_kwargs(vm, "set")?;
    }
    Ok(vm.try_alloc(PySet::new(), cls)?.into_object())
}

fn set_init(vm: &Vm, args: Args) -> PyResult {
    let me = &args.pos()[0];
    args.no_kwargs(vm, "set")?;
    let name = class_of(me).ext.name();
    let (me, rest) = args_range(vm, &args, &name, 0, 1)?;
    let so = as_set(vm, me)?;
    if so.table.borrow().fill > 0 {
        so.clear();
    }
    if let Some(it) = rest.first() {
        update_internal(vm, me, so, it)?;
    }
    Ok(vm.none.clone())
}

fn frozenset_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("frozenset.__new__(): not enough arguments"))?;
    let Some(t) = super::typeobj::as_type(cls) else {
        return Err(vm.new_type_error(format!(
            "frozenset.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    };
    let exact = cls.is(vm.types.frozenset.as_object());
    if exact
        || t.ext.lookup(&vm.names.__init__).is_some_and(|i| {
            vm.types
                .object
                .ext
                .dict
                .get_by_str("__init__")
                .is_some_and(|o| o.is(&i))
        })
    {
        args.no_kwargs(vm, "frozenset")?;
    }
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!(
            "{} expected at most 1 argument, got {}",
            t.ext.name(),
            pos.len()
        )));
    }
    if let Some(it) = pos.first() {
        if exact && it.class().is(vm.types.frozenset.as_object()) {
            return Ok(it.clone());
        }
    }
    let s = make_set(vm, pos.first())?;
    Ok(vm.try_alloc(s, cls)?.into_object())
}

fn set_repr(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "set.__repr__")?;
    let so = as_set(vm, me)?;
    let name = class_of(me).ext.name();
    let Some(_g) = ReprGuard::enter(me) else {
        return Ok(vm.new_str(format!("{name}(...)")));
    };
    if so.len() == 0 {
        return Ok(vm.new_str(format!("{name}()")));
    }
    let mut s = String::new();
    for (i, k) in so.keys().iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(vm.repr(k)?.as_str());
    }
    Ok(vm.new_str(if me.class().is(vm.types.set.as_object()) {
        format!("{{{s}}}")
    } else {
        format!("{name}({{{s}}})")
    }))
}

fn set_len(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "set.__len__")?;
    Ok(vm.new_int(as_set(vm, me)?.len() as i64))
}

fn set_contains(vm: &Vm, args: Args) -> PyResult {
    let (me, key) = arg1(vm, &args, "set.__contains__")?;
    let so = as_set(vm, me)?;
    let r = with_frozen_retry(vm, key, &|k, h| so.find(vm, k, h))?;
    Ok(vm.new_bool(r.is_some()))
}

fn set_iter(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "set.__iter__")?;
    let n = as_set(vm, me)?.len();
    Ok(vm.alloc(
        PySetIter {
            set: Some(me.clone()).into(),
            pos: 0.into(),
            size: n.into(),
            len: n.into(),
        },
        &vm.types.set_iterator,
    ))
}

fn frozenset_hash(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "set.__hash__")?;
    Ok(vm.new_int(as_set(vm, me)?.frozen_hash()))
}

fn set_add(vm: &Vm, args: Args) -> PyResult {
    let (me, key) = arg1(vm, &args, "set.add")?;
    as_set(vm, me)?.add(vm, key.clone())?;
    Ok(vm.none.clone())
}

fn set_discard(vm: &Vm, args: Args) -> PyResult {
    let (me, key) = arg1(vm, &args, "set.discard")?;
    let so = as_set(vm, me)?;
    with_frozen_retry(vm, key, &|k, h| so.discard_hashed(vm, k, h))?;
    Ok(vm.none.clone())
}

fn set_remove(vm: &Vm, args: Args) -> PyResult {
    let (me, key) = arg1(vm, &args, "set.remove")?;
    let so = as_set(vm, me)?;
    if !with_frozen_retry(vm, key, &|k, h| so.discard_hashed(vm, k, h))? {
        return Err(vm.new_key_error(key.clone()));
    }
    Ok(vm.none.clone())
}

fn set_pop(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "set.pop")?;
    as_set(vm, me)?
        .pop()
        .ok_or_else(|| vm.new_exception_msg(&vm.exc.KeyError, "pop from an empty set"))
}

fn set_clear(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "set.clear")?;
    as_set(vm, me)?.clear();
    Ok(vm.none.clone())
}

fn set_copy_m(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "set.copy")?;
    as_set(vm, me)?;
    if me.class().is(vm.types.frozenset.as_object()) {
        return Ok(me.clone());
    }
    set_copy(vm, me)
}

fn self_and_others<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a PyObjectRef, &'a [PyObjectRef])> {
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    let (me, rest) = pos
        .split_first()
        .ok_or_else(|| vm.new_type_error(format!("{name}() needs an argument")))?;
    as_set(vm, me)?;
    Ok((me, rest))
}

fn set_update(vm: &Vm, args: Args) -> PyResult {
    let (me, others) = self_and_others(vm, &args, "set.update")?;
    let so = as_set(vm, me)?;
    for o in others {
        update_internal(vm, me, so, o)?;
    }
    Ok(vm.none.clone())
}

fn set_union(vm: &Vm, args: Args) -> PyResult {
    let (me, others) = self_and_others(vm, &args, "union")?;
    let r = set_copy(vm, me)?;
    let rs = as_set(vm, &r)?;
    for o in others {
        update_internal(vm, &r, rs, o)?;
    }
    Ok(r)
}

fn intersection_multi(vm: &Vm, me: &PyObjectRef, others: &[PyObjectRef]) -> PyResult {
    if others.is_empty() {
        return set_copy(vm, me);
    }
    let mut result = me.clone();
    for o in others {
        result = set_intersection(vm, &result, o)?;
    }
    Ok(result)
}

fn set_intersection_m(vm: &Vm, args: Args) -> PyResult {
    let (me, others) = self_and_others(vm, &args, "intersection")?;
    intersection_multi(vm, me, others)
}

fn set_intersection_update(vm: &Vm, args: Args) -> PyResult {
    let (me, others) = self_and_others(vm, &args, "intersection_update")?;
    let tmp = intersection_multi(vm, me, others)?;
    as_set(vm, me)?.swap_table(as_set(vm, &tmp)?);
    Ok(vm.none.clone())
}

fn set_difference_m(vm: &Vm, args: Args) -> PyResult {
    let (me, others) = self_and_others(vm, &args, "difference")?;
    let Some((first, rest)) = others.split_first() else {
        return set_copy(vm, me);
    };
    let r = set_difference(vm, me, first)?;
    for o in rest {
        difference_update_internal(vm, &r, o)?;
    }
    Ok(r)
}

fn set_difference_update(vm: &Vm, args: Args) -> PyResult {
    let (me, others) = self_and_others(vm, &args, "difference_update")?;
    for o in others {
        difference_update_internal(vm, me, o)?;
    }
    Ok(vm.none.clone())
}

fn set_symmetric_difference_m(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "set.symmetric_difference")?;
    set_symmetric_difference(vm, me, other)
}

fn set_symmetric_difference_update_m(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "set.symmetric_difference_update")?;
    symmetric_difference_update(vm, me, other)?;
    Ok(vm.none.clone())
}

fn set_issubset_m(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "set.issubset")?;
    Ok(vm.new_bool(set_issubset(vm, me, other)?))
}

fn set_issuperset_m(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "set.issuperset")?;
    Ok(vm.new_bool(set_issuperset(vm, me, other)?))
}

fn set_isdisjoint(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "set.isdisjoint")?;
    Ok(vm.new_bool(set_isdisjoint_impl(vm, me, other)?))
}

// ----- operators -------------------------------------------------------------

/// Both operands sets (else `NotImplemented`), in slot order.
fn binop(
    vm: &Vm,
    args: Args,
    reflected: bool,
    f: fn(&Vm, &PyObjectRef, &PyObjectRef) -> PyResult,
) -> PyResult {
    let (me, other) = arg1(vm, &args, "set.__or__")?;
    if other.downcast_ref::<PySet>().is_none() || me.downcast_ref::<PySet>().is_none() {
        return Ok(vm.not_implemented.clone());
    }
    if reflected {
        f(vm, other, me)
    } else {
        f(vm, me, other)
    }
}

fn or_impl(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let r = set_copy(vm, a)?;
    update_internal(vm, &r, as_set(vm, &r)?, b)?;
    Ok(r)
}

fn set_or(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, false, or_impl)
}
fn set_ror(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, true, or_impl)
}
fn set_and(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, false, set_intersection)
}
fn set_rand(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, true, set_intersection)
}
fn set_sub(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, false, set_difference)
}
fn set_rsub(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, true, set_difference)
}
fn set_xor(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, false, set_symmetric_difference)
}
fn set_rxor(vm: &Vm, args: Args) -> PyResult {
    binop(vm, args, true, set_symmetric_difference)
}

fn inplace(
    vm: &Vm,
    args: Args,
    f: fn(&Vm, &PyObjectRef, &PyObjectRef) -> PyResult<()>,
) -> PyResult {
    let (me, other) = arg1(vm, &args, "set.__ior__")?;
    if other.downcast_ref::<PySet>().is_none() {
        return Ok(vm.not_implemented.clone());
    }
    f(vm, me, other)?;
    Ok(me.clone())
}

fn set_ior(vm: &Vm, args: Args) -> PyResult {
    inplace(vm, args, |vm, a, b| {
        update_internal(vm, a, as_set(vm, a)?, b)
    })
}
fn set_iand(vm: &Vm, args: Args) -> PyResult {
    inplace(vm, args, |vm, a, b| {
        let tmp = set_intersection(vm, a, b)?;
        as_set(vm, a)?.swap_table(as_set(vm, &tmp)?);
        Ok(())
    })
}
fn set_isub(vm: &Vm, args: Args) -> PyResult {
    inplace(vm, args, difference_update_internal)
}
fn set_ixor(vm: &Vm, args: Args) -> PyResult {
    inplace(vm, args, symmetric_difference_update)
}

fn set_compare(vm: &Vm, args: Args, op: crate::protocol::compare::CompareOp) -> PyResult {
    use crate::protocol::compare::CompareOp::*;
    let (me, other) = arg1(vm, &args, "set.__eq__")?;
    let (Some(a), Some(b)) = (me.downcast_ref::<PySet>(), other.downcast_ref::<PySet>()) else {
        return Ok(vm.not_implemented.clone());
    };
    let r = match op {
        Eq | Ne => {
            let eq = if a.len() != b.len() {
                false
            } else if a.hash.get() != -1 && b.hash.get() != -1 && a.hash.get() != b.hash.get() {
                false
            } else {
                set_issubset(vm, me, other)?
            };
            eq == (op == Eq)
        }
        Le => set_issubset(vm, me, other)?,
        Ge => set_issuperset(vm, me, other)?,
        Lt => a.len() < b.len() && set_issubset(vm, me, other)?,
        Gt => a.len() > b.len() && set_issuperset(vm, me, other)?,
    };
    Ok(vm.new_bool(r))
}

macro_rules! cmp_fns {
    ($($name:ident => $op:ident),*) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult {
            set_compare(vm, args, crate::protocol::compare::CompareOp::$op)
        })*
    };
}
cmp_fns!(set_eq => Eq, set_ne => Ne, set_lt => Lt, set_le => Le, set_gt => Gt, set_ge => Ge);

fn set_sizeof(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "set.__sizeof__")?;
    let n = as_set(vm, me)?.table.borrow().slots.len();
    Ok(vm.new_int(200 + if n > 8 { 16 * n as i64 } else { 0 }))
}

fn set_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "set.__reduce__")?;
    let keys = vm.new_list(as_set(vm, me)?.keys());
    let state = match vm.get_attr_opt(me, &vm.names.__dict__)? {
        Some(d) => d,
        None => vm.none.clone(),
    };
    Ok(vm.new_tuple(vec![me.class().clone(), vm.new_tuple(vec![keys]), state]))
}

/// Docstrings of `set` and its methods (CPython's texts).
pub(crate) const SET_DOCS: TypeDocs = TypeDocs {
    doc: "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.",
    members: &[
        ("__contains__", "x.__contains__(y) <==> y in x."),
        ("add", "Add an element to a set.\n\nThis has no effect if the element is already present."),
        ("clear", "Remove all elements from this set."),
        ("copy", "Return a shallow copy of a set."),
        ("discard", "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."),
        ("difference", "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)"),
        ("difference_update", "Remove all elements of another set from this set."),
        ("intersection", "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"),
        ("intersection_update", "Update a set with the intersection of itself and another."),
        ("isdisjoint", "Return True if two sets have a null intersection."),
        ("issubset", "Report whether another set contains this set."),
        ("issuperset", "Report whether this set contains another set."),
        ("pop", "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."),
        ("__reduce__", "Return state information for pickling."),
        ("remove", "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."),
        ("__sizeof__", "S.__sizeof__() -> size of S in memory, in bytes"),
        ("symmetric_difference", "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)"),
        ("symmetric_difference_update", "Update a set with the symmetric difference of itself and another."),
        ("union", "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"),
        ("update", "Update a set with the union of itself and others."),
        ("__class_getitem__", "See PEP 585"),
    ],
};

/// Docstrings of `frozenset` and its methods (CPython's texts).
pub(crate) const FROZENSET_DOCS: TypeDocs = TypeDocs {
    doc: "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.",
    members: &[
        ("__contains__", "x.__contains__(y) <==> y in x."),
        ("copy", "Return a shallow copy of a set."),
        ("difference", "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)"),
        ("intersection", "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"),
        ("isdisjoint", "Return True if two sets have a null intersection."),
        ("issubset", "Report whether another set contains this set."),
        ("issuperset", "Report whether this set contains another set."),
        ("__reduce__", "Return state information for pickling."),
        ("__sizeof__", "S.__sizeof__() -> size of S in memory, in bytes"),
        ("symmetric_difference", "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)"),
        ("union", "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"),
        ("__class_getitem__", "See PEP 585"),
    ],
};

pub fn init(vm: &Vm) {
    let shared: &[(&'static str, crate::args::NativeFn)] = &[
        ("__repr__", set_repr),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("copy", set_copy_m),
        ("union", set_union),
        ("intersection", set_intersection_m),
        ("difference", set_difference_m),
        ("symmetric_difference", set_symmetric_difference_m),
        ("issubset", set_issubset_m),
        ("issuperset", set_issuperset_m),
        ("isdisjoint", set_isdisjoint),
        ("__or__", set_or),
        ("__ror__", set_ror),
        ("__and__", set_and),
        ("__rand__", set_rand),
        ("__sub__", set_sub),
        ("__rsub__", set_rsub),
        ("__xor__", set_xor),
        ("__rxor__", set_rxor),
        ("__eq__", set_eq),
        ("__ne__", set_ne),
        ("__lt__", set_lt),
        ("__le__", set_le),
        ("__gt__", set_gt),
        ("__ge__", set_ge),
        ("__sizeof__", set_sizeof),
        ("__reduce__", set_reduce),
    ];
    for t in [&vm.types.set, &vm.types.frozenset] {
        for (name, f) in shared {
            vm.add_method(t, name, *f);
        }
        vm.add_class_getitem(t);
    }
    let s = &vm.types.set;
    vm.add_staticmethod(s, "__new__", set_new);
    vm.add_method(s, "__init__", set_init);
    vm.set_type_attr(s, "__hash__", vm.none.clone());
    vm.add_method(s, "add", set_add);
    vm.add_method(s, "discard", set_discard);
    vm.add_method(s, "remove", set_remove);
    vm.add_method(s, "pop", set_pop);
    vm.add_method(s, "clear", set_clear);
    vm.add_method(s, "update", set_update);
    vm.add_method(s, "intersection_update", set_intersection_update);
    vm.add_method(s, "difference_update", set_difference_update);
    vm.add_method(
        s,
        "symmetric_difference_update",
        set_symmetric_difference_update_m,
    );
    vm.add_method(s, "__ior__", set_ior);
    vm.add_method(s, "__iand__", set_iand);
    vm.add_method(s, "__isub__", set_isub);
    vm.add_method(s, "__ixor__", set_ixor);
    let f = &vm.types.frozenset;
    vm.add_staticmethod(f, "__new__", frozenset_new);
    vm.add_method(f, "__hash__", frozenset_hash);
    vm.set_docs(&vm.types.set, &SET_DOCS);
    vm.set_docs(&vm.types.frozenset, &FROZENSET_DOCS);
}
