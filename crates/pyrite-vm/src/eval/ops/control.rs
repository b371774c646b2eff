//! Loops and the periodic check: `FOR_ITER`'s fast paths and the eval
//! breaker run on backward jumps (pending signals, memory errors).

use crate::types::iter::{PyListIter, PyRangeIter};
use crate::types::list::PyList;
use crate::{PyObjectRef, PyResult, Vm};

/// Next item of the iterator on top of the stack; `None` at the end.
#[inline]
pub fn for_iter_next(vm: &Vm, it: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    if let Some(r) = it.downcast_ref::<PyRangeIter>() {
        let rem = r.remaining.get();
        if rem == 0 {
            return Ok(None);
        }
        r.remaining.set(rem - 1);
        let v = r.next.get();
        r.next.set(v.wrapping_add(r.step));
        return Ok(Some(vm.new_int(v)));
    }
    if let Some(li) = it.downcast_ref::<PyListIter>() {
        if it.class().is(vm.types.list_iterator.as_object()) {
            let seq = li.seq.borrow();
            if let Some(l) = seq.as_ref().and_then(|s| s.downcast_ref::<PyList>()) {
                let i = li.index.get();
                if let Some(v) = l.get(i) {
                    li.index.set(i + 1);
                    return Ok(Some(v));
                }
            }
            drop(seq);
            *li.seq.borrow_mut() = None;
            return Ok(None);
        }
    }
    vm.next(it)
}

/// Work done on backward jumps: a pending MemoryError from an allocation
/// past the cap is raised here.
#[inline]
pub fn eval_breaker(vm: &Vm) -> PyResult<()> {
    if pyrite_core::gc::collection_due() {
        crate::modules::gc::collect_if_due(vm);
    }
    if pyrite_core::alloc::take_memory_error_pending() {
        return Err(vm.new_memory_error());
    }
    Ok(())
}
