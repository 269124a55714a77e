//! The symbol-table pass, after CPython's `symtable.c`: one scope per module,
//! class body, function, lambda and comprehension, and for every name in a
//! scope whether it is local, global, free (captured from an enclosing
//! function) or a cell (local, but captured by an inner scope).
//!
//! Two phases: a walk over the AST records how each name is used in each
//! scope (flags), then an analysis over the scope tree resolves every name.

use crate::syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use crate::syntax::SyntaxError;
use indexmap::IndexMap;
use std::collections::{HashMap, HashSet};

pub(crate) type ScopeId = usize;

/// Name-use flags collected by the walk.
pub(crate) const DEF_GLOBAL: u16 = 1;
pub(crate) const DEF_LOCAL: u16 = 1 << 1;
pub(crate) const DEF_PARAM: u16 = 1 << 2;
pub(crate) const DEF_NONLOCAL: u16 = 1 << 3;
pub(crate) const USE: u16 = 1 << 4;
/// Bound (or global) in a class body and also free in one of its methods:
/// the class needs the name among its freevars to build the method closures.
pub(crate) const DEF_FREE_CLASS: u16 = 1 << 5;
pub(crate) const DEF_IMPORT: u16 = 1 << 6;
pub(crate) const DEF_ANNOT: u16 = 1 << 7;
/// A comprehension iteration variable (a walrus may not rebind it).
pub(crate) const DEF_COMP_ITER: u16 = 1 << 8;
const DEF_BOUND: u16 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl CompKind {
    pub(crate) fn code_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        }
    }

    fn yield_error(self) -> &'static str {
        match self {
            CompKind::List => "'yield' inside list comprehension",
            CompKind::Set => "'yield' inside set comprehension",
            CompKind::Dict => "'yield' inside dict comprehension",
            CompKind::Generator => "'yield' inside generator expression",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension(CompKind),
}

impl ScopeKind {
    /// Functions, lambdas and comprehensions: scopes with fast locals.
    pub(crate) fn is_function(self) -> bool {
        !matches!(self, ScopeKind::Module | ScopeKind::Class)
    }
}

/// Where a name lives, once resolved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Resolved {
    #[default]
    Unresolved,
    Local,
    /// Declared `global` (or bound by a walrus of a module-level comprehension).
    GlobalExplicit,
    /// Not bound anywhere visible: globals, then builtins.
    GlobalImplicit,
    /// Bound in an enclosing function: received in a cell.
    Free,
    /// Local, captured by an inner scope: stored in a cell.
    Cell,
}

#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Symbol {
    pub(crate) flags: u16,
    pub(crate) scope: Resolved,
}

#[derive(Debug)]
pub(crate) struct Scope {
    pub(crate) kind: ScopeKind,
    /// For tests and debugging.
    #[allow(dead_code)]
    pub(crate) name: String,
    /// In order of first appearance.
    pub(crate) symbols: IndexMap<String, Symbol>,
    /// Parameter names in slot order (`.0` for comprehensions).
    pub(crate) params: Vec<String>,
    pub(crate) children: Vec<ScopeId>,
    pub(crate) is_generator: bool,
    /// `async def`, or a comprehension that awaits: calling it makes a
    /// coroutine (an async generator when it also yields).
    pub(crate) is_coroutine: bool,
    /// A class whose methods use `super`/`__class__`: it gets a `__class__` cell.
    pub(crate) needs_class_closure: bool,
    /// Offset of the `global`/`nonlocal` statement (or walrus) per name, for errors.
    directives: HashMap<String, u32>,
    /// Offset of the first `yield`, for errors.
    yield_offset: Option<u32>,
    /// Walk state: inside a comprehension's iterable / iteration target.
    comp_iter_expr: u32,
    comp_iter_target: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: IndexMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_closure: false,
            directives: HashMap::new(),
            yield_offset: None,
            comp_iter_expr: 0,
            comp_iter_target: false,
        }
    }

    fn flags(&self, name: &str) -> u16 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    pub(crate) fn resolve(&self, name: &str) -> Resolved {
        self.symbols
            .get(name)
            .map_or(Resolved::Unresolved, |s| s.scope)
    }
}

/// AST nodes that open a scope, by address (the AST outlives both passes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum NodeKey {
    Function(usize),
    Class(usize),
    Expr(usize),
}

#[derive(Debug)]
pub(crate) struct SymbolTable {
    /// Scope 0 is the module.
    pub(crate) scopes: Vec<Scope>,
    nodes: HashMap<NodeKey, ScopeId>,
}

/// Errors are boxed inside the walks: small results keep deep recursion
/// cheap on the stack.
type R = Result<(), Box<SyntaxError>>;

impl SymbolTable {
    pub(crate) fn build(
        module: &ast::Module,
        source: &str,
        filename: &str,
    ) -> Result<SymbolTable, SyntaxError> {
        let mut b = Builder {
            scopes: Vec::new(),
            nodes: HashMap::new(),
            stack: Vec::new(),
            source,
            filename,
            string_annotations: has_future_annotations(&module.body),
        };
        b.enter(ScopeKind::Module, "<module>", None);
        b.visit_body(&module.body).map_err(|e| *e)?;
        b.exit();
        b.analyze_block(0, None, HashSet::new()).map_err(|e| *e)?;
        Ok(SymbolTable {
            scopes: b.scopes,
            nodes: b.nodes,
        })
    }

    pub(crate) fn function_scope(&self, f: &ast::FunctionDef) -> ScopeId {
        self.nodes[&NodeKey::Function(f as *const _ as usize)]
    }

    pub(crate) fn class_scope(&self, c: &ast::ClassDef) -> ScopeId {
        self.nodes[&NodeKey::Class(c as *const _ as usize)]
    }

    /// The scope of a lambda or comprehension expression.
    pub(crate) fn expr_scope(&self, e: &Expr) -> ScopeId {
        self.nodes[&NodeKey::Expr(e as *const _ as usize)]
    }
}

struct Builder<'s> {
    scopes: Vec<Scope>,
    nodes: HashMap<NodeKey, ScopeId>,
    /// The scopes being walked, innermost last.
    stack: Vec<ScopeId>,
    source: &'s str,
    filename: &'s str,
    /// `from __future__ import annotations`: annotations are kept as
    /// strings, never evaluated.
    string_annotations: bool,
}

/// Whether a module starts with `from __future__ import annotations`.
pub(crate) fn has_future_annotations(body: &[Stmt]) -> bool {
    body.iter()
        .take_while(|s| {
            matches!(&s.kind, StmtKind::ImportFrom { module, .. } if module == "__future__")
                || matches!(&s.kind, StmtKind::Expr(e) if matches!(e.kind, ExprKind::Constant(_)))
        })
        .any(|s| {
            matches!(&s.kind, StmtKind::ImportFrom { module, names }
                if module == "__future__" && names.iter().any(|n| n.name == "annotations"))
        })
}

impl Builder<'_> {
    fn error(&self, msg: String, offset: u32) -> Box<SyntaxError> {
        Box::new(SyntaxError::new(
            "SyntaxError",
            msg,
            self.filename,
            self.source,
            offset as usize,
        ))
    }

    fn cur(&self) -> ScopeId {
        *self.stack.last().expect("inside a scope")
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.scopes[id]
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: Option<NodeKey>) -> ScopeId {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name));
        if let Some(&parent) = self.stack.last() {
            self.scopes[parent].children.push(id);
        }
        if let Some(key) = key {
            self.nodes.insert(key, id);
        }
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u16, offset: u32) -> R {
        self.add_def_in(self.cur(), name, flag, offset)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u16, offset: u32) -> R {
        let scope = &mut self.scopes[id];
        let mut flag = flag;
        if flag & DEF_LOCAL != 0 && scope.comp_iter_target {
            flag |= DEF_COMP_ITER;
        }
        if flag & DEF_PARAM != 0 {
            if scope.flags(name) & DEF_PARAM != 0 {
                return Err(self.error(
                    format!("duplicate argument '{name}' in function definition"),
                    offset,
                ));
            }
            scope.params.push(name.to_string());
        }
        match scope.symbols.get_mut(name) {
            Some(sym) => sym.flags |= flag,
            None => {
                scope.symbols.insert(
                    name.to_string(),
                    Symbol {
                        flags: flag,
                        scope: Resolved::Unresolved,
                    },
                );
            }
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, offset: u32) {
        self.cur_scope()
            .directives
            .entry(name.to_string())
            .or_insert(offset);
    }

    // ---- the walk ----

    fn visit_body(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        let at = s.span.start;
        match &s.kind {
            StmtKind::Expr(e) => self.visit_expr(e),
            StmtKind::Assign { targets, value } => {
                targets.iter().try_for_each(|t| self.visit_target(t))?;
                self.visit_expr(value)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_target(target)?;
                self.visit_expr(value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => self.visit_ann_assign(target, annotation, value.as_ref(), at),
            StmtKind::If { test, body, orelse } => {
                // Walk `elif` chains iteratively.
                let (mut test, mut body, mut orelse) = (test, body, orelse);
                loop {
                    self.visit_expr(test)?;
                    self.visit_body(body)?;
                    match orelse.as_slice() {
                        [Stmt {
                            kind:
                                StmtKind::If {
                                    test: t,
                                    body: b,
                                    orelse: o,
                                },
                            ..
                        }] => (test, body, orelse) = (t, b, o),
                        _ => return self.visit_body(orelse),
                    }
                }
            }
            StmtKind::While { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.check_async_stmt("'async for' outside async function", at)?;
                }
                self.visit_target(target)?;
                self.visit_expr(iter)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => Ok(()),
            StmtKind::Return(value) => self.visit_opt(value.as_ref()),
            StmtKind::FunctionDef(f) => self.visit_function_def(f, at),
            StmtKind::ClassDef(c) => self.visit_class_def(c, at),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.visit_body(body)?;
                self.visit_body(orelse)?;
                for h in handlers {
                    self.visit_opt(h.typ.as_ref())?;
                    if let Some(name) = &h.name {
                        self.add_def(name, DEF_LOCAL, h.span.start)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                self.visit_opt(exc.as_ref())?;
                self.visit_opt(cause.as_ref())
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.check_async_stmt("'async with' outside async function", at)?;
                }
                for item in items {
                    self.visit_expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.visit_target(t)?;
                    }
                }
                self.visit_body(body)
            }
            StmtKind::Global(names) => self.visit_global(names, at),
            StmtKind::Nonlocal(names) => self.visit_nonlocal(names, at),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.visit_target(t)),
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                self.visit_opt(msg.as_ref())
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    // `import a.b` binds `a`.
                    let bound = match &a.asname {
                        Some(asname) => asname.as_str(),
                        None => a.name.split('.').next().unwrap_or(&a.name),
                    };
                    self.add_def(bound, DEF_IMPORT, at)?;
                }
                Ok(())
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for case in cases {
                    self.visit_pattern(&case.pattern)?;
                    self.visit_opt(case.guard.as_ref())?;
                    self.visit_body(&case.body)?;
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur_scope().kind != ScopeKind::Module {
                            return Err(
                                self.error("import * only allowed at module level".into(), at)
                            );
                        }
                    } else {
                        self.add_def(a.asname.as_ref().unwrap_or(&a.name), DEF_IMPORT, at)?;
                    }
                }
                Ok(())
            }
        }
    }

    fn visit_ann_assign(
        &mut self,
        target: &Expr,
        annotation: &Expr,
        value: Option<&Expr>,
        at: u32,
    ) -> R {
        if let ExprKind::Name(name) = &target.kind {
            let cur = self.cur_scope().flags(name);
            if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur_scope().kind != ScopeKind::Module
            {
                let what = if cur & DEF_GLOBAL != 0 {
                    "global"
                } else {
                    "nonlocal"
                };
                return Err(self.error(
                    format!("annotated name '{name}' can't be {what}"),
                    target.span.start,
                ));
            }
            self.add_def(name, DEF_ANNOT | DEF_LOCAL, at)?;
        } else {
            self.visit_target(target)?;
        }
        // Evaluated in modules and class bodies only, as CPython does.
        if !self.string_annotations && self.cur_scope().kind != ScopeKind::Function {
            self.visit_expr(annotation)?;
        }
        self.visit_opt(value)
    }

    /// A function's annotations are evaluated where it is defined.
    fn visit_annotations(&mut self, params: &ast::Params, returns: Option<&Expr>) -> R {
        if self.string_annotations {
            return Ok(());
        }
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg);
        for p in all {
            self.visit_opt(p.annotation.as_ref())?;
        }
        self.visit_opt(returns)
    }

    fn visit_global(&mut self, names: &[ast::Ident], at: u32) -> R {
        for name in names {
            let cur = self.cur_scope().flags(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and global")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to global declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("name '{name}' is annotated before global declaration")
                } else {
                    format!("name '{name}' is assigned to before global declaration")
                };
                return Err(self.error(msg, at));
            }
            self.add_def(name, DEF_GLOBAL, at)?;
            self.record_directive(name, at);
        }
        Ok(())
    }

    fn visit_nonlocal(&mut self, names: &[ast::Ident], at: u32) -> R {
        if self.cur_scope().kind == ScopeKind::Module {
            return Err(self.error(
                "nonlocal declaration not allowed at module level".into(),
                at,
            ));
        }
        for name in names {
            let cur = self.cur_scope().flags(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and nonlocal")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to nonlocal declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("name '{name}' is annotated before nonlocal declaration")
                } else {
                    format!("name '{name}' is assigned to before nonlocal declaration")
                };
                return Err(self.error(msg, at));
            }
            self.add_def(name, DEF_NONLOCAL, at)?;
            self.record_directive(name, at);
        }
        Ok(())
    }

    /// Defaults are evaluated in the enclosing scope, at definition time.
    fn visit_defaults(&mut self, params: &ast::Params) -> R {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly);
        for p in all {
            self.visit_opt(p.default.as_ref())?;
        }
        Ok(())
    }

    /// Parameters in slot order: positional, keyword-only, `*args`, `**kwargs`.
    fn visit_params(&mut self, params: &ast::Params) -> R {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly)
            .chain(&params.vararg)
            .chain(&params.kwarg);
        for p in all {
            self.add_def(&p.name, DEF_PARAM, p.span.start)?;
        }
        Ok(())
    }

    fn visit_function_def(&mut self, f: &ast::FunctionDef, at: u32) -> R {
        self.add_def(&f.name, DEF_LOCAL, at)?;
        self.visit_defaults(&f.params)?;
        self.visit_annotations(&f.params, f.returns.as_ref())?;
        f.decorators.iter().try_for_each(|d| self.visit_expr(d))?;
        let key = NodeKey::Function(f as *const _ as usize);
        self.enter(ScopeKind::Function, &f.name, Some(key));
        self.cur_scope().is_coroutine = f.is_async;
        self.visit_params(&f.params)?;
        self.visit_body(&f.body)?;
        self.exit();
        Ok(())
    }

    fn visit_class_def(&mut self, c: &ast::ClassDef, at: u32) -> R {
        self.add_def(&c.name, DEF_LOCAL, at)?;
        c.bases.iter().try_for_each(|b| self.visit_expr(b))?;
        c.keywords
            .iter()
            .try_for_each(|k| self.visit_expr(&k.value))?;
        c.decorators.iter().try_for_each(|d| self.visit_expr(d))?;
        let key = NodeKey::Class(c as *const _ as usize);
        self.enter(ScopeKind::Class, &c.name, Some(key));
        self.visit_body(&c.body)?;
        self.exit();
        Ok(())
    }

    /// Names a pattern captures are bound; values and classes are read.
    fn visit_pattern(&mut self, p: &ast::Pattern) -> R {
        use ast::PatternKind;
        let at = p.span.start;
        match &p.kind {
            PatternKind::Value(e) => self.visit_expr(e),
            PatternKind::Singleton(_) => Ok(()),
            PatternKind::Sequence(items) | PatternKind::Or(items) => {
                items.iter().try_for_each(|q| self.visit_pattern(q))
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                patterns.iter().try_for_each(|q| self.visit_pattern(q))?;
                match rest {
                    Some(name) => self.add_def(name, DEF_LOCAL, at),
                    None => Ok(()),
                }
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .try_for_each(|q| self.visit_pattern(q))
            }
            PatternKind::Star(name) => match name {
                Some(name) => self.add_def(name, DEF_LOCAL, at),
                None => Ok(()),
            },
            PatternKind::As { pattern, name } => {
                if let Some(q) = pattern {
                    self.visit_pattern(q)?;
                }
                match name {
                    Some(name) => self.add_def(name, DEF_LOCAL, at),
                    None => Ok(()),
                }
            }
        }
    }

    fn visit_opt(&mut self, e: Option<&Expr>) -> R {
        e.map_or(Ok(()), |e| self.visit_expr(e))
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> R {
        es.iter().try_for_each(|e| self.visit_expr(e))
    }

    /// An assignment or `del` target: names there are bound.
    fn visit_target(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::Name(name) => self.add_def(name, DEF_LOCAL, e.span.start),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|t| self.visit_target(t))
            }
            ExprKind::Starred(inner) => self.visit_target(inner),
            _ => self.visit_expr(e),
        }
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        let at = e.span.start;
        match &e.kind {
            ExprKind::Name(name) => {
                self.add_def(name, USE, at)?;
                // Zero-argument `super()` needs the `__class__` cell.
                if name == "super" && self.cur_scope().kind.is_function() {
                    self.add_def("__class__", USE, at)?;
                }
                Ok(())
            }
            ExprKind::Constant(_) => Ok(()),
            ExprKind::FString(parts) => self.visit_fstring(parts),
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values),
            ExprKind::BinOp { .. } => {
                // Iterative over left-deep chains (`a + b + c + ...`).
                let mut rights = Vec::new();
                let mut left = e;
                while let ExprKind::BinOp {
                    left: inner, right, ..
                } = &left.kind
                {
                    rights.push(right);
                    left = inner;
                }
                self.visit_expr(left)?;
                rights.iter().rev().try_for_each(|r| self.visit_expr(r))
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                keywords.iter().try_for_each(|k| self.visit_expr(&k.value))
            }
            ExprKind::Attribute { value, .. } => self.visit_expr(value),
            ExprKind::Subscript { value, index } => {
                self.visit_expr(value)?;
                self.visit_expr(index)
            }
            ExprKind::Slice { lower, upper, step } => {
                self.visit_opt(lower.as_deref())?;
                self.visit_opt(upper.as_deref())?;
                self.visit_opt(step.as_deref())
            }
            ExprKind::Starred(inner) => self.visit_expr(inner),
            ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
                self.visit_exprs(elts)
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    self.visit_opt(k.as_ref())?;
                    self.visit_expr(v)?;
                }
                Ok(())
            }
            ExprKind::ListComp { elt, generators } => {
                self.visit_comprehension(e, CompKind::List, generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(e, CompKind::Set, generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comprehension(e, CompKind::Dict, generators, key, Some(value)),
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(e, CompKind::Generator, generators, elt, None)
            }
            ExprKind::Lambda { params, body } => {
                self.visit_defaults(params)?;
                self.enter(
                    ScopeKind::Lambda,
                    "<lambda>",
                    Some(NodeKey::Expr(e as *const _ as usize)),
                );
                self.visit_params(params)?;
                self.visit_expr(body)?;
                self.exit();
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)
            }
            ExprKind::Yield(value) => {
                self.visit_opt(value.as_deref())?;
                self.mark_yield(at)
            }
            ExprKind::YieldFrom(value) => {
                self.visit_expr(value)?;
                let scope = self.cur_scope();
                if scope.kind == ScopeKind::Function && scope.is_coroutine {
                    return Err(self.error("'yield from' inside async function".into(), at));
                }
                self.mark_yield(at)
            }
            ExprKind::Await(value) => {
                self.visit_expr(value)?;
                self.mark_await(at)
            }
            ExprKind::NamedExpr { target, value } => self.visit_named_expr(target, value, at),
        }
    }

    fn visit_fstring(&mut self, parts: &[ast::FStringPart]) -> R {
        for part in parts {
            if let ast::FStringPart::Value { expr, spec, .. } = part {
                self.visit_expr(expr)?;
                if let Some(spec) = spec {
                    self.visit_fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    /// An `await` here: only async functions (and the comprehensions in
    /// them, which become coroutines themselves) may wait.
    fn mark_await(&mut self, at: u32) -> R {
        let scope = self.cur_scope();
        match scope.kind {
            ScopeKind::Module | ScopeKind::Class => {
                Err(self.error("'await' outside function".into(), at))
            }
            ScopeKind::Function | ScopeKind::Lambda if !scope.is_coroutine => {
                Err(self.error("'await' outside async function".into(), at))
            }
            _ => {
                scope.is_coroutine = true;
                Ok(())
            }
        }
    }

    fn check_async_stmt(&mut self, msg: &str, at: u32) -> R {
        let scope = self.cur_scope();
        if scope.kind == ScopeKind::Function && scope.is_coroutine {
            Ok(())
        } else {
            Err(self.error(msg.into(), at))
        }
    }

    fn mark_yield(&mut self, at: u32) -> R {
        let scope = self.cur_scope();
        if !scope.kind.is_function() {
            return Err(self.error("'yield' outside function".into(), at));
        }
        scope.is_generator = true;
        scope.yield_offset.get_or_insert(at);
        Ok(())
    }

    fn visit_named_expr(&mut self, target: &str, value: &Expr, at: u32) -> R {
        if self.cur_scope().comp_iter_expr > 0 {
            return Err(self.error(
                "assignment expression cannot be used in a comprehension iterable expression"
                    .into(),
                at,
            ));
        }
        if let ScopeKind::Comprehension(_) = self.cur_scope().kind {
            self.extend_named_expr_scope(target, at)?;
        }
        self.visit_expr(value)?;
        self.add_def(target, DEF_LOCAL, at)
    }

    /// PEP 572: a walrus inside a comprehension binds in the enclosing
    /// function (or module), as if declared nonlocal (or global) in the
    /// comprehension.
    fn extend_named_expr_scope(&mut self, target: &str, at: u32) -> R {
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let scope = &self.scopes[id];
            match scope.kind {
                ScopeKind::Comprehension(_) => {
                    if scope.flags(target) & DEF_COMP_ITER != 0 {
                        return Err(self.error(
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{target}'"
                            ),
                            at,
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let flag = if scope.flags(target) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(target, flag, at)?;
                    self.record_directive(target, at);
                    return self.add_def_in(id, target, DEF_LOCAL, at);
                }
                ScopeKind::Module => {
                    self.add_def(target, DEF_GLOBAL, at)?;
                    self.record_directive(target, at);
                    return self.add_def_in(id, target, DEF_GLOBAL, at);
                }
                ScopeKind::Class => {
                    return Err(self.error(
                        "assignment expression within a comprehension cannot be used in a class body"
                            .into(),
                        at,
                    ));
                }
            }
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let Some((outermost, rest)) = generators.split_first() else {
            return Err(self.error("comprehension without 'for'".into(), e.span.start));
        };
        // The outermost iterable is evaluated in the enclosing scope.
        self.cur_scope().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur_scope().comp_iter_expr -= 1;

        let key = NodeKey::Expr(e as *const _ as usize);
        self.enter(ScopeKind::Comprehension(kind), kind.code_name(), Some(key));
        self.cur_scope().is_coroutine = generators.iter().any(|g| g.is_async);
        // ...and received as the implicit argument `.0`.
        self.add_def(".0", DEF_PARAM, e.span.start)?;
        self.visit_comp_target(&outermost.target)?;
        self.visit_exprs(&outermost.ifs)?;
        for gen in rest {
            self.visit_comp_target(&gen.target)?;
            self.cur_scope().comp_iter_expr += 1;
            self.visit_expr(&gen.iter)?;
            self.cur_scope().comp_iter_expr -= 1;
            self.visit_exprs(&gen.ifs)?;
        }
        self.visit_opt(value)?;
        self.visit_expr(elt)?;
        let scope = self.cur_scope();
        if scope.is_generator {
            let at = scope.yield_offset.unwrap_or(e.span.start);
            return Err(self.error(kind.yield_error().into(), at));
        }
        scope.is_generator = kind == CompKind::Generator;
        let awaited = scope.is_coroutine && kind != CompKind::Generator;
        self.exit();
        // An async list, set or dict comprehension is awaited where it stands.
        if awaited {
            let scope = self.cur_scope();
            match scope.kind {
                ScopeKind::Comprehension(_) => scope.is_coroutine = true,
                ScopeKind::Function if scope.is_coroutine => {}
                _ => {
                    return Err(self.error(
                        "asynchronous comprehension outside of an asynchronous function".into(),
                        e.span.start,
                    ))
                }
            }
        }
        Ok(())
    }

    fn visit_comp_target(&mut self, target: &Expr) -> R {
        self.cur_scope().comp_iter_target = true;
        let r = self.visit_target(target);
        self.cur_scope().comp_iter_target = false;
        r
    }

    // ---- the analysis (CPython's analyze_block) ----

    /// Resolves the names of scope `id` and, recursively, of its children.
    /// `bound` holds the names bound in enclosing function scopes (`None` for
    /// the module), `global` the names known to be global. Returns the free
    /// names of this scope and its children that must come from outside.
    fn analyze_block(
        &mut self,
        id: ScopeId,
        mut bound: Option<HashSet<String>>,
        mut global: HashSet<String>,
    ) -> Result<HashSet<String>, Box<SyntaxError>> {
        let kind = self.scopes[id].kind;
        let mut local = HashSet::new();
        let mut free = HashSet::new();
        let mut new_bound = HashSet::new();
        let mut new_global = HashSet::new();

        // A class body's names are invisible to its methods: the sets passed
        // to the children are the ones from outside the class.
        if kind == ScopeKind::Class {
            new_global.clone_from(&global);
            if let Some(b) = &bound {
                new_bound.clone_from(b);
            }
        }

        for i in 0..self.scopes[id].symbols.len() {
            let (name, sym) = self.scopes[id].symbols.get_index(i).expect("in range");
            let (name, flags) = (name.clone(), sym.flags);
            let resolved = self.analyze_name(
                id,
                &name,
                flags,
                &mut bound,
                &mut local,
                &mut free,
                &mut global,
            )?;
            self.scopes[id].symbols[i].scope = resolved;
        }

        if kind == ScopeKind::Class {
            new_bound.insert("__class__".to_string());
        } else {
            if kind.is_function() {
                new_bound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                new_bound.extend(b.iter().cloned());
            }
            new_global.extend(global.iter().cloned());
        }

        let mut new_free = HashSet::new();
        for child in self.scopes[id].children.clone() {
            let child_free =
                self.analyze_block(child, Some(new_bound.clone()), new_global.clone())?;
            new_free.extend(child_free);
        }

        let scope = &mut self.scopes[id];
        if kind.is_function() {
            // Locals captured by children become cells.
            for (name, sym) in scope.symbols.iter_mut() {
                if sym.scope == Resolved::Local && new_free.remove(name) {
                    sym.scope = Resolved::Cell;
                }
            }
        } else if kind == ScopeKind::Class && new_free.remove("__class__") {
            scope.needs_class_closure = true;
        }

        // Free names of the children that pass through this scope.
        for name in &new_free {
            if let Some(sym) = scope.symbols.get_mut(name) {
                if kind == ScopeKind::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if bound.as_ref().is_some_and(|b| !b.contains(name)) {
                continue; // a global
            }
            scope.symbols.insert(
                name.clone(),
                Symbol {
                    flags: 0,
                    scope: Resolved::Free,
                },
            );
        }
        free.extend(new_free);
        Ok(free)
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &self,
        id: ScopeId,
        name: &str,
        flags: u16,
        bound: &mut Option<HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> Result<Resolved, Box<SyntaxError>> {
        let directive = || self.scopes[id].directives.get(name).copied().unwrap_or(0);
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(
                    self.error(format!("name '{name}' is nonlocal and global"), directive())
                );
            }
            global.insert(name.to_string());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(Resolved::GlobalExplicit);
        }
        if flags & DEF_NONLOCAL != 0 {
            return match bound {
                None => Err(self.error(
                    "nonlocal declaration not allowed at module level".into(),
                    directive(),
                )),
                Some(b) if !b.contains(name) => Err(self.error(
                    format!("no binding for nonlocal '{name}' found"),
                    directive(),
                )),
                Some(_) => {
                    free.insert(name.to_string());
                    Ok(Resolved::Free)
                }
            };
        }
        if flags & DEF_BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(Resolved::Local);
        }
        if bound.as_ref().is_some_and(|b| b.contains(name)) {
            free.insert(name.to_string());
            return Ok(Resolved::Free);
        }
        Ok(Resolved::GlobalImplicit)
    }
}
