//! Helpers to populate builtin types and modules with native methods,
//! computed attributes and constants.

use super::descr::{Getter, MethodKind, PyGetSetDescr, PyMethodDescr, Setter};
use super::dict::PyDict;
use super::function::PyNativeFunction;
use super::typeobj::PyTypeRef;
use crate::args::NativeFn;
use crate::{PyObjectRef, Vm};

impl Vm {
    fn add_descr(&self, cls: &PyTypeRef, name: &'static str, func: NativeFn, kind: MethodKind) {
        let ty = match kind {
            MethodKind::Class => &self.types.classmethod_descriptor,
            _ => &self.types.method_descriptor,
        };
        let d = self.alloc(
            PyMethodDescr {
                name,
                func,
                objclass: cls.as_object().clone(),
                kind,
                doc: None,
            },
            ty,
        );
        self.set_type_attr(cls, name, d);
    }

    /// Add an instance method (`self` is `args.pos()[0]`).
    pub fn add_method(&self, cls: &PyTypeRef, name: &'static str, func: NativeFn) {
        self.add_descr(cls, name, func, MethodKind::Instance);
    }

    /// Add a class method (the class is `args.pos()[0]`).
    pub fn add_classmethod(&self, cls: &PyTypeRef, name: &'static str, func: NativeFn) {
        self.add_descr(cls, name, func, MethodKind::Class);
    }

    /// Add a static method; also used for `__new__`, which receives the
    /// class as its first positional argument.
    pub fn add_staticmethod(&self, cls: &PyTypeRef, name: &'static str, func: NativeFn) {
        self.add_descr(cls, name, func, MethodKind::Static);
    }

    /// Add a computed attribute.
    pub fn add_getset(
        &self,
        cls: &PyTypeRef,
        name: &'static str,
        get: Getter,
        set: Option<Setter>,
    ) {
        let d = self.alloc(
            PyGetSetDescr {
                name,
                get,
                set,
                objclass: cls.as_object().clone(),
                doc: None,
            },
            &self.types.getset_descriptor,
        );
        self.set_type_attr(cls, name, d);
    }

    /// Set a class attribute of a builtin type (at start-up).
    pub fn set_type_attr(&self, cls: &PyTypeRef, name: &str, value: PyObjectRef) {
        let key = self.intern(name);
        if let Ok(k) = key.downcast::<super::str::PyStr>() {
            cls.ext.dict.set_str(k, value);
        }
        super::typeobj::bump_type_epoch();
    }

    /// A native function object.
    pub fn new_native_function(
        &self,
        name: &'static str,
        func: NativeFn,
        module: Option<&'static str>,
    ) -> PyObjectRef {
        self.alloc(
            PyNativeFunction {
                name,
                func,
                self_: None,
                module,
                doc: None,
            },
            &self.types.builtin_function,
        )
    }

    /// Add a native function to a module dict.
    pub fn add_function(
        &self,
        dict: &PyDict,
        module: &'static str,
        name: &'static str,
        func: NativeFn,
    ) {
        let f = self.new_native_function(name, func, Some(module));
        self.dict_set_str(dict, name, f);
    }

    /// `dict[name] = value` for a str key.
    pub fn dict_set_str(&self, dict: &PyDict, name: &str, value: PyObjectRef) {
        if let Ok(k) = self.intern(name).downcast::<super::str::PyStr>() {
            dict.set_str(k, value);
        }
    }
}
