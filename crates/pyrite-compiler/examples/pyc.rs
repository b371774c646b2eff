//! Dev tool: compile a Python source file into a CPython-3.11 `.pyc`.
//!
//! `cargo run -p pyrite-compiler --example pyc -- SRC.py OUT.pyc`
//!
//! With it CPython is the oracle for the compiler: `python3 OUT.pyc` must
//! behave like `python3 SRC.py`. Syntax errors are printed in CPython's
//! format and exit with status 1.

use std::process::ExitCode;

use pyrite_compiler::{compile, CompileError, CompileFlags, Mode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: pyc SRC.py OUT.pyc");
        return ExitCode::from(2);
    }
    let src_path = &args[1];
    let source = match std::fs::read(src_path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("pyc: cannot read {src_path}: {e}");
            return ExitCode::from(2);
        }
    };
    let meta = std::fs::metadata(src_path).ok();
    let mtime = meta
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as u32)
        .unwrap_or(0);
    let size = source.len() as u32;
    match compile(&source, src_path, Mode::Exec, CompileFlags::default()) {
        Ok(code) => {
            let bytes = pyrite_bytecode::marshal::write_pyc(&code, mtime, size);
            if let Err(e) = std::fs::write(&args[2], bytes) {
                eprintln!("pyc: cannot write {}: {e}", args[2]);
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        Err(CompileError::Syntax { error, filename }) => {
            eprintln!("  File \"{}\", line {}", filename, error.lineno);
            if let Some(t) = &error.text {
                eprintln!("    {}", t.trim_end());
            }
            eprintln!("{}: {}", error.kind.name(), error.msg);
            ExitCode::from(1)
        }
        Err(CompileError::Recursion(m)) => {
            eprintln!("RecursionError: {m}");
            ExitCode::from(1)
        }
    }
}
