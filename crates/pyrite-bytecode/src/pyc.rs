//! The `.pyc` file header of PEP 552 (CPython 3.7+): magic number, a flags
//! word, then either the source's mtime and size (flags 0) or an 8-byte
//! hash of the source (flags bit 0; bit 1 says "check the hash against the
//! source when importing"). The marshalled code object follows at byte 16.

use crate::marshal::{dumps_code, MarshalError, PYC_MAGIC};
use crate::CodeObject;

/// Length of the header before the marshalled code.
pub const HEADER_LEN: usize = 16;

/// How a `.pyc` is tied to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validation {
    /// Valid while the source's mtime and size (both mod 2**32) match.
    Timestamp { mtime: u32, size: u32 },
    /// Valid while the source hashes to `hash` (`_imp.source_hash`);
    /// unchecked ones are trusted without looking at the source.
    Hash { hash: [u8; 8], check_source: bool },
}

/// The key of `_imp.source_hash` for `.pyc` files: the magic number read
/// as a little-endian integer (importlib's `_RAW_MAGIC_NUMBER`).
pub fn raw_magic() -> u64 {
    u32::from_le_bytes(PYC_MAGIC) as u64
}

/// Split a `.pyc` into its validation data and the marshalled code,
/// with importlib's checks (`_classify_pyc`): magic, known flag bits,
/// complete header.
pub fn parse_header(data: &[u8]) -> Result<(Validation, &[u8]), MarshalError> {
    if data.len() < 4 || data[..4] != PYC_MAGIC {
        return Err(MarshalError("bad magic number".into()));
    }
    if data.len() < HEADER_LEN {
        return Err(MarshalError("reached EOF while reading pyc header".into()));
    }
    let word = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    let flags = word(4);
    if flags & !0b11 != 0 {
        return Err(MarshalError(format!("invalid flags {flags:#x}")));
    }
    let v = if flags & 1 != 0 {
        let mut hash = [0u8; 8];
        hash.copy_from_slice(&data[8..16]);
        Validation::Hash {
            hash,
            check_source: flags & 2 != 0,
        }
    } else {
        Validation::Timestamp {
            mtime: word(8),
            size: word(12),
        }
    };
    Ok((v, &data[HEADER_LEN..]))
}

/// A complete `.pyc` file for `code` with the given validation data.
pub fn build(code: &CodeObject, v: Validation) -> Vec<u8> {
    let mut out = PYC_MAGIC.to_vec();
    match v {
        Validation::Timestamp { mtime, size } => {
            out.extend_from_slice(&0u32.to_le_bytes());
            out.extend_from_slice(&mtime.to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
        }
        Validation::Hash { hash, check_source } => {
            let flags: u32 = if check_source { 3 } else { 1 };
            out.extend_from_slice(&flags.to_le_bytes());
            out.extend_from_slice(&hash);
        }
    }
    out.extend(dumps_code(code));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rejects_bad_input() {
        assert!(parse_header(b"").is_err());
        assert!(parse_header(&PYC_MAGIC).is_err());
        let mut d = PYC_MAGIC.to_vec();
        d.extend([4, 0, 0, 0]);
        d.extend([0; 8]);
        assert!(parse_header(&d).is_err());
        d[4] = 3;
        assert_eq!(
            parse_header(&d).unwrap().0,
            Validation::Hash {
                hash: [0; 8],
                check_source: true
            }
        );
    }
}
