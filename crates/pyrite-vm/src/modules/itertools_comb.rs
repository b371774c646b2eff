//! The combinatoric iterators of `itertools`: product, permutations,
//! combinations, combinations_with_replacement.
//! Mirrors CPython 3.11 `Modules/itertoolsmodule.c`.

use std::cell::{Cell, RefCell};

use super::itertools::{iter_type, parse_kw, split_new, NativeIter};
use crate::args::Args;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// State shared by the four types: the pool(s), index vector, the previous
/// result, and whether iteration has finished.
pub struct Comb {
    pools: Vec<Vec<PyObjectRef>>,
    indices: RefCell<Vec<usize>>,
    cycles: RefCell<Vec<usize>>,
    result: RefCell<Option<Vec<PyObjectRef>>>,
    r: usize,
    stopped: Cell<bool>,
}

impl Payload for Comb {
    pyrite_core::unique_vtable!(Comb);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        self.pools.iter().flatten().for_each(|v| visit(v));
        if let Ok(r) = self.result.try_borrow() {
            r.iter().flatten().for_each(|v| visit(v));
        }
    }
}

pub struct Product(Comb);
pub struct Permutations(Comb);
pub struct Combinations(Comb);
pub struct CombinationsWR(Comb);

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
wrap_payload!(Product, Permutations, Combinations, CombinationsWR);

impl Comb {
    fn new(
        pools: Vec<Vec<PyObjectRef>>,
        r: usize,
        indices: Vec<usize>,
        cycles: Vec<usize>,
    ) -> Comb {
        Comb {
            pools,
            indices: RefCell::new(indices),
            cycles: RefCell::new(cycles),
            result: RefCell::new(None),
            r,
            stopped: Cell::new(false),
        }
    }

    fn emit(&self, vm: &Vm, res: Vec<PyObjectRef>) -> Option<PyObjectRef> {
        let t = vm.new_tuple(res.clone());
        *self.result.borrow_mut() = Some(res);
        Some(t)
    }

    fn stop(&self) -> Option<PyObjectRef> {
        self.stopped.set(true);
        None
    }
}

impl NativeIter for Product {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let c = &self.0;
        if c.stopped.get() {
            return Ok(None);
        }
        let prev = c.result.borrow().clone();
        let Some(mut res) = prev else {
            if c.pools.iter().any(|p| p.is_empty()) {
                return Ok(c.stop());
            }
            let first = c.pools.iter().map(|p| p[0].clone()).collect();
            return Ok(c.emit(vm, first));
        };
        let mut idx = c.indices.borrow_mut();
        let mut i = c.pools.len();
        loop {
            if i == 0 {
                drop(idx);
                return Ok(c.stop());
            }
            i -= 1;
            let pool = &c.pools[i];
            idx[i] += 1;
            if idx[i] == pool.len() {
                idx[i] = 0;
                res[i] = pool[0].clone();
            } else {
                res[i] = pool[idx[i]].clone();
                break;
            }
        }
        drop(idx);
        Ok(c.emit(vm, res))
    }
}

impl NativeIter for Combinations {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let c = &self.0;
        if c.stopped.get() {
            return Ok(None);
        }
        let pool = &c.pools[0];
        let (n, r) = (pool.len(), c.r);
        let prev = c.result.borrow().clone();
        let Some(mut res) = prev else {
            if r > n {
                return Ok(c.stop());
            }
            return Ok(c.emit(vm, pool[..r].to_vec()));
        };
        let mut idx = c.indices.borrow_mut();
        let mut i = r;
        loop {
            if i == 0 {
                drop(idx);
                return Ok(c.stop());
            }
            i -= 1;
            if idx[i] != i + n - r {
                break;
            }
        }
        idx[i] += 1;
        for j in i + 1..r {
            idx[j] = idx[j - 1] + 1;
        }
        for j in i..r {
            res[j] = pool[idx[j]].clone();
        }
        drop(idx);
        Ok(c.emit(vm, res))
    }
}

impl NativeIter for CombinationsWR {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let c = &self.0;
        if c.stopped.get() {
            return Ok(None);
        }
        let pool = &c.pools[0];
        let (n, r) = (pool.len(), c.r);
        let prev = c.result.borrow().clone();
        let Some(mut res) = prev else {
            if n == 0 && r > 0 {
                return Ok(c.stop());
            }
            let first = if r == 0 {
                Vec::new()
            } else {
                vec![pool[0].clone(); r]
            };
            return Ok(c.emit(vm, first));
        };
        let mut idx = c.indices.borrow_mut();
        let mut i = r;
        loop {
            if i == 0 {
                drop(idx);
                return Ok(c.stop());
            }
            i -= 1;
            if idx[i] != n - 1 {
                break;
            }
        }
        let v = idx[i] + 1;
        for j in i..r {
            idx[j] = v;
            res[j] = pool[v].clone();
        }
        drop(idx);
        Ok(c.emit(vm, res))
    }
}

impl NativeIter for Permutations {
    fn next(&self, vm: &Vm, _me: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let c = &self.0;
        if c.stopped.get() {
            return Ok(None);
        }
        let pool = &c.pools[0];
        let (n, r) = (pool.len(), c.r);
        let prev = c.result.borrow().clone();
        let Some(mut res) = prev else {
            if r > n {
                return Ok(c.stop());
            }
            return Ok(c.emit(vm, pool[..r].to_vec()));
        };
        if n == 0 {
            return Ok(c.stop());
        }
        let mut idx = c.indices.borrow_mut();
        let mut cyc = c.cycles.borrow_mut();
        let mut i = r;
        loop {
            if i == 0 {
                drop((idx, cyc));
                return Ok(c.stop());
            }
            i -= 1;
            cyc[i] -= 1;
            if cyc[i] == 0 {
                // Rotate indices[i:] left by one.
                let first = idx[i];
                for j in i..n - 1 {
                    idx[j] = idx[j + 1];
                }
                idx[n - 1] = first;
                cyc[i] = n - i;
            } else {
                let j = cyc[i];
                idx.swap(i, n - j);
                for k in i..r {
                    res[k] = pool[idx[k]].clone();
                }
                break;
            }
        }
        drop((idx, cyc));
        Ok(c.emit(vm, res))
    }
}

fn r_arg(vm: &Vm, r: &PyObjectRef) -> PyResult<usize> {
    let r = vm.index_isize(r)?;
    if r < 0 {
        return Err(vm.new_value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

fn product_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    let mut repeat = 1isize;
    if !args.kwnames.is_empty() {
        if args.kwnames.len() > 1 {
            return Err(vm.new_type_error(format!(
                "product() takes at most 1 keyword argument ({} given)",
                args.kwnames.len()
            )));
        }
        for (k, v) in args.kwargs() {
            if k != "repeat" {
                return Err(vm.new_type_error(format!(
                    "'{k}' is an invalid keyword argument for product()"
                )));
            }
            repeat = vm.index_isize(v)?;
            if repeat < 0 {
                return Err(vm.new_value_error("repeat argument cannot be negative"));
            }
        }
    }
    let mut base = Vec::new();
    for a in args.pos() {
        base.push(vm.to_vec(a)?);
    }
    let mut pools = Vec::new();
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    Ok(vm
        .try_alloc(Product(Comb::new(pools, n, vec![0; n], Vec::new())), cls)?
        .into_object())
}

fn combinations_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    let [it, r] = args.bind(vm, "combinations", ["iterable", "r"], 2, 0, 2)?;
    let pool = vm.to_vec(it.unwrap_or(&vm.none))?;
    let r = r_arg(vm, r.unwrap_or(&vm.none))?;
    let idx = (0..r).collect();
    Ok(vm
        .try_alloc(Combinations(Comb::new(vec![pool], r, idx, Vec::new())), cls)?
        .into_object())
}

fn cwr_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    let [it, r] = args.bind(
        vm,
        "combinations_with_replacement",
        ["iterable", "r"],
        2,
        0,
        2,
    )?;
    let pool = vm.to_vec(it.unwrap_or(&vm.none))?;
    let r = r_arg(vm, r.unwrap_or(&vm.none))?;
    Ok(vm
        .try_alloc(
            CombinationsWR(Comb::new(vec![pool], r, vec![0; r], Vec::new())),
            cls,
        )?
        .into_object())
}

fn permutations_new(vm: &Vm, args: Args) -> PyResult {
    let (cls, args) = split_new(vm, &args)?;
    let [it, r] = parse_kw(vm, &args, "permutations", ["iterable", "r"], 1)?;
    let pool = vm.to_vec(it.unwrap_or(&vm.none))?;
    let n = pool.len();
    let r = match r {
        Some(r) if !r.is(&vm.none) => {
            if r.downcast_ref::<crate::types::int::PyInt>().is_none() {
                return Err(vm.new_type_error("Expected int as r"));
            }
            r_arg(vm, r)?
        }
        _ => n,
    };
    let cycles = (0..r).map(|i| n.saturating_sub(i)).collect();
    let idx = (0..n).collect();
    Ok(vm
        .try_alloc(Permutations(Comb::new(vec![pool], r, idx, cycles)), cls)?
        .into_object())
}

/// The types defined here, for the module namespace.
pub fn types(vm: &Vm) -> Vec<PyTypeRef> {
    vec![
        iter_type::<Product>(vm, "product", product_new),
        iter_type::<Permutations>(vm, "permutations", permutations_new),
        iter_type::<Combinations>(vm, "combinations", combinations_new),
        iter_type::<CombinationsWR>(vm, "combinations_with_replacement", cwr_new),
    ]
}
