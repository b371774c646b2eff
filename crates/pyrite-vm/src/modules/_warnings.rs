//! A minimal `_warnings`: importlib's bootstrap needs the module to exist
//! (`_bootstrap._setup` loads it as a built-in). It only forwards `warn`
//! and `warn_explicit` to the pure-Python `warnings` module; it has no
//! `filters`, so `warnings.py` keeps its own Python implementation.

use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

fn forward(vm: &Vm, args: Args, name: &str) -> PyResult {
    let w = vm.import_absolute("warnings")?;
    let f = vm.get_attr_str(&w, name)?;
    vm.call_kw(&f, args.all, args.kwnames)
}

fn warn(vm: &Vm, args: Args) -> PyResult {
    forward(vm, args, "warn")
}

fn warn_explicit(vm: &Vm, args: Args) -> PyResult {
    forward(vm, args, "warn_explicit")
}

/// Create the `_warnings` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_warnings", Some("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    vm.add_function(d, "_warnings", "warn", warn);
    vm.add_function(d, "_warnings", "warn_explicit", warn_explicit);
    Ok(m)
}
