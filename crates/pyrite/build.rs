//! Records where CPython 3.11's pure-Python standard library lives on the
//! build machine, as the default for `sys.path` (overridable at run time
//! with `PYRITE_STDLIB`).

fn main() {
    println!("cargo:rerun-if-env-changed=PYRITE_STDLIB");
    let dir = std::env::var("PYRITE_STDLIB").ok().or_else(|| {
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
            ])
            .output()
            .ok()?;
        if !out.status.success() {
            return None;
        }
        Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
    });
    println!(
        "cargo:rustc-env=PYRITE_DEFAULT_STDLIB={}",
        dir.unwrap_or_default()
    );
}
