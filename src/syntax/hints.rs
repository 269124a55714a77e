//! CPython's more specific syntax error messages, which its PEG parser
//! finds by re-parsing with extra rules. An LR parser has no such second
//! pass, so these are recognised from the tokens of the logical line where
//! the parse failed (kept by the lexer), with the same conditions and
//! positions as CPython's rules.

use super::error::PErr;
use super::token::{StrTok, Tok};

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
    /// `for`, `if`, `lambda`, `def`, `import`, ...: what comes next is no
    /// plain expression (a target, a condition, parameters, names).
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
    /// `import`, `global`, `nonlocal`, `class`: names follow.
    Names,
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
            Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imaginary(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis => SeenKind::Atom,
            Tok::LPar | Tok::LSqb | Tok::LBrace | Tok::LParWith => SeenKind::Open,
            Tok::RPar | Tok::RSqb | Tok::RBrace => SeenKind::Close,
            Tok::Colon => SeenKind::Colon,
            Tok::Dot => SeenKind::Dot,
            Tok::In => SeenKind::In,
            Tok::For => SeenKind::Intro(Intro::For),
            Tok::If => SeenKind::Intro(Intro::If),
            Tok::Lambda => SeenKind::Intro(Intro::Lambda),
            Tok::Def => SeenKind::Intro(Intro::Def),
            Tok::Import | Tok::Global | Tok::Nonlocal | Tok::Class => SeenKind::Intro(Intro::Names),
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

/// Where CPython's second pass starts reading an expression after a
/// failure (see `parser::check_rest`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadStart {
    /// Right after the failing token (an `=`).
    Operand,
    /// The failing token began an operand; `open` if it is a bracket.
    AfterOperand { open: bool },
}

/// The tokens of one logical line, and the source they come from.
pub struct Line<'a> {
    pub src: &'a str,
    pub tokens: &'a [Seen],
    /// The string literal tokens among `tokens`, in order.
    pub strings: &'a [StrTok],
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

    /// The string literals right before the token at `at` (or at the end
    /// of the line): CPython builds their value as soon as it has read
    /// them, so their errors come before a parse error at `at`.
    pub fn strings_before(&self, at: usize) -> Option<Vec<StrTok>> {
        let i = self.index_of(at).unwrap_or(self.tokens.len());
        let first = (0..i)
            .rev()
            .take_while(|&k| self.tokens[k].kind == SeenKind::Str)
            .last()?;
        let skip = self.tokens[..first]
            .iter()
            .filter(|t| t.kind == SeenKind::Str)
            .count();
        Some(self.strings.get(skip..skip + (i - first))?.to_vec())
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
        let depth = self.tokens.get(i).map_or(0, |&t| inner_depth(t));
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
        let context = self.context(i);
        let in_dict = context.opener.is_some_and(|k| self.is_bracket(k, '{'));
        if colon_expected
            && in_dict
            && context.colon
            && context.comprehension.is_none()
            && prev.kind.ends_expression()
        {
            // A key after earlier `key: value` pairs; reported at the key.
            let depth = inner_depth(tok);
            let key = self.expression_start(i, depth, SeenKind::ends_disjunction);
            return Some(PErr::syntax(
                "':' expected after dictionary key",
                self.tokens[key].start,
            ));
        }
        if let Some(first) = self.empty_subscript(i) {
            return Some(PErr::syntax(
                "invalid syntax. Perhaps you forgot a comma?",
                self.tokens[first].start,
            ));
        }
        // `print x`, `exec x` (a separate rule in CPython).
        if tok.depth == 0
            && i == 1
            && prev.kind == SeenKind::Name(true)
            && tok.kind.starts_expression()
        {
            let name = self.src[prev.start..]
                .split(|c: char| !c.is_alphanumeric())
                .next()?;
            return Some(PErr::syntax(
                format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                prev.start,
            ));
        }
        let first = self.two_expressions(i)?;
        if tok.depth == 0 {
            // CPython's rule matches here too, but only reports in brackets.
            return None;
        }
        Some(PErr::syntax(
            "invalid syntax. Perhaps you forgot a comma?",
            self.tokens[first].start,
        ))
    }

    /// Whether CPython's second pass reads on past the failing token at
    /// `at`: it does where its rules for two expressions in a row or for
    /// `=` in a named expression apply.
    pub fn reads_ahead(&self, at: usize) -> Option<ReadStart> {
        let i = self.index_of(at)?;
        let tok = self.tokens[i];
        if self.src[at..].starts_with('=') && tok.kind == SeenKind::Delimiter {
            return self.assignment(at).map(|_| ReadStart::Operand);
        }
        if self.empty_subscript(i).is_some() {
            return Some(ReadStart::AfterOperand { open: false });
        }
        self.two_expressions(i)?;
        Some(ReadStart::AfterOperand {
            open: tok.kind == SeenKind::Open,
        })
    }

    /// What surrounds token `i` in its bracket: the bracket, whether a `:`
    /// (or a `**` item) came before it, and whether it is in a comprehension's target or
    /// after the `in` (or an `if`) of one.
    fn context(&self, i: usize) -> Context {
        let depth = inner_depth(self.tokens[i]);
        let opener = self.opener(i, depth);
        let mut context = Context {
            opener,
            colon: false,
            comprehension: None,
        };
        let mut after_in_or_if = false;
        for k in (opener.map_or(0, |k| k + 1)..i).rev() {
            let t = self.tokens[k];
            if t.depth != depth {
                continue;
            }
            // `**m` where an item starts is a pair of a dict display too.
            let unpacking = t.kind == SeenKind::Other
                && self.src[t.start..].starts_with("**")
                && (k == 0
                    || matches!(
                        self.tokens[k - 1].kind,
                        SeenKind::Open | SeenKind::Delimiter
                    ));
            match t.kind {
                SeenKind::Colon => context.colon = true,
                _ if unpacking => context.colon = true,
                SeenKind::In | SeenKind::Intro(Intro::If) => after_in_or_if = true,
                SeenKind::Intro(Intro::For) => {
                    context.comprehension = Some(if after_in_or_if {
                        ComprehensionPart::Tail
                    } else {
                        ComprehensionPart::Target
                    });
                    break;
                }
                _ => {}
            }
        }
        context
    }

    /// `y[]`, which CPython reads as `y` followed by an empty list: the
    /// index of the first token of `y`.
    fn empty_subscript(&self, i: usize) -> Option<usize> {
        let (tok, prev) = (self.tokens[i], *self.tokens.get(i.checked_sub(1)?)?);
        let before = *self.tokens.get(i.checked_sub(2)?)?;
        let empty = tok.kind == SeenKind::Close && prev.kind == SeenKind::Open;
        if !empty || !self.is_bracket(i - 1, '[') || !before.kind.ends_expression() {
            return None;
        }
        Some(self.expression_start(i - 1, prev.depth, SeenKind::ends_disjunction))
    }

    /// For token `i` starting an expression right after another one ends,
    /// where CPython's rule for that applies (in an expression context):
    /// the index of the first token of the first expression.
    fn two_expressions(&self, i: usize) -> Option<usize> {
        let tok = self.tokens[i];
        let prev = *self.tokens.get(i.checked_sub(1)?)?;
        if !prev.kind.ends_expression() || !tok.kind.starts_expression() {
            return None;
        }
        let first = self.expression_start(i - 1, tok.depth, SeenKind::ends_disjunction);
        // CPython's rule does not start at a name followed by a string, nor
        // at a soft keyword, which it recognises by comparing only as many
        // characters as the name has: `m` counts as `match`.
        if let SeenKind::Name(_) = self.tokens[first].kind {
            if self
                .tokens
                .get(first + 1)
                .is_some_and(|t| t.kind == SeenKind::Str)
            {
                return None;
            }
            let name = self.src[self.tokens[first].start..]
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("");
            if ["_", "case", "match"].iter().any(|k| k.starts_with(name)) {
                return None;
            }
        }
        let context = self.context(i);
        // Not where CPython parses no plain expression: the iterable and
        // conditions of a comprehension (its target is re-parsed as one),
        // the condition of `a if b`, parameters, imported and declared
        // names. After `:` or `=` there is an expression again (also for
        // annotations and defaults of parameters).
        if context.comprehension == Some(ComprehensionPart::Tail) {
            return None;
        }
        let stop = first.checked_sub(1).map(|k| self.tokens[k]);
        if let Some(stop) = stop.filter(|t| t.depth == tok.depth) {
            if stop.kind == SeenKind::Colon
                || (stop.kind == SeenKind::Delimiter && self.src[stop.start..].starts_with('='))
            {
                return Some(first);
            }
            if matches!(stop.kind, SeenKind::Intro(intro) if intro != Intro::For) {
                return None;
            }
        }
        let lambda_params = (context.opener.map_or(0, |k| k + 1)..first)
            .rev()
            .map(|k| self.tokens[k])
            .filter(|t| t.depth == tok.depth)
            .take_while(|t| t.kind != SeenKind::Colon)
            .any(|t| t.kind == SeenKind::Intro(Intro::Lambda));
        if lambda_params {
            return None;
        }
        if let Some(k) = context.opener {
            let before = |n: usize| k.checked_sub(n).map(|j| self.tokens[j].kind);
            if before(1) == Some(SeenKind::Intro(Intro::Names))
                || before(2) == Some(SeenKind::Intro(Intro::Def))
            {
                return None;
            }
        }
        Some(first)
    }
}

/// The depth inside the brackets around a token (a closing bracket counts
/// as inside the bracket it closes).
fn inner_depth(t: Seen) -> usize {
    t.depth + usize::from(t.kind == SeenKind::Close)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ComprehensionPart {
    Target,
    Tail,
}

struct Context {
    opener: Option<usize>,
    colon: bool,
    comprehension: Option<ComprehensionPart>,
}
