//! The charmap codec of `_codecs` (`charmap_encode`, `charmap_decode`,
//! `charmap_build`), which the table-driven codecs of `encodings`
//! (`cp1252`, `cp437`, `mac_roman`, `koi8_r`, ...) are written with.
//! `charmap_build` returns a plain dict from code point to byte (CPython
//! returns a compact `EncodingMap` for full 256-entry tables, a dict
//! otherwise; both are used the same way by `charmap_encode`).

use super::support::{
    buffer_arg, bytes_obj, encode_fail, errors_arg, pair, str_arg, Decoding, Out, Replacement,
};
use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::str::PyStr;
use crate::{PyObjectRef, PyResult, Vm};

const UNDEFINED: &str = "character maps to <undefined>";

/// What one byte decodes to through a mapping object.
enum Decoded {
    Undefined,
    Char(u32),
    Text(PyObjectRef),
}

fn decode_lookup(vm: &Vm, mapping: &PyObjectRef, b: u8) -> PyResult<Decoded> {
    let v = match vm.get_item(mapping, &vm.new_int(b as i64)) {
        Ok(v) => v,
        Err(e) if vm.exc_matches(&e, &vm.exc.LookupError) => return Ok(Decoded::Undefined),
        Err(e) => return Err(e),
    };
    if v.is(&vm.none) {
        return Ok(Decoded::Undefined);
    }
    if let Some(s) = v.downcast_ref::<PyStr>() {
        let mut cps = s.code_points();
        let undefined = matches!((cps.next(), cps.next()), (Some(0xFFFE), None));
        drop(cps);
        if undefined {
            return Ok(Decoded::Undefined);
        }
        return Ok(Decoded::Text(v.clone()));
    }
    if vm.isinstance(&v, vm.types.int.as_object())? {
        let n = crate::types::int::as_i64(&v).unwrap_or(-1);
        if !(0..=0x10FFFF).contains(&n) {
            return Err(vm.new_type_error("character mapping must be in range(0x110000)"));
        }
        if n == 0xFFFE {
            return Ok(Decoded::Undefined);
        }
        return Ok(Decoded::Char(n as u32));
    }
    Err(vm.new_type_error("character mapping must return integer, None or str"))
}

fn charmap_decode(vm: &Vm, args: Args) -> PyResult {
    let fname = "charmap_decode";
    let [d, e, m] = super::support::range_args::<3>(vm, &args, fname)?;
    let data = buffer_arg(vm, d.expect("min 1"))?;
    let errors = errors_arg(vm, e, fname, 2)?;
    let n = data.len();
    let mapping = m.filter(|m| !m.is(&vm.none));
    let Some(mapping) = mapping else {
        let s: String = data.iter().map(|&b| b as char).collect();
        return Ok(pair(vm, vm.new_str(s), n));
    };
    let dec = Decoding::new("charmap", errors, &data);
    let mut out = Out::with_capacity(n);
    let mut i = 0;
    if let Some(table) = mapping.downcast_ref::<PyStr>() {
        let table: Vec<u32> = table.code_points().collect();
        while i < n {
            match table.get(data[i] as usize) {
                Some(&c) if c != 0xFFFE => {
                    out.push(c);
                    i += 1;
                }
                _ => i = dec.fail(vm, i, i + 1, UNDEFINED, &mut out)?,
            }
        }
    } else {
        while i < n {
            match decode_lookup(vm, mapping, data[i])? {
                Decoded::Char(c) => {
                    out.push(c);
                    i += 1;
                }
                Decoded::Text(t) => {
                    if let Some(t) = t.downcast_ref::<PyStr>() {
                        out.push_text(t.as_str(), t.has_surrogates());
                    }
                    i += 1;
                }
                Decoded::Undefined => i = dec.fail(vm, i, i + 1, UNDEFINED, &mut out)?,
            }
        }
    }
    Ok(pair(vm, out.finish(vm), n))
}

/// The bytes one code point encodes to through `mapping` (`None` when
/// unmapped).
fn encode_lookup(vm: &Vm, mapping: &PyObjectRef, c: u32) -> PyResult<Option<Vec<u8>>> {
    let v = match vm.get_item(mapping, &vm.new_int(c as i64)) {
        Ok(v) => v,
        Err(e) if vm.exc_matches(&e, &vm.exc.LookupError) => return Ok(None),
        Err(e) => return Err(e),
    };
    if v.is(&vm.none) {
        return Ok(None);
    }
    if let Some(b) = v.downcast_ref::<PyBytes>() {
        return Ok(Some(b.data.to_vec()));
    }
    if vm.isinstance(&v, vm.types.int.as_object())? {
        let n = crate::types::int::as_i64(&v).unwrap_or(-1);
        if !(0..=255).contains(&n) {
            return Err(vm.new_type_error("character mapping must be in range(256)"));
        }
        return Ok(Some(vec![n as u8]));
    }
    Err(vm.new_type_error(format!(
        "character mapping must return integer, bytes or None, not {}",
        vm.type_name(&v)
    )))
}

fn charmap_encode(vm: &Vm, args: Args) -> PyResult {
    let fname = "charmap_encode";
    let [s, e, m] = super::support::range_args::<3>(vm, &args, fname)?;
    let obj = s.expect("min 1");
    let text = str_arg(vm, obj, fname, 1)?;
    let errors = errors_arg(vm, e, fname, 2)?;
    let Some(mapping) = m.filter(|m| !m.is(&vm.none)) else {
        let b = crate::modules::_codecs::encode(vm, text.as_str(), "latin-1", errors, obj)?;
        return Ok(pair(vm, bytes_obj(vm, b), text.char_len()));
    };
    let cps: Vec<u32> = text.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        if let Some(b) = encode_lookup(vm, mapping, cps[i])? {
            out.extend_from_slice(&b);
            i += 1;
            continue;
        }
        // The whole run of unmappable characters is one error.
        let mut j = i + 1;
        while j < cps.len() && encode_lookup(vm, mapping, cps[j])?.is_none() {
            j += 1;
        }
        let (rep, pos) = encode_fail(vm, errors, "charmap", obj, &cps, i, j, UNDEFINED)?;
        match rep {
            Replacement::Bytes(b) => out.extend_from_slice(&b),
            Replacement::Text(t) => {
                for c in t {
                    match encode_lookup(vm, mapping, c)? {
                        Some(b) => out.extend_from_slice(&b),
                        None => {
                            return Err(crate::modules::_codecs::encode_error(
                                vm, "charmap", obj, i, j, UNDEFINED,
                            ))
                        }
                    }
                }
            }
        }
        i = pos;
    }
    Ok(pair(vm, bytes_obj(vm, out), cps.len()))
}

/// `charmap_build(decoding_table)`: the inverse mapping, code point to
/// byte (the last byte wins for repeated characters, as in CPython).
/// Tables CPython would compile to an `EncodingMap` (first entry U+0000,
/// no other U+0000, all in the BMP) leave out U+FFFE, their "unmapped"
/// marker, as that type does.
fn charmap_build(vm: &Vm, args: Args) -> PyResult {
    let [t] = args.exact::<1>(vm, "_codecs.charmap_build")?;
    let table = t.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "charmap_build() argument must be str, not {}",
            vm.type_name(t)
        ))
    })?;
    let cps: Vec<u32> = table.code_points().take(256).collect();
    if cps.is_empty() {
        return Err(vm.new_type_error("bad argument type for built-in operation"));
    }
    let compact = cps[0] == 0 && cps[1..].iter().all(|&c| c != 0 && c <= 0xFFFF);
    let d = vm.new_dict();
    for (i, &c) in cps.iter().enumerate() {
        if compact && c == 0xFFFE {
            continue;
        }
        vm.set_item(d.as_object(), vm.new_int(c as i64), vm.new_int(i as i64))?;
    }
    Ok(d.into_object())
}

/// Add the charmap codec to the `_codecs` module dict.
pub fn add(vm: &Vm, d: &crate::types::dict::PyDict) {
    vm.add_function(d, "_codecs", "charmap_encode", charmap_encode);
    vm.add_function(d, "_codecs", "charmap_decode", charmap_decode);
    vm.add_function(d, "_codecs", "charmap_build", charmap_build);
}
