//! Annotations as strings for `from __future__ import annotations`.
//!
//! CPython 3.11 unparses the annotation's AST (`Python/ast_unparse.c`);
//! here the annotation's own source text is used, with line breaks and
//! runs of whitespace collapsed. The two agree for annotations written in
//! the canonical style; see the dis corpus's KNOWN_DIFFERENCES.md.

use pyrite_parser::ast::Expr;
use pyrite_parser::Ranged;

/// The string stored for annotation `e`.
pub fn unparse(e: &Expr, source: &str) -> String {
    let text = &source[e.range()];
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for ch in text.chars() {
        if ch == '\n' || ch == '\r' || ch == '\\' {
            continue;
        }
        if ch.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(ch);
            last_space = false;
        }
    }
    out
}
