//! `_ast` node objects back to a parser tree (CPython's `obj2ast_*`), then
//! compiled by Pyrite's compiler. Statements and the framework live here,
//! expressions and patterns in `from_py_expr.rs`.
//!
//! The compiler locates code by byte ranges into a source text, so the
//! nodes' (line, column) positions are mapped onto a synthetic text of
//! blank lines, each as long as the largest column used on it: every
//! position then has an offset that maps back to the same line and column.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use pyrite_parser::ast::{self, AtomicNodeIndex, Expr, Stmt};
use pyrite_parser::{Mode, TextRange, TextSize};

use super::Classes;
use crate::types::int::as_i64;
use crate::types::str::PyStr;
use crate::types::typeobj::class_of;
use crate::{PyObjectRef, PyResult, Vm};

/// Largest synthetic text we build for positions.
const MAX_SYNTH: usize = 64 << 20;
/// Deepest node nesting walked when collecting positions.
const MAX_WALK_DEPTH: u32 = 3000;

pub(super) fn ni() -> AtomicNodeIndex {
    AtomicNodeIndex::default()
}

pub(super) struct Back<'a> {
    pub vm: &'a Vm,
    pub cls: Rc<Classes>,
    starts: Vec<u32>,
    maxcol: Vec<u32>,
    /// Under `from __future__ import annotations`: each annotation's
    /// string (`ast.unparse` of its node), by the converted node's address.
    ann: Option<RefCell<HashMap<usize, String>>>,
}

/// Whether the module starts (after a docstring) with
/// `from __future__ import annotations`.
fn future_annotations(vm: &Vm, cls: &Classes, tree: &PyObjectRef) -> PyResult<bool> {
    let Some(body) = vm.get_attr_opt(tree, &vm.intern("body"))? else {
        return Ok(false);
    };
    let Some(body) = body.downcast_ref::<crate::types::list::PyList>() else {
        return Ok(false);
    };
    for (i, s) in body.to_vec().iter().enumerate() {
        if i == 0 && cls.is(s, "Expr") {
            let v = vm.get_attr_opt(s, &vm.intern("value"))?;
            if v.is_some_and(|v| {
                cls.is(&v, "Constant")
                    && vm
                        .get_attr_opt(&v, &vm.intern("value"))
                        .ok()
                        .flatten()
                        .is_some_and(|c| c.downcast_ref::<PyStr>().is_some())
            }) {
                continue;
            }
        }
        if !cls.is(s, "ImportFrom") {
            break;
        }
        let m = vm.get_attr_opt(s, &vm.intern("module"))?;
        if !m.is_some_and(|m| {
            m.downcast_ref::<PyStr>()
                .is_some_and(|m| m.as_str() == "__future__")
        }) {
            break;
        }
        let names = vm.get_attr_opt(s, &vm.intern("names"))?;
        for a in names
            .map(|n| vm.to_vec(&n))
            .transpose()?
            .unwrap_or_default()
        {
            let n = vm.get_attr_opt(&a, &vm.intern("name"))?;
            if n.is_some_and(|n| {
                n.downcast_ref::<PyStr>()
                    .is_some_and(|n| n.as_str() == "annotations")
            }) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

fn expected_root(mode: &str) -> &'static str {
    match mode {
        "eval" => "Expression",
        "single" => "Interactive",
        "func_type" => "FunctionType",
        _ => "Module",
    }
}

/// Record the positions of `obj` and everything under it.
fn collect(
    vm: &Vm,
    cls: &Classes,
    obj: &PyObjectRef,
    cols: &mut BTreeMap<u32, u32>,
    defs: &mut Vec<(u32, u32)>,
    depth: u32,
) -> PyResult<()> {
    if depth > MAX_WALK_DEPTH {
        return Err(vm.new_recursion_error(
            "maximum recursion depth exceeded during compilation".to_string(),
        ));
    }
    if let Some(l) = obj.downcast_ref::<crate::types::list::PyList>() {
        for it in l.to_vec() {
            collect(vm, cls, &it, cols, defs, depth + 1)?;
        }
        return Ok(());
    }
    if !cls.is(obj, "AST") {
        return Ok(());
    }
    let mut pos = |ln: &str, cn: &str| -> PyResult<Option<(u32, u32)>> {
        let l = vm
            .get_attr_opt(obj, &vm.intern(ln))?
            .and_then(|v| as_i64(&v));
        let c = vm
            .get_attr_opt(obj, &vm.intern(cn))?
            .and_then(|v| as_i64(&v));
        if let (Some(l), Some(c)) = (l, c) {
            let l = l.clamp(1, u32::MAX as i64) as u32;
            let c = c.clamp(0, u32::MAX as i64) as u32;
            let e = cols.entry(l).or_insert(0);
            *e = (*e).max(c);
            return Ok(Some((l, c)));
        }
        Ok(None)
    };
    let start = pos("lineno", "col_offset")?;
    pos("end_lineno", "end_col_offset")?;
    if let Some(p) = start {
        if cls.is(obj, "FunctionDef") || cls.is(obj, "AsyncFunctionDef") || cls.is(obj, "ClassDef")
        {
            defs.push(p);
        }
    }
    if let Some(fields) = class_of(obj).ext.lookup_str("_fields") {
        for f in vm.to_vec(&fields)? {
            if let Some(v) = vm.get_attr_opt(obj, &f)? {
                collect(vm, cls, &v, cols, defs, depth + 1)?;
            }
        }
    }
    Ok(())
}

/// `compile(tree, filename, mode)`.
pub fn compile(
    vm: &Vm,
    tree: &PyObjectRef,
    filename: &str,
    mode: &str,
    flags: pyrite_compiler::CompileFlags,
) -> PyResult {
    let cls = Classes::load(vm)?;
    let want = expected_root(mode);
    if !cls.is(tree, want) {
        return Err(vm.new_type_error(format!(
            "expected {want} node, got {}",
            class_of(tree).ext.name()
        )));
    }
    if want == "FunctionType" {
        return Err(vm.new_value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"));
    }
    let mut cols = BTreeMap::new();
    let mut defs = Vec::new();
    collect(vm, &cls, tree, &mut cols, &mut defs, 0)?;
    let nlines = cols.keys().next_back().copied().unwrap_or(1) as usize;
    let total: usize = 2 * nlines + cols.values().map(|c| *c as usize).sum::<usize>();
    if total > MAX_SYNTH {
        return Err(vm.new_value_error("AST positions are too large to compile"));
    }
    let mut text = Vec::with_capacity(total + 1);
    let mut starts = Vec::with_capacity(nlines);
    let mut maxcol = Vec::with_capacity(nlines);
    for l in 1..=nlines as u32 {
        let c = cols.get(&l).copied().unwrap_or(0);
        starts.push(text.len() as u32);
        maxcol.push(c);
        text.extend(std::iter::repeat_n(b' ', c as usize + 1));
        text.push(b'\n');
    }
    // The compiler finds a decorated definition's keyword by skipping
    // blanks after the last decorator: mark where each definition starts.
    for (l, c) in defs {
        if let Some(st) = starts.get(l as usize - 1) {
            text[(*st + c) as usize] = b'd';
        }
    }
    let src = String::from_utf8(text).unwrap_or_default();
    let ann = if flags.future_annotations || future_annotations(vm, &cls, tree)? {
        Some(RefCell::new(HashMap::new()))
    } else {
        None
    };
    let b = Back {
        vm,
        cls,
        starts,
        maxcol,
        ann,
    };
    let (module, pmode) = match want {
        "Expression" => {
            let body = b.expr(&b.req(tree, "body", "Expression")?)?;
            let m = ast::Mod::Expression(ast::ModExpression {
                node_index: ni(),
                range: TextRange::default(),
                body: Box::new(body),
            });
            (m, Mode::Eval)
        }
        name => {
            let body = b.stmts(tree, "body", name)?;
            let m = ast::Mod::Module(ast::ModModule {
                node_index: ni(),
                range: TextRange::new(TextSize::from(0), TextSize::from(src.len() as u32)),
                body: body.into_iter().collect(),
            });
            (
                m,
                if name == "Interactive" {
                    Mode::Single
                } else {
                    Mode::Exec
                },
            )
        }
    };
    let mut check = super::from_py_expr::CtxCheck::default();
    match &module {
        ast::Mod::Module(m) => {
            use ast::visitor::Visitor;
            check.visit_body(&m.body)
        }
        ast::Mod::Expression(e) => {
            use ast::visitor::Visitor;
            check.visit_expr(&e.body)
        }
    }
    if let Some(msg) = check.err {
        return Err(vm.new_value_error(msg));
    }
    let annotations = b.ann.map(|a| a.into_inner()).unwrap_or_default();
    match pyrite_compiler::compile_tree(module, &src, filename, pmode, flags, annotations) {
        Ok(co) => Ok(vm.new_code(co)),
        Err(pyrite_compiler::CompileError::Syntax { error, .. }) => {
            Err(vm.syntax_error_to_exception(&error, filename))
        }
        Err(pyrite_compiler::CompileError::Recursion(m)) => Err(vm.new_recursion_error(m)),
    }
}

impl<'a> Back<'a> {
    pub fn tname(&self, o: &PyObjectRef) -> String {
        class_of(o).ext.name().to_string()
    }

    fn offset(&self, line: i64, col: i64) -> TextSize {
        if self.starts.is_empty() {
            return TextSize::from(0);
        }
        let l = (line.max(1) as usize).min(self.starts.len()) - 1;
        let c = (col.max(0) as u64).min(self.maxcol[l] as u64) as u32;
        TextSize::from(self.starts[l] + c)
    }

    /// A required field: CPython's `required field "x" missing from Y`.
    pub fn req(&self, o: &PyObjectRef, field: &str, owner: &str) -> PyResult {
        match self.vm.get_attr_opt(o, &self.vm.intern(field))? {
            Some(v) if !v.is(&self.vm.none) => Ok(v),
            _ => Err(self
                .vm
                .new_type_error(format!("required field \"{field}\" missing from {owner}"))),
        }
    }

    /// An optional field (`None` when missing or `None`).
    pub fn opt(&self, o: &PyObjectRef, field: &str) -> PyResult<Option<PyObjectRef>> {
        Ok(self
            .vm
            .get_attr_opt(o, &self.vm.intern(field))?
            .filter(|v| !v.is(&self.vm.none)))
    }

    /// A sequence field (must be a list).
    pub fn seq(&self, o: &PyObjectRef, field: &str, owner: &str) -> PyResult<Vec<PyObjectRef>> {
        let v = match self.vm.get_attr_opt(o, &self.vm.intern(field))? {
            Some(v) => v,
            None => {
                return Err(self
                    .vm
                    .new_type_error(format!("required field \"{field}\" missing from {owner}")))
            }
        };
        match v.downcast_ref::<crate::types::list::PyList>() {
            Some(l) => Ok(l.to_vec()),
            None => Err(self.vm.new_type_error(format!(
                "{owner} field \"{field}\" must be a list, not a {}",
                self.vm.type_name(&v)
            ))),
        }
    }

    pub fn ident_of(&self, v: &PyObjectRef, range: TextRange) -> PyResult<ast::Identifier> {
        match v.downcast_ref::<PyStr>() {
            Some(s) => Ok(ast::Identifier::new(
                ast::name::Name::new(s.as_str()),
                range,
            )),
            None => Err(self.vm.new_type_error("AST identifier must be of type str")),
        }
    }

    pub fn ident(
        &self,
        o: &PyObjectRef,
        field: &str,
        owner: &str,
        range: TextRange,
    ) -> PyResult<ast::Identifier> {
        self.ident_of(&self.req(o, field, owner)?, range)
    }

    pub fn opt_ident(
        &self,
        o: &PyObjectRef,
        field: &str,
        range: TextRange,
    ) -> PyResult<Option<ast::Identifier>> {
        self.opt(o, field)?
            .map(|v| self.ident_of(&v, range))
            .transpose()
    }

    pub fn int(&self, o: &PyObjectRef, field: &str, owner: &str) -> PyResult<i64> {
        let v = self.req(o, field, owner)?;
        as_i64(&v).ok_or_else(|| {
            self.vm.new_type_error(format!(
                "invalid integer value: {}",
                self.vm.repr_string(&v).unwrap_or_default()
            ))
        })
    }

    /// The node's position as a range (`abs` names its abstract class
    /// in error messages).
    pub fn range(&self, o: &PyObjectRef, abs: &str) -> PyResult<TextRange> {
        let l = self.int(o, "lineno", abs)?;
        let c = self.int(o, "col_offset", abs)?;
        let el = self
            .opt(o, "end_lineno")?
            .and_then(|v| as_i64(&v))
            .unwrap_or(l);
        let ec = self
            .opt(o, "end_col_offset")?
            .and_then(|v| as_i64(&v))
            .unwrap_or(c);
        // CPython's `VALIDATE_POSITIONS`.
        if l > el {
            return Err(self
                .vm
                .new_value_error(format!("AST node line range ({l}, {el}) is not valid")));
        }
        if (l < 0 && el != l) || (c < 0 && c != ec) {
            return Err(self.vm.new_value_error(format!(
                "AST node column range ({c}, {ec}) for line range ({l}, {el}) is not valid"
            )));
        }
        if l == el && c > ec {
            return Err(self
                .vm
                .new_value_error(format!("line {l}, column {c}-{ec} is not a valid range")));
        }
        let s = self.offset(l, c);
        let e = self.offset(el, ec).max(s);
        Ok(TextRange::new(s, e))
    }

    pub fn stmts(&self, o: &PyObjectRef, field: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        self.seq(o, field, owner)?
            .iter()
            .map(|s| self.stmt(s))
            .collect()
    }

    /// A non-empty body (CPython's validator: `empty body on X`).
    fn body(&self, o: &PyObjectRef, field: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        let v = self.stmts(o, field, owner)?;
        if v.is_empty() {
            return Err(self.vm.new_value_error(format!("empty {field} on {owner}")));
        }
        Ok(v)
    }

    pub fn exprs(&self, o: &PyObjectRef, field: &str, owner: &str) -> PyResult<Vec<Expr>> {
        self.seq(o, field, owner)?
            .iter()
            .map(|e| self.expr(e))
            .collect()
    }

    pub fn opt_expr(&self, o: &PyObjectRef, field: &str) -> PyResult<Option<Box<Expr>>> {
        self.opt(o, field)?
            .map(|e| self.expr(&e).map(Box::new))
            .transpose()
    }

    /// An annotation: converted, and its string noted when needed.
    pub fn ann_expr(&self, o: &PyObjectRef, field: &str) -> PyResult<Option<Box<Expr>>> {
        let Some(v) = self.opt(o, field)? else {
            return Ok(None);
        };
        let e = Box::new(self.expr(&v)?);
        if let Some(ann) = &self.ann {
            let ast_mod = self.vm.import_absolute("ast")?;
            let unparse = self.vm.get_attr_str(&ast_mod, "unparse")?;
            let text = self.vm.call(&unparse, &[v])?;
            if let Some(t) = text.downcast_ref::<PyStr>() {
                ann.borrow_mut()
                    .insert(&*e as *const Expr as usize, t.as_str().to_string());
            }
        }
        Ok(Some(e))
    }

    pub fn req_expr(&self, o: &PyObjectRef, field: &str, owner: &str) -> PyResult<Box<Expr>> {
        Ok(Box::new(self.expr(&self.req(o, field, owner)?)?))
    }

    fn stmt(&self, o: &PyObjectRef) -> PyResult<Stmt> {
        self.vm.enter_call(" while traversing 'stmt' node")?;
        let r = self.stmt_inner(o);
        self.vm.leave_call();
        r
    }

    fn stmt_inner(&self, o: &PyObjectRef) -> PyResult<Stmt> {
        let vm = self.vm;
        if !self.cls.is(o, "stmt") {
            return Err(vm.new_type_error(format!(
                "expected some sort of stmt, but got {}",
                vm.repr_string(o)?
            )));
        }
        let name = self.tname(o);
        let n = name.as_str();
        let r = self.range(o, "stmt")?;
        let s = match n {
            "FunctionDef" | "AsyncFunctionDef" => {
                let decos = self.exprs(o, "decorator_list", n)?;
                let decorator_list: Vec<ast::Decorator> = decos
                    .into_iter()
                    .map(|e| ast::Decorator {
                        range: pyrite_parser::Ranged::range(&e),
                        node_index: ni(),
                        expression: e,
                    })
                    .collect();
                // A parsed definition starts at its first decorator.
                let range = decorator_list.first().map_or(r, |d| {
                    TextRange::new(d.range.start().min(r.start()), r.end())
                });
                let args = self.req(o, "args", n)?;
                Stmt::FunctionDef(ast::StmtFunctionDef {
                    node_index: ni(),
                    range,
                    is_async: n == "AsyncFunctionDef",
                    decorator_list: decorator_list.into_iter().collect(),
                    name: self.ident(o, "name", n, r)?,
                    type_params: None,
                    parameters: Box::new(self.parameters(&args, r)?),
                    returns: self.ann_expr(o, "returns")?,
                    body: self.body(o, "body", n)?.into_iter().collect(),
                })
            }
            "ClassDef" => {
                let decos = self.exprs(o, "decorator_list", n)?;
                let decorator_list: Vec<ast::Decorator> = decos
                    .into_iter()
                    .map(|e| ast::Decorator {
                        range: pyrite_parser::Ranged::range(&e),
                        node_index: ni(),
                        expression: e,
                    })
                    .collect();
                let range = decorator_list.first().map_or(r, |d| {
                    TextRange::new(d.range.start().min(r.start()), r.end())
                });
                let bases = self.exprs(o, "bases", n)?;
                let keywords = self.keywords(o, "keywords", n)?;
                let arguments = if bases.is_empty() && keywords.is_empty() {
                    None
                } else {
                    Some(Box::new(ast::Arguments {
                        range: r,
                        node_index: ni(),
                        args: bases.into_boxed_slice(),
                        keywords: keywords.into_iter().collect(),
                    }))
                };
                Stmt::ClassDef(ast::StmtClassDef {
                    node_index: ni(),
                    range,
                    decorator_list: decorator_list.into_iter().collect(),
                    name: self.ident(o, "name", n, r)?,
                    type_params: None,
                    arguments,
                    body: self.body(o, "body", n)?.into_iter().collect(),
                })
            }
            "Return" => Stmt::Return(ast::StmtReturn {
                node_index: ni(),
                range: r,
                value: self.opt_expr(o, "value")?,
            }),
            "Delete" => Stmt::Delete(ast::StmtDelete {
                node_index: ni(),
                range: r,
                targets: self.exprs(o, "targets", n)?,
            }),
            "Assign" => {
                let targets = self.exprs(o, "targets", n)?;
                if targets.is_empty() {
                    return Err(vm.new_value_error("empty targets on Assign"));
                }
                Stmt::Assign(ast::StmtAssign {
                    node_index: ni(),
                    range: r,
                    targets,
                    value: self.req_expr(o, "value", n)?,
                })
            }
            "AugAssign" => Stmt::AugAssign(ast::StmtAugAssign {
                node_index: ni(),
                range: r,
                target: self.req_expr(o, "target", n)?,
                op: self.operator(&self.req(o, "op", n)?)?,
                value: self.req_expr(o, "value", n)?,
            }),
            "AnnAssign" => Stmt::AnnAssign(ast::StmtAnnAssign {
                node_index: ni(),
                range: r,
                target: self.req_expr(o, "target", n)?,
                annotation: match self.ann_expr(o, "annotation")? {
                    Some(a) => a,
                    None => self.req_expr(o, "annotation", n)?,
                },
                value: self.opt_expr(o, "value")?,
                simple: self.int(o, "simple", n)? != 0,
            }),
            "For" | "AsyncFor" => Stmt::For(ast::StmtFor {
                node_index: ni(),
                range: r,
                is_async: n == "AsyncFor",
                target: self.req_expr(o, "target", n)?,
                iter: self.req_expr(o, "iter", n)?,
                body: self.body(o, "body", n)?.into_iter().collect(),
                orelse: self.stmts(o, "orelse", n)?.into_iter().collect(),
            }),
            "While" => Stmt::While(ast::StmtWhile {
                node_index: ni(),
                range: r,
                test: self.req_expr(o, "test", n)?,
                body: self.body(o, "body", n)?.into_iter().collect(),
                orelse: self.stmts(o, "orelse", n)?.into_iter().collect(),
            }),
            "If" => {
                let orelse = self.stmts(o, "orelse", n)?;
                let clauses = if orelse.is_empty() {
                    Vec::new()
                } else {
                    let start = pyrite_parser::Ranged::range(&orelse[0]).start();
                    let end = pyrite_parser::Ranged::range(&orelse[orelse.len() - 1]).end();
                    vec![ast::ElifElseClause {
                        range: TextRange::new(start, end.max(start)),
                        node_index: ni(),
                        test: None,
                        body: orelse.into_iter().collect(),
                    }]
                };
                Stmt::If(ast::StmtIf {
                    node_index: ni(),
                    range: r,
                    test: self.req_expr(o, "test", n)?,
                    body: self.body(o, "body", n)?.into_iter().collect(),
                    elif_else_clauses: clauses,
                })
            }
            "With" | "AsyncWith" => {
                let items = self
                    .seq(o, "items", n)?
                    .iter()
                    .map(|it| {
                        let ce = self.req_expr(it, "context_expr", "withitem")?;
                        Ok(ast::WithItem {
                            range: pyrite_parser::Ranged::range(&*ce),
                            node_index: ni(),
                            context_expr: *ce,
                            optional_vars: self.opt_expr(it, "optional_vars")?,
                        })
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                if items.is_empty() {
                    return Err(vm.new_value_error(format!("empty items on {n}")));
                }
                Stmt::With(ast::StmtWith {
                    node_index: ni(),
                    range: r,
                    is_async: n == "AsyncWith",
                    items,
                    body: self.body(o, "body", n)?.into_iter().collect(),
                })
            }
            "Match" => {
                let cases = self
                    .seq(o, "cases", n)?
                    .iter()
                    .map(|c| {
                        let pattern = self.pattern(&self.req(c, "pattern", "match_case")?)?;
                        let body = self.body(c, "body", "match_case")?;
                        let start = pyrite_parser::Ranged::range(&pattern).start();
                        let end = body
                            .last()
                            .map_or(start, |s| pyrite_parser::Ranged::range(s).end());
                        Ok(ast::MatchCase {
                            range: TextRange::new(start, end.max(start)),
                            node_index: ni(),
                            pattern,
                            guard: self.opt_expr(c, "guard")?,
                            body: body.into_iter().collect(),
                        })
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                if cases.is_empty() {
                    return Err(vm.new_value_error("empty cases on Match"));
                }
                Stmt::Match(ast::StmtMatch {
                    node_index: ni(),
                    range: r,
                    subject: self.req_expr(o, "subject", n)?,
                    cases,
                })
            }
            "Raise" => {
                let exc = self.opt_expr(o, "exc")?;
                let cause = self.opt_expr(o, "cause")?;
                if exc.is_none() && cause.is_some() {
                    return Err(vm.new_value_error("Raise with cause but no exception"));
                }
                Stmt::Raise(ast::StmtRaise {
                    node_index: ni(),
                    range: r,
                    exc,
                    cause,
                })
            }
            "Try" | "TryStar" => {
                let handlers = self
                    .seq(o, "handlers", n)?
                    .iter()
                    .map(|h| {
                        if !self.cls.is(h, "excepthandler") {
                            return Err(vm.new_type_error(format!(
                                "expected some sort of excepthandler, but got {}",
                                vm.repr_string(h)?
                            )));
                        }
                        let hr = self.range(h, "excepthandler")?;
                        Ok(ast::ExceptHandler::ExceptHandler(
                            ast::ExceptHandlerExceptHandler {
                                range: hr,
                                node_index: ni(),
                                type_: self.opt_expr(h, "type")?,
                                name: self.opt_ident(h, "name", hr)?,
                                body: self.body(h, "body", "ExceptHandler")?.into_iter().collect(),
                            },
                        ))
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                let body = self.body(o, "body", n)?;
                let orelse = self.stmts(o, "orelse", n)?;
                let finalbody = self.stmts(o, "finalbody", n)?;
                if handlers.is_empty() && finalbody.is_empty() {
                    return Err(vm.new_value_error(format!(
                        "{n} has neither except handlers nor finalbody"
                    )));
                }
                if handlers.is_empty() && !orelse.is_empty() {
                    return Err(
                        vm.new_value_error(format!("{n} has orelse but no except handlers"))
                    );
                }
                Stmt::Try(ast::StmtTry {
                    node_index: ni(),
                    range: r,
                    body: body.into_iter().collect(),
                    handlers,
                    orelse: orelse.into_iter().collect(),
                    finalbody: finalbody.into_iter().collect(),
                    is_star: n == "TryStar",
                })
            }
            "Assert" => Stmt::Assert(ast::StmtAssert {
                node_index: ni(),
                range: r,
                test: self.req_expr(o, "test", n)?,
                msg: self.opt_expr(o, "msg")?,
            }),
            "Import" => Stmt::Import(ast::StmtImport {
                node_index: ni(),
                range: r,
                names: self.aliases(o, n, r)?,
                is_lazy: false,
            }),
            "ImportFrom" => {
                let level = match self.opt(o, "level")? {
                    Some(v) => as_i64(&v).unwrap_or(0),
                    None => 0,
                };
                if level < 0 {
                    return Err(vm.new_value_error("Negative ImportFrom level"));
                }
                Stmt::ImportFrom(ast::StmtImportFrom {
                    node_index: ni(),
                    range: r,
                    module: self.opt_ident(o, "module", r)?,
                    names: self.aliases(o, n, r)?,
                    level: level as u32,
                    is_lazy: false,
                })
            }
            "Global" | "Nonlocal" => {
                let names = self
                    .seq(o, "names", n)?
                    .iter()
                    .map(|v| self.ident_of(v, r))
                    .collect::<PyResult<Vec<_>>>()?;
                if names.is_empty() {
                    return Err(vm.new_value_error(format!("empty names on {n}")));
                }
                if n == "Global" {
                    Stmt::Global(ast::StmtGlobal {
                        node_index: ni(),
                        range: r,
                        names,
                    })
                } else {
                    Stmt::Nonlocal(ast::StmtNonlocal {
                        node_index: ni(),
                        range: r,
                        names,
                    })
                }
            }
            "Expr" => Stmt::Expr(ast::StmtExpr {
                node_index: ni(),
                range: r,
                value: self.req_expr(o, "value", n)?,
            }),
            "Pass" => Stmt::Pass(ast::StmtPass {
                node_index: ni(),
                range: r,
            }),
            "Break" => Stmt::Break(ast::StmtBreak {
                node_index: ni(),
                range: r,
            }),
            "Continue" => Stmt::Continue(ast::StmtContinue {
                node_index: ni(),
                range: r,
            }),
            _ => {
                return Err(vm.new_type_error(format!(
                    "expected some sort of stmt, but got {}",
                    vm.repr_string(o)?
                )))
            }
        };
        Ok(s)
    }

    fn aliases(&self, o: &PyObjectRef, owner: &str, r: TextRange) -> PyResult<Vec<ast::Alias>> {
        let names = self.seq(o, "names", owner)?;
        if names.is_empty() {
            return Err(self.vm.new_value_error(format!("empty names on {owner}")));
        }
        names
            .iter()
            .map(|a| {
                let ar = if self.opt(a, "lineno")?.is_some() {
                    self.range(a, "alias")?
                } else {
                    r
                };
                Ok(ast::Alias {
                    range: ar,
                    node_index: ni(),
                    name: self.ident(a, "name", "alias", ar)?,
                    asname: self.opt_ident(a, "asname", ar)?,
                })
            })
            .collect()
    }

    pub fn keywords(
        &self,
        o: &PyObjectRef,
        field: &str,
        owner: &str,
    ) -> PyResult<Vec<ast::Keyword>> {
        self.seq(o, field, owner)?
            .iter()
            .map(|k| {
                let value = self.expr(&self.req(k, "value", "keyword")?)?;
                let kr = if self.opt(k, "lineno")?.is_some() {
                    self.range(k, "keyword")?
                } else {
                    pyrite_parser::Ranged::range(&value)
                };
                Ok(ast::Keyword {
                    range: kr,
                    node_index: ni(),
                    arg: self.opt_ident(k, "arg", kr)?,
                    value,
                })
            })
            .collect()
    }

    fn param(&self, a: &PyObjectRef, r: TextRange) -> PyResult<ast::Parameter> {
        if !self.cls.is(a, "arg") {
            return Err(self.vm.new_type_error(format!(
                "expected some sort of arg, but got {}",
                self.vm.repr_string(a)?
            )));
        }
        let ar = if self.opt(a, "lineno")?.is_some() {
            self.range(a, "arg")?
        } else {
            r
        };
        Ok(ast::Parameter {
            range: ar,
            node_index: ni(),
            name: self.ident(a, "arg", "arg", ar)?,
            annotation: self.ann_expr(a, "annotation")?,
        })
    }

    pub fn parameters(&self, o: &PyObjectRef, r: TextRange) -> PyResult<ast::Parameters> {
        let vm = self.vm;
        let n = "arguments";
        let posonly = self.seq(o, "posonlyargs", n)?;
        let args = self.seq(o, "args", n)?;
        let kwonly = self.seq(o, "kwonlyargs", n)?;
        let defaults = self.exprs(o, "defaults", n)?;
        let kw_defaults = self.seq(o, "kw_defaults", n)?;
        let npos = posonly.len() + args.len();
        if defaults.len() > npos {
            return Err(vm.new_value_error("more positional defaults than args on arguments"));
        }
        if kw_defaults.len() != kwonly.len() {
            return Err(vm.new_value_error(
                "length of kwonlyargs is not the same as kw_defaults on arguments",
            ));
        }
        let first_default = npos - defaults.len();
        let mut defaults = defaults.into_iter();
        let mut with_default = |i: usize, a: &PyObjectRef| -> PyResult<ast::ParameterWithDefault> {
            let p = self.param(a, r)?;
            let default = if i >= first_default {
                defaults.next().map(Box::new)
            } else {
                None
            };
            Ok(ast::ParameterWithDefault {
                range: p.range,
                node_index: ni(),
                parameter: p,
                default,
            })
        };
        let mut posonlyargs = Vec::new();
        let mut plain = Vec::new();
        for (i, a) in posonly.iter().chain(args.iter()).enumerate() {
            let p = with_default(i, a)?;
            if i < posonly.len() {
                posonlyargs.push(p);
            } else {
                plain.push(p);
            }
        }
        let kwonlyargs = kwonly
            .iter()
            .zip(kw_defaults.iter())
            .map(|(a, d)| {
                let p = self.param(a, r)?;
                let default = if d.is(&vm.none) {
                    None
                } else {
                    Some(Box::new(self.expr(d)?))
                };
                Ok(ast::ParameterWithDefault {
                    range: p.range,
                    node_index: ni(),
                    parameter: p,
                    default,
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(ast::Parameters {
            range: r,
            node_index: ni(),
            posonlyargs: posonlyargs.into_iter().collect(),
            args: plain.into_iter().collect(),
            vararg: self
                .opt(o, "vararg")?
                .map(|a| self.param(&a, r).map(Box::new))
                .transpose()?,
            kwonlyargs: kwonlyargs.into_iter().collect(),
            kwarg: self
                .opt(o, "kwarg")?
                .map(|a| self.param(&a, r).map(Box::new))
                .transpose()?,
        })
    }
}
