//! Lone surrogates in string literals.
//!
//! The parser decodes `'\ud800'` to U+FFFD (a Rust string cannot hold a
//! surrogate). When a decoded literal holds U+FFFD, its source text is
//! decoded again here, keeping `\uXXXX` / `\UXXXXXXXX` surrogate escapes as
//! stand-in characters (`pyrite_bytecode::surrogate`). The second decoding
//! is checked character by character against the parser's value, so
//! anything it does not understand (or a tree whose ranges do not index
//! the source, from `compile()` of an AST object) keeps the parser's text.

use pyrite_bytecode::surrogate;
use pyrite_parser::ast;
use ruff_text_size::{Ranged, TextRange};

/// One decoded character: a code point, or "whatever the parser made of
/// this `\N{...}` escape".
#[derive(Clone, Copy)]
enum Piece {
    Cp(u32),
    Named,
}

/// Decode the body of a non-raw literal; `fstring` also undoubles braces.
fn decode_body(text: &str, fstring: bool) -> Option<Vec<Piece>> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    let hex = |from: usize, n: usize| -> Option<u32> {
        let s = text.get(from..from + n)?;
        if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(s, 16).ok()
    };
    while i < b.len() {
        let c = b[i];
        if fstring && (c == b'{' || c == b'}') && b.get(i + 1) == Some(&c) {
            out.push(Piece::Cp(c as u32));
            i += 2;
            continue;
        }
        if c == b'\r' {
            // Source newlines are normalised to '\n'.
            out.push(Piece::Cp(10));
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        if c != b'\\' {
            let ch = text[i..].chars().next()?;
            out.push(Piece::Cp(ch as u32));
            i += ch.len_utf8();
            continue;
        }
        let e = *b.get(i + 1)?;
        i += 2;
        let simple = match e {
            b'\n' => None,
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
                None
            }
            b'\\' | b'\'' | b'"' => Some(e as u32),
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(10),
            b'r' => Some(13),
            b't' => Some(9),
            b'v' => Some(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                Some(v)
            }
            b'x' | b'u' | b'U' => {
                let n = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let v = hex(i, n)?;
                i += n;
                Some(v)
            }
            b'N' => {
                if b.get(i) != Some(&b'{') {
                    return None;
                }
                let close = text[i..].find('}')?;
                i += close + 1;
                out.push(Piece::Named);
                continue;
            }
            _ => {
                // Unknown escape: the backslash stays.
                out.push(Piece::Cp(b'\\' as u32));
                i -= 1;
                continue;
            }
        };
        if let Some(v) = simple {
            out.push(Piece::Cp(v));
        }
    }
    Some(out)
}

/// The literal text of `body` (source of a non-raw literal) with its lone
/// surrogates as stand-ins, given the parser's value; `None` if it has
/// none or the two decodings disagree.
fn redecode(source: &str, body: TextRange, parsed: &str, fstring: bool) -> Option<String> {
    let text = source.get(body.start().to_usize()..body.end().to_usize())?;
    let pieces = decode_body(text, fstring)?;
    let mut out = String::with_capacity(parsed.len());
    let mut found = false;
    let mut chars = parsed.chars();
    for p in pieces {
        let c = chars.next()?;
        match p {
            Piece::Named => out.push(c),
            Piece::Cp(v) if (0xD800..0xE000).contains(&v) && c == '\u{fffd}' => {
                out.push(surrogate::stand_in(v));
                found = true;
            }
            Piece::Cp(v) if v == c as u32 => out.push(c),
            Piece::Cp(_) => return None,
        }
    }
    if chars.next().is_some() || !found {
        return None;
    }
    Some(out)
}

/// The value of a (possibly implicitly concatenated) string literal and
/// whether it holds lone surrogates (as stand-ins).
pub fn string_value(source: &str, s: &ast::ExprStringLiteral) -> (String, bool) {
    let v = s.value.to_str();
    if !v.contains('\u{fffd}') {
        return (v.to_owned(), false);
    }
    let mut out = String::with_capacity(v.len());
    let mut marked = false;
    for part in s.value.iter() {
        let (t, m) = literal_part(source, part);
        out.push_str(&t);
        marked |= m;
    }
    (out, marked)
}

/// One part of a string literal: its text and whether it holds lone
/// surrogates.
pub fn literal_part(source: &str, part: &ast::StringLiteral) -> (String, bool) {
    if part.value.contains('\u{fffd}') && !part.flags.prefix().is_raw() {
        if let Some(t) = redecode(source, part.content_range(), &part.value, false) {
            return (t, true);
        }
    }
    (part.value.to_string(), false)
}

/// The text of one f-string literal element (surrogates as stand-ins) and
/// whether it holds any.
pub fn fstring_literal(
    source: &str,
    l: &ast::InterpolatedStringLiteralElement,
    raw: bool,
) -> (String, bool) {
    if !raw && l.value.contains('\u{fffd}') {
        if let Some(t) = redecode(source, l.range(), &l.value, true) {
            return (t, true);
        }
    }
    (l.value.to_string(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of the one string-literal expression in `src`.
    fn value(src: &str) -> (String, bool) {
        let p = pyrite_parser::parse(src, pyrite_parser::Mode::Eval).unwrap();
        match &p.ast {
            ast::Mod::Expression(e) => match &*e.body {
                ast::Expr::StringLiteral(s) => string_value(src, s),
                _ => panic!("not a string literal"),
            },
            _ => unreachable!(),
        }
    }

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| surrogate::code_point(c, true)).collect()
    }

    #[test]
    fn surrogate_escapes() {
        let (v, m) = value(r"'a\ud800\U0000DC80\N{BULLET}\x41\n'");
        assert!(m);
        assert_eq!(cps(&v), [0x61, 0xD800, 0xDC80, 0x2022, 0x41, 10]);
        let (v, m) = value("'x' '\\udfff' \"\\\\\"");
        assert!(m);
        assert_eq!(cps(&v), [0x78, 0xDFFF, 0x5C]);
    }

    #[test]
    fn no_surrogates() {
        assert_eq!(value(r"'\ufffd'"), ("\u{fffd}".to_string(), false));
        assert_eq!(value(r"r'\ud800'"), (r"\ud800".to_string(), false));
        assert_eq!(value("'plain'"), ("plain".to_string(), false));
    }
}
