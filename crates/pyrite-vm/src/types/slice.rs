//! `slice` objects and the index arithmetic of `slice.indices`.
//! Mirrors CPython 3.11 `Objects/sliceobject.c`.

use crate::{Payload, PyObjectRef};

/// The payload of `slice`.
pub struct PySlice {
    pub start: PyObjectRef,
    pub stop: PyObjectRef,
    pub step: PyObjectRef,
}

impl Payload for PySlice {
    pyrite_core::unique_vtable!(PySlice);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
    }
}

/// Clamp slice bounds to a sequence of `len` (CPython's
/// `PySlice_AdjustIndices`); returns (start, stop, step, slicelength).
pub fn adjust_indices(
    len: isize,
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
) -> (isize, isize, isize, usize) {
    let (mut start, mut stop) = (start, stop);
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let s = match start.take() {
        None => {
            if step < 0 {
                hi
            } else {
                lo
            }
        }
        Some(mut s) => {
            if s < 0 {
                s += len;
                if s < lo {
                    s = lo;
                }
            } else if s > hi {
                s = hi;
            }
            s
        }
    };
    let e = match stop.take() {
        None => {
            if step < 0 {
                lo
            } else {
                hi
            }
        }
        Some(mut e) => {
            if e < 0 {
                e += len;
                if e < lo {
                    e = lo;
                }
            } else if e > hi {
                e = hi;
            }
            e
        }
    };
    let n = if step < 0 {
        if e < s {
            ((s - e - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if s < e {
        ((e - s - 1) / step + 1) as usize
    } else {
        0
    };
    (s, e, step, n)
}

impl PySlice {
    /// CPython's `PySlice_Unpack`: the step (1 when None; "slice step
    /// cannot be zero"), and start/stop as clamped machine integers.
    pub fn unpack(&self, vm: &crate::Vm) -> crate::PyResult<(Option<isize>, Option<isize>, isize)> {
        let step = match slice_index(vm, &self.step)? {
            None => 1,
            Some(0) => return Err(vm.new_value_error("slice step cannot be zero")),
            // -isize::MAX keeps `-step` from overflowing.
            Some(s) => s.max(-isize::MAX),
        };
        Ok((
            slice_index(vm, &self.start)?,
            slice_index(vm, &self.stop)?,
            step,
        ))
    }

    /// (start, stop, step, slicelength) for a sequence of `len` items.
    pub fn indices_for(
        &self,
        vm: &crate::Vm,
        len: usize,
    ) -> crate::PyResult<(isize, isize, isize, usize)> {
        let (start, stop, step) = self.unpack(vm)?;
        Ok(adjust_indices(len as isize, start, stop, step))
    }
}

/// CPython's `_PyEval_SliceIndex`: `None` stays `None`; integers (or
/// objects with `__index__`) are clamped to the machine range.
pub fn slice_index(vm: &crate::Vm, o: &PyObjectRef) -> crate::PyResult<Option<isize>> {
    use super::int::{IntVal, PyInt};
    if o.is(&vm.none) {
        return Ok(None);
    }
    let i = if o.downcast_ref::<PyInt>().is_some() {
        o.clone()
    } else {
        if super::typeobj::class_of(o)
            .ext
            .lookup(&vm.names.__index__)
            .is_none()
        {
            return Err(vm.new_type_error(
                "slice indices must be integers or None or have an __index__ method",
            ));
        }
        vm.index(o)?
    };
    Ok(Some(match i.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(v)) => (*v).clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        Some(b) if b.is_negative() => isize::MIN,
        _ => isize::MAX,
    }))
}
