//! `types.UnionType`: the result of `int | str` on classes (PEP 604), used
//! in `isinstance`/`issubclass` and annotations.
//! Mirrors CPython 3.11 `Objects/unionobject.c`.

use super::genericalias::PyGenericAlias;
use super::tuple::PyTuple;
use super::typeobj::as_type;
use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

fn is_unionable(vm: &Vm, o: &PyObjectRef) -> bool {
    o.is(&vm.none)
        || as_type(o).is_some()
        || o.downcast_ref::<PyGenericAlias>().is_some()
        || o.class().is(vm.types.union_type.as_object())
}

/// Union members are deduplicated by identity, generic aliases by equality
/// (`list[int] | list[int]` has one member).
fn is_same(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<bool> {
    if a.downcast_ref::<PyGenericAlias>().is_some() && b.downcast_ref::<PyGenericAlias>().is_some()
    {
        return vm.eq_bool(a, b);
    }
    Ok(a.is(b))
}

fn flatten(vm: &Vm, o: &PyObjectRef, out: &mut Vec<PyObjectRef>) -> PyResult<()> {
    if o.class().is(vm.types.union_type.as_object()) {
        if let Some(t) = o.downcast_ref::<PyTuple>() {
            for a in t.items.iter() {
                flatten(vm, a, out)?;
            }
        }
        return Ok(());
    }
    let o = if o.is(&vm.none) {
        vm.types.none_type.as_object().clone()
    } else {
        o.clone()
    };
    for x in out.iter() {
        if is_same(vm, x, &o)? {
            return Ok(());
        }
    }
    out.push(o);
    Ok(())
}

/// `a | b` for classes and unions.
pub fn make_union(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    if !is_unionable(vm, a) || !is_unionable(vm, b) {
        return Ok(vm.not_implemented.clone());
    }
    let mut args = Vec::new();
    flatten(vm, a, &mut args)?;
    flatten(vm, b, &mut args)?;
    if args.len() == 1 {
        return Ok(args.pop().expect("one"));
    }
    Ok(vm.alloc(PyTuple::new(args), &vm.types.union_type))
}

fn union_or(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__or__")?;
    make_union(vm, a, b)
}

fn union_ror(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__ror__")?;
    make_union(vm, b, a)
}

fn items(o: &PyObjectRef) -> Vec<PyObjectRef> {
    o.downcast_ref::<PyTuple>()
        .map(|t| t.items.to_vec())
        .unwrap_or_default()
}

fn union_args(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_tuple(items(o)))
}

fn union_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let mut parts = Vec::new();
    for a in items(o) {
        if a.is(vm.types.none_type.as_object()) {
            parts.push("None".to_string());
        } else {
            parts.push(super::genericalias::repr_item(vm, &a)?);
        }
    }
    Ok(vm.new_str(parts.join(" | ")))
}

fn union_instancecheck(vm: &Vm, args: Args) -> PyResult {
    let [u, o] = args.exact::<2>(vm, "__instancecheck__")?;
    for a in items(u) {
        if vm.isinstance(o, &a)? {
            return Ok(vm.true_.clone());
        }
    }
    Ok(vm.false_.clone())
}

fn union_subclasscheck(vm: &Vm, args: Args) -> PyResult {
    let [u, o] = args.exact::<2>(vm, "__subclasscheck__")?;
    for a in items(u) {
        if vm.issubclass(o, &a)? {
            return Ok(vm.true_.clone());
        }
    }
    Ok(vm.false_.clone())
}

/// Unions compare as sets of their members.
fn union_eq(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    if !b.class().is(vm.types.union_type.as_object()) {
        return Ok(vm.not_implemented.clone());
    }
    let x = frozen_members(vm, a)?;
    let y = frozen_members(vm, b)?;
    Ok(vm.new_bool(vm.eq_bool(&x, &y)?))
}

fn frozen_members(vm: &Vm, u: &PyObjectRef) -> PyResult {
    let fs = vm.types.frozenset.as_object().clone();
    vm.call(&fs, &[vm.new_tuple(items(u))])
}

fn union_hash(vm: &Vm, args: Args) -> PyResult {
    let [a] = args.exact::<1>(vm, "__hash__")?;
    let h = vm.hash(&frozen_members(vm, a)?)?;
    Ok(vm.new_int(h))
}

/// Type variables among the members (`list[T] | None` has `(T,)`).
fn union_parameters(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_tuple(super::genericalias::make_parameters(vm, &items(o))?))
}

/// `(list[T] | None)[int]`: substitute, then rebuild with `|`.
fn union_getitem(vm: &Vm, args: Args) -> PyResult {
    let [u, item] = args.exact::<2>(vm, "__getitem__")?;
    let members = items(u);
    let params = super::genericalias::make_parameters(vm, &members)?;
    let new = super::genericalias::subs_parameters(vm, u, &members, &params, item)?;
    let mut it = new.into_iter();
    let Some(mut res) = it.next() else {
        return Ok(vm.alloc(PyTuple::new(Vec::new()), &vm.types.union_type));
    };
    for a in it {
        // NB_OR (index 7 of `protocol::number::BINOPS`).
        res = vm.binary_op(&res, &a, 7)?;
    }
    Ok(res)
}

fn type_or(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__or__")?;
    make_union(vm, a, b)
}

fn type_ror(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__ror__")?;
    make_union(vm, b, a)
}

pub fn init(vm: &Vm) {
    let u = &vm.types.union_type;
    vm.add_method(u, "__or__", union_or);
    vm.add_method(u, "__ror__", union_ror);
    vm.add_method(u, "__repr__", union_repr);
    vm.add_method(u, "__instancecheck__", union_instancecheck);
    vm.add_method(u, "__subclasscheck__", union_subclasscheck);
    vm.add_method(u, "__eq__", union_eq);
    vm.add_method(u, "__hash__", union_hash);
    vm.add_getset(u, "__args__", union_args, None);
    vm.add_getset(u, "__parameters__", union_parameters, None);
    vm.add_method(u, "__getitem__", union_getitem);
    vm.set_type_attr(u, "__module__", vm.new_str("types"));
    vm.add_method(&vm.types.type_, "__or__", type_or);
    vm.add_method(&vm.types.type_, "__ror__", type_ror);
    vm.add_method(&vm.types.none_type, "__or__", type_or);
    vm.add_method(&vm.types.none_type, "__ror__", type_ror);
}
