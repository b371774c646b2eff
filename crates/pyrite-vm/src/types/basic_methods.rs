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

fn module_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let m = o
        .downcast_ref::<PyModule>()
        .ok_or_else(|| vm.new_type_error("expected module"))?;
    let name = m
        .dict
        .get_by_str("__name__")
        .map(|n| vm.str_string(&n))
        .transpose()?
        .unwrap_or_else(|| "?".into());
    Ok(vm.new_str(match m.dict.get_by_str("__file__") {
        Some(f) if !f.is(&vm.none) => format!("<module '{}' from '{}'>", name, vm.str_string(&f)?),
        _ => format!("<module '{}' (built-in)>", name),
    }))
}

pub fn init(vm: &Vm) {
    let t = &vm.types;
    vm.add_method(&t.none_type, "__repr__", none_repr);
    vm.add_staticmethod(&t.none_type, "__new__", none_new);
    vm.add_method(&t.not_implemented_type, "__repr__", not_implemented_repr);
    vm.add_method(&t.ellipsis_type, "__repr__", ellipsis_repr);
    vm.add_method(&t.function, "__repr__", function_repr);
    vm.add_method(&t.builtin_function, "__repr__", native_repr);
    vm.add_method(&t.module, "__repr__", module_repr);
}
