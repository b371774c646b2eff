//! `datetime.tzinfo` (the abstract base) and `datetime.timezone` (fixed
//! offsets), and the checked calls of `utcoffset`/`dst`/`tzname` that the
//! other types make.

use super::delta::new_delta;
use super::iso::offset_text;
use super::{as_datetime, as_delta, not_impl, parse, ty_timezone, Delta, TimeZone, TzInfo};
use crate::args::Args;
use crate::types::str::PyStr;
use crate::types::typeobj::PyTypeRef;
use crate::{PyObjectRef, PyResult, Vm};

const RANGE_MSG: &str =
    "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)";

fn out_of_range(d: &Delta) -> bool {
    (d.d == -1 && d.s == 0 && d.us < 1) || d.d < -1 || d.d >= 1
}

/// `tz.<name>(arg)` for utcoffset/dst: None or a timedelta strictly
/// within a day, as (days, seconds, us).
fn call_offset(
    vm: &Vm,
    tz: &PyObjectRef,
    arg: &PyObjectRef,
    name: &str,
) -> PyResult<Option<(i64, i64, i64)>> {
    if tz.is(&vm.none) {
        return Ok(None);
    }
    let r = vm.call_method(tz, name, std::slice::from_ref(arg))?;
    if r.is(&vm.none) {
        return Ok(None);
    }
    match as_delta(&r) {
        Some(d) => {
            if out_of_range(d) {
                return Err(vm.new_value_error(format!("{RANGE_MSG}.")));
            }
            Ok(Some((d.d, d.s, d.us)))
        }
        None => Err(vm.new_type_error(format!(
            "tzinfo.{name}() must return None or timedelta, not '{}'",
            vm.type_name(&r)
        ))),
    }
}

pub(crate) fn call_utcoffset(
    vm: &Vm,
    tz: &PyObjectRef,
    arg: &PyObjectRef,
) -> PyResult<Option<(i64, i64, i64)>> {
    call_offset(vm, tz, arg, "utcoffset")
}

pub(crate) fn call_dst(
    vm: &Vm,
    tz: &PyObjectRef,
    arg: &PyObjectRef,
) -> PyResult<Option<(i64, i64, i64)>> {
    call_offset(vm, tz, arg, "dst")
}

pub(crate) fn call_tzname(
    vm: &Vm,
    tz: &PyObjectRef,
    arg: &PyObjectRef,
) -> PyResult<Option<PyObjectRef>> {
    if tz.is(&vm.none) {
        return Ok(None);
    }
    let r = vm.call_method(tz, "tzname", std::slice::from_ref(arg))?;
    if r.is(&vm.none) {
        return Ok(None);
    }
    if r.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "tzinfo.tzname() must return None or a string, not '{}'",
            vm.type_name(&r)
        )));
    }
    Ok(Some(r))
}

/// An offset tuple back as a timedelta object (None when naive).
pub(crate) fn offset_obj(vm: &Vm, o: Option<(i64, i64, i64)>) -> PyResult {
    match o {
        Some((d, s, us)) => new_delta(vm, d, s, us),
        None => Ok(vm.none.clone()),
    }
}

// ----- tzinfo ----------------------------------------------------------------------------

fn tzinfo_new(vm: &Vm, args: Args) -> PyResult {
    let cls = super::new_cls(vm, &args, &super::ty_tzinfo(vm))?;
    Ok(vm.try_alloc(TzInfo, cls)?.into_object())
}

fn abstract_(vm: &Vm, name: &str) -> PyResult {
    Err(vm.new_exception_msg(
        &vm.exc.NotImplementedError,
        format!("a tzinfo subclass must implement {name}()"),
    ))
}

fn arg1<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyObjectRef> {
    super::one_arg(vm, args, name)
}

fn tzinfo_tzname(vm: &Vm, args: Args) -> PyResult {
    arg1(vm, &args, "tzname")?;
    abstract_(vm, "tzname")
}
fn tzinfo_utcoffset(vm: &Vm, args: Args) -> PyResult {
    arg1(vm, &args, "utcoffset")?;
    abstract_(vm, "utcoffset")
}
fn tzinfo_dst(vm: &Vm, args: Args) -> PyResult {
    arg1(vm, &args, "dst")?;
    abstract_(vm, "dst")
}

fn tzinfo_fromutc(vm: &Vm, args: Args) -> PyResult {
    let me = super::first(vm, &args)?;
    let dt = arg1(vm, &args, "fromutc")?;
    let Some(p) = as_datetime(dt) else {
        return Err(vm.new_type_error("fromutc: argument must be a datetime"));
    };
    if !p.tz.as_ref().is_some_and(|t| t.is(me)) {
        return Err(vm.new_value_error("fromutc: dt.tzinfo is not self"));
    }
    let Some(off) = call_utcoffset(vm, me, dt)? else {
        return Err(vm.new_value_error("fromutc: non-None utcoffset() result required"));
    };
    let Some(dst) = call_dst(vm, me, dt)? else {
        return Err(vm.new_value_error("fromutc: non-None dst() result required"));
    };
    let delta = new_delta(vm, off.0 - dst.0, off.1 - dst.1, off.2 - dst.2)?;
    let result = vm.binary_op(dt, &delta, 0)?;
    match call_dst(vm, me, &result)? {
        None => {
            Err(vm.new_value_error("fromutc: tz.dst() gave inconsistent results; cannot convert"))
        }
        Some((0, 0, 0)) => Ok(result),
        Some((d, s, us)) => {
            let dd = new_delta(vm, d, s, us)?;
            vm.binary_op(&result, &dd, 0)
        }
    }
}

/// `(type(self), self.__getinitargs__() or (), state)`.
fn tzinfo_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = super::first(vm, &args)?;
    let initargs = match vm.get_attr_opt(me, &vm.intern("__getinitargs__"))? {
        Some(f) => vm.call(&f, &[])?,
        None => vm.empty_tuple.clone(),
    };
    let state = match vm.get_attr_opt(me, &vm.intern("__getstate__"))? {
        Some(f) => vm.call(&f, &[])?,
        None => match vm.get_attr_opt(me, &vm.intern("__dict__"))? {
            Some(d) if vm.is_true(&d)? => d,
            _ => vm.none.clone(),
        },
    };
    Ok(vm.new_tuple(vec![me.class().clone(), initargs, state]))
}

pub(crate) fn init_tzinfo(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", tzinfo_new);
    vm.add_method(t, "tzname", tzinfo_tzname);
    vm.add_method(t, "utcoffset", tzinfo_utcoffset);
    vm.add_method(t, "dst", tzinfo_dst);
    vm.add_method(t, "fromutc", tzinfo_fromutc);
    vm.add_method(t, "__reduce__", tzinfo_reduce);
}

// ----- timezone ------------------------------------------------------------------------------

fn tzp<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a TimeZone> {
    o.downcast_ref::<TimeZone>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'datetime.timezone' object"))
}

fn offset_of(z: &TimeZone) -> (i64, i64, i64) {
    as_delta(&z.offset)
        .map(|d| (d.d, d.s, d.us))
        .unwrap_or((0, 0, 0))
}

/// A timezone for `offset` (a timedelta object); UTC is the singleton.
pub(crate) fn new_timezone(vm: &Vm, offset: PyObjectRef, name: Option<PyObjectRef>) -> PyResult {
    let t = ty_timezone(vm);
    let d = as_delta(&offset).ok_or_else(|| vm.new_type_error("timedelta expected"))?;
    if name.is_none() && d.d == 0 && d.s == 0 && d.us == 0 {
        if let Some(u) = t.ext.dict.get_by_str("utc") {
            return Ok(u);
        }
    }
    if out_of_range(d) {
        return Err(vm.new_value_error(format!("{RANGE_MSG}, not {}.", vm.repr_string(&offset)?)));
    }
    Ok(vm
        .try_alloc(TimeZone { offset, name }, t.as_object())?
        .into_object())
}

fn timezone_new(vm: &Vm, args: Args) -> PyResult {
    super::new_cls(vm, &args, &ty_timezone(vm))?;
    let a = args.shift();
    let [off, name] = parse(vm, &a, Some("timezone"), ["offset", "name"], 1)?;
    let off = off.unwrap_or(&vm.none);
    if as_delta(off).is_none() {
        return Err(vm.new_type_error(format!(
            "timezone() argument 1 must be datetime.timedelta, not {}",
            vm.type_name(off)
        )));
    }
    let name = match name {
        Some(n) if n.downcast_ref::<PyStr>().is_some() => Some(n.clone()),
        Some(n) => {
            return Err(vm.new_type_error(format!(
                "timezone() argument 2 must be str, not {}",
                vm.type_name(n)
            )))
        }
        None => None,
    };
    new_timezone(vm, off.clone(), name)
}

fn check_dt_arg(vm: &Vm, o: &PyObjectRef, meth: &str) -> PyResult<()> {
    if o.is(&vm.none) || as_datetime(o).is_some() {
        return Ok(());
    }
    Err(vm.new_type_error(format!(
        "{meth}(dt) argument must be a datetime instance or None, not {}",
        vm.type_name(o)
    )))
}

fn is_utc(vm: &Vm, o: &PyObjectRef) -> bool {
    ty_timezone(vm)
        .ext
        .dict
        .get_by_str("utc")
        .is_some_and(|u| u.is(o))
}

fn tz_name_text(vm: &Vm, me: &PyObjectRef, z: &TimeZone) -> PyResult {
    if let Some(n) = &z.name {
        return Ok(n.clone());
    }
    let (d, s, us) = offset_of(z);
    if is_utc(vm, me) || (d == 0 && s == 0 && us == 0) {
        return Ok(vm.new_str("UTC"));
    }
    Ok(vm.new_str(format!("UTC{}", offset_text(d, s, us, ":"))))
}

fn timezone_tzname(vm: &Vm, args: Args) -> PyResult {
    let me = super::first(vm, &args)?;
    let z = tzp(vm, me)?;
    let dt = arg1(vm, &args, "tzname")?;
    check_dt_arg(vm, dt, "tzname")?;
    tz_name_text(vm, me, z)
}

fn timezone_utcoffset(vm: &Vm, args: Args) -> PyResult {
    let z = tzp(vm, super::first(vm, &args)?)?;
    let dt = arg1(vm, &args, "utcoffset")?;
    check_dt_arg(vm, dt, "utcoffset")?;
    Ok(z.offset.clone())
}

fn timezone_dst(vm: &Vm, args: Args) -> PyResult {
    tzp(vm, super::first(vm, &args)?)?;
    let dt = arg1(vm, &args, "dst")?;
    check_dt_arg(vm, dt, "dst")?;
    Ok(vm.none.clone())
}

fn timezone_fromutc(vm: &Vm, args: Args) -> PyResult {
    let me = super::first(vm, &args)?;
    let z = tzp(vm, me)?;
    let dt = arg1(vm, &args, "fromutc")?;
    let Some(p) = as_datetime(dt) else {
        return Err(vm.new_type_error("fromutc: argument must be a datetime"));
    };
    if !p.tz.as_ref().is_some_and(|t| t.is(me)) {
        return Err(vm.new_value_error("fromutc: dt.tzinfo is not self"));
    }
    vm.binary_op(dt, &z.offset, 0)
}

fn timezone_repr(vm: &Vm, args: Args) -> PyResult {
    let me = super::first(vm, &args)?;
    let z = tzp(vm, me)?;
    if is_utc(vm, me) {
        return Ok(vm.new_str("datetime.timezone.utc"));
    }
    let tn = vm.type_name(me);
    let off = vm.repr_string(&z.offset)?;
    Ok(vm.new_str(match &z.name {
        None => format!("{tn}({off})"),
        Some(n) => format!("{tn}({off}, {})", vm.repr_string(n)?),
    }))
}

fn timezone_str(vm: &Vm, args: Args) -> PyResult {
    let me = super::first(vm, &args)?;
    let z = tzp(vm, me)?;
    tz_name_text(vm, me, z)
}

fn timezone_eq(vm: &Vm, args: Args, ne: bool) -> PyResult {
    let z = tzp(vm, super::first(vm, &args)?)?;
    match args.pos().get(1).and_then(|o| o.downcast_ref::<TimeZone>()) {
        Some(w) => Ok(vm.new_bool((offset_of(z) == offset_of(w)) != ne)),
        None => not_impl(vm),
    }
}

fn timezone_hash(vm: &Vm, args: Args) -> PyResult {
    let z = tzp(vm, super::first(vm, &args)?)?;
    Ok(vm.new_int(vm.hash(&z.offset)?))
}

fn timezone_getinitargs(vm: &Vm, args: Args) -> PyResult {
    let z = tzp(vm, super::first(vm, &args)?)?;
    Ok(match &z.name {
        None => vm.new_tuple(vec![z.offset.clone()]),
        Some(n) => vm.new_tuple(vec![z.offset.clone(), n.clone()]),
    })
}

pub(crate) fn init_timezone(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", timezone_new);
    vm.add_method(t, "tzname", timezone_tzname);
    vm.add_method(t, "utcoffset", timezone_utcoffset);
    vm.add_method(t, "dst", timezone_dst);
    vm.add_method(t, "fromutc", timezone_fromutc);
    vm.add_method(t, "__repr__", timezone_repr);
    vm.add_method(t, "__str__", timezone_str);
    vm.add_method(t, "__eq__", |vm, a| timezone_eq(vm, a, false));
    vm.add_method(t, "__ne__", |vm, a| timezone_eq(vm, a, true));
    vm.add_method(t, "__hash__", timezone_hash);
    vm.add_method(t, "__getinitargs__", timezone_getinitargs);
    let dl = super::ty_delta(vm);
    let mk = |d, s| {
        vm.alloc(
            TimeZone {
                offset: vm.alloc(Delta { d, s, us: 0 }, &dl),
                name: None,
            },
            t,
        )
    };
    vm.set_type_attr(t, "utc", mk(0, 0));
    vm.set_type_attr(t, "min", mk(-1, 60));
    vm.set_type_attr(t, "max", mk(0, 86_340));
}
