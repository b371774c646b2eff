//! Frames: the state of one executing code object. Locals, cells, free
//! variables and the value stack share one contiguous array, as in CPython's
//! `_PyInterpreterFrame` (localsplus followed by the stack).
//! Mirrors CPython 3.11 `Include/internal/pycore_frame.h`.

use std::cell::RefCell;

use crate::types::code::PyCodeRef;
use crate::{Payload, PyObjectRef, Vm};

/// An executing (or suspended) frame.
pub struct Frame {
    pub code: PyCodeRef,
    /// The function being run (None for module and class bodies).
    pub func: Option<PyObjectRef>,
    pub globals: PyObjectRef,
    pub builtins: PyObjectRef,
    /// The locals mapping of module and class bodies (`LOAD_NAME`).
    pub locals: Option<PyObjectRef>,
    /// `localsplus` then the value stack.
    pub slots: Vec<Option<PyObjectRef>>,
    /// Index into `slots` of the next free stack slot.
    pub sp: usize,
    /// Code-unit index of the next instruction to execute.
    pub pc: usize,
    /// Code-unit index of the instruction being executed (`f_lasti / 2`).
    pub lasti: usize,
    /// Keyword names set by `KW_NAMES` for the next `CALL`.
    pub kwnames: Option<PyObjectRef>,
    /// The frame object exposed to Python, once one is needed.
    pub frame_obj: Option<PyObjectRef>,
    /// For an `__init__` frame entered by `cls(...)` in the eval loop: the
    /// new instance, which the call evaluates to (when `__init__` returns
    /// None, see `RETURN_VALUE`).
    pub init_self: Option<PyObjectRef>,
}

impl Frame {
    /// Visit every reference the frame holds (for generators' traverse).
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(self.code.as_object());
        if let Some(f) = &self.func {
            visit(f);
        }
        visit(&self.globals);
        visit(&self.builtins);
        if let Some(l) = &self.locals {
            visit(l);
        }
        if let Some(o) = &self.init_self {
            visit(o);
        }
        for s in self.slots[..self.sp].iter().flatten() {
            visit(s);
        }
    }

    // Slots at and above `sp` are always empty (every pop takes its value
    // out), so a push has nothing to release: the old value is forgotten
    // rather than dropped, which spares the hot path a drop check. Breaking
    // the invariant would leak, never free early.
    #[inline]
    pub fn push(&mut self, v: PyObjectRef) {
        let old = self.slots[self.sp].replace(v);
        debug_assert!(old.is_none(), "push over a live stack slot");
        std::mem::forget(old);
        self.sp += 1;
    }

    #[inline]
    pub fn push_opt(&mut self, v: Option<PyObjectRef>) {
        let old = std::mem::replace(&mut self.slots[self.sp], v);
        debug_assert!(old.is_none(), "push over a live stack slot");
        std::mem::forget(old);
        self.sp += 1;
    }

    /// Pop a value that must not be NULL.
    #[inline]
    pub fn pop(&mut self) -> PyObjectRef {
        self.sp -= 1;
        self.slots[self.sp]
            .take()
            .expect("stack underflow: NULL where a value was expected")
    }

    /// Pop a value that may be NULL.
    #[inline]
    pub fn pop_opt(&mut self) -> Option<PyObjectRef> {
        self.sp -= 1;
        self.slots[self.sp].take()
    }

    /// The value `n` from the top (1 = top).
    #[inline]
    pub fn peek(&self, n: usize) -> &PyObjectRef {
        self.slots[self.sp - n].as_ref().expect("NULL on the stack")
    }

    #[inline]
    pub fn peek_opt(&self, n: usize) -> &Option<PyObjectRef> {
        &self.slots[self.sp - n]
    }

    /// Index of the first stack slot.
    #[inline]
    pub fn stack_base(&self) -> usize {
        self.code.code.localsplusnames.len()
    }

    /// Current stack depth.
    #[inline]
    pub fn depth(&self) -> usize {
        self.sp - self.stack_base()
    }

    /// Line being executed (for tracebacks and `f_lineno`).
    pub fn lineno(&self) -> Option<u32> {
        pyrite_bytecode::linetable::addr_to_line(&self.code.code, (self.lasti * 2) as u32)
    }
}

/// The payload of a frame object: what Python code sees of a frame
/// (`sys._getframe()`, `tb_frame`). Holds a snapshot of where the frame was.
pub struct PyFrameObject {
    pub code: PyObjectRef,
    pub globals: PyObjectRef,
    pub builtins: PyObjectRef,
    /// Snapshot of the locals (as a dict) or the frame's locals mapping.
    pub locals: RefCell<Option<PyObjectRef>>,
    pub lineno: std::cell::Cell<u32>,
    pub lasti: std::cell::Cell<u32>,
    pub back: RefCell<Option<PyObjectRef>>,
    /// Where the frame sits in `Vm::frame_stack` and its activation's
    /// serial: while that entry is still this activation, `f_lineno` and
    /// `f_lasti` are read live (as CPython's frame objects are views).
    pub live: (usize, u64),
}

impl PyFrameObject {
    /// `(f_lasti, line)` now: live while the frame runs, else the snapshot
    /// taken when the frame object was last updated.
    pub fn position(&self, vm: &Vm) -> (u32, u32) {
        let (depth, serial) = self.live;
        match vm.frame_lasti(depth, serial) {
            Some(lasti) => ((lasti * 2) as u32, code_line(&self.code, lasti)),
            None => (self.lasti.get(), self.lineno.get()),
        }
    }
}

/// The source line of instruction `lasti` (in code units) of a code
/// object, 0 when it has none.
pub fn code_line(code: &PyObjectRef, lasti: usize) -> u32 {
    code.downcast_ref::<crate::types::code::PyCode>()
        .and_then(|c| pyrite_bytecode::linetable::addr_to_line(&c.code, (lasti * 2) as u32))
        .unwrap_or(0)
}

impl Vm {
    /// The current instruction of entry `idx` of the frame stack (the
    /// innermost frame's comes from `top_lasti`).
    pub fn stack_entry_lasti(&self, stack: &[crate::vm::FrameInfo], idx: usize) -> usize {
        if idx + 1 == stack.len() {
            self.top_lasti.get()
        } else {
            stack.get(idx).map_or(0, |fi| fi.lasti)
        }
    }

    /// The current instruction of the activation `serial` at `depth` of the
    /// frame stack, if it is still running.
    pub fn frame_lasti(&self, depth: usize, serial: u64) -> Option<usize> {
        let stack = self.frame_stack.borrow();
        stack.get(depth).filter(|fi| fi.serial == serial)?;
        Some(self.stack_entry_lasti(&stack, depth))
    }

    /// The (depth, serial) of the innermost running frame.
    pub fn top_frame_id(&self) -> (usize, u64) {
        let stack = self.frame_stack.borrow();
        match stack.last() {
            Some(fi) => (stack.len() - 1, fi.serial),
            None => (usize::MAX, 0),
        }
    }
}

impl Payload for PyFrameObject {
    pyrite_core::unique_vtable!(PyFrameObject);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.code);
        visit(&self.globals);
        visit(&self.builtins);
        if let Some(l) = self.locals.borrow().as_ref() {
            visit(l);
        }
        if let Some(b) = self.back.borrow().as_ref() {
            visit(b);
        }
    }
}

/// Frames kept in the pool at most (deeper recursion allocates).
const FRAME_POOL_MAX: usize = 64;
/// Frames with more slots than this are not pooled.
const FRAME_POOL_MAX_SLOTS: usize = 256;

impl crate::Vm {
    /// A frame for `code`, reusing a pooled allocation when there is one.
    /// The first `localsplusnames.len() + stacksize + 1` slots are empty.
    #[inline(always)]
    pub fn alloc_frame(
        &self,
        code: PyCodeRef,
        func: Option<PyObjectRef>,
        globals: PyObjectRef,
        builtins: PyObjectRef,
        locals: Option<PyObjectRef>,
    ) -> Box<Frame> {
        let nlocals = code.code.localsplusnames.len();
        let n = nlocals + code.code.stacksize as usize + 1;
        let pooled = self.frame_pool.borrow_mut().pop();
        match pooled {
            Some(mut f) => {
                // Pooled frames hold only placeholders (see `recycle_frame`),
                // so these assignments release nothing that could run code.
                f.code = code;
                f.func = func;
                f.globals = globals;
                f.builtins = builtins;
                f.locals = locals;
                // Pooled slots are all empty. A pooled frame only grows:
                // slots past this code's needs stay empty and unused.
                if f.slots.len() < n {
                    f.slots.resize(n, None);
                }
                f.sp = nlocals;
                f.pc = 0;
                f.lasti = 0;
                f
            }
            None => Box::new(Frame {
                code,
                func,
                globals,
                builtins,
                locals,
                slots: vec![None; n],
                sp: nlocals,
                pc: 0,
                lasti: 0,
                kwnames: None,
                frame_obj: None,
                init_self: None,
            }),
        }
    }

    /// Release what a finished frame refers to (in CPython's order: the
    /// locals and stack, then the function and namespaces) and keep its
    /// allocation for the next call.
    #[inline(always)]
    pub fn recycle_frame(&self, mut f: Box<Frame>) {
        if let Some(fo) = &f.frame_obj {
            if fo.refcount() > 1 && f.locals.is_none() {
                keep_locals(self, &f, fo);
            }
        }
        // Dropping values may run `__del__`, which may call functions and
        // so use the pool: nothing is borrowed while values are dropped.
        // Slots at and above `sp` are empty (see `push`).
        let sp = f.sp.min(f.slots.len());
        for s in f.slots[..sp].iter_mut() {
            drop(s.take());
        }
        debug_assert!(f.slots.iter().all(Option::is_none));
        drop(f.kwnames.take());
        drop(f.frame_obj.take());
        drop(f.init_self.take());
        drop(f.locals.take());
        drop(f.func.take());
        let Some(placeholder) = self.placeholder_code() else {
            return;
        };
        drop(std::mem::replace(&mut f.code, placeholder));
        drop(std::mem::replace(&mut f.globals, self.none.clone()));
        drop(std::mem::replace(&mut f.builtins, self.none.clone()));
        if f.slots.capacity() > FRAME_POOL_MAX_SLOTS {
            return;
        }
        let mut pool = self.frame_pool.borrow_mut();
        if pool.len() < FRAME_POOL_MAX {
            pool.push(f);
        }
    }

    #[inline(always)]
    fn placeholder_code(&self) -> Option<PyCodeRef> {
        if let Some(c) = self.placeholder_code.get() {
            return Some(c.clone());
        }
        self.make_placeholder_code()
    }

    #[cold]
    fn make_placeholder_code(&self) -> Option<PyCodeRef> {
        let co =
            crate::compile::compile_source("", "<frame pool>", pyrite_parser::Mode::Exec).ok()?;
        let c = self
            .new_code(co)
            .downcast::<crate::types::code::PyCode>()
            .ok()?;
        Some(self.placeholder_code.get_or_init(|| c).clone())
    }
}

/// A function frame ends while its frame object lives on (in a traceback,
/// or kept from `sys._getframe()`): as CPython's frame object takes over
/// the frame's data, it keeps the locals (a dict, what `f_locals` then
/// shows), so they live exactly as long as the frame object.
#[cold]
fn keep_locals(vm: &Vm, f: &Frame, fo: &PyObjectRef) {
    let Some(p) = fo.downcast_ref::<PyFrameObject>() else {
        return;
    };
    let existing = p.locals.borrow().clone();
    match existing {
        Some(d) => crate::modules::builtins_exec::update_fast_locals(vm, f, &d),
        None => {
            let d = crate::modules::builtins_exec::fast_locals_dict(vm, f);
            *p.locals.borrow_mut() = Some(d);
        }
    }
}
