//! What the grammar actions call: nodes (built through `state.rs`, which
//! limits their depth), statements, and string literals. The checks of
//! targets, arguments and parameters are in `checks.rs`.

use lalrpop_util::ParseError;

use super::ast::*;
use super::checks::{expr_name, ArgItem, TargetCtx};
use super::error::PErr;
use super::fstring;
use super::state::{error, span, PResult, State, Tier};
use super::strings::{decode_bytes, decode_str};
use super::token::{StrKind, StrTok};

/// `[*a for a in b]`
pub const STAR_IN_COMP: &str = "iterable unpacking cannot be used in comprehension";

impl State<'_> {
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

    /// `func(...)` whose `(` is at `lpar`.
    pub fn call(
        &self,
        l: usize,
        lpar: usize,
        r: usize,
        func: Expr,
        items: Option<Vec<ArgItem>>,
    ) -> PResult<Expr> {
        let (args, keywords) = self.split_args(lpar, r, items.unwrap_or_default())?;
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

    pub fn lambda(&self, l: usize, r: usize, params: Option<Params>, body: Expr) -> PResult<Expr> {
        let params = params.unwrap_or_default();
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
        self.check_target(&target, TargetCtx::For, false)?;
        Ok(Comprehension {
            target,
            iter,
            ifs,
            is_async: false,
        })
    }

    /// Adjacent string literals: one constant, or one f-string when any
    /// part is an f-string. Escapes are decoded here.
    pub fn strings(&self, l: usize, r: usize, toks: Vec<StrTok>) -> PResult<Expr> {
        // CPython reports these errors at the token after the strings.
        let fail = |msg: String| ParseError::User {
            error: PErr::syntax(msg, r).at_next_token(),
        };
        let bytes = toks.iter().filter(|t| t.kind == StrKind::Bytes).count();
        if bytes > 0 && bytes < toks.len() {
            return Err(fail("cannot mix bytes and nonbytes literals".into()));
        }
        let text = |t: &StrTok| &self.src[t.content.0..t.content.1];
        if bytes > 0 {
            let mut out = Vec::new();
            for t in &toks {
                out.extend(decode_bytes(text(t), t.raw).map_err(fail)?);
            }
            return Ok(self.constant(l, r, Constant::Bytes(out)));
        }
        if toks.iter().all(|t| t.kind == StrKind::Str) {
            let mut out = String::new();
            for t in &toks {
                out.push_str(&decode_str(text(t), t.raw).map_err(fail)?);
            }
            return Ok(self.constant(l, r, Constant::Str(out)));
        }
        let mut parts = Vec::new();
        for t in &toks {
            if t.kind == StrKind::FStr {
                fstring::parse(self, t.content, t.raw, r, &mut parts)
                    .map_err(|error| ParseError::User { error })?;
            } else {
                let s = decode_str(text(t), t.raw).map_err(fail)?;
                fstring::push_literal(&mut parts, s);
            }
        }
        self.expr(l, r, ExprKind::FString(parts))
    }

    // ---- statements ----

    pub fn expr_stmt(&self, l: usize, r: usize, e: Expr) -> PResult<Stmt> {
        let e = self.no_bare_star(e);
        self.stmt(l, r, StmtKind::Expr(e))
    }

    /// `t1 = t2 = value`: `rest` holds everything after the first `=`.
    pub fn assign(&self, l: usize, r: usize, first: Expr, mut rest: Vec<Expr>) -> PResult<Stmt> {
        let value = rest.pop().expect("at least one '='");
        let mut targets = Vec::with_capacity(rest.len() + 1);
        targets.push(first);
        targets.extend(rest);
        self.check_assign_targets(&targets, &value)?;
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
        self.check_target(&target, TargetCtx::Assign, false)?;
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
                self.check_target(&target, TargetCtx::Assign, false)?
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
            self.check_target(t, TargetCtx::Del, false)?;
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
        if let Some(first) = handlers.first() {
            if let Some(h) = handlers.iter().find(|h| h.star != first.star) {
                return Err(error(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    h.span.start as usize,
                ));
            }
        }
        if let Some(pos) = handlers.iter().position(|h| h.typ.is_none()) {
            if pos + 1 < handlers.len() {
                self.defer(
                    Tier::Compiler,
                    "default 'except:' must be last",
                    handlers[pos].span.start as usize,
                );
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
        star: bool,
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
            star,
        }
    }

    pub fn with_item(&self, context: Expr, target: Option<Expr>) -> PResult<WithItem> {
        if let Some(t) = &target {
            self.check_target(t, TargetCtx::Assign, false)?;
        }
        Ok(WithItem { context, target })
    }

    pub fn function(
        &self,
        l: usize,
        name: String,
        params: Option<Params>,
        returns: Option<Expr>,
        body: Vec<Stmt>,
    ) -> PResult<Stmt> {
        let params = params.unwrap_or_default();
        let end = last_end(&body).unwrap_or(l);
        self.stmt(
            l,
            end,
            StmtKind::FunctionDef(Box::new(FunctionDef {
                name,
                params,
                returns,
                body,
                decorators: Vec::new(),
                is_async: false,
            })),
        )
    }

    pub fn class(
        &self,
        l: usize,
        name: String,
        args: Option<(Vec<Expr>, Vec<Keyword>)>,
        body: Vec<Stmt>,
    ) -> PResult<Stmt> {
        let (bases, keywords) = args.unwrap_or_default();
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

    /// `async def`, `async for`, `async with`: the statement, marked, and
    /// starting at `async`.
    pub fn make_async(&self, l: usize, s: Stmt) -> PResult<Stmt> {
        let r = s.span.end as usize;
        let kind = match s.kind {
            StmtKind::FunctionDef(mut f) => {
                f.is_async = true;
                StmtKind::FunctionDef(f)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: true,
            },
            StmtKind::With { items, body, .. } => StmtKind::With {
                items,
                body,
                is_async: true,
            },
            other => other,
        };
        self.stmt(l, r, kind)
    }
}

fn last_end(body: &[Stmt]) -> Option<usize> {
    body.last().map(|s| s.span.end as usize)
}
