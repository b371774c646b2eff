//! `_sre.SRE_Scanner` (`pattern.scanner()`, and behind `finditer`): a
//! position in a subject from which `match()` / `search()` continue, with
//! CPython's rule that after an empty match the next one must advance.
//! Mirrors CPython 3.11 `Modules/_sre/sre.c` (`scanner_*`).

use std::cell::Cell;

use super::engine::State;
use super::matchobj::new_match;
use super::pattern::{this as pattern_of, Pattern};
use super::{engine_error, with_text, Subject};
use crate::args::Args;
use crate::modules::type_cache::{native_type, GC};
use crate::types::bytes::PyByteArray;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

pub struct Scanner {
    pattern: PyObjectRef,
    string: PyObjectRef,
    subject: Subject,
    /// Where the next attempt starts; None once exhausted.
    start: Cell<Option<usize>>,
    end: usize,
    pos: usize,
    must_advance: Cell<bool>,
    /// Set while a call runs (CPython refuses re-entrant use).
    busy: Cell<bool>,
    _export: Option<Export>,
}

/// Holds a bytearray subject's buffer export for the scanner's lifetime
/// (as CPython's scanner keeps its buffer view): resizing the bytearray
/// meanwhile raises BufferError.
struct Export(PyObjectRef);

impl Export {
    fn new(o: &PyObjectRef) -> Option<Export> {
        let b = o.downcast_ref::<PyByteArray>()?;
        b.exports.set(b.exports.get() + 1);
        Some(Export(o.clone()))
    }
}

impl Drop for Export {
    fn drop(&mut self) {
        if let Some(b) = self.0.downcast_ref::<PyByteArray>() {
            b.exports.set(b.exports.get().saturating_sub(1));
        }
    }
}

impl Payload for Scanner {
    pyrite_core::unique_vtable!(Scanner);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.pattern);
        visit(&self.string);
        visit(self.subject.obj());
    }
}

fn scanner_type(vm: &Vm) -> PyTypeRef {
    native_type::<Scanner>(vm, "_sre", "SRE_Scanner", None, GC, init)
}

pub fn new_scanner(
    vm: &Vm,
    pat_obj: &PyObjectRef,
    _p: &Pattern,
    string: PyObjectRef,
    subject: Subject,
    start: usize,
    end: usize,
) -> PyResult {
    let export = Export::new(subject.obj());
    let s = Scanner {
        _export: export,
        pattern: pat_obj.clone(),
        string,
        subject,
        start: Cell::new(Some(start)),
        end,
        pos: start,
        must_advance: Cell::new(false),
        busy: Cell::new(false),
    };
    Ok(vm.try_alloc(s, scanner_type(vm).as_object())?.into_object())
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Scanner> {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("SRE_Scanner method needs an argument"))?;
    let s = o.downcast_ref::<Scanner>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor '{name}' for '_sre.SRE_Scanner' objects doesn't apply to a '{}' object",
            vm.type_name(o)
        ))
    })?;
    args.shift().exact::<0>(vm, name)?;
    Ok(s)
}

fn step(vm: &Vm, args: Args, name: &str, search: bool) -> PyResult {
    let sc = this(vm, &args, name)?;
    let Some(start) = sc.start.get() else {
        return Ok(vm.none.clone());
    };
    if sc.busy.get() {
        return Err(vm.new_value_error("regular expression scanner already executing"));
    }
    let p = pattern_of(vm, &sc.pattern)?;
    sc.busy.set(true);
    let r = with_text!(sc.subject, t => {
        let mut st = State::new(t, start, sc.end);
        st.must_advance = sc.must_advance.get();
        let found = if search {
            st.search(&p.code)
        } else {
            st.pmatch(&p.code)
        };
        match found {
            Err(e) => Err(engine_error(vm, e)),
            Ok(false) => {
                sc.start.set(None);
                Ok(vm.none.clone())
            }
            Ok(true) => {
                sc.must_advance.set(st.ptr == st.start);
                sc.start.set(Some(st.ptr));
                new_match(vm, &sc.pattern, p, &sc.subject, &st, sc.pos, sc.end)
            }
        }
    });
    sc.busy.set(false);
    r
}

fn s_match(vm: &Vm, args: Args) -> PyResult {
    step(vm, args, "match", false)
}

fn s_search(vm: &Vm, args: Args) -> PyResult {
    step(vm, args, "search", true)
}

fn g_pattern(vm: &Vm, o: &PyObjectRef) -> PyResult {
    o.downcast_ref::<Scanner>()
        .map(|s| s.pattern.clone())
        .ok_or_else(|| vm.new_type_error("expected an SRE_Scanner"))
}

fn no_new(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_type_error("cannot create '_sre.SRE_Scanner' instances"))
}

fn init(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", no_new);
    vm.add_method(t, "match", s_match);
    vm.add_method(t, "search", s_search);
    vm.add_getset(t, "pattern", g_pattern, Some(super::readonly));
}
