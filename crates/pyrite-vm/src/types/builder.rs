//! Helpers to populate builtin types and modules with native methods,
//! computed attributes and constants.

use std::cell::Cell;

use super::descr::{split_doc, Getter, MethodKind, PyGetSetDescr, PyMethodDescr, Setter, TypeDocs};
use super::dict::PyDict;
use super::function::PyNativeFunction;
use super::slot_docs::{is_coexisting, new_doc, slot_wrapper_doc};
use super::typeobj::PyTypeRef;
use crate::args::NativeFn;
use crate::{PyObjectRef, Vm};

impl Vm {
    fn add_descr(&self, cls: &PyTypeRef, name: &'static str, func: NativeFn, kind: MethodKind) {
        // Special methods of builtin types are slot wrappers (their own type
        // and docstring), except the few CPython also defines as methods.
        let wrapper_doc = match kind {
            MethodKind::Instance => slot_wrapper_doc(name),
            _ => None,
        };
        let slot = wrapper_doc.is_some() && !is_coexisting(&cls.ext.name(), name);
        let ty = match kind {
            MethodKind::Class => &self.types.classmethod_descriptor,
            _ if slot => &self.types.wrapper_descriptor,
            _ => &self.types.method_descriptor,
        };
        let doc = if slot {
            wrapper_doc
        } else if kind == MethodKind::Static && name == "__new__" {
            new_doc()
        } else {
            None
        };
        let d = self.alloc(
            PyMethodDescr {
                name,
                func,
                objclass: cls.as_object().clone(),
                kind,
                slot,
                doc: Cell::new(doc),
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
                doc: Cell::new(None),
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
                doc: Cell::new(None),
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

    /// Give a builtin type its docstrings (`__doc__`, `__text_signature__`
    /// of the type and of its methods and computed attributes), after its
    /// methods are added. Names the type lacks are skipped.
    pub fn set_docs(&self, cls: &PyTypeRef, docs: &TypeDocs) {
        cls.ext.doc.set(Some(docs.doc));
        // The class dict holds the plain docstring unless the type has a
        // `__doc__` descriptor for its instances (`property`).
        let has_descr = cls
            .ext
            .dict
            .get_by_str("__doc__")
            .is_some_and(|d| d.downcast_ref::<PyGetSetDescr>().is_some());
        if !has_descr {
            let (_, body) = split_doc(&type_short_name(cls), docs.doc);
            let doc = body.map_or_else(|| self.none.clone(), |b| self.new_str(b));
            self.set_type_attr(cls, "__doc__", doc);
        }
        for (member, raw) in docs.members {
            let Some(d) = cls.ext.dict.get_by_str(member) else {
                continue;
            };
            if let Some(m) = d.downcast_ref::<PyMethodDescr>() {
                m.doc.set(Some(raw));
            } else if let Some(g) = d.downcast_ref::<PyGetSetDescr>() {
                g.doc.set(Some(raw));
            }
        }
    }

    /// Give the native functions of a module dict their docstrings.
    pub fn set_function_docs(&self, dict: &PyDict, docs: &[(&'static str, &'static str)]) {
        for (name, raw) in docs {
            if let Some(f) = dict.get_by_str(name) {
                if let Some(f) = f.downcast_ref::<PyNativeFunction>() {
                    f.doc.set(Some(raw));
                }
            }
        }
    }
}

/// A builtin type's name without its module (`deque` for
/// `collections.deque`), as it starts its internal docstring.
pub fn type_short_name(cls: &PyTypeRef) -> String {
    let name = cls.ext.name();
    name.rsplit('.').next().unwrap_or(&name).to_string()
}
