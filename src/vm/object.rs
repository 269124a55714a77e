//! Heap object layouts: classes, instances, functions, modules and the native
//! objects (ranges, iterators, generators, cells, descriptors, ...).

use super::dict::DictMap;
use super::frame::Frame;
use super::sync::{Guard, PyCell, Shared};
use super::value::{PyDict, Str, Value};
use super::Vm;
use crate::compiler::bytecode::CodeObject;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

pub type ClassRef = Shared<Class>;
pub type PyResult<T> = Result<T, PyErr>;

/// A raised exception. One pointer wide, so that `PyResult<Value>` is 16
/// bytes and comes back from a call in two registers instead of through
/// memory (a 24-byte result written field by field and then copied whole
/// stalls the store buffer at every return).
pub struct PyErr(Box<Value>);

impl PyErr {
    #[cold]
    pub fn new(exc: Value) -> PyErr {
        PyErr(Box::new(exc))
    }
    pub fn into_value(self) -> Value {
        *self.0
    }
    /// The exception object.
    pub fn value(&self) -> &Value {
        &self.0
    }
}

impl From<Value> for PyErr {
    #[cold]
    fn from(exc: Value) -> PyErr {
        PyErr::new(exc)
    }
}

impl std::ops::Deref for PyErr {
    type Target = Value;
    fn deref(&self) -> &Value {
        &self.0
    }
}

impl Clone for PyErr {
    fn clone(&self) -> PyErr {
        PyErr::new((*self.0).clone())
    }
}
pub type CellRef = Shared<PyCell<Value>>;

/// What native layout the instances of a class carry (inherited from the
/// nearest built-in base).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Plain instances with a `__dict__`.
    Object,
    /// `BaseException` and its subclasses: also args, traceback, cause, context.
    Exception,
    /// A built-in type's values are not `Instance`s (int, str, list, ...).
    Builtin,
}

pub struct Class {
    pub name: Str,
    pub qualname: Str,
    pub bases: Vec<ClassRef>,
    /// The method resolution order without the class itself (C3).
    pub mro: Vec<ClassRef>,
    pub dict: ClassDict,
    pub layout: Layout,
    /// Built-in types refuse new attributes.
    pub builtin: bool,
    /// The metaclass, when it is not `type`.
    pub meta: Option<ClassRef>,
    /// Instances have no `__dict__`: every class of the MRO declares
    /// `__slots__`; they take only these attribute names.
    pub slots: Option<Box<[Str]>>,
    /// A class of the MRO (other than `object`) defines `__getattribute__`:
    /// every attribute read of an instance goes through it.
    pub custom_getattribute: std::sync::atomic::AtomicBool,
    /// Classes made with this one as a direct base (`__subclasses__()`),
    /// held weakly as CPython does: a class made and dropped in a loop must
    /// not live on in `object`'s list.
    pub subclasses: PyCell<Vec<super::sync::WeakShared<Class>>>,
}

/// The type version: bumped after every mutation of any class namespace, so
/// that a cached class attribute lookup tagged with the current version is
/// still right (see `Vm::class_lookup`). Read with a relaxed load on hot paths.
pub static TYPE_VERSION: AtomicU64 = AtomicU64::new(1);

/// The current type version.
#[inline]
pub fn type_version() -> u64 {
    TYPE_VERSION.load(Ordering::Relaxed)
}

/// A class namespace. Every mutable access (`lock`) bumps [`TYPE_VERSION`]
/// when it ends, still holding the lock, so attribute caches never keep a
/// value from before the change under a version from after it. Read-only
/// access goes through `read`, which bumps nothing.
pub struct ClassDict(PyCell<DictMap>);

/// Mutable access to a class namespace; bumps the type version when dropped.
pub struct ClassDictGuard<'a>(Guard<'a, DictMap>);

impl Drop for ClassDictGuard<'_> {
    fn drop(&mut self) {
        TYPE_VERSION.fetch_add(1, Ordering::SeqCst);
    }
}

impl std::ops::Deref for ClassDictGuard<'_> {
    type Target = DictMap;
    #[inline]
    fn deref(&self) -> &DictMap {
        &self.0
    }
}

impl std::ops::DerefMut for ClassDictGuard<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut DictMap {
        &mut self.0
    }
}

/// Read-only access to a class namespace.
pub struct ClassDictRead<'a>(Guard<'a, DictMap>);

impl std::ops::Deref for ClassDictRead<'_> {
    type Target = DictMap;
    #[inline]
    fn deref(&self) -> &DictMap {
        &self.0
    }
}

impl ClassDict {
    pub fn new(d: DictMap) -> ClassDict {
        // A new class may sit where a freed one was: caches keyed by class
        // address must not match it under an old version.
        TYPE_VERSION.fetch_add(1, Ordering::SeqCst);
        ClassDict(PyCell::new(d))
    }
    /// Access for changing the namespace (invalidates attribute caches).
    pub fn lock(&self) -> ClassDictGuard<'_> {
        ClassDictGuard(self.0.lock())
    }
    /// Access for reading only.
    #[inline]
    pub fn read(&self) -> ClassDictRead<'_> {
        ClassDictRead(self.0.lock())
    }
    /// Empties the namespace (the cycle collector), unless it is in use.
    pub fn try_take(&self) -> Option<DictMap> {
        let mut d = self.0.try_lock()?;
        let old = std::mem::take(&mut *d);
        TYPE_VERSION.fetch_add(1, Ordering::SeqCst);
        drop(d);
        Some(old)
    }
    /// Reading, unless the namespace is being changed right now.
    pub fn try_read(&self) -> Option<ClassDictRead<'_>> {
        self.0.try_lock().map(ClassDictRead)
    }
}

impl Class {
    /// Looks `name` up along the MRO (the class first), without a cache.
    pub fn lookup(&self, name: &Str) -> Option<Value> {
        if let Some(v) = self.dict.read().get_str(name) {
            return Some(v.clone());
        }
        for c in &self.mro {
            if let Some(v) = c.dict.read().get_str(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Whether instances have a `__del__` to run when dropped (false if a
    /// namespace of the MRO is being changed at this instant: a drop may
    /// happen anywhere, and must not wait).
    pub fn has_del(&self) -> bool {
        std::iter::once(self)
            .chain(self.mro.iter().map(|c| &**c))
            .any(|c| {
                c.dict
                    .try_read()
                    .is_some_and(|d| d.get_by_str("__del__").is_some())
            })
    }

    pub fn lookup_str(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.read().get_by_str(name) {
            return Some(v.clone());
        }
        for c in &self.mro {
            if let Some(v) = c.dict.read().get_by_str(name) {
                return Some(v.clone());
            }
        }
        None
    }

    pub fn is_subclass(&self, other: &ClassRef) -> bool {
        std::ptr::eq(self, &**other) || self.mro.iter().any(|c| Shared::ptr_eq(c, other))
    }
}

pub struct Instance {
    /// Its class: `obj.__class__ = C` replaces it (see `class()`).
    pub class_slot: super::sync::Replaceable<ClassRef>,
    /// The instance's namespace: a dict object of its own, so that
    /// `obj.__dict__` is that very dict (updates through it are seen).
    pub dict: Shared<PyDict>,
    /// Present for exception instances only (boxed: plain instances stay small).
    pub exc: Option<Box<PyCell<ExcData>>>,
    /// For instances of a subclass of a built-in type (`class Stack(list)`):
    /// the built-in value the inherited methods work on.
    pub base: Option<Value>,
    /// Its `__del__` has run (or will, on the state moved out of it).
    pub finalized: std::sync::atomic::AtomicBool,
    /// Weak references to it exist (see `weak.rs`).
    pub weakly_referenced: std::sync::atomic::AtomicBool,
}

impl Instance {
    /// The instance's current class.
    #[inline]
    pub fn class(&self) -> &ClassRef {
        self.class_slot.get()
    }
}

/// One entry of a traceback: where a frame was when the exception passed.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Arc<CodeObject>,
    pub line: u32,
    /// The instruction that was running (`tb_lasti` is twice it).
    pub pc: u32,
    /// The frame's globals, for `tb.tb_frame.f_globals`.
    pub globals: Shared<PyDict>,
}

impl TbEntry {
    pub fn at(code: &Code, frame: &Frame) -> TbEntry {
        TbEntry {
            code: code.co.clone(),
            line: frame.line(),
            pc: frame.pc.saturating_sub(1) as u32,
            globals: frame.globals.clone(),
        }
    }
}

#[derive(Clone)]
pub struct ExcData {
    pub args: Value,
    /// Innermost frame first.
    pub traceback: Vec<TbEntry>,
    /// The traceback objects `__traceback__` gave out, for the first `.0`
    /// entries: later ones are put in front of it, so a chain that Python
    /// code cut stays cut.
    pub tb_objects: Option<(usize, Value)>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

/// A code object ready to run: its constants and names made into values once.
pub struct Code {
    pub co: Arc<CodeObject>,
    /// `co.instructions` with common pairs fused (`bytecode::fuse`): what runs.
    pub instrs: Box<[crate::compiler::bytecode::Instr]>,
    pub consts: Box<[Value]>,
    pub names: Box<[Str]>,
    pub varnames: Box<[Str]>,
    /// `co.name` and `co.qualname`, interned once for every function made.
    pub name: Str,
    pub qualname: Str,
    /// One inline cache per name for `LoadGlobal` (see `Vm::load_global_cached`).
    pub global_cache: Box<[GlobalCache]>,
    /// Inline caches per name for instance attribute loads and stores.
    pub load_sites: Box<[super::cache::AttrSite]>,
    pub store_sites: Box<[super::cache::AttrSite]>,
}

/// Where a global name was last found: `(keys_version << 32) | position` for
/// the globals and for the builtins (position `u32::MAX`: not there). Each
/// word is written whole, so a reader never sees half an update.
#[derive(Default)]
pub struct GlobalCache {
    pub globals: std::sync::atomic::AtomicU64,
    pub builtins: std::sync::atomic::AtomicU64,
}

pub struct Function {
    /// For a call that needs no argument binding (only positional
    /// parameters, no cells, not a generator): the number of parameters,
    /// else `u32::MAX`. Read here, the call's check is one load.
    pub simple_argc: u32,
    /// The fewest positional arguments that fast call takes: the rest come
    /// from `defaults`.
    pub min_argc: u32,
    /// `code`'s local count and stack size, for the same fast call.
    pub nlocals: u32,
    pub max_stack: u32,
    pub code: Shared<Code>,
    pub globals: Shared<PyDict>,
    pub defaults: Box<[Value]>,
    pub kwdefaults: Option<Shared<PyDict>>,
    pub closure: Box<[CellRef]>,
    pub name: PyCell<Str>,
    pub qualname: PyCell<Str>,
    /// `__doc__`, `__module__`, `__wrapped__` and anything a decorator sets.
    pub dict: PyCell<DictMap>,
}

pub struct Method {
    pub func: Value,
    pub self_: Value,
}

pub type NativeFn = fn(&mut Vm, &[Value], &[(Str, Value)]) -> PyResult<Value>;

/// A function written in Rust. Methods of built-in types take `self` first.
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// A method of a built-in type: found on a class, it binds to the
    /// instance like a Python function. Plain built-in functions stored as
    /// class attributes stay unbound, as in CPython.
    pub method: bool,
    /// For methods bound at creation (module functions closing over state).
    pub bound: Option<Value>,
    /// Positional arguments taken (without `self`), checked by every call.
    pub arity: super::native::Arity,
    /// The built-in class a method belongs to (for its error messages).
    pub owner: Option<super::value::Str>,
    /// A function the interpreter loop may run inline (as CPython
    /// specializes calls of `len`): checked on the object itself, so a
    /// shadowing `len` is an ordinary call.
    pub fast: FastBuiltin,
}

/// Which built-in function a `Builtin` is, for the loop's inline calls.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FastBuiltin {
    None,
    Len,
}

pub struct Module {
    pub name: Str,
    pub dict: Shared<PyDict>,
}

/// What a suspendable frame is: `def` with `yield`, `async def`, or
/// `async def` with `yield`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// The name CPython's messages use.
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// Generator state; the frame is taken out while the generator runs.
pub struct GenState {
    pub kind: GenKind,
    pub code: Shared<Code>,
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    pub finished: bool,
    pub name: Str,
    pub qualname: Str,
    /// Exceptions being handled inside the generator while it is suspended.
    pub saved_exc: Vec<Value>,
}

/// Less common objects, one enum to keep `Value` small.
pub enum Native {
    Code(Shared<Code>),
    Cell(CellRef),
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    Generator(PyCell<GenState>),
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        doc: Value,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    Super {
        class: ClassRef,
        obj: Value,
    },
    NotImplemented,
    Ellipsis,
    /// A stateful iterator.
    Iter(PyCell<IterState>),
    /// `d.keys()`, `d.values()`, `d.items()`.
    DictView {
        dict: Shared<PyDict>,
        kind: ViewKind,
    },
    /// `bytearray`: a mutable byte string.
    ByteArray(PyCell<Vec<u8>>),
    /// `memoryview` over a `bytes` or `bytearray`.
    MemoryView(MemoryView),
    /// A `complex` number (real, imaginary).
    Complex(f64, f64),
    /// An object implemented natively by a module (locks, threads, ...).
    Object {
        class: ClassRef,
        data: Box<dyn std::any::Any + Send + Sync>,
    },
}

/// The data of a `mappingproxy`: the mapping it shows, read-only.
pub struct MappingProxy(pub Value);

/// A window on the bytes of another object (contiguous, one byte per item).
pub struct MemoryView {
    pub obj: Value,
    pub start: usize,
    /// `None`: to the end of the object, whatever its length now.
    pub len: Option<usize>,
    pub readonly: bool,
    pub released: std::sync::atomic::AtomicBool,
    /// The item format: `b'B'` (unsigned bytes), `b'b'` (signed) or `b'c'`
    /// (bytes of length 1); every item is one byte.
    pub format: u8,
}

impl MemoryView {
    /// How many bytes the view shows now (without copying them).
    pub fn nbytes(&self) -> usize {
        let seen = |len: usize| {
            let start = self.start.min(len);
            self.len.map_or(len - start, |n| n.min(len - start))
        };
        match &self.obj {
            Value::Bytes(b) => seen(b.as_bytes().len()),
            Value::Native(n) => match &**n {
                Native::ByteArray(a) => seen(a.lock().len()),
                Native::MemoryView(m) => seen(m.nbytes()),
                _ => 0,
            },
            _ => 0,
        }
    }

    /// A copy of the bytes seen through the view.
    pub fn to_vec(&self) -> Vec<u8> {
        let copy = |data: &[u8]| {
            let start = self.start.min(data.len());
            let end = match self.len {
                Some(n) => (start + n).min(data.len()),
                None => data.len(),
            };
            data[start..end].to_vec()
        };
        match &self.obj {
            Value::Bytes(b) => copy(b.as_bytes()),
            Value::Native(n) => match &**n {
                Native::ByteArray(a) => copy(&a.lock()),
                Native::MemoryView(m) => copy(&m.to_vec()),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: Str,
        byte_pos: usize,
    },
    Dict {
        dict: Shared<PyDict>,
        slot: usize,
        kind: ViewKind,
        len: usize,
    },
    Set {
        set: Shared<super::value::PySet>,
        slot: usize,
        len: usize,
    },
    Enumerate {
        it: Value,
        count: Value,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        its: Vec<Value>,
    },
    Filter {
        func: Value,
        it: Value,
    },
    Reversed {
        seq: Value,
        index: usize,
    },
    /// Calls `__getitem__(0)`, `__getitem__(1)`, ... until IndexError.
    GetItem {
        obj: Value,
        index: i64,
    },
    /// `iter(callable, sentinel)`
    Callable {
        func: Value,
        sentinel: Value,
    },
    Done,
}
