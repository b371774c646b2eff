//! `match` statements: subject, case dispatch and every pattern kind
//! (value, singleton, sequence with or without a star, mapping with
//! `**rest`, class with positional and keyword sub-patterns, capture and
//! wildcard, `as`, alternatives).
//!
//! Mirrors `compiler_match` and the `compiler_pattern_*` family of CPython
//! 3.11 `Python/compile.c`. Captured values stay on the stack below the
//! items a pattern still needs (`on_top`) until the whole pattern has
//! matched; a failing test jumps to `fail_pop[n]`, a chain of `POP_TOP`s
//! that removes exactly the `n` items pushed so far.

use std::rc::Rc;

use pyrite_bytecode::{Constant, Opcode};
use pyrite_parser::ast::{self, CmpOp, Expr, Pattern};
use pyrite_parser::Ranged;

use super::{CResult, Compiler, Ctx};
use crate::flowgraph::{BlockId, Op};

use Opcode as O;

/// CPython's `pattern_context`.
struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<BlockId>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.name.is_none() && a.pattern.is_none())
}

fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// `repr()` of a constant, for error messages.
pub(crate) fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => {
            if f.fract() == 0.0 && f.is_finite() && f.abs() < 1e16 {
                format!("{f:.1}")
            } else {
                format!("{f}")
            }
        }
        Constant::Complex { re, im } => {
            if *re == 0.0 && re.is_sign_positive() {
                format!("{im}j")
            } else {
                format!("({re}{im:+}j)")
            }
        }
        Constant::Str(s) | Constant::SurrStr(s) => {
            let marked = matches!(c, Constant::SurrStr(_));
            let q = if s.contains('\'') && !s.contains('"') {
                '"'
            } else {
                '\''
            };
            let mut out = String::new();
            out.push(q);
            for ch in s.chars() {
                match ch {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c == q => {
                        out.push('\\');
                        out.push(c);
                    }
                    c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                        out.push_str(&format!("\\x{:02x}", c as u32))
                    }
                    c if marked && pyrite_bytecode::surrogate::surrogate_of(c).is_some() => {
                        let n = pyrite_bytecode::surrogate::code_point(c, true);
                        out.push_str(&format!("\\u{n:04x}"))
                    }
                    c => out.push(c),
                }
            }
            out.push(q);
            out
        }
        Constant::Bytes(b) => {
            let mut out = String::from("b'");
            for &x in b.iter() {
                match x {
                    b'\\' => out.push_str("\\\\"),
                    b'\'' => out.push_str("\\'"),
                    b'\n' => out.push_str("\\n"),
                    b'\r' => out.push_str("\\r"),
                    b'\t' => out.push_str("\\t"),
                    0x20..=0x7e => out.push(x as char),
                    _ => out.push_str(&format!("\\x{x:02x}")),
                }
            }
            out.push('\'');
            out
        }
        Constant::Tuple(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Constant::FrozenSet(_) => "frozenset(...)".into(),
        Constant::Code(_) => "<code>".into(),
    }
}

fn same_key(a: &Constant, b: &Constant) -> bool {
    let num = |c: &Constant| -> Option<f64> {
        match c {
            Constant::Bool(b) => Some(*b as u8 as f64),
            Constant::Int(i) => i.to_string().parse().ok(),
            Constant::Float(f) => Some(*f),
            _ => None,
        }
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

impl<'a> Compiler<'a> {
    pub fn compile_match(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.visit_expr(&m.subject)?;
        let end = self.new_block();
        let cases = m.cases.len();
        let last = &m.cases[cases - 1];
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let n = cases - has_default as usize;
        for (i, case) in m.cases[..n].iter().enumerate() {
            self.set_loc(case.pattern.range());
            if i != n - 1 {
                self.emit_arg(O::COPY, 1);
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i == cases - 1,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.pattern(&case.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(&name, Ctx::Store)?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if i != n - 1 {
                self.emit(O::POP_TOP);
            }
            self.visit_body(&case.body)?;
            self.emit_jump(Op::Jump, end);
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            if cases == 1 {
                self.emit(O::POP_TOP);
            } else {
                self.emit(O::NOP);
            }
            if let Some(g) = &last.guard {
                self.jump_if(g, end, false)?;
            }
            self.visit_body(&last.body)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.use_next_block(pc.fail_pop[k]);
            self.emit(O::POP_TOP);
        }
        self.use_next_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn pattern_rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit_arg(O::SWAP, count as u32);
            count -= 1;
        }
    }

    fn pattern_store_name(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatternContext,
    ) -> CResult {
        let Some(n) = name else {
            self.emit(O::POP_TOP);
            return Ok(());
        };
        self.check_forbidden(n, Ctx::Store)?;
        if pc.stores.iter().any(|s| s == n.as_str()) {
            return Err(self.error_here(&format!("multiple assignments to name '{n}' in pattern")));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_rotate(rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn pattern_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        self.set_loc(p.range());
        match p {
            Pattern::MatchValue(v) => {
                let value = &*v.value;
                if self.fold(value).is_none() && !matches!(value, Expr::Attribute(_)) {
                    return Err(
                        self.error_here("patterns may only match literals and attribute lookups")
                    );
                }
                self.visit_expr(value)?;
                self.add_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                });
                self.add_compare(CmpOp::Is);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc)?,
            Pattern::MatchStar(s) => self.pattern_store_name(s.name.as_ref(), pc)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match &a.name {
                            Some(n) => self.error_here(&format!(
                                "name capture '{n}' makes remaining patterns unreachable"
                            )),
                            None => {
                                self.error_here("wildcard makes remaining patterns unreachable")
                            }
                        });
                    }
                    self.pattern_store_name(a.name.as_ref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit_arg(O::COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store_name(a.name.as_ref(), pc)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(&o.patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(self.error_here("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_wildcard_star(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(O::MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        match star {
            None => {
                self.emit(O::GET_LEN);
                self.load_const(Constant::Int(size.into()));
                self.add_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(O::GET_LEN);
                self.load_const(Constant::Int((size - 1).into()));
                self.add_compare(CmpOp::GtE);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            _ => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(O::POP_TOP);
        } else if star_wildcard {
            let star = star.unwrap();
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit_arg(O::COPY, 1);
                if i < star {
                    self.load_const(Constant::Int(i.into()));
                } else {
                    self.emit(O::GET_LEN);
                    self.load_const(Constant::Int((size - i).into()));
                    self.emit_arg(O::BINARY_OP, pyrite_bytecode::opcodes::nb::SUBTRACT);
                }
                self.emit(O::BINARY_SUBSCR);
                self.pattern_subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(O::POP_TOP);
        } else {
            // pattern_unpack_helper
            match star {
                Some(i) => {
                    if i >= 256 {
                        return Err(self.error_here(
                            "too many expressions in star-unpacking sequence pattern",
                        ));
                    }
                    self.emit_arg(O::UNPACK_EX, (i + ((size - i - 1) << 8)) as u32);
                }
                None => self.emit_arg(O::UNPACK_SEQUENCE, size as u32),
            }
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.pattern_subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(O::MATCH_MAPPING);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(O::POP_TOP);
            return Ok(());
        }
        if size > 0 {
            self.emit(O::GET_LEN);
            self.load_const(Constant::Int(size.into()));
            self.add_compare(CmpOp::GtE);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in m.keys.iter() {
            if let Some(c) = self.fold(key) {
                if seen.iter().any(|s| same_key(s, &c)) {
                    return Err(self.error_here(&format!(
                        "mapping pattern checks duplicate key ({})",
                        const_repr(&c)
                    )));
                }
                seen.push(c);
            } else if !matches!(key, Expr::Attribute(_)) {
                return Err(self.error_here(
                    "mapping pattern keys may only match literals and attribute lookups",
                ));
            }
            self.visit_expr(key)?;
        }
        self.emit_arg(O::BUILD_TUPLE, size as u32);
        self.emit(O::MATCH_KEYS);
        pc.on_top += 2;
        self.emit_arg(O::COPY, 1);
        self.load_const(Constant::None);
        self.emit_arg(O::IS_OP, 1);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit_arg(O::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in m.patterns.iter() {
            pc.on_top -= 1;
            self.pattern_subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            self.emit_arg(O::BUILD_MAP, 0);
            self.emit_arg(O::SWAP, 3);
            self.emit_arg(O::DICT_UPDATE, 2);
            self.emit_arg(O::UNPACK_SEQUENCE, size as u32);
            let mut s = size;
            while s > 0 {
                self.emit_arg(O::COPY, (1 + s) as u32);
                s -= 1;
                self.emit_arg(O::SWAP, 2);
                self.emit(O::DELETE_SUBSCR);
            }
            self.pattern_store_name(Some(rest), pc)?;
        } else {
            self.emit(O::POP_TOP);
            self.emit(O::POP_TOP);
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternContext) -> CResult {
        let patterns = &c.arguments.patterns;
        let kwds = &c.arguments.keywords;
        let nargs = patterns.len();
        let nattrs = kwds.len();
        if nattrs > 0 {
            for (i, k) in kwds.iter().enumerate() {
                self.set_loc(k.pattern.range());
                self.check_forbidden(&k.attr, Ctx::Store)?;
                for other in &kwds[i + 1..] {
                    if other.attr.as_str() == k.attr.as_str() {
                        self.set_loc(other.pattern.range());
                        return Err(self.error_here(&format!(
                            "attribute name repeated in class pattern: {}",
                            k.attr
                        )));
                    }
                }
            }
            self.set_loc(c.range);
        }
        self.visit_expr(&c.cls)?;
        let names: Vec<Constant> = kwds
            .iter()
            .map(|k| Constant::Str(Rc::from(k.attr.as_str())))
            .collect();
        self.load_const(Constant::Tuple(names.into()));
        self.emit_arg(O::MATCH_CLASS, nargs as u32);
        self.emit_arg(O::COPY, 1);
        self.load_const(Constant::None);
        self.emit_arg(O::IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit_arg(O::UNPACK_SEQUENCE, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for i in 0..nargs + nattrs {
            pc.on_top -= 1;
            let p = if i < nargs {
                &patterns[i]
            } else {
                &kwds[i - nargs].pattern
            };
            if is_wildcard(p) {
                self.emit(O::POP_TOP);
                continue;
            }
            self.pattern_subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, alts: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let end = self.new_block();
        let size = alts.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit_arg(O::COPY, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self.error_here("alternative patterns bind different names"));
                }
                Some(ctl) if nstores > 0 => {
                    let ctl = ctl.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(
                                self.error_here("alternative patterns bind different names")
                            );
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.pattern_rotate(icontrol + 1);
                            }
                        }
                    }
                }
                _ => {}
            }
            self.emit_jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.emit(O::POP_TOP);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(
                    self.error_here(&format!("multiple assignments to name '{name}' in pattern"))
                );
            }
            pc.stores.push(name);
        }
        self.emit(O::POP_TOP);
        Ok(())
    }
}
