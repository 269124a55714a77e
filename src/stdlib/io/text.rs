//! `TextIOWrapper`: text over a buffered binary stream. Over gilpy's own
//! buffered objects the bytes move without Python calls; the decoded text
//! is kept in one string and lines are slices of it.

use super::buffered::{BufState, Buffered};
use super::fileio::whence_arg;
use super::textcore::{self, Decoder, Enc, ReadNl};
use super::*;
use crate::vm::bytes::Errors;
use std::borrow::Cow;
use std::sync::Arc;

/// Bytes asked of the buffer at a time when reading.
const CHUNK: usize = 128 * 1024;

pub struct TextState {
    buffer: Value,
    /// The buffer itself when it is one of gilpy's buffered objects, and
    /// the file under it (whose closing is seen without taking its lock).
    fast: Option<Arc<Locked<BufState>>>,
    raw: Option<Arc<super::fileio::RawFile>>,
    encoding: String,
    errors_name: String,
    enc: Enc,
    errors: Errors,
    newline: Option<String>,
    dec: Decoder,
    write_nl: Option<&'static str>,
    line_buffering: bool,
    write_through: bool,
    detached: bool,
    /// False while iterating (`tell()` is refused then, as in CPython).
    telling: bool,
    /// 0, 1, 2: `sys.stdin`, `sys.stdout`, `sys.stderr`.
    std: Option<u8>,
    /// The `mode` attribute `open()` sets.
    mode: Option<String>,
    /// UTF-8-SIG: a byte order mark goes before the next write.
    bom_pending: bool,
    chunk: usize,
    readable: bool,
    writable: bool,
    /// For an encoding of the codec registry (`cp1252`, `utf-16`...): its
    /// incremental decoder and encoder. Bytes read are decoded by it and
    /// handed to `dec` as UTF-8; text written is encoded by it.
    registry: Option<Registry>,
}

struct Registry {
    decoder: Value,
    encoder: Value,
}

/// The native encoding and error handler for `encoding`/`errors`, or the
/// registry's codec when they are not native.
fn choose_codec(
    vm: &mut Vm,
    encoding: &str,
    errors: &str,
) -> PyResult<(Enc, Errors, Option<Registry>)> {
    if let (Ok(enc), Ok(errs)) = (Enc::lookup(vm, encoding), vm.codec_errors(errors)) {
        return Ok((enc, errs, None));
    }
    let codecs = vm.import("codecs", false)?;
    let f = vm.getattr(&codecs, &vm.intern("_text_stream_codec"))?;
    let pair = vm.call(&f, &[new_str(encoding), new_str(errors)], &[])?;
    let (decoder, encoder) = match &pair {
        Value::Tuple(t) if t.items.len() == 2 => (t.items[0].clone(), t.items[1].clone()),
        _ => return Err(vm.type_error("a codec's incremental coders are a pair")),
    };
    Ok((
        Enc::Utf8,
        Errors::Strict,
        Some(Registry { decoder, encoder }),
    ))
}

pub struct TextIO {
    pub st: Locked<TextState>,
}

fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a TextIO> {
    this_object::<TextIO>(vm, args, "_io.TextIOWrapper")
}

fn lock<'a>(vm: &mut Vm, t: &'a TextIO) -> PyResult<LockedGuard<'a, TextState>> {
    t.st.lock(vm, "<_io.TextIOWrapper>")
}

/// The options of a text stream, as `open()` and `__init__` take them.
pub struct TextOpts {
    pub encoding: Option<String>,
    pub errors: Option<String>,
    pub newline: Option<String>,
    pub line_buffering: bool,
    pub write_through: bool,
}

pub fn check_newline(vm: &Vm, nl: &Option<String>) -> PyResult<()> {
    match nl.as_deref() {
        None | Some("") | Some("\n") | Some("\r") | Some("\r\n") => Ok(()),
        Some(other) => Err(vm.value_error(format!("illegal newline value: {}", other))),
    }
}

impl TextState {
    fn new(vm: &mut Vm, buffer: Value, o: TextOpts) -> PyResult<TextState> {
        check_newline(vm, &o.newline)?;
        let encoding = o.encoding.unwrap_or_else(|| "UTF-8".to_string());
        let errors_name = o.errors.unwrap_or_else(|| "strict".to_string());
        let (enc, errors, registry) = choose_codec(vm, &encoding, &errors_name)?;
        let fast = match &buffer {
            Value::Native(_) => downcast::<Buffered>(&buffer).map(|b| b.st.clone()),
            _ => None,
        };
        let mut raw = None;
        let (readable, writable) = match &fast {
            Some(b) => {
                let st = b.lock(vm, "buffered io object")?;
                raw = st.fast.clone();
                (
                    st.kind != super::buffered::Kind::Writer,
                    st.kind != super::buffered::Kind::Reader,
                )
            }
            None => {
                let r = vm.call_method(&buffer, "readable", &[])?;
                let w = vm.call_method(&buffer, "writable", &[])?;
                (vm.truthy(&r)?, vm.truthy(&w)?)
            }
        };
        let nl = ReadNl::of(o.newline.as_deref());
        let mut st = TextState {
            buffer,
            fast,
            raw,
            encoding,
            errors_name,
            enc,
            errors,
            write_nl: ReadNl::write_nl(o.newline.as_deref()),
            newline: o.newline,
            dec: Decoder::new(enc, errors, nl),
            line_buffering: o.line_buffering,
            write_through: o.write_through,
            detached: false,
            telling: true,
            std: None,
            mode: None,
            bom_pending: false,
            chunk: CHUNK,
            readable,
            writable,
            registry,
        };
        if enc == Enc::Utf8Sig && writable {
            // A byte order mark only at the start of the stream.
            st.bom_pending = !st.seekable(vm)? || st.buffer_tell(vm)? == 0;
        }
        if writable && st.registry.is_some() && st.seekable(vm)? && st.buffer_tell(vm)? != 0 {
            // Appending: no byte order mark in the middle of the stream.
            st.registry_reset(vm, false)?;
        }
        Ok(st)
    }

    /// Bytes read, through the registry's decoder if there is one: UTF-8
    /// for `dec` then.
    fn transcode_in(&mut self, vm: &mut Vm, data: Vec<u8>, last: bool) -> PyResult<Vec<u8>> {
        let Some(r) = &self.registry else {
            return Ok(data);
        };
        let decoder = r.decoder.clone();
        let s = vm.call_method(&decoder, "decode", &[new_bytes(data), Value::Bool(last)])?;
        match s {
            Value::Str(s) => Ok(s.as_str().as_bytes().to_vec()),
            other => Err(vm.type_error(format!(
                "decoder should return a string result, not '{}'",
                vm.type_name(&other)
            ))),
        }
    }

    /// Text to write, encoded.
    fn encode_out<'s>(&mut self, vm: &mut Vm, s: &'s str) -> PyResult<Cow<'s, [u8]>> {
        let Some(r) = &self.registry else {
            return textcore::encode(vm, self.enc, self.errors, s);
        };
        let encoder = r.encoder.clone();
        let b = vm.call_method(&encoder, "encode", &[new_str(s)])?;
        match crate::vm::bytes::bytes_like(&b) {
            Some(b) => Ok(Cow::Owned(b.into_owned())),
            None => Err(vm.type_error(format!(
                "encoder should return a bytes object, not '{}'",
                vm.type_name(&b)
            ))),
        }
    }

    /// After a seek: the registry's coders start over (`at_start`: a byte
    /// order mark is read or written again).
    fn registry_reset(&mut self, vm: &mut Vm, at_start: bool) -> PyResult<()> {
        let Some(r) = &self.registry else {
            return Ok(());
        };
        let (decoder, encoder) = (r.decoder.clone(), r.encoder.clone());
        vm.call_method(&decoder, "reset", &[])?;
        if at_start {
            vm.call_method(&encoder, "reset", &[])?;
        } else if vm.lookup_special(&encoder, "setstate").is_some() {
            vm.call_method(&encoder, "setstate", &[Value::Int(0)])?;
        }
        Ok(())
    }

    fn check_attached(&self, vm: &Vm) -> PyResult<()> {
        if self.detached {
            Err(detached_error(vm, "underlying buffer"))
        } else {
            Ok(())
        }
    }

    fn is_closed(&self, vm: &mut Vm) -> PyResult<bool> {
        if let (Some(_), Some(raw)) = (&self.fast, &self.raw) {
            return Ok(match self.std {
                Some(fd @ (1 | 2)) => crate::vm::stdio::is_closed(fd),
                _ => raw.is_closed(),
            });
        }
        match &self.fast {
            Some(b) => b.lock(vm, "buffered io object")?.is_closed(vm),
            None => {
                let c = vm.getattr_str(&self.buffer, "closed")?;
                vm.truthy(&c)
            }
        }
    }

    fn check_open(&self, vm: &mut Vm) -> PyResult<()> {
        self.check_attached(vm)?;
        if self.is_closed(vm)? {
            return Err(closed_error(vm));
        }
        Ok(())
    }

    fn check_readable(&self, vm: &mut Vm) -> PyResult<()> {
        self.check_open(vm)?;
        if !self.readable {
            return Err(unsupported(vm, "not readable"));
        }
        Ok(())
    }

    fn seekable(&self, vm: &mut Vm) -> PyResult<bool> {
        match &self.fast {
            Some(b) => b.lock(vm, "buffered io object")?.seekable(vm),
            None => {
                let r = vm.call_method(&self.buffer, "seekable", &[])?;
                vm.truthy(&r)
            }
        }
    }

    fn buffer_tell(&self, vm: &mut Vm) -> PyResult<i64> {
        match &self.fast {
            Some(b) => b.lock(vm, "buffered io object")?.tell(vm),
            None => {
                let r = vm.call_method(&self.buffer, "tell", &[])?;
                int_arg(vm, &r)
            }
        }
    }

    /// The next chunk of bytes (`all`: to the end); `None` when a
    /// non-blocking stream has nothing now.
    fn fetch(&mut self, vm: &mut Vm, all: bool) -> PyResult<Option<Vec<u8>>> {
        if self.std == Some(0) {
            crate::vm::stdio::flush_stdout(vm)?;
        }
        match &self.fast {
            Some(b) => {
                let mut st = b.lock(vm, "buffered io object")?;
                if all {
                    st.read_all(vm)
                } else {
                    st.read_chunk(vm, Some(self.chunk))
                }
            }
            None => {
                let r = if all {
                    vm.call_method(&self.buffer, "read", &[])?
                } else if vm.lookup_special(&self.buffer, "read1").is_some() {
                    vm.call_method(&self.buffer, "read1", &[Value::Int(self.chunk as i64)])?
                } else {
                    vm.call_method(&self.buffer, "read", &[Value::Int(self.chunk as i64)])?
                };
                if r.is_none() {
                    return Ok(None);
                }
                match crate::vm::bytes::bytes_like(&r) {
                    Some(b) => Ok(Some(b.into_owned())),
                    None => Err(vm.type_error(format!(
                        "underlying read1() should have returned a bytes-like object, not '{}'",
                        vm.type_name(&r)
                    ))),
                }
            }
        }
    }

    /// Decodes one more chunk; false at the end of the stream (the
    /// decoder's tail is then decoded for good).
    fn fill(&mut self, vm: &mut Vm) -> PyResult<bool> {
        match self.fetch(vm, false)? {
            Some(b) if !b.is_empty() => {
                let b = self.transcode_in(vm, b, false)?;
                self.dec.feed(vm, b, false)?;
                Ok(true)
            }
            _ => {
                // The registry's decoder may hold a tail of its own.
                let rest = self.transcode_in(vm, Vec::new(), true)?;
                if !self.dec.tail.is_empty() || !rest.is_empty() {
                    self.dec.feed(vm, rest, true)?;
                }
                Ok(false)
            }
        }
    }

    /// One line. A line that spans chunks is gathered in `acc`, so that
    /// each chunk's text is used where it was decoded (uncopied).
    fn read_line(&mut self, vm: &mut Vm, limit: Option<usize>) -> PyResult<Value> {
        let mut eof = false;
        let mut acc = String::new();
        let mut acc_chars = 0;
        let finish = |mut acc: String, piece: &str| {
            if acc.is_empty() {
                new_str(piece)
            } else {
                acc.push_str(piece);
                new_str(acc)
            }
        };
        loop {
            let room = limit.map(|l| l - acc_chars);
            if acc.ends_with('\r')
                && matches!(self.dec.nl, ReadNl::Universal | ReadNl::CrLf)
                && self.dec.pos < self.dec.text.len()
            {
                // A "\r" at the end of the last chunk: "\r\n" if the next
                // chunk starts with "\n".
                if self.dec.text[self.dec.pos..].starts_with('\n') {
                    let end = self.dec.pos + 1;
                    return Ok(finish(acc, self.dec.take(end)));
                }
                if self.dec.nl == ReadNl::Universal {
                    return Ok(new_str(acc));
                }
            }
            if let Some(mut end) = self.dec.line_end(eof) {
                if let Some(e) = room.and_then(|r| self.dec.char_end(r)) {
                    end = end.min(e);
                }
                return Ok(finish(acc, self.dec.take(end)));
            }
            if let Some(e) = room.and_then(|r| self.dec.char_end(r)) {
                return Ok(finish(acc, self.dec.take(e)));
            }
            let end = self.dec.text.len();
            let rest = self.dec.take(end);
            if eof {
                return Ok(finish(acc, rest));
            }
            acc_chars += if rest.is_ascii() {
                rest.len()
            } else {
                rest.chars().count()
            };
            acc.push_str(rest);
            eof = !self.fill(vm)?;
        }
    }

    fn read_chars(&mut self, vm: &mut Vm, n: usize) -> PyResult<Value> {
        loop {
            if let Some(end) = self.dec.char_end(n) {
                return Ok(new_str(self.dec.take(end)));
            }
            if !self.fill(vm)? {
                let end = self.dec.text.len();
                return Ok(new_str(self.dec.take(end)));
            }
        }
    }

    fn read_all(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let data = self.fetch(vm, true)?.unwrap_or_default();
        let mut data = self.transcode_in(vm, data, true)?;
        if !self.dec.has_data() && self.dec.nl != ReadNl::Universal {
            // The whole rest in one piece: decoded in place.
            if self.enc == Enc::Utf8Sig && !self.dec.bom_done {
                if data.starts_with(textcore::BOM) {
                    data.drain(..textcore::BOM.len());
                }
                self.dec.bom_done = true;
            }
            let s = textcore::decode_owned(vm, self.enc, self.errors, data)?;
            let s = match self.dec.nl {
                ReadNl::Translate => textcore::translate_all(s, &mut self.dec.seen),
                _ => s,
            };
            return Ok(new_str(s));
        }
        self.dec.feed(vm, data, true)?;
        Ok(new_str(self.dec.take_rest()))
    }

    /// Writes `s` (already checked to be str).
    fn write(&mut self, vm: &mut Vm, s: &str) -> PyResult<()> {
        let translated;
        let s = match self.write_nl {
            Some(nl) if memchr::memchr(b'\n', s.as_bytes()).is_some() => {
                translated = s.replace('\n', nl);
                translated.as_str()
            }
            _ => s,
        };
        let flush = self.line_buffering && memchr::memchr2(b'\n', b'\r', s.as_bytes()).is_some();
        if let Some(fd @ (1 | 2)) = self.std {
            let data = self.encode_out(vm, s)?;
            if fd == 2 {
                crate::vm::stdio::write_stderr_bytes(vm, &data);
            } else {
                crate::vm::stdio::write_stdout_bytes(vm, &data, flush)?;
            }
            return Ok(());
        }
        if self.dec.has_data() {
            // Read-ahead is dropped, as CPython's TextIOWrapper does.
            self.dec.reset(false);
        }
        let data = self.encode_out(vm, s)?;
        let bom = std::mem::take(&mut self.bom_pending);
        match &self.fast {
            Some(b) => {
                let mut st = b.lock(vm, "buffered io object")?;
                if bom {
                    st.write_bytes(vm, textcore::BOM)?;
                }
                st.write_bytes(vm, &data)?;
                if flush {
                    st.flush_writes(vm)?;
                }
            }
            None => {
                let mut bytes = Vec::with_capacity(data.len() + 3);
                if bom {
                    bytes.extend_from_slice(textcore::BOM);
                }
                bytes.extend_from_slice(&data);
                vm.call_method(&self.buffer, "write", &[new_bytes(bytes)])?;
                if flush {
                    vm.call_method(&self.buffer, "flush", &[])?;
                }
            }
        }
        Ok(())
    }

    fn flush(&mut self, vm: &mut Vm) -> PyResult<()> {
        self.telling = true;
        match &self.fast {
            Some(b) => {
                let mut st = b.lock(vm, "buffered io object")?;
                if st.kind != super::buffered::Kind::Reader {
                    st.flush_writes(vm)?;
                }
                Ok(())
            }
            None => vm.call_method(&self.buffer, "flush", &[]).map(|_| ()),
        }
    }

    fn seek(&mut self, vm: &mut Vm, cookie: i64, whence: i32) -> PyResult<i64> {
        match whence {
            1 => {
                if cookie != 0 {
                    return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
                }
                return self.tell(vm);
            }
            2 => {
                if cookie != 0 {
                    return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
                }
                self.flush(vm)?;
                self.dec.reset(false);
                let p = self.buffer_seek(vm, 0, 2)?;
                self.registry_reset(vm, p == 0)?;
                self.bom_pending = false;
                return Ok(p);
            }
            0 => {}
            _ => {
                return Err(
                    vm.value_error(format!("invalid whence ({}, should be 0, 1 or 2)", whence))
                )
            }
        }
        if cookie < 0 {
            return Err(vm.value_error(format!("negative seek position {}", cookie)));
        }
        self.flush(vm)?;
        self.dec.reset(cookie == 0);
        self.buffer_seek(vm, cookie, 0)?;
        self.registry_reset(vm, cookie == 0)?;
        self.bom_pending = self.enc == Enc::Utf8Sig && self.writable && cookie == 0;
        Ok(cookie)
    }

    fn buffer_seek(&mut self, vm: &mut Vm, pos: i64, whence: i32) -> PyResult<i64> {
        match &self.fast {
            Some(b) => b.lock(vm, "buffered io object")?.seek(vm, pos, whence),
            None => {
                let r = vm.call_method(
                    &self.buffer,
                    "seek",
                    &[Value::Int(pos), Value::Int(whence as i64)],
                )?;
                int_arg(vm, &r)
            }
        }
    }

    fn tell(&mut self, vm: &mut Vm) -> PyResult<i64> {
        if !self.seekable(vm)? {
            return Err(unsupported(vm, "underlying stream is not seekable"));
        }
        if !self.telling {
            return Err(vm.new_error(
                &vm.types().exc.OSError.clone(),
                "telling position disabled by next() call",
            ));
        }
        self.flush(vm)?;
        let pos = self.buffer_tell(vm)?;
        if self.registry.is_some() && self.dec.has_data() {
            // Read-ahead was decoded by a codec whose state gilpy cannot
            // map back to a byte position.
            return Err(unsupported(
                vm,
                "tell() after a partial read is not supported for this encoding",
            ));
        }
        Ok((pos - self.dec.bytes_ahead() as i64).max(0))
    }
}

// ---- construction ----

pub struct TextClass;

/// A text stream over `buffer` (for `open()` and the standard streams).
pub fn make(vm: &mut Vm, buffer: Value, o: TextOpts, mode: Option<String>) -> PyResult<Value> {
    let mut st = TextState::new(vm, buffer, o)?;
    st.mode = mode;
    Ok(new_object_of(
        class_for::<TextClass>(vm),
        TextIO {
            st: Locked::new(st),
        },
    ))
}

/// Marks a text stream as the standard stream `fd`.
pub fn set_std(vm: &mut Vm, obj: &Value, fd: u8) -> PyResult<()> {
    if let Some(t) = downcast::<TextIO>(obj) {
        t.st.lock(vm, "<_io.TextIOWrapper>")?.std = Some(fd);
    }
    Ok(())
}

fn text_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.first() else {
        return Err(vm.type_error("__new__ needs a class"));
    };
    let st = TextState {
        buffer: Value::None,
        fast: None,
        raw: None,
        encoding: "UTF-8".to_string(),
        errors_name: "strict".to_string(),
        enc: Enc::Utf8,
        errors: Errors::Strict,
        newline: None,
        dec: Decoder::new(Enc::Utf8, Errors::Strict, ReadNl::Translate),
        write_nl: None,
        line_buffering: false,
        write_through: false,
        detached: true,
        telling: true,
        std: None,
        mode: None,
        bom_pending: false,
        chunk: CHUNK,
        readable: false,
        writable: false,
        registry: None,
    };
    let obj = new_object_of(
        class_for::<TextClass>(vm),
        TextIO {
            st: Locked::new(st),
        },
    );
    Ok(if cls.builtin {
        obj
    } else {
        vm.wrap_for_subclass(&args[0], obj)
    })
}

/// Reads the options of `__init__`/`open()` from arguments `first..`.
pub fn text_opts(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    first: usize,
    func: &str,
) -> PyResult<TextOpts> {
    let s = |vm: &Vm, i: usize, name: &str| -> PyResult<Option<String>> {
        match arg_or_kw(args, kw, first + i, name) {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
            Some(v) => Err(vm.type_error(format!(
                "{}() argument '{}' must be str or None, not {}",
                func,
                name,
                vm.type_name(v)
            ))),
        }
    };
    let encoding = s(vm, 0, "encoding")?;
    let errors = s(vm, 1, "errors")?;
    let newline = s(vm, 2, "newline")?;
    let line_buffering = flag(vm, arg_or_kw(args, kw, first + 3, "line_buffering"), false)?;
    let write_through = flag(vm, arg_or_kw(args, kw, first + 4, "write_through"), false)?;
    Ok(TextOpts {
        encoding,
        errors,
        newline,
        line_buffering,
        write_through,
    })
}

fn text_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let Some(buffer) = arg_or_kw(args, kw, 1, "buffer").cloned() else {
        return Err(vm.type_error("TextIOWrapper() missing required argument 'buffer' (pos 1)"));
    };
    let o = text_opts(vm, args, kw, 2, "TextIOWrapper")?;
    let st = TextState::new(vm, buffer, o)?;
    *lock(vm, t)? = st;
    Ok(Value::None)
}

// ---- methods ----

fn read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let n = size_arg(vm, args.get(1))?;
    let mut st = lock(vm, t)?;
    st.check_readable(vm)?;
    match n {
        None => st.read_all(vm),
        Some(n) => st.read_chars(vm, n),
    }
}

fn readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let limit = size_arg(vm, args.get(1))?;
    let mut st = lock(vm, t)?;
    st.check_readable(vm)?;
    st.read_line(vm, limit)
}

fn readlines(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let hint = size_arg(vm, args.get(1))?.filter(|&h| h > 0);
    let mut st = lock(vm, t)?;
    st.check_readable(vm)?;
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = st.read_line(vm, None)?;
        let Value::Str(s) = &line else { break };
        if s.as_str().is_empty() {
            break;
        }
        total += s.char_len();
        lines.push(line);
        if hint.is_some_and(|h| total > h) {
            break;
        }
    }
    Ok(Value::list(lines))
}

fn next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let line = {
        let mut st = lock(vm, t)?;
        st.check_readable(vm)?;
        st.telling = false;
        let line = st.read_line(vm, None)?;
        if matches!(&line, Value::Str(s) if s.as_str().is_empty()) {
            st.telling = true;
            None
        } else {
            Some(line)
        }
    };
    match line {
        Some(l) => Ok(l),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let base;
    let s = match &args[1] {
        Value::Str(s) => s,
        other => match crate::vm::ops::unwrap_base(other) {
            Value::Str(s) => {
                base = s;
                &base
            }
            _ => {
                return Err(vm.type_error(format!(
                    "write() argument must be str, not {}",
                    vm.type_name(other)
                )))
            }
        },
    };
    let mut st = lock(vm, t)?;
    st.check_open(vm)?;
    if !st.writable {
        return Err(unsupported(vm, "not writable"));
    }
    st.write(vm, s.as_str())?;
    Ok(Value::Int(s.char_len() as i64))
}

fn flush(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let mut st = lock(vm, t)?;
    st.check_open(vm)?;
    if st.std == Some(1) {
        crate::vm::stdio::flush_stdout(vm)?;
        return Ok(Value::None);
    }
    st.flush(vm)?;
    Ok(Value::None)
}

fn seek(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let cookie = int_arg(vm, &args[1])?;
    let whence = whence_arg(vm, args.get(2))?;
    let mut st = lock(vm, t)?;
    st.check_open(vm)?;
    if !st.seekable(vm)? {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    Ok(Value::Int(st.seek(vm, cookie, whence)?))
}

fn tell(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let mut st = lock(vm, t)?;
    st.check_open(vm)?;
    Ok(Value::Int(st.tell(vm)?))
}

fn truncate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let buffer = {
        let mut st = lock(vm, t)?;
        st.check_open(vm)?;
        st.flush(vm)?;
        st.buffer.clone()
    };
    let pos = args.get(1).cloned().unwrap_or(Value::None);
    vm.call_method(&buffer, "truncate", &[pos])
}

fn close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let buffer = {
        let mut st = lock(vm, t)?;
        st.check_attached(vm)?;
        if st.is_closed(vm)? {
            return Ok(Value::None);
        }
        let flushed = st.flush(vm);
        if let Some(fd) = st.std {
            crate::vm::stdio::mark_closed(fd);
        }
        let b = st.buffer.clone();
        if let Err(e) = flushed {
            drop(st);
            let _ = vm.call_method(&b, "close", &[]);
            return Err(e);
        }
        b
    };
    vm.call_method(&buffer, "close", &[])?;
    Ok(Value::None)
}

fn detach(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let mut st = lock(vm, t)?;
    st.check_attached(vm)?;
    st.flush(vm)?;
    st.detached = true;
    st.fast = None;
    st.raw = None;
    Ok(std::mem::replace(&mut st.buffer, Value::None))
}

/// The buffer, for attributes and methods passed through to it.
fn buffer_of(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let st = lock(vm, t)?;
    st.check_attached(vm)?;
    Ok(st.buffer.clone())
}

fn pass(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Value> {
    let b = buffer_of(vm, args)?;
    vm.call_method(&b, method, &[])
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

fn reconfigure(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "reconfigure() takes exactly 0 positional arguments ({} given)",
            args.len() - 1
        )));
    }
    let mut st = lock(vm, t)?;
    st.check_open(vm)?;
    let text_arg = |vm: &Vm, name: &str| opt_str(vm, kwarg(kw, name), name);
    let encoding = text_arg(vm, "encoding")?;
    let errors = text_arg(vm, "errors")?;
    let newline_given = kwarg(kw, "newline").is_some();
    let newline = text_arg(vm, "newline")?;
    if (encoding.is_some() || newline_given) && st.dec.has_data() {
        return Err(unsupported(
            vm,
            "It is not possible to set the encoding or newline of stream after the first read",
        ));
    }
    st.flush(vm)?;
    if let Some(e) = &encoding {
        st.encoding = e.clone();
        if errors.is_none() {
            st.errors_name = "strict".to_string();
        }
    }
    if let Some(e) = &errors {
        st.errors_name = e.clone();
    }
    if encoding.is_some() || errors.is_some() {
        let (name, errs) = (st.encoding.clone(), st.errors_name.clone());
        let (enc, errors, registry) = choose_codec(vm, &name, &errs)?;
        st.enc = enc;
        st.errors = errors;
        st.registry = registry;
    }
    if newline_given {
        check_newline(vm, &newline)?;
        st.write_nl = ReadNl::write_nl(newline.as_deref());
        st.newline = newline;
    }
    let (enc, errs, nl) = (st.enc, st.errors, ReadNl::of(st.newline.as_deref()));
    st.dec = Decoder::new(enc, errs, nl);
    st.dec.bom_done = true;
    if let Some(v) = kwarg(kw, "line_buffering") {
        if !v.is_none() {
            st.line_buffering = vm.truthy(v)?;
        }
    }
    if let Some(v) = kwarg(kw, "write_through") {
        if !v.is_none() {
            st.write_through = vm.truthy(v)?;
        }
    }
    Ok(Value::None)
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let (detached, encoding, mode) = {
        let st = lock(vm, t)?;
        (st.detached, st.encoding.clone(), st.mode.clone())
    };
    let cls = vm.class_of(&args[0]);
    let cname = if cls.builtin {
        "_io.TextIOWrapper".to_string()
    } else {
        crate::vm::repr::class_path(&cls)
    };
    let mut out = format!("<{}", cname);
    if !detached {
        if let Some(n) = name_repr(vm, &args[0])? {
            out.push_str(&format!(" name={}", n));
        }
    }
    if let Some(m) = mode {
        out.push_str(&format!(" mode={}", crate::vm::repr::str_repr(&m)));
    }
    out.push_str(&format!(
        " encoding={}>",
        crate::vm::repr::str_repr(&encoding)
    ));
    Ok(new_str(out))
}

// ---- attributes ----

fn closed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let st = lock(vm, t)?;
    st.check_attached(vm)?;
    Ok(Value::Bool(st.is_closed(vm)?))
}

fn name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = buffer_of(vm, args)?;
    vm.getattr_str(&b, "name")
}

fn buffer(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    buffer_of(vm, args)
}

fn encoding(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    Ok(new_str(lock(vm, t)?.encoding.as_str()))
}

fn errors(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    Ok(new_str(lock(vm, t)?.errors_name.as_str()))
}

fn line_buffering(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    Ok(Value::Bool(lock(vm, t)?.line_buffering))
}

fn write_through(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    Ok(Value::Bool(lock(vm, t)?.write_through))
}

fn newlines(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let st = lock(vm, t)?;
    if !matches!(st.dec.nl, ReadNl::Translate | ReadNl::Universal) {
        return Ok(Value::None);
    }
    let names = textcore::seen_names(st.dec.seen);
    Ok(match names.len() {
        0 => Value::None,
        1 => new_str(names[0]),
        _ => Value::tuple(names.into_iter().map(new_str).collect()),
    })
}

fn mode(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    let m = lock(vm, t)?.mode.clone();
    match m {
        Some(m) => Ok(new_str(m)),
        None => Err(vm.attr_error("'_io.TextIOWrapper' object has no attribute 'mode'")),
    }
}

fn chunk_size(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this(vm, args)?;
    Ok(Value::Int(lock(vm, t)?.chunk as i64))
}

pub fn register(vm: &mut Vm, d: &mut DictMap, base: &ClassRef) {
    let cls = native_class::<TextClass>(
        vm,
        "TextIOWrapper",
        "_io",
        Some(base.clone()),
        &[
            ("__new__", Arity::ANY, text_new),
            ("__init__", Arity::ANY, text_init),
            ("read", Arity::range(0, 1), read),
            ("readline", Arity::range(0, 1), readline),
            ("readlines", Arity::range(0, 1), readlines),
            ("__next__", Arity::exact(0), next),
            ("write", Arity::exact(1), write),
            ("flush", Arity::exact(0), flush),
            ("seek", Arity::range(1, 2), seek),
            ("tell", Arity::exact(0), tell),
            ("truncate", Arity::range(0, 1), truncate),
            ("close", Arity::exact(0), close),
            ("detach", Arity::exact(0), detach),
            ("fileno", Arity::exact(0), fileno),
            ("isatty", Arity::exact(0), isatty),
            ("readable", Arity::exact(0), readable),
            ("writable", Arity::exact(0), writable),
            ("seekable", Arity::exact(0), seekable),
            ("reconfigure", Arity::ANY, reconfigure),
            ("__repr__", Arity::exact(0), repr),
        ],
    );
    add_getters(
        vm,
        &cls,
        &[
            ("closed", closed),
            ("name", name),
            ("buffer", buffer),
            ("encoding", encoding),
            ("errors", errors),
            ("line_buffering", line_buffering),
            ("write_through", write_through),
            ("newlines", newlines),
            ("mode", mode),
            ("_CHUNK_SIZE", chunk_size),
        ],
    );
    d.set_by_str("TextIOWrapper", Value::Class(cls));
}
