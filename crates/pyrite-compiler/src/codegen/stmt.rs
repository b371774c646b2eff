//! Statements: assignment forms, control flow (`if`, `while`, `for`,
//! `break`/`continue`/`return`), `try`/`except`/`finally` (and `except*`),
//! `with`, `raise`, `assert`, imports and `del`.
//!
//! Mirrors the statement half of CPython 3.11 `Python/compile.c`
//! (`compiler_visit_stmt` and the `compiler_if`/`compiler_for`/
//! `compiler_try_*`/`compiler_with` family), including its exception-table
//! shapes: `SETUP_*`/`POP_BLOCK` pseudo-ops, `PUSH_EXC_INFO`,
//! `POP_EXCEPT`, `RERAISE`, the hidden `finally` that deletes an
//! `except ... as e` name, and the `finally` body duplicated on the
//! normal path.

use std::rc::Rc;

use pyrite_bytecode::{Constant, Opcode};
use pyrite_parser::ast::{self, Expr, Stmt};
use pyrite_parser::Ranged;
use ruff_text_size::TextRange;

use super::{CResult, Compiler, Ctx, FBlockKind, ScopeType};
use crate::flowgraph::{Op, NO_BLOCK};
use crate::symtable::BlockType;

use Opcode as O;

impl<'a> Compiler<'a> {
    pub fn visit_stmt(&mut self, s: &'a Stmt) -> CResult {
        let r = self.stmt_range(s);
        self.set_loc(r);
        match s {
            Stmt::FunctionDef(f) => self.compile_function(s, f),
            Stmt::ClassDef(c) => self.compile_class(s, c),
            Stmt::Return(ret) => self.compile_return(s, ret),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i < n - 1 {
                        self.emit_arg(O::COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.compile_augassign(s, a),
            Stmt::AnnAssign(a) => self.compile_annassign(a),
            Stmt::For(f) => {
                if f.is_async {
                    self.compile_async_for(f)
                } else {
                    self.compile_for(f)
                }
            }
            Stmt::While(w) => self.compile_while(s, w),
            Stmt::If(i) => self.compile_if(&i.test, &i.body, &i.elif_else_clauses),
            Stmt::Match(m) => self.compile_match(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit_arg(O::RAISE_VARARGS, n);
                self.next_block();
                Ok(())
            }
            Stmt::Try(t) => {
                if t.is_star {
                    if !t.finalbody.is_empty() {
                        self.compile_try_finally(t, true)
                    } else {
                        self.compile_try_star_except(t)
                    }
                } else if !t.finalbody.is_empty() {
                    self.compile_try_finally(t, false)
                } else {
                    self.compile_try_except(t)
                }
            }
            Stmt::Assert(a) => self.compile_assert(a),
            Stmt::Import(i) => self.compile_import(i),
            Stmt::ImportFrom(i) => self.compile_from_import(s, i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => self.compile_stmt_expr(&e.value),
            Stmt::Pass(_) => {
                self.emit(O::NOP);
                Ok(())
            }
            Stmt::Break(_) => self.compile_break(),
            Stmt::Continue(_) => self.compile_continue(),
            Stmt::With(w) => {
                if w.is_async {
                    self.compile_async_with(s, w, 0)
                } else {
                    self.compile_with(s, w, 0)
                }
            }
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => Err(self.error("invalid syntax", r)),
        }
    }

    fn compile_stmt_expr(&mut self, value: &'a Expr) -> CResult {
        if self.interactive && self.units.len() <= 1 {
            self.visit_expr(value)?;
            self.emit(O::PRINT_EXPR);
            return Ok(());
        }
        if self.fold(value).is_some() {
            // Constant statement: ignored, but keeps its line.
            self.emit(O::NOP);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.unset_loc();
        self.emit(O::POP_TOP);
        Ok(())
    }

    fn compile_return(&mut self, s: &'a Stmt, ret: &'a ast::StmtReturn) -> CResult {
        let value = ret.value.as_deref();
        let folded = value.and_then(|v| self.fold(v));
        let preserve_tos = value.is_some() && folded.is_none();
        if self.ste().typ != BlockType::Function {
            return Err(self.error_here("'return' outside function"));
        }
        if value.is_some() && self.ste().coroutine && self.ste().generator {
            return Err(self.error_here("'return' with value in async generator"));
        }
        if preserve_tos {
            self.visit_expr(value.unwrap())?;
        } else if let Some(v) = value {
            self.set_loc(v.range());
            self.emit(O::NOP);
        }
        let srange = self.stmt_range(s);
        let s_line = self.li.line_of(u32::from(srange.start()));
        if value
            .map(|v| self.li.line_of(u32::from(v.range().start())) != s_line)
            .unwrap_or(true)
        {
            self.set_loc(srange);
            self.emit(O::NOP);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match (value, folded) {
            (None, _) => self.load_const(Constant::None),
            (Some(_), Some(c)) => self.load_const(c),
            _ => {}
        }
        self.emit(O::RETURN_VALUE);
        Ok(())
    }

    fn compile_break(&mut self) -> CResult {
        self.emit(O::NOP);
        let lp = self.unwind_fblock_stack(false, true)?;
        let Some(lp) = lp else {
            return Err(self.error_here("'break' outside loop"));
        };
        self.unwind_fblock(&lp, false)?;
        self.emit_jump(Op::Jump, lp.exit);
        self.next_block();
        Ok(())
    }

    fn compile_continue(&mut self) -> CResult {
        self.emit(O::NOP);
        let lp = self.unwind_fblock_stack(false, true)?;
        let Some(lp) = lp else {
            return Err(self.error_here("'continue' not properly in loop"));
        };
        self.emit_jump(Op::Jump, lp.block);
        self.next_block();
        Ok(())
    }

    fn compile_if(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        clauses: &'a [ast::ElifElseClause],
    ) -> CResult {
        let end = self.new_block();
        let next = if clauses.is_empty() {
            end
        } else {
            self.new_block()
        };
        self.jump_if(test, next, false)?;
        self.visit_body(body)?;
        if let Some((first, rest)) = clauses.split_first() {
            self.emit_jump_noline(Op::Jump, end);
            self.use_next_block(next);
            match &first.test {
                Some(t) => {
                    // An `elif` is a nested `if` statement in CPython's AST.
                    let end_r = clauses.last().unwrap().range.end();
                    self.set_loc(TextRange::new(first.range.start(), end_r));
                    self.compile_if(t, &first.body, rest)?;
                }
                None => self.visit_body(&first.body)?,
            }
        }
        self.use_next_block(end);
        Ok(())
    }

    fn compile_while(&mut self, s: &'a Stmt, w: &'a ast::StmtWhile) -> CResult {
        let lp = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(lp);
        self.push_fblock(FBlockKind::WhileLoop, lp, end)?;
        self.jump_if(&w.test, anchor, false)?;
        self.use_next_block(body);
        self.visit_body(&w.body)?;
        self.set_loc(s.range());
        self.jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.visit_body(&w.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn compile_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlockKind::ForLoop, start, end)?;
        self.visit_iter(&f.iter)?;
        self.emit(O::GET_ITER);
        self.use_next_block(start);
        self.emit_jump(O::FOR_ITER, cleanup);
        self.use_next_block(body);
        self.visit_expr(&f.target)?;
        self.visit_body(&f.body)?;
        self.unset_loc();
        self.emit_jump(Op::Jump, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.visit_body(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn check_async_allowed(&mut self, what: &str) -> CResult {
        if self.is_top_level_await() {
            let ste = self.u().ste;
            self.st.entries[ste].coroutine = true;
        } else if self.u().scope_type != ScopeType::AsyncFunction {
            return Err(self.error_here(&format!("'{what}' outside async function")));
        }
        Ok(())
    }

    pub fn is_top_level_await(&self) -> bool {
        self.flags.top_level_await && self.u().scope_type == ScopeType::Module
    }

    fn compile_async_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        self.check_async_allowed("async for")?;
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(&f.iter)?;
        self.emit(O::GET_AITER);
        self.use_next_block(start);
        self.push_fblock(FBlockKind::ForLoop, start, end)?;
        self.emit_jump(Op::SetupFinally, except);
        self.emit(O::GET_ANEXT);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit(Op::PopBlock);
        self.visit_expr(&f.target)?;
        self.visit_body(&f.body)?;
        self.unset_loc();
        self.emit_jump(Op::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.set_loc(f.iter.range());
        self.emit(O::END_ASYNC_FOR);
        self.visit_body(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit_arg(O::COPY, 3);
        self.emit(O::POP_EXCEPT);
        self.emit_arg(O::RERAISE, 1);
    }

    fn compile_try_finally(&mut self, t: &'a ast::StmtTry, star: bool) -> CResult {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, end);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::FinallyTry(&t.finalbody), body, end)?;
        if !t.handlers.is_empty() {
            if star {
                self.compile_try_star_except(t)?;
            } else {
                self.compile_try_except(t)?;
            }
        } else {
            self.visit_body(&t.body)?;
        }
        self.emit_noline(Op::PopBlock, 0);
        self.pop_fblock();
        self.visit_body(&t.finalbody)?;
        self.emit_jump_noline(Op::Jump, exit);
        // The `finally` block for the exceptional path.
        self.use_next_block(end);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(O::PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::FinallyEnd, end, NO_BLOCK)?;
        self.visit_body(&t.finalbody)?;
        self.pop_fblock();
        self.emit_arg(O::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    fn compile_try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, except);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::TryExcept, body, NO_BLOCK)?;
        self.visit_body(&t.body)?;
        self.pop_fblock();
        self.emit_noline(Op::PopBlock, 0);
        self.visit_body(&t.orelse)?;
        self.emit_jump_noline(Op::Jump, end);
        let n = t.handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(O::PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::ExceptionHandler, NO_BLOCK, NO_BLOCK)?;
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i < n - 1 {
                return Err(self.error_here("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(O::CHECK_EXC_MATCH);
                self.emit_jump(Op::PopJumpIfFalse, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, Ctx::Store)?;
                self.emit_jump(Op::SetupCleanup, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(Some(name.to_string())),
                    cleanup_body,
                    NO_BLOCK,
                )?;
                self.visit_body(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit(Op::PopBlock);
                self.emit(Op::PopBlock);
                self.emit(O::POP_EXCEPT);
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
                self.emit_jump(Op::Jump, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
                self.emit_arg(O::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(O::POP_TOP);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup(None), cleanup_body, NO_BLOCK)?;
                self.visit_body(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit(Op::PopBlock);
                self.emit(O::POP_EXCEPT);
                self.emit_jump(Op::Jump, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit_arg(O::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    fn compile_try_star_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.emit_jump(Op::SetupFinally, except);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::TryExcept, body, NO_BLOCK)?;
        self.visit_body(&t.body)?;
        self.pop_fblock();
        self.emit_noline(Op::PopBlock, 0);
        self.emit_jump_noline(Op::Jump, orelse);
        let n = t.handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(O::PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, NO_BLOCK, NO_BLOCK)?;
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                self.emit_arg(O::COPY, 1);
                self.emit_arg(O::BUILD_LIST, 0);
                self.emit_arg(O::SWAP, 2);
            }
            match &h.type_ {
                Some(ty) => {
                    if let Expr::Tuple(_) | Expr::Name(_) | Expr::Attribute(_) = &**ty {}
                    self.visit_expr(ty)?;
                    self.emit(O::CHECK_EG_MATCH);
                    self.emit_arg(O::COPY, 1);
                    self.emit_jump(Op::PopJumpIfNone, no_match);
                }
                None => return Err(self.error_here("expected one or more exception types")),
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, Ctx::Store)?,
                None => self.emit(O::POP_TOP),
            }
            self.emit_jump(Op::SetupCleanup, cleanup_end);
            self.use_next_block(cleanup_body);
            self.push_fblock(
                FBlockKind::HandlerCleanup(h.name.as_ref().map(|n| n.to_string())),
                cleanup_body,
                NO_BLOCK,
            )?;
            self.visit_body(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.emit(Op::PopBlock);
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
            }
            self.emit_jump(Op::Jump, except);
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
            }
            self.emit_arg(O::LIST_APPEND, 3);
            self.emit(O::POP_TOP);
            self.emit_jump(Op::Jump, except_with_error);
            self.use_next_block(except);
            self.emit(O::NOP);
            self.emit_jump(Op::Jump, except_with_error);
            self.use_next_block(no_match);
            self.emit(O::POP_TOP);
            self.use_next_block(except_with_error);
            if i == n - 1 {
                self.emit_arg(O::LIST_APPEND, 1);
                self.emit_jump(Op::Jump, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_next_block(reraise_star);
        self.emit(O::PREP_RERAISE_STAR);
        self.emit_arg(O::COPY, 1);
        self.emit_jump(Op::PopJumpIfNotNone, reraise);
        self.emit(O::POP_TOP);
        self.emit(Op::PopBlock);
        self.emit(O::POP_EXCEPT);
        self.emit_jump(Op::Jump, end);
        self.use_next_block(reraise);
        self.emit(Op::PopBlock);
        self.emit_arg(O::SWAP, 2);
        self.emit(O::POP_EXCEPT);
        self.emit_arg(O::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(orelse);
        self.visit_body(&t.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: usize) {
        self.unset_loc();
        let exit = self.new_block();
        self.emit_jump(Op::PopJumpIfTrue, exit);
        self.emit_arg(O::RERAISE, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.emit(O::POP_TOP);
        self.emit(Op::PopBlock);
        self.emit(O::POP_EXCEPT);
        self.emit(O::POP_TOP);
        self.emit(O::POP_TOP);
    }

    fn compile_with(&mut self, s: &'a Stmt, w: &'a ast::StmtWith, pos: usize) -> CResult {
        let item = &w.items[pos];
        let block = self.new_block();
        let fin = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.emit(O::BEFORE_WITH);
        self.emit_jump(Op::SetupWith, fin);
        self.use_next_block(block);
        let srange = self.stmt_range(s);
        self.push_fblock(FBlockKind::With(srange), block, fin)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(O::POP_TOP),
        }
        if pos + 1 == w.items.len() {
            self.visit_body(&w.body)?;
        } else {
            self.compile_with(s, w, pos + 1)?;
        }
        self.unset_loc();
        self.emit(Op::PopBlock);
        self.pop_fblock();
        self.set_loc(srange);
        self.call_exit_with_nones();
        self.emit(O::POP_TOP);
        self.emit_jump(Op::Jump, exit);
        self.use_next_block(fin);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(O::PUSH_EXC_INFO);
        self.emit(O::WITH_EXCEPT_START);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    fn compile_async_with(&mut self, s: &'a Stmt, w: &'a ast::StmtWith, pos: usize) -> CResult {
        self.check_async_allowed("async with")?;
        let item = &w.items[pos];
        let block = self.new_block();
        let fin = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.emit(O::BEFORE_ASYNC_WITH);
        self.emit_arg(O::GET_AWAITABLE, 1);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit_jump(Op::SetupWith, fin);
        self.use_next_block(block);
        let srange = self.stmt_range(s);
        self.push_fblock(FBlockKind::AsyncWith(srange), block, fin)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(O::POP_TOP),
        }
        if pos + 1 == w.items.len() {
            self.visit_body(&w.body)?;
        } else {
            self.compile_async_with(s, w, pos + 1)?;
        }
        self.pop_fblock();
        self.emit(Op::PopBlock);
        self.set_loc(srange);
        self.call_exit_with_nones();
        self.emit_arg(O::GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit(O::POP_TOP);
        self.emit_jump(Op::Jump, exit);
        self.use_next_block(fin);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(O::PUSH_EXC_INFO);
        self.emit(O::WITH_EXCEPT_START);
        self.emit_arg(O::GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    fn compile_assert(&mut self, a: &'a ast::StmtAssert) -> CResult {
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_block();
        self.jump_if(&a.test, end, true)?;
        self.emit(O::LOAD_ASSERTION_ERROR);
        if let Some(m) = &a.msg {
            self.visit_expr(m)?;
            self.emit_arg(O::PRECALL, 0);
            self.emit_arg(O::CALL, 0);
        }
        self.emit_arg(O::RAISE_VARARGS, 1);
        self.use_next_block(end);
        Ok(())
    }

    fn compile_import(&mut self, i: &'a ast::StmtImport) -> CResult {
        for alias in &i.names {
            self.load_const(Constant::Int(0.into()));
            self.load_const(Constant::None);
            self.emit_name(O::IMPORT_NAME, &alias.name);
            let name: &str = &alias.name;
            if let Some(asname) = &alias.asname {
                if let Some(dot) = name.find('.') {
                    let parts: Vec<&str> = name[dot + 1..].split('.').collect();
                    for (k, attr) in parts.iter().enumerate() {
                        let idx = self.u_mut().names.add(attr);
                        self.emit_arg(O::IMPORT_FROM, idx);
                        if k + 1 < parts.len() {
                            self.emit_arg(O::SWAP, 2);
                            self.emit(O::POP_TOP);
                        }
                    }
                    self.nameop(asname, Ctx::Store)?;
                    self.emit(O::POP_TOP);
                } else {
                    self.nameop(asname, Ctx::Store)?;
                }
            } else {
                let first = name.split('.').next().unwrap_or(name);
                self.nameop(first, Ctx::Store)?;
            }
        }
        Ok(())
    }

    fn compile_from_import(&mut self, s: &'a Stmt, i: &'a ast::StmtImportFrom) -> CResult {
        self.load_const(Constant::Int(i.level.into()));
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(Rc::from(a.name.as_str())))
            .collect();
        let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        if module == "__future__" && !self.future_ok(s) {
            return Err(
                self.error_here("from __future__ imports must occur at the beginning of the file")
            );
        }
        self.load_const(Constant::Tuple(names.into()));
        self.emit_name(O::IMPORT_NAME, module);
        for (k, alias) in i.names.iter().enumerate() {
            if k == 0 && alias.name.starts_with('*') {
                self.emit(O::IMPORT_STAR);
                return Ok(());
            }
            self.emit_name(O::IMPORT_FROM, &alias.name);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(store, Ctx::Store)?;
        }
        self.emit(O::POP_TOP);
        Ok(())
    }

    fn compile_augassign(&mut self, s: &'a Stmt, a: &'a ast::StmtAugAssign) -> CResult {
        let e = &*a.target;
        let stmt_loc = self.u().loc;
        self.set_loc(e.range());
        match e {
            Expr::Attribute(at) => {
                self.visit_expr(&at.value)?;
                self.emit_arg(O::COPY, 1);
                self.update_start_location_to_match_attr(at);
                self.emit_name(O::LOAD_ATTR, &at.attr);
            }
            Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                self.visit_expr(&sub.slice)?;
                self.emit_arg(O::COPY, 2);
                self.emit_arg(O::COPY, 2);
                self.emit(O::BINARY_SUBSCR);
            }
            Expr::Name(n) => self.nameop(&n.id, Ctx::Load)?,
            _ => {
                return Err(self.error(
                    "'expression' is an illegal expression for augmented assignment",
                    s.range(),
                ))
            }
        }
        self.u_mut().loc = stmt_loc;
        self.visit_expr(&a.value)?;
        self.emit_arg(
            O::BINARY_OP,
            super::expr::binop_arg(a.op) + pyrite_bytecode::opcodes::nb::INPLACE,
        );
        self.set_loc(e.range());
        match e {
            Expr::Attribute(at) => {
                self.update_start_location_to_match_attr(at);
                self.emit_arg(O::SWAP, 2);
                self.emit_name(O::STORE_ATTR, &at.attr);
            }
            Expr::Subscript(_) => {
                self.emit_arg(O::SWAP, 3);
                self.emit_arg(O::SWAP, 2);
                self.emit(O::STORE_SUBSCR);
            }
            Expr::Name(n) => self.nameop(&n.id, Ctx::Store)?,
            _ => {}
        }
        Ok(())
    }

    fn compile_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_expr(&a.target)?;
        }
        match &*a.target {
            Expr::Name(n) => {
                self.check_forbidden(&n.id, Ctx::Store)?;
                if a.simple && matches!(self.u().scope_type, ScopeType::Module | ScopeType::Class) {
                    self.visit_annotation_value(&a.annotation)?;
                    let idx = self.u_mut().names.add("__annotations__");
                    self.emit_arg(O::LOAD_NAME, idx);
                    let mangled = self.mangle(&n.id);
                    self.load_const(Constant::Str(Rc::from(mangled.as_str())));
                    self.emit(O::STORE_SUBSCR);
                }
            }
            Expr::Attribute(at) => {
                self.check_forbidden(&at.attr, Ctx::Store)?;
                if a.value.is_none() {
                    self.visit_expr(&at.value)?;
                    self.emit(O::POP_TOP);
                }
            }
            Expr::Subscript(sub) => {
                if a.value.is_none() {
                    self.visit_expr(&sub.value)?;
                    self.emit(O::POP_TOP);
                    self.check_ann_subscr(&sub.slice)?;
                }
            }
            _ => return Err(self.error_here("invalid node type for annotated assignment")),
        }
        if !a.simple
            && self.future_flags & super::CO_FUTURE_ANNOTATIONS == 0
            && matches!(self.u().scope_type, ScopeType::Module | ScopeType::Class)
        {
            self.visit_expr(&a.annotation)?;
            self.emit(O::POP_TOP);
        }
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(x)?;
                    self.emit(O::POP_TOP);
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.check_ann_subscr(x)?;
                }
            }
            _ => {
                self.visit_expr(e)?;
                self.emit(O::POP_TOP);
            }
        }
        Ok(())
    }

    /// Whether a `from __future__` import at `s` is where it may be.
    fn future_ok(&self, s: &Stmt) -> bool {
        let key = s as *const Stmt as usize;
        self.future_positions.contains(&key)
    }
}
