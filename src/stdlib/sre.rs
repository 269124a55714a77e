//! `_sre`: the native half of `re`. It wraps the engine in `re/` as a
//! compiled-pattern object and does the loops that must be fast (findall,
//! split, sub with a template, scanning); `re.py` builds `Pattern` and
//! `Match` on top. Matches cross as flat tuples of spans:
//! `(lastindex, start0, end0, start1, end1, ...)` with -1 for "none".
//! Errors of the engine come back as `(kind, msg, pos)` tuples so that
//! `re.py` raises its own `re.error`.

use super::re::{Captures, Chunk, Error, ErrorKind, Haystack, Mode, Regex, Template};
use crate::vm::bytes::bytes_like;
use crate::vm::dict::DictMap;
use crate::vm::lock::Mutex;
use crate::vm::native::*;
use crate::vm::*;
use std::sync::Arc;

/// A compiled pattern (`re.Pattern` keeps one).
struct Compiled {
    re: Arc<Regex>,
}

/// A parsed replacement template.
struct Tmpl {
    t: Template,
    is_bytes: bool,
}

/// The text a pattern runs over, in the form the engine reads.
enum Text {
    /// An ASCII str: its bytes are its code points.
    Ascii(Str),
    /// Any other str, as code points.
    Wide(Vec<u32>),
    /// A `bytes` object, read in place.
    Bytes(Value),
    /// Another bytes-like object, copied.
    Owned(Vec<u8>),
}

macro_rules! with_hay {
    ($text:expr, $h:ident => $body:expr) => {
        match $text {
            Text::Ascii(s) => {
                let $h: &[u8] = s.as_str().as_bytes();
                $body
            }
            Text::Wide(v) => {
                let $h: &[u32] = v.as_slice();
                $body
            }
            Text::Bytes(Value::Bytes(b)) => {
                let $h: &[u8] = b.as_bytes();
                $body
            }
            Text::Bytes(_) => {
                let $h: &[u8] = &[];
                $body
            }
            Text::Owned(v) => {
                let $h: &[u8] = v.as_slice();
                $body
            }
        }
    };
}

impl Text {
    fn len(&self) -> usize {
        with_hay!(self, h => h.len())
    }

    fn is_bytes(&self) -> bool {
        matches!(self, Text::Bytes(_) | Text::Owned(_))
    }

    /// `text[a..b]` as a Python object of the text's kind.
    fn slice(&self, a: usize, b: usize) -> Value {
        match self {
            Text::Ascii(s) => new_str(&s.as_str()[a..b]),
            Text::Wide(v) => new_str(chars(&v[a..b])),
            Text::Bytes(Value::Bytes(x)) => new_bytes(x.as_bytes()[a..b].to_vec()),
            Text::Bytes(_) => new_bytes(Vec::new()),
            Text::Owned(v) => new_bytes(v[a..b].to_vec()),
        }
    }

    fn empty(&self) -> Value {
        if self.is_bytes() {
            new_bytes(Vec::new())
        } else {
            new_str("")
        }
    }
}

fn chars(v: &[u32]) -> String {
    v.iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{fffd}'))
        .collect()
}

/// The text of `v` for a pattern of the given kind, or CPython's TypeError.
fn text_of(vm: &Vm, v: &Value, pattern_bytes: bool) -> PyResult<Text> {
    let base = match v {
        Value::Instance(i) => i.base.as_ref().unwrap_or(v),
        _ => v,
    };
    if let Value::Str(s) = base {
        if pattern_bytes {
            return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
        }
        return Ok(if s.ascii {
            Text::Ascii(s.clone())
        } else {
            Text::Wide(s.as_str().chars().map(|c| c as u32).collect())
        });
    }
    let Some(b) = bytes_like(base) else {
        return Err(vm.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(v)
        )));
    };
    if !pattern_bytes {
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    Ok(match base {
        Value::Bytes(_) => Text::Bytes(base.clone()),
        _ => Text::Owned(b.into_owned()),
    })
}

fn error_tuple(e: Error) -> Value {
    let kind = match e.kind {
        ErrorKind::Re => "error",
        ErrorKind::Value => "ValueError",
        ErrorKind::Overflow => "OverflowError",
        ErrorKind::Index => "IndexError",
        ErrorKind::Recursion => "RecursionError",
    };
    Value::tuple(vec![
        new_str(kind),
        new_str(e.msg),
        e.pos.map_or(Value::None, |p| Value::Int(p as i64)),
    ])
}

/// `_sre.compile(pattern, flags)`: a compiled pattern, or an error tuple.
fn compile(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let flags = vm.to_index(&args[1])? as u32;
    let (points, is_bytes): (Vec<u32>, bool) = match &args[0] {
        Value::Str(s) => (s.as_str().chars().map(|c| c as u32).collect(), false),
        other => match bytes_like(other) {
            Some(b) => (b.iter().map(|&c| c as u32).collect(), true),
            None => return Err(vm.type_error("first argument must be string or compiled pattern")),
        },
    };
    match Regex::new(&points, flags, is_bytes) {
        Ok(re) => Ok(new_object(vm, Compiled { re: Arc::new(re) })),
        Err(e) => Ok(error_tuple(e)),
    }
}

fn this(vm: &Vm, args: &[Value]) -> PyResult<Arc<Regex>> {
    Ok(this_object::<Compiled>(vm, args, "_sre.Regex")?.re.clone())
}

fn index(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(vm.to_index(v)?.max(0) as usize)
}

/// The flat span tuple of a match.
fn spans(re: &Regex, m: &Captures) -> Value {
    let mut out = Vec::with_capacity(2 * re.groups() + 3);
    out.push(m.lastindex.map_or(Value::Int(-1), |l| Value::Int(l as i64)));
    for g in 0..=re.groups() {
        match m.get(g) {
            Some((a, b)) => {
                out.push(Value::Int(a as i64));
                out.push(Value::Int(b as i64));
            }
            None => {
                out.push(Value::Int(-1));
                out.push(Value::Int(-1));
            }
        }
    }
    Value::tuple(out)
}

/// `exec(string, pos, endpos, mode)`: mode 0 match, 1 fullmatch, 2 search.
fn exec(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let re = this(vm, args)?;
    let text = text_of(vm, &args[1], re.is_bytes())?;
    let pos = index(vm, &args[2])?;
    let endpos = index(vm, &args[3])?;
    let mode = match vm.to_index(&args[4])? {
        0 => Mode::Match,
        1 => Mode::FullMatch,
        _ => Mode::Search,
    };
    if pos.min(text.len()) > endpos.min(text.len()) {
        return Ok(Value::None);
    }
    let found = with_hay!(&text, h => re.exec_captures(h, pos, endpos, mode));
    Ok(match found {
        Some(m) => spans(&re, &m),
        None => Value::None,
    })
}

/// `findall(string, pos, endpos)`.
fn findall(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let re = this(vm, args)?;
    let text = text_of(vm, &args[1], re.is_bytes())?;
    let pos = index(vm, &args[2])?;
    let endpos = index(vm, &args[3])?;
    let mut out = Vec::new();
    if pos.min(text.len()) <= endpos.min(text.len()) {
        let groups = re.groups();
        let item = |m: &Captures| -> Value {
            let one = |g: usize| match m.get(g) {
                Some((a, b)) => text.slice(a, b),
                None => text.empty(),
            };
            match groups {
                0 => one(0),
                1 => one(1),
                n => Value::tuple((1..=n).map(one).collect()),
            }
        };
        with_hay!(&text, h => {
            let mut it = re.find_iter(h, pos, endpos);
            let mut m = Captures::default();
            while it.next_into(&mut m) {
                out.push(item(&m));
            }
        });
    }
    Ok(Value::list(out))
}

/// `split(string, maxsplit)`.
fn split(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let re = this(vm, args)?;
    let text = text_of(vm, &args[1], re.is_bytes())?;
    let maxsplit = vm.to_index(&args[2])?;
    if maxsplit < 0 {
        return Ok(Value::list(vec![args[1].clone()]));
    }
    let pieces = with_hay!(&text, h => re.split(h, maxsplit as usize));
    Ok(Value::list(
        pieces
            .into_iter()
            .map(|p| match p {
                Some((a, b)) => text.slice(a, b),
                None => Value::None,
            })
            .collect(),
    ))
}

/// `template(repl)`: a parsed template, or an error tuple.
fn template(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let re = this(vm, args)?;
    let text = text_of(vm, &args[1], re.is_bytes())?;
    let points: Vec<u32> = with_hay!(&text, h => (0..h.len()).map(|i| h.at(i)).collect());
    match re.template(&points) {
        Ok(t) => Ok(new_object(
            vm,
            Tmpl {
                t,
                is_bytes: re.is_bytes(),
            },
        )),
        Err(e) => Ok(error_tuple(e)),
    }
}

/// `Template.pieces()`: literal texts and group numbers, in order.
fn pieces(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = this_object::<Tmpl>(vm, args, "_sre.Template")?;
    let out =
        t.t.pieces
            .iter()
            .map(|p| match p {
                super::re::template::Piece::Literal(l) => {
                    if t.is_bytes {
                        new_bytes(l.iter().map(|&c| c as u8).collect::<Vec<u8>>())
                    } else {
                        new_str(chars(l))
                    }
                }
                super::re::template::Piece::Group(g) => Value::Int(*g as i64),
            })
            .collect();
    Ok(Value::list(out))
}

/// `sub(template, string, count)`: `(result, number of replacements)`.
fn sub(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let re = this(vm, args)?;
    let Some(t) = downcast::<Tmpl>(&args[1]) else {
        return Err(vm.type_error("sub() needs a template"));
    };
    let text = text_of(vm, &args[2], re.is_bytes())?;
    let count = vm.to_index(&args[3])?.max(0) as usize;
    if text.is_bytes() {
        let mut out: Vec<u8> = Vec::new();
        let n = with_hay!(&text, h => re.replace(h, &t.t, count, |c| match c {
            Chunk::Text(a, b) => out.extend((a..b).map(|i| h.at(i) as u8)),
            Chunk::Literal(l) => out.extend(l.iter().map(|&c| c as u8)),
        }));
        return Ok(Value::tuple(vec![new_bytes(out), Value::Int(n as i64)]));
    }
    let mut out = String::new();
    let n = match &text {
        Text::Ascii(s) => {
            let src = s.as_str();
            re.replace(src.as_bytes(), &t.t, count, |c| match c {
                Chunk::Text(a, b) => out.push_str(&src[a..b]),
                Chunk::Literal(l) => out.extend(l.iter().filter_map(|&c| char::from_u32(c))),
            })
        }
        Text::Wide(v) => re.replace(v.as_slice(), &t.t, count, |c| match c {
            Chunk::Text(a, b) => out.extend(v[a..b].iter().filter_map(|&c| char::from_u32(c))),
            Chunk::Literal(l) => out.extend(l.iter().filter_map(|&c| char::from_u32(c))),
        }),
        _ => 0,
    };
    Ok(Value::tuple(vec![new_str(out), Value::Int(n as i64)]))
}

/// `info()`: `(flags, groups, ((name, index), ...))`.
fn info(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let re = this(vm, args)?;
    let names = re
        .group_names()
        .iter()
        .map(|(n, g)| Value::tuple(vec![new_str(n.as_str()), Value::Int(*g as i64)]))
        .collect();
    Ok(Value::tuple(vec![
        Value::Int(re.flags() as i64),
        Value::Int(re.groups() as i64),
        Value::tuple(names),
    ]))
}

/// The state of a scan (`finditer`, `sub` with a function).
struct Scanner {
    re: Arc<Regex>,
    text: Text,
    state: Mutex<ScanState>,
}

struct ScanState {
    pos: usize,
    endpos: usize,
    must_advance: bool,
    done: bool,
}

/// `scanner(string, pos, endpos)`.
fn scanner(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let re = this(vm, args)?;
    let text = text_of(vm, &args[1], re.is_bytes())?;
    let pos = index(vm, &args[2])?;
    let endpos = index(vm, &args[3])?.min(text.len());
    let done = pos.min(endpos.max(text.len())) > endpos;
    Ok(new_object(
        vm,
        Scanner {
            re,
            text,
            state: Mutex::new(ScanState {
                pos,
                endpos,
                must_advance: false,
                done,
            }),
        },
    ))
}

/// `Scanner.search()`: the next match's span tuple, or None.
fn scanner_search(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sc = this_object::<Scanner>(vm, args, "_sre.Scanner")?;
    let mut st = sc.state.lock();
    if st.done {
        return Ok(Value::None);
    }
    let mut m = Captures::default();
    let found =
        with_hay!(&sc.text, h => sc.re.search_step(h, st.pos, st.endpos, st.must_advance, &mut m));
    if !found {
        st.done = true;
        return Ok(Value::None);
    }
    st.must_advance = m.end() == m.start();
    st.pos = m.end();
    Ok(spans(&sc.re, &m))
}

/// `Scanner.group(spans, g)`: a group's text from a span tuple (no copy of
/// a non-ASCII string per call).
fn scanner_slice(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sc = this_object::<Scanner>(vm, args, "_sre.Scanner")?;
    let a = vm.to_index(&args[1])?;
    let b = vm.to_index(&args[2])?;
    if a < 0 || b < a || b as usize > sc.text.len() {
        return Ok(Value::None);
    }
    Ok(sc.text.slice(a as usize, b as usize))
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    native_class::<Compiled>(
        vm,
        "Regex",
        "_sre",
        None,
        &[
            ("exec", Arity::exact(4), exec),
            ("findall", Arity::exact(3), findall),
            ("split", Arity::exact(2), split),
            ("template", Arity::exact(1), template),
            ("sub", Arity::exact(3), sub),
            ("info", Arity::exact(0), info),
            ("scanner", Arity::exact(3), scanner),
        ],
    );
    native_class::<Tmpl>(
        vm,
        "Template",
        "_sre",
        None,
        &[("pieces", Arity::exact(0), pieces)],
    );
    native_class::<Scanner>(
        vm,
        "Scanner",
        "_sre",
        None,
        &[
            ("search", Arity::exact(0), scanner_search),
            ("slice", Arity::exact(2), scanner_slice),
        ],
    );
    add_functions(vm, d, &[("compile", Arity::exact(2), compile)]);
    d.set_by_str("MAXREPEAT", Value::Int(super::re::MAXREPEAT as i64));
    d.set_by_str("MAXGROUPS", Value::Int(super::re::MAXGROUPS as i64));
    Ok(())
}
