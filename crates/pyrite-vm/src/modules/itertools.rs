//! The `itertools` module: the simple iterator types (count, cycle, repeat,
//! accumulate, chain, compress, dropwhile, takewhile, filterfalse, islice,
//! pairwise, starmap, zip_longest) and the module object. groupby/tee live
//! in `itertools_group.rs`, the combinatoric types in `itertools_comb.rs`.
//! Mirrors CPython 3.11 `Modules/itertoolsmodule.c`.

use std::cell::{Cell, RefCell};

use super::type_cache::{native_type, GC};
use crate::args::Args;
use crate::types::tuple::PyTuple;
use crate::types::typeobj::{class_of, PyTypeRef};
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// An itertools iterator: `__next__` in Rust (`None` = exhausted).
pub trait NativeIter: Payload {
    fn next(&self, vm: &Vm, me: &PyObjectRef) -> PyResult<Option<PyObjectRef>>;
}

/// `__next__` of any [`NativeIter`].
pub fn iter_next<T: NativeIter>(vm: &Vm, args: Args) -> PyResult {
    let me = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("__next__ needs an argument"))?;
    let p = me
        .downcast_ref::<T>()
        .ok_or_else(|| vm.new_type_error("descriptor '__next__' received a wrong object"))?;
    match p.next(vm, me)? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(None)),
    }
}

/// `__iter__` returning self.
pub fn iter_self(vm: &Vm, args: Args) -> PyResult {
    args.pos()
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("__iter__ needs an argument"))
}

/// Register `__iter__`/`__next__` and `__new__` on an iterator type.
pub fn iter_type<T: NativeIter>(
    vm: &Vm,
    name: &'static str,
    new: crate::args::NativeFn,
) -> PyTypeRef {
    fn init(_: &Vm, _: &PyTypeRef) {}
    let t = native_type::<T>(vm, "itertools", name, None, GC, init);
    if t.ext.dict.get_by_str("__next__").is_some() {
        return t;
    }
    vm.add_method(&t, "__iter__", iter_self);
    vm.add_method(&t, "__next__", iter_next::<T>);
    vm.add_staticmethod(&t, "__new__", new);
    t
}

/// Old-style (`PyArg_ParseTupleAndKeywords`) argument binding, with its
/// error messages: `names` are the parameters, the first `required` needed.
pub fn parse_kw<'a, const N: usize>(
    vm: &Vm,
    args: &Args<'a>,
    fname: &str,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<&'a PyObjectRef>; N]> {
    let pos = args.pos();
    let total = args.all.len();
    if total > N {
        return Err(vm.new_type_error(format!(
            "{fname}() takes at most {N} argument{} ({total} given)",
            if N == 1 { "" } else { "s" }
        )));
    }
    let mut out: [Option<&'a PyObjectRef>; N] = [None; N];
    for (i, a) in pos.iter().enumerate() {
        out[i] = Some(a);
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_some() => {
                return Err(vm.new_type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.new_type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            return Err(vm.new_type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// Class (first argument of `__new__`) and the rest.
pub fn split_new<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a PyObjectRef, Args<'a>)> {
    let cls = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("__new__(): not enough arguments"))?;
    Ok((cls, args.shift()))
}

/// CPython's `_PyArg_NoKeywords` for a type constructor called as `name`.
fn no_kw(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// Exactly `n` positional arguments (`_PyArg_CheckPositional`).
fn positional(vm: &Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos().len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(vm.new_type_error(if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        }));
    }
    if n > max {
        return Err(vm.new_type_error(if min == max {
            format!("{name} expected {max} argument{}, got {n}", plural(max))
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        }));
    }
    Ok(())
}

fn alloc<T: Payload>(vm: &Vm, p: T, cls: &PyObjectRef) -> PyResult {
    Ok(vm.try_alloc(p, cls)?.into_object())
}

fn visit_opt(o: &RefCell<Option<PyObjectRef>>, visit: &mut dyn FnMut(&PyObjectRef)) {
    if let Ok(b) = o.try_borrow() {
        if let Some(v) = b.as_ref() {
            visit(v);
        }
    }
}

fn take_opt(o: &RefCell<Option<PyObjectRef>>) {
    let v = o.borrow_mut().take();
    drop(v);
}

/// `next()` on an optional iterator slot, clearing it when exhausted.
fn next_slot(vm: &Vm, slot: &RefCell<Option<PyObjectRef>>) -> PyResult<Option<PyObjectRef>> {
    let it = slot.borrow().clone();
    match it {
        None => Ok(None),
        Some(it) => vm.next(&it),
    }
}

// ----- count ----------------------------------------------------------------

pub struct Count {
    cnt: RefCell<PyObjectRef>,
    step: PyObjectRef,
}

impl Payload for Count {
    pyrite_core::unique_vtable!(Count);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(c) = self.cnt.try_borrow() {
            visit(&c);
        }
        visit(&self.step);
    }
}

impl NativeIter for Count {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let cur = self.cnt.borrow().clone();
        let nxt = vm.binary_op(&cur, &self.step, 0)?;
        let old = std::mem::replace(&mut *self.cnt.borrow_mut(), nxt);
        drop(old);
        Ok(Some(cur))
    }
}

/// `PyNumber_Check`.
fn is_number(vm: &Vm, o: &PyObjectRef) -> bool {
    let c = class_of(o);
    ["__index__", "__int__", "__float__"]
        .iter()
        .any(|n| c.ext.lookup_str(n).is_some())
        || vm
            .isinstance(o, vm.types.complex.as_object())
            .unwrap_or(false)
}

fn count_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    let [start, step] = parse_kw(vm, &args, "count", ["start", "step"], 0)?;
    let start = start.cloned().unwrap_or_else(|| vm.new_int(0));
    let step = step.cloned().unwrap_or_else(|| vm.new_int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(vm.new_type_error("a number is required"));
    }
    alloc(
        vm,
        Count {
            cnt: RefCell::new(start),
            step,
        },
        cls,
    )
}

fn count_repr(vm: &Vm, args: Args) -> PyResult {
    let me = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("__repr__ needs an argument"))?;
    let c = me
        .downcast_ref::<Count>()
        .ok_or_else(|| vm.new_type_error("count expected"))?;
    let name = class_of(me).ext.name();
    let cnt = c.cnt.borrow().clone();
    let cr = vm.repr_string(&cnt)?;
    let step_is_one =
        c.step.class().is(vm.types.int.as_object()) && vm.eq_bool(&c.step, &vm.new_int(1))?;
    if step_is_one {
        return Ok(vm.new_str(format!("{name}({cr})")));
    }
    let sr = vm.repr_string(&c.step)?;
    Ok(vm.new_str(format!("{name}({cr}, {sr})")))
}

// ----- cycle ----------------------------------------------------------------

pub struct Cycle {
    it: RefCell<Option<PyObjectRef>>,
    saved: RefCell<Vec<PyObjectRef>>,
    index: Cell<usize>,
}

impl Payload for Cycle {
    pyrite_core::unique_vtable!(Cycle);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit_opt(&self.it, visit);
        if let Ok(s) = self.saved.try_borrow() {
            s.iter().for_each(|v| visit(v));
        }
    }
    fn clear(&self) {
        take_opt(&self.it);
        let s = std::mem::take(&mut *self.saved.borrow_mut());
        drop(s);
    }
}

impl NativeIter for Cycle {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        if let Some(v) = next_slot(vm, &self.it)? {
            self.saved.borrow_mut().push(v.clone());
            return Ok(Some(v));
        }
        take_opt(&self.it);
        let saved = self.saved.borrow();
        if saved.is_empty() {
            return Ok(None);
        }
        let i = self.index.get();
        let v = saved[i].clone();
        self.index.set(if i + 1 >= saved.len() { 0 } else { i + 1 });
        Ok(Some(v))
    }
}

fn cycle_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    no_kw(vm, &args, "cycle")?;
    positional(vm, &args, "cycle", 1, 1)?;
    let it = vm.iter(&args.pos()[0])?;
    alloc(
        vm,
        Cycle {
            it: RefCell::new(Some(it)),
            saved: RefCell::new(Vec::new()),
            index: Cell::new(0),
        },
        cls,
    )
}

// ----- repeat ---------------------------------------------------------------

pub struct Repeat {
    element: PyObjectRef,
    /// Remaining count; negative means forever.
    cnt: Cell<isize>,
}

impl Payload for Repeat {
    pyrite_core::unique_vtable!(Repeat);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.element);
    }
}

impl NativeIter for Repeat {
    fn next(&self, _vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        match self.cnt.get() {
            0 => Ok(None),
            n => {
                if n > 0 {
                    self.cnt.set(n - 1);
                }
                Ok(Some(self.element.clone()))
            }
        }
    }
}

fn repeat_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    let [element, times] = parse_kw(vm, &args, "repeat", ["object", "times"], 1)?;
    let cnt = match times {
        Some(t) => vm.index_isize(t)?.max(0),
        None => -1,
    };
    alloc(
        vm,
        Repeat {
            element: element.cloned().unwrap_or_else(|| vm.none.clone()),
            cnt: Cell::new(cnt),
        },
        cls,
    )
}

fn repeat_repr(vm: &Vm, args: Args) -> PyResult {
    let me = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("__repr__ needs an argument"))?;
    let r = me
        .downcast_ref::<Repeat>()
        .ok_or_else(|| vm.new_type_error("repeat expected"))?;
    let name = class_of(me).ext.name();
    let er = vm.repr_string(&r.element)?;
    Ok(vm.new_str(match r.cnt.get() {
        n if n < 0 => format!("{name}({er})"),
        n => format!("{name}({er}, {n})"),
    }))
}

fn repeat_length_hint(vm: &Vm, args: Args) -> PyResult {
    let r = args
        .pos()
        .first()
        .ok_or_else(|| vm.new_type_error("__length_hint__ needs an argument"))?
        .downcast_ref::<Repeat>()
        .ok_or_else(|| vm.new_type_error("repeat expected"))?;
    match r.cnt.get() {
        n if n < 0 => Err(vm.new_type_error("len() of unsized object")),
        n => Ok(vm.new_int(n as i64)),
    }
}

// ----- accumulate -----------------------------------------------------------

pub struct Accumulate {
    it: PyObjectRef,
    func: Option<PyObjectRef>,
    total: RefCell<Option<PyObjectRef>>,
    initial: RefCell<Option<PyObjectRef>>,
}

impl Payload for Accumulate {
    pyrite_core::unique_vtable!(Accumulate);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.it);
        if let Some(f) = &self.func {
            visit(f);
        }
        visit_opt(&self.total, visit);
        visit_opt(&self.initial, visit);
    }
    fn clear(&self) {
        take_opt(&self.total);
        take_opt(&self.initial);
    }
}

impl NativeIter for Accumulate {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let init = self.initial.borrow_mut().take();
        if let Some(i) = init {
            let old = std::mem::replace(&mut *self.total.borrow_mut(), Some(i.clone()));
            drop(old);
            return Ok(Some(i));
        }
        let Some(val) = vm.next(&self.it)? else {
            return Ok(None);
        };
        let total = self.total.borrow().clone();
        let new = match total {
            None => val,
            Some(t) => match &self.func {
                Some(f) => vm.call(f, &[t, val])?,
                None => vm.binary_op(&t, &val, 0)?,
            },
        };
        let old = std::mem::replace(&mut *self.total.borrow_mut(), Some(new.clone()));
        drop(old);
        Ok(Some(new))
    }
}

fn accumulate_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    let [iterable, func, initial] =
        parse_kw(vm, &args, "accumulate", ["iterable", "func", "initial"], 1)?;
    if args.pos().len() > 2 {
        return Err(vm.new_type_error(format!(
            "accumulate() takes at most 2 positional arguments ({} given)",
            args.pos().len()
        )));
    }
    let it = vm.iter(iterable.unwrap_or(&vm.none))?;
    let func = func.filter(|f| !f.is(&vm.none)).cloned();
    let initial = initial.filter(|f| !f.is(&vm.none)).cloned();
    alloc(
        vm,
        Accumulate {
            it,
            func,
            total: RefCell::new(None),
            initial: RefCell::new(initial),
        },
        cls,
    )
}

// ----- chain ----------------------------------------------------------------

pub struct Chain {
    source: RefCell<Option<PyObjectRef>>,
    active: RefCell<Option<PyObjectRef>>,
}

impl Payload for Chain {
    pyrite_core::unique_vtable!(Chain);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit_opt(&self.source, visit);
        visit_opt(&self.active, visit);
    }
    fn clear(&self) {
        take_opt(&self.source);
        take_opt(&self.active);
    }
}

impl NativeIter for Chain {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        loop {
            if self.active.borrow().is_none() {
                let Some(iterable) = next_slot(vm, &self.source)? else {
                    take_opt(&self.source);
                    return Ok(None);
                };
                match vm.iter(&iterable) {
                    Ok(a) => *self.active.borrow_mut() = Some(a),
                    Err(e) => {
                        take_opt(&self.source);
                        return Err(e);
                    }
                }
            }
            if let Some(v) = next_slot(vm, &self.active)? {
                return Ok(Some(v));
            }
            take_opt(&self.active);
        }
    }
}

fn chain_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    no_kw(vm, &args, "chain")?;
    let src = vm.iter(&vm.new_tuple(args.pos().to_vec()))?;
    alloc(
        vm,
        Chain {
            source: RefCell::new(Some(src)),
            active: RefCell::new(None),
        },
        cls,
    )
}

fn chain_from_iterable(vm: &Vm, args: Args) -> PyResult {
    let [cls, iterable] = args.exact::<2>(vm, "from_iterable")?;
    let src = vm.iter(iterable)?;
    alloc(
        vm,
        Chain {
            source: RefCell::new(Some(src)),
            active: RefCell::new(None),
        },
        cls,
    )
}

// ----- compress, dropwhile, takewhile, filterfalse, starmap ---------------

pub struct Compress {
    data: RefCell<Option<PyObjectRef>>,
    selectors: RefCell<Option<PyObjectRef>>,
}

impl Payload for Compress {
    pyrite_core::unique_vtable!(Compress);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit_opt(&self.data, visit);
        visit_opt(&self.selectors, visit);
    }
}

impl NativeIter for Compress {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        loop {
            let Some(d) = next_slot(vm, &self.data)? else {
                return Ok(None);
            };
            let Some(s) = next_slot(vm, &self.selectors)? else {
                return Ok(None);
            };
            if vm.is_true(&s)? {
                return Ok(Some(d));
            }
        }
    }
}

fn compress_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    let [data, sel] = parse_kw(vm, &args, "compress", ["data", "selectors"], 2)?;
    let data = vm.iter(data.unwrap_or(&vm.none))?;
    let sel = vm.iter(sel.unwrap_or(&vm.none))?;
    alloc(
        vm,
        Compress {
            data: RefCell::new(Some(data)),
            selectors: RefCell::new(Some(sel)),
        },
        cls,
    )
}

/// Shared payload of dropwhile/takewhile/filterfalse/starmap.
pub struct FuncIter {
    func: PyObjectRef,
    it: PyObjectRef,
    /// dropwhile: done dropping; takewhile: stopped.
    flag: Cell<bool>,
}

impl Payload for FuncIter {
    pyrite_core::unique_vtable!(FuncIter);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.func);
        visit(&self.it);
    }
}

pub struct DropWhile(FuncIter);
pub struct TakeWhile(FuncIter);
pub struct FilterFalse(FuncIter);
pub struct StarMap(FuncIter);

macro_rules! wrap_payload {
    ($($t:ident),*) => {$(
        impl Payload for $t {
            pyrite_core::unique_vtable!($t);
            fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
                self.0.traverse(visit)
            }
        }
    )*};
}
wrap_payload!(DropWhile, TakeWhile, FilterFalse, StarMap);

impl NativeIter for DropWhile {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let s = &self.0;
        loop {
            let Some(v) = vm.next(&s.it)? else {
                return Ok(None);
            };
            if s.flag.get() {
                return Ok(Some(v));
            }
            let r = vm.call(&s.func, &[v.clone()])?;
            if !vm.is_true(&r)? {
                s.flag.set(true);
                return Ok(Some(v));
            }
        }
    }
}

impl NativeIter for TakeWhile {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let s = &self.0;
        if s.flag.get() {
            return Ok(None);
        }
        let Some(v) = vm.next(&s.it)? else {
            return Ok(None);
        };
        let r = vm.call(&s.func, &[v.clone()])?;
        if vm.is_true(&r)? {
            return Ok(Some(v));
        }
        s.flag.set(true);
        Ok(None)
    }
}

impl NativeIter for FilterFalse {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let s = &self.0;
        loop {
            let Some(v) = vm.next(&s.it)? else {
                return Ok(None);
            };
            let ok = if s.func.is(&vm.none) || s.func.is(vm.types.bool_.as_object()) {
                vm.is_true(&v)?
            } else {
                let r = vm.call(&s.func, &[v.clone()])?;
                vm.is_true(&r)?
            };
            if !ok {
                return Ok(Some(v));
            }
        }
    }
}

impl NativeIter for StarMap {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let s = &self.0;
        let Some(a) = vm.next(&s.it)? else {
            return Ok(None);
        };
        let items = match a.downcast_ref::<PyTuple>() {
            Some(t) if a.class().is(vm.types.tuple.as_object()) => t.as_slice().to_vec(),
            _ => vm.to_vec(&a)?,
        };
        Ok(Some(vm.call(&s.func, &items)?))
    }
}

fn func_iter_args(vm: &Vm, args: &Args, name: &str) -> PyResult<FuncIter> {
    no_kw(vm, args, name)?;
    positional(vm, args, name, 2, 2)?;
    let it = vm.iter(&args.pos()[1])?;
    Ok(FuncIter {
        func: args.pos()[0].clone(),
        it,
        flag: Cell::new(false),
    })
}

fn dropwhile_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    alloc(vm, DropWhile(func_iter_args(vm, &args, "dropwhile")?), cls)
}

fn takewhile_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    alloc(vm, TakeWhile(func_iter_args(vm, &args, "takewhile")?), cls)
}

fn filterfalse_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    alloc(
        vm,
        FilterFalse(func_iter_args(vm, &args, "filterfalse")?),
        cls,
    )
}

fn starmap_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    alloc(vm, StarMap(func_iter_args(vm, &args, "starmap")?), cls)
}

// ----- islice ---------------------------------------------------------------

pub struct ISlice {
    it: RefCell<Option<PyObjectRef>>,
    next: Cell<isize>,
    /// -1: no stop.
    stop: isize,
    step: isize,
    cnt: Cell<isize>,
}

impl Payload for ISlice {
    pyrite_core::unique_vtable!(ISlice);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit_opt(&self.it, visit);
    }
    fn clear(&self) {
        take_opt(&self.it);
    }
}

impl NativeIter for ISlice {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let Some(it) = self.it.borrow().clone() else {
            return Ok(None);
        };
        let stop = self.stop;
        while self.cnt.get() < self.next.get() {
            match vm.next(&it) {
                Ok(Some(_)) => self.cnt.set(self.cnt.get() + 1),
                Ok(None) => {
                    take_opt(&self.it);
                    return Ok(None);
                }
                Err(e) => {
                    take_opt(&self.it);
                    return Err(e);
                }
            }
        }
        if stop != -1 && self.cnt.get() >= stop {
            take_opt(&self.it);
            return Ok(None);
        }
        let item = match vm.next(&it) {
            Ok(Some(v)) => v,
            r => {
                take_opt(&self.it);
                return r;
            }
        };
        self.cnt.set(self.cnt.get() + 1);
        let old = self.next.get();
        let mut nx = old.wrapping_add(self.step);
        if nx < old || (stop != -1 && nx > stop) {
            nx = stop;
        }
        self.next.set(nx);
        Ok(Some(item))
    }
}

fn islice_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    no_kw(vm, &args, "islice")?;
    positional(vm, &args, "islice", 2, 4)?;
    let pos = args.pos();
    let conv = |o: &PyObjectRef| -> isize { vm.index_isize(o).unwrap_or(-1) };
    const STOP_MSG: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (mut start, mut stop, mut step) = (0isize, -1isize, 1isize);
    if pos.len() == 2 {
        if !pos[1].is(&vm.none) {
            stop = conv(&pos[1]);
            if stop == -1 {
                return Err(vm.new_value_error(STOP_MSG));
            }
        }
    } else {
        if !pos[1].is(&vm.none) {
            start = conv(&pos[1]);
        }
        if !pos[2].is(&vm.none) {
            stop = conv(&pos[2]);
            if stop == -1 {
                return Err(vm.new_value_error(STOP_MSG));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.new_value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if let Some(s) = pos.get(3) {
        if !s.is(&vm.none) {
            step = conv(s);
        }
    }
    if step < 1 {
        return Err(vm.new_value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.iter(&pos[0])?;
    alloc(
        vm,
        ISlice {
            it: RefCell::new(Some(it)),
            next: Cell::new(start),
            stop,
            step,
            cnt: Cell::new(0),
        },
        cls,
    )
}

// ----- pairwise ---------------------------------------------------------------

pub struct Pairwise {
    it: RefCell<Option<PyObjectRef>>,
    old: RefCell<Option<PyObjectRef>>,
}

impl Payload for Pairwise {
    pyrite_core::unique_vtable!(Pairwise);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit_opt(&self.it, visit);
        visit_opt(&self.old, visit);
    }
    fn clear(&self) {
        take_opt(&self.it);
        take_opt(&self.old);
    }
}

impl NativeIter for Pairwise {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let Some(it) = self.it.borrow().clone() else {
            return Ok(None);
        };
        let old = self.old.borrow().clone();
        let old = match old {
            Some(o) => o,
            None => match vm.next(&it) {
                Ok(Some(o)) => {
                    let old = std::mem::replace(&mut *self.old.borrow_mut(), Some(o.clone()));
                    drop(old);
                    o
                }
                r => {
                    take_opt(&self.it);
                    return r;
                }
            },
        };
        match vm.next(&it) {
            Ok(Some(new)) => {
                let prev = std::mem::replace(&mut *self.old.borrow_mut(), Some(new.clone()));
                drop(prev);
                Ok(Some(vm.new_tuple(vec![old, new])))
            }
            r => {
                take_opt(&self.it);
                take_opt(&self.old);
                r
            }
        }
    }
}

fn pairwise_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    no_kw(vm, &args, "pairwise")?;
    positional(vm, &args, "pairwise", 1, 1)?;
    let it = vm.iter(&args.pos()[0])?;
    alloc(
        vm,
        Pairwise {
            it: RefCell::new(Some(it)),
            old: RefCell::new(None),
        },
        cls,
    )
}

// ----- zip_longest ----------------------------------------------------------

pub struct ZipLongest {
    iters: RefCell<Vec<Option<PyObjectRef>>>,
    active: Cell<usize>,
    fill: PyObjectRef,
}

impl Payload for ZipLongest {
    pyrite_core::unique_vtable!(ZipLongest);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(v) = self.iters.try_borrow() {
            v.iter().flatten().for_each(|i| visit(i));
        }
        visit(&self.fill);
    }
    fn clear(&self) {
        let v = std::mem::take(&mut *self.iters.borrow_mut());
        drop(v);
    }
}

impl NativeIter for ZipLongest {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let n = self.iters.borrow().len();
        if n == 0 || self.active.get() == 0 {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let it = self.iters.borrow().get(i).cloned().flatten();
            match it {
                None => out.push(self.fill.clone()),
                Some(it) => match vm.next(&it) {
                    Ok(Some(v)) => out.push(v),
                    Ok(None) => {
                        self.active.set(self.active.get() - 1);
                        if self.active.get() == 0 {
                            return Ok(None);
                        }
                        out.push(self.fill.clone());
                        if let Some(s) = self.iters.borrow_mut().get_mut(i) {
                            *s = None;
                        }
                    }
                    Err(e) => {
                        self.active.set(0);
                        return Err(e);
                    }
                },
            }
        }
        Ok(Some(vm.new_tuple(out)))
    }
}

fn zip_longest_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    let mut fill = vm.none.clone();
    for (k, v) in args.kwargs() {
        if k != "fillvalue" || args.kwnames.len() > 1 {
            return Err(vm.new_type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = v.clone();
    }
    let mut iters = Vec::new();
    for a in args.pos() {
        iters.push(Some(vm.iter(a)?));
    }
    let n = iters.len();
    alloc(
        vm,
        ZipLongest {
            iters: RefCell::new(iters),
            active: Cell::new(n),
            fill,
        },
        cls,
    )
}

// ----- module -----------------------------------------------------------------

fn reprs(vm: &Vm, t: &PyTypeRef, f: crate::args::NativeFn) {
    vm.add_method(t, "__repr__", f);
}

/// Build the `itertools` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "itertools",
        Some("Functional tools for creating and using iterators."),
    );
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    let count = iter_type::<Count>(vm, "count", count_new);
    reprs(vm, &count, count_repr);
    let repeat = iter_type::<Repeat>(vm, "repeat", repeat_new);
    reprs(vm, &repeat, repeat_repr);
    vm.add_method(&repeat, "__length_hint__", repeat_length_hint);
    let chain = iter_type::<Chain>(vm, "chain", chain_new);
    vm.add_classmethod(&chain, "from_iterable", chain_from_iterable);
    let types = vec![
        count,
        repeat,
        chain,
        iter_type::<Cycle>(vm, "cycle", cycle_new),
        iter_type::<Accumulate>(vm, "accumulate", accumulate_new),
        iter_type::<Compress>(vm, "compress", compress_new),
        iter_type::<DropWhile>(vm, "dropwhile", dropwhile_new),
        iter_type::<TakeWhile>(vm, "takewhile", takewhile_new),
        iter_type::<FilterFalse>(vm, "filterfalse", filterfalse_new),
        iter_type::<StarMap>(vm, "starmap", starmap_new),
        iter_type::<ISlice>(vm, "islice", islice_new),
        iter_type::<Pairwise>(vm, "pairwise", pairwise_new),
        iter_type::<ZipLongest>(vm, "zip_longest", zip_longest_new),
    ];
    for t in types
        .into_iter()
        .chain(super::itertools_comb::types(vm))
        .chain(super::itertools_group::types(vm))
    {
        let name = t.ext.name();
        vm.dict_set_str(d, &name, t.as_object().clone());
    }
    vm.add_function(d, "itertools", "tee", super::itertools_group::tee);
    Ok(m)
}
