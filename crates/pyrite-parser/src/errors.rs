//! `SyntaxError` and the translation of ruff's parse errors into CPython
//! 3.11's messages and positions.
//!
//! Mirrors the error paths of CPython 3.11 `Parser/tokenizer.c` (bracket
//! and indentation errors, unterminated strings) and `Parser/pegen_errors.c`
//! (`invalid syntax`, positions as 1-based character offsets). A bracket
//! pre-scan reproduces the tokenizer's bracket messages, which ruff words
//! differently or reports at another place.

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType,
    UnsupportedSyntaxError,
};
use ruff_text_size::{TextRange, TextSize};

use crate::{LineIndex, MAX_INDENT_LEVEL, MAX_PAREN_LEVEL};

/// Which exception class a syntax error is raised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Not a `SyntaxError`: the tree nests too deeply to compile (CPython's
    /// `RecursionError: maximum recursion depth exceeded during compilation`).
    RecursionError,
}

impl SyntaxErrorKind {
    /// The Python exception class name.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// A syntax error with the fields of CPython's `SyntaxError` object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    /// 1-based line.
    pub lineno: u32,
    /// 1-based column in characters, as CPython reports it.
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The source line the error is on (with its newline), if known.
    pub text: Option<String>,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} (line {})",
            self.kind.name(),
            self.msg,
            self.lineno
        )
    }
}

impl std::error::Error for SyntaxError {}

impl SyntaxError {
    /// An error at a bare position, without source text.
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, lineno: u32, offset: u32) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno,
            offset,
            end_lineno: lineno,
            end_offset: offset,
            text: None,
        }
    }

    /// An error covering `range` of `source`.
    pub fn at_range(
        msg: impl Into<String>,
        source: &str,
        li: &LineIndex,
        range: TextRange,
    ) -> Self {
        let (lineno, _) = li.line_col(range.start());
        let (end_lineno, _) = li.line_col(range.end());
        let offset = li.char_col(source, range.start()) + 1;
        let end_offset = li.char_col(source, range.end()) + 1;
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: Some(li.line_text(source, lineno).to_owned()),
        }
    }

    fn with_kind(mut self, kind: SyntaxErrorKind) -> Self {
        self.kind = kind;
        self
    }
}

fn at(msg: impl Into<String>, source: &str, li: &LineIndex, offset: u32) -> SyntaxError {
    let o = TextSize::from(offset);
    SyntaxError::at_range(msg, source, li, TextRange::new(o, o))
}

/// What a bracket scan found: the first tokenizer-level bracket error
/// (with its byte offset) and the innermost bracket still open at the end.
#[derive(Debug, Default)]
pub(crate) struct BracketScan {
    pub hard: Option<(SyntaxError, u32)>,
    pub unclosed: Option<(u8, u32)>,
}

fn bracket_error(
    msg: String,
    source: &str,
    li: &LineIndex,
    pos: u32,
) -> Option<(SyntaxError, u32)> {
    Some((at(msg, source, li, pos), pos))
}

/// Scan brackets the way CPython's tokenizer does (skipping strings and
/// comments): too deep nesting, unmatched and mismatched closers, and the
/// innermost bracket left open at the end of the input.
pub(crate) fn scan_brackets(source: &str, li: &LineIndex) -> BracketScan {
    let b = source.as_bytes();
    let mut stack: Vec<(u8, u32)> = Vec::new();
    let mut out = BracketScan::default();
    let mut i = 0usize;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                let q = c;
                if triple {
                    i += 3;
                    loop {
                        if i >= b.len() {
                            return out; // unterminated: the parser reports it
                        }
                        if b[i] == b'\\' {
                            i += 2;
                            continue;
                        }
                        if b[i] == q && i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q {
                            i += 3;
                            break;
                        }
                        i += 1;
                    }
                } else {
                    i += 1;
                    loop {
                        if i >= b.len() || b[i] == b'\n' || b[i] == b'\r' {
                            return out;
                        }
                        if b[i] == b'\\' {
                            i += 2;
                            continue;
                        }
                        if b[i] == q {
                            i += 1;
                            break;
                        }
                        i += 1;
                    }
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                if stack.len() >= MAX_PAREN_LEVEL {
                    out.hard =
                        bracket_error("too many nested parentheses".into(), source, li, i as u32);
                    return out;
                }
                stack.push((c, i as u32));
            }
            b')' | b']' | b'}' => {
                let open = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => {
                        out.hard = bracket_error(
                            format!("unmatched '{}'", c as char),
                            source,
                            li,
                            i as u32,
                        );
                        return out;
                    }
                    Some((o, pos)) if o != open => {
                        let (ol, _) = li.line_col(TextSize::from(pos));
                        let (cl, _) = li.line_col(TextSize::from(i as u32));
                        let msg = if ol != cl {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c as char, o as char, ol
                            )
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, o as char
                            )
                        };
                        out.hard = bracket_error(msg, source, li, i as u32);
                        return out;
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    out.unclosed = stack.last().copied();
    out
}

fn never_closed(source: &str, li: &LineIndex, o: u8, pos: u32) -> SyntaxError {
    let mut e = at(format!("'{}' was never closed", o as char), source, li, pos);
    e.end_offset = 0;
    e
}

/// CPython's "too many levels of indentation" (100 levels).
pub(crate) fn check_indent_depth(source: &str, li: &LineIndex) -> Option<SyntaxError> {
    let mut levels: Vec<usize> = vec![0];
    for line in 1..=li.line_count() {
        let text = li.line_text(source, line);
        let trimmed = text.trim_start_matches([' ', '\t']);
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(['\n', '\r']) {
            continue;
        }
        let w = text.len() - trimmed.len();
        while levels.len() > 1 && *levels.last().unwrap() > w {
            levels.pop();
        }
        if w > *levels.last().unwrap() {
            levels.push(w);
            if levels.len() > MAX_INDENT_LEVEL {
                let mut e = at(
                    "too many levels of indentation",
                    source,
                    li,
                    li.line_start(line),
                );
                e.kind = SyntaxErrorKind::IndentationError;
                return Some(e);
            }
        }
    }
    None
}

/// The statement keyword a block header on `line` starts with, as CPython
/// words it in "expected an indented block after ...".
fn block_header_desc(source: &str, li: &LineIndex, line: u32) -> Option<String> {
    let text = li.line_text(source, line).trim_start();
    let word: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let after_async = || {
        let rest = text["async".len()..].trim_start();
        rest.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect::<String>()
    };
    let w = if word == "async" { after_async() } else { word };
    Some(match w.as_str() {
        "def" => format!("function definition on line {line}"),
        "class" => format!("class definition on line {line}"),
        "if" | "elif" | "else" | "while" | "for" | "with" | "try" | "except" | "finally"
        | "match" | "case" => format!("'{w}' statement on line {line}"),
        _ => return None,
    })
}

/// Translate one ruff parse error into CPython's `SyntaxError`.
pub(crate) fn convert_parse_error(err: &ParseError, source: &str, li: &LineIndex) -> SyntaxError {
    use SyntaxErrorKind::{IndentationError, TabError};
    let range = err.location;
    let start = u32::from(range.start());
    let (line, _) = li.line_col(range.start());
    let plain = |msg: &str| SyntaxError::at_range(msg, source, li, range);
    let scan = scan_brackets(source, li);
    // Tokenizer errors before the failure point win (CPython tokenizes
    // lazily, so it meets them first).
    if let Some((e, pos)) = &scan.hard {
        if *pos <= start {
            return e.clone();
        }
    }
    let is_lexical = matches!(
        &err.error,
        ParseErrorType::Lexical(_) | ParseErrorType::UnexpectedIndentation
    );
    if let Some((o, pos)) = scan.unclosed {
        let (open_line, _) = li.line_col(TextSize::from(pos));
        let at_eof = start as usize >= source.trim_end().len()
            || matches!(
                &err.error,
                ParseErrorType::ExpectedToken {
                    found: TokenKind::EndOfFile,
                    ..
                }
            );
        if at_eof || (!is_lexical && open_line < line) {
            return never_closed(source, li, o, pos);
        }
    }
    // Python 2 `print x` / `exec x`.
    {
        let line_start = li.line_start(line) as usize;
        let text = li.line_text(source, line);
        let stripped = text.trim_start();
        for kw in ["print", "exec"] {
            if let Some(rest) = stripped.strip_prefix(kw) {
                let r = rest.trim_start();
                if rest.starts_with([' ', '\t'])
                    && !r.is_empty()
                    && !r.starts_with(['=', '(', '.', '[', ',', ')', ';', '#', '\n', '\r'])
                    && !r.starts_with("+=")
                    && !is_lexical
                {
                    let indent = text.len() - stripped.len();
                    let mut e = at(
                        format!("Missing parentheses in call to '{kw}'. Did you mean {kw}(...)?"),
                        source,
                        li,
                        (line_start + indent) as u32,
                    );
                    e.end_offset = text.trim_end().chars().count() as u32 + 1;
                    return e;
                }
            }
        }
    }
    match &err.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::IndentationError => {
                let mut e = plain("unindent does not match any outer indentation level");
                e.offset = e
                    .text
                    .as_deref()
                    .map(|t| t.trim_end_matches(['\n', '\r']).chars().count() as u32)
                    .unwrap_or(0);
                e.end_offset = e.offset;
                let text = li.line_text(source, line);
                let indent: String = text
                    .chars()
                    .take_while(|c| *c == ' ' || *c == '\t')
                    .collect();
                if indent.contains('\t') && indent.contains(' ') {
                    let mut t = plain("inconsistent use of tabs and spaces in indentation");
                    t.kind = TabError;
                    return t;
                }
                e.with_kind(IndentationError)
            }
            LexicalErrorType::UnclosedStringError => {
                let text = &source[start as usize..];
                let triple = text
                    .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                    .starts_with("\"\"\"")
                    || text
                        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                        .starts_with("'''");
                let mut e = if triple {
                    let end = if source.ends_with('\n') {
                        source.len() - 1
                    } else {
                        source.len()
                    };
                    let last = li.line_of(end as u32);
                    plain(&format!(
                        "unterminated triple-quoted string literal (detected at line {last})"
                    ))
                } else {
                    plain(&format!(
                        "unterminated string literal (detected at line {line})"
                    ))
                };
                e.end_lineno = e.lineno;
                e.end_offset = e.offset;
                e
            }
            LexicalErrorType::Eof => plain("unexpected EOF while parsing"),
            LexicalErrorType::LineContinuationError => {
                plain("unexpected character after line continuation character")
            }
            LexicalErrorType::UnrecognizedToken { tok } => {
                if *tok == '$' || *tok == '?' || *tok == '`' || *tok == '!' {
                    plain("invalid syntax")
                } else if tok.is_whitespace() || !tok.is_ascii() {
                    plain(&format!(
                        "invalid character '{}' (U+{:04X})",
                        tok, *tok as u32
                    ))
                } else {
                    plain("invalid syntax")
                }
            }
            LexicalErrorType::FStringError(e) => plain(&fstring_msg(e)),
            LexicalErrorType::InvalidByteLiteral => {
                plain("bytes can only contain ASCII literal characters")
            }
            LexicalErrorType::OtherError(m) => {
                if m.contains("indent") {
                    plain(m).with_kind(IndentationError)
                } else {
                    plain("invalid syntax")
                }
            }
            _ => plain("invalid syntax"),
        },
        ParseErrorType::UnexpectedIndentation => {
            plain("unexpected indent").with_kind(IndentationError)
        }
        ParseErrorType::ExpectedToken { expected, found } => match expected {
            TokenKind::Colon => plain("expected ':'"),
            TokenKind::Else => {
                // `a if b` without `else`: CPython points at the whole `a if b`.
                let line_start = li.line_start(line) as usize;
                let text = &source[line_start..start as usize];
                let eq = text.rfind(['=', '(', '[', ',']).map(|i| i + 1).unwrap_or(0);
                let lead = text[eq..].len() - text[eq..].trim_start().len();
                let off = (line_start + eq + lead) as u32;
                let mut e = at("expected 'else' after 'if' expression", source, li, off);
                e.end_offset = li.char_col(source, range.start()) + 1;
                e
            }
            TokenKind::Indent => {
                // The block header is the last non-blank line before here.
                let mut hl = line;
                while hl > 1 {
                    hl -= 1;
                    let t = li.line_text(source, hl).trim();
                    if !t.is_empty() && !t.starts_with('#') {
                        break;
                    }
                }
                let msg = match block_header_desc(source, li, hl) {
                    Some(d) => format!("expected an indented block after {d}"),
                    None => "expected an indented block".to_owned(),
                };
                plain(&msg).with_kind(IndentationError)
            }
            TokenKind::Comma
                if !matches!(
                    found,
                    TokenKind::Newline | TokenKind::EndOfFile | TokenKind::Equal
                ) =>
            {
                plain("invalid syntax. Perhaps you forgot a comma?")
            }
            _ => plain("invalid syntax"),
        },
        ParseErrorType::FStringError(e) => plain(&fstring_msg(e)),
        ParseErrorType::InvalidDeleteTarget => {
            plain(&format!("cannot delete {}", target_name(source, range)))
        }
        ParseErrorType::InvalidAssignmentTarget => {
            let name = target_name(source, range);
            // `x = ...` with an invalid whole left-hand side reads as a
            // mistyped comparison (CPython's invalid_named_expression).
            let line_start = li.line_start(line) as usize;
            let before = source[line_start..start as usize].trim();
            let after = source[u32::from(range.end()) as usize..].trim_start();
            let whole_target = before.is_empty()
                && after.starts_with('=')
                && !after.starts_with("==")
                && !matches!(
                    name.as_str(),
                    "tuple" | "list" | "True" | "False" | "None" | "generator expression"
                );
            if name == "yield expression" {
                plain("assignment to yield expression not possible")
            } else if whole_target {
                plain(&format!(
                    "cannot assign to {name} here. Maybe you meant '==' instead of '='?"
                ))
            } else {
                plain(&format!("cannot assign to {name}"))
            }
        }
        ParseErrorType::InvalidNamedAssignmentTarget => plain(&format!(
            "cannot use assignment expressions with {}",
            target_name(source, range)
        )),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => plain("illegal target for annotation"),
        ParseErrorType::InvalidAugmentedAssignmentTarget => plain(&format!(
            "'{}' is an illegal expression for augmented assignment",
            target_name(source, range)
        )),
        ParseErrorType::PositionalAfterKeywordArgument => {
            plain("positional argument follows keyword argument")
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            plain("positional argument follows keyword argument unpacking")
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            plain("iterable argument unpacking follows keyword argument unpacking")
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            plain("non-default argument follows default argument")
        }
        ParseErrorType::ParamAfterVarKeywordParam => {
            plain("arguments cannot follow var-keyword argument")
        }
        ParseErrorType::VarParameterWithDefault => {
            plain("var-positional argument cannot have default value")
        }
        ParseErrorType::ExpectedKeywordParam => plain("named arguments must follow bare *"),
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            plain("Generator expression must be parenthesized")
        }
        ParseErrorType::IterableUnpackingInComprehension => {
            plain("iterable unpacking cannot be used in comprehension")
        }
        ParseErrorType::InvalidStarredExpressionUsage => plain("can't use starred expression here"),
        ParseErrorType::EmptySlice => plain("invalid syntax"),
        ParseErrorType::SimpleStatementsOnSameLine
        | ParseErrorType::SimpleAndCompoundStatementOnSameLine => plain("invalid syntax"),
        ParseErrorType::OtherError(m) if m.starts_with("Expected an indented block") => {
            let mut hl = line;
            while hl > 1 {
                hl -= 1;
                let t = li.line_text(source, hl).trim();
                if !t.is_empty() && !t.starts_with('#') {
                    break;
                }
            }
            let msg = match block_header_desc(source, li, hl) {
                Some(d) => format!("expected an indented block after {d}"),
                None => "expected an indented block".to_owned(),
            };
            let mut e = plain(&msg).with_kind(IndentationError);
            let first = li.line_text(source, line);
            let indent = first.len() - first.trim_start().len();
            e.offset = indent as u32 + 1;
            e.end_offset = e.offset
                + first
                    .trim()
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .map(|w| w.len())
                    .unwrap_or(0) as u32;
            e
        }
        ParseErrorType::OtherError(m) if m.contains("indent") => {
            plain(m).with_kind(IndentationError)
        }
        _ => plain("invalid syntax"),
    }
}

fn fstring_msg(e: &InterpolatedStringErrorType) -> String {
    match e {
        InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'".into(),
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed".into(),
        InterpolatedStringErrorType::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        InterpolatedStringErrorType::UnterminatedString => "f-string: unterminated string".into(),
        InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
            "f-string: unterminated triple-quoted string".into()
        }
        _ => "f-string: invalid syntax".into(),
    }
}

/// Syntax newer than 3.11 (PEP 695, PEP 701, ...) becomes a `SyntaxError`.
pub(crate) fn convert_unsupported(
    err: &UnsupportedSyntaxError,
    source: &str,
    li: &LineIndex,
) -> SyntaxError {
    use ruff_python_parser::UnsupportedSyntaxErrorKind as K;
    let text = &source[err.range];
    let msg = match &err.kind {
        K::Pep701FString(_) => "f-string: expecting '}'",
        _ if text.starts_with('[') => "expected '('",
        _ => "invalid syntax",
    };
    SyntaxError::at_range(msg, source, li, err.range)
}

/// CPython's `_PyPegen_get_expr_name` for the expression in `range`.
fn target_name(source: &str, range: TextRange) -> String {
    use ruff_python_ast::Expr;
    let text = &source[range];
    if text.trim_start().starts_with("yield") {
        return "yield expression".into();
    }
    let Ok(parsed) = ruff_python_parser::parse_expression(text) else {
        return "expression".into();
    };
    let name = match parsed.expr() {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "expression",
    };
    name.to_owned()
}
