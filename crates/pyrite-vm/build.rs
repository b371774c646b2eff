//! Build-time fingerprint of the bytecode compiler's sources (parser,
//! compiler, bytecode crates). The import system's cache files record it,
//! so a cache written by a build with a different compiler is recompiled
//! instead of trusted (the `.pyc` header has no room for a version).

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut all = Vec::new();
    for krate in ["pyrite-parser", "pyrite-compiler", "pyrite-bytecode"] {
        let src = root.join(krate).join("src");
        println!("cargo:rerun-if-changed={}", src.display());
        files(&src, &mut all);
    }
    all.sort();
    // FNV-1a over each file's path (relative) and contents.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: &[u8]| {
        for &x in b {
            h = (h ^ x as u64).wrapping_mul(0x100_0000_01b3);
        }
    };
    for f in &all {
        feed(
            f.strip_prefix(&root)
                .unwrap_or(f)
                .to_string_lossy()
                .as_bytes(),
        );
        feed(&std::fs::read(f).unwrap_or_default());
    }
    println!("cargo:rustc-env=PYRITE_COMPILER_FINGERPRINT={h:016x}");
}
