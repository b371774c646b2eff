//! `slice`'s Python-visible methods: construction, repr, `indices()` (with
//! big-int lengths), the `start`/`stop`/`step` attributes, comparisons (as
//! tuples) and pickling; slices are unhashable in 3.11.
//! Mirrors CPython 3.11 `Objects/sliceobject.c`.

use super::int::PyInt;
use super::list_methods::{arg0, arg1, seq_richcompare};
use super::range_methods::slice_long_indices;
use super::slice::PySlice;
use super::typeobj::class_of;
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::types::descr::TypeDocs;
use crate::{PyObjectRef, PyResult, Vm};

fn as_slice<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PySlice> {
    o.downcast_ref::<PySlice>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'slice' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

fn slice_new(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "slice")?;
    let pos = &args.pos()[1.min(args.pos().len())..];
    let none = || vm.none.clone();
    let (start, stop, step) = match pos.len() {
        0 => return Err(vm.new_type_error("slice expected at least 1 argument, got 0")),
        1 => (none(), pos[0].clone(), none()),
        2 => (pos[0].clone(), pos[1].clone(), none()),
        3 => (pos[0].clone(), pos[1].clone(), pos[2].clone()),
        n => return Err(vm.new_type_error(format!("slice expected at most 3 arguments, got {n}"))),
    };
    Ok(vm
        .try_alloc(PySlice { start, stop, step }, vm.types.slice.as_object())?
        .into_object())
}

fn slice_repr(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "slice.__repr__")?;
    let s = as_slice(vm, me)?;
    Ok(vm.new_str(format!(
        "slice({}, {}, {})",
        vm.repr(&s.start)?.as_str(),
        vm.repr(&s.stop)?.as_str(),
        vm.repr(&s.step)?.as_str()
    )))
}

fn slice_indices(vm: &Vm, args: Args) -> PyResult {
    let (me, len) = arg1(vm, &args, "slice.indices")?;
    let s = as_slice(vm, me)?;
    if len.downcast_ref::<PyInt>().is_none()
        && class_of(len).ext.lookup(&vm.names.__index__).is_none()
    {
        return Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(len)
        )));
    }
    let n = vm.index(len)?;
    let n = n
        .downcast_ref::<PyInt>()
        .map(|i| i.value.to_big())
        .unwrap_or_default();
    if n < dashu_int::IBig::from(0) {
        return Err(vm.new_value_error("length should not be negative"));
    }
    let (a, b, c) = slice_long_indices(vm, s, &n)?;
    Ok(vm.new_tuple(vec![vm.new_bigint(a), vm.new_bigint(b), vm.new_bigint(c)]))
}

fn parts(s: &PySlice) -> Vec<PyObjectRef> {
    vec![s.start.clone(), s.stop.clone(), s.step.clone()]
}

fn slice_compare(vm: &Vm, args: Args, op: CompareOp) -> PyResult {
    let (me, other) = arg1(vm, &args, "slice.__eq__")?;
    let a = as_slice(vm, me)?;
    let Some(b) = other.downcast_ref::<PySlice>() else {
        return Ok(vm.not_implemented.clone());
    };
    if me.is(other) && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.new_bool(op == CompareOp::Eq));
    }
    let (x, y) = (parts(a), parts(b));
    seq_richcompare(
        vm,
        &|i| x.get(i).cloned(),
        &|| 3,
        &|i| y.get(i).cloned(),
        &|| 3,
        op,
    )
}

macro_rules! cmp_fns {
    ($($name:ident => $op:ident),*) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult { slice_compare(vm, args, CompareOp::$op) })*
    };
}
cmp_fns!(slice_eq => Eq, slice_ne => Ne, slice_lt => Lt, slice_le => Le, slice_gt => Gt, slice_ge => Ge);

fn slice_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "slice.__reduce__")?;
    let s = as_slice(vm, me)?;
    Ok(vm.new_tuple(vec![
        vm.types.slice.as_object().clone(),
        vm.new_tuple(parts(s)),
    ]))
}

fn get_start(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(as_slice(vm, o)?.start.clone())
}

fn get_stop(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(as_slice(vm, o)?.stop.clone())
}

fn get_step(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(as_slice(vm, o)?.step.clone())
}

/// Docstrings of `slice` and its methods (CPython's texts).
pub(crate) const SLICE_DOCS: TypeDocs = TypeDocs {
    doc: "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
    members: &[
        ("indices", "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate the start and stop\nindices, and the stride length of the extended slice described by\nS. Out of bounds indices are clipped in a manner consistent with the\nhandling of normal slices."),
        ("__reduce__", "Return state information for pickling."),
    ],
};

pub fn init(vm: &Vm) {
    let t = &vm.types.slice;
    vm.add_staticmethod(t, "__new__", slice_new);
    vm.add_method(t, "__repr__", slice_repr);
    vm.add_method(t, "indices", slice_indices);
    vm.add_method(t, "__eq__", slice_eq);
    vm.add_method(t, "__ne__", slice_ne);
    vm.add_method(t, "__lt__", slice_lt);
    vm.add_method(t, "__le__", slice_le);
    vm.add_method(t, "__gt__", slice_gt);
    vm.add_method(t, "__ge__", slice_ge);
    vm.add_method(t, "__reduce__", slice_reduce);
    vm.set_type_attr(t, "__hash__", vm.none.clone());
    vm.add_getset(t, "start", get_start, None);
    vm.add_getset(t, "stop", get_stop, None);
    vm.add_getset(t, "step", get_step, None);
    vm.set_docs(&vm.types.slice, &SLICE_DOCS);
}
