//! Each statement form.

use super::p;

#[test]
fn assignments() {
    assert_eq!(p("a = 1"), "(= a 1)");
    assert_eq!(p("a = b = c"), "(= a b c)");
    assert_eq!(p("a, b = b, a"), "(= (Tuple a b) (Tuple b a))");
    assert_eq!(p("[a, *b] = (c, d) = x"), "(= [a *b] (Tuple c d) x)");
    assert_eq!(p("a.b[c] = d"), "(= ([] (. a b) c) d)");
    assert_eq!(p("a, = x"), "(= (Tuple a) x)");
    assert_eq!(p("x = *a, *b"), "(= x (Tuple *a *b))");
    assert_eq!(p("x = yield"), "(= x (Yield _))");
    assert_eq!(p("x = yield a, b"), "(= x (Yield (Tuple a b)))");
    assert_eq!(p("x = y = yield from z"), "(= x y (YieldFrom z))");
}

#[test]
fn augmented_and_annotated() {
    let ops = [
        ("+=", "Add"),
        ("-=", "Sub"),
        ("*=", "Mul"),
        ("@=", "MatMul"),
        ("/=", "Div"),
        ("//=", "FloorDiv"),
        ("%=", "Mod"),
        ("**=", "Pow"),
        ("<<=", "LShift"),
        (">>=", "RShift"),
        ("|=", "BitOr"),
        ("^=", "BitXor"),
        ("&=", "BitAnd"),
    ];
    for (op, name) in ops {
        assert_eq!(p(&format!("a.b {op} 1")), format!("({name}= (. a b) 1)"));
    }
    assert_eq!(p("x += yield"), "(Add= x (Yield _))");
    assert_eq!(p("x: int"), "(: x int _)");
    assert_eq!(p("x: int = 3"), "(: x int 3)");
    assert_eq!(p("a[0]: list[int] = []"), "(: ([] a 0) ([] list int) [])");
}

#[test]
fn simple_statements() {
    assert_eq!(p("pass; break; continue;"), "pass break continue");
    assert_eq!(p("return"), "(return _)");
    assert_eq!(p("return 1, *a"), "(return (Tuple 1 *a))");
    assert_eq!(p("raise"), "(raise _ _)");
    assert_eq!(p("raise E(1) from e"), "(raise (Call E 1) e)");
    assert_eq!(p("global a, b; nonlocal c"), "(global a b) (nonlocal c)");
    assert_eq!(p("del a, b[0], c.d"), "(del a ([] b 0) (. c d))");
    assert_eq!(p("del (a, [b, c])"), "(del a b c)");
    assert_eq!(p("assert x"), "(assert x _)");
    assert_eq!(p("assert x, 'msg'"), "(assert x \"msg\")");
    assert_eq!(p("yield"), "(Yield _)");
    assert_eq!(p("yield from g()"), "(YieldFrom (Call g))");
}

#[test]
fn imports() {
    assert_eq!(p("import a.b.c"), "(import a.b.c)");
    assert_eq!(p("import a.b as c, d"), "(import a.b:c d)");
    assert_eq!(p("from m.n import a, b as c"), "(from m.n a b:c)");
    assert_eq!(p("from m import (a,\n b as c,)"), "(from m a b:c)");
    assert_eq!(p("from m import *"), "(from m *)");
}

#[test]
fn if_while_for() {
    assert_eq!(
        p("if a:\n  b\nelif c:\n  d\nelif e: f\nelse:\n  g\n"),
        "(if a [b] [(if c [d] [(if e [f] [g])])])"
    );
    assert_eq!(p("if x: y = 1; z = 2\n"), "(if x [(= y 1) (= z 2)] [])");
    assert_eq!(
        p("if (n := 10) > 5: pass"),
        "(if (Compare (:= n 10) Gt 5) [pass] [])"
    );
    assert_eq!(p("while x:\n  pass\nelse:\n  y\n"), "(while x [pass] [y])");
    assert_eq!(p("for x in y:\n  pass\n"), "(for x y [pass] [])");
    assert_eq!(
        p("for a, (b, c) in d, e: pass\nelse: f"),
        "(for (Tuple a (Tuple b c)) (Tuple d e) [pass] [f])"
    );
    assert_eq!(p("for x, in y: pass"), "(for (Tuple x) y [pass] [])");
    assert_eq!(p("for a.b in c: pass"), "(for (. a b) c [pass] [])");
}

#[test]
fn nested_blocks() {
    let src = "\
if a:
    if b:
        c
    else:
        d
elif e:
    while f:
        g
h
";
    assert_eq!(
        p(src),
        "(if a [(if b [c] [d])] [(if e [(while f [g] [])] [])]) h"
    );
}

#[test]
fn functions() {
    assert_eq!(p("def f(): pass"), "(def f () [pass])");
    assert_eq!(
        p("def f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kw: dict) -> None:\n  return a\n"),
        "(def f (a b:int=1 / c=2 *args:str d e=3 **kw:dict) [(return a)])"
    );
    assert_eq!(p("def f(*, a): pass"), "(def f (* a) [pass])");
    assert_eq!(p("def f(a,): pass"), "(def f (a) [pass])");
    assert_eq!(p("def f(**k,): pass"), "(def f (**k) [pass])");
    assert_eq!(
        p("@a\n@b.c(1)\n@(lambda f: f)\ndef f(): pass\n"),
        "(def f () [pass] @[a (Call (. b c) 1) (Lambda (f) f)])"
    );
}

#[test]
fn classes() {
    assert_eq!(p("class A: pass"), "(class A () () [pass])");
    assert_eq!(p("class A(): pass"), "(class A () () [pass])");
    assert_eq!(
        p("class A(B, C, metaclass=M, **kw):\n  x = 1\n"),
        "(class A (B C) (metaclass=M **kw) [(= x 1)])"
    );
    assert_eq!(
        p("@dataclass\nclass A:\n  x: int\n"),
        "(class A () () [(: x int _)] @[dataclass])"
    );
}

#[test]
fn try_statements() {
    assert_eq!(
        p("try:\n  a\nexcept:\n  b\n"),
        "(try [a] (except _ _ [b]) [] [])"
    );
    assert_eq!(
        p("try: a\nexcept E as e: b\nexcept (A, B): c\nelse: d\nfinally: f\n"),
        "(try [a] (except E e [b]) (except (Tuple A B) _ [c]) [d] [f])"
    );
    assert_eq!(p("try:\n  a\nfinally:\n  b\n"), "(try [a]  [] [b])");
}

#[test]
fn with_statements() {
    assert_eq!(p("with a: pass"), "(with (a _) [pass])");
    assert_eq!(
        p("with a as b, c as (d, e), f: pass"),
        "(with (a b) (c (Tuple d e)) (f _) [pass])"
    );
    assert_eq!(
        p("with (a as b, c as d,): pass"),
        "(with (a b) (c d) [pass])"
    );
    assert_eq!(p("with (a, b): pass"), "(with (a _) (b _) [pass])");
    assert_eq!(p("with (a, b) as c: pass"), "(with ((Tuple a b) c) [pass])");
    assert_eq!(p("with (a) as b, (c): pass"), "(with (a b) (c _) [pass])");
    assert_eq!(
        p("with open(f) as g: pass"),
        "(with ((Call open f) g) [pass])"
    );
}

#[test]
fn blank_lines_comments_and_semicolons() {
    let src = "\n# header\n\nx = 1  # trailing\n\n\n    # indented comment\ny = 2;\n";
    assert_eq!(p(src), "(= x 1) (= y 2)");
    assert_eq!(p(""), "");
    assert_eq!(p("   \n\t\n"), "");
    assert_eq!(p("\u{feff}x\n"), "x");
    assert_eq!(p("x"), "x");
    assert_eq!(p("if x:\n  y"), "(if x [y] [])");
}

#[test]
fn docstrings_are_expression_statements() {
    assert_eq!(
        p("def f():\n    \"\"\"Doc.\"\"\"\n    return 1\n"),
        "(def f () [\"Doc.\" (return 1)])"
    );
}
