//! Code generation for statements, including the exception blocks and the
//! unwinding that `return`, `break` and `continue` do when they leave them
//! (CPython 3.9's `compiler_unwind_fblock`).

use super::bytecode::{Constant, Instr};
use super::codegen::{CResult, Compiler, Ctx, FBlock, Label};
use super::symtable::ScopeKind;
use crate::syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};

impl<'a> Compiler<'a> {
    pub(crate) fn compile_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_line(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.compile_expr(e)?;
                    self.emit(Instr::PrintExpr);
                    return Ok(());
                }
                // A constant statement (a docstring, `...`) does nothing.
                if !matches!(e.kind, ExprKind::Constant(_)) {
                    self.compile_expr(e)?;
                    self.emit(Instr::Pop);
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                self.compile_expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.compile_store(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => {
                self.compile_aug_assign(target, *op, value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    self.compile_expr(v)?;
                    self.compile_store(target)?;
                }
                // In a function the annotation is not evaluated; in a module
                // or class body a simple name's goes into `__annotations__`.
                if self.unit().kind == ScopeKind::Function {
                    return Ok(());
                }
                self.compile_annotation(annotation)?;
                if let ExprKind::Name(name) = &target.kind {
                    self.compile_name("__annotations__", Ctx::Load);
                    self.load_const(Constant::Str(name.clone()));
                    self.emit(Instr::StoreSubscr);
                } else {
                    self.emit(Instr::Pop);
                }
                Ok(())
            }
            StmtKind::If { test, body, orelse } => self.compile_if(test, body, orelse),
            StmtKind::While { test, body, orelse } => self.compile_while(test, body, orelse),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: false,
            } => self.compile_for(target, iter, body, orelse),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: true,
            } => self.compile_async_for(target, iter, body, orelse),
            StmtKind::Break => self.compile_break(s),
            StmtKind::Continue => self.compile_continue(s),
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Return(value) => self.compile_return(s, value.as_ref()),
            StmtKind::FunctionDef(f) => self.compile_function_def(s, f),
            StmtKind::ClassDef(c) => self.compile_class_def(s, c),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if !finalbody.is_empty() {
                    self.compile_try_finally(body, handlers, orelse, finalbody)
                } else if !handlers.is_empty() {
                    self.compile_try_except(body, handlers, orelse)
                } else {
                    self.compile_body(body)?;
                    self.compile_body(orelse)
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(exc) = exc {
                    self.compile_expr(exc)?;
                    n = 1;
                    if let Some(cause) = cause {
                        self.compile_expr(cause)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n));
                Ok(())
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.compile_with(items, body, *is_async),
            StmtKind::Match { subject, cases } => self.compile_match(subject, cases),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.compile_delete(t)),
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, end, true)?;
                // The error is raised at the test (what a traceback marks).
                let saved = self.unit().loc;
                self.set_line(test.span);
                self.emit(Instr::LoadAssertionError);
                if let Some(msg) = msg {
                    self.compile_expr(msg)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.unit_mut().loc = saved;
                self.bind(end);
                Ok(())
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    if let Some(asname) = &a.asname {
                        let i = self.name_index(&a.name);
                        self.emit(Instr::ImportModule(i));
                        self.compile_name(asname, Ctx::Store);
                    } else {
                        // `import a.b` binds the top-level package `a`.
                        let i = self.name_index(&a.name);
                        self.emit(Instr::ImportName(i));
                        let top = a.name.split('.').next().unwrap_or(&a.name);
                        self.compile_name(top, Ctx::Store);
                    }
                }
                Ok(())
            }
            StmtKind::ImportFrom { module, names } => {
                let i = self.name_index(module);
                self.emit(Instr::ImportModule(i));
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Instr::ImportStar);
                    return Ok(());
                }
                for a in names {
                    let i = self.name_index(&a.name);
                    self.emit(Instr::ImportFrom(i));
                    self.compile_name(a.asname.as_ref().unwrap_or(&a.name), Ctx::Store);
                }
                self.emit(Instr::Pop);
                Ok(())
            }
        }
    }

    // ---- assignment targets ----

    /// Stores the value on top of the stack into `target`.
    pub(crate) fn compile_store(&mut self, target: &'a Expr) -> CResult {
        let saved = self.unit().loc;
        self.set_line(target.span);
        let r = self.compile_store_inner(target);
        self.unit_mut().loc = saved;
        r
    }

    fn compile_store_inner(&mut self, target: &'a Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(name) => self.compile_name(name, Ctx::Store),
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                let i = self.name_index(attr);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.compile_expr(value)?;
                self.compile_expr(index)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                self.compile_unpack(target, elts)?;
                for elt in elts {
                    match &elt.kind {
                        ExprKind::Starred(inner) => self.compile_store(inner)?,
                        _ => self.compile_store(elt)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(self.error(
                    "starred assignment target must be in a list or tuple",
                    target.span.start,
                ))
            }
            _ => {
                let what = describe(target);
                return Err(self.error(format!("cannot assign to {what}"), target.span.start));
            }
        }
        Ok(())
    }

    fn compile_unpack(&mut self, target: &Expr, elts: &[Expr]) -> CResult {
        let mut stars = elts
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, ExprKind::Starred(_)));
        match (stars.next(), stars.next()) {
            (None, _) => self.emit(Instr::UnpackSequence(elts.len() as u32)),
            (Some((i, _)), None) => {
                let (before, after) = (i, elts.len() - i - 1);
                let (Ok(before), Ok(after)) = (u16::try_from(before), u16::try_from(after)) else {
                    return Err(self.error(
                        "too many expressions in star-unpacking assignment",
                        target.span.start,
                    ));
                };
                self.emit(Instr::UnpackEx { before, after });
            }
            (Some(_), Some((_, second))) => {
                return Err(self.error(
                    "multiple starred expressions in assignment",
                    second.span.start,
                ))
            }
        }
        Ok(())
    }

    fn compile_delete(&mut self, target: &'a Expr) -> CResult {
        let saved = self.unit().loc;
        self.set_line(target.span);
        match &target.kind {
            ExprKind::Name(name) => self.compile_name(name, Ctx::Del),
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                let i = self.name_index(attr);
                self.emit(Instr::DeleteAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.compile_expr(value)?;
                self.compile_expr(index)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for elt in elts {
                    self.compile_delete(elt)?;
                }
            }
            _ => {
                let what = describe(target);
                return Err(self.error(format!("cannot delete {what}"), target.span.start));
            }
        }
        self.unit_mut().loc = saved;
        Ok(())
    }

    fn compile_aug_assign(&mut self, target: &'a Expr, op: ast::BinOp, value: &'a Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(name) => {
                self.compile_name(name, Ctx::Load);
                self.compile_expr(value)?;
                self.emit(Instr::InplaceBinary(op.into()));
                self.compile_name(name, Ctx::Store);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.compile_expr(obj)?;
                self.emit(Instr::Dup);
                let i = self.name_index(attr);
                self.emit(Instr::LoadAttr(i));
                self.compile_expr(value)?;
                self.emit(Instr::InplaceBinary(op.into()));
                self.emit(Instr::Rot2);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.compile_expr(obj)?;
                self.compile_expr(index)?;
                self.emit(Instr::DupTwo);
                self.emit(Instr::BinarySubscr);
                self.compile_expr(value)?;
                self.emit(Instr::InplaceBinary(op.into()));
                self.emit(Instr::Rot3);
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                let what = describe(target);
                return Err(self.error(
                    format!("'{what}' is an illegal expression for augmented assignment"),
                    target.span.start,
                ));
            }
        }
        Ok(())
    }

    // ---- control flow ----

    fn compile_if(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let end = self.new_label();
        let (mut test, mut body, mut orelse) = (test, body, orelse);
        loop {
            if orelse.is_empty() {
                self.jump_if(test, end, false)?;
                self.compile_body(body)?;
                break;
            }
            let next = self.new_label();
            self.jump_if(test, next, false)?;
            self.compile_body(body)?;
            self.emit_jump(Instr::Jump, end);
            self.bind(next);
            // `elif` chains are nested `If`s: compile them iteratively.
            match orelse {
                [s @ Stmt {
                    kind:
                        StmtKind::If {
                            test: t,
                            body: b,
                            orelse: o,
                        },
                    ..
                }] => {
                    self.set_line(s.span);
                    (test, body, orelse) = (t, b, o);
                }
                _ => {
                    self.compile_body(orelse)?;
                    break;
                }
            }
        }
        self.bind(end);
        Ok(())
    }

    fn compile_while(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let start = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(start);
        // `while True:` needs no test.
        if !is_true_constant(test) {
            self.jump_if(test, anchor, false)?;
        }
        self.unit_mut()
            .fblocks
            .push(FBlock::WhileLoop { start, end });
        self.compile_body(body)?;
        self.unit_mut().fblocks.pop();
        self.emit_jump(Instr::Jump, start);
        self.bind(anchor);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.compile_iterable(iter)?;
        self.emit(Instr::GetIter);
        self.bind(start);
        self.emit_jump(Instr::ForIter, cleanup);
        self.unit_mut().fblocks.push(FBlock::ForLoop { start, end });
        self.compile_store(target)?;
        self.compile_body(body)?;
        self.unit_mut().fblocks.pop();
        self.emit_jump(Instr::Jump, start);
        self.bind(cleanup);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `break`, `continue` (to the innermost loop) and `return` may not
    /// leave an `except*` handler.
    fn check_not_leaving_except_star(&self, to_loop: bool, at: u32) -> CResult {
        for b in self.unit().fblocks.iter().rev() {
            match b {
                FBlock::WhileLoop { .. } | FBlock::ForLoop { .. } if to_loop => break,
                FBlock::ExceptStar => {
                    return Err(self.error(
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                        at,
                    ))
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// `async for`: each step awaits `__anext__()` inside a handler that
    /// ends the loop on `StopAsyncIteration`.
    fn compile_async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.compile_expr(iter)?;
        self.emit(Instr::GetAIter);
        self.bind(start);
        self.emit_async_next(cleanup);
        self.unit_mut().fblocks.push(FBlock::ForLoop { start, end });
        self.compile_store(target)?;
        self.compile_body(body)?;
        self.unit_mut().fblocks.pop();
        self.emit_jump(Instr::Jump, start);
        self.bind(cleanup);
        self.emit(Instr::EndAsyncFor);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `[aiter] -> [aiter, next value]`; `StopAsyncIteration` goes to
    /// `handler` (which must start with `EndAsyncFor`).
    pub(crate) fn emit_async_next(&mut self, handler: Label) {
        self.emit_jump(Instr::SetupFinally, handler);
        self.emit(Instr::GetANext);
        self.load_const(Constant::None);
        self.emit(Instr::YieldFrom);
        self.emit(Instr::PopBlock);
    }

    /// `[obj] -> [await obj]`
    pub(crate) fn emit_await(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.load_const(Constant::None);
        self.emit(Instr::YieldFrom);
    }

    fn compile_break(&mut self, s: &Stmt) -> CResult {
        self.check_not_leaving_except_star(true, s.span.start)?;
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'break' outside loop", s.span.start));
        };
        self.unwind_fblock(lp, false)?;
        match lp {
            FBlock::WhileLoop { end, .. } | FBlock::ForLoop { end, .. } => {
                self.emit_jump(Instr::Jump, end)
            }
            _ => unreachable!("unwind stops at loops"),
        }
        Ok(())
    }

    fn compile_continue(&mut self, s: &Stmt) -> CResult {
        self.check_not_leaving_except_star(true, s.span.start)?;
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'continue' not properly in loop", s.span.start));
        };
        match lp {
            FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. } => {
                self.emit_jump(Instr::Jump, start)
            }
            _ => unreachable!("unwind stops at loops"),
        }
        Ok(())
    }

    fn compile_return(&mut self, s: &Stmt, value: Option<&'a Expr>) -> CResult {
        if !self.unit().kind.is_function() {
            return Err(self.error("'return' outside function", s.span.start));
        }
        self.check_not_leaving_except_star(false, s.span.start)?;
        let u = self.unit();
        if u.is_generator && u.is_coroutine && value.is_some() {
            return Err(self.error("'return' with value in async generator", s.span.start));
        }
        // The value is computed before leaving the blocks and kept on top of
        // the stack meanwhile; a constant is simply loaded afterwards.
        let constant = match value.map(|v| &v.kind) {
            None => Some(&ast::Constant::None),
            Some(ExprKind::Constant(c)) => Some(c),
            Some(_) => None,
        };
        if constant.is_none() {
            self.compile_expr(value.expect("non-constant value"))?;
        }
        self.unwind_fblock_stack(constant.is_none(), false)?;
        if let Some(c) = constant {
            let c = self.constant(c);
            self.load_const(c);
        }
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    /// Emits the clean-up for leaving every enclosing block, innermost first,
    /// stopping at the innermost loop when `to_loop` (which is returned).
    /// `preserve_tos` keeps a return value on top of the stack throughout.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let line = self.unit().loc;
        let mut popped = Vec::new();
        let mut result = Ok(None);
        while let Some(&top) = self.unit().fblocks.last() {
            if to_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
                result = Ok(Some(top));
                break;
            }
            // A finally body inlined here must not see its own block.
            popped.push(self.unit_mut().fblocks.pop().expect("checked"));
            if let Err(e) = self.unwind_fblock(top, preserve_tos) {
                result = Err(e);
                break;
            }
        }
        self.unit_mut().fblocks.extend(popped.into_iter().rev());
        self.unit_mut().loc = line;
        result
    }

    fn unwind_fblock(&mut self, block: FBlock<'a>, preserve_tos: bool) -> CResult {
        match block {
            FBlock::WhileLoop { .. } => {}
            FBlock::ForLoop { .. } | FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
            }
            FBlock::TryExcept => self.emit(Instr::PopBlock),
            FBlock::ExceptStar => {}
            FBlock::FinallyTry(finalbody) => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.unit_mut().fblocks.push(FBlock::PopValue);
                }
                self.compile_body(finalbody)?;
                if preserve_tos {
                    self.unit_mut().fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                // Drop the pending exception and leave its handler.
                if preserve_tos {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
                self.emit(Instr::PopExcept);
            }
            FBlock::With(is_async) => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Rot2);
                }
                self.call_exit_with_nones();
                if is_async {
                    self.emit_await();
                }
                self.emit(Instr::Pop);
            }
            FBlock::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit(Instr::PopBlock);
                }
                self.emit(Instr::PopExcept);
                if let Some(name) = name {
                    self.clear_name(name);
                }
            }
        }
        Ok(())
    }

    /// `[__exit__] -> [__exit__(None, None, None)]`
    fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.emit(Instr::Dup);
        self.emit(Instr::Dup);
        self.emit(Instr::Call(3));
    }

    /// `name = None; del name`: an `except ... as name` target does not
    /// outlive its handler.
    fn clear_name(&mut self, name: &str) {
        self.load_const(Constant::None);
        self.compile_name(name, Ctx::Store);
        self.compile_name(name, Ctx::Del);
    }

    // ---- exceptions ----

    fn compile_try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult {
        let handler = self.new_label();
        let exit = self.new_label();
        self.emit_jump(Instr::SetupFinally, handler);
        self.unit_mut().fblocks.push(FBlock::FinallyTry(finalbody));
        if handlers.is_empty() {
            self.compile_body(body)?;
            self.compile_body(orelse)?;
        } else {
            self.compile_try_except(body, handlers, orelse)?;
        }
        self.emit(Instr::PopBlock);
        self.unit_mut().fblocks.pop();
        self.compile_body(finalbody)?;
        self.emit_jump(Instr::Jump, exit);

        // Exception path: `[exc]`, inside an except-handler block.
        self.bind(handler);
        self.unit_mut().fblocks.push(FBlock::FinallyEnd);
        self.compile_body(finalbody)?;
        self.unit_mut().fblocks.pop();
        self.emit(Instr::Reraise);
        self.bind(exit);
        Ok(())
    }

    fn compile_try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        if handlers.first().is_some_and(|h| h.star) {
            return self.compile_try_except_star(body, handlers, orelse);
        }
        let except = self.new_label();
        let end = self.new_label();
        self.emit_jump(Instr::SetupFinally, except);
        self.unit_mut().fblocks.push(FBlock::TryExcept);
        self.compile_body(body)?;
        self.unit_mut().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.compile_body(orelse)?;
        self.emit_jump(Instr::Jump, end);

        // `[exc]`, inside an except-handler block.
        self.bind(except);
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.span);
            let next = self.new_label();
            match &h.typ {
                Some(typ) => {
                    // `CheckExcMatch` keeps `exc` under the bool: no `Dup`.
                    self.compile_expr(typ)?;
                    self.emit(Instr::CheckExcMatch);
                    self.emit_jump(Instr::PopJumpIfFalse, next);
                }
                None if i + 1 < handlers.len() => {
                    return Err(self.error("default 'except:' must be last", h.span.start));
                }
                None => {}
            }
            match &h.name {
                Some(name) => self.compile_named_handler_body(name, &h.body, end)?,
                None => {
                    self.emit(Instr::Pop);
                    self.unit_mut().fblocks.push(FBlock::HandlerCleanup(None));
                    self.compile_body(&h.body)?;
                    self.unit_mut().fblocks.pop();
                    self.emit(Instr::PopExcept);
                    self.emit_jump(Instr::Jump, end);
                }
            }
            self.bind(next);
        }
        // No clause matched.
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    /// `try/except*` (PEP 654): each clause takes the part of the group
    /// its types match; what is left and what the handlers raise is raised
    /// again at the end.
    fn compile_try_except_star(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let except = self.new_label();
        let end = self.new_label();
        self.emit_jump(Instr::SetupFinally, except);
        self.unit_mut().fblocks.push(FBlock::TryExcept);
        self.compile_body(body)?;
        self.unit_mut().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.compile_body(orelse)?;
        self.emit_jump(Instr::Jump, end);

        // `[exc] -> [exc, rest, raised]`, inside an except-handler block.
        self.bind(except);
        self.emit(Instr::StarPrep);
        for h in handlers {
            self.set_line(h.span);
            let next = self.new_label();
            let Some(typ) = &h.typ else {
                return Err(self.error("expected one or more exception types", h.span.start));
            };
            self.compile_expr(typ)?;
            self.emit_jump(Instr::StarMatch, next);
            match &h.name {
                Some(name) => self.compile_name(name, Ctx::Store),
                None => self.emit(Instr::Pop),
            }
            let raised = self.new_label();
            self.emit_jump(Instr::SetupFinally, raised);
            self.unit_mut().fblocks.push(FBlock::ExceptStar);
            self.compile_body(&h.body)?;
            self.unit_mut().fblocks.pop();
            self.emit(Instr::PopBlock);
            if let Some(name) = &h.name {
                self.clear_name(name);
            }
            self.emit_jump(Instr::Jump, next);

            // `[exc, rest, raised, e]`: the handler raised `e`.
            self.bind(raised);
            self.emit(Instr::StarCollect);
            self.emit(Instr::PopExcept);
            if let Some(name) = &h.name {
                self.clear_name(name);
            }
            self.bind(next);
        }
        let handled = self.new_label();
        self.emit_jump(Instr::StarFinish, handled);
        self.bind(handled);
        self.emit(Instr::PopExcept);
        self.bind(end);
        Ok(())
    }

    /// `except E as name: body` as `try: body finally: name = None; del name`.
    fn compile_named_handler_body(
        &mut self,
        name: &'a str,
        body: &'a [Stmt],
        end: Label,
    ) -> CResult {
        let cleanup = self.new_label();
        self.compile_name(name, Ctx::Store);
        self.emit_jump(Instr::SetupFinally, cleanup);
        self.unit_mut()
            .fblocks
            .push(FBlock::HandlerCleanup(Some(name)));
        self.compile_body(body)?;
        self.unit_mut().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.emit(Instr::PopExcept);
        self.clear_name(name);
        self.emit_jump(Instr::Jump, end);

        self.bind(cleanup);
        self.clear_name(name);
        self.emit(Instr::Reraise);
        Ok(())
    }

    /// `with a as x, b as y: body` nests one `SetupWith` block per item.
    fn compile_with(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> CResult {
        let line = self.unit().loc;
        let mut handlers = Vec::with_capacity(items.len());
        for item in items {
            let handler = self.new_label();
            self.compile_expr(&item.context)?;
            if is_async {
                self.emit(Instr::BeforeAsyncWith);
                self.emit_await();
                self.emit_jump(Instr::SetupAsyncWith, handler);
            } else {
                self.emit_jump(Instr::SetupWith, handler);
            }
            self.unit_mut().fblocks.push(FBlock::With(is_async));
            match &item.target {
                Some(target) => self.compile_store(target)?,
                None => self.emit(Instr::Pop),
            }
            handlers.push(handler);
        }
        self.compile_body(body)?;
        for handler in handlers.into_iter().rev() {
            let exit = self.new_label();
            let suppress = self.new_label();
            self.unit_mut().loc = line;
            self.emit(Instr::PopBlock);
            self.unit_mut().fblocks.pop();
            self.call_exit_with_nones();
            if is_async {
                self.emit_await();
            }
            self.emit(Instr::Pop);
            self.emit_jump(Instr::Jump, exit);

            // `[__exit__, exc]`, inside an except-handler block.
            self.bind(handler);
            self.emit(Instr::WithExceptStart);
            if is_async {
                self.emit_await();
            }
            self.emit_jump(Instr::PopJumpIfTrue, suppress);
            self.emit(Instr::Reraise);
            self.bind(suppress);
            self.emit(Instr::Pop);
            self.emit(Instr::PopExcept);
            self.emit(Instr::Pop);
            self.bind(exit);
        }
        Ok(())
    }
}

fn is_true_constant(e: &Expr) -> bool {
    use num_traits::Zero;
    match &e.kind {
        ExprKind::Constant(c) => match c {
            ast::Constant::Bool(b) => *b,
            ast::Constant::Int(i) => !i.is_zero(),
            ast::Constant::Float(f) | ast::Constant::Imaginary(f) => *f != 0.0,
            ast::Constant::Str(s) => !s.is_empty(),
            ast::Constant::Bytes(b) => !b.is_empty(),
            ast::Constant::Ellipsis => true,
            ast::Constant::None => false,
        },
        _ => false,
    }
}

/// How CPython names an expression that cannot be assigned to or deleted.
pub(crate) fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(ast::Constant::None) => "None",
        ExprKind::Constant(ast::Constant::Bool(true)) => "True",
        ExprKind::Constant(ast::Constant::Bool(false)) => "False",
        ExprKind::Constant(ast::Constant::Ellipsis) => "Ellipsis",
        ExprKind::Constant(_) | ExprKind::FString(_) => "literal",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "operator",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict display",
        ExprKind::Set(_) => "set display",
        ExprKind::Starred(_) => "starred",
        _ => "expression",
    }
}
