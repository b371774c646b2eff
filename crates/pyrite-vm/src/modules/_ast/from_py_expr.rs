//! Expressions and patterns of `from_py.rs`.
