//! `__iter__`/`__next__`/`__length_hint__`/`__reduce__` of the builtin
//! iterator types in `iter.rs`: the `__getitem__` sequence iterator, list
//! (both directions), tuple, range (machine-word and big-int), callable,
//! dict (keys/values/items, both directions) and set iterators.
//! Mirrors CPython 3.11 `Objects/iterobject.c`, `listobject.c`,
//! `tupleobject.c`, `rangeobject.c`, `dictobject.c`, `setobject.c`.

use super::dict::PyDict;
use super::iter::{
    DictIterKind, PyCallableIter, PyDictIter, PyListIter, PyLongRangeIter, PyRangeIter, PySeqIter,
    PySetIter, PyTupleIter,
};
use super::list::PyList;
use super::list_methods::arg0;
use super::set::PySet;
use super::tuple::PyTuple;
use crate::args::Args;
use crate::protocol::number::BINOPS;
use crate::{PyObjectRef, PyResult, Vm};

fn self_iter(vm: &Vm, args: Args) -> PyResult {
    Ok(arg0(vm, &args, "__iter__")?.clone())
}

fn stop(vm: &Vm) -> crate::PyBaseExceptionRef {
    vm.new_stop_iteration(None)
}

fn builtin(vm: &Vm, name: &str) -> PyResult {
    vm.builtins
        .get_by_str(name)
        .ok_or_else(|| vm.new_runtime_error(format!("lost builtins.{name}")))
}

/// `(iter, (empty,))`: how exhausted iterators pickle.
fn reduce_exhausted(vm: &Vm, empty: PyObjectRef) -> PyResult {
    Ok(vm.new_tuple(vec![builtin(vm, "iter")?, vm.new_tuple(vec![empty])]))
}

fn payload<'a, T: crate::Payload>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a T> {
    o.downcast_ref::<T>()
        .ok_or_else(|| vm.new_type_error(format!("unexpected iterator type '{}'", vm.type_name(o))))
}

// ----- the __getitem__ iterator ---------------------------------------------

fn seqiter_next(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__next__")?;
    let it = payload::<PySeqIter>(vm, me)?;
    let Some(seq) = it.seq.borrow().clone() else {
        return Err(stop(vm));
    };
    let i = it.index.get();
    match vm.get_item(&seq, &vm.new_int(i as i64)) {
        Ok(v) => {
            it.index.set(i + 1);
            Ok(v)
        }
        Err(e)
            if vm.exc_matches(&e, &vm.exc.IndexError)
                || vm.exc_matches(&e, &vm.exc.StopIteration) =>
        {
            *it.seq.borrow_mut() = None;
            Err(stop(vm))
        }
        Err(e) => Err(e),
    }
}

fn seqiter_length_hint(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__length_hint__")?;
    let it = payload::<PySeqIter>(vm, me)?;
    let Some(seq) = it.seq.borrow().clone() else {
        return Ok(vm.new_int(0));
    };
    if super::typeobj::class_of(&seq)
        .ext
        .lookup(&vm.names.__len__)
        .is_none()
    {
        return Ok(vm.not_implemented.clone());
    }
    let n = vm.len(&seq)?;
    Ok(vm.new_int(n.saturating_sub(it.index.get()) as i64))
}

fn seqiter_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__reduce__")?;
    let it = payload::<PySeqIter>(vm, me)?;
    match it.seq.borrow().clone() {
        Some(seq) => Ok(vm.new_tuple(vec![
            builtin(vm, "iter")?,
            vm.new_tuple(vec![seq]),
            vm.new_int(it.index.get() as i64),
        ])),
        None => reduce_exhausted(vm, vm.empty_tuple.clone()),
    }
}

/// `__setstate__` of index-based iterators: clamp to >= 0 as CPython does.
fn state_index(vm: &Vm, state: &PyObjectRef) -> PyResult<usize> {
    let i = vm.index_isize(state)?;
    Ok(i.max(0) as usize)
}

fn seqiter_setstate(vm: &Vm, args: Args) -> PyResult {
    let (me, st) = super::list_methods::arg1(vm, &args, "__setstate__")?;
    let it = payload::<PySeqIter>(vm, me)?;
    if it.seq.borrow().is_some() {
        it.index.set(state_index(vm, st)?);
    }
    Ok(vm.none.clone())
}

// ----- list and tuple iterators -----------------------------------------------

fn listiter_next(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__next__")?;
    vm.next(me)?.ok_or_else(|| stop(vm))
}

fn listiter_length_hint(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__length_hint__")?;
    let it = payload::<PyListIter>(vm, me)?;
    let n = match it
        .seq
        .borrow()
        .as_ref()
        .and_then(|s| s.downcast_ref::<PyList>())
    {
        Some(l) => l.len().saturating_sub(it.index.get()),
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn listiter_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__reduce__")?;
    let it = payload::<PyListIter>(vm, me)?;
    match it.seq.borrow().clone() {
        Some(seq) => Ok(vm.new_tuple(vec![
            builtin(vm, "iter")?,
            vm.new_tuple(vec![seq]),
            vm.new_int(it.index.get() as i64),
        ])),
        None => reduce_exhausted(vm, vm.new_list(vec![])),
    }
}

fn listiter_setstate(vm: &Vm, args: Args) -> PyResult {
    let (me, st) = super::list_methods::arg1(vm, &args, "__setstate__")?;
    let it = payload::<PyListIter>(vm, me)?;
    if it.seq.borrow().is_some() {
        it.index.set(state_index(vm, st)?);
    }
    Ok(vm.none.clone())
}

/// The reverse iterator stores "index of the next item + 1".
fn listreviter_next(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__next__")?;
    let it = payload::<PyListIter>(vm, me)?;
    let seq = it.seq.borrow().clone();
    if let Some(seq) = seq {
        let i = it.index.get();
        if i >= 1 {
            if let Some(v) = seq.downcast_ref::<PyList>().and_then(|l| l.get(i - 1)) {
                it.index.set(i - 1);
                return Ok(v);
            }
        }
        it.index.set(0);
        *it.seq.borrow_mut() = None;
    }
    Err(stop(vm))
}

fn listreviter_length_hint(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__length_hint__")?;
    let it = payload::<PyListIter>(vm, me)?;
    let n = it.index.get();
    let ok = it
        .seq
        .borrow()
        .as_ref()
        .and_then(|s| s.downcast_ref::<PyList>())
        .is_some_and(|l| l.len() >= n);
    Ok(vm.new_int(if ok { n as i64 } else { 0 }))
}

fn listreviter_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__reduce__")?;
    let it = payload::<PyListIter>(vm, me)?;
    match it.seq.borrow().clone() {
        Some(seq) => Ok(vm.new_tuple(vec![
            builtin(vm, "reversed")?,
            vm.new_tuple(vec![seq]),
            vm.new_int(it.index.get() as i64 - 1),
        ])),
        None => reduce_exhausted(vm, vm.new_list(vec![])),
    }
}

fn listreviter_setstate(vm: &Vm, args: Args) -> PyResult {
    let (me, st) = super::list_methods::arg1(vm, &args, "__setstate__")?;
    let it = payload::<PyListIter>(vm, me)?;
    let len = it
        .seq
        .borrow()
        .as_ref()
        .and_then(|s| s.downcast_ref::<PyList>())
        .map(|l| l.len());
    if let Some(len) = len {
        let i = vm.index_isize(st)?;
        // CPython clamps to [-1, len - 1]; stored here shifted by one.
        let i = i.clamp(-1, len as isize - 1);
        it.index.set((i + 1) as usize);
    }
    Ok(vm.none.clone())
}

fn tupleiter_next(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__next__")?;
    vm.next(me)?.ok_or_else(|| stop(vm))
}

fn tupleiter_length_hint(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__length_hint__")?;
    let it = payload::<PyTupleIter>(vm, me)?;
    let n = match it
        .seq
        .borrow()
        .as_ref()
        .and_then(|s| s.downcast_ref::<PyTuple>())
    {
        Some(t) => t.len().saturating_sub(it.index.get()),
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn tupleiter_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__reduce__")?;
    let it = payload::<PyTupleIter>(vm, me)?;
    match it.seq.borrow().clone() {
        Some(seq) => Ok(vm.new_tuple(vec![
            builtin(vm, "iter")?,
            vm.new_tuple(vec![seq]),
            vm.new_int(it.index.get() as i64),
        ])),
        None => reduce_exhausted(vm, vm.empty_tuple.clone()),
    }
}

fn tupleiter_setstate(vm: &Vm, args: Args) -> PyResult {
    let (me, st) = super::list_methods::arg1(vm, &args, "__setstate__")?;
    let it = payload::<PyTupleIter>(vm, me)?;
    let len = it
        .seq
        .borrow()
        .as_ref()
        .and_then(|s| s.downcast_ref::<PyTuple>())
        .map(|t| t.len());
    if let Some(len) = len {
        it.index.set(state_index(vm, st)?.min(len));
    }
    Ok(vm.none.clone())
}

// ----- range iterators --------------------------------------------------------

fn rangeiter_next(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__next__")?;
    let r = payload::<PyRangeIter>(vm, me)?;
    let rem = r.remaining.get();
    if rem == 0 {
        return Err(stop(vm));
    }
    r.remaining.set(rem - 1);
    let v = r.next.get();
    r.next.set(v.wrapping_add(r.step));
    Ok(vm.new_int(v))
}

fn rangeiter_length_hint(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__length_hint__")?;
    let r = payload::<PyRangeIter>(vm, me)?;
    Ok(vm.new_bigint(dashu_int::IBig::from(r.remaining.get())))
}

fn rangeiter_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__reduce__")?;
    let r = payload::<PyRangeIter>(vm, me)?;
    let start = r.next.get() as i128;
    let stop = start + r.remaining.get() as i128 * r.step as i128;
    let range = super::range_methods::new_range(
        vm,
        vm.new_int(start as i64),
        vm.new_bigint(dashu_int::IBig::from(stop)),
        vm.new_int(r.step),
    )?;
    Ok(vm.new_tuple(vec![
        builtin(vm, "iter")?,
        vm.new_tuple(vec![range]),
        vm.new_int(0),
    ]))
}

fn longrangeiter_next(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__next__")?;
    let r = payload::<PyLongRangeIter>(vm, me)?;
    let rem = r.remaining.borrow().clone();
    if !vm.is_true(&rem)? {
        return Err(stop(vm));
    }
    let one = vm.new_int(1);
    // BINOPS index of `-`.
    let sub = BINOPS.iter().position(|b| b.0 == "__sub__").unwrap_or(10) as u32;
    *r.remaining.borrow_mut() = vm.binary_op(&rem, &one, sub)?;
    let v = r.next.borrow().clone();
    *r.next.borrow_mut() = vm.binary_op(&v, &r.step, 0)?;
    Ok(v)
}

fn longrangeiter_length_hint(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__length_hint__")?;
    let r = payload::<PyLongRangeIter>(vm, me)?;
    let rem = r.remaining.borrow().clone();
    Ok(rem)
}

fn longrangeiter_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__reduce__")?;
    let r = payload::<PyLongRangeIter>(vm, me)?;
    let start = r.next.borrow().clone();
    let rem = r.remaining.borrow().clone();
    let span = vm.binary_op(&rem, &r.step, 5)?;
    let stop = vm.binary_op(&start, &span, 0)?;
    let range = super::range_methods::new_range(vm, start, stop, r.step.clone())?;
    Ok(vm.new_tuple(vec![
        builtin(vm, "iter")?,
        vm.new_tuple(vec![range]),
        vm.new_int(0),
    ]))
}

// ----- callable iterator ------------------------------------------------------

fn calliter_next(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__next__")?;
    let it = payload::<PyCallableIter>(vm, me)?;
    let Some(f) = it.callable.borrow().clone() else {
        return Err(stop(vm));
    };
    match vm.call(&f, &[]) {
        Ok(v) => {
            if vm.eq_bool(&v, &it.sentinel)? {
                *it.callable.borrow_mut() = None;
                return Err(stop(vm));
            }
            Ok(v)
        }
        Err(e) if vm.exc_matches(&e, &vm.exc.StopIteration) => {
            *it.callable.borrow_mut() = None;
            Err(stop(vm))
        }
        Err(e) => Err(e),
    }
}

fn calliter_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__reduce__")?;
    let it = payload::<PyCallableIter>(vm, me)?;
    match it.callable.borrow().clone() {
        Some(f) => Ok(vm.new_tuple(vec![
            builtin(vm, "iter")?,
            vm.new_tuple(vec![f, it.sentinel.clone()]),
        ])),
        None => reduce_exhausted(vm, vm.empty_tuple.clone()),
    }
}

// ----- dict iterators ---------------------------------------------------------

/// Next (key, value) of a dict iterator, with CPython's mutation checks.
fn dictiter_step(vm: &Vm, it: &PyDictIter) -> PyResult<Option<(PyObjectRef, PyObjectRef)>> {
    let Some(dobj) = it.dict.borrow().clone() else {
        return Ok(None);
    };
    let d = payload::<PyDict>(vm, &dobj)?;
    if it.size.get() != d.len() {
        it.size.set(usize::MAX);
        return Err(vm.new_runtime_error("dictionary changed size during iteration"));
    }
    let found = if it.reversed {
        let mut i = it.pos.get();
        loop {
            if i == 0 {
                break None;
            }
            i -= 1;
            if let Some(kv) = d.entry_at(i) {
                it.pos.set(i);
                break Some(kv);
            }
        }
    } else {
        match d.next_entry(it.pos.get()) {
            Some((next, k, v)) => {
                if it.len.get() == 0 {
                    *it.dict.borrow_mut() = None;
                    return Err(vm.new_runtime_error("dictionary keys changed during iteration"));
                }
                it.pos.set(next);
                Some((k, v))
            }
            None => None,
        }
    };
    match found {
        Some(kv) => {
            it.len.set(it.len.get().saturating_sub(1));
            Ok(Some(kv))
        }
        None => {
            *it.dict.borrow_mut() = None;
            Ok(None)
        }
    }
}

fn dictiter_next(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__next__")?;
    let it = payload::<PyDictIter>(vm, me)?;
    let Some((k, v)) = dictiter_step(vm, it)? else {
        return Err(stop(vm));
    };
    Ok(match it.kind {
        DictIterKind::Keys => k,
        DictIterKind::Values => v,
        DictIterKind::Items => vm.new_tuple(vec![k, v]),
    })
}

fn dictiter_length_hint(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__length_hint__")?;
    let it = payload::<PyDictIter>(vm, me)?;
    let live = it
        .dict
        .borrow()
        .as_ref()
        .and_then(|d| d.downcast_ref::<PyDict>().map(|d| d.len()));
    Ok(vm.new_int(match live {
        Some(n) if n == it.size.get() => it.len.get() as i64,
        _ => 0,
    }))
}

fn dictiter_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__reduce__")?;
    let it = payload::<PyDictIter>(vm, me)?;
    // Iterate a copy of the iterator's state, as CPython does.
    let copy = PyDictIter {
        dict: it.dict.borrow().clone().into(),
        pos: it.pos.get().into(),
        size: it.size.get().into(),
        len: it.len.get().into(),
        kind: it.kind,
        reversed: it.reversed,
    };
    let mut items = Vec::new();
    while let Some((k, v)) = dictiter_step(vm, &copy)? {
        items.push(match it.kind {
            DictIterKind::Keys => k,
            DictIterKind::Values => v,
            DictIterKind::Items => vm.new_tuple(vec![k, v]),
        });
    }
    Ok(vm.new_tuple(vec![
        builtin(vm, "iter")?,
        vm.new_tuple(vec![vm.new_list(items)]),
    ]))
}

// ----- set iterator -----------------------------------------------------------

fn setiter_step(vm: &Vm, it: &PySetIter) -> PyResult<Option<PyObjectRef>> {
    let Some(sobj) = it.set.borrow().clone() else {
        return Ok(None);
    };
    let s = payload::<PySet>(vm, &sobj)?;
    if it.size.get() != s.len() {
        it.size.set(usize::MAX);
        return Err(vm.new_runtime_error("Set changed size during iteration"));
    }
    match s.next_entry(it.pos.get()) {
        Some((next, k)) => {
            it.pos.set(next);
            it.len.set(it.len.get().saturating_sub(1));
            Ok(Some(k))
        }
        None => {
            *it.set.borrow_mut() = None;
            Ok(None)
        }
    }
}

fn setiter_next(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__next__")?;
    setiter_step(vm, payload::<PySetIter>(vm, me)?)?.ok_or_else(|| stop(vm))
}

fn setiter_length_hint(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__length_hint__")?;
    let it = payload::<PySetIter>(vm, me)?;
    let live = it
        .set
        .borrow()
        .as_ref()
        .and_then(|s| s.downcast_ref::<PySet>().map(|s| s.len()));
    Ok(vm.new_int(match live {
        Some(n) if n == it.size.get() => it.len.get() as i64,
        _ => 0,
    }))
}

fn setiter_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = arg0(vm, &args, "__reduce__")?;
    let it = payload::<PySetIter>(vm, me)?;
    let copy = PySetIter {
        set: it.set.borrow().clone().into(),
        pos: it.pos.get().into(),
        size: it.size.get().into(),
        len: it.len.get().into(),
    };
    let mut items = Vec::new();
    while let Some(k) = setiter_step(vm, &copy)? {
        items.push(k);
    }
    Ok(vm.new_tuple(vec![
        builtin(vm, "iter")?,
        vm.new_tuple(vec![vm.new_list(items)]),
    ]))
}

pub fn init(vm: &Vm) {
    let t = &vm.types;
    type Row<'a> = (
        &'a super::typeobj::PyTypeRef,
        crate::args::NativeFn,
        Option<crate::args::NativeFn>,
        crate::args::NativeFn,
        Option<crate::args::NativeFn>,
    );
    let rows: [Row; 16] = [
        (
            &t.iterator,
            seqiter_next,
            Some(seqiter_length_hint),
            seqiter_reduce,
            Some(seqiter_setstate),
        ),
        (
            &t.bytes_iterator,
            seqiter_next,
            Some(seqiter_length_hint),
            seqiter_reduce,
            Some(seqiter_setstate),
        ),
        (
            &t.bytearray_iterator,
            seqiter_next,
            Some(seqiter_length_hint),
            seqiter_reduce,
            Some(seqiter_setstate),
        ),
        (
            &t.list_iterator,
            listiter_next,
            Some(listiter_length_hint),
            listiter_reduce,
            Some(listiter_setstate),
        ),
        (
            &t.list_reverseiterator,
            listreviter_next,
            Some(listreviter_length_hint),
            listreviter_reduce,
            Some(listreviter_setstate),
        ),
        (
            &t.tuple_iterator,
            tupleiter_next,
            Some(tupleiter_length_hint),
            tupleiter_reduce,
            Some(tupleiter_setstate),
        ),
        (
            &t.range_iterator,
            rangeiter_next,
            Some(rangeiter_length_hint),
            rangeiter_reduce,
            None,
        ),
        (
            &t.longrange_iterator,
            longrangeiter_next,
            Some(longrangeiter_length_hint),
            longrangeiter_reduce,
            None,
        ),
        (
            &t.callable_iterator,
            calliter_next,
            None,
            calliter_reduce,
            None,
        ),
        (
            &t.dict_keyiterator,
            dictiter_next,
            Some(dictiter_length_hint),
            dictiter_reduce,
            None,
        ),
        (
            &t.dict_valueiterator,
            dictiter_next,
            Some(dictiter_length_hint),
            dictiter_reduce,
            None,
        ),
        (
            &t.dict_itemiterator,
            dictiter_next,
            Some(dictiter_length_hint),
            dictiter_reduce,
            None,
        ),
        (
            &t.dict_reversekeyiterator,
            dictiter_next,
            Some(dictiter_length_hint),
            dictiter_reduce,
            None,
        ),
        (
            &t.dict_reversevalueiterator,
            dictiter_next,
            Some(dictiter_length_hint),
            dictiter_reduce,
            None,
        ),
        (
            &t.dict_reverseitemiterator,
            dictiter_next,
            Some(dictiter_length_hint),
            dictiter_reduce,
            None,
        ),
        (
            &t.set_iterator,
            setiter_next,
            Some(setiter_length_hint),
            setiter_reduce,
            None,
        ),
    ];
    for (ty, next, hint, reduce, setstate) in rows {
        vm.add_method(ty, "__iter__", self_iter);
        vm.add_method(ty, "__next__", next);
        if let Some(h) = hint {
            vm.add_method(ty, "__length_hint__", h);
        }
        vm.add_method(ty, "__reduce__", reduce);
        if let Some(s) = setstate {
            vm.add_method(ty, "__setstate__", s);
        }
    }
}
