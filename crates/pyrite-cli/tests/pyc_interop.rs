//! `.pyc` files shared with CPython: programs compiled by
//! `python3 -m compileall -b` (legacy sourceless layout) run under Pyrite
//! with the same output, broken `.pyc` scripts fail as `python3` fails,
//! and the caches Pyrite writes are loadable and runnable by `python3`.
//! Every test prints "skipped" and passes when `python3` is absent.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn python3_available() -> bool {
    Command::new("python3")
        .arg("-c")
        .arg("import sys; assert sys.version_info[:2] == (3, 11)")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrite-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &str, dir: &Path, args: &[&str]) -> Output {
    let mut c = if cmd == "pyrite" {
        Command::new(env!("CARGO_BIN_EXE_pyrite"))
    } else {
        Command::new(cmd)
    };
    c.current_dir(dir)
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .output()
        .expect("running an interpreter")
}

fn last_line(b: &[u8]) -> String {
    String::from_utf8_lossy(b)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .last()
        .unwrap_or_default()
        .to_string()
}

const MAIN: &str = r#"import helper
from pkg import sub
from pkg.sub import Shape, area

print(helper.fib(20), helper.squares(5))
print(sub.describe({'b': 2, 'a': 1}))
print([area(s) for s in (Shape('sq', 3), Shape('circle', 1))])
try:
    helper.fail()
except ValueError as e:
    print('caught', e)
print(helper.__name__, helper.__file__.rsplit('/', 1)[-1], helper.__cached__.rsplit('/', 1)[-1])
print(sub.__name__, sub.__package__)
gen = helper.countdown(3)
print(list(gen), 2 ** 100, -0.0, 1e300 * 10, 3 + 4j, b'\x00\xff', frozenset({1}))
print(__name__, __file__.rsplit('/', 1)[-1], __cached__)
"#;

const HELPER: &str = r#"def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def squares(n):
    return {i: i * i for i in range(n) if i % 2 == 0}


def fail():
    raise ValueError('bad value %d' % 42)


def countdown(n):
    while n:
        yield n
        n -= 1
"#;

const SUB: &str = r#"class Shape:
    def __init__(self, kind, size):
        self.kind, self.size = kind, size

    def __repr__(self):
        return f'Shape({self.kind!r}, {self.size})'


def area(s):
    match s:
        case Shape(kind='sq', size=n):
            return n * n
        case Shape(kind='circle', size=r):
            return round(3.14159 * r * r, 3)


def describe(d):
    return ', '.join(f'{k}={v}' for k, v in sorted(d.items()))
"#;

fn write_program(dir: &Path) {
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("main.py"), MAIN).unwrap();
    std::fs::write(dir.join("helper.py"), HELPER).unwrap();
    std::fs::write(dir.join("pkg").join("__init__.py"), "").unwrap();
    std::fs::write(dir.join("pkg").join("sub.py"), SUB).unwrap();
}

#[test]
fn runs_pycs_written_by_cpython_compileall() {
    if !python3_available() {
        println!("skipped: python3 (3.11) not available");
        return;
    }
    let dir = temp_dir("compileall");
    write_program(&dir);
    let out = run("python3", &dir, &["-m", "compileall", "-q", "-b", "."]);
    assert!(out.status.success(), "compileall failed: {out:?}");
    for f in ["main.py", "helper.py", "pkg/__init__.py", "pkg/sub.py"] {
        std::fs::remove_file(dir.join(f)).unwrap();
    }
    let expected = run("python3", &dir, &["main.pyc"]);
    let actual = run("pyrite", &dir, &["main.pyc"]);
    assert!(expected.status.success(), "{expected:?}");
    assert_eq!(
        String::from_utf8_lossy(&actual.stdout),
        String::from_utf8_lossy(&expected.stdout),
        "stderr: {}",
        String::from_utf8_lossy(&actual.stderr)
    );
    assert_eq!(actual.status.code(), Some(0));
    // Sourceless modules are never cached again.
    assert!(!dir.join("__pycache__").exists());

    // Broken .pyc scripts: same exception line and exit status as python3.
    let good = std::fs::read(dir.join("main.pyc")).unwrap();
    let mut corrupt = good.clone();
    corrupt[16] = b'X';
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("badmagic.pyc", b"junk junk junk junk junk".to_vec()),
        ("short.pyc", good[..10].to_vec()),
        ("header.pyc", good[..16].to_vec()),
        ("truncated.pyc", good[..good.len() / 2].to_vec()),
        ("corrupt.pyc", corrupt),
    ];
    for (name, data) in cases {
        std::fs::write(dir.join(name), data).unwrap();
        let e = run("python3", &dir, &[name]);
        let a = run("pyrite", &dir, &[name]);
        assert_eq!(a.status.code(), e.status.code(), "{name}");
        assert_eq!(last_line(&a.stderr), last_line(&e.stderr), "{name}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn python3_runs_the_caches_pyrite_writes() {
    if !python3_available() {
        println!("skipped: python3 (3.11) not available");
        return;
    }
    let dir = temp_dir("ourcaches");
    write_program(&dir);
    let ours = run("pyrite", &dir, &["main.py"]);
    assert!(ours.status.success(), "{ours:?}");
    let cache = dir.join("__pycache__").join("helper.pyrite-311.pyc");
    assert!(cache.is_file());
    // python3 checks the header as importlib would, then runs the code.
    let script = r#"
import importlib.util, marshal, sys
from importlib._bootstrap_external import _classify_pyc, _validate_timestamp_pyc
import os
for name in ['helper', 'pkg/sub', 'pkg/__init__']:
    d, _, base = name.rpartition('/')
    src = os.path.join(d or '.', base + '.py')
    pyc = os.path.join(d or '.', '__pycache__', base + '.pyrite-311.pyc')
    data = open(pyc, 'rb').read()
    flags = _classify_pyc(data, name, {})
    st = os.stat(src)
    _validate_timestamp_pyc(data, int(st.st_mtime), st.st_size, name, {})
    code = marshal.loads(data[16:])
    assert code.co_filename.endswith(base + '.py'), code.co_filename
    print(name, flags, code.co_name, len(code.co_consts))
    ns = {'__name__': base}
    exec(code, ns)
    print(sorted(k for k in ns if not k.startswith('__')))
"#;
    let out = run("python3", &dir, &["-c", script]);
    assert!(
        out.status.success(),
        "python3 rejected Pyrite's caches: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{}", String::from_utf8_lossy(&out.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}
