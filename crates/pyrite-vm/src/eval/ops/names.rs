//! Name lookup: globals, builtins, the locals mapping of module and class
//! bodies, and `LOAD_METHOD`'s bound-method-free lookup.

use crate::eval::frame::Frame;
use crate::types::descr::{MethodKind, PyMethodDescr};
use crate::types::dict::PyDict;
use crate::types::function::PyFunction;
use crate::types::instance_values::InlineAttr;
use crate::types::str::PyStr;
use crate::types::typeobj::class_of;
use crate::{PyObjectRef, PyResult, Vm};

fn name_error(vm: &Vm, name: &PyObjectRef) -> crate::PyBaseExceptionRef {
    let n = name
        .downcast_ref::<PyStr>()
        .map(|s| s.as_str())
        .unwrap_or("?");
    let e = vm.new_name_error(format!("name '{n}' is not defined"));
    let _ = vm.set_attr_str(e.as_object(), "name", name.clone());
    e
}

/// Look `name` up in a dict object (fast for exact dicts and str names).
fn dict_lookup(vm: &Vm, d: &PyObjectRef, name: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    match d.downcast_ref::<PyDict>() {
        Some(dict) => match name.downcast_ref::<PyStr>() {
            Some(s) => Ok(dict.get_str(s)),
            None => dict.get_item(vm, name),
        },
        None => match vm.get_item(d, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if vm.exc_matches(&e, &vm.exc.KeyError) => Ok(None),
            Err(e) => Err(e),
        },
    }
}

/// `LOAD_GLOBAL`: the cache hit is inlined into the dispatch loop.
#[inline(always)]
pub fn load_global(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    match load_global_hit(f, (arg >> 1) as usize) {
        Some(v) => {
            push_global(f, arg, v);
            Ok(())
        }
        None => load_global_slow(vm, f, arg),
    }
}

/// Push a global's value, after a NULL when the argument's low bit asks
/// for one (a call follows).
#[inline(always)]
fn push_global(f: &mut Frame, arg: u32, v: PyObjectRef) {
    if arg & 1 != 0 {
        f.push_opt(None);
    }
    f.push(v);
}

/// The value cached for name `idx`, if the cache is valid for both
/// namespaces.
#[inline(always)]
fn load_global_hit(f: &Frame, idx: usize) -> Option<PyObjectRef> {
    let g = f.globals.downcast_ref::<PyDict>()?;
    let b = f.builtins.downcast_ref::<PyDict>()?;
    let c = f.code.global_cache.get(idx)?.get();
    if c.globals_version == g.version() && c.builtins_version == b.version() {
        let d = if c.in_builtins { b } else { g };
        return d.value_at(c.index as usize);
    }
    None
}

#[inline(never)]
fn load_global_slow(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let idx = (arg >> 1) as usize;
    let v = match load_global_cached(f, idx) {
        Some(v) => v,
        None => {
            let name = f.code.names[idx].clone();
            match dict_lookup(vm, &f.globals, &name)? {
                Some(v) => v,
                None => match dict_lookup(vm, &f.builtins, &name)? {
                    Some(v) => v,
                    None => return Err(name_error(vm, &name)),
                },
            }
        }
    };
    push_global(f, arg, v);
    Ok(())
}

/// `LOAD_GLOBAL` through the code object's cache (CPython 3.11 specialises
/// the instruction to `LOAD_GLOBAL_MODULE`/`_BUILTIN` with dict versions;
/// this is the same check without rewriting the bytecode). Fills the cache
/// on a miss when both namespaces are exact dicts.
#[inline]
fn load_global_cached(f: &Frame, idx: usize) -> Option<PyObjectRef> {
    use crate::types::code::GlobalCache;
    let g = f.globals.downcast_ref::<PyDict>()?;
    let b = f.builtins.downcast_ref::<PyDict>()?;
    let slot = f.code.global_cache.get(idx)?;
    let c = slot.get();
    if c.globals_version == g.version() && c.builtins_version == b.version() {
        let d = if c.in_builtins { b } else { g };
        if let Some(v) = d.value_at(c.index as usize) {
            return Some(v);
        }
    }
    let name = f.code.names[idx].downcast_ref::<PyStr>()?;
    let (in_builtins, index) = match g.find_str_index(name) {
        Some(i) => (false, i),
        None => (true, b.find_str_index(name)?),
    };
    // A lookup cannot run Python code here (str keys only), so the versions
    // read now match the contents just searched.
    slot.set(GlobalCache {
        globals_version: g.version(),
        builtins_version: b.version(),
        index: index as u32,
        in_builtins,
    });
    let d = if in_builtins { b } else { g };
    d.value_at(index)
}

pub fn store_global(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let name = f.code.names[arg as usize].clone();
    let v = f.pop();
    vm.set_item(&f.globals, name, v)
}

pub fn delete_global(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let name = f.code.names[arg as usize].clone();
    match vm.del_item(&f.globals, &name) {
        Err(e) if vm.exc_matches(&e, &vm.exc.KeyError) => Err(name_error(vm, &name)),
        r => r,
    }
}

pub fn load_name(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let name = f.code.names[arg as usize].clone();
    if let Some(locals) = f.locals.clone() {
        if let Some(v) = dict_lookup(vm, &locals, &name)? {
            f.push(v);
            return Ok(());
        }
    }
    let v = match dict_lookup(vm, &f.globals, &name)? {
        Some(v) => v,
        None => match dict_lookup(vm, &f.builtins, &name)? {
            Some(v) => v,
            None => return Err(name_error(vm, &name)),
        },
    };
    f.push(v);
    Ok(())
}

pub fn store_name(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let name = f.code.names[arg as usize].clone();
    let v = f.pop();
    match f.locals.clone() {
        Some(l) => vm.set_item(&l, name, v),
        None => Err(vm.new_system_error("no locals found when storing a name")),
    }
}

pub fn delete_name(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let name = f.code.names[arg as usize].clone();
    match f.locals.clone() {
        Some(l) => match vm.del_item(&l, &name) {
            Err(e) if vm.exc_matches(&e, &vm.exc.KeyError) => Err(name_error(vm, &name)),
            r => r,
        },
        None => Err(vm.new_system_error("no locals when deleting a name")),
    }
}

/// `LOAD_METHOD`'s generic part: push `(method, self)` and return true when
/// the attribute is a plain method found on the type (no bound-method
/// object is made); else push nothing.
pub fn push_method(
    vm: &Vm,
    f: &mut Frame,
    obj: &PyObjectRef,
    name: &PyObjectRef,
) -> PyResult<bool> {
    let cls = class_of(obj);
    let plain_getattr = cls.ext.getattro.get().is_none()
        && (!cls.ext.heap
            || cls
                .ext
                .lookup(&vm.names.__getattribute__)
                .is_some_and(|g| g.downcast_ref::<PyMethodDescr>().is_some()));
    if plain_getattr {
        if let Some(m) = cls.ext.lookup(name) {
            let is_method = m.downcast_ref::<PyFunction>().is_some()
                || m.downcast_ref::<PyMethodDescr>()
                    .is_some_and(|d| d.kind == MethodKind::Instance);
            if is_method {
                let shadowed = match vm.inline_attr(obj, name) {
                    InlineAttr::Found(_) => true,
                    InlineAttr::Missing => false,
                    InlineAttr::NotInline => match obj.dict_slot() {
                        Some(slot) => {
                            let d = slot.take();
                            slot.set(d.clone());
                            match d {
                                Some(d) => dict_lookup(vm, &d, name)?.is_some(),
                                None => false,
                            }
                        }
                        None => false,
                    },
                };
                if !shadowed {
                    f.push(m);
                    f.push(obj.clone());
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

pub fn setup_annotations(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let Some(locals) = f.locals.clone() else {
        return Err(vm.new_system_error("no locals found when setting up annotations"));
    };
    let key = vm.names.__annotations__.clone();
    if dict_lookup(vm, &locals, &key)?.is_none() {
        vm.set_item(&locals, key, vm.new_dict().into_object())?;
    }
    Ok(())
}

/// Interactive mode: `sys.displayhook(value)`.
pub fn print_expr(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let v = f.pop();
    let hook = vm.sys_attr("displayhook")?;
    vm.call(&hook, &[v]).map(|_| ())
}
