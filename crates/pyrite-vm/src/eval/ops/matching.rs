//! Structural pattern matching: `MATCH_MAPPING`, `MATCH_SEQUENCE`,
//! `MATCH_KEYS`, `MATCH_CLASS`. Mirrors CPython 3.11 `ceval.c`
//! (`match_keys`, `match_class`) and the `Py_TPFLAGS_MAPPING`/`SEQUENCE`
//! flags (approximated by builtin types and `collections.abc` registration).

use crate::eval::frame::Frame;
use crate::types::dict::PyDict;
use crate::types::list::PyList;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::{as_type, is_subtype, PyTypeObj};
use crate::{PyObjectRef, PyResult, Vm};

fn is_mapping(vm: &Vm, o: &PyObjectRef) -> PyResult<bool> {
    if o.downcast_ref::<PyDict>().is_some() {
        return Ok(true);
    }
    abc_check(vm, o, "Mapping")
}

fn is_sequence(vm: &Vm, o: &PyObjectRef) -> PyResult<bool> {
    if o.downcast_ref::<PyStr>().is_some()
        || o.downcast_ref::<crate::types::bytes::PyBytes>().is_some()
        || o.downcast_ref::<crate::types::bytes::PyByteArray>()
            .is_some()
    {
        return Ok(false);
    }
    if o.downcast_ref::<PyList>().is_some()
        || o.downcast_ref::<PyTuple>().is_some()
        || o.downcast_ref::<crate::types::range::PyRange>().is_some()
    {
        return Ok(true);
    }
    if o.downcast_ref::<PyDict>().is_some() {
        return Ok(false);
    }
    abc_check(vm, o, "Sequence")
}

/// `isinstance(o, collections.abc.<name>)` if that module is loaded.
fn abc_check(vm: &Vm, o: &PyObjectRef, name: &str) -> PyResult<bool> {
    let Some(abc) = vm
        .modules
        .get_by_str("collections.abc")
        .or_else(|| vm.modules.get_by_str("_collections_abc"))
    else {
        return Ok(false);
    };
    let Some(cls) = vm.get_attr_opt(&abc, &vm.intern(name))? else {
        return Ok(false);
    };
    vm.isinstance(o, &cls)
}

pub fn match_mapping(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let r = is_mapping(vm, f.peek(1))?;
    f.push(vm.new_bool(r));
    Ok(())
}

pub fn match_sequence(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let r = is_sequence(vm, f.peek(1))?;
    f.push(vm.new_bool(r));
    Ok(())
}

/// Stack: subject, keys -> subject, keys, values-tuple-or-None.
pub fn match_keys(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let keys = f.peek(1).clone();
    let subject = f.peek(2).clone();
    let keys = vm.to_vec(&keys)?;
    if keys.is_empty() {
        f.push(vm.empty_tuple.clone());
        return Ok(());
    }
    let get = vm.get_attr_str(&subject, "get")?;
    let dummy = vm.alloc(
        crate::types::object::PyInstance::default(),
        &vm.types.object,
    );
    let mut values = Vec::new();
    let mut seen: Vec<PyObjectRef> = Vec::new();
    for k in keys {
        for s in &seen {
            if vm.eq_bool(s, &k)? {
                return Err(vm.new_value_error(format!(
                    "mapping pattern checks duplicate key ({})",
                    vm.repr_string(&k)?
                )));
            }
        }
        seen.push(k.clone());
        let v = vm.call(&get, &[k, dummy.clone()])?;
        if v.is(&dummy) {
            f.push(vm.none.clone());
            return Ok(());
        }
        values.push(v);
    }
    f.push(vm.new_tuple(values));
    Ok(())
}

/// Stack: subject, cls, names -> attrs-tuple-or-None.
pub fn match_class(vm: &Vm, f: &mut Frame, nargs: u32) -> PyResult<()> {
    let names = f.pop();
    let cls = f.pop();
    let subject = f.pop();
    let Some(t) = as_type(&cls) else {
        return Err(vm.new_type_error("called match pattern must be a class"));
    };
    if !vm.isinstance(&subject, &cls)? {
        f.push(vm.none.clone());
        return Ok(());
    }
    let mut attrs = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let nargs = nargs as usize;
    if nargs > 0 {
        let match_self = self_matching(vm, &cls);
        let match_args = vm.get_attr_opt(&cls, &vm.names.__match_args__)?;
        match match_args {
            Some(ma) => {
                let Some(mt) = ma.downcast_ref::<PyTuple>() else {
                    return Err(vm.new_type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        t.ext.name(),
                        vm.type_name(&ma)
                    )));
                };
                if nargs > mt.len() {
                    return Err(vm.new_type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({} given)",
                        t.ext.name(),
                        mt.len(),
                        if mt.len() == 1 { "" } else { "s" },
                        nargs
                    )));
                }
                for name in mt.items[..nargs].iter() {
                    let Some(n) = name.downcast_ref::<PyStr>() else {
                        return Err(vm.new_type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            vm.type_name(name)
                        )));
                    };
                    seen.push(n.as_str().to_string());
                    match vm.get_attr_opt(&subject, name)? {
                        Some(v) => attrs.push(v),
                        None => {
                            f.push(vm.none.clone());
                            return Ok(());
                        }
                    }
                }
            }
            None if match_self => {
                if nargs > 1 {
                    return Err(vm.new_type_error(format!(
                        "{}() accepts 1 positional sub-pattern ({} given)",
                        t.ext.name(),
                        nargs
                    )));
                }
                attrs.push(subject.clone());
            }
            None => {
                return Err(vm.new_type_error(format!(
                    "{}() accepts 0 positional sub-patterns ({} given)",
                    t.ext.name(),
                    nargs
                )))
            }
        }
    }
    for name in vm.to_vec(&names)? {
        let n = name
            .downcast_ref::<PyStr>()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        if seen.contains(&n) {
            return Err(vm.new_type_error(format!(
                "{}() got multiple sub-patterns for attribute '{}'",
                t.ext.name(),
                n
            )));
        }
        seen.push(n);
        match vm.get_attr_opt(&subject, &name)? {
            Some(v) => attrs.push(v),
            None => {
                f.push(vm.none.clone());
                return Ok(());
            }
        }
    }
    f.push(vm.new_tuple(attrs));
    Ok(())
}

/// Builtins whose class pattern with one positional sub-pattern matches
/// the subject itself (`int(x)`, `str(s)`, ...).
fn self_matching(vm: &Vm, cls: &PyObjectRef) -> bool {
    let t = &vm.types;
    [
        &t.bool_,
        &t.bytearray,
        &t.bytes,
        &t.dict,
        &t.float,
        &t.frozenset,
        &t.int,
        &t.list,
        &t.set,
        &t.str,
        &t.tuple,
    ]
    .iter()
    .any(|b| is_subtype(cls, b.as_object()) && cls.downcast_ref::<PyTypeObj>().is_some())
}
