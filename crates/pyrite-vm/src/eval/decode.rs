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

use pyrite_bytecode::opcodes::Opcode;

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
    pub arg: u32,
}

/// Decode `code` (CPython 3.11 code units: opcode byte, argument byte).
pub fn decode(code: &[u8]) -> Box<[Instr]> {
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
        let d = decode(&code);
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
}
