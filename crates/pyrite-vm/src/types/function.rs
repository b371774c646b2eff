//! Python functions, bound methods and native (builtin) functions.
//! Mirrors CPython 3.11 `Objects/funcobject.c`, `classobject.c` and
//! `methodobject.c`.

use std::cell::RefCell;

use super::code::PyCodeRef;
use crate::args::NativeFn;
use crate::{Payload, PyObjectRef, PyRef};

/// The payload of a Python function.
pub struct PyFunction {
    pub code: RefCell<PyCodeRef>,
    pub globals: PyObjectRef,
    pub builtins: PyObjectRef,
    pub name: RefCell<PyObjectRef>,
    pub qualname: RefCell<PyObjectRef>,
    pub defaults: RefCell<Option<PyObjectRef>>,
    pub kwdefaults: RefCell<Option<PyObjectRef>>,
    pub closure: Option<PyObjectRef>,
    pub doc: RefCell<PyObjectRef>,
    pub module: RefCell<PyObjectRef>,
    pub annotations: RefCell<Option<PyObjectRef>>,
}

pub type PyFunctionRef = PyRef<PyFunction>;

impl Payload for PyFunction {
    pyrite_core::unique_vtable!(PyFunction);
    /// Cycle collector: drop defaults and annotations (the instance dict is
    /// cleared by the core).
    fn clear(&self) {
        let mut old = Vec::new();
        for f in [&self.defaults, &self.kwdefaults, &self.annotations] {
            if let Ok(mut v) = f.try_borrow_mut() {
                old.push(v.take());
            }
        }
        drop(old);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(self.code.borrow().as_object());
        visit(&self.globals);
        visit(&self.builtins);
        visit(&self.name.borrow());
        visit(&self.qualname.borrow());
        if let Some(d) = self.defaults.borrow().as_ref() {
            visit(d);
        }
        if let Some(d) = self.kwdefaults.borrow().as_ref() {
            visit(d);
        }
        if let Some(c) = &self.closure {
            visit(c);
        }
        visit(&self.doc.borrow());
        visit(&self.module.borrow());
        if let Some(a) = self.annotations.borrow().as_ref() {
            visit(a);
        }
    }
}

/// The payload of a bound method (`obj.method` for a Python function).
pub struct PyBoundMethod {
    pub func: PyObjectRef,
    pub self_: PyObjectRef,
}

impl Payload for PyBoundMethod {
    pyrite_core::unique_vtable!(PyBoundMethod);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.func);
        visit(&self.self_);
    }
}

/// The payload of a native function (`builtin_function_or_method`), bound
/// to `self_` when it is a method of a particular object or module.
pub struct PyNativeFunction {
    pub name: &'static str,
    pub func: NativeFn,
    pub self_: Option<PyObjectRef>,
    pub module: Option<&'static str>,
    /// Docstring in CPython's internal form (`descr::split_doc`).
    pub doc: std::cell::Cell<Option<&'static str>>,
}

impl Payload for PyNativeFunction {
    pyrite_core::unique_vtable!(PyNativeFunction);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(s) = &self.self_ {
            visit(s);
        }
    }
}
