//! `sqlite3.Cursor`: executing statements (one parameter set, many, or a
//! script) and fetching their rows, with CPython 3.11's `rowcount`,
//! `lastrowid` and `description`.
//!
//! After `execute`, the first row is already stepped to, and fetches keep
//! rows stepped to ahead, as CPython keeps one: the statement is reset as
//! soon as its last row is read. Rows are stepped to in batches (up to
//! [`BATCH`] with the GIL released once), so reading many rows does not
//! pay a GIL hand-over per row; the only visible difference from CPython is
//! when a query's own side effects (a user function in it) happen.

use super::connection::{claim, in_session, release, Connection};
use super::ffi::{Db, ParamBuf, RowBuf, Stmt};
use super::values::{
    colname_type, converter_for, decltype_word, display_name, int_arg, Binder, RowMaker,
};
use super::{programming_error, sql_error, PARSE_COLNAMES, PARSE_DECLTYPES};
use crate::vm::lock::Mutex;
use crate::vm::native::{
    add_getters, builtin, class_for, downcast, native_class, new_object, no_kwargs,
};
use crate::vm::{new_str, Arity, ClassRef, Native, PyResult, Str, Value, Vm};
use rusqlite::ffi as c;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Rows stepped per GIL release when fetching many.
const BATCH: usize = 64;

pub struct Cursor {
    /// The Connection object.
    conn: Value,
    /// Set while an execute or fetch runs ("Recursive use of cursors").
    locked: AtomicBool,
    st: Mutex<State>,
}

struct State {
    closed: bool,
    /// The statement with rows still to come (claimed by this cursor).
    stmt: Option<Arc<Stmt>>,
    /// Rows stepped to and not fetched yet.
    rows: VecDeque<RowBuf>,
    spare: Vec<RowBuf>,
    params: ParamBuf,
    /// Per column: its converter (detect_types).
    converters: Arc<Vec<Option<Value>>>,
    description: Value,
    rowcount: i64,
    lastrowid: Value,
    arraysize: i64,
    row_factory: Value,
    /// The SQL text (identity) and statement of the last execute: a loop
    /// executing the same string skips the cache lookup.
    last: Option<(Str, Arc<Stmt>)>,
}

pub fn register(vm: &mut Vm) -> ClassRef {
    let class = native_class::<Cursor>(
        vm,
        "Cursor",
        "sqlite3",
        None,
        &[
            ("execute", Arity::range(1, 2), execute),
            ("executemany", Arity::exact(2), executemany),
            ("executescript", Arity::exact(1), executescript),
            ("fetchone", Arity::exact(0), fetchone),
            ("fetchmany", Arity::ANY, fetchmany),
            ("fetchall", Arity::exact(0), fetchall),
            ("close", Arity::exact(0), close),
            ("setinputsizes", Arity::exact(1), noop),
            ("setoutputsize", Arity::range(1, 2), noop),
            ("__iter__", Arity::exact(0), iter),
            ("__repr__", Arity::exact(0), super::native_repr),
            ("__next__", Arity::exact(0), next),
        ],
    );
    add_getters(
        vm,
        &class,
        &[
            ("description", description),
            ("rowcount", rowcount),
            ("lastrowid", lastrowid),
            ("connection", connection),
        ],
    );
    let mut d = class.dict.lock();
    d.set_by_str("__new__", builtin("Cursor.__new__", new));
    for (name, get, set) in [
        (
            "arraysize",
            get_arraysize as crate::vm::NativeFn,
            set_arraysize as crate::vm::NativeFn,
        ),
        ("row_factory", get_row_factory, set_row_factory),
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

fn fresh(conn: Value) -> Cursor {
    Cursor {
        conn,
        locked: AtomicBool::new(false),
        st: Mutex::new(State {
            closed: false,
            stmt: None,
            rows: VecDeque::new(),
            spare: Vec::new(),
            params: ParamBuf::default(),
            converters: Arc::new(Vec::new()),
            description: Value::None,
            rowcount: -1,
            lastrowid: Value::None,
            arraysize: 1,
            row_factory: Value::None,
            last: None,
        }),
    }
}

/// A plain cursor on `conn` (for the connection's shortcuts).
pub fn new_cursor(vm: &Vm, conn: Value) -> Value {
    new_object(vm, fresh(conn))
}

fn new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "Cursor", kw)?;
    let (cls, rest) = match args.split_first() {
        Some((c @ Value::Class(_), rest)) => (c.clone(), rest),
        _ => (Value::Class(class_for::<Cursor>(vm)), args),
    };
    if rest.len() != 1 {
        return Err(vm.type_error(format!("Cursor expected 1 argument, got {}", rest.len())));
    }
    let conn = rest[0].clone();
    if downcast::<Connection>(&conn).is_none() {
        return Err(vm.type_error(format!(
            "Cursor() argument 1 must be sqlite3.Connection, not {}",
            vm.type_name(&conn)
        )));
    }
    let obj = crate::vm::native::new_object_of(class_for::<Cursor>(vm), fresh(conn));
    Ok(vm.wrap_for_subclass(&cls, obj))
}

impl Cursor {
    pub fn set_row_factory(&self, f: Value) {
        self.st.lock().row_factory = f;
    }

    fn con(&self) -> &Connection {
        downcast::<Connection>(&self.conn).expect("checked when the cursor was made")
    }

    /// CPython's checks before using the cursor: not closed, not in use,
    /// the connection's thread, the connection open.
    fn check(&self, vm: &Vm) -> PyResult<Arc<Db>> {
        if self.st.lock().closed {
            return Err(programming_error(vm, "Cannot operate on a closed cursor."));
        }
        if self.locked.load(Ordering::Acquire) {
            return Err(programming_error(
                vm,
                "Recursive use of cursors not allowed.",
            ));
        }
        self.con().check(vm)
    }

    /// Marks the cursor busy until the guard drops.
    fn lock(&self, vm: &Vm) -> PyResult<Busy<'_>> {
        if self
            .locked
            .compare_exchange(false, true, Ordering::AcqRel, Ordering::Relaxed)
            .is_err()
        {
            return Err(programming_error(
                vm,
                "Recursive use of cursors not allowed.",
            ));
        }
        Ok(Busy(self))
    }

    /// Drops the statement with pending rows (reset, claim released).
    fn finish_statement(&self, vm: &mut Vm, db: &Arc<Db>) {
        let (stmt, rows) = {
            let mut st = self.st.lock();
            (st.stmt.take(), std::mem::take(&mut st.rows))
        };
        self.recycle(rows);
        if let Some(stmt) = stmt {
            in_session(vm, db, |s| stmt.reset(s));
            release(&stmt);
        }
    }

    fn recycle(&self, rows: VecDeque<RowBuf>) {
        let mut st = self.st.lock();
        for r in rows {
            if st.spare.len() < BATCH {
                st.spare.push(r);
            }
        }
    }
}

impl Drop for Cursor {
    fn drop(&mut self) {
        if let Some(stmt) = self.st.get_mut().stmt.take() {
            stmt.try_reset();
            release(&stmt);
        }
    }
}

struct Busy<'a>(&'a Cursor);

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        self.0.locked.store(false, Ordering::Release);
    }
}

fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Cursor> {
    crate::vm::native::this_object::<Cursor>(vm, args, "sqlite3.Cursor")
}

fn sql_arg(vm: &Vm, v: &Value, fname: &str) -> PyResult<Str> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(vm.type_error(format!(
            "{}() argument 1 must be str, not {}",
            fname,
            vm.type_name(v)
        ))),
    }
}

pub fn execute(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "Cursor.execute", kw)?;
    let sql = sql_arg(vm, &args[1], "execute")?;
    let empty;
    let params = match args.get(2) {
        Some(p) => p,
        None => {
            empty = Value::tuple(Vec::new());
            &empty
        }
    };
    run(vm, &args[0], &sql, Sets::One(params))?;
    Ok(args[0].clone())
}

pub fn executemany(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "Cursor.executemany", kw)?;
    let sql = sql_arg(vm, &args[1], "executemany")?;
    let it = vm.iter(&args[2])?;
    run(vm, &args[0], &sql, Sets::Many(it))?;
    Ok(args[0].clone())
}

/// The parameter sets of one execution.
enum Sets<'a> {
    One(&'a Value),
    /// An iterator of sets (`executemany`).
    Many(Value),
}

/// What one step left behind (computed with the GIL released).
#[derive(Default)]
struct StepOut {
    error: Option<super::ffi::SqlError>,
    has_row: bool,
    changes: i64,
    lastrowid: i64,
    /// Column names and declared types, when asked for.
    names: Option<Vec<String>>,
    decltypes: Vec<Option<String>>,
}

fn run(vm: &mut Vm, this_v: &Value, sql: &Str, sets: Sets<'_>) -> PyResult<()> {
    let cur = this(vm, std::slice::from_ref(this_v))?;
    let db = cur.check(vm)?;
    let _busy = cur.lock(vm)?;
    cur.finish_statement(vm, &db);
    let result = run_locked(vm, cur, &db, sql, sets);
    if result.is_err() {
        cur.st.lock().rowcount = -1;
    }
    result
}

fn run_locked(vm: &mut Vm, cur: &Cursor, db: &Arc<Db>, sql: &Str, sets: Sets<'_>) -> PyResult<()> {
    let con = cur.con();
    let many = matches!(sets, Sets::Many(_));
    let (last, mut params) = {
        let mut st = cur.st.lock();
        st.description = Value::None;
        st.rowcount = 0;
        st.converters = Arc::new(Vec::new());
        (st.last.clone(), std::mem::take(&mut st.params))
    };
    // The statement: the one this cursor ran last for the same string, if
    // free, else from the connection's cache.
    let stmt = match last {
        Some((s, stmt)) if crate::vm::sync::Shared::ptr_eq(&s, sql) && claim(&stmt) => Some(stmt),
        _ => con.statement(vm, db, sql)?,
    };
    let Some(stmt) = stmt else {
        // Blank SQL: nothing to run.
        if many {
            return Err(programming_error(
                vm,
                "executemany() can only execute DML statements.",
            ));
        }
        cur.st.lock().rowcount = -1;
        return Ok(());
    };
    let outcome = run_statement(vm, cur, db, &stmt, &sets, &mut params);
    let mut st = cur.st.lock();
    st.params = params;
    st.last = Some((sql.clone(), stmt.clone()));
    match outcome {
        Ok((has_row, rowcount, lastrowid)) => {
            st.rowcount = if stmt.is_dml { rowcount } else { -1 };
            if let Some(id) = lastrowid {
                st.lastrowid = Value::Int(id);
            }
            if has_row {
                st.stmt = Some(stmt);
            } else {
                release(&stmt);
            }
            Ok(())
        }
        Err(e) => {
            drop(st);
            in_session(vm, db, |s| stmt.reset(s));
            release(&stmt);
            Err(e)
        }
    }
}

/// Binds and steps `stmt` for each parameter set; the first row of the
/// last one is left in the cursor's queue. Returns (a row is pending, the
/// summed changes, the last row id for a single execute).
fn run_statement(
    vm: &mut Vm,
    cur: &Cursor,
    db: &Arc<Db>,
    stmt: &Arc<Stmt>,
    sets: &Sets<'_>,
    params: &mut ParamBuf,
) -> PyResult<(bool, i64, Option<i64>)> {
    let con = cur.con();
    let many = matches!(sets, Sets::Many(_));
    if many && stmt.readonly {
        return Err(programming_error(
            vm,
            "executemany() can only execute DML statements.",
        ));
    }
    let begin = if stmt.is_dml { con.begin_sql() } else { None };
    let binder = Binder::new(vm, &con.adapters);
    let detect = con.detect_types;
    let mut rowcount = 0i64;
    let mut has_row = false;
    let mut lastrowid = None;
    let mut buf = cur.st.lock().spare.pop().unwrap_or_default();
    let mut first = true;
    loop {
        let set = match sets {
            Sets::One(p) => {
                if !first {
                    break;
                }
                (*p).clone()
            }
            Sets::Many(it) => match vm.next(it)? {
                Some(p) => p,
                None => break,
            },
        };
        first = false;
        binder.bind(vm, stmt, &set, params)?;
        drop(set);
        let want_names = cur.st.lock().description.is_none();
        let p: &ParamBuf = params;
        let b = &mut buf;
        let out = in_session(vm, db, |s| {
            let mut out = StepOut::default();
            if let Some(begin) = &begin {
                if s.autocommit() {
                    if let Err(e) = s.exec(begin) {
                        out.error = Some(e);
                        return out;
                    }
                }
            }
            stmt.reset(s);
            if let Err((_, e)) = stmt.bind(s, p) {
                out.error = Some(e);
                return out;
            }
            match stmt.step(s) {
                c::SQLITE_ROW => {
                    out.has_row = true;
                    let n = stmt.column_count(s);
                    if want_names || detect != 0 {
                        out.names = Some((0..n).map(|i| stmt.column_name(s, i)).collect());
                    }
                    if detect & PARSE_DECLTYPES != 0 {
                        out.decltypes = (0..n).map(|i| stmt.column_decltype(s, i)).collect();
                    }
                    if detect == 0 {
                        stmt.read_row(s, b, &[]);
                    }
                }
                c::SQLITE_DONE => {
                    if stmt.is_dml {
                        out.changes = s.changes();
                    }
                    let n = stmt.column_count(s);
                    if want_names && n > 0 {
                        out.names = Some((0..n).map(|i| stmt.column_name(s, i)).collect());
                    }
                    stmt.reset(s);
                }
                _ => {
                    out.error = Some(s.error());
                    stmt.reset(s);
                }
            }
            out.lastrowid = s.last_insert_rowid();
            out
        });
        if let Some(e) = &out.error {
            cur.st.lock().spare.push(buf);
            return Err(sql_error(vm, e));
        }
        rowcount += out.changes;
        if !many {
            lastrowid = Some(out.lastrowid);
        }
        if let Some(names) = &out.names {
            if want_names && !names.is_empty() {
                let colnames = detect & PARSE_COLNAMES != 0;
                let desc = names
                    .iter()
                    .map(|n| {
                        let mut t = vec![new_str(display_name(n, colnames))];
                        t.resize(7, Value::None);
                        Value::tuple(t)
                    })
                    .collect();
                cur.st.lock().description = Value::tuple(desc);
            }
        }
        has_row = out.has_row;
        if has_row && detect != 0 {
            let names = out.names.unwrap_or_default();
            let converters = find_converters(vm, detect, &names, &out.decltypes)?;
            let mask: Vec<bool> = converters.iter().map(Option::is_some).collect();
            let b = &mut buf;
            in_session(vm, db, |s| stmt.read_row(s, b, &mask));
            cur.st.lock().converters = Arc::new(converters);
        }
    }
    let mut st = cur.st.lock();
    if has_row {
        st.rows.push_back(buf);
    } else {
        st.spare.push(buf);
    }
    Ok((has_row, rowcount, lastrowid))
}

/// Each column's converter: by the type in its name (PARSE_COLNAMES),
/// else by its declared type (PARSE_DECLTYPES).
fn find_converters(
    vm: &mut Vm,
    detect: i64,
    names: &[String],
    decltypes: &[Option<String>],
) -> PyResult<Vec<Option<Value>>> {
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let mut conv = None;
        if detect & PARSE_COLNAMES != 0 {
            if let Some(t) = colname_type(name) {
                conv = converter_for(vm, t)?;
            }
        }
        if conv.is_none() && detect & PARSE_DECLTYPES != 0 {
            if let Some(Some(d)) = decltypes.get(i) {
                conv = converter_for(vm, decltype_word(d))?;
            }
        }
        out.push(conv);
    }
    Ok(out)
}

pub fn executescript(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "Cursor.executescript", kw)?;
    let Value::Str(script) = &args[1] else {
        return Err(vm.type_error(format!(
            "executescript() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let cur = this(vm, args)?;
    let db = cur.check(vm)?;
    let _busy = cur.lock(vm)?;
    if script.as_str().contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    // The cursor's own statement and rows stay, as in CPython.
    let text = script.as_str();
    // A pending transaction is committed first, as CPython 3.11 does.
    let r = in_session(vm, &db, |s| {
        if !s.autocommit() {
            s.exec("COMMIT")?;
        }
        s.exec_script(text)
    });
    r.map_err(|e| sql_error(vm, &e))?;
    Ok(args[0].clone())
}

/// Fetches up to `max` rows (all when None), applying the row factory.
fn fetch(vm: &mut Vm, this_v: &Value, max: Option<usize>) -> PyResult<Vec<Value>> {
    let cur = this(vm, std::slice::from_ref(this_v))?;
    let db = cur.check(vm)?;
    let _busy = cur.lock(vm)?;
    let con = cur.con();
    let tf = con.text_factory();
    let maker = RowMaker {
        text_factory: match &tf {
            Value::Class(c) if crate::vm::sync::Shared::ptr_eq(c, &vm.types().str_) => None,
            _ => Some(tf.clone()),
        },
        converters: Vec::new(),
    };
    let (row_factory, description, converters) = {
        let st = cur.st.lock();
        (
            st.row_factory.clone(),
            st.description.clone(),
            st.converters.clone(),
        )
    };
    let maker = RowMaker {
        converters: converters.to_vec(),
        ..maker
    };
    let names = |i: usize| -> String {
        match &description {
            Value::Tuple(t) => match t.items.get(i) {
                Some(Value::Tuple(d)) => d.items[0].as_str().unwrap_or("").to_string(),
                _ => String::new(),
            },
            _ => String::new(),
        }
    };
    let mut out = Vec::new();
    loop {
        if max.is_some_and(|m| out.len() >= m) {
            break;
        }
        let row = cur.st.lock().rows.pop_front();
        let row = match row {
            Some(r) => r,
            None => {
                if !step_rows(vm, cur, &db, BATCH)? {
                    break;
                }
                continue;
            }
        };
        let value = maker.tuple(vm, &row, &names);
        {
            let mut st = cur.st.lock();
            if st.spare.len() < BATCH {
                st.spare.push(row);
            }
        }
        let mut value = value?;
        if !row_factory.is_none() {
            value = vm.call(&row_factory, &[this_v.clone(), value], &[])?;
        }
        out.push(value);
    }
    // Keep rows stepped to ahead, as CPython keeps one: the statement is
    // reset as soon as its last row is read.
    if cur.st.lock().rows.is_empty() {
        step_rows(vm, cur, &db, BATCH)?;
    }
    Ok(out)
}

/// Steps up to `want` rows of the pending statement into the queue;
/// false when there was no statement left.
fn step_rows(vm: &mut Vm, cur: &Cursor, db: &Arc<Db>, want: usize) -> PyResult<bool> {
    let (stmt, mut spare, mask) = {
        let mut st = cur.st.lock();
        let Some(stmt) = st.stmt.clone() else {
            return Ok(false);
        };
        let mask: Vec<bool> = st.converters.iter().map(Option::is_some).collect();
        (stmt, std::mem::take(&mut st.spare), mask)
    };
    let mut rows = VecDeque::new();
    let spare_ref = &mut spare;
    let rows_ref = &mut rows;
    let (rc, changes, err) = in_session(vm, db, |s| {
        let mut rc = c::SQLITE_ROW;
        for _ in 0..want {
            rc = stmt.step(s);
            if rc != c::SQLITE_ROW {
                break;
            }
            let mut b = spare_ref.pop().unwrap_or_default();
            stmt.read_row(s, &mut b, &mask);
            rows_ref.push_back(b);
        }
        let mut changes = 0;
        let mut err = None;
        if rc == c::SQLITE_DONE {
            changes = s.changes();
            stmt.reset(s);
        } else if rc != c::SQLITE_ROW {
            err = Some(s.error());
            stmt.reset(s);
        }
        (rc, changes, err)
    });
    let mut st = cur.st.lock();
    st.spare = spare;
    st.rows.extend(rows);
    if rc != c::SQLITE_ROW {
        if rc == c::SQLITE_DONE && stmt.is_dml {
            st.rowcount = changes;
        }
        st.stmt = None;
        release(&stmt);
    }
    drop(st);
    if let Some(e) = err {
        return Err(sql_error(vm, &e));
    }
    Ok(true)
}

fn fetchone(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(fetch(vm, &args[0], Some(1))?.pop().unwrap_or(Value::None))
}

fn fetchmany(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let cur = this(vm, args)?;
    let [size] = super::values::parse_args(vm, "fetchmany", &args[1..], kw, ["size"])?;
    let n = match size {
        Some(v) => int_arg(vm, v)?,
        None => cur.st.lock().arraysize,
    };
    // CPython stops after `n` rows; zero or a negative size never matches.
    let max = if n > 0 { Some(n as usize) } else { None };
    Ok(Value::list(fetch(vm, &args[0], max)?))
}

fn fetchall(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::list(fetch(vm, &args[0], None)?))
}

fn iter(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match fetch(vm, &args[0], Some(1))?.pop() {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let cur = this(vm, args)?;
    if cur.locked.load(Ordering::Acquire) {
        return Err(programming_error(
            vm,
            "Recursive use of cursors not allowed.",
        ));
    }
    let db = cur.con().check(vm)?;
    cur.finish_statement(vm, &db);
    cur.st.lock().closed = true;
    Ok(Value::None)
}

fn noop(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::None)
}

fn description(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(this(vm, args)?.st.lock().description.clone())
}

fn rowcount(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args)?.st.lock().rowcount))
}

fn lastrowid(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(this(vm, args)?.st.lock().lastrowid.clone())
}

fn connection(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(this(vm, args)?.conn.clone())
}

fn get_arraysize(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args)?.st.lock().arraysize))
}

fn set_arraysize(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let cur = this(vm, args)?;
    let n = int_arg(vm, &args[1])?;
    cur.st.lock().arraysize = n;
    Ok(Value::None)
}

fn get_row_factory(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(this(vm, args)?.st.lock().row_factory.clone())
}

fn set_row_factory(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    this(vm, args)?.set_row_factory(args[1].clone());
    Ok(Value::None)
}
