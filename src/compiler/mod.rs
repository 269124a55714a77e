//! AST to bytecode: a symbol-table pass, then code generation into immutable
//! code objects.
//!
//! - `symtable`: scopes and name resolution (local, global, cell, free).
//! - `codegen`: compiler state, units, names, constants, assembly.
//! - `stmt` / `expr`: code generation for statements / expressions.
//! - `flow`: stack-depth analysis (`max_stack`) and bytecode sanity checks.

pub mod bytecode;
mod codegen;
mod expr;
mod flow;
mod stmt;
mod symtable;
#[cfg(test)]
mod tests;

use crate::syntax::{ast, SyntaxError};
use bytecode::CodeObject;
use std::sync::Arc;

/// Compiles a parsed module into its code object. `source` maps spans to lines.
pub fn compile_module(
    module: &ast::Module,
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, SyntaxError> {
    let table = symtable::SymbolTable::build(module, source, filename)?;
    codegen::Compiler::new(&table, source, filename)
        .compile_module(module)
        .map_err(|e| *e)
}
