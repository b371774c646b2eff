//! Memory stays flat: `tests/stress/memory_flat.py` builds and drops objects
//! and reference cycles of every kind (lists, dicts, instances, closures,
//! bound methods, generators, frames held by tracebacks, classes made at
//! run time, weakrefs with callbacks, `__del__` in cycles), round after
//! round, freed by reference counting and the automatic cycle collector.
//! The program itself compares its peak memory (VmHWM) after the warm-up
//! rounds with the peak at the end and exits 1 when it grew. Linux only
//! (it reads /proc/self/status); sized for a debug build.

use std::path::Path;
use std::process::Command;

#[test]
fn peak_memory_stays_flat() {
    if !Path::new("/proc/self/status").exists() {
        println!("memory_stress: skipped (no /proc/self/status on this system)");
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/stress/memory_flat.py");
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .arg(&script)
        .args(["6", "6000"])
        .output()
        .expect("run pyrite");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success() && stdout.contains("flat: True"),
        "peak memory grew across rounds (status {:?})\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );
    assert!(stderr.is_empty(), "unexpected stderr:\n{stderr}");
}
