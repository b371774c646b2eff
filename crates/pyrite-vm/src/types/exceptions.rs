//! Exception objects: `BaseException`'s payload (args, traceback, cause,
//! context) shared by the whole builtin hierarchy, and traceback objects.
//! The hierarchy itself is built in `exceptions_hierarchy.rs`.
//! Mirrors CPython 3.11 `Objects/exceptions.c` and `Python/traceback.c`.

use std::cell::{Cell, RefCell};

use crate::{Payload, PyObjectRef, PyRef};

/// The payload of every exception object.
pub struct PyBaseException {
    /// `args` (a tuple).
    pub args: RefCell<PyObjectRef>,
    pub traceback: RefCell<Option<PyObjectRef>>,
    pub cause: RefCell<Option<PyObjectRef>>,
    pub context: RefCell<Option<PyObjectRef>>,
    pub suppress_context: Cell<bool>,
    /// `BaseExceptionGroup`'s (message, exceptions tuple); None otherwise.
    pub group: RefCell<Option<(PyObjectRef, PyObjectRef)>>,
}

pub type PyBaseExceptionRef = PyRef<PyBaseException>;

impl Payload for PyBaseException {
    pyrite_core::unique_vtable!(PyBaseException);
    /// Cycle collector: drop traceback, cause and context.
    fn clear(&self) {
        let mut old = Vec::new();
        for f in [&self.traceback, &self.cause, &self.context] {
            if let Ok(mut v) = f.try_borrow_mut() {
                old.push(v.take());
            }
        }
        let group = self.group.try_borrow_mut().ok().and_then(|mut g| g.take());
        drop(old);
        drop(group);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.args.borrow());
        if let Some((m, e)) = self.group.borrow().as_ref() {
            visit(m);
            visit(e);
        }
        for f in [&self.traceback, &self.cause, &self.context] {
            if let Some(v) = f.borrow().as_ref() {
                visit(v);
            }
        }
    }
}

impl PyBaseException {
    pub fn new(args: PyObjectRef) -> Self {
        PyBaseException {
            args: RefCell::new(args),
            traceback: RefCell::new(None),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            group: RefCell::new(None),
        }
    }
}

/// A traceback entry (`types.TracebackType`).
pub struct PyTraceback {
    pub next: RefCell<Option<PyObjectRef>>,
    /// The frame object.
    pub frame: PyObjectRef,
    /// Byte offset of the instruction (`tb_lasti`).
    pub lasti: u32,
    pub lineno: Option<u32>,
}

impl Payload for PyTraceback {
    pyrite_core::unique_vtable!(PyTraceback);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(n) = self.next.borrow().as_ref() {
            visit(n);
        }
        visit(&self.frame);
    }
}

impl crate::Vm {
    /// Whether exception `e` is an instance of `cls`.
    pub fn exc_matches(&self, e: &PyBaseExceptionRef, cls: &super::typeobj::PyTypeRef) -> bool {
        super::typeobj::is_subtype(e.as_object().class(), cls.as_object())
    }

    /// Whether `e` is an instance of `cls` (an arbitrary type object).
    pub fn exc_matches_obj(&self, e: &PyBaseExceptionRef, cls: &PyObjectRef) -> bool {
        super::typeobj::is_subtype(e.as_object().class(), cls)
    }

    /// The `args` tuple of an exception.
    pub fn exc_args(&self, e: &PyBaseExceptionRef) -> PyObjectRef {
        e.args.borrow().clone()
    }

    /// Turn a raised object into an exception instance: a class is called
    /// with no arguments; anything else that is not an exception is a
    /// TypeError ("exceptions must derive from BaseException").
    pub fn normalize_exception(&self, obj: PyObjectRef) -> crate::PyResult<PyBaseExceptionRef> {
        if let Some(t) = obj.downcast_ref::<super::typeobj::PyTypeObj>() {
            let _ = t;
            if super::typeobj::is_subtype(&obj, self.types.base_exception.as_object()) {
                let inst = self.call(&obj, &[])?;
                return inst.downcast::<PyBaseException>().map_err(|o| {
                    self.new_type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        self.repr_string(&obj).unwrap_or_default(),
                        self.type_name(&o)
                    ))
                });
            }
        }
        obj.downcast::<PyBaseException>()
            .map_err(|_| self.new_type_error("exceptions must derive from BaseException"))
    }
}
