//! The `marshal` module: CPython 3.11's value serialisation (format
//! versions 0 to 4), byte-compatible with `Python/marshal.c`'s output.
//!
//! Writing: each object is a type byte plus payload. From version 3 an
//! object that may be met again gets `FLAG_REF` and a slot in a reference
//! table, and later occurrences are written as `r` + slot. CPython decides
//! "may be met again" by reference count (an object referenced once cannot
//! recur) and always for interned strings; Pyrite's objects are reference
//! counted too, so the same rule gives the same bytes. CPython's immortal-ish
//! singletons (small ints, empty and one-character strings, `()`, `b''`)
//! always count as shared. Sets are written in the order of their elements'
//! own marshalled bytes (CPython 3.11 sorts them for reproducible output).
//! Reading lives in `marshal_read.rs`.

use std::collections::HashMap;

use crate::args::Args;
use crate::types::bytes::PyBytes;
use crate::types::code::PyCode;
use crate::types::complex::PyComplex;
use crate::types::dict::PyDict;
use crate::types::float::PyFloat;
use crate::types::int::PyInt;
use crate::types::list::PyList;
use crate::types::set::PySet;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::{PyObjectRef, PyResult, Vm};

/// `marshal.version`.
pub const VERSION: i64 = 4;
pub(crate) const FLAG_REF: u8 = 0x80;
/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
pub(crate) const MAX_DEPTH: usize = 2000;

/// References a container holds on an item while the writer looks at it:
/// the container's own plus the writer's snapshot copy.
const HELD: usize = 2;

struct Writer<'v> {
    vm: &'v Vm,
    out: Vec<u8>,
    version: i64,
    refs: HashMap<usize, u32>,
    /// Keeps every object with a slot alive, so an address is never reused.
    keep: Vec<PyObjectRef>,
    /// The `b''` written for code objects' empty byte fields.
    empty_bytes: Option<PyObjectRef>,
    depth: usize,
}

fn is(o: &PyObjectRef, t: &crate::types::PyTypeRef) -> bool {
    o.class().is(t.as_object())
}

/// `'%.17g'` of `v` (the text float format of versions 0 and 1).
pub(crate) fn format_g17(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let e = format!("{v:.16e}");
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..17).contains(&exp) {
        let mant = trim_zeros(mant);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    } else {
        let decimals = (16 - exp).max(0) as usize;
        trim_zeros(&format!("{v:.decimals$}")).to_string()
    }
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

impl<'v> Writer<'v> {
    fn new(vm: &'v Vm, version: i64) -> Self {
        Writer {
            vm,
            out: Vec::new(),
            version,
            refs: HashMap::new(),
            keep: Vec::new(),
            empty_bytes: None,
            depth: 0,
        }
    }

    fn i32(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn sized(&mut self, b: &[u8]) -> PyResult<()> {
        let n =
            i32::try_from(b.len()).map_err(|_| self.vm.new_value_error("unmarshallable object"))?;
        self.i32(n);
        self.out.extend_from_slice(b);
        Ok(())
    }

    fn size(&mut self, n: usize) -> PyResult<()> {
        let n = i32::try_from(n).map_err(|_| self.vm.new_value_error("unmarshallable object"))?;
        self.i32(n);
        Ok(())
    }

    /// Whether CPython would consider `o` possibly shared (`w_ref`'s
    /// refcount test), given `held` references are the writer's own.
    fn shared(&self, o: &PyObjectRef, held: usize) -> bool {
        if let Some(s) = o.downcast_ref::<PyStr>() {
            if s.is_interned() || s.char_len() <= 1 && s.as_str().chars().all(|c| (c as u32) < 256)
            {
                return true;
            }
        }
        if let Some(i) = o.downcast_ref::<PyInt>() {
            if i.value.as_i64().is_some_and(|v| (-5..=256).contains(&v)) {
                return true;
            }
        }
        if let Some(b) = o.downcast_ref::<PyBytes>() {
            if b.data.len() <= 1 {
                return true;
            }
        }
        if let Some(t) = o.downcast_ref::<PyTuple>() {
            if t.len() == 0 {
                return true;
            }
        }
        o.refcount() > held
    }

    /// `w_ref`: write a back-reference if `o` was seen, or decide its
    /// flag. Returns `None` when the back-reference was written.
    fn reference(&mut self, o: &PyObjectRef, held: usize) -> Option<u8> {
        if self.version < 3 || !self.shared(o, held) {
            return Some(0);
        }
        if let Some(&i) = self.refs.get(&o.id()) {
            self.out.push(b'r');
            self.i32(i as i32);
            return None;
        }
        let n = self.refs.len() as u32;
        self.refs.insert(o.id(), n);
        self.keep.push(o.clone());
        Some(FLAG_REF)
    }

    fn object(&mut self, o: &PyObjectRef, held: usize) -> PyResult<()> {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH || self.vm.native_stack_low() {
            Err(self
                .vm
                .new_value_error("object too deeply nested to marshal"))
        } else {
            self.object_inner(o, held)
        };
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, o: &PyObjectRef, held: usize) -> PyResult<()> {
        let vm = self.vm;
        if o.is(&vm.none) {
            self.out.push(b'N');
            return Ok(());
        }
        if o.is(&vm.true_) {
            self.out.push(b'T');
            return Ok(());
        }
        if o.is(&vm.false_) {
            self.out.push(b'F');
            return Ok(());
        }
        if o.is(&vm.ellipsis) {
            self.out.push(b'.');
            return Ok(());
        }
        if o.is(vm.exc.StopIteration.as_object()) {
            self.out.push(b'S');
            return Ok(());
        }
        let Some(flag) = self.reference(o, held) else {
            return Ok(());
        };
        if let (true, Some(i)) = (is(o, &vm.types.int), o.downcast_ref::<PyInt>()) {
            match i.value.as_i64().and_then(|v| i32::try_from(v).ok()) {
                Some(v) => {
                    self.out.push(b'i' | flag);
                    self.i32(v);
                }
                None => {
                    self.out.push(b'l' | flag);
                    let big = i.value.to_big();
                    let digits = pyrite_bytecode::marshal::int_digits(&big);
                    let n = digits.len() as i32;
                    self.i32(if i.value.is_negative() { -n } else { n });
                    for d in digits {
                        self.out.extend_from_slice(&d.to_le_bytes());
                    }
                }
            }
        } else if let (true, Some(f)) = (is(o, &vm.types.float), o.downcast_ref::<PyFloat>()) {
            if self.version > 1 {
                self.out.push(b'g' | flag);
                self.out.extend_from_slice(&f.value.to_le_bytes());
            } else {
                self.out.push(b'f' | flag);
                self.text_float(f.value);
            }
        } else if let (true, Some(c)) = (is(o, &vm.types.complex), o.downcast_ref::<PyComplex>()) {
            if self.version > 1 {
                self.out.push(b'y' | flag);
                self.out.extend_from_slice(&c.re.to_le_bytes());
                self.out.extend_from_slice(&c.im.to_le_bytes());
            } else {
                self.out.push(b'x' | flag);
                self.text_float(c.re);
                self.text_float(c.im);
            }
        } else if let (true, Some(s)) = (is(o, &vm.types.str), o.downcast_ref::<PyStr>()) {
            self.str(s, flag)?;
        } else if let (true, Some(b)) = (is(o, &vm.types.bytes), o.downcast_ref::<PyBytes>()) {
            self.out.push(b's' | flag);
            self.sized(&b.data)?;
        } else if let (true, Some(t)) = (is(o, &vm.types.tuple), o.downcast_ref::<PyTuple>()) {
            let items = t.as_slice().to_vec();
            if self.version >= 4 && items.len() < 256 {
                self.out.push(b')' | flag);
                self.out.push(items.len() as u8);
            } else {
                self.out.push(b'(' | flag);
                self.size(items.len())?;
            }
            for x in &items {
                self.object(x, HELD)?;
            }
        } else if let (true, Some(l)) = (is(o, &vm.types.list), o.downcast_ref::<PyList>()) {
            let items = l.to_vec();
            self.out.push(b'[' | flag);
            self.size(items.len())?;
            for x in &items {
                self.object(x, HELD)?;
            }
        } else if let (true, Some(d)) = (is(o, &vm.types.dict), o.downcast_ref::<PyDict>()) {
            self.out.push(b'{' | flag);
            for (k, v) in d.items() {
                self.object(&k, HELD)?;
                self.object(&v, HELD)?;
            }
            self.out.push(b'0');
        } else if let Some(s) = o.downcast_ref::<PySet>() {
            let frozen = is(o, &vm.types.frozenset);
            if !frozen && !is(o, &vm.types.set) {
                return Err(vm.new_value_error("unmarshallable object"));
            }
            self.out.push(if frozen { b'>' } else { b'<' } | flag);
            let items = s.keys();
            self.size(items.len())?;
            // Sorted by each element's own marshalled form.
            let mut keyed = Vec::with_capacity(items.len());
            for x in items {
                let mut w = Writer::new(vm, self.version);
                w.object(&x, HELD)?;
                keyed.push((w.out, x));
            }
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, x) in &keyed {
                // The sort's pairs hold one more reference each.
                self.object(x, HELD + 1)?;
            }
        } else if let (true, Some(c)) = (is(o, &vm.types.code), o.downcast_ref::<PyCode>()) {
            self.out.push(b'c' | flag);
            self.code(c)?;
        } else if let Some(data) = crate::types::memoryview::bytes_like(o) {
            // Other bytes-like objects (bytearray, memoryview) are written
            // as bytes, as CPython does for any buffer.
            self.out.push(b's' | flag);
            self.sized(&data)?;
        } else {
            return Err(vm.new_value_error("unmarshallable object"));
        }
        Ok(())
    }

    fn text_float(&mut self, v: f64) {
        let s = format_g17(v);
        self.out.push(s.len() as u8);
        self.out.extend_from_slice(s.as_bytes());
    }

    fn str(&mut self, s: &PyStr, flag: u8) -> PyResult<()> {
        self.str_as(s, flag, s.is_interned())
    }

    fn str_as(&mut self, s: &PyStr, flag: u8, interned: bool) -> PyResult<()> {
        let text = s.as_str();
        let interned = self.version >= 3 && interned;
        if self.version >= 4 && text.is_ascii() {
            if text.len() < 256 {
                self.out.push((if interned { b'Z' } else { b'z' }) | flag);
                self.out.push(text.len() as u8);
                self.out.extend_from_slice(text.as_bytes());
            } else {
                self.out.push((if interned { b'A' } else { b'a' }) | flag);
                self.sized(text.as_bytes())?;
            }
        } else if s.has_surrogates() {
            // UTF-8 with surrogatepass, as CPython writes it.
            self.out.push((if interned { b't' } else { b'u' }) | flag);
            self.sized(&pyrite_bytecode::surrogate::encode_pass(text))?;
        } else {
            self.out.push((if interned { b't' } else { b'u' }) | flag);
            self.sized(text.as_bytes())?;
        }
        Ok(())
    }

    /// A freshly made bytes object (as CPython's code getters make them),
    /// so the refcount rule sees it as unshared unless a singleton.
    fn fresh_bytes(&mut self, data: &[u8]) -> PyResult<()> {
        if data.is_empty() {
            // CPython's `b''` singleton: one reference slot for all.
            let e = match &self.empty_bytes {
                Some(e) => e.clone(),
                None => {
                    let e = self
                        .vm
                        .alloc(PyBytes::new(Vec::new()), &self.vm.types.bytes);
                    self.empty_bytes = Some(e.clone());
                    e
                }
            };
            return self.object(&e, 0);
        }
        // Built in place by CPython's compiler, so never a cached
        // one-byte singleton: written without a reference slot.
        self.out.push(b's');
        self.sized(data)
    }

    /// A tuple CPython's code object owns alone (`co_consts`, `co_names`,
    /// `co_localsplusnames`): unshared unless empty (the `()` singleton).
    /// Its items are held by the code object and our snapshot.
    fn owned_tuple(&mut self, items: &[PyObjectRef]) -> PyResult<()> {
        if items.is_empty() {
            let e = self.vm.empty_tuple.clone();
            return self.object(&e, HELD);
        }
        let items = items.to_vec();
        if self.version >= 4 && items.len() < 256 {
            self.out.push(b')');
            self.out.push(items.len() as u8);
        } else {
            self.out.push(b'(');
            self.size(items.len())?;
        }
        for x in &items {
            self.object(x, HELD)?;
        }
        Ok(())
    }

    /// A string field of a code object, interned or not as CPython has
    /// it (Pyrite interns every name string, CPython only identifiers).
    fn code_str(&mut self, o: &PyObjectRef, interned: bool, shared: bool) -> PyResult<()> {
        let Some(s) = o.downcast_ref::<PyStr>() else {
            return self.object(o, HELD);
        };
        let mut flag = 0;
        if self.version >= 3 && (shared || interned) {
            if let Some(&i) = self.refs.get(&o.id()) {
                self.out.push(b'r');
                self.i32(i as i32);
                return Ok(());
            }
            let n = self.refs.len() as u32;
            self.refs.insert(o.id(), n);
            self.keep.push(o.clone());
            flag = FLAG_REF;
        }
        self.str_as(s, flag, interned)
    }

    fn code(&mut self, c: &PyCode) -> PyResult<()> {
        let co = &c.code;
        for v in [
            co.argcount,
            co.posonlyargcount,
            co.kwonlyargcount,
            co.stacksize,
            co.flags,
        ] {
            self.i32(v as i32);
        }
        // CPython caches `co_code` on the code object, so it is shared.
        let code = self
            .vm
            .alloc(PyBytes::new(co.code.clone()), &self.vm.types.bytes);
        let keep = code.clone();
        self.object(&code, 1)?;
        drop(keep);
        self.owned_tuple(&c.consts)?;
        self.owned_tuple(&c.names)?;
        self.owned_tuple(&c.localsplusnames)?;
        self.fresh_bytes(&co.localspluskinds)?;
        let is_ident = |s: &str| {
            s.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_')
                && s.chars().all(|c| c.is_alphanumeric() || c == '_')
        };
        // The file name is one object shared by a module's code objects
        // (so only a lone code object writes it unshared); CPython does
        // not intern it. Pyrite's intern table, this code object and our
        // clone account for three references.
        let f = c.filename_obj.clone();
        let shared = f.refcount() > 3;
        self.code_str(&f, false, shared)?;
        // Names of code objects are the parser's interned identifiers, or
        // compiler constants such as "<listcomp>" (shared, not interned).
        let n = c.name_obj.clone();
        self.code_str(&n, is_ident(&co.name), true)?;
        // The qualified name is the name object itself at top level; else
        // a string shared only with a live function object (the intern
        // table and the code object hold Pyrite's other two references).
        let q = c.qualname_obj.clone();
        if co.qualname == co.name {
            self.code_str(&n, is_ident(&co.name), true)?;
        } else {
            let shared = q.refcount() > 3;
            self.code_str(&q, false, shared)?;
        }
        self.i32(co.firstlineno as i32);
        self.fresh_bytes(&co.linetable)?;
        self.fresh_bytes(&co.exceptiontable)
    }
}

fn version_arg(vm: &Vm, v: Option<&PyObjectRef>) -> PyResult<i64> {
    match v {
        None => Ok(VERSION),
        Some(v) => {
            if v.downcast_ref::<PyInt>().is_none() {
                return Err(vm.new_type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )));
            }
            crate::types::int::as_i64(v)
                .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C int"))
        }
    }
}

/// Marshal `value` (shared by `dumps` and `dump`; `held` is how many
/// references the caller's argument passing holds on it).
pub fn dumps_object(vm: &Vm, value: &PyObjectRef, version: i64, held: usize) -> PyResult<Vec<u8>> {
    let mut w = Writer::new(vm, version);
    w.object(value, held)?;
    Ok(w.out)
}

/// References the argument tuple of a native call adds to an argument
/// (calibrated against CPython's: a temporary passed straight to `dumps`
/// is unshared).
const ARG_HELD: usize = 1;

fn marshal_dumps(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "dumps")?;
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.new_type_error(format!(
            "dumps expected at least 1 argument, got {}",
            pos.len()
        )));
    }
    let version = version_arg(vm, pos.get(1))?;
    let data = dumps_object(vm, &pos[0], version, ARG_HELD)?;
    Ok(vm.alloc(PyBytes::new(data), &vm.types.bytes))
}

fn marshal_dump(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "dump")?;
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 3 {
        return Err(vm.new_type_error(format!(
            "dump expected at least 2 arguments, got {}",
            pos.len()
        )));
    }
    let version = version_arg(vm, pos.get(2))?;
    let data = dumps_object(vm, &pos[0], version, ARG_HELD)?;
    let b = vm.alloc(PyBytes::new(data), &vm.types.bytes);
    vm.call_method(&pos[1], "write", &[b])?;
    Ok(vm.none.clone())
}

/// Create the `marshal` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "marshal",
        Some("This module contains functions that can read and write Python values in\na binary format. The format is specific to Python, but independent of\nmachine architecture issues.\n"),
    );
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    vm.add_function(d, "marshal", "dumps", marshal_dumps);
    vm.add_function(d, "marshal", "dump", marshal_dump);
    vm.add_function(d, "marshal", "loads", super::marshal_read::marshal_loads);
    vm.add_function(d, "marshal", "load", super::marshal_read::marshal_load);
    vm.dict_set_str(d, "version", vm.new_int(VERSION));
    Ok(m)
}
