//! Bootstrap methods that let the interpreter print and iterate before the
//! full method sets of each type (in their own `*_methods.rs` files) are
//! registered; those files override these entries.

use super::float::{float_repr, PyFloat};
use super::function::{PyFunction, PyNativeFunction};
use super::int::PyInt;
use super::list::PyList;
use super::module::PyModule;
use super::str::PyStr;
use super::tuple::PyTuple;
use crate::args::Args;
use crate::protocol::repr::ReprGuard;
use crate::{PyResult, Vm};

/// `repr(str)` as CPython writes it (quote choice and escapes).
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Approximation of `str.isprintable` for one character: not a control,
/// separator (other than space) or unassigned/private-use code point.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x20 || (0x7f..0xa0).contains(&n) || n == 0xad {
        return false;
    }
    if c == ' ' {
        return true;
    }
    if c.is_whitespace() {
        return false;
    }
    !matches!(n, 0x2028 | 0x2029 | 0xE000..=0xF8FF | 0xFFF0..=0xFFFF | 0xD800..=0xDFFF | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF)
}

fn int_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let i = o.downcast_ref::<PyInt>().ok_or_else(|| vm.new_type_error("expected int"))?;
    if o.class().is(vm.types.bool_.as_object()) {
        return Ok(vm.new_str(if i.value.is_zero() { "False" } else { "True" }));
    }
    Ok(vm.new_str(i.value.to_decimal()))
}

fn float_repr_m(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let f = o.downcast_ref::<PyFloat>().ok_or_else(|| vm.new_type_error("expected float"))?;
    Ok(vm.new_str(float_repr(f.value)))
}

fn str_repr_m(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let s = o.downcast_ref::<PyStr>().ok_or_else(|| vm.new_type_error("expected str"))?;
    Ok(vm.new_str(str_repr(s.as_str())))
}

fn str_str(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__str__")?;
    let s = o.downcast_ref::<PyStr>().ok_or_else(|| vm.new_type_error("expected str"))?;
    Ok(vm.new_str(s.as_str()))
}

fn none_repr(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_str("None"))
}

fn not_implemented_repr(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_str("NotImplemented"))
}

fn ellipsis_repr(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.new_str("Ellipsis"))
}

fn seq_repr(vm: &Vm, items: &[crate::PyObjectRef], open: &str, close: &str, one_comma: bool) -> PyResult<String> {
    let mut s = String::from(open);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(vm.repr(it)?.as_str());
    }
    if one_comma && items.len() == 1 {
        s.push(',');
    }
    s.push_str(close);
    Ok(s)
}

fn tuple_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let t = o.downcast_ref::<PyTuple>().ok_or_else(|| vm.new_type_error("expected tuple"))?;
    let Some(_g) = ReprGuard::enter(o) else { return Ok(vm.new_str("(...)")) };
    Ok(vm.new_str(seq_repr(vm, &t.items, "(", ")", true)?))
}

fn list_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let l = o.downcast_ref::<PyList>().ok_or_else(|| vm.new_type_error("expected list"))?;
    let Some(_g) = ReprGuard::enter(o) else { return Ok(vm.new_str("[...]")) };
    Ok(vm.new_str(seq_repr(vm, &l.to_vec(), "[", "]", false)?))
}

fn list_append(vm: &Vm, args: Args) -> PyResult {
    let [o, v] = args.exact::<2>(vm, "append")?;
    let l = o.downcast_ref::<PyList>().ok_or_else(|| vm.new_type_error("expected list"))?;
    l.push(v.clone());
    Ok(vm.none.clone())
}

fn function_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let f = o.downcast_ref::<PyFunction>().ok_or_else(|| vm.new_type_error("expected function"))?;
    let q = f.qualname.borrow().clone();
    Ok(vm.new_str(format!("<function {} at {:#x}>", vm.str_string(&q)?, o.id())))
}

fn native_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let f = o.downcast_ref::<PyNativeFunction>().ok_or_else(|| vm.new_type_error("expected builtin"))?;
    Ok(vm.new_str(match &f.self_ {
        Some(s) if s.downcast_ref::<PyModule>().is_none() => {
            format!("<built-in method {} of {} object at {:#x}>", f.name, vm.type_name(s), s.id())
        }
        _ => format!("<built-in function {}>", f.name),
    }))
}

fn module_repr(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.exact::<1>(vm, "__repr__")?;
    let m = o.downcast_ref::<PyModule>().ok_or_else(|| vm.new_type_error("expected module"))?;
    let name = m.dict.get_by_str("__name__").map(|n| vm.str_string(&n)).transpose()?.unwrap_or_else(|| "?".into());
    Ok(vm.new_str(match m.dict.get_by_str("__file__") {
        Some(f) if !f.is(&vm.none) => format!("<module '{}' from '{}'>", name, vm.str_string(&f)?),
        _ => format!("<module '{}' (built-in)>", name),
    }))
}

pub fn init(vm: &Vm) {
    let t = &vm.types;
    vm.add_method(&t.int, "__repr__", int_repr);
    vm.add_method(&t.float, "__repr__", float_repr_m);
    vm.add_method(&t.str, "__repr__", str_repr_m);
    vm.add_method(&t.str, "__str__", str_str);
    vm.add_method(&t.none_type, "__repr__", none_repr);
    vm.add_method(&t.not_implemented_type, "__repr__", not_implemented_repr);
    vm.add_method(&t.ellipsis_type, "__repr__", ellipsis_repr);
    vm.add_method(&t.tuple, "__repr__", tuple_repr);
    vm.add_method(&t.list, "__repr__", list_repr);
    vm.add_method(&t.list, "append", list_append);
    vm.add_method(&t.function, "__repr__", function_repr);
    vm.add_method(&t.builtin_function, "__repr__", native_repr);
    vm.add_method(&t.module, "__repr__", module_repr);
}
