//! Builtins that run code or look at the caller's namespace: `exec`,
//! `eval`, `compile`, `locals`, `vars`, `dir`. Registered from
//! `builtins::init`.
//!
//! Native functions cannot see the calling Python frame's fast locals, so
//! the eval loop's `CALL` asks [`before_builtin_call`] first: when the
//! callee is one of these builtins and needs the caller's locals, a dict
//! snapshot of the frame's locals (cells dereferenced) is stored in the
//! frame's `FrameInfo::locals`, where the builtin finds it. Module and class
//! bodies carry their real locals mapping there from the start.
//! Mirrors CPython 3.11 `Python/bltinmodule.c` and `PyFrame_FastToLocals`.

use pyrite_bytecode::LocalKind;
use pyrite_parser::Mode;

use crate::args::Args;
use crate::eval::frame::Frame;
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::cell::PyCell;
use crate::types::code::PyCode;
use crate::types::dict::PyDict;
use crate::types::function::PyNativeFunction;
use crate::types::int::PyInt;
use crate::types::str::PyStr;
use crate::types::typeobj::class_of;
use crate::{PyObjectRef, PyResult, Vm};

/// `CO_FUTURE_ANNOTATIONS`.
const CO_FUTURE_ANNOTATIONS: i64 = 0x100_0000;
/// `PyCF_ONLY_AST`.
const PYCF_ONLY_AST: i64 = 0x400;
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;
/// Every flag `compile()` accepts: the `CO_FUTURE_*` bits, `CO_NESTED`
/// (obsolete), and the `PyCF_*` compile bits.
const COMPILE_FLAGS_MASK: i64 = 0x1FE_0000 | 0x10 | 0x400 | 0x2000 | 0x1000 | 0x200 | 0x4000;

// ----- the caller's locals --------------------------------------------------------

/// Called by the eval loop's `CALL` for every call: when `callable` is one
/// of the builtins that read the caller's locals and this call needs them,
/// store a snapshot of `f`'s locals in the top `FrameInfo`.
#[inline]
pub fn before_builtin_call(
    vm: &Vm,
    f: &Frame,
    callable: &PyObjectRef,
    args: &[PyObjectRef],
    nkw: usize,
) {
    let Some(nf) = callable.downcast_ref::<PyNativeFunction>() else {
        return;
    };
    if f.locals.is_some() || nf.self_.is_some() || nf.module != Some("builtins") {
        return;
    }
    let npos = args.len() - nkw;
    let needed = match nf.name {
        "locals" | "vars" | "dir" => npos == 0,
        "eval" | "exec" => npos < 2 || (npos == 2 && args[1].is(&vm.none)),
        _ => false,
    };
    if needed {
        // Like CPython's frame `f_locals`: one dict per frame, refreshed on
        // each use, so names added by exec() survive later locals() calls.
        let existing = vm
            .frame_stack
            .borrow()
            .last()
            .and_then(|fi| fi.locals.clone());
        let d = match existing {
            Some(d) => {
                update_fast_locals(vm, f, &d);
                d
            }
            None => fast_locals_dict(vm, f),
        };
        if let Some(fi) = vm.frame_stack.borrow_mut().last_mut() {
            fi.locals = Some(d);
        }
    }
}

/// A dict of a function frame's bound locals, cell and free variables.
pub fn fast_locals_dict(vm: &Vm, f: &Frame) -> PyObjectRef {
    let d = vm.new_dict().into_object();
    update_fast_locals(vm, f, &d);
    d
}

/// Write a function frame's bound locals into `d`, removing the names that
/// are unbound now (`PyFrame_FastToLocals`).
pub fn update_fast_locals(vm: &Vm, f: &Frame, d: &PyObjectRef) {
    let Some(d) = d.downcast_ref::<PyDict>() else {
        return;
    };
    let co = &f.code.code;
    for (i, (name, kind)) in co
        .localsplusnames
        .iter()
        .zip(&co.localspluskinds)
        .enumerate()
    {
        let key = f
            .code
            .localsplusnames
            .get(i)
            .cloned()
            .unwrap_or_else(|| vm.intern(name));
        let v = f.slots.get(i).and_then(|s| s.clone()).and_then(|v| {
            if kind & (LocalKind::CELL | LocalKind::FREE) != 0 {
                match v.downcast_ref::<PyCell>() {
                    Some(c) => c.get(),
                    // A cell parameter before MAKE_CELL still holds its value.
                    None => Some(v),
                }
            } else {
                Some(v)
            }
        });
        match v {
            Some(v) => {
                let _ = d.set_item(vm, key, v);
            }
            None => {
                let _ = d.del_item(vm, &key);
            }
        }
    }
}

/// The calling frame's locals mapping (module/class body) or snapshot
/// (function), or an empty dict when native code called us directly.
fn caller_locals(vm: &Vm) -> PyObjectRef {
    let l = vm
        .frame_stack
        .borrow()
        .last()
        .and_then(|fi| fi.locals.clone());
    l.unwrap_or_else(|| vm.new_dict().into_object())
}

fn caller_globals(vm: &Vm) -> PyResult<PyObjectRef> {
    vm.current_globals()
        .ok_or_else(|| vm.new_system_error("globals and locals cannot be NULL"))
}

fn caller_builtins(vm: &Vm) -> PyObjectRef {
    let b = vm.frame_stack.borrow().last().map(|fi| fi.builtins.clone());
    b.unwrap_or_else(|| vm.builtins.as_object().clone())
}

fn builtin_locals(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "locals")?;
    Ok(caller_locals(vm))
}

fn builtin_vars(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.range::<1>(vm, "vars", 0)?;
    match o {
        None => Ok(caller_locals(vm)),
        Some(o) => match vm.get_attr_opt(o, &vm.names.__dict__)? {
            Some(d) => Ok(d),
            None => Err(vm.new_type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

/// A new list of `items`, sorted with `list.sort`.
fn sorted_list(vm: &Vm, items: Vec<PyObjectRef>) -> PyResult {
    let list = vm.new_list(items);
    crate::types::list_sort::sort_list(vm, &list, None, false)?;
    Ok(list)
}

fn builtin_dir(vm: &Vm, args: Args) -> PyResult {
    let [o] = args.range::<1>(vm, "dir", 0)?;
    match o {
        None => {
            let locals = caller_locals(vm);
            let keys = match locals.downcast_ref::<PyDict>() {
                Some(d) => d.keys(),
                None => {
                    let k = vm.call_method(&locals, "keys", &[])?;
                    vm.to_vec(&k)?
                }
            };
            sorted_list(vm, keys)
        }
        Some(o) => {
            let Some(r) = vm.call_special(o, &vm.intern("__dir__"), &[])? else {
                return Err(vm.new_type_error("object does not provide __dir__"));
            };
            let items = vm.to_vec(&r)?;
            sorted_list(vm, items)
        }
    }
}

// ----- exec / eval ----------------------------------------------------------------

fn is_mapping(vm: &Vm, o: &PyObjectRef) -> bool {
    o.downcast_ref::<PyDict>().is_some() || class_of(o).ext.lookup(&vm.names.__getitem__).is_some()
}

fn null_bytes_error(vm: &Vm) -> crate::PyBaseExceptionRef {
    vm.new_exception_msg(
        &vm.exc.SyntaxError,
        "source code string cannot contain null bytes",
    )
}

/// The text of a `str`/`bytes`/`bytearray` source, or None for other types.
fn source_text(vm: &Vm, src: &PyObjectRef) -> PyResult<Option<String>> {
    let text = if let Some(s) = src.downcast_ref::<PyStr>() {
        if s.has_surrogates() {
            // CPython encodes str source to UTF-8 first, which rejects
            // lone surrogates.
            crate::modules::_codecs::encode(vm, s.as_str(), "utf-8", "strict", src)?;
        }
        s.as_str().to_string()
    } else if let Some(b) = src.downcast_ref::<PyBytes>() {
        decode_source(vm, &b.data)?
    } else if let Some(b) = src.downcast_ref::<PyByteArray>() {
        let data = b.data.borrow().clone();
        decode_source(vm, &data)?
    } else {
        return Ok(None);
    };
    if text.contains('\0') {
        return Err(null_bytes_error(vm));
    }
    Ok(Some(text))
}

fn decode_source(vm: &Vm, data: &[u8]) -> PyResult<String> {
    let data = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
    match std::str::from_utf8(data) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(vm.new_exception_msg(
            &vm.exc.SyntaxError,
            format!(
                "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                data.get(e.valid_up_to()).copied().unwrap_or(0),
                e.valid_up_to()
            ),
        )),
    }
}

/// Resolve `(globals, locals)` for exec/eval and make sure `globals` has
/// `__builtins__`.
fn namespaces(
    vm: &Vm,
    globals: Option<&PyObjectRef>,
    locals: Option<&PyObjectRef>,
    fname: &str,
) -> PyResult<(PyObjectRef, PyObjectRef)> {
    let globals = globals.filter(|g| !g.is(&vm.none)).cloned();
    let locals = locals.filter(|l| !l.is(&vm.none)).cloned();
    if let Some(g) = &globals {
        if g.downcast_ref::<PyDict>().is_none() {
            return Err(vm.new_type_error(if fname == "eval" {
                "globals must be a dict".to_string()
            } else {
                format!("exec() globals must be a dict, not {}", vm.type_name(g))
            }));
        }
    }
    if let Some(l) = &locals {
        if !is_mapping(vm, l) {
            return Err(vm.new_type_error(if fname == "eval" {
                "locals must be a mapping".to_string()
            } else {
                format!("locals must be a mapping or None, not {}", vm.type_name(l))
            }));
        }
    }
    let (g, l) = match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => {
            let g = caller_globals(vm)?;
            let l = match l {
                Some(l) => l,
                None => caller_locals(vm),
            };
            (g, l)
        }
    };
    if let Some(gd) = g.downcast_ref::<PyDict>() {
        if gd.get_by_str("__builtins__").is_none() {
            vm.dict_set_str(gd, "__builtins__", caller_builtins(vm));
        }
    }
    Ok((g, l))
}

fn builtin_eval(vm: &Vm, args: Args) -> PyResult {
    let [src, globals, locals] = args.range::<3>(vm, "eval", 1)?;
    let src = src.expect("min 1");
    let is_code = src.downcast_ref::<PyCode>().is_some();
    let text = if is_code { None } else { source_text(vm, src)? };
    if !is_code && text.is_none() {
        return Err(vm.new_type_error("eval() arg 1 must be a string, bytes or code object"));
    }
    let (g, l) = namespaces(vm, globals, locals, "eval")?;
    let code = match text {
        None => {
            let has_free = src.downcast_ref::<PyCode>().is_some_and(|c| {
                c.code
                    .localspluskinds
                    .iter()
                    .any(|k| k & LocalKind::FREE != 0)
            });
            if has_free {
                return Err(vm.new_type_error(
                    "code object passed to eval() may not contain free variables",
                ));
            }
            src.clone()
        }
        Some(t) => {
            // eval() ignores leading spaces and tabs.
            let t = t.trim_start_matches([' ', '\t']);
            compile_inheriting(vm, t, Mode::Eval)?
        }
    };
    crate::eval::r#loop::run_code(vm, &code, &g, Some(l))
}

fn builtin_exec(vm: &Vm, args: Args) -> PyResult {
    let mut closure = None;
    for (k, v) in args.kwargs() {
        if k == "closure" {
            closure = Some(v.clone()).filter(|c| !c.is(&vm.none));
        } else {
            return Err(
                vm.new_type_error(format!("exec() got an unexpected keyword argument '{k}'"))
            );
        }
    }
    let pos = args.pos();
    if pos.is_empty() {
        return Err(vm.new_type_error("exec() missing required argument 'source' (pos 1)"));
    }
    if pos.len() > 3 {
        return Err(vm.new_type_error(format!(
            "exec expected at most 3 arguments, got {}",
            pos.len()
        )));
    }
    let src = &pos[0];
    let is_code = src.downcast_ref::<PyCode>().is_some();
    let text = if is_code { None } else { source_text(vm, src)? };
    if !is_code && text.is_none() {
        return Err(vm.new_type_error("exec() arg 1 must be a string, bytes or code object"));
    }
    let (g, l) = namespaces(vm, pos.get(1), pos.get(2), "exec")?;
    let code = match text {
        None => {
            let nfree = src
                .downcast_ref::<PyCode>()
                .map(|c| {
                    c.code
                        .localspluskinds
                        .iter()
                        .filter(|k| *k & LocalKind::FREE != 0)
                        .count()
                })
                .unwrap_or(0);
            if closure.is_some() {
                return Err(vm.new_not_implemented_error(
                    "exec() with closure= is not supported by Pyrite yet",
                ));
            }
            if nfree > 0 {
                return Err(vm.new_type_error(format!(
                    "code object requires a closure of exactly length {nfree}"
                )));
            }
            src.clone()
        }
        Some(t) => {
            if closure.is_some() {
                return Err(
                    vm.new_type_error("closure can only be used when source is a code object")
                );
            }
            compile_inheriting(vm, &t, Mode::Exec)?
        }
    };
    crate::eval::r#loop::run_code(vm, &code, &g, Some(l))?;
    Ok(vm.none.clone())
}

/// Whether the calling Python code was compiled with `from __future__
/// import annotations` (which `compile`, `exec` and `eval` inherit).
fn caller_future_annotations(vm: &Vm) -> bool {
    let caller_flags = vm
        .frame_stack
        .borrow()
        .last()
        .and_then(|fi| fi.code.downcast_ref::<PyCode>().map(|c| c.code.flags))
        .unwrap_or(0);
    caller_flags as i64 & CO_FUTURE_ANNOTATIONS != 0
}

/// `exec`/`eval` of a string: compiled with the caller's future flags, as
/// CPython's `PyEval_MergeCompilerFlags` does.
fn compile_inheriting(vm: &Vm, text: &str, mode: Mode) -> PyResult {
    if !caller_future_annotations(vm) {
        return vm.compile(text, "<string>", mode);
    }
    let cflags = pyrite_compiler::CompileFlags {
        future_annotations: true,
        ..Default::default()
    };
    match crate::compile::compile_with_flags(text, "<string>", mode, cflags) {
        Ok(co) => Ok(vm.new_code(co)),
        Err(e) => Err(vm.syntax_error_to_exception(&e, "<string>")),
    }
}

// ----- compile --------------------------------------------------------------------

/// `compile()`'s filename: str, bytes, or an `os.PathLike`.
fn filename_arg(vm: &Vm, f: &PyObjectRef) -> PyResult<String> {
    if let Some(s) = f.downcast_ref::<PyStr>() {
        return Ok(s.as_str().to_string());
    }
    if let Some(b) = f.downcast_ref::<PyBytes>() {
        return Ok(String::from_utf8_lossy(&b.data).into_owned());
    }
    if let Some(r) = vm.call_special(f, &vm.intern("__fspath__"), &[])? {
        if r.downcast_ref::<PyStr>().is_some() || r.downcast_ref::<PyBytes>().is_some() {
            return filename_arg(vm, &r);
        }
        return Err(vm.new_type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            vm.type_name(f),
            vm.type_name(&r)
        )));
    }
    Err(vm.new_type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        vm.type_name(f)
    )))
}

fn int_arg(vm: &Vm, o: Option<&PyObjectRef>, default: i64) -> PyResult<i64> {
    match o {
        None => Ok(default),
        Some(o) => {
            let i = vm.index(o)?;
            i.downcast_ref::<PyInt>()
                .and_then(|p| p.value.as_i64())
                .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C int"))
        }
    }
}

/// Whether `o` is an `ast.AST` node (by its class's MRO names, as the `ast`
/// module is pure Python here).
fn builtin_compile(vm: &Vm, args: Args) -> PyResult {
    let [src, filename, mode, flags, dont_inherit, optimize, _fv] = args.bind(
        vm,
        "compile",
        [
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
        0,
        6,
    )?;
    let (src, filename, mode) = (
        src.expect("req"),
        filename.expect("req"),
        mode.expect("req"),
    );
    let filename = filename_arg(vm, filename)?;
    let Some(mode_s) = mode.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "compile() argument 'mode' must be str, not {}",
            vm.type_name(mode)
        )));
    };
    let flags = int_arg(vm, flags, 0)?;
    let dont_inherit = match dont_inherit {
        Some(d) => vm.is_true(d)?,
        None => false,
    };
    let optimize = int_arg(vm, optimize, -1)?;
    if flags & !COMPILE_FLAGS_MASK != 0 {
        return Err(vm.new_value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(vm.new_value_error("compile(): invalid optimize value"));
    }
    let mode = match mode_s.as_str() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" if flags & PYCF_ONLY_AST != 0 => Mode::Exec,
        "func_type" => {
            return Err(vm.new_value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"))
        }
        _ => {
            return Err(vm.new_value_error(if flags & PYCF_ONLY_AST != 0 {
                "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
            } else {
                "compile() mode must be 'exec', 'eval' or 'single'"
            }))
        }
    };
    let text = match source_text(vm, src)? {
        Some(t) => Some(t),
        None if crate::modules::_ast::is_ast_object(vm, src) => None,
        None => {
            return Err(vm.new_type_error("compile() arg 1 must be a string, bytes or AST object"))
        }
    };
    if flags & PYCF_ONLY_AST != 0 {
        return match &text {
            Some(t) => crate::modules::_ast::parse_to_ast(
                vm,
                t,
                &filename,
                mode_s.as_str(),
                flags & crate::modules::_ast::PYCF_TYPE_COMMENTS != 0,
            ),
            None => crate::modules::_ast::check_ast_mode(vm, src, mode_s.as_str()),
        };
    }
    // Inherit the caller's `from __future__ import annotations`.
    let mut future_annotations = flags & CO_FUTURE_ANNOTATIONS != 0;
    if !dont_inherit {
        future_annotations |= caller_future_annotations(vm);
    }
    let cflags = pyrite_compiler::CompileFlags {
        optimize: if optimize < 0 {
            vm.flags.borrow().optimize
        } else {
            optimize as u8
        },
        future_annotations,
        top_level_await: flags & PYCF_ALLOW_TOP_LEVEL_AWAIT != 0,
    };
    let Some(text) = text else {
        return crate::modules::_ast::compile_ast(vm, src, &filename, mode_s.as_str(), cflags);
    };
    match crate::compile::compile_with_flags(&text, &filename, mode, cflags) {
        Ok(co) => Ok(vm.new_code(co)),
        Err(e) => Err(vm.syntax_error_to_exception(&e, &filename)),
    }
}

/// Register this file's functions into the builtins dict `d`.
pub fn add(vm: &Vm, d: &PyDict) {
    let m = "builtins";
    vm.add_function(d, m, "locals", builtin_locals);
    vm.add_function(d, m, "vars", builtin_vars);
    vm.add_function(d, m, "dir", builtin_dir);
    vm.add_function(d, m, "eval", builtin_eval);
    vm.add_function(d, m, "exec", builtin_exec);
    vm.add_function(d, m, "compile", builtin_compile);
}
