//! `sqlite3.Connection`: one open database, its transaction handling
//! (CPython 3.11's implicit `BEGIN` before DML, `isolation_level`), the
//! statement cache, user functions and the context manager.

use super::ffi::{self, Db, Session, Stmt};
use super::udf::PyRef;
use super::values::{int_arg, parse_args, str_arg};
use super::{programming_error, sql_error, without_gil, Cursor};
use crate::vm::lock::Mutex;
use crate::vm::native::{
    add_getters, arg_or_kw, builtin, class_for, downcast, native_class, no_kwargs,
};
use crate::vm::{new_str, Arity, ClassRef, Native, PyResult, Str, Value, Vm};
use rustc_hash::FxHashMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;

pub struct Connection {
    /// None once closed.
    db: Mutex<Option<Arc<Db>>>,
    /// `threading.get_ident()` of the creating thread.
    creator: u64,
    check_same_thread: bool,
    pub detect_types: i64,
    /// The module's adapter registry (a dict), looked at on every bind.
    pub adapters: Value,
    st: Mutex<State>,
    cache: Mutex<StmtCache>,
    /// The Python callables SQLite calls (user functions, aggregates,
    /// collations), emptied when the connection goes.
    callbacks: Mutex<Vec<Arc<PyRef>>>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        // Dropped with the GIL held: the callables go here, never in SQLite's
        // destructors (which may run without it).
        for slot in self.callbacks.get_mut().drain(..) {
            slot.0.lock().take();
        }
    }
}

struct State {
    /// None (autocommit) or the `BEGIN` kind: "", DEFERRED, IMMEDIATE, EXCLUSIVE.
    isolation_level: Value,
    row_factory: Value,
    text_factory: Value,
}

/// Prepared statements by SQL text, least recently used dropped first
/// (CPython's `cached_statements`).
struct StmtCache {
    map: FxHashMap<Box<str>, (Arc<Stmt>, u64)>,
    tick: u64,
    capacity: usize,
}

impl StmtCache {
    fn get(&mut self, sql: &str) -> Option<Arc<Stmt>> {
        self.tick += 1;
        let tick = self.tick;
        self.map.get_mut(sql).map(|(s, t)| {
            *t = tick;
            s.clone()
        })
    }

    fn put(&mut self, sql: &str, stmt: Arc<Stmt>) {
        if self.capacity == 0 {
            return;
        }
        if self.map.len() >= self.capacity {
            let oldest = self
                .map
                .iter()
                .min_by_key(|(_, (_, t))| *t)
                .map(|(k, _)| k.clone());
            if let Some(k) = oldest {
                self.map.remove(&k);
            }
        }
        self.tick += 1;
        self.map.insert(sql.into(), (stmt, self.tick));
    }
}

const ISOLATION_LEVELS: [&str; 3] = ["DEFERRED", "IMMEDIATE", "EXCLUSIVE"];

pub fn register(vm: &mut Vm) -> ClassRef {
    let class = native_class::<Connection>(
        vm,
        "Connection",
        "sqlite3",
        None,
        &[
            ("cursor", Arity::range(0, 1), cursor),
            ("execute", Arity::range(1, 2), execute),
            ("executemany", Arity::exact(2), executemany),
            ("executescript", Arity::exact(1), executescript),
            ("commit", Arity::exact(0), commit),
            ("rollback", Arity::exact(0), rollback),
            ("close", Arity::exact(0), close),
            ("create_function", Arity::ANY, super::udf::create_function),
            ("create_aggregate", Arity::ANY, super::udf::create_aggregate),
            (
                "create_collation",
                Arity::exact(2),
                super::udf::create_collation,
            ),
            ("interrupt", Arity::exact(0), interrupt),
            ("iterdump", Arity::exact(0), iterdump),
            ("backup", Arity::ANY, backup),
            ("getlimit", Arity::exact(1), getlimit),
            ("setlimit", Arity::exact(2), setlimit),
            ("__enter__", Arity::exact(0), enter),
            ("__repr__", Arity::exact(0), super::native_repr),
            ("__exit__", Arity::exact(3), exit),
        ],
    );
    add_getters(
        vm,
        &class,
        &[
            ("total_changes", total_changes),
            ("in_transaction", in_transaction),
        ],
    );
    let mut d = class.dict.lock();
    d.set_by_str("__new__", builtin("Connection.__new__", new));
    for (name, get, set) in [
        (
            "isolation_level",
            get_isolation_level as crate::vm::NativeFn,
            set_isolation_level as crate::vm::NativeFn,
        ),
        ("row_factory", get_row_factory, set_row_factory),
        ("text_factory", get_text_factory, set_text_factory),
    ] {
        d.set_by_str(
            name,
            Value::native(Native::Property {
                fget: builtin(name, get),
                fset: builtin(name, set),
                fdel: Value::None,
                doc: Value::None,
            }),
        );
    }
    drop(d);
    class
}

fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Connection> {
    crate::vm::native::this_object::<Connection>(vm, args, "sqlite3.Connection")
}

/// Runs `f` in a session of `db`, with the GIL released.
pub fn in_session<R: Send>(
    vm: &mut Vm,
    db: &Arc<Db>,
    f: impl FnOnce(&Session<'_>) -> R + Send,
) -> R {
    without_gil(vm, || f(&db.session()))
}

impl Connection {
    /// The open database, after CPython's checks: the creating thread
    /// (unless `check_same_thread=False`), then not closed.
    pub fn check(&self, vm: &Vm) -> PyResult<Arc<Db>> {
        self.check_thread(vm)?;
        self.open_db(vm)
    }

    fn check_thread(&self, vm: &Vm) -> PyResult<()> {
        if self.check_same_thread {
            let me = crate::vm::os::thread_ident();
            if me != self.creator {
                return Err(programming_error(
                    vm,
                    format!(
                        "SQLite objects created in a thread can only be used in that same thread. \
                         The object was created in thread id {} and this is thread id {}.",
                        self.creator, me
                    ),
                ));
            }
        }
        Ok(())
    }

    fn open_db(&self, vm: &Vm) -> PyResult<Arc<Db>> {
        match &*self.db.lock() {
            Some(db) => Ok(db.clone()),
            None => Err(programming_error(
                vm,
                "Cannot operate on a closed database.",
            )),
        }
    }

    /// Keeps a callable for SQLite's callbacks; they reach it through the
    /// returned slot.
    pub fn keep(&self, v: Value) -> Arc<PyRef> {
        let slot = Arc::new(PyRef(Mutex::new(Some(v))));
        self.callbacks.lock().push(slot.clone());
        slot
    }

    pub fn row_factory(&self) -> Value {
        self.st.lock().row_factory.clone()
    }

    pub fn text_factory(&self) -> Value {
        self.st.lock().text_factory.clone()
    }

    /// The `BEGIN` statement run before DML outside a transaction, if any.
    pub fn begin_sql(&self) -> Option<String> {
        match &self.st.lock().isolation_level {
            Value::Str(s) => Some(format!("BEGIN {}", s.as_str())),
            _ => None,
        }
    }

    /// A prepared statement for `sql`: from the cache when there is one not
    /// in use by another cursor, else compiled (with the GIL released).
    /// The statement comes back claimed (`in_use`) by the caller.
    pub fn statement(&self, vm: &mut Vm, db: &Arc<Db>, sql: &Str) -> PyResult<Option<Arc<Stmt>>> {
        if let Some(s) = self.cache.lock().get(sql.as_str()) {
            if claim(&s) {
                return Ok(Some(s));
            }
            // Busy elsewhere: a fresh one, not cached.
            return self.compile(vm, db, sql, false);
        }
        self.compile(vm, db, sql, true)
    }

    fn compile(
        &self,
        vm: &mut Vm,
        db: &Arc<Db>,
        sql: &Str,
        cache: bool,
    ) -> PyResult<Option<Arc<Stmt>>> {
        let text = sql.as_str();
        if text.contains('\0') {
            return Err(programming_error(vm, "the query contains a null character"));
        }
        let r = in_session(vm, db, |s| {
            if text.len() > s.limit(rusqlite::ffi::SQLITE_LIMIT_SQL_LENGTH, -1).max(0) as usize {
                return Err(None);
            }
            s.prepare(db, text).map_err(Some)
        });
        let p = match r {
            Ok(p) => p,
            Err(None) => return Err(super::error(vm, "DataError", "query string is too large")),
            Err(Some(e)) => return Err(sql_error(vm, &e)),
        };
        if !ffi::skip_blanks(&text[p.tail..]).is_empty() {
            return Err(programming_error(
                vm,
                "You can only execute one statement at a time.",
            ));
        }
        let Some(stmt) = p.stmt else {
            return Ok(None);
        };
        let stmt = Arc::new(stmt);
        claim(&stmt);
        if cache {
            self.cache.lock().put(text, stmt.clone());
        }
        Ok(Some(stmt))
    }

    /// Runs `COMMIT` or `ROLLBACK` when a transaction is open.
    fn end_transaction(&self, vm: &mut Vm, sql: &str) -> PyResult<()> {
        let db = self.check(vm)?;
        let r = in_session(
            vm,
            &db,
            |s| if s.autocommit() { Ok(()) } else { s.exec(sql) },
        );
        r.map_err(|e| sql_error(vm, &e))
    }
}

/// Claims a statement for one cursor; false if another has it.
pub fn claim(stmt: &Stmt) -> bool {
    stmt.in_use
        .compare_exchange(false, true, Ordering::AcqRel, Ordering::Relaxed)
        .is_ok()
}

/// Releases a cursor's claim on a statement.
pub fn release(stmt: &Stmt) {
    stmt.in_use.store(false, Ordering::Release);
}

fn fspath(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b.as_bytes()).into_owned()),
        _ => {
            if let Some(f) = vm.lookup_special(v, "__fspath__") {
                let r = vm.call(&f, &[], &[])?;
                if matches!(r, Value::Str(_) | Value::Bytes(_)) {
                    return fspath(vm, &r);
                }
            }
            Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(v)
            )))
        }
    }
}

fn isolation_value(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::None => Ok(Value::None),
        Value::Str(s) => {
            let t = s.as_str();
            if t.is_empty() {
                return Ok(new_str(""));
            }
            match ISOLATION_LEVELS.iter().find(|l| l.eq_ignore_ascii_case(t)) {
                Some(l) => Ok(new_str(*l)),
                None => Err(vm.value_error(
                    "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'",
                )),
            }
        }
        _ => Err(vm.type_error("isolation_level must be str or None")),
    }
}

/// `Connection(database, timeout=5.0, detect_types=0, isolation_level='',
/// check_same_thread=True, factory=Connection, cached_statements=128, uri=False)`.
fn new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let (cls, args) = match args.split_first() {
        Some((c @ Value::Class(_), rest)) => (c.clone(), rest),
        _ => (Value::Class(class_for::<Connection>(vm)), args),
    };
    let [database, timeout, detect_types, isolation, same_thread, _factory, cached, uri] =
        parse_args(
            vm,
            "Connection",
            args,
            kw,
            [
                "database",
                "timeout",
                "detect_types",
                "isolation_level",
                "check_same_thread",
                "factory",
                "cached_statements",
                "uri",
            ],
        )?;
    let Some(database) = database else {
        return Err(vm.type_error("Connection() missing required argument 'database' (pos 1)"));
    };
    let path = fspath(vm, database)?;
    let timeout = match timeout {
        None => 5.0,
        Some(Value::Float(f)) => *f,
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Bool(b)) => *b as i64 as f64,
        Some(v) => {
            return Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
        }
    };
    let detect_types = match detect_types {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let isolation_level = match isolation {
        Some(v) => isolation_value(vm, v)?,
        None => new_str(""),
    };
    let check_same_thread = match same_thread {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let capacity = match cached {
        Some(v) => int_arg(vm, v)?.max(0) as usize,
        None => 128,
    };
    let uri = match uri {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let Some(cpath) = ffi::cstring(&path) else {
        return Err(vm.value_error("embedded null character"));
    };
    use rusqlite::ffi as c;
    let flags =
        c::SQLITE_OPEN_READWRITE | c::SQLITE_OPEN_CREATE | if uri { c::SQLITE_OPEN_URI } else { 0 };
    let ms = (timeout * 1000.0).clamp(0.0, i32::MAX as f64) as i32;
    let db = without_gil(vm, || Db::open(&cpath, flags, ms)).map_err(|e| sql_error(vm, &e))?;
    let adapters = super::module_attr(vm, "adapters").unwrap_or(Value::None);
    let con = Connection {
        db: Mutex::new(Some(db)),
        creator: crate::vm::os::thread_ident(),
        check_same_thread,
        detect_types,
        adapters,
        st: Mutex::new(State {
            isolation_level,
            row_factory: Value::None,
            text_factory: Value::Class(vm.types().str_.clone()),
        }),
        cache: Mutex::new(StmtCache {
            map: FxHashMap::default(),
            tick: 0,
            capacity,
        }),
        callbacks: Mutex::new(Vec::new()),
    };
    let obj = match &cls {
        Value::Class(c) if !c.builtin => {
            crate::vm::native::new_object_of(class_for::<Connection>(vm), con)
        }
        Value::Class(c) => crate::vm::native::new_object_of(c.clone(), con),
        _ => crate::vm::native::new_object(vm, con),
    };
    Ok(vm.wrap_for_subclass(&cls, obj))
}

fn cursor(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let con = this(vm, args)?;
    con.check(vm)?;
    let factory = match arg_or_kw(&args[1..], kw, 0, "factory") {
        Some(f) => f.clone(),
        None => Value::Class(class_for::<Cursor>(vm)),
    };
    let me = args[0].clone();
    let cur = vm.call(&factory, &[me], &[])?;
    let Some(c) = downcast::<Cursor>(&cur) else {
        return Err(vm.type_error(format!(
            "factory must return a cursor, not {}",
            vm.type_name(&cur)
        )));
    };
    let rf = con.row_factory();
    if !rf.is_none() {
        c.set_row_factory(rf);
    }
    Ok(cur)
}

fn plain_cursor(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let con = this(vm, args)?;
    con.check(vm)?;
    let cur = super::cursor::new_cursor(vm, args[0].clone());
    let rf = con.row_factory();
    if !rf.is_none() {
        if let Some(c) = downcast::<Cursor>(&cur) {
            c.set_row_factory(rf);
        }
    }
    Ok(cur)
}

fn execute(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "Connection.execute", kw)?;
    let cur = plain_cursor(vm, args)?;
    let mut all = vec![cur.clone()];
    all.extend_from_slice(&args[1..]);
    super::cursor::execute(vm, &all, &[])?;
    Ok(cur)
}

fn executemany(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "Connection.executemany", kw)?;
    let cur = plain_cursor(vm, args)?;
    super::cursor::executemany(vm, &[cur.clone(), args[1].clone(), args[2].clone()], &[])?;
    Ok(cur)
}

fn executescript(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "Connection.executescript", kw)?;
    let cur = plain_cursor(vm, args)?;
    super::cursor::executescript(vm, &[cur.clone(), args[1].clone()], &[])?;
    Ok(cur)
}

fn commit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    this(vm, args)?.end_transaction(vm, "COMMIT")?;
    Ok(Value::None)
}

fn rollback(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    this(vm, args)?.end_transaction(vm, "ROLLBACK")?;
    Ok(Value::None)
}

fn close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let con = this(vm, args)?;
    con.check_thread(vm)?;
    // Cached statements go first; the connection closes when the last
    // statement a cursor still holds is dropped (as `sqlite3_close_v2`).
    let cached = std::mem::take(&mut con.cache.lock().map);
    let db = con.db.lock().take();
    if let Some(db) = db {
        // Finalizing and closing may wait for another thread's session.
        without_gil(vm, move || {
            let _s = db.session();
            drop(_s);
            drop(cached);
            drop(db);
        });
    }
    Ok(Value::None)
}

fn interrupt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let con = this(vm, args)?;
    con.open_db(vm)?.interrupt();
    Ok(Value::None)
}

fn iterdump(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    this(vm, args)?.check(vm)?;
    let m = vm.import("sqlite3.dump", false)?;
    let f = vm.getattr_str(&m, "_iterdump")?;
    vm.call(&f, &[crate::vm::native::native_value(&args[0])], &[])
}

/// `backup(target, *, pages=-1, progress=None, name="main", sleep=0.250)`.
fn backup(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let con = this(vm, args)?;
    let db = con.check(vm)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "backup() takes at most 1 positional argument ({} given)",
            args.len() - 1
        )));
    }
    let [target, pages, progress, name, _sleep] = parse_args(
        vm,
        "backup",
        &args[1..],
        kw,
        ["target", "pages", "progress", "name", "sleep"],
    )?;
    let Some(target) = target else {
        return Err(vm.type_error("backup() missing required argument 'target' (pos 1)"));
    };
    let Some(tcon) = downcast::<Connection>(target) else {
        return Err(vm.type_error(format!(
            "backup() argument 'target' must be sqlite3.Connection, not {}",
            vm.type_name(target)
        )));
    };
    if std::ptr::eq(tcon, con) {
        return Err(vm.value_error("target cannot be the same connection instance"));
    }
    let tdb = tcon.check(vm)?;
    let pages = match pages {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let pages = if pages == 0 { -1 } else { pages as i32 };
    let progress = progress.filter(|p| !p.is_none()).cloned();
    if let Some(p) = &progress {
        if vm.lookup_special(p, "__call__").is_none()
            && !matches!(
                p,
                Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_)
            )
        {
            return Err(vm.type_error("progress argument must be a callable"));
        }
    }
    let name = match name {
        Some(v) => str_arg(vm, v, "backup", "'name'")?.as_str().to_string(),
        None => "main".to_string(),
    };
    let Some(cname) = ffi::cstring(&name) else {
        return Err(vm.value_error("embedded null character"));
    };
    let mut failed: Option<crate::vm::PyErr> = None;
    let r = without_gil(vm, || {
        let (s, t) = (db.session(), tdb.session());
        s.backup_to(&t, &cname, pages, &mut |status, remaining, total| {
            if let (Some(p), None) = (&progress, &failed) {
                let r = super::with_vm(|vm| {
                    vm.call(
                        p,
                        &[
                            Value::Int(status as i64),
                            Value::Int(remaining as i64),
                            Value::Int(total as i64),
                        ],
                        &[],
                    )
                    .map(|_| ())
                });
                if let Some(Err(e)) = r {
                    failed = Some(e);
                }
            }
        })
    });
    if let Some(e) = failed {
        return Err(e);
    }
    r.map_err(|e| sql_error(vm, &e))?;
    Ok(Value::None)
}

fn limit_category(vm: &Vm, v: &Value) -> PyResult<i32> {
    match v {
        Value::Int(i) if (0..=11).contains(i) => Ok(*i as i32),
        Value::Int(_) => Err(programming_error(vm, "'category' is out of bounds")),
        _ => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn getlimit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let db = this(vm, args)?.check(vm)?;
    let cat = limit_category(vm, &args[1])?;
    Ok(Value::Int(in_session(vm, &db, |s| s.limit(cat, -1)) as i64))
}

fn setlimit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let db = this(vm, args)?.check(vm)?;
    let cat = limit_category(vm, &args[1])?;
    let value = int_arg(vm, &args[2])?.clamp(-1, i32::MAX as i64) as i32;
    Ok(Value::Int(
        in_session(vm, &db, |s| s.limit(cat, value)) as i64
    ))
}

fn enter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    this(vm, args)?.open_db(vm)?;
    Ok(args[0].clone())
}

/// Commits when the block succeeded, rolls back when it raised; never
/// closes, never swallows the exception.
fn exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let con = this(vm, args)?;
    if args[1].is_none() {
        if let Err(e) = con.end_transaction(vm, "COMMIT") {
            let _ = con.end_transaction(vm, "ROLLBACK");
            return Err(e);
        }
    } else {
        con.end_transaction(vm, "ROLLBACK")?;
    }
    Ok(Value::Bool(false))
}

fn total_changes(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let db = this(vm, args)?.open_db(vm)?;
    Ok(Value::Int(in_session(vm, &db, |s| s.total_changes())))
}

fn in_transaction(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let db = this(vm, args)?.open_db(vm)?;
    Ok(Value::Bool(!in_session(vm, &db, |s| s.autocommit())))
}

fn get_isolation_level(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let con = this(vm, args)?;
    con.open_db(vm)?;
    Ok(con.st.lock().isolation_level.clone())
}

fn set_isolation_level(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let con = this(vm, args)?;
    let level = isolation_value(vm, &args[1])?;
    if level.is_none() {
        // Autocommit from now on: a pending transaction is committed.
        if let Some(db) = con.db.lock().clone() {
            let r = in_session(vm, &db, |s| {
                if s.autocommit() {
                    Ok(())
                } else {
                    s.exec("COMMIT")
                }
            });
            r.map_err(|e| sql_error(vm, &e))?;
        }
    }
    con.st.lock().isolation_level = level;
    Ok(Value::None)
}

fn get_row_factory(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(this(vm, args)?.row_factory())
}

fn set_row_factory(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    this(vm, args)?.st.lock().row_factory = args[1].clone();
    Ok(Value::None)
}

fn get_text_factory(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(this(vm, args)?.text_factory())
}

fn set_text_factory(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    this(vm, args)?.st.lock().text_factory = args[1].clone();
    Ok(Value::None)
}
