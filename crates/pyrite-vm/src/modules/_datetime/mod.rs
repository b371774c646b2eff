//! The `_datetime` accelerator that `datetime.py` star-imports: `date`,
//! `datetime`, `time`, `timedelta`, `tzinfo`, `timezone` as static types
//! named `datetime.X` (so operator errors say 'datetime.date'), with the C
//! module's messages ("day is out of range for month", "can't compare
//! offset-naive and offset-aware datetimes"). `strftime` goes through
//! `time.strftime` and `strptime` through `_strptime`, as in C.
//! Mirrors CPython 3.11 `Modules/_datetimemodule.c`.
//!
//! Layout: this file has the calendar arithmetic, argument parsing and
//! the type objects; `delta.rs` timedelta; `date.rs` date and
//! IsoCalendarDate; `time.rs` time; `tz.rs` tzinfo and timezone;
//! `datetime.rs` and `datetime_ops.rs` datetime; `iso.rs` ISO text and
//! strftime.

mod date;
mod datetime;
mod datetime_ops;
mod delta;
mod iso;
mod time;
mod tz;

use crate::args::Args;
pub(crate) use crate::modules::type_cache::new_cls;
use crate::modules::type_cache::{native_subclass_type, native_type};
use crate::types::int::{IntVal, PyInt};
use crate::types::tuple::PyTuple;
use crate::types::typeobj::{is_subtype, PyTypeRef};
use crate::{Payload, PyObjectRef, PyResult, Vm};

pub(crate) const MINYEAR: i64 = 1;
pub(crate) const MAXYEAR: i64 = 9999;
/// `date.max.toordinal()`.
pub(crate) const MAX_ORDINAL: i64 = 3_652_059;
pub(crate) const MAX_DELTA_DAYS: i64 = 999_999_999;

// ----- payloads -----------------------------------------------------------------------

/// A timedelta, normalised: `0 <= s < 86400`, `0 <= us < 1_000_000`.
pub struct Delta {
    pub d: i64,
    pub s: i64,
    pub us: i64,
}
impl Payload for Delta {
    pyrite_core::unique_vtable!(Delta);
}

/// A date or datetime (`is_dt`); a date leaves the time fields zero.
pub struct Dt {
    pub y: i64,
    pub mo: i64,
    pub d: i64,
    pub h: i64,
    pub mi: i64,
    pub s: i64,
    pub us: i64,
    pub fold: i64,
    pub tz: Option<PyObjectRef>,
    pub is_dt: bool,
}
impl Payload for Dt {
    pyrite_core::unique_vtable!(Dt);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(t) = &self.tz {
            visit(t);
        }
    }
}

pub struct Time {
    pub h: i64,
    pub mi: i64,
    pub s: i64,
    pub us: i64,
    pub fold: i64,
    pub tz: Option<PyObjectRef>,
}
impl Payload for Time {
    pyrite_core::unique_vtable!(Time);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Some(t) = &self.tz {
            visit(t);
        }
    }
}

/// The abstract `tzinfo` base (its subclasses keep their state in `__dict__`).
pub struct TzInfo;
impl Payload for TzInfo {
    pyrite_core::unique_vtable!(TzInfo);
}

/// A fixed-offset `timezone`: `offset` is a timedelta object.
pub struct TimeZone {
    pub offset: PyObjectRef,
    pub name: Option<PyObjectRef>,
}
impl Payload for TimeZone {
    pyrite_core::unique_vtable!(TimeZone);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.offset);
        if let Some(n) = &self.name {
            visit(n);
        }
    }
}

// ----- types -------------------------------------------------------------------------------

pub(crate) fn ty_delta(vm: &Vm) -> PyTypeRef {
    native_type::<Delta>(vm, "datetime", "timedelta", None, 0, delta::init)
}
pub(crate) fn ty_date(vm: &Vm) -> PyTypeRef {
    native_type::<Dt>(vm, "datetime", "date", None, 0, date::init)
}
pub(crate) fn ty_datetime(vm: &Vm) -> PyTypeRef {
    let base = ty_date(vm);
    native_type::<Dt>(vm, "datetime", "datetime", Some(&base), 0, datetime::init)
}
pub(crate) fn ty_time(vm: &Vm) -> PyTypeRef {
    native_type::<Time>(vm, "datetime", "time", None, 0, time::init)
}
pub(crate) fn ty_tzinfo(vm: &Vm) -> PyTypeRef {
    native_type::<TzInfo>(vm, "datetime", "tzinfo", None, 0, tz::init_tzinfo)
}
pub(crate) fn ty_timezone(vm: &Vm) -> PyTypeRef {
    let base = ty_tzinfo(vm);
    native_type::<TimeZone>(
        vm,
        "datetime",
        "timezone",
        Some(&base),
        0,
        tz::init_timezone,
    )
}
pub(crate) fn ty_isocal(vm: &Vm) -> PyTypeRef {
    native_subclass_type::<PyTuple>(
        vm,
        "datetime",
        "IsoCalendarDate",
        &vm.types.tuple,
        0,
        date::init_isocal,
    )
}

pub(crate) fn as_delta(o: &PyObjectRef) -> Option<&Delta> {
    o.downcast_ref::<Delta>()
}
pub(crate) fn as_date(o: &PyObjectRef) -> Option<&Dt> {
    o.downcast_ref::<Dt>()
}
pub(crate) fn as_datetime(o: &PyObjectRef) -> Option<&Dt> {
    o.downcast_ref::<Dt>().filter(|d| d.is_dt)
}
pub(crate) fn as_time(o: &PyObjectRef) -> Option<&Time> {
    o.downcast_ref::<Time>()
}
pub(crate) fn is_tzinfo(vm: &Vm, o: &PyObjectRef) -> bool {
    o.downcast_ref::<TimeZone>().is_some() || is_subtype(o.class(), ty_tzinfo(vm).as_object())
}

/// Check a `tzinfo=` argument: None or a tzinfo instance.
pub(crate) fn check_tzinfo(vm: &Vm, o: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    if o.is(&vm.none) {
        return Ok(None);
    }
    if !is_tzinfo(vm, o) {
        return Err(vm.new_type_error(format!(
            "tzinfo argument must be None or of a tzinfo subclass, not type '{}'",
            vm.type_name(o)
        )));
    }
    Ok(Some(o.clone()))
}

pub(crate) fn tz_obj(vm: &Vm, tz: &Option<PyObjectRef>) -> PyObjectRef {
    tz.clone().unwrap_or_else(|| vm.none.clone())
}

// ----- calendar ------------------------------------------------------------------------

pub(crate) fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

pub(crate) fn days_in_month(y: i64, m: i64) -> i64 {
    const D: [i64; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if m == 2 && is_leap(y) {
        29
    } else {
        D[m.clamp(0, 12) as usize]
    }
}

pub(crate) fn days_before_month(y: i64, m: i64) -> i64 {
    const B: [i64; 13] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    B[m.clamp(0, 12) as usize] + i64::from(m > 2 && is_leap(y))
}

pub(crate) fn days_before_year(y: i64) -> i64 {
    let y = y - 1;
    y * 365 + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
}

/// Proleptic Gregorian ordinal, 0001-01-01 is 1.
pub(crate) fn ymd_to_ord(y: i64, m: i64, d: i64) -> i64 {
    days_before_year(y) + days_before_month(y, m) + d
}

pub(crate) fn ord_to_ymd(n: i64) -> (i64, i64, i64) {
    let n = n - 1;
    let (n400, n) = (n.div_euclid(146_097), n.rem_euclid(146_097));
    let mut y = n400 * 400 + 1;
    let (n100, n) = (n / 36_524, n % 36_524);
    let (n4, n) = (n / 1_461, n % 1_461);
    let (n1, n) = (n / 365, n % 365);
    y += n100 * 100 + n4 * 4 + n1;
    if n1 == 4 || n100 == 4 {
        return (y - 1, 12, 31);
    }
    let mut m = (n + 50) >> 5;
    let mut before = days_before_month(y, m);
    if before > n {
        m -= 1;
        before = days_before_month(y, m);
    }
    (y, m, n - before + 1)
}

/// Monday is 0.
pub(crate) fn weekday(y: i64, m: i64, d: i64) -> i64 {
    (ymd_to_ord(y, m, d) + 6).rem_euclid(7)
}

/// Ordinal of the Monday starting ISO week 1 of `y`.
pub(crate) fn iso_week1_monday(y: i64) -> i64 {
    let first = days_before_year(y) + 1;
    let wd = (first + 6).rem_euclid(7);
    let mut monday = first - wd;
    if wd > 3 {
        monday += 7;
    }
    monday
}

pub(crate) fn check_date(vm: &Vm, y: i64, m: i64, d: i64) -> PyResult<()> {
    if !(MINYEAR..=MAXYEAR).contains(&y) {
        return Err(vm.new_value_error(format!("year {y} is out of range")));
    }
    if !(1..=12).contains(&m) {
        return Err(vm.new_value_error("month must be in 1..12"));
    }
    if d < 1 || d > days_in_month(y, m) {
        return Err(vm.new_value_error("day is out of range for month"));
    }
    Ok(())
}

pub(crate) fn check_time(vm: &Vm, h: i64, mi: i64, s: i64, us: i64, fold: i64) -> PyResult<()> {
    if !(0..=23).contains(&h) {
        return Err(vm.new_value_error("hour must be in 0..23"));
    }
    if !(0..=59).contains(&mi) {
        return Err(vm.new_value_error("minute must be in 0..59"));
    }
    if !(0..=59).contains(&s) {
        return Err(vm.new_value_error("second must be in 0..59"));
    }
    if !(0..=999_999).contains(&us) {
        return Err(vm.new_value_error("microsecond must be in 0..999999"));
    }
    if fold != 0 && fold != 1 {
        return Err(vm.new_value_error("fold must be either 0 or 1"));
    }
    Ok(())
}

/// Normalise a date whose day may be out of its month (after adding
/// days): `OverflowError` outside 1..=9999.
pub(crate) fn norm_date(vm: &Vm, y: i64, m: i64, d: i64) -> PyResult<(i64, i64, i64)> {
    let ord = ymd_to_ord(y, m, 1) + d - 1;
    if !(1..=MAX_ORDINAL).contains(&ord) {
        return Err(vm.new_overflow_error("date value out of range"));
    }
    Ok(ord_to_ymd(ord))
}

// ----- arguments ----------------------------------------------------------------------------

/// Bind arguments as `PyArg_ParseTupleAndKeywords` does, with its messages
/// (`fname` None is the "function" of formats without a name).
pub(crate) fn parse<'a, const N: usize>(
    vm: &Vm,
    args: &Args<'a>,
    fname: Option<&str>,
    names: [&str; N],
    min: usize,
) -> PyResult<[Option<&'a PyObjectRef>; N]> {
    parse_kw(vm, args, fname, names, min, N)
}

/// [`parse`] with the parameters from `kwonly` on keyword-only (`$` in
/// the C format).
pub(crate) fn parse_kw<'a, const N: usize>(
    vm: &Vm,
    args: &Args<'a>,
    fname: Option<&str>,
    names: [&str; N],
    min: usize,
    kwonly: usize,
) -> PyResult<[Option<&'a PyObjectRef>; N]> {
    let (fn_, paren) = match fname {
        Some(f) => (f, "()"),
        None => ("function", ""),
    };
    let pos = args.pos();
    let total = args.all.len();
    if pos.len() > kwonly && kwonly < N {
        return Err(vm.new_type_error(format!(
            "{fn_}{paren} takes at most {kwonly} positional argument{} ({} given)",
            if kwonly == 1 { "" } else { "s" },
            pos.len()
        )));
    }
    if total > N {
        return Err(vm.new_type_error(format!(
            "{fn_}{paren} takes {} {N} argument{} ({total} given)",
            "at most",
            if N == 1 { "" } else { "s" }
        )));
    }
    let mut out: [Option<&'a PyObjectRef>; N] = [None; N];
    let kws: Vec<(&str, &'a PyObjectRef)> = args.kwargs().collect();
    for i in 0..N {
        if i < pos.len() {
            out[i] = Some(&pos[i]);
        } else if let Some((_, v)) = kws.iter().find(|(k, _)| *k == names[i]) {
            out[i] = Some(v);
        } else if i < min {
            return Err(vm.new_type_error(format!(
                "{fn_}{paren} missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    for (k, _) in &kws {
        match names.iter().position(|n| n == k) {
            Some(i) if i < pos.len() => {
                return Err(vm.new_type_error(format!(
                    "argument for {fn_}{paren} given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(_) => {}
            None => {
                return Err(vm.new_type_error(format!(
                    "'{k}' is an invalid keyword argument for {}",
                    match fname {
                        Some(f) => format!("{f}()"),
                        None => "this function".to_string(),
                    }
                )))
            }
        }
    }
    Ok(out)
}

/// A C `int` argument (format "i").
/// The bytes of a pickle state argument: `bytes`, or (Python 2 pickles)
/// latin-1 text.
pub(crate) fn pickle_bytes(a: &PyObjectRef) -> Option<Vec<u8>> {
    if let Some(b) = a.downcast_ref::<crate::types::bytes::PyBytes>() {
        return Some(b.data.to_vec());
    }
    let s = a.downcast_ref::<crate::types::str::PyStr>()?;
    s.as_str()
        .chars()
        .map(|c| u8::try_from(c as u32).ok())
        .collect()
}

/// `(cls, (state_bytes[, tzinfo]))`: what `__reduce__` of a time or a
/// datetime returns (the C module's pickle format).
pub(crate) fn pickle_reduce(
    vm: &Vm,
    args: &crate::args::Args,
    state: Vec<u8>,
    tz: &Option<PyObjectRef>,
) -> PyObjectRef {
    let b = crate::types::bytes_methods::new_bytes(vm, state);
    let st = match tz {
        None => vm.new_tuple(vec![b]),
        Some(tz) => vm.new_tuple(vec![b, tz.clone()]),
    };
    vm.new_tuple(vec![args.pos()[0].class().clone(), st])
}

pub(crate) fn int_i(vm: &Vm, o: &PyObjectRef) -> PyResult<i64> {
    let v = vm.index(o)?;
    match v.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(n)) => {
            if *n > i32::MAX as i64 {
                Err(vm.new_overflow_error("signed integer is greater than maximum"))
            } else if *n < i32::MIN as i64 {
                Err(vm.new_overflow_error("signed integer is less than minimum"))
            } else {
                Ok(*n)
            }
        }
        _ => Err(vm.new_overflow_error("Python int too large to convert to C long")),
    }
}

pub(crate) fn int_or(vm: &Vm, o: Option<&PyObjectRef>, d: i64) -> PyResult<i64> {
    match o {
        Some(o) => int_i(vm, o),
        None => Ok(d),
    }
}

/// `name() takes no arguments (N given)` for METH_NOARGS methods.
pub(crate) fn no_args(vm: &Vm, args: &Args, qual: &str) -> PyResult<()> {
    args.no_kwargs(vm, qual)?;
    let n = args.pos().len().saturating_sub(1);
    if n > 0 {
        return Err(vm.new_type_error(format!("{qual}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// The single argument of a METH_O method.
pub(crate) fn one_arg<'a>(vm: &Vm, args: &Args<'a>, qual: &str) -> PyResult<&'a PyObjectRef> {
    args.no_kwargs(vm, qual)?;
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(vm.new_type_error(format!(
            "{qual}() takes exactly one argument ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    Ok(&pos[1])
}

/// The first positional argument (`self` or `cls`); a TypeError instead
/// of a panic when a descriptor is called bare.
pub(crate) fn first<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a PyObjectRef> {
    args.pos()
        .first()
        .ok_or_else(|| vm.new_type_error("descriptor needs an argument"))
}

/// The operand of a binary special method called directly
/// (`date.__add__(d, x)`), with the slot wrapper's error.
pub(crate) fn binop_args<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<[&'a PyObjectRef; 2]> {
    match args.pos() {
        [a, b] => Ok([a, b]),
        p => Err(vm.new_type_error(format!(
            "expected 1 argument, got {}",
            p.len().saturating_sub(1)
        ))),
    }
}

pub(crate) fn not_impl(vm: &Vm) -> PyResult {
    Ok(vm.not_implemented.clone())
}

/// `-1`, `0` or `1` from an ordering, turned into the comparison result.
pub(crate) fn cmp_result(vm: &Vm, c: std::cmp::Ordering, op: &str) -> PyObjectRef {
    use std::cmp::Ordering::*;
    let r = match op {
        "__lt__" => c == Less,
        "__le__" => c != Greater,
        "__eq__" => c == Equal,
        "__ne__" => c != Equal,
        "__gt__" => c == Greater,
        _ => c != Less,
    };
    vm.new_bool(r)
}

pub(crate) const CMP_OPS: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

pub(crate) fn import_attr(vm: &Vm, module: &str, name: &str) -> PyResult {
    vm.import_absolute(module)?;
    let m = vm
        .modules
        .get_by_str(module)
        .ok_or_else(|| vm.new_import_error(format!("No module named '{module}'")))?;
    vm.get_attr_str(&m, name)
}

pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "_datetime",
        Some("Fast implementation of the datetime type."),
    );
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    vm.dict_set_str(d, "MINYEAR", vm.new_int(MINYEAR));
    vm.dict_set_str(d, "MAXYEAR", vm.new_int(MAXYEAR));
    vm.dict_set_str(d, "date", ty_date(vm).as_object().clone());
    vm.dict_set_str(d, "datetime", ty_datetime(vm).as_object().clone());
    vm.dict_set_str(d, "time", ty_time(vm).as_object().clone());
    vm.dict_set_str(d, "timedelta", ty_delta(vm).as_object().clone());
    vm.dict_set_str(d, "tzinfo", ty_tzinfo(vm).as_object().clone());
    let tzt = ty_timezone(vm);
    vm.dict_set_str(d, "timezone", tzt.as_object().clone());
    if let Some(utc) = tzt.ext.dict.get_by_str("utc") {
        vm.dict_set_str(d, "UTC", utc);
    }
    Ok(m)
}
