//! The builtin iterator types `enumerate`, `zip`, `map`, `filter` and
//! `reversed`: real, subclassable types with a payload, `__new__`,
//! `__iter__`, `__next__`, and `__reduce__`/`__length_hint__` where CPython
//! has them.
//! Mirrors CPython 3.11 `Objects/enumobject.c` (enumerate, reversed) and
//! `Python/bltinmodule.c` (zip, map, filter).

use crate::types::descr::TypeDocs;
use std::cell::{Cell, RefCell};

use crate::args::Args;
use crate::types::int::{IntVal, PyInt};
use crate::types::typeobj::{class_of, is_subtype};
use crate::{Payload, PyObjectRef, PyResult, Vm};

// ----- payloads ------------------------------------------------------------------

/// `enumerate(iterable, start=0)`. The count stays a machine word until it
/// overflows, then becomes a big integer (`IntVal` handles both).
pub struct PyEnumerate {
    pub iter: PyObjectRef,
    pub count: RefCell<IntVal>,
}

impl Payload for PyEnumerate {
    pyrite_core::unique_vtable!(PyEnumerate);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.iter);
    }
}

/// `zip(*iterables, strict=False)`.
pub struct PyZip {
    pub iters: Vec<PyObjectRef>,
    /// Settable through `__setstate__`, as in CPython.
    pub strict: Cell<bool>,
}

impl Payload for PyZip {
    pyrite_core::unique_vtable!(PyZip);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        for i in &self.iters {
            visit(i);
        }
    }
}

/// `map(func, *iterables)`.
pub struct PyMap {
    pub func: PyObjectRef,
    pub iters: Vec<PyObjectRef>,
}

impl Payload for PyMap {
    pyrite_core::unique_vtable!(PyMap);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.func);
        for i in &self.iters {
            visit(i);
        }
    }
}

/// `filter(function or None, iterable)`.
pub struct PyFilter {
    pub func: PyObjectRef,
    pub iter: PyObjectRef,
}

impl Payload for PyFilter {
    pyrite_core::unique_vtable!(PyFilter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.func);
        visit(&self.iter);
    }
}

/// `reversed(seq)` over a sequence without `__reversed__`: walks indices
/// `len-1 .. 0` with `__getitem__`; `seq` is dropped when exhausted.
pub struct PyReversed {
    pub seq: RefCell<Option<PyObjectRef>>,
    /// Next index to fetch; -1 when exhausted.
    pub index: Cell<isize>,
}

impl Payload for PyReversed {
    pyrite_core::unique_vtable!(PyReversed);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(s) = self.seq.try_borrow() {
            if let Some(s) = s.as_ref() {
                visit(s);
            }
        }
    }
}

/// What `anext(aiterator, default)` returns: an awaitable that drives the
/// `__anext__()` awaitable and turns `StopAsyncIteration` into returning
/// `default`.
pub struct PyAnextAwaitable {
    pub wrapped: PyObjectRef,
    pub default: PyObjectRef,
    /// The iterator of `wrapped.__await__()`, once started.
    pub iter: RefCell<Option<PyObjectRef>>,
}

impl Payload for PyAnextAwaitable {
    pyrite_core::unique_vtable!(PyAnextAwaitable);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.wrapped);
        visit(&self.default);
        if let Ok(i) = self.iter.try_borrow() {
            if let Some(i) = i.as_ref() {
                visit(i);
            }
        }
    }
}

// ----- helpers -----------------------------------------------------------------

/// Whether `cls` is exactly the builtin type `base` (keyword-argument checks
/// apply only there, so subclasses with their own `__init__` may take them).
fn is_exact(cls: &PyObjectRef, base: &crate::types::PyTypeRef) -> bool {
    cls.is(base.as_object())
}

fn stop(vm: &Vm) -> crate::PyBaseExceptionRef {
    vm.new_stop_iteration(None)
}

fn payload<'a, T: Payload>(vm: &Vm, o: &'a PyObjectRef, name: &str) -> PyResult<&'a T> {
    o.downcast_ref::<T>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a '{name}' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

fn self_iter(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__iter__")?;
    Ok(o.clone())
}

// ----- enumerate -----------------------------------------------------------------

fn enumerate_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let rest = args.shift();
    let total = rest.all.len();
    if total > 2 {
        return Err(vm.new_type_error(format!(
            "enumerate() takes at most 2 arguments ({total} given)"
        )));
    }
    let [iterable, start] = rest.bind(vm, "enumerate", ["iterable", "start"], 0, 0, 2)?;
    let Some(iterable) = iterable else {
        return Err(vm.new_type_error("enumerate() missing required argument 'iterable'"));
    };
    let count = match start {
        Some(s) => {
            let i = vm.index(s).map_err(|e| {
                if vm.exc_matches(&e, &vm.exc.TypeError) {
                    vm.new_type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(s)
                    ))
                } else {
                    e
                }
            })?;
            i.downcast_ref::<PyInt>()
                .map(|p| p.value.clone())
                .unwrap_or(IntVal::Small(0))
        }
        None => IntVal::Small(0),
    };
    let it = vm.iter(iterable)?;
    Ok(vm
        .try_alloc(
            PyEnumerate {
                iter: it,
                count: RefCell::new(count),
            },
            cls,
        )?
        .into_object())
}

fn enumerate_next(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__next__")?;
    let e = payload::<PyEnumerate>(vm, o, "enumerate")?;
    let Some(v) = vm.next(&e.iter)? else {
        return Err(stop(vm));
    };
    let cur = e.count.borrow().clone();
    let next = match &cur {
        IntVal::Small(n) if *n < i64::MAX => IntVal::Small(n + 1),
        other => IntVal::from_big(other.to_big() + dashu_int::IBig::from(1u8)),
    };
    *e.count.borrow_mut() = next;
    Ok(vm.new_tuple(vec![vm.new_int_val(cur), v]))
}

fn enumerate_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let e = payload::<PyEnumerate>(vm, o, "enumerate")?;
    let count = vm.new_int_val(e.count.borrow().clone());
    Ok(vm.new_tuple(vec![
        o.class().clone(),
        vm.new_tuple(vec![e.iter.clone(), count]),
    ]))
}

// ----- zip -----------------------------------------------------------------------

fn zip_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let mut strict = false;
    for (k, v) in args.kwargs() {
        if k == "strict" {
            strict = vm.is_true(v)?;
        } else if is_exact(cls, &vm.types.zip) {
            return Err(
                vm.new_type_error(format!("'{k}' is an invalid keyword argument for zip()"))
            );
        }
    }
    let mut iters = Vec::with_capacity(args.pos().len() - 1);
    for a in &args.pos()[1..] {
        iters.push(vm.iter(a)?);
    }
    Ok(vm
        .try_alloc(
            PyZip {
                iters,
                strict: Cell::new(strict),
            },
            cls,
        )?
        .into_object())
}

/// Describe arguments `1..=n` the way CPython's strict-zip errors do.
fn zip_args_desc(n: usize) -> String {
    if n == 1 {
        "argument 1".to_string()
    } else {
        format!("arguments 1-{n}")
    }
}

fn zip_next(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__next__")?;
    let z = payload::<PyZip>(vm, o, "zip")?;
    if z.iters.is_empty() {
        return Err(stop(vm));
    }
    let mut items = Vec::with_capacity(z.iters.len());
    for (i, it) in z.iters.iter().enumerate() {
        match vm.next(it)? {
            Some(v) => items.push(v),
            None => {
                if !z.strict.get() {
                    return Err(stop(vm));
                }
                if i > 0 {
                    return Err(vm.new_value_error(format!(
                        "zip() argument {} is shorter than {}",
                        i + 1,
                        zip_args_desc(i)
                    )));
                }
                // The first iterator is exhausted: every other one must be too.
                for (j, other) in z.iters.iter().enumerate().skip(1) {
                    if vm.next(other)?.is_some() {
                        return Err(vm.new_value_error(format!(
                            "zip() argument {} is longer than {}",
                            j + 1,
                            zip_args_desc(j)
                        )));
                    }
                }
                return Err(stop(vm));
            }
        }
    }
    Ok(vm.new_tuple(items))
}

fn zip_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let z = payload::<PyZip>(vm, o, "zip")?;
    let its = vm.new_tuple(z.iters.clone());
    let mut parts = vec![o.class().clone(), its];
    if z.strict.get() {
        parts.push(vm.true_.clone());
    }
    Ok(vm.new_tuple(parts))
}

fn zip_setstate(vm: &Vm, args: Args) -> PyResult {
    let [o, state] = args.exact::<2>(vm, "__setstate__")?;
    let z = payload::<PyZip>(vm, o, "zip")?;
    z.strict.set(vm.is_true(state)?);
    Ok(vm.none.clone())
}

// ----- map -----------------------------------------------------------------------

fn map_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    if !args.kwnames.is_empty() && is_exact(cls, &vm.types.map) {
        return Err(vm.new_type_error("map() takes no keyword arguments"));
    }
    let pos = &args.pos()[1..];
    if pos.len() < 2 {
        return Err(vm.new_type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(pos.len() - 1);
    for a in &pos[1..] {
        iters.push(vm.iter(a)?);
    }
    Ok(vm
        .try_alloc(
            PyMap {
                func: pos[0].clone(),
                iters,
            },
            cls,
        )?
        .into_object())
}

fn map_next(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__next__")?;
    let m = payload::<PyMap>(vm, o, "map")?;
    let mut items = Vec::with_capacity(m.iters.len());
    for it in &m.iters {
        match vm.next(it)? {
            Some(v) => items.push(v),
            None => return Err(stop(vm)),
        }
    }
    vm.call(&m.func, &items)
}

fn map_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let m = payload::<PyMap>(vm, o, "map")?;
    let mut parts = vec![m.func.clone()];
    parts.extend(m.iters.iter().cloned());
    Ok(vm.new_tuple(vec![o.class().clone(), vm.new_tuple(parts)]))
}

// ----- filter --------------------------------------------------------------------

fn filter_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    if !args.kwnames.is_empty() && is_exact(cls, &vm.types.filter) {
        return Err(vm.new_type_error("filter() takes no keyword arguments"));
    }
    let pos = &args.pos()[1..];
    if pos.len() != 2 {
        return Err(vm.new_type_error(format!("filter expected 2 arguments, got {}", pos.len())));
    }
    let it = vm.iter(&pos[1])?;
    Ok(vm
        .try_alloc(
            PyFilter {
                func: pos[0].clone(),
                iter: it,
            },
            cls,
        )?
        .into_object())
}

fn filter_next(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__next__")?;
    let f = payload::<PyFilter>(vm, o, "filter")?;
    // `filter(None, ...)` and `filter(bool, ...)` test truth directly.
    let truth_only = f.func.is(&vm.none) || f.func.is(vm.types.bool_.as_object());
    loop {
        let Some(v) = vm.next(&f.iter)? else {
            return Err(stop(vm));
        };
        let keep = if truth_only {
            vm.is_true(&v)?
        } else {
            let r = vm.call(&f.func, std::slice::from_ref(&v))?;
            vm.is_true(&r)?
        };
        if keep {
            return Ok(v);
        }
    }
}

fn filter_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let f = payload::<PyFilter>(vm, o, "filter")?;
    Ok(vm.new_tuple(vec![
        o.class().clone(),
        vm.new_tuple(vec![f.func.clone(), f.iter.clone()]),
    ]))
}

// ----- reversed ------------------------------------------------------------------

fn reversed_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    if !args.kwnames.is_empty() && is_exact(cls, &vm.types.reversed) {
        return Err(vm.new_type_error("reversed() takes no keyword arguments"));
    }
    let pos = &args.pos()[1..];
    if pos.len() != 1 {
        return Err(vm.new_type_error(format!("reversed expected 1 argument, got {}", pos.len())));
    }
    let seq = &pos[0];
    let seq_cls = class_of(seq);
    match seq_cls.ext.lookup(&vm.names.__reversed__) {
        Some(r) if r.is(&vm.none) => return Err(not_reversible(vm, seq)),
        Some(r) => return vm.call_unbound(&r, seq, &[], &[]),
        None => {}
    }
    // The sequence protocol: `__getitem__` (and not a mapping: dicts
    // without `__reversed__` are not sequences) plus `__len__`.
    let is_seq = seq_cls.ext.lookup(&vm.names.__getitem__).is_some()
        && !is_subtype(seq.class(), vm.types.dict.as_object());
    if !is_seq {
        return Err(not_reversible(vm, seq));
    }
    let n = vm.len(seq)?;
    Ok(vm
        .try_alloc(
            PyReversed {
                seq: RefCell::new(Some(seq.clone())),
                index: Cell::new(n as isize - 1),
            },
            cls,
        )?
        .into_object())
}

fn not_reversible(vm: &Vm, o: &PyObjectRef) -> crate::PyBaseExceptionRef {
    vm.new_type_error(format!("'{}' object is not reversible", vm.type_name(o)))
}

fn reversed_next(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__next__")?;
    let r = payload::<PyReversed>(vm, o, "reversed")?;
    let i = r.index.get();
    let seq = r.seq.borrow().clone();
    let Some(seq) = seq else {
        return Err(stop(vm));
    };
    if i >= 0 {
        match vm.get_item(&seq, &vm.new_int(i as i64)) {
            Ok(v) => {
                r.index.set(i - 1);
                return Ok(v);
            }
            Err(e)
                if vm.exc_matches(&e, &vm.exc.IndexError)
                    || vm.exc_matches(&e, &vm.exc.StopIteration) => {}
            Err(e) => return Err(e),
        }
    }
    r.index.set(-1);
    *r.seq.borrow_mut() = None;
    Err(stop(vm))
}

fn reversed_length_hint(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__length_hint__")?;
    let r = payload::<PyReversed>(vm, o, "reversed")?;
    let seq = r.seq.borrow().clone();
    let Some(seq) = seq else {
        return Ok(vm.new_int(0));
    };
    // The sequence may have shrunk since: never report more than remains.
    let n = vm.len(&seq)? as isize;
    let i = r.index.get();
    Ok(vm.new_int(if n < i + 1 { 0 } else { (i + 1) as i64 }))
}

fn reversed_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let r = payload::<PyReversed>(vm, o, "reversed")?;
    let seq = r.seq.borrow().clone();
    match seq {
        Some(s) => Ok(vm.new_tuple(vec![
            o.class().clone(),
            vm.new_tuple(vec![s]),
            vm.new_int(r.index.get() as i64),
        ])),
        None => Ok(vm.new_tuple(vec![
            o.class().clone(),
            vm.new_tuple(vec![vm.new_tuple(vec![])]),
        ])),
    }
}

fn reversed_setstate(vm: &Vm, args: Args) -> PyResult {
    let [o, state] = args.exact::<2>(vm, "__setstate__")?;
    let r = payload::<PyReversed>(vm, o, "reversed")?;
    let seq = r.seq.borrow().clone();
    if let Some(seq) = seq {
        let mut i = vm.index_isize(state)?;
        let n = vm.len(&seq)? as isize;
        if i < -1 {
            i = -1;
        } else if i > n - 1 {
            i = n - 1;
        }
        r.index.set(i);
    }
    Ok(vm.none.clone())
}

// ----- anext_awaitable -------------------------------------------------------------

/// The iterator driving the wrapped awaitable (`__await__()` of it, or the
/// coroutine itself), made on first use.
fn anext_iter(vm: &Vm, a: &PyAnextAwaitable) -> PyResult {
    if let Some(i) = a.iter.borrow().clone() {
        return Ok(i);
    }
    let w = &a.wrapped;
    let it = if w.class().is(vm.types.coroutine.as_object()) {
        w.clone()
    } else {
        match vm.call_special(w, &vm.names.__await__, &[])? {
            Some(i) => i,
            None => {
                return Err(
                    vm.new_type_error(format!("'{}' object can't be awaited", vm.type_name(w)))
                )
            }
        }
    };
    *a.iter.borrow_mut() = Some(it.clone());
    Ok(it)
}

/// Map `StopAsyncIteration` from the wrapped awaitable to
/// `StopIteration(default)`.
fn anext_result(vm: &Vm, a: &PyAnextAwaitable, r: PyResult) -> PyResult {
    match r {
        Err(e) if vm.exc_matches(&e, &vm.exc.StopAsyncIteration) => {
            Err(vm.new_stop_iteration(Some(a.default.clone())))
        }
        other => other,
    }
}

fn anext_await_self(vm: &Vm, args: Args) -> PyResult {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("__await__ needs self"))?;
    Ok(o.clone())
}

fn anext_next(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__next__")?;
    let a = payload::<PyAnextAwaitable>(vm, o, "anext_awaitable")?;
    let it = anext_iter(vm, a)?;
    let r = vm.call_method(&it, "send", &[vm.none.clone()]);
    anext_result(vm, a, r)
}

fn anext_send(vm: &Vm, args: Args) -> PyResult {
    let [o, v] = args.exact::<2>(vm, "send")?;
    let a = payload::<PyAnextAwaitable>(vm, o, "anext_awaitable")?;
    let it = anext_iter(vm, a)?;
    let r = vm.call_method(&it, "send", &[v.clone()]);
    anext_result(vm, a, r)
}

fn anext_throw(vm: &Vm, args: Args) -> PyResult {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("throw needs self"))?;
    let a = payload::<PyAnextAwaitable>(vm, o, "anext_awaitable")?;
    let it = anext_iter(vm, a)?;
    let f = vm.get_attr_str(&it, "throw")?;
    let r = vm.call_kw(&f, &args.all[1..], args.kwnames);
    anext_result(vm, a, r)
}

fn anext_close(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "close")?;
    let a = payload::<PyAnextAwaitable>(vm, o, "anext_awaitable")?;
    let it = anext_iter(vm, a)?;
    vm.call_method(&it, "close", &[])
}

/// Docstrings of `enumerate` and its methods (CPython's texts).
pub(crate) const ENUMERATE_DOCS: TypeDocs = TypeDocs {
    doc: "enumerate(iterable, start=0)\n--\n\nReturn an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable argument.\n\nenumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    members: &[
        ("__reduce__", "Return state information for pickling."),
        ("__class_getitem__", "See PEP 585"),
    ],
};

/// Docstrings of `zip` and its methods (CPython's texts).
pub(crate) const ZIP_DOCS: TypeDocs = TypeDocs {
    doc: "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n   >>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\nThe zip object yields n-length tuples, where n is the number of iterables\npassed as positional arguments to zip().  The i-th element in every tuple\ncomes from the i-th iterable argument to zip().  This continues until the\nshortest argument is exhausted.\n\nIf strict is true and one of the arguments is exhausted before the others,\nraise a ValueError.",
    members: &[
        ("__reduce__", "Return state information for pickling."),
        ("__setstate__", "Set state information for unpickling."),
    ],
};

/// Docstrings of `map` and its methods (CPython's texts).
pub(crate) const MAP_DOCS: TypeDocs = TypeDocs {
    doc: "map(func, *iterables) --> map object\n\nMake an iterator that computes the function using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted.",
    members: &[
        ("__reduce__", "Return state information for pickling."),
    ],
};

/// Docstrings of `filter` and its methods (CPython's texts).
pub(crate) const FILTER_DOCS: TypeDocs = TypeDocs {
    doc: "filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those items of iterable for which function(item)\nis true. If function is None, return the items that are true.",
    members: &[
        ("__reduce__", "Return state information for pickling."),
    ],
};

/// Docstrings of `reversed` and its methods (CPython's texts).
pub(crate) const REVERSED_DOCS: TypeDocs = TypeDocs {
    doc: "reversed(sequence, /)\n--\n\nReturn a reverse iterator over the values of the given sequence.",
    members: &[
        ("__length_hint__", "Private method returning an estimate of len(list(it))."),
        ("__reduce__", "Return state information for pickling."),
        ("__setstate__", "Set state information for unpickling."),
    ],
};

/// Register the methods of the five iterator types.
pub fn init(vm: &Vm) {
    let t = &vm.types;
    vm.add_staticmethod(&t.enumerate, "__new__", enumerate_new);
    vm.add_method(&t.enumerate, "__iter__", self_iter);
    vm.add_method(&t.enumerate, "__next__", enumerate_next);
    vm.add_method(&t.enumerate, "__reduce__", enumerate_reduce);
    vm.add_class_getitem(&t.enumerate);

    vm.add_staticmethod(&t.zip, "__new__", zip_new);
    vm.add_method(&t.zip, "__iter__", self_iter);
    vm.add_method(&t.zip, "__next__", zip_next);
    vm.add_method(&t.zip, "__reduce__", zip_reduce);
    vm.add_method(&t.zip, "__setstate__", zip_setstate);

    vm.add_staticmethod(&t.map, "__new__", map_new);
    vm.add_method(&t.map, "__iter__", self_iter);
    vm.add_method(&t.map, "__next__", map_next);
    vm.add_method(&t.map, "__reduce__", map_reduce);

    vm.add_staticmethod(&t.filter, "__new__", filter_new);
    vm.add_method(&t.filter, "__iter__", self_iter);
    vm.add_method(&t.filter, "__next__", filter_next);
    vm.add_method(&t.filter, "__reduce__", filter_reduce);

    vm.add_staticmethod(&t.reversed, "__new__", reversed_new);
    vm.add_method(&t.reversed, "__iter__", self_iter);
    vm.add_method(&t.reversed, "__next__", reversed_next);
    vm.add_method(&t.reversed, "__length_hint__", reversed_length_hint);
    vm.add_method(&t.reversed, "__reduce__", reversed_reduce);
    vm.add_method(&t.reversed, "__setstate__", reversed_setstate);

    let a = &t.anext_awaitable;
    vm.add_method(a, "__await__", anext_await_self);
    vm.add_method(a, "__iter__", self_iter);
    vm.add_method(a, "__next__", anext_next);
    vm.add_method(a, "send", anext_send);
    vm.add_method(a, "throw", anext_throw);
    vm.add_method(a, "close", anext_close);

    vm.set_docs(&vm.types.enumerate, &ENUMERATE_DOCS);
    vm.set_docs(&vm.types.zip, &ZIP_DOCS);
    vm.set_docs(&vm.types.map, &MAP_DOCS);
    vm.set_docs(&vm.types.filter, &FILTER_DOCS);
    vm.set_docs(&vm.types.reversed, &REVERSED_DOCS);
}
