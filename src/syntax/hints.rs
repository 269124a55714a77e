//! CPython's more specific syntax error messages, which its PEG parser
//! finds by re-parsing with extra rules. An LR parser has no such second
//! pass, so these are recognised from the tokens of the logical line where
//! the parse failed (kept by the lexer), with the same conditions and
//! positions as CPython's rules.

use super::lexer::PErr;
use super::token::Tok;

/// What the hints need to know about a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeenKind {
    /// A name; `true` for `print` and `exec`.
    Name(bool),
    Str,
    /// Another token that is a whole expression (number, `None`, ...).
    Atom,
    Open,
    Close,
    Colon,
    Dot,
    /// `in`: an operator, or the `in` of a `for`.
    In,
    /// Comparison and boolean operators (`<`, `not`, `and`, ...).
    Logic,
    /// `for`, `if`, `lambda`, `def`, `import`: what comes next is no
    /// plain expression (a target, a condition, parameters, ...).
    Intro(Intro),
    /// `while`, `elif`: a condition follows.
    Condition,
    /// Another token that cannot be inside an expression (`,`, `=`, ...).
    Delimiter,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intro {
    For,
    If,
    Lambda,
    Def,
    Import,
}

/// A token of the current logical line.
#[derive(Clone, Copy, Debug)]
pub struct Seen {
    pub start: usize,
    /// Brackets open around the token.
    pub depth: usize,
    pub kind: SeenKind,
}

impl SeenKind {
    pub fn of(tok: &Tok) -> SeenKind {
        match tok {
            Tok::Name(n) => SeenKind::Name(n == "print" || n == "exec"),
            Tok::Str(_) => SeenKind::Str,
            Tok::Int(_) | Tok::Float(_) | Tok::None | Tok::True | Tok::False | Tok::Ellipsis => {
                SeenKind::Atom
            }
            Tok::LPar | Tok::LSqb | Tok::LBrace | Tok::LParWith => SeenKind::Open,
            Tok::RPar | Tok::RSqb | Tok::RBrace => SeenKind::Close,
            Tok::Colon => SeenKind::Colon,
            Tok::Dot => SeenKind::Dot,
            Tok::In => SeenKind::In,
            Tok::For => SeenKind::Intro(Intro::For),
            Tok::If => SeenKind::Intro(Intro::If),
            Tok::Lambda => SeenKind::Intro(Intro::Lambda),
            Tok::Def => SeenKind::Intro(Intro::Def),
            Tok::Import => SeenKind::Intro(Intro::Import),
            Tok::While | Tok::Elif => SeenKind::Condition,
            Tok::Not
            | Tok::Is
            | Tok::And
            | Tok::Or
            | Tok::Less
            | Tok::Greater
            | Tok::LessEq
            | Tok::GreaterEq
            | Tok::EqEq
            | Tok::NotEq => SeenKind::Logic,
            Tok::Await => SeenKind::Other,
            t if t.is_keyword() => SeenKind::Delimiter,
            Tok::Comma
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

    /// Ends a `disjunction` (CPython's expression without `if`/`lambda`).
    fn ends_disjunction(self) -> bool {
        matches!(
            self,
            SeenKind::Delimiter | SeenKind::Colon | SeenKind::Intro(_) | SeenKind::Condition
        )
    }

    /// Ends a `bitwise_or` (no comparisons or boolean operators).
    fn ends_bitwise_or(self) -> bool {
        self.ends_disjunction() || matches!(self, SeenKind::In | SeenKind::Logic)
    }
}

/// The tokens of one logical line, and the source they come from.
pub struct Line<'a> {
    pub src: &'a str,
    pub tokens: &'a [Seen],
}

impl Line<'_> {
    fn index_of(&self, at: usize) -> Option<usize> {
        self.tokens.iter().rposition(|t| t.start == at)
    }

    fn is_bracket(&self, k: usize, c: char) -> bool {
        self.src[self.tokens[k].start..].starts_with(c)
    }

    /// The bracket enclosing token `i` (at `depth`).
    fn opener(&self, i: usize, depth: usize) -> Option<usize> {
        (0..i).rev().find(|&k| self.tokens[k].depth < depth)
    }

    /// The first token of the expression that ends just before token `end`
    /// (exclusive), at `depth`, going back until `stops` says so.
    fn expression_start(&self, end: usize, depth: usize, stops: fn(SeenKind) -> bool) -> usize {
        let mut first = end;
        while first > 0 {
            let t = self.tokens[first - 1];
            if t.depth < depth || (t.depth == depth && stops(t.kind)) {
                break;
            }
            first -= 1;
        }
        first
    }

    /// Start of the first token at or after `offset` (`offset` itself when
    /// there is none, as for NEWLINE).
    pub fn next_token_start(&self, offset: usize) -> usize {
        self.tokens
            .iter()
            .find(|t| t.start >= offset)
            .map_or(offset, |t| t.start)
    }

    /// Whether a `:` outside brackets comes before `at` (so a statement's
    /// header is complete).
    pub fn colon_before(&self, at: usize) -> bool {
        self.tokens
            .iter()
            .any(|t| t.start < at && t.depth == 0 && t.kind == SeenKind::Colon)
    }

    /// Brackets open around the token at `at` (0 for NEWLINE).
    pub fn depth_at(&self, at: usize) -> usize {
        self.index_of(at).map_or(0, |i| self.tokens[i].depth)
    }

    /// Where the `a` of a conditional `a if b` missing its `else` starts,
    /// for an error found at `at`.
    pub fn conditional_start(&self, at: usize) -> Option<usize> {
        let i = self
            .tokens
            .iter()
            .position(|t| t.start >= at)
            .unwrap_or(self.tokens.len());
        // Inside the bracket a closing bracket ends.
        let depth = self
            .tokens
            .get(i)
            .map_or(0, |t| t.depth + usize::from(t.kind == SeenKind::Close));
        let k = (0..i).rev().find(|&k| {
            self.tokens[k].depth == depth && self.tokens[k].kind == SeenKind::Intro(Intro::If)
        })?;
        let first = self.expression_start(k, depth, SeenKind::ends_disjunction);
        (first < k).then(|| self.tokens[first].start)
    }

    /// CPython's messages for an unexpected `=` at `at`: `if x = 1:`,
    /// `(a.b = 1)`, `f(a.b=1)`.
    pub fn assignment(&self, at: usize) -> Option<PErr> {
        let i = self.index_of(at)?;
        let depth = self.tokens[i].depth;
        let first = self.expression_start(i, depth, SeenKind::ends_bitwise_or);
        if first == i || first == 0 {
            return None;
        }
        // CPython's rules apply where a named expression starts: in
        // brackets, or after `if`, `elif`, `while`.
        let stop = self.tokens[first - 1];
        let starts_named = if stop.depth < depth {
            true
        } else if depth > 0 {
            matches!(stop.kind, SeenKind::Delimiter)
        } else {
            matches!(stop.kind, SeenKind::Intro(Intro::If) | SeenKind::Condition)
        };
        if !starts_named {
            return None;
        }
        let a = self.tokens[first];
        let in_call = self.opener(i, depth).is_some_and(|k| {
            self.is_bracket(k, '(') && k > 0 && self.tokens[k - 1].kind.ends_expression()
        });
        if in_call {
            // A keyword argument must be a plain name.
            let name = first + 1 == i && matches!(a.kind, SeenKind::Name(_));
            return (!name).then(|| {
                PErr::syntax(
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                    a.start,
                )
            });
        }
        let last = self.tokens[i - 1];
        let what = if first + 1 == i {
            match a.kind {
                SeenKind::Name(_) => {
                    return Some(PErr::syntax(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        a.start,
                    ))
                }
                SeenKind::Str => "literal",
                SeenKind::Atom if self.src[a.start..].starts_with("...") => "ellipsis",
                SeenKind::Atom if self.src[a.start..].starts_with(char::is_numeric) => "literal",
                _ => return None,
            }
        } else if i >= 2 && self.tokens[i - 2].kind == SeenKind::Dot {
            "attribute"
        } else if last.kind == SeenKind::Close {
            // `f(x)` or `a[x]`: what opened the last bracket?
            let open = (first..i - 1).rev().find(|&k| {
                self.tokens[k].depth == depth && self.tokens[k].kind == SeenKind::Open
            })?;
            if open == first || !self.tokens[open - 1].kind.ends_expression() {
                return None;
            }
            if self.is_bracket(open, '(') {
                "function call"
            } else if self.is_bracket(open, '[') {
                "subscript"
            } else {
                return None;
            }
        } else {
            return None;
        };
        Some(PErr::syntax(
            format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
            a.start,
        ))
    }

    /// CPython's hints for a parse error at the token starting at `at`:
    /// "':' expected after dictionary key"; for two expressions in a row,
    /// "Perhaps you forgot a comma?" inside brackets (reported at the first
    /// one) and "Missing parentheses in call to 'print'" at the top level.
    pub fn juxtaposition(&self, at: usize, colon_expected: bool) -> Option<PErr> {
        let i = self.index_of(at)?;
        let tok = self.tokens[i];
        let prev = *self.tokens.get(i.checked_sub(1)?)?;
        let opener = self.opener(i, tok.depth);
        // Inside the bracket, before us: a `:`? a `for`, and are we in its
        // target (`for a b in c`) or after its `in` or an `if`?
        let (mut colon, mut for_target, mut for_tail, mut after_in_or_if) =
            (false, false, false, false);
        for k in (opener.map_or(0, |k| k + 1)..i).rev() {
            let t = self.tokens[k];
            if t.depth != tok.depth {
                continue;
            }
            match t.kind {
                SeenKind::Colon => colon = true,
                SeenKind::In | SeenKind::Intro(Intro::If) => after_in_or_if = true,
                SeenKind::Intro(Intro::For) => {
                    if after_in_or_if {
                        for_tail = true;
                    } else {
                        for_target = true;
                    }
                    break;
                }
                _ => {}
            }
        }
        let in_dict = opener.is_some_and(|k| self.is_bracket(k, '{'));
        if colon_expected && in_dict && colon && !for_tail && !for_target {
            // A key after earlier `key: value` pairs.
            return Some(PErr::syntax(
                "':' expected after dictionary key",
                prev.start,
            ));
        }
        // `y[]` reads as `y` followed by an empty list.
        if tok.kind == SeenKind::Close && prev.kind == SeenKind::Open && self.is_bracket(i - 1, '[')
        {
            let before = i.checked_sub(2)?;
            if !self.tokens[before].kind.ends_expression() || prev.depth == 0 {
                return None;
            }
            let first = self.expression_start(i - 1, prev.depth, SeenKind::ends_disjunction);
            return Some(PErr::syntax(
                "invalid syntax. Perhaps you forgot a comma?",
                self.tokens[first].start,
            ));
        }
        if !prev.kind.ends_expression() || !tok.kind.starts_expression() {
            return None;
        }
        if tok.depth == 0 {
            if prev.kind == SeenKind::Name(true) && i == 1 {
                let name = self.src[prev.start..]
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
        let first = self.expression_start(i - 1, tok.depth, SeenKind::ends_disjunction);
        // No hint where CPython parses no plain expression: the iterable
        // and conditions of a comprehension, the condition of `a if b`,
        // lambda and def parameters, imported names. (Comprehension
        // targets do get one: CPython re-parses them as expressions.)
        if for_tail {
            return None;
        }
        if first > 0 {
            let stop = self.tokens[first - 1];
            let intro = matches!(stop.kind, SeenKind::Intro(i) if i != Intro::For);
            if stop.depth == tok.depth && intro {
                return None;
            }
        }
        let lambda_params = (opener.map_or(0, |k| k + 1)..first)
            .rev()
            .map(|k| self.tokens[k])
            .filter(|t| t.depth == tok.depth)
            .take_while(|t| t.kind != SeenKind::Colon)
            .any(|t| t.kind == SeenKind::Intro(Intro::Lambda));
        if lambda_params {
            return None;
        }
        if let Some(k) = opener {
            let before = |n: usize| k.checked_sub(n).map(|j| self.tokens[j].kind);
            if before(1) == Some(SeenKind::Intro(Intro::Import))
                || before(2) == Some(SeenKind::Intro(Intro::Def))
            {
                return None;
            }
        }
        Some(PErr::syntax(
            "invalid syntax. Perhaps you forgot a comma?",
            self.tokens[first].start,
        ))
    }
}
