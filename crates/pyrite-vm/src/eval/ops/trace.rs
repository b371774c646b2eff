//! `-X trace` (alias `--trace`): one line on stderr per executed
//! instruction, with the value stack as it is before the instruction runs,
//! for people learning how the VM works:
//!
//! ```text
//! add:2       4 LOAD_FAST                0 (a)              stack: []
//! add:2       6 LOAD_FAST                1 (b)              stack: [1]
//! add:2       8 BINARY_OP                0 (+)              stack: [1, 2]
//! ```
//!
//! Columns: code name and line, instruction offset, opcode name, argument
//! and (like `dis`) what the argument means, then the stack bottom to top.
//! The evaluation loop is compiled twice (a `const TRACE: bool` parameter)
//! and `run_frame` picks the tracing copy only when the flag is set, so the
//! ordinary loop has no tracing code at all.

use std::cell::Cell;

use pyrite_bytecode::opcodes::{ArgKind, Opcode, CMP_OPS, NB_OPS};

use crate::eval::frame::Frame;
use crate::{PyObjectRef, PyResult, Vm};

/// Longest repr shown for one stack value.
const MAX_REPR: usize = 40;

thread_local! {
    /// Set while a line is being formatted: a `__repr__` written in Python
    /// runs frames too, and tracing those would recurse forever.
    static FORMATTING: Cell<bool> = const { Cell::new(false) };
}

/// Trace the instructions the decoder folded into the one at `lasti`
/// (a `RESUME`, a `PRECALL`, a `LOAD_FAST` or `LOAD_CONST`: see
/// `eval/decode.rs`) as if they had run, so the trace shows every
/// instruction of the bytecode; a folded load pushes its value, which the
/// instruction then pops as if unfolded.
pub fn trace_folded(vm: &Vm, f: &mut Frame, pc: usize, lasti: usize) -> PyResult<()> {
    let saved = f.lasti;
    let mut p = pc;
    while p < lasti {
        let raw = &f.code.code.code;
        let (Some(&byte), Some(&arg)) = (raw.get(p * 2), raw.get(p * 2 + 1)) else {
            break;
        };
        match Opcode::from_u8(byte) {
            Some(
                op @ (Opcode::RESUME | Opcode::PRECALL | Opcode::LOAD_FAST | Opcode::LOAD_CONST),
            ) => {
                f.lasti = p;
                trace_instruction(vm, f, op, arg as u32);
                if op == Opcode::PRECALL {
                    // So the `CALL` line shows the stack `PRECALL` leaves.
                    let _ = super::call::precall(vm, f, arg as u32);
                }
                if op == Opcode::LOAD_CONST {
                    let c = f.code.consts[arg as usize].clone();
                    f.push(c);
                }
                if op == Opcode::LOAD_FAST {
                    // The folded instruction then takes its operand from
                    // the stack, as unfolded.
                    match f.slots[arg as usize].clone() {
                        Some(v) => f.push(v),
                        None => {
                            vm.top_lasti.set(p);
                            return Err(super::locals::unbound_local(vm, f, arg as u32));
                        }
                    }
                }
                p += 1 + op.cache_entries();
            }
            // The prefixes of the instruction itself.
            _ => break,
        }
    }
    f.lasti = saved;
    Ok(())
}

pub fn trace_instruction(vm: &Vm, f: &Frame, op: Opcode, arg: u32) {
    if FORMATTING.with(|c| c.replace(true)) {
        return;
    }
    let stack: Vec<String> = f.slots[f.stack_base()..f.sp]
        .iter()
        .map(|s| match s {
            Some(v) => short_repr(vm, v),
            None => "NULL".into(),
        })
        .collect();
    let offset = f.lasti * 2;
    let (argtxt, meaning) = if op.has_arg() {
        (arg.to_string(), arg_meaning(vm, f, op, arg, offset))
    } else {
        (String::new(), String::new())
    };
    let meaning = if meaning.is_empty() {
        meaning
    } else {
        format!("({meaning})")
    };
    let place = format!(
        "{}:{}",
        f.code.code.name,
        f.lineno().map(|l| l.to_string()).unwrap_or_default()
    );
    eprintln!(
        "{place:<12}{offset:>4} {:<24} {argtxt:>3} {meaning:<18} stack: [{}]",
        op.name(),
        stack.join(", ")
    );
    FORMATTING.with(|c| c.set(false));
}

/// An exception raised in `f`: where it goes (a handler in this frame, or
/// out to the caller).
pub fn trace_exception(vm: &Vm, f: &Frame, exc: &crate::PyBaseExceptionRef, handler: Option<u32>) {
    if FORMATTING.with(|c| c.replace(true)) {
        return;
    }
    let what = short_repr(vm, exc.as_object());
    let name = &f.code.code.name;
    match handler {
        Some(target) => eprintln!("{name}: exception {what} -> handler at {target}"),
        None => eprintln!("{name}: exception {what} leaves {name}"),
    }
    FORMATTING.with(|c| c.set(false));
}

fn short_repr(vm: &Vm, v: &PyObjectRef) -> String {
    let r = vm
        .repr_string(v)
        .unwrap_or_else(|_| format!("<{} object>", vm.type_name(v)));
    // `<function add at 0x7f...>` -> `<function add>`: addresses say
    // nothing to a reader and change from run to run.
    let r = match r.find(" at 0x") {
        Some(i) if r.starts_with('<') => format!("{}>", &r[..i]),
        _ => r,
    };
    if r.chars().count() > MAX_REPR {
        let mut s: String = r.chars().take(MAX_REPR - 3).collect();
        s.push_str("...");
        s
    } else {
        r
    }
}

/// What `dis` would print in parentheses after the argument.
fn arg_meaning(vm: &Vm, f: &Frame, op: Opcode, arg: u32, offset: usize) -> String {
    let code = &f.code;
    let name_at = |names: &[PyObjectRef], i: usize| {
        names
            .get(i)
            .and_then(|n| vm.str_string(n).ok())
            .unwrap_or_default()
    };
    match op.arg_kind() {
        ArgKind::Const => code
            .consts
            .get(arg as usize)
            .map(|c| short_repr(vm, c))
            .unwrap_or_default(),
        ArgKind::Name if op == Opcode::LOAD_GLOBAL => {
            let n = name_at(&code.names, (arg >> 1) as usize);
            if arg & 1 == 1 {
                format!("NULL + {n}")
            } else {
                n
            }
        }
        ArgKind::Name => name_at(&code.names, arg as usize),
        ArgKind::Local | ArgKind::Free => name_at(&code.localsplusnames, arg as usize),
        ArgKind::Compare => CMP_OPS.get(arg as usize).copied().unwrap_or("").into(),
        ArgKind::JumpRel => {
            let next = offset + 2 + 2 * op.cache_entries();
            let target = if op.name().contains("BACKWARD") {
                next.saturating_sub(2 * arg as usize)
            } else {
                next + 2 * arg as usize
            };
            format!("to {target}")
        }
        ArgKind::Num if op == Opcode::BINARY_OP => {
            NB_OPS.get(arg as usize).map(|o| o.1).unwrap_or("").into()
        }
        _ => String::new(),
    }
}
