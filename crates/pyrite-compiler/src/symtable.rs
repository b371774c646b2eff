//! The symbol table: which names each scope binds, and whether each name is
//! local, global (explicit or implicit), free or a cell.
//!
//! Mirrors CPython 3.11 `Python/symtable.c`. A first pass walks the tree and
//! records, per scope, the flags of every name (`DEF_LOCAL`, `USE`, ...);
//! `analyze` then resolves scopes top-down, passing the names bound in
//! enclosing functions to children and the names children need free back up,
//! turning locals captured by inner functions into cells. Modules, classes,
//! functions, lambdas and comprehensions (3.11 gives each its own scope)
//! are scopes. Scopes are found again by the codegen through the address of
//! the AST node that opened them (CPython keys them by node pointer too).
//! The checks CPython's symtable makes (`nonlocal` at module level, a name
//! both parameter and global, ...) are made here.

use std::collections::{HashMap, HashSet};

use pyrite_parser::ast::{self, Expr, Stmt};
use pyrite_parser::Ranged;
use ruff_text_size::TextRange;

use crate::CompileError;

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE: u32 = 32;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Resolved scope of a name (`_PyST_GetScope`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockType {
    Module,
    Class,
    Function,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

pub type ScopeId = usize;

/// One scope (`PySTEntryObject`).
#[derive(Debug)]
pub struct SymbolTableEntry {
    pub typ: BlockType,
    pub name: String,
    pub symbols: HashMap<String, u32>,
    pub scopes: HashMap<String, Scope>,
    /// Parameters, in order (`ste_varnames`).
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Option<CompKind>,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub child_free: bool,
    pub free: bool,
    pub is_lambda: bool,
    pub is_async_def: bool,
    pub comp_iter_target: bool,
    pub comp_iter_expr: u32,
    /// Where each `global`/`nonlocal` name was declared (for errors).
    pub directives: HashMap<String, TextRange>,
}

impl SymbolTableEntry {
    /// Scope of `name` (already mangled) in this block.
    pub fn scope(&self, name: &str) -> Scope {
        self.scopes.get(name).copied().unwrap_or(Scope::Unknown)
    }
    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).copied().unwrap_or(0)
    }
    /// Names with the given scope (or extra flag), sorted (`dictbytype`).
    pub fn names_sorted(&self, scope: Scope, flag: u32) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(n, f)| self.scope(n) == scope || (flag != 0 && **f & flag != 0))
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }
}

/// The symbol table of one compilation.
#[derive(Debug)]
pub struct SymbolTable {
    pub entries: Vec<SymbolTableEntry>,
    by_node: HashMap<usize, ScopeId>,
    pub future_annotations: bool,
}

impl SymbolTable {
    /// Scope opened by the AST node at `key` (see `node_key`).
    pub fn lookup(&self, key: usize) -> Option<ScopeId> {
        self.by_node.get(&key).copied()
    }
}

/// The identity of an AST node, used to find its scope again.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(p) = private else {
        return name.to_owned();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let stripped = p.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_owned();
    }
    format!("_{stripped}{name}")
}

struct Builder<'a> {
    entries: Vec<SymbolTableEntry>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    private: Option<String>,
    future_annotations: bool,
    err: Option<CompileError>,
    errloc: &'a dyn Fn(&str, TextRange) -> CompileError,
}

/// Build and analyze the symbol table of a module (or expression).
pub fn build(
    module: &ast::Mod,
    future_annotations: bool,
    errloc: &dyn Fn(&str, TextRange) -> CompileError,
) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        entries: Vec::new(),
        by_node: HashMap::new(),
        stack: Vec::new(),
        private: None,
        future_annotations,
        err: None,
        errloc,
    };
    b.enter(BlockType::Module, "top", node_key(module));
    match module {
        ast::Mod::Module(m) => {
            for s in &m.body {
                b.visit_stmt(s);
            }
        }
        ast::Mod::Expression(e) => b.visit_expr(&e.body),
    }
    b.stack.pop();
    if let Some(e) = b.err {
        return Err(e);
    }
    let mut st = SymbolTable {
        entries: b.entries,
        by_node: b.by_node,
        future_annotations,
    };
    analyze(&mut st, errloc)?;
    Ok(st)
}

impl Builder<'_> {
    fn cur(&mut self) -> &mut SymbolTableEntry {
        let id = *self.stack.last().unwrap();
        &mut self.entries[id]
    }

    fn error(&mut self, msg: &str, range: TextRange) {
        if self.err.is_none() {
            self.err = Some((self.errloc)(msg, range));
        }
    }

    fn enter(&mut self, typ: BlockType, name: &str, key: usize) -> ScopeId {
        let nested = match self.stack.last() {
            Some(&p) => self.entries[p].nested || self.entries[p].typ == BlockType::Function,
            None => false,
        };
        let id = self.entries.len();
        self.entries.push(SymbolTableEntry {
            typ,
            name: name.to_owned(),
            symbols: HashMap::new(),
            scopes: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            child_free: false,
            free: false,
            is_lambda: false,
            is_async_def: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: HashMap::new(),
        });
        if let Some(&p) = self.stack.last() {
            self.entries[p].children.push(id);
        }
        self.by_node.insert(key, id);
        self.stack.push(id);
        id
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) {
        let id = *self.stack.last().unwrap();
        self.add_def_in(id, name, flag, range);
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, range: TextRange) {
        let mangled = mangle(self.private.as_deref(), name);
        let ste = &mut self.entries[id];
        let old = ste.symbols.get(&mangled).copied().unwrap_or(0);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            let msg = format!("duplicate argument '{name}' in function definition");
            self.error(&msg, range);
            return;
        }
        let ste = &mut self.entries[id];
        let mut val = old | flag;
        if ste.comp_iter_target {
            // This name is an iteration variable of a comprehension.
            if old & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                let msg = format!(
                    "comprehension inner loop cannot rebind assignment expression target '{name}'"
                );
                self.error(&msg, range);
                return;
            }
            val |= DEF_COMP_ITER;
        }
        self.entries[id].symbols.insert(mangled.clone(), val);
        if flag & DEF_GLOBAL != 0 {
            // `global x` anywhere also marks the module's `x` (CPython's
            // `st_global` is the module's symbol dict).
            let top = &mut self.entries[0].symbols;
            let g = top.get(&mangled).copied().unwrap_or(0);
            top.insert(mangled.clone(), g | flag);
        }
        if flag & DEF_PARAM != 0 {
            self.entries[id].varnames.push(mangled);
        }
    }

    fn visit_body(&mut self, body: &[Stmt]) {
        for s in body {
            self.visit_stmt(s);
        }
    }

    fn visit_param_order(&mut self, params: &ast::Parameters) {
        // co_varnames order: positional, keyword-only, *args, **kwargs.
        for p in params.posonlyargs.iter().chain(&params.args) {
            self.add_def(&p.parameter.name, DEF_PARAM, p.parameter.name.range);
        }
        for p in &params.kwonlyargs {
            self.add_def(&p.parameter.name, DEF_PARAM, p.parameter.name.range);
        }
        if let Some(v) = &params.vararg {
            self.add_def(&v.name, DEF_PARAM, v.name.range);
            self.cur().varargs = true;
        }
        if let Some(k) = &params.kwarg {
            self.add_def(&k.name, DEF_PARAM, k.name.range);
            self.cur().varkeywords = true;
        }
    }

    fn visit_annotation(&mut self, e: &Expr) {
        if self.future_annotations {
            // Stringized: names in it are not uses. CPython 3.11 still
            // visits it in an annotation block, which refuses these.
            if let Some((what, range)) = forbidden_in_annotation(e) {
                self.error(
                    &format!("'{what}' can not be used within an annotation"),
                    range,
                );
            }
            return;
        }
        // Evaluated where it is written, like any expression (3.11 has no
        // annotation-specific restrictions here; 3.13 added them).
        self.visit_expr(e);
    }

    fn visit_param_annotations(&mut self, params: &ast::Parameters, returns: Option<&Expr>) {
        for p in params.posonlyargs.iter().chain(&params.args) {
            if let Some(a) = &p.parameter.annotation {
                self.visit_annotation(a);
            }
        }
        if let Some(v) = &params.vararg {
            if let Some(a) = &v.annotation {
                self.visit_annotation(a);
            }
        }
        for p in &params.kwonlyargs {
            if let Some(a) = &p.parameter.annotation {
                self.visit_annotation(a);
            }
        }
        if let Some(k) = &params.kwarg {
            if let Some(a) = &k.annotation {
                self.visit_annotation(a);
            }
        }
        if let Some(r) = returns {
            self.visit_annotation(r);
        }
    }

    fn visit_defaults(&mut self, params: &ast::Parameters) {
        for p in params.posonlyargs.iter().chain(&params.args) {
            if let Some(d) = &p.default {
                self.visit_expr(d);
            }
        }
        for p in &params.kwonlyargs {
            if let Some(d) = &p.default {
                self.visit_expr(d);
            }
        }
    }

    fn visit_stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, f.name.range);
                self.visit_defaults(&f.parameters);
                self.visit_param_annotations(&f.parameters, f.returns.as_deref());
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression);
                }
                self.enter(BlockType::Function, &f.name, node_key(s));
                self.cur().is_async_def = f.is_async;
                if f.is_async {
                    self.cur().coroutine = true;
                }
                self.visit_param_order(&f.parameters);
                self.visit_body(&f.body);
                self.stack.pop();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, c.name.range);
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a);
                    }
                    for k in &args.keywords {
                        self.visit_expr(&k.value);
                    }
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression);
                }
                self.enter(BlockType::Class, &c.name, node_key(s));
                let saved = self.private.replace(c.name.to_string());
                self.visit_body(&c.body);
                self.private = saved;
                self.stack.pop();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.cur().returns_value = true;
                    self.visit_expr(v);
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t);
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.visit_expr(t);
                }
                self.visit_expr(&a.value);
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target);
                self.visit_expr(&a.value);
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let m = mangle(self.private.as_deref(), &n.id);
                    let cur = self.cur().flags(&m);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0
                        && self.cur().typ != BlockType::Module
                        && a.simple
                    {
                        let which = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        let msg = format!("annotated name '{}' can't be {which}", n.id);
                        self.error(&msg, n.range);
                        return;
                    }
                    if a.simple {
                        self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range);
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range);
                    }
                } else {
                    self.visit_expr(&a.target);
                }
                self.visit_annotation(&a.annotation);
                if let Some(v) = &a.value {
                    self.visit_expr(v);
                }
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target);
                self.visit_expr(&f.iter);
                self.visit_body(&f.body);
                self.visit_body(&f.orelse);
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test);
                self.visit_body(&w.body);
                self.visit_body(&w.orelse);
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test);
                self.visit_body(&i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.visit_expr(t);
                    }
                    self.visit_body(&c.body);
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v);
                    }
                }
                self.visit_body(&w.body);
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject);
                for c in &m.cases {
                    self.visit_pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.visit_expr(g);
                    }
                    self.visit_body(&c.body);
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e);
                    if let Some(c) = &r.cause {
                        self.visit_expr(c);
                    }
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body);
                self.visit_body(&t.orelse);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, n.range);
                    }
                    self.visit_body(&h.body);
                }
                self.visit_body(&t.finalbody);
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test);
                if let Some(m) = &a.msg {
                    self.visit_expr(m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.visit_alias(a);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    self.visit_alias(a);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let m = mangle(self.private.as_deref(), n);
                    let cur = self.cur().flags(&m);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{n}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{n}' can't be global")
                        } else {
                            format!("name '{n}' is assigned to before global declaration")
                        };
                        self.error(&msg, s.range());
                        return;
                    }
                    self.add_def(n, DEF_GLOBAL, n.range);
                    let m = mangle(self.private.as_deref(), n);
                    self.cur().directives.entry(m).or_insert(s.range());
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    let m = mangle(self.private.as_deref(), n);
                    let cur = self.cur().flags(&m);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{n}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{n}' can't be nonlocal")
                        } else {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        };
                        self.error(&msg, s.range());
                        return;
                    }
                    self.add_def(n, DEF_NONLOCAL, n.range);
                    let m = mangle(self.private.as_deref(), n);
                    self.cur().directives.entry(m).or_insert(s.range());
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value),
            Stmt::TypeAlias(t) => self.error("invalid syntax", t.range),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
    }

    fn visit_alias(&mut self, a: &ast::Alias) {
        let store = match &a.asname {
            Some(n) => n.to_string(),
            None => a.name.split('.').next().unwrap_or("").to_owned(),
        };
        if &*a.name == "*" {
            if self.cur().typ != BlockType::Module {
                self.error("import * only allowed at module level", a.range);
            }
            return;
        }
        self.add_def(&store, DEF_IMPORT, a.range);
    }

    fn visit_pattern(&mut self, p: &ast::Pattern) {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.visit_expr(&v.value),
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for p in &s.patterns {
                    self.visit_pattern(p);
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n, DEF_LOCAL, n.range);
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.visit_expr(k);
                }
                for p in &m.patterns {
                    self.visit_pattern(p);
                }
                if let Some(r) = &m.rest {
                    self.add_def(r, DEF_LOCAL, r.range);
                }
            }
            P::MatchClass(c) => {
                self.visit_expr(&c.cls);
                for p in &c.arguments.patterns {
                    self.visit_pattern(p);
                }
                for k in &c.arguments.keywords {
                    self.visit_pattern(&k.pattern);
                }
            }
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p);
                }
                if let Some(n) = &a.name {
                    self.add_def(n, DEF_LOCAL, n.range);
                }
            }
            P::MatchOr(o) => {
                for p in &o.patterns {
                    self.visit_pattern(p);
                }
            }
        }
    }

    fn visit_expr(&mut self, e: &Expr) {
        match e {
            Expr::Name(n) => {
                let flag = match n.ctx {
                    ast::ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                self.add_def(&n.id, flag, n.range);
                if matches!(n.ctx, ast::ExprContext::Load)
                    && self.cur().typ == BlockType::Function
                    && &*n.id == "super"
                {
                    self.add_def("__class__", USE, n.range);
                }
            }
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.visit_expr(v);
                }
            }
            Expr::Named(n) => {
                self.visit_expr(&n.value);
                self.handle_namedexpr(n);
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left);
                self.visit_expr(&b.right);
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p);
                }
                self.enter(BlockType::Function, "lambda", node_key(e));
                self.cur().is_lambda = true;
                if let Some(p) = &l.parameters {
                    self.visit_param_order(p);
                }
                self.visit_expr(&l.body);
                self.stack.pop();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test);
                self.visit_expr(&i.body);
                self.visit_expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k);
                    }
                    self.visit_expr(&item.value);
                }
            }
            Expr::Set(s) => {
                for v in &s.elts {
                    self.visit_expr(v);
                }
            }
            Expr::ListComp(c) => {
                self.comprehension(e, "listcomp", &c.generators, &c.elt, None, CompKind::List)
            }
            Expr::SetComp(c) => {
                self.comprehension(e, "setcomp", &c.generators, &c.elt, None, CompKind::Set)
            }
            Expr::DictComp(c) => self.comprehension(
                e,
                "dictcomp",
                &c.generators,
                c.key.as_deref().unwrap_or(&c.value),
                Some(&c.value),
                CompKind::Dict,
            ),
            Expr::Generator(c) => {
                self.comprehension(e, "genexpr", &c.generators, &c.elt, None, CompKind::Gen)
            }
            Expr::Await(a) => {
                self.visit_expr(&a.value);
                self.cur().coroutine = true;
            }
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.visit_expr(v);
                }
                self.cur().generator = true;
                self.check_comp_yield(y.range);
            }
            Expr::YieldFrom(y) => {
                self.visit_expr(&y.value);
                self.cur().generator = true;
                self.check_comp_yield(y.range);
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left);
                for v in c.comparators.iter() {
                    self.visit_expr(v);
                }
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func);
                for a in c.arguments.args.iter() {
                    self.visit_expr(a);
                }
                for k in &c.arguments.keywords {
                    self.visit_expr(&k.value);
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.visit_fstring_elements(&fs.elements);
                    }
                }
            }
            Expr::Attribute(a) => self.visit_expr(&a.value),
            Expr::Subscript(s) => {
                self.visit_expr(&s.value);
                self.visit_expr(&s.slice);
            }
            Expr::Starred(s) => self.visit_expr(&s.value),
            Expr::List(l) => {
                for v in &l.elts {
                    self.visit_expr(v);
                }
            }
            Expr::Tuple(t) => {
                for v in &t.elts {
                    self.visit_expr(v);
                }
            }
            Expr::Slice(s) => {
                for v in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(v);
                }
            }
            Expr::TString(t) => self.error("invalid syntax", t.range),
            _ => {}
        }
    }

    fn visit_fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.visit_expr(&i.expression);
                if let Some(spec) = &i.format_spec {
                    self.visit_fstring_elements(&spec.elements);
                }
            }
        }
    }

    fn check_comp_yield(&mut self, range: TextRange) {
        if let Some(kind) = self.cur().comprehension {
            let what = match kind {
                CompKind::List => "list comprehension",
                CompKind::Set => "set comprehension",
                CompKind::Dict => "dict comprehension",
                CompKind::Gen => "generator expression",
            };
            let msg = format!("'yield' inside {what}");
            self.error(&msg, range);
        }
    }

    fn handle_namedexpr(&mut self, n: &ast::ExprNamed) {
        let Expr::Name(target) = &*n.target else {
            self.visit_expr(&n.target);
            return;
        };
        if self.cur().comp_iter_expr > 0 {
            self.error(
                "assignment expression cannot be used in a comprehension iterable expression",
                n.range,
            );
            return;
        }
        if self.cur().comprehension.is_some() {
            self.extend_namedexpr_scope(target);
        } else {
            self.visit_expr(&n.target);
        }
    }

    fn extend_namedexpr_scope(&mut self, target: &ast::ExprName) {
        let name = target.id.as_str();
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let ste = &self.entries[id];
            if ste.comprehension.is_some() {
                let f = ste.flags(name);
                if f & DEF_COMP_ITER != 0 {
                    let msg = format!(
                        "assignment expression cannot rebind comprehension iteration variable '{name}'"
                    );
                    self.error(&msg, target.range);
                    return;
                }
                continue;
            }
            match ste.typ {
                BlockType::Function => {
                    self.add_def(name, DEF_NONLOCAL, target.range);
                    self.add_def_in(id, name, DEF_LOCAL, target.range);
                    // Mark it used in the comprehension so it is resolved as free.
                }
                BlockType::Module => {
                    self.add_def(name, DEF_GLOBAL, target.range);
                    self.add_def_in(id, name, DEF_GLOBAL, target.range);
                }
                BlockType::Class => {
                    self.error(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.range,
                    );
                }
            }
            return;
        }
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        kind: CompKind,
    ) {
        let Some(outermost) = generators.first() else {
            return;
        };
        // The outermost iterator is evaluated in the enclosing scope.
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter);
        self.cur().comp_iter_expr -= 1;
        let is_async_outer = outermost.is_async;
        self.enter(BlockType::Function, name, node_key(e));
        self.cur().comprehension = Some(kind);
        if kind == CompKind::Gen {
            self.cur().generator = true;
        }
        if is_async_outer {
            self.cur().coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, outermost.range);
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target);
        self.cur().comp_iter_target = false;
        for i in &outermost.ifs {
            self.visit_expr(i);
        }
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.visit_expr(&g.target);
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.visit_expr(&g.iter);
            self.cur().comp_iter_expr -= 1;
            for i in &g.ifs {
                self.visit_expr(i);
            }
            if g.is_async {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(elt);
            self.visit_expr(v);
        } else {
            self.visit_expr(elt);
        }
        self.stack.pop();
    }
}

/// Resolve every name's scope (CPython's `analyze`).
fn analyze(
    st: &mut SymbolTable,
    errloc: &dyn Fn(&str, TextRange) -> CompileError,
) -> Result<(), CompileError> {
    let mut free = HashSet::new();
    let mut global = HashSet::new();
    analyze_block(st, 0, None, &mut free, &mut global, errloc)
}

fn analyze_block(
    st: &mut SymbolTable,
    id: ScopeId,
    bound: Option<&mut HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
    errloc: &dyn Fn(&str, TextRange) -> CompileError,
) -> Result<(), CompileError> {
    let mut local: HashSet<String> = HashSet::new();
    let mut scopes: HashMap<String, Scope> = HashMap::new();
    let mut newglobal: HashSet<String> = HashSet::new();
    let mut newfree: HashSet<String> = HashSet::new();
    let mut newbound: HashSet<String> = HashSet::new();
    let typ = st.entries[id].typ;
    let mut bound = bound;
    if typ == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }
    let mut names: Vec<(String, u32)> = st.entries[id]
        .symbols
        .iter()
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    names.sort();
    for (name, flags) in &names {
        let at = st.entries[id]
            .directives
            .get(name)
            .copied()
            .unwrap_or_default();
        let err = |m: String| errloc(&m, at);
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(err(format!("name '{name}' is nonlocal and global")));
            }
            scopes.insert(name.clone(), Scope::GlobalExplicit);
            global.insert(name.clone());
            if let Some(b) = bound.as_deref_mut() {
                b.remove(name);
            }
            continue;
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(b) = bound.as_deref() else {
                return Err(err(
                    "nonlocal declaration not allowed at module level".into()
                ));
            };
            if !b.contains(name) {
                return Err(err(format!("no binding for nonlocal '{name}' found")));
            }
            scopes.insert(name.clone(), Scope::Free);
            st.entries[id].free = true;
            free.insert(name.clone());
            continue;
        }
        if flags & DEF_BOUND != 0 {
            scopes.insert(name.clone(), Scope::Local);
            local.insert(name.clone());
            global.remove(name);
            continue;
        }
        if bound.as_deref().is_some_and(|b| b.contains(name)) {
            scopes.insert(name.clone(), Scope::Free);
            st.entries[id].free = true;
            free.insert(name.clone());
            continue;
        }
        if global.contains(name) {
            scopes.insert(name.clone(), Scope::GlobalImplicit);
            continue;
        }
        if st.entries[id].nested {
            st.entries[id].free = true;
        }
        scopes.insert(name.clone(), Scope::GlobalImplicit);
    }
    if typ != BlockType::Class {
        if typ == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_owned());
    }
    let mut allfree: HashSet<String> = HashSet::new();
    let children = st.entries[id].children.clone();
    for c in children {
        let mut tb = newbound.clone();
        let mut tf = newfree.clone();
        let mut tg = newglobal.clone();
        analyze_block(st, c, Some(&mut tb), &mut tf, &mut tg, errloc)?;
        allfree.extend(tf);
        if st.entries[c].free || st.entries[c].child_free {
            st.entries[id].child_free = true;
        }
    }
    newfree.extend(allfree);
    if typ == BlockType::Function {
        for (name, sc) in scopes.iter_mut() {
            if *sc == Scope::Local && newfree.contains(name) {
                *sc = Scope::Cell;
                newfree.remove(name);
            }
        }
    } else if typ == BlockType::Class && newfree.remove("__class__") {
        st.entries[id].needs_class_closure = true;
    }
    // update_symbols
    let classflag = typ == BlockType::Class;
    let ste = &mut st.entries[id];
    ste.scopes = scopes;
    let mut newfree_sorted: Vec<String> = newfree.iter().cloned().collect();
    newfree_sorted.sort();
    for name in newfree_sorted {
        if let Some(flags) = ste.symbols.get_mut(&name) {
            if classflag && *flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                *flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.as_deref().is_some_and(|b| !b.contains(&name)) {
            continue;
        }
        ste.symbols.insert(name.clone(), 0);
        ste.scopes.insert(name.clone(), Scope::Free);
    }
    free.extend(newfree);
    Ok(())
}

/// The first yield, await or `:=` in an annotation (outside lambdas, which
/// are blocks of their own), as CPython 3.11 names it.
fn forbidden_in_annotation(e: &Expr) -> Option<(&'static str, TextRange)> {
    use ruff_python_ast::visitor::{walk_expr, Visitor};
    struct Find(Option<(&'static str, TextRange)>);
    impl<'a> Visitor<'a> for Find {
        fn visit_expr(&mut self, e: &'a Expr) {
            if self.0.is_some() {
                return;
            }
            match e {
                Expr::Yield(y) => self.0 = Some(("yield expression", y.range)),
                Expr::YieldFrom(y) => self.0 = Some(("yield expression", y.range)),
                Expr::Await(a) => self.0 = Some(("await expression", a.range)),
                Expr::Named(n) => self.0 = Some(("named expression", n.range)),
                Expr::Lambda(_) => {}
                _ => walk_expr(self, e),
            }
        }
    }
    let mut f = Find(None);
    f.visit_expr(e);
    f.0
}
