//! Descriptors implemented natively: method descriptors of builtin types,
//! getset descriptors (computed attributes), member descriptors (`__slots__`),
//! `classmethod` and `staticmethod`.
//! Mirrors CPython 3.11 `Objects/descrobject.c` and `funcobject.c`.

use std::cell::{Cell, RefCell};

use crate::args::NativeFn;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// A native method of a builtin type (`list.append`): called with `self`
/// as the first argument; binds to a `PyNativeFunction` on attribute access.
pub struct PyMethodDescr {
    pub name: &'static str,
    pub func: NativeFn,
    /// The type that defines it (`self` must be an instance).
    pub objclass: PyObjectRef,
    pub kind: MethodKind,
    /// A slot wrapper (`wrapper_descriptor`): special method of a builtin
    /// type; differs in repr, binding (method-wrapper) and error messages.
    pub slot: bool,
    /// Docstring in CPython's internal form (see [`split_doc`]); set from
    /// the type's doc table after the methods are added.
    pub doc: Cell<Option<&'static str>>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MethodKind {
    /// Ordinary method: receives the instance.
    Instance,
    /// Receives the class (`dict.fromkeys`, `int.from_bytes`).
    Class,
    /// Receives neither (`str.maketrans`), or `__new__` (receives the class
    /// explicitly as a positional argument).
    Static,
}

impl Payload for PyMethodDescr {
    pyrite_core::unique_vtable!(PyMethodDescr);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.objclass);
    }
}

pub type Getter = fn(&Vm, &PyObjectRef) -> PyResult;
pub type Setter = fn(&Vm, &PyObjectRef, Option<PyObjectRef>) -> PyResult<()>;

/// A computed attribute of a builtin type (`function.__name__`).
pub struct PyGetSetDescr {
    pub name: &'static str,
    pub get: Getter,
    pub set: Option<Setter>,
    pub objclass: PyObjectRef,
    pub doc: Cell<Option<&'static str>>,
}

impl Payload for PyGetSetDescr {
    pyrite_core::unique_vtable!(PyGetSetDescr);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.objclass);
    }
}

/// A `__slots__` member: slot `index` of `PyInstance::slots`.
pub struct PyMemberDescr {
    pub name: PyObjectRef,
    pub index: usize,
    pub objclass: PyObjectRef,
}

impl Payload for PyMemberDescr {
    pyrite_core::unique_vtable!(PyMemberDescr);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.name);
        visit(&self.objclass);
    }
}

/// `classmethod(f)`.
pub struct PyClassMethod {
    pub func: RefCell<PyObjectRef>,
}

impl Payload for PyClassMethod {
    pyrite_core::unique_vtable!(PyClassMethod);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.func.borrow());
    }
}

/// `staticmethod(f)`.
pub struct PyStaticMethod {
    pub func: RefCell<PyObjectRef>,
}

impl Payload for PyStaticMethod {
    pyrite_core::unique_vtable!(PyStaticMethod);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.func.borrow());
    }
}

/// The docstrings of a builtin type, kept in one table next to its method
/// table. Texts are CPython's, in its internal form: a docstring may start
/// with `name(signature)\n--\n\n`, which becomes `__text_signature__`.
pub struct TypeDocs {
    /// The type's own docstring.
    pub doc: &'static str,
    /// Docstrings of methods and computed attributes, by name.
    pub members: &'static [(&'static str, &'static str)],
}

/// Split a docstring in CPython's internal form into `__text_signature__`
/// and `__doc__`: `len($module, obj, /)\n--\n\nReturn ...` gives
/// `($module, obj, /)` and `Return ...`. A docstring without that header
/// has no signature; an empty body is no docstring.
pub fn split_doc<'a>(name: &str, raw: &'a str) -> (Option<&'a str>, Option<&'a str>) {
    const END: &str = ")\n--\n\n";
    if let Some(rest) = raw.strip_prefix(name) {
        if rest.starts_with('(') {
            if let Some(end) = rest.find(END) {
                let sig = &rest[..end + 1];
                let body = &rest[end + END.len()..];
                return (Some(sig), (!body.is_empty()).then_some(body));
            }
        }
    }
    (None, Some(raw))
}
