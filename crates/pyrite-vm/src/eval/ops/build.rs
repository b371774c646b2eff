//! Building and taking apart containers: `BUILD_*`, the comprehension
//! appends, `*`/`**` unpacking in displays and calls, `UNPACK_*`, and
//! f-string pieces (`FORMAT_VALUE`, `BUILD_STRING`).

use pyrite_bytecode::opcodes::format_value as fv;

use crate::eval::frame::Frame;
use crate::eval::r#loop::pop_n;
use crate::types::dict::PyDict;
use crate::types::int::PyInt;
use crate::types::list::PyList;
use crate::types::set::PySet;
use crate::types::slice::PySlice;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::class_of;
use crate::{PyObjectRef, PyResult, Vm};

pub fn build_set(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let items = pop_n(f, n as usize);
    let s = vm.alloc(PySet::new(), &vm.types.set);
    if let Some(set) = s.downcast_ref::<PySet>() {
        for i in items {
            set.add(vm, i)?;
        }
    }
    f.push(s);
    Ok(())
}

pub fn build_map(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let items = pop_n(f, 2 * n as usize);
    let d = vm.new_dict();
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        d.set_item(vm, k, v)?;
    }
    f.push(d.into_object());
    Ok(())
}

pub fn build_const_key_map(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let keys = f.pop();
    let values = pop_n(f, n as usize);
    let d = vm.new_dict();
    let keys = keys
        .downcast_ref::<PyTuple>()
        .ok_or_else(|| vm.new_system_error("bad BUILD_CONST_KEY_MAP keys"))?;
    for (k, v) in keys.items.iter().zip(values) {
        d.set_item(vm, k.clone(), v)?;
    }
    f.push(d.into_object());
    Ok(())
}

pub fn build_string(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let parts = pop_n(f, n as usize);
    let mut s = String::new();
    let mut marked = false;
    for p in &parts {
        if let Some(p) = p.downcast_ref::<PyStr>() {
            s.push_str(p.as_str());
            marked |= p.has_surrogates();
        }
    }
    f.push(vm.new_str_marked(s, marked));
    Ok(())
}

/// The in-range index `k` of an exact `int` into a sequence of `len` items.
#[inline(always)]
fn small_index(vm: &Vm, k: &PyObjectRef, len: usize) -> Option<usize> {
    if !k.class().is(vm.types.int.as_object()) {
        return None;
    }
    let i = k.downcast_ref::<PyInt>()?.value.as_i64()?;
    let j = if i < 0 { i.checked_add(len as i64)? } else { i };
    (j >= 0 && (j as u64) < len as u64).then_some(j as usize)
}

/// `c[k]` for an exact list or tuple and an in-range exact `int`: the item.
/// Anything else (including an index out of range, which raises) is the
/// generic path's.
#[inline(always)]
pub fn subscr_hit(vm: &Vm, c: &PyObjectRef, k: &PyObjectRef) -> Option<PyObjectRef> {
    let cls = c.class();
    if cls.is(vm.types.list.as_object()) {
        let items = c.downcast_ref::<PyList>()?.items.borrow();
        let i = small_index(vm, k, items.len())?;
        return Some(items[i].clone());
    }
    if cls.is(vm.types.tuple.as_object()) {
        let t = c.downcast_ref::<PyTuple>()?;
        let i = small_index(vm, k, t.len())?;
        return Some(t.items[i].clone());
    }
    None
}

/// `c[k] = v` for an exact list and an in-range exact `int`: the item
/// replaced (for the caller to drop outside the list's borrow), or `v`
/// back for the generic path.
#[inline(always)]
pub fn store_subscr_hit(
    vm: &Vm,
    c: &PyObjectRef,
    k: &PyObjectRef,
    v: PyObjectRef,
) -> Result<PyObjectRef, PyObjectRef> {
    if !c.class().is(vm.types.list.as_object()) {
        return Err(v);
    }
    let Some(l) = c.downcast_ref::<PyList>() else {
        return Err(v);
    };
    let Ok(mut items) = l.items.try_borrow_mut() else {
        return Err(v);
    };
    match small_index(vm, k, items.len()) {
        Some(i) => Ok(std::mem::replace(&mut items[i], v)),
        None => Err(v),
    }
}

pub fn build_slice(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let step = if n == 3 { f.pop() } else { vm.none.clone() };
    let stop = f.pop();
    let start = f.pop();
    f.push(vm.alloc(PySlice { start, stop, step }, &vm.types.slice));
    Ok(())
}

pub fn list_append(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let v = f.pop();
    match f.peek(n as usize).downcast_ref::<PyList>() {
        Some(l) => {
            l.push(v);
            Ok(())
        }
        None => Err(vm.new_system_error("LIST_APPEND on a non-list")),
    }
}

pub fn set_add(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let v = f.pop();
    let s = f.peek(n as usize).clone();
    match s.downcast_ref::<PySet>() {
        Some(set) => set.add(vm, v).map(|_| ()),
        None => Err(vm.new_system_error("SET_ADD on a non-set")),
    }
}

pub fn map_add(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let v = f.pop();
    let k = f.pop();
    let d = f.peek(n as usize).clone();
    match d.downcast_ref::<PyDict>() {
        Some(dict) => dict.set_item(vm, k, v),
        None => Err(vm.new_system_error("MAP_ADD on a non-dict")),
    }
}

pub fn list_extend(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let iterable = f.pop();
    let l = f.peek(n as usize).clone();
    let items = match vm.to_vec(&iterable) {
        Ok(v) => v,
        Err(e) if vm.exc_matches(&e, &vm.exc.TypeError) && vm.iter(&iterable).is_err() => {
            return Err(vm.new_type_error(format!(
                "Value after * must be an iterable, not {}",
                vm.type_name(&iterable)
            )))
        }
        Err(e) => return Err(e),
    };
    match l.downcast_ref::<PyList>() {
        Some(list) => {
            list.items.borrow_mut().extend(items);
            Ok(())
        }
        None => Err(vm.new_system_error("LIST_EXTEND on a non-list")),
    }
}

pub fn set_update(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let iterable = f.pop();
    let s = f.peek(n as usize).clone();
    let items = vm.to_vec(&iterable)?;
    match s.downcast_ref::<PySet>() {
        Some(set) => {
            for i in items {
                set.add(vm, i)?;
            }
            Ok(())
        }
        None => Err(vm.new_system_error("SET_UPDATE on a non-set")),
    }
}

/// Items of a mapping for `**` unpacking and `dict.update`: `keys()` then
/// `m[k]`, with exact dicts read directly.
pub fn mapping_items(vm: &Vm, m: &PyObjectRef) -> PyResult<Vec<(PyObjectRef, PyObjectRef)>> {
    if let Some(d) = m.downcast_ref::<PyDict>() {
        if !class_of(m).ext.heap {
            return Ok(d.items());
        }
    }
    let keys = vm.call_method(m, "keys", &[])?;
    let keys = vm.to_vec(&keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let v = vm.get_item(m, &k)?;
        out.push((k, v));
    }
    Ok(out)
}

pub fn dict_update(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let m = f.pop();
    let d = f.peek(n as usize).clone();
    if vm.get_attr_opt(&m, &vm.names.keys)?.is_none() {
        return Err(vm.new_type_error(format!("'{}' object is not a mapping", vm.type_name(&m))));
    }
    let items = mapping_items(vm, &m)?;
    let dict = d
        .downcast_ref::<PyDict>()
        .ok_or_else(|| vm.new_system_error("DICT_UPDATE on a non-dict"))?;
    for (k, v) in items {
        dict.set_item(vm, k, v)?;
    }
    Ok(())
}

pub fn dict_merge(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let m = f.pop();
    let d = f.peek(n as usize).clone();
    // The callable sits two below the dict being built.
    let func_desc = || -> String {
        let callable = f.slots.get(f.sp - n as usize - 2).cloned().flatten();
        callable
            .map(|c| crate::modules::builtins::func_description(vm, &c))
            .unwrap_or_else(|| "function".into())
    };
    if vm.get_attr_opt(&m, &vm.names.keys)?.is_none() {
        return Err(vm.new_type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            func_desc(),
            vm.type_name(&m)
        )));
    }
    let items = mapping_items(vm, &m)?;
    let dict = d
        .downcast_ref::<PyDict>()
        .ok_or_else(|| vm.new_system_error("DICT_MERGE on a non-dict"))?;
    for (k, v) in items {
        if dict.get_item(vm, &k)?.is_some() {
            return Err(vm.new_type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                func_desc(),
                vm.str_string(&k)?
            )));
        }
        dict.set_item(vm, k, v)?;
    }
    Ok(())
}

pub fn unpack_sequence(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let seq = f.pop();
    let n = n as usize;
    // Exact tuples and lists: items go straight onto the stack, last first.
    let items = if let (Some(t), false) = (seq.downcast_ref::<PyTuple>(), class_of(&seq).ext.heap) {
        if t.len() != n {
            return Err(unpack_count_error(vm, n, t.len(), false));
        }
        for x in t.items.iter().rev() {
            f.push(x.clone());
        }
        return Ok(());
    } else if let (Some(l), false) = (seq.downcast_ref::<PyList>(), class_of(&seq).ext.heap) {
        let items = l.items.borrow();
        if items.len() != n {
            return Err(unpack_count_error(vm, n, items.len(), false));
        }
        for x in items.iter().rev() {
            f.push(x.clone());
        }
        return Ok(());
    } else {
        let it = vm.iter(&seq).map_err(|e| {
            if vm.exc_matches(&e, &vm.exc.TypeError) {
                vm.new_type_error(format!(
                    "cannot unpack non-iterable {} object",
                    vm.type_name(&seq)
                ))
            } else {
                e
            }
        })?;
        let mut v = Vec::with_capacity(n);
        while let Some(x) = vm.next(&it)? {
            if v.len() == n {
                return Err(vm.new_value_error(format!("too many values to unpack (expected {n})")));
            }
            v.push(x);
        }
        if v.len() < n {
            return Err(unpack_count_error(vm, n, v.len(), true));
        }
        v
    };
    for x in items.into_iter().rev() {
        f.push(x);
    }
    Ok(())
}

fn unpack_count_error(vm: &Vm, want: usize, got: usize, _iter: bool) -> crate::PyBaseExceptionRef {
    if got > want {
        vm.new_value_error(format!("too many values to unpack (expected {want})"))
    } else {
        vm.new_value_error(format!(
            "not enough values to unpack (expected {want}, got {got})"
        ))
    }
}

pub fn unpack_ex(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let before = (arg & 0xff) as usize;
    let after = (arg >> 8) as usize;
    let seq = f.pop();
    let items = match vm.to_vec(&seq) {
        Ok(v) => v,
        Err(e) if vm.exc_matches(&e, &vm.exc.TypeError) && vm.iter(&seq).is_err() => {
            return Err(vm.new_type_error(format!(
                "cannot unpack non-iterable {} object",
                vm.type_name(&seq)
            )))
        }
        Err(e) => return Err(e),
    };
    if items.len() < before + after {
        return Err(vm.new_value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mid_end = items.len() - after;
    let mut out: Vec<PyObjectRef> = Vec::with_capacity(before + after + 1);
    out.extend_from_slice(&items[..before]);
    out.push(vm.new_list(items[before..mid_end].to_vec()));
    out.extend_from_slice(&items[mid_end..]);
    for x in out.into_iter().rev() {
        f.push(x);
    }
    Ok(())
}

pub fn format_value(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let spec = if arg & fv::HAVE_SPEC != 0 {
        Some(f.pop())
    } else {
        None
    };
    let v = f.pop();
    let v = match arg & fv::CONV_MASK {
        fv::STR => vm.str(&v)?.into_object(),
        fv::REPR => vm.repr(&v)?.into_object(),
        fv::ASCII => vm.new_str(crate::modules::builtins::ascii_escape(
            vm.repr(&v)?.as_str(),
        )),
        _ => v,
    };
    let r = match spec {
        None if v.downcast_ref::<PyStr>().is_some() && !class_of(&v).ext.heap => v,
        None => vm.format(&v, &vm.empty_str.clone())?,
        Some(s) => vm.format(&v, &s)?,
    };
    f.push(r);
    Ok(())
}
