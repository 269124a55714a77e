//! Code generation for expressions: operators, displays, calls, f-strings,
//! lambdas, comprehensions, and conditional jumps on tests.

use super::bytecode::{self, Constant, Instr};
use super::codegen::{CResult, Compiler, Ctx, Label};
use super::symtable::CompKind;
use crate::syntax::ast::{self, Expr, ExprKind};
use num_traits::ToPrimitive;
use std::collections::HashSet;

/// Above this many items, displays and calls are built incrementally so the
/// stack stays shallow (CPython's `STACK_USE_GUARDRAIL`).
const STACK_GUARDRAIL: usize = 30;

/// Which container a display builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Tuple,
    Set,
}

impl<'a> Compiler<'a> {
    /// Pushes the value of `e`. Instructions carry `e`'s line.
    pub(crate) fn compile_expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.unit().loc;
        self.set_line(e.span);
        let r = self.compile_expr_inner(e);
        self.unit_mut().loc = saved;
        r
    }

    // Every arm is a single call so this frame stays small: expressions nest
    // deeply and debug builds give each arm's temporaries their own slots.
    fn compile_expr_inner(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Name(name) => {
                self.compile_name(name, Ctx::Load);
                Ok(())
            }
            ExprKind::Constant(c) => {
                let c = self.constant(c);
                self.load_const(c);
                Ok(())
            }
            ExprKind::FString(parts) => self.compile_fstring(parts),
            ExprKind::BoolOp { op, values } => self.compile_bool_op(*op, values),
            ExprKind::BinOp { .. } => self.compile_binop(e),
            ExprKind::UnaryOp { op, operand } => self.compile_unary(*op, operand),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compile_compare(left, ops, comparators),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.compile_call(func, args, keywords),
            ExprKind::Attribute { value, attr } => self.compile_attribute(value, attr),
            ExprKind::Subscript { value, index } => self.compile_subscript(value, index),
            ExprKind::Slice { lower, upper, step } => self.compile_slice(lower, upper, step),
            ExprKind::Starred(_) => {
                Err(self.error("can't use starred expression here", e.span.start))
            }
            ExprKind::List(elts) => self.starunpack(elts, 0, Seq::List),
            ExprKind::Tuple(elts) => self.starunpack(elts, 0, Seq::Tuple),
            ExprKind::Set(elts) => self.starunpack(elts, 0, Seq::Set),
            ExprKind::Dict(items) => self.compile_dict(items),
            ExprKind::ListComp { elt, generators } => {
                self.compile_comprehension(e, CompKind::List, generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                self.compile_comprehension(e, CompKind::Set, generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.compile_comprehension(e, CompKind::Dict, generators, key, Some(value)),
            ExprKind::GeneratorExp { elt, generators } => {
                self.compile_comprehension(e, CompKind::Generator, generators, elt, None)
            }
            ExprKind::Lambda { params, body } => self.compile_lambda(e, params, body),
            ExprKind::IfExp { test, body, orelse } => self.compile_if_exp(test, body, orelse),
            ExprKind::Yield(value) => self.compile_yield(value.as_deref()),
            ExprKind::YieldFrom(value) => self.compile_yield_from(value),
            ExprKind::Await(value) => {
                self.compile_expr(value)?;
                self.emit_await();
                Ok(())
            }
            ExprKind::NamedExpr { target, value } => self.compile_named_expr(target, value),
        }
    }

    fn compile_unary(&mut self, op: ast::UnaryOp, operand: &'a Expr) -> CResult {
        self.compile_expr(operand)?;
        self.emit(Instr::Unary(op.into()));
        Ok(())
    }

    fn compile_attribute(&mut self, value: &'a Expr, attr: &str) -> CResult {
        self.compile_expr(value)?;
        let i = self.name_index(attr);
        self.emit(Instr::LoadAttr(i));
        Ok(())
    }

    fn compile_subscript(&mut self, value: &'a Expr, index: &'a Expr) -> CResult {
        self.compile_expr(value)?;
        self.compile_expr(index)?;
        self.emit(Instr::BinarySubscr);
        Ok(())
    }

    fn compile_if_exp(&mut self, test: &'a Expr, body: &'a Expr, orelse: &'a Expr) -> CResult {
        let otherwise = self.new_label();
        let end = self.new_label();
        self.jump_if(test, otherwise, false)?;
        self.compile_expr(body)?;
        self.emit_jump(Instr::Jump, end);
        self.bind(otherwise);
        self.compile_expr(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_yield(&mut self, value: Option<&'a Expr>) -> CResult {
        match value {
            Some(v) => self.compile_expr(v)?,
            None => self.load_const(Constant::None),
        }
        self.emit(Instr::YieldValue);
        Ok(())
    }

    fn compile_yield_from(&mut self, value: &'a Expr) -> CResult {
        self.compile_expr(value)?;
        self.emit(Instr::GetYieldFromIter);
        self.load_const(Constant::None);
        self.emit(Instr::YieldFrom);
        Ok(())
    }

    /// `(target := value)`
    fn compile_named_expr(&mut self, target: &str, value: &'a Expr) -> CResult {
        self.compile_expr(value)?;
        self.emit(Instr::Dup);
        self.compile_name(target, Ctx::Store);
        Ok(())
    }

    /// Left-deep chains such as `a + b + c + ...` are walked iteratively:
    /// they can be far longer than the parser's nesting limit.
    fn compile_binop(&mut self, e: &'a Expr) -> CResult {
        let mut spine = Vec::new();
        let mut left = e;
        while let ExprKind::BinOp { left: inner, .. } = &left.kind {
            spine.push(left);
            left = inner;
        }
        self.compile_expr(left)?;
        for node in spine.into_iter().rev() {
            let ExprKind::BinOp { op, right, .. } = &node.kind else {
                unreachable!("the spine holds BinOps")
            };
            self.set_line(node.span);
            self.compile_expr(right)?;
            self.emit(Instr::Binary((*op).into()));
        }
        Ok(())
    }

    /// A literal as a code constant.
    pub(crate) fn constant(&self, c: &ast::Constant) -> Constant {
        match c {
            ast::Constant::None => Constant::None,
            ast::Constant::Bool(b) => Constant::Bool(*b),
            ast::Constant::Int(i) => match i.to_i64() {
                Some(small) => Constant::Int(small),
                None => Constant::BigInt(i.clone()),
            },
            ast::Constant::Float(f) => Constant::Float(*f),
            ast::Constant::Imaginary(f) => Constant::Complex(0.0, *f),
            ast::Constant::Str(s) => Constant::Str(s.clone()),
            ast::Constant::Ellipsis => Constant::Ellipsis,
            ast::Constant::Bytes(b) => Constant::Bytes(b.clone()),
        }
    }

    fn compile_bool_op(&mut self, op: ast::BoolOp, values: &'a [Expr]) -> CResult {
        let end = self.new_label();
        let jump = match op {
            ast::BoolOp::And => Instr::JumpIfFalseOrPop,
            ast::BoolOp::Or => Instr::JumpIfTrueOrPop,
        };
        let (last, rest) = values.split_last().expect("a BoolOp has operands");
        for v in rest {
            self.compile_expr(v)?;
            self.emit_jump(jump, end);
        }
        self.compile_expr(last)?;
        self.bind(end);
        Ok(())
    }

    /// `a < b < c`: each middle operand is kept (Dup/Rot3) for the next
    /// comparison; a false result short-circuits to a clean-up that drops it.
    fn compile_compare(
        &mut self,
        left: &'a Expr,
        ops: &[ast::CmpOp],
        comparators: &'a [Expr],
    ) -> CResult {
        self.compile_expr(left)?;
        let n = ops.len();
        if n == 1 {
            self.compile_expr(&comparators[0])?;
            self.emit(Instr::Compare(ops[0].into()));
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.compile_expr(&comparators[i])?;
            self.emit(Instr::Dup);
            self.emit(Instr::Rot3);
            self.emit(Instr::Compare(ops[i].into()));
            self.emit_jump(Instr::JumpIfFalseOrPop, cleanup);
        }
        self.compile_expr(&comparators[n - 1])?;
        self.emit(Instr::Compare(ops[n - 1].into()));
        self.emit_jump(Instr::Jump, end);
        self.bind(cleanup);
        self.emit(Instr::Rot2);
        self.emit(Instr::Pop);
        self.bind(end);
        Ok(())
    }

    /// Jumps to `target` if the truth of `e` equals `cond`, else falls
    /// through; `not`, `and`, `or`, conditional expressions and chained
    /// comparisons branch directly instead of building a bool.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult {
        let saved = self.unit().loc;
        self.set_line(e.span);
        let r = self.jump_if_inner(e, target, cond);
        self.unit_mut().loc = saved;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: ast::UnaryOp::Not,
                operand,
            } => self.jump_if(operand, target, !cond),
            ExprKind::BoolOp { op, values } => {
                let (last, rest) = values.split_last().expect("a BoolOp has operands");
                // Operands but the last decide early when they are false (and)
                // or true (or).
                let decides = *op == ast::BoolOp::Or;
                let early = if decides == cond {
                    target
                } else {
                    self.new_label()
                };
                for v in rest {
                    self.jump_if(v, early, decides)?;
                }
                self.jump_if(last, target, cond)?;
                if early != target {
                    self.bind(early);
                }
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let otherwise = self.new_label();
                self.jump_if(test, otherwise, false)?;
                self.jump_if(body, target, cond)?;
                self.emit_jump(Instr::Jump, end);
                self.bind(otherwise);
                self.jump_if(orelse, target, cond)?;
                self.bind(end);
                Ok(())
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                let n = ops.len();
                let cleanup = self.new_label();
                let end = self.new_label();
                self.compile_expr(left)?;
                for i in 0..n - 1 {
                    self.compile_expr(&comparators[i])?;
                    self.emit(Instr::Dup);
                    self.emit(Instr::Rot3);
                    self.emit(Instr::Compare(ops[i].into()));
                    self.emit_jump(Instr::PopJumpIfFalse, cleanup);
                }
                self.compile_expr(&comparators[n - 1])?;
                self.emit(Instr::Compare(ops[n - 1].into()));
                self.emit_jump(
                    if cond {
                        Instr::PopJumpIfTrue
                    } else {
                        Instr::PopJumpIfFalse
                    },
                    target,
                );
                self.emit_jump(Instr::Jump, end);
                // A link failed: drop the kept operand; the chain is false.
                self.bind(cleanup);
                self.emit(Instr::Pop);
                if !cond {
                    self.emit_jump(Instr::Jump, target);
                }
                self.bind(end);
                Ok(())
            }
            _ => {
                self.compile_expr(e)?;
                self.emit_jump(
                    if cond {
                        Instr::PopJumpIfTrue
                    } else {
                        Instr::PopJumpIfFalse
                    },
                    target,
                );
                Ok(())
            }
        }
    }

    fn compile_slice(
        &mut self,
        lower: &'a Option<Box<Expr>>,
        upper: &'a Option<Box<Expr>>,
        step: &'a Option<Box<Expr>>,
    ) -> CResult {
        for part in [lower, upper] {
            match part {
                Some(e) => self.compile_expr(e)?,
                None => self.load_const(Constant::None),
            }
        }
        match step {
            Some(e) => {
                self.compile_expr(e)?;
                self.emit(Instr::BuildSlice(3));
            }
            None => self.emit(Instr::BuildSlice(2)),
        }
        Ok(())
    }

    /// The iterable of a `for` or comprehension: there a display of
    /// constants is iterated as CPython's frozenset constant, made by adding
    /// the items one by one.
    pub(crate) fn compile_iterable(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Set(elts) if elts.iter().all(is_const) => {
                let saved = self.unit().loc;
                self.set_line(e.span);
                for x in elts {
                    self.compile_expr(x)?;
                }
                self.emit(Instr::BuildConstSet(elts.len() as u32));
                self.unit_mut().loc = saved;
                Ok(())
            }
            _ => self.compile_expr(e),
        }
    }

    /// Builds a list, tuple or set from `elts` (which may hold `*x`), with
    /// `pushed` values already on the stack as its first items.
    fn starunpack(&mut self, elts: &'a [Expr], pushed: usize, seq: Seq) -> CResult {
        let has_star = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        let big = elts.len() + pushed > STACK_GUARDRAIL;
        if seq == Seq::Set && pushed == 0 && elts.len() > 2 && elts.iter().all(is_const) {
            // CPython's frozenset constant, merged into a new set.
            self.emit(Instr::BuildSet(0));
            for e in elts {
                self.compile_expr(e)?;
            }
            self.emit(Instr::BuildConstSet(elts.len() as u32));
            self.emit(Instr::SetUpdate(1));
            return Ok(());
        }
        if !has_star && !big {
            for e in elts {
                self.compile_expr(e)?;
            }
            let n = (elts.len() + pushed) as u32;
            self.emit(match seq {
                Seq::List => Instr::BuildList(n),
                Seq::Tuple => Instr::BuildTuple(n),
                Seq::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        let (build, add, extend): (fn(u32) -> Instr, Instr, Instr) = match seq {
            Seq::List | Seq::Tuple => {
                (Instr::BuildList, Instr::ListAppend(1), Instr::ListExtend(1))
            }
            Seq::Set => (Instr::BuildSet, Instr::SetAdd(1), Instr::SetUpdate(1)),
        };
        // Items before the first star are collected on the stack, unless
        // there are too many.
        let mut built = false;
        if big {
            self.emit(build(pushed as u32));
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred(inner) = &e.kind {
                if !built {
                    self.emit(build((i + pushed) as u32));
                    built = true;
                }
                self.compile_expr(inner)?;
                self.emit(extend);
            } else {
                self.compile_expr(e)?;
                if built {
                    self.emit(add);
                }
            }
        }
        if seq == Seq::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn compile_dict(&mut self, items: &'a [(Option<Expr>, Expr)]) -> CResult {
        let mut have_dict = false;
        let mut pending = 0; // key/value items not yet in a dict
        for (i, (key, value)) in items.iter().enumerate() {
            if key.is_some() {
                pending += 1;
                continue;
            }
            // `**m`: flush the plain items, then merge `m`.
            if pending > 0 {
                self.compile_subdict(&items[i - pending..i])?;
                if have_dict {
                    self.emit(Instr::DictUpdate(1));
                }
                have_dict = true;
                pending = 0;
            }
            if !have_dict {
                self.emit(Instr::BuildMap(0));
                have_dict = true;
            }
            self.compile_expr(value)?;
            self.emit(Instr::DictUpdate(1));
        }
        if pending > 0 {
            self.compile_subdict(&items[items.len() - pending..])?;
            if have_dict {
                self.emit(Instr::DictUpdate(1));
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Instr::BuildMap(0));
        }
        Ok(())
    }

    /// A dict of plain `key: value` items.
    fn compile_subdict(&mut self, items: &'a [(Option<Expr>, Expr)]) -> CResult {
        let big = items.len() > STACK_GUARDRAIL;
        if big {
            self.emit(Instr::BuildMap(0));
        }
        for (key, value) in items {
            self.compile_expr(key.as_ref().expect("plain item"))?;
            self.compile_expr(value)?;
            if big {
                self.emit(Instr::MapAdd(1));
            }
        }
        if !big {
            self.emit(Instr::BuildMap(items.len() as u32));
        }
        Ok(())
    }

    fn compile_fstring(&mut self, parts: &'a [ast::FStringPart]) -> CResult {
        let mut n = 0;
        for part in parts {
            match part {
                ast::FStringPart::Literal(s) => {
                    if !s.is_empty() {
                        self.load_const(Constant::Str(s.clone()));
                        n += 1;
                    }
                }
                ast::FStringPart::Value {
                    expr,
                    conversion,
                    spec,
                    debug_text,
                } => {
                    if let Some(text) = debug_text {
                        self.load_const(Constant::Str(text.clone()));
                        n += 1;
                    }
                    self.compile_expr(expr)?;
                    let mut flags = match conversion {
                        // `f"{x=}"` shows the repr unless a spec is given.
                        None if debug_text.is_some() && spec.is_none() => 2,
                        None => 0,
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        Some(c) => {
                            return Err(self.error(
                                format!("f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"),
                                expr.span.start,
                            ))
                        }
                    };
                    if let Some(spec) = spec {
                        self.compile_fstring(spec)?;
                        flags |= 4;
                    }
                    self.emit(Instr::FormatValue(flags));
                    n += 1;
                }
            }
        }
        match n {
            0 => self.load_const(Constant::Str(String::new())),
            1 => {}
            _ => self.emit(Instr::BuildString(n)),
        }
        Ok(())
    }

    // ---- calls ----

    /// CPython's checks on argument order (spans give the source order) and
    /// repeated keywords.
    pub(crate) fn check_call_args(&self, args: &[Expr], keywords: &[ast::Keyword]) -> CResult {
        let first = |unpack: bool| {
            keywords
                .iter()
                .filter(|k| k.arg.is_none() == unpack)
                .map(|k| k.span.start)
                .min()
        };
        let (first_kw, first_unpack) = (first(false), first(true));
        for a in args {
            let after = |start: Option<u32>| start.is_some_and(|s| s < a.span.start);
            let starred = matches!(a.kind, ExprKind::Starred(_));
            let msg = if starred {
                after(first_unpack)
                    .then_some("iterable argument unpacking follows keyword argument unpacking")
            } else if after(first_unpack) {
                Some("positional argument follows keyword argument unpacking")
            } else if after(first_kw) {
                Some("positional argument follows keyword argument")
            } else {
                None
            };
            if let Some(msg) = msg {
                return Err(self.error(msg, a.span.start));
            }
        }
        let mut seen = HashSet::new();
        for k in keywords {
            if let Some(name) = &k.arg {
                if !seen.insert(name.as_str()) {
                    return Err(
                        self.error(format!("keyword argument repeated: {name}"), k.span.start)
                    );
                }
            }
        }
        Ok(())
    }

    fn compile_call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult {
        self.check_call_args(args, keywords)?;
        // `obj.name(a, b)`: no bound-method object is created.
        if let ExprKind::Attribute { value, attr } = &func.kind {
            let plain = keywords.is_empty()
                && args.len() < STACK_GUARDRAIL
                && !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
            if plain {
                self.compile_expr(value)?;
                let line = self.unit().loc;
                self.set_line(func.span);
                let i = self.name_index(attr);
                self.emit(Instr::LoadMethod(i));
                self.unit_mut().loc = line;
                for a in args {
                    self.compile_expr(a)?;
                }
                self.emit(Instr::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.compile_expr(func)?;
        self.compile_call_helper(0, args, keywords)
    }

    /// Pushes the arguments and the call, with `pushed` positional arguments
    /// already on the stack above the callable.
    pub(crate) fn compile_call_helper(
        &mut self,
        pushed: usize,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult {
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        let big = pushed + args.len() + keywords.len() > STACK_GUARDRAIL;
        if !starred && !big {
            for a in args {
                self.compile_expr(a)?;
            }
            let n = (pushed + args.len() + keywords.len()) as u32;
            if keywords.is_empty() {
                self.emit(Instr::Call(n));
            } else {
                for k in keywords {
                    self.compile_expr(&k.value)?;
                }
                let names = keywords
                    .iter()
                    .map(|k| Constant::Str(k.arg.clone().expect("no **")))
                    .collect();
                self.load_const(Constant::Tuple(names));
                self.emit(Instr::CallKw(n));
            }
            return Ok(());
        }

        // CallEx: a tuple of positional arguments, then maybe a dict. A lone
        // `*x` is passed as it is (CallEx makes the tuple), as CPython does.
        match args {
            [Expr {
                kind: ExprKind::Starred(inner),
                ..
            }] if pushed == 0 => self.compile_expr(inner)?,
            _ => self.starunpack(args, pushed, Seq::Tuple)?,
        }
        if keywords.is_empty() {
            self.emit(Instr::CallEx(0));
            return Ok(());
        }
        let mut have_dict = false;
        let mut pending = 0; // `name=value` keywords not yet in a dict
        for (i, k) in keywords.iter().enumerate() {
            if k.arg.is_some() {
                pending += 1;
                continue;
            }
            if pending > 0 {
                self.compile_subkwargs(&keywords[i - pending..i])?;
                if have_dict {
                    self.emit(Instr::DictMerge(1));
                }
                have_dict = true;
                pending = 0;
            }
            if !have_dict {
                self.emit(Instr::BuildMap(0));
                have_dict = true;
            }
            self.compile_expr(&k.value)?;
            self.emit(Instr::DictMerge(1));
        }
        if pending > 0 {
            self.compile_subkwargs(&keywords[keywords.len() - pending..])?;
            if have_dict {
                self.emit(Instr::DictMerge(1));
            }
        }
        self.emit(Instr::CallEx(1));
        Ok(())
    }

    /// A dict of `name=value` keyword arguments.
    fn compile_subkwargs(&mut self, keywords: &'a [ast::Keyword]) -> CResult {
        let big = keywords.len() > STACK_GUARDRAIL;
        if big {
            self.emit(Instr::BuildMap(0));
        }
        for k in keywords {
            self.load_const(Constant::Str(k.arg.clone().expect("no **")));
            self.compile_expr(&k.value)?;
            if big {
                self.emit(Instr::MapAdd(1));
            }
        }
        if !big {
            self.emit(Instr::BuildMap(keywords.len() as u32));
        }
        Ok(())
    }

    // ---- nested code ----

    fn compile_lambda(&mut self, e: &'a Expr, params: &'a ast::Params, body: &'a Expr) -> CResult {
        let flags = self.compile_defaults(params)?;
        let scope = self.table.expr_scope(e);
        let qualname = self.qualname("<lambda>", false);
        let line = self.line_of(e.span.start);
        self.enter_unit(scope, "<lambda>".into(), qualname, line);
        self.set_params(params);
        self.compile_expr(body)?;
        if self.table.scopes[scope].is_generator {
            // As CPython: a generator lambda returns None.
            self.emit(Instr::Pop);
            self.load_const(Constant::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit()?;
        self.make_closure(code, flags);
        Ok(())
    }

    /// A comprehension is a nested function, called at once with the
    /// iterator of its outermost iterable (the parameter `.0`).
    fn compile_comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult {
        let scope = self.table.expr_scope(e);
        let name = kind.code_name();
        let qualname = self.qualname(name, false);
        let line = self.line_of(e.span.start);
        self.enter_unit(scope, name.into(), qualname, line);
        self.set_argcount(1);
        match kind {
            CompKind::List => self.emit(Instr::BuildList(0)),
            CompKind::Set => self.emit(Instr::BuildSet(0)),
            CompKind::Dict => self.emit(Instr::BuildMap(0)),
            CompKind::Generator => {}
        }
        let mut loops = Vec::with_capacity(generators.len());
        for (i, gen) in generators.iter().enumerate() {
            if i == 0 {
                self.emit(Instr::LoadFast(0)); // `.0`, already an iterator
            } else {
                self.compile_iterable(&gen.iter)?;
                self.emit(if gen.is_async {
                    Instr::GetAIter
                } else {
                    Instr::GetIter
                });
            }
            let start = self.new_label();
            let anchor = self.new_label();
            let skip = self.new_label();
            self.bind(start);
            if gen.is_async {
                let handler = self.new_label();
                let body = self.new_label();
                self.emit_async_next(handler);
                self.emit_jump(Instr::Jump, body);
                self.bind(handler);
                self.emit(Instr::EndAsyncFor);
                self.emit_jump(Instr::Jump, anchor);
                self.bind(body);
            } else {
                self.emit_jump(Instr::ForIter, anchor);
            }
            self.compile_store(&gen.target)?;
            for cond in &gen.ifs {
                self.jump_if(cond, skip, false)?;
            }
            loops.push((start, anchor, skip));
        }
        // The container sits under one iterator per `for`.
        let depth = generators.len() as u32 + 1;
        match kind {
            CompKind::Generator => {
                self.compile_expr(elt)?;
                self.emit(Instr::YieldValue);
                self.emit(Instr::Pop);
            }
            CompKind::List => {
                self.compile_expr(elt)?;
                self.emit(Instr::ListAppend(depth));
            }
            CompKind::Set => {
                self.compile_expr(elt)?;
                self.emit(Instr::SetAdd(depth));
            }
            CompKind::Dict => {
                self.compile_expr(elt)?;
                self.compile_expr(value.expect("dict comprehension value"))?;
                self.emit(Instr::MapAdd(depth));
            }
        }
        for (start, anchor, skip) in loops.into_iter().rev() {
            self.bind(skip);
            self.emit_jump(Instr::Jump, start);
            self.bind(anchor);
        }
        if kind == CompKind::Generator {
            self.load_const(Constant::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit()?;

        self.make_closure(code, 0);
        self.compile_iterable(&generators[0].iter)?;
        self.emit(if generators[0].is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(1));
        if self.table.scopes[scope].is_coroutine && kind != CompKind::Generator {
            self.emit_await();
        }
        Ok(())
    }
}

// The bytecode has operators of its own, so the VM needs nothing from the AST.

impl From<ast::BinOp> for bytecode::BinOp {
    fn from(op: ast::BinOp) -> Self {
        use ast::BinOp as A;
        match op {
            A::Add => Self::Add,
            A::Sub => Self::Sub,
            A::Mul => Self::Mul,
            A::MatMul => Self::MatMul,
            A::Div => Self::Div,
            A::FloorDiv => Self::FloorDiv,
            A::Mod => Self::Mod,
            A::Pow => Self::Pow,
            A::LShift => Self::LShift,
            A::RShift => Self::RShift,
            A::BitOr => Self::BitOr,
            A::BitXor => Self::BitXor,
            A::BitAnd => Self::BitAnd,
        }
    }
}

impl From<ast::UnaryOp> for bytecode::UnaryOp {
    fn from(op: ast::UnaryOp) -> Self {
        use ast::UnaryOp as A;
        match op {
            A::Not => Self::Not,
            A::Neg => Self::Neg,
            A::Pos => Self::Pos,
            A::Invert => Self::Invert,
        }
    }
}

impl From<ast::CmpOp> for bytecode::CmpOp {
    fn from(op: ast::CmpOp) -> Self {
        use ast::CmpOp as A;
        match op {
            A::Eq => Self::Eq,
            A::NotEq => Self::NotEq,
            A::Lt => Self::Lt,
            A::LtE => Self::LtE,
            A::Gt => Self::Gt,
            A::GtE => Self::GtE,
            A::Is => Self::Is,
            A::IsNot => Self::IsNot,
            A::In => Self::In,
            A::NotIn => Self::NotIn,
        }
    }
}

/// Whether CPython folds `e` to a constant before compiling: a literal, a
/// sign or `~` on a number, or a tuple of such.
fn is_const(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(_) => true,
        ExprKind::UnaryOp { op, operand } => {
            use ast::Constant as C;
            matches!(
                (&operand.kind, op),
                (
                    ExprKind::Constant(C::Int(_) | C::Bool(_)),
                    ast::UnaryOp::Invert
                ) | (
                    ExprKind::Constant(C::Int(_) | C::Bool(_) | C::Float(_) | C::Imaginary(_)),
                    ast::UnaryOp::Neg | ast::UnaryOp::Pos,
                )
            )
        }
        ExprKind::Tuple(elts) => elts.iter().all(is_const),
        _ => false,
    }
}
