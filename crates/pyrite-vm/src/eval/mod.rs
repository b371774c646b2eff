//! The bytecode interpreter: frames, the dispatch loop, and instruction
//! bodies grouped by family under `ops/`.

pub mod decode;
pub mod frame;
pub mod r#loop;
pub mod ops;
pub mod traceback;
