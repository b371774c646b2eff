//! The bridge to the compiler: source text to a code object, and syntax
//! errors to `SyntaxError` exceptions with CPython's attributes.

use std::rc::Rc;

use pyrite_bytecode::CodeObject;
use pyrite_parser::{Mode, SyntaxError, SyntaxErrorKind};

use crate::Vm;

/// Compile `source` (named `filename`) in `mode`.
pub fn compile_source(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Rc<CodeObject>, SyntaxError> {
    compile_with_flags(
        source,
        filename,
        mode,
        pyrite_compiler::CompileFlags::default(),
    )
}

/// Compile with explicit `compile()` flags.
pub fn compile_with_flags(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: pyrite_compiler::CompileFlags,
) -> Result<Rc<CodeObject>, SyntaxError> {
    match pyrite_compiler::compile(source, filename, mode, flags) {
        Ok(c) => Ok(c),
        Err(pyrite_compiler::CompileError::Syntax { error, .. }) => Err(error),
        Err(pyrite_compiler::CompileError::Recursion(m)) => {
            Err(SyntaxError::new(SyntaxErrorKind::RecursionError, m, 1, 1))
        }
    }
}

impl Vm {
    /// The Python exception for a syntax error found in `filename`.
    pub fn syntax_error_to_exception(
        &self,
        e: &SyntaxError,
        filename: &str,
    ) -> crate::PyBaseExceptionRef {
        let cls = match e.kind {
            SyntaxErrorKind::SyntaxError => &self.exc.SyntaxError,
            SyntaxErrorKind::IndentationError => &self.exc.IndentationError,
            SyntaxErrorKind::TabError => &self.exc.TabError,
            SyntaxErrorKind::RecursionError => return self.new_recursion_error(e.msg.clone()),
        };
        let text = e
            .text
            .as_ref()
            .map(|t| self.new_str(t.as_str()))
            .unwrap_or_else(|| self.none.clone());
        let details = self.new_tuple(vec![
            self.new_str(filename),
            self.new_int(e.lineno as i64),
            self.new_int(e.offset as i64),
            text,
            self.new_int(e.end_lineno as i64),
            self.new_int(e.end_offset as i64),
        ]);
        let msg = self.new_str(e.msg.as_str());
        match self.call(cls.as_object(), &[msg, details]) {
            Ok(o) => o
                .downcast()
                .unwrap_or_else(|_| self.new_exception_msg(cls, e.msg.as_str())),
            Err(err) => err,
        }
    }
}
