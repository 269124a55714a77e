//! Runs the generated parser over the lexer and turns its failures into
//! CPython's messages.

use lalrpop_util::ParseError;

use super::ast::{Expr, ExprKind, Stmt};
use super::error::{Origin, PErr};
use super::hints::ReadStart;
use super::lexer::{line_of, Lexer};
use super::state::{State, Top};
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
pub fn parse_module(src: &str) -> Result<Vec<Stmt>, PErr> {
    let st = &State::new(src, parse_field);
    let mut lexer = Lexer::module(src);
    match run(st, &mut lexer)? {
        Top::Module(body) => finish(st, body),
        Top::Expr(_) => Err(PErr::syntax("invalid syntax", 0)),
    }
}

/// Parses the whole source as one expression.
pub fn parse_expression(src: &str) -> Result<Expr, PErr> {
    let st = &State::new(src, parse_field);
    let e = parse_expression_range(st, 0, src.len(), 0)?;
    if matches!(e.kind, ExprKind::Starred(_)) {
        return Err(PErr::syntax(
            "can't use starred expression here",
            e.span.start as usize,
        ));
    }
    finish(st, e)
}

/// A successful parse still fails if a check CPython's compiler makes
/// found something.
fn finish<T>(st: &State, result: T) -> Result<T, PErr> {
    match st.first_deferred() {
        Some(e) => Err(e),
        None => Ok(result),
    }
}

/// An f-string field: `st.src[start..end]` as one expression inside a
/// bracket (see [`State::parse_nested`]).
fn parse_field(st: &State, start: usize, end: usize) -> Result<Expr, PErr> {
    parse_expression_range(st, start, end, 1)
}

/// Parses `st.src[start..end]` as one expression (f-string fields,
/// `parse_expression`), inside `depth` brackets.
fn parse_expression_range(
    st: &State,
    start: usize,
    end: usize,
    depth: usize,
) -> Result<Expr, PErr> {
    let mut lexer = Lexer::expression(st.src, start, end, depth);
    match run(st, &mut lexer)? {
        Top::Expr(e) => Ok(e),
        Top::Module(_) => Err(PErr::syntax("invalid syntax", start)),
    }
}

fn run(st: &State, lexer: &mut Lexer) -> Result<Top, PErr> {
    let result = grammar::TopParser::new().parse(st, &mut *lexer);
    result.map_err(|e| convert(st, lexer, e))
}

/// Statements whose missing `:` CPython reports as "expected ':'" whatever
/// follows; for the others only a NEWLINE in its place gets that message.
const FORCED_COLON: &[&str] = &[
    "function definition",
    "'try' statement",
    "'else' statement",
    "'finally' statement",
];

/// Picks the message for a parse failure, as CPython's parser would.
fn convert(st: &State, lexer: &mut Lexer, err: ParseError<usize, Tok, PErr>) -> PErr {
    let src = st.src;
    let has = |expected: &[String], what: &str| expected.iter().any(|e| e == what);
    // CPython builds string literals as soon as it has read them: their
    // errors come before a parse error right after them.
    let failed_at = match &err {
        ParseError::UnrecognizedToken {
            token: (start, _, _),
            ..
        } => Some(*start),
        ParseError::UnrecognizedEof { location, .. } => Some(*location),
        _ => None,
    };
    if let Some(at) = failed_at {
        if let Some(error) = string_error(st, lexer, at) {
            let stop = error.offset;
            return check_rest(src, lexer, error, stop);
        }
    }
    let (err, stop) = match err {
        ParseError::User { error } => {
            if lexer.failed() {
                // A tokenizer error the parser reached: reported as is.
                return error;
            }
            let mut error = error;
            if error.at_next_token {
                error.offset = lexer.line().next_token_start(error.offset);
                error.at_next_token = false;
            }
            let stop = error.offset;
            (error, stop)
        }
        ParseError::UnrecognizedToken {
            token: (start, tok, _),
            expected,
        } => {
            let only = |what: &str| expected.len() == 1 && expected[0] == what;
            let err = if only("INDENT") {
                expected_block(lexer, start)
            } else if has(&expected, "\"except\"")
                && has(&expected, "\"finally\"")
                && !has(&expected, "\"def\"")
            {
                // A `try` with no handler yet.
                PErr::syntax("expected 'except' or 'finally' block", start)
            } else if tok == Tok::Indent {
                return PErr::indentation("unexpected indent", start);
            } else if tok == Tok::Dedent {
                return PErr::indentation("unexpected unindent", start);
            } else if has(&expected, "\":\"")
                && !lexer.line_owner(start).is_empty()
                && lexer.line().depth_at(start) == 0
                && !lexer.line().colon_before(start)
                && (tok == Tok::Newline || FORCED_COLON.contains(&lexer.line_owner(start)))
            {
                PErr::syntax("expected ':'", start)
            } else if only("\"(\"") {
                PErr::syntax("expected '('", start)
            } else if has(&expected, "\"else\"") && !has(&expected, "\"def\"") {
                // After `a if b`: only `else` (or more of `b`) can follow;
                // after a statement, so could a new statement. Reported at
                // `a`.
                let at = lexer.line().conditional_start(start).unwrap_or(start);
                PErr::syntax("expected 'else' after 'if' expression", at)
            } else if let Some(hint) = (tok == Tok::Assign)
                .then(|| lexer.line().assignment(start))
                .flatten()
            {
                hint
            } else if let Some(hint) = lexer.line().juxtaposition(start, has(&expected, "\":\"")) {
                hint
            } else {
                PErr::syntax("invalid syntax", start)
            };
            (err, start)
        }
        ParseError::UnrecognizedEof { location, expected } => {
            let location = location.min(lexer.eof_offset());
            let err = if expected.len() == 1 && expected[0] == "INDENT" {
                expected_block(lexer, location)
            } else if has(&expected, "\"except\"") && has(&expected, "\"finally\"") {
                PErr::syntax("expected 'except' or 'finally' block", location)
            } else {
                PErr::syntax("invalid syntax", location)
            };
            (err, location)
        }
        ParseError::InvalidToken { location } => {
            (PErr::syntax("invalid syntax", location), location)
        }
        ParseError::ExtraToken {
            token: (start, _, _),
        } => (PErr::syntax("invalid syntax", start), start),
    };
    check_rest(src, lexer, err, stop)
}

/// The error from building the string literals right before offset `at`.
fn string_error(st: &State, lexer: &Lexer, at: usize) -> Option<PErr> {
    let strings = lexer.line().strings_before(at)?;
    let (l, r) = (strings.first()?.start, strings.last()?.end);
    match st.strings(l, r, strings) {
        Err(ParseError::User { mut error }) => {
            if error.at_next_token {
                error.offset = lexer.line().next_token_start(error.offset);
                error.at_next_token = false;
            }
            Some(error)
        }
        _ => None,
    }
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

/// CPython tokenizes the rest of the file after a parse error: an error
/// its tokenizer raises there (an unterminated string, a bad character,
/// ...) is reported instead, and so is a bracket left open on an earlier
/// line than the furthest token its parser read (`'(' was never closed`).
///
/// That furthest token is often past `stop`, where the parse failed: when
/// CPython's second pass tries its rules for two expressions in a row or
/// for `=` in an expression, it reads the expression after that point and
/// one token more. Reading the end of the file inside a bracket then
/// raises `'(' was never closed` on the spot.
fn check_rest(src: &str, lexer: &mut Lexer, err: PErr, stop: usize) -> PErr {
    let mut reading = lexer.line().reads_ahead(stop).map(ReadAhead::new);
    let mut furthest = stop;
    for item in lexer {
        match item {
            Err(e) => {
                return match e.origin {
                    Origin::Tokenizer => e,
                    Origin::Unclosed
                        if reading.is_some() || line_of(src, e.offset) < line_of(src, furthest) =>
                    {
                        e
                    }
                    _ => err,
                }
            }
            Ok((start, tok, _)) => {
                if let Some(r) = &mut reading {
                    furthest = start;
                    if !r.step(&tok) {
                        reading = None;
                    }
                }
            }
        }
    }
    err
}

/// Follows CPython's parser reading one expression (see [`check_rest`]).
struct ReadAhead {
    /// An operand is expected (else an operator or a trailer may follow).
    operand: bool,
    /// Brackets open inside the expression.
    depth: usize,
}

impl ReadAhead {
    fn new(start: ReadStart) -> ReadAhead {
        match start {
            ReadStart::Operand => ReadAhead {
                operand: true,
                depth: 0,
            },
            ReadStart::AfterOperand { open } => ReadAhead {
                operand: false,
                depth: usize::from(open),
            },
        }
    }

    /// Takes the next token; false when it is the one read past the end.
    fn step(&mut self, tok: &Tok) -> bool {
        use Tok::*;
        if self.depth > 0 {
            // No expression holds these: CPython's parse stops there.
            if matches!(
                tok,
                As | Assert
                    | Break
                    | Class
                    | Continue
                    | Def
                    | Del
                    | Elif
                    | Except
                    | Finally
                    | Global
                    | Import
                    | Nonlocal
                    | Pass
                    | Raise
                    | Return
                    | Try
                    | While
                    | With
            ) {
                return false;
            }
            match tok {
                LPar | LSqb | LBrace => self.depth += 1,
                RPar | RSqb | RBrace => self.depth -= 1,
                _ => {}
            }
            return true;
        }
        let opens = matches!(tok, LPar | LSqb | LBrace);
        if self.operand {
            match tok {
                Name(_) | Int(_) | Float(_) | Imaginary(_) | Str(_) | None | True | False
                | Ellipsis => self.operand = false,
                Minus | Plus | Tilde | Not | Star | Await => {}
                _ if opens => {
                    self.depth = 1;
                    self.operand = false;
                }
                _ => return false,
            }
            return true;
        }
        match tok {
            Dot | Plus | Minus | Star | Slash | DoubleSlash | Percent | DoubleStar | At
            | LShift | RShift | Amper | Vbar | Circumflex | Less | Greater | LessEq | GreaterEq
            | EqEq | NotEq | And | Or | In | Is | Not | If | Else => self.operand = true,
            // Trailers, and adjacent strings.
            LPar | LSqb => self.depth = 1,
            Str(_) => {}
            _ => return false,
        }
        true
    }
}
