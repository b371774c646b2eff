//! Lone surrogates through the text-producing `str` methods.
//!
//! A lone surrogate is a stand-in character plus a flag on its `PyStr`
//! (see `str.rs`). Methods such as `upper`, `replace`, `split` or `format`
//! build their results from `as_str()` text, which carries the stand-ins
//! but not the flag; instead of teaching each of them, the methods listed
//! here are wrapped: when any positional argument (the receiver included)
//! holds surrogates, every str in the result that contains a stand-in is
//! re-marked. Calls without surrogates pay one flag check per argument.

use std::sync::OnceLock;

use super::list::PyList;
use super::str::PyStr;
use super::tuple::PyTuple;
use crate::args::{Args, NativeFn};
use crate::{PyObjectRef, PyResult, Vm};

/// The wrapped methods of `str`.
const NAMES: [&str; 24] = [
    "lower",
    "upper",
    "casefold",
    "capitalize",
    "swapcase",
    "title",
    "replace",
    "split",
    "rsplit",
    "splitlines",
    "partition",
    "rpartition",
    "strip",
    "lstrip",
    "rstrip",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "expandtabs",
    "removeprefix",
    "removesuffix",
    "__format__",
    "translate",
];

/// The original implementations, by position in `NAMES` (fn pointers are
/// the same for every VM).
static ORIGINAL: [OnceLock<NativeFn>; NAMES.len()] = [const { OnceLock::new() }; NAMES.len()];

fn marked(o: &PyObjectRef) -> bool {
    o.downcast_ref::<PyStr>()
        .is_some_and(|s| s.has_surrogates())
}

/// `o` with its stand-ins marked as surrogates (strs inside a returned
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

fn call<const I: usize>(vm: &Vm, args: Args) -> PyResult {
    let f = *ORIGINAL[I].get().expect("str method wrapped before use");
    let any = args.pos().iter().any(marked);
    let r = f(vm, args)?;
    Ok(if any { remark(vm, r) } else { r })
}

/// Trampolines, one per entry of `NAMES`.
const WRAPPERS: [NativeFn; NAMES.len()] = [
    call::<0>, call::<1>, call::<2>, call::<3>, call::<4>, call::<5>, call::<6>, call::<7>,
    call::<8>, call::<9>, call::<10>, call::<11>, call::<12>, call::<13>, call::<14>, call::<15>,
    call::<16>, call::<17>, call::<18>, call::<19>, call::<20>, call::<21>, call::<22>, call::<23>,
];

/// Replace the listed methods of `str` (already registered) by wrappers.
pub fn init(vm: &Vm) {
    let t = &vm.types.str;
    for (i, name) in NAMES.iter().enumerate() {
        let Some(d) = t.ext.lookup(&vm.intern(name)) else {
            continue;
        };
        let Some(m) = d.downcast_ref::<super::descr::PyMethodDescr>() else {
            continue;
        };
        if m.func as usize == WRAPPERS[i] as usize {
            continue;
        }
        ORIGINAL[i].get_or_init(|| m.func);
        vm.add_method(t, name, WRAPPERS[i]);
    }
}
