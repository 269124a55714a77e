//! Tests of the lexer and parser.

mod dump;
mod errors;
mod expressions;
mod lexing;
mod matching;
mod robustness;
mod statements;

use super::*;

/// Parses a module and renders it compactly.
fn p(src: &str) -> String {
    match parse_module(src, "<test>") {
        Ok(m) => dump::module(&m),
        Err(e) => panic!("unexpected error for {src:?}:\n{e}"),
    }
}

/// The error for `src`: (kind, message, line).
fn err(src: &str) -> (String, String, usize) {
    match parse_module(src, "<test>") {
        Ok(m) => panic!("expected an error for {src:?}, got {}", dump::module(&m)),
        Err(e) => (e.kind.to_string(), e.msg, e.lineno),
    }
}

/// Asserts a `SyntaxError` with this message on this line.
#[track_caller]
fn syntax_error(src: &str, msg: &str, line: usize) {
    assert_eq!(
        err(src),
        ("SyntaxError".to_string(), msg.to_string(), line),
        "for {src:?}"
    );
}

/// Asserts an `IndentationError` with this message on this line.
#[track_caller]
fn indent_error(src: &str, msg: &str, line: usize) {
    assert_eq!(
        err(src),
        ("IndentationError".to_string(), msg.to_string(), line),
        "for {src:?}"
    );
}
