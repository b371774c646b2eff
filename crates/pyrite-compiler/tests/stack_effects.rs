//! Checks the stack effects the compiler uses (the opcode table plus the
//! compiler's corrections) against `python3`'s `dis.stack_effect`.

use std::process::Command;

use pyrite_bytecode::Opcode;

#[test]
fn stack_effects_match_cpython() {
    let script = r#"
import dis, opcode
for name, op in opcode.opmap.items():
    for arg in (0, 1, 2, 3, 5, 259):
        for j in (False, True):
            try:
                e = dis.stack_effect(op, arg if op >= opcode.HAVE_ARGUMENT else None, jump=j)
            except ValueError:
                continue
            print(op, arg, int(j), e)
"#;
    let out = match Command::new("python3").args(["-c", script]).output() {
        Ok(o) if o.status.success() => String::from_utf8(o.stdout).unwrap(),
        _ => {
            eprintln!("skipped: python3 not available");
            return;
        }
    };
    let mut bad = Vec::new();
    for line in out.lines() {
        let v: Vec<i64> = line
            .split_whitespace()
            .map(|x| x.parse().unwrap())
            .collect();
        let op = Opcode::from_u8(v[0] as u8).unwrap();
        let ours = pyrite_compiler::stack_effect(op, v[1] as u32, v[2] == 1);
        if ours as i64 != v[3] {
            bad.push(format!(
                "{} arg={} jump={}: ours {} cpython {}",
                op.name(),
                v[1],
                v[2],
                ours,
                v[3]
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
