//! The methods of `bool`: construction by truth value, `repr`, and the
//! bitwise operators that keep bool results for bool operands.
//! Mirrors CPython 3.11 `Objects/boolobject.c`.

use super::int::PyInt;
use crate::args::Args;
use crate::types::descr::TypeDocs;
use crate::{PyObjectRef, PyResult, Vm};

fn is_bool(vm: &Vm, o: &PyObjectRef) -> bool {
    o.class().is(vm.types.bool_.as_object())
}

fn truth(o: &PyObjectRef) -> bool {
    o.downcast_ref::<PyInt>()
        .is_some_and(|i| !i.value.is_zero())
}

fn bool_new(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "bool")?;
    let pos = args.pos();
    match pos.len() {
        0 | 1 => Ok(vm.new_bool(false)),
        2 => Ok(vm.new_bool(vm.is_true(&pos[1])?)),
        n => Err(vm.new_type_error(format!("bool expected at most 1 argument, got {}", n - 1))),
    }
}

fn bool_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    Ok(vm.new_str(if truth(o) { "True" } else { "False" }))
}

macro_rules! bitop {
    ($name:ident, $dunder:literal, $idx:expr, $f:expr) => {
        fn $name(vm: &Vm, args: Args) -> PyResult {
            let [a, b] = args.exact::<2>(vm, $dunder)?;
            if is_bool(vm, a) && is_bool(vm, b) {
                return Ok(vm.new_bool($f(truth(a), truth(b))));
            }
            let f = vm.types.int.ext.lookup(&vm.intern($dunder));
            match f {
                Some(f) => vm.call_unbound(&f, a, &[b.clone()], &[]),
                None => Ok(vm.not_implemented.clone()),
            }
        }
    };
}

bitop!(bool_and, "__and__", 0, |x: bool, y: bool| x & y);
bitop!(bool_rand, "__rand__", 0, |x: bool, y: bool| x & y);
bitop!(bool_or, "__or__", 0, |x: bool, y: bool| x | y);
bitop!(bool_ror, "__ror__", 0, |x: bool, y: bool| x | y);
bitop!(bool_xor, "__xor__", 0, |x: bool, y: bool| x ^ y);
bitop!(bool_rxor, "__rxor__", 0, |x: bool, y: bool| x ^ y);

/// Docstrings of `bool` and its methods (CPython's texts).
pub(crate) const BOOL_DOCS: TypeDocs = TypeDocs {
    doc: "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed.",
    members: &[
    ],
};

/// Register `bool`'s methods.
pub fn init(vm: &Vm) {
    let t = &vm.types.bool_;
    vm.add_staticmethod(t, "__new__", bool_new);
    vm.add_method(t, "__repr__", bool_repr);
    vm.add_method(t, "__and__", bool_and);
    vm.add_method(t, "__rand__", bool_rand);
    vm.add_method(t, "__or__", bool_or);
    vm.add_method(t, "__ror__", bool_ror);
    vm.add_method(t, "__xor__", bool_xor);
    vm.add_method(t, "__rxor__", bool_rxor);
    vm.set_docs(&vm.types.bool_, &BOOL_DOCS);
}
