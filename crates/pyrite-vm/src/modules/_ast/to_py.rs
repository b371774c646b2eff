//! Parser tree to `_ast` node objects (CPython's `ast2obj_*`).
//!
//! The parser's ranges are byte offsets; nodes get CPython's positions:
//! 1-based lines, 0-based UTF-8 byte columns, end exclusive. Where the
//! parser's range differs from CPython's (a decorated definition starts at
//! its `def`/`class` keyword; a lone generator argument spans the call's
//! parentheses; an `elif` is an `If` from its keyword to the end of the
//! chain; f-string pieces take the whole string's range, as 3.11's
//! f-string parser gives them) that is fixed here.
//!
//! Also here: `type_comments=True` (type comments found among the
//! parser's comment tokens by position) and `mode='func_type'`.

use std::rc::Rc;

use dashu_int::{IBig, UBig};
use pyrite_parser::ast::{
    self, BoolOp, CmpOp, Expr, ExprContext, Number, Operator, Pattern, Stmt, UnaryOp,
};
use pyrite_parser::{LineIndex, Mode, Ranged, TextRange, TextSize};

use super::Classes;
use crate::types::object::PyInstance;
use crate::{PyObjectRef, PyResult, Vm};

/// A node's fields, in `_fields` order.
type Fields = Vec<(&'static str, PyObjectRef)>;

struct Conv<'a> {
    vm: &'a Vm,
    src: &'a str,
    li: &'a LineIndex,
    cls: Rc<Classes>,
    /// `# type: ...` comments (start, text after the prefix), when asked for.
    type_comments: Vec<(TextSize, String)>,
    /// Whether the f-string literal text being gathered holds lone
    /// surrogates (as stand-ins).
    lit_marked: std::cell::Cell<bool>,
}

/// CPython's tokenizer test for a type comment: `#`, blanks, `type`, `:`,
/// blanks. `Ok(text)` for a type comment, `Err(tag)` for `type: ignore`.
fn classify_comment(c: &str) -> Option<Result<String, String>> {
    let rest = c.strip_prefix('#')?.trim_start_matches([' ', '\t']);
    let rest = rest.strip_prefix("type:")?.trim_start_matches([' ', '\t']);
    if let Some(tag) = rest.strip_prefix("ignore") {
        let next = tag.as_bytes().first();
        if next.is_none_or(|b| *b < 128 && !b.is_ascii_alphanumeric()) {
            return Some(Err(tag.to_string()));
        }
    }
    Some(Ok(rest.to_string()))
}

/// Parse `source` in `mode` and build its node tree.
pub fn parse(vm: &Vm, source: &str, filename: &str, mode: &str, type_comments: bool) -> PyResult {
    let pmode = match mode {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        _ => return func_type(vm, source, filename),
    };
    let parsed = pyrite_parser::parse(source, pmode)
        .map_err(|e| vm.syntax_error_to_exception(&e, filename))?;
    let mut c = Conv {
        vm,
        src: source,
        li: &parsed.line_index,
        cls: Classes::load(vm)?,
        type_comments: Vec::new(),
        lit_marked: std::cell::Cell::new(false),
    };
    let mut ignores = Vec::new();
    if type_comments {
        for r in pyrite_parser::comment_ranges(source) {
            match classify_comment(&source[r]) {
                Some(Ok(text)) => c.type_comments.push((r.start(), text)),
                Some(Err(tag)) => {
                    let line = c.li.line_col(r.start()).0 as i64;
                    let tag = vm.new_str(tag);
                    ignores.push(c.node(
                        "TypeIgnore",
                        vec![("lineno", vm.new_int(line)), ("tag", tag)],
                        None,
                    )?);
                }
                None => {}
            }
        }
    }
    match &parsed.ast {
        ast::Mod::Module(m) => {
            let body = c.stmts(&m.body)?;
            if pmode == Mode::Single {
                c.node("Interactive", vec![("body", body)], None)
            } else {
                let ti = vm.new_list(ignores);
                c.node("Module", vec![("body", body), ("type_ignores", ti)], None)
            }
        }
        ast::Mod::Expression(e) => {
            let body = c.expr(&e.body)?;
            c.node("Expression", vec![("body", body)], None)
        }
    }
}

/// `mode='func_type'`: `(argtypes) -> returns`. The text is parsed as the
/// expression `(argtypes), returns` (`->` and `, ` have the same length, so
/// positions are kept).
fn func_type(vm: &Vm, source: &str, filename: &str) -> PyResult {
    let invalid = || {
        let e = pyrite_parser::SyntaxError::new(
            pyrite_parser::SyntaxErrorKind::SyntaxError,
            "invalid syntax",
            1,
            1,
        );
        vm.syntax_error_to_exception(&e, filename)
    };
    let b = source.as_bytes();
    let (mut depth, mut quote, mut arrow) = (0i32, None::<u8>, None);
    for i in 0..b.len() {
        match (quote, b[i]) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'\'' | b'"') => quote = Some(b[i]),
            (None, b'(' | b'[' | b'{') => depth += 1,
            (None, b')' | b']' | b'}') => depth -= 1,
            (None, b'-') if depth == 0 && b.get(i + 1) == Some(&b'>') => {
                arrow = Some(i);
                break;
            }
            _ => {}
        }
    }
    let Some(k) = arrow else {
        return Err(invalid());
    };
    if !source.trim_start().starts_with('(') {
        return Err(invalid());
    }
    let text = format!("{}, {}", &source[..k], &source[k + 2..]);
    let parsed = pyrite_parser::parse(&text, Mode::Eval)
        .map_err(|e| vm.syntax_error_to_exception(&e, filename))?;
    let ast::Mod::Expression(e) = &parsed.ast else {
        return Err(invalid());
    };
    let Expr::Tuple(t) = &*e.body else {
        return Err(invalid());
    };
    if t.parenthesized || t.elts.len() != 2 {
        return Err(invalid());
    }
    let c = Conv {
        vm,
        src: &text,
        li: &parsed.line_index,
        cls: Classes::load(vm)?,
        type_comments: Vec::new(),
        lit_marked: std::cell::Cell::new(false),
    };
    let argtypes = match &t.elts[0] {
        Expr::Tuple(a) if a.parenthesized => {
            // No trailing comma in `(argtypes)`.
            if let Some(last) = a.elts.last() {
                if text[last.range().end().into()..a.range.end().into()].contains(',') {
                    return Err(invalid());
                }
            }
            c.exprs(&a.elts)?
        }
        other => vm.new_list(vec![c.expr(other)?]),
    };
    let returns = c.expr(&t.elts[1])?;
    c.node(
        "FunctionType",
        vec![("argtypes", argtypes), ("returns", returns)],
        None,
    )
}

/// The value of an integer literal (decimal, hex, octal, binary, with `_`).
pub fn int_value(i: &ast::Int) -> Option<IBig> {
    if let Some(v) = i.as_i64() {
        return Some(IBig::from(v));
    }
    let s: String = i.to_string().chars().filter(|c| *c != '_').collect();
    let lower = s.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else {
        (10, lower.as_str())
    };
    UBig::from_str_radix(digits, radix).ok().map(IBig::from)
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
        _ => "Load",
    }
}

pub fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn unary_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Invert => "Invert",
        UnaryOp::Not => "Not",
        UnaryOp::UAdd => "UAdd",
        UnaryOp::USub => "USub",
    }
}

fn cmp_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

impl<'a> Conv<'a> {
    fn node(&self, name: &str, fields: Fields, range: Option<TextRange>) -> PyResult {
        let vm = self.vm;
        let cls = self.cls.get(vm, name)?;
        let obj = vm.try_alloc(PyInstance::default(), &cls)?.into_object();
        for (k, v) in fields {
            vm.set_attr_str(&obj, k, v)?;
        }
        if let Some(r) = range {
            let (l, c) = self.li.line_col(r.start());
            let (el, ec) = self.li.line_col(r.end());
            vm.set_attr_str(&obj, "lineno", vm.new_int(l as i64))?;
            vm.set_attr_str(&obj, "col_offset", vm.new_int(c as i64))?;
            vm.set_attr_str(&obj, "end_lineno", vm.new_int(el as i64))?;
            vm.set_attr_str(&obj, "end_col_offset", vm.new_int(ec as i64))?;
        }
        Ok(obj)
    }

    /// The shared instance of an operator or context class.
    fn single(&self, name: &'static str) -> PyResult {
        if let Some(o) = self.cls.singletons.borrow().get(name) {
            return Ok(o.clone());
        }
        let o = self.node(name, Vec::new(), None)?;
        self.cls.singletons.borrow_mut().insert(name, o.clone());
        Ok(o)
    }

    fn s(&self, s: &str) -> PyObjectRef {
        self.vm.new_str(s)
    }

    fn opt_s(&self, s: Option<&ast::Identifier>) -> PyObjectRef {
        match s {
            Some(i) => self.vm.new_str(i.as_str()),
            None => self.vm.none.clone(),
        }
    }

    fn int(&self, v: i64) -> PyObjectRef {
        self.vm.new_int(v)
    }

    fn list(&self, items: PyResult<Vec<PyObjectRef>>) -> PyResult {
        Ok(self.vm.new_list(items?))
    }

    fn stmts(&self, body: &[Stmt]) -> PyResult {
        self.list(body.iter().map(|s| self.stmt(s)).collect())
    }

    fn exprs(&self, v: &[Expr]) -> PyResult {
        self.list(v.iter().map(|e| self.expr(e)).collect())
    }

    fn opt_expr(&self, e: Option<&Expr>) -> PyResult {
        match e {
            Some(e) => self.expr(e),
            None => Ok(self.vm.none.clone()),
        }
    }

    fn none(&self) -> PyObjectRef {
        self.vm.none.clone()
    }

    /// Where a decorated definition starts: its `def`, `async` or `class`
    /// keyword, after the decorators and any comments between.
    fn def_range(&self, range: TextRange, decos: &[ast::Decorator]) -> TextRange {
        let Some(last) = decos.last() else {
            return range;
        };
        let b = self.src.as_bytes();
        let mut i = u32::from(last.range().end()) as usize;
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'\\' => i += 1,
                b'#' => {
                    while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                        i += 1
                    }
                }
                _ => break,
            }
        }
        let start = TextSize::from(i as u32).min(range.end());
        TextRange::new(start, range.end())
    }

    /// The type comment starting in `[from, to)`, if any.
    fn tc_between(&self, from: TextSize, to: TextSize) -> PyObjectRef {
        self.type_comments
            .iter()
            .find(|(s, _)| *s >= from && *s < to)
            .map_or_else(|| self.none(), |(_, t)| self.s(t))
    }

    /// The type comment right after `end` on its line (only blanks, or
    /// blanks and one comma, between).
    fn tc_after(&self, end: TextSize) -> PyObjectRef {
        if self.type_comments.is_empty() {
            return self.none();
        }
        let b = self.src.as_bytes();
        let mut i = u32::from(end) as usize;
        let mut comma = false;
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\x0c' => i += 1,
                b',' if !comma => {
                    comma = true;
                    i += 1
                }
                b'#' => {
                    return self.tc_between(TextSize::from(i as u32), TextSize::from(i as u32 + 1))
                }
                _ => break,
            }
        }
        self.none()
    }

    /// The type comment between a compound statement's header and body.
    fn tc_header(&self, header_end: TextSize, body: &[Stmt]) -> PyObjectRef {
        match body.first() {
            Some(s) => self.tc_between(header_end, s.range().start()),
            None => self.none(),
        }
    }

    fn stmt(&self, s: &Stmt) -> PyResult {
        let r = s.range();
        let vm = self.vm;
        let (name, fields, range): (&str, Fields, TextRange) = match s {
            Stmt::FunctionDef(f) => {
                let decos = self.list(
                    f.decorator_list
                        .iter()
                        .map(|d| self.expr(&d.expression))
                        .collect(),
                )?;
                let fields = vec![
                    ("name", self.s(f.name.as_str())),
                    ("args", self.arguments(Some(&f.parameters))?),
                    ("body", self.stmts(&f.body)?),
                    ("decorator_list", decos),
                    ("returns", self.opt_expr(f.returns.as_deref())?),
                    (
                        "type_comment",
                        self.tc_header(
                            f.returns
                                .as_ref()
                                .map_or(f.parameters.range.end(), |e| e.range().end()),
                            &f.body,
                        ),
                    ),
                ];
                let name = if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                };
                (name, fields, self.def_range(r, &f.decorator_list))
            }
            Stmt::ClassDef(c) => {
                let decos = self.list(
                    c.decorator_list
                        .iter()
                        .map(|d| self.expr(&d.expression))
                        .collect(),
                )?;
                let (bases, kws) = match &c.arguments {
                    Some(a) => (self.exprs(&a.args)?, self.keywords(&a.keywords)?),
                    None => (vm.new_list(vec![]), vm.new_list(vec![])),
                };
                let fields = vec![
                    ("name", self.s(c.name.as_str())),
                    ("bases", bases),
                    ("keywords", kws),
                    ("body", self.stmts(&c.body)?),
                    ("decorator_list", decos),
                ];
                ("ClassDef", fields, self.def_range(r, &c.decorator_list))
            }
            Stmt::Return(x) => (
                "Return",
                vec![("value", self.opt_expr(x.value.as_deref())?)],
                r,
            ),
            Stmt::Delete(d) => ("Delete", vec![("targets", self.exprs(&d.targets)?)], r),
            Stmt::Assign(a) => (
                "Assign",
                vec![
                    ("targets", self.exprs(&a.targets)?),
                    ("value", self.expr(&a.value)?),
                    ("type_comment", self.tc_after(r.end())),
                ],
                r,
            ),
            Stmt::AugAssign(a) => (
                "AugAssign",
                vec![
                    ("target", self.expr(&a.target)?),
                    ("op", self.single(operator_name(a.op))?),
                    ("value", self.expr(&a.value)?),
                ],
                r,
            ),
            Stmt::AnnAssign(a) => (
                "AnnAssign",
                vec![
                    ("target", self.expr(&a.target)?),
                    ("annotation", self.expr(&a.annotation)?),
                    ("value", self.opt_expr(a.value.as_deref())?),
                    ("simple", self.int(a.simple as i64)),
                ],
                r,
            ),
            Stmt::For(f) => (
                if f.is_async { "AsyncFor" } else { "For" },
                vec![
                    ("target", self.expr(&f.target)?),
                    ("iter", self.expr(&f.iter)?),
                    ("body", self.stmts(&f.body)?),
                    ("orelse", self.stmts(&f.orelse)?),
                    (
                        "type_comment",
                        self.tc_header(f.iter.range().end(), &f.body),
                    ),
                ],
                r,
            ),
            Stmt::While(w) => (
                "While",
                vec![
                    ("test", self.expr(&w.test)?),
                    ("body", self.stmts(&w.body)?),
                    ("orelse", self.stmts(&w.orelse)?),
                ],
                r,
            ),
            Stmt::If(i) => (
                "If",
                vec![
                    ("test", self.expr(&i.test)?),
                    ("body", self.stmts(&i.body)?),
                    ("orelse", self.elif_chain(&i.elif_else_clauses)?),
                ],
                r,
            ),
            Stmt::With(w) => {
                let items = self.list(
                    w.items
                        .iter()
                        .map(|it| {
                            self.node(
                                "withitem",
                                vec![
                                    ("context_expr", self.expr(&it.context_expr)?),
                                    ("optional_vars", self.opt_expr(it.optional_vars.as_deref())?),
                                ],
                                None,
                            )
                        })
                        .collect(),
                )?;
                (
                    if w.is_async { "AsyncWith" } else { "With" },
                    vec![
                        ("items", items),
                        ("body", self.stmts(&w.body)?),
                        (
                            "type_comment",
                            self.tc_header(
                                w.items.last().map_or(r.start(), |i| i.range.end()),
                                &w.body,
                            ),
                        ),
                    ],
                    r,
                )
            }
            Stmt::Match(m) => {
                let cases = self.list(
                    m.cases
                        .iter()
                        .map(|c| {
                            self.node(
                                "match_case",
                                vec![
                                    ("pattern", self.pattern(&c.pattern)?),
                                    ("guard", self.opt_expr(c.guard.as_deref())?),
                                    ("body", self.stmts(&c.body)?),
                                ],
                                None,
                            )
                        })
                        .collect(),
                )?;
                (
                    "Match",
                    vec![("subject", self.expr(&m.subject)?), ("cases", cases)],
                    r,
                )
            }
            Stmt::Raise(x) => (
                "Raise",
                vec![
                    ("exc", self.opt_expr(x.exc.as_deref())?),
                    ("cause", self.opt_expr(x.cause.as_deref())?),
                ],
                r,
            ),
            Stmt::Try(t) => {
                let handlers = self.list(
                    t.handlers
                        .iter()
                        .map(|h| {
                            let ast::ExceptHandler::ExceptHandler(h) = h;
                            self.node(
                                "ExceptHandler",
                                vec![
                                    ("type", self.opt_expr(h.type_.as_deref())?),
                                    ("name", self.opt_s(h.name.as_ref())),
                                    ("body", self.stmts(&h.body)?),
                                ],
                                Some(h.range),
                            )
                        })
                        .collect(),
                )?;
                (
                    if t.is_star { "TryStar" } else { "Try" },
                    vec![
                        ("body", self.stmts(&t.body)?),
                        ("handlers", handlers),
                        ("orelse", self.stmts(&t.orelse)?),
                        ("finalbody", self.stmts(&t.finalbody)?),
                    ],
                    r,
                )
            }
            Stmt::Assert(a) => (
                "Assert",
                vec![
                    ("test", self.expr(&a.test)?),
                    ("msg", self.opt_expr(a.msg.as_deref())?),
                ],
                r,
            ),
            Stmt::Import(i) => ("Import", vec![("names", self.aliases(&i.names)?)], r),
            Stmt::ImportFrom(i) => (
                "ImportFrom",
                vec![
                    ("module", self.opt_s(i.module.as_ref())),
                    ("names", self.aliases(&i.names)?),
                    ("level", self.int(i.level as i64)),
                ],
                r,
            ),
            Stmt::Global(g) => ("Global", vec![("names", self.idents(&g.names)?)], r),
            Stmt::Nonlocal(g) => ("Nonlocal", vec![("names", self.idents(&g.names)?)], r),
            Stmt::Expr(e) => ("Expr", vec![("value", self.expr(&e.value)?)], r),
            Stmt::Pass(_) => ("Pass", vec![], r),
            Stmt::Break(_) => ("Break", vec![], r),
            Stmt::Continue(_) => ("Continue", vec![], r),
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                return Err(vm.new_system_error("unsupported statement in _ast conversion"))
            }
        };
        self.node(name, fields, Some(range))
    }

    fn idents(&self, names: &[ast::Identifier]) -> PyResult {
        Ok(self
            .vm
            .new_list(names.iter().map(|n| self.s(n.as_str())).collect()))
    }

    /// `elif`/`else` clauses as the `orelse` list of an `If`.
    fn elif_chain(&self, clauses: &[ast::ElifElseClause]) -> PyResult {
        let Some((first, rest)) = clauses.split_first() else {
            return Ok(self.vm.new_list(Vec::new()));
        };
        match &first.test {
            None => self.stmts(&first.body),
            Some(test) => {
                let end = clauses.last().map_or(first.range.end(), |c| c.range.end());
                let node = self.node(
                    "If",
                    vec![
                        ("test", self.expr(test)?),
                        ("body", self.stmts(&first.body)?),
                        ("orelse", self.elif_chain(rest)?),
                    ],
                    Some(TextRange::new(first.range.start(), end)),
                )?;
                Ok(self.vm.new_list(vec![node]))
            }
        }
    }

    fn aliases(&self, names: &[ast::Alias]) -> PyResult {
        self.list(
            names
                .iter()
                .map(|a| {
                    self.node(
                        "alias",
                        vec![
                            ("name", self.s(a.name.as_str())),
                            ("asname", self.opt_s(a.asname.as_ref())),
                        ],
                        Some(a.range),
                    )
                })
                .collect(),
        )
    }

    fn keywords(&self, kws: &[ast::Keyword]) -> PyResult {
        self.list(
            kws.iter()
                .map(|k| {
                    self.node(
                        "keyword",
                        vec![
                            ("arg", self.opt_s(k.arg.as_ref())),
                            ("value", self.expr(&k.value)?),
                        ],
                        Some(k.range),
                    )
                })
                .collect(),
        )
    }

    /// An `arg`; `end` is where the parameter (with its default) ends,
    /// for its type comment.
    fn arg(&self, p: &ast::Parameter, end: TextSize) -> PyResult {
        self.node(
            "arg",
            vec![
                ("arg", self.s(p.name.as_str())),
                ("annotation", self.opt_expr(p.annotation.as_deref())?),
                ("type_comment", self.tc_after(end)),
            ],
            // `*args`/`**kw` start at the name, not the stars.
            Some(TextRange::new(p.name.range.start(), p.range.end())),
        )
    }

    fn opt_arg(&self, p: Option<&ast::Parameter>) -> PyResult {
        match p {
            Some(p) => self.arg(p, p.range.end()),
            None => Ok(self.none()),
        }
    }

    fn arguments(&self, p: Option<&ast::Parameters>) -> PyResult {
        let vm = self.vm;
        let empty = || vm.new_list(Vec::new());
        let Some(p) = p else {
            return self.node(
                "arguments",
                vec![
                    ("posonlyargs", empty()),
                    ("args", empty()),
                    ("vararg", self.none()),
                    ("kwonlyargs", empty()),
                    ("kw_defaults", empty()),
                    ("kwarg", self.none()),
                    ("defaults", empty()),
                ],
                None,
            );
        };
        let plain = |v: &[ast::ParameterWithDefault]| {
            self.list(
                v.iter()
                    .map(|a| self.arg(&a.parameter, a.range.end()))
                    .collect(),
            )
        };
        let defaults = self.list(
            p.posonlyargs
                .iter()
                .chain(p.args.iter())
                .filter_map(|a| a.default.as_deref())
                .map(|e| self.expr(e))
                .collect(),
        )?;
        let kw_defaults = self.list(
            p.kwonlyargs
                .iter()
                .map(|a| self.opt_expr(a.default.as_deref()))
                .collect(),
        )?;
        self.node(
            "arguments",
            vec![
                ("posonlyargs", plain(&p.posonlyargs)?),
                ("args", plain(&p.args)?),
                ("vararg", self.opt_arg(p.vararg.as_deref())?),
                ("kwonlyargs", plain(&p.kwonlyargs)?),
                ("kw_defaults", kw_defaults),
                ("kwarg", self.opt_arg(p.kwarg.as_deref())?),
                ("defaults", defaults),
            ],
            None,
        )
    }

    fn comprehensions(&self, gens: &[ast::Comprehension]) -> PyResult {
        self.list(
            gens.iter()
                .map(|g| {
                    self.node(
                        "comprehension",
                        vec![
                            ("target", self.expr(&g.target)?),
                            ("iter", self.expr(&g.iter)?),
                            ("ifs", self.exprs(&g.ifs)?),
                            ("is_async", self.int(g.is_async as i64)),
                        ],
                        None,
                    )
                })
                .collect(),
        )
    }

    fn constant(&self, value: PyObjectRef, kind: PyObjectRef, r: TextRange) -> PyResult {
        self.node("Constant", vec![("value", value), ("kind", kind)], Some(r))
    }

    fn expr(&self, e: &Expr) -> PyResult {
        self.expr_at(e, e.range())
    }

    fn expr_at(&self, e: &Expr, r: TextRange) -> PyResult {
        let vm = self.vm;
        let (name, fields): (&str, Fields) = match e {
            Expr::BoolOp(b) => (
                "BoolOp",
                vec![
                    (
                        "op",
                        self.single(match b.op {
                            BoolOp::And => "And",
                            BoolOp::Or => "Or",
                        })?,
                    ),
                    ("values", self.exprs(&b.values)?),
                ],
            ),
            Expr::Named(n) => (
                "NamedExpr",
                vec![
                    ("target", self.expr(&n.target)?),
                    ("value", self.expr(&n.value)?),
                ],
            ),
            Expr::BinOp(b) => (
                "BinOp",
                vec![
                    ("left", self.expr(&b.left)?),
                    ("op", self.single(operator_name(b.op))?),
                    ("right", self.expr(&b.right)?),
                ],
            ),
            Expr::UnaryOp(u) => (
                "UnaryOp",
                vec![
                    ("op", self.single(unary_name(u.op))?),
                    ("operand", self.expr(&u.operand)?),
                ],
            ),
            Expr::Lambda(l) => (
                "Lambda",
                vec![
                    ("args", self.arguments(l.parameters.as_deref())?),
                    ("body", self.expr(&l.body)?),
                ],
            ),
            Expr::If(i) => (
                "IfExp",
                vec![
                    ("test", self.expr(&i.test)?),
                    ("body", self.expr(&i.body)?),
                    ("orelse", self.expr(&i.orelse)?),
                ],
            ),
            Expr::Dict(d) => (
                "Dict",
                vec![
                    (
                        "keys",
                        self.list(
                            d.items
                                .iter()
                                .map(|i| self.opt_expr(i.key.as_ref()))
                                .collect(),
                        )?,
                    ),
                    (
                        "values",
                        self.list(d.items.iter().map(|i| self.expr(&i.value)).collect())?,
                    ),
                ],
            ),
            Expr::Set(s) => ("Set", vec![("elts", self.exprs(&s.elts)?)]),
            Expr::ListComp(c) => (
                "ListComp",
                vec![
                    ("elt", self.expr(&c.elt)?),
                    ("generators", self.comprehensions(&c.generators)?),
                ],
            ),
            Expr::SetComp(c) => (
                "SetComp",
                vec![
                    ("elt", self.expr(&c.elt)?),
                    ("generators", self.comprehensions(&c.generators)?),
                ],
            ),
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(vm.new_system_error("dict comprehension without key"));
                };
                (
                    "DictComp",
                    vec![
                        ("key", self.expr(key)?),
                        ("value", self.expr(&c.value)?),
                        ("generators", self.comprehensions(&c.generators)?),
                    ],
                )
            }
            Expr::Generator(c) => (
                "GeneratorExp",
                vec![
                    ("elt", self.expr(&c.elt)?),
                    ("generators", self.comprehensions(&c.generators)?),
                ],
            ),
            Expr::Await(a) => ("Await", vec![("value", self.expr(&a.value)?)]),
            Expr::Yield(y) => ("Yield", vec![("value", self.opt_expr(y.value.as_deref())?)]),
            Expr::YieldFrom(y) => ("YieldFrom", vec![("value", self.expr(&y.value)?)]),
            Expr::Compare(c) => (
                "Compare",
                vec![
                    ("left", self.expr(&c.left)?),
                    (
                        "ops",
                        self.list(c.ops.iter().map(|o| self.single(cmp_name(*o))).collect())?,
                    ),
                    ("comparators", self.exprs(&c.comparators)?),
                ],
            ),
            Expr::Call(c) => {
                let a = &c.arguments;
                // `f(x for x in y)`: the generator owns the call's parentheses.
                let args =
                    if let ([Expr::Generator(g)], true) = (&a.args[..], a.keywords.is_empty()) {
                        let r = if g.parenthesized { g.range } else { a.range };
                        vm.new_list(vec![self.expr_at(&a.args[0], r)?])
                    } else {
                        self.exprs(&a.args)?
                    };
                (
                    "Call",
                    vec![
                        ("func", self.expr(&c.func)?),
                        ("args", args),
                        ("keywords", self.keywords(&a.keywords)?),
                    ],
                )
            }
            Expr::FString(f) => return self.fstring(f, r),
            Expr::StringLiteral(s) => {
                let unicode = s.value.iter().next().is_some_and(|p| {
                    matches!(
                        p.flags.prefix(),
                        ast::str_prefix::StringLiteralPrefix::Unicode
                    )
                });
                let kind = if unicode { self.s("u") } else { self.none() };
                // Lone surrogates are recovered from the source text.
                let (v, marked) = pyrite_compiler::string_literal_value(self.src, s);
                return self.constant(vm.new_str_marked(v, marked), kind, r);
            }
            Expr::BytesLiteral(b) => {
                let v: Vec<u8> = b
                    .value
                    .iter()
                    .flat_map(|p| p.value.iter().copied())
                    .collect();
                let bytes = crate::types::bytes_methods::new_bytes(vm, v);
                return self.constant(bytes, self.none(), r);
            }
            Expr::NumberLiteral(n) => {
                let v = match &n.value {
                    Number::Int(i) => match int_value(i) {
                        Some(b) => vm.new_bigint(b),
                        None => return Err(vm.new_value_error("invalid integer literal")),
                    },
                    Number::Float(f) => vm.new_float(*f),
                    Number::Complex { real, imag } => {
                        crate::types::complex::new_complex(vm, *real, *imag)
                    }
                };
                return self.constant(v, self.none(), r);
            }
            Expr::BooleanLiteral(b) => return self.constant(vm.new_bool(b.value), self.none(), r),
            Expr::NoneLiteral(_) => return self.constant(self.none(), self.none(), r),
            Expr::EllipsisLiteral(_) => return self.constant(vm.ellipsis.clone(), self.none(), r),
            Expr::Attribute(a) => (
                "Attribute",
                vec![
                    ("value", self.expr(&a.value)?),
                    ("attr", self.s(a.attr.as_str())),
                    ("ctx", self.single(ctx_name(a.ctx))?),
                ],
            ),
            Expr::Subscript(s) => (
                "Subscript",
                vec![
                    ("value", self.expr(&s.value)?),
                    ("slice", self.expr(&s.slice)?),
                    ("ctx", self.single(ctx_name(s.ctx))?),
                ],
            ),
            Expr::Starred(s) => (
                "Starred",
                vec![
                    ("value", self.expr(&s.value)?),
                    ("ctx", self.single(ctx_name(s.ctx))?),
                ],
            ),
            Expr::Name(n) => (
                "Name",
                vec![
                    ("id", self.s(n.id.as_str())),
                    ("ctx", self.single(ctx_name(n.ctx))?),
                ],
            ),
            Expr::List(l) => (
                "List",
                vec![
                    ("elts", self.exprs(&l.elts)?),
                    ("ctx", self.single(ctx_name(l.ctx))?),
                ],
            ),
            Expr::Tuple(t) => (
                "Tuple",
                vec![
                    ("elts", self.exprs(&t.elts)?),
                    ("ctx", self.single(ctx_name(t.ctx))?),
                ],
            ),
            Expr::Slice(s) => (
                "Slice",
                vec![
                    ("lower", self.opt_expr(s.lower.as_deref())?),
                    ("upper", self.opt_expr(s.upper.as_deref())?),
                    ("step", self.opt_expr(s.step.as_deref())?),
                ],
            ),
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                return Err(vm.new_system_error("unsupported expression in _ast conversion"))
            }
        };
        self.node(name, fields, Some(r))
    }

    /// An f-string (possibly concatenated with plain strings) as 3.11's
    /// `JoinedStr`: adjacent literal text merged into one `Constant`,
    /// every piece located at the whole string.
    fn fstring(&self, f: &ast::ExprFString, whole: TextRange) -> PyResult {
        let mut lit = String::new();
        let mut values = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    let (t, m) = pyrite_compiler::string_literal_part(self.src, l);
                    lit.push_str(&t);
                    self.lit_marked.set(self.lit_marked.get() | m);
                }
                ast::FStringPart::FString(fs) => {
                    let raw = fs.flags.prefix().is_raw();
                    self.felements(&fs.elements, whole, fs.range, raw, &mut lit, &mut values)?
                }
            }
        }
        self.flush_lit(&mut lit, &mut values, whole)?;
        self.node(
            "JoinedStr",
            vec![("values", self.vm.new_list(values))],
            Some(whole),
        )
    }

    fn flush_lit(
        &self,
        lit: &mut String,
        values: &mut Vec<PyObjectRef>,
        whole: TextRange,
    ) -> PyResult<()> {
        if !lit.is_empty() {
            let s = self
                .vm
                .new_str_marked(std::mem::take(lit), self.lit_marked.replace(false));
            values.push(self.constant(s, self.none(), whole)?);
        }
        Ok(())
    }

    fn felements(
        &self,
        els: &[ast::InterpolatedStringElement],
        whole: TextRange,
        part: TextRange,
        raw: bool,
        lit: &mut String,
        values: &mut Vec<PyObjectRef>,
    ) -> PyResult<()> {
        for el in els {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    let (t, m) = pyrite_compiler::fstring_literal_text(self.src, l, raw);
                    lit.push_str(&t);
                    self.lit_marked.set(self.lit_marked.get() | m);
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(dt) = &i.debug_text {
                        lit.push_str(dt.leading());
                        lit.push_str(dt.expression());
                        lit.push_str(dt.trailing());
                    }
                    self.flush_lit(lit, values, whole)?;
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::Str => b's' as i64,
                        ast::ConversionFlag::Repr => b'r' as i64,
                        ast::ConversionFlag::Ascii => b'a' as i64,
                        ast::ConversionFlag::None => -1,
                    };
                    if i.debug_text.is_some() && conv == -1 && i.format_spec.is_none() {
                        conv = b'r' as i64;
                    }
                    let spec = match &i.format_spec {
                        Some(spec) => {
                            let mut l2 = String::new();
                            let mut v2 = Vec::new();
                            // A spec of plain text is one constant located at its
                            // token; with nested fields, pieces take the whole range.
                            let nested = spec.elements.iter().any(|e| {
                                matches!(e, ast::InterpolatedStringElement::Interpolation(_))
                            });
                            let at = if nested { whole } else { part };
                            self.felements(&spec.elements, at, part, raw, &mut l2, &mut v2)?;
                            self.flush_lit(&mut l2, &mut v2, at)?;
                            self.node(
                                "JoinedStr",
                                vec![("values", self.vm.new_list(v2))],
                                // 3.11 locates a spec at the f-string token holding it.
                                Some(part),
                            )?
                        }
                        None => self.none(),
                    };
                    values.push(self.node(
                        "FormattedValue",
                        vec![
                            ("value", self.expr(&i.expression)?),
                            ("conversion", self.int(conv)),
                            ("format_spec", spec),
                        ],
                        Some(whole),
                    )?);
                }
            }
        }
        Ok(())
    }

    fn patterns(&self, ps: &[Pattern]) -> PyResult {
        self.list(ps.iter().map(|p| self.pattern(p)).collect())
    }

    fn pattern(&self, p: &Pattern) -> PyResult {
        let vm = self.vm;
        let (name, fields): (&str, Fields) = match p {
            Pattern::MatchValue(v) => ("MatchValue", vec![("value", self.expr(&v.value)?)]),
            Pattern::MatchSingleton(s) => (
                "MatchSingleton",
                vec![(
                    "value",
                    match s.value {
                        ast::Singleton::None => self.none(),
                        ast::Singleton::True => vm.new_bool(true),
                        ast::Singleton::False => vm.new_bool(false),
                    },
                )],
            ),
            Pattern::MatchSequence(s) => (
                "MatchSequence",
                vec![("patterns", self.patterns(&s.patterns)?)],
            ),
            Pattern::MatchMapping(m) => (
                "MatchMapping",
                vec![
                    ("keys", self.exprs(&m.keys)?),
                    ("patterns", self.patterns(&m.patterns)?),
                    ("rest", self.opt_s(m.rest.as_ref())),
                ],
            ),
            Pattern::MatchClass(c) => {
                let kw = &c.arguments.keywords;
                (
                    "MatchClass",
                    vec![
                        ("cls", self.expr(&c.cls)?),
                        ("patterns", self.patterns(&c.arguments.patterns)?),
                        (
                            "kwd_attrs",
                            vm.new_list(kw.iter().map(|k| self.s(k.attr.as_str())).collect()),
                        ),
                        (
                            "kwd_patterns",
                            self.list(kw.iter().map(|k| self.pattern(&k.pattern)).collect())?,
                        ),
                    ],
                )
            }
            Pattern::MatchStar(s) => ("MatchStar", vec![("name", self.opt_s(s.name.as_ref()))]),
            Pattern::MatchAs(a) => (
                "MatchAs",
                vec![
                    (
                        "pattern",
                        match &a.pattern {
                            Some(p) => self.pattern(p)?,
                            None => self.none(),
                        },
                    ),
                    ("name", self.opt_s(a.name.as_ref())),
                ],
            ),
            Pattern::MatchOr(o) => ("MatchOr", vec![("patterns", self.patterns(&o.patterns)?)]),
        };
        self.node(name, fields, Some(p.range()))
    }
}
