//! The `_contextvars` module: `ContextVar`, `Token`, `Context` and
//! `copy_context`. A context owns its own vector of (variable, value)
//! pairs (copies copy it: sharing would make the cycle collector count
//! the shared references twice); the current context lives in
//! `vm.context`. Semantics and messages follow CPython 3.11
//! `Python/context.c` (which uses a HAMT; iteration order here is the
//! order variables were first set).

use std::cell::{Cell, RefCell};

use super::type_cache::{native_type, GC};
use crate::args::Args;
use crate::types::str::PyStr;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

type Vars = Vec<(PyObjectRef, PyObjectRef)>;

pub struct Context {
    vars: RefCell<Vars>,
    entered: Cell<bool>,
    prev: RefCell<Option<PyObjectRef>>,
}

impl Payload for Context {
    pyrite_core::unique_vtable!(Context);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(v) = self.vars.try_borrow() {
            for (k, x) in v.iter() {
                visit(k);
                visit(x);
            }
        }
        if let Ok(p) = self.prev.try_borrow() {
            if let Some(p) = p.as_ref() {
                visit(p);
            }
        }
    }
    fn clear(&self) {
        let v = std::mem::take(&mut *self.vars.borrow_mut());
        drop(v);
        let p = self.prev.borrow_mut().take();
        drop(p);
    }
}

pub struct ContextVar {
    name: PyObjectRef,
    default: Option<PyObjectRef>,
}

impl Payload for ContextVar {
    pyrite_core::unique_vtable!(ContextVar);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.name);
        if let Some(d) = &self.default {
            visit(d);
        }
    }
}

pub struct Token {
    ctx: PyObjectRef,
    var: PyObjectRef,
    old: Option<PyObjectRef>,
    used: Cell<bool>,
}

impl Payload for Token {
    pyrite_core::unique_vtable!(Token);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.ctx);
        visit(&self.var);
        if let Some(o) = &self.old {
            visit(o);
        }
    }
}

/// The payload of `Token.MISSING`.
pub struct Missing;
impl Payload for Missing {
    pyrite_core::unique_vtable!(Missing);
}

fn context_type(vm: &Vm) -> PyTypeRef {
    native_type::<Context>(vm, "_contextvars", "Context", None, GC, init_context)
}

fn var_type(vm: &Vm) -> PyTypeRef {
    native_type::<ContextVar>(vm, "_contextvars", "ContextVar", None, GC, init_var)
}

fn token_type(vm: &Vm) -> PyTypeRef {
    native_type::<Token>(vm, "_contextvars", "Token", None, GC, init_token)
}

fn new_context(vm: &Vm, vars: Vars) -> PyObjectRef {
    vm.alloc(
        Context {
            vars: RefCell::new(vars),
            entered: Cell::new(false),
            prev: RefCell::new(None),
        },
        &context_type(vm),
    )
}

/// The current context, created empty on first use.
pub fn current(vm: &Vm) -> PyObjectRef {
    if let Some(c) = vm.context.borrow().as_ref() {
        return c.clone();
    }
    let c = new_context(vm, Vec::new());
    *vm.context.borrow_mut() = Some(c.clone());
    c
}

fn ctx_of(o: &PyObjectRef) -> Option<&Context> {
    o.downcast_ref::<Context>()
}

fn lookup(vars: &Vars, var: &PyObjectRef) -> Option<PyObjectRef> {
    vars.iter().find(|(k, _)| k.is(var)).map(|(_, v)| v.clone())
}

fn with_set(vars: &mut Vars, var: &PyObjectRef, val: Option<PyObjectRef>) {
    let pos = vars.iter().position(|(k, _)| k.is(var));
    let old = match (pos, val) {
        (Some(i), Some(x)) => Some(std::mem::replace(&mut vars[i].1, x)),
        (None, Some(x)) => {
            vars.push((var.clone(), x));
            None
        }
        (Some(i), None) => Some(vars.remove(i).1),
        (None, None) => None,
    };
    drop(old);
}

fn addr(o: &PyObjectRef) -> String {
    format!("{:#x}", o.id())
}

// ----- ContextVar ------------------------------------------------------------------------

fn var_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let rest = args.shift();
    let pos = rest.pos();
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!(
            "ContextVar() takes at most 1 positional argument ({} given)",
            pos.len()
        )));
    }
    let mut default = None;
    for (k, v) in rest.kwargs() {
        if k == "default" {
            default = Some(v.clone());
        } else {
            return Err(vm.new_type_error(format!(
                "'{k}' is an invalid keyword argument for ContextVar()"
            )));
        }
    }
    let Some(name) = pos.first() else {
        return Err(vm.new_type_error("ContextVar() takes exactly 1 positional argument (0 given)"));
    };
    if name.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error("context variable name must be a str"));
    }
    Ok(vm
        .try_alloc(
            ContextVar {
                name: name.clone(),
                default,
            },
            cls,
        )?
        .into_object())
}

fn var_me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a PyObjectRef, &'a ContextVar)> {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("ContextVar method needs an argument"))?;
    let v = o
        .downcast_ref::<ContextVar>()
        .ok_or_else(|| vm.new_type_error("a ContextVar was expected"))?;
    Ok((o, v))
}

fn var_get(vm: &Vm, args: Args) -> PyResult {
    let (o, v) = var_me(vm, &args)?;
    let rest = args.shift();
    rest.no_kwargs(vm, "ContextVar.get")?;
    let [dflt] = rest.range::<1>(vm, "get", 0)?;
    let ctx = current(vm);
    if let Some(c) = ctx_of(&ctx) {
        if let Some(x) = lookup(&c.vars.borrow(), o) {
            return Ok(x);
        }
    }
    if let Some(d) = dflt {
        return Ok(d.clone());
    }
    if let Some(d) = &v.default {
        return Ok(d.clone());
    }
    Err(vm.new_exception(&vm.exc.LookupError, vec![o.clone()]))
}

fn var_set(vm: &Vm, args: Args) -> PyResult {
    let (o, _) = var_me(vm, &args)?;
    let [val] = args.shift().exact::<1>(vm, "set")?;
    let ctx = current(vm);
    let c = ctx_of(&ctx).ok_or_else(|| vm.new_system_error("bad context"))?;
    let old = lookup(&c.vars.borrow(), o);
    let mut vars = std::mem::take(&mut *c.vars.borrow_mut());
    with_set(&mut vars, o, Some(val.clone()));
    *c.vars.borrow_mut() = vars;
    Ok(vm.alloc(
        Token {
            ctx: ctx.clone(),
            var: o.clone(),
            old,
            used: Cell::new(false),
        },
        &token_type(vm),
    ))
}

fn var_reset(vm: &Vm, args: Args) -> PyResult {
    let (o, _) = var_me(vm, &args)?;
    let [tok] = args.shift().exact::<1>(vm, "reset")?;
    let Some(t) = tok.downcast_ref::<Token>() else {
        return Err(vm.new_type_error(format!(
            "expected an instance of Token, got {}",
            vm.repr_string(tok)?
        )));
    };
    if t.used.get() {
        return Err(vm.new_runtime_error(format!(
            "{} has already been used once",
            vm.repr_string(tok)?
        )));
    }
    if !t.var.is(o) {
        return Err(vm.new_value_error(format!(
            "{} was created by a different ContextVar",
            vm.repr_string(tok)?
        )));
    }
    let ctx = current(vm);
    if !t.ctx.is(&ctx) {
        return Err(vm.new_value_error(format!(
            "{} was created in a different Context",
            vm.repr_string(tok)?
        )));
    }
    t.used.set(true);
    let c = ctx_of(&ctx).ok_or_else(|| vm.new_system_error("bad context"))?;
    let mut vars = std::mem::take(&mut *c.vars.borrow_mut());
    with_set(&mut vars, o, t.old.clone());
    *c.vars.borrow_mut() = vars;
    Ok(vm.none.clone())
}

fn var_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
    o.downcast_ref::<ContextVar>()
        .map(|v| v.name.clone())
        .ok_or_else(|| vm.new_type_error("a ContextVar was expected"))
}

fn var_repr(vm: &Vm, args: Args) -> PyResult {
    let (o, v) = var_me(vm, &args)?;
    let mut s = format!("<ContextVar name={}", vm.repr_string(&v.name)?);
    if let Some(d) = &v.default {
        s.push_str(&format!(" default={}", vm.repr_string(d)?));
    }
    s.push_str(&format!(" at {}>", addr(o)));
    Ok(vm.new_str(s))
}

fn init_var(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", var_new);
    vm.add_method(t, "get", var_get);
    vm.add_method(t, "set", var_set);
    vm.add_method(t, "reset", var_reset);
    vm.add_method(t, "__repr__", var_repr);
    vm.add_getset(t, "name", var_name, None);
    vm.add_class_getitem(t);
}

// ----- Token ----------------------------------------------------------------------------------

fn tok_of<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Token> {
    o.downcast_ref::<Token>()
        .ok_or_else(|| vm.new_type_error("a Token was expected"))
}

fn tok_new(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_runtime_error("Tokens can only be created by ContextVars"))
}

fn tok_var(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(tok_of(vm, o)?.var.clone())
}

fn missing(vm: &Vm) -> PyResult {
    token_type(vm)
        .ext
        .dict
        .get_by_str("MISSING")
        .ok_or_else(|| vm.new_system_error("Token.MISSING missing"))
}

fn tok_old_value(vm: &Vm, o: &PyObjectRef) -> PyResult {
    match &tok_of(vm, o)?.old {
        Some(v) => Ok(v.clone()),
        None => missing(vm),
    }
}

fn tok_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let t = tok_of(vm, o)?;
    Ok(vm.new_str(format!(
        "<Token{} var={} at {}>",
        if t.used.get() { " used" } else { "" },
        vm.repr_string(&t.var)?,
        addr(o)
    )))
}

fn missing_repr(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_str("<Token.MISSING>"))
}

fn init_token(vm: &Vm, t: &PyTypeRef) {
    fn init_missing(vm: &Vm, t: &PyTypeRef) {
        vm.add_method(t, "__repr__", missing_repr);
    }
    vm.add_staticmethod(t, "__new__", tok_new);
    vm.add_getset(t, "var", tok_var, None);
    vm.add_getset(t, "old_value", tok_old_value, None);
    vm.add_method(t, "__repr__", tok_repr);
    vm.add_class_getitem(t);
    let mt = native_type::<Missing>(vm, "_contextvars", "Token.MISSING", None, 0, init_missing);
    vm.set_type_attr(t, "MISSING", vm.alloc(Missing, &mt));
}

// ----- Context --------------------------------------------------------------------------------

fn ctx_me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a PyObjectRef, &'a Context)> {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("Context method needs an argument"))?;
    let c = ctx_of(o).ok_or_else(|| vm.new_type_error("a Context was expected"))?;
    Ok((o, c))
}

fn ctx_new(vm: &Vm, args: Args) -> PyResult {
    if args.all.len() > 1 {
        return Err(vm.new_type_error("Context() does not accept any arguments"));
    }
    Ok(new_context(vm, Vec::new()))
}

fn key_arg<'a>(vm: &Vm, k: &'a PyObjectRef) -> PyResult<&'a PyObjectRef> {
    if k.downcast_ref::<ContextVar>().is_none() {
        return Err(vm.new_type_error(format!(
            "a ContextVar key was expected, got {}",
            vm.repr_string(k)?
        )));
    }
    Ok(k)
}

fn ctx_getitem(vm: &Vm, args: Args) -> PyResult {
    let (_, c) = ctx_me(vm, &args)?;
    let [k] = args.shift().exact::<1>(vm, "__getitem__")?;
    let k = key_arg(vm, k)?;
    lookup(&c.vars.borrow(), k).ok_or_else(|| vm.new_key_error(k.clone()))
}

fn ctx_get(vm: &Vm, args: Args) -> PyResult {
    let (_, c) = ctx_me(vm, &args)?;
    let [k, d] = args.shift().range::<2>(vm, "get", 1)?;
    let k = key_arg(vm, k.expect("required"))?;
    Ok(
        lookup(&c.vars.borrow(), k)
            .unwrap_or_else(|| d.cloned().unwrap_or_else(|| vm.none.clone())),
    )
}

fn ctx_contains(vm: &Vm, args: Args) -> PyResult {
    let (_, c) = ctx_me(vm, &args)?;
    let [k] = args.shift().exact::<1>(vm, "__contains__")?;
    let k = key_arg(vm, k)?;
    Ok(vm.new_bool(lookup(&c.vars.borrow(), k).is_some()))
}

fn ctx_len(vm: &Vm, args: Args) -> PyResult {
    let (_, c) = ctx_me(vm, &args)?;
    Ok(vm.new_int(c.vars.borrow().len() as i64))
}

fn ctx_keys_vec(c: &Context) -> Vec<PyObjectRef> {
    c.vars.borrow().iter().map(|(k, _)| k.clone()).collect()
}

fn ctx_iter(vm: &Vm, args: Args) -> PyResult {
    let (_, c) = ctx_me(vm, &args)?;
    vm.iter(&vm.new_list(ctx_keys_vec(c)))
}

fn ctx_keys(vm: &Vm, args: Args) -> PyResult {
    let (_, c) = ctx_me(vm, &args)?;
    args.shift().exact::<0>(vm, "keys")?;
    Ok(vm.new_list(ctx_keys_vec(c)))
}

fn ctx_values(vm: &Vm, args: Args) -> PyResult {
    let (_, c) = ctx_me(vm, &args)?;
    args.shift().exact::<0>(vm, "values")?;
    let v = c.vars.borrow().iter().map(|(_, v)| v.clone()).collect();
    Ok(vm.new_list(v))
}

fn ctx_items(vm: &Vm, args: Args) -> PyResult {
    let (_, c) = ctx_me(vm, &args)?;
    args.shift().exact::<0>(vm, "items")?;
    let v = c
        .vars
        .borrow()
        .iter()
        .map(|(k, v)| vm.new_tuple(vec![k.clone(), v.clone()]))
        .collect();
    Ok(vm.new_list(v))
}

fn ctx_copy(vm: &Vm, args: Args) -> PyResult {
    let (_, c) = ctx_me(vm, &args)?;
    args.shift().exact::<0>(vm, "copy")?;
    let vars = c.vars.borrow().clone();
    Ok(new_context(vm, vars))
}

fn ctx_eq(vm: &Vm, args: Args) -> PyResult {
    let (_, a) = ctx_me(vm, &args)?;
    let [other] = args.shift().exact::<1>(vm, "__eq__")?;
    let Some(b) = ctx_of(other) else {
        return Ok(vm.not_implemented.clone());
    };
    let (va, vb) = (a.vars.borrow().clone(), b.vars.borrow().clone());
    if va.len() != vb.len() {
        return Ok(vm.new_bool(false));
    }
    for (k, v) in va.iter() {
        match lookup(&vb, k) {
            Some(w) if vm.eq_bool(v, &w)? => {}
            _ => return Ok(vm.new_bool(false)),
        }
    }
    Ok(vm.new_bool(true))
}

fn ctx_run(vm: &Vm, args: Args) -> PyResult {
    let (o, c) = ctx_me(vm, &args)?;
    let rest = args.shift();
    if rest.pos().is_empty() {
        return Err(vm.new_type_error("run() missing 1 required positional argument"));
    }
    if c.entered.get() {
        return Err(vm.new_runtime_error(format!(
            "cannot enter context: {} is already entered",
            vm.repr_string(o)?
        )));
    }
    let prev = current(vm);
    c.entered.set(true);
    *c.prev.borrow_mut() = Some(prev.clone());
    *vm.context.borrow_mut() = Some(o.clone());
    let r = vm.call_kw(&rest.all[0], &rest.all[1..], rest.kwnames);
    *vm.context.borrow_mut() = Some(prev);
    c.entered.set(false);
    let p = c.prev.borrow_mut().take();
    drop(p);
    r
}

fn init_context(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", ctx_new);
    vm.add_method(t, "run", ctx_run);
    vm.add_method(t, "copy", ctx_copy);
    vm.add_method(t, "get", ctx_get);
    vm.add_method(t, "keys", ctx_keys);
    vm.add_method(t, "values", ctx_values);
    vm.add_method(t, "items", ctx_items);
    vm.add_method(t, "__getitem__", ctx_getitem);
    vm.add_method(t, "__contains__", ctx_contains);
    vm.add_method(t, "__len__", ctx_len);
    vm.add_method(t, "__iter__", ctx_iter);
    vm.add_method(t, "__eq__", ctx_eq);
    vm.set_type_attr(t, "__hash__", vm.none.clone());
}

fn copy_context(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "copy_context")?;
    let cur = current(vm);
    let vars = ctx_of(&cur)
        .map(|c| c.vars.borrow().clone())
        .unwrap_or_default();
    Ok(new_context(vm, vars))
}

/// Build the `_contextvars` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_contextvars", Some("Context Variables"));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    vm.dict_set_str(d, "Context", context_type(vm).as_object().clone());
    vm.dict_set_str(d, "ContextVar", var_type(vm).as_object().clone());
    vm.dict_set_str(d, "Token", token_type(vm).as_object().clone());
    vm.add_function(d, "_contextvars", "copy_context", copy_context);
    Ok(m)
}
