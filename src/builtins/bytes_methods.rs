//! The methods `bytes` and `bytearray` share (search, split, join,
//! replace, strip, case, padding, translation), written once over byte
//! slices. Each result takes the type of the object the method was called
//! on. The data of `self` is read in place (a `bytearray` stays locked for
//! the method's few instructions), so the arguments are converted first:
//! converting may run Python code, or read `self` again.

use crate::vm::bytes::{bytes_like, find, with_bytes};
use crate::vm::native::*;
use crate::vm::sync::PyCell;
use crate::vm::*;
use memchr::memmem;

pub fn install(vm: &mut Vm) {
    let t = vm.types();
    let (bytes, bytearray) = (t.bytes.clone(), t.bytearray.clone());
    for c in [&bytes, &bytearray] {
        add_methods(
            vm,
            c,
            &[
                ("find", Arity::ANY, find_m),
                ("rfind", Arity::ANY, rfind_m),
                ("index", Arity::ANY, index_m),
                ("rindex", Arity::ANY, rindex_m),
                ("count", Arity::ANY, count_m),
                ("startswith", Arity::ANY, startswith),
                ("endswith", Arity::ANY, endswith),
                ("split", Arity::ANY, split),
                ("rsplit", Arity::ANY, rsplit),
                ("splitlines", Arity::ANY, splitlines),
                ("join", Arity::ANY, join),
                ("replace", Arity::ANY, replace),
                ("strip", Arity::ANY, strip),
                ("lstrip", Arity::ANY, lstrip),
                ("rstrip", Arity::ANY, rstrip),
                ("partition", Arity::ANY, partition),
                ("rpartition", Arity::ANY, rpartition),
                ("upper", Arity::ANY, upper),
                ("lower", Arity::ANY, lower),
                ("swapcase", Arity::ANY, swapcase),
                ("title", Arity::ANY, title),
                ("capitalize", Arity::ANY, capitalize),
                ("isalnum", Arity::ANY, isalnum),
                ("isalpha", Arity::ANY, isalpha),
                ("isascii", Arity::ANY, isascii),
                ("isdigit", Arity::ANY, isdigit),
                ("islower", Arity::ANY, islower),
                ("isupper", Arity::ANY, isupper),
                ("isspace", Arity::ANY, isspace),
                ("istitle", Arity::ANY, istitle),
                ("center", Arity::ANY, center),
                ("ljust", Arity::ANY, ljust),
                ("rjust", Arity::ANY, rjust),
                ("zfill", Arity::ANY, zfill),
                ("expandtabs", Arity::ANY, expandtabs),
                ("removeprefix", Arity::ANY, removeprefix),
                ("removesuffix", Arity::ANY, removesuffix),
                ("translate", Arity::ANY, translate),
            ],
        );
    }
    let statics: [(&ClassRef, NativeFn); 2] = [
        (&bytes, bytes_maketrans as NativeFn),
        (&bytearray, bytearray_maketrans as NativeFn),
    ];
    for (c, f) in statics {
        let mut d = c.dict.lock();
        d.set_str(
            &vm.intern("maketrans"),
            Value::native(Native::StaticMethod(builtin("maketrans", f))),
        );
        d.set_str(
            &vm.intern("fromhex"),
            Value::native(Native::ClassMethod(builtin("fromhex", fromhex))),
        );
    }
}

/// Which of the two types a method serves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Bytes,
    ByteArray,
}

impl Kind {
    pub fn of(v: &Value) -> Kind {
        match v {
            Value::Native(n) if matches!(&**n, Native::ByteArray(_)) => Kind::ByteArray,
            Value::Instance(i) => i.base.as_ref().map_or(Kind::Bytes, Kind::of),
            _ => Kind::Bytes,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Bytes => "bytes",
            Kind::ByteArray => "bytearray",
        }
    }

    /// A new value of this type.
    pub fn make(self, data: Vec<u8>) -> Value {
        match self {
            Kind::Bytes => new_bytes(data),
            Kind::ByteArray => Value::native(Native::ByteArray(PyCell::new(data))),
        }
    }
}

// ---- argument checks, each worded as CPython words it for that method ----

fn given(args: &[Value]) -> usize {
    args.len().saturating_sub(1)
}

/// A method taking no arguments: `bytes.upper() takes no arguments (1 given)`.
fn no_args(vm: &Vm, args: &[Value], kw: &[(Str, Value)], name: &str) -> PyResult<Kind> {
    let kind = args.first().map_or(Kind::Bytes, Kind::of);
    if !kw.is_empty() {
        return Err(vm.type_error(format!(
            "{}.{}() takes no keyword arguments",
            kind.name(),
            name
        )));
    }
    if given(args) != 0 {
        return Err(vm.type_error(format!(
            "{}.{}() takes no arguments ({} given)",
            kind.name(),
            name,
            given(args)
        )));
    }
    Ok(kind)
}

/// `bytes.join() takes exactly one argument (0 given)`.
pub fn one_arg(vm: &Vm, args: &[Value], kw: &[(Str, Value)], name: &str) -> PyResult<Kind> {
    let kind = args.first().map_or(Kind::Bytes, Kind::of);
    if !kw.is_empty() {
        return Err(vm.type_error(format!(
            "{}.{}() takes no keyword arguments",
            kind.name(),
            name
        )));
    }
    if given(args) != 1 {
        return Err(vm.type_error(format!(
            "{}.{}() takes exactly one argument ({} given)",
            kind.name(),
            name,
            given(args)
        )));
    }
    Ok(kind)
}

/// Positional arguments only, counted the newer way:
/// `center expected at least 1 argument, got 0`.
pub fn positional(
    vm: &Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<Kind> {
    let kind = args.first().map_or(Kind::Bytes, Kind::of);
    if !kw.is_empty() {
        return Err(vm.type_error(format!(
            "{}.{}() takes no keyword arguments",
            kind.name(),
            name
        )));
    }
    let n = given(args);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max && n != min {
        format!(
            "{} expected {} argument{}, got {}",
            name,
            min,
            plural(min),
            n
        )
    } else if n < min {
        format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            plural(min),
            n
        )
    } else if n > max {
        format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            plural(max),
            n
        )
    } else {
        return Ok(kind);
    };
    Err(vm.type_error(msg))
}

/// Positional arguments only, counted the older way:
/// `find() takes at least 1 argument (0 given)`.
fn positional_old(
    vm: &Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<Kind> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    let n = given(args);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(vm.type_error(format!(
            "{}() takes at least {} argument{} ({} given)",
            name,
            min,
            plural(min),
            n
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            name,
            max,
            plural(max),
            n
        )));
    }
    Ok(args.first().map_or(Kind::Bytes, Kind::of))
}

/// Arguments that may also come by keyword, in the order of `names`.
pub fn keywords<'a>(
    vm: &Vm,
    args: &'a [Value],
    kw: &'a [(Str, Value)],
    name: &str,
    names: &[&str],
) -> PyResult<Vec<Option<&'a Value>>> {
    let n = given(args);
    if n + kw.len() > names.len() {
        return Err(vm.type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            name,
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            n + kw.len()
        )));
    }
    let mut out: Vec<Option<&Value>> = args[1..].iter().map(Some).collect();
    out.resize(names.len(), None);
    for (k, v) in kw {
        match names.iter().position(|x| *x == k.as_str()) {
            Some(i) if i < n => {
                return Err(vm.type_error(format!(
                    "argument for {}() given by name ('{}') and position ({})",
                    name,
                    k.as_str(),
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k.as_str(),
                    name
                )))
            }
        }
    }
    Ok(out)
}

// ---- converting arguments ----

/// The data of a bytes-like argument, or CPython's `TypeError`.
pub fn buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn is_int_like(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
        || (matches!(v, Value::Instance(_)) && vm.lookup_special(v, "__index__").is_some())
}

/// The needle of `find` and its kin: a bytes-like value or a byte value.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b.into_owned());
    }
    if matches!(v, Value::BigInt(_)) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    if is_int_like(vm, v) {
        return Ok(vec![vm.byte_value(v)?]);
    }
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    )))
}

/// A `start`/`end` bound: `None` for absent, huge ints clamped.
fn bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    Ok(match v {
        None | Some(Value::None) => None,
        Some(Value::Int(i)) => Some(*i),
        Some(Value::Bool(b)) => Some(*b as i64),
        Some(Value::BigInt(b)) => Some(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        }),
        Some(v) if is_int_like(vm, v) => Some(vm.to_index(v)?),
        Some(_) => {
            return Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            )
        }
    })
}

/// `start` and `end` made absolute: `end` clamped to the data, `start`
/// only from below (a `start` past the end finds nothing, not even b'').
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let fix = |v: i64| if v < 0 { (v + len).max(0) } else { v };
    let end = fix(end.unwrap_or(len)).min(len);
    let start = fix(start.unwrap_or(0));
    (start, end)
}

/// The data of `self`, in place.
fn with_self<R>(vm: &Vm, args: &[Value], f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
    args.first()
        .and_then(|v| with_bytes(v, f))
        .ok_or_else(|| vm.type_error("descriptor requires a bytes-like object"))
}

/// `self` again, when a `bytes` method changes nothing (CPython returns the
/// same object then); a new object otherwise.
fn result(args: &[Value], kind: Kind, data: Option<Vec<u8>>) -> Value {
    match data {
        Some(d) => kind.make(d),
        None => match &args[0] {
            v @ Value::Bytes(_) => v.clone(),
            v => kind.make(bytes_like(v).unwrap_or_default().into_owned()),
        },
    }
}

/// The last position of `needle` in `hay`.
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle.len() {
        0 => Some(hay.len()),
        1 => memchr::memrchr(needle[0], hay),
        _ => memmem::rfind(hay, needle),
    }
}

/// Non-overlapping occurrences of `needle` in `hay`.
pub fn count(hay: &[u8], needle: &[u8]) -> usize {
    match needle.len() {
        0 => hay.len() + 1,
        1 => memchr::memchr_iter(needle[0], hay).count(),
        _ => memmem::find_iter(hay, needle).count(),
    }
}

// ---- find, index, count, startswith ----

fn find_impl(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], name: &str) -> PyResult<i64> {
    positional_old(vm, args, kw, name, 1, 3)?;
    let sub = needle(vm, &args[1])?;
    let s = bound(vm, args.get(2))?;
    let e = bound(vm, args.get(3))?;
    let rev = name.starts_with('r');
    with_self(vm, args, |hay| {
        let (start, end) = adjust(s, e, hay.len());
        if end - start < sub.len() as i64 {
            return -1;
        }
        let h = &hay[start as usize..end as usize];
        let r = if rev { rfind(h, &sub) } else { find(h, &sub) };
        r.map_or(-1, |i| start + i as i64)
    })
}

fn find_m(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    find_impl(vm, args, kw, "find").map(Value::Int)
}

fn rfind_m(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    find_impl(vm, args, kw, "rfind").map(Value::Int)
}

fn index_m(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    match find_impl(vm, args, kw, "index")? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex_m(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    match find_impl(vm, args, kw, "rindex")? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count_m(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    positional_old(vm, args, kw, "count", 1, 3)?;
    let sub = needle(vm, &args[1])?;
    let s = bound(vm, args.get(2))?;
    let e = bound(vm, args.get(3))?;
    let n = with_self(vm, args, |hay| {
        let (start, end) = adjust(s, e, hay.len());
        if end - start < sub.len() as i64 {
            return 0;
        }
        count(&hay[start as usize..end as usize], &sub)
    })?;
    Ok(Value::Int(n as i64))
}

fn affix(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], name: &str) -> PyResult<Value> {
    positional_old(vm, args, kw, name, 1, 3)?;
    // Each candidate converted first; a bad one is an error only if no
    // earlier one matched.
    let candidates: Vec<Result<Vec<u8>, String>> = match &args[1] {
        Value::Tuple(t) => t
            .items
            .iter()
            .map(|p| bytes_like(p).map(|b| b.into_owned()).ok_or(vm.type_name(p)))
            .collect(),
        v => match bytes_like(v) {
            Some(b) => vec![Ok(b.into_owned())],
            None => {
                return Err(vm.type_error(format!(
                    "{} first arg must be bytes or a tuple of bytes, not {}",
                    name,
                    vm.type_name(v)
                )))
            }
        },
    };
    let s = bound(vm, args.get(2))?;
    let e = bound(vm, args.get(3))?;
    let ends = name == "endswith";
    let r = with_self(vm, args, |hay| {
        let (start, end) = adjust(s, e, hay.len());
        for c in &candidates {
            let p = match c {
                Ok(p) => p,
                Err(t) => return Err(t.clone()),
            };
            if end - start < p.len() as i64 {
                continue;
            }
            let h = &hay[start as usize..end as usize];
            if (ends && h.ends_with(p)) || (!ends && h.starts_with(p)) {
                return Ok(true);
            }
        }
        Ok(false)
    })?;
    match r {
        Ok(b) => Ok(Value::Bool(b)),
        Err(t) => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", t))),
    }
}

fn startswith(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    affix(vm, args, kw, "startswith")
}

fn endswith(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    affix(vm, args, kw, "endswith")
}

// ---- split, join, replace ----

/// ASCII whitespace, as `bytes.split()` and `strip()` see it.
pub fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    name: &str,
) -> PyResult<(Option<Vec<u8>>, i64)> {
    let a = keywords(vm, args, kw, name, &["sep", "maxsplit"])?;
    let sep = match a[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = buffer(vm, v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
    };
    let max = match a[1] {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    Ok((sep, max))
}

/// `hay.split(sep, max)` (a negative `max`: no limit).
pub fn split_slices<'a>(hay: &'a [u8], sep: Option<&[u8]>, max: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let limit = if max < 0 { usize::MAX } else { max as usize };
    match sep {
        Some(sep) => {
            let mut pos = 0;
            for m in memmem::find_iter(hay, sep) {
                if out.len() == limit {
                    break;
                }
                out.push(&hay[pos..m]);
                pos = m + sep.len();
            }
            out.push(&hay[pos..]);
        }
        None => {
            let mut i = 0;
            let n = hay.len();
            while i < n && is_space(hay[i]) {
                i += 1;
            }
            while i < n {
                if out.len() == limit {
                    out.push(&hay[i..]);
                    break;
                }
                let start = i;
                while i < n && !is_space(hay[i]) {
                    i += 1;
                }
                out.push(&hay[start..i]);
                while i < n && is_space(hay[i]) {
                    i += 1;
                }
            }
        }
    }
    out
}

/// `hay.rsplit(sep, max)`, in order.
fn rsplit_slices<'a>(hay: &'a [u8], sep: Option<&[u8]>, max: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let limit = if max < 0 { usize::MAX } else { max as usize };
    match sep {
        Some(sep) => {
            let mut end = hay.len();
            for m in memmem::rfind_iter(hay, sep) {
                if out.len() == limit {
                    break;
                }
                out.push(&hay[m + sep.len()..end]);
                end = m;
            }
            out.push(&hay[..end]);
        }
        None => {
            let mut i = hay.len();
            while i > 0 && is_space(hay[i - 1]) {
                i -= 1;
            }
            while i > 0 {
                if out.len() == limit {
                    out.push(&hay[..i]);
                    break;
                }
                let end = i;
                while i > 0 && !is_space(hay[i - 1]) {
                    i -= 1;
                }
                out.push(&hay[i..end]);
                while i > 0 && is_space(hay[i - 1]) {
                    i -= 1;
                }
            }
        }
    }
    out.reverse();
    out
}

fn pieces(kind: Kind, parts: Vec<Vec<u8>>) -> Value {
    Value::list(parts.into_iter().map(|p| kind.make(p)).collect())
}

fn split(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let (sep, max) = split_args(vm, args, kw, "split")?;
    let parts = with_self(vm, args, |hay| {
        split_slices(hay, sep.as_deref(), max)
            .into_iter()
            .map(<[u8]>::to_vec)
            .collect()
    })?;
    Ok(pieces(Kind::of(&args[0]), parts))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let (sep, max) = split_args(vm, args, kw, "rsplit")?;
    let parts = with_self(vm, args, |hay| {
        rsplit_slices(hay, sep.as_deref(), max)
            .into_iter()
            .map(<[u8]>::to_vec)
            .collect()
    })?;
    Ok(pieces(Kind::of(&args[0]), parts))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let a = keywords(vm, args, kw, "splitlines", &["keepends"])?;
    let keep = match a[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let parts = with_self(vm, args, |hay| {
        let mut out = Vec::new();
        let mut start = 0;
        while start < hay.len() {
            let Some(i) = memchr::memchr2(b'\n', b'\r', &hay[start..]).map(|i| start + i) else {
                out.push(hay[start..].to_vec());
                break;
            };
            let mut end = i + 1;
            if hay[i] == b'\r' && hay.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(hay[start..if keep { end } else { i }].to_vec());
            start = end;
        }
        out
    })?;
    Ok(pieces(Kind::of(&args[0]), parts))
}

fn join(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let kind = one_arg(vm, args, kw, "join")?;
    if !vm.is_iterable(&args[1]) {
        return Err(vm.type_error("can only join an iterable"));
    }
    let items = vm.iterate(&args[1])?;
    let mut parts = Vec::with_capacity(items.len());
    for (i, x) in items.iter().enumerate() {
        match bytes_like(x) {
            Some(b) => parts.push(b.into_owned()),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {}: expected a bytes-like object, {} found",
                    i,
                    vm.type_name(x)
                )))
            }
        }
    }
    let out = with_self(vm, args, |sep| {
        let total: usize =
            parts.iter().map(Vec::len).sum::<usize>() + sep.len() * parts.len().saturating_sub(1);
        let mut out = Vec::with_capacity(total);
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(sep);
            }
            out.extend_from_slice(p);
        }
        out
    })?;
    Ok(kind.make(out))
}

/// `hay.replace(old, new, count)`; `None` when nothing is replaced.
pub fn replace_bytes(hay: &[u8], old: &[u8], new: &[u8], count: i64) -> Option<Vec<u8>> {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if limit == 0 {
        return None;
    }
    if old.is_empty() {
        // `new` before each byte and at the end, `limit` times at most.
        let n = limit.min(hay.len() + 1);
        let mut out = Vec::with_capacity(hay.len() + n * new.len());
        for (i, &c) in hay.iter().enumerate() {
            if i < n {
                out.extend_from_slice(new);
            }
            out.push(c);
        }
        if n > hay.len() {
            out.extend_from_slice(new);
        }
        return Some(out);
    }
    let mut out = Vec::new();
    let mut pos = 0;
    let mut done = 0;
    for m in memmem::find_iter(hay, old) {
        if done == limit {
            break;
        }
        if done == 0 {
            out.reserve(hay.len());
        }
        out.extend_from_slice(&hay[pos..m]);
        out.extend_from_slice(new);
        pos = m + old.len();
        done += 1;
    }
    if done == 0 {
        return None;
    }
    out.extend_from_slice(&hay[pos..]);
    Some(out)
}

fn replace(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let kind = positional(vm, args, kw, "replace", 2, 3)?;
    let old = buffer(vm, &args[1])?;
    let new = buffer(vm, &args[2])?;
    let count = match args.get(3) {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    let out = with_self(vm, args, |hay| replace_bytes(hay, &old, &new, count))?;
    Ok(result(args, kind, out))
}

// ---- strip, partition, affixes ----

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let kind = positional(vm, args, kw, name, 0, 1)?;
    let mut set = [false; 256];
    match args.get(1) {
        None | Some(Value::None) => {
            for c in 0..=255u8 {
                set[c as usize] = is_space(c);
            }
        }
        Some(v) => {
            for c in buffer(vm, v)? {
                set[c as usize] = true;
            }
        }
    }
    let out = with_self(vm, args, |d| {
        let mut a = 0;
        let mut z = d.len();
        if left {
            while a < z && set[d[a] as usize] {
                a += 1;
            }
        }
        if right {
            while z > a && set[d[z - 1] as usize] {
                z -= 1;
            }
        }
        (a != 0 || z != d.len()).then(|| d[a..z].to_vec())
    })?;
    Ok(result(args, kind, out))
}

fn strip(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", false, true)
}

fn partition_impl(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], rev: bool) -> PyResult<Value> {
    let kind = one_arg(vm, args, kw, if rev { "rpartition" } else { "partition" })?;
    let sep = buffer(vm, &args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let parts = with_self(vm, args, |d| {
        let at = if rev { rfind(d, &sep) } else { find(d, &sep) };
        match at {
            Some(i) => [d[..i].to_vec(), sep.clone(), d[i + sep.len()..].to_vec()],
            None if rev => [Vec::new(), Vec::new(), d.to_vec()],
            None => [d.to_vec(), Vec::new(), Vec::new()],
        }
    })?;
    Ok(Value::tuple(
        parts.into_iter().map(|p| kind.make(p)).collect(),
    ))
}

fn partition(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    partition_impl(vm, args, kw, false)
}

fn rpartition(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    partition_impl(vm, args, kw, true)
}

fn remove_affix(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], suffix: bool) -> PyResult<Value> {
    let name = if suffix {
        "removesuffix"
    } else {
        "removeprefix"
    };
    let kind = one_arg(vm, args, kw, name)?;
    let p = buffer(vm, &args[1])?;
    let out = with_self(vm, args, |d| {
        if p.is_empty() {
            None
        } else if suffix {
            d.strip_suffix(&p[..]).map(<[u8]>::to_vec)
        } else {
            d.strip_prefix(&p[..]).map(<[u8]>::to_vec)
        }
    })?;
    Ok(result(args, kind, out))
}

fn removeprefix(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    remove_affix(vm, args, kw, false)
}

fn removesuffix(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    remove_affix(vm, args, kw, true)
}

// ---- case and classification (ASCII only, as CPython's bytes) ----

fn map_case(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    name: &str,
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    let kind = no_args(vm, args, kw, name)?;
    let out = with_self(vm, args, f)?;
    Ok(kind.make(out))
}

fn upper(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    map_case(vm, args, kw, "upper", <[u8]>::to_ascii_uppercase)
}

fn lower(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    map_case(vm, args, kw, "lower", <[u8]>::to_ascii_lowercase)
}

fn swapcase(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    map_case(vm, args, kw, "swapcase", |d| {
        d.iter()
            .map(|&c| {
                if c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn title(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    map_case(vm, args, kw, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&c| {
                let out = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev_cased = c.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn capitalize(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    map_case(vm, args, kw, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn test(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    name: &str,
    f: fn(&[u8]) -> bool,
) -> PyResult<Value> {
    no_args(vm, args, kw, name)?;
    with_self(vm, args, f).map(Value::Bool)
}

fn isalnum(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    test(vm, args, kw, "isalnum", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn isalpha(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    test(vm, args, kw, "isalpha", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic)
    })
}

fn isascii(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    test(vm, args, kw, "isascii", <[u8]>::is_ascii)
}

fn isdigit(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    test(vm, args, kw, "isdigit", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_digit)
    })
}

fn isspace(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    test(vm, args, kw, "isspace", |d| {
        !d.is_empty() && d.iter().all(|&c| is_space(c))
    })
}

fn islower(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    test(vm, args, kw, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

fn isupper(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    test(vm, args, kw, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn istitle(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    test(vm, args, kw, "istitle", |d| {
        let mut prev_cased = false;
        let mut any = false;
        for c in d {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}

// ---- padding ----

fn pad(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], name: &str) -> PyResult<Value> {
    let kind = positional(vm, args, kw, name, 1, 2)?;
    let width = vm.to_index(&args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(v) => {
            let one = match v {
                Value::Bytes(b) if b.as_bytes().len() == 1 => Some(b.as_bytes()[0]),
                Value::Native(n) => match &**n {
                    Native::ByteArray(a) => {
                        let a = a.lock();
                        (a.len() == 1).then(|| a[0])
                    }
                    _ => None,
                },
                _ => None,
            };
            match one {
                Some(c) => c,
                None => {
                    return Err(vm.type_error(format!(
                        "{}() argument 2 must be a byte string of length 1, not {}",
                        name,
                        vm.type_name(v)
                    )))
                }
            }
        }
    };
    vm.check_alloc(width.max(0) as usize, 1)?;
    let out = with_self(vm, args, |d| {
        let len = d.len() as i64;
        if width <= len {
            return None;
        }
        let total = (width - len) as usize;
        let left = match name {
            "ljust" => 0,
            "rjust" => total,
            // The odd extra byte goes left only when the width is odd.
            _ => total / 2 + (total & width as usize & 1),
        };
        let mut out = Vec::with_capacity(width as usize);
        out.resize(left, fill);
        out.extend_from_slice(d);
        out.resize(width as usize, fill);
        Some(out)
    })?;
    Ok(result(args, kind, out))
}

fn center(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    pad(vm, args, kw, "center")
}

fn ljust(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    pad(vm, args, kw, "ljust")
}

fn rjust(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    pad(vm, args, kw, "rjust")
}

fn zfill(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let kind = one_arg(vm, args, kw, "zfill")?;
    let width = vm.to_index(&args[1])?;
    let out = with_self(vm, args, |d| {
        if width <= d.len() as i64 {
            return None;
        }
        let fill = width as usize - d.len();
        let mut out = vec![b'0'; fill];
        out.extend_from_slice(d);
        if matches!(d.first(), Some(b'+' | b'-')) {
            out[0] = d[0];
            out[fill] = b'0';
        }
        Some(out)
    })?;
    Ok(result(args, kind, out))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let a = keywords(vm, args, kw, "expandtabs", &["tabsize"])?;
    let size = match a[0] {
        Some(v) => vm.to_index(v)?,
        None => 8,
    };
    let out = with_self(vm, args, |d| {
        let mut out = Vec::with_capacity(d.len());
        let mut col = 0i64;
        for &c in d {
            match c {
                b'\t' => {
                    if size > 0 {
                        let n = size - col % size;
                        out.resize(out.len() + n as usize, b' ');
                        col += n;
                    }
                }
                b'\n' | b'\r' => {
                    out.push(c);
                    col = 0;
                }
                _ => {
                    out.push(c);
                    col += 1;
                }
            }
        }
        out
    })?;
    Ok(Kind::of(&args[0]).make(out))
}

// ---- translate, maketrans, fromhex ----

fn translate(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.len() < 2 && kwarg(kw, "table").is_none() {
        return Err(vm.type_error(format!(
            "translate() takes at least 1 positional argument ({} given)",
            given(args)
        )));
    }
    let a = keywords(vm, args, kw, "translate", &["table", "delete"])?;
    let table = match a[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = buffer(vm, v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let mut delete = [false; 256];
    if let Some(v) = a[1] {
        for c in buffer(vm, v)? {
            delete[c as usize] = true;
        }
    }
    let out = with_self(vm, args, |d| {
        d.iter()
            .filter(|&&c| !delete[c as usize])
            .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
            .collect()
    })?;
    Ok(Kind::of(&args[0]).make(out))
}

fn maketrans(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], kind: Kind) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!(
            "{}.maketrans() takes no keyword arguments",
            kind.name()
        )));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.len()
        )));
    }
    let from = buffer(vm, &args[0])?;
    let to = buffer(vm, &args[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.into_iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(new_bytes(table))
}

fn bytes_maketrans(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    maketrans(vm, args, kw, Kind::Bytes)
}

fn bytearray_maketrans(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    maketrans(vm, args, kw, Kind::ByteArray)
}

/// The bytes that `fromhex(s)` makes of `s`; the error names the
/// position of the first character that is neither a hex digit of a pair
/// nor whitespace between pairs.
pub fn parse_hex(s: &str) -> Result<Vec<u8>, usize> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii() && is_space(c as u8) {
            i += 1;
            continue;
        }
        let hi = c.to_digit(16).filter(|_| c.is_ascii()).ok_or(i)?;
        let lo = chars
            .get(i + 1)
            .filter(|c| c.is_ascii())
            .and_then(|c| c.to_digit(16))
            .ok_or(i + 1)?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// `bytes.fromhex(s)`, a class method: `args[0]` is the class.
fn fromhex(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.first() else {
        return Err(vm.type_error("fromhex() needs a class"));
    };
    let cls = cls.clone();
    let array = cls.is_subclass(&vm.types().bytearray);
    let kind = if array { Kind::ByteArray } else { Kind::Bytes };
    if !kw.is_empty() {
        return Err(vm.type_error(format!(
            "{}.fromhex() takes no keyword arguments",
            kind.name()
        )));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "{}.fromhex() takes exactly one argument ({} given)",
            kind.name(),
            args.len() - 1
        )));
    }
    let Value::Str(s) = &args[1] else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let data = parse_hex(s.as_str()).map_err(|pos| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {}",
            pos
        ))
    })?;
    let made = kind.make(data);
    if cls.builtin {
        Ok(made)
    } else {
        vm.call(&Value::Class(cls), &[made], &[])
    }
}
