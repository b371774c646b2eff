//! `str.format` / `str.format_map` (the replacement-field grammar:
//! `{name!conv:spec}`, auto/manual numbering, `.attr` and `[key]` chains,
//! nested specs), `str.__format__`, and the format-spec mini-language parser
//! shared with other types' `__format__`. The field parser is also what
//! `_string.formatter_parser` exposes.
//! Mirrors CPython 3.11 `Objects/stringlib/unicode_format.h` and
//! `Python/formatter_unicode.c`.

use super::dict::PyDict;
use super::str_marks::add_keeping_surrogates;
use super::str_methods::{pystr, self_str};
use super::str_search::pad;
use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

/// One chunk of a format string: literal text, then optionally a field.
#[derive(Debug)]
pub struct Chunk<'a> {
    pub literal: String,
    pub field: Option<Field<'a>>,
}

/// A replacement field `{name!conv:spec}`.
#[derive(Debug)]
pub struct Field<'a> {
    pub name: &'a str,
    pub conversion: Option<char>,
    pub spec: &'a str,
    pub spec_needs_expanding: bool,
}

/// Split a format string into chunks (CPython's `MarkupIterator`).
/// Errors are ValueError messages.
pub fn parse_format_string(s: &str) -> Result<Vec<Chunk<'_>>, String> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Literal text up to '{' or '}'.
        let start = i;
        let mut c = 0u8;
        let mut markup = false;
        while i < b.len() {
            c = b[i];
            i += 1;
            if c == b'{' || c == b'}' {
                markup = true;
                break;
            }
        }
        let at_end = i >= b.len();
        let mut len = i - start;
        if markup && c == b'}' && (at_end || b[i] != b'}') {
            return Err("Single '}' encountered in format string".into());
        }
        if markup && at_end && c == b'{' {
            return Err("Single '{' encountered in format string".into());
        }
        if markup && !at_end {
            if b[i] == c {
                i += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal = s[start..start + len].to_string();
        if !markup {
            out.push(Chunk {
                literal,
                field: None,
            });
            continue;
        }
        // Field name, terminated by '}', ':' or '!' ('[...]' may hold them).
        let ns = i;
        let mut c = 0u8;
        while i < b.len() {
            c = b[i];
            i += 1;
            match c {
                b'{' => return Err("unexpected '{' in field name".into()),
                b'[' => {
                    while i < b.len() && b[i] != b']' {
                        i += 1;
                    }
                    continue;
                }
                b'}' | b':' | b'!' => break,
                _ => continue,
            }
        }
        let name_end = if matches!(c, b'}' | b':' | b'!') {
            i - 1
        } else {
            i
        };
        let name = &s[ns..name_end];
        let mut conversion = None;
        let mut spec = "";
        let mut needs = false;
        if c == b'!' || c == b':' {
            let mut done = false;
            if c == b'!' {
                if i >= b.len() {
                    return Err("end of string while looking for conversion specifier".into());
                }
                let ch = s[i..].chars().next().unwrap_or('\0');
                conversion = Some(ch);
                i += ch.len_utf8();
                if i < b.len() {
                    let c2 = b[i];
                    i += 1;
                    if c2 == b'}' {
                        done = true;
                    } else if c2 != b':' {
                        return Err("expected ':' after conversion specifier".into());
                    }
                }
            }
            if !done {
                let ss = i;
                let mut count = 1;
                let mut closed = false;
                while i < b.len() {
                    let c3 = b[i];
                    i += 1;
                    if c3 == b'{' {
                        needs = true;
                        count += 1;
                    } else if c3 == b'}' {
                        count -= 1;
                        if count == 0 {
                            spec = &s[ss..i - 1];
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    return Err("unmatched '{' in format spec".into());
                }
            }
        } else if c != b'}' {
            return Err("expected '}' before end of string".into());
        }
        out.push(Chunk {
            literal,
            field: Some(Field {
                name,
                conversion,
                spec,
                spec_needs_expanding: needs,
            }),
        });
    }
    Ok(out)
}

/// The first part of a field name: an index, a name, or empty (auto).
#[derive(Debug)]
pub enum FieldFirst<'a> {
    Auto,
    Index(usize),
    Name(&'a str),
}

/// One `.attr` or `[key]` accessor.
#[derive(Debug)]
pub enum FieldRest<'a> {
    Attr(&'a str),
    Index(usize),
    Key(&'a str),
}

fn parse_index(s: &str) -> Result<Option<usize>, String> {
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    s.parse::<usize>()
        .map(Some)
        .map_err(|_| "Too many decimal digits in format string".into())
}

/// Split a field name into its first part and accessors
/// (CPython's `field_name_split`).
pub fn split_field_name(name: &str) -> Result<(FieldFirst<'_>, Vec<FieldRest<'_>>), String> {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..end];
    let first = match parse_index(first)? {
        Some(i) => FieldFirst::Index(i),
        None if first.is_empty() => FieldFirst::Auto,
        None => FieldFirst::Name(first),
    };
    let mut rest = Vec::new();
    let b = name.as_bytes();
    let mut i = end;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b'.' {
            let s = i;
            while i < b.len() && b[i] != b'.' && b[i] != b'[' {
                i += 1;
            }
            if i == s {
                return Err("Empty attribute in format string".into());
            }
            rest.push(FieldRest::Attr(&name[s..i]));
        } else if c == b'[' {
            let s = i;
            while i < b.len() && b[i] != b']' {
                i += 1;
            }
            if i >= b.len() {
                return Err("Missing ']' in format string".into());
            }
            let key = &name[s..i];
            i += 1;
            if key.is_empty() {
                return Err("Empty attribute in format string".into());
            }
            rest.push(match parse_index(key)? {
                Some(n) => FieldRest::Index(n),
                None => FieldRest::Key(key),
            });
            if i < b.len() && b[i] != b'.' && b[i] != b'[' {
                return Err("Only '.' or '[' may follow ']' in format field specifier".into());
            }
        } else {
            return Err("Only '.' or '[' may follow ']' in format field specifier".into());
        }
    }
    Ok((first, rest))
}

/// `ascii(obj)`: `repr` with non-ASCII characters escaped.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

struct Renderer<'a> {
    args: &'a [PyObjectRef],
    kwargs: Option<&'a PyObjectRef>,
    /// `Some(next)` in automatic numbering, `None` before any field.
    auto: Option<usize>,
    manual: bool,
    format_map: bool,
    /// Whether the output holds lone surrogates (as stand-ins).
    marked: bool,
}

impl Renderer<'_> {
    fn get_field(&mut self, vm: &Vm, name: &str) -> PyResult {
        let (first, rest) = split_field_name(name).map_err(|m| vm.new_value_error(m))?;
        let mut obj = match first {
            FieldFirst::Name(n) => {
                let key = vm.new_str(n);
                match self.kwargs {
                    None => return Err(vm.new_key_error(key)),
                    Some(m) => match m.downcast_ref::<PyDict>() {
                        Some(d) if !self.format_map => {
                            d.get_item(vm, &key)?.ok_or_else(|| vm.new_key_error(key))?
                        }
                        _ => vm.get_item(m, &key)?,
                    },
                }
            }
            FieldFirst::Auto | FieldFirst::Index(_) => {
                let idx = match first {
                    FieldFirst::Index(i) => {
                        if self.auto.is_some() {
                            return Err(vm.new_value_error(
                                "cannot switch from automatic field numbering to manual field specification",
                            ));
                        }
                        self.manual = true;
                        i
                    }
                    _ => {
                        if self.manual {
                            return Err(vm.new_value_error(
                                "cannot switch from manual field specification to automatic field numbering",
                            ));
                        }
                        let n = self.auto.unwrap_or(0);
                        self.auto = Some(n + 1);
                        n
                    }
                };
                if self.format_map {
                    return Err(vm.new_value_error("Format string contains positional fields"));
                }
                match self.args.get(idx) {
                    Some(o) => o.clone(),
                    None => {
                        return Err(vm.new_index_error(format!(
                            "Replacement index {idx} out of range for positional args tuple"
                        )))
                    }
                }
            }
        };
        for r in rest {
            obj = match r {
                FieldRest::Attr(a) => vm.get_attr(&obj, &vm.new_str(a))?,
                FieldRest::Index(i) => vm.get_item(&obj, &vm.new_int(i as i64))?,
                FieldRest::Key(k) => vm.get_item(&obj, &vm.new_str(k))?,
            };
        }
        Ok(obj)
    }

    fn render(&mut self, vm: &Vm, fmt: &str, depth: i32, out: &mut String) -> PyResult<()> {
        if depth <= 0 {
            return Err(vm.new_value_error("Max string recursion exceeded"));
        }
        let chunks = parse_format_string(fmt).map_err(|m| vm.new_value_error(m))?;
        for ch in chunks {
            out.push_str(&ch.literal);
            let Some(f) = ch.field else { continue };
            let obj = self.get_field(vm, f.name)?;
            let obj = match f.conversion {
                None => obj,
                Some('r') => vm.repr(&obj)?.into_object(),
                Some('s') => vm.str(&obj)?.into_object(),
                Some('a') => vm.new_str(ascii_escape(vm.repr(&obj)?.as_str())),
                Some(c) => {
                    return Err(vm.new_value_error(format!("Unknown conversion specifier {c}")))
                }
            };
            let spec = if f.spec_needs_expanding {
                let mut s = String::new();
                self.render(vm, f.spec, depth - 1, &mut s)?;
                s
            } else {
                f.spec.to_string()
            };
            if spec.is_empty() {
                if let Some(s) = pystr(&obj) {
                    if obj.class().is(vm.types.str.as_object()) {
                        out.push_str(s.as_str());
                        self.marked |= s.has_surrogates();
                        continue;
                    }
                }
            }
            let r = vm.format(&obj, &vm.new_str(spec))?;
            if let Some(s) = pystr(&r) {
                out.push_str(s.as_str());
                self.marked |= s.has_surrogates();
            }
        }
        Ok(())
    }
}

fn str_format(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "format")?;
    let pos = &args.pos()[1..];
    let kw = if args.kwnames.is_empty() {
        None
    } else {
        let d = vm.new_dict();
        for (k, v) in args.kwnames.iter().zip(args.kwvals()) {
            d.set_item(vm, k.clone(), v.clone())?;
        }
        Some(d.into_object())
    };
    let mut r = Renderer {
        args: pos,
        kwargs: kw.as_ref(),
        auto: None,
        manual: false,
        format_map: false,
        marked: s.has_surrogates(),
    };
    let mut out = String::new();
    r.render(vm, s.as_str(), 2, &mut out)?;
    Ok(vm.new_str_marked(out, r.marked))
}

fn str_format_map(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "format_map")?;
    let [_, m] = super::str_methods::one_arg(vm, &args, "str.format_map")?;
    let mut r = Renderer {
        args: &[],
        kwargs: Some(m),
        auto: None,
        manual: false,
        format_map: true,
        marked: s.has_surrogates(),
    };
    let mut out = String::new();
    r.render(vm, s.as_str(), 2, &mut out)?;
    Ok(vm.new_str_marked(out, r.marked))
}

/// A parsed format specification (`[[fill]align][sign][z][#][0][width]
/// [grouping][.precision][type]`).
#[derive(Debug, Clone)]
pub struct FormatSpec {
    pub fill: char,
    pub fill_given: bool,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn digits(cs: &[char], i: &mut usize) -> Result<Option<usize>, String> {
    let s = *i;
    let mut v: usize = 0;
    let mut overflow = false;
    while *i < cs.len() && cs[*i].is_ascii_digit() {
        match v
            .checked_mul(10)
            .and_then(|x| x.checked_add(cs[*i] as usize - '0' as usize))
        {
            Some(x) if x <= isize::MAX as usize => v = x,
            _ => overflow = true,
        }
        *i += 1;
    }
    if overflow {
        return Err("Too many decimal digits in format string".into());
    }
    Ok(if *i == s { None } else { Some(v) })
}

/// Parse a format spec; `default_align` is '<' for strings, '>' for
/// numbers (which turns a bare '0' flag into '=' alignment).
pub fn parse_spec(spec: &str, default_align: char, type_name: &str) -> Result<FormatSpec, String> {
    let cs: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec {
        fill: ' ',
        fill_given: false,
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        zero_pad: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let mut i = 0;
    if cs.len() >= 2 && is_align(cs[1]) {
        f.fill = cs[0];
        f.fill_given = true;
        f.align = Some(cs[1]);
        i = 2;
    } else if !cs.is_empty() && is_align(cs[0]) {
        f.align = Some(cs[0]);
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        f.sign = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == 'z' {
        f.no_neg_zero = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        f.alternate = true;
        i += 1;
    }
    if !f.fill_given && i < cs.len() && cs[i] == '0' {
        f.fill = '0';
        f.zero_pad = true;
        if f.align.is_none() && default_align == '>' {
            f.align = Some('=');
        }
        i += 1;
    }
    f.width = digits(&cs, &mut i)?;
    if i < cs.len() && cs[i] == ',' {
        f.grouping = Some(',');
        i += 1;
    }
    if i < cs.len() && cs[i] == '_' {
        if f.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".into());
        }
        f.grouping = Some('_');
        i += 1;
    }
    if i < cs.len() && cs[i] == ',' {
        return Err("Cannot specify both ',' and '_'.".into());
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        f.precision = digits(&cs, &mut i)?;
        if f.precision.is_none() {
            return Err("Format specifier missing precision".into());
        }
    }
    if cs.len() - i > 1 {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        ));
    }
    if i < cs.len() {
        f.ty = Some(cs[i]);
    }
    if let Some(g) = f.grouping {
        match f.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => return Err(format!("Cannot specify '{g}' with '{t}'.")),
        }
    }
    Ok(f)
}

/// Apply width/alignment to already-formatted text of `len` code points.
pub fn align_text(text: &str, len: usize, f: &FormatSpec, default_align: char) -> String {
    let width = f.width.unwrap_or(0);
    if width <= len {
        return text.to_string();
    }
    let marg = width - len;
    let (l, r) = match f.align.unwrap_or(default_align) {
        '>' | '=' => (marg, 0),
        '^' => (marg / 2, marg - marg / 2),
        _ => (0, marg),
    };
    pad(text, l, r, f.fill)
}

/// "Unknown format code 'x' for object of type 'T'" (non-printable codes
/// shown as `\x..` like CPython).
pub fn unknown_code(t: char, type_name: &str) -> String {
    if (t as u32) > 32 && (t as u32) < 128 {
        format!("Unknown format code '{t}' for object of type '{type_name}'")
    } else {
        format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            t as u32
        )
    }
}

/// `format(str, spec)`.
pub fn format_str_spec(s: &str, spec: &str) -> Result<String, String> {
    let f = parse_spec(spec, '<', "str")?;
    match f.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    if let Some(g) = f.grouping {
        return Err(format!("Cannot specify '{g}' with 's'."));
    }
    if f.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    if f.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if f.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if f.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    let mut text = s;
    let mut len = s.chars().count();
    if let Some(p) = f.precision {
        if p < len {
            let end = s.char_indices().nth(p).map(|(b, _)| b).unwrap_or(s.len());
            text = &s[..end];
            len = p;
        }
    }
    Ok(align_text(text, len, &f, '<'))
}

fn str_dunder_format(vm: &Vm, args: Args) -> PyResult {
    let s = self_str(vm, &args, "__format__")?;
    let [_, spec] = args.exact::<2>(vm, "__format__")?;
    let spec = pystr(spec).ok_or_else(|| {
        vm.new_type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        ))
    })?;
    if spec.as_str().is_empty() {
        return Ok(vm.str(&args.pos()[0])?.into_object());
    }
    format_str_spec(s.as_str(), spec.as_str())
        .map(|r| vm.new_str(r))
        .map_err(|m| vm.new_value_error(m))
}

/// Register `format`, `format_map` and `__format__` on `str`.
pub fn init(vm: &Vm) {
    let t = &vm.types.str;
    vm.add_method(t, "format", str_format);
    vm.add_method(t, "format_map", str_format_map);
    add_keeping_surrogates!(vm, t, "__format__", str_dunder_format);
}
