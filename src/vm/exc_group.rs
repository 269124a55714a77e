//! Exception groups (PEP 654): splitting a group by a condition, and what
//! `except*` raises once its clauses have run.

use super::*;

/// What `split`/`subgroup` and `except*` test each exception against.
pub enum Matcher {
    /// A class or a tuple of classes (`except* ValueError`).
    Type(Value),
    /// A callable taking the exception (`eg.split(lambda e: ...)`).
    Predicate(Value),
    /// The very leaf exceptions listed (by identity).
    Leaves(Vec<*const u8>),
}

impl Vm {
    /// The exceptions of a group, or None if `v` is not an exception group.
    pub fn group_exceptions(&self, v: &Value) -> Option<Vec<Value>> {
        if !self.isinstance(v, &self.types().exc.BaseExceptionGroup) {
            return None;
        }
        let args = self.exc_data(v)?.lock().args.clone();
        let Value::Tuple(t) = args else {
            return Some(Vec::new());
        };
        match t.items.get(1) {
            Some(Value::Tuple(x)) => Some(x.items.to_vec()),
            Some(Value::List(l)) => Some(l.lock().to_vec()),
            _ => Some(Vec::new()),
        }
    }

    fn matches(&mut self, exc: &Value, m: &Matcher) -> PyResult<bool> {
        match m {
            Matcher::Type(t) => self.exception_match(exc, t),
            Matcher::Predicate(f) => {
                let r = self.call(f, std::slice::from_ref(exc), &[])?;
                self.truthy(&r)
            }
            Matcher::Leaves(ptrs) => Ok(exc.heap_ptr().is_some_and(|p| ptrs.contains(&p))),
        }
    }

    /// `eg.split(condition)`: the part that matches and the rest (None for
    /// an empty part), both keeping the nesting and the traceback, cause,
    /// context and notes of each group they come from.
    pub fn group_split(&mut self, exc: &Value, m: &Matcher) -> PyResult<(Value, Value)> {
        if self.matches(exc, m)? {
            return Ok((exc.clone(), Value::None));
        }
        let Some(items) = self.group_exceptions(exc) else {
            return Ok((Value::None, exc.clone()));
        };
        let (mut hit, mut miss) = (Vec::new(), Vec::new());
        for e in &items {
            let (h, r) = self.group_split(e, m)?;
            if !h.is_none() {
                hit.push(h);
            }
            if !r.is_none() {
                miss.push(r);
            }
        }
        let hit = self.group_derive(exc, hit)?;
        let miss = self.group_derive(exc, miss)?;
        Ok((hit, miss))
    }

    /// `exc.derive(items)` with `exc`'s traceback, cause, context and notes;
    /// None for no items.
    fn group_derive(&mut self, exc: &Value, items: Vec<Value>) -> PyResult<Value> {
        if items.is_empty() {
            return Ok(Value::None);
        }
        let derive = self.getattr_str(exc, "derive")?;
        let new = self.call(&derive, &[Value::list(items)], &[])?;
        self.copy_exc_metadata(exc, &new)?;
        Ok(new)
    }

    fn copy_exc_metadata(&mut self, from: &Value, to: &Value) -> PyResult<()> {
        if let (Some(a), Some(b)) = (self.exc_data(from), self.exc_data(to)) {
            let a = a.lock().clone();
            let mut b = b.lock();
            b.traceback = a.traceback;
            b.tb_objects = a.tb_objects;
            b.cause = a.cause;
            b.context = a.context;
            b.suppress_context = a.suppress_context;
        }
        let notes = self.intern("__notes__");
        if let Some(Value::List(l)) = self.getattr_opt(from, &notes)? {
            let copy = Value::list(l.lock().to_vec());
            self.setattr(to, &notes, copy)?;
        }
        Ok(())
    }

    /// Same traceback, cause and context: a part of `orig` re-raised
    /// unchanged (bare `raise`, or left unhandled), not a new exception.
    fn same_metadata(&self, a: &Value, orig: &Value) -> bool {
        let (Some(x), Some(y)) = (self.exc_data(a), self.exc_data(orig)) else {
            return false;
        };
        let (x, y) = (x.lock().clone(), y.lock().clone());
        x.traceback.len() == y.traceback.len()
            && x.traceback
                .iter()
                .zip(&y.traceback)
                .all(|(p, q)| Arc::ptr_eq(&p.code, &q.code) && p.line == q.line)
            && x.cause.is(&y.cause)
            && x.context.is(&y.context)
    }

    fn leaves(&self, v: &Value, out: &mut Vec<*const u8>) {
        match self.group_exceptions(v) {
            Some(items) => items.iter().for_each(|e| self.leaves(e, out)),
            None => out.extend(v.heap_ptr()),
        }
    }

    /// `[orig, rest, raised] -> what to raise` at the end of `except*`
    /// clauses: the unhandled rest and the re-raised parts keep `orig`'s
    /// structure; exceptions the handlers raised join them in a new group.
    pub fn star_result(&mut self, orig: &Value, rest: &Value, raised: &[Value]) -> PyResult<Value> {
        if self.group_exceptions(orig).is_none() {
            // A naked exception: at most one clause ran.
            return Ok(raised.first().cloned().unwrap_or_else(|| rest.clone()));
        }
        let mut all: Vec<Value> = raised.to_vec();
        if !rest.is_none() {
            all.push(rest.clone());
        }
        let (mut kept, mut new) = (Vec::new(), Vec::new());
        for e in all {
            if self.same_metadata(&e, orig) {
                self.leaves(&e, &mut kept);
            } else {
                new.push(e);
            }
        }
        let reraised = if kept.is_empty() {
            Value::None
        } else {
            self.group_split(orig, &Matcher::Leaves(kept))?.0
        };
        if new.is_empty() {
            return Ok(reraised);
        }
        if !reraised.is_none() {
            new.push(reraised);
        }
        if new.len() == 1 {
            return Ok(new.pop().unwrap_or(Value::None));
        }
        let cls = Value::Class(self.types().exc.ExceptionGroup.clone());
        self.call(&cls, &[new_str(""), Value::list(new)], &[])
    }

    /// `except* T` splits the rest: its argument may not be a group type.
    pub fn star_matcher(&mut self, typ: &Value) -> PyResult<Matcher> {
        let group = self.types().exc.BaseExceptionGroup.clone();
        let classes: Vec<Value> = match typ {
            Value::Tuple(t) => t.items.to_vec(),
            v => vec![v.clone()],
        };
        for c in &classes {
            if let Value::Class(c) = c {
                if c.is_subclass(&group) {
                    return Err(self.type_error(
                        "catching ExceptionGroup with except* is not allowed. Use except instead.",
                    ));
                }
            }
        }
        Ok(Matcher::Type(typ.clone()))
    }

    /// A naked exception caught by `except*` is wrapped in a group.
    pub fn star_wrap(&mut self, exc: &Value) -> PyResult<Value> {
        if self.group_exceptions(exc).is_some() {
            return Ok(exc.clone());
        }
        let cls = Value::Class(self.types().exc.ExceptionGroup.clone());
        let base = self.types().exc.Exception.clone();
        let cls = if self.isinstance(exc, &base) {
            cls
        } else {
            Value::Class(self.types().exc.BaseExceptionGroup.clone())
        };
        self.call(&cls, &[new_str(""), Value::tuple(vec![exc.clone()])], &[])
    }
}
