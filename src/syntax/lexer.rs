//! The layer between logos and the parser: indentation (INDENT/DEDENT),
//! logical lines (NEWLINE only outside brackets, none for blank lines),
//! bracket matching, string decoding, and CPython's tokenizer errors.

use std::collections::VecDeque;

use logos::Logos;

use super::strings;
use super::token::{LexErrorKind, StrKind, StrValue, Tok};

/// `(start, token, end)` in absolute byte offsets, as lalrpop wants.
pub type Spanned = (usize, Tok, usize);

/// CPython's limit on open brackets (`MAXLEVEL`).
pub const MAX_BRACKETS: usize = 200;
/// CPython's limit on indentation levels (`MAXINDENT`).
pub const MAX_INDENT: usize = 100;

/// A syntax error before it is attached to a file name and source text.
#[derive(Clone, Debug, PartialEq)]
pub struct PErr {
    /// `"SyntaxError"`, `"IndentationError"` or `"TabError"`.
    pub kind: &'static str,
    pub msg: String,
    /// Absolute byte offset of the caret.
    pub offset: usize,
    /// Set for `'(' was never closed`, which only wins over a parse error
    /// further down the file (CPython's rule).
    pub unclosed: bool,
}

impl PErr {
    pub fn syntax(msg: impl Into<String>, offset: usize) -> PErr {
        PErr {
            kind: "SyntaxError",
            msg: msg.into(),
            offset,
            unclosed: false,
        }
    }

    pub fn indentation(msg: impl Into<String>, offset: usize) -> PErr {
        PErr {
            kind: "IndentationError",
            ..PErr::syntax(msg, offset)
        }
    }
}

/// 1-based line number of byte `offset` in `src`.
pub fn line_of(src: &str, offset: usize) -> usize {
    let offset = offset.min(src.len());
    // Counted like `SyntaxError::new` does.
    1 + src.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

pub struct Lexer<'s> {
    /// The whole source; all offsets are into it.
    src: &'s str,
    /// Offset of the text logos works on within `src`.
    base: usize,
    /// End of the text logos works on (for EOF positions).
    end: usize,
    logos: logos::Lexer<'s, Tok>,
    pending: VecDeque<Result<Spanned, PErr>>,
    /// Indentation stack: (column with tabs to 8, column with tabs as 1).
    indents: Vec<(usize, usize)>,
    /// Open brackets: the bracket character and its offset.
    brackets: Vec<(char, usize)>,
    /// Brackets opened before this lexer started (f-string expressions).
    bracket_base: usize,
    /// No token of the current logical line has been produced yet.
    at_line_start: bool,
    /// Lexing an expression (f-string field, `parse_expression`): no
    /// NEWLINE, INDENT or DEDENT at all, as if inside brackets.
    expr_mode: bool,
    finished: bool,
    /// The last token produced (to spot `with (`).
    prev_was_with: bool,
    /// First token of each logical line that opens a block (`if`, `def`,
    /// ...) with its offset: for "expected an indented block after ...".
    heads: Vec<(&'static str, usize)>,
    /// An error has been handed out (the parser saw a tokenizer error).
    failed: bool,
    /// The tokens of the current logical line, for error hints.
    line: Vec<Seen>,
}

/// What the error hints need to know about a token already produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SeenKind {
    /// A name; `true` for `print` and `exec`.
    Name(bool),
    Str,
    /// Another token that is a whole expression (number, `None`, ...).
    Atom,
    Open,
    Close,
    /// A token that cannot be inside a `disjunction` (`,`, `=`, `if`, ...).
    Delimiter,
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Seen {
    start: usize,
    /// Brackets open around the token.
    depth: usize,
    kind: SeenKind,
}

impl SeenKind {
    fn of(tok: &Tok) -> SeenKind {
        match tok {
            Tok::Name(n) => SeenKind::Name(n == "print" || n == "exec"),
            Tok::Str(_) => SeenKind::Str,
            Tok::Int(_) | Tok::Float(_) | Tok::None | Tok::True | Tok::False | Tok::Ellipsis => {
                SeenKind::Atom
            }
            Tok::LPar | Tok::LSqb | Tok::LBrace | Tok::LParWith => SeenKind::Open,
            Tok::RPar | Tok::RSqb | Tok::RBrace => SeenKind::Close,
            Tok::In | Tok::Not | Tok::Is | Tok::And | Tok::Or | Tok::Await => SeenKind::Other,
            Tok::Comma
            | Tok::Colon
            | Tok::Semi
            | Tok::Assign
            | Tok::ColonEqual
            | Tok::Arrow
            | Tok::PlusEq
            | Tok::MinusEq
            | Tok::StarEq
            | Tok::SlashEq
            | Tok::DoubleSlashEq
            | Tok::PercentEq
            | Tok::AtEq
            | Tok::AmperEq
            | Tok::VbarEq
            | Tok::CircumflexEq
            | Tok::RShiftEq
            | Tok::LShiftEq
            | Tok::DoubleStarEq => SeenKind::Delimiter,
            // Other keywords end an expression too (`if`, `for`, `lambda`).
            t if t.is_keyword() => SeenKind::Delimiter,
            _ => SeenKind::Other,
        }
    }

    fn starts_expression(self) -> bool {
        matches!(
            self,
            SeenKind::Name(_) | SeenKind::Str | SeenKind::Atom | SeenKind::Open
        )
    }

    fn ends_expression(self) -> bool {
        matches!(
            self,
            SeenKind::Name(_) | SeenKind::Str | SeenKind::Atom | SeenKind::Close
        )
    }
}

impl<'s> Lexer<'s> {
    /// A lexer over a whole module.
    pub fn module(src: &'s str) -> Lexer<'s> {
        // A UTF-8 byte order mark is ignored.
        let base = if src.starts_with('\u{feff}') { 3 } else { 0 };
        let mut lexer = Lexer::new(src, base, src.len(), false, 0);
        lexer.pending.push_back(Ok((base, Tok::StartModule, base)));
        lexer
    }

    /// A lexer over `src[start..end]` holding one expression; `depth` is
    /// the number of brackets already open around it.
    pub fn expression(src: &'s str, start: usize, end: usize, depth: usize) -> Lexer<'s> {
        let mut lexer = Lexer::new(src, start, end, true, depth);
        lexer.pending.push_back(Ok((start, Tok::StartExpr, start)));
        lexer
    }

    fn new(src: &'s str, base: usize, end: usize, expr_mode: bool, depth: usize) -> Lexer<'s> {
        Lexer {
            src,
            base,
            end,
            logos: Tok::lexer(&src[base..end]),
            pending: VecDeque::new(),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            bracket_base: depth,
            at_line_start: true,
            expr_mode,
            finished: false,
            prev_was_with: false,
            heads: Vec::new(),
            failed: false,
            line: Vec::new(),
        }
    }

    /// Whether a tokenizer error has been returned.
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// CPython's hints for a parse error at the token starting at `at`,
    /// two expressions in a row: inside brackets, "Perhaps you forgot a
    /// comma?" reported at the first one; `print x` at the top level.
    pub fn juxtaposition_hint(&self, at: usize) -> Option<PErr> {
        let i = self.line.iter().rposition(|t| t.start == at)?;
        let (prev, tok) = (*self.line.get(i.checked_sub(1)?)?, self.line[i]);
        if !prev.kind.ends_expression() || !tok.kind.starts_expression() {
            return None;
        }
        if tok.depth == 0 {
            if prev.kind == SeenKind::Name(true) && i == 1 {
                let name = &self.src[prev.start..]
                    .split(|c: char| !c.is_alphanumeric())
                    .next()?;
                return Some(PErr::syntax(
                    format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                    prev.start,
                ));
            }
            return None;
        }
        // `f(a "s")` gets no hint in CPython.
        if matches!(prev.kind, SeenKind::Name(_)) && tok.kind == SeenKind::Str {
            return None;
        }
        // The first expression starts after the delimiter or bracket that
        // precedes it at its own depth.
        let mut first = i - 1;
        while first > 0 {
            let t = self.line[first - 1];
            if t.depth < tok.depth || (t.depth == tok.depth && t.kind == SeenKind::Delimiter) {
                break;
            }
            first -= 1;
        }
        Some(PErr::syntax(
            "invalid syntax. Perhaps you forgot a comma?",
            self.line[first].start,
        ))
    }

    /// The block-opening statement that starts the last logical line before
    /// `offset`, with that line's number.
    pub fn block_owner_before(&self, offset: usize) -> Option<(&'static str, usize)> {
        let &(what, at) = self.heads.iter().rev().find(|&&(_, at)| at < offset)?;
        Some((what, line_of(self.src, at)))
    }

    /// Produces the next token(s) into `pending`, or sets `finished`.
    fn advance(&mut self) {
        loop {
            let Some(next) = self.logos.next() else {
                self.at_eof();
                return;
            };
            let span = self.logos.span();
            let (start, end) = (span.start + self.base, span.end + self.base);
            let tok = match next {
                Ok(tok) => tok,
                Err(kind) => {
                    let err = self.lex_error(kind, start, end);
                    self.fail(err);
                    return;
                }
            };
            if tok == Tok::Newline {
                // Newlines inside brackets and after blank lines do not end
                // a logical line.
                if self.brackets.is_empty() && !self.expr_mode && !self.at_line_start {
                    self.at_line_start = true;
                    self.line.clear();
                    self.pending.push_back(Ok((start, Tok::Newline, end)));
                    return;
                }
                continue;
            }
            if let Err(err) = self.token(tok, start, end) {
                self.fail(err);
            }
            return;
        }
    }

    /// Handles a real token: indentation before it, brackets, literals.
    fn token(&mut self, tok: Tok, start: usize, end: usize) -> Result<(), PErr> {
        if self.at_line_start && !self.expr_mode {
            self.indentation(start)?;
            if let Some(what) = tok.block_owner() {
                self.heads.push((what, start));
            } else {
                // A line that opens no block still bounds the search.
                self.heads.push(("", start));
            }
        }
        self.at_line_start = false;
        let tok = match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                let c = if tok == Tok::LPar {
                    '('
                } else if tok == Tok::LSqb {
                    '['
                } else {
                    '{'
                };
                self.brackets.push((c, start));
                if self.brackets.len() + self.bracket_base > MAX_BRACKETS {
                    return Err(PErr::syntax("too many nested parentheses", start));
                }
                tok
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                let c = if tok == Tok::RPar {
                    ')'
                } else if tok == Tok::RSqb {
                    ']'
                } else {
                    '}'
                };
                self.close_bracket(c, start)?;
                tok
            }
            Tok::Int(_) | Tok::Float(_) => {
                self.check_number_end(start, end)?;
                tok
            }
            Tok::Str(mut s) => {
                s.content = (s.content.0 + self.base, s.content.1 + self.base);
                let text = &self.src[s.content.0..s.content.1];
                s.value = match s.kind {
                    StrKind::Str => StrValue::Str(
                        strings::decode_str(text, s.raw).map_err(|msg| PErr::syntax(msg, start))?,
                    ),
                    StrKind::Bytes => StrValue::Bytes(
                        strings::decode_bytes(text, s.raw)
                            .map_err(|msg| PErr::syntax(msg, start))?,
                    ),
                    StrKind::FStr => StrValue::FStr,
                };
                Tok::Str(s)
            }
            tok => tok,
        };
        let depth = match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => self.brackets.len() - 1,
            _ => self.brackets.len(),
        } + self.bracket_base;
        self.line.push(Seen {
            start,
            depth,
            kind: SeenKind::of(&tok),
        });
        self.pending.push_back(Ok((start, tok, end)));
        Ok(())
    }

    fn close_bracket(&mut self, c: char, at: usize) -> Result<(), PErr> {
        let Some((open, open_at)) = self.brackets.pop() else {
            return Err(PErr::syntax(format!("unmatched '{c}'"), at));
        };
        let expected = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        if c != expected {
            let (open_line, line) = (line_of(self.src, open_at), line_of(self.src, at));
            let msg = if open_line != line {
                format!(
                    "closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {open_line}"
                )
            } else {
                format!("closing parenthesis '{c}' does not match opening parenthesis '{open}'")
            };
            return Err(PErr::syntax(msg, at));
        }
        Ok(())
    }

    /// Emits INDENT/DEDENT for a logical line whose first token is at
    /// `start`, like CPython's tokenizer (tabs to multiples of 8, and an
    /// error when the meaning depends on the tab size).
    fn indentation(&mut self, start: usize) -> Result<(), PErr> {
        let line_start = self.src[self.base..start]
            .rfind(['\n', '\r'])
            .map_or(self.base, |i| self.base + i + 1);
        let (mut col, mut alt) = (0, 0);
        for c in self.src[line_start..start].chars() {
            match c {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0C' => {
                    col = 0;
                    alt = 0;
                }
                // After a backslash continuation the line holds other
                // text; count it as indentation like CPython roughly does.
                _ => {
                    col += 1;
                    alt += 1;
                }
            }
        }
        let tab_error = || PErr {
            kind: "TabError",
            ..PErr::syntax("inconsistent use of tabs and spaces in indentation", start)
        };
        let &(top, top_alt) = self.indents.last().expect("indent stack never empty");
        if col == top {
            if alt != top_alt {
                return Err(tab_error());
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT {
                return Err(PErr::indentation("too many levels of indentation", start));
            }
            self.indents.push((col, alt));
            self.pending.push_back(Ok((start, Tok::Indent, start)));
        } else {
            while self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
                self.pending.push_back(Ok((start, Tok::Dedent, start)));
            }
            let &(top, top_alt) = self.indents.last().expect("level 0 is never popped");
            if col != top {
                return Err(PErr::indentation(
                    "unindent does not match any outer indentation level",
                    start,
                ));
            }
            if alt != top_alt {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    /// A number directly followed by a letter or digit is an error
    /// (`1abc`, `0x`, `0b12`), except before some keywords (`1if x else y`),
    /// as in CPython.
    fn check_number_end(&self, start: usize, end: usize) -> Result<(), PErr> {
        let rest = &self.src[end..self.end];
        let Some(c) = rest.chars().next() else {
            return Ok(());
        };
        if !(c == '_' || unicode_ident_continue(c)) {
            return Ok(());
        }
        let text = &self.src[start..end];
        let radix = match text.as_bytes().get(1) {
            Some(b'x' | b'X') => "hexadecimal",
            Some(b'o' | b'O') => "octal",
            Some(b'b' | b'B') => "binary",
            _ => "decimal",
        };
        if radix != "decimal" && c.is_ascii_digit() {
            return Err(PErr::syntax(
                format!("invalid digit '{c}' in {radix} literal"),
                end,
            ));
        }
        for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            if rest.starts_with(kw) {
                return Ok(());
            }
        }
        let radix = match (text, c) {
            ("0", 'x' | 'X') => "hexadecimal",
            ("0", 'o' | 'O') => "octal",
            ("0", 'b' | 'B') => "binary",
            _ => radix,
        };
        Err(PErr::syntax(format!("invalid {radix} literal"), start))
    }

    /// Turns a logos failure at `start..end` into CPython's message.
    fn lex_error(&self, kind: LexErrorKind, start: usize, end: usize) -> PErr {
        match kind {
            LexErrorKind::Unterminated => PErr::syntax(
                format!(
                    "unterminated string literal (detected at line {})",
                    line_of(self.src, start)
                ),
                start,
            ),
            LexErrorKind::UnterminatedTriple => {
                // The last line that has any text.
                let last = self.src[..end].trim_end_matches(['\n', '\r']).len();
                PErr::syntax(
                    format!(
                        "unterminated triple-quoted string literal (detected at line {})",
                        line_of(self.src, last)
                    ),
                    start,
                )
            }
            LexErrorKind::LeadingZeros => PErr::syntax(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
                start,
            ),
            LexErrorKind::Number(msg) => PErr::syntax(msg, start),
            LexErrorKind::Imaginary => PErr::syntax("imaginary numbers are not supported", start),
            LexErrorKind::Invalid => {
                let c = self.src[start..].chars().next().unwrap_or(' ');
                if c == '\\' {
                    // A backslash not followed by a newline.
                    if self.src[start + 1..self.end].trim().is_empty() {
                        PErr::syntax("unexpected EOF while parsing", start)
                    } else {
                        PErr::syntax(
                            "unexpected character after line continuation character",
                            start,
                        )
                    }
                } else if c.is_ascii_digit() || c == '.' {
                    // Logos gives up on `1.e` instead of backtracking to `1.`.
                    PErr::syntax("invalid decimal literal", start)
                } else if c.is_ascii() && !c.is_ascii_control() {
                    // `$`, `?`, `!`, backquote: CPython's parser rejects
                    // them as plain syntax errors.
                    PErr::syntax("invalid syntax", start)
                } else if !is_printable(c) {
                    PErr::syntax(
                        format!("invalid non-printable character U+{:04X}", c as u32),
                        start,
                    )
                } else {
                    PErr::syntax(
                        format!("invalid character '{c}' (U+{:04X})", c as u32),
                        start,
                    )
                }
            }
        }
    }

    fn at_eof(&mut self) {
        self.finished = true;
        if let Some(&(c, at)) = self.brackets.last() {
            let mut err = PErr::syntax(format!("'{c}' was never closed"), at);
            err.unclosed = true;
            self.pending.push_back(Err(err));
            return;
        }
        if self.expr_mode {
            return;
        }
        let end = self.end;
        if !self.at_line_start {
            self.at_line_start = true;
            self.pending.push_back(Ok((end, Tok::Newline, end)));
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.pending.push_back(Ok((end, Tok::Dedent, end)));
        }
    }

    fn fail(&mut self, err: PErr) {
        self.pending.push_back(Err(err));
        self.finished = true;
    }

    fn next_raw(&mut self) -> Option<Result<Spanned, PErr>> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.finished {
                return None;
            }
            self.advance();
        }
    }

    /// After `with`, decides whether `(` opens a parenthesised list of with
    /// items: it does when its matching `)` is followed by `:` (CPython
    /// tries that form first). Looks ahead by queueing tokens.
    fn is_with_paren(&mut self) -> bool {
        let mut depth = 1usize;
        let mut i = 0;
        let mut first = true;
        loop {
            while i >= self.pending.len() {
                if self.finished {
                    return false;
                }
                self.advance();
            }
            match &self.pending[i] {
                Err(_) => return false,
                Ok((_, tok, _)) => {
                    // `with (yield x):` is an expression in parentheses.
                    if first && *tok == Tok::Yield {
                        return false;
                    }
                    first = false;
                    match tok {
                        _ if depth == 0 => return *tok == Tok::Colon,
                        Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                        Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
                        _ => {}
                    }
                }
            }
            i += 1;
        }
    }
}

impl Iterator for Lexer<'_> {
    type Item = Result<Spanned, PErr>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.next_raw()?;
        let Ok((start, tok, end)) = item else {
            self.failed = true;
            return Some(item);
        };
        let tok = if tok == Tok::LPar && self.prev_was_with && self.is_with_paren() {
            Tok::LParWith
        } else {
            tok
        };
        self.prev_was_with = tok == Tok::With;
        Some(Ok((start, tok, end)))
    }
}

fn unicode_ident_continue(c: char) -> bool {
    // Close enough to XID_Continue for deciding whether a number is
    // glued to a name.
    c.is_alphanumeric() || c == '_'
}

/// Roughly Python's `str.isprintable` for characters outside ASCII.
fn is_printable(c: char) -> bool {
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'))
}
