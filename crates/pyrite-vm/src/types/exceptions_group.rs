//! `BaseExceptionGroup` / `ExceptionGroup` (PEP 654): construction with its
//! nesting rules, `message`, `exceptions`, `__str__`, `derive`, `split` and
//! `subgroup`, plus the helpers `except*` uses to re-assemble what its
//! clauses re-raised. Semantics follow CPython 3.11's `Objects/exceptions.c`.

use super::dict::PyDict;
use super::exceptions::PyBaseException;
use super::str::PyStr;
use super::tuple::PyTuple;
use super::typeobj::{as_type, is_subtype};
use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

fn group_of(vm: &Vm, o: &PyObjectRef) -> PyResult<(PyObjectRef, PyObjectRef)> {
    o.downcast_ref::<PyBaseException>()
        .and_then(|e| e.group.borrow().clone())
        .ok_or_else(|| {
            vm.new_type_error(format!(
                "descriptor requires a 'BaseExceptionGroup' object but received a '{}'",
                vm.type_name(o)
            ))
        })
}

fn is_group(vm: &Vm, o: &PyObjectRef) -> bool {
    is_subtype(o.class(), vm.exc.BaseExceptionGroup.as_object())
}

/// `PySequence_Check`: a non-dict whose type defines `__getitem__`.
fn is_sequence(_vm: &Vm, o: &PyObjectRef) -> bool {
    if o.downcast_ref::<PyDict>().is_some() {
        return false;
    }
    as_type(o.class())
        .and_then(|t| t.ext.lookup_str("__getitem__"))
        .is_some()
}

fn group_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.new_type_error("BaseExceptionGroup.__new__(): not enough arguments"));
    };
    if as_type(cls).is_none() {
        return Err(vm.new_type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    }
    let rest = &pos[1..];
    if rest.len() != 2 {
        return Err(vm.new_type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            rest.len()
        )));
    }
    let (message, exceptions) = (&rest[0], &rest[1]);
    if message.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(message)
        )));
    }
    if !is_sequence(vm, exceptions) {
        return Err(vm.new_type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.to_vec(exceptions)?;
    if items.is_empty() {
        return Err(vm.new_value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        if !is_subtype(e.class(), vm.types.base_exception.as_object()) {
            return Err(vm.new_value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !is_subtype(e.class(), vm.exc.Exception.as_object()) {
            nested_base = true;
        }
    }
    let mut cls = cls.clone();
    if cls.is(vm.exc.BaseExceptionGroup.as_object()) {
        if !nested_base {
            cls = vm.exc.ExceptionGroup.as_object().clone();
        }
    } else if cls.is(vm.exc.ExceptionGroup.as_object()) {
        if nested_base {
            return Err(vm.new_type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if nested_base && is_subtype(&cls, vm.exc.Exception.as_object()) {
        let name = as_type(&cls)
            .map(|t| t.ext.name().to_string())
            .unwrap_or_default();
        return Err(vm.new_type_error(format!("Cannot nest BaseExceptions in '{name}'")));
    }
    let exc = PyBaseException::new(vm.new_tuple(rest.to_vec()));
    *exc.group.borrow_mut() = Some((message.clone(), vm.new_tuple(items)));
    Ok(vm.try_alloc(exc, &cls)?.into_object())
}

fn get_message(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(group_of(vm, o)?.0)
}

fn get_exceptions(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(group_of(vm, o)?.1)
}

fn group_str(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__str__")?;
    let (m, excs) = group_of(vm, o)?;
    let n = excs.downcast_ref::<PyTuple>().map_or(0, |t| t.len());
    Ok(vm.new_str(format!(
        "{} ({} sub-exception{})",
        vm.str_string(&m)?,
        n,
        if n > 1 { "s" } else { "" }
    )))
}

fn group_derive(vm: &Vm, args: Args) -> PyResult {
    let [o, excs] = args.exact::<2>(vm, "derive")?;
    let (m, _) = group_of(vm, o)?;
    vm.call(vm.exc.BaseExceptionGroup.as_object(), &[m, excs.clone()])
}

/// How `split`/`subgroup` decide which leaves match.
enum Matcher {
    /// An exception class or a tuple of them.
    Type(PyObjectRef),
    Predicate(PyObjectRef),
    /// Leaves whose identity is in the list (for `except*` re-raises).
    Ids(Vec<PyObjectRef>),
}

impl Matcher {
    fn from_arg(vm: &Vm, v: &PyObjectRef) -> PyResult<Matcher> {
        let is_exc_class = |x: &PyObjectRef| {
            as_type(x).is_some() && is_subtype(x, vm.types.base_exception.as_object())
        };
        if is_exc_class(v) {
            return Ok(Matcher::Type(v.clone()));
        }
        if let Some(t) = v.downcast_ref::<PyTuple>() {
            if t.items.iter().all(is_exc_class) {
                return Ok(Matcher::Type(v.clone()));
            }
        } else if vm.is_callable(v) {
            return Ok(Matcher::Predicate(v.clone()));
        }
        Err(vm.new_type_error("expected a function, exception type or tuple of exception types"))
    }

    fn matches(&self, vm: &Vm, e: &PyObjectRef) -> PyResult<bool> {
        match self {
            Matcher::Type(t) => Ok(crate::eval::ops::exceptions::exception_matches(vm, e, t)),
            Matcher::Predicate(f) => {
                let r = vm.call(f, &[e.clone()])?;
                vm.is_true(&r)
            }
            Matcher::Ids(ids) => Ok(ids.iter().any(|x| x.is(e))),
        }
    }
}

/// `derive(parts)` on the original group, then copy its traceback, cause,
/// context and notes onto the result.
fn derive_from(vm: &Vm, orig: &PyObjectRef, parts: Vec<PyObjectRef>) -> PyResult {
    let eg = vm.call_method(orig, "derive", &[vm.new_list(parts)])?;
    if !is_group(vm, &eg) {
        return Err(vm.new_type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(src), Some(dst)) = (
        orig.downcast_ref::<PyBaseException>(),
        eg.downcast_ref::<PyBaseException>(),
    ) {
        *dst.traceback.borrow_mut() = src.traceback.borrow().clone();
        *dst.cause.borrow_mut() = src.cause.borrow().clone();
        *dst.context.borrow_mut() = src.context.borrow().clone();
    }
    if let Some(notes) = vm.get_attr_opt(orig, &vm.intern("__notes__"))? {
        if is_sequence(vm, &notes) {
            let copy = vm.new_list(vm.to_vec(&notes)?);
            vm.set_attr_str(&eg, "__notes__", copy)?;
        }
    }
    Ok(eg)
}

/// Split `exc` into (matching part, rest); `want_rest` false skips building
/// the rest (what `subgroup` does).
fn split_rec(
    vm: &Vm,
    exc: &PyObjectRef,
    m: &Matcher,
    want_rest: bool,
) -> PyResult<(Option<PyObjectRef>, Option<PyObjectRef>)> {
    let whole = m.matches(vm, exc)?;
    if whole {
        return Ok((Some(exc.clone()), None));
    }
    if !is_group(vm, exc) {
        return Ok((None, want_rest.then(|| exc.clone())));
    }
    let (_, excs) = group_of(vm, exc)?;
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in vm.to_vec(&excs)? {
        let (a, b) = split_rec(vm, &e, m, want_rest)?;
        matched.extend(a);
        rest.extend(b);
    }
    let a = if matched.is_empty() {
        None
    } else {
        Some(derive_from(vm, exc, matched)?)
    };
    let b = if want_rest && !rest.is_empty() {
        Some(derive_from(vm, exc, rest)?)
    } else {
        None
    };
    Ok((a, b))
}

fn group_split(vm: &Vm, args: Args) -> PyResult {
    let [o, cond] = args.exact::<2>(vm, "split")?;
    group_of(vm, o)?;
    let m = Matcher::from_arg(vm, cond)?;
    let (a, b) = split_rec(vm, o, &m, true)?;
    let none = || vm.none.clone();
    Ok(vm.new_tuple(vec![a.unwrap_or_else(none), b.unwrap_or_else(none)]))
}

fn group_subgroup(vm: &Vm, args: Args) -> PyResult {
    let [o, cond] = args.exact::<2>(vm, "subgroup")?;
    group_of(vm, o)?;
    let m = Matcher::from_arg(vm, cond)?;
    let (a, _) = split_rec(vm, o, &m, false)?;
    Ok(a.unwrap_or_else(|| vm.none.clone()))
}

/// The leaves of `exc` (itself when it is not a group).
fn collect_leaves(vm: &Vm, exc: &PyObjectRef, out: &mut Vec<PyObjectRef>) -> PyResult<()> {
    if !is_group(vm, exc) {
        out.push(exc.clone());
        return Ok(());
    }
    let (_, excs) = group_of(vm, exc)?;
    for e in vm.to_vec(&excs)? {
        collect_leaves(vm, &e, out)?;
    }
    Ok(())
}

/// A part of `orig` re-raised by a bare `raise` shares its traceback,
/// cause, context and notes (split copies them); a new exception does not.
fn same_metadata(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<bool> {
    let (Some(x), Some(y)) = (
        a.downcast_ref::<PyBaseException>(),
        b.downcast_ref::<PyBaseException>(),
    ) else {
        return Ok(false);
    };
    let same = |p: &Option<PyObjectRef>, q: &Option<PyObjectRef>| match (p, q) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is(q),
        _ => false,
    };
    if !(same(&x.traceback.borrow(), &y.traceback.borrow())
        && same(&x.cause.borrow(), &y.cause.borrow())
        && same(&x.context.borrow(), &y.context.borrow()))
    {
        return Ok(false);
    }
    let notes = vm.intern("__notes__");
    Ok(same(
        &vm.get_attr_opt(a, &notes)?,
        &vm.get_attr_opt(b, &notes)?,
    ))
}

/// What an `except*` block re-raises: `orig` is the exception that entered
/// it, `raised` what each clause raised (bare re-raises are parts of `orig`).
/// Re-raised parts keep `orig`'s structure; new exceptions join them in a
/// fresh `ExceptionGroup("", ...)`.
pub fn prep_reraise_star(vm: &Vm, orig: &PyObjectRef, raised: Vec<PyObjectRef>) -> PyResult {
    if raised.is_empty() {
        return Ok(vm.none.clone());
    }
    if !is_group(vm, orig) {
        // A naked exception can only have been handled by one clause.
        return Ok(raised[0].clone());
    }
    let mut reraised_leaves = Vec::new();
    let mut new_raised = Vec::new();
    for e in raised {
        if same_metadata(vm, &e, orig)? {
            collect_leaves(vm, &e, &mut reraised_leaves)?;
        } else {
            new_raised.push(e);
        }
    }
    let reraised = if reraised_leaves.is_empty() {
        None
    } else {
        split_rec(vm, orig, &Matcher::Ids(reraised_leaves), false)?.0
    };
    if new_raised.is_empty() {
        return Ok(reraised.unwrap_or_else(|| vm.none.clone()));
    }
    new_raised.extend(reraised);
    if new_raised.len() == 1 {
        return Ok(new_raised.remove(0));
    }
    vm.call(
        vm.exc.ExceptionGroup.as_object(),
        &[vm.new_str(""), vm.new_list(new_raised)],
    )
}

pub fn init(vm: &Vm) {
    let e = &vm.exc;
    vm.add_class_getitem(&e.BaseExceptionGroup);
    // ExceptionGroup derives from both BaseExceptionGroup and Exception.
    let eg = &e.ExceptionGroup;
    *eg.ext.bases.borrow_mut() = vec![
        e.BaseExceptionGroup.as_object().clone(),
        e.Exception.as_object().clone(),
    ];
    e.Exception
        .ext
        .subclasses
        .borrow_mut()
        .push(eg.as_object().clone());
    *eg.ext.mro.borrow_mut() = vec![
        eg.as_object().clone(),
        e.BaseExceptionGroup.as_object().clone(),
        e.Exception.as_object().clone(),
        vm.types.base_exception.as_object().clone(),
        vm.types.object.as_object().clone(),
    ];
    let g = &e.BaseExceptionGroup;
    vm.add_staticmethod(g, "__new__", group_new);
    vm.add_method(g, "__str__", group_str);
    vm.add_method(g, "derive", group_derive);
    vm.add_method(g, "split", group_split);
    vm.add_method(g, "subgroup", group_subgroup);
    vm.add_getset(g, "message", get_message, None);
    vm.add_getset(g, "exceptions", get_exceptions, None);
}
