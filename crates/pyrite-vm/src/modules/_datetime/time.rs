//! `datetime.time`.

use super::iso::{format_utcoffset, parse_time, time_text, wrap_strftime};
use super::tz::{call_dst, call_tzname, call_utcoffset, new_timezone, offset_obj};
use super::{
    as_time, check_time, check_tzinfo, int_or, not_impl, one_arg, parse, ty_time, tz_obj, Time,
};
use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::str::PyStr;
use crate::types::typeobj::PyTypeRef;
use crate::{PyObjectRef, PyResult, Vm};

fn state_bytes(a: &PyObjectRef) -> Option<Vec<u8>> {
    let data = super::pickle_bytes(a)?;
    (data.len() == 6 && (data[0] & 0x7f) < 24).then_some(data)
}

pub(crate) fn new_time(
    vm: &Vm,
    cls: &PyObjectRef,
    v: [i64; 4],
    tz: Option<PyObjectRef>,
    fold: i64,
) -> PyResult {
    check_time(vm, v[0], v[1], v[2], v[3], fold)?;
    let t = Time {
        h: v[0],
        mi: v[1],
        s: v[2],
        us: v[3],
        fold,
        tz,
    };
    Ok(vm.try_alloc(t, cls)?.into_object())
}

fn time_new(vm: &Vm, args: Args) -> PyResult {
    let cls = super::new_cls(vm, &args, &ty_time(vm))?;
    let a = args.shift();
    if (1..=2).contains(&a.pos().len()) && a.kwnames.is_empty() {
        if let Some(b) = state_bytes(&a.pos()[0]) {
            let tz = match a.pos().get(1) {
                Some(t) => {
                    check_tzinfo(vm, t).map_err(|_| vm.new_type_error("bad tzinfo state arg"))?
                }
                None => None,
            };
            let t = Time {
                h: (b[0] & 0x7f) as i64,
                mi: b[1] as i64,
                s: b[2] as i64,
                us: (b[3] as i64) << 16 | (b[4] as i64) << 8 | b[5] as i64,
                fold: (b[0] >> 7) as i64,
                tz,
            };
            return Ok(vm.try_alloc(t, cls)?.into_object());
        }
    }
    let names = ["hour", "minute", "second", "microsecond", "tzinfo", "fold"];
    let v = super::parse_kw(vm, &a, None, names, 0, 5)?;
    let h = int_or(vm, v[0], 0)?;
    let mi = int_or(vm, v[1], 0)?;
    let s = int_or(vm, v[2], 0)?;
    let us = int_or(vm, v[3], 0)?;
    let tz = match v[4] {
        Some(t) => check_tzinfo(vm, t)?,
        None => None,
    };
    let fold = int_or(vm, v[5], 0)?;
    new_time(vm, cls, [h, mi, s, us], tz, fold)
}

fn me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Time> {
    args.pos()
        .first()
        .and_then(as_time)
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'datetime.time' object"))
}

fn utcoffset_of(vm: &Vm, t: &Time) -> PyResult<Option<(i64, i64, i64)>> {
    match &t.tz {
        Some(tz) => call_utcoffset(vm, tz, &vm.none),
        None => Ok(None),
    }
}

fn m_utcoffset(vm: &Vm, args: Args) -> PyResult {
    let t = me(vm, &args)?;
    super::no_args(vm, &args, "time.utcoffset")?;
    offset_obj(vm, utcoffset_of(vm, t)?)
}

fn m_dst(vm: &Vm, args: Args) -> PyResult {
    let t = me(vm, &args)?;
    super::no_args(vm, &args, "time.dst")?;
    match &t.tz {
        Some(tz) => offset_obj(vm, call_dst(vm, tz, &vm.none)?),
        None => Ok(vm.none.clone()),
    }
}

fn m_tzname(vm: &Vm, args: Args) -> PyResult {
    let t = me(vm, &args)?;
    super::no_args(vm, &args, "time.tzname")?;
    match &t.tz {
        Some(tz) => Ok(call_tzname(vm, tz, &vm.none)?.unwrap_or_else(|| vm.none.clone())),
        None => Ok(vm.none.clone()),
    }
}

pub(crate) fn repr_fields(h: i64, mi: i64, s: i64, us: i64) -> String {
    if us != 0 {
        format!("{h}, {mi}, {s}, {us}")
    } else if s != 0 {
        format!("{h}, {mi}, {s}")
    } else {
        format!("{h}, {mi}")
    }
}

fn m_repr(vm: &Vm, args: Args) -> PyResult {
    let t = me(vm, &args)?;
    let mut out = format!(
        "{}({}",
        vm.type_name(super::first(vm, &args)?),
        repr_fields(t.h, t.mi, t.s, t.us)
    );
    if t.fold != 0 {
        out.push_str(", fold=1");
    }
    if let Some(tz) = &t.tz {
        out.push_str(&format!(", tzinfo={}", vm.repr_string(tz)?));
    }
    out.push(')');
    Ok(vm.new_str(out))
}

fn m_isoformat(vm: &Vm, args: Args) -> PyResult {
    let t = me(vm, &args)?;
    let a = args.shift();
    let [spec] = parse(vm, &a, Some("isoformat"), ["timespec"], 0)?;
    let spec = match spec {
        Some(s) => Some(
            s.downcast_ref::<PyStr>()
                .ok_or_else(|| {
                    vm.new_type_error(format!(
                        "isoformat() argument 1 must be str, not {}",
                        vm.type_name(s)
                    ))
                })?
                .as_str(),
        ),
        None => None,
    };
    let mut out = time_text(vm, t.h, t.mi, t.s, t.us, spec)?;
    if let Some(o) = format_utcoffset(vm, t.tz.as_ref(), &vm.none, ":")? {
        out.push_str(&o);
    }
    Ok(vm.new_str(out))
}

fn m_str(vm: &Vm, args: Args) -> PyResult {
    vm.call_method(super::first(vm, &args)?, "isoformat", &[])
}

fn m_strftime(vm: &Vm, args: Args) -> PyResult {
    let t = me(vm, &args)?;
    let a = args.shift();
    let [f] = parse(vm, &a, Some("strftime"), ["format"], 1)?;
    let f = f.unwrap_or(&vm.none);
    let Some(fs) = f.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(f)
        )));
    };
    // The date part of a time's timetuple is 1900-01-01.
    let p = super::Dt {
        y: 1900,
        mo: 1,
        d: 1,
        h: t.h,
        mi: t.mi,
        s: t.s,
        us: 0,
        fold: 0,
        tz: None,
        is_dt: false,
    };
    let tt = super::date::struct_time(vm, &p, -1)?;
    wrap_strftime(vm, fs.as_str(), tt, t.tz.as_ref(), &vm.none, t.us)
}

fn m_replace(vm: &Vm, args: Args) -> PyResult {
    let t = me(vm, &args)?;
    let a = args.shift();
    let names = ["hour", "minute", "second", "microsecond", "tzinfo", "fold"];
    let v = super::parse_kw(vm, &a, Some("replace"), names, 0, 5)?;
    let h = int_or(vm, v[0], t.h)?;
    let mi = int_or(vm, v[1], t.mi)?;
    let s = int_or(vm, v[2], t.s)?;
    let us = int_or(vm, v[3], t.us)?;
    let tz = match v[4] {
        Some(x) => check_tzinfo(vm, x)?,
        None => t.tz.clone(),
    };
    let fold = int_or(vm, v[5], t.fold)?;
    new_time(vm, args.pos()[0].class(), [h, mi, s, us], tz, fold)
}

fn c_fromisoformat(vm: &Vm, args: Args) -> PyResult {
    let cls = super::first(vm, &args)?;
    let s = one_arg(vm, &args, "fromisoformat")?;
    let Some(text) = s.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error("fromisoformat: argument must be str"));
    };
    let owned = super::iso::iso_bytes(text.as_str());
    let mut b = &owned[..];
    if b.first() == Some(&b'T') {
        b = &b[1..];
    }
    let Some((v, off)) = parse_time(b) else {
        return Err(vm.new_value_error(format!("Invalid isoformat string: {}", vm.repr_string(s)?)));
    };
    let tz = match off {
        Some((secs, us)) => Some(tz_from_offset(vm, secs, us)?),
        None => None,
    };
    if cls.is(ty_time(vm).as_object()) {
        return new_time(vm, cls, v, tz, 0);
    }
    let mut call_args: Vec<PyObjectRef> = v.iter().map(|x| vm.new_int(*x)).collect();
    call_args.push(tz_obj(vm, &tz));
    vm.call(cls, &call_args)
}

/// The tzinfo for a parsed ISO offset: UTC for zero.
pub(crate) fn tz_from_offset(vm: &Vm, secs: i64, us: i64) -> PyResult<PyObjectRef> {
    let d = super::delta::new_delta(vm, 0, secs, us)?;
    new_timezone(vm, d, None)
}

/// Seconds + microseconds since midnight, minus the UTC offset.
fn cmp_key(vm: &Vm, t: &Time) -> PyResult<(i64, i64, bool)> {
    let base = (t.h * 3600 + t.mi * 60 + t.s) * 1_000_000 + t.us;
    Ok(match utcoffset_of(vm, t)? {
        Some((d, s, us)) => (base - ((d * 86_400 + s) * 1_000_000 + us), 0, true),
        None => (base, 0, false),
    })
}

fn m_cmp(vm: &Vm, args: Args, op: &str) -> PyResult {
    let a = me(vm, &args)?;
    let Some(b) = args.pos().get(1).and_then(as_time) else {
        return not_impl(vm);
    };
    let same_tz = match (&a.tz, &b.tz) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(y),
        _ => false,
    };
    let raw = |t: &Time| (t.h, t.mi, t.s, t.us);
    if same_tz {
        return Ok(super::cmp_result(vm, raw(a).cmp(&raw(b)), op));
    }
    let oa = utcoffset_of(vm, a)?;
    let ob = utcoffset_of(vm, b)?;
    if oa == ob {
        return Ok(super::cmp_result(vm, raw(a).cmp(&raw(b)), op));
    }
    if oa.is_some() && ob.is_some() {
        let ka = cmp_key(vm, a)?;
        let kb = cmp_key(vm, b)?;
        return Ok(super::cmp_result(vm, ka.0.cmp(&kb.0), op));
    }
    match op {
        "__eq__" => Ok(vm.false_.clone()),
        "__ne__" => Ok(vm.true_.clone()),
        _ => Err(vm.new_type_error("can't compare offset-naive and offset-aware times")),
    }
}

fn state(t: &Time, fold_in_hour: bool) -> Vec<u8> {
    let h = t.h as u8 | if fold_in_hour && t.fold != 0 { 0x80 } else { 0 };
    vec![
        h,
        t.mi as u8,
        t.s as u8,
        (t.us >> 16) as u8,
        (t.us >> 8 & 0xff) as u8,
        (t.us & 0xff) as u8,
    ]
}

fn m_hash(vm: &Vm, args: Args) -> PyResult {
    let t = me(vm, &args)?;
    // Hashed with fold=0, so that fold does not split equal times.
    let off = utcoffset_of(vm, t)?;
    match off {
        None => Ok(vm.new_int(PyBytes::new(state(t, false)).hash())),
        Some((d, s, us)) => {
            let secs = t.h * 3600 + t.mi * 60 + t.s;
            let total = (secs * 1_000_000 + t.us) - ((d * 86_400 + s) * 1_000_000 + us);
            let dd = super::delta::new_delta(vm, 0, 0, total)?;
            Ok(vm.new_int(vm.hash(&dd)?))
        }
    }
}

fn reduce_with(vm: &Vm, args: &Args, proto: i64) -> PyResult {
    let t = me(vm, args)?;
    Ok(super::pickle_reduce(vm, args, state(t, proto > 3), &t.tz))
}

fn m_reduce_ex(vm: &Vm, args: Args) -> PyResult {
    let p = one_arg(vm, &args, "__reduce_ex__")?;
    let proto = super::int_i(vm, p)?;
    reduce_with(vm, &args, proto)
}

fn m_reduce(vm: &Vm, args: Args) -> PyResult {
    reduce_with(vm, &args, 2)
}

fn get<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Time> {
    as_time(o).ok_or_else(|| vm.new_type_error("descriptor requires a 'datetime.time' object"))
}

pub(crate) fn init(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", time_new);
    vm.add_classmethod(t, "fromisoformat", c_fromisoformat);
    let methods: [(&'static str, crate::args::NativeFn); 13] = [
        ("isoformat", m_isoformat),
        ("strftime", m_strftime),
        ("__format__", super::date::m_format),
        ("utcoffset", m_utcoffset),
        ("tzname", m_tzname),
        ("dst", m_dst),
        ("replace", m_replace),
        ("__reduce_ex__", m_reduce_ex),
        ("__reduce__", m_reduce),
        ("__repr__", m_repr),
        ("__str__", m_str),
        ("__hash__", m_hash),
        ("__lt__", |vm, a| m_cmp(vm, a, "__lt__")),
    ];
    for (n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_method(t, "__le__", |vm, a| m_cmp(vm, a, "__le__"));
    vm.add_method(t, "__eq__", |vm, a| m_cmp(vm, a, "__eq__"));
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
    let mk = |h, mi, s, us| {
        vm.alloc(
            Time {
                h,
                mi,
                s,
                us,
                fold: 0,
                tz: None,
            },
            t,
        )
    };
    vm.set_type_attr(t, "min", mk(0, 0, 0, 0));
    vm.set_type_attr(t, "max", mk(23, 59, 59, 999_999));
    vm.set_type_attr(
        t,
        "resolution",
        vm.alloc(super::Delta { d: 0, s: 0, us: 1 }, &super::ty_delta(vm)),
    );
}
