//! The virtual machine: values and objects, frames, the eval loop, and the
//! interpreter state shared by all threads.

pub mod arith;
mod attr;
pub mod breaker;
pub mod bytes;
mod cache;
mod call;
mod class;
mod compare;
pub mod complex;
pub mod convert;
pub mod coroutine;
pub mod deadlock;
pub mod deque;
pub mod dict;
pub mod eval;
mod eval_support;
mod exc;
pub mod exc_group;
mod fastpath;
pub mod fork;
pub mod frame;
mod function;
pub mod gc;
pub mod generator;
pub mod gil;
pub mod gilstats;
pub mod giltrace;
pub mod host;
mod import;
pub mod introspect;
pub mod lock;
pub mod native;
pub mod object;
pub mod ops;
pub mod os;
mod patterns;
pub mod repr;
pub mod seq;
pub mod setops;
pub mod settable;
pub mod signals;
pub mod stdio;
pub mod strfmt;
pub mod sync;
mod types;
pub mod value;
mod wait;
pub mod weak;
pub mod words;

pub use gilstats::Wait;
pub use native::{Arity, NativeDef};
pub use object::*;
pub use types::{ExcTypes, Types};
pub use value::{new_bytes, new_str, Str, Value};

use crate::compiler::bytecode::{CodeObject, Constant};
use crate::vm::lock::Mutex;
use dict::DictMap;
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use sync::{PyCell, Shared};
use value::PyStr;

/// State shared by every thread of one interpreter.
pub struct Interp {
    pub types: Types,
    pub builtins: Shared<value::PyDict>,
    /// `sys.modules`: loaded modules by name.
    pub modules: Shared<value::PyDict>,
    interned: Mutex<FxHashMap<Box<str>, Str>>,
    pub gil: gil::Gil,
    pub recursion_limit: AtomicUsize,
    /// Source text of the files that were compiled, for tracebacks.
    pub sources: Mutex<FxHashMap<String, Arc<str>>>,
    pub argv: Mutex<Vec<String>>,
    pub options: Options,
    /// The compiler and the module table, handed in by whoever assembled
    /// the interpreter.
    pub host: host::Host,
    /// The interned names every thread's `Vm` shares.
    pub names: Arc<Names>,
    /// The classes of natively implemented objects, by their Rust type.
    pub native_classes: Mutex<FxHashMap<std::any::TypeId, ClassRef>>,
    /// Threads blocked for ever, for the deadlock check.
    pub deadlock: deadlock::Registry,
}

/// Command-line options that change how the interpreter runs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `-X dis`: print the bytecode before running.
    pub dis: bool,
    /// `-X gilstats`: print where each thread's time went at exit.
    pub gilstats: bool,
    /// `-X giltrace=FILE.json|FILE.svg`: write the GIL timeline at exit.
    pub giltrace: Option<String>,
    /// `-X deadlock=off`: no deadlock check.
    pub no_deadlock_check: bool,
    /// The `-W` options, in order (`sys.warnoptions` after `PYTHONWARNINGS`'s).
    pub warnoptions: Vec<String>,
}

/// One thread's view of the interpreter. Holding `&mut Vm` means holding the
/// GIL: it is the token every object access goes through.
pub struct Vm {
    pub interp: Arc<Interp>,
    /// Exceptions currently being handled (innermost last), for
    /// `sys.exc_info()`, bare `raise` and implicit chaining.
    pub exc_stack: Vec<Value>,
    /// Python call depth, checked against the recursion limit.
    pub depth: usize,
    /// Address near the bottom of this thread's native stack.
    stack_base: usize,
    stack_size: usize,
    /// Shared by every thread of the interpreter (made once, not per thread).
    pub names: Arc<Names>,
    /// Containers whose repr is in progress (self-reference guard).
    pub repr_stack: rustc_hash::FxHashSet<usize>,
    /// Whether this is the interpreter's main thread (signals go there).
    pub is_main: bool,
    /// Globals of the module bodies being run (for `globals()`).
    pub current_globals: Vec<Shared<value::PyDict>>,
    /// Value-stack and locals buffers of finished frames, for reuse.
    pub frame_pool: Vec<Vec<Value>>,
    /// Recent class attribute lookups (see `cache.rs`).
    pub(crate) attr_cache: cache::AttrCache,
    /// The frames this thread is running, innermost last (see `introspect.rs`).
    pub(crate) frames: Vec<std::ptr::NonNull<frame::Frame>>,
}

macro_rules! names {
    ($($field:ident = $text:expr),* $(,)?) => {
        /// Interned names the VM looks up often.
        pub struct Names { $(pub $field: Str,)* }
        impl Names {
            fn new(interp: &Interp) -> Names {
                Names { $($field: interp.intern($text),)* }
            }
            fn empty() -> Names {
                let blank = Shared::new(PyStr::new(""));
                Names { $($field: blank.clone(),)* }
            }
        }
    };
}

names! {
    init = "__init__", new = "__new__", repr = "__repr__", str = "__str__",
    eq = "__eq__", ne = "__ne__", lt = "__lt__", le = "__le__", gt = "__gt__", ge = "__ge__",
    hash = "__hash__", len = "__len__", bool_ = "__bool__", iter = "__iter__", next = "__next__",
    getitem = "__getitem__", setitem = "__setitem__", delitem = "__delitem__",
    contains = "__contains__", call = "__call__", enter = "__enter__", exit = "__exit__",
    getattr = "__getattr__", getattribute = "__getattribute__", setattr = "__setattr__", delattr = "__delattr__",
    get = "__get__", set = "__set__", delete = "__delete__",
    class_ = "__class__", dict = "__dict__", name = "__name__", qualname = "__qualname__",
    module = "__module__", doc = "__doc__", classcell = "__classcell__",
    neg = "__neg__", pos = "__pos__", invert = "__invert__", abs = "__abs__",
    index = "__index__", int = "__int__", float = "__float__", format = "__format__",
    round = "__round__", reversed = "__reversed__", missing = "__missing__",
    init_subclass = "__init_subclass__", set_name = "__set_name__",
    args = "args", builtins = "__builtins__", main = "__main__",
}

impl Interp {
    pub fn intern(&self, s: &str) -> Str {
        let mut table = self.interned.lock();
        if let Some(v) = table.get(s) {
            return v.clone();
        }
        let v = Shared::new(PyStr::new(s));
        // Kept by the table for good anyway.
        Shared::make_immortal(&v);
        table.insert(s.into(), v.clone());
        v
    }
}

/// Default native stack for threads running Python code (virtual memory).
pub const THREAD_STACK_SIZE: usize = 256 << 20;

impl Vm {
    /// Creates a fresh interpreter and the VM of its main thread. Its
    /// built-in types have no methods yet: the assembler registers them.
    pub fn new(options: Options, host: host::Host) -> Vm {
        let interned = Mutex::new(FxHashMap::default());
        let types = Types::new();
        let deadlock = deadlock::Registry::new(!options.no_deadlock_check);
        let interp = Arc::new(Interp {
            types,
            builtins: Shared::new(PyCell::new(DictMap::new())),
            modules: Shared::new(PyCell::new(DictMap::new())),
            interned,
            gil: gil::Gil::new(),
            recursion_limit: AtomicUsize::new(1000),
            sources: Mutex::new(FxHashMap::default()),
            argv: Mutex::new(Vec::new()),
            options,
            host,
            names: Arc::new(Names::empty()),
            native_classes: Mutex::new(FxHashMap::default()),
            deadlock,
        });
        let names = Arc::new(Names::new(&interp));
        // Filled in once the interning table exists, before any thread starts.
        let interp = {
            let mut i = interp;
            Arc::get_mut(&mut i).expect("no other reference yet").names = names;
            i
        };
        if interp.options.gilstats || interp.options.giltrace.is_some() {
            interp.gil.stats.enable(interp.options.giltrace.is_some());
        }
        let mut vm = Vm::for_thread(interp, THREAD_STACK_SIZE);
        vm.is_main = true;
        vm.attr_cache = cache::AttrCache::for_thread(true);
        vm.interp.deadlock.set_main(os::thread_ident());
        vm
    }

    /// The VM of another thread of the same interpreter.
    pub fn for_thread(interp: Arc<Interp>, stack_size: usize) -> Vm {
        let names = interp.names.clone();
        let marker = 0u8;
        gc::LIVE_THREADS.fetch_add(1, Ordering::AcqRel);
        Vm {
            interp,
            exc_stack: Vec::new(),
            depth: 0,
            stack_base: &marker as *const u8 as usize,
            stack_size,
            names,
            repr_stack: Default::default(),
            is_main: false,
            current_globals: Vec::new(),
            frame_pool: Vec::new(),
            attr_cache: cache::AttrCache::for_thread(false),
            frames: Vec::new(),
        }
    }

    pub fn types(&self) -> &Types {
        &self.interp.types
    }

    pub fn intern(&self, s: &str) -> Str {
        self.interp.intern(s)
    }

    /// Raises `RecursionError` before the native stack could overflow.
    #[inline]
    pub fn check_recursion(&self) -> PyResult<()> {
        self.check_recursion_in("")
    }

    /// `check_recursion` for native code that recurses (`context` ends
    /// the message, as CPython's " in comparison"). The native stack is
    /// guarded too: whatever the limit says, it cannot overflow.
    #[inline]
    pub fn check_recursion_in(&self, context: &str) -> PyResult<()> {
        if self.depth > self.interp.recursion_limit.load(Ordering::Relaxed)
            || self.native_stack_low()
        {
            return Err(self.recursion_error(context));
        }
        Ok(())
    }

    /// Less than 2 MB of native stack left.
    #[inline(always)]
    pub fn native_stack_low(&self) -> bool {
        let marker = 0u8;
        let here = std::hint::black_box(&marker) as *const u8 as usize;
        self.stack_base.abs_diff(here) + (2 << 20) > self.stack_size
    }

    #[cold]
    #[inline(never)]
    pub fn recursion_error(&self, context: &str) -> PyErr {
        let msg = format!("maximum recursion depth exceeded{context}");
        self.new_error(&self.types().exc.RecursionError, msg)
    }

    /// Turns a compiled code object (and the ones nested in it) into runnable code.
    /// Code objects live as long as the program (they are made once per
    /// module load) and are immortal.
    pub fn load_code(&self, co: &Arc<CodeObject>) -> Shared<Code> {
        self.load_code_with(co, true)
    }

    /// As [`Vm::load_code`], for code made at run time (`compile`, `exec`,
    /// `eval`), which is freed when no longer used.
    pub fn load_code_transient(&self, co: &Arc<CodeObject>) -> Shared<Code> {
        self.load_code_with(co, false)
    }

    fn load_code_with(&self, co: &Arc<CodeObject>, immortal: bool) -> Shared<Code> {
        let consts = co
            .consts
            .iter()
            .map(|c| self.load_const(c, immortal))
            .collect();
        let names = co.names.iter().map(|n| self.intern(n)).collect();
        let varnames = co.varnames.iter().map(|n| self.intern(n)).collect();
        let global_cache = co.names.iter().map(|_| GlobalCache::default()).collect();
        let code = Shared::new(Code {
            co: co.clone(),
            instrs: crate::compiler::bytecode::fuse(&co.instructions),
            consts,
            names,
            varnames,
            global_cache,
            name: self.intern(&co.name),
            qualname: self.intern(&co.qualname),
            load_sites: co.names.iter().map(|_| Default::default()).collect(),
            store_sites: co.names.iter().map(|_| Default::default()).collect(),
        });
        if immortal {
            Shared::make_immortal(&code);
        }
        code
    }

    fn load_const(&self, c: &Constant, immortal: bool) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(b) => Value::from_bigint(b.clone()),
            Constant::Float(f) => Value::Float(*f),
            Constant::Complex(re, im) => Value::native(Native::Complex(*re, *im)),
            Constant::Str(s) => Value::Str(self.intern(s)),
            Constant::Bytes(b) => value::new_bytes(b.clone()),
            Constant::Ellipsis => self.types().ellipsis.clone(),
            Constant::Tuple(items) => {
                Value::tuple(items.iter().map(|c| self.load_const(c, immortal)).collect())
            }
            Constant::Code(inner) => {
                Value::native(Native::Code(self.load_code_with(inner, immortal)))
            }
        }
    }

    /// Registers a native module, so that `import name` finds it.
    pub fn add_module(&mut self, name: &str, dict: DictMap) -> Value {
        let mut dict = dict;
        dict.set_by_str("__name__", new_str(name));
        let m = Value::Module(Shared::new(Module {
            name: self.intern(name),
            dict: {
                let d = Shared::new(PyCell::new(dict));
                Shared::make_immortal(&d);
                d
            },
        }));
        self.interp.modules.lock().set_by_str(name, m.clone());
        m
    }
}

/// Makes a fresh class. `layout` is inherited from the bases when they have one.
pub fn make_class(
    name: Str,
    qualname: Str,
    bases: Vec<ClassRef>,
    dict: DictMap,
    builtin: bool,
) -> Result<ClassRef, String> {
    make_class_with(name, qualname, bases, dict, builtin, None, None)
}

/// [`make_class`] with a metaclass (`None`: `type`) and `__slots__` names
/// (`None`: instances have a `__dict__`).
pub fn make_class_with(
    name: Str,
    qualname: Str,
    bases: Vec<ClassRef>,
    dict: DictMap,
    builtin: bool,
    meta: Option<ClassRef>,
    slots: Option<Box<[Str]>>,
) -> Result<ClassRef, String> {
    let mro = types::c3_mro(&bases)?;
    let custom_getattribute = mro
        .iter()
        .any(|c| !c.builtin && c.dict.read().get_by_str("__getattribute__").is_some())
        || dict.get_by_str("__getattribute__").is_some();
    if dict.get_by_str("__del__").is_some() {
        gc::ANY_DEL.store(true, Ordering::Relaxed);
    }
    let layout = if mro.iter().any(|c| c.layout == Layout::Exception) {
        Layout::Exception
    } else {
        Layout::Object
    };
    Ok(Shared::new(Class {
        name,
        qualname,
        bases,
        mro,
        dict: ClassDict::new(dict),
        layout,
        builtin,
        meta,
        slots,
        custom_getattribute: std::sync::atomic::AtomicBool::new(custom_getattribute),
        subclasses: PyCell::new(Vec::new()),
    }))
}
