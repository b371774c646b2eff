//! Creation of every builtin type object, in dependency order. Adding a
//! builtin type is one line here plus its file.

use pyrite_core::object::header::TypeFlags;
use pyrite_core::{Payload, PayloadVTable, PyObjectRef};

use super::typeobj::{PyType, PyTypeObj, PyTypeRef};
use super::*;

const GC: u32 = TypeFlags::HAS_GC;
const DICT: u32 = TypeFlags::HAS_DICT;
const WEAK: u32 = TypeFlags::HAS_WEAKLIST;

/// Create a static (builtin) type.
pub fn new_static_type(
    name: &str,
    base: Option<&PyTypeRef>,
    vtable: &'static PayloadVTable,
    flags: u32,
    metatype: &PyObjectRef,
) -> PyTypeRef {
    let t =
        PyObjectRef::new_type_with_vtable(PyType::new(name, false), flags, Some(metatype), vtable)
            .expect("out of memory creating builtin types");
    if let Some(b) = base {
        let bo = b.as_object().clone();
        *t.ext.bases.borrow_mut() = vec![bo.clone()];
        *t.ext.base.borrow_mut() = Some(bo);
        let mut mro = vec![t.as_object().clone()];
        mro.extend(b.ext.mro.borrow().iter().cloned());
        *t.ext.mro.borrow_mut() = mro;
        // Builtin types are immortal, so the base may hold them strongly.
        b.ext.subclasses.borrow_mut().push(t.as_object().clone());
    } else {
        *t.ext.mro.borrow_mut() = vec![t.as_object().clone()];
    }
    t
}

macro_rules! builtin_types {
    ($( $field:ident : $name:literal, $payload:ty, $base:ident, $flags:expr; )*) => {
        /// Every builtin type object, by name.
        pub struct BuiltinTypes {
            pub type_: PyTypeRef,
            pub object: PyTypeRef,
            $( pub $field: PyTypeRef, )*
        }

        impl BuiltinTypes {
            /// Bootstrap `type` and `object`, then create the rest.
            pub fn create() -> BuiltinTypes {
                let type_ = PyObjectRef::new_type::<PyType, PyTypeObj>(
                    PyType::new("type", false), GC | WEAK, None,
                ).expect("out of memory creating builtin types");
                let object = new_static_type(
                    "object", None, <object::PyInstance as Payload>::VTABLE, 0, type_.as_object(),
                );
                {
                    let o = object.as_object().clone();
                    *type_.ext.bases.borrow_mut() = vec![o.clone()];
                    *type_.ext.base.borrow_mut() = Some(o.clone());
                    *type_.ext.mro.borrow_mut() = vec![type_.as_object().clone(), o];
                }
                let meta = type_.as_object().clone();
                let mut made: Vec<(&'static str, PyTypeRef)> = vec![("object", object.clone())];
                $(
                    let base = made.iter().find(|(n, _)| *n == stringify!($base)).map(|(_, t)| t.clone())
                        .expect("base type created first");
                    let $field = new_static_type($name, Some(&base), <$payload as Payload>::VTABLE, $flags, &meta);
                    made.push((stringify!($field), $field.clone()));
                )*
                drop(made);
                BuiltinTypes { type_, object, $( $field, )* }
            }

            /// All types with their attribute names (for registering methods
            /// and for `builtins`).
            pub fn all(&self) -> Vec<(&'static str, &PyTypeRef)> {
                vec![("type", &self.type_), ("object", &self.object), $( (stringify!($field), &self.$field), )*]
            }
        }
    };
}

builtin_types! {
    none_type: "NoneType", none::PyNone, object, 0;
    not_implemented_type: "NotImplementedType", none::PyNotImplemented, object, 0;
    ellipsis_type: "ellipsis", none::PyEllipsis, object, 0;
    int: "int", int::PyInt, object, 0;
    bool_: "bool", int::PyInt, int, 0;
    float: "float", float::PyFloat, object, 0;
    complex: "complex", complex::PyComplex, object, 0;
    str: "str", str::PyStr, object, 0;
    bytes: "bytes", bytes::PyBytes, object, 0;
    bytearray: "bytearray", bytes::PyByteArray, object, 0;
    tuple: "tuple", tuple::PyTuple, object, GC;
    list: "list", list::PyList, object, GC;
    dict: "dict", dict::PyDict, object, GC;
    set: "set", set::PySet, object, GC | WEAK;
    frozenset: "frozenset", set::PySet, object, GC | WEAK;
    range: "range", range::PyRange, object, 0;
    slice: "slice", slice::PySlice, object, 0;
    function: "function", function::PyFunction, object, GC | DICT | WEAK;
    method: "method", function::PyBoundMethod, object, GC | WEAK;
    builtin_function: "builtin_function_or_method", function::PyNativeFunction, object, GC | WEAK;
    method_descriptor: "method_descriptor", descr::PyMethodDescr, object, GC;
    classmethod_descriptor: "classmethod_descriptor", descr::PyMethodDescr, object, GC;
    wrapper_descriptor: "wrapper_descriptor", descr::PyMethodDescr, object, GC;
    method_wrapper: "method-wrapper", function::PyNativeFunction, object, GC;
    getset_descriptor: "getset_descriptor", descr::PyGetSetDescr, object, GC;
    member_descriptor: "member_descriptor", descr::PyMemberDescr, object, GC;
    classmethod: "classmethod", descr::PyClassMethod, object, GC | DICT;
    staticmethod: "staticmethod", descr::PyStaticMethod, object, GC | DICT;
    property: "property", property::PyProperty, object, GC;
    cell: "cell", cell::PyCell, object, GC;
    code: "code", code::PyCode, object, WEAK;
    module: "module", module::PyModule, object, GC | WEAK;
    generator: "generator", generator::PyGenerator, object, GC | WEAK;
    coroutine: "coroutine", generator::PyGenerator, object, GC | WEAK;
    async_generator: "async_generator", generator::PyGenerator, object, GC | WEAK;
    async_generator_asend: "async_generator_asend", asyncgen::PyAsyncGenASend, object, GC;
    async_generator_athrow: "async_generator_athrow", asyncgen::PyAsyncGenAThrow, object, GC;
    async_generator_wrapped_value: "async_generator_wrapped_value", asyncgen::PyAsyncGenWrapped, object, GC;
    frame: "frame", crate::eval::frame::PyFrameObject, object, GC;
    traceback: "traceback", exceptions::PyTraceback, object, GC;
    iterator: "iterator", iter::PySeqIter, object, GC;
    bytes_iterator: "bytes_iterator", iter::PySeqIter, object, GC;
    bytearray_iterator: "bytearray_iterator", iter::PySeqIter, object, GC;
    list_iterator: "list_iterator", iter::PyListIter, object, GC;
    list_reverseiterator: "list_reverseiterator", iter::PyListIter, object, GC;
    tuple_iterator: "tuple_iterator", iter::PyTupleIter, object, GC;
    range_iterator: "range_iterator", iter::PyRangeIter, object, 0;
    longrange_iterator: "longrange_iterator", iter::PyLongRangeIter, object, 0;
    str_iterator: "str_ascii_iterator", iter::PyStrIter, object, GC;
    callable_iterator: "callable_iterator", iter::PyCallableIter, object, GC;
    dict_keyiterator: "dict_keyiterator", iter::PyDictIter, object, GC;
    dict_valueiterator: "dict_valueiterator", iter::PyDictIter, object, GC;
    dict_itemiterator: "dict_itemiterator", iter::PyDictIter, object, GC;
    dict_reversekeyiterator: "dict_reversekeyiterator", iter::PyDictIter, object, GC;
    dict_reversevalueiterator: "dict_reversevalueiterator", iter::PyDictIter, object, GC;
    dict_reverseitemiterator: "dict_reverseitemiterator", iter::PyDictIter, object, GC;
    set_iterator: "set_iterator", iter::PySetIter, object, GC;
    dict_keys: "dict_keys", dict_views::PyDictView, object, GC;
    dict_values: "dict_values", dict_views::PyDictView, object, GC;
    dict_items: "dict_items", dict_views::PyDictView, object, GC;
    super_: "super", object_methods::PySuper, object, GC;
    mappingproxy: "mappingproxy", mappingproxy::PyMappingProxy, object, GC;
    enumerate: "enumerate", builtin_iters::PyEnumerate, object, GC;
    zip: "zip", builtin_iters::PyZip, object, GC;
    map: "map", builtin_iters::PyMap, object, GC;
    filter: "filter", builtin_iters::PyFilter, object, GC;
    reversed: "reversed", builtin_iters::PyReversed, object, GC;
    anext_awaitable: "anext_awaitable", builtin_iters::PyAnextAwaitable, object, GC;
    memoryview: "memoryview", memoryview::PyMemoryView, object, GC | WEAK;
    site_quitter: "Quitter", crate::modules::builtins_site::PySiteObject, object, DICT;
    site_printer: "_Printer", crate::modules::builtins_site::PySiteObject, object, DICT;
    site_helper: "_Helper", crate::modules::builtins_site::PySiteObject, object, DICT;
    union_type: "UnionType", tuple::PyTuple, object, GC;
    generic_alias: "GenericAlias", genericalias::PyGenericAlias, object, GC;
    simple_namespace: "SimpleNamespace", object::PyInstance, object, GC | DICT;
    version_info: "version_info", tuple::PyTuple, tuple, GC;
    base_exception: "BaseException", exceptions::PyBaseException, object, GC | DICT;
    weakref: "ReferenceType", weakref::PyWeakRef, object, GC | WEAK;
    weakproxy: "ProxyType", weakref::PyWeakRef, object, GC | WEAK;
    weakcallableproxy: "CallableProxyType", weakref::PyWeakRef, object, GC | WEAK;
}
