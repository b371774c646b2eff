# (expected-output file name, argv after the interpreter), run in this
# directory by regen.py (python3) and by run_module.rs (pyrite). Keep the
# list in sync with CASES in run_module.rs.
CASES = [
    ("dis_sample", ["-m", "dis", "sample.py"]),
    ("tokenize_sample", ["-m", "tokenize", "sample.py"]),
    ("json_tool", ["-m", "json.tool", "data.json"]),
    ("base64_encode", ["-m", "base64", "-e", "data.json"]),
    ("calendar_month", ["-m", "calendar", "2024", "2"]),
    ("this", ["-m", "this"]),
    ("pkg_main", ["-m", "pkg", "a", "b"]),
    ("pkg_module", ["-m", "pkg.tool", "x"]),
    ("no_such_module", ["-m", "no_such_module_xyz"]),
    ("package_without_main", ["-m", "json"]),
]
