//! Hash maps keyed by object address. Addresses are already unique and
//! well spread, so a multiply-shift hash (one multiplication) replaces the
//! default SipHash, which dominated the cycle collector's profile.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Hashes one `usize` address: blocks are 16-byte aligned, so the low bits
/// are dropped before a Fibonacci multiplication spreads the rest.
#[derive(Default)]
pub struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Not used for addresses; fold bytes in for completeness.
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        // hashbrown takes the bucket from the low bits and a tag from the
        // top seven: fold the well-mixed high half down.
        self.0 ^ (self.0 >> 32)
    }
}

pub type AddrMap<V> = HashMap<usize, V, BuildHasherDefault<AddrHasher>>;
pub type AddrSet = HashSet<usize, BuildHasherDefault<AddrHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_sets_by_address() {
        let mut m: AddrMap<usize> = AddrMap::default();
        for i in 0..10_000usize {
            m.insert(0x7f00_0000_0000 + i * 16, i);
        }
        assert_eq!(m.len(), 10_000);
        assert_eq!(m.get(&(0x7f00_0000_0000 + 16 * 1234)), Some(&1234));
        let mut s = AddrSet::default();
        assert!(s.insert(48));
        assert!(!s.insert(48));
    }
}
