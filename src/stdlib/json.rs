//! `_json`: the native encoder and decoder behind the `json` package, with
//! CPython's output (separators, indentation, float repr, escapes) and its
//! error messages. Nesting is bounded by the recursion limit, so a deep
//! document raises RecursionError instead of overflowing the native stack.

use crate::compiler::bytecode::CmpOp;
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::sync::Shared;
use crate::vm::value::PyStr;
use crate::vm::*;
use num_bigint::BigInt;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::atomic::Ordering;

fn recursion_error(vm: &Vm, what: &str) -> PyErr {
    vm.new_error(
        &vm.types().exc.RecursionError,
        format!("maximum recursion depth exceeded{}", what),
    )
}

/// Enters one level of nesting, as `Py_EnterRecursiveCall` does.
fn enter(vm: &mut Vm, what: &str) -> PyResult<()> {
    vm.depth += 1;
    let limit = vm.interp.recursion_limit.load(Ordering::Relaxed);
    if vm.depth > limit || vm.check_recursion().is_err() {
        vm.depth -= 1;
        return Err(recursion_error(vm, what));
    }
    Ok(())
}

// ---------------------------------------------------------------- encoding

/// Appends `s` as a JSON string literal.
fn quote(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let plain = c != '"' && c != '\\' && c >= ' ' && (!ensure_ascii || c <= '~');
        if plain {
            continue;
        }
        out.push_str(&s[start..i]);
        start = i + c.len_utf8();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let v = c as u32 - 0x10000;
                let _ = write!(
                    out,
                    "\\u{:04x}\\u{:04x}",
                    0xd800 + (v >> 10),
                    0xdc00 + (v & 0x3ff)
                );
            }
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
}

struct Encoder {
    default: Value,
    ensure_ascii: bool,
    indent: Option<String>,
    key_sep: String,
    item_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    check_circular: bool,
    markers: Vec<usize>,
    out: String,
}

const ENCODING: &str = " while encoding a JSON object";

impl Encoder {
    fn float(&mut self, vm: &Vm, f: f64) -> PyResult<()> {
        if f.is_finite() {
            self.out.push_str(&crate::fmt::float_repr(f));
            return Ok(());
        }
        if !self.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        self.out.push_str(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    fn mark(&mut self, vm: &Vm, v: &Value) -> PyResult<Option<usize>> {
        if !self.check_circular {
            return Ok(None);
        }
        let id = v.heap_ptr().map_or(0, |p| p as usize);
        if self.markers.contains(&id) {
            return Err(vm.value_error("Circular reference detected"));
        }
        self.markers.push(id);
        Ok(Some(id))
    }

    fn unmark(&mut self, id: Option<usize>) {
        if id.is_some() {
            self.markers.pop();
        }
    }

    fn encode(&mut self, vm: &mut Vm, v: &Value, level: usize) -> PyResult<()> {
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Int(i) => {
                let _ = write!(self.out, "{}", i);
            }
            Value::BigInt(b) => {
                let _ = write!(self.out, "{}", &**b);
            }
            Value::Float(f) => self.float(vm, *f)?,
            Value::Str(s) => quote(&mut self.out, s.as_str(), self.ensure_ascii),
            Value::List(l) => {
                let items = l.lock().clone();
                self.array(vm, v, &items, level)?;
            }
            Value::Tuple(t) => {
                let items = t.items.to_vec();
                self.array(vm, v, &items, level)?;
            }
            Value::Dict(d) => {
                let items = d.lock().items();
                self.object(vm, v, items, level)?;
            }
            Value::Instance(i) if i.base.is_some() => {
                let base = i.base.clone().unwrap_or(Value::None);
                match &base {
                    Value::Str(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) => {
                        self.encode(vm, &base, level)?
                    }
                    Value::List(l) => {
                        let items = l.lock().clone();
                        self.array(vm, v, &items, level)?;
                    }
                    Value::Tuple(t) => {
                        let items = t.items.to_vec();
                        self.array(vm, v, &items, level)?;
                    }
                    Value::Dict(_) => {
                        let items = vm.call_method(v, "items", &[])?;
                        let items = vm.iterate(&items)?;
                        let mut pairs = Vec::with_capacity(items.len());
                        for it in items {
                            let kv = vm.iterate(&it)?;
                            if kv.len() == 2 {
                                pairs.push((kv[0].clone(), kv[1].clone()));
                            }
                        }
                        self.object(vm, v, pairs, level)?;
                    }
                    _ => self.other(vm, v, level)?,
                }
            }
            _ => self.other(vm, v, level)?,
        }
        Ok(())
    }

    fn other(&mut self, vm: &mut Vm, v: &Value, level: usize) -> PyResult<()> {
        let id = self.mark(vm, v)?;
        let r = vm.call(&self.default.clone(), std::slice::from_ref(v), &[])?;
        enter(vm, ENCODING)?;
        let res = self.encode(vm, &r, level);
        vm.depth -= 1;
        res?;
        self.unmark(id);
        Ok(())
    }

    fn array(&mut self, vm: &mut Vm, v: &Value, items: &[Value], level: usize) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        let id = self.mark(vm, v)?;
        enter(vm, ENCODING)?;
        self.out.push('[');
        self.newline(level + 1);
        let mut res = Ok(());
        for (n, item) in items.iter().enumerate() {
            if n > 0 {
                self.out.push_str(&self.item_sep.clone());
                self.newline(level + 1);
            }
            res = self.encode(vm, item, level + 1);
            if res.is_err() {
                break;
            }
        }
        vm.depth -= 1;
        res?;
        self.newline(level);
        self.out.push(']');
        self.unmark(id);
        Ok(())
    }

    /// The text of a dict key, or None to skip it.
    fn key(&mut self, vm: &mut Vm, k: &Value) -> PyResult<Option<String>> {
        Ok(Some(match k {
            Value::Str(s) => s.as_str().to_string(),
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::None => "null".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(f) => {
                let save = std::mem::take(&mut self.out);
                let r = self.float(vm, *f);
                let text = std::mem::replace(&mut self.out, save);
                r?;
                text
            }
            Value::Instance(i) if matches!(i.base, Some(Value::Str(_))) => match &i.base {
                Some(Value::Str(s)) => s.as_str().to_string(),
                _ => String::new(),
            },
            Value::Instance(i)
                if matches!(
                    i.base,
                    Some(Value::Int(_) | Value::BigInt(_) | Value::Float(_))
                ) =>
            {
                let base = i.base.clone().unwrap_or(Value::None);
                return self.key(vm, &base);
            }
            _ => {
                if self.skipkeys {
                    return Ok(None);
                }
                return Err(vm.type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    vm.type_name(k)
                )));
            }
        }))
    }

    fn object(
        &mut self,
        vm: &mut Vm,
        v: &Value,
        mut items: Vec<(Value, Value)>,
        level: usize,
    ) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        let id = self.mark(vm, v)?;
        if self.sort_keys {
            sort_items(vm, &mut items)?;
        }
        enter(vm, ENCODING)?;
        self.out.push('{');
        self.newline(level + 1);
        let mut first = true;
        let mut res = Ok(());
        for (k, val) in &items {
            let key = match self.key(vm, k) {
                Ok(Some(key)) => key,
                Ok(None) => continue,
                Err(e) => {
                    res = Err(e);
                    break;
                }
            };
            if !first {
                self.out.push_str(&self.item_sep.clone());
                self.newline(level + 1);
            }
            first = false;
            quote(&mut self.out, &key, self.ensure_ascii);
            self.out.push_str(&self.key_sep.clone());
            res = self.encode(vm, val, level + 1);
            if res.is_err() {
                break;
            }
        }
        vm.depth -= 1;
        res?;
        self.newline(level);
        self.out.push('}');
        self.unmark(id);
        Ok(())
    }
}

/// Sorts dict items by key as `sorted(d.items())` would (keys are unique).
fn sort_items(vm: &mut Vm, items: &mut [(Value, Value)]) -> PyResult<()> {
    if items.iter().all(|(k, _)| matches!(k, Value::Str(_))) {
        items.sort_by(|a, b| match (&a.0, &b.0) {
            (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
            _ => std::cmp::Ordering::Equal,
        });
        return Ok(());
    }
    // Insertion sort with Python's `<`: stable, and an error stops it.
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 {
            let lt = vm.compare(CmpOp::Lt, &items[j].0, &items[j - 1].0)?;
            if !vm.truthy(&lt)? {
                break;
            }
            items.swap(j, j - 1);
            j -= 1;
        }
    }
    Ok(())
}

fn str_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        _ => Err(vm.type_error(format!("{} must be str, not {}", what, vm.type_name(v)))),
    }
}

/// `encode(obj, default, ensure_ascii, indent, key_separator,
/// item_separator, sort_keys, skipkeys, allow_nan, check_circular)`.
fn encode(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let indent = match &args[3] {
        Value::None => None,
        v => Some(str_arg(vm, v, "indent")?),
    };
    let mut enc = Encoder {
        default: args[1].clone(),
        ensure_ascii: vm.truthy(&args[2])?,
        indent,
        key_sep: str_arg(vm, &args[4], "key_separator")?,
        item_sep: str_arg(vm, &args[5], "item_separator")?,
        sort_keys: vm.truthy(&args[6])?,
        skipkeys: vm.truthy(&args[7])?,
        allow_nan: vm.truthy(&args[8])?,
        check_circular: vm.truthy(&args[9])?,
        markers: Vec::new(),
        out: String::new(),
    };
    let depth = vm.depth;
    let r = enc.encode(vm, &args[0], 0);
    vm.depth = depth;
    r?;
    Ok(new_str(enc.out))
}

/// `encode_basestring_ascii(s)` / `encode_basestring(s)`.
fn basestring(vm: &mut Vm, args: &[Value], ascii: bool) -> PyResult<Value> {
    let Value::Str(s) = &args[0] else {
        return Err(vm.type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(&args[0])
        )));
    };
    let mut out = String::with_capacity(s.as_str().len() + 2);
    quote(&mut out, s.as_str(), ascii);
    Ok(new_str(out))
}

fn encode_basestring_ascii(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    basestring(vm, args, true)
}

fn encode_basestring(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    basestring(vm, args, false)
}

// ---------------------------------------------------------------- decoding

/// A decoder's settings (`json.decoder.JSONDecoder` keeps one).
struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    error: Value,
}

enum DecErr {
    /// A JSON syntax error: message and byte offset.
    Syntax(&'static str, usize),
    Py(PyErr),
}

impl From<PyErr> for DecErr {
    fn from(e: PyErr) -> DecErr {
        DecErr::Py(e)
    }
}

type DResult<T> = Result<T, DecErr>;

struct Decoder<'a> {
    sc: &'a Scanner,
    s: &'a str,
    b: &'a [u8],
    /// Keys seen so far: a repeated key is one string object (its hash
    /// computed once), as CPython's decoder memoizes them.
    memo: RefCell<HashMap<String, Str>>,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let digits = b.get(i..i + 4)?;
    let mut v = 0;
    for &d in digits {
        v = v * 16 + (d as char).to_digit(16)?;
    }
    Some(v)
}

impl Decoder<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && is_ws(self.b[i]) {
            i += 1;
        }
        i
    }

    fn value(&self, vm: &mut Vm, i: usize) -> DResult<(Value, usize)> {
        let Some(&c) = self.b.get(i) else {
            return Err(DecErr::Syntax("Expecting value", i));
        };
        match c {
            b'"' => {
                let (s, end) = self.string(i + 1)?;
                Ok((new_str(s), end))
            }
            b'{' => {
                enter(vm, " while decoding a JSON object from a unicode string")?;
                let r = self.object(vm, i + 1);
                vm.depth -= 1;
                r
            }
            b'[' => {
                enter(vm, " while decoding a JSON array from a unicode string")?;
                let r = self.array(vm, i + 1);
                vm.depth -= 1;
                r
            }
            b'n' if self.b[i..].starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if self.b[i..].starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if self.b[i..].starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if self.b[i..].starts_with(b"NaN") => Ok((self.constant(vm, "NaN")?, i + 3)),
            b'I' if self.b[i..].starts_with(b"Infinity") => {
                Ok((self.constant(vm, "Infinity")?, i + 8))
            }
            b'-' if self.b[i..].starts_with(b"-Infinity") => {
                Ok((self.constant(vm, "-Infinity")?, i + 9))
            }
            b'-' | b'0'..=b'9' => self.number(vm, i),
            _ => Err(DecErr::Syntax("Expecting value", i)),
        }
    }

    fn constant(&self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        if !self.sc.parse_constant.is_none() {
            return vm.call(&self.sc.parse_constant, &[new_str(name)], &[]);
        }
        Ok(Value::Float(match name {
            "NaN" => f64::NAN,
            "Infinity" => f64::INFINITY,
            _ => f64::NEG_INFINITY,
        }))
    }

    fn number(&self, vm: &mut Vm, start: usize) -> DResult<(Value, usize)> {
        let b = self.b;
        let digits = |mut i: usize| {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            i
        };
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i),
            _ => return Err(DecErr::Syntax("Expecting value", start)),
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            i = digits(i + 1);
            is_float = true;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if b.get(j).is_some_and(|c| c.is_ascii_digit()) {
                i = digits(j);
                is_float = true;
            }
        }
        let text = &self.s[start..i];
        let v = if is_float {
            if self.sc.parse_float.is_none() {
                Value::Float(text.parse::<f64>().unwrap_or(f64::NAN))
            } else {
                vm.call(&self.sc.parse_float, &[new_str(text)], &[])?
            }
        } else if self.sc.parse_int.is_none() {
            match text.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => match text.parse::<BigInt>() {
                    Ok(n) => Value::from_bigint(n),
                    Err(_) => return Err(DecErr::Syntax("Expecting value", start)),
                },
            }
        } else {
            vm.call(&self.sc.parse_int, &[new_str(text)], &[])?
        };
        Ok((v, i))
    }

    /// The string whose text starts at `i` (after the quote) and its end.
    fn string(&self, i: usize) -> DResult<(String, usize)> {
        let b = self.b;
        let begin = i - 1;
        let mut out = String::new();
        let mut j = i;
        let mut run = i;
        loop {
            let Some(&c) = b.get(j) else {
                return Err(DecErr::Syntax("Unterminated string starting at", begin));
            };
            if c == b'"' {
                out.push_str(&self.s[run..j]);
                return Ok((out, j + 1));
            }
            if c < 0x20 && self.sc.strict {
                return Err(DecErr::Syntax("Invalid control character at", j));
            }
            if c != b'\\' {
                j += 1;
                continue;
            }
            out.push_str(&self.s[run..j]);
            let Some(&e) = b.get(j + 1) else {
                return Err(DecErr::Syntax("Unterminated string starting at", begin));
            };
            let simple = match e {
                b'"' => Some('"'),
                b'\\' => Some('\\'),
                b'/' => Some('/'),
                b'b' => Some('\u{8}'),
                b'f' => Some('\u{c}'),
                b'n' => Some('\n'),
                b'r' => Some('\r'),
                b't' => Some('\t'),
                _ => None,
            };
            if let Some(ch) = simple {
                out.push(ch);
                j += 2;
            } else if e == b'u' {
                let Some(mut cp) = hex4(b, j + 2) else {
                    return Err(DecErr::Syntax("Invalid \\uXXXX escape", j + 1));
                };
                j += 6;
                if (0xd800..0xdc00).contains(&cp)
                    && b.get(j) == Some(&b'\\')
                    && b.get(j + 1) == Some(&b'u')
                {
                    let Some(low) = hex4(b, j + 2) else {
                        return Err(DecErr::Syntax("Invalid \\uXXXX escape", j + 1));
                    };
                    if (0xdc00..0xe000).contains(&low) {
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                        j += 6;
                    }
                }
                // A lone surrogate cannot be held by a str here.
                out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
            } else {
                return Err(DecErr::Syntax("Invalid \\escape", j));
            }
            run = j;
        }
    }

    fn object(&self, vm: &mut Vm, i: usize) -> DResult<(Value, usize)> {
        let mut pairs: Vec<(Str, Value)> = Vec::new();
        let mut i = self.skip_ws(i);
        if self.b.get(i) == Some(&b'}') {
            return Ok((self.finish_object(vm, pairs)?, i + 1));
        }
        loop {
            if self.b.get(i) != Some(&b'"') {
                return Err(DecErr::Syntax(
                    "Expecting property name enclosed in double quotes",
                    i,
                ));
            }
            let (key, end) = self.string(i + 1)?;
            i = self.skip_ws(end);
            if self.b.get(i) != Some(&b':') {
                return Err(DecErr::Syntax("Expecting ':' delimiter", i));
            }
            i = self.skip_ws(i + 1);
            let (v, end) = self.value(vm, i)?;
            pairs.push((self.key(key), v));
            i = self.skip_ws(end);
            match self.b.get(i) {
                Some(b'}') => return Ok((self.finish_object(vm, pairs)?, i + 1)),
                Some(b',') => i = self.skip_ws(i + 1),
                _ => return Err(DecErr::Syntax("Expecting ',' delimiter", i)),
            }
        }
    }

    fn key(&self, key: String) -> Str {
        let mut memo = self.memo.borrow_mut();
        if let Some(k) = memo.get(&key) {
            return k.clone();
        }
        let k = Shared::new(PyStr::new(key.as_str()));
        if memo.len() < 10_000 {
            memo.insert(key, k.clone());
        }
        k
    }

    fn finish_object(&self, vm: &mut Vm, pairs: Vec<(Str, Value)>) -> PyResult<Value> {
        if !self.sc.object_pairs_hook.is_none() {
            let list = pairs
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![Value::Str(k), v]))
                .collect();
            return vm.call(&self.sc.object_pairs_hook, &[Value::list(list)], &[]);
        }
        let mut map = DictMap::with_capacity(pairs.len());
        for (k, v) in pairs {
            map.set_str(&k, v);
        }
        let d = Value::dict(map);
        if !self.sc.object_hook.is_none() {
            return vm.call(&self.sc.object_hook, &[d], &[]);
        }
        Ok(d)
    }

    fn array(&self, vm: &mut Vm, i: usize) -> DResult<(Value, usize)> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(i);
        if self.b.get(i) == Some(&b']') {
            return Ok((Value::list(items), i + 1));
        }
        loop {
            let (v, end) = self.value(vm, i)?;
            items.push(v);
            i = self.skip_ws(end);
            match self.b.get(i) {
                Some(b']') => return Ok((Value::list(items), i + 1)),
                Some(b',') => i = self.skip_ws(i + 1),
                _ => return Err(DecErr::Syntax("Expecting ',' delimiter", i)),
            }
        }
    }
}

/// `make_scanner(strict, object_hook, object_pairs_hook, parse_float,
/// parse_int, parse_constant, error_class)`; a hook of None means the default.
fn make_scanner(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sc = Scanner {
        strict: vm.truthy(&args[0])?,
        object_hook: args[1].clone(),
        object_pairs_hook: args[2].clone(),
        parse_float: args[3].clone(),
        parse_int: args[4].clone(),
        parse_constant: args[5].clone(),
        error: args[6].clone(),
    };
    Ok(new_object(vm, sc))
}

fn char_pos(s: &str, byte: usize) -> usize {
    let byte = byte.min(s.len());
    if s.is_ascii() {
        byte
    } else {
        s[..byte].chars().count()
    }
}

fn byte_pos(s: &str, chars: usize) -> Option<usize> {
    if s.is_ascii() {
        return (chars <= s.len()).then_some(chars);
    }
    if chars == 0 {
        return Some(0);
    }
    match s.char_indices().nth(chars) {
        Some((b, _)) => Some(b),
        None => (s.chars().count() == chars).then_some(s.len()),
    }
}

fn raise_syntax(vm: &mut Vm, sc: &Scanner, doc: &Value, s: &str, msg: &str, pos: usize) -> PyErr {
    let pos = char_pos(s, pos);
    match vm.call(
        &sc.error,
        &[new_str(msg), doc.clone(), Value::Int(pos as i64)],
        &[],
    ) {
        Ok(e) => PyErr::new(e),
        Err(e) => e,
    }
}

/// `Scanner.scan(s, idx, whole)`: with `whole`, decodes all of `s`
/// (whitespace around the value, "Extra data" after it) and returns the
/// value; else returns `(value, end)` for the value at `idx`.
fn scan(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sc = this_object::<Scanner>(vm, args, "Scanner")?;
    let doc = args[1].clone();
    let s: Str = match &doc {
        Value::Str(s) => s.clone(),
        Value::Instance(i) if matches!(i.base, Some(Value::Str(_))) => match &i.base {
            Some(Value::Str(s)) => s.clone(),
            _ => unreachable!(),
        },
        _ => {
            return Err(vm.type_error(format!(
                "first argument must be a string, not {}",
                vm.type_name(&doc)
            )))
        }
    };
    let idx = vm.to_index(&args[2])?;
    let whole = vm.truthy(&args[3])?;
    let text = s.as_str();
    let dec = Decoder {
        sc,
        s: text,
        b: text.as_bytes(),
        memo: RefCell::new(HashMap::new()),
    };
    let Some(start) = (if idx < 0 {
        None
    } else {
        byte_pos(text, idx as usize)
    }) else {
        if idx < 0 {
            return Err(vm.value_error("idx cannot be negative"));
        }
        return Err(raise_syntax(
            vm,
            sc,
            &doc,
            text,
            "Expecting value",
            text.len(),
        ));
    };
    let start = if whole { dec.skip_ws(start) } else { start };
    let depth = vm.depth;
    let r = dec.value(vm, start);
    vm.depth = depth;
    match r {
        Ok((v, end)) => {
            if whole {
                let end = dec.skip_ws(end);
                if end != text.len() {
                    return Err(raise_syntax(vm, sc, &doc, text, "Extra data", end));
                }
                Ok(v)
            } else {
                Ok(Value::tuple(vec![
                    v,
                    Value::Int(char_pos(text, end) as i64),
                ]))
            }
        }
        Err(DecErr::Py(e)) => Err(e),
        Err(DecErr::Syntax(msg, pos)) => Err(raise_syntax(vm, sc, &doc, text, msg, pos)),
    }
}

/// `scanstring(s, end, strict=True)`: the string whose text starts at
/// `end`, and the index after its closing quote.
fn scanstring(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Value::Str(s) = &args[0] else {
        return Err(vm.type_error("first argument must be a string"));
    };
    let end = vm.to_index(&args[1])?.max(1) as usize;
    let strict = match args.get(2) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let sc = Scanner {
        strict,
        object_hook: Value::None,
        object_pairs_hook: Value::None,
        parse_float: Value::None,
        parse_int: Value::None,
        parse_constant: Value::None,
        error: args.get(3).cloned().unwrap_or(Value::None),
    };
    let text = s.as_str();
    let Some(start) = byte_pos(text, end) else {
        return Err(vm.value_error("end is out of bounds"));
    };
    let dec = Decoder {
        sc: &sc,
        s: text,
        b: text.as_bytes(),
        memo: RefCell::new(HashMap::new()),
    };
    match dec.string(start) {
        Ok((v, e)) => Ok(Value::tuple(vec![
            new_str(v),
            Value::Int(char_pos(text, e) as i64),
        ])),
        Err(DecErr::Py(e)) => Err(e),
        Err(DecErr::Syntax(msg, pos)) => {
            if sc.error.is_none() {
                Err(vm.value_error(msg))
            } else {
                Err(raise_syntax(vm, &sc, &args[0], text, msg, pos))
            }
        }
    }
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    native_class::<Scanner>(
        vm,
        "Scanner",
        "_json",
        None,
        &[("scan", Arity::exact(3), scan)],
    );
    add_functions(
        vm,
        d,
        &[
            ("make_scanner", Arity::exact(7), make_scanner),
            ("encode", Arity::exact(10), encode),
            (
                "encode_basestring_ascii",
                Arity::exact(1),
                encode_basestring_ascii,
            ),
            ("encode_basestring", Arity::exact(1), encode_basestring),
            ("scanstring", Arity::range(2, 4), scanstring),
        ],
    );
    Ok(())
}
