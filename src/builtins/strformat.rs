//! `str.format(...)` and `str.format_map(...)`: the parsing lives in
//! `crate::fmt`, the values come from here.

use crate::fmt::{self as pyfmt, FieldAccess, FieldKey, FormatPiece};
use crate::vm::*;

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Str(fmt)) = args.first() else {
        return Err(vm.type_error("format() needs a str"));
    };
    let fmt = fmt.clone();
    let mut auto = 0usize;
    let s = format_with(
        vm,
        fmt.as_str(),
        &args[1..],
        &|name| {
            kw.iter()
                .find(|(k, _)| k.as_str() == name)
                .map(|(_, v)| v.clone())
        },
        &mut auto,
        0,
    )?;
    Ok(new_str(s))
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (Some(Value::Str(fmt)), Some(m)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("format_map() takes exactly one argument"));
    };
    let (fmt, m) = (fmt.clone(), m.clone());
    let pieces = pyfmt::parse_format_string(fmt.as_str()).map_err(|e| vm.value_error(e))?;
    let mut out = String::new();
    for p in pieces {
        match p {
            FormatPiece::Literal(s) => out.push_str(&s),
            FormatPiece::Field(f) => {
                let FieldKey::Name(name) = &f.name.first else {
                    return Err(vm.value_error("Format string contains positional fields"));
                };
                let v = vm.getitem(&m, &new_str(name.as_str()))?;
                let v = access(vm, v, &f.name.rest)?;
                out.push_str(&convert_and_format(vm, &v, f.conversion, &f.spec)?);
            }
        }
    }
    Ok(new_str(out))
}

fn format_with(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kw: &dyn Fn(&str) -> Option<Value>,
    auto: &mut usize,
    depth: usize,
) -> PyResult<String> {
    if depth > 2 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let pieces = pyfmt::parse_format_string(fmt).map_err(|e| vm.value_error(e))?;
    let mut out = String::new();
    let mut manual = false;
    for p in pieces {
        match p {
            FormatPiece::Literal(s) => out.push_str(&s),
            FormatPiece::Field(f) => {
                let v = match &f.name.first {
                    FieldKey::Auto => {
                        if manual {
                            return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
                        }
                        let i = *auto;
                        *auto += 1;
                        args.get(i).cloned().ok_or_else(|| {
                            vm.index_error(format!(
                                "Replacement index {} out of range for positional args tuple",
                                i
                            ))
                        })?
                    }
                    FieldKey::Index(i) => {
                        if *auto > 0 {
                            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
                        }
                        manual = true;
                        args.get(*i).cloned().ok_or_else(|| {
                            vm.index_error(format!(
                                "Replacement index {} out of range for positional args tuple",
                                i
                            ))
                        })?
                    }
                    FieldKey::Name(n) => match kw(n) {
                        Some(v) => v,
                        None => return Err(vm.key_error(new_str(n.as_str()))),
                    },
                };
                let v = access(vm, v, &f.name.rest)?;
                let spec = if f.spec.contains('{') {
                    format_with(vm, &f.spec, args, kw, auto, depth + 1)?
                } else {
                    f.spec.clone()
                };
                out.push_str(&convert_and_format(vm, &v, f.conversion, &spec)?);
            }
        }
    }
    Ok(out)
}

fn access(vm: &mut Vm, mut v: Value, rest: &[FieldAccess]) -> PyResult<Value> {
    for a in rest {
        v = match a {
            FieldAccess::Attr(name) => vm.getattr_str(&v, name)?,
            FieldAccess::Index(i) => vm.getitem(&v, &Value::Int(*i as i64))?,
            FieldAccess::Key(k) => vm.getitem(&v, &new_str(k.as_str()))?,
        };
    }
    Ok(v)
}

fn convert_and_format(
    vm: &mut Vm,
    v: &Value,
    conversion: Option<char>,
    spec: &str,
) -> PyResult<String> {
    let v = match conversion {
        Some('r') => new_str(vm.repr(v)?),
        Some('s') => new_str(vm.str_(v)?),
        Some('a') => new_str(crate::vm::repr::ascii_escape(&vm.repr(v)?)),
        Some(c) => return Err(vm.value_error(format!("Unknown conversion specifier {}", c))),
        None => v.clone(),
    };
    vm.format(&v, spec)
}
