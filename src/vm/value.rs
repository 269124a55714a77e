//! `Value`: what the VM pushes, stores and passes. Immediates (`None`, bools,
//! small ints, floats) are unboxed; everything else is one counted pointer.

use super::dict::DictMap;
use super::object::*;
use super::sync::{PyCell, Shared};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering};

/// A Python value. 16 bytes; `Clone` of an immediate is a copy.
///
/// The tag is a whole word (`repr(u64)`): every payload then starts at byte
/// 8, so moving a `Value` copies two aligned words instead of the tag byte and
/// seven unaligned padding bytes, which caused store-forwarding stalls.
#[repr(u64)]
pub enum Value {
    /// Internal marker, never visible to Python code: an unbound local slot,
    /// or "no self" under a `LoadMethod` result.
    Null,
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// An int that does not fit in `i64` (always normalised: never a small one).
    BigInt(Shared<BigInt>),
    Str(Str),
    Bytes(Shared<PyBytes>),
    List(Shared<PyList>),
    Tuple(Shared<PyTuple>),
    Dict(Shared<PyDict>),
    Set(Shared<PySet>),
    Func(Shared<Function>),
    Builtin(Shared<Builtin>),
    Class(ClassRef),
    Instance(Shared<Instance>),
    Method(Shared<Method>),
    Module(Shared<Module>),
    Native(Shared<Native>),
}

/// Runs `$body` with `$x` bound to the counted pointer of a heap value (each
/// variant's own `Shared` type); nothing for an immediate.
macro_rules! on_heap {
    ($v:expr, $x:ident => $body:expr) => {
        match $v {
            Value::Null | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {}
            Value::BigInt($x) => $body,
            Value::Str($x) => $body,
            Value::Bytes($x) => $body,
            Value::List($x) => $body,
            Value::Tuple($x) => $body,
            Value::Dict($x) => $body,
            Value::Set($x) => $body,
            Value::Func($x) => $body,
            Value::Builtin($x) => $body,
            Value::Class($x) => $body,
            Value::Instance($x) => $body,
            Value::Method($x) => $body,
            Value::Module($x) => $body,
            Value::Native($x) => $body,
        }
    };
}

impl Clone for Value {
    /// Inlined everywhere: cloning an immediate must cost a copy, not a call.
    #[inline(always)]
    fn clone(&self) -> Value {
        if self.is_heap() {
            self.count_new_reference();
        }
        super::words::copy_value_bits(self)
    }
}

pub type Str = Shared<PyStr>;

/// An immutable string with its hash cached on first use. Text of up to 24
/// bytes (most names, keys and words) is stored inline: one allocation per
/// string object instead of two.
pub struct PyStr {
    pub s: compact_str::CompactString,
    /// 0 means "not computed yet" (a real hash of 0 is stored as 1).
    hash: AtomicU64,
    pub ascii: bool,
    /// For a long non-ASCII string, where its characters are (made on first
    /// use; null until then). Owned: freed with the string.
    index: AtomicPtr<CharIndex>,
}

/// Where the characters of a long non-ASCII string start: the byte offset
/// of every `CHAR_STRIDE`-th character, and the number of characters. With
/// it, finding character `i` walks at most `CHAR_STRIDE - 1` characters
/// instead of `i` (UTF-8 has no fixed width), so indexing, slicing and
/// `len` in a loop stay linear over the string.
struct CharIndex {
    chars: usize,
    marks: Box<[usize]>,
}

const CHAR_STRIDE: usize = 64;

/// Shorter strings are walked: the walk costs less than an index.
const INDEX_MIN_BYTES: usize = 256;

impl CharIndex {
    fn new(s: &str) -> CharIndex {
        let mut marks = Vec::with_capacity(s.len() / CHAR_STRIDE + 1);
        let mut chars = 0;
        for (b, _) in s.char_indices() {
            if chars % CHAR_STRIDE == 0 {
                marks.push(b);
            }
            chars += 1;
        }
        CharIndex {
            chars,
            marks: marks.into_boxed_slice(),
        }
    }
}

impl PyStr {
    pub fn new(s: impl Into<compact_str::CompactString>) -> PyStr {
        let s = s.into();
        let ascii = s.is_ascii();
        PyStr {
            s,
            hash: AtomicU64::new(0),
            ascii,
            index: AtomicPtr::new(std::ptr::null_mut()),
        }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    #[inline]
    pub fn hash(&self) -> u64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != 0 {
            return h;
        }
        let h = str_hash(&self.s);
        // Relaxed is enough: every thread computes the same value.
        self.hash.store(h, Ordering::Relaxed);
        h
    }
    /// The character index of a long non-ASCII string, made on first use.
    fn char_index(&self) -> Option<&CharIndex> {
        if self.ascii || self.s.len() < INDEX_MIN_BYTES {
            return None;
        }
        let mut p = self.index.load(Ordering::Acquire);
        if p.is_null() {
            let made = Box::into_raw(Box::new(CharIndex::new(&self.s)));
            p = match self.index.compare_exchange(
                std::ptr::null_mut(),
                made,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => made,
                Err(theirs) => {
                    // SAFETY: `made` came from `Box::into_raw` just above and
                    // was not published (the exchange failed): ours to free.
                    drop(unsafe { Box::from_raw(made) });
                    theirs
                }
            };
        }
        // SAFETY: a non-null `index` points to the `CharIndex` published
        // once by the exchange above; it is freed only by `Drop`, so it lives
        // as long as `&self`.
        Some(unsafe { &*p })
    }
    /// Number of code points.
    pub fn char_len(&self) -> usize {
        if self.ascii {
            self.s.len()
        } else if let Some(ix) = self.char_index() {
            ix.chars
        } else {
            self.s.chars().count()
        }
    }
    /// The byte offset where character `i` starts (the length in bytes for
    /// `i` at or past the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.ascii {
            return i.min(self.s.len());
        }
        let (from, skip) = match self.char_index() {
            Some(ix) if i >= ix.chars => return self.s.len(),
            Some(ix) => (ix.marks[i / CHAR_STRIDE], i % CHAR_STRIDE),
            None => (0, i),
        };
        self.s[from..]
            .char_indices()
            .nth(skip)
            .map_or(self.s.len(), |(b, _)| from + b)
    }
    /// The character index of the character starting at byte `b`.
    pub fn char_of_byte(&self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        match self.char_index() {
            Some(ix) => {
                let k = ix.marks.partition_point(|&m| m <= b).saturating_sub(1);
                k * CHAR_STRIDE + self.s[ix.marks[k]..b].chars().count()
            }
            None => self.s[..b].chars().count(),
        }
    }
}

impl Drop for PyStr {
    fn drop(&mut self) {
        let p = *self.index.get_mut();
        if !p.is_null() {
            // SAFETY: a non-null `index` came from `Box::into_raw` in
            // `char_index` and is freed only here, once.
            drop(unsafe { Box::from_raw(p) });
        }
    }
}

/// The hash a `str` with this text has (no `PyStr` needed to ask).
pub fn str_hash(s: &str) -> u64 {
    bytes_hash(s.as_bytes())
}

/// The hash of a byte string; a str hashes as its UTF-8 bytes, so an ASCII
/// `str` and the equal `bytes` hash alike, as in CPython.
fn bytes_hash(s: &[u8]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    // The empty string hashes to 0, as in CPython (its cache then holds
    // "not computed", and the hash is made again: nothing to compute).
    if s.is_empty() {
        return 0;
    }
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(s);
    h.write_u8(0xff);
    let v = h.finish() & 0x7fff_ffff_ffff_ffff;
    if v == 0 {
        1
    } else {
        v
    }
}

/// An immutable byte string (`bytes`), with its hash cached on first use.
pub struct PyBytes {
    pub data: Box<[u8]>,
    hash: AtomicU64,
}

impl PyBytes {
    pub fn new(data: impl Into<Box<[u8]>>) -> PyBytes {
        PyBytes {
            data: data.into(),
            hash: AtomicU64::new(0),
        }
    }
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }
    pub fn hash(&self) -> u64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != 0 {
            return h;
        }
        let h = bytes_hash(&self.data);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

pub fn new_bytes(data: impl Into<Box<[u8]>>) -> Value {
    Value::Bytes(Shared::new(PyBytes::new(data)))
}

pub fn new_str(s: impl Into<compact_str::CompactString>) -> Value {
    Value::Str(Shared::new(PyStr::new(s)))
}

pub type PyList = PyCell<Vec<Value>>;
pub type PyDict = PyCell<DictMap>;

pub struct PyTuple {
    pub items: Box<[Value]>,
}

pub struct PySet {
    pub frozen: bool,
    pub map: PyCell<super::settable::SetMap>,
}

impl Value {
    #[inline]
    pub fn from_bool(b: bool) -> Value {
        Value::Bool(b)
    }
    pub fn from_bigint(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Shared::new(b)),
        }
    }
    pub fn list(items: Vec<Value>) -> Value {
        let l = Shared::new(PyCell::new(items));
        super::gc::track_list(&l);
        Value::List(l)
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        if items.is_empty() {
            // One empty tuple, as CPython has (`() is ()`).
            static EMPTY: std::sync::OnceLock<Shared<PyTuple>> = std::sync::OnceLock::new();
            let t = EMPTY.get_or_init(|| {
                Shared::new(PyTuple {
                    items: Box::new([]),
                })
            });
            return Value::Tuple(t.clone());
        }
        let track = super::gc::tuple_may_cycle(&items);
        let t = Shared::new(PyTuple {
            items: items.into_boxed_slice(),
        });
        if track {
            super::gc::track(super::gc::Tracked::Tuple(Shared::downgrade(&t)));
        }
        Value::Tuple(t)
    }
    pub fn dict(map: DictMap) -> Value {
        let d = Shared::new(PyCell::new(map));
        super::gc::track_dict(&d);
        Value::Dict(d)
    }
    pub fn set(map: super::settable::SetMap, frozen: bool) -> Value {
        let s = Shared::new(PySet {
            frozen,
            map: PyCell::new(map),
        });
        super::gc::track(super::gc::Tracked::Set(Shared::downgrade(&s)));
        Value::Set(s)
    }
    /// An instance, or a native object of a module's class (a deque, a
    /// socket): its special methods are found through its class.
    pub fn has_python_class(&self) -> bool {
        match self {
            Value::Instance(_) => true,
            Value::Native(n) => matches!(**n, Native::Object { .. }),
            _ => false,
        }
    }
    pub fn native(n: Native) -> Value {
        // Generators, and the descriptors a class body makes of its
        // functions (a class and its methods are often a cycle).
        let tracked = match &n {
            Native::Generator(_) => true,
            Native::StaticMethod(f) | Native::ClassMethod(f) => super::gc::may_be_tracked(f),
            Native::Property {
                fget, fset, fdel, ..
            } => [fget, fset, fdel]
                .into_iter()
                .any(super::gc::may_be_tracked),
            // Traceback and frame objects: they hold a namespace, which may
            // hold the exception.
            Native::Object { data, .. } => {
                data.is::<super::introspect::TracebackInfo>()
                    || data.is::<super::introspect::FrameInfo>()
                    || data.is::<super::deque::Deque>()
            }
            _ => false,
        };
        let n = Shared::new(n);
        if tracked {
            super::gc::track(super::gc::Tracked::Native(Shared::downgrade(&n)));
        }
        Value::Native(n)
    }
    /// A bound method.
    pub fn method(func: Value, self_: Value) -> Value {
        let m = Shared::new(Method { func, self_ });
        super::gc::track(super::gc::Tracked::Method(Shared::downgrade(&m)));
        Value::Method(m)
    }
    /// Whether this class attribute binds to an instance when looked up
    /// through it (a Python function, or a method of a built-in type).
    #[inline]
    pub fn binds_to_instance(&self) -> bool {
        match self {
            Value::Func(_) => true,
            Value::Builtin(b) => b.method,
            _ => false,
        }
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    /// Whether the value owns a counted heap object (dropping it does work).
    #[inline(always)]
    pub fn is_heap(&self) -> bool {
        !matches!(
            self,
            Value::Null | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_)
        )
    }
    /// Makes a heap value live until the process ends (see `Shared::make_immortal`).
    pub fn make_immortal(&self) {
        on_heap!(self, x => Shared::make_immortal(x));
    }

    /// A function or class bound by a module or class body (a `def` or
    /// `class` statement, mostly) usually lives as long as the program and
    /// is shared by every thread that calls it: it becomes immortal, up to a
    /// fixed number, so that a loop defining functions cannot leak without
    /// bound.
    pub fn immortalize_definition(&self) {
        static BUDGET: AtomicU64 = AtomicU64::new(20_000);
        if !super::sync::FREE_THREADING || !matches!(self, Value::Func(_) | Value::Class(_)) {
            return;
        }
        if BUDGET
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |b| b.checked_sub(1))
            .is_err()
        {
            return;
        }
        self.make_immortal();
        // A class's methods with it.
        if let Value::Class(c) = self {
            let methods: Vec<Value> = c
                .dict
                .read()
                .iter()
                .filter_map(|(_, v)| match v {
                    Value::Func(_) => Some(v.clone()),
                    Value::Native(n) => match &**n {
                        Native::StaticMethod(f) | Native::ClassMethod(f) => Some(f.clone()),
                        Native::Property { fget, .. } => Some(fget.clone()),
                        _ => None,
                    },
                    _ => None,
                })
                .collect();
            methods.iter().for_each(Value::immortalize_definition);
        }
    }

    /// Adds one to the reference count of a heap value (for a bitwise copy).
    #[inline(always)]
    fn count_new_reference(&self) {
        on_heap!(self, x => std::mem::forget(x.clone()));
    }
    /// Drops the value with the common cases inline: nothing to do for
    /// ints, floats, bools and `None`, and an inline count decrement for the
    /// containers, strings and instances the eval loop drops most (the
    /// generic drop is an out-of-line call through a jump table).
    #[inline(always)]
    pub fn discard(self) {
        match self {
            Value::Null | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {
                std::mem::forget(self)
            }
            Value::List(x) => drop(x),
            Value::Tuple(x) => drop(x),
            Value::Str(x) => drop(x),
            Value::Instance(x) => drop(x),
            other => drop(other),
        }
    }
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
    /// Identity, as Python's `is`.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null) | (None, None) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.heap_ptr(), other.heap_ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }
    /// How many references the heap object has (`sys.getrefcount`); an
    /// immediate value counts as one.
    pub fn ref_count(&self) -> usize {
        let mut n = 1;
        on_heap!(self, x => n = Shared::strong_count(x));
        n
    }

    /// The address of the heap object, if any (for `id()` and identity).
    pub fn heap_ptr(&self) -> Option<*const u8> {
        use Value::*;
        Some(match self {
            BigInt(x) => Shared::as_ptr(x),
            Str(x) => Shared::as_ptr(x),
            Bytes(x) => Shared::as_ptr(x),
            List(x) => Shared::as_ptr(x),
            Tuple(x) => Shared::as_ptr(x),
            Dict(x) => Shared::as_ptr(x),
            Set(x) => Shared::as_ptr(x),
            Func(x) => Shared::as_ptr(x),
            Builtin(x) => Shared::as_ptr(x),
            Class(x) => Shared::as_ptr(x),
            Instance(x) => Shared::as_ptr(x),
            Method(x) => Shared::as_ptr(x),
            Module(x) => Shared::as_ptr(x),
            Native(x) => Shared::as_ptr(x),
            _ => return Option::None,
        })
    }
}

/// CPython's numeric hash: `hash(x) == hash(y)` whenever `x == y` across int,
/// float and bool, reduced modulo the Mersenne prime 2**61 - 1.
pub mod numhash {
    use num_bigint::{BigInt, Sign};
    use num_traits::ToPrimitive;

    pub const MODULUS: u64 = (1 << 61) - 1;

    pub fn fix(h: i64) -> i64 {
        if h == -1 {
            -2
        } else {
            h
        }
    }

    pub fn int(i: i64) -> i64 {
        let m = (i.unsigned_abs() % MODULUS) as i64;
        fix(if i < 0 { -m } else { m })
    }

    pub fn bigint(b: &BigInt) -> i64 {
        let m: BigInt = BigInt::from(MODULUS);
        let r = (b.magnitude() % m.magnitude()).to_u64().unwrap_or(0) as i64;
        fix(if b.sign() == Sign::Minus { -r } else { r })
    }

    pub fn float(x: f64) -> i64 {
        if x.is_infinite() {
            return if x > 0.0 { 314159 } else { -314159 };
        }
        if x.is_nan() {
            return 0;
        }
        if x.fract() == 0.0 && x.abs() < 9.2e18 {
            return int(x as i64);
        }
        // The general algorithm of CPython's _Py_HashDouble.
        let (mut m, mut e) = frexp(x.abs());
        let sign = if x < 0.0 { -1i64 } else { 1 };
        let mut acc: u64 = 0;
        while m != 0.0 {
            acc = ((acc << 28) & MODULUS) | (acc >> (61 - 28));
            m *= 268435456.0;
            e -= 28;
            let y = m as u64;
            m -= y as f64;
            acc += y;
            if acc >= MODULUS {
                acc -= MODULUS;
            }
        }
        let e = if e >= 0 {
            e % 61
        } else {
            61 - 1 - ((-1 - e) % 61)
        };
        acc = ((acc << e) & MODULUS) | (acc >> (61 - e));
        fix(acc as i64 * sign)
    }

    fn frexp(x: f64) -> (f64, i32) {
        if x == 0.0 {
            return (0.0, 0);
        }
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i32;
        if exp == 0 {
            let (m, e) = frexp(x * 2f64.powi(64));
            return (m, e - 64);
        }
        let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
        (m, exp - 1022)
    }
}

impl Value {
    /// The hash of a value whose hash needs no Python code, or `None` when it
    /// does (instances with `__hash__`) or the value is unhashable.
    pub fn native_hash(&self) -> Option<i64> {
        Some(match self {
            Value::None => 0x1234_5678,
            Value::Bool(b) => *b as i64,
            Value::Int(i) => numhash::int(*i),
            Value::Float(f) => numhash::float(*f),
            Value::BigInt(b) => numhash::bigint(b),
            Value::Str(s) => s.hash() as i64,
            Value::Bytes(b) => b.hash() as i64,
            Value::Tuple(t) => {
                // CPython's xxHash-based tuple hash.
                let mut acc: u64 = 0x27D4EB2F165667C5;
                for item in t.items.iter() {
                    let h = item.native_hash()? as u64;
                    acc = acc.wrapping_add(h.wrapping_mul(0xC2B2AE3D27D4EB4F));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(0x9E3779B185EBCA87);
                }
                acc = acc.wrapping_add((t.items.len() as u64) ^ (0x27D4EB2F165667C5 ^ 3527539));
                numhash::fix(acc as i64)
            }
            Value::Set(s) if s.frozen => {
                let map = s.map.lock();
                let mut h: u64 = 0;
                for (k, _) in map.iter() {
                    let kh = k.native_hash()? as u64;
                    h ^= (kh ^ (kh << 16) ^ 89869747).wrapping_mul(3644798167);
                }
                numhash::fix(h as i64)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) => return None,
            Value::Instance(_) => return None,
            Value::Native(n) => match &**n {
                Native::Slice { .. } | Native::ByteArray(_) => return None,
                // A read-only view hashes as the bytes it shows.
                Native::MemoryView(m) if m.readonly => bytes_hash(&m.to_vec()) as i64,
                Native::MemoryView(_) => return None,
                // A natively implemented module type may define its own hash.
                Native::Object { class, .. }
                    if class.dict.read().get_by_str("__hash__").is_some() =>
                {
                    return None
                }
                Native::Complex(re, im) => super::complex::hash(super::complex::C::new(*re, *im)),
                _ => (Shared::as_ptr(n) as usize >> 4) as i64,
            },
            Value::Method(m) => {
                let a = m.func.native_hash().unwrap_or(0);
                let b = m.self_.heap_ptr().map_or(0, |p| p as usize as i64);
                a ^ b
            }
            other => (other.heap_ptr().map_or(0, |p| p as usize) >> 4) as i64,
        })
    }
}

#[cfg(test)]
mod layout_tests {
    use super::Value;

    #[test]
    fn value_is_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
    }
}
