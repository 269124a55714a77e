//! `UnicodeEncodeError`, `UnicodeDecodeError` and `UnicodeTranslateError`:
//! their five (translate: four) arguments become attributes, and `str()`
//! says which character or bytes could not be handled, as CPython's.

use crate::vm::native::*;
use crate::vm::value::new_str;
use crate::vm::*;

pub fn install(vm: &mut Vm) {
    let exc = &vm.types().exc;
    let classes = [
        exc.UnicodeEncodeError.clone(),
        exc.UnicodeDecodeError.clone(),
        exc.UnicodeTranslateError.clone(),
    ];
    for cls in classes {
        add_methods(
            vm,
            &cls,
            &[
                ("__init__", Arity::ANY, unicode_error_init),
                ("__str__", Arity::exact(0), unicode_error_str),
            ],
        );
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Encode,
    Decode,
    Translate,
}

fn kind(vm: &Vm, e: &Value) -> Kind {
    let exc = &vm.types().exc;
    let cls = vm.class_of(e);
    if cls.is_subclass(&exc.UnicodeDecodeError) {
        Kind::Decode
    } else if cls.is_subclass(&exc.UnicodeTranslateError) {
        Kind::Translate
    } else {
        Kind::Encode
    }
}

fn unicode_error_init(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let this = &args[0];
    let given = &args[1..];
    let k = kind(vm, this);
    let names: &[&str] = match k {
        Kind::Translate => &["object", "start", "end", "reason"],
        _ => &["encoding", "object", "start", "end", "reason"],
    };
    if given.len() != names.len() {
        return Err(vm.type_error(format!(
            "function takes exactly {} arguments ({} given)",
            names.len(),
            given.len()
        )));
    }
    let mut values = Vec::with_capacity(names.len());
    for (i, (name, v)) in names.iter().zip(given).enumerate() {
        let want = match *name {
            "start" | "end" => "int",
            "object" if k == Kind::Decode => "bytes-like object",
            _ => "str",
        };
        let v = match want {
            "int" => Value::Int(vm.to_index(v)?),
            "str" if matches!(v, Value::Str(_)) => v.clone(),
            "bytes-like object" => match crate::vm::bytes::bytes_like(v) {
                Some(b) => crate::vm::value::new_bytes(b.into_owned()),
                None => {
                    return Err(vm.type_error(format!(
                        "argument {} must be bytes-like object, not '{}'",
                        i + 1,
                        vm.type_name(v)
                    )))
                }
            },
            _ => {
                return Err(vm.type_error(format!(
                    "argument {} must be str, not {}",
                    i + 1,
                    vm.type_name(v)
                )))
            }
        };
        values.push(v);
    }
    if let Some(d) = vm.exc_data(this) {
        d.lock().args = Value::tuple(given.to_vec());
    }
    for (name, v) in names.iter().zip(values) {
        let name = vm.intern(name);
        vm.setattr(this, &name, v)?;
    }
    Ok(Value::None)
}

fn unicode_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let this = &args[0];
    let k = kind(vm, this);
    let get = |vm: &mut Vm, name: &str| -> PyResult<Option<Value>> {
        let name = vm.intern(name);
        vm.getattr_opt(this, &name)
    };
    let (Some(object), Some(start), Some(end), Some(reason)) = (
        get(vm, "object")?,
        get(vm, "start")?,
        get(vm, "end")?,
        get(vm, "reason")?,
    ) else {
        // Made without its arguments (`UnicodeError.__new__`): nothing to say.
        return Ok(new_str(String::new()));
    };
    let reason = vm.str_(&reason)?;
    let (start, end) = (vm.to_index(&start)?, vm.to_index(&end)?);
    let codec = match k {
        Kind::Translate => String::new(),
        _ => match get(vm, "encoding")? {
            Some(e) => format!("'{}' codec ", vm.str_(&e)?),
            None => String::new(),
        },
    };
    let verb = match k {
        Kind::Encode => "encode",
        Kind::Decode => "decode",
        Kind::Translate => "translate",
    };
    let one = end == start + 1;
    let msg = match k {
        Kind::Decode => {
            let bytes = crate::vm::bytes::bytes_like(&object).map(|b| b.into_owned());
            match bytes.as_deref().and_then(|b| b.get(start as usize)) {
                Some(b) if one => {
                    format!("{codec}can't decode byte 0x{b:02x} in position {start}: {reason}")
                }
                _ => format!(
                    "{codec}can't decode bytes in position {start}-{}: {reason}",
                    end - 1
                ),
            }
        }
        _ => {
            let ch = object
                .as_str()
                .and_then(|s| s.chars().nth(start.max(0) as usize));
            match ch {
                Some(c) if one => {
                    let n = c as u32;
                    let shown = if n <= 0xff {
                        format!("\\x{n:02x}")
                    } else if n <= 0xffff {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    format!("{codec}can't {verb} character '{shown}' in position {start}: {reason}")
                }
                _ => format!(
                    "{codec}can't {verb} characters in position {start}-{}: {reason}",
                    end - 1
                ),
            }
        }
    };
    Ok(new_str(msg))
}
