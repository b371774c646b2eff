//! `object.__reduce_ex__`, `object.__reduce__` and `object.__getstate__`:
//! the default pickling protocol (CPython 3.11 `Objects/typeobject.c`).
//! Protocols 0 and 1 defer to `copyreg._reduce_ex`; 2 and up build
//! `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`.

use super::dict::PyDict;
use super::list::PyList;
use super::object::PyInstance;
use super::tuple::PyTuple;
use super::typeobj::{class_of, is_subtype, tp_name};
use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

/// Whether `type(o).name` is still `object`'s own attribute.
fn inherits_object_attr(vm: &Vm, o: &PyObjectRef, name: &str) -> bool {
    let mine = class_of(o).ext.lookup_str(name);
    let base = vm.types.object.ext.dict.get_by_str(name);
    matches!((mine, base), (Some(a), Some(b)) if a.is(&b))
}

fn copyreg(vm: &Vm) -> PyResult {
    vm.import_absolute("copyreg")
}

/// `copyreg._slotnames(cls)`, or the cached `cls.__slotnames__`.
fn slot_names(vm: &Vm, cls: &PyObjectRef) -> PyResult<Option<Vec<PyObjectRef>>> {
    let cached = super::typeobj::as_type(cls).and_then(|t| t.ext.dict.get_by_str("__slotnames__"));
    let names = match cached {
        Some(n) => n,
        None => vm.call_method(&copyreg(vm)?, "_slotnames", &[cls.clone()])?,
    };
    if names.is(&vm.none) {
        return Ok(None);
    }
    match names.downcast_ref::<PyList>() {
        Some(l) => Ok(Some(l.items.borrow().clone())),
        None => Err(vm.new_type_error("copyreg._slotnames didn't return a list or None")),
    }
}

/// The instance dict when it is non-empty.
fn nonempty_dict(vm: &Vm, o: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let Some(slot) = vm.materialized_dict_slot(o)? else {
        return Ok(None);
    };
    let d = slot.take();
    slot.set(d.clone());
    let Some(d) = d else {
        return Ok(None);
    };
    Ok(match d.downcast_ref::<PyDict>() {
        Some(dd) if dd.len() > 0 => Some(d.clone()),
        _ => None,
    })
}

/// `object.__getstate__` without an override: the instance dict (or None),
/// paired with a dict of the set `__slots__` values when there are any.
/// `required`: the state must capture everything (no `__getnewargs__`).
fn default_state(vm: &Vm, o: &PyObjectRef, required: bool) -> PyResult {
    let cls = o.class().clone();
    if required && o.downcast_ref::<PyInstance>().is_none() {
        return Err(vm.new_type_error(format!("cannot pickle '{}' object", tp_name(class_of(o)))));
    }
    let state = nonempty_dict(vm, o)?.unwrap_or_else(|| vm.none.clone());
    let Some(names) = slot_names(vm, &cls)? else {
        return Ok(state);
    };
    if names.is_empty() {
        return Ok(state);
    }
    let slots = vm.new_dict();
    let mut any = false;
    for n in names {
        match vm.get_attr_opt(o, &n)? {
            Some(v) => {
                slots.set_item(vm, n, v)?;
                any = true;
            }
            None => {}
        }
    }
    if !any {
        return Ok(state);
    }
    Ok(vm.new_tuple(vec![state, slots.into_object()]))
}

fn get_state(vm: &Vm, o: &PyObjectRef, required: bool) -> PyResult {
    let own_in_dict = nonempty_dict(vm, o)?
        .and_then(|d| {
            d.downcast_ref::<PyDict>()
                .and_then(|d| d.get_by_str("__getstate__"))
        })
        .is_some();
    if !own_in_dict && inherits_object_attr(vm, o, "__getstate__") {
        return default_state(vm, o, required);
    }
    let f = vm.get_attr(o, &vm.intern("__getstate__"))?;
    vm.call(&f, &[])
}

fn object_getstate(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__getstate__")?;
    default_state(vm, o, false)
}

/// `__getnewargs_ex__` / `__getnewargs__` results: (args, kwargs).
fn new_arguments(vm: &Vm, o: &PyObjectRef) -> PyResult<(Option<PyObjectRef>, Option<PyObjectRef>)> {
    if let Some(r) = vm.call_special(o, &vm.intern("__getnewargs_ex__"), &[])? {
        let Some(t) = r.downcast_ref::<PyTuple>() else {
            return Err(vm.new_type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                vm.type_name(&r)
            )));
        };
        if t.len() != 2 {
            return Err(vm.new_value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                t.len()
            )));
        }
        let (a, k) = (t.items[0].clone(), t.items[1].clone());
        if a.downcast_ref::<PyTuple>().is_none() {
            return Err(vm.new_type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                vm.type_name(&a)
            )));
        }
        if k.downcast_ref::<PyDict>().is_none() {
            return Err(vm.new_type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                vm.type_name(&k)
            )));
        }
        return Ok((Some(a), Some(k)));
    }
    if let Some(r) = vm.call_special(o, &vm.intern("__getnewargs__"), &[])? {
        if r.downcast_ref::<PyTuple>().is_none() {
            return Err(vm.new_type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                vm.type_name(&r)
            )));
        }
        return Ok((Some(r), None));
    }
    Ok((None, None))
}

/// Protocol 2+: `copyreg.__newobj__` (or `__newobj_ex__` with kwargs).
fn reduce_newobj(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let cls = o.class().clone();
    let (args, kwargs) = new_arguments(vm, o)?;
    let has_args = args.is_some();
    let cr = copyreg(vm)?;
    let kw_nonempty = kwargs
        .as_ref()
        .and_then(|k| k.downcast_ref::<PyDict>().map(|d| d.len() > 0))
        .unwrap_or(false);
    let (newobj, newargs) = if !kw_nonempty {
        let mut v = vec![cls.clone()];
        if let Some(a) = &args {
            v.extend(vm.to_vec(a)?);
        }
        (vm.get_attr(&cr, &vm.intern("__newobj__"))?, vm.new_tuple(v))
    } else {
        let a = args.clone().unwrap_or_else(|| vm.new_tuple(vec![]));
        let k = kwargs
            .clone()
            .unwrap_or_else(|| vm.new_dict().into_object());
        (
            vm.get_attr(&cr, &vm.intern("__newobj_ex__"))?,
            vm.new_tuple(vec![cls.clone(), a, k]),
        )
    };
    let is_list = is_subtype(&cls, vm.types.list.as_object());
    let is_dict = is_subtype(&cls, vm.types.dict.as_object());
    let state = get_state(vm, o, !(has_args || is_list || is_dict))?;
    let listitems = if is_list {
        vm.iter(o)?
    } else {
        vm.none.clone()
    };
    let dictitems = if is_dict {
        let items = vm.call_method(o, "items", &[])?;
        vm.iter(&items)?
    } else {
        vm.none.clone()
    };
    Ok(vm.new_tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

fn common_reduce(vm: &Vm, o: &PyObjectRef, proto: i64) -> PyResult {
    if proto >= 2 {
        return reduce_newobj(vm, o);
    }
    let f = vm.get_attr(&copyreg(vm)?, &vm.intern("_reduce_ex"))?;
    vm.call(&f, &[o.clone(), vm.new_int(proto)])
}

fn object_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    common_reduce(vm, o, 0)
}

fn object_reduce_ex(vm: &Vm, args: Args) -> PyResult {
    let [o, proto] = args.exact::<2>(vm, "__reduce_ex__")?;
    let proto = vm.index(proto)?;
    let proto = proto
        .downcast_ref::<super::int::PyInt>()
        .and_then(|i| i.value.as_i64())
        .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C int"))?;
    // A class overriding __reduce__ decides (copyreg relies on this).
    if !inherits_object_attr(vm, o, "__reduce__") {
        if let Some(r) = vm.get_attr_opt(o, &vm.intern("__reduce__"))? {
            return vm.call(&r, &[]);
        }
    }
    common_reduce(vm, o, proto)
}

pub fn init(vm: &Vm) {
    let o = &vm.types.object;
    vm.add_method(o, "__reduce_ex__", object_reduce_ex);
    vm.add_method(o, "__reduce__", object_reduce);
    vm.add_method(o, "__getstate__", object_getstate);
}
