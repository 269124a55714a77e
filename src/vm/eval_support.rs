//! The out-of-line work of some instructions, kept out of the eval loop's
//! file: unpacking, raising and matching exceptions, the `with` protocol's
//! lookups, `**` merging, zero-argument `super()` and the unbound-name errors.

use super::frame::Frame;
use super::object::*;
use super::sync::Shared;
use super::value::{PyDict, Str, Value};
use super::PyErr;
use super::Vm;

impl Vm {
    /// `super()` in a method: the class from the `__class__` cell and the
    /// first argument of the calling frame.
    pub(super) fn zero_arg_super(&self, frame: &Frame) -> PyResult<Value> {
        let co = &frame.code.co;
        let ncell = co.cellvars.len();
        let class = co
            .freevars
            .iter()
            .position(|n| n == "__class__")
            .map(|i| frame.cells[ncell + i].lock().clone());
        let Some(Value::Class(class)) = class else {
            return Err(self.runtime_error("super(): __class__ cell not found"));
        };
        if co.argcount == 0 && !co.has_varargs {
            return Err(self.runtime_error("super(): no arguments"));
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
            return Err(self.runtime_error("super(): arg[0] deleted"));
        }
        Ok(Value::native(Native::Super { class, obj }))
    }

    pub(super) fn unbound_local(&self, name: &Str) -> Value {
        self.new_exc(
            &self.types().exc.UnboundLocalError,
            format!(
                "cannot access local variable '{}' where it is not associated with a value",
                name.as_str()
            ),
        )
    }

    pub(super) fn deref_name(&self, frame: &Frame, i: usize) -> String {
        let co = &frame.code.co;
        if i < co.cellvars.len() {
            co.cellvars[i].clone()
        } else {
            co.freevars[i - co.cellvars.len()].clone()
        }
    }

    pub(super) fn unbound_deref(&self, frame: &Frame, i: usize) -> Value {
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

    pub(super) fn context_methods(&mut self, ctx: &Value) -> PyResult<(Value, Value)> {
        let enter = self.lookup_special(ctx, "__enter__");
        let exit = self.lookup_special(ctx, "__exit__");
        match (enter, exit) {
            (Some(e), Some(x)) => Ok((e, x)),
            (None, _) => Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(ctx)
            ))),
            (_, None) => Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                self.type_name(ctx)
            ))),
        }
    }

    pub(super) fn exception_match(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
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
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// `raise X`: an instance as it is, a class instantiated with no arguments.
    pub fn make_raisable(&mut self, e: Value) -> PyResult<Value> {
        let base = self.types().exc.BaseException.clone();
        match &e {
            Value::Class(c) if c.is_subclass(&base) => self.call(&e, &[], &[]),
            Value::Instance(i) if i.class().is_subclass(&base) => Ok(e),
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    pub(super) fn make_raisable_from(&mut self, e: Value, cause: Value) -> PyResult<Value> {
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

    /// CPython's error for `f(*x)` when `x` is not iterable at all (an
    /// error raised while iterating it is left as it is).
    pub(super) fn star_args_error(&mut self, f: &Value, args: &Value, e: PyErr) -> PyErr {
        let iterable = self.lookup_special(args, "__iter__").is_some()
            || self.lookup_special(args, "__getitem__").is_some();
        if iterable || !self.isinstance(e.value(), &self.types().exc.TypeError) {
            return e;
        }
        let name = self.function_str(f);
        self.type_error(format!(
            "{name} argument after * must be an iterable, not {}",
            self.type_name(args)
        ))
    }

    /// How CPython names a callable in argument errors: `module.qualname()`,
    /// or `qualname()` for built-ins.
    pub(super) fn function_str(&mut self, f: &Value) -> String {
        let qualname = match self.getattr_str(f, "__qualname__") {
            Ok(Value::Str(s)) => s.as_str().to_string(),
            _ => {
                return self
                    .str_value(f)
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default()
            }
        };
        match self.getattr_str(f, "__module__") {
            Ok(Value::Str(m)) if m.as_str() != "builtins" => format!("{}.{qualname}()", m.as_str()),
            _ => format!("{qualname}()"),
        }
    }

    pub(super) fn kwargs_from(&mut self, k: &Value) -> PyResult<Vec<(Str, Value)>> {
        let Value::Dict(d) = k else {
            return Err(self.type_error("argument after ** must be a mapping"));
        };
        let map = d.lock().clone();
        let mut out = Vec::with_capacity(map.len());
        for (key, v) in map.iter() {
            match key {
                Value::Str(s) => out.push((s.clone(), v.clone())),
                _ => return Err(self.type_error("keywords must be strings")),
            }
        }
        Ok(out)
    }

    /// `DictUpdate` (`call` is `None`) and `DictMerge`, which gathers the
    /// `**` arguments of a call to `call` (named in its errors).
    pub(super) fn dict_merge(
        &mut self,
        target: &Shared<PyDict>,
        m: &Value,
        call: Option<&Value>,
    ) -> PyResult<()> {
        let Some(func) = call else {
            return self.dict_update(target, m);
        };
        let Value::Dict(src) = m else {
            if let Value::Instance(_) = m {
                let keys = self.call_method(m, "keys", &[])?;
                for k in self.iterate(&keys)? {
                    let v = self.getitem(m, &k)?;
                    self.dict_set(target, k, v)?;
                }
                return Ok(());
            }
            let name = self.function_str(func);
            return Err(self.type_error(format!(
                "{name} argument after ** must be a mapping, not {}",
                self.type_name(m)
            )));
        };
        let entries: Vec<(Value, Value)> = src.lock().items();
        for (k, v) in entries {
            if self.dict_get(target, &k)?.is_some() {
                let key = k.as_str().unwrap_or("?").to_string();
                let name = self.function_str(func);
                return Err(self.type_error(format!(
                    "{name} got multiple values for keyword argument '{key}'"
                )));
            }
            self.dict_set(target, k, v)?;
        }
        Ok(())
    }

    pub(super) fn unpack_into(
        &mut self,
        seq: &Value,
        n: usize,
        stack: &mut Vec<Value>,
    ) -> PyResult<()> {
        if let Value::Tuple(t) = seq {
            if t.items.len() == n {
                for v in t.items.iter().rev() {
                    super::words::push_value(stack, v.clone());
                }
                return Ok(());
            }
        }
        let items: Vec<Value> = match seq {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.lock().clone(),
            _ => {
                if !self.is_iterable(seq) {
                    return Err(self.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.type_name(seq)
                    )));
                }
                self.iterate(seq)?
            }
        };
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {}, got {})",
                n,
                items.len()
            )));
        }
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {})", n)));
        }
        stack.extend(items.into_iter().rev());
        Ok(())
    }

    pub(super) fn unpack_ex_into(
        &mut self,
        seq: &Value,
        before: usize,
        after: usize,
        stack: &mut Vec<Value>,
    ) -> PyResult<()> {
        if !self.is_iterable(seq) {
            return Err(self.type_error(format!(
                "cannot unpack non-iterable {} object",
                self.type_name(seq)
            )));
        }
        let mut items = self.iterate(seq)?;
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        stack.extend(tail.into_iter().rev());
        stack.push(Value::list(middle));
        stack.extend(items.into_iter().rev());
        Ok(())
    }

    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let m = self.getattr_str(obj, name)?;
        self.call(&m, args, &[])
    }
}

impl Vm {
    /// `LoadName` in a class body whose namespace is a mapping object: its
    /// `__getitem__`, then the globals and builtins.
    pub(super) fn mapping_load_name(
        &mut self,
        mapping: &Value,
        globals: &Shared<PyDict>,
        name: &Str,
    ) -> PyResult<Value> {
        match self.getitem(mapping, &Value::Str(name.clone())) {
            Ok(v) => Ok(v),
            Err(e) if self.isinstance(&e, &self.types().exc.KeyError.clone()) => {
                self.load_global(globals, name)
            }
            Err(e) => Err(e),
        }
    }
}
