//! Making exceptions, and printing them with their tracebacks as CPython does.

use super::object::*;
use super::value::{new_str, Value};
use super::Vm;
use crate::compiler::bytecode::Position;
use std::fmt::Write;

impl Vm {
    pub fn new_exc(&self, cls: &ClassRef, msg: impl Into<String>) -> Value {
        self.new_instance(cls, &[new_str(msg.into())])
    }

    /// A `UnicodeEncodeError`/`UnicodeDecodeError` as the codecs raise it:
    /// args `(encoding, object, start, end, reason)`, each also an attribute.
    #[cold]
    pub fn unicode_error(
        &self,
        decode: bool,
        encoding: &str,
        object: Value,
        range: (usize, usize),
        reason: &str,
    ) -> PyErr {
        let exc = &self.types().exc;
        let cls = if decode {
            &exc.UnicodeDecodeError
        } else {
            &exc.UnicodeEncodeError
        };
        let values = [
            new_str(encoding.to_string()),
            object,
            Value::Int(range.0 as i64),
            Value::Int(range.1 as i64),
            new_str(reason.to_string()),
        ];
        let e = self.new_instance(cls, &values);
        if let Value::Instance(i) = &e {
            let mut d = i.dict.lock();
            for (name, v) in ["encoding", "object", "start", "end", "reason"]
                .iter()
                .zip(values)
            {
                d.set_str(&self.intern(name), v);
            }
        }
        PyErr::new(e)
    }

    /// An exception of class `cls` with one message argument, ready to raise.
    #[cold]
    pub fn new_error(&self, cls: &ClassRef, msg: impl Into<String>) -> PyErr {
        PyErr::new(self.new_exc(cls, msg))
    }
    #[cold]
    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().exc.TypeError, msg)
    }
    #[cold]
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().exc.ValueError, msg)
    }
    #[cold]
    pub fn attr_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().exc.AttributeError, msg)
    }
    #[cold]
    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().exc.IndexError, msg)
    }
    #[cold]
    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().exc.RuntimeError, msg)
    }
    #[cold]
    pub fn zero_division(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().exc.ZeroDivisionError, msg)
    }
    #[cold]
    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().exc.OverflowError, msg)
    }
    #[cold]
    pub fn key_error(&self, key: Value) -> PyErr {
        PyErr::new(self.new_instance(&self.types().exc.KeyError, &[key]))
    }
    #[cold]
    pub fn name_error(&self, name: &str) -> PyErr {
        let e = self.new_exc(
            &self.types().exc.NameError,
            format!("name '{}' is not defined", name),
        );
        if let Value::Instance(i) = &e {
            i.dict.lock().set_by_str("name", new_str(name));
        }
        PyErr::new(e)
    }
    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        PyErr::new(self.new_instance(&self.types().exc.StopIteration, &args))
    }

    /// The `OSError` subclass CPython raises for an `errno`.
    pub fn os_error_class(&self, errno: i32) -> ClassRef {
        let e = &self.types().exc;
        match errno {
            libc::ENOENT => e.FileNotFoundError.clone(),
            libc::EEXIST => e.FileExistsError.clone(),
            libc::EISDIR => e.IsADirectoryError.clone(),
            libc::ENOTDIR => e.NotADirectoryError.clone(),
            libc::EACCES | libc::EPERM => e.PermissionError.clone(),
            libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => e.BlockingIOError.clone(),
            libc::ECHILD => e.ChildProcessError.clone(),
            libc::ESRCH => e.ProcessLookupError.clone(),
            libc::EPIPE | libc::ESHUTDOWN => e.BrokenPipeError.clone(),
            libc::ECONNABORTED => e.ConnectionAbortedError.clone(),
            libc::ECONNREFUSED => e.ConnectionRefusedError.clone(),
            libc::ECONNRESET => e.ConnectionResetError.clone(),
            libc::ETIMEDOUT => e.TimeoutError.clone(),
            libc::EINTR => e.InterruptedError.clone(),
            _ => e.OSError.clone(),
        }
    }

    /// An `OSError` (the right subclass) for a failed system call, with
    /// `errno`, `strerror` and `filename` as CPython sets them.
    #[cold]
    pub fn os_error(&self, err: &std::io::Error, filename: Option<Value>) -> PyErr {
        let Some(errno) = err.raw_os_error() else {
            let cls = match err.kind() {
                std::io::ErrorKind::TimedOut => &self.types().exc.TimeoutError,
                _ => &self.types().exc.OSError,
            };
            return self.new_error(cls, err.to_string());
        };
        self.os_error_errno(errno, filename)
    }

    /// An `OSError` for an `errno` value.
    #[cold]
    pub fn os_error_errno(&self, errno: i32, filename: Option<Value>) -> PyErr {
        let cls = self.os_error_class(errno);
        let strerror = strerror(errno);
        // With a file name, `args` still holds only these two (as CPython's).
        let args = [Value::Int(errno as i64), new_str(strerror.as_str())];
        let e = self.new_instance(&cls, &args);
        if let Value::Instance(i) = &e {
            let mut d = i.dict.lock();
            d.set_by_str("errno", Value::Int(errno as i64));
            d.set_by_str("strerror", new_str(strerror.as_str()));
            d.set_by_str("filename", filename.unwrap_or(Value::None));
            d.set_by_str("filename2", Value::None);
        }
        PyErr::new(e)
    }

    /// A `SyntaxError` (or `IndentationError`, `TabError`) exception for a
    /// compile error, with `msg`, `filename`, `lineno`, `offset` and `text`.
    #[cold]
    pub fn syntax_error(&self, e: &super::host::CompileError) -> PyErr {
        let exc = &self.types().exc;
        let cls = match e.kind {
            "IndentationError" => &exc.IndentationError,
            "TabError" => &exc.TabError,
            _ => &exc.SyntaxError,
        };
        let details = [
            new_str(e.filename.as_str()),
            Value::Int(e.lineno as i64),
            Value::Int(e.col as i64),
            new_str(format!("{}\n", e.line_text)),
            Value::Int(e.lineno as i64),
            Value::Int(e.col as i64),
        ];
        let err = self.new_instance(
            cls,
            &[new_str(e.msg.as_str()), Value::tuple(details.to_vec())],
        );
        if let Value::Instance(i) = &err {
            let mut d = i.dict.lock();
            d.set_by_str("msg", new_str(e.msg.as_str()));
            for (name, v) in [
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
            ]
            .iter()
            .zip(details)
            {
                d.set_by_str(name, v);
            }
            d.set_by_str("print_file_and_line", Value::None);
        }
        PyErr::new(err)
    }

    /// `MemoryError` for a result of `count` items of `size` bytes that
    /// could never be allocated (more than the machine's memory and swap),
    /// raised before trying, as CPython's size checks do.
    pub fn check_alloc(&self, count: usize, size: usize) -> PyResult<()> {
        match count.checked_mul(size.max(1)) {
            Some(bytes) if bytes <= memory_limit() => Ok(()),
            _ => Err(self.new_error(&self.types().exc.MemoryError, "")),
        }
    }

    /// The location block CPython prints above a `SyntaxError`'s headline:
    /// `File "...", line N`, the line, and a caret.
    fn syntax_error_location(&mut self, exc: &Value) -> Option<String> {
        let Value::Instance(i) = exc else {
            return None;
        };
        let d = i.dict.lock();
        let filename = d
            .get_by_str("filename")
            .and_then(|v| v.as_str().map(str::to_string));
        let lineno = match d.get_by_str("lineno") {
            Some(Value::Int(n)) => Some(*n),
            _ => None,
        };
        let text = d
            .get_by_str("text")
            .and_then(|v| v.as_str().map(str::to_string));
        let offset = match d.get_by_str("offset") {
            Some(Value::Int(n)) => *n,
            _ => 0,
        };
        drop(d);
        let mut out = format!(
            "  File \"{}\", line {}\n",
            filename.as_deref().unwrap_or("<string>"),
            lineno?
        );
        if let Some(text) = text {
            let line = text.trim_end_matches(['\n', '\r']);
            let trimmed = line.trim_start();
            if !trimmed.is_empty() {
                let indent = line.chars().count() - trimmed.chars().count();
                let _ = writeln!(out, "    {}", trimmed.trim_end());
                if offset >= 1 {
                    let col = (offset as usize).saturating_sub(1).saturating_sub(indent);
                    let _ = writeln!(out, "    {}^", " ".repeat(col));
                }
            }
        }
        Some(out)
    }

    /// Whether `exc` is an instance of `cls` (or a subclass).
    pub fn exc_matches(&self, exc: &Value, cls: &ClassRef) -> bool {
        self.isinstance(exc, cls)
    }

    /// `e.args[0]`, or None.
    pub fn exc_first_arg(&self, exc: &Value) -> Value {
        if let Value::Instance(i) = exc {
            if let Some(d) = &i.exc {
                if let Value::Tuple(t) = &d.lock().args {
                    return t.items.first().cloned().unwrap_or(Value::None);
                }
            }
        }
        Value::None
    }

    pub fn exc_data<'a>(&self, exc: &'a Value) -> Option<&'a super::sync::PyCell<ExcData>> {
        match exc {
            Value::Instance(i) => i.exc.as_deref(),
            _ => None,
        }
    }

    /// `str(exc)` for printing: the `__str__` of the class, as Python would call it.
    fn exc_message(&mut self, exc: &Value) -> String {
        match self.str_(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        }
    }

    /// The whole report for an uncaught exception, chained causes and contexts
    /// first, as `traceback.print_exception` writes it (exception groups
    /// drawn as nested boxes).
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut seen: Vec<*const u8> = Vec::new();
        let mut ctx = GroupCtx::default();
        self.format_exception_chain(exc, &mut out, &mut seen, &mut ctx);
        out
    }

    fn format_exception_chain(
        &mut self,
        exc: &Value,
        out: &mut String,
        seen: &mut Vec<*const u8>,
        ctx: &mut GroupCtx,
    ) {
        if let Some(p) = exc.heap_ptr() {
            seen.push(p);
        }
        let data = self.exc_data(exc).map(|d| d.lock().clone());
        if let Some(data) = &data {
            let unseen =
                |v: &Value, seen: &Vec<*const u8>| v.heap_ptr().is_some_and(|p| !seen.contains(&p));
            if !data.cause.is_none() && unseen(&data.cause, seen) {
                self.format_exception_chain(&data.cause, out, seen, ctx);
                ctx.emit(
                    out,
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                    '|',
                );
            } else if !data.context.is_none()
                && !data.suppress_context
                && unseen(&data.context, seen)
            {
                self.format_exception_chain(&data.context, out, seen, ctx);
                ctx.emit(
                    out,
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                    '|',
                );
            }
        }
        let members = self.group_exceptions(exc);
        let mut text = String::new();
        if let Some(data) = &data {
            if !data.traceback.is_empty() {
                let mut tb = String::new();
                for entry in data.traceback.iter().rev() {
                    let _ = writeln!(
                        tb,
                        "  File \"{}\", line {}, in {}",
                        entry.code.filename, entry.line, entry.code.name
                    );
                    if let Some(line) = self.source_line(&entry.code.filename, entry.line) {
                        let _ = writeln!(tb, "    {}", line.trim());
                        let (_, pos) = entry.code.position_at(entry.pc as usize);
                        if let Some(carets) =
                            pos.and_then(|p| self.caret_line(&line, entry.line, p))
                        {
                            let _ = writeln!(tb, "{carets}");
                        }
                    }
                }
                match members {
                    Some(_) => {
                        let top = ctx.depth == 0;
                        if top {
                            ctx.depth += 1;
                        }
                        ctx.emit(
                            out,
                            "Exception Group Traceback (most recent call last):\n",
                            if top { '+' } else { '|' },
                        );
                        if top {
                            ctx.depth -= 1;
                        }
                    }
                    None => text.push_str("Traceback (most recent call last):\n"),
                }
                text.push_str(&tb);
            }
        }
        let top = members.is_some() && ctx.depth == 0;
        if top {
            ctx.depth += 1;
        }
        text.push_str(&self.format_exception_only(exc));
        ctx.emit(out, &text, '|');
        if let Some(members) = members {
            self.format_group_members(&members, out, seen, ctx);
        }
        if top {
            ctx.depth = 0;
        }
    }

    /// The boxes of a group's members: at most 15, nested at most 10 deep.
    fn format_group_members(
        &mut self,
        members: &[Value],
        out: &mut String,
        seen: &mut Vec<*const u8>,
        ctx: &mut GroupCtx,
    ) {
        const MAX_WIDTH: usize = 15;
        const MAX_DEPTH: usize = 10;
        if ctx.depth > MAX_DEPTH {
            return;
        }
        let shown = members.len().min(MAX_WIDTH + 1);
        ctx.need_close = false;
        for i in 0..shown {
            let last = i + 1 == shown;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let _ = writeln!(
                out,
                "{}{}+---------------- {} ----------------",
                ctx.indent(),
                if i == 0 { "+-" } else { "  " },
                title
            );
            ctx.depth += 1;
            if truncated {
                let more = members.len() - MAX_WIDTH;
                let text = format!(
                    "and {} more exception{}\n",
                    more,
                    if more > 1 { "s" } else { "" }
                );
                ctx.emit(out, &text, '|');
            } else if ctx.depth > MAX_DEPTH + 1 && self.group_exceptions(&members[i]).is_some() {
                ctx.emit(out, &format!("... (max_group_depth is {MAX_DEPTH})\n"), '|');
            } else {
                self.format_exception_chain(&members[i], out, seen, ctx);
            }
            if last && ctx.need_close {
                let _ = writeln!(out, "{}+------------------------------------", ctx.indent());
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
    }

    /// The last lines of a report: `Type: message` (with a syntax error's
    /// location before it) and the exception's notes.
    fn format_exception_only(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut headline_done = false;
        if self.isinstance(exc, &self.types().exc.SyntaxError.clone()) {
            if let Some(block) = self.syntax_error_location(exc) {
                out.push_str(&block);
                let name = self.class_of(exc).qualname.as_str().to_string();
                let msg = self.getattr_str(exc, "msg").unwrap_or(Value::None);
                let msg = self.str_(&msg).unwrap_or_default();
                let _ = writeln!(out, "{}: {}", name, msg);
                headline_done = true;
            }
        }
        if !headline_done {
            out.push_str(&self.exc_headline(exc));
            out.push('\n');
        }
        // PEP 678 notes, one per line after the message.
        if let Ok(Some(Value::List(notes))) = self.getattr_opt(exc, &self.intern("__notes__")) {
            let notes: Vec<Value> = notes.lock().to_vec();
            for note in notes {
                let text = self
                    .str_(&note)
                    .unwrap_or_else(|_| "<note str() failed>".into());
                out.push_str(&text);
                out.push('\n');
            }
        }
        out
    }

    /// `TypeName: message` (or just `TypeName` for an empty message).
    pub fn exc_headline(&mut self, exc: &Value) -> String {
        let cls = self.class_of(exc);
        let mut name = cls.qualname.as_str().to_string();
        if let Some(m) = cls.dict.read().get_by_str("__module__") {
            if let Some(m) = m.as_str() {
                if m != "builtins" && m != "__main__" {
                    name = format!("{}.{}", m, name);
                }
            }
        }
        let msg = self.exc_message(exc);
        if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        }
    }

    /// The line of carets under `original` (a source line, line number
    /// `line`) marking the part `pos` covers, as CPython 3.11 draws it:
    /// `~~^~~` under a binary operation or a subscript, `^^^^` under
    /// anything else that is not the whole line; None where nothing is
    /// marked.
    pub fn caret_line(&self, original: &str, line: u32, pos: Position) -> Option<String> {
        // As CPython's traceback module does it, on the line as read from
        // the file (with its newline, which counts among the characters
        // stripped from it).
        let text = format!("{original}\n");
        let chars: Vec<char> = text.chars().collect();
        let stripped_len = text.trim().chars().count();
        let stripped_chars = chars.len() - stripped_len;
        let start = char_offset(&text, pos.col as usize);
        let mut end = char_offset(&text, pos.end_col as usize).max(start);
        let mut anchors = None;
        if pos.end_line == line {
            let segment: String = chars[start.min(chars.len())..end.min(chars.len())]
                .iter()
                .collect();
            anchors = (self.interp.host.caret_anchors)(&segment);
        } else {
            end = text.trim_end().chars().count().max(start);
        }
        let anchored = anchors.is_some_and(|(l, r)| r > l);
        if end - start >= stripped_len && !anchored {
            return None;
        }
        let mut out = String::from("    ");
        let pad = (start + 1).saturating_sub(stripped_chars);
        out.extend(std::iter::repeat_n(' ', pad));
        let width = end - start;
        match anchors {
            Some((l, r)) => {
                let r = r.max(l);
                out.extend(std::iter::repeat_n('~', l));
                out.extend(std::iter::repeat_n('^', r - l));
                out.extend(std::iter::repeat_n('~', width.saturating_sub(r)));
            }
            None => out.extend(std::iter::repeat_n('^', width)),
        }
        Some(out)
    }

    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let sources = self.interp.sources.lock();
        let src = sources.get(filename)?;
        src.lines()
            .nth(line.checked_sub(1)? as usize)
            .map(|l| l.to_string())
    }
}

/// The C library's message for an `errno` (what CPython shows as `strerror`).
pub fn strerror(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Where a report is inside exception-group boxes.
#[derive(Default)]
struct GroupCtx {
    depth: usize,
    need_close: bool,
}

impl GroupCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// `text` with every line (empty ones too) behind the box margin.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        if self.depth == 0 {
            out.push_str(text);
            return;
        }
        let prefix = format!("{}{} ", self.indent(), margin);
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

/// The most memory one object may take: the machine's RAM and swap.
fn memory_limit() -> usize {
    static LIMIT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *LIMIT.get_or_init(|| {
        // SAFETY: sysinfo only fills the zeroed struct it is given.
        let info = unsafe {
            let mut info: libc::sysinfo = std::mem::zeroed();
            (libc::sysinfo(&mut info) == 0).then_some(info)
        };
        match info {
            Some(i) => {
                let unit = (i.mem_unit as usize).max(1);
                (i.totalram as usize)
                    .saturating_add(i.totalswap as usize)
                    .saturating_mul(unit)
                    .min(isize::MAX as usize)
            }
            None => isize::MAX as usize,
        }
    })
}

/// The number of characters in the first `offset` bytes of `text` (a
/// character cut in the middle counts), for columns given in bytes.
fn char_offset(text: &str, offset: usize) -> usize {
    text.char_indices().take_while(|&(i, _)| i < offset).count()
}
