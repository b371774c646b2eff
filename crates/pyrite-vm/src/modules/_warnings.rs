//! The `_warnings` accelerator: `warn`, `warn_explicit`, the default
//! `filters`, `_defaultaction`, `_onceregistry` and `_filters_mutated`.
//! With it, `warnings.py` skips building its default filters with `re`.
//! The filter list, default action and once-registry of the Python
//! `warnings` module are used when it is imported, and warnings are shown
//! through its `_showwarnmsg`, as CPython 3.11 `Python/_warnings.c` does.
//! The calling frame's line comes from the frame stack (`Vm::top_lasti`
//! for the innermost frame, the saved call position for the others).

use std::cell::Cell;

use crate::args::Args;
use crate::types::dict::PyDict;
use crate::types::list::PyList;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::{PyObjectRef, PyResult, Vm};

thread_local! {
    /// Bumped by `_filters_mutated()`; registries remember the version they
    /// were filled under and are cleared when it changes.
    static FILTERS_VERSION: Cell<i64> = const { Cell::new(1) };
}

fn own_attr(vm: &Vm, name: &str) -> Option<PyObjectRef> {
    vm.modules
        .get_by_str("_warnings")
        .and_then(|m| vm.module_dict(&m).and_then(|d| d.get_by_str(name)))
}

/// An attribute of the Python `warnings` module if it is imported, else
/// of `_warnings` (`own` names the `_warnings` spelling).
fn warnings_attr(vm: &Vm, name: &str, own: &str) -> Option<PyObjectRef> {
    if let Some(m) = vm.modules.get_by_str("warnings") {
        if let Some(v) = vm.module_dict(&m).and_then(|d| d.get_by_str(name)) {
            return Some(v);
        }
    }
    own_attr(vm, own)
}

/// A filter's message/module pattern: None matches everything, a str
/// must be equal, anything else is a compiled regex (`.match`).
fn matches(vm: &Vm, pat: &PyObjectRef, arg: &PyObjectRef) -> PyResult<bool> {
    if pat.is(&vm.none) {
        return Ok(true);
    }
    if pat.class().is(vm.types.str.as_object()) {
        return vm.eq_bool(pat, arg);
    }
    let r = vm.call_method(pat, "match", std::slice::from_ref(arg))?;
    vm.is_true(&r)
}

/// The action of the first matching filter, with the filter.
fn get_filter(
    vm: &Vm,
    category: &PyObjectRef,
    text: &PyObjectRef,
    lineno: i64,
    module: &PyObjectRef,
) -> PyResult<(PyObjectRef, PyObjectRef)> {
    let filters = warnings_attr(vm, "filters", "filters")
        .ok_or_else(|| vm.new_value_error("_warnings.filters must be a list"))?;
    let Some(list) = filters.downcast_ref::<PyList>() else {
        return Err(vm.new_value_error("_warnings.filters must be a list"));
    };
    let items: Vec<PyObjectRef> = list.items.borrow().clone();
    for (i, item) in items.iter().enumerate() {
        let t = item
            .downcast_ref::<PyTuple>()
            .filter(|t| t.items.len() == 5)
            .ok_or_else(|| {
                vm.new_value_error(format!("_warnings.filters item {i} isn't a 5-tuple"))
            })?;
        let [action, msg, cat, m, ln] = [
            &t.items[0],
            &t.items[1],
            &t.items[2],
            &t.items[3],
            &t.items[4],
        ];
        let good_msg = matches(vm, msg, text)?;
        let good_mod = matches(vm, m, module)?;
        let is_sub = vm.issubclass(category, cat)?;
        let ln = vm.index_isize(ln)? as i64;
        if good_msg && is_sub && good_mod && (ln == 0 || ln == lineno) {
            return Ok((action.clone(), item.clone()));
        }
    }
    let action = warnings_attr(vm, "defaultaction", "_defaultaction")
        .unwrap_or_else(|| vm.new_str("default"));
    if action.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "_warnings.defaultaction must be a string, not '{}'",
            vm.type_name(&action)
        )));
    }
    Ok((action, vm.none.clone()))
}

/// CPython's `already_warned`: clear a registry from an older filters
/// version, then report (and optionally record) `key`.
fn already_warned(vm: &Vm, registry: &PyObjectRef, key: PyObjectRef, set: bool) -> PyResult<bool> {
    let Some(d) = registry.downcast_ref::<PyDict>() else {
        return Ok(false);
    };
    let version = FILTERS_VERSION.with(|v| v.get());
    let cur = d.get_item(vm, &vm.new_str("version"))?;
    if cur.as_ref().and_then(crate::types::int::as_i64) != Some(version) {
        vm.call_method(registry, "clear", &[])?;
        vm.set_item(registry, vm.new_str("version"), vm.new_int(version))?;
    }
    if let Some(v) = d.get_item(vm, &key)? {
        if vm.is_true(&v)? {
            return Ok(true);
        }
    }
    if set {
        vm.set_item(registry, key, vm.new_bool(true))?;
    }
    Ok(false)
}

fn show(
    vm: &Vm,
    category: &PyObjectRef,
    text: &PyObjectRef,
    message: &PyObjectRef,
    filename: &PyObjectRef,
    lineno: i64,
    source: &PyObjectRef,
) -> PyResult<()> {
    let py = vm.modules.get_by_str("warnings");
    let show_fn = py
        .as_ref()
        .and_then(|m| vm.module_dict(m).and_then(|d| d.get_by_str("_showwarnmsg")));
    let cls = py.as_ref().and_then(|m| {
        vm.module_dict(m)
            .and_then(|d| d.get_by_str("WarningMessage"))
    });
    if let (Some(f), Some(cls)) = (show_fn, cls) {
        if !vm.is_callable(&f) {
            return Err(vm.new_type_error("warnings._showwarnmsg() must be set to a callable"));
        }
        let msg = vm.call(
            &cls,
            &[
                message.clone(),
                category.clone(),
                filename.clone(),
                vm.new_int(lineno),
                vm.none.clone(),
                vm.none.clone(),
                source.clone(),
            ],
        )?;
        vm.call(&f, &[msg])?;
        return Ok(());
    }
    let name = vm
        .get_attr_str(category, "__name__")
        .and_then(|n| vm.str_string(&n))
        .unwrap_or_else(|_| "Warning".into());
    let line = format!(
        "{}:{lineno}: {name}: {}\n",
        vm.str_string(filename)?,
        vm.str_string(text)?
    );
    crate::modules::sys::flush_stdout(vm);
    match vm.sys_attr("stderr") {
        Ok(s) => vm.write_to(&s, &line),
        Err(_) => {
            eprint!("{line}");
            Ok(())
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn warn_explicit_impl(
    vm: &Vm,
    message: &PyObjectRef,
    category: &PyObjectRef,
    filename: &PyObjectRef,
    lineno: i64,
    module: Option<PyObjectRef>,
    registry: Option<PyObjectRef>,
    source: &PyObjectRef,
) -> PyResult {
    let module = match module {
        Some(m) => m,
        None => {
            let f = vm.str_string(filename)?;
            let m = f.strip_suffix(".py").unwrap_or(&f);
            vm.new_str(if m.is_empty() { "<unknown>" } else { m })
        }
    };
    let warning = vm.exc.Warning.as_object().clone();
    let (text, category, message) = if vm.isinstance(message, &warning)? {
        (
            vm.str(message)?.into_object(),
            message.class().clone(),
            message.clone(),
        )
    } else {
        (
            message.clone(),
            category.clone(),
            vm.call(category, std::slice::from_ref(message))?,
        )
    };
    let key = vm.new_tuple(vec![text.clone(), category.clone(), vm.new_int(lineno)]);
    let registry = registry.filter(|r| !r.is(&vm.none));
    if let Some(r) = &registry {
        if already_warned(vm, r, key.clone(), false)? {
            return Ok(vm.none.clone());
        }
    }
    let (action, item) = get_filter(vm, &category, &text, lineno, &module)?;
    let a = vm.str_string(&action)?;
    if a == "error" {
        let exc = message
            .clone()
            .downcast()
            .map_err(|_| vm.new_type_error("exceptions must derive from BaseException"))?;
        return Err(exc);
    }
    if a == "ignore" {
        return Ok(vm.none.clone());
    }
    let mut already = false;
    if a != "always" {
        if let Some(r) = &registry {
            vm.set_item(r, key, vm.new_bool(true))?;
        }
        match a.as_str() {
            "once" => {
                let reg = match &registry {
                    Some(r) => r.clone(),
                    None => warnings_attr(vm, "onceregistry", "_onceregistry")
                        .unwrap_or_else(|| vm.new_dict().into_object()),
                };
                let k = vm.new_tuple(vec![text.clone(), category.clone()]);
                already = already_warned(vm, &reg, k, true)?;
            }
            "module" => {
                if let Some(r) = &registry {
                    let k = vm.new_tuple(vec![text.clone(), category.clone(), vm.new_int(0)]);
                    already = already_warned(vm, r, k, true)?;
                }
            }
            "default" => {}
            _ => {
                return Err(vm.new_runtime_error(format!(
                    "Unrecognized action ({}) in warnings.filters:\n {}",
                    vm.repr_string(&action)?,
                    vm.repr_string(&item)?
                )))
            }
        }
    }
    if !already {
        show(vm, &category, &text, &message, filename, lineno, source)?;
    }
    Ok(vm.none.clone())
}

fn w_warn(vm: &Vm, args: Args) -> PyResult {
    let [message, category, stacklevel, source] = args.bind(
        vm,
        "warn",
        ["message", "category", "stacklevel", "source"],
        1,
        0,
        4,
    )?;
    let message = message.expect("required");
    let warning = vm.exc.Warning.as_object().clone();
    let category = if vm.isinstance(message, &warning)? {
        message.class().clone()
    } else {
        match category {
            Some(c) if !c.is(&vm.none) => {
                let ok =
                    crate::types::typeobj::as_type(c).is_some() && vm.issubclass(c, &warning)?;
                if !ok {
                    return Err(vm.new_type_error(format!(
                        "category must be a Warning subclass, not '{}'",
                        vm.type_name(c)
                    )));
                }
                c.clone()
            }
            _ => vm.exc.UserWarning.as_object().clone(),
        }
    };
    let level = match stacklevel {
        Some(s) => vm.index_isize(s)?,
        None => 1,
    };
    // The frame `level` calls up (native calls have no frame of their own).
    let (globals, filename, lineno) = {
        let stack = vm.frame_stack.borrow();
        let n = stack.len() as isize;
        let idx = n - level.max(1);
        if idx >= 0 && idx < n {
            let fi = &stack[idx as usize];
            let filename = fi
                .code
                .downcast_ref::<crate::types::code::PyCode>()
                .map(|c| c.code.filename.to_string())
                .unwrap_or_else(|| "<unknown>".into());
            let lasti = vm.stack_entry_lasti(&stack, idx as usize);
            let lineno = i64::from(crate::eval::frame::code_line(&fi.code, lasti));
            (Some(fi.globals.clone()), vm.new_str(filename), lineno)
        } else {
            (None, vm.new_str("sys"), 1)
        }
    };
    let globals = match globals {
        Some(g) => g,
        None => vm.get_attr_str(&vm.import_absolute("sys")?, "__dict__")?,
    };
    let (module, registry) = match globals.downcast_ref::<PyDict>() {
        Some(g) => {
            let module = g
                .get_by_str("__name__")
                .unwrap_or_else(|| vm.new_str("<string>"));
            let reg = match g.get_by_str("__warningregistry__") {
                Some(r) => r,
                None => {
                    let r = vm.new_dict().into_object();
                    vm.dict_set_str(g, "__warningregistry__", r.clone());
                    r
                }
            };
            (module, Some(reg))
        }
        None => (vm.new_str("<string>"), None),
    };
    let source = source.cloned().unwrap_or_else(|| vm.none.clone());
    warn_explicit_impl(
        vm,
        message,
        &category,
        &filename,
        lineno,
        Some(module),
        registry,
        &source,
    )
}

fn w_warn_explicit(vm: &Vm, args: Args) -> PyResult {
    let [message, category, filename, lineno, module, registry, _globals, source] = args.bind(
        vm,
        "warn_explicit",
        [
            "message",
            "category",
            "filename",
            "lineno",
            "module",
            "registry",
            "module_globals",
            "source",
        ],
        4,
        0,
        8,
    )?;
    let filename = filename.expect("required");
    if filename.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "warn_explicit() argument 3 must be str, not {}",
            vm.type_name(filename)
        )));
    }
    let lineno = vm.index_isize(lineno.expect("required"))? as i64;
    let source = source.cloned().unwrap_or_else(|| vm.none.clone());
    warn_explicit_impl(
        vm,
        message.expect("required"),
        category.expect("required"),
        filename,
        lineno,
        module.filter(|m| !m.is(&vm.none)).cloned(),
        registry.cloned(),
        &source,
    )
}

fn w_filters_mutated(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "_filters_mutated")?;
    FILTERS_VERSION.with(|v| v.set(v.get() + 1));
    Ok(vm.none.clone())
}

/// Build the `_warnings` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "_warnings",
        Some("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."),
    );
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    let f = |action: &str, cat: &crate::types::typeobj::PyTypeRef, module: Option<&str>| {
        vm.new_tuple(vec![
            vm.new_str(action),
            vm.none.clone(),
            cat.as_object().clone(),
            module.map_or_else(|| vm.none.clone(), |m| vm.new_str(m)),
            vm.new_int(0),
        ])
    };
    let filters = vec![
        f("default", &vm.exc.DeprecationWarning, Some("__main__")),
        f("ignore", &vm.exc.DeprecationWarning, None),
        f("ignore", &vm.exc.PendingDeprecationWarning, None),
        f("ignore", &vm.exc.ImportWarning, None),
        f("ignore", &vm.exc.ResourceWarning, None),
    ];
    vm.dict_set_str(d, "filters", vm.new_list(filters));
    vm.dict_set_str(d, "_defaultaction", vm.new_str("default"));
    vm.dict_set_str(d, "_onceregistry", vm.new_dict().into_object());
    vm.add_function(d, "_warnings", "warn", w_warn);
    vm.add_function(d, "_warnings", "warn_explicit", w_warn_explicit);
    vm.add_function(d, "_warnings", "_filters_mutated", w_filters_mutated);
    Ok(m)
}
