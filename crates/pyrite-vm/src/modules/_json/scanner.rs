//! `_json.Scanner` (`make_scanner`): `scanner(string, idx)` returns
//! `(value, end)` or raises `StopIteration(idx)` when no JSON value starts
//! at `idx`. Nested failures propagate the same `StopIteration`, which
//! `JSONDecoder.raw_decode` turns into "Expecting value".

use std::collections::HashMap;

use super::{char_index, decode_error, scan_string, str_arg};
use crate::args::Args;
use crate::modules::type_cache::{native_type, GC};
use crate::types::int_methods::int_from_str;
use crate::types::str::PyStr;
use crate::types::typeobj::PyTypeRef;
use crate::{Payload, PyBaseExceptionRef, PyObjectRef, PyResult, Vm};

pub struct Scanner {
    strict: bool,
    object_hook: PyObjectRef,
    object_pairs_hook: PyObjectRef,
    parse_float: PyObjectRef,
    parse_int: PyObjectRef,
    parse_constant: PyObjectRef,
}

impl Payload for Scanner {
    pyrite_core::unique_vtable!(Scanner);
    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.object_hook);
        visit(&self.object_pairs_hook);
        visit(&self.parse_float);
        visit(&self.parse_int);
        visit(&self.parse_constant);
    }
}

pub fn scanner_type(vm: &Vm) -> PyTypeRef {
    native_type::<Scanner>(vm, "_json", "Scanner", None, GC, init_scanner)
}

fn init_scanner(vm: &Vm, t: &PyTypeRef) {
    vm.add_staticmethod(t, "__new__", scanner_new);
    vm.add_method(t, "__call__", scanner_call);
    vm.add_getset(
        t,
        "strict",
        |vm, o| Ok(vm.new_bool(sc(vm, o)?.strict)),
        None,
    );
    vm.add_getset(
        t,
        "object_hook",
        |vm, o| Ok(sc(vm, o)?.object_hook.clone()),
        None,
    );
    vm.add_getset(
        t,
        "object_pairs_hook",
        |vm, o| Ok(sc(vm, o)?.object_pairs_hook.clone()),
        None,
    );
    vm.add_getset(
        t,
        "parse_float",
        |vm, o| Ok(sc(vm, o)?.parse_float.clone()),
        None,
    );
    vm.add_getset(
        t,
        "parse_int",
        |vm, o| Ok(sc(vm, o)?.parse_int.clone()),
        None,
    );
    vm.add_getset(
        t,
        "parse_constant",
        |vm, o| Ok(sc(vm, o)?.parse_constant.clone()),
        None,
    );
}

fn sc<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a Scanner> {
    o.downcast_ref::<Scanner>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a '_json.Scanner' object"))
}

fn scanner_new(vm: &Vm, args: Args) -> PyResult {
    let cls = crate::modules::type_cache::new_cls(vm, &args, &scanner_type(vm))?;
    let [ctx] = args
        .shift()
        .bind(vm, "make_scanner", ["context"], 1, 0, 1)?;
    let ctx = ctx.ok_or_else(|| vm.new_type_error("make_scanner() missing context"))?;
    let strict = vm.get_attr_str(ctx, "strict")?;
    let strict = vm.is_true(&strict)?;
    let s = Scanner {
        strict,
        object_hook: vm.get_attr_str(ctx, "object_hook")?,
        object_pairs_hook: vm.get_attr_str(ctx, "object_pairs_hook")?,
        parse_float: vm.get_attr_str(ctx, "parse_float")?,
        parse_int: vm.get_attr_str(ctx, "parse_int")?,
        parse_constant: vm.get_attr_str(ctx, "parse_constant")?,
    };
    Ok(vm.try_alloc(s, cls)?.into_object())
}

/// Why a scan stopped: no value at this byte offset, or a Python error.
enum Stop {
    NoValue(usize),
    Err(PyBaseExceptionRef),
}

impl From<PyBaseExceptionRef> for Stop {
    fn from(e: PyBaseExceptionRef) -> Self {
        Stop::Err(e)
    }
}

type R<T> = Result<T, Stop>;

struct Ctx<'a> {
    vm: &'a Vm,
    sc: &'a Scanner,
    s_obj: &'a PyObjectRef,
    s: &'a PyStr,
    b: &'a [u8],
    /// Object keys seen so far: equal keys share one str object.
    memo: HashMap<String, PyObjectRef>,
    float_fast: bool,
    int_fast: bool,
}

fn scanner_call(vm: &Vm, args: Args) -> PyResult {
    let me = &args.pos()[0];
    let scanner = sc(vm, me)?;
    let [string, idx] = args
        .shift()
        .bind(vm, "scan_once", ["string", "idx"], 2, 0, 2)?;
    let (Some(string), Some(idx)) = (string, idx) else {
        return Err(vm.new_type_error("scan_once() missing arguments"));
    };
    let s = str_arg(vm, string)?;
    let idx = vm.index_isize(idx)?;
    if idx < 0 {
        return Err(vm.new_value_error("idx cannot be negative"));
    }
    let idx = idx as usize;
    if idx >= s.char_len() {
        return Err(vm.new_stop_iteration(Some(vm.new_int(idx as i64))));
    }
    let mut cx = Ctx {
        vm,
        sc: scanner,
        s_obj: string,
        s,
        b: s.as_str().as_bytes(),
        memo: HashMap::new(),
        float_fast: scanner.parse_float.is(vm.types.float.as_object()),
        int_fast: scanner.parse_int.is(vm.types.int.as_object()),
    };
    match cx.scan_once(s.byte_offset(idx)) {
        Ok((v, end)) => Ok(vm.new_tuple(vec![v, vm.new_int(char_index(s, end) as i64)])),
        Err(Stop::NoValue(at)) => {
            Err(vm.new_stop_iteration(Some(vm.new_int(char_index(s, at) as i64))))
        }
        Err(Stop::Err(e)) => Err(e),
    }
}

impl Ctx<'_> {
    fn err(&self, msg: &str, at: usize) -> Stop {
        Stop::Err(decode_error(self.vm, msg, self.s_obj, self.s, at))
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && matches!(self.b[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    fn scan_once(&mut self, i: usize) -> R<(PyObjectRef, usize)> {
        let vm = self.vm;
        let Some(c) = self.at(i) else {
            return Err(Stop::NoValue(i));
        };
        let rest = &self.b[i..];
        match c {
            b'"' => {
                let (t, marked, end) = scan_string(vm, self.s_obj, self.s, i + 1, self.sc.strict)?;
                Ok((vm.new_str_marked(t, marked), end))
            }
            b'{' => {
                vm.enter_call(" while decoding a JSON object from a unicode string")?;
                let r = self.parse_object(i + 1);
                vm.leave_call();
                r
            }
            b'[' => {
                vm.enter_call(" while decoding a JSON array from a unicode string")?;
                let r = self.parse_array(i + 1);
                vm.leave_call();
                r
            }
            b'n' if rest.starts_with(b"null") => Ok((vm.none.clone(), i + 4)),
            b't' if rest.starts_with(b"true") => Ok((vm.true_.clone(), i + 4)),
            b'f' if rest.starts_with(b"false") => Ok((vm.false_.clone(), i + 5)),
            b'N' if rest.starts_with(b"NaN") => self.constant("NaN", i + 3),
            b'I' if rest.starts_with(b"Infinity") => self.constant("Infinity", i + 8),
            b'-' if rest.starts_with(b"-Infinity") => self.constant("-Infinity", i + 9),
            _ => self.number(i),
        }
    }

    fn constant(&self, name: &str, end: usize) -> R<(PyObjectRef, usize)> {
        let v = self
            .vm
            .call(&self.sc.parse_constant, &[self.vm.new_str(name)])?;
        Ok((v, end))
    }

    fn number(&self, start: usize) -> R<(PyObjectRef, usize)> {
        let vm = self.vm;
        let b = self.b;
        let digit = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i) {
            Some(b'1'..=b'9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some(b'0') => i += 1,
            _ => return Err(Stop::NoValue(start)),
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && digit(i + 1) {
            is_float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let e_start = i;
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            while digit(i) {
                i += 1;
            }
            if digit(i - 1) {
                is_float = true;
            } else {
                i = e_start;
            }
        }
        // The number text is ASCII, so byte offsets slice it exactly.
        let text = &self.s.as_str()[start..i];
        let v = if is_float {
            if self.float_fast {
                vm.new_float(text.parse::<f64>().unwrap_or(f64::NAN))
            } else {
                vm.call(&self.sc.parse_float, &[vm.new_str(text)])?
            }
        } else if self.int_fast {
            match text.parse::<i64>() {
                Ok(n) => vm.new_int(n),
                Err(_) => vm.new_int_val(int_from_str(vm, text, 10)?),
            }
        } else {
            vm.call(&self.sc.parse_int, &[vm.new_str(text)])?
        };
        Ok((v, i))
    }

    fn parse_array(&mut self, mut i: usize) -> R<(PyObjectRef, usize)> {
        let mut items = Vec::new();
        i = self.skip_ws(i);
        if self.at(i) != Some(b']') {
            loop {
                let (v, end) = self.scan_once(i)?;
                items.push(v);
                i = self.skip_ws(end);
                match self.at(i) {
                    Some(b']') => break,
                    Some(b',') => i = self.skip_ws(i + 1),
                    _ => return Err(self.err("Expecting ',' delimiter", i)),
                }
            }
        }
        Ok((self.vm.new_list(items), i + 1))
    }

    fn parse_object(&mut self, mut i: usize) -> R<(PyObjectRef, usize)> {
        let vm = self.vm;
        let pairs_hook = !self.sc.object_pairs_hook.is(&vm.none);
        let mut pairs: Vec<PyObjectRef> = Vec::new();
        let dict = vm.new_dict();
        i = self.skip_ws(i);
        if self.at(i) != Some(b'}') {
            loop {
                if self.at(i) != Some(b'"') {
                    return Err(self.err("Expecting property name enclosed in double quotes", i));
                }
                let (k, marked, end) = scan_string(vm, self.s_obj, self.s, i + 1, self.sc.strict)?;
                let key = match self.memo.get(k.as_str()) {
                    Some(o) if !marked => o.clone(),
                    _ => {
                        let o = vm.new_str_marked(k.as_str(), marked);
                        self.memo.insert(k, o.clone());
                        o
                    }
                };
                i = self.skip_ws(end);
                if self.at(i) != Some(b':') {
                    return Err(self.err("Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (v, end) = self.scan_once(i)?;
                if pairs_hook {
                    pairs.push(vm.new_tuple(vec![key, v]));
                } else {
                    dict.set_item(vm, key, v)?;
                }
                i = self.skip_ws(end);
                match self.at(i) {
                    Some(b'}') => break,
                    Some(b',') => i = self.skip_ws(i + 1),
                    _ => return Err(self.err("Expecting ',' delimiter", i)),
                }
            }
        }
        let end = i + 1;
        if pairs_hook {
            let v = vm.call(&self.sc.object_pairs_hook, &[vm.new_list(pairs)])?;
            return Ok((v, end));
        }
        let d = dict.into_object();
        if !self.sc.object_hook.is(&vm.none) {
            return Ok((vm.call(&self.sc.object_hook, &[d])?, end));
        }
        Ok((d, end))
    }
}
