//! Per-code-point properties read from the generated two-level tables.
//! A record packs one database's answers as bit fields (see
//! `gen_tables.py`, `props`): category, combining class, bidirectional
//! class, mirrored, east asian width, decimal, digit, numeric-value index,
//! and quick-check bits (current database) or the "unassigned in 3.2.0"
//! flag (old database).

use super::tables::*;

/// Which database a call reads: the current one (14.0.0) or `ucd_3_2_0`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Db {
    New,
    Old,
}

#[inline]
fn lookup2(cp: u32, shift: u32, index1: &[impl Copy + Into<u32>], index2: &[u16]) -> usize {
    let cp = cp.min(0x10FFFF);
    let block = index1[(cp >> shift) as usize].into() as usize;
    index2[(block << shift) + (cp & ((1 << shift) - 1)) as usize] as usize
}

/// The packed record of `cp` in database `db`.
#[inline]
pub fn record(db: Db, cp: u32) -> u64 {
    let id = lookup2(cp, PROPS_SHIFT, &PROPS_INDEX1, &PROPS_INDEX2);
    match db {
        Db::New => RECORDS_NEW[id],
        Db::Old => RECORDS_OLD[id],
    }
}

fn field(r: u64, at: u32, bits: u32) -> usize {
    ((r >> at) & ((1 << bits) - 1)) as usize
}

pub fn category(db: Db, cp: u32) -> &'static str {
    CATEGORIES[field(record(db, cp), 0, 5)]
}

pub fn combining(db: Db, cp: u32) -> u8 {
    field(record(db, cp), 5, 8) as u8
}

pub fn bidirectional(db: Db, cp: u32) -> &'static str {
    BIDIRECTIONAL[field(record(db, cp), 13, 5)]
}

pub fn mirrored(db: Db, cp: u32) -> bool {
    field(record(db, cp), 18, 1) != 0
}

pub fn east_asian_width(db: Db, cp: u32) -> &'static str {
    EAST_ASIAN_WIDTH[field(record(db, cp), 19, 3)]
}

pub fn decimal(db: Db, cp: u32) -> Option<u8> {
    let v = field(record(db, cp), 22, 4);
    (v != 15).then_some(v as u8)
}

pub fn digit(db: Db, cp: u32) -> Option<u8> {
    let v = field(record(db, cp), 26, 4);
    (v != 15).then_some(v as u8)
}

pub fn numeric(db: Db, cp: u32) -> Option<f64> {
    let v = field(record(db, cp), 30, 10);
    (v != 0).then(|| NUMERIC[v])
}

/// Whether the 3.2.0 database lacks `cp` (then it has no name, no
/// decomposition and combining class 0 there).
pub fn unassigned_old(cp: u32) -> bool {
    field(record(Db::Old, cp), 40, 1) != 0
}

/// CPython's normalization quick-check answer for one character:
/// 0 yes, 1 maybe, 2 no; `nfc` selects the composed forms, `k` the
/// compatibility ones.
pub fn quick_check(cp: u32, nfc: bool, k: bool) -> u8 {
    let at = 40 + 2 * (2 * nfc as u32 + k as u32);
    field(record(Db::New, cp), at, 2) as u8
}

/// The decomposition of `cp` in the current database: its tag index
/// (0 = canonical) and code points (empty: none).
pub fn decomposition(cp: u32) -> (usize, &'static [u32]) {
    let at = lookup2(cp, DECOMP_SHIFT, &DECOMP_INDEX1, &DECOMP_INDEX2);
    let head = DECOMP_DATA[at];
    let n = (head & 0xff) as usize;
    ((head >> 8) as usize, &DECOMP_DATA[at + 1..at + 1 + n])
}

/// `unicodedata.decomposition`'s text: `"<tag> XXXX XXXX"`.
pub fn decomposition_text(db: Db, cp: u32) -> String {
    if db == Db::Old && unassigned_old(cp) {
        return String::new();
    }
    let (tag, cps) = decomposition(cp);
    let mut s = String::from(DECOMP_TAGS[tag]);
    for c in cps {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&format!("{c:04X}"));
    }
    s
}

/// The character that canonically composes from `a` followed by `b`.
pub fn compose_pair(a: u32, b: u32) -> Option<u32> {
    COMP_PAIRS
        .binary_search_by(|&(x, y, _)| (x, y).cmp(&(a, b)))
        .ok()
        .map(|i| COMP_PAIRS[i].2)
}

/// Whether some composition starts with `a`.
pub fn is_comp_first(a: u32) -> bool {
    let i = COMP_PAIRS.partition_point(|&(x, _, _)| x < a);
    COMP_PAIRS.get(i).is_some_and(|p| p.0 == a)
}

/// The 3.2.0 database's replacement for a character whose decomposition
/// was corrected after 3.2.0.
pub fn correction_old(cp: u32) -> Option<u32> {
    NORMALIZATION_3_2_0
        .iter()
        .find(|&&(c, _)| c == cp)
        .map(|&(_, r)| r)
}
