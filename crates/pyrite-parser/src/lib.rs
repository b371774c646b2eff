//! The one place that talks to `ruff_python_parser`: source text in, a
//! `ruff_python_ast` tree or a CPython-style `SyntaxError` out.
//!
//! Mirrors the role of CPython 3.11 `Parser/pegen.c` + `Parser/tokenizer.c`
//! as seen from the compiler: the parser is set to target Python 3.11, so
//! syntax 3.11 rejects (PEP 695 `type` statements and generics, PEP 701
//! f-strings, ...) is a `SyntaxError`; bracket nesting deeper than CPython's
//! tokenizer allows is rejected before parsing so the recursive-descent parser
//! never overflows the native stack; messages are mapped onto CPython's
//! wording for the common errors.
#![forbid(unsafe_code)]

mod depth;
mod errors;
mod location;

pub use errors::{SyntaxError, SyntaxErrorKind};
pub use location::LineIndex;
pub use ruff_python_ast as ast;
pub use ruff_text_size::{Ranged, TextRange, TextSize};

use ruff_python_ast::{Mod, PythonVersion};
use ruff_python_parser::ParseOptions;

/// What the source is compiled as (the `mode` argument of `compile()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements (`'exec'`).
    Exec,
    /// A single expression (`'eval'`).
    Eval,
    /// One interactive statement (`'single'`).
    Single,
}

/// A parsed source: the tree plus the line index used for locations.
#[derive(Debug)]
pub struct ParsedModule {
    pub ast: Mod,
    pub line_index: LineIndex,
    /// Deepest nesting of statements/expressions/patterns in the tree.
    /// Consumers that recurse over the tree should run on a large stack
    /// when this exceeds `INLINE_DEPTH_LIMIT`.
    pub depth: u32,
}

/// Deepest tree the compiler accepts; deeper input is CPython's
/// `RecursionError: maximum recursion depth exceeded during compilation`
/// (its symtable limit is 3 x the default recursion limit of 1000).
pub const MAX_COMPILE_DEPTH: u32 = 2900;
/// Trees up to this depth may be walked recursively on an ordinary stack.
pub const INLINE_DEPTH_LIMIT: u32 = 150;
/// Sources longer than this are parsed on a `BIG_STACK` thread.
const INLINE_PARSE_LIMIT: usize = 1024;
/// Stack size for parsing and compiling deep trees.
pub const BIG_STACK: usize = 512 << 20;

/// CPython's tokenizer limit on bracket nesting (`MAXLEVEL`).
pub const MAX_PAREN_LEVEL: usize = 200;
/// CPython's tokenizer limit on indentation levels (`MAXINDENT`).
pub const MAX_INDENT_LEVEL: usize = 100;

/// Nesting depth of a tree (for trees built elsewhere, e.g. from an AST
/// object given to `compile()`).
pub fn tree_depth(ast: &Mod) -> u32 {
    depth::max_depth(ast)
}

/// Ranges of the comments of `source` (for `ast.parse(type_comments=True)`);
/// empty when the source does not parse.
pub fn comment_ranges(source: &str) -> Vec<TextRange> {
    let options = ParseOptions::from(ruff_python_parser::Mode::Module)
        .with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    parsed
        .tokens()
        .iter()
        .filter(|t| t.kind() == ruff_python_ast::token::TokenKind::Comment)
        .map(|t| t.range())
        .collect()
}

/// Parse `source` as Python 3.11 in the given mode.
///
/// Errors: a `SyntaxError` (or `IndentationError`/`TabError`) with CPython's
/// message where we know it, 1-based line and 1-based character column.
/// Never panics and never overflows the native stack on deeply nested input.
pub fn parse(source: &str, mode: Mode) -> Result<ParsedModule, SyntaxError> {
    let line_index = LineIndex::new(source);
    // Bracket problems CPython's tokenizer reports (nesting too deep, ...)
    // are checked first: the nesting one protects the parser's stack.
    if let Some((err, _)) = errors::scan_brackets(source, &line_index).hard {
        if err.msg == "too many nested parentheses" {
            return Err(err);
        }
    }
    let ruff_mode = match mode {
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
        Mode::Eval => ruff_python_parser::Mode::Expression,
    };
    let options = ParseOptions::from(ruff_mode).with_target_version(PythonVersion::PY311);
    let run = move |src: &str| -> Result<(Mod, u32), SyntaxError> {
        let li = LineIndex::new(src);
        let parsed = ruff_python_parser::parse_unchecked(src, options);
        if let Some(err) = parsed.errors().first() {
            return Err(errors::convert_parse_error(err, src, &li));
        }
        if let Some(err) = parsed.unsupported_syntax_errors().first() {
            return Err(errors::convert_unsupported(err, src, &li));
        }
        let ast = parsed.into_syntax();
        let depth = depth::max_depth(&ast);
        if depth > MAX_COMPILE_DEPTH {
            // Dropping the tree recurses too; it happens here, on this stack.
            return Err(SyntaxError::new(
                SyntaxErrorKind::RecursionError,
                "maximum recursion depth exceeded during compilation",
                1,
                1,
            ));
        }
        Ok((ast, depth))
    };
    let (ast, depth) = if source.len() > INLINE_PARSE_LIMIT {
        // Long inputs may nest deeply without brackets (`not not ... x`,
        // long operator chains): give the recursive parser a large stack.
        let src = source.to_owned();
        match std::thread::Builder::new()
            .stack_size(BIG_STACK)
            .spawn(move || run(&src))
            .map_err(|_| ())
            .and_then(|h| h.join().map_err(|_| ()))
        {
            Ok(r) => r?,
            Err(()) => {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::RecursionError,
                    "maximum recursion depth exceeded during compilation",
                    1,
                    1,
                ))
            }
        }
    } else {
        run(source)?
    };
    if mode == Mode::Single {
        if let Mod::Module(m) = &ast {
            if m.body.len() > 1 {
                let r = m.body[1].range();
                let mut e = SyntaxError::at_range(
                    "multiple statements found while compiling a single statement",
                    source,
                    &line_index,
                    m.body[0].range(),
                );
                let _ = r;
                e.kind = SyntaxErrorKind::SyntaxError;
                return Err(e);
            }
        }
    }
    if let Some(err) = errors::check_indent_depth(source, &line_index) {
        return Err(err);
    }
    Ok(ParsedModule {
        ast,
        line_index,
        depth,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> SyntaxError {
        parse(src, Mode::Exec).expect_err("expected a syntax error")
    }

    #[test]
    fn parses_simple_module() {
        let p = parse("x = 1\nprint(x)\n", Mode::Exec).unwrap();
        match p.ast {
            Mod::Module(m) => assert_eq!(m.body.len(), 2),
            _ => panic!(),
        }
    }

    #[test]
    fn eval_mode() {
        assert!(matches!(
            parse("1 + 2", Mode::Eval).unwrap().ast,
            Mod::Expression(_)
        ));
    }

    #[test]
    fn cpython_messages() {
        let e = err("if x\n    pass\n");
        assert_eq!(e.msg, "expected ':'");
        assert_eq!(e.lineno, 1);
        let e = err("x = (1,\n");
        assert_eq!(e.msg, "'(' was never closed");
        assert_eq!((e.lineno, e.offset), (1, 5));
        let e = err("x = 'abc\n");
        assert_eq!(e.msg, "unterminated string literal (detected at line 1)");
        assert_eq!((e.lineno, e.offset), (1, 5));
        let e = err("  x = 1\n");
        assert_eq!(e.msg, "unexpected indent");
        assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
        let e = err("if 1:\n        x = 1\n    y = 2\n");
        assert_eq!(e.msg, "unindent does not match any outer indentation level");
        assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
        let e = err("x = )\n");
        assert_eq!(e.msg, "unmatched ')'");
    }

    #[test]
    fn rejects_syntax_newer_than_311() {
        assert!(parse("type X = int\n", Mode::Exec).is_err());
        assert!(parse("def f[T](x: T): pass\n", Mode::Exec).is_err());
        assert!(parse("f'{'a'}'\n", Mode::Exec).is_err());
        assert!(parse("try:\n  pass\nexcept* ValueError:\n  pass\n", Mode::Exec).is_ok());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = "(".repeat(100_000) + &")".repeat(100_000);
        let e = err(&src);
        assert_eq!(e.msg, "too many nested parentheses");
        let src = format!("x = {}1\n", "-".repeat(50_000));
        let _ = parse(&src, Mode::Exec);
    }

    #[test]
    fn single_mode_rejects_two_statements() {
        assert!(parse("x = 1\ny = 2\n", Mode::Single).is_err());
        assert!(parse("x = 1\n", Mode::Single).is_ok());
    }
}
