//! `_decimal`, the name `decimal.py` imports first. Pyrite has no libmpdec
//! port: this module re-exports CPython's pure-Python `_pydecimal` (same
//! API and arithmetic) and gives its `Decimal` and `Context` classes the
//! type flags of the C extension's types, `tp_name` 'decimal.Decimal' and
//! immutability, so that operator errors and attribute stores read as
//! with the C module.

use crate::types::typeobj::{as_type, mark_extension_type};
use crate::{PyObjectRef, PyResult, Vm};

/// The classes that are static types in CPython's `_decimal`.
const EXTENSION_TYPES: [&str; 2] = ["Decimal", "Context"];

pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    vm.import_absolute("_pydecimal")?;
    let py = vm
        .modules
        .get_by_str("_pydecimal")
        .ok_or_else(|| vm.new_import_error("No module named '_pydecimal'"))?;
    let m = vm.new_module("decimal", None);
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    let all = vm.get_attr_str(&py, "__all__")?;
    for name in vm.to_vec(&all)? {
        let v = vm.get_attr(&py, &name)?;
        d.set_item(vm, name, v)?;
    }
    for name in ["__all__", "__doc__", "__version__", "__libmpdec_version__"] {
        d.set_item(vm, vm.new_str(name), vm.get_attr_str(&py, name)?)?;
    }
    for name in EXTENSION_TYPES {
        let cls = vm.get_attr_str(&py, name)?;
        if let Some(t) = as_type(&cls) {
            mark_extension_type(t, "decimal");
        }
    }
    Ok(m)
}
