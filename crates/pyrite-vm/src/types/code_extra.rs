//! The parts of `code` objects that `dis`, `inspect` and importlib use
//! beyond the plain `co_*` getters (those are in `runtime_methods.rs`):
//! `co_positions()`, `_varname_from_oparg`, `_co_code_adaptive`,
//! `replace()`, equality and hashing. Mirrors CPython 3.11
//! `Objects/codeobject.c`.

use std::rc::Rc;

use pyrite_bytecode::{CodeObject, Constant};

use super::code::PyCode;
use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::{PyObjectRef, PyResult, Vm};

fn code<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a PyCode> {
    o.downcast_ref::<PyCode>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'code' object"))
}

fn opt_int(vm: &Vm, v: Option<u32>) -> PyObjectRef {
    v.map(|v| vm.new_int(v as i64))
        .unwrap_or_else(|| vm.none.clone())
}

/// `co_positions()`: `(line, end_line, col, end_col)` per code unit.
fn code_positions(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "co_positions")?;
    let c = code(vm, o)?;
    let items = pyrite_bytecode::linetable::positions(&c.code)
        .into_iter()
        .map(|p| {
            vm.new_tuple(vec![
                opt_int(vm, p.line),
                opt_int(vm, p.end_line),
                opt_int(vm, p.col),
                opt_int(vm, p.end_col),
            ])
        })
        .collect();
    let l = vm.new_list(items);
    vm.iter(&l)
}

/// `_varname_from_oparg(i)`: the name of localsplus slot `i`.
fn varname_from_oparg(vm: &Vm, args: Args) -> PyResult {
    let [o, i] = args.exact::<2>(vm, "_varname_from_oparg")?;
    let c = code(vm, o)?;
    let i =
        crate::types::int::as_i64(i).ok_or_else(|| vm.new_type_error("an integer is required"))?;
    usize::try_from(i)
        .ok()
        .and_then(|i| c.localsplusnames.get(i))
        .cloned()
        .ok_or_else(|| vm.new_index_error("tuple index out of range"))
}

/// `_co_code_adaptive`: CPython's quickened bytecode. Pyrite specialises
/// into a private array, so the unspecialised `co_code` is what it shows.
fn co_code_adaptive(vm: &Vm, o: &PyObjectRef) -> PyResult {
    Ok(vm.alloc(
        PyBytes::new(code(vm, o)?.code.code.clone()),
        &vm.types.bytes,
    ))
}

fn code_eq(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    let (Some(x), Some(y)) = (a.downcast_ref::<PyCode>(), b.downcast_ref::<PyCode>()) else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(Rc::ptr_eq(&x.code, &y.code) || *x.code == *y.code))
}

fn code_hash(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__hash__")?;
    let c = &code(vm, o)?.code;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in c
        .name
        .bytes()
        .chain(c.code.iter().copied())
        .chain(c.argcount.to_le_bytes())
        .chain(c.flags.to_le_bytes())
    {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    let h = (h >> 2) as i64;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

fn kw_u32(vm: &Vm, v: &PyObjectRef) -> PyResult<u32> {
    crate::types::int::as_i64(v)
        .and_then(|i| u32::try_from(i).ok())
        .ok_or_else(|| vm.new_value_error("code: argument out of range"))
}

fn kw_bytes(vm: &Vm, name: &str, v: &PyObjectRef) -> PyResult<Vec<u8>> {
    v.downcast_ref::<PyBytes>()
        .map(|b| b.data.to_vec())
        .ok_or_else(|| {
            vm.new_type_error(format!(
                "replace() argument '{name}' must be bytes, not {}",
                vm.type_name(v)
            ))
        })
}

fn kw_str(vm: &Vm, name: &str, v: &PyObjectRef) -> PyResult<Rc<str>> {
    v.downcast_ref::<PyStr>()
        .map(|s| Rc::from(s.as_str()))
        .ok_or_else(|| {
            vm.new_type_error(format!(
                "replace() argument '{name}' must be str, not {}",
                vm.type_name(v)
            ))
        })
}

fn kw_names(vm: &Vm, name: &str, v: &PyObjectRef) -> PyResult<Vec<Rc<str>>> {
    let t = v.downcast_ref::<PyTuple>().ok_or_else(|| {
        vm.new_type_error(format!(
            "replace() argument '{name}' must be tuple, not {}",
            vm.type_name(v)
        ))
    })?;
    t.as_slice()
        .iter()
        .map(|s| {
            s.downcast_ref::<PyStr>()
                .map(|s| Rc::from(s.as_str()))
                .ok_or_else(|| {
                    vm.new_type_error("name tuples must contain only strings, not 'int'")
                })
        })
        .collect()
}

/// Rename the localsplus slots of one kind, keeping their order.
fn rename_slots(vm: &Vm, co: &mut CodeObject, kind: u8, names: Vec<Rc<str>>) -> PyResult<()> {
    let slots: Vec<usize> = (0..co.localspluskinds.len())
        .filter(|&i| co.localspluskinds[i] & kind != 0)
        .collect();
    if slots.len() != names.len() {
        return Err(vm.new_value_error(
            "code: changing the number of local, cell or free variables is not supported",
        ));
    }
    for (i, n) in slots.into_iter().zip(names) {
        co.localsplusnames[i] = n;
    }
    Ok(())
}

/// `code.replace(**changes)`.
fn code_replace(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(o) = pos.first() else {
        return Err(vm.new_type_error("descriptor 'replace' of 'code' object needs an argument"));
    };
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!(
            "replace() takes no positional arguments ({} given)",
            pos.len() - 1
        )));
    }
    let c = code(vm, o)?;
    let mut co: CodeObject = (*c.code).clone();
    for (k, v) in args.kwargs() {
        match k {
            "co_argcount" => co.argcount = kw_u32(vm, v)?,
            "co_posonlyargcount" => co.posonlyargcount = kw_u32(vm, v)?,
            "co_kwonlyargcount" => co.kwonlyargcount = kw_u32(vm, v)?,
            "co_stacksize" => co.stacksize = kw_u32(vm, v)?,
            "co_flags" => co.flags = kw_u32(vm, v)?,
            "co_firstlineno" => co.firstlineno = kw_u32(vm, v)?,
            "co_nlocals" => {
                kw_u32(vm, v)?;
            }
            "co_code" => co.code = kw_bytes(vm, k, v)?,
            "co_linetable" => co.linetable = kw_bytes(vm, k, v)?,
            "co_exceptiontable" => co.exceptiontable = kw_bytes(vm, k, v)?,
            "co_filename" => co.filename = kw_str(vm, k, v)?,
            "co_name" => co.name = kw_str(vm, k, v)?,
            "co_qualname" => co.qualname = kw_str(vm, k, v)?,
            "co_names" => co.names = kw_names(vm, k, v)?,
            "co_varnames" => {
                let n = kw_names(vm, k, v)?;
                rename_slots(vm, &mut co, pyrite_bytecode::LocalKind::LOCAL, n)?
            }
            "co_cellvars" => {
                let n = kw_names(vm, k, v)?;
                rename_slots(vm, &mut co, pyrite_bytecode::LocalKind::CELL, n)?
            }
            "co_freevars" => {
                let n = kw_names(vm, k, v)?;
                rename_slots(vm, &mut co, pyrite_bytecode::LocalKind::FREE, n)?
            }
            "co_consts" => {
                let t = v.downcast_ref::<PyTuple>().ok_or_else(|| {
                    vm.new_type_error(format!(
                        "replace() argument 'co_consts' must be tuple, not {}",
                        vm.type_name(v)
                    ))
                })?;
                let consts: Option<Vec<Constant>> = t
                    .as_slice()
                    .iter()
                    .map(|x| crate::modules::marshal_read::to_constant(vm, x))
                    .collect();
                co.consts = consts.ok_or_else(|| {
                    vm.new_type_error("code: co_consts holds a value Pyrite cannot keep in code")
                })?;
            }
            _ => {
                return Err(vm.new_type_error(format!(
                    "'{k}' is an invalid keyword argument for replace()"
                )))
            }
        }
    }
    if !co.code.len().is_multiple_of(2) {
        return Err(vm.new_value_error("code: co_code is malformed"));
    }
    Ok(vm.new_code(Rc::new(co)))
}

/// Register the extra `code` attributes.
pub fn init(vm: &Vm) {
    let c = &vm.types.code;
    vm.add_method(c, "co_positions", code_positions);
    vm.add_method(c, "_varname_from_oparg", varname_from_oparg);
    vm.add_getset(c, "_co_code_adaptive", co_code_adaptive, None);
    vm.add_method(c, "replace", code_replace);
    vm.add_method(c, "__eq__", code_eq);
    vm.add_method(c, "__hash__", code_hash);
}
