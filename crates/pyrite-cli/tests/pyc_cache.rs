//! The import system's bytecode cache, end to end: a 20-module program is
//! run twice; the second run must load every module from its
//! `__pycache__/*.pyrite-311.pyc` without compiling anything (checked with
//! the interpreter's own counters, `sys._pyrite_import_stats()`, and with
//! the cache files' unchanged mtimes). Stale, truncated and corrupt caches
//! must fall back to compiling. Start-up time with and without caches is
//! measured and printed (never asserted: timing depends on the machine).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const MODULES: usize = 20;

fn pyrite() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pyrite"));
    c.env_remove("PYTHONDONTWRITEBYTECODE");
    c
}

fn program_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrite-pyc-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    for i in 0..MODULES {
        // Half the modules live in a package, to cover `__init__` and
        // submodule caches too.
        let path = if i < MODULES / 2 {
            dir.join(format!("mod{i:02}.py"))
        } else {
            dir.join("pkg").join(format!("mod{i:02}.py"))
        };
        let body = format!(
            "\"\"\"Module {i}.\"\"\"\n\
             import sys\n\
             VALUE = {i}\n\
             BIG = 2 ** 100 + {i}\n\
             NAMES = ('a', 'b', frozenset({{1, 2}}), b'bytes', 1.5, 2j, None, ...)\n\n\
             class Thing{i}:\n    def __init__(self, x):\n        self.x = x\n\n    \
             def total(self, *args, **kw):\n        try:\n            return self.x + sum(args) + len(kw)\n        \
             except TypeError as e:\n            return str(e)\n\n\
             def compute(n):\n    squares = [k * k for k in range(n) if k % 2]\n    \
             return sum(squares) + Thing{i}(VALUE).total(1, 2, z=3) + (BIG - 2 ** 100)\n"
        );
        std::fs::write(path, body).unwrap();
    }
    std::fs::write(
        dir.join("pkg").join("__init__.py"),
        (MODULES / 2..MODULES)
            .map(|i| format!("from . import mod{i:02}\n"))
            .collect::<String>(),
    )
    .unwrap();
    let mut main = String::from("import sys\n");
    for i in 0..MODULES / 2 {
        main.push_str(&format!("import mod{i:02}\n"));
    }
    main.push_str("import pkg\n");
    main.push_str("total = 0\n");
    for i in 0..MODULES {
        let m = if i < MODULES / 2 {
            format!("mod{i:02}")
        } else {
            format!("pkg.mod{i:02}")
        };
        main.push_str(&format!("total += {m}.compute(10)\n"));
        main.push_str(&format!(
            "assert {m}.__cached__.endswith('mod{i:02}.pyrite-311.pyc'), {m}.__cached__\n"
        ));
    }
    main.push_str("print(total)\nst = sys._pyrite_import_stats()\n");
    main.push_str("print(st['compiled'], st['pyc_loaded'], st['pyc_written'])\n");
    std::fs::write(dir.join("main.py"), main).unwrap();
    dir
}

/// Run the program; returns (result line, compiled, loaded, written).
fn run(dir: &Path, extra: &[&str]) -> (String, u64, u64, u64) {
    let out = pyrite()
        .args(extra)
        .arg(dir.join("main.py"))
        .output()
        .expect("running pyrite");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "pyrite failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines = stdout.lines();
    let result = lines.next().unwrap_or_default().to_string();
    let counts: Vec<u64> = lines
        .next()
        .unwrap_or_default()
        .split(' ')
        .map(|s| s.parse().unwrap())
        .collect();
    (result, counts[0], counts[1], counts[2])
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for d in [dir.join("__pycache__"), dir.join("pkg").join("__pycache__")] {
        if let Ok(rd) = std::fs::read_dir(d) {
            v.extend(rd.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    v.sort();
    v
}

fn mtimes(files: &[PathBuf]) -> Vec<std::time::SystemTime> {
    files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().modified().unwrap())
        .collect()
}

fn timed(dir: &Path, extra: &[&str], reps: u32, before: impl Fn()) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..reps {
        before();
        let t = Instant::now();
        run(dir, extra);
        best = best.min(t.elapsed());
    }
    best
}

#[test]
fn second_run_loads_every_module_from_pyc() {
    let dir = program_dir();
    let modules = MODULES as u64 + 1; // + pkg/__init__
    let (first, compiled, loaded, written) = run(&dir, &[]);
    assert_eq!((compiled, loaded, written), (modules, 0, modules));
    let files = cache_files(&dir);
    assert_eq!(files.len() as u64, modules, "{files:?}");
    let stamps = mtimes(&files);

    let (second, compiled, loaded, written) = run(&dir, &[]);
    assert_eq!(second, first);
    assert_eq!((compiled, loaded, written), (0, modules, 0));
    assert_eq!(
        mtimes(&files),
        stamps,
        "the second run rewrote a cache file"
    );

    // A changed source, a truncated cache and corrupt caches each fall
    // back to compiling (and are rewritten); the rest still load.
    std::fs::write(
        dir.join("mod00.py"),
        "VALUE = 0\ndef compute(n):\n    return 1000\n",
    )
    .unwrap();
    let c1 = dir.join("__pycache__").join("mod01.pyrite-311.pyc");
    let data = std::fs::read(&c1).unwrap();
    std::fs::write(&c1, &data[..data.len() / 2]).unwrap();
    let c2 = dir.join("__pycache__").join("mod02.pyrite-311.pyc");
    let mut data = std::fs::read(&c2).unwrap();
    for b in data.iter_mut().skip(16) {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    std::fs::write(&c2, &data).unwrap();
    // One flipped bit that may still unmarshal (the trailer's checksum
    // catches it: damaged code is never executed).
    let c3 = dir.join("__pycache__").join("mod03.pyrite-311.pyc");
    let mut data = std::fs::read(&c3).unwrap();
    let mid = data.len() / 2;
    data[mid] ^= 0x01;
    std::fs::write(&c3, &data).unwrap();
    // (The new mod00 source differs in size, so the stamp cannot match
    // even within the same second.)
    let (third, compiled, loaded, written) = run(&dir, &[]);
    assert_ne!(third, first);
    assert_eq!((compiled, loaded, written), (4, modules - 4, 4));
    let (_, compiled, loaded, _) = run(&dir, &[]);
    assert_eq!((compiled, loaded), (0, modules));

    // -B and PYTHONDONTWRITEBYTECODE: caches are read but never written.
    let _ = std::fs::remove_dir_all(dir.join("__pycache__"));
    let (_, compiled, _, written) = run(&dir, &["-B"]);
    assert_eq!((compiled, written), (MODULES as u64 / 2, 0));
    assert!(!dir.join("__pycache__").exists());
    let out = pyrite()
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .arg(dir.join("main.py"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!dir.join("__pycache__").exists());

    // A cache directory that cannot be created (a file is in the way, as
    // for a read-only directory) is no error: modules compile and run.
    let _ = std::fs::remove_dir_all(dir.join("pkg").join("__pycache__"));
    std::fs::write(dir.join("pkg").join("__pycache__"), b"not a directory").unwrap();
    // (The top-level caches were removed by the -B runs above.)
    let (_, compiled, loaded, written) = run(&dir, &[]);
    assert_eq!(
        (compiled, loaded, written),
        (modules, 0, MODULES as u64 / 2)
    );
    std::fs::remove_file(dir.join("pkg").join("__pycache__")).unwrap();

    // Start-up with and without caches.
    let remove = || {
        let _ = std::fs::remove_dir_all(dir.join("__pycache__"));
        let _ = std::fs::remove_dir_all(dir.join("pkg").join("__pycache__"));
    };
    let cold = timed(&dir, &["-B"], 3, remove);
    run(&dir, &[]);
    let warm = timed(&dir, &[], 3, || {});
    println!(
        "start-up of a {MODULES}-module program: {:.1} ms compiling, {:.1} ms from caches, ratio {:.2}x",
        cold.as_secs_f64() * 1e3,
        warm.as_secs_f64() * 1e3,
        cold.as_secs_f64() / warm.as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
