//! `pyrite -X trace` / `--trace`: every executed instruction on stderr with
//! the value stack; stdout and the exit code are unchanged.

use std::process::Command;

const PROGRAM: &str = r#"
def add(a, b):
    return a + b

class Shown:
    def __repr__(self):
        return "Shown()"

items = [add(i, 1) for i in range(2)]
s = Shown()
if items[0] < 5:
    print(items, s)
"#;

fn run(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(args)
        .output()
        .expect("running pyrite");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// The line of `trace` in code `place` ("add:3") containing all of `what`
/// (whitespace-separated words, in order).
fn line<'a>(trace: &'a str, place: &str, what: &str) -> &'a str {
    let words: Vec<&str> = what.split_whitespace().collect();
    trace
        .lines()
        .find(|l| {
            let mut rest = match l.strip_prefix(place) {
                Some(r) => r,
                None => return false,
            };
            words.iter().all(|w| match rest.find(w) {
                Some(i) => {
                    rest = &rest[i + w.len()..];
                    true
                }
                None => false,
            })
        })
        .unwrap_or_else(|| panic!("no {place} {what} line in:\n{trace}"))
}

#[test]
fn trace_prints_instructions_and_stack() {
    for flag in [&["-X", "trace"][..], &["--trace"][..]] {
        let mut args = flag.to_vec();
        args.extend(["-c", PROGRAM]);
        let (out, err, code) = run(&args);
        assert_eq!(code, 0, "{err}");
        assert_eq!(out, "[1, 2] Shown()\n");
        let l = line(&err, "add:3", " BINARY_OP ");
        assert!(l.contains("0 (+)") && l.ends_with("stack: [0, 1]"), "{l}");
        let l = line(&err, "add:3", "LOAD_FAST 1 (b)");
        assert!(l.ends_with("stack: [0]"), "{l}");
        // Addresses are left out of reprs; user __repr__ is used, and its
        // own frames are not traced while a line is being written.
        let l = line(&err, "<module>:2", " STORE_NAME ");
        assert!(
            l.contains("(add)") && l.ends_with("stack: [<function add>]"),
            "{l}"
        );
        let l = line(&err, "<module>:10", " STORE_NAME ");
        assert!(l.ends_with("stack: [Shown()]"), "{l}");
        let l = line(&err, "<listcomp>:9", " JUMP_BACKWARD ");
        assert!(l.contains("(to 6)"), "{l}");
        assert!(line(&err, "<module>:11", " COMPARE_OP ").contains("(<)"));
        assert!(line(&err, "<listcomp>:9", " LOAD_GLOBAL ").contains("(NULL + add)"));
    }
}

#[test]
fn trace_shows_where_exceptions_go() {
    let program = "def f():\n    raise ValueError('x')\ntry:\n    f()\nexcept ValueError:\n    print('caught')\n";
    let (out, err, code) = run(&["-X", "trace", "-c", program]);
    assert_eq!((out.as_str(), code), ("caught\n", 0), "{err}");
    assert!(
        err.contains("f: exception ValueError('x') leaves f\n"),
        "{err}"
    );
    assert!(
        err.contains("<module>: exception ValueError('x') -> handler at "),
        "{err}"
    );
}

#[test]
fn no_trace_without_the_flag() {
    let (out, err, code) = run(&["-c", PROGRAM]);
    assert_eq!(
        (out.as_str(), err.as_str(), code),
        ("[1, 2] Shown()\n", "", 0)
    );
}

/// A `LOAD_FAST` folded into the attribute instruction after it still
/// shows as its own line, with the stack it leaves; an unbound one fails
/// at its own offset.
#[test]
fn trace_shows_folded_local_loads() {
    let program = "class P:\n    def __init__(self):\n        self.x = 5\n\
                   def get(p):\n    return p.x\n\
                   def bad():\n    q = P()\n    del q\n    return q.x\n\
                   print(get(P()))\n\
                   try:\n    bad()\nexcept UnboundLocalError as e:\n    print(e, e.__traceback__.tb_next.tb_lasti)\n";
    let (out, err, code) = run(&["-X", "trace", "-c", program]);
    let (plain, _, _) = run(&["-c", program]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, plain);
    assert!(
        out.starts_with("5\ncannot access local variable 'q'"),
        "{out}"
    );
    let l = line(&err, "get:5", "LOAD_FAST 0 (p)");
    assert!(l.ends_with("stack: []"), "{l}");
    let l = line(&err, "get:5", "LOAD_ATTR 0 (x)");
    assert!(l.ends_with("stack: [<__main__.P object>]"), "{l}");
    let l = line(&err, "get:5", "RETURN_VALUE");
    assert!(l.ends_with("stack: [5]"), "{l}");
    let l = line(&err, "__init__:3", "LOAD_CONST 1 (5)");
    assert!(l.ends_with("stack: []"), "{l}");
    let l = line(&err, "__init__:3", "STORE_ATTR 0 (x)");
    assert!(l.ends_with("stack: [5, <__main__.P object>]"), "{l}");
}
