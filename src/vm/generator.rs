//! Generators: frames that the eval loop can leave at a `yield` and enter
//! again, their `send`/`throw` protocol, `yield from` delegation, and the
//! closing of generators dropped while suspended.

use super::eval::Exit;
use super::frame::Frame;
use super::object::*;
use super::sync::{PyCell, Shared};
use super::value::{Str, Value};
use super::Vm;

/// The result of resuming a generator.
pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

pub fn new_generator(frame: Frame, func: &Shared<Function>) -> Value {
    let co = &func.code.co;
    let kind = match (co.is_generator, co.is_coroutine) {
        (_, false) => GenKind::Generator,
        (false, true) => GenKind::Coroutine,
        (true, true) => GenKind::AsyncGenerator,
    };
    Value::native(Native::Generator(PyCell::new(GenState {
        kind,
        code: func.code.clone(),
        frame: Some(Box::new(frame)),
        running: false,
        finished: false,
        name: func.name.lock().clone(),
        qualname: func.qualname.lock().clone(),
        saved_exc: Vec::new(),
    })))
}

/// Frames of generators dropped while suspended, waiting to be closed by
/// whichever thread next sees the eval breaker's finalizer bit.
static ORPHANS: crate::vm::lock::Mutex<Vec<Frame>> = crate::vm::lock::Mutex::new(Vec::new());

/// Names of coroutines dropped before they ever ran, for the
/// "was never awaited" warning.
static UNAWAITED: crate::vm::lock::Mutex<Vec<Str>> = crate::vm::lock::Mutex::new(Vec::new());

/// Held across `fork()`, so that the child never finds them held.
pub(super) fn before_fork() -> impl Sized {
    (ORPHANS.lock(), UNAWAITED.lock())
}

impl Drop for GenState {
    fn drop(&mut self) {
        if self.finished || self.running {
            return;
        }
        if self.kind == GenKind::Coroutine && self.frame.as_ref().is_some_and(|f| f.pc == 0) {
            UNAWAITED.lock().push(self.qualname.clone());
            super::breaker::set(super::breaker::FINALIZERS_PENDING);
            return;
        }
        if let Some(frame) = self.frame.take() {
            // Only a generator suspended at a `yield` inside a block has
            // something to clean up.
            if frame.pc > 0 && !frame.blocks.is_empty() {
                ORPHANS.lock().push(*frame);
                super::breaker::set(super::breaker::FINALIZERS_PENDING);
            }
        }
    }
}

/// A frame taken from a generator that the cycle collector found garbage:
/// closed (its `finally` blocks run) as when a suspended generator is
/// dropped.
pub fn close_orphan(frame: Frame) {
    if frame.pc > 0 && !frame.blocks.is_empty() {
        ORPHANS.lock().push(frame);
        super::breaker::set(super::breaker::FINALIZERS_PENDING);
    }
}

impl Vm {
    /// Resumes a generator with `value` (or throws `throw` into it).
    pub fn gen_resume(
        &mut self,
        gen: &Value,
        value: Value,
        throw: Option<Value>,
    ) -> PyResult<GenResult> {
        let Value::Native(n) = gen else {
            return Err(self.type_error("not a generator"));
        };
        let Native::Generator(state) = &**n else {
            return Err(self.type_error("not a generator"));
        };
        let (mut frame, saved, kind) = {
            let mut st = state.lock();
            let kind = st.kind;
            if st.running {
                return Err(self.value_error(format!("{} already executing", kind.noun())));
            }
            if st.finished {
                drop(st);
                if kind == GenKind::Coroutine {
                    return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                }
                return match throw {
                    Some(e) => Err(PyErr::from(e)),
                    None => Ok(GenResult::Returned(Value::None)),
                };
            }
            let Some(frame) = st.frame.take() else {
                return Ok(GenResult::Returned(Value::None));
            };
            st.running = true;
            (frame, std::mem::take(&mut st.saved_exc), kind)
        };
        if frame.pc == 0 {
            if throw.is_none() && !value.is_none() {
                let mut st = state.lock();
                st.running = false;
                st.frame = Some(frame);
                st.saved_exc = saved;
                return Err(self.type_error(format!(
                    "can't send non-None value to a just-started {}",
                    kind.noun()
                )));
            }
        } else if throw.is_none() {
            super::words::push_value(&mut frame.stack, value);
        }
        let exc_base = self.exc_stack.len();
        self.exc_stack.extend(saved);
        self.depth += 1;
        let r = match self.check_recursion() {
            Ok(()) => match throw {
                // Suspended in `yield from`: the subiterator sees it first.
                Some(e) if self.in_yield_from(&frame) => self.throw_delegated(&mut frame, e),
                throw => self.execute(&mut frame, throw),
            },
            Err(e) => Err(e),
        };
        self.depth -= 1;
        let saved: Vec<Value> = self.exc_stack.drain(exc_base..).collect();
        let mut st = state.lock();
        st.running = false;
        match r {
            Ok(Exit::Yield(v)) => {
                st.frame = Some(frame);
                st.saved_exc = saved;
                Ok(GenResult::Yielded(v))
            }
            Ok(Exit::Return(v)) => {
                st.finished = true;
                Ok(GenResult::Returned(v))
            }
            Err(e) => {
                st.finished = true;
                drop(st);
                let stop_async = kind == GenKind::AsyncGenerator
                    && self.isinstance(&e, &self.types().exc.StopAsyncIteration.clone());
                if stop_async || self.isinstance(&e, &self.types().exc.StopIteration.clone()) {
                    let what = if stop_async {
                        "StopAsyncIteration"
                    } else {
                        "StopIteration"
                    };
                    let r = self.runtime_error(format!("{} raised {}", kind.noun(), what));
                    if let Some(d) = self.exc_data(&r) {
                        let mut d = d.lock();
                        d.cause = (e.clone()).into_value();
                        d.context = (e).into_value();
                        d.suppress_context = true;
                    }
                    return Err(r);
                }
                Err(e)
            }
        }
    }

    /// Whether a suspended frame stopped in a `yield from`.
    fn in_yield_from(&self, frame: &Frame) -> bool {
        in_yield_from(frame)
    }

    /// `throw()` into a generator suspended in `yield from`, as PEP 380
    /// says: `GeneratorExit` closes the subiterator and is then raised here;
    /// anything else is thrown into the subiterator (when it can take it),
    /// whose next value is yielded, whose return value becomes the value of
    /// the `yield from`, and whose exception is raised here.
    fn throw_delegated(&mut self, frame: &mut Frame, exc: Value) -> PyResult<Exit> {
        let it = frame
            .stack
            .last()
            .cloned()
            .expect("the subiterator is on the stack");
        if self.isinstance(&exc, &self.types().exc.GeneratorExit.clone()) {
            let close = match &it {
                Value::Native(n) if matches!(&**n, Native::Generator(_)) => {
                    self.gen_close(&it).map(|_| ())
                }
                _ => match self.getattr_opt(&it, &self.intern("close")) {
                    Ok(Some(c)) => self.call(&c, &[], &[]).map(|_| ()),
                    Ok(None) => Ok(()),
                    Err(e) => Err(e),
                },
            };
            return match close {
                Ok(()) => self.execute(frame, Some(exc)),
                Err(e) => self.execute(frame, Some(e.into_value())),
            };
        }
        let thrown = match &it {
            Value::Native(n) if matches!(&**n, Native::Generator(_)) => {
                Some(self.gen_resume(&it, Value::None, Some(exc.clone())))
            }
            _ => match self.getattr_opt(&it, &self.intern("throw")) {
                Ok(Some(t)) => Some(
                    self.call(&t, std::slice::from_ref(&exc), &[])
                        .map(GenResult::Yielded),
                ),
                Ok(None) => None,
                Err(e) => Some(Err(e)),
            },
        };
        match thrown {
            None => self.execute(frame, Some(exc)),
            Some(Ok(GenResult::Yielded(v))) => {
                frame.yielded = true;
                Ok(Exit::Yield(v))
            }
            Some(Ok(GenResult::Returned(r))) => self.resume_after_yield_from(frame, r),
            Some(Err(e)) if self.isinstance(&e, &self.types().exc.StopIteration.clone()) => {
                let r = self.exc_first_arg(&e);
                self.resume_after_yield_from(frame, r)
            }
            Some(Err(e)) => self.execute(frame, Some(e.into_value())),
        }
    }

    /// The subiterator of a `yield from` finished with `r`: that is the
    /// expression's value, and the frame goes on after it.
    fn resume_after_yield_from(&mut self, frame: &mut Frame, r: Value) -> PyResult<Exit> {
        if let Some(it) = super::words::pop_value(&mut frame.stack) {
            it.discard();
        }
        super::words::push_value(&mut frame.stack, r);
        frame.pc += 1;
        self.execute(frame, None)
    }

    /// `gen.close()`: throws `GeneratorExit` in; a generator that yields
    /// again is an error.
    pub fn gen_close(&mut self, gen: &Value) -> PyResult<Value> {
        // A generator that never started just ends.
        if let Value::Native(n) = gen {
            if let Native::Generator(g) = &**n {
                let mut g = g.lock();
                let started = !g.finished && g.frame.as_ref().is_some_and(|f| f.pc > 0);
                if !started && !g.running {
                    g.finished = true;
                    g.frame = None;
                    return Ok(Value::None);
                }
            }
        }
        let exit = self.new_instance(&self.types().exc.GeneratorExit.clone(), &[]);
        match self.gen_resume(gen, Value::None, Some(exit)) {
            Ok(GenResult::Yielded(_)) => {
                let kind = match gen {
                    Value::Native(n) => match &**n {
                        Native::Generator(g) => g.lock().kind,
                        _ => GenKind::Generator,
                    },
                    _ => GenKind::Generator,
                };
                Err(self.runtime_error(format!("{} ignored GeneratorExit", kind.noun())))
            }
            Ok(GenResult::Returned(_)) => Ok(Value::None),
            Err(e) if self.isinstance(&e, &self.types().exc.GeneratorExit.clone()) => {
                Ok(Value::None)
            }
            Err(e) => Err(e),
        }
    }

    /// `yield from` delegation: send into a generator, or `next`/`send` on an iterator.
    pub(super) fn send_to(&mut self, it: &Value, v: Value) -> PyResult<GenResult> {
        if let Value::Native(n) = it {
            if let Native::Generator(_) = &**n {
                return self.gen_resume(it, v, None);
            }
        }
        if let Some(op) = super::native::downcast::<super::coroutine::AgenOp>(it) {
            return match self.agen_op_step(op, v, None) {
                Ok(y) => Ok(GenResult::Yielded(y)),
                Err(e) if self.isinstance(&e, &self.types().exc.StopIteration.clone()) => {
                    Ok(GenResult::Returned(self.exc_first_arg(&e)))
                }
                Err(e) => Err(e),
            };
        }
        if v.is_none() {
            // A Python iterator's `StopIteration(value)` gives the value.
            if let Value::Instance(_) = it {
                if let Some(next) = self.lookup_special(it, "__next__") {
                    return match self.call(&next, &[], &[]) {
                        Ok(y) => Ok(GenResult::Yielded(y)),
                        Err(e) if self.isinstance(&e, &self.types().exc.StopIteration.clone()) => {
                            Ok(GenResult::Returned(self.exc_first_arg(&e)))
                        }
                        Err(e) => Err(e),
                    };
                }
            }
            match self.next(it)? {
                Some(y) => Ok(GenResult::Yielded(y)),
                None => Ok(GenResult::Returned(Value::None)),
            }
        } else {
            match self.call_method(it, "send", &[v]) {
                Ok(y) => Ok(GenResult::Yielded(y)),
                Err(e) if self.isinstance(&e, &self.types().exc.StopIteration.clone()) => {
                    Ok(GenResult::Returned(self.exc_first_arg(&e)))
                }
                Err(e) => Err(e),
            }
        }
    }

    /// Closes generators that were dropped while suspended, as CPython's
    /// generator finaliser does: `GeneratorExit` is raised at the `yield`,
    /// so `finally` blocks and `with` exits run.
    #[inline(never)]
    pub fn run_finalizers(&mut self) {
        super::breaker::clear(super::breaker::FINALIZERS_PENDING);
        self.run_del_queue();
        self.run_weak_callbacks();
        loop {
            let Some(mut frame) = ORPHANS.lock().pop() else {
                break;
            };
            let exit = self.new_instance(&self.types().exc.GeneratorExit.clone(), &[]);
            let saved = std::mem::take(&mut self.exc_stack);
            let r = self.execute(&mut frame, Some(exit));
            self.exc_stack = saved;
            let ignored = match r {
                Ok(Exit::Yield(_)) => Some(
                    self.runtime_error("generator ignored GeneratorExit")
                        .into_value(),
                ),
                Ok(Exit::Return(_)) => None,
                Err(e) => {
                    let benign = [
                        self.types().exc.GeneratorExit.clone(),
                        self.types().exc.StopIteration.clone(),
                    ];
                    if benign.iter().any(|c| self.isinstance(&e, c)) {
                        None
                    } else {
                        Some(e.into_value())
                    }
                }
            };
            if let Some(e) = ignored {
                let report = self.format_exception(&e);
                super::stdio::write_stderr_raw(&format!(
                    "Exception ignored in: <generator object {}>\n{}",
                    frame.code.co.qualname, report
                ));
            }
            drop(frame);
        }
        let names: Vec<Str> = std::mem::take(&mut *UNAWAITED.lock());
        for name in names {
            self.warn_unawaited(&name);
        }
    }

    /// `<file>:<line>: RuntimeWarning: coroutine 'f' was never awaited`,
    /// blamed on the running frame, through the `warnings` filters.
    fn warn_unawaited(&mut self, name: &Str) {
        let Ok(warnings) = self.import("warnings", true) else {
            return;
        };
        let Ok(warn) = self.getattr_str(&warnings, "warn") else {
            return;
        };
        let msg = super::value::new_str(format!("coroutine '{}' was never awaited", name.as_str()));
        let cat = Value::Class(self.types().exc.RuntimeWarning.clone());
        let source = Value::Str(name.clone());
        let kw = [(self.intern("source"), source)];
        if let Err(e) = self.call(&warn, &[msg, cat, Value::Int(1)], &kw) {
            let report = self.format_exception(&e.into_value());
            super::stdio::write_stderr_raw(&report);
        }
    }
}

/// Whether a suspended frame stopped in a `yield from` (or an `await`).
pub fn in_yield_from(frame: &Frame) -> bool {
    matches!(
        frame.code.instrs.get(frame.pc),
        Some(crate::compiler::bytecode::Instr::YieldFrom)
    ) && !frame.stack.is_empty()
}
