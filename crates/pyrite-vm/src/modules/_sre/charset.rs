//! Character tests of the SRE engine: case mapping (ASCII, "locale" which
//! is the C locale here, Unicode), the `CATEGORY_*` classes, `AT_*`
//! word-boundary predicates and set membership (`IN` bodies: `LITERAL`,
//! `RANGE`, `CHARSET` bitmaps, `BIGCHARSET` block tables, `NEGATE`).
//! Mirrors CPython 3.11 `Modules/_sre/sre.c` and `sre_lib.h`.

use super::constants::*;
use crate::types::str_case;
use crate::types::str_unicode as tab;

/// A code word of the compiled pattern, or `FAILURE` past its end (so a
/// malformed program fails to match instead of panicking).
#[inline(always)]
pub fn at(code: &[u32], i: usize) -> u32 {
    code.get(i).copied().unwrap_or(FAILURE)
}

#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

#[inline]
pub fn upper_ascii(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

/// The C locale's `tolower` on bytes; other characters unchanged.
#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    upper_ascii(ch)
}

fn fix(t: &'static [(u32, &'static str)], ch: u32) -> Option<u32> {
    t.binary_search_by_key(&ch, |&(k, _)| k)
        .ok()
        .and_then(|i| t[i].1.chars().next())
        .map(|c| c as u32)
}

/// CPython's `_PyUnicode_ToLowercase`: the first character of the full
/// lowercase mapping (Unicode 14, via the tables `str.lower` uses).
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    let Some(c) = char::from_u32(ch) else {
        return ch;
    };
    if let Some(l) = fix(tab::LOWER_FIX, ch) {
        return l;
    }
    c.to_lowercase().next().map(|c| c as u32).unwrap_or(ch)
}

/// CPython's `_PyUnicode_ToUppercase`: the first character of the full
/// uppercase mapping.
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_ascii(ch);
    }
    let Some(c) = char::from_u32(ch) else {
        return ch;
    };
    if let Some(u) = fix(tab::UPPER_FIX, ch) {
        return u;
    }
    c.to_uppercase().next().map(|c| c as u32).unwrap_or(ch)
}

pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

pub fn unicode_iscased(ch: u32) -> bool {
    ch != lower_unicode(ch) || ch != upper_unicode(ch)
}

#[inline]
fn is_ascii_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

#[inline]
fn is_ascii_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

fn uni_char(ch: u32) -> Option<char> {
    char::from_u32(ch)
}

fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_word(ch);
    }
    uni_char(ch).is_some_and(str_case::is_alnum)
}

fn is_uni_digit(ch: u32) -> bool {
    if ch < 128 {
        return (b'0' as u32..=b'9' as u32).contains(&ch);
    }
    uni_char(ch).is_some_and(str_case::is_decimal)
}

fn is_uni_space(ch: u32) -> bool {
    if ch < 128 {
        return matches!(ch, 9..=13 | 28..=32);
    }
    uni_char(ch).is_some_and(str_case::is_space)
}

fn is_uni_linebreak(ch: u32) -> bool {
    matches!(ch, 10..=13 | 28..=30 | 0x85 | 0x2028 | 0x2029)
}

/// The word test of an `AT_*BOUNDARY` code.
pub fn word_kind(at_code: u32) -> fn(u32) -> bool {
    match at_code {
        AT_LOC_BOUNDARY | AT_LOC_NON_BOUNDARY => is_ascii_word,
        AT_UNI_BOUNDARY | AT_UNI_NON_BOUNDARY => is_uni_word,
        _ => is_ascii_word,
    }
}

/// `sre_category`: whether `ch` is in class `cat`.
pub fn category(cat: u32, ch: u32) -> bool {
    match cat {
        CAT_DIGIT => (b'0' as u32..=b'9' as u32).contains(&ch),
        CAT_NOT_DIGIT => !(b'0' as u32..=b'9' as u32).contains(&ch),
        CAT_SPACE => is_ascii_space(ch),
        CAT_NOT_SPACE => !is_ascii_space(ch),
        CAT_WORD => is_ascii_word(ch),
        CAT_NOT_WORD => !is_ascii_word(ch),
        CAT_LINEBREAK => ch == 10,
        CAT_NOT_LINEBREAK => ch != 10,
        CAT_LOC_WORD => is_ascii_word(ch),
        CAT_LOC_NOT_WORD => !is_ascii_word(ch),
        CAT_UNI_DIGIT => is_uni_digit(ch),
        CAT_UNI_NOT_DIGIT => !is_uni_digit(ch),
        CAT_UNI_SPACE => is_uni_space(ch),
        CAT_UNI_NOT_SPACE => !is_uni_space(ch),
        CAT_UNI_WORD => is_uni_word(ch),
        CAT_UNI_NOT_WORD => !is_uni_word(ch),
        CAT_UNI_LINEBREAK => is_uni_linebreak(ch),
        CAT_UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => false,
    }
}

/// Whether `ch` is in the set starting at `code[i]` (the items after
/// `IN`'s skip word, up to `FAILURE`).
pub fn in_charset(code: &[u32], mut i: usize, ch: u32) -> bool {
    let mut ok = true;
    loop {
        match at(code, i) {
            FAILURE => return !ok,
            LITERAL => {
                if ch == at(code, i + 1) {
                    return ok;
                }
                i += 2;
            }
            CATEGORY => {
                if category(at(code, i + 1), ch) {
                    return ok;
                }
                i += 2;
            }
            CHARSET => {
                if ch < 256 && at(code, i + 1 + (ch as usize >> 5)) & (1u32 << (ch & 31)) != 0 {
                    return ok;
                }
                i += 1 + 8;
            }
            RANGE => {
                if at(code, i + 1) <= ch && ch <= at(code, i + 2) {
                    return ok;
                }
                i += 3;
            }
            RANGE_UNI_IGNORE => {
                let (lo, hi) = (at(code, i + 1), at(code, i + 2));
                if lo <= ch && ch <= hi {
                    return ok;
                }
                let u = upper_unicode(ch);
                if lo <= u && u <= hi {
                    return ok;
                }
                i += 3;
            }
            NEGATE => {
                ok = !ok;
                i += 1;
            }
            BIGCHARSET => {
                // count, 256 block-index bytes (64 words), count blocks of
                // 8 words each.
                let count = at(code, i + 1) as usize;
                let idx = i + 2;
                if ch < 0x10000 {
                    let hi = (ch >> 8) as usize;
                    let word = at(code, idx + hi / 4);
                    let block = ((word >> (8 * (hi % 4))) & 0xff) as usize;
                    let blocks = idx + 64;
                    let bit = ch & 255;
                    if at(code, blocks + block * 8 + (bit as usize >> 5)) & (1u32 << (bit & 31))
                        != 0
                    {
                        return ok;
                    }
                }
                i = idx + 64 + count * 8;
            }
            _ => return false,
        }
    }
}

/// `charset_loc_ignore`.
pub fn in_charset_loc_ignore(code: &[u32], i: usize, ch: u32) -> bool {
    let lo = lower_locale(ch);
    if in_charset(code, i, lo) {
        return true;
    }
    let up = upper_locale(ch);
    up != lo && in_charset(code, i, up)
}

/// `char_loc_ignore`.
pub fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}
