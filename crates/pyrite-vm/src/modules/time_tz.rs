//! The local time zone for `time.localtime`/`mktime`: the TZif file named
//! by `TZ` (or `/etc/localtime`), with its POSIX-TZ footer rule for times
//! after the last transition, or a POSIX TZ string given directly in `TZ`.
//! This is what the C library does for CPython's `timemodule.c`.

use std::cell::RefCell;

/// One local time type: offset east of UTC, DST flag, abbreviation.
#[derive(Clone, Debug)]
pub struct TType {
    pub off: i64,
    pub isdst: bool,
    pub abbr: String,
}

/// A day rule of a POSIX TZ string.
#[derive(Clone, Debug)]
enum Rule {
    /// `Jn`: day 1..=365, February 29 never counted.
    Julian1(i64),
    /// `n`: day 0..=365, counting February 29.
    Julian0(i64),
    /// `Mm.w.d`: day `d` (0 = Sunday) of week `w` (5 = last) of month `m`.
    Month(i64, i64, i64),
}

#[derive(Clone, Debug)]
struct Posix {
    std: TType,
    dst: Option<(TType, Rule, i64, Rule, i64)>,
}

#[derive(Clone, Debug)]
pub struct Zone {
    trans: Vec<(i64, usize)>,
    types: Vec<TType>,
    posix: Option<Posix>,
}

thread_local! {
    static LOCAL: RefCell<Option<Zone>> = const { RefCell::new(None) };
}

fn utc() -> Zone {
    Zone {
        trans: Vec::new(),
        types: vec![TType {
            off: 0,
            isdst: false,
            abbr: "UTC".into(),
        }],
        posix: None,
    }
}

/// The local zone (loaded once; `reset` reloads it for `time.tzset`).
pub fn local() -> Zone {
    LOCAL.with(|l| {
        if let Some(z) = l.borrow().as_ref() {
            return z.clone();
        }
        let z = load();
        *l.borrow_mut() = Some(z.clone());
        z
    })
}

pub fn reset() {
    LOCAL.with(|l| *l.borrow_mut() = None);
}

fn load() -> Zone {
    let tz = std::env::var("TZ").ok();
    let path = match tz.as_deref() {
        None => "/etc/localtime".to_string(),
        Some("") => return utc(),
        Some(s) => {
            let s = s.strip_prefix(':').unwrap_or(s);
            if s.starts_with('/') {
                s.to_string()
            } else {
                let p = format!("/usr/share/zoneinfo/{s}");
                if std::path::Path::new(&p).is_file() {
                    p
                } else {
                    return parse_posix(s)
                        .map(|p| Zone {
                            trans: Vec::new(),
                            types: vec![p.std.clone()],
                            posix: Some(p),
                        })
                        .unwrap_or_else(utc);
                }
            }
        }
    };
    std::fs::read(&path)
        .ok()
        .and_then(|d| parse_tzif(&d))
        .unwrap_or_else(utc)
}

fn be32(d: &[u8], at: usize) -> Option<i64> {
    d.get(at..at + 4)
        .map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]]) as i64)
}

fn be64(d: &[u8], at: usize) -> Option<i64> {
    d.get(at..at + 8).map(|b| {
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        i64::from_be_bytes(a)
    })
}

fn parse_tzif(d: &[u8]) -> Option<Zone> {
    if d.get(..4)? != b"TZif" {
        return None;
    }
    let version = *d.get(4)?;
    let counts = |at: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (i, x) in c.iter_mut().enumerate() {
            *x = be32(d, at + 20 + 4 * i)? as usize;
        }
        Some(c)
    };
    let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0)?;
    let v1_len = timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    let (base, tsize, [isut2, isstd2, leap2, timecnt2, typecnt2, charcnt2]) = if version >= b'2' {
        let h2 = 44 + v1_len;
        if d.get(h2..h2 + 4)? != b"TZif" {
            return None;
        }
        (h2 + 44, 8, counts(h2)?)
    } else {
        (44, 4, [isut, isstd, leap, timecnt, typecnt, charcnt])
    };
    let mut at = base;
    let mut times = Vec::with_capacity(timecnt2);
    for _ in 0..timecnt2 {
        times.push(if tsize == 8 {
            be64(d, at)?
        } else {
            be32(d, at)?
        });
        at += tsize;
    }
    let mut trans = Vec::with_capacity(timecnt2);
    for t in times {
        trans.push((t, *d.get(at)? as usize));
        at += 1;
    }
    let mut raw = Vec::with_capacity(typecnt2);
    for _ in 0..typecnt2 {
        raw.push((be32(d, at)?, *d.get(at + 4)? != 0, *d.get(at + 5)? as usize));
        at += 6;
    }
    let chars = d.get(at..at + charcnt2)?;
    at += charcnt2;
    let types: Vec<TType> = raw
        .into_iter()
        .map(|(off, isdst, ai)| {
            let abbr: String = chars
                .get(ai..)
                .unwrap_or(&[])
                .iter()
                .take_while(|c| **c != 0)
                .map(|c| *c as char)
                .collect();
            TType { off, isdst, abbr }
        })
        .collect();
    if types.is_empty() {
        return None;
    }
    let mut posix = None;
    if version >= b'2' {
        let rest = &d[at..];
        // Skip leap second records and the indicator arrays to the footer.
        let skip = leap2 * (tsize + 4) + isstd2 + isut2;
        if let Some(f) = rest.get(skip..) {
            let s = String::from_utf8_lossy(f);
            let s = s.trim_matches('\n');
            if !s.is_empty() {
                posix = parse_posix(s.lines().next().unwrap_or(""));
            }
        }
    }
    Some(Zone {
        trans,
        types,
        posix,
    })
}

// ----- POSIX TZ strings ---------------------------------------------------------------

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn name(&mut self) -> Option<String> {
        if self.peek() == Some(b'<') {
            self.i += 1;
            let start = self.i;
            while self.peek()? != b'>' {
                self.i += 1;
            }
            let n = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
            self.i += 1;
            return Some(n);
        }
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.i += 1;
        }
        if self.i - start < 3 {
            return None;
        }
        Some(String::from_utf8_lossy(&self.s[start..self.i]).into_owned())
    }

    fn num(&mut self) -> Option<i64> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i])
            .ok()?
            .parse()
            .ok()
    }

    /// `[+-]hh[:mm[:ss]]` in seconds.
    fn hms(&mut self) -> Option<i64> {
        let sign = match self.peek() {
            Some(b'-') => {
                self.i += 1;
                -1
            }
            Some(b'+') => {
                self.i += 1;
                1
            }
            _ => 1,
        };
        let mut v = self.num()? * 3600;
        for mul in [60, 1] {
            if self.peek() == Some(b':') {
                self.i += 1;
                v += self.num()? * mul;
            } else {
                break;
            }
        }
        Some(sign * v)
    }

    fn rule(&mut self) -> Option<(Rule, i64)> {
        let r = match self.peek()? {
            b'J' => {
                self.i += 1;
                Rule::Julian1(self.num()?)
            }
            b'M' => {
                self.i += 1;
                let m = self.num()?;
                if self.peek()? != b'.' {
                    return None;
                }
                self.i += 1;
                let w = self.num()?;
                if self.peek()? != b'.' {
                    return None;
                }
                self.i += 1;
                Rule::Month(m, w, self.num()?)
            }
            _ => Rule::Julian0(self.num()?),
        };
        let t = if self.peek() == Some(b'/') {
            self.i += 1;
            self.hms()?
        } else {
            7200
        };
        Some((r, t))
    }
}

fn parse_posix(s: &str) -> Option<Posix> {
    let mut c = Cursor {
        s: s.as_bytes(),
        i: 0,
    };
    let std_name = c.name()?;
    let std_off = -c.hms()?;
    let std = TType {
        off: std_off,
        isdst: false,
        abbr: std_name,
    };
    if c.peek().is_none() {
        return Some(Posix { std, dst: None });
    }
    let dst_name = c.name()?;
    let dst_off = match c.peek() {
        Some(b',') | None => std_off + 3600,
        _ => -c.hms()?,
    };
    let dst = TType {
        off: dst_off,
        isdst: true,
        abbr: dst_name,
    };
    let (r1, t1, r2, t2) = if c.peek() == Some(b',') {
        c.i += 1;
        let (r1, t1) = c.rule()?;
        if c.peek()? != b',' {
            return None;
        }
        c.i += 1;
        let (r2, t2) = c.rule()?;
        (r1, t1, r2, t2)
    } else {
        (Rule::Month(3, 2, 0), 7200, Rule::Month(11, 1, 0), 7200)
    };
    Some(Posix {
        std,
        dst: Some((dst, r1, t1, r2, t2)),
    })
}

// ----- calendar arithmetic -------------------------------------------------------------

pub fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..=12).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// (year, month 1..=12, day) of days since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Seconds from the start of `year` (local) to the rule's day, at 00:00.
fn rule_day(year: i64, r: &Rule) -> i64 {
    let day = match *r {
        Rule::Julian1(n) => {
            let mut d = n - 1;
            if is_leap(year) && n >= 60 {
                d += 1;
            }
            d
        }
        Rule::Julian0(n) => n,
        Rule::Month(m, w, wd) => {
            let first = days_from_civil(year, m, 1);
            // 1970-01-01 was a Thursday (4).
            let first_wd = (first + 4).rem_euclid(7);
            let mut d = (wd - first_wd).rem_euclid(7) + (w - 1) * 7;
            let mdays =
                days_from_civil(if m == 12 { year + 1 } else { year }, m % 12 + 1, 1) - first;
            while d >= mdays {
                d -= 7;
            }
            first + d - days_from_civil(year, 1, 1)
        }
    };
    day * 86400
}

impl Posix {
    fn at(&self, t: i64) -> TType {
        let Some((dst, r1, t1, r2, t2)) = &self.dst else {
            return self.std.clone();
        };
        let (year, _, _) = civil_from_days((t + self.std.off).div_euclid(86400));
        // glibc computes the rule of any year before 1970 as if it were
        // 1970 (its `compute_change` starts counting at the epoch).
        let year = year.max(1970);
        let y0 = days_from_civil(year, 1, 1) * 86400;
        let start = y0 + rule_day(year, r1) + t1 - self.std.off;
        let end = y0 + rule_day(year, r2) + t2 - dst.off;
        let in_dst = if start < end {
            t >= start && t < end
        } else {
            !(t >= end && t < start)
        };
        if in_dst {
            dst.clone()
        } else {
            self.std.clone()
        }
    }
}

impl Zone {
    /// The local time type in effect at UTC time `t`.
    pub fn at(&self, t: i64) -> TType {
        if self.trans.is_empty() || t < self.trans[0].0 {
            if let (true, Some(p)) = (self.trans.is_empty(), &self.posix) {
                return p.at(t);
            }
            // Before the first transition: the first non-DST type.
            return self
                .types
                .iter()
                .find(|t| !t.isdst)
                .unwrap_or(&self.types[0])
                .clone();
        }
        let i = self.trans.partition_point(|(x, _)| *x <= t);
        if i == self.trans.len() {
            if let Some(p) = &self.posix {
                return p.at(t);
            }
        }
        let idx = self.trans[i - 1].1;
        self.types.get(idx).unwrap_or(&self.types[0]).clone()
    }
}
