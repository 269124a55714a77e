//! A compact S-expression rendering of the AST, so tests can state the
//! expected tree in one line.

use std::cell::Cell;

use crate::syntax::ast::*;

thread_local! {
    /// Render `f"{x=}"` as CPython's AST holds it: the text `x=` as a
    /// literal before the value.
    static CPYTHON_FSTRINGS: Cell<bool> = const { Cell::new(false) };
}

/// A statement rendered with f-strings as in CPython's AST.
pub fn stmt_cpython(s: &Stmt) -> String {
    CPYTHON_FSTRINGS.with(|c| c.set(true));
    let out = stmt(s);
    CPYTHON_FSTRINGS.with(|c| c.set(false));
    out
}

pub fn module(m: &Module) -> String {
    stmts(&m.body)
}

pub fn stmts(body: &[Stmt]) -> String {
    body.iter().map(stmt).collect::<Vec<_>>().join(" ")
}

fn block(body: &[Stmt]) -> String {
    format!("[{}]", stmts(body))
}

fn opt(e: &Option<Expr>) -> String {
    e.as_ref().map_or("_".to_string(), expr)
}

fn opt_box(e: &Option<Box<Expr>>) -> String {
    e.as_ref().map_or("_".to_string(), |e| expr(e))
}

fn list(items: &[Expr]) -> String {
    items.iter().map(expr).collect::<Vec<_>>().join(" ")
}

pub fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(e) => expr(e),
        StmtKind::Assign { targets, value } => {
            format!("(= {} {})", list(targets), expr(value))
        }
        StmtKind::AugAssign { target, op, value } => {
            format!("({:?}= {} {})", op, expr(target), expr(value))
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => format!("(: {} {} {})", expr(target), expr(annotation), opt(value)),
        StmtKind::If { test, body, orelse } => {
            format!("(if {} {} {})", expr(test), block(body), block(orelse))
        }
        StmtKind::While { test, body, orelse } => {
            format!("(while {} {} {})", expr(test), block(body), block(orelse))
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => format!(
            "(for {} {} {} {})",
            expr(target),
            expr(iter),
            block(body),
            block(orelse)
        ),
        StmtKind::Break => "break".into(),
        StmtKind::Continue => "continue".into(),
        StmtKind::Pass => "pass".into(),
        StmtKind::Return(e) => format!("(return {})", opt(e)),
        StmtKind::FunctionDef(f) => format!(
            "(def {} ({}) {}{})",
            f.name,
            params(&f.params),
            block(&f.body),
            decorators(&f.decorators)
        ),
        StmtKind::ClassDef(c) => {
            let kws: Vec<String> = c.keywords.iter().map(keyword).collect();
            format!(
                "(class {} ({}) ({}) {}{})",
                c.name,
                list(&c.bases),
                kws.join(" "),
                block(&c.body),
                decorators(&c.decorators)
            )
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let hs: Vec<String> = handlers
                .iter()
                .map(|h| {
                    format!(
                        "(except {} {} {})",
                        opt(&h.typ),
                        h.name.as_deref().unwrap_or("_"),
                        block(&h.body)
                    )
                })
                .collect();
            format!(
                "(try {} {} {} {})",
                block(body),
                hs.join(" "),
                block(orelse),
                block(finalbody)
            )
        }
        StmtKind::Raise { exc, cause } => format!("(raise {} {})", opt(exc), opt(cause)),
        StmtKind::With { items, body, .. } => {
            let its: Vec<String> = items
                .iter()
                .map(|i| format!("({} {})", expr(&i.context), opt(&i.target)))
                .collect();
            format!("(with {} {})", its.join(" "), block(body))
        }
        StmtKind::Global(names) => format!("(global {})", names.join(" ")),
        StmtKind::Nonlocal(names) => format!("(nonlocal {})", names.join(" ")),
        StmtKind::Delete(targets) => format!("(del {})", list(targets)),
        StmtKind::Assert { test, msg } => format!("(assert {} {})", expr(test), opt(msg)),
        StmtKind::Import(aliases) => format!("(import {})", alias_list(aliases)),
        StmtKind::ImportFrom { module, names } => {
            format!("(from {} {})", module, alias_list(names))
        }
        StmtKind::Match { subject, cases } => {
            let cases: Vec<String> = cases
                .iter()
                .map(|c| {
                    format!(
                        "(case {} {} {})",
                        pattern(&c.pattern),
                        opt(&c.guard),
                        block(&c.body)
                    )
                })
                .collect();
            format!("(match {} {})", expr(subject), cases.join(" "))
        }
    }
}

pub fn pattern(p: &Pattern) -> String {
    let all = |ps: &[Pattern]| ps.iter().map(pattern).collect::<Vec<_>>().join(" ");
    match &p.kind {
        PatternKind::Value(e) => format!("(== {})", expr(e)),
        PatternKind::Singleton(c) => format!(
            "(is {})",
            expr(&Expr {
                span: p.span,
                kind: ExprKind::Constant(c.clone()),
            })
        ),
        PatternKind::Sequence(items) => format!("(seq {})", all(items)),
        PatternKind::Mapping {
            keys,
            patterns,
            rest,
        } => {
            let mut items: Vec<String> = keys
                .iter()
                .zip(patterns)
                .map(|(k, v)| format!("{}:{}", expr(k), pattern(v)))
                .collect();
            if let Some(r) = rest {
                items.push(format!("**{r}"));
            }
            format!("(map {})", items.join(" "))
        }
        PatternKind::Class {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        } => {
            let mut items: Vec<String> = patterns.iter().map(pattern).collect();
            items.extend(
                kwd_attrs
                    .iter()
                    .zip(kwd_patterns)
                    .map(|(a, v)| format!("{a}={}", pattern(v))),
            );
            format!("(cls {} {})", expr(cls), items.join(" "))
        }
        PatternKind::Star(name) => format!("*{}", name.as_deref().unwrap_or("_")),
        PatternKind::As {
            pattern: None,
            name,
        } => name.clone().unwrap_or_else(|| "_".into()),
        PatternKind::As {
            pattern: Some(inner),
            name,
        } => format!("(as {} {})", pattern(inner), name.as_deref().unwrap_or("_")),
        PatternKind::Or(alts) => format!("(| {})", all(alts)),
    }
}

fn alias_list(aliases: &[Alias]) -> String {
    aliases
        .iter()
        .map(|a| match &a.asname {
            Some(n) => format!("{}:{}", a.name, n),
            None => a.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn decorators(d: &[Expr]) -> String {
    if d.is_empty() {
        String::new()
    } else {
        format!(" @[{}]", list(d))
    }
}

fn param(p: &Param) -> String {
    let mut s = p.name.clone();
    if let Some(a) = &p.annotation {
        s += &format!(":{}", expr(a));
    }
    if let Some(d) = &p.default {
        s += &format!("={}", expr(d));
    }
    s
}

pub fn params(p: &Params) -> String {
    let mut out = Vec::new();
    if !p.posonly.is_empty() {
        out.extend(p.posonly.iter().map(param));
        out.push("/".into());
    }
    out.extend(p.args.iter().map(param));
    match &p.vararg {
        Some(v) => out.push(format!("*{}", param(v))),
        None if !p.kwonly.is_empty() => out.push("*".into()),
        None => {}
    }
    out.extend(p.kwonly.iter().map(param));
    if let Some(k) = &p.kwarg {
        out.push(format!("**{}", param(k)));
    }
    out.join(" ")
}

fn keyword(k: &Keyword) -> String {
    match &k.arg {
        Some(a) => format!("{}={}", a, expr(&k.value)),
        None => format!("**{}", expr(&k.value)),
    }
}

fn generators(gens: &[Comprehension]) -> String {
    gens.iter()
        .map(|g| {
            let mut s = format!("for {} in {}", expr(&g.target), expr(&g.iter));
            for c in &g.ifs {
                s += &format!(" if {}", expr(c));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn fstring_parts(parts: &[FStringPart]) -> String {
    if CPYTHON_FSTRINGS.with(Cell::get) {
        return fstring_parts_cpython(parts);
    }
    parts
        .iter()
        .map(|p| match p {
            FStringPart::Literal(s) => format!("{s:?}"),
            FStringPart::Value {
                expr: e,
                conversion,
                spec,
                debug_text,
            } => {
                let mut s = format!("{{{}", expr(e));
                if let Some(c) = conversion {
                    s += &format!("!{c}");
                }
                if let Some(spec) = spec {
                    s += &format!(":{}", fstring_parts(spec));
                }
                if let Some(d) = debug_text {
                    s += &format!(" ={d:?}");
                }
                s + "}"
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::Constant(c) => match c {
            Constant::None => "None".into(),
            Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
            Constant::Int(i) => i.to_string(),
            Constant::Float(f) => format!("{f:?}"),
            Constant::Imaginary(f) => format!("{f:?}j"),
            Constant::Str(s) => format!("{s:?}"),
            Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
            Constant::Ellipsis => "...".into(),
        },
        ExprKind::FString(parts) => format!("(f {})", fstring_parts(parts)),
        ExprKind::BoolOp { op, values } => format!("({:?} {})", op, list(values)),
        ExprKind::BinOp { left, op, right } => {
            format!("({:?} {} {})", op, expr(left), expr(right))
        }
        ExprKind::UnaryOp { op, operand } => format!("({:?} {})", op, expr(operand)),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            let mut s = format!("(Compare {}", expr(left));
            for (op, c) in ops.iter().zip(comparators) {
                s += &format!(" {:?} {}", op, expr(c));
            }
            s + ")"
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let mut parts = vec![expr(func)];
            parts.extend(args.iter().map(expr));
            parts.extend(keywords.iter().map(keyword));
            format!("(Call {})", parts.join(" "))
        }
        ExprKind::Attribute { value, attr } => format!("(. {} {})", expr(value), attr),
        ExprKind::Subscript { value, index } => format!("([] {} {})", expr(value), expr(index)),
        ExprKind::Slice { lower, upper, step } => format!(
            "(Slice {} {} {})",
            opt_box(lower),
            opt_box(upper),
            opt_box(step)
        ),
        ExprKind::Starred(v) => format!("*{}", expr(v)),
        ExprKind::List(items) => format!("[{}]", list(items)),
        ExprKind::Tuple(items) => format!("(Tuple {})", list(items)),
        ExprKind::Set(items) => format!("{{{}}}", list(items)),
        ExprKind::Dict(items) => {
            let its: Vec<String> = items
                .iter()
                .map(|(k, v)| match k {
                    Some(k) => format!("{}:{}", expr(k), expr(v)),
                    None => format!("**{}", expr(v)),
                })
                .collect();
            format!("(Dict {})", its.join(" "))
        }
        ExprKind::ListComp { elt, generators: g } => {
            format!("(ListComp {} {})", expr(elt), generators(g))
        }
        ExprKind::SetComp { elt, generators: g } => {
            format!("(SetComp {} {})", expr(elt), generators(g))
        }
        ExprKind::GeneratorExp { elt, generators: g } => {
            format!("(GenExp {} {})", expr(elt), generators(g))
        }
        ExprKind::DictComp {
            key,
            value,
            generators: g,
        } => format!("(DictComp {}:{} {})", expr(key), expr(value), generators(g)),
        ExprKind::Lambda { params: p, body } => {
            format!("(Lambda ({}) {})", params(p), expr(body))
        }
        ExprKind::IfExp { test, body, orelse } => {
            format!("(IfExp {} {} {})", expr(test), expr(body), expr(orelse))
        }
        ExprKind::Yield(v) => format!("(Yield {})", opt_box(v)),
        ExprKind::YieldFrom(v) => format!("(YieldFrom {})", expr(v)),
        ExprKind::Await(v) => format!("(Await {})", expr(v)),
        ExprKind::NamedExpr { target, value } => format!("(:= {} {})", target, expr(value)),
    }
}

/// The parts with each debug text merged into the literal before it.
fn fstring_parts_cpython(parts: &[FStringPart]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut literal = String::new();
    for p in parts {
        match p {
            FStringPart::Literal(s) => literal.push_str(s),
            FStringPart::Value {
                expr: e,
                conversion,
                spec,
                debug_text,
            } => {
                if let Some(d) = debug_text {
                    literal.push_str(d);
                }
                if !literal.is_empty() {
                    out.push(format!("{:?}", std::mem::take(&mut literal)));
                }
                let mut s = format!("{{{}", expr(e));
                if let Some(c) = conversion {
                    s += &format!("!{c}");
                }
                if let Some(spec) = spec {
                    s += &format!(":{}", fstring_parts_cpython(spec));
                }
                out.push(s + "}");
            }
        }
    }
    if !literal.is_empty() {
        out.push(format!("{literal:?}"));
    }
    out.join(" ")
}
