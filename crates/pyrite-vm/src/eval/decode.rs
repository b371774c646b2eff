//! Instructions decoded once per code object, for the dispatch loop.
//!
//! The loop would otherwise, for every instruction, read two bytes, map the
//! opcode byte to an [`Opcode`] through a table, fold `EXTENDED_ARG`
//! prefixes and look up how many inline cache units to skip. All of that
//! depends only on the bytecode, so it is done here when the code object is
//! made: one [`Instr`] per code unit, holding what the loop needs when it
//! arrives at that unit. `pc` stays a code-unit index, so jump arguments,
//! `f_lasti`, the exception table and generators see exactly CPython's
//! offsets; `co_code` is left untouched.

use pyrite_bytecode::opcodes::{ArgKind, Opcode};

/// Marks (with the opcode in the low byte) an instruction whose argument
/// is out of range for its code object; it decodes as `EXTENDED_ARG`.
pub const BAD_ARGUMENT: u32 = 0x100;

/// What the loop executes when `pc` is at this code unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    /// The instruction after folding `EXTENDED_ARG` prefixes. An invalid
    /// opcode byte is stored as `EXTENDED_ARG` with the byte as `arg` (the
    /// loop raises `SystemError` for it); a lone `EXTENDED_ARG` at the end
    /// of the code is `EXTENDED_ARG` with `arg` 144 (a no-op).
    pub op: Opcode,
    /// `EXTENDED_ARG` prefixes folded: the instruction itself sits this many
    /// units further (that is its `f_lasti`).
    pub ext: u8,
    /// Units from here to the next instruction: the prefixes, the
    /// instruction, and its inline cache entries.
    pub next: u8,
    /// The argument. For the instructions [`takes_folded_operand`] names,
    /// the top byte says where a folded `LOAD_FAST`/`LOAD_CONST` takes the
    /// operand from (see [`decode`] and [`Folded`]), the rest is the
    /// argument.
    pub arg: u32,
}

/// Bits of a [`takes_folded_operand`] instruction's argument that hold
/// the argument itself; the top byte is the folded operand's source.
pub const FOLDED_ARG_MASK: u32 = 0x00FF_FFFF;

/// Source byte values from this one up are constants (`value - FOLDED_CONST`),
/// below it locals plus one; 0 is "no folded load".
pub const FOLDED_CONST: u32 = 0x80;

/// Where a [`takes_folded_operand`] instruction's top-of-stack operand
/// comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folded {
    Stack,
    Local(u32),
    Const(u32),
}

/// `(source byte, argument)` of a [`takes_folded_operand`] instruction.
/// (In the argument, not a field of its own: a field would be loaded on
/// every dispatch, where only a few instructions want it.)
#[inline(always)]
pub fn split_folded(arg: u32) -> (u32, u32) {
    (arg >> 24, arg & FOLDED_ARG_MASK)
}

/// What a nonzero source byte of [`split_folded`] names.
#[inline(always)]
pub fn folded_source(src: u32) -> Folded {
    match src {
        0 => Folded::Stack,
        s if s < FOLDED_CONST => Folded::Local(s - 1),
        s => Folded::Const(s - FOLDED_CONST),
    }
}

/// Decode `code` (CPython 3.11 code units: opcode byte, argument byte).
///
/// Two instructions that do nothing of their own in this loop are folded
/// into the instruction after them, saving a dispatch each: `RESUME` (no
/// eval-breaker work here), at every function entry and generator resume,
/// and `PRECALL` just before its `CALL` (`CALL` unpacks a bound method
/// itself). The folded unit decodes as the following instruction, with
/// `ext` pointing at that instruction (so `f_lasti`, tracebacks and caches
/// see it) and `next` past it. The following instruction keeps its own
/// unit, so a jump to it is unaffected. `-X trace` still shows the folded
/// instructions (`ops::trace::trace_folded`).
///
/// A `LOAD_FAST` or `LOAD_CONST` right before an instruction that takes
/// what it pushes as its top-of-stack operand (`self.x`, `self.m()`,
/// `self.x = v`, `x + 1`, `i < n`, `p[i]`, `return x`, `if x:`) is folded the same
/// way, with the local or constant recorded in the argument's top byte:
/// the instruction reads the operand from there, skipping a dispatch and
/// a push and pop (CPython 3.11 gets a similar saving from its
/// `LOAD_FAST__LOAD_*` superinstructions). An unbound local is still
/// reported at the `LOAD_FAST`, one unit before the instruction (`f_lasti`)
/// it folds into.
pub fn decode(code: &[u8]) -> Box<[Instr]> {
    decode_checked(code, usize::MAX, usize::MAX)
}

/// [`decode`] for a code object with `nlocalsplus` local, cell and free
/// variables and `nconsts` constants: an instruction whose argument indexes
/// past them (only hand-made or corrupted bytecode has one) decodes as an
/// invalid instruction, which raises `SystemError` when reached, so the
/// loop can index locals and constants without a check of its own that
/// could fail.
pub fn decode_checked(code: &[u8], nlocalsplus: usize, nconsts: usize) -> Box<[Instr]> {
    let mut d = decode_units(code);
    for ins in d.iter_mut() {
        let limit = match ins.op.arg_kind() {
            ArgKind::Local | ArgKind::Free => nlocalsplus,
            ArgKind::Const => nconsts,
            _ => continue,
        };
        if ins.arg as usize >= limit {
            *ins = Instr {
                op: Opcode::EXTENDED_ARG,
                arg: BAD_ARGUMENT | ins.op as u32,
                next: ins.ext + 1,
                ..*ins
            };
        }
    }
    for p in (0..d.len()).rev() {
        if let Some(folded) = fold(&d, p) {
            d[p] = folded;
        }
    }
    d.into_boxed_slice()
}

/// The instruction unit `p` becomes when it is a foldable `RESUME` or
/// `PRECALL` (see [`decode`]).
fn fold(d: &[Instr], p: usize) -> Option<Instr> {
    let here = d[p];
    if here.ext != 0 {
        return None;
    }
    let q = p + here.next as usize;
    let target = *d.get(q)?;
    let (ok, arg) = match here.op {
        Opcode::RESUME => (target.op != Opcode::EXTENDED_ARG, target.arg),
        Opcode::PRECALL => (
            target.op == Opcode::CALL && target.arg == here.arg,
            target.arg,
        ),
        // Unprefixed targets: the load sits right before the instruction
        // (for the unbound-local error), and the argument has room.
        Opcode::LOAD_FAST => (
            takes_folded_operand(target.op) && target.ext == 0 && here.arg + 1 < FOLDED_CONST,
            ((here.arg + 1) << 24) | target.arg,
        ),
        Opcode::LOAD_CONST => (
            takes_folded_operand(target.op) && target.ext == 0 && here.arg < 0x100 - FOLDED_CONST,
            ((here.arg + FOLDED_CONST) << 24) | target.arg,
        ),
        _ => (false, 0),
    };
    if !ok {
        return None;
    }
    let skip = u8::try_from(q - p).ok()?;
    Some(Instr {
        ext: skip.checked_add(target.ext)?,
        next: skip.checked_add(target.next)?,
        arg,
        ..target
    })
}

/// Instructions whose top-of-stack operand may come from a folded
/// `LOAD_FAST` or `LOAD_CONST` (they read it with [`split_folded`]).
pub fn takes_folded_operand(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::LOAD_ATTR
            | Opcode::LOAD_METHOD
            | Opcode::STORE_ATTR
            | Opcode::BINARY_OP
            | Opcode::COMPARE_OP
            | Opcode::BINARY_SUBSCR
            | Opcode::RETURN_VALUE
            | Opcode::POP_JUMP_FORWARD_IF_FALSE
            | Opcode::POP_JUMP_BACKWARD_IF_FALSE
            | Opcode::POP_JUMP_FORWARD_IF_TRUE
            | Opcode::POP_JUMP_BACKWARD_IF_TRUE
            | Opcode::POP_JUMP_FORWARD_IF_NONE
            | Opcode::POP_JUMP_BACKWARD_IF_NONE
            | Opcode::POP_JUMP_FORWARD_IF_NOT_NONE
            | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE
    )
}

fn decode_units(code: &[u8]) -> Vec<Instr> {
    let n = code.len() / 2;
    let unit = |i: usize| (code[i * 2], code[i * 2 + 1]);
    (0..n)
        .map(|start| {
            let (mut opbyte, a) = unit(start);
            let mut arg = a as u32;
            let mut p = start;
            while opbyte == Opcode::EXTENDED_ARG as u8 && p + 1 < n {
                p += 1;
                let (b, a) = unit(p);
                opbyte = b;
                arg = (arg << 8) | a as u32;
            }
            let ext = (p - start) as u8;
            match Opcode::from_u8(opbyte) {
                Some(Opcode::EXTENDED_ARG) => Instr {
                    op: Opcode::EXTENDED_ARG,
                    ext,
                    next: ext + 1,
                    arg: Opcode::EXTENDED_ARG as u32,
                },
                // An argument too large for the packing of
                // `split_folded`: ignored by instructions without one;
                // never a valid name index or operator for the others,
                // which decode as an unknown instruction (`SystemError`).
                Some(op) if takes_folded_operand(op) && arg > FOLDED_ARG_MASK => {
                    if op.arg_kind() == ArgKind::None {
                        Instr {
                            op,
                            ext,
                            next: ext + 1 + op.cache_entries() as u8,
                            arg: 0,
                        }
                    } else {
                        Instr {
                            op: Opcode::EXTENDED_ARG,
                            ext,
                            next: ext + 1,
                            arg: opbyte as u32,
                        }
                    }
                }
                Some(op) => Instr {
                    op,
                    ext,
                    next: ext + 1 + op.cache_entries() as u8,
                    arg,
                },
                None => Instr {
                    op: Opcode::EXTENDED_ARG,
                    ext,
                    next: ext + 1,
                    arg: opbyte as u32,
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_prefixes_and_skips_caches() {
        let e = Opcode::EXTENDED_ARG as u8;
        let lg = Opcode::LOAD_GLOBAL as u8;
        let mut code = vec![e, 1, lg, 2];
        code.extend(std::iter::repeat_n(
            0u8,
            2 * Opcode::LOAD_GLOBAL.cache_entries(),
        ));
        code.extend([Opcode::RETURN_VALUE as u8, 0, 255, 7, e, 3]);
        let d = decode_units(&code);
        assert_eq!(d[0].op, Opcode::LOAD_GLOBAL);
        assert_eq!(d[0].arg, 0x102);
        assert_eq!(d[0].ext, 1);
        assert_eq!(d[0].next as usize, 2 + Opcode::LOAD_GLOBAL.cache_entries());
        assert_eq!(d[1].arg, 2);
        let r = d[0].next as usize;
        assert_eq!(d[r].op, Opcode::RETURN_VALUE);
        // An unknown opcode byte and a trailing EXTENDED_ARG.
        assert_eq!((d[r + 1].op, d[r + 1].arg), (Opcode::EXTENDED_ARG, 255));
        assert_eq!((d[r + 2].op, d[r + 2].arg), (Opcode::EXTENDED_ARG, 144));
    }

    #[test]
    fn folds_resume_and_precall() {
        let unit = |op: Opcode, arg: u8| [op as u8, arg];
        let mut code = Vec::new();
        code.extend(unit(Opcode::RESUME, 0));
        code.extend(unit(Opcode::PRECALL, 1));
        code.extend(std::iter::repeat_n(
            0u8,
            2 * Opcode::PRECALL.cache_entries(),
        ));
        code.extend(unit(Opcode::CALL, 1));
        code.extend(std::iter::repeat_n(0u8, 2 * Opcode::CALL.cache_entries()));
        let ret = code.len() / 2;
        code.extend(unit(Opcode::RETURN_VALUE, 0));
        let d = decode(&code);
        let call_at = 2 + Opcode::PRECALL.cache_entries();
        // RESUME and PRECALL both run the CALL, whose own unit is intact.
        for (p, ext) in [(0, call_at), (1, call_at - 1)] {
            assert_eq!((d[p].op, d[p].arg), (Opcode::CALL, 1));
            assert_eq!(p + d[p].ext as usize, call_at);
            assert_eq!(p + d[p].next as usize, ret);
            assert_eq!(d[p].ext as usize, ext);
        }
        assert_eq!((d[call_at].op, d[call_at].ext), (Opcode::CALL, 0));
        // A PRECALL whose CALL has another count is left alone.
        let mut odd = unit(Opcode::PRECALL, 2).to_vec();
        odd.extend(std::iter::repeat_n(
            0u8,
            2 * Opcode::PRECALL.cache_entries(),
        ));
        odd.extend(unit(Opcode::CALL, 1));
        assert_eq!(decode(&odd)[0].op, Opcode::PRECALL);
    }

    #[test]
    fn folds_local_loads_into_attribute_instructions() {
        let unit = |op: Opcode, arg: u8| [op as u8, arg];
        let caches = |op: Opcode| std::iter::repeat_n(0u8, 2 * op.cache_entries());
        let mut code = Vec::new();
        code.extend(unit(Opcode::LOAD_FAST, 3));
        code.extend(unit(Opcode::LOAD_ATTR, 5));
        code.extend(caches(Opcode::LOAD_ATTR));
        let after = code.len() / 2;
        // Not folded: a local past a byte's room, and a prefixed target.
        code.extend(unit(Opcode::LOAD_FAST, 127));
        code.extend(unit(Opcode::LOAD_METHOD, 1));
        code.extend(caches(Opcode::LOAD_METHOD));
        let prefixed = code.len() / 2;
        code.extend(unit(Opcode::LOAD_FAST, 0));
        code.extend(unit(Opcode::EXTENDED_ARG, 1));
        code.extend(unit(Opcode::STORE_ATTR, 0));
        code.extend(caches(Opcode::STORE_ATTR));
        let d = decode(&code);
        assert_eq!(d[0].op, Opcode::LOAD_ATTR);
        assert_eq!(split_folded(d[0].arg), (4, 5));
        assert_eq!(folded_source(4), Folded::Local(3));
        assert_eq!((d[0].ext, d[0].next as usize), (1, after));
        // The attribute instruction's own unit is intact (jump targets).
        assert_eq!((d[1].op, d[1].arg), (Opcode::LOAD_ATTR, 5));
        assert_eq!((d[after].op, d[after].arg), (Opcode::LOAD_FAST, 127));
        assert_eq!((d[prefixed].op, d[prefixed].arg), (Opcode::LOAD_FAST, 0));
        // A constant folded into a comparison; one past the range is not.
        let mut cmp = Vec::new();
        cmp.extend(unit(Opcode::LOAD_CONST, 2));
        cmp.extend(unit(Opcode::COMPARE_OP, 0));
        cmp.extend(caches(Opcode::COMPARE_OP));
        let far = cmp.len() / 2;
        cmp.extend(unit(Opcode::LOAD_CONST, 0x80));
        cmp.extend(unit(Opcode::RETURN_VALUE, 0));
        let d = decode(&cmp);
        assert_eq!(d[0].op, Opcode::COMPARE_OP);
        let (src, arg) = split_folded(d[0].arg);
        assert_eq!((folded_source(src), arg), (Folded::Const(2), 0));
        assert_eq!(d[far].op, Opcode::LOAD_CONST);
        // An argument that cannot be packed decodes as an unknown
        // instruction rather than as a folded one.
        let mut huge = Vec::new();
        for b in [1u8, 0, 0] {
            huge.extend(unit(Opcode::EXTENDED_ARG, b));
        }
        huge.extend(unit(Opcode::LOAD_ATTR, 0));
        let d = decode(&huge);
        assert_eq!(
            (d[0].op, d[0].arg),
            (Opcode::EXTENDED_ARG, Opcode::LOAD_ATTR as u32)
        );
    }

    #[test]
    fn out_of_range_arguments_decode_as_invalid() {
        let unit = |op: Opcode, arg: u8| [op as u8, arg];
        let mut code = Vec::new();
        code.extend(unit(Opcode::LOAD_CONST, 1));
        code.extend(unit(Opcode::LOAD_CONST, 2));
        code.extend(unit(Opcode::STORE_FAST, 3));
        code.extend(unit(Opcode::LOAD_DEREF, 2));
        code.extend(unit(Opcode::RETURN_VALUE, 0));
        // Two constants, three locals/cells/frees.
        let d = decode_checked(&code, 3, 2);
        // The valid constant stays (the STORE_FAST after it takes no folded operand).
        assert_eq!((d[0].op, d[0].arg), (Opcode::LOAD_CONST, 1));
        let bad = |i: usize, op: Opcode| {
            assert_eq!(
                (d[i].op, d[i].arg),
                (Opcode::EXTENDED_ARG, BAD_ARGUMENT | op as u32)
            );
            assert_eq!(d[i].next, 1);
        };
        bad(1, Opcode::LOAD_CONST);
        bad(2, Opcode::STORE_FAST);
        assert_eq!((d[3].op, d[3].arg), (Opcode::LOAD_DEREF, 2));
        // Unchecked decoding (the disassembler's view) leaves them alone.
        assert_eq!(decode(&code)[1].op, Opcode::LOAD_CONST);
    }
}
