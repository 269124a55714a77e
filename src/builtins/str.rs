//! `str`: constructor and methods.

use crate::vm::native::*;
use crate::vm::*;

pub fn install(vm: &mut Vm) {
    let s = vm.types().str_.clone();
    add_methods(vm, &s, super::protocol::COLLECTION);
    add_methods(vm, &s, super::protocol::SUBSCRIPT);
    add_methods(
        vm,
        &s,
        &[
            ("__new__", Arity::ANY, str_new),
            ("upper", Arity::ANY, upper),
            ("lower", Arity::ANY, lower),
            ("casefold", Arity::ANY, casefold),
            ("title", Arity::ANY, title),
            ("capitalize", Arity::ANY, capitalize),
            ("swapcase", Arity::ANY, swapcase),
            ("strip", Arity::ANY, strip),
            ("lstrip", Arity::ANY, lstrip),
            ("rstrip", Arity::ANY, rstrip),
            ("split", Arity::ANY, split),
            ("rsplit", Arity::ANY, rsplit),
            ("splitlines", Arity::ANY, splitlines),
            ("join", Arity::exact(1), join),
            ("replace", Arity::range(2, 3), replace),
            ("find", Arity::ANY, find),
            ("rfind", Arity::ANY, rfind),
            ("index", Arity::ANY, index),
            ("rindex", Arity::ANY, rindex),
            ("count", Arity::range(1, 3), count),
            ("startswith", Arity::ANY, startswith),
            ("endswith", Arity::ANY, endswith),
            ("isdigit", Arity::ANY, isdigit),
            ("isdecimal", Arity::ANY, isdecimal),
            ("isnumeric", Arity::ANY, isnumeric),
            ("isalpha", Arity::ANY, isalpha),
            ("isalnum", Arity::ANY, isalnum),
            ("isspace", Arity::ANY, isspace),
            ("isupper", Arity::ANY, isupper),
            ("islower", Arity::ANY, islower),
            ("istitle", Arity::ANY, istitle),
            ("isidentifier", Arity::ANY, isidentifier),
            ("isprintable", Arity::ANY, isprintable),
            ("isascii", Arity::ANY, isascii),
            ("center", Arity::ANY, center),
            ("ljust", Arity::ANY, ljust),
            ("rjust", Arity::ANY, rjust),
            ("zfill", Arity::exact(1), zfill),
            ("format", Arity::ANY, super::strformat::str_format),
            ("format_map", Arity::ANY, super::strformat::str_format_map),
            ("partition", Arity::ANY, partition),
            ("rpartition", Arity::ANY, rpartition),
            ("expandtabs", Arity::ANY, expandtabs),
            ("removeprefix", Arity::exact(1), removeprefix),
            ("removesuffix", Arity::exact(1), removesuffix),
            ("encode", Arity::range(0, 2), encode),
            ("__add__", Arity::exact(1), add),
            ("__mul__", Arity::exact(1), mul),
            ("__mod__", Arity::exact(1), modulo),
            ("__lt__", Arity::exact(1), lt),
            ("__eq__", Arity::exact(1), eq),
            ("__hash__", Arity::ANY, hash),
        ],
    );
}

fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a str> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s.as_str()),
        Some(v) => Err(vm.type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error("unbound method needs an argument")),
    }
}

fn str_arg<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        _ => Err(vm.type_error(format!("{} must be str, not {}", what, vm.type_name(v)))),
    }
}

fn ret(s: String) -> PyResult<Value> {
    Ok(new_str(s))
}

fn str_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let encoding = arg_or_kw(args, kw, 2, "encoding").cloned();
    let errors = arg_or_kw(args, kw, 3, "errors").cloned();
    if encoding.is_some() || errors.is_some() {
        // `str(b, encoding[, errors])` decodes.
        let obj = arg_or_kw(args, kw, 1, "object")
            .cloned()
            .unwrap_or_else(|| crate::vm::value::new_bytes(Vec::new()));
        if matches!(obj, Value::Str(_)) {
            return Err(vm.type_error("decoding str is not supported"));
        }
        if crate::vm::bytes::bytes_like(&obj).is_none() {
            return Err(vm.type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                vm.type_name(&obj)
            )));
        }
        let data = crate::vm::value::new_bytes(
            crate::vm::bytes::bytes_like(&obj)
                .map(|b| b.into_owned())
                .unwrap_or_default(),
        );
        let enc = encoding.unwrap_or_else(|| new_str("utf-8"));
        let err = errors.unwrap_or_else(|| new_str("strict"));
        let s = vm.call_method(&data, "decode", &[enc, err])?;
        return Ok(vm.wrap_for_subclass(&args[0], s));
    }
    let s = match arg_or_kw(args, kw, 1, "object") {
        None => new_str(String::new()),
        Some(Value::Str(s)) => Value::Str(s.clone()),
        Some(v) => new_str(vm.str_(v)?),
    };
    Ok(vm.wrap_for_subclass(&args[0], s))
}

fn upper(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    ret(this(vm, args)?.to_uppercase())
}

fn lower(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    ret(this(vm, args)?.to_lowercase())
}

/// A character's special mapping in `table` (generated), if it has one.
fn special_case(table: &[(char, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// Full case folding: the lowercase mapping, but for the characters that
/// fold otherwise (`ß` to `ss`, final sigma to sigma...).
fn casefold(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match special_case(super::str_tables::CASEFOLD, c) {
            Some(m) => out.push_str(m),
            None => out.extend(c.to_lowercase()),
        }
    }
    ret(out)
}

/// The titlecase mapping (`ǆ` to `ǅ`, `ß` to `Ss`), else the uppercase one.
fn push_titlecase(out: &mut String, c: char) {
    match special_case(super::str_tables::TITLECASE, c) {
        Some(m) => out.push_str(m),
        None => out.extend(c.to_uppercase()),
    }
}

/// Unicode's "cased": upper, lower or titlecase letters.
fn is_cased(c: char) -> bool {
    c.is_uppercase()
        || c.is_lowercase()
        || matches!(
            c,
            '\u{1c5}'
                | '\u{1c8}'
                | '\u{1cb}'
                | '\u{1f2}'
                | '\u{1f88}'..='\u{1f8f}'
                | '\u{1f98}'..='\u{1f9f}'
                | '\u{1fa8}'..='\u{1faf}'
                | '\u{1fbc}'
                | '\u{1fcc}'
                | '\u{1ffc}'
        )
}

fn title(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if !prev_cased {
            push_titlecase(&mut out, c);
        } else if c == '\u{3a3}' && !chars.peek().is_some_and(|&n| is_cased(n)) {
            // A capital sigma ending a word becomes the final form.
            out.push('\u{3c2}');
        } else {
            out.extend(c.to_lowercase());
        }
        prev_cased = is_cased(c);
    }
    ret(out)
}

fn capitalize(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let Some(first) = s.chars().next() else {
        return ret(String::new());
    };
    let mut out = String::with_capacity(s.len());
    push_titlecase(&mut out, first);
    // The rest in lowercase, with the whole string as the context of the
    // final-sigma rule.
    let lower = s.to_lowercase();
    let first_lower: String = first.to_lowercase().collect();
    out.push_str(lower.strip_prefix(first_lower.as_str()).unwrap_or(&lower));
    ret(out)
}

fn swapcase(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let out: String = s
        .chars()
        .flat_map(|c| -> Vec<char> {
            if c.is_uppercase() {
                c.to_lowercase().collect()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect();
    ret(out)
}

fn strip_chars<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<Option<&'a str>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => str_arg(vm, v, "strip arg").map(Some),
    }
}

fn do_strip(vm: &mut Vm, args: &[Value], left: bool, right: bool) -> PyResult<Value> {
    let s = this(vm, args)?;
    let chars = strip_chars(vm, args)?;
    let pat = |c: char| match chars {
        None => crate::fmt::is_py_space(c),
        Some(cs) => cs.contains(c),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(pat);
    }
    if right {
        r = r.trim_end_matches(pat);
    }
    if r.len() == s.len() {
        return Ok(args[0].clone());
    }
    ret(r.to_string())
}

fn strip(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    do_strip(vm, args, true, true)
}
fn lstrip(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    do_strip(vm, args, true, false)
}
fn rstrip(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    do_strip(vm, args, false, true)
}

fn split_args(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<(Option<String>, i64)> {
    let sep = match arg_or_kw(args, kw, 1, "sep") {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = str_arg(vm, v, "sep")?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s.to_string())
        }
    };
    let max = match arg_or_kw(args, kw, 2, "maxsplit") {
        None => -1,
        Some(v) => vm.to_index(v)?,
    };
    Ok((sep, max))
}

fn split(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?.to_string();
    let (sep, max) = split_args(vm, args, kw)?;
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if max < 0 {
                s.split(sep.as_str()).map(str::to_string).collect()
            } else {
                s.splitn(max as usize + 1, sep.as_str())
                    .map(str::to_string)
                    .collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(crate::fmt::is_py_space);
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(crate::fmt::is_py_space).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(crate::fmt::is_py_space);
            }
            out
        }
    };
    Ok(Value::list(parts.into_iter().map(new_str).collect()))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?.to_string();
    let (sep, max) = split_args(vm, args, kw)?;
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if max < 0 {
                s.rsplit(sep.as_str()).map(str::to_string).collect()
            } else {
                s.rsplitn(max as usize + 1, sep.as_str())
                    .map(str::to_string)
                    .collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(crate::fmt::is_py_space);
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(crate::fmt::is_py_space).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(crate::fmt::is_py_space);
            }
            out
        }
    };
    parts.reverse();
    Ok(Value::list(parts.into_iter().map(new_str).collect()))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let keep = match arg_or_kw(args, kw, 1, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (pos, c) = bytes[i];
        if matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        ) {
            let mut end = pos + c.len_utf8();
            if c == '\r' && i + 1 < bytes.len() && bytes[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(new_str(if keep { &s[start..end] } else { &s[start..pos] }));
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        out.push(new_str(&s[start..]));
    }
    Ok(Value::list(out))
}

fn join(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sep = this(vm, args)?.to_string();
    let items = vm.iterate(&args[1])?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        // A str subclass instance joins as its built-in value.
        let item = match x {
            Value::Instance(_) => crate::vm::ops::base_of(x).unwrap_or(x),
            _ => x,
        };
        match item {
            Value::Str(s) => out.push_str(s.as_str()),
            _ => {
                return Err(vm.type_error(format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    vm.type_name(x)
                )))
            }
        }
    }
    ret(out)
}

fn replace(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let old = str_arg(vm, &args[1], "replace() argument 1")?;
    let new = str_arg(vm, &args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    if count < 0 {
        ret(s.replace(old, new))
    } else {
        ret(s.replacen(old, new, count as usize))
    }
}

/// Byte range of the `[start:end]` arguments, as char indices converted.
/// The byte range of `args[from]`/`args[from + 1]` (character positions,
/// as a slice's) in the string a method was called on; `usize::MAX`s for a
/// range that finds nothing.
fn sub_range(vm: &mut Vm, args: &[Value], from: usize) -> PyResult<(usize, usize)> {
    let Some(Value::Str(p)) = args.first() else {
        unreachable!("called after `this` found a str");
    };
    let n = p.char_len();
    let none = Value::None;
    let a = args.get(from).unwrap_or(&none).clone();
    let b = args.get(from + 1).unwrap_or(&none).clone();
    let idx = vm.slice_indices(&a, &b, &Value::None, n)?;
    let (start, end) = (idx.start.max(0) as usize, idx.stop.max(0) as usize);
    // A start past the end finds nothing, not even the empty string.
    let past_end = !a.is_none() && vm.to_index(&a).is_ok_and(|i| i > n as i64);
    if start > end || past_end {
        return Ok((usize::MAX, usize::MAX));
    }
    Ok((p.byte_offset(start), p.byte_offset(end)))
}

fn find_impl(vm: &mut Vm, args: &[Value], rev: bool) -> PyResult<i64> {
    check_arity(vm, "find", args, 2, 4)?;
    let s = this(vm, args)?;
    let sub = str_arg(vm, &args[1], "must be str")?;
    let (a, b) = sub_range(vm, args, 2)?;
    if a == usize::MAX {
        return Ok(-1);
    }
    let hay = &s[a..b];
    let r = if rev { hay.rfind(sub) } else { hay.find(sub) };
    let Value::Str(p) = &args[0] else {
        unreachable!("`this` found a str");
    };
    Ok(r.map_or(-1, |i| p.char_of_byte(a + i) as i64))
}

fn find(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, false)?))
}
fn rfind(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, true)?))
}
fn index(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match find_impl(vm, args, false)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}
fn rindex(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match find_impl(vm, args, true)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let sub = str_arg(vm, &args[1], "must be str")?;
    let (a, b) = sub_range(vm, args, 2)?;
    if a == usize::MAX {
        return Ok(Value::Int(0));
    }
    let hay = &s[a..b];
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(sub).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix(vm: &mut Vm, args: &[Value], ends: bool) -> PyResult<Value> {
    check_arity(vm, if ends { "endswith" } else { "startswith" }, args, 2, 4)?;
    let s = this(vm, args)?;
    let (a, b) = sub_range(vm, args, 2)?;
    if a == usize::MAX {
        return Ok(Value::Bool(false));
    }
    let hay = &s[a..b];
    let test = |p: &str| {
        if ends {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    match &args[1] {
        Value::Str(p) => Ok(Value::Bool(test(p.as_str()))),
        Value::Tuple(t) => {
            for p in t.items.iter() {
                if test(str_arg(vm, p, "tuple item")?) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        v => Err(vm.type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            if ends { "endswith" } else { "startswith" },
            vm.type_name(v)
        ))),
    }
}

fn startswith(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    affix(vm, args, false)
}
fn endswith(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    affix(vm, args, true)
}

fn pred(vm: &mut Vm, args: &[Value], f: impl Fn(char) -> bool) -> PyResult<Value> {
    let s = this(vm, args)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

/// Whether `c` lies in one of the sorted runs of `table` (generated).
fn in_runs(table: &[(char, char)], c: char) -> bool {
    let i = table.partition_point(|&(_, last)| last < c);
    table.get(i).is_some_and(|&(first, _)| first <= c)
}

fn isdecimal(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pred(vm, args, |c| {
        c.is_ascii_digit() || (!c.is_ascii() && in_runs(super::str_tables::DECIMAL, c))
    })
}
fn isdigit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pred(vm, args, |c| {
        c.is_ascii_digit() || (!c.is_ascii() && in_runs(super::str_tables::DIGIT, c))
    })
}
fn isnumeric(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pred(vm, args, |c| {
        c.is_ascii_digit() || (!c.is_ascii() && in_runs(super::str_tables::NUMERIC, c))
    })
}
fn is_py_alpha(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && in_runs(super::str_tables::ALPHA, c))
}
fn isalpha(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pred(vm, args, is_py_alpha)
}
fn isalnum(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pred(vm, args, |c| {
        c.is_ascii_alphanumeric()
            || (!c.is_ascii() && (is_py_alpha(c) || in_runs(super::str_tables::NUMERIC, c)))
    })
}
fn isspace(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pred(vm, args, crate::fmt::is_py_space)
}
fn isascii(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    Ok(Value::Bool(s.is_ascii()))
}
fn isprintable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    Ok(Value::Bool(s.chars().all(crate::fmt::is_printable)))
}

fn isupper(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    Ok(Value::Bool(
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
    ))
}
fn islower(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    Ok(Value::Bool(
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
    ))
}
fn istitle(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let mut prev_cased = false;
    let mut any = false;
    for c in s.chars() {
        // Upper and titlecase letters may only start a cased run.
        if c.is_uppercase() || (is_cased(c) && !c.is_lowercase()) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(any))
}
fn isidentifier(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let mut cs = s.chars();
    let ok = match cs.next() {
        Some(c) => {
            in_runs(super::str_tables::ID_START, c)
                && cs.all(|c| in_runs(super::str_tables::ID_CONTINUE, c))
        }
        None => false,
    };
    Ok(Value::Bool(ok))
}

fn pad(vm: &mut Vm, args: &[Value], name: &str, align: char) -> PyResult<Value> {
    check_arity(vm, name, args, 2, 3)?;
    let s = this(vm, args)?.to_string();
    let width = vm.to_index(&args[1])?;
    let fill = match args.get(2) {
        Some(v) => {
            let f = str_arg(vm, v, "fill character")?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
        None => ' ',
    };
    let n = s.chars().count() as i64;
    if width <= n {
        return Ok(args[0].clone());
    }
    vm.check_alloc(width as usize, fill.len_utf8())?;
    let total = (width - n) as usize;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        // CPython's centering puts the extra space on the right unless odd width.
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let f = fill.to_string();
    ret(format!("{}{}{}", f.repeat(left), s, f.repeat(right)))
}

fn center(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pad(vm, args, "center", '^')
}
fn ljust(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pad(vm, args, "ljust", '<')
}
fn rjust(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pad(vm, args, "rjust", '>')
}

fn zfill(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?.to_string();
    let width = vm.to_index(&args[1])?.max(0) as usize;
    let n = s.chars().count();
    if width <= n {
        return Ok(args[0].clone());
    }
    vm.check_alloc(width, 1)?;
    let zeros = "0".repeat(width - n);
    let out = if s.starts_with('+') || s.starts_with('-') {
        format!("{}{}{}", &s[..1], zeros, &s[1..])
    } else {
        format!("{}{}", zeros, s)
    };
    ret(out)
}

fn partition_impl(vm: &mut Vm, args: &[Value], rev: bool) -> PyResult<Value> {
    check_arity(vm, "partition", args, 2, 2)?;
    let s = this(vm, args)?;
    let sep = str_arg(vm, &args[1], "sep")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if rev { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if rev => ["", "", s],
        None => [s, "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| new_str(*p)).collect()))
}

fn partition(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    partition_impl(vm, args, false)
}
fn rpartition(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?.to_string();
    let size = match arg_or_kw(args, kw, 1, "tabsize") {
        Some(v) => vm.to_index(v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    ret(out)
}

fn removeprefix(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let p = str_arg(vm, &args[1], "prefix")?;
    ret(s.strip_prefix(p).unwrap_or(s).to_string())
}

fn removesuffix(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let p = str_arg(vm, &args[1], "suffix")?;
    ret(s.strip_suffix(p).unwrap_or(s).to_string())
}

/// `str.encode(encoding="utf-8", errors="strict")`.
fn encode(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this(vm, args)?;
    let choice = super::bytes::codec_args(vm, args, kw, 1, "encode")?;
    Ok(new_bytes(choice.encode(vm, s)?))
}

fn add(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.binary_op(crate::compiler::bytecode::BinOp::Add, &args[0], &args[1])
}

fn mul(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.binary_op(crate::compiler::bytecode::BinOp::Mul, &args[0], &args[1])
}

fn modulo(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.binary_op(crate::compiler::bytecode::BinOp::Mod, &args[0], &args[1])
}

fn lt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.compare(crate::compiler::bytecode::CmpOp::Lt, &args[0], &args[1])
}

fn eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.compare(crate::compiler::bytecode::CmpOp::Eq, &args[0], &args[1])
}

fn hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(vm.hash(&args[0])?))
}
