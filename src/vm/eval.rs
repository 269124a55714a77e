//! The eval loop: one `match` over the instruction enum, and the exception
//! unwinding that jumps to handlers. Also generators, which are frames that
//! the loop can leave at a `yield` and re-enter later.

use super::call::truncate_values;
use super::dict::DictMap;
use super::frame::{Block, BlockKind, Frame};
use super::object::*;
use super::sync::{PyCell, Shared};
use super::value::{new_str, PyDict, Str, Value};
use super::Vm;
use crate::compiler::bytecode::Instr;
use crate::compiler::bytecode::{BinOp, CmpOp};

/// Small-int arithmetic that cannot overflow or raise; `None` sends the
/// operation to the general path.
#[inline(always)]
fn int_fast(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::FloorDiv if y > 0 && x >= 0 => Some(x / y),
        BinOp::Mod if y > 0 && x >= 0 => Some(x % y),
        _ => None,
    }
}
use std::sync::atomic::Ordering;

/// Float operations that cannot raise (division by a non-zero divisor).
#[inline(always)]
fn float_fast_op(op: BinOp, y: f64) -> bool {
    match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul => true,
        BinOp::Div => y != 0.0,
        _ => false,
    }
}

#[inline(always)]
fn float_fast(op: BinOp, x: f64, y: f64) -> f64 {
    match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        _ => x / y,
    }
}

/// `a op b` for two ints or two floats under an ordering operator, inline.
#[inline(always)]
fn compare_fast(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    if !matches!(
        op,
        CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE | CmpOp::Eq | CmpOp::NotEq
    ) {
        return None;
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(super::ops::cmp_ord(op, x.cmp(y))),
        (Value::Float(x), Value::Float(y)) => Some(super::ops::cmp_f64(op, *x, *y)),
        _ => None,
    }
}

/// `obj[key]` for a list or tuple and an int index in range, inline.
#[inline(always)]
fn seq_item(obj: &Value, key: &Value) -> Option<Value> {
    match (obj, key) {
        (Value::List(l), Value::Int(i)) => {
            let l = l.lock();
            let j = if *i < 0 { *i + l.len() as i64 } else { *i };
            if j >= 0 {
                l.get(j as usize).cloned()
            } else {
                None
            }
        }
        (Value::Tuple(t), Value::Int(i)) => {
            let j = if *i < 0 {
                *i + t.items.len() as i64
            } else {
                *i
            };
            if j >= 0 {
                t.items.get(j as usize).cloned()
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The outcome of `ForIter`'s inline step.
enum IterFast {
    Item(Value),
    Done,
    /// Not a range or list/tuple iterator: call `next`.
    Slow,
}

/// One step of a range or list/tuple iterator without leaving the loop.
#[inline(always)]
fn iter_fast(state: &PyCell<IterState>) -> IterFast {
    let mut st = state.lock();
    match &mut *st {
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.saturating_add(*step);
                IterFast::Item(Value::Int(v))
            } else {
                IterFast::Done
            }
        }
        IterState::Seq {
            seq: Value::List(l),
            index,
        } => match l.lock().get(*index) {
            Some(v) => {
                *index += 1;
                IterFast::Item(v.clone())
            }
            None => IterFast::Slow,
        },
        IterState::Seq {
            seq: Value::Tuple(t),
            index,
        } => match t.items.get(*index) {
            Some(v) => {
                *index += 1;
                IterFast::Item(v.clone())
            }
            None => IterFast::Slow,
        },
        _ => IterFast::Slow,
    }
}

/// How a frame left the eval loop.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// The result of resuming a generator.
pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

pub fn new_generator(frame: Frame, func: &Shared<Function>) -> Value {
    Value::native(Native::Generator(PyCell::new(GenState {
        frame: Some(Box::new(frame)),
        running: false,
        finished: false,
        name: func.name.lock().clone(),
        qualname: func.qualname.lock().clone(),
        saved_exc: Vec::new(),
    })))
}

/// Set when a suspended generator was dropped; the eval loop then closes it.
pub static FINALIZERS_PENDING: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

thread_local! {
    /// Frames of generators dropped while suspended, waiting to be closed by
    /// this thread's VM.
    static ORPHANS: std::cell::RefCell<Vec<Frame>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Drop for GenState {
    fn drop(&mut self) {
        if self.finished || self.running {
            return;
        }
        if let Some(frame) = self.frame.take() {
            // Only a generator suspended at a `yield` inside a block has
            // something to clean up.
            if frame.pc > 0 && !frame.blocks.is_empty() {
                ORPHANS.with(|o| o.borrow_mut().push(*frame));
                FINALIZERS_PENDING.store(true, Ordering::Relaxed);
            }
        }
    }
}

macro_rules! pop {
    ($frame:expr) => {
        super::sync::pop_value(&mut $frame.stack).expect("value stack underflow: compiler bug")
    };
}

macro_rules! push {
    ($frame:expr, $v:expr) => {{
        let v = $v;
        super::sync::push_value(&mut $frame.stack, v)
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
            return Err(PyErr::from(
                self.runtime_error("yield outside a generator frame"),
            ));
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

    /// The GIL's drop request, signals and pending finalizers are checked
    /// here: at backward jumps and after each call returns (as CPython does
    /// after a C call). After, not before: `with lock:` ends by calling
    /// `__exit__`, and a thread that gave the GIL up just before that call
    /// would sleep holding the lock, so every waiter would block on it and
    /// each increment would cost a hand-over (a lock convoy).
    #[inline(always)]
    fn eval_breaker(&mut self) -> PyResult<()> {
        if self.interp.gil.drop_request.load(Ordering::Relaxed) {
            self.interp.gil.yield_to_waiter();
        }
        if super::os::SIGINT_PENDING.load(Ordering::Relaxed) {
            return self.handle_signals();
        }
        if FINALIZERS_PENDING.load(Ordering::Relaxed) {
            self.run_finalizers();
        }
        Ok(())
    }

    /// Closes generators that were dropped while suspended, as CPython's
    /// generator finaliser does: `GeneratorExit` is raised at the `yield`,
    /// so `finally` blocks and `with` exits run.
    #[inline(never)]
    pub fn run_finalizers(&mut self) {
        FINALIZERS_PENDING.store(false, Ordering::Relaxed);
        loop {
            let Some(mut frame) = ORPHANS.with(|o| o.borrow_mut().pop()) else {
                break;
            };
            let exit = self.new_instance(&self.types().exc.GeneratorExit.clone(), &[]);
            let saved = std::mem::take(&mut self.exc_stack);
            let r = self.execute(&mut frame, Some(exit));
            self.exc_stack = saved;
            let ignored = match r {
                Ok(Exit::Yield(_)) => Some(self.runtime_error("generator ignored GeneratorExit")),
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
                crate::stdlib::sys::write_stderr_raw(&format!(
                    "Exception ignored in: <generator object {}>\n{}",
                    frame.code.co.qualname, report
                ));
            }
            drop(frame);
        }
    }

    /// Runs `frame` from its current instruction until it returns, yields or
    /// lets an exception escape. `throw` raises an exception at the current
    /// point first (generator `throw()`).
    /// The eval loop. Returns the value returned or yielded, and says which
    /// in `frame.yielded`: a plain `PyResult<Value>` is 16 bytes and comes
    /// back in registers.
    fn run(&mut self, frame: &mut Frame, throw: Option<Value>) -> PyResult<Value> {
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
                            Ok(v) => super::sync::take_value(v),
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
                            pop!(frame).discard();
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
                        Instr::Rot2 => super::sync::rotate_top(&mut frame.stack, 2),
                        Instr::Rot3 => super::sync::rotate_top(&mut frame.stack, 3),
                        Instr::Rot4 => super::sync::rotate_top(&mut frame.stack, 4),
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
                            super::sync::replace_value(
                                &mut frame.stack[frame.base + a as usize],
                                v,
                            )
                            .discard();
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
                            super::sync::replace_value(
                                &mut frame.stack[frame.base + i as usize],
                                v,
                            )
                            .discard();
                        }
                        Instr::DeleteFast(i) => {
                            if frame.stack[frame.base + i as usize].is_null() {
                                break 'err (self.unbound_local(&code.varnames[i as usize]), false);
                            }
                            frame.stack[frame.base + i as usize] = Value::Null;
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
                            let v = tv!(self.load_global_cached(&code, i as usize, &frame.globals));
                            push!(frame, v);
                        }
                        Instr::StoreGlobal(i) => {
                            let v = pop!(frame);
                            frame.globals.lock().set_str(&code.names[i as usize], v);
                        }
                        Instr::DeleteGlobal(i) => {
                            let name = &code.names[i as usize];
                            if frame.globals.lock().remove_str(name.as_str()).is_none() {
                                break 'err (self.name_error(name.as_str()), false);
                            }
                        }
                        Instr::LoadName(i) => {
                            let name = &code.names[i as usize];
                            let local = frame
                                .locals
                                .as_ref()
                                .and_then(|l| l.lock().get_str(name).cloned());
                            let v = match local {
                                Some(v) => v,
                                None => t!(self.load_global(&frame.globals, name)),
                            };
                            push!(frame, v);
                        }
                        Instr::StoreName(i) => {
                            let v = pop!(frame);
                            v.immortalize_definition();
                            let ns = frame.locals.as_ref().unwrap_or(&frame.globals);
                            ns.lock().set_str(&code.names[i as usize], v);
                        }
                        Instr::DeleteName(i) => {
                            let name = &code.names[i as usize];
                            let ns = frame.locals.as_ref().unwrap_or(&frame.globals);
                            if ns.lock().remove_str(name.as_str()).is_none() {
                                break 'err (self.name_error(name.as_str()), false);
                            }
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
                        }
                        Instr::DeleteAttr(i) => {
                            let obj = pop!(frame);
                            t!(self.delattr(&obj, &code.names[i as usize]));
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
                                    super::sync::replace_value(
                                        &mut frame.stack[n - 2],
                                        Value::Int(v),
                                    )
                                    .discard();
                                }),
                                (Value::Float(x), Value::Float(y)) if float_fast_op(op, *y) => {
                                    let r = float_fast(op, *x, *y);
                                    super::sync::replace_value(
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
                                    super::sync::replace_value(
                                        &mut frame.stack[n - 2],
                                        Value::Float(r),
                                    )
                                    .discard();
                                    Some(())
                                }
                                (Value::Int(x), Value::Float(y)) if float_fast_op(op, *y) => {
                                    let r = float_fast(op, *x as f64, *y);
                                    super::sync::replace_value(
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
                                super::sync::replace_value(&mut frame.stack[n - 2], Value::Bool(r))
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
                                        let old = super::sync::replace_value(&mut l[j as usize], v);
                                        drop(l);
                                        old.discard();
                                        k.discard();
                                        o.discard();
                                        continue;
                                    }
                                    v
                                }
                                _ => v,
                            };
                            t!(self.setitem(&o, k, v));
                        }
                        Instr::DeleteSubscr => {
                            let k = pop!(frame);
                            let o = pop!(frame);
                            t!(self.delitem(&o, &k));
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
                        Instr::BuildMap(n) => {
                            let at = frame.stack.len() - 2 * n as usize;
                            let items = frame.stack.split_off(at);
                            let d = Shared::new(PyCell::new(DictMap::with_capacity(n as usize)));
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
                            let items = t!(self.iterate(&it));
                            let n = frame.stack.len();
                            let s = frame.stack[n - d as usize].clone();
                            for x in items {
                                t!(self.set_add(&s, x));
                            }
                        }
                        Instr::DictUpdate(d) | Instr::DictMerge(d) => {
                            let m = pop!(frame);
                            let n = frame.stack.len();
                            let Value::Dict(target) = frame.stack[n - d as usize].clone() else {
                                continue;
                            };
                            let merge = matches!(instr, Instr::DictMerge(_));
                            t!(self.dict_merge(&target, &m, merge));
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
                                3 => new_str(crate::builtins::ascii_escape(&t!(self.repr(&v)))),
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
                        Instr::ForIter(target) => {
                            // Ranges and list/tuple iterators inline.
                            let fast = match top!(frame) {
                                Value::Native(n) => match &**n {
                                    Native::Iter(st) => iter_fast(st),
                                    _ => IterFast::Slow,
                                },
                                _ => IterFast::Slow,
                            };
                            let next = match fast {
                                IterFast::Item(v) => Some(v),
                                IterFast::Done => None,
                                IterFast::Slow => t!(self.next(top!(frame))),
                            };
                            match next {
                                Some(v) => push!(frame, v),
                                None => {
                                    frame.stack.pop();
                                    pc = target as usize;
                                }
                            }
                        }
                        Instr::Call(n) => {
                            let base = frame.stack.len() - n as usize - 1;
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
                        Instr::CallEx(flags) => {
                            let kwargs = if flags & 1 != 0 {
                                Some(pop!(frame))
                            } else {
                                None
                            };
                            let args = pop!(frame);
                            let f = pop!(frame);
                            let args = match &args {
                                Value::Tuple(t) => t.items.to_vec(),
                                _ => t!(self.iterate(&args)),
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
                                    None => Err(PyErr::from(
                                        self.runtime_error("No active exception to reraise"),
                                    )),
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
                            let m = tv!(self.import(code.names[i as usize].as_str(), true));
                            push!(frame, m);
                        }
                        Instr::ImportModule(i) => {
                            let m = tv!(self.import(code.names[i as usize].as_str(), false));
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
        d.traceback.push(TbEntry {
            code: code.co.clone(),
            line: frame.line(),
        });
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
                    super::sync::push_value(&mut stack, d);
                }
                while stack.len() < callee_base + nlocals {
                    super::sync::push_value(&mut stack, Value::Null);
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
        let f = frame.stack[base].clone();
        let r = self.call(&f, &frame.stack[base + 1..], &[]);
        frame.stack.truncate(base);
        r
    }

    /// `super()` in a method: the class from the `__class__` cell and the
    /// first argument of the calling frame.
    fn zero_arg_super(&self, frame: &Frame) -> PyResult<Value> {
        let co = &frame.code.co;
        let ncell = co.cellvars.len();
        let class = co
            .freevars
            .iter()
            .position(|n| n == "__class__")
            .map(|i| frame.cells[ncell + i].lock().clone());
        let Some(Value::Class(class)) = class else {
            return Err(PyErr::from(
                self.runtime_error("super(): __class__ cell not found"),
            ));
        };
        if co.argcount == 0 && !co.has_varargs {
            return Err(PyErr::from(self.runtime_error("super(): no arguments")));
        }
        // The first argument may have been moved into a cell.
        let mut obj = if co.varnames.is_empty() {
            Value::Null
        } else {
            frame.stack[frame.base].clone()
        };
        if obj.is_null() {
            if let Some(i) = co.cell2arg.iter().position(|a| *a == Some(0)) {
                obj = frame.cells[i].lock().clone();
            }
        }
        if obj.is_null() {
            return Err(PyErr::from(self.runtime_error("super(): arg[0] deleted")));
        }
        Ok(Value::native(Native::Super { class, obj }))
    }

    fn unbound_local(&self, name: &Str) -> Value {
        self.new_exc(
            &self.types().exc.UnboundLocalError,
            format!(
                "cannot access local variable '{}' where it is not associated with a value",
                name.as_str()
            ),
        )
    }

    fn deref_name(&self, frame: &Frame, i: usize) -> String {
        let co = &frame.code.co;
        if i < co.cellvars.len() {
            co.cellvars[i].clone()
        } else {
            co.freevars[i - co.cellvars.len()].clone()
        }
    }

    fn unbound_deref(&self, frame: &Frame, i: usize) -> Value {
        let name = self.deref_name(frame, i);
        if i < frame.code.co.cellvars.len() {
            self.unbound_local(&self.intern(&name))
        } else {
            self.new_exc(
                &self.types().exc.NameError,
                format!(
                    "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                    name
                ),
            )
        }
    }

    /// `LoadGlobal` with its inline cache: while the globals' (and, for a
    /// builtin, the builtins') keys are unchanged, the value is read at the
    /// remembered position without hashing.
    #[inline]
    fn load_global_cached(
        &self,
        code: &Code,
        i: usize,
        globals: &Shared<PyDict>,
    ) -> PyResult<Value> {
        const ABSENT: u64 = u32::MAX as u64;
        let name = &code.names[i];
        let cache = &code.global_cache[i];
        let g = globals.lock();
        let gv = g.keys_version as u64;
        let word = cache.globals.load(Ordering::Relaxed);
        if word >> 32 == gv {
            let pos = word & ABSENT;
            if pos != ABSENT {
                if let Some(v) = g.value_if_key(pos as usize, name) {
                    return Ok(v.clone());
                }
            } else {
                drop(g);
                let b = self.interp.builtins.lock();
                let bword = cache.builtins.load(Ordering::Relaxed);
                if bword >> 32 == b.keys_version as u64 {
                    if let Some(v) = b.value_if_key((bword & ABSENT) as usize, name) {
                        return Ok(v.clone());
                    }
                }
                drop(b);
                return self.fill_global_cache(code, i, globals);
            }
        }
        drop(g);
        self.fill_global_cache(code, i, globals)
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
        let gv = (g.keys_version as u64) << 32;
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
        Err(PyErr::from(self.name_error(name.as_str())))
    }

    #[inline]
    pub fn load_global(&self, globals: &Shared<PyDict>, name: &Str) -> PyResult<Value> {
        if let Some(v) = globals.lock().get_str(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.interp.builtins.lock().get_str(name) {
            return Ok(v.clone());
        }
        Err(PyErr::from(self.name_error(name.as_str())))
    }

    /// For `obj.name(...)`: the plain function found on the type, when calling
    /// it with `obj` prepended is equivalent to calling the bound method.
    fn find_method(&self, obj: &Value, name: &Str) -> Option<Value> {
        match obj {
            Value::Instance(inst) => {
                let f = self.class_lookup(&inst.class, name)?;
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

    fn make_function(&mut self, frame: &mut Frame, flags: u32) -> PyResult<Value> {
        let code = pop!(frame);
        let closure = if flags & 8 != 0 {
            Some(pop!(frame))
        } else {
            None
        };
        let kwdefaults = if flags & 2 != 0 {
            Some(pop!(frame))
        } else {
            None
        };
        let defaults = if flags & 1 != 0 {
            Some(pop!(frame))
        } else {
            None
        };
        let Value::Native(n) = code else {
            return Err(PyErr::from(
                self.type_error("MakeFunction needs a code object"),
            ));
        };
        let Native::Code(code) = &*n else {
            return Err(PyErr::from(
                self.type_error("MakeFunction needs a code object"),
            ));
        };
        let cells: Vec<CellRef> = match closure {
            Some(Value::Tuple(t)) => t
                .items
                .iter()
                .filter_map(|c| match c {
                    Value::Native(n) => match &**n {
                        Native::Cell(c) => Some(c.clone()),
                        _ => None,
                    },
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let defaults = match defaults {
            Some(Value::Tuple(t)) => t.items.clone(),
            _ => Box::new([]),
        };
        let kwdefaults = match kwdefaults {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        };
        let name = code.name.clone();
        let qualname = code.qualname.clone();
        let co = &code.co;
        let simple = !co.has_varargs
            && !co.has_varkw
            && co.kwonlyargcount == 0
            && !co.is_generator
            && co.cellvars.is_empty();
        Ok(Value::Func(Shared::new(Function {
            simple_argc: if simple { co.argcount } else { u32::MAX },
            min_argc: if simple {
                co.argcount.saturating_sub(defaults.len() as u32)
            } else {
                u32::MAX
            },
            nlocals: co.varnames.len() as u32,
            max_stack: co.max_stack,
            code: code.clone(),
            globals: frame.globals.clone(),
            defaults,
            kwdefaults,
            closure: cells.into_boxed_slice(),
            name: PyCell::new(name),
            qualname: PyCell::new(qualname),
            dict: PyCell::new(DictMap::new()),
        })))
    }

    fn context_methods(&mut self, ctx: &Value) -> PyResult<(Value, Value)> {
        let enter = self.lookup_special(ctx, "__enter__");
        let exit = self.lookup_special(ctx, "__exit__");
        match (enter, exit) {
            (Some(e), Some(x)) => Ok((e, x)),
            (None, _) => Err(PyErr::from(self.type_error(format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(ctx)
            )))),
            (_, None) => Err(PyErr::from(self.type_error(format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                self.type_name(ctx)
            )))),
        }
    }

    fn exception_match(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        match typ {
            Value::Class(c) if c.is_subclass(&self.types().exc.BaseException) => {
                Ok(self.isinstance(exc, c))
            }
            Value::Tuple(t) => {
                for x in t.items.iter() {
                    if self.exception_match(exc, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::from(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ))),
        }
    }

    /// `raise X`: an instance as it is, a class instantiated with no arguments.
    pub fn make_raisable(&mut self, e: Value) -> PyResult<Value> {
        let base = self.types().exc.BaseException.clone();
        match &e {
            Value::Class(c) if c.is_subclass(&base) => self.call(&e, &[], &[]),
            Value::Instance(i) if i.class.is_subclass(&base) => Ok(e),
            _ => Err(PyErr::from(
                self.type_error("exceptions must derive from BaseException"),
            )),
        }
    }

    fn make_raisable_from(&mut self, e: Value, cause: Value) -> PyResult<Value> {
        let e = self.make_raisable(e)?;
        let cause = match cause {
            Value::None => Value::None,
            c => self
                .make_raisable(c)
                .map_err(|_| self.type_error("exception causes must derive from BaseException"))?,
        };
        if let Some(d) = self.exc_data(&e) {
            let mut d = d.lock();
            d.cause = cause;
            d.suppress_context = true;
        }
        Ok(e)
    }

    fn kwargs_from(&mut self, k: &Value) -> PyResult<Vec<(Str, Value)>> {
        let Value::Dict(d) = k else {
            return Err(PyErr::from(
                self.type_error("argument after ** must be a mapping"),
            ));
        };
        let map = d.lock().clone();
        let mut out = Vec::with_capacity(map.len());
        for (key, v) in map.iter() {
            match key {
                Value::Str(s) => out.push((s.clone(), v.clone())),
                _ => return Err(PyErr::from(self.type_error("keywords must be strings"))),
            }
        }
        Ok(out)
    }

    fn dict_merge(&mut self, target: &Shared<PyDict>, m: &Value, merge: bool) -> PyResult<()> {
        if !merge {
            return crate::builtins::dict::update_from(self, target, m);
        }
        let Value::Dict(src) = m else {
            if let Value::Instance(_) = m {
                let keys = self.call_method(m, "keys", &[])?;
                for k in self.iterate(&keys)? {
                    let v = self.getitem(m, &k)?;
                    self.dict_set(target, k, v)?;
                }
                return Ok(());
            }
            return Err(PyErr::from(self.type_error(format!(
                "argument after ** must be a mapping, not {}",
                self.type_name(m)
            ))));
        };
        let entries: Vec<(Value, Value)> = src
            .lock()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in entries {
            if self.dict_get(target, &k)?.is_some() {
                let name = k.as_str().unwrap_or("?").to_string();
                return Err(PyErr::from(self.type_error(format!(
                    "got multiple values for keyword argument '{}'",
                    name
                ))));
            }
            self.dict_set(target, k, v)?;
        }
        Ok(())
    }

    fn unpack_into(&mut self, seq: &Value, n: usize, stack: &mut Vec<Value>) -> PyResult<()> {
        if let Value::Tuple(t) = seq {
            if t.items.len() == n {
                for v in t.items.iter().rev() {
                    super::sync::push_value(stack, v.clone());
                }
                return Ok(());
            }
        }
        let items: Vec<Value> = match seq {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.lock().clone(),
            _ => {
                if !self.is_iterable(seq) {
                    return Err(PyErr::from(self.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.type_name(seq)
                    ))));
                }
                self.iterate(seq)?
            }
        };
        if items.len() < n {
            return Err(PyErr::from(self.value_error(format!(
                "not enough values to unpack (expected {}, got {})",
                n,
                items.len()
            ))));
        }
        if items.len() > n {
            return Err(PyErr::from(self.value_error(format!(
                "too many values to unpack (expected {})",
                n
            ))));
        }
        stack.extend(items.into_iter().rev());
        Ok(())
    }

    fn unpack_ex_into(
        &mut self,
        seq: &Value,
        before: usize,
        after: usize,
        stack: &mut Vec<Value>,
    ) -> PyResult<()> {
        if !self.is_iterable(seq) {
            return Err(PyErr::from(self.type_error(format!(
                "cannot unpack non-iterable {} object",
                self.type_name(seq)
            ))));
        }
        let mut items = self.iterate(seq)?;
        if items.len() < before + after {
            return Err(PyErr::from(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            ))));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        stack.extend(tail.into_iter().rev());
        stack.push(Value::list(middle));
        stack.extend(items.into_iter().rev());
        Ok(())
    }

    // ---- generators ----

    /// Resumes a generator with `value` (or throws `throw` into it).
    pub fn gen_resume(
        &mut self,
        gen: &Value,
        value: Value,
        throw: Option<Value>,
    ) -> PyResult<GenResult> {
        let Value::Native(n) = gen else {
            return Err(PyErr::from(self.type_error("not a generator")));
        };
        let Native::Generator(state) = &**n else {
            return Err(PyErr::from(self.type_error("not a generator")));
        };
        let (mut frame, saved) = {
            let mut st = state.lock();
            if st.running {
                return Err(PyErr::from(self.value_error("generator already executing")));
            }
            if st.finished {
                drop(st);
                return match throw {
                    Some(e) => Err(PyErr::from(e)),
                    None => Ok(GenResult::Returned(Value::None)),
                };
            }
            let Some(frame) = st.frame.take() else {
                return Ok(GenResult::Returned(Value::None));
            };
            st.running = true;
            (frame, std::mem::take(&mut st.saved_exc))
        };
        if frame.pc == 0 {
            if throw.is_none() && !value.is_none() {
                let mut st = state.lock();
                st.running = false;
                st.frame = Some(frame);
                st.saved_exc = saved;
                return Err(PyErr::from(self.type_error(
                    "can't send non-None value to a just-started generator",
                )));
            }
        } else if throw.is_none() {
            push!(frame, value);
        }
        let exc_base = self.exc_stack.len();
        self.exc_stack.extend(saved);
        self.depth += 1;
        let r = match self.check_recursion() {
            Ok(()) => self.execute(&mut frame, throw),
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
                if self.isinstance(&e, &self.types().exc.StopIteration.clone()) {
                    let r = self.runtime_error("generator raised StopIteration");
                    if let Some(d) = self.exc_data(&r) {
                        let mut d = d.lock();
                        d.cause = (e.clone()).into_value();
                        d.context = (e).into_value();
                        d.suppress_context = true;
                    }
                    return Err(PyErr::from(r));
                }
                Err(e)
            }
        }
    }

    /// `yield from` delegation: send into a generator, or `next`/`send` on an iterator.
    fn send_to(&mut self, it: &Value, v: Value) -> PyResult<GenResult> {
        if let Value::Native(n) = it {
            if let Native::Generator(_) = &**n {
                return self.gen_resume(it, v, None);
            }
        }
        if v.is_none() {
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

    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let m = self.getattr_str(obj, name)?;
        self.call(&m, args, &[])
    }

    // ---- modules ----

    /// Runs a module's code in a fresh namespace called `name`.
    pub fn run_module_code(
        &mut self,
        code: &std::sync::Arc<crate::compiler::bytecode::CodeObject>,
        name: &str,
    ) -> PyResult<Shared<PyDict>> {
        let globals = Shared::new(PyCell::new(DictMap::new()));
        // A module namespace is shared by every function of the module.
        Shared::make_immortal(&globals);
        {
            let mut g = globals.lock();
            g.set_by_str("__name__", new_str(name));
            g.set_by_str("__doc__", Value::None);
            g.set_by_str("__file__", new_str(code.filename.as_ref()));
        }
        self.run_code_in(code, &globals)?;
        Ok(globals)
    }

    pub fn run_code_in(
        &mut self,
        code: &std::sync::Arc<crate::compiler::bytecode::CodeObject>,
        globals: &Shared<PyDict>,
    ) -> PyResult<Value> {
        let code = self.load_code(code);
        let nlocals = code.co.varnames.len();
        let ncells = code.co.cellvars.len();
        let mut frame = Frame {
            stack: {
                let mut stack = Vec::with_capacity(nlocals + code.co.max_stack as usize);
                stack.resize(nlocals, Value::Null);
                stack
            },
            base: 0,
            yielded: false,
            cells: (0..ncells)
                .map(|_| Shared::new(PyCell::new(Value::Null)))
                .collect(),
            code,
            pc: 0,
            blocks: Vec::new(),
            globals: globals.clone(),
            locals: None,
        };
        self.current_globals.push(globals.clone());
        let r = self.run_call_frame(&mut frame);
        self.current_globals.pop();
        r
    }

    fn run_call_frame(&mut self, frame: &mut Frame) -> PyResult<Value> {
        self.depth += 1;
        let r = self.run_frame(frame);
        self.depth -= 1;
        r
    }

    fn import_star(&mut self, frame: &mut Frame, m: &Value) -> PyResult<()> {
        let Value::Module(m) = m else {
            return Err(PyErr::from(self.type_error("import * needs a module")));
        };
        let entries: Vec<(Value, Value)> = m
            .dict
            .lock()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let ns = frame.locals.as_ref().unwrap_or(&frame.globals).clone();
        for (k, v) in entries {
            if let Value::Str(s) = &k {
                if !s.as_str().starts_with('_') {
                    ns.lock().set_str(s, v);
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, m: &Value, name: &Str) -> PyResult<Value> {
        match self.getattr_opt(m, name)? {
            Some(v) => Ok(v),
            None => {
                // A submodule not yet imported (e.g. `from concurrent import futures`).
                if let Value::Module(md) = m {
                    let full = format!("{}.{}", md.name.as_str(), name.as_str());
                    if let Ok(sub) = self.import(&full, false) {
                        return Ok(sub);
                    }
                    return Err(PyErr::from(self.new_exc(
                        &self.types().exc.ImportError,
                        format!(
                            "cannot import name '{}' from '{}'",
                            name.as_str(),
                            md.name.as_str()
                        ),
                    )));
                }
                Err(PyErr::from(self.new_exc(
                    &self.types().exc.ImportError,
                    format!("cannot import name '{}'", name.as_str()),
                )))
            }
        }
    }

    /// `import name`: returns the top-level package when `top`, else the leaf.
    pub fn import(&mut self, name: &str, top: bool) -> PyResult<Value> {
        let mut parent: Option<Value> = None;
        let mut first: Option<Value> = None;
        let mut so_far = String::new();
        for part in name.split('.') {
            if !so_far.is_empty() {
                so_far.push('.');
            }
            so_far.push_str(part);
            let m = self.import_one(&so_far)?;
            if let Some(Value::Module(p)) = &parent {
                p.dict.lock().set_by_str(part, m.clone());
            }
            if first.is_none() {
                first = Some(m.clone());
            }
            parent = Some(m);
        }
        let leaf = parent.unwrap_or(Value::None);
        Ok(if top { first.unwrap_or(leaf) } else { leaf })
    }

    fn import_one(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.interp.modules.lock().get_by_str(name).cloned() {
            return Ok(m);
        }
        if let Some(src) = crate::stdlib::embedded_source(name) {
            return self.import_source(name, src);
        }
        let e = self.new_exc(
            &self.types().exc.ModuleNotFoundError,
            format!("No module named '{}'", name),
        );
        if let Value::Instance(i) = &e {
            i.dict.lock().set_by_str("name", new_str(name));
        }
        Err(PyErr::from(e))
    }

    /// Compiles and runs a module written in gilpy itself, registering it first
    /// so that circular imports see the partly built module.
    fn import_source(&mut self, name: &str, src: &str) -> PyResult<Value> {
        let filename = format!("<gilpy {}>", name);
        let code = match crate::compile_source(src, &filename) {
            Ok(c) => c,
            Err(e) => {
                return Err(PyErr::from(self.new_exc(
                    &self.types().exc.ImportError,
                    format!("{}: {}", name, e.msg),
                )))
            }
        };
        self.interp.sources.lock().insert(filename, src.into());
        let globals = Shared::new(PyCell::new(DictMap::new()));
        // A module namespace is shared by every function of the module.
        Shared::make_immortal(&globals);
        {
            let mut g = globals.lock();
            g.set_by_str("__name__", new_str(name));
        }
        let module = Value::Module(Shared::new(Module {
            name: self.intern(name),
            dict: globals.clone(),
        }));
        self.interp.modules.lock().set_by_str(name, module.clone());
        if let Err(e) = self.run_code_in(&code, &globals) {
            self.interp.modules.lock().remove_str(name);
            return Err(e);
        }
        Ok(module)
    }
}
