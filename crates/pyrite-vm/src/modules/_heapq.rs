//! The `_heapq` accelerator: heap operations on lists with CPython's exact
//! comparison order, error messages and mutation checks (the pure-Python
//! `heapq` differs, e.g. `heappop([])` says "index out of range" here).
//! Mirrors CPython 3.11 `Modules/_heapqmodule.c`.

use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::types::list::PyList;
use crate::{PyObjectRef, PyResult, Vm};

fn list_arg<'a>(
    vm: &Vm,
    o: &'a PyObjectRef,
    fname: &str,
    argn: Option<usize>,
) -> PyResult<&'a PyList> {
    o.downcast_ref::<PyList>().ok_or_else(|| {
        vm.new_type_error(match argn {
            Some(n) => format!(
                "{fname}() argument {n} must be list, not {}",
                vm.type_name(o)
            ),
            None => format!("{fname}() argument must be list, not {}", vm.type_name(o)),
        })
    })
}

fn get(vm: &Vm, l: &PyList, i: usize) -> PyResult {
    l.get(i)
        .ok_or_else(|| vm.new_runtime_error("list changed size during iteration"))
}

fn swap(l: &PyList, a: usize, b: usize) {
    let mut v = l.items.borrow_mut();
    if a < v.len() && b < v.len() {
        v.swap(a, b);
    }
}

/// `a < b`, or `b < a` for the max-heap variants.
fn less(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef, max: bool) -> PyResult<bool> {
    if max {
        vm.compare_bool(b, a, CompareOp::Lt)
    } else {
        vm.compare_bool(a, b, CompareOp::Lt)
    }
}

fn siftdown(vm: &Vm, l: &PyList, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = l.len();
    if pos >= size {
        return Err(vm.new_index_error("index out of range"));
    }
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let newitem = get(vm, l, pos)?;
        let parent = get(vm, l, parentpos)?;
        let lt = less(vm, &newitem, &parent, max)?;
        if size != l.len() {
            return Err(vm.new_runtime_error("list changed size during iteration"));
        }
        if !lt {
            break;
        }
        swap(l, parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

fn siftup(vm: &Vm, l: &PyList, mut pos: usize, max: bool) -> PyResult<()> {
    let end = l.len();
    let start = pos;
    if pos >= end {
        return Err(vm.new_index_error("index out of range"));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let a = get(vm, l, child)?;
            let b = get(vm, l, child + 1)?;
            let lt = less(vm, &a, &b, max)?;
            if !lt {
                child += 1;
            }
            if end != l.len() {
                return Err(vm.new_runtime_error("list changed size during iteration"));
            }
        }
        swap(l, child, pos);
        pos = child;
    }
    siftdown(vm, l, start, pos, max)
}

fn heappush(vm: &Vm, args: Args) -> PyResult {
    let [heap, item] = args.exact::<2>(vm, "heappush")?;
    let l = list_arg(vm, heap, "heappush", Some(1))?;
    l.push(item.clone());
    siftdown(vm, l, 0, l.len() - 1, false)?;
    Ok(vm.none.clone())
}

fn one<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<&'a PyObjectRef> {
    args.no_kwargs(vm, fname)?;
    match args.pos() {
        [h] => Ok(h),
        p => Err(vm.new_type_error(format!(
            "_heapq.{fname}() takes exactly one argument ({} given)",
            p.len()
        ))),
    }
}

fn pop_common(vm: &Vm, heap: &PyObjectRef, fname: &str, max: bool) -> PyResult {
    let l = list_arg(vm, heap, fname, None)?;
    let last = l.items.borrow_mut().pop();
    let Some(last) = last else {
        return Err(vm.new_index_error("index out of range"));
    };
    if l.len() == 0 {
        return Ok(last);
    }
    let ret = std::mem::replace(&mut l.items.borrow_mut()[0], last);
    siftup(vm, l, 0, max)?;
    Ok(ret)
}

fn heappop(vm: &Vm, args: Args) -> PyResult {
    pop_common(vm, one(vm, &args, "heappop")?, "heappop", false)
}

fn heappop_max(vm: &Vm, args: Args) -> PyResult {
    pop_common(vm, one(vm, &args, "_heappop_max")?, "_heappop_max", true)
}

fn replace_common(vm: &Vm, args: &Args, fname: &str, max: bool) -> PyResult {
    let [heap, item] = args.exact::<2>(vm, fname)?;
    let l = list_arg(vm, heap, fname, Some(1))?;
    if l.len() == 0 {
        return Err(vm.new_index_error("index out of range"));
    }
    let ret = std::mem::replace(&mut l.items.borrow_mut()[0], item.clone());
    siftup(vm, l, 0, max)?;
    Ok(ret)
}

fn heapreplace(vm: &Vm, args: Args) -> PyResult {
    replace_common(vm, &args, "heapreplace", false)
}

fn heapreplace_max(vm: &Vm, args: Args) -> PyResult {
    replace_common(vm, &args, "_heapreplace_max", true)
}

fn heappushpop(vm: &Vm, args: Args) -> PyResult {
    let [heap, item] = args.exact::<2>(vm, "heappushpop")?;
    let l = list_arg(vm, heap, "heappushpop", Some(1))?;
    let Some(top) = l.get(0) else {
        return Ok(item.clone());
    };
    if !vm.compare_bool(&top, item, CompareOp::Lt)? {
        return Ok(item.clone());
    }
    if l.len() == 0 {
        return Err(vm.new_index_error("index out of range"));
    }
    let ret = std::mem::replace(&mut l.items.borrow_mut()[0], item.clone());
    siftup(vm, l, 0, false)?;
    Ok(ret)
}

fn heapify_common(vm: &Vm, heap: &PyObjectRef, fname: &str, max: bool) -> PyResult {
    let l = list_arg(vm, heap, fname, None)?;
    let n = l.len();
    for i in (0..n / 2).rev() {
        siftup(vm, l, i, max)?;
    }
    Ok(vm.none.clone())
}

fn heapify(vm: &Vm, args: Args) -> PyResult {
    heapify_common(vm, one(vm, &args, "heapify")?, "heapify", false)
}

fn heapify_max(vm: &Vm, args: Args) -> PyResult {
    heapify_common(vm, one(vm, &args, "_heapify_max")?, "_heapify_max", true)
}

/// Build the `_heapq` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "_heapq",
        Some("Heap queue algorithm (a.k.a. priority queue)."),
    );
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    for (name, f) in [
        ("heappush", heappush as crate::args::NativeFn),
        ("heappop", heappop),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("heapify", heapify),
        ("_heappop_max", heappop_max),
        ("_heapreplace_max", heapreplace_max),
        ("_heapify_max", heapify_max),
    ] {
        vm.add_function(d, "_heapq", name, f);
    }
    // What `from _heapq import *` (in heapq.py) binds. CPython derives it
    // from the module dict; spelling it out keeps star-import independent
    // of module `__dict__` support and binds the same names.
    let public = [
        "heappush",
        "heappop",
        "heapreplace",
        "heappushpop",
        "heapify",
    ];
    vm.dict_set_str(
        d,
        "__all__",
        vm.new_list(public.iter().map(|n| vm.new_str(*n)).collect()),
    );
    Ok(m)
}
