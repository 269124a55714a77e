//! `hashlib`: MD5, SHA-1 and the SHA-2 family with the RustCrypto
//! implementations. Hashing more than 2 KiB releases the GIL, as CPython
//! does, so that threads hashing large buffers run in parallel.

use crate::vm::bytes::bytes_like;
use crate::vm::dict::DictMap;
use crate::vm::lock::Mutex;
use crate::vm::native::*;
use crate::vm::*;
use sha2::Digest;
use std::borrow::Cow;

/// CPython's threshold for releasing the GIL while hashing.
const GIL_MINSIZE: usize = 2048;

/// The algorithms, by the names `hashlib` knows them.
const NAMES: [&str; 6] = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];

#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl State {
    fn new(name: &str) -> Option<State> {
        Some(match name {
            "md5" => State::Md5(md5::Md5::new()),
            "sha1" => State::Sha1(sha1::Sha1::new()),
            "sha224" => State::Sha224(sha2::Sha224::new()),
            "sha256" => State::Sha256(sha2::Sha256::new()),
            "sha384" => State::Sha384(sha2::Sha384::new()),
            "sha512" => State::Sha512(sha2::Sha512::new()),
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Sha224(h) => h.update(data),
            State::Sha256(h) => h.update(data),
            State::Sha384(h) => h.update(data),
            State::Sha512(h) => h.update(data),
        }
    }

    /// The digest so far (the state goes on).
    fn digest(&self) -> Vec<u8> {
        match self.clone() {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            State::Md5(_) => "md5",
            State::Sha1(_) => "sha1",
            State::Sha224(_) => "sha224",
            State::Sha256(_) => "sha256",
            State::Sha384(_) => "sha384",
            State::Sha512(_) => "sha512",
        }
    }

    fn digest_size(&self) -> i64 {
        match self {
            State::Md5(_) => 16,
            State::Sha1(_) => 20,
            State::Sha224(_) => 28,
            State::Sha256(_) => 32,
            State::Sha384(_) => 48,
            State::Sha512(_) => 64,
        }
    }

    fn block_size(&self) -> i64 {
        match self {
            State::Sha384(_) | State::Sha512(_) => 128,
            _ => 64,
        }
    }
}

/// A hash object (CPython's `_hashlib.HASH`).
struct Hash {
    state: Mutex<State>,
}

/// The data to hash, or CPython's `TypeError`.
fn data_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    if matches!(v, Value::Str(_)) {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    bytes_like(v).ok_or_else(|| vm.type_error("object supporting the buffer API required"))
}

/// Feeds `data` to `h`; with the GIL released for a large buffer (whose
/// bytes are borrowed from an immutable `bytes` or copied, never shared
/// with Python code meanwhile).
fn feed(vm: &mut Vm, h: &Hash, data: &[u8]) {
    if data.len() > GIL_MINSIZE {
        vm.allow_threads(Wait::Sync, || h.state.lock().update(data));
    } else {
        h.state.lock().update(data);
    }
}

fn new_hash(vm: &mut Vm, name: &str, data: Option<&Value>) -> PyResult<Value> {
    let Some(state) = State::new(name) else {
        return Err(vm.value_error(format!("unsupported hash type {}", name)));
    };
    let h = Hash {
        state: Mutex::new(state),
    };
    if let Some(d) = data {
        let bytes = data_arg(vm, d)?;
        feed(vm, &h, &bytes);
    }
    Ok(new_object(vm, h))
}

/// The `string` argument (3.11's name) and `usedforsecurity` of a
/// constructor.
fn ctor_data<'a>(
    vm: &Vm,
    name: &str,
    args: &'a [Value],
    kw: &'a [(Str, Value)],
) -> PyResult<Option<&'a Value>> {
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "openssl_{}() takes at most 1 positional argument ({} given)",
            name,
            args.len()
        )));
    }
    for (k, _) in kw {
        if k.as_str() != "string" && k.as_str() != "usedforsecurity" {
            return Err(vm.type_error(format!(
                "openssl_{}() got an unexpected keyword argument '{}'",
                name,
                k.as_str()
            )));
        }
    }
    Ok(arg_or_kw(args, kw, 0, "string"))
}

macro_rules! constructors {
    ($($f:ident => $name:expr;)*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
            let data = ctor_data(vm, $name, args, kw)?;
            new_hash(vm, $name, data)
        })*
    };
}

constructors! {
    md5 => "md5";
    sha1 => "sha1";
    sha224 => "sha224";
    sha256 => "sha256";
    sha384 => "sha384";
    sha512 => "sha512";
}

/// `hashlib.new(name, data=b'', **kwargs)`.
fn new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(name) = arg_or_kw(args, kw, 0, "name") else {
        return Err(vm.type_error("__hash_new() missing 1 required positional argument: 'name'"));
    };
    let Value::Str(name) = name else {
        return Err(vm.type_error(format!(
            "new() argument 'name' must be str, not {}",
            vm.type_name(name)
        )));
    };
    let data = arg_or_kw(args, kw, 1, "data").or_else(|| kwarg(kw, "string"));
    let lower = name.as_str().to_ascii_lowercase();
    if State::new(&lower).is_none() {
        return Err(vm.value_error(format!("unsupported hash type {}", name.as_str())));
    }
    new_hash(vm, &lower, data)
}

fn this(vm: &Vm, args: &[Value]) -> PyResult<&'static str> {
    Ok(this_object::<Hash>(vm, args, "HASH")?.state.lock().name())
}

fn update(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let h = this_object::<Hash>(vm, args, "HASH")?;
    let data = data_arg(vm, &args[1])?;
    feed(vm, h, &data);
    Ok(Value::None)
}

fn digest(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let h = this_object::<Hash>(vm, args, "HASH")?;
    let d = h.state.lock().digest();
    Ok(new_bytes(d))
}

fn hexdigest(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let h = this_object::<Hash>(vm, args, "HASH")?;
    let d = h.state.lock().digest();
    let hex: String = d.iter().map(|b| format!("{:02x}", b)).collect();
    Ok(new_str(hex))
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let h = this_object::<Hash>(vm, args, "HASH")?;
    let state = h.state.lock().clone();
    Ok(new_object(
        vm,
        Hash {
            state: Mutex::new(state),
        },
    ))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let name = this(vm, args)?;
    let addr = args[0].heap_ptr().map_or(0, |p| p as usize);
    Ok(new_str(format!(
        "<{} _hashlib.HASH object @ {:#x}>",
        name, addr
    )))
}

fn name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_str(this(vm, args)?))
}

fn digest_size(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let h = this_object::<Hash>(vm, args, "HASH")?;
    let n = h.state.lock().digest_size();
    Ok(Value::Int(n))
}

fn block_size(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let h = this_object::<Hash>(vm, args, "HASH")?;
    let n = h.state.lock().block_size();
    Ok(Value::Int(n))
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let class = native_class::<Hash>(
        vm,
        "HASH",
        "_hashlib",
        None,
        &[
            ("update", Arity::exact(1), update),
            ("digest", Arity::exact(0), digest),
            ("hexdigest", Arity::exact(0), hexdigest),
            ("copy", Arity::exact(0), copy),
            ("__repr__", Arity::exact(0), repr),
        ],
    );
    add_getters(
        vm,
        &class,
        &[
            ("name", name),
            ("digest_size", digest_size),
            ("block_size", block_size),
        ],
    );
    add_functions(
        vm,
        d,
        &[
            ("new", Arity::ANY, new),
            ("md5", Arity::ANY, md5),
            ("sha1", Arity::ANY, sha1),
            ("sha224", Arity::ANY, sha224),
            ("sha256", Arity::ANY, sha256),
            ("sha384", Arity::ANY, sha384),
            ("sha512", Arity::ANY, sha512),
        ],
    );
    for set_name in ["algorithms_guaranteed", "algorithms_available"] {
        let names: Vec<Value> = NAMES.iter().map(|n| new_str(*n)).collect();
        let set = vm.call(
            &Value::Class(vm.types().set.clone()),
            &[Value::list(names)],
            &[],
        );
        let set = match set {
            Ok(s) => s,
            Err(_) => Value::tuple(NAMES.iter().map(|n| new_str(*n)).collect()),
        };
        d.set_by_str(set_name, set);
    }
    Ok(())
}
