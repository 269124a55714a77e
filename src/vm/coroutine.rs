//! Coroutines and async generators: what `await`, `async for` and
//! `async with` ask of objects, and the awaitables that an async
//! generator's `asend()`, `athrow()` and `aclose()` return.
//!
//! An async generator's frame suspends for two reasons: an `await` inside
//! it passes a value up to the event loop (the frame stopped in a
//! `YieldFrom`), or a `yield` hands a value to the `async for` (anywhere
//! else). The awaitable tells them apart by where the frame stopped.

use super::generator::{in_yield_from, GenResult};
use super::native::new_object;
use super::object::*;
use super::value::Value;
use super::Vm;

/// What an `asend()`/`athrow()`/`aclose()` awaitable does on its first step.
#[derive(Clone)]
pub enum AgenMode {
    Send(Value),
    Throw(Value),
    Close,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Init,
    Running,
    Done,
}

/// The awaitable an async generator operation returns.
pub struct AgenOp {
    pub gen: Value,
    mode: AgenMode,
    phase: crate::vm::lock::Mutex<Phase>,
}

impl AgenOp {
    pub fn new(gen: Value, mode: AgenMode) -> AgenOp {
        AgenOp {
            gen,
            mode,
            phase: crate::vm::lock::Mutex::new(Phase::Init),
        }
    }
}

/// `coro.__await__()`: an iterator over the coroutine's steps.
pub struct CoroWrapper(pub Value);

fn gen_kind(v: &Value) -> Option<GenKind> {
    match v {
        Value::Native(n) => match &**n {
            Native::Generator(g) => Some(g.lock().kind),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// `await v`: the iterator to delegate to.
    pub fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        match gen_kind(v) {
            Some(GenKind::Coroutine) => return Ok(v.clone()),
            Some(_) => {}
            None => {
                if super::native::downcast::<AgenOp>(v).is_some() {
                    return Ok(v.clone());
                }
            }
        }
        let Some(method) = self.lookup_special(v, "__await__") else {
            return Err(self.type_error(format!(
                "object {} can't be used in 'await' expression",
                self.type_name(v)
            )));
        };
        let it = self.call(&method, &[], &[])?;
        if gen_kind(&it) == Some(GenKind::Coroutine) {
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        let is_iter = gen_kind(&it).is_some() || self.lookup_special(&it, "__next__").is_some();
        if !is_iter {
            return Err(self.type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `async for`: `v.__aiter__()`.
    pub fn get_aiter(&mut self, v: &Value) -> PyResult<Value> {
        if gen_kind(v) == Some(GenKind::AsyncGenerator) {
            return Ok(v.clone());
        }
        let Some(method) = self.lookup_special(v, "__aiter__") else {
            return Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(v)
            )));
        };
        let it = self.call(&method, &[], &[])?;
        if gen_kind(&it) != Some(GenKind::AsyncGenerator)
            && self.lookup_special(&it, "__anext__").is_none()
        {
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// One `async for` step: the awaitable of `it.__anext__()`.
    pub fn get_anext(&mut self, it: &Value) -> PyResult<Value> {
        if gen_kind(it) == Some(GenKind::AsyncGenerator) {
            return Ok(new_object(
                self,
                AgenOp::new(it.clone(), AgenMode::Send(Value::None)),
            ));
        }
        let Some(method) = self.lookup_special(it, "__anext__") else {
            return Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(it)
            )));
        };
        let r = self.call(&method, &[], &[])?;
        match self.get_awaitable(&r) {
            Ok(a) => Ok(a),
            Err(e) if self.isinstance(&e, &self.types().exc.TypeError.clone()) => Err(self
                .type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    self.type_name(&r)
                ))),
            Err(e) => Err(e),
        }
    }

    /// `async with ctx`: `(ctx.__aexit__, awaitable of ctx.__aenter__())`.
    pub fn before_async_with(&mut self, ctx: &Value) -> PyResult<(Value, Value)> {
        let enter = self.lookup_special(ctx, "__aenter__");
        let exit = self.lookup_special(ctx, "__aexit__");
        let (enter, exit) = match (enter, exit) {
            (Some(a), Some(b)) => (a, b),
            (None, _) => {
                return Err(self.type_error(format!(
                    "'{}' object does not support the asynchronous context manager protocol",
                    self.type_name(ctx)
                )))
            }
            (Some(_), None) => {
                return Err(self.type_error(format!(
                    "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                    self.type_name(ctx)
                )))
            }
        };
        let r = self.call(&enter, &[], &[])?;
        match self.get_awaitable(&r) {
            Ok(a) => Ok((exit, a)),
            Err(e) if self.isinstance(&e, &self.types().exc.TypeError.clone()) => {
                Err(self.type_error(format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {}",
                    self.type_name(&r)
                )))
            }
            Err(e) => Err(e),
        }
    }

    /// One step of an async generator operation: `send(v)` when `throw` is
    /// `None`, else `throw(exc)`.
    pub fn agen_op_step(&mut self, op: &AgenOp, v: Value, throw: Option<Value>) -> PyResult<Value> {
        let first = {
            let mut phase = op.phase.lock();
            match *phase {
                Phase::Done => {
                    let msg = match op.mode {
                        AgenMode::Send(_) => "cannot reuse already awaited __anext__()/asend()",
                        _ => "cannot reuse already awaited aclose()/athrow()",
                    };
                    return Err(self.runtime_error(msg));
                }
                Phase::Init => {
                    *phase = Phase::Running;
                    true
                }
                Phase::Running => false,
            }
        };
        let r = match (first, throw) {
            (_, Some(e)) => self.gen_resume(&op.gen, Value::None, Some(e)),
            (true, None) => match &op.mode {
                AgenMode::Send(val) => {
                    let v = if v.is_none() { val.clone() } else { v };
                    self.gen_resume(&op.gen, v, None)
                }
                AgenMode::Throw(e) => self.gen_resume(&op.gen, Value::None, Some(e.clone())),
                AgenMode::Close => {
                    let e = self.new_instance(&self.types().exc.GeneratorExit.clone(), &[]);
                    self.gen_resume(&op.gen, Value::None, Some(e))
                }
            },
            (false, None) => self.gen_resume(&op.gen, v, None),
        };
        let closing = matches!(op.mode, AgenMode::Close);
        let done = |op: &AgenOp| *op.phase.lock() = Phase::Done;
        match r {
            Ok(GenResult::Yielded(y)) => {
                let awaiting = match &op.gen {
                    Value::Native(n) => match &**n {
                        Native::Generator(g) => {
                            g.lock().frame.as_deref().is_some_and(in_yield_from)
                        }
                        _ => false,
                    },
                    _ => false,
                };
                if awaiting {
                    return Ok(y);
                }
                done(op);
                if closing {
                    return Err(self.runtime_error("async generator ignored GeneratorExit"));
                }
                Err(self.stop_iteration(y))
            }
            Ok(GenResult::Returned(_)) => {
                done(op);
                if closing {
                    return Err(self.stop_iteration(Value::None));
                }
                let cls = self.types().exc.StopAsyncIteration.clone();
                Err(PyErr::new(self.new_instance(&cls, &[])))
            }
            Err(e) => {
                done(op);
                let ends = [
                    self.types().exc.StopAsyncIteration.clone(),
                    self.types().exc.GeneratorExit.clone(),
                ];
                if closing && ends.iter().any(|c| self.isinstance(&e, c)) {
                    return Err(self.stop_iteration(Value::None));
                }
                Err(e)
            }
        }
    }

    /// The awaitable's `close()`.
    pub fn agen_op_close(&mut self, op: &AgenOp) {
        *op.phase.lock() = Phase::Done;
    }
}
