//! Built-in modules, one file per module, named by import name. `init`
//! creates `builtins` and `sys` and registers the others for import.

pub mod _ast;
pub mod _bisect;
pub mod _codecs;
pub mod _codecs_registry;
pub mod _collections;
pub mod _collections_defaultdict;
pub mod _contextvars;
pub mod _csv;
pub mod _datetime;
pub mod _decimal;
pub mod _functools;
pub mod _heapq;
pub mod _imp;
pub mod _imp_finder;
pub mod _io;
pub mod _json;
pub mod _opcode;
pub mod _operator;
pub mod _random;
pub mod _signal;
pub mod _sre;
pub mod _string;
pub mod _struct;
pub mod _thread;
pub mod _warnings;
pub mod _weakref;
pub mod array;
pub mod atexit;
pub mod binascii;
pub mod builtins;
pub mod builtins_docs;
pub mod builtins_exec;
pub mod builtins_functions;
pub mod builtins_site;
pub mod errno;
pub mod gc;
pub mod hashes;
pub mod itertools;
pub mod itertools_comb;
pub mod itertools_group;
pub mod marshal;
pub mod marshal_read;
pub mod math;
pub mod posix;
pub mod posix_fd;
pub mod posix_scandir;
pub mod structseq;
pub mod sys;
pub mod sys_flags;
pub mod time;
pub mod time_calendar;
pub mod time_tz;
pub mod type_cache;
pub mod unicodedata;
pub mod weakref_support;
pub mod zlib;

use crate::types::dict::PyDict;
use crate::types::module::PyModule;
use crate::{PyObjectRef, PyResult, Vm};

impl Vm {
    /// A new module object named `name` with an empty namespace.
    pub fn new_module(&self, name: &str, doc: Option<&str>) -> PyObjectRef {
        let d = self.new_dict();
        self.dict_set_str(&d, "__name__", self.new_str(name));
        self.dict_set_str(
            &d,
            "__doc__",
            doc.map(|s| self.new_str(s))
                .unwrap_or_else(|| self.none.clone()),
        );
        self.dict_set_str(&d, "__package__", self.none.clone());
        self.dict_set_str(&d, "__loader__", self.none.clone());
        self.dict_set_str(&d, "__spec__", self.none.clone());
        self.alloc(PyModule { dict: d }, &self.types.module)
    }

    /// The namespace dict of a module object.
    pub fn module_dict<'a>(&self, m: &'a PyObjectRef) -> Option<&'a PyDict> {
        m.downcast_ref::<PyModule>().map(|m| &*m.dict)
    }

    /// Register a built-in module initialiser (imported on first use).
    pub fn register_builtin_module(
        &self,
        name: &'static str,
        init: fn(&Vm) -> PyResult<PyObjectRef>,
    ) {
        self.builtin_modules.borrow_mut().insert(name, init);
    }
}

/// Create `builtins` and `sys`, and register every other built-in module.
pub fn init(vm: &Vm) -> PyResult<()> {
    vm.register_builtin_module("posix", posix::make);
    vm.register_builtin_module("time", time::make);
    vm.register_builtin_module("_io", _io::make);
    builtins::init(vm)?;
    sys::init(vm)?;
    vm.register_builtin_module("itertools", itertools::make);
    vm.register_builtin_module("_thread", _thread::make);
    vm.register_builtin_module("_collections", _collections::make);
    vm.register_builtin_module("_heapq", _heapq::make);
    vm.register_builtin_module("_json", _json::make);
    vm.register_builtin_module("_datetime", _datetime::make);
    vm.register_builtin_module("_decimal", _decimal::make);
    vm.register_builtin_module("_sre", _sre::make);
    vm.register_builtin_module("_functools", _functools::make);
    vm.register_builtin_module("_string", _string::make);
    vm.register_builtin_module("_codecs", _codecs::make);
    vm.register_builtin_module("_weakref", _weakref::make);
    vm.register_builtin_module("gc", gc::make);
    vm.register_builtin_module("marshal", marshal::make);
    vm.register_builtin_module("_opcode", _opcode::make);
    vm.register_builtin_module("_imp", _imp::make);
    vm.register_builtin_module("math", math::make);
    vm.register_builtin_module("_struct", _struct::make);
    vm.register_builtin_module("_random", _random::make);
    vm.register_builtin_module("binascii", binascii::make);
    vm.register_builtin_module("_bisect", _bisect::make);
    vm.register_builtin_module("_ast", _ast::make);
    vm.register_builtin_module("_operator", _operator::make);
    vm.register_builtin_module("_warnings", _warnings::make);
    vm.register_builtin_module("zlib", zlib::make);
    vm.register_builtin_module("_csv", _csv::make);
    vm.register_builtin_module("errno", errno::make);
    vm.register_builtin_module("atexit", atexit::make);
    vm.register_builtin_module("array", array::make);
    vm.register_builtin_module("_signal", _signal::make);
    vm.register_builtin_module("_contextvars", _contextvars::make);
    vm.register_builtin_module("_md5", hashes::make_md5);
    vm.register_builtin_module("_sha1", hashes::make_sha1);
    vm.register_builtin_module("_sha256", hashes::make_sha256);
    vm.register_builtin_module("_sha512", hashes::make_sha512);
    vm.register_builtin_module("_sha3", hashes::make_sha3);
    vm.register_builtin_module("_blake2", hashes::make_blake2);
    vm.register_builtin_module("unicodedata", unicodedata::make);
    let mut names: Vec<&'static str> = vm.builtin_modules.borrow().keys().copied().collect();
    names.extend(["builtins", "sys"]);
    names.sort_unstable();
    let t = vm.new_tuple(names.iter().map(|n| vm.new_str(*n)).collect());
    vm.set_attr_str(
        &vm.sys_attr("path")
            .map(|_| ())
            .and_then(|_| vm.import_absolute("sys"))?,
        "builtin_module_names",
        t,
    )?;
    structseq::init_sys(vm)?;
    Ok(())
}
