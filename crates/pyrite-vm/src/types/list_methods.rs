//! `list`'s Python-visible methods: construction, indexing and slicing
//! (including extended-slice assignment), arithmetic, comparisons and the
//! mutating methods. Sorting lives in `list_sort.rs`.
//! Mirrors CPython 3.11 `Objects/listobject.c`.

use super::int::PyInt;
use super::list::{list_preallocate_exact, list_resize, PyList};
use super::slice::PySlice;
use super::tuple::PyTuple;
use super::typeobj::class_of;
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::protocol::repr::ReprGuard;
use crate::types::descr::TypeDocs;
use crate::types::iter::PyListIter;
use crate::{PyObjectRef, PyResult, Vm};

// ----- argument helpers shared by the container method files --------------

/// `self` and exactly one argument (CPython's METH_O message).
pub(crate) fn arg1<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a PyObjectRef, &'a PyObjectRef)> {
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(vm.new_type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    Ok((&pos[0], &pos[1]))
}

/// `self` and no arguments (CPython's METH_NOARGS message).
pub(crate) fn arg0<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyObjectRef> {
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.new_type_error(format!(
            "{name}() takes no arguments ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    Ok(&pos[0])
}

/// `self` plus between `min` and `max` positional arguments, in the
/// `name expected at most N arguments, got M` style of `_PyArg_CheckPositional`.
pub(crate) fn args_range<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a PyObjectRef, &'a [PyObjectRef])> {
    args.no_kwargs(vm, name)?;
    let pos = args.pos();
    let Some((s, rest)) = pos.split_first() else {
        return Err(vm.new_type_error(format!("{name}() needs an argument")));
    };
    if rest.len() < min {
        return Err(vm.new_type_error(format!(
            "{name} expected {}{min} argument{}, got {}",
            if min == max { "" } else { "at least " },
            if min == 1 { "" } else { "s" },
            rest.len()
        )));
    }
    if rest.len() > max {
        return Err(vm.new_type_error(format!(
            "{name} expected {}{max} argument{}, got {}",
            if min == max { "" } else { "at most " },
            if max == 1 { "" } else { "s" },
            rest.len()
        )));
    }
    Ok((s, rest))
}

/// `len(obj)` if the type has `__len__`, else `__length_hint__`, else
/// `default` (CPython's `PyObject_LengthHint`).
pub(crate) fn length_hint(vm: &Vm, obj: &PyObjectRef, default: usize) -> PyResult<usize> {
    let cls = class_of(obj);
    if cls.ext.lookup(&vm.names.__len__).is_some() {
        match vm.len(obj) {
            Ok(n) => return Ok(n),
            Err(e) if vm.exc_matches(&e, &vm.exc.TypeError) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(h) = cls.ext.lookup(&vm.names.__length_hint__) else {
        return Ok(default);
    };
    let r = match vm.call_unbound(&h, obj, &[], &[]) {
        Ok(r) => r,
        Err(e) if vm.exc_matches(&e, &vm.exc.TypeError) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r.is(&vm.not_implemented) {
        return Ok(default);
    }
    if r.downcast_ref::<PyInt>().is_none() {
        return Err(vm.new_type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(&r)
        )));
    }
    match vm.len_result(&r) {
        Ok(n) => Ok(n),
        Err(e) if vm.exc_matches(&e, &vm.exc.ValueError) => {
            Err(vm.new_value_error("__length_hint__() should return >= 0"))
        }
        Err(e) => Err(e),
    }
}

/// The items of `obj` for `PySequence_Fast`: lists and tuples directly,
/// anything else iterated; `msg` is the TypeError for non-iterables.
pub(crate) fn seq_fast(vm: &Vm, obj: &PyObjectRef, msg: &str) -> PyResult<Vec<PyObjectRef>> {
    if let Some(l) = obj.downcast_ref::<PyList>() {
        return Ok(l.to_vec());
    }
    if let Some(t) = obj.downcast_ref::<PyTuple>() {
        return Ok(t.items.to_vec());
    }
    let it = match vm.iter(obj) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, &vm.exc.TypeError) => return Err(vm.new_type_error(msg)),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(v) = vm.next(&it)? {
        out.push(v);
    }
    Ok(out)
}

/// Lexicographic comparison of two sequences read through `get` (live, so a
/// mutation by `__eq__` is seen as CPython sees it), with the identity
/// shortcut of `PyObject_RichCompareBool`.
pub(crate) fn seq_richcompare(
    vm: &Vm,
    a: &dyn Fn(usize) -> Option<PyObjectRef>,
    alen: &dyn Fn() -> usize,
    b: &dyn Fn(usize) -> Option<PyObjectRef>,
    blen: &dyn Fn() -> usize,
    op: CompareOp,
) -> PyResult {
    if alen() != blen() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.new_bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    let differ = loop {
        let (Some(x), Some(y)) = (a(i), b(i)) else {
            break None;
        };
        if !x.is(&y) && !vm.eq_bool(&x, &y)? {
            break Some((x, y));
        }
        i += 1;
    };
    match differ {
        None => Ok(vm.new_bool(op.eval_ord(alen().cmp(&blen())))),
        Some(_) if op == CompareOp::Eq => Ok(vm.false_.clone()),
        Some(_) if op == CompareOp::Ne => Ok(vm.true_.clone()),
        Some((x, y)) => vm.rich_compare(&x, &y, op),
    }
}

/// Normalise a possibly negative index against `len`; `None` when out of range.
pub(crate) fn norm_index(i: isize, len: usize) -> Option<usize> {
    let j = if i < 0 {
        i.checked_add(len as isize)?
    } else {
        i
    };
    if j >= 0 && (j as usize) < len {
        Some(j as usize)
    } else {
        None
    }
}

/// The index of a sequence subscript: an int (`__index__`), with CPython's
/// "<what> indices must be integers or slices, not X" for anything else.
pub(crate) fn subscript_index(vm: &Vm, key: &PyObjectRef, what: &str) -> PyResult<isize> {
    if key.downcast_ref::<PyInt>().is_none()
        && class_of(key).ext.lookup(&vm.names.__index__).is_none()
    {
        return Err(vm.new_type_error(format!(
            "{what} indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    }
    vm.index_isize(key)
}

/// Items selected by a slice from `items`.
pub(crate) fn slice_items(
    items: &[PyObjectRef],
    start: isize,
    step: isize,
    n: usize,
) -> Vec<PyObjectRef> {
    if step == 1 {
        let s = start as usize;
        return items[s..s + n].to_vec();
    }
    (0..n)
        .map(|k| items[(start + k as isize * step) as usize].clone())
        .collect()
}

/// The repeat count of `seq * n`, or the CPython TypeError.
pub(crate) fn repeat_count(vm: &Vm, n: &PyObjectRef) -> PyResult<Option<isize>> {
    if n.downcast_ref::<PyInt>().is_none() && class_of(n).ext.lookup(&vm.names.__index__).is_none()
    {
        // A user type's reflected operator gets its chance first.
        if class_of(n).ext.heap && class_of(n).ext.lookup(&vm.intern("__rmul__")).is_some() {
            return Ok(None);
        }
        return Err(vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    }
    let i = vm.index(n)?;
    Ok(Some(match i.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(super::int::IntVal::Small(v)) => {
            (*v).clamp(isize::MIN as i64, isize::MAX as i64) as isize
        }
        Some(v) if v.is_negative() => 0,
        _ => {
            return Err(vm.new_exception_msg(
                &vm.exc.OverflowError,
                format!(
                    "cannot fit '{}' into an index-sized integer",
                    vm.type_name(n)
                ),
            ))
        }
    }))
}

/// `items * n` with CPython's MemoryError for absurd sizes.
pub(crate) fn repeat_items(vm: &Vm, items: &[PyObjectRef], n: isize) -> PyResult<Vec<PyObjectRef>> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = items
        .len()
        .checked_mul(n as usize)
        .filter(|t| *t <= (isize::MAX as usize) / 8);
    let Some(total) = total else {
        return Err(vm.new_memory_error());
    };
    if total > (1 << 32) {
        return Err(vm.new_memory_error());
    }
    let mut out = Vec::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(vm.new_memory_error());
    }
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

// ----- list ----------------------------------------------------------------

fn as_list<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyList> {
    o.downcast_ref::<PyList>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

/// Append the items of `iterable` to `list` (CPython's `list_extend`,
/// including its allocation pattern).
pub fn list_extend(vm: &Vm, list: &PyObjectRef, iterable: &PyObjectRef) -> PyResult<()> {
    let l = as_list(vm, list)?;
    let exact_seq = (iterable.downcast_ref::<PyList>().is_some()
        || iterable.downcast_ref::<PyTuple>().is_some())
        && !class_of(iterable).ext.heap;
    if exact_seq || iterable.is(list) {
        let new = seq_fast(vm, iterable, "")?;
        if new.is_empty() {
            return Ok(());
        }
        let mut items = l.items.borrow_mut();
        let m = items.len();
        if items.capacity() == 0 {
            list_preallocate_exact(&mut items, new.len());
        } else {
            list_resize(&mut items, m + new.len());
        }
        items.extend(new);
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    let hint = length_hint(vm, iterable, 8)?;
    {
        let mut items = l.items.borrow_mut();
        let m = items.len();
        if let Some(mn) = m.checked_add(hint) {
            if mn < (1 << 28) {
                list_resize(&mut items, mn);
            }
        }
    }
    while let Some(v) = vm.next(&it)? {
        let mut items = l.items.borrow_mut();
        let n = items.len();
        if n == items.capacity() {
            list_resize(&mut items, n + 1);
        }
        items.push(v);
    }
    let mut items = l.items.borrow_mut();
    let n = items.len();
    if n < items.capacity() {
        list_resize(&mut items, n);
    }
    Ok(())
}

fn list_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("list.__new__(): not enough arguments"))?;
    if super::typeobj::as_type(cls).is_none() {
        return Err(vm.new_type_error(format!(
            "list.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    }
    Ok(vm.try_alloc(PyList::default(), cls)?.into_object())
}

fn list_init(vm: &Vm, args: Args) -> PyResult {
    let (me, rest) = args_range(vm, &args, "list", 0, 1)?;
    let l = as_list(vm, me)?;
    let old = std::mem::take(&mut *l.items.borrow_mut());
    drop(old);
    if let Some(it) = rest.first() {
        if class_of(it).ext.lookup(&vm.names.__len__).is_some() {
            if let Ok(n) = vm.len(it) {
                if n > 0 && n < (1 << 28) {
                    list_preallocate_exact(&mut l.items.borrow_mut(), n);
                }
            }
        }
        list_extend(vm, me, it)?;
    }
    Ok(vm.none.clone())
}

fn list_repr(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "list.__repr__")?;
    let l = as_list(vm, me)?;
    if l.len() == 0 {
        return Ok(vm.new_str("[]"));
    }
    let Some(_g) = ReprGuard::enter(me) else {
        return Ok(vm.new_str("[...]"));
    };
    let mut s = String::from("[");
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(vm.repr(&v)?.as_str());
        i += 1;
    }
    s.push(']');
    Ok(vm.new_str(s))
}

fn list_len(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "list.__len__")?;
    Ok(vm.new_int(as_list(vm, me)?.len() as i64))
}

fn list_getitem(vm: &Vm, args: Args) -> PyResult {
    let (me, key) = arg1(vm, &args, "list.__getitem__")?;
    let l = as_list(vm, me)?;
    if let Some(s) = key.downcast_ref::<PySlice>() {
        return list_get_slice(vm, l, s);
    }
    let i = subscript_index(vm, key, "list")?;
    let items = l.items.borrow();
    match norm_index(i, items.len()) {
        Some(j) => Ok(items[j].clone()),
        None => Err(vm.new_index_error("list index out of range")),
    }
}

/// `l[s]` for a slice `s`: a new list.
pub(crate) fn list_get_slice(vm: &Vm, l: &PyList, s: &PySlice) -> PyResult {
    // `__index__` of the bounds may resize the list: retry until stable.
    loop {
        let len = l.len();
        let (start, _, step, n) = s.indices_for(vm, len)?;
        let items = l.items.borrow();
        if items.len() == len {
            return Ok(vm.new_list(slice_items(&items, start, step, n)));
        }
    }
}

/// `list[key] = value` / `del list[key]` (value `None`).
pub(crate) fn list_ass_subscript(
    vm: &Vm,
    me: &PyObjectRef,
    key: &PyObjectRef,
    value: Option<&PyObjectRef>,
) -> PyResult<()> {
    let l = as_list(vm, me)?;
    let Some(sl) = key.downcast_ref::<PySlice>() else {
        let i = subscript_index(vm, key, "list")?;
        let mut items = l.items.borrow_mut();
        let Some(j) = norm_index(i, items.len()) else {
            return Err(vm.new_index_error("list assignment index out of range"));
        };
        let old = match value {
            Some(v) => std::mem::replace(&mut items[j], v.clone()),
            None => {
                let o = items.remove(j);
                let n = items.len();
                list_resize(&mut items, n);
                o
            }
        };
        drop(items);
        drop(old);
        return Ok(());
    };
    let (ustart, ustop, step) = sl.unpack(vm)?;
    // The new items are gathered before the slice bounds are fixed: doing
    // so may run Python code.
    let new = match value {
        None => None,
        Some(v) if v.is(me) => Some(l.to_vec()),
        Some(v) if step == 1 => Some(seq_fast(vm, v, "can only assign an iterable")?),
        Some(v) => Some(seq_fast(vm, v, "must assign iterable to extended slice")?),
    };
    let mut items = l.items.borrow_mut();
    let (start, mut stop, step, n) =
        super::slice::adjust_indices(items.len() as isize, ustart, ustop, step);
    let removed: Vec<PyObjectRef>;
    if step == 1 {
        let lo = start.max(0) as usize;
        let hi = (stop.max(start).max(0) as usize).min(items.len());
        let lo = lo.min(hi);
        let new = new.unwrap_or_default();
        let newlen = items.len() - (hi - lo) + new.len();
        if newlen == 0 {
            removed = std::mem::take(&mut *items);
        } else {
            if newlen > items.len() {
                list_resize(&mut items, newlen);
            }
            removed = items.splice(lo..hi, new).collect();
            list_resize(&mut items, newlen);
        }
    } else {
        if (step < 0 && start < stop) || (step > 0 && start > stop) {
            stop = start;
        }
        let _ = stop;
        match new {
            Some(new) => {
                if new.len() != n {
                    return Err(vm.new_value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new.len(),
                        n
                    )));
                }
                let mut r = Vec::with_capacity(n);
                for (k, v) in new.into_iter().enumerate() {
                    let j = (start + k as isize * step) as usize;
                    r.push(std::mem::replace(&mut items[j], v));
                }
                removed = r;
            }
            None => {
                if n == 0 {
                    return Ok(());
                }
                let mut drop_mask = vec![false; items.len()];
                for k in 0..n {
                    drop_mask[(start + k as isize * step) as usize] = true;
                }
                let old = std::mem::take(&mut *items);
                let mut keep = Vec::with_capacity(old.capacity());
                let mut r = Vec::with_capacity(n);
                for (j, v) in old.into_iter().enumerate() {
                    if drop_mask[j] {
                        r.push(v);
                    } else {
                        keep.push(v);
                    }
                }
                *items = keep;
                let newlen = items.len();
                list_resize(&mut items, newlen);
                removed = r;
            }
        }
    }
    drop(items);
    drop(removed);
    Ok(())
}

fn list_setitem(vm: &Vm, args: Args) -> PyResult {
    let (me, rest) = args_range(vm, &args, "__setitem__", 2, 2)?;
    list_ass_subscript(vm, me, &rest[0], Some(&rest[1]))?;
    Ok(vm.none.clone())
}

fn list_delitem(vm: &Vm, args: Args) -> PyResult {
    let (me, key) = arg1(vm, &args, "list.__delitem__")?;
    list_ass_subscript(vm, me, key, None)?;
    Ok(vm.none.clone())
}

fn list_contains(vm: &Vm, args: Args) -> PyResult {
    let (me, x) = arg1(vm, &args, "list.__contains__")?;
    let l = as_list(vm, me)?;
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if vm.eq_bool(&v, x)? {
            return Ok(vm.true_.clone());
        }
        i += 1;
    }
    Ok(vm.false_.clone())
}

fn list_iter(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "list.__iter__")?;
    as_list(vm, me)?;
    Ok(vm.alloc(
        PyListIter {
            seq: Some(me.clone()).into(),
            index: 0.into(),
        },
        &vm.types.list_iterator,
    ))
}

fn list_reversed(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "list.__reversed__")?;
    let n = as_list(vm, me)?.len();
    // The reverse iterator's index counts down; `n` means "next is n-1".
    Ok(vm.alloc(
        PyListIter {
            seq: Some(me.clone()).into(),
            index: n.into(),
        },
        &vm.types.list_reverseiterator,
    ))
}

fn list_add(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "list.__add__")?;
    let l = as_list(vm, me)?;
    let Some(o) = other.downcast_ref::<PyList>() else {
        if class_of(other).ext.heap && class_of(other).ext.lookup(&vm.intern("__radd__")).is_some()
        {
            return Ok(vm.not_implemented.clone());
        }
        return Err(vm.new_type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            vm.type_name(other)
        )));
    };
    let mut v = l.to_vec();
    v.extend(o.to_vec());
    Ok(vm.new_list(v))
}

fn list_iadd(vm: &Vm, args: Args) -> PyResult {
    let (me, other) = arg1(vm, &args, "list.__iadd__")?;
    list_extend(vm, me, other)?;
    Ok(me.clone())
}

fn list_mul(vm: &Vm, args: Args) -> PyResult {
    let (me, n) = arg1(vm, &args, "list.__mul__")?;
    let l = as_list(vm, me)?;
    let Some(n) = repeat_count(vm, n)? else {
        return Ok(vm.not_implemented.clone());
    };
    let items = l.to_vec();
    Ok(vm.new_list(repeat_items(vm, &items, n)?))
}

fn list_imul(vm: &Vm, args: Args) -> PyResult {
    let (me, n) = arg1(vm, &args, "list.__imul__")?;
    let l = as_list(vm, me)?;
    let Some(n) = repeat_count(vm, n)? else {
        return Ok(vm.not_implemented.clone());
    };
    let items = l.to_vec();
    let new = repeat_items(vm, &items, n)?;
    let old = {
        let mut v = l.items.borrow_mut();
        if new.is_empty() {
            std::mem::take(&mut *v)
        } else {
            let newlen = new.len();
            list_resize(&mut v, newlen);
            v.clear();
            v.extend(new);
            Vec::new()
        }
    };
    drop(old);
    Ok(me.clone())
}

fn list_compare(vm: &Vm, args: Args, op: CompareOp) -> PyResult {
    let (me, other) = arg1(
        vm,
        &args,
        op.dunder(vm)
            .downcast_ref::<super::str::PyStr>()
            .map(|s| s.as_str())
            .unwrap_or("?"),
    )?;
    let a = as_list(vm, me)?;
    let Some(b) = other.downcast_ref::<PyList>() else {
        return Ok(vm.not_implemented.clone());
    };
    seq_richcompare(
        vm,
        &|i| a.get(i),
        &|| a.len(),
        &|i| b.get(i),
        &|| b.len(),
        op,
    )
}

macro_rules! cmp_fns {
    ($($name:ident => $op:ident),*) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult { list_compare(vm, args, CompareOp::$op) })*
    };
}
cmp_fns!(list_eq => Eq, list_ne => Ne, list_lt => Lt, list_le => Le, list_gt => Gt, list_ge => Ge);

fn list_append(vm: &Vm, args: Args) -> PyResult {
    let (me, v) = arg1(vm, &args, "list.append")?;
    as_list(vm, me)?.push(v.clone());
    Ok(vm.none.clone())
}

fn list_extend_m(vm: &Vm, args: Args) -> PyResult {
    let (me, v) = arg1(vm, &args, "list.extend")?;
    list_extend(vm, me, v)?;
    Ok(vm.none.clone())
}

fn list_insert(vm: &Vm, args: Args) -> PyResult {
    let (me, rest) = args_range(vm, &args, "insert", 2, 2)?;
    let l = as_list(vm, me)?;
    let i = vm.index_isize(&rest[0]).map_err(|e| {
        if vm.exc_matches(&e, &vm.exc.IndexError) {
            vm.new_exception_msg(
                &vm.exc.OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        } else {
            e
        }
    })?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as isize;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    list_resize(&mut items, n as usize + 1);
    items.insert(j as usize, rest[1].clone());
    Ok(vm.none.clone())
}

fn list_pop(vm: &Vm, args: Args) -> PyResult {
    let (me, rest) = args_range(vm, &args, "pop", 0, 1)?;
    let l = as_list(vm, me)?;
    let i = match rest.first() {
        Some(i) => vm.index_isize(i).map_err(|e| {
            if vm.exc_matches(&e, &vm.exc.IndexError) {
                vm.new_exception_msg(
                    &vm.exc.OverflowError,
                    "Python int too large to convert to C ssize_t",
                )
            } else {
                e
            }
        })?,
        None => -1,
    };
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(vm.new_index_error("pop from empty list"));
    }
    let Some(j) = norm_index(i, items.len()) else {
        return Err(vm.new_index_error("pop index out of range"));
    };
    let v = items.remove(j);
    let n = items.len();
    list_resize(&mut items, n);
    Ok(v)
}

fn list_remove(vm: &Vm, args: Args) -> PyResult {
    let (me, x) = arg1(vm, &args, "list.remove")?;
    let l = as_list(vm, me)?;
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if vm.eq_bool(&v, x)? {
            let old = {
                let mut items = l.items.borrow_mut();
                if i < items.len() {
                    let o = items.remove(i);
                    let n = items.len();
                    list_resize(&mut items, n);
                    Some(o)
                } else {
                    None
                }
            };
            drop(old);
            return Ok(vm.none.clone());
        }
        i += 1;
    }
    Err(vm.new_value_error("list.remove(x): x not in list"))
}

/// Start/stop arguments of `index` (`_PyEval_SliceIndexNotNone`).
pub(crate) fn index_bound(
    vm: &Vm,
    o: Option<&PyObjectRef>,
    len: usize,
    default: isize,
) -> PyResult<usize> {
    let v = match o {
        None => default,
        Some(o) => {
            if o.downcast_ref::<PyInt>().is_none()
                && class_of(o).ext.lookup(&vm.names.__index__).is_none()
            {
                return Err(
                    vm.new_type_error("slice indices must be integers or have an __index__ method")
                );
            }
            super::slice::slice_index(vm, o)?.unwrap_or(0)
        }
    };
    Ok(if v < 0 {
        (v.saturating_add(len as isize)).max(0) as usize
    } else {
        v as usize
    })
}

fn list_index(vm: &Vm, args: Args) -> PyResult {
    let (me, rest) = args_range(vm, &args, "index", 1, 3)?;
    let l = as_list(vm, me)?;
    let x = &rest[0];
    let len = l.len();
    let start = index_bound(vm, rest.get(1), len, 0)?;
    let stop = index_bound(vm, rest.get(2), len, isize::MAX)?;
    let mut i = start;
    while i < stop {
        let Some(v) = l.get(i) else { break };
        if vm.eq_bool(&v, x)? {
            return Ok(vm.new_int(i as i64));
        }
        i += 1;
    }
    Err(vm.new_value_error(format!("{} is not in list", vm.repr(x)?.as_str())))
}

fn list_count(vm: &Vm, args: Args) -> PyResult {
    let (me, x) = arg1(vm, &args, "list.count")?;
    let l = as_list(vm, me)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if vm.eq_bool(&v, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

fn list_reverse(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "list.reverse")?;
    as_list(vm, me)?.items.borrow_mut().reverse();
    Ok(vm.none.clone())
}

fn list_copy(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "list.copy")?;
    Ok(vm.new_list(as_list(vm, me)?.to_vec()))
}

fn list_clear(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "list.clear")?;
    let mut old = std::mem::take(&mut *as_list(vm, me)?.items.borrow_mut());
    // CPython releases the items last to first.
    while let Some(x) = old.pop() {
        drop(x);
    }
    Ok(vm.none.clone())
}

fn list_sizeof(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "list.__sizeof__")?;
    Ok(vm.new_int(40 + 8 * as_list(vm, me)?.items.borrow().capacity() as i64))
}

fn list_sort_m(vm: &Vm, args: Args) -> PyResult {
    if args.pos().len() > 1 {
        return Err(vm.new_type_error("sort() takes no positional arguments"));
    }
    let me = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("sort() needs an argument"))?;
    for (k, _) in args.kwargs() {
        if k != "key" && k != "reverse" {
            return Err(
                vm.new_type_error(format!("'{k}' is an invalid keyword argument for sort()"))
            );
        }
    }
    let [_, key, reverse] =
        Args::new(args.all, args.kwnames).bind(vm, "sort", ["self", "key", "reverse"], 1, 1, 1)?;
    let key = key.filter(|k| !k.is(&vm.none)).cloned();
    let reverse = match reverse {
        Some(r) => {
            if r.downcast_ref::<super::float::PyFloat>().is_some() {
                return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.is_true(r)?
        }
        None => false,
    };
    super::list_sort::sort_list(vm, me, key, reverse)?;
    Ok(vm.none.clone())
}

/// Docstrings of `list` and its methods (CPython's texts).
pub(crate) const LIST_DOCS: TypeDocs = TypeDocs {
    doc: "list(iterable=(), /)\n--\n\nBuilt-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified.",
    members: &[
        ("__getitem__", "x.__getitem__(y) <==> x[y]"),
        ("__reversed__", "__reversed__($self, /)\n--\n\nReturn a reverse iterator over the list."),
        ("__sizeof__", "__sizeof__($self, /)\n--\n\nReturn the size of the list in memory, in bytes."),
        ("clear", "clear($self, /)\n--\n\nRemove all items from list."),
        ("copy", "copy($self, /)\n--\n\nReturn a shallow copy of the list."),
        ("append", "append($self, object, /)\n--\n\nAppend object to the end of the list."),
        ("insert", "insert($self, index, object, /)\n--\n\nInsert object before index."),
        ("extend", "extend($self, iterable, /)\n--\n\nExtend list by appending elements from the iterable."),
        ("pop", "pop($self, index=-1, /)\n--\n\nRemove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."),
        ("remove", "remove($self, value, /)\n--\n\nRemove first occurrence of value.\n\nRaises ValueError if the value is not present."),
        ("index", "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present."),
        ("count", "count($self, value, /)\n--\n\nReturn number of occurrences of value."),
        ("reverse", "reverse($self, /)\n--\n\nReverse *IN PLACE*."),
        ("sort", "sort($self, /, *, key=None, reverse=False)\n--\n\nSort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\nIf a key function is given, apply it once to each list item and sort them,\nascending or descending, according to their function values.\n\nThe reverse flag can be set to sort in descending order."),
        ("__class_getitem__", "See PEP 585"),
    ],
};

pub fn init(vm: &Vm) {
    let t = &vm.types.list;
    vm.add_staticmethod(t, "__new__", list_new);
    vm.add_method(t, "__init__", list_init);
    vm.add_method(t, "__repr__", list_repr);
    vm.add_method(t, "__len__", list_len);
    vm.add_method(t, "__getitem__", list_getitem);
    vm.add_method(t, "__setitem__", list_setitem);
    vm.add_method(t, "__delitem__", list_delitem);
    vm.add_method(t, "__contains__", list_contains);
    vm.add_method(t, "__iter__", list_iter);
    vm.add_method(t, "__reversed__", list_reversed);
    vm.add_method(t, "__add__", list_add);
    vm.add_method(t, "__iadd__", list_iadd);
    vm.add_method(t, "__mul__", list_mul);
    vm.add_method(t, "__rmul__", list_mul);
    vm.add_method(t, "__imul__", list_imul);
    vm.add_method(t, "__eq__", list_eq);
    vm.add_method(t, "__ne__", list_ne);
    vm.add_method(t, "__lt__", list_lt);
    vm.add_method(t, "__le__", list_le);
    vm.add_method(t, "__gt__", list_gt);
    vm.add_method(t, "__ge__", list_ge);
    vm.set_type_attr(t, "__hash__", vm.none.clone());
    vm.add_method(t, "append", list_append);
    vm.add_method(t, "extend", list_extend_m);
    vm.add_method(t, "insert", list_insert);
    vm.add_method(t, "pop", list_pop);
    vm.add_method(t, "remove", list_remove);
    vm.add_method(t, "index", list_index);
    vm.add_method(t, "count", list_count);
    vm.add_method(t, "reverse", list_reverse);
    vm.add_method(t, "sort", list_sort_m);
    vm.add_method(t, "copy", list_copy);
    vm.add_method(t, "clear", list_clear);
    vm.add_method(t, "__sizeof__", list_sizeof);
    vm.add_class_getitem(t);
    vm.set_docs(&vm.types.list, &LIST_DOCS);
}
