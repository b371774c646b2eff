//! Spot checks of the tables and algorithms against values CPython 3.11
//! gives (the differential case `mod_unicodedata` covers every code point).

use super::data::{self, Db};
use super::{names, normalize};

#[test]
fn properties() {
    assert_eq!(data::category(Db::New, 'A' as u32), "Lu");
    assert_eq!(data::category(Db::New, 0xD800), "Cs");
    assert_eq!(data::category(Db::Old, 0xE0001), "Cf");
    assert_eq!(data::category(Db::New, 0x10FFFF), "Cn");
    assert_eq!(data::combining(Db::New, 0x301), 230);
    assert_eq!(data::numeric(Db::New, 0xBD), Some(0.5));
    assert_eq!(data::decomposition_text(Db::New, 0xE9), "0065 0301");
    assert_eq!(
        data::decomposition_text(Db::New, 0xFB01),
        "<compat> 0066 0069"
    );
}

#[test]
fn names_round_trip() {
    assert_eq!(
        names::name(Db::New, 'a' as u32).as_deref(),
        Some("LATIN SMALL LETTER A")
    );
    assert_eq!(
        names::name(Db::New, 0xAC01).as_deref(),
        Some("HANGUL SYLLABLE GAG")
    );
    assert_eq!(
        names::name(Db::New, 0x4E00).as_deref(),
        Some("CJK UNIFIED IDEOGRAPH-4E00")
    );
    assert_eq!(names::name(Db::Old, 0x9FB0), None);
    assert_eq!(
        names::lookup(Db::New, b"latin small letter a"),
        Some(vec![0x61])
    );
    assert_eq!(
        names::lookup(Db::New, b"HANGUL SYLLABLE GAG"),
        Some(vec![0xAC01])
    );
    assert_eq!(names::lookup(Db::Old, b"LATIN CAPITAL LETTER GHA"), None);
    assert_eq!(
        names::lookup(Db::New, b"LATIN CAPITAL LETTER GHA"),
        Some(vec![0x1A2])
    );
}

#[test]
fn normal_forms() {
    let s: Vec<u32> = "e\u{301}\u{1100}\u{1161}\u{11a8}"
        .chars()
        .map(|c| c as u32)
        .collect();
    assert_eq!(normalize::compose(Db::New, &s, false), vec![0xE9, 0xAC01]);
    assert_eq!(
        normalize::decompose(Db::New, &[0xAC01], false),
        vec![0x1100, 0x1161, 0x11A8]
    );
    assert_eq!(
        normalize::compose(Db::New, &[0xFB01], true),
        vec![0x66, 0x69]
    );
}

const FNV_OFFSET: u64 = 0xcbf29ce484222325;
const FNV_PRIME: u64 = 0x100000001b3;

fn fnv(mut h: u64, text: &str) -> u64 {
    for b in text.bytes() {
        h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    h
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// `gen_tables.py`'s `prop_line`.
fn prop_line(db: Db, cp: u32) -> String {
    format!(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}\n",
        data::category(db, cp),
        data::bidirectional(db, cp),
        data::combining(db, cp),
        data::mirrored(db, cp) as u8,
        data::east_asian_width(db, cp),
        opt(data::decimal(db, cp)),
        opt(data::digit(db, cp)),
        opt(data::numeric(db, cp).map(f64::to_bits)),
        data::decomposition_text(db, cp),
        opt(names::name(db, cp)),
    )
}

/// `gen_tables.py`'s `norm_line`.
fn norm_line(db: Db, cp: u32) -> String {
    let forms = [
        normalize::compose(db, &[cp], false),
        normalize::decompose(db, &[cp], false),
        normalize::compose(db, &[cp], true),
        normalize::decompose(db, &[cp], true),
    ];
    let mut s = forms
        .iter()
        .map(|f| {
            f.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join("|");
    s.push('\n');
    s
}

/// Every property, name and single-character normal form of every code
/// point, in both databases, hashes to what CPython gives.
#[test]
fn all_code_points_match_cpython() {
    for (db, props, norm) in [
        (
            Db::New,
            super::expected::PROPS_NEW,
            super::expected::NORM_NEW,
        ),
        (
            Db::Old,
            super::expected::PROPS_OLD,
            super::expected::NORM_OLD,
        ),
    ] {
        let (mut hp, mut hn) = (FNV_OFFSET, FNV_OFFSET);
        for cp in 0..0x110000 {
            hp = fnv(hp, &prop_line(db, cp));
            hn = fnv(hn, &norm_line(db, cp));
        }
        assert_eq!(hp, props, "properties");
        assert_eq!(hn, norm, "normal forms");
    }
}

/// `lookup` inverts `name` for every named code point.
#[test]
fn lookup_inverts_name() {
    for cp in 0..0x110000 {
        if let Some(n) = names::name(Db::New, cp) {
            assert_eq!(names::lookup(Db::New, n.as_bytes()), Some(vec![cp]), "{n}");
        }
    }
}
