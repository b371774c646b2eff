//! `repr()` and `str()` of objects, with the recursion guard for
//! self-containing containers (`[...]`).
//! Mirrors CPython 3.11 `PyObject_Repr`, `PyObject_Str` and `Py_ReprEnter`.

use std::cell::RefCell;

use crate::types::str::{PyStr, PyStrRef};
use crate::types::typeobj::class_of;
use crate::{PyObjectRef, PyResult, Vm};

thread_local! {
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Guard for recursive reprs: `None` if `obj` is already being repr'd.
pub struct ReprGuard(usize);

impl ReprGuard {
    pub fn enter(obj: &PyObjectRef) -> Option<ReprGuard> {
        let id = obj.id();
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&id) {
                None
            } else {
                s.push(id);
                Some(ReprGuard(id))
            }
        })
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(p) = s.iter().rposition(|x| *x == self.0) {
                s.remove(p);
            }
        });
    }
}

impl Vm {
    /// `repr(obj)`.
    pub fn repr(&self, obj: &PyObjectRef) -> PyResult<PyStrRef> {
        self.enter_call(" while getting the repr of an object")?;
        let r = self.call_special(obj, &self.names.__repr__, &[]);
        self.leave_call();
        match r? {
            Some(s) => s.downcast::<PyStr>().map_err(|s| {
                self.new_type_error(format!(
                    "__repr__ returned non-string (type {})",
                    self.type_name(&s)
                ))
            }),
            None => Ok(self.new_str_ref(format!(
                "<{} object at {:#x}>",
                self.type_name(obj),
                obj.id()
            ))),
        }
    }

    /// `repr(obj)` as a Rust string.
    pub fn repr_string(&self, obj: &PyObjectRef) -> PyResult<String> {
        Ok(self.repr(obj)?.as_str().to_string())
    }

    /// `str(obj)`.
    pub fn str(&self, obj: &PyObjectRef) -> PyResult<PyStrRef> {
        if obj.downcast_ref::<PyStr>().is_some() && !class_of(obj).ext.heap {
            return Ok(obj
                .clone()
                .downcast::<PyStr>()
                .unwrap_or_else(|_| unreachable!()));
        }
        self.enter_call(" while getting the str of an object")?;
        let r = self.call_special(obj, &self.names.__str__, &[]);
        self.leave_call();
        match r? {
            Some(s) => s.downcast::<PyStr>().map_err(|s| {
                self.new_type_error(format!(
                    "__str__ returned non-string (type {})",
                    self.type_name(&s)
                ))
            }),
            None => self.repr(obj),
        }
    }

    /// `str(obj)` as a Rust string.
    pub fn str_string(&self, obj: &PyObjectRef) -> PyResult<String> {
        Ok(self.str(obj)?.as_str().to_string())
    }
}
