//! The `match` statement: its patterns, `match` and `case` as soft
//! keywords, and CPython's messages for what is wrong in one.

use super::{indent_error, p, syntax_error};
use crate::compiler::compile_module;
use crate::syntax::parse_module;

/// `match x:` with one case and a `pass` body.
fn one_case(pattern: &str) -> String {
    p(&format!("match x:\n    case {pattern}:\n        pass\n"))
}

/// The pattern of `one_case`, as rendered.
fn pat(pattern: &str) -> String {
    let full = one_case(pattern);
    let inner = full
        .strip_prefix("(match x (case ")
        .and_then(|s| s.strip_suffix(" _ [pass]))"))
        .unwrap_or_else(|| panic!("unexpected shape: {full}"));
    inner.to_string()
}

#[test]
fn statement_shape() {
    assert_eq!(
        p("match x:\n    case 1:\n        a\n    case _ if y:\n        b\n"),
        "(match x (case (== 1) _ [a]) (case _ y [b]))"
    );
    assert_eq!(
        p("match a, *b:\n    case c: pass\n"),
        "(match (Tuple a *b) (case c _ [pass]))"
    );
    assert_eq!(
        p("match (yield):\n    case c: pass\n"),
        "(match (Yield _) (case c _ [pass]))"
    );
    assert_eq!(
        p("match x := f():\n    case c: pass\n"),
        "(match (:= x (Call f)) (case c _ [pass]))"
    );
}

#[test]
fn pattern_kinds() {
    assert_eq!(pat("-1"), "(== -1)");
    assert_eq!(pat("1.5"), "(== 1.5)");
    assert_eq!(pat("'a' 'b'"), "(== \"ab\")");
    assert_eq!(pat("None"), "(is None)");
    assert_eq!(pat("True | False"), "(| (is True) (is False))");
    assert_eq!(pat("a.b.c"), "(== (. (. a b) c))");
    assert_eq!(pat("_"), "_");
    assert_eq!(pat("(a)"), "a");
    assert_eq!(pat("a, *b"), "(seq a *b)");
    assert_eq!(pat("[a, *_]"), "(seq a *_)");
    assert_eq!(pat("()"), "(seq )");
    assert_eq!(pat("(a,)"), "(seq a)");
    assert_eq!(pat("[1, 2] as c"), "(as (seq (== 1) (== 2)) c)");
    assert_eq!(
        pat("{'k': v, a.b: 1, **rest}"),
        "(map \"k\":v (. a b):(== 1) **rest)"
    );
    assert_eq!(pat("{}"), "(map )");
    assert_eq!(pat("{**r,}"), "(map **r)");
    assert_eq!(pat("P(a, b=1, c=_)"), "(cls P a b=(== 1) c=_)");
    assert_eq!(pat("m.P()"), "(cls (. m P) )");
}

#[test]
fn soft_keywords_are_names_elsewhere() {
    assert_eq!(p("match = 1"), "(= match 1)");
    assert_eq!(p("case = 1"), "(= case 1)");
    assert_eq!(p("match(x)"), "(Call match x)");
    assert_eq!(p("match[1]"), "([] match 1)");
    assert_eq!(p("print(match.x)"), "(Call print (. match x))");
    assert_eq!(p("match: int = 3"), "(: match int 3)");
    assert_eq!(p("match -x"), "(Sub match x)");
    assert_eq!(p("case.x = 1"), "(= (. case x) 1)");
    // `case` is a keyword only right inside a match block.
    assert_eq!(
        p("match x:\n    case case:\n        case = match\n"),
        "(match x (case case _ [(= case match)]))"
    );
}

#[test]
fn parse_errors() {
    let case = |pattern: &str| format!("match x:\n    case {pattern}:\n        pass\n");
    syntax_error(
        &case("P(x=1, 2)"),
        "positional patterns follow keyword patterns",
        2,
    );
    syntax_error(&case("a as _"), "cannot use '_' as a target", 2);
    syntax_error(&case("1 as 2"), "invalid pattern target", 2);
    syntax_error(&case("a as b.c"), "invalid syntax", 2);
    syntax_error(&case("{**_}"), "invalid syntax", 2);
    syntax_error(&case("{**r, 'a': 1}"), "invalid syntax", 2);
    syntax_error(&case("*a"), "invalid syntax", 2);
    syntax_error(
        &case("1 + 2"),
        "imaginary number required in complex literal",
        2,
    );
    syntax_error(
        "match *a:\n    case 1:\n        pass\n",
        "invalid syntax",
        1,
    );
    syntax_error("match x\n    case 1:\n        pass\n", "expected ':'", 1);
    syntax_error("match x:\n    case 1\n        pass\n", "expected ':'", 2);
    syntax_error("match x:\n    pass\n", "invalid syntax", 2);
    syntax_error("match x: pass\n", "invalid syntax", 1);
    indent_error(
        "match x:\n    case 1:\n    pass\n",
        "expected an indented block after 'case' statement on line 2",
        3,
    );
    indent_error(
        "match x:\ncase 1:\n    pass\n",
        "expected an indented block after 'match' statement on line 1",
        2,
    );
}

/// The compiler's error for `src`: (message, line, column).
fn compile_error(src: &str) -> (String, usize, usize) {
    let module = parse_module(src, "<test>").expect("parses");
    match compile_module(&module, src, "<test>") {
        Ok(_) => panic!("expected a compile error for {src:?}"),
        Err(e) => (e.msg, e.lineno, e.col),
    }
}

#[test]
fn compile_errors() {
    let two = |first: &str| {
        format!("match x:\n    case {first}:\n        pass\n    case 1:\n        pass\n")
    };
    let one = |pattern: &str| format!("match x:\n    case {pattern}:\n        pass\n");
    let err = |msg: &str, col: usize| (msg.to_string(), 2, col);
    assert_eq!(
        compile_error(&two("a")),
        err("name capture 'a' makes remaining patterns unreachable", 10)
    );
    assert_eq!(
        compile_error(&two("_")),
        err("wildcard makes remaining patterns unreachable", 10)
    );
    assert_eq!(
        compile_error(&one("a | b")),
        err("name capture 'a' makes remaining patterns unreachable", 10)
    );
    assert_eq!(
        compile_error(&one("1 | a")),
        err("alternative patterns bind different names", 14)
    );
    assert_eq!(
        compile_error(&one("[a, a]")),
        err("multiple assignments to name 'a' in pattern", 14)
    );
    assert_eq!(
        compile_error(&one("[a] as a")),
        err("multiple assignments to name 'a' in pattern", 11)
    );
    assert_eq!(
        compile_error(&one("P(1, x=1, y=2, x=3)")),
        err("attribute name repeated in class pattern: x", 27)
    );
    assert_eq!(
        compile_error(&one("[*a, *b]")),
        err("multiple starred names in sequence pattern", 10)
    );
    assert_eq!(
        compile_error(&one("{'a': 1, 'a': 2}")),
        err("mapping pattern checks duplicate key ('a')", 10)
    );
    assert_eq!(
        compile_error(&one("{True: _, 1.0: _}")),
        err("mapping pattern checks duplicate key (1.0)", 10)
    );
    assert_eq!(
        compile_error(&one("f'a'")),
        err("patterns may only match literals and attribute lookups", 10)
    );
    assert_eq!(
        compile_error(&one("__debug__")),
        err("cannot assign to __debug__", 10)
    );
    // Guarded or last: fine.
    let ok = "match x:\n    case a if a:\n        pass\n    case [a, b] | [b, a]:\n        pass\n";
    let module = parse_module(ok, "<test>").expect("parses");
    assert!(compile_module(&module, ok, "<test>").is_ok());
}
