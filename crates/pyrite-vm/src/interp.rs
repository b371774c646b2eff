//! Creating a ready interpreter: builtin types populated with their
//! methods, `builtins` and `sys` created, memory hooks installed.

use std::rc::Rc;

use crate::{PyObjectRef, Vm};

thread_local! {
    static CURRENT: std::cell::RefCell<Option<Rc<Vm>>> = const { std::cell::RefCell::new(None) };
}

/// The interpreter running on this thread (for deallocation hooks).
pub fn current() -> Option<Rc<Vm>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// Options for a new interpreter.
#[derive(Default, Clone)]
pub struct Config {
    pub argv: Vec<String>,
    /// Initial `sys.path` entries (the script directory first).
    pub path: Vec<String>,
    pub flags: crate::vm::VmFlags,
}

impl Vm {
    /// A fully initialised interpreter, registered as this thread's.
    pub fn new(config: Config) -> Result<Rc<Vm>, String> {
        crate::protocol::hash::init_secret();
        let vm = Vm::new_bare();
        *vm.argv.borrow_mut() = config.argv;
        *vm.initial_path.borrow_mut() = config.path;
        vm.write_bytecode.set(!config.flags.dont_write_bytecode);
        *vm.flags.borrow_mut() = config.flags;
        crate::types::init_all(&vm);
        crate::modules::init(&vm).map_err(|e| crate::eval::traceback::format_exception(&vm, &e))?;
        let vm = Rc::new(vm);
        CURRENT.with(|c| *c.borrow_mut() = Some(vm.clone()));
        pyrite_core::object::dealloc::set_hooks(pyrite_core::object::dealloc::Hooks {
            finalize: finalize_hook,
            clear_weakrefs: clear_weakrefs_hook,
        });
        Ok(vm)
    }

    /// Run the `atexit` callbacks, then flush output.
    pub fn finish(&self) {
        crate::modules::atexit::run_exitfuncs(self);
        crate::modules::sys::flush_std_streams(self);
        crate::modules::_io::flush_all_at_exit(self);
    }
}

/// Run `__del__`; an exception is reported as CPython does
/// ("Exception ignored in: ...") and swallowed.
fn finalize_hook(obj: &PyObjectRef) {
    let Some(vm) = current() else { return };
    vm.run_finalizer(obj);
}

impl Vm {
    /// An object's finalizer (PEP 442): a suspended generator or coroutine
    /// is closed (so its `finally` blocks run), anything else gets its
    /// `__del__`. Errors are reported as unraisable.
    pub fn run_finalizer(&self, obj: &PyObjectRef) {
        use crate::types::generator::{GenKind, PyGenerator};
        let saved = self.handled_exc.borrow().clone();
        if let Some(g) = obj.downcast_ref::<PyGenerator>() {
            let suspended = g.started.get()
                && !g.running.get()
                && g.frame.try_borrow().is_ok_and(|f| f.is_some());
            if suspended && !matches!(g.kind, GenKind::AsyncGenerator) {
                if let Err(e) = crate::eval::ops::generator::gen_close(self, obj) {
                    self.write_unraisable(&e, Some(obj));
                }
            }
        } else if let Some(del) = crate::types::typeobj::class_of(obj)
            .ext
            .lookup(&self.names.__del__)
        {
            if let Err(e) = self.call_unbound(&del, obj, &[], &[]) {
                self.write_unraisable(&e, Some(&del));
            }
        }
        *self.handled_exc.borrow_mut() = saved;
    }
}

fn clear_weakrefs_hook(obj: &PyObjectRef) {
    let Some(vm) = current() else { return };
    crate::modules::weakref_support::clear_weakrefs(&vm, obj);
}

impl Vm {
    /// Report an exception that cannot be raised (`sys.unraisablehook`'s
    /// default output).
    pub fn write_unraisable(&self, e: &crate::PyBaseExceptionRef, obj: Option<&PyObjectRef>) {
        let mut text = String::new();
        if let Some(o) = obj {
            text.push_str(&format!(
                "Exception ignored in: {}\n",
                self.repr_string(o)
                    .unwrap_or_else(|_| "<object repr() failed>".into())
            ));
        }
        text.push_str(&crate::eval::traceback::format_exception(self, e));
        crate::modules::sys::flush_stdout(self);
        match self.sys_attr("stderr") {
            Ok(s) => {
                let _ = self.write_to(&s, &text);
            }
            Err(_) => eprint!("{text}"),
        }
    }
}
