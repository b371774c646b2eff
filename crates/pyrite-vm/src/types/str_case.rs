//! `str` case mapping (`lower`, `upper`, `capitalize`, `casefold`,
//! `swapcase`, `title`), the character predicates (`isalpha`, `isdigit`,
//! `isprintable`, ...) and `repr(str)`. Character properties come from the
//! Unicode 14 tables in `str_unicode.rs` (CPython 3.11's UCD version); the
//! simple/special upper- and lowercase mappings come from Rust's `char`
//! (a newer Unicode: characters added after 14.0 may map where CPython's
//! would not). Mirrors CPython 3.11 `Objects/unicodeobject.c` and
//! `Objects/unicodectype.c`.

use super::str::PyStr;
use super::str_marks::add_keeping_surrogates;
use super::str_unicode as tab;
use crate::args::Args;
use crate::{PyResult, Vm};

fn in_table(t: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    t.binary_search_by(|&(a, b)| {
        if b < c {
            std::cmp::Ordering::Less
        } else if a > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

fn in_map(t: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    t.binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| t[i].1)
}

/// `str.isprintable` for one character.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_table(tab::PRINTABLE, c)
}
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(tab::ALPHA, c)
}
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(tab::DECIMAL, c)
}
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(tab::DIGIT, c)
}
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(tab::NUMERIC, c)
}
/// CPython's whitespace: bidirectional class WS/B/S or category Zs (this
/// includes `\x1c`..`\x1f`, which Rust's `is_whitespace` does not).
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f'
        );
    }
    in_table(tab::SPACE, c)
}
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_table(tab::LOWER, c)
}
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_table(tab::UPPER, c)
}
pub fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_table(tab::TITLE, c)
}
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(tab::CASED, c)
}
fn is_case_ignorable(c: char) -> bool {
    in_table(tab::CASE_IGNORABLE, c)
}
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_table(tab::XID_START, c)
}
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_table(tab::XID_CONTINUE, c)
}
/// The value of a decimal digit character (category Nd), as `int()` and
/// `float()` accept them. Nd characters come in runs of ten from zero.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let n = c as u32;
    let t = tab::DECIMAL;
    let i = t.partition_point(|&(_, b)| b < n);
    match t.get(i) {
        Some(&(a, b)) if a <= n && n <= b => Some((n - a) % 10),
        _ => None,
    }
}
/// `str.isidentifier` on text.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if is_xid_start(c) => it.all(is_xid_continue),
        _ => false,
    }
}

/// `repr(str)` as CPython writes it (quote choice and escapes).
pub fn str_repr(s: &str) -> String {
    str_repr_marked(s, false)
}

/// `repr(str)` of text whose stand-ins are lone surrogates if `marked`.
pub fn str_repr_marked(s: &str, marked: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if marked && c as u32 >= pyrite_bytecode::surrogate::BASE => out.push_str(&format!(
                "\\u{:04x}",
                pyrite_bytecode::surrogate::code_point(c, true)
            )),
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Whether the capital sigma at char index `i` of `cs` ends a word (then
/// it lowers to final sigma 'ς'): preceded by a cased letter and not
/// followed by one, skipping case-ignorable characters both ways.
fn final_sigma(cs: &[char], i: usize) -> bool {
    let mut j = i;
    let mut before = false;
    while j > 0 {
        j -= 1;
        let c = cs[j];
        if is_case_ignorable(c) {
            continue;
        }
        before = is_cased(c);
        break;
    }
    if !before {
        return false;
    }
    for &c in &cs[i + 1..] {
        if is_case_ignorable(c) {
            continue;
        }
        return !is_cased(c);
    }
    true
}

fn push_lower(out: &mut String, cs: &[char], i: usize) {
    let c = cs[i];
    if c == '\u{3a3}' {
        out.push(if final_sigma(cs, i) {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
    } else {
        push_lower_char(out, c);
    }
}

/// Full uppercase mapping of one character (Unicode 14 as CPython 3.11).
fn push_upper(out: &mut String, c: char) {
    match in_map(tab::UPPER_FIX, c) {
        Some(u) => out.push_str(u),
        None => out.extend(c.to_uppercase()),
    }
}

/// Full lowercase mapping of one character (Unicode 14 as CPython 3.11).
fn push_lower_char(out: &mut String, c: char) {
    match in_map(tab::LOWER_FIX, c) {
        Some(l) => out.push_str(l),
        None => out.extend(c.to_lowercase()),
    }
}

fn push_title(out: &mut String, c: char) {
    match in_map(tab::TITLE_MAP, c) {
        Some(t) => out.push_str(t),
        None => push_upper(out, c),
    }
}

pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..cs.len() {
        push_lower(&mut out, &cs, i);
    }
    out
}

pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(&mut out, c);
    }
    out
}

pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match in_map(tab::FOLD_MAP, c) {
            Some(f) => out.push_str(f),
            None => push_lower_char(&mut out, c),
        }
    }
    out
}

pub fn capitalize(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    if let Some(&c) = cs.first() {
        push_title(&mut out, c);
    }
    for i in 1..cs.len() {
        push_lower(&mut out, &cs, i);
    }
    out
}

pub fn swapcase(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..cs.len() {
        let c = cs[i];
        if is_upper(c) {
            push_lower(&mut out, &cs, i);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

pub fn title(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for i in 0..cs.len() {
        let c = cs[i];
        if prev_cased {
            push_lower(&mut out, &cs, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

pub fn istitle(s: &str) -> bool {
    let (mut cased, mut prev) = (false, false);
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if is_lower(c) {
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

pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            return false;
        }
        if !cased && is_lower(c) {
            cased = true;
        }
    }
    cased
}

pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_titlecase(c) {
            return false;
        }
        if !cased && is_upper(c) {
            cased = true;
        }
    }
    cased
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyStr> {
    let pos = args.pos();
    args.no_kwargs(vm, &format!("str.{name}"))?;
    if pos.len() != 1 {
        return Err(vm.new_type_error(format!(
            "str.{name}() takes no arguments ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    pos[0].downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            vm.type_name(&pos[0])
        ))
    })
}

macro_rules! str_map {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname(vm: &Vm, args: Args) -> PyResult {
            let s = this(vm, &args, $name)?;
            let f: fn(&str) -> String = $f;
            Ok(vm.new_str(f(s.as_str())))
        }
    };
}
macro_rules! str_pred {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname(vm: &Vm, args: Args) -> PyResult {
            let s = this(vm, &args, $name)?;
            let f: fn(&str) -> bool = $f;
            Ok(vm.new_bool(f(s.as_str())))
        }
    };
}

str_map!(m_lower, "lower", lower);
str_map!(m_upper, "upper", upper);
str_map!(m_casefold, "casefold", casefold);
str_map!(m_capitalize, "capitalize", capitalize);
str_map!(m_swapcase, "swapcase", swapcase);
str_map!(m_title, "title", title);
str_pred!(m_istitle, "istitle", istitle);
str_pred!(m_islower, "islower", islower);
str_pred!(m_isupper, "isupper", isupper);
str_pred!(m_isalpha, "isalpha", |s| !s.is_empty()
    && s.chars().all(is_alpha));
str_pred!(m_isalnum, "isalnum", |s| !s.is_empty()
    && s.chars().all(is_alnum));
str_pred!(m_isdecimal, "isdecimal", |s| !s.is_empty()
    && s.chars().all(is_decimal));
str_pred!(m_isdigit, "isdigit", |s| !s.is_empty()
    && s.chars().all(is_digit));
str_pred!(m_isnumeric, "isnumeric", |s| !s.is_empty()
    && s.chars().all(is_numeric));
str_pred!(m_isspace, "isspace", |s| !s.is_empty()
    && s.chars().all(is_space));
str_pred!(m_isprintable, "isprintable", |s| s
    .chars()
    .all(is_printable));
str_pred!(m_isascii, "isascii", |s| s.is_ascii());
str_pred!(m_isidentifier, "isidentifier", is_identifier);

fn m_repr(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__repr__")?;
    Ok(vm.new_str(str_repr_marked(s.as_str(), s.has_surrogates())))
}

/// Register the case and predicate methods and `__repr__` on `str`.
pub fn init(vm: &Vm) {
    let t = &vm.types.str;
    vm.add_method(t, "__repr__", m_repr);
    add_keeping_surrogates!(vm, t, "lower", m_lower);
    add_keeping_surrogates!(vm, t, "upper", m_upper);
    add_keeping_surrogates!(vm, t, "casefold", m_casefold);
    add_keeping_surrogates!(vm, t, "capitalize", m_capitalize);
    add_keeping_surrogates!(vm, t, "swapcase", m_swapcase);
    add_keeping_surrogates!(vm, t, "title", m_title);
    vm.add_method(t, "istitle", m_istitle);
    vm.add_method(t, "islower", m_islower);
    vm.add_method(t, "isupper", m_isupper);
    vm.add_method(t, "isalpha", m_isalpha);
    vm.add_method(t, "isalnum", m_isalnum);
    vm.add_method(t, "isdecimal", m_isdecimal);
    vm.add_method(t, "isdigit", m_isdigit);
    vm.add_method(t, "isnumeric", m_isnumeric);
    vm.add_method(t, "isspace", m_isspace);
    vm.add_method(t, "isprintable", m_isprintable);
    vm.add_method(t, "isascii", m_isascii);
    vm.add_method(t, "isidentifier", m_isidentifier);
}
