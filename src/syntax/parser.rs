//! Runs the generated parser over the lexer and turns its failures into
//! CPython's messages.

use lalrpop_util::ParseError;

use super::ast::{Expr, Stmt};
use super::builder::{State, Top};
use super::lexer::{line_of, Lexer, PErr};
use super::token::Tok;

lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_parens,
        unused_imports,
        dead_code
    )]
    grammar,
    "/python.rs"
);

/// Parses a module's statements.
pub fn parse_module(st: &State) -> Result<Vec<Stmt>, PErr> {
    let mut lexer = Lexer::module(st.src);
    match run(st, &mut lexer)? {
        Top::Module(body) => Ok(body),
        Top::Expr(_) => unreachable!("the lexer started a module"),
    }
}

/// Parses `st.src[start..end]` as one expression (f-string fields,
/// `parse_expression`), inside `depth` brackets.
pub fn parse_expression_range(
    st: &State,
    start: usize,
    end: usize,
    depth: usize,
) -> Result<Expr, PErr> {
    let mut lexer = Lexer::expression(st.src, start, end, depth);
    match run(st, &mut lexer)? {
        Top::Expr(e) => Ok(e),
        Top::Module(_) => unreachable!("the lexer started an expression"),
    }
}

fn run(st: &State, lexer: &mut Lexer) -> Result<Top, PErr> {
    let result = grammar::TopParser::new().parse(st, &mut *lexer);
    result.map_err(|e| convert(st.src, lexer, e))
}

/// Picks the message for a parse failure, as CPython's parser would.
fn convert(src: &str, lexer: &mut Lexer, err: ParseError<usize, Tok, PErr>) -> PErr {
    let has = |expected: &[String], what: &str| expected.iter().any(|e| e == what);
    // Where the parser stopped (not always where the message points).
    let stop = match &err {
        ParseError::UnrecognizedToken {
            token: (start, _, _),
            ..
        }
        | ParseError::ExtraToken {
            token: (start, _, _),
        } => Some(*start),
        _ => None,
    };
    let err = match err {
        ParseError::User { error } => {
            if lexer.failed() {
                // A tokenizer error: reported as is.
                return error;
            }
            error
        }
        ParseError::UnrecognizedToken {
            token: (start, tok, _),
            expected,
        } => {
            if expected.len() == 1 && expected[0] == "INDENT" {
                expected_block(lexer, start)
            } else if tok == Tok::Indent {
                return PErr::indentation("unexpected indent", start);
            } else if tok == Tok::Dedent {
                return PErr::indentation("unexpected unindent", start);
            } else if has(&expected, "\":\"")
                && (tok == Tok::Newline || expected.iter().all(|e| e == "\":\"" || e == "\"->\""))
            {
                PErr::syntax("expected ':'", start)
            } else if has(&expected, "\"except\"") && has(&expected, "\"finally\"") {
                PErr::syntax("expected 'except' or 'finally' block", start)
            } else if has(&expected, "\"else\"") && !has(&expected, "\"def\"") {
                // After `a if b`: only `else` (or more of `b`) can follow;
                // after a statement, so could a new statement.
                PErr::syntax("expected 'else' after 'if' expression", start)
            } else if expected.len() == 1 && expected[0] == "\"(\"" {
                PErr::syntax("expected '('", start)
            } else if tok == Tok::Assign && has(&expected, "\":\"") {
                // `if x = 1:`
                PErr::syntax(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    start,
                )
            } else if tok == Tok::Assign && has(&expected, "\")\"") {
                // `f(a.b=1)`
                PErr::syntax(
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                    start,
                )
            } else if let Some(hint) = lexer.juxtaposition_hint(start) {
                hint
            } else {
                PErr::syntax("invalid syntax", start)
            }
        }
        ParseError::UnrecognizedEof { location, expected } => {
            if expected.len() == 1 && expected[0] == "INDENT" {
                expected_block(lexer, location)
            } else if has(&expected, "\"except\"") && has(&expected, "\"finally\"") {
                PErr::syntax("expected 'except' or 'finally' block", location)
            } else {
                PErr::syntax("invalid syntax", location)
            }
        }
        ParseError::InvalidToken { location } => PErr::syntax("invalid syntax", location),
        ParseError::ExtraToken {
            token: (start, _, _),
        } => PErr::syntax("invalid syntax", start),
    };
    let stop = stop.unwrap_or(err.offset);
    check_rest(src, lexer, err, stop)
}

/// `expected an indented block after 'if' statement on line 3`
fn expected_block(lexer: &Lexer, at: usize) -> PErr {
    let msg = match lexer.block_owner_before(at) {
        Some((what, line)) if !what.is_empty() => {
            format!("expected an indented block after {what} on line {line}")
        }
        _ => "expected an indented block".to_string(),
    };
    PErr::indentation(msg, at)
}

/// CPython tokenizes the rest of the file after a parse error: a tokenizer
/// error there (an unterminated string, a bad character, ...) is reported
/// instead, and so is a bracket left open on an earlier line than the
/// parse error (`'(' was never closed`).
fn check_rest(src: &str, lexer: &mut Lexer, err: PErr, stop: usize) -> PErr {
    for item in lexer {
        if let Err(e) = item {
            if e.unclosed && line_of(src, e.offset) >= line_of(src, stop) {
                return err;
            }
            return e;
        }
    }
    err
}
