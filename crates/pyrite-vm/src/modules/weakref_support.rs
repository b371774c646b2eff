//! Hooks between objects and weak references. The `weakref` machinery
//! itself arrives with the memory-management work (TODO(#3)); until then no
//! object has weak references, so these report none.

use crate::{PyObjectRef, Vm};

/// The first weak reference to `o` (`o.__weakref__`), if any.
pub fn first_weakref(_vm: &Vm, _o: &PyObjectRef) -> Option<PyObjectRef> {
    None
}

/// Clear weak references to a dying object and run their callbacks.
pub fn clear_weakrefs(_vm: &Vm, _o: &PyObjectRef) {}
