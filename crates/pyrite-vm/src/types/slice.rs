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
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
    }
}

/// Clamp slice bounds to a sequence of `len` (CPython's
/// `PySlice_AdjustIndices`); returns (start, stop, step, slicelength).
pub fn adjust_indices(len: isize, start: Option<isize>, stop: Option<isize>, step: isize) -> (isize, isize, isize, usize) {
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
