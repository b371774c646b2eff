//! `eval` and `single` (interactive) modes against CPython 3.11: the code
//! objects of a few sources compiled in each mode must disassemble the same
//! as `python3`'s `compile(src, 'm', mode)`. Skipped without `python3`.

use std::process::Command;

use pyrite_compiler::{compile, CompileFlags, Mode};

fn compare(src: &str, mode: Mode, mode_name: &str) -> Result<(), String> {
    let code = compile(src, "m", mode, CompileFlags::default()).map_err(|e| e.to_string())?;
    let bytes = pyrite_bytecode::marshal::dumps_code(&code);
    let script = r#"
import dis, io, marshal, re, sys
src, mode = sys.argv[1], sys.argv[2]
ours = marshal.loads(sys.stdin.buffer.read())
theirs = compile(src, 'm', mode, dont_inherit=True)
def lst(co):
    out = io.StringIO()
    dis.dis(co, file=out)
    return re.sub(r' at 0x[0-9a-f]+', '', out.getvalue() + repr(list(co.co_positions())) + repr(co.co_consts[:1]))
a, b = lst(theirs), lst(ours)
if a != b:
    print(a); print('----'); print(b); sys.exit(1)
"#;
    use std::io::Write;
    let mut child = Command::new("python3")
        .args(["-c", script, src, mode_name])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

#[test]
fn eval_and_single_modes_match_cpython() {
    if !Command::new("python3")
        .arg("-c")
        .arg("pass")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
    {
        eprintln!("skipped: python3 not available");
        return;
    }
    let cases: &[(&str, Mode, &str)] = &[
        ("1 + 2", Mode::Eval, "eval"),
        ("[x * y for x in range(3) if x]", Mode::Eval, "eval"),
        ("a if b else c(d, *e, k=1)", Mode::Eval, "eval"),
        ("lambda q: q ** 2", Mode::Eval, "eval"),
        ("x = 1", Mode::Single, "single"),
        ("1 + 2", Mode::Single, "single"),
        ("f(x)", Mode::Single, "single"),
        ("for i in range(3): i\n", Mode::Single, "single"),
        ("if x:\n    y\nelse:\n    z\n", Mode::Single, "single"),
        ("def f():\n    return 1\n", Mode::Single, "single"),
        ("x: int = 3", Mode::Single, "single"),
    ];
    let mut bad = Vec::new();
    for (src, mode, name) in cases {
        if let Err(e) = compare(src, *mode, name) {
            bad.push(format!("{src:?} ({name}):\n{e}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
