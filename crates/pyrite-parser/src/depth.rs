//! Nesting depth of a parsed tree, measured once after parsing so that deep
//! input is rejected (or walked on a large stack) instead of overflowing the
//! native stack. Mirrors the recursion accounting of CPython 3.11
//! `Python/symtable.c` (`recursion_depth` / `recursion_limit`).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, Mod, Pattern, Stmt};

struct Depth {
    cur: u32,
    max: u32,
}

impl Depth {
    fn enter(&mut self) {
        self.cur += 1;
        self.max = self.max.max(self.cur);
    }
}

impl<'a> Visitor<'a> for Depth {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.enter();
        visitor::walk_stmt(self, stmt);
        self.cur -= 1;
    }
    fn visit_expr(&mut self, expr: &'a Expr) {
        self.enter();
        visitor::walk_expr(self, expr);
        self.cur -= 1;
    }
    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        self.enter();
        visitor::walk_pattern(self, pattern);
        self.cur -= 1;
    }
}

/// Maximum nesting of statements, expressions and patterns in `m`.
pub(crate) fn max_depth(m: &Mod) -> u32 {
    let mut d = Depth { cur: 0, max: 0 };
    match m {
        Mod::Module(m) => visitor::walk_body(&mut d, &m.body),
        Mod::Expression(e) => d.visit_expr(&e.body),
    }
    d.max
}
