//! `str.maketrans` and `str.translate`.

use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points,
/// strings or None.
fn maketrans(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let table = Value::dict(DictMap::new());
    let Value::Dict(out) = &table else {
        unreachable!("made as a dict")
    };
    match args {
        [x] => {
            let Value::Dict(d) = x else {
                return Err(
                    vm.type_error("if you give only one argument to maketrans it must be a dict")
                );
            };
            let items = d.lock().items();
            for (k, v) in items {
                let key = match &k {
                    Value::Str(s) => {
                        let mut cs = s.as_str().chars();
                        match (cs.next(), cs.next()) {
                            (Some(c), None) => Value::Int(c as i64),
                            _ => {
                                return Err(vm.value_error(
                                    "string keys in translate table must be of length 1",
                                ))
                            }
                        }
                    }
                    Value::Int(_) | Value::Bool(_) => Value::Int(vm.to_index(&k)?),
                    _ => {
                        return Err(
                            vm.type_error("keys in translate table must be strings or integers")
                        )
                    }
                };
                vm.dict_set(out, key, v)?;
            }
        }
        [x, y, rest @ ..] if rest.len() <= 1 => {
            let (Value::Str(x), Value::Str(y)) = (x, y) else {
                return Err(vm.type_error("maketrans() arguments must be strings"));
            };
            let (xs, ys): (Vec<char>, Vec<char>) =
                (x.as_str().chars().collect(), y.as_str().chars().collect());
            if xs.len() != ys.len() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in xs.iter().zip(&ys) {
                vm.dict_set(out, Value::Int(*a as i64), Value::Int(*b as i64))?;
            }
            if let Some(z) = rest.first() {
                let Value::Str(z) = z else {
                    return Err(vm.type_error("maketrans() argument 3 must be str"));
                };
                for c in z.as_str().chars() {
                    vm.dict_set(out, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => {
            return Err(vm.type_error(format!(
                "maketrans expected at most 3 arguments, got {}",
                args.len()
            )))
        }
    }
    Ok(table)
}

/// `s.translate(table)`: each character looked up by its code point; a
/// missing one stays, None deletes it.
fn translate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Value::Str(s) = &args[0] else {
        return Err(vm.type_error("descriptor 'translate' requires a 'str' object"));
    };
    let table = &args[1];
    let lookup_error = vm.types().exc.LookupError.clone();
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let key = Value::Int(c as i64);
        let found = match table {
            Value::Dict(d) => vm.dict_get(d, &key)?,
            _ => match vm.getitem(table, &key) {
                Ok(v) => Some(v),
                Err(e) if vm.isinstance(&e, &lookup_error) => None,
                Err(e) => return Err(e),
            },
        };
        match found {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Str(r)) => out.push_str(r.as_str()),
            Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
                let n = vm.to_index(&v)?;
                match u32::try_from(n).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(vm.value_error("character mapping must be in range(0x110000)"))
                    }
                }
            }
            Some(_) => {
                return Err(vm.type_error("character mapping must return integer, None or str"))
            }
        }
    }
    Ok(new_str(out))
}

pub fn install(vm: &mut Vm) {
    let s = vm.types().str_.clone();
    add_methods(vm, &s, &[("translate", Arity::exact(1), translate)]);
    s.dict.lock().set_str(
        &vm.intern("maketrans"),
        Value::native(Native::StaticMethod(builtin("maketrans", maketrans))),
    );
}
