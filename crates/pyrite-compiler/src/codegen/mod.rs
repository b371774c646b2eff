//! The code generator's core: the stack of compilation units (one per code
//! object being built), emitting instructions into the current unit's CFG,
//! name resolution into `LOAD_FAST`/`LOAD_GLOBAL`/`LOAD_DEREF`/`LOAD_NAME`,
//! the frame-block stack used to unwind `break`/`continue`/`return`, and
//! the source locations attached to instructions.
//!
//! Mirrors the unit and helper half of CPython 3.11 `Python/compile.c`
//! (`compiler_enter_scope`, `compiler_exit_scope`, `compiler_nameop`,
//! `compiler_push_fblock`, `compiler_unwind_fblock`, `SET_LOC`, ...). The
//! statement, expression, function/class, comprehension and pattern parts
//! live in the sibling files.

mod comprehension;
mod expr;
mod function;
mod pattern;
mod stmt;

use std::collections::HashMap;
use std::rc::Rc;

use pyrite_bytecode::{CodeObject, Constant, Opcode};
use pyrite_parser::ast::{self, Expr, Stmt};
use pyrite_parser::{LineIndex, Ranged, SyntaxError, SyntaxErrorKind};
use ruff_text_size::{TextRange, TextSize};

use crate::flowgraph::{BlockId, Cfg, ConstPool, Loc, Op, NO_BLOCK};
use crate::symtable::{self, mangle, BlockType, Scope, ScopeId, SymbolTable};
use crate::{CompileError, CompileFlags};

use Opcode as O;

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

/// What kind of code object a unit builds (`COMPILER_SCOPE_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// Frame blocks: what must be undone when control leaves a construct early.
#[derive(Debug, Clone)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With(TextRange),
    AsyncWith(TextRange),
    HandlerCleanup(Option<String>),
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Debug, Clone)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    pub block: BlockId,
    pub exit: BlockId,
}

/// An insertion-ordered name table (`co_names`, `co_varnames`, ...).
#[derive(Debug, Default, Clone)]
pub(crate) struct NameTable {
    pub names: Vec<Rc<str>>,
    map: HashMap<Rc<str>, u32>,
}

impl NameTable {
    pub fn add(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.map.get(name) {
            return i;
        }
        let rc: Rc<str> = Rc::from(name);
        let i = self.names.len() as u32;
        self.names.push(rc.clone());
        self.map.insert(rc, i);
        i
    }
    pub fn get(&self, name: &str) -> Option<u32> {
        self.map.get(name).copied()
    }
    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// One code object under construction (`struct compiler_unit`).
pub(crate) struct Unit<'a> {
    pub ste: ScopeId,
    pub scope_type: ScopeType,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub cfg: Cfg,
    pub consts: ConstPool,
    pub names: NameTable,
    pub varnames: NameTable,
    pub cellvars: NameTable,
    pub freevars: NameTable,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: i32,
    pub loc: Loc,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<Rc<str>>,
}

pub(crate) struct Compiler<'a> {
    pub source: &'a str,
    pub li: &'a LineIndex,
    pub filename: Rc<str>,
    pub st: SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub flags: CompileFlags,
    pub future_flags: u32,
    pub interactive: bool,
    pub optimize: u8,
    /// `from __future__` statements in valid positions (by node key).
    pub future_positions: std::collections::HashSet<usize>,
    /// Annotation strings given by the caller (trees built from AST
    /// objects have no source text), by the annotation node's address.
    pub annotation_text: std::collections::HashMap<usize, String>,
}

/// `co_flags` bit for `from __future__ import annotations`.
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x100_0000;
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x40_0000;

/// Build a syntax error at `range` of `source`.
pub(crate) fn syntax_error(
    source: &str,
    li: &LineIndex,
    filename: &str,
    msg: &str,
    range: TextRange,
) -> CompileError {
    let mut e = SyntaxError::at_range(msg, source, li, range);
    e.kind = SyntaxErrorKind::SyntaxError;
    CompileError::Syntax {
        error: e,
        filename: filename.to_owned(),
    }
}

impl<'a> Compiler<'a> {
    pub fn new(
        source: &'a str,
        li: &'a LineIndex,
        filename: &str,
        st: SymbolTable,
        flags: CompileFlags,
        future_flags: u32,
    ) -> Self {
        Compiler {
            source,
            li,
            filename: Rc::from(filename),
            st,
            units: Vec::new(),
            flags,
            future_flags,
            interactive: false,
            optimize: flags.optimize,
            future_positions: std::collections::HashSet::new(),
            annotation_text: std::collections::HashMap::new(),
        }
    }

    // ----- errors and locations -------------------------------------------------

    pub fn error(&self, msg: &str, range: TextRange) -> CompileError {
        syntax_error(self.source, self.li, &self.filename, msg, range)
    }

    /// An error at the current location (CPython's `compiler_error`).
    pub fn error_here(&self, msg: &str) -> CompileError {
        let l = self.u().loc;
        let mut e = SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, l.lineno.max(1) as u32, 1);
        let line = l.lineno.max(1) as u32;
        let start = self.li.line_start(line);
        let text = self.li.line_text(self.source, line);
        let col_bytes = l.col.max(0) as u32;
        let off = TextSize::from(start + col_bytes.min(text.len() as u32));
        e.offset = self.li.char_col(self.source, off) + 1;
        e.end_lineno = l.end_lineno.max(1) as u32;
        let end_start = self.li.line_start(e.end_lineno);
        let end_text = self.li.line_text(self.source, e.end_lineno);
        let end_off =
            TextSize::from(end_start + (l.end_col.max(0) as u32).min(end_text.len() as u32));
        e.end_offset = self.li.char_col(self.source, end_off) + 1;
        e.text = Some(text.to_owned());
        CompileError::Syntax {
            error: e,
            filename: self.filename.to_string(),
        }
    }

    pub fn loc_of(&self, r: TextRange) -> Loc {
        let (l, c) = self.li.line_col(r.start());
        let (el, ec) = self.li.line_col(r.end());
        Loc {
            lineno: l as i32,
            end_lineno: el as i32,
            col: c as i32,
            end_col: ec as i32,
        }
    }

    /// An expression's range as CPython's AST has it: a generator
    /// expression that is a call's sole argument owns the call's
    /// parentheses.
    pub fn expr_range(&self, e: &Expr) -> TextRange {
        match e {
            Expr::Generator(g) if !g.parenthesized => {
                let b = self.source.as_bytes();
                let mut start = u32::from(g.range.start()) as usize;
                while start > 0 && b[start - 1] != b'(' {
                    start -= 1;
                }
                let mut end = u32::from(g.range.end()) as usize;
                while end < b.len() && b[end] != b')' {
                    end += 1;
                }
                let start = start.saturating_sub(1);
                let end = (end + 1).min(b.len());
                TextRange::new(TextSize::from(start as u32), TextSize::from(end as u32))
            }
            _ => e.range(),
        }
    }

    pub fn set_loc(&mut self, r: TextRange) {
        let l = self.loc_of(r);
        self.u_mut().loc = l;
    }

    pub fn unset_loc(&mut self) {
        self.u_mut().loc.lineno = -1;
    }

    /// Range of a statement as CPython's AST has it (decorated definitions
    /// start at `def`/`class`, not at the first decorator).
    pub fn stmt_range(&self, s: &Stmt) -> TextRange {
        let r = s.range();
        let decorators = match s {
            Stmt::FunctionDef(f) => &f.decorator_list,
            Stmt::ClassDef(c) => &c.decorator_list,
            _ => return r,
        };
        let Some(last) = decorators.last() else {
            return r;
        };
        let mut pos = u32::from(last.range.end()) as usize;
        let b = self.source.as_bytes();
        // Skip to the keyword: whitespace, newlines, comments, and the
        // closing of the decorator line.
        while pos < b.len() {
            match b[pos] {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\\' => pos += 1,
                b'#' => {
                    while pos < b.len() && b[pos] != b'\n' {
                        pos += 1;
                    }
                }
                _ => break,
            }
        }
        TextRange::new(TextSize::from(pos as u32), r.end())
    }

    // ----- units ----------------------------------------------------------------

    pub fn u(&self) -> &Unit<'a> {
        self.units.last().unwrap()
    }
    pub fn u_mut(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }
    pub fn ste(&self) -> &symtable::SymbolTableEntry {
        &self.st.entries[self.u().ste]
    }

    /// `compiler_enter_scope`: start a new code object for the scope opened
    /// by the AST node `key`.
    pub fn enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        key: usize,
        lineno: i32,
    ) -> CResult {
        let ste = self
            .st
            .lookup(key)
            .ok_or_else(|| CompileError::Recursion("internal error: unknown scope".into()))?;
        let entry = &self.st.entries[ste];
        let mut varnames = NameTable::default();
        for v in &entry.varnames {
            varnames.add(v);
        }
        let mut cellvars = NameTable::default();
        for c in entry.names_sorted(Scope::Cell, 0) {
            cellvars.add(&c);
        }
        if entry.needs_class_closure {
            cellvars.add("__class__");
        }
        let mut freevars = NameTable::default();
        let mut frees: Vec<String> = entry
            .symbols
            .iter()
            .filter(|(n, f)| entry.scope(n) == Scope::Free || **f & symtable::DEF_FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        frees.sort();
        for f in frees {
            freevars.add(&f);
        }
        let private = match scope_type {
            ScopeType::Class => Some(Rc::from(name)),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let unit = Unit {
            ste,
            scope_type,
            name: Rc::from(name),
            qualname: Rc::from(name),
            cfg: Cfg::new(),
            consts: ConstPool {
                consts: Vec::new(),
                map: HashMap::new(),
            },
            names: NameTable::default(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno: lineno,
            loc: Loc {
                lineno,
                end_lineno: lineno,
                col: 0,
                end_col: 0,
            },
            fblocks: Vec::new(),
            private,
        };
        self.units.push(unit);
        if scope_type == ScopeType::Module {
            self.u_mut().loc.lineno = 0;
        } else {
            self.set_qualname();
        }
        self.emit_arg(O::RESUME, 0);
        if scope_type == ScopeType::Module {
            self.u_mut().loc.lineno = lineno;
        }
        Ok(())
    }

    fn set_qualname(&mut self) {
        let n = self.units.len();
        if n < 2 {
            return;
        }
        let (u, parent) = (&self.units[n - 1], &self.units[n - 2]);
        let mut force_global = false;
        if matches!(
            u.scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
        ) {
            let mangled = mangle(parent.private.as_deref(), &u.name);
            let scope = self.st.entries[parent.ste].scope(&mangled);
            if scope == Scope::GlobalExplicit {
                force_global = true;
            }
        }
        let qual = if parent.scope_type == ScopeType::Module || force_global {
            u.name.to_string()
        } else if matches!(
            parent.scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
        ) {
            format!("{}.<locals>.{}", parent.qualname, u.name)
        } else {
            format!("{}.{}", parent.qualname, u.name)
        };
        self.u_mut().qualname = Rc::from(qual.as_str());
    }

    /// `compiler_exit_scope` + `assemble`: finish the current unit.
    pub fn exit_scope(&mut self, add_none: bool) -> CResult<CodeObject> {
        let flags = self.code_flags();
        let unit = self.units.pop().unwrap();
        crate::assemble::assemble(unit, add_none, flags, &self.filename)
            .map_err(|m| CompileError::Recursion(format!("internal compiler error: {m}")))
    }

    fn code_flags(&self) -> u32 {
        use pyrite_bytecode::CodeFlags as F;
        let ste = self.ste();
        let mut flags = 0;
        if ste.typ == BlockType::Function {
            flags |= F::NEWLOCALS | F::OPTIMIZED;
            if ste.nested {
                flags |= F::NESTED;
            }
            if ste.generator && !ste.coroutine {
                flags |= F::GENERATOR;
            }
            if !ste.generator && ste.coroutine {
                flags |= F::COROUTINE;
            }
            if ste.generator && ste.coroutine {
                flags |= F::ASYNC_GENERATOR;
            }
            if ste.varargs {
                flags |= F::VARARGS;
            }
            if ste.varkeywords {
                flags |= F::VARKEYWORDS;
            }
        }
        flags |= self.future_flags;
        if self.flags.top_level_await
            && ste.typ == BlockType::Module
            && ste.coroutine
            && !ste.generator
        {
            flags |= F::COROUTINE;
        }
        flags
    }

    // ----- emitting -------------------------------------------------------------

    pub fn emit(&mut self, op: impl Into<Op>) {
        self.emit_arg(op, 0);
    }

    pub fn emit_arg(&mut self, op: impl Into<Op>, arg: u32) {
        let loc = self.u().loc;
        self.u_mut().cfg.emit(op.into(), arg, NO_BLOCK, loc);
    }

    pub fn emit_noline(&mut self, op: impl Into<Op>, arg: u32) {
        let mut loc = self.u().loc;
        loc.lineno = -1;
        self.u_mut().cfg.emit(op.into(), arg, NO_BLOCK, loc);
    }

    pub fn emit_jump(&mut self, op: impl Into<Op>, target: BlockId) {
        let loc = self.u().loc;
        self.u_mut().cfg.emit(op.into(), 0, target, loc);
    }

    pub fn emit_jump_noline(&mut self, op: impl Into<Op>, target: BlockId) {
        let mut loc = self.u().loc;
        loc.lineno = -1;
        self.u_mut().cfg.emit(op.into(), 0, target, loc);
    }

    pub fn new_block(&mut self) -> BlockId {
        self.u_mut().cfg.new_block()
    }

    pub fn use_next_block(&mut self, b: BlockId) {
        self.u_mut().cfg.use_next_block(b);
    }

    pub fn next_block(&mut self) {
        let b = self.new_block();
        self.use_next_block(b);
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        self.u_mut().consts.add(c)
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit_arg(O::LOAD_CONST, i);
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        let m = self.mangle(name);
        self.u_mut().names.add(&m)
    }

    /// `ADDOP_NAME`: an op whose argument is a (mangled) name in `co_names`.
    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let i = self.add_name(name);
        self.emit_arg(op, i);
    }

    pub fn mangle(&self, name: &str) -> String {
        mangle(self.u().private.as_deref(), name)
    }

    // ----- frame blocks ---------------------------------------------------------

    pub fn push_fblock(&mut self, kind: FBlockKind<'a>, block: BlockId, exit: BlockId) -> CResult {
        if self.u().fblocks.len() >= 20 {
            return Err(self.error_here("too many statically nested blocks"));
        }
        self.u_mut().fblocks.push(FBlock { kind, block, exit });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u_mut().fblocks.pop();
    }

    /// `compiler_unwind_fblock`: emit what leaving `info` early requires.
    pub fn unwind_fblock(&mut self, info: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match &info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit_arg(O::SWAP, 2);
                }
                self.emit(O::POP_TOP);
            }
            FBlockKind::TryExcept => self.emit(Op::PopBlock),
            FBlockKind::FinallyTry(body) => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, NO_BLOCK, NO_BLOCK)?;
                }
                self.visit_body(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit_arg(O::SWAP, 2);
                }
                self.emit(O::POP_TOP);
                if preserve_tos {
                    self.emit_arg(O::SWAP, 2);
                }
                self.emit(Op::PopBlock);
                self.emit(O::POP_EXCEPT);
            }
            FBlockKind::With(r) | FBlockKind::AsyncWith(r) => {
                self.set_loc(*r);
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit_arg(O::SWAP, 2);
                }
                self.call_exit_with_nones();
                if matches!(info.kind, FBlockKind::AsyncWith(_)) {
                    self.emit_arg(O::GET_AWAITABLE, 2);
                    self.load_const(Constant::None);
                    self.add_yield_from(true);
                }
                self.emit(O::POP_TOP);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit(Op::PopBlock);
                }
                if preserve_tos {
                    self.emit_arg(O::SWAP, 2);
                }
                self.emit(Op::PopBlock);
                self.emit(O::POP_EXCEPT);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.nameop(n, Ctx::Store)?;
                    self.nameop(n, Ctx::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit_arg(O::SWAP, 2);
                }
                self.emit(O::POP_TOP);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: unwind up to the innermost loop (if
    /// `want_loop`), returning it, or the whole stack.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.u().fblocks.last().cloned() else {
            return Ok(None);
        };
        if matches!(top.kind, FBlockKind::ExceptionGroupHandler) {
            return Err(self
                .error_here("'break', 'continue' and 'return' cannot appear in an except* block"));
        }
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u_mut().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, want_loop)?;
        self.u_mut().fblocks.push(top);
        Ok(r)
    }

    pub fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit_arg(O::PRECALL, 2);
        self.emit_arg(O::CALL, 2);
    }

    /// `ADD_YIELD_FROM`: the `SEND` loop of `yield from` / `await`.
    pub fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.emit_jump(O::SEND, exit);
        self.use_next_block(resume);
        self.emit(O::YIELD_VALUE);
        self.emit_arg(O::RESUME, if is_await { 3 } else { 2 });
        self.emit_jump(Op::JumpNoInterrupt, start);
        self.use_next_block(exit);
    }

    // ----- names ----------------------------------------------------------------

    /// `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: Ctx) -> CResult {
        self.check_forbidden(name, ctx)?;
        let mangled = self.mangle(name);
        let ste = self.ste();
        let scope = ste.scope(&mangled);
        let is_func = ste.typ == BlockType::Function;
        let is_class = ste.typ == BlockType::Class;
        enum Kind {
            Deref(bool),
            Fast,
            Global,
            Name,
        }
        let kind = match scope {
            Scope::Free => Kind::Deref(false),
            Scope::Cell => Kind::Deref(true),
            Scope::Local if is_func => Kind::Fast,
            Scope::GlobalImplicit if is_func => Kind::Global,
            Scope::GlobalExplicit => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Deref(cell) => {
                let op = match ctx {
                    Ctx::Load => {
                        if is_class {
                            O::LOAD_CLASSDEREF
                        } else {
                            O::LOAD_DEREF
                        }
                    }
                    Ctx::Store => O::STORE_DEREF,
                    Ctx::Del => O::DELETE_DEREF,
                };
                let idx = if cell {
                    self.u_mut().cellvars.add(&mangled)
                } else {
                    let ncells = self.u().cellvars.len() as u32;
                    ncells + self.u_mut().freevars.add(&mangled)
                };
                self.emit_arg(op, idx);
            }
            Kind::Fast => {
                let op = match ctx {
                    Ctx::Load => O::LOAD_FAST,
                    Ctx::Store => O::STORE_FAST,
                    Ctx::Del => O::DELETE_FAST,
                };
                let idx = self.u_mut().varnames.add(&mangled);
                self.emit_arg(op, idx);
            }
            Kind::Global => {
                let idx = self.u_mut().names.add(&mangled);
                match ctx {
                    Ctx::Load => self.emit_arg(O::LOAD_GLOBAL, idx << 1),
                    Ctx::Store => self.emit_arg(O::STORE_GLOBAL, idx),
                    Ctx::Del => self.emit_arg(O::DELETE_GLOBAL, idx),
                }
            }
            Kind::Name => {
                let idx = self.u_mut().names.add(&mangled);
                let op = match ctx {
                    Ctx::Load => O::LOAD_NAME,
                    Ctx::Store => O::STORE_NAME,
                    Ctx::Del => O::DELETE_NAME,
                };
                self.emit_arg(op, idx);
            }
        }
        Ok(())
    }

    pub fn check_forbidden(&self, name: &str, ctx: Ctx) -> CResult {
        if ctx == Ctx::Store && name == "__debug__" {
            return Err(self.error_here("cannot assign to __debug__"));
        }
        if ctx == Ctx::Del && name == "__debug__" {
            return Err(self.error_here("cannot delete __debug__"));
        }
        Ok(())
    }

    // ----- bodies ---------------------------------------------------------------

    pub fn visit_body(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    /// The docstring of a body, if its first statement is a string literal.
    pub fn docstring(body: &[Stmt]) -> Option<String> {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                return Some(s.value.to_str().to_owned());
            }
        }
        None
    }

    /// `compiler_body`: module/class body with docstring handling.
    pub fn compile_body(&mut self, body: &'a [Stmt]) -> CResult {
        let mut start = 0;
        // The line of `SETUP_ANNOTATIONS` is that of the first statement.
        if self.u().scope_type == ScopeType::Module {
            if let Some(first) = body.first() {
                let r = self.stmt_range(first);
                self.set_loc(r);
            }
        }
        if find_ann(body) {
            self.emit(O::SETUP_ANNOTATIONS);
        }
        if body.is_empty() {
            return Ok(());
        }
        if self.optimize < 2 && Self::docstring(body).is_some() {
            if let Stmt::Expr(e) = &body[0] {
                self.visit_expr(&e.value)?;
                self.unset_loc();
                self.nameop("__doc__", Ctx::Store)?;
                start = 1;
            }
        }
        for s in &body[start..] {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    /// Compile a whole module in `exec` (or `single`) mode.
    pub fn compile_module(&mut self, m: &'a ast::ModModule, key: usize) -> CResult<CodeObject> {
        self.enter_scope("<module>", ScopeType::Module, key, 1)?;
        if self.interactive {
            if find_ann(&m.body) {
                self.emit(O::SETUP_ANNOTATIONS);
            }
            for s in &m.body {
                self.visit_stmt(s)?;
            }
        } else {
            self.compile_body(&m.body)?;
        }
        self.exit_scope(true)
    }

    pub fn compile_expression(
        &mut self,
        e: &'a ast::ModExpression,
        key: usize,
    ) -> CResult<CodeObject> {
        self.enter_scope("<module>", ScopeType::Module, key, 1)?;
        self.visit_expr(&e.body)?;
        self.exit_scope(false)
    }
}

/// Load, store or delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl From<ast::ExprContext> for Ctx {
    fn from(c: ast::ExprContext) -> Ctx {
        match c {
            ast::ExprContext::Store => Ctx::Store,
            ast::ExprContext::Del => Ctx::Del,
            _ => Ctx::Load,
        }
    }
}

/// Whether a body has annotations that need `SETUP_ANNOTATIONS` (CPython's
/// `find_ann`: annotated assignments, looking into compound statements but
/// not into nested scopes).
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}
