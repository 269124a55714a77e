//! `str % args` and `bytes % args`, which the `%` operator needs: the
//! parsing lives in `crate::fmt`, the values come from here.

use crate::fmt::{self as pyfmt, Count, PercentPiece};
use crate::vm::arith::to_big;
use crate::vm::*;

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    format_pieces(vm, fmt, args, false)
}

/// `fmt % args` for bytes: the same pieces, over the bytes read as Latin-1
/// text (one character per byte), with `%s`/`%b` taking bytes-like values.
pub fn bytes_percent_format(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let text: String = fmt.iter().map(|&b| b as char).collect();
    let out = format_pieces(vm, &text, args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

/// The bytes of `%s`/`%b` in a bytes format, as Latin-1 text.
fn bytes_arg(vm: &mut Vm, value: &Value) -> PyResult<String> {
    if let Some(b) = crate::vm::bytes::bytes_like(value) {
        return Ok(b.iter().map(|&c| c as char).collect());
    }
    if let Some(m) = vm.lookup_special(value, "__bytes__") {
        let r = vm.call(&m, &[], &[])?;
        if let Some(b) = crate::vm::bytes::bytes_like(&r) {
            return Ok(b.iter().map(|&c| c as char).collect());
        }
    }
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        vm.type_name(value)
    )))
}

fn format_pieces(vm: &mut Vm, fmt: &str, args: &Value, bytes: bool) -> PyResult<String> {
    let parsed = if bytes {
        pyfmt::parse_percent_bytes(fmt)
    } else {
        pyfmt::parse_percent(fmt)
    };
    let pieces = parsed.map_err(|e| vm.value_error(e))?;
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.items.to_vec(), None),
        // A tuple subclass (a named tuple) is the argument tuple too.
        Value::Instance(i) if matches!(i.base, Some(Value::Tuple(_))) => match &i.base {
            Some(Value::Tuple(t)) => (t.items.to_vec(), None),
            _ => unreachable!("matched above"),
        },
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        Value::Instance(_) | Value::Native(_)
            if !crate::vm::bytes::is_bytes_like(args)
                && vm.lookup_special(args, "__getitem__").is_some() =>
        {
            (vec![args.clone()], Some(args.clone()))
        }
        other => (vec![other.clone()], None),
    };
    let mut next = 0usize;
    let mut out = String::new();
    let mut take = |vm: &mut Vm| -> PyResult<Value> {
        let v = items.get(next).cloned();
        next += 1;
        v.ok_or_else(|| vm.type_error("not enough arguments for format string"))
    };
    let mut used_mapping = false;
    for piece in pieces {
        match piece {
            PercentPiece::Literal(s) => out.push_str(&s),
            PercentPiece::Spec(mut spec) => {
                let width = match &spec.width {
                    Some(Count::Fixed(n)) => Some(*n),
                    Some(Count::Star) => {
                        // A negative width left-justifies.
                        let v = take(vm)?;
                        let w = vm.to_index(&v)?;
                        spec.flags.minus |= w < 0;
                        Some(w.unsigned_abs() as usize)
                    }
                    None => None,
                };
                if let Some(w) = width {
                    vm.check_alloc(w, 1)?;
                }
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
                            return Err(vm.type_error("format requires a mapping"));
                        };
                        used_mapping = true;
                        vm.getitem(m, &new_str(k.as_str()))?
                    }
                    None => take(vm)?,
                };
                let text = match spec.conv {
                    's' | 'b' if bytes => {
                        let s = bytes_arg(vm, &value)?;
                        pyfmt::percent_str(&s, &spec, width, precision)
                    }
                    'r' | 'a' if bytes => {
                        let s = crate::vm::repr::ascii_escape(&vm.repr(&value)?);
                        pyfmt::percent_str(&s, &spec, width, precision)
                    }
                    'c' if bytes => {
                        let c = match crate::vm::bytes::bytes_like(&value) {
                            Some(b) if b.len() == 1 => b[0],
                            Some(_) => {
                                return Err(vm.type_error(
                                    "%c requires an integer in range(256) or a single byte",
                                ))
                            }
                            None => match &value {
                                Value::Int(i) if (0..256).contains(i) => *i as u8,
                                Value::Int(_) => {
                                    return Err(vm.overflow_error("%c arg not in range(256)"))
                                }
                                _ => {
                                    return Err(vm.type_error(
                                        "%c requires an integer in range(256) or a single byte",
                                    ))
                                }
                            },
                        };
                        pyfmt::percent_str(&(c as char).to_string(), &spec, width, None)
                    }
                    's' => {
                        let s = vm.str_(&value)?;
                        pyfmt::percent_str(&s, &spec, width, precision)
                    }
                    'r' | 'a' => {
                        let mut s = vm.repr(&value)?;
                        if spec.conv == 'a' {
                            s = crate::vm::repr::ascii_escape(&s);
                        }
                        pyfmt::percent_str(&s, &spec, width, precision)
                    }
                    'c' => {
                        let s = match &value {
                            Value::Str(s) if s.char_len() == 1 => s.as_str().to_string(),
                            Value::Int(i) if !(0..0x110000).contains(i) => {
                                return Err(vm.overflow_error("%c arg not in range(0x110000)"))
                            }
                            Value::Int(i) => char::from_u32(*i as u32)
                                .map(|c| c.to_string())
                                .unwrap_or_default(),
                            Value::BigInt(_) => {
                                return Err(vm.overflow_error("%c arg not in range(0x110000)"))
                            }
                            _ => return Err(vm.type_error("%c requires int or char")),
                        };
                        pyfmt::percent_str(&s, &spec, width, None)
                    }
                    'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                        // `%o` `%x` `%X` take integers only (`__index__`),
                        // `%d` and the like any real number.
                        let integral = matches!(spec.conv, 'o' | 'x' | 'X');
                        if integral
                            && to_big(&value).is_none()
                            && vm.lookup_special(&value, "__index__").is_none()
                        {
                            return Err(vm.type_error(format!(
                                "%{} format: an integer is required, not {}",
                                spec.conv,
                                vm.type_name(&value)
                            )));
                        }
                        let b = match &value {
                            Value::Float(f) => {
                                to_big(&super::convert::to_int(vm, &Value::Float(*f))?)
                            }
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
                                        return Err(vm.type_error(format!(
                                            "%{} format: a real number is required, not {}",
                                            spec.conv,
                                            vm.type_name(&value)
                                        )))
                                    }
                                };
                                to_big(&iv).unwrap_or_default()
                            }
                        };
                        if matches!(spec.conv, 'd' | 'i' | 'u') && b.bits() > 63 {
                            super::convert::check_int_str_digits(vm, &b)?;
                        }
                        pyfmt::percent_int(&b, &spec, width, precision)
                    }
                    'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                        let f = match super::convert::to_float(vm, &value) {
                            Ok(f) => f,
                            Err(_) => {
                                return Err(vm.type_error(format!(
                                    "must be real number, not {}",
                                    vm.type_name(&value)
                                )))
                            }
                        };
                        pyfmt::percent_float(f, &spec, width, precision)
                    }
                    c => {
                        return Err(vm.value_error(format!(
                            "unsupported format character '{}' (0x{:x})",
                            c, c as u32
                        )));
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
        return Err(vm.type_error(if bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    let _ = used_mapping;
    Ok(out)
}
