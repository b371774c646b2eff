//! Character names: `name(cp)` and `lookup(name)`.
//!
//! Hangul syllable and CJK unified ideograph names are computed; every
//! other name is stored as a list of word numbers (one byte for the 192
//! most frequent words, two for the rest) into a frequency-sorted lexicon
//! (`names.bin`, `tables::LEXICON`). `lookup` builds a hash map of all
//! names, aliases and named sequences on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::data::{self, Db};
use super::tables::*;

static NAMES: &[u8] = include_bytes!("names.bin");

const S_BASE: u32 = 0xAC00;
const S_COUNT: u32 = 11172;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;

/// Short names of the Hangul jamo: leading consonants, vowels, trailing
/// consonants (the empty trailing one first), from Unicode's Jamo.txt.
const JAMO_L: [&str; 19] = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

const HANGUL_PREFIX: &[u8] = b"HANGUL SYLLABLE ";
const CJK_PREFIX: &[u8] = b"CJK UNIFIED IDEOGRAPH-";

fn is_unified_ideograph(cp: u32) -> bool {
    CJK_RANGES.iter().any(|&(a, b)| a <= cp && cp <= b)
}

fn word(k: usize) -> &'static str {
    let base = k / 64 * 64;
    let start = WORD_OFFSETS[k / 64] as usize
        + WORD_LENS[base..k]
            .iter()
            .map(|&l| l as usize)
            .sum::<usize>();
    LEXICON
        .get(start..start + WORD_LENS[k] as usize)
        .unwrap_or("")
}

/// The stored name number `i` (in code point order).
fn stored_name(i: usize) -> String {
    let mut at = NAME_OFFSETS[i / 32] as usize;
    for _ in 0..i % 32 {
        at += 1 + NAMES[at] as usize;
    }
    let len = NAMES[at] as usize;
    let code = &NAMES[at + 1..at + 1 + len];
    let mut out = String::new();
    let mut j = 0;
    while j < code.len() {
        let b = code[j] as usize;
        let k = if b < 0xC0 {
            j += 1;
            b
        } else {
            j += 2;
            0xC0 + ((b - 0xC0) << 8 | *code.get(j - 1).unwrap_or(&0) as usize)
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word(k));
    }
    out
}

/// The number of the stored name of `cp`, if it has one.
fn stored_index(cp: u32) -> Option<usize> {
    let i = NAME_RUNS.partition_point(|&(start, _, _)| start <= cp);
    let &(start, len, first) = NAME_RUNS.get(i.checked_sub(1)?)?;
    (cp < start + len).then(|| (first + cp - start) as usize)
}

/// The name of `cp` in database `db` (never an alias).
pub fn name(db: Db, cp: u32) -> Option<String> {
    if db == Db::Old && data::unassigned_old(cp) {
        return None;
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        let (l, v, t) = (
            s / (V_COUNT * T_COUNT),
            s % (V_COUNT * T_COUNT) / T_COUNT,
            s % T_COUNT,
        );
        return Some(format!(
            "HANGUL SYLLABLE {}{}{}",
            JAMO_L[l as usize], JAMO_V[v as usize], JAMO_T[t as usize]
        ));
    }
    if is_unified_ideograph(cp) {
        return Some(format!("CJK UNIFIED IDEOGRAPH-{cp:X}"));
    }
    stored_index(cp).map(stored_name)
}

/// What a name denotes in the lookup map.
#[derive(Clone, Copy)]
enum Entry {
    Char(u32),
    Alias(u32),
    Sequence(usize),
}

fn name_map() -> &'static HashMap<Box<[u8]>, Entry> {
    static MAP: OnceLock<HashMap<Box<[u8]>, Entry>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::with_capacity(NAME_COUNT + ALIASES.len() + NAMED_SEQUENCES.len());
        for &(start, len, first) in NAME_RUNS.iter() {
            for k in 0..len {
                let n = stored_name((first + k) as usize);
                m.insert(n.into_bytes().into_boxed_slice(), Entry::Char(start + k));
            }
        }
        for &(a, cp) in ALIASES.iter() {
            m.insert(a.as_bytes().into(), Entry::Alias(cp));
        }
        for (i, &(s, _)) in NAMED_SEQUENCES.iter().enumerate() {
            m.insert(s.as_bytes().into(), Entry::Sequence(i));
        }
        m
    })
}

/// The longest jamo short name in `table` that `s` starts with (CPython
/// takes the first longest match and does not backtrack).
fn jamo(s: &[u8], table: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, j) in table.iter().enumerate() {
        if s.starts_with(j.as_bytes()) && best.is_none_or(|(_, l)| j.len() > l) {
            best = Some((i, j.len()));
        }
    }
    best
}

fn hangul(rest: &[u8]) -> Option<u32> {
    let (l, n1) = jamo(rest, &JAMO_L)?;
    let rest = &rest[n1..];
    let (v, n2) = jamo(rest, &JAMO_V)?;
    let rest = &rest[n2..];
    let (t, n3) = jamo(rest, &JAMO_T)?;
    (n3 == rest.len()).then(|| S_BASE + ((l as u32 * V_COUNT) + v as u32) * T_COUNT + t as u32)
}

fn cjk(hex: &[u8]) -> Option<u32> {
    if hex.len() != 4 && hex.len() != 5 {
        return None;
    }
    let mut v = 0u32;
    for &c in hex {
        v = v * 16
            + match c {
                b'0'..=b'9' => (c - b'0') as u32,
                b'A'..=b'F' => (c - b'A' + 10) as u32,
                _ => return None,
            };
    }
    is_unified_ideograph(v).then_some(v)
}

/// The code points `name` denotes in database `db` (a named sequence may
/// give several). Stored names and aliases match case-insensitively;
/// Hangul and CJK names only in upper case, as in CPython.
pub fn lookup(db: Db, name: &[u8]) -> Option<Vec<u32>> {
    if let Some(rest) = name.strip_prefix(HANGUL_PREFIX) {
        return hangul(rest).map(|c| vec![c]);
    }
    if let Some(rest) = name.strip_prefix(CJK_PREFIX) {
        return cjk(rest).map(|c| vec![c]);
    }
    let upper: Vec<u8> = name.to_ascii_uppercase();
    match *name_map().get(&upper[..])? {
        Entry::Char(c) if db == Db::Old && data::unassigned_old(c) => None,
        Entry::Char(c) => Some(vec![c]),
        _ if db == Db::Old => None,
        Entry::Alias(c) => Some(vec![c]),
        Entry::Sequence(i) => Some(NAMED_SEQUENCES[i].1.to_vec()),
    }
}
