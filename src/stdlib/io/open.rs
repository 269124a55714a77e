//! `open()` and the standard streams.

use super::buffered::{open_buffered, Kind};
use super::fileio::{new_fileio, open_raw_file, RawFile};
use super::text::{self, TextOpts};
use super::*;
use std::sync::Arc;

/// The buffer size `open()` picks when not told.
const OPEN_BUFFER_SIZE: usize = 64 * 1024;

/// What the letters of an `open()` mode ask for.
struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_mode(vm: &Vm, mode: &str) -> PyResult<Mode> {
    let mut m = Mode {
        creating: false,
        reading: false,
        writing: false,
        appending: false,
        updating: false,
        text: false,
        binary: false,
    };
    let invalid = || vm.value_error(format!("invalid mode: {}", crate::vm::repr::str_repr(mode)));
    for (i, c) in mode.char_indices() {
        if mode[..i].contains(c) {
            return Err(invalid());
        }
        match c {
            'x' => m.creating = true,
            'r' => m.reading = true,
            'w' => m.writing = true,
            'a' => m.appending = true,
            '+' => m.updating = true,
            't' => m.text = true,
            'b' => m.binary = true,
            _ => return Err(invalid()),
        }
    }
    if m.text && m.binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let n = m.creating as u8 + m.reading as u8 + m.writing as u8 + m.appending as u8;
    if n > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    Ok(m)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    const NAMES: [&str; 8] = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    if args.len() > NAMES.len() {
        return Err(vm.type_error(format!(
            "open() takes at most 8 arguments ({} given)",
            args.len()
        )));
    }
    for (k, _) in kw {
        if !NAMES.contains(&k.as_str()) {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for open()",
                k.as_str()
            )));
        }
    }
    let Some(file) = arg_or_kw(args, kw, 0, "file").cloned() else {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let mode_s = match arg_or_kw(args, kw, 1, "mode") {
        None => "r".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            return Err(vm.type_error(format!(
                "open() argument 'mode' must be str, not {}",
                vm.type_name(v)
            )))
        }
    };
    let buffering = match arg_or_kw(args, kw, 2, "buffering") {
        None => -1,
        Some(v) => int_arg(vm, v)?,
    };
    let o = text::text_opts(vm, args, kw, 3, "open")?;
    let closefd = flag(vm, arg_or_kw(args, kw, 6, "closefd"), true)?;
    let opener = arg_or_kw(args, kw, 7, "opener")
        .cloned()
        .unwrap_or(Value::None);
    // A path object is opened by its str or bytes (the file's `name`, and
    // the filename of an error), as CPython's `os.fspath` gives it.
    let file = if matches!(file, Value::Int(_) | Value::Bool(_)) {
        file
    } else {
        match crate::stdlib::posix::fspath_value(vm, &file)? {
            Some(path) => path,
            None => {
                return Err(vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    vm.type_name(&file)
                )))
            }
        }
    };
    let m = parse_mode(vm, &mode_s)?;
    if m.binary {
        let bad = if o.encoding.is_some() {
            Some("an encoding")
        } else if o.errors.is_some() {
            Some("an errors")
        } else if o.newline.is_some() {
            Some("a newline")
        } else {
            None
        };
        if let Some(what) = bad {
            return Err(vm.value_error(format!("binary mode doesn't take {} argument", what)));
        }
    }
    let mut rawmode = String::new();
    for (flag, c) in [
        (m.creating, 'x'),
        (m.reading, 'r'),
        (m.writing, 'w'),
        (m.appending, 'a'),
        (m.updating, '+'),
    ] {
        if flag {
            rawmode.push(c);
        }
    }
    let (raw, name) = open_raw_file(vm, &file, &rawmode, closefd, &opener)?;
    let raw = Arc::new(raw);
    let fileio = new_fileio(vm, raw.clone(), name);
    // On an error below, the file closes when `raw` goes.
    let isatty = || crate::stdlib::posix::isatty_raw(raw.fd());
    let line_buffering = buffering == 1 || (buffering < 0 && isatty());
    // The size is a heuristic (CPython takes the device's block size): a
    // larger buffer makes fewer system calls.
    let size = if buffering == 1 || buffering < 0 {
        (raw.blksize as usize).max(OPEN_BUFFER_SIZE)
    } else {
        buffering as usize
    };
    if buffering == 0 {
        if m.binary {
            return Ok(fileio);
        }
        close_quietly(&raw);
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let kind = if m.updating {
        Kind::Random
    } else if m.creating || m.writing || m.appending {
        Kind::Writer
    } else {
        Kind::Reader
    };
    let buffer = open_buffered(vm, fileio, size, kind);
    if m.binary {
        return Ok(buffer);
    }
    let o = TextOpts {
        line_buffering,
        ..o
    };
    match text::make(vm, buffer, o, Some(mode_s)) {
        Ok(t) => Ok(t),
        Err(e) => {
            close_quietly(&raw);
            Err(e)
        }
    }
}

fn close_quietly(raw: &RawFile) {
    let _ = raw.close();
}

/// `open_code(path)`: the file opened for reading bytes.
pub fn open_code(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if !matches!(args[0], Value::Str(_)) {
        return Err(vm.type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            vm.type_name(&args[0])
        )));
    }
    open(vm, &[args[0].clone(), new_str("rb")], &[])
}

/// `text_encoding(encoding, stacklevel=2)`.
pub fn text_encoding(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(if args[0].is_none() {
        new_str("locale")
    } else {
        args[0].clone()
    })
}

/// The error handler of the standard streams: `surrogateescape` under the
/// C locale (as CPython's), else strict.
fn std_errors(fd: u8) -> &'static str {
    if fd == 2 {
        return "backslashreplace";
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_default();
    if matches!(
        locale.as_str(),
        "" | "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "C.utf-8"
    ) {
        "surrogateescape"
    } else {
        "strict"
    }
}

/// `sys.stdin`, `sys.stdout` or `sys.stderr` (`fd` 0, 1, 2).
pub fn std_stream(vm: &mut Vm, fd: u8) -> PyResult<Value> {
    let name = ["<stdin>", "<stdout>", "<stderr>"][fd as usize];
    let raw = Arc::new(RawFile::from_fd(fd as i32, fd == 0, fd != 0, Some(fd)));
    let tty = crate::stdlib::posix::isatty_raw(fd as i32);
    let fileio = new_fileio(vm, raw, new_str(name));
    let kind = if fd == 0 { Kind::Reader } else { Kind::Writer };
    let buffer = open_buffered(vm, fileio, DEFAULT_BUFFER_SIZE, kind);
    let o = TextOpts {
        encoding: Some("utf-8".to_string()),
        errors: Some(std_errors(fd).to_string()),
        newline: Some("\n".to_string()),
        line_buffering: fd == 2 || tty,
        write_through: fd == 2,
    };
    let mode = if fd == 0 { "r" } else { "w" };
    let t = text::make(vm, buffer, o, Some(mode.to_string()))?;
    text::set_std(vm, &t, fd)?;
    crate::vm::stdio::register_std_stream(fd, &t);
    Ok(t)
}
