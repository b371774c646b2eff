//! Crash-regression inputs for the `.pyc` and marshal loaders: every file
//! in `marshal_corpus/` (hand-made edge cases and inputs found by the
//! fuzzer in `crates/pyrite/tests/fuzz_pyc.rs`) must load or be rejected
//! with an error, never panic. Inputs named `*valid*` must load.

use std::path::Path;

use pyrite_bytecode::{marshal, pyc};

#[test]
fn corpus_inputs_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("marshal_corpus");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("marshal_corpus") {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let whole = marshal::loads(&data);
        let as_pyc = pyc::parse_header(&data).map(|(_, body)| marshal::loads_code(body));
        if data.len() > 16 {
            let _ = marshal::loads(&data[16..]);
        }
        if name.starts_with("pyc_valid") || name.starts_with("pyc_hash") {
            assert!(matches!(as_pyc, Ok(Ok(_))), "{name}: {as_pyc:?}");
        } else if name.starts_with("code_valid") {
            assert!(whole.is_ok(), "{name}: {whole:?}");
        }
        n += 1;
    }
    assert!(n >= 40, "only {n} corpus files");
}
