//! `str % args` and `str.format(...)`: the parsing lives in `crate::fmt`,
//! the values come from here.

use crate::fmt::{self as pyfmt, Count, FieldAccess, FieldKey, FormatPiece, PercentPiece};
use crate::vm::arith::to_big;
use crate::vm::*;

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let pieces = pyfmt::parse_percent(fmt).map_err(|e| vm.value_error(e))?;
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.items.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        Value::Instance(_) if vm.lookup_special(args, "__getitem__").is_some() => {
            (vec![args.clone()], Some(args.clone()))
        }
        other => (vec![other.clone()], None),
    };
    let mut next = 0usize;
    let mut out = String::new();
    let mut take = |vm: &mut Vm| -> PyResult<Value> {
        let v = items.get(next).cloned();
        next += 1;
        v.ok_or_else(|| PyErr::from(vm.type_error("not enough arguments for format string")))
    };
    let mut used_mapping = false;
    for piece in pieces {
        match piece {
            PercentPiece::Literal(s) => out.push_str(&s),
            PercentPiece::Spec(spec) => {
                let width = match &spec.width {
                    Some(Count::Fixed(n)) => Some(*n),
                    Some(Count::Star) => {
                        let v = take(vm)?;
                        Some(vm.to_index(&v)?.max(0) as usize)
                    }
                    None => None,
                };
                let precision = match &spec.precision {
                    Some(Count::Fixed(n)) => Some(*n),
                    Some(Count::Star) => {
                        let v = take(vm)?;
                        Some(vm.to_index(&v)?.max(0) as usize)
                    }
                    None => None,
                };
                if spec.conv == '%' {
                    out.push('%');
                    continue;
                }
                let value = match &spec.key {
                    Some(k) => {
                        let Some(m) = &mapping else {
                            return Err(PyErr::from(vm.type_error("format requires a mapping")));
                        };
                        used_mapping = true;
                        vm.getitem(m, &new_str(k.as_str()))?
                    }
                    None => take(vm)?,
                };
                let text = match spec.conv {
                    's' => {
                        let s = vm.str_(&value)?;
                        pyfmt::percent_str(&s, &spec, width, precision)
                    }
                    'r' | 'a' => {
                        let mut s = vm.repr(&value)?;
                        if spec.conv == 'a' {
                            s = super::ascii_escape(&s);
                        }
                        pyfmt::percent_str(&s, &spec, width, precision)
                    }
                    'c' => {
                        let s = match &value {
                            Value::Str(s) if s.char_len() == 1 => s.as_str().to_string(),
                            Value::Int(i) => char::from_u32(*i as u32)
                                .map(|c| c.to_string())
                                .unwrap_or_default(),
                            _ => return Err(PyErr::from(vm.type_error("%c requires int or char"))),
                        };
                        pyfmt::percent_str(&s, &spec, width, None)
                    }
                    'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                        let b = match &value {
                            Value::Float(f) => to_big(&super::num::to_int(vm, &Value::Float(*f))?),
                            v => to_big(v),
                        };
                        let b = match b {
                            Some(b) => b,
                            None => {
                                let iv = match vm
                                    .lookup_special(&value, "__int__")
                                    .or_else(|| vm.lookup_special(&value, "__index__"))
                                {
                                    Some(m) => vm.call(&m, &[], &[])?,
                                    None => {
                                        return Err(PyErr::from(vm.type_error(format!(
                                            "%{} format: a real number is required, not {}",
                                            spec.conv,
                                            vm.type_name(&value)
                                        ))))
                                    }
                                };
                                to_big(&iv).unwrap_or_default()
                            }
                        };
                        pyfmt::percent_int(&b, &spec, width, precision)
                    }
                    'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                        let f = match super::num::to_float(vm, &value) {
                            Ok(f) => f,
                            Err(_) => {
                                return Err(PyErr::from(vm.type_error(format!(
                                    "must be real number, not {}",
                                    vm.type_name(&value)
                                ))))
                            }
                        };
                        pyfmt::percent_float(f, &spec, width, precision)
                    }
                    c => {
                        return Err(PyErr::from(vm.value_error(format!(
                            "unsupported format character '{}' (0x{:x})",
                            c, c as u32
                        ))));
                    }
                };
                out.push_str(&text);
            }
        }
    }
    if mapping.is_none()
        && next < items.len()
        && !matches!(args, Value::Tuple(t) if t.items.is_empty() && next == 0)
    {
        return Err(PyErr::from(vm.type_error(
            "not all arguments converted during string formatting",
        )));
    }
    let _ = used_mapping;
    Ok(out)
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Str(fmt)) = args.first() else {
        return Err(PyErr::from(vm.type_error("format() needs a str")));
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
        return Err(PyErr::from(
            vm.type_error("format_map() takes exactly one argument"),
        ));
    };
    let (fmt, m) = (fmt.clone(), m.clone());
    let pieces = pyfmt::parse_format_string(fmt.as_str()).map_err(|e| vm.value_error(e))?;
    let mut out = String::new();
    for p in pieces {
        match p {
            FormatPiece::Literal(s) => out.push_str(&s),
            FormatPiece::Field(f) => {
                let FieldKey::Name(name) = &f.name.first else {
                    return Err(PyErr::from(
                        vm.value_error("Format string contains positional fields"),
                    ));
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
        return Err(PyErr::from(vm.value_error("Max string recursion exceeded")));
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
                            return Err(PyErr::from(vm.value_error("cannot switch from manual field specification to automatic field numbering")));
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
                            return Err(PyErr::from(vm.value_error("cannot switch from automatic field numbering to manual field specification")));
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
                        None => return Err(PyErr::from(vm.key_error(new_str(n.as_str())))),
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
        Some('a') => new_str(super::ascii_escape(&vm.repr(v)?)),
        Some(c) => {
            return Err(PyErr::from(
                vm.value_error(format!("Unknown conversion specifier {}", c)),
            ))
        }
        None => v.clone(),
    };
    vm.format(&v, spec)
}
