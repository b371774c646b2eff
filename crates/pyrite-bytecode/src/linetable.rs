//! CPython 3.11's location table (`co_linetable`, PEP 657): for every code
//! unit, its line, end line, column and end column.
//!
//! Mirrors `Objects/locations.md` and the writer in `Python/compile.c` /
//! reader in `Objects/codeobject.c`. The table is a sequence of entries,
//! each covering 1..=8 code units. The first byte is `0x80 | code << 3 |
//! (units - 1)`; by `code`:
//!
//! * 0..=9  short form: same line; next byte `(col % 8) << 4 | (end - col)`,
//!   `col = code * 8 + high nibble`;
//! * 10..=12 one-line form: line += code - 10; then `col`, `end_col` bytes;
//! * 13 no column: signed varint line delta;
//! * 14 long form: signed varint line delta, varint end-line delta, varint
//!   `col + 1`, varint `end_col + 1`;
//! * 15 no location at all.
//!
//! Varints are little-endian groups of 6 bits, 0x40 meaning "more"; signed
//! varints keep the sign in bit 0. Line deltas are relative to the previous
//! entry's line, starting at `co_firstlineno`. Columns are UTF-8 byte
//! offsets; -1 (encoded as a missing column) means unknown.

use crate::CodeObject;

/// A source position; `None` parts are unknown (`co_positions()` yields
/// `None` for them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: Option<u32>,
    pub end_line: Option<u32>,
    pub col: Option<u32>,
    pub end_col: Option<u32>,
}

/// Builds a location table entry by entry (the assembler's side).
#[derive(Debug)]
pub struct LineTableWriter {
    out: Vec<u8>,
    lineno: i32,
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 64 {
        out.push(0x40 | (v & 0x3f) as u8);
        v >>= 6;
    }
    out.push(v as u8);
}

fn write_svarint(out: &mut Vec<u8>, v: i32) {
    let u = if v < 0 {
        ((v.unsigned_abs()) << 1) | 1
    } else {
        (v as u32) << 1
    };
    write_varint(out, u);
}

impl LineTableWriter {
    pub fn new(firstlineno: u32) -> Self {
        LineTableWriter {
            out: Vec::new(),
            lineno: firstlineno as i32,
        }
    }

    /// Describe the next `units` code units as being at the given location
    /// (`lineno < 0`: no location; `col`/`end_col < 0`: no column).
    pub fn add(&mut self, mut units: u32, lineno: i32, end_lineno: i32, col: i32, end_col: i32) {
        while units > 8 {
            self.entry(8, lineno, end_lineno, col, end_col);
            units -= 8;
        }
        if units > 0 {
            self.entry(units, lineno, end_lineno, col, end_col);
        }
    }

    fn header(&mut self, code: u8, units: u32) {
        self.out.push(0x80 | (code << 3) | (units as u8 - 1));
    }

    fn entry(&mut self, units: u32, lineno: i32, end_lineno: i32, col: i32, end_col: i32) {
        if lineno < 0 {
            self.header(15, units);
            return;
        }
        let delta = lineno - self.lineno;
        if col < 0 || end_col < 0 {
            if end_lineno == lineno || end_lineno == -1 {
                self.header(13, units);
                write_svarint(&mut self.out, delta);
                self.lineno = lineno;
                return;
            }
        } else if end_lineno == lineno {
            if delta == 0 && col < 80 && end_col - col < 16 && end_col >= col {
                self.header((col / 8) as u8, units);
                self.out.push((((col % 8) << 4) | (end_col - col)) as u8);
                return;
            }
            if (0..3).contains(&delta) && col < 128 && end_col < 128 {
                self.header(10 + delta as u8, units);
                self.out.push(col as u8);
                self.out.push(end_col as u8);
                self.lineno = lineno;
                return;
            }
        }
        self.header(14, units);
        write_svarint(&mut self.out, delta);
        write_varint(&mut self.out, (end_lineno - lineno).max(0) as u32);
        write_varint(&mut self.out, (col + 1) as u32);
        write_varint(&mut self.out, (end_col + 1) as u32);
        self.lineno = lineno;
    }

    pub fn finish(self) -> Vec<u8> {
        self.out
    }
}

fn read_varint(t: &[u8], pos: &mut usize) -> Option<u32> {
    let mut b = *t.get(*pos)?;
    *pos += 1;
    let mut val = (b & 0x3f) as u32;
    let mut shift = 0;
    while b & 0x40 != 0 {
        b = *t.get(*pos)?;
        *pos += 1;
        shift += 6;
        if shift > 30 {
            return None;
        }
        val |= ((b & 0x3f) as u32) << shift;
    }
    Some(val)
}

fn read_svarint(t: &[u8], pos: &mut usize) -> Option<i64> {
    let u = read_varint(t, pos)?;
    Some(if u & 1 != 0 {
        -((u >> 1) as i64)
    } else {
        (u >> 1) as i64
    })
}

/// One decoded entry: `units` code units at `pos`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocationEntry {
    pub units: u32,
    pub pos: Position,
}

/// Decode a location table; `None` if malformed.
pub fn decode(table: &[u8], firstlineno: u32) -> Option<Vec<LocationEntry>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut line = firstlineno as i64;
    let to_u = |v: i64| if v < 0 { None } else { u32::try_from(v).ok() };
    while pos < table.len() {
        let first = table[pos];
        pos += 1;
        if first & 0x80 == 0 {
            return None;
        }
        let code = (first >> 3) & 15;
        let units = (first & 7) as u32 + 1;
        let p = match code {
            15 => Position::default(),
            14 => {
                line += read_svarint(table, &mut pos)?;
                let end = line + read_varint(table, &mut pos)? as i64;
                let col = read_varint(table, &mut pos)? as i64 - 1;
                let end_col = read_varint(table, &mut pos)? as i64 - 1;
                Position {
                    line: to_u(line),
                    end_line: to_u(end),
                    col: to_u(col),
                    end_col: to_u(end_col),
                }
            }
            13 => {
                line += read_svarint(table, &mut pos)?;
                Position {
                    line: to_u(line),
                    end_line: to_u(line),
                    col: None,
                    end_col: None,
                }
            }
            10..=12 => {
                line += (code - 10) as i64;
                let col = *table.get(pos)? as u32;
                let end_col = *table.get(pos + 1)? as u32;
                pos += 2;
                Position {
                    line: to_u(line),
                    end_line: to_u(line),
                    col: Some(col),
                    end_col: Some(end_col),
                }
            }
            _ => {
                let b = *table.get(pos)? as u32;
                pos += 1;
                let col = code as u32 * 8 + (b >> 4);
                Position {
                    line: to_u(line),
                    end_line: to_u(line),
                    col: Some(col),
                    end_col: Some(col + (b & 15)),
                }
            }
        };
        out.push(LocationEntry { units, pos: p });
    }
    Some(out)
}

/// `co_positions()`: one position per code unit of `code.code`.
pub fn positions(code: &CodeObject) -> Vec<Position> {
    let n = code.code.len() / 2;
    let mut out = Vec::with_capacity(n);
    if let Some(entries) = decode(&code.linetable, code.firstlineno) {
        for e in entries {
            for _ in 0..e.units {
                out.push(e.pos);
            }
        }
    }
    out.resize(n, Position::default());
    out
}

/// The line of the instruction at byte offset `byte_offset` in `co_code`
/// (what tracebacks and `f_lineno` show); `None` when it has no line.
pub fn addr_to_line(code: &CodeObject, byte_offset: u32) -> Option<u32> {
    addr_to_position(&code.linetable, code.firstlineno, byte_offset).and_then(|p| p.line)
}

/// The full position of the instruction at byte offset `byte_offset`.
pub fn addr_to_position(linetable: &[u8], firstlineno: u32, byte_offset: u32) -> Option<Position> {
    let target = byte_offset / 2;
    let mut unit = 0u32;
    for e in decode(linetable, firstlineno)? {
        if target < unit + e.units {
            return Some(e.pos);
        }
        unit += e.units;
    }
    None
}

/// `co_lines()`: one `(start_byte, end_byte, line)` range per table entry
/// (CPython 3.11 does not merge neighbours with the same line; it only
/// skips empty entries).
pub fn lines(code: &CodeObject) -> Vec<(u32, u32, Option<u32>)> {
    let mut out: Vec<(u32, u32, Option<u32>)> = Vec::new();
    let mut addr = 0u32;
    for e in decode(&code.linetable, code.firstlineno).unwrap_or_default() {
        let end = addr + e.units * 2;
        if end > addr {
            out.push((addr, end, e.pos.line));
        }
        addr = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_generator_table() {
        // python3: def gen():\n    yield 1  (firstlineno 2)
        let t = b"\xe8\x00\xe8\x00\x80\x00\xd8\n\x0b\x80G\x80G\x80G\x80G\x80G";
        let mut w = LineTableWriter::new(2);
        w.add(1, 2, 2, -1, -1);
        w.add(1, 2, 2, -1, -1);
        w.add(1, 2, 2, 0, 0);
        w.add(1, 3, 3, 10, 11);
        for _ in 0..5 {
            w.add(1, 3, 3, 4, 11);
        }
        assert_eq!(w.finish(), t.to_vec());
        let d = decode(t, 2).unwrap();
        assert_eq!(
            d[3].pos,
            Position {
                line: Some(3),
                end_line: Some(3),
                col: Some(10),
                end_col: Some(11)
            }
        );
        assert_eq!(d[0].pos.col, None);
    }

    #[test]
    fn long_and_none_forms() {
        let mut w = LineTableWriter::new(1);
        w.add(10, 500, 502, 3, 200);
        w.add(2, -1, -1, -1, -1);
        w.add(1, 4, 4, 1, 2);
        let t = w.finish();
        let d = decode(&t, 1).unwrap();
        assert_eq!(d.iter().map(|e| e.units).sum::<u32>(), 13);
        assert_eq!(
            d[0].pos,
            Position {
                line: Some(500),
                end_line: Some(502),
                col: Some(3),
                end_col: Some(200)
            }
        );
        assert_eq!(d[2].pos.line, None);
        assert_eq!(d[3].pos.line, Some(4));
        assert!(decode(&[0x00], 1).is_none());
        // A long-form entry cut short is malformed, not a panic.
        assert!(decode(&[0xf0, 0x7f], 1).is_none());
    }
}
