//! `repr()`, `str()` and `format()` of values.

use super::object::*;
use super::value::{Str, Value};
use super::Vm;
use crate::fmt as pyfmt;

/// Python's `repr` of a string: single quotes unless the text has a single
/// quote and no double quote.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !pyfmt::is_printable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{:02x}", n));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{:04x}", n));
                } else {
                    out.push_str(&format!("\\U{:08x}", n));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The end of the `RecursionError` message of a `repr()`.
const IN_REPR: &str = " while getting the repr of an object";

impl Vm {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if matches!(
            v,
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) | Value::Instance(_)
        ) {
            self.enter_nested(IN_REPR)?;
            let r = self.repr_inner(v);
            self.depth -= 1;
            return r;
        }
        self.repr_inner(v)
    }

    fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Null => "<NULL>".to_string(),
            Value::None => "None".to_string(),
            Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => super::convert::bigint_to_decimal(self, b)?,
            Value::Float(f) => pyfmt::float_repr(*f),
            Value::Str(s) => str_repr(s.as_str()),
            Value::Bytes(b) => super::bytes::bytes_repr(b.as_bytes()),
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) => {
                let mut out = String::new();
                self.container_repr_into(v, &mut out)?;
                out
            }
            Value::Func(f) => format!(
                "<function {} at {:#x}>",
                f.qualname.lock().as_str(),
                addr(v)
            ),
            Value::Builtin(b) => match &b.bound {
                Some(obj) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    self.type_name(obj),
                    addr(obj)
                ),
                None => format!("<built-in function {}>", b.name),
            },
            Value::Class(c) => match self.meta_special(c, "__repr__") {
                Some(m) => {
                    let r = self.call(&m, &[], &[])?;
                    match r {
                        Value::Str(s) => s.as_str().to_string(),
                        other => {
                            return Err(self.type_error(format!(
                                "__repr__ returned non-string (type {})",
                                self.type_name(&other)
                            )))
                        }
                    }
                }
                None => format!("<class '{}'>", class_path(c)),
            },
            Value::Method(m) => {
                let fname = match &m.func {
                    Value::Func(f) => f.qualname.lock().as_str().to_string(),
                    Value::Builtin(b) => b.name.to_string(),
                    _ => "?".to_string(),
                };
                let s = m.self_.clone();
                format!("<bound method {} of {}>", fname, self.repr(&s)?)
            }
            Value::Module(m) => {
                // Native modules have no `__spec__`; modules made from
                // Python code have one, and a file name when read from one.
                let d = m.dict.lock();
                match d.get_by_str("__file__").and_then(|f| f.as_str()) {
                    Some(f) => format!("<module '{}' from '{}'>", m.name.as_str(), f),
                    None if d.get_by_str("__spec__").is_some() => {
                        format!("<module '{}'>", m.name.as_str())
                    }
                    None => format!("<module '{}' (built-in)>", m.name.as_str()),
                }
            }
            Value::Instance(_) => {
                let r = match self.lookup_special(v, "__repr__") {
                    Some(m) => self.call(&m, &[], &[])?,
                    None => return Ok(self.default_repr(v)),
                };
                match r {
                    Value::Str(s) => s.as_str().to_string(),
                    other => {
                        return Err(self.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&other)
                        )))
                    }
                }
            }
            Value::Native(n) => match &**n {
                Native::Range { start, stop, step } => {
                    if *step == 1 {
                        format!("range({}, {})", start, stop)
                    } else {
                        format!("range({}, {}, {})", start, stop, step)
                    }
                }
                Native::Slice { start, stop, step } => {
                    let (a, b, c) = (start.clone(), stop.clone(), step.clone());
                    format!(
                        "slice({}, {}, {})",
                        self.repr(&a)?,
                        self.repr(&b)?,
                        self.repr(&c)?
                    )
                }
                Native::Generator(g) => {
                    let g = g.lock();
                    let kind = match g.kind {
                        GenKind::Generator => "generator",
                        GenKind::Coroutine => "coroutine",
                        GenKind::AsyncGenerator => "async_generator",
                    };
                    format!(
                        "<{} object {} at {:#x}>",
                        kind,
                        g.qualname.as_str(),
                        addr(v)
                    )
                }
                Native::NotImplemented => "NotImplemented".to_string(),
                Native::Complex(re, im) => pyfmt::complex_repr(*re, *im),
                Native::Ellipsis => "Ellipsis".to_string(),
                Native::DictView { dict, kind } => {
                    let (name, items) = match kind {
                        ViewKind::Keys => ("dict_keys", dict.lock().keys()),
                        ViewKind::Values => ("dict_values", dict.lock().values()),
                        ViewKind::Items => (
                            "dict_items",
                            dict.lock()
                                .iter()
                                .map(|(k, x)| Value::tuple(vec![k.clone(), x.clone()]))
                                .collect(),
                        ),
                    };
                    format!("{}([{}])", name, self.join_reprs(&items)?)
                }
                Native::Object { .. } => {
                    if let Some(m) = self.lookup_special(v, "__repr__") {
                        let r = self.call(&m, &[], &[])?;
                        return self.str_(&r);
                    }
                    self.default_repr(v)
                }
                Native::ByteArray(a) => {
                    let data = a.lock().clone();
                    super::bytes::bytearray_repr(&data)
                }
                Native::MemoryView(_) => format!("<memory at {:#x}>", addr(v)),
                Native::Property { .. } => format!("<property object at {:#x}>", addr(v)),
                Native::Cell(_) => format!("<cell at {:#x}>", addr(v)),
                _ => format!("<{} object at {:#x}>", self.type_name(v), addr(v)),
            },
        })
    }

    pub fn default_repr(&self, v: &Value) -> String {
        let cls = self.class_of(v);
        format!("<{} object at {:#x}>", class_path(&cls), addr(v))
    }

    /// The repr of a list, tuple, dict or set written into `out`, nested
    /// containers too: one buffer, so a deep nesting costs linear time.
    fn container_repr_into(&mut self, v: &Value, out: &mut String) -> PyResult<()> {
        let (items, open, close, pairs) = match v {
            Value::List(l) => {
                if !self.enter_repr(v) {
                    out.push_str("[...]");
                    return Ok(());
                }
                (l.lock().clone(), "[", "]", false)
            }
            Value::Tuple(t) => (
                t.items.to_vec(),
                "(",
                if t.items.len() == 1 { ",)" } else { ")" },
                false,
            ),
            Value::Dict(d) => {
                if !self.enter_repr(v) {
                    out.push_str("{...}");
                    return Ok(());
                }
                let flat = d
                    .lock()
                    .iter()
                    .flat_map(|(k, x)| [k.clone(), x.clone()])
                    .collect();
                (flat, "{", "}", true)
            }
            Value::Set(st) => {
                let items = st.map.lock().keys();
                let name = if st.frozen { "frozenset" } else { "set" };
                if items.is_empty() {
                    out.push_str(name);
                    out.push_str("()");
                    return Ok(());
                }
                if !self.enter_repr(v) {
                    out.push_str(name);
                    out.push_str("(...)");
                    return Ok(());
                }
                match st.frozen {
                    true => (items, "frozenset({", "})", false),
                    false => (items, "{", "}", false),
                }
            }
            _ => {
                out.push_str(&self.repr(v)?);
                return Ok(());
            }
        };
        let r = (|| {
            out.push_str(open);
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(if pairs && i % 2 == 1 { ": " } else { ", " });
                }
                if matches!(
                    x,
                    Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_)
                ) {
                    self.enter_nested(IN_REPR)?;
                    let r = self.container_repr_into(x, out);
                    self.depth -= 1;
                    r?;
                } else {
                    out.push_str(&self.repr(x)?);
                }
            }
            out.push_str(close);
            Ok(())
        })();
        if !matches!(v, Value::Tuple(_)) {
            self.leave_repr(v);
        }
        r
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(x)?);
        }
        Ok(out)
    }

    /// Guards against infinite recursion in `repr` of self-containing containers.
    /// False when `v`'s repr is already in progress on this thread.
    fn enter_repr(&mut self, v: &Value) -> bool {
        match v.heap_ptr() {
            Some(p) => self.repr_stack.insert(p as usize),
            None => true,
        }
    }

    fn leave_repr(&mut self, v: &Value) {
        if let Some(p) = v.heap_ptr() {
            self.repr_stack.remove(&(p as usize));
        }
    }

    pub fn str_(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(_) => self.str_special(v),
            Value::Native(n) if matches!(**n, Native::Object { .. }) => self.str_special(v),
            _ => self.repr(v),
        }
    }

    /// `str()` through the type's `__str__`.
    fn str_special(&mut self, v: &Value) -> PyResult<String> {
        let r = match self.lookup_special(v, "__str__") {
            Some(m) => self.call(&m, &[], &[])?,
            None => return self.repr(v),
        };
        match r {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => Err(self.type_error(format!(
                "__str__ returned non-string (type {})",
                self.type_name(&other)
            ))),
        }
    }

    pub fn str_value(&mut self, v: &Value) -> PyResult<Str> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            _ => {
                let s = self.str_(v)?;
                Ok(super::sync::Shared::new(super::value::PyStr::new(s)))
            }
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        // A width that could never be allocated is a MemoryError up front.
        let parse = |vm: &Vm, spec: &str| {
            // The type's name is only needed for the message.
            let s = pyfmt::FormatSpec::parse(spec).map_err(|_| {
                let named = pyfmt::FormatSpec::parse_for(spec, &vm.type_name(v));
                vm.value_error(named.err().unwrap_or_default())
            })?;
            vm.check_alloc(s.width.unwrap_or(0), 1)?;
            Ok::<_, PyErr>(s)
        };
        match v {
            Value::Bool(_) if spec.is_empty() => self.str_(v),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                let b = super::arith::to_big(v).unwrap_or_default();
                let s = parse(self, spec)?;
                if matches!(v, Value::BigInt(_)) && matches!(s.ty, None | Some('d') | Some('n')) {
                    // The decimal digits' limit, checked before formatting.
                    super::convert::check_int_str_digits(self, &b)?;
                }
                pyfmt::format_int(&b, &s).map_err(|e| {
                    // `c` of a code point out of range overflows, as in CPython.
                    if e.starts_with("%c arg") || e.starts_with("Python int too large") {
                        self.overflow_error(e)
                    } else {
                        self.value_error(e)
                    }
                })
            }
            Value::Float(f) => {
                let s = parse(self, spec)?;
                pyfmt::format_float(*f, &s).map_err(|e| self.value_error(e))
            }
            Value::Native(n) if matches!(**n, Native::Complex(..)) => {
                let Native::Complex(re, im) = **n else {
                    unreachable!("matched above")
                };
                let s = pyfmt::FormatSpec::parse_for(spec, "complex")
                    .map_err(|e| self.value_error(e))?;
                self.check_alloc(s.width.unwrap_or(0), 1)?;
                pyfmt::format_complex(re, im, &s).map_err(|e| self.value_error(e))
            }
            Value::Str(s) => {
                if spec.is_empty() {
                    return Ok(s.as_str().to_string());
                }
                let sp = parse(self, spec)?;
                pyfmt::format_str(s.as_str(), &sp).map_err(|e| self.value_error(e))
            }
            Value::Instance(_) => {
                if let Some(base) = super::ops::base_of(v) {
                    if !matches!(self.lookup_special(v, "__format__"), Some(Value::Method(ref m)) if matches!(m.func, Value::Func(_)))
                    {
                        let base = base.clone();
                        return self.format(&base, spec);
                    }
                }
                if let Some(m) = self.lookup_special(v, "__format__") {
                    if !matches!(&m, Value::Method(mm) if matches!(mm.func, Value::Builtin(_))) {
                        let r = self.call(&m, &[super::value::new_str(spec)], &[])?;
                        return self.str_(&r);
                    }
                }
                if spec.is_empty() {
                    self.str_(v)
                } else {
                    Err(self.type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        self.type_name(v)
                    )))
                }
            }
            _ => {
                if spec.is_empty() {
                    self.str_(v)
                } else {
                    Err(self.type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        self.type_name(v)
                    )))
                }
            }
        }
    }
}

fn addr(v: &Value) -> usize {
    v.heap_ptr().map_or(0, |p| p as usize)
}

/// `module.QualName` for user classes, the bare name for built-ins.
pub fn class_path(c: &ClassRef) -> String {
    let declared = c.dict.read().get_by_str("__module__").is_some();
    if c.builtin && !declared {
        return c.name.as_str().to_string();
    }
    let module = c
        .dict
        .read()
        .get_by_str("__module__")
        .and_then(|m| m.as_str().map(|s| s.to_string()))
        .unwrap_or_else(|| "__main__".to_string());
    if module == "builtins" {
        c.qualname.as_str().to_string()
    } else {
        format!("{}.{}", module, c.qualname.as_str())
    }
}

/// `ascii()`: the repr with non-ASCII characters escaped.
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}
