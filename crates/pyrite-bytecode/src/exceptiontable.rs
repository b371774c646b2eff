//! CPython 3.11's exception table (`co_exceptiontable`): which handler an
//! instruction that raises jumps to, and at what stack depth.
//!
//! Mirrors `Objects/exception_handling_notes.txt` and the encoder in
//! `Python/compile.c` / decoder in `Python/ceval.c` (`get_exception_handler`).
//! Each entry is four numbers, `start`, `length`, `target` (all in 16-bit code
//! units) and `depth << 1 | lasti`, each written as big-endian groups of six
//! bits with bit 6 (0x40) meaning "more follows"; the first byte of an entry
//! also carries bit 7 (0x80). Entries are sorted by `start` and do not
//! overlap.

/// One row of the exception table. Offsets are in code units (2 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// What the VM needs to unwind to a handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handler {
    /// Byte offset of the handler's first instruction in `co_code`.
    pub target: u32,
    /// Pop the value stack down to this many items before pushing.
    pub depth: u32,
    /// Push the offset of the raising instruction (`f_lasti`) before the
    /// exception.
    pub lasti: bool,
}

fn write_item(out: &mut Vec<u8>, value: u32, msb: u8) {
    let mut msb = msb;
    for shift in [24u32, 18, 12, 6] {
        if value >= 1 << shift {
            out.push((((value >> shift) & 0x3f) as u8) | 0x40 | msb);
            msb = 0;
        }
    }
    out.push(((value & 0x3f) as u8) | msb);
}

/// Encode entries (already sorted by `start`) into `co_exceptiontable`.
pub fn encode(entries: &[ExceptionEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        write_item(&mut out, e.start, 0x80);
        write_item(&mut out, e.end - e.start, 0);
        write_item(&mut out, e.target, 0);
        write_item(&mut out, (e.depth << 1) | e.lasti as u32, 0);
    }
    out
}

fn read_item(table: &[u8], pos: &mut usize) -> Option<u32> {
    let mut b = *table.get(*pos)?;
    *pos += 1;
    let mut val: u32 = (b & 0x3f) as u32;
    while b & 0x40 != 0 {
        b = *table.get(*pos)?;
        *pos += 1;
        val = val.checked_shl(6)? | (b & 0x3f) as u32;
    }
    Some(val)
}

/// Decode a whole table; `None` if it is malformed.
pub fn decode(table: &[u8]) -> Option<Vec<ExceptionEntry>> {
    let mut pos = 0;
    let mut out = Vec::new();
    while pos < table.len() {
        let start = read_item(table, &mut pos)?;
        let len = read_item(table, &mut pos)?;
        let target = read_item(table, &mut pos)?;
        let dl = read_item(table, &mut pos)?;
        out.push(ExceptionEntry {
            start,
            end: start.checked_add(len)?,
            target,
            depth: dl >> 1,
            lasti: dl & 1 != 0,
        });
    }
    Some(out)
}

/// The handler covering the instruction at byte offset `instr_offset`, if
/// any. This is what the VM calls when an instruction raises: jump to
/// `target` (a byte offset) after popping the stack to `depth` and pushing
/// the lasti (if `lasti`) and the exception. Malformed tables find nothing.
pub fn find_handler(table: &[u8], instr_offset: u32) -> Option<Handler> {
    let index = instr_offset / 2;
    let mut pos = 0;
    while pos < table.len() {
        let start = read_item(table, &mut pos)?;
        let len = read_item(table, &mut pos)?;
        let target = read_item(table, &mut pos)?;
        let dl = read_item(table, &mut pos)?;
        if start > index {
            return None;
        }
        if index < start.saturating_add(len) {
            return Some(Handler {
                target: target.checked_mul(2)?,
                depth: dl >> 1,
                lasti: dl & 1 != 0,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_lookup() {
        let entries = vec![
            ExceptionEntry {
                start: 2,
                end: 10,
                target: 20,
                depth: 0,
                lasti: false,
            },
            ExceptionEntry {
                start: 20,
                end: 5000,
                target: 100_000,
                depth: 3,
                lasti: true,
            },
        ];
        let t = encode(&entries);
        assert_eq!(decode(&t).unwrap(), entries);
        assert_eq!(
            find_handler(&t, 4),
            Some(Handler {
                target: 40,
                depth: 0,
                lasti: false
            })
        );
        assert_eq!(find_handler(&t, 0), None);
        assert_eq!(find_handler(&t, 20), None);
        assert_eq!(
            find_handler(&t, 40),
            Some(Handler {
                target: 200_000,
                depth: 3,
                lasti: true
            })
        );
        assert_eq!(find_handler(&[0xff], 0), None);
    }

    #[test]
    fn matches_cpython_bytes() {
        // try: x  except: pass  -> python3 3.11 table for a tiny function.
        let e = [ExceptionEntry {
            start: 2,
            end: 4,
            target: 6,
            depth: 0,
            lasti: false,
        }];
        assert_eq!(encode(&e), vec![0x82, 0x02, 0x06, 0x00]);
    }
}
