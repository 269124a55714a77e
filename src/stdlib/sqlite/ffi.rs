//! The SQLite C library behind a small safe interface: every `unsafe` of
//! the `sqlite3` module is in this file.
//!
//! A connection ([`Db`]) is opened without SQLite's own mutex and guarded
//! by a reentrant lock: every call on it or on its statements happens inside
//! a [`Session`] (that lock held). Sessions are taken with the GIL released,
//! so a thread holding the GIL never waits for one; a Python callback run by
//! SQLite (a user function inside `step`) takes the GIL back while its
//! thread holds the session, and may use the same connection again (the
//! lock is reentrant). Rows and parameters cross the boundary as copies in
//! Rust buffers ([`RowBuf`], [`ParamBuf`]), so no pointer into SQLite's
//! memory outlives the session it was read in.

use crate::vm::lock::{Mutex, ReentrantGuard, ReentrantLock};
use rusqlite::ffi;
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::ops::Range;
use std::ptr::NonNull;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Once};

/// What SQLite reported for a failed call: the extended result code and
/// the message.
#[derive(Debug, Clone)]
pub struct SqlError {
    pub code: i32,
    pub msg: String,
}

/// Copies a C string SQLite returned (may be null).
fn c_string(p: *const c_char) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: SQLite returns null or a valid NUL-terminated string that stays
    // valid until the next call on the same object; it is copied at once.
    Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

/// The English text of a result code.
pub fn errstr(code: i32) -> String {
    // SAFETY: sqlite3_errstr accepts any code and returns a static string.
    c_string(unsafe { ffi::sqlite3_errstr(code) }).unwrap_or_default()
}

/// The library's version string (`sqlite3.sqlite_version`).
pub fn libversion() -> String {
    // SAFETY: returns a pointer to a static string.
    c_string(unsafe { ffi::sqlite3_libversion() }).unwrap_or_default()
}

/// Whether `sql` ends with a complete statement (`complete_statement`).
pub fn complete(sql: &CStr) -> bool {
    // SAFETY: `sql` is a valid NUL-terminated string.
    unsafe { ffi::sqlite3_complete(sql.as_ptr()) != 0 }
}

/// Turns off the library-wide URI filenames that the bundled build enables,
/// so that a name is a URI only with `uri=True`, as CPython's build does.
fn configure_once() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: sqlite3_config must run before the library is initialised;
        // this is the first SQLite call of the process (every connection
        // opens through here) and it runs once. A failure only leaves URIs on.
        unsafe {
            ffi::sqlite3_config(ffi::SQLITE_CONFIG_URI, 0 as c_int);
        }
    });
}

struct RawStmt(NonNull<ffi::sqlite3_stmt>);

// SAFETY: a statement pointer is only used inside a session of its
// connection (or finalized when the connection closes), whatever the thread.
unsafe impl Send for RawStmt {}

/// An open database connection.
pub struct Db {
    raw: NonNull<ffi::sqlite3>,
    lock: ReentrantLock,
    /// Statements dropped while another thread held the session: finalized
    /// by the next session (a drop may run under the GIL and must not wait).
    orphans: Mutex<Vec<RawStmt>>,
}

// SAFETY: the handle is used only inside a `Session` (the reentrant lock held
// by one thread at a time), except `sqlite3_interrupt`, which SQLite allows
// from any thread, and the close in `Drop`, which runs with no other
// reference left.
unsafe impl Send for Db {}
// SAFETY: as above.
unsafe impl Sync for Db {}

impl Db {
    /// Opens `path` with `flags` (`SQLITE_OPEN_*`; the no-mutex flag is
    /// added) and sets the busy timeout.
    pub fn open(path: &CStr, flags: c_int, timeout_ms: c_int) -> Result<Arc<Db>, SqlError> {
        configure_once();
        let mut raw: *mut ffi::sqlite3 = std::ptr::null_mut();
        // SAFETY: `path` is NUL-terminated, `raw` receives the handle.
        let rc = unsafe {
            ffi::sqlite3_open_v2(
                path.as_ptr(),
                &mut raw,
                flags | ffi::SQLITE_OPEN_NOMUTEX,
                std::ptr::null(),
            )
        };
        let Some(handle) = NonNull::new(raw) else {
            return Err(SqlError {
                code: ffi::SQLITE_NOMEM,
                msg: errstr(ffi::SQLITE_NOMEM),
            });
        };
        let db = Db {
            raw: handle,
            lock: ReentrantLock::new(),
            orphans: Mutex::new(Vec::new()),
        };
        let s = db.session();
        if rc != ffi::SQLITE_OK {
            return Err(s.error());
        }
        // SAFETY: a valid open handle, inside its session. The bundled build
        // turns foreign keys on by default; CPython's library leaves them off.
        unsafe {
            ffi::sqlite3_busy_timeout(handle.as_ptr(), timeout_ms);
            ffi::sqlite3_db_config(
                handle.as_ptr(),
                ffi::SQLITE_DBCONFIG_ENABLE_FKEY,
                0 as c_int,
                std::ptr::null_mut::<c_int>(),
            );
        }
        drop(s);
        Ok(Arc::new(db))
    }

    /// Takes the connection's lock (blocking: call with the GIL released).
    pub fn session(&self) -> Session<'_> {
        let guard = self.lock.lock();
        let s = Session {
            db: self,
            _guard: guard,
        };
        s.finalize_orphans();
        s
    }

    /// Interrupts a running query (any thread may call it).
    pub fn interrupt(&self) {
        // SAFETY: sqlite3_interrupt is safe to call from any thread while the
        // connection is open, which it is while `self` exists.
        unsafe { ffi::sqlite3_interrupt(self.raw.as_ptr()) }
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        for RawStmt(p) in self.orphans.get_mut().drain(..) {
            // SAFETY: an unfinalized statement of this connection; nothing
            // else references it.
            unsafe { ffi::sqlite3_finalize(p.as_ptr()) };
        }
        // SAFETY: the last reference to the handle; every `Stmt` holds an
        // `Arc<Db>`, so all statements are finalized already (and the
        // orphans just above), which `sqlite3_close` requires.
        unsafe { ffi::sqlite3_close(self.raw.as_ptr()) };
    }
}

/// The connection's lock, held: proof that SQLite calls may be made.
pub struct Session<'a> {
    db: &'a Db,
    _guard: ReentrantGuard<'a>,
}

/// A statement just prepared, and where the SQL after it starts.
pub struct Prepared {
    pub stmt: Option<Stmt>,
    pub tail: usize,
}

impl Session<'_> {
    fn raw(&self) -> *mut ffi::sqlite3 {
        self.db.raw.as_ptr()
    }

    fn finalize_orphans(&self) {
        let orphans = std::mem::take(&mut *self.db.orphans.lock());
        for RawStmt(p) in orphans {
            // SAFETY: a statement of this connection that no `Stmt` owns any
            // more, finalized inside the session.
            unsafe { ffi::sqlite3_finalize(p.as_ptr()) };
        }
    }

    /// The error of the last failed call on this connection.
    pub fn error(&self) -> SqlError {
        // SAFETY: a valid handle inside its session.
        let (code, msg) = unsafe {
            (
                ffi::sqlite3_extended_errcode(self.raw()),
                c_string(ffi::sqlite3_errmsg(self.raw())),
            )
        };
        SqlError {
            code,
            msg: msg.unwrap_or_else(|| errstr(code)),
        }
    }

    pub fn changes(&self) -> i64 {
        // SAFETY: a valid handle inside its session.
        unsafe { ffi::sqlite3_changes64(self.raw()) }
    }

    pub fn total_changes(&self) -> i64 {
        // SAFETY: a valid handle inside its session.
        unsafe { ffi::sqlite3_total_changes64(self.raw()) }
    }

    pub fn last_insert_rowid(&self) -> i64 {
        // SAFETY: a valid handle inside its session.
        unsafe { ffi::sqlite3_last_insert_rowid(self.raw()) }
    }

    /// Whether no transaction is open.
    pub fn autocommit(&self) -> bool {
        // SAFETY: a valid handle inside its session.
        unsafe { ffi::sqlite3_get_autocommit(self.raw()) != 0 }
    }

    /// `sqlite3_limit`: sets a limit (when `value` >= 0) and returns the old one.
    pub fn limit(&self, id: c_int, value: c_int) -> c_int {
        // SAFETY: a valid handle inside its session; SQLite checks `id`.
        unsafe { ffi::sqlite3_limit(self.raw(), id, value) }
    }

    /// Compiles the first statement of `sql`: the statement (None when
    /// `sql` holds only blanks and comments) and where the rest starts.
    fn prepare_raw(
        &self,
        sql: &str,
    ) -> Result<(Option<NonNull<ffi::sqlite3_stmt>>, usize), SqlError> {
        let mut stmt: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
        let mut tail: *const c_char = std::ptr::null();
        let start = sql.as_ptr() as *const c_char;
        let Ok(len) = c_int::try_from(sql.len()) else {
            return Err(SqlError {
                code: ffi::SQLITE_TOOBIG,
                msg: errstr(ffi::SQLITE_TOOBIG),
            });
        };
        // SAFETY: `sql` is valid for `len` bytes (the length is passed, so no
        // terminator is needed); `tail` points into it on return.
        let rc = unsafe { ffi::sqlite3_prepare_v2(self.raw(), start, len, &mut stmt, &mut tail) };
        if rc != ffi::SQLITE_OK {
            return Err(self.error());
        }
        let tail = if tail.is_null() {
            sql.len()
        } else {
            (tail as usize)
                .saturating_sub(start as usize)
                .min(sql.len())
        };
        Ok((NonNull::new(stmt), tail))
    }

    /// Compiles the first statement of `sql` on `db` (whose session this
    /// is): the statement keeps the connection open.
    pub fn prepare(&self, db: &Arc<Db>, sql: &str) -> Result<Prepared, SqlError> {
        assert!(
            std::ptr::eq(&**db, self.db),
            "a session of another connection"
        );
        let (raw, tail) = self.prepare_raw(sql)?;
        Ok(Prepared {
            stmt: raw.map(|raw| Stmt::new(raw, db.clone())),
            tail,
        })
    }

    /// Runs one statement without results (`BEGIN`, `COMMIT`, `ROLLBACK`).
    pub fn exec(&self, sql: &str) -> Result<(), SqlError> {
        let Some(raw) = self.prepare_raw(sql)?.0 else {
            return Ok(());
        };
        // SAFETY: a statement just prepared on this handle, stepped and
        // finalized inside the session.
        let rc = unsafe { ffi::sqlite3_step(raw.as_ptr()) };
        let result = if rc == ffi::SQLITE_DONE || rc == ffi::SQLITE_ROW {
            Ok(())
        } else {
            Err(self.error())
        };
        // SAFETY: as above; the statement is not used again.
        unsafe { ffi::sqlite3_finalize(raw.as_ptr()) };
        result
    }

    /// Runs every statement of `script` in turn, results discarded
    /// (`executescript`); stops at the first error.
    pub fn exec_script(&self, script: &str) -> Result<(), SqlError> {
        let mut rest = script;
        loop {
            if skip_blanks(rest).is_empty() {
                return Ok(());
            }
            let (raw, tail) = self.prepare_raw(rest)?;
            rest = &rest[tail..];
            let Some(raw) = raw else {
                if tail == 0 {
                    return Ok(());
                }
                continue;
            };
            let rc = loop {
                // SAFETY: a statement just prepared on this handle, inside
                // the session.
                let rc = unsafe { ffi::sqlite3_step(raw.as_ptr()) };
                if rc != ffi::SQLITE_ROW {
                    break rc;
                }
            };
            let result = if rc == ffi::SQLITE_DONE {
                Ok(())
            } else {
                Err(self.error())
            };
            // SAFETY: as above; not used again.
            unsafe { ffi::sqlite3_finalize(raw.as_ptr()) };
            result?;
            if tail == 0 {
                return Ok(());
            }
        }
    }

    /// Copies the whole database into `target` (`Connection.backup`),
    /// `pages` at a time (-1: all at once), calling `progress(status,
    /// remaining, total)` after each step.
    pub fn backup_to(
        &self,
        target: &Session<'_>,
        name: &CStr,
        pages: c_int,
        progress: &mut dyn FnMut(c_int, c_int, c_int),
    ) -> Result<(), SqlError> {
        let main = c"main";
        // SAFETY: both handles are valid inside their sessions; the names
        // are NUL-terminated.
        let b = unsafe {
            ffi::sqlite3_backup_init(target.raw(), main.as_ptr(), self.raw(), name.as_ptr())
        };
        if b.is_null() {
            return Err(target.error());
        }
        loop {
            // SAFETY: `b` is a live backup object until finished below.
            let rc = unsafe { ffi::sqlite3_backup_step(b, pages) };
            // SAFETY: as above.
            let (remaining, total) = unsafe {
                (
                    ffi::sqlite3_backup_remaining(b),
                    ffi::sqlite3_backup_pagecount(b),
                )
            };
            progress(rc, remaining, total);
            match rc {
                ffi::SQLITE_OK | ffi::SQLITE_BUSY | ffi::SQLITE_LOCKED => {
                    if rc != ffi::SQLITE_OK {
                        std::thread::sleep(std::time::Duration::from_millis(250));
                    }
                }
                _ => break,
            }
        }
        // SAFETY: finishes and frees the backup object.
        let rc = unsafe { ffi::sqlite3_backup_finish(b) };
        if rc != ffi::SQLITE_OK {
            return Err(target.error());
        }
        Ok(())
    }
}

/// One value of a row, copied out of SQLite (text and blobs in `RowBuf::bytes`).
#[derive(Clone, Debug)]
pub enum Col {
    Null,
    Int(i64),
    Float(f64),
    Text(Range<usize>),
    Blob(Range<usize>),
}

/// A row copied out of a statement; reused from row to row.
#[derive(Default)]
pub struct RowBuf {
    pub cols: Vec<Col>,
    pub bytes: Vec<u8>,
}

/// One parameter to bind (text and blobs in `ParamBuf::bytes`).
#[derive(Clone, Debug)]
pub enum Param {
    Null,
    Int(i64),
    Float(f64),
    Text(Range<usize>),
    Blob(Range<usize>),
}

/// The parameters of one execution; reused from one to the next.
#[derive(Default)]
pub struct ParamBuf {
    pub params: Vec<Param>,
    pub bytes: Vec<u8>,
}

impl ParamBuf {
    pub fn clear(&mut self) {
        self.params.clear();
        self.bytes.clear();
    }
    pub fn push_text(&mut self, s: &[u8]) {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(s);
        self.params.push(Param::Text(start..self.bytes.len()));
    }
    pub fn push_blob(&mut self, s: &[u8]) {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(s);
        self.params.push(Param::Blob(start..self.bytes.len()));
    }
}

/// A prepared statement. It keeps its connection open; all calls on it
/// happen inside a session of that connection.
pub struct Stmt {
    raw: NonNull<ffi::sqlite3_stmt>,
    db: Arc<Db>,
    /// A cursor is stepping through it (rows pending): others make their own.
    pub in_use: AtomicBool,
    /// INSERT, UPDATE, DELETE or REPLACE (CPython's test, comments skipped).
    pub is_dml: bool,
    pub readonly: bool,
    /// `?NNN`, `:name`, `@name`, `$name` for each parameter (None: `?`).
    pub param_names: Box<[Option<Box<str>>]>,
}

// SAFETY: the pointer is used only inside a session of `db` (the methods
// take one and check it belongs to `db`), and finalized in `Drop` inside a
// session or handed to the connection to finalize.
unsafe impl Send for Stmt {}
// SAFETY: as above.
unsafe impl Sync for Stmt {}

impl Stmt {
    fn new(raw: NonNull<ffi::sqlite3_stmt>, db: Arc<Db>) -> Stmt {
        // SAFETY: a statement just prepared; the caller holds the session.
        let (n, readonly, sql) = unsafe {
            (
                ffi::sqlite3_bind_parameter_count(raw.as_ptr()),
                ffi::sqlite3_stmt_readonly(raw.as_ptr()) != 0,
                c_string(ffi::sqlite3_sql(raw.as_ptr())).unwrap_or_default(),
            )
        };
        let param_names = (1..=n)
            // SAFETY: as above; indexes are 1-based and within the count.
            .map(|i| c_string(unsafe { ffi::sqlite3_bind_parameter_name(raw.as_ptr(), i) }))
            .map(|n| n.map(String::into_boxed_str))
            .collect();
        Stmt {
            raw,
            db,
            in_use: AtomicBool::new(false),
            is_dml: is_dml(&sql),
            readonly,
            param_names,
        }
    }

    fn check(&self, s: &Session<'_>) -> *mut ffi::sqlite3_stmt {
        assert!(
            std::ptr::eq(&*self.db, s.db),
            "a session of another connection"
        );
        self.raw.as_ptr()
    }

    /// Resets the statement unless another thread holds the session (for
    /// a cursor dropped with rows pending: it must not wait).
    pub fn try_reset(&self) {
        if let Some(_guard) = self.db.lock.try_lock() {
            // SAFETY: a live statement, its connection's lock held.
            unsafe { ffi::sqlite3_reset(self.raw.as_ptr()) };
        }
    }

    pub fn reset(&self, s: &Session<'_>) {
        let raw = self.check(s);
        // SAFETY: a live statement inside its connection's session.
        unsafe { ffi::sqlite3_reset(raw) };
    }

    /// Binds every parameter; on failure, the 0-based index and the error.
    pub fn bind(&self, s: &Session<'_>, params: &ParamBuf) -> Result<(), (usize, SqlError)> {
        let raw = self.check(s);
        for (i, p) in params.params.iter().enumerate() {
            let idx = (i + 1) as c_int;
            // SAFETY: a live statement inside its session; text and blob
            // ranges lie inside `params.bytes` and are copied by SQLite
            // (SQLITE_TRANSIENT) before the call returns.
            let rc = unsafe {
                match p {
                    Param::Null => ffi::sqlite3_bind_null(raw, idx),
                    Param::Int(v) => ffi::sqlite3_bind_int64(raw, idx, *v),
                    Param::Float(v) => ffi::sqlite3_bind_double(raw, idx, *v),
                    Param::Text(r) => {
                        let b = &params.bytes[r.clone()];
                        ffi::sqlite3_bind_text64(
                            raw,
                            idx,
                            b.as_ptr() as *const c_char,
                            b.len() as u64,
                            ffi::SQLITE_TRANSIENT(),
                            ffi::SQLITE_UTF8 as u8,
                        )
                    }
                    Param::Blob(r) => {
                        let b = &params.bytes[r.clone()];
                        ffi::sqlite3_bind_blob64(
                            raw,
                            idx,
                            b.as_ptr() as *const c_void,
                            b.len() as u64,
                            ffi::SQLITE_TRANSIENT(),
                        )
                    }
                }
            };
            if rc != ffi::SQLITE_OK {
                return Err((i, s.error()));
            }
        }
        Ok(())
    }

    /// One step: `SQLITE_ROW`, `SQLITE_DONE` or an error code.
    pub fn step(&self, s: &Session<'_>) -> c_int {
        let raw = self.check(s);
        // SAFETY: a live statement inside its session.
        unsafe { ffi::sqlite3_step(raw) }
    }

    pub fn column_count(&self, s: &Session<'_>) -> usize {
        let raw = self.check(s);
        // SAFETY: a live statement inside its session.
        unsafe { ffi::sqlite3_column_count(raw) as usize }
    }

    pub fn column_name(&self, s: &Session<'_>, i: usize) -> String {
        let raw = self.check(s);
        // SAFETY: a live statement inside its session; SQLite checks `i`.
        c_string(unsafe { ffi::sqlite3_column_name(raw, i as c_int) }).unwrap_or_default()
    }

    pub fn column_decltype(&self, s: &Session<'_>, i: usize) -> Option<String> {
        let raw = self.check(s);
        // SAFETY: a live statement inside its session; SQLite checks `i`.
        c_string(unsafe { ffi::sqlite3_column_decltype(raw, i as c_int) })
    }

    /// Copies the current row into `buf`; columns with `as_blob[i]` set are
    /// read as blobs (for converters), whatever their type.
    pub fn read_row(&self, s: &Session<'_>, buf: &mut RowBuf, as_blob: &[bool]) {
        let raw = self.check(s);
        buf.cols.clear();
        buf.bytes.clear();
        // SAFETY: a live statement positioned on a row, inside its session.
        let n = unsafe { ffi::sqlite3_data_count(raw) };
        for i in 0..n {
            let blob = as_blob.get(i as usize).copied().unwrap_or(false);
            // SAFETY: as above; `i` is below the column count, and the
            // pointers returned stay valid until the next call on this
            // statement: each is copied into `buf` at once.
            let col = unsafe {
                match ffi::sqlite3_column_type(raw, i) {
                    ffi::SQLITE_NULL => Col::Null,
                    ffi::SQLITE_INTEGER if !blob => Col::Int(ffi::sqlite3_column_int64(raw, i)),
                    ffi::SQLITE_FLOAT if !blob => Col::Float(ffi::sqlite3_column_double(raw, i)),
                    ffi::SQLITE_TEXT if !blob => {
                        let p = ffi::sqlite3_column_text(raw, i);
                        let len = ffi::sqlite3_column_bytes(raw, i) as usize;
                        Col::Text(copy_bytes(&mut buf.bytes, p, len))
                    }
                    _ => {
                        let p = ffi::sqlite3_column_blob(raw, i) as *const u8;
                        let len = ffi::sqlite3_column_bytes(raw, i) as usize;
                        Col::Blob(copy_bytes(&mut buf.bytes, p, len))
                    }
                }
            };
            buf.cols.push(col);
        }
    }
}

/// Appends `len` bytes at `p` (null when empty) to `bytes`.
///
/// # Safety
/// SAFETY: `p` is null or valid for reading `len` bytes.
unsafe fn copy_bytes(bytes: &mut Vec<u8>, p: *const u8, len: usize) -> Range<usize> {
    let start = bytes.len();
    if !p.is_null() && len > 0 {
        // SAFETY: the caller guarantees `p` is valid for `len` bytes.
        bytes.extend_from_slice(unsafe { std::slice::from_raw_parts(p, len) });
    }
    start..bytes.len()
}

impl Drop for Stmt {
    fn drop(&mut self) {
        match self.db.lock.try_lock() {
            Some(_guard) => {
                // SAFETY: the statement's own connection, its lock held; the
                // statement is not used again.
                unsafe { ffi::sqlite3_finalize(self.raw.as_ptr()) };
            }
            // Another thread is in a session: finalize it in the next one.
            None => self.db.orphans.lock().push(RawStmt(self.raw)),
        }
    }
}

/// Skips blanks and SQL comments at the start of `sql`.
pub fn skip_blanks(sql: &str) -> &str {
    let mut s = sql;
    loop {
        let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0c']);
        if let Some(rest) = t.strip_prefix("--") {
            s = match rest.find('\n') {
                Some(i) => &rest[i + 1..],
                None => "",
            };
        } else if let Some(rest) = t.strip_prefix("/*") {
            s = match rest.find("*/") {
                Some(i) => &rest[i + 2..],
                None => "",
            };
        } else {
            return t;
        }
    }
}

fn is_dml(sql: &str) -> bool {
    let s = skip_blanks(sql).as_bytes();
    let starts = |w: &str| s.len() >= w.len() && s[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    starts("insert") || starts("update") || starts("delete") || starts("replace")
}

// ---- user functions, aggregates and collations ----

/// An argument of a user function, read from SQLite.
pub enum Arg<'a> {
    Null,
    Int(i64),
    Float(f64),
    Text(&'a [u8]),
    Blob(&'a [u8]),
}

/// What a user function returns to SQLite.
pub enum Ret {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Blob(Vec<u8>),
    /// An error with this message.
    Error(String),
    /// SQLITE_TOOBIG ("string or blob too big").
    TooBig,
}

/// A scalar function: called with the arguments of one row.
pub type ScalarFn = Box<dyn Fn(&[Arg<'_>]) -> Ret + Send + Sync>;

/// An aggregate's state for one group (its Python instance), kept by SQLite.
pub type AggState = Option<Box<dyn std::any::Any>>;

/// An aggregate's `step`: the group's state (made on first use) and the
/// row's arguments; an error to report, if any.
pub type StepFn = Box<dyn Fn(&mut AggState, &[Arg<'_>]) -> Option<Ret> + Send + Sync>;

/// An aggregate's `finalize`: the state taken back (None if no row came).
pub type FinalFn = Box<dyn Fn(AggState) -> Ret + Send + Sync>;

/// An aggregate: its step and finalize functions.
pub struct AggregateFns {
    pub step: StepFn,
    pub finalize: FinalFn,
}

/// A collation: compares two texts.
pub type CollationFn = Box<dyn Fn(&[u8], &[u8]) -> i32 + Send + Sync>;

/// Reads the arguments of a call.
///
/// # Safety
/// SAFETY: `argv` holds `argc` valid values, alive for the callback's duration.
unsafe fn read_args<'a>(argc: c_int, argv: *mut *mut ffi::sqlite3_value) -> Vec<Arg<'a>> {
    let mut out = Vec::with_capacity(argc.max(0) as usize);
    for i in 0..argc.max(0) as usize {
        // SAFETY: the caller guarantees `argv[i]` is a valid value; the
        // slices returned live until the callback returns.
        unsafe {
            let v = *argv.add(i);
            out.push(match ffi::sqlite3_value_type(v) {
                ffi::SQLITE_NULL => Arg::Null,
                ffi::SQLITE_INTEGER => Arg::Int(ffi::sqlite3_value_int64(v)),
                ffi::SQLITE_FLOAT => Arg::Float(ffi::sqlite3_value_double(v)),
                ffi::SQLITE_TEXT => {
                    let p = ffi::sqlite3_value_text(v);
                    let n = ffi::sqlite3_value_bytes(v) as usize;
                    Arg::Text(raw_slice(p, n))
                }
                _ => {
                    let p = ffi::sqlite3_value_blob(v) as *const u8;
                    let n = ffi::sqlite3_value_bytes(v) as usize;
                    Arg::Blob(raw_slice(p, n))
                }
            });
        }
    }
    out
}

/// # Safety
/// SAFETY: `p` is null or valid for `n` bytes during `'a`.
unsafe fn raw_slice<'a>(p: *const u8, n: usize) -> &'a [u8] {
    if p.is_null() || n == 0 {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { std::slice::from_raw_parts(p, n) }
    }
}

/// Hands a result to SQLite.
///
/// # Safety
/// SAFETY: `ctx` is the context of the running callback.
unsafe fn set_result(ctx: *mut ffi::sqlite3_context, r: Ret) {
    // SAFETY: `ctx` is valid (caller); text and blobs are copied by SQLite.
    unsafe {
        match r {
            Ret::Null => ffi::sqlite3_result_null(ctx),
            Ret::Int(v) => ffi::sqlite3_result_int64(ctx, v),
            Ret::Float(v) => ffi::sqlite3_result_double(ctx, v),
            Ret::Text(s) => ffi::sqlite3_result_text64(
                ctx,
                s.as_ptr() as *const c_char,
                s.len() as u64,
                ffi::SQLITE_TRANSIENT(),
                ffi::SQLITE_UTF8 as u8,
            ),
            Ret::Blob(b) => ffi::sqlite3_result_blob64(
                ctx,
                b.as_ptr() as *const c_void,
                b.len() as u64,
                ffi::SQLITE_TRANSIENT(),
            ),
            Ret::Error(msg) => {
                ffi::sqlite3_result_error(ctx, msg.as_ptr() as *const c_char, msg.len() as c_int)
            }
            Ret::TooBig => ffi::sqlite3_result_error_toobig(ctx),
        }
    }
}

/// Runs a callback body, turning a panic into an SQLite error (a panic
/// must not unwind into C).
fn guarded(f: impl FnOnce() -> Ret) -> Ret {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|_| Ret::Error("internal error in a user-defined function".into()))
}

unsafe extern "C" fn scalar_trampoline(
    ctx: *mut ffi::sqlite3_context,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: SQLite passes a valid context whose user data is the
    // `ScalarFn` registered below, alive until its destructor runs, and
    // `argc` valid values.
    unsafe {
        let f = &*(ffi::sqlite3_user_data(ctx) as *const ScalarFn);
        let args = read_args(argc, argv);
        let r = guarded(|| f(&args));
        set_result(ctx, r);
    }
}

unsafe extern "C" fn drop_boxed<T>(p: *mut c_void) {
    if !p.is_null() {
        // SAFETY: `p` came from `Box::into_raw` of a `Box<T>` at registration,
        // and SQLite calls the destructor once.
        drop(unsafe { Box::from_raw(p as *mut T) });
    }
}

/// The per-group slot SQLite keeps for an aggregate: a pointer to our state.
type AggSlot = *mut AggState;

/// # Safety
/// SAFETY: `ctx` is the context of a running aggregate callback.
unsafe fn agg_slot(ctx: *mut ffi::sqlite3_context, create: bool) -> AggSlot {
    let size = if create {
        std::mem::size_of::<AggSlot>() as c_int
    } else {
        0
    };
    // SAFETY: SQLite returns zeroed memory of `size` bytes for this group
    // (the same on every call), or null.
    unsafe {
        let p = ffi::sqlite3_aggregate_context(ctx, size) as *mut AggSlot;
        if p.is_null() {
            return std::ptr::null_mut();
        }
        if (*p).is_null() && create {
            *p = Box::into_raw(Box::new(None));
        }
        *p
    }
}

unsafe extern "C" fn agg_step_trampoline(
    ctx: *mut ffi::sqlite3_context,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: as in `scalar_trampoline`; the slot is this group's and is
    // only touched from this group's callbacks.
    unsafe {
        let fns = &*(ffi::sqlite3_user_data(ctx) as *const AggregateFns);
        let slot = agg_slot(ctx, true);
        if slot.is_null() {
            ffi::sqlite3_result_error_nomem(ctx);
            return;
        }
        let args = read_args(argc, argv);
        let state = &mut *slot;
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (fns.step)(state, &args)))
            .unwrap_or_else(|_| {
                Some(Ret::Error(
                    "internal error in a user-defined aggregate".into(),
                ))
            });
        if let Some(r) = r {
            set_result(ctx, r);
        }
    }
}

unsafe extern "C" fn agg_final_trampoline(ctx: *mut ffi::sqlite3_context) {
    // SAFETY: as above; the state box is taken back here, once per group.
    unsafe {
        let fns = &*(ffi::sqlite3_user_data(ctx) as *const AggregateFns);
        let slot = agg_slot(ctx, false);
        let state = if slot.is_null() {
            None
        } else {
            Box::from_raw(slot).take()
        };
        let r = guarded(|| (fns.finalize)(state));
        set_result(ctx, r);
    }
}

unsafe extern "C" fn collation_trampoline(
    arg: *mut c_void,
    n1: c_int,
    p1: *const c_void,
    n2: c_int,
    p2: *const c_void,
) -> c_int {
    // SAFETY: `arg` is the registered `CollationFn`; the two texts are valid
    // for the lengths given during the call.
    unsafe {
        let f = &*(arg as *const CollationFn);
        let a = raw_slice(p1 as *const u8, n1.max(0) as usize);
        let b = raw_slice(p2 as *const u8, n2.max(0) as usize);
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(a, b))).unwrap_or(0)
    }
}

impl Session<'_> {
    /// Registers (or replaces) a scalar function.
    pub fn create_function(
        &self,
        name: &CStr,
        narg: c_int,
        deterministic: bool,
        f: ScalarFn,
    ) -> Result<(), SqlError> {
        let flags = ffi::SQLITE_UTF8
            | if deterministic {
                ffi::SQLITE_DETERMINISTIC
            } else {
                0
            };
        let data = Box::into_raw(Box::new(f));
        // SAFETY: a valid handle inside its session; `data` is owned by
        // SQLite from here and freed by `drop_boxed` (also on failure).
        let rc = unsafe {
            ffi::sqlite3_create_function_v2(
                self.raw(),
                name.as_ptr(),
                narg,
                flags,
                data as *mut c_void,
                Some(scalar_trampoline),
                None,
                None,
                Some(drop_boxed::<ScalarFn>),
            )
        };
        if rc != ffi::SQLITE_OK {
            return Err(self.error());
        }
        Ok(())
    }

    /// Registers (or replaces) an aggregate.
    pub fn create_aggregate(
        &self,
        name: &CStr,
        narg: c_int,
        fns: AggregateFns,
    ) -> Result<(), SqlError> {
        let data = Box::into_raw(Box::new(fns));
        // SAFETY: as in `create_function`.
        let rc = unsafe {
            ffi::sqlite3_create_function_v2(
                self.raw(),
                name.as_ptr(),
                narg,
                ffi::SQLITE_UTF8,
                data as *mut c_void,
                None,
                Some(agg_step_trampoline),
                Some(agg_final_trampoline),
                Some(drop_boxed::<AggregateFns>),
            )
        };
        if rc != ffi::SQLITE_OK {
            return Err(self.error());
        }
        Ok(())
    }

    /// Registers a collation, or removes it (`f` None).
    pub fn create_collation(&self, name: &CStr, f: Option<CollationFn>) -> Result<(), SqlError> {
        // SAFETY: as in `create_function`; with no function, SQLite drops
        // the collation and calls the old one's destructor.
        let rc = unsafe {
            match f {
                Some(f) => {
                    let data = Box::into_raw(Box::new(f));
                    ffi::sqlite3_create_collation_v2(
                        self.raw(),
                        name.as_ptr(),
                        ffi::SQLITE_UTF8,
                        data as *mut c_void,
                        Some(collation_trampoline),
                        Some(drop_boxed::<CollationFn>),
                    )
                }
                None => ffi::sqlite3_create_collation_v2(
                    self.raw(),
                    name.as_ptr(),
                    ffi::SQLITE_UTF8,
                    std::ptr::null_mut(),
                    None,
                    None,
                ),
            }
        };
        if rc != ffi::SQLITE_OK {
            return Err(self.error());
        }
        Ok(())
    }
}

/// A C string for SQLite, or None when `s` holds a NUL byte.
pub fn cstring(s: &str) -> Option<CString> {
    CString::new(s).ok()
}
