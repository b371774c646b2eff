//! `sys.flags`: the command-line switches in CPython 3.11's field order.
//! A simple namespace (attribute access is what importlib and the stdlib
//! use); CPython's is a struct sequence, which Pyrite does not have yet.

use crate::{PyObjectRef, Vm};

pub fn make(vm: &Vm) -> PyObjectRef {
    let f = vm.flags.borrow().clone();
    let ns = vm.alloc(
        crate::types::object::PyInstance::default(),
        &vm.types.simple_namespace,
    );
    let b = |v: bool| vm.new_int(v as i64);
    let fields: [(&str, PyObjectRef); 18] = [
        ("debug", vm.new_int(0)),
        ("inspect", b(f.interactive)),
        ("interactive", b(f.interactive)),
        ("optimize", vm.new_int(f.optimize as i64)),
        ("dont_write_bytecode", b(f.dont_write_bytecode)),
        ("no_user_site", vm.new_int(0)),
        ("no_site", vm.new_int(0)),
        ("ignore_environment", b(f.ignore_environment)),
        ("verbose", vm.new_int(0)),
        ("bytes_warning", vm.new_int(0)),
        ("quiet", vm.new_int(0)),
        ("hash_randomization", vm.new_int(1)),
        ("isolated", vm.new_int(0)),
        ("dev_mode", vm.false_.clone()),
        ("utf8_mode", vm.new_int(0)),
        ("warn_default_encoding", vm.new_int(0)),
        ("safe_path", vm.false_.clone()),
        ("int_max_str_digits", vm.new_int(-1)),
    ];
    for (k, v) in fields {
        let _ = vm.set_attr_str(&ns, k, v);
    }
    ns
}
