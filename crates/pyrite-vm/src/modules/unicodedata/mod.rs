//! The `unicodedata` module: the Unicode 14.0.0 character database of
//! CPython 3.11 (`Modules/unicodedata.c`), plus `ucd_3_2_0`, the 3.2.0
//! database IDNA (`encodings.idna`, `stringprep`) needs, as an instance of
//! the `UCD` type with the same methods.
//!
//! The tables are generated from CPython's own module by `gen_tables.py`
//! (`tables.rs`, `names.bin`); `data.rs` reads properties, `names.rs`
//! names, `normalize.rs` implements the normal forms.

mod data;
mod names;
mod normalize;
#[rustfmt::skip]
#[allow(clippy::all)]
mod tables;

use pyrite_bytecode::surrogate;

use self::data::Db;
use super::type_cache::native_type;
use crate::args::Args;
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::descr::TypeDocs;
use crate::types::memoryview::PyMemoryView;
use crate::types::str::PyStr;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyObjectRef, PyResult, Vm};

/// The payload of a `UCD` object: the only one is `ucd_3_2_0`.
pub struct PyUcd;

impl Payload for PyUcd {
    pyrite_core::unique_vtable!(PyUcd);
}

fn ucd_type(vm: &Vm) -> PyTypeRef {
    native_type::<PyUcd>(vm, "unicodedata", "UCD", None, 0, init_ucd_type)
}

/// The code point of a one-character str argument.
fn chr_arg(vm: &Vm, o: &PyObjectRef, fname: &str, argno: &str) -> PyResult<u32> {
    if let Some(s) = o.downcast_ref::<PyStr>() {
        if s.char_len() == 1 {
            if let Some(c) = s.code_points().next() {
                return Ok(c);
            }
        }
    }
    Err(vm.new_type_error(format!(
        "{fname}() argument{argno} must be a unicode character, not {}",
        vm.type_name(o)
    )))
}

fn str_arg<'a>(vm: &Vm, o: &'a PyObjectRef, fname: &str, argno: u8) -> PyResult<&'a PyStr> {
    o.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "{fname}() argument {argno} must be str, not {}",
            vm.type_name(o)
        ))
    })
}

/// `prefix` names the callable in argument-count errors: `unicodedata.`
/// for the module functions, `UCD.` for the methods.
fn one_char(vm: &Vm, args: &Args, prefix: &str, fname: &str) -> PyResult<u32> {
    let [c] = args.exact::<1>(vm, &format!("{prefix}{fname}"))?;
    chr_arg(vm, c, fname, "")
}

/// A lookup with an optional default: `(code point, default)`.
fn char_default<'a>(
    vm: &Vm,
    args: &Args<'a>,
    prefix: &str,
    fname: &str,
) -> PyResult<(u32, Option<&'a PyObjectRef>)> {
    args.no_kwargs(vm, &format!("{prefix}{fname}"))?;
    let [c, default] = args.range::<2>(vm, fname, 1)?;
    let c = chr_arg(vm, c.expect("required"), fname, " 1")?;
    Ok((c, default))
}

fn or_default(
    vm: &Vm,
    v: Option<PyObjectRef>,
    default: Option<&PyObjectRef>,
    msg: &str,
) -> PyResult {
    match (v, default) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(vm.new_value_error(msg.to_string())),
    }
}

fn decimal(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    let (c, d) = char_default(vm, args, p, "decimal")?;
    let v = data::decimal(db, c).map(|v| vm.new_int(v as i64));
    or_default(vm, v, d, "not a decimal")
}

fn digit(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    let (c, d) = char_default(vm, args, p, "digit")?;
    let v = data::digit(db, c).map(|v| vm.new_int(v as i64));
    or_default(vm, v, d, "not a digit")
}

fn numeric(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    let (c, d) = char_default(vm, args, p, "numeric")?;
    let v = data::numeric(db, c).map(|v| vm.new_float(v));
    or_default(vm, v, d, "not a numeric character")
}

fn category(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    let c = one_char(vm, args, p, "category")?;
    Ok(vm.new_str(data::category(db, c)))
}

fn bidirectional(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    let c = one_char(vm, args, p, "bidirectional")?;
    Ok(vm.new_str(data::bidirectional(db, c)))
}

fn combining(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    let c = one_char(vm, args, p, "combining")?;
    Ok(vm.new_int(data::combining(db, c) as i64))
}

fn mirrored(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    let c = one_char(vm, args, p, "mirrored")?;
    Ok(vm.new_int(data::mirrored(db, c) as i64))
}

fn east_asian_width(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    let c = one_char(vm, args, p, "east_asian_width")?;
    Ok(vm.new_str(data::east_asian_width(db, c)))
}

fn decomposition(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    let c = one_char(vm, args, p, "decomposition")?;
    Ok(vm.new_str(data::decomposition_text(db, c)))
}

fn name(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    let (c, d) = char_default(vm, args, p, "name")?;
    let v = names::name(db, c).map(|n| vm.new_str(n));
    or_default(vm, v, d, "no such name")
}

/// Longest name `lookup` accepts, as CPython's `NAME_MAXLEN`.
const NAME_MAXLEN: usize = 256;

fn lookup(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    let [o] = args.exact::<1>(vm, &format!("{p}lookup"))?;
    let bytes: Vec<u8> = if let Some(s) = o.downcast_ref::<PyStr>() {
        if s.has_surrogates() {
            // Raises CPython's UnicodeEncodeError for the first surrogate.
            vm.call_method(o, "encode", &[vm.new_str("utf-8")])?;
        }
        s.as_str().as_bytes().to_vec()
    } else if let Some(b) = o.downcast_ref::<PyBytes>() {
        b.data.to_vec()
    } else if o.downcast_ref::<PyByteArray>().is_some()
        || o.downcast_ref::<PyMemoryView>().is_some()
    {
        return Err(vm.new_type_error(format!(
            "lookup() argument must be read-only bytes-like object, not {}",
            vm.type_name(o)
        )));
    } else {
        return Err(vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(o)
        )));
    };
    if bytes.len() > NAME_MAXLEN {
        return Err(vm.new_key_error(vm.new_str("name too long")));
    }
    match names::lookup(db, &bytes) {
        Some(cps) => {
            let (s, marked) = surrogate::from_code_points(cps);
            Ok(vm.new_str_marked(s, marked))
        }
        None => {
            // CPython formats the name as a C string: it ends at a NUL.
            let shown = bytes.split(|&b| b == 0).next().unwrap_or(&[]);
            Err(vm.new_key_error(vm.new_str(format!(
                "undefined character name '{}'",
                String::from_utf8_lossy(shown)
            ))))
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Quick {
    Yes,
    Maybe,
    No,
}

/// CPython's quick check (UAX #15): certainly normalized, certainly not,
/// or unknown. `yes_only` stops at the first character that is not a
/// certain yes. The 3.2.0 database has no quick-check data.
fn quick_check(db: Db, s: &PyStr, nfc: bool, k: bool, yes_only: bool) -> Quick {
    if db == Db::Old {
        return Quick::Maybe;
    }
    if s.is_ascii() {
        return Quick::Yes;
    }
    let mut prev = 0u8;
    let mut result = Quick::Yes;
    for cp in s.code_points() {
        let comb = data::combining(Db::New, cp);
        if comb != 0 && prev > comb {
            return Quick::No;
        }
        prev = comb;
        match data::quick_check(cp, nfc, k) {
            0 => {}
            _ if yes_only => return Quick::Maybe,
            1 => result = Quick::Maybe,
            _ => return Quick::No,
        }
    }
    result
}

/// The form's (composed, compatibility) flags.
fn parse_form(vm: &Vm, form: &PyStr) -> PyResult<(bool, bool)> {
    match form.as_str() {
        "NFC" if !form.has_surrogates() => Ok((true, false)),
        "NFKC" if !form.has_surrogates() => Ok((true, true)),
        "NFD" if !form.has_surrogates() => Ok((false, false)),
        "NFKD" if !form.has_surrogates() => Ok((false, true)),
        _ => Err(vm.new_value_error("invalid normalization form")),
    }
}

fn run_form(db: Db, s: &PyStr, nfc: bool, k: bool) -> Vec<u32> {
    let cps: Vec<u32> = s.code_points().collect();
    if nfc {
        normalize::compose(db, &cps, k)
    } else {
        normalize::decompose(db, &cps, k)
    }
}

fn normalize(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    args.no_kwargs(vm, &format!("{p}normalize"))?;
    let [form, input] = args.exact::<2>(vm, "normalize")?;
    let form_s = str_arg(vm, form, "normalize", 1)?;
    let s = str_arg(vm, input, "normalize", 2)?;
    if s.char_len() == 0 {
        return Ok(input.clone());
    }
    let (nfc, k) = parse_form(vm, form_s)?;
    if quick_check(db, s, nfc, k, true) == Quick::Yes {
        return Ok(input.clone());
    }
    let (text, marked) = surrogate::from_code_points(run_form(db, s, nfc, k));
    Ok(vm.new_str_marked(text, marked))
}

fn is_normalized(vm: &Vm, db: Db, args: &Args, p: &str) -> PyResult {
    args.no_kwargs(vm, &format!("{p}is_normalized"))?;
    let [form, input] = args.exact::<2>(vm, "is_normalized")?;
    let form_s = str_arg(vm, form, "is_normalized", 1)?;
    let s = str_arg(vm, input, "is_normalized", 2)?;
    if s.char_len() == 0 {
        return Ok(vm.new_bool(true));
    }
    let (nfc, k) = parse_form(vm, form_s)?;
    let r = match quick_check(db, s, nfc, k, false) {
        Quick::Yes => true,
        Quick::No => false,
        Quick::Maybe => run_form(db, s, nfc, k).into_iter().eq(s.code_points()),
    };
    Ok(vm.new_bool(r))
}

type Impl = fn(&Vm, Db, &Args, &str) -> PyResult;

/// Each function as a module-level function (current database) and as a
/// `UCD` method (the object's database).
macro_rules! both {
    ($($name:ident),* $(,)?) => {
        mod module_fns {
            use super::*;
            $(pub fn $name(vm: &Vm, args: Args) -> PyResult {
                (super::$name as Impl)(vm, Db::New, &args, "unicodedata.")
            })*
        }
        mod ucd_methods {
            use super::*;
            $(pub fn $name(vm: &Vm, args: Args) -> PyResult {
                let db = me(vm, &args, stringify!($name))?;
                (super::$name as Impl)(vm, db, &args.shift(), "UCD.")
            })*
        }
        const FUNCTIONS: &[(&str, crate::args::NativeFn, crate::args::NativeFn)] =
            &[$((stringify!($name), module_fns::$name, ucd_methods::$name)),*];
    };
}

both!(
    decimal,
    digit,
    numeric,
    category,
    bidirectional,
    combining,
    mirrored,
    east_asian_width,
    decomposition,
    is_normalized,
    normalize,
    name,
    lookup,
);

/// The database of the `UCD` object a method was called on.
fn me(vm: &Vm, args: &Args, fname: &str) -> PyResult<Db> {
    match args.pos().first() {
        Some(o) if o.downcast_ref::<PyUcd>().is_some() => Ok(Db::Old),
        Some(o) => Err(vm.new_type_error(format!(
            "descriptor '{fname}' for 'unicodedata.UCD' objects doesn't apply to a '{}' object",
            vm.type_name(o)
        ))),
        None => Err(vm.new_type_error(format!("unbound method UCD.{fname}() needs an argument"))),
    }
}

fn ucd_new(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.new_type_error("cannot create 'unicodedata.UCD' instances"))
}

fn ucd_version(vm: &Vm, _o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str("3.2.0"))
}

/// CPython exposes the version as a read-only member.
fn ucd_version_set(vm: &Vm, _o: &PyObjectRef, _v: Option<PyObjectRef>) -> PyResult<()> {
    Err(vm.new_attribute_error("readonly attribute"))
}

fn init_ucd_type(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", ucd_new);
    for &(name, _, method) in FUNCTIONS {
        vm.add_method(t, name, method);
    }
    vm.add_getset(t, "unidata_version", ucd_version, Some(ucd_version_set));
    vm.set_docs(
        t,
        &TypeDocs {
            doc: "",
            members: &tables::UCD_DOCS,
        },
    );
    // The type itself has no docstring.
    t.ext.doc.set(None);
    vm.set_type_attr(t, "__doc__", vm.none.clone());
}

/// Build the `unicodedata` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("unicodedata", Some(tables::MODULE_DOC));
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    for &(name, func, _) in FUNCTIONS {
        vm.add_function(d, "unicodedata", name, func);
    }
    vm.set_function_docs(d, &tables::MODULE_DOCS);
    let t = ucd_type(vm);
    vm.dict_set_str(d, "UCD", t.as_object().clone());
    vm.dict_set_str(d, "unidata_version", vm.new_str("14.0.0"));
    let old = vm.try_alloc(PyUcd, t.as_object())?.into_object();
    vm.dict_set_str(d, "ucd_3_2_0", old);
    Ok(m)
}

#[cfg(test)]
#[rustfmt::skip]
mod expected;
#[cfg(test)]
mod tests;
