//! Bootstrap methods that let the interpreter print and iterate before the
//! full method sets of each type (in their own `*_methods.rs` files) are
//! registered; those files override these entries.

use super::function::{PyFunction, PyNativeFunction};
use super::module::PyModule;
use crate::args::Args;
use crate::{PyResult, Vm};

pub use super::str_case::{is_printable, str_repr};

fn none_repr(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_str("None"))
}

fn none_new(vm: &Vm, args: Args) -> PyResult {
    if args.all.len() > 1 {
        return Err(vm.new_type_error("NoneType takes no arguments"));
    }
    Ok(vm.none.clone())
}

fn not_implemented_repr(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_str("NotImplemented"))
}

fn ellipsis_repr(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_str("Ellipsis"))
}

fn function_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let f = o
        .downcast_ref::<PyFunction>()
        .ok_or_else(|| vm.new_type_error("expected function"))?;
    let q = f.qualname.borrow().clone();
    Ok(vm.new_str(format!(
        "<function {} at {:#x}>",
        vm.str_string(&q)?,
        o.id()
    )))
}

fn native_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let f = o
        .downcast_ref::<PyNativeFunction>()
        .ok_or_else(|| vm.new_type_error("expected builtin"))?;
    Ok(vm.new_str(match &f.self_ {
        Some(s) if s.downcast_ref::<PyModule>().is_none() => {
            format!(
                "<built-in method {} of {} object at {:#x}>",
                f.name,
                vm.type_name(s),
                s.id()
            )
        }
        _ => format!("<built-in function {}>", f.name),
    }))
}

/// `repr(module)`, following importlib's `_module_repr`: the spec decides
/// when there is one, else the loader's `module_repr`, else `__file__` and
/// `__loader__`.
fn module_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    if o.downcast_ref::<PyModule>().is_none() {
        return Err(vm.new_type_error("expected module"));
    }
    let attr = |obj: &crate::PyObjectRef, name: &str| vm.get_attr_opt(obj, &vm.intern(name));
    let none_to_opt = |v: Option<crate::PyObjectRef>| v.filter(|x| !x.is(&vm.none));
    let loader = none_to_opt(attr(o, "__loader__")?);
    if let Some(spec) = attr(o, "__spec__")? {
        if vm.is_true(&spec)? {
            let sname = vm.get_attr(&spec, &vm.intern("name"))?;
            let name = if sname.is(&vm.none) {
                "'?'".to_string()
            } else {
                vm.repr_string(&sname)?
            };
            let origin = vm.get_attr(&spec, &vm.intern("origin"))?;
            return Ok(vm.new_str(if origin.is(&vm.none) {
                let sloader = vm.get_attr(&spec, &vm.intern("loader"))?;
                if sloader.is(&vm.none) {
                    format!("<module {name}>")
                } else {
                    format!("<module {name} ({})>", vm.repr_string(&sloader)?)
                }
            } else if vm.is_true(&vm.get_attr(&spec, &vm.intern("has_location"))?)? {
                format!("<module {name} from {}>", vm.repr_string(&origin)?)
            } else {
                format!(
                    "<module {} ({})>",
                    vm.repr_string(&sname)?,
                    vm.str_string(&origin)?
                )
            }));
        }
    }
    if let Some(l) = &loader {
        if let Some(mr) = attr(l, "module_repr")? {
            if let Ok(r) = vm.call(&mr, &[o.clone()]) {
                return Ok(r);
            }
        }
    }
    let name = match attr(o, "__name__")? {
        Some(n) => vm.repr_string(&n)?,
        None => "'?'".to_string(),
    };
    Ok(vm.new_str(match attr(o, "__file__")? {
        Some(f) => format!("<module {name} from {}>", vm.repr_string(&f)?),
        None => match loader {
            // A native module imported before importlib's bootstrap has no
            // spec yet; CPython's would say `built-in`.
            None if is_native_module(vm, o) => format!("<module {name} (built-in)>"),
            None => format!("<module {name}>"),
            Some(l) => format!("<module {name} ({})>", vm.repr_string(&l)?),
        },
    }))
}

/// Whether `o` is the registered native module `sys.modules[o.__name__]`.
fn is_native_module(vm: &Vm, o: &crate::PyObjectRef) -> bool {
    let Some(m) = o.downcast_ref::<PyModule>() else {
        return false;
    };
    let Some(name) = m.dict.get_by_str("__name__") else {
        return false;
    };
    let Some(n) = name.downcast_ref::<crate::types::str::PyStr>() else {
        return false;
    };
    let n = n.as_str();
    let registered = n == "builtins" || n == "sys" || vm.builtin_modules.borrow().contains_key(n);
    registered && vm.modules.get_by_str(n).is_some_and(|x| x.is(o))
}

pub fn init(vm: &Vm) {
    let t = &vm.types;
    vm.add_method(&t.none_type, "__repr__", none_repr);
    vm.add_staticmethod(&t.none_type, "__new__", none_new);
    vm.add_method(&t.not_implemented_type, "__repr__", not_implemented_repr);
    vm.add_method(&t.ellipsis_type, "__repr__", ellipsis_repr);
    // Both singletons pickle by name (`tuple[int, ...]` contains one).
    vm.add_method(&t.not_implemented_type, "__reduce__", not_implemented_repr);
    vm.add_method(&t.ellipsis_type, "__reduce__", ellipsis_repr);
    vm.add_method(&t.function, "__repr__", function_repr);
    vm.add_method(&t.builtin_function, "__repr__", native_repr);
    vm.add_method(&t.module, "__repr__", module_repr);
}
