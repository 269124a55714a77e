//! The layer between logos and the parser: indentation (INDENT/DEDENT),
//! logical lines (NEWLINE only outside brackets, none for blank lines),
//! bracket matching, and CPython's tokenizer errors.

use std::collections::VecDeque;

use logos::Logos;

use super::error::{Origin, PErr};
use super::hints::{Line, Seen, SeenKind};
use super::token::{LexErrorKind, StrTok, Tok};

/// `(start, token, end)` in absolute byte offsets, as lalrpop wants.
pub type Spanned = (usize, Tok, usize);

/// CPython's limit on open brackets (`MAXLEVEL`).
pub const MAX_BRACKETS: usize = 200;
/// CPython's limit on indentation levels (`MAXINDENT`).
pub const MAX_INDENT: usize = 100;

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
    /// The next token starts a statement (for `match` and `case`).
    at_statement: bool,
    /// Blocks produced so far (INDENT minus DEDENT).
    depth: usize,
    /// A `match` line was produced: its block is the next INDENT.
    match_header: bool,
    /// The depths of the blocks of the `match` statements open: the
    /// statements there are `case` blocks.
    match_blocks: Vec<usize>,
    /// First token of each logical line that opens a block (`if`, `def`,
    /// ...) with its offset: for "expected an indented block after ...".
    heads: Vec<(&'static str, usize)>,
    /// An error has been handed out (the parser saw a tokenizer error).
    failed: bool,
    /// The tokens of the current logical line, for error hints.
    line: Vec<Seen>,
    /// The string literals among them.
    line_strings: Vec<StrTok>,
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
            at_statement: false,
            depth: 0,
            match_header: false,
            match_blocks: Vec::new(),
            heads: Vec::new(),
            failed: false,
            line: Vec::new(),
            line_strings: Vec::new(),
        }
    }

    /// Where CPython puts its end-of-file token: on the last line, or on
    /// the line after a final newline only if that line has blanks.
    pub fn eof_offset(&self) -> usize {
        if self.src[..self.end].ends_with('\n') {
            self.end - 1
        } else {
            self.end
        }
    }

    /// The tokens of the current logical line, for error hints.
    pub fn line(&self) -> Line<'_> {
        Line {
            src: self.src,
            tokens: &self.line,
            strings: &self.line_strings,
        }
    }

    /// Whether a tokenizer error has been returned.
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// The block-opening statement that starts the last logical line before
    /// `offset`, with that line's number.
    pub fn block_owner_before(&self, offset: usize) -> Option<(&'static str, usize)> {
        let &(what, at) = self.heads.iter().rev().find(|&&(_, at)| at < offset)?;
        Some((what, line_of(self.src, at)))
    }

    /// What opens the block of the logical line holding `offset` (`""` if
    /// nothing does).
    pub fn line_owner(&self, offset: usize) -> &'static str {
        self.heads
            .iter()
            .rev()
            .find(|&&(_, at)| at <= offset)
            .map_or("", |&(what, _)| what)
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
            let result = match next {
                Ok(Tok::Newline) => {
                    // Newlines inside brackets and after blank lines do not
                    // end a logical line.
                    if self.brackets.is_empty() && !self.expr_mode && !self.at_line_start {
                        self.at_line_start = true;
                        self.pending.push_back(Ok((start, Tok::Newline, end)));
                        return;
                    }
                    continue;
                }
                Ok(tok) => self.token(tok, start, end),
                Err(kind) => self.bad_token(kind, start, end),
            };
            if let Err(err) = result {
                self.pending.push_back(Err(err));
                self.finished = true;
            }
            return;
        }
    }

    /// Indentation and bookkeeping for the first token of a logical line.
    fn line_start(&mut self, tok: &Tok, start: usize) -> Result<(), PErr> {
        if !self.at_line_start || self.expr_mode {
            return Ok(());
        }
        self.at_line_start = false;
        // The history is kept until here so that errors at the NEWLINE
        // ending a line can still look at it.
        self.line.clear();
        self.line_strings.clear();
        self.indentation(start)?;
        // Lines that open no block are recorded too: they bound the search.
        self.heads.push((tok.block_owner().unwrap_or(""), start));
        Ok(())
    }

    /// Handles a real token: indentation before it, brackets, numbers.
    fn token(&mut self, mut tok: Tok, start: usize, end: usize) -> Result<(), PErr> {
        self.line_start(&tok, start)?;
        match &mut tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                let c = match tok {
                    Tok::LPar => '(',
                    Tok::LSqb => '[',
                    _ => '{',
                };
                self.brackets.push((c, start));
                if self.brackets.len() + self.bracket_base > MAX_BRACKETS {
                    return Err(
                        PErr::syntax("too many nested parentheses", start).from(Origin::Tokenizer)
                    );
                }
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                let c = match tok {
                    Tok::RPar => ')',
                    Tok::RSqb => ']',
                    _ => '}',
                };
                self.close_bracket(c, start)?;
            }
            Tok::Int(_) | Tok::Float(_) | Tok::Imaginary(_) => self.check_number_end(start, end)?,
            Tok::Str(s) => {
                s.start += self.base;
                s.end += self.base;
                s.content = (s.content.0 + self.base, s.content.1 + self.base);
                self.line_strings.push(s.clone());
            }
            _ => {}
        }
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

    /// Handles text logos could not match. CPython measures indentation
    /// before it reads a token, so an indentation error comes first.
    fn bad_token(&mut self, kind: LexErrorKind, start: usize, end: usize) -> Result<(), PErr> {
        let c = self.src[start..].chars().next().unwrap_or(' ');
        let stray = kind == LexErrorKind::Invalid
            && c.is_ascii_punctuation()
            && !matches!(c, '\\' | '.' | '\'' | '"');
        if stray {
            // An operator-like character: a token the parser rejects.
            return self.token(Tok::Stray(c), start, start + 1);
        }
        // A backslash in the indentation fails before any indentation check.
        if c != '\\' {
            self.line_start(&Tok::Stray(c), start)?;
        }
        Err(self.lex_error(kind, start, end))
    }

    fn close_bracket(&mut self, c: char, at: usize) -> Result<(), PErr> {
        let Some((open, open_at)) = self.brackets.pop() else {
            return Err(PErr::syntax(format!("unmatched '{c}'"), at).from(Origin::Tokenizer));
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
            return Err(PErr::syntax(msg, at).from(Origin::Tokenizer));
        }
        Ok(())
    }

    /// Where the logical line holding the token at `start` begins: its
    /// physical line, or an earlier one when only blanks and a
    /// backslash-newline come before the token (CPython measures the
    /// indentation there).
    fn logical_line_start(&self, start: usize) -> usize {
        let physical_start = |at: usize| {
            self.src[self.base..at]
                .rfind(['\n', '\r'])
                .map_or(self.base, |i| self.base + i + 1)
        };
        let bytes = self.src.as_bytes();
        let mut line_start = physical_start(start);
        loop {
            // Step back over the newline ending the previous line.
            let mut nl = line_start;
            if nl > self.base && bytes[nl - 1] == b'\n' {
                nl -= 1;
            }
            if nl > self.base && bytes[nl - 1] == b'\r' {
                nl -= 1;
            }
            if nl == line_start || nl == self.base || bytes[nl - 1] != b'\\' {
                return line_start;
            }
            let prev = physical_start(nl - 1);
            if !self.src[prev..nl - 1]
                .bytes()
                .all(|b| matches!(b, b' ' | b'\t' | b'\x0C'))
            {
                return line_start;
            }
            line_start = prev;
        }
    }

    /// Emits INDENT/DEDENT for a logical line whose first token is at
    /// `start`, like CPython's tokenizer (tabs to multiples of 8, and an
    /// error when the meaning depends on the tab size).
    fn indentation(&mut self, start: usize) -> Result<(), PErr> {
        let (mut col, mut alt) = (0, 0);
        // CPython: the column of the first backslash continuation decides,
        // unless it is column 0; then blanks go on counting on the next line.
        let mut continuation_col = 0;
        let mut chars = self.src[self.logical_line_start(start)..start].chars();
        while let Some(c) = chars.next() {
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
                '\\' => {
                    if continuation_col == 0 {
                        continuation_col = col;
                    }
                    // Skip the newline after the backslash.
                    if chars.next() == Some('\r') && chars.clone().next() == Some('\n') {
                        chars.next();
                    }
                }
                _ => break,
            }
        }
        if continuation_col != 0 {
            (col, alt) = (continuation_col, continuation_col);
        }
        let late = |e: PErr| e.from(Origin::TokenizerLate);
        let tab_error = || {
            late(PErr {
                kind: "TabError",
                ..PErr::syntax("inconsistent use of tabs and spaces in indentation", start)
            })
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
                return Err(late(PErr::indentation(
                    "too many levels of indentation",
                    start,
                )));
            }
            self.indents.push((col, alt));
            self.pending.push_back(Ok((start, Tok::Indent, start)));
        } else {
            // Check the level first: on a mismatch no DEDENT is produced.
            let keep = self
                .indents
                .iter()
                .rposition(|&(c, _)| c <= col)
                .unwrap_or(0);
            let (level, level_alt) = self.indents[keep];
            if col != level {
                return Err(late(PErr::indentation(
                    "unindent does not match any outer indentation level",
                    start,
                )));
            }
            if alt != level_alt {
                return Err(tab_error());
            }
            for _ in keep + 1..self.indents.len() {
                self.pending.push_back(Ok((start, Tok::Dedent, start)));
            }
            self.indents.truncate(keep + 1);
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
        if !(c == '_' || c.is_alphanumeric()) {
            return Ok(());
        }
        let text = &self.src[start..end];
        let radix = match text.as_bytes().get(1) {
            Some(b'x' | b'X') => "hexadecimal",
            Some(b'o' | b'O') => "octal",
            Some(b'b' | b'B') => "binary",
            _ => "decimal",
        };
        let err = |msg: String, at: usize| Err(PErr::syntax(msg, at).from(Origin::Tokenizer));
        if radix != "decimal" && c.is_ascii_digit() {
            return err(format!("invalid digit '{c}' in {radix} literal"), end);
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
        err(format!("invalid {radix} literal"), start)
    }

    /// Turns a logos failure at `start..end` into CPython's message.
    fn lex_error(&self, kind: LexErrorKind, start: usize, end: usize) -> PErr {
        let err = |msg: String| PErr::syntax(msg, start).from(Origin::Tokenizer);
        match kind {
            LexErrorKind::Unterminated => err(format!(
                "unterminated string literal (detected at line {})",
                line_of(self.src, start)
            )),
            LexErrorKind::UnterminatedTriple => {
                // The last line that has any text.
                let last = self.src[..end].trim_end_matches(['\n', '\r']).len();
                err(format!(
                    "unterminated triple-quoted string literal (detected at line {})",
                    line_of(self.src, last)
                ))
            }
            LexErrorKind::LeadingZeros => err("leading zeros in decimal integer literals are not \
                 permitted; use an 0o prefix for octal integers"
                .into()),
            LexErrorKind::Number(msg) => err(msg),
            LexErrorKind::Invalid => {
                let c = self.src[start..].chars().next().unwrap_or(' ');
                if c == '\\' {
                    // A backslash not followed by a newline.
                    let msg = if self.src[start + 1..self.end].trim().is_empty() {
                        "unexpected EOF while parsing"
                    } else {
                        "unexpected character after line continuation character"
                    };
                    PErr::syntax(msg, start).from(Origin::TokenizerLate)
                } else if c.is_ascii_digit() || c == '.' {
                    // Logos gives up on `1.e` instead of backtracking to `1.`.
                    err("invalid decimal literal".into())
                } else if c.is_ascii_graphic() {
                    err("invalid syntax".into())
                } else if !crate::fmt::is_printable(c) {
                    err(format!(
                        "invalid non-printable character U+{:04X}",
                        c as u32
                    ))
                } else {
                    err(format!("invalid character '{c}' (U+{:04X})", c as u32))
                }
            }
        }
    }

    fn at_eof(&mut self) {
        self.finished = true;
        if let Some(&(c, at)) = self.brackets.last() {
            let err = PErr::syntax(format!("'{c}' was never closed"), at).from(Origin::Unclosed);
            self.pending.push_back(Err(err));
            return;
        }
        if self.expr_mode {
            return;
        }
        let end = self.eof_offset();
        if !self.at_line_start {
            self.at_line_start = true;
            self.pending.push_back(Ok((end, Tok::Newline, end)));
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.pending.push_back(Ok((end, Tok::Dedent, end)));
        }
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
    /// items: it does when its matching `)` is followed by `:`, or is
    /// missing (CPython tries that form first, and reports the unclosed
    /// bracket from it). Looks ahead by queueing tokens.
    fn is_with_paren(&mut self) -> bool {
        let mut depth = 1usize;
        let mut i = 0;
        let mut first = true;
        loop {
            while i >= self.pending.len() {
                if self.finished {
                    return true;
                }
                self.advance();
            }
            match &self.pending[i] {
                Err(_) => return true,
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

impl Lexer<'_> {
    /// `match` or `case` starting a statement, or a name (`match = 1`,
    /// `match(x)`, `case.x`). `case` is a keyword right inside the block
    /// of a `match` (nothing else can be there); `match` when its line
    /// ends with `:` (no simple statement does), or is followed by what
    /// cannot follow a name in an expression (`match x`: a missing `:`).
    fn soft_keyword(&mut self, name: String, start: usize) -> Tok {
        let keyword = if name == "case" {
            self.match_blocks.last() == Some(&self.depth)
        } else {
            self.match_line()
        };
        if !keyword {
            return Tok::Name(name);
        }
        let tok = if name == "match" {
            Tok::Match
        } else {
            Tok::Case
        };
        if let Some(head) = self.heads.iter_mut().rev().find(|h| h.1 == start) {
            head.0 = tok.block_owner().unwrap_or("");
        }
        tok
    }

    /// Follows the blocks of `match` statements, for `case`.
    fn track_match_blocks(&mut self, tok: &Tok) {
        match tok {
            Tok::Match => self.match_header = true,
            Tok::Newline => {}
            Tok::Indent => {
                self.depth += 1;
                if self.match_header {
                    self.match_blocks.push(self.depth);
                }
                self.match_header = false;
            }
            Tok::Dedent => {
                self.depth = self.depth.saturating_sub(1);
                while self.match_blocks.last().is_some_and(|&d| d > self.depth) {
                    self.match_blocks.pop();
                }
            }
            _ if self.at_statement => self.match_header = false,
            _ => {}
        }
    }

    /// Whether the logical line after a `match` at the start of a
    /// statement makes it the keyword (looks ahead by queueing tokens, as
    /// `is_with_paren` does).
    fn match_line(&mut self) -> bool {
        let mut colon = false;
        let mut i = 0;
        loop {
            while i >= self.pending.len() {
                if self.finished {
                    return false;
                }
                self.advance();
            }
            let tok = match &self.pending[i] {
                Ok((_, tok, _)) => tok,
                Err(_) => return false,
            };
            if i == 0
                && matches!(
                    tok,
                    Tok::Name(_)
                        | Tok::Int(_)
                        | Tok::Float(_)
                        | Tok::Str(_)
                        | Tok::None
                        | Tok::True
                        | Tok::False
                        | Tok::LBrace
                )
            {
                return true;
            }
            match tok {
                Tok::Newline => return colon,
                tok => colon = *tok == Tok::Colon,
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
        let tok = match tok {
            Tok::LPar if self.prev_was_with && self.is_with_paren() => Tok::LParWith,
            Tok::Name(n) if self.at_statement && (n == "match" || n == "case") => {
                self.soft_keyword(n, start)
            }
            tok => tok,
        };
        self.track_match_blocks(&tok);
        self.prev_was_with = tok == Tok::With;
        self.at_statement = matches!(
            tok,
            Tok::StartModule | Tok::Newline | Tok::Indent | Tok::Dedent
        );
        Some(Ok((start, tok, end)))
    }
}
