//! The bytecode cache of source imports: `__pycache__/NAME.pyrite-311.pyc`
//! in CPython 3.11's `.pyc` format (PEP 3147 names, PEP 552 headers).
//! Mirrors `importlib._bootstrap_external.SourceLoader.get_code`: a cache
//! whose header matches the source (mtime and size, or the source hash) is
//! loaded instead of compiling; anything else (missing, stale, truncated,
//! corrupt) silently falls back to compiling, and the fresh code is written
//! back atomically unless `sys.dont_write_bytecode` is set. Failing to
//! write (read-only directory) is not an error, as in CPython. Caches end
//! with a trailer naming the compiler build that wrote them, so caches of
//! another build (or of another tool) are recompiled, never trusted.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use pyrite_bytecode::pyc::{self, Validation};
use pyrite_bytecode::CodeObject;

use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

/// `sys.implementation.cache_tag`.
pub const CACHE_TAG: &str = "pyrite-311";

/// Appended after the marshalled code of the caches Pyrite writes: a tag,
/// the build's compiler fingerprint (see `build.rs`) and a checksum of
/// everything before the trailer. CPython's loader ignores bytes after the
/// code object, so the files stay valid 3.11 `.pyc`s; Pyrite trusts a
/// cache only if its trailer names this compiler and the checksum holds,
/// so a cache damaged in a way that still unmarshals is never executed.
const TRAILER_TAG: &[u8; 4] = b"PYRT";
const TRAILER_LEN: usize = 20;

fn fingerprint() -> [u8; 8] {
    u64::from_str_radix(env!("PYRITE_COMPILER_FINGERPRINT"), 16)
        .unwrap_or(0)
        .to_le_bytes()
}

/// FNV-1a, 64 bits.
fn checksum(data: &[u8]) -> [u8; 8] {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    h.to_le_bytes()
}

fn trailer(data: &[u8]) -> Vec<u8> {
    let mut t = TRAILER_TAG.to_vec();
    t.extend_from_slice(&fingerprint());
    t.extend_from_slice(&checksum(data));
    t
}

/// The cache without its trailer, if it is one of this build's and intact.
fn strip_our_trailer(data: &[u8]) -> Option<&[u8]> {
    let n = data.len().checked_sub(TRAILER_LEN)?;
    if n < pyc::HEADER_LEN {
        return None;
    }
    let (body, t) = data.split_at(n);
    (t == trailer(body).as_slice()).then_some(body)
}

thread_local! {
    /// Honest counters for tests and `sys._pyrite_import_stats()`:
    /// modules compiled from source by the import system, modules loaded
    /// from a cache file, cache files written.
    static COMPILED: Cell<u64> = const { Cell::new(0) };
    static PYC_LOADED: Cell<u64> = const { Cell::new(0) };
    static PYC_WRITTEN: Cell<u64> = const { Cell::new(0) };
    static TEMP_SERIAL: Cell<u64> = const { Cell::new(0) };
}

fn bump(c: &'static std::thread::LocalKey<Cell<u64>>) {
    c.with(|c| c.set(c.get() + 1));
}

/// `importlib.util.cache_from_source(path)` for our cache tag: the
/// `__pycache__` file of a `.py` source (`.opt-N` with `-O`).
pub fn cache_from_source(source: &Path, optimize: u8) -> Option<PathBuf> {
    let dir = source.parent()?;
    let name = source.file_name()?.to_str()?;
    let base = match name.rsplit_once('.') {
        Some((b, _)) => b,
        None => name,
    };
    let opt = if optimize > 0 {
        format!(".opt-{optimize}")
    } else {
        String::new()
    };
    Some(
        dir.join("__pycache__")
            .join(format!("{base}.{CACHE_TAG}{opt}.pyc")),
    )
}

/// `_imp.source_hash(_RAW_MAGIC_NUMBER, source)`: keyed SipHash-1-3.
pub fn source_hash(key: u64, source: &[u8]) -> [u8; 8] {
    crate::protocol::hash::siphash13(key, 0, source).to_le_bytes()
}

/// Source mtime (whole seconds) and size, both truncated to 32 bits as
/// importlib's `_pack_uint32` does.
fn source_stamp(meta: &std::fs::Metadata) -> (u32, u32) {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs())
        .unwrap_or(0);
    (mtime as u32, meta.len() as u32)
}

/// Write `data` to `path` through a temporary file in the same directory
/// and a rename, so a concurrent reader never sees a partial file.
fn write_atomic(path: &Path, data: &[u8], source_meta: &std::fs::Metadata) -> std::io::Result<()> {
    let serial = TEMP_SERIAL.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.{}", std::process::id(), serial));
    let tmp = PathBuf::from(tmp);
    let result = (|| {
        std::fs::write(&tmp, data)?;
        #[cfg(unix)]
        {
            // The source's permissions plus owner-write (importlib's
            // `_calc_mode`), without execute bits.
            use std::os::unix::fs::PermissionsExt;
            let mode = (source_meta.permissions().mode() | 0o200) & 0o666;
            std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(mode))?;
        }
        #[cfg(not(unix))]
        let _ = source_meta;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

impl Vm {
    fn dont_write_bytecode(&self) -> bool {
        match self.sys_attr("dont_write_bytecode") {
            Ok(v) => self.is_true(&v).unwrap_or(false),
            Err(_) => !self.write_bytecode.get(),
        }
    }

    /// `_imp.check_hash_based_pycs` ("default", "always" or "never").
    fn check_hash_based_pycs(&self) -> String {
        self.modules
            .get_by_str("_imp")
            .and_then(|m| self.get_attr_str(&m, "check_hash_based_pycs").ok())
            .and_then(|v| self.str_string(&v).ok())
            .unwrap_or_else(|| "default".to_string())
    }

    /// The code of a source module, from its cache file when that is
    /// valid, else compiled (and cached).
    pub fn source_code_cached(
        &self,
        file: &Path,
        filename: &str,
        cached: Option<&Path>,
    ) -> PyResult {
        let meta = std::fs::metadata(file)
            .map_err(|e| self.new_os_error(format!("{}: {}", file.display(), e)))?;
        let (mtime, size) = source_stamp(&meta);
        let mut source: Option<Vec<u8>> = None;
        // What kind of cache to write back (a stale hash-based pyc is
        // replaced by a hash-based one, as importlib does).
        let mut hash_based: Option<bool> = None;
        if let Some(cp) = cached {
            let data = std::fs::read(cp).unwrap_or_default();
            if let Some(data) = strip_our_trailer(&data) {
                if let Ok((v, body)) = pyc::parse_header(data) {
                    let valid = match v {
                        Validation::Timestamp { mtime: m, size: s } => m == mtime && s == size,
                        Validation::Hash { hash, check_source } => {
                            hash_based = Some(check_source);
                            let check = match self.check_hash_based_pycs().as_str() {
                                "never" => false,
                                "always" => true,
                                _ => check_source,
                            };
                            if check {
                                let src = std::fs::read(file).map_err(|e| {
                                    self.new_os_error(format!("{}: {}", file.display(), e))
                                })?;
                                let ok = source_hash(pyc::raw_magic(), &src) == hash;
                                source = Some(src);
                                ok
                            } else {
                                true
                            }
                        }
                    };
                    if valid {
                        if let Ok(co) = pyrite_bytecode::marshal::loads_code(body) {
                            bump(&PYC_LOADED);
                            return Ok(self.new_code(Rc::new(fix_filename(co, filename))));
                        }
                    }
                }
            } else if let Ok((Validation::Hash { check_source, .. }, _)) = pyc::parse_header(&data)
            {
                // Another build's (or tool's) cache is never trusted, but a
                // hash-based one is replaced by a hash-based one.
                hash_based = Some(check_source);
            }
        }
        let src = match source {
            Some(s) => s,
            None => std::fs::read(file)
                .map_err(|e| self.new_os_error(format!("{}: {}", file.display(), e)))?,
        };
        let text = std::str::from_utf8(&src).map_err(|_| {
            self.new_exception_msg(
                &self.exc.SyntaxError,
                format!("Non-UTF-8 code in file {}", file.display()),
            )
        })?;
        let co = match crate::compile::compile_source(text, filename, pyrite_parser::Mode::Exec) {
            Ok(co) => co,
            Err(e) => return Err(self.syntax_error_to_exception(&e, filename)),
        };
        bump(&COMPILED);
        if let Some(cp) = cached {
            if !self.dont_write_bytecode() {
                let v = match hash_based {
                    Some(check_source) => Validation::Hash {
                        hash: source_hash(pyc::raw_magic(), &src),
                        check_source,
                    },
                    None => Validation::Timestamp { mtime, size },
                };
                let mut data = pyc::build(&co, v);
                let t = trailer(&data);
                data.extend_from_slice(&t);
                if let Some(dir) = cp.parent() {
                    let _ = std::fs::create_dir(dir);
                }
                if write_atomic(cp, &data, &meta).is_ok() {
                    bump(&PYC_WRITTEN);
                }
            }
        }
        Ok(self.new_code(co))
    }

    /// The code of a sourceless module (`NAME.pyc` without `NAME.py`):
    /// the header's magic and flags are checked, its stamp is not.
    pub fn sourceless_code(&self, name: &str, file: &Path) -> PyResult {
        let data = std::fs::read(file)
            .map_err(|e| self.new_os_error(format!("{}: {}", file.display(), e)))?;
        let bad = |msg: String| {
            let e = self.new_import_error(msg);
            let _ = self.set_attr_str(e.as_object(), "name", self.new_str(name));
            e
        };
        let (_, body) = pyc::parse_header(&data).map_err(|e| {
            bad(if e.0 == "bad magic number" {
                format!(
                    "bad magic number in {name:?}: {:?}",
                    &data[..data.len().min(4)]
                )
            } else {
                format!("{} in {name:?}", e.0)
            })
        })?;
        let co = pyrite_bytecode::marshal::loads_code(body)
            .map_err(|e| self.new_exception_msg(&self.exc.ValueError, e.0))?;
        bump(&PYC_LOADED);
        Ok(self.new_code(Rc::new(co)))
    }
}

/// `_fix_co_filename`: a cache records the path it was compiled from.
fn fix_filename(co: CodeObject, filename: &str) -> CodeObject {
    if &*co.filename == filename {
        co
    } else {
        co.with_filename(&Rc::from(filename))
    }
}

/// `sys._pyrite_import_stats()`: a dict of the import system's counters
/// (`compiled`, `pyc_loaded`, `pyc_written`), for tests and tuning.
pub fn sys_import_stats(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "_pyrite_import_stats")?;
    let d = vm.new_dict();
    for (k, c) in [
        ("compiled", &COMPILED),
        ("pyc_loaded", &PYC_LOADED),
        ("pyc_written", &PYC_WRITTEN),
    ] {
        vm.dict_set_str(&d, k, vm.new_int(c.with(|c| c.get()) as i64));
    }
    Ok(d.into_object())
}

/// A Python str for a path.
pub fn path_str(vm: &Vm, p: &Path) -> PyObjectRef {
    vm.new_str(p.to_string_lossy().as_ref())
}

/// After `importlib._bootstrap_external` is loaded: its `_write_atomic`
/// (which `py_compile`, `compileall` and importlib's loaders write caches
/// with) is wrapped so that a `.pyc` written under our cache tag gets this
/// build's trailer: those caches are then the ones the importer trusts and
/// loads without recompiling. The code in them was compiled by this
/// interpreter, which is what the trailer certifies. The bytes importlib
/// builds (`_code_to_timestamp_pyc`) stay CPython's.
pub fn bootstrap_external_loaded(vm: &Vm, module: &PyObjectRef) {
    if let Some(d) = vm.module_dict(module) {
        if let Some(orig) = d.get_by_str("_write_atomic") {
            vm.dict_set_str(d, ORIGINAL_WRITE_ATOMIC, orig);
            vm.add_function(
                d,
                "importlib._bootstrap_external",
                "_write_atomic",
                write_atomic_sealed,
            );
        }
    }
}

const ORIGINAL_WRITE_ATOMIC: &str = "_pyrite_py_write_atomic";

/// Whether `path` names one of our caches (`NAME.pyrite-311[.opt-N].pyc`).
fn is_our_cache_name(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let Some(stem) = name.strip_suffix(".pyc") else {
        return false;
    };
    let stem = match stem.rsplit_once(".opt-") {
        Some((s, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => s,
        _ => stem,
    };
    stem.ends_with(&format!(".{CACHE_TAG}"))
}

/// `_write_atomic(path, data, mode=0o666)`, sealing our caches first.
fn write_atomic_sealed(vm: &Vm, args: Args) -> PyResult {
    let [path, data, mode] =
        args.bind::<3>(vm, "_write_atomic", ["path", "data", "mode"], 2, 0, 3)?;
    let (path, data) = (path.expect("required"), data.expect("required"));
    let module = vm
        .modules
        .get_by_str("importlib._bootstrap_external")
        .ok_or_else(|| vm.new_system_error("importlib._bootstrap_external is gone"))?;
    let orig = vm.get_attr_str(&module, ORIGINAL_WRITE_ATOMIC)?;
    let mut data = data.clone();
    let name = crate::modules::posix::path_string(vm, path).unwrap_or_default();
    if is_our_cache_name(&name) {
        if let Some(bytes) = crate::types::memoryview::bytes_like(&data) {
            let valid = strip_our_trailer(&bytes).is_none()
                && pyc::parse_header(&bytes)
                    .is_ok_and(|(_, body)| pyrite_bytecode::marshal::loads_code(body).is_ok());
            if valid {
                let mut sealed = bytes.clone();
                sealed.extend_from_slice(&trailer(&bytes));
                data = vm.alloc(crate::types::bytes::PyBytes::new(sealed), &vm.types.bytes);
            }
        }
    }
    let mut call = vec![path.clone(), data];
    call.extend(mode.cloned());
    vm.call(&orig, &call)
}
