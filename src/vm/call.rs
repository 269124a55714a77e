//! Calling things: argument binding for Python functions, builtins, bound
//! methods, classes (instantiation) and callable instances.

use super::dict::DictMap;
use super::frame::Frame;
use super::object::*;
use super::sync::{PyCell, Shared};
use super::value::{Str, Value};
use super::Vm;

/// Empties a vector of values, calling the out-of-line drop glue only for
/// the ones that own a heap object (immediates own nothing).
#[inline(always)]
pub fn clear_values(v: &mut Vec<Value>) {
    truncate_values(v, 0);
}

/// `v.truncate(len)`, with the drops of immediates inline.
#[inline]
pub fn truncate_values(v: &mut Vec<Value>, len: usize) {
    while v.len() > len {
        v.pop().expect("longer than len").discard();
    }
}

impl Vm {
    pub fn call(&mut self, f: &Value, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
        match f {
            Value::Func(func) => self.call_function(func, args, kw),
            Value::Builtin(b) => self.call_builtin(b, args, kw),
            Value::Method(m) => {
                let (func, self_) = (m.func.clone(), m.self_.clone());
                self.call_with_self(&func, self_, args, kw)
            }
            Value::Class(cls) => self.instantiate(cls, args, kw),
            _ => {
                let cls = self.class_of(f);
                if let Some(c) = cls.lookup(&self.names.call.clone()) {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(f.clone());
                    all.extend_from_slice(args);
                    return self.call(&c, &all, kw);
                }
                Err(self.type_error(format!("'{}' object is not callable", self.type_name(f))))
            }
        }
    }

    /// Calls a native function, after checking its declared arity.
    #[inline]
    fn call_builtin(
        &mut self,
        b: &Builtin,
        args: &[Value],
        kw: &[(Str, Value)],
    ) -> PyResult<Value> {
        // Native functions that call back into Python (or into themselves,
        // like `object.__repr__` on a type without its own) must not
        // overflow the native stack.
        if self.native_stack_low() {
            return Err(self.recursion_error(""));
        }
        match &b.bound {
            None => {
                if b.method && args.is_empty() {
                    // `bytes.split()`: a method taken from its class and
                    // called with no instance.
                    let owner = b
                        .owner
                        .as_ref()
                        .map_or(String::new(), |o| format!("{}.", o.as_str()));
                    return Err(self.type_error(format!(
                        "unbound method {owner}{}() needs an argument",
                        b.name
                    )));
                }
                let given = args.len() - b.method as usize;
                if !b.arity.accepts(given) {
                    return Err(self.builtin_arity_error(b, args, given));
                }
                if b.method && matches!(args.first(), Some(Value::Instance(_))) {
                    if let Some(all) = self.builtin_self(b, args) {
                        return (b.func)(self, &all, kw);
                    }
                }
                (b.func)(self, args, kw)
            }
            Some(s) => {
                if !b.arity.accepts(args.len()) {
                    let all = [s.clone()];
                    return Err(self.builtin_arity_error(b, &all, args.len()));
                }
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(s.clone());
                all.extend_from_slice(args);
                (b.func)(self, &all, kw)
            }
        }
    }

    /// A method's exact-count message names its type, as CPython's does
    /// (`list.append() takes exactly one argument (0 given)`).
    #[cold]
    fn builtin_arity_error(&self, b: &Builtin, args: &[Value], given: usize) -> PyErr {
        let qualified;
        let name = match args.first() {
            Some(this) if b.method && b.arity.min == b.arity.max && !b.name.starts_with("__") => {
                qualified = format!("{}.{}", self.type_name(this), b.name);
                &qualified
            }
            _ => b.name,
        };
        super::native::arity_error(self, name, b.arity, given)
    }

    /// Calls `f(self_, *args, **kw)`; up to two arguments need no vector.
    pub fn call_with_self(
        &mut self,
        f: &Value,
        self_: Value,
        args: &[Value],
        kw: &[(Str, Value)],
    ) -> PyResult<Value> {
        match args {
            [] => self.call(f, &[self_], kw),
            [a] => self.call(f, &[self_, a.clone()], kw),
            [a, b] => self.call(f, &[self_, a.clone(), b.clone()], kw),
            _ => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(self_);
                all.extend_from_slice(args);
                self.call(f, &all, kw)
            }
        }
    }

    pub fn call_function(
        &mut self,
        func: &Shared<Function>,
        args: &[Value],
        kw: &[(Str, Value)],
    ) -> PyResult<Value> {
        let frame = self.make_frame(func, args, kw)?;
        if func.code.co.is_generator || func.code.co.is_coroutine {
            return Ok(super::generator::new_generator(frame, func));
        }
        self.run_call(frame)
    }

    /// Runs a fresh frame to completion, counting it against the recursion limit.
    pub fn run_call(&mut self, mut frame: Frame) -> PyResult<Value> {
        self.depth += 1;
        if let Err(e) = self.check_recursion() {
            self.depth -= 1;
            return Err(e);
        }
        let r = self.run_frame(&mut frame);
        self.depth -= 1;
        self.recycle_frame(&mut frame);
        r
    }

    /// Keeps a finished frame's buffers for the next call.
    #[inline]
    pub fn recycle_frame(&mut self, frame: &mut Frame) {
        if self.frame_pool.len() < 64 {
            let mut stack = std::mem::take(&mut frame.stack);
            clear_values(&mut stack);
            self.frame_pool.push(stack);
        }
    }

    /// Binds arguments to a new frame's locals, as CPython does, with its messages.
    pub fn make_frame(
        &mut self,
        func: &Shared<Function>,
        args: &[Value],
        kw: &[(Str, Value)],
    ) -> PyResult<Frame> {
        let code = func.code.clone();
        let co = &code.co;
        let nlocals = co.varnames.len();
        // Reuse the buffers of a finished frame: no allocation per call.
        let mut fast = self.frame_pool.pop().unwrap_or_default();
        fast.reserve(nlocals + co.max_stack as usize);
        let argcount = co.argcount as usize;
        let simple = kw.is_empty() && !co.has_varargs && !co.has_varkw && co.kwonlyargcount == 0;
        if simple && args.len() == argcount {
            fast.extend_from_slice(args);
        } else {
            self.bind_args(func, args, kw, &mut fast)?;
        }
        fast.resize(nlocals, Value::Null);
        let ncells = co.cellvars.len() + co.freevars.len();
        let mut cells: Vec<CellRef> = if ncells == 0 {
            Vec::new()
        } else {
            Vec::with_capacity(ncells)
        };
        for (i, _) in co.cellvars.iter().enumerate() {
            let init = match co.cell2arg.get(i).copied().flatten() {
                Some(slot) => std::mem::replace(&mut fast[slot as usize], Value::Null),
                None => Value::Null,
            };
            cells.push(super::gc::new_cell(init));
        }
        cells.extend(func.closure.iter().cloned());
        Ok(Frame {
            stack: fast,
            base: 0,
            yielded: false,
            code,
            pc: 0,
            cells,
            blocks: Vec::new(),
            globals: func.globals.clone(),
            locals: None,
            locals_mapping: None,
        })
    }

    fn bind_args(
        &mut self,
        func: &Shared<Function>,
        args: &[Value],
        kw: &[(Str, Value)],
        fast: &mut Vec<Value>,
    ) -> PyResult<()> {
        let co = func.code.co.clone();
        // Only error messages use the name: a cheap reference, not a copy.
        let qual = func.qualname.lock().clone();
        let argcount = co.argcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let total = argcount + kwonly;
        fast.resize(
            total + co.has_varargs as usize + co.has_varkw as usize,
            Value::Null,
        );
        let npos = args.len().min(argcount);
        fast[..npos].clone_from_slice(&args[..npos]);
        if args.len() > argcount {
            if co.has_varargs {
                fast[total] = Value::tuple(args[argcount..].to_vec());
            } else {
                let given = args.len();
                let ndefaults = func.defaults.len();
                let takes = if ndefaults > 0 {
                    format!("from {} to {}", argcount - ndefaults, argcount)
                } else {
                    argcount.to_string()
                };
                let kwgiven = kw.len();
                let extra = if kwgiven > 0 {
                    format!(
                        " positional argument{} (and {} keyword-only argument{})",
                        if given == 1 { "" } else { "s" },
                        kwgiven,
                        if kwgiven == 1 { "" } else { "s" }
                    )
                } else {
                    String::new()
                };
                return Err(self.type_error(format!(
                    "{}() takes {} positional argument{} but {}{} {} given",
                    qual.as_str(),
                    takes,
                    if argcount == 1 && ndefaults == 0 {
                        ""
                    } else {
                        "s"
                    },
                    given,
                    extra,
                    if given == 1 && kwgiven == 0 {
                        "was"
                    } else {
                        "were"
                    }
                )));
            }
        } else if co.has_varargs {
            fast[total] = Value::tuple(Vec::new());
        }
        let varkw_slot = total + co.has_varargs as usize;
        let mut extra_kw: Option<DictMap> = if co.has_varkw {
            Some(DictMap::new())
        } else {
            None
        };
        for (name, value) in kw {
            let pos = co.varnames[co.posonlyargcount as usize..total]
                .iter()
                .position(|v| v.as_str() == name.as_str())
                .map(|p| p + co.posonlyargcount as usize);
            match pos {
                Some(p) => {
                    if !fast[p].is_null() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            qual.as_str(),
                            name.as_str()
                        )));
                    }
                    fast[p] = value.clone();
                }
                None => match &mut extra_kw {
                    Some(d) => {
                        d.set_str(name, value.clone());
                    }
                    None if co.varnames[..co.posonlyargcount as usize].iter().any(|v| v.as_str() == name.as_str()) => {
                        return Err(self.type_error(format!(
                            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                            qual.as_str(),
                            name.as_str()
                        )))
                    }
                    None => {
                        return Err(self.type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            qual.as_str(),
                            name.as_str()
                        )))
                    }
                },
            }
        }
        if let Some(d) = extra_kw {
            fast[varkw_slot] = Value::dict(d);
        }
        // Defaults for the missing positional parameters.
        let ndefaults = func.defaults.len();
        let first_default = argcount - ndefaults;
        let mut missing = Vec::new();
        for (i, slot) in fast.iter_mut().enumerate().take(argcount).skip(npos) {
            if slot.is_null() {
                if i >= first_default {
                    *slot = func.defaults[i - first_default].clone();
                } else {
                    missing.push(co.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(qual.as_str(), "positional", &missing));
        }
        for (i, slot) in fast.iter_mut().enumerate().take(total).skip(argcount) {
            if slot.is_null() {
                let name = &co.varnames[i];
                let default = func
                    .kwdefaults
                    .as_ref()
                    .and_then(|d| d.lock().get_by_str(name).cloned());
                match default {
                    Some(v) => *slot = v,
                    None => missing.push(name.clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(qual.as_str(), "keyword-only", &missing));
        }
        Ok(())
    }

    fn missing_args(&self, qual: &str, kind: &str, names: &[String]) -> PyErr {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            _ => format!(
                "{}, and {}",
                quoted[..quoted.len() - 1].join(", "),
                quoted[quoted.len() - 1]
            ),
        };
        self.type_error(format!(
            "{}() missing {} required {} argument{}: {}",
            qual,
            names.len(),
            kind,
            if names.len() == 1 { "" } else { "s" },
            list
        ))
    }

    /// `cls(*args, **kw)`.
    /// Calls a class: its metaclass's `__call__` when the metaclass defines
    /// one, else `type.__call__`'s work ([`Vm::instantiate_plain`]).
    pub fn instantiate(
        &mut self,
        cls: &ClassRef,
        args: &[Value],
        kw: &[(Str, Value)],
    ) -> PyResult<Value> {
        if cls.meta.is_some() {
            if let Some(call) = self.meta_special(cls, "__call__") {
                return self.call(&call, args, kw);
            }
        }
        self.instantiate_plain(cls, args, kw)
    }

    /// `type.__call__(cls, ...)`: `cls.__new__`, then `__init__` when it
    /// made an instance of `cls`.
    pub fn instantiate_plain(
        &mut self,
        cls: &ClassRef,
        args: &[Value],
        kw: &[(Str, Value)],
    ) -> PyResult<Value> {
        if cls.builtin && cls.layout == Layout::Builtin || Shared::ptr_eq(cls, &self.types().object)
        {
            let Some(ctor) = cls.dict.read().get_by_str("__new__").cloned() else {
                return Err(
                    self.type_error(format!("cannot create '{}' instances", cls.name.as_str()))
                );
            };
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(Value::Class(cls.clone()));
            all.extend_from_slice(args);
            return self.call(&ctor, &all, kw);
        }
        // A user-defined __new__ (or one from a native base such as threading's).
        let new = self.class_lookup(cls, &self.names.new.clone());
        let custom_new = new.as_ref().is_some_and(|n| !self.is_default_new(n));
        let obj = match new {
            Some(n) if !self.is_default_new(&n) => {
                let n = match &n {
                    Value::Native(x) => match &**x {
                        Native::StaticMethod(f) => f.clone(),
                        _ => n.clone(),
                    },
                    _ => n,
                };
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(Value::Class(cls.clone()));
                all.extend_from_slice(args);
                let obj = self.call(&n, &all, kw)?;
                if !self.isinstance(&obj, cls) {
                    return Ok(obj);
                }
                obj
            }
            _ => {
                if cls.meta.is_some() {
                    self.check_not_abstract(cls)?;
                }
                self.new_instance(cls, args)
            }
        };
        if let Some(init) = self.class_lookup(cls, &self.names.init.clone()) {
            let object_init = self
                .types()
                .object
                .dict
                .read()
                .get_by_str("__init__")
                .cloned();
            let is_object_init = object_init.is_some_and(|o| o.is(&init));
            if !is_object_init || cls.layout == Layout::Exception {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(obj.clone());
                all.extend_from_slice(args);
                let r = self.call(&init, &all, kw)?;
                if !r.is_none() {
                    return Err(self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&r)
                    )));
                }
            } else if (!args.is_empty() || !kw.is_empty())
                && cls.layout == Layout::Object
                && !custom_new
            {
                return Err(self.type_error(format!("{}() takes no arguments", cls.name.as_str())));
            }
        }
        Ok(obj)
    }

    fn is_default_new(&self, v: &Value) -> bool {
        let Value::Builtin(b) = v else {
            return false;
        };
        b.name == "__new__"
            && matches!(
                self.types().object.dict.read().get_by_str("__new__"),
                Some(Value::Builtin(o)) if std::ptr::eq(o.func as *const (), b.func as *const ())
            )
    }

    /// CPython's TypeError for a class (of an ABC) with abstract methods left.
    pub fn check_not_abstract(&mut self, cls: &ClassRef) -> PyResult<()> {
        let Some(abs) = self.class_lookup_str(cls, "__abstractmethods__") else {
            return Ok(());
        };
        let mut names: Vec<String> = self
            .iterate(&abs)?
            .iter()
            .filter_map(|n| match n {
                Value::Str(s) => Some(s.as_str().to_string()),
                _ => None,
            })
            .collect();
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        Err(self.type_error(format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            cls.name.as_str(),
            if names.len() > 1 { "s" } else { "" },
            names.join(", ")
        )))
    }

    /// A fresh instance of a Python class (no `__init__` run).
    pub fn new_instance(&self, cls: &ClassRef, args: &[Value]) -> Value {
        let exc = (cls.layout == Layout::Exception).then(|| {
            Box::new(PyCell::new(ExcData {
                args: Value::tuple(args.to_vec()),
                traceback: Vec::new(),
                tb_objects: None,
                cause: Value::None,
                context: Value::None,
                suppress_context: false,
            }))
        });
        super::gc::new_instance(cls.clone(), exc, None)
    }

    /// What a built-in constructor returns for `cls`: the value itself, or,
    /// when `cls` is a Python subclass of the built-in type, an instance of
    /// `cls` carrying the value.
    pub fn wrap_for_subclass(&self, cls: &Value, value: Value) -> Value {
        match cls {
            Value::Class(c) if !c.builtin => super::gc::new_instance(c.clone(), None, Some(value)),
            _ => value,
        }
    }

    /// A method of a built-in type called on an instance of a subclass works
    /// on the built-in value inside it.
    fn builtin_self(&self, b: &Builtin, args: &[Value]) -> Option<Vec<Value>> {
        let Some(Value::Instance(inst)) = args.first() else {
            return None;
        };
        let base = inst.base.as_ref()?;
        let own = self.class_of(base).dict.read().get_by_str(b.name).cloned();
        match own {
            Some(Value::Builtin(x)) if std::ptr::eq(x.func as *const (), b.func as *const ()) => {
                let mut all = Vec::with_capacity(args.len());
                all.push(base.clone());
                all.extend_from_slice(&args[1..]);
                Some(all)
            }
            _ => None,
        }
    }
}
