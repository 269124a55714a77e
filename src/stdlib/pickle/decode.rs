//! The unpickler: a stack machine over CPython's opcodes, protocols 0 to 5.
//! Globals are found through the Python `find_class` hook; the rest is native.

use super::{op, unpickling_error};
use crate::vm::dict::DictMap;
use crate::vm::object::Native;
use crate::vm::*;
use num_bigint::BigInt;

/// Where the pickle's bytes come from: a buffer, refilled from a file's
/// `read`/`readline` when one is given (so no byte past STOP is consumed).
pub struct Source {
    buf: Vec<u8>,
    pos: usize,
    read: Option<Value>,
    readline: Option<Value>,
}

impl Source {
    pub fn from_bytes(data: Vec<u8>) -> Source {
        Source {
            buf: data,
            pos: 0,
            read: None,
            readline: None,
        }
    }
    pub fn from_file(read: Value, readline: Value) -> Source {
        Source {
            buf: Vec::new(),
            pos: 0,
            read: Some(read),
            readline: Some(readline),
        }
    }

    fn fill(&mut self, vm: &mut Vm, data: Value) -> PyResult<usize> {
        let bytes = crate::vm::bytes::bytes_like(&data)
            .ok_or_else(|| vm.type_error("file must return bytes"))?;
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        self.buf.extend_from_slice(&bytes);
        Ok(bytes.len())
    }

    fn take(&mut self, vm: &mut Vm, n: usize) -> PyResult<&[u8]> {
        if self.buf.len() - self.pos < n {
            if let Some(read) = self.read.clone() {
                let need = n - (self.buf.len() - self.pos);
                let data = vm.call(&read, &[Value::Int(need as i64)], &[])?;
                self.fill(vm, data)?;
            }
            if self.buf.len() - self.pos < n {
                return Err(truncated(vm));
            }
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn byte(&mut self, vm: &mut Vm) -> PyResult<Option<u8>> {
        if self.pos >= self.buf.len() {
            if let Some(read) = self.read.clone() {
                let data = vm.call(&read, &[Value::Int(1)], &[])?;
                self.fill(vm, data)?;
            }
            if self.pos >= self.buf.len() {
                return Ok(None);
            }
        }
        self.pos += 1;
        Ok(Some(self.buf[self.pos - 1]))
    }

    /// A line without its `\n`.
    fn line(&mut self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        if let Some(i) = self.buf[self.pos..].iter().position(|&b| b == b'\n') {
            let s = self.buf[self.pos..self.pos + i].to_vec();
            self.pos += i + 1;
            return Ok(s);
        }
        if let Some(readline) = self.readline.clone() {
            let data = vm.call(&readline, &[], &[])?;
            self.fill(vm, data)?;
            if self.buf.last() == Some(&b'\n') {
                let s = self.buf[self.pos..self.buf.len() - 1].to_vec();
                self.pos = self.buf.len();
                return Ok(s);
            }
        }
        Err(truncated(vm))
    }

    /// A whole frame is read from the file at once.
    fn frame(&mut self, vm: &mut Vm, n: usize) -> PyResult<()> {
        if self.read.is_some() && self.buf.len() - self.pos < n {
            let read = self.read.clone().unwrap_or(Value::None);
            let need = n - (self.buf.len() - self.pos);
            let data = vm.call(&read, &[Value::Int(need as i64)], &[])?;
            if self.fill(vm, data)? < need {
                return Err(truncated(vm));
            }
        }
        Ok(())
    }
}

fn truncated(vm: &Vm) -> PyErr {
    unpickling_error(vm, "pickle data was truncated")
}

pub struct Decoder {
    pub src: Source,
    stack: Vec<Value>,
    marks: Vec<usize>,
    memo: Vec<Option<Value>>,
    proto: u8,
    /// `find_class(module, name)`.
    find_class: Value,
    persistent_load: Option<Value>,
    buffers: Option<Value>,
    /// `encoding` for protocol 2 `str` strings: `None` means bytes.
    encoding: Option<String>,
}

fn le_uint(b: &[u8]) -> usize {
    let mut v = 0usize;
    for (i, x) in b.iter().enumerate() {
        v |= (*x as usize) << (8 * i);
    }
    v
}

impl Decoder {
    pub fn new(
        src: Source,
        find_class: Value,
        persistent_load: Option<Value>,
        buffers: Option<Value>,
        encoding: Option<String>,
    ) -> Decoder {
        Decoder {
            src,
            stack: Vec::new(),
            marks: Vec::new(),
            memo: Vec::new(),
            proto: 0,
            find_class,
            persistent_load,
            buffers,
            encoding,
        }
    }

    fn underflow(&self, vm: &Vm) -> PyErr {
        if self.marks.is_empty() {
            unpickling_error(vm, "unpickling stack underflow")
        } else {
            unpickling_error(vm, "unexpected MARK found")
        }
    }

    fn pop(&mut self, vm: &Vm) -> PyResult<Value> {
        let floor = self.marks.last().copied().unwrap_or(0);
        if self.stack.len() <= floor {
            return Err(self.underflow(vm));
        }
        Ok(self.stack.pop().unwrap_or(Value::None))
    }

    fn top(&self, vm: &Vm) -> PyResult<Value> {
        let floor = self.marks.last().copied().unwrap_or(0);
        if self.stack.len() <= floor {
            return Err(unpickling_error(vm, "unpickling stack underflow"));
        }
        Ok(self.stack[self.stack.len() - 1].clone())
    }

    /// The items pushed since the last MARK (which is removed).
    fn pop_mark(&mut self, vm: &Vm) -> PyResult<Vec<Value>> {
        let Some(m) = self.marks.pop() else {
            return Err(unpickling_error(vm, "could not find MARK"));
        };
        Ok(self.stack.split_off(m))
    }

    fn memo_put(&mut self, idx: usize, v: Value) {
        if idx == self.memo.len() {
            self.memo.push(Some(v));
            return;
        }
        if idx > self.memo.len() {
            self.memo.resize(idx + 1, None);
        }
        self.memo[idx] = Some(v);
    }

    fn memo_get(&self, vm: &Vm, idx: usize) -> PyResult<Value> {
        match self.memo.get(idx) {
            Some(Some(v)) => Ok(v.clone()),
            _ => Err(unpickling_error(
                vm,
                format!("Memo value not found at index {}", idx),
            )),
        }
    }

    fn text_line(&mut self, vm: &mut Vm) -> PyResult<String> {
        let l = self.src.line(vm)?;
        String::from_utf8(l).map_err(|_| unpickling_error(vm, "non-ASCII text in pickle"))
    }

    fn parse_int(&self, vm: &Vm, s: &str) -> PyResult<Value> {
        let s = s.trim_end_matches('L');
        match s.parse::<BigInt>() {
            Ok(b) => Ok(Value::from_bigint(b)),
            Err(_) => {
                Err(vm.value_error(format!("invalid literal for int() with base 10: '{}'", s)))
            }
        }
    }

    pub fn load(&mut self, vm: &mut Vm) -> PyResult<Value> {
        loop {
            let Some(code) = self.src.byte(vm)? else {
                return Err(vm.new_error(&vm.types().exc.EOFError, "Ran out of input"));
            };
            let v = match code {
                op::STOP => return self.pop(vm),
                op::PROTO => {
                    let p = self.src.take(vm, 1)?[0];
                    if p > 5 {
                        return Err(vm.value_error(format!("unsupported pickle protocol: {}", p)));
                    }
                    self.proto = p;
                    continue;
                }
                op::FRAME => {
                    let n = le_uint(self.src.take(vm, 8)?);
                    self.src.frame(vm, n)?;
                    continue;
                }
                op::MARK => {
                    self.marks.push(self.stack.len());
                    continue;
                }
                op::POP => {
                    if self.stack.len() > self.marks.last().copied().unwrap_or(0) {
                        self.stack.pop();
                    } else if self.marks.pop().is_none() {
                        return Err(unpickling_error(vm, "unpickling stack underflow"));
                    }
                    continue;
                }
                op::POP_MARK => {
                    self.pop_mark(vm)?;
                    continue;
                }
                op::DUP => self.top(vm)?,
                op::NONE => Value::None,
                op::NEWTRUE => Value::Bool(true),
                op::NEWFALSE => Value::Bool(false),
                op::BININT => {
                    let b = self.src.take(vm, 4)?;
                    Value::Int(i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64)
                }
                op::BININT1 => Value::Int(self.src.take(vm, 1)?[0] as i64),
                op::BININT2 => Value::Int(le_uint(self.src.take(vm, 2)?) as i64),
                op::INT => {
                    let s = self.text_line(vm)?;
                    match s.as_str() {
                        "01" => Value::Bool(true),
                        "00" => Value::Bool(false),
                        _ => self.parse_int(vm, &s)?,
                    }
                }
                op::LONG => {
                    let s = self.text_line(vm)?;
                    self.parse_int(vm, &s)?
                }
                op::LONG1 | op::LONG4 => {
                    let n = if code == op::LONG1 {
                        self.src.take(vm, 1)?[0] as usize
                    } else {
                        let b = self.src.take(vm, 4)?;
                        let n = i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                        if n < 0 {
                            return Err(unpickling_error(
                                vm,
                                "LONG pickle has negative byte count",
                            ));
                        }
                        n as usize
                    };
                    Value::from_bigint(BigInt::from_signed_bytes_le(self.src.take(vm, n)?))
                }
                op::FLOAT => {
                    let s = self.text_line(vm)?;
                    let f = crate::fmt::parse_float(s.trim()).ok_or_else(|| {
                        vm.value_error(format!("could not convert string to float: '{}'", s))
                    })?;
                    Value::Float(f)
                }
                op::BINFLOAT => {
                    let b = self.src.take(vm, 8)?;
                    let mut a = [0u8; 8];
                    a.copy_from_slice(b);
                    Value::Float(f64::from_be_bytes(a))
                }
                op::SHORT_BINUNICODE | op::BINUNICODE | op::BINUNICODE8 => {
                    let n = match code {
                        op::SHORT_BINUNICODE => self.src.take(vm, 1)?[0] as usize,
                        op::BINUNICODE => le_uint(self.src.take(vm, 4)?),
                        _ => le_uint(self.src.take(vm, 8)?),
                    };
                    let b = self.src.take(vm, n)?;
                    match std::str::from_utf8(b) {
                        Ok(s) => new_str(s),
                        Err(_) => new_str(String::from_utf8_lossy(b).into_owned()),
                    }
                }
                op::UNICODE => {
                    let l = self.src.line(vm)?;
                    new_str(raw_unicode_unescape(&l))
                }
                op::SHORT_BINBYTES | op::BINBYTES | op::BINBYTES8 | op::BYTEARRAY8 => {
                    let n = match code {
                        op::SHORT_BINBYTES => self.src.take(vm, 1)?[0] as usize,
                        op::BINBYTES => le_uint(self.src.take(vm, 4)?),
                        _ => le_uint(self.src.take(vm, 8)?),
                    };
                    let b = self.src.take(vm, n)?.to_vec();
                    if code == op::BYTEARRAY8 {
                        Value::native(Native::ByteArray(crate::vm::sync::PyCell::new(b)))
                    } else {
                        new_bytes(b)
                    }
                }
                op::SHORT_BINSTRING | op::BINSTRING => {
                    let n = if code == op::SHORT_BINSTRING {
                        self.src.take(vm, 1)?[0] as usize
                    } else {
                        le_uint(self.src.take(vm, 4)?)
                    };
                    let b = self.src.take(vm, n)?.to_vec();
                    self.py2_string(vm, b)?
                }
                op::STRING => {
                    let l = self.src.line(vm)?;
                    let b = unquote_string(&l).ok_or_else(|| {
                        unpickling_error(vm, "the STRING opcode argument must be quoted")
                    })?;
                    self.py2_string(vm, b)?
                }
                op::EMPTY_TUPLE => Value::tuple(Vec::new()),
                op::TUPLE => Value::tuple(self.pop_mark(vm)?),
                op::TUPLE1 | op::TUPLE2 | op::TUPLE3 => {
                    let n = (code - op::TUPLE1 + 1) as usize;
                    let floor = self.marks.last().copied().unwrap_or(0);
                    if self.stack.len() < floor + n {
                        return Err(unpickling_error(vm, "unpickling stack underflow"));
                    }
                    let items = self.stack.split_off(self.stack.len() - n);
                    Value::tuple(items)
                }
                op::EMPTY_LIST => Value::list(Vec::new()),
                op::LIST => Value::list(self.pop_mark(vm)?),
                op::EMPTY_DICT => Value::dict(DictMap::new()),
                op::DICT => {
                    let items = self.pop_mark(vm)?;
                    let d = Value::dict(DictMap::new());
                    for kv in items.chunks(2) {
                        if kv.len() == 2 {
                            vm.setitem(&d, kv[0].clone(), kv[1].clone())?;
                        }
                    }
                    d
                }
                op::EMPTY_SET => Value::set(crate::vm::settable::SetMap::new(), false),
                op::FROZENSET => {
                    let items = self.pop_mark(vm)?;
                    vm.new_set(items, true)?
                }
                op::APPEND => {
                    let x = self.pop(vm)?;
                    let l = self.top(vm)?;
                    self.extend(vm, &l, vec![x])?;
                    continue;
                }
                op::APPENDS => {
                    let items = self.pop_mark(vm)?;
                    let l = self.top(vm)?;
                    self.extend(vm, &l, items)?;
                    continue;
                }
                op::SETITEM => {
                    let v = self.pop(vm)?;
                    let k = self.pop(vm)?;
                    let d = self.top(vm)?;
                    vm.setitem(&d, k, v)?;
                    continue;
                }
                op::SETITEMS => {
                    let items = self.pop_mark(vm)?;
                    let d = self.top(vm)?;
                    for kv in items.chunks(2) {
                        if kv.len() == 2 {
                            vm.setitem(&d, kv[0].clone(), kv[1].clone())?;
                        }
                    }
                    continue;
                }
                op::ADDITEMS => {
                    let items = self.pop_mark(vm)?;
                    let s = self.top(vm)?;
                    if let Value::Set(_) = s {
                        for x in items {
                            vm.set_add(&s, x)?;
                        }
                    } else {
                        let add = vm.getattr_str(&s, "add")?;
                        for x in items {
                            vm.call(&add, &[x], &[])?;
                        }
                    }
                    continue;
                }
                op::GET => {
                    let s = self.text_line(vm)?;
                    let i = s
                        .trim()
                        .parse::<usize>()
                        .map_err(|_| vm.value_error("invalid memo key"))?;
                    self.memo_get(vm, i)?
                }
                op::BINGET => {
                    let i = self.src.take(vm, 1)?[0] as usize;
                    self.memo_get(vm, i)?
                }
                op::LONG_BINGET => {
                    let i = le_uint(self.src.take(vm, 4)?);
                    self.memo_get(vm, i)?
                }
                op::PUT | op::BINPUT | op::LONG_BINPUT | op::MEMOIZE => {
                    let i = match code {
                        op::PUT => {
                            let s = self.text_line(vm)?;
                            s.trim()
                                .parse::<usize>()
                                .map_err(|_| vm.value_error("invalid memo key"))?
                        }
                        op::BINPUT => self.src.take(vm, 1)?[0] as usize,
                        op::LONG_BINPUT => le_uint(self.src.take(vm, 4)?),
                        _ => self.memo.len(),
                    };
                    let v = self.top(vm)?;
                    self.memo_put(i, v);
                    continue;
                }
                op::GLOBAL => {
                    let m = self.text_line(vm)?;
                    let n = self.text_line(vm)?;
                    let f = self.find_class.clone();
                    vm.call(&f, &[new_str(m), new_str(n)], &[])?
                }
                op::STACK_GLOBAL => {
                    let n = self.pop(vm)?;
                    let m = self.pop(vm)?;
                    if !matches!((&m, &n), (Value::Str(_), Value::Str(_))) {
                        return Err(unpickling_error(vm, "STACK_GLOBAL requires str"));
                    }
                    let f = self.find_class.clone();
                    vm.call(&f, &[m, n], &[])?
                }
                op::REDUCE => {
                    let args = self.pop(vm)?;
                    let func = self.pop(vm)?;
                    let Value::Tuple(t) = &args else {
                        return Err(unpickling_error(vm, "REDUCE arguments must be a tuple"));
                    };
                    vm.call(&func, &t.items, &[])?
                }
                op::NEWOBJ => {
                    let args = self.pop(vm)?;
                    let cls = self.pop(vm)?;
                    let Value::Tuple(t) = &args else {
                        return Err(unpickling_error(vm, "NEWOBJ expected an arg tuple."));
                    };
                    let mut a = vec![cls.clone()];
                    a.extend(t.items.iter().cloned());
                    let new = vm.getattr_str(&cls, "__new__")?;
                    vm.call(&new, &a, &[])?
                }
                op::NEWOBJ_EX => {
                    let kwargs = self.pop(vm)?;
                    let args = self.pop(vm)?;
                    let cls = self.pop(vm)?;
                    let Value::Tuple(t) = &args else {
                        return Err(unpickling_error(
                            vm,
                            "NEWOBJ_EX args argument must be a tuple",
                        ));
                    };
                    let mut a = vec![cls.clone()];
                    a.extend(t.items.iter().cloned());
                    let mut kw = Vec::new();
                    if let Value::Dict(d) = &kwargs {
                        for (k, v) in d.lock().items() {
                            if let Value::Str(s) = k {
                                kw.push((s, v));
                            }
                        }
                    }
                    let new = vm.getattr_str(&cls, "__new__")?;
                    vm.call(&new, &a, &kw)?
                }
                op::INST | op::OBJ => {
                    let cls = if code == op::INST {
                        let m = self.text_line(vm)?;
                        let n = self.text_line(vm)?;
                        let f = self.find_class.clone();
                        Some(vm.call(&f, &[new_str(m), new_str(n)], &[])?)
                    } else {
                        None
                    };
                    let mut args = self.pop_mark(vm)?;
                    let cls = match cls {
                        Some(c) => c,
                        None if !args.is_empty() => args.remove(0),
                        None => return Err(unpickling_error(vm, "unpickling stack underflow")),
                    };
                    vm.call(&cls, &args, &[])?
                }
                op::BUILD => {
                    let state = self.pop(vm)?;
                    let inst = self.top(vm)?;
                    build(vm, &inst, state)?;
                    continue;
                }
                op::PERSID | op::BINPERSID => {
                    let pid = if code == op::PERSID {
                        new_str(self.text_line(vm)?)
                    } else {
                        self.pop(vm)?
                    };
                    let Some(pl) = self.persistent_load.clone() else {
                        return Err(unpickling_error(
                            vm,
                            "A load persistent id instruction was encountered, but no persistent_load function was specified.",
                        ));
                    };
                    vm.call(&pl, &[pid], &[])?
                }
                op::NEXT_BUFFER => {
                    let Some(b) = self.buffers.clone() else {
                        return Err(unpickling_error(
                            vm,
                            "pickle stream refers to out-of-band data but no *buffers* argument was given",
                        ));
                    };
                    match vm.next(&b)? {
                        Some(v) => v,
                        None => return Err(unpickling_error(vm, "not enough out-of-band buffers")),
                    }
                }
                op::READONLY_BUFFER => continue,
                op::EXT1 | op::EXT2 | op::EXT4 => {
                    let n = match code {
                        op::EXT1 => 1,
                        op::EXT2 => 2,
                        _ => 4,
                    };
                    let c = le_uint(self.src.take(vm, n)?);
                    return Err(vm.value_error(format!("unregistered extension code {}", c)));
                }
                _ => {
                    let shown = if code.is_ascii_graphic() {
                        (code as char).to_string()
                    } else {
                        format!("\\x{:02x}", code)
                    };
                    return Err(unpickling_error(
                        vm,
                        format!("invalid load key, '{}'.", shown),
                    ));
                }
            };
            self.stack.push(v);
        }
    }

    fn extend(&mut self, vm: &mut Vm, l: &Value, items: Vec<Value>) -> PyResult<()> {
        if let Value::List(l) = l {
            l.lock().extend(items);
            return Ok(());
        }
        match vm.getattr_str(l, "extend") {
            Ok(ext) => {
                vm.call(&ext, &[Value::list(items)], &[])?;
            }
            Err(_) => {
                let app = vm.getattr_str(l, "append")?;
                for x in items {
                    vm.call(&app, &[x], &[])?;
                }
            }
        }
        Ok(())
    }

    fn py2_string(&self, vm: &mut Vm, b: Vec<u8>) -> PyResult<Value> {
        match self.encoding.as_deref() {
            None | Some("bytes") => Ok(new_bytes(b)),
            Some(e) if e.eq_ignore_ascii_case("latin1") || e.eq_ignore_ascii_case("latin-1") => {
                Ok(new_str(b.iter().map(|&c| c as char).collect::<String>()))
            }
            Some(_) => match String::from_utf8(b) {
                Ok(s) if s.is_ascii() => Ok(new_str(s)),
                _ => Err(unpickling_error(
                    vm,
                    "cannot decode a Python 2 string as ASCII",
                )),
            },
        }
    }
}

/// BUILD: `__setstate__(state)`, or the state's dict into `__dict__` and the
/// slot state by `setattr`.
fn build(vm: &mut Vm, inst: &Value, state: Value) -> PyResult<()> {
    if let Ok(setstate) = vm.getattr_str(inst, "__setstate__") {
        vm.call(&setstate, &[state], &[])?;
        return Ok(());
    }
    let (state, slots) = match &state {
        Value::Tuple(t) if t.items.len() == 2 => (t.items[0].clone(), t.items[1].clone()),
        _ => (state, Value::None),
    };
    if let Value::Dict(d) = &state {
        let items = d.lock().items();
        let dict = vm.getattr_str(inst, "__dict__")?;
        for (k, v) in items {
            vm.setitem(&dict, k, v)?;
        }
    } else if !state.is_none() {
        return Err(unpickling_error(vm, "state is not a dictionary"));
    }
    if let Value::Dict(d) = &slots {
        let items = d.lock().items();
        for (k, v) in items {
            let Value::Str(k) = k else {
                return Err(vm.type_error("attribute name must be string"));
            };
            vm.setattr(inst, &k, v)?;
        }
    } else if !slots.is_none() {
        return Err(unpickling_error(vm, "slot state is not a dictionary"));
    }
    Ok(())
}

fn raw_unicode_unescape(b: &[u8]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() && (b[i + 1] == b'u' || b[i + 1] == b'U') {
            let n = if b[i + 1] == b'u' { 4 } else { 8 };
            if let Some(hex) = b.get(i + 2..i + 2 + n) {
                if let Some(c) = std::str::from_utf8(hex)
                    .ok()
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                {
                    out.push(c);
                    i += 2 + n;
                    continue;
                }
            }
        }
        out.push(b[i] as char);
        i += 1;
    }
    out
}

/// The text of a protocol 0 `STRING`: a quoted Python 2 literal.
fn unquote_string(l: &[u8]) -> Option<Vec<u8>> {
    let q = *l.first()?;
    if l.len() < 2 || (q != b'\'' && q != b'"') || *l.last()? != q {
        return None;
    }
    let body = &l[1..l.len() - 1];
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c != b'\\' || i + 1 >= body.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let e = body[i + 1];
        i += 2;
        match e {
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'0' => out.push(0),
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'x' => {
                let h = body.get(i..i + 2)?;
                out.push(u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()?);
                i += 2;
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Some(out)
}
