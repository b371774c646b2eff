//! SHA-3 / SHAKE (FIPS 202, Keccak-f[1600]) and BLAKE2b / BLAKE2s
//! (RFC 7693, with the full parameter block), written from the specs.

// ----- Keccak ----------------------------------------------------------------------

const RC: [u64; 24] = [
    0x0000000000000001,
    0x0000000000008082,
    0x800000000000808a,
    0x8000000080008000,
    0x000000000000808b,
    0x0000000080000001,
    0x8000000080008081,
    0x8000000000008009,
    0x000000000000008a,
    0x0000000000000088,
    0x0000000080008009,
    0x000000008000000a,
    0x000000008000808b,
    0x800000000000008b,
    0x8000000000008089,
    0x8000000000008003,
    0x8000000000008002,
    0x8000000000000080,
    0x000000000000800a,
    0x800000008000000a,
    0x8000000080008081,
    0x8000000000008080,
    0x0000000080000001,
    0x8000000080008008,
];

/// Rotation offsets, indexed `x + 5 * y`.
const ROT: [u32; 25] = [
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
];

fn keccak_f(a: &mut [u64; 25]) {
    for rc in RC {
        let mut c = [0u64; 5];
        for x in 0..5 {
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for x in 0..5 {
            let d = c[(x + 4) % 5] ^ c[(x + 1) % 5].rotate_left(1);
            for y in 0..5 {
                a[x + 5 * y] ^= d;
            }
        }
        // rho and pi: B[y, 2x+3y] = rot(A[x, y])
        let mut b = [0u64; 25];
        for x in 0..5 {
            for y in 0..5 {
                b[y + 5 * ((2 * x + 3 * y) % 5)] = a[x + 5 * y].rotate_left(ROT[x + 5 * y]);
            }
        }
        for x in 0..5 {
            for y in 0..5 {
                a[x + 5 * y] = b[x + 5 * y] ^ (!b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
            }
        }
        a[0] ^= rc;
    }
}

#[derive(Clone)]
pub struct Keccak {
    a: [u64; 25],
    rate: usize,
    buf: Vec<u8>,
    suffix: u8,
    /// Digest bytes (0 for SHAKE, whose length is chosen at `digest`).
    pub out: usize,
}

impl Keccak {
    pub fn new(rate: usize, out: usize, suffix: u8) -> Self {
        Keccak {
            a: [0; 25],
            rate,
            buf: Vec::new(),
            suffix,
            out,
        }
    }

    pub fn block_size(&self) -> usize {
        self.rate
    }

    fn absorb_block(&mut self, blk: &[u8]) {
        for (i, c) in blk.chunks(8).enumerate() {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.a[i] ^= u64::from_le_bytes(w);
        }
        keccak_f(&mut self.a);
    }

    pub fn update(&mut self, data: &[u8]) {
        self.buf.extend_from_slice(data);
        let full = self.buf.len() / self.rate * self.rate;
        if full > 0 {
            let blocks: Vec<u8> = self.buf.drain(..full).collect();
            for blk in blocks.chunks(self.rate) {
                self.absorb_block(blk);
            }
        }
    }

    /// `n` bytes of output (the digest for SHA-3, any length for SHAKE).
    pub fn finish(&self, n: usize) -> Vec<u8> {
        let mut s = self.clone();
        let mut last = s.buf.clone();
        last.push(s.suffix);
        last.resize(s.rate, 0);
        last[s.rate - 1] |= 0x80;
        s.absorb_block(&last);
        let mut out = Vec::with_capacity(n);
        loop {
            for w in &s.a[..s.rate / 8] {
                out.extend_from_slice(&w.to_le_bytes());
            }
            if out.len() >= n {
                out.truncate(n);
                return out;
            }
            keccak_f(&mut s.a);
        }
    }
}

// ----- BLAKE2 --------------------------------------------------------------------------

const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

const IV64: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];
const IV32: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// The BLAKE2 parameters (`digest_size`, key, salt, person and the tree
/// fields of the parameter block).
pub struct Blake2Params<'a> {
    pub digest_size: usize,
    pub key: &'a [u8],
    pub salt: &'a [u8],
    pub person: &'a [u8],
    pub fanout: u8,
    pub depth: u8,
    pub leaf_size: u32,
    pub node_offset: u64,
    pub node_depth: u8,
    pub inner_size: u8,
    pub last_node: bool,
}

/// BLAKE2b (`big`) or BLAKE2s, over 64-bit words either way (BLAKE2s
/// values are kept in the low 32 bits).
#[derive(Clone)]
pub struct Blake2 {
    big: bool,
    h: [u64; 8],
    t: u64,
    buf: Vec<u8>,
    pub out: usize,
    last_node: bool,
}

impl Blake2 {
    pub fn new(big: bool, p: &Blake2Params) -> Self {
        let bb = if big { 128 } else { 64 };
        let mut pb = vec![0u8; bb / 2];
        pb[0] = p.digest_size as u8;
        pb[1] = p.key.len() as u8;
        pb[2] = p.fanout;
        pb[3] = p.depth;
        pb[4..8].copy_from_slice(&p.leaf_size.to_le_bytes());
        if big {
            pb[8..16].copy_from_slice(&p.node_offset.to_le_bytes());
            pb[16] = p.node_depth;
            pb[17] = p.inner_size;
            pb[32..32 + p.salt.len()].copy_from_slice(p.salt);
            pb[48..48 + p.person.len()].copy_from_slice(p.person);
        } else {
            pb[8..14].copy_from_slice(&p.node_offset.to_le_bytes()[..6]);
            pb[14] = p.node_depth;
            pb[15] = p.inner_size;
            pb[16..16 + p.salt.len()].copy_from_slice(p.salt);
            pb[24..24 + p.person.len()].copy_from_slice(p.person);
        }
        let mut h = [0u64; 8];
        for i in 0..8 {
            h[i] = if big {
                let mut w = [0u8; 8];
                w.copy_from_slice(&pb[8 * i..8 * i + 8]);
                IV64[i] ^ u64::from_le_bytes(w)
            } else {
                (IV32[i]
                    ^ u32::from_le_bytes([pb[4 * i], pb[4 * i + 1], pb[4 * i + 2], pb[4 * i + 3]]))
                    as u64
            };
        }
        let mut s = Blake2 {
            big,
            h,
            t: 0,
            buf: Vec::new(),
            out: p.digest_size,
            last_node: p.last_node,
        };
        if !p.key.is_empty() {
            let mut k = p.key.to_vec();
            k.resize(bb, 0);
            s.update(&k);
        }
        s
    }

    fn block_bytes(&self) -> usize {
        if self.big {
            128
        } else {
            64
        }
    }

    pub fn block_size(&self) -> usize {
        self.block_bytes()
    }

    fn compress(&mut self, blk: &[u8], last: bool) {
        let big = self.big;
        let ws = if big { 8 } else { 4 };
        let mut m = [0u64; 16];
        for i in 0..16 {
            let mut w = [0u8; 8];
            w[..ws].copy_from_slice(&blk[ws * i..ws * i + ws]);
            m[i] = u64::from_le_bytes(w);
        }
        let mut v = [0u64; 16];
        v[..8].copy_from_slice(&self.h);
        for i in 0..8 {
            v[8 + i] = if big { IV64[i] } else { IV32[i] as u64 };
        }
        let mask = if big { u64::MAX } else { u32::MAX as u64 };
        let bits = if big { 64 } else { 32 };
        v[12] ^= self.t & mask;
        v[13] ^= ((self.t as u128 >> bits) as u64) & mask;
        if last {
            v[14] ^= mask;
            if self.last_node {
                v[15] ^= mask;
            }
        }
        let rot = |x: u64, n: u32| -> u64 {
            if big {
                x.rotate_right(n)
            } else {
                (x as u32).rotate_right(n) as u64
            }
        };
        let (r1, r2, r3, r4) = if big {
            (32, 24, 16, 63)
        } else {
            (16, 12, 8, 7)
        };
        let rounds = if big { 12 } else { 10 };
        for r in 0..rounds {
            let s = &SIGMA[r % 10];
            let mut g = |a: usize, b: usize, c: usize, d: usize, x: u64, y: u64| {
                v[a] = v[a].wrapping_add(v[b]).wrapping_add(x) & mask;
                v[d] = rot(v[d] ^ v[a], r1);
                v[c] = v[c].wrapping_add(v[d]) & mask;
                v[b] = rot(v[b] ^ v[c], r2);
                v[a] = v[a].wrapping_add(v[b]).wrapping_add(y) & mask;
                v[d] = rot(v[d] ^ v[a], r3);
                v[c] = v[c].wrapping_add(v[d]) & mask;
                v[b] = rot(v[b] ^ v[c], r4);
            };
            g(0, 4, 8, 12, m[s[0]], m[s[1]]);
            g(1, 5, 9, 13, m[s[2]], m[s[3]]);
            g(2, 6, 10, 14, m[s[4]], m[s[5]]);
            g(3, 7, 11, 15, m[s[6]], m[s[7]]);
            g(0, 5, 10, 15, m[s[8]], m[s[9]]);
            g(1, 6, 11, 12, m[s[10]], m[s[11]]);
            g(2, 7, 8, 13, m[s[12]], m[s[13]]);
            g(3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for i in 0..8 {
            self.h[i] ^= v[i] ^ v[i + 8];
        }
    }

    pub fn update(&mut self, data: &[u8]) {
        let bb = self.block_bytes();
        self.buf.extend_from_slice(data);
        // Keep the last (possibly full) block: it must be compressed with
        // the final flag.
        while self.buf.len() > bb {
            let blk: Vec<u8> = self.buf.drain(..bb).collect();
            self.t += bb as u64;
            self.compress(&blk, false);
        }
    }

    pub fn finish(&self) -> Vec<u8> {
        let mut s = self.clone();
        let bb = s.block_bytes();
        s.t += s.buf.len() as u64;
        let mut blk = s.buf.clone();
        blk.resize(bb, 0);
        s.compress(&blk, true);
        let mut out: Vec<u8> = if s.big {
            s.h.iter().flat_map(|w| w.to_le_bytes()).collect()
        } else {
            s.h.iter().flat_map(|w| (*w as u32).to_le_bytes()).collect()
        };
        out.truncate(s.out);
        out
    }
}
