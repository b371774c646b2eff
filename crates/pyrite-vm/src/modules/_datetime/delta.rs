//! `datetime.timedelta`: days, seconds and microseconds, normalised; all
//! arithmetic goes through the total in microseconds (arbitrary precision,
//! like C's use of Python ints), rounding half to even.

use std::cmp::Ordering;

use super::{as_delta, int_i, not_impl, parse, ty_delta, Delta, CMP_OPS, MAX_DELTA_DAYS};
use crate::args::Args;
use crate::types::float::PyFloat;
use crate::types::int::{IntVal, PyInt};
use crate::types::int_ops as ops;
use crate::types::typeobj::PyTypeRef;
use crate::{PyObjectRef, PyResult, Vm};

fn iv(v: i64) -> IntVal {
    IntVal::Small(v)
}

pub(crate) fn total_us(d: &Delta) -> IntVal {
    let v = (d.d as i128) * 86_400_000_000 + (d.s as i128) * 1_000_000 + d.us as i128;
    ops::from_i128(v)
}

/// Split microseconds into normalised (days, seconds, us), with C's
/// range errors.
pub(crate) fn split_us(vm: &Vm, us: &IntVal) -> PyResult<(i64, i64, i64)> {
    let div = |a: &IntVal, b: i64| {
        ops::divmod(a, &iv(b)).map_err(|_| vm.new_zero_division_error("division by zero"))
    };
    let (sec, u) = div(us, 1_000_000)?;
    let (days, s) = div(&sec, 86_400)?;
    let d = match days.as_i64() {
        Some(d) if (i32::MIN as i64..=i32::MAX as i64).contains(&d) => d,
        _ => return Err(vm.new_overflow_error("Python int too large to convert to C int")),
    };
    if d.abs() > MAX_DELTA_DAYS {
        return Err(
            vm.new_overflow_error(format!("days={d}; must have magnitude <= {MAX_DELTA_DAYS}"))
        );
    }
    Ok((d, s.as_i64().unwrap_or(0), u.as_i64().unwrap_or(0)))
}

pub(crate) fn new_delta(vm: &Vm, d: i64, s: i64, us: i64) -> PyResult {
    let t = (d as i128) * 86_400_000_000 + (s as i128) * 1_000_000 + us as i128;
    delta_from_us(vm, &ops::from_i128(t))
}

pub(crate) fn delta_from_us(vm: &Vm, us: &IntVal) -> PyResult {
    let (d, s, u) = split_us(vm, us)?;
    Ok(vm
        .try_alloc(Delta { d, s, us: u }, ty_delta(vm).as_object())?
        .into_object())
}

/// Round `a / b` to the nearest integer, ties to even.
pub(crate) fn divide_nearest(vm: &Vm, a: &IntVal, b: &IntVal) -> PyResult<IntVal> {
    let (q, r) = ops::divmod(a, b)
        .map_err(|_| vm.new_zero_division_error("integer division or modulo by zero"))?;
    let twice = ops::mul(&r, &iv(2));
    let c = ops::cmp(&twice, b);
    let pos = ops::sign(b) > 0;
    let greater = if pos {
        c == Ordering::Greater
    } else {
        c == Ordering::Less
    };
    let odd = !ops::bitand(&q, &iv(1)).is_zero();
    if greater || (c == Ordering::Equal && odd) {
        return Ok(ops::add(&q, &iv(1)));
    }
    Ok(q)
}

/// `f.as_integer_ratio()`: computed directly for exact floats, called
/// (and checked, as C does) for subclasses that may override it.
fn ratio_of(vm: &Vm, o: &PyObjectRef, f: f64) -> PyResult<(IntVal, IntVal)> {
    if o.class().is(vm.types.float.as_object()) {
        return float_ratio(vm, f);
    }
    let r = vm.call_method(o, "as_integer_ratio", &[])?;
    let Some(t) = r.downcast_ref::<crate::types::tuple::PyTuple>() else {
        return Err(vm.new_type_error(format!(
            "unexpected return type from as_integer_ratio(): expected tuple, got '{}'",
            vm.type_name(&r)
        )));
    };
    let [n, d] = t.as_slice() else {
        return Err(vm.new_value_error("as_integer_ratio() must return a 2-tuple"));
    };
    match (n.downcast_ref::<PyInt>(), d.downcast_ref::<PyInt>()) {
        (Some(n), Some(d)) => Ok((n.value.clone(), d.value.clone())),
        _ => Err(vm.new_type_error("as_integer_ratio() must return a pair of ints")),
    }
}

fn float_ratio(vm: &Vm, f: f64) -> PyResult<(IntVal, IntVal)> {
    if f.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.new_value_error("cannot convert NaN to integer ratio"));
    }
    Ok(ops::f64_ratio(f))
}

fn f64_to_int(vm: &Vm, f: f64) -> PyResult<IntVal> {
    if f.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
    }
    if f.is_nan() {
        return Err(vm.new_value_error("cannot convert float NaN to integer"));
    }
    Ok(ops::from_f64_trunc(f))
}

/// `timedelta(days=0, seconds=0, microseconds=0, milliseconds=0,
/// minutes=0, hours=0, weeks=0)`: int parts are exact, float parts keep a
/// fractional microsecond remainder rounded at the end.
fn delta_new(vm: &Vm, args: Args) -> PyResult {
    let cls = super::new_cls(vm, &args, &ty_delta(vm))?;
    let a = args.shift();
    let names = [
        "days",
        "seconds",
        "microseconds",
        "milliseconds",
        "minutes",
        "hours",
        "weeks",
    ];
    let v = parse(vm, &a, Some("__new__"), names, 0)?;
    // Accumulated in C's order: us, ms, s, min, h, d, w.
    let order: [(usize, i64); 7] = [
        (2, 1),
        (3, 1_000),
        (1, 1_000_000),
        (4, 60_000_000),
        (5, 3_600_000_000),
        (0, 86_400_000_000),
        (6, 604_800_000_000),
    ];
    let mut sofar = iv(0);
    let mut leftover = 0.0f64;
    for (i, factor) in order {
        let Some(x) = v[i] else { continue };
        if let Some(n) = x.downcast_ref::<PyInt>() {
            sofar = ops::add(&sofar, &ops::mul(&n.value, &iv(factor)));
        } else if let Some(f) = x.downcast_ref::<PyFloat>() {
            let f = f.value;
            let ip = f.trunc();
            let frac = f - ip;
            sofar = ops::add(&sofar, &ops::mul(&f64_to_int(vm, ip)?, &iv(factor)));
            if frac != 0.0 {
                let scaled = factor as f64 * frac;
                let ip2 = scaled.trunc();
                sofar = ops::add(&sofar, &f64_to_int(vm, ip2)?);
                leftover += scaled - ip2;
            }
        } else {
            return Err(vm.new_type_error(format!(
                "unsupported type for timedelta {} component: {}",
                names[i],
                vm.type_name(x)
            )));
        }
    }
    if leftover != 0.0 {
        let mut whole = leftover.round();
        if (whole - leftover).abs() == 0.5 {
            let odd = !ops::bitand(&sofar, &iv(1)).is_zero() as i64 as f64;
            whole = 2.0 * ((leftover + odd) * 0.5).round() - odd;
        }
        sofar = ops::add(&sofar, &iv(whole as i64));
    }
    let (d, s, us) = split_us(vm, &sofar)?;
    Ok(vm.try_alloc(Delta { d, s, us }, cls)?.into_object())
}

fn me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Delta> {
    args.pos()
        .first()
        .and_then(as_delta)
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'datetime.timedelta' object"))
}

fn other<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a PyObjectRef> {
    Ok(super::binop_args(vm, args)?[1])
}

fn d_repr(vm: &Vm, args: Args) -> PyResult {
    let d = me(vm, &args)?;
    let name = vm.type_name(super::first(vm, &args)?);
    let mut parts = Vec::new();
    if d.d != 0 {
        parts.push(format!("days={}", d.d));
    }
    if d.s != 0 {
        parts.push(format!("seconds={}", d.s));
    }
    if d.us != 0 {
        parts.push(format!("microseconds={}", d.us));
    }
    if parts.is_empty() {
        parts.push("0".into());
    }
    Ok(vm.new_str(format!("{name}({})", parts.join(", "))))
}

pub(crate) fn delta_str(d: &Delta) -> String {
    let mut out = String::new();
    if d.d != 0 {
        out.push_str(&format!(
            "{} day{}, ",
            d.d,
            if d.d.abs() != 1 { "s" } else { "" }
        ));
    }
    out.push_str(&format!(
        "{}:{:02}:{:02}",
        d.s / 3600,
        d.s / 60 % 60,
        d.s % 60
    ));
    if d.us != 0 {
        out.push_str(&format!(".{:06}", d.us));
    }
    out
}

fn d_str(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_str(delta_str(me(vm, &args)?)))
}

fn d_add(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    match as_delta(other(vm, &args)?) {
        Some(b) => delta_from_us(vm, &ops::add(&total_us(a), &total_us(b))),
        None => not_impl(vm),
    }
}

fn d_sub(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    match as_delta(other(vm, &args)?) {
        Some(b) => delta_from_us(vm, &ops::sub(&total_us(a), &total_us(b))),
        None => not_impl(vm),
    }
}

fn d_rsub(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    match as_delta(other(vm, &args)?) {
        Some(b) => delta_from_us(vm, &ops::sub(&total_us(b), &total_us(a))),
        None => not_impl(vm),
    }
}

fn d_neg(vm: &Vm, args: Args) -> PyResult {
    delta_from_us(vm, &ops::neg(&total_us(me(vm, &args)?)))
}

fn d_pos(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    new_delta(vm, a.d, a.s, a.us)
}

fn d_abs(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    if a.d < 0 {
        d_neg(vm, args)
    } else {
        d_pos(vm, args)
    }
}

fn d_mul(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    let o = other(vm, &args)?;
    if let Some(n) = o.downcast_ref::<PyInt>() {
        return delta_from_us(vm, &ops::mul(&total_us(a), &n.value));
    }
    if let Some(f) = o.downcast_ref::<PyFloat>() {
        let (n, d) = ratio_of(vm, o, f.value)?;
        let t = ops::mul(&total_us(a), &n);
        return delta_from_us(vm, &divide_nearest(vm, &t, &d)?);
    }
    not_impl(vm)
}

fn d_truediv(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    let o = other(vm, &args)?;
    if let Some(b) = as_delta(o) {
        let r = ops::truediv(&total_us(a), &total_us(b))
            .map_err(|m| vm.new_zero_division_error(m.replace("integer ", "")))?;
        return Ok(vm.new_float(r));
    }
    if let Some(n) = o.downcast_ref::<PyInt>() {
        return delta_from_us(vm, &divide_nearest(vm, &total_us(a), &n.value)?);
    }
    if let Some(f) = o.downcast_ref::<PyFloat>() {
        let (n, d) = ratio_of(vm, o, f.value)?;
        let t = ops::mul(&total_us(a), &d);
        return delta_from_us(vm, &divide_nearest(vm, &t, &n)?);
    }
    not_impl(vm)
}

fn d_rtruediv(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    match as_delta(other(vm, &args)?) {
        Some(b) => {
            let r = ops::truediv(&total_us(b), &total_us(a))
                .map_err(|_| vm.new_zero_division_error("division by zero"))?;
            Ok(vm.new_float(r))
        }
        None => not_impl(vm),
    }
}

fn zdiv(vm: &Vm, msg: &str) -> crate::PyBaseExceptionRef {
    vm.new_zero_division_error(msg)
}

fn d_floordiv(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    let o = other(vm, &args)?;
    if let Some(b) = as_delta(o) {
        let q = ops::floordiv(&total_us(a), &total_us(b))
            .map_err(|_| zdiv(vm, "integer division or modulo by zero"))?;
        return Ok(vm.new_int_val(q));
    }
    if let Some(n) = o.downcast_ref::<PyInt>() {
        let q = ops::floordiv(&total_us(a), &n.value)
            .map_err(|_| zdiv(vm, "integer division or modulo by zero"))?;
        return delta_from_us(vm, &q);
    }
    not_impl(vm)
}

fn d_rfloordiv(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    match as_delta(other(vm, &args)?) {
        Some(b) => {
            let q = ops::floordiv(&total_us(b), &total_us(a))
                .map_err(|_| zdiv(vm, "integer division or modulo by zero"))?;
            Ok(vm.new_int_val(q))
        }
        None => not_impl(vm),
    }
}

fn d_mod(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    match as_delta(other(vm, &args)?) {
        Some(b) => {
            let r = ops::modulo(&total_us(a), &total_us(b))
                .map_err(|_| zdiv(vm, "integer modulo by zero"))?;
            delta_from_us(vm, &r)
        }
        None => not_impl(vm),
    }
}

fn d_rmod(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    match as_delta(other(vm, &args)?) {
        Some(b) => {
            let r = ops::modulo(&total_us(b), &total_us(a))
                .map_err(|_| zdiv(vm, "integer modulo by zero"))?;
            delta_from_us(vm, &r)
        }
        None => not_impl(vm),
    }
}

fn divmod_of(vm: &Vm, a: &Delta, b: &Delta) -> PyResult {
    let (q, r) = ops::divmod(&total_us(a), &total_us(b))
        .map_err(|_| zdiv(vm, "integer division or modulo by zero"))?;
    Ok(vm.new_tuple(vec![vm.new_int_val(q), delta_from_us(vm, &r)?]))
}

fn d_divmod(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    match as_delta(other(vm, &args)?) {
        Some(b) => divmod_of(vm, a, b),
        None => not_impl(vm),
    }
}

fn d_rdivmod(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    match as_delta(other(vm, &args)?) {
        Some(b) => divmod_of(vm, b, a),
        None => not_impl(vm),
    }
}

fn key(d: &Delta) -> (i64, i64, i64) {
    (d.d, d.s, d.us)
}

fn d_cmp(vm: &Vm, args: Args, op: &str) -> PyResult {
    let a = me(vm, &args)?;
    match as_delta(other(vm, &args)?) {
        Some(b) => Ok(super::cmp_result(vm, key(a).cmp(&key(b)), op)),
        None => not_impl(vm),
    }
}

fn d_hash(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    let t = vm.new_tuple(vec![vm.new_int(a.d), vm.new_int(a.s), vm.new_int(a.us)]);
    Ok(vm.new_int(vm.hash(&t)?))
}

fn d_bool(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    Ok(vm.new_bool(a.d != 0 || a.s != 0 || a.us != 0))
}

fn d_total_seconds(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    super::no_args(vm, &args, "timedelta.total_seconds")?;
    let r = ops::truediv(&total_us(a), &iv(1_000_000)).map_err(|m| vm.new_overflow_error(m))?;
    Ok(vm.new_float(r))
}

fn d_reduce(vm: &Vm, args: Args) -> PyResult {
    let a = me(vm, &args)?;
    let st = vm.new_tuple(vec![vm.new_int(a.d), vm.new_int(a.s), vm.new_int(a.us)]);
    Ok(vm.new_tuple(vec![args.pos()[0].class().clone(), st]))
}

pub(crate) fn init(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", delta_new);
    let methods: [(&'static str, crate::args::NativeFn); 24] = [
        ("__repr__", d_repr),
        ("__str__", d_str),
        ("__add__", d_add),
        ("__radd__", d_add),
        ("__sub__", d_sub),
        ("__rsub__", d_rsub),
        ("__neg__", d_neg),
        ("__pos__", d_pos),
        ("__abs__", d_abs),
        ("__mul__", d_mul),
        ("__rmul__", d_mul),
        ("__truediv__", d_truediv),
        ("__rtruediv__", d_rtruediv),
        ("__floordiv__", d_floordiv),
        ("__rfloordiv__", d_rfloordiv),
        ("__mod__", d_mod),
        ("__rmod__", d_rmod),
        ("__divmod__", d_divmod),
        ("__rdivmod__", d_rdivmod),
        ("__hash__", d_hash),
        ("__bool__", d_bool),
        ("total_seconds", d_total_seconds),
        ("__reduce__", d_reduce),
        ("__lt__", |vm, a| d_cmp(vm, a, "__lt__")),
    ];
    for (n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_method(t, "__le__", |vm, a| d_cmp(vm, a, "__le__"));
    vm.add_method(t, "__eq__", |vm, a| d_cmp(vm, a, "__eq__"));
    vm.add_method(t, "__ne__", |vm, a| d_cmp(vm, a, "__ne__"));
    vm.add_method(t, "__gt__", |vm, a| d_cmp(vm, a, "__gt__"));
    vm.add_method(t, "__ge__", |vm, a| d_cmp(vm, a, "__ge__"));
    let _ = CMP_OPS;
    vm.add_getset(t, "days", |vm, o| Ok(vm.new_int(get(vm, o)?.d)), None);
    vm.add_getset(t, "seconds", |vm, o| Ok(vm.new_int(get(vm, o)?.s)), None);
    vm.add_getset(
        t,
        "microseconds",
        |vm, o| Ok(vm.new_int(get(vm, o)?.us)),
        None,
    );
    let mk = |d, s, us| vm.alloc(Delta { d, s, us }, t);
    vm.set_type_attr(t, "min", mk(-MAX_DELTA_DAYS, 0, 0));
    vm.set_type_attr(t, "max", mk(MAX_DELTA_DAYS, 86_399, 999_999));
    vm.set_type_attr(t, "resolution", mk(0, 0, 1));
    let _ = int_i;
}

fn get<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Delta> {
    as_delta(o)
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'datetime.timedelta' object"))
}
