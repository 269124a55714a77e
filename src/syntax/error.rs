//! Syntax errors: [`PErr`] while parsing, [`SyntaxError`] as reported
//! (with file name and line), as CPython reports them.

use std::fmt;

/// A `SyntaxError` or `IndentationError` with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// `"SyntaxError"`, `"IndentationError"` or `"TabError"`.
    pub kind: &'static str,
    pub msg: String,
    pub filename: String,
    /// 1-based line number.
    pub lineno: usize,
    /// 1-based column (in characters) of the caret.
    pub col: usize,
    /// The source line, without its newline.
    pub line_text: String,
}

impl SyntaxError {
    /// Builds an error at byte `offset` of `source`.
    pub fn new(
        kind: &'static str,
        msg: impl Into<String>,
        filename: &str,
        source: &str,
        offset: usize,
    ) -> SyntaxError {
        let offset = offset.min(source.len());
        let mut offset = offset;
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let lineno = source[..offset].matches('\n').count() + 1;
        let col = source[line_start..offset].chars().count() + 1;
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: filename.to_string(),
            lineno,
            col,
            line_text: source[line_start..line_end]
                .trim_end_matches('\r')
                .to_string(),
        }
    }
}

impl fmt::Display for SyntaxError {
    /// The traceback-style report CPython prints for an uncaught syntax error.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  File \"{}\", line {}", self.filename, self.lineno)?;
        let trimmed = self.line_text.trim_start();
        if !trimmed.is_empty() {
            let indent = self.line_text.chars().count() - trimmed.chars().count();
            writeln!(f, "    {}", trimmed.trim_end())?;
            let caret_col = self.col.saturating_sub(1).saturating_sub(indent);
            writeln!(f, "    {}^", " ".repeat(caret_col))?;
        }
        write!(f, "{}: {}", self.kind, self.msg)
    }
}

/// Which part of CPython would report an error; this decides which error
/// wins when a file has several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The parser (including its second pass of specific messages).
    Parser,
    /// The tokenizer, raising at once: such an error anywhere after a
    /// parse error is reported instead of it.
    Tokenizer,
    /// The tokenizer, but only when the parser reaches the token
    /// (indentation, tabs, a stray backslash).
    TokenizerLate,
    /// `'(' was never closed`: wins over a parse error only when the
    /// bracket is on an earlier line.
    Unclosed,
}

/// A syntax error before it is attached to a file name and source text.
#[derive(Clone, Debug, PartialEq)]
pub struct PErr {
    /// `"SyntaxError"`, `"IndentationError"` or `"TabError"`.
    pub kind: &'static str,
    pub msg: String,
    /// Absolute byte offset of the caret.
    pub offset: usize,
    pub origin: Origin,
    /// Report at the token after `offset` instead: CPython reports errors
    /// found while reading string literals at the last token it read.
    pub at_next_token: bool,
}

impl PErr {
    pub fn syntax(msg: impl Into<String>, offset: usize) -> PErr {
        PErr {
            kind: "SyntaxError",
            msg: msg.into(),
            offset,
            origin: Origin::Parser,
            at_next_token: false,
        }
    }

    /// The same error, reported at the token after its offset.
    pub fn at_next_token(self) -> PErr {
        PErr {
            at_next_token: true,
            ..self
        }
    }

    pub fn indentation(msg: impl Into<String>, offset: usize) -> PErr {
        PErr {
            kind: "IndentationError",
            ..PErr::syntax(msg, offset)
        }
    }

    /// The same error, raised by `origin`.
    pub fn from(self, origin: Origin) -> PErr {
        PErr { origin, ..self }
    }
}
