//! Fast locals, cells and free variables: `LOAD_FAST` errors, `MAKE_CELL`,
//! `COPY_FREE_VARS`, `LOAD_DEREF`, `STORE_DEREF`, `DELETE_DEREF`,
//! `LOAD_CLASSDEREF`.

use pyrite_bytecode::LocalKind;

use crate::eval::frame::Frame;
use crate::types::cell::PyCell;
use crate::types::function::PyFunction;
use crate::types::tuple::PyTuple;
use crate::{PyBaseExceptionRef, PyResult, Vm};

fn slot_name(f: &Frame, i: u32) -> String {
    f.code
        .code
        .localsplusnames
        .get(i as usize)
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// UnboundLocalError for fast local `i`.
pub fn unbound_local(vm: &Vm, f: &Frame, i: u32) -> PyBaseExceptionRef {
    vm.new_unbound_local_error(&slot_name(f, i))
}

fn unbound_deref(vm: &Vm, f: &Frame, i: u32) -> PyBaseExceptionRef {
    let name = slot_name(f, i);
    let kind = f
        .code
        .code
        .localspluskinds
        .get(i as usize)
        .copied()
        .unwrap_or(0);
    if kind & LocalKind::FREE != 0 {
        vm.new_name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ))
    } else {
        vm.new_unbound_local_error(&name)
    }
}

pub fn make_cell(vm: &Vm, f: &mut Frame, i: u32) -> PyResult<()> {
    let v = f.slots[i as usize].take();
    f.slots[i as usize] = Some(vm.alloc(PyCell::new(v), &vm.types.cell));
    Ok(())
}

pub fn copy_free_vars(vm: &Vm, f: &mut Frame, n: u32) -> PyResult<()> {
    let func = f
        .func
        .clone()
        .ok_or_else(|| vm.new_system_error("COPY_FREE_VARS without a function"))?;
    let pf = func
        .downcast_ref::<PyFunction>()
        .ok_or_else(|| vm.new_system_error("COPY_FREE_VARS without a function"))?;
    let closure = pf
        .closure
        .as_ref()
        .ok_or_else(|| vm.new_system_error("function has no closure"))?;
    let cells = closure
        .downcast_ref::<PyTuple>()
        .ok_or_else(|| vm.new_system_error("bad closure"))?;
    let n = n as usize;
    let total = f.code.code.localsplusnames.len();
    if cells.len() < n || total < n {
        return Err(vm.new_system_error("closure size mismatch"));
    }
    let offset = total - n;
    for (k, c) in cells.items.iter().take(n).enumerate() {
        f.slots[offset + k] = Some(c.clone());
    }
    Ok(())
}

fn cell_at(f: &Frame, i: u32) -> Option<&PyCell> {
    f.slots[i as usize]
        .as_ref()
        .and_then(|c| c.downcast_ref::<PyCell>())
}

pub fn load_deref(vm: &Vm, f: &mut Frame, i: u32) -> PyResult<()> {
    match cell_at(f, i).and_then(|c| c.get()) {
        Some(v) => {
            f.push(v);
            Ok(())
        }
        None => Err(unbound_deref(vm, f, i)),
    }
}

pub fn store_deref(vm: &Vm, f: &mut Frame, i: u32) -> PyResult<()> {
    let v = f.pop();
    match cell_at(f, i) {
        Some(c) => {
            c.set(Some(v));
            Ok(())
        }
        None => Err(vm.new_system_error("STORE_DEREF on a non-cell")),
    }
}

pub fn delete_deref(vm: &Vm, f: &mut Frame, i: u32) -> PyResult<()> {
    match cell_at(f, i) {
        Some(c) if c.get().is_some() => {
            c.set(None);
            Ok(())
        }
        _ => Err(unbound_deref(vm, f, i)),
    }
}

pub fn load_classderef(vm: &Vm, f: &mut Frame, i: u32) -> PyResult<()> {
    let name = vm.intern(&slot_name(f, i));
    if let Some(locals) = &f.locals {
        let found = match locals.downcast_ref::<crate::types::dict::PyDict>() {
            Some(d) => d.get_item(vm, &name)?,
            None => match vm.get_item(locals, &name) {
                Ok(v) => Some(v),
                Err(e) if vm.exc_matches(&e, &vm.exc.KeyError) => None,
                Err(e) => return Err(e),
            },
        };
        if let Some(v) = found {
            f.push(v);
            return Ok(());
        }
    }
    load_deref(vm, f, i)
}
