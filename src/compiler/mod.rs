//! AST to bytecode: a symbol-table pass, then code generation into immutable
//! code objects.
//!
//! - `symtable`: scopes and name resolution (local, global, cell, free).
//! - `codegen`: compiler state, units, names, constants, assembly.
//! - `stmt` / `expr`: code generation for statements / expressions.
//! - `patterns`: the `match` statement.
//! - `flow`: stack-depth analysis (`max_stack`) and bytecode sanity checks.

pub mod bytecode;
mod codegen;
mod expr;
mod flow;
mod patterns;
mod stmt;
mod symtable;
#[cfg(test)]
mod tests;

use crate::syntax::{ast, SyntaxError};
use bytecode::CodeObject;
use std::sync::Arc;

/// Compiles an expression (`eval` mode): its value is returned.
pub fn compile_expression(
    expr: &ast::Expr,
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, SyntaxError> {
    let wrapper = ast::Module {
        body: vec![ast::Stmt {
            kind: ast::StmtKind::Expr(expr.clone()),
            span: expr.span,
        }],
    };
    let table = symtable::SymbolTable::build(&wrapper, source, filename)?;
    let ast::StmtKind::Expr(expr) = &wrapper.body[0].kind else {
        unreachable!("built above")
    };
    let mut c = codegen::Compiler::new(&table, source, filename);
    c.dynamic_names = true;
    c.compile_eval(expr).map_err(|e| *e)
}

/// Compiles a module for the prompt (`single` mode): top-level expression
/// statements show their value through `sys.displayhook`.
pub fn compile_interactive(
    module: &ast::Module,
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, SyntaxError> {
    let table = symtable::SymbolTable::build(module, source, filename)?;
    let mut c = codegen::Compiler::new(&table, source, filename);
    c.interactive = true;
    c.dynamic_names = true;
    c.compile_module(module).map_err(|e| *e)
}

/// Compiles a program for `exec`: its module-level names are looked up in
/// the namespace it runs with.
pub fn compile_exec(
    module: &ast::Module,
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, SyntaxError> {
    let table = symtable::SymbolTable::build(module, source, filename)?;
    let mut c = codegen::Compiler::new(&table, source, filename);
    c.dynamic_names = true;
    c.compile_module(module).map_err(|e| *e)
}

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
