//! Looking at running code from Python: the frames of this thread
//! (`sys._getframe`, `locals()`, `globals()`, the defaults of `eval` and
//! `exec`), frame, traceback and code objects, `exec`/`eval` of code in a
//! namespace, and the prompt's display of expression values.

use super::dict::DictMap;
use super::frame::Frame;
use super::host::CompileMode;
use super::object::*;
use super::sync::{PyCell, Shared};
use super::value::{PyDict, Value};
use super::Vm;

/// What a frame object shows: a snapshot taken when it was asked for.
pub struct FrameInfo {
    pub code: Shared<Code>,
    pub globals: Shared<PyDict>,
    /// The namespace `f_locals` gives (None while `slots` holds them).
    pub locals: Value,
    /// A function's variables (its local slots, then its cells' contents,
    /// `Null` where unbound) as they were, made into a dict only when
    /// `f_locals` is read: the frames of a deep stack cost a copy each,
    /// not a dict each, when `sys._getframe` makes them.
    pub slots: Option<Box<[Value]>>,
    pub lineno: u32,
    pub back: Value,
}

/// One level of a traceback (`e.__traceback__`).
pub struct TracebackInfo {
    pub frame: Value,
    /// Where the frame was: what an exception given this chain records.
    pub entry: TbEntry,
    /// `tb_next`, which Python code may cut (unittest does).
    pub next: PyCell<Value>,
}

impl Vm {
    /// The frame `depth` levels out from the innermost one running Python
    /// code on this thread (0: the frame that called the running builtin).
    fn frame_at(&self, depth: usize) -> Option<&Frame> {
        let i = self.frames.len().checked_sub(depth + 1)?;
        let ptr = self.frames[i];
        // SAFETY: `run` pushes a frame here when it starts running it and
        // pops it before returning, so the frame is alive (frames live on
        // the native stack of `run`'s callers or in a generator's box, which
        // does not move while it runs). Every frame on this stack is
        // suspended in a call: the innermost one in the call to the builtin
        // that asks, the outer ones in the calls that led there. A suspended
        // eval loop does not touch its frame until the call returns, and
        // the `&Frame` handed out here does not outlive `&self`, which the
        // caller holds across no such return. Only shared reads are made.
        Some(unsafe { ptr.as_ref() })
    }

    /// The Python frames of this thread, outermost first: code and line.
    pub fn stack_summary(
        &self,
    ) -> Vec<(std::sync::Arc<crate::compiler::bytecode::CodeObject>, u32)> {
        (0..self.frames.len())
            .rev()
            .filter_map(|d| self.frame_at(d).map(|f| (f.code.co.clone(), f.line())))
            .collect()
    }

    /// The globals of the code that called the running builtin.
    pub fn caller_globals(&self) -> Option<Shared<PyDict>> {
        self.frame_at(0).map(|f| f.globals.clone())
    }

    /// `locals()` of the code that called the running builtin: the
    /// namespace of a module, class body or `exec`, or a snapshot of a
    /// function's local variables (as CPython 3.11 gives).
    pub fn caller_locals(&self) -> Option<Value> {
        let f = self.frame_at(0)?;
        Some(frame_locals(f, &f.stack))
    }

    /// `gen.gi_frame` (`cr_frame`, `ag_frame`): a snapshot of a suspended
    /// generator's frame; None once it has finished (and while it runs:
    /// its frame is then on the stack, not in the generator).
    pub fn generator_frame(&self, g: &PyCell<GenState>) -> Value {
        let st = g.lock();
        match &st.frame {
            Some(f) if !st.finished => {
                let info = FrameInfo {
                    code: f.code.clone(),
                    globals: f.globals.clone(),
                    locals: frame_locals(f, &f.stack),
                    slots: None,
                    lineno: if f.pc == 0 {
                        f.code.co.firstlineno
                    } else {
                        f.line()
                    },
                    back: Value::None,
                };
                drop(st);
                super::native::new_object(self, info)
            }
            _ => Value::None,
        }
    }

    /// `sys._getframe(depth)`: a frame object for the frame `depth` levels
    /// out, with its callers as `f_back`.
    pub fn frame_object(&mut self, depth: usize) -> Option<Value> {
        let n = self.frames.len();
        if depth >= n {
            return None;
        }
        // Outermost first, so that each snapshot can point to its caller.
        let mut back = Value::None;
        for d in (depth..n).rev() {
            let f = self.frame_at(d)?;
            // A frame in a plain call has lent its buffer, its locals
            // included, to the callee: the first frame inwards that has a
            // buffer holds it.
            let buffer = (0..=d)
                .rev()
                .filter_map(|i| self.frame_at(i))
                .map(|g| &g.stack)
                .find(|b| !b.is_empty())
                .unwrap_or(&f.stack);
            // The frame asked for gets its dict now; its callers' variables
            // are copied, for a dict if their f_locals is read.
            let (locals, slots) = match namespace(f) {
                Some(ns) => (ns, None),
                None if d == depth => (locals_from_slots(&f.code, &slot_values(f, buffer)), None),
                None => (Value::None, Some(slot_values(f, buffer))),
            };
            let info = FrameInfo {
                code: f.code.clone(),
                globals: f.globals.clone(),
                // Every level's own variables (a function's are copied
                // into a dict, as CPython's f_locals gives them).
                locals,
                slots,
                lineno: f.line(),
                back,
            };
            back = super::native::new_object(self, info);
        }
        Some(back)
    }

    /// `e.__traceback__`: a chain of traceback objects, outermost first,
    /// built from the frames the exception passed.
    pub fn traceback_object(&mut self, exc: &Value) -> Value {
        let Some(data) = self.exc_data(exc) else {
            return Value::None;
        };
        // Only the entries added since the chain was last given out are
        // made into objects, in front of it.
        let (n, mut next, newer) = {
            let d = data.lock();
            let n = d.traceback.len();
            match d.tb_objects.clone() {
                Some((done, chain)) if done == n => return chain,
                Some((done, chain)) if done < n => (n, chain, d.traceback[done..].to_vec()),
                _ => (n, Value::None, d.traceback.clone()),
            }
        };
        // Entries are innermost first: the chain is built from there out.
        for e in newer {
            next = self.traceback_level(e, next);
        }
        data.lock().tb_objects = Some((n, next.clone()));
        next
    }

    fn traceback_level(&mut self, e: TbEntry, next: Value) -> Value {
        let code = self.load_code_transient(&e.code);
        let frame = super::native::new_object(
            self,
            FrameInfo {
                code,
                globals: e.globals.clone(),
                // Empty, and not tracked: CPython makes no `f_locals` for
                // a traceback's frame until it is asked for.
                locals: Value::Dict(Shared::new(PyCell::new(DictMap::new()))),
                slots: None,
                lineno: e.line,
                back: Value::None,
            },
        );
        super::native::new_object(
            self,
            TracebackInfo {
                frame,
                entry: e,
                next: PyCell::new(next),
            },
        )
    }

    /// `e.__traceback__ = tb` (and `e.with_traceback(tb)`): the exception
    /// records the chain's entries from then on.
    pub fn set_traceback(&mut self, exc: &Value, tb: &Value) -> PyResult<()> {
        let mut entries = Vec::new();
        let mut cur = tb.clone();
        while !matches!(cur, Value::None) {
            let next = match super::native::downcast::<TracebackInfo>(&cur) {
                Some(info) => {
                    entries.push(info.entry.clone());
                    info.next.lock().clone()
                }
                None => {
                    let msg = "__traceback__ must be a traceback or None";
                    return Err(self.type_error(msg.to_string()));
                }
            };
            cur = next;
        }
        // Entries are kept innermost first.
        entries.reverse();
        if let Some(d) = self.exc_data(exc) {
            let mut d = d.lock();
            d.tb_objects = Some((entries.len(), tb.clone()));
            d.traceback = entries;
        }
        Ok(())
    }

    /// Runs compiled code in `globals`, with `locals` as the namespace for
    /// names (`exec`/`eval`; the same dict when `None`). Returns what the
    /// code returns (an `eval` expression's value).
    pub fn run_in_namespace(
        &mut self,
        code: &Shared<Code>,
        globals: &Shared<PyDict>,
        locals: Option<Shared<PyDict>>,
    ) -> PyResult<Value> {
        {
            let mut g = globals.lock();
            if g.get_by_str("__builtins__").is_none() {
                let b = self.interp.modules.lock().get_by_str("builtins").cloned();
                if let Some(b) = b {
                    g.set_by_str("__builtins__", b);
                }
            }
        }
        let nlocals = code.co.varnames.len();
        let ncells = code.co.cellvars.len() + code.co.freevars.len();
        let locals = locals.filter(|l| !Shared::ptr_eq(l, globals));
        let mut frame = Frame {
            stack: {
                let mut stack = Vec::with_capacity(nlocals + code.co.max_stack as usize);
                stack.resize(nlocals, Value::Null);
                stack
            },
            base: 0,
            yielded: false,
            cells: (0..ncells)
                .map(|_| super::gc::new_cell(Value::Null))
                .collect(),
            code: code.clone(),
            pc: 0,
            blocks: Vec::new(),
            globals: globals.clone(),
            locals,
            locals_mapping: None,
        };
        self.current_globals.push(globals.clone());
        let r = self.run_call_frame(&mut frame);
        self.current_globals.pop();
        r
    }

    /// Compiles `source` in `mode` (a `SyntaxError` exception if it does
    /// not compile) into a code object that is freed when unused.
    pub fn compile_source(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> PyResult<Shared<Code>> {
        let co = (self.interp.host.compile)(source, filename, mode)
            .map_err(|e| self.syntax_error(&e))?;
        self.interp
            .sources
            .lock()
            .insert(filename.to_string(), source.into());
        Ok(self.load_code_transient(&co))
    }

    /// The prompt's display of an expression statement's value:
    /// `sys.displayhook(value)`, or by default its repr on stdout, kept in
    /// `builtins._` (`None` shows nothing).
    pub fn display_value(&mut self, v: Value) -> PyResult<()> {
        let sys = self.interp.modules.lock().get_by_str("sys").cloned();
        if let Some(sys) = &sys {
            if let Some(hook) = self.getattr_opt(sys, &self.intern("displayhook"))? {
                self.call(&hook, &[v], &[])?;
                return Ok(());
            }
        }
        if v.is_none() {
            return Ok(());
        }
        let text = self.repr(&v)?;
        self.interp.builtins.lock().set_by_str("_", v);
        super::stdio::write_to(self, &Value::None, &format!("{}\n", text), false)
    }
}

/// A frame's local namespace as `locals()` shows it.
/// `f`'s variables; its local slots are read from `buffer` (its own stack,
/// or the one it lent to the call it is in).
fn frame_locals(f: &Frame, buffer: &[Value]) -> Value {
    namespace(f).unwrap_or_else(|| locals_from_slots(&f.code, &slot_values(f, buffer)))
}

/// The dict a module body, class body or `exec` runs in, if `f` has one.
fn namespace(f: &Frame) -> Option<Value> {
    if let Some(l) = &f.locals {
        return Some(Value::Dict(l.clone()));
    }
    let co = &f.code.co;
    (co.name == "<module>" && co.varnames.is_empty()).then(|| Value::Dict(f.globals.clone()))
}

/// A function frame's variables: its local slots (read from `buffer`),
/// then the contents of its cells.
fn slot_values(f: &Frame, buffer: &[Value]) -> Box<[Value]> {
    let n = f.code.co.varnames.len();
    let mut out = Vec::with_capacity(n + f.cells.len());
    out.extend((0..n).map(|i| buffer.get(f.base + i).cloned().unwrap_or(Value::Null)));
    out.extend(f.cells.iter().map(|c| c.lock().clone()));
    out.into_boxed_slice()
}

/// `f_locals` from [`slot_values`]: each bound name with its value.
pub fn locals_from_slots(code: &Code, slots: &[Value]) -> Value {
    let co = &code.co;
    let names = co.varnames.iter().chain(&co.cellvars).chain(&co.freevars);
    let mut d = DictMap::new();
    for (name, v) in names.zip(slots.iter()) {
        if !v.is_null() {
            d.set_by_str(name, v.clone());
        }
    }
    Value::dict(d)
}
