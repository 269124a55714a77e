//! Checks the grammar leaves to actions: assignment targets, call
//! arguments, parameter lists. Errors CPython's parser reports fail the
//! parse at once; errors its compiler reports (duplicate parameters,
//! `*a = b`, ...) are deferred until the parse has succeeded, so that a
//! later syntax error wins as it does in CPython.

use std::collections::HashSet;

use super::ast::*;
use super::state::{error, PResult, State, Tier};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetCtx {
    /// `=`, augmented and annotated assignment, `with ... as`.
    Assign,
    /// `for` loops and comprehensions.
    For,
    Del,
}

/// How CPython names an expression in "cannot assign to ..." messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first part of `e` that cannot be assigned to (or deleted).
pub fn invalid_target(e: &Expr, ctx: TargetCtx) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::List(items) | ExprKind::Tuple(items) => {
            items.iter().find_map(|item| invalid_target(item, ctx))
        }
        ExprKind::Starred(inner) if ctx != TargetCtx::Del => invalid_target(inner, ctx),
        _ => Some(e),
    }
}

/// Whether CPython would parse `e` as a `bitwise_or` (no comparison,
/// `not`, `and`/`or`, conditional, lambda, yield, star).
fn is_bitwise_or(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::Starred(_)
            | ExprKind::NamedExpr { .. }
    )
}

/// Whether the source of `e` starts with a `bitwise_or`.
fn starts_with_bitwise_or(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Tuple(items) if items.first().is_some_and(|i| i.span.start == e.span.start) => {
            starts_with_bitwise_or(&items[0])
        }
        ExprKind::BoolOp { values, .. } => starts_with_bitwise_or(&values[0]),
        ExprKind::Compare { left, .. } => starts_with_bitwise_or(left),
        ExprKind::IfExp { body, .. } => starts_with_bitwise_or(body),
        _ => is_bitwise_or(e),
    }
}

impl State<'_> {
    /// Checks one target of `ctx`. `here` asks for CPython's longer
    /// message for `f() = 1` ("... here. Maybe you meant '==' ...").
    pub fn check_target(&self, e: &Expr, ctx: TargetCtx, here: bool) -> PResult<()> {
        if let Some(bad) = invalid_target(e, ctx) {
            let name = expr_name(bad);
            let msg = if ctx == TargetCtx::Del {
                format!("cannot delete {name}")
            } else if here && !matches!(name, "None" | "True" | "False") {
                format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {name}")
            };
            return Err(error(msg, bad.span.start as usize));
        }
        if ctx != TargetCtx::Del {
            if let ExprKind::Starred(_) = e.kind {
                self.defer(
                    Tier::Compiler,
                    "starred assignment target must be in a list or tuple",
                    e.span.start as usize,
                );
            }
            self.check_target_names(e);
        }
        Ok(())
    }

    /// The targets of `t1 = t2 = value`.
    pub fn check_assign_targets(&self, targets: &[Expr], value: &Expr) -> PResult<()> {
        // CPython's rule for `a = b` (a named expression written with `=`)
        // also matches the start of `x = a < b = 2`, and wins.
        if let [first, second, ..] = targets {
            let partly_plain = !is_bitwise_or(second) && starts_with_bitwise_or(second);
            if partly_plain && invalid_target(second, TargetCtx::Assign).is_some() {
                let at = first.span.start as usize;
                if let ExprKind::Name(_) = first.kind {
                    return Err(error(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        at,
                    ));
                }
                let name = expr_name(first);
                if is_bitwise_or(first)
                    && !matches!(
                        first.kind,
                        ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. }
                    )
                    && !matches!(name, "None" | "True" | "False")
                {
                    return Err(error(
                        format!(
                            "cannot assign to {name} here. Maybe you meant '==' instead of '='?"
                        ),
                        at,
                    ));
                }
            }
        }
        for t in targets {
            if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                return Err(error(
                    "assignment to yield expression not possible",
                    t.span.start as usize,
                ));
            }
            // CPython's longer message comes from a rule for `a = b` with
            // a single `=`, where `a` is the bad target itself or ends an
            // unparenthesised tuple, and `b` starts with a plain operand.
            let here = targets.len() == 1
                && starts_with_bitwise_or(value)
                && invalid_target(t, TargetCtx::Assign).is_some_and(|bad| {
                    let simple = is_bitwise_or(bad)
                        && !matches!(bad.kind, ExprKind::Tuple(_) | ExprKind::List(_));
                    let last_of_tuple = matches!(&t.kind, ExprKind::Tuple(items)
                        if items.last().is_some_and(|l| std::ptr::eq(l, bad))
                            && bad.span.end == t.span.end);
                    simple && (std::ptr::eq(t, bad) || last_of_tuple)
                });
            self.check_target(t, TargetCtx::Assign, here)?;
        }
        Ok(())
    }

    /// `__debug__` cannot be assigned; at most one starred item per level.
    /// Both are compiler errors in CPython.
    fn check_target_names(&self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) if n == "__debug__" => {
                self.defer(
                    Tier::Compiler,
                    "cannot assign to __debug__",
                    e.span.start as usize,
                );
            }
            ExprKind::List(items) | ExprKind::Tuple(items) => {
                let stars = items
                    .iter()
                    .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                    .count();
                if stars > 1 {
                    self.defer(
                        Tier::Compiler,
                        "multiple starred expressions in assignment",
                        e.span.start as usize,
                    );
                }
                items.iter().for_each(|i| self.check_target_names(i));
            }
            ExprKind::Starred(inner) => self.check_target_names(inner),
            _ => {}
        }
    }

    /// A bare `*x` is only allowed inside a display, a call or a target
    /// list; elsewhere the compiler rejects it.
    pub fn no_bare_star(&self, e: Expr) -> Expr {
        if matches!(e.kind, ExprKind::Starred(_)) {
            self.defer(
                Tier::Compiler,
                "can't use starred expression here",
                e.span.start as usize,
            );
        }
        e
    }

    /// Splits call arguments (in parentheses at `l..r`) into positional
    /// ones and keywords, with CPython's ordering rules.
    pub fn split_args(
        &self,
        l: usize,
        r: usize,
        mut items: Vec<ArgItem>,
    ) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        // `f(x for x in y)`: the generator's span is the parentheses.
        if let [ArgItem::BareGenerator(e)] = items.as_mut_slice() {
            let kind = std::mem::replace(&mut e.kind, ExprKind::Tuple(Vec::new()));
            *e = self.expr(l, r, kind)?;
        }
        let count = items.len();
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_keyword = false;
        let mut seen_double_star = false;
        let mut names = HashSet::new();
        for item in items {
            let bare_generator = matches!(item, ArgItem::BareGenerator(_));
            match item {
                ArgItem::Positional(e) | ArgItem::BareGenerator(e) => {
                    let at = e.span.start as usize;
                    if bare_generator && count > 1 {
                        return Err(error("Generator expression must be parenthesized", at));
                    }
                    if seen_double_star {
                        return Err(error(
                            "positional argument follows keyword argument unpacking",
                            at,
                        ));
                    }
                    if seen_keyword {
                        return Err(error("positional argument follows keyword argument", at));
                    }
                    args.push(e);
                }
                ArgItem::Star(e) => {
                    if seen_double_star {
                        return Err(error(
                            "iterable argument unpacking follows keyword argument unpacking",
                            e.span.start as usize,
                        ));
                    }
                    args.push(e);
                }
                ArgItem::Keyword(k) => {
                    seen_keyword = true;
                    let name = k.arg.clone().unwrap_or_default();
                    if !names.insert(name.clone()) {
                        self.defer(
                            Tier::Compiler,
                            format!("keyword argument repeated: {name}"),
                            k.span.start as usize,
                        );
                    }
                    keywords.push(k);
                }
                ArgItem::DoubleStar(k) => {
                    seen_double_star = true;
                    keywords.push(k);
                }
            }
        }
        Ok((args, keywords))
    }

    /// Sorts parameter list entries into [`Params`], with CPython's checks.
    pub fn build_params(&self, items: Vec<ParamItem>) -> PResult<Params> {
        let mut params = Params::default();
        let mut star_at = None;
        let mut seen_slash = false;
        let mut seen_default = false;
        let mut seen_kwarg = false;
        let mut names = HashSet::new();
        let mut check_name = |p: &Param| {
            if !names.insert(p.name.clone()) {
                self.defer(
                    Tier::Symtable,
                    format!("duplicate argument '{}' in function definition", p.name),
                    p.span.start as usize,
                );
            }
        };
        for item in items {
            if seen_kwarg {
                let at = match &item {
                    ParamItem::Plain(p) => p.span.start as usize,
                    ParamItem::Slash(at)
                    | ParamItem::Star(at, _)
                    | ParamItem::DoubleStar(at, _) => *at,
                };
                return Err(error("arguments cannot follow var-keyword argument", at));
            }
            match item {
                ParamItem::Slash(at) => {
                    if seen_slash {
                        return Err(error("/ may appear only once", at));
                    }
                    if star_at.is_some() {
                        return Err(error("/ must be ahead of *", at));
                    }
                    if params.args.is_empty() {
                        return Err(error("at least one argument must precede /", at));
                    }
                    seen_slash = true;
                    params.posonly = std::mem::take(&mut params.args);
                }
                ParamItem::Star(at, p) => {
                    if star_at.is_some() {
                        return Err(error("* argument may appear only once", at));
                    }
                    star_at = Some(at);
                    if let Some(p) = &p {
                        check_name(p);
                    }
                    params.vararg = p;
                }
                ParamItem::DoubleStar(_, p) => {
                    check_name(&p);
                    seen_kwarg = true;
                    params.kwarg = Some(p);
                }
                ParamItem::Plain(p) => {
                    check_name(&p);
                    if star_at.is_some() {
                        params.kwonly.push(p);
                    } else {
                        if p.default.is_some() {
                            seen_default = true;
                        } else if seen_default {
                            return Err(error(
                                "non-default argument follows default argument",
                                p.span.start as usize,
                            ));
                        }
                        params.args.push(p);
                    }
                }
            }
        }
        if let Some(at) = star_at {
            if params.vararg.is_none() && params.kwonly.is_empty() {
                return Err(error("named arguments must follow bare *", at));
            }
        }
        Ok(params)
    }
}

/// One argument of a call or class header, before validation.
pub enum ArgItem {
    Positional(Expr),
    /// `f(x for x in y)`: a generator expression without its own
    /// parentheses, valid only as the sole argument.
    BareGenerator(Expr),
    /// `*xs` (already a `Starred` node).
    Star(Expr),
    Keyword(Keyword),
    /// `**m` (a keyword with no name).
    DoubleStar(Keyword),
}

/// One entry of a parameter list, before validation.
pub enum ParamItem {
    /// A named parameter, possibly with a default.
    Plain(Param),
    /// `/` at this offset.
    Slash(usize),
    /// `*args`, or a bare `*` (None), at this offset.
    Star(usize, Option<Param>),
    /// `**kwargs` at this offset.
    DoubleStar(usize, Param),
}
