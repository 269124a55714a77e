//! Direct children of AST nodes, for the depth computation. Not recursive.

use super::ast::*;

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
        ExprKind::Starred(e) | ExprKind::YieldFrom(e) | ExprKind::Await(e) => f(e),
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
            ..
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
            def.returns.iter().for_each(&mut *fe);
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
        StmtKind::With { items, body, .. } => {
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
        StmtKind::Match { subject, cases } => {
            fe(subject);
            for case in cases {
                pattern_exprs(&case.pattern, fe);
                if let Some(g) = &case.guard {
                    fe(g);
                }
                case.body.iter().for_each(&mut *fs);
            }
        }
    }
}

/// Calls `f` on each expression inside a pattern (values, keys, classes).
/// Recursive: patterns nest only inside brackets, which the tokenizer
/// limits.
pub fn pattern_exprs<'a>(p: &'a Pattern, f: &mut dyn FnMut(&'a Expr)) {
    match &p.kind {
        PatternKind::Value(e) => f(e),
        PatternKind::Singleton(_) | PatternKind::Star(_) => {}
        PatternKind::Sequence(items) | PatternKind::Or(items) => {
            items.iter().for_each(|q| pattern_exprs(q, f))
        }
        PatternKind::Mapping { keys, patterns, .. } => {
            keys.iter().for_each(&mut *f);
            patterns.iter().for_each(|q| pattern_exprs(q, f));
        }
        PatternKind::Class {
            cls,
            patterns,
            kwd_patterns,
            ..
        } => {
            f(cls);
            patterns
                .iter()
                .chain(kwd_patterns)
                .for_each(|q| pattern_exprs(q, f));
        }
        PatternKind::As { pattern, .. } => {
            if let Some(q) = pattern {
                pattern_exprs(q, f);
            }
        }
    }
}
