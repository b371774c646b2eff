//! A fast hasher for the interpreter's own string-keyed tables (the intern
//! table). The default SipHash resists hash flooding, which these tables do
//! not need (their keys are identifiers from code, not untrusted input) and
//! costs several hundred instructions per short name; this one mixes a word
//! at a time (the multiply-rotate scheme of rustc's FxHasher).

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// See the module documentation.
#[derive(Default, Clone, Copy)]
pub struct StrHasher {
    h: u64,
}

impl StrHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.h = (self.h.rotate_left(26) ^ w).wrapping_mul(K);
    }
}

impl Hasher for StrHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // Fold the high bits down: hashbrown takes its bucket index from the
        // low bits and its tag from the top seven.
        self.h ^ (self.h >> 29)
    }
}

/// `BuildHasher` for [`StrHasher`].
pub type StrHashBuilder = BuildHasherDefault<StrHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn distinct_short_names_spread() {
        let mut m: HashMap<String, usize, StrHashBuilder> = HashMap::default();
        for i in 0..10_000 {
            m.insert(format!("name_{i}"), i);
        }
        for i in 0..10_000 {
            assert_eq!(m.get(&format!("name_{i}")), Some(&i));
        }
        let h = |s: &str| {
            let mut x = StrHasher::default();
            x.write(s.as_bytes());
            x.finish()
        };
        assert_ne!(h("a"), h("a\0"));
        assert_ne!(h("abcdefgh"), h("abcdefgh\0"));
    }
}
