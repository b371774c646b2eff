//! `datetime.date` and `datetime.IsoCalendarDate`.

use super::delta::new_delta;
use super::{
    as_date, as_datetime, as_delta, check_date, days_before_month, int_i, iso, iso_week1_monday,
    no_args, not_impl, one_arg, ord_to_ymd, parse, ty_date, ty_datetime, ty_delta, ty_isocal,
    weekday, ymd_to_ord, Delta, Dt, MAXYEAR, MAX_ORDINAL, MINYEAR,
};
use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::PyTypeRef;
use crate::{PyObjectRef, PyResult, Vm};

pub(crate) const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub(crate) fn date_payload(y: i64, mo: i64, d: i64) -> Dt {
    Dt {
        y,
        mo,
        d,
        h: 0,
        mi: 0,
        s: 0,
        us: 0,
        fold: 0,
        tz: None,
        is_dt: false,
    }
}

/// A date of class `cls`: allocated directly for the builtin classes,
/// through `cls(y, m, d)` for subclasses (so their `__new__` runs).
pub(crate) fn make_date(vm: &Vm, cls: &PyObjectRef, y: i64, m: i64, d: i64) -> PyResult {
    if cls.is(ty_date(vm).as_object()) {
        check_date(vm, y, m, d)?;
        return Ok(vm.try_alloc(date_payload(y, m, d), cls)?.into_object());
    }
    if cls.is(ty_datetime(vm).as_object()) {
        check_date(vm, y, m, d)?;
        let mut p = date_payload(y, m, d);
        p.is_dt = true;
        return Ok(vm.try_alloc(p, cls)?.into_object());
    }
    vm.call(cls, &[vm.new_int(y), vm.new_int(m), vm.new_int(d)])
}

/// The 4-byte pickle state form of `date(...)`, if `a` is one.
fn state_bytes(a: &PyObjectRef, len: usize) -> Option<Vec<u8>> {
    let data = super::pickle_bytes(a)?;
    (data.len() == len && (1..=12).contains(&(data[2] & 0x7f))).then_some(data)
}

fn date_new(vm: &Vm, args: Args) -> PyResult {
    let cls = super::new_cls(vm, &args, &ty_date(vm))?;
    let a = args.shift();
    if a.pos().len() == 1 && a.kwnames.is_empty() {
        if let Some(b) = state_bytes(&a.pos()[0], 4) {
            let y = (b[0] as i64) << 8 | b[1] as i64;
            let p = date_payload(y, b[2] as i64, b[3] as i64);
            return Ok(vm.try_alloc(p, cls)?.into_object());
        }
    }
    let [y, m, d] = parse(vm, &a, None, ["year", "month", "day"], 3)?;
    let (y, m, d) = (
        int_i(vm, y.unwrap_or(&vm.none))?,
        int_i(vm, m.unwrap_or(&vm.none))?,
        int_i(vm, d.unwrap_or(&vm.none))?,
    );
    check_date(vm, y, m, d)?;
    Ok(vm.try_alloc(date_payload(y, m, d), cls)?.into_object())
}

pub(crate) fn me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Dt> {
    args.pos()
        .first()
        .and_then(as_date)
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'datetime.date' object"))
}

/// A timestamp argument as whole seconds (rounded toward -inf) plus
/// microseconds rounded half-even, with C's errors.
pub(crate) fn timestamp_arg(vm: &Vm, o: &PyObjectRef, us_round: bool) -> PyResult<(i64, i64)> {
    if let Some(f) = o.downcast_ref::<crate::types::float::PyFloat>() {
        let v = f.value;
        if v.is_nan() {
            return Err(vm.new_value_error("Invalid value NaN (not a number)"));
        }
        // C's `_PyTime_DoubleToDenominator`: split at the truncation, round
        // the fraction's microseconds half to even, then carry.
        let (mut secs, mut us) = if us_round {
            let ip = v.trunc();
            (ip, ((v - ip) * 1e6).round_ties_even())
        } else {
            (v.floor(), 0.0)
        };
        if us >= 1e6 {
            us -= 1e6;
            secs += 1.0;
        } else if us < 0.0 {
            us += 1e6;
            secs -= 1.0;
        }
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&secs) {
            return Err(vm.new_overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok((secs as i64, us as i64));
    }
    let v = vm.index(o)?;
    match crate::types::int::as_i64(&v) {
        Some(n) => Ok((n, 0)),
        None => Err(vm.new_overflow_error("timestamp out of range for platform time_t")),
    }
}

pub(crate) fn local_tm(vm: &Vm, secs: i64) -> PyResult<crate::modules::time_calendar::Tm> {
    crate::modules::time_calendar::localtime_tm(secs)
        .filter(|tm| (MINYEAR..=MAXYEAR).contains(&tm.year))
        .ok_or_else(|| vm.new_overflow_error("timestamp out of range for platform time_t"))
}

fn c_fromtimestamp(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    let t = one_arg(vm, &args, "fromtimestamp")?;
    let (secs, _) = timestamp_arg(vm, t, false)?;
    let tm = crate::modules::time_calendar::localtime_tm(secs)
        .ok_or_else(|| vm.new_overflow_error("timestamp out of range for platform time_t"))?;
    make_date(vm, cls, tm.year, tm.mon + 1, tm.mday)
}

fn c_today(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    no_args(vm, &args, "date.today")?;
    let now = super::import_attr(vm, "time", "time")?;
    let t = vm.call(&now, &[])?;
    vm.call_method(cls, "fromtimestamp", &[t])
}

fn c_fromordinal(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    let n = int_i(vm, one_arg(vm, &args, "fromordinal")?)?;
    if n < 1 {
        return Err(vm.new_value_error("ordinal must be >= 1"));
    }
    let (y, m, d) = ord_to_ymd(n);
    make_date(vm, cls, y, m, d)
}

fn c_fromisoformat(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    let s = one_arg(vm, &args, "fromisoformat")?;
    let Some(text) = s.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error("fromisoformat: argument must be str"));
    };
    let bad = || {
        vm.repr_string(s)
            .map(|r| vm.new_value_error(format!("Invalid isoformat string: {r}")))
            .unwrap_or_else(|e| e)
    };
    let b = &iso::iso_bytes(text.as_str())[..];
    let ymd = if matches!(b.len(), 7 | 8 | 10) {
        iso::parse_date(b, b.len())
    } else {
        None
    };
    match ymd {
        Some((y, m, d)) => make_date(vm, cls, y, m, d),
        None => Err(bad()),
    }
}

fn c_fromisocalendar(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    let a = args.shift();
    let [y, w, d] = parse(vm, &a, Some("fromisocalendar"), ["year", "week", "day"], 3)?;
    let comp = |o: Option<&PyObjectRef>| {
        int_i(vm, o.unwrap_or(&vm.none)).map_err(|e| {
            if vm.exc_matches(&e, &vm.exc.OverflowError) {
                vm.new_value_error("ISO calendar component out of range")
            } else {
                e
            }
        })
    };
    let (y, w, d) = (comp(y)?, comp(w)?, comp(d)?);
    match iso::iso_to_ymd(y, w, d) {
        Ok((y, m, d)) => make_date(vm, cls, y, m, d),
        Err(msg) => Err(vm.new_value_error(msg)),
    }
}

// ----- instance methods -------------------------------------------------------------------

pub(crate) fn ctime_text(p: &Dt) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {:04}",
        DAY_NAMES[weekday(p.y, p.mo, p.d) as usize],
        MONTH_NAMES[(p.mo - 1).clamp(0, 11) as usize],
        p.d,
        p.h,
        p.mi,
        p.s,
        p.y
    )
}

/// `time.struct_time((y, m, d, hh, mm, ss, wday, yday, dst))`.
pub(crate) fn struct_time(vm: &Vm, p: &Dt, dst: i64) -> PyResult {
    let st = super::import_attr(vm, "time", "struct_time")?;
    let yday = days_before_month(p.y, p.mo) + p.d;
    let items = [
        p.y,
        p.mo,
        p.d,
        p.h,
        p.mi,
        p.s,
        weekday(p.y, p.mo, p.d),
        yday,
        dst,
    ];
    let t = vm.new_tuple(items.iter().map(|v| vm.new_int(*v)).collect());
    vm.call(&st, &[t])
}

fn m_ctime(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    no_args(vm, &args, "date.ctime")?;
    Ok(vm.new_str(ctime_text(p)))
}

fn m_timetuple(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    no_args(vm, &args, "date.timetuple")?;
    struct_time(vm, &date_payload(p.y, p.mo, p.d), -1)
}

fn m_strftime(vm: &Vm, args: Args) -> PyResult {
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
    let _ = p;
    let tt = vm.call_method(super::first(vm, &args)?, "timetuple", &[])?;
    iso::wrap_strftime(vm, fs.as_str(), tt, None, &vm.none, 0)
}

pub(crate) fn m_format(vm: &Vm, args: Args) -> PyResult {
    let me_ = super::first(vm, &args)?;
    let f = one_arg(vm, &args, "__format__")?;
    let Some(fs) = f.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "__format__() argument 1 must be str, not {}",
            vm.type_name(f)
        )));
    };
    if fs.as_str().is_empty() {
        return Ok(vm.str(me_)?.into_object());
    }
    vm.call_method(me_, "strftime", std::slice::from_ref(f))
}

fn m_isoformat(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    no_args(vm, &args, "date.isoformat")?;
    Ok(vm.new_str(format!("{:04}-{:02}-{:02}", p.y, p.mo, p.d)))
}

fn m_str(vm: &Vm, args: Args) -> PyResult {
    vm.call_method(super::first(vm, &args)?, "isoformat", &[])
}

fn m_repr(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    Ok(vm.new_str(format!(
        "{}({}, {}, {})",
        vm.type_name(super::first(vm, &args)?),
        p.y,
        p.mo,
        p.d
    )))
}

fn m_toordinal(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    no_args(vm, &args, "date.toordinal")?;
    Ok(vm.new_int(ymd_to_ord(p.y, p.mo, p.d)))
}

fn m_weekday(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    no_args(vm, &args, "date.weekday")?;
    Ok(vm.new_int(weekday(p.y, p.mo, p.d)))
}

fn m_isoweekday(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    no_args(vm, &args, "date.isoweekday")?;
    Ok(vm.new_int(weekday(p.y, p.mo, p.d) + 1))
}

pub(crate) fn new_isocal(vm: &Vm, y: i64, w: i64, d: i64) -> PyResult {
    let t = PyTuple::new(vec![vm.new_int(y), vm.new_int(w), vm.new_int(d)]);
    Ok(vm.try_alloc(t, ty_isocal(vm).as_object())?.into_object())
}

fn m_isocalendar(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    no_args(vm, &args, "date.isocalendar")?;
    let mut year = p.y;
    let today = ymd_to_ord(p.y, p.mo, p.d);
    let mut w1 = iso_week1_monday(year);
    let mut week = (today - w1).div_euclid(7);
    let mut day = (today - w1).rem_euclid(7);
    if week < 0 {
        year -= 1;
        w1 = iso_week1_monday(year);
        week = (today - w1).div_euclid(7);
        day = (today - w1).rem_euclid(7);
    } else if week >= 52 && today >= iso_week1_monday(year + 1) {
        year += 1;
        week = 0;
    }
    new_isocal(vm, year, week + 1, day + 1)
}

fn m_replace(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    let a = args.shift();
    let [y, m, d] = parse(vm, &a, Some("replace"), ["year", "month", "day"], 0)?;
    let y = super::int_or(vm, y, p.y)?;
    let m = super::int_or(vm, m, p.mo)?;
    let d = super::int_or(vm, d, p.d)?;
    check_date(vm, y, m, d)?;
    make_date(vm, args.pos()[0].class(), y, m, d)
}

/// `date ± days` into class `cls`.
fn add_days(vm: &Vm, p: &Dt, cls: &PyObjectRef, days: i64) -> PyResult {
    let ord = ymd_to_ord(p.y, p.mo, p.d) + days;
    if !(1..=MAX_ORDINAL).contains(&ord) {
        return Err(vm.new_overflow_error("date value out of range"));
    }
    let (y, m, d) = ord_to_ymd(ord);
    make_date(vm, cls, y, m, d)
}

fn m_radd(vm: &Vm, args: Args) -> PyResult {
    m_add(vm, args)
}

fn m_add(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = super::binop_args(vm, &args)?;
    if as_datetime(a).is_some() || as_datetime(b).is_some() {
        return not_impl(vm);
    }
    match (as_date(a), as_delta(b)) {
        (Some(p), Some(dl)) => add_days(vm, p, a.class(), dl.d),
        _ => not_impl(vm),
    }
}

fn m_sub(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = super::binop_args(vm, &args)?;
    if as_datetime(a).is_some() || as_datetime(b).is_some() {
        return not_impl(vm);
    }
    let Some(p) = as_date(a) else {
        return not_impl(vm);
    };
    if let Some(q) = as_date(b) {
        let diff = ymd_to_ord(p.y, p.mo, p.d) - ymd_to_ord(q.y, q.mo, q.d);
        return new_delta(vm, diff, 0, 0);
    }
    if let Some(dl) = b.downcast_ref::<Delta>() {
        return add_days(vm, p, a.class(), -dl.d);
    }
    not_impl(vm)
}

fn m_cmp(vm: &Vm, args: Args, op: &str) -> PyResult {
    // Compares the date fields of any date, datetimes included (as C does;
    // `date == datetime` is decided by datetime's reflected method first).
    let p = me(vm, &args)?;
    match args.pos().get(1).and_then(as_date) {
        Some(q) => Ok(super::cmp_result(
            vm,
            (p.y, p.mo, p.d).cmp(&(q.y, q.mo, q.d)),
            op,
        )),
        _ => not_impl(vm),
    }
}

fn m_hash(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    Ok(vm.new_int(PyBytes::new(date_state(p)).hash()))
}

pub(crate) fn date_state(p: &Dt) -> Vec<u8> {
    vec![(p.y >> 8) as u8, (p.y & 0xff) as u8, p.mo as u8, p.d as u8]
}

fn m_reduce(vm: &Vm, args: Args) -> PyResult {
    let p = me(vm, &args)?;
    let b = crate::types::bytes_methods::new_bytes(vm, date_state(p));
    Ok(vm.new_tuple(vec![args.pos()[0].class().clone(), vm.new_tuple(vec![b])]))
}

pub(crate) fn init(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", date_new);
    vm.add_classmethod(t, "fromtimestamp", c_fromtimestamp);
    vm.add_classmethod(t, "today", c_today);
    vm.add_classmethod(t, "fromordinal", c_fromordinal);
    vm.add_classmethod(t, "fromisoformat", c_fromisoformat);
    vm.add_classmethod(t, "fromisocalendar", c_fromisocalendar);
    let methods: [(&'static str, crate::args::NativeFn); 17] = [
        ("ctime", m_ctime),
        ("strftime", m_strftime),
        ("__format__", m_format),
        ("timetuple", m_timetuple),
        ("isocalendar", m_isocalendar),
        ("isoformat", m_isoformat),
        ("isoweekday", m_isoweekday),
        ("toordinal", m_toordinal),
        ("weekday", m_weekday),
        ("replace", m_replace),
        ("__reduce__", m_reduce),
        ("__repr__", m_repr),
        ("__str__", m_str),
        ("__add__", m_add),
        ("__radd__", m_radd),
        ("__sub__", m_sub),
        ("__hash__", m_hash),
    ];
    for (n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_method(t, "__lt__", |vm, a| m_cmp(vm, a, "__lt__"));
    vm.add_method(t, "__le__", |vm, a| m_cmp(vm, a, "__le__"));
    vm.add_method(t, "__eq__", |vm, a| m_cmp(vm, a, "__eq__"));
    vm.add_method(t, "__ne__", |vm, a| m_cmp(vm, a, "__ne__"));
    vm.add_method(t, "__gt__", |vm, a| m_cmp(vm, a, "__gt__"));
    vm.add_method(t, "__ge__", |vm, a| m_cmp(vm, a, "__ge__"));
    vm.add_getset(t, "year", |vm, o| Ok(vm.new_int(get(vm, o)?.y)), None);
    vm.add_getset(t, "month", |vm, o| Ok(vm.new_int(get(vm, o)?.mo)), None);
    vm.add_getset(t, "day", |vm, o| Ok(vm.new_int(get(vm, o)?.d)), None);
    vm.set_type_attr(t, "min", vm.alloc(date_payload(1, 1, 1), t));
    vm.set_type_attr(t, "max", vm.alloc(date_payload(9999, 12, 31), t));
    vm.set_type_attr(
        t,
        "resolution",
        vm.alloc(Delta { d: 1, s: 0, us: 0 }, &ty_delta(vm)),
    );
}

fn get<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Dt> {
    as_date(o).ok_or_else(|| vm.new_type_error("descriptor requires a 'datetime.date' object"))
}

// ----- IsoCalendarDate -------------------------------------------------------------------------

fn isocal_items(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<PyObjectRef>> {
    o.downcast_ref::<PyTuple>()
        .map(|t| t.as_slice().to_vec())
        .filter(|v| v.len() == 3)
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'datetime.IsoCalendarDate' object"))
}

fn isocal_new(vm: &Vm, args: Args) -> PyResult {
    let cls = super::new_cls(vm, &args, &super::ty_isocal(vm))?;
    let a = args.shift();
    let [y, w, d] = parse(vm, &a, None, ["year", "week", "weekday"], 3)?;
    let vals: Vec<PyObjectRef> = [y, w, d]
        .iter()
        .map(|o| int_i(vm, o.unwrap_or(&vm.none)).map(|v| vm.new_int(v)))
        .collect::<PyResult<_>>()?;
    Ok(vm.try_alloc(PyTuple::new(vals), cls)?.into_object())
}

fn isocal_repr(vm: &Vm, args: Args) -> PyResult {
    let v = isocal_items(vm, super::first(vm, &args)?)?;
    Ok(vm.new_str(format!(
        "datetime.IsoCalendarDate(year={}, week={}, weekday={})",
        vm.repr_string(&v[0])?,
        vm.repr_string(&v[1])?,
        vm.repr_string(&v[2])?
    )))
}

fn isocal_reduce(vm: &Vm, args: Args) -> PyResult {
    let v = isocal_items(vm, super::first(vm, &args)?)?;
    Ok(vm.new_tuple(vec![
        vm.types.tuple.as_object().clone(),
        vm.new_tuple(vec![vm.new_tuple(v)]),
    ]))
}

pub(crate) fn init_isocal(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", isocal_new);
    vm.add_method(t, "__repr__", isocal_repr);
    vm.add_method(t, "__reduce__", isocal_reduce);
    vm.add_getset(t, "year", |vm, o| Ok(isocal_items(vm, o)?[0].clone()), None);
    vm.add_getset(t, "week", |vm, o| Ok(isocal_items(vm, o)?[1].clone()), None);
    vm.add_getset(
        t,
        "weekday",
        |vm, o| Ok(isocal_items(vm, o)?[2].clone()),
        None,
    );
    let _ = (MINYEAR, MAXYEAR);
}
