//! Python values to SQLite and back: binding parameters (with adapters),
//! turning copied rows into tuples (with `text_factory` and converters),
//! and the argument parsing the module's functions share.

use super::ffi::{Col, ParamBuf, RowBuf, Stmt};
use super::{module_attr, programming_error, PrepareProtocol};
use crate::vm::native::class_for;
use crate::vm::{new_bytes, new_str, Native, PyResult, Str, Value, Vm};

/// Binds positional and keyword arguments to the parameters `names` of
/// `fname`, with CPython's errors for unknown keywords, duplicates and too
/// many arguments.
pub fn parse_args<'a, const N: usize>(
    vm: &Vm,
    fname: &str,
    args: &'a [Value],
    kw: &'a [(Str, Value)],
    names: [&str; N],
) -> PyResult<[Option<&'a Value>; N]> {
    if args.len() > N {
        return Err(vm.type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            fname,
            N,
            if N == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let mut out: [Option<&Value>; N] = [None; N];
    for (i, a) in args.iter().enumerate() {
        out[i] = Some(a);
    }
    for (k, v) in kw {
        let Some(i) = names.iter().position(|n| *n == k.as_str()) else {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for {}()",
                k.as_str(),
                fname
            )));
        };
        if out[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for {}() given by name ('{}') and position ({})",
                fname,
                k.as_str(),
                i + 1
            )));
        }
        out[i] = Some(v);
    }
    Ok(out)
}

/// An integer argument (`__index__`), CPython's message otherwise.
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Float(_) => Err(vm.type_error("'float' object cannot be interpreted as an integer")),
        _ => vm.to_index(v),
    }
}

/// The text of a `str` argument, or CPython's TypeError naming the
/// function and parameter.
pub fn str_arg(vm: &Vm, v: &Value, fname: &str, what: &str) -> PyResult<Str> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        Value::Instance(i) => match &i.base {
            Some(Value::Str(s)) => Ok(s.clone()),
            _ => Err(vm.type_error(format!(
                "{}() argument {} must be str, not {}",
                fname,
                what,
                vm.type_name(v)
            ))),
        },
        _ => Err(vm.type_error(format!(
            "{}() argument {} must be str, not {}",
            fname,
            what,
            vm.type_name(v)
        ))),
    }
}

/// What an adapter registry makes of `obj` (`adapt(obj, proto, alt)`):
/// the registered adapter's result, `obj.__conform__(proto)`, or `alt`.
fn adapt(vm: &mut Vm, obj: &Value, proto: &Value, alt: Option<&Value>) -> PyResult<Value> {
    if let Some(Value::Dict(adapters)) = module_attr(vm, "adapters") {
        if !adapters.lock().is_empty() {
            let key = Value::tuple(vec![Value::Class(vm.class_of(obj)), proto.clone()]);
            if let Some(f) = vm.dict_get(&adapters, &key)? {
                return vm.call(&f, std::slice::from_ref(obj), &[]);
            }
        }
    }
    if let Some(conform) = vm.lookup_special(obj, "__conform__") {
        let r = vm.call(&conform, std::slice::from_ref(proto), &[])?;
        if !r.is_none() {
            return Ok(r);
        }
    }
    match alt {
        Some(a) => Ok(a.clone()),
        None => Err(programming_error(vm, "can't adapt")),
    }
}

/// `sqlite3.adapt(obj, proto=PrepareProtocol, alt=<none>)`.
pub fn adapt_function(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let proto = match args.get(1) {
        Some(p) => p.clone(),
        None => Value::Class(class_for::<PrepareProtocol>(vm)),
    };
    adapt(vm, &args[0], &proto, args.get(2))
}

/// How a statement's parameters are bound for one connection: whether
/// adapters must be consulted even for the basic types.
pub struct Binder {
    adapters_in_use: bool,
    proto: Value,
}

impl Binder {
    /// For a connection whose adapter registry is `adapters`.
    pub fn new(vm: &Vm, adapters: &Value) -> Binder {
        let adapters_in_use = matches!(adapters, Value::Dict(d) if !d.lock().is_empty());
        Binder {
            adapters_in_use,
            proto: if adapters_in_use {
                Value::Class(class_for::<PrepareProtocol>(vm))
            } else {
                Value::None
            },
        }
    }

    /// Fills `buf` with `params` (a sequence or a mapping) for `stmt`.
    pub fn bind(
        &self,
        vm: &mut Vm,
        stmt: &Stmt,
        params: &Value,
        buf: &mut ParamBuf,
    ) -> PyResult<()> {
        buf.clear();
        let needed = stmt.param_names.len();
        let mapping = match params {
            Value::Dict(_) => true,
            Value::Instance(i) => matches!(i.base, Some(Value::Dict(_))),
            _ => false,
        };
        if mapping {
            for i in 0..needed {
                let Some(name) = &stmt.param_names[i] else {
                    return Err(programming_error(
                        vm,
                        format!(
                            "Binding {} has no name, but you supplied a dictionary (which has only names).",
                            i + 1
                        ),
                    ));
                };
                let key = new_str(&name[1..]);
                let item = match params {
                    Value::Dict(d) => vm.dict_get(d, &key)?,
                    _ => match vm.getitem(params, &key) {
                        Ok(v) => Some(v),
                        Err(e) if vm.isinstance(&e, &vm.types().exc.LookupError.clone()) => None,
                        Err(e) => return Err(e),
                    },
                };
                let Some(item) = item else {
                    return Err(programming_error(
                        vm,
                        format!("You did not supply a value for binding parameter {}.", name),
                    ));
                };
                self.push(vm, &item, i, buf)?;
            }
            return Ok(());
        }
        match params {
            Value::Tuple(t) => self.bind_seq(vm, &t.items, needed, buf),
            Value::List(l) => {
                let items = l.lock().clone();
                self.bind_seq(vm, &items, needed, buf)
            }
            _ => {
                let is_seq = match params {
                    Value::Str(_) | Value::Bytes(_) => true,
                    Value::Native(n)
                        if matches!(
                            **n,
                            Native::Range { .. } | Native::ByteArray(_) | Native::MemoryView(_)
                        ) =>
                    {
                        true
                    }
                    Value::Set(_)
                    | Value::Int(_)
                    | Value::Float(_)
                    | Value::None
                    | Value::Bool(_) => false,
                    _ => vm.lookup_special(params, "__getitem__").is_some(),
                };
                if !is_seq {
                    return Err(programming_error(vm, "parameters are of unsupported type"));
                }
                let n = vm.len(params)?;
                if n != needed {
                    return Err(count_error(vm, needed, n));
                }
                for i in 0..n {
                    let item = vm.getitem(params, &Value::Int(i as i64))?;
                    self.push(vm, &item, i, buf)?;
                }
                Ok(())
            }
        }
    }

    fn bind_seq(
        &self,
        vm: &mut Vm,
        items: &[Value],
        needed: usize,
        buf: &mut ParamBuf,
    ) -> PyResult<()> {
        if items.len() != needed {
            return Err(count_error(vm, needed, items.len()));
        }
        for (i, item) in items.iter().enumerate() {
            self.push(vm, item, i, buf)?;
        }
        Ok(())
    }

    /// Adds one parameter, adapted first unless it is of a basic type and
    /// no adapter is registered.
    fn push(&self, vm: &mut Vm, item: &Value, i: usize, buf: &mut ParamBuf) -> PyResult<()> {
        if !self.adapters_in_use
            && !matches!(item, Value::Instance(_))
            && push_plain(vm, item, buf)?
        {
            return Ok(());
        }
        let proto = if self.proto.is_none() {
            Value::Class(class_for::<PrepareProtocol>(vm))
        } else {
            self.proto.clone()
        };
        let adapted = adapt(vm, item, &proto, Some(item))?;
        if push_plain(vm, &adapted, buf)? {
            return Ok(());
        }
        Err(programming_error(
            vm,
            format!(
                "Error binding parameter {}: type '{}' is not supported",
                i + 1,
                vm.type_name(&adapted)
            ),
        ))
    }
}

fn count_error(vm: &Vm, needed: usize, given: usize) -> crate::vm::PyErr {
    programming_error(
        vm,
        format!(
            "Incorrect number of bindings supplied. The current statement uses {}, and there are {} supplied.",
            needed, given
        ),
    )
}

/// Adds a value SQLite stores as it is (None, int, float, str, bytes-like);
/// false for any other type.
fn push_plain(vm: &mut Vm, v: &Value, buf: &mut ParamBuf) -> PyResult<bool> {
    use super::ffi::Param;
    match v {
        Value::None => buf.params.push(Param::Null),
        Value::Int(i) => buf.params.push(Param::Int(*i)),
        Value::Bool(b) => buf.params.push(Param::Int(*b as i64)),
        Value::Float(f) => buf.params.push(Param::Float(*f)),
        Value::BigInt(_) => {
            return Err(vm.overflow_error("Python int too large to convert to SQLite INTEGER"))
        }
        Value::Str(s) => buf.push_text(s.as_str().as_bytes()),
        Value::Bytes(b) => buf.push_blob(b.as_bytes()),
        Value::Native(n) if matches!(**n, Native::ByteArray(_) | Native::MemoryView(_)) => {
            match crate::vm::bytes::bytes_like(v) {
                Some(b) => buf.push_blob(&b),
                None => return Ok(false),
            }
        }
        Value::Instance(i) => match &i.base {
            Some(b) if !matches!(b, Value::Instance(_)) => return push_plain(vm, &b.clone(), buf),
            _ => return Ok(false),
        },
        _ => return Ok(false),
    }
    Ok(true)
}

/// How the columns of a result become Python values.
pub struct RowMaker {
    /// `text_factory`: None for `str` (the fast path).
    pub text_factory: Option<Value>,
    /// Per column: its converter (detect_types), if any.
    pub converters: Vec<Option<Value>>,
}

impl RowMaker {
    /// A tuple of the values in `buf`; `names` gives column names for
    /// decoding errors.
    pub fn tuple(
        &self,
        vm: &mut Vm,
        buf: &RowBuf,
        names: &dyn Fn(usize) -> String,
    ) -> PyResult<Value> {
        let mut items = Vec::with_capacity(buf.cols.len());
        for (i, c) in buf.cols.iter().enumerate() {
            let v = match c {
                Col::Null => Value::None,
                Col::Int(n) => Value::Int(*n),
                Col::Float(f) => Value::Float(*f),
                Col::Text(r) => {
                    let bytes = &buf.bytes[r.clone()];
                    match &self.text_factory {
                        None => match std::str::from_utf8(bytes) {
                            Ok(s) => new_str(s),
                            Err(_) => {
                                return Err(super::operational_error(
                                    vm,
                                    format!(
                                        "Could not decode to UTF-8 column '{}' with text '{}'",
                                        names(i),
                                        String::from_utf8_lossy(bytes)
                                    ),
                                ))
                            }
                        },
                        Some(f) => {
                            if matches!(f, Value::Class(c) if crate::vm::sync::Shared::ptr_eq(c, &vm.types().bytes))
                            {
                                new_bytes(bytes)
                            } else {
                                let f = f.clone();
                                vm.call(&f, &[new_bytes(bytes)], &[])?
                            }
                        }
                    }
                }
                Col::Blob(r) => {
                    let b = new_bytes(&buf.bytes[r.clone()]);
                    match self.converters.get(i) {
                        Some(Some(conv)) => {
                            let conv = conv.clone();
                            vm.call(&conv, &[b], &[])?
                        }
                        _ => b,
                    }
                }
            };
            items.push(v);
        }
        Ok(Value::tuple(items))
    }
}

/// The converter registered for a type name (`register_converter`), if any.
pub fn converter_for(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let Some(Value::Dict(d)) = module_attr(vm, "converters") else {
        return Ok(None);
    };
    if d.lock().is_empty() {
        return Ok(None);
    }
    vm.dict_get(&d, &new_str(name.to_uppercase()))
}

/// The type named in a column name, `name [type]` (PARSE_COLNAMES).
pub fn colname_type(name: &str) -> Option<&str> {
    let start = name.find('[')?;
    let rest = &name[start + 1..];
    let end = rest.find(']')?;
    Some(&rest[..end])
}

/// The column name shown in `description`: with PARSE_COLNAMES, the text
/// before ` [type]`.
pub fn display_name(name: &str, colnames: bool) -> &str {
    if !colnames {
        return name;
    }
    match name.find('[') {
        Some(i) => {
            let head = &name[..i];
            head.strip_suffix(' ').unwrap_or(head)
        }
        None => name,
    }
}

/// The first word of a declared type (PARSE_DECLTYPES): up to a blank or `(`.
pub fn decltype_word(decl: &str) -> &str {
    let end = decl.find([' ', '(']).unwrap_or(decl.len());
    &decl[..end]
}
