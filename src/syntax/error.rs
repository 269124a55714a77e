//! Syntax errors, reported as CPython reports them.

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
