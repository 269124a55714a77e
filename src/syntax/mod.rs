//! Source text to AST: the logos lexer with its indentation layer, and the
//! lalrpop parser fed by it.

pub mod ast;
mod error;

pub use error::SyntaxError;

/// Parses a whole module. `filename` is used only in error messages.
pub fn parse_module(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    let _ = (source, filename);
    Err(SyntaxError::new(
        "SyntaxError",
        "parser not written yet",
        filename,
        source,
        0,
    ))
}
