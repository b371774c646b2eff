//! CPython as the oracle for the compiler: every program in `tests/cases/`
//! (the workspace's differential cases) and in this crate's
//! `tests/programs/` is compiled to a `.pyc` by us, run by `python3` in a
//! temporary directory (with its `helpermod_*.py` siblings), and its stdout
//! and exit code compared with `python3` running the source. A program
//! CPython itself rejects must be rejected by us with the same error type,
//! message and line. Skipped with a message when `python3` is missing.
//!
//! Known failures are listed in this crate's `tests/XFAIL_ROUNDTRIP` (one
//! file name per line, `#` comments) with the reason.

use std::path::{Path, PathBuf};
use std::process::Command;

use pyrite_compiler::{compile, CompileError, CompileFlags, Mode};

fn python_available() -> bool {
    Command::new("python3")
        .arg("-c")
        .arg("pass")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn run_python(dir: &Path, file: &str) -> (String, i32, String) {
    let out = Command::new("python3")
        .arg(file)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("run python3");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn cpython_compile_error(src: &Path) -> Option<String> {
    let script = "import sys\ntry:\n    compile(open(sys.argv[1], 'rb').read(), 'x', 'exec')\nexcept SyntaxError as e:\n    print(type(e).__name__, e.msg, e.lineno, sep='|')\n";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(src)
        .output()
        .ok()?;
    let s = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    (!s.is_empty()).then_some(s)
}

fn xfails() -> Vec<String> {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/XFAIL_ROUNDTRIP"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap().trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Check one program; `Err` describes the difference.
fn check(path: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let expected_err = cpython_compile_error(path);
    let code = match compile(
        &source,
        &format!("{name}.py"),
        Mode::Exec,
        CompileFlags::default(),
    ) {
        Ok(c) => c,
        Err(CompileError::Syntax { error, .. }) => {
            let ours = format!("{}|{}|{}", error.kind.name(), error.msg, error.lineno);
            return match expected_err {
                Some(e) if e == ours => Ok(()),
                Some(e) => Err(format!("syntax error differs: cpython {e}, ours {ours}")),
                None => Err(format!("we reject a valid program: {ours}")),
            };
        }
        Err(CompileError::Recursion(m)) => return Err(format!("RecursionError: {m}")),
    };
    if let Some(e) = expected_err {
        return Err(format!("CPython rejects it ({e}) but we compiled it"));
    }
    let tmp = std::env::temp_dir().join(format!("pyrite-rt-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    if let Ok(rd) = std::fs::read_dir(path.parent().unwrap()) {
        for e in rd.flatten() {
            let f = e.file_name().to_string_lossy().into_owned();
            if f.starts_with("helpermod_") && f.ends_with(".py") {
                let _ = std::fs::copy(e.path(), tmp.join(&f));
            }
        }
    }
    std::fs::write(tmp.join(format!("{name}.py")), &source).map_err(|e| e.to_string())?;
    let (exp_out, exp_rc, _) = run_python(&tmp, &format!("{name}.py"));
    std::fs::remove_file(tmp.join(format!("{name}.py"))).ok();
    let pyc = pyrite_bytecode::marshal::write_pyc(&code, 0, source.len() as u32);
    std::fs::write(tmp.join(format!("{name}.pyc")), pyc).map_err(|e| e.to_string())?;
    let (got_out, got_rc, got_err) = run_python(&tmp, &format!("{name}.pyc"));
    let _ = std::fs::remove_dir_all(&tmp);
    if exp_out != got_out || exp_rc != got_rc {
        let first_diff = exp_out
            .lines()
            .zip(got_out.lines())
            .find(|(a, b)| a != b)
            .map(|(a, b)| format!("first differing line:\n  expected: {a}\n  got:      {b}"))
            .unwrap_or_else(|| "outputs differ in length".into());
        return Err(format!(
            "exit {exp_rc} vs {got_rc}; {first_diff}\n  stderr tail: {}",
            got_err.lines().last().unwrap_or("")
        ));
    }
    Ok(())
}

fn programs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "py")
                        && !p
                            .file_name()
                            .unwrap()
                            .to_string_lossy()
                            .starts_with("helpermod_")
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn run_dir(dir: &Path) {
    if !python_available() {
        eprintln!("skipped: python3 not available");
        return;
    }
    let xf = xfails();
    let mut failures = Vec::new();
    let mut passed = 0;
    for p in programs(dir) {
        let fname = p.file_name().unwrap().to_string_lossy().into_owned();
        match check(&p) {
            Ok(()) => {
                passed += 1;
                if xf.contains(&fname) {
                    eprintln!("note: {fname} is listed in XFAIL_ROUNDTRIP but passes");
                }
            }
            Err(e) if xf.contains(&fname) => eprintln!("expected failure {fname}: {e}"),
            Err(e) => failures.push(format!("{fname}: {e}")),
        }
    }
    eprintln!(
        "{}: {passed} passed, {} failed",
        dir.display(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn roundtrip_own_programs() {
    run_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs"));
}

#[test]
fn roundtrip_workspace_cases() {
    run_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases"));
}
