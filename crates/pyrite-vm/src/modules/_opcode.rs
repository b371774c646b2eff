//! `_opcode`: `stack_effect(opcode, oparg=None, /, *, jump=None)` exactly
//! as CPython 3.11's `Modules/_opcode.c` (which `opcode.py` re-exports and
//! `dis` uses), computed from the shared opcode table.

use pyrite_bytecode::Opcode;

use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

/// `HAVE_ARGUMENT`: opcodes from here on take an argument.
const HAVE_ARGUMENT: i64 = 90;

fn int_arg(vm: &Vm, o: &PyObjectRef) -> PyResult<i64> {
    if o.downcast_ref::<crate::types::int::PyInt>().is_none() {
        return Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(o)
        )));
    }
    crate::types::int::as_i64(o)
        .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C int"))
}

fn stack_effect(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.new_type_error(format!(
            "stack_effect expected at least 1 argument, got {}",
            pos.len()
        )));
    }
    let mut jump: Option<PyObjectRef> = None;
    for (k, v) in args.kwargs() {
        if k == "jump" {
            jump = Some(v.clone());
        } else {
            return Err(vm.new_type_error(format!(
                "stack_effect() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    let op = int_arg(vm, &pos[0])?;
    let oparg = pos.get(1).filter(|o| !o.is(&vm.none));
    let oparg = if op >= HAVE_ARGUMENT {
        match oparg {
            Some(a) => int_arg(vm, a)?,
            None => {
                return Err(vm.new_value_error(
                    "stack_effect: opcode requires oparg but oparg was not specified",
                ))
            }
        }
    } else {
        if oparg.is_some() {
            return Err(vm.new_value_error(
                "stack_effect: opcode does not permit oparg but oparg was specified",
            ));
        }
        0
    };
    let jump = match jump.filter(|j| !j.is(&vm.none)) {
        None => None,
        Some(j) if j.is(&vm.true_) => Some(true),
        Some(j) if j.is(&vm.false_) => Some(false),
        Some(_) => return Err(vm.new_value_error("stack_effect: jump must be False, True or None")),
    };
    let invalid = || vm.new_value_error("invalid opcode or oparg");
    let code = u8::try_from(op)
        .ok()
        .and_then(Opcode::from_u8)
        .ok_or_else(invalid)?;
    // The table reads the argument back as a C int, so negative
    // arguments keep their value through the round trip.
    let oparg = i32::try_from(oparg)
        .map_err(|_| vm.new_overflow_error("signed integer is greater than maximum"))?
        as u32;
    let effect = match jump {
        Some(j) => code.stack_effect(oparg, j),
        // Neither given: the larger of the two (what the compiler needs).
        None => code
            .stack_effect(oparg, false)
            .max(code.stack_effect(oparg, true)),
    };
    Ok(vm.new_int(effect as i64))
}

fn get_specialization_stats(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.none.clone())
}

/// Create the `_opcode` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_opcode", Some("Opcode support module."));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    vm.add_function(d, "_opcode", "stack_effect", stack_effect);
    vm.add_function(
        d,
        "_opcode",
        "get_specialization_stats",
        get_specialization_stats,
    );
    Ok(m)
}
