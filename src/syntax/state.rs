//! The state one parse shares between the grammar actions (and the
//! f-string fields parsed inside it), and the error type they return.
//!
//! Depth: every composite node is built through [`State::expr`] or
//! [`State::stmt`], which record its depth (keyed by span) and fail beyond
//! [`MAX_AST_DEPTH`]. So no tree deeper than that is ever built, and code
//! that recurses over the AST (ours, the compiler's, `Drop`) stays shallow.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use lalrpop_util::ParseError;

use super::ast::*;
use super::error::PErr;
use super::token::Tok;
use super::walk::{expr_children, stmt_children};

/// The deepest AST accepted (statements and expressions together).
pub const MAX_AST_DEPTH: u32 = 1000;

pub type PError = ParseError<usize, Tok, PErr>;
pub type PResult<T> = Result<T, PError>;

/// What the grammar's start symbol produces.
pub enum Top {
    Module(Vec<Stmt>),
    Expr(Expr),
}

pub fn error(msg: impl Into<String>, offset: usize) -> PError {
    ParseError::User {
        error: PErr::syntax(msg, offset),
    }
}

pub fn span(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

/// Which CPython pass reports a deferred error: the symbol table runs over
/// the whole module before code generation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Symtable,
    Compiler,
}

/// Shared by the grammar actions of one parse (and of the f-string
/// expressions parsed inside it).
pub struct State<'s> {
    /// The whole source text; every offset points into it.
    pub src: &'s str,
    /// Depth of composite nodes, by (start, end, is_statement). Nodes with
    /// equal spans are nested, and the outer one is recorded last, so a
    /// lookup never underestimates.
    depths: RefCell<HashMap<(u32, u32, bool), u32>>,
    /// How many f-strings enclose the text being parsed.
    pub fstring_nesting: Cell<usize>,
    /// Errors CPython reports only after parsing (see `checks.rs`).
    deferred: RefCell<Vec<(Tier, PErr)>>,
    /// Parses `src[start..end]` as one expression inside a bracket: how
    /// f-string fields are parsed. Passed in by `parser.rs`: the files
    /// below it cannot call the parser without an import cycle.
    nested: NestedParser<'s>,
}

/// See [`State::parse_nested`].
pub type NestedParser<'s> = fn(&State<'s>, usize, usize) -> Result<Expr, PErr>;

impl<'s> State<'s> {
    pub fn new(src: &'s str, nested: NestedParser<'s>) -> State<'s> {
        State {
            src,
            depths: RefCell::new(HashMap::new()),
            fstring_nesting: Cell::new(0),
            deferred: RefCell::new(Vec::new()),
            nested,
        }
    }

    /// Parses `src[start..end]` as one expression, as if inside a bracket
    /// (an f-string field).
    pub fn parse_nested(&self, start: usize, end: usize) -> Result<Expr, PErr> {
        (self.nested)(self, start, end)
    }

    /// Records an error to report if the parse succeeds.
    pub fn defer(&self, tier: Tier, msg: impl Into<String>, offset: usize) {
        self.deferred
            .borrow_mut()
            .push((tier, PErr::syntax(msg, offset)));
    }

    /// The deferred error CPython would report first: symbol table errors
    /// before compiler ones, then in source order.
    pub fn first_deferred(&self) -> Option<PErr> {
        let mut deferred = self.deferred.borrow_mut();
        deferred.sort_by_key(|(tier, e)| (*tier, e.offset));
        deferred.first().map(|(_, e)| e.clone())
    }

    /// Builds an expression node, enforcing the depth limit.
    pub fn expr(&self, l: usize, r: usize, kind: ExprKind) -> PResult<Expr> {
        let mut depth = 0;
        expr_children(&kind, &mut |child| {
            depth = depth.max(self.expr_depth(child))
        });
        let depth = depth + 1;
        if depth > MAX_AST_DEPTH {
            return Err(error("expression too deeply nested", l));
        }
        if depth > 1 {
            self.depths
                .borrow_mut()
                .insert((l as u32, r as u32, false), depth);
        }
        Ok(Expr {
            span: span(l, r),
            kind,
        })
    }

    /// Builds a statement node, enforcing the depth limit.
    pub fn stmt(&self, l: usize, r: usize, kind: StmtKind) -> PResult<Stmt> {
        let depth = Cell::new(0);
        stmt_children(
            &kind,
            &mut |e| depth.set(depth.get().max(self.expr_depth(e))),
            &mut |s| depth.set(depth.get().max(self.stmt_depth(s))),
        );
        let depth = depth.get() + 1;
        if depth > MAX_AST_DEPTH {
            return Err(error("too many nested blocks and expressions", l));
        }
        self.depths
            .borrow_mut()
            .insert((l as u32, r as u32, true), depth);
        Ok(Stmt {
            span: span(l, r),
            kind,
        })
    }

    fn expr_depth(&self, e: &Expr) -> u32 {
        let recorded = self
            .depths
            .borrow()
            .get(&(e.span.start, e.span.end, false))
            .copied();
        recorded.unwrap_or_else(|| {
            // Leaves are not recorded; neither are nodes built elsewhere,
            // which are small.
            let mut depth = 0;
            expr_children(&e.kind, &mut |child| {
                depth = depth.max(self.expr_depth(child))
            });
            depth + 1
        })
    }

    fn stmt_depth(&self, s: &Stmt) -> u32 {
        let recorded = self
            .depths
            .borrow()
            .get(&(s.span.start, s.span.end, true))
            .copied();
        recorded.unwrap_or(1)
    }
}
