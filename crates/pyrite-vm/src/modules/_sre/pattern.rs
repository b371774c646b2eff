//! `re.Pattern`: a compiled program with its source, flags and group
//! names, and the matching methods (`match`, `fullmatch`, `search`,
//! `findall`, `finditer`, `split`, `sub`, `subn`, `scanner`).
//! Mirrors CPython 3.11 `Modules/_sre/sre.c` (`pattern_*`).

use super::constants::*;
use super::engine::{SreChar, State};
use super::matchobj::new_match;
use super::{engine_error, get_subject, with_text, Subject};
use crate::args::Args;
use crate::modules::type_cache::{native_type, GC, WEAK};
use crate::protocol::hash::siphash13_secret;
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::dict::PyDict;
use crate::types::int::{IntVal, PyInt};
use crate::types::iter::PyCallableIter;
use crate::types::list::PyList;
use crate::types::mappingproxy::PyMappingProxy;
use crate::types::memoryview::PyMemoryView;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

pub struct Pattern {
    /// The source (`str`, `bytes` or None).
    pub pattern: PyObjectRef,
    pub flags: i64,
    pub code: Box<[u32]>,
    /// Number of capturing groups.
    pub groups: usize,
    /// name -> index dict.
    pub groupindex: PyObjectRef,
    /// index -> name tuple (None for unnamed).
    pub indexgroup: PyObjectRef,
    /// None when the source is None (any subject accepted).
    pub isbytes: Option<bool>,
}

impl Payload for Pattern {
    pyrite_core::unique_vtable!(Pattern);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.pattern);
        visit(&self.groupindex);
        visit(&self.indexgroup);
    }
}

pub fn pattern_type(vm: &Vm) -> PyTypeRef {
    native_type::<Pattern>(vm, "re", "Pattern", None, GC | WEAK, init)
}

pub fn this<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Pattern> {
    o.downcast_ref::<Pattern>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 're.Pattern' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

fn me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a PyObjectRef, &'a Pattern)> {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("Pattern method needs an argument"))?;
    Ok((o, this(vm, o)?))
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn compile(vm: &Vm, args: Args) -> PyResult {
    let [pattern, flags, code, groups, groupindex, indexgroup] = super::clinic(
        vm,
        &args,
        "compile",
        [
            "pattern",
            "flags",
            "code",
            "groups",
            "groupindex",
            "indexgroup",
        ],
        6,
    )?;
    let (pattern, flags, code, groups, groupindex, indexgroup) = (
        pattern.unwrap_or(&vm.none),
        flags.unwrap_or(&vm.none),
        code.unwrap_or(&vm.none),
        groups.unwrap_or(&vm.none),
        groupindex.unwrap_or(&vm.none),
        indexgroup.unwrap_or(&vm.none),
    );
    let flags = vm.index_isize(flags)? as i64;
    let Some(list) = code.downcast_ref::<PyList>() else {
        return Err(vm.new_type_error(format!(
            "compile() argument 'code' must be list, not {}",
            vm.type_name(code)
        )));
    };
    let mut words = Vec::with_capacity(list.len());
    for item in list.to_vec() {
        let v = vm.index(&item)?;
        match v.downcast_ref::<PyInt>().map(|i| &i.value) {
            Some(IntVal::Small(n)) if (0..=u32::MAX as i64).contains(n) => words.push(*n as u32),
            Some(IntVal::Small(n)) if *n < 0 => {
                return Err(vm.new_overflow_error("can't convert negative value to unsigned int"))
            }
            _ => return Err(vm.new_overflow_error("regular expression code size limit exceeded")),
        }
    }
    let groups = vm.index_isize(groups)?.max(0) as usize;
    if groupindex.downcast_ref::<PyDict>().is_none() {
        return Err(vm.new_type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            vm.type_name(groupindex)
        )));
    }
    if indexgroup.downcast_ref::<PyTuple>().is_none() {
        return Err(vm.new_type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            vm.type_name(indexgroup)
        )));
    }
    let isbytes = if pattern.is(&vm.none) {
        None
    } else {
        Some(get_subject(vm, pattern)?.is_bytes())
    };
    let p = Pattern {
        pattern: pattern.clone(),
        flags,
        code: words.into(),
        groups,
        groupindex: groupindex.clone(),
        indexgroup: indexgroup.clone(),
        isbytes,
    };
    Ok(vm.try_alloc(p, pattern_type(vm).as_object())?.into_object())
}

/// The subject with the type check against the pattern's kind.
pub fn subject_for(vm: &Vm, p: &Pattern, string: &PyObjectRef) -> PyResult<Subject> {
    let s = get_subject(vm, string)?;
    match p.isbytes {
        Some(false) if s.is_bytes() => {
            Err(vm.new_type_error("cannot use a string pattern on a bytes-like object"))
        }
        Some(true) if !s.is_bytes() => {
            Err(vm.new_type_error("cannot use a bytes pattern on a string-like object"))
        }
        _ => Ok(s),
    }
}

/// Clamp `pos`/`endpos` arguments to the subject (`state_init`).
pub fn bounds(
    vm: &Vm,
    len: usize,
    pos: Option<&PyObjectRef>,
    endpos: Option<&PyObjectRef>,
) -> PyResult<(usize, usize)> {
    let clamp = |v: isize| -> usize { v.clamp(0, len as isize) as usize };
    let start = match pos {
        Some(p) => clamp(vm.index_isize(p)?),
        None => 0,
    };
    let end = match endpos {
        Some(p) => clamp(vm.index_isize(p)?),
        None => len,
    };
    Ok((start, end))
}

/// Parse `(string, pos=0, endpos=sys.maxsize)`.
fn string_pos_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(
    &'a PyObjectRef,
    &'a Pattern,
    PyObjectRef,
    Subject,
    usize,
    usize,
)> {
    let (me, p) = me(vm, args)?;
    let [string, pos, endpos] =
        super::clinic(vm, &args.shift(), name, ["string", "pos", "endpos"], 1)?;
    let string = string.unwrap_or(&vm.none).clone();
    let subj = subject_for(vm, p, &string)?;
    let (start, end) = bounds(vm, subj.len(), pos, endpos)?;
    Ok((me, p, string, subj, start, end))
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Match,
    FullMatch,
    Search,
}

fn do_match(vm: &Vm, args: Args, name: &str, kind: Kind) -> PyResult {
    let (me, p, _string, subj, start, end) = string_pos_args(vm, &args, name)?;
    with_text!(subj, t => {
        let mut st = State::new(t, start, end);
        st.match_all = kind == Kind::FullMatch;
        let found = match kind {
            Kind::Search => st.search(&p.code),
            _ => st.pmatch(&p.code),
        }
        .map_err(|e| engine_error(vm, e))?;
        if found {
            new_match(vm, me, p, &subj, &st, start, end)
        } else {
            Ok(vm.none.clone())
        }
    })
}

fn p_match(vm: &Vm, args: Args) -> PyResult {
    do_match(vm, args, "match", Kind::Match)
}

fn p_fullmatch(vm: &Vm, args: Args) -> PyResult {
    do_match(vm, args, "fullmatch", Kind::FullMatch)
}

fn p_search(vm: &Vm, args: Args) -> PyResult {
    do_match(vm, args, "search", Kind::Search)
}

/// `state_getslice`: group `g` (1-based) of the current match, or the
/// empty string / None when it did not take part.
fn group_slice<C: SreChar>(
    vm: &Vm,
    st: &State<C>,
    subj: &Subject,
    g: usize,
    empty: bool,
) -> PyResult {
    match st.group_span(g) {
        Some((a, b)) => {
            if a > b {
                return Err(wrong_span(vm));
            }
            subj.slice(vm, a, b)
        }
        None if empty => subj.slice(vm, 0, 0),
        None => Ok(vm.none.clone()),
    }
}

pub fn wrong_span(vm: &Vm) -> crate::PyBaseExceptionRef {
    vm.new_system_error(
        "The span of capturing group is wrong, please report a bug for the re module.",
    )
}

fn p_findall(vm: &Vm, args: Args) -> PyResult {
    let (_me, p, _string, subj, start, end) = string_pos_args(vm, &args, "findall")?;
    let mut out = Vec::new();
    with_text!(subj, t => {
        let mut st = State::new(t, start, end);
        while st.start <= st.end {
            st.reset();
            st.ptr = st.start;
            if !st.search(&p.code).map_err(|e| engine_error(vm, e))? {
                break;
            }
            let item = match p.groups {
                0 => subj.slice(vm, st.start, st.ptr)?,
                1 => group_slice(vm, &st, &subj, 1, true)?,
                n => {
                    let mut v = Vec::with_capacity(n);
                    for g in 1..=n {
                        v.push(group_slice(vm, &st, &subj, g, true)?);
                    }
                    vm.new_tuple(v)
                }
            };
            out.push(item);
            st.must_advance = st.ptr == st.start;
            st.start = st.ptr;
        }
    });
    Ok(vm.new_list(out))
}

fn p_scanner(vm: &Vm, args: Args) -> PyResult {
    let (me, p, string, subj, start, end) = string_pos_args(vm, &args, "scanner")?;
    super::scanner::new_scanner(vm, me, p, string, subj, start, end)
}

fn p_finditer(vm: &Vm, args: Args) -> PyResult {
    let (me, p, string, subj, start, end) = string_pos_args(vm, &args, "finditer")?;
    let sc = super::scanner::new_scanner(vm, me, p, string, subj, start, end)?;
    let search = vm.get_attr_str(&sc, "search")?;
    Ok(vm.alloc(
        PyCallableIter {
            callable: std::cell::RefCell::new(Some(search)),
            sentinel: vm.none.clone(),
        },
        &vm.types.callable_iterator,
    ))
}

fn p_split(vm: &Vm, args: Args) -> PyResult {
    let (_me, p) = me(vm, &args)?;
    let [string, maxsplit] = super::clinic(vm, &args.shift(), "split", ["string", "maxsplit"], 1)?;
    let string = string.unwrap_or(&vm.none);
    let maxsplit = match maxsplit {
        Some(m) => vm.index_isize(m)?,
        None => 0,
    };
    let subj = subject_for(vm, p, string)?;
    let len = subj.len();
    let mut out = Vec::new();
    with_text!(subj, t => {
        let mut st = State::new(t, 0, len);
        let mut n = 0isize;
        let mut last = st.start;
        while maxsplit == 0 || n < maxsplit {
            st.reset();
            st.ptr = st.start;
            if !st.search(&p.code).map_err(|e| engine_error(vm, e))? {
                break;
            }
            out.push(subj.slice(vm, last, st.start)?);
            for g in 1..=p.groups {
                out.push(group_slice(vm, &st, &subj, g, false)?);
            }
            n += 1;
            st.must_advance = st.ptr == st.start;
            st.start = st.ptr;
            last = st.ptr;
        }
        out.push(subj.slice(vm, last, len)?);
    });
    Ok(vm.new_list(out))
}

/// Join the pieces of `sub()` like `str.join` / `bytes.join` would.
fn join(vm: &Vm, isbytes: bool, items: Vec<PyObjectRef>) -> PyResult {
    // A single exact str/bytes is returned as is, like the joins do.
    if let [one] = &items[..] {
        let t = if isbytes {
            &vm.types.bytes
        } else {
            &vm.types.str
        };
        if one.class().is(t.as_object()) {
            return Ok(one.clone());
        }
    }
    if isbytes {
        let mut out = Vec::new();
        for (i, it) in items.iter().enumerate() {
            if let Some(b) = it.downcast_ref::<PyBytes>() {
                out.extend_from_slice(&b.data);
            } else if let Some(b) = it.downcast_ref::<PyByteArray>() {
                out.extend_from_slice(&b.data.borrow());
            } else if let Some(m) = it.downcast_ref::<PyMemoryView>() {
                out.extend_from_slice(&m.to_bytes().unwrap_or_default());
            } else {
                return Err(vm.new_type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(it)
                )));
            }
        }
        return Ok(crate::types::bytes_methods::new_bytes(vm, out));
    }
    let mut out = String::new();
    let mut marked = false;
    for (i, it) in items.iter().enumerate() {
        match it.downcast_ref::<PyStr>() {
            Some(s) => {
                out.push_str(s.as_str());
                marked |= s.has_surrogates();
            }
            None => {
                return Err(vm.new_type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(vm.new_str_marked(out, marked))
}

/// Whether a replacement template contains no backslash (then it is used
/// as is, without `re._subx`).
fn is_literal_template(t: &PyObjectRef) -> bool {
    if let Some(s) = t.downcast_ref::<PyStr>() {
        return !s.as_str().contains('\\');
    }
    if let Some(b) = t.downcast_ref::<PyBytes>() {
        return !b.data.contains(&b'\\');
    }
    if let Some(b) = t.downcast_ref::<PyByteArray>() {
        return !b.data.borrow().contains(&b'\\');
    }
    if let Some(m) = t.downcast_ref::<PyMemoryView>() {
        return m.to_bytes().is_some_and(|b| !b.contains(&b'\\'));
    }
    false
}

fn subx(vm: &Vm, args: Args, name: &str, subn: bool) -> PyResult {
    let (me, p) = me(vm, &args)?;
    let [repl, string, count] =
        super::clinic(vm, &args.shift(), name, ["repl", "string", "count"], 2)?;
    let (repl, string) = (repl.unwrap_or(&vm.none), string.unwrap_or(&vm.none));
    let count = match count {
        Some(c) => vm.index_isize(c)?,
        None => 0,
    };
    let (filter, callable) = if vm.is_callable(repl) {
        (repl.clone(), true)
    } else if is_literal_template(repl) {
        (repl.clone(), false)
    } else {
        let re = vm.import_absolute("re")?;
        let f = vm.get_attr_str(&re, "_subx")?;
        let filter = vm.call(&f, &[me.clone(), repl.clone()])?;
        let c = vm.is_callable(&filter);
        (filter, c)
    };
    let subj = subject_for(vm, p, string)?;
    let len = subj.len();
    let mut items = Vec::new();
    let mut n = 0isize;
    with_text!(subj, t => {
        let mut st = State::new(t, 0, len);
        let mut i = 0usize;
        while count == 0 || n < count {
            st.reset();
            st.ptr = st.start;
            if !st.search(&p.code).map_err(|e| engine_error(vm, e))? {
                break;
            }
            let (b, e) = (st.start, st.ptr);
            if i < b {
                items.push(subj.slice(vm, i, b)?);
            }
            let item = if callable {
                let m = new_match(vm, me, p, &subj, &st, 0, len)?;
                vm.call(&filter, &[m])?
            } else {
                filter.clone()
            };
            if !item.is(&vm.none) {
                items.push(item);
            }
            i = e;
            n += 1;
            st.must_advance = st.ptr == st.start;
            st.start = st.ptr;
        }
        if i < len {
            items.push(subj.slice(vm, i, len)?);
        }
    });
    let result = if items.is_empty() {
        subj.slice(vm, 0, 0)?
    } else {
        join(vm, subj.is_bytes(), items)?
    };
    if subn {
        Ok(vm.new_tuple(vec![result, vm.new_int(n as i64)]))
    } else {
        Ok(result)
    }
}

fn p_sub(vm: &Vm, args: Args) -> PyResult {
    subx(vm, args, "sub", false)
}

fn p_subn(vm: &Vm, args: Args) -> PyResult {
    subx(vm, args, "subn", true)
}

/// Truncate `s` to at most `n` characters (`%.<n>R` in CPython formats).
pub fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((b, _)) => &s[..b],
        None => s,
    }
}

fn p_repr(vm: &Vm, args: Args) -> PyResult {
    let (_, p) = me(vm, &args)?;
    let r = vm.repr_string(&p.pattern)?;
    let r = truncate(&r, 200);
    let mut flags = p.flags;
    if p.isbytes == Some(false) && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE
    {
        flags &= !FLAG_UNICODE;
    }
    if flags == 0 {
        return Ok(vm.new_str(format!("re.compile({r})")));
    }
    let mut names = Vec::new();
    for (name, v) in FLAG_NAMES {
        if flags & v != 0 {
            names.push(name.to_string());
            flags &= !v;
        }
    }
    if flags != 0 {
        names.push(format!("0x{flags:x}"));
    }
    Ok(vm.new_str(format!("re.compile({r}, {})", names.join("|"))))
}

fn p_eq_impl(vm: &Vm, args: &Args) -> PyResult<Option<bool>> {
    let (a, pa) = me(vm, args)?;
    let Some(b) = args.pos().get(1) else {
        return Err(vm.new_type_error("expected 1 argument"));
    };
    let Some(pb) = b.downcast_ref::<Pattern>() else {
        return Ok(None);
    };
    if a.is(b) {
        return Ok(Some(true));
    }
    if pa.flags != pb.flags || pa.isbytes != pb.isbytes || pa.code != pb.code {
        return Ok(Some(false));
    }
    Ok(Some(vm.eq_bool(&pa.pattern, &pb.pattern)?))
}

fn p_eq(vm: &Vm, args: Args) -> PyResult {
    Ok(match p_eq_impl(vm, &args)? {
        Some(b) => vm.new_bool(b),
        None => vm.not_implemented.clone(),
    })
}

fn p_ne(vm: &Vm, args: Args) -> PyResult {
    Ok(match p_eq_impl(vm, &args)? {
        Some(b) => vm.new_bool(!b),
        None => vm.not_implemented.clone(),
    })
}

fn p_hash(vm: &Vm, args: Args) -> PyResult {
    let (_, p) = me(vm, &args)?;
    let mut h = vm.hash(&p.pattern)?;
    let bytes: Vec<u8> = p.code.iter().flat_map(|w| w.to_le_bytes()).collect();
    h ^= siphash13_secret(&bytes) as i64;
    h ^= p.flags;
    h ^= p.isbytes.map(|b| b as i64).unwrap_or(-1);
    h ^= p.code.len() as i64;
    if h == -1 {
        h = -2;
    }
    Ok(vm.new_int(h))
}

fn p_copy(vm: &Vm, args: Args) -> PyResult {
    let (o, _) = me(vm, &args)?;
    args.shift().exact::<0>(vm, "__copy__")?;
    Ok(o.clone())
}

fn p_deepcopy(vm: &Vm, args: Args) -> PyResult {
    let (o, _) = me(vm, &args)?;
    args.shift().exact::<1>(vm, "__deepcopy__")?;
    Ok(o.clone())
}

fn no_new_pattern(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_type_error("cannot create 're.Pattern' instances"))
}

fn g_pattern(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(this(vm, o)?.pattern.clone())
}

fn g_flags(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(this(vm, o)?.flags))
}

fn g_groups(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(this(vm, o)?.groups as i64))
}

fn g_groupindex(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let p = this(vm, o)?;
    Ok(vm.alloc(
        PyMappingProxy {
            mapping: p.groupindex.clone(),
        },
        &vm.types.mappingproxy,
    ))
}

fn init(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", no_new_pattern);
    let methods: [(&'static str, crate::args::NativeFn); 15] = [
        ("match", p_match),
        ("fullmatch", p_fullmatch),
        ("search", p_search),
        ("findall", p_findall),
        ("finditer", p_finditer),
        ("scanner", p_scanner),
        ("split", p_split),
        ("sub", p_sub),
        ("subn", p_subn),
        ("__repr__", p_repr),
        ("__eq__", p_eq),
        ("__ne__", p_ne),
        ("__hash__", p_hash),
        ("__copy__", p_copy),
        ("__deepcopy__", p_deepcopy),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, f);
    }
    vm.add_class_getitem(t);
    vm.add_getset(t, "pattern", g_pattern, Some(super::readonly));
    vm.add_getset(t, "flags", g_flags, Some(super::readonly));
    vm.add_getset(t, "groups", g_groups, Some(super::readonly));
    vm.add_getset(t, "groupindex", g_groupindex, None);
}
