//! What the VM is handed by the crate that assembles it (`lib.rs`): a way to
//! compile source text and the table of modules it can import. The VM runs
//! bytecode and knows neither the parser nor the modules built on it.

use super::dict::DictMap;
use super::object::PyResult;
use super::Vm;
use crate::compiler::bytecode::CodeObject;
use std::fmt;
use std::sync::Arc;

/// A syntax error as the VM sees it: enough to print CPython's report and to
/// build a `SyntaxError` exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// `"SyntaxError"`, `"IndentationError"` or `"TabError"`.
    pub kind: &'static str,
    pub msg: String,
    pub filename: String,
    /// 1-based line and column (in characters) of the caret.
    pub lineno: usize,
    pub col: usize,
    /// The offending line, without its newline.
    pub line_text: String,
    /// The full report as CPython prints it (`File ..., line N`, the line,
    /// the caret and `Kind: message`).
    pub report: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report)
    }
}

/// What source text is compiled as (`compile()`'s `mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// A module file or the main program: its names are its globals.
    Module,
    /// A program for `exec` (or `compile(..., 'exec')`), whose names are
    /// looked up in the locals it runs with, then the globals.
    Exec,
    /// One expression, whose value `eval` returns.
    Eval,
    /// Statements typed at the prompt: expression values are shown.
    Single,
}

/// Compiles source text (`filename` is for messages and tracebacks).
pub type CompileFn = fn(&str, &str, CompileMode) -> Result<Arc<CodeObject>, Box<CompileError>>;

/// Fills a native module's namespace.
pub type ModuleInitFn = fn(&mut Vm, &mut DictMap) -> PyResult<()>;

/// How a module of the table is made on its first import.
#[derive(Clone, Copy)]
pub enum ModuleInit {
    /// Written in Rust.
    Native(ModuleInitFn),
    /// Written in gilpy's Python, embedded in the binary.
    Source(&'static str),
}

/// One entry of the module table.
#[derive(Clone, Copy)]
pub struct ModuleDef {
    pub name: &'static str,
    pub init: ModuleInit,
}

/// The compiler and the module table, given to [`Vm::new`].
#[derive(Clone, Copy)]
pub struct Host {
    pub compile: CompileFn,
    /// Where a traceback's `^` go in a failing instruction's source
    /// segment (see `syntax::carets`), in characters.
    pub caret_anchors: fn(&str) -> Option<(usize, usize)>,
    pub modules: &'static [ModuleDef],
}

impl Host {
    /// The table's entry for `name`, if the module is built in.
    pub fn module(&self, name: &str) -> Option<&'static ModuleDef> {
        self.modules.iter().find(|m| m.name == name)
    }
}
