//! What the grammar actions call: node construction (with a nesting-depth
//! limit), checks of assignment targets, call arguments and parameter
//! lists, and string concatenation.
//!
//! Depth: every composite node is built through [`State::expr`] or
//! [`State::stmt`], which record its depth (keyed by span) and fail beyond
//! [`MAX_AST_DEPTH`]. So no tree deeper than that is ever built, and code
//! that recurses over the AST (ours, the compiler's, `Drop`) stays shallow.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

use lalrpop_util::ParseError;

use super::ast::*;
use super::fstring;
use super::lexer::PErr;
use super::token::{StrKind, StrTok, StrValue, Tok};

/// The deepest AST accepted (statements and expressions together).
pub const MAX_AST_DEPTH: u32 = 1000;

pub type PError = ParseError<usize, Tok, PErr>;
pub type PResult<T> = Result<T, PError>;

/// What the grammar's start symbol produces.
pub enum Top {
    Module(Vec<Stmt>),
    Expr(Expr),
}

pub fn error(msg: impl Into<String>, offset: usize) -> PError {
    ParseError::User {
        error: PErr::syntax(msg, offset),
    }
}

pub fn span(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

/// Shared by the grammar actions of one parse (and of the f-string
/// expressions parsed inside it).
pub struct State<'s> {
    /// The whole source text; every offset points into it.
    pub src: &'s str,
    /// Depth of composite nodes, by (start, end, is_statement). Nodes with
    /// equal spans are nested, and the outer one is recorded last, so a
    /// lookup never underestimates.
    depths: RefCell<HashMap<(u32, u32, bool), u32>>,
    /// How many f-strings enclose the text being parsed.
    pub fstring_nesting: Cell<usize>,
}

impl<'s> State<'s> {
    pub fn new(src: &'s str) -> State<'s> {
        State {
            src,
            depths: RefCell::new(HashMap::new()),
            fstring_nesting: Cell::new(0),
        }
    }

    /// Builds an expression node, enforcing the depth limit.
    pub fn expr(&self, l: usize, r: usize, kind: ExprKind) -> PResult<Expr> {
        let mut depth = 0;
        expr_children(&kind, &mut |child| {
            depth = depth.max(self.expr_depth(child))
        });
        let depth = depth + 1;
        if depth > MAX_AST_DEPTH {
            return Err(error("expression too deeply nested", l));
        }
        if depth > 1 {
            self.depths
                .borrow_mut()
                .insert((l as u32, r as u32, false), depth);
        }
        Ok(Expr {
            span: span(l, r),
            kind,
        })
    }

    /// Builds a statement node, enforcing the depth limit.
    pub fn stmt(&self, l: usize, r: usize, kind: StmtKind) -> PResult<Stmt> {
        let depth = Cell::new(0);
        stmt_children(
            &kind,
            &mut |e| depth.set(depth.get().max(self.expr_depth(e))),
            &mut |s| depth.set(depth.get().max(self.stmt_depth(s))),
        );
        let depth = depth.get() + 1;
        if depth > MAX_AST_DEPTH {
            return Err(error("too many nested blocks and expressions", l));
        }
        self.depths
            .borrow_mut()
            .insert((l as u32, r as u32, true), depth);
        Ok(Stmt {
            span: span(l, r),
            kind,
        })
    }

    fn expr_depth(&self, e: &Expr) -> u32 {
        let recorded = self
            .depths
            .borrow()
            .get(&(e.span.start, e.span.end, false))
            .copied();
        recorded.unwrap_or_else(|| {
            // Leaves are not recorded; neither are nodes built elsewhere,
            // which are small.
            let mut depth = 0;
            expr_children(&e.kind, &mut |child| {
                depth = depth.max(self.expr_depth(child))
            });
            depth + 1
        })
    }

    fn stmt_depth(&self, s: &Stmt) -> u32 {
        let recorded = self
            .depths
            .borrow()
            .get(&(s.span.start, s.span.end, true))
            .copied();
        recorded.unwrap_or(1)
    }

    pub fn name(&self, l: usize, r: usize, name: String) -> Expr {
        Expr {
            span: span(l, r),
            kind: ExprKind::Name(name),
        }
    }

    pub fn constant(&self, l: usize, r: usize, c: Constant) -> Expr {
        Expr {
            span: span(l, r),
            kind: ExprKind::Constant(c),
        }
    }

    pub fn binop(&self, l: usize, r: usize, left: Expr, op: BinOp, right: Expr) -> PResult<Expr> {
        self.expr(
            l,
            r,
            ExprKind::BinOp {
                left: Box::new(left),
                op,
                right: Box::new(right),
            },
        )
    }

    pub fn unary(&self, l: usize, r: usize, op: UnaryOp, operand: Expr) -> PResult<Expr> {
        self.expr(
            l,
            r,
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
        )
    }

    pub fn boolop(
        &self,
        l: usize,
        r: usize,
        op: BoolOp,
        first: Expr,
        rest: Vec<Expr>,
    ) -> PResult<Expr> {
        let mut values = Vec::with_capacity(rest.len() + 1);
        values.push(first);
        values.extend(rest);
        self.expr(l, r, ExprKind::BoolOp { op, values })
    }

    pub fn compare(
        &self,
        l: usize,
        r: usize,
        left: Expr,
        rest: Vec<(CmpOp, Expr)>,
    ) -> PResult<Expr> {
        let (ops, comparators) = rest.into_iter().unzip();
        self.expr(
            l,
            r,
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
        )
    }

    pub fn starred(&self, l: usize, r: usize, value: Expr) -> PResult<Expr> {
        self.expr(l, r, ExprKind::Starred(Box::new(value)))
    }

    /// `a, b` (a tuple) or `a` (itself), from a comma list and whether it
    /// ended with a comma.
    pub fn tuple_or_single(
        &self,
        l: usize,
        r: usize,
        (mut items, trailing): (Vec<Expr>, bool),
    ) -> PResult<Expr> {
        if items.len() == 1 && !trailing {
            return Ok(items.pop().expect("one item"));
        }
        self.expr(l, r, ExprKind::Tuple(items))
    }

    /// `(...)`: a parenthesised expression or a tuple (whose span then
    /// includes the parentheses).
    pub fn paren(
        &self,
        l: usize,
        r: usize,
        (mut items, trailing): (Vec<Expr>, bool),
    ) -> PResult<Expr> {
        if items.len() == 1 && !trailing {
            let e = items.pop().expect("one item");
            if matches!(e.kind, ExprKind::Starred(_)) {
                return Err(error(
                    "cannot use starred expression here",
                    e.span.start as usize,
                ));
            }
            return Ok(e);
        }
        self.expr(l, r, ExprKind::Tuple(items))
    }

    /// The index of `a[...]`: a tuple when there are commas (or a lone
    /// starred item, as in `a[*b]`).
    pub fn subscript_index(
        &self,
        l: usize,
        r: usize,
        (mut items, trailing): (Vec<Expr>, bool),
    ) -> PResult<Expr> {
        if items.len() == 1 && !trailing && !matches!(items[0].kind, ExprKind::Starred(_)) {
            return Ok(items.pop().expect("one item"));
        }
        self.expr(l, r, ExprKind::Tuple(items))
    }

    pub fn slice(
        &self,
        l: usize,
        r: usize,
        lower: Option<Expr>,
        upper: Option<Expr>,
        step: Option<Option<Expr>>,
    ) -> PResult<Expr> {
        self.expr(
            l,
            r,
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper: upper.map(Box::new),
                step: step.flatten().map(Box::new),
            },
        )
    }

    pub fn call(
        &self,
        l: usize,
        r: usize,
        func: Expr,
        items: Option<Vec<ArgItem>>,
    ) -> PResult<Expr> {
        let (args, keywords) = split_args(items.unwrap_or_default())?;
        self.expr(
            l,
            r,
            ExprKind::Call {
                func: Box::new(func),
                args,
                keywords,
            },
        )
    }

    pub fn lambda(
        &self,
        l: usize,
        r: usize,
        params: Option<Vec<ParamItem>>,
        body: Expr,
    ) -> PResult<Expr> {
        let params = build_params(params.unwrap_or_default())?;
        self.expr(
            l,
            r,
            ExprKind::Lambda {
                params: Box::new(params),
                body: Box::new(body),
            },
        )
    }

    pub fn comprehension(
        &self,
        target: Expr,
        iter: Expr,
        ifs: Vec<Expr>,
    ) -> PResult<Comprehension> {
        check_target(&target, TargetCtx::For)?;
        Ok(Comprehension { target, iter, ifs })
    }

    /// Adjacent string literals: one constant, or one f-string when any
    /// part is an f-string.
    pub fn strings(&self, l: usize, r: usize, toks: Vec<StrTok>) -> PResult<Expr> {
        let bytes = toks.iter().filter(|t| t.kind == StrKind::Bytes).count();
        if bytes > 0 && bytes < toks.len() {
            return Err(error("cannot mix bytes and nonbytes literals", l));
        }
        if bytes > 0 {
            let mut out = Vec::new();
            for t in toks {
                if let StrValue::Bytes(b) = t.value {
                    out.extend(b);
                }
            }
            return Ok(self.constant(l, r, Constant::Bytes(out)));
        }
        if toks.iter().all(|t| t.kind == StrKind::Str) {
            let mut out = String::new();
            for t in toks {
                if let StrValue::Str(s) = t.value {
                    out.push_str(&s);
                }
            }
            return Ok(self.constant(l, r, Constant::Str(out)));
        }
        let mut parts = Vec::new();
        for t in toks {
            match t.value {
                StrValue::Str(s) => fstring::push_literal(&mut parts, s),
                StrValue::FStr => fstring::parse(self, t.content, t.raw, &mut parts)
                    .map_err(|error| ParseError::User { error })?,
                StrValue::Bytes(_) => unreachable!("bytes handled above"),
            }
        }
        self.expr(l, r, ExprKind::FString(parts))
    }

    // ---- statements ----

    pub fn expr_stmt(&self, l: usize, r: usize, e: Expr) -> PResult<Stmt> {
        let e = no_bare_star(e)?;
        self.stmt(l, r, StmtKind::Expr(e))
    }

    /// `t1 = t2 = value`: `rest` holds everything after the first `=`.
    pub fn assign(&self, l: usize, r: usize, first: Expr, mut rest: Vec<Expr>) -> PResult<Stmt> {
        let value = rest.pop().expect("at least one '='");
        let mut targets = Vec::with_capacity(rest.len() + 1);
        targets.push(first);
        targets.extend(rest);
        for t in &targets {
            check_target(t, TargetCtx::Assign)?;
        }
        self.stmt(l, r, StmtKind::Assign { targets, value })
    }

    pub fn aug_assign(
        &self,
        l: usize,
        r: usize,
        target: Expr,
        op: BinOp,
        value: Expr,
    ) -> PResult<Stmt> {
        if !matches!(
            target.kind,
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
        ) {
            return Err(error(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&target)
                ),
                target.span.start as usize,
            ));
        }
        check_target(&target, TargetCtx::Assign)?;
        self.stmt(l, r, StmtKind::AugAssign { target, op, value })
    }

    pub fn ann_assign(
        &self,
        l: usize,
        r: usize,
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    ) -> PResult<Stmt> {
        let at = target.span.start as usize;
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                check_target(&target, TargetCtx::Assign)?
            }
            ExprKind::Tuple(_) => {
                return Err(error("only single target (not tuple) can be annotated", at))
            }
            ExprKind::List(_) => {
                return Err(error("only single target (not list) can be annotated", at))
            }
            _ => return Err(error("illegal target for annotation", at)),
        }
        self.stmt(
            l,
            r,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            },
        )
    }

    /// `del a, (b, [c])` deletes a, b and c in order: nested tuples and
    /// lists are flattened so the compiler only sees simple targets.
    pub fn delete(&self, l: usize, r: usize, (items, _): (Vec<Expr>, bool)) -> PResult<Stmt> {
        fn flatten(e: Expr, out: &mut Vec<Expr>) {
            match e.kind {
                ExprKind::Tuple(items) | ExprKind::List(items) => {
                    items.into_iter().for_each(|i| flatten(i, out))
                }
                _ => out.push(e),
            }
        }
        for t in &items {
            check_target(t, TargetCtx::Del)?;
        }
        let mut targets = Vec::new();
        items.into_iter().for_each(|i| flatten(i, &mut targets));
        self.stmt(l, r, StmtKind::Delete(targets))
    }

    /// `if`/`elif`/`else`: the `elif`s become nested `If`s in `orelse`.
    pub fn if_stmt(
        &self,
        l: usize,
        test: Expr,
        body: Vec<Stmt>,
        elifs: Vec<(usize, Expr, Vec<Stmt>)>,
        orelse: Option<Vec<Stmt>>,
    ) -> PResult<Stmt> {
        let mut orelse = orelse.unwrap_or_default();
        let end = last_end(&orelse)
            .or_else(|| elifs.last().and_then(|(_, _, b)| last_end(b)))
            .or_else(|| last_end(&body))
            .unwrap_or(l);
        for (at, test, body) in elifs.into_iter().rev() {
            let nested = self.stmt(at, end, StmtKind::If { test, body, orelse })?;
            orelse = vec![nested];
        }
        self.stmt(l, end, StmtKind::If { test, body, orelse })
    }

    pub fn try_stmt(
        &self,
        l: usize,
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Option<Vec<Stmt>>,
        finalbody: Option<Vec<Stmt>>,
    ) -> PResult<Stmt> {
        if let Some(pos) = handlers.iter().position(|h| h.typ.is_none()) {
            if pos + 1 < handlers.len() {
                return Err(error(
                    "default 'except:' must be last",
                    handlers[pos].span.start as usize,
                ));
            }
        }
        let orelse = orelse.unwrap_or_default();
        let finalbody = finalbody.unwrap_or_default();
        let end = last_end(&finalbody)
            .or_else(|| last_end(&orelse))
            .or_else(|| handlers.last().map(|h| h.span.end as usize))
            .or_else(|| last_end(&body))
            .unwrap_or(l);
        self.stmt(
            l,
            end,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
        )
    }

    pub fn handler(
        &self,
        l: usize,
        typ: Option<(Expr, Option<String>)>,
        body: Vec<Stmt>,
    ) -> ExceptHandler {
        let end = last_end(&body).unwrap_or(l);
        let (typ, name) = match typ {
            Some((t, n)) => (Some(t), n),
            None => (None, None),
        };
        // No depth record of its own: `try` counts the handler's parts.
        ExceptHandler {
            span: span(l, end),
            typ,
            name,
            body,
        }
    }

    pub fn with_item(&self, context: Expr, target: Option<Expr>) -> PResult<WithItem> {
        if let Some(t) = &target {
            check_target(t, TargetCtx::Assign)?;
        }
        Ok(WithItem { context, target })
    }

    pub fn function(
        &self,
        l: usize,
        name: String,
        params: Option<Vec<ParamItem>>,
        body: Vec<Stmt>,
    ) -> PResult<Stmt> {
        let params = build_params(params.unwrap_or_default())?;
        let end = last_end(&body).unwrap_or(l);
        self.stmt(
            l,
            end,
            StmtKind::FunctionDef(Box::new(FunctionDef {
                name,
                params,
                body,
                decorators: Vec::new(),
            })),
        )
    }

    pub fn class(
        &self,
        l: usize,
        name: String,
        args: Option<Option<Vec<ArgItem>>>,
        body: Vec<Stmt>,
    ) -> PResult<Stmt> {
        let (bases, keywords) = split_args(args.flatten().unwrap_or_default())?;
        let end = last_end(&body).unwrap_or(l);
        self.stmt(
            l,
            end,
            StmtKind::ClassDef(Box::new(ClassDef {
                name,
                bases,
                keywords,
                body,
                decorators: Vec::new(),
            })),
        )
    }

    /// Puts decorators on a `def` or `class`, rebuilding the node so its
    /// depth counts them.
    pub fn decorate(&self, decorators: Vec<Expr>, def: Stmt) -> PResult<Stmt> {
        let (l, r) = (def.span.start as usize, def.span.end as usize);
        let kind = match def.kind {
            StmtKind::FunctionDef(mut f) => {
                f.decorators = decorators;
                StmtKind::FunctionDef(f)
            }
            StmtKind::ClassDef(mut c) => {
                c.decorators = decorators;
                StmtKind::ClassDef(c)
            }
            other => other,
        };
        self.stmt(l, r, kind)
    }
}

fn last_end(body: &[Stmt]) -> Option<usize> {
    body.last().map(|s| s.span.end as usize)
}

/// A bare `*x` is only allowed inside a display, a call or a target list.
pub fn no_bare_star(e: Expr) -> PResult<Expr> {
    if matches!(e.kind, ExprKind::Starred(_)) {
        return Err(error(
            "can't use starred expression here",
            e.span.start as usize,
        ));
    }
    Ok(e)
}

// ---- assignment targets ----

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetCtx {
    /// `=`, `with ... as`, named targets of augmented assignment.
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
fn invalid_target(e: &Expr, ctx: TargetCtx) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::List(items) | ExprKind::Tuple(items) => {
            items.iter().find_map(|item| invalid_target(item, ctx))
        }
        ExprKind::Starred(inner) if ctx != TargetCtx::Del => invalid_target(inner, ctx),
        _ => Some(e),
    }
}

/// Checks that `e` can be assigned to (or deleted), with CPython's messages.
pub fn check_target(e: &Expr, ctx: TargetCtx) -> PResult<()> {
    if let Some(bad) = invalid_target(e, ctx) {
        let name = expr_name(bad);
        let msg = match (ctx, name) {
            (TargetCtx::Del, _) => format!("cannot delete {name}"),
            (_, "None" | "True" | "False") => format!("cannot assign to {name}"),
            _ => format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?"),
        };
        return Err(error(msg, bad.span.start as usize));
    }
    if ctx != TargetCtx::Del {
        if let ExprKind::Starred(_) = e.kind {
            return Err(error(
                "starred assignment target must be in a list or tuple",
                e.span.start as usize,
            ));
        }
        check_target_names(e)?;
    }
    Ok(())
}

/// `__debug__` cannot be assigned; at most one starred item per level.
fn check_target_names(e: &Expr) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(n) if n == "__debug__" => {
            Err(error("cannot assign to __debug__", e.span.start as usize))
        }
        ExprKind::List(items) | ExprKind::Tuple(items) => {
            let stars = items
                .iter()
                .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                .count();
            if stars > 1 {
                return Err(error(
                    "multiple starred expressions in assignment",
                    e.span.start as usize,
                ));
            }
            items.iter().try_for_each(check_target_names)
        }
        ExprKind::Starred(inner) => check_target_names(inner),
        _ => Ok(()),
    }
}

// ---- call arguments ----

/// One argument of a call or class header, before validation.
pub enum ArgItem {
    Positional(Expr),
    /// `*xs` (already a `Starred` node).
    Star(Expr),
    Keyword(Keyword),
    /// `**m` (a keyword with no name).
    DoubleStar(Keyword),
    /// `f(x for x in y)`: only valid as the sole argument.
    Generator(Expr),
}

/// Splits call arguments into positional ones and keywords, with CPython's
/// ordering rules.
pub fn split_args(items: Vec<ArgItem>) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
    let count = items.len();
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    let mut names = HashSet::new();
    for item in items {
        match item {
            ArgItem::Positional(e) | ArgItem::Generator(e) => {
                let at = e.span.start as usize;
                if matches!(e.kind, ExprKind::GeneratorExp { .. }) && count > 1 {
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
                    return Err(error(
                        format!("keyword argument repeated: {name}"),
                        k.span.start as usize,
                    ));
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

// ---- parameters ----

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

/// Sorts parameter list entries into [`Params`], with CPython's checks.
pub fn build_params(items: Vec<ParamItem>) -> PResult<Params> {
    let mut params = Params::default();
    let mut star_at = None;
    let mut seen_slash = false;
    let mut seen_default = false;
    let mut seen_kwarg = false;
    let mut names = HashSet::new();
    let mut check_name = |p: &Param| -> PResult<()> {
        if !names.insert(p.name.clone()) {
            return Err(error(
                format!("duplicate argument '{}' in function definition", p.name),
                p.span.start as usize,
            ));
        }
        Ok(())
    };
    for item in items {
        if seen_kwarg {
            let at = match &item {
                ParamItem::Plain(p) => p.span.start as usize,
                ParamItem::Slash(at) | ParamItem::Star(at, _) | ParamItem::DoubleStar(at, _) => *at,
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
                    check_name(p)?;
                }
                params.vararg = p;
            }
            ParamItem::DoubleStar(_, p) => {
                check_name(&p)?;
                seen_kwarg = true;
                params.kwarg = Some(p);
            }
            ParamItem::Plain(p) => {
                check_name(&p)?;
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

// ---- children, for depth ----

fn params_children<'a>(p: &'a Params, f: &mut dyn FnMut(&'a Expr)) {
    let all = p
        .posonly
        .iter()
        .chain(&p.args)
        .chain(&p.vararg)
        .chain(&p.kwonly)
        .chain(&p.kwarg);
    for param in all {
        if let Some(a) = &param.annotation {
            f(a);
        }
        if let Some(d) = &param.default {
            f(d);
        }
    }
}

fn comprehension_children<'a>(gens: &'a [Comprehension], f: &mut dyn FnMut(&'a Expr)) {
    for g in gens {
        f(&g.target);
        f(&g.iter);
        g.ifs.iter().for_each(&mut *f);
    }
}

fn fstring_children<'a>(parts: &'a [FStringPart], f: &mut dyn FnMut(&'a Expr)) {
    for part in parts {
        if let FStringPart::Value { expr, spec, .. } = part {
            f(expr);
            if let Some(spec) = spec {
                // Specs nest at most twice, so this recursion is shallow.
                fstring_children(spec, f);
            }
        }
    }
}

/// Calls `f` on each direct sub-expression.
pub fn expr_children<'a>(kind: &'a ExprKind, f: &mut dyn FnMut(&'a Expr)) {
    match kind {
        ExprKind::Name(_) | ExprKind::Constant(_) => {}
        ExprKind::FString(parts) => fstring_children(parts, f),
        ExprKind::BoolOp { values, .. } => values.iter().for_each(f),
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right);
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            f(left);
            comparators.iter().for_each(f);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            f(func);
            args.iter().for_each(&mut *f);
            keywords.iter().for_each(|k| f(&k.value));
        }
        ExprKind::Attribute { value, .. } => f(value),
        ExprKind::Subscript { value, index } => {
            f(value);
            f(index);
        }
        ExprKind::Slice { lower, upper, step } => {
            for e in [lower, upper, step].into_iter().flatten() {
                f(e);
            }
        }
        ExprKind::Starred(e) | ExprKind::YieldFrom(e) => f(e),
        ExprKind::Yield(e) => {
            if let Some(e) = e {
                f(e);
            }
        }
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
            items.iter().for_each(f)
        }
        ExprKind::Dict(items) => {
            for (k, v) in items {
                if let Some(k) = k {
                    f(k);
                }
                f(v);
            }
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            f(elt);
            comprehension_children(generators, f);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            f(key);
            f(value);
            comprehension_children(generators, f);
        }
        ExprKind::Lambda { params, body } => {
            params_children(params, f);
            f(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse);
        }
        ExprKind::NamedExpr { value, .. } => f(value),
    }
}

/// Calls `fe` on each direct sub-expression and `fs` on each directly
/// nested statement.
pub fn stmt_children<'a>(
    kind: &'a StmtKind,
    fe: &mut dyn FnMut(&'a Expr),
    fs: &mut dyn FnMut(&'a Stmt),
) {
    match kind {
        StmtKind::Expr(e) => fe(e),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(&mut *fe);
            fe(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            fe(target);
            fe(value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            fe(target);
            fe(annotation);
            if let Some(v) = value {
                fe(v);
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            fe(test);
            body.iter().chain(orelse).for_each(fs);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            fe(target);
            fe(iter);
            body.iter().chain(orelse).for_each(fs);
        }
        StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => {}
        StmtKind::Return(e) => {
            if let Some(e) = e {
                fe(e);
            }
        }
        StmtKind::FunctionDef(def) => {
            def.decorators.iter().for_each(&mut *fe);
            params_children(&def.params, fe);
            def.body.iter().for_each(fs);
        }
        StmtKind::ClassDef(class) => {
            class.decorators.iter().for_each(&mut *fe);
            class.bases.iter().for_each(&mut *fe);
            class.keywords.iter().for_each(|k| fe(&k.value));
            class.body.iter().for_each(fs);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            for h in handlers {
                if let Some(t) = &h.typ {
                    fe(t);
                }
                h.body.iter().for_each(&mut *fs);
            }
            body.iter().chain(orelse).chain(finalbody).for_each(fs);
        }
        StmtKind::Raise { exc, cause } => {
            for e in [exc, cause].into_iter().flatten() {
                fe(e);
            }
        }
        StmtKind::With { items, body } => {
            for item in items {
                fe(&item.context);
                if let Some(t) = &item.target {
                    fe(t);
                }
            }
            body.iter().for_each(fs);
        }
        StmtKind::Delete(targets) => targets.iter().for_each(fe),
        StmtKind::Assert { test, msg } => {
            fe(test);
            if let Some(m) = msg {
                fe(m);
            }
        }
    }
}
