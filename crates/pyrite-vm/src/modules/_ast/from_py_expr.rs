//! Expressions and patterns of `from_py.rs` (CPython's `obj2ast_expr`,
//! `obj2ast_pattern` and the constant checks of `validate_constant`).

use std::str::FromStr;

use pyrite_parser::ast::{self, CmpOp, Expr, ExprContext, Number, Operator, Pattern, UnaryOp};
use pyrite_parser::{Ranged, TextRange};

use super::from_py::{ni, Back};
use crate::types::bytes::PyBytes;
use crate::types::complex::PyComplex;
use crate::types::float::PyFloat;
use crate::types::int::PyInt;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::{PyObjectRef, PyResult};

impl<'a> Back<'a> {
    fn kind_name(
        &self,
        o: &PyObjectRef,
        abs: &str,
        names: &[&'static str],
    ) -> PyResult<&'static str> {
        for n in names {
            if self.cls.is(o, n) {
                return Ok(n);
            }
        }
        Err(self.vm.new_type_error(format!(
            "expected some sort of {abs}, but got {}",
            self.vm.repr_string(o)?
        )))
    }

    pub fn operator(&self, o: &PyObjectRef) -> PyResult<Operator> {
        use Operator::*;
        let all = [
            ("Add", Add),
            ("Sub", Sub),
            ("Mult", Mult),
            ("MatMult", MatMult),
            ("Div", Div),
            ("Mod", Mod),
            ("Pow", Pow),
            ("LShift", LShift),
            ("RShift", RShift),
            ("BitOr", BitOr),
            ("BitXor", BitXor),
            ("BitAnd", BitAnd),
            ("FloorDiv", FloorDiv),
        ];
        let names: Vec<&'static str> = all.iter().map(|p| p.0).collect();
        let n = self.kind_name(o, "operator", &names)?;
        Ok(all.iter().find(|p| p.0 == n).map_or(Add, |p| p.1))
    }

    fn cmpop(&self, o: &PyObjectRef) -> PyResult<CmpOp> {
        use CmpOp::*;
        let all = [
            ("Eq", Eq),
            ("NotEq", NotEq),
            ("Lt", Lt),
            ("LtE", LtE),
            ("Gt", Gt),
            ("GtE", GtE),
            ("Is", Is),
            ("IsNot", IsNot),
            ("In", In),
            ("NotIn", NotIn),
        ];
        let names: Vec<&'static str> = all.iter().map(|p| p.0).collect();
        let n = self.kind_name(o, "cmpop", &names)?;
        Ok(all.iter().find(|p| p.0 == n).map_or(Eq, |p| p.1))
    }

    fn ctx(&self, o: &PyObjectRef, owner: &str) -> PyResult<ExprContext> {
        let c = self.req(o, "ctx", owner)?;
        Ok(
            match self.kind_name(&c, "expr_context", &["Load", "Store", "Del"])? {
                "Store" => ExprContext::Store,
                "Del" => ExprContext::Del,
                _ => ExprContext::Load,
            },
        )
    }

    fn comprehensions(&self, o: &PyObjectRef, owner: &str) -> PyResult<Vec<ast::Comprehension>> {
        let gens = self.seq(o, "generators", owner)?;
        if gens.is_empty() {
            return Err(self.vm.new_value_error("comprehension with no generators"));
        }
        gens.iter()
            .map(|g| {
                let target = self.expr(&self.req(g, "target", "comprehension")?)?;
                let iter = self.expr(&self.req(g, "iter", "comprehension")?)?;
                let range = TextRange::new(
                    target.range().start(),
                    iter.range().end().max(target.range().start()),
                );
                Ok(ast::Comprehension {
                    range,
                    node_index: ni(),
                    target,
                    iter,
                    ifs: self.exprs(g, "ifs", "comprehension")?,
                    is_async: self.int(g, "is_async", "comprehension")? != 0,
                })
            })
            .collect()
    }

    /// A constant value as a literal expression (tuples of constants as
    /// tuple displays, negative numbers as negations: the compiler folds
    /// both back to the same constant).
    fn constant(&self, v: &PyObjectRef, r: TextRange) -> PyResult<Expr> {
        let vm = self.vm;
        if v.is(&vm.none) {
            return Ok(Expr::NoneLiteral(ast::ExprNoneLiteral {
                node_index: ni(),
                range: r,
            }));
        }
        if v.is(&vm.ellipsis) {
            return Ok(Expr::EllipsisLiteral(ast::ExprEllipsisLiteral {
                node_index: ni(),
                range: r,
            }));
        }
        if v.is(&vm.true_) || v.is(&vm.false_) {
            return Ok(Expr::BooleanLiteral(ast::ExprBooleanLiteral {
                node_index: ni(),
                range: r,
                value: v.is(&vm.true_),
            }));
        }
        let neg = |e: Expr| {
            Expr::UnaryOp(ast::ExprUnaryOp {
                node_index: ni(),
                range: r,
                op: UnaryOp::USub,
                operand: Box::new(e),
            })
        };
        let num = |n: Number| {
            Expr::NumberLiteral(ast::ExprNumberLiteral {
                node_index: ni(),
                range: r,
                value: n,
            })
        };
        if let Some(i) = v.downcast_ref::<PyInt>() {
            let big = i.value.to_big();
            let negative = big < dashu_int::IBig::ZERO;
            let mag = if negative { -big } else { big };
            let int = ast::Int::from_str(&mag.to_string())
                .map_err(|_| vm.new_value_error("invalid integer constant"))?;
            let e = num(Number::Int(int));
            return Ok(if negative { neg(e) } else { e });
        }
        if let Some(f) = v.downcast_ref::<PyFloat>() {
            let x = f.value;
            return Ok(if x.is_sign_negative() {
                neg(num(Number::Float(-x)))
            } else {
                num(Number::Float(x))
            });
        }
        if let Some(c) = v.downcast_ref::<PyComplex>() {
            let imag = num(Number::Complex {
                real: 0.0,
                imag: c.im.abs(),
            });
            let imag = if c.im.is_sign_negative() {
                neg(imag)
            } else {
                imag
            };
            if c.re == 0.0 && !c.re.is_sign_negative() {
                return Ok(imag);
            }
            let re = self.constant(&vm.new_float(c.re), r)?;
            return Ok(Expr::BinOp(ast::ExprBinOp {
                node_index: ni(),
                range: r,
                left: Box::new(re),
                op: Operator::Add,
                right: Box::new(imag),
            }));
        }
        if let Some(s) = v.downcast_ref::<PyStr>() {
            return Ok(self.str_lit(s.as_str(), r));
        }
        if let Some(b) = v.downcast_ref::<PyBytes>() {
            return Ok(Expr::BytesLiteral(ast::ExprBytesLiteral {
                node_index: ni(),
                range: r,
                value: ast::BytesLiteralValue::single(ast::BytesLiteral {
                    range: r,
                    node_index: ni(),
                    value: b.data.to_vec().into_boxed_slice(),
                    flags: ast::BytesLiteralFlags::empty(),
                }),
            }));
        }
        if let Some(t) = v.downcast_ref::<PyTuple>() {
            let elts = t
                .as_slice()
                .iter()
                .map(|e| self.constant(e, r))
                .collect::<PyResult<Vec<_>>>()?;
            return Ok(Expr::Tuple(ast::ExprTuple {
                node_index: ni(),
                range: r,
                elts,
                ctx: ExprContext::Load,
                parenthesized: true,
            }));
        }
        Err(vm.new_type_error(format!(
            "got an invalid type in Constant: {}",
            vm.type_name(v)
        )))
    }

    fn str_lit(&self, s: &str, r: TextRange) -> Expr {
        Expr::StringLiteral(ast::ExprStringLiteral {
            node_index: ni(),
            range: r,
            value: ast::StringLiteralValue::single(ast::StringLiteral {
                range: r,
                node_index: ni(),
                value: s.into(),
                flags: ast::StringLiteralFlags::empty(),
            }),
        })
    }

    /// The pieces of a `JoinedStr` (or a format spec) as f-string elements.
    fn felements(
        &self,
        o: &PyObjectRef,
        r: TextRange,
    ) -> PyResult<Vec<ast::InterpolatedStringElement>> {
        let mut out = Vec::new();
        for v in self.seq(o, "values", "JoinedStr")? {
            if self.cls.is(&v, "Constant") {
                let c = self.req(&v, "value", "Constant")?;
                let Some(s) = c.downcast_ref::<PyStr>() else {
                    return Err(self.vm.new_type_error(
                        "JoinedStr values must be str constants or FormattedValue",
                    ));
                };
                out.push(ast::InterpolatedStringElement::Literal(
                    ast::InterpolatedStringLiteralElement {
                        range: r,
                        node_index: ni(),
                        value: s.as_str().into(),
                    },
                ));
            } else if self.cls.is(&v, "FormattedValue") {
                out.push(ast::InterpolatedStringElement::Interpolation(
                    self.interpolation(&v, r)?,
                ));
            } else {
                return Err(self.vm.new_type_error(format!(
                    "expected some sort of expr, but got {}",
                    self.vm.repr_string(&v)?
                )));
            }
        }
        Ok(out)
    }

    fn interpolation(&self, v: &PyObjectRef, r: TextRange) -> PyResult<ast::InterpolatedElement> {
        let expression = self.req_expr(v, "value", "FormattedValue")?;
        let conversion = match self.int(v, "conversion", "FormattedValue")? {
            115 => ast::ConversionFlag::Str,
            114 => ast::ConversionFlag::Repr,
            97 => ast::ConversionFlag::Ascii,
            -1 => ast::ConversionFlag::None,
            c => {
                return Err(self
                    .vm
                    .new_system_error(format!("Unrecognized conversion character {c}")))
            }
        };
        let format_spec = match self.opt(v, "format_spec")? {
            Some(spec) => Some(Box::new(ast::InterpolatedStringFormatSpec {
                range: if self.opt(&spec, "lineno")?.is_some() {
                    self.range(&spec, "expr")?
                } else {
                    r
                },
                node_index: ni(),
                elements: self.felements(&spec, r)?.into(),
            })),
            None => None,
        };
        Ok(ast::InterpolatedElement {
            range: r,
            node_index: ni(),
            expression,
            debug_text: None,
            conversion,
            format_spec,
        })
    }

    /// An f-string expression. A field with a format spec goes in a part
    /// of its own located at the spec (3.11 locates a spec at the string
    /// token holding it, and the compiler takes that from the part).
    fn fstring(&self, elements: Vec<ast::InterpolatedStringElement>, r: TextRange) -> Expr {
        let mut parts: Vec<(TextRange, Vec<ast::InterpolatedStringElement>)> = Vec::new();
        for el in elements {
            let at = match &el {
                ast::InterpolatedStringElement::Interpolation(i) => {
                    i.format_spec.as_ref().map_or(r, |s| s.range)
                }
                _ => r,
            };
            match parts.last_mut() {
                Some((pr, v)) if *pr == at => v.push(el),
                _ => parts.push((at, vec![el])),
            }
        }
        let mut fparts: Vec<ast::FStringPart> = parts
            .into_iter()
            .map(|(pr, v)| {
                ast::FStringPart::FString(ast::FString {
                    range: pr,
                    node_index: ni(),
                    elements: v.into(),
                    flags: ast::FStringFlags::empty(),
                })
            })
            .collect();
        let value = match fparts.len() {
            0 => ast::FStringValue::single(ast::FString {
                range: r,
                node_index: ni(),
                elements: Vec::new().into(),
                flags: ast::FStringFlags::empty(),
            }),
            1 => match fparts.pop() {
                Some(ast::FStringPart::FString(f)) => ast::FStringValue::single(f),
                _ => ast::FStringValue::concatenated(Vec::new()),
            },
            _ => ast::FStringValue::concatenated(fparts),
        };
        Expr::FString(ast::ExprFString {
            node_index: ni(),
            range: r,
            value,
        })
    }

    /// An expression node (CPython counts these against the recursion
    /// limit: "maximum recursion depth exceeded while traversing 'expr' node").
    pub fn expr(&self, o: &PyObjectRef) -> PyResult<Expr> {
        self.vm.enter_call(" while traversing 'expr' node")?;
        let r = self.expr_inner(o);
        self.vm.leave_call();
        r
    }

    fn expr_inner(&self, o: &PyObjectRef) -> PyResult<Expr> {
        let vm = self.vm;
        if !self.cls.is(o, "expr") {
            return Err(vm.new_type_error(format!(
                "expected some sort of expr, but got {}",
                vm.repr_string(o)?
            )));
        }
        let name = self.tname(o);
        let n = name.as_str();
        let r = self.range(o, "expr")?;
        let e = match n {
            "BoolOp" => {
                let op = self.req(o, "op", n)?;
                let op = match self.kind_name(&op, "boolop", &["And", "Or"])? {
                    "And" => ast::BoolOp::And,
                    _ => ast::BoolOp::Or,
                };
                let values = self.exprs(o, "values", n)?;
                if values.len() < 2 {
                    return Err(vm.new_value_error("BoolOp with less than 2 values"));
                }
                Expr::BoolOp(ast::ExprBoolOp {
                    node_index: ni(),
                    range: r,
                    op,
                    values,
                })
            }
            "NamedExpr" => {
                let target = self.req_expr(o, "target", n)?;
                if !matches!(*target, Expr::Name(_)) {
                    return Err(vm.new_type_error("NamedExpr target must be a Name"));
                }
                Expr::Named(ast::ExprNamed {
                    node_index: ni(),
                    range: r,
                    target,
                    value: self.req_expr(o, "value", n)?,
                })
            }
            "BinOp" => Expr::BinOp(ast::ExprBinOp {
                node_index: ni(),
                range: r,
                left: self.req_expr(o, "left", n)?,
                op: self.operator(&self.req(o, "op", n)?)?,
                right: self.req_expr(o, "right", n)?,
            }),
            "UnaryOp" => {
                let op = self.req(o, "op", n)?;
                let op = match self.kind_name(&op, "unaryop", &["Invert", "Not", "UAdd", "USub"])? {
                    "Invert" => UnaryOp::Invert,
                    "Not" => UnaryOp::Not,
                    "UAdd" => UnaryOp::UAdd,
                    _ => UnaryOp::USub,
                };
                Expr::UnaryOp(ast::ExprUnaryOp {
                    node_index: ni(),
                    range: r,
                    op,
                    operand: self.req_expr(o, "operand", n)?,
                })
            }
            "Lambda" => {
                let args = self.req(o, "args", n)?;
                Expr::Lambda(ast::ExprLambda {
                    node_index: ni(),
                    range: r,
                    parameters: Some(Box::new(self.parameters(&args, r)?)),
                    body: self.req_expr(o, "body", n)?,
                })
            }
            "IfExp" => Expr::If(ast::ExprIf {
                node_index: ni(),
                range: r,
                test: self.req_expr(o, "test", n)?,
                body: self.req_expr(o, "body", n)?,
                orelse: self.req_expr(o, "orelse", n)?,
            }),
            "Dict" => {
                let keys = self.seq(o, "keys", n)?;
                let values = self.exprs(o, "values", n)?;
                if keys.len() != values.len() {
                    return Err(
                        vm.new_value_error("Dict doesn't have the same number of keys as values")
                    );
                }
                let items = keys
                    .iter()
                    .zip(values)
                    .map(|(k, v)| {
                        Ok(ast::DictItem {
                            key: if k.is(&vm.none) {
                                None
                            } else {
                                Some(self.expr(k)?)
                            },
                            value: v,
                        })
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                Expr::Dict(ast::ExprDict {
                    node_index: ni(),
                    range: r,
                    items,
                })
            }
            "Set" => Expr::Set(ast::ExprSet {
                node_index: ni(),
                range: r,
                elts: self.exprs(o, "elts", n)?,
            }),
            "ListComp" => Expr::ListComp(ast::ExprListComp {
                node_index: ni(),
                range: r,
                elt: self.req_expr(o, "elt", n)?,
                generators: self.comprehensions(o, n)?,
            }),
            "SetComp" => Expr::SetComp(ast::ExprSetComp {
                node_index: ni(),
                range: r,
                elt: self.req_expr(o, "elt", n)?,
                generators: self.comprehensions(o, n)?,
            }),
            "DictComp" => Expr::DictComp(ast::ExprDictComp {
                node_index: ni(),
                range: r,
                key: Some(self.req_expr(o, "key", n)?),
                value: self.req_expr(o, "value", n)?,
                generators: self.comprehensions(o, n)?,
            }),
            "GeneratorExp" => Expr::Generator(ast::ExprGenerator {
                node_index: ni(),
                range: r,
                elt: self.req_expr(o, "elt", n)?,
                generators: self.comprehensions(o, n)?,
                parenthesized: true,
            }),
            "Await" => Expr::Await(ast::ExprAwait {
                node_index: ni(),
                range: r,
                value: self.req_expr(o, "value", n)?,
            }),
            "Yield" => Expr::Yield(ast::ExprYield {
                node_index: ni(),
                range: r,
                value: self.opt_expr(o, "value")?,
            }),
            "YieldFrom" => Expr::YieldFrom(ast::ExprYieldFrom {
                node_index: ni(),
                range: r,
                value: self.req_expr(o, "value", n)?,
            }),
            "Compare" => {
                let ops = self
                    .seq(o, "ops", n)?
                    .iter()
                    .map(|c| self.cmpop(c))
                    .collect::<PyResult<Vec<_>>>()?;
                let comparators = self.exprs(o, "comparators", n)?;
                if comparators.is_empty() {
                    return Err(vm.new_value_error("Compare with no comparators"));
                }
                if ops.len() != comparators.len() {
                    return Err(vm.new_value_error(
                        "Compare has a different number of comparators and operands",
                    ));
                }
                Expr::Compare(ast::ExprCompare {
                    node_index: ni(),
                    range: r,
                    left: self.req_expr(o, "left", n)?,
                    ops: ops.into_boxed_slice(),
                    comparators: comparators.into_boxed_slice(),
                })
            }
            "Call" => {
                let func = self.req_expr(o, "func", n)?;
                let args = self.exprs(o, "args", n)?;
                let keywords = self.keywords(o, "keywords", n)?;
                let arguments = ast::Arguments {
                    range: TextRange::new(func.range().end().min(r.end()), r.end()),
                    node_index: ni(),
                    args: args.into_boxed_slice(),
                    keywords: keywords.into_iter().collect(),
                };
                Expr::Call(ast::ExprCall {
                    node_index: ni(),
                    range_start: r.start(),
                    func,
                    arguments,
                })
            }
            "FormattedValue" => {
                let i = self.interpolation(o, r)?;
                self.fstring(vec![ast::InterpolatedStringElement::Interpolation(i)], r)
            }
            "JoinedStr" => {
                let els = self.felements(o, r)?;
                self.fstring(els, r)
            }
            "Constant" => return self.constant(&self.req_const(o)?, r),
            "Attribute" => Expr::Attribute(ast::ExprAttribute {
                node_index: ni(),
                range: r,
                value: self.req_expr(o, "value", n)?,
                attr: self.ident(o, "attr", n, r)?,
                ctx: self.ctx(o, n)?,
            }),
            "Subscript" => Expr::Subscript(ast::ExprSubscript {
                node_index: ni(),
                range: r,
                value: self.req_expr(o, "value", n)?,
                slice: self.req_expr(o, "slice", n)?,
                ctx: self.ctx(o, n)?,
            }),
            "Starred" => Expr::Starred(ast::ExprStarred {
                node_index: ni(),
                range: r,
                value: self.req_expr(o, "value", n)?,
                ctx: self.ctx(o, n)?,
            }),
            "Name" => {
                let id = self.req(o, "id", n)?;
                let Some(s) = id.downcast_ref::<PyStr>() else {
                    return Err(vm.new_type_error("AST identifier must be of type str"));
                };
                if matches!(s.as_str(), "None" | "True" | "False") {
                    return Err(vm.new_value_error(format!(
                        "identifier field can't represent '{}' constant",
                        s.as_str()
                    )));
                }
                Expr::Name(ast::ExprName {
                    node_index: ni(),
                    range: r,
                    id: ast::name::Name::new(s.as_str()),
                    ctx: self.ctx(o, n)?,
                })
            }
            "List" => Expr::List(ast::ExprList {
                node_index: ni(),
                range: r,
                elts: self.exprs(o, "elts", n)?,
                ctx: self.ctx(o, n)?,
            }),
            "Tuple" => Expr::Tuple(ast::ExprTuple {
                node_index: ni(),
                range: r,
                elts: self.exprs(o, "elts", n)?,
                ctx: self.ctx(o, n)?,
                parenthesized: true,
            }),
            "Slice" => Expr::Slice(ast::ExprSlice {
                node_index: ni(),
                range: r,
                lower: self.opt_expr(o, "lower")?,
                upper: self.opt_expr(o, "upper")?,
                step: self.opt_expr(o, "step")?,
            }),
            _ => {
                return Err(vm.new_type_error(format!(
                    "expected some sort of expr, but got {}",
                    vm.repr_string(o)?
                )))
            }
        };
        Ok(e)
    }

    /// `Constant.value`, which may legitimately be `None`.
    fn req_const(&self, o: &PyObjectRef) -> PyResult {
        match self.vm.get_attr_opt(o, &self.vm.intern("value"))? {
            Some(v) => Ok(v),
            None => Err(self
                .vm
                .new_type_error("required field \"value\" missing from Constant")),
        }
    }

    fn patterns(&self, o: &PyObjectRef, field: &str, owner: &str) -> PyResult<Vec<Pattern>> {
        let star_ok = owner == "MatchSequence";
        self.seq(o, field, owner)?
            .iter()
            .map(|p| self.pattern_in(p, star_ok))
            .collect()
    }

    pub fn pattern(&self, o: &PyObjectRef) -> PyResult<Pattern> {
        self.pattern_in(o, false)
    }

    fn pattern_in(&self, o: &PyObjectRef, star_ok: bool) -> PyResult<Pattern> {
        self.vm.enter_call(" while traversing 'pattern' node")?;
        let r = self.pattern_inner(o, star_ok);
        self.vm.leave_call();
        r
    }

    fn pattern_inner(&self, o: &PyObjectRef, star_ok: bool) -> PyResult<Pattern> {
        let vm = self.vm;
        if !self.cls.is(o, "pattern") {
            return Err(vm.new_type_error(format!(
                "expected some sort of pattern, but got {}",
                vm.repr_string(o)?
            )));
        }
        let name = self.tname(o);
        let n = name.as_str();
        let r = self.range(o, "pattern")?;
        let p = match n {
            "MatchValue" => {
                let value = self.req_expr(o, "value", n)?;
                match &*value {
                    Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) => {
                        return Err(
                            vm.new_value_error("unexpected constant inside of a literal pattern")
                        )
                    }
                    Expr::Attribute(_)
                    | Expr::UnaryOp(_)
                    | Expr::BinOp(_)
                    | Expr::NumberLiteral(_)
                    | Expr::StringLiteral(_)
                    | Expr::BytesLiteral(_)
                    | Expr::FString(_)
                    | Expr::EllipsisLiteral(_)
                    | Expr::Tuple(_) => {}
                    _ => {
                        return Err(vm.new_value_error(
                            "patterns may only match literals and attribute lookups",
                        ))
                    }
                }
                Pattern::MatchValue(ast::PatternMatchValue {
                    node_index: ni(),
                    range: r,
                    value,
                })
            }
            "MatchSingleton" => {
                let v = self.req_const(o)?;
                let value = if v.is(&vm.true_) {
                    ast::Singleton::True
                } else if v.is(&vm.false_) {
                    ast::Singleton::False
                } else if v.is(&vm.none) {
                    ast::Singleton::None
                } else {
                    return Err(
                        vm.new_value_error("MatchSingleton can only contain True, False and None")
                    );
                };
                Pattern::MatchSingleton(ast::PatternMatchSingleton {
                    node_index: ni(),
                    range: r,
                    value,
                })
            }
            "MatchSequence" => Pattern::MatchSequence(ast::PatternMatchSequence {
                node_index: ni(),
                range: r,
                patterns: self.patterns(o, "patterns", n)?,
            }),
            "MatchMapping" => {
                let keys = self.exprs(o, "keys", n)?;
                let patterns = self.patterns(o, "patterns", n)?;
                if keys.len() != patterns.len() {
                    return Err(vm.new_value_error(
                        "MatchMapping doesn't have the same number of keys as patterns",
                    ));
                }
                Pattern::MatchMapping(ast::PatternMatchMapping {
                    node_index: ni(),
                    range: r,
                    keys: keys.into_iter().collect(),
                    patterns: patterns.into_iter().collect(),
                    rest: self.opt_ident(o, "rest", r)?,
                })
            }
            "MatchClass" => {
                let attrs = self.seq(o, "kwd_attrs", n)?;
                let kpats = self.patterns(o, "kwd_patterns", n)?;
                if attrs.len() != kpats.len() {
                    return Err(vm.new_value_error(
                        "MatchClass doesn't have the same number of keyword attributes as patterns",
                    ));
                }
                let keywords = attrs
                    .iter()
                    .zip(kpats)
                    .map(|(a, p)| {
                        Ok(ast::PatternKeyword {
                            range: p.range(),
                            node_index: ni(),
                            attr: self.ident_of(a, r)?,
                            pattern: p,
                        })
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                Pattern::MatchClass(ast::PatternMatchClass {
                    node_index: ni(),
                    range: r,
                    cls: self.req_expr(o, "cls", n)?,
                    arguments: ast::PatternArguments {
                        range: r,
                        node_index: ni(),
                        patterns: self.patterns(o, "patterns", n)?.into_iter().collect(),
                        keywords,
                    },
                })
            }
            "MatchStar" if !star_ok => return Err(vm.new_value_error("can't use MatchStar here")),
            "MatchStar" => Pattern::MatchStar(ast::PatternMatchStar {
                node_index: ni(),
                range: r,
                name: self.opt_ident(o, "name", r)?,
            }),
            "MatchAs" => {
                let name = self.opt_ident(o, "name", r)?;
                let pattern = self
                    .opt(o, "pattern")?
                    .map(|p| self.pattern(&p).map(Box::new))
                    .transpose()?;
                if pattern.is_some() && name.is_none() {
                    return Err(vm.new_value_error(
                        "MatchAs must specify a target name if a pattern is given",
                    ));
                }
                Pattern::MatchAs(ast::PatternMatchAs {
                    node_index: ni(),
                    range: r,
                    pattern,
                    name,
                })
            }
            "MatchOr" => {
                let patterns = self.patterns(o, "patterns", n)?;
                if patterns.len() < 2 {
                    return Err(vm.new_value_error("MatchOr requires at least 2 patterns"));
                }
                Pattern::MatchOr(ast::PatternMatchOr {
                    node_index: ni(),
                    range: r,
                    patterns,
                })
            }
            _ => {
                return Err(vm.new_type_error(format!(
                    "expected some sort of pattern, but got {}",
                    vm.repr_string(o)?
                )))
            }
        };
        Ok(p)
    }
}

/// CPython's context check of `PyAST_Validate`: names, attributes,
/// subscripts, starred, lists and tuples are `Store`/`Del` exactly where
/// they are assigned or deleted, `Load` everywhere else.
#[derive(Default)]
pub(super) struct CtxCheck {
    pub err: Option<String>,
    targets: std::collections::HashSet<*const Expr>,
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
        _ => "Load",
    }
}

impl CtxCheck {
    fn target(&mut self, e: &Expr, want: ExprContext) {
        let actual = match e {
            Expr::Name(n) => n.ctx,
            Expr::Attribute(a) => a.ctx,
            Expr::Subscript(s) => s.ctx,
            Expr::Starred(s) => s.ctx,
            Expr::List(l) => l.ctx,
            Expr::Tuple(t) => t.ctx,
            _ => {
                if want != ExprContext::Load && self.err.is_none() {
                    self.err = Some(format!(
                        "expression which can't be assigned to in {} context",
                        ctx_name(want)
                    ));
                }
                return;
            }
        };
        self.targets.insert(e as *const Expr);
        if actual != want && self.err.is_none() {
            self.err = Some(format!(
                "expression must have {} context but has {} instead",
                ctx_name(want),
                ctx_name(actual)
            ));
        }
        match e {
            Expr::Starred(s) => self.target(&s.value, want),
            Expr::List(l) => l.elts.iter().for_each(|x| self.target(x, want)),
            Expr::Tuple(t) => t.elts.iter().for_each(|x| self.target(x, want)),
            _ => {}
        }
    }
}

impl<'x> ast::visitor::Visitor<'x> for CtxCheck {
    fn visit_stmt(&mut self, s: &'x ast::Stmt) {
        use ast::Stmt;
        match s {
            Stmt::Assign(a) => a
                .targets
                .iter()
                .for_each(|t| self.target(t, ExprContext::Store)),
            Stmt::AugAssign(a) => self.target(&a.target, ExprContext::Store),
            Stmt::AnnAssign(a) => self.target(&a.target, ExprContext::Store),
            Stmt::For(f) => self.target(&f.target, ExprContext::Store),
            Stmt::Delete(d) => d
                .targets
                .iter()
                .for_each(|t| self.target(t, ExprContext::Del)),
            Stmt::With(w) => w
                .items
                .iter()
                .filter_map(|i| i.optional_vars.as_deref())
                .for_each(|t| self.target(t, ExprContext::Store)),
            _ => {}
        }
        ast::visitor::walk_stmt(self, s);
    }

    fn visit_expr(&mut self, e: &'x Expr) {
        match e {
            Expr::Named(n) => self.target(&n.target, ExprContext::Store),
            Expr::ListComp(ast::ExprListComp { generators, .. })
            | Expr::SetComp(ast::ExprSetComp { generators, .. })
            | Expr::DictComp(ast::ExprDictComp { generators, .. })
            | Expr::Generator(ast::ExprGenerator { generators, .. }) => generators
                .iter()
                .for_each(|g| self.target(&g.target, ExprContext::Store)),
            _ => {}
        }
        if !self.targets.contains(&(e as *const Expr)) {
            self.target(e, ExprContext::Load);
        }
        ast::visitor::walk_expr(self, e);
    }
}
