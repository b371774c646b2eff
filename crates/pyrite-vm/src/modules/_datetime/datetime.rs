//! `datetime.datetime`: construction, the class-method constructors and
//! local time (C's `local`/`local_to_seconds` fold-aware search over
//! `localtime`). Instance methods are in `datetime_ops.rs`.

use super::date::{local_tm, timestamp_arg};
use super::time::tz_from_offset;
use super::tz::new_timezone;
use super::{
    as_date, as_time, check_date, check_time, check_tzinfo, int_or, iso, one_arg, parse,
    ty_datetime, tz_obj, ymd_to_ord, Dt, MAXYEAR, MINYEAR,
};
use crate::args::Args;
use crate::modules::time_calendar::{gmtime_tm, localtime_tm};
use crate::types::str::PyStr;
use crate::types::typeobj::PyTypeRef;
use crate::{PyObjectRef, PyResult, Vm};

pub(crate) const DT_NAMES: [&str; 9] = [
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "microsecond",
    "tzinfo",
    "fold",
];

/// A datetime of class `cls` from checked fields: allocated directly for
/// `datetime` itself, through `cls(...)` (with `fold=1` when set) for
/// subclasses.
pub(crate) fn make_dt(
    vm: &Vm,
    cls: &PyObjectRef,
    f: [i64; 7],
    tz: Option<PyObjectRef>,
    fold: i64,
) -> PyResult {
    if cls.is(ty_datetime(vm).as_object()) {
        check_date(vm, f[0], f[1], f[2])?;
        check_time(vm, f[3], f[4], f[5], f[6], fold)?;
        let p = Dt {
            y: f[0],
            mo: f[1],
            d: f[2],
            h: f[3],
            mi: f[4],
            s: f[5],
            us: f[6],
            fold,
            tz,
            is_dt: true,
        };
        return Ok(vm.try_alloc(p, cls)?.into_object());
    }
    let mut a: Vec<PyObjectRef> = f.iter().map(|v| vm.new_int(*v)).collect();
    a.push(tz_obj(vm, &tz));
    if fold != 0 {
        a.push(vm.new_int(fold));
        return vm.call_kw(cls, &a, &[vm.new_str("fold")]);
    }
    vm.call(cls, &a)
}

pub(crate) fn fields(p: &Dt) -> [i64; 7] {
    [p.y, p.mo, p.d, p.h, p.mi, p.s, p.us]
}

fn state_bytes(a: &PyObjectRef) -> Option<Vec<u8>> {
    let data = super::pickle_bytes(a)?;
    (data.len() == 10 && (1..=12).contains(&(data[2] & 0x7f))).then_some(data)
}

fn datetime_new(vm: &Vm, args: Args) -> PyResult {
    let cls = super::new_cls(vm, &args, &ty_datetime(vm))?;
    let a = args.shift();
    if (1..=2).contains(&a.pos().len()) && a.kwnames.is_empty() {
        if let Some(b) = state_bytes(&a.pos()[0]) {
            let tz = match a.pos().get(1) {
                Some(t) => {
                    check_tzinfo(vm, t).map_err(|_| vm.new_type_error("bad tzinfo state arg"))?
                }
                None => None,
            };
            let p = Dt {
                y: (b[0] as i64) << 8 | b[1] as i64,
                mo: (b[2] & 0x7f) as i64,
                d: b[3] as i64,
                h: b[4] as i64,
                mi: b[5] as i64,
                s: b[6] as i64,
                us: (b[7] as i64) << 16 | (b[8] as i64) << 8 | b[9] as i64,
                fold: (b[2] >> 7) as i64,
                tz,
                is_dt: true,
            };
            return Ok(vm.try_alloc(p, cls)?.into_object());
        }
    }
    let v = super::parse_kw(vm, &a, None, DT_NAMES, 3, 8)?;
    let mut f = [0i64; 7];
    for i in 0..7 {
        f[i] = int_or(vm, v[i], 0)?;
    }
    let tz = match v[7] {
        Some(t) => check_tzinfo(vm, t)?,
        None => None,
    };
    let fold = int_or(vm, v[8], 0)?;
    check_date(vm, f[0], f[1], f[2])?;
    check_time(vm, f[3], f[4], f[5], f[6], fold)?;
    let p = Dt {
        y: f[0],
        mo: f[1],
        d: f[2],
        h: f[3],
        mi: f[4],
        s: f[5],
        us: f[6],
        fold,
        tz,
        is_dt: true,
    };
    Ok(vm.try_alloc(p, cls)?.into_object())
}

// ----- local time -------------------------------------------------------------------------

const MAX_FOLD_SECONDS: i64 = 24 * 3600;
/// `utc_to_seconds(1970, 1, 1, 0, 0, 0)`.
pub(crate) const EPOCH: i64 = 719_163 * 86_400;

pub(crate) fn utc_to_seconds(
    vm: &Vm,
    y: i64,
    m: i64,
    d: i64,
    h: i64,
    mi: i64,
    s: i64,
) -> PyResult<i64> {
    if !(MINYEAR..=MAXYEAR).contains(&y) {
        return Err(vm.new_value_error(format!("year {y} is out of range")));
    }
    Ok(((ymd_to_ord(y, m, d) * 24 + h) * 60 + mi) * 60 + s)
}

/// Local wall time (as seconds since 0001-01-01) of UTC seconds `u`.
fn local(vm: &Vm, u: i64) -> PyResult<i64> {
    let tm = localtime_tm(u - EPOCH)
        .ok_or_else(|| vm.new_overflow_error("timestamp out of range for platform time_t"))?;
    utc_to_seconds(vm, tm.year, tm.mon + 1, tm.mday, tm.hour, tm.min, tm.sec)
}

/// UTC seconds of a local wall time, choosing by `fold` in a repeated
/// hour and past a gap.
pub(crate) fn local_to_seconds(vm: &Vm, f: [i64; 7], fold: i64) -> PyResult<i64> {
    let t = utc_to_seconds(vm, f[0], f[1], f[2], f[3], f[4], f[5])?;
    let lt = local(vm, t)?;
    let a = lt - t;
    let u1 = t - a;
    let t1 = local(vm, u1)?;
    let b;
    if t1 == t {
        let u2 = if fold != 0 {
            u1 + MAX_FOLD_SECONDS
        } else {
            u1 - MAX_FOLD_SECONDS
        };
        let lt2 = local(vm, u2)?;
        b = lt2 - u2;
        if a == b {
            return Ok(u1);
        }
    } else {
        b = t1 - u1;
    }
    let u2 = t - b;
    let t2 = local(vm, u2)?;
    if t2 == t {
        return Ok(u2);
    }
    if t1 == t {
        return Ok(u1);
    }
    Ok(if fold != 0 { u1.min(u2) } else { u1.max(u2) })
}

/// The fixed-offset zone local time has at POSIX time `ts`.
pub(crate) fn local_timezone_at(vm: &Vm, ts: i64) -> PyResult {
    let tm = localtime_tm(ts)
        .ok_or_else(|| vm.new_overflow_error("timestamp out of range for platform time_t"))?;
    let off = super::delta::new_delta(vm, 0, tm.gmtoff, 0)?;
    let name = tm.zone.map(|z| vm.new_str(z));
    new_timezone(vm, off, name)
}

/// C's `datetime_from_timet_and_us`: local time (with fold detection)
/// or UTC, then `tz.fromutc` when a zone is given.
pub(crate) fn from_timet(
    vm: &Vm,
    cls: &PyObjectRef,
    utc: bool,
    t: i64,
    us: i64,
    tz: Option<PyObjectRef>,
) -> PyResult {
    let tm = if utc { gmtime_tm(t) } else { localtime_tm(t) }
        .ok_or_else(|| vm.new_overflow_error("timestamp out of range for platform time_t"))?;
    let sec = tm.sec.min(59);
    let mut fold = 0;
    if tz.is_none() && !utc {
        let result = utc_to_seconds(vm, tm.year, tm.mon + 1, tm.mday, tm.hour, tm.min, sec)?;
        let probe = local(vm, EPOCH + t - MAX_FOLD_SECONDS)?;
        let transition = result - probe - MAX_FOLD_SECONDS;
        if transition < 0 {
            let probe = local(vm, EPOCH + t + transition)?;
            if probe == result {
                fold = 1;
            }
        }
    }
    let f = [tm.year, tm.mon + 1, tm.mday, tm.hour, tm.min, sec, us];
    let r = make_dt(vm, cls, f, tz.clone(), fold)?;
    match tz {
        Some(tz) => vm.call_method(&tz, "fromutc", &[r]),
        None => Ok(r),
    }
}

fn tz_arg(vm: &Vm, o: Option<&PyObjectRef>) -> PyResult<Option<PyObjectRef>> {
    match o {
        Some(t) => check_tzinfo(vm, t),
        None => Ok(None),
    }
}

fn c_fromtimestamp(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    let a = args.shift();
    let [ts, tz] = parse(vm, &a, Some("fromtimestamp"), ["timestamp", "tz"], 1)?;
    let tz = tz_arg(vm, tz)?;
    let (t, us) = timestamp_arg(vm, ts.unwrap_or(&vm.none), true)?;
    let utc = tz.is_some();
    from_timet(vm, cls, utc, t, us, tz)
}

fn c_utcfromtimestamp(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    let ts = one_arg(vm, &args, "utcfromtimestamp")?;
    let (t, us) = timestamp_arg(vm, ts, true)?;
    from_timet(vm, cls, true, t, us, None)
}

fn now_timeval(vm: &Vm) -> PyResult<(i64, i64)> {
    let f = super::import_attr(vm, "time", "time_ns")?;
    let ns = vm.call(&f, &[])?;
    let ns = crate::types::int::as_i64(&ns).unwrap_or(0);
    Ok((
        ns.div_euclid(1_000_000_000),
        ns.rem_euclid(1_000_000_000) / 1000,
    ))
}

fn c_now(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    let a = args.shift();
    let [tz] = parse(vm, &a, Some("now"), ["tz"], 0)?;
    let tz = tz_arg(vm, tz)?;
    let (t, us) = now_timeval(vm)?;
    let utc = tz.is_some();
    from_timet(vm, cls, utc, t, us, tz)
}

fn c_utcnow(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    super::no_args(vm, &args, "datetime.utcnow")?;
    let (t, us) = now_timeval(vm)?;
    from_timet(vm, cls, true, t, us, None)
}

fn c_combine(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    let a = args.shift();
    let [d, t, tz] = parse(vm, &a, Some("combine"), ["date", "time", "tzinfo"], 2)?;
    let (d, t) = (d.unwrap_or(&vm.none), t.unwrap_or(&vm.none));
    let Some(dp) = as_date(d) else {
        return Err(vm.new_type_error(format!(
            "combine() argument 1 must be datetime.date, not {}",
            vm.type_name(d)
        )));
    };
    let Some(tp) = as_time(t) else {
        return Err(vm.new_type_error(format!(
            "combine() argument 2 must be datetime.time, not {}",
            vm.type_name(t)
        )));
    };
    let tz = match tz {
        Some(z) => check_tzinfo(vm, z)?,
        None => tp.tz.clone(),
    };
    make_dt(
        vm,
        cls,
        [dp.y, dp.mo, dp.d, tp.h, tp.mi, tp.s, tp.us],
        tz,
        tp.fold,
    )
}

fn c_strptime(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    let a = args.shift();
    let [s, f] = parse(vm, &a, Some("strptime"), ["string", "format"], 2)?;
    for (i, o) in [s, f].iter().enumerate() {
        let o = o.unwrap_or(&vm.none);
        if o.downcast_ref::<PyStr>().is_none() {
            return Err(vm.new_type_error(format!(
                "strptime() argument {} must be str, not {}",
                i + 1,
                vm.type_name(o)
            )));
        }
    }
    let g = super::import_attr(vm, "_strptime", "_strptime_datetime")?;
    vm.call(
        &g,
        &[
            cls.clone(),
            s.unwrap_or(&vm.none).clone(),
            f.unwrap_or(&vm.none).clone(),
        ],
    )
}

fn c_fromisoformat(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    let s = one_arg(vm, &args, "fromisoformat")?;
    let Some(text) = s.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error("fromisoformat: argument must be str"));
    };
    let bad = || -> PyResult {
        Err(vm.new_value_error(format!("Invalid isoformat string: {}", vm.repr_string(s)?)))
    };
    let b = &iso::iso_bytes(text.as_str())[..];
    let Some(sep) = iso::find_sep(b) else {
        return bad();
    };
    let Some((y, m, d)) = iso::parse_date(b, sep) else {
        return bad();
    };
    let mut tv = [0i64; 4];
    let mut tz = None;
    if b.len() > sep {
        let Some((v, off)) = iso::parse_time(&b[sep + 1..]) else {
            return bad();
        };
        tv = v;
        if let Some((secs, us)) = off {
            tz = Some(tz_from_offset(vm, secs, us)?);
        }
    }
    make_dt(vm, cls, [y, m, d, tv[0], tv[1], tv[2], tv[3]], tz, 0)
}

pub(crate) fn init(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", datetime_new);
    vm.add_classmethod(t, "fromtimestamp", c_fromtimestamp);
    vm.add_classmethod(t, "utcfromtimestamp", c_utcfromtimestamp);
    vm.add_classmethod(t, "now", c_now);
    vm.add_classmethod(t, "utcnow", c_utcnow);
    vm.add_classmethod(t, "combine", c_combine);
    vm.add_classmethod(t, "strptime", c_strptime);
    vm.add_classmethod(t, "fromisoformat", c_fromisoformat);
    super::datetime_ops::init_methods(vm, t);
    let mk = |f: [i64; 7]| {
        vm.alloc(
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
            },
            t,
        )
    };
    vm.set_type_attr(t, "min", mk([1, 1, 1, 0, 0, 0, 0]));
    vm.set_type_attr(t, "max", mk([9999, 12, 31, 23, 59, 59, 999_999]));
    vm.set_type_attr(
        t,
        "resolution",
        vm.alloc(super::Delta { d: 0, s: 0, us: 1 }, &super::ty_delta(vm)),
    );
    let _ = local_tm;
}
