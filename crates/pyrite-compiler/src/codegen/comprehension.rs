//! Comprehensions and generator expressions: each is its own function
//! (`<listcomp>`, `<setcomp>`, `<dictcomp>`, `<genexpr>`) called with the
//! iterator of its outermost iterable; async comprehensions use
//! `GET_AITER`/`GET_ANEXT`/`END_ASYNC_FOR`.
//!
//! Mirrors `compiler_comprehension` and the `compiler_*_comprehension_
//! generator` functions of CPython 3.11 `Python/compile.c` (3.11 does not
//! inline comprehensions; that came with PEP 709 in 3.12).

use pyrite_bytecode::{Constant, Opcode};
use pyrite_parser::ast::{self, Expr};

use super::{CResult, Compiler, FBlockKind, ScopeType};
use crate::flowgraph::{Op, NO_BLOCK};
use crate::symtable::node_key;

use Opcode as O;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompType {
    Gen,
    List,
    Set,
    Dict,
}

impl<'a> Compiler<'a> {
    pub fn compile_comprehension(&mut self, e: &'a Expr) -> CResult {
        let (name, typ, generators, elt, val): (
            &str,
            CompType,
            &'a [ast::Comprehension],
            &'a Expr,
            Option<&'a Expr>,
        ) = match e {
            Expr::ListComp(c) => ("<listcomp>", CompType::List, &c.generators, &c.elt, None),
            Expr::SetComp(c) => ("<setcomp>", CompType::Set, &c.generators, &c.elt, None),
            Expr::DictComp(c) => match &c.key {
                Some(k) => (
                    "<dictcomp>",
                    CompType::Dict,
                    &c.generators,
                    k,
                    Some(&*c.value),
                ),
                None => {
                    return Err(
                        self.error_here("dict unpacking cannot be used in dict comprehension")
                    )
                }
            },
            Expr::Generator(c) => ("<genexpr>", CompType::Gen, &c.generators, &c.elt, None),
            _ => unreachable!(),
        };
        let outer_scope = self.u().scope_type;
        let top_level_await = self.is_top_level_await();
        let outermost = &generators[0];
        let lineno = self.loc_of(self.expr_range(e)).lineno;
        self.enter_scope(name, ScopeType::Comprehension, node_key(e), lineno)?;
        self.set_loc(self.expr_range(e));
        let is_async_generator = self.ste().coroutine;
        if is_async_generator
            && typ != CompType::Gen
            && !matches!(
                outer_scope,
                ScopeType::AsyncFunction | ScopeType::Comprehension
            )
            && !top_level_await
        {
            return Err(
                self.error_here("asynchronous comprehension outside of an asynchronous function")
            );
        }
        match typ {
            CompType::List => self.emit_arg(O::BUILD_LIST, 0),
            CompType::Set => self.emit_arg(O::BUILD_SET, 0),
            CompType::Dict => self.emit_arg(O::BUILD_MAP, 0),
            CompType::Gen => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, typ)?;
        if typ != CompType::Gen {
            self.emit(O::RETURN_VALUE);
        }
        let qualname = self.u().qualname.clone();
        let code = self.exit_scope(true)?;
        if top_level_await && is_async_generator {
            let ste = self.u().ste;
            self.st.entries[ste].coroutine = true;
        }
        self.make_closure(code, 0, qualname)?;
        self.visit_comp_iter(&outermost.iter)?;
        if outermost.is_async {
            self.emit(O::GET_AITER);
        } else {
            self.emit(O::GET_ITER);
        }
        self.emit_arg(O::PRECALL, 0);
        self.emit_arg(O::CALL, 0);
        if is_async_generator && typ != CompType::Gen {
            self.emit_arg(O::GET_AWAITABLE, 0);
            self.load_const(Constant::None);
            self.add_yield_from(true);
        }
        Ok(())
    }

    /// A comprehension's iterable gets `fold_iter` (lists become tuples).
    fn visit_comp_iter(&mut self, e: &'a Expr) -> CResult {
        self.visit_iter(e)
    }

    fn comprehension_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        idx: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        typ: CompType,
    ) -> CResult {
        if gens[idx].is_async {
            self.async_comprehension_generator(gens, idx, depth, elt, val, typ)
        } else {
            self.sync_comprehension_generator(gens, idx, depth, elt, val, typ)
        }
    }

    fn comprehension_element(
        &mut self,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        typ: CompType,
        depth: u32,
    ) -> CResult {
        match typ {
            CompType::Gen => {
                self.visit_expr(elt)?;
                self.add_yield();
                self.emit(O::POP_TOP);
            }
            CompType::List => {
                self.visit_expr(elt)?;
                self.emit_arg(O::LIST_APPEND, depth + 1);
            }
            CompType::Set => {
                self.visit_expr(elt)?;
                self.emit_arg(O::SET_ADD, depth + 1);
            }
            CompType::Dict => {
                self.visit_expr(elt)?;
                self.visit_expr(val.unwrap())?;
                self.emit_arg(O::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        idx: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        typ: CompType,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &gens[idx];
        if idx == 0 {
            self.u_mut().argcount = 1;
            self.emit_arg(O::LOAD_FAST, 0);
        } else {
            let elts: Option<&'a [Expr]> = match &gen.iter {
                Expr::List(l) => Some(&l.elts),
                Expr::Tuple(t) => Some(&t.elts),
                _ => None,
            };
            if let Some([single]) = elts {
                if !matches!(single, Expr::Starred(_)) {
                    self.visit_expr(single)?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_iter(&gen.iter)?;
                self.emit(O::GET_ITER);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_next_block(s);
            self.emit_jump(O::FOR_ITER, anchor);
        }
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if idx + 1 < gens.len() {
            self.comprehension_generator(gens, idx + 1, depth, elt, val, typ)?;
        } else {
            self.comprehension_element(elt, val, typ, depth)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(s) = start {
            self.emit_jump(Op::Jump, s);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        idx: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        typ: CompType,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &gens[idx];
        if idx == 0 {
            self.u_mut().argcount = 1;
            self.emit_arg(O::LOAD_FAST, 0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.emit(O::GET_AITER);
        }
        self.use_next_block(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, start, NO_BLOCK)?;
        self.emit_jump(Op::SetupFinally, except);
        self.emit(O::GET_ANEXT);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit(Op::PopBlock);
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if idx + 1 < gens.len() {
            self.comprehension_generator(gens, idx + 1, depth, elt, val, typ)?;
        } else {
            self.comprehension_element(elt, val, typ, depth)?;
        }
        self.use_next_block(if_cleanup);
        self.emit_jump(Op::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.emit(O::END_ASYNC_FOR);
        Ok(())
    }
}
