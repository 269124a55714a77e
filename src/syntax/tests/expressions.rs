//! Expressions: precedence, atoms, displays, comprehensions, f-strings.

use super::{dump, p};
use crate::syntax::parse_expression;

/// Parses one expression with `parse_expression` and renders it.
fn x(src: &str) -> String {
    match parse_expression(src, "<test>") {
        Ok(e) => dump::expr(&e),
        Err(e) => panic!("unexpected error for {src:?}:\n{e}"),
    }
}

#[test]
fn precedence() {
    assert_eq!(x("-2**2"), "(Neg (Pow 2 2))");
    assert_eq!(x("2**-1"), "(Pow 2 (Neg 1))");
    assert_eq!(x("2**3**2"), "(Pow 2 (Pow 3 2))");
    assert_eq!(x("not a == b"), "(Not (Compare a Eq b))");
    assert_eq!(x("a < b < c"), "(Compare a Lt b Lt c)");
    assert_eq!(x("a is not b"), "(Compare a IsNot b)");
    assert_eq!(x("a not in b in c"), "(Compare a NotIn b In c)");
    assert_eq!(x("1 + 2 * 3 - 4"), "(Sub (Add 1 (Mul 2 3)) 4)");
    assert_eq!(
        x("a | b ^ c & d << e + f"),
        "(BitOr a (BitXor b (BitAnd c (LShift d (Add e f)))))"
    );
    assert_eq!(
        x("a // b % c @ d / e"),
        "(Div (MatMul (Mod (FloorDiv a b) c) d) e)"
    );
    assert_eq!(x("~-+a"), "(Invert (Neg (Pos a)))");
    assert_eq!(x("a or b and not c or d"), "(Or a (And b (Not c)) d)");
    assert_eq!(x("a and b and c"), "(And a b c)");
    assert_eq!(x("a if b else c if d else e"), "(IfExp b a (IfExp d c e))");
    assert_eq!(x("lambda: a if b else c"), "(Lambda () (IfExp b a c))");
    assert_eq!(
        x("-x.y(1)[2] ** 2"),
        "(Neg (Pow ([] (Call (. x y) 1) 2) 2))"
    );
    assert_eq!(x("a, b"), "(Tuple a b)");
}

#[test]
fn atoms() {
    assert_eq!(x("None, True, False, ..."), "(Tuple None True False ...)");
    assert_eq!(x("1.5, 10**100"), "(Tuple 1.5 (Pow 10 100))");
    assert_eq!(x("'a' 'b'  \"c\""), "\"abc\"");
    assert_eq!(x("b'a' b'b'"), "b\"ab\"");
    assert_eq!(x("()"), "(Tuple )");
    assert_eq!(x("(1,)"), "(Tuple 1)");
    assert_eq!(x("(1)"), "1");
    assert_eq!(x("((a, b),)"), "(Tuple (Tuple a b))");
    assert_eq!(x("[]"), "[]");
    assert_eq!(x("[1, *a, *b,]"), "[1 *a *b]");
    assert_eq!(x("{}"), "(Dict )");
    assert_eq!(x("{1: 2, **m, 3: 4}"), "(Dict 1:2 **m 3:4)");
    assert_eq!(x("{1, *s}"), "{1 *s}");
    assert_eq!(x("(yield)"), "(Yield _)");
    assert_eq!(x("(x := 5)"), "(:= x 5)");
}

#[test]
fn comprehensions() {
    assert_eq!(x("[x for x in y]"), "(ListComp x for x in y)");
    assert_eq!(
        x("[(a, b) for a, b in z if a if b for c in a]"),
        "(ListComp (Tuple a b) for (Tuple a b) in z if a if b for c in a)"
    );
    assert_eq!(x("{x for x in y}"), "(SetComp x for x in y)");
    assert_eq!(
        x("{k: v for k, v in d}"),
        "(DictComp k:v for (Tuple k v) in d)"
    );
    assert_eq!(x("(x for x in y)"), "(GenExp x for x in y)");
    assert_eq!(x("sum(x for x in y)"), "(Call sum (GenExp x for x in y))");
    assert_eq!(
        x("next((x for x in y), 0)"),
        "(Call next (GenExp x for x in y) 0)"
    );
    assert_eq!(
        x("[a if b else c for d in e if f]"),
        "(ListComp (IfExp b a c) for d in e if f)"
    );
    assert_eq!(
        x("[x for *a, b in y]"),
        "(ListComp x for (Tuple *a b) in y)"
    );
}

#[test]
fn calls_and_subscripts() {
    assert_eq!(x("f()"), "(Call f)");
    assert_eq!(x("f(a, b,)"), "(Call f a b)");
    assert_eq!(
        x("f(a, *b, c=1, *d, **e, f=2)"),
        "(Call f a *b *d c=1 **e f=2)"
    );
    assert_eq!(x("f(x := 1)"), "(Call f (:= x 1))");
    assert_eq!(x("a.b.c"), "(. (. a b) c)");
    assert_eq!(x("a[1]"), "([] a 1)");
    assert_eq!(x("a[1:2:3]"), "([] a (Slice 1 2 3))");
    assert_eq!(x("a[::2]"), "([] a (Slice _ _ 2))");
    assert_eq!(x("a[:]"), "([] a (Slice _ _ _))");
    assert_eq!(x("a[1:]"), "([] a (Slice 1 _ _))");
    assert_eq!(x("a[1:2, 3]"), "([] a (Tuple (Slice 1 2 _) 3))");
    assert_eq!(x("a[1,]"), "([] a (Tuple 1))");
    assert_eq!(x("a[*b]"), "([] a (Tuple *b))");
    assert_eq!(x("a[b][c](d)"), "(Call ([] ([] a b) c) d)");
}

#[test]
fn lambdas() {
    assert_eq!(x("lambda: 0"), "(Lambda () 0)");
    assert_eq!(x("lambda x, y=1: x"), "(Lambda (x y=1) x)");
    assert_eq!(
        x("lambda a, /, b, *c, d=1, **e: 0"),
        "(Lambda (a / b *c d=1 **e) 0)"
    );
    assert_eq!(x("lambda *, k: k"), "(Lambda (* k) k)");
    assert_eq!(x("lambda x=lambda: 1: x"), "(Lambda (x=(Lambda () 1)) x)");
}

#[test]
fn fstrings() {
    assert_eq!(x("f'a{b}c'"), "(f \"a\" {b} \"c\")");
    assert_eq!(
        x("f'{x!r} {y!s} {z!a}'"),
        "(f {x!r} \" \" {y!s} \" \" {z!a})"
    );
    assert_eq!(x("f'{x:>10}'"), "(f {x:\">10\"})");
    assert_eq!(x("f'{x:{w}.{p}f}'"), "(f {x:{w} \".\" {p} \"f\"})");
    assert_eq!(x("f'{{a}}{{'"), "(f \"{a}{\")");
    assert_eq!(x("f'}}'"), "(f \"}\")");
    assert_eq!(x("f''"), "(f )");
    assert_eq!(x("f'{x=}'"), "(f {x!r =\"x=\"})");
    assert_eq!(x("f'{x = }'"), "(f {x!r =\"x = \"})");
    assert_eq!(x("f'{x=:>4}'"), "(f {x:\">4\" =\"x=\"})");
    assert_eq!(x("f'{x=!s}'"), "(f {x!s =\"x=\"})");
    assert_eq!(x("f\"{d['k']}\""), "(f {([] d \"k\")})");
    assert_eq!(x("f'{a!=b}'"), "(f {(Compare a NotEq b)})");
    assert_eq!(x("f'{a if b else c}'"), "(f {(IfExp b a c)})");
    assert_eq!(x("f'{(lambda: 1)()}'"), "(f {(Call (Lambda () 1))})");
    assert_eq!(x("f'{ {1: 2}[1] }'"), "(f {([] (Dict 1:2) 1)})");
    assert_eq!(x("f'\\n{x}\\t'"), "(f \"\\n\" {x} \"\\t\")");
    assert_eq!(x("f'\\{6}'"), "(f \"\\\\\" {6})");
    assert_eq!(x("rf'\\n{x}'"), "(f \"\\\\n\" {x})");
    assert_eq!(x("f'''{\nx\n}'''"), "(f {x})");
    // Nested f-strings use the other quotes.
    assert_eq!(x("f\"{f'{x}'}\""), "(f {(f {x})})");
}

#[test]
fn fstring_debug_text_is_cpythons_literal() {
    // CPython's AST holds `f"a{x=}"` as "ax=" followed by the value.
    let m = crate::syntax::parse_module("f'a{x = }{y=:>3}'", "<t>").unwrap();
    assert_eq!(
        dump::stmt_cpython(&m.body[0]),
        "(f \"ax = \" {x!r} \"y=\" {y:\">3\"})"
    );
}

#[test]
fn string_concatenation_with_fstrings() {
    assert_eq!(x("'a' f'{b}' 'c'"), "(f \"a\" {b} \"c\")");
    assert_eq!(x("f'a' 'b'"), "(f \"ab\")");
    assert_eq!(x("'x' f'{a}' f'{b}'"), "(f \"x\" {a} {b})");
}

#[test]
fn fstring_spans_point_into_the_source() {
    let src = "x = 1\ny = f'ab{foo.bar}'\n";
    let m = crate::syntax::parse_module(src, "<t>").unwrap();
    let crate::syntax::ast::StmtKind::Assign { value, .. } = &m.body[1].kind else {
        panic!()
    };
    let crate::syntax::ast::ExprKind::FString(parts) = &value.kind else {
        panic!()
    };
    let crate::syntax::ast::FStringPart::Value { expr, .. } = &parts[1] else {
        panic!()
    };
    assert_eq!(
        &src[expr.span.start as usize..expr.span.end as usize],
        "foo.bar"
    );
}

#[test]
fn spans() {
    let src = "a = f(x,\n  y) + 1\n";
    let m = crate::syntax::parse_module(src, "<t>").unwrap();
    let s = &m.body[0];
    assert_eq!(
        &src[s.span.start as usize..s.span.end as usize],
        "a = f(x,\n  y) + 1"
    );
    let crate::syntax::ast::StmtKind::Assign { value, targets } = &s.kind else {
        panic!()
    };
    assert_eq!(
        &src[value.span.start as usize..value.span.end as usize],
        "f(x,\n  y) + 1"
    );
    assert_eq!((targets[0].span.start, targets[0].span.end), (0, 1));
}

#[test]
fn expression_statements() {
    assert_eq!(p("x\n"), "x");
    assert_eq!(p("f(x)\n1, 2\n"), "(Call f x) (Tuple 1 2)");
    assert_eq!(p("*a, b = c\n"), "(= (Tuple *a b) c)");
}

#[test]
fn spans_follow_cpython() {
    use crate::syntax::ast::{ExprKind, StmtKind};
    let text = |src: &str, e: &crate::syntax::ast::Expr| {
        src[e.span.start as usize..e.span.end as usize].to_string()
    };
    // A generator that is the only argument spans the call's parentheses.
    let src = "sum(x for x in y)\n";
    let m = crate::syntax::parse_module(src, "<t>").unwrap();
    let StmtKind::Expr(call) = &m.body[0].kind else {
        panic!()
    };
    let ExprKind::Call { args, .. } = &call.kind else {
        panic!()
    };
    assert_eq!(text(src, &args[0]), "(x for x in y)");
    // A parenthesised expression keeps its own span; a tuple in
    // parentheses includes them.
    let src = "x = (a + b), (c,)\n";
    let m = crate::syntax::parse_module(src, "<t>").unwrap();
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    let ExprKind::Tuple(items) = &value.kind else {
        panic!()
    };
    assert_eq!(text(src, value), "(a + b), (c,)");
    assert_eq!(text(src, &items[0]), "a + b");
    assert_eq!(text(src, &items[1]), "(c,)");
}
