//! `BufferedReader`, `BufferedWriter` and `BufferedRandom`: a buffer over a
//! raw stream. Over gilpy's `FileIO` the descriptor is used directly; over
//! any other raw object its Python methods are called (with the state lock
//! held: a call back into the same object raises instead of deadlocking).

use super::fileio::{FileIO, RawFile};
use super::*;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Reader,
    Writer,
    Random,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Reader => "BufferedReader",
            Kind::Writer => "BufferedWriter",
            Kind::Random => "BufferedRandom",
        }
    }
}

pub struct BufState {
    pub raw: Value,
    /// The raw file itself when `raw` is gilpy's `FileIO`.
    pub fast: Option<Arc<RawFile>>,
    pub size: usize,
    /// Read ahead: the unread bytes are `rbuf[rpos..]`.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Written, not yet passed to the raw stream.
    wbuf: Vec<u8>,
    pub detached: bool,
    /// 1 or 2: the standard output or error, whose bytes go through the
    /// interpreter's own stdio buffer (so that `print` and writes to
    /// `sys.stdout.buffer` keep their order).
    pub std: Option<u8>,
    pub kind: Kind,
    /// Set by `close()` on a standard stream (whose descriptor stays open).
    std_closed: bool,
}

/// The data of a buffered object.
pub struct Buffered {
    pub st: Arc<Locked<BufState>>,
}

impl Drop for BufState {
    fn drop(&mut self) {
        self.flush_plain();
    }
}

/// The result of a raw read: data, or nothing yet on a non-blocking stream.
enum RawRead {
    Data(Vec<u8>),
    WouldBlock,
}

impl BufState {
    pub fn new(raw: Value, fast: Option<Arc<RawFile>>, size: usize, kind: Kind) -> BufState {
        let std = fast.as_ref().and_then(|f| f.std).filter(|&s| s != 0);
        BufState {
            raw,
            fast,
            size,
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            detached: false,
            std,
            kind,
            std_closed: false,
        }
    }

    /// Passes what is buffered to the file without the interpreter
    /// (destructors and exit): no Python code, no GIL needed.
    pub fn flush_plain(&mut self) {
        if self.wbuf.is_empty() {
            return;
        }
        if let Some(f) = &self.fast {
            if !f.is_closed() {
                f.write_all_plain(&self.wbuf);
            }
        }
        self.wbuf.clear();
    }

    fn unread(&self) -> usize {
        self.rbuf.len() - self.rpos
    }

    fn take_unread(&mut self, n: usize) -> Vec<u8> {
        let k = n.min(self.unread());
        let out = self.rbuf[self.rpos..self.rpos + k].to_vec();
        self.rpos += k;
        if self.rpos == self.rbuf.len() {
            self.rbuf.clear();
            self.rpos = 0;
        }
        out
    }

    fn check_attached(&self, vm: &Vm) -> PyResult<()> {
        if self.detached {
            Err(detached_error(vm, "raw stream"))
        } else {
            Ok(())
        }
    }

    pub fn is_closed(&self, vm: &mut Vm) -> PyResult<bool> {
        self.check_attached(vm)?;
        if self.std_closed {
            return Ok(true);
        }
        match &self.fast {
            Some(f) => Ok(f.is_closed()),
            None => {
                let c = vm.getattr_str(&self.raw, "closed")?;
                vm.truthy(&c)
            }
        }
    }

    /// `ValueError: <what> of closed file` when closed.
    fn check_open(&self, vm: &mut Vm, what: &str) -> PyResult<()> {
        if self.is_closed(vm)? {
            let sep = if what == "write" { "to" } else { "of" };
            return Err(vm.value_error(format!("{} {} closed file", what, sep)));
        }
        Ok(())
    }

    fn check_open_io(&self, vm: &mut Vm) -> PyResult<()> {
        if self.is_closed(vm)? {
            return Err(vm.value_error("I/O operation on closed file"));
        }
        Ok(())
    }

    fn raw_read(&mut self, vm: &mut Vm, n: usize) -> PyResult<RawRead> {
        if let Some(f) = &self.fast {
            return match f.read_vec(vm, n)? {
                Ok(b) => Ok(RawRead::Data(b)),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(RawRead::WouldBlock),
                Err(e) => Err(vm.os_error(&e, None)),
            };
        }
        let buf = new_bytearray(n);
        let r = vm.call_method(&self.raw, "readinto", std::slice::from_ref(&buf))?;
        if r.is_none() {
            return Ok(RawRead::WouldBlock);
        }
        let k = int_arg(vm, &r)?;
        if k < 0 || k as usize > n {
            return Err(vm.new_error(
                &vm.types().exc.OSError.clone(),
                format!(
                    "raw readinto() returned invalid length {} (should have been between 0 and {})",
                    k, n
                ),
            ));
        }
        Ok(RawRead::Data(bytearray_prefix(&buf, k as usize)))
    }

    fn raw_read_all(&mut self, vm: &mut Vm) -> PyResult<RawRead> {
        if let Some(f) = &self.fast {
            return match f.read_all(vm)? {
                Ok(b) => Ok(RawRead::Data(b)),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(RawRead::WouldBlock),
                Err(e) => Err(vm.os_error(&e, None)),
            };
        }
        if vm.lookup_special(&self.raw, "readall").is_some() {
            let r = vm.call_method(&self.raw, "readall", &[])?;
            if r.is_none() {
                return Ok(RawRead::WouldBlock);
            }
            return Ok(RawRead::Data(bytes_arg(vm, &r)?));
        }
        let mut out = Vec::new();
        loop {
            match self.raw_read(vm, DEFAULT_BUFFER_SIZE)? {
                RawRead::Data(b) if b.is_empty() => return Ok(RawRead::Data(out)),
                RawRead::Data(b) => out.extend_from_slice(&b),
                RawRead::WouldBlock if out.is_empty() => return Ok(RawRead::WouldBlock),
                RawRead::WouldBlock => return Ok(RawRead::Data(out)),
            }
        }
    }

    fn raw_write(&mut self, vm: &mut Vm, data: &[u8]) -> PyResult<Option<usize>> {
        if let Some(f) = &self.fast {
            return match f.write_some(vm, data)? {
                Ok(k) => Ok(Some(k)),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(None),
                Err(e) => Err(vm.os_error(&e, None)),
            };
        }
        let r = vm.call_method(&self.raw, "write", &[new_bytes(data.to_vec())])?;
        if r.is_none() {
            return Ok(None);
        }
        let k = int_arg(vm, &r)?;
        if k < 0 || k as usize > data.len() {
            return Err(vm.new_error(
                &vm.types().exc.OSError.clone(),
                format!(
                    "raw write() returned invalid length {} (should have been between 0 and {})",
                    k,
                    data.len()
                ),
            ));
        }
        Ok(Some(k as usize))
    }

    fn raw_seek(&mut self, vm: &mut Vm, pos: i64, whence: i32) -> PyResult<i64> {
        if let Some(f) = &self.fast {
            let r = f.seek(vm, pos, whence)?;
            return io_result(vm, r);
        }
        let r = vm.call_method(
            &self.raw,
            "seek",
            &[Value::Int(pos), Value::Int(whence as i64)],
        )?;
        let p = int_arg(vm, &r)?;
        if p < 0 {
            return Err(vm.new_error(
                &vm.types().exc.OSError.clone(),
                format!("Raw stream returned invalid position {}", p),
            ));
        }
        Ok(p)
    }

    /// Passes the buffered writes to the raw stream.
    pub fn flush_writes(&mut self, vm: &mut Vm) -> PyResult<()> {
        if let Some(s) = self.std {
            if !self.wbuf.is_empty() {
                let data = std::mem::take(&mut self.wbuf);
                write_std(vm, s, &data)?;
            }
            if s == 1 {
                crate::vm::stdio::flush_stdout(vm)?;
            }
            return Ok(());
        }
        let mut done = 0;
        while done < self.wbuf.len() {
            let chunk = self.wbuf[done..].to_vec();
            match self.raw_write(vm, &chunk) {
                Ok(Some(k)) => done += k,
                Ok(None) => {
                    self.wbuf.drain(..done);
                    return Err(blocking_error(vm, 0));
                }
                Err(e) => {
                    self.wbuf.drain(..done);
                    return Err(e);
                }
            }
        }
        self.wbuf.clear();
        Ok(())
    }

    /// Forgets the read-ahead, moving the raw position back to where the
    /// reader is (before a write, a seek or a truncate).
    fn drop_readahead(&mut self, vm: &mut Vm) -> PyResult<()> {
        let n = self.unread();
        self.rbuf.clear();
        self.rpos = 0;
        if n > 0 {
            self.raw_seek(vm, -(n as i64), 1)?;
        }
        Ok(())
    }

    /// Up to `n` bytes with at most one raw read (`read1`); all the unread
    /// bytes if `n` is `None`. Empty at the end of the file.
    pub fn read_chunk(&mut self, vm: &mut Vm, n: Option<usize>) -> PyResult<Option<Vec<u8>>> {
        self.flush_writes(vm)?;
        if self.unread() > 0 {
            return Ok(Some(self.take_unread(n.unwrap_or(usize::MAX))));
        }
        let want = n.unwrap_or(self.size).max(1);
        match self.raw_read(vm, want.max(self.size))? {
            RawRead::Data(mut b) => {
                if b.len() > want {
                    self.rbuf = b.split_off(want);
                    self.rpos = 0;
                }
                Ok(Some(b))
            }
            RawRead::WouldBlock => Ok(None),
        }
    }

    /// Everything to the end of the file.
    pub fn read_all(&mut self, vm: &mut Vm) -> PyResult<Option<Vec<u8>>> {
        self.flush_writes(vm)?;
        let mut out = self.take_unread(usize::MAX);
        match self.raw_read_all(vm)? {
            RawRead::Data(b) => {
                if out.is_empty() {
                    out = b;
                } else {
                    out.extend_from_slice(&b);
                }
                Ok(Some(out))
            }
            RawRead::WouldBlock if out.is_empty() => Ok(None),
            RawRead::WouldBlock => Ok(Some(out)),
        }
    }

    /// Exactly `n` bytes, fewer only at the end of the file.
    fn read_n(&mut self, vm: &mut Vm, n: usize) -> PyResult<Option<Vec<u8>>> {
        self.flush_writes(vm)?;
        let mut out = self.take_unread(n);
        while out.len() < n {
            let want = n - out.len();
            let r = if want >= self.size {
                self.raw_read(vm, want)?
            } else {
                self.raw_read(vm, self.size)?
            };
            match r {
                RawRead::Data(b) if b.is_empty() => break,
                RawRead::Data(b) => {
                    if b.len() > want {
                        out.extend_from_slice(&b[..want]);
                        self.rbuf = b[want..].to_vec();
                        self.rpos = 0;
                    } else {
                        out.extend_from_slice(&b);
                    }
                }
                RawRead::WouldBlock if out.is_empty() => return Ok(None),
                RawRead::WouldBlock => break,
            }
        }
        Ok(Some(out))
    }

    /// One line (with its `\n`), at most `limit` bytes.
    fn read_line(&mut self, vm: &mut Vm, limit: Option<usize>) -> PyResult<Vec<u8>> {
        self.flush_writes(vm)?;
        let limit = limit.unwrap_or(usize::MAX);
        let mut out: Vec<u8> = Vec::new();
        loop {
            let avail = &self.rbuf[self.rpos..];
            let room = limit - out.len();
            let scan = &avail[..avail.len().min(room)];
            if let Some(i) = memchr::memchr(b'\n', scan) {
                out.extend_from_slice(&scan[..=i]);
                self.rpos += i + 1;
                return Ok(out);
            }
            out.extend_from_slice(scan);
            self.rpos += scan.len();
            if out.len() >= limit {
                return Ok(out);
            }
            self.rbuf.clear();
            self.rpos = 0;
            match self.raw_read(vm, self.size)? {
                RawRead::Data(b) if b.is_empty() => return Ok(out),
                RawRead::Data(b) => self.rbuf = b,
                RawRead::WouldBlock => return Ok(out),
            }
        }
    }

    /// Buffers `data` (a write); passes it on when the buffer is full.
    pub fn write_bytes(&mut self, vm: &mut Vm, data: &[u8]) -> PyResult<()> {
        if let Some(s) = self.std {
            return write_std(vm, s, data);
        }
        if self.unread() > 0 {
            self.drop_readahead(vm)?;
        }
        if self.wbuf.len() + data.len() <= self.size {
            self.wbuf.extend_from_slice(data);
            if self.wbuf.len() == self.size {
                self.flush_writes(vm)?;
            }
            return Ok(());
        }
        // What is buffered goes first; data as big as the buffer goes
        // straight to the raw stream.
        self.flush_writes(vm)?;
        if data.len() >= self.size {
            self.wbuf.extend_from_slice(data);
            self.flush_writes(vm)?;
        } else {
            self.wbuf.extend_from_slice(data);
        }
        Ok(())
    }

    pub fn tell(&mut self, vm: &mut Vm) -> PyResult<i64> {
        let raw = self.raw_seek(vm, 0, 1)?;
        Ok((raw - self.unread() as i64 + self.wbuf.len() as i64).max(0))
    }

    pub fn seek(&mut self, vm: &mut Vm, pos: i64, whence: i32) -> PyResult<i64> {
        self.flush_writes(vm)?;
        let pos = if whence == 1 {
            pos - self.unread() as i64
        } else {
            pos
        };
        self.rbuf.clear();
        self.rpos = 0;
        self.raw_seek(vm, pos, whence)
    }

    /// Whether the raw stream can seek.
    pub fn seekable(&mut self, vm: &mut Vm) -> PyResult<bool> {
        match &self.fast {
            Some(f) => Ok(f.seekable()),
            None => {
                let r = vm.call_method(&self.raw, "seekable", &[])?;
                vm.truthy(&r)
            }
        }
    }

    /// Flushes, then closes the raw stream (even if the flush failed).
    pub fn close(&mut self, vm: &mut Vm) -> PyResult<()> {
        if self.is_closed(vm)? {
            return Ok(());
        }
        let flushed = self.flush_writes(vm);
        if let Some(s) = self.std {
            self.std_closed = true;
            crate::vm::stdio::mark_closed(s);
        } else {
            match &self.fast {
                Some(f) => {
                    let f = f.clone();
                    let r = vm.allow_threads(Wait::File, || f.close());
                    io_result(vm, r)?;
                }
                None => {
                    vm.call_method(&self.raw, "close", &[])?;
                }
            }
        }
        flushed
    }
}

/// Writes to standard output or error through the interpreter's buffer.
fn write_std(vm: &mut Vm, s: u8, data: &[u8]) -> PyResult<()> {
    if s == 2 {
        crate::vm::stdio::write_stderr_bytes(vm, data);
        Ok(())
    } else {
        crate::vm::stdio::write_stdout_bytes(vm, data, false)
    }
}

/// `BlockingIOError` for a write the raw stream could not take.
fn blocking_error(vm: &Vm, written: usize) -> PyErr {
    let e = vm.os_error_errno(libc::EAGAIN, None);
    if let Value::Instance(i) = &*e {
        i.dict
            .lock()
            .set_by_str("characters_written", Value::Int(written as i64));
    }
    e
}

fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Buffered> {
    this_object::<Buffered>(vm, args, "_io._BufferedIOBase")
}

fn lock<'a>(vm: &mut Vm, b: &'a Buffered) -> PyResult<LockedGuard<'a, BufState>> {
    b.st.lock(vm, "buffered io object")
}

// ---- construction ----

/// The raw file of gilpy's own `FileIO` (not of a Python subclass, whose
/// methods may differ).
fn fast_raw(raw: &Value) -> Option<Arc<RawFile>> {
    match raw {
        Value::Native(_) => downcast::<FileIO>(raw).map(|f| f.raw()),
        _ => None,
    }
}

/// A buffered object of `kind` over `raw` (a `FileIO` is reached directly).
pub fn make(cls: ClassRef, raw: Value, size: usize, kind: Kind) -> Value {
    let fast = fast_raw(&raw);
    let register = kind != Kind::Reader && fast.is_some();
    let st = Arc::new(Locked::new(BufState::new(raw, fast, size, kind)));
    if register {
        super::exit_flush::register(&st);
    }
    new_object_of(cls, Buffered { st })
}

fn class_of_kind(vm: &Vm, kind: Kind) -> ClassRef {
    match kind {
        Kind::Reader => class_for::<ReaderClass>(vm),
        Kind::Writer => class_for::<WriterClass>(vm),
        Kind::Random => class_for::<RandomClass>(vm),
    }
}

pub struct ReaderClass;
pub struct WriterClass;
pub struct RandomClass;

fn kind_of_class(vm: &Vm, cls: &ClassRef) -> Kind {
    for k in [Kind::Random, Kind::Writer, Kind::Reader] {
        if cls.is_subclass(&class_of_kind(vm, k)) {
            return k;
        }
    }
    Kind::Reader
}

/// `__new__`: an empty object (`__init__` attaches the raw stream).
fn buffered_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.first() else {
        return Err(vm.type_error("__new__ needs a class"));
    };
    let kind = kind_of_class(vm, cls);
    let base = class_of_kind(vm, kind);
    let mut st = BufState::new(Value::None, None, DEFAULT_BUFFER_SIZE, kind);
    st.detached = true;
    let obj = new_object_of(
        base,
        Buffered {
            st: Arc::new(Locked::new(st)),
        },
    );
    Ok(if cls.builtin {
        obj
    } else {
        vm.wrap_for_subclass(&args[0], obj)
    })
}

/// `BufferedReader(raw, buffer_size=DEFAULT_BUFFER_SIZE)` and its siblings.
fn buffered_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let Some(raw) = arg_or_kw(args, kw, 1, "raw").cloned() else {
        return Err(vm.type_error("__init__() missing required argument 'raw' (pos 1)"));
    };
    let size = match arg_or_kw(args, kw, 2, "buffer_size") {
        Some(v) => int_arg(vm, v)?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    let kind = lock(vm, b)?.kind;
    if kind != Kind::Writer {
        let r = vm.call_method(&raw, "readable", &[])?;
        if !vm.truthy(&r)? {
            return Err(unsupported(vm, "File or stream is not readable."));
        }
    }
    if kind != Kind::Reader {
        let r = vm.call_method(&raw, "writable", &[])?;
        if !vm.truthy(&r)? {
            return Err(unsupported(vm, "File or stream is not writable."));
        }
    }
    if kind == Kind::Random {
        let r = vm.call_method(&raw, "seekable", &[])?;
        if !vm.truthy(&r)? {
            return Err(unsupported(vm, "File or stream is not seekable."));
        }
    }
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    let fast = fast_raw(&raw);
    let has_fast = fast.is_some();
    {
        let mut st = lock(vm, b)?;
        st.flush_plain();
        *st = BufState::new(raw, fast, size as usize, kind);
    }
    if kind != Kind::Reader && has_fast {
        super::exit_flush::register(&b.st);
    }
    Ok(Value::None)
}

// ---- methods ----

fn read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let n = read_size(vm, args.get(1))?;
    let mut st = lock(vm, b)?;
    st.check_open(vm, "read")?;
    let r = match n {
        None => st.read_all(vm)?,
        Some(n) => st.read_n(vm, n)?,
    };
    Ok(r.map_or(Value::None, new_bytes))
}

fn read1(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let n = size_arg(vm, args.get(1))?;
    let mut st = lock(vm, b)?;
    st.check_open(vm, "read")?;
    if n == Some(0) {
        return Ok(new_bytes(Vec::new()));
    }
    let n = n.or(Some(st.size));
    Ok(st.read_chunk(vm, n)?.map_or(Value::None, new_bytes))
}

fn peek(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let mut st = lock(vm, b)?;
    st.check_open(vm, "peek")?;
    st.flush_writes(vm)?;
    if st.unread() == 0 {
        let size = st.size;
        if let RawRead::Data(d) = st.raw_read(vm, size)? {
            st.rbuf = d;
            st.rpos = 0;
        }
    }
    Ok(new_bytes(st.rbuf[st.rpos..].to_vec()))
}

fn readinto_common(vm: &mut Vm, args: &[Value], one: bool) -> PyResult<Value> {
    let b = this(vm, args)?;
    let n = target_len(vm, &args[1])?;
    let data = {
        let mut st = lock(vm, b)?;
        st.check_open(vm, "readinto")?;
        if one {
            st.read_chunk(vm, Some(n))?
        } else {
            st.read_n(vm, n)?
        }
    };
    match data {
        None => Ok(Value::None),
        Some(d) => Ok(Value::Int(fill_target(vm, &args[1], &d)? as i64)),
    }
}

fn readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    readinto_common(vm, args, false)
}

fn readinto1(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    readinto_common(vm, args, true)
}

fn readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let limit = size_arg(vm, args.get(1))?;
    let mut st = lock(vm, b)?;
    st.check_open(vm, "readline")?;
    Ok(new_bytes(st.read_line(vm, limit)?))
}

fn next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let line = {
        let mut st = lock(vm, b)?;
        st.check_open(vm, "readline")?;
        st.read_line(vm, None)?
    };
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(new_bytes(line))
}

fn write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let data = bytes_arg(vm, &args[1])?;
    let mut st = lock(vm, b)?;
    st.check_open(vm, "write")?;
    st.write_bytes(vm, &data)?;
    Ok(Value::Int(data.len() as i64))
}

fn flush(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let mut st = lock(vm, b)?;
    if st.kind == Kind::Reader {
        if st.is_closed(vm)? {
            return Err(closed_error(vm));
        }
        return Ok(Value::None);
    }
    st.check_open(vm, "flush")?;
    st.flush_writes(vm)?;
    Ok(Value::None)
}

fn seek(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let pos = int_arg(vm, &args[1])?;
    let whence = match args.get(2) {
        Some(w) => int_arg(vm, w)?,
        None => 0,
    };
    if !(0..=4).contains(&whence) {
        return Err(vm.value_error(format!("whence value {} unsupported", whence)));
    }
    let whence = whence as i32;
    let mut st = lock(vm, b)?;
    st.check_open(vm, "seek")?;
    Ok(Value::Int(st.seek(vm, pos, whence)?))
}

fn tell(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let mut st = lock(vm, b)?;
    st.check_open_io(vm)?;
    Ok(Value::Int(st.tell(vm)?))
}

fn truncate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let mut st = lock(vm, b)?;
    st.check_open(vm, "truncate")?;
    st.flush_writes(vm)?;
    let pos = match args.get(1) {
        None | Some(Value::None) => st.tell(vm)?,
        Some(v) => int_arg(vm, v)?,
    };
    st.drop_readahead(vm)?;
    let raw = st.raw.clone();
    let r = vm.call_method(&raw, "truncate", &[Value::Int(pos)])?;
    Ok(r)
}

fn close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let mut st = lock(vm, b)?;
    st.close(vm)?;
    Ok(Value::None)
}

fn detach(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let mut st = lock(vm, b)?;
    st.check_attached(vm)?;
    if st.kind != Kind::Reader {
        st.check_open(vm, "flush")?;
    } else if st.is_closed(vm)? {
        return Err(closed_error(vm));
    }
    st.flush_writes(vm)?;
    st.detached = true;
    st.fast = None;
    Ok(std::mem::replace(&mut st.raw, Value::None))
}

/// The raw stream for an attribute or method passed through to it.
fn raw_of(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let st = lock(vm, b)?;
    st.check_attached(vm)?;
    Ok(st.raw.clone())
}

fn closed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let st = lock(vm, b)?;
    Ok(Value::Bool(st.is_closed(vm)?))
}

fn raw(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let st = lock(vm, b)?;
    Ok(st.raw.clone())
}

fn name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = raw_of(vm, args)?;
    vm.getattr_str(&raw, "name")
}

fn mode(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = raw_of(vm, args)?;
    vm.getattr_str(&raw, "mode")
}

/// A method passed to the raw stream after checking the object is open.
fn pass(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Value> {
    let raw = {
        let b = this(vm, args)?;
        let st = lock(vm, b)?;
        st.check_attached(vm)?;
        st.raw.clone()
    };
    vm.call_method(&raw, method, &[])
}

fn fileno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pass(vm, args, "fileno")
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pass(vm, args, "isatty")
}

fn readable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pass(vm, args, "readable")
}

fn writable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pass(vm, args, "writable")
}

fn seekable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pass(vm, args, "seekable")
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (kind, raw, detached) = {
        let b = this(vm, args)?;
        let st = lock(vm, b)?;
        (st.kind, st.raw.clone(), st.detached)
    };
    let cls = vm.class_of(&args[0]);
    let cname = if cls.builtin {
        format!("_io.{}", kind.name())
    } else {
        crate::vm::repr::class_path(&cls)
    };
    if detached {
        return Ok(new_str(format!("<{}>", cname)));
    }
    Ok(new_str(match name_repr(vm, &raw)? {
        Some(n) => format!("<{} name={}>", cname, n),
        None => format!("<{}>", cname),
    }))
}

fn buffer_size(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this(vm, args)?;
    let st = lock(vm, b)?;
    Ok(Value::Int(st.size as i64))
}

pub fn register(vm: &mut Vm, d: &mut DictMap, base: &ClassRef) {
    let common: &[NativeDef] = &[
        ("__new__", Arity::ANY, buffered_new),
        ("__init__", Arity::ANY, buffered_init),
        ("flush", Arity::exact(0), flush),
        ("seek", Arity::range(1, 2), seek),
        ("tell", Arity::exact(0), tell),
        ("close", Arity::exact(0), close),
        ("detach", Arity::exact(0), detach),
        ("fileno", Arity::exact(0), fileno),
        ("isatty", Arity::exact(0), isatty),
        ("seekable", Arity::exact(0), seekable),
        ("__repr__", Arity::exact(0), repr),
    ];
    let reads: &[NativeDef] = &[
        ("read", Arity::range(0, 1), read),
        ("read1", Arity::range(0, 1), read1),
        ("peek", Arity::range(0, 1), peek),
        ("readinto", Arity::exact(1), readinto),
        ("readinto1", Arity::exact(1), readinto1),
        ("readline", Arity::range(0, 1), readline),
        ("__next__", Arity::exact(0), next),
        ("readable", Arity::exact(0), readable),
    ];
    let writes: &[NativeDef] = &[
        ("write", Arity::exact(1), write),
        ("truncate", Arity::range(0, 1), truncate),
        ("writable", Arity::exact(0), writable),
    ];
    let getters: &[(&'static str, NativeFn)] = &[
        ("closed", closed),
        ("raw", raw),
        ("name", name),
        ("mode", mode),
        ("_buffer_size", buffer_size),
    ];
    let reader =
        native_class::<ReaderClass>(vm, "BufferedReader", "_io", Some(base.clone()), common);
    add_methods(vm, &reader, reads);
    add_getters(vm, &reader, getters);
    let writer =
        native_class::<WriterClass>(vm, "BufferedWriter", "_io", Some(base.clone()), common);
    add_methods(vm, &writer, writes);
    add_getters(vm, &writer, getters);
    let random =
        native_class::<RandomClass>(vm, "BufferedRandom", "_io", Some(base.clone()), common);
    add_methods(vm, &random, reads);
    add_methods(vm, &random, writes);
    add_getters(vm, &random, getters);
    d.set_by_str("BufferedReader", Value::Class(reader));
    d.set_by_str("BufferedWriter", Value::Class(writer));
    d.set_by_str("BufferedRandom", Value::Class(random));
}

/// A buffered object for `open()`.
pub fn open_buffered(vm: &mut Vm, raw: Value, size: usize, kind: Kind) -> Value {
    let cls = class_of_kind(vm, kind);
    make(cls, raw, size, kind)
}
