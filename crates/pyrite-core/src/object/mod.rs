//! The object model: header, payload vtables, strong handles, deallocation.
//! Mirrors CPython 3.11 `Include/object.h` and `Objects/object.c`.

pub mod dealloc;
pub mod handle;
pub mod header;
