//! The `math` module: constants, libm wrappers with CPython's domain/range
//! error rules, exact integer functions (`isqrt`, `comb`, `perm`,
//! `factorial`, `gcd`, `lcm`), exact `fsum`, `log` of big ints, and our own
//! `gamma`/`lgamma`/`erf`/`erfc`.
//! Mirrors CPython 3.11 `Modules/mathmodule.c`.

use dashu_int::IBig;

use crate::args::Args;
use crate::types::float::PyFloat;
use crate::types::float_methods::{float_from_obj, ldexp};
use crate::types::int::IntVal;
use crate::types::int_methods::ival;
use crate::types::int_ops as ops;
use crate::{PyObjectRef, PyResult, Vm};

fn domain(vm: &Vm) -> crate::PyBaseExceptionRef {
    vm.new_value_error("math domain error")
}
fn range(vm: &Vm) -> crate::PyBaseExceptionRef {
    vm.new_overflow_error("math range error")
}

/// Apply CPython's `math_1` error rules to `r = f(x)`.
fn check1(vm: &Vm, x: f64, r: f64, can_overflow: bool) -> PyResult {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(vm.new_float(r))
}

fn arg1(vm: &Vm, args: &Args, name: &str) -> PyResult<f64> {
    let [x] = args.exact::<1>(vm, name)?;
    float_from_obj(vm, x)
}

fn arg2(vm: &Vm, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    let [x, y] = args.exact::<2>(vm, name)?;
    Ok((float_from_obj(vm, x)?, float_from_obj(vm, y)?))
}

macro_rules! math1 {
    ($name:ident, $py:literal, $f:expr, $ovf:expr) => {
        fn $name(vm: &Vm, args: Args) -> PyResult {
            let x = arg1(vm, &args, $py)?;
            let f: fn(f64) -> f64 = $f;
            check1(vm, x, f(x), $ovf)
        }
    };
}

math1!(m_acos, "acos", f64::acos, false);
math1!(m_acosh, "acosh", f64::acosh, false);
math1!(m_asin, "asin", f64::asin, false);
math1!(m_asinh, "asinh", f64::asinh, false);
math1!(m_atan, "atan", f64::atan, false);
math1!(m_atanh, "atanh", f64::atanh, false);
math1!(m_cbrt, "cbrt", f64::cbrt, false);
math1!(m_cos, "cos", f64::cos, false);
math1!(m_cosh, "cosh", f64::cosh, true);
math1!(m_sin, "sin", f64::sin, false);
math1!(m_sinh, "sinh", f64::sinh, true);
math1!(m_tan, "tan", f64::tan, false);
math1!(m_tanh, "tanh", f64::tanh, false);
math1!(m_exp, "exp", f64::exp, true);
math1!(m_exp2, "exp2", f64::exp2, true);
math1!(m_expm1, "expm1", f64::exp_m1, true);
math1!(m_fabs, "fabs", f64::abs, false);
math1!(m_erf, "erf", erf, false);
math1!(m_erfc, "erfc", erfc, false);
math1!(
    m_degrees,
    "degrees",
    |x| x * (180.0 / std::f64::consts::PI),
    true
);
math1!(
    m_radians,
    "radians",
    |x| x * (std::f64::consts::PI / 180.0),
    false
);

fn m_sqrt(vm: &Vm, args: Args) -> PyResult {
    let x = arg1(vm, &args, "sqrt")?;
    check1(vm, x, x.sqrt(), false)
}

fn m_log1p(vm: &Vm, args: Args) -> PyResult {
    let x = arg1(vm, &args, "log1p")?;
    if x <= -1.0 {
        return Err(domain(vm));
    }
    check1(vm, x, x.ln_1p(), false)
}

/// `log` of any real, including ints too large for a float.
fn log_of(vm: &Vm, x: &PyObjectRef, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = ival(x) {
        if i.is_negative() || i.is_zero() {
            return Err(domain(vm));
        }
        return Ok(match ops::to_f64(i) {
            Some(v) => f(v),
            None => {
                // x = m * 2**e with m in [0.5, 1).
                let e = ops::bit_length(i) as i64;
                let sh = e - 60;
                let top = ops::shr(i, &IntVal::Small(sh)).unwrap_or(IntVal::Small(1));
                let m = ops::to_f64(&top).unwrap_or(1.0) / 2f64.powi(60);
                f(m) + (e as f64) * f(2.0)
            }
        });
    }
    let v = float_from_obj(vm, x)?;
    if v.is_nan() {
        return Ok(v);
    }
    if v <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(v))
}

fn m_log(vm: &Vm, args: Args) -> PyResult {
    let [x, base] = args.range::<2>(vm, "log", 1)?;
    let num = log_of(vm, x.unwrap_or(&vm.none), f64::ln)?;
    match base {
        None => Ok(vm.new_float(num)),
        Some(b) => {
            let den = log_of(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(vm.new_zero_division_error("float division by zero"));
            }
            Ok(vm.new_float(num / den))
        }
    }
}
fn m_log2(vm: &Vm, args: Args) -> PyResult {
    let [x] = args.exact::<1>(vm, "log2")?;
    Ok(vm.new_float(log_of(vm, x, f64::log2)?))
}
fn m_log10(vm: &Vm, args: Args) -> PyResult {
    let [x] = args.exact::<1>(vm, "log10")?;
    Ok(vm.new_float(log_of(vm, x, f64::log10)?))
}

fn m_atan2(vm: &Vm, args: Args) -> PyResult {
    let (y, x) = arg2(vm, &args, "atan2")?;
    Ok(vm.new_float(y.atan2(x)))
}
fn m_copysign(vm: &Vm, args: Args) -> PyResult {
    let (x, y) = arg2(vm, &args, "copysign")?;
    Ok(vm.new_float(x.copysign(y)))
}
fn m_fmod(vm: &Vm, args: Args) -> PyResult {
    let (x, y) = arg2(vm, &args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(vm.new_float(r))
}

fn remainder(x: f64, y: f64) -> Option<f64> {
    if x.is_nan() || y.is_nan() {
        return Some(f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return None;
    }
    if y.is_infinite() {
        return Some(x);
    }
    let absx = x.abs();
    let absy = y.abs();
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Half-way: choose the even multiple.
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    Some(1f64.copysign(x) * r)
}

fn m_remainder(vm: &Vm, args: Args) -> PyResult {
    let (x, y) = arg2(vm, &args, "remainder")?;
    remainder(x, y)
        .map(|r| vm.new_float(r))
        .ok_or_else(|| domain(vm))
}

fn m_pow(vm: &Vm, args: Args) -> PyResult {
    let (x, y) = arg2(vm, &args, "pow")?;
    let r = if x.is_finite() && y.is_finite() {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain(vm) } else { range(vm) });
        }
        r
    } else if x.is_nan() {
        if y == 0.0 {
            1.0
        } else {
            x
        }
    } else if y.is_nan() {
        if x == 1.0 {
            1.0
        } else {
            y
        }
    } else {
        x.powf(y)
    };
    Ok(vm.new_float(r))
}

fn m_ldexp(vm: &Vm, args: Args) -> PyResult {
    let [x, i] = args.exact::<2>(vm, "ldexp")?;
    let x = float_from_obj(vm, x)?;
    let Some(iv) = ival(i) else {
        return Err(vm.new_type_error("Expected an int as second argument to ldexp."));
    };
    let e = match iv {
        IntVal::Small(v) => *v,
        IntVal::Big(_) if iv.is_negative() => i64::MIN / 2,
        IntVal::Big(_) => i64::MAX / 2,
    };
    match ldexp(x, e) {
        Some(r) => Ok(vm.new_float(r)),
        None => Err(range(vm)),
    }
}

fn m_frexp(vm: &Vm, args: Args) -> PyResult {
    let x = arg1(vm, &args, "frexp")?;
    let (m, e) = crate::protocol::hash::frexp(x);
    Ok(vm.new_tuple(vec![vm.new_float(m), vm.new_int(e as i64)]))
}

fn m_modf(vm: &Vm, args: Args) -> PyResult {
    let x = arg1(vm, &args, "modf")?;
    if x.is_infinite() {
        return Ok(vm.new_tuple(vec![vm.new_float(0f64.copysign(x)), vm.new_float(x)]));
    }
    let ip = x.trunc();
    let fp = (x - ip).copysign(x);
    Ok(vm.new_tuple(vec![vm.new_float(fp), vm.new_float(ip)]))
}

fn m_isfinite(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(arg1(vm, &args, "isfinite")?.is_finite()))
}
fn m_isinf(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(arg1(vm, &args, "isinf")?.is_infinite()))
}
fn m_isnan(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(arg1(vm, &args, "isnan")?.is_nan()))
}

fn rounding(vm: &Vm, args: Args, name: &'static str, f: fn(f64) -> f64) -> PyResult {
    let [x] = args.exact::<1>(vm, name)?;
    if let Some(v) = x
        .downcast_ref::<PyFloat>()
        .filter(|_| x.class().is(vm.types.float.as_object()))
    {
        return Ok(vm.new_int_val(crate::types::int_methods::float_to_int(vm, f(v.value))?));
    }
    let dunder = vm.intern(&format!("__{name}__"));
    if let Some(r) = vm.call_special(x, &dunder, &[])? {
        return Ok(r);
    }
    if name == "trunc" {
        return Err(vm.new_type_error(format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(x)
        )));
    }
    let v = float_from_obj(vm, x)?;
    Ok(vm.new_int_val(crate::types::int_methods::float_to_int(vm, f(v))?))
}

fn m_floor(vm: &Vm, args: Args) -> PyResult {
    rounding(vm, args, "floor", f64::floor)
}
fn m_ceil(vm: &Vm, args: Args) -> PyResult {
    rounding(vm, args, "ceil", f64::ceil)
}
fn m_trunc(vm: &Vm, args: Args) -> PyResult {
    rounding(vm, args, "trunc", f64::trunc)
}

// ----- integer functions ----------------------------------------------------------

fn index_val(vm: &Vm, o: &PyObjectRef) -> PyResult<IntVal> {
    let i = vm.index(o)?;
    Ok(ival(&i).cloned().unwrap_or(IntVal::Small(0)))
}

fn m_gcd(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "gcd")?;
    let mut g = IntVal::Small(0);
    for a in args.pos() {
        let v = index_val(vm, a)?;
        g = ops::gcd(&g, &v);
    }
    Ok(vm.new_int_val(g))
}

fn m_lcm(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "lcm")?;
    let mut l = IntVal::Small(1);
    for a in args.pos() {
        let v = index_val(vm, a)?;
        if v.is_zero() || l.is_zero() {
            l = IntVal::Small(0);
            continue;
        }
        let g = ops::gcd(&l, &v);
        let q = ops::floordiv(&ops::abs(&v), &g).unwrap_or(IntVal::Small(0));
        l = ops::mul(&ops::abs(&l), &q);
    }
    Ok(vm.new_int_val(l))
}

fn m_isqrt(vm: &Vm, args: Args) -> PyResult {
    let [n] = args.exact::<1>(vm, "isqrt")?;
    let v = index_val(vm, n)?;
    if v.is_negative() {
        return Err(vm.new_value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_int_val(ops::isqrt(&v)))
}

/// Product of the integers in [lo, hi) by binary splitting.
fn range_prod(lo: u64, hi: u64) -> IBig {
    if hi <= lo {
        return IBig::from(1);
    }
    if hi - lo <= 16 {
        let mut p = IBig::from(1);
        let mut acc: u128 = 1;
        for k in lo..hi {
            match acc.checked_mul(k as u128) {
                Some(a) if a < (1u128 << 100) => acc = a,
                _ => {
                    p *= IBig::from(acc);
                    acc = k as u128;
                }
            }
        }
        return p * IBig::from(acc);
    }
    let mid = lo + (hi - lo) / 2;
    range_prod(lo, mid) * range_prod(mid, hi)
}

fn factorial_of(vm: &Vm, n: &IntVal) -> PyResult {
    if n.is_negative() {
        return Err(vm.new_value_error("factorial() not defined for negative values"));
    }
    let n = match n.as_i64() {
        Some(v) => v as u64,
        None => {
            return Err(
                vm.new_overflow_error("factorial() argument should not exceed 9223372036854775807")
            )
        }
    };
    if n > 1 << 24 {
        return Err(vm.new_memory_error());
    }
    Ok(vm.new_bigint(range_prod(1, n + 1)))
}

fn m_factorial(vm: &Vm, args: Args) -> PyResult {
    let [n] = args.exact::<1>(vm, "factorial")?;
    let v = index_val(vm, n)?;
    factorial_of(vm, &v)
}

fn nonneg(vm: &Vm, o: &PyObjectRef, which: &str) -> PyResult<IntVal> {
    let v = index_val(vm, o)?;
    if v.is_negative() {
        return Err(vm.new_value_error(format!("{which} must be a non-negative integer")));
    }
    Ok(v)
}

fn small_or_overflow(vm: &Vm, v: &IntVal, which: &str) -> PyResult<u64> {
    v.as_i64().map(|x| x as u64).ok_or_else(|| {
        vm.new_overflow_error(format!("{which} must not exceed 9223372036854775807"))
    })
}

fn m_comb(vm: &Vm, args: Args) -> PyResult {
    let [n, k] = args.exact::<2>(vm, "comb")?;
    let n = nonneg(vm, n, "n")?;
    let k = nonneg(vm, k, "k")?;
    if ops::cmp(&k, &n) == std::cmp::Ordering::Greater {
        return Ok(vm.new_int(0));
    }
    let nk = ops::sub(&n, &k);
    let k = if ops::cmp(&nk, &k) == std::cmp::Ordering::Less {
        nk
    } else {
        k
    };
    let k = small_or_overflow(vm, &k, "min(n, n - k)")?;
    let n_big = n.to_big();
    // C(n, k) = prod_{i=1..k} (n - k + i) / i, exact at every step.
    let mut r = IBig::from(1);
    let base = &n_big - IBig::from(k);
    for i in 1..=k {
        r = r * (&base + IBig::from(i)) / IBig::from(i);
    }
    Ok(vm.new_bigint(r))
}

fn m_perm(vm: &Vm, args: Args) -> PyResult {
    let [n, k] = args.range::<2>(vm, "perm", 1)?;
    let n = n.unwrap_or(&vm.none);
    let k = match k {
        Some(k) if !k.is(&vm.none) => k,
        _ => {
            let v = index_val(vm, n)?;
            return factorial_of(vm, &v);
        }
    };
    let n = nonneg(vm, n, "n")?;
    let k = nonneg(vm, k, "k")?;
    if ops::cmp(&k, &n) == std::cmp::Ordering::Greater {
        return Ok(vm.new_int(0));
    }
    let k = small_or_overflow(vm, &k, "k")?;
    let n_big = n.to_big();
    let mut r = IBig::from(1);
    for i in 0..k {
        r *= &n_big - IBig::from(i);
    }
    Ok(vm.new_bigint(r))
}

fn m_prod(vm: &Vm, args: Args) -> PyResult {
    if args.pos().len() != 1 {
        return Err(vm.new_type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.pos().len()
        )));
    }
    let [it, start] = args.bind(vm, "prod", ["iterable", "start"], 1, 1, 1)?;
    let mut acc = start.cloned().unwrap_or_else(|| vm.new_int(1));
    for x in vm.to_vec(it.unwrap_or(&vm.none))? {
        acc = vm.binary_op(&acc, &x, 5)?;
    }
    Ok(acc)
}

/// Exact sum of floats (Shewchuk), as CPython's `math.fsum`.
fn m_fsum(vm: &Vm, args: Args) -> PyResult {
    let [it] = args.exact::<1>(vm, "fsum")?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for o in vm.to_vec(it)? {
        let mut x = float_from_obj(vm, &o)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.new_overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return Err(vm.new_value_error("-inf + inf in fsum"));
        }
        return Ok(vm.new_float(special));
    }
    let mut hi = 0.0;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(vm.new_float(hi))
}

/// Euclidean norm without undue overflow/underflow: scale by the largest
/// magnitude, sum squares exactly-ish (compensated), take the root.
fn vector_norm(v: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &x in v {
        if x.is_infinite() {
            return f64::INFINITY;
        }
        if x.is_nan() {
            found_nan = true;
        }
        max = max.max(x.abs());
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    if v.len() == 2 {
        return v[0].hypot(v[1]);
    }
    let (_, e) = crate::protocol::hash::frexp(max);
    let scale = |x: f64| ldexp(x, -(e as i64)).unwrap_or(0.0);
    let mut sum = 0.0f64;
    let mut comp = 0.0f64;
    for &x in v {
        let s = scale(x);
        let sq = s * s;
        let t = sum + sq;
        comp += if sum.abs() >= sq.abs() {
            (sum - t) + sq
        } else {
            (sq - t) + sum
        };
        sum = t;
    }
    let h = (sum + comp).sqrt();
    ldexp(h, e as i64).unwrap_or(f64::INFINITY)
}

fn m_hypot(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "hypot")?;
    let mut v = Vec::with_capacity(args.pos().len());
    for a in args.pos() {
        v.push(float_from_obj(vm, a)?);
    }
    Ok(vm.new_float(vector_norm(&v)))
}

fn m_dist(vm: &Vm, args: Args) -> PyResult {
    let [p, q] = args.exact::<2>(vm, "dist")?;
    let is_seq = |o: &PyObjectRef| {
        o.downcast_ref::<crate::types::tuple::PyTuple>().is_some()
            || o.downcast_ref::<crate::types::list::PyList>().is_some()
    };
    if !is_seq(p) || !is_seq(q) {
        let bad = if !is_seq(p) { p } else { q };
        return Err(vm.new_type_error(format!("'{}' object is not iterable", vm.type_name(bad))));
    }
    let (p, q) = (vm.to_vec(p)?, vm.to_vec(q)?);
    if p.len() != q.len() {
        return Err(vm.new_value_error("both points must have the same number of dimensions"));
    }
    let mut d = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(q.iter()) {
        d.push((float_from_obj(vm, a)? - float_from_obj(vm, b)?).abs());
    }
    Ok(vm.new_float(vector_norm(&d)))
}

fn m_isclose(vm: &Vm, args: Args) -> PyResult {
    let [a, b, rel, abs] = args.bind(vm, "isclose", ["a", "b", "rel_tol", "abs_tol"], 2, 0, 2)?;
    let a = float_from_obj(vm, a.unwrap_or(&vm.none))?;
    let b = float_from_obj(vm, b.unwrap_or(&vm.none))?;
    let rel = match rel {
        Some(r) => float_from_obj(vm, r)?,
        None => 1e-9,
    };
    let abs_tol = match abs {
        Some(r) => float_from_obj(vm, r)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.new_value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(vm.new_bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(vm.new_bool(false));
    }
    let diff = (b - a).abs();
    Ok(vm.new_bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs_tol))
}

fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn m_nextafter(vm: &Vm, args: Args) -> PyResult {
    let (x, y) = arg2(vm, &args, "nextafter")?;
    Ok(vm.new_float(next_after(x, y)))
}

fn m_ulp(vm: &Vm, args: Args) -> PyResult {
    let x = arg1(vm, &args, "ulp")?;
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(vm.new_float(x));
    }
    let x2 = next_after(x, f64::INFINITY);
    if x2.is_infinite() {
        let x2 = next_after(x, -f64::INFINITY);
        return Ok(vm.new_float(x - x2));
    }
    Ok(vm.new_float(x2 - x))
}

// ----- special functions ------------------------------------------------------------

const SQRTPI: f64 = 1.772_453_850_905_516;

fn erf_series(x: f64) -> f64 {
    let x2 = x * x;
    let mut acc = 0.0;
    let mut fk = 25.0 + 0.5;
    for _ in 0..25 {
        acc = 2.0 + x2 * acc / fk;
        fk -= 1.0;
    }
    acc * x * (-x2).exp() / SQRTPI
}

fn erfc_contfrac(x: f64) -> f64 {
    if x >= 30.0 {
        return 0.0;
    }
    let x2 = x * x;
    let (mut a, mut da) = (0.0, 0.5);
    let (mut p, mut p_last) = (1.0, 0.0);
    let (mut q, mut q_last) = (da + x2, 1.0);
    for _ in 0..50 {
        a += da;
        da += 2.0;
        let b = da + x2;
        let t = p;
        p = b * p - a * p_last;
        p_last = t;
        let t = q;
        q = b * q - a * q_last;
        q_last = t;
    }
    p / q * x * (-x2).exp() / SQRTPI
}

fn erf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax < 1.5 {
        erf_series(x)
    } else {
        let cf = erfc_contfrac(ax);
        if x > 0.0 {
            1.0 - cf
        } else {
            cf - 1.0
        }
    }
}

fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax < 1.5 {
        1.0 - erf_series(x)
    } else {
        let cf = erfc_contfrac(ax);
        if x > 0.0 {
            cf
        } else {
            2.0 - cf
        }
    }
}

const LANCZOS_G: f64 = 7.0;
const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_9,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_1,
    -176.615_029_162_140_6,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_572e-6,
    1.505_632_735_149_311_6e-7,
];

/// ln(gamma(x)) for x >= 0.5 (Lanczos).
fn lgamma_pos(x: f64) -> f64 {
    let x = x - 1.0;
    let mut a = LANCZOS[0];
    let t = x + LANCZOS_G + 0.5;
    for (i, c) in LANCZOS.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

fn gamma(x: f64) -> Option<f64> {
    if x.is_nan() {
        return Some(x);
    }
    if x.is_infinite() {
        return if x > 0.0 { Some(x) } else { None };
    }
    if x == 0.0 || (x < 0.0 && x == x.floor()) {
        return None;
    }
    if x == x.floor() && x <= 23.0 {
        let mut r = 1.0f64;
        let mut k = 2.0;
        while k < x {
            r *= k;
            k += 1.0;
        }
        return Some(r);
    }
    if x < 0.5 {
        let s = (std::f64::consts::PI * x).sin();
        let g = gamma(1.0 - x)?;
        return Some(std::f64::consts::PI / (s * g));
    }
    if x > 171.7 {
        return Some(f64::INFINITY);
    }
    let xm = x - 1.0;
    let mut a = LANCZOS[0];
    let t = xm + LANCZOS_G + 0.5;
    for (i, c) in LANCZOS.iter().enumerate().skip(1) {
        a += c / (xm + i as f64);
    }
    // Split the power to avoid premature overflow.
    let p = t.powf((xm + 0.5) / 2.0);
    Some((2.0 * std::f64::consts::PI).sqrt() * p * (p * (-t).exp()) * a)
}

fn m_gamma(vm: &Vm, args: Args) -> PyResult {
    let x = arg1(vm, &args, "gamma")?;
    match gamma(x) {
        None => Err(domain(vm)),
        Some(r) if r.is_infinite() && x.is_finite() => Err(range(vm)),
        Some(r) => Ok(vm.new_float(r)),
    }
}

fn m_lgamma(vm: &Vm, args: Args) -> PyResult {
    let x = arg1(vm, &args, "lgamma")?;
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    if x.is_infinite() {
        return Ok(vm.new_float(f64::INFINITY));
    }
    if x <= 0.0 && x == x.floor() {
        return Err(domain(vm));
    }
    if x == 1.0 || x == 2.0 {
        return Ok(vm.new_float(0.0));
    }
    let r = if x < 0.5 {
        let s = (std::f64::consts::PI * x).sin().abs();
        (std::f64::consts::PI / s).ln() - lgamma_pos(1.0 - x)
    } else {
        lgamma_pos(x)
    };
    if r.is_infinite() {
        return Err(range(vm));
    }
    Ok(vm.new_float(r))
}

/// Build the `math` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "math",
        Some(
            "This module provides access to the mathematical functions\ndefined by the C standard.",
        ),
    );
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("math: no module dict"))?;
    let consts = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (n, v) in consts {
        vm.dict_set_str(d, n, vm.new_float(v));
    }
    let fns: &[(&'static str, crate::args::NativeFn)] = &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", m_comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", m_factorial),
        ("floor", m_floor),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", m_gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", m_perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
        ("ulp", m_ulp),
    ];
    for (n, f) in fns {
        vm.add_function(d, "math", n, *f);
    }
    Ok(m)
}
