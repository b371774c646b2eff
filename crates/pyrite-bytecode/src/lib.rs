//! Pyrite's bytecode: CPython 3.11's instruction set (the one opcode table),
//! code objects as plain data, and the encodings of their side tables.
#![forbid(unsafe_code)]

pub mod code;
pub mod opcodes;

pub use code::{CodeFlags, CodeObject, Constant, LocalKind};
pub use opcodes::Opcode;
pub mod exceptiontable;
pub mod floatrepr;
pub mod linetable;
pub mod marshal;
pub mod pyc;
pub mod surrogate;
