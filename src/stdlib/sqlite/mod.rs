//! `_sqlite3`: the native core of `sqlite3`, on the real SQLite library
//! (bundled, compiled with the interpreter). Connections, cursors and rows
//! are native objects; the `sqlite3` package (gilpy Python) re-exports them
//! and adds the pure-Python parts (`Binary`, `version_info`, `iterdump`).
//!
//! Every SQLite call that can take time (open, prepare, each step, commit,
//! the busy wait) runs with the GIL released, as CPython releases it around
//! `sqlite3_step`; values are converted to and from Python with the GIL held.

mod codes;
mod connection;
mod cursor;
mod ffi;
mod row;
mod udf;
mod values;

use crate::vm::dict::DictMap;
use crate::vm::native::{add_functions, arg_or_kw, check_arity, class_for, native_class};
use crate::vm::{new_str, Arity, ClassRef, PyErr, PyResult, Str, Value, Vm, Wait};
use std::cell::Cell;
use std::sync::Arc;

pub use connection::Connection;
pub use cursor::Cursor;

/// The DB-API exception classes, in the order they are made (each after
/// its base).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("Warning", "Exception"),
    ("Error", "Exception"),
    ("InterfaceError", "Error"),
    ("DatabaseError", "Error"),
    ("DataError", "DatabaseError"),
    ("OperationalError", "DatabaseError"),
    ("IntegrityError", "DatabaseError"),
    ("InternalError", "DatabaseError"),
    ("ProgrammingError", "DatabaseError"),
    ("NotSupportedError", "DatabaseError"),
];

/// `sqlite3.PrepareProtocol`: the protocol object adapters are keyed by.
pub struct PrepareProtocol;

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let mut made: Vec<(&str, ClassRef)> = Vec::new();
    for &(name, base) in EXCEPTIONS {
        let base = match made.iter().find(|(n, _)| *n == base) {
            Some((_, c)) => c.clone(),
            None => vm.types().exc.Exception.clone(),
        };
        let mut ns = DictMap::new();
        ns.set_by_str("__module__", new_str("sqlite3"));
        let cls = crate::vm::make_class(vm.intern(name), vm.intern(name), vec![base], ns, false)
            .map_err(|m| vm.type_error(m))?;
        d.set_by_str(name, Value::Class(cls.clone()));
        made.push((name, cls));
    }
    let con_class = connection::register(vm);
    for (name, cls) in &made {
        // `con.Error` and friends, as CPython's connections have them.
        con_class
            .dict
            .lock()
            .set_by_str(name, Value::Class(cls.clone()));
    }
    d.set_by_str("Connection", Value::Class(con_class));
    d.set_by_str("Cursor", Value::Class(cursor::register(vm)));
    d.set_by_str("Row", Value::Class(row::register(vm)));
    let proto = native_class::<PrepareProtocol>(
        vm,
        "PrepareProtocol",
        "sqlite3",
        None,
        &[("__repr__", Arity::exact(0), native_repr)],
    );
    proto.dict.lock().set_by_str(
        "__new__",
        crate::vm::native::builtin("PrepareProtocol.__new__", prepare_protocol_new),
    );
    d.set_by_str("PrepareProtocol", Value::Class(proto));
    d.set_by_str("adapters", Value::dict(DictMap::new()));
    d.set_by_str("converters", Value::dict(DictMap::new()));
    for &(name, value) in codes::RESULT_CODES.iter().chain(codes::OTHER_CONSTANTS) {
        d.set_by_str(name, Value::Int(value as i64));
    }
    d.set_by_str("PARSE_DECLTYPES", Value::Int(PARSE_DECLTYPES));
    d.set_by_str("PARSE_COLNAMES", Value::Int(PARSE_COLNAMES));
    d.set_by_str("sqlite_version", new_str(ffi::libversion()));
    d.set_by_str("version", new_str("2.6.0"));
    // The bundled library is built serialized-safe: DB-API level 3.
    d.set_by_str("threadsafety", Value::Int(3));
    d.set_by_str("_enable_callback_tracebacks", Value::Bool(false));
    add_functions(
        vm,
        d,
        &[
            ("connect", Arity::ANY, connect),
            ("complete_statement", Arity::ANY, complete_statement),
            ("register_adapter", Arity::exact(2), register_adapter),
            ("register_converter", Arity::exact(2), register_converter),
            (
                "enable_callback_tracebacks",
                Arity::exact(1),
                enable_callback_tracebacks,
            ),
            ("adapt", Arity::range(1, 3), values::adapt_function),
            ("enable_shared_cache", Arity::exact(1), enable_shared_cache),
        ],
    );
    Ok(())
}

pub const PARSE_DECLTYPES: i64 = 1;
pub const PARSE_COLNAMES: i64 = 2;

/// `<sqlite3.X object at 0x...>`, the repr of every native object here.
pub fn native_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_str(vm.default_repr(&args[0])))
}

fn prepare_protocol_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let obj = crate::vm::native::new_object(vm, PrepareProtocol);
    Ok(match args.first() {
        Some(cls) => vm.wrap_for_subclass(cls, obj),
        None => obj,
    })
}

// ---- module state ----

/// An attribute of the `_sqlite3` module (its exception classes, the
/// adapter and converter registries).
pub fn module_attr(vm: &Vm, name: &str) -> Option<Value> {
    let m = vm.interp.modules.lock().get_by_str("_sqlite3").cloned()?;
    match m {
        Value::Module(m) => m.dict.lock().get_by_str(name).cloned(),
        _ => None,
    }
}

/// One of the module's exception classes.
pub fn exc_class(vm: &Vm, name: &str) -> ClassRef {
    match module_attr(vm, name) {
        Some(Value::Class(c)) => c,
        _ => vm.types().exc.Exception.clone(),
    }
}

/// A `sqlite3` exception of class `name` with `msg`.
pub fn error(vm: &Vm, name: &str, msg: impl Into<String>) -> PyErr {
    vm.new_error(&exc_class(vm, name), msg)
}

pub fn programming_error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    error(vm, "ProgrammingError", msg)
}

pub fn operational_error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    error(vm, "OperationalError", msg)
}

/// The exception for an error SQLite reported, of the class CPython picks
/// for its result code, with `sqlite_errorcode` and `sqlite_errorname`.
pub fn sql_error(vm: &Vm, e: &ffi::SqlError) -> PyErr {
    use rusqlite::ffi as c;
    let class = match e.code & 0xff {
        c::SQLITE_NOMEM => return vm.new_error(&vm.types().exc.MemoryError, ""),
        c::SQLITE_INTERNAL | c::SQLITE_NOTFOUND => "InternalError",
        c::SQLITE_ERROR
        | c::SQLITE_PERM
        | c::SQLITE_ABORT
        | c::SQLITE_BUSY
        | c::SQLITE_LOCKED
        | c::SQLITE_READONLY
        | c::SQLITE_INTERRUPT
        | c::SQLITE_IOERR
        | c::SQLITE_FULL
        | c::SQLITE_CANTOPEN
        | c::SQLITE_PROTOCOL
        | c::SQLITE_EMPTY
        | c::SQLITE_SCHEMA => "OperationalError",
        c::SQLITE_CORRUPT => "DatabaseError",
        c::SQLITE_TOOBIG => "DataError",
        c::SQLITE_CONSTRAINT | c::SQLITE_MISMATCH => "IntegrityError",
        c::SQLITE_MISUSE | c::SQLITE_RANGE => "InterfaceError",
        _ => "DatabaseError",
    };
    let err = error(vm, class, e.msg.clone());
    if let Value::Instance(i) = &*err {
        let name = codes::RESULT_CODES
            .iter()
            .find(|(_, v)| *v == e.code)
            .map_or("unknown error code".to_string(), |(n, _)| n.to_string());
        let mut d = i.dict.lock();
        d.set_by_str("sqlite_errorcode", Value::Int(e.code as i64));
        d.set_by_str("sqlite_errorname", new_str(name));
    }
    err
}

// ---- the GIL around SQLite calls ----

thread_local! {
    /// The VM of the thread while it runs SQLite with the GIL released, for
    /// the Python callbacks SQLite makes on this thread (user functions).
    static CURRENT_VM: Cell<*mut Vm> = const { Cell::new(std::ptr::null_mut()) };
}

/// Takes the GIL back and restores the callback VM when dropped (also
/// when `f` panics).
struct Reacquire {
    interp: Arc<crate::vm::Interp>,
    previous: *mut Vm,
}

impl Drop for Reacquire {
    fn drop(&mut self) {
        self.interp.gil.acquire();
        CURRENT_VM.with(|c| c.set(self.previous));
    }
}

/// Runs SQLite work `f` with the GIL released (a database wait for the
/// instruments). SQLite's callbacks into Python on this thread take the
/// GIL back through [`with_vm`].
pub fn without_gil<R: Send>(vm: &mut Vm, f: impl FnOnce() -> R + Send) -> R {
    let interp = vm.interp.clone();
    let this: *mut Vm = vm;
    // `vm` is not used again until `f` has returned: the callbacks reach
    // the VM through this pointer alone, after taking the GIL.
    let previous = CURRENT_VM.with(|c| c.replace(this));
    interp.gil.release(Wait::Database);
    let _back = Reacquire { interp, previous };
    f()
}

/// Puts the callback VM back when a callback ends.
struct Restore(*mut Vm);

impl Drop for Restore {
    fn drop(&mut self) {
        CURRENT_VM.with(|c| c.set(self.0));
    }
}

/// Gives the GIL back before returning to SQLite, also on a panic.
struct Release<'a>(&'a crate::vm::gil::Gil);

impl Drop for Release<'_> {
    fn drop(&mut self) {
        self.0.release(Wait::Database);
    }
}

/// In a callback SQLite makes while [`without_gil`] runs on this thread:
/// takes the GIL, runs `f` with the thread's VM, releases the GIL. `None`
/// when SQLite calls back outside such a call (no VM to run Python on).
pub fn with_vm<R>(f: impl FnOnce(&mut Vm) -> R) -> Option<R> {
    // Cleared while `f` runs: this thread holds the GIL then, and a callback
    // SQLite makes from code in `f` (a statement finalized by a drop) must
    // not take it a second time.
    let ptr = CURRENT_VM.with(|c| c.replace(std::ptr::null_mut()));
    if ptr.is_null() {
        return None;
    }
    let _restore = Restore(ptr);
    // SAFETY: `ptr` was set by `without_gil` on this thread from its
    // `&mut Vm`, which stays unused until the SQLite call that made this
    // callback returns; the VM belongs to this thread only. The GIL is taken
    // before any object is touched.
    let vm: &mut Vm = unsafe { &mut *ptr };
    let interp = vm.interp.clone();
    interp.gil.acquire();
    let _release = Release(&interp.gil);
    Some(f(vm))
}

/// Prints an exception raised in a callback when tracebacks are enabled
/// (`enable_callback_tracebacks`), as an unraisable exception.
pub fn report_callback_error(vm: &mut Vm, err: PyErr, obj: &Value) {
    let on = matches!(
        module_attr(vm, "_enable_callback_tracebacks"),
        Some(Value::Bool(true))
    );
    if !on {
        return;
    }
    let what = vm.repr(obj).unwrap_or_default();
    let text = vm.format_exception(&err);
    crate::vm::stdio::write_stderr(vm, &format!("Exception ignored in: {}\n{}", what, text));
}

// ---- module functions ----

/// `connect(database, timeout=5.0, ..., factory=Connection, ...)`: calls
/// the factory with the same arguments.
fn connect(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let factory = match arg_or_kw(args, kw, 5, "factory") {
        Some(f) if !f.is_none() => f.clone(),
        _ => Value::Class(class_for::<Connection>(vm)),
    };
    vm.call(&factory, args, kw)
}

fn complete_statement(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "complete_statement", args, 0, 1)?;
    let Some(sql) = arg_or_kw(args, kw, 0, "statement") else {
        return Err(
            vm.type_error("complete_statement() missing required argument 'statement' (pos 1)")
        );
    };
    let Value::Str(s) = sql else {
        return Err(vm.type_error(format!(
            "complete_statement() argument 'statement' must be str, not {}",
            vm.type_name(sql)
        )));
    };
    let Some(c) = ffi::cstring(s.as_str()) else {
        return Err(vm.value_error("embedded null character"));
    };
    Ok(Value::Bool(ffi::complete(&c)))
}

fn register_adapter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Dict(adapters)) = module_attr(vm, "adapters") else {
        return Ok(Value::None);
    };
    let proto = Value::Class(class_for::<PrepareProtocol>(vm));
    let key = Value::tuple(vec![args[0].clone(), proto]);
    vm.dict_set(&adapters, key, args[1].clone())?;
    Ok(Value::None)
}

fn register_converter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Value::Str(name) = &args[0] else {
        return Err(vm.type_error(format!(
            "register_converter() argument 1 must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let Some(Value::Dict(converters)) = module_attr(vm, "converters") else {
        return Ok(Value::None);
    };
    let key = new_str(name.as_str().to_uppercase());
    vm.dict_set(&converters, key, args[1].clone())?;
    Ok(Value::None)
}

fn enable_callback_tracebacks(
    vm: &mut Vm,
    args: &[Value],
    _kw: &[(Str, Value)],
) -> PyResult<Value> {
    let on = vm.truthy(&args[0])?;
    if let Some(Value::Module(m)) = vm.interp.modules.lock().get_by_str("_sqlite3").cloned() {
        m.dict
            .lock()
            .set_by_str("_enable_callback_tracebacks", Value::Bool(on));
    }
    Ok(Value::None)
}

fn enable_shared_cache(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(error(
        vm,
        "NotSupportedError",
        "shared cache is not supported",
    ))
}
