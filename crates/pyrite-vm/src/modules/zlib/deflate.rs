//! DEFLATE (RFC 1951), written from the spec: a complete inflater and a
//! compressor producing stored blocks (level 0) or fixed-Huffman blocks
//! over a greedy LZ77 match search. The compressed bytes are valid
//! DEFLATE but not byte-identical to zlib's (which also uses dynamic
//! Huffman blocks and lazy matching).

/// Why inflating stopped early.
#[derive(Debug, PartialEq)]
pub enum InflateError {
    /// The input ended inside the stream.
    Incomplete,
    /// Corrupt data, with zlib's message.
    Bad(&'static str),
}

struct Bits<'a> {
    d: &'a [u8],
    /// Bit position.
    pos: usize,
}

impl Bits<'_> {
    fn get(&mut self, n: u32) -> Result<u32, InflateError> {
        let mut v = 0u32;
        for i in 0..n {
            let byte = *self.d.get(self.pos / 8).ok_or(InflateError::Incomplete)?;
            let bit = (byte >> (self.pos % 8)) & 1;
            v |= (bit as u32) << i;
            self.pos += 1;
        }
        Ok(v)
    }

    fn align(&mut self) {
        self.pos = self.pos.div_ceil(8) * 8;
    }
}

/// A canonical Huffman code: code counts per length and the symbols in
/// code order.
struct Huff {
    count: [u16; 16],
    symbol: Vec<u16>,
}

impl Huff {
    /// Build from code lengths; `None` if over-subscribed.
    fn new(lengths: &[u8]) -> Option<Huff> {
        let mut count = [0u16; 16];
        for &l in lengths {
            count[l as usize] += 1;
        }
        count[0] = 0;
        let mut left: i32 = 1;
        for c in count.iter().skip(1) {
            left <<= 1;
            left -= *c as i32;
            if left < 0 {
                return None;
            }
        }
        let mut offs = [0u16; 16];
        for l in 1..15 {
            offs[l + 1] = offs[l] + count[l];
        }
        let mut symbol = vec![0u16; lengths.len()];
        for (s, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbol[offs[l as usize] as usize] = s as u16;
                offs[l as usize] += 1;
            }
        }
        Some(Huff { count, symbol })
    }

    fn decode(&self, b: &mut Bits, bad: &'static str) -> Result<u16, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= b.get(1)? as i32;
            let count = self.count[len] as i32;
            if code - first < count {
                return Ok(self.symbol[(index + code - first) as usize]);
            }
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        Err(InflateError::Bad(bad))
    }
}

const LBASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEXT: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DBASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DEXT: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
const ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

fn fixed_tables() -> (Huff, Huff) {
    let mut l = [0u8; 288];
    for (i, x) in l.iter_mut().enumerate() {
        *x = match i {
            0..=143 => 8,
            144..=255 => 9,
            256..=279 => 7,
            _ => 8,
        };
    }
    let lit = Huff::new(&l).expect("fixed code");
    let dist = Huff::new(&[5u8; 30]).expect("fixed code");
    (lit, dist)
}

fn dynamic_tables(b: &mut Bits) -> Result<(Huff, Huff), InflateError> {
    let nlen = b.get(5)? as usize + 257;
    let ndist = b.get(5)? as usize + 1;
    let ncode = b.get(4)? as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err(InflateError::Bad("too many length or distance symbols"));
    }
    let mut lengths = [0u8; 19];
    for &o in ORDER.iter().take(ncode) {
        lengths[o] = b.get(3)? as u8;
    }
    let lencode = Huff::new(&lengths).ok_or(InflateError::Bad("invalid code lengths set"))?;
    let mut l = vec![0u8; nlen + ndist];
    let mut i = 0;
    while i < nlen + ndist {
        let sym = lencode.decode(b, "invalid code lengths set")?;
        if sym < 16 {
            l[i] = sym as u8;
            i += 1;
            continue;
        }
        let (val, rep) = match sym {
            16 => {
                if i == 0 {
                    return Err(InflateError::Bad("invalid bit length repeat"));
                }
                (l[i - 1], 3 + b.get(2)? as usize)
            }
            17 => (0, 3 + b.get(3)? as usize),
            _ => (0, 11 + b.get(7)? as usize),
        };
        if i + rep > nlen + ndist {
            return Err(InflateError::Bad("invalid bit length repeat"));
        }
        for x in &mut l[i..i + rep] {
            *x = val;
        }
        i += rep;
    }
    if l[256] == 0 {
        return Err(InflateError::Bad("invalid code -- missing end-of-block"));
    }
    let lit = Huff::new(&l[..nlen]).ok_or(InflateError::Bad("invalid literal/lengths set"))?;
    let dist = Huff::new(&l[nlen..]).ok_or(InflateError::Bad("invalid distances set"))?;
    Ok((lit, dist))
}

/// Inflate a raw DEFLATE stream at the start of `data`, appending to
/// `out` (which may hold a preset dictionary: back references may reach
/// into it). Returns the number of input bytes used. On error `out` keeps
/// what was decoded.
#[cfg(test)]
pub fn inflate(data: &[u8], out: &mut Vec<u8>) -> Result<usize, InflateError> {
    let mut ck = (0, out.len());
    inflate_blocks(data, 0, out, &mut ck)
}

/// Resume inflating at bit `start_bit` (a block boundary). On error also
/// returns the (bit position, output length) at the start of the block
/// being decoded, from where a later call with more input can resume.
pub fn inflate_resume(
    data: &[u8],
    start_bit: usize,
    out: &mut Vec<u8>,
) -> Result<usize, (InflateError, (usize, usize))> {
    let mut ck = (start_bit, out.len());
    inflate_blocks(data, start_bit, out, &mut ck).map_err(|e| (e, ck))
}

fn inflate_blocks(
    data: &[u8],
    start_bit: usize,
    out: &mut Vec<u8>,
    ck: &mut (usize, usize),
) -> Result<usize, InflateError> {
    let mut b = Bits {
        d: data,
        pos: start_bit,
    };
    loop {
        *ck = (b.pos, out.len());
        let last = b.get(1)?;
        let kind = b.get(2)?;
        match kind {
            0 => {
                b.align();
                let p = b.pos / 8;
                let hdr = data.get(p..p + 4).ok_or(InflateError::Incomplete)?;
                let len = u16::from_le_bytes([hdr[0], hdr[1]]);
                let nlen = u16::from_le_bytes([hdr[2], hdr[3]]);
                if len != !nlen {
                    return Err(InflateError::Bad("invalid stored block lengths"));
                }
                let start = p + 4;
                let avail = data.len().saturating_sub(start);
                let take = (len as usize).min(avail);
                out.extend_from_slice(&data[start..start + take]);
                if take < len as usize {
                    return Err(InflateError::Incomplete);
                }
                b.pos = (start + len as usize) * 8;
            }
            1 | 2 => {
                let (lit, dist) = if kind == 1 {
                    fixed_tables()
                } else {
                    dynamic_tables(&mut b)?
                };
                loop {
                    let sym = lit.decode(&mut b, "invalid literal/length code")?;
                    if sym < 256 {
                        out.push(sym as u8);
                        continue;
                    }
                    if sym == 256 {
                        break;
                    }
                    let si = (sym - 257) as usize;
                    if si >= 29 {
                        return Err(InflateError::Bad("invalid literal/length code"));
                    }
                    let len = LBASE[si] as usize + b.get(LEXT[si] as u32)? as usize;
                    let ds = dist.decode(&mut b, "invalid distance code")? as usize;
                    if ds >= 30 {
                        return Err(InflateError::Bad("invalid distance code"));
                    }
                    let d = DBASE[ds] as usize + b.get(DEXT[ds] as u32)? as usize;
                    if d > out.len() {
                        return Err(InflateError::Bad("invalid distance too far back"));
                    }
                    let start = out.len() - d;
                    for k in 0..len {
                        let c = out[start + k];
                        out.push(c);
                    }
                }
            }
            _ => return Err(InflateError::Bad("invalid block type")),
        }
        if last == 1 {
            b.align();
            return Ok(b.pos / 8);
        }
    }
}

// ----- compression -------------------------------------------------------------------------

/// LSB-first bit output.
#[derive(Clone, Default)]
pub struct BitWriter {
    pub out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    fn bits(&mut self, v: u32, n: u32) {
        self.acc |= (v as u64) << self.n;
        self.n += n;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code (stored MSB-first).
    fn code(&mut self, code: u32, len: u32) {
        let mut r = 0;
        for i in 0..len {
            r |= ((code >> i) & 1) << (len - 1 - i);
        }
        self.bits(r, len);
    }

    pub fn align(&mut self) {
        if self.n > 0 {
            self.out.push(self.acc as u8);
            self.acc = 0;
            self.n = 0;
        }
    }
}

fn lit_code(w: &mut BitWriter, sym: u32) {
    match sym {
        0..=143 => w.code(0x30 + sym, 8),
        144..=255 => w.code(0x190 + sym - 144, 9),
        256..=279 => w.code(sym - 256, 7),
        _ => w.code(0xc0 + sym - 280, 8),
    }
}

fn put_match(w: &mut BitWriter, len: usize, dist: usize) {
    let li = LBASE.iter().rposition(|b| *b as usize <= len).unwrap_or(0);
    // 258 has its own code (285) although 227 + 31 would also reach it.
    let li = if len == 258 { 28 } else { li.min(27) };
    lit_code(w, 257 + li as u32);
    w.bits((len - LBASE[li] as usize) as u32, LEXT[li] as u32);
    let di = DBASE.iter().rposition(|b| *b as usize <= dist).unwrap_or(0);
    w.code(di as u32, 5);
    w.bits((dist - DBASE[di] as usize) as u32, DEXT[di] as u32);
}

/// Append one block holding `data` (stored for level 0, else fixed
/// Huffman with greedy LZ77 matches).
pub fn write_block(w: &mut BitWriter, data: &[u8], level: i32, last: bool) {
    if level == 0 {
        let mut chunks: Vec<&[u8]> = data.chunks(65535).collect();
        if chunks.is_empty() {
            chunks.push(&[]);
        }
        let n = chunks.len();
        for (i, c) in chunks.into_iter().enumerate() {
            w.bits((last && i + 1 == n) as u32, 1);
            w.bits(0, 2);
            w.align();
            let len = c.len() as u16;
            w.out.extend_from_slice(&len.to_le_bytes());
            w.out.extend_from_slice(&(!len).to_le_bytes());
            w.out.extend_from_slice(c);
        }
        return;
    }
    w.bits(last as u32, 1);
    w.bits(1, 2);
    let max_chain = match level {
        1 => 4,
        2 => 8,
        3 => 32,
        4..=6 => 128,
        7 => 256,
        _ => 1024,
    };
    const WSIZE: usize = 32768;
    const HSIZE: usize = 1 << 15;
    let mut head = vec![usize::MAX; HSIZE];
    let mut prev = vec![usize::MAX; data.len()];
    let hash = |i: usize| -> usize {
        ((data[i] as usize) << 10 ^ (data[i + 1] as usize) << 5 ^ data[i + 2] as usize)
            & (HSIZE - 1)
    };
    let insert = |i: usize, head: &mut Vec<usize>, prev: &mut Vec<usize>| {
        if i + 2 < data.len() {
            let h = hash(i);
            prev[i] = head[h];
            head[h] = i;
        }
    };
    let mut i = 0;
    while i < data.len() {
        let (mut best_len, mut best_dist) = (0usize, 0usize);
        if i + 2 < data.len() {
            let mut cand = head[hash(i)];
            let mut chain = 0;
            let max_len = (data.len() - i).min(258);
            while cand != usize::MAX && i - cand <= WSIZE && chain < max_chain {
                let mut l = 0;
                while l < max_len && data[cand + l] == data[i + l] {
                    l += 1;
                }
                if l > best_len {
                    best_len = l;
                    best_dist = i - cand;
                    if l == max_len {
                        break;
                    }
                }
                cand = prev[cand];
                chain += 1;
            }
        }
        if best_len >= 3 {
            put_match(w, best_len, best_dist);
            for k in i..i + best_len {
                insert(k, &mut head, &mut prev);
            }
            i += best_len;
        } else {
            lit_code(w, data[i] as u32);
            insert(i, &mut head, &mut prev);
            i += 1;
        }
    }
    lit_code(w, 256);
}

pub fn adler32(mut a: u32, data: &[u8]) -> u32 {
    let (mut s1, mut s2) = (a & 0xffff, a >> 16);
    for chunk in data.chunks(5552) {
        for &b in chunk {
            s1 += b as u32;
            s2 += s1;
        }
        s1 %= 65521;
        s2 %= 65521;
    }
    a = (s2 << 16) | s1;
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip() {
        let data: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 13) as u8).collect();
        for level in [0, 1, 6, 9] {
            let mut w = BitWriter::default();
            write_block(&mut w, &data, level, true);
            w.align();
            let mut out = Vec::new();
            let used = inflate(&w.out, &mut out).unwrap();
            assert_eq!(used, w.out.len());
            assert_eq!(out, data);
        }
    }
}
