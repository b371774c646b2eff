//! The builtin hash modules `hashlib` falls back on when `_hashlib`
//! (OpenSSL) is missing: `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3`
//! and `_blake2`, each with CPython's object API (`update`, `digest`,
//! `hexdigest`, `copy`, `name`, `digest_size`, `block_size`). The
//! algorithms are in `md.rs` and `sponge.rs`.

mod md;
mod sponge;

use std::cell::RefCell;

use md::{Md5, Sha1, Sha256, Sha512};
use sponge::{Blake2, Blake2Params, Keccak};

use super::type_cache::native_type;
use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::memoryview::bytes_like;
use crate::types::str::PyStr;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

#[derive(Clone)]
enum State {
    Md5(Md5),
    Sha1(Sha1),
    Sha256(Sha256),
    Sha512(Sha512),
    Sha3(Keccak),
    Shake(Keccak),
    Blake2(Blake2),
}

pub struct PyHash {
    st: RefCell<State>,
    /// The algorithm name, which is also the type name.
    name: &'static str,
    module: &'static str,
}

impl Payload for PyHash {
    pyrite_core::unique_vtable!(PyHash);
}

impl State {
    fn update(&mut self, d: &[u8]) {
        match self {
            State::Md5(s) => s.update(d),
            State::Sha1(s) => s.update(d),
            State::Sha256(s) => s.update(d),
            State::Sha512(s) => s.update(d),
            State::Sha3(s) | State::Shake(s) => s.update(d),
            State::Blake2(s) => s.update(d),
        }
    }

    fn digest(&self, len: usize) -> Vec<u8> {
        match self {
            State::Md5(s) => s.finish(),
            State::Sha1(s) => s.finish(),
            State::Sha256(s) => s.finish(),
            State::Sha512(s) => s.finish(),
            State::Sha3(s) => s.finish(s.out),
            State::Shake(s) => s.finish(len),
            State::Blake2(s) => s.finish(),
        }
    }

    fn digest_size(&self) -> usize {
        match self {
            State::Md5(_) => 16,
            State::Sha1(_) => 20,
            State::Sha256(s) => s.finish().len(),
            State::Sha512(s) => s.finish().len(),
            State::Sha3(s) => s.out,
            State::Shake(_) => 0,
            State::Blake2(s) => s.out,
        }
    }

    fn block_size(&self) -> usize {
        match self {
            State::Md5(_) | State::Sha1(_) | State::Sha256(_) => 64,
            State::Sha512(_) => 128,
            State::Sha3(s) | State::Shake(s) => s.block_size(),
            State::Blake2(s) => s.block_size(),
        }
    }
}

/// The bytes of data to hash, with CPython's messages for str and
/// non-buffers.
fn data_arg(vm: &Vm, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    if o.downcast_ref::<PyStr>().is_some() {
        return Err(vm.new_type_error("Strings must be encoded before hashing"));
    }
    bytes_like(o).ok_or_else(|| vm.new_type_error("object supporting the buffer API required"))
}

fn hash_type(vm: &Vm, module: &'static str, name: &'static str) -> PyTypeRef {
    native_type::<PyHash>(vm, module, name, None, 0, init_type)
}

fn new_hash(
    vm: &Vm,
    module: &'static str,
    name: &'static str,
    mut st: State,
    data: Option<&PyObjectRef>,
) -> PyResult {
    if let Some(d) = data {
        st.update(&data_arg(vm, d)?);
    }
    let t = hash_type(vm, module, name);
    Ok(vm.alloc(
        PyHash {
            st: RefCell::new(st),
            name,
            module,
        },
        &t,
    ))
}

fn me<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a PyHash> {
    args.pos()
        .first()
        .and_then(|o| o.downcast_ref::<PyHash>())
        .ok_or_else(|| vm.new_type_error("hash object expected"))
}

fn h_update(vm: &Vm, args: Args) -> PyResult {
    let h = me(vm, &args)?;
    let [d] = args.shift().exact::<1>(vm, "update")?;
    let data = data_arg(vm, d)?;
    h.st.borrow_mut().update(&data);
    Ok(vm.none.clone())
}

/// The digest, taking SHAKE's `length` argument.
fn digest_of(vm: &Vm, args: &Args, fname: &str) -> PyResult<Vec<u8>> {
    let h = me(vm, args)?;
    let st = h.st.borrow().clone();
    if let State::Shake(_) = st {
        let rest = args.shift();
        if rest.all.len() != 1 {
            let [len] = rest.bind(vm, fname, ["length"], 1, 0, 1).map_err(|_| {
                vm.new_type_error(format!(
                    "{}.{fname}() takes exactly one argument ({} given)",
                    h.name,
                    rest.all.len()
                ))
            })?;
            let _ = len;
        }
        let [len] = rest.bind(vm, fname, ["length"], 1, 0, 1)?;
        let n = vm.index_isize(len.expect("required"))?;
        if n < 0 {
            return Err(vm.new_value_error("value must be positive"));
        }
        if n >= 1 << 29 {
            return Err(vm.new_value_error("length is too large"));
        }
        return Ok(st.digest(n as usize));
    }
    args.shift().exact::<0>(vm, fname)?;
    Ok(st.digest(0))
}

fn h_digest(vm: &Vm, args: Args) -> PyResult {
    let d = digest_of(vm, &args, "digest")?;
    Ok(vm.alloc(PyBytes::new(d), &vm.types.bytes))
}

fn h_hexdigest(vm: &Vm, args: Args) -> PyResult {
    let d = digest_of(vm, &args, "hexdigest")?;
    let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_str(s))
}

fn h_copy(vm: &Vm, args: Args) -> PyResult {
    let h = me(vm, &args)?;
    args.shift().exact::<0>(vm, "copy")?;
    let st = h.st.borrow().clone();
    new_hash(vm, h.module, h.name, st, None)
}

fn g_name(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let h = o
        .downcast_ref::<PyHash>()
        .ok_or_else(|| vm.new_type_error("hash object expected"))?;
    Ok(vm.new_str(h.name))
}

fn g_digest_size(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let h = o
        .downcast_ref::<PyHash>()
        .ok_or_else(|| vm.new_type_error("hash object expected"))?;
    let n = h.st.borrow().digest_size();
    Ok(vm.new_int(n as i64))
}

fn g_block_size(vm: &Vm, o: &PyObjectRef) -> PyResult {
    let h = o
        .downcast_ref::<PyHash>()
        .ok_or_else(|| vm.new_type_error("hash object expected"))?;
    let n = h.st.borrow().block_size();
    Ok(vm.new_int(n as i64))
}

fn init_type(vm: &Vm, t: &PyTypeRef) {
    vm.add_method(t, "update", h_update);
    vm.add_method(t, "digest", h_digest);
    vm.add_method(t, "hexdigest", h_hexdigest);
    vm.add_method(t, "copy", h_copy);
    vm.add_getset(t, "name", g_name, None);
    vm.add_getset(t, "digest_size", g_digest_size, None);
    vm.add_getset(t, "block_size", g_block_size, None);
    // Instances come from the module functions; the types themselves are
    // not callable in CPython's md5/sha1/sha2 modules.
    vm.add_staticmethod(t, "__new__", no_new);
}

fn no_new(vm: &Vm, args: Args) -> PyResult {
    let name = args
        .pos()
        .first()
        .map(|c| vm.repr_string(c).unwrap_or_default())
        .unwrap_or_default();
    Err(vm.new_type_error(format!(
        "cannot create {} instances",
        name.trim_start_matches("<class ").trim_end_matches('>')
    )))
}

/// `(string=None, *, usedforsecurity=True)` of the md5/sha1/sha2
/// constructors, with the old-style argument messages.
fn string_arg<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<Option<&'a PyObjectRef>> {
    if args.pos().len() > 1 {
        return Err(vm.new_type_error(format!(
            "{fname}() takes at most 1 positional argument ({} given)",
            args.pos().len()
        )));
    }
    let mut data = args.pos().first();
    for (k, v) in args.kwargs() {
        match k {
            "string" if data.is_none() => data = Some(v),
            "string" => {
                return Err(vm.new_type_error(format!(
                    "argument for {fname}() given by name ('string') and position (1)"
                )))
            }
            "usedforsecurity" => {}
            _ => {
                return Err(vm.new_type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    Ok(data.filter(|d| !d.is(&vm.none)))
}

macro_rules! simple_ctor {
    ($fn:ident, $module:literal, $name:literal, $state:expr) => {
        fn $fn(vm: &Vm, args: Args) -> PyResult {
            let data = string_arg(vm, &args, $name)?;
            new_hash(vm, $module, $name, $state, data)
        }
    };
}

simple_ctor!(c_md5, "_md5", "md5", State::Md5(Md5::new()));
simple_ctor!(c_sha1, "_sha1", "sha1", State::Sha1(Sha1::new()));
simple_ctor!(
    c_sha224,
    "_sha256",
    "sha224",
    State::Sha256(Sha256::new(true))
);
simple_ctor!(
    c_sha256,
    "_sha256",
    "sha256",
    State::Sha256(Sha256::new(false))
);
simple_ctor!(
    c_sha384,
    "_sha512",
    "sha384",
    State::Sha512(Sha512::new(true))
);
simple_ctor!(
    c_sha512,
    "_sha512",
    "sha512",
    State::Sha512(Sha512::new(false))
);

fn module(
    vm: &Vm,
    name: &'static str,
    funcs: &[(&'static str, crate::args::NativeFn)],
) -> PyResult<PyObjectRef> {
    let m = vm.new_module(name, None);
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    for (n, f) in funcs {
        vm.add_function(d, name, n, *f);
    }
    Ok(m)
}

pub fn make_md5(vm: &Vm) -> PyResult<PyObjectRef> {
    module(vm, "_md5", &[("md5", c_md5)])
}

pub fn make_sha1(vm: &Vm) -> PyResult<PyObjectRef> {
    module(vm, "_sha1", &[("sha1", c_sha1)])
}

pub fn make_sha256(vm: &Vm) -> PyResult<PyObjectRef> {
    module(vm, "_sha256", &[("sha224", c_sha224), ("sha256", c_sha256)])
}

pub fn make_sha512(vm: &Vm) -> PyResult<PyObjectRef> {
    module(vm, "_sha512", &[("sha384", c_sha384), ("sha512", c_sha512)])
}

// ----- _sha3 ---------------------------------------------------------------------------

/// `(data=b'', /, *, usedforsecurity=True)` of the sha3/shake/blake2 types.
fn data_first<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<Option<&'a PyObjectRef>> {
    let rest = args.shift();
    if rest.pos().len() > 1 {
        return Err(vm.new_type_error(format!(
            "{fname}() takes at most 1 argument ({} given)",
            rest.pos().len()
        )));
    }
    Ok(rest.pos().first())
}

macro_rules! sha3_ctor {
    ($fn:ident, $name:literal, $rate:expr, $out:expr, $shake:expr) => {
        fn $fn(vm: &Vm, args: Args) -> PyResult {
            for (k, _) in args.kwargs() {
                if k != "usedforsecurity" {
                    return Err(vm.new_type_error(format!(
                        "{}() got an unexpected keyword argument '{k}'",
                        $name
                    )));
                }
            }
            let data = data_first(vm, &args, $name)?;
            let k = Keccak::new($rate, $out, if $shake { 0x1f } else { 0x06 });
            let st = if $shake {
                State::Shake(k)
            } else {
                State::Sha3(k)
            };
            new_hash(vm, "_sha3", $name, st, data)
        }
    };
}

sha3_ctor!(c_sha3_224, "sha3_224", 144, 28, false);
sha3_ctor!(c_sha3_256, "sha3_256", 136, 32, false);
sha3_ctor!(c_sha3_384, "sha3_384", 104, 48, false);
sha3_ctor!(c_sha3_512, "sha3_512", 72, 64, false);
sha3_ctor!(c_shake_128, "shake_128", 168, 0, true);
sha3_ctor!(c_shake_256, "shake_256", 136, 0, true);

fn typed_module(
    vm: &Vm,
    name: &'static str,
    types: &[(&'static str, crate::args::NativeFn)],
) -> PyResult<PyObjectRef> {
    let m = vm.new_module(name, None);
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    for (n, f) in types {
        let t = hash_type(vm, name, n);
        vm.add_staticmethod(&t, "__new__", *f);
        vm.dict_set_str(d, n, t.as_object().clone());
    }
    Ok(m)
}

pub fn make_sha3(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = typed_module(
        vm,
        "_sha3",
        &[
            ("sha3_224", c_sha3_224),
            ("sha3_256", c_sha3_256),
            ("sha3_384", c_sha3_384),
            ("sha3_512", c_sha3_512),
            ("shake_128", c_shake_128),
            ("shake_256", c_shake_256),
        ],
    )?;
    if let Some(d) = vm.module_dict(&m) {
        vm.dict_set_str(d, "implementation", vm.new_str("pyrite"));
        vm.dict_set_str(d, "keccakopt", vm.new_int(64));
    }
    Ok(m)
}

// ----- _blake2 ----------------------------------------------------------------------------

fn blake2_new(vm: &Vm, args: Args, big: bool) -> PyResult {
    let name = if big { "blake2b" } else { "blake2s" };
    let (maxd, maxk, saltn) = if big { (64, 64, 16) } else { (32, 32, 8) };
    let rest = args.shift();
    let names = [
        "data",
        "digest_size",
        "key",
        "salt",
        "person",
        "fanout",
        "depth",
        "leaf_size",
        "node_offset",
        "node_depth",
        "inner_size",
        "last_node",
        "usedforsecurity",
    ];
    let a = rest.bind(vm, name, names, 0, 1, 1)?;
    let int = |i: usize, dflt: i64| -> PyResult<i64> {
        match a[i] {
            Some(v) => Ok(vm.index_isize(v)? as i64),
            None => Ok(dflt),
        }
    };
    let bytes = |i: usize| -> PyResult<Vec<u8>> {
        match a[i] {
            Some(v) => data_arg(vm, v),
            None => Ok(Vec::new()),
        }
    };
    let digest_size = int(1, maxd)?;
    if !(1..=maxd).contains(&digest_size) {
        return Err(vm.new_value_error(format!("digest_size must be between 1 and {maxd} bytes")));
    }
    let key = bytes(2)?;
    if key.len() as i64 > maxk {
        return Err(vm.new_value_error(format!("maximum key length is {maxk} bytes")));
    }
    let salt = bytes(3)?;
    if salt.len() > saltn {
        return Err(vm.new_value_error(format!("maximum salt length is {saltn} bytes")));
    }
    let person = bytes(4)?;
    if person.len() > saltn {
        return Err(vm.new_value_error(format!("maximum person length is {saltn} bytes")));
    }
    let fanout = int(5, 1)?;
    if !(0..=255).contains(&fanout) {
        return Err(vm.new_value_error("fanout must be between 0 and 255"));
    }
    let depth = int(6, 1)?;
    if !(1..=255).contains(&depth) {
        return Err(vm.new_value_error("depth must be between 1 and 255"));
    }
    let leaf_size = int(7, 0)?;
    if !(0..=u32::MAX as i64).contains(&leaf_size) {
        return Err(vm.new_overflow_error("leaf_size is too large"));
    }
    let node_offset = int(8, 0)?;
    if node_offset < 0 || (!big && node_offset >= 1 << 48) {
        return Err(vm.new_overflow_error("node_offset is too large"));
    }
    let node_depth = int(9, 0)?;
    if !(0..=255).contains(&node_depth) {
        return Err(vm.new_value_error("node_depth must be between 0 and 255"));
    }
    let inner_size = int(10, 0)?;
    if !(0..=maxd).contains(&inner_size) {
        return Err(vm.new_value_error(format!("inner_size must be between 0 and is {maxd}")));
    }
    let last_node = match a[11] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let p = Blake2Params {
        digest_size: digest_size as usize,
        key: &key,
        salt: &salt,
        person: &person,
        fanout: fanout as u8,
        depth: depth as u8,
        leaf_size: leaf_size as u32,
        node_offset: node_offset as u64,
        node_depth: node_depth as u8,
        inner_size: inner_size as u8,
        last_node,
    };
    let st = State::Blake2(Blake2::new(big, &p));
    new_hash(vm, "_blake2", name, st, a[0])
}

fn c_blake2b(vm: &Vm, args: Args) -> PyResult {
    blake2_new(vm, args, true)
}

fn c_blake2s(vm: &Vm, args: Args) -> PyResult {
    blake2_new(vm, args, false)
}

pub fn make_blake2(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = typed_module(
        vm,
        "_blake2",
        &[("blake2b", c_blake2b), ("blake2s", c_blake2s)],
    )?;
    for (big, n) in [(true, "blake2b"), (false, "blake2s")] {
        let t = hash_type(vm, "_blake2", n);
        let (d, k, s) = if big { (64, 64, 16) } else { (32, 32, 8) };
        vm.set_type_attr(&t, "MAX_DIGEST_SIZE", vm.new_int(d));
        vm.set_type_attr(&t, "MAX_KEY_SIZE", vm.new_int(k));
        vm.set_type_attr(&t, "SALT_SIZE", vm.new_int(s));
        vm.set_type_attr(&t, "PERSON_SIZE", vm.new_int(s));
        if let Some(md) = vm.module_dict(&m) {
            let p = if big { "BLAKE2B" } else { "BLAKE2S" };
            for (suffix, v) in [
                ("MAX_DIGEST_SIZE", d),
                ("MAX_KEY_SIZE", k),
                ("SALT_SIZE", s),
                ("PERSON_SIZE", s),
            ] {
                vm.dict_set_str(md, &format!("{p}_{suffix}"), vm.new_int(v));
            }
        }
    }
    Ok(m)
}
