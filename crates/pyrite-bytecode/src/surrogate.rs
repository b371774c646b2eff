//! Lone surrogates (U+D800..U+DFFF) in Python `str` values.
//!
//! Rust strings cannot hold them, so Pyrite stores each one as a stand-in
//! character from the last 2048 code points of plane 16 (U+10F800 +
//! (surrogate - 0xD800)) and marks the string as "having surrogates"
//! (`Constant::SurrStr` here, a flag on the VM's `PyStr`). In a marked
//! string every stand-in is a surrogate; in an unmarked one those code
//! points are themselves. A single string cannot hold both a lone
//! surrogate and a real U+10F800..U+10FFFF character (private use and two
//! noncharacters); see ARCHITECTURE.md.
//!
//! Also the "surrogatepass" flavour of UTF-8 (CPython's marshal format for
//! such strings, and the codec error handler of that name).

/// The stand-in of surrogate U+D800.
pub const BASE: u32 = 0x10F800;

/// The stand-in character for surrogate `cp` (`0xD800..=0xDFFF`).
#[inline]
pub fn stand_in(cp: u32) -> char {
    char::from_u32(BASE + (cp & 0x7ff)).unwrap_or('\u{fffd}')
}

/// The surrogate a stand-in character stands for.
#[inline]
pub fn surrogate_of(c: char) -> Option<u32> {
    let n = c as u32;
    (n >= BASE).then(|| n - BASE + 0xD800)
}

/// The code point `c` denotes in a string marked as holding surrogates.
#[inline]
pub fn code_point(c: char, marked: bool) -> u32 {
    let n = c as u32;
    if marked && n >= BASE {
        n - BASE + 0xD800
    } else {
        n
    }
}

/// Whether `s` holds any stand-in character (UTF-8 `F4 8F A0..BF ..`).
pub fn has_stand_in(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&x| x == 0xF4) {
        let j = i + k;
        if j + 2 < b.len() && b[j + 1] == 0x8F && b[j + 2] >= 0xA0 {
            return true;
        }
        i = j + 1;
    }
    false
}

/// Text from code points that may include lone surrogates; the flag says
/// whether any was stored as a stand-in.
pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> (String, bool) {
    let mut out = String::new();
    let mut marked = false;
    for cp in cps {
        if (0xD800..0xE000).contains(&cp) {
            out.push(stand_in(cp));
            marked = true;
        } else {
            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
        }
    }
    (out, marked)
}

/// UTF-8 with surrogates encoded as their 3-byte forms (CPython's
/// `surrogatepass`), for marked text.
pub fn encode_pass(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match surrogate_of(c) {
            Some(cp) => out.extend_from_slice(&[
                0xE0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3f) as u8,
                0x80 | (cp & 0x3f) as u8,
            ]),
            None => {
                let mut b = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            }
        }
    }
    out
}

/// The surrogate encoded (surrogatepass UTF-8) at the start of `b`.
#[inline]
pub fn surrogate_at(b: &[u8]) -> Option<u32> {
    if b.len() >= 3 && b[0] == 0xED && (0xA0..0xC0).contains(&b[1]) && (0x80..0xC0).contains(&b[2])
    {
        Some(0xD000 | ((b[1] as u32 & 0x3f) << 6) | (b[2] as u32 & 0x3f))
    } else {
        None
    }
}

/// Decode surrogatepass UTF-8: the text (stand-ins for surrogates) and
/// whether it holds any surrogate; `None` if not valid even so.
pub fn decode_pass(b: &[u8]) -> Option<(String, bool)> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Some((s.to_owned(), false));
    }
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match std::str::from_utf8(&b[i..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = i + e.valid_up_to();
                out.push_str(std::str::from_utf8(&b[i..good]).ok()?);
                let cp = surrogate_at(&b[good..])?;
                out.push(stand_in(cp));
                i = good + 3;
            }
        }
    }
    Some((out, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let (s, m) = from_code_points([0x61, 0xD800, 0xDFFF, 0x10FFFF]);
        assert!(m && has_stand_in(&s));
        let b = encode_pass(&s);
        assert_eq!(&b[1..4], &[0xED, 0xA0, 0x80]);
        assert_eq!(decode_pass(&b), Some((s, true)));
        assert!(!has_stand_in("abc\u{10F7FF}"));
    }
}
