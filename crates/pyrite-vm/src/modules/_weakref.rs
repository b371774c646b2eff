//! The `_weakref` module: `ref`, `proxy`, `getweakrefcount`, `getweakrefs`,
//! `_remove_dead_weakref` and the weakref types, as CPython's `weakref.py`
//! and `_weakrefset.py` import them. Mirrors CPython 3.11
//! `Modules/_weakref.c`.

use crate::modules::weakref_support as support;
use crate::types::weakref::{new_proxy, PyWeakRef};
use crate::{Args, PyObjectRef, PyResult, Vm};

fn getweakrefcount(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "getweakrefcount")?;
    Ok(vm.new_int(support::weakref_count(o) as i64))
}

fn getweakrefs(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "getweakrefs")?;
    Ok(vm.new_list(support::weakrefs_of(o)))
}

fn proxy(vm: &Vm, args: Args) -> PyResult {
    let [ob, cb] = args.range::<2>(vm, "proxy", 1)?;
    new_proxy(vm, ob.expect("checked by range"), cb.cloned())
}

/// `_remove_dead_weakref(dict, key)`: delete `dict[key]` if it is a dead
/// weak reference (used by `WeakValueDictionary`).
fn remove_dead_weakref(vm: &Vm, args: Args) -> PyResult {
    let [d, key] = args.exact::<2>(vm, "_remove_dead_weakref")?;
    let Some(dict) = d.downcast_ref::<crate::types::dict::PyDict>() else {
        return Err(vm.new_type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            vm.type_name(d)
        )));
    };
    if let Some(v) = dict.get_item(vm, key)? {
        let dead = v
            .downcast_ref::<PyWeakRef>()
            .is_some_and(|w| w.get().is_none());
        if dead {
            dict.del_item(vm, key)?;
        }
    }
    Ok(vm.none.clone())
}

pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_weakref", Some("Weak-reference support module."));
    let d = vm.module_dict(&m).expect("module");
    let n = "_weakref";
    vm.add_function(d, n, "getweakrefcount", getweakrefcount);
    vm.add_function(d, n, "getweakrefs", getweakrefs);
    vm.add_function(d, n, "proxy", proxy);
    vm.add_function(d, n, "_remove_dead_weakref", remove_dead_weakref);
    vm.dict_set_str(d, "ref", vm.types.weakref.as_object().clone());
    vm.dict_set_str(d, "ReferenceType", vm.types.weakref.as_object().clone());
    vm.dict_set_str(d, "ProxyType", vm.types.weakproxy.as_object().clone());
    vm.dict_set_str(
        d,
        "CallableProxyType",
        vm.types.weakcallableproxy.as_object().clone(),
    );
    Ok(m)
}
