//! f-strings, the way CPython 3.11 reads them: the lexer returns the whole
//! literal as one string token; here its text is split into literal pieces
//! and `{expr!c:spec}` fields, and each expression is parsed by a nested
//! parser over the same source text (reached through [`State::parse_nested`]),
//! so its spans point into the file.

use super::ast::{Expr, ExprKind, FStringPart};
use super::error::{Origin, PErr};
use super::state::State;
use super::strings::decode_str;

/// How many f-strings may enclose one another (CPython's quote rules make
/// more than four impossible anyway).
const MAX_NESTING: usize = 4;
/// Brackets allowed inside one field, as CPython counts them here.
const MAX_FIELD_BRACKETS: usize = 200;

/// Appends literal text, merging it with a literal right before it.
pub fn push_literal(parts: &mut Vec<FStringPart>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(&text);
    } else {
        parts.push(FStringPart::Literal(text));
    }
}

/// Parses the body of an f-string (`content` = offsets between the quotes)
/// and appends its parts to `parts`. Errors in the f-string's structure are
/// reported at the token after offset `report_at` (the end of the string
/// literals), as CPython 3.11 does; errors in a field's expression where
/// they are.
pub fn parse(
    st: &State,
    content: (usize, usize),
    raw: bool,
    report_at: usize,
    parts: &mut Vec<FStringPart>,
) -> Result<(), PErr> {
    let p = FParser {
        st,
        src: st.src,
        end: content.1,
        raw,
        report_at,
    };
    p.pieces(content.0, 0, parts)?;
    Ok(())
}

struct FParser<'a, 's> {
    st: &'a State<'s>,
    src: &'s str,
    end: usize,
    raw: bool,
    report_at: usize,
}

impl FParser<'_, '_> {
    fn err(&self, msg: impl Into<String>) -> PErr {
        PErr::syntax(msg, self.report_at).at_next_token()
    }

    fn byte(&self, i: usize) -> Option<u8> {
        if i < self.end {
            Some(self.src.as_bytes()[i])
        } else {
            None
        }
    }

    /// Decodes literal text `src[a..b]` into `out`.
    fn literal(&self, a: usize, b: usize, out: &mut String) -> Result<(), PErr> {
        let text = decode_str(&self.src[a..b], self.raw).map_err(|msg| self.err(msg))?;
        out.push_str(&text);
        Ok(())
    }

    /// Literal text and fields from `i`. At `level` 0 (the string itself)
    /// this runs to the end; in a format spec (`level` > 0) it stops at the
    /// `}` closing the field and returns its offset.
    fn pieces(
        &self,
        mut i: usize,
        level: usize,
        parts: &mut Vec<FStringPart>,
    ) -> Result<usize, PErr> {
        let mut text = String::new();
        let mut seg = i;
        while let Some(b) = self.byte(i) {
            match b {
                b'\\' if !self.raw => {
                    // `\N{...}` holds braces that are not fields.
                    if self.byte(i + 1) == Some(b'N') && self.byte(i + 2) == Some(b'{') {
                        let close = self.src[i..self.end]
                            .find('}')
                            .map_or(self.end, |k| i + k + 1);
                        i = close;
                    } else if matches!(self.byte(i + 1), Some(b'{' | b'}')) {
                        // `\{` is a backslash, then a real brace (CPython).
                        i += 1;
                    } else {
                        let next = self.src[i + 1..].chars().next().map_or(1, char::len_utf8);
                        i += 1 + next;
                    }
                }
                b'{' | b'}' => {
                    // Doubled braces are literal, but only in the string
                    // itself: in `f'{x:{y}}'` the `}}` closes two fields.
                    if level == 0 && self.byte(i + 1) == Some(b) {
                        self.literal(seg, i + 1, &mut text)?;
                        i += 2;
                        seg = i;
                        continue;
                    }
                    self.literal(seg, i, &mut text)?;
                    if b == b'}' {
                        if level == 0 {
                            return Err(self.err("f-string: single '}' is not allowed"));
                        }
                        push_literal(parts, text);
                        return Ok(i);
                    }
                    push_literal(parts, std::mem::take(&mut text));
                    i = self.field(i, level, parts)?;
                    seg = i;
                }
                _ => i += 1,
            }
        }
        if level > 0 {
            return Err(self.err("f-string: expecting '}'"));
        }
        self.literal(seg, self.end, &mut text)?;
        push_literal(parts, text);
        Ok(self.end)
    }

    /// A field starting at the `{` at `open`; returns the offset after its `}`.
    fn field(
        &self,
        open: usize,
        level: usize,
        parts: &mut Vec<FStringPart>,
    ) -> Result<usize, PErr> {
        let expecting = || self.err("f-string: expecting '}'");
        if level >= 2 {
            return Err(self.err("f-string: expressions nested too deeply"));
        }
        let start = open + 1;
        let expr_end = self.expression_end(start)?;
        if self.src[start..expr_end].trim().is_empty() {
            return Err(match self.byte(expr_end) {
                Some(c @ (b'!' | b':' | b'=')) => self.err(format!(
                    "f-string: expression required before '{}'",
                    c as char
                )),
                _ => self.err("f-string: empty expression not allowed"),
            });
        }
        let mut i = expr_end;
        // `{x=}`: the text up to and including `=` (and the blanks after
        // it) is printed before the value.
        let mut debug_text = None;
        if self.byte(i) == Some(b'=') {
            i += 1;
            while self.byte(i).is_some_and(|b| b.is_ascii_whitespace()) {
                i += 1;
            }
            debug_text = Some(self.src[start..i].to_string());
        }
        let mut conversion = None;
        if self.byte(i) == Some(b'!') {
            let c = self.src[i + 1..self.end]
                .chars()
                .next()
                .ok_or_else(expecting)?;
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(
                    self.err("f-string: invalid conversion character: expected 's', 'r', or 'a'")
                );
            }
            conversion = Some(c);
            i += 1 + c.len_utf8();
        }
        let mut spec = None;
        if self.byte(i) == Some(b':') {
            let mut spec_parts = Vec::new();
            i = self.pieces(i + 1, level + 1, &mut spec_parts)?;
            spec = Some(spec_parts);
        }
        if self.byte(i) != Some(b'}') {
            return Err(expecting());
        }
        let expr = self.expression(start, expr_end)?;
        if debug_text.is_some() && conversion.is_none() && spec.is_none() {
            conversion = Some('r');
        }
        parts.push(FStringPart::Value {
            expr: Box::new(expr),
            conversion,
            spec,
            debug_text,
        });
        Ok(i + 1)
    }

    /// Finds where the expression of a field ends: at a `!`, `:`, `=` or `}`
    /// outside brackets and strings (but not in `!=`, `==`, `<=`, `>=`).
    fn expression_end(&self, start: usize) -> Result<usize, PErr> {
        let mut brackets: Vec<u8> = Vec::new();
        let mut i = start;
        let mut quote: Option<(u8, usize)> = None;
        loop {
            let Some(b) = self.byte(i) else {
                return Err(self.err(if quote.is_some() {
                    "f-string: unterminated string"
                } else {
                    "f-string: expecting '}'"
                }));
            };
            if b == b'\\' {
                return Err(self.err("f-string expression part cannot include a backslash"));
            }
            if let Some((q, n)) = quote {
                if b == q && (n == 1 || self.src.as_bytes()[i..self.end].starts_with(&[q, q, q])) {
                    quote = None;
                    i += n;
                } else {
                    i += 1;
                }
                continue;
            }
            match b {
                b'\'' | b'"' => {
                    let n = if self.src.as_bytes()[i..self.end].starts_with(&[b, b, b]) {
                        3
                    } else {
                        1
                    };
                    quote = Some((b, n));
                    i += n;
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    brackets.push(b);
                    if brackets.len() >= MAX_FIELD_BRACKETS {
                        return Err(self.err("f-string: too many nested parenthesis"));
                    }
                }
                b')' | b']' | b'}' => {
                    let Some(open) = brackets.pop() else {
                        if b == b'}' {
                            return Ok(i);
                        }
                        return Err(self.err(format!("f-string: unmatched '{}'", b as char)));
                    };
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if b != expected {
                        return Err(self.err(format!(
                                "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                                b as char, open as char
                            )));
                    }
                }
                b'#' => return Err(self.err("f-string expression part cannot include '#'")),
                b'!' | b':' | b'=' | b'<' | b'>' if brackets.is_empty() => {
                    if self.byte(i + 1) == Some(b'=') && b != b':' {
                        // `!=`, `==`, `<=`, `>=` are operators.
                        i += 2;
                        continue;
                    }
                    if b != b'<' && b != b'>' {
                        return Ok(i);
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// Parses `src[start..end]` as the expression of a field.
    fn expression(&self, start: usize, end: usize) -> Result<Expr, PErr> {
        let nesting = self.st.fstring_nesting.get();
        if nesting >= MAX_NESTING {
            return Err(self.err("f-string: expressions nested too deeply"));
        }
        self.st.fstring_nesting.set(nesting + 1);
        let result = self.st.parse_nested(start, end);
        self.st.fstring_nesting.set(nesting);
        // CPython parses the field as if in parentheses, hence the wording.
        let result = result.and_then(|e| match e.kind {
            ExprKind::Starred(_) => Err(PErr::syntax(
                "cannot use starred expression here",
                e.span.start as usize,
            )),
            _ => Ok(e),
        });
        // Parser errors get CPython's prefix, tokenizer errors not.
        result.map_err(|mut e| {
            if e.origin == Origin::Parser && !e.msg.starts_with("f-string") {
                e.msg = format!("f-string: {}", e.msg);
            }
            e
        })
    }
}
