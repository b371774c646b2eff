//! Compile errors against CPython 3.11: every case in
//! `tests/syntax_errors/cases.txt` (one source per line, `\n` escapes) is
//! compiled by us and by `python3`'s `compile()`; the exception type,
//! message and line must agree (columns are reported but not required).
//! Skipped with a message when `python3` is not available.

use std::process::Command;

use pyrite_compiler::{compile, CompileError, CompileFlags, Mode};

fn cpython_error(src: &str) -> Option<String> {
    let script = r#"
import sys
src = sys.stdin.read()
try:
    compile(src, 'e.py', 'exec')
    print('OK')
except (SyntaxError, RecursionError, MemoryError) as e:
    if isinstance(e, SyntaxError):
        print(type(e).__name__, e.msg, e.lineno, e.offset, sep='|')
    else:
        print(type(e).__name__, str(e), 0, 0, sep='|')
"#;
    use std::io::Write;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(src.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn our_error(src: &str) -> String {
    match compile(src, "e.py", Mode::Exec, CompileFlags::default()) {
        Ok(_) => "OK".into(),
        Err(CompileError::Syntax { error, .. }) => {
            format!(
                "{}|{}|{}|{}",
                error.kind.name(),
                error.msg,
                error.lineno,
                error.offset
            )
        }
        Err(CompileError::Recursion(m)) => format!("RecursionError|{m}|0|0"),
    }
}

#[test]
fn syntax_errors_match_cpython() {
    if cpython_error("x = 1\n").is_none() {
        eprintln!("skipped: python3 not available");
        return;
    }
    let cases = include_str!("syntax_errors/cases.txt");
    let mut bad = Vec::new();
    let mut col_diffs = 0;
    let mut total = 0;
    for line in cases.lines().filter(|l| !l.trim().is_empty()) {
        let src = line.replace("\\n", "\n");
        let theirs = cpython_error(&src).unwrap();
        let ours = our_error(&src);
        total += 1;
        let key = |s: &str| s.splitn(4, '|').take(3).collect::<Vec<_>>().join("|");
        if key(&theirs) != key(&ours) {
            bad.push(format!(
                "{line:?}\n    cpython: {theirs}\n    ours:    {ours}"
            ));
        } else if theirs != ours {
            col_diffs += 1;
            eprintln!("column differs for {line:?}: cpython {theirs} ours {ours}");
        }
    }
    eprintln!(
        "{total} cases, {} mismatches, {col_diffs} column differences",
        bad.len()
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
