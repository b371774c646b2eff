//! Pyrite's compiler: Python 3.11 source to CPython-3.11-format code
//! objects.
//!
//! Mirrors CPython 3.11's pipeline: `Parser/` (via `pyrite-parser`),
//! `Python/future.c` (the `__future__` prologue), `Python/ast_opt.c`
//! (`fold.rs`), `Python/symtable.c` (`symtable.rs`), and
//! `Python/compile.c`, split into code generation (`codegen/`), the CFG
//! passes (`flowgraph.rs`, `swaps.rs`) and the assembler (`assemble.rs`).
//!
//! The one entry point is [`compile`]. Trees deeper than
//! `pyrite_parser::INLINE_DEPTH_LIMIT` are compiled on a thread with a
//! large stack (the result crosses back as marshal bytes), so deep input
//! never overflows the caller's stack; deeper than
//! `pyrite_parser::MAX_COMPILE_DEPTH` is a `RecursionError`, as in CPython.
#![forbid(unsafe_code)]

mod assemble;
mod codegen;
mod consts;
mod flowgraph;
mod fold;
mod literal;
pub use literal::fstring_literal as fstring_literal_text;
pub use literal::literal_part as string_literal_part;
pub use literal::string_value as string_literal_value;
mod swaps;
pub mod symtable;
mod unparse;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use pyrite_bytecode::CodeObject;
use pyrite_parser::ast::{self, Stmt};
pub use pyrite_parser::{Mode, SyntaxError, SyntaxErrorKind};

/// Options of `compile()` (CPython's `flags`, `dont_inherit`, `optimize`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CompileFlags {
    /// `-O` level: 1 drops `assert` and makes `__debug__` false, 2 also
    /// drops docstrings.
    pub optimize: u8,
    /// Act as if `from __future__ import annotations` were in effect.
    pub future_annotations: bool,
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
    pub top_level_await: bool,
}

/// Why compilation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// A `SyntaxError` (or `IndentationError`/`TabError`, see `error.kind`).
    Syntax {
        error: SyntaxError,
        filename: String,
    },
    /// `RecursionError` with this message (input nested too deeply).
    Recursion(String),
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompileError::Syntax { error, filename } => {
                write!(
                    f,
                    "{}: {} ({filename}, line {})",
                    error.kind.name(),
                    error.msg,
                    error.lineno
                )
            }
            CompileError::Recursion(m) => write!(f, "RecursionError: {m}"),
        }
    }
}

impl std::error::Error for CompileError {}

const RECURSION_MSG: &str = "maximum recursion depth exceeded during compilation";

/// Compile `source` (as `compile(source, filename, mode)` does) into the
/// code object of the module, expression or interactive statement.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: CompileFlags,
) -> Result<Rc<CodeObject>, CompileError> {
    let parsed = parse(source, filename, mode)?;
    compile_parsed_module(parsed, source, filename, mode, flags, HashMap::new())
}

/// Compile a tree built outside the parser (`compile()` of an AST
/// object). `source` is text whose line layout the tree's ranges index
/// into (its content is only shown in error messages). `annotations`
/// gives the string of each annotation expression (by its address) for
/// `from __future__ import annotations`.
pub fn compile_tree(
    ast: ast::Mod,
    source: &str,
    filename: &str,
    mode: Mode,
    flags: CompileFlags,
    annotations: HashMap<usize, String>,
) -> Result<Rc<CodeObject>, CompileError> {
    let depth = pyrite_parser::tree_depth(&ast);
    if depth > pyrite_parser::MAX_COMPILE_DEPTH {
        return Err(CompileError::Recursion(RECURSION_MSG.into()));
    }
    let parsed = pyrite_parser::ParsedModule {
        ast,
        line_index: pyrite_parser::LineIndex::new(source),
        depth,
    };
    compile_parsed_module(parsed, source, filename, mode, flags, annotations)
}

fn compile_parsed_module(
    parsed: pyrite_parser::ParsedModule,
    source: &str,
    filename: &str,
    mode: Mode,
    flags: CompileFlags,
    annotations: HashMap<usize, String>,
) -> Result<Rc<CodeObject>, CompileError> {
    if parsed.depth <= pyrite_parser::INLINE_DEPTH_LIMIT {
        return compile_parsed(&parsed, source, filename, mode, flags, annotations).map(Rc::new);
    }
    // Deep tree: compile on a big stack; bring the result back marshalled.
    let (src, fname) = (source.to_owned(), filename.to_owned());
    let handle = std::thread::Builder::new()
        .stack_size(pyrite_parser::BIG_STACK)
        .spawn(move || {
            let r = compile_parsed(&parsed, &src, &fname, mode, flags, annotations)
                .map(|code| pyrite_bytecode::marshal::dumps_code(&code));
            drop(parsed);
            r
        });
    let bytes = match handle.map(|h| h.join()) {
        Ok(Ok(r)) => r?,
        _ => return Err(CompileError::Recursion(RECURSION_MSG.into())),
    };
    pyrite_bytecode::marshal::loads_code(&bytes)
        .map(Rc::new)
        .map_err(|e| CompileError::Recursion(format!("internal compiler error: {e}")))
}

fn parse(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<pyrite_parser::ParsedModule, CompileError> {
    pyrite_parser::parse(source, mode).map_err(|e| {
        if e.kind == SyntaxErrorKind::RecursionError {
            CompileError::Recursion(e.msg)
        } else {
            CompileError::Syntax {
                error: e,
                filename: filename.to_owned(),
            }
        }
    })
}

/// Parse and compile, returning the bare code object.
pub fn compile_code(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: CompileFlags,
) -> Result<CodeObject, CompileError> {
    compile(source, filename, mode, flags)
        .map(|rc| Rc::try_unwrap(rc).unwrap_or_else(|rc| (*rc).clone()))
}

fn compile_parsed(
    parsed: &pyrite_parser::ParsedModule,
    source: &str,
    filename: &str,
    mode: Mode,
    flags: CompileFlags,
    annotations: HashMap<usize, String>,
) -> Result<CodeObject, CompileError> {
    let li = &parsed.line_index;
    let err = |msg: &str, range: ruff_text_size::TextRange| {
        codegen::syntax_error(source, li, filename, msg, range)
    };
    let mut future_flags = 0;
    let mut future_positions = HashSet::new();
    if let ast::Mod::Module(m) = &parsed.ast {
        check_future(&m.body, &err, &mut future_flags, &mut future_positions)?;
    }
    if flags.future_annotations {
        future_flags |= codegen::CO_FUTURE_ANNOTATIONS;
    }
    let st = symtable::build(
        &parsed.ast,
        future_flags & codegen::CO_FUTURE_ANNOTATIONS != 0,
        &err,
    )?;
    let mut c = codegen::Compiler::new(source, li, filename, st, flags, future_flags);
    c.future_positions = future_positions;
    c.annotation_text = annotations;
    let key = symtable::node_key(&parsed.ast);
    match &parsed.ast {
        ast::Mod::Module(m) => {
            c.interactive = mode == Mode::Single;
            c.compile_module(m, key)
        }
        ast::Mod::Expression(e) => c.compile_expression(e, key),
    }
}

/// `Python/future.c`: the `from __future__ import` statements at the top
/// of a module (after an optional docstring).
fn check_future(
    body: &[Stmt],
    err: &dyn Fn(&str, ruff_text_size::TextRange) -> CompileError,
    flags: &mut u32,
    positions: &mut HashSet<usize>,
) -> Result<(), CompileError> {
    let mut first = true;
    for s in body {
        if first && codegen::Compiler::docstring(std::slice::from_ref(s)).is_some() {
            first = false;
            continue;
        }
        first = false;
        let Stmt::ImportFrom(i) = s else { break };
        if i.module.as_ref().map(|m| m.as_str()) != Some("__future__") || i.level != 0 {
            break;
        }
        for a in &i.names {
            match a.name.as_str() {
                "nested_scopes" | "generators" | "division" | "absolute_import"
                | "with_statement" | "print_function" | "unicode_literals" | "generator_stop" => {}
                "annotations" => *flags |= codegen::CO_FUTURE_ANNOTATIONS,
                "barry_as_FLUFL" => *flags |= codegen::CO_FUTURE_BARRY_AS_BDFL,
                "braces" => return Err(err("not a chance", a.range)),
                other => {
                    return Err(err(
                        &format!("future feature {other} is not defined"),
                        a.range,
                    ))
                }
            }
        }
        positions.insert(symtable::node_key(s));
    }
    Ok(())
}

#[cfg(test)]
mod tests;

/// The stack effect the compiler uses for a real opcode: the opcode table's,
/// with corrections where it disagrees with CPython 3.11's `stack_effect`.
pub fn stack_effect(op: pyrite_bytecode::Opcode, arg: u32, jump: bool) -> i32 {
    flowgraph::Op::Real(op).stack_effect(arg, jump)
}
