//! Builtin functions over iterables and numbers: `sorted`, `min`, `max`,
//! `sum`, `any`, `all`, `divmod`, `pow`, `round`, `hex`, `oct`, `bin`, plus
//! `aiter`/`anext`, and the I/O helpers `input`, `open` and `breakpoint`. Registered from
//! `builtins::init`.
//! Mirrors CPython 3.11 `Python/bltinmodule.c`.

use crate::args::Args;
use crate::protocol::compare::CompareOp;
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::dict::PyDict;
use crate::types::float::PyFloat;
use crate::types::int::{IntVal, PyInt};
use crate::types::str::PyStr;
use crate::types::typeobj::{class_of, is_subtype};
use crate::{PyObjectRef, PyResult, Vm};

/// `BINARY_OP` argument of `+` and `**`.
const NB_ADD: u32 = 0;
const NB_POWER: u32 = 8;

fn builtin_sorted(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.new_type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    // CPython builds the list first, then hands the keywords to list.sort.
    let items = vm.to_vec(&pos[0])?;
    let mut key = None;
    let mut reverse = false;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = Some(v.clone()).filter(|v| !v.is(&vm.none)),
            // list.sort parses `reverse` as an int.
            "reverse" => {
                reverse = !vm
                    .index(v)?
                    .downcast_ref::<PyInt>()
                    .is_some_and(|i| i.value.is_zero())
            }
            _ => {
                return Err(
                    vm.new_type_error(format!("'{k}' is an invalid keyword argument for sort()"))
                )
            }
        }
    }
    let list = vm.new_list(items);
    crate::types::list_sort::sort_list(vm, &list, key, reverse)?;
    Ok(list)
}

/// `min()` (`op` = `<`) and `max()` (`op` = `>`).
fn min_max(vm: &Vm, args: Args, name: &str, op: CompareOp) -> PyResult {
    let mut key = None;
    let mut default = None;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = Some(v.clone()).filter(|v| !v.is(&vm.none)),
            "default" => default = Some(v.clone()),
            _ => {
                return Err(
                    vm.new_type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                )
            }
        }
    }
    let pos = args.pos();
    if pos.is_empty() {
        return Err(vm.new_type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if pos.len() > 1 && default.is_some() {
        return Err(vm.new_type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let it = if pos.len() == 1 {
        vm.iter(&pos[0])?
    } else {
        vm.iter(&vm.new_tuple(pos.to_vec()))?
    };
    let mut best: Option<(PyObjectRef, PyObjectRef)> = None;
    while let Some(item) = vm.next(&it)? {
        let val = match &key {
            Some(k) => vm.call(k, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        best = match best {
            None => Some((item, val)),
            Some((bi, bv)) => {
                if vm.compare_bool(&val, &bv, op)? {
                    Some((item, val))
                } else {
                    Some((bi, bv))
                }
            }
        };
    }
    match (best, default) {
        (Some((item, _)), _) => Ok(item),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(vm.new_value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn builtin_min(vm: &Vm, args: Args) -> PyResult {
    min_max(vm, args, "min", CompareOp::Lt)
}

fn builtin_max(vm: &Vm, args: Args) -> PyResult {
    min_max(vm, args, "max", CompareOp::Gt)
}

fn is_exact(o: &PyObjectRef, t: &crate::types::PyTypeRef) -> bool {
    o.class().is(t.as_object())
}

fn builtin_sum(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let mut start = pos.get(1).cloned();
    if pos.is_empty() {
        return Err(vm.new_type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if args.all.len() > 2 {
        return Err(vm.new_type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.all.len()
        )));
    }
    for (k, v) in args.kwargs() {
        if k == "start" && start.is_none() {
            start = Some(v.clone());
        } else if k == "start" {
            return Err(
                vm.new_type_error("argument for sum() given by name ('start') and position (2)")
            );
        } else {
            return Err(
                vm.new_type_error(format!("'{k}' is an invalid keyword argument for sum()"))
            );
        }
    }
    let it = vm.iter(&pos[0])?;
    let mut result = match start {
        None => vm.new_int(0),
        Some(s) => {
            if s.downcast_ref::<PyStr>().is_some() {
                return Err(vm.new_type_error("sum() can't sum strings [use ''.join(seq) instead]"));
            }
            if s.downcast_ref::<PyBytes>().is_some() {
                return Err(vm.new_type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
            }
            if s.downcast_ref::<PyByteArray>().is_some() {
                return Err(
                    vm.new_type_error("sum() can't sum bytearray [use b''.join(seq) instead]")
                );
            }
            s
        }
    };
    // Exact ints: accumulate in a machine word while it fits.
    if is_exact(&result, &vm.types.int) {
        if let Some(IntVal::Small(mut acc)) =
            result.downcast_ref::<PyInt>().map(|p| p.value.clone())
        {
            loop {
                let Some(item) = vm.next(&it)? else {
                    return Ok(vm.new_int(acc));
                };
                if is_exact(&item, &vm.types.int) || is_exact(&item, &vm.types.bool_) {
                    if let Some(IntVal::Small(b)) = item.downcast_ref::<PyInt>().map(|p| &p.value) {
                        if let Some(s) = acc.checked_add(*b) {
                            acc = s;
                            continue;
                        }
                    }
                }
                result = vm.binary_op(&vm.new_int(acc), &item, NB_ADD)?;
                break;
            }
        }
    }
    // Exact floats: plain double addition (CPython 3.11 does not
    // compensate), taking machine-word ints along.
    if is_exact(&result, &vm.types.float) {
        let mut acc = result
            .downcast_ref::<PyFloat>()
            .map(|f| f.value)
            .unwrap_or(0.0);
        loop {
            let Some(item) = vm.next(&it)? else {
                return Ok(vm.new_float(acc));
            };
            if is_exact(&item, &vm.types.float) {
                acc += item
                    .downcast_ref::<PyFloat>()
                    .map(|f| f.value)
                    .unwrap_or(0.0);
                continue;
            }
            if let Some(IntVal::Small(v)) = item.downcast_ref::<PyInt>().map(|p| &p.value) {
                acc += *v as f64;
                continue;
            }
            result = vm.binary_op(&vm.new_float(acc), &item, NB_ADD)?;
            break;
        }
    }
    while let Some(item) = vm.next(&it)? {
        result = vm.binary_op(&result, &item, NB_ADD)?;
    }
    Ok(result)
}

fn builtin_any(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "any")?;
    let it = vm.iter(o)?;
    while let Some(v) = vm.next(&it)? {
        if vm.is_true(&v)? {
            return Ok(vm.true_.clone());
        }
    }
    Ok(vm.false_.clone())
}

fn builtin_all(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "all")?;
    let it = vm.iter(o)?;
    while let Some(v) = vm.next(&it)? {
        if !vm.is_true(&v)? {
            return Ok(vm.false_.clone());
        }
    }
    Ok(vm.true_.clone())
}

/// A binary special method with its reflected form, in CPython's order: the
/// right operand first when its type is a proper subclass overriding the
/// reflected method. `None` when both return NotImplemented (or lack it).
pub fn binary_special(
    vm: &Vm,
    a: &PyObjectRef,
    b: &PyObjectRef,
    lname: &str,
    rname: &str,
) -> PyResult<Option<PyObjectRef>> {
    let (lname, rname) = (vm.intern(lname), vm.intern(rname));
    let same = a.class().is(b.class());
    let slotv = class_of(a).ext.lookup(&lname);
    let mut slotw = if same {
        None
    } else {
        class_of(b).ext.lookup(&rname)
    };
    if let (Some(v), Some(w)) = (&slotv, &slotw) {
        if is_subtype(b.class(), a.class()) && !w.is(v) {
            let r = vm.call_unbound(w, b, &[a.clone()], &[])?;
            if !r.is(&vm.not_implemented) {
                return Ok(Some(r));
            }
            slotw = None;
        }
    }
    if let Some(v) = slotv {
        let r = vm.call_unbound(&v, a, &[b.clone()], &[])?;
        if !r.is(&vm.not_implemented) {
            return Ok(Some(r));
        }
    }
    if let Some(w) = slotw {
        let r = vm.call_unbound(&w, b, &[a.clone()], &[])?;
        if !r.is(&vm.not_implemented) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

fn builtin_divmod(vm: &Vm, args: Args) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "divmod")?;
    match binary_special(vm, a, b, "__divmod__", "__rdivmod__")? {
        Some(r) => Ok(r),
        None => Err(vm.new_type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        ))),
    }
}

fn builtin_pow(vm: &Vm, args: Args) -> PyResult {
    if args.all.len() > 3 {
        return Err(vm.new_type_error(format!(
            "pow() takes at most 3 arguments ({} given)",
            args.all.len()
        )));
    }
    let [base, exp, m] = args.bind(vm, "pow", ["base", "exp", "mod"], 2, 0, 3)?;
    let (base, exp) = (base.expect("required"), exp.expect("required"));
    let m = match m {
        Some(m) if !m.is(&vm.none) => m,
        _ => return vm.binary_op(base, exp, NB_POWER),
    };
    // Three-argument power: `type(base).__pow__(base, exp, mod)`, then the
    // reflected `__rpow__` of a builtin exponent type (Python-level
    // `__rpow__` never sees a modulus in CPython either).
    let pow = vm.intern("__pow__");
    if let Some(f) = class_of(base).ext.lookup(&pow) {
        let r = vm.call_unbound(&f, base, &[exp.clone(), m.clone()], &[])?;
        if !r.is(&vm.not_implemented) {
            return Ok(r);
        }
    }
    if !base.class().is(exp.class()) && !class_of(exp).ext.heap {
        if let Some(f) = class_of(exp).ext.lookup(&vm.intern("__rpow__")) {
            let r = vm.call_unbound(&f, exp, &[base.clone(), m.clone()], &[])?;
            if !r.is(&vm.not_implemented) {
                return Ok(r);
            }
        }
    }
    Err(vm.new_type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        vm.type_name(base),
        vm.type_name(exp),
        vm.type_name(m)
    )))
}

fn builtin_round(vm: &Vm, args: Args) -> PyResult {
    if args.all.len() > 2 {
        return Err(vm.new_type_error(format!(
            "round() takes at most 2 arguments ({} given)",
            args.all.len()
        )));
    }
    let [number, ndigits] = args.bind(vm, "round", ["number", "ndigits"], 1, 0, 2)?;
    let number = number.expect("required");
    let Some(f) = class_of(number).ext.lookup(&vm.intern("__round__")) else {
        return Err(vm.new_type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(number)
        )));
    };
    match ndigits {
        Some(n) if !n.is(&vm.none) => vm.call_unbound(&f, number, &[n.clone()], &[]),
        _ => vm.call_unbound(&f, number, &[], &[]),
    }
}

/// `hex`/`oct`/`bin`: `__index__`, then sign, prefix and digits.
fn int_to_base(vm: &Vm, o: &PyObjectRef, radix: u32, prefix: &str) -> PyResult {
    let i = vm.index(o)?;
    let v = i
        .downcast_ref::<PyInt>()
        .map(|p| p.value.clone())
        .unwrap_or(IntVal::Small(0));
    let (neg, digits) = match &v {
        IntVal::Small(n) => {
            let m = n.unsigned_abs();
            let d = match radix {
                16 => format!("{m:x}"),
                8 => format!("{m:o}"),
                _ => format!("{m:b}"),
            };
            (*n < 0, d)
        }
        IntVal::Big(b) => {
            let neg = b.sign() == dashu_int::Sign::Negative;
            let m = dashu_int::ops::UnsignedAbs::unsigned_abs(&**b);
            let d = match radix {
                16 => format!("{m:x}"),
                8 => format!("{m:o}"),
                _ => format!("{m:b}"),
            };
            (neg, d)
        }
    };
    Ok(vm.new_str(format!("{}{prefix}{digits}", if neg { "-" } else { "" })))
}

fn builtin_hex(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "hex")?;
    int_to_base(vm, o, 16, "0x")
}

fn builtin_oct(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "oct")?;
    int_to_base(vm, o, 8, "0o")
}

fn builtin_bin(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "bin")?;
    int_to_base(vm, o, 2, "0b")
}

fn builtin_input(vm: &Vm, args: Args) -> PyResult {
    let [prompt] = args.range::<1>(vm, "input", 0)?;
    let stdin = vm.sys_attr("stdin").ok().filter(|s| !s.is(&vm.none));
    let Some(stdin) = stdin else {
        return Err(vm.new_runtime_error("input(): lost sys.stdin"));
    };
    let stdout = vm.sys_attr("stdout").ok().filter(|s| !s.is(&vm.none));
    let Some(stdout) = stdout else {
        return Err(vm.new_runtime_error("input(): lost sys.stdout"));
    };
    // Flush stderr first (errors ignored), as CPython does.
    if let Ok(err) = vm.sys_attr("stderr") {
        if !err.is(&vm.none) {
            let _ = vm.call_method(&err, "flush", &[]);
        }
    }
    if let Some(p) = prompt {
        let s = vm.str(p)?;
        vm.write_to(&stdout, s.as_str())?;
    }
    let _ = vm.call_method(&stdout, "flush", &[]);
    let line = vm.call_method(&stdin, "readline", &[])?;
    let Some(s) = line.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!("object.readline() returned non-string")));
    };
    let text = s.as_str();
    if text.is_empty() {
        return Err(vm.new_exception_msg(&vm.exc.EOFError, "EOF when reading a line"));
    }
    Ok(vm.new_str(text.strip_suffix('\n').unwrap_or(text)))
}

fn builtin_open(vm: &Vm, args: Args) -> PyResult {
    // `_io` alone: plain scripts need not import io.py and abc.
    let io = vm.import_absolute("_io")?;
    let open = vm.get_attr_str(&io, "open")?;
    vm.call_kw(&open, args.all, args.kwnames)
}

fn builtin_breakpoint(vm: &Vm, args: Args) -> PyResult {
    match vm.sys_attr("breakpointhook") {
        Ok(hook) => vm.call_kw(&hook, args.all, args.kwnames),
        // Pyrite's `sys` has no hook of its own: act as the default one.
        Err(_) => default_breakpointhook(vm, args),
    }
}

/// The default `sys.breakpointhook`: honours `PYTHONBREAKPOINT=0`; there is
/// no debugger, so otherwise it says so on stderr and continues.
pub fn default_breakpointhook(vm: &Vm, _args: Args) -> PyResult {
    if std::env::var("PYTHONBREAKPOINT").is_ok_and(|v| v == "0") {
        return Ok(vm.none.clone());
    }
    if let Ok(err) = vm.sys_attr("stderr") {
        if !err.is(&vm.none) {
            vm.write_to(
                &err,
                "breakpoint(): no debugger is available in Pyrite; continuing\n",
            )?;
        }
    }
    Ok(vm.none.clone())
}

fn builtin_aiter(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "aiter")?;
    let Some(it) = vm.call_special(o, &vm.names.__aiter__, &[])? else {
        return Err(vm.new_type_error(format!(
            "'{}' object is not an async iterable",
            vm.type_name(o)
        )));
    };
    if class_of(&it).ext.lookup(&vm.names.__anext__).is_none() {
        return Err(vm.new_type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            vm.type_name(&it)
        )));
    }
    Ok(it)
}

fn builtin_anext(vm: &Vm, args: Args) -> PyResult {
    let [it, default] = args.range::<2>(vm, "anext", 1)?;
    let it = it.expect("min 1");
    let Some(f) = class_of(it).ext.lookup(&vm.names.__anext__) else {
        return Err(vm.new_type_error(format!(
            "'{}' object is not an async iterator",
            vm.type_name(it)
        )));
    };
    let awaitable = vm.call_unbound(&f, it, &[], &[])?;
    match default {
        None => Ok(awaitable),
        Some(d) => Ok(vm.alloc(
            crate::types::builtin_iters::PyAnextAwaitable {
                wrapped: awaitable,
                default: d.clone(),
                iter: std::cell::RefCell::new(None),
            },
            &vm.types.anext_awaitable,
        )),
    }
}

/// Register this file's functions into the builtins dict `d`.
pub fn add(vm: &Vm, d: &PyDict) {
    let m = "builtins";
    vm.add_function(d, m, "sorted", builtin_sorted);
    vm.add_function(d, m, "min", builtin_min);
    vm.add_function(d, m, "max", builtin_max);
    vm.add_function(d, m, "sum", builtin_sum);
    vm.add_function(d, m, "any", builtin_any);
    vm.add_function(d, m, "all", builtin_all);
    vm.add_function(d, m, "divmod", builtin_divmod);
    vm.add_function(d, m, "pow", builtin_pow);
    vm.add_function(d, m, "round", builtin_round);
    vm.add_function(d, m, "hex", builtin_hex);
    vm.add_function(d, m, "oct", builtin_oct);
    vm.add_function(d, m, "bin", builtin_bin);
    vm.add_function(d, m, "input", builtin_input);
    vm.add_function(d, m, "open", builtin_open);
    vm.add_function(d, m, "breakpoint", builtin_breakpoint);
    vm.add_function(d, m, "aiter", builtin_aiter);
    vm.add_function(d, m, "anext", builtin_anext);
}
