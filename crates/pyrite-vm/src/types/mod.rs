//! Builtin types, one file each, plus the type object itself (`typeobj.rs`).
//!
//! Every builtin type is created once per interpreter by `registry.rs` and
//! reached through `vm.types.<name>`. A type's Python-visible methods live in
//! its `__dict__` as native method descriptors; the eval loop's fast paths
//! check payload kinds directly and fall back to the dunder protocol.

pub mod asyncgen;
pub mod basic_methods;
pub mod bool;
pub mod bool_methods;
pub mod builder;
pub mod builtin_iters;
pub mod bytes;
pub mod bytes_methods;
pub mod bytes_ops;
pub mod cell;
pub mod class;
pub mod class_bases;
pub mod code;
pub mod code_extra;
pub mod complex;
pub mod complex_methods;
pub mod descr;
pub mod descr_methods;
pub mod dict;
pub mod dict_methods;
pub mod dict_views;
pub mod exceptions;
pub mod exceptions_group;
pub mod exceptions_hierarchy;
pub mod exceptions_methods;
pub mod float;
pub mod float_methods;
pub mod function;
pub mod function_methods;
pub mod generator;
pub mod generator_methods;
pub mod genericalias;
pub mod instance_values;
pub mod int;
pub mod int_methods;
pub mod int_ops;
pub mod iter;
pub mod iter_methods;
pub mod list;
pub mod list_methods;
pub mod list_sort;
pub mod mappingproxy;
pub mod memoryview;
pub mod module;
pub mod none;
pub mod number_format;
pub mod object;
pub mod object_methods;
pub mod object_reduce;
pub mod printf;
pub mod property;
pub mod range;
pub mod range_methods;
pub mod registry;
pub mod runtime_methods;
pub mod set;
pub mod set_methods;
pub mod slice;
pub mod slice_methods;
pub mod slot_docs;
pub mod str;
pub mod str_case;
pub mod str_format;
pub mod str_marks;
pub mod str_methods;
pub mod str_search;
pub mod str_unicode;
pub mod tuple;
pub mod tuple_methods;
pub mod typeobj;
pub mod union;
pub mod weakref;

pub use typeobj::{PyType, PyTypeObj, PyTypeRef};

/// Populate every builtin type with its methods.
pub fn init_all(vm: &crate::Vm) {
    object_methods::init(vm);
    weakref::init(vm);
    mappingproxy::init(vm);
    exceptions_methods::init(vm);
    exceptions_group::init(vm);
    basic_methods::init(vm);
    int_methods::init(vm);
    bool_methods::init(vm);
    float_methods::init(vm);
    complex_methods::init(vm);
    function_methods::init(vm);
    descr_methods::init(vm);
    generator_methods::init(vm);
    asyncgen::init(vm);
    runtime_methods::init(vm);
    code_extra::init(vm);
    union::init(vm);
    genericalias::init(vm);
    list_methods::init(vm);
    tuple_methods::init(vm);
    dict_methods::init(vm);
    dict_views::init(vm);
    set_methods::init(vm);
    range_methods::init(vm);
    slice_methods::init(vm);
    iter_methods::init(vm);
    builtin_iters::init(vm);
    memoryview::init(vm);
    str_methods::init(vm);
    bytes_methods::init(vm);
}
