//! Syntax errors: CPython 3.11's messages, and above all its line numbers.

use super::{err, indent_error, syntax_error};

#[test]
fn unclosed_bracket_is_reported_at_the_bracket() {
    syntax_error(
        "values = [1, 2, 3]\ntotal = sum(values\nprint(total)\n",
        "'(' was never closed",
        2,
    );
    syntax_error("x = (\n", "'(' was never closed", 1);
    syntax_error("x = [1,\n 2,\n", "'[' was never closed", 1);
    syntax_error("d = {\n'a': 1\n", "'{' was never closed", 1);
    // A parse error before the bracket's line wins.
    syntax_error("x = = 1\ny = (\n", "invalid syntax", 1);
}

#[test]
fn missing_colon() {
    syntax_error("def greet(name)\n    print(name)\n", "expected ':'", 1);
    syntax_error("x = 1\nif x\n    pass\n", "expected ':'", 2);
    syntax_error("while x\n  pass\n", "expected ':'", 1);
    syntax_error("for x in y\n  pass\n", "expected ':'", 1);
    syntax_error("class A\n  pass\n", "expected ':'", 1);
    syntax_error("def f() -> int\n  pass\n", "expected ':'", 1);
    syntax_error("try\n  pass\n", "expected ':'", 1);
    syntax_error("def f:\n  pass\n", "expected '('", 1);
}

#[test]
fn invalid_syntax() {
    syntax_error("x = 5 $ 3\n", "invalid syntax", 1);
    syntax_error("a = 1\nb = 2 ? 3\n", "invalid syntax", 2);
    syntax_error("x = 1 +\n", "invalid syntax", 1);
    syntax_error("a b\n", "invalid syntax", 1);
    syntax_error(
        "if x = 1:\n  pass\n",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1,
    );
    syntax_error("a = 1 if x\n", "expected 'else' after 'if' expression", 1);
    syntax_error(
        "try:\n  pass\nx = 1\n",
        "expected 'except' or 'finally' block",
        3,
    );
    syntax_error("x := 1\n", "invalid syntax", 1);
    syntax_error(
        "f(a.b=1)\n",
        "expression cannot contain assignment, perhaps you meant \"==\"?",
        1,
    );
    syntax_error(
        "f(**a, *b)\n",
        "iterable argument unpacking follows keyword argument unpacking",
        1,
    );
    syntax_error(
        "f(a=1, b)\n",
        "positional argument follows keyword argument",
        1,
    );
    syntax_error(
        "f(**a, b)\n",
        "positional argument follows keyword argument unpacking",
        1,
    );
    syntax_error("f(a=1, a=2)\n", "keyword argument repeated: a", 1);
    syntax_error(
        "f(x for x in y, 1)\n",
        "Generator expression must be parenthesized",
        1,
    );
    syntax_error("x = *a\n", "can't use starred expression here", 1);
    syntax_error("print((*a))\n", "cannot use starred expression here", 1);
    syntax_error(
        "from m import a,\n",
        "trailing comma not allowed without surrounding parentheses",
        1,
    );
    syntax_error("'a' b'b'\n", "cannot mix bytes and nonbytes literals", 1);
    syntax_error(
        "try:\n  a\nexcept:\n  b\nexcept E:\n  c\n",
        "default 'except:' must be last",
        3,
    );
}

#[test]
fn missing_comma_hints() {
    let hint = "invalid syntax. Perhaps you forgot a comma?";
    // Reported at the first of the two expressions, so on its line.
    syntax_error("x = [\n  1\n  2\n]\n", hint, 2);
    syntax_error("f(a b)\n", hint, 1);
    syntax_error("x = {'a': 1 'b': 2}\n", hint, 1);
    syntax_error("x = (1 +\n  f(x) g)\n", hint, 1);
    syntax_error("f(a 's')\n", "invalid syntax", 1);
    syntax_error("a b\n", "invalid syntax", 1);
    syntax_error(
        "print 'hello'\n",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
    );
}

#[test]
fn bad_parameters() {
    syntax_error(
        "def f(a=1, b): pass\n",
        "non-default argument follows default argument",
        1,
    );
    syntax_error("def f(*): pass\n", "named arguments must follow bare *", 1);
    syntax_error(
        "def f(*, **k): pass\n",
        "named arguments must follow bare *",
        1,
    );
    syntax_error(
        "def f(*a, *b): pass\n",
        "* argument may appear only once",
        1,
    );
    syntax_error(
        "def f(**k, a): pass\n",
        "arguments cannot follow var-keyword argument",
        1,
    );
    syntax_error(
        "def f(/, a): pass\n",
        "at least one argument must precede /",
        1,
    );
    syntax_error("def f(a, /, b, /): pass\n", "/ may appear only once", 1);
    syntax_error("def f(*a, b, /): pass\n", "/ must be ahead of *", 1);
    syntax_error(
        "def f(a, a): pass\n",
        "duplicate argument 'a' in function definition",
        1,
    );
    syntax_error(
        "lambda a, *a: 0\n",
        "duplicate argument 'a' in function definition",
        1,
    );
}

#[test]
fn bad_targets() {
    let here = " here. Maybe you meant '==' instead of '='?";
    syntax_error(
        "f() = 1\n",
        &format!("cannot assign to function call{here}"),
        1,
    );
    syntax_error("1 = x\n", &format!("cannot assign to literal{here}"), 1);
    syntax_error(
        "x = 1\na + b = 2\n",
        &format!("cannot assign to expression{here}"),
        2,
    );
    syntax_error(
        "a, f() = 1, 2\n",
        &format!("cannot assign to function call{here}"),
        1,
    );
    // The longer message only for `target = plain_value`.
    syntax_error("f() = yield 1\n", "cannot assign to function call", 1);
    syntax_error("x = f() = 1\n", "cannot assign to function call", 1);
    syntax_error("f() = x = 1\n", "cannot assign to function call", 1);
    syntax_error("f() = lambda: 0\n", "cannot assign to function call", 1);
    syntax_error("not a = 1\n", "cannot assign to expression", 1);
    syntax_error("[1] = x\n", "cannot assign to literal", 1);
    syntax_error("... = 1\n", &format!("cannot assign to ellipsis{here}"), 1);
    syntax_error(
        "x = a < b = 2\n",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1,
    );
    syntax_error(
        "a.b = a < b = 2\n",
        &format!("cannot assign to attribute{here}"),
        1,
    );
    syntax_error(
        "(yield) = 1\n",
        "assignment to yield expression not possible",
        1,
    );
    syntax_error("for 1 in x: pass\n", "cannot assign to literal", 1);
    syntax_error("[x for f() in y]\n", "cannot assign to function call", 1);
    syntax_error("with a as f(): pass\n", "cannot assign to function call", 1);
    syntax_error("None = 1\n", "cannot assign to None", 1);
    syntax_error("True = 1\n", "cannot assign to True", 1);
    syntax_error("__debug__ = 1\n", "cannot assign to __debug__", 1);
    syntax_error(
        "*a = b\n",
        "starred assignment target must be in a list or tuple",
        1,
    );
    syntax_error(
        "*a, *b = c\n",
        "multiple starred expressions in assignment",
        1,
    );
    syntax_error("del f()\n", "cannot delete function call", 1);
    syntax_error("del *a\n", "cannot delete starred", 1);
    syntax_error(
        "f() += 1\n",
        "'function call' is an illegal expression for augmented assignment",
        1,
    );
    syntax_error(
        "a, b += 1\n",
        "'tuple' is an illegal expression for augmented assignment",
        1,
    );
    syntax_error(
        "a, b: int\n",
        "only single target (not tuple) can be annotated",
        1,
    );
    syntax_error(
        "[a]: int\n",
        "only single target (not list) can be annotated",
        1,
    );
    syntax_error("1: int\n", "illegal target for annotation", 1);
}

#[test]
fn indentation_errors() {
    indent_error(
        "def f():\nreturn 1\n",
        "expected an indented block after function definition on line 1",
        2,
    );
    indent_error(
        "x = 1\nif x:\npass\n",
        "expected an indented block after 'if' statement on line 2",
        3,
    );
    indent_error(
        "if x:\n  pass\nelse:\npass\n",
        "expected an indented block after 'else' statement on line 3",
        4,
    );
    indent_error(
        "if x:\n  pass\nelif y:\nz\n",
        "expected an indented block after 'elif' statement on line 3",
        4,
    );
    indent_error(
        "for x in y:\nz\n",
        "expected an indented block after 'for' statement on line 1",
        2,
    );
    indent_error(
        "while x:\nz\n",
        "expected an indented block after 'while' statement on line 1",
        2,
    );
    indent_error(
        "class A:\nz\n",
        "expected an indented block after class definition on line 1",
        2,
    );
    indent_error(
        "try:\nz\n",
        "expected an indented block after 'try' statement on line 1",
        2,
    );
    indent_error(
        "try:\n  a\nexcept E:\nz\n",
        "expected an indented block after 'except' statement on line 3",
        4,
    );
    indent_error(
        "try:\n  a\nfinally:\nz\n",
        "expected an indented block after 'finally' statement on line 3",
        4,
    );
    indent_error(
        "with a:\nz\n",
        "expected an indented block after 'with' statement on line 1",
        2,
    );
    indent_error(
        "def f():\n  if x:\n  y\n",
        "expected an indented block after 'if' statement on line 2",
        3,
    );
    indent_error(
        "def f():\n  if x:\ny\n",
        "expected an indented block after 'if' statement on line 2",
        3,
    );
    // At the end of the file.
    let (kind, msg, _) = err("if x:\n");
    assert_eq!(
        (kind.as_str(), msg.as_str()),
        (
            "IndentationError",
            "expected an indented block after 'if' statement on line 1"
        )
    );

    indent_error("x = 1\n    y = 2\n", "unexpected indent", 2);
    indent_error("if x:\n    a = 1\n        b = 2\n", "unexpected indent", 3);
    indent_error(
        "if x:\n    a = 1\n  b = 2\n",
        "unindent does not match any outer indentation level",
        3,
    );
    indent_error(
        "class A:\n    def f(self):\n        pass\n  x = 1\n",
        "unindent does not match any outer indentation level",
        4,
    );
    assert_eq!(
        err("if x:\n        a\n\tb\n"),
        (
            "TabError".into(),
            "inconsistent use of tabs and spaces in indentation".into(),
            3
        )
    );
}

#[test]
fn too_deep_indentation() {
    let mut src = String::new();
    for i in 0..120 {
        src += &format!("{}if x:\n", " ".repeat(i));
    }
    src += &format!("{}pass\n", " ".repeat(120));
    indent_error(&src, "too many levels of indentation", 101);
}

#[test]
fn tokenizer_errors() {
    syntax_error("x = 5 € 3\n", "invalid character '€' (U+20AC)", 1);
    syntax_error(
        "print(\"hello)\n",
        "unterminated string literal (detected at line 1)",
        1,
    );
    syntax_error(
        "x = 1\ny = 'abc\n",
        "unterminated string literal (detected at line 2)",
        2,
    );
    syntax_error(
        "x = '''abc\n\nmore\n",
        "unterminated triple-quoted string literal (detected at line 3)",
        1,
    );
    syntax_error("x = (1, 2))\n", "unmatched ')'", 1);
    syntax_error("x = ]\n", "unmatched ']'", 1);
    syntax_error(
        "x = (1, 2]\n",
        "closing parenthesis ']' does not match opening parenthesis '('",
        1,
    );
    syntax_error(
        "x = (1,\n  2]\n",
        "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
        2,
    );
    syntax_error("x = 1abc\n", "invalid decimal literal", 1);
    syntax_error(
        "x = 1 \\ 2\n",
        "unexpected character after line continuation character",
        1,
    );
}

#[test]
fn tokenizer_errors_later_in_the_file_win_over_parse_errors() {
    // CPython tokenizes the whole file after a generic syntax error.
    syntax_error(
        "x = = 1\ny = 'abc\n",
        "unterminated string literal (detected at line 2)",
        2,
    );
    syntax_error("a b\nc = 1 € 2\n", "invalid character '€' (U+20AC)", 2);
}

#[test]
fn fstring_errors() {
    syntax_error("x = f'{}'\n", "f-string: empty expression not allowed", 1);
    syntax_error(
        "x = f'{x!z}'\n",
        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        1,
    );
    syntax_error("x = f'{x'\n", "f-string: expecting '}'", 1);
    syntax_error("x = f'}'\n", "f-string: single '}' is not allowed", 1);
    syntax_error(
        "x = f'{a b}'\n",
        "f-string: invalid syntax. Perhaps you forgot a comma?",
        1,
    );
    syntax_error("x = f'{a +}'\n", "f-string: invalid syntax", 1);
    syntax_error("x = f'{a)}'\n", "f-string: unmatched ')'", 1);
    syntax_error(
        "x = f'{a[}'\n",
        "f-string: closing parenthesis '}' does not match opening parenthesis '['",
        1,
    );
    syntax_error(
        "x = f'{\\'a\\'}'\n",
        "f-string expression part cannot include a backslash",
        1,
    );
    syntax_error(
        "x = f'{a#}'\n",
        "f-string expression part cannot include '#'",
        1,
    );
    syntax_error(
        "x = f'{x:{y:{z}}}'\n",
        "f-string: expressions nested too deeply",
        1,
    );
    syntax_error(
        "x = 1\ny = f'''\n{a b}'''\n",
        "f-string: invalid syntax. Perhaps you forgot a comma?",
        3,
    );
}

#[test]
fn error_display_is_cpython_like() {
    let e = crate::syntax::parse_module("if True:\n    x = (1,\n", "prog.py").unwrap_err();
    assert_eq!(
        e.to_string(),
        "  File \"prog.py\", line 2\n    x = (1,\n        ^\nSyntaxError: '(' was never closed"
    );
}

#[test]
fn named_unicode_escapes_are_not_supported() {
    // Reported as such, and `\N{...}` in an f-string is not a field.
    syntax_error(
        "x = '\\N{DASH}'\n",
        "(unicode error) \\N{...} escapes are not supported",
        1,
    );
    syntax_error(
        "x = f'\\N{DASH}'\n",
        "(unicode error) \\N{...} escapes are not supported",
        1,
    );
}

#[test]
fn end_of_file_positions_as_cpython() {
    // CPython's end-of-file token sits on the last line, unless blanks
    // follow the final newline.
    indent_error(
        "if x:",
        "expected an indented block after 'if' statement on line 1",
        1,
    );
    indent_error(
        "if x:\n",
        "expected an indented block after 'if' statement on line 1",
        1,
    );
    indent_error(
        "if x:\n    ",
        "expected an indented block after 'if' statement on line 1",
        2,
    );
    indent_error(
        "def f():\n  # c",
        "expected an indented block after function definition on line 1",
        2,
    );
    syntax_error("try:\n  pass\n", "expected 'except' or 'finally' block", 2);
}

#[test]
fn which_error_wins() {
    // Compiler-level errors only count once the whole file has parsed.
    syntax_error("def f(a, a): pass\nx = (\n", "'(' was never closed", 2);
    // The symbol table runs before the compiler.
    syntax_error(
        "x = *a\ndef f(a, a): pass\n",
        "duplicate argument 'a' in function definition",
        2,
    );
    syntax_error("x = *a\ny = *b\n", "can't use starred expression here", 1);
    // Indentation errors further down do not replace a parse error...
    syntax_error("a b\nif x:\n    y\n  z\n", "invalid syntax", 1);
    // ...but some tokenizer errors do.
    syntax_error(
        "a b\nc = 'x\n",
        "unterminated string literal (detected at line 2)",
        2,
    );
    // Stray characters are parse errors, so a later tokenizer error or an
    // earlier unclosed bracket wins over them.
    syntax_error("x = 1\n$\n", "invalid syntax", 2);
    syntax_error(
        "x = $\ny = 'z\n",
        "unterminated string literal (detected at line 2)",
        2,
    );
    syntax_error("class A(B,\n  $ c\n", "'(' was never closed", 1);
    // Indentation is checked before the token that follows it.
    indent_error(
        "if x:\n    a\n  € b\n",
        "unindent does not match any outer indentation level",
        3,
    );
    // A parse error in a header comes before errors in the body.
    syntax_error(
        "def f(a=1, b):\n    x = (\n",
        "non-default argument follows default argument",
        1,
    );
    syntax_error("for 1 in x:\n    a b\n", "cannot assign to literal", 1);
}

#[test]
fn backslash_continuation_and_indentation() {
    // The indentation of a logical line is that of its first physical line.
    assert!(crate::syntax::parse_module("if x:\n  \\\n      y\n", "<t>").is_ok());
    indent_error(
        "def f():\n    pass\n  \\\n    x\n",
        "unindent does not match any outer indentation level",
        4,
    );
}

#[test]
fn string_errors_are_reported_after_the_strings() {
    // CPython reports them at the token after the literals.
    syntax_error("x = (f'{x'\n)\n", "f-string: expecting '}'", 2);
    syntax_error(
        "x = ('\\x4'\n)\n",
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape",
        2,
    );
    syntax_error(
        "x = ('a'\n b'b'\n)\n",
        "cannot mix bytes and nonbytes literals",
        3,
    );
    // Errors inside a field's expression are where they are.
    syntax_error(
        "x = (f'''\n{a b}'''\n)\n",
        "f-string: invalid syntax. Perhaps you forgot a comma?",
        2,
    );
}

#[test]
fn fstring_field_messages() {
    syntax_error("f'{!r}'\n", "f-string: expression required before '!'", 1);
    syntax_error("f'{:x}'\n", "f-string: expression required before ':'", 1);
    syntax_error("f'{=}'\n", "f-string: expression required before '='", 1);
    syntax_error("f'{ }'\n", "f-string: empty expression not allowed", 1);
    syntax_error(
        "f'{x!}'\n",
        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        1,
    );
    syntax_error("f'{x!r=}'\n", "f-string: expecting '}'", 1);
    syntax_error("f\"{d['k]}\"\n", "f-string: unterminated string", 1);
    syntax_error(
        "f'{*a}'\n",
        "f-string: cannot use starred expression here",
        1,
    );
}

#[test]
fn more_specific_messages() {
    syntax_error(
        "a = (1 if\n x)\n",
        "expected 'else' after 'if' expression",
        1,
    );
    syntax_error(
        "x = {'a': 1, 'b' 2}\n",
        "':' expected after dictionary key",
        1,
    );
    syntax_error(
        "x = {'a' 1}\n",
        "invalid syntax. Perhaps you forgot a comma?",
        1,
    );
    syntax_error(
        "[x for a b in c]\n",
        "invalid syntax. Perhaps you forgot a comma?",
        1,
    );
    syntax_error("[x for a in b c]\n", "invalid syntax", 1);
    syntax_error(
        "print(y[])\n",
        "invalid syntax. Perhaps you forgot a comma?",
        1,
    );
    syntax_error("def f(a b): pass\n", "invalid syntax", 1);
    syntax_error("from m import (a b)\n", "invalid syntax", 1);
    syntax_error("f(lambda a b: 0)\n", "invalid syntax", 1);
    syntax_error(
        "if x = 1: pass\n",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1,
    );
    syntax_error(
        "(a.b = 1)\n",
        "cannot assign to attribute here. Maybe you meant '==' instead of '='?",
        1,
    );
    syntax_error(
        "while x.y = 1: pass\n",
        "cannot assign to attribute here. Maybe you meant '==' instead of '='?",
        1,
    );
    syntax_error(
        "f(a, 'b' = 1)\n",
        "expression cannot contain assignment, perhaps you meant \"==\"?",
        1,
    );
    syntax_error("if i < j = k: pass\n", "invalid syntax", 1);
    syntax_error("def f(): return x=\n", "invalid syntax", 1);
    syntax_error(
        "[*a for a in b]\n",
        "iterable unpacking cannot be used in comprehension",
        1,
    );
    syntax_error(
        "{**a for a in b}\n",
        "dict unpacking cannot be used in dict comprehension",
        1,
    );
    syntax_error(
        "{'a': *b}\n",
        "cannot use a starred expression in a dictionary value",
        1,
    );
    syntax_error("with (a as b,\n", "'(' was never closed", 1);
}

#[test]
fn colon_messages_follow_cpython() {
    // `def`, `try`, `else` and `finally` insist on their `:`...
    syntax_error("def f() x: pass\n", "expected ':'", 1);
    syntax_error("try x: pass\n", "expected ':'", 1);
    syntax_error("if x: pass\nelse x: pass\n", "expected ':'", 2);
    syntax_error("try: pass\nfinally x: pass\n", "expected ':'", 2);
    // ...the others only when the line ends there.
    syntax_error("for x in y z: pass\n", "invalid syntax", 1);
    syntax_error("while x y: pass\n", "invalid syntax", 1);
    syntax_error("class A x: pass\n", "invalid syntax", 1);
    syntax_error("for x in y\n", "expected ':'", 1);
    // Not after the header's colon, nor inside brackets.
    syntax_error("def f(): retrn x\n", "invalid syntax", 1);
    syntax_error("def f(a. b): pass\n", "invalid syntax", 1);
    syntax_error("lambda x\n", "invalid syntax", 1);
}

#[test]
fn cpython_quirks_are_kept() {
    // CPython takes any name that is a prefix of `match`, `case` or `_` for
    // a soft keyword, which blocks the comma hint.
    syntax_error("f(m e)\n", "invalid syntax", 1);
    syntax_error("f(x e)\n", "invalid syntax. Perhaps you forgot a comma?", 1);
    // `**m` is a pair of a dict display.
    syntax_error(
        "t = {**m, 'k' (1)}\n",
        "':' expected after dictionary key",
        1,
    );
    // String literals are built as soon as they are read.
    syntax_error("s = f'{9w}' {\n", "invalid decimal literal", 1);
    // Reading ahead stops where no expression can go on.
    syntax_error("with o{pen(p) as f:\n    x = (\n", "invalid syntax", 1);
    // But reading the end of the file inside a bracket reports it.
    syntax_error("foo(a b\n", "'(' was never closed", 1);
    syntax_error("x = (1 2\ny = 3\n", "'(' was never closed", 1);
    syntax_error(
        "x = (a b c\n\n\ny = 1\n",
        "invalid syntax. Perhaps you forgot a comma?",
        1,
    );
    syntax_error("x = (1 + $\ny = 2\n", "invalid syntax", 1);
    syntax_error("x = (a.b = 1\ny = 2\n", "'(' was never closed", 1);
    syntax_error("assert f{ib(10) == 55, 'fib'\n", "'{' was never closed", 1);
    syntax_error("import os.path[as p\nx = {\n", "invalid syntax", 1);
}
