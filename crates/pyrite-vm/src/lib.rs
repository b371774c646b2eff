//! The Pyrite virtual machine: builtin types, the eval loop, and modules.
//!
//! Layout: `types/` holds one file per builtin type, `protocol/` the abstract
//! object operations (attribute access, calls, operators, iteration — CPython's
//! `Objects/abstract.c` and `Objects/object.c`), `eval/` the bytecode loop,
//! `modules/` one file per built-in module, `vm.rs` the interpreter state.
#![forbid(unsafe_code)]
#![allow(clippy::module_inception)]

pub mod args;
pub mod compile;
pub mod eval;
pub mod import;
pub mod import_cache;
pub mod interp;
pub mod modules;
pub mod protocol;
pub mod strhash;
pub mod types;
pub mod vm;

pub use args::Args;
pub use pyrite_core::{Payload, PyObjectRef, PyRef};
pub use types::exceptions::PyBaseExceptionRef;
pub use vm::Vm;

/// The result of any operation that may raise: the error is a Python
/// exception object.
pub type PyResult<T = PyObjectRef> = Result<T, PyBaseExceptionRef>;
