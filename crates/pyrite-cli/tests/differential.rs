//! Differential test suite: runs every `tests/cases/*.py` program under the
//! `pyrite` binary and compares the result with the CPython-generated
//! `tests/cases/NAME.expected` file (see `tests/README.md`).
//!
//! Environment variables:
//! * `PYRITE_CASES` - only run cases whose name contains one of these
//!   comma-separated substrings.
//! * `PYRITE_WRITE_XFAIL=1` - rewrite `tests/cases/XFAIL` so that it lists
//!   exactly the currently failing cases (existing reasons are kept).
//! * `PYRITE_BIN` - run this interpreter instead of the freshly built
//!   `pyrite` (e.g. `PYRITE_BIN=python3` to sanity-check the suite).
//! * `PYRITE_JOBS` - number of cases run in parallel (default: CPU count).
//! * `PYRITE_CASE_TIMEOUT` - per-case timeout in seconds (default 20).

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// Cap on how much of a child's stdout/stderr is kept (the rest is drained).
const OUTPUT_CAP: usize = 16 << 20;
/// Approximate cap on the number of detail lines printed for failures.
const DETAIL_LINE_BUDGET: usize = 200;
/// Longest line excerpt shown in a diff.
const EXCERPT_CHARS: usize = 160;

struct Expected {
    exit: i32,
    stderr_tail: String,
    stdout: Vec<u8>,
}

struct Actual {
    status: Option<ExitStatus>,
    timed_out: bool,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

enum Outcome {
    Pass,
    Fail(Vec<String>),
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("..")
        .join("tests")
        .join("cases")
}

fn interpreter() -> String {
    match std::env::var("PYRITE_BIN") {
        Ok(s) if !s.trim().is_empty() => s,
        _ => env!("CARGO_BIN_EXE_pyrite").to_string(),
    }
}

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// Sorted case names (file stems), skipping `helpermod_*` helper modules.
fn list_cases(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let entries = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read cases directory {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if let Some(stem) = file_name.strip_suffix(".py") {
            if !stem.starts_with("helpermod_") && entry.path().is_file() {
                names.push(stem.to_string());
            }
        }
    }
    names.sort();
    names
}

fn case_filter() -> Option<Vec<String>> {
    let raw = std::env::var("PYRITE_CASES").ok()?;
    let parts: Vec<String> = raw
        .split(',')
        .map(|s| s.trim().trim_end_matches(".py").to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts)
    }
}

/// Parses `tests/cases/XFAIL`: `NAME  # reason` per line, `#` comments allowed.
/// Returns (leading comment block, name -> reason).
fn read_xfail(path: &Path) -> (Vec<String>, BTreeMap<String, String>) {
    let mut header = Vec::new();
    let mut entries = BTreeMap::new();
    let Ok(text) = fs::read_to_string(path) else {
        return (header, entries);
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            if entries.is_empty() {
                header.push(line.trim_end().to_string());
            }
            continue;
        }
        let (name, reason) = match trimmed.find('#') {
            Some(i) => (trimmed[..i].trim(), trimmed[i + 1..].trim()),
            None => (trimmed, ""),
        };
        let name = name.trim_end_matches(".py");
        if !name.is_empty() {
            entries.insert(name.to_string(), reason.to_string());
        }
    }
    while header.last().is_some_and(|l| l.is_empty()) {
        header.pop();
    }
    (header, entries)
}

fn write_xfail(path: &Path, header: &[String], entries: &BTreeMap<String, String>) {
    let mut out = String::new();
    if header.is_empty() {
        out.push_str("# Known failures of the differential suite: `NAME  # reason` per line.\n");
        out.push_str("# Regenerate with PYRITE_WRITE_XFAIL=1 (see tests/README.md).\n");
    } else {
        for line in header {
            out.push_str(line);
            out.push('\n');
        }
    }
    if !entries.is_empty() {
        out.push('\n');
    }
    let width = entries.keys().map(|k| k.len()).max().unwrap_or(0);
    for (name, reason) in entries {
        let reason = if reason.is_empty() {
            "not yet triaged"
        } else {
            reason.as_str()
        };
        out.push_str(&format!("{name:<width$}  # {reason}\n"));
    }
    fs::write(path, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// Splits like Python's `str.splitlines()` (without keeping line ends).
fn py_splitlines(s: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        lines.push(&s[start..i]);
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = iter.peek() {
                iter.next();
                end = j + 1;
            }
        }
        start = end;
    }
    if start < s.len() {
        lines.push(&s[start..]);
    }
    lines
}

/// Last non-blank line of stderr (same rule as `tests/regen.py`).
fn stderr_tail(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    py_splitlines(&text)
        .into_iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

fn read_expected(path: &Path) -> Result<Expected, String> {
    let data = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut rest: &[u8] = &data;
    let mut header = Vec::new();
    for _ in 0..3 {
        let nl = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| format!("{}: truncated header", path.display()))?;
        header.push(
            String::from_utf8_lossy(&rest[..nl])
                .trim_end_matches('\r')
                .to_string(),
        );
        rest = &rest[nl + 1..];
    }
    let exit = header[0]
        .strip_prefix("exit:")
        .and_then(|v| v.trim().parse::<i32>().ok())
        .ok_or_else(|| format!("{}: bad exit line {:?}", path.display(), header[0]))?;
    let stderr_tail = header[1]
        .strip_prefix("stderr-tail:")
        .ok_or_else(|| format!("{}: bad stderr-tail line {:?}", path.display(), header[1]))?
        .trim()
        .to_string();
    if header[2].trim() != "---" {
        return Err(format!("{}: missing '---' separator", path.display()));
    }
    Ok(Expected {
        exit,
        stderr_tail,
        stdout: rest.to_vec(),
    })
}

fn spawn_reader<R: Read + Send + 'static>(mut src: R) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            match src.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let room = OUTPUT_CAP.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let _ = tx.send(kept);
    });
    rx
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> (Option<ExitStatus>, bool) {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return (Some(status), false),
            Ok(None) => {}
            Err(_) => break,
        }
        if start.elapsed() >= timeout {
            let _ = child.kill();
            let status = child.wait().ok();
            return (status, true);
        }
        thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    (child.wait().ok(), false)
}

fn run_case(bin: &str, dir: &Path, name: &str, timeout: Duration) -> Result<Actual, String> {
    let mut child = Command::new(bin)
        .arg(format!("{name}.py"))
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONSTARTUP")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {bin}: {e}"))?;
    let out_rx = spawn_reader(child.stdout.take().expect("piped stdout"));
    let err_rx = spawn_reader(child.stderr.take().expect("piped stderr"));
    let (status, timed_out) = wait_with_timeout(&mut child, timeout);
    // After exit the pipes close; a stray grandchild could keep them open, so
    // do not wait forever for the reader threads.
    let grace = Duration::from_secs(5);
    let stdout = out_rx.recv_timeout(grace).unwrap_or_default();
    let stderr = err_rx.recv_timeout(grace).unwrap_or_default();
    Ok(Actual {
        status,
        timed_out,
        stdout,
        stderr,
    })
}

fn describe_status(status: Option<ExitStatus>) -> String {
    let Some(status) = status else {
        return "unknown (wait failed)".to_string();
    };
    if let Some(code) = status.code() {
        return code.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("killed by signal {sig}");
        }
    }
    format!("{status}")
}

fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().take(EXCERPT_CHARS).collect();
    if s.chars().count() > EXCERPT_CHARS {
        out.push_str("...");
    }
    format!("{out:?}")
}

/// Splits text into lines; a final line terminator does not produce an empty
/// extra line. Returns the lines and whether the text ended with '\n'.
fn split_output(text: &str) -> (Vec<&str>, bool) {
    if text.is_empty() {
        return (Vec::new(), false);
    }
    let ends_with_newline = text.ends_with('\n');
    let body = if ends_with_newline {
        &text[..text.len() - 1]
    } else {
        text
    };
    (body.split('\n').collect(), ends_with_newline)
}

fn stdout_difference(expected: &[u8], actual: &[u8]) -> Vec<String> {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let (exp_lines, exp_nl) = split_output(&exp);
    let (act_lines, act_nl) = split_output(&act);
    let mut details = Vec::new();
    let first_diff = exp_lines
        .iter()
        .zip(act_lines.iter())
        .position(|(e, a)| e != a);
    match first_diff {
        Some(i) => {
            details.push(format!("  stdout differs at line {}:", i + 1));
            details.push(format!("    expected: {}", excerpt(exp_lines[i])));
            details.push(format!("    got:      {}", excerpt(act_lines[i])));
        }
        None if exp_lines.len() > act_lines.len() => {
            let i = act_lines.len();
            details.push(format!(
                "  stdout ends early: expected {} lines, got {}; first missing line {}:",
                exp_lines.len(),
                act_lines.len(),
                i + 1
            ));
            details.push(format!("    expected: {}", excerpt(exp_lines[i])));
        }
        None if act_lines.len() > exp_lines.len() => {
            let i = exp_lines.len();
            details.push(format!(
                "  stdout has extra output: expected {} lines, got {}; first extra line {}:",
                exp_lines.len(),
                act_lines.len(),
                i + 1
            ));
            details.push(format!("    got:      {}", excerpt(act_lines[i])));
        }
        None if exp_nl != act_nl => {
            details.push(format!(
                "  stdout differs only in the final newline (expected {}, got {})",
                if exp_nl { "one" } else { "none" },
                if act_nl { "one" } else { "none" }
            ));
        }
        None => {
            // Same text after lossy decoding: the raw bytes differ (invalid UTF-8).
            details.push("  stdout differs in non-UTF-8 bytes".to_string());
        }
    }
    details
}

fn check_case(bin: &str, dir: &Path, name: &str, timeout: Duration) -> Outcome {
    let expected = match read_expected(&dir.join(format!("{name}.expected"))) {
        Ok(e) => e,
        Err(msg) => {
            return Outcome::Fail(vec![format!(
                "  {msg} (generate it with `python3 tests/regen.py {name}`)"
            )])
        }
    };
    let actual = match run_case(bin, dir, name, timeout) {
        Ok(a) => a,
        Err(msg) => return Outcome::Fail(vec![format!("  {msg}")]),
    };
    let mut details = Vec::new();
    if actual.timed_out {
        details.push(format!("  timed out after {}s (killed)", timeout.as_secs()));
    }
    let code = actual.status.and_then(|s| s.code());
    if actual.timed_out || code != Some(expected.exit) {
        details.push(format!(
            "  exit: expected {}, got {}",
            expected.exit,
            describe_status(actual.status)
        ));
    }
    let tail = stderr_tail(&actual.stderr);
    if tail.trim() != expected.stderr_tail.trim() {
        details.push(format!(
            "  stderr-tail: expected {}, got {}",
            excerpt(expected.stderr_tail.trim()),
            excerpt(tail.trim())
        ));
    }
    if actual.stdout != expected.stdout {
        details.extend(stdout_difference(&expected.stdout, &actual.stdout));
    }
    if details.is_empty() {
        Outcome::Pass
    } else {
        Outcome::Fail(details)
    }
}

#[test]
fn differential() {
    let dir = cases_dir();
    let bin = interpreter();
    let timeout = Duration::from_secs(env_usize("PYRITE_CASE_TIMEOUT").unwrap_or(20) as u64);
    let xfail_path = dir.join("XFAIL");
    let (xfail_header, xfail) = read_xfail(&xfail_path);
    let write_xfail_mode = std::env::var("PYRITE_WRITE_XFAIL").is_ok_and(|v| v.trim() == "1");

    let all_cases = list_cases(&dir);
    let filter = case_filter();
    let cases: Vec<String> = match &filter {
        Some(parts) => all_cases
            .iter()
            .filter(|n| parts.iter().any(|p| n.contains(p.as_str())))
            .cloned()
            .collect(),
        None => all_cases.clone(),
    };
    if cases.is_empty() {
        println!("differential: no cases selected (PYRITE_CASES={filter:?})");
    }

    let jobs = env_usize("PYRITE_JOBS")
        .or_else(|| thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(4)
        .clamp(1, 64)
        .min(cases.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new((0..cases.len()).map(|_| None).collect());
    thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= cases.len() {
                    break;
                }
                let outcome = check_case(&bin, &dir, &cases[i], timeout);
                results.lock().unwrap()[i] = Some(outcome);
            });
        }
    });
    let results: Vec<Outcome> = results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|o| o.expect("every case produces an outcome"))
        .collect();

    let mut passed = 0usize;
    let mut skipped = 0usize;
    let mut failed: Vec<&str> = Vec::new();
    let mut currently_failing: Vec<&str> = Vec::new();
    let mut xpassed: Vec<&str> = Vec::new();
    let mut budget = DETAIL_LINE_BUDGET;
    let mut suppressed = 0usize;
    for (name, outcome) in cases.iter().zip(results.iter()) {
        let listed = xfail.contains_key(name.as_str());
        match outcome {
            Outcome::Pass => {
                passed += 1;
                if listed {
                    xpassed.push(name);
                }
            }
            Outcome::Fail(details) => {
                currently_failing.push(name);
                if listed {
                    skipped += 1;
                    continue;
                }
                failed.push(name);
                if budget > details.len() {
                    println!("FAIL {name}");
                    for line in details {
                        println!("{line}");
                    }
                    budget -= details.len() + 1;
                } else {
                    suppressed += 1;
                }
            }
        }
    }
    if suppressed > 0 {
        println!("... details of {suppressed} more failure(s) suppressed (use PYRITE_CASES=NAME to see one)");
    }
    for name in &xpassed {
        println!("XPASS {name} (remove it from XFAIL)");
    }
    if filter.is_none() {
        for name in xfail.keys() {
            if all_cases.binary_search(name).is_err() {
                println!("note: XFAIL lists unknown case {name}");
            }
        }
    }
    if !failed.is_empty() {
        println!("failing cases (paste into tests/cases/XFAIL):");
        for name in &failed {
            println!("{name}  # not yet triaged");
        }
    }

    if write_xfail_mode {
        let mut entries: BTreeMap<String, String> = BTreeMap::new();
        // Entries for existing cases that were filtered out this time are kept;
        // entries naming cases that no longer exist are dropped.
        for (name, reason) in &xfail {
            let exists = all_cases.binary_search(name).is_ok();
            if exists && !cases.iter().any(|c| c == name) {
                entries.insert(name.clone(), reason.clone());
            }
        }
        for name in &currently_failing {
            let reason = xfail.get(*name).cloned().unwrap_or_default();
            entries.insert((*name).to_string(), reason);
        }
        write_xfail(&xfail_path, &xfail_header, &entries);
        println!("wrote {} ({} entries)", xfail_path.display(), entries.len());
    }

    println!(
        "differential: {} passed, {} failed, {} skipped",
        passed,
        failed.len(),
        skipped
    );
    if !failed.is_empty() && !write_xfail_mode {
        panic!(
            "{} differential case(s) failed (listed above; known failures belong in tests/cases/XFAIL)",
            failed.len()
        );
    }
}
