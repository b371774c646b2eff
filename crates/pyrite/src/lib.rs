//! Pyrite's embedding API: make an interpreter, run source, call
//! functions, convert values, capture output. The only public surface of
//! the project; everything else is an implementation crate.
#![forbid(unsafe_code)]

use std::path::Path;
use std::rc::Rc;

pub use pyrite_vm::interp::Config;
pub use pyrite_vm::{PyObjectRef, PyResult, Vm};

/// An error escaping to the embedder: a Python exception, rendered.
#[derive(Debug, Clone)]
pub struct PyError {
    /// The exception class name (`ZeroDivisionError`).
    pub kind: String,
    /// `str(exception)`.
    pub message: String,
    /// The full traceback text CPython would print.
    pub traceback: String,
    /// For `SystemExit`: the exit status it asks for.
    pub exit_code: Option<i32>,
}

impl std::fmt::Display for PyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.traceback.trim_end())
    }
}

impl std::error::Error for PyError {}

/// A Python interpreter.
pub struct Interpreter {
    vm: Rc<Vm>,
}

/// Whether a script file is compiled code rather than source (CPython's
/// `maybe_pyc_file`: a `.pyc` name, or contents starting with the magic).
pub fn is_pyc_file(name: &str, data: &[u8]) -> bool {
    name.ends_with(".pyc") || data.starts_with(&pyrite_bytecode::marshal::PYC_MAGIC[..2])
}

/// The directory of CPython's pure-Python standard library, if known.
pub fn stdlib_dir() -> Option<String> {
    if let Ok(d) = std::env::var("PYRITE_STDLIB") {
        if !d.is_empty() {
            return Some(d);
        }
    }
    let d = env!("PYRITE_DEFAULT_STDLIB");
    if !d.is_empty() && Path::new(d).is_dir() {
        return Some(d.to_string());
    }
    ["/usr/lib/python3.11", "/usr/local/lib/python3.11"]
        .iter()
        .find(|p| Path::new(p).join("os.py").is_file())
        .map(|s| s.to_string())
}

impl Interpreter {
    /// An interpreter with default settings (`sys.path` = the current
    /// directory and the standard library).
    pub fn new() -> Result<Interpreter, String> {
        let mut c = Config::default();
        c.path.push(String::new());
        if let Some(d) = stdlib_dir() {
            c.path.push(d);
        }
        Interpreter::with_config(c)
    }

    pub fn with_config(config: Config) -> Result<Interpreter, String> {
        Ok(Interpreter {
            vm: Vm::new(config)?,
        })
    }

    /// The underlying VM, for advanced use (types, protocols).
    pub fn vm(&self) -> &Vm {
        &self.vm
    }

    /// Turn a Python exception into a [`PyError`].
    pub fn to_error(&self, e: &pyrite_vm::PyBaseExceptionRef) -> PyError {
        let vm = &self.vm;
        let kind = vm.type_name(e.as_object()).to_string();
        let message = vm.str_string(e.as_object()).unwrap_or_default();
        let exit_code = if vm.exc_matches(e, &vm.exc.SystemExit) {
            Some(self.exit_code_of(e))
        } else {
            None
        };
        PyError {
            kind,
            message,
            traceback: pyrite_vm::eval::traceback::format_exception(vm, e),
            exit_code,
        }
    }

    /// The process exit status a `SystemExit` asks for (printing its
    /// message to stderr when it is not an integer, as CPython does).
    pub fn exit_code_of(&self, e: &pyrite_vm::PyBaseExceptionRef) -> i32 {
        let vm = &self.vm;
        let code = vm
            .get_attr_str(e.as_object(), "code")
            .unwrap_or_else(|_| vm.none.clone());
        if code.is(&vm.none) {
            return 0;
        }
        if let Some(i) = pyrite_vm::types::int::as_i64(&code) {
            return i as i32;
        }
        if code
            .downcast_ref::<pyrite_vm::types::int::PyInt>()
            .is_some()
        {
            return -1;
        }
        pyrite_vm::modules::sys::flush_stdout(vm);
        let text = vm.str_string(&code).unwrap_or_default();
        match vm.sys_attr("stderr") {
            Ok(s) => {
                let _ = vm.write_to(&s, &format!("{text}\n"));
                let _ = vm.call_method(&s, "flush", &[]);
            }
            Err(_) => eprintln!("{text}"),
        }
        1
    }

    /// Run a sourceless `.pyc` file (CPython 3.11 format) as `__main__`,
    /// with CPython's errors: a wrong magic number, a header cut short,
    /// and unreadable or non-code contents each raise what `python3`
    /// raises. The header's flags and stamps are not checked (there is no
    /// source to compare with).
    pub fn run_pyc(
        &self,
        data: &[u8],
        filename: &str,
    ) -> Result<(), pyrite_vm::PyBaseExceptionRef> {
        let vm = &self.vm;
        if data.len() < 4 || data[..4] != pyrite_bytecode::marshal::PYC_MAGIC {
            return Err(vm.new_exception_msg(&vm.exc.RuntimeError, "Bad magic number in .pyc file"));
        }
        if data.len() < pyrite_bytecode::pyc::HEADER_LEN {
            return Err(vm.new_exception_msg(&vm.exc.EOFError, "EOF read where not expected"));
        }
        let co = pyrite_bytecode::marshal::loads_code(&data[pyrite_bytecode::pyc::HEADER_LEN..])
            .map_err(|_| {
                vm.new_exception_msg(&vm.exc.RuntimeError, "Bad code object in .pyc file")
            })?;
        let code = vm.new_code(Rc::new(co));
        self.run_code_as_main_with(&code, filename, true)
    }

    /// Run `source` as the `__main__` module.
    pub fn run_main(
        &self,
        source: &str,
        filename: &str,
    ) -> Result<(), pyrite_vm::PyBaseExceptionRef> {
        let code = self
            .vm
            .compile(source, filename, pyrite_parser::Mode::Exec)?;
        self.run_code_as_main(&code, filename)
    }

    /// Run a code object as the `__main__` module.
    pub fn run_code_as_main(
        &self,
        code: &PyObjectRef,
        filename: &str,
    ) -> Result<(), pyrite_vm::PyBaseExceptionRef> {
        self.run_code_as_main_with(code, filename, false)
    }

    /// `run_code_as_main` (`sourceless`: the code came from a `.pyc`).
    fn run_code_as_main_with(
        &self,
        code: &PyObjectRef,
        filename: &str,
        sourceless: bool,
    ) -> Result<(), pyrite_vm::PyBaseExceptionRef> {
        let vm = &self.vm;
        let main = vm.new_module("__main__", None);
        let d = vm.module_dict(&main).expect("module");
        vm.dict_set_str(
            d,
            "__builtins__",
            vm.builtins_module
                .borrow()
                .clone()
                .unwrap_or_else(|| vm.none.clone()),
        );
        if filename != "<string>" && filename != "<stdin>" {
            vm.dict_set_str(d, "__file__", vm.new_str(filename));
        }
        // CPython gives a script (source or sourceless, or stdin) a
        // `__cached__` of None; `-c` code gets none.
        if sourceless || filename != "<string>" {
            vm.dict_set_str(d, "__cached__", vm.none.clone());
        }
        vm.modules
            .set_item(vm, vm.new_str("__main__"), main.clone())?;
        let g = main
            .downcast_ref::<pyrite_vm::types::module::PyModule>()
            .expect("module")
            .dict
            .as_object()
            .clone();
        pyrite_vm::eval::r#loop::run_code(vm, code, &g, Some(g.clone()))?;
        Ok(())
    }

    /// Run source text in a fresh `__main__`; errors are rendered.
    pub fn run(&self, source: &str) -> Result<(), PyError> {
        self.run_main(source, "<string>")
            .map_err(|e| self.to_error(&e))
    }

    /// Flush buffered output.
    pub fn flush(&self) {
        self.vm.finish();
    }
}

impl Interpreter {
    /// `python -m module`, as CPython does it: an empty `__main__` module,
    /// then `runpy._run_module_as_main(name)` (which finds the module or
    /// the package's `__main__`, imports the parent packages, sets
    /// `__spec__`/`__package__`/`sys.argv[0]` and runs the code in
    /// `__main__`'s namespace).
    pub fn run_module(&self, name: &str) -> Result<(), pyrite_vm::PyBaseExceptionRef> {
        let vm = &self.vm;
        let main = vm.new_module("__main__", None);
        let d = vm.module_dict(&main).expect("module");
        vm.dict_set_str(
            d,
            "__builtins__",
            vm.builtins_module
                .borrow()
                .clone()
                .unwrap_or_else(|| vm.none.clone()),
        );
        vm.modules
            .set_item(vm, vm.new_str("__main__"), main.clone())?;
        let runpy = vm.import_absolute("runpy")?;
        let run = vm.get_attr_str(&runpy, "_run_module_as_main")?;
        vm.call(&run, &[vm.new_str(name)])?;
        Ok(())
    }
}
