//! `IMPORT_NAME`, `IMPORT_FROM`, `IMPORT_STAR`: thin wrappers over
//! `crate::import`.

use crate::eval::frame::Frame;
use crate::types::str::PyStr;
use crate::{PyResult, Vm};

pub fn import_name(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let name = f.code.names[arg as usize].clone();
    let fromlist = f.pop();
    let level = f.pop();
    let level = crate::types::int::as_i64(&level).unwrap_or(0);
    let m = vm.import_module_level(&name, &f.globals, &fromlist, level)?;
    f.push(m);
    Ok(())
}

pub fn import_from(vm: &Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let name = f.code.names[arg as usize].clone();
    let module = f.peek(1).clone();
    match vm.get_attr_opt(&module, &name)? {
        Some(v) => {
            f.push(v);
            Ok(())
        }
        None => {
            // A submodule not yet bound as an attribute.
            let modname = vm.get_attr_opt(&module, &vm.names.__name__)?;
            if let Some(mn) = modname.as_ref().and_then(|m| m.downcast_ref::<PyStr>()) {
                let full = format!(
                    "{}.{}",
                    mn.as_str(),
                    name.downcast_ref::<PyStr>()
                        .map(|s| s.as_str())
                        .unwrap_or("")
                );
                if let Some(m) = vm.modules.get_by_str(&full) {
                    f.push(m);
                    return Ok(());
                }
            }
            let n = name
                .downcast_ref::<PyStr>()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            let mname = modname
                .as_ref()
                .and_then(|m| m.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
            let file = vm
                .get_attr_opt(&module, &vm.names.__file__)?
                .and_then(|x| x.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
            let path = file.clone();
            let msg = match (mname.clone(), file) {
                (Some(m), Some(file)) => format!("cannot import name '{n}' from '{m}' ({file})"),
                (Some(m), None) => {
                    format!("cannot import name '{n}' from '{m}' (unknown location)")
                }
                _ => format!("cannot import name '{n}'"),
            };
            // CPython's IMPORT_FROM fills in the module name and its file.
            let e = vm.new_import_error(msg);
            if let Some(m) = mname {
                vm.set_attr_str(e.as_object(), "name", vm.new_str(m))?;
            }
            if let Some(p) = path {
                vm.set_attr_str(e.as_object(), "path", vm.new_str(p))?;
            }
            Err(e)
        }
    }
}

pub fn import_star(vm: &Vm, f: &mut Frame) -> PyResult<()> {
    let module = f.pop();
    let Some(locals) = f.locals.clone() else {
        return Err(vm.new_system_error("no locals found during 'import *'"));
    };
    let names = match vm.get_attr_opt(&module, &vm.names.__all__)? {
        Some(all) => vm.to_vec(&all)?,
        None => {
            let d = vm.get_attr(&module, &vm.names.__dict__)?;
            let keys = vm.to_vec(&vm.call_method(&d, "keys", &[])?)?;
            keys.into_iter()
                .filter(|k| {
                    k.downcast_ref::<PyStr>()
                        .is_some_and(|s| !s.as_str().starts_with('_'))
                })
                .collect()
        }
    };
    for n in names {
        let v = vm.get_attr(&module, &n)?;
        vm.set_item(&locals, n, v)?;
    }
    Ok(())
}
