//! Python callables run by SQLite: `create_function`, `create_aggregate`
//! and `create_collation`. SQLite calls them inside a step, with the GIL
//! released; each call takes the GIL back (see `with_vm`).
//!
//! The callables live in the connection (`Connection::keep`): what SQLite
//! holds only points at them, so that SQLite dropping a function (when it
//! is replaced or the database closes, maybe without the GIL) never drops
//! a Python value.

use super::connection::{in_session, Connection};
use super::ffi::{self, AggregateFns, Arg, Ret};
use super::values::{int_arg, parse_args, str_arg};
use super::{report_callback_error, with_vm};
use crate::vm::lock::Mutex;
use crate::vm::{new_bytes, new_str, PyResult, Str, Value, Vm};
use std::sync::Arc;

/// A Python value SQLite's callbacks use, owned by the connection (which
/// empties it, with the GIL held, when it goes).
pub struct PyRef(pub Mutex<Option<Value>>);

impl PyRef {
    fn get(&self) -> Option<Value> {
        self.0.lock().clone()
    }
}

fn to_python(vm: &mut Vm, args: &[Arg<'_>]) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        out.push(match a {
            Arg::Null => Value::None,
            Arg::Int(i) => Value::Int(*i),
            Arg::Float(f) => Value::Float(*f),
            Arg::Text(t) => match std::str::from_utf8(t) {
                Ok(s) => new_str(s),
                Err(_) => {
                    return Err(vm.new_error(
                        &vm.types().exc.UnicodeDecodeError.clone(),
                        "'utf-8' codec can't decode bytes",
                    ))
                }
            },
            Arg::Blob(b) => new_bytes(*b),
        });
    }
    Ok(out)
}

/// A function's Python result for SQLite; None for a type SQLite cannot take.
fn to_sqlite(v: &Value) -> Option<Ret> {
    Some(match v {
        Value::None => Ret::Null,
        Value::Bool(b) => Ret::Int(*b as i64),
        Value::Int(i) => Ret::Int(*i),
        Value::BigInt(_) => Ret::TooBig,
        Value::Float(f) => Ret::Float(*f),
        Value::Str(s) => Ret::Text(s.as_str().to_string()),
        Value::Instance(i) => return i.base.as_ref().and_then(to_sqlite),
        _ => match crate::vm::bytes::bytes_like(v) {
            Some(b) => Ret::Blob(b.into_owned()),
            None => return None,
        },
    })
}

fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(_) | Value::Native(_) => vm.class_of(v).lookup_str("__call__").is_some(),
        _ => false,
    }
}

const FUNC_ERROR: &str = "user-defined function raised exception";

/// `create_function(name, narg, func, *, deterministic=False)`.
pub fn create_function(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let con = crate::vm::native::this_object::<Connection>(vm, args, "sqlite3.Connection")?;
    let [name, narg, func, det] = parse_args(
        vm,
        "create_function",
        &args[1..],
        kw,
        ["name", "narg", "func", "deterministic"],
    )?;
    let (Some(name), Some(narg), Some(func)) = (name, narg, func) else {
        return Err(vm.type_error(format!(
            "create_function() missing required argument '{}'",
            if name.is_none() {
                "name"
            } else if narg.is_none() {
                "narg"
            } else {
                "func"
            }
        )));
    };
    let name = str_arg(vm, name, "create_function", "'name'")?;
    let narg = int_arg(vm, narg)?;
    let deterministic = match det {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let db = con.check(vm)?;
    let Some(cname) = ffi::cstring(name.as_str()) else {
        return Err(vm.value_error("embedded null character"));
    };
    let slot = con.keep(func.clone());
    let f: ffi::ScalarFn = Box::new(move |args: &[Arg<'_>]| {
        with_vm(|vm| {
            let Some(func) = slot.get() else {
                return Ret::Error(FUNC_ERROR.into());
            };
            let r = to_python(vm, args).and_then(|a| vm.call(&func, &a, &[]));
            match r {
                Ok(v) => to_sqlite(&v).unwrap_or_else(|| Ret::Error(FUNC_ERROR.into())),
                Err(e) => {
                    let overflow = vm.isinstance(&e, &vm.types().exc.OverflowError.clone());
                    report_callback_error(vm, e, &func);
                    if overflow {
                        Ret::TooBig
                    } else {
                        Ret::Error(FUNC_ERROR.into())
                    }
                }
            }
        })
        .unwrap_or_else(|| Ret::Error(FUNC_ERROR.into()))
    });
    let narg = narg.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    let r = in_session(vm, &db, |s| {
        s.create_function(&cname, narg, deterministic, f)
    });
    if r.is_err() {
        return Err(super::operational_error(vm, "Error creating function"));
    }
    Ok(Value::None)
}

/// The per-group state of an aggregate: its Python instance.
struct Instance(Value);

/// `create_aggregate(name, n_arg, aggregate_class)`.
pub fn create_aggregate(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let con = crate::vm::native::this_object::<Connection>(vm, args, "sqlite3.Connection")?;
    let [name, narg, class] = parse_args(
        vm,
        "create_aggregate",
        &args[1..],
        kw,
        ["name", "n_arg", "aggregate_class"],
    )?;
    let (Some(name), Some(narg), Some(class)) = (name, narg, class) else {
        return Err(vm.type_error("create_aggregate() missing required argument"));
    };
    let name = str_arg(vm, name, "create_aggregate", "'name'")?;
    let narg = int_arg(vm, narg)?;
    let db = con.check(vm)?;
    let Some(cname) = ffi::cstring(name.as_str()) else {
        return Err(vm.value_error("embedded null character"));
    };
    let slot = con.keep(class.clone());
    let step = Box::new(
        move |state: &mut ffi::AggState, args: &[Arg<'_>]| -> Option<Ret> {
            with_vm(|vm| {
                let class = slot.get()?;
                if state.is_none() {
                    match vm.call(&class, &[], &[]) {
                        Ok(inst) => *state = Some(Box::new(Instance(inst))),
                        Err(e) => {
                            report_callback_error(vm, e, &class);
                            return Some(Ret::Error(
                                "user-defined aggregate's '__init__' method raised error".into(),
                            ));
                        }
                    }
                }
                let inst = state.as_ref()?.downcast_ref::<Instance>()?.0.clone();
                let method = match vm.getattr_str(&inst, "step") {
                    Ok(m) => m,
                    Err(e) => {
                        report_callback_error(vm, e, &inst);
                        return Some(Ret::Error(
                            "user-defined aggregate's 'step' method not defined".into(),
                        ));
                    }
                };
                let r = to_python(vm, args).and_then(|a| vm.call(&method, &a, &[]));
                match r {
                    Ok(_) => None,
                    Err(e) => {
                        report_callback_error(vm, e, &method);
                        Some(Ret::Error(
                            "user-defined aggregate's 'step' method raised error".into(),
                        ))
                    }
                }
            })
            .unwrap_or(Some(Ret::Error(FUNC_ERROR.into())))
        },
    );
    let finalize = Box::new(move |state: ffi::AggState| -> Ret {
        let r = with_vm(|vm| {
            let inst = match state {
                Some(b) => match b.downcast::<Instance>() {
                    Ok(s) => s.0,
                    Err(_) => return Ret::Null,
                },
                // No row was seen (or `__init__` failed): NULL.
                None => return Ret::Null,
            };
            let r = vm
                .getattr_str(&inst, "finalize")
                .and_then(|m| vm.call(&m, &[], &[]));
            match r {
                Ok(v) => to_sqlite(&v).unwrap_or_else(|| {
                    Ret::Error("user-defined aggregate's 'finalize' method raised error".into())
                }),
                Err(e) => {
                    report_callback_error(vm, e, &inst);
                    Ret::Error("user-defined aggregate's 'finalize' method raised error".into())
                }
            }
        });
        r.unwrap_or(Ret::Null)
    });
    let fns = AggregateFns { step, finalize };
    let narg = narg.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    let r = in_session(vm, &db, |s| s.create_aggregate(&cname, narg, fns));
    if r.is_err() {
        return Err(super::operational_error(vm, "Error creating aggregate"));
    }
    Ok(Value::None)
}

/// `create_collation(name, callable)`; `None` removes the collation.
pub fn create_collation(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let con = crate::vm::native::this_object::<Connection>(vm, args, "sqlite3.Connection")?;
    let name = str_arg(vm, &args[1], "create_collation", "1")?;
    let func = args[2].clone();
    if !func.is_none() && !is_callable(vm, &func) {
        return Err(vm.type_error("parameter must be callable"));
    }
    let db = con.check(vm)?;
    let Some(cname) = ffi::cstring(name.as_str()) else {
        return Err(vm.value_error("embedded null character"));
    };
    let f: Option<ffi::CollationFn> = if func.is_none() {
        None
    } else {
        let slot: Arc<PyRef> = con.keep(func);
        Some(Box::new(move |a: &[u8], b: &[u8]| {
            with_vm(|vm| {
                let Some(func) = slot.get() else { return 0 };
                let args = [
                    new_str(String::from_utf8_lossy(a)),
                    new_str(String::from_utf8_lossy(b)),
                ];
                match vm.call(&func, &args, &[]) {
                    Ok(Value::Int(i)) => i.signum() as i32,
                    Ok(Value::Bool(b)) => b as i32,
                    Ok(v) => match int_arg(vm, &v) {
                        Ok(i) => i.signum() as i32,
                        Err(e) => {
                            report_callback_error(vm, e, &func);
                            0
                        }
                    },
                    Err(e) => {
                        report_callback_error(vm, e, &func);
                        0
                    }
                }
            })
            .unwrap_or(0)
        }))
    };
    let r = in_session(vm, &db, |s| s.create_collation(&cname, f));
    r.map_err(|e| super::sql_error(vm, &e))?;
    Ok(Value::None)
}
