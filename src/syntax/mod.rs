//! Source text to AST: the logos lexer with its indentation layer, and the
//! lalrpop parser fed by it.
//!
//! Pipeline: `token.rs` (logos token enum) -> `lexer.rs` (INDENT/DEDENT,
//! NEWLINE, brackets, tokenizer errors) -> the generated parser from
//! `grammar/python.lalrpop`, run by `parser.rs`. Grammar actions call
//! `builder.rs` (nodes, statements; string literals, decoded by
//! `strings.rs`, f-strings split by `fstring.rs`, whose fields are parsed
//! by a nested parser) and `checks.rs` (targets, arguments, parameters),
//! all sharing the parse's `State` (`state.rs`: the depth limit, deferred
//! errors). When parsing fails, `parser.rs` and `hints.rs` pick the message
//! and position CPython 3.11 would report.
//!
//! The files import one another without cycles; each uses only files
//! listed before it:
//!
//! ```text
//! ast, token, strings, error   leaves (error: PErr, SyntaxError)
//! walk                         ast
//! hints                        error, token
//! lexer                        error, hints, token
//! state                        ast, error, token, walk
//! checks                       ast, state
//! fstring                      ast, error, state, strings
//! builder                      ast, checks, error, fstring, state, strings, token
//! patterns                     ast, error, state, token (the `match` statement)
//! parser (+ grammar)           ast, builder, checks, error, hints, lexer,
//!                              patterns, state, token; it hands `State` the nested
//!                              parser that f-string fields need
//! ```

pub mod ast;
mod builder;
pub mod carets;
mod checks;
mod error;
mod fstring;
mod hints;
mod lexer;
mod parser;
mod patterns;
mod state;
mod strings;
mod token;
mod walk;

#[cfg(test)]
mod tests;

pub use error::SyntaxError;
pub use state::MAX_AST_DEPTH;

use error::PErr;

/// Parses a whole module. `filename` is used only in error messages.
///
/// Never panics and never recurses deeper than [`MAX_AST_DEPTH`] levels,
/// whatever the input: such inputs are rejected with a `SyntaxError`, so
/// the tree returned is at most that deep.
pub fn parse_module(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    parser::parse_module(source)
        .map(|body| ast::Module { body })
        .map_err(|e| to_syntax_error(e, filename, source))
}

/// Parses `source` as a single expression (what `eval` accepts: a tuple
/// without parentheses is fine, newlines are ignored as inside brackets).
pub fn parse_expression(source: &str, filename: &str) -> Result<ast::Expr, SyntaxError> {
    parser::parse_expression(source).map_err(|e| to_syntax_error(e, filename, source))
}

fn to_syntax_error(e: PErr, filename: &str, source: &str) -> SyntaxError {
    SyntaxError::new(e.kind, e.msg, filename, source, e.offset)
}
