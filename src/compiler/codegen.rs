//! Code generation: the compiler state, one `Unit` per code object being
//! built (module, class body, function, lambda, comprehension), name
//! resolution into instructions, constants, labels and assembly.
//!
//! Statements are in `stmt.rs`, expressions in `expr.rs`.

use super::bytecode::{CodeObject, Constant, Instr, Position};
use super::flow;
use super::symtable::{Resolved, ScopeId, ScopeKind, SymbolTable, DEF_FREE_CLASS};
use crate::syntax::ast::{self, Span, Stmt};
use crate::syntax::SyntaxError;
use indexmap::IndexSet;
use num_bigint::BigInt;
use std::collections::HashMap;
use std::sync::Arc;

/// Errors are boxed: small results keep the deep recursion over
/// expressions cheap on the stack.
pub(crate) type CResult<T = ()> = Result<T, Box<SyntaxError>>;

/// A jump destination, bound to an instruction index once known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

const UNBOUND: u32 = u32::MAX;

/// What a name instruction does with the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

/// A block that `return`, `break` and `continue` must unwind when they
/// leave it (CPython 3.9's `fblockinfo`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum FBlock<'a> {
    WhileLoop {
        start: Label,
        end: Label,
    },
    /// The iterator is on the stack.
    ForLoop {
        start: Label,
        end: Label,
    },
    /// The body of `try/except`: a `SetupFinally` block.
    TryExcept,
    /// An `except*` handler's body: `break`, `continue` and `return` may
    /// not leave it.
    ExceptStar,
    /// The body of `try/finally`: a `SetupFinally` block; leaving runs the
    /// finally body.
    FinallyTry(&'a [Stmt]),
    /// The finally body on the exception path: `[exc]` on the stack and an
    /// except-handler block.
    FinallyEnd,
    /// A `with` body: `__exit__` on the stack and a `SetupWith` block
    /// (`__aexit__`, whose result is awaited, for `async with`).
    With(bool),
    /// An except handler body: an except-handler block, plus a `SetupFinally`
    /// cleanup block when the exception is bound to a name.
    HandlerCleanup(Option<&'a str>),
    /// A return value kept on the stack while a finally body is inlined.
    PopValue,
}

/// Constants as hashable keys, for deduplication (floats by bit pattern, so
/// `0.0` and `-0.0` stay apart; ints, bools and floats never mix).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<ConstKey>),
}

fn const_key(c: &Constant) -> Option<ConstKey> {
    Some(match c {
        Constant::None => ConstKey::None,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Int(i) => ConstKey::Int(*i),
        Constant::BigInt(i) => ConstKey::BigInt(i.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex(re, im) => ConstKey::Complex(re.to_bits(), im.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Tuple(items) => {
            ConstKey::Tuple(items.iter().map(const_key).collect::<Option<_>>()?)
        }
        Constant::Code(_) => return None,
    })
}

/// The line and source range instructions are emitted for.
#[derive(Clone, Copy)]
pub(crate) struct Loc {
    pub(crate) line: u32,
    pub(crate) span: Span,
}

/// A code object under construction.
pub(crate) struct Unit<'a> {
    pub(crate) scope: ScopeId,
    pub(crate) kind: ScopeKind,
    name: String,
    pub(crate) qualname: String,
    firstlineno: u32,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    spans: Vec<Span>,
    /// Label id -> instruction index (`UNBOUND` until bound).
    labels: Vec<u32>,
    consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    names: IndexSet<String>,
    varnames: IndexSet<String>,
    cellvars: IndexSet<String>,
    freevars: IndexSet<String>,
    pub(crate) fblocks: Vec<FBlock<'a>>,
    /// Line and source range given to emitted instructions.
    pub(crate) loc: Loc,
    pub(crate) docstring: Option<String>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    has_varargs: bool,
    has_varkw: bool,
    pub(crate) is_generator: bool,
    pub(crate) is_coroutine: bool,
}

pub(crate) struct Compiler<'a> {
    pub(crate) table: &'a SymbolTable,
    source: &'a str,
    filename: Arc<str>,
    /// Byte offset of the start of each line.
    line_starts: Vec<u32>,
    pub(crate) units: Vec<Unit<'a>>,
    /// `compile(..., 'single')`: top-level expression statements show
    /// their value (`PrintExpr`) instead of dropping it.
    pub(crate) interactive: bool,
    /// Code for `exec`/`eval`/`compile`: module-level names go through
    /// the namespace it runs with (`LoadName`), not straight to globals.
    pub(crate) dynamic_names: bool,
    /// `from __future__ import annotations`: annotations are strings.
    pub(crate) string_annotations: bool,
}

/// Whether a module or class body annotates a simple name, so that it
/// needs an `__annotations__` dict (nested blocks count; definitions not).
pub(crate) fn annotates_names(body: &[Stmt]) -> bool {
    use ast::StmtKind::*;
    body.iter().any(|s| match &s.kind {
        AnnAssign { target, .. } => matches!(target.kind, ast::ExprKind::Name(_)),
        If { body, orelse, .. } | While { body, orelse, .. } | For { body, orelse, .. } => {
            annotates_names(body) || annotates_names(orelse)
        }
        With { body, .. } => annotates_names(body),
        Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            annotates_names(body)
                || handlers.iter().any(|h| annotates_names(&h.body))
                || annotates_names(orelse)
                || annotates_names(finalbody)
        }
        _ => false,
    })
}

/// The docstring of a body: its first statement, if a string constant.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(ast::StmtKind::Expr(ast::Expr {
            kind: ast::ExprKind::Constant(ast::Constant::Str(s)),
            ..
        })) => Some(s),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn new(table: &'a SymbolTable, source: &'a str, filename: &str) -> Compiler<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        );
        Compiler {
            table,
            source,
            filename: Arc::from(filename),
            line_starts,
            units: Vec::new(),
            interactive: false,
            dynamic_names: false,
            string_annotations: false,
        }
    }

    pub(crate) fn compile_module(mut self, module: &'a ast::Module) -> CResult<Arc<CodeObject>> {
        self.string_annotations = super::symtable::has_future_annotations(&module.body);
        self.enter_unit(0, "<module>".into(), "<module>".into(), 1);
        if annotates_names(&module.body) {
            self.emit(Instr::SetupAnnotations);
        }
        if let Some(doc) = docstring(&module.body) {
            self.set_line(module.body[0].span);
            self.load_const(Constant::Str(doc.to_string()));
            self.compile_name("__doc__", Ctx::Store);
        }
        self.compile_body(&module.body)?;
        self.return_none_if_reachable();
        self.exit_unit()
    }

    /// `eval` mode: the expression's value is the code's return value.
    pub(crate) fn compile_eval(mut self, expr: &'a ast::Expr) -> CResult<Arc<CodeObject>> {
        self.enter_unit(0, "<module>".into(), "<module>".into(), 1);
        self.set_line(expr.span);
        self.compile_expr(expr)?;
        self.emit(Instr::ReturnValue);
        self.exit_unit()
    }

    // ---- errors and lines ----

    pub(crate) fn error(&self, msg: impl Into<String>, offset: u32) -> Box<SyntaxError> {
        Box::new(SyntaxError::new(
            "SyntaxError",
            msg,
            &self.filename,
            self.source,
            offset as usize,
        ))
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line_of(&self, offset: u32) -> u32 {
        self.line_starts.partition_point(|&start| start <= offset) as u32
    }

    pub(crate) fn set_line(&mut self, span: Span) {
        let line = self.line_of(span.start);
        self.unit_mut().loc = Loc { line, span };
    }

    /// The columns of `span` (trailing blanks left out), as an instruction's
    /// [`Position`]; None for an empty span.
    pub(crate) fn position_of(&self, span: Span) -> Option<Position> {
        let bytes = self.source.as_bytes();
        let mut end = (span.end as usize).min(bytes.len());
        while end > span.start as usize && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        if end <= span.start as usize {
            return None;
        }
        let line = self.line_of(span.start);
        let end_line = self.line_of(end as u32 - 1);
        let start_of = |l: u32| self.line_starts[l as usize - 1];
        Some(Position {
            end_line,
            col: span.start - start_of(line),
            end_col: end as u32 - start_of(end_line),
        })
    }

    // ---- units ----

    pub(crate) fn unit(&self) -> &Unit<'a> {
        self.units.last().expect("inside a unit")
    }

    pub(crate) fn unit_mut(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("inside a unit")
    }

    /// Starts a code object for symbol-table scope `scope`.
    pub(crate) fn enter_unit(
        &mut self,
        scope: ScopeId,
        name: String,
        qualname: String,
        firstlineno: u32,
    ) {
        let sc = &self.table.scopes[scope];
        let mut varnames: IndexSet<String> = sc.params.iter().cloned().collect();
        if sc.kind.is_function() {
            for (n, sym) in &sc.symbols {
                if sym.scope == Resolved::Local {
                    varnames.insert(n.clone());
                }
            }
        }
        // Sorted, as CPython does, so the order is stable.
        let mut cellvars: Vec<String> = sc
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == Resolved::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        cellvars.sort();
        if sc.needs_class_closure {
            cellvars.push("__class__".to_string());
        }
        let mut freevars: Vec<String> = sc
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == Resolved::Free || s.flags & DEF_FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        freevars.sort();
        self.units.push(Unit {
            scope,
            kind: sc.kind,
            name,
            qualname,
            firstlineno,
            instrs: Vec::new(),
            lines: Vec::new(),
            spans: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: IndexSet::new(),
            varnames,
            cellvars: cellvars.into_iter().collect(),
            freevars: freevars.into_iter().collect(),
            fblocks: Vec::new(),
            loc: Loc {
                line: firstlineno,
                span: Span::default(),
            },
            docstring: None,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkw: false,
            is_generator: sc.is_generator,
            is_coroutine: sc.is_coroutine,
        });
    }

    pub(crate) fn set_params(&mut self, params: &ast::Params) {
        let u = self.unit_mut();
        u.posonlyargcount = params.posonly.len() as u32;
        u.argcount = (params.posonly.len() + params.args.len()) as u32;
        u.kwonlyargcount = params.kwonly.len() as u32;
        u.has_varargs = params.vararg.is_some();
        u.has_varkw = params.kwarg.is_some();
    }

    pub(crate) fn set_argcount(&mut self, n: u32) {
        self.unit_mut().argcount = n;
    }

    /// The qualified name of a new scope named `name` defined in the current
    /// unit (CPython's `compiler_set_qualname`).
    pub(crate) fn qualname(&self, name: &str, is_def: bool) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        // `global f; def f(): ...` inside a function is a top-level name.
        if is_def && self.table.scopes[parent.scope].resolve(name) == Resolved::GlobalExplicit {
            return name.to_string();
        }
        match parent.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                format!("{}.<locals>.{}", parent.qualname, name)
            }
            _ => format!("{}.{}", parent.qualname, name),
        }
    }

    /// Appends `return None` unless control cannot reach the end.
    pub(crate) fn return_none_if_reachable(&mut self) {
        let u = self.unit();
        let end = u.instrs.len() as u32;
        let reachable =
            u.instrs.last().is_none_or(|i| i.falls_through()) || u.labels.contains(&end);
        if reachable {
            self.load_const(Constant::None);
            self.emit(Instr::ReturnValue);
        }
    }

    /// Finishes the current unit into a code object.
    pub(crate) fn exit_unit(&mut self) -> CResult<Arc<CodeObject>> {
        let mut u = self.units.pop().expect("inside a unit");
        for instr in &mut u.instrs {
            if let Some(label) = instr.jump_target() {
                let target = u.labels[label as usize];
                debug_assert!(
                    target != UNBOUND,
                    "jump to an unbound label in {}",
                    u.qualname
                );
                instr.set_jump_target(target);
            }
        }
        let positions = u
            .spans
            .iter()
            .map(|&s| self.position_of(s).unwrap_or(Position::UNKNOWN))
            .collect();
        let max_stack = match flow::max_stack_depth(&u.instrs) {
            Ok(depth) => depth,
            Err(msg) => {
                let code: Vec<String> = u
                    .instrs
                    .iter()
                    .enumerate()
                    .map(|(i, x)| format!("{i:>4} {x:?}"))
                    .collect();
                debug_assert!(
                    false,
                    "bad bytecode for {}: {msg}\n{}",
                    u.qualname,
                    code.join("\n")
                );
                return Err(self.error(
                    format!("internal compiler error in {}: {msg}", u.qualname),
                    0,
                ));
            }
        };
        let n_params = (u.argcount + u.kwonlyargcount) as usize
            + usize::from(u.has_varargs)
            + usize::from(u.has_varkw);
        let cell2arg = u
            .cellvars
            .iter()
            .map(|c| {
                u.varnames
                    .get_index_of(c)
                    .filter(|&i| i < n_params)
                    .map(|i| i as u32)
            })
            .collect();
        Ok(Arc::new(CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            firstlineno: u.firstlineno,
            instructions: u.instrs,
            lines: u.lines,
            positions,
            consts: u.consts,
            names: u.names.into_iter().collect(),
            varnames: u.varnames.into_iter().collect(),
            cellvars: u.cellvars.into_iter().collect(),
            freevars: u.freevars.into_iter().collect(),
            cell2arg,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            has_varargs: u.has_varargs,
            has_varkw: u.has_varkw,
            is_generator: u.is_generator,
            is_coroutine: u.is_coroutine,
            is_class_body: u.kind == ScopeKind::Class,
            docstring: u.docstring,
            max_stack,
        }))
    }

    // ---- emitting ----

    pub(crate) fn emit(&mut self, instr: Instr) {
        let u = self.unit_mut();
        u.instrs.push(instr);
        u.lines.push(u.loc.line);
        u.spans.push(u.loc.span);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.unit_mut();
        u.labels.push(UNBOUND);
        Label(u.labels.len() as u32 - 1)
    }

    pub(crate) fn bind(&mut self, label: Label) {
        let u = self.unit_mut();
        u.labels[label.0 as usize] = u.instrs.len() as u32;
    }

    /// Emits a branch to `label`; `op` is an instruction constructor such as
    /// `Instr::Jump`. The operand is patched at assembly.
    pub(crate) fn emit_jump(&mut self, op: fn(u32) -> Instr, label: Label) {
        self.emit(op(label.0));
    }

    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.unit_mut();
        let key = const_key(&c);
        if let Some(&i) = key.as_ref().and_then(|k| u.const_index.get(k)) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        if let Some(k) = key {
            u.const_index.insert(k, i);
        }
        i
    }

    pub(crate) fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Instr::LoadConst(i));
    }

    pub(crate) fn name_index(&mut self, name: &str) -> u32 {
        let names = &mut self.unit_mut().names;
        match names.get_index_of(name) {
            Some(i) => i as u32,
            None => names.insert_full(name.to_string()).0 as u32,
        }
    }

    /// Index of cellvar `name` in the `cellvars ++ freevars` cell space.
    pub(crate) fn cellvar_index(&self, name: &str) -> u32 {
        let u = self.unit();
        let i = u.cellvars.get_index_of(name);
        i.unwrap_or_else(|| panic!("'{name}' is not a cell of {}", u.qualname)) as u32
    }

    /// Index of freevar `name` in the `cellvars ++ freevars` cell space.
    pub(crate) fn freevar_index(&self, name: &str) -> u32 {
        let u = self.unit();
        let i = u.freevars.get_index_of(name);
        let i = i.unwrap_or_else(|| panic!("'{name}' is not a free variable of {}", u.qualname));
        (u.cellvars.len() + i) as u32
    }

    /// The cell to pass for `name` when building an inner closure.
    fn closure_cell(&self, name: &str) -> u32 {
        let u = self.unit();
        let own_cell = if u.kind == ScopeKind::Class && name == "__class__" {
            true
        } else {
            self.table.scopes[u.scope].resolve(name) == Resolved::Cell
        };
        if own_cell {
            self.cellvar_index(name)
        } else {
            self.freevar_index(name)
        }
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        let varnames = &mut self.unit_mut().varnames;
        match varnames.get_index_of(name) {
            Some(i) => i as u32,
            None => varnames.insert_full(name.to_string()).0 as u32,
        }
    }

    /// Loads, stores or deletes a variable, with the instruction its scope
    /// calls for.
    pub(crate) fn compile_name(&mut self, name: &str, ctx: Ctx) {
        let u = self.unit();
        let resolved = self.table.scopes[u.scope].resolve(name);
        let instr = match u.kind {
            // Module locals are the globals (unless run with other locals).
            ScopeKind::Module if self.dynamic_names && resolved != Resolved::GlobalExplicit => {
                let i = self.name_index(name);
                pick(
                    ctx,
                    Instr::LoadName(i),
                    Instr::StoreName(i),
                    Instr::DeleteName(i),
                )
            }
            ScopeKind::Module => {
                let i = self.name_index(name);
                pick(
                    ctx,
                    Instr::LoadGlobal(i),
                    Instr::StoreGlobal(i),
                    Instr::DeleteGlobal(i),
                )
            }
            ScopeKind::Class => match resolved {
                Resolved::Free => {
                    let i = self.freevar_index(name);
                    pick(
                        ctx,
                        Instr::LoadClassDeref(i),
                        Instr::StoreDeref(i),
                        Instr::DeleteDeref(i),
                    )
                }
                Resolved::GlobalExplicit => {
                    let i = self.name_index(name);
                    pick(
                        ctx,
                        Instr::LoadGlobal(i),
                        Instr::StoreGlobal(i),
                        Instr::DeleteGlobal(i),
                    )
                }
                _ => {
                    let i = self.name_index(name);
                    pick(
                        ctx,
                        Instr::LoadName(i),
                        Instr::StoreName(i),
                        Instr::DeleteName(i),
                    )
                }
            },
            _ => match resolved {
                Resolved::Local => {
                    let i = self.varname_index(name);
                    pick(
                        ctx,
                        Instr::LoadFast(i),
                        Instr::StoreFast(i),
                        Instr::DeleteFast(i),
                    )
                }
                Resolved::Cell | Resolved::Free => {
                    let i = if resolved == Resolved::Cell {
                        self.cellvar_index(name)
                    } else {
                        self.freevar_index(name)
                    };
                    pick(
                        ctx,
                        Instr::LoadDeref(i),
                        Instr::StoreDeref(i),
                        Instr::DeleteDeref(i),
                    )
                }
                Resolved::GlobalExplicit | Resolved::GlobalImplicit | Resolved::Unresolved => {
                    let i = self.name_index(name);
                    pick(
                        ctx,
                        Instr::LoadGlobal(i),
                        Instr::StoreGlobal(i),
                        Instr::DeleteGlobal(i),
                    )
                }
            },
        };
        self.emit(instr);
    }

    pub(crate) fn compile_body(&mut self, body: &'a [Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.compile_stmt(s))
    }

    // ---- functions, classes, closures ----

    /// Pushes the closure tuple (if the code has free variables), the code
    /// and `MakeFunction`. `flags` says which defaults are already pushed.
    pub(crate) fn make_closure(&mut self, code: Arc<CodeObject>, mut flags: u32) {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let i = self.closure_cell(name);
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= 8;
        }
        self.load_const(Constant::Code(code));
        self.emit(Instr::MakeFunction(flags));
    }

    /// Pushes the positional defaults tuple and the keyword-only defaults
    /// dict, evaluated now; returns the `MakeFunction` flags for them.
    pub(crate) fn compile_defaults(&mut self, params: &'a ast::Params) -> CResult<u32> {
        let mut flags = 0;
        let positional: Vec<&ast::Param> = params.posonly.iter().chain(&params.args).collect();
        let mut seen_default = false;
        for p in &positional {
            if p.default.is_some() {
                seen_default = true;
            } else if seen_default {
                return Err(self.error(
                    "non-default argument follows default argument",
                    p.span.start,
                ));
            }
        }
        let defaults: Vec<&'a ast::Expr> = params
            .posonly
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.compile_expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let mut n_kw = 0;
        for p in &params.kwonly {
            if let Some(d) = &p.default {
                self.load_const(Constant::Str(p.name.clone()));
                self.compile_expr(d)?;
                n_kw += 1;
            }
        }
        if n_kw > 0 {
            self.emit(Instr::BuildMap(n_kw));
            flags |= 2;
        }
        Ok(flags)
    }

    /// An annotation's value: the expression evaluated now, or its source
    /// text under `from __future__ import annotations`.
    pub(crate) fn compile_annotation(&mut self, e: &'a ast::Expr) -> CResult {
        if self.string_annotations {
            let text = self.source_text(e.span);
            self.load_const(Constant::Str(text));
            return Ok(());
        }
        self.compile_expr(e)
    }

    /// The source text of a span, with runs of whitespace (line breaks
    /// inside brackets included) made single spaces.
    fn source_text(&self, span: Span) -> String {
        let text = self
            .source
            .get(span.start as usize..span.end as usize)
            .unwrap_or("");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Pushes a function's annotations dict (`{'a': int, 'return': str}`)
    /// if it has any; returns the `MakeFunction` flag for it.
    fn compile_annotations(
        &mut self,
        params: &'a ast::Params,
        returns: Option<&'a ast::Expr>,
    ) -> CResult<u32> {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg);
        let mut n = 0;
        for p in all {
            if let Some(a) = &p.annotation {
                self.load_const(Constant::Str(p.name.clone()));
                self.compile_annotation(a)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".into()));
            self.compile_annotation(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Instr::BuildMap(n));
        Ok(4)
    }

    /// The line a definition starts on: its first decorator's, if any.
    fn def_line(&self, span: Span, decorators: &[ast::Expr]) -> u32 {
        let start = decorators
            .first()
            .map_or(span.start, |d| d.span.start.min(span.start));
        self.line_of(start)
    }

    pub(crate) fn compile_function_def(
        &mut self,
        stmt: &'a Stmt,
        f: &'a ast::FunctionDef,
    ) -> CResult {
        for d in &f.decorators {
            self.compile_expr(d)?;
        }
        let mut flags = self.compile_defaults(&f.params)?;
        flags |= self.compile_annotations(&f.params, f.returns.as_ref())?;
        let scope = self.table.function_scope(f);
        let qualname = self.qualname(&f.name, true);
        let firstlineno = self.def_line(stmt.span, &f.decorators);
        self.enter_unit(scope, f.name.clone(), qualname, firstlineno);
        self.set_params(&f.params);
        self.unit_mut().docstring = docstring(&f.body).map(str::to_string);
        self.compile_body(&f.body)?;
        self.return_none_if_reachable();
        let code = self.exit_unit()?;
        self.set_line(stmt.span);
        self.make_closure(code, flags);
        for _ in &f.decorators {
            self.emit(Instr::Call(1));
        }
        self.compile_name(&f.name, Ctx::Store);
        Ok(())
    }

    pub(crate) fn compile_class_def(&mut self, stmt: &'a Stmt, c: &'a ast::ClassDef) -> CResult {
        for d in &c.decorators {
            self.compile_expr(d)?;
        }
        let scope = self.table.class_scope(c);
        let qualname = self.qualname(&c.name, true);
        let firstlineno = self.def_line(stmt.span, &c.decorators);
        self.enter_unit(scope, c.name.clone(), qualname.clone(), firstlineno);
        let name_i = self.name_index("__name__");
        self.emit(Instr::LoadGlobal(name_i));
        self.compile_name("__module__", Ctx::Store);
        self.load_const(Constant::Str(qualname));
        self.compile_name("__qualname__", Ctx::Store);
        if let Some(doc) = docstring(&c.body) {
            self.set_line(c.body[0].span);
            self.unit_mut().docstring = Some(doc.to_string());
            self.load_const(Constant::Str(doc.to_string()));
            self.compile_name("__doc__", Ctx::Store);
        }
        if annotates_names(&c.body) {
            self.emit(Instr::SetupAnnotations);
        }
        self.compile_body(&c.body)?;
        if self.table.scopes[scope].needs_class_closure {
            // The class builder fills the `__class__` cell with the new class.
            let i = self.cellvar_index("__class__");
            self.emit(Instr::LoadClosure(i));
            let classcell = self.name_index("__classcell__");
            self.emit(Instr::StoreName(classcell));
        }
        self.load_const(Constant::None);
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit()?;

        self.set_line(stmt.span);
        self.emit(Instr::LoadBuildClass);
        self.make_closure(code, 0);
        self.load_const(Constant::Str(c.name.clone()));
        self.check_call_args(&c.bases, &c.keywords)?;
        self.compile_call_helper(2, &c.bases, &c.keywords)?;
        for _ in &c.decorators {
            self.emit(Instr::Call(1));
        }
        self.compile_name(&c.name, Ctx::Store);
        Ok(())
    }
}

fn pick(ctx: Ctx, load: Instr, store: Instr, del: Instr) -> Instr {
    match ctx {
        Ctx::Load => load,
        Ctx::Store => store,
        Ctx::Del => del,
    }
}
