//! The `_operator` accelerator: the operator functions, `itemgetter`,
//! `attrgetter`, `methodcaller` and `_compare_digest` (which `hmac`
//! imports directly). `operator.py` replaces its pure-Python versions
//! with these via `from _operator import *`.
//! Mirrors CPython 3.11 `Modules/_operator.c`.

use pyrite_bytecode::opcodes::nb::*;

use super::type_cache::{native_type, GC};
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::protocol::number::UnaryOp;
use crate::types::memoryview::bytes_like;
use crate::types::str::PyStr;
use crate::types::typeobj::{class_of, PyTypeRef};
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// The single argument of a METH_O function (`_operator.name()`).
fn one<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyObjectRef> {
    args.no_kwargs(vm, name)?;
    match args.pos() {
        [a] => Ok(a),
        p => Err(vm.new_type_error(format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            p.len()
        ))),
    }
}

macro_rules! binops {
    ($($fn:ident, $name:literal, $op:expr;)*) => {
        $(
            fn $fn(vm: &Vm, args: Args) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $name)?;
                vm.binary_op(a, b, $op)
            }
        )*
        const BINOPS: &[(&str, crate::args::NativeFn)] = &[$(($name, $fn),)*];
    };
}

binops! {
    op_add, "add", ADD;
    op_and, "and_", AND;
    op_floordiv, "floordiv", FLOOR_DIVIDE;
    op_lshift, "lshift", LSHIFT;
    op_matmul, "matmul", MATRIX_MULTIPLY;
    op_mul, "mul", MULTIPLY;
    op_mod, "mod", REMAINDER;
    op_or, "or_", OR;
    op_pow, "pow", POWER;
    op_rshift, "rshift", RSHIFT;
    op_sub, "sub", SUBTRACT;
    op_truediv, "truediv", TRUE_DIVIDE;
    op_xor, "xor", XOR;
    op_iadd, "iadd", ADD + INPLACE;
    op_iand, "iand", AND + INPLACE;
    op_ifloordiv, "ifloordiv", FLOOR_DIVIDE + INPLACE;
    op_ilshift, "ilshift", LSHIFT + INPLACE;
    op_imatmul, "imatmul", MATRIX_MULTIPLY + INPLACE;
    op_imul, "imul", MULTIPLY + INPLACE;
    op_imod, "imod", REMAINDER + INPLACE;
    op_ior, "ior", OR + INPLACE;
    op_ipow, "ipow", POWER + INPLACE;
    op_irshift, "irshift", RSHIFT + INPLACE;
    op_isub, "isub", SUBTRACT + INPLACE;
    op_itruediv, "itruediv", TRUE_DIVIDE + INPLACE;
    op_ixor, "ixor", XOR + INPLACE;
}

macro_rules! cmpops {
    ($($fn:ident, $name:literal, $op:expr;)*) => {
        $(
            fn $fn(vm: &Vm, args: Args) -> PyResult {
                let [a, b] = args.exact::<2>(vm, $name)?;
                vm.rich_compare(a, b, $op)
            }
        )*
        const CMPOPS: &[(&str, crate::args::NativeFn)] = &[$(($name, $fn),)*];
    };
}

cmpops! {
    op_lt, "lt", CompareOp::Lt;
    op_le, "le", CompareOp::Le;
    op_eq, "eq", CompareOp::Eq;
    op_ne, "ne", CompareOp::Ne;
    op_gt, "gt", CompareOp::Gt;
    op_ge, "ge", CompareOp::Ge;
}

fn op_neg(vm: &Vm, args: Args) -> PyResult {
    vm.unary_op(one(vm, &args, "neg")?, UnaryOp::Neg)
}

fn op_pos(vm: &Vm, args: Args) -> PyResult {
    vm.unary_op(one(vm, &args, "pos")?, UnaryOp::Pos)
}

fn op_inv(vm: &Vm, args: Args) -> PyResult {
    vm.unary_op(one(vm, &args, "inv")?, UnaryOp::Invert)
}

fn op_invert(vm: &Vm, args: Args) -> PyResult {
    vm.unary_op(one(vm, &args, "invert")?, UnaryOp::Invert)
}

fn op_abs(vm: &Vm, args: Args) -> PyResult {
    let a = one(vm, &args, "abs")?;
    let f = vm.get_attr_str(&vm.import_absolute("builtins")?, "abs")?;
    vm.call(&f, std::slice::from_ref(a))
}

fn op_index(vm: &Vm, args: Args) -> PyResult {
    vm.index(one(vm, &args, "index")?)
}

fn op_truth(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(vm.is_true(one(vm, &args, "truth")?)?))
}

fn op_not(vm: &Vm, args: Args) -> PyResult {
    Ok(vm.new_bool(!vm.is_true(one(vm, &args, "not_")?)?))
}

fn op_is(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "is_")?;
    Ok(vm.new_bool(a.is(b)))
}

fn op_is_not(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "is_not")?;
    Ok(vm.new_bool(!a.is(b)))
}

/// `PySequence_Check`: a non-dict type with `__getitem__`.
fn is_sequence(vm: &Vm, o: &PyObjectRef) -> bool {
    o.downcast_ref::<crate::types::dict::PyDict>().is_none()
        && class_of(o).ext.lookup(&vm.names.__getitem__).is_some()
}

fn concat_impl(vm: &Vm, args: Args, name: &str, inplace: bool) -> PyResult {
    let [a, b] = args.exact::<2>(vm, name)?;
    if !is_sequence(vm, a) {
        return Err(vm.new_type_error(format!(
            "'{}' object can't be concatenated",
            vm.type_name(a)
        )));
    }
    vm.binary_op(a, b, if inplace { ADD + INPLACE } else { ADD })
}

fn op_concat(vm: &Vm, args: Args) -> PyResult {
    concat_impl(vm, args, "concat", false)
}

fn op_iconcat(vm: &Vm, args: Args) -> PyResult {
    concat_impl(vm, args, "iconcat", true)
}

fn op_contains(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "contains")?;
    Ok(vm.new_bool(vm.contains(a, b)?))
}

fn op_count_of(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "countOf")?;
    let it = search_iter(vm, a)?;
    let mut n = 0i64;
    while let Some(x) = vm.next(&it)? {
        if vm.eq_bool(&x, b)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn op_index_of(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "indexOf")?;
    let it = search_iter(vm, a)?;
    let mut i = 0i64;
    while let Some(x) = vm.next(&it)? {
        if vm.eq_bool(&x, b)? {
            return Ok(vm.new_int(i));
        }
        i += 1;
    }
    Err(vm.new_value_error("sequence.index(x): x not in sequence"))
}

fn op_getitem(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "getitem")?;
    vm.get_item(a, b)
}

fn op_setitem(vm: &Vm, args: Args) -> PyResult {
    let [a, b, c] = args.exact::<3>(vm, "setitem")?;
    vm.set_item(a, b.clone(), c.clone())?;
    Ok(vm.none.clone())
}

fn op_delitem(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "delitem")?;
    vm.del_item(a, b)?;
    Ok(vm.none.clone())
}

fn op_length_hint(vm: &Vm, args: Args) -> PyResult {
    let [o, d] = args.range::<2>(vm, "length_hint", 1)?;
    let default = match d {
        Some(d) => {
            if d.downcast_ref::<crate::types::int::PyInt>().is_none() {
                return Err(vm.new_type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(d)
                )));
            }
            vm.index_isize(d)?.max(0) as usize
        }
        None => 0,
    };
    let n = crate::types::list_methods::length_hint(vm, o.expect("required"), default)?;
    Ok(vm.new_int(n as i64))
}

fn op_call(vm: &Vm, args: Args) -> PyResult {
    let Some(f) = args.pos().first() else {
        return Err(vm.new_type_error("call() missing required argument 'obj'"));
    };
    vm.call_kw(f, &args.all[1..], args.kwnames)
}

fn op_compare_digest(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "_compare_digest")?;
    let (x, y) = match (a.downcast_ref::<PyStr>(), b.downcast_ref::<PyStr>()) {
        (Some(x), Some(y)) => {
            if !x.as_str().is_ascii() || !y.as_str().is_ascii() {
                return Err(vm.new_type_error(
                    "comparing strings with non-ASCII characters is not supported",
                ));
            }
            (
                x.as_str().as_bytes().to_vec(),
                y.as_str().as_bytes().to_vec(),
            )
        }
        _ => {
            let (ba, bb) = (bytes_like(a), bytes_like(b));
            if ba.is_none() && bb.is_none() {
                return Err(vm.new_type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    vm.type_name(a),
                    vm.type_name(b)
                )));
            }
            let need = |o: &PyObjectRef, v: Option<Vec<u8>>| {
                v.ok_or_else(|| {
                    vm.new_type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(o)
                    ))
                })
            };
            (need(a, ba)?, need(b, bb)?)
        }
    };
    // Constant time in the length of the second argument.
    let mut diff = (x.len() != y.len()) as u8;
    let left = if x.len() == y.len() { &x } else { &y };
    for (p, q) in left.iter().zip(y.iter()) {
        diff |= p ^ q;
    }
    Ok(vm.new_bool(diff == 0))
}

// ----- itemgetter / attrgetter / methodcaller ----------------------------------------

pub struct ItemGetter {
    items: Vec<PyObjectRef>,
}

impl Payload for ItemGetter {
    pyrite_core::unique_vtable!(ItemGetter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        self.items.iter().for_each(&mut *visit);
    }
}

pub struct AttrGetter {
    /// The names as given (for repr and reduce).
    names: Vec<PyObjectRef>,
    /// Each name split at dots, as interned strs.
    paths: Vec<Vec<PyObjectRef>>,
}

impl Payload for AttrGetter {
    pyrite_core::unique_vtable!(AttrGetter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        self.names.iter().for_each(&mut *visit);
        self.paths.iter().flatten().for_each(&mut *visit);
    }
}

pub struct MethodCaller {
    name: PyObjectRef,
    /// Positional values then keyword values.
    args: Vec<PyObjectRef>,
    kwnames: Vec<PyObjectRef>,
}

impl Payload for MethodCaller {
    pyrite_core::unique_vtable!(MethodCaller);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.name);
        self.args.iter().for_each(&mut *visit);
        self.kwnames.iter().for_each(&mut *visit);
    }
}

fn itemgetter_type(vm: &Vm) -> PyTypeRef {
    native_type::<ItemGetter>(vm, "operator", "itemgetter", None, GC, init_itemgetter)
}

fn attrgetter_type(vm: &Vm) -> PyTypeRef {
    native_type::<AttrGetter>(vm, "operator", "attrgetter", None, GC, init_attrgetter)
}

fn methodcaller_type(vm: &Vm) -> PyTypeRef {
    native_type::<MethodCaller>(vm, "operator", "methodcaller", None, GC, init_methodcaller)
}

fn ig_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let rest = args.shift();
    rest.no_kwargs(vm, "itemgetter")?;
    if rest.pos().is_empty() {
        return Err(vm.new_type_error("itemgetter expected 1 argument, got 0"));
    }
    let g = ItemGetter {
        items: rest.pos().to_vec(),
    };
    Ok(vm.try_alloc(g, cls)?.into_object())
}

fn ig_call(vm: &Vm, args: Args) -> PyResult {
    let g = args.pos()[0]
        .downcast_ref::<ItemGetter>()
        .ok_or_else(|| vm.new_type_error("itemgetter expected"))?;
    let rest = args.shift();
    rest.no_kwargs(vm, "itemgetter")?;
    let [obj] = one_call_arg(vm, &rest, "itemgetter")?;
    if g.items.len() == 1 {
        return vm.get_item(obj, &g.items[0]);
    }
    let mut out = Vec::with_capacity(g.items.len());
    for k in &g.items {
        out.push(vm.get_item(obj, k)?);
    }
    Ok(vm.new_tuple(out))
}

/// The object argument of a getter's `__call__`.
fn one_call_arg<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a [PyObjectRef; 1]> {
    args.pos().try_into().map_err(|_| {
        vm.new_type_error(format!(
            "{name} expected 1 argument, got {}",
            args.pos().len()
        ))
    })
}

/// `iter(a)` with `_PySequence_IterSearch`'s message.
fn search_iter(vm: &Vm, a: &PyObjectRef) -> PyResult {
    vm.iter(a).map_err(|e| {
        if vm.exc_matches(&e, &vm.exc.TypeError) {
            vm.new_type_error(format!(
                "argument of type '{}' is not iterable",
                vm.type_name(a)
            ))
        } else {
            e
        }
    })
}

fn repr_args(vm: &Vm, me: &PyObjectRef, items: &[PyObjectRef]) -> PyResult<String> {
    let Some(_g) = crate::protocol::repr::ReprGuard::enter(me) else {
        return Ok("...".into());
    };
    let parts: PyResult<Vec<String>> = items.iter().map(|x| vm.repr_string(x)).collect();
    Ok(parts?.join(", "))
}

fn ig_repr(vm: &Vm, args: Args) -> PyResult {
    let me = &args.pos()[0];
    let g = me
        .downcast_ref::<ItemGetter>()
        .ok_or_else(|| vm.new_type_error("itemgetter expected"))?;
    let inner = repr_args(vm, me, &g.items)?;
    Ok(vm.new_str(format!("{}({inner})", qualified(vm, me))))
}

/// `operator.<type name>` (a subclass shows its own name).
fn qualified(_vm: &Vm, o: &PyObjectRef) -> String {
    format!("operator.{}", class_of(o).ext.name())
}

fn ig_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = &args.pos()[0];
    let g = me
        .downcast_ref::<ItemGetter>()
        .ok_or_else(|| vm.new_type_error("itemgetter expected"))?;
    Ok(vm.new_tuple(vec![me.class().clone(), vm.new_tuple(g.items.clone())]))
}

fn init_itemgetter(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", ig_new);
    vm.add_method(t, "__call__", ig_call);
    vm.add_method(t, "__repr__", ig_repr);
    vm.add_method(t, "__reduce__", ig_reduce);
}

fn ag_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let rest = args.shift();
    rest.no_kwargs(vm, "attrgetter")?;
    if rest.pos().is_empty() {
        return Err(vm.new_type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::new();
    for n in rest.pos() {
        let Some(s) = n.downcast_ref::<PyStr>() else {
            return Err(vm.new_type_error("attribute name must be a string"));
        };
        paths.push(s.as_str().split('.').map(|p| vm.intern(p)).collect());
    }
    let g = AttrGetter {
        names: rest.pos().to_vec(),
        paths,
    };
    Ok(vm.try_alloc(g, cls)?.into_object())
}

fn ag_call(vm: &Vm, args: Args) -> PyResult {
    let g = args.pos()[0]
        .downcast_ref::<AttrGetter>()
        .ok_or_else(|| vm.new_type_error("attrgetter expected"))?;
    let rest = args.shift();
    rest.no_kwargs(vm, "attrgetter")?;
    let [obj] = one_call_arg(vm, &rest, "attrgetter")?;
    let get = |path: &Vec<PyObjectRef>| -> PyResult {
        let mut o = obj.clone();
        for p in path {
            o = vm.get_attr(&o, p)?;
        }
        Ok(o)
    };
    if g.paths.len() == 1 {
        return get(&g.paths[0]);
    }
    let mut out = Vec::with_capacity(g.paths.len());
    for p in &g.paths {
        out.push(get(p)?);
    }
    Ok(vm.new_tuple(out))
}

fn ag_repr(vm: &Vm, args: Args) -> PyResult {
    let me = &args.pos()[0];
    let g = me
        .downcast_ref::<AttrGetter>()
        .ok_or_else(|| vm.new_type_error("attrgetter expected"))?;
    let inner = repr_args(vm, me, &g.names)?;
    Ok(vm.new_str(format!("{}({inner})", qualified(vm, me))))
}

fn ag_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = &args.pos()[0];
    let g = me
        .downcast_ref::<AttrGetter>()
        .ok_or_else(|| vm.new_type_error("attrgetter expected"))?;
    Ok(vm.new_tuple(vec![me.class().clone(), vm.new_tuple(g.names.clone())]))
}

fn init_attrgetter(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", ag_new);
    vm.add_method(t, "__call__", ag_call);
    vm.add_method(t, "__repr__", ag_repr);
    vm.add_method(t, "__reduce__", ag_reduce);
}

fn mc_new(vm: &Vm, args: Args) -> PyResult {
    let cls = &args.pos()[0];
    let rest = args.shift();
    let Some(name) = rest.pos().first() else {
        return Err(vm.new_type_error("methodcaller needs at least one argument, the method name"));
    };
    if name.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error("method name must be a string"));
    }
    let m = MethodCaller {
        name: vm.intern_obj(name),
        args: rest.all[1..].to_vec(),
        kwnames: rest.kwnames.to_vec(),
    };
    Ok(vm.try_alloc(m, cls)?.into_object())
}

fn mc_me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a MethodCaller> {
    args.pos()[0]
        .downcast_ref::<MethodCaller>()
        .ok_or_else(|| vm.new_type_error("methodcaller expected"))
}

fn mc_call(vm: &Vm, args: Args) -> PyResult {
    let m = mc_me(vm, &args)?;
    let rest = args.shift();
    rest.no_kwargs(vm, "methodcaller")?;
    let [obj] = one_call_arg(vm, &rest, "methodcaller")?;
    let f = vm.get_attr(obj, &m.name)?;
    vm.call_kw(&f, &m.args, &m.kwnames)
}

fn mc_repr(vm: &Vm, args: Args) -> PyResult {
    let me = &args.pos()[0];
    let m = mc_me(vm, &args)?;
    let Some(_g) = crate::protocol::repr::ReprGuard::enter(me) else {
        return Ok(vm.new_str("..."));
    };
    let mut parts = vec![vm.repr_string(&m.name)?];
    let npos = m.args.len() - m.kwnames.len();
    for a in &m.args[..npos] {
        parts.push(vm.repr_string(a)?);
    }
    for (k, v) in m.kwnames.iter().zip(&m.args[npos..]) {
        parts.push(format!("{}={}", vm.str_string(k)?, vm.repr_string(v)?));
    }
    Ok(vm.new_str(format!("{}({})", qualified(vm, me), parts.join(", "))))
}

fn mc_reduce(vm: &Vm, args: Args) -> PyResult {
    let me = &args.pos()[0];
    let m = mc_me(vm, &args)?;
    let npos = m.args.len() - m.kwnames.len();
    if m.kwnames.is_empty() {
        let mut a = vec![m.name.clone()];
        a.extend(m.args.iter().cloned());
        return Ok(vm.new_tuple(vec![me.class().clone(), vm.new_tuple(a)]));
    }
    let functools = vm.import_absolute("functools")?;
    let partial = vm.get_attr_str(&functools, "partial")?;
    let mut pargs = vec![me.class().clone(), m.name.clone()];
    pargs.extend(m.args[npos..].iter().cloned());
    // partial(cls, name, **kwargs), later called with the positionals.
    let p = vm.call_kw(&partial, &pargs, &m.kwnames)?;
    Ok(vm.new_tuple(vec![p, vm.new_tuple(m.args[..npos].to_vec())]))
}

fn init_methodcaller(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", mc_new);
    vm.add_method(t, "__call__", mc_call);
    vm.add_method(t, "__repr__", mc_repr);
    vm.add_method(t, "__reduce__", mc_reduce);
}

/// Build the `_operator` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "_operator",
        Some("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience."),
    );
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    let mut names: Vec<&'static str> = Vec::new();
    for (n, f) in BINOPS.iter().chain(CMPOPS.iter()) {
        vm.add_function(d, "_operator", n, *f);
        names.push(n);
    }
    for (n, f) in [
        ("neg", op_neg as crate::args::NativeFn),
        ("pos", op_pos),
        ("inv", op_inv),
        ("invert", op_invert),
        ("abs", op_abs),
        ("index", op_index),
        ("truth", op_truth),
        ("not_", op_not),
        ("is_", op_is),
        ("is_not", op_is_not),
        ("concat", op_concat),
        ("iconcat", op_iconcat),
        ("contains", op_contains),
        ("countOf", op_count_of),
        ("indexOf", op_index_of),
        ("getitem", op_getitem),
        ("setitem", op_setitem),
        ("delitem", op_delitem),
        ("length_hint", op_length_hint),
        ("call", op_call),
        ("_compare_digest", op_compare_digest),
    ] {
        vm.add_function(d, "_operator", n, f);
        names.push(n);
    }
    for (n, t) in [
        ("itemgetter", itemgetter_type(vm)),
        ("attrgetter", attrgetter_type(vm)),
        ("methodcaller", methodcaller_type(vm)),
    ] {
        vm.dict_set_str(d, n, t.as_object().clone());
        names.push(n);
    }
    // `from _operator import *` binds the public names (as CPython's
    // module dict would); `_compare_digest` is imported by name.
    names.retain(|n| !n.starts_with('_'));
    vm.dict_set_str(
        d,
        "__all__",
        vm.new_list(names.iter().map(|n| vm.new_str(*n)).collect()),
    );
    Ok(m)
}
