//! The `_ast` module: the classes of Python's abstract syntax tree and the
//! bridges between them and Pyrite's parser tree, used by `ast.parse`
//! (`compile(..., PyCF_ONLY_AST)`) and by `compile()` of an AST object.
//! Mirrors CPython 3.11 `Python/Python-ast.c` (generated there from
//! `Parser/Python.asdl`; here the classes are made at import time from the
//! grammar text in `table.rs`).
//!
//! - `table.rs`: the grammar and class creation.
//! - `to_py.rs`: parser tree to node objects (positions as CPython: 1-based
//!   lines, UTF-8 byte columns).
//! - `from_py.rs` / `from_py_expr.rs`: node objects back to a parser tree,
//!   with CPython's validation messages.

mod from_py;
mod from_py_expr;
mod table;
mod to_py;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::args::Args;
use crate::types::typeobj::{as_type, class_of, PyTypeObj};
use crate::{PyObjectRef, PyResult, Vm};

pub const PYCF_ONLY_AST: i64 = 0x400;
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// `AST.__init__`: positional arguments fill `_fields` in order, keyword
/// arguments set any attribute.
fn ast_init(vm: &Vm, args: Args) -> PyResult {
    let pos = args.pos();
    let Some(this) = pos.first() else {
        return Err(
            vm.new_type_error("descriptor '__init__' of 'ast.AST' object needs an argument")
        );
    };
    let rest = &pos[1..];
    let cls = class_of(this);
    let fields = match cls.ext.lookup_str("_fields") {
        Some(f) if !f.is(&vm.none) => vm.to_vec(&f)?,
        _ => Vec::new(),
    };
    if rest.len() > fields.len() {
        return Err(vm.new_type_error(format!(
            "{} constructor takes at most {} positional argument{}",
            cls.ext.name(),
            fields.len(),
            if fields.len() == 1 { "" } else { "s" }
        )));
    }
    for (name, value) in fields.iter().zip(rest) {
        vm.set_attr(this, name, value.clone())?;
    }
    for (name, value) in args.kwargs() {
        vm.set_attr_str(this, name, value.clone())?;
    }
    Ok(vm.none.clone())
}

/// `AST.__reduce__`: `(type(self), (), self.__dict__)`.
fn ast_reduce(vm: &Vm, args: Args) -> PyResult {
    let [this] = args.exact::<1>(vm, "__reduce__")?;
    let cls = this.class().clone();
    let dict = vm.get_attr_opt(this, &vm.names.__dict__)?;
    let mut items = vec![cls, vm.empty_tuple.clone()];
    if let Some(d) = dict {
        items.push(d);
    }
    Ok(vm.new_tuple(items))
}

pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_ast", None);
    let d = vm
        .module_dict(&m)
        .ok_or_else(|| vm.new_system_error("module without dict"))?;
    let ns = vm.new_dict();
    vm.dict_set_str(&ns, "__module__", vm.new_str("ast"));
    vm.dict_set_str(&ns, "_fields", vm.empty_tuple.clone());
    vm.dict_set_str(&ns, "__match_args__", vm.empty_tuple.clone());
    vm.dict_set_str(&ns, "_attributes", vm.empty_tuple.clone());
    let base = vm.call(
        vm.types.type_.as_object(),
        &[
            vm.new_str("AST"),
            vm.new_tuple(vec![vm.types.object.as_object().clone()]),
            ns.into_object(),
        ],
    )?;
    let base_ty = base
        .clone()
        .downcast::<PyTypeObj>()
        .map_err(|_| vm.new_system_error("AST is not a type"))?;
    vm.add_method(&base_ty, "__init__", ast_init);
    vm.add_method(&base_ty, "__reduce__", ast_reduce);
    vm.dict_set_str(d, "AST", base.clone());
    table::build_classes(vm, d, &base)?;
    vm.dict_set_str(d, "PyCF_ONLY_AST", vm.new_int(PYCF_ONLY_AST));
    vm.dict_set_str(d, "PyCF_TYPE_COMMENTS", vm.new_int(PYCF_TYPE_COMMENTS));
    vm.dict_set_str(
        d,
        "PyCF_ALLOW_TOP_LEVEL_AWAIT",
        vm.new_int(PYCF_ALLOW_TOP_LEVEL_AWAIT),
    );
    Ok(m)
}

/// The node classes by name, taken from the (imported) `_ast` module,
/// and the shared instances of the operator and context classes.
pub struct Classes {
    map: HashMap<String, PyObjectRef>,
    pub singletons: RefCell<HashMap<&'static str, PyObjectRef>>,
}

/// The classes of the last `_ast` module seen (the singletons must be
/// the same objects across parses, as CPython's per-interpreter ones).
struct Cache(Option<Rc<Classes>>);

impl Drop for Cache {
    fn drop(&mut self) {
        // Released with the interpreter, never during thread-local teardown.
        if let Some(c) = self.0.take() {
            std::mem::forget(c);
        }
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = const { RefCell::new(Cache(None)) };
}

impl Classes {
    pub fn load(vm: &Vm) -> PyResult<Rc<Classes>> {
        let m = vm.import_absolute("_ast")?;
        let d = vm
            .module_dict(&m)
            .ok_or_else(|| vm.new_system_error("_ast without dict"))?;
        let base = d.get_by_str("AST");
        let cached = CACHE.with(|c| c.borrow().0.clone());
        if let (Some(c), Some(b)) = (&cached, &base) {
            if c.map.get("AST").is_some_and(|a| a.is(b)) {
                return Ok(c.clone());
            }
        }
        let mut map = HashMap::new();
        for def in table::parse_asdl(table::ASDL) {
            let mut names = vec![def.name.clone()];
            if let Some(cons) = &def.constructors {
                names.extend(cons.iter().map(|c| c.name.clone()));
            }
            for n in names {
                if let Some(c) = d.get_by_str(&n) {
                    map.insert(n, c);
                }
            }
        }
        if let Some(c) = base {
            map.insert("AST".into(), c);
        }
        let c = Rc::new(Classes {
            map,
            singletons: RefCell::new(HashMap::new()),
        });
        CACHE.with(|cache| {
            if let Some(old) = cache.borrow_mut().0.replace(c.clone()) {
                // Objects of another interpreter's module: never freed here.
                std::mem::forget(old);
            }
        });
        Ok(c)
    }

    pub fn get(&self, vm: &Vm, name: &str) -> PyResult {
        self.map
            .get(name)
            .cloned()
            .ok_or_else(|| vm.new_system_error(format!("_ast has no class {name}")))
    }

    /// Whether `obj` is an instance of the node class `name`.
    pub fn is(&self, obj: &PyObjectRef, name: &str) -> bool {
        self.map
            .get(name)
            .is_some_and(|c| crate::types::typeobj::is_subtype(obj.class(), c))
    }
}

/// Whether `obj` is an instance of `_ast.AST` (without importing `_ast`
/// when it was never imported: then nothing can be a node).
pub fn is_ast_object(vm: &Vm, obj: &PyObjectRef) -> bool {
    let Some(m) = vm.modules.get_by_str("_ast") else {
        return false;
    };
    vm.module_dict(&m)
        .and_then(|d| d.get_by_str("AST"))
        .is_some_and(|c| {
            as_type(&c).is_some() && crate::types::typeobj::is_subtype(obj.class(), &c)
        })
}

/// `compile(source, filename, mode, PyCF_ONLY_AST)`: the node tree.
pub fn parse_to_ast(
    vm: &Vm,
    source: &str,
    filename: &str,
    mode: &str,
    type_comments: bool,
) -> PyResult {
    to_py::parse(vm, source, filename, mode, type_comments)
}

/// `compile(tree, filename, mode)`: validate the tree and compile it.
pub fn compile_ast(
    vm: &Vm,
    tree: &PyObjectRef,
    filename: &str,
    mode: &str,
    flags: pyrite_compiler::CompileFlags,
) -> PyResult {
    from_py::compile(vm, tree, filename, mode, flags)
}

/// `compile(tree, filename, mode, PyCF_ONLY_AST)`: the tree itself,
/// unchecked (as CPython).
pub fn check_ast_mode(_vm: &Vm, tree: &PyObjectRef, _mode: &str) -> PyResult {
    Ok(tree.clone())
}
