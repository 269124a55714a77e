//! The eval loop: one `match` over the instruction enum, and the exception
//! unwinding that jumps to handlers. Generators (frames the loop can leave
//! at a `yield`) are in `generator.rs`, the out-of-line work of some
//! instructions in `eval_support.rs`.

use super::call::truncate_values;
use super::dict::DictMap;
use super::frame::{Block, BlockKind, Frame};
use super::generator::GenResult;
use super::object::*;
use super::sync::{PyCell, Shared};
use super::value::{new_str, PyDict, Str, Value};
use super::Vm;
use crate::compiler::bytecode::Instr;

use super::fastpath::*;
use std::sync::atomic::Ordering;

/// How a frame left the eval loop.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

macro_rules! pop {
    ($frame:expr) => {
        super::words::pop_value(&mut $frame.stack).expect("value stack underflow: compiler bug")
    };
}

macro_rules! push {
    ($frame:expr, $v:expr) => {{
        let v = $v;
        super::words::push_value(&mut $frame.stack, v)
    }};
}

macro_rules! top {
    ($frame:expr) => {
        $frame
            .stack
            .last()
            .expect("value stack underflow: compiler bug")
    };
}

impl Vm {
    /// Runs a frame that must not yield (functions, class and module bodies).
    pub fn run_frame(&mut self, frame: &mut Frame) -> PyResult<Value> {
        let v = self.run(frame, None)?;
        if frame.yielded {
            return Err(self.runtime_error("yield outside a generator frame"));
        }
        Ok(v)
    }

    /// Runs a frame until it returns or (a generator's) yields.
    pub fn execute(&mut self, frame: &mut Frame, throw: Option<Value>) -> PyResult<Exit> {
        let v = self.run(frame, throw)?;
        Ok(if frame.yielded {
            Exit::Yield(v)
        } else {
            Exit::Return(v)
        })
    }

    /// The eval breaker (`breaker.rs`): the GIL's drop request, signals and
    /// pending finalizers, one relaxed load. Checked at backward jumps and
    /// after each call returns (as CPython does after a C call). After, not
    /// before: `with lock:` ends by calling `__exit__`, and a thread that
    /// gave the GIL up just before that call would sleep holding the lock,
    /// so every waiter would block on it and each increment would cost a
    /// hand-over (a lock convoy).
    #[inline(always)]
    fn eval_breaker(&mut self) -> PyResult<()> {
        if super::breaker::pending() != 0 {
            return self.handle_eval_breaker();
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn handle_eval_breaker(&mut self) -> PyResult<()> {
        let pending = super::breaker::pending();
        if pending & super::breaker::GIL_DROP_REQUEST != 0 {
            self.interp.gil.yield_to_waiter();
        }
        if pending & super::breaker::SIGNALS_PENDING != 0 {
            self.handle_signals()?;
        }
        if pending & super::breaker::FINALIZERS_PENDING != 0 {
            self.run_finalizers();
        }
        if pending & super::breaker::GC_PENDING != 0 {
            self.collect_garbage_auto();
        }
        if pending & super::breaker::STOP_THE_WORLD != 0 {
            self.interp.gil.park_if_stopping();
        }
        if pending & super::breaker::BUDGET != 0 && super::breaker::spend_tick() {
            return Err(self.new_error(&self.types().exc.SystemExit, "tick budget spent"));
        }
        Ok(())
    }

    /// Runs `frame` from its current instruction until it returns, yields or
    /// lets an exception escape. `throw` raises an exception at the current
    /// point first (generator `throw()`). While it runs, the frame is on
    /// this thread's frame stack (for `sys._getframe`, `locals()`, ...).
    #[inline]
    fn run(&mut self, frame: &mut Frame, throw: Option<Value>) -> PyResult<Value> {
        self.frames.push(std::ptr::NonNull::from(&mut *frame));
        let r = self.run_loop(frame, throw);
        self.frames.pop();
        r
    }

    /// The eval loop. Returns the value returned or yielded, and says which
    /// in `frame.yielded`: a plain `PyResult<Value>` is 16 bytes and comes
    /// back in registers.
    fn run_loop(&mut self, frame: &mut Frame, throw: Option<Value>) -> PyResult<Value> {
        frame.yielded = false;
        let code = frame.code.clone();
        let instrs: &[Instr] = &code.instrs;
        let mut pending = throw;
        // The program counter lives in a register while the loop runs; it
        // is written back to the frame before anything that reads it there
        // (returning, yielding, recording a traceback line).
        let mut pc = frame.pc;
        loop {
            // `reraise`: the error continues an earlier one, so no new
            // traceback entry and no new context.
            let (err, reraise) = 'err: {
                if let Some(e) = pending.take() {
                    break 'err (e, false);
                }
                macro_rules! t {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'err ((e).into_value(), false),
                        }
                    };
                }
                // A `__del__` due now runs before the next instruction (in
                // CPython it runs when the count drops to zero).
                macro_rules! settle {
                    () => {
                        if super::breaker::pending() & super::breaker::FINALIZERS_PENDING != 0 {
                            frame.pc = pc;
                            self.run_finalizers();
                        }
                    };
                }
                // Stores into a local slot; dropping its old value may
                // queue a `__del__`.
                macro_rules! store_local {
                    ($slot:expr, $v:expr) => {
                        let old = super::words::replace_value(&mut frame.stack[$slot], $v);
                        if old.is_heap() {
                            drop(old);
                            settle!();
                        }
                    };
                }
                // Local slot `i`, or `UnboundLocalError` if it is unset.
                macro_rules! local {
                    ($i:expr) => {{
                        let i = $i as usize;
                        let v = &frame.stack[frame.base + i];
                        if v.is_null() {
                            break 'err (self.unbound_local(&code.varnames[i]), false);
                        }
                        v
                    }};
                }
                // `t!` for a returned `Value`, taken out word by word.
                macro_rules! tv {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => super::words::take_value(v),
                            Err(e) => break 'err ((e).into_value(), false),
                        }
                    };
                }
                loop {
                    let instr = instrs[pc];
                    pc += 1;
                    match instr {
                        Instr::Nop => {}
                        Instr::Pop => {
                            let v = pop!(frame);
                            if v.is_heap() {
                                // Also where a coroutine dropped unawaited
                                // is reported.
                                drop(v);
                                settle!();
                            }
                        }
                        Instr::Dup => {
                            let v = top!(frame).clone();
                            push!(frame, v);
                        }
                        Instr::DupTwo => {
                            let n = frame.stack.len();
                            let a = frame.stack[n - 2].clone();
                            push!(frame, a);
                            let b = frame.stack[n - 1].clone();
                            push!(frame, b);
                        }
                        Instr::Rot2 => super::words::rotate_top(&mut frame.stack, 2),
                        Instr::Rot3 => super::words::rotate_top(&mut frame.stack, 3),
                        Instr::Rot4 => super::words::rotate_top(&mut frame.stack, 4),
                        Instr::LoadConst(i) => push!(frame, code.consts[i as usize].clone()),
                        Instr::LoadFastLoadFast(a, b) => {
                            for i in [a, b] {
                                let v = local!(i).clone();
                                push!(frame, v);
                            }
                            pc += 1;
                        }
                        Instr::LoadFastLoadConst(a, c) => {
                            let v = local!(a).clone();
                            push!(frame, v);
                            push!(frame, code.consts[c as usize].clone());
                            pc += 1;
                        }
                        Instr::LoadFastLoadAttr(a, n) => {
                            let v = local!(a);
                            pc += 1;
                            let n = n as usize;
                            // The object is read in place: no count traffic
                            // on it (nothing else can reach this frame's slots).
                            let v = tv!(self.getattr_site(v, &code.names[n], &code.load_sites[n]));
                            push!(frame, v);
                        }
                        Instr::SubscrFastConst(a, c) => {
                            let obj = local!(a);
                            pc += 2;
                            let key = &code.consts[c as usize];
                            let v = match seq_item(obj, key) {
                                Some(v) => v,
                                None => tv!(self.getitem(obj, key)),
                            };
                            push!(frame, v);
                        }
                        Instr::SubscrFastFast(a, b) => {
                            let obj = local!(a);
                            let key = local!(b);
                            pc += 2;
                            let v = match seq_item(obj, key) {
                                Some(v) => v,
                                None => tv!(self.getitem(obj, key)),
                            };
                            push!(frame, v);
                        }
                        Instr::StoreFastLoadFast(a, b) => {
                            let v = pop!(frame);
                            let old = super::words::replace_value(
                                &mut frame.stack[frame.base + a as usize],
                                v,
                            );
                            if old.is_heap() {
                                drop(old);
                                settle!();
                            }
                            let v = local!(b).clone();
                            push!(frame, v);
                            pc += 1;
                        }
                        Instr::CompareJumpIfFalse(op, target) => {
                            let n = frame.stack.len();
                            let fast = compare_fast(op, &frame.stack[n - 2], &frame.stack[n - 1]);
                            let truth = match fast {
                                Some(r) => {
                                    pop!(frame).discard();
                                    pop!(frame).discard();
                                    r
                                }
                                None => {
                                    let b = pop!(frame);
                                    let a = pop!(frame);
                                    let r = tv!(self.compare(op, &a, &b));
                                    match r {
                                        Value::Bool(r) => r,
                                        r => t!(self.truthy(&r)),
                                    }
                                }
                            };
                            pc = if truth { pc + 1 } else { target as usize };
                        }
                        Instr::LoadFast(i) => {
                            let v = local!(i).clone();
                            push!(frame, v);
                        }
                        Instr::StoreFast(i) => {
                            let v = pop!(frame);
                            store_local!(frame.base + i as usize, v);
                        }
                        Instr::InplaceFastConst(a, c, op) => {
                            pc += 3;
                            let slot = frame.base + a as usize;
                            let k = &code.consts[c as usize];
                            match binary_fast(op, &frame.stack[slot], k) {
                                Some(v) => {
                                    super::words::replace_value(&mut frame.stack[slot], v).discard()
                                }
                                None => {
                                    let x = local!(a).clone();
                                    let r = t!(self.inplace_op(op, &x, k));
                                    drop(x);
                                    store_local!(slot, r);
                                }
                            }
                        }
                        Instr::BinaryStoreFast(op, a) | Instr::InplaceStoreFast(op, a) => {
                            pc += 1;
                            let n = frame.stack.len();
                            let r = match binary_fast(op, &frame.stack[n - 2], &frame.stack[n - 1])
                            {
                                Some(v) => {
                                    pop!(frame).discard();
                                    pop!(frame).discard();
                                    v
                                }
                                None => {
                                    let y = pop!(frame);
                                    let x = pop!(frame);
                                    if matches!(instr, Instr::InplaceStoreFast(..)) {
                                        t!(self.inplace_op(op, &x, &y))
                                    } else {
                                        t!(self.binary_op(op, &x, &y))
                                    }
                                }
                            };
                            store_local!(frame.base + a as usize, r);
                        }
                        Instr::DeleteFast(i) => {
                            if frame.stack[frame.base + i as usize].is_null() {
                                break 'err (self.unbound_local(&code.varnames[i as usize]), false);
                            }
                            frame.stack[frame.base + i as usize] = Value::Null;
                            settle!();
                        }
                        Instr::LoadDeref(i) => {
                            let v = frame.cells[i as usize].lock().clone();
                            if v.is_null() {
                                break 'err (self.unbound_deref(frame, i as usize), false);
                            }
                            push!(frame, v);
                        }
                        Instr::StoreDeref(i) => {
                            let v = pop!(frame);
                            *frame.cells[i as usize].lock() = v;
                        }
                        Instr::DeleteDeref(i) => {
                            let old = std::mem::replace(
                                &mut *frame.cells[i as usize].lock(),
                                Value::Null,
                            );
                            if old.is_null() {
                                break 'err (self.unbound_deref(frame, i as usize), false);
                            }
                        }
                        Instr::LoadClosure(i) => {
                            frame
                                .stack
                                .push(Value::native(Native::Cell(frame.cells[i as usize].clone())));
                        }
                        Instr::LoadClassDeref(i) => {
                            let name = self.deref_name(frame, i as usize);
                            let found = frame
                                .locals
                                .as_ref()
                                .and_then(|l| l.lock().get_by_str(&name).cloned());
                            match found {
                                Some(v) => push!(frame, v),
                                None => {
                                    let v = frame.cells[i as usize].lock().clone();
                                    if v.is_null() {
                                        break 'err (self.unbound_deref(frame, i as usize), false);
                                    }
                                    push!(frame, v);
                                }
                            }
                        }
                        Instr::LoadGlobal(i) => {
                            let v = match self.load_global_hit(&code, i as usize, &frame.globals) {
                                Some(v) => v,
                                None => {
                                    tv!(self.fill_global_cache(&code, i as usize, &frame.globals))
                                }
                            };
                            push!(frame, v);
                        }
                        Instr::StoreGlobal(i) => {
                            let v = pop!(frame);
                            self.store_global_cached(&code, i as usize, &frame.globals, v);
                            settle!();
                        }
                        Instr::DeleteGlobal(i) => {
                            let name = &code.names[i as usize];
                            if frame.globals.lock().remove_str(name.as_str()).is_none() {
                                break 'err (self.name_error(name.as_str()).into_value(), false);
                            }
                            settle!();
                        }
                        Instr::LoadName(i) => {
                            let name = &code.names[i as usize];
                            if let Some(m) = frame.locals_mapping.clone() {
                                let v = t!(self.mapping_load_name(&m, &frame.globals, name));
                                push!(frame, v);
                                continue;
                            }
                            let v = match &frame.locals {
                                // Module level: the globals, through the cache.
                                None => {
                                    t!(self.load_global_cached(&code, i as usize, &frame.globals))
                                }
                                Some(l) => match l.lock().get_str(name).cloned() {
                                    Some(v) => v,
                                    None => t!(self.load_global(&frame.globals, name)),
                                },
                            };
                            push!(frame, v);
                        }
                        Instr::StoreName(i) => {
                            let v = pop!(frame);
                            if let Some(m) = frame.locals_mapping.clone() {
                                let key = Value::Str(code.names[i as usize].clone());
                                t!(self.setitem(&m, key, v));
                                continue;
                            }
                            match &frame.locals {
                                None => {
                                    // Only a module's own definitions, where
                                    // the namespace lives for good (not one
                                    // `exec` was given: an immortal function
                                    // keeps its globals; nor a class body's,
                                    // which may run in a function).
                                    if Shared::is_immortal(&frame.globals) {
                                        v.immortalize_definition();
                                    }
                                    self.store_global_cached(&code, i as usize, &frame.globals, v)
                                }
                                Some(l) => {
                                    l.lock().set_str(&code.names[i as usize], v);
                                }
                            }
                            settle!();
                        }
                        Instr::DeleteName(i) => {
                            let name = &code.names[i as usize];
                            let ns = frame.locals.as_ref().unwrap_or(&frame.globals);
                            if ns.lock().remove_str(name.as_str()).is_none() {
                                break 'err (self.name_error(name.as_str()).into_value(), false);
                            }
                            settle!();
                        }
                        Instr::LoadAttr(i) => {
                            let obj = pop!(frame);
                            let i = i as usize;
                            let v =
                                tv!(self.getattr_site(&obj, &code.names[i], &code.load_sites[i]));
                            push!(frame, v);
                        }
                        Instr::StoreAttr(i) => {
                            let obj = pop!(frame);
                            let v = pop!(frame);
                            let i = i as usize;
                            t!(self.setattr_site(&obj, &code.names[i], v, &code.store_sites[i]));
                            settle!();
                        }
                        Instr::DeleteAttr(i) => {
                            let obj = pop!(frame);
                            t!(self.delattr(&obj, &code.names[i as usize]));
                            settle!();
                        }
                        Instr::LoadMethod(i) => {
                            let obj = pop!(frame);
                            let name = &code.names[i as usize];
                            match self.find_method(&obj, name) {
                                Some(m) => {
                                    push!(frame, m);
                                    push!(frame, obj);
                                }
                                None => {
                                    let v = tv!(self.getattr(&obj, name));
                                    push!(frame, v);
                                    push!(frame, Value::Null);
                                }
                            }
                        }
                        Instr::CallMethod(n) => {
                            // The line of a calling frame, for introspection.
                            frame.pc = pc;
                            let n = n as usize;
                            let base = frame.stack.len() - n - 2;
                            let r = if frame.stack[base + 1].is_null() {
                                // No self: drop the marker so the callable sits right below its arguments.
                                frame.stack.remove(base + 1);
                                self.call_from_stack(frame, base, n)
                            } else {
                                self.call_from_stack(frame, base, n + 1)
                            };
                            push!(frame, tv!(r));
                            t!(self.eval_breaker());
                        }
                        Instr::Binary(op) | Instr::InplaceBinary(op) => {
                            // Small ints and floats are read in place and the
                            // result written in place: no 16-byte temporaries,
                            // whose copies stall store forwarding, and no drop.
                            let n = frame.stack.len();
                            let (a, b) = (&frame.stack[n - 2], &frame.stack[n - 1]);
                            let fast = match (a, b) {
                                (Value::Int(x), Value::Int(y)) => int_fast(op, *x, *y).map(|v| {
                                    super::words::replace_value(
                                        &mut frame.stack[n - 2],
                                        Value::Int(v),
                                    )
                                    .discard();
                                }),
                                (Value::Float(x), Value::Float(y)) if float_fast_op(op, *y) => {
                                    let r = float_fast(op, *x, *y);
                                    super::words::replace_value(
                                        &mut frame.stack[n - 2],
                                        Value::Float(r),
                                    )
                                    .discard();
                                    Some(())
                                }
                                (Value::Float(x), Value::Int(y))
                                    if float_fast_op(op, *y as f64) =>
                                {
                                    let r = float_fast(op, *x, *y as f64);
                                    super::words::replace_value(
                                        &mut frame.stack[n - 2],
                                        Value::Float(r),
                                    )
                                    .discard();
                                    Some(())
                                }
                                (Value::Int(x), Value::Float(y)) if float_fast_op(op, *y) => {
                                    let r = float_fast(op, *x as f64, *y);
                                    super::words::replace_value(
                                        &mut frame.stack[n - 2],
                                        Value::Float(r),
                                    )
                                    .discard();
                                    Some(())
                                }
                                _ => None,
                            };
                            if fast.is_some() {
                                // The right operand is an int or a float: nothing to drop.
                                pop!(frame).discard();
                                continue;
                            }
                            let b = pop!(frame);
                            let a = pop!(frame);
                            let r = match (&a, &b) {
                                (Value::Int(x), Value::Int(y)) => t!(self.int_op(op, *x, *y)),
                                _ if matches!(instr, Instr::InplaceBinary(_)) => {
                                    t!(self.inplace_op(op, &a, &b))
                                }
                                _ => t!(self.binary_op(op, &a, &b)),
                            };
                            push!(frame, r);
                        }
                        Instr::Unary(op) => {
                            let a = pop!(frame);
                            let r = tv!(self.unary_op(op, &a));
                            push!(frame, r);
                        }
                        Instr::Compare(op) => {
                            // Ints and floats compared in place, as `Binary`.
                            let n = frame.stack.len();
                            let fast = compare_fast(op, &frame.stack[n - 2], &frame.stack[n - 1]);
                            if let Some(r) = fast {
                                super::words::replace_value(
                                    &mut frame.stack[n - 2],
                                    Value::Bool(r),
                                )
                                .discard();
                                pop!(frame).discard();
                                continue;
                            }
                            let b = pop!(frame);
                            let a = pop!(frame);
                            let r = tv!(self.compare(op, &a, &b));
                            push!(frame, r);
                        }
                        Instr::BinarySubscr => {
                            let k = pop!(frame);
                            let o = pop!(frame);
                            // list[int] and tuple[int] in range: inline.
                            let fast = seq_item(&o, &k);
                            match fast {
                                Some(v) => push!(frame, v),
                                None => push!(frame, tv!(self.getitem(&o, &k))),
                            }
                            k.discard();
                            o.discard();
                        }
                        Instr::StoreSubscr => {
                            let k = pop!(frame);
                            let o = pop!(frame);
                            let v = pop!(frame);
                            // list[int] = v in range: inline.
                            let v = match (&o, &k) {
                                (Value::List(l), Value::Int(i)) => {
                                    let mut l = l.lock();
                                    let j = if *i < 0 { *i + l.len() as i64 } else { *i };
                                    if j >= 0 && (j as usize) < l.len() {
                                        let old =
                                            super::words::replace_value(&mut l[j as usize], v);
                                        drop(l);
                                        old.discard();
                                        k.discard();
                                        o.discard();
                                        settle!();
                                        continue;
                                    }
                                    v
                                }
                                _ => v,
                            };
                            t!(self.setitem(&o, k, v));
                            settle!();
                        }
                        Instr::DeleteSubscr => {
                            let k = pop!(frame);
                            let o = pop!(frame);
                            t!(self.delitem(&o, &k));
                            drop(o);
                            settle!();
                        }
                        Instr::ReverseTop(n) => {
                            let n = n as usize;
                            let len = frame.stack.len();
                            frame.stack[len - n..].reverse();
                            pc += 1;
                        }
                        Instr::SliceSubscr(n) => {
                            let step = if n == 3 { pop!(frame) } else { Value::None };
                            let stop = pop!(frame);
                            let start = pop!(frame);
                            let obj = pop!(frame);
                            pc += 1;
                            let r = match t!(self.slice_sequence(&obj, &start, &stop, &step)) {
                                Some(r) => r,
                                None => {
                                    let key = Value::native(Native::Slice { start, stop, step });
                                    tv!(self.getitem(&obj, &key))
                                }
                            };
                            push!(frame, r);
                        }
                        Instr::BuildSlice(n) => {
                            let step = if n == 3 { pop!(frame) } else { Value::None };
                            let stop = pop!(frame);
                            let start = pop!(frame);
                            frame
                                .stack
                                .push(Value::native(Native::Slice { start, stop, step }));
                        }
                        Instr::BuildTuple(n) => {
                            let at = frame.stack.len() - n as usize;
                            let items = frame.stack.split_off(at);
                            push!(frame, Value::tuple(items));
                        }
                        Instr::BuildList(n) => {
                            let at = frame.stack.len() - n as usize;
                            let items = frame.stack.split_off(at);
                            push!(frame, Value::list(items));
                        }
                        Instr::BuildSet(n) => {
                            let at = frame.stack.len() - n as usize;
                            let items = frame.stack.split_off(at);
                            let s = t!(self.new_set(items, false));
                            push!(frame, s);
                        }
                        Instr::BuildConstSet(n) => {
                            let at = frame.stack.len() - n as usize;
                            let items = frame.stack.split_off(at);
                            let first = t!(self.new_set(items, true));
                            let again = super::setops::map_of(&first).keys();
                            let f = t!(self.new_set(again, true));
                            push!(frame, f);
                        }
                        Instr::BuildMap(n) => {
                            let at = frame.stack.len() - 2 * n as usize;
                            let items = frame.stack.split_off(at);
                            let d = Shared::new(PyCell::new(DictMap::with_capacity(n as usize)));
                            super::gc::track_dict(&d);
                            let mut it = items.into_iter();
                            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                                t!(self.dict_set(&d, k, v));
                            }
                            push!(frame, Value::Dict(d));
                        }
                        Instr::BuildString(n) => {
                            let at = frame.stack.len() - n as usize;
                            let mut s = String::new();
                            for v in frame.stack.drain(at..) {
                                if let Value::Str(p) = v {
                                    s.push_str(p.as_str());
                                }
                            }
                            push!(frame, new_str(s));
                        }
                        Instr::ListAppend(d) => {
                            let v = pop!(frame);
                            let n = frame.stack.len();
                            if let Value::List(l) = &frame.stack[n - d as usize] {
                                l.lock().push(v);
                            }
                        }
                        Instr::SetAdd(d) => {
                            let v = pop!(frame);
                            let n = frame.stack.len();
                            let s = frame.stack[n - d as usize].clone();
                            t!(self.set_add(&s, v));
                        }
                        Instr::MapAdd(d) => {
                            let v = pop!(frame);
                            let k = pop!(frame);
                            let n = frame.stack.len();
                            if let Value::Dict(m) = frame.stack[n - d as usize].clone() {
                                t!(self.dict_set(&m, k, v));
                            }
                        }
                        Instr::ListExtend(d) => {
                            let it = pop!(frame);
                            let items = t!(self.iterate(&it));
                            let n = frame.stack.len();
                            if let Value::List(l) = &frame.stack[n - d as usize] {
                                l.lock().extend(items);
                            }
                        }
                        Instr::SetUpdate(d) => {
                            let it = pop!(frame);
                            let n = frame.stack.len();
                            let s = frame.stack[n - d as usize].clone();
                            t!(super::setops::update_from(self, &s, &it));
                        }
                        Instr::DictUpdate(d) | Instr::DictMerge(d) => {
                            let m = pop!(frame);
                            let n = frame.stack.len();
                            let Value::Dict(target) = frame.stack[n - d as usize].clone() else {
                                continue;
                            };
                            // A call's `**` arguments: the callee is below
                            // the positional tuple and this dict.
                            let call = matches!(instr, Instr::DictMerge(_)).then(|| {
                                (n.checked_sub(d as usize + 2))
                                    .and_then(|i| frame.stack.get(i))
                                    .cloned()
                                    .unwrap_or(Value::None)
                            });
                            t!(self.dict_merge(&target, &m, call.as_ref()));
                        }
                        Instr::ListToTuple => {
                            let l = pop!(frame);
                            let items = match &l {
                                Value::List(l) => l.lock().clone(),
                                _ => t!(self.iterate(&l)),
                            };
                            push!(frame, Value::tuple(items));
                        }
                        Instr::UnpackSequence(n) => {
                            let seq = pop!(frame);
                            t!(self.unpack_into(&seq, n as usize, &mut frame.stack));
                        }
                        Instr::UnpackEx { before, after } => {
                            let seq = pop!(frame);
                            t!(self.unpack_ex_into(
                                &seq,
                                before as usize,
                                after as usize,
                                &mut frame.stack
                            ));
                        }
                        Instr::FormatValue(flags) => {
                            let spec = if flags & 4 != 0 {
                                Some(pop!(frame))
                            } else {
                                None
                            };
                            let v = pop!(frame);
                            let v = match flags & 3 {
                                1 => new_str(t!(self.str_(&v))),
                                2 => new_str(t!(self.repr(&v))),
                                3 => new_str(super::repr::ascii_escape(&t!(self.repr(&v)))),
                                _ => v,
                            };
                            let spec_s = spec.as_ref().and_then(|s| s.as_str()).unwrap_or("");
                            let r = match (&v, spec_s) {
                                (Value::Str(_), "") => v.clone(),
                                _ => new_str(t!(self.format(&v, spec_s))),
                            };
                            push!(frame, r);
                        }
                        Instr::Jump(target) => {
                            if (target as usize) < pc {
                                t!(self.eval_breaker());
                            }
                            pc = target as usize;
                        }
                        Instr::PopJumpIfFalse(target) => {
                            let v = pop!(frame);
                            let b = match v {
                                Value::Bool(b) => b,
                                v => {
                                    let b = t!(self.truthy(&v));
                                    v.discard();
                                    b
                                }
                            };
                            if !b {
                                pc = target as usize;
                            }
                        }
                        Instr::PopJumpIfTrue(target) => {
                            let v = pop!(frame);
                            let b = match v {
                                Value::Bool(b) => b,
                                v => {
                                    let b = t!(self.truthy(&v));
                                    v.discard();
                                    b
                                }
                            };
                            if b {
                                pc = target as usize;
                            }
                        }
                        Instr::JumpIfFalseOrPop(target) => {
                            let b = t!(self.truthy(top!(frame)));
                            if !b {
                                pc = target as usize;
                            } else {
                                frame.stack.pop();
                            }
                        }
                        Instr::JumpIfTrueOrPop(target) => {
                            let b = t!(self.truthy(top!(frame)));
                            if b {
                                pc = target as usize;
                            } else {
                                frame.stack.pop();
                            }
                        }
                        Instr::GetIter => {
                            let v = pop!(frame);
                            let it = t!(self.iter(&v));
                            push!(frame, it);
                        }
                        Instr::ForIter(target) => match t!(self.for_iter_step(top!(frame))) {
                            Some(v) => push!(frame, v),
                            None => {
                                frame.stack.pop();
                                pc = target as usize;
                            }
                        },
                        Instr::ForIterStore(a, target) => match t!(self.for_iter_step(top!(frame)))
                        {
                            Some(v) => {
                                store_local!(frame.base + a as usize, v);
                                pc += 1;
                            }
                            None => {
                                pop!(frame).discard();
                                pc = target as usize;
                            }
                        },
                        Instr::Call(n) => {
                            frame.pc = pc;
                            let base = frame.stack.len() - n as usize - 1;
                            // `len(x)` of a built-in container is read here,
                            // without a call (CPython specializes it too).
                            if n == 1 {
                                if let Value::Builtin(b) = &frame.stack[base] {
                                    if b.fast == FastBuiltin::Len {
                                        if let Some(k) = len_fast(&frame.stack[base + 1]) {
                                            let arg = pop!(frame);
                                            pop!(frame).discard();
                                            push!(frame, Value::Int(k as i64));
                                            if arg.is_heap() {
                                                drop(arg);
                                                settle!();
                                            }
                                            continue;
                                        }
                                    }
                                }
                            }
                            let r = match &frame.stack[base] {
                                Value::Class(c)
                                    if n == 0 && Shared::ptr_eq(c, &self.types().super_) =>
                                {
                                    let r = self.zero_arg_super(frame);
                                    frame.stack.truncate(base);
                                    r
                                }
                                _ => self.call_from_stack(frame, base, n as usize),
                            };
                            push!(frame, tv!(r));
                            t!(self.eval_breaker());
                        }
                        Instr::CallKw(n) => {
                            frame.pc = pc;
                            let names = pop!(frame);
                            let Value::Tuple(names) = names else {
                                unreachable!("CallKw names are a constant tuple")
                            };
                            let nkw = names.items.len();
                            let base = frame.stack.len() - n as usize - 1;
                            let kwstart = frame.stack.len() - nkw;
                            let kw: Vec<(Str, Value)> = names
                                .items
                                .iter()
                                .zip(frame.stack[kwstart..].iter())
                                .filter_map(|(k, v)| match k {
                                    Value::Str(s) => Some((s.clone(), v.clone())),
                                    _ => None,
                                })
                                .collect();
                            let f = frame.stack[base].clone();
                            let r = self.call(&f, &frame.stack[base + 1..kwstart], &kw);
                            frame.stack.truncate(base);
                            push!(frame, tv!(r));
                            t!(self.eval_breaker());
                        }
                        Instr::CallEx(0) => {
                            // `f(*args)`: the arguments are spread on the
                            // stack above `f`, then called as `f(a, b)` is.
                            frame.pc = pc;
                            let args = pop!(frame);
                            let base = frame.stack.len() - 1;
                            match &args {
                                Value::Tuple(t) => {
                                    for x in t.items.iter() {
                                        push!(frame, x.clone());
                                    }
                                }
                                _ => {
                                    let items = self.iterate(&args).map_err(|e| {
                                        self.star_args_error(&frame.stack[base], &args, e)
                                    });
                                    for x in t!(items) {
                                        push!(frame, x);
                                    }
                                }
                            }
                            let argc = frame.stack.len() - base - 1;
                            let r = self.call_from_stack(frame, base, argc);
                            push!(frame, tv!(r));
                            t!(self.eval_breaker());
                        }
                        Instr::CallEx(flags) => {
                            frame.pc = pc;
                            let kwargs = if flags & 1 != 0 {
                                Some(pop!(frame))
                            } else {
                                None
                            };
                            let args = pop!(frame);
                            let f = pop!(frame);
                            let args = match &args {
                                Value::Tuple(t) => t.items.to_vec(),
                                _ => t!(self
                                    .iterate(&args)
                                    .map_err(|e| self.star_args_error(&f, &args, e))),
                            };
                            let kw = match &kwargs {
                                Some(k) => t!(self.kwargs_from(k)),
                                None => Vec::new(),
                            };
                            let r = tv!(self.call(&f, &args, &kw));
                            push!(frame, r);
                            t!(self.eval_breaker());
                        }
                        Instr::MakeFunction(flags) => {
                            let f = t!(self.make_function(frame, flags));
                            push!(frame, f);
                        }
                        Instr::ReturnValue => {
                            frame.pc = pc;
                            return Ok(pop!(frame));
                        }
                        Instr::YieldValue => {
                            frame.yielded = true;
                            frame.pc = pc;
                            return Ok(pop!(frame));
                        }
                        Instr::GetYieldFromIter => {
                            let v = pop!(frame);
                            let it = match &v {
                                Value::Native(n) if matches!(**n, Native::Generator(_)) => {
                                    v.clone()
                                }
                                _ => t!(self.iter(&v)),
                            };
                            push!(frame, it);
                        }
                        Instr::YieldFrom => {
                            let v = pop!(frame);
                            let it = top!(frame).clone();
                            match t!(self.send_to(&it, v)) {
                                GenResult::Yielded(y) => {
                                    frame.pc = pc - 1;
                                    frame.yielded = true;
                                    return Ok(y);
                                }
                                GenResult::Returned(r) => {
                                    frame.stack.pop();
                                    push!(frame, r);
                                }
                            }
                        }
                        Instr::GetAwaitable => {
                            let v = pop!(frame);
                            let a = t!(self.get_awaitable(&v));
                            push!(frame, a);
                        }
                        Instr::GetAIter => {
                            let v = pop!(frame);
                            let a = t!(self.get_aiter(&v));
                            push!(frame, a);
                        }
                        Instr::GetANext => {
                            let it = top!(frame).clone();
                            let a = t!(self.get_anext(&it));
                            push!(frame, a);
                        }
                        Instr::EndAsyncFor => {
                            let exc = pop!(frame);
                            if !self.isinstance(&exc, &self.types().exc.StopAsyncIteration.clone())
                            {
                                break 'err (exc, true);
                            }
                            pop!(frame).discard();
                            frame.blocks.pop();
                            self.exc_stack.pop();
                        }
                        Instr::BeforeAsyncWith => {
                            let ctx = pop!(frame);
                            let (exit, a) = t!(self.before_async_with(&ctx));
                            push!(frame, exit);
                            push!(frame, a);
                        }
                        Instr::SetupAsyncWith(handler) => {
                            frame.blocks.push(Block {
                                kind: BlockKind::Handler,
                                handler,
                                level: frame.stack.len() as u32 - 1,
                            });
                        }
                        Instr::LoadBuildClass => {
                            let v =
                                t!(self
                                    .load_global(&frame.globals, &self.intern("__build_class__")));
                            push!(frame, v);
                        }
                        Instr::LoadAssertionError => {
                            frame
                                .stack
                                .push(Value::Class(self.types().exc.AssertionError.clone()));
                        }
                        Instr::SetupFinally(handler) => {
                            frame.blocks.push(Block {
                                kind: BlockKind::Handler,
                                handler,
                                level: frame.stack.len() as u32,
                            });
                        }
                        Instr::SetupWith(handler) => {
                            // `__enter__` may block or look at the stack.
                            frame.pc = pc;
                            let ctx = pop!(frame);
                            let (enter, exit) = t!(self.context_methods(&ctx));
                            push!(frame, exit);
                            frame.blocks.push(Block {
                                kind: BlockKind::Handler,
                                handler,
                                level: frame.stack.len() as u32,
                            });
                            let r = t!(self.call(&enter, &[], &[]));
                            push!(frame, r);
                        }
                        Instr::PopBlock => {
                            frame.blocks.pop();
                        }
                        Instr::PopExcept => {
                            if let Some(b) = frame.blocks.pop() {
                                debug_assert_eq!(b.kind, BlockKind::ExceptHandler);
                            }
                            self.exc_stack.pop();
                        }
                        Instr::Reraise => {
                            let e = pop!(frame);
                            break 'err (e, true);
                        }
                        Instr::WithExceptStart => {
                            let n = frame.stack.len();
                            let exit = frame.stack[n - 2].clone();
                            let exc = frame.stack[n - 1].clone();
                            let typ = Value::Class(self.class_of(&exc));
                            let r = t!(self.call(&exit, &[typ, exc, Value::None], &[]));
                            push!(frame, r);
                        }
                        Instr::StarPrep => {
                            let exc = top!(frame).clone();
                            push!(frame, exc);
                            push!(frame, Value::list(Vec::new()));
                        }
                        Instr::StarMatch(target) => {
                            let typ = pop!(frame);
                            let n = frame.stack.len();
                            let rest = frame.stack[n - 2].clone();
                            let matcher = t!(self.star_matcher(&typ));
                            let (hit, left) = if rest.is_none() {
                                (Value::None, Value::None)
                            } else if self.group_exceptions(&rest).is_none() {
                                if t!(self.exception_match(&rest, &typ)) {
                                    (t!(self.star_wrap(&rest)), Value::None)
                                } else {
                                    (Value::None, rest)
                                }
                            } else {
                                t!(self.group_split(&rest, &matcher))
                            };
                            frame.stack[n - 2] = left;
                            if hit.is_none() {
                                pc = target as usize;
                            } else {
                                if let Some(handled) = self.exc_stack.last_mut() {
                                    *handled = hit.clone();
                                }
                                push!(frame, hit);
                            }
                        }
                        Instr::StarCollect => {
                            let e = pop!(frame);
                            if let Value::List(l) = top!(frame) {
                                l.lock().push(e);
                            }
                        }
                        Instr::StarFinish(target) => {
                            let raised = pop!(frame);
                            let rest = pop!(frame);
                            let orig = pop!(frame);
                            let raised = match &raised {
                                Value::List(l) => l.lock().to_vec(),
                                _ => Vec::new(),
                            };
                            let r = t!(self.star_result(&orig, &rest, &raised));
                            if r.is_none() {
                                pc = target as usize;
                            } else {
                                break 'err (r, true);
                            }
                        }
                        Instr::CheckExcMatch => {
                            let typ = pop!(frame);
                            let exc = top!(frame).clone();
                            let m = t!(self.exception_match(&exc, &typ));
                            push!(frame, Value::Bool(m));
                        }
                        Instr::Raise(n) => {
                            let r = match n {
                                0 => match self.exc_stack.last() {
                                    Some(e) => break 'err (e.clone(), true),
                                    None => {
                                        Err(self.runtime_error("No active exception to reraise"))
                                    }
                                },
                                1 => {
                                    let e = pop!(frame);
                                    self.make_raisable(e)
                                }
                                _ => {
                                    let cause = pop!(frame);
                                    let e = pop!(frame);
                                    self.make_raisable_from(e, cause)
                                }
                            };
                            match r {
                                Ok(e) => break 'err (e, false),
                                Err(e) => break 'err (e.into_value(), false),
                            }
                        }
                        Instr::ImportName(i) => {
                            let name = code.names[i as usize].as_str();
                            let m = tv!(self.import_relative(name, true, &frame.globals));
                            push!(frame, m);
                        }
                        Instr::ImportModule(i) => {
                            let name = code.names[i as usize].as_str();
                            let m = tv!(self.import_relative(name, false, &frame.globals));
                            push!(frame, m);
                        }
                        Instr::ImportFrom(i) => {
                            let m = top!(frame).clone();
                            let v = tv!(self.import_from(&m, &code.names[i as usize]));
                            push!(frame, v);
                        }
                        Instr::ImportStar => {
                            let m = pop!(frame);
                            t!(self.import_star(frame, &m));
                        }
                        Instr::SetupAnnotations => {
                            let ns = frame.locals.as_ref().unwrap_or(&frame.globals).clone();
                            let mut ns = ns.lock();
                            if ns.get_by_str("__annotations__").is_none() {
                                ns.set_by_str("__annotations__", Value::dict(DictMap::new()));
                            }
                        }
                        Instr::PrintExpr => {
                            let v = pop!(frame);
                            t!(self.display_value(v));
                        }
                        // Pattern matching: the work is in `patterns.rs`.
                        Instr::Copy(n) => {
                            let v = frame.stack[frame.stack.len() - n as usize].clone();
                            push!(frame, v);
                        }
                        Instr::RotN(n) => super::words::rotate_top(&mut frame.stack, n as usize),
                        Instr::MatchSequence => {
                            let r = self.match_sequence(top!(frame));
                            push!(frame, Value::Bool(r));
                        }
                        Instr::MatchMapping => {
                            let r = self.match_mapping(top!(frame));
                            push!(frame, Value::Bool(r));
                        }
                        Instr::GetLen => {
                            let n = t!(self.len(top!(frame)));
                            push!(frame, Value::Int(n as i64));
                        }
                        Instr::MatchKeys => {
                            let n = frame.stack.len();
                            let r = tv!(self.match_keys(&frame.stack[n - 2], &frame.stack[n - 1]));
                            push!(frame, r);
                        }
                        Instr::MatchClass(nargs) => {
                            let names = pop!(frame);
                            let cls = pop!(frame);
                            let s = pop!(frame);
                            let r = tv!(self.match_class(&s, &cls, &names, nargs as usize));
                            push!(frame, r);
                        }
                        Instr::MatchRest => {
                            let keys = pop!(frame);
                            let s = pop!(frame);
                            push!(frame, tv!(self.match_rest(&s, &keys)));
                        }
                    }
                }
            };
            // An exception: record where it passed, then find a handler.
            frame.pc = pc;
            if !reraise {
                self.note_raise(&err, &code, frame);
            }
            match self.unwind(frame, err) {
                Ok(()) => {
                    pc = frame.pc;
                    continue;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Adds this frame to the traceback and chains the exception being handled.
    fn note_raise(&mut self, err: &Value, code: &Code, frame: &Frame) {
        let Some(data) = self.exc_data(err) else {
            return;
        };
        let mut d = data.lock();
        d.traceback.push(TbEntry::at(code, frame));
        if d.context.is_none() {
            if let Some(handled) = self.exc_stack.last() {
                if !handled.is(err) {
                    d.context = handled.clone();
                }
            }
        }
    }

    /// Pops blocks until a handler takes the exception (`Ok`), or returns it.
    fn unwind(&mut self, frame: &mut Frame, err: Value) -> PyResult<()> {
        while let Some(block) = frame.blocks.pop() {
            match block.kind {
                BlockKind::ExceptHandler => {
                    self.exc_stack.pop();
                }
                BlockKind::Handler => {
                    frame.stack.truncate(block.level as usize);
                    frame.blocks.push(Block {
                        kind: BlockKind::ExceptHandler,
                        handler: 0,
                        level: block.level,
                    });
                    self.exc_stack.push(err.clone());
                    push!(frame, err);
                    frame.pc = block.handler as usize;
                    return Ok(());
                }
            }
        }
        Err(PyErr::from(err))
    }

    /// Calls `stack[base]` with the `argc` values above it and removes them
    /// all. A plain Python function with positional arguments gets them moved
    /// straight into its new frame: no clones, no temporary vector.
    #[inline]
    fn call_from_stack(&mut self, frame: &mut Frame, base: usize, argc: usize) -> PyResult<Value> {
        if let Value::Func(func) = &frame.stack[base] {
            let full = func.simple_argc as usize;
            if argc <= full && argc >= func.min_argc as usize {
                let nlocals = func.nlocals as usize;
                let max_stack = func.max_stack as usize;
                let (globals, code) = (func.globals.clone(), func.code.clone());
                let cells = (!func.closure.is_empty()).then(|| func.closure.to_vec());
                // The callee borrows the caller's buffer: its locals start at
                // the first argument, so the arguments do not move. The
                // function stays below them, alive until the call returns.
                let mut stack = std::mem::take(&mut frame.stack);
                let callee_base = base + 1;
                // Missing trailing arguments take their defaults; the
                // function is still at `stack[base]`.
                for i in argc..full {
                    let Value::Func(f) = &stack[base] else {
                        unreachable!("the callee was checked above")
                    };
                    let d = f.defaults[f.defaults.len() + i - full].clone();
                    super::words::push_value(&mut stack, d);
                }
                while stack.len() < callee_base + nlocals {
                    super::words::push_value(&mut stack, Value::Null);
                }
                stack.reserve(max_stack);
                // Fields are written in place; a field chosen by an `if`
                // would be built in a temporary and copied, and that copy
                // stalls on the stores that just built it.
                let mut callee = Frame {
                    stack,
                    base: callee_base,
                    cells: Vec::new(),
                    blocks: Vec::new(),
                    globals,
                    locals: None,
                    locals_mapping: None,
                    code,
                    pc: 0,
                    yielded: false,
                };
                if let Some(cells) = cells {
                    callee.cells = cells;
                }
                self.depth += 1;
                let r = match self.check_recursion() {
                    Ok(()) => self.run_frame(&mut callee),
                    Err(e) => Err(e),
                };
                self.depth -= 1;
                // The buffer goes back; the callee's locals, whatever it left
                // on its stack, and the function itself are dropped.
                frame.stack = std::mem::take(&mut callee.stack);
                truncate_values(&mut frame.stack, base);
                return r;
            }
        }
        // A plain native function is called on the arguments in place: the
        // function stays alive on the stack below them.
        if let Value::Builtin(b) = &frame.stack[base] {
            if b.bound.is_none() && !b.method && b.arity.accepts(argc) {
                let func = b.func;
                let r = func(self, &frame.stack[base + 1..], &[]);
                truncate_values(&mut frame.stack, base);
                return r;
            }
        }
        let f = frame.stack[base].clone();
        let r = self.call(&f, &frame.stack[base + 1..], &[]);
        frame.stack.truncate(base);
        r
    }

    /// The next item of a `for` loop's iterator: ranges and list/tuple
    /// iterators inline, anything else through `next`.
    #[inline(always)]
    fn for_iter_step(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let fast = match it {
            Value::Native(n) => match &**n {
                Native::Iter(st) => iter_fast(st),
                _ => IterFast::Slow,
            },
            _ => IterFast::Slow,
        };
        match fast {
            IterFast::Item(v) => Ok(Some(v)),
            IterFast::Done => Ok(None),
            IterFast::Slow => self.next(it),
        }
    }

    /// The value `LoadGlobal` finds through its inline cache when the cache
    /// is current, inline in the loop; `None` sends it to the full lookup.
    #[inline(always)]
    fn load_global_hit(&self, code: &Code, i: usize, globals: &Shared<PyDict>) -> Option<Value> {
        const ABSENT: u64 = u32::MAX as u64;
        let name = &code.names[i];
        let cache = &code.global_cache[i];
        let g = globals.lock();
        let word = cache.globals.load(Ordering::Relaxed);
        if word >> 32 != globals_tag(globals, &g) {
            return None;
        }
        let pos = word & ABSENT;
        if pos != ABSENT {
            return g.value_if_key(pos as usize, name).cloned();
        }
        drop(g);
        let b = self.interp.builtins.lock();
        let bword = cache.builtins.load(Ordering::Relaxed);
        if bword >> 32 != b.keys_version as u64 {
            return None;
        }
        b.value_if_key((bword & ABSENT) as usize, name).cloned()
    }

    /// `LoadGlobal` with its inline cache: while the globals' (and, for a
    /// builtin, the builtins') keys are unchanged, the value is read at the
    /// remembered position without hashing; otherwise the name is looked up
    /// and the cache refilled.
    #[inline(always)]
    fn load_global_cached(
        &self,
        code: &Code,
        i: usize,
        globals: &Shared<PyDict>,
    ) -> PyResult<Value> {
        match self.load_global_hit(code, i, globals) {
            Some(v) => Ok(v),
            None => self.fill_global_cache(code, i, globals),
        }
    }

    #[inline(never)]
    fn fill_global_cache(
        &self,
        code: &Code,
        i: usize,
        globals: &Shared<PyDict>,
    ) -> PyResult<Value> {
        let name = &code.names[i];
        let cache = &code.global_cache[i];
        let g = globals.lock();
        let gv = globals_tag(globals, &g) << 32;
        if let Some(pos) = g.str_index(name) {
            cache.globals.store(gv | pos as u64, Ordering::Relaxed);
            return Ok(g.entry(pos).map_or(Value::None, |e| e.value.clone()));
        }
        cache.globals.store(gv | u32::MAX as u64, Ordering::Relaxed);
        drop(g);
        let b = self.interp.builtins.lock();
        let bv = (b.keys_version as u64) << 32;
        if let Some(pos) = b.str_index(name) {
            cache.builtins.store(bv | pos as u64, Ordering::Relaxed);
            return Ok(b.entry(pos).map_or(Value::None, |e| e.value.clone()));
        }
        drop(b);
        Err(self.name_error(name.as_str()))
    }

    /// `StoreGlobal`, and `StoreName` at module level: a name already bound
    /// is rebound in place at the position the cache remembers.
    #[inline]
    fn store_global_cached(&self, code: &Code, i: usize, globals: &Shared<PyDict>, v: Value) {
        let name = &code.names[i];
        let word = code.global_cache[i].globals.load(Ordering::Relaxed);
        let mut g = globals.lock();
        let old = if word >> 32 == globals_tag(globals, &g) {
            match g.value_if_key_mut((word & u32::MAX as u64) as usize, name) {
                Some(slot) => Some(std::mem::replace(slot, v)),
                None => g.set_str(name, v),
            }
        } else {
            g.set_str(name, v)
        };
        // The old value may have a `__del__` that reads the globals.
        drop(g);
        drop(old);
    }

    #[inline]
    pub fn load_global(&self, globals: &Shared<PyDict>, name: &Str) -> PyResult<Value> {
        if let Some(v) = globals.lock().get_str(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.interp.builtins.lock().get_str(name) {
            return Ok(v.clone());
        }
        Err(self.name_error(name.as_str()))
    }

    /// For `obj.name(...)`: the plain function found on the type, when calling
    /// it with `obj` prepended is equivalent to calling the bound method.
    fn find_method(&self, obj: &Value, name: &Str) -> Option<Value> {
        match obj {
            Value::Instance(inst) => {
                let f = self.class_lookup(inst.class(), name)?;
                if f.binds_to_instance() && inst.dict.lock().get_str(name).is_none() {
                    Some(f)
                } else {
                    None
                }
            }
            Value::Class(_) | Value::Module(_) | Value::Func(_) => None,
            Value::Native(n) if matches!(**n, Native::Super { .. }) => None,
            _ => {
                let f = self.class_lookup(&self.class_of(obj), name)?;
                f.binds_to_instance().then_some(f)
            }
        }
    }
}

/// What a global cache entry is tagged with: the keys version of the
/// namespace, mixed with its address, so that code run in two namespaces
/// (`exec` of one code object) never takes one's entry for the other's.
#[inline(always)]
fn globals_tag(globals: &Shared<PyDict>, g: &DictMap) -> u64 {
    (g.keys_version ^ (Shared::as_ptr(globals) as usize >> 4) as u32) as u64
}
