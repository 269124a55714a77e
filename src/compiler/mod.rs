//! AST to bytecode: a symbol-table pass, then code generation into immutable
//! code objects.

pub mod bytecode;

use crate::syntax::{ast, SyntaxError};
use bytecode::CodeObject;
use std::sync::Arc;

/// Compiles a parsed module into its code object. `source` maps spans to lines.
pub fn compile_module(
    module: &ast::Module,
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, SyntaxError> {
    let _ = module;
    Err(SyntaxError::new(
        "SyntaxError",
        "compiler not written yet",
        filename,
        source,
        0,
    ))
}
