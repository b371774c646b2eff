//! A deterministic mutation fuzzer for the `.pyc` / marshal loaders (no
//! cargo-fuzz needed): a corpus of valid `.pyc` files, compiled from every
//! `tests/cases/*.py` program, is mutated with byte flips, overwrites with
//! boundary values, truncations, insertions, deletions and splices, and
//! every mutant goes through the import path's loader
//! (`pyc::parse_header` + `marshal::loads_code`) and the `marshal`
//! module's object reader (`marshal.loads`). A panic is a failure; the
//! input is saved under `target/fuzz-crashes/` so it can be added to
//! `crates/pyrite-bytecode/tests/marshal_corpus/`.
//!
//! Ignored by default. Run for ten minutes with:
//! `PYRITE_FUZZ_SECS=600 cargo test -p pyrite --test fuzz_pyc -- --ignored --nocapture`
//! (`PYRITE_FUZZ_SEED` picks another deterministic sequence).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pyrite_bytecode::{marshal, pyc};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..")
}

/// Valid `.pyc` images of every test case that compiles, plus the
/// checked-in regression inputs.
fn corpus() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(repo_root().join("tests").join("cases"))
        .expect("tests/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    names.sort();
    for p in names {
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        let name = p.to_string_lossy().into_owned();
        if let Ok(co) = pyrite_vm::compile::compile_source(&src, &name, pyrite_parser::Mode::Exec) {
            out.push(pyc::build(
                &co,
                pyc::Validation::Timestamp {
                    mtime: 1_700_000_000,
                    size: src.len() as u32,
                },
            ));
        }
    }
    let dir = repo_root()
        .join("crates")
        .join("pyrite-bytecode")
        .join("tests")
        .join("marshal_corpus");
    if let Ok(rd) = std::fs::read_dir(dir) {
        let mut files: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            if let Ok(d) = std::fs::read(f) {
                out.push(d);
            }
        }
    }
    out
}

const INTERESTING: &[&[u8]] = &[
    &[0xFF, 0xFF, 0xFF, 0x7F],
    &[0x00, 0x00, 0x00, 0x80],
    &[0xFF, 0xFF, 0xFF, 0xFF],
    &[0x00, 0x00, 0x01, 0x00],
    &[0x00],
    &[0xFF],
    &[0x7F],
    &[0x80],
    b"r\x00\x00\x00\x00",
    b"r\xff\xff\xff\x7f",
    b")\xff",
    b"(\xff\xff\x00\x00",
    b"c",
    b"\xe3",
    b"l\xff\xff\xff\x7f",
    b"0",
    b"S",
];

fn mutate(rng: &mut Rng, data: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut d = data.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let len = d.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                d[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                d[i] = rng.next() as u8;
            }
            2 => d.truncate(rng.below(len + 1)),
            3 => {
                let i = rng.below(len + 1);
                let n = 1 + rng.below(8);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                d.splice(i..i, bytes);
            }
            4 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below(len - i + 1).min(64);
                d.drain(i..i + n);
            }
            5 => {
                let v = INTERESTING[rng.below(INTERESTING.len())];
                let i = rng.below(len + 1);
                let end = (i + v.len()).min(len);
                d.splice(i..end, v.iter().copied());
            }
            6 if len > 0 => {
                // Duplicate a chunk (repeated structures, deep nesting).
                let i = rng.below(len);
                let n = (1 + rng.below(32)).min(len - i);
                let chunk = d[i..i + n].to_vec();
                let reps = 1 + rng.below(16);
                for _ in 0..reps {
                    d.splice(i..i, chunk.iter().copied());
                }
            }
            7 => {
                // Splice in the tail of another corpus entry.
                let other = &corpus[rng.below(corpus.len())];
                let i = rng.below(len + 1);
                let j = rng.below(other.len() + 1);
                d.truncate(i);
                d.extend_from_slice(&other[j..]);
            }
            _ => {
                // Another flags word (hash-based, checked, invalid).
                if len >= 8 {
                    d[4] = rng.below(5) as u8;
                }
            }
        }
    }
    d
}

/// The import path's loaders on one input.
fn load_bytecode(data: &[u8]) {
    if let Ok((_, body)) = pyc::parse_header(data) {
        let _ = marshal::loads_code(body);
    }
    let _ = marshal::loads(data);
    if data.len() > 16 {
        let _ = marshal::loads(&data[16..]);
    }
}

fn save_crash(data: &[u8], n: u64) -> PathBuf {
    let dir = repo_root().join("target").join("fuzz-crashes");
    let _ = std::fs::create_dir_all(&dir);
    let p = dir.join(format!("crash-{n}.bin"));
    let _ = std::fs::write(&p, data);
    p
}

fn fuzz(secs: u64, seed: u64) {
    let corpus = corpus();
    assert!(!corpus.is_empty());
    let interp = pyrite::Interpreter::new().expect("interpreter");
    let vm = interp.vm();
    let marshal_mod = vm.import_absolute("marshal").expect("marshal module");
    let loads = vm.get_attr_str(&marshal_mod, "loads").expect("loads");
    let mut rng = Rng(seed | 1);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let (mut iterations, mut vm_loads, mut accepted) = (0u64, 0u64, 0u64);
    let mut crashes = Vec::new();
    while Instant::now() < deadline {
        for _ in 0..64 {
            let base = &corpus[rng.below(corpus.len())];
            let data = mutate(&mut rng, base, &corpus);
            iterations += 1;
            if catch_unwind(AssertUnwindSafe(|| load_bytecode(&data))).is_err() {
                crashes.push(save_crash(&data, iterations));
                continue;
            }
            if let Ok((_, body)) = pyc::parse_header(&data) {
                if marshal::loads_code(body).is_ok() {
                    accepted += 1;
                }
            }
            // The object reader is slower (it builds objects): every 4th.
            if iterations % 4 == 0 {
                vm_loads += 1;
                let body = if data.len() > 16 {
                    &data[16..]
                } else {
                    &data[..]
                };
                let arg = vm.alloc(
                    pyrite_vm::types::bytes::PyBytes::new(body.to_vec()),
                    &vm.types.bytes,
                );
                let r = catch_unwind(AssertUnwindSafe(|| {
                    let _ = vm.call(&loads, &[arg]);
                }));
                if r.is_err() {
                    crashes.push(save_crash(&data, iterations));
                }
            }
        }
    }
    println!(
        "fuzz_pyc: {iterations} inputs in {secs}s from {} seeds ({accepted} still valid code, {vm_loads} also through marshal.loads), {} crashes",
        corpus.len(),
        crashes.len()
    );
    assert!(
        crashes.is_empty(),
        "loader panics, inputs saved: {crashes:?}"
    );
}

fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    // The VM's reader recurses up to marshal's nesting limit (2000, as
    // CPython); give it the stack the `pyrite` command's thread has.
    let h = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .unwrap();
    if let Err(e) = h.join() {
        std::panic::resume_unwind(e);
    }
}

#[test]
#[ignore]
fn fuzz_pyc_loaders() {
    let secs = std::env::var("PYRITE_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed = std::env::var("PYRITE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_1234_ABCD_0001);
    on_big_stack(move || fuzz(secs, seed));
}

/// The checked-in regression inputs through the `marshal` module's
/// object reader (the bytecode-level loaders are covered in
/// `crates/pyrite-bytecode/tests/marshal_corpus.rs`).
#[test]
fn corpus_through_marshal_module() {
    on_big_stack(|| {
        let interp = pyrite::Interpreter::new().expect("interpreter");
        let vm = interp.vm();
        let m = vm.import_absolute("marshal").expect("marshal module");
        let loads = vm.get_attr_str(&m, "loads").expect("loads");
        let dir = repo_root()
            .join("crates")
            .join("pyrite-bytecode")
            .join("tests")
            .join("marshal_corpus");
        for e in std::fs::read_dir(dir).expect("corpus").flatten() {
            let data = std::fs::read(e.path()).unwrap();
            for body in [&data[..], data.get(16..).unwrap_or(&[])] {
                let arg = vm.alloc(
                    pyrite_vm::types::bytes::PyBytes::new(body.to_vec()),
                    &vm.types.bytes,
                );
                let _ = vm.call(&loads, &[arg]);
            }
        }
    });
}

/// A short smoke run in the normal test suite (2 seconds).
#[test]
fn fuzz_pyc_smoke() {
    on_big_stack(|| fuzz(2, 42));
}
