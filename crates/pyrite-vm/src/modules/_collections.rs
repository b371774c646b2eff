//! The `_collections` module: `deque` (with its forward and reverse
//! iterators), `defaultdict` (in `_collections_defaultdict.rs`) and
//! `_count_elements`. Mirrors CPython 3.11 `Modules/_collectionsmodule.c`.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use super::itertools::{iter_next, iter_self, parse_kw, NativeIter};
use super::type_cache::{native_type, GC, WEAK};
use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::protocol::repr::ReprGuard;
use crate::types::typeobj::{class_of, PyTypeRef};
use crate::{Payload, PyObjectRef, PyResult, Vm};

pub struct Deque {
    items: RefCell<VecDeque<PyObjectRef>>,
    /// -1: unbounded.
    maxlen: Cell<isize>,
    /// Bumped by every change of length, to detect mutation during
    /// iteration.
    state: Cell<u64>,
}

impl Payload for Deque {
    pyrite_core::unique_vtable!(Deque);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(v) = self.items.try_borrow() {
            v.iter().for_each(|x| visit(x));
        }
    }
    fn clear(&self) {
        let v = std::mem::take(&mut *self.items.borrow_mut());
        drop(v);
    }
}

impl Deque {
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn append(&self, v: PyObjectRef) {
        self.bump();
        let old = {
            let mut it = self.items.borrow_mut();
            it.push_back(v);
            if self.maxlen.get() >= 0 && it.len() > self.maxlen.get() as usize {
                it.pop_front()
            } else {
                None
            }
        };
        drop(old);
    }

    fn appendleft(&self, v: PyObjectRef) {
        self.bump();
        let old = {
            let mut it = self.items.borrow_mut();
            it.push_front(v);
            if self.maxlen.get() >= 0 && it.len() > self.maxlen.get() as usize {
                it.pop_back()
            } else {
                None
            }
        };
        drop(old);
    }

    fn snapshot(&self) -> Vec<PyObjectRef> {
        self.items.borrow().iter().cloned().collect()
    }

    fn rotate(&self, n: isize) {
        let mut it = self.items.borrow_mut();
        let len = it.len();
        if len <= 1 {
            return;
        }
        let k = n.rem_euclid(len as isize) as usize;
        it.rotate_right(k);
    }
}

fn deque_of<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Deque> {
    o.downcast_ref::<Deque>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'collections.deque' object but received a '{}'",
            vm.type_name(o)
        ))
    })
}

fn me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a PyObjectRef, &'a Deque)> {
    let o = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("deque method needs an argument"))?;
    Ok((o, deque_of(vm, o)?))
}

fn one_arg<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Deque, &'a PyObjectRef)> {
    args.no_kwargs(vm, name)?;
    let (_, d) = me(vm, args)?;
    match args.pos() {
        [_, x] => Ok((d, x)),
        p => Err(vm.new_type_error(format!(
            "deque.{name}() takes exactly one argument ({} given)",
            p.len() - 1
        ))),
    }
}

fn no_arg<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a PyObjectRef, &'a Deque)> {
    args.no_kwargs(vm, name)?;
    let (o, d) = me(vm, args)?;
    if args.pos().len() != 1 {
        return Err(vm.new_type_error(format!(
            "deque.{name}() takes no arguments ({} given)",
            args.pos().len() - 1
        )));
    }
    Ok((o, d))
}

pub fn deque_type(vm: &Vm) -> PyTypeRef {
    native_type::<Deque>(vm, "collections", "deque", None, GC | WEAK, init_deque)
}

fn new_deque(vm: &Vm, cls: &PyObjectRef, items: VecDeque<PyObjectRef>, maxlen: isize) -> PyResult {
    let d = Deque {
        items: RefCell::new(items),
        maxlen: Cell::new(maxlen),
        state: Cell::new(0),
    };
    Ok(vm.try_alloc(d, cls)?.into_object())
}

fn deque_new(vm: &Vm, args: Args) -> PyResult {
    let cls = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("deque.__new__(): not enough arguments"))?;
    new_deque(vm, cls, VecDeque::new(), -1)
}

fn extend(vm: &Vm, o: &PyObjectRef, d: &Deque, iterable: &PyObjectRef, left: bool) -> PyResult<()> {
    if iterable.is(o) {
        for v in d.snapshot() {
            if left {
                d.appendleft(v)
            } else {
                d.append(v)
            }
        }
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    while let Some(v) = vm.next(&it)? {
        if left {
            d.appendleft(v)
        } else {
            d.append(v)
        }
    }
    Ok(())
}

fn deque_init(vm: &Vm, args: Args) -> PyResult {
    let (o, d) = me(vm, &args)?;
    let [iterable, maxlen] = parse_kw(vm, &args.shift(), "deque", ["iterable", "maxlen"], 0)?;
    let ml = match maxlen {
        Some(m) if !m.is(&vm.none) => {
            if m.downcast_ref::<crate::types::int::PyInt>().is_none() {
                return Err(vm.new_type_error("an integer is required"));
            }
            let v = vm.index_isize(m)?;
            if v < 0 {
                return Err(vm.new_value_error("maxlen must be non-negative"));
            }
            v
        }
        _ => -1,
    };
    d.maxlen.set(ml);
    if d.len() > 0 {
        d.bump();
        let old = std::mem::take(&mut *d.items.borrow_mut());
        drop(old);
    }
    if let Some(i) = iterable {
        extend(vm, o, d, i, false)?;
    }
    Ok(vm.none.clone())
}

fn deque_append(vm: &Vm, args: Args) -> PyResult {
    let (d, x) = one_arg(vm, &args, "append")?;
    d.append(x.clone());
    Ok(vm.none.clone())
}

fn deque_appendleft(vm: &Vm, args: Args) -> PyResult {
    let (d, x) = one_arg(vm, &args, "appendleft")?;
    d.appendleft(x.clone());
    Ok(vm.none.clone())
}

fn deque_extend(vm: &Vm, args: Args) -> PyResult {
    let (_, x) = one_arg(vm, &args, "extend")?;
    let (o, d) = me(vm, &args)?;
    extend(vm, o, d, x, false)?;
    Ok(vm.none.clone())
}

fn deque_extendleft(vm: &Vm, args: Args) -> PyResult {
    let (_, x) = one_arg(vm, &args, "extendleft")?;
    let (o, d) = me(vm, &args)?;
    extend(vm, o, d, x, true)?;
    Ok(vm.none.clone())
}

fn deque_pop(vm: &Vm, args: Args) -> PyResult {
    let (_, d) = no_arg(vm, &args, "pop")?;
    let v = d.items.borrow_mut().pop_back();
    d.bump();
    v.ok_or_else(|| vm.new_index_error("pop from an empty deque"))
}

fn deque_popleft(vm: &Vm, args: Args) -> PyResult {
    let (_, d) = no_arg(vm, &args, "popleft")?;
    let v = d.items.borrow_mut().pop_front();
    d.bump();
    v.ok_or_else(|| vm.new_index_error("pop from an empty deque"))
}

fn deque_rotate(vm: &Vm, args: Args) -> PyResult {
    let (_, d) = me(vm, &args)?;
    let [n] = args.shift().range::<1>(vm, "rotate", 0)?;
    let n = match n {
        Some(n) => vm.index_isize(n)?,
        None => 1,
    };
    d.rotate(n);
    Ok(vm.none.clone())
}

fn deque_clear(vm: &Vm, args: Args) -> PyResult {
    let (_, d) = no_arg(vm, &args, "clear")?;
    d.bump();
    let old = std::mem::take(&mut *d.items.borrow_mut());
    drop(old);
    Ok(vm.none.clone())
}

fn copy_of(vm: &Vm, o: &PyObjectRef, d: &Deque) -> PyResult {
    let cls = o.class();
    if cls.is(deque_type(vm).as_object()) {
        return new_deque(vm, cls, d.items.borrow().clone(), d.maxlen.get());
    }
    if d.maxlen.get() < 0 {
        vm.call(cls, &[o.clone()])
    } else {
        vm.call(cls, &[o.clone(), vm.new_int(d.maxlen.get() as i64)])
    }
}

fn deque_copy(vm: &Vm, args: Args) -> PyResult {
    let (o, d) = no_arg(vm, &args, "copy")?;
    copy_of(vm, o, d)
}

/// Walk the items comparing each to `x`, failing if the deque changes.
fn find(vm: &Vm, d: &Deque, x: &PyObjectRef, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let state = d.state.get();
    let mut i = start;
    while i < stop {
        let Some(item) = d.items.borrow().get(i).cloned() else {
            break;
        };
        let eq = vm.eq_bool(&item, x)?;
        if d.state.get() != state {
            return Err(vm.new_runtime_error("deque mutated during iteration"));
        }
        if eq {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn deque_count(vm: &Vm, args: Args) -> PyResult {
    let (d, x) = one_arg(vm, &args, "count")?;
    let state = d.state.get();
    let n = d.len();
    let mut c = 0i64;
    for i in 0..n {
        let Some(item) = d.items.borrow().get(i).cloned() else {
            break;
        };
        let eq = vm.eq_bool(&item, x)?;
        if d.state.get() != state {
            return Err(vm.new_runtime_error("deque mutated during iteration"));
        }
        c += eq as i64;
    }
    Ok(vm.new_int(c))
}

/// A slice bound as `list.index` clamps it.
fn clamp_index(vm: &Vm, o: &PyObjectRef, len: usize) -> PyResult<usize> {
    let i = match vm.index_isize(o) {
        Ok(i) => i,
        Err(e) if vm.exc_matches(&e, &vm.exc.TypeError) => {
            return Err(
                vm.new_type_error("slice indices must be integers or have an __index__ method")
            )
        }
        Err(_) => {
            let neg = vm.compare_bool(o, &vm.new_int(0), CompareOp::Lt)?;
            if neg {
                0
            } else {
                isize::MAX
            }
        }
    };
    Ok(if i < 0 {
        (i + len as isize).max(0) as usize
    } else {
        (i as usize).min(len)
    })
}

fn deque_index(vm: &Vm, args: Args) -> PyResult {
    let (_, d) = me(vm, &args)?;
    args.no_kwargs(vm, "index")?;
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 4 {
        return Err(vm.new_type_error(format!(
            "index expected {} arguments, got {}",
            if pos.len() < 2 {
                "at least 1"
            } else {
                "at most 3"
            },
            pos.len() - 1
        )));
    }
    let len = d.len();
    let start = match pos.get(2) {
        Some(s) => clamp_index(vm, s, len)?,
        None => 0,
    };
    let stop = match pos.get(3) {
        Some(s) => clamp_index(vm, s, len)?,
        None => len,
    };
    match find(vm, d, &pos[1], start, stop)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.new_value_error(format!("{} is not in deque", vm.repr_string(&pos[1])?))),
    }
}

fn deque_insert(vm: &Vm, args: Args) -> PyResult {
    let (_, d) = me(vm, &args)?;
    args.no_kwargs(vm, "insert")?;
    let [i, x] = args.shift().exact::<2>(vm, "insert")?;
    let i = vm.index_isize(i)?;
    let len = d.len();
    if d.maxlen.get() >= 0 && len >= d.maxlen.get() as usize {
        return Err(vm.new_index_error("deque already at its maximum size"));
    }
    let at = if i < 0 {
        (i + len as isize).max(0) as usize
    } else {
        (i as usize).min(len)
    };
    d.bump();
    d.items.borrow_mut().insert(at, x.clone());
    Ok(vm.none.clone())
}

fn deque_remove(vm: &Vm, args: Args) -> PyResult {
    let (d, x) = one_arg(vm, &args, "remove")?;
    let len = d.len();
    for i in 0..len {
        let Some(item) = d.items.borrow().get(i).cloned() else {
            break;
        };
        let eq = vm.eq_bool(&item, x)?;
        if d.len() != len {
            return Err(vm.new_index_error("deque mutated during remove()."));
        }
        if eq {
            d.bump();
            let v = d.items.borrow_mut().remove(i);
            drop(v);
            return Ok(vm.none.clone());
        }
    }
    Err(vm.new_value_error(format!("{} is not in deque", vm.repr_string(x)?)))
}

fn deque_reverse(vm: &Vm, args: Args) -> PyResult {
    let (_, d) = no_arg(vm, &args, "reverse")?;
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(vm.none.clone())
}

fn deque_maxlen(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let d = deque_of(vm, o)?;
    Ok(match d.maxlen.get() {
        n if n < 0 => vm.none.clone(),
        n => vm.new_int(n as i64),
    })
}

fn deque_len(vm: &Vm, args: Args) -> PyResult {
    let (_, d) = no_arg(vm, &args, "__len__")?;
    Ok(vm.new_int(d.len() as i64))
}

fn deque_bool(vm: &Vm, args: Args) -> PyResult {
    let (_, d) = no_arg(vm, &args, "__bool__")?;
    Ok(vm.new_bool(d.len() > 0))
}

/// Normalised item index, or IndexError.
fn item_index(vm: &Vm, d: &Deque, key: &PyObjectRef) -> PyResult<usize> {
    if class_of(key).ext.lookup_str("__index__").is_none() {
        return Err(vm.new_type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(key)
        )));
    }
    let i = vm.index_isize(key)?;
    let len = d.len() as isize;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.new_index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn deque_getitem(vm: &Vm, args: Args) -> PyResult {
    let (d, k) = one_arg(vm, &args, "__getitem__")?;
    let i = item_index(vm, d, k)?;
    d.items
        .borrow()
        .get(i)
        .cloned()
        .ok_or_else(|| vm.new_index_error("deque index out of range"))
}

fn deque_setitem(vm: &Vm, args: Args) -> PyResult {
    let (_, d) = me(vm, &args)?;
    let [k, v] = args.shift().exact::<2>(vm, "__setitem__")?;
    let i = item_index(vm, d, k)?;
    let old = d
        .items
        .borrow_mut()
        .get_mut(i)
        .map(|s| std::mem::replace(s, v.clone()));
    drop(old);
    Ok(vm.none.clone())
}

fn deque_delitem(vm: &Vm, args: Args) -> PyResult {
    let (d, k) = one_arg(vm, &args, "__delitem__")?;
    let i = item_index(vm, d, k)?;
    d.bump();
    let old = d.items.borrow_mut().remove(i);
    drop(old);
    Ok(vm.none.clone())
}

fn deque_contains(vm: &Vm, args: Args) -> PyResult {
    let (d, x) = one_arg(vm, &args, "__contains__")?;
    Ok(vm.new_bool(find(vm, d, x, 0, usize::MAX)?.is_some()))
}

fn deque_repr(vm: &Vm, args: Args) -> PyResult {
    let (o, d) = me(vm, &args)?;
    let Some(_g) = ReprGuard::enter(o) else {
        return Ok(vm.new_str("[...]"));
    };
    let items = vm.new_list(d.snapshot());
    let body = vm.repr_string(&items)?;
    let name = class_of(o).ext.name();
    Ok(vm.new_str(match d.maxlen.get() {
        n if n < 0 => format!("{name}({body})"),
        n => format!("{name}({body}, maxlen={n})"),
    }))
}

fn deque_richcompare(vm: &Vm, args: &Args, op: CompareOp) -> PyResult {
    let (_, a) = me(vm, args)?;
    let Some(other) = args.pos().get(1) else {
        return Err(vm.new_type_error("comparison needs an argument"));
    };
    let Some(b) = other.downcast_ref::<Deque>() else {
        return Ok(vm.not_implemented.clone());
    };
    let (va, vb) = (a.snapshot(), b.snapshot());
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && va.len() != vb.len() {
        return Ok(vm.new_bool(op == CompareOp::Ne));
    }
    for (x, y) in va.iter().zip(vb.iter()) {
        if !vm.eq_bool(x, y)? {
            return match op {
                CompareOp::Eq => Ok(vm.false_.clone()),
                CompareOp::Ne => Ok(vm.true_.clone()),
                _ => vm.rich_compare(x, y, op),
            };
        }
    }
    Ok(vm.new_bool(op.eval_ord(va.len().cmp(&vb.len()))))
}

macro_rules! cmp_fns {
    ($($f:ident => $op:ident),*) => {$(
        fn $f(vm: &Vm, args: Args) -> PyResult {
            deque_richcompare(vm, &args, CompareOp::$op)
        }
    )*};
}
cmp_fns!(deque_eq => Eq, deque_ne => Ne, deque_lt => Lt, deque_le => Le, deque_gt => Gt, deque_ge => Ge);

fn deque_add(vm: &Vm, args: Args) -> PyResult {
    let (o, d) = me(vm, &args)?;
    let [other] = args.shift().exact::<1>(vm, "__add__")?;
    if other.downcast_ref::<Deque>().is_none() {
        return Err(vm.new_type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(other)
        )));
    }
    let n = copy_of(vm, o, d)?;
    let nd = deque_of(vm, &n)?;
    extend(vm, &n, nd, other, false)?;
    Ok(n)
}

fn deque_iadd(vm: &Vm, args: Args) -> PyResult {
    let (o, d) = me(vm, &args)?;
    let [other] = args.shift().exact::<1>(vm, "__iadd__")?;
    extend(vm, o, d, other, false)?;
    Ok(o.clone())
}

/// Repeat the contents in place `n` times (respecting maxlen).
fn inplace_repeat(vm: &Vm, d: &Deque, n: &PyObjectRef) -> PyResult<()> {
    if class_of(n).ext.lookup_str("__index__").is_none() {
        return Err(vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    }
    let n = vm.index_isize(n)?;
    let items = d.snapshot();
    if n <= 0 || items.is_empty() {
        if !items.is_empty() {
            d.bump();
            let old = std::mem::take(&mut *d.items.borrow_mut());
            drop(old);
        }
        return Ok(());
    }
    let len = items.len() as u128;
    let total = len * n as u128;
    let keep = match d.maxlen.get() {
        m if m >= 0 => total.min(m as u128),
        _ => total,
    };
    if keep > (1u128 << 32) {
        return Err(vm.new_memory_error());
    }
    let first = total - keep;
    let new: VecDeque<PyObjectRef> = (first..total)
        .map(|k| items[(k % len) as usize].clone())
        .collect();
    d.bump();
    let old = std::mem::replace(&mut *d.items.borrow_mut(), new);
    drop(old);
    Ok(())
}

fn deque_mul(vm: &Vm, args: Args) -> PyResult {
    let (o, d) = me(vm, &args)?;
    let [n] = args.shift().exact::<1>(vm, "__mul__")?;
    let nc = class_of(n);
    if nc.ext.lookup_str("__index__").is_none()
        && nc.ext.heap
        && nc.ext.lookup_str("__rmul__").is_some()
    {
        return Ok(vm.not_implemented.clone());
    }
    let c = copy_of(vm, o, d)?;
    inplace_repeat(vm, deque_of(vm, &c)?, n)?;
    Ok(c)
}

fn deque_imul(vm: &Vm, args: Args) -> PyResult {
    let (o, d) = me(vm, &args)?;
    let [n] = args.shift().exact::<1>(vm, "__imul__")?;
    inplace_repeat(vm, d, n)?;
    Ok(o.clone())
}

fn deque_reduce(vm: &Vm, args: Args) -> PyResult {
    let (o, d) = no_arg(vm, &args, "__reduce__")?;
    let state = match o.dict_slot().and_then(|s| {
        let v = s.take();
        s.set(v.clone());
        v
    }) {
        Some(dct) => dct,
        None => vm.none.clone(),
    };
    let ctor_args = match d.maxlen.get() {
        n if n < 0 => vm.empty_tuple.clone(),
        n => vm.new_tuple(vec![vm.empty_tuple.clone(), vm.new_int(n as i64)]),
    };
    let it = vm.iter(o)?;
    Ok(vm.new_tuple(vec![o.class().clone(), ctor_args, state, it]))
}

// ----- iterators -------------------------------------------------------------

pub struct DequeIter {
    deque: PyObjectRef,
    index: Cell<usize>,
    state: u64,
    remaining: Cell<usize>,
    reverse: bool,
}

impl Payload for DequeIter {
    pyrite_core::unique_vtable!(DequeIter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.deque);
    }
}

impl NativeIter for DequeIter {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let d = deque_of(vm, &self.deque)?;
        if d.state.get() != self.state {
            self.remaining.set(0);
            return Err(vm.new_runtime_error("deque mutated during iteration"));
        }
        if self.remaining.get() == 0 {
            return Ok(None);
        }
        let i = self.index.get();
        let v = d.items.borrow().get(i).cloned();
        self.remaining.set(self.remaining.get() - 1);
        if self.reverse {
            self.index.set(i.wrapping_sub(1));
        } else {
            self.index.set(i + 1);
        }
        Ok(v)
    }
}

fn iter_length_hint(vm: &Vm, args: Args) -> PyResult {
    let it = args
        .pos()
        .first()
        .and_then(|o| o.downcast_ref::<DequeIter>())
        .ok_or_else(|| vm.new_type_error("bad iterator"))?;
    Ok(vm.new_int(it.remaining.get() as i64))
}

fn no_new(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_type_error("cannot create deque iterator instances directly"))
}

fn iter_type(vm: &Vm, reverse: bool) -> PyTypeRef {
    fn init(vm: &Vm, t: &PyTypeRef) {
        vm.add_method(t, "__iter__", iter_self);
        vm.add_method(t, "__next__", iter_next::<DequeIter>);
        vm.add_method(t, "__length_hint__", iter_length_hint);
        vm.add_staticmethod(t, "__new__", no_new);
    }
    let name = if reverse {
        "_deque_reverse_iterator"
    } else {
        "_deque_iterator"
    };
    native_type::<DequeIter>(vm, "_collections", name, None, GC, init)
}

fn make_iter(vm: &Vm, args: &Args, reverse: bool) -> PyResult {
    let (o, d) = me(vm, args)?;
    let n = d.len();
    let it = DequeIter {
        deque: o.clone(),
        index: Cell::new(if reverse { n.wrapping_sub(1) } else { 0 }),
        state: d.state.get(),
        remaining: Cell::new(n),
        reverse,
    };
    Ok(vm
        .try_alloc(it, iter_type(vm, reverse).as_object())?
        .into_object())
}

fn deque_iter(vm: &Vm, args: Args) -> PyResult {
    make_iter(vm, &args, false)
}

fn deque_reversed(vm: &Vm, args: Args) -> PyResult {
    make_iter(vm, &args, true)
}

fn init_deque(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", deque_new);
    let methods: [(&'static str, crate::args::NativeFn); 36] = [
        ("__init__", deque_init),
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("rotate", deque_rotate),
        ("clear", deque_clear),
        ("copy", deque_copy),
        ("__copy__", deque_copy),
        ("count", deque_count),
        ("index", deque_index),
        ("insert", deque_insert),
        ("remove", deque_remove),
        ("reverse", deque_reverse),
        ("__len__", deque_len),
        ("__bool__", deque_bool),
        ("__getitem__", deque_getitem),
        ("__setitem__", deque_setitem),
        ("__delitem__", deque_delitem),
        ("__contains__", deque_contains),
        ("__repr__", deque_repr),
        ("__eq__", deque_eq),
        ("__ne__", deque_ne),
        ("__lt__", deque_lt),
        ("__le__", deque_le),
        ("__gt__", deque_gt),
        ("__ge__", deque_ge),
        ("__add__", deque_add),
        ("__iadd__", deque_iadd),
        ("__mul__", deque_mul),
        ("__rmul__", deque_mul),
        ("__imul__", deque_imul),
        ("__iter__", deque_iter),
        ("__reversed__", deque_reversed),
    ];
    for (n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_method(t, "__reduce__", deque_reduce);
    vm.add_class_getitem(t);
    vm.add_getset(t, "maxlen", deque_maxlen, None);
    vm.set_type_attr(t, "__hash__", vm.none.clone());
}

// ----- _count_elements ---------------------------------------------------------

fn count_elements(vm: &Vm, args: Args) -> PyResult {
    let [mapping, iterable] = args.exact::<2>(vm, "_count_elements")?;
    let it = vm.iter(iterable)?;
    let zero = vm.new_int(0);
    let one = vm.new_int(1);
    while let Some(elem) = vm.next(&it)? {
        let cur = vm.call_method(mapping, "get", &[elem.clone(), zero.clone()])?;
        let new = vm.binary_op(&cur, &one, 0)?;
        vm.set_item(mapping, elem, new)?;
    }
    Ok(vm.none.clone())
}

/// Build the `_collections` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_collections", Some("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n"));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    vm.dict_set_str(d, "deque", deque_type(vm).as_object().clone());
    vm.dict_set_str(
        d,
        "_deque_iterator",
        iter_type(vm, false).as_object().clone(),
    );
    vm.dict_set_str(
        d,
        "_deque_reverse_iterator",
        iter_type(vm, true).as_object().clone(),
    );
    vm.dict_set_str(
        d,
        "defaultdict",
        super::_collections_defaultdict::defaultdict_type(vm)
            .as_object()
            .clone(),
    );
    vm.add_function(d, "_collections", "_count_elements", count_elements);
    vm.dict_set_str(d, "_tuplegetter", tuplegetter_type(vm).as_object().clone());
    Ok(m)
}

// ----- _tuplegetter ------------------------------------------------------------

/// `_collections._tuplegetter(index, doc)`: the read-only field descriptor
/// of namedtuple classes.
pub struct TupleGetter {
    index: usize,
    doc: RefCell<PyObjectRef>,
}

impl Payload for TupleGetter {
    pyrite_core::unique_vtable!(TupleGetter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(d) = self.doc.try_borrow() {
            visit(&d);
        }
    }
}

fn tuplegetter_type(vm: &Vm) -> PyTypeRef {
    native_type::<TupleGetter>(vm, "_collections", "_tuplegetter", None, GC, |vm, t| {
        vm.add_staticmethod(t, "__new__", tg_new);
        vm.add_method(t, "__get__", tg_get);
        vm.add_method(t, "__set__", tg_set);
        vm.add_method(t, "__delete__", tg_delete);
        vm.add_method(t, "__reduce__", tg_reduce);
        vm.add_getset(t, "__doc__", tg_doc, Some(tg_set_doc));
    })
}

fn tg<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a TupleGetter> {
    o.downcast_ref::<TupleGetter>()
        .ok_or_else(|| vm.new_type_error("_tuplegetter expected"))
}

fn tg_new(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error("_tuplegetter() takes no keyword arguments"));
    }
    if pos.len() != 3 {
        return Err(vm.new_type_error(format!(
            "_tuplegetter expected 2 arguments, got {}",
            pos.len().saturating_sub(1)
        )));
    }
    let idx = vm.index(&pos[1])?;
    let index = idx
        .downcast_ref::<crate::types::int::PyInt>()
        .and_then(|i| i.value.as_i64())
        .filter(|i| *i >= 0)
        .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?
        as usize;
    let t = TupleGetter {
        index,
        doc: RefCell::new(pos[2].clone()),
    };
    Ok(vm.try_alloc(t, &pos[0])?.into_object())
}

fn tg_get(vm: &Vm, args: Args) -> PyResult {
    let [d, obj, _owner] = args.range::<3>(vm, "__get__", 2)?;
    let (d, obj) = (d.expect("min"), obj.expect("min"));
    if obj.is(&vm.none) {
        return Ok(d.clone());
    }
    let g = tg(vm, d)?;
    let Some(t) = obj.downcast_ref::<crate::types::tuple::PyTuple>() else {
        return Err(vm.new_type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            vm.type_name(obj)
        )));
    };
    t.items
        .get(g.index)
        .cloned()
        .ok_or_else(|| vm.new_index_error("tuple index out of range"))
}

fn tg_set(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_attribute_error("can't set attribute"))
}

fn tg_delete(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_attribute_error("can't delete attribute"))
}

fn tg_reduce(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__reduce__")?;
    let g = tg(vm, o)?;
    let a = vm.new_tuple(vec![vm.new_int(g.index as i64), g.doc.borrow().clone()]);
    Ok(vm.new_tuple(vec![o.class().clone(), a]))
}

fn tg_doc(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(tg(vm, o)?.doc.borrow().clone())
}

fn tg_set_doc(vm: &Vm, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    *tg(vm, o)?.doc.borrow_mut() = v.unwrap_or_else(|| vm.none.clone());
    Ok(())
}
