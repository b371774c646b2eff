//! `datetime.datetime` instance methods: fields, conversions, text,
//! arithmetic, comparison, hashing and pickling.

use std::cmp::Ordering;

use super::date::{ctime_text, struct_time};
use super::datetime::{
    fields, local_timezone_at, local_to_seconds, make_dt, utc_to_seconds, DT_NAMES, EPOCH,
};
use super::delta::{delta_from_us, new_delta};
use super::iso::{format_utcoffset, time_text, wrap_strftime};
use super::tz::{call_dst, call_tzname, call_utcoffset, offset_obj};
use super::{
    as_datetime, as_delta, check_tzinfo, int_or, norm_date, not_impl, one_arg, parse, ty_date,
    ty_time, ty_timezone, tz_obj, ymd_to_ord, Dt, Time,
};
use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::str::PyStr;
use crate::types::typeobj::PyTypeRef;
use crate::{PyObjectRef, PyResult, Vm};

fn me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Dt> {
    args.pos()
        .first()
        .and_then(as_datetime)
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'datetime.datetime' object"))
}

fn get<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Dt> {
    as_datetime(o)
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'datetime.datetime' object"))
}

fn offset(vm: &Vm, o: &PyObjectRef, p: &Dt) -> PyResult<Option<(i64, i64, i64)>> {
    match &p.tz {
        Some(tz) => call_utcoffset(vm, tz, o),
        None => Ok(None),
    }
}

fn us_of(o: (i64, i64, i64)) -> i64 {
    (o.0 * 86_400 + o.1) * 1_000_000 + o.2
}

/// `dt + factor * (days, seconds, us)`, normalised, into `cls`; fold is
/// dropped as in C.
fn add_delta(vm: &Vm, cls: &PyObjectRef, p: &Dt, d: (i64, i64, i64), factor: i64) -> PyResult {
    let total_us = p.us + d.2 * factor;
    let total_s = p.h * 3600 + p.mi * 60 + p.s + d.1 * factor + total_us.div_euclid(1_000_000);
    let us = total_us.rem_euclid(1_000_000);
    let days = p.d + d.0 * factor + total_s.div_euclid(86_400);
    let secs = total_s.rem_euclid(86_400);
    if days.abs() > 10_000_000 {
        return Err(vm.new_overflow_error("date value out of range"));
    }
    let (y, m, dd) = norm_date(vm, p.y, p.mo, days)?;
    make_dt(
        vm,
        cls,
        [y, m, dd, secs / 3600, secs / 60 % 60, secs % 60, us],
        p.tz.clone(),
        0,
    )
}

fn m_add(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = super::binop_args(vm, &args)?;
    match (as_datetime(a), as_delta(b)) {
        (Some(p), Some(d)) => add_delta(vm, a.class(), p, (d.d, d.s, d.us), 1),
        _ => not_impl(vm),
    }
}

fn m_radd(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = super::binop_args(vm, &args)?;
    match (as_datetime(a), as_delta(b)) {
        (Some(p), Some(d)) => add_delta(vm, a.class(), p, (d.d, d.s, d.us), 1),
        _ => not_impl(vm),
    }
}

fn m_sub(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = super::binop_args(vm, &args)?;
    let Some(p) = as_datetime(a) else {
        return not_impl(vm);
    };
    if let Some(q) = as_datetime(b) {
        let same = match (&p.tz, &q.tz) {
            (None, None) => true,
            (Some(x), Some(y)) => x.is(y),
            _ => false,
        };
        let (o1, o2) = if same {
            (None, None)
        } else {
            let o1 = offset(vm, a, p)?;
            let o2 = offset(vm, b, q)?;
            if o1.is_some() != o2.is_some() {
                return Err(
                    vm.new_type_error("can't subtract offset-naive and offset-aware datetimes")
                );
            }
            (o1, o2)
        };
        let days = ymd_to_ord(p.y, p.mo, p.d) - ymd_to_ord(q.y, q.mo, q.d);
        let secs = (p.h - q.h) * 3600 + (p.mi - q.mi) * 60 + (p.s - q.s);
        let mut us =
            (days as i128) * 86_400_000_000 + (secs as i128) * 1_000_000 + (p.us - q.us) as i128;
        if let (Some(x), Some(y)) = (o1, o2) {
            us -= (us_of(x) - us_of(y)) as i128;
        }
        return delta_from_us(vm, &crate::types::int_ops::from_i128(us));
    }
    if let Some(d) = as_delta(b) {
        return add_delta(vm, a.class(), p, (d.d, d.s, d.us), -1);
    }
    not_impl(vm)
}

/// The naive/aware comparison of C's `datetime_richcompare` (without the
/// PEP 495 fold exception for zones whose offset depends on fold).
fn m_cmp(vm: &Vm, args: Args, op: &str) -> PyResult {
    let [a, b] = super::binop_args(vm, &args)?;
    let Some(p) = as_datetime(a) else {
        return not_impl(vm);
    };
    let Some(q) = as_datetime(b) else {
        if super::as_date(b).is_some() {
            return match op {
                "__eq__" => Ok(vm.false_.clone()),
                "__ne__" => Ok(vm.true_.clone()),
                _ => Err(vm.new_type_error(format!(
                    "can't compare {} to {}",
                    vm.type_name(a),
                    vm.type_name(b)
                ))),
            };
        }
        return not_impl(vm);
    };
    let raw = |x: &Dt| fields(x);
    let same = match (&p.tz, &q.tz) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(y),
        _ => false,
    };
    if same {
        return Ok(super::cmp_result(vm, raw(p).cmp(&raw(q)), op));
    }
    let o1 = offset(vm, a, p)?;
    let o2 = offset(vm, b, q)?;
    let eq_op = op == "__eq__" || op == "__ne__";
    if o1 == o2 {
        let mut c = raw(p).cmp(&raw(q));
        if eq_op && c == Ordering::Equal && pep495_exception(vm, a, p, o1, b, q, o2)? {
            c = Ordering::Less;
        }
        return Ok(super::cmp_result(vm, c, op));
    }
    if let (Some(x), Some(y)) = (o1, o2) {
        let key = |d: &Dt, o: (i64, i64, i64)| -> i128 {
            let secs = ymd_to_ord(d.y, d.mo, d.d) * 86_400 + d.h * 3600 + d.mi * 60 + d.s;
            secs as i128 * 1_000_000 + d.us as i128 - us_of(o) as i128
        };
        let mut c: Ordering = key(p, x).cmp(&key(q, y));
        if eq_op && c == Ordering::Equal && pep495_exception(vm, a, p, o1, b, q, o2)? {
            c = Ordering::Less;
        }
        return Ok(super::cmp_result(vm, c, op));
    }
    match op {
        "__eq__" => Ok(vm.false_.clone()),
        "__ne__" => Ok(vm.true_.clone()),
        _ => Err(vm.new_type_error("can't compare offset-naive and offset-aware datetimes")),
    }
}

/// The UTC offset `o` would have with its fold flipped.
fn flip_fold_offset(vm: &Vm, o: &PyObjectRef, p: &Dt) -> PyResult<Option<(i64, i64, i64)>> {
    let mut q = naive(p);
    q.tz = p.tz.clone();
    q.fold = 1 - p.fold;
    let flipped = vm.try_alloc(q, o.class())?.into_object();
    let fp = get(vm, &flipped)?;
    offset(vm, &flipped, fp)
}

/// PEP 495: an interzone comparison of a time whose offset depends on
/// fold (a repeated or skipped hour) never finds it equal.
fn pep495_exception(
    vm: &Vm,
    a: &PyObjectRef,
    p: &Dt,
    o1: Option<(i64, i64, i64)>,
    b: &PyObjectRef,
    q: &Dt,
    o2: Option<(i64, i64, i64)>,
) -> PyResult<bool> {
    if flip_fold_offset(vm, a, p)? != o1 {
        return Ok(true);
    }
    Ok(flip_fold_offset(vm, b, q)? != o2)
}

fn state(p: &Dt, fold_in_month: bool) -> Vec<u8> {
    let mo = p.mo as u8
        | if fold_in_month && p.fold != 0 {
            0x80
        } else {
            0
        };
    vec![
        (p.y >> 8) as u8,
        (p.y & 0xff) as u8,
        mo,
        p.d as u8,
        p.h as u8,
        p.mi as u8,
        p.s as u8,
        (p.us >> 16) as u8,
        (p.us >> 8 & 0xff) as u8,
        (p.us & 0xff) as u8,
    ]
}

fn m_hash(vm: &Vm, args: Args) -> PyResult {
    let o = super::first(vm, &args)?;
    let p = me(vm, &args)?;
    // Hashed as if fold were 0: the offset is asked of the fold=0 twin.
    let off = match &p.tz {
        Some(tz) if p.fold != 0 => {
            let twin = make_dt(
                vm,
                super::ty_datetime(vm).as_object(),
                fields(p),
                Some(tz.clone()),
                0,
            )?;
            call_utcoffset(vm, tz, &twin)?
        }
        Some(tz) => call_utcoffset(vm, tz, o)?,
        None => None,
    };
    match off {
        None => Ok(vm.new_int(PyBytes::new(state(p, false)).hash())),
        Some(x) => {
            let secs = p.h * 3600 + p.mi * 60 + p.s;
            let total = (ymd_to_ord(p.y, p.mo, p.d) as i128 * 86_400 + secs as i128) * 1_000_000
                + p.us as i128
                - us_of(x) as i128;
            let d = delta_from_us(vm, &crate::types::int_ops::from_i128(total))?;
            Ok(vm.new_int(vm.hash(&d)?))
        }
    }
}

fn reduce_with(vm: &Vm, args: &Args, proto: i64) -> PyResult {
    let p = me(vm, args)?;
    Ok(super::pickle_reduce(vm, args, state(p, proto > 3), &p.tz))
}

fn m_reduce_ex(vm: &Vm, args: Args) -> PyResult {
    let p = one_arg(vm, &args, "__reduce_ex__")?;
    let proto = super::int_i(vm, p)?;
    reduce_with(vm, &args, proto)
}

fn m_reduce(vm: &Vm, args: Args) -> PyResult {
    reduce_with(vm, &args, 2)
}

fn m_repr(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    let mut out = format!(
        "{}({}, {}, {}, {})",
        vm.type_name(super::first(vm, &args)?),
        p.y,
        p.mo,
        p.d,
        super::time::repr_fields(p.h, p.mi, p.s, p.us)
    );
    out.pop();
    if p.fold != 0 {
        out.push_str(", fold=1");
    }
    if let Some(tz) = &p.tz {
        out.push_str(&format!(", tzinfo={}", vm.repr_string(tz)?));
    }
    out.push(')');
    Ok(vm.new_str(out))
}

fn m_isoformat(vm: &Vm, args: Args) -> PyResult {
    let o = super::first(vm, &args)?;
    let p = me(vm, &args)?;
    let a = args.shift();
    let [sep, spec] = parse(vm, &a, Some("isoformat"), ["sep", "timespec"], 0)?;
    let sep = match sep {
        None => 'T',
        Some(s) => {
            let ch = s.downcast_ref::<PyStr>().and_then(|t| {
                let mut it = t.as_str().chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            });
            match ch {
                Some(c) => c,
                None => {
                    return Err(vm.new_type_error(format!(
                        "isoformat() argument 1 must be a unicode character, not {}",
                        vm.type_name(s)
                    )))
                }
            }
        }
    };
    let spec = match spec {
        Some(s) => Some(
            s.downcast_ref::<PyStr>()
                .ok_or_else(|| {
                    vm.new_type_error(format!(
                        "isoformat() argument 2 must be str, not {}",
                        vm.type_name(s)
                    ))
                })?
                .as_str(),
        ),
        None => None,
    };
    let mut out = format!("{:04}-{:02}-{:02}{sep}", p.y, p.mo, p.d);
    out.push_str(&time_text(vm, p.h, p.mi, p.s, p.us, spec)?);
    if let Some(off) = format_utcoffset(vm, p.tz.as_ref(), o, ":")? {
        out.push_str(&off);
    }
    Ok(vm.new_str(out))
}

fn m_str(vm: &Vm, args: Args) -> PyResult {
    vm.call_kw(
        &vm.get_attr_str(super::first(vm, &args)?, "isoformat")?,
        &[vm.new_str(" ")],
        &[vm.new_str("sep")],
    )
}

fn m_ctime(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    super::no_args(vm, &args, "datetime.ctime")?;
    Ok(vm.new_str(ctime_text(p)))
}

fn m_timetuple(vm: &Vm, args: Args) -> PyResult {
    let o = super::first(vm, &args)?;
    let p = me(vm, &args)?;
    super::no_args(vm, &args, "datetime.timetuple")?;
    let dst = match &p.tz {
        Some(tz) => match call_dst(vm, tz, o)? {
            None => -1,
            Some((0, 0, 0)) => 0,
            Some(_) => 1,
        },
        None => -1,
    };
    struct_time(vm, p, dst)
}

fn m_utctimetuple(vm: &Vm, args: Args) -> PyResult {
    let o = super::first(vm, &args)?;
    let p = me(vm, &args)?;
    super::no_args(vm, &args, "datetime.utctimetuple")?;
    let f = match offset(vm, o, p)? {
        None => fields(p),
        Some(x) => {
            let u = add_delta(vm, super::ty_datetime(vm).as_object(), &naive(p), x, -1)?;
            fields(get(vm, &u)?)
        }
    };
    let q = naive_from(f);
    struct_time(vm, &q, 0)
}

fn naive_from(f: [i64; 7]) -> Dt {
    Dt {
        y: f[0],
        mo: f[1],
        d: f[2],
        h: f[3],
        mi: f[4],
        s: f[5],
        us: f[6],
        fold: 0,
        tz: None,
        is_dt: true,
    }
}

fn naive(p: &Dt) -> Dt {
    naive_from(fields(p))
}

fn m_strftime(vm: &Vm, args: Args) -> PyResult {
    let o = super::first(vm, &args)?;
    let p = me(vm, &args)?;
    let a = args.shift();
    let [f] = parse(vm, &a, Some("strftime"), ["format"], 1)?;
    let f = f.unwrap_or(&vm.none);
    let Some(fs) = f.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(f)
        )));
    };
    let tt = vm.call_method(o, "timetuple", &[])?;
    wrap_strftime(vm, fs.as_str(), tt, p.tz.as_ref(), o, p.us)
}

fn m_timestamp(vm: &Vm, args: Args) -> PyResult {
    let o = super::first(vm, &args)?;
    let p = me(vm, &args)?;
    super::no_args(vm, &args, "datetime.timestamp")?;
    if p.tz.is_none() {
        let secs = local_to_seconds(vm, fields(p), p.fold)?;
        return Ok(vm.new_float((secs - EPOCH) as f64 + p.us as f64 / 1e6));
    }
    let epoch = make_dt(
        vm,
        super::ty_datetime(vm).as_object(),
        [1970, 1, 1, 0, 0, 0, 0],
        ty_timezone(vm).ext.dict.get_by_str("utc"),
        0,
    )?;
    let d = vm.binary_op(o, &epoch, 10)?;
    vm.call_method(&d, "total_seconds", &[])
}

fn m_date(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    super::no_args(vm, &args, "datetime.date")?;
    super::date::make_date(vm, ty_date(vm).as_object(), p.y, p.mo, p.d)
}

fn new_time_obj(vm: &Vm, p: &Dt, tz: Option<PyObjectRef>) -> PyResult {
    let t = Time {
        h: p.h,
        mi: p.mi,
        s: p.s,
        us: p.us,
        fold: p.fold,
        tz,
    };
    Ok(vm.try_alloc(t, ty_time(vm).as_object())?.into_object())
}

fn m_time(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    super::no_args(vm, &args, "datetime.time")?;
    new_time_obj(vm, p, None)
}

fn m_timetz(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    super::no_args(vm, &args, "datetime.timetz")?;
    new_time_obj(vm, p, p.tz.clone())
}

fn m_utcoffset(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    super::no_args(vm, &args, "datetime.utcoffset")?;
    offset_obj(vm, offset(vm, super::first(vm, &args)?, p)?)
}

fn m_dst(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    super::no_args(vm, &args, "datetime.dst")?;
    match &p.tz {
        Some(tz) => offset_obj(vm, call_dst(vm, tz, super::first(vm, &args)?)?),
        None => Ok(vm.none.clone()),
    }
}

fn m_tzname(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    super::no_args(vm, &args, "datetime.tzname")?;
    match &p.tz {
        Some(tz) => {
            Ok(call_tzname(vm, tz, super::first(vm, &args)?)?.unwrap_or_else(|| vm.none.clone()))
        }
        None => Ok(vm.none.clone()),
    }
}

fn m_replace(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    let a = args.shift();
    let v = super::parse_kw(vm, &a, Some("replace"), DT_NAMES, 0, 8)?;
    let cur = fields(p);
    let mut f = [0i64; 7];
    for i in 0..7 {
        f[i] = int_or(vm, v[i], cur[i])?;
    }
    let tz = match v[7] {
        Some(t) => check_tzinfo(vm, t)?,
        None => p.tz.clone(),
    };
    let fold = int_or(vm, v[8], p.fold)?;
    super::check_date(vm, f[0], f[1], f[2])?;
    super::check_time(vm, f[3], f[4], f[5], f[6], fold)?;
    make_dt(vm, args.pos()[0].class(), f, tz, fold)
}

/// POSIX seconds of an aware UTC datetime (floor of its timestamp).
fn utc_posix(vm: &Vm, p: &Dt) -> PyResult<i64> {
    Ok(utc_to_seconds(vm, p.y, p.mo, p.d, p.h, p.mi, p.s)? - EPOCH)
}

fn m_astimezone(vm: &Vm, args: Args) -> PyResult {
    let o = super::first(vm, &args)?;
    let p = me(vm, &args)?;
    let a = args.shift();
    let [tz] = parse(vm, &a, Some("astimezone"), ["tz"], 0)?;
    let target = match tz {
        Some(t) => check_tzinfo(vm, t)?,
        None => None,
    };
    // The zone self is in: its tzinfo, or local time's for naive values.
    let mut self_tz = match &p.tz {
        Some(t) => t.clone(),
        None => {
            let secs = local_to_seconds(vm, fields(p), p.fold)?;
            local_timezone_at(vm, secs - EPOCH)?
        }
    };
    if target.as_ref().is_some_and(|t| t.is(&self_tz)) {
        return Ok(o.clone());
    }
    let off = match call_utcoffset(vm, &self_tz, o)? {
        Some(x) => x,
        None => {
            let secs = local_to_seconds(vm, fields(p), p.fold)?;
            self_tz = local_timezone_at(vm, secs - EPOCH)?;
            call_utcoffset(vm, &self_tz, o)?.unwrap_or((0, 0, 0))
        }
    };
    let utc = ty_timezone(vm)
        .ext
        .dict
        .get_by_str("utc")
        .ok_or_else(|| vm.new_system_error("timezone.utc missing"))?;
    // self - offset, as a UTC value of self's class.
    let mut f = fields(p);
    let shifted = add_delta(vm, super::ty_datetime(vm).as_object(), &naive(p), off, -1)?;
    let sp = get(vm, &shifted)?;
    f.copy_from_slice(&fields(sp));
    let target = match target {
        Some(t) => t,
        None => {
            let q = naive_from(f);
            local_timezone_at(vm, utc_posix(vm, &q)?)?
        }
    };
    let _ = utc;
    let r = make_dt(vm, o.class(), f, Some(target.clone()), 0)?;
    vm.call_method(&target, "fromutc", &[r])
}

pub(crate) fn init_methods(vm: &Vm, t: &PyTypeRef) {
    let methods: [(&'static str, crate::args::NativeFn); 25] = [
        ("date", m_date),
        ("time", m_time),
        ("timetz", m_timetz),
        ("ctime", m_ctime),
        ("timetuple", m_timetuple),
        ("timestamp", m_timestamp),
        ("utctimetuple", m_utctimetuple),
        ("isoformat", m_isoformat),
        ("strftime", m_strftime),
        ("utcoffset", m_utcoffset),
        ("tzname", m_tzname),
        ("dst", m_dst),
        ("replace", m_replace),
        ("astimezone", m_astimezone),
        ("__reduce_ex__", m_reduce_ex),
        ("__reduce__", m_reduce),
        ("__repr__", m_repr),
        ("__str__", m_str),
        ("__add__", m_add),
        ("__radd__", m_radd),
        ("__sub__", m_sub),
        ("__hash__", m_hash),
        ("__lt__", |vm, a| m_cmp(vm, a, "__lt__")),
        ("__le__", |vm, a| m_cmp(vm, a, "__le__")),
        ("__eq__", |vm, a| m_cmp(vm, a, "__eq__")),
    ];
    for (n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_method(t, "__ne__", |vm, a| m_cmp(vm, a, "__ne__"));
    vm.add_method(t, "__gt__", |vm, a| m_cmp(vm, a, "__gt__"));
    vm.add_method(t, "__ge__", |vm, a| m_cmp(vm, a, "__ge__"));
    vm.add_getset(t, "hour", |vm, o| Ok(vm.new_int(get(vm, o)?.h)), None);
    vm.add_getset(t, "minute", |vm, o| Ok(vm.new_int(get(vm, o)?.mi)), None);
    vm.add_getset(t, "second", |vm, o| Ok(vm.new_int(get(vm, o)?.s)), None);
    vm.add_getset(
        t,
        "microsecond",
        |vm, o| Ok(vm.new_int(get(vm, o)?.us)),
        None,
    );
    vm.add_getset(t, "fold", |vm, o| Ok(vm.new_int(get(vm, o)?.fold)), None);
    vm.add_getset(t, "tzinfo", |vm, o| Ok(tz_obj(vm, &get(vm, o)?.tz)), None);
    let _ = new_delta;
}
