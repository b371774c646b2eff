//! The dis corpus (`tests/dis_corpus/`): CPython's `dis` module, run under
//! pyrite over 400+ functions covering the language, must print what it
//! prints under python3 (`expected.txt`, checked in, so no python3 is
//! needed). Functions listed in `DIFFERENCES` (`NAME: reason`) may differ;
//! a listed function that has become identical fails the test so the list
//! stays true.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// `### NAME` sections of a dump, in order.
fn sections(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("### ") {
            out.push((name.trim().to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
        }
    }
    out
}

#[test]
fn dis_of_the_corpus_matches_python3() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("tests/dis_corpus");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let listed: BTreeMap<String, String> = std::fs::read_to_string(dir.join("DIFFERENCES"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(n, r)| (n.trim().to_string(), r.trim().to_string()))
        .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .arg(dir.join("dump.py"))
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("running pyrite");
    assert!(
        out.status.success(),
        "dump.py failed under pyrite:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ours: BTreeMap<String, String> = sections(&String::from_utf8_lossy(&out.stdout))
        .into_iter()
        .collect();
    let theirs = sections(&expected);
    assert!(theirs.len() >= 300, "corpus too small: {}", theirs.len());
    let (mut same, mut known) = (0, 0);
    let mut failures = Vec::new();
    for (name, want) in &theirs {
        let got = ours.get(name).map(String::as_str).unwrap_or("<missing>\n");
        match (got == want, listed.contains_key(name)) {
            (true, false) => same += 1,
            (false, true) => known += 1,
            (true, true) => failures.push(format!(
                "{name} is identical now: remove it from tests/dis_corpus/DIFFERENCES"
            )),
            (false, false) => failures.push(format!(
                "{name} differs:\n--- python3\n{want}--- pyrite\n{got}"
            )),
        }
    }
    for name in listed.keys() {
        if !theirs.iter().any(|(n, _)| n == name) {
            failures.push(format!(
                "DIFFERENCES lists {name}, which is not in the corpus"
            ));
        }
    }
    eprintln!(
        "dis corpus: {} functions, {same} identical, {known} listed in DIFFERENCES",
        theirs.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
