//! `_pickle`: the native core of `pickle`. Encoding and decoding run here
//! because a process pool pickles every task and result; the policy for
//! arbitrary objects (`__reduce_ex__`, copyreg's default reduction, global
//! names, `find_class`) lives in `pickle.py`, reached through a hook only for
//! objects that are not built-in scalars or containers. That keeps the hot
//! path native and the rules CPython writes in Python readable in Python.

mod decode;
mod encode;

use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;

/// The opcodes (PEP 3154, PEP 574, pickletools).
pub mod op {
    pub const MARK: u8 = b'(';
    pub const STOP: u8 = b'.';
    pub const POP: u8 = b'0';
    pub const POP_MARK: u8 = b'1';
    pub const DUP: u8 = b'2';
    pub const FLOAT: u8 = b'F';
    pub const INT: u8 = b'I';
    pub const BININT: u8 = b'J';
    pub const BININT1: u8 = b'K';
    pub const LONG: u8 = b'L';
    pub const BININT2: u8 = b'M';
    pub const NONE: u8 = b'N';
    pub const PERSID: u8 = b'P';
    pub const BINPERSID: u8 = b'Q';
    pub const REDUCE: u8 = b'R';
    pub const STRING: u8 = b'S';
    pub const BINSTRING: u8 = b'T';
    pub const SHORT_BINSTRING: u8 = b'U';
    pub const UNICODE: u8 = b'V';
    pub const BINUNICODE: u8 = b'X';
    pub const APPEND: u8 = b'a';
    pub const BUILD: u8 = b'b';
    pub const GLOBAL: u8 = b'c';
    pub const DICT: u8 = b'd';
    pub const EMPTY_DICT: u8 = b'}';
    pub const APPENDS: u8 = b'e';
    pub const GET: u8 = b'g';
    pub const BINGET: u8 = b'h';
    pub const INST: u8 = b'i';
    pub const LONG_BINGET: u8 = b'j';
    pub const LIST: u8 = b'l';
    pub const EMPTY_LIST: u8 = b']';
    pub const OBJ: u8 = b'o';
    pub const PUT: u8 = b'p';
    pub const BINPUT: u8 = b'q';
    pub const LONG_BINPUT: u8 = b'r';
    pub const SETITEM: u8 = b's';
    pub const TUPLE: u8 = b't';
    pub const EMPTY_TUPLE: u8 = b')';
    pub const SETITEMS: u8 = b'u';
    pub const BINFLOAT: u8 = b'G';
    pub const PROTO: u8 = 0x80;
    pub const NEWOBJ: u8 = 0x81;
    pub const EXT1: u8 = 0x82;
    pub const EXT2: u8 = 0x83;
    pub const EXT4: u8 = 0x84;
    pub const TUPLE1: u8 = 0x85;
    pub const TUPLE2: u8 = 0x86;
    pub const TUPLE3: u8 = 0x87;
    pub const NEWTRUE: u8 = 0x88;
    pub const NEWFALSE: u8 = 0x89;
    pub const LONG1: u8 = 0x8a;
    pub const LONG4: u8 = 0x8b;
    pub const BINBYTES: u8 = b'B';
    pub const SHORT_BINBYTES: u8 = b'C';
    pub const SHORT_BINUNICODE: u8 = 0x8c;
    pub const BINUNICODE8: u8 = 0x8d;
    pub const BINBYTES8: u8 = 0x8e;
    pub const EMPTY_SET: u8 = 0x8f;
    pub const ADDITEMS: u8 = 0x90;
    pub const FROZENSET: u8 = 0x91;
    pub const NEWOBJ_EX: u8 = 0x92;
    pub const STACK_GLOBAL: u8 = 0x93;
    pub const MEMOIZE: u8 = 0x94;
    pub const FRAME: u8 = 0x95;
    pub const BYTEARRAY8: u8 = 0x96;
    pub const NEXT_BUFFER: u8 = 0x97;
    pub const READONLY_BUFFER: u8 = 0x98;
}

/// Markers for the error classes in the registry of native classes.
struct PicklingErrorMarker;
struct UnpicklingErrorMarker;

pub fn pickling_error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.new_error(&class_for::<PicklingErrorMarker>(vm), msg)
}

pub fn unpickling_error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.new_error(&class_for::<UnpicklingErrorMarker>(vm), msg)
}

fn opt(v: Option<&Value>) -> Option<Value> {
    v.filter(|v| !v.is_none()).cloned()
}

/// `dumps(obj, protocol, hook, persistent_id=None, memo=None)`.
fn dumps(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let proto = match args.get(1) {
        Some(Value::Int(p)) if (0..=5).contains(p) => *p as u8,
        _ => return Err(vm.value_error("pickle protocol must be <= 5")),
    };
    let mut enc = encode::Encoder::new(proto, args[2].clone(), opt(args.get(3)));
    // A Pickler's memo (a list) lives across its dump() calls, as CPython's.
    let memo = match args.get(4) {
        Some(Value::List(l)) => Some(l.clone()),
        _ => None,
    };
    let before = match &memo {
        Some(l) => {
            let objects = l.lock().clone();
            enc.preload_memo(&objects);
            objects.len()
        }
        None => 0,
    };
    enc.dump(vm, &args[0])?;
    if let Some(l) = &memo {
        let added = enc.memo_since(before);
        l.lock().extend(added);
    }
    Ok(new_bytes(enc.out))
}

fn encoding_arg(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::Str(s)) if s.as_str() != "bytes" => Some(s.as_str().to_string()),
        Some(Value::Str(_)) | None | Some(Value::None) => None,
        Some(_) => Some("ASCII".to_string()),
    }
}

/// `loads(data, find_class, persistent_load=None, buffers=None, encoding='ASCII')`.
fn loads(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(data) = crate::vm::bytes::bytes_like(&args[0]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args[0])
        )));
    };
    let src = decode::Source::from_bytes(data.into_owned());
    let mut dec = decode::Decoder::new(
        src,
        args[1].clone(),
        opt(args.get(2)),
        opt(args.get(3)),
        encoding_arg(args.get(4)),
    );
    dec.load(vm)
}

/// `load(read, readline, find_class, persistent_load, buffers, encoding)`.
fn load(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let src = decode::Source::from_file(args[0].clone(), args[1].clone());
    let mut dec = decode::Decoder::new(
        src,
        args[2].clone(),
        opt(args.get(3)),
        opt(args.get(4)),
        encoding_arg(args.get(5)),
    );
    dec.load(vm)
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let exception = vm.types().exc.Exception.clone();
    let mut ns = DictMap::new();
    ns.set_by_str("__module__", new_str("_pickle"));
    let base = make_class(
        vm.intern("PickleError"),
        vm.intern("PickleError"),
        vec![exception],
        ns,
        false,
    )
    .expect("one base has a consistent MRO");
    d.set_by_str("PickleError", Value::Class(base.clone()));
    for (name, id) in [
        (
            "PicklingError",
            std::any::TypeId::of::<PicklingErrorMarker>(),
        ),
        (
            "UnpicklingError",
            std::any::TypeId::of::<UnpicklingErrorMarker>(),
        ),
    ] {
        let mut ns = DictMap::new();
        ns.set_by_str("__module__", new_str("_pickle"));
        let cls = make_class(
            vm.intern(name),
            vm.intern(name),
            vec![base.clone()],
            ns,
            false,
        )
        .expect("one base has a consistent MRO");
        vm.interp.native_classes.lock().insert(id, cls.clone());
        d.set_by_str(name, Value::Class(cls));
    }
    add_functions(
        vm,
        d,
        &[
            ("dumps", Arity::range(3, 5), dumps),
            ("loads", Arity::range(2, 5), loads),
            ("load", Arity::range(3, 6), load),
        ],
    );
    Ok(())
}
