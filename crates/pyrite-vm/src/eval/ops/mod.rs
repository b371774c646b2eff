//! Instruction bodies, grouped by family (boa groups its opcodes the same
//! way). Each function takes the VM, the current frame and the argument.

pub mod attrs;
pub mod build;
pub mod call;
pub mod control;
pub mod exceptions;
pub mod generator;
pub mod import;
pub mod locals;
pub mod matching;
pub mod names;
pub mod trace;
pub mod with;
