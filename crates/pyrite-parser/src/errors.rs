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
        write!(f, "{}: {} (line {})", self.kind.name(), self.msg, self.lineno)
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
    pub fn at_range(msg: impl Into<String>, source: &str, li: &LineIndex, range: TextRange) -> Self {
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

/// Scan brackets the way CPython's tokenizer does (skipping strings and
/// comments): too deep nesting, unmatched and mismatched closers, and
/// (if `check_unclosed`) brackets never closed.
pub(crate) fn scan_brackets(source: &str, li: &LineIndex, check_unclosed: bool) -> Option<SyntaxError> {
    let b = source.as_bytes();
    let mut stack: Vec<(u8, u32)> = Vec::new();
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
                            return None; // unterminated: the parser reports it
                        }
                        if b[i] == b'\\' {
                            i += 2;
                            continue;
                        }
                        if b[i] == q && i + 2 < b.len() + 0 && b[i + 1] == q && b[i + 2] == q {
                            i += 3;
                            break;
                        }
                        i += 1;
                    }
                } else {
                    i += 1;
                    loop {
                        if i >= b.len() || b[i] == b'\n' || b[i] == b'\r' {
                            return None;
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
                    return Some(at("too many nested parentheses", source, li, i as u32));
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
                        return Some(at(format!("unmatched '{}'", c as char), source, li, i as u32))
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
                        return Some(at(msg, source, li, i as u32));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    if check_unclosed {
        if let Some(&(o, pos)) = stack.first() {
            return Some(at(format!("'{}' was never closed", o as char), source, li, pos));
        }
    }
    None
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
                let mut e = at("too many levels of indentation", source, li, li.line_start(line));
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
    let word: String = text.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let after_async = || {
        let rest = text["async".len()..].trim_start();
        rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>()
    };
    let w = if word == "async" { after_async() } else { word };
    Some(match w.as_str() {
        "def" => format!("function definition on line {line}"),
        "class" => format!("class definition on line {line}"),
        "if" | "elif" | "else" | "while" | "for" | "with" | "try" | "except" | "finally" | "match"
        | "case" => format!("'{w}' statement on line {line}"),
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
    // Bracket errors come from CPython's tokenizer and take precedence.
    let bracket = scan_brackets(source, li, true);
    if let Some(b) = &bracket {
        if b.lineno <= line || b.msg.ends_with("was never closed") {
            if !matches!(&err.error, ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError))
            {
                return b.clone();
            }
        }
    }
    match &err.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::IndentationError => {
                let mut e = plain("unindent does not match any outer indentation level");
                e.offset = e.text.as_deref().map(|t| t.trim_end_matches(['\n', '\r']).chars().count() as u32).unwrap_or(0);
                e.end_offset = e.offset;
                let text = li.line_text(source, line);
                let indent: String = text.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
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
                    || text.trim_start_matches(|c: char| c.is_ascii_alphabetic()).starts_with("'''");
                let mut e = if triple {
                    let last = li.line_of(source.len() as u32);
                    plain(&format!("unterminated triple-quoted string literal (detected at line {last})"))
                } else {
                    plain(&format!("unterminated string literal (detected at line {line})"))
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
                    plain(&format!("invalid character '{}' (U+{:04X})", tok, *tok as u32))
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
        ParseErrorType::UnexpectedIndentation => plain("unexpected indent").with_kind(IndentationError),
        ParseErrorType::ExpectedToken { expected, found } => match expected {
            TokenKind::Colon => plain("expected ':'"),
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
                if !matches!(found, TokenKind::Newline | TokenKind::EndOfFile | TokenKind::Equal) =>
            {
                plain("invalid syntax. Perhaps you forgot a comma?")
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => match bracket {
                Some(b) => b,
                None => plain("invalid syntax"),
            },
            _ => plain("invalid syntax"),
        },
        ParseErrorType::FStringError(e) => plain(&fstring_msg(e)),
        ParseErrorType::InvalidDeleteTarget => plain("cannot delete expression"),
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget => plain("cannot assign to expression"),
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
        ParseErrorType::ParamAfterVarKeywordParam => plain("arguments cannot follow var-keyword argument"),
        ParseErrorType::VarParameterWithDefault => plain("var-positional argument cannot have default value"),
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
        ParseErrorType::OtherError(m) if m.contains("indent") => plain(m).with_kind(IndentationError),
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
    let msg = match &err.kind {
        K::Pep701FString(_) => "f-string: expecting '}'",
        _ => "invalid syntax",
    };
    SyntaxError::at_range(msg, source, li, err.range)
}
