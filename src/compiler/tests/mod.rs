//! Tests of the symbol table and code generation, on hand-built ASTs.
//!
//! - `util`: AST constructors, compiling, and a disassembly to compare against.
//! - `codegen`: expressions, assignments, calls, functions, classes, imports.
//! - `blocks`: loops, exception blocks, `with` and early exits from them.
//! - `names`: symbol classification and the scope-related SyntaxErrors.

mod blocks;
mod codegen;
mod names;
mod util;
