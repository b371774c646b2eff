//! Pyrite's object core: the only crate with `unsafe`.
//!
//! Every Python object is one heap block: an optional prefix (instance dict
//! slot, weak reference list, GC links), then the header the seed describes
//! (`ob_refcnt`, `ob_type`), then the Rust payload. A [`PyObjectRef`] is a
//! strong reference (clone = incref, drop = decref; at zero the object is
//! finalized and freed at once). A borrowed reference is a plain `&PyObjectRef`
//! or `&T` obtained from a handle, and the borrow checker ties it to the
//! handle's lifetime.
//!
//! Why `unsafe` is needed here, and only here (the inventory):
//! 1. the header layout: payloads are reached by pointer casts from the header;
//! 2. reference counting: handles free the block when the count reaches zero;
//! 3. the allocator hands out raw blocks;
//! 4. type objects are read through the header's type pointer.
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

pub mod addr_map;
pub mod alloc;
pub mod gc;
pub mod object;

pub use object::{
    handle::{PyObjectRef, PyRef},
    header::{ObjHeader, Payload, PayloadVTable, TypeCore, TypeFlags},
};
