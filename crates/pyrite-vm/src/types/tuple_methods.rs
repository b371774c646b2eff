//! `tuple`'s Python-visible methods: construction, repr, hashing (xxHash
//! lanes as CPython), comparisons, concatenation/repetition, indexing and
//! slicing, `count`/`index`. Mirrors CPython 3.11 `Objects/tupleobject.c`.

use super::list_methods::{
    arg0, arg1, args_range, index_bound, norm_index, repeat_count, repeat_items, seq_richcompare,
    slice_items, subscript_index,
};
use super::slice::PySlice;
use super::tuple::PyTuple;
use super::typeobj::class_of;
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::protocol::hash::TupleHasher;
use crate::protocol::repr::ReprGuard;
use crate::types::descr::TypeDocs;
use crate::types::iter::PyTupleIter;
use crate::{PyObjectRef, PyResult, Vm};

fn as_tuple<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyTuple> {
    o.downcast_ref::<PyTuple>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'tuple' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

fn is_exact(vm: &Vm, o: &PyObjectRef) -> bool {
    o.class().is(vm.types.tuple.as_object())
}

fn tuple_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("tuple.__new__(): not enough arguments"))?;
    if super::typeobj::as_type(cls).is_none() {
        return Err(vm.new_type_error(format!(
            "tuple.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    }
    let (_, rest) = args_range(vm, &args, "tuple", 0, 1)?;
    let exact = cls.is(vm.types.tuple.as_object());
    let items = match rest.first() {
        None => Vec::new(),
        Some(it) => {
            if exact && is_exact(vm, it) {
                return Ok(it.clone());
            }
            vm.to_vec(it)?
        }
    };
    if exact {
        return Ok(vm.new_tuple(items));
    }
    Ok(vm.try_alloc(PyTuple::new(items), cls)?.into_object())
}

fn tuple_repr(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "tuple.__repr__")?;
    let t = as_tuple(vm, me)?;
    if t.len() == 0 {
        return Ok(vm.new_str("()"));
    }
    let Some(_g) = ReprGuard::enter(me) else {
        return Ok(vm.new_str("(...)"));
    };
    let mut s = String::from("(");
    for (i, it) in t.items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(vm.repr(it)?.as_str());
    }
    if t.len() == 1 {
        s.push(',');
    }
    s.push(')');
    Ok(vm.new_str(s))
}

/// `hash(tuple)` as CPython 3.11 computes it.
pub fn tuple_hash_items(vm: &Vm, items: &[PyObjectRef]) -> PyResult<i64> {
    let mut h = TupleHasher::new(items.len());
    for it in items {
        h.add(vm.hash(it)?);
    }
    Ok(h.finish())
}

fn tuple_hash(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "tuple.__hash__")?;
    Ok(vm.new_int(tuple_hash_items(vm, &as_tuple(vm, me)?.items)?))
}

fn tuple_len(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "tuple.__len__")?;
    Ok(vm.new_int(as_tuple(vm, me)?.len() as i64))
}

fn tuple_getitem(vm: &Vm, args: Args) -> PyResult {
    let (me, key) = arg1(vm, &args, "tuple.__getitem__")?;
    let t = as_tuple(vm, me)?;
    if let Some(s) = key.downcast_ref::<PySlice>() {
        let (start, _, step, n) = s.indices_for(vm, t.len())?;
        if n == t.len() && step == 1 && is_exact(vm, me) {
            return Ok(me.clone());
        }
        return Ok(vm.new_tuple(slice_items(&t.items, start, step, n)));
    }
    let i = subscript_index(vm, key, "tuple")?;
    match norm_index(i, t.len()) {
        Some(j) => Ok(t.items[j].clone()),
        None => Err(vm.new_index_error("tuple index out of range")),
    }
}

fn tuple_contains(vm: &Vm, args: Args) -> PyResult {
    let (me, x) = arg1(vm, &args, "tuple.__contains__")?;
    for v in as_tuple(vm, me)?.items.iter() {
        if vm.eq_bool(v, x)? {
            return Ok(vm.true_.clone());
        }
    }
    Ok(vm.false_.clone())
}

fn tuple_iter(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "tuple.__iter__")?;
    as_tuple(vm, me)?;
    Ok(vm.alloc(
        PyTupleIter {
            seq: Some(me.clone()).into(),
            index: 0.into(),
        },
        &vm.types.tuple_iterator,
    ))
}

fn tuple_add(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "tuple.__add__")?;
    let a = as_tuple(vm, me)?;
    let Some(b) = other.downcast_ref::<PyTuple>() else {
        if class_of(other).ext.heap && class_of(other).ext.lookup(&vm.intern("__radd__")).is_some()
        {
            return Ok(vm.not_implemented.clone());
        }
        return Err(vm.new_type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            vm.type_name(other)
        )));
    };
    if a.len() == 0 && is_exact(vm, other) {
        return Ok(other.clone());
    }
    if b.len() == 0 && is_exact(vm, me) {
        return Ok(me.clone());
    }
    let mut v = a.items.to_vec();
    v.extend(b.items.iter().cloned());
    Ok(vm.new_tuple(v))
}

fn tuple_mul(vm: &Vm, args: Args) -> PyResult {
    let (me, n) = arg1(vm, &args, "tuple.__mul__")?;
    let t = as_tuple(vm, me)?;
    let Some(n) = repeat_count(vm, n)? else {
        return Ok(vm.not_implemented.clone());
    };
    if n == 1 && is_exact(vm, me) {
        return Ok(me.clone());
    }
    Ok(vm.new_tuple(repeat_items(vm, &t.items, n)?))
}

fn tuple_compare(vm: &Vm, args: Args, op: CompareOp) -> PyResult {
    let (me, other) = arg1(vm, &args, "tuple.__eq__")?;
    let a = as_tuple(vm, me)?;
    let Some(b) = other.downcast_ref::<PyTuple>() else {
        return Ok(vm.not_implemented.clone());
    };
    seq_richcompare(
        vm,
        &|i| a.items.get(i).cloned(),
        &|| a.len(),
        &|i| b.items.get(i).cloned(),
        &|| b.len(),
        op,
    )
}

macro_rules! cmp_fns {
    ($($name:ident => $op:ident),*) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult { tuple_compare(vm, args, CompareOp::$op) })*
    };
}
cmp_fns!(tuple_eq => Eq, tuple_ne => Ne, tuple_lt => Lt, tuple_le => Le, tuple_gt => Gt, tuple_ge => Ge);

fn tuple_count(vm: &Vm, args: Args) -> PyResult {
    let (me, x) = arg1(vm, &args, "tuple.count")?;
    let mut n = 0;
    for v in as_tuple(vm, me)?.items.iter() {
        if vm.eq_bool(v, x)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn tuple_index(vm: &Vm, args: Args) -> PyResult {
    let (me, rest) = args_range(vm, &args, "index", 1, 3)?;
    let t = as_tuple(vm, me)?;
    let start = index_bound(vm, rest.get(1), t.len(), 0)?;
    let stop = index_bound(vm, rest.get(2), t.len(), isize::MAX)?.min(t.len());
    for i in start..stop {
        if vm.eq_bool(&t.items[i], &rest[0])? {
            return Ok(vm.new_int(i as i64));
        }
    }
    Err(vm.new_value_error("tuple.index(x): x not in tuple"))
}

fn tuple_getnewargs(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "tuple.__getnewargs__")?;
    let t = as_tuple(vm, me)?;
    Ok(vm.new_tuple(vec![vm.new_tuple(t.items.to_vec())]))
}

fn tuple_sizeof(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "tuple.__sizeof__")?;
    Ok(vm.new_int(24 + 8 * as_tuple(vm, me)?.len() as i64))
}

/// Docstrings of `tuple` and its methods (CPython's texts).
pub(crate) const TUPLE_DOCS: TypeDocs = TypeDocs {
    doc: "tuple(iterable=(), /)\n--\n\nBuilt-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object.",
    members: &[
        ("__getnewargs__", "__getnewargs__($self, /)\n--\n\n"),
        ("index", "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present."),
        ("count", "count($self, value, /)\n--\n\nReturn number of occurrences of value."),
        ("__class_getitem__", "See PEP 585"),
    ],
};

pub fn init(vm: &Vm) {
    let t = &vm.types.tuple;
    vm.add_staticmethod(t, "__new__", tuple_new);
    vm.add_method(t, "__repr__", tuple_repr);
    vm.add_method(t, "__hash__", tuple_hash);
    vm.add_method(t, "__len__", tuple_len);
    vm.add_method(t, "__getitem__", tuple_getitem);
    vm.add_method(t, "__contains__", tuple_contains);
    vm.add_method(t, "__iter__", tuple_iter);
    vm.add_method(t, "__add__", tuple_add);
    vm.add_method(t, "__mul__", tuple_mul);
    vm.add_method(t, "__rmul__", tuple_mul);
    vm.add_method(t, "__eq__", tuple_eq);
    vm.add_method(t, "__ne__", tuple_ne);
    vm.add_method(t, "__lt__", tuple_lt);
    vm.add_method(t, "__le__", tuple_le);
    vm.add_method(t, "__gt__", tuple_gt);
    vm.add_method(t, "__ge__", tuple_ge);
    vm.add_method(t, "count", tuple_count);
    vm.add_method(t, "index", tuple_index);
    vm.add_method(t, "__getnewargs__", tuple_getnewargs);
    vm.add_method(t, "__sizeof__", tuple_sizeof);
    vm.add_class_getitem(t);
    vm.set_docs(&vm.types.tuple, &TUPLE_DOCS);
}
