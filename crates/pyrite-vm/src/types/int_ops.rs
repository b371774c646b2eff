//! Arithmetic on `IntVal`: an `i64` fast path with a `dashu_int::IBig`
//! fallback, with Python's semantics where dashu's differ (floor division
//! and modulo round toward minus infinity, right shifts floor, `x ** 0 % 1`
//! is 0, exact int/float comparison, correctly rounded true division).
//! Mirrors the arithmetic parts of CPython 3.11 `Objects/longobject.c`.

use std::cmp::Ordering;

use dashu_int::ops::{BitTest, DivRem, UnsignedAbs};
use dashu_int::{IBig, Sign, UBig};

use super::int::IntVal;

/// Why an integer operation produced no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntErr {
    ZeroDivision,
    NegativeShift,
    /// The result would not fit in memory (shift/pow too large).
    TooLarge,
}

fn big(v: &IntVal) -> IBig {
    v.to_big()
}

pub fn from_i128(v: i128) -> IntVal {
    match i64::try_from(v) {
        Ok(x) => IntVal::Small(x),
        Err(_) => IntVal::from_big(IBig::from(v)),
    }
}

pub fn add(a: &IntVal, b: &IntVal) -> IntVal {
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        return from_i128(*x as i128 + *y as i128);
    }
    IntVal::from_big(big(a) + big(b))
}

pub fn sub(a: &IntVal, b: &IntVal) -> IntVal {
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        return from_i128(*x as i128 - *y as i128);
    }
    IntVal::from_big(big(a) - big(b))
}

pub fn mul(a: &IntVal, b: &IntVal) -> IntVal {
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        return from_i128(*x as i128 * *y as i128);
    }
    IntVal::from_big(big(a) * big(b))
}

pub fn neg(a: &IntVal) -> IntVal {
    match a {
        IntVal::Small(x) => from_i128(-(*x as i128)),
        IntVal::Big(b) => IntVal::from_big(-(**b).clone()),
    }
}

pub fn abs(a: &IntVal) -> IntVal {
    if a.is_negative() {
        neg(a)
    } else {
        a.clone()
    }
}

pub fn invert(a: &IntVal) -> IntVal {
    match a {
        IntVal::Small(x) => IntVal::Small(!*x),
        IntVal::Big(b) => IntVal::from_big(-(**b).clone() - IBig::from(1)),
    }
}

pub fn sign(a: &IntVal) -> i32 {
    match a {
        IntVal::Small(x) => x.signum() as i32,
        IntVal::Big(b) => {
            if b.sign() == Sign::Negative {
                -1
            } else {
                1
            }
        }
    }
}

/// Floor division and modulo together (Python semantics).
pub fn divmod(a: &IntVal, b: &IntVal) -> Result<(IntVal, IntVal), IntErr> {
    if b.is_zero() {
        return Err(IntErr::ZeroDivision);
    }
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        let (x, y) = (*x as i128, *y as i128);
        let mut q = x / y;
        let mut r = x % y;
        if r != 0 && ((r < 0) != (y < 0)) {
            q -= 1;
            r += y;
        }
        return Ok((from_i128(q), from_i128(r)));
    }
    let (x, y) = (big(a), big(b));
    let (mut q, mut r) = (&x).div_rem(&y);
    let zero = IBig::from(0);
    if r != zero && ((r < zero) != (y < zero)) {
        q -= IBig::from(1);
        r += &y;
    }
    Ok((IntVal::from_big(q), IntVal::from_big(r)))
}

pub fn floordiv(a: &IntVal, b: &IntVal) -> Result<IntVal, IntErr> {
    divmod(a, b).map(|p| p.0)
}

pub fn modulo(a: &IntVal, b: &IntVal) -> Result<IntVal, IntErr> {
    divmod(a, b).map(|p| p.1)
}

/// `a ** e` for `e >= 0`.
pub fn pow(a: &IntVal, e: &IntVal) -> Result<IntVal, IntErr> {
    match a {
        IntVal::Small(0) => return Ok(IntVal::Small(if e.is_zero() { 1 } else { 0 })),
        IntVal::Small(1) => return Ok(IntVal::Small(1)),
        IntVal::Small(-1) => {
            let odd = match e {
                IntVal::Small(x) => x & 1 == 1,
                IntVal::Big(b) => b.bit(0),
            };
            return Ok(IntVal::Small(if odd { -1 } else { 1 }));
        }
        _ => {}
    }
    let e = match e {
        IntVal::Small(x) if *x >= 0 => *x as u64,
        _ => return Err(IntErr::TooLarge),
    };
    if let IntVal::Small(x) = a {
        if e < 64 {
            if let Some(r) = x.checked_pow(e as u32) {
                return Ok(IntVal::Small(r));
            }
        }
    }
    // Refuse results beyond ~2**36 bits: they would exhaust memory.
    let bits = bit_length(a) as u128 * e as u128;
    if bits > (1u128 << 36) {
        return Err(IntErr::TooLarge);
    }
    Ok(IntVal::from_big(big(a).pow(e as usize)))
}

/// `pow(a, e, m)`, `e` may be negative (modular inverse), `m != 0`.
pub fn pow_mod(a: &IntVal, e: &IntVal, m: &IntVal) -> Result<IntVal, &'static str> {
    if m.is_zero() {
        return Err("pow() 3rd argument cannot be 0");
    }
    let mneg = m.is_negative();
    let mabs = big(&abs(m));
    let one = IBig::from(1);
    if mabs == one {
        return Ok(IntVal::Small(0));
    }
    let mut base = big(a) % &mabs;
    if base < IBig::from(0) {
        base += &mabs;
    }
    let mut e = big(e);
    if e < IBig::from(0) {
        base = match mod_inverse(&base, &mabs) {
            Some(inv) => inv,
            None => return Err("base is not invertible for the given modulus"),
        };
        e = -e;
    }
    let mut result = one;
    let nbits = e.bit_len();
    for i in (0..nbits).rev() {
        result = (&result * &result) % &mabs;
        if e.bit(i) {
            result = (&result * &base) % &mabs;
        }
    }
    if mneg && result != IBig::from(0) {
        result -= &mabs;
    }
    Ok(IntVal::from_big(result))
}

fn mod_inverse(a: &IBig, m: &IBig) -> Option<IBig> {
    // Extended Euclid on non-negative values.
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (IBig::from(1), IBig::from(0));
    let zero = IBig::from(0);
    while r != zero {
        let (q, rem) = (&old_r).div_rem(&r);
        old_r = std::mem::replace(&mut r, rem);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r != IBig::from(1) {
        return None;
    }
    let mut x = old_s % m;
    if x < zero {
        x += m;
    }
    Some(x)
}

pub fn shift_count(b: &IntVal) -> Result<u64, IntErr> {
    match b {
        IntVal::Small(x) if *x < 0 => Err(IntErr::NegativeShift),
        IntVal::Small(x) => Ok(*x as u64),
        IntVal::Big(v) if v.sign() == Sign::Negative => Err(IntErr::NegativeShift),
        IntVal::Big(_) => Ok(u64::MAX),
    }
}

pub fn shl(a: &IntVal, b: &IntVal) -> Result<IntVal, IntErr> {
    let n = shift_count(b)?;
    if a.is_zero() {
        return Ok(IntVal::Small(0));
    }
    if let IntVal::Small(x) = a {
        if n < 64 {
            let r = (*x as i128) << n;
            if r >> n == *x as i128 {
                return Ok(from_i128(r));
            }
        }
    }
    if n > (1u64 << 36) {
        return Err(IntErr::TooLarge);
    }
    Ok(IntVal::from_big(big(a) << n as usize))
}

pub fn shr(a: &IntVal, b: &IntVal) -> Result<IntVal, IntErr> {
    let n = shift_count(b)?;
    if let IntVal::Small(x) = a {
        return Ok(IntVal::Small(if n >= 64 {
            if *x < 0 {
                -1
            } else {
                0
            }
        } else {
            x >> n
        }));
    }
    let v = big(a);
    if n as u128 >= v.bit_len() as u128 {
        return Ok(IntVal::Small(if v < IBig::from(0) { -1 } else { 0 }));
    }
    let n = n as usize;
    if v < IBig::from(0) {
        // floor(v / 2**n) = -((-v - 1) >> n) - 1
        let m = -v - IBig::from(1);
        return Ok(IntVal::from_big(-(m >> n) - IBig::from(1)));
    }
    Ok(IntVal::from_big(v >> n))
}

pub fn bitand(a: &IntVal, b: &IntVal) -> IntVal {
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        return IntVal::Small(x & y);
    }
    IntVal::from_big(big(a) & big(b))
}

pub fn bitor(a: &IntVal, b: &IntVal) -> IntVal {
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        return IntVal::Small(x | y);
    }
    IntVal::from_big(big(a) | big(b))
}

pub fn bitxor(a: &IntVal, b: &IntVal) -> IntVal {
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        return IntVal::Small(x ^ y);
    }
    IntVal::from_big(big(a) ^ big(b))
}

pub fn cmp(a: &IntVal, b: &IntVal) -> Ordering {
    match (a, b) {
        (IntVal::Small(x), IntVal::Small(y)) => x.cmp(y),
        _ => big(a).cmp(&big(b)),
    }
}

/// Number of bits in `abs(a)`.
pub fn bit_length(a: &IntVal) -> u64 {
    match a {
        IntVal::Small(x) => 64 - x.unsigned_abs().leading_zeros() as u64,
        IntVal::Big(b) => b.bit_len() as u64,
    }
}

pub fn bit_count(a: &IntVal) -> u64 {
    match a {
        IntVal::Small(x) => x.unsigned_abs().count_ones() as u64,
        IntVal::Big(b) => (&**b).unsigned_abs().count_ones() as u64,
    }
}

/// The magnitude as an unsigned big integer.
pub fn magnitude(a: &IntVal) -> UBig {
    match a {
        IntVal::Small(x) => UBig::from(x.unsigned_abs()),
        IntVal::Big(b) => (&**b).unsigned_abs(),
    }
}

/// Round-half-even right shift of a non-negative `u128` by `k` bits.
fn round_shift(q: u128, k: u32) -> u128 {
    if k == 0 {
        return q;
    }
    if k >= 128 {
        return 0;
    }
    let half = 1u128 << (k - 1);
    let low = q & ((1u128 << k) - 1);
    let mut r = q >> k;
    if low > half || (low == half && r & 1 == 1) {
        r += 1;
    }
    r
}

/// `m * 2**e` for an integer mantissa `m < 2**54`, exactly when the result
/// is representable (callers pre-round `m`).
fn scale_exact(m: f64, mut e: i64) -> f64 {
    let mut x = m;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// The nearest float (round-half-even) to `num / den`, `den > 0` or `< 0`;
/// `None` on overflow. Rounds once, including for subnormal results.
pub fn ratio_to_f64(num: &IntVal, den: &IntVal) -> Option<f64> {
    let neg = num.is_negative() != den.is_negative();
    let (a, b) = (magnitude(num), magnitude(den));
    if a == UBig::from(0u8) {
        return Some(if neg { -0.0 } else { 0.0 });
    }
    let (na, nb) = (a.bit_len() as i64, b.bit_len() as i64);
    // Result is in [2**(na-nb-1), 2**(na-nb+1)); keep >= 55 bits, unit no
    // finer than 2**-1076 (two bits below the smallest subnormal).
    if na - nb > 1025 {
        return None;
    }
    let s = (na - nb - 55).max(-1076);
    let (q, r) = if s >= 0 {
        (&a).div_rem(&(&b << s as usize))
    } else {
        (&(&a << (-s) as usize)).div_rem(&b)
    };
    let mut q: u128 = match u128::try_from(&q) {
        Ok(v) => v,
        Err(_) => return None,
    };
    if r != UBig::from(0u8) {
        q |= 1;
    }
    let qbits = 128 - q.leading_zeros() as i64;
    // Bits to drop: down to 53 significant bits, but never below 2**-1074.
    let mut k = (qbits - 53).max(0);
    if s + k < -1074 {
        k = -1074 - s;
    }
    let m = round_shift(q, k as u32);
    let v = scale_exact(m as f64, s + k);
    if v.is_infinite() {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// Correctly rounded `a / b` ("division by zero" / overflow as errors).
pub fn truediv(a: &IntVal, b: &IntVal) -> Result<f64, &'static str> {
    if b.is_zero() {
        return Err("division by zero");
    }
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        if x.unsigned_abs() <= (1 << 53) && y.unsigned_abs() <= (1 << 53) {
            return Ok(*x as f64 / *y as f64);
        }
    }
    ratio_to_f64(a, b).ok_or("integer division result too large for a float")
}

/// Nearest float (round-half-even), `None` on overflow.
pub fn to_f64(a: &IntVal) -> Option<f64> {
    match a {
        IntVal::Small(x) => Some(*x as f64),
        IntVal::Big(_) => ratio_to_f64(a, &IntVal::Small(1)),
    }
}

/// The integer part (toward zero) of a finite float, exactly.
pub fn from_f64_trunc(f: f64) -> IntVal {
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return IntVal::Small(t as i64);
    }
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mut v = IBig::from(mant) << exp.max(0) as usize;
    if t < 0.0 {
        v = -v;
    }
    IntVal::from_big(v)
}

/// Exact comparison of an int with a float; `None` when `f` is NaN.
pub fn cmp_int_float(a: &IntVal, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntVal::Small(x) = a {
        if x.unsigned_abs() <= (1 << 53) {
            return (*x as f64).partial_cmp(&f);
        }
    }
    let t = from_f64_trunc(f);
    match cmp(a, &t) {
        Ordering::Equal => {
            let frac = f - f.trunc();
            Some(if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            })
        }
        o => Some(o),
    }
}

/// `(numerator, denominator)` of a finite float, in lowest terms.
pub fn f64_ratio(f: f64) -> (IntVal, IntVal) {
    let (m, e) = crate::protocol::hash::frexp(f);
    // m * 2**53 is an integer.
    let mut mant = (m * 9007199254740992.0) as i64;
    let mut e = e as i64 - 53;
    if mant == 0 {
        return (IntVal::Small(0), IntVal::Small(1));
    }
    let tz = mant.trailing_zeros() as i64;
    mant >>= tz;
    e += tz;
    if e >= 0 {
        let n = shl(&IntVal::Small(mant), &IntVal::Small(e)).unwrap_or(IntVal::Small(0));
        (n, IntVal::Small(1))
    } else {
        let d = shl(&IntVal::Small(1), &IntVal::Small(-e)).unwrap_or(IntVal::Small(1));
        (IntVal::Small(mant), d)
    }
}

/// Greatest common divisor (non-negative; gcd(0, 0) == 0).
pub fn gcd(a: &IntVal, b: &IntVal) -> IntVal {
    if let (IntVal::Small(x), IntVal::Small(y)) = (a, b) {
        let (mut x, mut y) = (x.unsigned_abs(), y.unsigned_abs());
        while y != 0 {
            let t = x % y;
            x = y;
            y = t;
        }
        return from_i128(x as i128);
    }
    let (mut x, mut y) = (magnitude(a), magnitude(b));
    let zero = UBig::from(0u8);
    while y != zero {
        let t = &x % &y;
        x = y;
        y = t;
    }
    IntVal::from_big(IBig::from(x))
}

/// Integer square root of a non-negative value.
pub fn isqrt(a: &IntVal) -> IntVal {
    use dashu_int::ops::SquareRoot;
    IntVal::from_big(IBig::from(magnitude(a).sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_semantics() {
        let s = IntVal::Small;
        assert_eq!(divmod(&s(-7), &s(2)).unwrap(), (s(-4), s(1)));
        assert_eq!(divmod(&s(7), &s(-2)).unwrap(), (s(-4), s(-1)));
        assert_eq!(pow_mod(&s(5), &s(0), &s(1)).unwrap(), s(0));
        assert_eq!(gcd(&s(0), &s(0)), s(0));
        assert_eq!(shr(&s(-5), &s(1)).unwrap(), s(-3));
        assert_eq!(truediv(&s(1), &s(3)).unwrap(), 1.0 / 3.0);
    }
}
