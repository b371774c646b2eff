//! The calendar half of `time`: `struct_time`, `gmtime`, `localtime`,
//! `mktime`, `asctime`, `ctime`, `strftime` (glibc's directives in the C
//! locale), `strptime` (via `_strptime`) and the zone constants. Argument
//! checks and messages follow CPython 3.11 `Modules/timemodule.c`.

use std::cell::RefCell;

use super::structseq::{make_type, StructSeq};
use super::time_tz::{civil_from_days, days_from_civil, is_leap, local};
use crate::args::Args;
use crate::types::float::PyFloat;
use crate::types::int::{IntVal, PyInt};
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::{PyObjectRef, PyResult, Vm};

/// A broken-down time like C's `struct tm` (full year, month 0..=11,
/// weekday 0 = Sunday, yday 0-based).
#[derive(Clone, Debug, Default)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
    pub zone: Option<String>,
    pub gmtoff: i64,
}

// ----- struct_time -------------------------------------------------------------------

struct Cache(Option<(usize, StructSeq)>);

impl Drop for Cache {
    fn drop(&mut self) {
        // Objects must not be released while thread-locals are torn down.
        if let Some(c) = self.0.take() {
            std::mem::forget(c);
        }
    }
}

thread_local! {
    static STRUCT_TIME: RefCell<Cache> = const { RefCell::new(Cache(None)) };
}

const FIELDS: [&str; 11] = [
    "tm_year",
    "tm_mon",
    "tm_mday",
    "tm_hour",
    "tm_min",
    "tm_sec",
    "tm_wday",
    "tm_yday",
    "tm_isdst",
    "tm_zone",
    "tm_gmtoff",
];

fn struct_time(vm: &Vm) -> PyResult<(PyObjectRef, PyObjectRef)> {
    let key = vm.types.object.as_object().id();
    let hit = STRUCT_TIME.with(|c| {
        c.borrow()
            .0
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, s)| (s.cls.clone(), s.make_fn()))
    });
    if let Some(h) = hit {
        return Ok(h);
    }
    let s = make_type(vm, "time", "struct_time", &FIELDS, 9, true)?;
    let out = (s.cls.clone(), s.make_fn());
    STRUCT_TIME.with(|c| {
        let old = c.borrow_mut().0.replace((key, s));
        std::mem::forget(old);
    });
    Ok(out)
}

/// The `time.struct_time` class (created on first use).
pub fn struct_time_type(vm: &Vm) -> PyResult {
    Ok(struct_time(vm)?.0)
}

fn to_struct(vm: &Vm, tm: &Tm) -> PyResult {
    let (_, make) = struct_time(vm)?;
    let items = vec![
        vm.new_int(tm.year),
        vm.new_int(tm.mon + 1),
        vm.new_int(tm.mday),
        vm.new_int(tm.hour),
        vm.new_int(tm.min),
        vm.new_int(tm.sec),
        vm.new_int((tm.wday + 6) % 7),
        vm.new_int(tm.yday + 1),
        vm.new_int(tm.isdst),
    ];
    let extra = vec![
        match &tm.zone {
            Some(z) => vm.new_str(z.as_str()),
            None => vm.none.clone(),
        },
        vm.new_int(tm.gmtoff),
    ];
    vm.call(&make, &[vm.new_tuple(items), vm.new_tuple(extra)])
}

// ----- conversions ----------------------------------------------------------------------

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// A `time_t` argument (None: now), floored like `_PyTime_ROUND_FLOOR`.
fn time_t_arg(vm: &Vm, o: Option<&PyObjectRef>) -> PyResult<i64> {
    let Some(o) = o.filter(|o| !o.is(&vm.none)) else {
        return Ok(now_secs());
    };
    let overflow = || vm.new_overflow_error("timestamp out of range for platform time_t");
    if let Some(f) = o.downcast_ref::<PyFloat>() {
        if f.value.is_nan() {
            return Err(vm.new_value_error("Invalid value NaN (not a number)"));
        }
        let v = f.value.floor();
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&v) {
            return Err(overflow());
        }
        return Ok(v as i64);
    }
    let i = vm.index(o)?;
    match i.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(v)) => Ok(*v),
        _ => Err(overflow()),
    }
}

fn year_overflow(vm: &Vm) -> crate::PyBaseExceptionRef {
    vm.new_os_error("[Errno 75] Value too large for defined data type")
}

/// UTC broken-down time of `t` shifted by `off` seconds.
fn breakdown(t: i64, off: i64) -> Option<Tm> {
    let s = t.checked_add(off)?;
    let days = s.div_euclid(86400);
    let rem = s.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    if !(i32::MIN as i64 + 1900..=i32::MAX as i64 + 1900).contains(&y) {
        return None;
    }
    Some(Tm {
        year: y,
        mon: m - 1,
        mday: d,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: (days + 4).rem_euclid(7),
        yday: days - days_from_civil(y, 1, 1),
        isdst: 0,
        zone: None,
        gmtoff: off,
    })
}

pub fn gmtime_tm(t: i64) -> Option<Tm> {
    let mut tm = breakdown(t, 0)?;
    tm.zone = Some("GMT".into());
    Some(tm)
}

pub fn localtime_tm(t: i64) -> Option<Tm> {
    let tt = local().at(t);
    let mut tm = breakdown(t, tt.off)?;
    tm.isdst = tt.isdst as i64;
    tm.zone = Some(tt.abbr);
    Some(tm)
}

/// C `mktime`: normalise the fields and convert local time to a timestamp.
pub fn mktime_secs(tm: &Tm) -> Option<i64> {
    let y = tm.year.checked_add(tm.mon.div_euclid(12))?;
    let m = tm.mon.rem_euclid(12) + 1;
    if y.abs() > 1 << 40 {
        return None;
    }
    let days = days_from_civil(y, m, 1).checked_add(tm.mday - 1)?;
    let local_secs = days
        .checked_mul(86400)?
        .checked_add(tm.hour.checked_mul(3600)?)?
        .checked_add(tm.min.checked_mul(60)?)?
        .checked_add(tm.sec)?;
    let t = resolve_local(local_secs, tm.isdst);
    breakdown(t, 0)?;
    Some(t)
}

/// The UTC time of local time `local_secs`, choosing between the
/// offsets in effect around it as glibc's `mktime` does: a consistent
/// offset with the requested DST flag, else the offset of a nearby time
/// with that flag, else DST taken as one hour ahead; in a gap (no
/// consistent offset) the offset before the gap.
fn resolve_local(local_secs: i64, isdst: i64) -> i64 {
    let zone = local();
    let mut offs: Vec<i64> = Vec::new();
    for k in -4..=4 {
        let o = zone.at(local_secs + k * 43200).off;
        if !offs.contains(&o) {
            offs.push(o);
        }
    }
    let valid: Vec<(i64, bool)> = offs
        .iter()
        .filter_map(|o| {
            let t = local_secs - o;
            let tt = zone.at(t);
            (tt.off == *o).then_some((t, tt.isdst))
        })
        .collect();
    if isdst >= 0 {
        let want = isdst > 0;
        if let Some((t, _)) = valid.iter().find(|(_, d)| *d == want) {
            return *t;
        }
        for k in 1..=446 {
            for dir in [-1, 1] {
                let tt = zone.at(local_secs + dir * k * 601200);
                if tt.isdst == want {
                    return local_secs - tt.off;
                }
            }
            if k * 601200 > 268_227_000 {
                break;
            }
        }
        let (t, d) = valid
            .first()
            .copied()
            .unwrap_or((local_secs - zone.at(local_secs).off, false));
        return t - 3600 * (want as i64 - d as i64);
    }
    match valid.first() {
        Some((t, _)) => *t,
        None => local_secs - zone.at(local_secs - 86400).off,
    }
}

fn c_int(vm: &Vm, o: &PyObjectRef) -> PyResult<i64> {
    let i = vm.index(o)?;
    match i.downcast_ref::<PyInt>().map(|i| &i.value) {
        Some(IntVal::Small(v)) if *v > i32::MAX as i64 => {
            Err(vm.new_overflow_error("signed integer is greater than maximum"))
        }
        Some(IntVal::Small(v)) if *v < i32::MIN as i64 => {
            Err(vm.new_overflow_error("signed integer is less than minimum"))
        }
        Some(IntVal::Small(v)) => Ok(*v),
        _ if i
            .downcast_ref::<PyInt>()
            .is_some_and(|i| i.value.is_negative()) =>
        {
            Err(vm.new_overflow_error("signed integer is less than minimum"))
        }
        _ => Err(vm.new_overflow_error("signed integer is greater than maximum")),
    }
}

/// CPython's `gettmarg`: a 9-tuple or struct_time to a `Tm`.
fn gettmarg(vm: &Vm, o: &PyObjectRef, fname: &str) -> PyResult<Tm> {
    let Some(t) = o.downcast_ref::<PyTuple>() else {
        return Err(vm.new_type_error("Tuple or struct_time argument required"));
    };
    if t.items.len() != 9 {
        return Err(vm.new_type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut v = [0i64; 9];
    for (i, x) in t.items.iter().enumerate() {
        v[i] = c_int(vm, x)?;
    }
    let mut tm = Tm {
        year: v[0],
        mon: v[1] - 1,
        mday: v[2],
        hour: v[3],
        min: v[4],
        sec: v[5],
        // C's `%`: a negative weekday stays negative and fails checktm.
        wday: (v[6] + 1) % 7,
        yday: v[7] - 1,
        isdst: v[8],
        zone: None,
        gmtoff: 0,
    };
    let st = struct_time_type(vm)?;
    if o.class().is(&st) {
        if let Ok(z) = vm.get_attr_str(o, "tm_zone") {
            if let Some(s) = z.downcast_ref::<PyStr>() {
                tm.zone = Some(s.as_str().to_string());
            }
        }
        if let Ok(g) = vm.get_attr_str(o, "tm_gmtoff") {
            if let Some(g) = crate::types::int::as_i64(&g) {
                tm.gmtoff = g;
            }
        }
    }
    Ok(tm)
}

/// CPython's `checktm` (with its zero-to-lowest-value fixes).
fn checktm(vm: &Vm, tm: &mut Tm) -> PyResult<()> {
    if tm.mon == -1 {
        tm.mon = 0;
    } else if !(0..=11).contains(&tm.mon) {
        return Err(vm.new_value_error("month out of range"));
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(0..=31).contains(&tm.mday) {
        return Err(vm.new_value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.hour) {
        return Err(vm.new_value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(vm.new_value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(vm.new_value_error("seconds out of range"));
    }
    if tm.wday < 0 {
        return Err(vm.new_value_error("day of week out of range"));
    }
    if tm.yday == -1 {
        tm.yday = 0;
    } else if !(0..=365).contains(&tm.yday) {
        return Err(vm.new_value_error("day of year out of range"));
    }
    Ok(())
}

// ----- strftime ------------------------------------------------------------------------

const WDAY: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MON: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn iso_week_days(yday: i64, wday: i64) -> i64 {
    let big = (366 / 7 + 2) * 7;
    yday - (yday - wday + 4 + big) % 7 + 4 - 1
}

/// (ISO year, ISO week) of a `Tm`, as glibc computes them.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let mut year = tm.year;
    let mut days = iso_week_days(tm.yday, tm.wday);
    if days < 0 {
        year -= 1;
        days = iso_week_days(tm.yday + 365 + is_leap(year) as i64, tm.wday);
    } else {
        let d = iso_week_days(tm.yday - (365 + is_leap(year) as i64), tm.wday);
        if d >= 0 {
            year += 1;
            days = d;
        }
    }
    (year, days / 7 + 1)
}

fn hour12(h: i64) -> i64 {
    match h % 12 {
        0 => 12,
        x => x,
    }
}

/// Expand a glibc `strftime` format (C locale).
pub fn strftime_tm(fmt: &str, tm: &Tm) -> String {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let mut flag = None;
        while let Some(&f) = chars.get(i) {
            if matches!(f, '-' | '_' | '0' | '^' | '#') {
                flag = Some(f);
                i += 1;
            } else {
                break;
            }
        }
        let mut width = 0usize;
        while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
            width = width * 10 + d as usize;
            i += 1;
        }
        if matches!(chars.get(i), Some('E') | Some('O')) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            out.extend(&chars[start..]);
            break;
        };
        i += 1;
        // (text, or number with its default width and pad)
        enum V {
            T(String),
            N(i64, usize, char),
        }
        let v = match conv {
            'a' => V::T(WDAY[tm.wday.rem_euclid(7) as usize][..3].into()),
            'A' => V::T(WDAY[tm.wday.rem_euclid(7) as usize].into()),
            'b' | 'h' => V::T(MON[tm.mon.rem_euclid(12) as usize][..3].into()),
            'B' => V::T(MON[tm.mon.rem_euclid(12) as usize].into()),
            'c' => V::T(strftime_tm("%a %b %e %H:%M:%S %Y", tm)),
            'C' => V::N(tm.year.div_euclid(100), 2, '0'),
            'd' => V::N(tm.mday, 2, '0'),
            'D' | 'x' => V::T(strftime_tm("%m/%d/%y", tm)),
            'e' => V::N(tm.mday, 2, ' '),
            'F' => V::T(strftime_tm("%Y-%m-%d", tm)),
            'G' => V::N(iso_week(tm).0, 1, '0'),
            'g' => V::N((iso_week(tm).0 % 100 + 100) % 100, 2, '0'),
            'H' => V::N(tm.hour, 2, '0'),
            'I' => V::N(hour12(tm.hour), 2, '0'),
            'j' => V::N(tm.yday + 1, 3, '0'),
            'k' => V::N(tm.hour, 2, ' '),
            'l' => V::N(hour12(tm.hour), 2, ' '),
            'm' => V::N(tm.mon + 1, 2, '0'),
            'M' => V::N(tm.min, 2, '0'),
            'n' => V::T("\n".into()),
            'p' => V::T(if tm.hour >= 12 { "PM" } else { "AM" }.into()),
            'P' => V::T(if tm.hour >= 12 { "pm" } else { "am" }.into()),
            'r' => V::T(strftime_tm("%I:%M:%S %p", tm)),
            'R' => V::T(strftime_tm("%H:%M", tm)),
            's' => V::N(mktime_secs(tm).unwrap_or(-1), 1, '0'),
            'S' => V::N(tm.sec, 2, '0'),
            't' => V::T("\t".into()),
            'T' | 'X' => V::T(strftime_tm("%H:%M:%S", tm)),
            'u' => V::N((tm.wday + 6) % 7 + 1, 1, '0'),
            'U' => V::N((tm.yday - tm.wday + 7) / 7, 2, '0'),
            'V' => V::N(iso_week(tm).1, 2, '0'),
            'w' => V::N(tm.wday, 1, '0'),
            'W' => V::N((tm.yday - (tm.wday - 1 + 7) % 7 + 7) / 7, 2, '0'),
            'y' => V::N((tm.year % 100 + 100) % 100, 2, '0'),
            'Y' => V::N(tm.year, 1, '0'),
            'z' => {
                if tm.isdst < 0 {
                    V::T(String::new())
                } else {
                    let g = tm.gmtoff;
                    let a = g.abs() / 60;
                    V::T(format!(
                        "{}{:02}{:02}",
                        if g < 0 { '-' } else { '+' },
                        a / 60,
                        a % 60
                    ))
                }
            }
            'Z' => {
                let z = match &tm.zone {
                    Some(z) if !z.is_empty() => z.clone(),
                    _ if tm.isdst >= 0 => {
                        let (_, _, _, names) = zone_constants();
                        if tm.isdst != 0 {
                            names.1
                        } else {
                            names.0
                        }
                    }
                    _ => String::new(),
                };
                V::T(if flag == Some('#') {
                    z.to_lowercase()
                } else {
                    z
                })
            }
            '%' => V::T("%".into()),
            _ => {
                out.extend(&chars[start..i]);
                continue;
            }
        };
        match v {
            V::T(mut s) => {
                if flag == Some('^') {
                    s = s.to_uppercase();
                }
                let n = s.chars().count();
                if width > n {
                    let pad = if flag == Some('0') { '0' } else { ' ' };
                    out.extend(std::iter::repeat_n(pad, width - n));
                }
                out.push_str(&s);
            }
            V::N(n, w, pad) => {
                let digits = n.unsigned_abs().to_string();
                let (w, pad) = match flag {
                    Some('-') if width == 0 => (0, pad),
                    Some('-') | Some('_') => {
                        (width.max(if flag == Some('_') { w } else { 0 }), ' ')
                    }
                    Some('0') => (width.max(w), '0'),
                    _ => (if width > 0 { width } else { w }, pad),
                };
                let len = digits.len() + (n < 0) as usize;
                if pad == ' ' {
                    out.extend(std::iter::repeat_n(' ', w.saturating_sub(len)));
                    if n < 0 {
                        out.push('-');
                    }
                } else {
                    if n < 0 {
                        out.push('-');
                    }
                    out.extend(std::iter::repeat_n('0', w.saturating_sub(len)));
                }
                out.push_str(&digits);
            }
        }
    }
    out
}

// ----- the zone constants ----------------------------------------------------------------

/// (timezone, altzone, daylight, (stdname, dstname)) as CPython's
/// `init_timezone` derives them from January 1 and July 1.
pub fn zone_constants() -> (i64, i64, bool, (String, String)) {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let t = now_secs() / YEAR * YEAR;
    let z = local();
    let jan = z.at(t);
    let jul = z.at(t + YEAR / 2);
    let (janzone, julzone) = (-jan.off, -jul.off);
    if janzone < julzone {
        (julzone, janzone, janzone != julzone, (jul.abbr, jan.abbr))
    } else {
        (janzone, julzone, janzone != julzone, (jan.abbr, jul.abbr))
    }
}

pub fn add_constants(vm: &Vm, d: &crate::types::dict::PyDict) {
    let (tz, alt, daylight, (a, b)) = zone_constants();
    vm.dict_set_str(d, "timezone", vm.new_int(tz));
    vm.dict_set_str(d, "altzone", vm.new_int(alt));
    vm.dict_set_str(d, "daylight", vm.new_int(daylight as i64));
    vm.dict_set_str(
        d,
        "tzname",
        vm.new_tuple(vec![vm.new_str(a), vm.new_str(b)]),
    );
}

// ----- the functions -----------------------------------------------------------------------

pub fn t_gmtime(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.range::<1>(vm, "gmtime", 0)?;
    let t = time_t_arg(vm, s)?;
    let tm = gmtime_tm(t).ok_or_else(|| year_overflow(vm))?;
    to_struct(vm, &tm)
}

pub fn t_localtime(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.range::<1>(vm, "localtime", 0)?;
    let t = time_t_arg(vm, s)?;
    let tm = localtime_tm(t).ok_or_else(|| year_overflow(vm))?;
    to_struct(vm, &tm)
}

pub fn t_mktime(vm: &Vm, args: Args) -> PyResult {
    let [t] = args.exact::<1>(vm, "mktime")?;
    let tm = gettmarg(vm, t, "mktime")?;
    let s =
        mktime_secs(&tm).ok_or_else(|| vm.new_overflow_error("mktime argument out of range"))?;
    Ok(vm.new_float(s as f64))
}

fn asctime_of(tm: &Tm) -> String {
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        &WDAY[tm.wday.rem_euclid(7) as usize][..3],
        &MON[tm.mon.rem_euclid(12) as usize][..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

fn now_local(vm: &Vm) -> PyResult<Tm> {
    localtime_tm(now_secs()).ok_or_else(|| year_overflow(vm))
}

pub fn t_asctime(vm: &Vm, args: Args) -> PyResult {
    let [t] = args.range::<1>(vm, "asctime", 0)?;
    let mut tm = match t {
        Some(t) => gettmarg(vm, t, "asctime")?,
        None => now_local(vm)?,
    };
    checktm(vm, &mut tm)?;
    Ok(vm.new_str(asctime_of(&tm)))
}

pub fn t_ctime(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.range::<1>(vm, "ctime", 0)?;
    let t = time_t_arg(vm, s)?;
    let tm = localtime_tm(t).ok_or_else(|| year_overflow(vm))?;
    Ok(vm.new_str(asctime_of(&tm)))
}

pub fn t_strftime(vm: &Vm, args: Args) -> PyResult {
    let [f, t] = args.range::<2>(vm, "strftime", 1)?;
    let f = f.expect("required");
    let Some(fs) = f.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(f)
        )));
    };
    let mut tm = match t {
        Some(t) => gettmarg(vm, t, "strftime")?,
        None => now_local(vm)?,
    };
    checktm(vm, &mut tm)?;
    tm.isdst = tm.isdst.clamp(-1, 1);
    if fs.as_str().contains('\0') {
        return Err(vm.new_value_error("embedded null character"));
    }
    Ok(vm.new_str(strftime_tm(fs.as_str(), &tm)))
}

pub fn t_strptime(vm: &Vm, args: Args) -> PyResult {
    let m = vm.import_absolute("_strptime")?;
    let f = vm.get_attr_str(&m, "_strptime_time")?;
    vm.call_kw(&f, args.all, args.kwnames)
}

pub fn t_tzset(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "tzset")?;
    super::time_tz::reset();
    if let Some(m) = vm.modules.get_by_str("time") {
        if let Some(d) = vm.module_dict(&m) {
            add_constants(vm, d);
        }
    }
    Ok(vm.none.clone())
}

/// `time.__getattr__`: `struct_time` is built on first use (it runs
/// Python code).
pub fn t_getattr(vm: &Vm, args: Args) -> PyResult {
    let [name] = args.exact::<1>(vm, "__getattr__")?;
    let n = vm.str_string(name)?;
    if n == "struct_time" {
        let st = struct_time_type(vm)?;
        if let Some(m) = vm.modules.get_by_str("time") {
            if let Some(d) = vm.module_dict(&m) {
                vm.dict_set_str(d, "struct_time", st.clone());
            }
        }
        return Ok(st);
    }
    Err(vm.new_attribute_error(format!("module 'time' has no attribute '{n}'")))
}
