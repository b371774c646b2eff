//! `str` searching, splitting, joining, stripping, padding and translation
//! methods (`find`, `count`, `split`, `join`, `strip`, `replace`, `center`,
//! `translate`, ...). Positions are code points; windows given by
//! `start`/`end` are clamped like CPython's `ADJUST_INDICES`.
//! Mirrors CPython 3.11 `Objects/unicodeobject.c` and `Objects/stringlib/`.

use super::dict::PyDict;
use super::int::PyInt;
use super::str::PyStr;
use super::str_case::is_space;
use super::str_marks::add_keeping_surrogates;
use super::str_methods::{adjust_range, arg_isize, one_arg, opt_slice_index, pystr, self_str};
use super::tuple::PyTuple;
use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

/// Byte offsets of the code-point window `[a, b)` of `s`.
fn window(s: &PyStr, a: isize, b: isize) -> (usize, usize) {
    let (a, b) = (a.max(0) as usize, b.max(0) as usize);
    if s.is_ascii() {
        return (a, b.max(a));
    }
    let x = s.byte_offset(a);
    let y = if b <= a {
        x
    } else {
        x + s.as_str()[x..]
            .char_indices()
            .nth(b - a)
            .map(|(i, _)| i)
            .unwrap_or(s.as_str().len() - x)
    };
    (x, y)
}

fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The common argument shape `(sub[, start[, end]])` of find/index/count.
fn sub_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a PyStr, &'a PyStr, isize, isize)> {
    let s = self_str(vm, args, name)?;
    args.no_kwargs(vm, name)?;
    let pos = &args.pos()[1..];
    if pos.is_empty() {
        return Err(vm.new_type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if pos.len() > 3 {
        return Err(vm.new_type_error(format!(
            "{name}() takes at most 3 arguments ({} given)",
            pos.len()
        )));
    }
    let sub = pystr(&pos[0])
        .ok_or_else(|| vm.new_type_error(format!("must be str, not {}", vm.type_name(&pos[0]))))?;
    let start = opt_slice_index(vm, pos.get(1))?;
    let end = opt_slice_index(vm, pos.get(2))?;
    let (a, b) = adjust_range(start, end, s.char_len());
    Ok((s, sub, a, b))
}

fn find_impl(vm: &Vm, args: &Args, name: &str, rev: bool) -> PyResult<isize> {
    let (s, sub, a, b) = sub_args(vm, args, name)?;
    if b - a < sub.char_len() as isize {
        return Ok(-1);
    }
    let (x, y) = window(s, a, b);
    let hay = &s.as_str()[x..y];
    let found = if rev {
        hay.rfind(sub.as_str())
    } else {
        hay.find(sub.as_str())
    };
    Ok(match found {
        Some(p) => a + char_count(&hay[..p]) as isize,
        None => -1,
    })
}

fn str_find(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int(find_impl(vm, &args, "find", false)? as i64))
}
fn str_rfind(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_int(find_impl(vm, &args, "rfind", true)? as i64))
}
fn str_index(vm: &Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, "index", false)? {
        -1 => Err(vm.new_value_error("substring not found")),
        i => Ok(vm.new_int(i as i64)),
    }
}
fn str_rindex(vm: &Vm, args: Args) -> PyResult {
    match find_impl(vm, &args, "rindex", true)? {
        -1 => Err(vm.new_value_error("substring not found")),
        i => Ok(vm.new_int(i as i64)),
    }
}

fn str_count(vm: &Vm, args: Args) -> PyResult {
    let (s, sub, a, b) = sub_args(vm, &args, "count")?;
    if b - a < sub.char_len() as isize {
        return Ok(vm.new_int(0));
    }
    if sub.as_str().is_empty() {
        return Ok(vm.new_int((b - a + 1) as i64));
    }
    let (x, y) = window(s, a, b);
    Ok(vm.new_int(s.as_str()[x..y].matches(sub.as_str()).count() as i64))
}

fn affix_impl(vm: &Vm, args: &Args, name: &str, end_: bool) -> PyResult {
    let s = self_str(vm, args, name)?;
    args.no_kwargs(vm, name)?;
    let n = args.pos().len() - 1;
    if n < 1 {
        return Err(vm.new_type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if n > 3 {
        return Err(vm.new_type_error(format!("{name}() takes at most 3 arguments ({n} given)")));
    }
    let r = args.shift().range::<3>(vm, name, 1)?;
    let prefix = r[0].expect("min 1");
    let start = opt_slice_index(vm, r[1])?;
    let end = opt_slice_index(vm, r[2])?;
    let (a, b) = adjust_range(start, end, s.char_len());
    let test = |sub: &PyStr| -> bool {
        if b - a < sub.char_len() as isize {
            return false;
        }
        let (x, y) = window(s, a, b);
        let w = &s.as_str()[x..y];
        if end_ {
            w.ends_with(sub.as_str())
        } else {
            w.starts_with(sub.as_str())
        }
    };
    if let Some(t) = prefix.downcast_ref::<PyTuple>() {
        for it in t.as_slice() {
            let sub = pystr(it).ok_or_else(|| {
                vm.new_type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    vm.type_name(it)
                ))
            })?;
            if test(sub) {
                return Ok(vm.true_.clone());
            }
        }
        return Ok(vm.false_.clone());
    }
    let sub = pystr(prefix).ok_or_else(|| {
        vm.new_type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(prefix)
        ))
    })?;
    Ok(vm.new_bool(test(sub)))
}

fn str_startswith(vm: &Vm, args: Args) -> PyResult {
    affix_impl(vm, &args, "startswith", false)
}
fn str_endswith(vm: &Vm, args: Args) -> PyResult {
    affix_impl(vm, &args, "endswith", true)
}

/// `(sep=None, maxsplit=-1)` of split/rsplit.
fn split_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a PyStr, Option<&'a PyStr>, isize)> {
    let s = self_str(vm, args, name)?;
    let [sep, maxsplit] = args.shift().bind(vm, name, ["sep", "maxsplit"], 0, 0, 2)?;
    let sep = match sep {
        Some(o) if !o.is(&vm.none) => {
            let p = pystr(o).ok_or_else(|| {
                vm.new_type_error(format!("must be str or None, not {}", vm.type_name(o)))
            })?;
            if p.as_str().is_empty() {
                return Err(vm.new_value_error("empty separator"));
            }
            Some(p)
        }
        _ => None,
    };
    let maxsplit = match maxsplit {
        Some(m) => arg_isize(vm, m)?,
        None => -1,
    };
    Ok((s, sep, if maxsplit < 0 { isize::MAX } else { maxsplit }))
}

/// `str.split()` without a separator: runs of whitespace.
pub fn split_whitespace(s: &str, maxsplit: isize, is_ws: impl Fn(char) -> bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut n = 0;
    loop {
        rest = rest.trim_start_matches(&is_ws);
        if rest.is_empty() {
            break;
        }
        if n >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.find(&is_ws) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = &rest[i..];
                n += 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// `str.rsplit()` without a separator.
pub fn rsplit_whitespace(s: &str, maxsplit: isize, is_ws: impl Fn(char) -> bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut n = 0;
    loop {
        rest = rest.trim_end_matches(&is_ws);
        if rest.is_empty() {
            break;
        }
        if n >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.rfind(&is_ws) {
            Some(i) => {
                let c = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                out.push(&rest[i + c..]);
                rest = &rest[..i];
                n += 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

fn str_list(vm: &Vm, parts: Vec<&str>) -> PyObjectRef {
    vm.new_list(parts.into_iter().map(|p| vm.new_str(p)).collect())
}

fn str_split(vm: &Vm, args: Args) -> PyResult {
    let (s, sep, max) = split_args(vm, &args, "split")?;
    let s = s.as_str();
    Ok(match sep {
        None => str_list(vm, split_whitespace(s, max, is_space)),
        Some(sep) => str_list(
            vm,
            s.splitn(max.saturating_add(1).max(1) as usize, sep.as_str())
                .collect(),
        ),
    })
}

fn str_rsplit(vm: &Vm, args: Args) -> PyResult {
    let (s, sep, max) = split_args(vm, &args, "rsplit")?;
    let s = s.as_str();
    Ok(match sep {
        None => str_list(vm, rsplit_whitespace(s, max, is_space)),
        Some(sep) => {
            let mut v: Vec<&str> = s
                .rsplitn(max.saturating_add(1).max(1) as usize, sep.as_str())
                .collect();
            v.reverse();
            str_list(vm, v)
        }
    })
}

fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn str_splitlines(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "splitlines")?;
    let [keep] = args.shift().bind(vm, "splitlines", ["keepends"], 0, 0, 1)?;
    let keep = match keep {
        Some(k) => {
            let i = vm.index(k)?;
            !i.downcast_ref::<PyInt>().is_some_and(|i| i.value.is_zero())
        }
        None => false,
    };
    let s = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(vm.new_str(if keep { &s[start..end] } else { &s[start..i] }));
            start = end;
        }
    }
    if start < s.len() {
        out.push(vm.new_str(&s[start..]));
    }
    Ok(vm.new_list(out))
}

fn str_join(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "join")?;
    let [_, it] = one_arg(vm, &args, "str.join")?;
    let items = if it.downcast_ref::<super::list::PyList>().is_some()
        || it.downcast_ref::<PyTuple>().is_some()
    {
        vm.to_vec(it)?
    } else {
        let iter = vm.iter(it).map_err(|e| {
            if vm.exc_matches(&e, &vm.exc.TypeError) {
                vm.new_type_error("can only join an iterable")
            } else {
                e
            }
        })?;
        let mut v = Vec::new();
        while let Some(x) = vm.next(&iter)? {
            v.push(x);
        }
        v
    };
    if items.len() == 1 && items[0].class().is(vm.types.str.as_object()) {
        return Ok(items[0].clone());
    }
    let mut out = String::new();
    let mut marked = s.has_surrogates() && items.len() > 1;
    for (i, x) in items.iter().enumerate() {
        let p = pystr(x).ok_or_else(|| {
            vm.new_type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                vm.type_name(x)
            ))
        })?;
        if i > 0 {
            out.push_str(s.as_str());
        }
        out.push_str(p.as_str());
        marked |= p.has_surrogates();
    }
    Ok(vm.new_str_marked(out, marked))
}

fn strip_impl(vm: &Vm, args: &Args, name: &str, left: bool, right: bool) -> PyResult {
    let s = self_str(vm, args, name)?;
    let [chars] = args.shift().range::<1>(vm, name, 0)?;
    let text = s.as_str();
    let r = match chars {
        Some(c) if !c.is(&vm.none) => {
            let cs = pystr(c)
                .ok_or_else(|| vm.new_type_error(format!("{name} arg must be None or str")))?;
            let set: Vec<char> = cs.as_str().chars().collect();
            let f = |c: char| set.contains(&c);
            let mut t = text;
            if left {
                t = t.trim_start_matches(f);
            }
            if right {
                t = t.trim_end_matches(f);
            }
            t
        }
        _ => {
            let mut t = text;
            if left {
                t = t.trim_start_matches(is_space);
            }
            if right {
                t = t.trim_end_matches(is_space);
            }
            t
        }
    };
    if r.len() == text.len() && args.pos()[0].class().is(vm.types.str.as_object()) {
        return Ok(args.pos()[0].clone());
    }
    Ok(vm.new_str(r))
}

fn str_strip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, &args, "strip", true, true)
}
fn str_lstrip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, &args, "lstrip", true, false)
}
fn str_rstrip(vm: &Vm, args: Args) -> PyResult {
    strip_impl(vm, &args, "rstrip", false, true)
}

/// `s.replace(old, new, count)` on text (count < 0: all).
pub fn replace_str(s: &str, old: &str, new: &str, count: isize) -> String {
    let count = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        let mut out = String::with_capacity(s.len());
        let mut n = 0;
        for c in s.chars() {
            if n < count {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(new);
        }
        return out;
    }
    s.replacen(old, new, count)
}

fn str_replace(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "replace")?;
    let r = args.shift().range::<3>(vm, "replace", 2)?;
    let old = r[0].expect("min 2");
    let new = r[1].expect("min 2");
    let old = pystr(old).ok_or_else(|| {
        vm.new_type_error(format!(
            "replace() argument 1 must be str, not {}",
            vm.type_name(old)
        ))
    })?;
    let new = pystr(new).ok_or_else(|| {
        vm.new_type_error(format!(
            "replace() argument 2 must be str, not {}",
            vm.type_name(new)
        ))
    })?;
    let count = match r[2] {
        Some(c) => arg_isize(vm, c)?,
        None => -1,
    };
    Ok(vm.new_str(replace_str(s.as_str(), old.as_str(), new.as_str(), count)))
}

fn partition_impl(vm: &Vm, args: &Args, name: &str, rev: bool) -> PyResult {
    let s = self_str(vm, args, name)?;
    let [_, sep] = one_arg(vm, args, &format!("str.{name}"))?;
    let sep = pystr(sep)
        .ok_or_else(|| vm.new_type_error(format!("must be str, not {}", vm.type_name(sep))))?;
    if sep.as_str().is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    let t = s.as_str();
    let found = if rev {
        t.rfind(sep.as_str())
    } else {
        t.find(sep.as_str())
    };
    let me = || {
        if args.pos()[0].class().is(vm.types.str.as_object()) {
            args.pos()[0].clone()
        } else {
            vm.new_str(t)
        }
    };
    Ok(vm.new_tuple(match found {
        Some(i) => vec![
            vm.new_str(&t[..i]),
            args.pos()[1].clone(),
            vm.new_str(&t[i + sep.as_str().len()..]),
        ],
        None if rev => vec![vm.empty_str.clone(), vm.empty_str.clone(), me()],
        None => vec![me(), vm.empty_str.clone(), vm.empty_str.clone()],
    }))
}

fn str_partition(vm: &Vm, args: Args) -> PyResult {
    partition_impl(vm, &args, "partition", false)
}
fn str_rpartition(vm: &Vm, args: Args) -> PyResult {
    partition_impl(vm, &args, "rpartition", true)
}

fn affix_remove(vm: &Vm, args: &Args, name: &str, suffix: bool) -> PyResult {
    let s = self_str(vm, args, name)?;
    let [_, p] = one_arg(vm, args, &format!("str.{name}"))?;
    let p = pystr(p).ok_or_else(|| {
        vm.new_type_error(format!(
            "{name}() argument must be str, not {}",
            vm.type_name(p)
        ))
    })?;
    let t = s.as_str();
    let r = if suffix {
        t.strip_suffix(p.as_str())
    } else {
        t.strip_prefix(p.as_str())
    };
    match r {
        Some(r) if !p.as_str().is_empty() => Ok(vm.new_str(r)),
        _ if args.pos()[0].class().is(vm.types.str.as_object()) => Ok(args.pos()[0].clone()),
        _ => Ok(vm.new_str(t)),
    }
}

fn str_removeprefix(vm: &Vm, args: Args) -> PyResult {
    affix_remove(vm, &args, "removeprefix", false)
}
fn str_removesuffix(vm: &Vm, args: Args) -> PyResult {
    affix_remove(vm, &args, "removesuffix", true)
}

/// `(width[, fillchar])` of center/ljust/rjust.
fn pad_args<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a PyStr, isize, char)> {
    let s = self_str(vm, args, name)?;
    let r = args.shift().range::<2>(vm, name, 1)?;
    let width = arg_isize(vm, r[0].expect("min 1"))?;
    let fill = match r[1] {
        Some(f) => {
            let fs = pystr(f).ok_or_else(|| {
                vm.new_type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(f)
                ))
            })?;
            let mut cs = fs.as_str().chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.new_type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
        None => ' ',
    };
    Ok((s, width, fill))
}

/// Pad `s` (of `len` code points) with `left` and `right` fill characters.
pub fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat(fill).take(left));
    out.push_str(s);
    out.extend(std::iter::repeat(fill).take(right));
    out
}

fn pad_impl(vm: &Vm, args: &Args, name: &str, which: u8) -> PyResult {
    let (s, width, fill) = pad_args(vm, args, name)?;
    let len = s.char_len() as isize;
    if width <= len {
        if args.pos()[0].class().is(vm.types.str.as_object()) {
            return Ok(args.pos()[0].clone());
        }
        return Ok(vm.new_str(s.as_str()));
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
    Ok(vm.new_str(pad(s.as_str(), l, r, fill)))
}

fn str_center(vm: &Vm, args: Args) -> PyResult {
    pad_impl(vm, &args, "center", 0)
}
fn str_ljust(vm: &Vm, args: Args) -> PyResult {
    pad_impl(vm, &args, "ljust", 1)
}
fn str_rjust(vm: &Vm, args: Args) -> PyResult {
    pad_impl(vm, &args, "rjust", 2)
}

fn str_zfill(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "zfill")?;
    let [_, w] = one_arg(vm, &args, "str.zfill")?;
    let width = arg_isize(vm, w)?;
    let len = s.char_len() as isize;
    if width <= len {
        if args.pos()[0].class().is(vm.types.str.as_object()) {
            return Ok(args.pos()[0].clone());
        }
        return Ok(vm.new_str(s.as_str()));
    }
    let fill = (width - len) as usize;
    let t = s.as_str();
    let mut out = String::with_capacity(width as usize);
    let rest = match t.chars().next() {
        Some(c @ ('+' | '-')) => {
            out.push(c);
            &t[1..]
        }
        _ => t,
    };
    out.extend(std::iter::repeat('0').take(fill));
    out.push_str(rest);
    Ok(vm.new_str(out))
}

fn str_expandtabs(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "expandtabs")?;
    let [ts] = args.shift().bind(vm, "expandtabs", ["tabsize"], 0, 0, 1)?;
    let tabsize = match ts {
        Some(t) => arg_isize(vm, t)?,
        None => 8,
    };
    let mut out = String::with_capacity(s.as_str().len());
    let mut col: usize = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize as usize - col % tabsize as usize;
                    out.extend(std::iter::repeat(' ').take(n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_str(out))
}

fn str_translate(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "translate")?;
    let [_, table] = one_arg(vm, &args, "str.translate")?;
    let mut out = String::with_capacity(s.as_str().len());
    let mut marked = s.has_surrogates();
    for c in s.as_str().chars() {
        let key = vm.new_int(s.code_point(c) as i64);
        let r = match vm.get_item(table, &key) {
            Ok(r) => r,
            Err(e) if vm.exc_matches(&e, &vm.exc.LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if r.is(&vm.none) {
            continue;
        }
        if let Some(i) = r.downcast_ref::<PyInt>() {
            match i
                .value
                .as_i64()
                .and_then(|v| u32::try_from(v).ok())
                .and_then(char::from_u32)
            {
                Some(ch) => out.push(ch),
                None if i
                    .value
                    .as_i64()
                    .is_some_and(|v| (0xd800..0xe000).contains(&v)) =>
                {
                    let v = i.value.as_i64().unwrap_or(0xd800) as u32;
                    out.push(pyrite_bytecode::surrogate::stand_in(v));
                    marked = true;
                }
                None => {
                    return Err(vm.new_value_error("character mapping must be in range(0x110000)"))
                }
            }
        } else if let Some(t) = pystr(&r) {
            out.push_str(t.as_str());
            marked |= t.has_surrogates();
        } else {
            return Err(vm.new_type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(vm.new_str_marked(out, marked))
}

fn str_maketrans(vm: &Vm, args: Args) -> PyResult {
    let [x, y, z] = args.range::<3>(vm, "maketrans", 1)?;
    let x = x.expect("min 1");
    let d = vm.new_dict();
    match y {
        None => {
            let src = x.downcast_ref::<PyDict>().ok_or_else(|| {
                vm.new_type_error("if you give only one argument to maketrans it must be a dict")
            })?;
            for (k, v) in src.items() {
                let key = if let Some(ks) = pystr(&k) {
                    let mut cs = ks.as_str().chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => vm.new_int(ks.code_point(c) as i64),
                        _ => {
                            return Err(vm.new_value_error(
                                "string keys in translate table must be of length 1",
                            ))
                        }
                    }
                } else if k.downcast_ref::<PyInt>().is_some() {
                    k.clone()
                } else {
                    return Err(
                        vm.new_type_error("keys in translate table must be strings or integers")
                    );
                };
                d.set_item(vm, key, v)?;
            }
        }
        Some(y) => {
            let ys = pystr(y).ok_or_else(|| {
                vm.new_type_error(format!(
                    "maketrans() argument 2 must be str, not {}",
                    vm.type_name(y)
                ))
            })?;
            if let Some(z) = z {
                if pystr(z).is_none() {
                    return Err(vm.new_type_error(format!(
                        "maketrans() argument 3 must be str, not {}",
                        vm.type_name(z)
                    )));
                }
            }
            let xs = pystr(x).ok_or_else(|| {
                vm.new_type_error(
                    "first maketrans argument must be a string if there is a second argument",
                )
            })?;
            if xs.char_len() != ys.char_len() {
                return Err(
                    vm.new_value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in xs.code_points().zip(ys.code_points()) {
                d.set_item(vm, vm.new_int(a as i64), vm.new_int(b as i64))?;
            }
            if let Some(z) = z {
                let zs = pystr(z).ok_or_else(|| {
                    vm.new_type_error(format!(
                        "maketrans() argument 3 must be str, not {}",
                        vm.type_name(z)
                    ))
                })?;
                for c in zs.code_points() {
                    d.set_item(vm, vm.new_int(c as i64), vm.none.clone())?;
                }
            }
        }
    }
    Ok(d.into_object())
}

/// Register the searching/splitting/padding methods on `str`.
pub fn init(vm: &Vm) {
    let t = &vm.types.str;
    vm.add_method(t, "find", str_find);
    vm.add_method(t, "rfind", str_rfind);
    vm.add_method(t, "index", str_index);
    vm.add_method(t, "rindex", str_rindex);
    vm.add_method(t, "count", str_count);
    vm.add_method(t, "startswith", str_startswith);
    vm.add_method(t, "endswith", str_endswith);
    add_keeping_surrogates!(vm, t, "split", str_split);
    add_keeping_surrogates!(vm, t, "rsplit", str_rsplit);
    add_keeping_surrogates!(vm, t, "splitlines", str_splitlines);
    vm.add_method(t, "join", str_join);
    add_keeping_surrogates!(vm, t, "strip", str_strip);
    add_keeping_surrogates!(vm, t, "lstrip", str_lstrip);
    add_keeping_surrogates!(vm, t, "rstrip", str_rstrip);
    add_keeping_surrogates!(vm, t, "replace", str_replace);
    add_keeping_surrogates!(vm, t, "partition", str_partition);
    add_keeping_surrogates!(vm, t, "rpartition", str_rpartition);
    add_keeping_surrogates!(vm, t, "removeprefix", str_removeprefix);
    add_keeping_surrogates!(vm, t, "removesuffix", str_removesuffix);
    add_keeping_surrogates!(vm, t, "center", str_center);
    add_keeping_surrogates!(vm, t, "ljust", str_ljust);
    add_keeping_surrogates!(vm, t, "rjust", str_rjust);
    add_keeping_surrogates!(vm, t, "zfill", str_zfill);
    add_keeping_surrogates!(vm, t, "expandtabs", str_expandtabs);
    vm.add_method(t, "translate", str_translate);
    vm.add_staticmethod(t, "maketrans", str_maketrans);
}
