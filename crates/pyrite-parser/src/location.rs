//! Byte offsets to (line, column): the map the compiler's location table
//! and `SyntaxError` positions are computed from.
//!
//! CPython keeps two kinds of columns: the AST (and so `co_positions()`)
//! counts UTF-8 bytes from the start of the line, while `SyntaxError.offset`
//! counts characters (`_PyPegen_byte_offset_to_character_offset`). Both are
//! offered here. Lines are 1-based; a line ends after `\n`, `\r\n` or `\r`.

use ruff_text_size::TextSize;

/// Start offsets of every line of one source text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0u32];
        let b = source.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if i + 1 < b.len() && b[i + 1] == b'\n' {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            len: b.len() as u32,
        }
    }

    /// 1-based line number containing byte `offset`.
    pub fn line_of(&self, offset: u32) -> u32 {
        let off = offset.min(self.len);
        match self.starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// (1-based line, 0-based column in UTF-8 bytes) of byte `offset`.
    pub fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let off = u32::from(offset).min(self.len);
        let line = self.line_of(off);
        (line, off - self.starts[line as usize - 1])
    }

    /// Byte offset where 1-based `line` starts (end of text past the last).
    pub fn line_start(&self, line: u32) -> u32 {
        self.starts
            .get(line.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(self.len)
    }

    /// Number of lines (a final line without a newline counts).
    pub fn line_count(&self) -> u32 {
        self.starts.len() as u32
    }

    /// The text of 1-based `line`, including its line terminator.
    pub fn line_text<'a>(&self, source: &'a str, line: u32) -> &'a str {
        let start = self.line_start(line) as usize;
        let end = if (line as usize) < self.starts.len() {
            self.starts[line as usize] as usize
        } else {
            source.len()
        };
        source.get(start..end.max(start)).unwrap_or("")
    }

    /// 0-based column in characters of byte `offset` (for `SyntaxError`).
    pub fn char_col(&self, source: &str, offset: TextSize) -> u32 {
        let off = (u32::from(offset).min(self.len)) as usize;
        let (line, _) = self.line_col(offset);
        let start = self.line_start(line) as usize;
        let mut o = off;
        while o > start && !source.is_char_boundary(o) {
            o -= 1;
        }
        source
            .get(start..o)
            .map(|s| s.chars().count() as u32)
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let src = "ab\ncdé\r\nx";
        let li = LineIndex::new(src);
        assert_eq!(li.line_col(TextSize::from(0)), (1, 0));
        assert_eq!(li.line_col(TextSize::from(4)), (2, 1));
        assert_eq!(li.line_col(TextSize::from(9)), (3, 0));
        assert_eq!(li.char_col(src, TextSize::from(7)), 3);
        assert_eq!(li.line_text(src, 2), "cdé\r\n");
    }
}
