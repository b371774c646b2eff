//! Functions, lambdas and classes: defaults and keyword-only defaults,
//! annotations (the `MAKE_FUNCTION` 0x04 tuple, stringized under
//! `from __future__ import annotations`), decorators, closures
//! (`LOAD_CLOSURE` + `BUILD_TUPLE` + `MAKE_FUNCTION` 0x08), docstrings and
//! class bodies (`LOAD_BUILD_CLASS`, `__module__`, `__qualname__`,
//! `__classcell__`).
//!
//! Mirrors `compiler_function`, `compiler_lambda`, `compiler_class`,
//! `compiler_make_closure`, `compiler_default_arguments` and
//! `compiler_visit_annotations` of CPython 3.11 `Python/compile.c`.

use std::rc::Rc;

use pyrite_bytecode::{CodeObject, Constant, Opcode};
use pyrite_parser::ast::{self, Expr, Stmt};
use pyrite_parser::Ranged;

use super::{CResult, Compiler, Ctx, ScopeType};
use crate::symtable::{node_key, Scope};

use Opcode as O;

impl<'a> Compiler<'a> {
    fn check_debug_args(&self, p: &ast::Parameters) -> CResult {
        let all = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .chain(&p.kwonlyargs)
            .map(|x| &x.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwarg.as_deref());
        for a in all {
            if &*a.name == "__debug__" {
                return Err(self.error("cannot assign to __debug__", a.range));
            }
        }
        Ok(())
    }

    /// Push defaults and keyword-only defaults; returns the flag bits.
    fn default_arguments(&mut self, p: &'a ast::Parameters) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.visit_expr(d)?;
            }
            self.emit_arg(O::BUILD_TUPLE, defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys: Vec<Constant> = Vec::new();
        for a in &p.kwonlyargs {
            if let Some(d) = &a.default {
                let m = self.mangle(&a.parameter.name);
                keys.push(Constant::Str(Rc::from(m.as_str())));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys.into()));
            self.emit_arg(O::BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    /// The value pushed for an annotation: the expression, or its source
    /// text under `from __future__ import annotations`.
    pub fn visit_annotation_value(&mut self, e: &'a Expr) -> CResult {
        if self.future_flags & super::CO_FUTURE_ANNOTATIONS != 0 {
            let text = match self.annotation_text.get(&(e as *const Expr as usize)) {
                Some(t) => t.clone(),
                None => crate::unparse::unparse(e, self.source),
            };
            let saved = self.u().loc;
            self.set_loc(e.range());
            self.load_const(Constant::Str(Rc::from(text.as_str())));
            self.u_mut().loc = saved;
            Ok(())
        } else {
            self.visit_expr(e)
        }
    }

    fn argannotation(&mut self, name: &str, ann: Option<&'a Expr>, n: &mut u32) -> CResult {
        let Some(ann) = ann else { return Ok(()) };
        let m = self.mangle(name);
        self.load_const(Constant::Str(Rc::from(m.as_str())));
        if self.future_flags & super::CO_FUTURE_ANNOTATIONS == 0 {
            if let Expr::Starred(s) = ann {
                self.visit_expr(&s.value)?;
                self.emit_arg(O::UNPACK_SEQUENCE, 1);
                *n += 2;
                return Ok(());
            }
        }
        self.visit_annotation_value(ann)?;
        *n += 2;
        Ok(())
    }

    /// Push the annotations tuple; returns whether one was pushed.
    fn visit_annotations(
        &mut self,
        p: &'a ast::Parameters,
        returns: Option<&'a Expr>,
    ) -> CResult<bool> {
        let mut n = 0;
        for a in &p.args {
            self.argannotation(&a.parameter.name, a.parameter.annotation.as_deref(), &mut n)?;
        }
        for a in &p.posonlyargs {
            self.argannotation(&a.parameter.name, a.parameter.annotation.as_deref(), &mut n)?;
        }
        if let Some(v) = &p.vararg {
            self.argannotation(&v.name, v.annotation.as_deref(), &mut n)?;
        }
        for a in &p.kwonlyargs {
            self.argannotation(&a.parameter.name, a.parameter.annotation.as_deref(), &mut n)?;
        }
        if let Some(k) = &p.kwarg {
            self.argannotation(&k.name, k.annotation.as_deref(), &mut n)?;
        }
        self.argannotation("return", returns, &mut n)?;
        if n > 0 {
            self.emit_arg(O::BUILD_TUPLE, n);
            return Ok(true);
        }
        Ok(false)
    }

    fn set_arg_counts(&mut self, p: Option<&ast::Parameters>) {
        if let Some(p) = p {
            let u = self.u_mut();
            u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            u.posonlyargcount = p.posonlyargs.len() as u32;
            u.kwonlyargcount = p.kwonlyargs.len() as u32;
        }
    }

    pub fn compile_function(&mut self, s: &'a Stmt, f: &'a ast::StmtFunctionDef) -> CResult {
        if f.type_params.is_some() {
            return Err(self.error("invalid syntax", s.range()));
        }
        self.check_debug_args(&f.parameters)?;
        for d in &f.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        let srange = self.stmt_range(s);
        let mut firstlineno = self.loc_of(srange).lineno;
        if let Some(d) = f.decorator_list.first() {
            firstlineno = self.loc_of(d.expression.range()).lineno;
        }
        let mut funcflags = self.default_arguments(&f.parameters)?;
        if self.visit_annotations(&f.parameters, f.returns.as_deref())? {
            funcflags |= 0x04;
        }
        let scope_type = if f.is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(&f.name, scope_type, node_key(s), firstlineno)?;
        let doc = match f.body.first() {
            Some(Stmt::Expr(e)) if self.optimize < 2 => match &*e.value {
                Expr::StringLiteral(s) => Some(crate::literal::string_value(self.source, s)),
                _ => None,
            },
            _ => None,
        };
        let has_doc = doc.is_some();
        self.add_const(match doc {
            Some((d, marked)) => crate::fold::str_const(d, marked),
            None => Constant::None,
        });
        self.set_arg_counts(Some(&f.parameters));
        let start = if has_doc { 1 } else { 0 };
        for st in &f.body[start..] {
            self.visit_stmt(st)?;
        }
        let qualname = self.u().qualname.clone();
        let code = self.exit_scope(true)?;
        self.make_closure(code, funcflags, qualname)?;
        self.apply_decorators(&f.decorator_list);
        self.nameop(&f.name, Ctx::Store)
    }

    pub fn apply_decorators(&mut self, decos: &'a [ast::Decorator]) {
        let saved = self.u().loc;
        for d in decos.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit_arg(O::PRECALL, 0);
            self.emit_arg(O::CALL, 0);
        }
        self.u_mut().loc = saved;
    }

    pub fn compile_lambda(&mut self, e: &'a Expr, l: &'a ast::ExprLambda) -> CResult {
        let mut funcflags = 0;
        if let Some(p) = &l.parameters {
            self.check_debug_args(p)?;
            funcflags = self.default_arguments(p)?;
        }
        let lineno = self.loc_of(e.range()).lineno;
        self.enter_scope("<lambda>", ScopeType::Lambda, node_key(e), lineno)?;
        self.add_const(Constant::None);
        self.set_arg_counts(l.parameters.as_deref());
        self.visit_expr(&l.body)?;
        let add_none = if self.ste().generator {
            false
        } else {
            self.emit(O::RETURN_VALUE);
            true
        };
        let qualname = self.u().qualname.clone();
        let code = self.exit_scope(add_none)?;
        self.make_closure(code, funcflags, qualname)
    }

    /// `compiler_make_closure`: push the function made from `code`.
    pub fn make_closure(
        &mut self,
        code: CodeObject,
        mut flags: u32,
        _qualname: Rc<str>,
    ) -> CResult {
        let nfree = code.nfreevars();
        if nfree > 0 {
            let start = code.localsplusnames.len() - nfree;
            for name in &code.localsplusnames[start..] {
                let is_cell = (self.u().scope_type == ScopeType::Class && &**name == "__class__")
                    || self.ste().scope(name) == Scope::Cell;
                let arg = if is_cell {
                    self.u().cellvars.get(name)
                } else {
                    self.u()
                        .freevars
                        .get(name)
                        .map(|i| i + self.u().cellvars.len() as u32)
                };
                let Some(arg) = arg else {
                    return Err(crate::CompileError::Recursion(format!(
                        "internal compiler error: closure lookup of {name} failed"
                    )));
                };
                self.emit_arg(O::LOAD_CLOSURE, arg);
            }
            flags |= 0x08;
            self.emit_arg(O::BUILD_TUPLE, nfree as u32);
        }
        self.load_const(Constant::Code(Rc::new(code)));
        self.emit_arg(O::MAKE_FUNCTION, flags);
        Ok(())
    }

    pub fn compile_class(&mut self, s: &'a Stmt, c: &'a ast::StmtClassDef) -> CResult {
        if c.type_params.is_some() {
            return Err(self.error("invalid syntax", s.range()));
        }
        for d in &c.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        let srange = self.stmt_range(s);
        let mut firstlineno = self.loc_of(srange).lineno;
        if let Some(d) = c.decorator_list.first() {
            firstlineno = self.loc_of(d.expression.range()).lineno;
        }
        self.enter_scope(&c.name, ScopeType::Class, node_key(s), firstlineno)?;
        self.nameop("__name__", Ctx::Load)?;
        self.nameop("__module__", Ctx::Store)?;
        let q = self.u().qualname.clone();
        self.load_const(Constant::Str(q));
        self.nameop("__qualname__", Ctx::Store)?;
        self.compile_body(&c.body)?;
        self.unset_loc();
        if self.ste().needs_class_closure {
            let i = self.u().cellvars.get("__class__").unwrap_or(0);
            self.emit_arg(O::LOAD_CLOSURE, i);
            self.emit_arg(O::COPY, 1);
            self.nameop("__classcell__", Ctx::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(O::RETURN_VALUE);
        let code = self.exit_scope(true)?;
        self.emit(O::PUSH_NULL);
        self.emit(O::LOAD_BUILD_CLASS);
        let name: Rc<str> = Rc::from(c.name.as_str());
        self.make_closure(code, 0, name.clone())?;
        self.load_const(Constant::Str(name));
        let (args, kws): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(2, args, kws)?;
        self.apply_decorators(&c.decorator_list);
        self.nameop(&c.name, Ctx::Store)
    }
}
