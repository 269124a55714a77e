//! Running and looking at code: `compile`, `exec`, `eval`, `globals`,
//! `locals`, `vars`, `dir`, and the `code`, `frame` and `traceback` types.

use crate::vm::dict::DictMap;
use crate::vm::host::CompileMode;
use crate::vm::introspect::{FrameInfo, TracebackInfo};
use crate::vm::native::*;
use crate::vm::sync::{PyCell, Shared};
use crate::vm::value::PyDict;
use crate::vm::*;

pub fn install(vm: &mut Vm, b: &mut DictMap) {
    add_functions(
        vm,
        b,
        &[
            ("compile", Arity::ANY, compile),
            ("exec", Arity::ANY, exec),
            ("eval", Arity::ANY, eval),
            ("globals", Arity::exact(0), globals),
            ("locals", Arity::exact(0), locals),
            ("vars", Arity::range(0, 1), vars),
            ("dir", Arity::range(0, 1), dir),
        ],
    );
    let (method, module) = (vm.types().method.clone(), vm.types().module.clone());
    add_methods(vm, &method, &[("__new__", Arity::ANY, method_new)]);
    add_methods(vm, &module, &[("__new__", Arity::ANY, module_new)]);
    let frame = native_class::<FrameInfo>(vm, "frame", "builtins", None, &[]);
    add_getters(
        vm,
        &frame,
        &[
            ("f_code", frame_code),
            ("f_globals", frame_globals),
            ("f_locals", frame_locals),
            ("f_lineno", frame_lineno),
            ("f_back", frame_back),
            ("f_builtins", frame_builtins),
            ("f_lasti", frame_lasti),
            ("f_trace", frame_trace),
        ],
    );
    let tb = native_class::<TracebackInfo>(vm, "traceback", "builtins", None, &[]);
    add_getters(
        vm,
        &tb,
        &[
            ("tb_frame", tb_frame),
            ("tb_lineno", tb_lineno),
            ("tb_lasti", tb_lasti),
        ],
    );
    add_property(vm, &tb, "tb_next", tb_next, Some(set_tb_next));
    let code = vm.types().code.clone();
    add_methods(
        vm,
        &code,
        &[("co_positions", Arity::exact(0), code_positions)],
    );
    // Built-in types show no module in their repr.
    for c in [frame, tb] {
        c.dict.lock().remove_str("__module__");
    }
}

/// The source of `compile`/`exec`/`eval`: text (str or bytes) or a code object.
enum Source {
    Text(String),
    Code(Shared<Code>),
}

fn source_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Source> {
    match v {
        Value::Str(s) => Ok(Source::Text(s.as_str().to_string())),
        Value::Native(n) if matches!(&**n, Native::Code(_)) => {
            let Native::Code(c) = &**n else {
                unreachable!("matched above")
            };
            Ok(Source::Code(c.clone()))
        }
        other => match crate::vm::bytes::bytes_like(other) {
            Some(b) => match String::from_utf8(b.into_owned()) {
                Ok(s) => Ok(Source::Text(s)),
                Err(_) => Err(vm.new_error(
                    &vm.types().exc.SyntaxError,
                    "source code string cannot contain non-UTF-8 bytes",
                )),
            },
            None => Err(vm.type_error(format!(
                "{}() arg 1 must be a string, bytes or code object",
                what
            ))),
        },
    }
}

fn compile(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let names = ["source", "filename", "mode"];
    let mut got: Vec<Value> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        match arg_or_kw(args, kw, i, name) {
            Some(v) => got.push(v.clone()),
            None => {
                return Err(vm.type_error(format!(
                    "compile() missing required argument '{}' (pos {})",
                    name,
                    i + 1
                )))
            }
        }
    }
    let filename = match &got[1] {
        Value::Str(s) => s.as_str().to_string(),
        other => match crate::vm::bytes::bytes_like(other) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "compile() argument 'filename' must be str, not {}",
                    vm.type_name(other)
                )))
            }
        },
    };
    let mode = match got[2].as_str() {
        Some("exec") => CompileMode::Exec,
        Some("eval") => CompileMode::Eval,
        Some("single") => CompileMode::Single,
        _ => {
            return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'"));
        }
    };
    match source_arg(vm, &got[0], "compile")? {
        Source::Code(c) => Ok(Value::native(Native::Code(c))),
        Source::Text(text) => {
            let code = vm.compile_source(&text, &filename, mode)?;
            Ok(Value::native(Native::Code(code)))
        }
    }
}

/// The `globals` and `locals` arguments of `exec`/`eval`, with their
/// defaults: the caller's namespaces.
fn namespaces(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    what: &str,
) -> PyResult<(Shared<PyDict>, Option<Shared<PyDict>>)> {
    let g = arg_or_kw(args, kw, 1, "globals").cloned();
    let l = arg_or_kw(args, kw, 2, "locals").cloned();
    let globals = match &g {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(other) => {
            return Err(vm.type_error(if what == "exec" {
                format!("exec() globals must be a dict, not {}", vm.type_name(other))
            } else {
                "globals must be a dict".to_string()
            }))
        }
    };
    let locals = match &l {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(other) => {
            return Err(vm.type_error(format!(
                "locals must be a mapping, not {}",
                vm.type_name(other)
            )))
        }
    };
    match globals {
        Some(g) => {
            let locals = locals.or_else(|| Some(g.clone()));
            Ok((g, locals))
        }
        None => {
            let g = vm
                .caller_globals()
                .or_else(|| vm.current_globals.last().cloned())
                .unwrap_or_else(|| Shared::new(PyCell::new(DictMap::new())));
            let locals = match locals {
                Some(l) => Some(l),
                None => match vm.caller_locals() {
                    Some(Value::Dict(d)) => Some(d),
                    _ => Some(g.clone()),
                },
            };
            Ok((g, locals))
        }
    }
}

fn exec(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(src) = arg_or_kw(args, kw, 0, "source").cloned() else {
        return Err(vm.type_error("exec expected at least 1 argument, got 0"));
    };
    let (globals, locals) = namespaces(vm, args, kw, "exec")?;
    let code = match source_arg(vm, &src, "exec")? {
        Source::Code(c) => c,
        Source::Text(t) => vm.compile_source(&t, "<string>", CompileMode::Exec)?,
    };
    vm.run_in_namespace(&code, &globals, locals)?;
    Ok(Value::None)
}

fn eval(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(src) = arg_or_kw(args, kw, 0, "source").cloned() else {
        return Err(vm.type_error("eval expected at least 1 argument, got 0"));
    };
    let (globals, locals) = namespaces(vm, args, kw, "eval")?;
    let code = match source_arg(vm, &src, "eval")? {
        Source::Code(c) => c,
        Source::Text(t) => vm.compile_source(&t, "<string>", CompileMode::Eval)?,
    };
    vm.run_in_namespace(&code, &globals, locals)
}

fn globals(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let g = vm
        .caller_globals()
        .or_else(|| vm.current_globals.last().cloned());
    Ok(match g {
        Some(g) => Value::Dict(g),
        None => Value::dict(DictMap::new()),
    })
}

fn locals(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    match vm.caller_locals() {
        Some(l) => Ok(l),
        None => globals(vm, args, kw),
    }
}

fn vars(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(obj) = args.first() else {
        return locals(vm, args, kw);
    };
    match vm.getattr_opt(obj, &vm.intern("__dict__"))? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// `types.MethodType(func, obj)`: `func` bound to `obj`.
fn method_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "method expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    if !super::functions::is_callable(vm, &args[1]) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if args[2].is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(Value::method(args[1].clone(), args[2].clone()))
}

/// `types.ModuleType(name, doc=None)`: an empty module, not imported.
fn module_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut name = args.get(1).cloned();
    let mut doc = args.get(2).cloned();
    for (k, v) in kw {
        match k.as_str() {
            "name" if name.is_none() => name = Some(v.clone()),
            "doc" if doc.is_none() => doc = Some(v.clone()),
            other => {
                return Err(vm.type_error(format!(
                    "module() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let Some(name) = name else {
        return Err(vm.type_error("module() missing required argument 'name' (pos 1)"));
    };
    let Some(name) = name.as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "module() argument 'name' must be str, not {}",
            vm.type_name(&name)
        )));
    };
    let (module, globals) = vm.new_module(&name);
    if let Some(doc) = doc {
        globals.lock().set_by_str("__doc__", doc);
    }
    Ok(module)
}

fn dir(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(obj) = args.first() else {
        let l = locals(vm, args, kw)?;
        let mut keys = vm.iterate(&l)?;
        sort_names(vm, &mut keys);
        return Ok(Value::list(keys));
    };
    if !matches!(obj, Value::Class(_)) {
        if let Some(m) = vm.lookup_special(obj, "__dir__") {
            let r = vm.call(&m, &[], &[])?;
            let mut keys = vm.iterate(&r)?;
            sort_names(vm, &mut keys);
            return Ok(Value::list(keys));
        }
    }
    if let Value::Class(c) = obj {
        // A metaclass's own __dir__ lists its classes' attributes.
        if let Some(m) = vm.meta_special(c, "__dir__") {
            let r = vm.call(&m, &[], &[])?;
            let mut keys = vm.iterate(&r)?;
            sort_names(vm, &mut keys);
            return Ok(Value::list(keys));
        }
    }
    let mut names: Vec<String> = Vec::new();
    let mut add = |d: &DictMap| {
        for (k, _) in d.iter() {
            if let Some(s) = k.as_str() {
                names.push(s.to_string());
            }
        }
    };
    match obj {
        Value::Module(m) => {
            // A module's own `__dir__` function decides (PEP 562).
            let own = m.dict.lock().get_by_str("__dir__").cloned();
            if let Some(f) = own {
                let r = vm.call(&f, &[], &[])?;
                let mut keys = vm.iterate(&r)?;
                sort_names(vm, &mut keys);
                return Ok(Value::list(keys));
            }
            add(&m.dict.lock())
        }
        Value::Class(c) => {
            add(&c.dict.read());
            for b in &c.mro {
                add(&b.dict.read());
            }
        }
        v => {
            if let Value::Instance(i) = v {
                add(&i.dict.lock());
            }
            let c = vm.class_of(v);
            add(&c.dict.read());
            for b in &c.mro {
                add(&b.dict.read());
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(new_str).collect()))
}

/// Sorts names as `sorted()` would (strings; anything else keeps its place).
fn sort_names(_vm: &mut Vm, keys: &mut [Value]) {
    keys.sort_by(|a, b| a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or("")));
}

fn frame_info<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a FrameInfo> {
    this_object::<FrameInfo>(vm, args, "frame")
}

fn frame_code(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::native(Native::Code(
        frame_info(vm, args)?.code.clone(),
    )))
}

fn frame_globals(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Dict(frame_info(vm, args)?.globals.clone()))
}

fn frame_locals(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = frame_info(vm, args)?;
    Ok(match &f.slots {
        Some(slots) => crate::vm::introspect::locals_from_slots(&f.code, slots),
        None => f.locals.clone(),
    })
}

fn frame_lineno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(frame_info(vm, args)?.lineno as i64))
}

fn frame_back(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(frame_info(vm, args)?.back.clone())
}

fn frame_builtins(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Dict(vm.interp.builtins.clone()))
}

fn frame_lasti(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn frame_trace(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::None)
}

fn tb_info<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a TracebackInfo> {
    this_object::<TracebackInfo>(vm, args, "traceback")
}

fn tb_frame(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(tb_info(vm, args)?.frame.clone())
}

fn tb_lineno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(tb_info(vm, args)?.entry.line as i64))
}

/// As CPython's, twice the instruction's index (its instructions are two
/// bytes): `co_positions()` has one entry per instruction.
fn tb_lasti(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(2 * tb_info(vm, args)?.entry.pc as i64))
}

/// `code.co_positions()`: an iterator of (line, end line, column, end
/// column) for each instruction; None where the columns are unknown.
fn code_positions(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let code = match &args[0] {
        Value::Native(n) => match &**n {
            Native::Code(c) => c.co.clone(),
            _ => return Err(vm.type_error("co_positions() needs a code object")),
        },
        _ => return Err(vm.type_error("co_positions() needs a code object")),
    };
    let items = (0..code.instructions.len())
        .map(|pc| {
            let (line, pos) = code.position_at(pc);
            let int = |n: u32| Value::Int(n as i64);
            Value::tuple(match pos {
                Some(p) => vec![int(line), int(p.end_line), int(p.col), int(p.end_col)],
                None => vec![int(line), Value::None, Value::None, Value::None],
            })
        })
        .collect();
    vm.iter(&Value::list(items))
}

fn tb_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(tb_info(vm, args)?.next.lock().clone())
}

/// `tb.tb_next = other`: a traceback or None, and no loop.
fn set_tb_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let info = tb_info(vm, args)?;
    let new = args[1].clone();
    let mut cur = new.clone();
    while !matches!(cur, Value::None) {
        if cur.is(&args[0]) {
            return Err(vm.value_error("traceback loop detected"));
        }
        cur = match downcast::<TracebackInfo>(&cur) {
            Some(t) => t.next.lock().clone(),
            None => {
                return Err(vm.type_error(format!(
                    "expected traceback object, got '{}'",
                    vm.type_name(&args[1])
                )))
            }
        };
    }
    *info.next.lock() = new;
    Ok(Value::None)
}
