//! `re.Match`: the spans of one match and the group accessors.
//! Mirrors CPython 3.11 `Modules/_sre/sre.c` (`match_*`).

use super::engine::{SreChar, State};
use super::pattern::{truncate, wrong_span, Pattern};
use super::Subject;
use crate::args::Args;
use crate::modules::type_cache::{native_type, GC};
use crate::types::dict::PyDict;
use crate::types::int::as_i64;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

pub struct Match {
    pub string: PyObjectRef,
    pub subject: Subject,
    pub pattern: PyObjectRef,
    pub pos: usize,
    pub endpos: usize,
    /// `(start, end)` of group 0, 1, ...; -1 for groups that did not take
    /// part.
    pub marks: Box<[isize]>,
    pub lastindex: isize,
}

impl Payload for Match {
    pyrite_core::unique_vtable!(Match);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.string);
        visit(&self.pattern);
        visit(self.subject.obj());
    }
}

pub fn match_type(vm: &Vm) -> PyTypeRef {
    native_type::<Match>(vm, "re", "Match", None, GC, init)
}

/// `pattern_new_match`: a Match from the state after a successful match.
pub fn new_match<C: SreChar>(
    vm: &Vm,
    pat_obj: &PyObjectRef,
    p: &Pattern,
    subj: &Subject,
    st: &State<C>,
    pos: usize,
    endpos: usize,
) -> PyResult {
    let mut marks = Vec::with_capacity(2 * (p.groups + 1));
    marks.push(st.start as isize);
    marks.push(st.ptr as isize);
    for g in 1..=p.groups {
        match st.group_span(g) {
            Some((a, b)) => {
                if a > b {
                    return Err(wrong_span(vm));
                }
                marks.push(a as isize);
                marks.push(b as isize);
            }
            None => {
                marks.push(-1);
                marks.push(-1);
            }
        }
    }
    let m = Match {
        string: subj.obj().clone(),
        subject: subj.clone(),
        pattern: pat_obj.clone(),
        pos,
        endpos,
        marks: marks.into(),
        lastindex: st.lastindex,
    };
    Ok(vm.try_alloc(m, match_type(vm).as_object())?.into_object())
}

fn this<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Match> {
    o.downcast_ref::<Match>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 're.Match' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

fn me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a PyObjectRef, &'a Match)> {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("Match method needs an argument"))?;
    Ok((o, this(vm, o)?))
}

impl Match {
    fn pat(&self) -> Option<&Pattern> {
        self.pattern.downcast_ref::<Pattern>()
    }

    fn ngroups(&self) -> usize {
        self.marks.len() / 2
    }

    /// `match_getindex`: a group number from an int or a group name.
    fn index(&self, vm: &Vm, g: &PyObjectRef) -> PyResult<usize> {
        let lookup = |g: &PyObjectRef| -> PyResult<isize> {
            if let Some(d) = self
                .pat()
                .and_then(|p| p.groupindex.downcast_ref::<PyDict>())
            {
                if let Some(v) = d.get_item(vm, g)? {
                    if let Some(n) = as_i64(&v) {
                        return Ok(n as isize);
                    }
                }
            }
            Ok(-1)
        };
        let i: isize = if let Some(n) = as_i64(g) {
            n as isize
        } else if is_str_like(g) {
            lookup(g)?
        } else {
            match vm.index(g) {
                Ok(v) => as_i64(&v).map(|n| n as isize).unwrap_or(-1),
                Err(_) => lookup(g)?,
            }
        };
        if i < 0 || i as usize >= self.ngroups() {
            return Err(vm.new_index_error("no such group"));
        }
        Ok(i as usize)
    }

    fn span_of(&self, i: usize) -> (isize, isize) {
        (self.marks[2 * i], self.marks[2 * i + 1])
    }

    /// `match_getslice_by_index`.
    fn group_at(&self, vm: &Vm, i: usize, default: &PyObjectRef) -> PyResult {
        let (a, b) = self.span_of(i);
        if a < 0 || b < 0 {
            return Ok(default.clone());
        }
        self.subject.slice(vm, a as usize, b as usize)
    }
}

fn is_str_like(o: &PyObjectRef) -> bool {
    o.downcast_ref::<crate::types::str::PyStr>().is_some()
}

fn m_group(vm: &Vm, args: Args) -> PyResult {
    let (_, m) = me(vm, &args)?;
    args.no_kwargs(vm, "group")?;
    let rest = &args.pos()[1..];
    match rest {
        [] => m.group_at(vm, 0, &vm.none),
        [g] => {
            let i = m.index(vm, g)?;
            m.group_at(vm, i, &vm.none)
        }
        gs => {
            let mut out = Vec::with_capacity(gs.len());
            for g in gs {
                let i = m.index(vm, g)?;
                out.push(m.group_at(vm, i, &vm.none)?);
            }
            Ok(vm.new_tuple(out))
        }
    }
}

fn m_getitem(vm: &Vm, args: Args) -> PyResult {
    let (_, m) = me(vm, &args)?;
    let [_, g] = args.exact::<2>(vm, "__getitem__")?;
    let i = m.index(vm, g)?;
    m.group_at(vm, i, &vm.none)
}

fn m_groups(vm: &Vm, args: Args) -> PyResult {
    let (_, m) = me(vm, &args)?;
    let [default] = super::clinic(vm, &args.shift(), "groups", ["default"], 0)?;
    let default = default.unwrap_or(&vm.none);
    let mut out = Vec::with_capacity(m.ngroups());
    for i in 1..m.ngroups() {
        out.push(m.group_at(vm, i, default)?);
    }
    Ok(vm.new_tuple(out))
}

fn m_groupdict(vm: &Vm, args: Args) -> PyResult {
    let (_, m) = me(vm, &args)?;
    let [default] = super::clinic(vm, &args.shift(), "groupdict", ["default"], 0)?;
    let default = default.unwrap_or(&vm.none);
    let out = vm.new_dict();
    if let Some(d) = m.pat().and_then(|p| p.groupindex.downcast_ref::<PyDict>()) {
        for key in d.keys() {
            let i = m.index(vm, &key)?;
            let v = m.group_at(vm, i, default)?;
            out.set_item(vm, key, v)?;
        }
    }
    Ok(out.into_object())
}

fn group_arg(vm: &Vm, m: &Match, args: &Args, name: &str) -> PyResult<usize> {
    let a = args.shift();
    a.no_kwargs(vm, name)?;
    match a.pos() {
        [] => Ok(0),
        [g] => m.index(vm, g),
        p => Err(vm.new_type_error(format!(
            "{name} expected at most 1 argument, got {}",
            p.len()
        ))),
    }
}

fn m_start(vm: &Vm, args: Args) -> PyResult {
    let (_, m) = me(vm, &args)?;
    let i = group_arg(vm, m, &args, "start")?;
    Ok(vm.new_int(m.span_of(i).0 as i64))
}

fn m_end(vm: &Vm, args: Args) -> PyResult {
    let (_, m) = me(vm, &args)?;
    let i = group_arg(vm, m, &args, "end")?;
    Ok(vm.new_int(m.span_of(i).1 as i64))
}

fn span_tuple(vm: &Vm, (a, b): (isize, isize)) -> PyObjectRef {
    vm.new_tuple(vec![vm.new_int(a as i64), vm.new_int(b as i64)])
}

fn m_span(vm: &Vm, args: Args) -> PyResult {
    let (_, m) = me(vm, &args)?;
    let i = group_arg(vm, m, &args, "span")?;
    Ok(span_tuple(vm, m.span_of(i)))
}

fn m_expand(vm: &Vm, args: Args) -> PyResult {
    let (o, m) = me(vm, &args)?;
    let [template] = super::clinic(vm, &args.shift(), "expand", ["template"], 1)?;
    let re = vm.import_absolute("re")?;
    let f = vm.get_attr_str(&re, "_expand")?;
    vm.call(
        &f,
        &[
            m.pattern.clone(),
            o.clone(),
            template.unwrap_or(&vm.none).clone(),
        ],
    )
}

fn m_repr(vm: &Vm, args: Args) -> PyResult {
    let (_, m) = me(vm, &args)?;
    let g = m.group_at(vm, 0, &vm.none)?;
    let r = vm.repr_string(&g)?;
    let (a, b) = m.span_of(0);
    Ok(vm.new_str(format!(
        "<re.Match object; span=({a}, {b}), match={}>",
        truncate(&r, 50)
    )))
}

fn m_copy(vm: &Vm, args: Args) -> PyResult {
    let (o, _) = me(vm, &args)?;
    args.shift().exact::<0>(vm, "__copy__")?;
    Ok(o.clone())
}

fn m_deepcopy(vm: &Vm, args: Args) -> PyResult {
    let (o, _) = me(vm, &args)?;
    args.shift().exact::<1>(vm, "__deepcopy__")?;
    Ok(o.clone())
}

fn no_new(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_type_error("cannot create 're.Match' instances"))
}

fn g_string(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(this(vm, o)?.string.clone())
}

fn g_re(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(this(vm, o)?.pattern.clone())
}

fn g_pos(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(this(vm, o)?.pos as i64))
}

fn g_endpos(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(this(vm, o)?.endpos as i64))
}

fn g_lastindex(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = this(vm, o)?;
    Ok(if m.lastindex >= 0 {
        vm.new_int(m.lastindex as i64)
    } else {
        vm.none.clone()
    })
}

fn g_lastgroup(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = this(vm, o)?;
    if m.lastindex >= 0 {
        if let Some(t) = m.pat().and_then(|p| p.indexgroup.downcast_ref::<PyTuple>()) {
            if let Some(v) = t.items.get(m.lastindex as usize) {
                return Ok(v.clone());
            }
        }
    }
    Ok(vm.none.clone())
}

fn g_regs(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let m = this(vm, o)?;
    let v = (0..m.ngroups())
        .map(|i| span_tuple(vm, m.span_of(i)))
        .collect();
    Ok(vm.new_tuple(v))
}

fn init(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", no_new);
    let methods: [(&'static str, crate::args::NativeFn); 11] = [
        ("group", m_group),
        ("__getitem__", m_getitem),
        ("groups", m_groups),
        ("groupdict", m_groupdict),
        ("start", m_start),
        ("end", m_end),
        ("span", m_span),
        ("expand", m_expand),
        ("__repr__", m_repr),
        ("__copy__", m_copy),
        ("__deepcopy__", m_deepcopy),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, f);
    }
    vm.add_class_getitem(t);
    vm.add_getset(t, "string", g_string, Some(super::readonly));
    vm.add_getset(t, "re", g_re, Some(super::readonly));
    vm.add_getset(t, "pos", g_pos, Some(super::readonly));
    vm.add_getset(t, "endpos", g_endpos, Some(super::readonly));
    vm.add_getset(t, "lastindex", g_lastindex, None);
    vm.add_getset(t, "lastgroup", g_lastgroup, None);
    vm.add_getset(t, "regs", g_regs, None);
}
