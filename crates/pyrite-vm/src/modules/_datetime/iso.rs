//! ISO 8601 text (the 3.11 `fromisoformat` grammar, `isoformat` output)
//! and `strftime`'s handling of `%z`, `%Z` and `%f` before the rest of the
//! format goes to `time.strftime`.

use super::tz::{call_tzname, call_utcoffset};
use super::{is_leap, iso_week1_monday, ord_to_ymd, ymd_to_ord};
use crate::{PyObjectRef, PyResult, Vm};

/// The text with each non-ASCII character as one 0xFF byte: positions are
/// then code-point indices (a non-ASCII separator is one character), and
/// 0xFF matches no digit or delimiter.
pub(crate) fn iso_bytes(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| if c.is_ascii() { c as u8 } else { 0xff })
        .collect()
}

/// The byte at `i`, or NUL past the end (the C parser reads the
/// terminator there).
fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

fn digits(b: &[u8], p: &mut usize, n: usize) -> Option<i64> {
    let mut v = 0i64;
    for _ in 0..n {
        let c = at(b, *p);
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as i64;
        *p += 1;
    }
    Some(v)
}

/// ISO calendar to ordinary date; the messages are `fromisocalendar`'s.
pub(crate) fn iso_to_ymd(y: i64, w: i64, d: i64) -> Result<(i64, i64, i64), String> {
    if !(super::MINYEAR..=super::MAXYEAR).contains(&y) {
        return Err(format!("Year is out of range: {y}"));
    }
    iso_to_ymd_unchecked(y, w, d)
}

fn iso_to_ymd_unchecked(y: i64, w: i64, d: i64) -> Result<(i64, i64, i64), String> {
    if w <= 0 || w >= 53 {
        let mut out = true;
        if w == 53 {
            let first = (ymd_to_ord(y, 1, 1) + 6).rem_euclid(7);
            if first == 3 || (first == 2 && is_leap(y)) {
                out = false;
            }
        }
        if out {
            return Err(format!("Invalid week: {w}"));
        }
    }
    if d <= 0 || d > 7 {
        return Err(format!("Invalid day: {d} (range is [1, 7])"));
    }
    Ok(ord_to_ymd(iso_week1_monday(y) + (w - 1) * 7 + d - 1))
}

/// Parse the date part (`len` bytes of `b`): YYYY-MM-DD, YYYYMMDD,
/// YYYY-Www[-D], YYYYWww[D].
pub(crate) fn parse_date(b: &[u8], len: usize) -> Option<(i64, i64, i64)> {
    let mut p = 0;
    let y = digits(b, &mut p, 4)?;
    let sep = at(b, p) == b'-';
    if sep {
        p += 1;
    }
    if at(b, p) == b'W' {
        p += 1;
        let w = digits(b, &mut p, 2)?;
        let d = if p < len {
            if sep {
                if at(b, p) != b'-' {
                    return None;
                }
                p += 1;
            }
            digits(b, &mut p, 1)?
        } else {
            1
        };
        return iso_to_ymd_unchecked(y, w, d).ok();
    }
    let m = digits(b, &mut p, 2)?;
    if sep {
        if at(b, p) != b'-' {
            return None;
        }
        p += 1;
    }
    let d = digits(b, &mut p, 2)?;
    Some((y, m, d))
}

/// Where the date part of a datetime string ends (C's
/// `_find_isoformat_datetime_separator`).
pub(crate) fn find_sep(b: &[u8]) -> Option<usize> {
    let len = b.len();
    if len == 7 {
        return Some(7);
    }
    if at(b, 4) == b'-' {
        if at(b, 5) == b'W' {
            if len < 8 {
                return None;
            }
            if len > 8 && at(b, 8) == b'-' {
                if len == 9 {
                    return None;
                }
                if len > 10 && at(b, 10).is_ascii_digit() {
                    return Some(8);
                }
                return Some(10);
            }
            return Some(8);
        }
        return Some(10);
    }
    if at(b, 4) == b'W' {
        let mut i = 7;
        while i < len && at(b, i).is_ascii_digit() {
            i += 1;
        }
        if i < 9 {
            return Some(i);
        }
        return Some(if i % 2 == 0 { 7 } else { 8 });
    }
    Some(8)
}

/// `[HH[:?MM[:?SS[.f+]]]]` from `b[start..end]`: the fields, and whether
/// anything follows (C's return 1).
fn hh_mm_ss_ff(b: &[u8], start: usize, end: usize) -> Result<([i64; 4], bool), ()> {
    let mut vals = [0i64; 4];
    let mut p = start;
    let mut has_sep = true;
    let mut i = 0;
    loop {
        if i == 3 {
            break;
        }
        vals[i] = digits(b, &mut p, 2).ok_or(())?;
        let c = at(b, p);
        p += 1;
        if i == 0 {
            has_sep = c == b':';
        }
        if p >= end {
            return Ok((vals, c != 0));
        } else if has_sep && c == b':' {
            i += 1;
            continue;
        } else if c == b'.' || c == b',' {
            break;
        } else if !has_sep {
            p -= 1;
        } else {
            return Err(());
        }
        i += 1;
    }
    let remains = end.saturating_sub(p);
    let n = remains.min(6);
    let mut us = digits(b, &mut p, n).ok_or(())?;
    if n < 6 {
        us *= 10i64.pow((6 - n) as u32);
    }
    while at(b, p).is_ascii_digit() {
        p += 1;
    }
    vals[3] = us;
    Ok((vals, at(b, p) != 0))
}

/// A time part: `(h, m, s, us)` and the UTC offset `(seconds, us)` if
/// one was given.
pub(crate) type ParsedTime = ([i64; 4], Option<(i64, i64)>);

pub(crate) fn parse_time(b: &[u8]) -> Option<ParsedTime> {
    let end = b.len();
    let mut tzpos = 0;
    loop {
        let c = at(b, tzpos);
        if c == b'Z' || c == b'+' || c == b'-' {
            break;
        }
        tzpos += 1;
        if tzpos >= end {
            break;
        }
    }
    let (vals, more) = hh_mm_ss_ff(b, 0, tzpos).ok()?;
    if tzpos >= end {
        return if more { None } else { Some((vals, None)) };
    }
    if at(b, tzpos) == b'Z' {
        if at(b, tzpos + 1) != 0 {
            return None;
        }
        return Some((vals, Some((0, 0))));
    }
    let sign = if at(b, tzpos) == b'-' { -1 } else { 1 };
    let (tz, more) = hh_mm_ss_ff(b, tzpos + 1, end).ok()?;
    if more {
        return None;
    }
    Some((
        vals,
        Some((sign * (tz[0] * 3600 + tz[1] * 60 + tz[2]), sign * tz[3])),
    ))
}

/// `+HH<sep>MM[<sep>SS[.ffffff]]` for an offset of `secs` + `us`
/// (normalised as a timedelta).
pub(crate) fn offset_text(days: i64, secs: i64, us: i64, sep: &str) -> String {
    let (sign, total) = {
        let t = (days * 86_400 + secs) * 1_000_000 + us;
        if days < 0 {
            ('-', -t)
        } else {
            ('+', t)
        }
    };
    let us = total % 1_000_000;
    let s = total / 1_000_000;
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if us != 0 {
        format!("{sign}{h:02}{sep}{m:02}{sep}{s:02}.{us:06}")
    } else if s != 0 {
        format!("{sign}{h:02}{sep}{m:02}{sep}{s:02}")
    } else {
        format!("{sign}{h:02}{sep}{m:02}")
    }
}

/// The offset text of `tz.utcoffset(arg)`, or `None` when naive.
pub(crate) fn format_utcoffset(
    vm: &Vm,
    tz: Option<&PyObjectRef>,
    arg: &PyObjectRef,
    sep: &str,
) -> PyResult<Option<String>> {
    let Some(tz) = tz else { return Ok(None) };
    Ok(call_utcoffset(vm, tz, arg)?.map(|(d, s, us)| offset_text(d, s, us, sep)))
}

/// Time of day for `isoformat`, honouring `timespec`.
pub(crate) fn time_text(
    vm: &Vm,
    h: i64,
    m: i64,
    s: i64,
    us: i64,
    spec: Option<&str>,
) -> PyResult<String> {
    let spec = match spec {
        None | Some("auto") => {
            if us == 0 {
                "seconds"
            } else {
                "microseconds"
            }
        }
        Some(x) => x,
    };
    Ok(match spec {
        "hours" => format!("{h:02}"),
        "minutes" => format!("{h:02}:{m:02}"),
        "seconds" => format!("{h:02}:{m:02}:{s:02}"),
        "milliseconds" => format!("{h:02}:{m:02}:{s:02}.{:03}", us / 1000),
        "microseconds" => format!("{h:02}:{m:02}:{s:02}.{us:06}"),
        _ => return Err(vm.new_value_error("Unknown timespec value")),
    })
}

/// `strftime`: `%z`, `%Z` and `%f` are expanded here from the object's
/// offset, zone name and microseconds; `time.strftime` does the rest.
pub(crate) fn wrap_strftime(
    vm: &Vm,
    fmt: &str,
    timetuple: PyObjectRef,
    tz: Option<&PyObjectRef>,
    tzarg: &PyObjectRef,
    us: i64,
) -> PyResult {
    let mut out = String::with_capacity(fmt.len());
    let mut it = fmt.chars();
    let mut z: Option<String> = None;
    let mut zname: Option<String> = None;
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match it.next() {
            None => out.push('%'),
            Some('z') => {
                if z.is_none() {
                    z = Some(format_utcoffset(vm, tz, tzarg, "")?.unwrap_or_default());
                }
                out.push_str(z.as_deref().unwrap_or(""));
            }
            Some('Z') => {
                if zname.is_none() {
                    let n = match tz {
                        Some(tz) => match call_tzname(vm, tz, tzarg)? {
                            // `%` is doubled through the name's own `replace`,
                            // as C does.
                            Some(n) => {
                                let r = vm.call_method(
                                    &n,
                                    "replace",
                                    &[vm.new_str("%"), vm.new_str("%%")],
                                )?;
                                match r.downcast_ref::<crate::types::str::PyStr>() {
                                    Some(t) => t.as_str().to_string(),
                                    None => {
                                        return Err(vm.new_type_error(
                                            "tzname.replace() did not return a string",
                                        ))
                                    }
                                }
                            }
                            None => String::new(),
                        },
                        None => String::new(),
                    };
                    zname = Some(n);
                }
                out.push_str(zname.as_deref().unwrap_or(""));
            }
            Some('f') => out.push_str(&format!("{us:06}")),
            Some(o) => {
                out.push('%');
                out.push(o);
            }
        }
    }
    let f = super::import_attr(vm, "time", "strftime")?;
    vm.call(&f, &[vm.new_str(out), timetuple])
}
