//! `itertools.groupby` (with its `_grouper` sub-iterators) and
//! `itertools.tee` (`_tee` iterators sharing `_tee_dataobject` chunks).
//! Mirrors CPython 3.11 `Modules/itertoolsmodule.c`.

use std::cell::{Cell, RefCell};

use super::itertools::{iter_next, iter_self, iter_type, parse_kw, split_new, NativeIter};
use super::type_cache::{native_type, GC};
use crate::args::Args;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

fn visit_opt(o: &RefCell<Option<PyObjectRef>>, visit: &mut dyn FnMut(&PyObjectRef)) {
    if let Ok(b) = o.try_borrow() {
        if let Some(v) = b.as_ref() {
            visit(v);
        }
    }
}

// ----- groupby ----------------------------------------------------------------

pub struct GroupBy {
    it: PyObjectRef,
    keyfunc: Option<PyObjectRef>,
    tgtkey: RefCell<Option<PyObjectRef>>,
    currkey: RefCell<Option<PyObjectRef>>,
    currvalue: RefCell<Option<PyObjectRef>>,
    /// Serial number of the current `_grouper` (0: none); CPython compares
    /// the grouper's address, a serial cannot be reused.
    current: Cell<u64>,
    serial: Cell<u64>,
}

impl Payload for GroupBy {
    pyrite_core::unique_vtable!(GroupBy);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.it);
        if let Some(k) = &self.keyfunc {
            visit(k);
        }
        visit_opt(&self.tgtkey, visit);
        visit_opt(&self.currkey, visit);
        visit_opt(&self.currvalue, visit);
    }
    fn clear(&self) {
        let a = self.tgtkey.borrow_mut().take();
        let b = self.currkey.borrow_mut().take();
        let c = self.currvalue.borrow_mut().take();
        drop((a, b, c));
    }
}

impl GroupBy {
    /// Advance to the next value: `false` when exhausted.
    fn step(&self, vm: &Vm) -> PyResult<bool> {
        let Some(v) = vm.next(&self.it)? else {
            return Ok(false);
        };
        let k = match &self.keyfunc {
            Some(f) => vm.call(f, &[v.clone()])?,
            None => v.clone(),
        };
        let old = std::mem::replace(&mut *self.currvalue.borrow_mut(), Some(v));
        drop(old);
        let old = std::mem::replace(&mut *self.currkey.borrow_mut(), Some(k));
        drop(old);
        Ok(true)
    }
}

impl NativeIter for GroupBy {
    fn next(&self, vm: &Vm, me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        self.current.set(0);
        loop {
            let cur = self.currkey.borrow().clone();
            if let Some(cur) = cur {
                let tgt = self.tgtkey.borrow().clone();
                match tgt {
                    None => break,
                    Some(t) => {
                        if !vm.eq_bool(&t, &cur)? {
                            break;
                        }
                    }
                }
            }
            if !self.step(vm)? {
                return Ok(None);
            }
        }
        let key = self
            .currkey
            .borrow()
            .clone()
            .unwrap_or_else(|| vm.none.clone());
        let old = std::mem::replace(&mut *self.tgtkey.borrow_mut(), Some(key.clone()));
        drop(old);
        let s = self.serial.get() + 1;
        self.serial.set(s);
        self.current.set(s);
        let gt = grouper_type(vm);
        let g = vm.try_alloc(
            Grouper {
                parent: me.clone(),
                tgtkey: key.clone(),
                serial: s,
            },
            gt.as_object(),
        )?;
        Ok(Some(vm.new_tuple(vec![key, g.into_object()])))
    }
}

pub struct Grouper {
    parent: PyObjectRef,
    tgtkey: PyObjectRef,
    serial: u64,
}

impl Payload for Grouper {
    pyrite_core::unique_vtable!(Grouper);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.parent);
        visit(&self.tgtkey);
    }
}

impl NativeIter for Grouper {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let Some(gb) = self.parent.downcast_ref::<GroupBy>() else {
            return Ok(None);
        };
        if gb.current.get() != self.serial {
            return Ok(None);
        }
        if gb.currvalue.borrow().is_none() && !gb.step(vm)? {
            return Ok(None);
        }
        let cur = gb
            .currkey
            .borrow()
            .clone()
            .unwrap_or_else(|| vm.none.clone());
        if !vm.eq_bool(&self.tgtkey, &cur)? {
            return Ok(None);
        }
        let v = gb.currvalue.borrow_mut().take();
        let k = gb.currkey.borrow_mut().take();
        drop(k);
        Ok(v)
    }
}

fn no_new(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_type_error("cannot create instances of this type"))
}

fn grouper_type(vm: &Vm) -> PyTypeRef {
    fn init(vm: &Vm, t: &PyTypeRef) {
        vm.add_method(t, "__iter__", iter_self);
        vm.add_method(t, "__next__", iter_next::<Grouper>);
        vm.add_staticmethod(t, "__new__", no_new);
    }
    native_type::<Grouper>(vm, "itertools", "_grouper", None, GC, init)
}

fn groupby_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    let [iterable, key] = parse_kw(vm, &args, "groupby", ["iterable", "key"], 1)?;
    let it = vm.iter(iterable.unwrap_or(&vm.none))?;
    let keyfunc = key.filter(|k| !k.is(&vm.none)).cloned();
    let g = GroupBy {
        it,
        keyfunc,
        tgtkey: RefCell::new(None),
        currkey: RefCell::new(None),
        currvalue: RefCell::new(None),
        current: Cell::new(0),
        serial: Cell::new(0),
    };
    Ok(vm.try_alloc(g, cls)?.into_object())
}

// ----- tee ----------------------------------------------------------------------

/// Values per shared chunk (CPython's LINKCELLS).
const LINKCELLS: usize = 57;

pub struct TeeData {
    it: PyObjectRef,
    values: RefCell<Vec<PyObjectRef>>,
    next: RefCell<Option<PyObjectRef>>,
    running: Cell<bool>,
}

impl Payload for TeeData {
    pyrite_core::unique_vtable!(TeeData);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.it);
        if let Ok(v) = self.values.try_borrow() {
            v.iter().for_each(|x| visit(x));
        }
        visit_opt(&self.next, visit);
    }
    fn clear(&self) {
        let v = std::mem::take(&mut *self.values.borrow_mut());
        let n = self.next.borrow_mut().take();
        drop((v, n));
    }
}

fn teedata_type(vm: &Vm) -> PyTypeRef {
    fn init(vm: &Vm, t: &PyTypeRef) {
        vm.add_staticmethod(t, "__new__", no_new);
    }
    native_type::<TeeData>(vm, "itertools", "_tee_dataobject", None, GC, init)
}

fn new_teedata(vm: &Vm, it: PyObjectRef) -> PyResult {
    let t = teedata_type(vm);
    let d = TeeData {
        it,
        values: RefCell::new(Vec::new()),
        next: RefCell::new(None),
        running: Cell::new(false),
    };
    Ok(vm.try_alloc(d, t.as_object())?.into_object())
}

pub struct Tee {
    data: RefCell<PyObjectRef>,
    index: Cell<usize>,
}

impl Payload for Tee {
    pyrite_core::unique_vtable!(Tee);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(d) = self.data.try_borrow() {
            visit(&d);
        }
    }
}

impl NativeIter for Tee {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        if self.index.get() >= LINKCELLS {
            let cur = self.data.borrow().clone();
            let td = cur
                .downcast_ref::<TeeData>()
                .ok_or_else(|| vm.new_system_error("bad tee"))?;
            let link = td.next.borrow().clone();
            let link = match link {
                Some(l) => l,
                None => {
                    let l = new_teedata(vm, td.it.clone())?;
                    let old = std::mem::replace(&mut *td.next.borrow_mut(), Some(l.clone()));
                    drop(old);
                    l
                }
            };
            let old = std::mem::replace(&mut *self.data.borrow_mut(), link);
            drop(old);
            self.index.set(0);
        }
        let cur = self.data.borrow().clone();
        let td = cur
            .downcast_ref::<TeeData>()
            .ok_or_else(|| vm.new_system_error("bad tee"))?;
        let i = self.index.get();
        let have = td.values.borrow().get(i).cloned();
        let v = match have {
            Some(v) => v,
            None => {
                if td.running.get() {
                    return Err(vm.new_runtime_error("cannot re-enter the tee iterator"));
                }
                td.running.set(true);
                let r = vm.next(&td.it);
                td.running.set(false);
                let Some(v) = r? else { return Ok(None) };
                td.values.borrow_mut().push(v.clone());
                v
            }
        };
        self.index.set(i + 1);
        Ok(Some(v))
    }
}

fn tee_type(vm: &Vm) -> PyTypeRef {
    let t = iter_type::<Tee>(vm, "_tee", tee_new);
    vm.add_method(&t, "__copy__", tee_copy);
    t
}

fn tee_from_iterable(vm: &Vm, iterable: &PyObjectRef, cls: &PyObjectRef) -> PyResult {
    let it = vm.iter(iterable)?;
    if let Some(t) = it.downcast_ref::<Tee>() {
        return copy_of(vm, t);
    }
    let data = new_teedata(vm, it)?;
    Ok(vm
        .try_alloc(
            Tee {
                data: RefCell::new(data),
                index: Cell::new(0),
            },
            cls,
        )?
        .into_object())
}

fn copy_of(vm: &Vm, t: &Tee) -> PyResult {
    let tt = tee_type(vm);
    let c = Tee {
        data: RefCell::new(t.data.borrow().clone()),
        index: Cell::new(t.index.get()),
    };
    Ok(vm.try_alloc(c, tt.as_object())?.into_object())
}

fn tee_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    let [iterable] = args.exact::<1>(vm, "_tee")?;
    tee_from_iterable(vm, iterable, cls)
}

fn tee_copy(vm: &Vm, args: Args) -> PyResult {
    let [me] = args.exact::<1>(vm, "__copy__")?;
    let t = me
        .downcast_ref::<Tee>()
        .ok_or_else(|| vm.new_type_error("_tee expected"))?;
    copy_of(vm, t)
}

/// `itertools.tee(iterable, n=2, /)`.
pub fn tee(vm: &Vm, args: Args) -> PyResult {
    let [iterable, n] = args.range::<2>(vm, "tee", 1)?;
    let n = match n {
        Some(n) => vm.index_isize(n)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.new_value_error("n must be >= 0"));
    }
    let iterable = iterable.unwrap_or(&vm.none);
    let it = vm.iter(iterable)?;
    if n == 0 {
        return Ok(vm.empty_tuple.clone());
    }
    let copyable = match vm.get_attr_opt(&it, &vm.intern("__copy__"))? {
        Some(_) => it,
        None => tee_from_iterable(vm, &it, tee_type(vm).as_object())?,
    };
    let mut out = vec![copyable.clone()];
    for _ in 1..n {
        out.push(vm.call_method(&copyable, "__copy__", &[])?);
    }
    Ok(vm.new_tuple(out))
}

/// The types defined here, for the module namespace.
pub fn types(vm: &Vm) -> Vec<PyTypeRef> {
    vec![
        iter_type::<GroupBy>(vm, "groupby", groupby_new),
        tee_type(vm),
        grouper_type(vm),
        teedata_type(vm),
    ]
}
