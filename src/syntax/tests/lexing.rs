//! The token layer: layout tokens, numbers, strings.

use super::dump;
use crate::syntax::lexer::Lexer;
use crate::syntax::parse_expression;
use crate::syntax::token::Tok;

/// A string literal's value, rendered like the AST dump.
fn lit(src: &str) -> String {
    match parse_expression(src, "<test>") {
        Ok(e) => dump::expr(&e),
        Err(e) => format!("ERR({})", e.msg),
    }
}

/// The tokens of a module, rendered short (without the start token); a
/// string shows the text between its quotes.
fn toks(src: &str) -> Vec<String> {
    Lexer::module(src)
        .skip(1)
        .map(|t| match t {
            Ok((_, tok, _)) => match tok {
                Tok::Newline => "NL".to_string(),
                Tok::Indent => "IN".to_string(),
                Tok::Dedent => "DE".to_string(),
                Tok::Name(n) => n,
                Tok::Int(i) => i.to_string(),
                Tok::Float(f) => format!("{f:?}"),
                Tok::Str(s) => format!("<{}>", &src[s.content.0..s.content.1]),
                other => format!("{other:?}"),
            },
            Err(e) => format!("ERR({})", e.msg),
        })
        .collect()
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn indentation_tokens() {
    let src = "if x:\n    a\n    if y:\n        b\n\n  # comment\n    c\nd\n";
    assert_eq!(
        toks(src),
        s(&[
            "If", "x", "Colon", "NL", "IN", "a", "NL", "If", "y", "Colon", "NL", "IN", "b", "NL",
            "DE", "c", "NL", "DE", "d", "NL"
        ])
    );
}

#[test]
fn eof_closes_blocks_and_line() {
    assert_eq!(
        toks("def f():\n  if x:\n    return"),
        s(&[
            "Def", "f", "LPar", "RPar", "Colon", "NL", "IN", "If", "x", "Colon", "NL", "IN",
            "Return", "NL", "DE", "DE"
        ])
    );
    assert!(toks("").is_empty());
    assert!(toks("\n\n   \n# only a comment\n").is_empty());
}

#[test]
fn brackets_and_backslash_join_lines() {
    assert_eq!(
        toks("x = (1,\n  2)\n"),
        s(&["x", "Assign", "LPar", "1", "Comma", "2", "RPar", "NL"])
    );
    assert_eq!(
        toks("x = 1 + \\\n    2\ny"),
        s(&["x", "Assign", "1", "Plus", "2", "NL", "y", "NL"])
    );
    assert_eq!(
        toks("x = [\n\n# c\n]\n"),
        s(&["x", "Assign", "LSqb", "RSqb", "NL"])
    );
}

#[test]
fn crlf_and_tabs() {
    assert_eq!(
        toks("if x:\r\n\ty\r\nz\r\n"),
        s(&["If", "x", "Colon", "NL", "IN", "y", "NL", "DE", "z", "NL"])
    );
    // A tab is 8 columns: 8 spaces then match.
    assert_eq!(
        toks("if x:\n\ty\n\tz\n"),
        s(&["If", "x", "Colon", "NL", "IN", "y", "NL", "z", "NL", "DE"])
    );
    assert_eq!(
        toks("if x:\n        y\n\tz\n"),
        s(&[
            "If",
            "x",
            "Colon",
            "NL",
            "IN",
            "y",
            "NL",
            "ERR(inconsistent use of tabs and spaces in indentation)"
        ])
    );
}

#[test]
fn operators() {
    assert_eq!(
        toks("a->b:=c**=d//=e>>=f<<=g@h@=i...j!=k"),
        s(&[
            "a",
            "Arrow",
            "b",
            "ColonEqual",
            "c",
            "DoubleStarEq",
            "d",
            "DoubleSlashEq",
            "e",
            "RShiftEq",
            "f",
            "LShiftEq",
            "g",
            "At",
            "h",
            "AtEq",
            "i",
            "Ellipsis",
            "j",
            "NotEq",
            "k",
            "NL"
        ])
    );
}

#[test]
fn keywords_and_unicode_names() {
    assert_eq!(
        toks("not None is True and lambda élan 名前 _x async"),
        s(&["Not", "None", "Is", "True", "And", "Lambda", "élan", "名前", "_x", "Async", "NL"])
    );
    // Prefix letters are names unless a quote follows.
    assert_eq!(toks("rb f r'x'"), s(&["rb", "f", "<x>", "NL"]));
}

#[test]
fn numbers() {
    assert_eq!(
        toks("0 00 7 1_000 0x_fF 0o17 0B101 123456789012345678901234567890"),
        s(&[
            "0",
            "0",
            "7",
            "1000",
            "255",
            "15",
            "5",
            "123456789012345678901234567890",
            "NL"
        ])
    );
    assert_eq!(
        toks("1. .5 1e10 1_000.5 1.5e-3 2E+2 0.0"),
        s(&[
            "1.0",
            "0.5",
            "10000000000.0",
            "1000.5",
            "0.0015",
            "200.0",
            "0.0",
            "NL"
        ])
    );
    // Keywords may follow a number directly.
    assert_eq!(
        toks("1if x else 2"),
        s(&["1", "If", "x", "Else", "2", "NL"])
    );
    assert_eq!(toks("x.y"), s(&["x", "Dot", "y", "NL"]));
}

#[test]
fn bad_numbers() {
    assert_eq!(toks("1abc"), s(&["ERR(invalid decimal literal)"]));
    assert_eq!(toks("1_"), s(&["ERR(invalid decimal literal)"]));
    assert_eq!(toks("1__0"), s(&["ERR(invalid decimal literal)"]));
    assert_eq!(toks("1.e"), s(&["ERR(invalid decimal literal)"]));
    assert_eq!(toks("0x"), s(&["ERR(invalid hexadecimal literal)"]));
    assert_eq!(toks("0xg"), s(&["ERR(invalid hexadecimal literal)"]));
    assert_eq!(toks("0o8"), s(&["ERR(invalid digit '8' in octal literal)"]));
    assert_eq!(
        toks("0b102"),
        s(&["ERR(invalid digit '2' in binary literal)"])
    );
    assert_eq!(
        toks("012"),
        s(&["ERR(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)"])
    );
    assert_eq!(
        toks("1j 2.5J 1e3j .5j 1_0j"),
        s(&[
            "Imaginary(1.0)",
            "Imaginary(2.5)",
            "Imaginary(1000.0)",
            "Imaginary(0.5)",
            "Imaginary(10.0)",
            "NL"
        ])
    );
}

#[test]
fn string_tokens() {
    assert_eq!(
        toks(r#"'a' "b" '''c'd''' """e"f""" '' """""""#),
        s(&["<a>", "<b>", "<c'd>", "<e\"f>", "<>", "<>", "NL"])
    );
    assert_eq!(
        toks(r"'a\'b' r'\'' 'c\\'"),
        s(&["<a\\'b>", "<\\'>", "<c\\\\>", "NL"])
    );
    assert_eq!(
        toks("f'{x}' rf'' Fr'' fR'' b'' Rb''"),
        s(&["<{x}>", "<>", "<>", "<>", "<>", "<>", "NL"])
    );
}

#[test]
fn string_values() {
    assert_eq!(
        lit(r#"'\n\t\\\'\"\x41\u00e9\U0001F600\101\0\a\q'"#),
        "\"\\n\\t\\\\'\\\"Aé😀A\\0\\u{7}\\\\q\""
    );
    assert_eq!(lit("'a\\\nb'"), "\"ab\"");
    assert_eq!(lit("'''a\r\nb'''"), "\"a\\nb\"");
    // Raw strings keep backslashes, and `\'` does not end them.
    assert_eq!(lit(r"r'\n\''"), "\"\\\\n\\\\'\"");
    assert_eq!(lit(r"R'\d'"), "\"\\\\d\"");
    assert_eq!(lit(r"b'a\x00\xff'"), "b\"a\\0�\"");
    assert_eq!(lit(r"rb'\x' BR'x'"), "b\"\\\\xx\"");
    assert_eq!(lit("u'é'"), "\"é\"");
}

#[test]
fn bad_strings() {
    assert_eq!(
        toks("'abc"),
        s(&["ERR(unterminated string literal (detected at line 1))"])
    );
    assert_eq!(
        toks("x\n'abc\ny'"),
        s(&[
            "x",
            "NL",
            "ERR(unterminated string literal (detected at line 2))"
        ])
    );
    assert_eq!(
        toks("'''abc\n\ndef\n"),
        s(&["ERR(unterminated triple-quoted string literal (detected at line 3))"])
    );
    assert_eq!(
        lit(r"'\x4'"),
        "ERR((unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape)"
    );
    assert_eq!(
        lit("b'é'"),
        "ERR(bytes can only contain ASCII literal characters)"
    );
}

#[test]
fn bad_characters() {
    // Stray ASCII characters are tokens no rule accepts, as in CPython.
    assert_eq!(toks("a $ b"), s(&["a", "Stray('$')", "b", "NL"]));
    assert_eq!(
        toks("a € b"),
        s(&["a", "ERR(invalid character '€' (U+20AC))"])
    );
    assert_eq!(
        toks("a\u{a0}b"),
        s(&["a", "ERR(invalid non-printable character U+00A0)"])
    );
    assert_eq!(
        toks("a \\ b"),
        s(&[
            "a",
            "ERR(unexpected character after line continuation character)"
        ])
    );
}

#[test]
fn bracket_errors() {
    assert_eq!(toks("a)"), s(&["a", "ERR(unmatched ')')"]));
    assert_eq!(
        toks("(a]"),
        s(&[
            "LPar",
            "a",
            "ERR(closing parenthesis ']' does not match opening parenthesis '(')"
        ])
    );
    assert_eq!(
        toks("f(a"),
        s(&["f", "LPar", "a", "ERR('(' was never closed)"])
    );
}

#[test]
fn with_parenthesised_items_are_marked() {
    assert_eq!(toks("with (a as b):")[1], "LParWith");
    assert_eq!(toks("with (a, b):")[1], "LParWith");
    assert_eq!(toks("with (a, b) as c:")[1], "LPar");
    assert_eq!(toks("with (a).b:")[1], "LPar");
    assert_eq!(toks("with (yield):")[1], "LPar");
}
