//! gilpy: a small Python with a real global interpreter lock.
//!
//! The pipeline, one module per stage: `syntax` (lexer and parser) ->
//! `compiler` (symbol table and bytecode) -> `vm` (frames, objects, the eval
//! loop, the GIL) -> `builtins` and `stdlib` (native modules).

pub mod builtins;
pub mod compiler;
pub mod fmt;
pub mod stdlib;
pub mod syntax;
pub mod vm;

use compiler::bytecode::CodeObject;
use std::sync::Arc;
use syntax::SyntaxError;

/// Parses and compiles a module's source.
pub fn compile_source(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    let module = syntax::parse_module(source, filename)?;
    compiler::compile_module(&module, source, filename)
}
