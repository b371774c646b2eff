//! `collections.defaultdict`: a dict subclass whose `__missing__` calls
//! `default_factory`. Instances share dict's payload (so every dict method
//! applies); `default_factory` lives in the instance's `__dict__` slot under
//! a key no attribute name can equal (the defaultdict type object itself).
//! Mirrors CPython 3.11 `Modules/_collectionsmodule.c` (defdict_*).

use super::type_cache::{native_subclass_type, DICT, GC};
use crate::args::Args;
use crate::protocol::repr::ReprGuard;
use crate::types::dict::PyDict;
use crate::types::typeobj::{class_of, PyTypeRef};
use crate::{PyObjectRef, PyResult, Vm};

pub fn defaultdict_type(vm: &Vm) -> PyTypeRef {
    native_subclass_type::<PyDict>(
        vm,
        "collections",
        "defaultdict",
        &vm.types.dict,
        GC | DICT,
        init,
    )
}

/// The hidden-attribute dict of a defaultdict instance, created on demand.
fn slot_dict(vm: &Vm, o: &PyObjectRef) -> PyResult<PyObjectRef> {
    let slot = o
        .dict_slot()
        .ok_or_else(|| vm.new_type_error("defaultdict instance expected"))?;
    let cur = slot.take();
    let d = match cur {
        Some(d) => d,
        None => vm.new_dict().into_object(),
    };
    slot.set(Some(d.clone()));
    Ok(d)
}

fn get_factory(vm: &Vm, o: &PyObjectRef) -> PyResult<PyObjectRef> {
    let d = slot_dict(vm, o)?;
    let key = defaultdict_type(vm).as_object().clone();
    Ok(match d.downcast_ref::<PyDict>() {
        Some(pd) => pd.get_item(vm, &key)?.unwrap_or_else(|| vm.none.clone()),
        None => vm.none.clone(),
    })
}

fn set_factory(vm: &Vm, o: &PyObjectRef, f: PyObjectRef) -> PyResult<()> {
    let d = slot_dict(vm, o)?;
    let key = defaultdict_type(vm).as_object().clone();
    vm.set_item(&d, key, f)
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a PyObjectRef> {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("defaultdict method needs an argument"))?;
    if o.downcast_ref::<PyDict>().is_none() || o.dict_slot().is_none() {
        return Err(vm.new_type_error(format!(
            "descriptor requires a 'collections.defaultdict' object but received a '{}'",
            vm.type_name(o)
        )));
    }
    Ok(o)
}

fn dict_method(vm: &Vm, name: &str) -> PyResult<PyObjectRef> {
    vm.types
        .dict
        .ext
        .lookup_str(name)
        .ok_or_else(|| vm.new_system_error(format!("dict.{name} missing")))
}

fn dd_init(vm: &Vm, args: Args) -> PyResult {
    let o = this(vm, &args)?;
    let rest = args.shift();
    let pos = rest.pos();
    let (factory, skip) = match pos.first() {
        Some(f) => {
            if !f.is(&vm.none) && !vm.is_callable(f) {
                return Err(vm.new_type_error("first argument must be callable or None"));
            }
            (f.clone(), 1)
        }
        None => (vm.none.clone(), 0),
    };
    set_factory(vm, o, factory)?;
    let init = dict_method(vm, "__init__")?;
    vm.call_unbound(&init, o, &rest.all[skip..], rest.kwnames)?;
    Ok(vm.none.clone())
}

fn dd_missing(vm: &Vm, args: Args) -> PyResult {
    let o = this(vm, &args)?;
    let [key] = args.shift().exact::<1>(vm, "__missing__")?;
    let f = get_factory(vm, o)?;
    if f.is(&vm.none) {
        return Err(vm.new_key_error(key.clone()));
    }
    let v = vm.call(&f, &[])?;
    vm.set_item(o, key.clone(), v.clone())?;
    Ok(v)
}

fn dd_repr(vm: &Vm, args: Args) -> PyResult {
    let o = this(vm, &args)?;
    let base = vm.call_unbound(&dict_method(vm, "__repr__")?, o, &[], &[])?;
    let base = vm.str_string(&base)?;
    let f = get_factory(vm, o)?;
    let fr = if f.is(&vm.none) {
        "None".to_string()
    } else {
        match ReprGuard::enter(&f) {
            None => "...".to_string(),
            Some(_g) => vm.repr_string(&f)?,
        }
    };
    Ok(vm.new_str(format!("{}({fr}, {base})", class_of(o).ext.name())))
}

fn dd_copy(vm: &Vm, args: Args) -> PyResult {
    let o = this(vm, &args)?;
    args.shift().exact::<0>(vm, "copy")?;
    let f = get_factory(vm, o)?;
    vm.call(o.class(), &[f, o.clone()])
}

fn dd_reduce(vm: &Vm, args: Args) -> PyResult {
    let o = this(vm, &args)?;
    let f = get_factory(vm, o)?;
    let a = if f.is(&vm.none) {
        vm.empty_tuple.clone()
    } else {
        vm.new_tuple(vec![f])
    };
    let items = vm.call_method(o, "items", &[])?;
    let it = vm.iter(&items)?;
    Ok(vm.new_tuple(vec![
        o.class().clone(),
        a,
        vm.none.clone(),
        vm.none.clone(),
        it,
    ]))
}

fn dd_or(vm: &Vm, args: Args) -> PyResult {
    let o = this(vm, &args)?;
    let [other] = args.shift().exact::<1>(vm, "__or__")?;
    if other.downcast_ref::<PyDict>().is_none() {
        return Ok(vm.not_implemented.clone());
    }
    let f = get_factory(vm, o)?;
    let n = vm.call(o.class(), &[f, o.clone()])?;
    vm.call_method(&n, "update", &[other.clone()])?;
    Ok(n)
}

fn dd_ror(vm: &Vm, args: Args) -> PyResult {
    let o = this(vm, &args)?;
    let [other] = args.shift().exact::<1>(vm, "__ror__")?;
    if other.downcast_ref::<PyDict>().is_none() {
        return Ok(vm.not_implemented.clone());
    }
    let f = get_factory(vm, o)?;
    let n = vm.call(o.class(), &[f, other.clone()])?;
    vm.call_method(&n, "update", &[o.clone()])?;
    Ok(n)
}

fn factory_get(vm: &Vm, o: &PyObjectRef) -> PyResult {
    get_factory(vm, o)
}

fn factory_set(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    set_factory(vm, o, v.unwrap_or_else(|| vm.none.clone()))
}

fn init(vm: &Vm, t: &PyTypeRef) {
    vm.add_method(t, "__init__", dd_init);
    vm.add_method(t, "__missing__", dd_missing);
    vm.add_method(t, "__repr__", dd_repr);
    vm.add_method(t, "copy", dd_copy);
    vm.add_method(t, "__copy__", dd_copy);
    vm.add_method(t, "__reduce__", dd_reduce);
    vm.add_method(t, "__or__", dd_or);
    vm.add_method(t, "__ror__", dd_ror);
    vm.add_class_getitem(t);
    vm.add_getset(t, "default_factory", factory_get, Some(factory_set));
}
