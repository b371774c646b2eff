//! The `gc` module and the VM's half of a collection: weak references to
//! garbage, finalizers (PEP 442), `gc.garbage`, `gc.callbacks` and the
//! `DEBUG_*` output. The graph work (generations, reachability, clearing)
//! is `pyrite_core::gc`. Mirrors CPython 3.11 `Modules/gcmodule.c`.

use pyrite_core::addr_map::AddrSet as HashSet;
use std::cell::{Cell, RefCell};

use pyrite_core::gc as core;
use pyrite_core::object::header::TypeFlags;

use crate::modules::weakref_support as support;
use crate::types::dict::PyDict;
use crate::types::tuple::PyTuple;
use crate::{Args, PyObjectRef, PyResult, Vm};

pub const DEBUG_STATS: u32 = 1;
pub const DEBUG_COLLECTABLE: u32 = 2;
pub const DEBUG_UNCOLLECTABLE: u32 = 4;
pub const DEBUG_SAVEALL: u32 = 32;
pub const DEBUG_LEAK: u32 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

#[derive(Clone, Copy, Default)]
struct GenStats {
    collections: usize,
    collected: usize,
    uncollectable: usize,
}

thread_local! {
    static DEBUG: Cell<u32> = const { Cell::new(0) };
    static STATS: RefCell<[GenStats; 3]> = RefCell::new([GenStats::default(); 3]);
    /// `gc.garbage` and `gc.callbacks` (created with the module).
    static GARBAGE: RefCell<Option<PyObjectRef>> = const { RefCell::new(None) };
    static CALLBACKS: RefCell<Option<PyObjectRef>> = const { RefCell::new(None) };
}

/// CPython's `_PyObject_GC_MAYBE_TRACKED`: could `o` be part of a cycle?
fn maybe_tracked(o: &PyObjectRef) -> bool {
    core::is_gc(o) && (o.downcast_ref::<PyTuple>().is_none() || core::is_tracked(o))
}

/// `gc.is_tracked` as CPython reports it. Dicts are tracked lazily in
/// CPython (only once they hold something that may be tracked); we keep
/// them on the lists always (which is conservative) and report CPython's
/// answer from their contents.
fn is_tracked(o: &PyObjectRef) -> bool {
    if let Some(d) = o.downcast_ref::<PyDict>() {
        if !core::is_tracked(o) {
            return false;
        }
        let mut any = false;
        d.traverse_entries(&mut |x| any |= maybe_tracked(x));
        return any;
    }
    core::is_tracked(o)
}

/// Survivors CPython stops tracking: tuples holding only untracked objects.
fn should_untrack(o: &PyObjectRef) -> bool {
    match o.downcast_ref::<PyTuple>() {
        Some(t) => t.items.iter().all(|x| !maybe_tracked(x)),
        None => false,
    }
}

fn write_stderr(vm: &Vm, text: &str) {
    crate::modules::sys::flush_stdout(vm);
    match vm.sys_attr("stderr") {
        Ok(s) => {
            let _ = vm.write_to(&s, text);
        }
        Err(_) => eprint!("{text}"),
    }
}

fn invoke_callbacks(vm: &Vm, phase: &str, gen: usize, collected: usize, uncollectable: usize) {
    let Some(cbs) = CALLBACKS.with(|c| c.borrow().clone()) else {
        return;
    };
    let Ok(list) = vm.to_vec(&cbs) else { return };
    if list.is_empty() {
        return;
    }
    let info = vm.new_dict();
    vm.dict_set_str(&info, "generation", vm.new_int(gen as i64));
    vm.dict_set_str(&info, "collected", vm.new_int(collected as i64));
    vm.dict_set_str(&info, "uncollectable", vm.new_int(uncollectable as i64));
    let phase = vm.new_str(phase);
    let info = info.into_object();
    for cb in list {
        if let Err(e) = vm.call(&cb, &[phase.clone(), info.clone()]) {
            vm.write_unraisable(&e, Some(&cb));
        }
    }
}

fn obj_desc(vm: &Vm, o: &PyObjectRef) -> String {
    format!("<{} {:#x}>", vm.type_name(o), o.id())
}

/// The id of `o`'s instance dict, if it has one.
fn instance_dict_id(o: &PyObjectRef) -> Option<usize> {
    let slot = o.dict_slot()?;
    let d = slot.take();
    let id = d.as_ref().map(|d| d.id());
    slot.set(d);
    id
}

/// Whether `o` is the instance dict of one of `objs`.
fn is_instance_dict_of(o: &PyObjectRef, objs: &[PyObjectRef]) -> bool {
    o.downcast_ref::<PyDict>().is_some() && objs.iter().any(|x| instance_dict_id(x) == Some(o.id()))
}

/// Clear the weak references to the unreachable objects; queue the
/// callbacks of weak references that are not garbage themselves
/// (CPython's `handle_weakrefs`), then call them. Returns how many of
/// those weak references died as a result (CPython counts them).
fn handle_weakrefs(vm: &Vm, unreachable: &[PyObjectRef]) -> usize {
    let ids: HashSet = unreachable.iter().map(|o| o.id()).collect();
    let mut pending = Vec::new();
    for o in unreachable {
        if !core::weak::is_weak_target(o) {
            continue;
        }
        for wr in support::weakrefs_of(o) {
            if let Some(w) = wr.downcast_ref::<crate::types::weakref::PyWeakRef>() {
                w.target.set(0);
                let cb = w.callback.borrow_mut().take();
                if let Some(cb) = cb {
                    if !ids.contains(&wr.id()) {
                        pending.push((wr.clone(), cb));
                    }
                }
            }
        }
        support::forget_list(o);
        core::weak::forget(o);
    }
    let mut ids = Vec::new();
    for (wr, cb) in pending {
        if let Err(e) = vm.call(&cb, &[wr.clone()]) {
            vm.write_unraisable(&e, Some(&cb));
        }
        ids.push(wr.id());
    }
    // Weak references are registered weak targets themselves, so the
    // registry tells which ones are still alive.
    ids.into_iter()
        .filter(|&id| core::weak::upgrade(id).is_none())
        .count()
}

/// Call `__del__` of unreachable objects not finalized yet (PEP 442).
fn finalize_garbage(vm: &Vm, unreachable: &[PyObjectRef]) {
    for o in unreachable {
        if !o.type_core().flags().has(TypeFlags::HAS_FINALIZER) || !core::mark_finalized(o) {
            continue;
        }
        vm.run_finalizer(o);
    }
}

/// Collect generation `gen`; returns the number of unreachable objects
/// found (CPython's `gc_collect_main` result, `n + m`).
pub fn collect_generation(vm: &Vm, gen: usize) -> usize {
    if core::is_collecting() {
        return 0;
    }
    core::set_collecting(true);
    core::clear_due();
    let debug = DEBUG.with(|d| d.get());
    invoke_callbacks(vm, "start", gen, 0, 0);
    if debug & DEBUG_STATS != 0 {
        let sizes: Vec<String> = (0..3)
            .map(|g| core::objects(Some(g)).len().to_string())
            .collect();
        write_stderr(
            vm,
            &format!(
                "gc: collecting generation {gen}...\ngc: objects in each generation: {}\ngc: objects in permanent generation: {}\n",
                sizes.join(" "),
                core::freeze_count()
            ),
        );
    }
    let t0 = std::time::Instant::now();
    let unreachable = core::find_unreachable(gen, Some(&should_untrack));
    if debug & DEBUG_COLLECTABLE != 0 {
        let mut text = String::new();
        for o in unreachable
            .iter()
            .filter(|o| !is_instance_dict_of(o, &unreachable))
        {
            text.push_str(&format!("gc: collectable {}\n", obj_desc(vm, o)));
        }
        if !text.is_empty() {
            write_stderr(vm, &text);
        }
    }
    let mut m = handle_weakrefs(vm, &unreachable);
    finalize_garbage(vm, &unreachable);
    let garbage = core::still_unreachable(unreachable);
    // CPython 3.11 keeps instance attributes inline ("managed dicts"), so
    // an instance's dict is not a separate object there: leave ours out
    // of the counts and of `gc.garbage`.
    let dicts: HashSet = garbage.iter().filter_map(instance_dict_id).collect();
    m += garbage.iter().filter(|o| !dicts.contains(&o.id())).count();
    let n = 0;
    if debug & DEBUG_SAVEALL != 0 {
        if let Some(g) = GARBAGE.with(|g| g.borrow().clone()) {
            for o in garbage.iter().filter(|o| !dicts.contains(&o.id())) {
                let _ = vm.call_method(&g, "append", &[o.clone()]);
            }
        }
    } else {
        for o in &garbage {
            core::clear(o);
        }
    }
    drop(garbage);
    if debug & DEBUG_STATS != 0 {
        write_stderr(
            vm,
            &format!(
                "gc: done, {} unreachable, {} uncollectable, {:.4}s elapsed\n",
                n + m,
                n,
                t0.elapsed().as_secs_f64()
            ),
        );
    }
    STATS.with(|s| {
        let s = &mut s.borrow_mut()[gen];
        s.collections += 1;
        s.collected += m;
        s.uncollectable += n;
    });
    invoke_callbacks(vm, "stop", gen, m, n);
    core::set_collecting(false);
    n + m
}

/// Run an automatic collection if one is due (called from the eval
/// loop's safe points).
pub fn collect_if_due(vm: &Vm) {
    if !core::collection_due() {
        return;
    }
    core::clear_due();
    if !core::is_enabled() || core::is_collecting() {
        return;
    }
    if let Some(g) = core::generation_to_collect() {
        collect_generation(vm, g);
    }
}

fn gc_enable(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "enable")?;
    core::set_enabled(true);
    Ok(vm.none.clone())
}

fn gc_disable(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "disable")?;
    core::set_enabled(false);
    Ok(vm.none.clone())
}

fn gc_isenabled(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "isenabled")?;
    Ok(vm.new_bool(core::is_enabled()))
}

fn gc_collect(vm: &Vm, args: Args) -> PyResult {
    let [g] = args.bind(vm, "collect", ["generation"], 0, 0, 1)?;
    let gen = match g {
        Some(g) => vm.index_isize(g)?,
        None => 2,
    };
    if !(0..=2).contains(&gen) {
        return Err(vm.new_value_error("invalid generation"));
    }
    Ok(vm.new_int(collect_generation(vm, gen as usize) as i64))
}

fn gc_get_count(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "get_count")?;
    let c = core::get_count();
    Ok(vm.new_tuple(c.iter().map(|&x| vm.new_int(x as i64)).collect()))
}

fn gc_get_threshold(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "get_threshold")?;
    let t = core::get_threshold();
    Ok(vm.new_tuple(t.iter().map(|&x| vm.new_int(x as i64)).collect()))
}

fn gc_set_threshold(vm: &Vm, args: Args) -> PyResult {
    let a = args.range::<3>(vm, "set_threshold", 1)?;
    let mut th = [None; 3];
    for (slot, v) in th.iter_mut().zip(a) {
        if let Some(v) = v {
            let n = vm.index_isize(v)?;
            *slot = Some(n.max(0) as usize);
        }
    }
    core::set_threshold(th);
    Ok(vm.none.clone())
}

fn gc_get_objects(vm: &Vm, args: Args) -> PyResult {
    let [g] = args.bind(vm, "get_objects", ["generation"], 0, 0, 1)?;
    let gen = match g {
        Some(g) if !g.is(&vm.none) => {
            let n = vm.index_isize(g)?;
            if n >= 3 {
                return Err(vm.new_value_error(
                    "generation parameter must be less than the number of available generations (3)",
                ));
            }
            if n < 0 {
                return Err(vm.new_value_error("generation parameter cannot be negative"));
            }
            Some(n as usize)
        }
        _ => None,
    };
    let objs: Vec<PyObjectRef> = core::objects(gen).into_iter().filter(is_tracked).collect();
    Ok(vm.new_list(objs))
}

fn gc_get_stats(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "get_stats")?;
    let stats = STATS.with(|s| *s.borrow());
    let mut out = Vec::new();
    for s in stats {
        let d = vm.new_dict();
        vm.dict_set_str(&d, "collections", vm.new_int(s.collections as i64));
        vm.dict_set_str(&d, "collected", vm.new_int(s.collected as i64));
        vm.dict_set_str(&d, "uncollectable", vm.new_int(s.uncollectable as i64));
        out.push(d.into_object());
    }
    Ok(vm.new_list(out))
}

fn gc_get_referents(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "get_referents")?;
    let mut out = Vec::new();
    for o in args.pos() {
        if core::is_gc(o) {
            o.traverse(&mut |c| out.push(c.clone()));
        }
    }
    Ok(vm.new_list(out))
}

fn gc_get_referrers(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "get_referrers")?;
    let targets: HashSet = args.pos().iter().map(|o| o.id()).collect();
    let mut out = Vec::new();
    for o in core::objects(None) {
        let mut hit = false;
        o.traverse(&mut |c| hit |= targets.contains(&c.id()));
        if hit {
            out.push(o);
        }
    }
    Ok(vm.new_list(out))
}

fn gc_is_tracked(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "is_tracked")?;
    Ok(vm.new_bool(is_tracked(o)))
}

fn gc_is_finalized(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "is_finalized")?;
    Ok(vm.new_bool(core::is_finalized(o)))
}

fn gc_freeze(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "freeze")?;
    core::freeze();
    Ok(vm.none.clone())
}

fn gc_unfreeze(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "unfreeze")?;
    core::unfreeze();
    Ok(vm.none.clone())
}

fn gc_get_freeze_count(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "get_freeze_count")?;
    Ok(vm.new_int(core::freeze_count() as i64))
}

fn gc_set_debug(vm: &Vm, args: Args) -> PyResult {
    let [f] = args.exact::<1>(vm, "set_debug")?;
    let v = vm.index_isize(f)?;
    DEBUG.with(|d| d.set(v as u32));
    Ok(vm.none.clone())
}

fn gc_get_debug(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "get_debug")?;
    Ok(vm.new_int(DEBUG.with(|d| d.get()) as i64))
}

pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "gc",
        Some("This module provides access to the garbage collector for reference cycles.\n"),
    );
    let d = vm.module_dict(&m).expect("module");
    let n = "gc";
    vm.add_function(d, n, "enable", gc_enable);
    vm.add_function(d, n, "disable", gc_disable);
    vm.add_function(d, n, "isenabled", gc_isenabled);
    vm.add_function(d, n, "collect", gc_collect);
    vm.add_function(d, n, "get_count", gc_get_count);
    vm.add_function(d, n, "get_threshold", gc_get_threshold);
    vm.add_function(d, n, "set_threshold", gc_set_threshold);
    vm.add_function(d, n, "get_objects", gc_get_objects);
    vm.add_function(d, n, "get_stats", gc_get_stats);
    vm.add_function(d, n, "get_referrers", gc_get_referrers);
    vm.add_function(d, n, "get_referents", gc_get_referents);
    vm.add_function(d, n, "is_tracked", gc_is_tracked);
    vm.add_function(d, n, "is_finalized", gc_is_finalized);
    vm.add_function(d, n, "freeze", gc_freeze);
    vm.add_function(d, n, "unfreeze", gc_unfreeze);
    vm.add_function(d, n, "get_freeze_count", gc_get_freeze_count);
    vm.add_function(d, n, "set_debug", gc_set_debug);
    vm.add_function(d, n, "get_debug", gc_get_debug);
    for (name, v) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", DEBUG_LEAK),
    ] {
        vm.dict_set_str(d, name, vm.new_int(v as i64));
    }
    let garbage = GARBAGE.with(|g| {
        g.borrow_mut()
            .get_or_insert_with(|| vm.new_list(Vec::new()))
            .clone()
    });
    let callbacks = CALLBACKS.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| vm.new_list(Vec::new()))
            .clone()
    });
    vm.dict_set_str(d, "garbage", garbage);
    vm.dict_set_str(d, "callbacks", callbacks);
    Ok(m)
}
