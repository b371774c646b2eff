//! Generators, coroutines and async generators: a suspended frame plus its
//! state. Mirrors CPython 3.11 `Objects/genobject.c`.

use std::cell::{Cell, RefCell};

use crate::eval::frame::Frame;
use crate::{Payload, PyObjectRef};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

/// The payload of generator-like objects.
pub struct PyGenerator {
    /// The suspended frame; `None` once the generator has finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    /// Whether it has started (a non-None `send` to a just-started generator
    /// is a TypeError).
    pub started: Cell<bool>,
    pub kind: GenKind,
    pub name: RefCell<PyObjectRef>,
    pub qualname: RefCell<PyObjectRef>,
    /// The code object (kept after the frame is gone, for `gi_code`).
    pub code: PyObjectRef,
    /// The exception being handled inside the generator when it yielded.
    pub exc_state: RefCell<Option<PyObjectRef>>,
    /// Async generators: an `asend`/`athrow` awaitable is being driven.
    pub running_async: Cell<bool>,
    /// Async generators: finished or closed (`aclose()` started).
    pub closed: Cell<bool>,
}

impl Payload for PyGenerator {
    pyrite_core::unique_vtable!(PyGenerator);
    /// Cycle collector: drop the suspended frame and saved exception.
    fn clear(&self) {
        if self.running.get() {
            return;
        }
        let frame = match self.frame.try_borrow_mut() {
            Ok(mut f) => f.take(),
            Err(_) => None,
        };
        let exc = match self.exc_state.try_borrow_mut() {
            Ok(mut e) => e.take(),
            Err(_) => None,
        };
        drop(frame);
        drop(exc);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(f) = self.frame.try_borrow() {
            if let Some(f) = f.as_ref() {
                f.traverse(visit);
            }
        }
        visit(&self.name.borrow());
        visit(&self.qualname.borrow());
        visit(&self.code);
        if let Some(e) = self.exc_state.borrow().as_ref() {
            visit(e);
        }
    }
}
