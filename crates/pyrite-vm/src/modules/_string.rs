//! The `_string` module: `formatter_parser` and `formatter_field_name_split`,
//! the pieces of `str.format`'s parser that `string.Formatter` uses.
//! Mirrors CPython 3.11 `Modules/_string` (in `Objects/unicodeobject.c` and
//! `Objects/stringlib/unicode_format.h`).

use crate::args::Args;
use crate::types::str::PyStr;
use crate::types::str_format::{parse_format_string, split_field_name, FieldFirst, FieldRest};
use crate::{PyObjectRef, PyResult, Vm};

fn str_arg<'a>(vm: &Vm, o: &'a PyObjectRef) -> PyResult<&'a str> {
    o.downcast_ref::<PyStr>()
        .map(|s| s.as_str())
        .ok_or_else(|| vm.new_type_error(format!("expected str, got {}", vm.type_name(o))))
}

/// `formatter_parser(s)`: iterator of (literal, field_name, format_spec,
/// conversion) tuples.
fn formatter_parser(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "formatter_parser")?;
    let s = str_arg(vm, s)?;
    let chunks = parse_format_string(s).map_err(|m| vm.new_value_error(m))?;
    let mut items = Vec::with_capacity(chunks.len());
    for ch in chunks {
        let lit = vm.new_str(ch.literal);
        items.push(match ch.field {
            None => vm.new_tuple(vec![lit, vm.none.clone(), vm.none.clone(), vm.none.clone()]),
            Some(f) => {
                let conv = match f.conversion {
                    Some(c) => vm.new_str(c.to_string()),
                    None => vm.none.clone(),
                };
                vm.new_tuple(vec![lit, vm.new_str(f.name), vm.new_str(f.spec), conv])
            }
        });
    }
    vm.iter(&vm.new_list(items))
}

/// `formatter_field_name_split(name)`: (first, iterator of (is_attr, key)).
fn formatter_field_name_split(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "formatter_field_name_split")?;
    let s = str_arg(vm, s)?;
    let (first, rest) = split_field_name(s).map_err(|m| vm.new_value_error(m))?;
    let first = match first {
        FieldFirst::Auto => vm.empty_str.clone(),
        FieldFirst::Index(i) => vm.new_int(i as i64),
        FieldFirst::Name(n) => vm.new_str(n),
    };
    let items = rest
        .into_iter()
        .map(|r| match r {
            FieldRest::Attr(a) => vm.new_tuple(vec![vm.true_.clone(), vm.new_str(a)]),
            FieldRest::Index(i) => vm.new_tuple(vec![vm.false_.clone(), vm.new_int(i as i64)]),
            FieldRest::Key(k) => vm.new_tuple(vec![vm.false_.clone(), vm.new_str(k)]),
        })
        .collect();
    Ok(vm.new_tuple(vec![first, vm.iter(&vm.new_list(items))?]))
}

/// Build the `_string` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_string", Some("string helper module"));
    let d = vm.module_dict(&m).expect("module");
    vm.add_function(d, "_string", "formatter_parser", formatter_parser);
    vm.add_function(
        d,
        "_string",
        "formatter_field_name_split",
        formatter_field_name_split,
    );
    Ok(m)
}
