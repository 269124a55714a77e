//! `StringIO` and `BytesIO`: streams in memory.

use super::textcore::{self, char_offset, line_end_in, ReadNl};
use super::*;

// ---- StringIO ----

/// Text with a position counted in characters. The byte offset of the
/// position is kept alongside, so that reading on and appending (the
/// common cases) never count characters from the start.
pub struct StrState {
    s: String,
    /// Position in characters, and its byte offset (`s.len()` when the
    /// position is past the end).
    pos: usize,
    bpos: usize,
    nchars: usize,
    nl: ReadNl,
    /// `newline=None`: `\r\n` and `\r` are turned into `\n` when written.
    translate: bool,
    /// `newline=None` or `''`: the kinds of line end written are noted.
    track: bool,
    write_nl: Option<&'static str>,
    seen: u8,
    closed: bool,
}

pub struct StringIO {
    st: Locked<StrState>,
}

impl StrState {
    fn new() -> StrState {
        StrState {
            s: String::new(),
            pos: 0,
            bpos: 0,
            nchars: 0,
            nl: ReadNl::Lf,
            translate: false,
            track: false,
            write_nl: None,
            seen: 0,
            closed: false,
        }
    }

    fn check(&self, vm: &Vm) -> PyResult<()> {
        if self.closed {
            Err(vm.value_error("I/O operation on closed file"))
        } else {
            Ok(())
        }
    }

    fn byte_of(&self, pos: usize) -> usize {
        if pos >= self.nchars {
            return self.s.len();
        }
        char_offset(&self.s, pos).unwrap_or(self.s.len())
    }

    fn set_pos(&mut self, pos: usize) {
        self.pos = pos;
        self.bpos = self.byte_of(pos);
    }

    fn write(&mut self, text: &str) -> usize {
        let translated;
        let text = if self.translate {
            translated = textcore::translate_all(text.to_string(), &mut self.seen);
            translated.as_str()
        } else if self.track {
            textcore::translate_all(text.to_string(), &mut self.seen);
            text
        } else if let Some(nl) = self.write_nl {
            translated = text.replace('\n', nl);
            translated.as_str()
        } else {
            text
        };
        let n = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        if n == 0 {
            return 0;
        }
        if self.pos > self.nchars {
            let pad = self.pos - self.nchars;
            self.s.extend(std::iter::repeat_n('\0', pad));
            self.nchars = self.pos;
            self.bpos = self.s.len();
        }
        if self.pos == self.nchars {
            self.s.push_str(text);
            self.nchars += n;
        } else {
            let rest = &self.s[self.bpos..];
            let end = self.bpos + char_offset(rest, n).unwrap_or(rest.len());
            let replaced = self.pos + n > self.nchars;
            self.s.replace_range(self.bpos..end, text);
            if replaced {
                self.nchars = self.pos + n;
            }
        }
        self.pos += n;
        self.bpos += text.len();
        n
    }

    fn take(&mut self, end: usize) -> Value {
        let piece = &self.s[self.bpos..end];
        let n = if piece.is_ascii() {
            piece.len()
        } else {
            piece.chars().count()
        };
        let v = new_str(piece);
        self.bpos = end;
        self.pos += n;
        v
    }

    fn read(&mut self, n: Option<usize>) -> Value {
        if self.pos >= self.nchars {
            return new_str("");
        }
        let rest = &self.s[self.bpos..];
        let end = match n {
            None => self.s.len(),
            Some(n) => self.bpos + char_offset(rest, n).unwrap_or(rest.len()),
        };
        self.take(end)
    }

    fn readline(&mut self, limit: Option<usize>) -> Value {
        if self.pos >= self.nchars {
            return new_str("");
        }
        let rest = &self.s[self.bpos..];
        let mut end = line_end_in(rest.as_bytes(), self.nl, true).unwrap_or(rest.len());
        if let Some(l) = limit {
            end = end.min(char_offset(rest, l).unwrap_or(rest.len()));
        }
        self.take(self.bpos + end)
    }
}

fn sio<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a StringIO> {
    this_object::<StringIO>(vm, args, "_io.StringIO")
}

fn slock<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<LockedGuard<'a, StrState>> {
    let s = sio(vm, args)?;
    s.st.lock(vm, "<_io.StringIO>")
}

/// An open `StringIO`'s state.
fn sopen<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<LockedGuard<'a, StrState>> {
    let st = slock(vm, args)?;
    st.check(vm)?;
    Ok(st)
}

fn stringio_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let obj = new_object(
        vm,
        StringIO {
            st: Locked::new(StrState::new()),
        },
    );
    Ok(match args.first() {
        Some(c @ Value::Class(cls)) if !cls.builtin => vm.wrap_for_subclass(c, obj),
        _ => obj,
    })
}

fn stringio_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let initial = match arg_or_kw(args, kw, 1, "initial_value") {
        None | Some(Value::None) => None,
        Some(v) => match crate::vm::ops::unwrap_base(v) {
            Value::Str(s) => Some(s),
            _ => {
                return Err(vm.type_error(format!(
                    "initial_value must be str or None, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let newline = match arg_or_kw(args, kw, 2, "newline") {
        None => Some("\n".to_string()),
        Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        Some(v) => {
            return Err(vm.type_error(format!(
                "newline must be str or None, not {}",
                vm.type_name(v)
            )))
        }
    };
    if let Some(nl) = &newline {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(vm.value_error(format!(
                "illegal newline value: {}",
                crate::vm::repr::str_repr(nl)
            )));
        }
    }
    let mut st = slock(vm, args)?;
    *st = StrState::new();
    st.nl = ReadNl::of(newline.as_deref());
    st.translate = newline.is_none();
    st.track = newline.as_deref() == Some("");
    st.write_nl = ReadNl::write_nl(newline.as_deref());
    if let Some(s) = initial {
        st.write(s.as_str());
        st.set_pos(0);
    }
    Ok(Value::None)
}

fn str_arg(vm: &Vm, v: &Value) -> PyResult<Str> {
    match crate::vm::ops::unwrap_base(v) {
        Value::Str(s) => Ok(s),
        _ => Err(vm.type_error(format!(
            "string argument expected, got '{}'",
            vm.type_name(v)
        ))),
    }
}

fn s_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = str_arg(vm, &args[1])?;
    let mut st = sopen(vm, args)?;
    st.write(s.as_str());
    Ok(Value::Int(s.char_len() as i64))
}

fn s_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let n = size_arg(vm, args.get(1))?;
    let mut st = sopen(vm, args)?;
    Ok(st.read(n))
}

fn s_readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let n = size_arg(vm, args.get(1))?;
    let mut st = sopen(vm, args)?;
    Ok(st.readline(n))
}

fn s_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let line = {
        let mut st = sopen(vm, args)?;
        st.readline(None)
    };
    if matches!(&line, Value::Str(s) if s.as_str().is_empty()) {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(line)
}

fn s_getvalue(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let st = sopen(vm, args)?;
    Ok(new_str(st.s.as_str()))
}

fn s_tell(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let st = sopen(vm, args)?;
    Ok(Value::Int(st.pos as i64))
}

fn s_seek(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let pos = int_arg(vm, &args[1])?;
    let whence = match args.get(2) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let mut st = sopen(vm, args)?;
    let os_error = |vm: &Vm, m: &str| vm.new_error(&vm.types().exc.OSError.clone(), m);
    match whence {
        0 if pos < 0 => Err(vm.value_error(format!("Negative seek position {}", pos))),
        0 => {
            st.set_pos(pos as usize);
            Ok(Value::Int(pos))
        }
        1 if pos != 0 => Err(os_error(vm, "Can't do nonzero cur-relative seeks")),
        1 => Ok(Value::Int(st.pos as i64)),
        // CPython says "cur-relative" here too.
        2 if pos != 0 => Err(os_error(vm, "Can't do nonzero cur-relative seeks")),
        2 => {
            let n = st.nchars;
            st.set_pos(n);
            Ok(Value::Int(n as i64))
        }
        _ => Err(vm.value_error(format!("Invalid whence ({}, should be 0, 1 or 2)", whence))),
    }
}

fn s_truncate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let size = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(vm, v)?),
    };
    let mut st = sopen(vm, args)?;
    let size = size.unwrap_or(st.pos as i64);
    if size < 0 {
        return Err(vm.value_error(format!("Negative size value {}", size)));
    }
    let size = size as usize;
    if size < st.nchars {
        let b = st.byte_of(size);
        st.s.truncate(b);
        st.nchars = size;
        let p = st.pos;
        st.set_pos(p);
    }
    Ok(Value::Int(size as i64))
}

fn s_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut st = slock(vm, args)?;
    st.closed = true;
    st.s = String::new();
    Ok(Value::None)
}

fn s_closed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(slock(vm, args)?.closed))
}

fn s_true(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    sopen(vm, args)?;
    Ok(Value::Bool(true))
}

fn s_false(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn s_none(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::None)
}

fn s_newlines(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let st = sopen(vm, args)?;
    if !st.translate && !st.track {
        return Ok(Value::None);
    }
    let names = textcore::seen_names(st.seen);
    Ok(match names.len() {
        0 => Value::None,
        1 => new_str(names[0]),
        _ => Value::tuple(names.into_iter().map(new_str).collect()),
    })
}

fn s_detach(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(unsupported(vm, "detach"))
}

// ---- BytesIO ----

fn new_bytearray_of(data: Vec<u8>) -> Value {
    Value::native(Native::ByteArray(crate::vm::sync::PyCell::new(data)))
}

pub struct BytesState {
    data: Vec<u8>,
    pos: usize,
    closed: bool,
}

pub struct BytesIO {
    st: Locked<BytesState>,
}

impl BytesState {
    fn take(&mut self, n: usize) -> Vec<u8> {
        let start = self.pos.min(self.data.len());
        let end = start.saturating_add(n).min(self.data.len());
        self.pos = end.max(self.pos);
        self.data[start..end].to_vec()
    }
}

fn block<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<LockedGuard<'a, BytesState>> {
    let b = this_object::<BytesIO>(vm, args, "_io.BytesIO")?;
    b.st.lock(vm, "<_io.BytesIO>")
}

fn bopen<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<LockedGuard<'a, BytesState>> {
    let st = block(vm, args)?;
    if st.closed {
        return Err(closed_error(vm));
    }
    Ok(st)
}

fn bytesio_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let obj = new_object(
        vm,
        BytesIO {
            st: Locked::new(BytesState {
                data: Vec::new(),
                pos: 0,
                closed: false,
            }),
        },
    );
    Ok(match args.first() {
        Some(c @ Value::Class(cls)) if !cls.builtin => vm.wrap_for_subclass(c, obj),
        _ => obj,
    })
}

fn bytesio_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let data = match arg_or_kw(args, kw, 1, "initial_bytes") {
        None | Some(Value::None) => Vec::new(),
        Some(v) => bytes_arg(vm, v)?,
    };
    let mut st = block(vm, args)?;
    *st = BytesState {
        data,
        pos: 0,
        closed: false,
    };
    Ok(Value::None)
}

fn b_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let n = size_arg(vm, args.get(1))?;
    let mut st = bopen(vm, args)?;
    Ok(new_bytes(st.take(n.unwrap_or(usize::MAX))))
}

fn b_readlines(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    super::base::lines_up_to(vm, args, true)
}

fn b_readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let n = size_arg(vm, args.get(1))?;
    let mut st = bopen(vm, args)?;
    let start = st.pos.min(st.data.len());
    let rest = &st.data[start..];
    let mut end = memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1);
    if let Some(n) = n {
        end = end.min(n);
    }
    Ok(new_bytes(st.take(end)))
}

fn b_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let line = b_readline(vm, &args[..1], &[])?;
    if matches!(&line, Value::Bytes(b) if b.as_bytes().is_empty()) {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(line)
}

fn b_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let n = target_len(vm, &args[1])?;
    let data = bopen(vm, args)?.take(n);
    Ok(Value::Int(fill_target(vm, &args[1], &data)? as i64))
}

fn b_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut st = bopen(vm, args)?;
    let data = bytes_arg(vm, &args[1])?;
    let pos = st.pos;
    if pos > st.data.len() {
        st.data.resize(pos, 0);
    }
    let end = pos + data.len();
    if end > st.data.len() {
        st.data.resize(end, 0);
    }
    st.data[pos..end].copy_from_slice(&data);
    st.pos = end;
    Ok(Value::Int(data.len() as i64))
}

fn b_getvalue(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let st = bopen(vm, args)?;
    Ok(new_bytes(st.data.clone()))
}

fn b_getbuffer(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let data = bopen(vm, args)?.data.clone();
    // A view of a copy: writes through it do not reach the stream.
    let memoryview = vm.interp.builtins.lock().get_by_str("memoryview").cloned();
    match memoryview {
        Some(m) => vm.call(&m, &[new_bytearray_of(data)], &[]),
        None => Ok(new_bytes(data)),
    }
}

fn b_tell(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(bopen(vm, args)?.pos as i64))
}

fn b_seek(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let pos = int_arg(vm, &args[1])?;
    let whence = match args.get(2) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let mut st = bopen(vm, args)?;
    let new = match whence {
        0 if pos < 0 => return Err(vm.value_error(format!("negative seek value {}", pos))),
        0 => pos,
        1 => (st.pos as i64 + pos).max(0),
        2 => (st.data.len() as i64 + pos).max(0),
        _ => {
            return Err(vm.value_error(format!("invalid whence ({}, should be 0, 1 or 2)", whence)))
        }
    };
    st.pos = new as usize;
    Ok(Value::Int(new))
}

fn b_truncate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let size = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(vm, v)?),
    };
    let mut st = bopen(vm, args)?;
    let size = size.unwrap_or(st.pos as i64);
    if size < 0 {
        return Err(vm.value_error(format!("negative size value {}", size)));
    }
    st.data.truncate(size as usize);
    Ok(Value::Int(size))
}

fn b_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut st = block(vm, args)?;
    st.closed = true;
    st.data = Vec::new();
    Ok(Value::None)
}

fn b_closed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(block(vm, args)?.closed))
}

fn b_true(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    bopen(vm, args)?;
    Ok(Value::Bool(true))
}

fn b_flush(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    bopen(vm, args)?;
    Ok(Value::None)
}

fn b_isatty(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    bopen(vm, args)?;
    Ok(Value::Bool(false))
}

pub fn register(vm: &mut Vm, d: &mut DictMap, buffered_base: &ClassRef, text_base: &ClassRef) {
    let s = native_class::<StringIO>(
        vm,
        "StringIO",
        "_io",
        Some(text_base.clone()),
        &[
            ("__new__", Arity::ANY, stringio_new),
            ("__init__", Arity::ANY, stringio_init),
            ("write", Arity::exact(1), s_write),
            ("read", Arity::range(0, 1), s_read),
            ("readline", Arity::range(0, 1), s_readline),
            ("__next__", Arity::exact(0), s_next),
            ("getvalue", Arity::exact(0), s_getvalue),
            ("tell", Arity::exact(0), s_tell),
            ("seek", Arity::range(1, 2), s_seek),
            ("truncate", Arity::range(0, 1), s_truncate),
            ("close", Arity::exact(0), s_close),
            ("readable", Arity::exact(0), s_true),
            ("writable", Arity::exact(0), s_true),
            ("seekable", Arity::exact(0), s_true),
            ("detach", Arity::exact(0), s_detach),
        ],
    );
    add_getters(
        vm,
        &s,
        &[
            ("closed", s_closed),
            ("line_buffering", s_false),
            ("newlines", s_newlines),
            ("encoding", s_none),
            ("errors", s_none),
        ],
    );
    d.set_by_str("StringIO", Value::Class(s));
    let b = native_class::<BytesIO>(
        vm,
        "BytesIO",
        "_io",
        Some(buffered_base.clone()),
        &[
            ("__new__", Arity::ANY, bytesio_new),
            ("__init__", Arity::ANY, bytesio_init),
            ("read", Arity::range(0, 1), b_read),
            ("read1", Arity::range(0, 1), b_read),
            ("readline", Arity::range(0, 1), b_readline),
            ("readlines", Arity::range(0, 1), b_readlines),
            ("__next__", Arity::exact(0), b_next),
            ("readinto", Arity::exact(1), b_readinto),
            ("readinto1", Arity::exact(1), b_readinto),
            ("write", Arity::exact(1), b_write),
            ("getvalue", Arity::exact(0), b_getvalue),
            ("getbuffer", Arity::exact(0), b_getbuffer),
            ("tell", Arity::exact(0), b_tell),
            ("seek", Arity::range(1, 2), b_seek),
            ("truncate", Arity::range(0, 1), b_truncate),
            ("close", Arity::exact(0), b_close),
            ("flush", Arity::exact(0), b_flush),
            ("isatty", Arity::exact(0), b_isatty),
            ("readable", Arity::exact(0), b_true),
            ("writable", Arity::exact(0), b_true),
            ("seekable", Arity::exact(0), b_true),
        ],
    );
    add_getters(vm, &b, &[("closed", b_closed)]);
    d.set_by_str("BytesIO", Value::Class(b));
}
