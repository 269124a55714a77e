//! Code generation for the `match` statement (PEP 634), and the checks
//! CPython's compiler makes on patterns.
//!
//! A pattern consumes the subject on top of the stack. The values it
//! captures stay on the stack until the whole pattern has matched (so a
//! failed case binds nothing), below the values still being worked on
//! (`on_top`); then the case stores them all. A failed test jumps to the
//! label that first pops what is on the stack above the case's start.

use super::bytecode::{BinOp, CmpOp, Constant, Instr};
use super::codegen::{CResult, Compiler, Ctx, Label};
use crate::syntax::ast::{self, Expr, ExprKind, MatchCase, Pattern, PatternKind};
use num_traits::ToPrimitive;

/// The state of one case's pattern while it is compiled.
struct PatCtx {
    /// Names captured so far. Their values wait on the stack in this order
    /// (the first deepest), under the `on_top` values.
    stores: Vec<String>,
    /// Values above the captures that a failure must pop too.
    on_top: u32,
    /// `fail_pop[n]`: where a failure goes with `n` values to pop.
    fail_pop: Vec<Label>,
    /// An irrefutable pattern (a capture, `_`) is allowed here.
    allow_irrefutable: bool,
    /// Where errors are reported: the pattern last started, as CPython
    /// does.
    loc: u32,
}

impl PatCtx {
    fn new(allow_irrefutable: bool, loc: u32) -> PatCtx {
        PatCtx {
            stores: Vec::new(),
            on_top: 0,
            fail_pop: Vec::new(),
            allow_irrefutable,
            loc,
        }
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn compile_match(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> CResult {
        self.compile_expr(subject)?;
        let end = self.new_label();
        // A final `case _:` needs neither a copy of the subject nor a test.
        let has_default = cases.len() > 1 && cases.last().is_some_and(|c| c.pattern.is_wildcard());
        let tested = cases.len() - usize::from(has_default);
        for (i, case) in cases[..tested].iter().enumerate() {
            self.set_line(case.pattern.span);
            // The last tested case uses up the subject itself.
            let keep_subject = i + 1 < tested;
            if keep_subject {
                self.emit(Instr::Copy(1));
            }
            let allow = case.guard.is_some() || i + 1 == cases.len();
            let mut pc = PatCtx::new(allow, case.pattern.span.start);
            self.compile_pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            for name in pc.stores.iter().rev() {
                self.compile_name(name, Ctx::Store);
            }
            if let Some(guard) = &case.guard {
                let fail = self.fail_pop_label(&mut pc, 0);
                self.jump_if(guard, fail, false)?;
            }
            if keep_subject {
                self.emit(Instr::Pop);
            }
            self.compile_body(&case.body)?;
            self.emit_jump(Instr::Jump, end);
            // The cleanup of a failed case belongs to its pattern's line.
            self.set_line(case.pattern.span);
            self.emit_fail_pops(&mut pc);
        }
        if has_default {
            let case = &cases[cases.len() - 1];
            self.set_line(case.pattern.span);
            if let Some(guard) = &case.guard {
                self.jump_if(guard, end, false)?;
            }
            self.compile_body(&case.body)?;
        }
        self.bind(end);
        Ok(())
    }

    // ---- failure paths ----

    fn fail_pop_label(&mut self, pc: &mut PatCtx, n: u32) -> Label {
        while pc.fail_pop.len() <= n as usize {
            let label = self.new_label();
            pc.fail_pop.push(label);
        }
        pc.fail_pop[n as usize]
    }

    /// Emits `op` (a jump) to the failure path, popping everything the
    /// pattern has put on the stack.
    fn jump_to_fail_pop(&mut self, pc: &mut PatCtx, op: fn(u32) -> Instr) {
        let pops = pc.on_top + pc.stores.len() as u32;
        let label = self.fail_pop_label(pc, pops);
        self.emit_jump(op, label);
    }

    /// The failure paths: `fail_pop[n]` pops one value and goes on to
    /// `fail_pop[n - 1]`, down to `fail_pop[0]`.
    fn emit_fail_pops(&mut self, pc: &mut PatCtx) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (n, label) in labels.into_iter().enumerate().rev() {
            self.bind(label);
            if n > 0 {
                self.emit(Instr::Pop);
            }
        }
    }

    /// `[.., v] -> fail unless v is not None` (for `MatchKeys`, `MatchClass`).
    fn fail_if_none(&mut self, pc: &mut PatCtx) {
        self.emit(Instr::Copy(1));
        self.load_const(Constant::None);
        self.emit(Instr::Compare(CmpOp::IsNot));
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
    }

    /// `[.., s] -> fail unless len(s) op n`
    fn check_len(&mut self, pc: &mut PatCtx, op: CmpOp, n: usize) {
        self.emit(Instr::GetLen);
        self.load_const(Constant::Int(n as i64));
        self.emit(Instr::Compare(op));
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
    }

    // ---- captures ----

    /// Keeps the value on top as the capture of `name` (drops it for `_`).
    fn store_pattern_name(&mut self, name: Option<&str>, pc: &mut PatCtx) -> CResult {
        let Some(name) = name else {
            self.emit(Instr::Pop);
            return Ok(());
        };
        if name == "__debug__" {
            return Err(self.error("cannot assign to __debug__", pc.loc));
        }
        if pc.stores.iter().any(|s| s == name) {
            return Err(self.error(
                format!("multiple assignments to name '{name}' in pattern"),
                pc.loc,
            ));
        }
        // Under the values still in use.
        if pc.on_top > 0 {
            self.emit(Instr::RotN(pc.on_top + 1));
        }
        pc.stores.push(name.to_string());
        Ok(())
    }

    // ---- patterns ----

    /// A pattern inside another: irrefutable ones are fine there.
    fn compile_subpattern(&mut self, p: &'a Pattern, pc: &mut PatCtx) -> CResult {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        self.compile_pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn compile_pattern(&mut self, p: &'a Pattern, pc: &mut PatCtx) -> CResult {
        self.set_line(p.span);
        pc.loc = p.span.start;
        match &p.kind {
            PatternKind::Value(e) => {
                if !is_literal_or_attribute(e) {
                    return Err(self.error(
                        "patterns may only match literals and attribute lookups",
                        pc.loc,
                    ));
                }
                self.compile_expr(e)?;
                self.emit(Instr::Compare(CmpOp::Eq));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
                Ok(())
            }
            PatternKind::Singleton(c) => {
                let c = self.constant(c);
                self.load_const(c);
                self.emit(Instr::Compare(CmpOp::Is));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
                Ok(())
            }
            PatternKind::Sequence(items) => self.compile_sequence_pattern(items, pc),
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => self.compile_mapping_pattern(keys, patterns, rest.as_deref(), pc),
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.check_kwd_attrs(kwd_attrs, kwd_patterns, pc)?;
                pc.loc = p.span.start;
                self.compile_class_pattern(cls, patterns, kwd_attrs, kwd_patterns, pc)
            }
            // Only inside a sequence pattern, where the items are unpacked.
            PatternKind::Star(name) => self.store_pattern_name(name.as_deref(), pc),
            PatternKind::As {
                pattern: None,
                name,
            } => {
                if !pc.allow_irrefutable {
                    let msg = match name {
                        Some(n) => {
                            format!("name capture '{n}' makes remaining patterns unreachable")
                        }
                        None => "wildcard makes remaining patterns unreachable".to_string(),
                    };
                    return Err(self.error(msg, pc.loc));
                }
                self.store_pattern_name(name.as_deref(), pc)
            }
            PatternKind::As {
                pattern: Some(inner),
                name,
            } => {
                // A copy to capture once the inner pattern has matched.
                pc.on_top += 1;
                self.emit(Instr::Copy(1));
                self.compile_pattern(inner, pc)?;
                pc.on_top -= 1;
                self.store_pattern_name(name.as_deref(), pc)
            }
            PatternKind::Or(alts) => self.compile_or_pattern(alts, pc),
        }
    }

    fn compile_sequence_pattern(&mut self, items: &'a [Pattern], pc: &mut PatCtx) -> CResult {
        let mut star = None;
        for (i, q) in items.iter().enumerate() {
            if matches!(q.kind, PatternKind::Star(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", pc.loc));
                }
                star = Some(i);
            }
        }
        let is_star_wildcard = |q: &Pattern| matches!(q.kind, PatternKind::Star(None));
        let only_wildcard = items.iter().all(|q| q.is_wildcard() || is_star_wildcard(q));
        let star_wildcard = star.is_some_and(|i| is_star_wildcard(&items[i]));
        let size = items.len();
        // The subject stays on top for the checks.
        pc.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        match star {
            None => self.check_len(pc, CmpOp::Eq, size),
            Some(_) if size > 1 => self.check_len(pc, CmpOp::GtE, size - 1),
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Instr::Pop);
            return Ok(());
        }
        if let (true, Some(star)) = (star_wildcard, star) {
            // `[a, *_, b]`: index the ends instead of unpacking everything.
            pc.on_top += 1;
            for (i, q) in items.iter().enumerate() {
                if q.is_wildcard() || i == star {
                    continue;
                }
                self.emit(Instr::Copy(1));
                if i < star {
                    self.load_const(Constant::Int(i as i64));
                } else {
                    // `len(s) - k`: the subject may not take negative indexes.
                    self.emit(Instr::GetLen);
                    self.load_const(Constant::Int((size - i) as i64));
                    self.emit(Instr::Binary(BinOp::Sub));
                }
                self.emit(Instr::BinarySubscr);
                self.compile_subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Instr::Pop);
            return Ok(());
        }
        match star {
            Some(i) => {
                let (before, after) = (i, size - i - 1);
                match (u16::try_from(before), u16::try_from(after)) {
                    (Ok(before), Ok(after)) if before < 256 => {
                        self.emit(Instr::UnpackEx { before, after })
                    }
                    _ => {
                        return Err(self.error(
                            "too many expressions in star-unpacking sequence pattern",
                            pc.loc,
                        ))
                    }
                }
            }
            None => self.emit(Instr::UnpackSequence(size as u32)),
        }
        // The items, first on top, each matched in turn.
        pc.on_top += size as u32;
        for q in items {
            pc.on_top -= 1;
            self.compile_subpattern(q, pc)?;
        }
        Ok(())
    }

    fn compile_mapping_pattern(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&str>,
        pc: &mut PatCtx,
    ) -> CResult {
        let size = keys.len();
        pc.on_top += 1;
        self.emit(Instr::MatchMapping);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            // `{}` matches any mapping.
            pc.on_top -= 1;
            self.emit(Instr::Pop);
            return Ok(());
        }
        if size > 0 {
            self.check_len(pc, CmpOp::GtE, size);
        }
        let mut seen: Vec<&ast::Constant> = Vec::new();
        for key in keys {
            match &key.kind {
                ExprKind::Constant(c) => {
                    if seen.iter().any(|s| constants_equal(s, c)) {
                        return Err(self.error(
                            format!(
                                "mapping pattern checks duplicate key ({})",
                                constant_repr(c)
                            ),
                            pc.loc,
                        ));
                    }
                    seen.push(c);
                }
                ExprKind::Attribute { .. } => {}
                _ if is_literal_or_attribute(key) => {}
                _ => {
                    return Err(self.error(
                        "mapping pattern keys may only match literals and attribute lookups",
                        pc.loc,
                    ))
                }
            }
            self.compile_expr(key)?;
        }
        self.emit(Instr::BuildTuple(size as u32));
        // `[s, keys, values or None]`
        self.emit(Instr::MatchKeys);
        pc.on_top += 2;
        self.fail_if_none(pc);
        self.emit(Instr::UnpackSequence(size as u32));
        pc.on_top = pc.on_top + size as u32 - 1;
        for q in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(q, pc)?;
        }
        // `[s, keys]`: both used up now.
        pc.on_top -= 2;
        match rest {
            Some(name) => {
                self.emit(Instr::MatchRest);
                self.store_pattern_name(Some(name), pc)
            }
            None => {
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
                Ok(())
            }
        }
    }

    /// The keyword names of a class pattern: no `__debug__`, no name
    /// twice. Errors point at the keyword's pattern, as CPython's do.
    fn check_kwd_attrs(
        &mut self,
        kwd_attrs: &[String],
        kwd_patterns: &[Pattern],
        pc: &mut PatCtx,
    ) -> CResult {
        for (i, attr) in kwd_attrs.iter().enumerate() {
            pc.loc = kwd_patterns[i].span.start;
            if attr == "__debug__" {
                return Err(self.error("cannot assign to __debug__", pc.loc));
            }
            if let Some(j) = (i + 1..kwd_attrs.len()).find(|&j| kwd_attrs[j] == *attr) {
                let at = kwd_patterns[j].span.start;
                return Err(self.error(
                    format!("attribute name repeated in class pattern: {attr}"),
                    at,
                ));
            }
        }
        Ok(())
    }

    fn compile_class_pattern(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatCtx,
    ) -> CResult {
        let nargs = patterns.len();
        let total = nargs + kwd_attrs.len();
        self.compile_expr(cls)?;
        let names = kwd_attrs.iter().map(|a| Constant::Str(a.clone())).collect();
        self.load_const(Constant::Tuple(names));
        // `[s, cls, names] -> [attributes or None]`
        self.emit(Instr::MatchClass(nargs as u32));
        pc.on_top += 1;
        self.fail_if_none(pc);
        self.emit(Instr::UnpackSequence(total as u32));
        pc.on_top = pc.on_top + total as u32 - 1;
        for q in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if q.is_wildcard() {
                self.emit(Instr::Pop);
                continue;
            }
            self.compile_subpattern(q, pc)?;
        }
        Ok(())
    }

    fn compile_or_pattern(&mut self, alts: &'a [Pattern], pc: &mut PatCtx) -> CResult {
        let end = self.new_label();
        // The names the first alternative binds, in its order: the others
        // must bind the same ones, and are reordered to match.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            let allow = i + 1 == alts.len() && pc.allow_irrefutable;
            let mut sub = PatCtx::new(allow, pc.loc);
            self.emit(Instr::Copy(1));
            self.compile_pattern(alt, &mut sub)?;
            pc.loc = sub.loc;
            match &control {
                None => control = Some(sub.stores.clone()),
                Some(names) => {
                    let same = names.len() == sub.stores.len()
                        && names.iter().all(|n| sub.stores.contains(n));
                    if !same {
                        return Err(self.error("alternative patterns bind different names", pc.loc));
                    }
                    self.reorder_captures(&mut sub.stores, names);
                }
            }
            self.emit_jump(Instr::Jump, end);
            self.emit_fail_pops(&mut sub);
        }
        // No alternative matched: drop the subject and fail.
        self.emit(Instr::Pop);
        self.jump_to_fail_pop(pc, Instr::Jump);
        self.bind(end);
        // `[.., working, s, captures]`: the captures go under the working
        // values, in order, then the subject goes.
        let names = control.unwrap_or_default();
        let n = names.len() as u32;
        for _ in 0..n {
            self.emit(Instr::RotN(n + 1 + pc.on_top));
        }
        self.emit(Instr::Pop);
        for name in names {
            if pc.stores.contains(&name) {
                return Err(self.error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    pc.loc,
                ));
            }
            pc.stores.push(name);
        }
        Ok(())
    }

    /// Reorders the captures on top of the stack (in the order `stores`)
    /// into the order `wanted`, with rotations.
    fn reorder_captures(&mut self, stores: &mut [String], wanted: &[String]) {
        let n = stores.len();
        for t in 0..n {
            let q = t + stores[t..]
                .iter()
                .position(|s| *s == wanted[t])
                .expect("same names");
            if q == t {
                continue;
            }
            // Each rotation moves the top value down to position `t`.
            for _ in 0..n - q {
                self.emit(Instr::RotN((n - t) as u32));
            }
            stores[t..].rotate_right(n - q);
        }
    }
}

/// What a value pattern may compare with: a literal (folded by the
/// parser; a complex literal is a sum or difference of numbers) or a
/// dotted name.
fn is_literal_or_attribute(e: &Expr) -> bool {
    let number = |e: &Expr| {
        matches!(
            e.kind,
            ExprKind::Constant(ast::Constant::Int(_) | ast::Constant::Float(_))
        )
    };
    match &e.kind {
        ExprKind::Constant(_) | ExprKind::Attribute { .. } => true,
        ExprKind::UnaryOp { operand, .. } => number(operand),
        ExprKind::BinOp { left, right, .. } => {
            (number(left) || is_literal_or_attribute(left)) && number(right)
        }
        _ => false,
    }
}

/// `a == b` for two literals, as Python compares them.
fn constants_equal(a: &ast::Constant, b: &ast::Constant) -> bool {
    use ast::Constant as C;
    let number = |c: &C| -> Option<f64> {
        match c {
            C::Bool(b) => Some(f64::from(u8::from(*b))),
            C::Int(i) => Some(i.to_f64().unwrap_or(f64::INFINITY)),
            C::Float(f) => Some(*f),
            _ => None,
        }
    };
    let int = |c: &C| -> Option<num_bigint::BigInt> {
        match c {
            C::Bool(b) => Some(u8::from(*b).into()),
            C::Int(i) => Some(i.clone()),
            _ => None,
        }
    };
    match (a, b) {
        (C::None, C::None) | (C::Ellipsis, C::Ellipsis) => true,
        (C::Str(x), C::Str(y)) => x == y,
        (C::Bytes(x), C::Bytes(y)) => x == y,
        _ => match (int(a), int(b)) {
            (Some(x), Some(y)) => x == y,
            _ => matches!((number(a), number(b)), (Some(x), Some(y)) if x == y),
        },
    }
}

/// `repr()` of a literal, for the duplicate key message.
fn constant_repr(c: &ast::Constant) -> String {
    use ast::Constant as C;
    match c {
        C::None => "None".into(),
        C::Bool(true) => "True".into(),
        C::Bool(false) => "False".into(),
        C::Int(i) => i.to_string(),
        C::Float(f) => crate::fmt::float_repr(*f),
        C::Ellipsis => "Ellipsis".into(),
        C::Imaginary(f) => {
            let r = crate::fmt::float_repr(*f);
            format!("{}j", r.strip_suffix(".0").unwrap_or(&r))
        }
        C::Str(s) => quoted(
            s.chars().map(u32::from),
            s.contains('\'') && !s.contains('"'),
            "",
        ),
        C::Bytes(b) => quoted(
            b.iter().map(|&b| u32::from(b)),
            b.contains(&b'\'') && !b.contains(&b'"'),
            "b",
        ),
    }
}

/// Python's quoting of string and bytes literals: single quotes unless
/// only double quotes avoid escaping; backslash escapes for the rest.
fn quoted(chars: impl Iterator<Item = u32>, double: bool, prefix: &str) -> String {
    let quote = if double { '"' } else { '\'' };
    let bytes = !prefix.is_empty();
    let mut out = format!("{prefix}{quote}");
    for n in chars {
        let c = char::from_u32(n).unwrap_or('\u{fffd}');
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if n < 0x20 || n == 0x7f || (bytes && n >= 0x80) || (0x80..0xa0).contains(&n) => {
                out.push_str(&format!("\\x{n:02x}"))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}
