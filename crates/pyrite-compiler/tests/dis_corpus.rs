//! `dis` equivalence with CPython 3.11: every file in `tests/dis_corpus/`
//! is compiled by us into a `.pyc`, then `tests/dis_compare.py` (run by
//! `python3`) disassembles our code objects and python3's own compile of
//! the same source and compares the listings (addresses normalised) and
//! the other `co_*` fields, recursively, including `co_positions()`.
//! Files listed in `tests/dis_corpus/KNOWN_DIFFERENCES.md` (as a line
//! `- FILE.py: reason`) are reported but do not fail the test.
//! Skipped with a message when `python3` is not available.

use std::path::Path;
use std::process::Command;

use pyrite_compiler::{compile, CompileFlags, Mode};

#[test]
fn dis_matches_cpython() {
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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis_corpus");
    let known = std::fs::read_to_string(dir.join("KNOWN_DIFFERENCES.md")).unwrap_or_default();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis_compare.py");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(f).unwrap();
        let code = match compile(
            &src,
            &f.to_string_lossy(),
            Mode::Exec,
            CompileFlags::default(),
        ) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{name}: does not compile: {e}"));
                continue;
            }
        };
        let pyc = std::env::temp_dir().join(format!("pyrite-dis-{}-{name}c", std::process::id()));
        std::fs::write(&pyc, pyrite_bytecode::marshal::write_pyc(&code, 0, 0)).unwrap();
        let out = Command::new("python3")
            .arg(&script)
            .arg(f)
            .arg(&pyc)
            .arg("--positions")
            .output()
            .unwrap();
        let _ = std::fs::remove_file(&pyc);
        if !out.status.success() {
            let report = String::from_utf8_lossy(&out.stdout).into_owned();
            if known.contains(&format!("- {name}:")) {
                eprintln!("known difference in {name}:\n{report}");
            } else {
                failures.push(format!(
                    "{name}:\n{report}{}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    eprintln!(
        "{} corpus files, {} unexpected differences",
        files.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
