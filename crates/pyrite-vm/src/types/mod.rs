//! Builtin types, one file each, plus the type object itself (`typeobj.rs`).
//!
//! Every builtin type is created once per interpreter by `registry.rs` and
//! reached through `vm.types.<name>`. A type's Python-visible methods live in
//! its `__dict__` as native method descriptors; the eval loop's fast paths
//! check payload kinds directly and fall back to the dunder protocol.

pub mod basic_methods;
pub mod bool;
pub mod builder;
pub mod bytes;
pub mod cell;
pub mod class;
pub mod code;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod exceptions;
pub mod exceptions_hierarchy;
pub mod exceptions_methods;
pub mod float;
pub mod function;
pub mod generator;
pub mod int;
pub mod iter;
pub mod list;
pub mod mappingproxy;
pub mod module;
pub mod none;
pub mod object;
pub mod object_methods;
pub mod property;
pub mod range;
pub mod registry;
pub mod set;
pub mod slice;
pub mod str;
pub mod tuple;
pub mod typeobj;

pub use typeobj::{PyType, PyTypeObj, PyTypeRef};

/// Populate every builtin type with its methods.
pub fn init_all(vm: &crate::Vm) {
    object_methods::init(vm);
    mappingproxy::init(vm);
    exceptions_methods::init(vm);
    basic_methods::init(vm);
}
