//! `-X trace`: one line per executed instruction with the top of the value
//! stack, for people learning how the VM works.

use pyrite_bytecode::opcodes::Opcode;

use crate::eval::frame::Frame;
use crate::Vm;

pub fn trace_instruction(vm: &Vm, f: &Frame, op: Opcode, arg: u32) {
    let mut stack = Vec::new();
    for s in &f.slots[f.stack_base()..f.sp] {
        stack.push(match s {
            Some(v) => vm.repr_string(v).unwrap_or_else(|_| "<?>".into()),
            None => "NULL".into(),
        });
    }
    let argtxt = if op.has_arg() {
        arg.to_string()
    } else {
        String::new()
    };
    eprintln!(
        "[{}:{}] {:>4} {:<24} {:>5}  stack: [{}]",
        f.code.code.name,
        f.lineno().map(|l| l.to_string()).unwrap_or_default(),
        f.lasti * 2,
        op.name(),
        argtxt,
        stack.join(", ")
    );
}
