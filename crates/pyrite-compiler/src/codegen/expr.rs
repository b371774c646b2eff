//! Expressions: names and constants, operators, comparisons (and their
//! jump forms), boolean operators, calls (`LOAD_METHOD`/`PRECALL`/`CALL`,
//! `KW_NAMES`, `CALL_FUNCTION_EX`), displays with star-unpacking,
//! subscripts and slices, f-strings, `yield`/`await`, assignment targets.
//!
//! Mirrors the expression half of CPython 3.11 `Python/compile.c`
//! (`compiler_visit_expr1`, `compiler_jump_if`, `compiler_call_helper`,
//! `starunpack_helper`, `compiler_dict`, `compiler_joined_str`, ...).
//! Constant subexpressions are folded first (see `fold.rs`), as CPython's
//! AST optimizer does before code generation.

use std::rc::Rc;

use pyrite_bytecode::{Constant, Opcode};
use pyrite_parser::ast::{self, CmpOp, Expr, Operator};
use pyrite_parser::Ranged;

use super::{CResult, Compiler, Ctx, ScopeType};
use crate::flowgraph::{BlockId, Op};
use crate::symtable::{self, BlockType};

use Opcode as O;

/// CPython's `STACK_USE_GUIDELINE`.
pub const STACK_USE_GUIDELINE: usize = 30;

/// `BINARY_OP` argument of an operator.
pub fn binop_arg(op: Operator) -> u32 {
    use pyrite_bytecode::opcodes::nb;
    match op {
        Operator::Add => nb::ADD,
        Operator::Sub => nb::SUBTRACT,
        Operator::Mult => nb::MULTIPLY,
        Operator::MatMult => nb::MATRIX_MULTIPLY,
        Operator::Div => nb::TRUE_DIVIDE,
        Operator::Mod => nb::REMAINDER,
        Operator::Pow => nb::POWER,
        Operator::LShift => nb::LSHIFT,
        Operator::RShift => nb::RSHIFT,
        Operator::BitOr => nb::OR,
        Operator::BitXor => nb::XOR,
        Operator::BitAnd => nb::AND,
        Operator::FloorDiv => nb::FLOOR_DIVIDE,
    }
}

/// One piece of an f-string after literal merging.
enum FPart<'a> {
    /// Literal text; the flag says it holds lone surrogates (stand-ins).
    Lit(String, bool),
    /// An interpolation and the range of the f-string token holding it.
    Value(&'a ast::InterpolatedElement, ruff_text_size::TextRange),
}

/// One piece of a `'...' % (...)` rewritten as an f-string.
enum PctPart<'a> {
    Lit(String),
    Value(&'a Expr, char, Option<String>),
}

/// CPython 3.11 `ast_opt.c` `optimize_format`: split a `%` format made
/// only of `%s`/`%r`/`%a` (with optional width and precision) into pieces,
/// or `None` if it uses anything else or the item count does not match.
fn percent_parts<'a>(fmt: &str, elts: &'a [Expr]) -> Option<Vec<PctPart<'a>>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    let mut cnt = 0;
    let mut out = Vec::new();
    loop {
        let start = pos;
        let mut lit = String::new();
        while pos < chars.len() {
            if chars[pos] != '%' {
                lit.push(chars[pos]);
                pos += 1;
            } else if pos + 1 < chars.len() && chars[pos + 1] == '%' {
                lit.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if pos > start {
            out.push(PctPart::Lit(lit));
        }
        if pos >= chars.len() {
            break;
        }
        if cnt >= elts.len() {
            return None;
        }
        pos += 1;
        // simple_format_arg_parse
        let next = |pos: &mut usize| -> Option<char> {
            let c = *chars.get(*pos)?;
            *pos += 1;
            Some(c)
        };
        let mut ljust = false;
        let mut ch;
        loop {
            ch = next(&mut pos)?;
            match ch {
                '-' => ljust = true,
                '+' | ' ' | '#' | '0' => {}
                _ => break,
            }
        }
        let mut width: i32 = -1;
        let mut prec: i32 = -1;
        if ch.is_ascii_digit() {
            width = 0;
            let mut digits = 0;
            while ch.is_ascii_digit() {
                width = width * 10 + ch.to_digit(10)? as i32;
                ch = next(&mut pos)?;
                digits += 1;
                if digits >= 3 {
                    return None;
                }
            }
        }
        if ch == '.' {
            ch = next(&mut pos)?;
            prec = 0;
            if ch.is_ascii_digit() {
                let mut digits = 0;
                while ch.is_ascii_digit() {
                    prec = prec * 10 + ch.to_digit(10)? as i32;
                    ch = next(&mut pos)?;
                    digits += 1;
                    if digits >= 3 {
                        return None;
                    }
                }
            }
        }
        if !matches!(ch, 's' | 'r' | 'a') {
            return None;
        }
        let mut spec = String::new();
        if !ljust && width > 0 {
            spec.push('>');
        }
        if width >= 0 {
            spec.push_str(&width.to_string());
        }
        if prec >= 0 {
            spec.push_str(&format!(".{prec}"));
        }
        out.push(PctPart::Value(
            &elts[cnt],
            ch,
            (!spec.is_empty()).then_some(spec),
        ));
        cnt += 1;
    }
    if cnt < elts.len() {
        return None;
    }
    Some(out)
}

/// `not (a in b)` and friends, which CPython 3.11's AST optimizer rewrites
/// to the inverted comparison (`a not in b`).
fn not_compare(e: &Expr) -> Option<(&ast::ExprCompare, CmpOp)> {
    let Expr::UnaryOp(u) = e else { return None };
    if u.op != ast::UnaryOp::Not {
        return None;
    }
    let Expr::Compare(c) = &*u.operand else {
        return None;
    };
    if c.ops.len() != 1 {
        return None;
    }
    let inv = match c.ops[0] {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    };
    Some((c, inv))
}

impl<'a> Compiler<'a> {
    /// Constant value of `e` after folding, if it is a constant.
    pub fn fold(&self, e: &Expr) -> Option<Constant> {
        crate::fold::fold_expr(e, self.optimize, self.source)
    }

    /// `compiler_visit_expr`: visit with `e`'s location, then restore.
    pub fn visit_expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.u().loc;
        if let Some((c, op)) = not_compare(e) {
            if self.fold(e).is_none() {
                self.set_loc(c.range);
                self.visit_expr(&c.left)?;
                self.visit_comparator(op, &c.comparators[0], true)?;
                self.add_compare(op);
                self.u_mut().loc = saved;
                return Ok(());
            }
        }
        self.set_loc(self.expr_range(e));
        let r = self.visit_expr1(e);
        self.u_mut().loc = saved;
        r
    }

    /// The iterable of a `for`: a list or set display of constants is
    /// folded to a tuple or frozenset, other lists become tuples.
    pub fn visit_iter(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::List(l) if matches!(l.ctx, ast::ExprContext::Load) => {
                if let Some(c) = crate::fold::fold_elts_tuple(&l.elts, self.optimize, self.source) {
                    let saved = self.u().loc;
                    self.set_loc(e.range());
                    self.load_const(c);
                    self.u_mut().loc = saved;
                    return Ok(());
                }
                let saved = self.u().loc;
                self.set_loc(e.range());
                let r = self.starunpack_helper(
                    &l.elts,
                    0,
                    O::BUILD_LIST,
                    O::LIST_APPEND,
                    O::LIST_EXTEND,
                    true,
                );
                self.u_mut().loc = saved;
                r
            }
            Expr::Set(s) => {
                if let Some(Constant::Tuple(t)) =
                    crate::fold::fold_elts_tuple(&s.elts, self.optimize, self.source)
                {
                    let saved = self.u().loc;
                    self.set_loc(e.range());
                    self.load_const(Constant::FrozenSet(crate::fold::dedup_set(&t)));
                    self.u_mut().loc = saved;
                    return Ok(());
                }
                self.visit_expr(e)
            }
            _ => self.visit_expr(e),
        }
    }

    fn visit_expr1(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = self.fold(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.emit_arg(O::COPY, 1);
                self.visit_expr(&n.target)?;
            }
            Expr::BoolOp(b) => {
                let jumpi = if b.op == ast::BoolOp::And {
                    O::JUMP_IF_FALSE_OR_POP
                } else {
                    O::JUMP_IF_TRUE_OR_POP
                };
                let end = self.new_block();
                let n = b.values.len() - 1;
                for v in &b.values[..n] {
                    self.visit_expr(v)?;
                    self.emit_jump(jumpi, end);
                    self.next_block();
                }
                self.visit_expr(&b.values[n])?;
                self.use_next_block(end);
            }
            Expr::BinOp(b) if self.try_percent_format(e, b)? => {}
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit_arg(O::BINARY_OP, binop_arg(b.op));
            }
            Expr::UnaryOp(u) => {
                self.visit_expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => O::UNARY_INVERT,
                    ast::UnaryOp::Not => O::UNARY_NOT,
                    ast::UnaryOp::UAdd => O::UNARY_POSITIVE,
                    ast::UnaryOp::USub => O::UNARY_NEGATIVE,
                };
                self.emit(op);
            }
            Expr::Lambda(l) => self.compile_lambda(e, l)?,
            Expr::If(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.emit_jump_noline(Op::Jump, end);
                self.use_next_block(next);
                self.visit_expr(&i.orelse)?;
                self.use_next_block(end);
            }
            Expr::Dict(d) => self.compile_dict(d)?,
            Expr::Set(s) => {
                self.starunpack_helper(&s.elts, 0, O::BUILD_SET, O::SET_ADD, O::SET_UPDATE, false)?
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.compile_comprehension(e)?
            }
            Expr::Yield(y) => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error_here("'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.add_yield();
            }
            Expr::YieldFrom(y) => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error_here("'yield' outside function"));
                }
                if self.u().scope_type == ScopeType::AsyncFunction {
                    return Err(self.error_here("'yield from' inside async function"));
                }
                self.visit_expr(&y.value)?;
                self.emit(O::GET_YIELD_FROM_ITER);
                self.load_const(Constant::None);
                self.add_yield_from(false);
            }
            Expr::Await(a) => {
                if !self.is_top_level_await() {
                    if self.ste().typ != BlockType::Function {
                        return Err(self.error_here("'await' outside function"));
                    }
                    if !matches!(
                        self.u().scope_type,
                        ScopeType::AsyncFunction | ScopeType::Comprehension
                    ) {
                        return Err(self.error_here("'await' outside async function"));
                    }
                }
                self.visit_expr(&a.value)?;
                self.emit_arg(O::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.add_yield_from(true);
            }
            Expr::Compare(c) => self.compile_compare(c)?,
            Expr::Call(c) => self.compile_call(c)?,
            Expr::FString(f) => self.compile_fstring(f)?,
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                // Folding always succeeds on literals; reaching here means a
                // literal could not be represented.
                return Err(self.error_here("invalid literal"));
            }
            Expr::Attribute(a) => {
                self.visit_expr(&a.value)?;
                self.update_start_location_to_match_attr(a);
                match Ctx::from(a.ctx) {
                    Ctx::Load => self.emit_name(O::LOAD_ATTR, &a.attr),
                    Ctx::Store => {
                        self.check_forbidden(&a.attr, Ctx::Store)?;
                        self.emit_name(O::STORE_ATTR, &a.attr)
                    }
                    Ctx::Del => self.emit_name(O::DELETE_ATTR, &a.attr),
                }
            }
            Expr::Subscript(s) => {
                let op = match Ctx::from(s.ctx) {
                    Ctx::Load => O::BINARY_SUBSCR,
                    Ctx::Store => O::STORE_SUBSCR,
                    Ctx::Del => O::DELETE_SUBSCR,
                };
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
                self.emit(op);
            }
            Expr::Starred(s) => {
                return Err(match Ctx::from(s.ctx) {
                    Ctx::Store => {
                        self.error_here("starred assignment target must be in a list or tuple")
                    }
                    _ => self.error_here("can't use starred expression here"),
                })
            }
            Expr::Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(l) => self.visit_expr(l)?,
                    None => self.load_const(Constant::None),
                }
                match &s.upper {
                    Some(u) => self.visit_expr(u)?,
                    None => self.load_const(Constant::None),
                }
                if let Some(st) = &s.step {
                    n += 1;
                    self.visit_expr(st)?;
                }
                self.emit_arg(O::BUILD_SLICE, n);
            }
            Expr::Name(n) => self.nameop(&n.id, Ctx::from(n.ctx))?,
            Expr::List(l) => match Ctx::from(l.ctx) {
                Ctx::Store => self.assignment_helper(&l.elts)?,
                Ctx::Load => self.starunpack_helper(
                    &l.elts,
                    0,
                    O::BUILD_LIST,
                    O::LIST_APPEND,
                    O::LIST_EXTEND,
                    false,
                )?,
                Ctx::Del => {
                    for x in &l.elts {
                        self.visit_expr(x)?;
                    }
                }
            },
            Expr::Tuple(t) => match Ctx::from(t.ctx) {
                Ctx::Store => self.assignment_helper(&t.elts)?,
                Ctx::Load => self.starunpack_helper(
                    &t.elts,
                    0,
                    O::BUILD_LIST,
                    O::LIST_APPEND,
                    O::LIST_EXTEND,
                    true,
                )?,
                Ctx::Del => {
                    for x in &t.elts {
                        self.visit_expr(x)?;
                    }
                }
            },
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                return Err(self.error_here("invalid syntax"))
            }
        }
        Ok(())
    }

    /// `'fmt' % (a, b)` compiled as the f-string CPython 3.11's AST
    /// optimizer turns it into; `false` if the rewrite does not apply.
    fn try_percent_format(&mut self, e: &'a Expr, b: &'a ast::ExprBinOp) -> CResult<bool> {
        if b.op != Operator::Mod {
            return Ok(false);
        }
        let Some(Constant::Str(fmt)) = self.fold(&b.left) else {
            return Ok(false);
        };
        let Expr::Tuple(t) = &*b.right else {
            return Ok(false);
        };
        if t.elts.iter().any(|x| matches!(x, Expr::Starred(_))) || self.fold(&b.right).is_some() {
            return Ok(false);
        }
        let Some(parts) = percent_parts(&fmt, &t.elts) else {
            return Ok(false);
        };
        let n = parts.len();
        let joined_loc = self.loc_of(e.range());
        let noloc = crate::flowgraph::Loc::NONE;
        let big = n > STACK_USE_GUIDELINE;
        if big {
            self.u_mut().loc = joined_loc;
            self.load_const(Constant::Str(Rc::from("")));
            self.emit_name(O::LOAD_METHOD, "join");
            self.emit_arg(O::BUILD_LIST, 0);
        }
        for p in parts {
            match p {
                PctPart::Lit(s) => {
                    self.u_mut().loc = noloc;
                    self.load_const(Constant::Str(Rc::from(s.as_str())));
                }
                PctPart::Value(arg, conv, spec) => {
                    self.set_loc(arg.range());
                    self.visit_expr(arg)?;
                    use pyrite_bytecode::opcodes::format_value as fv;
                    let mut oparg = match conv {
                        's' => fv::STR,
                        'r' => fv::REPR,
                        _ => fv::ASCII,
                    };
                    if let Some(spec) = spec {
                        let l = self.u().loc;
                        self.u_mut().loc = noloc;
                        self.load_const(Constant::Str(Rc::from(spec.as_str())));
                        self.u_mut().loc = l;
                        oparg |= fv::HAVE_SPEC;
                    }
                    self.emit_arg(O::FORMAT_VALUE, oparg);
                }
            }
            self.u_mut().loc = joined_loc;
            if big {
                self.emit_arg(O::LIST_APPEND, 1);
            }
        }
        self.u_mut().loc = joined_loc;
        if big {
            self.emit_arg(O::PRECALL, 1);
            self.emit_arg(O::CALL, 1);
        } else if n != 1 {
            self.emit_arg(O::BUILD_STRING, n as u32);
        }
        Ok(true)
    }

    /// `ADDOP_YIELD`.
    pub fn add_yield(&mut self) {
        let ste = self.ste();
        if ste.generator && ste.coroutine {
            self.emit(O::ASYNC_GEN_WRAP);
        }
        self.emit(O::YIELD_VALUE);
        self.emit_arg(O::RESUME, 1);
    }

    /// For an attribute spanning lines, point at the attribute name.
    pub fn update_start_location_to_match_attr(&mut self, a: &ast::ExprAttribute) {
        let r = self.loc_of(a.range);
        let loc = &mut self.units.last_mut().unwrap().loc;
        if loc.lineno != r.end_lineno {
            loc.lineno = r.end_lineno;
            let len = a.attr.len() as i32;
            if len <= r.end_col {
                loc.col = r.end_col - len;
            } else {
                loc.col = -1;
                loc.end_col = -1;
            }
            loc.end_lineno = loc.lineno.max(loc.end_lineno);
            if loc.lineno == loc.end_lineno {
                loc.end_col = loc.col.max(loc.end_col);
            }
        }
    }

    fn assignment_helper(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if let Expr::Starred(_) = elt {
                if seen_star {
                    return Err(self.error_here("multiple starred expressions in assignment"));
                }
                if i >= 256 || n - i > (i32::MAX >> 8) as usize {
                    return Err(
                        self.error_here("too many expressions in star-unpacking assignment")
                    );
                }
                self.emit_arg(O::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit_arg(O::UNPACK_SEQUENCE, n as u32);
        }
        for elt in elts {
            match elt {
                Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(elt)?,
            }
        }
        Ok(())
    }

    /// `starunpack_helper`: build a list/tuple/set from `elts`, handling
    /// `*x` items and long displays.
    pub fn starunpack_helper(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 {
            if let Some(Constant::Tuple(items)) =
                crate::fold::fold_elts_tuple(elts, self.optimize, self.source)
            {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(items));
                } else {
                    let c = if add == O::SET_ADD {
                        Constant::FrozenSet(crate::fold::dedup_set(&items))
                    } else {
                        Constant::Tuple(items)
                    };
                    self.emit_arg(build, pushed);
                    self.load_const(c);
                    self.emit_arg(extend, 1);
                    if tuple {
                        self.emit(O::LIST_TO_TUPLE);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            let op = if tuple { O::BUILD_TUPLE } else { build };
            self.emit_arg(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit_arg(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit_arg(build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit_arg(extend, 1);
            } else {
                self.visit_expr(e)?;
                if built {
                    self.emit_arg(add, 1);
                }
            }
        }
        if tuple {
            self.emit(O::LIST_TO_TUPLE);
        }
        Ok(())
    }

    fn subdict(&mut self, items: &'a [ast::DictItem]) -> CResult {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let keys: Option<Vec<Constant>> = items
                .iter()
                .map(|i| i.key.as_ref().and_then(|k| self.fold(k)))
                .collect();
            if let Some(keys) = keys {
                for i in items {
                    self.visit_expr(&i.value)?;
                }
                self.load_const(Constant::Tuple(keys.into()));
                self.emit_arg(O::BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit_arg(O::BUILD_MAP, 0);
        }
        for i in items {
            self.visit_expr(i.key.as_ref().unwrap())?;
            self.visit_expr(&i.value)?;
            if big {
                self.emit_arg(O::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit_arg(O::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        let n = d.items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if d.items[i].key.is_none() {
                if elements > 0 {
                    self.subdict(&d.items[i - elements..i])?;
                    if have_dict {
                        self.emit_arg(O::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit_arg(O::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&d.items[i].value)?;
                self.emit_arg(O::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(&d.items[i - elements..i + 1])?;
                if have_dict {
                    self.emit_arg(O::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(&d.items[n - elements..n])?;
            if have_dict {
                self.emit_arg(O::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit_arg(O::BUILD_MAP, 0);
        }
        Ok(())
    }

    pub fn add_compare(&mut self, op: CmpOp) {
        match op {
            CmpOp::Eq => self.emit_arg(O::COMPARE_OP, 2),
            CmpOp::NotEq => self.emit_arg(O::COMPARE_OP, 3),
            CmpOp::Lt => self.emit_arg(O::COMPARE_OP, 0),
            CmpOp::LtE => self.emit_arg(O::COMPARE_OP, 1),
            CmpOp::Gt => self.emit_arg(O::COMPARE_OP, 4),
            CmpOp::GtE => self.emit_arg(O::COMPARE_OP, 5),
            CmpOp::Is => self.emit_arg(O::IS_OP, 0),
            CmpOp::IsNot => self.emit_arg(O::IS_OP, 1),
            CmpOp::In => self.emit_arg(O::CONTAINS_OP, 0),
            CmpOp::NotIn => self.emit_arg(O::CONTAINS_OP, 1),
        }
    }

    /// Visit a comparator; the right operand of `in`/`not in` folds lists
    /// and sets of constants to tuples and frozensets.
    fn visit_comparator(&mut self, op: CmpOp, e: &'a Expr, last: bool) -> CResult {
        if last && matches!(op, CmpOp::In | CmpOp::NotIn) {
            return self.visit_iter(e);
        }
        self.visit_expr(e)
    }

    fn compile_compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.visit_expr(&c.left)?;
        let n = c.ops.len() - 1;
        if n == 0 {
            self.visit_comparator(c.ops[0], &c.comparators[0], true)?;
            self.add_compare(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            self.visit_comparator(c.ops[i], &c.comparators[i], false)?;
            self.emit_arg(O::SWAP, 2);
            self.emit_arg(O::COPY, 2);
            self.add_compare(c.ops[i]);
            self.emit_jump(O::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.visit_comparator(c.ops[n], &c.comparators[n], true)?;
        self.add_compare(c.ops[n]);
        let end = self.new_block();
        self.emit_jump_noline(Op::Jump, end);
        self.use_next_block(cleanup);
        self.emit_arg(O::SWAP, 2);
        self.emit(O::POP_TOP);
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_jump_if`: jump to `next` if `e` is truthy == `cond`.
    ///
    /// As in CPython 3.11, a comparison sets the current location to its
    /// own and leaves it there (the jump and what follows get it).
    pub fn jump_if(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult {
        if self.fold(e).is_none() {
            if let Expr::Compare(_) = e {
                self.set_loc(e.range());
            }
            if let Some((c, _)) = not_compare(e) {
                self.set_loc(c.range);
                self.visit_expr(e)?;
                self.emit_jump(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    next,
                );
                return Ok(());
            }
            match e {
                Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                    return self.jump_if(&u.operand, next, !cond);
                }
                Expr::BoolOp(b) => {
                    let n = b.values.len() - 1;
                    let cond2 = b.op == ast::BoolOp::Or;
                    let next2 = if cond2 != cond {
                        self.new_block()
                    } else {
                        next
                    };
                    for v in &b.values[..n] {
                        self.jump_if(v, next2, cond2)?;
                    }
                    self.jump_if(&b.values[n], next, cond)?;
                    if next2 != next {
                        self.use_next_block(next2);
                    }
                    return Ok(());
                }
                Expr::If(i) => {
                    let end = self.new_block();
                    let next2 = self.new_block();
                    self.jump_if(&i.test, next2, false)?;
                    self.jump_if(&i.body, next, cond)?;
                    self.emit_jump_noline(Op::Jump, end);
                    self.use_next_block(next2);
                    self.jump_if(&i.orelse, next, cond)?;
                    self.use_next_block(end);
                    return Ok(());
                }
                Expr::Compare(c) if c.ops.len() > 1 => {
                    let n = c.ops.len() - 1;
                    let cleanup = self.new_block();
                    self.visit_expr(&c.left)?;
                    for i in 0..n {
                        self.visit_comparator(c.ops[i], &c.comparators[i], false)?;
                        self.emit_arg(O::SWAP, 2);
                        self.emit_arg(O::COPY, 2);
                        self.add_compare(c.ops[i]);
                        self.emit_jump(Op::PopJumpIfFalse, cleanup);
                    }
                    self.visit_comparator(c.ops[n], &c.comparators[n], true)?;
                    self.add_compare(c.ops[n]);
                    self.emit_jump(
                        if cond {
                            Op::PopJumpIfTrue
                        } else {
                            Op::PopJumpIfFalse
                        },
                        next,
                    );
                    let end = self.new_block();
                    self.emit_jump_noline(Op::Jump, end);
                    self.use_next_block(cleanup);
                    self.emit(O::POP_TOP);
                    if !cond {
                        self.emit_jump_noline(Op::Jump, next);
                    }
                    self.use_next_block(end);
                    return Ok(());
                }
                _ => {}
            }
        }
        self.visit_expr(e)?;
        self.emit_jump(
            if cond {
                Op::PopJumpIfTrue
            } else {
                Op::PopJumpIfFalse
            },
            next,
        );
        Ok(())
    }

    fn is_import_originated(&self, e: &Expr) -> bool {
        if let Expr::Name(n) = e {
            return self.st.entries[0].flags(&n.id) & symtable::DEF_IMPORT != 0;
        }
        false
    }

    fn validate_keywords(&self, keywords: &[ast::Keyword]) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(arg) = &k.arg else { continue };
            self.check_forbidden_kw(arg, k)?;
            for other in &keywords[i + 1..] {
                if other.arg.as_ref().map(|a| a.as_str()) == Some(arg.as_str()) {
                    return Err(
                        self.error(&format!("keyword argument repeated: {arg}"), other.range)
                    );
                }
            }
        }
        Ok(())
    }

    fn check_forbidden_kw(&self, arg: &str, k: &ast::Keyword) -> CResult {
        if arg == "__debug__" {
            return Err(self.error("cannot assign to __debug__", k.range));
        }
        Ok(())
    }

    fn compile_call(&mut self, c: &'a ast::ExprCall) -> CResult {
        if self.maybe_optimize_method_call(c)? {
            return Ok(());
        }
        let saved = self.u().loc;
        self.set_loc(c.func.range());
        self.emit(O::PUSH_NULL);
        self.u_mut().loc = saved;
        self.visit_expr(&c.func)?;
        self.call_helper(0, &c.arguments.args, &c.arguments.keywords)
    }

    fn maybe_optimize_method_call(&mut self, c: &'a ast::ExprCall) -> CResult<bool> {
        let Expr::Attribute(meth) = &*c.func else {
            return Ok(false);
        };
        if !matches!(meth.ctx, ast::ExprContext::Load) || self.is_import_originated(&meth.value) {
            return Ok(false);
        }
        let args = &c.arguments.args;
        let kwds = &c.arguments.keywords;
        let (argsl, kwdsl) = (args.len(), kwds.len());
        if argsl + kwdsl + (kwdsl != 0) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kwds.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.validate_keywords(kwds)?;
        self.visit_expr(&meth.value)?;
        self.set_loc(meth.range);
        self.update_start_location_to_match_attr(meth);
        self.emit_name(O::LOAD_METHOD, &meth.attr);
        for a in args.iter() {
            self.visit_expr(a)?;
        }
        if kwdsl > 0 {
            for k in kwds {
                self.visit_expr(&k.value)?;
            }
            self.kw_names(kwds);
        }
        self.set_loc(c.range());
        self.update_start_location_to_match_attr(meth);
        self.emit_arg(O::PRECALL, (argsl + kwdsl) as u32);
        self.emit_arg(O::CALL, (argsl + kwdsl) as u32);
        Ok(true)
    }

    fn kw_names(&mut self, kwds: &[ast::Keyword]) {
        let names: Vec<Constant> = kwds
            .iter()
            .map(|k| Constant::Str(Rc::from(k.arg.as_ref().map(|a| a.as_str()).unwrap_or(""))))
            .collect();
        let i = self.add_const(Constant::Tuple(names.into()));
        self.emit_arg(O::KW_NAMES, i);
    }

    /// `compiler_call_helper`: `n` arguments are already on the stack.
    pub fn call_helper(
        &mut self,
        n: u32,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkw = keywords.len();
        let simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkw > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            self.emit_arg(O::PRECALL, n + (nelts + nkw) as u32);
            self.emit_arg(O::CALL, n + (nelts + nkw) as u32);
            return Ok(());
        }
        // ex_call
        if n == 0 && nelts == 1 && matches!(args[0], Expr::Starred(_)) {
            let Expr::Starred(s) = &args[0] else {
                unreachable!()
            };
            self.visit_expr(&s.value)?;
        } else {
            self.starunpack_helper(args, n, O::BUILD_LIST, O::LIST_APPEND, O::LIST_EXTEND, true)?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&keywords[i - nseen..i])?;
                        if have_dict {
                            self.emit_arg(O::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit_arg(O::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.emit_arg(O::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&keywords[nkw - nseen..])?;
                if have_dict {
                    self.emit_arg(O::DICT_MERGE, 1);
                }
            }
        }
        self.emit_arg(O::CALL_FUNCTION_EX, (nkw > 0) as u32);
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [ast::Keyword]) -> CResult {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in kws {
                self.visit_expr(&k.value)?;
            }
            let keys: Vec<Constant> = kws
                .iter()
                .map(|k| Constant::Str(Rc::from(k.arg.as_ref().unwrap().as_str())))
                .collect();
            self.load_const(Constant::Tuple(keys.into()));
            self.emit_arg(O::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noline(O::BUILD_MAP, 0);
        }
        for k in kws {
            self.load_const(Constant::Str(Rc::from(k.arg.as_ref().unwrap().as_str())));
            self.visit_expr(&k.value)?;
            if big {
                self.emit_noline(O::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit_arg(O::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    // ----- f-strings --------------------------------------------------------------

    fn fstring_parts(&self, f: &'a ast::ExprFString) -> Vec<FPart<'a>> {
        let mut parts: Vec<FPart<'a>> = Vec::new();
        fn push_lit(parts: &mut Vec<FPart<'_>>, s: &str, marked: bool) {
            if s.is_empty() {
                return;
            }
            if let Some(FPart::Lit(l, m)) = parts.last_mut() {
                l.push_str(s);
                *m |= marked;
            } else {
                parts.push(FPart::Lit(s.to_owned(), marked));
            }
        }
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    let (t, m) = crate::literal::literal_part(self.source, l);
                    push_lit(&mut parts, &t, m)
                }
                ast::FStringPart::FString(fs) => {
                    let raw = fs.flags.prefix().is_raw();
                    for el in fs.elements.iter() {
                        match el {
                            ast::InterpolatedStringElement::Literal(l) => {
                                let (t, m) = crate::literal::fstring_literal(self.source, l, raw);
                                push_lit(&mut parts, &t, m)
                            }
                            ast::InterpolatedStringElement::Interpolation(i) => {
                                if let Some(dt) = &i.debug_text {
                                    let text = format!(
                                        "{}{}{}",
                                        dt.leading(),
                                        &self.source[i.expression.range()],
                                        dt.trailing()
                                    );
                                    push_lit(&mut parts, &text, false);
                                }
                                parts.push(FPart::Value(i, fs.range));
                            }
                        }
                    }
                }
            }
        }
        parts
    }

    fn compile_fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let parts = self.fstring_parts(f);
        self.compile_fparts(parts)
    }

    fn compile_fparts(&mut self, parts: Vec<FPart<'a>>) -> CResult {
        let n = parts.len();
        if n > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str(Rc::from("")));
            self.emit_name(O::LOAD_METHOD, "join");
            self.emit_arg(O::BUILD_LIST, 0);
            for p in parts {
                self.compile_fpart(p)?;
                self.emit_arg(O::LIST_APPEND, 1);
            }
            self.emit_arg(O::PRECALL, 1);
            self.emit_arg(O::CALL, 1);
        } else {
            for p in parts {
                self.compile_fpart(p)?;
            }
            if n != 1 {
                self.emit_arg(O::BUILD_STRING, n as u32);
            }
        }
        Ok(())
    }

    fn compile_fpart(&mut self, p: FPart<'a>) -> CResult {
        match p {
            FPart::Lit(s, marked) => {
                self.load_const(crate::fold::str_const(s, marked));
                Ok(())
            }
            FPart::Value(i, part_range) => {
                self.visit_expr(&i.expression)?;
                use pyrite_bytecode::opcodes::format_value as fv;
                let mut oparg = match i.conversion {
                    ast::ConversionFlag::Str => fv::STR,
                    ast::ConversionFlag::Repr => fv::REPR,
                    ast::ConversionFlag::Ascii => fv::ASCII,
                    ast::ConversionFlag::None => fv::NONE,
                };
                if i.debug_text.is_some() && oparg == fv::NONE && i.format_spec.is_none() {
                    oparg = fv::REPR;
                }
                if let Some(spec) = &i.format_spec {
                    let mut parts: Vec<FPart<'a>> = Vec::new();
                    for el in spec.elements.iter() {
                        match el {
                            ast::InterpolatedStringElement::Literal(l) => {
                                if l.value.is_empty() {
                                    continue;
                                }
                                if let Some(FPart::Lit(s, _)) = parts.last_mut() {
                                    s.push_str(&l.value);
                                } else {
                                    parts.push(FPart::Lit(l.value.to_string(), false));
                                }
                            }
                            ast::InterpolatedStringElement::Interpolation(x) => {
                                parts.push(FPart::Value(x, part_range))
                            }
                        }
                    }
                    // The spec is located at the f-string token holding it.
                    let saved = self.u().loc;
                    self.set_loc(part_range);
                    self.compile_fparts(parts)?;
                    self.u_mut().loc = saved;
                    oparg |= fv::HAVE_SPEC;
                }
                self.emit_arg(O::FORMAT_VALUE, oparg);
                Ok(())
            }
        }
    }
}
