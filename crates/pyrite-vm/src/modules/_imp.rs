//! `_imp`: the native half of importlib (CPython 3.11 `Python/import.c`'s
//! module functions), enough for `importlib`, `importlib.util`,
//! `py_compile` and `compileall` to run on Pyrite. Pyrite has no frozen
//! modules and cannot load C extensions, so those queries answer "no";
//! built-in modules are the ones registered with the VM.

use crate::args::Args;
use crate::types::str::PyStr;
use crate::{PyObjectRef, PyResult, Vm};

fn name_arg(vm: &Vm, o: &PyObjectRef, fname: &str) -> PyResult<String> {
    o.downcast_ref::<PyStr>()
        .map(|s| s.as_str().to_string())
        .ok_or_else(|| {
            vm.new_type_error(format!(
                "{fname}() argument must be str, not {}",
                vm.type_name(o)
            ))
        })
}

/// `is_builtin(name)`: 1 for a built-in module, -1 for one that cannot be
/// re-initialised (`sys`, `builtins`), 0 otherwise.
fn is_builtin(vm: &Vm, args: Args) -> PyResult {
    let [name] = args.exact::<1>(vm, "is_builtin")?;
    let name = name_arg(vm, name, "is_builtin")?;
    let v = if name == "sys" || name == "builtins" {
        -1
    } else if vm.builtin_modules.borrow().contains_key(name.as_str()) {
        1
    } else {
        0
    };
    Ok(vm.new_int(v))
}

fn is_frozen(vm: &Vm, args: Args) -> PyResult {
    let [name] = args.exact::<1>(vm, "is_frozen")?;
    name_arg(vm, name, "is_frozen")?;
    Ok(vm.false_.clone())
}

fn find_frozen(vm: &Vm, args: Args) -> PyResult {
    args.range::<2>(vm, "find_frozen", 1)?;
    Ok(vm.none.clone())
}

fn frozen_error(vm: &Vm, args: Args) -> PyResult {
    let name = args
        .pos()
        .first()
        .and_then(|n| vm.str_string(n).ok())
        .unwrap_or_default();
    let e = vm.new_import_error(format!("No such frozen object named '{name}'"));
    let _ = vm.set_attr_str(e.as_object(), "name", vm.new_str(name.as_str()));
    Err(e)
}

/// `create_builtin(spec)`: the module object of a built-in module.
fn create_builtin(vm: &Vm, args: Args) -> PyResult {
    let [spec] = args.exact::<1>(vm, "create_builtin")?;
    let name = vm.get_attr_str(spec, "name")?;
    let name = name_arg(vm, &name, "create_builtin")?;
    if let Some(m) = vm.modules.get_by_str(&name) {
        if !m.is(&vm.none) {
            return Ok(m);
        }
    }
    let init = vm.builtin_modules.borrow().get(name.as_str()).copied();
    match init {
        Some(init) => init(vm),
        None => {
            let e = vm.new_import_error(format!("no built-in module named {name}"));
            let _ = vm.set_attr_str(e.as_object(), "name", vm.new_str(name.as_str()));
            Err(e)
        }
    }
}

fn exec_builtin(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(0))
}

fn create_dynamic(vm: &Vm, args: Args) -> PyResult {
    let name = args
        .pos()
        .first()
        .and_then(|s| vm.get_attr_str(s, "name").ok())
        .and_then(|n| vm.str_string(&n).ok())
        .unwrap_or_default();
    Err(vm.new_import_error(format!("Pyrite cannot load C extension modules ('{name}')")))
}

/// `extension_suffixes()`: none, as Pyrite loads no C extensions (so
/// importlib's finders never pick a `.so` it could not run).
fn extension_suffixes(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "extension_suffixes")?;
    Ok(vm.new_list(Vec::new()))
}

fn lock_noop(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.none.clone())
}

fn lock_held(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.false_.clone())
}

/// `_fix_co_filename(code, path)`. Pyrite's code objects are immutable
/// and its own import system already records the right file name, so
/// this only checks its arguments.
fn fix_co_filename(vm: &Vm, args: Args) -> PyResult {
    let [code, path] = args.exact::<2>(vm, "_fix_co_filename")?;
    if code.downcast_ref::<crate::types::code::PyCode>().is_none() {
        return Err(vm.new_type_error(format!(
            "_fix_co_filename() argument 1 must be code, not {}",
            vm.type_name(code)
        )));
    }
    name_arg(vm, path, "_fix_co_filename")?;
    Ok(vm.none.clone())
}

/// `source_hash(key, source)`: the keyed SipHash-1-3 of hash-based pycs.
fn source_hash(vm: &Vm, args: Args) -> PyResult {
    let [key, source] = args.bind(vm, "source_hash", ["key", "source"], 2, 0, 2)?;
    let (key, source) = (key.expect("key"), source.expect("source"));
    let k = crate::types::int::as_i64(key)
        .ok_or_else(|| vm.new_type_error("an integer is required"))?;
    let data = crate::types::memoryview::bytes_like(source).ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(source)
        ))
    })?;
    let h = crate::import_cache::source_hash(k as u64, &data);
    Ok(vm.alloc(
        crate::types::bytes::PyBytes::new(h.to_vec()),
        &vm.types.bytes,
    ))
}

fn frozen_module_names(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_tuple(Vec::new()))
}

fn override_frozen(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(0))
}

/// Create the `_imp` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "_imp",
        Some("(Extremely) low-level import machinery bits as used by importlib and imp."),
    );
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    let n = "_imp";
    for (name, f) in [
        ("is_builtin", is_builtin as crate::args::NativeFn),
        ("is_frozen", is_frozen),
        ("is_frozen_package", is_frozen),
        ("find_frozen", find_frozen),
        ("get_frozen_object", frozen_error),
        ("init_frozen", frozen_error),
        ("create_builtin", create_builtin),
        ("exec_builtin", exec_builtin),
        ("create_dynamic", create_dynamic),
        ("exec_dynamic", exec_builtin),
        ("extension_suffixes", extension_suffixes),
        ("acquire_lock", lock_noop),
        ("release_lock", lock_noop),
        ("lock_held", lock_held),
        ("_fix_co_filename", fix_co_filename),
        ("source_hash", source_hash),
        ("_frozen_module_names", frozen_module_names),
        ("_override_frozen_modules_for_tests", override_frozen),
        ("_override_multi_interp_extensions_check", override_frozen),
    ] {
        vm.add_function(d, n, name, f);
    }
    vm.dict_set_str(d, "check_hash_based_pycs", vm.new_str("default"));
    super::_imp_finder::install(vm, d)?;
    // The finder's module imports `_imp`: register it first.
    vm.modules.set_item(vm, vm.new_str("_imp"), m.clone())?;
    super::_imp_finder::register_finder(vm)?;
    Ok(m)
}
