//! `_ast` node objects back to a parser tree (CPython's `obj2ast_*` and
//! `PyAST_Validate`), then compiled by Pyrite's compiler.

use crate::{PyObjectRef, PyResult, Vm};

pub fn compile(
    vm: &Vm,
    _tree: &PyObjectRef,
    _filename: &str,
    _mode: &str,
    _flags: pyrite_compiler::CompileFlags,
) -> PyResult {
    Err(vm.new_not_implemented_error("compile() of an AST object is not supported by Pyrite yet"))
}

pub fn check_mode(_vm: &Vm, _tree: &PyObjectRef, _mode: &str) -> PyResult<()> {
    Ok(())
}
