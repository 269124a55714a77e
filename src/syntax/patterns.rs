//! What the grammar actions call for the `match` statement: its subject,
//! its cases and their patterns, with the checks CPython's parser makes.
//! The checks CPython makes when compiling (unreachable cases, names bound
//! twice, ...) are the compiler's, in `compiler/patterns.rs`.

use super::ast::*;
use super::error::PErr;
use super::state::{error, span, PResult, State};

/// An argument of a class pattern, before the positional ones are split
/// from the keyword ones.
pub enum ClassArg {
    Positional(Pattern),
    /// `name=pattern`
    Keyword(Ident, Pattern),
}

/// An error reported at the first token at or after `offset`.
fn error_at_next(
    msg: &str,
    offset: usize,
) -> lalrpop_util::ParseError<usize, super::token::Tok, PErr> {
    lalrpop_util::ParseError::User {
        error: PErr::syntax(msg, offset).at_next_token(),
    }
}

impl State<'_> {
    pub fn match_stmt(&self, l: usize, subject: Expr, cases: Vec<MatchCase>) -> PResult<Stmt> {
        let r = cases
            .last()
            .and_then(|c| c.body.last())
            .map_or(l, |s| s.span.end as usize);
        self.stmt(l, r, StmtKind::Match { subject, cases })
    }

    /// `match a:` or `match a, *b:` (a tuple); a lone `*a` is no subject.
    pub fn match_subject(
        &self,
        l: usize,
        r: usize,
        (mut items, trailing): (Vec<Expr>, bool),
    ) -> PResult<Expr> {
        if items.len() == 1 && !trailing {
            let e = items.pop().expect("one item");
            if matches!(e.kind, ExprKind::Starred(_)) {
                return Err(error_at_next("invalid syntax", r));
            }
            return Ok(e);
        }
        self.expr(l, r, ExprKind::Tuple(items))
    }

    pub fn match_case(&self, pattern: Pattern, guard: Option<Expr>, body: Vec<Stmt>) -> MatchCase {
        MatchCase {
            pattern,
            guard,
            body,
        }
    }

    pub fn pattern(&self, l: usize, r: usize, kind: PatternKind) -> Pattern {
        Pattern {
            span: span(l, r),
            kind,
        }
    }

    /// The patterns after `case`: `a, b` is a sequence pattern.
    pub fn case_patterns(
        &self,
        l: usize,
        r: usize,
        (mut items, trailing): (Vec<Pattern>, bool),
    ) -> PResult<Pattern> {
        if items.len() == 1 && !trailing {
            let p = items.pop().expect("one item");
            if matches!(p.kind, PatternKind::Star(_)) {
                return Err(error_at_next("invalid syntax", r));
            }
            return Ok(p);
        }
        Ok(self.pattern(l, r, PatternKind::Sequence(items)))
    }

    /// `(p)` is `p` itself; `()`, `(p,)`, `(p, q)` are sequence patterns.
    pub fn paren_pattern(
        &self,
        l: usize,
        r: usize,
        (mut items, trailing): (Vec<Pattern>, bool),
    ) -> PResult<Pattern> {
        if items.len() == 1 && !trailing {
            let p = items.pop().expect("one item");
            if matches!(p.kind, PatternKind::Star(_)) {
                return Err(error_at_next("invalid syntax", p.span.end as usize));
            }
            return Ok(p);
        }
        Ok(self.pattern(l, r, PatternKind::Sequence(items)))
    }

    /// A bare name: `_` matches anything, another name captures.
    pub fn name_pattern(&self, l: usize, r: usize, name: String) -> Pattern {
        let name = (name != "_").then_some(name);
        self.pattern(
            l,
            r,
            PatternKind::As {
                pattern: None,
                name,
            },
        )
    }

    pub fn star_pattern(&self, l: usize, r: usize, name: String) -> Pattern {
        let name = (name != "_").then_some(name);
        self.pattern(l, r, PatternKind::Star(name))
    }

    /// `p as target`: the target must be a name other than `_`.
    pub fn as_pattern(&self, l: usize, r: usize, p: Pattern, target: Expr) -> PResult<Pattern> {
        match target.kind {
            ExprKind::Name(n) if n == "_" => Err(error(
                "cannot use '_' as a target",
                target.span.start as usize,
            )),
            ExprKind::Name(name) => Ok(self.pattern(
                l,
                r,
                PatternKind::As {
                    pattern: Some(Box::new(p)),
                    name: Some(name),
                },
            )),
            _ => {
                // `a as b.c` fails after the name, `a as 1` at the target.
                let mut first = &target;
                loop {
                    first = match &first.kind {
                        ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => {
                            value
                        }
                        ExprKind::Call { func, .. } => func,
                        ExprKind::BinOp { left, .. } => left,
                        _ => break,
                    };
                }
                match first.kind {
                    ExprKind::Name(_) => {
                        Err(error_at_next("invalid syntax", first.span.end as usize))
                    }
                    _ => Err(error("invalid pattern target", target.span.start as usize)),
                }
            }
        }
    }

    pub fn or_pattern(&self, l: usize, r: usize, first: Pattern, rest: Vec<Pattern>) -> Pattern {
        let mut all = Vec::with_capacity(rest.len() + 1);
        all.push(first);
        all.extend(rest);
        self.pattern(l, r, PatternKind::Or(all))
    }

    /// `1`, `-1`, `1.5`, `-1.5`: negative numbers are folded, as
    /// CPython's optimizer does before patterns are compiled.
    pub fn signed_number(&self, l: usize, r: usize, negative: bool, c: Constant) -> Expr {
        let c = match (negative, c) {
            (false, c) => c,
            (true, Constant::Int(i)) => Constant::Int(-i),
            (true, Constant::Float(f)) => Constant::Float(-f),
            (true, c) => c,
        };
        self.constant(l, r, c)
    }

    /// `1 + 2`: the right side of a complex literal must be imaginary.
    pub fn complex_literal(&self, right: usize) -> PResult<Expr> {
        Err(error("imaginary number required in complex literal", right))
    }

    /// `**rest` in a mapping pattern: `**_` is not allowed.
    pub fn double_star_target(&self, l: usize, name: String) -> PResult<Ident> {
        if name == "_" {
            return Err(error("invalid syntax", l));
        }
        Ok(name)
    }

    pub fn mapping_pattern(
        &self,
        l: usize,
        r: usize,
        items: Vec<(Expr, Pattern)>,
        rest: Option<Ident>,
    ) -> Pattern {
        let (keys, patterns) = items.into_iter().unzip();
        self.pattern(
            l,
            r,
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            },
        )
    }

    /// `cls(p, q, a=r)`: no positional pattern after a keyword one.
    pub fn class_pattern(
        &self,
        l: usize,
        r: usize,
        cls: Expr,
        args: Vec<ClassArg>,
    ) -> PResult<Pattern> {
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        for arg in args {
            match arg {
                ClassArg::Positional(p) => {
                    if !kwd_attrs.is_empty() {
                        return Err(error(
                            "positional patterns follow keyword patterns",
                            p.span.start as usize,
                        ));
                    }
                    patterns.push(p);
                }
                ClassArg::Keyword(name, p) => {
                    kwd_attrs.push(name);
                    kwd_patterns.push(p);
                }
            }
        }
        Ok(self.pattern(
            l,
            r,
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
        ))
    }

    /// `a.b.c` in a pattern: a value to compare with, or a class.
    pub fn pattern_attr(&self, l: usize, r: usize, value: Expr, attr: Ident) -> PResult<Expr> {
        self.expr(
            l,
            r,
            ExprKind::Attribute {
                value: Box::new(value),
                attr,
            },
        )
    }
}
