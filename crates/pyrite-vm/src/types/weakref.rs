//! `weakref.ReferenceType`, `weakref.ProxyType` and
//! `weakref.CallableProxyType`. Mirrors CPython 3.11
//! `Objects/weakrefobject.c`; the per-object lists live in
//! `modules/weakref_support.rs`.

use std::cell::{Cell, RefCell};

use crate::modules::weakref_support as support;
use crate::protocol::compare::CompareOp;
use crate::protocol::number::{UnaryOp, BINOPS};
use crate::types::typeobj::class_of;
use crate::{Args, Payload, PyObjectRef, PyResult, Vm};

/// A weak reference or proxy. The referent is named by address only; the
/// core's weak registry turns it back into a handle while it lives.
pub struct PyWeakRef {
    /// Address of the referent; 0 once it is dead (or cleared).
    pub target: Cell<usize>,
    pub callback: RefCell<Option<PyObjectRef>>,
    /// The referent's hash, computed on first use (kept after death).
    pub hash: Cell<Option<i64>>,
}

impl Payload for PyWeakRef {
    pyrite_core::unique_vtable!(PyWeakRef);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(c) = self.callback.try_borrow() {
            if let Some(c) = c.as_ref() {
                visit(c);
            }
        }
    }

    fn clear(&self) {
        let cb = self.callback.borrow_mut().take();
        drop(cb);
    }
}

impl PyWeakRef {
    /// The referent, if still alive.
    pub fn get(&self) -> Option<PyObjectRef> {
        pyrite_core::gc::weak::upgrade(self.target.get())
    }
}

/// CPython's `tp_name` of `o`'s type (qualified for the weakref types).
pub fn tp_name(vm: &Vm, o: &PyObjectRef) -> String {
    let c = o.class();
    if c.is(vm.types.weakref.as_object()) {
        "weakref.ReferenceType".into()
    } else if c.is(vm.types.weakproxy.as_object()) {
        "weakref.ProxyType".into()
    } else if c.is(vm.types.weakcallableproxy.as_object()) {
        "weakref.CallableProxyType".into()
    } else {
        vm.type_name(o).to_string()
    }
}

/// Check that `ob` can be weakly referenced.
fn check_weakrefable(vm: &Vm, ob: &PyObjectRef) -> PyResult<()> {
    let builtin_weakref = ob.downcast_ref::<PyWeakRef>().is_some() && !class_of(ob).ext.heap;
    if ob.weaklist_slot().is_none() || builtin_weakref {
        return Err(vm.new_type_error(format!(
            "cannot create weak reference to '{}' object",
            tp_name(vm, ob)
        )));
    }
    Ok(())
}

fn new_payload(ob: &PyObjectRef, callback: Option<PyObjectRef>) -> PyWeakRef {
    PyWeakRef {
        target: Cell::new(ob.id()),
        callback: RefCell::new(callback),
        hash: Cell::new(None),
    }
}

/// `weakref.ref(ob, callback=None)` for class `cls` (ref or a subclass).
pub fn new_ref(
    vm: &Vm,
    cls: &PyObjectRef,
    ob: &PyObjectRef,
    callback: Option<PyObjectRef>,
) -> PyResult {
    check_weakrefable(vm, ob)?;
    let callback = callback.filter(|c| !c.is(&vm.none));
    let exact = cls.is(vm.types.weakref.as_object());
    let (basic_ref, basic_proxy) = support::basic_refs(vm, ob);
    if callback.is_none() && exact {
        if let Some(r) = basic_ref {
            return Ok(r);
        }
    }
    let has_cb = callback.is_some();
    let wr = vm.try_alloc(new_payload(ob, callback), cls)?.into_object();
    if !has_cb && exact {
        support::insert(ob, &wr, None);
    } else {
        let prev = basic_proxy.or(basic_ref);
        support::insert(ob, &wr, prev.as_ref());
    }
    Ok(wr)
}

/// `weakref.proxy(ob, callback=None)`.
pub fn new_proxy(vm: &Vm, ob: &PyObjectRef, callback: Option<PyObjectRef>) -> PyResult {
    check_weakrefable(vm, ob)?;
    let callback = callback.filter(|c| !c.is(&vm.none));
    let (basic_ref, basic_proxy) = support::basic_refs(vm, ob);
    if callback.is_none() {
        if let Some(p) = basic_proxy {
            return Ok(p);
        }
    }
    let cls = if vm.is_callable(ob) {
        &vm.types.weakcallableproxy
    } else {
        &vm.types.weakproxy
    };
    let has_cb = callback.is_some();
    let wr = vm
        .try_alloc(new_payload(ob, callback), cls.as_object())?
        .into_object();
    let prev = if has_cb {
        basic_proxy.or(basic_ref)
    } else {
        basic_ref
    };
    support::insert(ob, &wr, prev.as_ref());
    Ok(wr)
}

fn this<'a>(args: &Args<'a>) -> &'a PyWeakRef {
    // Method descriptors check the receiver's type before calling us.
    args.pos()[0]
        .downcast_ref::<PyWeakRef>()
        .expect("weakref method on a weakref")
}

fn ref_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(cls) = pos.first() else {
        return Err(vm.new_type_error("ReferenceType.__new__(): not enough arguments"));
    };
    let [ob, cb] = Args::positional(&pos[1..]).range::<2>(vm, "__new__", 1)?;
    new_ref(vm, cls, ob.expect("checked by range"), cb.cloned())
}

fn ref_init(vm: &Vm, args: Args) -> PyResult {
    let _ = args.shift().range::<2>(vm, "__init__", 1)?;
    Ok(vm.none.clone())
}

fn ref_call(vm: &Vm, args: Args) -> PyResult {
    args.shift().no_kwargs(vm, "weakref")?;
    let n = args.pos().len() - 1;
    if n != 0 {
        return Err(vm.new_type_error(format!("weakref expected 0 arguments, got {n}")));
    }
    Ok(this(&args).get().unwrap_or_else(|| vm.none.clone()))
}

fn ref_hash(vm: &Vm, args: Args) -> PyResult {
    let w = this(&args);
    if let Some(h) = w.hash.get() {
        return Ok(vm.new_int(h));
    }
    let Some(t) = w.get() else {
        return Err(vm.new_type_error("weak object has gone away"));
    };
    let h = vm.hash(&t)?;
    w.hash.set(Some(h));
    Ok(vm.new_int(h))
}

fn ref_compare(vm: &Vm, args: Args, op: CompareOp) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    let (Some(wa), Some(wb)) = (a.downcast_ref::<PyWeakRef>(), b.downcast_ref::<PyWeakRef>())
    else {
        return Ok(vm.not_implemented.clone());
    };
    match (wa.get(), wb.get()) {
        (Some(x), Some(y)) => vm.rich_compare(&x, &y, op),
        _ => {
            let same = a.is(b);
            Ok(vm.new_bool(if matches!(op, CompareOp::Eq) {
                same
            } else {
                !same
            }))
        }
    }
}

fn ref_eq(vm: &Vm, args: Args) -> PyResult {
    ref_compare(vm, args, CompareOp::Eq)
}

fn ref_ne(vm: &Vm, args: Args) -> PyResult {
    ref_compare(vm, args, CompareOp::Ne)
}

fn ref_repr(vm: &Vm, args: Args) -> PyResult {
    let me = &args.pos()[0];
    let s = match this(&args).get() {
        None => format!("<weakref at {:#x}; dead>", me.id()),
        Some(t) => {
            let name = match vm.get_attr_opt(&t, &vm.intern("__name__")) {
                Ok(Some(n)) => n
                    .downcast_ref::<crate::types::str::PyStr>()
                    .map(|s| s.as_str().to_string()),
                Ok(None) => None,
                Err(e) => return Err(e),
            };
            match name {
                Some(n) => {
                    format!(
                        "<weakref at {:#x}; to '{}' at {:#x} ({})>",
                        me.id(),
                        tp_name(vm, &t),
                        t.id(),
                        n
                    )
                }
                None => format!(
                    "<weakref at {:#x}; to '{}' at {:#x}>",
                    me.id(),
                    tp_name(vm, &t),
                    t.id()
                ),
            }
        }
    };
    Ok(vm.new_str(s.as_str()))
}

fn ref_callback(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let cb = o
        .downcast_ref::<PyWeakRef>()
        .and_then(|w| w.callback.borrow().clone());
    Ok(cb.unwrap_or_else(|| vm.none.clone()))
}

// ----- proxies ----------------------------------------------------------

/// The referent of a proxy, or `ReferenceError`.
fn referent(vm: &Vm, p: &PyObjectRef) -> PyResult {
    match p.downcast_ref::<PyWeakRef>().and_then(|w| w.get()) {
        Some(t) => Ok(t),
        None => Err(vm.new_exception_msg(
            &vm.exc.ReferenceError,
            "weakly-referenced object no longer exists",
        )),
    }
}

/// Replace a proxy operand by its referent (other objects pass through).
fn unwrap(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let c = o.class();
    if c.is(vm.types.weakproxy.as_object()) || c.is(vm.types.weakcallableproxy.as_object()) {
        referent(vm, o)
    } else {
        Ok(o.clone())
    }
}

fn proxy_getattro(vm: &Vm, obj: &PyObjectRef, name: &PyObjectRef) -> PyResult {
    let t = referent(vm, obj)?;
    vm.get_attr(&t, name)
}

fn proxy_setattro(
    vm: &Vm,
    obj: &PyObjectRef,
    name: &PyObjectRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let t = referent(vm, obj)?;
    vm.set_attr_opt(&t, name, value)
}

fn proxy_setattr(vm: &Vm, args: Args) -> PyResult {
    let [p, name, value] = args.exact::<3>(vm, "__setattr__")?;
    let t = referent(vm, p)?;
    vm.set_attr(&t, name, value.clone())?;
    Ok(vm.none.clone())
}

fn proxy_delattr(vm: &Vm, args: Args) -> PyResult {
    let [p, name] = args.exact::<2>(vm, "__delattr__")?;
    let t = referent(vm, p)?;
    vm.del_attr(&t, name)?;
    Ok(vm.none.clone())
}

fn proxy_binop<const OP: u32, const REFLECTED: bool>(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.new_type_error("expected 1 argument"));
    }
    let a = unwrap(vm, &pos[0])?;
    let b = unwrap(vm, &pos[1])?;
    if REFLECTED {
        vm.binary_op(&b, &a, OP)
    } else {
        vm.binary_op(&a, &b, OP)
    }
}

fn proxy_cmp<const OP: u32>(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    let a = unwrap(vm, a)?;
    let b = unwrap(vm, b)?;
    vm.rich_compare(&a, &b, CompareOp::from_arg(OP))
}

fn proxy_unary<const OP: u8>(vm: &Vm, args: Args) -> PyResult {
    let t = referent(vm, &args.pos()[0])?;
    let op = match OP {
        0 => UnaryOp::Neg,
        1 => UnaryOp::Pos,
        _ => UnaryOp::Invert,
    };
    vm.unary_op(&t, op)
}

/// Methods CPython's proxy forwards by calling the referent's own method.
const FORWARDED: [&str; 6] = [
    "__abs__",
    "__int__",
    "__float__",
    "__index__",
    "__bytes__",
    "__reversed__",
];

fn proxy_forward<const I: usize>(vm: &Vm, args: Args) -> PyResult {
    let t = referent(vm, &args.pos()[0])?;
    let m = vm.get_attr_str(&t, FORWARDED[I])?;
    vm.call(&m, &args.pos()[1..])
}

fn proxy_len(vm: &Vm, args: Args) -> PyResult {
    let t = referent(vm, &args.pos()[0])?;
    Ok(vm.new_int(vm.len(&t)? as i64))
}

fn proxy_getitem(vm: &Vm, args: Args) -> PyResult {
    let [p, k] = args.exact::<2>(vm, "__getitem__")?;
    let t = referent(vm, p)?;
    vm.get_item(&t, k)
}

fn proxy_setitem(vm: &Vm, args: Args) -> PyResult {
    let [p, k, v] = args.exact::<3>(vm, "__setitem__")?;
    let t = referent(vm, p)?;
    vm.set_item(&t, k.clone(), v.clone())?;
    Ok(vm.none.clone())
}

fn proxy_delitem(vm: &Vm, args: Args) -> PyResult {
    let [p, k] = args.exact::<2>(vm, "__delitem__")?;
    let t = referent(vm, p)?;
    vm.del_item(&t, k)?;
    Ok(vm.none.clone())
}

fn proxy_contains(vm: &Vm, args: Args) -> PyResult {
    let [p, k] = args.exact::<2>(vm, "__contains__")?;
    let t = referent(vm, p)?;
    Ok(vm.new_bool(vm.contains(&t, k)?))
}

fn proxy_iter(vm: &Vm, args: Args) -> PyResult {
    let t = referent(vm, &args.pos()[0])?;
    vm.iter(&t)
}

fn proxy_next(vm: &Vm, args: Args) -> PyResult {
    let t = referent(vm, &args.pos()[0])?;
    if vm.get_attr_opt(&t, &vm.intern("__next__"))?.is_none() {
        return Err(vm.new_type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            tp_name(vm, &t)
        )));
    }
    match vm.next(&t)? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(None)),
    }
}

fn proxy_bool(vm: &Vm, args: Args) -> PyResult {
    let t = referent(vm, &args.pos()[0])?;
    Ok(vm.new_bool(vm.is_true(&t)?))
}

fn proxy_str(vm: &Vm, args: Args) -> PyResult {
    let t = referent(vm, &args.pos()[0])?;
    Ok(vm.str(&t)?.into_object())
}

fn proxy_repr(vm: &Vm, args: Args) -> PyResult {
    let me = &args.pos()[0];
    let s = match me.downcast_ref::<PyWeakRef>().and_then(|w| w.get()) {
        Some(t) => format!(
            "<weakproxy at {:#x} to {} at {:#x}>",
            me.id(),
            tp_name(vm, &t),
            t.id()
        ),
        None => format!(
            "<weakproxy at {:#x} to NoneType at {:#x}>",
            me.id(),
            vm.none.id()
        ),
    };
    Ok(vm.new_str(s.as_str()))
}

fn proxy_hash(vm: &Vm, args: Args) -> PyResult {
    Err(vm.new_type_error(format!(
        "unhashable type: '{}'",
        tp_name(vm, &args.pos()[0])
    )))
}

fn proxy_call(vm: &Vm, args: Args) -> PyResult {
    let t = referent(vm, &args.pos()[0])?;
    let rest = args.shift();
    vm.call_kw(&t, rest.all, rest.kwnames)
}

fn proxy_bytes(vm: &Vm, args: Args) -> PyResult {
    proxy_forward::<4>(vm, args)
}

macro_rules! binops {
    ($vm:expr, $t:expr, $($i:literal),*) => {
        $(
            $vm.add_method($t, BINOPS[$i].0, proxy_binop::<$i, false>);
            $vm.add_method($t, BINOPS[$i].1, proxy_binop::<$i, true>);
            $vm.add_method($t, BINOPS[$i].2, proxy_binop::<{ $i + 13 }, false>);
        )*
    };
}

pub fn init(vm: &Vm) {
    let r = &vm.types.weakref;
    vm.add_staticmethod(r, "__new__", ref_new);
    vm.add_method(r, "__init__", ref_init);
    vm.add_method(r, "__call__", ref_call);
    vm.add_method(r, "__hash__", ref_hash);
    vm.add_method(r, "__eq__", ref_eq);
    vm.add_method(r, "__ne__", ref_ne);
    vm.add_method(r, "__repr__", ref_repr);
    vm.add_getset(r, "__callback__", ref_callback, None);
    vm.add_class_getitem(r);
    for t in [
        &vm.types.weakref,
        &vm.types.weakproxy,
        &vm.types.weakcallableproxy,
    ] {
        vm.set_type_attr(t, "__module__", vm.new_str("weakref"));
    }
    for t in [&vm.types.weakproxy, &vm.types.weakcallableproxy] {
        t.ext.getattro.set(Some(proxy_getattro));
        t.ext.setattro.set(Some(proxy_setattro));
        vm.add_method(t, "__setattr__", proxy_setattr);
        vm.add_method(t, "__delattr__", proxy_delattr);
        binops!(vm, t, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        vm.add_method(t, "__lt__", proxy_cmp::<0>);
        vm.add_method(t, "__le__", proxy_cmp::<1>);
        vm.add_method(t, "__eq__", proxy_cmp::<2>);
        vm.add_method(t, "__ne__", proxy_cmp::<3>);
        vm.add_method(t, "__gt__", proxy_cmp::<4>);
        vm.add_method(t, "__ge__", proxy_cmp::<5>);
        vm.add_method(t, "__neg__", proxy_unary::<0>);
        vm.add_method(t, "__pos__", proxy_unary::<1>);
        vm.add_method(t, "__invert__", proxy_unary::<2>);
        vm.add_method(t, "__abs__", proxy_forward::<0>);
        vm.add_method(t, "__int__", proxy_forward::<1>);
        vm.add_method(t, "__float__", proxy_forward::<2>);
        vm.add_method(t, "__index__", proxy_forward::<3>);
        vm.add_method(t, "__bytes__", proxy_bytes);
        vm.add_method(t, "__reversed__", proxy_forward::<5>);
        vm.add_method(t, "__len__", proxy_len);
        vm.add_method(t, "__getitem__", proxy_getitem);
        vm.add_method(t, "__setitem__", proxy_setitem);
        vm.add_method(t, "__delitem__", proxy_delitem);
        vm.add_method(t, "__contains__", proxy_contains);
        vm.add_method(t, "__iter__", proxy_iter);
        vm.add_method(t, "__next__", proxy_next);
        vm.add_method(t, "__bool__", proxy_bool);
        vm.add_method(t, "__str__", proxy_str);
        vm.add_method(t, "__repr__", proxy_repr);
        vm.add_method(t, "__hash__", proxy_hash);
    }
    vm.add_method(&vm.types.weakcallableproxy, "__call__", proxy_call);
}
