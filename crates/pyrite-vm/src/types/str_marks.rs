//! Lone surrogates through the text-producing `str` methods.
//!
//! A lone surrogate is a stand-in character plus a flag on its `PyStr`
//! (see `str.rs`). Methods such as `upper`, `replace` or `split` build their
//! results from `as_str()` text, which carries the stand-ins but not the
//! flag; instead of teaching each of them, they are registered through
//! [`add_keeping_surrogates!`]: when any positional argument (the receiver
//! included) holds surrogates, every str in the result that contains a
//! stand-in is flagged again. Calls without surrogates pay one flag check
//! per argument.

use super::list::PyList;
use super::str::PyStr;
use super::tuple::PyTuple;
use crate::args::{Args, NativeFn};
use crate::{PyObjectRef, PyResult, Vm};

/// Register `$f` as method `$name` of `$t`, with its results re-flagged
/// when its arguments hold lone surrogates.
macro_rules! add_keeping_surrogates {
    ($vm:expr, $t:expr, $name:literal, $f:path) => {{
        fn keeping(vm: &$crate::Vm, args: $crate::args::Args) -> $crate::PyResult {
            $crate::types::str_marks::keep(vm, args, $f)
        }
        $vm.add_method($t, $name, keeping);
    }};
}
pub(crate) use add_keeping_surrogates;

fn marked(o: &PyObjectRef) -> bool {
    o.downcast_ref::<PyStr>()
        .is_some_and(|s| s.has_surrogates())
}

/// `o` with its stand-ins flagged as surrogates (strs inside a returned
/// list or tuple too).
fn remark(vm: &Vm, o: PyObjectRef) -> PyObjectRef {
    if let Some(s) = o.downcast_ref::<PyStr>() {
        if !s.has_surrogates()
            && o.class().is(vm.types.str.as_object())
            && pyrite_bytecode::surrogate::has_stand_in(s.as_str())
        {
            return vm.new_str_marked(s.as_str(), true);
        }
        return o;
    }
    if let Some(l) = o.downcast_ref::<PyList>() {
        let items: Vec<PyObjectRef> = l.items.borrow().clone();
        let fixed: Vec<PyObjectRef> = items.into_iter().map(|x| remark(vm, x)).collect();
        *l.items.borrow_mut() = fixed;
        return o;
    }
    if let Some(t) = o.downcast_ref::<PyTuple>() {
        if o.class().is(vm.types.tuple.as_object()) {
            return vm.new_tuple(t.as_slice().iter().map(|x| remark(vm, x.clone())).collect());
        }
    }
    o
}

/// Call `f`, re-flagging its result if an argument holds surrogates.
#[inline]
pub fn keep(vm: &Vm, args: Args, f: NativeFn) -> PyResult {
    let any = args.pos().iter().any(marked);
    let r = f(vm, args)?;
    Ok(if any { remark(vm, r) } else { r })
}
