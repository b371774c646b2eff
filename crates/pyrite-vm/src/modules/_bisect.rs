//! The `_bisect` accelerator: `bisect_left`/`bisect_right` and
//! `insort_left`/`insort_right`, with `lo`/`hi`/`key` and CPython's
//! argument handling (`hi=-1` or None means `len(a)`; items are read
//! through the sequence protocol, so `hi` past the end raises
//! IndexError). Mirrors CPython 3.11 `Modules/_bisectmodule.c`.

use super::itertools::parse_kw;
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::types::int::{IntVal, PyInt};
use crate::types::list::PyList;
use crate::{PyObjectRef, PyResult, Vm};

struct Call<'a> {
    a: &'a PyObjectRef,
    x: &'a PyObjectRef,
    lo: isize,
    hi: isize,
    key: Option<&'a PyObjectRef>,
}

fn ssize(vm: &Vm, o: &PyObjectRef, overflow_msg: Option<&str>) -> PyResult<isize> {
    let i = vm.index(o)?;
    match i.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(v)) => Ok(*v as isize),
        _ => Err(vm.new_overflow_error(match overflow_msg {
            Some(m) => m.to_string(),
            None => format!(
                "cannot fit '{}' into an index-sized integer",
                vm.type_name(o)
            ),
        })),
    }
}

fn parse<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<Call<'a>> {
    if args.pos().len() > 4 {
        return Err(vm.new_type_error(format!(
            "{fname}() takes at most 4 positional arguments ({} given)",
            args.pos().len()
        )));
    }
    let [a, x, lo, hi, key] = parse_kw(vm, args, fname, ["a", "x", "lo", "hi", "key"], 2)?;
    let lo = match lo {
        Some(l) => ssize(vm, l, Some("Python int too large to convert to C ssize_t"))?,
        None => 0,
    };
    let hi = match hi {
        Some(h) if !h.is(&vm.none) => ssize(vm, h, None)?,
        _ => -1,
    };
    Ok(Call {
        a: a.expect("required"),
        x: x.expect("required"),
        lo,
        hi,
        key: key.filter(|k| !k.is(&vm.none)),
    })
}

fn item(vm: &Vm, a: &PyObjectRef, i: isize) -> PyResult {
    if let Some(l) = a.downcast_ref::<PyList>() {
        if a.class().is(vm.types.list.as_object()) {
            return l
                .get(i as usize)
                .ok_or_else(|| vm.new_index_error("list index out of range"));
        }
    }
    vm.get_item(a, &vm.new_int(i as i64))
}

/// The insertion point; `right`: after equal items.
fn search(vm: &Vm, c: &Call, x: &PyObjectRef, right: bool) -> PyResult<isize> {
    if c.lo < 0 {
        return Err(vm.new_value_error("lo must be non-negative"));
    }
    let (mut lo, mut hi) = (c.lo, c.hi);
    if hi == -1 {
        hi = vm.len(c.a)? as isize;
    }
    while lo < hi {
        let mid = ((lo as usize + hi as usize) / 2) as isize;
        let mut it = item(vm, c.a, mid)?;
        if let Some(k) = c.key {
            it = vm.call(k, &[it])?;
        }
        let go_right = if right {
            !vm.compare_bool(x, &it, CompareOp::Lt)?
        } else {
            vm.compare_bool(&it, x, CompareOp::Lt)?
        };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect(vm: &Vm, args: Args, fname: &str, right: bool) -> PyResult {
    let c = parse(vm, &args, fname)?;
    Ok(vm.new_int(search(vm, &c, c.x, right)? as i64))
}

fn insort(vm: &Vm, args: Args, fname: &str, right: bool) -> PyResult {
    let c = parse(vm, &args, fname)?;
    let i = match c.key {
        Some(k) => {
            let kx = vm.call(k, std::slice::from_ref(c.x))?;
            search(vm, &c, &kx, right)?
        }
        None => search(vm, &c, c.x, right)?,
    };
    if let Some(l) = c.a.downcast_ref::<PyList>() {
        if c.a.class().is(vm.types.list.as_object()) {
            let mut v = l.items.borrow_mut();
            let at = (i.max(0) as usize).min(v.len());
            v.insert(at, c.x.clone());
            return Ok(vm.none.clone());
        }
    }
    vm.call_method(c.a, "insert", &[vm.new_int(i as i64), c.x.clone()])?;
    Ok(vm.none.clone())
}

fn bisect_left(vm: &Vm, args: Args) -> PyResult {
    bisect(vm, args, "bisect_left", false)
}

fn bisect_right(vm: &Vm, args: Args) -> PyResult {
    bisect(vm, args, "bisect_right", true)
}

fn insort_left(vm: &Vm, args: Args) -> PyResult {
    insort(vm, args, "insort_left", false)
}

fn insort_right(vm: &Vm, args: Args) -> PyResult {
    insort(vm, args, "insort_right", true)
}

/// Build the `_bisect` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_bisect", Some("Bisection algorithms."));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    for (name, f) in [
        ("bisect_left", bisect_left as crate::args::NativeFn),
        ("bisect_right", bisect_right),
        ("insort_left", insort_left),
        ("insort_right", insort_right),
    ] {
        vm.add_function(d, "_bisect", name, f);
    }
    vm.dict_set_str(
        d,
        "__all__",
        vm.new_list(
            ["bisect_left", "bisect_right", "insort_left", "insort_right"]
                .iter()
                .map(|n| vm.new_str(*n))
                .collect(),
        ),
    );
    Ok(m)
}
