//! Hashing exactly as CPython 3.11 does it: SipHash-1-3 for `str` and `bytes`
//! keyed by the hash secret (`PYTHONHASHSEED`), integers modulo the Mersenne
//! prime 2**61 - 1, floats by their exact rational value, tuples by xxHash's
//! mixing. Equal hashes mean equal iteration order of sets.
//! Mirrors CPython 3.11 `Python/pyhash.c` and `Objects/tupleobject.c`.

use std::cell::Cell;

/// `sys.hash_info.modulus`: 2**61 - 1.
pub const MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`.
pub const HASH_INF: i64 = 314159;
/// Bits of the modulus.
pub const HASH_BITS: u32 = 61;

thread_local! {
    static SECRET: Cell<Option<(u64, u64)>> = const { Cell::new(None) };
}

/// Initialise the hash secret from `PYTHONHASHSEED` (unset or `random`:
/// random; `0`: all zeros, randomisation off; `N`: CPython's LCG from N).
pub fn init_secret() {
    let seed = std::env::var("PYTHONHASHSEED").ok();
    let mut bytes = [0u8; 24];
    match seed.as_deref().map(str::trim) {
        Some(s) if s != "random" && s.parse::<u32>().is_ok() => {
            let n: u32 = s.parse().unwrap_or(0);
            if n != 0 {
                let mut x = n;
                for b in bytes.iter_mut() {
                    x = x.wrapping_mul(214013).wrapping_add(2531011);
                    *b = ((x >> 16) & 0xff) as u8;
                }
            }
        }
        _ => {
            let mut ok = false;
            if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
                use std::io::Read;
                ok = f.read_exact(&mut bytes).is_ok();
            }
            if !ok {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(0x9E37_79B9);
                bytes[..8].copy_from_slice(&t.to_le_bytes());
                bytes[8..16].copy_from_slice(
                    &(t.rotate_left(17) ^ std::process::id() as u64).to_le_bytes(),
                );
            }
        }
    }
    let k0 = u64::from_le_bytes(bytes[0..8].try_into().unwrap_or([0; 8]));
    let k1 = u64::from_le_bytes(bytes[8..16].try_into().unwrap_or([0; 8]));
    SECRET.with(|s| s.set(Some((k0, k1))));
}

fn secret() -> (u64, u64) {
    SECRET.with(|s| match s.get() {
        Some(k) => k,
        None => {
            init_secret();
            s.get().unwrap_or((0, 0))
        }
    })
}

/// SipHash-1-3 of `data` with the interpreter's secret.
pub fn siphash13_secret(data: &[u8]) -> u64 {
    let (k0, k1) = secret();
    siphash13(k0, k1, data)
}

/// SipHash-1-3 (one compression round, three finalisation rounds).
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    macro_rules! round {
        () => {
            v0 = v0.wrapping_add(v1);
            v1 = v1.rotate_left(13);
            v1 ^= v0;
            v0 = v0.rotate_left(32);
            v2 = v2.wrapping_add(v3);
            v3 = v3.rotate_left(16);
            v3 ^= v2;
            v0 = v0.wrapping_add(v3);
            v3 = v3.rotate_left(21);
            v3 ^= v0;
            v2 = v2.wrapping_add(v1);
            v1 = v1.rotate_left(17);
            v1 ^= v2;
            v2 = v2.rotate_left(32);
        };
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let m = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        v3 ^= m;
        round!();
        v0 ^= m;
    }
    let mut b: u64 = (data.len() as u64) << 56;
    for (i, &byte) in chunks.remainder().iter().enumerate() {
        b |= (byte as u64) << (8 * i);
    }
    v3 ^= b;
    round!();
    v0 ^= b;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    v0 ^ v1 ^ v2 ^ v3
}

/// Hash of a machine integer (CPython's `long_hash` for small values).
#[inline]
pub fn hash_i64(v: i64) -> i64 {
    let neg = v < 0;
    let mut x = (v.unsigned_abs() % MODULUS) as i64;
    if neg {
        x = -x;
    }
    if x == -1 {
        -2
    } else {
        x
    }
}

/// Hash of a float (CPython's `_Py_HashDouble`); NaN hashes by identity,
/// which the caller supplies as `id`.
pub fn hash_f64(v: f64, id: usize) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return hash_pointer(id);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % HASH_BITS as i32
    } else {
        HASH_BITS as i32 - 1 - ((-1 - e) % HASH_BITS as i32)
    };
    x = ((x << e) & MODULUS) | (x >> (HASH_BITS as i32 - e));
    let r = x as i64 * sign;
    if r == -1 {
        -2
    } else {
        r
    }
}

/// Hash of an object address (CPython's `_Py_HashPointer`).
pub fn hash_pointer(p: usize) -> i64 {
    let y = p.rotate_right(4) as i64;
    if y == -1 {
        -2
    } else {
        y
    }
}

/// `frexp`: `v = m * 2**e` with `0.5 <= |m| < 1`.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * f64::powi(2.0, 64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// xxHash-style accumulation used by `tuple.__hash__` (CPython 3.11).
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

impl TupleHasher {
    pub fn new(len: usize) -> Self {
        TupleHasher {
            acc: XXPRIME_5,
            len: len as u64,
        }
    }

    pub fn add(&mut self, h: i64) {
        let lane = h as u64;
        self.acc = self.acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
    }

    pub fn finish(self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3527539));
        if acc == u64::MAX {
            1546275796
        } else {
            acc as i64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_and_float_hashes_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_f64(1.5, 0), 1152921504606846977);
        assert_eq!(hash_f64(-2.0, 0), -2);
        assert_eq!(hash_f64(0.1, 0), 230584300921369408);
    }

    #[test]
    fn siphash_zero_key_matches_cpython() {
        // python3 with PYTHONHASHSEED=0: hash('abc') == -4594863902769663758
        assert_eq!(siphash13(0, 0, b"abc") as i64, -4594863902769663758);
    }
}

impl crate::Vm {
    /// `hash(obj)`: fast paths for str/int/float/None, else `__hash__`
    /// (a class whose `__hash__` is None is unhashable).
    pub fn hash(&self, obj: &crate::PyObjectRef) -> crate::PyResult<i64> {
        use crate::types::float::PyFloat;
        use crate::types::int::PyInt;
        use crate::types::str::PyStr;
        use crate::types::typeobj::class_of;
        let cls = class_of(obj);
        if !cls.ext.heap {
            if let Some(s) = obj.downcast_ref::<PyStr>() {
                return Ok(s.hash());
            }
            if let Some(i) = obj.downcast_ref::<PyInt>() {
                return Ok(i.value.hash());
            }
            if let Some(f) = obj.downcast_ref::<PyFloat>() {
                return Ok(hash_f64(f.value, obj.id()));
            }
        }
        match cls.ext.lookup(&self.names.__hash__) {
            Some(h) if !h.is(&self.none) => {
                let r = self.call_unbound(&h, obj, &[], &[])?;
                match r.downcast_ref::<PyInt>() {
                    Some(i) => {
                        // Large results are reduced as CPython does.
                        let v = match i.value.as_i64() {
                            Some(v) => v,
                            None => i.value.hash(),
                        };
                        Ok(if v == -1 { -2 } else { v })
                    }
                    None => Err(self.new_type_error("__hash__ method should return an integer")),
                }
            }
            _ => Err(self.new_type_error(format!(
                "unhashable type: '{}'",
                crate::types::typeobj::tp_name(cls)
            ))),
        }
    }
}
