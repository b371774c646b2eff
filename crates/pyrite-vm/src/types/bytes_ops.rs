//! The str-like methods shared by `bytes` and `bytearray` (searching,
//! splitting, joining, stripping, padding, ASCII case mapping and
//! predicates, `translate`/`maketrans`). Results have the type of `self`
//! (bytes or bytearray). Whitespace is ASCII whitespace (`\t\n\v\f\r `).
//! Mirrors CPython 3.11 `Objects/bytes_methods.c` and `Objects/stringlib/`.

use super::bytes_methods::{buffer_of, byte_value, need_buffer, new_bytes, same_kind, self_data};
use super::int::PyInt;
use super::str_methods::{adjust_range, arg_isize, opt_slice_index};
use super::str_search::{rsplit_whitespace, split_whitespace};
use super::tuple::PyTuple;
use super::typeobj::class_of;
use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

/// First (or last) index of `n` in `h`.
pub fn find_sub(h: &[u8], n: &[u8], rev: bool) -> Option<usize> {
    if n.is_empty() {
        return Some(if rev { h.len() } else { 0 });
    }
    if n.len() > h.len() {
        return None;
    }
    if rev {
        (0..=h.len() - n.len())
            .rev()
            .find(|&i| &h[i..i + n.len()] == n)
    } else if n.len() == 1 {
        h.iter().position(|&c| c == n[0])
    } else {
        h.windows(n.len()).position(|w| w == n)
    }
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn me(args: &Args) -> PyObjectRef {
    args.pos()[0].clone()
}

/// A "sub" argument: an int byte or a bytes-like object.
fn sub_arg(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    if o.downcast_ref::<PyInt>().is_some() || class_of(o).ext.lookup(&vm.names.__index__).is_some()
    {
        return Ok(vec![byte_value(vm, o)?]);
    }
    buffer_of(vm, o)?.ok_or_else(|| {
        vm.new_type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(o)
        ))
    })
}

fn sub_args(vm: &Vm, args: &Args, name: &str) -> PyResult<(Vec<u8>, Vec<u8>, usize, usize)> {
    let d = self_data(vm, &me(args))?;
    let r = args.shift().range::<3>(vm, name, 1)?;
    let sub = sub_arg(vm, r[0].expect("min 1"))?;
    let (a, b) = adjust_range(
        opt_slice_index(vm, r[1])?,
        opt_slice_index(vm, r[2])?,
        d.len(),
    );
    Ok((d, sub, a.max(0) as usize, b.max(0) as usize))
}

fn find_impl(vm: &Vm, args: &Args, name: &str, rev: bool) -> PyResult<i64> {
    let (d, sub, a, b) = sub_args(vm, args, name)?;
    if (b as isize) - (a as isize) < sub.len() as isize {
        return Ok(-1);
    }
    Ok(find_sub(&d[a..b], &sub, rev)
        .map(|p| (a + p) as i64)
        .unwrap_or(-1))
}

fn b_find(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int(find_impl(vm, &args, "find", false)?))
}
fn b_rfind(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int(find_impl(vm, &args, "rfind", true)?))
}
fn b_index(vm: &Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, "index", false)? {
        -1 => Err(vm.new_value_error("subsection not found")),
        i => Ok(vm.new_int(i)),
    }
}
fn b_rindex(vm: &Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, "rindex", true)? {
        -1 => Err(vm.new_value_error("subsection not found")),
        i => Ok(vm.new_int(i)),
    }
}

fn b_count(vm: &Vm, args: Args) -> PyResult {
    let (d, sub, a, b) = sub_args(vm, &args, "count")?;
    if (b as isize) - (a as isize) < sub.len() as isize {
        return Ok(vm.new_int(0));
    }
    if sub.is_empty() {
        return Ok(vm.new_int((b - a + 1) as i64));
    }
    let mut h = &d[a..b];
    let mut n = 0;
    while let Some(p) = find_sub(h, &sub, false) {
        n += 1;
        h = &h[p + sub.len()..];
    }
    Ok(vm.new_int(n))
}

fn affix(vm: &Vm, args: &Args, name: &str, end_: bool) -> PyResult {
    let d = self_data(vm, &me(args))?;
    let r = args.shift().range::<3>(vm, name, 1)?;
    let p = r[0].expect("min 1");
    let (a, b) = adjust_range(
        opt_slice_index(vm, r[1])?,
        opt_slice_index(vm, r[2])?,
        d.len(),
    );
    let test = |s: &[u8]| -> bool {
        if b - a < s.len() as isize {
            return false;
        }
        let w = &d[a as usize..b as usize];
        if end_ {
            w.ends_with(s)
        } else {
            w.starts_with(s)
        }
    };
    if let Some(t) = p.downcast_ref::<PyTuple>() {
        for it in t.as_slice() {
            let s = buffer_of(vm, it)?.ok_or_else(|| {
                vm.new_type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(it)
                ))
            })?;
            if test(&s) {
                return Ok(vm.true_.clone());
            }
        }
        return Ok(vm.false_.clone());
    }
    let s = buffer_of(vm, p)?.ok_or_else(|| {
        vm.new_type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(p)
        ))
    })?;
    Ok(vm.new_bool(test(&s)))
}

fn b_startswith(vm: &Vm, args: Args) -> PyResult {
    affix(vm, &args, "startswith", false)
}
fn b_endswith(vm: &Vm, args: Args) -> PyResult {
    affix(vm, &args, "endswith", true)
}

fn list_of(vm: &Vm, like: &PyObjectRef, parts: Vec<&[u8]>) -> PyObjectRef {
    vm.new_list(
        parts
            .into_iter()
            .map(|p| same_kind(vm, like, p.to_vec()))
            .collect(),
    )
}

fn split_impl(vm: &Vm, args: &Args, name: &str, rev: bool) -> PyResult {
    let o = me(args);
    let d = self_data(vm, &o)?;
    let [sep, maxsplit] = args.shift().bind(vm, name, ["sep", "maxsplit"], 0, 0, 2)?;
    let max = match maxsplit {
        Some(m) => arg_isize(vm, m)?,
        None => -1,
    };
    let max = if max < 0 { isize::MAX } else { max };
    match sep {
        Some(s) if !s.is(&vm.none) => {
            let sep = need_buffer(vm, s)?;
            if sep.is_empty() {
                return Err(vm.new_value_error("empty separator"));
            }
            let mut parts: Vec<&[u8]> = Vec::new();
            let mut rest: &[u8] = &d;
            let mut n = 0;
            while n < max {
                match find_sub(rest, &sep, rev) {
                    Some(p) => {
                        if rev {
                            parts.push(&rest[p + sep.len()..]);
                            rest = &rest[..p];
                        } else {
                            parts.push(&rest[..p]);
                            rest = &rest[p + sep.len()..];
                        }
                        n += 1;
                    }
                    None => break,
                }
            }
            parts.push(rest);
            if rev {
                parts.reverse();
            }
            Ok(list_of(vm, &o, parts))
        }
        _ => {
            // Reuse the str whitespace splitter on a Latin-1 view.
            let text: String = d.iter().map(|&b| b as char).collect();
            let ws = |c: char| (c as u32) < 128 && is_ws(c as u8);
            let parts = if rev {
                rsplit_whitespace(&text, max, ws)
            } else {
                split_whitespace(&text, max, ws)
            };
            Ok(vm.new_list(
                parts
                    .into_iter()
                    .map(|p| same_kind(vm, &o, p.chars().map(|c| c as u32 as u8).collect()))
                    .collect(),
            ))
        }
    }
}

fn b_split(vm: &Vm, args: Args) -> PyResult {
    split_impl(vm, &args, "split", false)
}
fn b_rsplit(vm: &Vm, args: Args) -> PyResult {
    split_impl(vm, &args, "rsplit", true)
}

fn b_splitlines(vm: &Vm, args: Args) -> PyResult {
    let o = me(&args);
    let d = self_data(vm, &o)?;
    let [keep] = args.shift().bind(vm, "splitlines", ["keepends"], 0, 0, 1)?;
    let keep = match keep {
        Some(k) => !vm
            .index(k)?
            .downcast_ref::<PyInt>()
            .is_some_and(|i| i.value.is_zero()),
        None => false,
    };
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < d.len() {
        if d[i] == b'\n' || d[i] == b'\r' {
            let mut end = i + 1;
            if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(same_kind(
                vm,
                &o,
                d[start..if keep { end } else { i }].to_vec(),
            ));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        out.push(same_kind(vm, &o, d[start..].to_vec()));
    }
    Ok(vm.new_list(out))
}

fn b_join(vm: &Vm, args: Args) -> PyResult {
    let [o, it] = args.exact::<2>(vm, "join")?;
    let sep = self_data(vm, o)?;
    let items = vm.to_vec(it)?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let b = buffer_of(vm, x)?.ok_or_else(|| {
            vm.new_type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(x)
            ))
        })?;
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(same_kind(vm, o, out))
}

fn strip_impl(vm: &Vm, args: &Args, name: &str, left: bool, right: bool) -> PyResult {
    let o = me(args);
    let d = self_data(vm, &o)?;
    let [chars] = args.shift().range::<1>(vm, name, 0)?;
    let set: Option<Vec<u8>> = match chars {
        Some(c) if !c.is(&vm.none) => Some(need_buffer(vm, c)?),
        _ => None,
    };
    let hit = |c: u8| match &set {
        Some(s) => s.contains(&c),
        None => is_ws(c),
    };
    let mut a = 0;
    let mut b = d.len();
    if left {
        while a < b && hit(d[a]) {
            a += 1;
        }
    }
    if right {
        while b > a && hit(d[b - 1]) {
            b -= 1;
        }
    }
    if a == 0 && b == d.len() && o.class().is(vm.types.bytes.as_object()) {
        return Ok(o);
    }
    Ok(same_kind(vm, &o, d[a..b].to_vec()))
}

fn b_strip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, &args, "strip", true, true)
}
fn b_lstrip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, &args, "lstrip", true, false)
}
fn b_rstrip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, &args, "rstrip", false, true)
}

fn b_replace(vm: &Vm, args: Args) -> PyResult {
    let o = me(&args);
    let d = self_data(vm, &o)?;
    let r = args.shift().range::<3>(vm, "replace", 2)?;
    let old = need_buffer(vm, r[0].expect("min 2"))?;
    let new = need_buffer(vm, r[1].expect("min 2"))?;
    let count = match r[2] {
        Some(c) => arg_isize(vm, c)?,
        None => -1,
    };
    let mut left = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::with_capacity(d.len());
    if old.is_empty() {
        for &c in d.iter() {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(same_kind(vm, &o, out));
    }
    let mut rest: &[u8] = &d;
    while left > 0 {
        match find_sub(rest, &old, false) {
            Some(p) => {
                out.extend_from_slice(&rest[..p]);
                out.extend_from_slice(&new);
                rest = &rest[p + old.len()..];
                left -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    Ok(same_kind(vm, &o, out))
}

fn partition_impl(vm: &Vm, args: &Args, name: &str, rev: bool) -> PyResult {
    let [o, sep] = args.exact::<2>(vm, name)?;
    let d = self_data(vm, o)?;
    let s = need_buffer(vm, sep)?;
    if s.is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    let mk = |v: &[u8]| same_kind(vm, o, v.to_vec());
    Ok(vm.new_tuple(match find_sub(&d, &s, rev) {
        Some(p) => vec![mk(&d[..p]), mk(&s), mk(&d[p + s.len()..])],
        None if rev => vec![mk(b""), mk(b""), mk(&d)],
        None => vec![mk(&d), mk(b""), mk(b"")],
    }))
}

fn b_partition(vm: &Vm, args: Args) -> PyResult {
    partition_impl(vm, &args, "partition", false)
}
fn b_rpartition(vm: &Vm, args: Args) -> PyResult {
    partition_impl(vm, &args, "rpartition", true)
}

fn remove_affix(vm: &Vm, args: &Args, name: &str, suffix: bool) -> PyResult {
    let [o, p] = args.exact::<2>(vm, name)?;
    let d = self_data(vm, o)?;
    let p = need_buffer(vm, p)?;
    let r = if suffix {
        d.strip_suffix(&p[..])
    } else {
        d.strip_prefix(&p[..])
    };
    match r {
        Some(r) if !p.is_empty() => Ok(same_kind(vm, o, r.to_vec())),
        _ if o.class().is(vm.types.bytes.as_object()) => Ok(o.clone()),
        _ => Ok(same_kind(vm, o, d)),
    }
}

fn b_removeprefix(vm: &Vm, args: Args) -> PyResult {
    remove_affix(vm, &args, "removeprefix", false)
}
fn b_removesuffix(vm: &Vm, args: Args) -> PyResult {
    remove_affix(vm, &args, "removesuffix", true)
}

fn pad_impl(vm: &Vm, args: &Args, name: &str, which: u8) -> PyResult {
    let o = me(args);
    let d = self_data(vm, &o)?;
    let r = args.shift().range::<2>(vm, name, 1)?;
    let width = arg_isize(vm, r[0].expect("min 1"))?;
    let fill = match r[1] {
        Some(f) => match buffer_of(vm, f)? {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                return Err(vm.new_type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(f)
                )))
            }
        },
        None => b' ',
    };
    let len = d.len() as isize;
    if width <= len {
        if o.class().is(vm.types.bytes.as_object()) {
            return Ok(o);
        }
        return Ok(same_kind(vm, &o, d));
    }
    let marg = (width - len) as usize;
    let (l, r) = match which {
        0 => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
        1 => (0, marg),
        _ => (marg, 0),
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&d);
    out.extend(std::iter::repeat(fill).take(r));
    Ok(same_kind(vm, &o, out))
}

fn b_center(vm: &Vm, args: Args) -> PyResult {
    pad_impl(vm, &args, "center", 0)
}
fn b_ljust(vm: &Vm, args: Args) -> PyResult {
    pad_impl(vm, &args, "ljust", 1)
}
fn b_rjust(vm: &Vm, args: Args) -> PyResult {
    pad_impl(vm, &args, "rjust", 2)
}

fn b_zfill(vm: &Vm, args: Args) -> PyResult {
    let [o, w] = args.exact::<2>(vm, "zfill")?;
    let d = self_data(vm, o)?;
    let width = arg_isize(vm, w)?;
    if width <= d.len() as isize {
        return Ok(same_kind(vm, o, d));
    }
    let fill = width as usize - d.len();
    let mut out = Vec::with_capacity(width as usize);
    let rest = match d.first() {
        Some(&c @ (b'+' | b'-')) => {
            out.push(c);
            &d[1..]
        }
        _ => &d[..],
    };
    out.extend(std::iter::repeat(b'0').take(fill));
    out.extend_from_slice(rest);
    Ok(same_kind(vm, o, out))
}

fn b_expandtabs(vm: &Vm, args: Args) -> PyResult {
    let o = me(&args);
    let d = self_data(vm, &o)?;
    let [ts] = args.shift().bind(vm, "expandtabs", ["tabsize"], 0, 0, 1)?;
    let tabsize = match ts {
        Some(t) => arg_isize(vm, t)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(d.len());
    let mut col = 0usize;
    for &c in d.iter() {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize as usize - col % tabsize as usize;
                    out.extend(std::iter::repeat(b' ').take(n));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(same_kind(vm, &o, out))
}

macro_rules! bytes_map {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname(vm: &Vm, args: Args) -> PyResult {
            let [o] = args.exact::<1>(vm, $name)?;
            let d = self_data(vm, o)?;
            let f: fn(&[u8]) -> Vec<u8> = $f;
            Ok(same_kind(vm, o, f(&d)))
        }
    };
}
macro_rules! bytes_pred {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname(vm: &Vm, args: Args) -> PyResult {
            let [o] = args.exact::<1>(vm, $name)?;
            let d = self_data(vm, o)?;
            let f: fn(&[u8]) -> bool = $f;
            Ok(vm.new_bool(f(&d)))
        }
    };
}

fn title(d: &[u8]) -> Vec<u8> {
    let mut prev = false;
    d.iter()
        .map(|&c| {
            let r = if prev {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn istitle(d: &[u8]) -> bool {
    let (mut cased, mut prev) = (false, false);
    for &c in d {
        if c.is_ascii_uppercase() {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev {
                return false;
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    cased
}

bytes_map!(b_lower, "lower", |d| d.to_ascii_lowercase());
bytes_map!(b_upper, "upper", |d| d.to_ascii_uppercase());
bytes_map!(b_swapcase, "swapcase", |d| d
    .iter()
    .map(|&c| if c.is_ascii_uppercase() {
        c.to_ascii_lowercase()
    } else {
        c.to_ascii_uppercase()
    })
    .collect());
bytes_map!(b_capitalize, "capitalize", |d| d
    .iter()
    .enumerate()
    .map(|(i, &c)| if i == 0 {
        c.to_ascii_uppercase()
    } else {
        c.to_ascii_lowercase()
    })
    .collect());
bytes_map!(b_title, "title", title);
bytes_pred!(b_isalnum, "isalnum", |d| !d.is_empty()
    && d.iter().all(|c| c.is_ascii_alphanumeric()));
bytes_pred!(b_isalpha, "isalpha", |d| !d.is_empty()
    && d.iter().all(|c| c.is_ascii_alphabetic()));
bytes_pred!(b_isdigit, "isdigit", |d| !d.is_empty()
    && d.iter().all(|c| c.is_ascii_digit()));
bytes_pred!(b_isspace, "isspace", |d| !d.is_empty()
    && d.iter().all(|&c| is_ws(c)));
bytes_pred!(b_isascii, "isascii", |d| d.is_ascii());
bytes_pred!(b_islower, "islower", |d| d
    .iter()
    .any(|c| c.is_ascii_lowercase())
    && !d.iter().any(|c| c.is_ascii_uppercase()));
bytes_pred!(b_isupper, "isupper", |d| d
    .iter()
    .any(|c| c.is_ascii_uppercase())
    && !d.iter().any(|c| c.is_ascii_lowercase()));
bytes_pred!(b_istitle, "istitle", istitle);

fn b_translate(vm: &Vm, args: Args) -> PyResult {
    let o = me(&args);
    let d = self_data(vm, &o)?;
    let [table, delete] = args
        .shift()
        .bind(vm, "translate", ["table", "delete"], 1, 1, 2)?;
    let table = table.expect("required");
    let t = if table.is(&vm.none) {
        None
    } else {
        let t = need_buffer(vm, table)?;
        if t.len() != 256 {
            return Err(vm.new_value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let del = match delete {
        Some(x) => need_buffer(vm, x)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = d
        .iter()
        .filter(|c| !del.contains(c))
        .map(|&c| t.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(same_kind(vm, &o, out))
}

fn b_maketrans(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "maketrans")?;
    let a = need_buffer(vm, a)?;
    let b = need_buffer(vm, b)?;
    if a.len() != b.len() {
        return Err(vm.new_value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (x, y) in a.iter().zip(b.iter()) {
        t[*x as usize] = *y;
    }
    Ok(new_bytes(vm, t))
}

/// Register the shared str-like methods on bytes and bytearray.
pub fn init(vm: &Vm) {
    for t in [&vm.types.bytes, &vm.types.bytearray] {
        vm.add_method(t, "find", b_find);
        vm.add_method(t, "rfind", b_rfind);
        vm.add_method(t, "index", b_index);
        vm.add_method(t, "rindex", b_rindex);
        vm.add_method(t, "count", b_count);
        vm.add_method(t, "startswith", b_startswith);
        vm.add_method(t, "endswith", b_endswith);
        vm.add_method(t, "split", b_split);
        vm.add_method(t, "rsplit", b_rsplit);
        vm.add_method(t, "splitlines", b_splitlines);
        vm.add_method(t, "join", b_join);
        vm.add_method(t, "strip", b_strip);
        vm.add_method(t, "lstrip", b_lstrip);
        vm.add_method(t, "rstrip", b_rstrip);
        vm.add_method(t, "replace", b_replace);
        vm.add_method(t, "partition", b_partition);
        vm.add_method(t, "rpartition", b_rpartition);
        vm.add_method(t, "removeprefix", b_removeprefix);
        vm.add_method(t, "removesuffix", b_removesuffix);
        vm.add_method(t, "center", b_center);
        vm.add_method(t, "ljust", b_ljust);
        vm.add_method(t, "rjust", b_rjust);
        vm.add_method(t, "zfill", b_zfill);
        vm.add_method(t, "expandtabs", b_expandtabs);
        vm.add_method(t, "lower", b_lower);
        vm.add_method(t, "upper", b_upper);
        vm.add_method(t, "swapcase", b_swapcase);
        vm.add_method(t, "capitalize", b_capitalize);
        vm.add_method(t, "title", b_title);
        vm.add_method(t, "isalnum", b_isalnum);
        vm.add_method(t, "isalpha", b_isalpha);
        vm.add_method(t, "isdigit", b_isdigit);
        vm.add_method(t, "isspace", b_isspace);
        vm.add_method(t, "isascii", b_isascii);
        vm.add_method(t, "islower", b_islower);
        vm.add_method(t, "isupper", b_isupper);
        vm.add_method(t, "istitle", b_istitle);
        vm.add_method(t, "translate", b_translate);
        vm.add_staticmethod(t, "maketrans", b_maketrans);
    }
}
