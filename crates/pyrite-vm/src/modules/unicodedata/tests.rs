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
    assert_eq!(data::decomposition_text(Db::New, 0xFB01), "<compat> 0066 0069");
}

#[test]
fn names_round_trip() {
    assert_eq!(names::name(Db::New, 'a' as u32).as_deref(), Some("LATIN SMALL LETTER A"));
    assert_eq!(names::name(Db::New, 0xAC01).as_deref(), Some("HANGUL SYLLABLE GAG"));
    assert_eq!(names::name(Db::New, 0x4E00).as_deref(), Some("CJK UNIFIED IDEOGRAPH-4E00"));
    assert_eq!(names::name(Db::Old, 0x9FB0), None);
    assert_eq!(names::lookup(Db::New, b"latin small letter a"), Some(vec![0x61]));
    assert_eq!(names::lookup(Db::New, b"HANGUL SYLLABLE GAG"), Some(vec![0xAC01]));
    assert_eq!(names::lookup(Db::Old, b"LATIN CAPITAL LETTER GHA"), None);
    assert_eq!(names::lookup(Db::New, b"LATIN CAPITAL LETTER GHA"), Some(vec![0x1A2]));
}

#[test]
fn normal_forms() {
    let s: Vec<u32> = "e\u{301}\u{1100}\u{1161}\u{11a8}".chars().map(|c| c as u32).collect();
    assert_eq!(normalize::compose(Db::New, &s, false), vec![0xE9, 0xAC01]);
    assert_eq!(normalize::decompose(Db::New, &[0xAC01], false), vec![0x1100, 0x1161, 0x11A8]);
    assert_eq!(normalize::compose(Db::New, &[0xFB01], true), vec![0x66, 0x69]);
}
