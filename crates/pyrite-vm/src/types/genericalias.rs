//! `types.GenericAlias`: the result of subscripting a generic builtin class
//! (`list[int]`, `dict[str, int]`, `type[int]`), PEP 585. It records the
//! origin class and the arguments, forwards most attribute lookups to the
//! origin, substitutes type variables on further subscription and creates an
//! origin instance when called.
//! Mirrors CPython 3.11 `Objects/genericaliasobject.c`.

use std::cell::RefCell;

use super::str::PyStr;
use super::tuple::PyTuple;
use super::typeobj::{as_type, is_subtype, PyTypeRef};
use crate::args::Args;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// A parameterized generic: `origin[args]`, optionally starred
/// (`*tuple[int, str]`).
pub struct PyGenericAlias {
    pub origin: PyObjectRef,
    /// Always a tuple.
    pub args: PyObjectRef,
    /// `__parameters__`, computed on first use.
    parameters: RefCell<Option<PyObjectRef>>,
    pub starred: bool,
}

impl Payload for PyGenericAlias {
    pyrite_core::unique_vtable!(PyGenericAlias);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.origin);
        visit(&self.args);
        if let Ok(p) = self.parameters.try_borrow() {
            if let Some(p) = p.as_ref() {
                visit(p);
            }
        }
    }
}

/// Attributes a generic alias answers itself; every other name is looked up
/// on the origin class (so `list[int].append is list.append`).
const OWN_ATTRS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn as_args_tuple(vm: &Vm, args: &PyObjectRef) -> PyObjectRef {
    if args.class().is(vm.types.tuple.as_object()) {
        args.clone()
    } else {
        vm.new_tuple(vec![args.clone()])
    }
}

fn make(
    vm: &Vm,
    cls: &PyObjectRef,
    origin: &PyObjectRef,
    args: &PyObjectRef,
    starred: bool,
) -> PyObjectRef {
    vm.alloc_obj(
        PyGenericAlias {
            origin: origin.clone(),
            args: as_args_tuple(vm, args),
            parameters: RefCell::new(None),
            starred,
        },
        cls,
    )
}

/// `origin[args]` as a `types.GenericAlias` (CPython's `Py_GenericAlias`).
pub fn new_generic_alias(vm: &Vm, origin: &PyObjectRef, args: &PyObjectRef) -> PyObjectRef {
    make(vm, vm.types.generic_alias.as_object(), origin, args, false)
}

fn ga<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyGenericAlias> {
    o.downcast_ref::<PyGenericAlias>()
        .ok_or_else(|| vm.new_type_error("expected a types.GenericAlias"))
}

fn tuple_items(o: &PyObjectRef) -> Vec<PyObjectRef> {
    o.downcast_ref::<PyTuple>()
        .map(|t| t.items.to_vec())
        .unwrap_or_default()
}

/// The shared `__class_getitem__` of generic builtin classes: `cls[item]`
/// is `GenericAlias(cls, item)`.
fn class_getitem(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "__class_getitem__")?;
    let pos = args.pos();
    if pos.len() != 2 {
        let owner = pos
            .first()
            .and_then(as_type)
            .map(|t| t.ext.name().to_string())
            .unwrap_or_default();
        return Err(vm.new_type_error(format!(
            "{owner}.__class_getitem__() takes exactly one argument ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    Ok(new_generic_alias(vm, &pos[0], &pos[1]))
}

impl Vm {
    /// Make `cls` generic: `cls[X]` returns `types.GenericAlias(cls, X)`.
    pub fn add_class_getitem(&self, cls: &PyTypeRef) {
        self.add_classmethod(cls, "__class_getitem__", class_getitem);
    }
}

// ----- repr ------------------------------------------------------------------

/// How an argument shows inside `origin[...]`: classes by qualified name,
/// nested aliases and everything else by repr, `...` as is.
pub fn repr_item(vm: &Vm, p: &PyObjectRef) -> PyResult<String> {
    if p.is(&vm.ellipsis) {
        return Ok("...".to_string());
    }
    if vm.get_attr_opt(p, &vm.intern("__origin__"))?.is_some()
        && vm.get_attr_opt(p, &vm.intern("__args__"))?.is_some()
    {
        return vm.repr_string(p);
    }
    let Some(qualname) = vm.get_attr_opt(p, &vm.intern("__qualname__"))? else {
        return vm.repr_string(p);
    };
    let module = match vm.get_attr_opt(p, &vm.intern("__module__"))? {
        Some(m) if !m.is(&vm.none) => m,
        _ => return vm.repr_string(p),
    };
    let q = vm.str_string(&qualname)?;
    if module
        .downcast_ref::<PyStr>()
        .is_some_and(|s| s.as_str() == "builtins")
    {
        return Ok(q);
    }
    Ok(format!("{}.{}", vm.str_string(&module)?, q))
}

fn ga_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let g = ga(vm, o)?;
    let mut s = String::new();
    if g.starred {
        s.push('*');
    }
    s.push_str(&repr_item(vm, &g.origin)?);
    s.push('[');
    let items = tuple_items(&g.args);
    if items.is_empty() {
        s.push_str("()");
    }
    for (i, a) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&repr_item(vm, a)?);
    }
    s.push(']');
    Ok(vm.new_str(s))
}

// ----- attributes --------------------------------------------------------------

fn ga_getattro(vm: &Vm, obj: &PyObjectRef, name: &PyObjectRef) -> PyResult {
    if let (Some(s), Some(g)) = (
        name.downcast_ref::<PyStr>(),
        obj.downcast_ref::<PyGenericAlias>(),
    ) {
        if !OWN_ATTRS.contains(&s.as_str()) {
            return vm.get_attr(&g.origin, name);
        }
    }
    vm.generic_getattr(obj, name, true)
}

fn ga_origin(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(ga(vm, o)?.origin.clone())
}

fn ga_args(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(ga(vm, o)?.args.clone())
}

fn ga_unpacked(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(ga(vm, o)?.starred))
}

/// The type variables among `args`, in order of first appearance (CPython's
/// `_Py_make_parameters`): anything with `__typing_subst__`, plus the
/// `__parameters__` of nested generics. Plain classes are skipped.
pub fn make_parameters(vm: &Vm, args: &[PyObjectRef]) -> PyResult<Vec<PyObjectRef>> {
    let mut out: Vec<PyObjectRef> = Vec::new();
    let subst = vm.intern("__typing_subst__");
    let params = vm.intern("__parameters__");
    for t in args {
        if as_type(t).is_some() {
            continue;
        }
        if vm.get_attr_opt(t, &subst)?.is_some() {
            if !out.iter().any(|x| x.is(t)) {
                out.push(t.clone());
            }
            continue;
        }
        if let Some(sub) = vm.get_attr_opt(t, &params)? {
            if let Some(tu) = sub.downcast_ref::<PyTuple>() {
                for p in tu.items.iter() {
                    if !out.iter().any(|x| x.is(p)) {
                        out.push(p.clone());
                    }
                }
            }
        }
    }
    Ok(out)
}

fn parameters_of(vm: &Vm, g: &PyGenericAlias) -> PyResult {
    if let Some(p) = g.parameters.borrow().as_ref() {
        return Ok(p.clone());
    }
    let p = vm.new_tuple(make_parameters(vm, &tuple_items(&g.args))?);
    *g.parameters.borrow_mut() = Some(p.clone());
    Ok(p)
}

fn ga_parameters(vm: &Vm, o: &PyObjectRef) -> PyResult {
    parameters_of(vm, ga(vm, o)?)
}

/// For `*tuple[int, str]`: the unpacked arguments; None otherwise.
fn ga_unpacked_tuple_args(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let g = ga(vm, o)?;
    if g.starred && g.origin.is(vm.types.tuple.as_object()) {
        return Ok(g.args.clone());
    }
    Ok(vm.none.clone())
}

fn ga_dir(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__dir__")?;
    let g = ga(vm, o)?;
    let dir = vm
        .builtins
        .get_by_str("dir")
        .ok_or_else(|| vm.new_runtime_error("lost builtins.dir"))?;
    let names = vm.to_vec(&vm.call(&dir, std::slice::from_ref(&g.origin))?)?;
    let mut out = names.clone();
    for a in OWN_ATTRS {
        if !names
            .iter()
            .any(|n| n.downcast_ref::<PyStr>().is_some_and(|s| s.as_str() == *a))
        {
            out.push(vm.new_str(*a));
        }
    }
    Ok(vm.new_list(out))
}

// ----- substitution ------------------------------------------------------------

/// `*tuple[...]`-like arguments of a subscription are spliced in.
fn unpacked_tuple_args(vm: &Vm, arg: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    if let Some(g) = arg.downcast_ref::<PyGenericAlias>() {
        if arg.class().is(vm.types.generic_alias.as_object()) {
            return Ok(
                (g.starred && g.origin.is(vm.types.tuple.as_object())).then(|| g.args.clone())
            );
        }
    }
    match vm.get_attr_opt(arg, &vm.intern("__typing_unpacked_tuple_args__"))? {
        Some(v) if !v.is(&vm.none) => Ok(Some(v)),
        _ => Ok(None),
    }
}

fn unpack_args(vm: &Vm, item: &PyObjectRef) -> PyResult<Vec<PyObjectRef>> {
    let items = match item.downcast_ref::<PyTuple>() {
        Some(t) => t.items.to_vec(),
        None => vec![item.clone()],
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if as_type(&it).is_none() {
            if let Some(sub) = unpacked_tuple_args(vm, &it)? {
                if let Some(t) = sub.downcast_ref::<PyTuple>() {
                    let ends_with_ellipsis = t.items.last().is_some_and(|l| l.is(&vm.ellipsis));
                    if !ends_with_ellipsis {
                        out.extend(t.items.iter().cloned());
                        continue;
                    }
                }
            }
        }
        out.push(it);
    }
    Ok(out)
}

fn param_index(params: &[PyObjectRef], p: &PyObjectRef) -> Option<usize> {
    params.iter().position(|x| x.is(p))
}

/// Whether `param` is a TypeVarTuple-like parameter (its type iterates).
fn is_variadic_param(vm: &Vm, param: &PyObjectRef) -> bool {
    super::typeobj::class_of(param)
        .ext
        .lookup(&vm.names.__iter__)
        .is_some()
}

/// Substitute inside a nested generic: `obj[...its parameters mapped...]`.
fn subs_tvars(
    vm: &Vm,
    obj: &PyObjectRef,
    params: &[PyObjectRef],
    argitems: &[PyObjectRef],
) -> PyResult {
    let sub = vm.get_attr_opt(obj, &vm.intern("__parameters__"))?;
    let subparams = match sub.as_ref().and_then(|s| s.downcast_ref::<PyTuple>()) {
        Some(t) if !t.items.is_empty() => t.items.to_vec(),
        _ => return Ok(obj.clone()),
    };
    let mut subargs = Vec::new();
    for p in subparams {
        if let Some(i) = param_index(params, &p) {
            let arg = &argitems[i];
            if is_variadic_param(vm, &params[i]) {
                if let Some(t) = arg.downcast_ref::<PyTuple>() {
                    subargs.extend(t.items.iter().cloned());
                    continue;
                }
            }
            subargs.push(arg.clone());
        } else {
            subargs.push(p);
        }
    }
    vm.get_item(obj, &vm.new_tuple(subargs))
}

/// The new arguments of `alias[item]` (CPython's `_Py_subs_parameters`),
/// shared with `types.UnionType`.
pub fn subs_parameters(
    vm: &Vm,
    alias: &PyObjectRef,
    args: &[PyObjectRef],
    params: &[PyObjectRef],
    item: &PyObjectRef,
) -> PyResult<Vec<PyObjectRef>> {
    if params.is_empty() {
        return Err(vm.new_type_error(format!("{} is not a generic class", vm.repr_string(alias)?)));
    }
    let mut item = vm.new_tuple(unpack_args(vm, item)?);
    let prepare = vm.intern("__typing_prepare_subst__");
    for p in params {
        if let Some(f) = vm.get_attr_opt(p, &prepare)? {
            if !f.is(&vm.none) {
                item = vm.call(&f, &[alias.clone(), item.clone()])?;
            }
        }
    }
    let argitems = match item.downcast_ref::<PyTuple>() {
        Some(t) => t.items.to_vec(),
        None => vec![item.clone()],
    };
    if argitems.len() != params.len() {
        return Err(vm.new_type_error(format!(
            "Too {} arguments for {}; actual {}, expected {}",
            if argitems.len() > params.len() {
                "many"
            } else {
                "few"
            },
            vm.repr_string(alias)?,
            argitems.len(),
            params.len()
        )));
    }
    let subst = vm.intern("__typing_subst__");
    let unpacked_tvt = vm.intern("__typing_is_unpacked_typevartuple__");
    let mut out = Vec::with_capacity(args.len());
    for arg in args {
        if as_type(arg).is_some() {
            out.push(arg.clone());
            continue;
        }
        let unpack = match vm.get_attr_opt(arg, &unpacked_tvt)? {
            Some(v) => vm.is_true(&v)?,
            None => false,
        };
        let new = match vm.get_attr_opt(arg, &subst)? {
            Some(f) => {
                let i = param_index(params, arg).ok_or_else(|| {
                    vm.new_type_error("type parameter missing from __parameters__")
                })?;
                vm.call(&f, &[argitems[i].clone()])?
            }
            None => subs_tvars(vm, arg, params, &argitems)?,
        };
        if unpack {
            out.extend(vm.to_vec(&new)?);
        } else {
            out.push(new);
        }
    }
    Ok(out)
}

fn ga_getitem(vm: &Vm, args: Args) -> PyResult {
    let [o, item] = args.exact::<2>(vm, "__getitem__")?;
    let g = ga(vm, o)?;
    let params = tuple_items(&parameters_of(vm, g)?);
    let new_args = subs_parameters(vm, o, &tuple_items(&g.args), &params, item)?;
    let r = make(
        vm,
        vm.types.generic_alias.as_object(),
        &g.origin,
        &vm.new_tuple(new_args),
        g.starred,
    );
    Ok(r)
}

// ----- protocol methods -------------------------------------------------------

fn ga_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let cls = pos
        .first()
        .ok_or_else(|| vm.new_type_error("GenericAlias.__new__(): not enough arguments"))?;
    if as_type(cls).is_none() || !is_subtype(cls, vm.types.generic_alias.as_object()) {
        return Err(vm.new_type_error(format!(
            "GenericAlias.__new__(X): X is not a subtype of GenericAlias ({})",
            vm.type_name(cls)
        )));
    }
    let [origin, a] = args.shift().exact::<2>(vm, "GenericAlias")?;
    Ok(make(vm, cls, origin, a, false))
}

fn ga_call(vm: &Vm, args: Args) -> PyResult {
    let o = &args.all[0];
    let g = ga(vm, o)?;
    let obj = vm.call_kw(&g.origin, &args.all[1..], args.kwnames)?;
    if let Err(e) = vm.set_attr(&obj, &vm.intern("__orig_class__"), o.clone()) {
        if !vm.exc_matches(&e, &vm.exc.AttributeError) && !vm.exc_matches(&e, &vm.exc.TypeError) {
            return Err(e);
        }
    }
    Ok(obj)
}

fn ga_eq_inner(vm: &Vm, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (
        a.downcast_ref::<PyGenericAlias>(),
        b.downcast_ref::<PyGenericAlias>(),
    ) else {
        return Ok(None);
    };
    if x.starred != y.starred {
        return Ok(Some(false));
    }
    if !vm.eq_bool(&x.origin, &y.origin)? {
        return Ok(Some(false));
    }
    Ok(Some(vm.eq_bool(&x.args, &y.args)?))
}

fn ga_eq(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    Ok(match ga_eq_inner(vm, a, b)? {
        Some(r) => vm.new_bool(r),
        None => vm.not_implemented.clone(),
    })
}

fn ga_ne(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__ne__")?;
    Ok(match ga_eq_inner(vm, a, b)? {
        Some(r) => vm.new_bool(!r),
        None => vm.not_implemented.clone(),
    })
}

fn ga_hash(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__hash__")?;
    let g = ga(vm, o)?;
    let h = vm.hash(&g.origin)? ^ vm.hash(&g.args)?;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

fn ga_mro_entries(vm: &Vm, args: Args) -> PyResult {
    let [o, _bases] = args.exact::<2>(vm, "__mro_entries__")?;
    Ok(vm.new_tuple(vec![ga(vm, o)?.origin.clone()]))
}

fn ga_instancecheck(vm: &Vm, args: Args) -> PyResult {
    let [_o, _x] = args.exact::<2>(vm, "__instancecheck__")?;
    Err(vm.new_type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(vm: &Vm, args: Args) -> PyResult {
    let [_o, _x] = args.exact::<2>(vm, "__subclasscheck__")?;
    Err(vm.new_type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn ga_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let g = ga(vm, o)?;
    if g.starred {
        // `*tuple[int]` pickles as `next(iter(tuple[int]))`.
        let plain = new_generic_alias(vm, &g.origin, &g.args);
        let it = vm.iter(&plain)?;
        let next = vm
            .builtins
            .get_by_str("next")
            .ok_or_else(|| vm.new_runtime_error("lost builtins.next"))?;
        return Ok(vm.new_tuple(vec![next, vm.new_tuple(vec![it])]));
    }
    Ok(vm.new_tuple(vec![
        o.class().clone(),
        vm.new_tuple(vec![g.origin.clone(), g.args.clone()]),
    ]))
}

/// `*list[int]` in a subscript: iterating an alias yields its starred form.
fn ga_iter(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__iter__")?;
    let g = ga(vm, o)?;
    let starred = make(
        vm,
        vm.types.generic_alias.as_object(),
        &g.origin,
        &g.args,
        true,
    );
    vm.iter(&vm.new_tuple(vec![starred]))
}

fn ga_or(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__or__")?;
    super::union::make_union(vm, a, b)
}

fn ga_ror(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__ror__")?;
    super::union::make_union(vm, b, a)
}

/// `type[int]`: `type` itself is subscriptable without `__class_getitem__`.
pub fn type_subscript(vm: &Vm, cls: &PyObjectRef, item: &PyObjectRef) -> PyResult {
    Ok(new_generic_alias(vm, cls, item))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.generic_alias;
    vm.add_staticmethod(t, "__new__", ga_new);
    vm.add_method(t, "__repr__", ga_repr);
    vm.add_method(t, "__call__", ga_call);
    vm.add_method(t, "__getitem__", ga_getitem);
    vm.add_method(t, "__eq__", ga_eq);
    vm.add_method(t, "__ne__", ga_ne);
    vm.add_method(t, "__hash__", ga_hash);
    vm.add_method(t, "__mro_entries__", ga_mro_entries);
    vm.add_method(t, "__instancecheck__", ga_instancecheck);
    vm.add_method(t, "__subclasscheck__", ga_subclasscheck);
    vm.add_method(t, "__reduce__", ga_reduce);
    vm.add_method(t, "__dir__", ga_dir);
    vm.add_method(t, "__iter__", ga_iter);
    vm.add_method(t, "__or__", ga_or);
    vm.add_method(t, "__ror__", ga_ror);
    vm.add_getset(t, "__origin__", ga_origin, None);
    vm.add_getset(t, "__args__", ga_args, None);
    vm.add_getset(t, "__parameters__", ga_parameters, None);
    vm.add_getset(
        t,
        "__typing_unpacked_tuple_args__",
        ga_unpacked_tuple_args,
        None,
    );
    vm.add_getset(t, "__unpacked__", ga_unpacked, None);
    vm.set_type_attr(t, "__module__", vm.new_str("types"));
    vm.set_type_attr(
        t,
        "__doc__",
        vm.new_str("Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."),
    );
    t.ext.getattro.set(Some(ga_getattro));
}
