//! Annotations as strings for `from __future__ import annotations`: the
//! expression written back as CPython 3.11's `Python/ast_unparse.c` writes
//! it (operator precedence decides the parentheses, constants are their
//! `repr`, `lambda*a: a` without a space, `inf` as `1e309`, ...), not the
//! source text as typed.
//!
//! One approximation: a non-ASCII character in a str constant counts as
//! printable (kept as is) unless it is a control or non-space whitespace
//! character; `repr` decides with Unicode's tables, which live in the VM.

use std::fmt::Write;

use pyrite_parser::ast::{self, Expr};

/// Binding strength of an expression's position, lowest first (CPython's
/// `PR_*` levels; `BOR` is `EXPR`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pr {
    Tuple,
    Test,
    Or,
    And,
    Not,
    Cmp,
    Expr,
    Bxor,
    Band,
    Shift,
    Arith,
    Term,
    Factor,
    Power,
    Await,
    Atom,
}

impl Pr {
    fn next(self) -> Pr {
        use Pr::*;
        match self {
            Tuple => Test,
            Test => Or,
            Or => And,
            And => Not,
            Not => Cmp,
            Cmp => Expr,
            Expr => Bxor,
            Bxor => Band,
            Band => Shift,
            Shift => Arith,
            Arith => Term,
            Term => Factor,
            Factor => Power,
            Power => Await,
            Await | Atom => Atom,
        }
    }
}

/// The string stored for annotation `e`.
pub fn unparse(e: &Expr, source: &str) -> String {
    let mut u = Unparser {
        out: String::new(),
        source,
    };
    u.expr(e, Pr::Test);
    u.out
}

struct Unparser<'s> {
    out: String,
    source: &'s str,
}

impl Unparser<'_> {
    fn s(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn open_if(&mut self, cond: bool) {
        if cond {
            self.out.push('(');
        }
    }

    fn close_if(&mut self, cond: bool) {
        if cond {
            self.out.push(')');
        }
    }

    fn joined<'e>(&mut self, items: impl IntoIterator<Item = &'e Expr>, level: Pr) {
        for (i, e) in items.into_iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            self.expr(e, level);
        }
    }

    fn expr(&mut self, e: &Expr, level: Pr) {
        match e {
            Expr::BoolOp(b) => {
                let (op, pr) = match b.op {
                    ast::BoolOp::And => (" and ", Pr::And),
                    ast::BoolOp::Or => (" or ", Pr::Or),
                };
                self.open_if(level > pr);
                for (i, v) in b.values.iter().enumerate() {
                    if i > 0 {
                        self.s(op);
                    }
                    self.expr(v, pr.next());
                }
                self.close_if(level > pr);
            }
            Expr::BinOp(b) => {
                use ast::Operator as O;
                let (op, pr) = match b.op {
                    O::Add => (" + ", Pr::Arith),
                    O::Sub => (" - ", Pr::Arith),
                    O::Mult => (" * ", Pr::Term),
                    O::MatMult => (" @ ", Pr::Term),
                    O::Div => (" / ", Pr::Term),
                    O::Mod => (" % ", Pr::Term),
                    O::FloorDiv => (" // ", Pr::Term),
                    O::LShift => (" << ", Pr::Shift),
                    O::RShift => (" >> ", Pr::Shift),
                    O::BitOr => (" | ", Pr::Expr),
                    O::BitXor => (" ^ ", Pr::Bxor),
                    O::BitAnd => (" & ", Pr::Band),
                    O::Pow => (" ** ", Pr::Power),
                };
                // `**` groups to the right, the others to the left.
                let rassoc = matches!(b.op, O::Pow);
                self.open_if(level > pr);
                self.expr(&b.left, if rassoc { pr.next() } else { pr });
                self.s(op);
                self.expr(&b.right, if rassoc { pr } else { pr.next() });
                self.close_if(level > pr);
            }
            Expr::UnaryOp(u) => {
                let (op, pr) = match u.op {
                    ast::UnaryOp::Invert => ("~", Pr::Factor),
                    ast::UnaryOp::Not => ("not ", Pr::Not),
                    ast::UnaryOp::UAdd => ("+", Pr::Factor),
                    ast::UnaryOp::USub => ("-", Pr::Factor),
                };
                self.open_if(level > pr);
                self.s(op);
                self.expr(&u.operand, pr);
                self.close_if(level > pr);
            }
            Expr::Lambda(l) => {
                self.open_if(level > Pr::Test);
                let positional = l
                    .parameters
                    .as_ref()
                    .is_some_and(|p| !p.posonlyargs.is_empty() || !p.args.is_empty());
                self.s(if positional { "lambda " } else { "lambda" });
                if let Some(p) = &l.parameters {
                    self.parameters(p);
                }
                self.s(": ");
                self.expr(&l.body, Pr::Test);
                self.close_if(level > Pr::Test);
            }
            Expr::If(i) => {
                self.open_if(level > Pr::Test);
                self.expr(&i.body, Pr::Test.next());
                self.s(" if ");
                self.expr(&i.test, Pr::Test.next());
                self.s(" else ");
                self.expr(&i.orelse, Pr::Test);
                self.close_if(level > Pr::Test);
            }
            Expr::Dict(d) => {
                self.s("{");
                for (i, item) in d.items.iter().enumerate() {
                    if i > 0 {
                        self.s(", ");
                    }
                    match &item.key {
                        Some(k) => {
                            self.expr(k, Pr::Test);
                            self.s(": ");
                            self.expr(&item.value, Pr::Test);
                        }
                        None => {
                            self.s("**");
                            self.expr(&item.value, Pr::Expr);
                        }
                    }
                }
                self.s("}");
            }
            Expr::Set(s) => {
                self.s("{");
                self.joined(&s.elts, Pr::Test);
                self.s("}");
            }
            Expr::ListComp(c) => {
                self.s("[");
                self.expr(&c.elt, Pr::Test);
                self.comprehensions(&c.generators);
                self.s("]");
            }
            Expr::SetComp(c) => {
                self.s("{");
                self.expr(&c.elt, Pr::Test);
                self.comprehensions(&c.generators);
                self.s("}");
            }
            Expr::DictComp(c) => {
                self.s("{");
                if let Some(k) = &c.key {
                    self.expr(k, Pr::Test);
                    self.s(": ");
                }
                self.expr(&c.value, Pr::Test);
                self.comprehensions(&c.generators);
                self.s("}");
            }
            Expr::Generator(g) => {
                self.s("(");
                self.expr(&g.elt, Pr::Test);
                self.comprehensions(&g.generators);
                self.s(")");
            }
            Expr::Await(a) => {
                self.open_if(level > Pr::Await);
                self.s("await ");
                self.expr(&a.value, Pr::Atom);
                self.close_if(level > Pr::Await);
            }
            Expr::Yield(y) => {
                self.s("(yield");
                if let Some(v) = &y.value {
                    self.s(" ");
                    self.expr(v, Pr::Test);
                }
                self.s(")");
            }
            Expr::YieldFrom(y) => {
                self.s("(yield from ");
                self.expr(&y.value, Pr::Test);
                self.s(")");
            }
            Expr::Compare(c) => {
                self.open_if(level > Pr::Cmp);
                self.expr(&c.left, Pr::Cmp.next());
                for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                    self.s(" ");
                    self.s(op.as_str());
                    self.s(" ");
                    self.expr(right, Pr::Cmp.next());
                }
                self.close_if(level > Pr::Cmp);
            }
            Expr::Call(c) => {
                self.expr(&c.func, Pr::Atom);
                let args = &c.arguments;
                // A lone generator argument keeps only its own parentheses.
                if let ([g @ Expr::Generator(_)], true) = (&*args.args, args.keywords.is_empty()) {
                    self.expr(g, Pr::Test);
                    return;
                }
                self.s("(");
                self.joined(args.args.iter(), Pr::Test);
                for (i, k) in args.keywords.iter().enumerate() {
                    if i > 0 || !args.args.is_empty() {
                        self.s(", ");
                    }
                    match &k.arg {
                        Some(name) => {
                            self.s(name.as_str());
                            self.s("=");
                        }
                        None => self.s("**"),
                    }
                    self.expr(&k.value, Pr::Test);
                }
                self.s(")");
            }
            Expr::FString(f) => self.fstring(f),
            Expr::StringLiteral(s) => {
                if s.value.is_unicode() {
                    self.s("u");
                }
                let r = str_repr(s.value.to_str());
                self.s(&r);
            }
            Expr::BytesLiteral(b) => {
                let v: Vec<u8> = b
                    .value
                    .iter()
                    .flat_map(|p| p.value.iter().copied())
                    .collect();
                let r = bytes_repr(&v);
                self.s(&r);
            }
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => {
                    let text = crate::fold::parse_int(i)
                        .map(|v| v.to_string())
                        .unwrap_or_else(|| i.to_string());
                    self.s(&text);
                }
                ast::Number::Float(f) => {
                    let r = float_text(*f);
                    self.s(&r);
                }
                ast::Number::Complex { real, imag } => {
                    let r = complex_text(*real, *imag);
                    self.s(&r);
                }
            },
            Expr::BooleanLiteral(b) => self.s(if b.value { "True" } else { "False" }),
            Expr::NoneLiteral(_) => self.s("None"),
            Expr::EllipsisLiteral(_) => self.s("..."),
            Expr::Attribute(a) => {
                self.expr(&a.value, Pr::Atom);
                // `1 .real`: an int needs a space before the dot.
                let int = matches!(
                    &*a.value,
                    Expr::NumberLiteral(ast::ExprNumberLiteral {
                        value: ast::Number::Int(_),
                        ..
                    })
                );
                self.s(if int { " ." } else { "." });
                self.s(a.attr.as_str());
            }
            Expr::Subscript(s) => {
                self.expr(&s.value, Pr::Atom);
                self.s("[");
                match &*s.slice {
                    Expr::Tuple(t) if !t.elts.is_empty() => {
                        self.joined(&t.elts, Pr::Tuple);
                        if t.elts.len() == 1 {
                            self.s(",");
                        }
                    }
                    other => self.expr(other, Pr::Tuple),
                }
                self.s("]");
            }
            Expr::Starred(s) => {
                self.s("*");
                self.expr(&s.value, Pr::Expr);
            }
            Expr::Name(n) => self.s(n.id.as_str()),
            Expr::List(l) => {
                self.s("[");
                self.joined(&l.elts, Pr::Test);
                self.s("]");
            }
            Expr::Tuple(t) => {
                if t.elts.is_empty() {
                    self.s("()");
                    return;
                }
                self.open_if(level > Pr::Tuple);
                self.joined(&t.elts, Pr::Test);
                if t.elts.len() == 1 {
                    self.s(",");
                }
                self.close_if(level > Pr::Tuple);
            }
            Expr::Slice(s) => {
                if let Some(l) = &s.lower {
                    self.expr(l, Pr::Test);
                }
                self.s(":");
                if let Some(u) = &s.upper {
                    self.expr(u, Pr::Test);
                }
                if let Some(st) = &s.step {
                    self.s(":");
                    self.expr(st, Pr::Test);
                }
            }
            Expr::Named(n) => {
                self.open_if(level > Pr::Tuple);
                self.expr(&n.target, Pr::Atom);
                self.s(" := ");
                self.expr(&n.value, Pr::Atom);
                self.close_if(level > Pr::Tuple);
            }
            // Not Python 3.11 (the parser rejects them before codegen).
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                let text = &self.source[pyrite_parser::Ranged::range(e)];
                self.s(text);
            }
        }
    }

    fn parameters(&mut self, p: &ast::Parameters) {
        let mut first = true;
        let mut sep = |u: &mut Self| {
            if !first {
                u.s(", ");
            }
            first = false;
        };
        let npos = p.posonlyargs.len();
        for (i, a) in p.posonlyargs.iter().chain(p.args.iter()).enumerate() {
            sep(self);
            self.parameter(&a.parameter);
            if let Some(d) = &a.default {
                self.s("=");
                self.expr(d, Pr::Test);
            }
            if npos > 0 && i + 1 == npos {
                self.s(", /");
            }
        }
        if p.vararg.is_some() || !p.kwonlyargs.is_empty() {
            sep(self);
            self.s("*");
            if let Some(v) = &p.vararg {
                self.parameter(v);
            }
        }
        for a in &p.kwonlyargs {
            sep(self);
            self.parameter(&a.parameter);
            if let Some(d) = &a.default {
                self.s("=");
                self.expr(d, Pr::Test);
            }
        }
        if let Some(k) = &p.kwarg {
            sep(self);
            self.s("**");
            self.parameter(k);
        }
    }

    fn parameter(&mut self, p: &ast::Parameter) {
        self.s(p.name.as_str());
        if let Some(a) = &p.annotation {
            self.s(": ");
            self.expr(a, Pr::Test);
        }
    }

    fn comprehensions(&mut self, gens: &[ast::Comprehension]) {
        for g in gens {
            self.s(if g.is_async { " async for " } else { " for " });
            self.expr(&g.target, Pr::Tuple);
            self.s(" in ");
            self.expr(&g.iter, Pr::Test.next());
            for cond in &g.ifs {
                self.s(" if ");
                self.expr(cond, Pr::Test.next());
            }
        }
    }

    /// `f'...'`: the body (literal text with braces doubled, replacement
    /// fields unparsed) written as the `repr` of a str, prefixed with `f`.
    fn fstring(&mut self, f: &ast::ExprFString) {
        let mut body = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => escape_braces(&mut body, &l.value),
                ast::FStringPart::FString(fs) => self.fstring_elements(&mut body, &fs.elements),
            }
        }
        self.s("f");
        let r = str_repr(&body);
        self.s(&r);
    }

    fn fstring_elements(&mut self, body: &mut String, elements: &ast::InterpolatedStringElements) {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => escape_braces(body, &l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conversion = match i.conversion {
                        ast::ConversionFlag::Str => Some('s'),
                        ast::ConversionFlag::Repr => Some('r'),
                        ast::ConversionFlag::Ascii => Some('a'),
                        ast::ConversionFlag::None => None,
                    };
                    // `{x=}` is the text `x=` then `{x!r}` in CPython's AST.
                    if let Some(dt) = &i.debug_text {
                        let text = format!(
                            "{}{}{}",
                            dt.leading(),
                            &self.source[pyrite_parser::Ranged::range(&*i.expression)],
                            dt.trailing()
                        );
                        escape_braces(body, &text);
                        if conversion.is_none() && i.format_spec.is_none() {
                            conversion = Some('r');
                        }
                    }
                    let mut inner = Unparser {
                        out: String::new(),
                        source: self.source,
                    };
                    inner.expr(&i.expression, Pr::Test.next());
                    body.push('{');
                    // `{ {...}}`: a leading brace would read as an escape.
                    if inner.out.starts_with('{') {
                        body.push(' ');
                    }
                    body.push_str(&inner.out);
                    if let Some(c) = conversion {
                        body.push('!');
                        body.push(c);
                    }
                    if let Some(spec) = &i.format_spec {
                        body.push(':');
                        self.fstring_elements(body, &spec.elements);
                    }
                    body.push('}');
                }
            }
        }
    }
}

fn escape_braces(body: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '{' => body.push_str("{{"),
            '}' => body.push_str("}}"),
            c => body.push(c),
        }
    }
}

/// `repr(float)`, with infinity written `1e309` so it reads back.
fn float_text(v: f64) -> String {
    pyrite_bytecode::floatrepr::float_repr(v).replace("inf", "1e309")
}

/// `repr(complex)` of a literal (`1j`, `2.5j`, `1e309j`): the imaginary
/// part without a trailing `.0`.
fn complex_text(re: f64, im: f64) -> String {
    let part = |v: f64| {
        let r = float_text(v);
        match r.strip_suffix(".0") {
            Some(s) => s.to_string(),
            None => r,
        }
    };
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", part(im))
    } else {
        let im_text = part(im);
        let sign = if im_text.starts_with('-') { "" } else { "+" };
        format!("({}{sign}{im_text}j)", part(re))
    }
}

/// `repr(str)`: CPython's quote choice and escapes.
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if !c.is_ascii() && !c.is_control() && !c.is_whitespace() => out.push(c),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)`.
fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}
